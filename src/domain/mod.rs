//! The words of the product: workspace configuration, governing bodies, strategies,
//! work-plan actions, decisions and approval standing, slugs and document text,
//! with their validation.
//!
//! Nothing here knows about git, the terminal or the file system: every function
//! takes text (and the name of the file it came from, for error messages) and
//! returns values or an [`Invalid`] that says what is wrong and where (a
//! [`BadValue`] for what someone typed).

mod approval;
mod decision;
mod error;
mod merge;
mod route;
mod slug;
mod strategy;
mod text;
mod thread;
mod thread_id;
mod version_tag;
mod workspace;

/// Which of `all` a person typed: its word in files (`id`) or one of its
/// Danish words (`words`, lower case), in any case and with any spacing —
/// outcomes, body kinds and action statuses alike.
fn typed<T: Copy>(
    typed: &str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
    words: impl Fn(T) -> &'static [&'static str],
) -> Option<T> {
    let typed = typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    all.iter()
        .copied()
        .find(|&t| id(t) == typed || words(t).contains(&typed.as_str()))
}

pub use approval::{ApprovalStatus, BodyStatus, DraftRef, DraftRow, Standing};
pub use decision::{
    Decision, Outcome, Person, Typed, check_line, far_ahead, is_commit_id, is_decision_id, parse_meeting_date,
};
pub use error::{BadValue, Invalid};
pub use merge::{Choice, Clash, Merge, Part, merge_threads, still_marked};
pub use route::Route;
pub use slug::Slug;
pub use strategy::{Action, ActionStatus, DUE_SOON_DAYS, Kind, StrategyMeta, due_counts};
pub use text::{MAX_DOCUMENT_BYTES, check_document};
pub use thread::{Anchor, Message, Thread, ThreadStatus};
pub use thread_id::{Lookup, SHORT_LEN, ThreadIds, check_id, new_id};
pub use version_tag::{
    Claim, TagClaims, TagContent, parse_tag_message, parse_tag_name, strip_signature, tag_message, tag_name,
};
pub use workspace::{Body, BodyId, BodyKind, Roles, WorkspaceConfig};

/// The format version this build writes and reads in every TOML file.
pub const FORMAT_VERSION: u32 = 1;

/// Paths of the workspace inside a repository, shared by store and CLI so the
/// layout is written down once.
pub mod paths {
    use super::Slug;

    pub const CONFIG: &str = "udkast.toml";
    pub const STRATEGIES: &str = "strategies";
    pub const META: &str = "strategy.toml";
    pub const DOCUMENT: &str = "document.md";
    pub const DECISIONS: &str = "decisions";

    pub fn strategy_dir(slug: &Slug) -> String {
        format!("{STRATEGIES}/{slug}")
    }
    pub fn meta(slug: &Slug) -> String {
        format!("{STRATEGIES}/{slug}/{META}")
    }
    pub fn document(slug: &Slug) -> String {
        format!("{STRATEGIES}/{slug}/{DOCUMENT}")
    }
    pub fn decisions(slug: &Slug) -> String {
        format!("{STRATEGIES}/{slug}/{DECISIONS}")
    }
    pub fn decision(slug: &Slug, id: &str) -> String {
        format!("{STRATEGIES}/{slug}/{DECISIONS}/{id}.toml")
    }

    pub const COMMENTS: &str = "comments";

    /// The folder of a document's comment threads.
    pub fn comments_dir(slug: &Slug) -> String {
        format!("{STRATEGIES}/{slug}/{COMMENTS}")
    }
    /// One comment thread's file.
    pub fn thread(slug: &Slug, id: &str) -> String {
        format!("{STRATEGIES}/{slug}/{COMMENTS}/{id}.toml")
    }
}
