//! [`Buffer`]: the document text in a rope, the cursor (always on a grapheme
//! boundary), the selection, and every edit command the editor screen offers.
//! Each edit goes through one place (`Buffer::replace_range`) that applies it,
//! keeps the cursor on a boundary and records it for undo, so no command can
//! forget one of the three; only replace-all (many changes in one step) and
//! undo/redo (which replay recorded changes) touch the rope themselves.

use std::cell::Cell;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;
use std::time::Instant;

use ropey::Rope;
use unicode_segmentation::UnicodeSegmentation;

use super::grapheme;
use super::history::{Change, Clock, CursorState, EditKind, History, Step};
use super::layout::{self, Layout};
use super::motion::{self, Motion};
use super::search;

/// A document being edited.
#[derive(Clone)]
pub struct Buffer {
    rope: Rope,
    /// Char index; always a grapheme boundary.
    cursor: usize,
    /// The other end of the selection, when one is being made.
    anchor: Option<usize>,
    /// The display column Up/Down aim for, kept across short lines.
    preferred_col: Option<usize>,
    history: History,
    version: u64,
    /// The text at the last save. Cloning a rope shares its nodes, so this costs
    /// little until the text diverges.
    saved: Rope,
    saved_version: u64,
    /// `is_modified` for a version, so a redraw loop asking every frame compares
    /// texts at most once per change.
    modified: Cell<Option<(u64, bool)>>,
    clock: Clock,
}

impl fmt::Debug for Buffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Buffer")
            .field("len_chars", &self.rope.len_chars())
            .field("cursor", &self.cursor)
            .field("anchor", &self.anchor)
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

impl Buffer {
    /// A buffer holding `text`, cursor at 0, no history, not modified.
    pub fn new(text: &str) -> Buffer {
        Buffer::with_clock(text, Arc::new(Instant::now))
    }

    /// Like [`Buffer::new`], reading time for undo grouping from `clock`.
    pub fn with_clock(text: &str, clock: Clock) -> Buffer {
        let rope = Rope::from_str(text);
        Buffer {
            saved: rope.clone(),
            rope,
            cursor: 0,
            anchor: None,
            preferred_col: None,
            history: History::default(),
            version: 0,
            saved_version: 0,
            modified: Cell::new(None),
            clock,
        }
    }

