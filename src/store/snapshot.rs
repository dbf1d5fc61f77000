//! Reading a workspace as it stands at one commit: `udkast.toml` and every
//! document under `strategies/`. Reads from the commit, never the working tree,
//! so bare repositories and uncommitted edits behave the same.

use git2::{ObjectType, Oid, Tree};

use super::{Result, Store, StoreError};
use crate::domain::{Invalid, Slug, StrategyMeta, WorkspaceConfig, check_document, paths};
use crate::lang::{ErrMsg, t, tf};

/// One document as stored at a commit.
#[derive(Debug, Clone)]
pub struct StrategyEntry {
    pub slug: Slug,
    pub meta: StrategyMeta,
    /// The blob of `document.md`.
    pub document: Oid,
}

/// The workspace at one commit. Documents that fail validation are listed in
/// `problems` instead of hiding the others.
#[derive(Debug)]
pub struct Snapshot {
    pub commit: Oid,
    pub config: WorkspaceConfig,
    pub strategies: Vec<StrategyEntry>,
    pub problems: Vec<Invalid>,
}

impl Snapshot {
    pub fn get(&self, slug: &str) -> Result<&StrategyEntry> {
        if let Some(entry) = self.strategies.iter().find(|s| s.slug.as_str() == slug) {
            return Ok(entry);
        }
        // A document that exists but is broken reports why, not "unknown".
        let dir = format!("{}/{slug}/", paths::STRATEGIES);
        match self.problems.iter().find(|p| p.file.starts_with(&dir)) {
            Some(problem) => Err(problem.clone().into()),
            None => Err(StoreError::UnknownStrategy(crate::text::inert(slug).into_owned())),
        }
    }
}

impl Store {
    /// Reads the workspace at the branch head.
    pub fn snapshot(&self) -> Result<Snapshot> {
        match self.head()? {
            Some(head) => self.snapshot_at(head),
            None => Err(StoreError::NotAWorkspace(self.branch_short())),
        }
    }

    pub fn snapshot_at(&self, commit: Oid) -> Result<Snapshot> {
        self.read_snapshot(commit, true)
    }

    /// The workspace at the branch head without checking that each document
    /// is valid text: what a first look needs (titles, kinds, routes) without
    /// reading every document. [`snapshot`](Self::snapshot) reports the bad ones.
    pub fn glance(&self) -> Result<Snapshot> {
        match self.head()? {
            Some(head) => self.read_snapshot(head, false),
            None => Err(StoreError::NotAWorkspace(self.branch_short())),
        }
    }

