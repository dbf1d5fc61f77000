//! What a person does with udkast, one function per use case, called by the
//! command line and by the TUI's worker alike. The faces parse input and show
//! output; the checks and the writes are here, once, so neither face can skip
//! one the other makes. Where the two faces word a result differently (a
//! status line, a line on standard output), both wordings are methods of the
//! result, side by side.

mod actions;
mod approvals;
mod approve;
mod blame;
mod bodies;
mod comment;
mod compare;
mod documents;
mod export;
mod history;
mod open;
mod route;
mod save;
mod sync;
mod threads;
mod update;
mod verify;

pub use actions::{ActionChange, ActionFields, ActionsChanged, actions, change_actions};
pub use approvals::{AllApprovals, DocumentApprovals, DocumentStatus, all_approvals, approvals};
pub use approve::{Decided, TaggedVersion, decide, tag};
pub use blame::{Blamed, BlamedParagraph, BlamedSentence, Credit, blame};
pub use bodies::{BodyChanged, add_body, bodies, rename_body};
pub use comment::{Comment, Commented, Done, comment, lines_label};
pub use compare::{Compared, Comparison, Side, ThreadMarks, compare, thread_marks};
pub use documents::{DocumentRow, Documents, documents, order};
pub use export::{ExportRequest, Exported, Since, export};
pub use history::{HistoryDraft, history};
pub use open::{DraftBytes, OpenedDocument, draft_bytes, open};
pub use route::{Rerouted, set_route};
pub use save::{SaveRequest, SavedDraft, save};
pub use sync::{
    Clashing, Renumbered, Resume, SyncInput, SyncOutcome, SyncState, Synced, WAITING, Waiting, fetch, sync,
    sync_state,
};
pub use threads::{PlacedThread, Shown, Threads, threads};
pub use update::{Updated, update};
pub use verify::{Verified, verify};

use crate::domain::Invalid;
use crate::lang::{ErrMsg, t, tf};
use crate::store::StoreError;

/// Why a use case did not happen: one sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("{}", t(ErrMsg::EmptyMessage))]
    EmptyMessage,
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    #[error(transparent)]
    Remote(#[from] crate::remote::RemoteError),
    #[error("{}", t(ErrMsg::SyncMoved))]
    SyncMoved,
    #[error("{}", tf(ErrMsg::NoDraftText, &[("version", .version), ("slug", .slug)]))]
    NoDraftText { slug: String, version: String },
    #[error("{}", tf(ErrMsg::TagClash, &[("name", .name), ("remote", .remote)]))]
    TagClash { name: String, remote: String },
}

/// Commits `meta` as `slug`'s `strategy.toml` on `head`, as the next draft
/// with `message`, after reading it back as any reader would (what cannot
/// be read is not written). The commit and the draft's number.
fn save_meta(
    store: &crate::store::Store,
    (slug, head): (&crate::domain::Slug, git2::Oid),
    meta: &crate::domain::StrategyMeta,
    author: &git2::Signature<'_>,
    message: &str,
) -> Result<(crate::store::CommitId, u32), Refused> {
    use crate::domain::{StrategyMeta, paths};
    let text = meta.to_toml();
    StrategyMeta::parse(&paths::meta(slug), &text, &store.config()?)?;
    let change = crate::store::Change::default().put(paths::meta(slug), text);
    let saved = store.commit_change(Some(head), &change, author, &|s, parent| {
        s.draft_message(parent, slug, message)
    })?;
    let (draft, _) = crate::store::parse_trailers(&saved.message);
    Ok((saved.commit.into(), draft.unwrap_or(0)))
}

/// The bundled sample in a new folder, for the use cases' tests: the folder
/// (removed when dropped), the repository in it and a store on it.
#[cfg(test)]
pub(crate) fn sample() -> (tempfile::TempDir, std::path::PathBuf, crate::store::Store) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("demo");
    crate::sample::build_demo(&repo).unwrap();
    let store = crate::store::Store::open(&repo).unwrap();
    (dir, repo, store)
}
