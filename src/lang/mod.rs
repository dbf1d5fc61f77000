//! Danish and English: which one a person reads, and the catalogue of what
//! the screens say in each. Every message is one row of [`catalogue!`] with
//! both languages, so a message missing in one does not compile; the tests
//! check that both say the same `{placeholders}`.
//!
//! The language comes from `--lang`, then `language` in the user's
//! `config.toml`, then the workspace's `language` (`udkast.toml`, Danish
//! when it says nothing), then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
//! JSON output and file formats keep their English ids whatever the language.

use std::cell::Cell;

/// A language udkast speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Da,
    /// What the screens said before they spoke Danish; the default of a
    /// thread that has not been told (tests, tools).
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// `da`, `da_DK.UTF-8`, `dansk`, `en`, `en_GB`, `english`, in any case;
    /// `None` for anything else (`C`, `POSIX`, `de_DE`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        let code = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        match code {
            "da" | "dansk" | "danish" => Some(Lang::Da),
            "en" | "engelsk" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language from the first of these that names one: `--lang`, the
    /// user's setting, the workspace's, the locale; else Danish.
    pub fn resolve(flag: Option<&str>, user: Option<&str>, workspace: Option<&str>) -> Lang {
        [flag, user, workspace]
            .into_iter()
            .flatten()
            .find_map(Lang::parse)
            .or_else(Lang::from_locale)
            .unwrap_or(Lang::Da)
    }

    /// The locale's language, as `LC_ALL`, `LC_MESSAGES` and `LANG` give it
    /// (the first one set wins, as C's setlocale reads them).
    fn from_locale() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::parse(&value))
    }
}

/// `--lang` as given on the command line, for the screens opened later.
static FLAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Keeps `--lang` for [`flag`].
pub fn set_flag(lang: &str) {
    let _ = FLAG.set(lang.to_string());
}

/// `--lang` as given, if it was.
pub fn flag() -> Option<&'static str> {
    FLAG.get().map(String::as_str)
}

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language of the whole process, as [`speak`] set it: 0 unset, else
/// 1 + the index in [`Lang::ALL`].
static PROCESS: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the language the whole process speaks: the command line and the
/// TUI, with every thread they start (the worker's too).
pub fn speak(lang: Lang) {
    let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0) as u8;
    PROCESS.store(index + 1, std::sync::atomic::Ordering::Relaxed);
}

/// Sets the language this one thread speaks, over the process's (a test).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(Some(lang)));
}

/// The language this thread speaks: its own if [`set`], else the
/// process's, else English.
pub fn current() -> Lang {
    CURRENT
        .with(Cell::get)
        .unwrap_or_else(|| match PROCESS.load(std::sync::atomic::Ordering::Relaxed) {
            0 => Lang::En,
            n => Lang::ALL[usize::from(n - 1) % Lang::ALL.len()],
        })
}

/// A message of one of the catalogues: the screens' ([`Msg`]), the
/// command line's ([`CliMsg`]), the errors' ([`ErrMsg`]), `--help`'s
/// ([`HelpMsg`]).
pub trait Message: Copy + std::fmt::Debug + 'static {
    /// Every message of the catalogue.
    const ALL: &'static [Self];
    /// The message in `lang`.
    fn text(self, lang: Lang) -> &'static str;
    /// Its key, as the catalogue names it.
    fn key(self) -> &'static str;
}

/// A message in this thread's language.
pub fn t<M: Message>(msg: M) -> &'static str {
    msg.text(current())
}

/// A date and time as `2025-04-08 14:20` (or the date alone) shown the
/// way this thread's language writes it in tables: `08-04-2025 14:20` in
/// Danish.
pub fn table_date(iso: &str) -> String {
    let (date, time) = iso.split_at(iso.len().min(10));
    match (current(), date.as_bytes()) {
        (Lang::Da, [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]) => {
            let bytes = [*d1, *d2, b'-', *m1, *m2, b'-', *y1, *y2, *y3, *y4];
            format!("{}{time}", String::from_utf8_lossy(&bytes))
        }
        _ => iso.to_string(),
    }
}

/// A date (`2025-01-28`, as `jiff` writes one) named in a sentence, the
/// way this thread's language writes it: `28 January 2025`, `28. januar
/// 2025`. Anything that is not such a date comes back as it was.
pub fn long_date(iso: &str) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let (Ok(month), Ok(day)) = (month.parse::<usize>(), day.parse::<u32>()) else {
        return iso.to_string();
    };
    match (current(), month.checked_sub(1).filter(|m| *m < 12)) {
        (Lang::Da, Some(m)) => format!("{day}. {} {year}", DA[m]),
        (Lang::En, Some(m)) => format!("{day} {} {year}", EN[m]),
        (_, None) => iso.to_string(),
    }
}

/// A number with `places` decimals as this thread's language writes it:
/// `1,234.5` in English, `1.234,5` in Danish (decimal comma, a point
/// between thousands).
pub fn decimal(value: f64, places: usize) -> String {
    let (point, thousands) = match current() {
        Lang::Da => (',', '.'),
        Lang::En => ('.', ','),
    };
    let plain = format!("{:.*}", places, value.abs());
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if value < 0.0 && plain.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// `DIR`, `FOU and BFU`, `FOU, BFU and SOS`, with the "and" of this
/// thread's language (`FOU, BFU og SOS`).
pub fn and_list<T: std::fmt::Display>(items: &[T]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(T::to_string).collect();
            tf(ErrMsg::ListAnd, &[("rest", &rest.join(", ")), ("last", last)])
        }
    }
}

/// A message with its `{name}` placeholders filled.
pub fn tf<M: Message>(msg: M, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(t(msg), values)
}

/// A message with its placeholders filled, in `lang` whatever the thread
/// speaks (JSON's English, a Bilag's Danish).
pub fn tf_in<M: Message>(lang: Lang, msg: M, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(msg.text(lang), values)
}

/// `text` with each `{name}` of `values` filled, in one pass: a value that
/// itself says `{name}` (a title someone typed) stays as it is.
fn fill(text: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|v| (close, v.1))
        });
        match value {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every message of one catalogue: its key, then its English and its
/// Danish text. `catalogue! { pub enum Name; Key: "English", "Dansk"; … }`
/// makes the enum `Name` and its [`Message`] impl.
macro_rules! catalogue {
    ($(#[$attr:meta])* pub enum $name:ident; $($key:ident: $en:literal, $da:literal;)*) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($key,)*
        }

        impl $crate::lang::Message for $name {
            const ALL: &'static [$name] = &[$($name::$key,)*];

            fn text(self, lang: $crate::lang::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::lang::Lang::En) => $en,
                        ($name::$key, $crate::lang::Lang::Da) => $da,
                    )*
                }
            }

            fn key(self) -> &'static str {
                match self {
                    $($name::$key => stringify!($key),)*
                }
            }
        }
    };
}

mod cli;
mod errors;
mod help;

pub use cli::CliMsg;
pub use errors::ErrMsg;
pub use help::HelpMsg;

