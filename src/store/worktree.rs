//! Keeping the working tree and git's index in step with the branch, by git's
//! own rules, so plain `git` users of the same working tree never commit an old
//! text back on top of a new draft.
//!
//! A write takes `.git/index.lock` (as every git command that changes the
//! index does) before it moves the branch and keeps it until the index has
//! followed, so a `git commit` in between cannot happen: it fails to take the
//! lock, and the user runs it again on the new state. What the write is doing
//! meanwhile is recorded in `.git/udkast/pending-write.toml`; a write killed in
//! between (`kill -9`) is finished by the next udkast that opens the
//! repository, which also removes the index lock it left.

use std::path::{Path, PathBuf};
use std::time::Duration;

use git2::{IndexEntry, IndexTime, Oid, Tree};
use serde::{Deserialize, Serialize};

use super::{Result, Store, StoreError};
use crate::lang::{ErrMsg, t, tf};

/// What udkast writes into the index lock it holds, so a lock left by a killed
/// udkast can be told from one a running git holds.
const OURS: &[u8] = b"udkast\n";

/// How long to wait for a git command that holds the index lock.
const WAIT_FOR_GIT: Duration = Duration::from_secs(3);

/// `.git/index.lock`, held; removed when dropped.
pub(super) struct IndexLock(PathBuf);

impl Drop for IndexLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A write between moving the branch and updating the working tree.
#[derive(Serialize, Deserialize)]
struct Pending {
    branch: String,
    /// The tree the working tree and index were on.
    from: String,
    /// The commit the branch was moved to.
    to: String,
}

impl Store {
    fn pending_path(&self) -> PathBuf {
        self.private_dir().join("pending-write.toml")
    }

