//! The history cache under `.git/udkast/` is only an accelerator: after commits,
//! merges and rebases made with plain git, and with the cache warm, deleted,
//! stale (from before a rebase) or damaged, the drafts are the same.

mod common;

use std::path::Path;

use common::Env;
use udkast::domain::Slug;
use udkast::store::Store;

/// (number, commit, recorded, summary) of every draft of `klima`.
fn drafts(dir: &Path) -> Vec<(u32, String, Option<u32>, String)> {
    let store = Store::open(dir).unwrap();
    store
        .drafts(&Slug::parse("klima").unwrap())
        .unwrap()
        .into_iter()
        .map(|d| (d.number, d.commit.to_string(), d.recorded, d.summary))
        .collect()
}

fn cold(dir: &Path) -> Vec<(u32, String, Option<u32>, String)> {
    let _ = std::fs::remove_file(dir.join(".git/udkast/drafts.cache"));
    drafts(dir)
}

fn edit(env: &Env, ws: &Path, line: &str, message: &str) {
    let doc = ws.join("strategies/klima/document.md");
    let mut text = std::fs::read_to_string(&doc).unwrap();
    text.push_str(line);
    text.push('\n');
    std::fs::write(&doc, text).unwrap();
    env.git(ws, &["commit", "-qam", message]);
}

/// Puts a line at the top, far from edits at the end, so a rebase applies cleanly.
fn prepend(env: &Env, ws: &Path, line: &str, message: &str) {
    let doc = ws.join("strategies/klima/document.md");
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(&doc, format!("{line}\n{text}")).unwrap();
    env.git(ws, &["commit", "-qam", message]);
}

#[test]
fn cache_agrees_with_a_full_walk_through_merges_and_rebases() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let cache = ws.join(".git/udkast/drafts.cache");
    edit(&env, &ws, "to", "Andet udkast");
    let warm = drafts(&ws);
    assert!(cache.exists(), "the cache was written");
    assert_eq!(warm, cold(&ws));

    // A side branch merged back, with udkast saving on top in between.
    env.git(&ws, &["checkout", "-qb", "side"]);
    edit(&env, &ws, "side", "Fra sidegrenen");
    env.git(&ws, &["checkout", "-q", "main"]);
    std::fs::write(
        ws.join("strategies/klima/strategy.toml"),
        "format = 1\ntitle = \"Klimaplan 2031\"\nkind = \"strategy\"\n",
    )
    .unwrap();
    env.git(&ws, &["commit", "-qam", "Ny titel"]);
    env.git(&ws, &["merge", "-q", "--no-edit", "side"]);
    let text = env.udkast_in(&ws, &["show", "klima"]).stdout + "efter\n";
    env.udkast_stdin(
        &ws,
        &["save", "klima", "-", "-m", "Efter fletning"],
        text.as_bytes(),
    )
    .ok();
    let warm = drafts(&ws);
    assert_eq!(
        warm.iter().map(|d| d.3.as_str()).collect::<Vec<_>>(),
        [
            "Create strategy \"Klimaplan 2030\"",
            "Andet udkast",
            "Ny titel",
            "Fra sidegrenen",
            "Merge branch 'side'",
            "Efter fletning"
        ],
        "the merge combines the new title with the side's text: a version nobody had, so a draft"
    );
    assert_eq!(warm, cold(&ws));

    // Keep the cache from before a rebase: its entries for the old commits are
    // now unreachable, the rebased commits are new to it.
    drafts(&ws);
    let before_rebase = std::fs::read(&cache).unwrap();
    env.git(&ws, &["checkout", "-qb", "topic", "HEAD~1"]);
    std::fs::write(
        ws.join("strategies/klima/strategy.toml"),
        "format = 1\ntitle = \"Klimaplan 2032\"\nkind = \"strategy\"\n",
    )
    .unwrap();
    env.git(&ws, &["commit", "-qam", "Emne titel"]);
    prepend(&env, &ws, "emne 1", "Emne et");
    prepend(&env, &ws, "emne 2", "Emne to");
    env.git(&ws, &["rebase", "-q", "main"]);
    let fresh = cold(&ws);
    std::fs::write(&cache, &before_rebase).unwrap();
    assert_eq!(drafts(&ws), fresh, "a stale cache changes no result");
    assert_eq!(fresh.len(), 9, "{fresh:#?}");

    // A damaged cache is rebuilt.
    std::fs::write(&cache, b"udkast drafts cache 1\n\xff\xff").unwrap();
    assert_eq!(drafts(&ws), fresh);
    std::fs::write(&cache, &before_rebase[..before_rebase.len() / 2]).unwrap();
    assert_eq!(drafts(&ws), fresh);
}
