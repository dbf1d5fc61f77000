//! The router between the event loop, the screens and the worker. A key goes
//! to an open layer (`overlay`), else to the current screen's own keys, else
//! through the keymap to an action; app-wide actions (help, palette, quit,
//! switching screens) are done here, every other one by the current screen.
//! What screens ask for comes back as [`Effect`]s, which [`App::apply`]
//! carries out — the only place where one screen's wish reaches another.
//! Git work leaves through `App::requests`, never as direct calls.

mod answers;
mod draw;
mod route;
mod tick;

use crate::lang::{Msg, t, tf};
use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::actions::{Action, Context};
use super::autosave;
use super::jobs::{HistoryEntry, Request};
use super::keymap::{Chord, Keymap, Lookup};
use super::overlay::{Outcome, Overlay, RecoveryOffer, Step};
use super::resolve::{Finish, Next, Purpose};
use super::screens::approvals::ApprovalsState;
use super::screens::document::DocumentState;
use super::screens::history::HistoryState;
use super::screens::overview::Overview;
use super::screens::review::ReviewState;
use super::screens::{Effects, ExportPlan, PromptKind, Screen, ScreenId};
use super::theme::Theme;
use super::widgets;

/// Where the user's own files go, so tests can point them at a temporary folder.
#[derive(Debug, Clone)]
pub struct Folders {
    pub state: PathBuf,
}

pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub folders: Folders,
    pub load_error: Option<String>,
    pub screen: ScreenId,
    pub overview: Overview,
    pub document: Option<DocumentState>,
    pub history: Option<HistoryState>,
    pub approvals: Option<ApprovalsState>,
    pub review: Option<ReviewState>,
    /// Put the cursor on this line (1-based) when the document being opened arrives.
    pending_line: Option<usize>,
    pub overlay: Option<Overlay>,
    pending_keys: Vec<Chord>,
    /// A short message in the status line; `true` for an error.
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
    /// The prompt whose text is in $EDITOR (its owner, kind and text before),
    /// opened again with the edited text; `None`: the editor's document is.
    prompt_in_editor: Option<(ScreenId, PromptKind, String)>,
    pub clipboard: String,
    pub busy: Option<String>,
    /// The job running reports its progress and can be stopped.
    pub long_job: bool,
    /// Stop the long job: drained by the loop, which tells the workers.
    pub cancel: bool,
    /// When to ask next whether the branch moved (while a document is open).
    next_head_check: Option<std::time::Instant>,
    /// How often to fetch from the remote in the background (`None`: never).
    pub fetch_every: Option<std::time::Duration>,
    next_fetch: Option<std::time::Instant>,
    /// Drafts a first read of the history found so far, newest first, by
    /// slug: what the history screen shows until the drafts are numbered.
    found: HashMap<String, Vec<HistoryEntry>>,
}

