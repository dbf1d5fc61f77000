//! The command line through the real binary: the happy path, plain-git
//! interplay, bare repositories and every bad input getting its one-line error.

use crate::common::{EMAIL, Env, NAME};

const MESSY: &[u8] = "---\r\ntitel: Klimaplan\r\nsagsnr: 00.01.00-P22-3-24\r\n---\r\n# Klimaplan\r\n\r\n\tInnrykket med tabulator og 20\u{a0}mio. kr.\r\nDecomposed: a\u{30a}, e\u{301}; wide: 気候\r\n<a href=\"https://example.org/?q=bæredygtighed&x=1\">link</a> "
    .as_bytes();

fn long_line() -> String {
    format!(
        "{}\n",
        "https://aaby.dk/politik/baeredygtighed?afsnit=".repeat(12)
    )
}

#[test]
fn init_new_save_show_log_list() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let text = [MESSY, long_line().as_bytes()].concat();
    std::fs::write(env.path("draft.md"), &text).unwrap();
    let out = env.udkast_in(
        &ws,
        &[
            "save",
            "klima",
            "--file",
            env.path("draft.md").to_str().unwrap(),
            "-m",
            "Første tekst",
        ],
    );
    assert!(
        out.ok().starts_with("Saved draft 2 of klima as "),
        "{}",
        out.stdout
    );

    // show is byte for byte, for the latest and for a numbered draft.
    assert_eq!(env.udkast_in(&ws, &["show", "klima"]).raw_stdout, text);
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima", "--draft", "2"]).raw_stdout,
        text
    );
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima", "--draft", "1"]).stdout,
        "# Klimaplan 2030\n"
    );

    // save from standard input.
    let out = env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "Tredje"], b"# Ny tekst\n");
    assert!(out.ok().starts_with("Saved draft 3 of klima"));

    let log = env.udkast_in(&ws, &["log", "klima"]).ok().to_string();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 4, "{log}");
    assert!(lines[0].starts_with("DRAFT  COMMIT"));
    assert!(
        lines[1].trim_start().starts_with("3 ") && lines[1].ends_with("Tredje"),
        "{log}"
    );
    assert!(lines[3].contains("Create strategy \"Klimaplan 2030\""));
    assert!(log.contains(NAME));

    let json: serde_json::Value =
        serde_json::from_str(env.udkast_in(&ws, &["log", "klima", "--json"]).ok()).unwrap();
    assert_eq!(json[0]["draft"], 3);
    assert_eq!(json[0]["email"], EMAIL);
    assert_eq!(json[2]["message"], "Create strategy \"Klimaplan 2030\"");
    assert!(json[0]["date"].as_str().unwrap().contains('T'));

    let list = env.udkast_in(&ws, &["list"]).ok().to_string();
    assert!(
        list.lines()
            .nth(1)
            .unwrap()
            .starts_with("klima  strategy      3  "),
        "{list}"
    );
    let json: serde_json::Value = serde_json::from_str(env.udkast_in(&ws, &["list", "--json"]).ok()).unwrap();
    assert_eq!(json[0]["slug"], "klima");
    assert_eq!(json[0]["draft"], 3);
    assert_eq!(json[0]["kind"], "strategy");

    // Plain git sees ordinary history and a clean tree.
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
    let subjects = env.git(&ws, &["log", "--format=%s|%an|%(trailers:key=Draft,valueonly)"]);
    assert!(subjects.starts_with("Tredje|Aisha Karimi|3"), "{subjects}");
    env.git(&ws, &["fsck", "--strict"]);
}

#[test]
fn a_commit_made_with_plain_git_is_a_draft() {
    let env = Env::new();
    let ws = env.workspace("ws");
    std::fs::write(
        ws.join("strategies/klima/document.md"),
        "# Klimaplan 2030\n\nSkrevet i vim.\n",
    )
    .unwrap();
    env.git(&ws, &["commit", "-qam", "Rettet i hånden"]);
    // A commit that touches another file is not a draft of klima.
    std::fs::write(ws.join("NOTER.txt"), "noter\n").unwrap();
    env.git(&ws, &["add", "NOTER.txt"]);
    env.git(&ws, &["commit", "-qm", "Noter"]);

    let json: serde_json::Value =
        serde_json::from_str(env.udkast_in(&ws, &["log", "klima", "--json"]).ok()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["draft"], 2);
    assert_eq!(json[0]["message"], "Rettet i hånden");
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima"]).stdout,
        "# Klimaplan 2030\n\nSkrevet i vim.\n"
    );

    // The next udkast draft continues the numbering on top of it.
    let out = env.udkast_stdin(
        &ws,
        &["save", "klima", "-", "-m", "Videre"],
        b"# Klimaplan 2030\n\nVidere.\n",
    );
    assert!(out.ok().starts_with("Saved draft 3 of klima"));
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
}

