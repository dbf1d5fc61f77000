//! The history cache under `.git/udkast/` is only an accelerator: after commits,
//! merges and rebases made with plain git, and with the cache warm, deleted,
//! stale (from before a rebase) or damaged, the drafts are the same.

use std::path::Path;

use udkast::domain::Slug;
use udkast::store::Store;

use crate::common::Env;

/// (number, commit, recorded, summary, author) of every draft of `klima`.
fn drafts(dir: &Path) -> Vec<(u32, String, Option<u32>, String, String)> {
    let store = Store::open(dir).unwrap();
    store
        .drafts(&Slug::parse("klima").unwrap())
        .unwrap()
        .into_iter()
        .map(|d| (d.number, d.commit.to_string(), d.recorded, d.summary, d.author))
        .collect()
}

fn cold(dir: &Path) -> Vec<(u32, String, Option<u32>, String, String)> {
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

/// A fresh clone of a long history is read by two threads (one lists the
/// commits while the other reads the newest, then each reads half of the
/// rest): it must number the drafts exactly as reading the same history a
/// piece at a time by one thread does (merges included).
#[test]
fn a_long_history_read_by_two_threads_numbers_drafts_as_one_thread_does() {
    use std::io::Write;
    let env = Env::new();
    let dir = env.path("long");
    env.git(
        env.home.path(),
        &["init", "-q", "-b", "main", dir.to_str().unwrap()],
    );
    let mut stream = Vec::new();
    let mut mark = 0;
    let mut commit = |stream: &mut Vec<u8>,
                      branch: &str,
                      from: Option<usize>,
                      merge: Option<usize>,
                      files: &[(&str, String)]| {
        mark += 1;
        let time = 1_700_000_000 + mark * 60;
        write!(stream, "commit refs/heads/{branch}\nmark :{mark}\n").unwrap();
        write!(
            stream,
            "author Søren Bak <s@aaby.dk> {time} +0100\ncommitter S <s@aaby.dk> {time} +0100\n"
        )
        .unwrap();
        let message = format!("commit {mark}");
        write!(stream, "data {}\n{message}\n", message.len()).unwrap();
        if let Some(from) = from {
            writeln!(stream, "from :{from}").unwrap();
        }
        if let Some(merge) = merge {
            writeln!(stream, "merge :{merge}").unwrap();
        }
        for (path, text) in files {
            write!(stream, "M 100644 inline {path}\ndata {}\n{text}\n", text.len()).unwrap();
        }
        mark
    };
    let meta = |title: &str| format!("format = 1\ntitle = \"{title}\"\nkind = \"strategy\"\n");
    let config = "format = 1\nname = \"Åby\"\ndefault_route = [\"DIR\"]\n\n[[body]]\nid = \"DIR\"\nname = \"Direktionen\"\nkind = \"administrative\"\n".to_string();
    let mut tip = commit(
        &mut stream,
        "main",
        None,
        None,
        &[
            ("udkast.toml", config),
            ("strategies/klima/strategy.toml", meta("Klimaplan")),
            ("strategies/klima/document.md", "# Klimaplan\n".into()),
            ("strategies/vand/strategy.toml", meta("Vandplan")),
            ("strategies/vand/document.md", "# Vandplan\n".into()),
        ],
    );
    for i in 1..2_600 {
        tip = if i % 100 == 0 {
            // A side branch off an older commit, merged back with both texts.
            let side = commit(
                &mut stream,
                "side",
                Some(tip - 5),
                None,
                &[("strategies/vand/document.md", format!("# Vandplan\nside {i}\n"))],
            );
            commit(
                &mut stream,
                "main",
                Some(tip),
                Some(side),
                &[("strategies/vand/document.md", format!("# Vandplan\nmerged {i}\n"))],
            )
        } else {
            let (doc, file) = if i % 3 == 0 {
                ("vand", "document.md")
            } else {
                ("klima", "document.md")
            };
            let path = format!("strategies/{doc}/{file}");
            let text = if i % 7 == 0 {
                "# Uændret\n".to_string()
            } else {
                format!("# Tekst\nlinje {i}\n")
            };
            commit(&mut stream, "main", Some(tip), None, &[(path.as_str(), text)])
        };
    }
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());

    // One thread, a piece at a time: each piece of 200 commits is under the
    // size that starts a second thread (250).
    env.git(&dir, &["symbolic-ref", "HEAD", "refs/heads/piece"]);
    for skip in (0..=2_400).rev().step_by(200) {
        let at = env.git(
            &dir,
            &[
                "rev-list",
                "--first-parent",
                "-n",
                "1",
                "--skip",
                &skip.to_string(),
                "main",
            ],
        );
        env.git(&dir, &["update-ref", "refs/heads/piece", at.trim()]);
        let store = Store::open(&dir).unwrap();
        for slug in ["klima", "vand"] {
            store.drafts(&Slug::parse(slug).unwrap()).unwrap();
        }
    }
    env.git(&dir, &["symbolic-ref", "HEAD", "refs/heads/main"]);
    // Each document with a new store, as a new process would read it.
    let both = || -> Vec<_> {
        ["klima", "vand"]
            .iter()
            .map(|s| {
                Store::open(&dir)
                    .unwrap()
                    .drafts(&Slug::parse(s).unwrap())
                    .unwrap()
            })
            .collect()
    };
    let piecewise = both();
    // Two threads, all at once.
    std::fs::remove_file(dir.join(".git/udkast/drafts.cache")).unwrap();
    let at_once = both();
    assert!(
        piecewise[0].len() > 1_000 && piecewise[1].len() > 500,
        "{} {}",
        piecewise[0].len(),
        piecewise[1].len()
    );
    assert_eq!(piecewise, at_once);

    // Cancelled from another thread while it reads (here: at its first
    // report), the read ends with a sentence and keeps nothing; read again,
    // it numbers the drafts as before.
    std::fs::remove_file(dir.join(".git/udkast/drafts.cache")).unwrap();
    let store = Store::open(&dir).unwrap();
    let cancel = store.cancel_flag();
    let reports = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = reports.clone();
    store.on_progress(Box::new(move |_| {
        seen.set(seen.get() + 1);
        std::thread::spawn({
            let cancel = cancel.clone();
            move || cancel.cancel()
        })
        .join()
        .unwrap();
    }));
    let klima = Slug::parse("klima").unwrap();
    let e = store.drafts(&klima).unwrap_err();
    assert!(matches!(e, udkast::store::StoreError::Cancelled), "{e}");
    assert_eq!(reports.get(), 1, "stopped at the next commit");
    assert!(!dir.join(".git/udkast/drafts.cache").exists());
    store.on_progress(Box::new(|_| {}));
    store.cancel_flag().reset();
    assert_eq!(store.drafts(&klima).unwrap(), piecewise[0]);
}

/// A damaged cache file (a flipped bit anywhere, a file cut short) is rebuilt,
/// never trusted: the drafts stay exactly as a full walk gives them, and
/// nothing panics.
#[test]
fn flipped_bits_in_the_cache_change_no_draft() {
    let env = Env::new();
    let ws = env.workspace("ws");
    for n in 0..4 {
        edit(&env, &ws, &format!("linje {n}"), &format!("Udkast {n}"));
    }
    let fresh = cold(&ws);
    let cache = ws.join(".git/udkast/drafts.cache");
    let good = std::fs::read(&cache).unwrap();
    // Every byte of a small file, one bit each, and cut at a few lengths.
    for at in 0..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 1 << (at % 8);
        std::fs::write(&cache, &bad).unwrap();
        assert_eq!(drafts(&ws), fresh, "bit {} of byte {at} flipped", at % 8);
    }
    for len in [0, 1, good.len() / 2, good.len() - 1] {
        std::fs::write(&cache, &good[..len]).unwrap();
        assert_eq!(drafts(&ws), fresh, "cut to {len} bytes");
    }
}
