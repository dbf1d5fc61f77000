//! Comment threads in git: reading every thread of a document, and adding,
//! replying to, resolving and reopening one, each as its own commit.
//!
//! A thread is one file, `strategies/<slug>/comments/<id>.toml`. Writes go
//! through [`Store::commit_change`] like drafts: two reviewers starting threads
//! at once write different files, which merge cleanly. Two people answering the
//! same thread at once both append to the end of one file, which a three-way
//! merge reports as a conflict; then the operation is done again on the new
//! head (read the thread, append, commit), so no reply is lost.
//!
//! Comment commits carry the trailers `Strategy: <slug>` and
//! `Comment: <id> <add|reply|resolve|reopen>`. They change neither
//! `document.md` nor `strategy.toml`, so they are never drafts.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use git2::{ObjectType, Oid, Tree};

use super::history::Draft;
use super::{Change, Result, Saved, Store, StoreError};
use crate::diff::anchor::{Mapper, Placement, map_by_quote};
use crate::domain::{
    Anchor, Invalid, Lookup, Message, Slug, Thread, ThreadIds, ThreadStatus, check_document, check_id,
    new_id, paths,
};
use crate::lang::{ErrMsg, t};

/// How often an operation is redone on a new head after a conflict (someone
/// else answered the same thread in the same instant) before giving up.
const ATTEMPTS: usize = 50;

/// What a comment commit did, as written in its `Comment:` trailer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentOp {
    Add,
    Reply,
    Resolve,
    Reopen,
}

impl CommentOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CommentOp::Add => "add",
            CommentOp::Reply => "reply",
            CommentOp::Resolve => "resolve",
            CommentOp::Reopen => "reopen",
        }
    }
}

/// Reads the `Comment: <id> <op>` trailer of a commit message, if any.
pub fn comment_trailer(message: &str) -> Option<(String, String)> {
    let trailers = git2::message_trailers_strs(message).ok()?;
    trailers
        .iter()
        .filter(|(key, _)| key.eq_ignore_ascii_case("Comment"))
        .find_map(|(_, value)| {
            let mut parts = value.split_whitespace();
            Some((parts.next()?.to_string(), parts.next()?.to_string()))
        })
}

/// Open threads' places in a text: `(first, last, id)`, lines 1-based and inclusive.
pub type ThreadLines = Vec<(usize, usize, String)>;

impl Store {
    /// Every thread of `slug` at the branch head, oldest first (by the first
    /// message's time, then id), and beside them the thread files that could
    /// not be read (each `file:line: what`): one broken file never hides the
    /// others.
    pub fn threads(&self, slug: &Slug) -> Result<(Vec<Thread>, Vec<Invalid>)> {
        let head = self.head_or_not_a_workspace()?;
        self.threads_at(head, slug)
    }

    /// Like [`Store::threads`], as the threads stood at `commit`.
    pub fn threads_at(&self, commit: Oid, slug: &Slug) -> Result<(Vec<Thread>, Vec<Invalid>)> {
        let dir_name = paths::comments_dir(slug);
        let mut threads = Vec::new();
        let mut problems = Vec::new();
        let Some(dir) = self.comments_tree(commit, slug)? else {
            return Ok((threads, problems));
        };
        for entry in dir.iter() {
            let name = String::from_utf8_lossy(entry.name_bytes()).into_owned();
            if name.starts_with('.') {
                continue;
            }
            let file = format!("{dir_name}/{}", crate::text::inert(&name));
            if entry.kind() != Some(ObjectType::Blob) || !name.ends_with(".toml") {
                problems.push(Invalid::new(&file, t(ErrMsg::NotAThreadFile)));
                continue;
            }
            match self.parse_thread(entry.id(), &file) {
                Ok(thread) => threads.push(thread),
                Err(StoreError::Invalid(p)) => problems.push(p),
                Err(e) => return Err(e),
            }
        }
        // Oldest first: ids no longer sort by time.
        threads.sort_by_cached_key(|t| (t.created(), t.id.clone()));
        problems.sort_by(|a, b| a.file.cmp(&b.file));
        Ok((threads, problems))
    }

