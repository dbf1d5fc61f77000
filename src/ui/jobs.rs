//! Background work: everything that reads or writes git runs on a worker thread
//! with its own `Store`, and reports back through a channel, so the UI thread
//! only draws and reacts and never freezes on a large history.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Condvar, Mutex};

use crate::domain::{BodyId, Kind, Slug, WorkspaceConfig, paths};
use crate::store::{CommitId, Store};
use crate::usecase::Side;
pub use crate::usecase::{OpenedDocument, PlacedThread, SavedDraft, ThreadMarks as DiffThreads};

/// What the UI asks for.
#[derive(Debug)]
pub enum Request {
    /// A first look at the workspace from what is at hand: the documents at
    /// the head with the rows the last full read remembered. Answered as
    /// `Loaded` with `refreshing` set; a `Load` should follow.
    Glance,
    Load,
    Open(Slug),
    Save {
        slug: Slug,
        base: CommitId,
        text: String,
        message: String,
    },
    History(Slug),
    Diff(DiffRequest),
    /// The open threads on both sides of a diff, for the history's gutter;
    /// `to_text` as in [`DiffRequest`].
    DiffThreads {
        key: DiffKey,
        to_text: Option<String>,
    },
    Approvals(Slug),
    /// A document's threads placed on the latest draft, or on `shown` (the
    /// editor's text) when given.
    Threads {
        slug: Slug,
        shown: Option<String>,
    },
    Comment(Slug, CommentRequest),
    Decide(Slug, crate::store::DecisionInput),
    Tag {
        slug: Slug,
        draft: Option<u32>,
        force: bool,
    },
}

/// Two versions of a document to compare. `None` as `from` is the empty text
/// (before draft 1); `to_text` replaces the `to` commit's text (the editor's
/// unsaved buffer).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DiffKey {
    pub slug: Slug,
    pub from: Option<CommitId>,
    pub to: CommitId,
    /// The editor's buffer version, when `to` is the unsaved text.
    pub buffer: Option<u64>,
}

#[derive(Debug)]
pub struct DiffRequest {
    pub key: DiffKey,
    pub from_label: String,
    pub to_label: String,
    pub to_text: Option<String>,
}

/// What comes back. Errors are the sentences of the store's errors.
#[derive(Debug)]
pub enum Response {
    Loaded(Result<WorkspaceView, String>),
    Opened(Result<OpenedDocument, String>),
    Saved(Result<SavedDraft, String>),
    History(Slug, Result<Vec<HistoryEntry>, String>),
    Diffed(DiffKey, Result<std::sync::Arc<ComputedDiff>, String>),
    /// A diff request the worker dropped because a newer one was waiting.
    DiffSkipped(DiffKey),
    /// A diff's threads; `None` when dropped for a newer request.
    DiffThreads(DiffKey, Option<Result<std::sync::Arc<DiffThreads>, String>>),
    Approvals(Slug, Result<ApprovalsView, String>),
    /// A recorded decision or a created tag: what to tell the user.
    Approved(Slug, Result<String, String>),
    Threads(Slug, Result<ThreadsView, String>),
    Commented(Slug, Result<String, String>),
    /// How far a long job got, as a sentence for the status line.
    Progress(String),
    /// Drafts found by a first read of the history, newest first, by slug:
    /// numbered 0, as their numbers are not known yet.
    Found(Vec<(String, HistoryEntry)>),
}

/// What to do with comments.
#[derive(Debug, Clone)]
pub enum CommentRequest {
    /// A new thread on lines `start..=end` (1-based) of draft `draft` (default:
    /// the latest) or, when `shown` is given, of that unsaved text based on it.
    Add {
        draft: Option<u32>,
        start: usize,
        end: usize,
        text: String,
        shown: Option<String>,
    },
    Reply {
        id: String,
        text: String,
    },
    Resolve {
        id: String,
    },
    Reopen {
        id: String,
    },
}

#[derive(Debug, Clone)]
pub struct ThreadsView {
    /// Sorted by position; outdated threads last.
    pub threads: Vec<PlacedThread>,
    pub problems: Vec<String>,
    /// The user's e-mail, for the "mine" filter.
    pub me: String,
}

