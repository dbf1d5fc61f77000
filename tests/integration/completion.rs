//! Completion of what only the workspace knows: the scripts `udkast
//! completions` prints ask `udkast __complete` for documents, drafts and
//! bodies, and fall back to clap's own completion elsewhere.

use crate::common::Env;

/// `__complete` answers one value per line, with what it is after a tab.
#[test]
fn the_workspace_completes_documents_drafts_and_bodies() {
    let env = Env::new();
    let ws = env.workspace("ws");
    env.udkast_in(&ws, &["new", "plan", "--title", "Plan for Åby"])
        .ok();
    let documents = env.udkast_in(&ws, &["__complete", "--", "show"]).ok().to_string();
    assert_eq!(documents, "klima\tKlimaplan 2030\nplan\tPlan for Åby\n");
    let drafts = env
        .udkast_in(&ws, &["__complete", "--", "diff", "klima", "1"])
        .ok()
        .to_string();
    assert!(
        drafts.starts_with("latest\tthe latest draft\napproved\t"),
        "{drafts}"
    );
    assert!(drafts.lines().any(|l| l.starts_with("1\t")), "{drafts}");
    let bodies = env
        .udkast_in(&ws, &["__complete", "--", "decide", "klima", "--body"])
        .ok()
        .to_string();
    assert!(bodies.lines().any(|l| l.starts_with("DIR\t")), "{bodies}");
    // Nothing to offer: a new document's name, a finished command.
    for words in [&["new"][..], &["show", "klima"], &["__complete"]] {
        let mut args = vec!["__complete", "--"];
        args.extend_from_slice(words);
        assert_eq!(env.udkast_in(&ws, &args).ok().to_string(), "", "{words:?}");
    }
}

/// Bash, given the script, completes a document after `show` and a body
/// after `--body`, and still completes commands through clap's part.
#[test]
fn bash_completes_from_the_workspace() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let script = env.path("udkast.bash");
    std::fs::write(&script, env.udkast(&["completions", "bash"]).ok()).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_udkast"))
        .parent()
        .unwrap();
    let complete = |line: &str| -> String {
        let program = r#"source "$1"; read -ra COMP_WORDS <<< "$2"; [[ "$2" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$2"; COMP_POINT=${#2}; _udkast_workspace udkast; printf '%s\n' "${COMPREPLY[@]}""#;
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let out = std::process::Command::new("bash")
            .args(["-c", program, "bash"])
            .arg(&script)
            .arg(line)
            .current_dir(&ws)
            .env("HOME", env.home.path())
            .env("XDG_CONFIG_HOME", env.home.path().join(".config"))
            .env("PATH", path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("udkast show "), "klima\n");
    assert_eq!(complete("udkast show kl"), "klima\n");
    assert!(
        complete("udkast decide klima --body ")
            .lines()
            .any(|l| l == "DIR")
    );
    assert!(complete("udkast sta").lines().any(|l| l == "status"));
}
