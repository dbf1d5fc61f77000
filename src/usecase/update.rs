//! Bringing a text being edited onto the latest draft, when others saved
//! drafts since it was opened: the same three-way merge saving makes.

use super::{OpenedDocument, Refused, open};
use crate::domain::{Merge, Slug};
use crate::store::{CommitId, Store};

/// The latest draft, and the text being edited brought onto it.
#[derive(Debug, Clone)]
pub struct Updated {
    /// The latest draft: the new base of the text.
    pub latest: OpenedDocument,
    /// The edited text with the latest draft's changes merged in: agreed
    /// passages, and the ones both changed, for the person to choose.
    pub merge: Merge,
    /// The draft both came from (`None` when it is the latest).
    pub base_draft: Option<usize>,
    /// Who saved the drafts since, newest first, without repeats.
    pub by: Vec<String>,
}

/// Brings `text`, an edit of the draft at `base`, onto the latest draft of
/// `slug`: the same three-way merge saving makes. Where both changed the
/// same passage, the merge holds the three versions to choose from.
pub fn update(store: &Store, slug: &Slug, base: CommitId, text: &str) -> Result<Updated, Refused> {
    let latest = open(store, slug)?;
    if latest.base == base {
        return Ok(Updated {
            merge: Merge::clean(text.to_string()),
            base_draft: None,
            latest,
            by: Vec::new(),
        });
    }
    // The base is the head the text was opened at, not always a draft's own
    // commit: its draft is the last one made by then.
    let base_draft = store
        .draft_index(Some(base.oid()), Some(slug))?
        .drafts(slug.as_str())
        .len();
    let by =
        store
            .drafts(slug)?
            .into_iter()
            .skip(base_draft)
            .rev()
            .fold(Vec::new(), |mut by: Vec<String>, d| {
                if !by.contains(&d.author) {
                    by.push(d.author);
                }
                by
            });
    let original = store.document_text(&store.entry_at(base.oid(), slug)?)?;
    Ok(Updated {
        merge: store.merge_passages(&original, text, &latest.text)?,
        base_draft: Some(base_draft),
        latest,
        by,
    })
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
        let text = updated.merge.text().unwrap();
        assert!(text.starts_with("Min første linje.\n"));
        assert!(text.ends_with("Deres sidste linje.\nOg en til.\n"));
        // Two drafts by one person since: named once.
        assert_eq!(updated.by.len(), 1, "{:?}", updated.by);
        // The same first line changed two ways.
        let clash = format!("{}\n{}\n", "Anden første linje.", lines[1..].join("\n"));
        let other = format!("{}\n{}\n", "En tredje første linje.", lines[1..].join("\n"));
        saved(
            &store,
            &slug,
            &format!("{other}Deres sidste linje.\nOg en til.\n"),
            "Ny indledning",
        );
        let clashing = update(&store, &slug, opened.base, &clash).unwrap();
        let clashes: Vec<_> = clashing.merge.clashes().collect();
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].base, format!("{}\n", lines[0]));
        assert_eq!(clashes[0].mine, "Anden første linje.\n");
        assert_eq!(clashes[0].theirs, "En tredje første linje.\n");
        assert_eq!(clashing.base_draft, Some(opened.draft));
    }
}
