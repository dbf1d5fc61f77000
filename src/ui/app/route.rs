//! Effects: what a screen asked for, carried out — another screen shown, a
//! document opened at a line, a comparison set up, git work queued.

use super::App;
use crate::domain::Slug;
use crate::lang::{Msg, t, tf};
use crate::ui::autosave;
use crate::ui::jobs::Request;
use crate::ui::overlay::Overlay;
use crate::ui::screens::approvals::ApprovalsState;
use crate::ui::screens::history::{HistoryState, Special};
use crate::ui::screens::review::ReviewState;
use crate::ui::screens::{Effect, Effects, ScreenId};

impl App {
    /// Carries out what screens asked for.
    pub(super) fn apply(&mut self, fx: Effects) {
        for effect in fx.0 {
            match effect {
                Effect::Request(request) => self.requests.push(request),
                Effect::Busy(text) => self.busy = Some(text),
                Effect::Info(text) => self.info(text),
                Effect::Error(text) => self.error(text),
                Effect::Prompt(kind) => {
                    self.overlay = Some(Overlay::Prompt {
                        owner: self.screen,
                        kind,
                        input: String::new(),
                    })
                }
                Effect::Edit { slug, line } => self.edit(slug, line),
                Effect::Review { slug, thread } => self.show_review(slug, thread),
                Effect::Compare { slug, special } => self.compare(slug, special),
                Effect::CompareBuffer => self.compare_buffer(),
                Effect::Copy(text) => {
                    self.clipboard_out = Some(text.clone());
                    self.clipboard = text;
                }
                Effect::Paste => {
                    if let Some(doc) = self.document.as_mut() {
                        doc.buffer.paste(&self.clipboard);
                    }
                }
                Effect::ExternalEdit(text) => self.external_edit = Some(text),
                Effect::NoSave => self.quit_after_save = false,
                Effect::Resolve(resolver) => self.overlay = Some(Overlay::Resolve(resolver)),
                Effect::WorkPlan(slug) => self.work_plan(slug),
            }
        }
    }

    pub(super) fn request_quit(&mut self) {
        if self.document.as_ref().is_some_and(|d| d.buffer.is_modified()) {
            self.overlay = Some(Overlay::ConfirmQuit);
        } else {
            self.quit = true;
        }
    }

    /// Runs `show` for the document screens 3–5 act on: the one on the
    /// current screen (the editor's, the history's, …), else the one
    /// selected in the overview.
    pub(super) fn focused(&mut self, show: impl FnOnce(&mut App, Slug)) {
        let here = self.current().and_then(|s| s.slug().cloned());
        match here.or_else(|| self.overview.selected_slug()) {
            Some(slug) => show(self, slug),
            None => self.error(t(Msg::AppSelectFirst)),
        }
    }

    /// The table of a work plan's actions over the screen, read by the worker.
    pub(super) fn work_plan(&mut self, slug: Slug) {
        let kind = self.item(&slug).map(|i| i.kind);
        if let Some(kind) = kind.filter(|k| *k != crate::domain::Kind::Workplan) {
            let kind = t(match kind {
                crate::domain::Kind::Charter => Msg::KindCharter,
                _ => Msg::KindStrategy,
            });
            return self.error(tf(Msg::AppOnlyWorkPlans, &[("slug", &slug), ("kind", &kind)]));
        }
        self.requests.push(Request::WorkPlan {
            slug: slug.clone(),
            change: None,
        });
        self.overlay = Some(Overlay::WorkPlan(Box::new(crate::ui::work_plan::Panel::new(
            slug,
        ))));
    }

    /// The overview's row of a document.
    fn item(&self, slug: &Slug) -> Option<&crate::ui::jobs::Item> {
        self.overview
            .workspace
            .as_ref()?
            .items
            .iter()
            .find(|i| i.slug == *slug)
    }

    /// A document's title as the overview has it, else its slug.
    pub fn title_of(&self, slug: &Slug) -> String {
        self.item(slug)
            .map_or_else(|| slug.to_string(), |i| i.title.clone())
    }

    /// Screen 1, with the documents whose text is kept in an autosave marked
    /// (the text being edited written to its autosave first).
    pub(super) fn show_overview(&mut self) {
        self.flush_autosave();
        self.refresh_unsaved();
        self.screen = ScreenId::Overview;
    }

