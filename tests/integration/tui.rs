//! End-to-end tests of the terminal interface: the real binary in a
//! pseudo-terminal, its screen parsed with vt100.

use std::time::{Duration, Instant};

use crate::common::Env;
use crate::common::pty::{Tui, keys};

/// The autosave of `slug` (one editing session's: `<slug>.<session>.md`).
fn autosave_file(env: &Env, slug: &str) -> Option<std::path::PathBuf> {
    let dir = env.home.path().join(".state/udkast/autosave");
    let ws = std::fs::read_dir(&dir).ok()?.flatten().next()?.path();
    let prefix = format!("{slug}.");
    std::fs::read_dir(ws).ok()?.flatten().map(|e| e.path()).find(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        name.starts_with(&prefix) && name.ends_with(".md")
    })
}

/// A new workspace and udkast running on it with `klima` open in the editor.
fn editing_klima(env: &Env) -> (std::path::PathBuf, Tui) {
    let ws = env.workspace("ws");
    let mut tui = Tui::spawn(env, &ws, &[], 80, 24, &[]);
    tui.wait_for("Klimaplan 2030");
    tui.send(keys::ENTER);
    tui.wait_for("udkast 1");
    (ws, tui)
}

#[test]
fn open_edit_save_a_draft_and_see_it_in_the_log() {
    let env = Env::new();
    let (ws, mut tui) = editing_klima(&env);
    tui.send(keys::CTRL_END);
    tui.type_text("Ny sætning om bæredygtighed.");
    tui.wait_for("Ny sætning om bæredygtighed.");
    tui.wait_for("· ændret");
    tui.send(keys::CTRL_S);
    tui.wait_for("Besked til udkastet");
    tui.type_text("Skrevet i udkast");
    tui.send(keys::ENTER);
    tui.wait_for("Gemte udkast 2 af klima");
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);

    let log = env.udkast_in(&ws, &["log", "klima"]).ok().to_string();
    assert!(log.lines().nth(1).unwrap().contains("Skrevet i udkast"), "{log}");
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima"]).stdout,
        "# Klimaplan 2030\nNy sætning om bæredygtighed."
    );
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
    assert!(
        autosave_file(&env, "klima").is_none(),
        "a saved draft leaves no autosave"
    );
}

/// A bracketed paste as xterm, VTE and tmux send it (lines ending in CR) is
/// saved with the document's own line ends: no `^M` on screen or in git.
#[test]
fn a_paste_with_carriage_returns_is_saved_with_line_feeds() {
    let env = Env::new();
    let (ws, mut tui) = editing_klima(&env);
    tui.send(keys::CTRL_END);
    tui.send("\x1b[200~\rFørste linje\rAnden linje\r\x1b[201~".as_bytes());
    tui.wait_for("Anden linje");
    assert!(!tui.screen().contains("^M"), "{}", tui.screen());
    tui.send(keys::CTRL_S);
    tui.wait_for("Besked til udkastet");
    tui.type_text("Indsat");
    tui.send(keys::ENTER);
    tui.wait_for("Gemte udkast 2 af klima");
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima"]).stdout,
        "# Klimaplan 2030\n\nFørste linje\nAnden linje\n"
    );
}

#[test]
fn sighup_mid_edit_then_reopen_and_recover() {
    let env = Env::new();
    let (ws, mut tui) = editing_klima(&env);
    tui.send(keys::CTRL_END);
    tui.type_text("Tekst der ikke må gå tabt");
    tui.wait_for("Tekst der ikke må gå tabt");
    // The connection drops: SIGHUP. The text must already be (or now be) kept.
    tui.signal("HUP");
    tui.wait_exit();
    let kept = autosave_file(&env, "klima").expect("an autosave after SIGHUP");
    assert!(
        std::fs::read_to_string(kept)
            .unwrap()
            .contains("Tekst der ikke må gå tabt")
    );

    let mut tui = Tui::spawn(&env, &ws, &[], 80, 24, &[]);
    tui.wait_for("Klimaplan 2030");
    tui.send(keys::ENTER);
    let screen = tui.wait_for("Ugemt tekst fundet");
    assert!(
        screen.contains("+ # Klimaplan 2030Tekst der ikke må gå tabt") || screen.contains("Tekst der ikke"),
        "{screen}"
    );
    tui.send(b"r");
    tui.wait_for("Gendannede");
    tui.send(keys::CTRL_S);
    tui.wait_for("Besked til udkastet");
    tui.type_text("Gendannet");
    tui.send(keys::ENTER);
    tui.wait_for("Gemte udkast 2");
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);
    assert!(
        env.udkast_in(&ws, &["show", "klima"])
            .stdout
            .contains("Tekst der ikke må gå tabt")
    );
}

