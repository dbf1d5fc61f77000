//! Compare-and-swap writes under contention: two writers saving 100 drafts each
//! lose nothing, whether they edit different documents or different passages of
//! the same one, and decisions recorded while drafts are saved are all kept;
//! the repository stays clean for plain git afterwards.

use std::path::Path;
use std::sync::{Arc, Barrier};

use git2::Signature;
use udkast::domain::{Slug, StrategyMeta, WorkspaceConfig, paths};
use udkast::store::{Change, Store};

use crate::common;

const ROUNDS: usize = 100;

fn setup(dir: &Path, bare: bool, documents: &[(&str, String)]) {
    git2::Repository::init_opts(
        dir,
        git2::RepositoryInitOptions::new().bare(bare).initial_head("main"),
    )
    .unwrap();
    let store = Store::open(dir).unwrap();
    let config = WorkspaceConfig::parse(udkast::sample::config_text()).unwrap();
    let mut change = Change::default().put(paths::CONFIG, config.to_toml());
    for (slug, text) in documents {
        let slug = Slug::parse(slug).unwrap();
        let meta = StrategyMeta::new(slug.as_str(), udkast::domain::Kind::Strategy, None);
        change = change
            .put(paths::meta(&slug), meta.to_toml())
            .put(paths::document(&slug), text.as_str());
    }
    let sig = Signature::now("Setup", "setup@aaby.dk").unwrap();
    store
        .commit_change(None, &change, &sig, &|_, _| Ok("setup".into()))
        .unwrap();
}

/// One writer: `ROUNDS` times, read the latest text, change it with `edit` and
/// save it against the commit it was read from.
fn writer(dir: &Path, slug: &str, name: &str, barrier: &Barrier, edit: impl Fn(&str, usize) -> String) {
    let store = Store::open(dir).unwrap();
    let slug = Slug::parse(slug).unwrap();
    let sig = Signature::now(name, &format!("{name}@aaby.dk")).unwrap();
    barrier.wait();
    for round in 0..ROUNDS {
        let snapshot = store.snapshot().unwrap();
        let text = store.document_text(snapshot.get(slug.as_str()).unwrap()).unwrap();
        let change = Change::default().put(paths::document(&slug), edit(&text, round));
        let message = format!("{name} {round}");
        store
            .commit_change(Some(snapshot.commit), &change, &sig, &|s, parent| {
                s.draft_message(parent, &slug, &message)
            })
            .unwrap();
    }
}