    /// Which documents have text kept in an autosave, for the overview.
    pub(super) fn refresh_unsaved(&mut self) {
        if let Some(dir) = self.autosave_dir() {
            self.overview.unsaved = autosave::unsaved(&dir);
        }
    }

    /// The editor on `slug`, at `line` (1-based) when given: at once when it
    /// is open, else once the worker has read it.
    pub(super) fn edit(&mut self, slug: Slug, line: Option<usize>) {
        if let Some(doc) = self.document.as_mut().filter(|d| d.slug == slug) {
            if let Some(line) = line {
                doc.go_to_line(line);
            }
            self.screen = ScreenId::Document;
            return;
        }
        self.flush_autosave();
        self.pending_line = line;
        self.busy = Some(tf(Msg::AppOpening, &[("slug", &slug)]));
        self.requests.push(Request::Open(slug));
    }

    pub(super) fn show_history(&mut self, slug: Slug) {
        if self.history.as_ref().is_none_or(|h| h.slug != slug) {
            let mut h = HistoryState::new(slug.clone());
            if let Some(found) = self.found.get_mut(slug.as_str()) {
                found.sort_by(|a, b| b.date.cmp(&a.date));
                h.set_found(found.clone());
            }
            self.history = Some(h);
        }
        // Always refresh: a draft may have been saved since.
        self.requests.push(Request::History(slug));
        self.screen = ScreenId::History;
        self.history_requests();
    }

    pub(super) fn show_approvals(&mut self, slug: Slug) {
        if self.approvals.as_ref().is_none_or(|a| a.slug != slug) {
            self.approvals = Some(ApprovalsState::new(slug.clone()));
        }
        self.requests.push(Request::Approvals(slug));
        self.screen = ScreenId::Approvals;
    }

    pub(super) fn show_review(&mut self, slug: Slug, select: Option<String>) {
        if self.review.as_ref().is_none_or(|r| r.slug != slug) {
            self.review = Some(ReviewState::new(slug.clone()));
        }
        if let Some(r) = self.review.as_mut() {
            r.select_id = select;
        }
        self.request_threads(slug);
        self.screen = ScreenId::Review;
    }

    /// The history of `slug`, comparing its latest draft with `special`.
    pub(super) fn compare(&mut self, slug: Slug, special: Special) {
        if self.history.as_ref().is_none_or(|h| h.slug != slug) {
            self.history = Some(HistoryState::new(slug.clone()));
        }
        if let Some(h) = self.history.as_mut() {
            h.special = Some(special);
            h.scroll = 0;
        }
        self.requests.push(Request::History(slug));
        self.screen = ScreenId::History;
        self.history_requests();
    }

    /// The history compares the editor's unsaved text with the latest draft.
    pub(super) fn compare_buffer(&mut self) {
        let Some(h) = self.history.as_mut() else { return };
        match self.document.as_ref().filter(|d| d.slug == h.slug) {
            // An edit of an older draft differs from the latest even unchanged.
            Some(doc) if doc.buffer.is_modified() || doc.latest.is_some() => {
                h.special = Some(Special::Buffer(doc.buffer.version()));
                h.scroll = 0;
            }
            Some(_) => self.info(t(Msg::AppSameAsLatest)),
            None => self.error(t(Msg::AppNotOpen)),
        }
    }

    /// Asks for `slug`'s threads, placed on the editor's text when it has unsaved changes.
    pub(super) fn request_threads(&mut self, slug: Slug) {
        let shown = self
            .document
            .as_ref()
            .filter(|d| d.slug == slug && d.buffer.is_modified())
            .map(|d| d.buffer.text());
        self.requests.push(Request::Threads { slug, shown });
    }

    /// Asks the worker for the diffs the history screen needs.
    pub(super) fn history_requests(&mut self) {
        let Some(h) = self.history.as_mut() else { return };
        // The whole text is copied only when the unsaved buffer is what is compared.
        let text = match (&h.special, self.document.as_ref()) {
            (Some(Special::Buffer(_)), Some(doc)) if doc.slug == h.slug => Some(doc.buffer.text()),
            _ => None,
        };
        let requests = h.requests(text);
        self.requests.extend(requests);
    }
}