#[test]
fn kill_9_loses_at_most_a_second() {
    let env = Env::new();
    let (_ws, mut tui) = editing_klima(&env);
    tui.type_text("Hurtigt skrevet");
    tui.wait_for("Hurtigt skrevet");
    // Within a second of the last key the autosave holds it, even without a signal handler running.
    let deadline = Instant::now() + Duration::from_millis(1000);
    let mut kept = false;
    while Instant::now() < deadline {
        if autosave_file(&env, "klima")
            .is_some_and(|f| std::fs::read_to_string(f).unwrap().contains("Hurtigt skrevet"))
        {
            kept = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    tui.signal("KILL");
    tui.wait_exit();
    assert!(kept, "the autosave had the text within one second");
}

#[test]
fn escape_sequences_in_a_document_are_inert() {
    let env = Env::new();
    let ws = env.workspace("ws");
    std::fs::write(
        ws.join("strategies/klima/document.md"),
        "# Klimaplan 2030\nFarlig \x1b]0;pwned\x07 og \x1b[2J tekst\n",
    )
    .unwrap();
    env.git(&ws, &["commit", "-qam", "Farlig \x1b[31m besked"]);
    let mut tui = Tui::spawn(&env, &ws, &[], 80, 24, &[]);
    tui.wait_for("Klimaplan 2030");
    tui.send(keys::ENTER);
    let screen = tui.wait_for("Farlig");
    assert!(screen.contains("Farlig ^[]0;pwned^G og ^[[2J tekst"), "{screen}");
    let raw = tui.raw();
    assert!(
        !raw.windows(9).any(|w| w == b"\x1b]0;pwned"),
        "the title sequence reached the terminal"
    );
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn resize_down_to_10x3_and_back() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let mut tui = Tui::spawn(&env, &ws, &[], 80, 24, &[]);
    tui.wait_for("Klimaplan 2030");
    tui.resize(10, 3);
    tui.wait_for("for lille");
    tui.resize(120, 40);
    tui.wait_for("Klimaplan 2030");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn help_lists_the_bindings_and_no_color_sends_no_colours() {
    without_colours(&[], &[("NO_COLOR", "1")]);
}

/// `--color never` turns the screens' colours off as `NO_COLOR` does, and
/// wins over `CLICOLOR_FORCE`.
#[test]
fn color_never_sends_no_colours() {
    without_colours(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]);
}

/// Opens help in the TUI started with `args` and `vars`; no colour is sent.
fn without_colours(args: &[&str], vars: &[(&str, &str)]) {
    let env = Env::new();
    let ws = env.workspace("ws");
    let mut tui = Tui::spawn(&env, &ws, args, 100, 30, vars);
    tui.wait_for("Klimaplan 2030");
    tui.send(b"?");
    let screen = tui.wait_for("screen-overview");
    assert!(screen.contains("Hjælp — j/k rul"), "{screen}");
    tui.send(keys::ESC);
    // A lone Esc followed at once by q would read as alt-q, as in any terminal.
    std::thread::sleep(std::time::Duration::from_millis(150));
    tui.wait_for("Klimaplan 2030");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    for colour in [
        "\x1b[38;", "\x1b[48;", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m", "\x1b[36m",
    ] {
        assert!(!raw.contains(colour), "output without colour contains {colour:?}");
    }
}

#[test]
fn two_editors_warn_each_other() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let mut first = Tui::spawn(&env, &ws, &[], 120, 24, &[]);
    first.wait_for("Klimaplan 2030");
    first.send(keys::ENTER);
    first.wait_for("udkast 1");
    let mut second = Tui::spawn(&env, &ws, &[], 120, 24, &[]);
    second.wait_for("Klimaplan 2030");
    second.send(keys::ENTER);
    second.wait_for("redigerer også dette dokument");
    first.wait_for("redigerer også dette dokument");
    first.send(keys::CTRL_Q);
    second.send(keys::CTRL_Q);
    assert_eq!(first.wait_exit(), 0);
    assert_eq!(second.wait_exit(), 0);
}

#[test]
fn a_bad_keymap_is_an_error_before_the_screen_opens() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let config = env.home.path().join(".config/udkast");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys.document]\n\"ctrl-s\" = \"save-everything\"\n",
    )
    .unwrap();
    let out = env.udkast_in(&ws, &[]);
    // Without a terminal it refuses; the keymap is checked first in a terminal.
    assert_eq!(out.code, 1);
    let mut tui = Tui::spawn(&env, &ws, &[], 80, 24, &[]);
    assert_eq!(tui.wait_exit(), 1);
    // The reader thread may still be catching up with the last bytes.
    tui.wait_for("ukendt handling \"save-everything\"");
}

