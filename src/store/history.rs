//! Drafts: which commits changed which document, and the number each draft has.
//!
//! Numbers are derived from the history alone so every clone computes the same
//! ones. Commits are put in one deterministic order, a depth-first post-order
//! that visits a commit's parents first-parent first: everything a commit builds
//! on comes before it, and the order of existing commits never changes when new
//! commits (or merges) are added on top. A document's drafts are numbered 1, 2, …
//! in that order. When two clones both wrote "draft 5" and are merged, the one
//! on the merge's first-parent side stays 5, the other becomes 6; its `Draft:`
//! trailer still says 5, and `recorded` keeps that so the tool can say so.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use git2::Oid;
use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};

use super::cache::{Cache, CommitInfo, DraftRecord, Interner};
use super::rawtree;
use super::{Result, Store};
use crate::domain::{Slug, paths};

/// One draft of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub number: u32,
    pub commit: Oid,
    /// The number in the commit's `Draft:` trailer, if it has one for this document.
    pub recorded: Option<u32>,
    pub author: String,
    pub email: String,
    pub time: jiff::Zoned,
    /// The first line of the commit message.
    pub summary: String,
    pub document: Oid,
}

/// A draft found while the history is read for the first time: its number is
/// not known until every older commit is read.
#[derive(Debug, Clone)]
pub struct FoundDraft {
    pub slug: Arc<str>,
    pub commit: Oid,
    pub author: Arc<str>,
    pub time: jiff::Zoned,
    pub summary: String,
}

/// How far a first read of the history got: `done` of `total` commits, and
/// the drafts found in the newest commits since the last report, newest first
/// (by commit, not yet numbered). Older commits, read by a second thread, are
/// only counted.
#[derive(Debug)]
pub struct Reading<'a> {
    pub done: usize,
    /// Not known while the history is still being listed.
    pub total: Option<usize>,
    pub found: &'a [FoundDraft],
}

/// The drafts of every document reachable from one head.
#[derive(Debug, Default)]
pub struct DraftIndex {
    pub by_slug: HashMap<String, Vec<Draft>>,
}

