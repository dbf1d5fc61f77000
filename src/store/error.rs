//! The errors of the git store, each a sentence a user can act on.

use std::fmt;
use std::path::PathBuf;

use crate::domain::{BadValue, Invalid, ThreadStatus};
use crate::lang::{ErrMsg, t, tf};

/// Why a store operation failed; [`fmt::Display`] words it in this thread's
/// language, through the catalogue.
#[derive(Debug)]
pub enum StoreError {
    NotARepository(PathBuf),
    NotAWorkspace(String),
    AlreadyAWorkspace(String),
    DetachedHead,
    Invalid(Invalid),
    BadValue(BadValue),
    UnknownStrategy(String),
    StrategyExists(String),
    NoSuchDraft {
        slug: String,
        number: u32,
        count: usize,
    },
    BadVersion(String),
    NoApprovedVersion(String),
    NoIdentity,
    IndexLocked(PathBuf),
    Conflict {
        path: String,
    },
    NoRemote(String),
    Unchanged,
    TooBusy(usize),
    RefLocked {
        path: PathBuf,
        age: String,
    },
    /// What only leads may do, as [`crate::lang::t`] words it (`record
    /// decisions`).
    NotALead(&'static str),
    /// Why the version is not approved, said as a full sentence.
    NotApproved(String),
    Cancelled,
    /// Input that fails a check, said as a full sentence.
    BadInput(String),
    NoGit(String),
    GitCommand {
        command: String,
        message: String,
    },
    UnknownThread {
        slug: String,
        id: String,
    },
    AmbiguousThread {
        slug: String,
        prefix: String,
        /// The threads it could mean, by their short ids.
        candidates: Vec<String>,
    },
    LinesOutside {
        start: usize,
        end: usize,
        draft: u32,
        count: usize,
    },
    BadLines {
        start: usize,
        end: usize,
    },
    UnsavedLines {
        start: usize,
        end: usize,
    },
    EmptyComment,
    ThreadAlready {
        id: String,
        status: crate::domain::ThreadStatus,
    },
    /// `context` says what could not be done (`cannot write …`), in the
    /// language of the moment it failed.
    Io {
        context: String,
        source: std::io::Error,
    },
    OwnFile(String),
    Git(git2::Error),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StoreError::NotARepository(path) => tf(ErrMsg::NotARepository, &[("path", &path.display())]),
            StoreError::NotAWorkspace(branch) => tf(ErrMsg::NotAWorkspace, &[("branch", branch)]),
            StoreError::AlreadyAWorkspace(branch) => tf(ErrMsg::AlreadyAWorkspace, &[("branch", branch)]),
            StoreError::DetachedHead => t(ErrMsg::DetachedHead).to_string(),
            StoreError::Invalid(e) => e.to_string(),
            StoreError::BadValue(e) => e.to_string(),
            StoreError::UnknownStrategy(slug) => tf(ErrMsg::UnknownStrategy, &[("slug", slug)]),
            StoreError::StrategyExists(slug) => tf(ErrMsg::StrategyExists, &[("slug", slug)]),
            StoreError::NoSuchDraft { slug, number, count } => tf(
                ErrMsg::NoSuchDraft,
                &[("slug", slug), ("number", number), ("count", count)],
            ),
            StoreError::BadVersion(version) => tf(ErrMsg::BadVersion, &[("version", version)]),
            StoreError::NoApprovedVersion(slug) => tf(ErrMsg::NoApprovedVersion, &[("slug", slug)]),
            StoreError::NoIdentity => t(ErrMsg::NoIdentity).to_string(),
            StoreError::IndexLocked(path) => tf(ErrMsg::IndexLocked, &[("path", &path.display())]),
            StoreError::Conflict { path } => tf(ErrMsg::Conflict, &[("path", path)]),
            StoreError::NoRemote(remote) => tf(ErrMsg::NoRemote, &[("remote", remote)]),
            StoreError::Unchanged => t(ErrMsg::Unchanged).to_string(),
            StoreError::TooBusy(attempts) => tf(ErrMsg::TooBusy, &[("attempts", attempts)]),
            StoreError::RefLocked { path, age } => {
                tf(ErrMsg::RefLocked, &[("path", &path.display()), ("age", age)])
            }
            StoreError::NotALead(action) => tf(ErrMsg::NotALead, &[("action", action)]),
            StoreError::NotApproved(sentence) | StoreError::BadInput(sentence) => sentence.clone(),
            StoreError::Cancelled => t(ErrMsg::Cancelled).to_string(),
            StoreError::NoGit(error) => tf(ErrMsg::NoGit, &[("error", error)]),
            StoreError::GitCommand { command, message } => tf(
                ErrMsg::GitCommandFailed,
                &[("command", command), ("message", message)],
            ),
            StoreError::UnknownThread { slug, id } => {
                tf(ErrMsg::UnknownThread, &[("slug", slug), ("id", id)])
            }
            StoreError::AmbiguousThread {
                slug,
                prefix,
                candidates,
            } => tf(
                ErrMsg::AmbiguousThread,
                &[
                    ("prefix", prefix),
                    ("n", &candidates.len()),
                    ("slug", slug),
                    ("ids", &candidates_list(candidates)),
                ],
            ),
            StoreError::LinesOutside {
                start,
                end,
                draft,
                count,
            } => {
                let msg = match (start == end, *count == 1) {
                    (true, true) => ErrMsg::LineOutsideOne,
                    (true, false) => ErrMsg::LineOutsideMany,
                    (false, true) => ErrMsg::LinesOutsideOne,
                    (false, false) => ErrMsg::LinesOutsideMany,
                };
                tf(
                    msg,
                    &[("start", start), ("end", end), ("draft", draft), ("count", count)],
                )
            }
            StoreError::BadLines { start, end } => tf(ErrMsg::BadLines, &[("start", start), ("end", end)]),
            StoreError::UnsavedLines { start, end } => {
                let msg = if start == end {
                    ErrMsg::UnsavedLine
                } else {
                    ErrMsg::UnsavedLines
                };
                tf(msg, &[("start", start), ("end", end)])
            }
            StoreError::EmptyComment => t(ErrMsg::EmptyComment).to_string(),
            StoreError::ThreadAlready { id, status } => {
                let msg = match status {
                    ThreadStatus::Open => ErrMsg::ThreadAlreadyOpen,
                    ThreadStatus::Resolved => ErrMsg::ThreadAlreadyResolved,
                };
                tf(msg, &[("id", id)])
            }
            StoreError::Io { context, source } => format!("{context}: {source}"),
            StoreError::OwnFile(path) => tf(ErrMsg::OwnFile, &[("path", path)]),
            StoreError::Git(e) => tf(ErrMsg::GitSaid, &[("message", &e.message())]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {
    /// The error of the layer below, as thiserror's `#[from]` and `source`
    /// gave it before the sentences moved to the catalogue.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Invalid(e) => Some(e),
            StoreError::BadValue(e) => Some(e),
            StoreError::Io { source, .. } => Some(source),
            StoreError::Git(e) => Some(e),
            _ => None,
        }
    }
}

impl From<Invalid> for StoreError {
    fn from(e: Invalid) -> Self {
        StoreError::Invalid(e)
    }
}

impl From<BadValue> for StoreError {
    fn from(e: BadValue) -> Self {
        StoreError::BadValue(e)
    }
}

impl From<git2::Error> for StoreError {
    fn from(e: git2::Error) -> Self {
        StoreError::Git(e)
    }
}

/// "3fa9c2d, 3fa0e11", the first ten, then how many more.
fn candidates_list(candidates: &[String]) -> String {
    const SHOWN: usize = 10;
    match candidates.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => tf(
            ErrMsg::CandidatesMore,
            &[("shown", &candidates[..SHOWN].join(", ")), ("more", &more)],
        ),
        _ => candidates.join(", "),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, set};

