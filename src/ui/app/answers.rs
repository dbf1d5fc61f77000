//! The worker's answers: each screen takes what concerns it, the app the rest
//! (a document opened or saved, a decision or a comment recorded).

use super::App;
use crate::lang::{Msg, t, tf};
use crate::ui::autosave;
use crate::ui::jobs::{self, HistoryEntry, OpenedDocument, Request, Response};
use crate::ui::overlay::{Overlay, RecoveryOffer};
use crate::ui::resolve::{Purpose, Resolver};
use crate::ui::screens::document::DocumentState;
use crate::ui::screens::{Effects, ScreenId};
use crate::usecase::SyncOutcome;

impl App {
    // ---- answers from the worker -----------------------------------------------------

    pub fn handle_response(&mut self, response: Response) {
        // Diffs come from their own threads, while the main worker may still be busy.
        if !matches!(
            response,
            Response::Diffed(..) | Response::DiffSkipped(_) | Response::Found(_)
        ) {
            self.busy = None;
            self.long_job = false;
        }
        let response = match response {
            Response::Opened(Ok(opened)) => return self.opened(opened),
            Response::Opened(Err(e)) => return self.error(e.to_string()),
            Response::Found(found) => return self.found(found),
            other => other,
        };
        let for_history = matches!(
            response,
            Response::History(..)
                | Response::Diffed(..)
                | Response::DiffThreads(..)
                | Response::DiffSkipped(_)
                | Response::Commented(..)
        );
        let mut fx = Effects::default();
        for id in ScreenId::ALL {
            if let Some(screen) = self.screen_mut(id) {
                screen.answer(&response, &mut fx);
            }
        }
        self.apply(fx);
        match response {
            Response::Progress(text) => {
                self.busy = Some(text);
                self.long_job = true;
            }
            Response::Loaded(Ok(view)) => {
                self.load_error = None;
                self.refresh_unsaved();
                if view.refreshing {
                    self.busy = Some(t(Msg::AppReadingHistory).into());
                } else {
                    // Read: every draft has its number now.
                    self.found.clear();
                }
                if let Some(problem) = view.problems.first() {
                    self.error(problem.clone());
                }
            }
            // Stopped by the user: the overview keeps what the glance showed.
            Response::Loaded(Err(e)) if jobs::cancelled(&e) => self.info(t(Msg::AppStoppedReading)),
            Response::Loaded(Err(e)) => self.load_error = Some(e.to_string()),
            // The branch moved since the workspace was read: read it again
            // (the editor then learns of a later draft).
            Response::Head(Ok(Some(head)))
                if self.overview.workspace.as_ref().is_some_and(|w| w.head != head) =>
            {
                self.requests.push(Request::Load);
            }
            Response::WorkPlan(slug, result) => {
                if let Ok(jobs::WorkPlanAnswer {
                    changed: Some(report),
                    ..
                }) = &result
                {
                    self.info(report.trim_end().to_string());
                    self.requests.push(Request::Load);
                }
                let changed = result.as_ref().is_ok_and(|a| a.changed.is_some());
                match self.overlay.as_mut() {
                    Some(Overlay::WorkPlan(panel)) if panel.slug == slug => {
                        panel.answer(result.map(|a| a.actions).map_err(|e| e.to_string()), changed)
                    }
                    _ => {
                        if let Err(e) = result {
                            self.error(e.to_string());
                        }
                    }
                }
            }
            Response::Saved(Ok(saved)) => {
                if let Some(dir) = self.autosave_dir()
                    && let Some(doc) = self
                        .document
                        .as_ref()
                        .filter(|d| d.slug == saved.slug && !d.buffer.is_modified())
                {
                    autosave::remove(&dir, &saved.slug, &doc.session);
                }
                let merged = match saved.merged {
                    true => t(Msg::AppMerged),
                    false => "",
                };
                self.info(tf(
                    Msg::AppSaved,
                    &[
                        ("draft", &saved.draft),
                        ("slug", &saved.slug),
                        ("merged", &merged),
                    ],
                ));
                for w in &saved.warnings {
                    self.error(w.clone());
                }
                self.requests.push(Request::Load);
                self.quit |= self.quit_after_save;
            }
            Response::Saved(Err(e)) => {
                self.quit_after_save = false;
                // The editor finds the clashing passages for the person to choose.
                if matches!(
                    *e,
                    crate::usecase::Refused::Store(crate::store::StoreError::Conflict { .. })
                ) && self.document.is_some()
                {
                    return;
                }
                self.overlay = Some(Overlay::Message {
                    title: t(Msg::AppNotSavedTitle).into(),
                    text: tf(Msg::AppNotSavedText, &[("error", &e)]),
                });
            }
            Response::Synced(Ok(SyncOutcome::Done(synced))) => {
                self.info(synced.report());
                for w in &synced.warnings {
                    self.error(w.clone());
                }
                self.requests.push(Request::Load);
            }
            Response::Synced(Ok(SyncOutcome::Clashes(clashing))) => {
                let resolver = Resolver::new(Purpose::Sync {
                    clashing,
                    at: 0,
                    resolved: Default::default(),
                });
                self.overlay = Some(Overlay::Resolve(Box::new(resolver)));
                self.requests.push(Request::Load);
            }
            Response::Synced(Err(e)) if jobs::cancelled(&e) => self.info(t(Msg::AppSyncStopped)),
            Response::Synced(Err(e)) => self.error(e.to_string()),
            // A background fetch: the counts and what the remote changed, quietly.
            Response::Fetched(Ok(state)) => {
                if let Some(w) = self.overview.workspace.as_mut() {
                    w.sync = state;
                }
            }
            Response::Fetched(Err(_)) => {}
            Response::AskPass(prompt, reply) => {
                self.overlay = Some(Overlay::Secret {
                    prompt,
                    input: String::new(),
                    reply,
                })
            }
            Response::Exported(result) => match result {
                Ok(done) => {
                    let warnings = match done.warnings.len() {
                        0 => String::new(),
                        1 => tf(Msg::AppOneWarning, &[("warning", &done.warnings[0])]),
                        n => tf(Msg::AppWarnings, &[("n", &n)]),
                    };
                    self.info(format!("{}{warnings}", crate::text::inert(&done.summary())));
                }
                Err(e) => self.error(e.to_string()),
            },
            Response::Approved(slug, result) => {
                match result {
                    Ok(text) => self.info(text),
                    Err(e) => self.error(e.to_string()),
                }
                // The matrix, the overview's badges and the history's labels change.
                self.requests.push(Request::Approvals(slug.clone()));
                self.requests.push(Request::Load);
                if self.history.as_ref().is_some_and(|h| h.slug == slug) {
                    self.requests.push(Request::History(slug));
                }
            }
            Response::Commented(slug, result) => {
                match result {
                    Ok(text) => self.info(text),
                    Err(e) => self.error(e.to_string()),
                }
                self.request_threads(slug);
                self.requests.push(Request::Load);
            }
            _ => {}
        }
        if for_history {
            self.history_requests();
        }
    }

