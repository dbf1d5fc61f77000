//! Work on a timer: autosave, the gutter and outline after typing pauses,
//! threads placed on the unsaved text, the presence of other editors, and
//! whether someone saved a later draft of the document being edited.

use crate::lang::{Msg, tf};
use std::time::{Duration, Instant};

use super::App;
use crate::ui::jobs::Request;

/// How often an open document checks whether the branch moved.
const HEAD_EVERY: Duration = Duration::from_secs(3);

impl App {
    // ---- time ------------------------------------------------------------------------

    /// Periodic work: autosave, the changed-lines gutter, presence of others.
    /// Returns true when the screen needs drawing again.
    pub fn tick(&mut self, now: Instant) -> bool {
        // A background fetch moves no branch: it only updates ↑↓ and what
        // the remote changed. The first is a minute after starting.
        if let Some(every) = self.fetch_every {
            match self.next_fetch {
                None => self.next_fetch = Some(now + every.min(Duration::from_secs(60))),
                Some(t) if now >= t => {
                    self.next_fetch = Some(now + every);
                    self.requests.push(Request::Fetch);
                }
                Some(_) => {}
            }
        }
        let dir = self.autosave_dir();
        let Some(doc) = self.document.as_mut() else {
            return false;
        };
        let mut changed = doc.tick(now);
        // Has anyone moved the branch (a save elsewhere, a plain git commit)?
        if self.next_head_check.is_none_or(|t| now >= t) {
            self.next_head_check = Some(now + HEAD_EVERY);
            self.requests.push(Request::Head);
        }
        // Threads follow the unsaved text too, so the gutter's » stay on their passages.
        if let Some(shown) = doc.threads_due(now) {
            self.requests.push(Request::Threads {
                slug: doc.slug.clone(),
                shown,
            });
        }
        if let Some((version, text)) = doc.lix_due(now) {
            self.requests.push(Request::Lix {
                slug: doc.slug.clone(),
                version,
                text,
            });
        }
        if let Some(dir) = dir
            && doc.autosave_due(now)
        {
            changed = true;
            if let Err(e) = doc.write_autosave(&dir) {
                self.message = Some((tf(Msg::AppAutosaveFailed, &[("error", &e)]), true));
            }
        }
        changed
    }

    /// Writes the autosave now if the text changed (on signals, panics, quitting).
    pub fn flush_autosave(&mut self) {
        if let (Some(dir), Some(doc)) = (self.autosave_dir(), self.document.as_mut())
            && !doc.discard_autosave
        {
            let _ = doc.write_autosave(&dir);
        }
    }

    /// Called once when the program ends normally.
    pub fn shutdown(&mut self) {
        self.flush_autosave();
        if let Some(doc) = self.document.take() {
            doc.leave();
        }
    }

    /// When [`tick`](Self::tick) next has work to do; `None` while nothing
    /// but a key or an answer can change the screen.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let autosaves = self.autosave_dir().is_some();
        // Until the first tick has set it, the fetch is due now.
        let fetch = self.fetch_every.map(|_| self.next_fetch.unwrap_or(now));
        let doc = self.document.as_ref().map(|doc| {
            let due = doc.next_wake(autosaves);
            self.next_head_check.map_or(due, |t| due.min(t))
        });
        let due = match (doc, fetch) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        due.map(|d| d.max(now))
    }
}
