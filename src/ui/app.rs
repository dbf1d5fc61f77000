//! Application state and the one place where actions change it. The event loop
//! (`ui::run`) turns terminal events into `App::handle_key` calls and job
//! responses into `App::handle_response`; `App::draw` renders from state alone.
//! Requests for git work leave through `App::requests`, never as direct calls.

use std::path::PathBuf;
use std::time::Instant;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::actions::{Action, Context};
use super::jobs::{self, OpenedDocument, Request, Response, WorkspaceView};
use super::keymap::{Chord, Keymap, Lookup};
use super::screens::approvals::{ApprovalsState, FormOutcome};
use super::screens::document::{DocumentState, Mode};
use super::screens::history::{Focus, HistoryState, Special};
use super::screens::review::{CommentTarget, ReviewState};
use super::screens::{help, overview, palette};
use super::theme::Theme;
use super::{autosave, widgets};
use crate::domain::Slug;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Overview,
    Document,
    History,
    Review,
    Approvals,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Overview,
        Screen::Document,
        Screen::History,
        Screen::Review,
        Screen::Approvals,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Overview => "Overview",
            Screen::Document => "Document",
            Screen::History => "History",
            Screen::Review => "Review",
            Screen::Approvals => "Approvals",
        }
    }
}

/// What a one-line prompt at the bottom is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    DraftMessage,
    Comment(CommentTarget),
    Reply(String),
    Search,
    ReplaceWith(String),
}

/// A window over the screen that takes the keys while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: usize },
    Palette(palette::PaletteState),
    Prompt { kind: PromptKind, input: String },
    ConfirmQuit,
    Recovery(Box<RecoveryOffer>),
    Message { title: String, text: String },
}

#[derive(Debug, Clone)]
pub struct RecoveryOffer {
    pub opened: OpenedDocument,
    pub autosave: autosave::Autosave,
}

/// Where the user's own files go, so tests can point them at a temporary folder.
#[derive(Debug, Clone)]
pub struct Folders {
    pub state: PathBuf,
}

pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub folders: Folders,
    pub workspace: Option<WorkspaceView>,
    pub load_error: Option<String>,
    pub screen: Screen,
    pub overview: overview::OverviewState,
    pub document: Option<DocumentState>,
    pub history: Option<HistoryState>,
    pub approvals: Option<ApprovalsState>,
    pub review: Option<ReviewState>,
    /// Put the cursor on this line (1-based) when the document being opened arrives.
    pending_line: Option<usize>,
    pub overlay: Option<Overlay>,
    pending_keys: Vec<Chord>,
    /// A short message in the status line, with when it was set.
    pub message: Option<(String, bool)>,
    pub quit: bool,
    /// Quit once the draft being saved is saved (`:wq`).
    quit_after_save: bool,
    /// Git work for the worker thread, drained by the event loop.
    pub requests: Vec<Request>,
    /// Text to put on the user's clipboard through OSC 52, drained by the loop.
    pub clipboard_out: Option<String>,
    /// Text to edit in $EDITOR, drained by the loop (which suspends the screen).
    pub external_edit: Option<String>,
    pub clipboard: String,
    pub busy: Option<String>,
    /// Drafts a first read of the history found so far, newest first, by
    /// slug: what the history screen shows until the drafts are numbered.
    found: std::collections::HashMap<String, Vec<crate::ui::jobs::HistoryEntry>>,
}