impl App {
    pub fn new(keymap: Keymap, theme: Theme, folders: Folders) -> App {
        App {
            keymap,
            theme,
            folders,
            load_error: None,
            screen: ScreenId::Overview,
            overview: Overview::default(),
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
            prompt_in_editor: None,
            clipboard: String::new(),
            busy: Some(t(Msg::ReadingWorkspace).into()),
            long_job: false,
            cancel: false,
            next_head_check: None,
            fetch_every: None,
            next_fetch: None,
            found: HashMap::new(),
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), true));
    }

    fn autosave_dir(&self) -> Option<PathBuf> {
        self.overview
            .workspace
            .as_ref()
            .map(|w| autosave::workspace_dir(&self.folders.state, &w.git_dir))
    }

    /// The screen shown, if it has its state (the editor before a document
    /// is opened has none).
    fn current(&self) -> Option<&dyn Screen> {
        match self.screen {
            ScreenId::Overview => Some(&self.overview),
            ScreenId::Document => self.document.as_ref().map(|s| s as &dyn Screen),
            ScreenId::History => self.history.as_ref().map(|s| s as &dyn Screen),
            ScreenId::Review => self.review.as_ref().map(|s| s as &dyn Screen),
            ScreenId::Approvals => self.approvals.as_ref().map(|s| s as &dyn Screen),
        }
    }

    fn screen_mut(&mut self, id: ScreenId) -> Option<&mut dyn Screen> {
        match id {
            ScreenId::Overview => Some(&mut self.overview),
            ScreenId::Document => self.document.as_mut().map(|s| s as &mut dyn Screen),
            ScreenId::History => self.history.as_mut().map(|s| s as &mut dyn Screen),
            ScreenId::Review => self.review.as_mut().map(|s| s as &mut dyn Screen),
            ScreenId::Approvals => self.approvals.as_mut().map(|s| s as &mut dyn Screen),
        }
    }

    /// Runs `f` on one screen and carries out what it asked for.
    fn with_screen(&mut self, id: ScreenId, f: impl FnOnce(&mut dyn Screen, &mut Effects) -> bool) -> bool {
        let mut fx = Effects::default();
        let handled = self.screen_mut(id).is_some_and(|s| f(s, &mut fx));
        let asked = !fx.0.is_empty();
        self.apply(fx);
        // The history asks for the diffs it now wants (not after a key it
        // left to the keymap: each ask sends the waiting ones again).
        if id == ScreenId::History && (handled || asked) {
            self.history_requests();
        }
        handled
    }

    /// The key context of the current screen.
    pub fn context(&self) -> Context {
        self.current().map_or(Context::Global, |s| s.context())
    }

    // ---- keys and actions ------------------------------------------------------------

    pub fn handle_key(&mut self, key: KeyEvent) {
        if !matches!(key.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
            return;
        }
        if let Some(overlay) = self.overlay.take() {
            match overlay.key(key, self.context()) {
                Step::Open(overlay) => self.overlay = Some(overlay),
                Step::Done(outcome) => self.layer_closed(outcome),
            }
            return;
        }
        if self.with_screen(self.screen, |s, fx| s.key(key, fx)) {
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
            Lookup::Prefix => {}
            Lookup::Action(action) => {
                self.pending_keys.clear();
                self.dispatch(action);
            }
            Lookup::None => {
                let single = self.pending_keys.len() == 1;
                self.pending_keys.clear();
                if single
                    && let KeyCode::Char(c) = key.code
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                {
                    self.with_screen(self.screen, |s, _| s.typed(c));
                }
            }
        }
    }

    /// Carries out what closing a layer asked for.
    fn layer_closed(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Closed => {}
            Outcome::Run(actions) => {
                if actions.contains(&Action::SaveDraft) && actions.contains(&Action::Quit) {
                    self.quit_after_save = true;
                    self.dispatch(Action::SaveDraft);
                } else {
                    for a in actions {
                        self.dispatch(a);
                    }
                }
            }
            Outcome::Answered {
                kind: PromptKind::Export(plan),
                input,
                ..
            } => self.export(plan, &input),
            Outcome::Answered { owner, kind, input } => {
                // Lines of the editor's unsaved text are the editor's to send,
                // wherever they were selected.
                let owner = match &kind {
                    PromptKind::Comment(t) if t.buffer.is_some() => ScreenId::Document,
                    _ => owner,
                };
                if self.screen_mut(owner).is_none() {
                    return self.error(t(Msg::DocCommentStale));
                }
                self.with_screen(owner, |s, fx| {
                    s.prompt_done(kind, input, fx);
                    true
                });
            }
            Outcome::EditPrompt { owner, kind, input } => {
                self.external_edit = Some(input.clone());
                self.prompt_in_editor = Some((owner, kind, input));
            }
            Outcome::SaveThenQuit => {
                self.quit_after_save = true;
                self.dispatch(Action::SaveDraft);
            }
            Outcome::KeepAndQuit => self.quit = true,
            Outcome::DiscardAndQuit => {
                if let (Some(dir), Some(doc)) = (self.autosave_dir(), self.document.as_mut()) {
                    autosave::remove(&dir, &doc.slug, &doc.session);
                    doc.discard_autosave = true;
                }
                self.quit = true;
            }
            Outcome::Recover(offer) => {
                let RecoveryOffer { opened, autosave } = *offer;
                self.show_document(opened, Some(autosave.text));
                if let Some(doc) = self.document.as_mut() {
                    doc.adopted = Some(autosave.session);
                }
            }
            Outcome::DiscardRecovery(offer) => {
                if let Some(dir) = self.autosave_dir() {
                    autosave::remove(&dir, &offer.opened.slug, &offer.autosave.session);
                }
                self.show_document(offer.opened, None);
                self.info(t(Msg::AppDiscarded));
            }
            Outcome::ChangeActions(panel, change) => {
                self.requests.push(Request::WorkPlan {
                    slug: panel.slug.clone(),
                    change: Some(change),
                });
                self.overlay = Some(Overlay::WorkPlan(panel));
            }
            Outcome::Resolved(resolver, finish) => match resolver.purpose {
                Purpose::Editor { .. } => {
                    let mut fx = Effects::default();
                    if let Some(doc) = self.document.as_mut() {
                        doc.resolved(&resolver, finish, &mut fx);
                    }
                    self.apply(fx);
                }
                Purpose::Sync { .. } if finish == Finish::Cancel => self.info(t(Msg::AppSyncStoppedClashes)),
                Purpose::Sync { .. } => match resolver.next_file() {
                    Next::File(next) => self.overlay = Some(Overlay::Resolve(next)),
                    Next::Sync(input) => {
                        self.requests.push(Request::Sync(input));
                        self.busy = Some(t(Msg::AppSyncingChosen).into());
                    }
                },
            },
            Outcome::RecoverLater => self.info(t(Msg::AppKeptForLater)),
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        self.message = None;
        let context = self.context();
        if !action.applies_in(context) {
            return self.error(tf(Msg::AppNotHere, &[("action", &action.name())]));
        }
        match action {
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => self.overlay = Some(Overlay::Palette(Default::default())),
            Action::Quit => self.request_quit(),
            Action::Close if self.screen == ScreenId::Overview => self.request_quit(),
            // Esc steps back (a screen may take it first); it never quits.
            Action::Back | Action::Close => {
                if !self.with_screen(self.screen, |s, fx| s.act(Action::Back, fx)) {
                    match self.screen {
                        ScreenId::Overview => self.info(t(Msg::AppFirstScreen)),
                        _ => self.show_overview(),
                    }
                }
            }
            Action::ScreenOverview => self.show_overview(),
            Action::ScreenDocument => match self.overview.selected_slug() {
                Some(slug) => self.edit(slug, None),
                None => self.error(t(Msg::NoDocumentSelected)),
            },
            Action::ScreenHistory => self.focused(Self::show_history),
            Action::ScreenReview => self.focused(|app, slug| app.show_review(slug, None)),
            Action::ScreenApprovals => self.focused(Self::show_approvals),
            Action::Reload => {
                self.requests.push(Request::Load);
                self.busy = Some(t(Msg::ReadingWorkspace).into());
            }
            Action::Cancel if self.long_job => {
                self.cancel = true;
                self.long_job = false;
                self.busy = Some(t(Msg::AppStopping).into());
            }
            Action::Cancel => self.info(t(Msg::AppNothingRunning)),
            Action::Sync => {
                self.flush_autosave();
                self.requests.push(Request::Sync(Default::default()));
                self.busy = Some(t(Msg::AppSyncing).into());
            }
            Action::WorkPlan => self.focused(Self::work_plan),
            Action::Export => match self.current().map(|s| s.export_plan()) {
                Some(Ok(plan)) => {
                    self.overlay = Some(Overlay::Prompt {
                        owner: self.screen,
                        input: plan.file.clone(),
                        kind: PromptKind::Export(plan),
                    })
                }
                Some(Err(why)) => self.error(why),
                None => self.error(t(Msg::AppOpenToExport)),
            },
            other => {
                self.with_screen(self.screen, |s, fx| s.act(other, fx));
            }
        }
    }

    /// Sends an export to the worker: the file named in the prompt, its
    /// format by its extension, a relative name in the current folder.
    fn export(&mut self, plan: ExportPlan, input: &str) {
        let name = input.trim();
        if name.is_empty() {
            return self.error(t(Msg::AppNoFileNamed));
        }
        let path = std::path::PathBuf::from(name);
        let Some(format) = path
            .extension()
            .and_then(|e| crate::export::Format::parse(&e.to_string_lossy()))
        else {
            return self.error(t(Msg::AppFormatByName));
        };
        let out = match std::env::current_dir() {
            Ok(dir) if path.is_relative() => dir.join(path),
            _ => path,
        };
        self.requests.push(Request::Export(crate::usecase::ExportRequest {
            slug: plan.slug,
            draft: plan.draft,
            since: plan.since,
            comments: false,
            format,
            out,
        }));
        self.busy = Some(tf(
            Msg::AppExporting,
            &[
                ("label", &plan.label),
                ("format", &format.as_str().to_uppercase()),
            ],
        ));
    }

    /// Text pasted into the terminal (bracketed paste): one edit in the
    /// editor, or the text of an open prompt or filter.
    pub fn paste(&mut self, text: &str) {
        match self.overlay.as_mut() {
            Some(overlay) => overlay.paste(text),
            None => {
                self.with_screen(self.screen, |s, _| s.paste(text));
            }
        }
    }

    /// Applies the result of editing in $EDITOR: to the prompt that asked
    /// (opened again, to be sent with Enter), else to the editor's text.
    pub fn external_result(&mut self, result: Result<String, String>) {
        if let Some((owner, kind, before)) = self.prompt_in_editor.take() {
            let input = match result {
                // The editor's last line end is not part of the answer.
                Ok(text) => widgets::typed::lf(&text).trim_end_matches('\n').to_string(),
                Err(e) => {
                    self.error(e);
                    before
                }
            };
            self.overlay = Some(Overlay::Prompt { owner, kind, input });
            return;
        }
        match (result, self.document.as_mut()) {
            (Ok(text), Some(doc)) => match doc.replace_text(&text) {
                true => self.info(t(Msg::AppTookBack)),
                false => self.info(t(Msg::AppNoExternalChange)),
            },
            (Err(e), _) => self.error(e),
            (Ok(_), None) => {}
        }
    }
}
