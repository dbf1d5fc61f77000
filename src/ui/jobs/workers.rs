//! The worker threads: one for everything but diffs, two for diffs, and the
//! queue that gives the diff threads the newest request first.

use crate::lang::{Msg, tf};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Condvar, Mutex};

use super::{DiffKey, Failed, Request, Response, failed, found_entry, handle};
use crate::store::{Cancel, Store};

/// The workers: one thread for everything but diffs, and two for diffs (and
/// their threads' marks), so a diff is computed while a long job runs (the
/// first read of a fresh clone's history, which shows the drafts it finds as
/// it goes), and the diff the reviewer steps to next is computed beside the
/// one wanted now.
pub struct Workers {
    repo: PathBuf,
    /// The answers' channel, for a background fetch's own thread.
    tell: super::sync::Tell,
    main: Sender<Request>,
    diffs: Arc<DiffQueue>,
    cancel: Cancel,
}

impl Workers {
    /// Stops the long job the main worker is running (a first read of the
    /// history), which answers with a cancelled error; the requests behind
    /// it go on.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    pub fn send(&self, request: Request) {
        match request {
            Request::Diff(_) | Request::DiffThreads { .. } => self.diffs.push(request),
            Request::Fetch => {
                let (repo, tell) = (self.repo.clone(), self.tell.clone());
                std::thread::spawn(move || {
                    let fetched = Store::open(&repo)
                        .map_err(failed)
                        .and_then(|store| super::sync::fetch(&store));
                    tell(Response::Fetched(fetched));
                });
            }
            // A worker that is gone answered its last request with an error.
            _ => drop(self.main.send(request)),
        }
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.diffs.close();
    }
}

/// Starts the workers. Each keeps one `Store` for its lifetime, so git's
/// object cache (and the history cache) serve every request. Answers go to
/// `answers`, which the event loop also waits on.
pub fn spawn<T: From<Response> + Send + 'static>(repo: PathBuf, answers: Sender<T>) -> Workers {
    let diffs = start_diff_threads(&repo, answers.clone());
    let (answers_for_fetch, repo_for_fetch) = (answers.clone(), repo.clone());
    let progress = answers.clone();
    let cancel = Cancel::default();
    let flag = cancel.clone();
    let main = worker(answers, cancel.clone(), move || {
        let mut store = Store::open(&repo).map_err(failed)?;
        store.set_cancel(flag);
        store.on_progress(Box::new(move |reading| {
            let text = match reading.total {
                Some(total) => tf(Msg::HistReadingOf, &[("done", &reading.done), ("total", &total)]),
                None => tf(Msg::HistReadingCount, &[("done", &reading.done)]),
            };
            let _ = progress.send(T::from(Response::Progress(text)));
            if !reading.found.is_empty() {
                let found = reading.found.iter().map(found_entry).collect();
                let _ = progress.send(T::from(Response::Found(found)));
            }
        }));
        Ok(store)
    });
    Workers {
        tell: tell(answers_for_fetch),
        repo: repo_for_fetch,
        main,
        diffs,
        cancel,
    }
}

/// Diff requests waiting for the diff threads, newest last, and those being
/// computed.
#[derive(Default)]
pub struct DiffQueue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

#[derive(Default)]
struct QueueState {
    waiting: Vec<Request>,
    computing: Vec<(bool, DiffKey)>,
    closed: bool,
}

/// What a diff request is for: its diff (`false`) or the diff's thread
/// marks (`true`), by key.
fn diff_job(request: &Request) -> Option<(bool, DiffKey)> {
    match request {
        Request::Diff(r) => Some((false, r.key.clone())),
        Request::DiffThreads { key, .. } => Some((true, key.clone())),
        _ => None,
    }
}

/// Threads computing diffs.
const DIFF_THREADS: usize = 2;

/// How many waiting diff requests are kept behind the newest: the wanted
/// diff and its neighbours; older ones were for drafts the reviewer left.
const DIFF_BACKLOG: usize = 3;