#[test]
fn a_working_tree_edit_is_never_overwritten() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let doc = ws.join("strategies/klima/document.md");
    std::fs::write(&doc, "mine, not committed\n").unwrap();
    let out = env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "Fra stdin"], b"# Ny\n");
    out.ok();
    assert!(out.stderr.contains("local changes"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), "mine, not committed\n");
    assert_eq!(env.udkast_in(&ws, &["show", "klima"]).stdout, "# Ny\n");
}

#[test]
fn bare_repository_and_clones_share_numbers() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let bare = env.clone_bare(&ws, "central.git");
    let bare_s = bare.to_str().unwrap();
    env.udkast_stdin(
        env.root.path(),
        &["--repo", bare_s, "save", "klima", "-", "-m", "På serveren"],
        b"# Server\n",
    )
    .ok();
    assert_eq!(
        env.udkast(&["--repo", bare_s, "show", "klima"]).stdout,
        "# Server\n"
    );
    env.git(&bare, &["fsck", "--strict"]);

    // Two clones both write "draft 3"; after merging, history order decides.
    let a = env.path("a");
    let b = env.path("b");
    env.git(env.root.path(), &["clone", "-q", bare_s, a.to_str().unwrap()]);
    env.git(env.root.path(), &["clone", "-q", bare_s, b.to_str().unwrap()]);
    env.udkast_stdin(&a, &["save", "klima", "-", "-m", "Fra A"], b"# Server\n\nA\n")
        .ok();
    env.udkast_stdin(&b, &["save", "other-not-here", "-", "-m", "x"], b"x")
        .user_error("no strategy \"other-not-here\"");
    std::fs::write(b.join("strategies/klima/document.md"), "# Server\n\nB\n").unwrap();
    env.git(&b, &["commit", "-qam", "Fra B\n\nStrategy: klima\nDraft: 3"]);
    env.git(&a, &["push", "-q", "origin", "main"]);
    env.git(&b, &["fetch", "-q"]);
    // Resolve the text conflict the way a person would: keep both lines.
    let merge = std::process::Command::new("git")
        .current_dir(&b)
        .env("HOME", env.home.path())
        .args(["merge", "-q", "origin/main", "-m", "Flet"])
        .output()
        .unwrap();
    assert!(!merge.status.success(), "the same line changed on both sides");
    std::fs::write(b.join("strategies/klima/document.md"), "# Server\n\nA\nB\n").unwrap();
    env.git(&b, &["commit", "-qam", "Flet A og B"]);
    let json: serde_json::Value =
        serde_json::from_str(env.udkast_in(&b, &["log", "klima", "--json"]).ok()).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 5, "{json:#}");
    assert_eq!(
        (rows[0]["draft"].as_u64(), rows[0]["message"].as_str()),
        (Some(5), Some("Flet A og B"))
    );
    assert_eq!(
        (rows[1]["draft"].as_u64(), rows[1]["message"].as_str()),
        (Some(4), Some("Fra A"))
    );
    assert_eq!(rows[1]["recorded_as"], 3, "the tool says A recorded draft 3");
    assert_eq!(
        (rows[2]["draft"].as_u64(), rows[2]["message"].as_str()),
        (Some(3), Some("Fra B"))
    );
    assert!(rows[2].get("recorded_as").is_none());
    let text = env.udkast_in(&b, &["log", "klima"]).ok().to_string();
    assert!(text.contains("Fra A (recorded as draft 3)"), "{text}");
}

