//! Screen 3, history: the drafts of one document (number, date, author,
//! message, labels) beside the diff of the selected draft against its
//! predecessor — or against a marked draft, the editor's unsaved text, or the
//! last approved version. Word, unified and side-by-side views; unchanged
//! stretches fold; a section summary jumps to a section. Diffs are computed by
//! the worker (`jobs`) and cached here, so stepping back and forth is instant.
//!
//! Tab moves into the diff, where a line cursor selects rows: the comment key
//! starts a thread on their lines of the shown draft, and a gutter `»` marks the
//! open threads on either side, one key away.

mod draw;
mod list;
mod moves;
mod render;
mod screen;

use crate::lang::{Msg, t, tf};
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;
use std::sync::Arc;

use crate::domain::Slug;
use crate::store::CommitId;
use crate::ui::jobs::{ComputedDiff, DiffKey, DiffRequest, DiffThreads, HistoryEntry, Request};
use crate::ui::screens::review::CommentTarget;
use render::Rendered;

/// How many computed diffs the screen keeps: the last ones stepped to, so
/// stepping back and forth is instant while memory stays bounded on a document
/// with thousands of drafts. Neighbouring diffs share their texts (`Arc<str>`),
/// so 40 diffs of 5,000-line drafts hold about 12 MB of text.
const KEEP_DIFFS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Word,
    Unified,
    SideBySide,
}

impl View {
    fn name(self) -> &'static str {
        t(match self {
            View::Word => Msg::HistWordView,
            View::Unified => Msg::HistUnifiedView,
            View::SideBySide => Msg::HistSideBySide,
        })
    }
    fn next(self) -> View {
        match self {
            View::Word => View::Unified,
            View::Unified => View::SideBySide,
            View::SideBySide => View::Word,
        }
    }
}

/// What is compared, besides a draft with its predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Special {
    /// The editor's unsaved text (at this buffer version) against the latest draft.
    Buffer(u64),
    /// The latest draft against the approved version at this commit.
    Approved { commit: CommitId, label: String },
}

/// Where the movement keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Up and down step through the drafts.
    List,
    /// Up and down move a line cursor in the diff; shift selects.
    Diff,
}

pub struct HistoryState {
    pub slug: Slug,
    /// Newest first, as `git log` shows them.
    pub entries: Vec<HistoryEntry>,
    pub loaded: bool,
    /// The entries are the drafts a first read of the history found so far,
    /// not numbered yet (see [`HistoryState::set_found`]).
    pub provisional: bool,
    pub selected: usize,
    pub marked: Option<usize>,
    pub special: Option<Special>,
    pub view: View,
    pub folded: bool,
    /// Minor changes hidden (`M`).
    pub substantive: bool,
    /// Who wrote each paragraph of the newer draft, instead of the changes (`B`).
    pub blame: bool,
    /// Blame by draft, once the worker found it (or why it could not).
    blames: HashMap<CommitId, Result<Arc<crate::usecase::Blamed>, String>>,
    blames_pending: HashSet<CommitId>,
    pub scroll: usize,
    pub sections_open: bool,
    /// The draft list is hidden: the diff has the full width.
    pub list_hidden: bool,
    pub sections_selected: usize,
    pub focus: Focus,
    /// The diff's line cursor: an index into the rendered rows.
    pub cursor: usize,
    /// The row a selection started on.
    pub select_from: Option<usize>,
    /// The cursor moved, so the view follows it (otherwise the view scrolled,
    /// and the cursor is kept inside it).
    follow_cursor: bool,
    /// The diff's height in lines at the last draw, for paging the cursor.
    height: usize,
    cache: HashMap<DiffKey, Arc<ComputedDiff>>,
    /// The cached diffs, oldest first.
    cached: std::collections::VecDeque<DiffKey>,
    pending: HashSet<DiffKey>,
    /// Diffs that could not be computed (a draft git cannot read, a binary
    /// text): not asked for again, or the diff threads would retry forever.
    failed: HashSet<DiffKey>,
    /// The open threads on each diff's two texts, asked for once its diff is in.
    marks: HashMap<DiffKey, Arc<DiffThreads>>,
    marks_pending: HashSet<DiffKey>,
    /// The diff shown while the wanted one is being computed.
    last_shown: Option<(DiffKey, Arc<ComputedDiff>)>,
    rendered: Option<Rendered>,
    /// Scroll to the first change once the wanted diff arrives.
    scroll_to_first: bool,
    pub error: Option<String>,
}