#[test]
fn a_reviewer_steps_through_every_draft_and_compares_draft_1_with_the_latest() {
    let env = Env::new();
    let ws = env.path("demo");
    env.udkast(&["demo", "--dir", ws.to_str().unwrap()]).ok();
    let mut tui = Tui::spawn(&env, &ws, &[], 120, 40, &[]);
    tui.wait_for("Bæredygtighedsstrategi 2025–2030");
    tui.send(b"j");
    tui.send(b"3");
    tui.wait_for("udkast 6 → udkast 7");
    for (from, to) in [(5, 6), (4, 5), (3, 4), (2, 3), (1, 2)] {
        tui.send(b"j");
        tui.wait_for(&format!("udkast {from} → udkast {to}"));
    }
    // Draft 2 sharpened the targets: the word view shows the changed numbers.
    let screen = tui.wait_for("50");
    assert!(screen.contains("70"), "{screen}");
    tui.send(b"j");
    tui.wait_for("intet → udkast 1");
    // Mark draft 1, go to the latest: the diff is draft 1 → draft 7.
    tui.send(b"m");
    tui.send(b"gg");
    tui.wait_for("udkast 1 → udkast 7");
    tui.send(b"v");
    tui.wait_for("samlet visning");
    tui.send(b"s");
    tui.wait_for("Ændrede afsnit");
    tui.send(keys::ESC);
    std::thread::sleep(std::time::Duration::from_millis(150));
    // q goes back to the overview, and from there quits.
    tui.send(b"q");
    tui.wait_for("4 af 4 dokumenter");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn comment_reply_and_resolve_in_the_terminal() {
    let env = Env::new();
    let (ws, mut tui) = editing_klima(&env);
    // Ctrl-T: a thread on the cursor's line of the saved draft.
    tui.send(b"\x14");
    tui.wait_for("Kommentar til linje 1 i udkast 1");
    tui.type_text("Er titlen endelig?");
    tui.send(keys::ENTER);
    tui.wait_for("Startede tråd");
    tui.wait_for("»");
    // Alt-C opens it in the review screen; reply, then resolve.
    tui.send(b"\x1bc");
    tui.wait_for("Er titlen endelig?");
    tui.send(b"r");
    tui.wait_for("Svar:");
    tui.type_text("Ja, vedtaget i DIR.");
    tui.send(keys::ENTER);
    tui.wait_for("Svarede");
    // x asks for an optional closing word; Enter on nothing resolves.
    tui.send(b"x");
    tui.wait_for("et afsluttende ord (valgfrit)");
    tui.send(keys::ENTER);
    tui.wait_for("Løste tråden");
    // From the history: Tab puts a line cursor in the diff, c comments on its
    // line of the draft shown (the document has one line).
    tui.send(b"3");
    tui.wait_for("intet → udkast 1");
    tui.send(b"\t");
    tui.wait_for("· linje 1");
    tui.send(b"c");
    tui.wait_for("Kommentar til linje 1 i udkast 1");
    tui.type_text("Mangler en undertitel?");
    tui.send(keys::ENTER);
    tui.wait_for("Startede tråd");
    tui.wait_for("»");
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);
    let json: serde_json::Value = serde_json::from_str(
        env.udkast_in(&ws, &["comment", "list", "klima", "--all", "--json"])
            .ok(),
    )
    .unwrap();
    let threads = json.as_array().unwrap();
    assert_eq!(threads.len(), 2, "{json:#}");
    // Both are on line 1; made in the same second they may be listed either way.
    let with = |status: &str| threads.iter().find(|t| t["status"] == status).expect(status);
    let thread = with("resolved");
    assert_eq!(thread["messages"].as_array().unwrap().len(), 2, "{json:#}");
    assert_eq!(with("open")["draft"], 1, "{json:#}");
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
}

