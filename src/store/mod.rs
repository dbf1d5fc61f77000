//! The git store: reads a workspace at a commit, lists a document's drafts and
//! decisions, writes changes as commits that move the branch only by
//! compare-and-swap, makes approved-version tags and verifies them.
//!
//! Everything that touches git2 lives here; nothing here knows about a terminal.
//! A `Store` is one open repository and is not shared between threads: each
//! thread (or process) opens its own, and the branch ref is the only point where
//! writers meet.

mod approve;
mod cache;
mod comments;
mod commit_id;
mod decisions;
mod error;
mod history;
mod rawtree;
mod snapshot;
mod sync;
mod tags;
mod verify;
mod verify_history;
mod versions;
mod worktree;
mod write;

use std::path::{Path, PathBuf};

use git2::{Oid, Repository, Signature};

use crate::lang::{ErrMsg, tf};

pub use approve::{DecisionInput, Recorded, Tagged};
pub use comments::{CommentOp, ThreadLines, comment_trailer, line_label};
pub use commit_id::{CommitId, NotACommitId, text_id};
pub use decisions::{Approvals, DecisionFiles};
pub use error::{Result, StoreError};
pub use history::{Draft, DraftIndex, FoundDraft, Reading, parse_trailers};
pub use snapshot::{Snapshot, StrategyEntry};
pub use sync::{FileClash, Merged, RefState, TagClash, TagPlan, Upstream};
pub use tags::{ApprovedTag, BadSignature};
pub use verify::{Finding, Verification};
pub use versions::{Version, VersionName};
pub use write::{Change, Saved, write_atomically};

pub struct Store {
    repo: Repository,
    /// The history cache, read from disk on first use and kept for the
    /// lifetime of this `Store` (one thread's), so repeated queries are cheap.
    cache: std::cell::RefCell<Option<cache::Cache>>,
    /// Recently read document texts by blob id: stepping through drafts reads
    /// each version twice (as the newer and as the older side), and reading a
    /// deltified 5,000-line blob from a pack costs milliseconds.
    /// Stores reading texts side by side (the diff threads') share it, so a
    /// draft's text is held once.
    texts: Texts,
    /// Where the open threads are on a document blob, by (comments folder,
    /// blob): placing ten threads on a 5,000-line draft takes ten line diffs.
    placed: std::cell::RefCell<std::collections::HashMap<(Oid, Oid), std::sync::Arc<comments::ThreadLines>>>,
    /// The last draft index computed, with the head it is for: the overview,
    /// opening a document, its history and approvals all number the same
    /// drafts, and ordering 20,000 commits takes milliseconds each time.
    index: std::cell::RefCell<Option<(Oid, std::sync::Arc<history::DraftIndex>)>>,
    /// Told how far the history cache is built (a fresh clone) and the
    /// drafts found so far, so a face can show both.
    progress: std::cell::RefCell<Option<Progress>>,
    /// Whether checking a document blob may load the history cache (which
    /// remembers the blobs found valid). A store that only reads texts (the
    /// diff worker's) checks each text as it reads it instead of holding a
    /// second copy of the cache.
    blob_memory: bool,
    /// Whether commits are signed when the user's git signs commits
    /// (`commit.gpgSign`); off while the sample's history is replayed in
    /// other people's names.
    signing: std::cell::Cell<bool>,
    /// Set by another thread to stop a long read of the history.
    cancel: Cancel,
}

