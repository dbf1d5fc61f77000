//! Syncing with the team's remote: fetch (the user's own git), merge what
//! came as saving merges (separate files cleanly, a document three-way, a
//! comment thread by its messages), approved-version tags both ways, push,
//! and again from the fetch when someone pushed in between.
//!
//! Passages both sides changed stop the sync with nothing changed here but
//! the fetched refs: the faces show them (the TUI its resolver, the command
//! line files with marks) and sync again with the person's texts, from the
//! same fetched tip, so what they resolved is what gets merged.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Refused;
use crate::lang::{CliMsg, t, tf};
use crate::remote::{Git, RemoteError};
use crate::store::{CommitId, FileClash, Merged, RefState, Store, StoreError, Upstream};

/// How often a sync fetches and merges again when the remote moved
/// between its fetch and its push.
const ATTEMPTS: usize = 5;

/// Where a sync waiting on clashing passages is kept (in the repository's
/// private folder), for `--continue` and `--abort`.
pub const WAITING: &str = "sync.json";

/// What to sync, and with what.
#[derive(Debug, Default, Clone)]
pub struct SyncInput {
    /// The remote to sync with; the branch's own, else `origin`.
    pub remote: Option<String>,
    /// The person's texts for files that clashed, by path.
    pub resolved: HashMap<String, Vec<u8>>,
    /// The tips the texts were resolved against: merged without fetching
    /// first, and refused when this branch moved since.
    pub resume: Option<Resume>,
}

/// Where a sync that stopped on clashing passages stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resume {
    /// This branch's tip (`None`: it had no commit).
    pub here: Option<CommitId>,
    /// The remote's.
    pub there: CommitId,
}

/// A finished sync.
#[derive(Debug, Clone)]
pub struct Synced {
    pub upstream: Upstream,
    /// Commits that came from the remote.
    pub received: usize,
    /// Commits that went to the remote.
    pub sent: usize,
    pub merged: bool,
    /// Drafts made here that have another number now, as the remote's
    /// drafts came before them.
    pub renumbered: Vec<Renumbered>,
    pub tags_received: Vec<String>,
    pub tags_sent: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbered {
    pub slug: String,
    pub was: u32,
    pub now: u32,
}

/// A sync stopped on passages both sides changed.
#[derive(Debug, Clone)]
pub struct Clashing {
    pub upstream: Upstream,
    pub clashes: Vec<FileClash>,
    /// The tips the clashes are between: resume from them.
    pub resume: Resume,
    /// The refs before the sync began, to go back to.
    pub before: RefState,
}

#[derive(Debug)]
pub enum SyncOutcome {
    Done(Synced),
    Clashes(Clashing),
}

/// A sync waiting on clashing passages, as the command line keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Waiting {
    pub remote: String,
    /// This branch's tip when the sync stopped (empty: none).
    pub here: String,
    pub there: String,
    pub before: RefState,
    /// The files with clash marks the person edits: repository path and
    /// where the file is.
    pub files: Vec<(String, std::path::PathBuf)>,
}

impl Synced {
    /// One line for the status line and the command line, in the thread's
    /// language.
    pub fn report(&self) -> String {
        let up = &self.upstream;
        let mut parts = Vec::new();
        match (self.received, self.sent) {
            (0, 0) if self.tags_received.is_empty() && self.tags_sent.is_empty() => parts.push(tf(
                CliMsg::SyncUpToDate,
                &[("remote", &up.remote), ("branch", &up.short)],
            )),
            (received, sent) => {
                let merged = if self.merged {
                    t(CliMsg::SyncMergedNote)
                } else {
                    ""
                };
                parts.push(tf(
                    match received {
                        1 => CliMsg::SyncedOne,
                        _ => CliMsg::Synced,
                    },
                    &[
                        ("remote", &up.remote),
                        ("branch", &up.short),
                        ("received", &received),
                        ("sent", &sent),
                        ("merged", &merged),
                    ],
                ))
            }
        }
        if !self.tags_received.is_empty() {
            let tags = self.tags_received.join(", ");
            parts.push(tf(CliMsg::SyncTagsIn, &[("tags", &tags)]));
        }
        if !self.tags_sent.is_empty() {
            let tags = self.tags_sent.join(", ");
            parts.push(tf(CliMsg::SyncTagsOut, &[("tags", &tags)]));
        }
        for r in &self.renumbered {
            parts.push(tf(
                CliMsg::SyncRenumbered,
                &[("was", &r.was), ("now", &r.now), ("slug", &r.slug)],
            ));
        }
        parts.join("; ")
    }
}