impl HistoryState {
    pub fn new(slug: Slug) -> HistoryState {
        HistoryState {
            slug,
            entries: Vec::new(),
            loaded: false,
            provisional: false,
            selected: 0,
            marked: None,
            special: None,
            view: View::Word,
            folded: true,
            substantive: false,
            blame: false,
            blames: HashMap::new(),
            blames_pending: HashSet::new(),
            scroll: 0,
            sections_open: false,
            list_hidden: false,
            sections_selected: 0,
            focus: Focus::List,
            cursor: 0,
            select_from: None,
            follow_cursor: false,
            height: 20,
            cache: HashMap::new(),
            cached: Default::default(),
            pending: HashSet::new(),
            failed: HashSet::new(),
            marks: HashMap::new(),
            marks_pending: HashSet::new(),
            last_shown: None,
            rendered: None,
            scroll_to_first: true,
            error: None,
        }
    }

    pub fn set_entries(&mut self, mut entries: Vec<HistoryEntry>) {
        entries.reverse();
        self.replace_entries(entries);
        self.loaded = true;
        self.provisional = false;
    }

    /// Shows the drafts a first read of the history found so far (newest
    /// first): a fresh clone's latest drafts and their diffs are there at
    /// once, numbered when the whole history is read.
    pub fn set_found(&mut self, entries: Vec<HistoryEntry>) {
        if self.loaded {
            return;
        }
        self.replace_entries(entries);
        self.provisional = true;
    }

    /// New entries, the same draft still selected when it is among them.
    fn replace_entries(&mut self, entries: Vec<HistoryEntry>) {
        let selected = self.entries.get(self.selected).map(|e| e.commit);
        let marked = self.marked.and_then(|m| self.entries.get(m)).map(|e| e.commit);
        let at = |commit: Option<CommitId>| commit.and_then(|c| entries.iter().position(|e| e.commit == c));
        self.selected = at(selected)
            .unwrap_or(self.selected)
            .min(entries.len().saturating_sub(1));
        self.marked = self.marked.and(at(marked));
        self.entries = entries;
    }

    /// What a draft is called: its number, or while the history is still
    /// being read for the first time, its date.
    fn label(&self, entry: &HistoryEntry) -> String {
        if self.provisional {
            tf(
                Msg::HistDraftOf,
                &[("date", &crate::lang::table_date(&entry.date))],
            )
        } else {
            tf(Msg::HistDraft, &[("n", &entry.number)])
        }
    }

    /// The diff wanted now and its labels, if the history is known.
    pub fn wanted(&self) -> Option<(DiffKey, String, String)> {
        let latest = self.entries.first()?;
        let key = |from, to, buffer| DiffKey {
            slug: self.slug.clone(),
            from,
            to,
            buffer,
        };
        match &self.special {
            Some(Special::Buffer(version)) => Some((
                key(Some(latest.commit), latest.commit, Some(*version)),
                self.label(latest),
                t(Msg::HistUnsaved).into(),
            )),
            Some(Special::Approved { commit, label }) => Some((
                key(Some(*commit), latest.commit, None),
                label.clone(),
                tf(Msg::HistLatest, &[("label", &self.label(latest))]),
            )),
            None => {
                let selected = self.entries.get(self.selected)?;
                match self.marked.filter(|m| *m != self.selected) {
                    Some(marked) => {
                        // Newest first: the one further down is the older.
                        let (old, new) = match marked > self.selected {
                            true => (self.entries.get(marked)?, selected),
                            false => (selected, self.entries.get(marked)?),
                        };
                        Some((
                            key(Some(old.commit), new.commit, None),
                            self.label(old),
                            self.label(new),
                        ))
                    }
                    None => {
                        let previous = self.entries.get(self.selected + 1);
                        // The draft before the oldest found so far is not known yet.
                        if previous.is_none() && self.provisional {
                            return None;
                        }
                        Some((
                            key(previous.map(|p| p.commit), selected.commit, None),
                            previous
                                .map(|p| self.label(p))
                                .unwrap_or_else(|| t(Msg::HistNothing).into()),
                            self.label(selected),
                        ))
                    }
                }
            }
        }
    }