#[test]
fn demo_builds_a_believable_history() {
    let env = Env::new();
    let dir = env.path("demo");
    let out = env.udkast(&["demo", "--dir", dir.to_str().unwrap()]);
    assert!(out.ok().contains(dir.to_str().unwrap()));
    let json: serde_json::Value =
        serde_json::from_str(env.udkast_in(&dir, &["list", "--json"]).ok()).unwrap();
    let rows = json.as_array().unwrap();
    assert!(rows.len() >= 3);
    let strategy = rows
        .iter()
        .find(|r| r["slug"] == "baeredygtighedsstrategi")
        .unwrap();
    assert!(strategy["draft"].as_u64().unwrap() >= 5, "{strategy}");
    let log: serde_json::Value = serde_json::from_str(
        env.udkast_in(&dir, &["log", "baeredygtighedsstrategi", "--json"])
            .ok(),
    )
    .unwrap();
    let authors: std::collections::HashSet<_> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["author"].clone())
        .collect();
    assert!(authors.len() >= 3, "several authors: {authors:?}");
    assert!(rows.iter().any(|r| r["kind"] == "workplan"));
    // The person running the demo is a lead in it, made so by the sample's lead.
    assert!(out.stdout.contains("are a lead in it"), "{}", out.stdout);
    env.udkast_in(
        &dir,
        &[
            "decide",
            "baeredygtighedsstrategi",
            "--draft",
            "7",
            "--body",
            "DIR",
            "--outcome",
            "approved",
            "--date",
            "2025-06-02",
        ],
    )
    .ok();
    env.udkast_in(&dir, &["verify"]).ok();
    assert_eq!(env.git(&dir, &["status", "--porcelain"]), "");
    env.git(&dir, &["fsck", "--strict"]);
    env.udkast(&["demo", "--dir", dir.to_str().unwrap()])
        .user_error("already exists");
}

