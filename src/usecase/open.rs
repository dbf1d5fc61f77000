//! Opening a document's latest draft in the editor.

use git2::Oid;

use super::Refused;
use crate::domain::Slug;
use crate::store::{Store, StoreError};

/// A document's latest draft, ready to edit.
#[derive(Debug, Clone)]
pub struct OpenedDocument {
    pub slug: Slug,
    pub title: String,
    /// The commit the text was read from; a save is made against it.
    pub base: Oid,
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
        base: head,
        draft,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usecase::{SaveRequest, save};

    #[test]
    fn the_text_and_its_number_are_of_one_head() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("demo");
        crate::sample::build_demo(&repo).unwrap();
        let store = Store::open(&repo).unwrap();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let opened = open(&store, &slug).unwrap();
        assert_eq!(opened.draft, store.drafts(&slug).unwrap().len());
        assert_eq!(Some(opened.base), store.head().unwrap());
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
        let unknown = open(&store, &Slug::parse("findes-ikke").unwrap()).unwrap_err();
        assert!(
            unknown.to_string().contains("no strategy \"findes-ikke\""),
            "{unknown}"
        );
    }
}
