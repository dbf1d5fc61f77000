//! The one registry of actions: every command the TUI can perform, with its
//! name (used in keymaps and the `:` palette), a description (used by `?` help and
//! the palette) and the contexts it applies to. Keymaps are data that map keys to
//! these names, so help, palette and configuration can never drift apart.

/// Where a binding applies. `Global` bindings apply on every screen that is not
/// taking text input; the editor lists its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Overview,
    Document,
    /// The vim keymap's normal mode in the document screen.
    DocumentNormal,
    History,
    Approvals,
    Review,
}

impl Context {
    pub const ALL: [Context; 7] = [
        Context::Global,
        Context::Overview,
        Context::Document,
        Context::DocumentNormal,
        Context::History,
        Context::Approvals,
        Context::Review,
    ];

    /// The table name in a keymap file.
    pub fn table(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Overview => "overview",
            Context::Document => "document",
            Context::DocumentNormal => "document-normal",
            Context::History => "history",
            Context::Approvals => "approvals",
            Context::Review => "review",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Overview => "Overview",
            Context::Document => "Document editor",
            Context::DocumentNormal => "Document editor, normal mode",
            Context::History => "History",
            Context::Approvals => "Approvals",
            Context::Review => "Review",
        }
    }

    pub fn from_table(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.table() == name)
    }
}

macro_rules! actions {
    ($($variant:ident = $name:literal in $contexts:ident : $desc:literal;)*) => {
        /// A named command.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// What the action does, in general (the palette and help say
            /// it the way the screen means it: [`Action::describe`]).
            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => $desc),* }
            }

            /// The contexts the action applies in; `Global` means every one.
            pub fn contexts(self) -> &'static [Context] {
                match self { $(Action::$variant => $contexts),* }
            }
        }
    };
}

// The contexts of the registry's entries below.
const G: &[Context] = &[Context::Global];
const E: &[Context] = &[Context::Document, Context::DocumentNormal];
const H: &[Context] = &[Context::History];
const A: &[Context] = &[Context::Approvals];
const R: &[Context] = &[Context::Review];
const LISTS: &[Context] = &[
    Context::Overview,
    Context::History,
    Context::Approvals,
    Context::Review,
];
const OPEN: &[Context] = &[Context::Overview, Context::History, Context::Review];
const FILTER: &[Context] = &[Context::Overview, Context::Review];
const EDIT_APPROVALS: &[Context] = &[Context::Document, Context::DocumentNormal, Context::Approvals];
const EDIT_HISTORY: &[Context] = &[Context::Document, Context::DocumentNormal, Context::History];
const SCROLLS: &[Context] = &[Context::History, Context::Approvals];
const WORK_PLANS: &[Context] = &[Context::Overview, Context::Document, Context::DocumentNormal];
const EXPORTS: &[Context] = &[
    Context::Document,
    Context::DocumentNormal,
    Context::History,
    Context::Approvals,
];

