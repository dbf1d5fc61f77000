//! Syncing with the team's remote, the local half (the network is the
//! user's own git, in `remote`): which remote and branch, merging what was
//! fetched into the branch, approved-version tags both ways, and the refs
//! as they were, to go back to.
//!
//! The merge commit has the remote's tip as its first parent. Drafts are
//! numbered along first parents first (`history::linearize`), so what the
//! remote had keeps its numbers, the drafts made here follow them, and
//! every clone that syncs numbers the same drafts alike. Separate files
//! merge cleanly; a document both changed merges three-way (a clash is the
//! person's to choose); a comment thread both answered keeps every message.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::{Result, Store, StoreError};
use crate::domain::{Merge, Thread, merge_threads, parse_tag_name, paths};
use crate::lang::{ErrMsg, tf};

/// The remote and branch a sync talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    pub remote: String,
    /// The local branch, in full (`refs/heads/main`); the remote's has the
    /// same name.
    pub branch: String,
    /// Its short name (`main`).
    pub short: String,
}

impl Upstream {
    /// Where the remote's branch is kept here.
    pub fn tracking(&self) -> String {
        format!("refs/remotes/{}/{}", self.remote, self.short)
    }

    /// Where the remote's tags are kept here, apart from our own, so a tag
    /// of the same name made in two clones is seen, not overwritten.
    pub fn tags(&self) -> String {
        format!("refs/udkast/remote-tags/{}/", self.remote)
    }

    /// What a fetch brings: the branches (as git's own fetch does: the
    /// remote may not have ours yet) and every tag, each to its place.
    pub fn fetch_refspecs(&self) -> Vec<String> {
        vec![
            format!("+refs/heads/*:refs/remotes/{}/*", self.remote),
            format!("+refs/tags/*:{}*", self.tags()),
        ]
    }
}

/// What merging the fetched branch did.
#[derive(Debug)]
pub enum Merged {
    /// The remote had nothing this branch lacks.
    UpToDate,
    /// This branch had nothing the remote lacks: it now points where the remote's does.
    FastForward { to: Oid },
    /// Both had changes: a merge commit.
    Merged { commit: Oid, warnings: Vec<String> },
    /// Both changed the same passages of these files; nothing was changed.
    Clashes(Vec<FileClash>),
}

/// A file both sides changed in the same passages.
#[derive(Debug, Clone)]
pub struct FileClash {
    pub path: String,
    pub merge: Merge,
}

/// Approved-version tags here and on the remote.
#[derive(Debug, Clone, Default)]
pub struct TagPlan {
    /// The remote's tags this clone lacks: name and tag object.
    pub fetch: Vec<(String, Oid)>,
    /// Tags only this clone has, to push.
    pub push: Vec<String>,
    /// The same name for different drafts here and there.
    pub clashes: Vec<TagClash>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagClash {
    pub name: String,
    pub here: Oid,
    pub there: Oid,
}

/// The refs a sync may move, as they were: `--abort` puts them back.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RefState {
    pub refs: Vec<(String, String)>,
    /// The namespaces recorded whole: a ref in one of them that is not in
    /// `refs` did not exist.
    pub namespaces: Vec<String>,
}

impl Store {
    /// The remote (`remote`, else the branch's configured one, else
    /// `origin`) and branch a sync talks to.
    pub fn upstream(&self, remote: Option<&str>) -> Result<Upstream> {
        let branch = self.branch()?;
        let short = branch.strip_prefix("refs/heads/").unwrap_or(&branch).to_string();
        let configured = self
            .repo
            .config()
            .and_then(|c| c.get_string(&format!("branch.{short}.remote")))
            .ok();
        let remote = remote
            .map(str::to_string)
            .or(configured)
            .unwrap_or_else(|| "origin".into());
        if self.repo.find_remote(&remote).is_err() {
            return Err(StoreError::NoRemote(remote));
        }
        Ok(Upstream {
            remote,
            branch,
            short,
        })
    }

    /// Where the remote's branch was when last fetched (`None`: it has none).
    pub fn remote_tip(&self, up: &Upstream) -> Result<Option<Oid>> {
        self.branch_tip(&up.tracking())
    }

    /// Commits here the remote lacks, and there that this branch lacks.
    pub fn ahead_behind(&self, up: &Upstream) -> Result<Option<(usize, usize)>> {
        match (self.branch_tip(&up.branch)?, self.remote_tip(up)?) {
            (Some(here), Some(there)) => Ok(Some(self.repo.graph_ahead_behind(here, there)?)),
            _ => Ok(None),
        }
    }

