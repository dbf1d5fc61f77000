//! Bringing a text being edited onto the latest draft, when others saved
//! drafts since it was opened: the same three-way merge saving makes.

use super::{OpenedDocument, Refused, open};
use crate::domain::Slug;
use crate::store::{CommitId, Store, StoreError};

/// The latest draft, and the text being edited brought onto it.
#[derive(Debug, Clone)]
pub struct Updated {
    /// The latest draft: the new base of the text.
    pub latest: OpenedDocument,
    /// The edited text with the latest draft's changes merged in.
    pub text: String,
    /// Who saved the drafts since, newest first, without repeats.
    pub by: Vec<String>,
}

/// Brings `text`, an edit of the draft at `base`, onto the latest draft of
/// `slug`. Refused (nothing changes) when both changed the same passage.
pub fn update(store: &Store, slug: &Slug, base: CommitId, text: &str) -> Result<Updated, Refused> {
    let latest = open(store, slug)?;
    let by = store
        .drafts(slug)?
        .into_iter()
        .rev()
        .take_while(|d| d.commit != base.oid())
        .fold(Vec::new(), |mut by: Vec<String>, d| {
            if !by.contains(&d.author) {
                by.push(d.author);
            }
            by
        });
    if latest.base == base {
        return Ok(Updated {
            text: text.to_string(),
            latest,
            by,
        });
    }
    let original = store.document_text(&store.entry_at(base.oid(), slug)?)?;
    match store.merge_texts(&original, text, &latest.text)? {
        Some(merged) => Ok(Updated {
            text: merged,
            latest,
            by,
        }),
        None => Err(StoreError::Conflict {
            path: crate::domain::paths::document(slug),
        }
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usecase::{SaveRequest, save};

    fn saved(store: &Store, slug: &Slug, text: &str, message: &str) -> CommitId {
        let request = SaveRequest {
            slug,
            text: text.as_bytes(),
            base: None,
            message,
            source: "document.md",
        };
        save(store, &request).unwrap().commit
    }

    /// Opened at one draft, edited, while another writer saves two drafts:
    /// the edit is brought onto the latest with both changes kept; an edit
    /// of the same passage is refused and changes nothing.
    #[test]
    fn an_edit_is_brought_onto_the_latest_draft() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let opened = open(&store, &slug).unwrap();
        let lines: Vec<&str> = opened.text.lines().collect();
        let mine = format!("Min første linje.\n{}\n", opened.text.trim_end());
        let theirs = format!("{}\nDeres sidste linje.\n", opened.text.trim_end());
        saved(&store, &slug, &theirs, "Tilføjet til sidst");
        saved(&store, &slug, &format!("{theirs}Og en til.\n"), "Endnu en");
        let updated = update(&store, &slug, opened.base, &mine).unwrap();
        assert_eq!(updated.latest.draft, opened.draft + 2);
        assert!(updated.text.starts_with("Min første linje.\n"));
        assert!(updated.text.ends_with("Deres sidste linje.\nOg en til.\n"));
        assert!(!updated.by.is_empty());
        // The same first line changed two ways.
        let clash = format!("{}\n{}\n", "Anden første linje.", lines[1..].join("\n"));
        let other = format!("{}\n{}\n", "En tredje første linje.", lines[1..].join("\n"));
        saved(
            &store,
            &slug,
            &format!("{other}Deres sidste linje.\nOg en til.\n"),
            "Ny indledning",
        );
        let refused = update(&store, &slug, opened.base, &clash).unwrap_err();
        assert!(refused.to_string().contains("same passage"), "{refused}");
    }
}
