//! Writing a change as a commit, safely with other writers.
//!
//! A change is made against the commit the writer read (its base). The new
//! commit goes on the branch's current head and the ref is moved with
//! compare-and-swap: only if it still points where we looked. If another writer
//! got there first, our change is merged onto the new head (git's tree merge,
//! three-way inside a changed file) and we try again. A true text conflict
//! aborts with `StoreError::Conflict`; the caller still holds its text.
//!
//! In a repository with a working tree whose HEAD is on the branch, the files
//! we changed and their index entries are brought along, so `git status` stays
//! clean; a file the user has modified in the working tree is left alone.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use git2::build::TreeUpdateBuilder;
use git2::{ErrorCode, FileMode, Oid, Signature, Tree};

use super::{Result, Store, StoreError};

/// New contents for some paths; `None` deletes the path.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub files: Vec<(String, Option<Vec<u8>>)>,
}

impl Change {
    pub fn put(mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.push((path.into(), Some(bytes.into())));
        self
    }
}

/// The outcome of a successful write.
#[derive(Debug)]
pub struct Saved {
    pub commit: Oid,
    /// The message actually committed (its trailers were computed on the final parent).
    pub message: String,
    /// True when another writer had moved the branch and our change was merged.
    pub merged: bool,
    /// Things the user should know, e.g. a working-tree file left alone.
    pub warnings: Vec<String>,
}

const MAX_ATTEMPTS: usize = 200;

