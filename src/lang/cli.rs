//! What the command line says: its headings, labels and reports, in both
//! languages. Errors are in [`super::errors`].
//!
//! Column headers are single words in capitals; the tables pad them by
//! their width, so a longer Danish word keeps the columns aligned.

catalogue! {
    /// A message of the command line, by key.
    pub enum CliMsg;

    CurrentFolder: "cannot read the current folder: {error}", "den aktuelle mappe kan ikke læses: {error}";

    // Every command: arguments, output, the terminal.
    LangUnknown: "udkast speaks da (Danish) and en (English)", "udkast taler da (dansk) og en (engelsk)";
    InvalidArguments: "invalid arguments", "ugyldige argumenter";
    SeeHelp: "{error} (see `udkast --help`)", "{error} (se `udkast --help`)";
    Warning: "udkast: warning: {warning}", "udkast: advarsel: {warning}";
    CannotWriteStdout: "cannot write to standard output: {error}", "kan ikke skrive til standard output: {error}";
    CannotEncodeJson: "cannot encode JSON: {error}", "kan ikke skrive JSON: {error}";
    CannotWriteManual: "cannot write the manual page: {error}", "kan ikke skrive manualsiden: {error}";
    NeedsTerminal:
        "the terminal interface needs a terminal; for scripts use the subcommands (see `udkast --help`)",
        "terminalbrugerfladen kræver en terminal; brug underkommandoerne i scripts (se `udkast --help`)";

    // Column headers.
    ColSlug: "SLUG", "SLUG";
    ColKind: "KIND", "TYPE";
    ColDraft: "DRAFT", "UDKAST";
    ColUpdated: "UPDATED", "ÆNDRET";
    ColAuthor: "AUTHOR", "FORFATTER";
    ColTitle: "TITLE", "TITEL";
    ColCommit: "COMMIT", "COMMIT";
    ColDate: "DATE", "DATO";
    ColMessage: "MESSAGE", "BESKED";
    ColMeeting: "MEETING", "MØDE";
    ColBody: "BODY", "ORGAN";
    ColDecision: "DECISION", "BESLUTNING";
    ColItem: "ITEM", "PUNKT";
    ColCase: "CASE", "SAG";
    ColRecordedBy: "RECORDED BY", "REGISTRERET AF";
    ColId: "ID", "ID";
    ColStatus: "STATUS", "STATUS";
    ColName: "NAME", "NAVN";
    ColDue: "DUE", "FRIST";
    ColOwner: "OWNER", "ANSVARLIG";
    ColBudget: "BUDGET", "BUDGET";
    ColLines: "LINES", "LINJER";
    ColReplies: "REPLIES", "SVAR";
    ColComment: "COMMENT", "KOMMENTAR";

    // A document's kind in a table.
    KindStrategy: "strategy", "strategi";
    KindWorkplan: "workplan", "arbejdsplan";
    KindCharter: "charter", "charter";

    // `new`, `show`, `save`, `log`.
    TitleEmpty: "the title must be a non-empty line of text", "titlen skal være en linje tekst, der ikke er tom";
    CannotReadStdin: "cannot read standard input: {error}", "kan ikke læse standard input: {error}";
    CannotReadFile: "cannot read {file}: {error}", "kan ikke læse {file}: {error}";
    SavedMerged: " (merged with a change saved meanwhile)", " (flettet med en ændring gemt i mellemtiden)";
    Saved: "Saved draft {draft} of {slug} as {commit} on {branch}{merged}", "Gemte udkast {draft} af {slug} som {commit} på {branch}{merged}";
    ShowWhich:
        "udkast: draft {draft} of {slug} ({commit}); save an edited copy with --base {draft}",
        "udkast: udkast {draft} af {slug} ({commit}); gem en redigeret kopi med --base {draft}";
    SaveUnexpected:
        "unexpected argument \"{argument}\"; give the text with --file FILE or - for standard input",
        "uventet argument \"{argument}\"; angiv teksten med --file FIL eller - for standard input";
    SaveGiveText:
        "give the text with --file FILE or - for standard input (not both)",
        "angiv teksten med --file FIL eller - for standard input (ikke begge)";
    SaveKeptText: "{error}; your text is in {file}", "{error}; din tekst ligger i {file}";
    SaveEmptyMessage: "the message is empty; say what changed with -m", "beskeden er tom; skriv med -m, hvad der er ændret";
    CannotKeepText: "cannot keep your text in {folder}: {error}", "kan ikke gemme din tekst i {folder}: {error}";
    LogRecordedAs: " (recorded as draft {draft})", " (registreret som udkast {draft})";

    // `decide`, `route`, `status`, `tag`, `verify`.
    MeetingFarAhead:
        "the meeting date {date} is more than a year ahead; check the year, or give --yes if it is right",
        "mødedatoen {date} er mere end et år frem; tjek årstallet, eller angiv --yes, hvis det er rigtigt";
    RouteSet: "Route of {slug}: {route} (was {was}); draft {draft} ({commit})", "Forløb for {slug}: {route} (var {was}); udkast {draft} ({commit})";
    Decided:
        "Recorded {body} {outcome} on draft {draft} of {slug}, meeting {date}, as {id} ({commit} on {branch})",
        "Registrerede {body} {outcome} om udkast {draft} af {slug}, møde {date}, som {id} ({commit} på {branch})";
    StatusHeading: "{title} ({slug}) — route {route}; current draft {draft}", "{title} ({slug}) — forløb {route}; aktuelt udkast {draft}";
    StatusWhatChanged: "What changed since draft {draft}: {command}", "Hvad er ændret siden udkast {draft}: {command}";
    StatusTagDraft: "{tag} (draft {draft})", "{tag} (udkast {draft})";
    StatusApprovedVersions: "Approved versions: {tags}", "Godkendte versioner: {tags}";
    StatusDecisionOn: "{body} {label} draft {draft} on {date}:", "{body} {label} udkast {draft} den {date}:";
    StatusRecommendation: "  Indstilling:", "  Indstilling:";
    StatusDecision: "  Beslutning:", "  Beslutning:";
    StatusAgainst: "{branch} against {remote}/{branch}: {state}", "{branch} over for {remote}/{branch}: {state}";
    StatusNeverSynced: "never synced", "aldrig synkroniseret";
    SyncedAt: "synced {time}", "synkroniseret {time}";
    TagSigned: " (signed)", " (signeret)";
    TagForced: " (forced)", " (gennemtvunget)";
    TaggedOne:
        "Tagged draft {draft} of {slug} as {tag}{signed}, listing 1 decision{forced}",
        "Taggede udkast {draft} af {slug} som {tag}{signed} med 1 beslutning{forced}";
    TaggedMany:
        "Tagged draft {draft} of {slug} as {tag}{signed}, listing {n} decisions{forced}",
        "Taggede udkast {draft} af {slug} som {tag}{signed} med {n} beslutninger{forced}";
    VerifiedDocumentOne: "1 document", "1 dokument";
    VerifiedDocuments: "{n} documents", "{n} dokumenter";
    VerifiedDecisionOne: "1 decision", "1 beslutning";
    VerifiedDecisions: "{n} decisions", "{n} beslutninger";
    VerifiedVersionOne: "1 approved version", "1 godkendt version";
    VerifiedVersions: "{n} approved versions", "{n} godkendte versioner";
    VerifiedAll:
        "Verified {documents}, {decisions} and {versions} on {branch}: all in order",
        "Kontrollerede {documents}, {decisions} og {versions} på {branch}: alt er i orden";
    VerifyProblemOne: "verify found 1 problem", "verify fandt 1 problem";
    VerifyProblems: "verify found {n} problems", "verify fandt {n} problemer";

    // `body`.
    BodyRenamed: "Renamed {id} from \"{was}\" to \"{name}\" ({commit})", "Omdøbte {id} fra \"{was}\" til \"{name}\" ({commit})";
    BodyAdded:
        "Added {id} \"{name}\" ({kind}) ({commit}); put it on a route with `udkast route SLUG …`",
        "Tilføjede {id} \"{name}\" ({kind}) ({commit}); sæt det på et forløb med `udkast route SLUG …`";

    // `action`.
    ActionGiveChange:
        "give what to change: --title, --owner, --due, --status, --budget or --section",
        "angiv, hvad der skal ændres: --title, --owner, --due, --status, --budget eller --section";
    ActionSaved: "Saved action {id} \"{title}\" of {slug}: draft {draft} ({commit})", "Gemte handling {id} \"{title}\" i {slug}: udkast {draft} ({commit})";
    ActionRemoved: "Removed action {id} \"{title}\" of {slug}: draft {draft} ({commit})", "Fjernede handling {id} \"{title}\" fra {slug}: udkast {draft} ({commit})";

    // `comment`.
    CommentEmpty: "the comment is empty; write it with -m", "kommentaren er tom; skriv den med -m";
    NotALineRange:
        "\"{spec}\" is not a line range; write it as A-B, e.g. --lines 12-14, or one line as --lines 12",
        "\"{spec}\" er ikke et linjeinterval; skriv det som A-B, fx --lines 12-14, eller én linje som --lines 12";
    LinesFromOne: "lines are numbered from 1", "linjerne er nummereret fra 1";
    LinesBackwards:
        "the line range {start}-{end} runs backwards; write it as {end}-{start}",
        "linjeintervallet {start}-{end} går baglæns; skriv det som {end}-{start}";
    CommentEdited: "{lines} (edited)", "{lines} (redigeret)";
    CommentOutdated: "outdated (was {lines} in draft {draft})", "forældet (var {lines} i udkast {draft})";
    ThreadOpen: "open", "åben";
    ThreadResolved: "resolved", "løst";
    LineOne: "line {line}", "linje {line}";
    LineRange: "lines {start}-{end}", "linje {start}-{end}";
    CommentHeading: "comment {id} on {slug}, {status}", "kommentar {id} til {slug}, {status}";
    CommentWhere: "on {lines} of draft {draft}{section}; in draft {shown}: {place}", "på {lines} i udkast {draft}{section}; i udkast {shown}: {place}";
    CommentAdded: "Added comment {id} on {lines} of draft {draft} of {slug} as {commit}", "Tilføjede kommentar {id} til {lines} i udkast {draft} af {slug} som {commit}";
    CommentRepliedOne: "Replied to comment {id} on {slug} (1 reply) as {commit}", "Svarede på kommentar {id} til {slug} (1 svar) som {commit}";
    CommentReplied: "Replied to comment {id} on {slug} ({n} replies) as {commit}", "Svarede på kommentar {id} til {slug} ({n} svar) som {commit}";
    CommentResolved: "Resolved comment {id} on {slug} as {commit}", "Løste kommentar {id} til {slug} som {commit}";
    CommentReopened: "Reopened comment {id} on {slug} as {commit}", "Genåbnede kommentar {id} til {slug} som {commit}";

    // `diff`.
    DiffApproximate:
        "(approximate: the texts are too different to compare word by word in time)",
        "(omtrentlig: teksterne er for forskellige til at blive sammenlignet ord for ord i tide)";
    DiffNoMinor: "(no minor changes to hide)", "(ingen mindre ændringer at skjule)";
    DiffMinorOne:
        "(1 minor change hidden: punctuation, case, spelling or paragraph breaks)",
        "(1 mindre ændring skjult: tegnsætning, store/små bogstaver, stavning eller afsnitsskift)";
    DiffMinor:
        "({n} minor changes hidden: punctuation, case, spelling or paragraph breaks)",
        "({n} mindre ændringer skjult: tegnsætning, store/små bogstaver, stavning eller afsnitsskift)";
    DiffDetails: "Details:", "Detaljer:";
    DiffActions: "Actions:", "Handlinger:";
    DiffIdentical: "The texts are identical.", "Teksterne er ens.";
    DiffNothingSubstantive: "Nothing changed in substance.", "Intet er ændret indholdsmæssigt.";
    DiffOnlySpacing:
        "The words are the same; only line breaks or spacing differ.",
        "Ordene er de samme; kun linjeskift eller mellemrum er forskellige.";
    DiffNoSection: "No section changed.", "Intet afsnit er ændret.";
    DiffNewSection: " (new section)", " (nyt afsnit)";
    DiffRemovedSection: " (removed)", " (fjernet)";
    DiffLine: "line", "linje";
    DiffStatTotal:
        "{sections} sections changed, {added} words added, {removed} removed",
        "{sections} afsnit ændret, {added} ord tilføjet, {removed} fjernet";
    DiffUnchangedLines: "  ⋯ {lines} unchanged lines ⋯", "  ⋯ {lines} uændrede linjer ⋯";

    // `sync`.
    SyncWaiting:
        "a sync with {remote} is waiting for clashing passages ({files}): edit them, then `udkast sync --continue`, or `udkast sync --abort`",
        "en synkronisering med {remote} venter på passager i konflikt ({files}): ret dem, og kør så `udkast sync --continue` eller `udkast sync --abort`";
    SyncNoneWaiting: "no sync is waiting; `udkast sync` starts one", "ingen synkronisering venter; `udkast sync` starter en";
    SyncStillMarked:
        "{file}:{line} still has a clash mark: keep the text you want between the marks, delete the marks, then `udkast sync --continue`",
        "{file}:{line} har stadig en konfliktmarkering: behold den tekst, du vil have, mellem markeringerne, slet markeringerne, og kør så `udkast sync --continue`";
    SyncDamaged:
        "{file} is damaged; `udkast sync --abort` puts everything back",
        "{file} er beskadiget; `udkast sync --abort` sætter alt tilbage";
    SyncMoved:
        "you saved since the sync stopped, so the passages you edited may leave out what you saved; nothing was changed: `udkast sync --abort`, then `udkast sync` again",
        "du har gemt, siden synkroniseringen stoppede, så de passager, du rettede, kan mangle det, du gemte; intet blev ændret: `udkast sync --abort`, og så `udkast sync` igen";
    SyncCannotWait:
        "cannot keep the waiting sync in the repository's udkast folder",
        "kan ikke gemme den ventende synkronisering i repositoriets udkast-mappe";
    SyncClashOne:
        "{path}: 1 passage changed here and on {remote} — marked in {file}",
        "{path}: 1 passage ændret både her og på {remote} — markeret i {file}";
    SyncClashes:
        "{path}: {n} passages changed here and on {remote} — marked in {file}",
        "{path}: {n} passager ændret både her og på {remote} — markeret i {file}";
    SyncStoppedOne:
        "sync stopped: 1 file changed in the same passages here and on {remote}; nothing was changed here. Keep the text you want between the marks, then `udkast sync --continue` (or `udkast sync --abort`)",
        "synkroniseringen stoppede: 1 fil er ændret i de samme passager her og på {remote}; intet blev ændret her. Behold den tekst, du vil have, mellem markeringerne, og kør så `udkast sync --continue` (eller `udkast sync --abort`)";
    SyncStopped:
        "sync stopped: {n} files changed in the same passages here and on {remote}; nothing was changed here. Keep the text you want between the marks, then `udkast sync --continue` (or `udkast sync --abort`)",
        "synkroniseringen stoppede: {n} filer er ændret i de samme passager her og på {remote}; intet blev ændret her. Behold den tekst, du vil have, mellem markeringerne, og kør så `udkast sync --continue` (eller `udkast sync --abort`)";
    SyncAborted:
        "Sync with {remote} aborted: everything is as it was before it",
        "Synkroniseringen med {remote} er afbrudt: alt er, som det var før den";
    SyncAbortedKept:
        "Sync with {remote} aborted: the remote's refs are as they were; your branch keeps the drafts you saved since",
        "Synkroniseringen med {remote} er afbrudt: fjernlagerets refs er, som de var; din gren beholder de udkast, du har gemt siden";
    SyncUpToDate: "Up to date with {remote}/{branch}", "Ajour med {remote}/{branch}";
    SyncMergedNote: ", merged", ", flettet";
    SyncedOne: "Synced with {remote}/{branch}: 1 commit in, {sent} out{merged}", "Synkroniseret med {remote}/{branch}: 1 commit ind, {sent} ud{merged}";
    Synced: "Synced with {remote}/{branch}: {received} commits in, {sent} out{merged}", "Synkroniseret med {remote}/{branch}: {received} commits ind, {sent} ud{merged}";
    SyncTagsIn: "approved versions in: {tags}", "godkendte versioner ind: {tags}";
    SyncTagsOut: "approved versions out: {tags}", "godkendte versioner ud: {tags}";
    SyncRenumbered: "your draft {was} of {slug} is now draft {now}", "dit udkast {was} af {slug} er nu udkast {now}";

    // `export`.
    ExportUnknownFormat: "unknown format {format}; use docx, pdf or html", "ukendt format {format}; brug docx, pdf eller html";
    ExportNoFormat:
        "cannot tell the format from the extension .{extension}; give --format docx, pdf or html",
        "kan ikke se formatet ud fra endelsen .{extension}; angiv --format docx, pdf eller html";
    ExportWrote: "wrote {file} ({format}, {bytes} bytes) of {draft}", "skrev {file} ({format}, {bytes} bytes) af {draft}";
    ExportChanges: ", {n} changes since {since}", ", {n} ændringer siden {since}";
    ExportCommentOne: ", 1 comment", ", 1 kommentar";
    ExportComments: ", {n} comments", ", {n} kommentarer";

    // `init`.
    Initialised:
        "Initialised udkast workspace \"{name}\" in {folder} ({commit} on {branch}); {email} is its lead",
        "Oprettede udkast-arbejdsområdet \"{name}\" i {folder} ({commit} på {branch}); {email} er dets leder";
    InitBodies:
        "Bodies: `udkast body list`; add one with `udkast body add ID --name NAME --kind committee`",
        "Organer: `udkast body list`; tilføj et med `udkast body add ID --name NAVN --kind committee`";

    // `demo`.
    DemoExists: "{folder} already exists; give a new folder", "{folder} findes allerede; angiv en ny mappe";
    DemoNoTemp: "cannot create a temporary folder: {error}", "kan ikke oprette en midlertidig mappe: {error}";
    DemoReady:
        "Sample workspace for Åby Kommune with {drafts} drafts in {folder}",
        "Eksempel-arbejdsområde for Åby Kommune med {drafts} udkast i {folder}";
    DemoTry:
        "Try:\n  udkast --repo {folder} list\n  udkast --repo {folder} log baeredygtighedsstrategi",
        "Prøv:\n  udkast --repo {folder} list\n  udkast --repo {folder} log baeredygtighedsstrategi";
    DemoLead:
        "You ({email}) are a lead in it: you can record decisions and tag approved versions.",
        "Du ({email}) er leder i det: du kan registrere beslutninger og tagge godkendte versioner.";

    // A sync's progress, as it goes.
    SyncFetching: "Fetching from {remote}…", "Henter fra {remote}…";
    SyncMerging: "Merging…", "Fletter…";
    SyncPushing: "Pushing to {remote}…", "Sender til {remote}…";
}
