//! Drawing the editor: the header, the outline and the text, each cell as
//! `editor::Layout` decides it. [`DocumentState::fit`] scrolls and lays out
//! the rows in view before a draw, which only reads them.

use crate::lang::{Msg, t, tf};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout as Split, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::{DocumentState, Mark, OUTLINE_WIDTH};
use crate::editor::Layout;
use crate::text::inert;
use crate::ui::theme::Theme;

impl DocumentState {
    /// The header (two lines when a later draft was saved: the second says
    /// so), the outline (when shown and there is room), the gutter and the
    /// text.
    fn areas(&self, area: Rect) -> (Rect, Option<Rect>, Rect, Rect) {
        let header_height = if self.latest.is_some() || self.changed_there.is_some() {
            2
        } else {
            1
        };
        let [header, body] =
            Split::vertical([Constraint::Length(header_height), Constraint::Min(1)]).areas(area);
        let (outline, text_area) = if self.outline_visible && body.width >= 60 {
            let [o, t] =
                Split::horizontal([Constraint::Length(OUTLINE_WIDTH), Constraint::Min(10)]).areas(body);
            (Some(o), t)
        } else {
            (None, body)
        };
        let [gutter, text] = Split::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(text_area);
        (header, outline, gutter, text)
    }

    /// Fits the view to the text's area: scrolls just enough to show the
    /// cursor and lays out the rows in view.
    pub(super) fn fit(&mut self, area: Rect) {
        let (_, _, _, text) = self.areas(area);
        self.view = (text.width as usize, text.height as usize);
        let layout = self.layout();
        let (line, row, column) = layout.cursor_position(self.buffer.rope(), self.buffer.cursor());
        self.rows = self.visible_rows(&layout, (line, row), text.height as usize);
        self.cursor_at = (line, row, column);
    }

    pub(super) fn draw_screen(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let (header, outline, gutter, text) = self.areas(area);
        let mut title = tf(
            Msg::DocTitle,
            &[("title", &inert(&self.title)), ("draft", &self.draft)],
        );
        if self.blame_on {
            let credit = self.credit_at_cursor();
            let credit = credit.as_deref().unwrap_or(t(Msg::DocFindingWhat));
            if !credit.is_empty() {
                title.push_str(&format!("   {}", inert(credit)));
            }
        }
        let [title_row, banner] = Split::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(header);
        frame.render_widget(Paragraph::new(title).style(theme.title()), title_row);
        // A later draft here comes first; then one on the remote not yet here.
        let warning = match (&self.latest, &self.changed_there) {
            (Some((draft, by)), _) => Some(tf(
                Msg::DocLaterDraft,
                &[("draft", draft), ("key", &self.update_key), ("by", &inert(by))],
            )),
            (None, Some(remote)) => Some(tf(
                Msg::DocChangedOnRemote,
                &[("remote", &inert(remote)), ("key", &self.palette_key)],
            )),
            (None, None) => None,
        };
        if let Some(text) = warning {
            frame.render_widget(Paragraph::new(text).style(theme.warning()), banner);
        }
        if let Some(o) = outline {
            self.draw_outline(frame, o, theme);
        }
        self.draw_text(frame, gutter, text, theme);
    }