catalogue! {
    /// A message of the screens, by key.
    pub enum Msg;

    // The tab bar and the frame around every screen.
    TabOverview: "Overview", "Oversigt";
    TabDocument: "Document", "Dokument";
    TabHistory: "History", "Historik";
    TabReview: "Review", "Kommentarer";
    TabApprovals: "Approvals", "Godkendelser";
    TabHelp: "help", "hjælp";
    TabCommands: "commands", "kommandoer";
    TooSmall: "too small", "for lille";
    TerminalTooSmall: "terminal too small", "terminalen er for lille";
    CannotRead: "Cannot read the workspace: {error}", "Arbejdsområdet kan ikke læses: {error}";
    NoDocumentOpen: "No document open", "Intet dokument åbent";
    NoDocumentSelected: "No document selected", "Intet dokument valgt";

    // Where a key binding applies, as help names it.
    CtxGlobal: "Everywhere", "Overalt";
    CtxOverview: "Overview", "Oversigt";
    CtxDocument: "Document editor", "Dokumenteditor";
    CtxDocumentNormal: "Document editor, normal mode", "Dokumenteditor, normal-tilstand";
    CtxHistory: "History", "Historik";
    CtxApprovals: "Approvals", "Godkendelser";
    CtxReview: "Review", "Kommentarer";

    // What an action does on one screen, where it differs from its
    // general description.
    DescOpenOverview: "Open the selected document in the editor", "Åbn det valgte dokument i editoren";
    DescOpenHistory:
        "Move into the diff; there, open the comment thread on the line",
        "Gå ind i sammenligningen; der: åbn kommentartråden på linjen";
    DescOpenReview: "Show the thread's passage in the editor", "Vis trådens passage i editoren";
    DescFilterReview:
        "Show open, resolved, outdated, your own or all threads",
        "Vis åbne, løste, forældede, dine egne eller alle tråde";
    DescUpApprovals: "Select the draft above", "Vælg udkastet ovenover";
    DescDownApprovals: "Select the draft below", "Vælg udkastet nedenunder";
    DescLeftApprovals: "Select the body to the left", "Vælg organet til venstre";
    DescRightApprovals: "Select the body to the right", "Vælg organet til højre";
    DescScrollDownApprovals: "Scroll the decisions on the draft down", "Rul beslutningerne om udkastet ned";
    DescScrollUpApprovals: "Scroll the decisions on the draft up", "Rul beslutningerne om udkastet op";
    DescUpDownHistory:
        "Select a newer or older draft (in the diff: move the line cursor)",
        "Vælg et nyere eller ældre udkast (i sammenligningen: flyt linjemarkøren)";
    DescSelectHistory:
        "Extend the selected lines of the diff (to comment on them)",
        "Udvid de markerede linjer i sammenligningen (for at kommentere dem)";
    DescPageHistory: "Scroll the diff by a page", "Rul sammenligningen en side";
    DescBackHistory:
        "Back to the drafts from the diff; from the drafts, to the overview",
        "Tilbage til udkastene fra sammenligningen; fra udkastene til oversigten";
    DescCommentHistory:
        "Start a comment thread on the diff's selected lines",
        "Start en kommentartråd på sammenligningens markerede linjer";

    // Help: the keys of every dialog, form and prompt.
    HelpKeymap: "Keymap: {name}", "Tastatursæt: {name}";
    HelpLayers: "In dialogs, forms and prompts", "I dialoger, formularer og felter";
    HelpFoot:
        "In the editor, keys without a binding type text. Change bindings in $XDG_CONFIG_HOME/udkast/config.toml.",
        "I editoren skriver taster uden binding tekst. Ret bindinger i $XDG_CONFIG_HOME/udkast/config.toml.";
    HelpTitle: " Help — j/k scroll, Esc close ", " Hjælp — j/k rul, Esc luk ";
    PaletteTitle: " Commands — type to filter, Enter run, Esc close ", " Kommandoer — skriv for at filtrere, Enter kør, Esc luk ";
    LayerHelp: "Help", "Hjælp";
    LayerHelpKeys: "j/k or ↑/↓ scroll · space/PageDown a page · g top · Esc close", "j/k eller ↑/↓ rul · mellemrum/PageDown en side · g top · Esc luk";
    LayerPalette: "Palette", "Kommandopalet";
    LayerPaletteKeys:
        "type to filter · ↑/↓ or Tab choose · Enter run · Esc close · :w :q :wq :x",
        "skriv for at filtrere · ↑/↓ eller Tab vælg · Enter kør · Esc luk · :w :q :wq :x";
    LayerPrompt: "Prompt", "Indtastning";
    LayerPromptKeys: "type · Backspace · Enter done · Esc cancel", "skriv · Backspace · Enter færdig · Esc annullér";
    LayerComment: "Comment, reply prompt", "Kommentar, svar";
    LayerCommentKeys:
        "Alt-Enter or Ctrl-J new line · Enter send · Ctrl-E in $EDITOR · Esc cancel",
        "Alt-Enter eller Ctrl-J ny linje · Enter send · Ctrl-E i $EDITOR · Esc annullér";
    LayerQuit: "Quit dialog", "Afslut-dialog";
    LayerQuitKeys:
        "s save a draft and quit · k keep an autosave and quit · d discard · Esc stay",
        "s gem et udkast og afslut · k behold som autogemning og afslut · d kassér · Esc bliv";
    LayerRecovery: "Recovery dialog", "Gendannelse";
    LayerRecoveryKeys: "r recover the text · d discard it · Esc decide later", "r gendan teksten · d kassér den · Esc beslut senere";
    LayerDecision: "Decision form", "Beslutningsformular";
    LayerDecisionKeys:
        "Tab/↑/↓ field · ←/→/space choose · Alt-Enter new line in text · Enter record · Esc cancel",
        "Tab/↑/↓ felt · ←/→/mellemrum vælg · Alt-Enter ny linje i tekst · Enter registrér · Esc annullér";
    LayerFilter: "Overview filter", "Oversigtens filter";
    LayerFilterKeys: "type to filter · ↑/↓ move · Enter keep · Esc clear", "skriv for at filtrere · ↑/↓ flyt · Enter behold · Esc ryd";
    LayerOutline: "Outline (editor)", "Disposition (editor)";
    LayerOutlineKeys: "j/k or ↑/↓ choose · Enter jump · Esc back to the text", "j/k eller ↑/↓ vælg · Enter hop · Esc tilbage til teksten";
    LayerSections: "Sections (history)", "Afsnit (historik)";
    LayerSectionsKeys: "j/k choose · Enter jump · Esc close", "j/k vælg · Enter hop · Esc luk";
    LayerClash: "Clashing passages (editor, sync)", "Modstridende passager (editor, synkronisering)";
    LayerWorkPlan: "Work-plan actions (a, Alt-A)", "Arbejdsplanens handlinger (a, Alt-A)";
    LayerWorkPlanKeys:
        "j/k choose · Enter edit · a add · x remove · Esc close; in the form Tab field · Ctrl-U empty the field · ←/→ status · Enter save as a draft · Esc back",
        "j/k vælg · Enter ret · a tilføj · x fjern · Esc luk; i formularen Tab felt · Ctrl-U tøm feltet · ←/→ status · Enter gem som udkast · Esc tilbage";
    LayerPassword: "Password the remote asks for", "Adgangskode, fjernlageret beder om";
    LayerPasswordKeys: "type (never shown) · Enter send · Esc decline", "skriv (vises aldrig) · Enter send · Esc afvis";

    // The clashing passages, in the editor and in a sync.
    ResKeys:
        "w both edits word by word · y yours · t theirs · b both · B both, theirs first · u unchoose · n/p passage · J/K scroll · e edit by hand (editor) · Enter done · Esc cancel",
        "w begge rettelser ord for ord · y din · t deres · b begge · B begge, deres først · u fravælg · n/p passage · J/K rul · e redigér selv (editor) · Enter færdig · Esc annullér";
    ResKeysEditor:
        "w both edits word by word · y yours · t theirs · b both · B both, theirs first · u unchoose · n/p passage · J/K scroll · e edit by hand · Enter done · Esc cancel",
        "w begge rettelser ord for ord · y din · t deres · b begge · B begge, deres først · u fravælg · n/p passage · J/K rul · e redigér selv · Enter færdig · Esc annullér";
    ResKeysSync:
        "w both edits word by word · y yours · t theirs · b both · B both, theirs first · u unchoose · n/p passage · J/K scroll · Enter done · Esc cancel",
        "w begge rettelser ord for ord · y din · t deres · b begge · B begge, deres først · u fravælg · n/p passage · J/K rul · Enter færdig · Esc annullér";
    ResLeftOne: "{left} passage still to choose (w, y, t, b){by_hand}", "{left} passage mangler at blive valgt (w, y, t, b){by_hand}";
    ResLeftMany: "{left} passages still to choose (w, y, t, b){by_hand}", "{left} passager mangler at blive valgt (w, y, t, b){by_hand}";
    ResByHandOne: ", or e to write it yourself", ", eller e for at skrive den selv";
    ResByHandMany: ", or e to write them yourself", ", eller e for at skrive dem selv";
    ResSameWords: "Here both changed the same words: choose y, t or b", "Her har begge ændret de samme ord: vælg y, t eller b";
    ResPassageOf:
        " Passage {n} of {count}, at line {line}: choose what to keep, then Enter{done}",
        " Passage {n} af {count}, ved linje {line}: vælg, hvad der skal blive, og tryk så Enter{done}";
    ResAsChosen: " The passage as chosen: {label} ", " Passagen som valgt: {label} ";
    ResNotChosenYet:
        " Not chosen yet: until you choose, both are kept, yours first ",
        " Ikke valgt endnu: indtil du vælger, bliver begge, din først ";
    ResPassageGoes: "(nothing: the passage goes)", "(intet: passagen udgår)";
    ResNothing: "(nothing)", "(intet)";
    ResNotChosen: "not chosen", "ikke valgt";
    ResMoreBelow: "  (J more below)", "  (J mere nedenfor)";
    ResSomeone: "someone", "nogen";
    ResEditorHeadOne:
        " Your text and draft {latest} ({by}) both changed {count} passage",
        " Din tekst og udkast {latest} ({by}) har begge ændret {count} passage";
    ResEditorHeadMany:
        " Your text and draft {latest} ({by}) both changed {count} passages",
        " Din tekst og udkast {latest} ({by}) har begge ændret {count} passager";
    ResSavesDraft: " saves the draft", " gemmer udkastet";
    ResBaseDraft: " Draft {n}: both came from ", " Udkast {n}: det, begge kom fra ";
    ResBaseNone: " The draft both came from ", " Udkastet, begge kom fra ";
    ResMine: "Yours (on draft {draft}) ", "Din (på udkast {draft}) ";
    ResTheirs: "Theirs: draft {latest}, {by} ", "Deres: udkast {latest}, {by} ";
    ResSyncHeadOne:
        " {path} changed here and on {remote} in the same passage{files}",
        " {path} er ændret her og på {remote} i den samme passage{files}";
    ResSyncHeadMany:
        " {path} changed here and on {remote} in the same {count} passages{files}",
        " {path} er ændret her og på {remote} i de samme {count} passager{files}";
    ResFileOf: " (file {n} of {count})", " (fil {n} af {count})";
    ResNextFile: " goes to the next file", " går til næste fil";
    ResFinishesSync: " finishes the sync", " afslutter synkroniseringen";
    ResSyncBase: " What both came from ", " Det, begge kom fra ";
    ResSyncMine: "Here ", "Her ";
    ResSyncTheirs: "On {remote} ", "På {remote} ";
    ChoiceMine: "yours", "din";
    ChoiceTheirs: "theirs", "deres";
    ChoiceMineFirst: "both, yours first", "begge, din først";
    ChoiceTheirsFirst: "both, theirs first", "begge, deres først";
    ChoiceWords: "both edits, word by word", "begge rettelser, ord for ord";

    // The user's keymap and config.toml, read as the TUI starts.
    KeyNotAKey: "\"{key}\" is not a key", "\"{key}\" er ikke en tast";
    KeyEmpty: "an empty key", "en tom tast";
    KeySame:
        "{file}{line}: [{table}] \"{key}\" is the same key as \"{earlier}\" ({file}{earlier_line}): a terminal cannot tell them apart; bind one of them to another key",
        "{file}{line}: [{table}] \"{key}\" er den samme tast som \"{earlier}\" ({file}{earlier_line}): en terminal kan ikke skelne dem; bind en af dem til en anden tast";
    KeyTableShape:
        "{file}: \"{table}\" must be a table of key = \"action\"",
        "{file}: \"{table}\" skal være en tabel af tast = \"handling\"";
    KeyActionString:
        "{file}: [{table}] \"{key}\": the action must be a string",
        "{file}: [{table}] \"{key}\": handlingen skal være en streng";
    KeyUnknownTable: "{file}: unknown table [{table}] (known: {known})", "{file}: ukendt tabel [{table}] (kendte: {known})";
    KeyUnknownAction:
        "{file}: [{table}] \"{key}\": unknown action \"{action}\" (see the `:` palette or `?` for names)",
        "{file}: [{table}] \"{key}\": ukendt handling \"{action}\" (se navnene i paletten `:` eller under `?`)";
    KeyNotHere:
        "{file}: [{table}] \"{key}\": \"{action}\" does not apply in [{table}] (it does in [{applies}])",
        "{file}: [{table}] \"{key}\": \"{action}\" gælder ikke i [{table}] (det gør den i [{applies}])";
    KeyCannotRead: "cannot read {path}: {error}", "{path} kan ikke læses: {error}";
    KeyKeymapUnreadable:
        "{file}: keymap \"{name}\": cannot read {path}: {error}",
        "{file}: tastatursæt \"{name}\": {path} kan ikke læses: {error}";
    KeyKeysShape:
        "{file}: [keys.{table}] must be a table of key = \"action\"",
        "{file}: [keys.{table}] skal være en tabel af tast = \"handling\"";

    // The worker.
    HistReadingOf: "Reading the history: {done} of {total} commits…", "Læser historikken: {done} af {total} commits…";
    HistReadingCount: "Reading the history: {done} commits…", "Læser historikken: {done} commits…";
    NoIdentityShort: "no git identity", "ingen git-identitet";
    ExportDraftLabel: "draft {n}", "udkast {n}";
    ExportLatestLabel: "the latest draft", "det seneste udkast";
    ExportOpenFirst: "Open a document to export it", "Åbn et dokument for at eksportere det";
    VersionLatest: "draft {n} (latest)", "udkast {n} (seneste)";
    VersionDraft: "draft {n}", "udkast {n}";
    VersionApproved: "{tag} (draft {n})", "{tag} (udkast {n})";
    VersionCommit: "commit {commit}", "commit {commit}";
    CompleteApproved: "the last approved version", "den sidst godkendte version";

    // The words of a diff, on the screens and the command line alike.
    KindWhitespace: "whitespace", "mellemrum";
    KindSplit: "paragraph split", "afsnit delt";
    KindMerge: "paragraphs merged", "afsnit slået sammen";
    KindPunctuation: "punctuation", "tegnsætning";
    KindCase: "case", "store/små bogstaver";
    KindSpelling: "spelling", "stavning";
    KindRewrite: "rewritten", "omskrevet";
    KindSubstantive: "substantive", "indholdsmæssig";
    SecMovedTop: "moved from the top level", "flyttet fra øverste niveau";
    SecMovedFrom: "moved from {path}", "flyttet fra {path}";
    SecLine: "line {n}", "linje {n}";
    SecBeforeFirst: "(before the first heading)", "(før første overskrift)";
    SecAtLine: "{path} (line {n})", "{path} (linje {n})";
    ViewMovedTo: "moved to {place}", "flyttet til {place}";
    ViewMovedFrom: "moved from {place}", "flyttet fra {place}";
    WpAction: "action {id} {title}", "handling {id} {title}";
    WpAdded: "{head}: added", "{head}: tilføjet";
    WpRemoved: "{head}: removed", "{head}: fjernet";
    WpMoved: "{head}: moved from position {from} to {to}", "{head}: flyttet fra plads {from} til {to}";
    WpSet: "{name} set to {value}", "{name} sat til {value}";
    WpFieldRemoved: "{name} removed (was {value})", "{name} fjernet (var {value})";
    WpChanged: "{name} changed from {old} to {new}", "{name} ændret fra {old} til {new}";
    WpDueMoved: "{name} moved from {old} to {new}", "{name} flyttet fra {old} til {new}";
    WpFieldTitle: "title", "titel";
    WpFieldOwner: "owner", "ansvarlig";
    WpFieldDue: "due", "frist";
    WpFieldStatus: "status", "status";
    WpFieldBudget: "budget", "budget";
    WpFieldSections: "sections", "afsnit";

    // The approvals screen and its decision form.
    ApprFieldBody: "Body", "Organ";
    ApprFieldOutcome: "Outcome", "Udfald";
    ApprFieldMeeting: "Meeting date", "Mødedato";
    ApprFieldItem: "Agenda item", "Punkt";
    ApprFieldCase: "Case number", "Sagsnummer";
    ApprFieldRecommendation: "Recommendation", "Indstilling";
    ApprFieldOwed: "Changes owed", "Ændringskrav";
    ApprFieldText: "Decision text", "Beslutning";
    ApprStillReading: "Still reading the decisions", "Læser stadig beslutningerne";
    ApprOnlyLeadsDecide:
        "Only leads may record decisions: ask a lead to add you to roles.leads in udkast.toml",
        "Kun ledere kan registrere beslutninger: bed en leder om at føje dig til roles.leads i udkast.toml";
    ApprOnlyLeadsTag:
        "Only leads may tag approved versions: ask a lead to add you to roles.leads in udkast.toml",
        "Kun ledere kan tagge godkendte versioner: bed en leder om at føje dig til roles.leads i udkast.toml";
    ApprNoDrafts: "This document has no drafts", "Dokumentet har ingen udkast";
    ApprFarAhead:
        "{date} is more than a year ahead: check the year, or press Enter again if it is right",
        "{date} er mere end et år frem: tjek årstallet, eller tryk Enter igen, hvis det er rigtigt";
    ApprNoBodies: "This document's route has no bodies", "Dokumentets forløb har ingen organer";
    ApprReading: "Reading the decisions…", "Læser beslutningerne…";
    ApprLeadKeys: "d record a decision · t tag the approved version · ", "d registrér en beslutning · t tag den godkendte version · ";
    ApprKeys: "   {lead}c compare with the latest · h/l j/k move", "   {lead}c sammenlign med det seneste · h/l j/k flyt";
    ApprDraft: "Draft", "Udkast";
    ApprMeeting: "meeting {date}", "møde {date}";
    ApprCase: "case {case}", "sag {case}";
    ApprRecordedBy: "recorded by {name}", "registreret af {name}";
    ApprRecommendation: "   Recommendation:", "   Indstilling:";
    ApprDecision: "   Decision:", "   Beslutning:";
    ApprNoDecisions: " No decisions on this draft.", " Ingen beslutninger om dette udkast.";
    ApprMoreBelow: " · more below (J)", " · mere nedenfor (J)";
    ApprMore: " · more (J/K)", " · mere (J/K)";
    ApprMoreAbove: " · more above (K)", " · mere ovenfor (K)";
    ApprDecisionsOn: " Decisions on draft {draft}{more} ", " Beslutninger om udkast {draft}{more} ";
    ApprTagAsk:
        "Tag draft {draft} of {title} as its approved version?\n\nThe tag names the exact text the bodies approved; it is signed when your git signs.\n\n Enter/y  tag it\n Esc/n    do not",
        "Tag udkast {draft} af {title} som den godkendte version?\n\nTagget udpeger præcis den tekst, organerne godkendte; det signeres, når din git signerer.\n\n Enter/y  tag det\n Esc/n    lad være";
    ApprTagTitle: "Tag the approved version", "Tag den godkendte version";
    ApprPassed: " Draft {draft} has passed the whole route", " Udkast {draft} har været hele forløbet igennem";
    ApprNext: " Next: ", " Næste: ";
    ApprTreats: " treats draft {draft}", " behandler udkast {draft}";
    ApprTreatParallel: " treat draft {draft} in parallel", " behandler udkast {draft} samtidig";
    OwedHeading:
        "Owed to {body} (approved with changes, draft {draft} on {date})",
        "Krævet af {body} (godkendt med ændringer, udkast {draft} den {date})";
    ApprRecord: " Record {body}: {outcome}", " Registrér {body}: {outcome}";
    ApprOnDraft: " on draft {draft}, meeting {date}{owed}?", " om udkast {draft}, møde {date}{owed}?";
    ApprOwedOne: ", 1 change owed", ", 1 ændringskrav";
    ApprOwedMany: ", {n} changes owed", ", {n} ændringskrav";
    ApprRecordKeys: " Enter record · Esc back to the fields", " Enter registrér · Esc tilbage til felterne";
    ApprOwedHint:
        " Godkendt med ændringer: the changes asked for, apart by ; · Enter check",
        " Godkendt med ændringer: de krævede ændringer, adskilt af ; · Enter tjek";
    ApprTextHint:
        " Tab/Shift-Tab field · Alt-Enter or Ctrl-J new line · Enter check · Esc cancel",
        " Tab/Shift-Tab felt · Alt-Enter eller Ctrl-J ny linje · Enter tjek · Esc annullér";
    ApprFieldHint:
        " Tab/Shift-Tab field · ←/→ choose · Enter check · Esc cancel",
        " Tab/Shift-Tab felt · ←/→ vælg · Enter tjek · Esc annullér";
    ApprFormTitle: " Record a decision on draft {draft} ", " Registrér en beslutning om udkast {draft} ";
    ApprNoExport: "No draft to export yet", "Intet udkast at eksportere endnu";
    ApprExportLabel: "draft {draft}, changes since approved", "udkast {draft}, ændringer siden godkendt";
    ApprTagging: "Tagging…", "Tagger…";
    ApprNotTagged: "Not tagged", "Ikke tagget";
    ApprRecording: "Recording the decision…", "Registrerer beslutningen…";
    ApprDraftLabel: "draft {draft}", "udkast {draft}";

    // A body's standing.
    StandingPending: "pending", "afventer";
    StandingApproved: "approved draft {draft}", "godkendt udkast {draft}";
    StandingApprovedChanges: "approved with changes draft {draft}", "godkendt med ændringer udkast {draft}";
    StandingAdopted: "adopted draft {draft}", "vedtaget udkast {draft}";
    StandingNoted: "noted draft {draft}", "taget til efterretning udkast {draft}";
    StandingPostponed: "postponed draft {draft}", "udsat udkast {draft}";
    StandingRejected: "rejected draft {draft}", "afvist udkast {draft}";
    StandingReturned: "returned draft {draft}", "sendt tilbage udkast {draft}";
    StandingStale: " (stale: the current draft is {current})", " (forældet: det aktuelle udkast er {current})";

    // The editor.
    DocCommentStale: "The unsaved text has changed since: select the lines again", "Den ugemte tekst er ændret siden: markér linjerne igen";
    DocSavingComment: "Saving the comment…", "Gemmer kommentaren…";
    DocNoDraftToExport: "No draft saved yet: save one, then export", "Intet udkast gemt endnu: gem et, og eksportér så";
    DocAsSaved: " as saved", " som gemt";
    DocExportLabel: "draft {draft}{saved}, changes since approved", "udkast {draft}{saved}, ændringer siden godkendt";
    DocNothingToSave: "Nothing to save: the text is the same as the latest draft", "Intet at gemme: teksten er den samme som det seneste udkast";
    DocSearchFirst: "Search first (the search text is what gets replaced)", "Søg først (søgeteksten er det, der erstattes)";
    DocCopied: "Copied {n} characters", "Kopierede {n} tegn";
    DocNothingSelected: "Nothing selected", "Intet markeret";
    DocIsLatest: "Draft {draft} is the latest draft", "Udkast {draft} er det seneste udkast";
    DocBringing: "Bringing your text onto draft {draft}…", "Flytter din tekst over på udkast {draft}…";
    DocNoThread: "No open comment thread on this line", "Ingen åben kommentartråd på denne linje";
    DocFindingClashes: "Your text and a later draft changed the same passages; finding them…", "Din tekst og et senere udkast ændrede de samme passager; finder dem…";
    DocTypedMeanwhile:
        "You typed while your text was brought onto draft {draft}; nothing was changed, press {key} again",
        "Du skrev, mens din tekst blev flyttet over på udkast {draft}; intet blev ændret, tryk {key} igen";
    DocWithChangesOf: ", with the changes of {names}", ", med ændringerne fra {names}";
    DocOnDraftNow: "Your text is on draft {draft} now{by}", "Din tekst er nu på udkast {draft}{by}";
    DocNeedsMessage: "A draft needs a message; press Ctrl-S again to write one", "Et udkast skal have en besked; tryk Ctrl-S igen for at skrive en";
    DocEmptyComment: "The comment is empty", "Kommentaren er tom";
    DocNoMatch: "No match", "Intet fundet";
    DocReplacedOne: "Replaced 1 occurrence", "Erstattede 1 forekomst";
    DocReplacedMany: "Replaced {n} occurrences", "Erstattede {n} forekomster";
    DocFindingWho: "Finding who wrote each paragraph of draft {draft}…", "Finder, hvem der skrev hvert afsnit af udkast {draft}…";
    DocEditedNotSaved: "¶ edited, not saved", "¶ redigeret, ikke gemt";
    DocCredit: "¶ draft {draft} · {author} · {date}", "¶ udkast {draft} · {author} · {date}";
    DocChangedWhileChoosing: "The text changed while the passages were chosen; nothing was changed", "Teksten blev ændret, mens passagerne blev valgt; intet blev ændret";
    DocStillEditOf: "Nothing changed: your text is still an edit of draft {draft}{unsaved}", "Intet ændret: din tekst er stadig en redigering af udkast {draft}{unsaved}";
    DocNotSaved: " and was not saved", " og blev ikke gemt";
    DocSameAsDraft: "Your text is the same as draft {draft} now: nothing to save", "Din tekst er nu den samme som udkast {draft}: intet at gemme";
    DocOnDraftChosen: "Your text is on draft {draft} now, with the passages you chose", "Din tekst er nu på udkast {draft} med de passager, du valgte";
    DocBothVersionsIn:
        "Your text is on draft {draft}; where you did not choose, both versions are in (yours first): write the passage, then save",
        "Din tekst er på udkast {draft}; hvor du ikke valgte, står begge versioner (din først): skriv passagen, og gem så";
    DocSavingDraft: "Saving the draft…", "Gemmer udkastet…";
    DocNothingToUndo: "Nothing to undo", "Intet at fortryde";
    DocNothingToRedo: "Nothing to redo", "Intet at gentage";
    DocNoSearch: "No search yet: press the search key first", "Ingen søgning endnu: tryk først på søgetasten";
    DocNoHeadings: "This document has no headings", "Dokumentet har ingen overskrifter";
    DocAlsoEditingMore: " and {n} more", " og {n} til";
    DocAlsoEditing: "{who} is also editing this document (since {since}){more}", "{who} redigerer også dette dokument (siden {since}){more}";
    DocTitle: " {title} — draft {draft}", " {title} — udkast {draft}";
    DocFindingWhat: "¶ finding who wrote what…", "¶ finder, hvem der skrev hvad…";
    DocLaterDraft:
        " ⚠ Draft {draft} is the latest: {key} brings your text onto it (saved by {by})",
        " ⚠ Udkast {draft} er det seneste: {key} flytter din tekst over på det (gemt af {by})";
    DocChangedOnRemote:
        " ⚠ This document was changed on {remote}: sync before you save ({key}, then sync)",
        " ⚠ Dokumentet er ændret på {remote}: synkronisér, før du gemmer ({key}, så sync)";
    DocOutlineJump: " Outline — Enter jump ", " Disposition — Enter hop ";
    DocOutline: " Outline · LIX ", " Disposition · LIX ";

    // The history.
    HistReading: "Reading the drafts…", "Læser udkastene…";
    HistNoDrafts: "This document has no drafts.", "Dokumentet har ingen udkast.";
    HistComparing: "Comparing…", "Sammenligner…";
    HistBlameHead: "  who wrote each paragraph of {label} · B shows the changes", "  hvem der skrev hvert afsnit af {label} · B viser ændringerne";
    HistHeadOne: "  {view} · 1 change · +{added} −{removed} words", "  {view} · 1 ændring · +{added} −{removed} ord";
    HistHeadMany: "  {view} · {changes} changes · +{added} −{removed} words", "  {view} · {changes} ændringer · +{added} −{removed} ord";
    HistApproximate: " · approximate", " · omtrentlig";
    HistHiddenOne: " · 1 minor change hidden", " · 1 mindre ændring skjult";
    HistHiddenMany: " · {n} minor changes hidden", " · {n} mindre ændringer skjult";
    HistLineBreaks: " · line breaks only", " · kun linjeskift";
    HistComparingMark: " · comparing…", " · sammenligner…";
    HistLine: " · line {n}", " · linje {n}";
    HistOldLine: " · old line {n}", " · gammel linje {n}";
    HistFolded: " · folded", " · foldet";
    HistNoSection: "No section changed", "Intet afsnit ændret";
    HistSectionNew: " new", " nyt";
    HistSectionRemoved: " removed", " fjernet";
    HistSections: " Sections changed — Enter jump, s close ", " Ændrede afsnit — Enter hop, s luk ";
    HistListTitle: " {slug} — {n} drafts ", " {slug} — {n} udkast ";
    HistListSoFar: " {slug} — {n} drafts so far… ", " {slug} — {n} udkast indtil videre… ";
    HistListReading: " {slug} — reading its drafts… ", " {slug} — læser udkastene… ";
    HistWordView: "word view", "ordvisning";
    HistUnifiedView: "unified view", "samlet visning";
    HistSideBySide: "side by side", "side om side";
    HistDraftOf: "draft of {date}", "udkast af {date}";
    HistDraft: "draft {n}", "udkast {n}";
    HistUnsaved: "unsaved text", "ugemt tekst";
    HistLatest: "{label} (latest)", "{label} (seneste)";
    HistNothing: "nothing", "intet";
    HistBlameUnsaved:
        "Who wrote what is known for saved drafts: save the text, or press B for the changes",
        "Hvem der skrev hvad kendes for gemte udkast: gem teksten, eller tryk B for ændringerne";
    HistMarksFailed: "The comment marks could not be placed: {error}", "Kommentarmærkerne kunne ikke placeres: {error}";
    HistCommentHow:
        "Move into the diff (Tab), select lines with Shift-↑/↓, then comment",
        "Gå ind i sammenligningen (Tab), markér linjer med Shift-↑/↓, og kommentér så";
    HistNoDraftShown: "No draft is shown", "Intet udkast vises";
    HistStillNumbering:
        "The drafts are still being numbered; comment once the history is read",
        "Udkastene nummereres stadig; kommentér, når historikken er læst";
    HistStillComparing: "The drafts are still being compared", "Udkastene sammenlignes stadig";
    HistNotADraft: "That version is not a draft of this document", "Den version er ikke et udkast af dokumentet";
    HistNoTextHere: "No text on these lines: unfold them (z) or move to text", "Ingen tekst på disse linjer: fold dem ud (z), eller gå til tekst";
    HistNoLaterChange: "No later change", "Ingen senere ændring";
    HistNoEarlierChange: "No earlier change", "Ingen tidligere ændring";
    HistUnchanged: "  ⋯ {n} unchanged lines ⋯ (z shows them)", "  ⋯ {n} uændrede linjer ⋯ (z viser dem)";
    HistFindingWho: "Finding who gave each paragraph its wording…", "Finder, hvem der gav hvert afsnit dets ordlyd…";
    HistCredit: "── draft {draft} · {author} · {date} ", "── udkast {draft} · {author} · {date} ";
    HistApprovedLabel: "{label} (draft {n})", "{label} (udkast {n})";
    HistNoApproved: "{slug} has no approved version yet", "{slug} har endnu ingen godkendt version";
    HistNoThreadInView: "No open comment thread in view", "Ingen åben kommentartråd i visningen";
    HistUnsavedExport: "The unsaved text is not a draft yet: save it, then export", "Den ugemte tekst er ikke et udkast endnu: gem den, og eksportér så";
    HistExportLabel: "{to}, changes since {from}", "{to}, ændringer siden {from}";

    // The prompts.
    PromptDraftMessage: "Draft message: ", "Besked til udkastet: ";
    PromptSearch: "Search: ", "Søg: ";
    PromptCommentOn: "Comment on {lines}: ", "Kommentar til {lines}: ";
    PromptCommentOnDraft: "Comment on {lines} of draft {draft}: ", "Kommentar til {lines} i udkast {draft}: ";
    PromptReply: "Reply: ", "Svar: ";
    PromptResolve: "Resolve; a closing word (optional): ", "Løs; et afsluttende ord (valgfrit): ";
    PromptReplaceWith: "Replace «{needle}» with: ", "Erstat «{needle}» med: ";
    PromptExport: "Export {label}, as .docx/.pdf/.html: ", "Eksportér {label} som .docx/.pdf/.html: ";

    // The review screen.
    RevOpen: "open", "åbne";
    RevResolved: "resolved", "løste";
    RevOutdated: "outdated", "forældede";
    RevMine: "mine", "mine";
    RevAll: "all", "alle";
    RevEdited: "{range} (edited)", "{range} (redigeret)";
    RevWas: "outdated (was {range} in draft {draft})", "forældet (var {range} i udkast {draft})";
    RevReading: "Reading the comments…", "Læser kommentarerne…";
    RevHeadOne: " {slug} — {open} open of {all} thread", " {slug} — {open} åbne af {all} tråd";
    RevHeadMany: " {slug} — {open} open of {all} threads", " {slug} — {open} åbne af {all} tråde";
    RevKeys:
        "   showing {filter} · f filter · Enter go to the passage · r reply · x resolve/reopen",
        "   viser {filter} · f filtrér · Enter gå til passagen · r svar · x løs/genåbn";
    RevStatusOpen: "● open     ", "● åben     ";
    RevStatusResolved: "✓ resolved ", "✓ løst     ";
    RevOneReply: "  (1 reply)", "  (1 svar)";
    RevReplies: "  ({n} replies)", "  ({n} svar)";
    RevNone:
        " No {filter} threads. Select lines in the editor (Ctrl-T) or in the history's diff (Tab, c) to start one.",
        " Ingen {filter} tråde. Markér linjer i editoren (Ctrl-T) eller i historikkens sammenligning (Tab, c) for at starte en.";
    RevWhere: "draft {draft} · lines {start}-{end} · {id}", "udkast {draft} · linje {start}-{end} · {id}";
    RevGone:
        "This thread's passage is gone from the latest draft; its original quote is shown below",
        "Trådens passage findes ikke i det seneste udkast; det oprindelige citat vises nedenfor";
    RevEmptyReply: "The reply is empty", "Svaret er tomt";
    RevSavingReply: "Saving the reply…", "Gemmer svaret…";
    RevResolving: "Resolving…", "Løser…";

    // The app's own messages.
    AppDiscarded: "Discarded the unsaved text", "Kasserede den ugemte tekst";
    AppSyncStoppedClashes: "Sync stopped at the clashing passages; nothing was changed here", "Synkroniseringen stoppede ved de modstridende passager; intet blev ændret her";
    AppSyncingChosen: "Syncing with the passages you chose…", "Synkroniserer med de passager, du valgte…";
    AppKeptForLater: "Kept the unsaved text for later; it is offered again when you reopen the document", "Gemte den ugemte tekst til senere; den tilbydes igen, når du åbner dokumentet";
    AppNotHere: "“{action}” does not apply here", "“{action}” gælder ikke her";
    AppFirstScreen: "This is the first screen; q or Ctrl-Q quits", "Dette er den første skærm; q eller Ctrl-Q afslutter";
    AppStopping: "Stopping…", "Stopper…";
    AppNothingRunning: "Nothing is running that can be stopped", "Intet kører, som kan stoppes";
    AppSyncing: "Syncing…", "Synkroniserer…";
    AppOpenToExport: "Open a document to export it", "Åbn et dokument for at eksportere det";
    AppNoFileNamed: "No file named; nothing was exported", "Intet filnavn; intet blev eksporteret";
    AppFormatByName: "End the file's name in .docx, .pdf or .html: the name says the format", "Afslut filnavnet med .docx, .pdf eller .html: navnet angiver formatet";
    AppExporting: "Exporting {label} as {format}…", "Eksporterer {label} som {format}…";
    AppTookBack: "Took the text back from the external editor", "Tog teksten tilbage fra den eksterne editor";
    AppNoExternalChange: "The external editor made no change", "Den eksterne editor ændrede intet";
    AppReadingHistory: "Reading the history…", "Læser historikken…";
    AppStoppedReading: "Stopped reading the history; r reads the workspace again", "Stoppede læsningen af historikken; r læser arbejdsområdet igen";
    AppMerged: " (merged with changes saved meanwhile)", " (flettet med ændringer gemt i mellemtiden)";
    AppSaved: "Saved draft {draft} of {slug}{merged}", "Gemte udkast {draft} af {slug}{merged}";
    AppNotSavedTitle: "The draft was not saved", "Udkastet blev ikke gemt";
    AppNotSavedText: "{error}\n\nYour text is still in the editor and in the autosave.", "{error}\n\nDin tekst er stadig i editoren og i autogemningen.";
    AppSyncStopped: "Sync stopped; nothing was changed here", "Synkroniseringen stoppede; intet blev ændret her";
    AppOneWarning: " (warning: {warning})", " (advarsel: {warning})";
    AppWarnings: " ({n} warnings; `udkast export` lists them)", " ({n} advarsler; `udkast export` viser dem)";
    AppRecovered: "Recovered the unsaved text; save it as a draft with Ctrl-S", "Gendannede den ugemte tekst; gem den som et udkast med Ctrl-S";
    AppSelectFirst: "Select a document in the overview first", "Vælg først et dokument i oversigten";
    AppOnlyWorkPlans: "Only a work plan has actions; {slug} is a {kind}", "Kun en arbejdsplan har handlinger; {slug} er en {kind}";
    AppOpening: "Opening {slug}…", "Åbner {slug}…";
    AppSameAsLatest: "The editor's text is the same as the latest draft", "Editorens tekst er den samme som det seneste udkast";
    AppNotOpen: "This document is not open in the editor", "Dokumentet er ikke åbent i editoren";
    AppAutosaveFailed: "Autosave failed: {error}", "Autogemning mislykkedes: {error}";

    // What a change made in the TUI says on the status line; the use cases
    // word these (their `status_line`), next to what the command line says.
    DoneThreadStarted: "Started thread {id} on {lines} of draft {draft}", "Startede tråd {id} til {lines} i udkast {draft}";
    DoneReplied: "Replied", "Svarede";
    DoneResolved: "Resolved the thread", "Løste tråden";
    DoneReopened: "Reopened the thread", "Genåbnede tråden";
    DoneRecorded: "Recorded {body} {label} on draft {draft}", "Registrerede {body} {label} om udkast {draft}";
    DoneTaggedSigned: ", signed", ", signeret";
    DoneTagged: "Tagged draft {draft} as {tag}{signed}", "Taggede udkast {draft} som {tag}{signed}";
    RecoveryText: "Text of {slug} that was never saved as a draft", "Tekst i {slug}, der aldrig blev gemt som et udkast";
    RecoveryKeptAt: ", kept at {time}", ", gemt {time}";
    RecoveryWrittenOn: "It was written on draft {draft}; the latest is draft {latest}.\n", "Den blev skrevet på udkast {draft}; det seneste er udkast {latest}.\n";
    RecoveryDiffer: "\n{changes} line(s) differ from the latest draft:\n{lines}", "\n{changes} linje(r) adskiller sig fra det seneste udkast:\n{lines}";
    RecoveryMore: "… and {n} more\n", "… og {n} til\n";
    RecoveryKeys: "\n r  recover it into the editor\n d  discard it\n Esc  decide later (keep it)", "\n r  gendan den i editoren\n d  kassér den\n Esc  beslut senere (behold den)";

    // The dialogs.
    QuitTitle: "Quit udkast?", "Afslut udkast?";
    QuitText:
        "There are unsaved changes.\n\n s  save a draft, then quit\n k  keep them as an autosave and quit\n d  discard them and quit\n Esc  stay",
        "Der er ugemte ændringer.\n\n s  gem et udkast, og afslut så\n k  behold dem som autogemning, og afslut\n d  kassér dem, og afslut\n Esc  bliv";
    RecoveryTitle: "Unsaved text found", "Ugemt tekst fundet";
    SecretTitle: "The remote asks", "Fjernlageret spørger";
    SecretTyped: "(typed)", "(indtastet)";
    SecretKeys: "Enter send · Esc decline", "Enter send · Esc afvis";
    MultilineHint:
        " Enter send · Alt-Enter or Ctrl-J new line · Ctrl-E $EDITOR · Esc cancel",
        " Enter send · Alt-Enter eller Ctrl-J ny linje · Ctrl-E $EDITOR · Esc annullér";
    RowAbove: " 1 row above ", " 1 linje ovenfor ";
    RowsAbove: " {n} rows above ", " {n} linjer ovenfor ";

    // The status line.
    StatusDraft: "{slug} draft {draft}", "{slug} udkast {draft}";
    StatusModified: " · modified", " · ændret";
    StatusAutosaved: " · autosaved", " · autogemt";
    StatusNormal: " · NORMAL", " · NORMAL";
    StatusInsert: " · INSERT", " · INDSÆT";
    StatusStops: "  {busy} ({key} stops)", "  {busy} ({key} stopper)";

    // The overview.
    ReadingWorkspace: "Reading the workspace…", "Læser arbejdsområdet…";
    DocumentsShown: "{name} — {shown} of {total} documents", "{name} — {shown} af {total} dokumenter";
    DocumentsShownOfOne: "{name} — {shown} of {total} document", "{name} — {shown} af {total} dokument";
    ColumnTitle: "Title", "Titel";
    ColumnKind: "Kind", "Type";
    ColumnDraft: "Draft", "Udk.";
    ColumnRoute: "Route", "Forløb";
    ColumnComments: "Cmt", "Kom";
    ColumnChanged: "Changed", "Ændret";
    ColumnAuthor: "Author", "Forfatter";
    KindStrategy: "strategy", "strategi";
    KindWorkplan: "workplan", "arb.plan";
    KindCharter: "charter", "charter";
    FilterLabel: "Filter: ", "Filter: ";
    FilterKept: "  (/ to change, Esc in it to clear)", "  (/ ændrer, Esc i feltet rydder)";
    OverviewUnsavedHint:
        "✎ unsaved text kept in an autosave: open the document to recover or discard it · Enter open · / filter",
        "✎ ugemt tekst i en autogemning: åbn dokumentet for at gendanne eller kassere den · Enter åbn · / filtrér";
    OverviewEmpty:
        "No documents yet: create one with `udkast new SLUG --title T`",
        "Ingen dokumenter endnu: opret et med `udkast new SLUG --title T`";
    OverviewHint:
        "Enter open · / filter · j/k move · ✓ approved ↺ older draft … pending ⏸ postponed ✗ rejected ↩ sent back · not yet",
        "Enter åbn · / filtrér · j/k flyt · ✓ godkendt ↺ ældre udkast … afventer ⏸ udsat ✗ afvist ↩ sendt tilbage · endnu ikke";

    // A work plan's actions (Alt-A).
    ActionsOf: " Actions of {title} ", " Handlinger i {title} ";
    ActionsReading: "Reading the actions…", "Læser handlingerne…";
    ActionsNone: "No action to edit; a adds one", "Ingen handling at redigere; a tilføjer en";
    ActionColumnTitle: "Title", "Titel";
    ActionColumnOwner: "Owner", "Ansvarlig";
    ActionColumnDue: "Due", "Frist";
    ActionColumnStatus: "Status", "Status";
    ActionColumnBudget: "Budget", "Budget";
    ActionFieldSections: "Sections", "Afsnit";
    ActionNumber: " Action {id}", " Handling {id}";
    ActionNew: " New action", " Ny handling";
    ActionNeedsTitle: "An action needs a title", "En handling skal have en titel";
    ActionRemoveAsk:
        " Remove action {id} as a new draft? y removes · any other key keeps it · «{title}»",
        " Fjern handling {id} som et nyt udkast? y fjerner · andre taster beholder den · «{title}»";
    ActionSaving: " Saving a draft…", " Gemmer et udkast…";
    ActionFormHint:
        " Tab field · ←/→ status · ; between sections · Enter save a draft · Esc back",
        " Tab felt · ←/→ status · ; mellem afsnit · Enter gem et udkast · Esc tilbage";
    ActionListHint:
        " Enter edit · a add · x remove · Esc close — each change is a draft",
        " Enter redigér · a tilføj · x fjern · Esc luk — hver ændring er et udkast";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        names.sort_unstable();
        names
    }

    /// Both catalogues have every key (the table's rows), neither text is
    /// empty, and both fill the same placeholders.
    #[test]
    fn both_languages_say_every_message_with_the_same_placeholders() {
        fn check<M: Message>() {
            for &msg in M::ALL {
                let (en, da) = (msg.text(Lang::En), msg.text(Lang::Da));
                assert!(!en.trim().is_empty() && !da.trim().is_empty(), "{}", msg.key());
                assert_eq!(placeholders(en), placeholders(da), "{}", msg.key());
            }
        }
        check::<Msg>();
        check::<CliMsg>();
        check::<ErrMsg>();
        check::<HelpMsg>();
    }

    #[test]
    fn the_language_from_flag_setting_workspace_or_locale() {
        assert_eq!(Lang::parse("da_DK.UTF-8"), Some(Lang::Da));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("English"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("de_DE"), None);
        assert_eq!(Lang::resolve(Some("en"), Some("da"), Some("da")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("en"), Some("da")), Lang::En);
        assert_eq!(Lang::resolve(None, None, Some("da")), Lang::Da);
        // A setting naming no language known falls through to the next.
        assert_eq!(Lang::resolve(Some("klingon"), None, Some("en")), Lang::En);
    }

    #[test]
    fn dates_in_tables_as_each_language_writes_them() {
        set(Lang::Da);
        assert_eq!(table_date("2025-04-08 14:20"), "08-04-2025 14:20");
        assert_eq!(table_date("2025-04-08"), "08-04-2025");
        assert_eq!(table_date(""), "");
        set(Lang::En);
        assert_eq!(table_date("2025-04-08"), "2025-04-08");
    }

    #[test]
    fn dates_in_sentences_and_decimals_as_each_language_writes_them() {
        set(Lang::Da);
        assert_eq!(long_date("2025-01-28"), "28. januar 2025");
        assert_eq!(long_date("2026-12-08"), "8. december 2026");
        assert_eq!(decimal(1234.56, 1), "1.234,6");
        assert_eq!(decimal(12.5, 2), "12,50");
        assert_eq!(decimal(-0.04, 1), "0,0");
        assert_eq!(decimal(1_000_000.0, 0), "1.000.000");
        set(Lang::En);
        assert_eq!(long_date("2025-01-28"), "28 January 2025");
        assert_eq!(long_date("not a date"), "not a date");
        assert_eq!(long_date("2025-13-01"), "2025-13-01");
        assert_eq!(decimal(1234.56, 1), "1,234.6");
        assert_eq!(decimal(-2.25, 1), "-2.2");
    }

    /// A value is put in as it is, even when it says another placeholder's
    /// name; braces that name nothing stay.
    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["DIR"]), "DIR");
        assert_eq!(and_list(&["FOU", "BFU"]), "FOU and BFU");
        assert_eq!(and_list(&["FOU", "BFU", "SOS"]), "FOU, BFU and SOS");
        set(Lang::Da);
        assert_eq!(and_list(&["FOU", "BFU", "SOS"]), "FOU, BFU og SOS");
        set(Lang::En);
    }

    #[test]
    fn placeholders_are_filled_once() {
        let title = "Plan {draft}";
        assert_eq!(
            fill("{title} draft {draft} {x} {", &[("title", &title), ("draft", &3)]),
            "Plan {draft} draft 3 {x} {"
        );
    }

    #[test]
    fn placeholders_are_filled_in_the_threads_language() {
        set(Lang::Da);
        let text = tf(
            Msg::DocumentsShown,
            &[("name", &"Åby Kommune"), ("shown", &2), ("total", &4)],
        );
        assert_eq!(text, "Åby Kommune — 2 af 4 dokumenter");
        set(Lang::En);
        assert_eq!(t(Msg::TabReview), "Review");
    }

    /// The string literals of a source file outside its tests, without what
    /// is inside `{…}` (format arguments).
    fn literals(source: &str) -> Vec<String> {
        let code = source.split("#[cfg(test)]").next().unwrap_or(source);
        let mut out = Vec::new();
        for line in code.lines() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                // A char literal '"' is not a string.
                if rest[..start].ends_with('\'') {
                    rest = &rest[start + 1..];
                    continue;
                }
                let after = &rest[start + 1..];
                let mut end = None;
                let mut escaped = false;
                for (i, c) in after.char_indices() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => {
                            end = Some(i);
                            break;
                        }
                        _ => escaped = false,
                    }
                }
                let Some(end) = end else { break };
                let literal = &after[..end];
                let mut plain = String::new();
                let mut depth = 0u32;
                for c in literal.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth = depth.saturating_sub(1),
                        c if depth == 0 => plain.push(c),
                        _ => {}
                    }
                }
                out.push(plain);
                rest = &after[end + 1..];
            }
        }
        out
    }

    /// The screens converted to the catalogue say nothing in words of their
    /// own: every literal with a word in it (three letters or more) is in
    /// the allow-list of what is not language (formats, keys, symbols).
    #[test]
    fn converted_screens_take_every_word_from_the_catalogue() {
        // Formats, the palette's commands named where no key is bound, and
        // LIX, the same in both languages.
        const ALLOWED: &[&str] = &[
            "%Y-%m-%d",
            "%d-%m-%Y",
            "%Y-%m-%d %H:%M",
            ": cancel",
            ":update",
            "  LIX ",
            // An `expect` that cannot fire, the palette's `:help`, file
            // names and serde attributes.
            "never empty",
            "help",
            "-udkast-.docx",
            ".docx",
            "overview.json",
            "slug_text",
            "askpass-.sock",
            "udkast-",
            "kebab-case",
            "__complete",
            // The command line: its name, clap's names of arguments and
            // values, environment variables, JSON keys, and what goes into
            // files and commits as the formats have it.
            "udkast",
            "udkast: ",
            "error: ",
            "CARGO_PKG_VERSION",
            "UDKAST_COMMIT",
            "Draft strategies and work plans in a git repository.",
            "PATH",
            "WHEN",
            "LANG",
            "lang",
            "FILE",
            "DRAFT",
            "DATE",
            "TEXT",
            "CHANGE",
            "NAME",
            "DIR",
            "HEADING",
            "FORMAT",
            "VERSION",
            "strategy",
            "committee",
            "latest",
            "view",
            "owe",
            "continue",
            "abort",
            "none",
            "ingen",
            "Option::is_none",
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "UDKAST_PAGER",
            "PAGER",
            "less -FRX",
            "LESS",
            "FRX",
            "cat",
            "COLUMNS",
            r"LIX \n",
            "udkast diff   ",
            "udkast-demo-",
            "-udkast-.",
            "<stdin>",
            "conflicts",
            "clashes",
            "yours",
            "what both came from",
            r#"Create  \"\""#,
            r"Create udkast workspace\n",
            "Workspace",
            "Første handling (ret titel, ansvarlig, frist og status, eller slet den)",
            "ØKE",
            "BYR",
            "Direktionen",
            "FOU",
            "Forebyggelsesudvalget",
            "BFU",
            "Børne- og Familieudvalget",
            "SOS",
            "Social- og Sundhedsudvalget",
            "BSK",
            "Beskæftigelsesudvalget",
            "KFU",
            "Kultur- og Fritidsudvalget",
            "BYP",
            "Byplanudvalget",
            "TMU",
            "Teknik- og Miljøudvalget",
            "Økonomi- og Erhvervsudvalget",
            "Byrådet",
        ];
        macro_rules! source {
            ($path:literal) => {
                (concat!("src/", $path), include_str!(concat!("../", $path)))
            };
        }
        let files = [
            source!("ui/app/draw.rs"),
            source!("ui/screens/overview.rs"),
            source!("ui/work_plan.rs"),
            source!("ui/widgets/status.rs"),
            source!("ui/screens/approvals.rs"),
            source!("ui/screens/document/screen.rs"),
            source!("ui/screens/document/mod.rs"),
            source!("ui/screens/document/draw.rs"),
            source!("ui/screens/history/draw.rs"),
            source!("ui/screens/history/list.rs"),
            source!("ui/screens/history/mod.rs"),
            source!("ui/screens/history/moves.rs"),
            source!("ui/screens/history/render.rs"),
            source!("ui/screens/history/screen.rs"),
            source!("ui/screens/review.rs"),
            source!("ui/app/answers.rs"),
            source!("ui/app/route.rs"),
            source!("ui/app/tick.rs"),
            source!("ui/app/mod.rs"),
            source!("ui/widgets/mod.rs"),
            source!("ui/resolve.rs"),
            source!("ui/overlay.rs"),
            source!("ui/screens/help.rs"),
            source!("ui/screens/palette.rs"),
            source!("ui/screens/mod.rs"),
            source!("ui/jobs/workers.rs"),
            source!("ui/jobs/answers.rs"),
            source!("ui/jobs/mod.rs"),
            source!("ui/jobs/sync.rs"),
            source!("domain/merge.rs"),
            source!("diff/classify.rs"),
            source!("diff/view.rs"),
            // The command line.
            source!("cli/mod.rs"),
            source!("cli/output.rs"),
            source!("cli/docs.rs"),
            source!("cli/approvals.rs"),
            source!("cli/comments.rs"),
            source!("cli/diff.rs"),
            source!("cli/side_by_side.rs"),
            source!("cli/sync.rs"),
            source!("cli/export.rs"),
            source!("cli/init.rs"),
            source!("cli/bodies.rs"),
            source!("cli/actions.rs"),
            source!("cli/blame.rs"),
            source!("cli/demo.rs"),
            // The errors; the other files of domain/, store/,
            // usecase/ and remote.rs also hold formats, ids and commit messages.
            source!("domain/error.rs"),
            source!("domain/text.rs"),
            source!("store/error.rs"),
            source!("store/approve.rs"),
            source!("usecase/mod.rs"),
        ];
        // A placeholder's name, as `tf` is given it.
        fn names_of<M: Message>() -> impl Iterator<Item = &'static str> {
            M::ALL.iter().flat_map(|m| placeholders(m.text(Lang::En)))
        }
        let names: Vec<&str> = names_of::<Msg>()
            .chain(names_of::<CliMsg>())
            .chain(names_of::<ErrMsg>())
            .chain(names_of::<HelpMsg>())
            .collect();
        let mut bypassing = Vec::new();
        for (file, source) in files {
            for literal in literals(source) {
                let word = literal
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w.chars().count() >= 3);
                if word && !ALLOWED.contains(&literal.as_str()) && !names.contains(&literal.as_str()) {
                    bypassing.push(format!("{file}: \"{literal}\""));
                }
            }
        }
        assert!(
            bypassing.is_empty(),
            "not in the catalogue:\n{}",
            bypassing.join("\n")
        );
    }
}