impl App {
    pub fn new(keymap: Keymap, theme: Theme, folders: Folders) -> App {
        App {
            keymap,
            theme,
            folders,
            workspace: None,
            load_error: None,
            screen: Screen::Overview,
            overview: overview::OverviewState::default(),
            document: None,
            history: None,
            approvals: None,
            review: None,
            pending_line: None,
            overlay: None,
            pending_keys: Vec::new(),
            message: None,
            quit: false,
            quit_after_save: false,
            requests: vec![Request::Glance, Request::Load],
            clipboard_out: None,
            external_edit: None,
            clipboard: String::new(),
            busy: Some("Reading the workspace…".into()),
            found: Default::default(),
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), true));
    }

    fn autosave_dir(&self) -> Option<PathBuf> {
        self.workspace
            .as_ref()
            .map(|w| autosave::workspace_dir(&self.folders.state, &w.git_dir))
    }

    // ---- responses from the worker -------------------------------------------------

    pub fn handle_response(&mut self, response: Response) {
        // Diffs come from their own worker, while the other may still be busy.
        if !matches!(
            response,
            Response::Diffed(..) | Response::DiffSkipped(_) | Response::Found(_)
        ) {
            self.busy = None;
        }
        match response {
            Response::Progress(text) => self.busy = Some(text),
            Response::Found(found) => {
                for (slug, entry) in found {
                    self.found.entry(slug).or_default().push(entry);
                }
                if let Some(h) = self.history.as_mut().filter(|h| !h.loaded)
                    && let Some(found) = self.found.get_mut(h.slug.as_str())
                {
                    // Newest first (a chunk of a merged history may be older
                    // than the next one).
                    found.sort_by(|a, b| b.date.cmp(&a.date));
                    h.set_found(found.clone());
                }
                self.history_requests();
            }
            Response::Loaded(Ok(view)) => {
                self.load_error = None;
                if view.refreshing {
                    self.busy = Some("Reading the history…".into());
                } else {
                    // Read: every draft has its number now.
                    self.found.clear();
                }
                if let Some(problem) = view.problems.first() {
                    self.error(problem.clone());
                }
                self.workspace = Some(view);
                self.overview.clamp(self.visible_items().len());
            }
            Response::Loaded(Err(e)) => self.load_error = Some(e),
            Response::Opened(Ok(opened)) => self.opened(opened),
            Response::Opened(Err(e)) => self.error(e),
            Response::Saved(Ok(saved)) => {
                if let Some(doc) = self.document.as_mut().filter(|d| d.slug == saved.slug) {
                    doc.saved(&saved);
                    if let Some(dir) = self.autosave_dir()
                        && let Some(doc) = self.document.as_ref().filter(|d| !d.buffer.is_modified())
                    {
                        autosave::remove(&dir, &saved.slug, &doc.session);
                    }
                }
                let merged = if saved.merged {
                    " (merged with changes saved meanwhile)"
                } else {
                    ""
                };
                self.info(format!("Saved draft {} of {}{merged}", saved.draft, saved.slug));
                for w in &saved.warnings {
                    self.error(w.clone());
                }
                self.requests.push(Request::Load);
                if self.quit_after_save {
                    self.quit = true;
                }
            }
            Response::History(slug, result) => {
                if let Some(h) = self.history.as_mut().filter(|h| h.slug == slug) {
                    match result {
                        Ok(entries) => h.set_entries(entries),
                        Err(e) => h.error = Some(e),
                    }
                }
                self.history_requests();
            }
            Response::Diffed(key, result) => {
                if let Some(h) = self.history.as_mut().filter(|h| h.slug == key.slug) {
                    h.diffed(key, result);
                }
                self.history_requests();
            }
            Response::DiffThreads(key, result) => {
                if let Some(e) = self
                    .history
                    .as_mut()
                    .filter(|h| h.slug == key.slug)
                    .and_then(|h| h.marked(key, result))
                {
                    self.error(e);
                }
                self.history_requests();
            }
            Response::Approvals(slug, result) => {
                if let Some(a) = self.approvals.as_mut().filter(|a| a.slug == slug) {
                    match result {
                        Ok(view) => a.set_view(view),
                        Err(e) => a.error = Some(e),
                    }
                }
            }
            Response::Approved(slug, result) => {
                match result {
                    Ok(text) => self.info(text),
                    Err(e) => self.error(e),
                }
                // The matrix, the overview's badges and the history's labels change.
                self.requests.push(Request::Approvals(slug.clone()));
                self.requests.push(Request::Load);
                if self.history.as_ref().is_some_and(|h| h.slug == slug) {
                    self.requests.push(Request::History(slug));
                }
            }
            Response::Threads(slug, result) => {
                if let (Some(doc), Ok(view)) = (self.document.as_mut().filter(|d| d.slug == slug), &result) {
                    doc.thread_lines = view
                        .threads
                        .iter()
                        .filter(|t| t.thread.status == crate::domain::ThreadStatus::Open)
                        .filter_map(|t| t.placement.lines().map(|(a, b)| (a, b, t.thread.id.clone())))
                        .collect();
                }
                if let Some(r) = self.review.as_mut().filter(|r| r.slug == slug) {
                    match result {
                        Ok(view) => r.set_view(view),
                        Err(e) => r.error = Some(e),
                    }
                }
            }
            Response::Commented(slug, result) => {
                match result {
                    Ok(text) => self.info(text),
                    Err(e) => self.error(e),
                }
                if let Some(h) = self.history.as_mut().filter(|h| h.slug == slug) {
                    h.threads_changed();
                }
                self.request_threads(slug);
                self.requests.push(Request::Load);
                self.history_requests();
            }
            Response::DiffSkipped(key) => {
                if let Some(h) = self.history.as_mut() {
                    h.skipped(&key);
                }
                self.history_requests();
            }
            Response::Saved(Err(e)) => {
                self.quit_after_save = false;
                self.overlay = Some(Overlay::Message {
                    title: "The draft was not saved".into(),
                    text: format!("{e}\n\nYour text is still in the editor and in the autosave."),
                });
            }
        }
    }

    fn opened(&mut self, opened: OpenedDocument) {
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

    fn show_document(&mut self, opened: OpenedDocument, recovered: Option<String>) {
        let who = self
            .workspace
            .as_ref()
            .map(|w| w.identity.clone())
            .unwrap_or_default();
        let git_dir = self.workspace.as_ref().map(|w| w.git_dir.clone());
        if let Some(old) = self.document.take() {
            old.leave();
        }
        let mut doc = DocumentState::new(opened, &self.keymap, git_dir, &who);
        if let Some(text) = recovered {
            doc.recover(&text);
            self.info("Recovered the unsaved text; save it as a draft with Ctrl-S");
        }
        if let Some(line) = self.pending_line.take() {
            doc.go_to_line(line);
        }
        let slug = doc.slug.clone();
        self.document = Some(doc);
        self.request_threads(slug);
        self.screen = Screen::Document;
    }

    // ---- keys ------------------------------------------------------------------------

    pub fn handle_key(&mut self, key: KeyEvent) {
        if !matches!(
            key.kind,
            ratatui::crossterm::event::KeyEventKind::Press | ratatui::crossterm::event::KeyEventKind::Repeat
        ) {
            return;
        }
        if self.overlay.is_some() {
            self.overlay_key(key);
            return;
        }
        if let Some(doc) = self
            .document
            .as_mut()
            .filter(|d| d.outline_focus && self.screen == Screen::Document)
        {
            doc.outline_key(key);
            return;
        }
        if let Some(h) = self
            .history
            .as_mut()
            .filter(|h| h.sections_open && self.screen == Screen::History)
        {
            match key.code {
                KeyCode::Enter => {
                    h.open_section();
                    return;
                }
                KeyCode::Esc => {
                    h.sections_open = false;
                    return;
                }
                _ => {}
            }
        }
        if let Some(a) = self
            .approvals
            .as_mut()
            .filter(|a| a.form.is_some() && self.screen == Screen::Approvals)
        {
            match a.form_key(key) {
                FormOutcome::Stay => {}
                FormOutcome::Cancel => a.form = None,
                FormOutcome::Submit(input) => {
                    a.form = None;
                    let slug = a.slug.clone();
                    self.requests.push(Request::Decide(slug, input));
                    self.busy = Some("Recording the decision…".into());
                }
            }
            return;
        }
        if self.screen == Screen::Overview && self.overview.filtering {
            if overview::filter_key(&mut self.overview, key) {
                let len = self.visible_items().len();
                self.overview.clamp(len);
            }
            return;
        }
        let context = self.context();
        self.pending_keys.push(Chord::from_event(&key));
        let mut found = self.keymap.lookup(context, &self.pending_keys);
        // Outside the editor (which lists its own), the global bindings apply too.
        if found == Lookup::None && !matches!(context, Context::Document | Context::DocumentNormal) {
            found = self.keymap.lookup(Context::Global, &self.pending_keys);
        }
        match found {
            Lookup::Prefix => (),
            Lookup::Action(action) => {
                self.pending_keys.clear();
                self.dispatch(action);
            }
            Lookup::None => {
                let single = self.pending_keys.len() == 1;
                self.pending_keys.clear();
                if single
                    && context == Context::Document
                    && let (KeyCode::Char(c), false) = (
                        key.code,
                        key.modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT),
                    )
                    && let Some(doc) = self.document.as_mut()
                {
                    doc.type_char(c);
                }
            }
        }
    }

    /// The key context of the current screen.
    pub fn context(&self) -> Context {
        match self.screen {
            Screen::Overview => Context::Overview,
            Screen::Document => match self.document.as_ref().map(|d| d.mode) {
                Some(Mode::Normal) => Context::DocumentNormal,
                Some(Mode::Insert) => Context::Document,
                None => Context::Global,
            },
            Screen::History => Context::History,
            Screen::Approvals => Context::Approvals,
            Screen::Review => Context::Review,
        }
    }

    fn overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        match overlay {
            Overlay::Help { scroll } => {
                let scroll = match key.code {
                    KeyCode::Down | KeyCode::Char('j') => scroll + 1,
                    KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                    KeyCode::PageDown | KeyCode::Char(' ') => scroll + 10,
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    KeyCode::Home | KeyCode::Char('g') => 0,
                    _ => return,
                };
                self.overlay = Some(Overlay::Help { scroll });
            }
            Overlay::Palette(mut state) => {
                match palette::key(&mut state, key, &self.keymap, self.context()) {
                    palette::Outcome::Stay => self.overlay = Some(Overlay::Palette(state)),
                    palette::Outcome::Close => {}
                    palette::Outcome::Run(actions) => {
                        if actions.contains(&Action::SaveDraft) && actions.contains(&Action::Quit) {
                            self.quit_after_save = true;
                            self.dispatch(Action::SaveDraft);
                        } else {
                            for a in actions {
                                self.dispatch(a);
                            }
                        }
                    }
                }
            }
            Overlay::Prompt { kind, mut input } => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => self.prompt_done(kind, input),
                KeyCode::Backspace => {
                    input.pop();
                    self.overlay = Some(Overlay::Prompt { kind, input });
                }
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    input.push(c);
                    self.overlay = Some(Overlay::Prompt { kind, input });
                }
                _ => self.overlay = Some(Overlay::Prompt { kind, input }),
            },
            Overlay::ConfirmQuit => match key.code {
                KeyCode::Char('s') => {
                    self.quit_after_save = true;
                    self.dispatch(Action::SaveDraft);
                }
                KeyCode::Char('k') => self.quit = true,
                KeyCode::Char('d') => {
                    if let (Some(dir), Some(doc)) = (self.autosave_dir(), self.document.as_ref()) {
                        autosave::remove(&dir, &doc.slug, &doc.session);
                    }
                    if let Some(doc) = self.document.as_mut() {
                        doc.discard_autosave = true;
                    }
                    self.quit = true;
                }
                KeyCode::Esc | KeyCode::Char('n') => {}
                _ => self.overlay = Some(Overlay::ConfirmQuit),
            },
            Overlay::Recovery(offer) => {
                match key.code {
                    KeyCode::Char('r') => {
                        let RecoveryOffer { opened, autosave } = *offer;
                        self.show_document(opened, Some(autosave.text));
                        if let Some(doc) = self.document.as_mut() {
                            doc.adopted = Some(autosave.session);
                        }
                    }
                    KeyCode::Char('d') => {
                        if let Some(dir) = self.autosave_dir() {
                            autosave::remove(&dir, &offer.opened.slug, &offer.autosave.session);
                        }
                        self.show_document(offer.opened, None);
                        self.info("Discarded the unsaved text");
                    }
                    KeyCode::Esc => {
                        self.info("Kept the unsaved text for later; it is offered again when you reopen the document");
                    }
                    _ => self.overlay = Some(Overlay::Recovery(offer)),
                }
            }
            Overlay::Message { .. } => {}
        }
    }

    fn prompt_done(&mut self, kind: PromptKind, input: String) {
        match kind {
            PromptKind::DraftMessage => {
                if input.trim().is_empty() {
                    self.error("A draft needs a message; press Ctrl-S again to write one");
                    self.quit_after_save = false;
                    return;
                }
                let Some(doc) = self.document.as_mut() else { return };
                doc.pending_save_version = Some(doc.buffer.version());
                self.requests.push(Request::Save {
                    slug: doc.slug.clone(),
                    base: doc.base,
                    text: doc.buffer.text(),
                    message: input,
                });
                self.busy = Some("Saving the draft…".into());
            }
            PromptKind::Comment(target) => {
                if input.trim().is_empty() {
                    self.error("The comment is empty");
                    return;
                }
                let shown = match target.buffer {
                    None => None,
                    Some(version) => match self
                        .document
                        .as_ref()
                        .filter(|d| d.slug == target.slug && d.buffer.version() == version)
                    {
                        Some(doc) => Some(doc.buffer.text()),
                        None => {
                            self.error("The unsaved text has changed since: select the lines again");
                            return;
                        }
                    },
                };
                let request = jobs::CommentRequest::Add {
                    draft: Some(target.draft),
                    start: target.start,
                    end: target.end,
                    text: input,
                    shown,
                };
                self.requests.push(Request::Comment(target.slug, request));
                self.busy = Some("Saving the comment…".into());
            }
            PromptKind::Reply(id) => {
                let Some(r) = self.review.as_ref() else { return };
                if input.trim().is_empty() {
                    self.error("The reply is empty");
                    return;
                }
                self.requests.push(Request::Comment(
                    r.slug.clone(),
                    jobs::CommentRequest::Reply { id, text: input },
                ));
                self.busy = Some("Saving the reply…".into());
            }
            PromptKind::Search => {
                if let Some(doc) = self.document.as_mut() {
                    doc.search = Some(input);
                    let found = doc.search_step(true);
                    if !found {
                        self.error("No match");
                    }
                }
            }
            PromptKind::ReplaceWith(needle) => {
                if let Some(doc) = self.document.as_mut() {
                    let n = doc.buffer.replace_all(&needle, &input);
                    self.info(format!(
                        "Replaced {n} occurrence{}",
                        if n == 1 { "" } else { "s" }
                    ));
                }
            }
        }
    }

    // ---- actions ---------------------------------------------------------------------

    pub fn dispatch(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => self.overlay = Some(Overlay::Palette(palette::PaletteState::default())),
            Action::Quit => self.request_quit(),
            Action::Close if self.screen == Screen::Overview => self.request_quit(),
            Action::Back | Action::Close => match self.screen {
                // Esc steps back; it never quits (three from the history did).
                Screen::Overview => self.info("This is the first screen; q or Ctrl-Q quits"),
                Screen::History if self.history.as_ref().is_some_and(|h| h.focus == Focus::Diff) => {
                    if let Some(h) = self.history.as_mut() {
                        h.switch_pane();
                    }
                }
                _ => self.screen = Screen::Overview,
            },
            Action::ScreenOverview => self.screen = Screen::Overview,
            Action::ScreenDocument => self.open_selected(),
            Action::ScreenHistory => self.show_history(),
            Action::ScreenReview => self.show_review(None),
            Action::ScreenApprovals => self.show_approvals(),
            Action::Reload => {
                self.requests.push(Request::Load);
                self.busy = Some("Reading the workspace…".into());
            }
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::CycleView
            | Action::Mark
            | Action::NextChange
            | Action::PrevChange
            | Action::ToggleFolds
            | Action::Sections
            | Action::ScrollDown
            | Action::ScrollUp
            | Action::SelectUp
            | Action::SelectDown
                if self.screen == Screen::History =>
            {
                if let Some(err) = self.history.as_mut().and_then(|h| h.act(action)) {
                    self.error(err);
                }
                self.history_requests();
            }
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::CursorLeft
            | Action::CursorRight
                if self.screen == Screen::Approvals =>
            {
                if let Some(a) = self.approvals.as_mut() {
                    a.act(action);
                }
            }
            Action::Decide => {
                let today = jiff::Zoned::now().date();
                if let Some(Err(e)) = self.approvals.as_mut().map(|a| a.open_form(today)) {
                    self.error(e);
                }
            }
            Action::TagVersion => {
                if let Some(a) = self.approvals.as_ref() {
                    let request = Request::Tag {
                        slug: a.slug.clone(),
                        draft: a.selected_draft(),
                        force: false,
                    };
                    self.requests.push(request);
                    self.busy = Some("Tagging…".into());
                }
            }
            Action::CompareLatest => self.compare_with_latest(),
            Action::Up | Action::Down | Action::Top | Action::Bottom | Action::Filter
                if self.screen == Screen::Review =>
            {
                if let Some(r) = self.review.as_mut() {
                    r.act(action);
                }
            }
            Action::Open if self.screen == Screen::Review => self.go_to_thread(),
            Action::SwitchPane | Action::Open
                if self.screen == Screen::History
                    && (action == Action::SwitchPane
                        || self.history.as_ref().is_some_and(|h| h.focus == Focus::List)) =>
            {
                if let Some(h) = self.history.as_mut() {
                    h.switch_pane();
                }
            }
            Action::Open if self.screen == Screen::History => self.open_thread(),
            Action::Reply => {
                if let Some(t) = self.review.as_ref().and_then(|r| r.selected()) {
                    let kind = PromptKind::Reply(t.thread.id.clone());
                    self.overlay = Some(Overlay::Prompt {
                        kind,
                        input: String::new(),
                    });
                }
            }
            Action::ResolveToggle => {
                if let Some(r) = self.review.as_ref()
                    && let Some(t) = r.selected()
                {
                    let id = t.thread.id.clone();
                    let request = match t.thread.status {
                        crate::domain::ThreadStatus::Open => jobs::CommentRequest::Resolve { id },
                        crate::domain::ThreadStatus::Resolved => jobs::CommentRequest::Reopen { id },
                    };
                    self.requests.push(Request::Comment(r.slug.clone(), request));
                }
            }
            Action::Comment => self.start_comment(),
            Action::OpenThread => self.open_thread(),
            Action::CompareBuffer => self.compare_buffer(),
            Action::CompareApproved => self.compare_approved(),
            Action::Up | Action::Down | Action::Top | Action::Bottom | Action::Filter => {
                let len = self.visible_items().len();
                overview::act(&mut self.overview, action, len);
            }
            Action::Open => self.open_selected(),
            Action::SaveDraft => match self.document.as_ref() {
                Some(doc) if doc.buffer.is_modified() || doc.recovered => {
                    self.overlay = Some(Overlay::Prompt {
                        kind: PromptKind::DraftMessage,
                        input: String::new(),
                    })
                }
                Some(_) => {
                    self.quit_after_save = false;
                    self.info("Nothing to save: the text is the same as the latest draft");
                }
                None => {}
            },
            Action::Search => {
                self.overlay = Some(Overlay::Prompt {
                    kind: PromptKind::Search,
                    input: String::new(),
                })
            }
            Action::Replace => {
                match self
                    .document
                    .as_ref()
                    .and_then(|d| d.search.clone())
                    .filter(|s| !s.is_empty())
                {
                    Some(needle) => {
                        self.overlay = Some(Overlay::Prompt {
                            kind: PromptKind::ReplaceWith(needle),
                            input: String::new(),
                        })
                    }
                    None => self.error("Search first (the search text is what gets replaced)"),
                }
            }
            Action::ExternalEditor => {
                if let Some(doc) = self.document.as_ref() {
                    self.external_edit = Some(doc.buffer.text());
                }
            }
            Action::Copy | Action::Cut => {
                if let Some(doc) = self.document.as_mut() {
                    let text = if action == Action::Copy {
                        doc.copy()
                    } else {
                        doc.buffer.cut()
                    };
                    match text {
                        Some(text) => {
                            self.info(format!("Copied {} characters", text.chars().count()));
                            self.clipboard_out = Some(text.clone());
                            self.clipboard = text;
                        }
                        None => self.error("Nothing selected"),
                    }
                }
            }
            Action::Paste => {
                if let Some(doc) = self.document.as_mut() {
                    doc.buffer.paste(&self.clipboard);
                }
            }
            other => {
                if let Some(doc) = self.document.as_mut().filter(|_| self.screen == Screen::Document)
                    && let Some(err) = doc.act(other)
                {
                    self.error(err);
                }
            }
        }
    }

    fn request_quit(&mut self) {
        if self.document.as_ref().is_some_and(|d| d.buffer.is_modified()) {
            self.overlay = Some(Overlay::ConfirmQuit);
        } else {
            self.quit = true;
        }
    }

    /// The document screens 3–5 act on: the one on the current screen (the
    /// editor's, the history's, …), else the one selected in the overview.
    fn focused_slug(&mut self) -> Option<Slug> {
        let here = match self.screen {
            Screen::Document => self.document.as_ref().map(|d| d.slug.clone()),
            Screen::History => self.history.as_ref().map(|h| h.slug.clone()),
            Screen::Review => self.review.as_ref().map(|r| r.slug.clone()),
            Screen::Approvals => self.approvals.as_ref().map(|a| a.slug.clone()),
            Screen::Overview => None,
        };
        let slug = here.or_else(|| self.selected_slug());
        if slug.is_none() {
            self.error("Select a document in the overview first");
        }
        slug
    }

    /// Screen 3 for the focused document.
    fn show_history(&mut self) {
        let Some(slug) = self.focused_slug() else { return };
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
        self.screen = Screen::History;
        self.history_requests();
    }

    /// Screen 5 for the focused document.
    fn show_approvals(&mut self) {
        let Some(slug) = self.focused_slug() else { return };
        if self.approvals.as_ref().is_none_or(|a| a.slug != slug) {
            self.approvals = Some(ApprovalsState::new(slug.clone()));
        }
        self.requests.push(Request::Approvals(slug));
        self.screen = Screen::Approvals;
    }

    /// Screen 4 for the focused document; `select` a thread.
    fn show_review(&mut self, select: Option<String>) {
        let Some(slug) = self.focused_slug() else { return };
        if self.review.as_ref().is_none_or(|r| r.slug != slug) {
            self.review = Some(ReviewState::new(slug.clone()));
        }
        if let Some(r) = self.review.as_mut() {
            r.select_id = select;
        }
        self.request_threads(slug);
        self.screen = Screen::Review;
    }

    /// Enter on a thread: its passage in the editor.
    fn go_to_thread(&mut self) {
        let Some(r) = self.review.as_ref() else { return };
        let Some(t) = r.selected() else { return };
        let Some((line, _)) = t.placement.lines() else {
            self.error(
                "This thread's passage is gone from the latest draft; its original quote is shown below",
            );
            return;
        };
        let slug = r.slug.clone();
        match self.document.as_mut().filter(|d| d.slug == slug) {
            Some(doc) => {
                doc.go_to_line(line);
                self.screen = Screen::Document;
            }
            None => {
                self.flush_autosave();
                self.pending_line = Some(line);
                self.busy = Some(format!("Opening {slug}…"));
                self.requests.push(Request::Open(slug));
            }
        }
    }

    /// The comment key: a new thread on the selected lines of the editor's text
    /// (unsaved lines map to their draft when unchanged there), or of the draft
    /// shown in the history.
    fn start_comment(&mut self) {
        let target = match self.screen {
            Screen::Document => self.document.as_ref().map(|doc| {
                let (start, end) = doc.selected_lines();
                let modified = doc.buffer.is_modified() || doc.recovered;
                CommentTarget {
                    slug: doc.slug.clone(),
                    draft: doc.draft as u32,
                    start,
                    end,
                    buffer: modified.then(|| doc.buffer.version()),
                }
            }),
            Screen::History => match self.history.as_ref().map(|h| h.comment_target()) {
                Some(Ok(target)) => Some(target),
                Some(Err(e)) => {
                    self.error(e);
                    None
                }
                None => None,
            },
            _ => None,
        };
        if let Some(target) = target {
            self.overlay = Some(Overlay::Prompt {
                kind: PromptKind::Comment(target),
                input: String::new(),
            });
        }
    }

    /// The open-thread key: the thread on the cursor's line, in the review screen.
    fn open_thread(&mut self) {
        let found = match self.screen {
            Screen::Document => self.document.as_ref().and_then(|d| d.thread_at_cursor()),
            Screen::History => self.history.as_ref().and_then(|h| h.thread_at_cursor()),
            _ => return,
        };
        match found {
            Some(id) => self.show_review(Some(id)),
            None if self.history.as_ref().is_some_and(|h| h.focus == Focus::List) => {
                self.error("No open comment thread in view")
            }
            None => self.error("No open comment thread on this line"),
        }
    }

    /// Asks for `slug`'s threads, placed on the editor's text when it has unsaved changes.
    fn request_threads(&mut self, slug: Slug) {
        let shown = self
            .document
            .as_ref()
            .filter(|d| d.slug == slug && d.buffer.is_modified())
            .map(|d| d.buffer.text());
        self.requests.push(Request::Threads { slug, shown });
    }

    /// From the approvals screen: the history of the selected draft against the latest.
    fn compare_with_latest(&mut self) {
        let Some(a) = self.approvals.as_ref() else { return };
        let (Some(commit), Some(draft)) = (a.selected_commit(), a.selected_draft()) else {
            return;
        };
        let Ok(commit) = git2::Oid::from_str(&commit) else {
            return;
        };
        let slug = a.slug.clone();
        if self.history.as_ref().is_none_or(|h| h.slug != slug) {
            self.history = Some(HistoryState::new(slug.clone()));
        }
        if let Some(h) = self.history.as_mut() {
            h.special = Some(Special::Approved {
                commit,
                label: format!("draft {draft}"),
            });
            h.scroll = 0;
        }
        self.requests.push(Request::History(slug));
        self.screen = Screen::History;
    }

    /// Asks the worker for the diffs the history screen needs.
    fn history_requests(&mut self) {
        let Some(h) = self.history.as_mut() else { return };
        // The whole text is copied only when the unsaved buffer is what is compared.
        let text = match (&h.special, self.document.as_ref()) {
            (Some(Special::Buffer(_)), Some(doc)) if doc.slug == h.slug => Some(doc.buffer.text()),
            _ => None,
        };
        let requests = h.requests(text);
        self.requests.extend(requests);
    }

    fn compare_buffer(&mut self) {
        let Some(h) = self.history.as_mut() else { return };
        match self.document.as_ref().filter(|d| d.slug == h.slug) {
            Some(doc) if doc.buffer.is_modified() => {
                h.special = Some(Special::Buffer(doc.buffer.version()));
                h.scroll = 0;
            }
            Some(_) => {
                self.info("The editor's text is the same as the latest draft");
                return;
            }
            None => {
                self.error("This document is not open in the editor");
                return;
            }
        }
        self.history_requests();
    }

    fn compare_approved(&mut self) {
        let Some(h) = self.history.as_mut() else { return };
        let slug = h.slug.clone();
        let approved = h
            .entries
            .iter()
            .flat_map(|e| e.labels.iter().map(move |l| (l, e)))
            .filter_map(|(l, e)| {
                crate::domain::parse_tag_name(l)
                    .filter(|(s, _)| *s == slug)
                    .map(|(_, n)| (n, l, e))
            })
            .max_by_key(|(n, _, _)| *n);
        match approved {
            Some((_, label, entry)) => {
                h.special = Some(Special::Approved {
                    commit: entry.commit,
                    label: format!("{label} (draft {})", entry.number),
                });
                h.scroll = 0;
            }
            None => {
                let message = format!("{} has no approved version yet", h.slug);
                self.error(message);
                return;
            }
        }
        self.history_requests();
    }

    pub fn visible_items(&self) -> Vec<&super::jobs::Item> {
        match &self.workspace {
            Some(w) => overview::filtered(&w.items, &self.overview.filter),
            None => Vec::new(),
        }
    }

    pub fn selected_slug(&self) -> Option<Slug> {
        self.visible_items()
            .get(self.overview.selected)
            .map(|i| i.slug.clone())
    }

    fn open_selected(&mut self) {
        let Some(slug) = self.selected_slug() else {
            self.error("No document selected");
            return;
        };
        if self.document.as_ref().is_some_and(|d| d.slug == slug) {
            self.screen = Screen::Document;
            return;
        }
        self.flush_autosave();
        self.busy = Some(format!("Opening {slug}…"));
        self.requests.push(Request::Open(slug));
    }

    /// Text pasted into the terminal (bracketed paste): one edit in the editor,
    /// or the filter / prompt text where one is open.
    pub fn paste(&mut self, text: &str) {
        match (&mut self.overlay, self.screen) {
            (Some(Overlay::Prompt { input, .. }), _) => input.push_str(&text.replace(['\r', '\n'], " ")),
            (Some(_), _) => {}
            (None, Screen::Document) => {
                if let Some(doc) = self.document.as_mut() {
                    doc.buffer.paste(text);
                }
            }
            (None, Screen::Overview) if self.overview.filtering => {
                self.overview.filter.push_str(text.lines().next().unwrap_or(""));
            }
            _ => {}
        }
    }

    /// Applies the result of editing in $EDITOR.
    pub fn external_result(&mut self, result: Result<String, String>) {
        match (result, self.document.as_mut()) {
            (Ok(text), Some(doc)) => {
                if doc.replace_text(&text) {
                    self.info("Took the text back from the external editor");
                } else {
                    self.info("The external editor made no change");
                }
            }
            (Err(e), _) => self.error(e),
            (Ok(_), None) => {}
        }
    }

    // ---- time ------------------------------------------------------------------------

    /// Periodic work: autosave, the changed-lines gutter, presence of others.
    /// Returns true when the screen needs drawing again.
    pub fn tick(&mut self, now: Instant) -> bool {
        let dir = self.autosave_dir();
        let Some(doc) = self.document.as_mut() else {
            return false;
        };
        let mut changed = doc.tick(now);
        // Threads follow the unsaved text too, so the gutter's » stay on their passages.
        if let Some(shown) = doc.threads_due(now) {
            self.requests.push(Request::Threads {
                slug: doc.slug.clone(),
                shown,
            });
        }
        if let Some(dir) = dir
            && doc.autosave_due(now)
        {
            changed = true;
            if let Err(e) = doc.write_autosave(&dir) {
                self.message = Some((format!("Autosave failed: {e}"), true));
            }
        }
        changed
    }

    /// Writes the autosave now if the text changed (on signals, panics, quitting).
    pub fn flush_autosave(&mut self) {
        if let (Some(dir), Some(doc)) = (self.autosave_dir(), self.document.as_mut()) {
            if doc.discard_autosave {
                return;
            }
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

    /// How long the loop may sleep before `tick` has work.
    /// When [`tick`](Self::tick) next has work to do; `None` while nothing
    /// but a key or an answer can change the screen.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let autosaves = self.autosave_dir().is_some();
        self.document
            .as_ref()
            .map(|doc| doc.next_wake(autosaves).max(now))
    }

    // ---- drawing ---------------------------------------------------------------------

    pub fn draw(&mut self, frame: &mut Frame<'_>) {
        let area = frame.area();
        if area.width < 20 || area.height < 5 {
            let text = if area.width >= 18 {
                "terminal too small"
            } else {
                "too small"
            };
            frame.render_widget(
                Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
                area,
            );
            return;
        }
        let [tabs, main, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
        self.draw_tabs(frame, tabs);
        if let Some(error) = &self.load_error {
            let text = format!("Cannot read the workspace: {}", crate::text::inert(error));
            frame.render_widget(
                Paragraph::new(text)
                    .style(self.theme.error())
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                main,
            );
        } else {
            match self.screen {
                Screen::Overview => overview::draw(frame, main, self),
                Screen::Document => match self.document.as_mut() {
                    Some(doc) => doc.draw(frame, main, &self.theme),
                    None => frame.render_widget(Paragraph::new("No document open"), main),
                },
                Screen::Review => match self.review.as_ref() {
                    Some(r) => r.draw(frame, main, &self.theme),
                    None => frame.render_widget(Paragraph::new("No document selected"), main),
                },
                Screen::Approvals => match self.approvals.as_ref() {
                    Some(a) => a.draw(frame, main, &self.theme),
                    None => frame.render_widget(Paragraph::new("No document selected"), main),
                },
                Screen::History => match self.history.as_mut() {
                    Some(h) => h.draw(frame, main, &self.theme),
                    None => frame.render_widget(Paragraph::new("No document selected"), main),
                },
            }
        }
        widgets::status::draw(frame, status, self);
        if let Some(overlay) = &self.overlay {
            draw_overlay(frame, main, self, overlay);
        }
    }

    fn draw_tabs(&self, frame: &mut Frame<'_>, area: Rect) {
        let mut spans = Vec::new();
        for (i, screen) in Screen::ALL.iter().enumerate() {
            let style = if *screen == self.screen {
                self.theme.tab_active()
            } else {
                self.theme.dim()
            };
            spans.push(Span::styled(format!(" {} {} ", i + 1, screen.title()), style));
        }
        spans.push(Span::styled("  ? help  : commands", self.theme.dim()));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

fn draw_overlay(frame: &mut Frame<'_>, area: Rect, app: &App, overlay: &Overlay) {
    match overlay {
        Overlay::Help { scroll } => {
            let rect = widgets::centered(area, 90, area.height);
            frame.render_widget(Clear, rect);
            help::draw(frame, rect, app, *scroll);
        }
        Overlay::Palette(state) => {
            let rect = widgets::centered(area, 80, area.height.min(20));
            frame.render_widget(Clear, rect);
            palette::draw(frame, rect, app, state);
        }
        Overlay::Prompt { kind, input } => {
            let label = match kind {
                PromptKind::DraftMessage => "Draft message: ".to_string(),
                PromptKind::Search => "Search: ".to_string(),
                PromptKind::Comment(t) => match t.buffer {
                    Some(_) => format!("Comment on {}: ", crate::store::line_label(t.start, t.end)),
                    None => format!(
                        "Comment on {} of draft {}: ",
                        crate::store::line_label(t.start, t.end),
                        t.draft
                    ),
                },
                PromptKind::Reply(_) => "Reply: ".to_string(),
                PromptKind::ReplaceWith(needle) => format!("Replace «{}» with: ", crate::text::inert(needle)),
            };
            let rect = Rect {
                y: area.y + area.height.saturating_sub(1),
                height: 1,
                ..area
            };
            frame.render_widget(Clear, rect);
            let line = Line::from(vec![
                Span::styled(label.clone(), app.theme.title()),
                Span::raw(crate::text::inert(input).into_owned()),
            ]);
            frame.render_widget(Paragraph::new(line), rect);
            let x = rect.x
                + (label.chars().count() + unicode_width::UnicodeWidthStr::width(input.as_str())) as u16;
            frame.set_cursor_position((x.min(rect.right().saturating_sub(1)), rect.y));
        }
        Overlay::ConfirmQuit => {
            let text = "There are unsaved changes.\n\n s  save a draft, then quit\n k  keep them as an autosave and quit\n d  discard them and quit\n Esc  stay";
            widgets::dialog(frame, area, &app.theme, "Quit udkast?", text);
        }
        Overlay::Recovery(offer) => {
            let text = widgets::recovery_text(offer);
            widgets::dialog(frame, area, &app.theme, "Unsaved text found", &text);
        }
        Overlay::Message { title, text } => widgets::dialog(frame, area, &app.theme, title, text),
    }
}