/// A flag another thread sets to stop a long read of the history (a fresh
/// clone's): the read ends with [`StoreError::Cancelled`] and keeps nothing,
/// so the next read starts again.
#[derive(Debug, Clone, Default)]
pub struct Cancel(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Cancel {
    /// The flag itself, for a child process's watcher.
    pub fn flag(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.0.clone()
    }

    pub fn cancel(&self) {
        self.0.store(true, std::sync::atomic::Ordering::Release);
    }

    /// Forgets a cancel meant for a job that is over.
    pub fn reset(&self) {
        self.0.store(false, std::sync::atomic::Ordering::Release);
    }

    fn check(&self) -> Result<()> {
        match self.0.load(std::sync::atomic::Ordering::Acquire) {
            true => Err(StoreError::Cancelled),
            false => Ok(()),
        }
    }
}

/// Recently read document texts by blob id, shared by the stores that hold a
/// clone of it.
#[derive(Debug, Default, Clone)]
pub struct Texts(std::sync::Arc<std::sync::Mutex<std::collections::HashMap<Oid, std::sync::Arc<str>>>>);

impl Texts {
    fn lock(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<Oid, std::sync::Arc<str>>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// See [`Store::on_progress`].
pub type Progress = Box<dyn FnMut(&history::Reading<'_>)>;

impl From<Repository> for Store {
    fn from(repo: Repository) -> Store {
        tune_libgit2();
        Store {
            repo,
            cache: std::cell::RefCell::new(None),
            texts: Texts::default(),
            placed: std::cell::RefCell::default(),
            index: std::cell::RefCell::default(),
            progress: std::cell::RefCell::default(),
            blob_memory: true,
            signing: std::cell::Cell::new(true),
            cancel: Cancel::default(),
        }
    }
}

/// Process-wide libgit2 settings, applied once before the first repository is
/// read. libgit2 hashes every object it reads again to check it (SHA-1 with
/// collision detection): that was a third of a cold history walk, and git itself
/// does not do it on reads either (`git fsck` does). Corruption still shows: a
/// damaged object fails to inflate or to parse.
fn tune_libgit2() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| git2::opts::strict_hash_verification(false));
}

impl Store {
    /// Opens the repository containing `path` (a working tree or a bare repository).
    pub fn open(path: &Path) -> Result<Store> {
        let store = Store::open_quietly(path)?;
        store.finish_interrupted_on_open();
        Ok(store)
    }

    /// Opens the repository containing `path` to read texts, sharing
    /// `texts` with other such stores: a write some killed process left
    /// unfinished is left to the store that writes, and the history cache is
    /// not loaded to check a text.
    pub fn open_to_read(path: &Path, texts: &Texts) -> Result<Store> {
        let mut store = Store::open_quietly(path)?;
        store.blob_memory = false;
        store.texts = texts.clone();
        Ok(store)
    }

    fn open_quietly(path: &Path) -> Result<Store> {
        let flags = git2::RepositoryOpenFlags::empty();
        match Repository::open_ext(path, flags, std::iter::empty::<&std::ffi::OsStr>()) {
            Ok(repo) => Ok(Store::from(repo)),
            Err(e) if e.code() == git2::ErrorCode::NotFound => {
                Err(StoreError::NotARepository(path.to_path_buf()))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Opens the repository at `path`, creating a new one (with a working tree)
    /// if there is none.
    pub fn open_or_init(path: &Path) -> Result<Store> {
        match Self::open(path) {
            Err(StoreError::NotARepository(_)) => {
                std::fs::create_dir_all(path)
                    .map_err(|e| StoreError::io(tf(ErrMsg::CannotCreate, &[("path", &path.display())]), e))?;
                Ok(Store::from(Repository::init(path)?))
            }
            other => other,
        }
    }

    pub fn repo(&self) -> &Repository {
        &self.repo
    }

    /// Commits made from now on are never signed (the sample's history, made
    /// in its own people's names, must not ask for the user's key).
    pub fn never_sign(&self) {
        self.signing.set(false);
    }

    /// Where udkast keeps its private files inside the git directory.
    pub fn private_dir(&self) -> PathBuf {
        self.repo.path().join("udkast")
    }

    /// Calls `progress` every few hundred commits while reading history the
    /// cache lacks, with the drafts found among the newest commits.
    pub fn on_progress(&self, progress: Progress) {
        *self.progress.borrow_mut() = Some(progress);
    }

    /// The flag that stops this store's long reads of the history from
    /// another thread.
    pub fn cancel_flag(&self) -> Cancel {
        self.cancel.clone()
    }

    /// Makes `cancel` the flag that stops this store's long reads.
    pub fn set_cancel(&mut self, cancel: Cancel) {
        self.cancel = cancel;
    }

    /// Keeps `bytes` under `name` in the private folder, for a later
    /// [`recall`](Self::recall): things worth showing before they can be
    /// recomputed (the overview's rows). Failing to write only costs speed.
    pub fn remember(&self, name: &str, bytes: &[u8]) {
        let _ = write::replace_file(&self.private_dir().join(name), bytes, false);
    }

    /// What [`remember`](Self::remember) kept under `name`, if anything.
    pub fn recall(&self, name: &str) -> Option<Vec<u8>> {
        std::fs::read(self.private_dir().join(name)).ok()
    }

    /// The full name of the branch HEAD points to (`refs/heads/main`), even when
    /// it has no commit yet.
    pub fn branch(&self) -> Result<String> {
        let head = self.repo.find_reference("HEAD")?;
        match head.symbolic_target()? {
            Some(target) => Ok(target.to_string()),
            None => Err(StoreError::DetachedHead),
        }
    }

    /// The branch's short name for messages (`main`).
    pub fn branch_short(&self) -> String {
        match self.branch() {
            Ok(b) => b.strip_prefix("refs/heads/").unwrap_or(&b).to_string(),
            Err(_) => "HEAD (detached)".into(),
        }
    }

    /// The commit the workspace is read from: HEAD's, or `None` in an empty repository.
    pub fn head(&self) -> Result<Option<Oid>> {
        match self.repo.head() {
            Ok(r) => Ok(Some(r.peel_to_commit()?.id())),
            Err(e)
                if matches!(
                    e.code(),
                    git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The user's identity for new commits, from the git configuration, with
    /// git's `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` taking precedence.
    pub fn identity(&self) -> Result<Signature<'static>> {
        if let (Ok(name), Ok(email)) = (
            std::env::var("GIT_AUTHOR_NAME"),
            std::env::var("GIT_AUTHOR_EMAIL"),
        ) {
            return Signature::now(&name, &email).map_err(|_| StoreError::NoIdentity);
        }
        self.repo.signature().map_err(|_| StoreError::NoIdentity)
    }

    /// Reads a blob's bytes.
    pub fn blob(&self, oid: Oid) -> Result<Vec<u8>> {
        Ok(self.repo.find_blob(oid)?.content().to_vec())
    }
}

/// Short commit id as git prints it.
pub fn short(oid: impl Into<Oid>) -> String {
    let oid: Oid = oid.into();
    oid.to_string()[..7].to_string()
}
