//! Three clones of one bare remote through a seeded random day of work:
//! saves (mostly different paragraphs, sometimes the same one), comments,
//! replies, resolves, a lead's decisions and syncs in any order, a clash
//! resolved now or later (while the others go on). Then everyone syncs
//! until all are up to date, and every clone has the same tip, numbers the
//! drafts alike, and has every text, message and decision anyone made.
//!
//! Edits only ever add a word (`[t7]`) and a clash is resolved by keeping
//! both sides, so no word of any save may be missing from the final text.
//!
//! The default seed's day has a clash left waiting while another clone
//! pushes a change of the same passage (a resolution once overwrote it).
//! `UDKAST_SYNC_SEED=n` runs another day; `UDKAST_SYNC_STEPS=n` a longer one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{FIRST, clone, resolve_both, save, show, sync, team_remote, tip};
use crate::common::Env;

/// A small deterministic generator (splitmix64): the same seed, the same day.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What anyone made, all of which must be there at the end.
#[derive(Default)]
struct Made {
    /// Each save's message and text.
    saves: Vec<(String, String)>,
    words: Vec<String>,
    messages: Vec<String>,
    resolved: BTreeSet<String>,
    decisions: Vec<String>,
}

struct Member {
    dir: PathBuf,
    /// A sync stopped on clashing passages, not yet continued.
    waiting: bool,
}

fn var(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The latest text with ` word` added to the last line of paragraph `n`
/// (counted from 0, the heading; `n` ≥ 1 wraps around).
fn add_word(text: &str, n: usize, word: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let ends: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_empty() && lines.get(i + 1).is_none_or(|l| l.is_empty()))
        .collect();
    let last = ends[1 + (n - 1) % (ends.len() - 1)];
    lines[last].push_str(&format!(" {word}"));
    lines.join("\n") + "\n"
}

/// The threads of `klima` in `ws`, resolved too.
fn threads(env: &Env, ws: &Path) -> Vec<Value> {
    let out = env.udkast_in(ws, &["comment", "list", "klima", "--all", "--json"]);
    json(out.ok()).as_array().unwrap().clone()
}

impl Made {
    fn step(&mut self, env: &Env, rng: &mut Rng, clone: &mut Member, n: usize) {
        let ws = clone.dir.as_path();
        if clone.waiting {
            // Resolved now, or left waiting while the others go on.
            if rng.chance(50) {
                resolve_both(ws);
                let run = env.udkast_in(ws, &["sync", "--continue"]);
                clone.waiting = stopped(&run);
            }
            return;
        }
        match rng.below(100) {
            0..=39 => {
                // Paragraph 1 is everyone's favourite: clashes happen there.
                let paragraph = if rng.chance(35) { 1 } else { 1 + rng.below(5) };
                let word = format!("[t{n}]");
                let text = add_word(&show(env, ws), paragraph, &word);
                let message = format!("m{n}");
                save(env, ws, &text, &message);
                self.words.push(word);
                self.saves.push((message, text));
            }
            40..=49 => {
                let lines = show(env, ws).lines().count();
                let line = 1 + rng.below(lines);
                let message = format!("c{n}");
                let range = format!("{line}-{line}");
                env.udkast_in(
                    ws,
                    &["comment", "add", "klima", "--lines", &range, "-m", &message],
                )
                .ok();
                self.messages.push(message);
            }
            50..=59 => {
                let all = threads(env, ws);
                if all.is_empty() {
                    return;
                }
                let id = all[rng.below(all.len())]["id"].as_str().unwrap().to_string();
                let message = format!("r{n}");
                env.udkast_in(ws, &["comment", "reply", "klima", &id, "-m", &message])
                    .ok();
                self.messages.push(message);
            }
            60..=64 => {
                let open: Vec<String> = threads(env, ws)
                    .iter()
                    .filter(|t| t["status"] == "open")
                    .map(|t| t["id"].as_str().unwrap().to_string())
                    .collect();
                if open.is_empty() {
                    return;
                }
                let id = open[rng.below(open.len())].clone();
                let message = format!("s{n}");
                env.udkast_in(ws, &["comment", "resolve", "klima", &id, "-m", &message])
                    .ok();
                self.messages.push(message);
                self.resolved.insert(id);
            }
            65..=71 => {
                let log = json(env.udkast_in(ws, &["log", "klima", "--json"]).ok());
                let draft = log[0]["draft"].to_string();
                let body = ["DIR", "ØKE", "BYR"][rng.below(3)];
                let text = format!("d{n}");
                let args = [
                    "decide",
                    "klima",
                    "--draft",
                    &draft,
                    "--body",
                    body,
                    "--outcome",
                    "noted",
                    "--date",
                    "2025-01-28",
                    "-m",
                    &text,
                ];
                env.udkast_in(ws, &args).ok();
                self.decisions.push(text);
            }
            _ => clone.waiting = stopped(&sync(env, ws)),
        }
    }