    /// The requests to send: the wanted diff, then its neighbours, ahead of
    /// need; once the wanted diff is in, its threads.
    pub fn requests(&mut self, buffer_text: Option<String>) -> Vec<Request> {
        let mut out = Vec::new();
        let Some((key, from_label, to_label)) = self.wanted() else {
            return out;
        };
        if self.cache.contains_key(&key)
            && !self.marks.contains_key(&key)
            && self.marks_pending.insert(key.clone())
        {
            out.push(Request::DiffThreads {
                key: key.clone(),
                to_text: key.buffer.and(buffer_text.clone()),
            });
        }
        if self.blame
            && key.buffer.is_none()
            && !self.blames.contains_key(&key.to)
            && self.blames_pending.insert(key.to)
        {
            out.push(Request::Blame {
                slug: self.slug.clone(),
                commit: key.to,
            });
        }
        let mut want = vec![(key, from_label, to_label)];
        if self.special.is_none() && self.marked.is_none() {
            // Reviewers mostly step back (`j`, to older drafts): the next two
            // that way, then the one the other way.
            let neighbours = [
                Some(self.selected + 1),
                Some(self.selected + 2),
                self.selected.checked_sub(1),
            ];
            for neighbour in neighbours.into_iter().flatten() {
                if let (Some(entry), previous) =
                    (self.entries.get(neighbour), self.entries.get(neighbour + 1))
                    && (previous.is_some() || !self.provisional)
                {
                    want.push((
                        DiffKey {
                            slug: self.slug.clone(),
                            from: previous.map(|p| p.commit),
                            to: entry.commit,
                            buffer: None,
                        },
                        previous
                            .map(|p| self.label(p))
                            .unwrap_or_else(|| t(Msg::HistNothing).into()),
                        self.label(entry),
                    ));
                }
            }
        }
        // The diff threads take the newest request first: send the wanted
        // one last, the next older draft just before it. Requests still
        // waiting are sent again, so they move up in that order.
        want.reverse();
        for (key, from_label, to_label) in want {
            if self.cache.contains_key(&key) || self.failed.contains(&key) {
                continue;
            }
            self.pending.insert(key.clone());
            let to_text = key.buffer.and(buffer_text.clone());
            out.push(Request::Diff(DiffRequest {
                key,
                from_label,
                to_label,
                to_text,
            }));
        }
        out
    }

    /// Who wrote the draft at `commit`, from the worker: drawn at once if shown.
    pub fn blamed(&mut self, commit: CommitId, result: Result<Arc<crate::usecase::Blamed>, String>) {
        self.blames_pending.remove(&commit);
        self.blames.insert(commit, result);
        if self.blame {
            self.rendered = None;
        }
    }

    /// The blame of the newer draft in view: `None` while it is being found.
    pub(super) fn blame_in_view(&self, key: &DiffKey) -> Option<Result<Arc<crate::usecase::Blamed>, String>> {
        if key.buffer.is_some() {
            return Some(Err(t(Msg::HistBlameUnsaved).into()));
        }
        self.blames.get(&key.to).cloned()
    }

    pub fn diffed(&mut self, key: DiffKey, result: Result<Arc<ComputedDiff>, String>) {
        self.pending.remove(&key);
        match result {
            Ok(d) => {
                // Keep the diffs around the selection; each holds two texts.
                self.cache.insert(key.clone(), d);
                self.cached.retain(|k| *k != key);
                self.cached.push_back(key);
                while self.cached.len() > KEEP_DIFFS {
                    if let Some(old) = self.cached.pop_front() {
                        self.cache.remove(&old);
                        self.marks.remove(&old);
                    }
                }
            }
            Err(e) => {
                self.failed.insert(key);
                self.error = Some(e);
            }
        }
    }

