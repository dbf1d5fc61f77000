//! Undo and redo, stored as the changes made (position, removed text, inserted
//! text) rather than copies of the document, so a keystroke in a 10,000-line
//! strategy costs the size of the keystroke.
//!
//! Grouping follows a word processor. Typing grows one step until
//! - a word starts after whitespace or punctuation was typed: typing
//!   "hej med dig" gives three steps, "hej ", "med " and "dig", and undo takes
//!   back one word at a time;
//! - the cursor moves or the selection changes ([`History::close_group`]);
//! - typing switches to deleting or back (Backspace and Delete runs group too);
//! - a second passes without an edit (the clock is injectable for tests, and the
//!   UI may also call `Buffer::break_undo_group`).
//!
//! Newline, paste, cut, deleting a selection or word or line, and replacing are
//! always steps of their own.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where time comes from, so tests can advance it without sleeping.
pub type Clock = Arc<dyn Fn() -> Instant + Send + Sync>;

/// A pause this long between edits ends a group.
const PAUSE: Duration = Duration::from_secs(1);

/// Steps older than this many are forgotten, keeping memory bounded in a long
/// session.
const MAX_STEPS: usize = 10_000;

/// One replacement: at char `pos`, `removed` was replaced by `inserted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub pos: usize,
    pub removed: String,
    pub inserted: String,
}

/// What an edit was, for deciding whether it joins the open group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// Typed text; groups by words.
    Insert,
    /// Backspace or Delete of one grapheme; a run groups.
    Delete,
    /// Anything else: always a step of its own.
    Other,
}

/// The cursor and selection anchor, to restore on undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CursorState {
    pub cursor: usize,
    pub anchor: Option<usize>,
}

/// One undo step: changes applied in order.
#[derive(Debug, Clone)]
pub struct Step {
    pub changes: Vec<Change>,
    /// Cursor and selection before the first change.
    pub before: CursorState,
    /// Cursor after the last change.
    pub after: usize,
}

/// The group the next edit may join.
#[derive(Debug, Clone, Copy)]
struct OpenGroup {
    kind: EditKind,
    last_char: Option<char>,
    at: Instant,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    /// Oldest first; a deque so forgetting the oldest step costs nothing.
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    open: Option<OpenGroup>,
}

impl History {
    /// The next edit starts a new step.
    pub fn close_group(&mut self) {
        self.open = None;
    }

    /// Records a change the buffer has just applied.
    pub fn record(
        &mut self,
        change: Change,
        kind: EditKind,
        before: CursorState,
        after: usize,
        now: Instant,
    ) {
        self.redo.clear();
        let last_char = change.inserted.chars().last();
        if self.joins_open_group(&change, kind, now)
            && let Some(step) = self.undo.back_mut()
        {
            merge(&mut step.changes, change);
            step.after = after;
        } else {
            self.push(Step {
                changes: vec![change],
                before,
                after,
            });
        }
        self.open = (kind != EditKind::Other).then_some(OpenGroup {
            kind,
            last_char,
            at: now,
        });
    }

    /// Records several changes (applied in order) as one step of their own.
    pub fn record_step(&mut self, step: Step) {
        self.redo.clear();
        self.open = None;
        self.push(step);
    }

    fn push(&mut self, step: Step) {
        if self.undo.len() >= MAX_STEPS {
            self.undo.pop_front();
        }
        self.undo.push_back(step);
    }

    fn joins_open_group(&self, change: &Change, kind: EditKind, now: Instant) -> bool {
        let Some(open) = self.open else {
            return false;
        };
        if kind == EditKind::Other || kind != open.kind || now.duration_since(open.at) >= PAUSE {
            return false;
        }
        if kind == EditKind::Insert {
            let starts_word = change.inserted.chars().next().is_some_and(is_word_char);
            let after_separator = open.last_char.is_some_and(|c| !is_word_char(c));
            if starts_word && after_separator {
                return false;
            }
        }
        true
    }

