//! Comparing two versions of a document: which versions, their texts and
//! actions, the line and word diff, the sections that changed and, for work
//! plans, the actions. How the diff is shown (unified, side by side, the
//! history screen) is each face's own.

use std::sync::Arc;
use std::time::Duration;

use git2::Oid;

use super::Refused;
use crate::diff::{ActionChange, SectionChange, TextDiff};
use crate::domain::{Action, Slug, StrategyMeta};
use crate::store::{CommitId, Store, ThreadLines};

/// One side of a comparison.
#[derive(Debug, Clone, Copy)]
pub enum Side<'a> {
    /// Before draft 1: the empty text.
    Empty,
    /// A version as a person names it: a draft number, `latest`, `approved`
    /// or a commit (see `Store::version`).
    Named(&'a str),
    /// The document at a commit.
    Commit(CommitId),
    /// A text not saved yet (the editor's), with the actions of the
    /// document at `base`.
    Edited { base: CommitId, text: &'a str },
}

/// One version of the document as compared.
#[derive(Debug, Clone)]
pub struct Compared {
    /// How a person would call it ("draft 7", "klima/v2 (draft 5)"), when
    /// the side was named.
    pub label: Option<crate::store::VersionName>,
    pub commit: Option<CommitId>,
    /// Its draft number, when the side was named and is a draft.
    pub draft: Option<u32>,
    /// Shared with the store's text cache: neighbouring diffs share a text.
    pub text: Arc<str>,
    pub actions: Vec<Action>,
    /// Its `strategy.toml` (none before draft 1).
    pub meta: Option<StrategyMeta>,
}

/// Two versions and what changed between them.
#[derive(Debug)]
pub struct Comparison {
    pub old: Compared,
    pub new: Compared,
    pub diff: TextDiff,
    pub sections: Vec<SectionChange>,
    /// The work plan's changes by action (only work plans have actions).
    pub actions: Vec<ActionChange>,
    /// What changed in the document's details (`strategy.toml`: title,
    /// kind, route, summary), as sentences: a draft that changes only its
    /// route makes every approval stale, so it must not look unchanged.
    pub details: Vec<String>,
}

/// Compares `from` with `to` of `slug`; the word diff may take `budget`
/// before it is approximate.
pub fn compare(
    store: &Store,
    slug: &Slug,
    from: Side<'_>,
    to: Side<'_>,
    budget: Duration,
) -> Result<Comparison, Refused> {
    let old = read(store, slug, from)?;
    let new = read(store, slug, to)?;
    let diff = crate::diff::diff(&old.text, &new.text, budget);
    let sections = crate::diff::sections(&diff, &old.text, &new.text);
    let actions = crate::diff::workplan(&old.actions, &new.actions);
    let details = match (&old.meta, &new.meta) {
        (Some(a), Some(b)) => details(a, b),
        _ => Vec::new(),
    };
    Ok(Comparison {
        old,
        new,
        diff,
        sections,
        actions,
        details,
    })
}

/// The document's details that differ between two `strategy.toml`s.
fn details(old: &StrategyMeta, new: &StrategyMeta) -> Vec<String> {
    let route = |r: &Option<crate::domain::Route>| match r {
        None => "the workspace's default".to_string(),
        Some(route) => route.to_string(),
    };
    let mut out = Vec::new();
    if old.title != new.title {
        out.push(format!("title: «{}» became «{}»", old.title, new.title));
    }
    if old.kind != new.kind {
        out.push(format!("kind: {} became {}", old.kind, new.kind));
    }
    if old.route != new.route {
        out.push(format!(
            "route: {} became {}",
            route(&old.route),
            route(&new.route)
        ));
    }
    if old.summary != new.summary {
        out.push("summary changed".to_string());
    }
    out
}

/// One side's text and actions; only this document's files are read, not
/// the whole workspace.
fn read(store: &Store, slug: &Slug, side: Side<'_>) -> Result<Compared, Refused> {
    let at = |commit: Oid, text: Option<&str>| -> Result<Compared, Refused> {
        let entry = store.entry_at(commit, slug)?;
        let text = match text {
            Some(text) => Arc::from(text),
            None => store.document_text_shared(&entry)?,
        };
        Ok(Compared {
            label: None,
            commit: Some(commit.into()),
            draft: None,
            text,
            actions: entry.meta.actions.clone(),
            meta: Some(entry.meta),
        })
    };
    match side {
        Side::Empty => Ok(Compared {
            label: None,
            commit: None,
            draft: None,
            text: Arc::from(""),
            actions: Vec::new(),
            meta: None,
        }),
        Side::Named(spec) => {
            let version = store.version(slug, spec)?;
            Ok(Compared {
                label: Some(version.label),
                commit: Some(version.commit.into()),
                draft: version.draft,
                text: Arc::from(version.text),
                actions: version.meta.actions.clone(),
                meta: Some(version.meta),
            })
        }
        Side::Commit(commit) => at(commit.into(), None),
        Side::Edited { base, text } => at(base.into(), Some(text)),
    }
}

/// The open threads placed on both texts of a comparison: `(first, last,
/// id)`, lines 1-based and inclusive. A thread whose passage is gone from
/// one side is simply not on that side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThreadMarks {
    pub old: Arc<ThreadLines>,
    pub new: Arc<ThreadLines>,
}