    /// Drafts a first read of the history found: the history screen shows
    /// them until the drafts are numbered.
    pub(super) fn found(&mut self, found: Vec<(String, HistoryEntry)>) {
        for (slug, entry) in found {
            self.found.entry(slug).or_default().push(entry);
        }
        if let Some(h) = self.history.as_mut().filter(|h| !h.loaded)
            && let Some(found) = self.found.get_mut(h.slug.as_str())
        {
            // Newest first (a chunk of a merged history may be older than the next one).
            found.sort_by(|a, b| b.date.cmp(&a.date));
            h.set_found(found.clone());
        }
        self.history_requests();
    }

    pub(super) fn opened(&mut self, opened: OpenedDocument) {
        if let Some(dir) = self.autosave_dir() {
            // Each session's text that differs from the latest draft is
            // offered, newest first; one that equals it is no longer needed.
            let (same, differ): (Vec<_>, Vec<_>) = autosave::read_all(&dir, &opened.slug)
                .into_iter()
                .partition(|saved| saved.text == opened.text);
            for saved in same {
                autosave::remove(&dir, &opened.slug, &saved.session);
            }
            if let Some(saved) = differ.into_iter().next() {
                self.overlay = Some(Overlay::Recovery(Box::new(RecoveryOffer {
                    opened,
                    autosave: saved,
                })));
                return;
            }
        }
        self.show_document(opened, None);
    }

    pub(super) fn show_document(&mut self, opened: OpenedDocument, recovered: Option<String>) {
        let (git_dir, who) = match &self.overview.workspace {
            Some(w) => (Some(w.git_dir.clone()), w.identity.clone()),
            None => (None, String::new()),
        };
        if let Some(old) = self.document.take() {
            old.leave();
        }
        let mut doc = DocumentState::new(opened, &self.keymap, git_dir, &who);
        if let Some(text) = recovered {
            doc.recover(&text);
            self.info(t(Msg::AppRecovered));
        }
        if let Some(line) = self.pending_line.take() {
            doc.go_to_line(line);
        }
        let slug = doc.slug.clone();
        self.document = Some(doc);
        self.request_threads(slug);
        self.screen = ScreenId::Document;
    }
}