    /// The documents whose text the remote changed since this branch and
    /// it parted (as last fetched): what a sync would bring in.
    pub fn changed_there(&self, up: &Upstream) -> Result<Vec<String>> {
        let (Some(here), Some(there)) = (self.branch_tip(&up.branch)?, self.remote_tip(up)?) else {
            return Ok(Vec::new());
        };
        if here == there || self.repo.graph_descendant_of(here, there)? {
            return Ok(Vec::new());
        }
        let base = self.repo.merge_base(here, there)?;
        let (base, there) = (
            self.repo.find_commit(base)?.tree()?,
            self.repo.find_commit(there)?.tree()?,
        );
        let diff = self.repo.diff_tree_to_tree(Some(&base), Some(&there), None)?;
        let mut slugs: Vec<String> = diff
            .deltas()
            .filter_map(|d| d.new_file().path().or(d.old_file().path()).map(Path::to_path_buf))
            .filter_map(|p| {
                let parts: Vec<String> = p.iter().map(|c| c.to_string_lossy().into_owned()).collect();
                (parts.len() == 3 && parts[0] == paths::STRATEGIES && parts[2] == paths::DOCUMENT)
                    .then(|| parts[1].clone())
            })
            .collect();
        slugs.dedup();
        Ok(slugs)
    }

    /// How many commits `head` has in all.
    pub fn count_commits(&self, head: Oid) -> usize {
        let Ok(mut walk) = self.repo.revwalk() else {
            return 0;
        };
        if walk.push(head).is_err() {
            return 0;
        }
        walk.count()
    }

    /// Merges the fetched branch into this one. `resolved` holds the
    /// person's text for files that clashed before (by path). Nothing
    /// changes when passages clash, or when the branch moved meanwhile
    /// (`StoreError::TooBusy(1)`: merge again).
    pub fn sync_merge(&self, up: &Upstream, resolved: &HashMap<String, Vec<u8>>) -> Result<Merged> {
        let repo = &self.repo;
        let here = self.branch_tip(&up.branch)?;
        let Some(there) = self.remote_tip(up)? else {
            return Ok(Merged::UpToDate);
        };
        let here_tree = self.tree_or_empty(here)?;
        let moved = |warnings: Option<Vec<String>>| warnings.ok_or(StoreError::TooBusy(1));
        let here_commit = match here {
            Some(h) if h == there || repo.graph_descendant_of(h, there)? => return Ok(Merged::UpToDate),
            Some(h) if !repo.graph_descendant_of(there, h)? => h,
            // Nothing here the remote lacks.
            _ => {
                let tree = repo.find_commit(there)?.tree()?;
                let message = format!("sync: fast-forward to {}/{}", up.remote, up.short);
                moved(self.move_branch(&up.branch, here, &here_tree, there, &tree, &message)?)?;
                return Ok(Merged::FastForward { to: there });
            }
        };
        let base = repo.merge_base(here_commit, there)?;
        let base_tree = repo.find_commit(base)?.tree()?;
        let there_commit = repo.find_commit(there)?;
        let there_tree = there_commit.tree()?;
        let mut index = repo.merge_trees(&base_tree, &there_tree, &here_tree, None)?;
        let mut resolutions = Vec::new();
        let mut clashes = Vec::new();
        if index.has_conflicts() {
            let conflicts: Vec<git2::IndexConflict> =
                index.conflicts()?.collect::<std::result::Result<_, _>>()?;
            for conflict in conflicts {
                let path = [&conflict.their, &conflict.our, &conflict.ancestor]
                    .into_iter()
                    .flatten()
                    .map(|e| String::from_utf8_lossy(&e.path).into_owned())
                    .next()
                    .unwrap_or_default();
                let text = |entry: &Option<git2::IndexEntry>| -> Result<String> {
                    Ok(match entry {
                        Some(e) => String::from_utf8_lossy(&self.blob(e.id)?).into_owned(),
                        None => String::new(),
                    })
                };
                let (base, theirs, mine) = (
                    text(&conflict.ancestor)?,
                    text(&conflict.our)?,
                    text(&conflict.their)?,
                );
                if let Some(bytes) = resolved.get(&path) {
                    resolutions.push((path, bytes.clone()));
                } else if let Some(thread) = merged_thread(&path, &base, &mine, &theirs) {
                    resolutions.push((path, thread.into_bytes()));
                } else {
                    let merge = self.merge_passages(&base, &mine, &theirs)?;
                    // The tree merge and the file merge may judge apart (a
                    // line end, a file one side made and the other took out):
                    // what merges as text is taken as merged.
                    match merge.text() {
                        Some(text) => resolutions.push((path, text.into_bytes())),
                        None => clashes.push(FileClash { path, merge }),
                    }
                }
            }
        }
        if !clashes.is_empty() {
            return Ok(Merged::Clashes(clashes));
        }
        for (path, bytes) in &resolutions {
            index.conflict_remove(Path::new(path))?;
            let blob = repo.blob(bytes)?;
            index.add(&super::worktree::entry(Path::new(path), blob, 0o100644, None))?;
        }
        let tree = repo.find_tree(index.write_tree_to(repo)?)?;
        let author = self.identity()?;
        // What came from the remote, as the history's list will show it.
        let mut walk = repo.revwalk()?;
        walk.push(there)?;
        walk.hide(here_commit)?;
        let came: Vec<String> = walk
            .filter_map(|oid| repo.find_commit(oid.ok()?).ok())
            .filter(|c| c.parent_count() < 2)
            .map(|c| {
                let who = String::from_utf8_lossy(c.author().name_bytes()).into_owned();
                format!(
                    "{} ({who})",
                    String::from_utf8_lossy(c.summary_bytes().unwrap_or_default())
                )
            })
            .collect();
        let summary = match came.as_slice() {
            [] => format!("Sync with {}/{}", up.remote, up.short),
            [one] => format!("Merged with {one} from {}", up.remote),
            [first, rest @ ..] => format!("Merged with {first} and {} more from {}", rest.len(), up.remote),
        };
        let message = format!(
            "{summary}\n\nSynced with {}/{}: the drafts, comments and decisions saved there and here.\n",
            up.remote, up.short
        );
        let commit = self.make_commit(
            &author,
            &message,
            &tree,
            &[&there_commit, &repo.find_commit(here_commit)?],
        )?;
        let warnings = moved(self.move_branch(&up.branch, here, &here_tree, commit, &tree, &message)?)?;
        Ok(Merged::Merged { commit, warnings })
    }