    /// A diff's threads arrived (`None`: the worker dropped the request for a
    /// newer one). Returns an error to show: the diff stays without marks.
    pub fn marked(
        &mut self,
        key: DiffKey,
        result: Option<Result<Arc<DiffThreads>, String>>,
    ) -> Option<String> {
        self.marks_pending.remove(&key);
        match result? {
            Ok(marks) => {
                self.marks.insert(key, marks);
                None
            }
            Err(e) => Some(tf(Msg::HistMarksFailed, &[("error", &e)])),
        }
    }

    /// The worker dropped this request for a newer one; ask again if still wanted.
    pub fn skipped(&mut self, key: &DiffKey) {
        self.pending.remove(key);
    }

    fn current(&self) -> Option<Arc<ComputedDiff>> {
        let (key, _, _) = self.wanted()?;
        self.cache.get(&key).cloned()
    }

    /// The open threads on the wanted diff, once placed.
    fn current_marks(&self) -> Option<Arc<DiffThreads>> {
        let (key, _, _) = self.wanted()?;
        self.marks.get(&key).cloned()
    }

    /// The old and new line (1-based) of the cursor's row, as last drawn.
    pub fn cursor_row(&self) -> (Option<usize>, Option<usize>) {
        let rendered = &self.rendered;
        match rendered.as_ref().and_then(|r| r.rows.get(self.cursor)) {
            Some(row) => (row.old, row.new),
            None => (None, None),
        }
    }

    /// The rows under the cursor and the selection.
    fn selected_rows(&self) -> RangeInclusive<usize> {
        let from = self.select_from.unwrap_or(self.cursor);
        from.min(self.cursor)..=from.max(self.cursor)
    }

    /// The comment key: the selected lines of the draft shown on the right (or,
    /// when only removed lines are selected, of the draft on the left).
    pub fn comment_target(&self) -> Result<CommentTarget, String> {
        if self.focus != Focus::Diff {
            return Err(t(Msg::HistCommentHow).into());
        }
        let (key, _, _) = self.wanted().ok_or(t(Msg::HistNoDraftShown))?;
        if self.provisional {
            return Err(t(Msg::HistStillNumbering).into());
        }
        let rendered = &self.rendered;
        let r = rendered
            .as_ref()
            .filter(|r| r.shown.diff == key)
            .ok_or(t(Msg::HistStillComparing))?;
        let rows = r.rows.get(self.selected_rows()).unwrap_or_default();
        let span = |lines: Vec<usize>| Some((*lines.iter().min()?, *lines.iter().max()?));
        let number = |commit: CommitId| {
            self.entries
                .iter()
                .find(|e| e.commit == commit)
                .map(|e| e.number)
                .ok_or(t(Msg::HistNotADraft))
        };
        let (draft, (start, end), buffer) = match span(rows.iter().filter_map(|x| x.new).collect()) {
            Some(lines) => (number(key.to)?, lines, key.buffer),
            None => match (span(rows.iter().filter_map(|x| x.old).collect()), key.from) {
                (Some(lines), Some(from)) => (number(from)?, lines, None),
                _ => return Err(t(Msg::HistNoTextHere).into()),
            },
        };
        Ok(CommentTarget {
            slug: self.slug.clone(),
            draft,
            start,
            end,
            buffer,
        })
    }

    /// The open thread on the cursor's row, or with the drafts focused the first
    /// one in view.
    pub fn thread_at_cursor(&self) -> Option<String> {
        let marks = self.current_marks()?;
        let rendered = &self.rendered;
        let r = rendered.as_ref()?;
        let rows = match self.focus {
            Focus::Diff => self.cursor..=self.cursor,
            Focus::List => r.row_at(self.scroll)..=r.row_at(self.scroll + self.height.saturating_sub(1)),
        };
        r.rows
            .get(rows)?
            .iter()
            .find_map(|row| render::thread_on(&marks, row))
    }

    /// Comments were added, answered or resolved: the thread marks are stale.
    pub fn threads_changed(&mut self) {
        self.marks.clear();
        self.marks_pending.clear();
        self.select_from = None;
    }
}