    fn read_snapshot(&self, commit: Oid, check: bool) -> Result<Snapshot> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        let config_text = match self.file_text(&tree, paths::CONFIG, paths::CONFIG)? {
            Some(text) => text,
            None => return Err(StoreError::NotAWorkspace(self.branch_short())),
        };
        let config = WorkspaceConfig::parse(&config_text)?;
        let mut strategies = Vec::new();
        let mut problems = Vec::new();
        let Some(dir) = tree.get_name(paths::STRATEGIES) else {
            return Ok(Snapshot {
                commit,
                config,
                strategies,
                problems,
            });
        };
        let dir = self.repo.find_tree(dir.id())?;
        for entry in dir.iter() {
            if entry.kind() != Some(ObjectType::Tree) {
                continue;
            }
            let name = String::from_utf8_lossy(entry.name_bytes()).into_owned();
            let sub = self.repo.find_tree(entry.id())?;
            match self.read_entry(&name, &sub, &config, check) {
                Ok(s) => strategies.push(s),
                Err(StoreError::Invalid(p)) => problems.push(p),
                Err(e) => return Err(e),
            }
        }
        if check {
            self.save_cache();
        }
        Ok(Snapshot {
            commit,
            config,
            strategies,
            problems,
        })
    }

    /// One document at the branch head, reading only its own files; with the
    /// head commit it was read from.
    pub fn entry(&self, slug: &Slug) -> Result<(Oid, StrategyEntry)> {
        let head = self
            .head()?
            .ok_or_else(|| StoreError::NotAWorkspace(self.branch_short()))?;
        Ok((head, self.entry_at(head, slug)?))
    }

    /// The workspace configuration at the branch head (a cheap check that this
    /// is a workspace at all).
    pub fn config(&self) -> Result<WorkspaceConfig> {
        let head = self
            .head()?
            .ok_or_else(|| StoreError::NotAWorkspace(self.branch_short()))?;
        self.config_at(head)
    }

    /// A sentence when `udkast.toml` in the working tree (or the index)
    /// differs from the committed one: udkast reads only what is committed,
    /// so a hand edit left uncommitted would otherwise be ignored silently.
    pub fn uncommitted_config(&self) -> Option<String> {
        let status = self.repo.status_file(std::path::Path::new(paths::CONFIG)).ok()?;
        let changed = git2::Status::WT_MODIFIED
            | git2::Status::WT_DELETED
            | git2::Status::INDEX_MODIFIED
            | git2::Status::INDEX_DELETED;
        status
            .intersects(changed)
            .then(|| tf(ErrMsg::UncommittedConfig, &[("file", &paths::CONFIG)]))
    }

    /// The workspace configuration as it stood at `commit`.
    pub fn config_at(&self, commit: Oid) -> Result<WorkspaceConfig> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        let text = self
            .file_text(&tree, paths::CONFIG, paths::CONFIG)?
            .ok_or_else(|| StoreError::NotAWorkspace(self.branch_short()))?;
        Ok(WorkspaceConfig::parse(&text)?)
    }

    /// One document as it stands at `commit`, reading only its own files (and
    /// `udkast.toml`), not the whole workspace.
    pub fn entry_at(&self, commit: Oid, slug: &Slug) -> Result<StrategyEntry> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        let config_text = self
            .file_text(&tree, paths::CONFIG, paths::CONFIG)?
            .ok_or_else(|| StoreError::NotAWorkspace(self.branch_short()))?;
        let config = WorkspaceConfig::parse(&config_text)?;
        let dir = match tree.get_path(std::path::Path::new(&paths::strategy_dir(slug))) {
            Ok(entry) if entry.kind() == Some(ObjectType::Tree) => self.repo.find_tree(entry.id())?,
            _ => return Err(StoreError::UnknownStrategy(slug.to_string())),
        };
        self.read_entry(slug.as_str(), &dir, &config, true)
    }

    fn read_entry(
        &self,
        name: &str,
        sub: &Tree<'_>,
        config: &WorkspaceConfig,
        check: bool,
    ) -> Result<StrategyEntry> {
        let dir = format!("{}/{}", paths::STRATEGIES, crate::text::inert(name));
        let slug = Slug::parse(name).map_err(|m| Invalid::new(&dir, m.to_string()))?;
        let meta_file = paths::meta(&slug);
        let doc_file = paths::document(&slug);
        let missing = |file: &str| Invalid::new(file, t(ErrMsg::IsMissing));
        let meta_text = self
            .file_text(sub, paths::META, &meta_file)?
            .ok_or_else(|| missing(&meta_file))?;
        let meta = StrategyMeta::parse(&meta_file, &meta_text, config)?;
        let doc = sub.get_name(paths::DOCUMENT).ok_or_else(|| missing(&doc_file))?;
        if doc.kind() != Some(ObjectType::Blob) {
            return Err(Invalid::new(&doc_file, t(ErrMsg::NotAFile)).into());
        }
        if check {
            self.check_blob(doc.id(), &doc_file)?;
        }
        Ok(StrategyEntry {
            slug,
            meta,
            document: doc.id(),
        })
    }

    /// The UTF-8 text of `path` in `tree`, `None` if absent; errors name `shown`.
    pub(super) fn file_text(&self, tree: &Tree<'_>, path: &str, shown: &str) -> Result<Option<String>> {
        let entry = match tree.get_path(std::path::Path::new(path)) {
            Ok(e) => e,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let blob = self
            .repo
            .find_blob(entry.id())
            .map_err(|_| Invalid::new(shown, t(ErrMsg::NotAFile)))?;
        let text = check_document(shown, blob.content())?;
        Ok(Some(text.to_string()))
    }

    /// The checked text of a document blob.
    pub fn document_text(&self, entry: &StrategyEntry) -> Result<String> {
        Ok(self.document_text_shared(entry)?.to_string())
    }

    /// Like [`Store::document_text`], shared with the cache.
    pub fn document_text_shared(&self, entry: &StrategyEntry) -> Result<std::sync::Arc<str>> {
        self.checked_text(entry.document, &paths::document(&entry.slug))
    }

    /// Checks that a document blob is valid text, remembering the answer in the
    /// history cache so a workspace of 200 long documents is not reread each time.
    fn check_blob(&self, blob: Oid, file: &str) -> Result<()> {
        if !self.blob_memory {
            return self.checked_text(blob, file).map(drop);
        }
        let path = self.cache_path();
        if self
            .cache
            .borrow_mut()
            .get_or_insert_with(|| super::cache::Cache::load(&path))
            .valid_blobs
            .contains(&blob)
        {
            return Ok(());
        }
        self.checked_text(blob, file)?;
        let mut slot = self.cache.borrow_mut();
        if let Some(cache) = slot.as_mut() {
            cache.valid_blobs.insert(blob);
            cache.dirty = true;
        }
        Ok(())
    }

    /// Writes the history cache if it learned something.
    pub(super) fn save_cache(&self) {
        if let Some(cache) = self.cache.borrow_mut().as_mut() {
            cache.save(&self.cache_path());
        }
    }

    /// A document blob's text, checked (UTF-8, not binary, not too big), from a
    /// small cache of recent texts.
    fn checked_text(&self, blob: Oid, file: &str) -> Result<std::sync::Arc<str>> {
        /// Enough for a history step and its neighbours; beyond it the cache restarts.
        const KEEP: usize = 16;
        if let Some(text) = self.texts.lock().get(&blob) {
            return Ok(text.clone());
        }
        let bytes = self.blob(blob)?;
        let text: std::sync::Arc<str> = check_document(file, &bytes)?.into();
        let mut texts = self.texts.lock();
        if texts.len() >= KEEP {
            texts.clear();
        }
        texts.insert(blob, text.clone());
        Ok(text)
    }
}
