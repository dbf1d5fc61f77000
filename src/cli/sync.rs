//! `udkast sync [--remote NAME] [--json] [--continue | --abort]`: the branch
//! with the team's remote, through the user's own git.
//!
//! Passages both sides changed stop the sync: each file is written with
//! git's clash marks where the person edits it (the working tree), the sync
//! waits in `.git/udkast/sync.json`, and `--continue` merges the edited
//! files from the same fetched tip, `--abort` puts every ref and file back.

use std::path::Path;

use serde::Serialize;

use super::output::Failure;
use crate::domain::still_marked;
use crate::lang::{CliMsg, t, tf};
use crate::remote::Git;
use crate::store::{Store, short};
use crate::usecase::{self, Clashing, Resume, SyncInput, SyncOutcome, Synced, WAITING, Waiting};

/// What the command was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Start,
    Continue,
    Abort,
}

pub fn sync(repo: &Path, remote: Option<String>, json: bool, mode: Mode) -> Result<(), Failure> {
    let store = Store::open(repo)?;
    let waiting: Option<Waiting> = store
        .recall(WAITING)
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let mut input = SyncInput {
        remote,
        ..Default::default()
    };
    match (mode, &waiting) {
        (Mode::Start, Some(w)) => {
            let files: Vec<&str> = w.files.iter().map(|(p, _)| p.as_str()).collect();
            return Err(Failure::new(tf(
                CliMsg::SyncWaiting,
                &[("remote", &w.remote), ("files", &files.join(", "))],
            )));
        }
        (Mode::Continue | Mode::Abort, None) => {
            return Err(Failure::new(t(CliMsg::SyncNoneWaiting)));
        }
        (Mode::Abort, Some(w)) => return abort(&store, w),
        (Mode::Continue, Some(w)) => {
            for (path, file) in &w.files {
                let bytes = std::fs::read(file).map_err(|e| {
                    Failure::new(tf(
                        CliMsg::CannotReadFile,
                        &[("file", &file.display()), ("error", &e)],
                    ))
                })?;
                if let Some(line) = still_marked(&String::from_utf8_lossy(&bytes)) {
                    return Err(Failure::new(tf(
                        CliMsg::SyncStillMarked,
                        &[("line", &line), ("file", &file.display())],
                    )));
                }
                input.resolved.insert(path.clone(), bytes);
            }
            input.remote = Some(w.remote.clone());
            let damaged = || Failure::new(tf(CliMsg::SyncDamaged, &[("file", &WAITING)]));
            let here = match w.here.as_str() {
                "" => None,
                here => Some(here.parse().map_err(|_| damaged())?),
            };
            input.resume = Some(Resume {
                here,
                there: w.there.parse().map_err(|_| damaged())?,
            });
        }
        (Mode::Start, None) => {}
    }
    let mut git = Git::new(repo);
    git.timeout = std::time::Duration::from_secs(300);
    // Progress only to a person watching: a script reads one line on error.
    let quiet = json || !std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut progress = |step: &str| {
        if !quiet {
            eprintln!("{step}");
        }
    };
    let outcome = match usecase::sync(&store, &git, &input, &mut progress) {
        Err(usecase::Refused::SyncMoved) => {
            return Err(Failure::new(t(CliMsg::SyncMoved)));
        }
        other => other?,
    };
    match outcome {
        SyncOutcome::Done(synced) => {
            // The files the person edited are the merged text now.
            if waiting.is_some() {
                store.forget(WAITING);
            }
            report(&synced, json)
        }
        SyncOutcome::Clashes(clashing) => stop(&store, clashing, waiting, json),
    }
}

#[derive(Serialize)]
struct SyncedJson<'a> {
    remote: &'a str,
    branch: &'a str,
    received: usize,
    sent: usize,
    merged: bool,
    renumbered: Vec<RenumberedJson<'a>>,
    tags_received: &'a [String],
    tags_sent: &'a [String],
    warnings: &'a [String],
}

#[derive(Serialize)]
struct RenumberedJson<'a> {
    slug: &'a str,
    was: u32,
    now: u32,
}