/// A comment of several lines typed in the terminal (Alt-Enter and Ctrl-J
/// make new lines, Enter sends) is kept line for line: `comment show` prints
/// each, and the short id the terminal and `comment list` show is what
/// `comment reply` takes.
#[test]
fn a_comment_of_several_lines_from_the_terminal_round_trips_by_its_short_id() {
    let env = Env::new();
    let (ws, mut tui) = editing_klima(&env);
    tui.send(b"\x14");
    tui.wait_for("Kommentar til linje 1 i udkast 1");
    tui.type_text("Er titlen endelig?");
    tui.send(b"\x1b\r");
    tui.type_text("Og undertitlen?");
    tui.send(b"\n");
    tui.type_text("Mvh. Aisha");
    // The three lines, one under the other, above the prompt's keys.
    let lines = [
        "Og undertitlen?",
        "Mvh. Aisha",
        " Enter send · Alt-Enter eller Ctrl-J ny linje",
    ];
    tui.wait_until("the comment's three lines", |screen| {
        let rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
        rows.iter()
            .position(|r| r.ends_with("Kommentar til linje 1 i udkast 1: Er titlen endelig?"))
            .and_then(|at| rows.get(at + 1..at + 4))
            .is_some_and(|next| next.iter().zip(lines).all(|(r, l)| r.starts_with(l)))
    });
    tui.send(keys::ENTER);
    let screen = tui.wait_until("the new thread's id", |s| {
        s.contains("Startede tråd ") && s.contains(" til linje 1 i udkast 1")
    });
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);

    let list = env.udkast_in(&ws, &["comment", "list", "klima"]).ok().to_string();
    let row = list.lines().nth(1).expect(&list);
    let short = row.split_whitespace().next().unwrap();
    assert!(
        short.len() == 7 && short.bytes().all(|b| b.is_ascii_hexdigit()),
        "{list}"
    );
    assert!(
        row.ends_with("Er titlen endelig?"),
        "the first line in the list: {list}"
    );
    assert!(
        screen.contains(&format!("Startede tråd {short} til linje 1")),
        "{screen}"
    );
    let out = env
        .udkast_in(
            &ws,
            &[
                "comment",
                "reply",
                "klima",
                short,
                "-m",
                "Ja.\nUndertitlen kommer.",
            ],
        )
        .ok()
        .to_string();
    assert!(
        out.starts_with(&format!("Replied to comment {short} on klima (1 reply)")),
        "{out}"
    );
    let shown = env
        .udkast_in(&ws, &["comment", "show", "klima", short])
        .ok()
        .to_string();
    assert!(
        shown.starts_with(&format!("comment {short} on klima, open\n")),
        "{shown}"
    );
    assert!(
        shown.contains(":\n    Er titlen endelig?\n    Og undertitlen?\n    Mvh. Aisha\n"),
        "{shown}"
    );
    assert!(
        shown.ends_with(":\n    Ja.\n    Undertitlen kommer.\n"),
        "{shown}"
    );
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
}

