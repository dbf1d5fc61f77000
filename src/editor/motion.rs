//! Where each [`Motion`] takes the cursor. Pure functions of the rope, a position
//! and the [`Layout`]; the buffer owns the cursor and the sticky column.
//!
//! Words follow Unicode word boundaries (UAX #29, via unicode-segmentation), which
//! count æ, ø, å and decomposed letters as letters and keep "f.eks" together; like
//! Ctrl-Left/Right in a word processor, punctuation such as « and » is a stop of
//! its own. Word and line motions look at one or two lines; paragraph motions at
//! one paragraph; visual motions at the lines they pass.

use ropey::Rope;
use unicode_segmentation::UnicodeSegmentation;

use super::grapheme;
use super::layout::{Layout, content_end, line_content, position_in_rows};

/// A cursor movement, as bound to keys by the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motion {
    /// One grapheme back (a CRLF or decomposed "å" is one step).
    Left,
    /// One grapheme forward.
    Right,
    /// One visual (wrapped) row up, keeping the preferred column; from the
    /// first row, to the document start.
    Up,
    /// One visual row down, keeping the preferred column; from the last row, to
    /// the document end.
    Down,
    /// To the previous word start, or the start of the line.
    WordLeft,
    /// To the next word start, or the end of the line.
    WordRight,
    /// To the start of the visual row; again, to the start of the rope line.
    LineStart,
    /// To the end of the visual row; again, to the end of the rope line.
    LineEnd,
    /// To the blank line above the paragraph.
    ParagraphUp,
    /// To the blank line below the paragraph.
    ParagraphDown,
    /// `page_height` visual rows up.
    PageUp,
    /// `page_height` visual rows down.
    PageDown,
    DocStart,
    DocEnd,
}

/// Starts of the words and punctuation of `line` (not of whitespace runs), as
/// document char indices, in order.
fn word_starts(rope: &Rope, line: usize) -> Vec<usize> {
    let start = rope.line_to_char(line);
    let text = line_content(rope, line);
    let mut out = Vec::new();
    let mut chars = 0;
    for seg in text.split_word_bounds() {
        if !seg.chars().all(char::is_whitespace) {
            out.push(start + chars);
        }
        chars += seg.chars().count();
    }
    out
}

/// Ctrl-Right: the next word start on this line, else this line's end, else the
/// first word (or end) of the next line.
pub fn word_right(rope: &Rope, pos: usize) -> usize {
    let line = rope.char_to_line(pos);
    for l in line..rope.len_lines().min(line + 2) {
        let mut stops = word_starts(rope, l);
        stops.push(content_end(rope, l));
        if let Some(&s) = stops.iter().find(|&&s| s > pos) {
            return grapheme::snap_forward(rope, s);
        }
    }
    pos
}

/// Ctrl-Left: the previous word start on this line, else this line's start, else
/// the last word (or start) of the previous line.
pub fn word_left(rope: &Rope, pos: usize) -> usize {
    let line = rope.char_to_line(pos);
    for l in (line.saturating_sub(1)..=line).rev() {
        let mut stops = word_starts(rope, l);
        stops.insert(0, rope.line_to_char(l));
        if let Some(&s) = stops.iter().rev().find(|&&s| s < pos) {
            return grapheme::snap_back(rope, s);
        }
    }
    0
}

/// A line with nothing but whitespace separates paragraphs.
fn is_blank(rope: &Rope, line: usize) -> bool {
    rope.line(line).chars().all(char::is_whitespace)
}

/// To the nearest blank line above that directly precedes a paragraph (vim's
/// `{`): from inside a paragraph, the line above it; from a blank line, the one
/// above the previous paragraph. The document start if there is none.
pub fn paragraph_up(rope: &Rope, pos: usize) -> usize {
    let line = rope.char_to_line(pos);
    let mut t = line;
    while t > 0 {
        t -= 1;
        if is_blank(rope, t) && !is_blank(rope, t + 1) {
            return rope.line_to_char(t);
        }
    }
    0
}

/// To the nearest blank line below that directly follows a paragraph (vim's
/// `}`); the document end if there is none.
pub fn paragraph_down(rope: &Rope, pos: usize) -> usize {
    let line = rope.char_to_line(pos);
    for t in line + 1..rope.len_lines() {
        if is_blank(rope, t) && !is_blank(rope, t - 1) {
            return rope.line_to_char(t);
        }
    }
    rope.len_chars()
}

/// Moves `rows` visual rows (negative is up) from `pos`, landing at display
/// column `col`. Past the first row gives the document start, past the last the
/// document end, as in most editors.
pub fn visual_move(rope: &Rope, layout: &Layout, pos: usize, rows: isize, col: usize) -> usize {
    let (mut line, row, _) = layout.cursor_position(rope, pos);
    let mut row = row as isize + rows;
    loop {
        if row < 0 {
            if line == 0 {
                return 0;
            }
            line -= 1;
            row += layout.wrap_line(rope, line).len() as isize;
        } else {
            let n = layout.wrap_line(rope, line).len() as isize;
            if row < n {
                break;
            }
            if line + 1 >= rope.len_lines() {
                return rope.len_chars();
            }
            row -= n;
            line += 1;
        }
    }
    layout.char_at(rope, line, row as usize, col)
}