fn report(synced: &Synced, json: bool) -> Result<(), Failure> {
    if json {
        let out = SyncedJson {
            remote: &synced.upstream.remote,
            branch: &synced.upstream.short,
            received: synced.received,
            sent: synced.sent,
            merged: synced.merged,
            renumbered: synced
                .renumbered
                .iter()
                .map(|r| RenumberedJson {
                    slug: &r.slug,
                    was: r.was,
                    now: r.now,
                })
                .collect(),
            tags_received: &synced.tags_received,
            tags_sent: &synced.tags_sent,
            warnings: &synced.warnings,
        };
        return super::output::print_json(&out);
    }
    super::output::write_stdout(format!("{}\n", crate::text::inert(&synced.report())).as_bytes())?;
    for w in &synced.warnings {
        eprintln!("udkast: {}", crate::text::inert(w));
    }
    Ok(())
}

/// Passages clashed: each file with marks, the sync kept waiting, and a
/// failure saying what to do.
fn stop(store: &Store, clashing: Clashing, waiting: Option<Waiting>, json: bool) -> Result<(), Failure> {
    let up = &clashing.upstream;
    let there = format!("{}/{} {}", up.remote, up.short, short(clashing.resume.there));
    let mut files = Vec::new();
    for clash in &clashing.clashes {
        let marked = clash.merge.with_marks("yours", "what both came from", &there);
        let file = store.put_clash_file(&clash.path, marked.as_bytes())?;
        files.push((clash.path.clone(), file, clash.merge.clash_count()));
    }
    let state = Waiting {
        remote: up.remote.clone(),
        here: clashing.resume.here.map(|h| h.to_string()).unwrap_or_default(),
        there: clashing.resume.there.to_string(),
        // A second stop (the remote moved while resolving) keeps the refs of the first.
        before: waiting.map_or(clashing.before.clone(), |w| w.before),
        files: files.iter().map(|(p, f, _)| (p.clone(), f.clone())).collect(),
    };
    let bytes = serde_json::to_vec_pretty(&state).map_err(|e| Failure::new(e.to_string()))?;
    store.remember(WAITING, &bytes);
    if store.recall(WAITING).is_none() {
        return Err(Failure::new(t(CliMsg::SyncCannotWait)));
    }
    if json {
        #[derive(Serialize)]
        struct Clash<'a> {
            path: &'a str,
            file: String,
            passages: usize,
        }
        let out: Vec<Clash<'_>> = files
            .iter()
            .map(|(path, file, n)| Clash {
                path,
                file: file.display().to_string(),
                passages: *n,
            })
            .collect();
        let _ = super::output::print_json(&serde_json::json!({ "clashes": out }));
    } else {
        for (path, file, n) in &files {
            let line = tf(
                match n {
                    1 => CliMsg::SyncClashOne,
                    _ => CliMsg::SyncClashes,
                },
                &[
                    ("n", n),
                    ("remote", &up.remote),
                    ("file", &file.display()),
                    ("path", path),
                ],
            );
            let _ = super::output::write_stdout(format!("{}\n", crate::text::inert(&line)).as_bytes());
        }
    }
    let count = files.len();
    Err(Failure::new(tf(
        match count {
            1 => CliMsg::SyncStoppedOne,
            _ => CliMsg::SyncStopped,
        },
        &[("n", &count), ("remote", &up.remote)],
    )))
}

fn abort(store: &Store, waiting: &Waiting) -> Result<(), Failure> {
    let up = store.upstream(Some(&waiting.remote))?;
    let left_at = waiting.here.parse().ok();
    let back = store.restore_refs(&up, &waiting.before, left_at)?;
    for (path, file) in &waiting.files {
        store.drop_clash_file(path, file)?;
    }
    store.forget(WAITING);
    let line = tf(
        match back {
            true => CliMsg::SyncAborted,
            false => CliMsg::SyncAbortedKept,
        },
        &[("remote", &waiting.remote)],
    );
    super::output::write_stdout(format!("{}\n", crate::text::inert(&line)).as_bytes())
}
