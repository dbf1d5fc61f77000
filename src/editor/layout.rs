//! What the screen shows for a line of text: one [`Cell`] per grapheme, with tabs
//! expanded, control characters made visible and soft wrap applied. Drawing and
//! cursor motion (Up/Down, Home/End, the cursor's screen position) both go through
//! here, so the cursor can never disagree with the cells.
//!
//! Untrusted text must never drive the terminal, and ratatui's buffer silently
//! drops control and zero-width graphemes, so every grapheme is mapped to
//! something visible and harmless *before* it reaches ratatui:
//! - a tab becomes spaces up to the next tab stop;
//! - a control character (C0, DEL) becomes a caret form such as `^[`, and a C1
//!   control a hex form such as `<9B>`;
//! - a grapheme of display width 0 (a lone combining mark, ZWSP, a bidi control)
//!   becomes [`PLACEHOLDER`], "◌" (the dotted circle Unicode uses to show a mark
//!   without a base), one column wide;
//! - the line break is not a cell at all.
//!
//! Widths come from unicode-width 0.2's `UnicodeWidthStr::width`, the function
//! ratatui's buffer uses, so a cell's width is the columns ratatui will give it.
//! Wrapping is per line: only the lines on screen or under the cursor are laid out.

use std::borrow::Cow;

use ropey::Rope;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::breaks::{Break, breaks, is_space};

/// What a zero-width grapheme is shown as.
pub const PLACEHOLDER: &str = "\u{25cc}";

/// The geometry text is laid out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Columns available for text; 0 and 1 are tolerated (one grapheme a row).
    pub width: usize,
    /// Visual rows moved by PageUp/PageDown.
    pub page_height: usize,
    /// Columns between tab stops.
    pub tab_width: usize,
}

/// One grapheme as displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// What to draw: safe for the terminal, never a control or zero-width text.
    pub text: String,
    /// Columns it takes; always `UnicodeWidthStr::width(text)`.
    pub width: usize,
    /// Where the grapheme starts in the document.
    pub char_idx: usize,
}

/// One screen row of a (possibly wrapped) rope line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// The rope line this row belongs to.
    pub line: usize,
    /// First char of the row in the document.
    pub start: usize,
    /// One past the last char; excludes the line break. Equals the next row's start.
    pub end: usize,
    pub cells: Vec<Cell>,
}

impl VisualLine {
    /// Columns the row takes.
    pub fn width(&self) -> usize {
        self.cells.iter().map(|c| c.width).sum()
    }
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: 80,
            page_height: 20,
            tab_width: 4,
        }
    }
}

impl Layout {
    /// A layout with the usual tab width of 4.
    pub fn new(width: usize, page_height: usize) -> Layout {
        Layout {
            width,
            page_height,
            tab_width: 4,
        }
    }

    /// The screen rows of rope line `line` (clamped to the last line); at least one.
    ///
    /// A row ends after whitespace when the next word would overflow, or, when a
    /// single word is wider than the row, between two of its graphemes; either
    /// way never before the punctuation that closes a word (see `breaks`). A wide
    /// grapheme never straddles the edge.
    ///
    /// A line that exactly fills its last row gets no extra row: the cursor after
    /// its last character is on that row, one column past the width (see
    /// [`Layout::cursor_position`]). Only an empty line has an empty row.
    pub fn wrap_line(&self, rope: &Rope, line: usize) -> Vec<VisualLine> {
        let line = line.min(rope.len_lines().saturating_sub(1));
        let start = rope.line_to_char(line);
        let text = line_content(rope, line);
        let mut graphemes = Vec::new();
        let mut at = start;
        for g in text.graphemes(true) {
            graphemes.push((at, g));
            at += g.chars().count();
        }
        let texts: Vec<&str> = graphemes.iter().map(|g| g.1).collect();
        let breaks = breaks(&texts);
        let width = self.width.max(1);
        let mut rows = Vec::new();
        let mut i = 0;
        while i < graphemes.len() {
            let (cells, next) = self.fill_row(&graphemes, &breaks, i, width);
            let end = graphemes.get(next).map_or(at, |g| g.0);
            rows.push(VisualLine {
                line,
                // `i` is in bounds: the loop condition.
                start: graphemes[i].0,
                end,
                cells,
            });
            i = next;
        }
        if rows.is_empty() {
            rows.push(VisualLine {
                line,
                start,
                end: start,
                cells: Vec::new(),
            });
        }
        rows
    }

