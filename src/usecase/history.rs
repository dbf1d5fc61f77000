//! A document's drafts, oldest first, each with the tags on its commit and
//! the bodies' decisions on it: the history screen and `udkast log`.

use std::collections::HashMap;

use super::Refused;
use crate::domain::{BodyId, Outcome, Slug};
use crate::store::{Draft, Store};

/// One draft of a document's history.
#[derive(Debug, Clone)]
pub struct HistoryDraft {
    pub draft: Draft,
    /// Tags on the draft's commit (approved versions, named versions).
    pub labels: Vec<String>,
    /// The bodies' decisions on this draft, in the order of the approvals
    /// matrix's columns.
    pub decisions: Vec<(BodyId, Outcome)>,
}

/// The drafts of `slug`, oldest first. Refused when the document is not at
/// the head; a decision file that cannot be read only loses the decisions.
pub fn history(store: &Store, slug: &Slug) -> Result<Vec<HistoryDraft>, Refused> {
    let mut labels = store.tags_by_commit()?;
    let mut decisions: HashMap<String, Vec<(BodyId, Outcome)>> = HashMap::new();
    // The approvals already hold the drafts; number them again only without them.
    let drafts = match store.approvals(slug) {
        Ok(approvals) => {
            let status = &approvals.status;
            for row in &status.rows {
                let cells = row
                    .cells
                    .iter()
                    .zip(&status.columns)
                    .filter_map(|(cell, body)| cell.map(|o| (body.clone(), o)));
                decisions.insert(row.commit.clone(), cells.collect());
            }
            approvals.drafts
        }
        Err(_) => {
            // The document itself must be there: an unknown one is refused.
            store.entry(slug)?;
            store.drafts(slug)?
        }
    };
    Ok(drafts
        .into_iter()
        .map(|draft| HistoryDraft {
            labels: labels.remove(&draft.commit).unwrap_or_default(),
            decisions: decisions.remove(&draft.commit.to_string()).unwrap_or_default(),
            draft,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_that_is_not_there_has_no_history() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let history = history(&store, &slug).unwrap();
        let drafts = store.drafts(&slug).unwrap();
        assert_eq!(
            history.iter().map(|h| h.draft.commit).collect::<Vec<_>>(),
            drafts.iter().map(|d| d.commit).collect::<Vec<_>>()
        );
        // The TUI's history showed an unknown document as one without
        // drafts; `udkast log` refused it. Both refuse it now.
        let unknown = super::history(&store, &Slug::parse("findes-ikke").unwrap()).unwrap_err();
        assert!(
            unknown.to_string().contains("no strategy \"findes-ikke\""),
            "{unknown}"
        );
    }
}