/// Home: the start of the visual row, or of the rope line when already there.
pub fn line_start(rope: &Rope, layout: &Layout, pos: usize) -> usize {
    let line = rope.char_to_line(pos);
    let rows = layout.wrap_line(rope, line);
    let (row, _) = position_in_rows(&rows, pos);
    match rows.get(row) {
        Some(r) if r.start != pos => r.start,
        _ => rope.line_to_char(line),
    }
}

/// End: the end of the visual row, or of the rope line when already there. A
/// wrapped row's end is the next row's start, so its "end" is before its last
/// grapheme (usually the space it broke after).
pub fn line_end(rope: &Rope, layout: &Layout, pos: usize) -> usize {
    let line = rope.char_to_line(pos);
    let rows = layout.wrap_line(rope, line);
    let (row, _) = position_in_rows(&rows, pos);
    let line_end = content_end(rope, line);
    let target = match rows.get(row) {
        Some(r) if row + 1 < rows.len() => r.cells.last().map_or(r.end, |c| c.char_idx),
        _ => line_end,
    };
    if target == pos { line_end } else { target }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stops(text: &str, f: fn(&Rope, usize) -> usize, from: usize) -> Vec<usize> {
        let rope = Rope::from_str(text);
        let mut out = vec![];
        let mut pos = from;
        loop {
            let next = f(&rope, pos);
            if next == pos {
                return out;
            }
            out.push(next);
            pos = next;
        }
    }

    #[test]
    fn word_right_stops_at_words_and_punctuation() {
        // «citat» f.eks. Åby
        // 0     67     13 15
        let text = "«citat» f.eks. Åby";
        assert_eq!(stops(text, word_right, 0), vec![1, 6, 8, 13, 15, 18]);
    }

    #[test]
    fn word_left_mirrors_word_right() {
        let text = "«citat» f.eks. Åby";
        assert_eq!(stops(text, word_left, 18), vec![15, 13, 8, 6, 1, 0]);
    }

    #[test]
    fn words_span_decomposed_letters() {
        // "bla\u{30a}bær" is one word; the cursor never stops inside it.
        let text = "bla\u{30a}bær og";
        assert_eq!(stops(text, word_right, 0), vec![8, 10]);
    }

    #[test]
    fn word_motion_crosses_lines_via_ends() {
        let text = "Åby Kommune\r\n  Bæredygtighed\n\nslut";
        // end of line 0 (11), "Bæredygtighed" (15), end of line 1 (28), blank line (29), "slut" (30), end.
        assert_eq!(stops(text, word_right, 4), vec![11, 15, 28, 29, 30, 34]);
        assert_eq!(stops(text, word_left, 34), vec![30, 29, 15, 13, 4, 0]);
    }

    #[test]
    fn paragraphs_stop_at_blank_lines() {
        let text = "a\nb\n\nc\nd\n \n\ne\n";
        let r = Rope::from_str(text);
        // Lines: 0 a, 1 b, 2 blank, 3 c, 4 d, 5 " ", 6 blank, 7 e, 8 empty.
        let line = |l: usize| r.line_to_char(l);
        assert_eq!(paragraph_down(&r, 0), line(2));
        assert_eq!(paragraph_down(&r, line(2)), line(5));
        assert_eq!(paragraph_down(&r, line(5)), line(8));
        assert_eq!(paragraph_down(&r, line(8)), r.len_chars());
        assert_eq!(paragraph_up(&r, line(7)), line(6));
        assert_eq!(paragraph_up(&r, line(6)), line(2));
        assert_eq!(paragraph_up(&r, line(4) + 1), line(2));
        assert_eq!(paragraph_up(&r, line(2)), 0);
    }

    #[test]
    fn home_and_end_go_by_visual_row_then_line() {
        let r = Rope::from_str("Bæredygtighed i Åby Kommune\n");
        let l = Layout::new(16, 10);
        // Rows: "Bæredygtighed i " (0..16), "Åby Kommune" (16..27).
        assert_eq!(line_end(&r, &l, 2), 15);
        assert_eq!(line_end(&r, &l, 15), 27);
        assert_eq!(line_start(&r, &l, 20), 16);
        assert_eq!(line_start(&r, &l, 16), 0);
        assert_eq!(line_start(&r, &l, 0), 0);
    }

    #[test]
    fn visual_moves_cross_wrapped_rows_and_lines() {
        let r = Rope::from_str("Bæredygtighed i Åby Kommune\nkort\n");
        let l = Layout::new(16, 10);
        assert_eq!(visual_move(&r, &l, 3, 1, 3), 19);
        assert_eq!(visual_move(&r, &l, 19, 1, 3), 31);
        assert_eq!(visual_move(&r, &l, 31, -2, 3), 3);
        assert_eq!(visual_move(&r, &l, 31, 5, 3), r.len_chars());
        assert_eq!(visual_move(&r, &l, 31, -5, 3), 0);
        // A short line clamps the column to its end.
        assert_eq!(visual_move(&r, &l, 10, 2, 10), 32);
    }
}
