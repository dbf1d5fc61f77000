//! Background work: everything that reads or writes git runs on a worker thread
//! with its own `Store`, and reports back through a channel, so the UI thread
//! only draws and reacts and never freezes on a large history.

mod answers;
mod sync;
mod workers;

use std::path::PathBuf;
use std::sync::Arc;

use crate::domain::{BodyId, Kind, Slug, WorkspaceConfig};
use crate::store::{Cancel, CommitId, Store, StoreError};
use crate::usecase::Refused;
pub use crate::usecase::{OpenedDocument, PlacedThread, SavedDraft, ThreadMarks as DiffThreads};
pub use answers::{
    approvals, check, comment, compute_diff, diff_threads, found_entry, glance, history, load, open, save,
    threads,
};
pub use workers::{Workers, spawn};

/// Why a job did not happen: the use case's refusal, shared (one error
/// opening the store answers every request).
pub type Failed = Arc<Refused>;

/// A job's error from the store or a use case.
pub fn failed(e: impl Into<Refused>) -> Failed {
    Arc::new(e.into())
}

/// Whether the job was cancelled by the user (not an error to show).
pub fn cancelled(e: &Failed) -> bool {
    matches!(
        **e,
        Refused::Store(StoreError::Cancelled) | Refused::Remote(crate::remote::RemoteError::Cancelled)
    )
}

/// What the UI asks for.
#[derive(Debug)]
pub enum Request {
    /// A first look at the workspace from what is at hand: the documents at
    /// the head with the rows the last full read remembered. Answered as
    /// `Loaded` with `refreshing` set; a `Load` should follow.
    Glance,
    Load,
    Open(Slug),
    Save {
        slug: Slug,
        base: CommitId,
        text: String,
        message: String,
    },
    History(Slug),
    Diff(DiffRequest),
    /// The open threads on both sides of a diff, for the history's gutter;
    /// `to_text` as in [`DiffRequest`].
    DiffThreads {
        key: DiffKey,
        to_text: Option<String>,
    },
    Approvals(Slug),
    /// A document's threads placed on the latest draft, or on `shown` (the
    /// editor's text) when given.
    Threads {
        slug: Slug,
        shown: Option<String>,
    },
    Comment(Slug, CommentRequest),
    Decide(Slug, crate::store::DecisionInput),
    Tag {
        slug: Slug,
        draft: Option<u32>,
        force: bool,
    },
    /// The branch head now: has anyone saved since the workspace was read?
    Head,
    /// Bring the editor's text, an edit of the draft at `base`, onto the
    /// latest draft.
    Update {
        slug: Slug,
        base: CommitId,
        text: String,
    },
    /// Sync with the team's remote.
    Sync(crate::usecase::SyncInput),
    /// Fetch from the remote in the background, moving no branch (on a
    /// thread of its own: the network must not hold up a save).
    Fetch,
    /// A draft as a Bilag file.
    Export(crate::usecase::ExportRequest),
    /// A work plan's actions, after making `change` (a draft) when given.
    WorkPlan {
        slug: Slug,
        change: Option<crate::usecase::ActionChange>,
    },
    /// Who gave each paragraph of the draft at `commit` its wording.
    Blame {
        slug: Slug,
        commit: CommitId,
    },
    /// The LIX of each heading's section of the editor's text at `version`
    /// (the rope shares the editor's chunks: no copy of the text).
    Lix {
        slug: Slug,
        version: u64,
        text: ropey::Rope,
    },
}

/// Two versions of a document to compare. `None` as `from` is the empty text
/// (before draft 1); `to_text` replaces the `to` commit's text (the editor's
/// unsaved buffer).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DiffKey {
    pub slug: Slug,
    pub from: Option<CommitId>,
    pub to: CommitId,
    /// The editor's buffer version, when `to` is the unsaved text.
    pub buffer: Option<u64>,
}

#[derive(Debug)]
pub struct DiffRequest {
    pub key: DiffKey,
    pub from_label: String,
    pub to_label: String,
    pub to_text: Option<String>,
}