    /// The thread `typed` names at the branch head: its id, or the beginning
    /// of only one id (or of an old id's six digits; see [`ThreadIds`]). A
    /// thread file that does not parse is an error naming it.
    pub fn find_thread(&self, slug: &Slug, typed: &str) -> Result<Thread> {
        check_id(typed).map_err(|m| Invalid::new(&paths::comments_dir(slug), m.to_string()))?;
        let head = self.head_or_not_a_workspace()?;
        let unknown = || StoreError::UnknownThread {
            slug: slug.to_string(),
            id: typed.to_string(),
        };
        let ids = self.thread_ids_at(head, slug)?;
        let id = ids.find(typed).map_err(|lookup| match lookup {
            Lookup::Unknown => unknown(),
            Lookup::Ambiguous(candidates) => StoreError::AmbiguousThread {
                slug: slug.to_string(),
                prefix: typed.to_string(),
                candidates,
            },
        })?;
        self.thread_at(head, slug, id)?.ok_or_else(unknown)
    }

    /// The ids of `slug`'s threads at the branch head (every `<id>.toml` in
    /// `comments/`, read or not), for their short forms.
    pub fn thread_ids(&self, slug: &Slug) -> Result<ThreadIds> {
        let head = self.head_or_not_a_workspace()?;
        self.thread_ids_at(head, slug)
    }

    fn thread_ids_at(&self, commit: Oid, slug: &Slug) -> Result<ThreadIds> {
        let Some(dir) = self.comments_tree(commit, slug)? else {
            return Ok(ThreadIds::default());
        };
        Ok(ThreadIds::new(dir.iter().filter_map(|e| {
            let stem = e.name().ok()?.strip_suffix(".toml")?;
            check_id(stem).is_ok().then(|| stem.to_string())
        })))
    }

