//! A document's review threads, placed on the text being read.

use super::Refused;
use crate::diff::anchor::Placement;
use crate::domain::{Invalid, Slug, Thread};
use crate::store::Store;

/// What the threads are placed on.
#[derive(Debug, Clone, Copy)]
pub enum Shown<'a> {
    /// The latest draft.
    Latest,
    /// A draft, by number.
    Draft(u32),
    /// A text not saved yet (the editor's), based on the latest draft.
    Text(&'a str),
}

/// One thread with where it lands on the shown text.
#[derive(Debug, Clone)]
pub struct PlacedThread {
    pub thread: Thread,
    /// The id as people see and type it: the shortest beginning (at least
    /// seven characters) or, for an old id, the six digits that name it
    /// alone among the document's threads.
    pub short: String,
    pub placement: Placement,
    /// The draft it was made on, by that draft's number now: a merge of two
    /// clones may renumber drafts, and the thread's own record keeps what its
    /// writer saw.
    pub draft: u32,
}

/// A document's threads, by where they land (outdated ones last, then the
/// oldest first), and the thread files that did not parse.
#[derive(Debug)]
pub struct Threads {
    pub threads: Vec<PlacedThread>,
    pub problems: Vec<Invalid>,
    /// The draft placed on, when a draft was.
    pub shown_draft: Option<u32>,
}

/// The threads of `slug` at the head, placed on `shown`.
pub fn threads(store: &Store, slug: &Slug, shown: Shown<'_>) -> Result<Threads, Refused> {
    let (list, problems) = store.threads(slug)?;
    let ids = store.thread_ids(slug)?;
    let drafts = store.drafts(slug)?;
    let (text, shown_draft) = match shown {
        Shown::Text(text) => (std::sync::Arc::from(text), None),
        Shown::Latest => {
            let (_, entry) = store.entry(slug)?;
            (
                store.document_text_shared(&entry)?,
                drafts.last().map(|d| d.number),
            )
        }
        Shown::Draft(n) => {
            let version = store.version(slug, &n.to_string())?;
            (std::sync::Arc::from(version.text.as_str()), version.draft)
        }
    };
    let placements = store.place_threads(slug, &list, &text)?;
    let numbers: std::collections::HashMap<String, u32> = drafts
        .into_iter()
        .map(|d| (d.commit.to_string(), d.number))
        .collect();
    let mut threads: Vec<PlacedThread> = list
        .into_iter()
        .zip(placements)
        .map(|(thread, placement)| PlacedThread {
            draft: numbers.get(&thread.commit).copied().unwrap_or(thread.draft),
            short: ids.short(&thread.id).to_string(),
            thread,
            placement,
        })
        .collect();
    threads.sort_by_cached_key(|t| {
        (
            t.placement.lines().map_or(usize::MAX, |l| l.0),
            t.thread.created(),
            t.thread.id.clone(),
        )
    });
    Ok(Threads {
        threads,
        problems,
        shown_draft,
    })
}
