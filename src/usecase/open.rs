//! Opening a document's latest draft in the editor.

use super::Refused;
use crate::domain::Slug;
use crate::store::{CommitId, Draft, Store, StoreError};

/// A document's latest draft, ready to edit.
#[derive(Debug, Clone)]
pub struct OpenedDocument {
    pub slug: Slug,
    pub title: String,
    /// The commit the text was read from; a save is made against it.
    pub base: CommitId,
    pub draft: usize,
    pub text: String,
}

/// The latest draft of `slug`: its text and its number, both read at one
/// head, as another writer may save in between. Only this document's files
/// are read: opening must not validate the whole workspace.
pub fn open(store: &Store, slug: &Slug) -> Result<OpenedDocument, Refused> {
    let head = store
        .head()?
        .ok_or_else(|| StoreError::UnknownStrategy(slug.to_string()))?;
    let entry = store.entry_at(head, slug)?;
    let text = store.document_text(&entry)?;
    let draft = store
        .draft_index(Some(head), Some(slug))?
        .drafts(slug.as_str())
        .len();
    Ok(OpenedDocument {
        slug: slug.clone(),
        title: entry.meta.title,
        base: head.into(),
        draft,
        text,
    })
}

/// A draft's bytes as saved, with the draft.
#[derive(Debug, Clone)]
pub struct DraftBytes {
    pub draft: Draft,
    /// Byte for byte; `check_document` says whether they are a text.
    pub bytes: Vec<u8>,
}

/// Draft `number` of `slug` (default: the latest), its number and its bytes
/// read at one head; the latest is the head's text (a draft's files may have
/// moved since).
pub fn draft_bytes(store: &Store, slug: &Slug, number: Option<u32>) -> Result<DraftBytes, Refused> {
    let (head, entry) = store.entry(slug)?;
    let index = store.draft_index(Some(head), Some(slug))?;
    let drafts = index.drafts(slug.as_str());
    let (draft, blob) = match number {
        None => {
            let last = drafts
                .last()
                .ok_or_else(|| StoreError::UnknownStrategy(slug.to_string()))?;
            (last.clone(), entry.document)
        }
        Some(n) => {
            let found = drafts
                .iter()
                .find(|d| d.number == n)
                .ok_or_else(|| StoreError::NoSuchDraft {
                    slug: slug.to_string(),
                    number: n,
                    count: drafts.len(),
                })?;
            (found.clone(), found.document)
        }
    };
    Ok(DraftBytes {
        draft,
        bytes: store.blob(blob)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usecase::{SaveRequest, save};

    #[test]
    fn the_text_and_its_number_are_of_one_head() {
        let (_dir, repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let opened = open(&store, &slug).unwrap();
        assert_eq!(opened.draft, store.drafts(&slug).unwrap().len());
        assert_eq!(Some(opened.base.oid()), store.head().unwrap());
        // Another writer saves (a second store on the same repository, as
        // another process would): the next open sees the new draft and its
        // number together.
        let other = Store::open(&repo).unwrap();
        let text = format!("{}\nTilføjet.\n", opened.text.trim_end());
        let saved = save(
            &other,
            &SaveRequest {
                slug: &slug,
                text: text.as_bytes(),
                base: None,
                message: "Tilføjet",
                source: "document.md",
            },
        )
        .unwrap();
        let again = open(&store, &slug).unwrap();
        assert_eq!(again.draft, saved.draft as usize);
        assert_eq!(again.base, saved.commit);
        assert_eq!(again.text, text);
        // What `udkast show` prints is the same draft.
        let shown = draft_bytes(&store, &slug, None).unwrap();
        assert_eq!(
            (shown.draft.number as usize, shown.bytes),
            (again.draft, text.into_bytes())
        );
        let first = draft_bytes(&store, &slug, Some(1)).unwrap();
        assert_eq!(first.draft.number, 1);
        let none = draft_bytes(&store, &slug, Some(999)).unwrap_err();
        assert!(none.to_string().contains("has no draft 999"), "{none}");
        let unknown = open(&store, &Slug::parse("findes-ikke").unwrap()).unwrap_err();
        assert!(
            unknown.to_string().contains("no strategy \"findes-ikke\""),
            "{unknown}"
        );
    }
}