impl DraftIndex {
    pub fn drafts(&self, slug: &str) -> &[Draft] {
        self.by_slug.get(slug).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The `(document.md, strategy.toml)` blobs of a document at a commit: a draft is
/// a commit where this pair differs from every parent's.
type Version = (Option<Oid>, Option<Oid>);

/// All commits reachable from `head`, oldest first, in the order described in
/// the module comment. Iterative, so a 100,000-commit history cannot overflow
/// the stack. Parents come from the cache, which `ensure` has filled.
fn linearize(cache: &Cache, head: Oid) -> Vec<Oid> {
    let parents_of = |oid: &Oid| {
        cache
            .commits
            .get(oid)
            .map(|i| i.parents.as_slice())
            .unwrap_or(&[])
    };
    let mut out = Vec::with_capacity(cache.commits.len());
    let mut seen = HashSet::with_capacity(cache.commits.len());
    seen.insert(head);
    let mut stack = vec![(head, 0usize)];
    while let Some((oid, next)) = stack.last_mut() {
        let parents = parents_of(oid);
        if let Some(&p) = parents.get(*next) {
            *next += 1;
            if seen.insert(p) {
                stack.push((p, 0));
            }
        } else {
            out.push(*oid);
            stack.pop();
        }
    }
    out
}

/// Reads `Draft:` and `Strategy:` trailers from a commit message.
pub fn parse_trailers(message: &str) -> (Option<u32>, Option<String>) {
    let mut draft = None;
    let mut strategy = None;
    if let Ok(trailers) = git2::message_trailers_strs(message) {
        for (key, value) in trailers.iter() {
            if key.eq_ignore_ascii_case("Draft") {
                draft = value.trim().parse().ok();
            } else if key.eq_ignore_ascii_case("Strategy") {
                strategy = Some(value.trim().to_string());
            }
        }
    }
    (draft, strategy)
}

impl Store {
    pub(super) fn cache_path(&self) -> std::path::PathBuf {
        self.private_dir().join("drafts.cache")
    }

    /// The drafts of every document (or only of `only`) reachable from `head`.
    /// The index of every document is kept for the last head asked about:
    /// the overview, opening a document, its history and approvals all number
    /// the same drafts. One document's alone (a CLI command) is not kept.
    pub fn draft_index(&self, head: Option<Oid>, only: Option<&Slug>) -> Result<Arc<DraftIndex>> {
        let Some(head) = head else {
            return Ok(Arc::default());
        };
        let kept = match self.index.borrow().as_ref() {
            Some((at, index)) if *at == head => Some(index.clone()),
            _ => None,
        };
        Ok(match (kept, only) {
            (Some(all), None) => all,
            (Some(all), Some(slug)) => Arc::new(DraftIndex {
                by_slug: all
                    .by_slug
                    .get(slug.as_str())
                    .map(|d| HashMap::from([(slug.to_string(), d.clone())]))
                    .unwrap_or_default(),
            }),
            (None, only) => {
                let index = Arc::new(self.number_drafts(head, only)?);
                if only.is_none() {
                    *self.index.borrow_mut() = Some((head, index.clone()));
                }
                index
            }
        })
    }

    fn number_drafts(&self, head: Oid, only: Option<&Slug>) -> Result<DraftIndex> {
        let mut index = DraftIndex::default();
        let path = self.cache_path();
        {
            let mut slot = self.cache.borrow_mut();
            let cache = slot.get_or_insert_with(|| Cache::load(&path));
            self.ensure(cache, head)?;
            cache.save(&path);
            for oid in linearize(cache, head) {
                for record in &cache.commits[&oid].drafts {
                    if only.is_some_and(|s| s.as_str() != &*record.slug) {
                        continue;
                    }
                    if !index.by_slug.contains_key(&*record.slug) {
                        index.by_slug.insert(record.slug.to_string(), Vec::new());
                    }
                    let Some(drafts) = index.by_slug.get_mut(&*record.slug) else {
                        continue;
                    };
                    drafts.push(Draft {
                        number: drafts.len() as u32 + 1,
                        commit: oid,
                        recorded: record.recorded,
                        author: record.author.to_string(),
                        email: record.email.to_string(),
                        time: zoned(git2::Time::new(record.seconds, record.offset_minutes)),
                        summary: record.summary.clone(),
                        document: record.document,
                    });
                }
            }
        }
        Ok(index)
    }

    /// Adds every commit reachable from `head` that the cache lacks. The
    /// newest are read as they are listed, so the drafts they made are on
    /// screen before the whole history is even listed; a long rest (a fresh
    /// clone) is read by two threads, each with its own repository handle, on
    /// its two halves.
    fn ensure(&self, cache: &mut Cache, head: Oid) -> Result<()> {
        // This thread reads the newest commits and tells the user how far the
        // reading got, with the drafts it found; the other thread only counts.
        let done = AtomicUsize::new(0);
        let total = std::cell::Cell::new(None);
        let report = |commits: &[Oid], infos: &[CommitInfo]| {
            let done = done.fetch_add(commits.len(), Ordering::Relaxed) + commits.len();
            if let Some(progress) = self.progress.borrow_mut().as_mut() {
                let found: Vec<FoundDraft> = commits
                    .iter()
                    .zip(infos)
                    .flat_map(|(commit, info)| {
                        info.drafts.iter().map(|d| FoundDraft {
                            slug: d.slug.clone(),
                            commit: *commit,
                            author: d.author.clone(),
                            time: zoned(git2::Time::new(d.seconds, d.offset_minutes)),
                            summary: d.summary.clone(),
                        })
                    })
                    .collect();
                progress(&Reading {
                    done,
                    total: total.get(),
                    found: &found,
                });
            }
        };
        let mut walk = Walk::new(&self.repo, &self.cancel)?;
        let known = |oid: &Oid| cache.commits.contains_key(oid);
        let done = &done;
        // A few new commits (the usual case) are read here and now.
        let mut newest = Listing::new(head);
        while newest.seen.len() < ONE_THREAD_UP_TO {
            if !newest.step(&known, |oid| walk.commit_info(oid))? {
                newest.report_rest(&report);
                let Listing { order, infos, .. } = newest;
                keep(cache, order, infos);
                return Ok(());
            }
            newest.report_chunk(&report);
        }
        // A long history: another thread lists it all while this one reads
        // the newest commits (so their drafts are on screen at once); then
        // the two share what is left.
        let path = self.repo.path().to_path_buf();
        let cancel = &self.cancel;
        let (read_rest, result) = std::thread::scope(|scope| {
            let (listed_tx, listed) = std::sync::mpsc::channel::<Vec<Oid>>();
            let (share_tx, share) = std::sync::mpsc::channel::<Vec<Oid>>();
            let other = scope.spawn(move || -> Result<(Vec<Oid>, Vec<CommitInfo>)> {
                let repo = git2::Repository::open(&path)?;
                let mut all = Listing::<Vec<Oid>>::new(head);
                while all.step(&known, |oid| {
                    cancel.check()?;
                    Ok(repo.find_commit(oid)?.parent_ids().collect())
                })? {}
                let _ = listed_tx.send(all.order);
                // This thread's share of what the other has not read yet.
                let Ok(mine) = share.recv() else {
                    return Ok(Default::default());
                };
                let infos = Walk::new(&repo, cancel)?.infos(&mine, &|commits, _| {
                    done.fetch_add(commits.len(), Ordering::Relaxed);
                })?;
                Ok((mine, infos))
            });
            let mut listing_failed = false;
            let mine = (|| -> Result<(Vec<Oid>, Vec<CommitInfo>)> {
                let mut rest = Vec::new();
                loop {
                    if !listing_failed {
                        match listed.try_recv() {
                            Ok(all) => {
                                total.set(Some(all.len()));
                                rest = all.into_iter().filter(|o| !newest.seen.contains(o)).collect();
                                break;
                            }
                            Err(std::sync::mpsc::TryRecvError::Empty) => {}
                            // It failed: read everything here.
                            Err(std::sync::mpsc::TryRecvError::Disconnected) => listing_failed = true,
                        }
                    }
                    if !newest.step(&known, |oid| walk.commit_info(oid))? {
                        break;
                    }
                    newest.report_chunk(&report);
                }
                newest.report_rest(&report);
                let theirs = rest.split_off(rest.len() / 2);
                let _ = share_tx.send(theirs);
                let infos = walk.infos(&rest, &report)?;
                Ok((rest, infos))
            })();
            // Nothing to share after an error: the other thread stops.
            drop(share_tx);
            // A panic in the other thread is a bug; carry it on.
            let other = other.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            let read_rest = match (mine, other) {
                (Ok(mine), Ok(theirs)) => Ok([mine, theirs]),
                (Err(e), _) => Err(e),
                // Listing failed, so this thread read everything itself.
                (Ok(mine), Err(_)) if listing_failed => Ok([mine, Default::default()]),
                (Ok(_), Err(e)) => Err(e),
            };
            (read_rest, newest)
        });
        let Listing {
            mut order, mut infos, ..
        } = result;
        for (commits, read) in read_rest? {
            order.extend(commits);
            infos.extend(read);
        }
        keep(cache, order, infos);
        Ok(())
    }

    /// The commit message of a new draft of `slug` on top of `parent`: the
    /// user's message and trailers naming the document and its draft number.
    pub fn draft_message(&self, parent: Option<Oid>, slug: &Slug, message: &str) -> Result<String> {
        let index = self.draft_index(parent, Some(slug))?;
        let number = index.drafts(slug.as_str()).len() + 1;
        Ok(format!(
            "{}\n\nStrategy: {slug}\nDraft: {number}\n",
            message.trim_end()
        ))
    }

    /// The drafts of one document at the branch head.
    pub fn drafts(&self, slug: &Slug) -> Result<Vec<Draft>> {
        Ok(self
            .draft_index(self.head()?, Some(slug))?
            .drafts(slug.as_str())
            .to_vec())
    }
}

/// Up to this many new commits (the usual case: a few saves since the last
/// run) are read by this thread alone; beyond it a second thread lists the
/// rest meanwhile, and then shares the reading. A second repository handle
/// costs more than reading a few hundred commits.
const ONE_THREAD_UP_TO: usize = 250;

/// How often (in commits) a first read tells how far it got.
const REPORT_EVERY: usize = 250;

/// Adds what a walk read to the cache.
fn keep(cache: &mut Cache, order: Vec<Oid>, infos: Vec<CommitInfo>) {
    if !order.is_empty() {
        cache.commits.extend(order.into_iter().zip(infos));
        cache.dirty = true;
    }
}

/// A depth-first listing of the commits the cache lacks, from a head, parents
/// first-parent first: what each commit gave when visited (its parents, or
/// its whole `CommitInfo`) in the order visited. Two listings of one history
/// visit it in the same order.
struct Listing<T> {
    stack: Vec<Oid>,
    /// The commits visited.
    seen: HashSet<Oid>,
    order: Vec<Oid>,
    infos: Vec<T>,
    /// How many of them were reported.
    reported: usize,
}

trait Parents {
    fn parents(&self) -> &[Oid];
}

impl Parents for Vec<Oid> {
    fn parents(&self) -> &[Oid] {
        self
    }
}

impl Parents for CommitInfo {
    fn parents(&self) -> &[Oid] {
        &self.parents
    }
}

impl<T: Parents> Listing<T> {
    fn new(head: Oid) -> Listing<T> {
        Listing {
            stack: vec![head],
            seen: HashSet::new(),
            order: Vec::new(),
            infos: Vec::new(),
            reported: 0,
        }
    }

    /// Visits the next commit not `known`; false when there is none left.
    fn step(&mut self, known: &impl Fn(&Oid) -> bool, visit: impl FnOnce(Oid) -> Result<T>) -> Result<bool> {
        while let Some(oid) = self.stack.pop() {
            if known(&oid) || !self.seen.insert(oid) {
                continue;
            }
            let item = visit(oid)?;
            self.stack.extend(item.parents().iter().copied());
            self.order.push(oid);
            self.infos.push(item);
            return Ok(true);
        }
        Ok(false)
    }
}

impl Listing<CommitInfo> {
    /// Reports each `REPORT_EVERY` commits read.
    fn report_chunk(&mut self, report: &dyn Fn(&[Oid], &[CommitInfo])) {
        if self.infos.len() - self.reported >= REPORT_EVERY {
            self.report_rest(report);
        }
    }

    /// Reports what was read and not reported yet (maybe nothing: the total
    /// may have become known).
    fn report_rest(&mut self, report: &dyn Fn(&[Oid], &[CommitInfo])) {
        report(&self.order[self.reported..], &self.infos[self.reported..]);
        self.reported = self.infos.len();
    }
}

/// What a walk through new commits remembers between commits. The walk goes
/// from a commit to its parents, so the parent's `strategies/` tree, read to
/// compare against, is the next commit's own: it is read once, not twice, and
/// a commit's `strategies/` tree id is looked up once. Trees are read raw
/// (`rawtree`): this loop reads every `strategies/` tree of the history.
struct Walk<'r> {
    repo: &'r git2::Repository,
    odb: git2::Odb<'r>,
    /// A commit's `strategies/` tree id (`None`: it has none).
    strategies: HashMap<Oid, Option<Oid>>,
    /// Raw `strategies/` trees; emptied when it grows, as a walk only ever
    /// needs the last few.
    trees: HashMap<Oid, std::rc::Rc<[u8]>>,
    /// A document folder's version, by the folder's tree id.
    versions: HashMap<Oid, Version>,
    strings: Interner,
    /// Looked at before each commit: a cancelled walk ends there.
    cancel: &'r super::Cancel,
}

impl<'r> Walk<'r> {
    fn new(repo: &'r git2::Repository, cancel: &'r super::Cancel) -> Result<Walk<'r>> {
        Ok(Walk {
            repo,
            cancel,
            odb: repo.odb()?,
            strategies: HashMap::new(),
            trees: HashMap::new(),
            versions: HashMap::new(),
            strings: Interner::default(),
        })
    }

