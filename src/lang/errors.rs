//! The error sentences of the domain, the store and the use cases, in both
//! languages: each one sentence a user can act on.

catalogue! {
    /// An error sentence, by key.
    pub enum ErrMsg;

    NotARepository:
        "{path} is not inside a git repository (run `udkast init` there, or pass --repo)",
        "{path} ligger ikke i et git-repository (kør `udkast init` der, eller angiv --repo)";

    // A value someone typed (domain/error.rs, BadValue).
    EmptySlug: "a slug cannot be empty", "en slug kan ikke være tom";
    SlugControl: "slug \"{slug}\" contains control characters", "slug \"{slug}\" indeholder kontroltegn";
    SlugPath:
        "slug \"{slug}\" must be a plain folder name (no \"/\", \"\\\" or \"..\")",
        "slug \"{slug}\" skal være et almindeligt mappenavn (uden \"/\", \"\\\" eller \"..\")";
    SlugTooLong: "slug \"{slug}\" is longer than {max} characters", "slug \"{slug}\" er længere end {max} tegn";
    SlugAlphabet:
        "slug \"{slug}\" may only use a-z, 0-9 and \"-\", must start with a letter and not end with \"-\"",
        "slug \"{slug}\" må kun bestå af a-z, 0-9 og \"-\", skal begynde med et bogstav og må ikke slutte med \"-\"";
    UnknownKind:
        "unknown kind \"{kind}\" (use strategy, workplan or charter)",
        "ukendt dokumenttype \"{kind}\" (brug strategy, workplan eller charter)";
    UnknownOutcome:
        "unknown outcome \"{outcome}\" (use {names}, or in Danish {words})",
        "ukendt udfald \"{outcome}\" (brug {words}, eller på engelsk {names})";
    NotADate:
        "\"{date}\" is not a date; write the meeting date as 28-01-2025, 28.01.2025 or 2025-01-28",
        "\"{date}\" er ikke en dato; skriv mødedatoen som 28-01-2025, 28.01.2025 eller 2025-01-28";
    BadBodyId:
        "body id \"{id}\" must be 1–12 uppercase letters or digits, like \"ØKE\"",
        "et organs id \"{id}\" skal være 1–12 store bogstaver eller cifre, fx \"ØKE\"";
    UnknownActionStatus:
        "unknown status \"{status}\" (use planned, in-progress, done, paused or cancelled; or planlagt, i gang, færdig, på pause, aflyst)",
        "ukendt status \"{status}\" (brug planlagt, i gang, færdig, på pause eller aflyst; eller planned, in-progress, done, paused, cancelled)";
    UnknownBodyKind:
        "unknown kind \"{kind}\" (use administrative, committee, task-committee, council or other; or udvalg, byråd, direktion…)",
        "ukendt organtype \"{kind}\" (brug fx udvalg, byråd, direktion…; eller administrative, committee, task-committee, council, other)";
    OwedWithoutChanges:
        "changes owed (--owe) go with approved-with-changes (godkendt med ændringer) only",
        "ændringskrav (--owe) hører kun til udfaldet godkendt med ændringer (approved-with-changes)";
    RouteBraceInBraces: "the route has a {open} inside braces", "forløbet har en {open} inden i krøllede parenteser";
    RoutePlusBeforeBrace: "the route has a + before {open}", "forløbet har et + foran {open}";
    RouteCloseWithoutOpen: "the route has a {close} without its {open}", "forløbet har en {close} uden sin {open}";
    RouteEmptyBraces: "the route has empty braces", "forløbet har tomme krøllede parenteser";
    RoutePlusNoBodyBefore: "the route has a + without a body before it", "forløbet har et + uden et organ foran";
    RouteOpenWithoutClose: "the route has a {open} without its {close}", "forløbet har en {open} uden sin {close}";
    RoutePlusNoBodyAfter: "the route has a + without a body after it", "forløbet har et + uden et organ efter";
    RepeatedBody: "body \"{id}\" is twice in the route", "organet \"{id}\" står to gange i forløbet";
    UnknownBodyIn: "unknown body \"{id}\" in {field} (known: {known})", "ukendt organ \"{id}\" i {field} (kendte: {known})";
    BadThreadId:
        "\"{id}\" is not a comment id (letters, digits, - and ., like 3fa9c2d)",
        "\"{id}\" er ikke et kommentar-id (bogstaver, cifre, - og ., fx 3fa9c2d)";
    EmptyField: "{field} is empty", "{field} er ikke udfyldt";
    FieldNotOneLine: "{field} must be one line without control characters", "{field} skal være én linje uden kontroltegn";
    EmptyDecisionText: "the decision text is empty", "beslutningsteksten er tom";
    DecisionTextControl: "the decision text contains control characters", "beslutningsteksten indeholder kontroltegn";

    // The fields a sentence names, where they are not a flag or a file's key.
    FieldTheRoute: "the route", "forløbet";

    // A file's content (domain/, Invalid).
    MalformedToml: "malformed TOML", "ugyldig TOML";
    RouteStepShape:
        "a step of a route is a body's id or an array of ids, as in [\"DIR\", [\"FOU\", \"BFU\"], \"BYR\"]",
        "et trin i et forløb er et organs id eller en liste af id'er, som i [\"DIR\", [\"FOU\", \"BFU\"], \"BYR\"]";
    RouteStepEmpty: "a step of {field} has no body", "et trin i {field} har intet organ";
    BodyTwiceIn: "body \"{id}\" appears twice in {field}", "organet \"{id}\" står to gange i {field}";
    DocumentTooBig:
        "is {size} MiB; documents are limited to {max} MiB",
        "fylder {size} MiB; et dokument må højst fylde {max} MiB";
    DocumentBinary: "is a binary file, not a text document", "er en binær fil, ikke et tekstdokument";
    DocumentNotUtf8:
        "is not valid UTF-8 text (save it as UTF-8 and try again)",
        "er ikke gyldig UTF-8-tekst (gem den som UTF-8, og prøv igen)";
    FormatUnsupported:
        "format {format} is not supported by this udkast (it reads format {reads}); upgrade udkast",
        "format {format} understøttes ikke af denne udgave af udkast (den læser format {reads}); opgradér udkast";
    DuplicateBodyId: "duplicate body id \"{id}\"", "organets id \"{id}\" findes to gange";
    BodyEmptyName: "body \"{id}\" has an empty name", "organet \"{id}\" har intet navn";
    LeadNotEmail: "lead \"{lead}\" is not an e-mail address", "lederen \"{lead}\" er ikke en e-mailadresse";
    KeyNotSsh:
        "roles.keys: the key of \"{email}\" is not an SSH public key (\"ssh-ed25519 AAAA…\", as in a .pub file)",
        "roles.keys: nøglen for \"{email}\" er ikke en offentlig SSH-nøgle (\"ssh-ed25519 AAAA…\", som i en .pub-fil)";
    TitleEmpty: "the title is empty", "titlen er tom";
    TitleControl: "the title contains control characters", "titlen indeholder kontroltegn";
    ActionIdsFromOne: "action ids start at 1", "handlingernes id'er begynder ved 1";
    DuplicateActionId: "duplicate action id {id}", "handlings-id {id} findes to gange";
    ActionEmptyTitle: "action {id} has an empty title", "handling {id} har ingen titel";
    OnlyWorkplanActions:
        "only a workplan has actions, this is a {kind}",
        "kun en arbejdsplan (workplan) har handlinger, dette er en {kind}";
    DecisionFileName:
        "a decision file is named <id>.toml, the id made of letters, digits, \"-\" and \"_\"",
        "en beslutningsfil hedder <id>.toml, hvor id'et består af bogstaver, cifre, \"-\" og \"_\"";
    DraftNumbersFromOne: "draft numbers start at 1", "udkastenes numre begynder ved 1";
    DecisionCommitNotFull:
        "commit must be the draft's full commit id (40 hex digits)",
        "commit skal være udkastets fulde commit-id (40 hexcifre)";
    OwedOnlyWithChanges:
        "changes owed go with approved-with-changes (godkendt med ændringer) only",
        "ændringskrav hører kun til udfaldet godkendt med ændringer (approved-with-changes)";
    RecordedByNotEmail:
        "recorded_by.email \"{email}\" is not an e-mail address",
        "recorded_by.email \"{email}\" er ikke en e-mailadresse";
    WithdrawsNotAnId: "withdraws must be the id of another decision", "withdraws skal være id'et på en anden beslutning";
    WithdrawsItself: "a decision cannot withdraw itself", "en beslutning kan ikke tilbagekalde sig selv";
    ThreadIdNotFileName:
        "the id \"{id}\" does not match the file name ({id}.toml expected)",
        "id'et \"{id}\" passer ikke til filnavnet (der skulle stå {id}.toml)";
    DraftsFromOne: "drafts are numbered from 1", "udkast nummereres fra 1";
    ThreadCommitNotFull:
        "commit \"{commit}\" is not a full commit id (40 hexadecimal digits)",
        "commit \"{commit}\" er ikke et fuldt commit-id (40 hexadecimale cifre)";
    AnchorStartZero: "lines are numbered from 1 (start = 0)", "linjer nummereres fra 1 (start = 0)";
    AnchorBackwards:
        "the anchor ends (line {end}) before it starts (line {start})",
        "ankeret slutter (linje {end}), før det begynder (linje {start})";
    QuoteEmpty: "the quote is empty", "citatet er tomt";
    QuoteLinesOne:
        "the quote has {quoted} line but lines {start}-{end} are {covered}",
        "citatet har {quoted} linje, men linje {start}-{end} er {covered}";
    QuoteLinesMany:
        "the quote has {quoted} lines but lines {start}-{end} are {covered}",
        "citatet har {quoted} linjer, men linje {start}-{end} er {covered}";
    ThreadNoMessage: "the thread has no [[message]]", "tråden har ingen [[message]]";
    MessageNoAuthor: "a message has no author", "en besked har ingen forfatter";
    MessageEmpty: "a message has an empty text", "en besked har en tom tekst";
    MessageTime:
        "time \"{time}\" is not an RFC 3339 time like 2025-01-28T11:15:00+01:00",
        "tidspunktet \"{time}\" er ikke et RFC 3339-tidspunkt som 2025-01-28T11:15:00+01:00";

    // The store (store/error.rs, StoreError).
    NotAWorkspace:
        "this repository is not a udkast workspace: there is no udkast.toml on {branch} (run `udkast init`)",
        "dette repository er ikke et arbejdsområde for udkast: der er ingen udkast.toml på {branch} (kør `udkast init`)";
    AlreadyAWorkspace:
        "this repository is already a udkast workspace (udkast.toml exists on {branch})",
        "dette repository er allerede et arbejdsområde for udkast (udkast.toml findes på {branch})";
    DetachedHead:
        "HEAD is detached; check out a branch before saving",
        "HEAD peger ikke på en gren (detached HEAD); check en gren ud, før du gemmer";
    UnknownStrategy:
        "no strategy \"{slug}\" in this workspace (see `udkast list`)",
        "der er ingen strategi \"{slug}\" i dette arbejdsområde (se `udkast list`)";
    StrategyExists: "strategy \"{slug}\" already exists", "strategien \"{slug}\" findes allerede";
    NoSuchDraft:
        "strategy \"{slug}\" has no draft {number} (its drafts are 1–{count})",
        "strategien \"{slug}\" har intet udkast {number} (dens udkast er 1–{count})";
    BadVersion:
        "\"{version}\" is not a draft number, \"latest\", \"approved\" or a commit",
        "\"{version}\" er hverken et udkastnummer, \"latest\", \"approved\" eller et commit";
    NoApprovedVersion:
        "\"{slug}\" has no approved version yet (no tag {slug}/v<N>)",
        "\"{slug}\" har endnu ingen godkendt version (intet tag {slug}/v<N>)";
    NoIdentity:
        "no git identity: set one with `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org`",
        "ingen git-identitet: angiv en med `git config --global user.name \"Dit Navn\"` og `git config --global user.email dig@example.org`";
    IndexLocked:
        "the git index is locked by another program ({path}); wait for it to finish, or remove the lock file if it crashed",
        "git-indekset er låst af et andet program ({path}); vent, til det er færdigt, eller fjern låsefilen, hvis programmet er gået ned";
    Conflict:
        "someone else changed the same passage of {path} since you started; your text was not saved and nothing was lost from the repository",
        "en anden har ændret den samme passage i {path}, siden du begyndte; din tekst blev ikke gemt, og intet gik tabt i repositoryet";
    NoRemote:
        "there is no remote \"{remote}\": add the team's with `git remote add {remote} URL`, or name another with --remote",
        "der er intet fjernlager \"{remote}\": tilføj holdets med `git remote add {remote} URL`, eller angiv en anden med --remote";
    Unchanged:
        "nothing changed: the text is identical to the latest draft",
        "intet er ændret: teksten er den samme som i det seneste udkast";
    TooBusy:
        "the branch kept moving under us after {attempts} attempts; try again",
        "grenen blev ved med at flytte sig, også efter {attempts} forsøg; prøv igen";
    RefLocked:
        "the branch is locked by {path}, left there {age}; if no git or udkast command is running on this repository, remove that file and try again",
        "grenen er låst af {path}, som blev efterladt {age}; hvis ingen git- eller udkast-kommando kører på dette repository, så fjern filen, og prøv igen";
    AgeSeconds: "{n} s ago", "for {n} s siden";
    AgeMinutes: "{n} min ago", "for {n} min. siden";
    AgeHours: "{n} hours ago", "for {n} timer siden";
    NotALead:
        "only leads may {action}: ask a lead to add you to roles.leads in udkast.toml",
        "kun ledere kan {action}: bed en leder om at føje dig til roles.leads i udkast.toml";
    LeadRecordDecisions: "record decisions", "registrere beslutninger";
    LeadTagVersions: "tag approved versions", "tagge godkendte versioner";
    LeadChangeRoutes: "change routes", "ændre forløb";
    LeadAddBodies: "add bodies", "tilføje organer";
    LeadRenameBodies: "rename bodies", "omdøbe organer";
    Cancelled:
        "cancelled before the history was read to the end; it is read again next time",
        "afbrudt, før historikken var læst til ende; den læses igen næste gang";
    NoGit:
        "cannot run git ({error}); udkast needs git installed for tags and signatures",
        "git kan ikke køres ({error}); udkast skal have git installeret for at lave tags og signaturer";
    GitCommandFailed: "git {command} failed: {message}", "git {command} mislykkedes: {message}";
    UnknownThread:
        "no comment thread \"{id}\" on {slug} (see `udkast comment list {slug} --all`)",
        "ingen kommentartråd \"{id}\" på {slug} (se `udkast comment list {slug} --all`)";
    AmbiguousThread:
        "\"{prefix}\" is the beginning of {n} comment ids on {slug} ({ids}); give more of the id",
        "\"{prefix}\" er begyndelsen på {n} kommentar-id'er på {slug} ({ids}); angiv mere af id'et";
    CandidatesMore: "{shown}, and {more} more", "{shown} og {more} til";
    LineOutsideOne:
        "line {start} is outside draft {draft}, which has {count} line",
        "linje {start} ligger uden for udkast {draft}, som har {count} linje";
    LineOutsideMany:
        "line {start} is outside draft {draft}, which has {count} lines",
        "linje {start} ligger uden for udkast {draft}, som har {count} linjer";
    LinesOutsideOne:
        "lines {start}-{end} are outside draft {draft}, which has {count} line",
        "linje {start}-{end} ligger uden for udkast {draft}, som har {count} linje";
    LinesOutsideMany:
        "lines {start}-{end} are outside draft {draft}, which has {count} lines",
        "linje {start}-{end} ligger uden for udkast {draft}, som har {count} linjer";
    BadLines:
        "lines {start}-{end} are not a range of lines (lines are numbered from 1, the first before the last)",
        "linje {start}-{end} er ikke et udsnit af linjer (linjer nummereres fra 1, den første før den sidste)";
    UnsavedLine:
        "line {start} is not in a saved draft yet: save a draft first, then comment on them",
        "linje {start} er ikke i et gemt udkast endnu: gem først et udkast, og kommentér så";
    UnsavedLines:
        "lines {start}-{end} are not in a saved draft yet: save a draft first, then comment on them",
        "linje {start}-{end} er ikke i et gemt udkast endnu: gem først et udkast, og kommentér så";
    EmptyComment: "the comment is empty", "kommentaren er tom";
    ThreadAlreadyOpen: "comment {id} is already open", "kommentar {id} er allerede åben";
    ThreadAlreadyResolved: "comment {id} is already resolved", "kommentar {id} er allerede løst";
    GitSaid: "git: {message}", "git: {message}";
    OwnFile:
        "{path} is one of the workspace's own files (git tracks it, or it is inside .git); nothing was written: choose a name outside them",
        "{path} er en af arbejdsområdets egne filer (git følger den, eller den ligger i .git); intet blev skrevet: vælg et navn uden for dem";

    // Decisions and approved versions (store/approve.rs, store/decisions.rs).
    UnknownBodyKnown: "unknown body \"{id}\" (known: {known})", "ukendt organ \"{id}\" (kendte: {known})";
    BodyNotOnRoute:
        "{body} is not on the route of {slug} ({route}); recording it anyway",
        "{body} er ikke med i forløbet for {slug} ({route}); beslutningen registreres alligevel";
    DecisionAlreadyWithdrawn:
        "decision \"{id}\" of {slug} is already withdrawn",
        "beslutning \"{id}\" i {slug} er allerede tilbagekaldt";
    WithdrawOtherBody:
        "decision \"{id}\" is {owner}'s; a decision of {body} can only withdraw one of {body}'s",
        "beslutning \"{id}\" er truffet af {owner}; en beslutning fra {body} kan kun tilbagekalde en af {body}s egne";
    NoSuchDecision:
        "{slug} has no decision \"{id}\" (`udkast status {slug}` lists their ids)",
        "{slug} har ingen beslutning \"{id}\" (`udkast status {slug}` viser deres id'er)";
    NoApprovalRoute: "{slug} has no approval route", "{slug} har intet godkendelsesforløb";
    LastBodyNotApproved:
        "{last}, the last body of the route, has not approved or adopted draft {draft}",
        "{last}, det sidste organ i forløbet, har ikke godkendt eller vedtaget udkast {draft}";
    LastStepNotApprovedOne:
        "{bodies} of the route's last step has not approved or adopted draft {draft}",
        "{bodies} i forløbets sidste trin har ikke godkendt eller vedtaget udkast {draft}";
    LastStepNotApprovedMany:
        "{bodies} of the route's last step have not approved or adopted draft {draft}",
        "{bodies} i forløbets sidste trin har ikke godkendt eller vedtaget udkast {draft}";
    TagNotApproved:
        "{reason}; record the decision with `udkast decide`, or tag anyway with --force",
        "{reason}; registrér beslutningen med `udkast decide`, eller tag alligevel med --force";
    AlreadyApprovedVersion:
        "draft {draft} is already approved version {name}; tag it again with --force",
        "udkast {draft} er allerede godkendt version {name}; tag det igen med --force";
    ListAnd: "{rest} and {last}", "{rest} og {last}";
    WithdrawsUnknown:
        "withdraws \"{id}\", which is not a decision of {slug}",
        "tilbagekalder \"{id}\", som ikke er en beslutning i {slug}";
    UnknownBodyVerify: "unknown body \"{id}\" (see `udkast verify`)", "ukendt organ \"{id}\" (se `udkast verify`)";
    DecisionCommitNotADraft:
        "names commit {commit}, which is not a draft of {slug} (see `udkast verify`)",
        "nævner commit {commit}, som ikke er et udkast af {slug} (se `udkast verify`)";

    // The files of a workspace (store/snapshot.rs, store/comments.rs).
    UncommittedConfig:
        "{file} has changes that are not committed, and udkast reads only the committed file; commit them (git commit {file}) or make the change with `udkast body`",
        "{file} har ændringer, der ikke er committet, og udkast læser kun den committede fil; commit dem (git commit {file}), eller lav ændringen med `udkast body`";
    IsMissing: "is missing", "mangler";
    NotAFile: "is not a file", "er ikke en fil";
    NotAFolder: "is not a folder", "er ikke en mappe";
    NotAThreadFile:
        "is not a comment thread (comments/ holds only <id>.toml files)",
        "er ikke en kommentartråd (comments/ indeholder kun <id>.toml-filer)";

    // What could not be done on disk, before the system's own words
    // (StoreError::Io).
    CannotCreate: "cannot create {path}", "{path} kan ikke oprettes";
    CannotOpen: "cannot open {path}", "{path} kan ikke åbnes";
    CannotLock: "cannot lock {path}", "{path} kan ikke låses";
    CannotWrite: "cannot write {path}", "{path} kan ikke skrives";
    CannotWriteIn: "cannot write in {path}", "der kan ikke skrives i {path}";
    CannotRemove: "cannot remove {path}", "{path} kan ikke fjernes";
    CannotRead: "cannot read {path}", "{path} kan ikke læses";
    CannotCreateTemp: "cannot create a temporary file", "en midlertidig fil kan ikke oprettes";
    CannotWriteTemp: "cannot write a temporary file", "en midlertidig fil kan ikke skrives";
    CannotWriteToGit: "cannot write to git", "der kan ikke skrives til git";
    CannotWaitForGit: "cannot wait for git", "udkast kan ikke vente på git";
    CannotCopyIndex: "cannot copy the git index", "git-indekset kan ikke kopieres";
    CannotReplaceIndex: "cannot replace the git index", "git-indekset kan ikke erstattes";
    ItIsAFolder: "it is a folder", "det er en mappe";
    ItNamesNoFile: "it names no file", "det er ikke navnet på en fil";
    LocalChangesLeft:
        "{path} has local changes in the working tree and was left as it is",
        "{path} har lokale ændringer i arbejdskopien og blev ladt urørt";

    // What `udkast verify` finds (store/verify.rs, store/verify_history.rs).
    DecisionDraftNotADraft:
        "names draft {draft} as commit {commit}, which is not a draft of {slug} on {branch}",
        "angiver udkast {draft} som commit {commit}, som ikke er et udkast af {slug} på {branch}";
    DecisionDraftMissing:
        "names draft {draft} as commit {commit}, which does not exist in the history of {slug} on {branch}",
        "angiver udkast {draft} som commit {commit}, som ikke findes i historikken for {slug} på {branch}";
    WrittenUnreadableConfig:
        "written by commit {commit}, where udkast.toml cannot be read",
        "skrevet af commit {commit}, hvor udkast.toml ikke kan læses";
    RecorderNotLead:
        "recorded by {person}, who was not a lead (roles.leads in udkast.toml)",
        "registreret af {person}, som ikke var leder (roles.leads i udkast.toml)";
    CommitterNotLead:
        "committed in {commit} by {name} <{email}>, who was not a lead (roles.leads in udkast.toml)",
        "committet i {commit} af {name} <{email}>, som ikke var leder (roles.leads i udkast.toml)";
    CommitProblem: "commit {commit} {why}", "commit {commit} {why}";
    TagLightweight:
        "is a lightweight tag; an approved version is an annotated tag listing its decisions",
        "er et letvægtstag; en godkendt version er et annoteret tag, der lister dens beslutninger";
    TagNotADraft:
        "points at commit {commit}, which is not a draft of {slug} on {branch}",
        "peger på commit {commit}, som ikke er et udkast af {slug} på {branch}";
    TagDraftMismatch:
        "says \"Draft: {said}\", but it points at draft {actual} ({commit})",
        "siger \"Draft: {said}\", men peger på udkast {actual} ({commit})";
    TagNoStrategyTrailer:
        "its message has no \"Strategy: {slug}\" trailer",
        "dets besked har ingen \"Strategy: {slug}\"-trailer";
    TagClaimsMissing: "claims decision {id}, which does not exist", "henviser til beslutning {id}, som ikke findes";
    TagClaimsOtherCommit:
        "claims decision {id}, which is about commit {commit}, not the tagged {tagged}",
        "henviser til beslutning {id}, som handler om commit {commit}, ikke det taggede {tagged}";
    TagClaimsWrong:
        "claims decision {id} is \"{claimed_body} {claimed_outcome}\", but it is \"{body} {outcome}\"",
        "angiver beslutning {id} som \"{claimed_body} {claimed_outcome}\", men den er \"{body} {outcome}\"";
    TagNoRoute:
        "the draft has no route, and the tag is not marked \"Forced: yes\"",
        "udkastet har intet forløb, og tagget er ikke markeret \"Forced: yes\"";
    TagNoFinalApproval:
        "claims no approval or adoption by {last}, the last body of the route, and is not marked \"Forced: yes\"",
        "angiver ingen godkendelse eller vedtagelse fra {last}, det sidste organ i forløbet, og er ikke markeret \"Forced: yes\"";
    TagNoFinalStepApproval:
        "claims no approval or adoption by {bodies} of the route's last step, and is not marked \"Forced: yes\"",
        "angiver ingen godkendelse eller vedtagelse fra {bodies} i forløbets sidste trin, og er ikke markeret \"Forced: yes\"";
    TaggerNotLead:
        "tagged by {name} <{email}>, who is not a lead (roles.leads in udkast.toml)",
        "tagget af {name} <{email}>, som ikke er leder (roles.leads i udkast.toml)";
    NotSignedRequired:
        "is not signed, and udkast.toml requires signed decisions and approved versions (roles.require_signed)",
        "er ikke signeret, og udkast.toml kræver signerede beslutninger og godkendte versioner (roles.require_signed)";
    SignedWrongKey:
        "is not signed with the key roles.keys lists for {email}: {why}",
        "er ikke signeret med den nøgle, roles.keys angiver for {email}: {why}";
    SignedNoKey:
        "is signed, but roles.keys in udkast.toml lists no key for {email}",
        "er signeret, men roles.keys i udkast.toml angiver ingen nøgle for {email}";
    SignatureBad: "has a signature that does not verify: {why}", "har en signatur, der ikke kan verificeres: {why}";
    NotACommitId: "\"{id}\" is not a commit id", "\"{id}\" er ikke et commit-id";
    ChangedBodies: "the bodies", "organerne";
    ChangedDefaultRoute: "the default route", "standardforløbet";
    ConfigChangedByNonLead:
        "{what} changed in commit {commit} by {who}, who was not a lead before it",
        "{what} ændret i commit {commit} af {who}, som ikke var leder før da";
    RouteChangedByNonLead:
        "the route changed in commit {commit} by {who}, who was not a lead before it",
        "forløbet ændret i commit {commit} af {who}, som ikke var leder før da";
    DecisionDeletedByLead:
        "deleted in commit {commit} by {who}; a decision is never deleted: a lead withdraws it with `udkast decide {slug} … --withdraws {id}`",
        "slettet i commit {commit} af {who}; en beslutning slettes aldrig: en leder tilbagekalder den med `udkast decide {slug} … --withdraws {id}`";
    DecisionDeletedByNonLead:
        "deleted in commit {commit} by {who}, who was not a lead; a decision is never deleted: a lead withdraws it with `udkast decide {slug} … --withdraws {id}`",
        "slettet i commit {commit} af {who}, som ikke var leder; en beslutning slettes aldrig: en leder tilbagekalder den med `udkast decide {slug} … --withdraws {id}`";

    // The use cases (usecase/).
    OnlyWorkPlanHasActions:
        "only a work plan has actions; {slug} is a {kind}",
        "kun en arbejdsplan har handlinger; {slug} er en {kind}";
    NoSuchAction:
        "{slug} has no action {id} (its actions: {ids})",
        "{slug} har ingen handling {id} (dens handlinger: {ids})";
    NoSuchActionNone:
        "{slug} has no action {id} (its actions: none)",
        "{slug} har ingen handling {id} (den har ingen handlinger)";
    ActionNeedsTitle: "a new action needs --title", "en ny handling skal have --title";
    FieldTheTitle: "the title", "titlen";
    FieldTheOwner: "the owner", "den ansvarlige";
    FieldTheBudget: "the budget", "budgettet";
    FieldASection: "a section", "et afsnit";
    FieldTheName: "the name", "navnet";
    BodyExists:
        "body {id} is already \"{name}\"; rename it with `udkast body rename {id} --name …`",
        "organet {id} hedder allerede \"{name}\"; omdøb det med `udkast body rename {id} --name …`";
    BodyAlreadyCalled: "{id} is already called \"{name}\"", "{id} hedder allerede \"{name}\"";
    RouteAlready: "the route of {slug} is already {route}", "forløbet for {slug} er allerede {route}";
    EmptyMessage: "the message is empty; say what changed", "beskeden er tom; skriv, hvad der er ændret";
    SyncMoved:
        "you saved since the sync stopped on clashing passages, so the passages chosen may leave out what you saved; nothing was changed (sync again to see the passages as they are now)",
        "du har gemt, siden synkroniseringen standsede ved passager i konflikt, så de valgte passager kan udelade det, du gemte; intet blev ændret (synkronisér igen for at se passagerne, som de er nu)";
    NoDraftText:
        "{version} of \"{slug}\" has a text no draft before it has, so no draft can be credited with it; blame a draft (a number, latest or approved)",
        "{version} af \"{slug}\" har en tekst, som intet tidligere udkast har, så intet udkast kan krediteres for den; brug blame på et udkast (et nummer, latest eller approved)";
    TagClash:
        "{name} names one draft here and another on {remote}: two leads made the same approved version; nothing was changed (delete one with `git tag -d {name}` after agreeing which draft it is, then tag again)",
        "{name} udpeger ét udkast her og et andet på {remote}: to ledere har lavet den samme godkendte version; intet blev ændret (slet det ene med `git tag -d {name}`, når I er enige om, hvilket udkast det er, og tag så igen)";

    // Talking to the remote (remote.rs).
    RemoteNoGit:
        "git was not found; udkast sync runs your own git (install git {version} or later)",
        "git blev ikke fundet; udkast sync bruger din egen git (installér git {version} eller nyere)";
    RemoteOldGit:
        "udkast sync needs git {version} or later; this git is {found}",
        "udkast sync kræver git {version} eller nyere; denne git er {found}";
    RemoteUnreachable: "cannot reach {remote}: {detail}", "{remote} kan ikke nås: {detail}";
    RemoteLoginRefused: "{remote} refused the login: {detail}", "{remote} afviste login: {detail}";
    RemotePushRejected: "{remote} rejected the push: {detail}", "{remote} afviste push: {detail}";
    RemoteBehind: "{remote} has changes that are not here yet", "{remote} har ændringer, som ikke er her endnu";
    RemoteTimedOut:
        "{remote} did not answer within {seconds} s; nothing was changed here",
        "{remote} svarede ikke inden for {seconds} s; intet blev ændret her";
    RemoteCancelled: "stopped; nothing was changed here", "stoppet; intet blev ændret her";
}