/// Places the open threads of `slug` on both sides. Each placement takes a
/// line diff per draft the threads were made on, so it comes after the diff
/// itself; placements on a draft are remembered (by its blob), an edited
/// text's are not.
pub fn thread_marks(
    store: &Store,
    slug: &Slug,
    from: Side<'_>,
    to: Side<'_>,
) -> Result<ThreadMarks, Refused> {
    let on = |side: Side<'_>| -> Result<Arc<ThreadLines>, Refused> {
        let commit = match side {
            Side::Empty => return Ok(Arc::default()),
            Side::Edited { text, .. } => return Ok(Arc::new(store.open_thread_lines(slug, text)?)),
            Side::Commit(commit) => commit,
            Side::Named(spec) => store.version(slug, spec)?.commit.into(),
        };
        let entry = store.entry_at(commit.into(), slug)?;
        let text = store.document_text_shared(&entry)?;
        Ok(store.open_thread_lines_cached(slug, entry.document, &text)?)
    };
    Ok(ThreadMarks {
        old: on(from)?,
        new: on(to)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_version_and_its_commit_compare_alike() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let budget = Duration::from_secs(5);
        let named = compare(&store, &slug, Side::Named("1"), Side::Named("latest"), budget).unwrap();
        assert_eq!(named.old.label, Some(crate::store::VersionName::Draft(1)));
        assert_eq!(named.old.draft, Some(1));
        let (from, to) = (named.old.commit.unwrap(), named.new.commit.unwrap());
        let by_commit = compare(&store, &slug, Side::Commit(from), Side::Commit(to), budget).unwrap();
        assert_eq!(by_commit.old.text, named.old.text);
        assert_eq!(by_commit.new.text, named.new.text);
        assert_eq!(by_commit.diff.blocks.len(), named.diff.blocks.len());
        assert_eq!(by_commit.sections.len(), named.sections.len());
        // The editor's text stands in for the newer side's.
        let edited = compare(
            &store,
            &slug,
            Side::Empty,
            Side::Edited {
                base: to,
                text: "# Ny\n",
            },
            budget,
        )
        .unwrap();
        assert_eq!(&*edited.old.text, "");
        assert_eq!(&*edited.new.text, "# Ny\n");
        let refused = compare(&store, &slug, Side::Named("999"), Side::Named("latest"), budget).unwrap_err();
        assert!(refused.to_string().contains("has no draft 999"), "{refused}");
    }
}
