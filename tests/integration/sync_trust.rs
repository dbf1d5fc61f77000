//! A sync's merge commit answers only for what it changed itself: a lead's
//! route change and decision made in one clone and merged by a consultant
//! in another still verify; a consultant's own route change does not, in
//! the commit that made it.

use std::path::{Path, PathBuf};

use crate::common::Env;

/// A workspace `here` with a bare remote it was cloned to, and a second
/// clone of that remote, `there`.
fn here_and_there(env: &Env, here: &str, there: &str) -> (PathBuf, PathBuf) {
    let here = env.workspace(here);
    let remote = env.clone_bare(&here, "remote.git");
    env.git(&here, &["remote", "add", "origin", remote.to_str().unwrap()]);
    let there = env.path(there);
    env.git(
        env.root.path(),
        &["clone", "-q", remote.to_str().unwrap(), there.to_str().unwrap()],
    );
    (here, there)
}

/// Saves `text` as the next draft of klima in `ws`.
fn save(env: &Env, ws: &Path, text: &str, message: &str) {
    env.udkast_stdin(ws, &["save", "klima", "-", "-m", message], text.as_bytes())
        .ok();
}

#[test]
fn a_merge_by_a_consultant_carries_a_leads_changes_without_blame() {
    let env = Env::new();
    let (lead, consultant) = here_and_there(&env, "lead", "consultant");
    env.git(&lead, &["fetch", "-q", "origin"]);
    env.git(&consultant, &["config", "user.name", "Bo Konsulent"]);
    env.git(&consultant, &["config", "user.email", "bo@aaby.dk"]);
    save(&env, &consultant, "# Klimaplan 2030\n\nBos tekst.\n", "Bos tekst");
    // The lead changes the route with plain git and records a decision.
    let meta = lead.join("strategies/klima/strategy.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    assert!(!text.contains("route"), "{text}");
    std::fs::write(&meta, format!("{text}route = [\"DIR\", \"BYR\"]\n")).unwrap();
    env.git(&lead, &["commit", "-qam", "Kortere rute"]);
    env.udkast_in(
        &lead,
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
        ],
    )
    .ok();
    env.udkast_in(&lead, &["sync"]).ok();
    // The consultant's sync merges them in, and pushes the merge.
    let synced = env.udkast_in(&consultant, &["sync"]).ok().to_string();
    assert!(synced.contains("merged"), "{synced}");
    let parents = env.git(&consultant, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    env.udkast_in(&consultant, &["verify"]).ok();
    env.udkast_in(&lead, &["sync"]).ok();
    env.udkast_in(&lead, &["verify"]).ok();
    // A route the consultant changes is still theirs to answer for.
    let meta = consultant.join("strategies/klima/strategy.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(
        &meta,
        text.replace("route = [\"DIR\", \"BYR\"]", "route = [\"BYR\"]"),
    )
    .unwrap();
    env.git(&consultant, &["commit", "-qam", "Min rute"]);
    let refused = env.udkast_in(&consultant, &["verify"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stdout.contains("the route changed in commit") && refused.stdout.contains("Bo Konsulent"),
        "{}",
        refused.stdout
    );
}

/// A sync stopped on a clash; the consultant saves another draft before
/// `--continue`: the edited marks were for the text before that save, so
/// continuing would drop it. Refused, nothing changed; `--abort` then a
/// new sync shows the passages as they are now.
#[test]
fn a_continue_after_a_save_is_refused_and_loses_nothing() {
    let env = Env::new();
    let (here, there) = here_and_there(&env, "here", "there");
    save(&env, &there, "# Klimaplan 2030\n\nDeres afsnit.\n", "Deres");
    env.udkast_in(&there, &["sync"]).ok();
    save(&env, &here, "# Klimaplan 2030\n\nMit afsnit.\n", "Mit");
    env.udkast_in(&here, &["sync"]).user_error("sync stopped");
    let file = here.join("strategies/klima/document.md");
    let marked = std::fs::read_to_string(&file).unwrap();
    assert!(
        marked.contains("Mit afsnit.") && marked.contains("Deres afsnit."),
        "{marked}"
    );
    std::fs::write(&file, "# Klimaplan 2030\n\nMit afsnit.\n\nDeres afsnit.\n").unwrap();
    save(
        &env,
        &here,
        "# Klimaplan 2030\n\nMit afsnit, bedre.\n\nEt nyt afsnit.\n",
        "Mere",
    );
    let head = env.git(&here, &["rev-parse", "HEAD"]);
    env.udkast_in(&here, &["sync", "--continue"])
        .user_error("you saved since the sync stopped");
    assert_eq!(env.git(&here, &["rev-parse", "HEAD"]), head);
    env.udkast_in(&here, &["sync", "--abort"]).ok();
    env.udkast_in(&here, &["sync"]).user_error("sync stopped");
    let marked = std::fs::read_to_string(&file).unwrap();
    assert!(
        marked.contains("Et nyt afsnit.") && marked.contains("Deres afsnit."),
        "{marked}"
    );
}

/// A lead tags an approved version while a sync waits on a clash; `--abort`
/// puts the sync's refs back and leaves the lead's tag alone (it deleted
/// every tag the sync had not seen).
#[test]
fn an_abort_keeps_a_tag_made_while_the_sync_waited() {
    let env = Env::new();
    let (here, there) = here_and_there(&env, "here", "there");
    save(&env, &there, "# Klimaplan 2030\n\nDeres afsnit.\n", "Deres");
    env.udkast_in(&there, &["sync"]).ok();
    save(&env, &here, "# Klimaplan 2030\n\nMit afsnit.\n", "Mit");
    env.udkast_in(&here, &["sync"]).user_error("sync stopped");
    crate::common::approvals::approve(&env, &here, "2", true);
    env.udkast_in(&here, &["tag", "klima"]).ok();
    let tag = env.git(&here, &["rev-parse", "klima/v1"]);
    env.udkast_in(&here, &["sync", "--abort"]).ok();
    assert_eq!(env.git(&here, &["rev-parse", "klima/v1"]), tag);
}