    /// Everything made is in `ws`.
    fn all_there(&self, env: &Env, ws: &Path) {
        let log = json(env.udkast_in(ws, &["log", "klima", "--json"]).ok());
        let log = log.as_array().unwrap();
        for (message, text) in &self.saves {
            let draft = log
                .iter()
                .find(|d| {
                    let m = d["message"].as_str().unwrap();
                    m == message || m.starts_with(&format!("{message} ("))
                })
                .unwrap_or_else(|| panic!("the save {message} is not in the history"));
            let commit = draft["commit"].as_str().unwrap();
            let saved = env.git(ws, &["show", &format!("{commit}:{}", super::DOC)]);
            assert_eq!(&saved, text, "the save {message} has another text");
        }
        let latest = show(env, ws);
        for word in &self.words {
            assert!(latest.contains(word.as_str()), "{word} was lost: {latest}");
        }
        let threads = threads(env, ws);
        let said: BTreeSet<&str> = threads
            .iter()
            .flat_map(|t| t["messages"].as_array().unwrap())
            .map(|m| m["text"].as_str().unwrap())
            .collect();
        for message in &self.messages {
            assert!(said.contains(message.as_str()), "the comment {message} was lost");
        }
        for id in &self.resolved {
            let thread = threads.iter().find(|t| t["id"] == id.as_str()).unwrap();
            assert_eq!(thread["status"], "resolved", "thread {id} was reopened");
        }
        let status = json(env.udkast_in(ws, &["status", "klima", "--json"]).ok());
        let decided: BTreeSet<&str> = status["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["text"].as_str().unwrap_or_default())
            .collect();
        for text in &self.decisions {
            assert!(decided.contains(text.as_str()), "the decision {text} was lost");
        }
    }
}

/// Whether the sync stopped on clashing passages (any other failure fails the test).
#[track_caller]
fn stopped(run: &crate::common::Run) -> bool {
    if run.code == 1 && run.stderr.starts_with("udkast: sync stopped") {
        run.user_error("sync stopped");
        return true;
    }
    run.ok();
    false
}

/// Syncs `clone` until it is through, resolving every clash by keeping both sides.
fn sync_through(env: &Env, clone: &mut Member) {
    for _ in 0..10 {
        if clone.waiting {
            resolve_both(&clone.dir);
            clone.waiting = stopped(&env.udkast_in(&clone.dir, &["sync", "--continue"]));
        } else {
            clone.waiting = stopped(&sync(env, &clone.dir));
        }
        if !clone.waiting {
            return;
        }
    }
    panic!("{} never got through its clashes", clone.dir.display());
}

#[test]
fn three_clones_in_random_order_converge_and_lose_nothing() {
    let seed = var("UDKAST_SYNC_SEED", 3);
    let steps = var("UDKAST_SYNC_STEPS", 60) as usize;
    eprintln!("UDKAST_SYNC_SEED={seed} UDKAST_SYNC_STEPS={steps}");
    let mut rng = Rng(seed);
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let url = remote.display().to_string();
    let mut clones: Vec<Member> = [a, clone(&env, &url, "b"), clone(&env, &url, "c")]
        .into_iter()
        .map(|dir| Member { dir, waiting: false })
        .collect();
    let mut made = Made::default();
    made.saves.push(("Første udkast".into(), FIRST.into()));
    let mut clashes = 0;
    for n in 0..steps {
        let i = rng.below(clones.len());
        let was = clones[i].waiting;
        made.step(&env, &mut rng, &mut clones[i], n);
        clashes += usize::from(!was && clones[i].waiting);
    }
    for _ in 0..2 {
        for clone in &mut clones {
            sync_through(&env, clone);
        }
    }
    eprintln!("{} saves, {clashes} syncs stopped on a clash", made.saves.len());

    let there = tip(&env, &remote);
    let first = &clones[0].dir;
    let same = |args: &[&str]| env.udkast_in(first, args).ok().to_string();
    let (log, status, comments) = (
        same(&["log", "klima", "--json"]),
        without_sync(&same(&["status", "klima", "--json"])),
        same(&["comment", "list", "klima", "--all", "--json"]),
    );
    for clone in &clones {
        let ws = clone.dir.as_path();
        let name = ws.display();
        assert_eq!(tip(&env, ws), there, "{name} is not at the remote's tip");
        assert_eq!(env.git(ws, &["status", "--porcelain"]), "", "{name} is not clean");
        let here = |args: &[&str]| env.udkast_in(ws, args).ok().to_string();
        assert_eq!(here(&["log", "klima", "--json"]), log, "{name} numbers otherwise");
        // Where each clone stands against the remote, and when it last
        // synced, is its own; the rest is the same everywhere.
        assert_eq!(
            without_sync(&here(&["status", "klima", "--json"])),
            status,
            "{name}"
        );
        assert_eq!(
            here(&["comment", "list", "klima", "--all", "--json"]),
            comments,
            "{name}"
        );
        env.udkast_in(ws, &["verify"]).ok();
        made.all_there(&env, ws);
    }
}

/// `udkast status --json` without its `sync` field (each clone's own).
fn without_sync(json: &str) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    if let Some(object) = value.as_object_mut() {
        object.remove("sync");
    }
    value
}
