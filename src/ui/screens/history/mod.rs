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
mod screen;

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;
use std::sync::Arc;

use crate::domain::Slug;
use crate::store::CommitId;
use crate::ui::actions::Action;
use crate::ui::jobs::{ComputedDiff, DiffKey, DiffRequest, DiffThreads, HistoryEntry, Request};
use crate::ui::screens::review::CommentTarget;
use draw::Rendered;

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
        match self {
            View::Word => "word view",
            View::Unified => "unified view",
            View::SideBySide => "side by side",
        }
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
    pub scroll: usize,
    pub sections_open: bool,
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
            scroll: 0,
            sections_open: false,
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
            format!("draft of {}", entry.date)
        } else {
            format!("draft {}", entry.number)
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
                "unsaved text".into(),
            )),
            Some(Special::Approved { commit, label }) => Some((
                key(Some(*commit), latest.commit, None),
                label.clone(),
                format!("{} (latest)", self.label(latest)),
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
                                .unwrap_or_else(|| "nothing".into()),
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
                            .unwrap_or_else(|| "nothing".into()),
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
            Err(e) => Some(format!("The comment marks could not be placed: {e}")),
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

    /// Movement and view keys; returns what to tell the user.
    fn step(&mut self, action: Action) -> Option<String> {
        if self.focus == Focus::Diff && !self.sections_open && moves_cursor(action) {
            return self.move_cursor(action);
        }
        // Anything else that moves the view leaves the cursor to follow it.
        self.follow_cursor = false;
        let len = self.entries.len();
        let reset = |s: &mut Self| {
            s.scroll = 0;
            s.scroll_to_first = true;
        };
        match action {
            Action::Up | Action::Down | Action::Top | Action::Bottom if self.sections_open => {
                let n = self.current().map(|d| d.sections.len()).unwrap_or(0);
                self.sections_selected = match action {
                    Action::Up => self.sections_selected.saturating_sub(1),
                    Action::Down => (self.sections_selected + 1).min(n.saturating_sub(1)),
                    Action::Top => 0,
                    _ => n.saturating_sub(1),
                };
                return None;
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = len.saturating_sub(1),
            Action::CycleView => {
                self.view = self.view.next();
                self.select_from = None;
                return None;
            }
            Action::Mark => {
                self.marked = if self.marked == Some(self.selected) {
                    None
                } else {
                    Some(self.selected)
                };
                self.special = None;
            }
            Action::ToggleFolds => {
                self.folded = !self.folded;
                self.select_from = None;
                return None;
            }
            Action::Sections => {
                self.sections_open = !self.sections_open;
                self.sections_selected = 0;
                return None;
            }
            Action::NextChange | Action::PrevChange => return self.jump_change(action == Action::NextChange),
            Action::PageDown => self.scroll += 20,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(20),
            Action::ScrollDown => self.scroll += 1,
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            _ => return None,
        }
        if matches!(
            action,
            Action::Up | Action::Down | Action::Top | Action::Bottom | Action::Mark
        ) {
            if matches!(action, Action::Up | Action::Down | Action::Top | Action::Bottom) {
                self.special = None;
            }
            reset(self);
            self.select_from = None;
        }
        None
    }

    /// A movement key while the diff has the focus: the line cursor moves (and
    /// `Shift` extends the selection). Returns what to tell the user.
    fn move_cursor(&mut self, action: Action) -> Option<String> {
        let rendered = &self.rendered;
        // Not drawn yet: no rows to move over, and no change to go to.
        let Some(r) = rendered.as_ref() else {
            return matches!(action, Action::NextChange | Action::PrevChange)
                .then(|| no_change(action == Action::NextChange));
        };
        let last = r.rows.len().saturating_sub(1);
        let line_of = |row: usize| r.rows.get(row).map_or(0, |x| x.line);
        let cursor = self.cursor.min(last);
        let target = match action {
            Action::Up | Action::SelectUp => cursor.saturating_sub(1),
            Action::Down | Action::SelectDown => (cursor + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageUp => r.row_at(line_of(cursor).saturating_sub(self.height)),
            Action::PageDown => r.row_at(line_of(cursor) + self.height),
            Action::NextChange | Action::PrevChange => {
                let here = line_of(cursor);
                let found = if action == Action::NextChange {
                    r.changes.iter().find(|&&c| c > here)
                } else {
                    r.changes.iter().rev().find(|&&c| c < here)
                };
                match found {
                    Some(&line) => r.row_at(line),
                    None => return Some(no_change(action == Action::NextChange)),
                }
            }
            _ => return None,
        };
        if matches!(action, Action::SelectUp | Action::SelectDown) {
            self.select_from.get_or_insert(cursor);
        } else {
            self.select_from = None;
        }
        self.cursor = target;
        self.follow_cursor = true;
        None
    }

    /// Tab: the movement keys go to the diff's line cursor, or back to the drafts.
    pub fn switch_pane(&mut self) {
        self.select_from = None;
        self.follow_cursor = false;
        self.focus = match self.focus {
            Focus::List => Focus::Diff,
            Focus::Diff => Focus::List,
        };
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
            return Err("Move into the diff (Tab), select lines with Shift-↑/↓, then comment".into());
        }
        let (key, _, _) = self.wanted().ok_or("No draft is shown")?;
        if self.provisional {
            return Err("The drafts are still being numbered; comment once the history is read".into());
        }
        let rendered = &self.rendered;
        let r = rendered
            .as_ref()
            .filter(|r| r.key.0 == key)
            .ok_or("The drafts are still being compared")?;
        let rows = r.rows.get(self.selected_rows()).unwrap_or_default();
        let span = |lines: Vec<usize>| Some((*lines.iter().min()?, *lines.iter().max()?));
        let number = |commit: CommitId| {
            self.entries
                .iter()
                .find(|e| e.commit == commit)
                .map(|e| e.number)
                .ok_or("That version is not a draft of this document")
        };
        let (draft, (start, end), buffer) = match span(rows.iter().filter_map(|x| x.new).collect()) {
            Some(lines) => (number(key.to)?, lines, key.buffer),
            None => match (span(rows.iter().filter_map(|x| x.old).collect()), key.from) {
                (Some(lines), Some(from)) => (number(from)?, lines, None),
                _ => return Err("No text on these lines: unfold them (z) or move to text".into()),
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
            .find_map(|row| draw::thread_on(&marks, row))
    }

    /// Comments were added, answered or resolved: the thread marks are stale.
    pub fn threads_changed(&mut self) {
        self.marks.clear();
        self.marks_pending.clear();
        self.select_from = None;
    }

    fn jump_change(&mut self, forward: bool) -> Option<String> {
        let rendered = &self.rendered;
        let changes = rendered.as_ref().map(|r| r.changes.clone()).unwrap_or_default();
        let target = if forward {
            changes.iter().find(|&&c| c > self.scroll + 2)
        } else {
            changes.iter().rev().find(|&&c| c + 2 < self.scroll)
        };
        match target {
            Some(&line) => {
                self.scroll = line.saturating_sub(2);
                None
            }
            None => Some(no_change(forward)),
        }
    }

    /// Enter in the section summary: jump to the section's first line.
    pub fn open_section(&mut self) {
        let Some(d) = self.current() else { return };
        let Some(section) = d.sections.get(self.sections_selected) else {
            return;
        };
        let target = section.new_line;
        let rendered = &self.rendered;
        if let (Some(r), Some(target)) = (rendered.as_ref(), target) {
            // `target` counts from 0, the rows from 1.
            let row = r.rows.iter().position(|x| x.new.is_some_and(|n| n > target));
            if let Some(row) = row {
                let line = r.rows[row].line;
                self.scroll = line.saturating_sub(1);
                self.cursor = row;
                self.select_from = None;
            }
        }
        self.sections_open = false;
    }
}

/// The keys that move the diff's line cursor when the diff has the focus.
fn moves_cursor(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::SelectUp
            | Action::SelectDown
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::NextChange
            | Action::PrevChange
    )
}

/// What `n` / `N` say when there is no change further on.
fn no_change(forward: bool) -> String {
    if forward {
        "No later change"
    } else {
        "No earlier change"
    }
    .into()
}