/// Syncs the branch with its remote through `git`.
pub fn sync(
    store: &Store,
    git: &Git,
    input: &SyncInput,
    progress: &mut dyn FnMut(&str),
) -> Result<SyncOutcome, Refused> {
    git.check_version()?;
    let up = store.upstream(input.remote.as_deref())?;
    let before = store.ref_state(&up)?;
    let numbered = numbers(store, store.head()?)?;
    let mut synced = Synced {
        upstream: up.clone(),
        received: 0,
        sent: 0,
        merged: false,
        renumbered: Vec::new(),
        tags_received: Vec::new(),
        tags_sent: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(resume) = input.resume
        && store.head()?.map(CommitId::from) != resume.here
    {
        return Err(Refused::SyncMoved);
    }
    let mut resume = input.resume;
    let unresolved = HashMap::new();
    for _ in 0..ATTEMPTS {
        if resume.is_none() {
            progress(&tf(CliMsg::SyncFetching, &[("remote", &up.remote)]));
            git.fetch(&up.remote, &up.fetch_refspecs())?;
        }
        // The person's texts answer the clashes with the tip they were
        // shown, not with one fetched since (it would overwrite its changes).
        let resolved = match resume {
            Some(_) => &input.resolved,
            None => &unresolved,
        };
        let plan = store.plan_tags(&up)?;
        if let Some(clash) = plan.clashes.first() {
            return Err(Refused::TagClash {
                name: clash.name.clone(),
                remote: up.remote.clone(),
            });
        }
        let (_, behind) = store.ahead_behind(&up)?.unwrap_or((0, 0));
        progress(t(CliMsg::SyncMerging));
        let merge = match store.sync_merge(&up, resolved) {
            // A save here meanwhile: merge again.
            Err(StoreError::TooBusy(1)) => continue,
            other => other?,
        };
        resume = None;
        match merge {
            Merged::Clashes(clashes) => {
                let there = store.remote_tip(&up)?.ok_or(StoreError::TooBusy(1))?;
                let here = store.head()?.map(CommitId::from);
                return Ok(SyncOutcome::Clashes(Clashing {
                    upstream: up,
                    clashes,
                    resume: Resume {
                        here,
                        there: there.into(),
                    },
                    before,
                }));
            }
            Merged::UpToDate | Merged::FastForward { .. } => {}
            Merged::Merged { warnings, .. } => {
                synced.merged = true;
                synced.warnings.extend(warnings);
            }
        }
        synced.received += behind;
        store.fetch_tags(&plan)?;
        synced
            .tags_received
            .extend(plan.fetch.iter().map(|(n, _)| n.clone()));
        // Without the branch on the remote yet, everything here goes.
        let ahead = match store.ahead_behind(&up)? {
            Some((ahead, _)) => ahead,
            None => store.head()?.map_or(0, |h| store.count_commits(h)),
        };
        let mut refspecs = Vec::new();
        if ahead > 0 {
            refspecs.push(format!("{0}:{0}", up.branch));
        }
        refspecs.extend(plan.push.iter().map(|n| format!("refs/tags/{n}:refs/tags/{n}")));
        if refspecs.is_empty() {
            return finish(store, &numbered, synced);
        }
        progress(&tf(CliMsg::SyncPushing, &[("remote", &up.remote)]));
        match git.push(&up.remote, &refspecs) {
            Ok(_) => {
                store.pushed(&up, &plan.push)?;
                synced.sent = ahead;
                synced.tags_sent = plan.push;
                return finish(store, &numbered, synced);
            }
            // Someone pushed since the fetch: fetch and merge again.
            Err(RemoteError::Behind { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(StoreError::TooBusy(ATTEMPTS).into())
}

/// A sync done: which drafts made here have other numbers now, and when.
fn finish(
    store: &Store,
    numbered: &HashMap<git2::Oid, (String, u32)>,
    mut synced: Synced,
) -> Result<SyncOutcome, Refused> {
    let now = numbers(store, store.head()?)?;
    synced.renumbered = numbered
        .iter()
        .filter_map(|(commit, (slug, was))| {
            let (_, now) = now.get(commit)?;
            (now != was).then(|| Renumbered {
                slug: slug.clone(),
                was: *was,
                now: *now,
            })
        })
        .collect();
    synced
        .renumbered
        .sort_by(|a, b| (&a.slug, a.was).cmp(&(&b.slug, b.was)));
    store.remember("last-sync", jiff::Timestamp::now().to_string().as_bytes());
    Ok(SyncOutcome::Done(synced))
}

/// Every draft's number at `head`, by its commit.
fn numbers(store: &Store, head: Option<git2::Oid>) -> Result<HashMap<git2::Oid, (String, u32)>, Refused> {
    let index = store.draft_index(head, None)?;
    Ok(index
        .by_slug
        .iter()
        .flat_map(|(slug, drafts)| drafts.iter().map(|d| (d.commit, (slug.clone(), d.number))))
        .collect())
}

/// Where the branch stands against its remote, as last fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncState {
    pub remote: String,
    pub branch: String,
    /// Commits here the remote lacks.
    pub ahead: usize,
    /// Commits there this branch lacks (as of the last fetch).
    pub behind: usize,
    /// When this clone last synced (RFC 3339), if ever.
    pub last_sync: Option<String>,
    /// Documents whose text the remote changed that are not here yet.
    pub changed_there: Vec<String>,
}

impl SyncState {
    /// `↑2 ↓3 · synced 14:20` (arrows only for what differs; the time in
    /// the local zone, with the date when not today), in the thread's
    /// language.
    pub fn summary(&self, now: &jiff::Zoned) -> String {
        let arrows = match (self.ahead, self.behind) {
            (0, 0) => String::new(),
            (a, 0) => format!("↑{a}"),
            (0, b) => format!("↓{b}"),
            (a, b) => format!("↑{a} ↓{b}"),
        };
        let when = self
            .last_sync
            .as_deref()
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .map(|t| t.to_zoned(now.time_zone().clone()))
            .map(|t| match t.date() == now.date() {
                true => t.strftime("%H:%M").to_string(),
                // As a table writes a date: 2026-11-20, in Danish 20-11-2026.
                false => crate::lang::table_date(&t.strftime("%Y-%m-%d").to_string()),
            })
            .map(|time| tf(CliMsg::SyncedAt, &[("time", &time)]));
        match (arrows.is_empty(), when) {
            (_, None) => arrows,
            (true, Some(when)) => when,
            (false, Some(when)) => format!("{arrows} · {when}"),
        }
    }
}

/// Ahead/behind against the remote as last fetched; `None` without a remote.
pub fn sync_state(store: &Store) -> Result<Option<SyncState>, Refused> {
    let Ok(up) = store.upstream(None) else {
        return Ok(None);
    };
    let (ahead, behind) = store.ahead_behind(&up)?.unwrap_or((0, 0));
    let last_sync = store.recall("last-sync").and_then(|b| String::from_utf8(b).ok());
    Ok(Some(SyncState {
        changed_there: store.changed_there(&up)?,
        remote: up.remote,
        branch: up.short,
        ahead,
        behind,
        last_sync,
    }))
}

/// Fetches the remote's branches and tags without touching this branch
/// (the TUI's background fetch): where the branch stands then.
pub fn fetch(store: &Store, git: &Git) -> Result<Option<SyncState>, Refused> {
    let Ok(up) = store.upstream(None) else {
        return Ok(None);
    };
    git.check_version()?;
    git.fetch(&up.remote, &up.fetch_refspecs())?;
    sync_state(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_says_ahead_behind_and_when() {
        let now: jiff::Zoned = "2026-11-29T14:30:00+01:00[+01:00]".parse().unwrap();
        let state = |ahead, behind, last: Option<&str>| SyncState {
            remote: "origin".into(),
            branch: "main".into(),
            ahead,
            behind,
            last_sync: last.map(str::to_string),
            changed_there: Vec::new(),
        };
        assert_eq!(state(0, 0, None).summary(&now), "");
        assert_eq!(state(2, 3, None).summary(&now), "↑2 ↓3");
        assert_eq!(
            state(0, 1, Some("2026-11-29T13:20:00Z")).summary(&now),
            "↓1 · synced 14:20"
        );
        assert_eq!(
            state(0, 0, Some("2026-11-20T13:20:00Z")).summary(&now),
            "synced 2026-11-20"
        );
        // The status line of a Danish screen says it in Danish.
        crate::lang::set(crate::lang::Lang::Da);
        let danish = [
            state(0, 1, Some("2026-11-29T13:20:00Z")).summary(&now),
            state(0, 0, Some("2026-11-20T13:20:00Z")).summary(&now),
        ];
        crate::lang::set(crate::lang::Lang::En);
        assert_eq!(danish, ["↓1 · synkroniseret 14:20", "synkroniseret 20-11-2026"]);
    }
}