    /// Cells for one row starting at grapheme `from`; returns them and where the
    /// next row starts. Always takes at least one grapheme, so wrapping ends.
    fn fill_row(
        &self,
        graphemes: &[(usize, &str)],
        breaks: &[Break],
        from: usize,
        width: usize,
    ) -> (Vec<Cell>, usize) {
        let mut cells: Vec<Cell> = Vec::new();
        let mut col = 0;
        // The last place the row may end by choice: after whitespace that
        // follows a word in this row (leading whitespace is not one, or the
        // row would look empty).
        let mut opportunity = None;
        // The last place a word too wide for the row may be cut.
        let mut cut = None;
        // After the row's leading whitespace: a row of only whitespace, the
        // last resort before a row that starts with a closing period.
        let mut after_lead = None;
        let mut seen_word = false;
        for (j, &(char_idx, g)) in graphemes.iter().enumerate().skip(from) {
            if j > from {
                match breaks[j] {
                    Break::Space if seen_word => opportunity = Some(j),
                    Break::Space => after_lead = Some(j),
                    Break::Inside => cut = Some(j),
                    Break::Never => {}
                }
            }
            let (text, w) = display_grapheme(g, col, self.tab_width);
            if col + w > width && !cells.is_empty() {
                // Move the overflowing word (or, when whitespace overflows, the
                // last word) down to the next row, so rows end with their space
                // and never start with one; a word with no break before it is
                // cut, keeping its closing punctuation. Text that can't be
                // cut anywhere allowed is cut where it overflows.
                let at = opportunity.or(cut).or(after_lead).unwrap_or(j);
                cells.truncate(at - from);
                return (cells, at);
            }
            cells.push(Cell {
                text: text.into_owned(),
                width: w,
                char_idx,
            });
            col += w;
            if !is_space(g) {
                seen_word = true;
            }
        }
        (cells, graphemes.len())
    }

    /// The rope line, the row within it, and the display column of `char_idx`.
    ///
    /// The end of a line whose last row is full is at column `width`, past the
    /// last cell: there is no row below for it (a terminal, too, leaves its
    /// cursor on the last column until more is written), and a row's start
    /// belongs to the next line. [`Layout::char_at`] maps it back.
    pub fn cursor_position(&self, rope: &Rope, char_idx: usize) -> (usize, usize, usize) {
        let char_idx = char_idx.min(rope.len_chars());
        let line = rope.char_to_line(char_idx);
        let rows = self.wrap_line(rope, line);
        let (row, col) = position_in_rows(&rows, char_idx);
        (line, row, col)
    }

    /// The grapheme boundary shown at `column` of row `visual_row` of `line`;
    /// rows and lines past the end are clamped. A column inside a wide grapheme or
    /// a tab gives its start; past the row's end gives the last grapheme of a
    /// wrapped row (its end is already the next row) or the end of the line.
    pub fn char_at(&self, rope: &Rope, line: usize, visual_row: usize, column: usize) -> usize {
        let rows = self.wrap_line(rope, line);
        let last = rows.len().saturating_sub(1);
        let Some(row) = rows.get(visual_row.min(last)) else {
            // wrap_line always gives at least one row; this is only for safety.
            return rope.line_to_char(line.min(rope.len_lines().saturating_sub(1)));
        };
        let mut acc = 0;
        for cell in &row.cells {
            if column < acc + cell.width {
                return cell.char_idx;
            }
            acc += cell.width;
        }
        match row.cells.last() {
            Some(cell) if visual_row < last => cell.char_idx,
            _ => row.end,
        }
    }
}

/// Which row of `rows` holds `char_idx`, and its column there. A char index at a
/// wrap point belongs to the row it starts.
pub(crate) fn position_in_rows(rows: &[VisualLine], char_idx: usize) -> (usize, usize) {
    let row = rows.iter().rposition(|r| r.start <= char_idx).unwrap_or(0);
    let col = rows.get(row).map_or(0, |r| {
        r.cells
            .iter()
            .take_while(|c| c.char_idx < char_idx)
            .map(|c| c.width)
            .sum()
    });
    (row, col)
}

/// How many chars of rope line `line` are its line break: 2 for CRLF, 1 for
/// LF, 0 for the last line, which never has one. Asked of the rope's own line
/// structure rather than assumed: with `default-features = false` ropey breaks
/// lines only at LF and CRLF, so a lone CR stays inside its line and is shown
/// as "^M", never silently treated as a break.
pub(crate) fn break_len(rope: &Rope, line: usize) -> usize {
    if line + 1 >= rope.len_lines() {
        return 0;
    }
    let slice = rope.line(line);
    let n = slice.len_chars();
    if n >= 2 && slice.char(n - 2) == '\r' && slice.char(n - 1) == '\n' {
        2
    } else {
        1
    }
}

/// The char index where rope line `line` ends, before its line break.
pub(crate) fn content_end(rope: &Rope, line: usize) -> usize {
    rope.line_to_char(line) + rope.line(line).len_chars() - break_len(rope, line)
}

/// The text of rope line `line` without its line break.
pub(crate) fn line_content(rope: &Rope, line: usize) -> String {
    let slice = rope.line(line);
    slice
        .slice(..slice.len_chars() - break_len(rope, line))
        .to_string()
}

/// The text to draw for grapheme `g` starting at display `column`, and its width.
pub fn display_grapheme(g: &str, column: usize, tab_width: usize) -> (Cow<'_, str>, usize) {
    if g == "\t" {
        let tab = tab_width.max(1);
        let w = tab - column % tab;
        return (Cow::Owned(" ".repeat(w)), w);
    }
    if g.chars().any(char::is_control) {
        let mut out = String::new();
        for c in g.chars() {
            crate::text::push_visible(&mut out, c);
        }
        let w = out.width();
        return (Cow::Owned(out), w);
    }
    let w = g.width();
    if w == 0 || g.chars().any(is_invisible_format) {
        return (Cow::Borrowed(PLACEHOLDER), 1);
    }
    (Cow::Borrowed(g), w)
}

/// Characters that reorder or hide text: bidi controls, the line and paragraph
/// separators and interlinear annotation marks. unicode-width gives some of them
/// width 1 (U+2028, U+FFF9), but drawn raw they can make the screen lie about
/// the text, so they get the placeholder too.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