    fn strategies_of(&mut self, commit: &git2::Commit<'_>) -> Result<Option<Oid>> {
        if let Some(known) = self.strategies.get(&commit.id()) {
            return Ok(*known);
        }
        let root = self.odb.read(commit.tree_id())?;
        let id = rawtree::find(root.data(), paths::STRATEGIES.as_bytes())
            .filter(|e| e.is_tree)
            .map(|e| e.oid());
        self.strategies.insert(commit.id(), id);
        Ok(id)
    }

    fn strategies_of_id(&mut self, oid: Oid) -> Result<Option<Oid>> {
        match self.strategies.get(&oid) {
            Some(known) => Ok(*known),
            None => self.strategies_of(&self.repo.find_commit(oid)?),
        }
    }

    fn tree(&mut self, oid: Oid) -> Result<std::rc::Rc<[u8]>> {
        if let Some(tree) = self.trees.get(&oid) {
            return Ok(tree.clone());
        }
        if self.trees.len() >= 64 {
            self.trees.clear();
        }
        let tree: std::rc::Rc<[u8]> = self.odb.read(oid)?.data().into();
        self.trees.insert(oid, tree.clone());
        Ok(tree)
    }

    fn version(&mut self, folder: Oid) -> Result<Version> {
        if let Some(v) = self.versions.get(&folder) {
            return Ok(*v);
        }
        let tree = self.odb.read(folder)?;
        let file = |name: &str| {
            rawtree::find(tree.data(), name.as_bytes())
                .filter(|e| !e.is_tree)
                .map(|e| e.oid())
        };
        let v = (file(paths::DOCUMENT), file(paths::META));
        self.versions.insert(folder, v);
        Ok(v)
    }