/// Reads a document's threads and places them on `shown` (default: the latest draft).
pub fn threads(store: &Store, slug: &Slug, shown: Option<&str>) -> Result<ThreadsView, String> {
    let shown = shown.map_or(crate::usecase::Shown::Latest, crate::usecase::Shown::Text);
    let found = crate::usecase::threads(store, slug, shown).map_err(|e| e.to_string())?;
    let me = store
        .identity()
        .map(|s| String::from_utf8_lossy(s.email_bytes()).into_owned())
        .unwrap_or_default();
    Ok(ThreadsView {
        threads: found.threads,
        problems: found.problems.iter().map(|p| p.to_string()).collect(),
        me,
    })
}

fn comment(store: &Store, slug: &Slug, request: CommentRequest) -> Result<String, String> {
    use crate::usecase::Comment;
    let comment = match &request {
        CommentRequest::Add {
            draft,
            start,
            end,
            text,
            shown,
        } => Comment::Add {
            draft: *draft,
            start: *start,
            end: *end,
            text,
            shown: shown.as_deref(),
        },
        CommentRequest::Reply { id, text } => Comment::Reply { id, text },
        CommentRequest::Resolve { id } => Comment::Resolve { id, text: None },
        CommentRequest::Reopen { id } => Comment::Reopen { id, text: None },
    };
    crate::usecase::comment(store, slug, comment)
        .map(|done| done.status_line())
        .map_err(|e| e.to_string())
}

/// A document's approvals as the approvals screen shows them.
#[derive(Debug, Clone)]
pub struct ApprovalsView {
    pub title: String,
    pub status: crate::domain::ApprovalStatus,
    /// Each column's body name, parallel to `status.columns`.
    pub names: Vec<String>,
    pub problems: Vec<String>,
    /// Whether the user may record decisions and tag.
    pub is_lead: bool,
}

/// Reads a document's approvals.
pub fn approvals(store: &Store, slug: &Slug) -> Result<ApprovalsView, String> {
    let a = crate::usecase::approvals(store, slug).map_err(|e| e.to_string())?;
    Ok(ApprovalsView {
        title: a.title,
        status: a.status,
        names: a.names,
        problems: a.problems.iter().map(|p| p.to_string()).collect(),
        is_lead: a.is_lead,
    })
}

/// One draft in the history list.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub number: u32,
    pub commit: CommitId,
    pub date: String,
    pub author: String,
    pub summary: String,
    /// Tags on the draft's commit (approved versions, named versions).
    pub labels: Vec<String>,
    pub recorded: Option<u32>,
    /// The bodies' decisions on this draft, e.g. "DIR ⏸".
    pub decisions: Vec<String>,
}

/// A diff ready to show: the texts, the diff, its section summary and, for
/// work plans, the action changes.
#[derive(Debug)]
pub struct ComputedDiff {
    pub from_label: String,
    pub to_label: String,
    /// Shared with the store's text cache: neighbouring diffs share a text.
    pub old: std::sync::Arc<str>,
    pub new: std::sync::Arc<str>,
    pub diff: crate::diff::TextDiff,
    pub sections: Vec<crate::diff::SectionChange>,
    pub actions: Vec<crate::diff::ActionChange>,
}

/// A governing body's standing on a document, as an agenda item's row shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Badge {
    Approved,
    /// Approved or adopted an older draft than the current one.
    Stale,
    Pending,
    Postponed,
    Rejected,
    Returned,
    NotYet,
}

impl From<crate::domain::Standing> for Badge {
    fn from(standing: crate::domain::Standing) -> Badge {
        use crate::domain::Standing as S;
        match standing {
            S::NotYet => Badge::NotYet,
            S::Pending => Badge::Pending,
            s if s.is_stale() => Badge::Stale,
            S::Approved { .. } | S::Adopted { .. } | S::Noted { .. } => Badge::Approved,
            S::Postponed { .. } => Badge::Postponed,
            S::Rejected { .. } => Badge::Rejected,
            S::Returned { .. } => Badge::Returned,
        }
    }
}

impl Badge {
    /// A symbol so the state is legible without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Badge::Approved => "✓",
            Badge::Stale => "↺",
            Badge::Pending => "…",
            Badge::Postponed => "⏸",
            Badge::Rejected => "✗",
            Badge::Returned => "↩",
            Badge::NotYet => "·",
        }
    }
}

/// One document as the overview shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Item {
    #[serde(with = "slug_text")]
    pub slug: Slug,
    pub title: String,
    pub kind: Kind,
    /// False while only its title, kind and route are known (its drafts,
    /// decisions and threads are still being read).
    #[serde(skip, default = "known")]
    pub known: bool,
    pub route: Vec<(BodyId, Badge)>,
    pub draft: usize,
    pub open_comments: usize,
    pub author: String,
    pub date: String,
}