fn run_two(
    dir: &Path,
    a: (&'static str, fn(&str, usize) -> String),
    b: (&'static str, fn(&str, usize) -> String),
) {
    let barrier = Arc::new(Barrier::new(2));
    let threads: Vec<_> = [("anna", a), ("bo", b)]
        .into_iter()
        .map(|(name, (slug, edit))| {
            let dir = dir.to_path_buf();
            let barrier = barrier.clone();
            std::thread::spawn(move || writer(&dir, slug, name, &barrier, edit))
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

fn lines(n: usize) -> String {
    (0..n).map(|i| format!("linje {i}\n")).collect()
}

fn replace_line(text: &str, index: usize, with: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            if i == index {
                format!("{with}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

fn append(text: &str, round: usize) -> String {
    format!("{text}tilføjelse {round}\n")
}

fn check_clean(env: &common::Env, dir: &Path, worktree: bool) {
    env.git(dir, &["fsck", "--strict", "--no-dangling"]);
    if worktree {
        assert_eq!(
            env.git(dir, &["status", "--porcelain"]),
            "",
            "git status stays clean"
        );
    }
}

#[test]
fn two_writers_on_different_documents_lose_nothing() {
    for bare in [false, true] {
        let env = common::Env::new();
        let dir = env.path("ws");
        setup(
            &dir,
            bare,
            &[("alfa", "# Alfa\n".into()), ("beta", "# Beta\n".into())],
        );
        run_two(&dir, ("alfa", append), ("beta", append));
        let store = Store::open(&dir).unwrap();
        for slug in ["alfa", "beta"] {
            let drafts = store.drafts(&Slug::parse(slug).unwrap()).unwrap();
            assert_eq!(drafts.len(), ROUNDS + 1, "{slug} (bare: {bare})");
            let numbers: Vec<u32> = drafts.iter().map(|d| d.number).collect();
            assert_eq!(numbers, (1..=ROUNDS as u32 + 1).collect::<Vec<_>>());
            // Each writer saw its own document unchanged by the other, so the
            // numbers it recorded are the numbers it has.
            assert!(drafts[1..].iter().all(|d| d.recorded == Some(d.number)));
        }
        let text = store
            .document_text(store.snapshot().unwrap().get("alfa").unwrap())
            .unwrap();
        assert_eq!(text.lines().count(), ROUNDS + 1);
        check_clean(&env, &dir, !bare);
    }
}

#[test]
fn two_writers_on_one_document_merge_both() {
    let env = common::Env::new();
    let dir = env.path("ws");
    setup(&dir, false, &[("alfa", lines(400))]);
    run_two(
        &dir,
        ("alfa", |text, round| {
            replace_line(text, round, &format!("Anna skrev {round}"))
        }),
        ("alfa", |text, round| {
            replace_line(text, 250 + round, &format!("Bo skrev {round}"))
        }),
    );
    let store = Store::open(&dir).unwrap();
    let text = store
        .document_text(store.snapshot().unwrap().get("alfa").unwrap())
        .unwrap();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), 400);
    for round in 0..ROUNDS {
        assert_eq!(got[round], format!("Anna skrev {round}"));
        assert_eq!(got[250 + round], format!("Bo skrev {round}"));
    }
    assert_eq!(got[150], "linje 150", "untouched lines stay");
    let drafts = store.drafts(&Slug::parse("alfa").unwrap()).unwrap();
    assert_eq!(drafts.len(), 2 * ROUNDS + 1, "every save is a draft");
    check_clean(&env, &dir, true);
}

#[test]
fn a_true_conflict_is_reported_and_nothing_is_written() {
    let env = common::Env::new();
    let dir = env.path("ws");
    setup(&dir, false, &[("alfa", lines(10))]);
    let store = Store::open(&dir).unwrap();
    let slug = Slug::parse("alfa").unwrap();
    let base = store.head().unwrap();
    let sig = Signature::now("Anna", "anna@aaby.dk").unwrap();
    let save = |text: String| {
        let change = Change::default().put(paths::document(&slug), text);
        store.commit_change(base, &change, &sig, &|s, p| s.draft_message(p, &slug, "x"))
    };
    save(replace_line(&lines(10), 3, "Anna")).unwrap();
    let head = store.head().unwrap();
    let err = save(replace_line(&lines(10), 3, "Bo")).unwrap_err();
    assert!(
        err.to_string()
            .contains("changed the same passage of strategies/alfa/document.md"),
        "{err}"
    );
    assert_eq!(store.head().unwrap(), head, "the branch did not move");
    check_clean(&env, &dir, true);
}

/// Two leads recording decisions at once while a consultant saves drafts:
/// every decision is kept (one file each, merged onto the moving branch), no
/// decision commit counts as a draft, and plain git finds nothing wrong.
#[test]
fn decisions_recorded_at_once_are_all_kept() {
    use udkast::domain::{Decision, Outcome, Person};

    const ROUNDS: u32 = 15;
    let env = common::Env::new();
    let ws = env.workspace("ws");
    let dir = ws.clone();
    let barrier = Arc::new(Barrier::new(3));
    let lead = |body: &'static str| {
        let (dir, barrier) = (dir.clone(), barrier.clone());
        std::thread::spawn(move || {
            let store = Store::open(&dir).unwrap();
            let slug = Slug::parse("klima").unwrap();
            let sig = git2::Signature::now(common::NAME, common::EMAIL).unwrap();
            barrier.wait();
            for round in 0..ROUNDS {
                let approvals = store.approvals(&slug).unwrap();
                let draft = approvals.drafts.first().unwrap();
                let now = jiff::Timestamp::now();
                let decision = Decision {
                    id: Decision::new_id(now),
                    format: 1,
                    body: udkast::domain::BodyId(body.into()),
                    draft: 1,
                    commit: draft.commit.to_string(),
                    outcome: Outcome::Noted,
                    meeting: jiff::civil::date(2025, 1, 1 + round as i8),
                    item: None,
                    case: None,
                    text: None,
                    recorded_at: jiff::Timestamp::from_second(now.as_second()).unwrap(),
                    recorded_by: Person {
                        name: common::NAME.into(),
                        email: common::EMAIL.into(),
                    },
                    recommendation: None,
                    changes_owed: Vec::new(),
                    withdraws: None,
                };
                store
                    .record_decision(approvals.head, &slug, &decision, &sig)
                    .unwrap();
            }
        })
    };
    let a = lead("DIR");
    let b = lead("ØKE");
    let consultant = {
        let (dir, barrier) = (dir.clone(), barrier.clone());
        std::thread::spawn(move || {
            let store = Store::open(&dir).unwrap();
            let slug = Slug::parse("klima").unwrap();
            let sig = git2::Signature::now("Jonas Friis", "jonas.friis@aaby.dk").unwrap();
            barrier.wait();
            for round in 0..ROUNDS {
                let (head, _) = store.entry(&slug).unwrap();
                let change = udkast::store::Change::default().put(
                    udkast::domain::paths::document(&slug),
                    format!("# Klimaplan\n\nUdkast {round}\n"),
                );
                let message = format!("Udkast {round}");
                store
                    .commit_change(Some(head), &change, &sig, &|s, parent| {
                        s.draft_message(parent, &slug, &message)
                    })
                    .unwrap();
            }
        })
    };
    for t in [a, b, consultant] {
        t.join().unwrap();
    }
    let files = env.git(&ws, &["ls-files", "strategies/klima/decisions"]);
    assert_eq!(files.lines().count(), 2 * ROUNDS as usize);
    let j = common::approvals::json(env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    assert_eq!(j["current"]["number"], ROUNDS + 1);
    assert_eq!(j["decisions"].as_array().unwrap().len(), 2 * ROUNDS as usize);
    assert_eq!(j["summary"], "DIR noted draft 1; ØKE noted draft 1; BYR pending");
    env.udkast_in(&ws, &["verify"]).ok();
    env.git(&ws, &["fsck", "--strict"]);
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
}