    fn draw_outline(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let current = self.buffer.line_col().0;
        let here = self.outline.iter().rposition(|h| h.line <= current);
        let items: Vec<ListItem<'_>> = self
            .outline
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let indent = " ".repeat(1 + 2 * h.level.saturating_sub(1).min(4));
                let style = if Some(i) == here {
                    theme.title()
                } else {
                    Style::new()
                };
                // The section's LIX at the right edge, the title cut before it.
                let lix = self
                    .outline_lix()
                    .and_then(|l| l.get(i).copied().flatten())
                    .map_or_else(String::new, |v| format!(" {v}"));
                let room = usize::from(area.width.saturating_sub(1)).saturating_sub(lix.len());
                let title = crate::ui::widgets::cut(&format!("{indent}{}", inert(&h.title)), room);
                let pad =
                    " ".repeat(room.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str())));
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{title}{pad}"), style),
                    Span::styled(lix, theme.dim()),
                ]))
            })
            .collect();
        let title = if self.outline_focus {
            t(Msg::DocOutlineJump)
        } else {
            t(Msg::DocOutline)
        };
        let block = Block::default()
            .borders(Borders::RIGHT)
            .title(title)
            .border_style(theme.dim());
        let selected = if self.outline_focus {
            Some(self.outline_selected)
        } else {
            here
        };
        let mut state = ListState::default().with_selected(selected);
        let list = List::new(items)
            .block(block)
            .highlight_style(if self.outline_focus {
                theme.selected()
            } else {
                Style::new()
            });
        frame.render_stateful_widget(list, area, &mut state);
    }

    /// The visual rows shown from `from` on, at most `height`, each wrapped once.
    fn rows_from(&self, layout: &Layout, from: (usize, usize), height: usize) -> Vec<Row> {
        let rope = self.buffer.rope();
        let mut rows = Vec::with_capacity(height);
        let (mut line, mut skip) = from;
        while rows.len() < height && line < rope.len_lines() {
            for (index, visual) in layout.wrap_line(rope, line).into_iter().enumerate().skip(skip) {
                if rows.len() == height {
                    break;
                }
                rows.push(Row { line, index, visual });
            }
            skip = 0;
            line += 1;
        }
        rows
    }

    /// The rows to draw, after moving the view just enough to show the cursor
    /// at `(line, row)`: up to it when it is above, down so it is on the last
    /// row when it is below.
    fn visible_rows(&mut self, layout: &Layout, cursor: (usize, usize), height: usize) -> Vec<Row> {
        let rope = self.buffer.rope();
        if self.scroll.0 >= rope.len_lines() {
            self.scroll = (rope.len_lines().saturating_sub(1), 0);
        }
        if cursor < self.scroll {
            self.scroll = cursor;
        }
        let rows = self.rows_from(layout, self.scroll, height);
        let shown = rows.iter().any(|r| (r.line, r.index) == cursor);
        if shown || rows.len() < height {
            return rows;
        }
        // Walk back height-1 rows from the cursor.
        let (mut l, mut r) = cursor;
        let mut left = height - 1;
        while left > 0 {
            if r >= left {
                r -= left;
                break;
            }
            left -= r + 1;
            if l == 0 {
                r = 0;
                break;
            }
            l -= 1;
            r = layout.wrap_line(rope, l).len().saturating_sub(1);
        }
        self.scroll = (l, r);
        self.rows_from(layout, self.scroll, height)
    }

    fn draw_text(&self, frame: &mut Frame<'_>, gutter: Rect, area: Rect, theme: &Theme) {
        let (cl, cr, cc) = self.cursor_at;
        let rows = &self.rows;
        let rope = self.buffer.rope();
        let selection = self.buffer.selection();
        let buf = frame.buffer_mut();
        let mut cursor_row = None;
        for (y, row) in (area.y..).zip(rows) {
            if (row.line, row.index) == (cl, cr) {
                cursor_row = Some(y);
            }
            let is_heading = rope.line(row.line).chars().next() == Some('#');
            let base = if is_heading { theme.heading() } else { Style::new() };
            if row.index == 0 {
                let (symbol, style) = match self.marks.get(row.line).copied().unwrap_or(Mark::Same) {
                    Mark::Same => (" ", Style::new()),
                    Mark::Added => ("+", theme.added()),
                    Mark::Changed => ("~", theme.changed()),
                    Mark::RemovedBefore => ("_", theme.removed()),
                };
                buf.set_string(gutter.x, y, symbol, style);
            }
            if self
                .thread_lines
                .iter()
                .any(|(a, b, _)| (*a..=*b).contains(&(row.line + 1)))
            {
                buf.set_string(gutter.x + 1, y, "»", theme.warning());
            }
            let mut x = area.x;
            for cell in &row.visual.cells {
                if x as usize + cell.width > area.right() as usize {
                    break;
                }
                // A cell of several characters starting with ^ or < is a control
                // character made visible (a real "^" or "<" is one character).
                let substituted =
                    cell.text.len() > 1 && (cell.text.starts_with('^') || cell.text.starts_with('<'));
                let mut style = if substituted { theme.control() } else { base };
                if selection.as_ref().is_some_and(|s| s.contains(&cell.char_idx)) {
                    style = theme.selection();
                }
                buf.set_stringn(x, y, &cell.text, cell.width, style);
                x += cell.width as u16;
            }
        }
        // Mark the rows beyond the end of the document, vim-like.
        for y in (area.y + rows.len() as u16)..area.bottom() {
            buf.set_string(gutter.x, y, "~", theme.dim());
        }
        if let Some(y) = cursor_row.filter(|_| !self.outline_focus) {
            // The end of a line that fills its row is one column past the
            // width; like a terminal after writing its last column, the cursor
            // stays on that column rather than on a blank row below.
            let x = (area.x as usize + cc).min(area.right().saturating_sub(1) as usize) as u16;
            frame.set_cursor_position((x, y));
        }
    }
}

/// One visual row on screen: which rope line, which of its wrapped rows.
pub(super) struct Row {
    line: usize,
    index: usize,
    visual: crate::editor::VisualLine,
}