fn known() -> bool {
    true
}

mod slug_text {
    use crate::domain::Slug;
    pub fn serialize<S: serde::Serializer>(slug: &Slug, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(slug.as_str())
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Slug, D::Error> {
        let text: String = serde::Deserialize::deserialize(d)?;
        Slug::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The workspace as the UI needs it.
#[derive(Debug, Clone)]
pub struct WorkspaceView {
    pub name: String,
    pub branch: String,
    pub identity: String,
    pub head: CommitId,
    pub git_dir: PathBuf,
    pub config: WorkspaceConfig,
    pub items: Vec<Item>,
    pub problems: Vec<String>,
    /// A first look ([`Request::Glance`]): the full read is still under way.
    pub refreshing: bool,
}

/// Checks cheaply that `repo` is a readable workspace, before the screen opens.
pub fn check(repo: &Path) -> Result<(), String> {
    let store = Store::open(repo).map_err(|e| e.to_string())?;
    store.config().map(|_| ()).map_err(|e| e.to_string())
}

/// Reads the workspace for the overview.
pub fn load(store: &Store) -> Result<WorkspaceView, String> {
    let documents = crate::usecase::documents(store).map_err(|e| e.to_string())?;
    let items: Vec<Item> = documents
        .rows
        .into_iter()
        .map(|row| Item {
            // A document whose decisions cannot be read still shows its route.
            route: match row.standing {
                Some(standing) => standing
                    .into_iter()
                    .map(|(body, standing)| (body, Badge::from(standing)))
                    .collect(),
                None => row.route.into_iter().map(|b| (b, Badge::NotYet)).collect(),
            },
            draft: row.drafts,
            open_comments: row.open_threads,
            author: row.last.as_ref().map(|d| d.author.clone()).unwrap_or_default(),
            date: row
                .last
                .as_ref()
                .map(|d| d.time.strftime("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            known: true,
            slug: row.slug,
            title: row.title,
            kind: row.kind,
        })
        .collect();
    if let Ok(bytes) = serde_json::to_vec(&items) {
        store.remember(REMEMBERED_ROWS, &bytes);
    }
    let problems = documents.problems.iter().map(|p| p.to_string()).collect();
    Ok(view(
        store,
        documents.config,
        documents.commit,
        items,
        problems,
        false,
    ))
}

/// Where the overview's rows of the last full read are kept.
const REMEMBERED_ROWS: &str = "overview.json";

/// The overview before the history is read: the documents at the head, each
/// with its row as the last full read left it, or with only its title, kind
/// and route when it has none (a fresh clone, a new document).
pub fn glance(store: &Store) -> Result<WorkspaceView, String> {
    let snapshot = store.glance().map_err(|e| e.to_string())?;
    let mut remembered: std::collections::HashMap<Slug, Item> = store
        .recall(REMEMBERED_ROWS)
        .and_then(|bytes| serde_json::from_slice::<Vec<Item>>(&bytes).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|item| (item.slug.clone(), item))
        .collect();
    let mut items: Vec<Item> = snapshot
        .strategies
        .iter()
        .map(|s| {
            let route = s.meta.effective_route(&snapshot.config);
            match remembered.remove(&s.slug) {
                // The row as it was, with what the head says now where it is known.
                Some(item) => Item {
                    title: s.meta.title.clone(),
                    kind: s.meta.kind,
                    ..item
                },
                None => Item {
                    slug: s.slug.clone(),
                    title: s.meta.title.clone(),
                    kind: s.meta.kind,
                    known: false,
                    route: route.iter().map(|b| (b.clone(), Badge::NotYet)).collect(),
                    draft: 0,
                    open_comments: 0,
                    author: String::new(),
                    date: String::new(),
                },
            }
        })
        .collect();
    items.sort_by_cached_key(|i| crate::usecase::order(&i.title, &i.slug));
    // Problems with the documents are the full read's to report.
    Ok(view(
        store,
        snapshot.config,
        snapshot.commit.into(),
        items,
        Vec::new(),
        true,
    ))
}

/// The workspace view of `snapshot` with its overview rows.
fn view(
    store: &Store,
    config: WorkspaceConfig,
    head: CommitId,
    items: Vec<Item>,
    problems: Vec<String>,
    refreshing: bool,
) -> WorkspaceView {
    WorkspaceView {
        name: config.name.clone(),
        branch: store.branch_short(),
        identity: identity(store),
        head,
        git_dir: store.repo().path().to_path_buf(),
        config,
        items,
        problems,
        refreshing,
    }
}

fn identity(store: &Store) -> String {
    match store.identity() {
        Ok(sig) => format!("{} <{}>", sig.name().unwrap_or("?"), sig.email().unwrap_or("?")),
        Err(_) => "no git identity".into(),
    }
}

/// Reads the latest draft of a document for the editor.
pub fn open(store: &Store, slug: &Slug) -> Result<OpenedDocument, String> {
    crate::usecase::open(store, slug).map_err(|e| e.to_string())
}

/// Saves the editor's text as a new draft made against `base`.
pub fn save(
    store: &Store,
    slug: &Slug,
    base: CommitId,
    text: &str,
    message: &str,
) -> Result<SavedDraft, String> {
    let source = paths::document(slug);
    let request = crate::usecase::SaveRequest {
        slug,
        text: text.as_bytes(),
        base: Some(base),
        message,
        source: &source,
    };
    crate::usecase::save(store, &request).map_err(|e| e.to_string())
}

/// The drafts of a document with their labels (tags on their commits) and
/// the bodies' decisions on them.
pub fn history(store: &Store, slug: &Slug) -> Result<Vec<HistoryEntry>, String> {
    let drafts = crate::usecase::history(store, slug).map_err(|e| e.to_string())?;
    Ok(drafts
        .into_iter()
        .map(|h| HistoryEntry {
            number: h.draft.number,
            commit: h.draft.commit.into(),
            date: h.draft.time.strftime("%Y-%m-%d %H:%M").to_string(),
            author: h.draft.author,
            summary: h.draft.summary,
            labels: h.labels,
            recorded: h.draft.recorded,
            decisions: h
                .decisions
                .iter()
                .map(|(body, outcome)| format!("{body} {}", outcome.symbol()))
                .collect(),
        })
        .collect())
}

/// How long a word diff may take before it is shown as approximate.
const DIFF_BUDGET: std::time::Duration = std::time::Duration::from_millis(300);

/// The sides of a diff request.
fn sides<'a>(key: &DiffKey, to_text: Option<&'a str>) -> (Side<'a>, Side<'a>) {
    let from = key.from.map_or(Side::Empty, Side::Commit);
    let to = match to_text {
        Some(text) => Side::Edited { base: key.to, text },
        None => Side::Commit(key.to),
    };
    (from, to)
}

/// Reads both versions and compares them.
pub fn compute_diff(store: &Store, request: &DiffRequest) -> Result<ComputedDiff, String> {
    let (from, to) = sides(&request.key, request.to_text.as_deref());
    let c = crate::usecase::compare(store, &request.key.slug, from, to, DIFF_BUDGET)
        .map_err(|e| e.to_string())?;
    Ok(ComputedDiff {
        from_label: request.from_label.clone(),
        to_label: request.to_label.clone(),
        old: c.old.text,
        new: c.new.text,
        diff: c.diff,
        sections: c.sections,
        actions: c.actions,
    })
}

/// Places the document's open threads on both texts of a diff.
pub fn diff_threads(store: &Store, key: &DiffKey, to_text: Option<&str>) -> Result<DiffThreads, String> {
    let (from, to) = sides(key, to_text);
    crate::usecase::thread_marks(store, &key.slug, from, to).map_err(|e| e.to_string())
}

/// The workers: one thread for everything but diffs, and two for diffs (and
/// their threads' marks), so a diff is computed while a long job runs (the
/// first read of a fresh clone's history, which shows the drafts it finds as
/// it goes), and the diff the reviewer steps to next is computed beside the
/// one wanted now.
pub struct Workers {
    main: Sender<Request>,
    diffs: Arc<DiffQueue>,
}

impl Workers {
    pub fn send(&self, request: Request) {
        match request {
            Request::Diff(_) | Request::DiffThreads { .. } => self.diffs.push(request),
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
    let progress = answers.clone();
    let main = worker(answers, move || {
        let store = Store::open(&repo).map_err(|e| e.to_string())?;
        store.on_progress(Box::new(move |reading| {
            let text = match reading.total {
                Some(total) => format!("Reading the history: {} of {total} commits…", reading.done),
                None => format!("Reading the history: {} commits…", reading.done),
            };
            let _ = progress.send(T::from(Response::Progress(text)));
            if !reading.found.is_empty() {
                let found = reading.found.iter().map(found_entry).collect();
                let _ = progress.send(T::from(Response::Found(found)));
            }
        }));
        Ok(store)
    });
    Workers { main, diffs }
}

/// A draft found before its number is known, as a row of the history.
pub fn found_entry(found: &crate::store::FoundDraft) -> (String, HistoryEntry) {
    let entry = HistoryEntry {
        number: 0,
        commit: found.commit.into(),
        date: found.time.strftime("%Y-%m-%d %H:%M").to_string(),
        author: found.author.to_string(),
        summary: found.summary.clone(),
        labels: Vec::new(),
        recorded: None,
        decisions: Vec::new(),
    };
    (found.slug.to_string(), entry)
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
            let store = Store::open_to_read(&repo, &texts).map_err(|e| e.to_string());
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

/// The main worker thread: requests in order (diffs go to the diff threads,
/// which drop the ones left behind).
fn worker<T: From<Response> + Send + 'static>(
    answers: Sender<T>,
    open: impl FnOnce() -> Result<Store, String> + Send + 'static,
) -> Sender<Request> {
    let (req_tx, req_rx) = channel::<Request>();
    std::thread::spawn(move || {
        let store = open();
        while let Ok(request) = req_rx.recv() {
            if answers.send(T::from(handle(&store, request))).is_err() {
                return;
            }
        }
    });
    req_tx
}

/// Answers one request with the worker's store (or the error opening it).
pub fn handle(store: &Result<Store, String>, request: Request) -> Response {
    let store = match store {
        Ok(store) => store,
        Err(e) => {
            return match request {
                Request::Glance | Request::Load => Response::Loaded(Err(e.clone())),
                Request::Open(_) => Response::Opened(Err(e.clone())),
                Request::Save { .. } => Response::Saved(Err(e.clone())),
                Request::History(slug) => Response::History(slug, Err(e.clone())),
                Request::Approvals(slug) => Response::Approvals(slug, Err(e.clone())),
                Request::Threads { slug, .. } => Response::Threads(slug, Err(e.clone())),
                Request::Comment(slug, _) => Response::Commented(slug, Err(e.clone())),
                Request::Decide(slug, _) | Request::Tag { slug, .. } => {
                    Response::Approved(slug, Err(e.clone()))
                }
                Request::Diff(r) => Response::Diffed(r.key, Err(e.clone())),
                Request::DiffThreads { key, .. } => Response::DiffThreads(key, Some(Err(e.clone()))),
            };
        }
    };
    match request {
        Request::Glance => Response::Loaded(glance(store)),
        Request::Load => Response::Loaded(load(store)),
        Request::Open(slug) => Response::Opened(open(store, &slug)),
        Request::Save {
            slug,
            base,
            text,
            message,
        } => Response::Saved(save(store, &slug, base, &text, &message)),
        Request::History(slug) => {
            let result = history(store, &slug);
            Response::History(slug, result)
        }
        Request::Diff(request) => {
            let result = compute_diff(store, &request).map(std::sync::Arc::new);
            Response::Diffed(request.key, result)
        }
        Request::DiffThreads { key, to_text } => {
            let result = diff_threads(store, &key, to_text.as_deref()).map(std::sync::Arc::new);
            Response::DiffThreads(key, Some(result))
        }
        Request::Approvals(slug) => {
            let result = approvals(store, &slug);
            Response::Approvals(slug, result)
        }
        Request::Threads { slug, shown } => {
            let result = threads(store, &slug, shown.as_deref());
            Response::Threads(slug, result)
        }
        Request::Comment(slug, request) => {
            let result = comment(store, &slug, request);
            Response::Commented(slug, result)
        }
        Request::Decide(slug, input) => {
            let result = crate::usecase::decide(store, &slug, input)
                .map(|decided| decided.status_line())
                .map_err(|e| e.to_string());
            Response::Approved(slug, result)
        }
        Request::Tag { slug, draft, force } => {
            // The approvals screen shows the decision files it cannot read.
            let result = crate::usecase::tag(store, &slug, draft, force, &mut |_| {})
                .map(|tagged| tagged.status_line())
                .map_err(|e| e.to_string());
            Response::Approved(slug, result)
        }
    }
}
