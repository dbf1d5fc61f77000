//! History benchmarks on a generated workspace of 200 documents and 20,000
//! commits (90 % edit one document, the rest touch other files), against the
//! bars: a document's draft list with a cold and a warm history cache (tig
//! needs ~320 ms for one file's history there), and stepping to the next draft
//! in the history screen with its diff drawn (≤ 2 ms).
//!
//! The repository is written once per run with `git fast-import` into a
//! temporary folder (about 10 s); set UDKAST_BENCH_COMMITS to change its size,
//! and UDKAST_BENCH_THREADS the number of open comment threads (default 10, each
//! on another draft) that the history's gutter places on every diff.

#[path = "support/lcg.rs"]
mod lcg;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
use lcg::Lcg;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use udkast::domain::Slug;
use udkast::store::Store;
use udkast::ui::app::{App, Folders};
use udkast::ui::jobs;
use udkast::ui::keymap::{DEFAULT, Keymap};
use udkast::ui::theme::Theme;

const DOCUMENTS: usize = 200;

fn data(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(format!("data {}\n", bytes.len()).as_bytes());
    out.extend_from_slice(bytes);
    out.push(b'\n');
}

fn generate(dir: &Path, commits: usize, doc_lines: usize) {
    assert!(
        Command::new("git")
            .args(["init", "-q", "-b", "main"])
            .arg(dir)
            .status()
            .unwrap()
            .success()
    );
    let mut docs: Vec<Vec<String>> = (0..DOCUMENTS)
        .map(|d| {
            (0..doc_lines)
                .map(|l| {
                    if l % 40 == 0 {
                        format!("## Afsnit {} i dokument {d}", l / 40 + 1)
                    } else {
                        format!("Linje {l} i dokument {d}: Åby Kommune arbejder for en grøn omstilling med borgerne.")
                    }
                })
                .collect()
        })
        .collect();
    let mut stream = Vec::new();
    let mut time = 1_600_000_000u64;
    let mut commit = |stream: &mut Vec<u8>, files: Vec<(String, String)>, message: &str| {
        time += 60;
        stream.extend_from_slice(
            format!("commit refs/heads/main\nauthor A <a@aaby.dk> {time} +0100\ncommitter A <a@aaby.dk> {time} +0100\n")
                .as_bytes(),
        );
        data(stream, message.as_bytes());
        for (path, text) in files {
            stream.extend_from_slice(format!("M 100644 inline {path}\n").as_bytes());
            data(stream, text.as_bytes());
        }
    };
    let config = "format = 1\nname = \"Bench\"\ndefault_route = [\"DIR\"]\n\n[[body]]\nid = \"DIR\"\nname = \"Direktionen\"\nkind = \"administrative\"\n";
    let mut files = vec![("udkast.toml".to_string(), config.to_string())];
    for (d, lines) in docs.iter().enumerate() {
        let meta = format!("format = 1\ntitle = \"Dokument {d}\"\nkind = \"strategy\"\n");
        files.push((format!("strategies/doc-{d}/strategy.toml"), meta));
        files.push((format!("strategies/doc-{d}/document.md"), lines.join("\n") + "\n"));
    }
    commit(&mut stream, files, "init");
    let mut rng = Lcg(7);
    for i in 1..commits {
        if rng.next(10) == 0 {
            commit(
                &mut stream,
                vec![("NOTER.txt".into(), format!("note {i}\n"))],
                &format!("note {i}"),
            );
        } else {
            // Document 0 gets a tenth of the edits, so its history is long.
            let d = if rng.next(10) == 0 { 0 } else { rng.next(DOCUMENTS) };
            let l = rng.next(doc_lines);
            docs[d][l] = format!(
                "Ændret i commit {i}: målet skærpes til {} pct. i 2030.",
                50 + rng.next(40)
            );
            let path = format!("strategies/doc-{d}/document.md");
            commit(
                &mut stream,
                vec![(path, docs[d].join("\n") + "\n")],
                &format!("edit {i}"),
            );
        }
    }
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Runs queued jobs synchronously with one store, as the worker would.
fn settle(app: &mut App, store: &Result<Store, jobs::Failed>) {
    while !app.requests.is_empty() {
        for request in app.requests.drain(..).collect::<Vec<_>>() {
            let response = jobs::handle(store, request);
            app.handle_response(response);
        }
    }
}

fn benches(c: &mut Criterion) {
    let commits: usize = std::env::var("UDKAST_BENCH_COMMITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("big");
    let started = std::time::Instant::now();
    generate(&repo, commits, 100);
    eprintln!(
        "generated {commits} commits, {DOCUMENTS} documents in {:.1?}",
        started.elapsed()
    );
    let slug = Slug::parse("doc-0").unwrap();
    let cache = repo.join(".git/udkast/drafts.cache");

    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.bench_function(
        format!("draft list of one document, {commits} commits, cold cache"),
        |b| {
            b.iter(|| {
                let _ = std::fs::remove_file(&cache);
                Store::open(&repo).unwrap().drafts(&slug).unwrap()
            })
        },
    );
    Store::open(&repo).unwrap().drafts(&slug).unwrap();
    group.bench_function(
        format!("draft list of one document, {commits} commits, warm cache"),
        |b| b.iter(|| Store::open(&repo).unwrap().drafts(&slug).unwrap()),
    );
    group.finish();
    eprintln!(
        "doc-0 has {} drafts",
        Store::open(&repo).unwrap().drafts(&slug).unwrap().len()
    );

    // The history screen on a 5,000-line document with a few dozen drafts.
    let small = tmp.path().join("long");
    generate(&small, 400, 5_000);
    // Reviewers' open threads, each made on a different draft, so the history
    // places them with as many line diffs as a busy document would need.
    let threads: usize = std::env::var("UDKAST_BENCH_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    for (key, value) in [("user.name", "Bench Reviewer"), ("user.email", "bench@aaby.dk")] {
        let status = Command::new("git")
            .arg("-C")
            .arg(&small)
            .args(["config", key, value])
            .status()
            .unwrap();
        assert!(status.success());
    }
    {
        let store = Store::open(&small).unwrap();
        let drafts = store.drafts(&slug).unwrap().len() as u32;
        for t in 0..threads as u32 {
            let draft = 1 + t * drafts.saturating_sub(1) / (threads as u32).max(1);
            let line = 100 + t as usize * 400;
            store
                .add_thread(&slug, Some(draft), line, line + 2, "Kan vi præcisere dette?")
                .unwrap();
        }
    }
    let state = tempfile::tempdir().unwrap();
    let mut app = App::new(
        Keymap::parse("default", DEFAULT).unwrap(),
        Theme { color: true },
        Folders {
            state: state.path().to_path_buf(),
        },
    );
    let worker = Store::open(&small).map_err(jobs::failed);
    settle(&mut app, &worker);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    while app.overview.selected_slug().as_ref().map(Slug::as_str) != Some("doc-0") {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('3'));
    settle(&mut app, &worker);
    terminal.draw(|f| app.draw(f)).unwrap();
    let drafts = app.history.as_ref().map(|h| h.entries.len()).unwrap_or(0);
    eprintln!("stepping through {drafts} drafts of a 5,000-line document");
    let mut step = 0usize;
    c.bench_function("history: step to the next draft, diff computed and drawn", |b| {
        b.iter(|| {
            step += 1;
            press(
                &mut app,
                if (step / drafts.max(2)).is_multiple_of(2) {
                    KeyCode::Char('j')
                } else {
                    KeyCode::Char('k')
                },
            );
            settle(&mut app, &worker);
            terminal.draw(|f| app.draw(f)).unwrap();
        })
    });
    // What the worker does for each draft not compared before: read both
    // versions, the word diff and the section summary; then, apart, place the
    // open threads on both. A new store each time (made outside the timing),
    // so nothing is cached.
    let drafts_of_doc = worker.as_ref().unwrap().drafts(&slug).unwrap();
    let key_of = |pair: usize| jobs::DiffKey {
        slug: slug.clone(),
        from: Some(drafts_of_doc[pair - 1].commit.into()),
        to: drafts_of_doc[pair].commit.into(),
        buffer: None,
    };
    let mut pair = 0usize;
    let mut fresh = || {
        pair = pair % (drafts_of_doc.len() - 1) + 1;
        let store = Store::open(&small).unwrap();
        store.drafts(&slug).unwrap();
        (store, pair)
    };
    c.bench_function("history: compare two neighbouring drafts on the worker", |b| {
        b.iter_batched(
            &mut fresh,
            |(store, pair)| {
                let request = jobs::DiffRequest {
                    key: key_of(pair),
                    from_label: String::new(),
                    to_label: String::new(),
                    to_text: None,
                };
                jobs::compute_diff(&store, &request).unwrap()
            },
            criterion::BatchSize::PerIteration,
        )
    });
    c.bench_function(
        &format!("history: place {threads} open threads on both drafts of that diff"),
        |b| {
            b.iter_batched(
                &mut fresh,
                |(store, pair)| jobs::diff_threads(&store, &key_of(pair), None).unwrap(),
                criterion::BatchSize::PerIteration,
            )
        },
    );
    c.bench_function("history: step to an already compared draft, drawn", |b| {
        b.iter(|| {
            step += 1;
            press(
                &mut app,
                if step.is_multiple_of(2) {
                    KeyCode::Char('j')
                } else {
                    KeyCode::Char('k')
                },
            );
            settle(&mut app, &worker);
            terminal.draw(|f| app.draw(f)).unwrap();
        })
    });
}

criterion_group!(history, benches);
criterion_main!(history);