/// What comes back. Errors are the sentences of the store's errors.
#[derive(Debug)]
pub enum Response {
    Loaded(Result<WorkspaceView, Failed>),
    Opened(Result<OpenedDocument, Failed>),
    Saved(Result<SavedDraft, Failed>),
    History(Slug, Result<Vec<HistoryEntry>, Failed>),
    Diffed(DiffKey, Result<std::sync::Arc<ComputedDiff>, Failed>),
    /// A diff request the worker dropped because a newer one was waiting.
    DiffSkipped(DiffKey),
    /// A diff's threads; `None` when dropped for a newer request.
    DiffThreads(DiffKey, Option<Result<std::sync::Arc<DiffThreads>, Failed>>),
    Approvals(Slug, Result<ApprovalsView, Failed>),
    /// A recorded decision or a created tag: what to tell the user.
    Approved(Slug, Result<String, Failed>),
    Threads(Slug, Result<ThreadsView, Failed>),
    Commented(Slug, Result<String, Failed>),
    /// How far a long job got, as a sentence for the status line.
    Progress(String),
    /// The branch head (`None`: no commits yet).
    Head(Result<Option<CommitId>, Failed>),
    Updated(Slug, Result<crate::usecase::Updated, Failed>),
    /// Drafts found by a first read of the history, newest first, by slug:
    /// numbered 0, as their numbers are not known yet.
    Found(Vec<(String, HistoryEntry)>),
    Synced(Result<crate::usecase::SyncOutcome, Failed>),
    /// Where the branch stands after a background fetch.
    Fetched(Result<Option<crate::usecase::SyncState>, Failed>),
    /// The remote asks for a password or passphrase (git's askpass): the
    /// answer goes back on the sender, `None` when the person declines.
    AskPass(String, std::sync::mpsc::Sender<Option<String>>),
    Exported(Result<crate::usecase::Exported, Failed>),
    WorkPlan(Slug, Result<WorkPlanAnswer, Failed>),
    Blamed(
        Slug,
        CommitId,
        Result<std::sync::Arc<crate::usecase::Blamed>, Failed>,
    ),
    Lix {
        slug: Slug,
        version: u64,
        by_heading: Vec<Option<u32>>,
    },
}

/// A work plan's actions, and what a change made said.
#[derive(Debug, Clone)]
pub struct WorkPlanAnswer {
    pub actions: Vec<crate::domain::Action>,
    /// `Saved action 3 "…" of klima: draft 6 (abc1234)`.
    pub changed: Option<String>,
}

/// What to do with comments.
#[derive(Debug, Clone)]
pub enum CommentRequest {
    /// A new thread on lines `start..=end` (1-based) of draft `draft` (default:
    /// the latest) or, when `shown` is given, of that unsaved text based on it.
    Add {
        draft: Option<u32>,
        start: usize,
        end: usize,
        text: String,
        shown: Option<String>,
    },
    Reply {
        id: String,
        text: String,
    },
    /// Resolves the thread, with a closing word if given.
    Resolve {
        id: String,
        text: Option<String>,
    },
    Reopen {
        id: String,
    },
}

#[derive(Debug, Clone)]
pub struct ThreadsView {
    /// Sorted by position; outdated threads last.
    pub threads: Vec<PlacedThread>,
    pub problems: Vec<String>,
    /// The user's e-mail, for the "mine" filter.
    pub me: String,
}

/// A document's approvals as the approvals screen shows them.
#[derive(Debug, Clone)]
pub struct ApprovalsView {
    pub title: String,
    pub status: crate::domain::ApprovalStatus,
    /// Each column's body name, parallel to `status.columns`.
    pub names: Vec<String>,
    pub problems: Vec<String>,
    /// Whether the user may record decisions and tag.
    pub is_lead: bool,
    /// The approved versions: each tag's name by the commit it names.
    pub versions: Vec<(String, String)>,
}

/// One draft in the history list.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub number: u32,
    pub commit: CommitId,
    pub date: String,
    pub author: String,
    pub summary: String,
    /// Tags on the draft's commit (approved versions, named versions).
    pub labels: Vec<String>,
    pub recorded: Option<u32>,
    /// The bodies' decisions on this draft, e.g. "DIR ⏸".
    pub decisions: Vec<String>,
}