actions! {
    Help = "help" in G: "Show every key binding of the active keymap";
    Palette = "palette" in G: "Open the command palette (every action by name)";
    Back = "back" in G: "Go back to the previous screen";
    Close = "close" in G: "Close this screen; on the overview, quit";
    Quit = "quit" in G: "Quit udkast (asks when there are unsaved changes)";
    ScreenOverview = "screen-overview" in G: "Screen 1: overview of all documents";
    ScreenDocument = "screen-document" in G: "Screen 2: the selected document in the editor";
    ScreenHistory = "screen-history" in G: "Screen 3: drafts of the selected document";
    ScreenReview = "screen-review" in G: "Screen 4: review comments of the selected document";
    ScreenApprovals = "screen-approvals" in G: "Screen 5: approvals of the selected document";
    Up = "up" in LISTS: "Move up";
    Down = "down" in LISTS: "Move down";
    Top = "top" in LISTS: "Go to the first item";
    Bottom = "bottom" in LISTS: "Go to the last item";
    Open = "open" in OPEN: "Open the selected item";
    Filter = "filter" in FILTER: "Filter the list as you type";
    Reload = "reload" in G: "Reload the workspace from git";
    Cancel = "cancel" in G: "Stop the long job running now (a first read of a long history, a sync)";
    Sync = "sync" in G: "Sync with the team's remote: fetch, merge, push (your own git, your ssh keys)";
    WorkPlan = "work-plan" in WORK_PLANS: "A work plan's actions: owner, due date, status, budget; Enter edits one, a adds, x removes, each change a draft";
    Export = "export" in EXPORTS: "Export the draft for the agenda: DOCX with tracked changes, PDF or HTML";
    CursorLeft = "cursor-left" in EDIT_APPROVALS: "Cursor one character left";
    CursorRight = "cursor-right" in EDIT_APPROVALS: "Cursor one character right";
    CursorUp = "cursor-up" in E: "Cursor one line up";
    CursorDown = "cursor-down" in E: "Cursor one line down";
    WordLeft = "word-left" in E: "Cursor one word left";
    WordRight = "word-right" in E: "Cursor one word right";
    LineStart = "line-start" in E: "Cursor to the start of the line";
    LineEnd = "line-end" in E: "Cursor to the end of the line";
    ParagraphUp = "paragraph-up" in E: "Cursor to the previous paragraph";
    ParagraphDown = "paragraph-down" in E: "Cursor to the next paragraph";
    PageUp = "page-up" in EDIT_HISTORY: "One page up";
    PageDown = "page-down" in EDIT_HISTORY: "One page down";
    DocStart = "doc-start" in E: "Cursor to the start of the document";
    DocEnd = "doc-end" in E: "Cursor to the end of the document";
    SelectLeft = "select-left" in E: "Extend the selection one character left";
    SelectRight = "select-right" in E: "Extend the selection one character right";
    SelectUp = "select-up" in EDIT_HISTORY: "Extend the selection one line up";
    SelectDown = "select-down" in EDIT_HISTORY: "Extend the selection one line down";
    SelectWordLeft = "select-word-left" in E: "Extend the selection one word left";
    SelectWordRight = "select-word-right" in E: "Extend the selection one word right";
    SelectLineStart = "select-line-start" in E: "Extend the selection to the start of the line";
    SelectLineEnd = "select-line-end" in E: "Extend the selection to the end of the line";
    SelectAll = "select-all" in E: "Select the whole document";
    Newline = "newline" in E: "Insert a line break";
    Backspace = "backspace" in E: "Delete the character before the cursor";
    Delete = "delete" in E: "Delete the character after the cursor";
    DeleteWordBack = "delete-word-back" in E: "Delete the word before the cursor";
    DeleteLine = "delete-line" in E: "Delete the current line";
    Tab = "tab" in E: "Insert a tab";
    Undo = "undo" in E: "Undo";
    Redo = "redo" in E: "Redo";
    Copy = "copy" in E: "Copy the selection (also to your own clipboard, over SSH too)";
    Cut = "cut" in E: "Cut the selection";
    Paste = "paste" in E: "Paste";
    Search = "search" in E: "Search in the document";
    SearchNext = "search-next" in E: "Next search match";
    SearchPrev = "search-prev" in E: "Previous search match";
    Replace = "replace" in E: "Replace every match of the search";
    SaveDraft = "save-draft" in E: "Save the text as a new draft (asks for a message)";
    Update = "update" in E: "Bring the text onto the latest draft when others saved since (merged as saving merges)";
    ExternalEditor = "external-editor" in E: "Edit the text in $VISUAL / $EDITOR";
    ToggleOutline = "toggle-outline" in E: "Show or hide the section outline";
    OutlineJump = "outline-jump" in E: "Jump to a section of the outline";
    InsertMode = "insert-mode" in E: "Vim: insert before the cursor";
    AppendMode = "append-mode" in E: "Vim: insert after the cursor";
    OpenLineBelow = "open-line-below" in E: "Vim: open a new line below and insert";
    NormalMode = "normal-mode" in E: "Vim: back to normal mode";
    CycleView = "cycle-view" in H: "History: switch between word, unified and side-by-side views";
    Mark = "mark" in H: "History: mark this draft; the diff then compares the marked draft with the selected one";
    NextChange = "next-change" in H: "History: scroll to the next change";
    PrevChange = "prev-change" in H: "History: scroll to the previous change";
    ToggleFolds = "toggle-folds" in H: "History: show or fold unchanged stretches";
    Blame = "blame" in EDIT_HISTORY: "Who gave each paragraph its wording: the draft, author and date (minor changes set aside)";
    HideMinor = "hide-minor" in H: "History: hide minor changes (punctuation, case, spelling, paragraph breaks) and count them";
    ToggleList = "toggle-list" in H: "History: hide or show the list of drafts (the diff gets the full width)";
    Sections = "sections" in H: "History: which sections changed, with words added and removed; Enter jumps there";
    CompareBuffer = "compare-buffer" in H: "History: the editor's unsaved text against the latest draft";
    CompareApproved = "compare-approved" in H: "History: the latest draft against the last approved version";
    SwitchPane = "switch-pane" in H: "History: move between the drafts and a line cursor in the diff (select lines there to comment)";
    ScrollDown = "scroll-down" in SCROLLS: "Scroll the diff down";
    ScrollUp = "scroll-up" in SCROLLS: "Scroll the diff up";
    Decide = "decide" in A: "Approvals: record a governing body's decision on the selected draft (leads)";
    TagVersion = "tag-version" in A: "Approvals: tag the selected draft as the approved version (leads)";
    CompareLatest = "compare-latest" in A: "Approvals: show what changed from the selected draft to the latest";
    Comment = "comment" in EDIT_HISTORY: "Start a comment thread on the selected lines (or the cursor's line)";
    OpenThread = "open-thread" in EDIT_HISTORY: "Open the comment thread on the cursor's line";
    Reply = "reply" in R: "Review: reply to the selected thread";
    ResolveToggle = "resolve" in R: "Review: resolve the selected thread, or reopen it";
}