impl DiffQueue {
    /// Queues `request` as the newest; asked again while it waits, it moves
    /// up (the screen sends what it wants most last); while it is being
    /// computed, it is answered once.
    fn push(&self, request: Request) {
        let mut state = self.lock();
        let job = diff_job(&request);
        if job.as_ref().is_some_and(|j| state.computing.contains(j)) {
            return;
        }
        state.waiting.retain(|w| diff_job(w) != job);
        state.waiting.push(request);
        drop(state);
        self.ready.notify_one();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, QueueState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The newest request, and those it leaves too far behind; `None` once
    /// closed.
    fn take(&self) -> Option<(Request, Vec<Request>)> {
        let mut state = self.lock();
        loop {
            if state.closed {
                return None;
            }
            if let Some(newest) = state.waiting.pop() {
                let behind = state.waiting.len().saturating_sub(DIFF_BACKLOG);
                let dropped = state.waiting.drain(..behind).collect();
                state.computing.extend(diff_job(&newest));
                return Some((newest, dropped));
            }
            state = self
                .ready
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    /// The job is answered.
    fn done(&self, job: Option<(bool, DiffKey)>) {
        self.lock().computing.retain(|j| Some(j) != job.as_ref());
    }
}

/// Starts the diff threads: each takes the newest request waiting, so the
/// wanted diff (sent last) is computed first and the next one beside it;
/// requests left behind are answered as skipped, and the screen asks again
/// for what it still wants.
fn start_diff_threads<T: From<Response> + Send + 'static>(repo: &Path, answers: Sender<T>) -> Arc<DiffQueue> {
    let queue = Arc::new(DiffQueue::default());
    let texts = crate::store::Texts::default();
    for _ in 0..DIFF_THREADS {
        let (queue, answers, repo) = (queue.clone(), answers.clone(), repo.to_path_buf());
        let texts = texts.clone();
        std::thread::spawn(move || {
            let store = Store::open_to_read(&repo, &texts).map_err(failed);
            while let Some((request, dropped)) = queue.take() {
                let skipped = dropped.into_iter().filter_map(|r| match r {
                    Request::Diff(r) => Some(Response::DiffSkipped(r.key)),
                    Request::DiffThreads { key, .. } => Some(Response::DiffThreads(key, None)),
                    _ => None,
                });
                let job = diff_job(&request);
                let answer = handle(&store, request);
                queue.done(job);
                for response in skipped.chain(std::iter::once(answer)) {
                    if answers.send(T::from(response)).is_err() {
                        return;
                    }
                }
            }
        });
    }
    queue
}

/// A channel's sending side as something any thread can call.
fn tell<T: From<Response> + Send + 'static>(answers: Sender<T>) -> super::sync::Tell {
    let answers = Mutex::new(answers);
    Arc::new(move |r: Response| {
        if let Ok(answers) = answers.lock() {
            let _ = answers.send(T::from(r));
        }
    })
}

/// The main worker thread: requests in order (diffs go to the diff threads,
/// which drop the ones left behind). A cancel is for the job running when it
/// was asked: it is forgotten before the next one starts.
fn worker<T: From<Response> + Send + 'static>(
    answers: Sender<T>,
    cancel: Cancel,
    open: impl FnOnce() -> Result<Store, Failed> + Send + 'static,
) -> Sender<Request> {
    let (req_tx, req_rx) = channel::<Request>();
    std::thread::spawn(move || {
        let store = open();
        let tell = tell(answers.clone());
        while let Ok(request) = req_rx.recv() {
            cancel.reset();
            let response = match request {
                Request::Sync(input) => match &store {
                    Ok(store) => super::sync::run(store, &input, &cancel, Some(tell.clone())),
                    Err(e) => Response::Synced(Err(e.clone())),
                },
                other => handle(&store, other),
            };
            if answers.send(T::from(response)).is_err() {
                return;
            }
        }
    });
    req_tx
}