    /// After a push: the remote's branch and the tags pushed are where
    /// this clone's are, as git's own push records them.
    pub fn pushed(&self, up: &Upstream, tags: &[String]) -> Result<()> {
        if let Some(head) = self.branch_tip(&up.branch)? {
            self.repo
                .reference(&up.tracking(), head, true, "udkast: sync push")?;
        }
        for name in tags {
            let tag = self.repo.refname_to_id(&format!("refs/tags/{name}"))?;
            self.repo
                .reference(&format!("{}{name}", up.tags()), tag, true, "udkast: sync push")?;
        }
        Ok(())
    }

    /// Approved-version tags to fetch, to push, and the names both made
    /// for different drafts.
    pub fn plan_tags(&self, up: &Upstream) -> Result<TagPlan> {
        let mut plan = TagPlan::default();
        let there = self.tags_under(&up.tags())?;
        let here = self.tags_under("refs/tags/")?;
        for (name, (object, commit)) in &there {
            match here.get(name) {
                None => plan.fetch.push((name.clone(), *object)),
                Some((_, mine)) if mine != commit => plan.clashes.push(TagClash {
                    name: name.clone(),
                    here: *mine,
                    there: *commit,
                }),
                Some(_) => {}
            }
        }
        plan.push = here.keys().filter(|n| !there.contains_key(*n)).cloned().collect();
        plan.fetch.sort();
        plan.push.sort();
        Ok(plan)
    }

    /// Makes the remote's approved-version tags this clone lacks.
    pub fn fetch_tags(&self, plan: &TagPlan) -> Result<()> {
        for (name, object) in &plan.fetch {
            self.repo
                .reference(&format!("refs/tags/{name}"), *object, false, "udkast: sync")?;
        }
        Ok(())
    }

    /// Approved-version tags under `prefix`: name → (tag object, commit).
    fn tags_under(&self, prefix: &str) -> Result<HashMap<String, (Oid, Oid)>> {
        let mut tags = HashMap::new();
        for reference in self.repo.references_glob(&format!("{prefix}*"))? {
            let reference = reference?;
            let Some(name) = reference.name().ok().and_then(|n| n.strip_prefix(prefix)) else {
                continue;
            };
            if parse_tag_name(name).is_none() {
                continue;
            }
            let (Some(object), Ok(commit)) = (reference.target(), reference.peel_to_commit()) else {
                continue;
            };
            tags.insert(name.to_string(), (object, commit.id()));
        }
        Ok(tags)
    }

    /// The refs a sync may move: the branch, the remote's branch, tags and
    /// the remote's tags.
    pub fn ref_state(&self, up: &Upstream) -> Result<RefState> {
        let namespaces = vec!["refs/tags/".to_string(), up.tags()];
        let mut refs = Vec::new();
        for name in [up.branch.clone(), up.tracking()] {
            if let Some(oid) = self.branch_tip(&name)? {
                refs.push((name, oid.to_string()));
            }
        }
        for namespace in &namespaces {
            for reference in self.repo.references_glob(&format!("{namespace}*"))? {
                let reference = reference?;
                if let (Some(name), Some(oid)) = (reference.name().ok(), reference.target()) {
                    refs.push((name.to_string(), oid.to_string()));
                }
            }
        }
        Ok(RefState { refs, namespaces })
    }

