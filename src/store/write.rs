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
use git2::{ErrorCode, FileMode, MergeFileInput, MergeFileOptions, Oid, Signature, Tree};

use super::{Result, Store, StoreError};
use crate::domain::{Clash, Merge, Part};
use crate::lang::{ErrMsg, t, tf};

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

            if let Some(warnings) = self.move_branch(&branch, head, &head_tree, commit, &tree, &text)? {
                return Ok(Saved {
                    commit,
                    message: text,
                    merged,
                    warnings,
                });
            }
            // Back off a little, more each time, so two writers stop colliding.
            std::thread::sleep(Duration::from_micros(200 * (attempt as u64 % 16 + 1)));
        }
        Err(self
            .stale_ref_lock(&branch)
            .unwrap_or(StoreError::TooBusy(MAX_ATTEMPTS)))
    }

    /// Moves `branch` from `head` (whose tree is `head_tree`) to `commit`
    /// (whose tree is `tree`) only if it is still at `head`, and brings the
    /// working tree and index along: the warnings, or `None` when another
    /// writer moved the branch first (nothing changed then).
    pub(super) fn move_branch(
        &self,
        branch: &str,
        head: Option<Oid>,
        head_tree: &Tree<'_>,
        commit: Oid,
        tree: &Tree<'_>,
        message: &str,
    ) -> Result<Option<Vec<String>>> {
        let _guard = self.worktree_lock()?;
        self.finish_interrupted()?;
        // Git's own protocol: while we hold its index lock, no `git commit`
        // can take the old index between our moving the branch and our
        // bringing the index along (it would commit the old text back).
        // Recorded first: a kill at any later point is finished by the next run.
        self.begin_write(branch, head_tree.id(), commit)?;
        let index_lock = self.take_index_lock()?;
        let moved = match head {
            Some(h) => self
                .repo
                .reference_matching(branch, commit, true, h, &reflog(message)),
            None => self.repo.reference(branch, commit, false, &reflog(message)),
        };
        match moved {
            Ok(_) => {
                let warnings = self.update_worktree(branch, head_tree, tree)?;
                drop(index_lock);
                self.end_write();
                Ok(Some(warnings))
            }
            Err(e)
                if matches!(
                    e.code(),
                    ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked
                ) =>
            {
                drop(index_lock);
                self.end_write();
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The branch's lock file, when one stayed through every attempt (a git or
    /// udkast process killed while moving the branch leaves it behind).
    fn stale_ref_lock(&self, branch: &str) -> Option<StoreError> {
        let path = self.repo.path().join(format!("{branch}.lock"));
        let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
        let age = modified.elapsed().unwrap_or_default().as_secs();
        let age = match age {
            0..=119 => tf(ErrMsg::AgeSeconds, &[("n", &age)]),
            120..=7199 => tf(ErrMsg::AgeMinutes, &[("n", &(age / 60))]),
            _ => tf(ErrMsg::AgeHours, &[("n", &(age / 3600))]),
        };
        Some(StoreError::RefLocked { path, age })
    }

    pub(super) fn branch_tip(&self, branch: &str) -> Result<Option<Oid>> {
        match self.repo.refname_to_id(branch) {
            Ok(oid) => Ok(Some(oid)),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub(super) fn tree_or_empty(&self, commit: Option<Oid>) -> Result<Tree<'_>> {
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
    /// document (git's merge of the file, the part of a tree merge that
    /// saving does): the agreed passages and the ones both changed
    /// differently, each with the three versions.
    pub fn merge_passages(&self, base: &str, mine: &str, theirs: &str) -> Result<Merge> {
        fn input(text: &str) -> MergeFileInput<'_> {
            let mut input = MergeFileInput::new();
            input
                .content(text.as_bytes())
                .path(crate::domain::paths::DOCUMENT);
            input
        }
        let (base_in, mine_in, theirs_in) = (input(base), input(mine), input(theirs));
        // Markers longer than any run of marker characters starting a line of
        // the texts: a line of the text is never taken for one.
        let longest = [base, mine, theirs]
            .iter()
            .flat_map(|t| t.lines())
            .map(|l| l.bytes().take_while(|b| b"<|=>".contains(b)).count())
            .max()
            .unwrap_or(0);
        let marker = (longest + 1).clamp(7, usize::from(u16::MAX));
        let mut options = MergeFileOptions::new();
        options.style_diff3(true).marker_size(marker as u16);
        let merged = git2::merge_file(&base_in, &mine_in, &theirs_in, Some(&mut options))?;
        let content = String::from_utf8_lossy(merged.content()).into_owned();
        if merged.is_automergeable() {
            return Ok(Merge::clean(content));
        }
        Ok(parse_merge(&content, marker, [base, mine, theirs]))
    }

    /// Serialises udkast writers of one repository between moving the branch and
    /// updating the working tree, so the two always happen together.
    pub(super) fn worktree_lock(&self) -> Result<Option<File>> {
        if self.repo.is_bare() {
            return Ok(None);
        }
        let dir = self.private_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|e| StoreError::io(tf(ErrMsg::CannotCreate, &[("path", &dir.display())]), e))?;
        let path = dir.join("write.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io(tf(ErrMsg::CannotOpen, &[("path", &path.display())]), e))?;
        file.lock()
            .map_err(|e| StoreError::io(tf(ErrMsg::CannotLock, &[("path", &path.display())]), e))?;
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
    let fail = |e: std::io::Error| StoreError::io(tf(ErrMsg::CannotWrite, &[("path", &path.display())]), e);
    let tmp_dir = private.join("tmp");
    std::fs::create_dir_all(&tmp_dir).map_err(fail)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    match write_via(&tmp_dir, path, bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::CrossesDevices => write_via(dir, path, bytes).map_err(fail),
        other => other.map_err(fail),
    }
}

/// Writes `bytes` to a new temporary file in `tmp_dir`, with the mode of any
/// file the user makes (`0666` less the umask, not a temporary file's
/// `0600`), on disk before it is renamed to `path`.
fn write_via(tmp_dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(tmp_dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

impl Store {
    /// Writes a file the user asked for (an export) whole or not at all:
    /// through a temporary file beside it, into a folder that must exist.
    /// Refused inside the repository's git folder and over a file git
    /// tracks, so a Bilag never lands on a draft's own text.
    pub fn write_user_file(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let fail =
            |e: std::io::Error| StoreError::io(tf(ErrMsg::CannotWrite, &[("path", &path.display())]), e);
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if path.is_dir() {
            return Err(fail(std::io::Error::other(t(ErrMsg::ItIsAFolder))));
        }
        let dir_abs = dir.canonicalize().map_err(fail)?;
        let name = path
            .file_name()
            .ok_or_else(|| fail(std::io::Error::other(t(ErrMsg::ItNamesNoFile))))?;
        let target = dir_abs.join(name);
        let git_dir = self
            .repo
            .path()
            .canonicalize()
            .unwrap_or_else(|_| self.repo.path().to_path_buf());
        let tracked = self
            .repo
            .workdir()
            .and_then(|w| w.canonicalize().ok())
            .is_some_and(|work| {
                target.strip_prefix(&work).is_ok_and(|rel| {
                    let head = self.repo.head().ok().and_then(|h| h.peel_to_tree().ok());
                    head.is_some_and(|tree| tree.get_path(rel).is_ok())
                })
            });
        if target.starts_with(&git_dir) || tracked {
            return Err(StoreError::OwnFile(
                crate::text::inert(&path.display().to_string()).into_owned(),
            ));
        }
        write_via(dir, path, bytes).map_err(fail)
    }
}

/// Like [`write_atomically`] without waiting for the disk: for files that are
/// only accelerators and may be lost in a crash (the history cache).
pub(super) fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| StoreError::io(tf(ErrMsg::CannotCreate, &[("path", &dir.display())]), e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| StoreError::io(tf(ErrMsg::CannotWriteIn, &[("path", &dir.display())]), e))?;
    tmp.write_all(bytes)
        .and_then(|_| if sync { tmp.as_file().sync_all() } else { Ok(()) })
        .map_err(|e| StoreError::io(tf(ErrMsg::CannotWrite, &[("path", &path.display())]), e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(tf(ErrMsg::CannotWrite, &[("path", &path.display())]), e.error))?;
    Ok(())
}

/// Reads git's diff3-style merge output (markers `marker` characters long)
/// into agreed passages and clashes. git ends a clash's passage with a line
/// end even where the text's last line has none: taken off again where
/// `texts` (base, mine, theirs) end without one, so choosing gives the bytes.
fn parse_merge(content: &str, marker: usize, texts: [&str; 3]) -> Merge {
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Agreed,
        Mine,
        Base,
        Theirs,
    }
    let is_marker = |line: &str, c: char| {
        let body = line.trim_end_matches(['\n', '\r']);
        body.len() >= marker
            && body.chars().take(marker).all(|x| x == c)
            && body[marker..].chars().next().is_none_or(|x| x == ' ')
    };
    let mut parts = Vec::new();
    let mut agreed = String::new();
    let mut clash = Clash {
        base: String::new(),
        mine: String::new(),
        theirs: String::new(),
        words: None,
    };
    let mut state = In::Agreed;
    for line in content.split_inclusive('\n') {
        match state {
            In::Agreed if is_marker(line, '<') => {
                if !agreed.is_empty() {
                    parts.push(Part::Agreed(std::mem::take(&mut agreed)));
                }
                state = In::Mine;
            }
            In::Agreed => agreed.push_str(line),
            In::Mine if is_marker(line, '|') => state = In::Base,
            In::Mine if is_marker(line, '=') => state = In::Theirs,
            In::Mine => clash.mine.push_str(line),
            In::Base if is_marker(line, '=') => state = In::Theirs,
            In::Base => clash.base.push_str(line),
            In::Theirs if is_marker(line, '>') => {
                let done = std::mem::replace(
                    &mut clash,
                    Clash {
                        base: String::new(),
                        mine: String::new(),
                        theirs: String::new(),
                        words: None,
                    },
                );
                parts.push(Part::Clash(done));
                state = In::Agreed;
            }
            In::Theirs => clash.theirs.push_str(line),
        }
    }
    if !agreed.is_empty() {
        parts.push(Part::Agreed(agreed));
    }
    // The last passage: git added a line end the texts do not have.
    if let Some(Part::Clash(last)) = parts.last_mut() {
        let [base, mine, theirs] = texts;
        for (passage, text) in [
            (&mut last.base, base),
            (&mut last.mine, mine),
            (&mut last.theirs, theirs),
        ] {
            if !text.ends_with('\n')
                && !passage.is_empty()
                && text.ends_with(passage.trim_end_matches(['\r', '\n']))
            {
                let trimmed = passage.trim_end_matches('\n').trim_end_matches('\r').len();
                passage.truncate(trimmed);
            }
        }
    }
    // Two edits of different words of one passage (a paragraph on one
    // line) can both apply: offered as a choice.
    for part in &mut parts {
        if let Part::Clash(c) = part {
            c.words = crate::diff::merge_words(&c.base, &c.mine, &c.theirs);
        }
    }
    Merge { parts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Choice;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_init(dir.path()).unwrap();
        (dir, store)
    }

    const BASE: &str = "# Mål\n\nVi vil nå 70 pct.\n\nMellem.\n\nSlut";

    #[test]
    fn clashing_passages_come_with_all_three_versions() {
        let (_dir, store) = store();
        let mine = BASE
            .replace("70 pct.", "75 pct.")
            .replace("# Mål", "# Mål og midler");
        let theirs = BASE.replace("70 pct.", "80 pct.").replace("Slut", "Slut for nu");
        let merge = store.merge_passages(BASE, &mine, &theirs).unwrap();
        let clashes: Vec<&Clash> = merge.clashes().collect();
        assert_eq!(clashes.len(), 1, "{merge:?}");
        assert_eq!(clashes[0].base, "Vi vil nå 70 pct.\n");
        assert_eq!(clashes[0].mine, "Vi vil nå 75 pct.\n");
        assert_eq!(clashes[0].theirs, "Vi vil nå 80 pct.\n");
        // What only one side changed is merged in.
        let (text, starts) = merge.combine(&[Some(Choice::Mine)]);
        assert_eq!(
            text,
            "# Mål og midler\n\nVi vil nå 75 pct.\n\nMellem.\n\nSlut for nu"
        );
        assert_eq!(starts, vec![3]);
    }

    /// A clash on the last line of a text without a final line end: git
    /// adds one inside the markers; choosing gives the texts' own bytes.
    #[test]
    fn a_clash_on_the_last_line_keeps_its_missing_line_end_and_crlf() {
        let (_dir, store) = store();
        let merge = store
            .merge_passages(
                BASE,
                &BASE.replace("Slut", "Min slut"),
                &BASE.replace("Slut", "Deres slut"),
            )
            .unwrap();
        assert_eq!(
            merge.combine(&[Some(Choice::Mine)]).0,
            BASE.replace("Slut", "Min slut")
        );
        assert_eq!(
            merge.combine(&[Some(Choice::Theirs)]).0,
            BASE.replace("Slut", "Deres slut")
        );
        let crlf = BASE.replace('\n', "\r\n") + "\r\n";
        let merge = store
            .merge_passages(&crlf, &crlf.replace("70", "75"), &crlf.replace("70", "80"))
            .unwrap();
        assert_eq!(merge.combine(&[Some(Choice::Theirs)]).0, crlf.replace("70", "80"));
    }

    /// Lines of the text that look like git's markers are text, not markers.
    #[test]
    fn lines_like_markers_are_text() {
        let (_dir, store) = store();
        let base = "<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> x\n";
        let merge = store
            .merge_passages(base, &base.replace('A', "A1"), &base.replace('A', "A2"))
            .unwrap();
        assert_eq!(merge.clash_count(), 1);
        assert_eq!(merge.combine(&[Some(Choice::Theirs)]).0, base.replace('A', "A2"));
        assert_eq!(merge.combine(&[Some(Choice::Mine)]).0, base.replace('A', "A1"));
    }

    #[test]
    fn separate_changes_merge_clean() {
        let (_dir, store) = store();
        let mine = BASE.replace("# Mål", "# Mål og midler");
        let theirs = BASE.replace("Slut", "Slut for nu");
        let merge = store.merge_passages(BASE, &mine, &theirs).unwrap();
        assert_eq!(
            merge.text().unwrap(),
            "# Mål og midler\n\nVi vil nå 70 pct.\n\nMellem.\n\nSlut for nu"
        );
    }
}