/// Editing draft 2 while another person saves draft 3 from the command
/// line: the editor says draft 3 is the latest within seconds, ctrl-u brings
/// the edit onto it, and saving makes draft 4 with both changes. An edit of
/// the same passage brings up the passages to choose from, on ctrl-u and on
/// a save that clashes.
#[test]
fn a_draft_saved_elsewhere_is_noticed_and_the_edit_brought_onto_it() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let text = "# Klimaplan 2030\n\nFørste afsnit.\n\nAndet afsnit.\n\nTredje afsnit.\n";
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "Tre afsnit"], text.as_bytes())
        .ok();
    let mut tui = Tui::spawn(&env, &ws, &[], 80, 24, &[]);
    tui.wait_for("Klimaplan 2030");
    tui.send(keys::ENTER);
    tui.wait_for("udkast 2");
    tui.send(keys::CTRL_END);
    tui.type_text("Min linje.");
    tui.wait_for("Min linje.");
    // Another person saves from the command line.
    let save_elsewhere = |text: &str, message: &str| {
        env.udkast_stdin(&ws, &["save", "klima", "-", "-m", message], text.as_bytes())
            .ok();
    };
    let theirs = text.replace("Første afsnit.", "Deres første afsnit.");
    save_elsewhere(&theirs, "Deres ændring");
    tui.wait_for("Udkast 3 er det seneste");
    tui.send(keys::CTRL_U);
    tui.wait_for("Din tekst er nu på udkast 3");
    tui.wait_for("Deres første afsnit.");
    tui.send(keys::CTRL_S);
    tui.wait_for("Besked til udkastet");
    tui.type_text("Min tilføjelse");
    tui.send(keys::ENTER);
    tui.wait_for("Gemte udkast 4 af klima");
    // Now both change the same passage.
    tui.send(keys::CTRL_HOME);
    tui.type_text("Min titel ");
    let clash = format!(
        "{}Min linje.\n",
        theirs.replace("# Klimaplan 2030", "# Deres titel")
    );
    save_elsewhere(&clash, "Deres titel");
    tui.wait_for("Udkast 5 er det seneste");
    tui.send(keys::CTRL_U);
    // The passage both changed comes up three ways; take mine.
    tui.wait_for("har begge ændret 1 passage");
    tui.wait_for("Deres: udkast 5");
    tui.send(b"y");
    tui.wait_for("✓ Din");
    tui.send(keys::ENTER);
    tui.wait_for("Din tekst er nu på udkast 5 med de passager, du valgte");
    tui.wait_for("Min titel # Klimaplan 2030");
    // Both change the last line again, and the save itself clashes: the
    // passages come up, both are taken, and Enter saves the draft.
    tui.send(keys::CTRL_END);
    tui.type_text(" Mere.");
    let last = format!("{}Deres sidste linje.\n", clash.trim_end_matches("Min linje.\n"));
    save_elsewhere(&last, "Deres sidste linje");
    tui.send(keys::CTRL_S);
    tui.wait_for("Besked til udkastet");
    tui.type_text("Min sidste linje");
    tui.send(keys::ENTER);
    tui.wait_for("har begge ændret 1 passage");
    tui.send(b"b");
    tui.send(keys::ENTER);
    tui.wait_for("Gemte udkast 7 af klima");
    tui.send(keys::CTRL_Q);
    assert_eq!(tui.wait_exit(), 0);
    let shown = |draft: &str| {
        env.udkast_in(&ws, &["show", "klima", "--draft", draft])
            .ok()
            .to_string()
    };
    let four = shown("4");
    assert!(
        four.contains("Deres første afsnit.") && four.contains("Min linje."),
        "{four}"
    );
    let seven = shown("7");
    assert!(seven.starts_with("Min titel # Klimaplan 2030\n"), "{seven}");
    // Typed on the empty last line: mine, a line end, theirs.
    assert!(
        seven.ends_with("Min linje.\n Mere.\nDeres sidste linje.\n"),
        "{seven}"
    );
}

/// `e` in the history asks for a file, offering a name; the PDF written is
/// the newer draft with the changes since the older, and the status line
/// says so.
#[test]
fn a_lead_exports_the_compared_drafts_from_the_history() {
    let env = Env::new();
    let ws = env.path("demo");
    env.udkast(&["demo", "--dir", ws.to_str().unwrap()]).ok();
    let mut tui = Tui::spawn(&env, &ws, &[], 80, 24, &[("NO_COLOR", "1")]);
    tui.wait_for("4 af 4 dokumenter");
    tui.send(b"j");
    tui.send(b"3");
    tui.wait_for("udkast 6 → udkast 7");
    tui.send(b"e");
    tui.wait_for("Eksportér udkast 7, ændringer siden udkast 6");
    // Erase the offered name.
    for _ in 0..40 {
        tui.send(b"\x7f");
    }
    let out = env.path("bilag.pdf");
    tui.send(out.to_str().unwrap().as_bytes());
    tui.send(b"\r");
    let screen = tui.wait_for("(PDF, ");
    assert!(screen.contains("skrev "), "{screen}");
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    tui.send(b"q");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

/// A Danish workspace speaks Danish without any setting, the locale
/// included; `--lang en` or `language = "en"` in the user's config.toml
/// switches to English.
#[test]
fn the_screens_speak_the_workspaces_language_unless_told() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let shown = |args: &[&str], vars: &[(&str, &str)], needle: &str| {
        let mut tui = Tui::spawn(&env, &ws, args, 100, 24, vars);
        tui.wait_for(needle);
        tui.send(keys::CTRL_Q);
        assert_eq!(tui.wait_exit(), 0);
    };
    shown(&[], &[("LANG", "en_US.UTF-8")], "1 Oversigt");
    shown(&["--lang", "en"], &[], "1 Overview");
    let config = env.home.path().join(".config/udkast");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "language = \"en\"\n").unwrap();
    shown(&[], &[], "1 of 1 document");
    shown(&["--lang", "da"], &[], "1 af 1 dokument");
    env.udkast_in(&ws, &["--lang", "fr", "list"])
        .user_error("udkast speaks da (Danish) and en (English)");
}
