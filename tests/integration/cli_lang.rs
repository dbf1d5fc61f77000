//! The command line in Danish: `--lang da`, and a Danish workspace with no
//! `--lang` at all. What a person reads is Danish; what a script reads
//! (`--json`, `show` into a pipe) is the same in both languages.

use std::path::Path;

use crate::common::{Env, Run};

/// `udkast` in `cwd` with `args` and nothing saying which language: the
/// harness's environment, without its `--lang en`.
fn udkast_unasked(env: &Env, cwd: &Path, args: &[&str]) -> Run {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_udkast"))
        .current_dir(cwd)
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join(".config"))
        .env("XDG_STATE_HOME", env.home.path().join(".state"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        // The locale says English: the workspace's Danish comes first.
        .env("LC_ALL", "en_GB.UTF-8")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("GIT_DIR")
        .env_remove("PAGER")
        .env_remove("UDKAST_PAGER")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw_stdout: out.stdout,
    }
}

/// `udkast --lang da ARGS…` in `ws`.
fn dansk(env: &Env, ws: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--lang", "da"];
    all.extend_from_slice(args);
    env.udkast_in(ws, &all)
}

/// Whether `s` has a date written `DD-MM-YYYY`.
fn has_danish_date(s: &str) -> bool {
    s.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| match i {
            2 | 5 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
    })
}

/// Where each of `words` starts in `line`, in characters.
fn columns(line: &str, words: &[&str]) -> Vec<usize> {
    words
        .iter()
        .map(|w| {
            let byte = line.find(w).unwrap_or_else(|| panic!("{w:?} in {line:?}"));
            line[..byte].chars().count()
        })
        .collect()
}

#[test]
fn save_log_and_list_speak_danish_with_lang_da() {
    let env = Env::new();
    let ws = env.workspace("ws");
    std::fs::write(env.path("udkast.md"), "# Klimaplan 2030\n\nMere tekst.\n").unwrap();
    let file = env.path("udkast.md");
    let saved = dansk(
        &env,
        &ws,
        &[
            "save",
            "klima",
            "--file",
            file.to_str().unwrap(),
            "-m",
            "Anden tekst",
        ],
    );
    assert!(
        saved.ok().starts_with("Gemte udkast 2 af klima som "),
        "{}",
        saved.stdout
    );

    let log = dansk(&env, &ws, &["log", "klima"]).ok().to_string();
    let lines: Vec<&str> = log.lines().collect();
    assert!(lines[0].starts_with("UDKAST  COMMIT"), "{log}");
    assert!(
        lines[0].contains("DATO") && lines[0].contains("FORFATTER"),
        "{log}"
    );
    assert!(lines[0].ends_with("BESKED"), "{log}");
    assert!(has_danish_date(lines[1]), "{log}");

    let list = dansk(&env, &ws, &["list"]).ok().to_string();
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines[0].starts_with("SLUG   TYPE"), "{list}");
    // The Danish words are longer; the columns still line up.
    assert_eq!(
        columns(lines[0], &["TYPE", "FORFATTER", "TITEL"]),
        columns(lines[1], &["strategi", crate::common::NAME, "Klimaplan"]),
        "{list}"
    );
    assert!(has_danish_date(lines[1]), "{list}");

    // What scripts read is the same in both languages.
    let json = dansk(&env, &ws, &["list", "--json"]).ok().to_string();
    assert_eq!(json, env.udkast_in(&ws, &["list", "--json"]).ok());
    assert!(json.contains("\"kind\": \"strategy\""), "{json}");
}

#[test]
fn status_and_a_decision_in_danish() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let status = dansk(&env, &ws, &["status", "klima"]).ok().to_string();
    assert!(status.starts_with("Klimaplan 2030 (klima) — forløb "), "{status}");
    assert!(status.contains("; aktuelt udkast 1\n"), "{status}");
    assert!(status.lines().nth(2).unwrap().starts_with("UDKAST"), "{status}");
    assert!(status.contains("✓ Godkendt"), "{status}");

    let decided = dansk(
        &env,
        &ws,
        &[
            "decide",
            "klima",
            "--draft",
            "1",
            "--body",
            "DIR",
            "--outcome",
            "approved",
            "--date",
            "2025-01-28",
            "-m",
            "Godkendt uden bemærkninger.",
        ],
    );
    assert!(
        decided
            .ok()
            .starts_with("Registrerede DIR Godkendt om udkast 1 af klima, møde 28. januar 2025, som "),
        "{}",
        decided.stdout
    );
    let status = dansk(&env, &ws, &["status", "klima"]).ok().to_string();
    assert!(status.contains("MØDE"), "{status}");
    assert!(status.contains("REGISTRERET AF"), "{status}");
    assert!(status.contains("28-01-2025"), "{status}");
    assert!(
        status.contains("DIR Godkendt udkast 1 den 28. januar 2025:"),
        "{status}"
    );

    let all = dansk(&env, &ws, &["status"]).ok().to_string();
    assert!(all.starts_with("SLUG   UDKAST  STATUS"), "{all}");
    // The JSON's summary is for scripts: English in both.
    let json = dansk(&env, &ws, &["status", "klima", "--json"]).ok().to_string();
    assert_eq!(json, env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    assert!(json.contains("\"summary\": \"DIR approved draft 1"), "{json}");
}

