//! Saving a text as the next draft of a document.

use super::Refused;
use crate::domain::{Slug, check_document, paths};
use crate::store::{Change, CommitId, Store, StoreError, parse_trailers};

/// A text to save and what it was made from.
#[derive(Debug)]
pub struct SaveRequest<'a> {
    pub slug: &'a Slug,
    pub text: &'a [u8],
    /// The draft's commit the text is an edit of: what others saved since
    /// is merged in. `None`: the latest draft.
    pub base: Option<CommitId>,
    pub message: &'a str,
    /// What the text is called in an error ("document.md", a file name,
    /// "<stdin>").
    pub source: &'a str,
}

/// A saved draft.
#[derive(Debug, Clone)]
pub struct SavedDraft {
    pub slug: Slug,
    pub commit: CommitId,
    pub draft: u32,
    /// The draft's text: after a merge it holds other writers' changes too.
    pub text: String,
    /// True when another writer had saved meanwhile and the texts were merged.
    pub merged: bool,
    /// Things the user should know, e.g. a working-tree file left alone.
    pub warnings: Vec<String>,
}

/// Saves `request.text` as the next draft of its document: refused when the
/// message is empty, the text is not a document (binary, not UTF-8, too
/// big), or nothing changed against the draft it was made from or the latest.
pub fn save(store: &Store, request: &SaveRequest<'_>) -> Result<SavedDraft, Refused> {
    let slug = request.slug;
    if request.message.trim().is_empty() {
        return Err(Refused::EmptyMessage);
    }
    let text = check_document(request.source, request.text)?;
    let (head, entry) = store.entry(slug)?;
    if store.blob(entry.document)? == request.text {
        return Err(StoreError::Unchanged.into());
    }
    let base = request.base.map_or(head, CommitId::oid);
    if base != head && store.entry_at(base, slug).and_then(|e| store.blob(e.document))? == request.text {
        return Err(StoreError::Unchanged.into());
    }
    let author = store.identity()?;
    let change = Change::default().put(paths::document(slug), request.text);
    let saved = store.commit_change(Some(base), &change, &author, &|s, parent| {
        s.draft_message(parent, slug, request.message)
    })?;
    let (draft, _) = parse_trailers(&saved.message);
    let text = if saved.merged {
        let (_, entry) = store.entry(slug)?;
        store.document_text(&entry)?
    } else {
        text.to_string()
    };
    // Merged for the person only when the saved text is not the one they
    // sent: commits to other files since their base merge nothing into it.
    let merged = saved.merged && text.as_bytes() != request.text;
    Ok(SavedDraft {
        slug: slug.clone(),
        commit: saved.commit.into(),
        draft: draft.unwrap_or(0),
        text,
        merged,
        warnings: saved.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (tempfile::TempDir, Store) {
        let (dir, _repo, store) = crate::usecase::sample();
        (dir, store)
    }

    fn request<'a>(
        slug: &'a Slug,
        text: &'a [u8],
        base: Option<git2::Oid>,
        message: &'a str,
    ) -> SaveRequest<'a> {
        SaveRequest {
            slug,
            text,
            base: base.map(Into::into),
            message,
            source: "document.md",
        }
    }

    #[test]
    fn refuses_what_is_not_a_new_draft() {
        let (_dir, store) = demo();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let latest = store.version(&slug, "latest").unwrap();
        let refused =
            |text: &[u8], message: &str| save(&store, &request(&slug, text, None, message)).unwrap_err();
        assert!(matches!(refused(b"Ny tekst\n", "  "), Refused::EmptyMessage));
        // The TUI's editor holds any text a paste brings, a NUL too: it is
        // refused as the command line refuses it, not saved unreadable.
        let binary = refused(b"Ny\0tekst\n", "Indsat");
        assert!(binary.to_string().contains("is a binary file"), "{binary}");
        let unchanged = refused(latest.text.as_bytes(), "Intet");
        assert!(
            matches!(unchanged, Refused::Store(StoreError::Unchanged)),
            "{unchanged}"
        );
        assert_eq!(store.version(&slug, "latest").unwrap().commit, latest.commit);
    }

    #[test]
    fn a_text_made_from_an_older_draft_keeps_what_was_saved_since() {
        let (_dir, store) = demo();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let drafts = store.drafts(&slug).unwrap();
        let older = store.version(&slug, &(drafts.len() - 1).to_string()).unwrap();
        let latest = store.version(&slug, "latest").unwrap();
        let edited = format!("{}\nEt nyt afsnit til sidst.\n", older.text.trim_end());
        let saved = save(
            &store,
            &request(&slug, edited.as_bytes(), Some(older.commit), "Afsnit"),
        )
        .unwrap();
        assert!(saved.merged);
        assert_eq!(saved.draft as usize, drafts.len() + 1);
        assert!(saved.text.contains("Et nyt afsnit til sidst."));
        // What the latest draft changed against the older one is still there.
        let before: std::collections::HashSet<&str> = older.text.lines().collect();
        for line in latest.text.lines().filter(|l| !before.contains(l)) {
            assert!(saved.text.contains(line), "{line}");
        }
    }

    /// Commits since the draft a text was made from that did not touch this
    /// document (another document saved, a decision recorded) merge nothing
    /// into it: saying "merged with a change saved meanwhile" was untrue.
    #[test]
    fn commits_to_other_files_are_no_merge_of_this_document() {
        let (_dir, store) = demo();
        let slug = Slug::parse("arbejdsgrundlag").unwrap();
        let other = Slug::parse("cirkulaert-charter").unwrap();
        let base = store.version(&slug, "latest").unwrap();
        let charter = store.version(&other, "latest").unwrap();
        let charter_text = format!("{}\nNyt afsnit.\n", charter.text.trim_end());
        save(&store, &request(&other, charter_text.as_bytes(), None, "Charter")).unwrap();
        let edited = format!("{}\nEt nyt afsnit.\n", base.text.trim_end());
        let saved = save(
            &store,
            &request(&slug, edited.as_bytes(), Some(base.commit), "Afsnit"),
        )
        .unwrap();
        assert!(!saved.merged, "only another document changed since the base");
        assert_eq!(saved.text, edited);
    }
}
