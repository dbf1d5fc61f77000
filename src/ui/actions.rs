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
    ($($variant:ident = $name:literal : $desc:literal;)*) => {
        /// A named command.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => $desc),* }
            }
        }
    };
}

actions! {
    Help = "help": "Show every key binding of the active keymap";
    Palette = "palette": "Open the command palette (every action by name)";
    Back = "back": "Go back to the previous screen";
    Close = "close": "Close this screen; on the overview, quit";
    Quit = "quit": "Quit udkast (asks when there are unsaved changes)";
    ScreenOverview = "screen-overview": "Screen 1: overview of all documents";
    ScreenDocument = "screen-document": "Screen 2: the selected document in the editor";
    ScreenHistory = "screen-history": "Screen 3: drafts of the selected document";
    ScreenReview = "screen-review": "Screen 4: review comments of the selected document";
    ScreenApprovals = "screen-approvals": "Screen 5: approvals of the selected document";
    Up = "up": "Move up";
    Down = "down": "Move down";
    Top = "top": "Go to the first item";
    Bottom = "bottom": "Go to the last item";
    Open = "open": "Open the selected document";
    Filter = "filter": "Filter the list as you type";
    Reload = "reload": "Reload the workspace from git";
    CursorLeft = "cursor-left": "Cursor one character left";
    CursorRight = "cursor-right": "Cursor one character right";
    CursorUp = "cursor-up": "Cursor one line up";
    CursorDown = "cursor-down": "Cursor one line down";
    WordLeft = "word-left": "Cursor one word left";
    WordRight = "word-right": "Cursor one word right";
    LineStart = "line-start": "Cursor to the start of the line";
    LineEnd = "line-end": "Cursor to the end of the line";
    ParagraphUp = "paragraph-up": "Cursor to the previous paragraph";
    ParagraphDown = "paragraph-down": "Cursor to the next paragraph";
    PageUp = "page-up": "One page up";
    PageDown = "page-down": "One page down";
    DocStart = "doc-start": "Cursor to the start of the document";
    DocEnd = "doc-end": "Cursor to the end of the document";
    SelectLeft = "select-left": "Extend the selection one character left";
    SelectRight = "select-right": "Extend the selection one character right";
    SelectUp = "select-up": "Extend the selection one line up";
    SelectDown = "select-down": "Extend the selection one line down";
    SelectWordLeft = "select-word-left": "Extend the selection one word left";
    SelectWordRight = "select-word-right": "Extend the selection one word right";
    SelectLineStart = "select-line-start": "Extend the selection to the start of the line";
    SelectLineEnd = "select-line-end": "Extend the selection to the end of the line";
    SelectAll = "select-all": "Select the whole document";
    Newline = "newline": "Insert a line break";
    Backspace = "backspace": "Delete the character before the cursor";
    Delete = "delete": "Delete the character after the cursor";
    DeleteWordBack = "delete-word-back": "Delete the word before the cursor";
    DeleteLine = "delete-line": "Delete the current line";
    Tab = "tab": "Insert a tab";
    Undo = "undo": "Undo";
    Redo = "redo": "Redo";
    Copy = "copy": "Copy the selection (also to your own clipboard, over SSH too)";
    Cut = "cut": "Cut the selection";
    Paste = "paste": "Paste";
    Search = "search": "Search in the document";
    SearchNext = "search-next": "Next search match";
    SearchPrev = "search-prev": "Previous search match";
    Replace = "replace": "Replace every match of the search";
    SaveDraft = "save-draft": "Save the text as a new draft (asks for a message)";
    ExternalEditor = "external-editor": "Edit the text in $VISUAL / $EDITOR";
    ToggleOutline = "toggle-outline": "Show or hide the section outline";
    OutlineJump = "outline-jump": "Jump to a section of the outline";
    InsertMode = "insert-mode": "Vim: insert before the cursor";
    AppendMode = "append-mode": "Vim: insert after the cursor";
    OpenLineBelow = "open-line-below": "Vim: open a new line below and insert";
    NormalMode = "normal-mode": "Vim: back to normal mode";
    CycleView = "cycle-view": "History: switch between word, unified and side-by-side views";
    Mark = "mark": "History: mark this draft; the diff then compares the marked draft with the selected one";
    NextChange = "next-change": "History: scroll to the next change";
    PrevChange = "prev-change": "History: scroll to the previous change";
    ToggleFolds = "toggle-folds": "History: show or fold unchanged stretches";
    Sections = "sections": "History: which sections changed, with words added and removed; Enter jumps there";
    CompareBuffer = "compare-buffer": "History: the editor's unsaved text against the latest draft";
    CompareApproved = "compare-approved": "History: the latest draft against the last approved version";
    SwitchPane = "switch-pane": "History: move between the drafts and a line cursor in the diff (select lines there to comment)";
    ScrollDown = "scroll-down": "Scroll the diff down";
    ScrollUp = "scroll-up": "Scroll the diff up";
    Decide = "decide": "Approvals: record a governing body's decision on the selected draft (leads)";
    TagVersion = "tag-version": "Approvals: tag the selected draft as the approved version (leads)";
    CompareLatest = "compare-latest": "Approvals: show what changed from the selected draft to the latest";
    Comment = "comment": "Start a comment thread on the selected lines (or the cursor's line)";
    OpenThread = "open-thread": "Open the comment thread on the cursor's line";
    Reply = "reply": "Review: reply to the selected thread";
    ResolveToggle = "resolve": "Review: resolve the selected thread, or reopen it";
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
