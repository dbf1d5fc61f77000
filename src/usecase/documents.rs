//! The documents of the workspace, as the overview and `udkast list` show them.

use super::Refused;
use crate::domain::{BodyId, Invalid, Kind, Route, Slug, Standing, ThreadStatus, WorkspaceConfig};
use crate::store::{CommitId, Draft, Store};

/// One document at the head.
#[derive(Debug, Clone)]
pub struct DocumentRow {
    pub slug: Slug,
    pub title: String,
    pub kind: Kind,
    pub drafts: usize,
    /// Its latest draft.
    pub last: Option<Draft>,
    /// Each body of its route, step by step, and where the document stands with it; `None`
    /// when its decisions cannot be read (then the route alone is `route`).
    pub standing: Option<Vec<Vec<(BodyId, Standing)>>>,
    pub route: Route,
    pub open_threads: usize,
    /// The due dates of a work plan's open actions.
    pub open_dues: Vec<jiff::civil::Date>,
}

/// The workspace's documents, by title (then slug), and the files that did
/// not parse.
#[derive(Debug)]
pub struct Documents {
    pub commit: CommitId,
    pub config: WorkspaceConfig,
    pub rows: Vec<DocumentRow>,
    pub problems: Vec<Invalid>,
}

/// The order documents are listed in everywhere: by title, ignoring case,
/// then by slug.
pub fn order(title: &str, slug: &Slug) -> (String, String) {
    (title.to_lowercase(), slug.to_string())
}

/// Every document at the head, with its drafts, route standing and open
/// threads; a document whose files do not parse is a problem, never hides
/// the others.
pub fn documents(store: &Store) -> Result<Documents, Refused> {
    let snapshot = store.snapshot()?;
    let index = store.draft_index(Some(snapshot.commit), None)?;
    let mut rows: Vec<DocumentRow> = snapshot
        .strategies
        .iter()
        .map(|s| {
            let drafts = index.drafts(s.slug.as_str());
            DocumentRow {
                slug: s.slug.clone(),
                title: s.meta.title.clone(),
                kind: s.meta.kind,
                drafts: drafts.len(),
                last: drafts.last().cloned(),
                standing: store.route_row(snapshot.commit, s, &snapshot.config, drafts).ok(),
                route: s.meta.effective_route(&snapshot.config).clone(),
                open_dues: s.meta.open_due_dates(),
                open_threads: store
                    .threads_at(snapshot.commit, &s.slug)
                    .map(|(t, _)| t.iter().filter(|t| t.status == ThreadStatus::Open).count())
                    .unwrap_or(0),
            }
        })
        .collect();
    rows.sort_by_cached_key(|r| order(&r.title, &r.slug));
    Ok(Documents {
        commit: snapshot.commit.into(),
        config: snapshot.config,
        rows,
        problems: snapshot.problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_by_title_with_its_drafts() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let documents = documents(&store).unwrap();
        assert!(documents.problems.is_empty());
        assert!(documents.rows.len() > 1);
        let keys: Vec<_> = documents.rows.iter().map(|r| order(&r.title, &r.slug)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        for row in &documents.rows {
            let drafts = store.drafts(&row.slug).unwrap();
            assert_eq!(row.drafts, drafts.len());
            assert_eq!(
                row.last.as_ref().map(|d| d.commit),
                drafts.last().map(|d| d.commit)
            );
            assert!(row.standing.is_some(), "{}", row.slug);
        }
        // Titles compare without case: "abc" and "Abd" are in that order.
        let slug = Slug::parse("x").unwrap();
        assert!(order("abc", &slug) < order("Abd", &slug));
    }
}