    /// Starts a thread on lines `start..=end` (1-based) of draft `draft` of
    /// `slug` (default: the latest), with `text` as its first message.
    pub fn add_thread(
        &self,
        slug: &Slug,
        draft: Option<u32>,
        start: usize,
        end: usize,
        text: &str,
    ) -> Result<(Thread, Saved)> {
        let text = checked_text(text)?;
        let (draft, document) = self.draft_and_text(slug, draft)?;
        let lines = crate::diff::lines(&document);
        if start == 0 || end < start {
            return Err(StoreError::BadLines { start, end });
        }
        if end > lines.len() {
            return Err(StoreError::LinesOutside {
                start,
                end,
                draft: draft.number,
                count: lines.len(),
            });
        }
        let anchor = Anchor {
            start,
            end,
            section: crate::diff::heading_path(&document, start - 1),
            quote: lines[start - 1..end].concat(),
        };
        let author = self.identity()?;
        let message = self.new_message(&author, &text);
        let summary = format!(
            "Comment on {} of {slug} (draft {})",
            line_label(start, end),
            draft.number
        );
        for attempt in 0..ATTEMPTS {
            let head = self.head_or_not_a_workspace()?;
            let id = new_id(jiff::Timestamp::now());
            if self.thread_exists(head, slug, &id)? {
                continue;
            }
            let thread = Thread {
                format: crate::domain::FORMAT_VERSION,
                id: id.clone(),
                status: ThreadStatus::Open,
                draft: draft.number,
                commit: draft.commit.to_string(),
                anchor: anchor.clone(),
                messages: vec![message.clone()],
            };
            let commit_message = comment_message(&summary, Some(&text), slug, &id, CommentOp::Add);
            let change = Change::default().put(paths::thread(slug, &id), thread.to_toml());
            match self.commit_change(Some(head), &change, &author, &|_, _| Ok(commit_message.clone())) {
                Ok(saved) => return Ok((thread, saved)),
                // Only a file of the same name can conflict: take another id.
                Err(StoreError::Conflict { .. }) => back_off(attempt),
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::TooBusy(ATTEMPTS))
    }

    /// Starts a thread on lines `start..=end` of `shown`, the editor's unsaved
    /// text based on draft `draft`. The thread anchors on the same lines of that
    /// draft, so they must be there unchanged: a comment quotes text some draft has.
    pub fn add_thread_on_text(
        &self,
        slug: &Slug,
        draft: Option<u32>,
        shown: &str,
        start: usize,
        end: usize,
        text: &str,
    ) -> Result<(Thread, Saved)> {
        checked_text(text)?;
        let (found, document) = self.draft_and_text(slug, draft)?;
        let (a, b) = crate::diff::anchor::unchanged_lines(shown, &document, start, end)
            .ok_or(StoreError::UnsavedLines { start, end })?;
        self.add_thread(slug, Some(found.number), a, b, text)
    }

    /// Draft `draft` of `slug` (default: the latest) and its text.
    fn draft_and_text(&self, slug: &Slug, draft: Option<u32>) -> Result<(Draft, Arc<str>)> {
        self.entry(slug)?;
        let drafts = self.drafts(slug)?;
        let found = match draft {
            None => drafts.last(),
            Some(n) => drafts.iter().find(|d| d.number == n),
        }
        .ok_or_else(|| StoreError::NoSuchDraft {
            slug: slug.to_string(),
            number: draft.unwrap_or(1),
            count: drafts.len(),
        })?;
        let entry = self.entry_at(found.commit, slug)?;
        let document = self.document_text_shared(&entry)?;
        Ok((found.clone(), document))
    }

    /// Adds `text` as a message to the thread `id`.
    pub fn reply_to_thread(&self, slug: &Slug, id: &str, text: &str) -> Result<(Thread, Saved)> {
        let text = checked_text(text)?;
        self.update_thread(slug, id, CommentOp::Reply, Some(&text), None)
    }

    /// Marks the thread `id` resolved, with `text` as a last message if given.
    pub fn resolve_thread(&self, slug: &Slug, id: &str, text: Option<&str>) -> Result<(Thread, Saved)> {
        let text = text.map(checked_text).transpose()?;
        self.update_thread(
            slug,
            id,
            CommentOp::Resolve,
            text.as_deref(),
            Some(ThreadStatus::Resolved),
        )
    }

    /// Opens the resolved thread `id` again, with `text` as a message if given.
    pub fn reopen_thread(&self, slug: &Slug, id: &str, text: Option<&str>) -> Result<(Thread, Saved)> {
        let text = text.map(checked_text).transpose()?;
        self.update_thread(
            slug,
            id,
            CommentOp::Reopen,
            text.as_deref(),
            Some(ThreadStatus::Open),
        )
    }

    /// Reads the thread at the head, changes it and commits it; on a conflict
    /// (someone changed the same thread meanwhile) starts over on the new head.
    fn update_thread(
        &self,
        slug: &Slug,
        id: &str,
        op: CommentOp,
        text: Option<&str>,
        status: Option<ThreadStatus>,
    ) -> Result<(Thread, Saved)> {
        check_id(id).map_err(|m| Invalid::new(&paths::comments_dir(slug), m.to_string()))?;
        let author = self.identity()?;
        let message = text.map(|t| self.new_message(&author, t));
        let verb = match op {
            CommentOp::Add | CommentOp::Reply => "Reply to",
            CommentOp::Resolve => "Resolve",
            CommentOp::Reopen => "Reopen",
        };
        let summary = format!("{verb} comment {id} on {slug}");
        let commit_message = comment_message(&summary, text, slug, id, op);
        for attempt in 0..ATTEMPTS {
            let head = self.head_or_not_a_workspace()?;
            let mut thread = self
                .thread_at(head, slug, id)?
                .ok_or_else(|| StoreError::UnknownThread {
                    slug: slug.to_string(),
                    id: id.to_string(),
                })?;
            if let Some(status) = status {
                if thread.status == status {
                    return Err(StoreError::ThreadAlready {
                        id: id.to_string(),
                        status,
                    });
                }
                thread.status = status;
            }
            thread.messages.extend(message.clone());
            let change = Change::default().put(paths::thread(slug, id), thread.to_toml());
            match self.commit_change(Some(head), &change, &author, &|_, _| Ok(commit_message.clone())) {
                Ok(saved) => return Ok((thread, saved)),
                // Someone changed this thread meanwhile: read it again and redo.
                // (Unchanged: the merge made our change already, e.g. both
                // resolved; the next round reads that and says so.)
                Err(StoreError::Conflict { .. } | StoreError::Unchanged) => back_off(attempt),
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::TooBusy(ATTEMPTS))
    }

    /// The text of the draft `thread` was made on, or `None` when that commit is
    /// not in this repository (history rewritten) or has no such document.
    pub fn thread_text(&self, slug: &Slug, thread: &Thread) -> Result<Option<Arc<str>>> {
        let Ok(commit) = Oid::from_str(&thread.commit) else {
            return Ok(None);
        };
        if self.repo.find_commit(commit).is_err() {
            return Ok(None);
        }
        match self.entry_at(commit, slug) {
            Ok(entry) => Ok(Some(self.document_text_shared(&entry)?)),
            Err(StoreError::UnknownStrategy(_) | StoreError::Invalid(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Where each of `threads` (of `slug`) is in `shown`: the text the user sees,
    /// a draft or the editor's unsaved buffer. In the order given. Threads made
    /// on the same draft share one diff.
    pub fn place_threads(&self, slug: &Slug, threads: &[Thread], shown: &str) -> Result<Vec<Placement>> {
        let mut texts: HashMap<&str, Option<Arc<str>>> = HashMap::new();
        for thread in threads {
            if !texts.contains_key(thread.commit.as_str()) {
                texts.insert(&thread.commit, self.thread_text(slug, thread)?);
            }
        }
        let mappers: HashMap<&str, Mapper<'_>> = texts
            .iter()
            .filter_map(|(commit, text)| Some((*commit, Mapper::new(text.as_deref()?, shown))))
            .collect();
        Ok(threads
            .iter()
            .map(|t| match mappers.get(t.commit.as_str()) {
                Some(mapper) => mapper.place(&t.anchor),
                None => map_by_quote(&t.anchor, shown),
            })
            .collect())
    }

    /// Where the open threads of `slug` (as they are at the head) are in `text`.
    pub fn open_thread_lines(&self, slug: &Slug, text: &str) -> Result<ThreadLines> {
        let (mut open, _) = self.threads(slug)?;
        open.retain(|t| t.status == ThreadStatus::Open);
        let placements = self.place_threads(slug, &open, text)?;
        Ok(open
            .into_iter()
            .zip(placements)
            .filter_map(|(t, p)| p.lines().map(|(a, b)| (a, b, t.id)))
            .collect())
    }

    /// [`Store::open_thread_lines`] for `text`, the document blob `blob`,
    /// remembered until a thread changes: stepping back and forth through the
    /// history places each version's threads once.
    pub fn open_thread_lines_cached(&self, slug: &Slug, blob: Oid, text: &str) -> Result<Arc<ThreadLines>> {
        let head = self.head_or_not_a_workspace()?;
        let Some(folder) = self.comments_tree(head, slug)?.map(|t| t.id()) else {
            return Ok(Arc::default());
        };
        if let Some(hit) = self.placed.borrow().get(&(folder, blob)) {
            return Ok(hit.clone());
        }
        let lines = Arc::new(self.open_thread_lines(slug, text)?);
        let mut placed = self.placed.borrow_mut();
        if placed.len() >= 1024 {
            placed.clear();
        }
        placed.insert((folder, blob), lines.clone());
        Ok(lines)
    }

    fn head_or_not_a_workspace(&self) -> Result<Oid> {
        self.head()?
            .ok_or_else(|| StoreError::NotAWorkspace(self.branch_short()))
    }

    /// `strategies/<slug>/comments` at `commit`, if it exists.
    fn comments_tree(&self, commit: Oid, slug: &Slug) -> Result<Option<Tree<'_>>> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        let path = paths::comments_dir(slug);
        match tree.get_path(std::path::Path::new(&path)) {
            Ok(entry) if entry.kind() == Some(ObjectType::Tree) => Ok(Some(self.repo.find_tree(entry.id())?)),
            Ok(_) => Err(Invalid::new(&path, t(ErrMsg::NotAFolder)).into()),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The thread `id` at `commit`; `None` if there is no such file.
    fn thread_at(&self, commit: Oid, slug: &Slug, id: &str) -> Result<Option<Thread>> {
        let Some(dir) = self.comments_tree(commit, slug)? else {
            return Ok(None);
        };
        match dir.get_name(&format!("{id}.toml")) {
            Some(entry) if entry.kind() == Some(ObjectType::Blob) => {
                Ok(Some(self.parse_thread(entry.id(), &paths::thread(slug, id))?))
            }
            Some(_) => Err(Invalid::new(&paths::thread(slug, id), t(ErrMsg::NotAFile)).into()),
            None => Ok(None),
        }
    }

    fn thread_exists(&self, commit: Oid, slug: &Slug, id: &str) -> Result<bool> {
        Ok(self
            .comments_tree(commit, slug)?
            .is_some_and(|dir| dir.get_name(&format!("{id}.toml")).is_some()))
    }

    fn parse_thread(&self, blob: Oid, file: &str) -> Result<Thread> {
        let bytes = self.blob(blob)?;
        let text = check_document(file, &bytes)?;
        Ok(Thread::parse(file, text)?)
    }

    fn new_message(&self, author: &git2::Signature<'_>, text: &str) -> Message {
        Message {
            author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
            time: super::history::zoned(author.when())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string(),
            text: text.to_string(),
        }
    }
}

/// A message as stored: trailing whitespace dropped (as git does with commit
/// messages), refused when nothing is left.
fn checked_text(text: &str) -> Result<String> {
    let text = text.trim_end();
    if text.trim().is_empty() {
        return Err(StoreError::EmptyComment);
    }
    Ok(text.to_string())
}

/// "line 4" or "lines 4-6".
pub fn line_label(start: usize, end: usize) -> String {
    if start == end {
        format!("line {start}")
    } else {
        format!("lines {start}-{end}")
    }
}

/// The commit message: a summary, the comment's text (so `git log` shows the
/// discussion) and the trailers.
fn comment_message(summary: &str, text: Option<&str>, slug: &Slug, id: &str, op: CommentOp) -> String {
    let body = text.map(|t| format!("{t}\n\n")).unwrap_or_default();
    format!(
        "{summary}\n\n{body}Strategy: {slug}\nComment: {id} {}\n",
        op.as_str()
    )
}

/// A short, growing pause so two writers redoing the same thread stop colliding.
fn back_off(attempt: usize) {
    std::thread::sleep(Duration::from_millis(2 * (attempt as u64 % 10 + 1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_and_messages() {
        let slug = Slug::parse("klima").unwrap();
        let msg = comment_message(
            "Comment on lines 3-4 of klima (draft 2)",
            Some("Er 50 pct. nok?\n\nDraft: 9"),
            &slug,
            "20250128T101500.123Z-3fa9c2",
            CommentOp::Add,
        );
        assert_eq!(
            comment_trailer(&msg),
            Some(("20250128T101500.123Z-3fa9c2".into(), "add".into()))
        );
        // The comment's own text cannot pass for a draft trailer.
        assert_eq!(crate::store::parse_trailers(&msg), (None, Some("klima".into())));
        assert_eq!(comment_trailer("Plain commit"), None);
        assert_eq!(line_label(3, 3), "line 3");
        assert_eq!(line_label(3, 5), "lines 3-5");
        assert!(matches!(checked_text(" \n\t"), Err(StoreError::EmptyComment)));
        assert_eq!(checked_text("Hej\n\n").unwrap(), "Hej");
    }
}
