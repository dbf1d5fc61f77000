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

use git2::Oid;
use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};

use super::cache::{Cache, CommitInfo, DraftRecord};
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
    pub fn draft_index(&self, head: Option<Oid>, only: Option<&Slug>) -> Result<DraftIndex> {
        let mut index = DraftIndex::default();
        let Some(head) = head else { return Ok(index) };
        let path = self.cache_path();
        let mut slot = self.cache.borrow_mut();
        let cache = slot.get_or_insert_with(|| Cache::load(&path));
        self.ensure(cache, head)?;
        cache.save(&path);
        for oid in linearize(cache, head) {
            for record in &cache.commits[&oid].drafts {
                if only.is_some_and(|s| s.as_str() != record.slug) {
                    continue;
                }
                let drafts = index.by_slug.entry(record.slug.clone()).or_default();
                drafts.push(Draft {
                    number: drafts.len() as u32 + 1,
                    commit: oid,
                    recorded: record.recorded,
                    author: record.author.clone(),
                    email: record.email.clone(),
                    time: zoned(git2::Time::new(record.seconds, record.offset_minutes)),
                    summary: record.summary.clone(),
                    document: record.document,
                });
            }
        }
        Ok(index)
    }

    /// Adds every commit reachable from `head` that the cache lacks.
    fn ensure(&self, cache: &mut Cache, head: Oid) -> Result<()> {
        let mut versions: HashMap<Oid, Version> = HashMap::new();
        let mut stack = vec![head];
        while let Some(oid) = stack.pop() {
            if cache.commits.contains_key(&oid) {
                continue;
            }
            let info = self.commit_info(oid, &mut versions)?;
            stack.extend(info.parents.iter().filter(|p| !cache.commits.contains_key(p)));
            cache.commits.insert(oid, info);
            cache.dirty = true;
        }
        Ok(())
    }

    /// A commit's parents and the drafts it made: the documents whose
    /// (`document.md`, `strategy.toml`) pair differs from every parent's.
    fn commit_info(&self, oid: Oid, versions: &mut HashMap<Oid, Version>) -> Result<CommitInfo> {
        let repo = &self.repo;
        let commit = repo.find_commit(oid)?;
        let parents: Vec<Oid> = commit.parent_ids().collect();
        let mut info = CommitInfo {
            parents,
            drafts: Vec::new(),
        };
        let strategies_of = |c: &git2::Commit<'_>| -> Result<Option<Oid>> {
            Ok(c.tree()?.get_name(paths::STRATEGIES).map(|e| e.id()))
        };
        let Some(here) = strategies_of(&commit)? else {
            return Ok(info);
        };
        let parent_trees = info
            .parents
            .iter()
            .map(|p| strategies_of(&repo.find_commit(*p)?))
            .collect::<Result<Vec<_>>>()?;
        if parent_trees.contains(&Some(here)) {
            return Ok(info);
        }
        let mut version_of = |subtree: Oid| -> Result<Version> {
            if let Some(v) = versions.get(&subtree) {
                return Ok(*v);
            }
            let tree = repo.find_tree(subtree)?;
            let v = (
                tree.get_name(paths::DOCUMENT).map(|e| e.id()),
                tree.get_name(paths::META).map(|e| e.id()),
            );
            versions.insert(subtree, v);
            Ok(v)
        };
        let here_tree = repo.find_tree(here)?;
        let parent_dirs = parent_trees
            .iter()
            .map(|t| t.map(|t| repo.find_tree(t)).transpose())
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let (recorded, for_slug) = parse_trailers(&String::from_utf8_lossy(commit.message_bytes()));
        let author = commit.author();
        for entry in here_tree.iter() {
            let Ok(name) = entry.name() else { continue };
            if entry.kind() != Some(git2::ObjectType::Tree) {
                continue;
            }
            let sub = entry.id();
            let parent_subs: Vec<Option<Oid>> = parent_dirs
                .iter()
                .map(|d| d.as_ref().and_then(|d| d.get_name(name)).map(|e| e.id()))
                .collect();
            if parent_subs.contains(&Some(sub)) {
                continue;
            }
            let version = version_of(sub)?;
            let Some(document) = version.0 else { continue };
            let mut changed = true;
            for parent in parent_subs {
                let parent_version = match parent {
                    Some(p) => version_of(p)?,
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
                slug: name.to_string(),
                document,
                recorded: recorded.filter(|_| for_slug.as_deref().is_none_or(|s| s == name)),
                author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
                seconds: author.when().seconds(),
                offset_minutes: author.when().offset_minutes(),
                summary: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned(),
            });
        }
        Ok(info)
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
        let mut index = self.draft_index(self.head()?, Some(slug))?;
        Ok(index.by_slug.remove(slug.as_str()).unwrap_or_default())
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