/// Actions no default key reaches: the `:` palette is their way in.
pub const PALETTE_ONLY: &[Action] = &[];

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// Whether the action means something in `context` (a global action
    /// means something everywhere).
    pub fn applies_in(self, context: Context) -> bool {
        let contexts = self.contexts();
        contexts.contains(&Context::Global) || contexts.contains(&context)
    }

    /// What the action does in `context`, as help and the palette say it.
    pub fn describe(self, context: Context) -> &'static str {
        match (self, context) {
            (Action::Open, Context::Overview) => "Open the selected document in the editor",
            (Action::Open, Context::History) => {
                "Move into the diff; there, open the comment thread on the line"
            }
            (Action::Open, Context::Review) => "Show the thread's passage in the editor",
            (Action::Filter, Context::Review) => "Show open, resolved, outdated, your own or all threads",
            (Action::Up, Context::Approvals) => "Select the draft above",
            (Action::Down, Context::Approvals) => "Select the draft below",
            (Action::CursorLeft, Context::Approvals) => "Select the body to the left",
            (Action::ScrollDown, Context::Approvals) => "Scroll the decisions on the draft down",
            (Action::ScrollUp, Context::Approvals) => "Scroll the decisions on the draft up",
            (Action::CursorRight, Context::Approvals) => "Select the body to the right",
            (Action::Up | Action::Down, Context::History) => {
                "Select a newer or older draft (in the diff: move the line cursor)"
            }
            (Action::SelectUp | Action::SelectDown, Context::History) => {
                "Extend the selected lines of the diff (to comment on them)"
            }
            (Action::PageUp | Action::PageDown, Context::History) => "Scroll the diff by a page",
            (Action::Back, Context::History) => {
                "Back to the drafts from the diff; from the drafts, to the overview"
            }
            (Action::Comment, Context::History) => "Start a comment thread on the diff's selected lines",
            _ => self.description(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::{DEFAULT, Keymap, VIM};

    /// Every action is reachable: bound in an embedded keymap (the vim
    /// modes only in vim's) where it applies, or listed as palette-only (and
    /// then really unbound).
    #[test]
    fn every_action_is_bound_where_it_applies_or_palette_only() {
        let keymaps = [
            Keymap::parse("default", DEFAULT).unwrap(),
            Keymap::parse("vim", VIM).unwrap(),
        ];
        for action in Action::ALL {
            let bound: Vec<Context> = Context::ALL
                .into_iter()
                .filter(|c| keymaps.iter().any(|k| !k.keys_for(*c, *action).is_empty()))
                .collect();
            if PALETTE_ONLY.contains(action) {
                assert!(
                    bound.is_empty(),
                    "{} is palette-only but bound in {bound:?}",
                    action.name()
                );
            } else {
                assert!(
                    !bound.is_empty(),
                    "{} has no key and is not palette-only",
                    action.name()
                );
            }
            for context in bound {
                assert!(
                    action.applies_in(context),
                    "{} bound in {context:?}",
                    action.name()
                );
            }
        }
    }

    /// An action's description in a context says what it does there, never
    /// what it does on another screen.
    #[test]
    fn descriptions_fit_the_screen() {
        assert_eq!(
            Action::Open.describe(Context::Overview),
            "Open the selected document in the editor"
        );
        assert!(Action::Filter.describe(Context::Review).contains("resolved"));
        assert!(Action::CursorLeft.describe(Context::Approvals).contains("body"));
        assert!(
            Action::CursorLeft
                .describe(Context::Document)
                .contains("character")
        );
        for action in Action::ALL {
            for context in action.contexts() {
                assert!(!action.describe(*context).is_empty());
            }
        }
    }

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
        }
    }
}
