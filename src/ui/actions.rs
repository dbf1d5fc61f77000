//! The one registry of actions: every command the TUI can perform, with its
//! name (used in keymaps and the `:` palette), a description (used by `?` help and
//! the palette) and the contexts it applies to. Keymaps are data that map keys to
//! these names, so help, palette and configuration can never drift apart.
//! Each description is written in both languages in its row.

use crate::lang::{Msg, t};

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
        t(match self {
            Context::Global => Msg::CtxGlobal,
            Context::Overview => Msg::CtxOverview,
            Context::Document => Msg::CtxDocument,
            Context::DocumentNormal => Msg::CtxDocumentNormal,
            Context::History => Msg::CtxHistory,
            Context::Approvals => Msg::CtxApprovals,
            Context::Review => Msg::CtxReview,
        })
    }

    pub fn from_table(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.table() == name)
    }
}

macro_rules! actions {
    ($($variant:ident = $name:literal in $contexts:ident : $desc:literal, $da:literal;)*) => {
        /// A named command.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// What the action does, in general, in the thread's language
            /// (the palette and help say it the way the screen means it:
            /// [`Action::describe`]).
            pub fn description(self) -> &'static str {
                match crate::lang::current() {
                    crate::lang::Lang::En => match self { $(Action::$variant => $desc),* },
                    crate::lang::Lang::Da => match self { $(Action::$variant => $da),* },
                }
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
    Help = "help" in G: "Show every key binding of the active keymap", "Vis alle tastebindinger i det aktive tastatursæt";
    Palette = "palette" in G: "Open the command palette (every action by name)", "Åbn kommandopaletten (alle handlinger ved navn)";
    Back = "back" in G: "Go back to the previous screen", "Gå tilbage til forrige skærm";
    Close = "close" in G: "Close this screen; on the overview, quit", "Luk skærmen; på oversigten: afslut";
    Quit = "quit" in G: "Quit udkast (asks when there are unsaved changes)", "Afslut udkast (spørger, når der er ændringer, der ikke er gemt)";
    ScreenOverview = "screen-overview" in G: "Screen 1: overview of all documents", "Skærm 1: oversigt over alle dokumenter";
    ScreenDocument = "screen-document" in G: "Screen 2: the selected document in the editor", "Skærm 2: det valgte dokument i editoren";
    ScreenHistory = "screen-history" in G: "Screen 3: drafts of the selected document", "Skærm 3: det valgte dokuments udkast";
    ScreenReview = "screen-review" in G: "Screen 4: review comments of the selected document", "Skærm 4: det valgte dokuments kommentarer";
    ScreenApprovals = "screen-approvals" in G: "Screen 5: approvals of the selected document", "Skærm 5: det valgte dokuments godkendelser";
    Up = "up" in LISTS: "Move up", "Flyt op";
    Down = "down" in LISTS: "Move down", "Flyt ned";
    Top = "top" in LISTS: "Go to the first item", "Gå til det første element";
    Bottom = "bottom" in LISTS: "Go to the last item", "Gå til det sidste element";
    Open = "open" in OPEN: "Open the selected item", "Åbn det valgte element";
    Filter = "filter" in FILTER: "Filter the list as you type", "Filtrér listen, mens du skriver";
    Reload = "reload" in G: "Reload the workspace from git", "Læs arbejdsområdet igen fra git";
    Cancel = "cancel" in G: "Stop the long job running now (a first read of a long history, a sync)", "Stop det lange job, der kører nu (første læsning af en lang historik, en synkronisering)";
    Sync = "sync" in G: "Sync with the team's remote: fetch, merge, push (your own git, your ssh keys)", "Synkronisér med holdets fjernlager: hent, flet, send (din egen git, dine ssh-nøgler)";
    WorkPlan = "work-plan" in WORK_PLANS: "A work plan's actions: owner, due date, status, budget; Enter edits one, a adds, x removes, each change a draft", "En arbejdsplans handlinger: ansvarlig, frist, status, budget; Enter retter en, a tilføjer, x fjerner, hver ændring et udkast";
    Export = "export" in EXPORTS: "Export the draft for the agenda: DOCX with tracked changes, PDF or HTML", "Eksportér udkastet til dagsordenen: DOCX med registrerede ændringer, PDF eller HTML";
    CursorLeft = "cursor-left" in EDIT_APPROVALS: "Cursor one character left", "Markøren ét tegn til venstre";
    CursorRight = "cursor-right" in EDIT_APPROVALS: "Cursor one character right", "Markøren ét tegn til højre";
    CursorUp = "cursor-up" in E: "Cursor one line up", "Markøren én linje op";
    CursorDown = "cursor-down" in E: "Cursor one line down", "Markøren én linje ned";
    WordLeft = "word-left" in E: "Cursor one word left", "Markøren ét ord til venstre";
    WordRight = "word-right" in E: "Cursor one word right", "Markøren ét ord til højre";
    LineStart = "line-start" in E: "Cursor to the start of the line", "Markøren til linjens begyndelse";
    LineEnd = "line-end" in E: "Cursor to the end of the line", "Markøren til linjens slutning";
    ParagraphUp = "paragraph-up" in E: "Cursor to the previous paragraph", "Markøren til forrige afsnit";
    ParagraphDown = "paragraph-down" in E: "Cursor to the next paragraph", "Markøren til næste afsnit";
    PageUp = "page-up" in EDIT_HISTORY: "One page up", "Én side op";
    PageDown = "page-down" in EDIT_HISTORY: "One page down", "Én side ned";
    DocStart = "doc-start" in E: "Cursor to the start of the document", "Markøren til dokumentets begyndelse";
    DocEnd = "doc-end" in E: "Cursor to the end of the document", "Markøren til dokumentets slutning";
    SelectLeft = "select-left" in E: "Extend the selection one character left", "Udvid markeringen ét tegn til venstre";
    SelectRight = "select-right" in E: "Extend the selection one character right", "Udvid markeringen ét tegn til højre";
    SelectUp = "select-up" in EDIT_HISTORY: "Extend the selection one line up", "Udvid markeringen én linje op";
    SelectDown = "select-down" in EDIT_HISTORY: "Extend the selection one line down", "Udvid markeringen én linje ned";
    SelectWordLeft = "select-word-left" in E: "Extend the selection one word left", "Udvid markeringen ét ord til venstre";
    SelectWordRight = "select-word-right" in E: "Extend the selection one word right", "Udvid markeringen ét ord til højre";
    SelectLineStart = "select-line-start" in E: "Extend the selection to the start of the line", "Udvid markeringen til linjens begyndelse";
    SelectLineEnd = "select-line-end" in E: "Extend the selection to the end of the line", "Udvid markeringen til linjens slutning";
    SelectAll = "select-all" in E: "Select the whole document", "Markér hele dokumentet";
    Newline = "newline" in E: "Insert a line break", "Indsæt et linjeskift";
    Backspace = "backspace" in E: "Delete the character before the cursor", "Slet tegnet før markøren";
    Delete = "delete" in E: "Delete the character after the cursor", "Slet tegnet efter markøren";
    DeleteWordBack = "delete-word-back" in E: "Delete the word before the cursor", "Slet ordet før markøren";
    DeleteLine = "delete-line" in E: "Delete the current line", "Slet den aktuelle linje";
    Tab = "tab" in E: "Insert a tab", "Indsæt en tabulator";
    Undo = "undo" in E: "Undo", "Fortryd";
    Redo = "redo" in E: "Redo", "Gentag";
    Copy = "copy" in E: "Copy the selection (also to your own clipboard, over SSH too)", "Kopiér markeringen (også til din egen udklipsholder, også over SSH)";
    Cut = "cut" in E: "Cut the selection", "Klip markeringen";
    Paste = "paste" in E: "Paste", "Indsæt";
    Search = "search" in E: "Search in the document", "Søg i dokumentet";
    SearchNext = "search-next" in E: "Next search match", "Næste søgeresultat";
    SearchPrev = "search-prev" in E: "Previous search match", "Forrige søgeresultat";
    Replace = "replace" in E: "Replace every match of the search", "Erstat alle søgeresultater";
    SaveDraft = "save-draft" in E: "Save the text as a new draft (asks for a message)", "Gem teksten som et nyt udkast (spørger om en besked)";
    Update = "update" in E: "Bring the text onto the latest draft when others saved since (merged as saving merges)", "Før teksten over på det seneste udkast, når andre har gemt siden (flettet, som når der gemmes)";
    ExternalEditor = "external-editor" in E: "Edit the text in $VISUAL / $EDITOR", "Redigér teksten i $VISUAL / $EDITOR";
    ToggleOutline = "toggle-outline" in E: "Show or hide the section outline", "Vis eller skjul dispositionen";
    OutlineJump = "outline-jump" in E: "Jump to a section of the outline", "Hop til et afsnit i dispositionen";
    InsertMode = "insert-mode" in E: "Vim: insert before the cursor", "Vim: indsæt før markøren";
    AppendMode = "append-mode" in E: "Vim: insert after the cursor", "Vim: indsæt efter markøren";
    OpenLineBelow = "open-line-below" in E: "Vim: open a new line below and insert", "Vim: ny linje nedenunder, og indsæt";
    NormalMode = "normal-mode" in E: "Vim: back to normal mode", "Vim: tilbage til normal-tilstand";
    CycleView = "cycle-view" in H: "History: switch between word, unified and side-by-side views", "Historik: skift mellem ord-, unified- og side om side-visning";
    Mark = "mark" in H: "History: mark this draft; the diff then compares the marked draft with the selected one", "Historik: markér dette udkast; så sammenlignes det markerede udkast med det valgte";
    NextChange = "next-change" in H: "History: scroll to the next change", "Historik: rul til næste ændring";
    PrevChange = "prev-change" in H: "History: scroll to the previous change", "Historik: rul til forrige ændring";
    ToggleFolds = "toggle-folds" in H: "History: show or fold unchanged stretches", "Historik: vis eller fold uændrede stykker";
    Blame = "blame" in EDIT_HISTORY: "Who gave each paragraph its wording: the draft, author and date (minor changes set aside)", "Hvem gav hvert afsnit dets ordlyd: udkast, forfatter og dato (der ses bort fra mindre ændringer)";
    HideMinor = "hide-minor" in H: "History: hide minor changes (punctuation, case, spelling, paragraph breaks) and count them", "Historik: skjul mindre ændringer (tegnsætning, store/små bogstaver, stavning, afsnitsskift) og tæl dem";
    ToggleList = "toggle-list" in H: "History: hide or show the list of drafts (the diff gets the full width)", "Historik: skjul eller vis listen over udkast (sammenligningen får hele bredden)";
    Sections = "sections" in H: "History: which sections changed, with words added and removed; Enter jumps there", "Historik: hvilke afsnit der er ændret, med ord tilføjet og fjernet; Enter hopper derhen";
    CompareBuffer = "compare-buffer" in H: "History: the editor's unsaved text against the latest draft", "Historik: editorens tekst, der ikke er gemt, mod det seneste udkast";
    CompareApproved = "compare-approved" in H: "History: the latest draft against the last approved version", "Historik: det seneste udkast mod den sidst godkendte version";
    SwitchPane = "switch-pane" in H: "History: move between the drafts and a line cursor in the diff (select lines there to comment)", "Historik: skift mellem udkastene og en linjemarkør i sammenligningen (markér linjer der for at kommentere)";
    ScrollDown = "scroll-down" in SCROLLS: "Scroll the diff down", "Rul sammenligningen ned";
    ScrollUp = "scroll-up" in SCROLLS: "Scroll the diff up", "Rul sammenligningen op";
    Decide = "decide" in A: "Approvals: record a governing body's decision on the selected draft (leads)", "Godkendelser: registrér et organs beslutning om det valgte udkast (ledere)";
    TagVersion = "tag-version" in A: "Approvals: tag the selected draft as the approved version (leads)", "Godkendelser: tag det valgte udkast som den godkendte version (ledere)";
    CompareLatest = "compare-latest" in A: "Approvals: show what changed from the selected draft to the latest", "Godkendelser: vis, hvad der er ændret fra det valgte udkast til det seneste";
    Comment = "comment" in EDIT_HISTORY: "Start a comment thread on the selected lines (or the cursor's line)", "Start en kommentartråd på de markerede linjer (eller markørens linje)";
    OpenThread = "open-thread" in EDIT_HISTORY: "Open the comment thread on the cursor's line", "Åbn kommentartråden på markørens linje";
    Reply = "reply" in R: "Review: reply to the selected thread", "Kommentarer: svar i den valgte tråd";
    ResolveToggle = "resolve" in R: "Review: resolve the selected thread, or reopen it", "Kommentarer: løs den valgte tråd, eller genåbn den";
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
        let special = match (self, context) {
            (Action::Open, Context::Overview) => Msg::DescOpenOverview,
            (Action::Open, Context::History) => Msg::DescOpenHistory,
            (Action::Open, Context::Review) => Msg::DescOpenReview,
            (Action::Filter, Context::Review) => Msg::DescFilterReview,
            (Action::Up, Context::Approvals) => Msg::DescUpApprovals,
            (Action::Down, Context::Approvals) => Msg::DescDownApprovals,
            (Action::CursorLeft, Context::Approvals) => Msg::DescLeftApprovals,
            (Action::ScrollDown, Context::Approvals) => Msg::DescScrollDownApprovals,
            (Action::ScrollUp, Context::Approvals) => Msg::DescScrollUpApprovals,
            (Action::CursorRight, Context::Approvals) => Msg::DescRightApprovals,
            (Action::Up | Action::Down, Context::History) => Msg::DescUpDownHistory,
            (Action::SelectUp | Action::SelectDown, Context::History) => Msg::DescSelectHistory,
            (Action::PageUp | Action::PageDown, Context::History) => Msg::DescPageHistory,
            (Action::Back, Context::History) => Msg::DescBackHistory,
            (Action::Comment, Context::History) => Msg::DescCommentHistory,
            _ => return self.description(),
        };
        t(special)
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
