//! Property tests: undo and redo are exact, the cursor never leaves a grapheme
//! boundary, and wrapping covers a line exactly once within the width.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use ropey::Rope;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::*;

/// Pieces that stress graphemes, line breaks, widths and word boundaries.
const PIECES: &[&str] = &[
    "a",
    "b",
    "Å",
    "æ",
    "ø",
    "a\u{30a}",
    "\u{30a}",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "气",
    "«",
    "»",
    ".",
    ",",
    "\u{1b}",
    "\u{200b}",
    "\u{9b}",
    "🇩🇰",
    "👍🏽",
    "f.eks.",
    "Bæredygtighed",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn short_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..4).prop_map(|p| p.concat())
}

const MOTIONS: &[Motion] = &[
    Motion::Left,
    Motion::Right,
    Motion::Up,
    Motion::Down,
    Motion::WordLeft,
    Motion::WordRight,
    Motion::LineStart,
    Motion::LineEnd,
    Motion::ParagraphUp,
    Motion::ParagraphDown,
    Motion::PageUp,
    Motion::PageDown,
    Motion::DocStart,
    Motion::DocEnd,
];

#[derive(Debug, Clone)]
enum Op {
    Insert(String),
    Newline,
    Backspace,
    DeleteForward,
    DeleteWordBack,
    DeleteLine,
    Cut,
    Paste(String),
    ReplaceSelection(String),
    ReplaceAll(String, String),
    Move(Motion, bool),
    SetCursor(usize, bool),
    Select(usize, usize),
    BreakGroup,
    Wait,
    Undo,
    Redo,
}

fn edit_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => short_text().prop_map(Op::Insert),
        1 => Just(Op::Newline),
        2 => Just(Op::Backspace),
        2 => Just(Op::DeleteForward),
        1 => Just(Op::DeleteWordBack),
        1 => Just(Op::DeleteLine),
        1 => Just(Op::Cut),
        1 => short_text().prop_map(Op::Paste),
        1 => short_text().prop_map(Op::ReplaceSelection),
        1 => (prop::sample::select(PIECES), short_text()).prop_map(|(n, w)| Op::ReplaceAll(n.to_owned(), w)),
        4 => (prop::sample::select(MOTIONS), any::<bool>()).prop_map(|(m, e)| Op::Move(m, e)),
        2 => (0usize..200, any::<bool>()).prop_map(|(i, e)| Op::SetCursor(i, e)),
        1 => (0usize..200, 0usize..200).prop_map(|(a, b)| Op::Select(a, b)),
        1 => Just(Op::BreakGroup),
        1 => Just(Op::Wait),
    ]
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![8 => edit_op(), 1 => Just(Op::Undo), 1 => Just(Op::Redo)]
}

fn layout() -> impl Strategy<Value = Layout> {
    (0usize..30, 1usize..6, 0usize..5).prop_map(|(w, p, t)| Layout {
        width: w,
        page_height: p,
        tab_width: t,
    })
}

/// A buffer with a clock the test advances.
fn buffer(text: &str) -> (Buffer, Arc<Mutex<Instant>>) {
    let now = Arc::new(Mutex::new(Instant::now()));
    let clock_now = Arc::clone(&now);
    let clock: Clock = Arc::new(move || *clock_now.lock().unwrap_or_else(|e| e.into_inner()));
    (Buffer::with_clock(text, clock), now)
}

fn apply(b: &mut Buffer, now: &Mutex<Instant>, op: &Op, layout: &Layout) {
    match op {
        Op::Insert(s) => b.insert(s),
        Op::Newline => b.insert_newline(),
        Op::Backspace => b.backspace(),
        Op::DeleteForward => b.delete_forward(),
        Op::DeleteWordBack => b.delete_word_back(),
        Op::DeleteLine => {
            b.delete_line();
        }
        Op::Cut => {
            b.cut();
        }
        Op::Paste(s) => b.paste(s),
        Op::ReplaceSelection(s) => b.replace_selection(s),
        Op::ReplaceAll(n, w) => {
            b.replace_all(n, w);
        }
        Op::Move(m, extend) => b.move_cursor(*m, *extend, layout),
        Op::SetCursor(i, extend) => b.set_cursor(*i, *extend),
        Op::Select(a, c) => b.select(*a..*c),
        Op::BreakGroup => b.break_undo_group(),
        Op::Wait => *now.lock().unwrap_or_else(|e| e.into_inner()) += Duration::from_secs(2),
        Op::Undo => {
            b.undo();
        }
        Op::Redo => {
            b.redo();
        }
    }
}

