//! Helpers for the approval tests: drafts, decisions and files written the way
//! udkast and plain git users write them.

use std::path::Path;

use super::Env;

/// Saves `text` as a new draft of `klima`.
pub fn save(env: &Env, ws: &Path, text: &str, message: &str) {
    let file = env.path("draft.md");
    std::fs::write(&file, text).unwrap();
    env.udkast_in(
        ws,
        &["save", "klima", "--file", file.to_str().unwrap(), "-m", message],
    )
    .ok();
}

/// Records a decision on draft `draft` of `klima`; returns what udkast printed.
pub fn decide(env: &Env, ws: &Path, draft: &str, body: &str, outcome: &str, date: &str) -> String {
    decide_with(env, ws, draft, body, outcome, date, &[])
}

/// [`decide`] with more arguments (`--item`, `--case`, `-m`).
pub fn decide_with(
    env: &Env,
    ws: &Path,
    draft: &str,
    body: &str,
    outcome: &str,
    date: &str,
    more: &[&str],
) -> String {
    let mut args = vec![
        "decide",
        "klima",
        "--draft",
        draft,
        "--body",
        body,
        "--outcome",
        outcome,
        "--date",
        date,
    ];
    args.extend_from_slice(more);
    env.udkast_in(ws, &args).ok().to_string()
}

/// Parses JSON output.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// Records DIR, ØKE approved on draft `n`; BYR adopted when `adopt`.
pub fn approve(env: &Env, ws: &Path, n: &str, adopt: bool) {
    decide(env, ws, n, "DIR", "approved", "2025-02-25");
    decide(env, ws, n, "ØKE", "approved", "2025-03-10");
    if adopt {
        decide(env, ws, n, "BYR", "adopted", "2025-03-26");
    }
}

/// A decision file as plain git users could write it.
pub fn decision_file(body: &str, draft: u32, commit: &str, name: &str, email: &str) -> String {
    format!(
        "format = 1\nbody = \"{body}\"\ndraft = {draft}\ncommit = \"{commit}\"\noutcome = \"approved\"\n\
         meeting = \"2025-02-01\"\nrecorded_at = \"2025-02-01T12:00:00Z\"\n\n[recorded_by]\nname = \"{name}\"\nemail = \"{email}\"\n"
    )
}

pub fn commit_file(env: &Env, ws: &Path, id: &str, text: &str, author: Option<&str>) {
    let path = format!("strategies/klima/decisions/{id}.toml");
    let full = ws.join(&path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, text).unwrap();
    env.git(ws, &["add", &path]);
    let mut args = vec!["commit", "-q", "-m", "Beslutning"];
    let who;
    if let Some(author) = author {
        who = author.to_string();
        args.extend(["--author", &who]);
    }
    env.git(ws, &args);
}

/// Makes an ed25519 key pair at `path` (and `path.pub`) with ssh-keygen;
/// false when ssh-keygen is not there.
pub fn ssh_keygen(path: &Path) -> bool {
    std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}
