//! Where documents stand on their approval route: one document's drafts ×
//! bodies matrix (the approvals screen and `udkast status SLUG`), and every
//! document's (`udkast status`).

use super::Refused;
use crate::domain::{ApprovalStatus, Invalid, Slug};
use crate::lang::{ErrMsg, t};
use crate::store::{ApprovedTag, Store};

/// One document's approvals at the head.
#[derive(Debug)]
pub struct DocumentApprovals {
    pub slug: Slug,
    pub title: String,
    pub status: ApprovalStatus,
    /// Each column's body name, parallel to `status.columns` (empty for a
    /// body the workspace no longer has).
    pub names: Vec<String>,
    /// Its approved-version tags.
    pub tags: Vec<ApprovedTag>,
    /// Decision files that do not parse, decisions naming an unknown body or
    /// a commit that is not a draft of this document.
    pub problems: Vec<Invalid>,
    /// Whether the user may record decisions and tag.
    pub is_lead: bool,
}

/// The approvals of `slug`.
pub fn approvals(store: &Store, slug: &Slug) -> Result<DocumentApprovals, Refused> {
    let a = store.approvals(slug)?;
    let tags = store.approved_tags(Some(slug))?;
    let names = a
        .status
        .columns
        .iter()
        .map(|b| {
            a.config
                .body(&b.0)
                .map(|body| body.name.clone())
                .unwrap_or_default()
        })
        .collect();
    let is_lead = store
        .lead_identity(&a.config, t(ErrMsg::LeadRecordDecisions))
        .is_ok();
    Ok(DocumentApprovals {
        slug: slug.clone(),
        title: a.entry.meta.title,
        status: a.status,
        names,
        tags,
        problems: a.problems,
        is_lead,
    })
}

/// One document's standing, in the list of all.
#[derive(Debug)]
pub struct DocumentStatus {
    pub slug: Slug,
    pub title: String,
    pub status: ApprovalStatus,
    pub tags: Vec<ApprovedTag>,
}

/// Every document's approvals at one head, by slug, and every file that
/// could not be read (documents and decisions).
#[derive(Debug)]
pub struct AllApprovals {
    pub documents: Vec<DocumentStatus>,
    pub problems: Vec<Invalid>,
}

/// The approvals of every document at the head.
pub fn all_approvals(store: &Store) -> Result<AllApprovals, Refused> {
    let snapshot = store.snapshot()?;
    let index = store.draft_index(Some(snapshot.commit), None)?;
    let mut tags = store.approved_tags(None)?;
    let mut entries: Vec<_> = snapshot.strategies.iter().collect();
    entries.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut problems = snapshot.problems.clone();
    let mut documents = Vec::with_capacity(entries.len());
    for entry in entries {
        let drafts = index.drafts(entry.slug.as_str());
        let (status, more) = store.status_at(snapshot.commit, entry, &snapshot.config, drafts)?;
        problems.extend(more);
        let (own, others) = tags.into_iter().partition(|t| t.slug == entry.slug);
        tags = others;
        documents.push(DocumentStatus {
            slug: entry.slug.clone(),
            title: entry.meta.title.clone(),
            status,
            tags: own,
        });
    }
    Ok(AllApprovals { documents, problems })
}
