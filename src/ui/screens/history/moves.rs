//! Moving in the history: through the drafts, the diff's line cursor and
//! selection, from change to change, to a section.

use super::{Focus, HistoryState};
use crate::lang::{Msg, t};
use crate::ui::actions::Action;

impl HistoryState {
    /// Movement and view keys; returns what to tell the user.
    pub(super) fn step(&mut self, action: Action) -> Option<String> {
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
            Action::Blame => {
                self.blame = !self.blame;
                self.select_from = None;
                self.scroll_to_first = true;
                return None;
            }
            Action::HideMinor => {
                self.substantive = !self.substantive;
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

    fn jump_change(&mut self, forward: bool) -> Option<String> {
        let rendered = &self.rendered;
        // Where each change would be scrolled to (its first changed word in
        // view, a long paragraph's too).
        let targets: Vec<usize> = rendered.as_ref().map_or_else(Vec::new, |r| {
            (0..r.changes.len())
                .map(|k| r.scroll_to(k, self.height))
                .collect()
        });
        let target = if forward {
            targets.iter().find(|&&t| t > self.scroll)
        } else {
            targets.iter().rev().find(|&&t| t + 4 < self.scroll)
        };
        match target {
            Some(&line) => {
                self.scroll = line;
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
    t(if forward {
        Msg::HistNoLaterChange
    } else {
        Msg::HistNoEarlierChange
    })
    .into()
}
