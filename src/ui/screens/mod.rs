//! The screens of the TUI, one module each, and the contract they keep
//! ([`Screen`]). A screen owns its state, turns actions and the worker's
//! answers into changes of that state, and draws from it. What it wants of
//! the rest of the program (git work, a prompt, another screen) it says as an
//! [`Effect`]; `ui::app` routes effects, so no screen writes into another.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::actions::{Action, Context};
use super::jobs::{Request, Response};
use super::theme::Theme;
use crate::domain::Slug;

pub mod approvals;
pub mod document;
pub mod help;
pub mod history;
pub mod overview;
pub mod palette;
pub mod review;

/// The five screens, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Overview,
    Document,
    History,
    Review,
    Approvals,
}

impl ScreenId {
    pub const ALL: [ScreenId; 5] = [
        ScreenId::Overview,
        ScreenId::Document,
        ScreenId::History,
        ScreenId::Review,
        ScreenId::Approvals,
    ];

    pub fn title(self) -> &'static str {
        use crate::lang::{Msg, t};
        t(match self {
            ScreenId::Overview => Msg::TabOverview,
            ScreenId::Document => Msg::TabDocument,
            ScreenId::History => Msg::TabHistory,
            ScreenId::Review => Msg::TabReview,
            ScreenId::Approvals => Msg::TabApprovals,
        })
    }
}

/// What a prompt at the bottom asks for; the answer goes back to the screen
/// that asked ([`Screen::prompt_done`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    DraftMessage,
    Comment(review::CommentTarget),
    /// A reply to the thread with this id.
    Reply(String),
    /// An optional closing word, resolving the thread with this id.
    Resolve(String),
    Search,
    ReplaceWith(String),
    /// The file to export a draft to.
    Export(ExportPlan),
}

/// What the export action writes from a screen: a draft and what its
/// changes are measured from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPlan {
    pub slug: Slug,
    /// `latest`, a draft number or a commit.
    pub draft: String,
    /// How the prompt names it: "draft 7".
    pub label: String,
    pub since: crate::usecase::Since,
    /// The file name offered: `klima-udkast-7.docx`.
    pub file: String,
}

impl ExportPlan {
    /// The plan for draft `number` of `slug` (the latest when `None`).
    pub fn new(slug: &Slug, number: Option<u32>, since: crate::usecase::Since) -> ExportPlan {
        let (draft, label, file) = match number {
            Some(n) => (
                n.to_string(),
                crate::lang::tf(crate::lang::Msg::ExportDraftLabel, &[("n", &n)]),
                format!("{slug}-udkast-{n}.docx"),
            ),
            None => (
                "latest".to_string(),
                crate::lang::t(crate::lang::Msg::ExportLatestLabel).to_string(),
                format!("{slug}.docx"),
            ),
        };
        ExportPlan {
            slug: slug.clone(),
            draft,
            label,
            since,
            file,
        }
    }
}

impl PromptKind {
    /// Whether the answer may have several lines: what people write to each
    /// other (comments, replies, closing words). A draft message is a
    /// commit's summary line, and search and replace look for text on one
    /// line.
    pub fn multiline(&self) -> bool {
        matches!(
            self,
            PromptKind::Comment(_) | PromptKind::Reply(_) | PromptKind::Resolve(_)
        )
    }
}

/// What a screen asks of the rest of the program.
#[derive(Debug)]
pub enum Effect {
    /// Git work for the worker.
    Request(Request),
    /// What the status line says until the worker answers.
    Busy(String),
    Info(String),
    Error(String),
    /// A prompt whose answer comes back to the asking screen.
    Prompt(PromptKind),
    /// The editor on a document, at a line (1-based) when given.
    Edit {
        slug: Slug,
        line: Option<usize>,
    },
    /// The review screen on a document, with a thread selected when given.
    Review {
        slug: Slug,
        thread: Option<String>,
    },
    /// The history of a document, comparing its latest draft with an older one.
    Compare {
        slug: Slug,
        special: history::Special,
    },
    /// The history compares the editor's unsaved text with the latest draft.
    CompareBuffer,
    /// Text for the clipboard (and the user's own, through OSC 52).
    Copy(String),
    /// Paste the clipboard.
    Paste,
    /// Edit this text in $VISUAL / $EDITOR.
    ExternalEdit(String),
    /// A save that was asked for will not happen (`:wq` must not quit then).
    NoSave,
    /// Choose between passages both the editor's text and a later draft changed.
    Resolve(Box<crate::ui::resolve::Resolver>),
    /// The table of a work plan's actions.
    WorkPlan(Slug),
}

/// The effects of one key, action or answer, in order.
#[derive(Debug, Default)]
pub struct Effects(pub Vec<Effect>);

impl Effects {
    pub fn push(&mut self, effect: Effect) {
        self.0.push(effect);
    }

    pub fn request(&mut self, request: Request) {
        self.0.push(Effect::Request(request));
    }

    /// A request for slow work, with what the status line says meanwhile.
    pub fn job(&mut self, request: Request, busy: impl Into<String>) {
        self.0.push(Effect::Request(request));
        self.0.push(Effect::Busy(busy.into()));
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.0.push(Effect::Info(text.into()));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.0.push(Effect::Error(text.into()));
    }

    pub fn prompt(&mut self, kind: PromptKind) {
        self.0.push(Effect::Prompt(kind));
    }
}

/// The contract of a screen.
pub trait Screen {
    /// The keymap context its keys are looked up in.
    fn context(&self) -> Context;

    /// The document it shows, if any.
    fn slug(&self) -> Option<&Slug>;

    /// A key before the keymap sees it: a part of the screen that takes
    /// text or keys of its own (a filter line, a form, the outline). Returns
    /// whether it took the key.
    fn key(&mut self, _key: KeyEvent, _fx: &mut Effects) -> bool {
        false
    }

    /// A character typed where no binding took the key (the editor types it).
    /// Returns whether the screen took it.
    fn typed(&mut self, _c: char) -> bool {
        false
    }

    /// An action from the keymap or the palette. Returns whether the screen
    /// handled it.
    fn act(&mut self, action: Action, fx: &mut Effects) -> bool;

    /// An answer from the worker (every screen sees every answer and takes
    /// what concerns it).
    fn answer(&mut self, _response: &Response, _fx: &mut Effects) {}

    /// The answer to a prompt this screen asked for.
    fn prompt_done(&mut self, _kind: PromptKind, _input: String, _fx: &mut Effects) {}

    /// Text pasted into the terminal; returns whether the screen took it.
    fn paste(&mut self, _text: &str) -> bool {
        false
    }

    /// Fits the state to the area it will be drawn in (scrolling to keep the
    /// cursor in view, rendering what scrolling slices). Called before every
    /// [`draw`](Self::draw), which then only reads.
    fn layout(&mut self, _area: Rect, _theme: &Theme) {}

    /// What the export action would write from here, or why nothing.
    fn export_plan(&self) -> Result<ExportPlan, String> {
        Err(crate::lang::t(crate::lang::Msg::ExportOpenFirst).into())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme);
}
