//! Background work: everything that reads or writes git runs on a worker thread
//! with its own `Store`, and reports back through a channel, so the UI thread
//! only draws and reacts and never freezes on a large history.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use git2::Oid;

use crate::domain::{BodyId, Kind, Slug, WorkspaceConfig, paths};
use crate::store::{Change, Store};

/// What the UI asks for.
#[derive(Debug)]
pub enum Request {
    Load,
    Open(Slug),
    Save {
        slug: Slug,
        base: Oid,
        text: String,
        message: String,
    },
}

/// What comes back. Errors are the sentences of the store's errors.
#[derive(Debug)]
pub enum Response {
    Loaded(Result<WorkspaceView, String>),
    Opened(Result<OpenedDocument, String>),
    Saved(Result<SavedDraft, String>),
}

/// A governing body's standing on a document, as an agenda item's row shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    Approved,
    Pending,
    Postponed,
    Rejected,
    NotYet,
}

impl Badge {
    /// A symbol so the state is legible without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Badge::Approved => "✓",
            Badge::Pending => "…",
            Badge::Postponed => "⏸",
            Badge::Rejected => "✗",
            Badge::NotYet => "·",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Badge::Approved => "approved",
            Badge::Pending => "pending",
            Badge::Postponed => "postponed",
            Badge::Rejected => "rejected",
            Badge::NotYet => "not yet treated",
        }
    }
}

/// One document as the overview shows it.
#[derive(Debug, Clone)]
pub struct Item {
    pub slug: Slug,
    pub title: String,
    pub kind: Kind,
    pub route: Vec<(BodyId, Badge)>,
    pub draft: usize,
    pub open_comments: usize,
    pub author: String,
    pub date: String,
}

/// The workspace as the UI needs it.
#[derive(Debug, Clone)]
pub struct WorkspaceView {
    pub name: String,
    pub branch: String,
    pub identity: String,
    pub head: Oid,
    pub git_dir: PathBuf,
    pub config: WorkspaceConfig,
    pub items: Vec<Item>,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct OpenedDocument {
    pub slug: Slug,
    pub title: String,
    /// The commit the text was read from; a save is made against it.
    pub base: Oid,
    pub draft: usize,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct SavedDraft {
    pub slug: Slug,
    pub commit: Oid,
    pub draft: u32,
    pub text: String,
    pub merged: bool,
    pub warnings: Vec<String>,
}

/// Checks cheaply that `repo` is a readable workspace, before the screen opens.
pub fn check(repo: &Path) -> Result<(), String> {
    let store = Store::open(repo).map_err(|e| e.to_string())?;
    store.snapshot().map(|_| ()).map_err(|e| e.to_string())
}

/// Reads the workspace for the overview.
pub fn load(repo: &Path) -> Result<WorkspaceView, String> {
    let store = Store::open(repo).map_err(|e| e.to_string())?;
    let snapshot = store.snapshot().map_err(|e| e.to_string())?;
    let index = store
        .draft_index(Some(snapshot.commit), None)
        .map_err(|e| e.to_string())?;
    let identity = match store.identity() {
        Ok(sig) => format!("{} <{}>", sig.name().unwrap_or("?"), sig.email().unwrap_or("?")),
        Err(_) => "no git identity".into(),
    };
    let mut items: Vec<Item> = snapshot
        .strategies
        .iter()
        .map(|s| {
            let drafts = index.drafts(s.slug.as_str());
            let last = drafts.last();
            Item {
                slug: s.slug.clone(),
                title: s.meta.title.clone(),
                kind: s.meta.kind,
                // Decisions are not recorded yet, so every body is still ahead.
                route: s
                    .meta
                    .effective_route(&snapshot.config)
                    .iter()
                    .map(|b| (b.clone(), Badge::NotYet))
                    .collect(),
                draft: drafts.len(),
                open_comments: 0,
                author: last.map(|d| d.author.clone()).unwrap_or_default(),
                date: last
                    .map(|d| d.time.strftime("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            }
        })
        .collect();
    items.sort_by_key(|a| a.title.to_lowercase());
    Ok(WorkspaceView {
        name: snapshot.config.name.clone(),
        branch: store.branch_short(),
        identity,
        head: snapshot.commit,
        git_dir: store.repo().path().to_path_buf(),
        config: snapshot.config,
        items,
        problems: snapshot.problems.iter().map(|p| p.to_string()).collect(),
    })
}

/// Reads the latest draft of a document for the editor.
pub fn open(repo: &Path, slug: &Slug) -> Result<OpenedDocument, String> {
    let store = Store::open(repo).map_err(|e| e.to_string())?;
    let snapshot = store.snapshot().map_err(|e| e.to_string())?;
    let entry = snapshot.get(slug.as_str()).map_err(|e| e.to_string())?;
    let text = store.document_text(entry).map_err(|e| e.to_string())?;
    let draft = store.drafts(slug).map_err(|e| e.to_string())?.len();
    Ok(OpenedDocument {
        slug: slug.clone(),
        title: entry.meta.title.clone(),
        base: snapshot.commit,
        draft,
        text,
    })
}

/// Saves the editor's text as a new draft made against `base`.
pub fn save(repo: &Path, slug: &Slug, base: Oid, text: &str, message: &str) -> Result<SavedDraft, String> {
    let store = Store::open(repo).map_err(|e| e.to_string())?;
    let author = store.identity().map_err(|e| e.to_string())?;
    let change = Change::default().put(paths::document(slug), text);
    let saved = store
        .commit_change(Some(base), &change, &author, &|s, parent| {
            s.draft_message(parent, slug, message)
        })
        .map_err(|e| e.to_string())?;
    let (draft, _) = crate::store::parse_trailers(&saved.message);
    // After a merge the draft holds other writers' changes too: reread it.
    let text = if saved.merged {
        open(repo, slug)?.text
    } else {
        text.to_string()
    };
    Ok(SavedDraft {
        slug: slug.clone(),
        commit: saved.commit,
        draft: draft.unwrap_or(0),
        text,
        merged: saved.merged,
        warnings: saved.warnings,
    })
}

/// The worker thread: one request at a time, in order.
pub fn spawn(repo: PathBuf) -> (Sender<Request>, Receiver<Response>) {
    let (req_tx, req_rx) = channel::<Request>();
    let (resp_tx, resp_rx) = channel::<Response>();
    std::thread::spawn(move || {
        for request in req_rx {
            let response = match request {
                Request::Load => Response::Loaded(load(&repo)),
                Request::Open(slug) => Response::Opened(open(&repo, &slug)),
                Request::Save {
                    slug,
                    base,
                    text,
                    message,
                } => Response::Saved(save(&repo, &slug, base, &text, &message)),
            };
            if resp_tx.send(response).is_err() {
                break;
            }
        }
    });
    (req_tx, resp_rx)
}
