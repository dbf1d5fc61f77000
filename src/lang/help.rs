//! What `--help` says: every command's and argument's help in both
//! languages. The English is clap's own text from the `///` comments (a
//! test in `cli::help_da` holds the two equal); the Danish replaces it
//! before parsing when the person reads Danish (`cli::help_da` says where
//! each goes).

catalogue! {
    /// A help text of the command line, by key.
    pub enum HelpMsg;

    // clap's own words: the headings and the built-in flags and command.
    HeadingUsage: "Usage", "Brug";
    HeadingCommands: "Commands", "Kommandoer";
    HeadingArguments: "Arguments", "Argumenter";
    HeadingOptions: "Options", "Tilvalg";
    HelpFlag: "Print help", "Vis hjælp";
    HelpFlagMore: "Print help (see more with '--help')", "Vis hjælp (se mere med '--help')";
    HelpFlagLong: "Print help (see a summary with '-h')", "Vis hjælp (se et resumé med '-h')";
    VersionFlag: "Print version", "Vis version";
    HelpCommand:
        "Print this message or the help of the given subcommand(s)",
        "Vis denne hjælp eller hjælpen til de angivne underkommandoer";

    // `udkast` and the options every command takes.
    About: "Draft strategies and work plans in a git repository.", "Skriv udkast til strategier og arbejdsplaner i et git-repository.";
    Repo:
        "The workspace repository (default: the one containing the current folder)",
        "Arbejdsområdets git-repository (standard: det, den aktuelle mappe ligger i)";
    Color:
        "Colour the output: auto (on a terminal, unless NO_COLOR is set or CLICOLOR_FORCE asks for it), always or never",
        "Vis farver: auto (i en terminal, medmindre NO_COLOR er sat, eller når CLICOLOR_FORCE beder om det), always (altid) eller never (aldrig)";
    LangFlag:
        "The language of the screens: da or en (default: `language` in your config.toml, then the workspace's, then the locale)",
        "Sproget på skærmen: da eller en (standard: `language` i din config.toml, så arbejdsområdets, så systemets sprog)";
    NoPager:
        "Print straight to the terminal, not through the pager (UDKAST_PAGER, PAGER, else less -FRX)",
        "Skriv direkte i terminalen i stedet for side for side (UDKAST_PAGER, PAGER, ellers less -FRX)";

    // `init`, `new`, `list`, `show`, `save`, `log`.
    InitAbout: "Make this repository (new or existing) a udkast workspace", "Gør dette git-repository (nyt eller eksisterende) til et arbejdsområde for udkast";
    InitTemplate: "The governing bodies to start with", "De organer, arbejdsområdet starter med";
    NewAbout: "Create a new document as its draft 1", "Opret et nyt dokument som udkast 1";
    NewKind: "strategy, workplan or charter", "strategy (strategi), workplan (arbejdsplan) eller charter";
    NewRoute:
        "Approval route as body ids, e.g. DIR,ØKE,BYR (default: the workspace's)",
        "Godkendelsesforløbet som organernes id'er, f.eks. DIR,ØKE,BYR (standard: arbejdsområdets)";
    NewFile:
        "Draft 1 is this text (`-`: standard input) instead of a heading with the title: an existing text brought into udkast",
        "Udkast 1 bliver denne tekst (`-`: standard input) i stedet for en overskrift med titlen: en eksisterende tekst, der flyttes ind i udkast";
    ListAbout: "List the documents with their current draft", "Vis dokumenterne med deres nuværende udkast";
    ShowAbout: "Print the text of a draft, byte for byte (default: the latest)", "Skriv teksten i et udkast ud, byte for byte (standard: det seneste)";
    ShowJson: "The draft number, its commit and the text, as JSON", "Udkastets nummer, dets commit og teksten som JSON";
    SaveAbout: "Save a new draft from a file, or from standard input with `-`", "Gem et nyt udkast fra en fil eller fra standard input med `-`";
    SaveLong:
        "Save a new draft from a file, or from standard input with `-`.\n\nGive `--base` the draft your text came from (what `udkast show` said on standard error): the drafts others saved since are then merged with yours, three-way, like the editor does. Without it the text is taken as an edit of the latest draft, so a copy made before someone else's save would undo their changes.",
        "Gem et nyt udkast fra en fil eller fra standard input med `-`.\n\nGiv `--base` det udkast, din tekst kom fra (det, `udkast show` skrev på standard error): de udkast, andre har gemt siden, flettes så sammen med dit, ligesom editoren gør det. Uden den regnes teksten for en rettelse af det seneste udkast, så en kopi taget, før en anden gemte, ville fjerne den andens ændringer.";
    SaveStdin: "`-` reads the text from standard input", "`-` læser teksten fra standard input";
    SaveBase: "The draft the text was made from: a draft number or a commit", "Det udkast, teksten er lavet ud fra: et udkastnummer eller et commit";
    LogAbout: "List the drafts of a document, newest first", "Vis et dokuments udkast, nyeste først";

    // `diff`, `blame`, `export`.
    DiffAbout:
        "Show what changed between two versions: draft numbers, latest, approved or commits",
        "Vis, hvad der er ændret mellem to versioner: udkastnumre, latest, approved eller commits";
    DiffFrom:
        "The older version: a draft number, `latest`, `approved` or a commit",
        "Den ældre version: et udkastnummer, `latest`, `approved` eller et commit";
    DiffTo: "The newer version (default: latest)", "Den nyere version (standard: latest)";
    DiffWord: "Word by word, for prose", "Ord for ord, til løbende tekst";
    DiffUnified:
        "Lines removed and added, with changed words marked (the default); into a pipe or a file, the same as --patch",
        "Fjernede og tilføjede linjer med de ændrede ord markeret (standard); sendt videre til et andet program eller en fil det samme som --patch";
    DiffSideBySide: "The two versions side by side", "De to versioner side om side";
    DiffStat: "Words added and removed per section instead of the text", "Tilføjede og fjernede ord pr. afsnit i stedet for teksten";
    DiffPatch:
        "A standard unified diff of document.md (`---`/`+++`/`@@`) that `git apply`, `patch` and `delta` read",
        "En almindelig unified diff af document.md (`---`/`+++`/`@@`), som `git apply`, `patch` og `delta` kan læse";
    DiffSubstantive:
        "Hide minor changes (punctuation, case, spelling-sized fixes, paragraphs split or merged, re-wrapping) and say how many",
        "Skjul mindre ændringer (tegnsætning, store og små bogstaver, stavefejl, afsnit delt eller slået sammen, ny ombrydning) og sig, hvor mange der er";
    BlameAbout:
        "Who gave each paragraph of a draft its wording, minor changes set aside",
        "Hvem der gav hvert afsnit i et udkast dets ordlyd, når der ses bort fra mindre ændringer";
    BlameLong:
        "Who gave each paragraph of a draft its wording, minor changes set aside.\n\nThe draft, author and date of each paragraph's last change that was more than a comma, a case, a typo or a re-wrap. One line per paragraph (headings, paragraphs, lists, tables; front matter and code blocks are one each), with `--sentences` one per sentence below it.",
        "Hvem der gav hvert afsnit i et udkast dets ordlyd, når der ses bort fra mindre ændringer.\n\nUdkastet, forfatteren og datoen for hvert afsnits seneste ændring, der var mere end et komma, et stort eller lille bogstav, en tastefejl eller en ny ombrydning. En linje pr. afsnit (overskrifter, afsnit, lister, tabeller; front matter og kodeblokke er ét hver), med `--sentences` en linje pr. sætning under afsnittet.";
    DocumentSlug: "The document, as `udkast list` names it", "Dokumentet, som `udkast list` kalder det";
    BlameDraft:
        "The draft to blame: a number, `latest`, `approved` or a commit",
        "Udkastet, der skal undersøges: et nummer, `latest`, `approved` eller et commit";
    BlameSentences:
        "Each sentence of each paragraph with its own draft, below the paragraph",
        "Hver sætning i hvert afsnit med sit eget udkast, under afsnittet";
    BlameJson:
        "The paragraphs (lines, draft, author, date, commit, text) as JSON",
        "Afsnittene (linjer, udkast, forfatter, dato, commit, tekst) som JSON";
    ExportAbout:
        "Export a draft as a Bilag for the agenda: DOCX (with tracked changes and comments), PDF or HTML",
        "Eksportér et udkast som bilag til dagsordenen: DOCX (med sporede ændringer og kommentarer), PDF eller HTML";
    ExportLong:
        "Export a draft as a Bilag for the agenda: DOCX (with tracked changes and comments), PDF or HTML.\n\nThe file starts with a cover block like an agenda item: the title, the draft, the case number, the row of bodies and each body's latest decision. With `--changes-since`, every difference from that version is a tracked change credited to the draft that made it.",
        "Eksportér et udkast som bilag til dagsordenen: DOCX (med sporede ændringer og kommentarer), PDF eller HTML.\n\nFilen begynder med en forside som et punkt på dagsordenen: titlen, udkastet, sagsnummeret, rækken af organer og hvert organs seneste beslutning. Med `--changes-since` er hver forskel fra den version en sporet ændring, der står på det udkast, som lavede den.";
    ExportDraft: "The draft to export: a number, `latest` or `approved`", "Udkastet, der skal eksporteres: et nummer, `latest` eller `approved`";
    ExportFormat: "docx, pdf or html (default: from the file's extension)", "docx, pdf eller html (standard: ud fra filens endelse)";
    ExportChangesSince:
        "Show the changes since this version: `approved` or a draft number",
        "Vis ændringerne siden denne version: `approved` eller et udkastnummer";
    ExportComments: "The open review threads as comments on their passages", "De åbne kommentartråde som kommentarer ved deres passager";
    ExportOutput:
        "The file to write (default: SLUG-udkast-N.FORMAT in this folder)",
        "Filen, der skal skrives (standard: SLUG-udkast-N.FORMAT i denne mappe)";
    ExportJson:
        "What was written (file, format, size, drafts, changes, comments, warnings) as JSON",
        "Hvad der blev skrevet (fil, format, størrelse, udkast, ændringer, kommentarer, advarsler) som JSON";

    // `decide`, `status`, `tag`, `verify`, `route`.
    DecideAbout:
        "Record what a governing body decided about a draft (leads only)",
        "Registrér, hvad et organ har besluttet om et udkast (kun ledere)";
    DecideDraft: "The draft the body treated", "Det udkast, organet behandlede";
    DecideBody: "The body's id, e.g. DIR, ØKE, BYR", "Organets id, f.eks. DIR, ØKE, BYR";
    DecideOutcome:
        "approved, approved-with-changes, noted, postponed, rejected, returned or adopted, or as the minutes say it: godkendt, \"godkendt med ændringer\", \"taget til efterretning\", udskudt, afvist, \"sendt tilbage\", vedtaget",
        "approved, approved-with-changes, noted, postponed, rejected, returned eller adopted, eller som referatet skriver det: godkendt, \"godkendt med ændringer\", \"taget til efterretning\", udskudt, afvist, \"sendt tilbage\", vedtaget";
    DecideDate: "The meeting date: 28-01-2025, 28.01.2025 or 2025-01-28", "Mødedatoen: 28-01-2025, 28.01.2025 eller 2025-01-28";
    DecideYes: "Record a meeting date more than a year ahead", "Registrér en mødedato mere end et år ude i fremtiden";
    DecideItem: "The agenda item, e.g. \"Punkt 3\"", "Punktet på dagsordenen, f.eks. \"Punkt 3\"";
    DecideCase: "The case number, e.g. 00.16.02-A00-1-19", "Sagsnummeret, f.eks. 00.16.02-A00-1-19";
    DecideMessage: "The decision as the minutes word it", "Beslutningen, som referatet formulerer den";
    DecideRecommendation:
        "The recommendation (\"Indstilling\") the body decided on",
        "Den indstilling, organet traf beslutning om";
    DecideOwe:
        "With approved-with-changes: a change asked for, owed until a later draft is approved (give it once per change)",
        "Med approved-with-changes: et ændringskrav, der står åbent, til et senere udkast er godkendt (angiv det én gang pr. ændring)";
    DecideWithdraws:
        "The id of an earlier decision of the same body that this one supersedes (a decision recorded by mistake); decisions are never deleted. `udkast status SLUG --json` lists the ids",
        "Id'et på en tidligere beslutning fra samme organ, som denne erstatter (en beslutning registreret ved en fejl); beslutninger slettes aldrig. `udkast status SLUG --json` viser id'erne";
    StatusAbout:
        "Where documents stand on their approval route: drafts × bodies",
        "Hvor dokumenterne er i deres godkendelsesforløb: udkast × organer";
    StatusSlug: "One document (default: a line for each)", "Ét dokument (standard: en linje for hvert)";
    TagAbout:
        "Tag an approved draft as the next approved version <slug>/v<N> (leads only)",
        "Mærk et godkendt udkast som den næste godkendte version <slug>/v<N> (kun ledere)";
    TagDraft:
        "The draft to tag (default: the newest the last body of the route approved)",
        "Udkastet, der skal mærkes (standard: det nyeste, forløbets sidste organ har godkendt)";
    TagForce:
        "Tag even though the last body of the route has not approved the draft",
        "Mærk, selv om forløbets sidste organ ikke har godkendt udkastet";
    VerifyAbout:
        "Check decisions and approved versions; exit 1 listing what is wrong",
        "Kontrollér beslutninger og godkendte versioner; afslut med kode 1 og en liste over fejlene";
    RouteAbout:
        "Change a document's approval route (leads only): a draft that leaves the approvals given standing, as the text did not change",
        "Ret et dokuments godkendelsesforløb (kun ledere): et udkast, der lader de givne godkendelser stå, da teksten ikke er ændret";
    RouteBodies:
        "Body ids, e.g. \"DIR, FOU, ØKE, BYR\" (any case; commas, spaces after them)",
        "Organernes id'er, f.eks. \"DIR, FOU, ØKE, BYR\" (store eller små bogstaver; kommaer, gerne med mellemrum efter)";

    // `completions`, `man`, `__complete`, `demo`.
    CompletionsAbout:
        "Print a shell's completion script, e.g. `udkast completions bash > ~/.local/share/bash-completion/completions/udkast`",
        "Skriv en skals script til fuldførelse ud, f.eks. `udkast completions bash > ~/.local/share/bash-completion/completions/udkast`";
    ManAbout:
        "Print the manual page (roff), e.g. `udkast man > ~/.local/share/man/man1/udkast.1`",
        "Skriv manualsiden ud (roff), f.eks. `udkast man > ~/.local/share/man/man1/udkast.1`";
    CompleteAbout:
        "The workspace's values for the word after WORDS: documents, drafts, bodies, threads, actions (the completion scripts call it)",
        "Arbejdsområdets værdier for ordet efter WORDS: dokumenter, udkast, organer, tråde, handlinger (fuldførelsesscripterne kalder den)";
    DemoAbout:
        "Build a sample workspace with history in a temporary folder and open it",
        "Byg et eksempel på et arbejdsområde med historik i en midlertidig mappe, og åbn det";
    DemoDir:
        "Build it here instead of a new temporary folder (must not exist)",
        "Byg det her i stedet for i en ny midlertidig mappe (mappen må ikke findes i forvejen)";

    // `action`.
    ActionAbout:
        "A work plan's actions: add, set, remove (each a draft), list",
        "En arbejdsplans handlinger: add, set, remove (hver et nyt udkast), list";
    ActionAddAbout: "Add an action to a work plan: a new draft", "Tilføj en handling til en arbejdsplan: et nyt udkast";
    ActionSetAbout: "Change fields of an action: a new draft", "Ret felter i en handling: et nyt udkast";
    ActionRemoveAbout: "Remove an action: a new draft", "Fjern en handling: et nyt udkast";
    ActionListAbout: "The actions of a work plan", "En arbejdsplans handlinger";
    ActionOwner: "Who is responsible (default for a new action: you)", "Hvem der er ansvarlig (standard for en ny handling: dig)";
    ActionDue:
        "The deadline: 30-06-2026, 30.06.2026 or 2026-06-30; `none` takes it away",
        "Fristen: 30-06-2026, 30.06.2026 eller 2026-06-30; `none` fjerner den";
    ActionStatus:
        "planned, in-progress, done, paused or cancelled (or planlagt, i gang, færdig, på pause, aflyst)",
        "planned, in-progress, done, paused eller cancelled (eller planlagt, i gang, færdig, på pause, aflyst)";
    ActionBudget:
        "The budget as text, e.g. \"1,2 mio. kr.\"; \"\" takes it away",
        "Budgettet som tekst, f.eks. \"1,2 mio. kr.\"; \"\" fjerner det";
    ActionSections:
        "A section of the plan the action belongs to (repeat for several; given once as \"\" takes them away)",
        "Et afsnit i planen, handlingen hører til (gentag for flere; givet én gang som \"\" fjerner dem alle)";
    ActionMessage: "The draft's message (default: what changed)", "Udkastets besked (standard: hvad der blev ændret)";

    // `body`.
    BodyAbout:
        "The governing bodies that decide on drafts: add, rename (leads), list",
        "De organer, der træffer beslutning om udkast: add, rename (ledere), list";
    BodyAddAbout:
        "Add a body (leads only), e.g. `udkast body add FOU --name Forebyggelsesudvalget --kind committee`",
        "Tilføj et organ (kun ledere), f.eks. `udkast body add FOU --name Forebyggelsesudvalget --kind committee`";
    BodyId:
        "1–12 letters or digits, in any case (stored in upper case)",
        "1–12 bogstaver eller cifre, store eller små (gemmes med store bogstaver)";
    BodyKind:
        "administrative, committee, task-committee, council or other (or in Danish: direktion, udvalg, opgaveudvalg, byråd, andet)",
        "administrative, committee, task-committee, council eller other (eller på dansk: direktion, udvalg, opgaveudvalg, byråd, andet)";
    BodyRenameAbout:
        "Give a body a new name (leads only); its id stays, so decisions and routes that name it are unchanged",
        "Giv et organ et nyt navn (kun ledere); id'et bliver, så beslutninger og forløb, der nævner organet, er uændrede";
    BodyListAbout: "The bodies, in the order of `udkast.toml`", "Organerne i rækkefølgen fra `udkast.toml`";

    // `comment`.
    CommentAbout:
        "Review comments on passages of a draft: add, reply, resolve, reopen, list, show",
        "Kommentarer til passager i et udkast: add, reply, resolve, reopen, list, show";
    CommentAddAbout:
        "Start a comment thread on lines of a draft (default: the latest)",
        "Start en kommentartråd på linjer i et udkast (standard: det seneste)";
    CommentAddDraft:
        "The draft the line numbers refer to (default: the latest)",
        "Det udkast, linjenumrene henviser til (standard: det seneste)";
    CommentAddLines:
        "The lines commented on: A-B, or A for one line (see `udkast show SLUG`)",
        "Linjerne, der kommenteres: A-B, eller A for én linje (se `udkast show SLUG`)";
    CommentReplyAbout: "Answer a thread", "Svar i en tråd";
    CommentThreadId:
        "The thread's id as `comment list` shows it, or any beginning of its id that tells it apart",
        "Trådens id, som `comment list` viser det, eller så meget af begyndelsen af id'et, at det kun passer på den";
    CommentResolveAbout:
        "Mark a thread resolved, optionally with a last message",
        "Markér en tråd som løst, eventuelt med en sidste besked";
    CommentReopenAbout:
        "Open a resolved thread again, optionally with a message",
        "Genåbn en løst tråd, eventuelt med en besked";
    CommentListAbout:
        "List the open threads and where each passage is in a draft (default: the latest)",
        "Vis de åbne tråde, og hvor hver passage står i et udkast (standard: det seneste)";
    CommentListDraft:
        "Place the threads on this draft instead of the latest",
        "Placér trådene i dette udkast i stedet for det seneste";
    CommentListAll: "Resolved threads too", "Også løste tråde";
    CommentListJson:
        "Everything about each thread as JSON: anchor, placement, messages",
        "Alt om hver tråd som JSON: anker, placering, beskeder";
    CommentShowAbout:
        "Print one thread: its passage as quoted, where it is now, every message",
        "Skriv én tråd ud: passagen, som den blev citeret, hvor den står nu, og alle beskeder";
    CommentShowDraft:
        "Place the thread on this draft instead of the latest",
        "Placér tråden i dette udkast i stedet for det seneste";

    // `sync`.
    SyncAbout:
        "Fetch the team's drafts, comments, decisions and approved versions from the remote, merge them with yours, and push (your own git does the network: ~/.ssh/config and credential helpers apply)",
        "Hent holdets udkast, kommentarer, beslutninger og godkendte versioner fra fjernlageret, flet dem med dine, og send dine (dit eget git står for netværket: ~/.ssh/config og credential helpers gælder)";
    SyncRemote:
        "The remote (default: the branch's own, else origin)",
        "Fjernlageret (standard: grenens eget, ellers origin)";
    SyncResume:
        "Finish a sync that stopped on clashing passages, once they are edited",
        "Gør en synkronisering færdig, der stoppede ved passager i konflikt, når de er rettet";
    SyncAbort:
        "Put everything back as it was before a sync that stopped",
        "Sæt alt tilbage, som det var før en synkronisering, der stoppede";
}