#[test]
fn errors_in_danish() {
    let env = Env::new();
    let ws = env.workspace("ws");
    dansk(
        &env,
        &ws,
        &["comment", "add", "klima", "--lines", "0-2", "-m", "Hej"],
    )
    .user_error("udkast: linjerne er nummereret fra 1");
    dansk(&env, &ws, &["save", "klima", "-m", "Tekst"])
        .user_error("angiv teksten med --file FIL eller - for standard input (ikke begge)");
    dansk(&env, &ws, &["action", "set", "klima", "1"]).user_error("angiv, hvad der skal ændres");
    // The same in English, as it was.
    env.udkast_in(&ws, &["comment", "add", "klima", "--lines", "0-2", "-m", "Hej"])
        .user_error("udkast: lines are numbered from 1");
}

#[test]
fn a_danish_workspace_speaks_danish_without_lang() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let log = udkast_unasked(&env, &ws, &["log", "klima"]);
    assert!(log.ok().starts_with("UDKAST  COMMIT"), "{}", log.stdout);
    let list = udkast_unasked(&env, &ws, &["list"]);
    assert!(list.ok().contains("strategi"), "{}", list.stdout);
    udkast_unasked(
        &env,
        &ws,
        &["comment", "add", "klima", "--lines", "3-1", "-m", "Hej"],
    )
    .user_error("linjeintervallet 3-1 går baglæns; skriv det som 1-3");
    // `--lang en` still wins over the workspace.
    let log = udkast_unasked(&env, &ws, &["--lang", "en", "log", "klima"]);
    assert!(log.ok().starts_with("DRAFT  COMMIT"), "{}", log.stdout);
}

/// `--help` is in the language found before parsing: the commands' and
/// the arguments' texts, and clap's headings.
#[test]
fn help_in_danish_and_english() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let top = dansk(&env, &ws, &["--help"]);
    assert!(
        top.ok()
            .contains("show         Skriv teksten i et udkast ud, byte for byte"),
        "{}",
        top.stdout
    );
    assert!(top.stdout.contains("Kommandoer:"), "{}", top.stdout);
    let show = dansk(&env, &ws, &["show", "--help"]);
    assert!(
        show.ok()
            .contains("Udkastets nummer, dets commit og teksten som JSON"),
        "{}",
        show.stdout
    );
    assert!(show.stdout.contains("Brug: udkast show"), "{}", show.stdout);

    let english = env.udkast_in(&ws, &["--lang", "en", "--help"]);
    assert!(
        english.ok().contains("Print the text of a draft, byte for byte"),
        "{}",
        english.stdout
    );
    assert!(english.stdout.contains("\nUsage: udkast"), "{}", english.stdout);
    assert!(!english.stdout.contains("Skriv"), "{}", english.stdout);
}

/// Without `--lang`, `--help` speaks the workspace's Danish, found through
/// `--repo` from a folder outside it too; outside any workspace the
/// locale's English.
#[test]
fn help_in_the_workspace_s_language_without_lang() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let here = udkast_unasked(&env, &ws, &["diff", "--help"]);
    assert!(here.ok().contains("Den ældre version"), "{}", here.stdout);
    let outside = env.root.path();
    let repo = ws.to_str().unwrap();
    let there = udkast_unasked(&env, outside, &["--repo", repo, "log", "-h"]);
    assert!(there.ok().contains("Vis et dokuments udkast"), "{}", there.stdout);
    let joined = format!("--repo={repo}");
    let there = udkast_unasked(&env, outside, &[&joined, "log", "-h"]);
    assert!(there.ok().contains("Vis et dokuments udkast"), "{}", there.stdout);
    let english = udkast_unasked(&env, outside, &["log", "-h"]);
    assert!(
        english.ok().contains("List the drafts of a document"),
        "{}",
        english.stdout
    );
}
