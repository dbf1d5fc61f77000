//! What a person does with udkast, one function per use case, called by the
//! command line and by the TUI's worker alike. The faces parse input and show
//! output; the checks and the writes are here, once, so neither face can skip
//! one the other makes.

mod documents;
mod save;
mod threads;

pub use documents::{DocumentRow, Documents, documents, order};
pub use save::{SaveRequest, SavedDraft, save};
pub use threads::{PlacedThread, Shown, Threads, threads};

use crate::domain::Invalid;
use crate::store::StoreError;

/// Why a use case did not happen: one sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("the message is empty; say what changed")]
    EmptyMessage,
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Store(#[from] StoreError),
}