/// A diff ready to show: the texts, the diff, its section summary and, for
/// work plans, the action changes.
#[derive(Debug)]
pub struct ComputedDiff {
    pub from_label: String,
    pub to_label: String,
    /// Shared with the store's text cache: neighbouring diffs share a text.
    pub old: std::sync::Arc<str>,
    pub new: std::sync::Arc<str>,
    pub diff: crate::diff::TextDiff,
    pub sections: Vec<crate::diff::SectionChange>,
    pub actions: Vec<crate::diff::ActionChange>,
    /// What changed in `strategy.toml` (title, kind, route), in words.
    pub details: Vec<String>,
}

/// A governing body's standing on a document, as an agenda item's row shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Badge {
    Approved,
    /// Approved or adopted an older draft than the current one.
    Stale,
    Pending,
    Postponed,
    Rejected,
    Returned,
    NotYet,
}

impl From<crate::domain::Standing> for Badge {
    fn from(standing: crate::domain::Standing) -> Badge {
        use crate::domain::Standing as S;
        match standing {
            S::NotYet => Badge::NotYet,
            S::Pending => Badge::Pending,
            s if s.is_stale() => Badge::Stale,
            S::Approved { .. } | S::Adopted { .. } | S::Noted { .. } => Badge::Approved,
            S::Postponed { .. } => Badge::Postponed,
            S::Rejected { .. } => Badge::Rejected,
            S::Returned { .. } => Badge::Returned,
        }
    }
}

impl Badge {
    /// A symbol so the state is legible without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Badge::Approved => "✓",
            Badge::Stale => "↺",
            Badge::Pending => "…",
            Badge::Postponed => "⏸",
            Badge::Rejected => "✗",
            Badge::Returned => "↩",
            Badge::NotYet => "·",
        }
    }
}

/// One document as the overview shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Item {
    #[serde(with = "slug_text")]
    pub slug: Slug,
    pub title: String,
    pub kind: Kind,
    /// False while only its title, kind and route are known (its drafts,
    /// decisions and threads are still being read).
    #[serde(skip, default = "known")]
    pub known: bool,
    /// The route's bodies and their badges, step by step (a parallel step
    /// has several).
    pub route: Vec<Vec<(BodyId, Badge)>>,
    pub draft: usize,
    pub open_comments: usize,
    pub author: String,
    pub date: String,
    /// The due dates of a work plan's open actions.
    #[serde(default)]
    pub open_dues: Vec<jiff::civil::Date>,
}

fn known() -> bool {
    true
}