    #[test]
    fn lines_outside_a_draft_in_the_singular_and_plural() {
        let outside = |start, end, count| {
            StoreError::LinesOutside {
                start,
                end,
                draft: 3,
                count,
            }
            .to_string()
        };
        assert_eq!(outside(4, 4, 1), "line 4 is outside draft 3, which has 1 line");
        assert_eq!(
            outside(4, 6, 2),
            "lines 4-6 are outside draft 3, which has 2 lines"
        );
        let unsaved = StoreError::UnsavedLines { start: 2, end: 2 }.to_string();
        assert_eq!(
            unsaved,
            "line 2 is not in a saved draft yet: save a draft first, then comment on them"
        );
    }

    #[test]
    fn store_errors_read_in_danish() {
        set(Lang::Da);
        let draft = StoreError::NoSuchDraft {
            slug: "klima".into(),
            number: 7,
            count: 1,
        };
        assert_eq!(
            draft.to_string(),
            "strategien \"klima\" har intet udkast 7 (dens udkast er 1–1)"
        );
        assert_eq!(
            StoreError::NotALead(t(ErrMsg::LeadTagVersions)).to_string(),
            "kun ledere kan tagge godkendte versioner: bed en leder om at føje dig til roles.leads i udkast.toml"
        );
        set(Lang::En);
    }
}