    /// Takes the last step for undoing; the buffer applies its inverse.
    pub fn undo(&mut self) -> Option<&Step> {
        self.open = None;
        let step = self.undo.pop_back()?;
        self.redo.push(step);
        self.redo.last()
    }

    /// Takes the last undone step for redoing.
    pub fn redo(&mut self) -> Option<&Step> {
        self.open = None;
        let step = self.redo.pop()?;
        self.undo.push_back(step);
        self.undo.back()
    }

    /// Corrects where the cursor goes on redo of the last step.
    pub fn set_last_after(&mut self, after: usize) {
        if let Some(step) = self.undo.back_mut() {
            step.after = after;
        }
    }

    /// Chars held by all steps, to show steps hold changes, not documents.
    #[cfg(test)]
    pub fn stored_chars(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|s| &s.changes)
            .map(|c| c.removed.chars().count() + c.inserted.chars().count())
            .sum()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// Adds `change` to a step, extending the last change when it continues it
/// (typing on, Backspace before it, Delete at it), so a typed word is one change.
fn merge(changes: &mut Vec<Change>, change: Change) {
    if let Some(last) = changes.last_mut() {
        let last_end = last.pos + last.inserted.chars().count();
        if change.removed.is_empty() && change.pos == last_end {
            last.inserted.push_str(&change.inserted);
            return;
        }
        if change.inserted.is_empty() && last.inserted.is_empty() {
            let removed_len = change.removed.chars().count();
            if change.pos + removed_len == last.pos {
                last.removed.insert_str(0, &change.removed);
                last.pos = change.pos;
                return;
            }
            if change.pos == last.pos {
                last.removed.push_str(&change.removed);
                return;
            }
        }
    }
    changes.push(change);
}

/// Letters, digits and combining marks (so typing a decomposed "å" does not end
/// a word); everything else separates words for grouping.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{300}'..='\u{36f}'
                | '\u{1ab0}'..='\u{1aff}'
                | '\u{1dc0}'..='\u{1dff}'
                | '\u{20d0}'..='\u{20ff}'
                | '\u{fe20}'..='\u{fe2f}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(pos: usize, s: &str) -> Change {
        Change {
            pos,
            removed: String::new(),
            inserted: s.into(),
        }
    }

    fn cur(c: usize) -> CursorState {
        CursorState {
            cursor: c,
            anchor: None,
        }
    }

    #[test]
    fn typing_groups_by_word() {
        let mut h = History::default();
        let t = Instant::now();
        for (i, c) in "hej med dig".chars().enumerate() {
            h.record(typed(i, &c.to_string()), EditKind::Insert, cur(i), i + 1, t);
        }
        let words: Vec<String> = h.undo.iter().map(|s| s.changes[0].inserted.clone()).collect();
        assert_eq!(words, vec!["hej ", "med ", "dig"]);
        assert!(h.undo.iter().all(|s| s.changes.len() == 1));
    }

    #[test]
    fn a_pause_ends_a_group() {
        let mut h = History::default();
        let t = Instant::now();
        h.record(typed(0, "a"), EditKind::Insert, cur(0), 1, t);
        h.record(
            typed(1, "b"),
            EditKind::Insert,
            cur(1),
            2,
            t + Duration::from_millis(999),
        );
        h.record(
            typed(2, "c"),
            EditKind::Insert,
            cur(2),
            3,
            t + Duration::from_millis(2000),
        );
        assert_eq!(h.undo.len(), 2);
    }

    #[test]
    fn backspace_run_is_one_change() {
        let mut h = History::default();
        let t = Instant::now();
        for (pos, ch) in [(2, "c"), (1, "b"), (0, "a")] {
            let change = Change {
                pos,
                removed: ch.into(),
                inserted: String::new(),
            };
            h.record(change, EditKind::Delete, cur(pos + 1), pos, t);
        }
        assert_eq!(h.undo.len(), 1);
        assert_eq!(h.undo[0].changes[0].removed, "abc");
        assert_eq!(h.undo[0].before.cursor, 3);
    }
}