/// The sample's history is made in its own people's names: a user whose git
/// signs every commit is not asked for their key (here signing would fail).
#[test]
fn the_demo_is_not_signed_with_the_users_key() {
    let env = Env::new();
    env.git(env.home.path(), &["config", "--global", "commit.gpgsign", "true"]);
    env.git(env.home.path(), &["config", "--global", "gpg.program", "false"]);
    let dir = env.path("demo");
    env.udkast(&["demo", "--dir", dir.to_str().unwrap()]).ok();
    // Their own saves are signed as their git says: here, refused by gpg.
    let out = env.udkast_stdin(
        &dir,
        &["save", "klimahandleplan", "-", "-m", "Ny"],
        b"# Ny plan\n",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

/// `new --file`: an existing text is draft 1, byte for byte (messy text and
/// a 500-character line included), from a file or standard input; a text
/// udkast cannot take is refused with one line and nothing is made. A new
/// work plan starts with one example action.
#[test]
fn new_with_an_existing_text_and_a_work_plan_with_an_example_action() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let text = [MESSY, long_line().as_bytes()].concat();
    std::fs::write(env.path("tekst.md"), &text).unwrap();
    let file = env.path("tekst.md");
    let out = env.udkast_in(
        &ws,
        &[
            "new",
            "program",
            "--title",
            "Program",
            "--file",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.ok().starts_with("Saved draft 1 of program"), "{}", out.stdout);
    assert_eq!(env.udkast_in(&ws, &["show", "program"]).raw_stdout, text);
    let log = env.udkast_in(&ws, &["log", "program"]).ok().to_string();
    assert_eq!(log.lines().count(), 2, "one draft: {log}");

    let out = env.udkast_stdin(
        &ws,
        &["new", "notat", "--title", "Notat", "--file", "-"],
        b"Et notat.\r\n",
    );
    assert!(out.ok().starts_with("Saved draft 1 of notat"));
    assert_eq!(
        env.udkast_in(&ws, &["show", "notat"]).raw_stdout,
        b"Et notat.\r\n"
    );

    std::fs::write(env.path("binary"), b"PK\x03\x04\x00\x00zip").unwrap();
    let binary = env.path("binary");
    env.udkast_in(
        &ws,
        &["new", "zip", "--title", "Zip", "--file", binary.to_str().unwrap()],
    )
    .user_error("binary");
    env.udkast_in(
        &ws,
        &["new", "ingen", "--title", "Ingen", "--file", "/no/such/file"],
    )
    .user_error("cannot read /no/such/file");
    let list = env.udkast_in(&ws, &["list"]).ok().to_string();
    assert!(!list.contains("zip") && !list.contains("ingen"), "{list}");

    let out = env.udkast_in(
        &ws,
        &["new", "plan", "--title", "Handleplan", "--kind", "workplan"],
    );
    assert!(out.ok().starts_with("Saved draft 1 of plan"));
    let meta = std::fs::read_to_string(ws.join("strategies/plan/strategy.toml")).unwrap();
    assert!(meta.contains("[[action]]") && meta.contains("id = 1"), "{meta}");
    assert!(
        meta.contains("status = \"planned\"") && meta.contains("due = "),
        "{meta}"
    );
    // It reads back: the workspace is valid.
    env.udkast_in(&ws, &["verify"]).ok();
}

/// A consultant keeps a work plan's actions up to date from the command line:
/// each change a draft, which `udkast diff` shows by action and field; bad
/// input is one sentence and no draft.
#[test]
fn work_plan_actions_added_changed_and_removed() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let run = |args: &[&str]| env.udkast_in(&ws, args);
    run(&["new", "plan", "--title", "Handleplan", "--kind", "workplan"]).ok();
    let out = run(&[
        "action",
        "add",
        "plan",
        "--title",
        "Cykelsti langs Fjordvejen",
        "--owner",
        "Anne Kristine Hundahl Mikkelsen",
        "--due",
        "30.06.2026",
        "--status",
        "i gang",
        "--budget",
        "1,2 mio. kr.",
        "--section",
        "Mobilitet",
    ]);
    assert!(
        out.ok()
            .starts_with("Saved action 2 \"Cykelsti langs Fjordvejen\" of plan: draft 2"),
        "{}",
        out.stdout
    );
    let out = run(&[
        "action", "set", "plan", "2", "--status", "færdig", "--due", "none",
    ]);
    assert!(out.ok().starts_with("Saved action 2"), "{}", out.stdout);
    let out = run(&["action", "remove", "plan", "1", "-m", "Eksemplet fjernet"]);
    assert!(out.ok().starts_with("Removed action 1"), "{}", out.stdout);

    let list = run(&["action", "list", "plan"]).ok().to_string();
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(
        list.contains("done") && list.contains("Anne Kristine Hundahl Mikkelsen"),
        "{list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(run(&["action", "list", "plan", "--json"]).ok()).unwrap();
    assert_eq!(json[0]["id"], 2);
    assert_eq!(json[0]["status"], "done");
    assert!(json[0].get("due").is_none(), "{json}");
    assert_eq!(json[0]["budget"], "1,2 mio. kr.");

    // Each change is a draft, and the diff names it by action and field.
    let log = run(&["log", "plan"]).ok().to_string();
    assert_eq!(log.lines().count(), 5, "{log}");
    assert!(
        log.contains("Eksemplet fjernet") && log.contains("Action 2 added: Cykelsti"),
        "{log}"
    );
    let diff = run(&["diff", "plan", "2", "3"]).ok().to_string();
    assert!(diff.contains("Actions:") && diff.contains("done"), "{diff}");
    run(&["verify"]).ok();

    // One sentence, exit 1, no draft.
    let drafts = run(&["log", "plan"]).ok().lines().count();
    run(&["action", "set", "plan", "9", "--status", "done"])
        .user_error("plan has no action 9 (its actions: 2)");
    run(&["action", "set", "plan", "2"]).user_error("give what to change");
    run(&["action", "set", "plan", "2", "--status", "måske"]).user_error("unknown status \"måske\"");
    run(&["action", "set", "plan", "2", "--due", "31-02-2026"]).user_error("is not a date");
    run(&["action", "set", "plan", "2", "--title", "To\nlinjer"]).user_error("the title must be one line");
    run(&["action", "add", "plan", "--owner", "x"]).user_error("a new action needs --title");
    run(&["action", "add", "klima", "--title", "x"])
        .user_error("only a work plan has actions; klima is a strategy");
    assert_eq!(run(&["log", "plan"]).ok().lines().count(), drafts);
}

/// Shell completions and the manual page come from the command line's own
/// definitions: bash reads the script without an error, the script knows
/// this session's commands, and `man -l` renders the page.
#[test]
fn completions_and_the_manual_page() {
    let env = Env::new();
    let bash = env.udkast(&["completions", "bash"]).ok().to_string();
    for command in ["blame", "export", "route", "action", "body"] {
        assert!(
            bash.contains(command),
            "{command} missing from the bash completions"
        );
    }
    let mut check = std::process::Command::new("bash")
        .args(["-n"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(check.stdin.as_mut().unwrap(), bash.as_bytes()).unwrap();
    assert!(check.wait().unwrap().success(), "bash -n refuses the completions");
    for shell in ["zsh", "fish"] {
        assert!(env.udkast(&["completions", shell]).ok().contains("udkast"));
    }
    env.udkast(&["completions", "tcsh"]).user_error("tcsh");

    let page = env.udkast(&["man"]).ok().to_string();
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq") || page.contains(".TH udkast 1"),
        "{page}"
    );
    let page_path = env.path("udkast.1");
    std::fs::write(&page_path, &page).unwrap();
    match std::process::Command::new("man")
        .arg("-l")
        .arg(&page_path)
        .env("MANPAGER", "cat")
        .output()
    {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && text.contains("Draft strategies and work plans"),
                "{text}"
            );
        }
        Err(_) => eprintln!("man is not installed: the manual page was not rendered (.ci/run installs it)"),
    }
}

/// Long output to a terminal goes through the user's pager (`UDKAST_PAGER`
/// before `PAGER`), as git's does; never into a pipe, not with `--no-pager`,
/// not when the pager is empty.
#[test]
fn output_pages_on_a_terminal_and_never_into_a_pipe() {
    use crate::common::pty::Tui;
    let env = Env::new();
    let ws = env.workspace("ws");
    let marked = [("UDKAST_PAGER", "sed s/^/paged:/"), ("PAGER", "sed s/^/wrong:/")];
    // The pty runs udkast as a person would, so the test says which language.
    let tui = Tui::spawn(&env, &ws, &["--lang", "en", "log", "klima"], 100, 20, &marked);
    tui.wait_for("paged:DRAFT");
    let tui = Tui::spawn(
        &env,
        &ws,
        &["--lang", "en", "log", "klima"],
        100,
        20,
        &[("PAGER", "sed s/^/paged:/")],
    );
    tui.wait_for("paged:DRAFT");
    for (args, vars) in [
        (&["--lang", "en", "--no-pager", "log", "klima"][..], &marked[..]),
        (&["--lang", "en", "log", "klima"][..], &[("PAGER", "")][..]),
    ] {
        let tui = Tui::spawn(&env, &ws, args, 100, 20, vars);
        let screen = tui.wait_until("the log", |s| s.lines().any(|l| l.starts_with("DRAFT")));
        assert!(!screen.contains("paged:"), "{args:?}: {screen}");
    }
    let piped = env
        .udkast_command(&ws)
        .args(["log", "klima"])
        .env("UDKAST_PAGER", "sed s/^/paged:/")
        .output()
        .unwrap();
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert!(piped.starts_with("DRAFT"), "{piped}");
}

/// Colour as git's `--color` and the conventions `NO_COLOR` and
/// `CLICOLOR_FORCE`: a pipe gets plain text unless asked.
#[test]
fn colour_as_asked() {
    let env = Env::new();
    let ws = env.workspace("ws");
    std::fs::write(env.path("d.md"), "# Klimaplan\n\nMålet er 70 pct.\n").unwrap();
    let file = env.path("d.md");
    env.udkast_in(
        &ws,
        &["save", "klima", "--file", file.to_str().unwrap(), "-m", "70"],
    )
    .ok();
    let diff = |args: &[&str], vars: &[(&str, &str)]| {
        let mut command = env.udkast_command(&ws);
        command.args(["diff", "klima", "1", "latest"]).args(args);
        for (k, v) in vars {
            command.env(k, v);
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    let coloured = |text: &str| text.contains("\x1b[");
    assert!(!coloured(&diff(&[], &[])));
    assert!(coloured(&diff(&["--color=always"], &[("NO_COLOR", "1")])));
    assert!(coloured(&diff(&[], &[("CLICOLOR_FORCE", "1")])));
    assert!(!coloured(&diff(&[], &[("CLICOLOR_FORCE", "0")])));
    assert!(!coloured(&diff(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    assert!(!coloured(&diff(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    )));
    env.udkast_in(&ws, &["diff", "klima", "1", "--color=sometimes"])
        .user_error("invalid value 'sometimes' for '--color <WHEN>'");
}

/// `udkast --version` names the commit it was built from.
#[test]
fn the_version_names_its_commit() {
    let env = Env::new();
    let out = env.udkast(&["--version"]).ok().to_string();
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let head = String::from_utf8(head.stdout).unwrap();
    assert_eq!(
        out,
        format!("udkast {} ({})\n", env!("CARGO_PKG_VERSION"), head.trim())
    );
}