/// Char indices where graphemes of `text` start, plus its end.
fn boundaries(text: &str) -> BTreeSet<usize> {
    let mut out = BTreeSet::from([0]);
    let mut at = 0;
    for g in text.graphemes(true) {
        at += g.chars().count();
        out.insert(at);
    }
    out
}

proptest! {
    // Failures are not persisted: proptest would write them outside src/editor.
    // A failure prints its minimal input; turn it into a unit test instead.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_restores_the_original(
        original in text(),
        ops in prop::collection::vec(any_op(), 0..40),
        layout in layout(),
    ) {
        let (mut b, now) = buffer(&original);
        for op in &ops {
            apply(&mut b, &now, op, &layout);
        }
        while b.undo() {}
        prop_assert_eq!(b.text(), original);
        prop_assert!(!b.is_modified());
    }

    #[test]
    fn cursor_stays_on_a_grapheme_boundary(
        original in text(),
        ops in prop::collection::vec(any_op(), 0..40),
        layout in layout(),
    ) {
        let (mut b, now) = buffer(&original);
        for op in &ops {
            apply(&mut b, &now, op, &layout);
            let text = b.text();
            let bounds = boundaries(&text);
            prop_assert!(bounds.contains(&b.cursor()), "cursor {} in {:?} after {:?}", b.cursor(), text, op);
            if let Some(sel) = b.selection() {
                prop_assert!(bounds.contains(&sel.start) && bounds.contains(&sel.end), "selection {:?} in {:?}", sel, text);
            }
            prop_assert_eq!(b.rope().len_chars(), text.chars().count());
        }
    }

    #[test]
    fn redo_after_undo_all_returns_the_final_text(
        original in text(),
        ops in prop::collection::vec(edit_op(), 0..40),
        layout in layout(),
    ) {
        let (mut b, now) = buffer(&original);
        for op in &ops {
            apply(&mut b, &now, op, &layout);
        }
        let last = b.text();
        while b.undo() {}
        prop_assert_eq!(b.text(), original);
        while b.redo() {}
        prop_assert_eq!(b.text(), last);
    }

    #[test]
    fn wrap_covers_each_char_once_within_the_width(
        line in text(),
        width in 2usize..40,
        tab_width in 0usize..9,
    ) {
        let rope = Rope::from_str(&line);
        let layout = Layout { width, page_height: 10, tab_width };
        for l in 0..rope.len_lines() {
            let rows = layout.wrap_line(&rope, l);
            prop_assert!(!rows.is_empty());
            let content = layout::line_content(&rope, l);
            let start = rope.line_to_char(l);
            // Each cell is one grapheme of the line, in order, none skipped.
            let mut graphemes = content.graphemes(true);
            let mut at = start;
            prop_assert_eq!(rows[0].start, start);
            for (i, row) in rows.iter().enumerate() {
                prop_assert_eq!(row.line, l);
                prop_assert_eq!(row.start, at);
                for cell in &row.cells {
                    prop_assert_eq!(cell.char_idx, at);
                    let g = graphemes.next();
                    prop_assert!(g.is_some());
                    at += g.map_or(0, |g| g.chars().count());
                    prop_assert_eq!(cell.width, cell.text.width(), "cell {:?}", cell);
                    prop_assert!(cell.width > 0);
                    prop_assert!(!cell.text.chars().any(char::is_control));
                }
                prop_assert_eq!(row.end, at);
                if let Some(next) = rows.get(i + 1) {
                    prop_assert_eq!(next.start, row.end);
                }
                prop_assert!(row.width() <= width || row.cells.len() == 1, "row {:?} wider than {}", row, width);
            }
            prop_assert_eq!(graphemes.next(), None);
            prop_assert_eq!(at, start + content.chars().count());
            // Every cursor position maps to a cell and back.
            for &pos in &boundaries(&content) {
                let (pl, row, col) = layout.cursor_position(&rope, start + pos);
                prop_assert_eq!(pl, l);
                prop_assert_eq!(layout.char_at(&rope, l, row, col), start + pos);
            }
        }
    }
}