    /// Takes git's index lock, waiting a little for a git command that holds
    /// it; `None` in a bare repository.
    pub(super) fn take_index_lock(&self) -> Result<Option<IndexLock>> {
        if self.repo.is_bare() {
            return Ok(None);
        }
        let path = self.repo.path().join("index.lock");
        // Created with its content at once (a hard link of a finished file),
        // so a kill can never leave an empty lock nobody can tell apart.
        let marker = self.private_dir().join("index.lock.udkast");
        super::write::write_atomically(&marker, OURS)?;
        let started = std::time::Instant::now();
        loop {
            match std::fs::hard_link(&marker, &path) {
                Ok(()) => return Ok(Some(IndexLock(path))),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if started.elapsed() > WAIT_FOR_GIT {
                        return Err(StoreError::IndexLocked(path));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => {
                    return Err(StoreError::io(
                        tf(ErrMsg::CannotCreate, &[("path", &path.display())]),
                        e,
                    ));
                }
            }
        }
    }

    /// Records that the branch is about to move from `from` (its tree) to `to`.
    pub(super) fn begin_write(&self, branch: &str, from: Oid, to: Oid) -> Result<()> {
        if self.repo.is_bare() {
            return Ok(());
        }
        let pending = Pending {
            branch: branch.into(),
            from: from.to_string(),
            to: to.to_string(),
        };
        let text = toml::to_string(&pending).unwrap_or_default();
        super::write::write_atomically(&self.pending_path(), text.as_bytes())
    }

    pub(super) fn end_write(&self) {
        let _ = std::fs::remove_file(self.pending_path());
    }

    /// Finishes a write that was killed between moving the branch and bringing
    /// the working tree and index along, and removes the index lock it left.
    /// Call with udkast's write lock held.
    pub(super) fn finish_interrupted(&self) -> Result<()> {
        let Ok(text) = std::fs::read_to_string(self.pending_path()) else {
            return Ok(());
        };
        let lock_path = self.repo.path().join("index.lock");
        // Under the write lock no udkast is writing: a lock marked as ours is stale.
        if std::fs::read(&lock_path).is_ok_and(|bytes| bytes == OURS) {
            let _ = std::fs::remove_file(&lock_path);
        }
        if let Ok(pending) = toml::from_str::<Pending>(&text)
            && let (Ok(from), Ok(to)) = (Oid::from_str(&pending.from), Oid::from_str(&pending.to))
        {
            // libgit2 writes the new commit into the branch's lock file before
            // renaming it over the ref: one holding our commit is ours, and the
            // branch did not move. One still empty a moment later was cut off
            // before its first write (a running git fills and renames its lock
            // within milliseconds).
            let ref_lock = self.repo.path().join(format!("{}.lock", pending.branch));
            let held = || {
                std::fs::read_to_string(&ref_lock)
                    .ok()
                    .map(|t| t.trim().to_string())
            };
            let stale = match held() {
                Some(t) if t == pending.to => true,
                Some(t) if t.is_empty() => {
                    std::thread::sleep(Duration::from_millis(100));
                    held().is_some_and(|t| t.is_empty())
                }
                _ => false,
            };
            if stale {
                let _ = std::fs::remove_file(&ref_lock);
            }
            let lock = self.take_index_lock()?;
            // The branch moved: the working tree and index follow. It did not:
            // nothing happened, and there is nothing to undo.
            if self.repo.refname_to_id(&pending.branch).ok() == Some(to) {
                let old = self.repo.find_tree(from)?;
                let new = self.repo.find_commit(to)?.tree()?;
                self.update_worktree(&pending.branch, &old, &new)?;
            }
            drop(lock);
        }
        self.end_write();
        Ok(())
    }

    /// Finishes an interrupted write when one is recorded (cheap otherwise):
    /// for every command, so a stale index lock never outlives the next run.
    pub(super) fn finish_interrupted_on_open(&self) {
        if self.repo.is_bare() || !self.pending_path().exists() {
            return;
        }
        if let Ok(_guard) = self.worktree_lock() {
            let _ = self.finish_interrupted();
        }
    }

    /// Brings the working tree and index from `old` to `new` for the paths that
    /// differ, when HEAD is on `branch`; the caller holds the index lock. A file
    /// the user changed in the working tree is left as it is, with a warning,
    /// but its index entry follows the branch all the same, so a plain
    /// `git commit` cannot commit the old text back.
    pub(super) fn update_worktree(
        &self,
        branch: &str,
        old: &Tree<'_>,
        new: &Tree<'_>,
    ) -> Result<Vec<String>> {
        let repo = &self.repo;
        let Some(workdir) = repo.workdir() else {
            return Ok(Vec::new());
        };
        if self.branch().ok().as_deref() != Some(branch) {
            return Ok(Vec::new());
        }
        let diff = repo.diff_tree_to_tree(Some(old), Some(new), None)?;
        // The index is written as git writes it under its lock: a new file
        // renamed over the old one.
        let index_path = repo.path().join("index");
        let scratch = self.private_dir().join("index.new");
        let io = |msg: ErrMsg, e: std::io::Error| StoreError::io(t(msg), e);
        // Ours alone (under udkast's write lock and git's index lock): what a
        // killed write left of it, including libgit2's lock on it, goes.
        let _ = std::fs::remove_file(&scratch);
        let _ = std::fs::remove_file(scratch.with_extension("new.lock"));
        if index_path.exists() {
            std::fs::copy(&index_path, &scratch).map_err(|e| io(ErrMsg::CannotCopyIndex, e))?;
        }
        let mut index = git2::Index::open(&scratch)?;
        let mut warnings = Vec::new();
        for delta in diff.deltas() {
            let Some(path) = delta.new_file().path().or(delta.old_file().path()) else {
                continue;
            };
            let (old_id, new_id) = (delta.old_file().id(), delta.new_file().id());
            let full = workdir.join(path);
            let on_disk = match std::fs::read(&full) {
                Ok(bytes) => Some(Oid::hash_object(git2::ObjectType::Blob, &bytes)?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    return Err(StoreError::io(
                        tf(ErrMsg::CannotRead, &[("path", &full.display())]),
                        e,
                    ));
                }
            };
            let (was, will) = (
                (!old_id.is_zero()).then_some(old_id),
                (!new_id.is_zero()).then_some(new_id),
            );
            // Already there: a write finished after an interruption.
            let file_ours = on_disk == was || on_disk == will;
            if !file_ours {
                warnings.push(tf(ErrMsg::LocalChangesLeft, &[("path", &path.display())]));
            }
            match will {
                None => {
                    if file_ours {
                        let _ = std::fs::remove_file(&full);
                    }
                    let _ = index.remove_path(path);
                }
                Some(id) => {
                    if file_ours && on_disk != will {
                        super::write::write_tracked(
                            &full,
                            repo.find_blob(id)?.content(),
                            &self.private_dir(),
                        )?;
                    }
                    let mode = u32::from(delta.new_file().mode());
                    // A file with the user's changes gets no stat data, so git
                    // compares its content with the new entry.
                    let meta = file_ours.then(|| std::fs::metadata(&full).ok()).flatten();
                    index.add(&entry(path, id, mode, meta.as_ref()))?;
                }
            }
        }
        index.write()?;
        std::fs::rename(&scratch, &index_path).map_err(|e| io(ErrMsg::CannotReplaceIndex, e))?;
        Ok(warnings)
    }
}

/// An index entry for `path` at blob `id`, with the file's stat data when given.
pub(super) fn entry(path: &Path, id: Oid, mode: u32, meta: Option<&std::fs::Metadata>) -> IndexEntry {
    let bytes = path.to_string_lossy().as_bytes().to_vec();
    #[cfg(unix)]
    let (ctime, mtime, dev, ino, uid, gid, size) = match meta {
        Some(m) => {
            use std::os::unix::fs::MetadataExt;
            (
                IndexTime::new(m.ctime() as i32, m.ctime_nsec() as u32),
                IndexTime::new(m.mtime() as i32, m.mtime_nsec() as u32),
                m.dev() as u32,
                m.ino() as u32,
                m.uid(),
                m.gid(),
                m.size() as u32,
            )
        }
        None => (IndexTime::new(0, 0), IndexTime::new(0, 0), 0, 0, 0, 0, 0),
    };
    #[cfg(not(unix))]
    let (ctime, mtime, dev, ino, uid, gid, size) = {
        let _ = meta;
        (IndexTime::new(0, 0), IndexTime::new(0, 0), 0, 0, 0, 0, 0)
    };
    IndexEntry {
        ctime,
        mtime,
        dev,
        ino,
        mode,
        uid,
        gid,
        file_size: size,
        id,
        flags: bytes.len().min(0xfff) as u16,
        flags_extended: 0,
        path: bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_entry_carries_path_length_and_no_stat_for_edited_files() {
        let e = entry(
            Path::new("strategies/klima/document.md"),
            Oid::ZERO_SHA1,
            0o100644,
            None,
        );
        assert_eq!(e.flags as usize, "strategies/klima/document.md".len());
        assert_eq!((e.file_size, e.mtime.seconds()), (0, 0));
    }
}