mod slug_text {
    use crate::domain::Slug;
    pub fn serialize<S: serde::Serializer>(slug: &Slug, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(slug.as_str())
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Slug, D::Error> {
        let text: String = serde::Deserialize::deserialize(d)?;
        Slug::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The workspace as the UI needs it.
#[derive(Debug, Clone)]
pub struct WorkspaceView {
    pub name: String,
    pub branch: String,
    pub identity: String,
    pub head: CommitId,
    pub git_dir: PathBuf,
    pub config: WorkspaceConfig,
    pub items: Vec<Item>,
    pub problems: Vec<String>,
    /// A first look ([`Request::Glance`]): the full read is still under way.
    pub refreshing: bool,
    /// Where the branch stands against its remote (`None`: no remote).
    pub sync: Option<crate::usecase::SyncState>,
}

/// Answers one request with the worker's store (or the error opening it).
pub fn handle(store: &Result<Store, Failed>, request: Request) -> Response {
    let store = match store {
        Ok(store) => store,
        Err(e) => {
            return match request {
                Request::Glance | Request::Load => Response::Loaded(Err(e.clone())),
                Request::Open(_) => Response::Opened(Err(e.clone())),
                Request::Save { .. } => Response::Saved(Err(e.clone())),
                Request::History(slug) => Response::History(slug, Err(e.clone())),
                Request::Approvals(slug) => Response::Approvals(slug, Err(e.clone())),
                Request::Threads { slug, .. } => Response::Threads(slug, Err(e.clone())),
                Request::Comment(slug, _) => Response::Commented(slug, Err(e.clone())),
                Request::Decide(slug, _) | Request::Tag { slug, .. } => {
                    Response::Approved(slug, Err(e.clone()))
                }
                Request::Diff(r) => Response::Diffed(r.key, Err(e.clone())),
                Request::DiffThreads { key, .. } => Response::DiffThreads(key, Some(Err(e.clone()))),
                Request::Head => Response::Head(Err(e.clone())),
                Request::Update { slug, .. } => Response::Updated(slug, Err(e.clone())),
                Request::Sync(_) => Response::Synced(Err(e.clone())),
                Request::Fetch => Response::Fetched(Err(e.clone())),
                Request::Export(_) => Response::Exported(Err(e.clone())),
                Request::Blame { slug, commit } => Response::Blamed(slug, commit, Err(e.clone())),
                Request::WorkPlan { slug, .. } => Response::WorkPlan(slug, Err(e.clone())),
                Request::Lix { slug, version, text } => lix(slug, version, &text),
            };
        }
    };
    match request {
        Request::Glance => Response::Loaded(glance(store)),
        Request::Head => Response::Head(store.head().map(|h| h.map(CommitId::from)).map_err(failed)),
        Request::Update { slug, base, text } => {
            let result = crate::usecase::update(store, &slug, base, &text).map_err(failed);
            Response::Updated(slug, result)
        }
        Request::Load => Response::Loaded(load(store)),
        // Without the worker's channel: no progress, a password asked on the terminal.
        Request::Sync(input) => sync::run(store, &input, &Cancel::default(), None),
        Request::Fetch => Response::Fetched(sync::fetch(store)),
        Request::Lix { slug, version, text } => lix(slug, version, &text),
        Request::Export(request) => {
            Response::Exported(crate::usecase::export(store, &request).map_err(failed))
        }
        Request::Blame { slug, commit } => {
            let blamed = crate::usecase::blame(store, &slug, &commit.to_string());
            Response::Blamed(slug, commit, blamed.map(std::sync::Arc::new).map_err(failed))
        }
        Request::WorkPlan { slug, change } => {
            let answer = answers::work_plan(store, &slug, change.as_ref());
            Response::WorkPlan(slug, answer)
        }
        Request::Open(slug) => Response::Opened(open(store, &slug)),
        Request::Save {
            slug,
            base,
            text,
            message,
        } => Response::Saved(save(store, &slug, base, &text, &message)),
        Request::History(slug) => {
            let result = history(store, &slug);
            Response::History(slug, result)
        }
        Request::Diff(request) => {
            let result = compute_diff(store, &request).map(std::sync::Arc::new);
            Response::Diffed(request.key, result)
        }
        Request::DiffThreads { key, to_text } => {
            let result = diff_threads(store, &key, to_text.as_deref()).map(std::sync::Arc::new);
            Response::DiffThreads(key, Some(result))
        }
        Request::Approvals(slug) => {
            let result = approvals(store, &slug);
            Response::Approvals(slug, result)
        }
        Request::Threads { slug, shown } => {
            let result = threads(store, &slug, shown.as_deref());
            Response::Threads(slug, result)
        }
        Request::Comment(slug, request) => {
            let result = comment(store, &slug, request);
            Response::Commented(slug, result)
        }
        Request::Decide(slug, input) => {
            let result = crate::usecase::decide(store, &slug, input)
                .map(|decided| decided.status_line())
                .map_err(failed);
            Response::Approved(slug, result)
        }
        Request::Tag { slug, draft, force } => {
            // The approvals screen shows the decision files it cannot read.
            let result = crate::usecase::tag(store, &slug, draft, force, &mut |_| {})
                .map(|tagged| tagged.status_line())
                .map_err(failed);
            Response::Approved(slug, result)
        }
    }
}

/// The LIX of each heading's section: no git, only counting.
fn lix(slug: Slug, version: u64, text: &ropey::Rope) -> Response {
    let lines: Vec<std::borrow::Cow<'_, str>> = text.lines().map(Into::into).collect();
    Response::Lix {
        slug,
        version,
        by_heading: crate::diff::lix_by_heading(&lines),
    }
}