    /// The infos of `commits`, calling `read` with each few hundred of them.
    fn infos(&mut self, commits: &[Oid], read: &dyn Fn(&[Oid], &[CommitInfo])) -> Result<Vec<CommitInfo>> {
        let mut out = Vec::with_capacity(commits.len());
        for chunk in commits.chunks(REPORT_EVERY) {
            let start = out.len();
            for commit in chunk {
                out.push(self.commit_info(*commit)?);
            }
            read(chunk, &out[start..]);
        }
        Ok(out)
    }

    /// A commit's parents and the drafts it made: the documents whose
    /// (`document.md`, `strategy.toml`) pair differs from every parent's.
    fn commit_info(&mut self, oid: Oid) -> Result<CommitInfo> {
        self.cancel.check()?;
        let commit = self.repo.find_commit(oid)?;
        let mut info = CommitInfo {
            parents: commit.parent_ids().collect(),
            drafts: Vec::new(),
        };
        let Some(here) = self.strategies_of(&commit)? else {
            return Ok(info);
        };
        let parent_trees = info
            .parents
            .iter()
            .map(|p| self.strategies_of_id(*p))
            .collect::<Result<Vec<_>>>()?;
        // Most commits leave every document alone (or are the same merge twice).
        if parent_trees.contains(&Some(here)) {
            return Ok(info);
        }
        let here_tree = self.tree(here)?;
        // The folders that differ from the first parent (all of them when it
        // has none), with the folder of the same name in every parent.
        let first = match parent_trees.first().copied().flatten() {
            Some(t) => self.tree(t)?,
            None => std::rc::Rc::from(&[][..]),
        };
        let mut candidates = Vec::new();
        for (entry, in_first) in rawtree::changed_folders(&here_tree, &first) {
            let mut parents = vec![in_first];
            for tree in parent_trees.iter().skip(1) {
                let found = match tree {
                    Some(t) => rawtree::find(&self.tree(*t)?, entry.name)
                        .filter(|e| e.is_tree)
                        .map(|e| e.oid()),
                    None => None,
                };
                parents.push(found);
            }
            candidates.push((entry.name.to_vec(), entry.oid(), parents));
        }
        let (recorded, for_slug) = parse_trailers(&String::from_utf8_lossy(commit.message_bytes()));
        let author = commit.author();
        for (name, folder, parent_folders) in candidates {
            // A folder identical in any parent is no draft (a merge taking one side).
            if parent_folders.contains(&Some(folder)) {
                continue;
            }
            let Ok(name) = String::from_utf8(name) else {
                continue;
            };
            let version = self.version(folder)?;
            let Some(document) = version.0 else { continue };
            let mut changed = true;
            for parent in parent_folders {
                let parent_version = match parent {
                    Some(p) => self.version(p)?,
                    None => (None, None),
                };
                if parent_version == version {
                    changed = false;
                }
            }
            if !changed {
                continue;
            }
            info.drafts.push(DraftRecord {
                recorded: recorded.filter(|_| for_slug.as_deref().is_none_or(|s| s == name)),
                slug: self.strings.get(&name),
                document,
                author: self.strings.get(&String::from_utf8_lossy(author.name_bytes())),
                email: self.strings.get(&String::from_utf8_lossy(author.email_bytes())),
                seconds: author.when().seconds(),
                offset_minutes: author.when().offset_minutes(),
                summary: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned(),
            });
        }
        Ok(info)
    }
}

/// A git time as a zoned timestamp in the committer's own offset.
pub(super) fn zoned(when: git2::Time) -> jiff::Zoned {
    let ts = Timestamp::from_second(when.seconds()).unwrap_or(Timestamp::UNIX_EPOCH);
    let offset = Offset::from_seconds(when.offset_minutes() * 60).unwrap_or(Offset::UTC);
    ts.to_zoned(TimeZone::fixed(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_are_read() {
        let msg = "Skærpet målene\n\nLængere forklaring.\n\nStrategy: klima\nDraft: 7\n";
        assert_eq!(parse_trailers(msg), (Some(7), Some("klima".into())));
        assert_eq!(parse_trailers("Plain git commit"), (None, None));
    }
}