    /// The exact text, line breaks and all.
    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    /// Rope lines (a text ending in a line break has an empty last line).
    pub fn len_lines(&self) -> usize {
        self.rope.len_lines()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// 0-based line and 0-based grapheme column of the cursor.
    pub fn line_col(&self) -> (usize, usize) {
        let line = self.rope.char_to_line(self.cursor);
        let start = self.rope.line_to_char(line);
        let before = self.rope.slice(start..self.cursor).to_string();
        (line, before.graphemes(true).count())
    }

    /// The selected chars, None when nothing is selected.
    pub fn selection(&self) -> Option<Range<usize>> {
        let anchor = self.anchor?;
        let range = anchor.min(self.cursor)..anchor.max(self.cursor);
        (!range.is_empty()).then_some(range)
    }

    /// Moves the cursor to `char_idx` (snapped back to a grapheme boundary);
    /// `extend` keeps or starts a selection.
    pub fn set_cursor(&mut self, char_idx: usize, extend: bool) {
        self.history.close_group();
        self.preferred_col = None;
        let target = grapheme::snap_back(&self.rope, char_idx);
        self.move_to(target, extend);
    }

    /// Selects `range`: the anchor at its start, the cursor at its end.
    pub fn select(&mut self, range: Range<usize>) {
        self.history.close_group();
        self.preferred_col = None;
        self.anchor = Some(grapheme::snap_back(&self.rope, range.start));
        self.cursor = grapheme::snap_back(&self.rope, range.end);
    }

    pub fn clear_selection(&mut self) {
        self.history.close_group();
        self.anchor = None;
    }

    /// Whether the text differs from the text at the last `mark_saved` (or `new`).
    /// Typing a letter and deleting it again leaves the buffer unmodified.
    pub fn is_modified(&self) -> bool {
        if self.version == self.saved_version {
            return false;
        }
        if let Some((version, modified)) = self.modified.get()
            && version == self.version
        {
            return modified;
        }
        let modified = self.rope.len_chars() != self.saved.len_chars() || self.rope != self.saved;
        self.modified.set(Some((self.version, modified)));
        modified
    }

    pub fn mark_saved(&mut self) {
        self.saved = self.rope.clone();
        self.saved_version = self.version;
        self.modified.set(None);
    }

    /// Increments on every change of the text, undo and redo included.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Ends the current undo group, so the next edit starts a new step (the UI
    /// may call this on a timer or focus change).
    pub fn break_undo_group(&mut self) {
        self.history.close_group();
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Moves the cursor; `extend` keeps or starts a selection (shift+arrow).
    /// Without `extend`, Left/Right on a selection go to its start/end.
    pub fn move_cursor(&mut self, motion: Motion, extend: bool, layout: &Layout) {
        self.history.close_group();
        let rope = &self.rope;
        let pos = self.cursor;
        let selection = if extend { None } else { self.selection() };
        let page = layout.page_height.max(1) as isize;
        let rows = match motion {
            Motion::Up => -1,
            Motion::Down => 1,
            Motion::PageUp => -page,
            Motion::PageDown => page,
            _ => 0,
        };
        if rows == 0 {
            self.preferred_col = None;
        }
        let target = match motion {
            Motion::Left => selection.map_or_else(|| grapheme::prev_boundary(rope, pos), |s| s.start),
            Motion::Right => selection.map_or_else(|| grapheme::next_boundary(rope, pos), |s| s.end),
            Motion::Up | Motion::Down | Motion::PageUp | Motion::PageDown => {
                let col = *self
                    .preferred_col
                    .get_or_insert_with(|| layout.cursor_position(rope, pos).2);
                motion::visual_move(rope, layout, pos, rows, col)
            }
            Motion::WordLeft => motion::word_left(rope, pos),
            Motion::WordRight => motion::word_right(rope, pos),
            Motion::LineStart => motion::line_start(rope, layout, pos),
            Motion::LineEnd => motion::line_end(rope, layout, pos),
            Motion::ParagraphUp => motion::paragraph_up(rope, pos),
            Motion::ParagraphDown => motion::paragraph_down(rope, pos),
            Motion::DocStart => 0,
            Motion::DocEnd => rope.len_chars(),
        };
        // Motions land on boundaries already; snapping is cheap insurance.
        let target = grapheme::snap_back(&self.rope, target);
        self.move_to(target, extend);
    }

    fn move_to(&mut self, target: usize, extend: bool) {
        if extend {
            self.anchor.get_or_insert(self.cursor);
        } else {
            self.anchor = None;
        }
        self.cursor = target;
    }

    /// Types `s` at the cursor, replacing the selection if any.
    pub fn insert(&mut self, s: &str) {
        let kind = if s.contains(['\n', '\r']) {
            EditKind::Other
        } else {
            EditKind::Insert
        };
        match self.selection() {
            Some(range) => {
                // Replacing a selection starts a step; typing on joins it.
                self.history.close_group();
                self.replace_range(range, s, kind);
            }
            None => self.replace_range(self.cursor..self.cursor, s, kind),
        }
    }

    /// Enter: a line break in the style of the cursor's line ("\r\n" after a CRLF
    /// line, else "\n"); on a last line with no break, the previous line decides.
    pub fn insert_newline(&mut self) {
        self.replace_selection(self.newline_here());
    }

    /// Deletes the selection, else the grapheme before the cursor (a decomposed
    /// "å" or a CRLF goes whole).
    pub fn backspace(&mut self) {
        if self.delete_selection() || self.cursor == 0 {
            return;
        }
        let start = grapheme::prev_boundary(&self.rope, self.cursor);
        self.replace_range(start..self.cursor, "", EditKind::Delete);
    }

    /// Deletes the selection, else the grapheme after the cursor.
    pub fn delete_forward(&mut self) {
        if self.delete_selection() || self.cursor == self.rope.len_chars() {
            return;
        }
        let end = grapheme::next_boundary(&self.rope, self.cursor);
        self.replace_range(self.cursor..end, "", EditKind::Delete);
    }

    /// Ctrl-W / Ctrl-Backspace: deletes the selection, else back to the previous
    /// word start (taking the spaces after the word with it); at a line start,
    /// just the line break.
    pub fn delete_word_back(&mut self) {
        if self.delete_selection() || self.cursor == 0 {
            return;
        }
        let line_start = self.rope.line_to_char(self.rope.char_to_line(self.cursor));
        let start = if self.cursor == line_start {
            grapheme::prev_boundary(&self.rope, self.cursor)
        } else {
            motion::word_left(&self.rope, self.cursor)
        };
        self.history.close_group();
        self.replace_range(start..self.cursor, "", EditKind::Other);
    }

    /// vim `dd`: removes the cursor's line with its break and returns it as a
    /// whole line. The last line has no break of its own, so the break before it
    /// goes instead, and is returned after the line's text.
    pub fn delete_line(&mut self) -> String {
        let line = self.rope.char_to_line(self.cursor);
        let start = self.rope.line_to_char(line);
        let end = start + self.rope.line(line).len_chars();
        let (range, returned) = if line_break(&self.rope, line).is_none() && line > 0 {
            let prev_end = layout::content_end(&self.rope, line - 1);
            let own = self.rope.slice(start..end).to_string();
            let brk = self.rope.slice(prev_end..start).to_string();
            (prev_end..end, own + &brk)
        } else {
            (start..end, self.rope.slice(start..end).to_string())
        };
        if range.is_empty() {
            return String::new();
        }
        self.history.close_group();
        self.replace_range(range, "", EditKind::Other);
        // Land at the start of the line that took its place, as vim does.
        let line_start = self.rope.line_to_char(self.rope.char_to_line(self.cursor));
        self.cursor = line_start;
        self.history.set_last_after(line_start);
        returned
    }

    /// The selected text.
    pub fn copy(&self) -> Option<String> {
        self.selection().map(|r| self.rope.slice(r).to_string())
    }

    /// Removes and returns the selected text.
    pub fn cut(&mut self) -> Option<String> {
        let text = self.copy()?;
        self.delete_selection();
        Some(text)
    }

    /// Inserts `s` as one undo step, replacing the selection if any. Its line
    /// breaks become the document's own, as Enter would type them: a terminal
    /// pastes lines ending in CR (xterm, VTE, iTerm, tmux), Windows copies
    /// CR LF, and neither belongs in a document that ends its lines in LF.
    pub fn paste(&mut self, s: &str) {
        let newline = self.newline_here();
        if !s.contains('\r') && (newline == "\n" || !s.contains('\n')) {
            self.replace_selection(s);
            return;
        }
        let text = s.replace("\r\n", "\n").replace('\r', "\n");
        let text = match newline {
            "\n" => text,
            other => text.replace('\n', other),
        };
        self.replace_selection(&text);
    }

    /// The line break Enter types at the cursor: "\r\n" after a CRLF line,
    /// else "\n"; on a last line with no break, the previous line decides.
    fn newline_here(&self) -> &'static str {
        let line = self.rope.char_to_line(self.cursor);
        let crlf = match line_break(&self.rope, line) {
            Some(brk) => brk == "\r\n",
            None => line > 0 && line_break(&self.rope, line - 1) == Some("\r\n"),
        };
        if crlf { "\r\n" } else { "\n" }
    }

    /// Replaces the selection with `with` (or inserts it at the cursor) as one
    /// undo step; the cursor ends after it.
    pub fn replace_selection(&mut self, with: &str) {
        let range = self.selection().unwrap_or(self.cursor..self.cursor);
        self.history.close_group();
        self.replace_range(range, with, EditKind::Other);
    }

    /// Takes back the last undo step, restoring text, cursor and selection.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.history.undo() else {
            return false;
        };
        for change in step.changes.iter().rev() {
            // The history holds exactly the changes that produced this text, so
            // each inverse range is in bounds.
            let inserted = change.inserted.chars().count();
            self.rope.remove(change.pos..change.pos + inserted);
            self.rope.insert(change.pos, &change.removed);
        }
        self.cursor = step.before.cursor;
        self.anchor = step.before.anchor;
        self.text_changed();
        true
    }

    /// Does again the last undone step.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.history.redo() else {
            return false;
        };
        for change in &step.changes {
            // As in `undo`: the text is exactly the one the change was made on.
            let removed = change.removed.chars().count();
            self.rope.remove(change.pos..change.pos + removed);
            self.rope.insert(change.pos, &change.inserted);
        }
        self.cursor = step.after;
        self.anchor = None;
        self.text_changed();
        true
    }

    /// See [`search::find`]: wraps around; smart case.
    pub fn find(&self, needle: &str, from: usize, forward: bool) -> Option<Range<usize>> {
        search::find(&self.rope, needle, from, forward)
    }

    /// Replaces every match of `needle` (smart case) as one undo step; returns
    /// how many there were.
    pub fn replace_all(&mut self, needle: &str, with: &str) -> usize {
        let matches = search::find_all(&self.rope, needle);
        if matches.is_empty() {
            return 0;
        }
        let before = self.cursor_state();
        let with_len = with.chars().count();
        let mut cursor = self.cursor;
        let mut changes = Vec::with_capacity(matches.len());
        // Back to front, so the positions of the matches not yet replaced hold.
        for m in matches.iter().rev() {
            let removed = self.rope.slice(m.clone()).to_string();
            self.rope.remove(m.clone());
            self.rope.insert(m.start, with);
            if cursor >= m.end {
                cursor = cursor - m.len() + with_len;
            } else if cursor > m.start {
                cursor = m.start + with_len;
            }
            changes.push(Change {
                pos: m.start,
                removed,
                inserted: with.to_owned(),
            });
        }
        self.cursor = grapheme::snap_back(&self.rope, cursor);
        self.anchor = None;
        self.text_changed();
        self.history.record_step(Step {
            changes,
            before,
            after: self.cursor,
        });
        matches.len()
    }

    /// Deletes the selection as a step of its own; false if there was none.
    fn delete_selection(&mut self) -> bool {
        let Some(range) = self.selection() else {
            return false;
        };
        self.history.close_group();
        self.replace_range(range, "", EditKind::Other);
        true
    }

    /// The one place text changes outside undo/redo: replaces `range` with
    /// `text`, puts the cursor after it on a grapheme boundary (an insertion can
    /// merge with a following combining mark or LF, a deletion join two halves),
    /// and records the change.
    fn replace_range(&mut self, range: Range<usize>, text: &str, kind: EditKind) {
        let range = range.start.min(self.rope.len_chars())..range.end.min(self.rope.len_chars());
        if range.is_empty() && text.is_empty() {
            return;
        }
        let before = self.cursor_state();
        let removed = self.rope.slice(range.clone()).to_string();
        self.rope.remove(range.clone());
        self.rope.insert(range.start, text);
        let end = range.start + text.chars().count();
        self.cursor = if text.is_empty() {
            grapheme::snap_back(&self.rope, end)
        } else {
            grapheme::snap_forward(&self.rope, end)
        };
        self.anchor = None;
        self.text_changed();
        let change = Change {
            pos: range.start,
            removed,
            inserted: text.to_owned(),
        };
        let now = (self.clock)();
        self.history.record(change, kind, before, self.cursor, now);
    }

    #[cfg(test)]
    pub(crate) fn history(&self) -> &History {
        &self.history
    }

    fn cursor_state(&self) -> CursorState {
        CursorState {
            cursor: self.cursor,
            anchor: self.anchor,
        }
    }

    fn text_changed(&mut self) {
        self.version += 1;
        self.preferred_col = None;
    }
}

/// The line break ending rope line `line`, None for the last line.
fn line_break(rope: &Rope, line: usize) -> Option<&'static str> {
    match layout::break_len(rope, line) {
        0 => None,
        2 => Some("\r\n"),
        _ => Some("\n"),
    }
}