impl Store {
    /// Commits `change`, made against `base`, onto the branch, with `author` as
    /// author and committer. `message` is asked for the commit message given the
    /// parent it will have.
    pub fn commit_change(
        &self,
        base: Option<Oid>,
        change: &Change,
        author: &Signature<'_>,
        message: &dyn Fn(&Store, Option<Oid>) -> Result<String>,
    ) -> Result<Saved> {
        let repo = &self.repo;
        let branch = self.branch()?;
        let base_tree = self.tree_or_empty(base)?;
        let ours = self.apply(change, &base_tree)?;
        for attempt in 0..MAX_ATTEMPTS {
            let head = self.branch_tip(&branch)?;
            let head_tree = self.tree_or_empty(head)?;
            let merged = head != base;
            let tree_id = if merged {
                self.merge(&base_tree, &head_tree, &ours, change)?
            } else {
                ours
            };
            if tree_id == head_tree.id() {
                return Err(StoreError::Unchanged);
            }
            let tree = repo.find_tree(tree_id)?;
            let text = message(self, head)?;
            let parents = head.map(|h| repo.find_commit(h)).transpose()?;
            let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
            let commit = self.make_commit(author, &text, &tree, &parent_refs)?;

            let _guard = self.worktree_lock()?;
            self.finish_interrupted()?;
            // Git's own protocol: while we hold its index lock, no `git commit`
            // can take the old index between our moving the branch and our
            // bringing the index along (it would commit the old text back).
            // Recorded first: a kill at any later point is finished by the next run.
            self.begin_write(&branch, head_tree.id(), commit)?;
            let index_lock = self.take_index_lock()?;
            let moved = match head {
                Some(h) => repo.reference_matching(&branch, commit, true, h, &reflog(&text)),
                None => repo.reference(&branch, commit, false, &reflog(&text)),
            };
            match moved {
                Ok(_) => {
                    let warnings = self.update_worktree(&branch, &head_tree, &tree)?;
                    drop(index_lock);
                    self.end_write();
                    return Ok(Saved {
                        commit,
                        message: text,
                        merged,
                        warnings,
                    });
                }
                Err(e)
                    if matches!(
                        e.code(),
                        ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked
                    ) =>
                {
                    drop(index_lock);
                    self.end_write();
                    drop(_guard);
                    // Back off a little, more each time, so two writers stop colliding.
                    std::thread::sleep(Duration::from_micros(200 * (attempt as u64 % 16 + 1)));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(self
            .stale_ref_lock(&branch)
            .unwrap_or(StoreError::TooBusy(MAX_ATTEMPTS)))
    }

    /// The branch's lock file, when one stayed through every attempt (a git or
    /// udkast process killed while moving the branch leaves it behind).
    fn stale_ref_lock(&self, branch: &str) -> Option<StoreError> {
        let path = self.repo.path().join(format!("{branch}.lock"));
        let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
        let age = modified.elapsed().unwrap_or_default().as_secs();
        let age = match age {
            0..=119 => format!("{age} s ago"),
            120..=7199 => format!("{} min ago", age / 60),
            _ => format!("{} hours ago", age / 3600),
        };
        Some(StoreError::RefLocked { path, age })
    }

    fn branch_tip(&self, branch: &str) -> Result<Option<Oid>> {
        match self.repo.refname_to_id(branch) {
            Ok(oid) => Ok(Some(oid)),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn tree_or_empty(&self, commit: Option<Oid>) -> Result<Tree<'_>> {
        match commit {
            Some(c) => Ok(self.repo.find_commit(c)?.tree()?),
            None => {
                let empty = self.repo.treebuilder(None)?.write()?;
                Ok(self.repo.find_tree(empty)?)
            }
        }
    }

    fn apply(&self, change: &Change, tree: &Tree<'_>) -> Result<Oid> {
        let mut update = TreeUpdateBuilder::new();
        for (path, bytes) in &change.files {
            match bytes {
                Some(bytes) => update.upsert(path.as_str(), self.repo.blob(bytes)?, FileMode::Blob),
                None => update.remove(path.as_str()),
            };
        }
        Ok(update.create_updated(&self.repo, tree)?)
    }

    /// Three-way merge of our tree onto `head`, both made from `base`.
    fn merge(&self, base: &Tree<'_>, head: &Tree<'_>, ours: &Oid, change: &Change) -> Result<Oid> {
        let ours = self.repo.find_tree(*ours)?;
        let mut index = self.repo.merge_trees(base, head, &ours, None)?;
        if index.has_conflicts() {
            let path = index
                .conflicts()?
                .filter_map(|c| c.ok())
                .filter_map(|c| c.our.or(c.their).or(c.ancestor))
                .map(|e| String::from_utf8_lossy(&e.path).into_owned())
                .next()
                .or_else(|| change.files.first().map(|f| f.0.clone()))
                .unwrap_or_default();
            return Err(StoreError::Conflict { path });
        }
        Ok(index.write_tree_to(&self.repo)?)
    }

    /// Three-way merge of two texts made from `base`, as saving merges a
    /// document (git's merge of the file): the merged text, or `None` when
    /// both changed the same passage.
    pub fn merge_texts(&self, base: &str, mine: &str, theirs: &str) -> Result<Option<String>> {
        let tree = |text: &str| -> Result<Tree<'_>> {
            let blob = self.repo.blob(text.as_bytes())?;
            let mut builder = self.repo.treebuilder(None)?;
            builder.insert("document.md", blob, i32::from(FileMode::Blob))?;
            Ok(self.repo.find_tree(builder.write()?)?)
        };
        let index = self
            .repo
            .merge_trees(&tree(base)?, &tree(theirs)?, &tree(mine)?, None)?;
        if index.has_conflicts() {
            return Ok(None);
        }
        let Some(entry) = index.get_path(std::path::Path::new("document.md"), 0) else {
            return Ok(Some(String::new()));
        };
        let bytes = self.blob(entry.id)?;
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Serialises udkast writers of one repository between moving the branch and
    /// updating the working tree, so the two always happen together.
    pub(super) fn worktree_lock(&self) -> Result<Option<File>> {
        if self.repo.is_bare() {
            return Ok(None);
        }
        let dir = self.private_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|e| StoreError::io(format!("cannot create {}", dir.display()), e))?;
        let path = dir.join("write.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io(format!("cannot open {}", path.display()), e))?;
        file.lock()
            .map_err(|e| StoreError::io(format!("cannot lock {}", path.display()), e))?;
        Ok(Some(file))
    }
}

fn reflog(message: &str) -> String {
    format!("udkast: {}", message.lines().next().unwrap_or(""))
}

/// Writes `bytes` to `path` through a temporary file and a rename, so a crash
/// leaves either the old or the new file, never half of one; synced to disk
/// before the rename, since what we write this way (autosaves, working-tree
/// files) is the user's text.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_file(path, bytes, true)
}

/// Writes a file of the working tree as git would (mode `0666` less the
/// umask), through a temporary file in udkast's private folder, so a crash never
/// leaves a stray temporary file among the documents. Where that folder is on
/// another file system (a separate git directory), the temporary file goes
/// beside the target after all.
pub(super) fn write_tracked(path: &Path, bytes: &[u8], private: &Path) -> Result<()> {
    let fail = |e: std::io::Error| StoreError::io(format!("cannot write {}", path.display()), e);
    let tmp_dir = private.join("tmp");
    std::fs::create_dir_all(&tmp_dir).map_err(fail)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(&tmp_dir).map_err(fail)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    match tmp.persist(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::CrossesDevices => {
            let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
            tmp.write_all(bytes)
                .and_then(|_| tmp.as_file().sync_all())
                .map_err(fail)?;
            tmp.persist(path).map(|_| ()).map_err(|e| fail(e.error))
        }
        Err(e) => Err(fail(e.error)),
    }
}

/// Like [`write_atomically`] without waiting for the disk: for files that are
/// only accelerators and may be lost in a crash (the history cache).
pub(super) fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| StoreError::io(format!("cannot create {}", dir.display()), e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| StoreError::io(format!("cannot write in {}", dir.display()), e))?;
    tmp.write_all(bytes)
        .and_then(|_| if sync { tmp.as_file().sync_all() } else { Ok(()) })
        .map_err(|e| StoreError::io(format!("cannot write {}", path.display()), e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(format!("cannot write {}", path.display()), e.error))?;
    Ok(())
}
