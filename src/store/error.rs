//! The errors of the git store, each a sentence a user can act on.

use std::path::PathBuf;

use crate::domain::{BadValue, Invalid};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} is not inside a git repository (run `udkast init` there, or pass --repo)")]
    NotARepository(PathBuf),
    #[error("this repository is not a udkast workspace: there is no udkast.toml on {0} (run `udkast init`)")]
    NotAWorkspace(String),
    #[error("this repository is already a udkast workspace (udkast.toml exists on {0})")]
    AlreadyAWorkspace(String),
    #[error("HEAD is detached; check out a branch before saving")]
    DetachedHead,
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("{0}")]
    BadValue(#[from] BadValue),
    #[error("no strategy \"{0}\" in this workspace (see `udkast list`)")]
    UnknownStrategy(String),
    #[error("strategy \"{0}\" already exists")]
    StrategyExists(String),
    #[error("strategy \"{slug}\" has no draft {number} (its drafts are 1–{count})")]
    NoSuchDraft { slug: String, number: u32, count: usize },
    #[error("\"{0}\" is not a draft number, \"latest\", \"approved\" or a commit")]
    BadVersion(String),
    #[error("\"{0}\" has no approved version yet (no tag {0}/v<N>)")]
    NoApprovedVersion(String),
    #[error(
        "no git identity: set one with `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org`"
    )]
    NoIdentity,
    #[error(
        "the git index is locked by another program ({0}); wait for it to finish, or remove the lock file if it crashed"
    )]
    IndexLocked(PathBuf),
    #[error(
        "someone else changed the same passage of {path} since you started; your text was not saved and nothing was lost from the repository"
    )]
    Conflict { path: String },
    #[error(
        "there is no remote \"{0}\": add the team's with `git remote add {0} URL`, or name another with --remote"
    )]
    NoRemote(String),
    #[error("nothing changed: the text is identical to the latest draft")]
    Unchanged,
    #[error("the branch kept moving under us after {0} attempts; try again")]
    TooBusy(usize),
    #[error(
        "the branch is locked by {path}, left there {age}; if no git or udkast command is running on this repository, remove that file and try again"
    )]
    RefLocked { path: PathBuf, age: String },
    #[error("only leads may {0}: ask a lead to add you to roles.leads in udkast.toml")]
    NotALead(&'static str),
    #[error("{0}")]
    NotApproved(String),
    #[error("cancelled before the history was read to the end; it is read again next time")]
    Cancelled,
    /// Input that fails a check, said as a full sentence.
    #[error("{0}")]
    BadInput(String),
    #[error("cannot run git ({0}); udkast needs git installed for tags and signatures")]
    NoGit(String),
    #[error("git {command} failed: {message}")]
    GitCommand { command: String, message: String },
    #[error("no comment thread \"{id}\" on {slug} (see `udkast comment list {slug} --all`)")]
    UnknownThread { slug: String, id: String },
    #[error(
        "\"{prefix}\" is the beginning of {} comment ids on {slug} ({}); give more of the id",
        .candidates.len(),
        candidates_list(.candidates)
    )]
    AmbiguousThread {
        slug: String,
        prefix: String,
        /// The threads it could mean, by their short ids.
        candidates: Vec<String>,
    },
    #[error("{} outside draft {draft}, which has {count} line{}", lines_are(*.start, *.end), if *.count == 1 { "" } else { "s" })]
    LinesOutside {
        start: usize,
        end: usize,
        draft: u32,
        count: usize,
    },
    #[error(
        "lines {start}-{end} are not a range of lines (lines are numbered from 1, the first before the last)"
    )]
    BadLines { start: usize, end: usize },
    #[error(
        "{} not in a saved draft yet: save a draft first, then comment on them",
        lines_are(*.start, *.end)
    )]
    UnsavedLines { start: usize, end: usize },
    #[error("the comment is empty")]
    EmptyComment,
    #[error("comment {id} is already {status}")]
    ThreadAlready {
        id: String,
        status: crate::domain::ThreadStatus,
    },
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error(
        "{0} is one of the workspace's own files (git tracks it, or it is inside .git); nothing was written: choose a name outside them"
    )]
    OwnFile(String),
    #[error("git: {}", .0.message())]
    Git(#[from] git2::Error),
}

/// "3fa9c2d, 3fa0e11", the first ten, then how many more.
fn candidates_list(candidates: &[String]) -> String {
    const SHOWN: usize = 10;
    match candidates.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => format!("{}, and {more} more", candidates[..SHOWN].join(", ")),
        _ => candidates.join(", "),
    }
}

/// "line 4 is" or "lines 4-6 are".
fn lines_are(start: usize, end: usize) -> String {
    if start == end {
        format!("line {start} is")
    } else {
        format!("lines {start}-{end} are")
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