    /// Puts the refs back as `state` recorded them, the branch (with the
    /// working tree) only while it is still at `left_at`, where the sync
    /// left it: a draft saved since is never undone. Refs made since in the
    /// recorded namespaces are removed. Returns whether the branch went back.
    pub fn restore_refs(&self, up: &Upstream, state: &RefState, left_at: Option<Oid>) -> Result<bool> {
        let recorded: HashMap<&str, Oid> = state
            .refs
            .iter()
            .filter_map(|(n, o)| Some((n.as_str(), Oid::from_str(o).ok()?)))
            .collect();
        let now = self.ref_state(up)?;
        let theirs: HashMap<&str, &str> = now
            .refs
            .iter()
            .filter_map(|(n, o)| Some((n.strip_prefix(up.tags().as_str())?, o.as_str())))
            .collect();
        // This clone's own tags only lose one the sync made from the
        // remote's; a tag made since (by a lead) stays.
        let made_by_sync = |name: &str, oid: &str| {
            name.strip_prefix("refs/tags/")
                .is_some_and(|tag| theirs.get(tag) == Some(&oid))
        };
        for (name, oid) in &now.refs {
            let ours = name.starts_with("refs/tags/");
            if !recorded.contains_key(name.as_str())
                && name != &up.branch
                && (!ours || made_by_sync(name, oid))
            {
                self.repo.find_reference(name)?.delete()?;
            }
        }
        for (name, oid) in &recorded {
            if *name == up.branch || name.starts_with("refs/tags/") {
                continue;
            }
            self.repo.reference(name, *oid, true, "udkast: sync --abort")?;
        }
        // The branch goes back the way a save moves it, with the working tree.
        let here = self.branch_tip(&up.branch)?;
        match recorded.get(up.branch.as_str()) {
            Some(before) if here != Some(*before) && here == left_at => {
                let tree = self.repo.find_commit(*before)?.tree()?;
                let here_tree = self.tree_or_empty(here)?;
                self.move_branch(&up.branch, here, &here_tree, *before, &tree, "sync --abort")?
                    .ok_or(StoreError::TooBusy(1))?;
                Ok(true)
            }
            _ => Ok(here.is_none_or(|h| Some(&h) == recorded.get(up.branch.as_str()))),
        }
    }

    /// Where git is run for this repository: its working tree, or the
    /// repository itself when bare.
    pub fn location(&self) -> &Path {
        self.repo.workdir().unwrap_or(self.repo.path())
    }

    /// Puts a file with clash marks where the person edits it: at its
    /// place in the working tree (as git does), or in the private folder of
    /// a repository without one. Returns where it is.
    pub fn put_clash_file(&self, path: &str, bytes: &[u8]) -> Result<PathBuf> {
        let file = match self.repo.workdir() {
            Some(dir) => dir.join(path),
            None => self.private_dir().join("sync").join(path),
        };
        super::write::replace_file(&file, bytes, true)?;
        Ok(file)
    }

    /// Takes a file with clash marks away again: the working tree's gets
    /// the branch's text back; one in the private folder is removed.
    pub fn drop_clash_file(&self, path: &str, file: &Path) -> Result<()> {
        if self.repo.workdir().is_none_or(|dir| !file.starts_with(dir)) {
            return match std::fs::remove_file(file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::io(
                    tf(ErrMsg::CannotRemove, &[("path", &file.display())]),
                    e,
                )),
                _ => Ok(()),
            };
        }
        let head = self.head()?.map(|h| self.repo.find_commit(h)).transpose()?;
        let entry = match &head {
            Some(commit) => commit.tree()?.get_path(Path::new(path)).ok(),
            None => None,
        };
        match entry {
            Some(entry) => super::write::replace_file(file, &self.blob(entry.id())?, true),
            None => std::fs::remove_file(file)
                .map_err(|e| StoreError::io(tf(ErrMsg::CannotRemove, &[("path", &file.display())]), e)),
        }
    }

    /// Removes what [`remember`](Self::remember) kept under `name`.
    pub fn forget(&self, name: &str) {
        let _ = std::fs::remove_file(self.private_dir().join(name));
    }
}

/// A comment thread both sides changed, merged by meaning (every message
/// of both): its file, or `None` when `path` is no thread or a side does not
/// read as one.
fn merged_thread(path: &str, base: &str, mine: &str, theirs: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    if !(parts.len() == 4
        && parts[0] == paths::STRATEGIES
        && parts[2] == paths::COMMENTS
        && parts[3].ends_with(".toml"))
    {
        return None;
    }
    let mine = Thread::parse(path, mine).ok()?;
    let theirs = Thread::parse(path, theirs).ok()?;
    let base = Thread::parse(path, base).ok();
    Some(merge_threads(base.as_ref(), &mine, &theirs).to_toml())
}
