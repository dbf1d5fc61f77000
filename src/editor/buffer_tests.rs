//! Tests of the edit commands, motions and undo on Danish prose.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::*;

fn layout() -> Layout {
    Layout::new(80, 5)
}

/// A buffer whose clock the test advances by hand.
fn clocked(text: &str) -> (Buffer, Arc<Mutex<Instant>>) {
    let now = Arc::new(Mutex::new(Instant::now()));
    let clock_now = Arc::clone(&now);
    let clock: Clock = Arc::new(move || *clock_now.lock().unwrap_or_else(|e| e.into_inner()));
    (Buffer::with_clock(text, clock), now)
}

fn type_str(b: &mut Buffer, s: &str) {
    for c in s.chars() {
        b.insert(&c.to_string());
    }
}

#[test]
fn new_buffer_is_clean() {
    let b = Buffer::new("Åby Kommune\r\n");
    assert_eq!(b.cursor(), 0);
    assert!(!b.is_modified());
    assert_eq!(b.version(), 0);
    assert_eq!(b.len_lines(), 2);
    assert_eq!(b.selection(), None);
}

#[test]
fn text_is_preserved_byte_for_byte() {
    let text = "Åby\r\nK\tommune\u{a0}a\u{30a}\rx\n\u{1b}\r";
    let mut b = Buffer::new(text);
    b.move_cursor(Motion::DocEnd, false, &layout());
    b.insert("!");
    b.backspace();
    assert_eq!(b.text(), text);
    assert!(!b.is_modified());
}

#[test]
fn left_right_step_over_decomposed_letters() {
    let mut b = Buffer::new("ka\u{30a}l");
    let l = layout();
    b.move_cursor(Motion::Right, false, &l);
    assert_eq!(b.cursor(), 1);
    b.move_cursor(Motion::Right, false, &l);
    assert_eq!(b.cursor(), 3);
    assert_eq!(b.line_col(), (0, 2));
    b.move_cursor(Motion::Left, false, &l);
    assert_eq!(b.cursor(), 1);
    b.set_cursor(2, false);
    assert_eq!(b.cursor(), 1);
}

#[test]
fn backspace_removes_decomposed_letter_whole() {
    let mut b = Buffer::new("ka\u{30a}l");
    b.set_cursor(3, false);
    b.backspace();
    assert_eq!(b.text(), "kl");
    assert_eq!(b.cursor(), 1);
    b.delete_forward();
    assert_eq!(b.text(), "k");
}

#[test]
fn crlf_is_one_grapheme() {
    let mut b = Buffer::new("Åby\r\nKommune\r\n");
    b.set_cursor(5, false);
    assert_eq!(b.line_col(), (1, 0));
    b.backspace();
    assert_eq!(b.text(), "ÅbyKommune\r\n");
    assert_eq!(b.cursor(), 3);
    b.move_cursor(Motion::LineEnd, false, &layout());
    b.delete_forward();
    assert_eq!(b.text(), "ÅbyKommune");
    assert!(b.undo());
    assert!(b.undo());
    assert_eq!(b.text(), "Åby\r\nKommune\r\n");
    assert_eq!(b.cursor(), 5);
}

#[test]
fn newline_follows_the_line_style() {
    let mut b = Buffer::new("Åby\r\nKommune");
    b.set_cursor(2, false);
    b.insert_newline();
    assert_eq!(b.text(), "Åb\r\ny\r\nKommune");
    assert_eq!(b.cursor(), 4);
    b.move_cursor(Motion::DocEnd, false, &layout());
    b.insert_newline();
    assert_eq!(b.text(), "Åb\r\ny\r\nKommune\r\n");
    let mut b = Buffer::new("Åby\nKommune");
    b.move_cursor(Motion::DocEnd, false, &layout());
    b.insert_newline();
    assert_eq!(b.text(), "Åby\nKommune\n");
}

/// A terminal pastes lines ending in CR, Windows copies CR LF: pasted line
/// breaks become the document's own, in one undo step.
#[test]
fn pasted_line_breaks_become_the_documents_own() {
    let mut b = Buffer::new("Åby\nKommune\n");
    b.set_cursor(4, false);
    b.paste("Første\rAnden\r\nTredje\n");
    assert_eq!(b.text(), "Åby\nFørste\nAnden\nTredje\nKommune\n");
    assert!(b.undo());
    assert_eq!(b.text(), "Åby\nKommune\n");
    let mut b = Buffer::new("Åby\r\nKommune\r\n");
    b.set_cursor(5, false);
    b.paste("Første\rAnden\nTredje\r\n");
    assert_eq!(b.text(), "Åby\r\nFørste\r\nAnden\r\nTredje\r\nKommune\r\n");
    // Text without breaks goes in as it is.
    b.paste("x\ty");
    assert!(b.text().contains("x\ty"));
}

#[test]
fn inserting_a_combining_mark_keeps_the_cursor_on_a_boundary() {
    let mut b = Buffer::new("\u{30a}x");
    b.insert("a");
    // "a" joined the ring into one grapheme; the cursor goes after it.
    assert_eq!(b.cursor(), 2);
    // Deleting "X" joins a lone CR and LF into one CRLF grapheme.
    let mut b = Buffer::new("a\rX\nb");
    b.set_cursor(3, false);
    b.backspace();
    assert_eq!(b.text(), "a\r\nb");
    assert_eq!(b.cursor(), 1);
}

#[test]
fn selection_is_replaced_by_typing() {
    let mut b = Buffer::new("Bæredygtighed i Åby");
    b.set_cursor(0, false);
    b.move_cursor(Motion::WordRight, true, &layout());
    assert_eq!(b.selection(), Some(0..14));
    assert_eq!(b.copy().as_deref(), Some("Bæredygtighed "));
    type_str(&mut b, "Grøn ");
    assert_eq!(b.text(), "Grøn i Åby");
    assert_eq!(b.selection(), None);
    assert!(b.undo());
    assert_eq!(b.text(), "Bæredygtighed i Åby");
    assert_eq!(b.selection(), Some(0..14));
}

#[test]
fn left_right_collapse_a_selection() {
    let mut b = Buffer::new("«citat»");
    b.select(1..6);
    b.move_cursor(Motion::Left, false, &layout());
    assert_eq!((b.cursor(), b.selection()), (1, None));
    b.select(1..6);
    b.move_cursor(Motion::Right, false, &layout());
    assert_eq!((b.cursor(), b.selection()), (6, None));
}

#[test]
fn cut_and_paste() {
    let mut b = Buffer::new("f.eks. Åby");
    b.select(0..7);
    assert_eq!(b.cut().as_deref(), Some("f.eks. "));
    assert_eq!(b.text(), "Åby");
    assert_eq!(b.cut(), None);
    b.move_cursor(Motion::DocEnd, false, &layout());
    b.paste(" f.eks.");
    assert_eq!(b.text(), "Åby f.eks.");
    assert_eq!(b.cursor(), 10);
    assert!(b.undo());
    assert_eq!(b.text(), "Åby");
    assert!(b.undo());
    assert_eq!(b.text(), "f.eks. Åby");
    assert!(!b.undo());
}

#[test]
fn delete_word_back_takes_a_word_and_its_space() {
    let mut b = Buffer::new("Åby Kommune «citat»\nx");
    b.set_cursor(19, false);
    b.delete_word_back();
    assert_eq!(b.text(), "Åby Kommune «citat\nx");
    b.delete_word_back();
    assert_eq!(b.text(), "Åby Kommune «\nx");
    b.delete_word_back();
    b.delete_word_back();
    assert_eq!(b.text(), "Åby \nx");
    b.set_cursor(5, false);
    b.delete_word_back();
    assert_eq!(b.text(), "Åby x");
}

#[test]
fn delete_line_returns_the_line() {
    let mut b = Buffer::new("første\r\nanden\r\ntredje");
    b.set_cursor(10, false);
    assert_eq!(b.delete_line(), "anden\r\n");
    assert_eq!(b.text(), "første\r\ntredje");
    assert_eq!(b.cursor(), 8);
    assert_eq!(b.delete_line(), "tredje\r\n");
    assert_eq!(b.text(), "første");
    assert_eq!(b.cursor(), 0);
    assert_eq!(b.delete_line(), "første");
    assert_eq!(b.text(), "");
    assert_eq!(b.delete_line(), "");
    assert!(b.undo());
    assert!(b.undo());
    assert!(b.undo());
    assert_eq!(b.text(), "første\r\nanden\r\ntredje");
    assert_eq!(b.cursor(), 10);
}

#[test]
fn typing_undoes_word_by_word() {
    let (mut b, _) = clocked("");
    type_str(&mut b, "hej med dig");
    assert!(b.undo());
    assert_eq!(b.text(), "hej med ");
    assert_eq!(b.cursor(), 8);
    assert!(b.undo());
    assert_eq!(b.text(), "hej ");
    assert!(b.undo());
    assert_eq!(b.text(), "");
    assert!(!b.undo());
    assert!(b.redo());
    assert!(b.redo());
    assert!(b.redo());
    assert_eq!(b.text(), "hej med dig");
    assert_eq!(b.cursor(), 11);
    assert!(!b.redo());
}

#[test]
fn punctuation_ends_a_group_like_whitespace() {
    let (mut b, _) = clocked("");
    type_str(&mut b, "f.eks. «citat»");
    let mut texts = vec![b.text()];
    while b.undo() {
        texts.push(b.text());
    }
    assert_eq!(texts, vec!["f.eks. «citat»", "f.eks. «", "f.", ""]);
}

#[test]
fn a_pause_or_motion_or_switch_ends_a_group() {
    let (mut b, now) = clocked("");
    type_str(&mut b, "Bære");
    *now.lock().unwrap_or_else(|e| e.into_inner()) += Duration::from_millis(1500);
    type_str(&mut b, "dygtig");
    b.move_cursor(Motion::Left, false, &layout());
    b.move_cursor(Motion::Right, false, &layout());
    type_str(&mut b, "hed");
    b.backspace();
    b.backspace();
    let mut texts = vec![b.text()];
    while b.undo() {
        texts.push(b.text());
    }
    assert_eq!(
        texts,
        vec!["Bæredygtigh", "Bæredygtighed", "Bæredygtig", "Bære", ""]
    );
}

#[test]
fn break_undo_group_splits_typing() {
    let (mut b, _) = clocked("");
    type_str(&mut b, "Å");
    b.break_undo_group();
    type_str(&mut b, "by");
    assert!(b.undo());
    assert_eq!(b.text(), "Å");
}

#[test]
fn undo_does_not_copy_the_document() {
    // 10,000 lines in paragraphs of four; each step holds only what the
    // keystroke changed, and no keystroke or motion reads the whole document.
    let text = "Bæredygtighed i Åby Kommune, f.eks. «citat».\n".repeat(4) + "\n";
    let text = text.repeat(2_000);
    let mut b = Buffer::new(&text);
    let l = layout();
    b.set_cursor(b.rope().line_to_char(5_000), false);
    for _ in 0..200 {
        type_str(&mut b, "ny ");
        b.delete_forward();
        b.move_cursor(Motion::Down, false, &l);
        b.move_cursor(Motion::WordRight, false, &l);
        b.move_cursor(Motion::ParagraphDown, false, &l);
        b.move_cursor(Motion::ParagraphUp, false, &l);
        let _ = b.is_modified();
    }
    // What undo keeps is what the keystrokes changed, not copies of the
    // text (how long it takes is benches' business: a timing here failed
    // on a loaded machine).
    assert!(b.history().stored_chars() < 1_000);
    while b.undo() {}
    assert_eq!(b.text(), text);
}

#[test]
fn buffer_can_move_to_another_thread() {
    fn is_send<T: Send>() {}
    is_send::<Buffer>();
}

#[test]
fn modified_tracks_the_text_not_the_history() {
    let mut b = Buffer::new("Åby");
    b.insert("x");
    assert!(b.is_modified());
    b.backspace();
    assert!(!b.is_modified());
    b.insert("y");
    b.mark_saved();
    assert!(!b.is_modified());
    let v = b.version();
    assert!(b.undo());
    assert!(b.is_modified());
    assert!(b.version() > v);
    assert!(b.redo());
    assert!(!b.is_modified());
}

#[test]
fn find_wraps_with_smart_case() {
    let mut b = Buffer::new("Åby Kommune\nI åby bor vi.\nÅBY");
    assert_eq!(b.find("åby", 0, true), Some(0..3));
    assert_eq!(b.find("åby", 1, true), Some(14..17));
    assert_eq!(b.find("åby", 18, true), Some(26..29));
    assert_eq!(b.find("åby", 27, true), Some(0..3));
    assert_eq!(b.find("Åby", 1, true), Some(0..3));
    assert_eq!(b.find("åby", 0, false), Some(26..29));
    let m = b.find("kommune", 0, true);
    assert_eq!(m, Some(4..11));
    b.select(4..11);
    b.replace_selection("Region");
    assert_eq!(b.text(), "Åby Region\nI åby bor vi.\nÅBY");
    assert_eq!(b.cursor(), 10);
}

#[test]
fn replace_all_is_one_undo_step() {
    let mut b = Buffer::new("Åby og åby og ÅBY\r\nåby");
    b.set_cursor(20, false);
    assert_eq!(b.replace_all("åby", "Aabenraa"), 4);
    assert_eq!(b.text(), "Aabenraa og Aabenraa og Aabenraa\r\nAabenraa");
    // The cursor was inside the last match: it goes to the end of its replacement.
    assert_eq!(b.cursor(), 42);
    assert_eq!(b.replace_all("Åby", "x"), 0);
    assert!(b.undo());
    assert_eq!(b.text(), "Åby og åby og ÅBY\r\nåby");
    assert_eq!(b.cursor(), 20);
    assert!(!b.undo());
    assert!(b.redo());
    assert_eq!(b.text(), "Aabenraa og Aabenraa og Aabenraa\r\nAabenraa");
}

#[test]
fn up_down_keep_a_sticky_column_across_short_lines() {
    let mut b = Buffer::new("Bæredygtighed\nÅby\nKommunen er stor");
    let l = layout();
    b.set_cursor(10, false);
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.cursor(), 17);
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.cursor(), 28);
    b.move_cursor(Motion::Up, false, &l);
    b.move_cursor(Motion::Up, false, &l);
    assert_eq!(b.cursor(), 10);
}

#[test]
fn up_down_move_by_visual_rows() {
    let mut b = Buffer::new("Bæredygtighed i Åby Kommune\nslut");
    let l = Layout::new(16, 5);
    b.set_cursor(2, false);
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.cursor(), 18);
    assert_eq!(b.line_col(), (0, 18));
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.cursor(), 30);
    b.move_cursor(Motion::Down, true, &l);
    assert_eq!(b.cursor(), 32);
    assert_eq!(b.selection(), Some(30..32));
}

#[test]
fn up_down_with_wide_characters_and_tabs() {
    let mut b = Buffer::new("気気気\n\tabc\nabcdef");
    let l = layout();
    b.set_cursor(1, false); // column 2
    b.move_cursor(Motion::Down, false, &l);
    // Column 2 is inside the tab: snaps to it.
    assert_eq!(b.cursor(), 4);
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.cursor(), 11);
    b.set_cursor(11, false); // column 2 of "abcdef"
    b.move_cursor(Motion::Up, false, &l);
    b.move_cursor(Motion::Up, false, &l);
    assert_eq!(b.cursor(), 1);
}

#[test]
fn page_moves_by_page_height() {
    let text: String = (0..20).map(|i| format!("linje {i}\n")).collect();
    let mut b = Buffer::new(&text);
    let l = Layout::new(80, 5);
    b.set_cursor(2, false);
    b.move_cursor(Motion::PageDown, false, &l);
    assert_eq!(b.line_col(), (5, 2));
    b.move_cursor(Motion::PageDown, false, &l);
    assert_eq!(b.line_col(), (10, 2));
    b.move_cursor(Motion::PageUp, false, &l);
    assert_eq!(b.line_col(), (5, 2));
    b.move_cursor(Motion::DocEnd, false, &l);
    assert_eq!(b.cursor(), text.chars().count());
    b.move_cursor(Motion::DocStart, true, &l);
    assert_eq!(b.selection(), Some(0..text.chars().count()));
}

#[test]
fn paragraph_motion_in_a_buffer() {
    let mut b = Buffer::new("Åby\nKommune\n\nf.eks.\n\n«citat»");
    let l = layout();
    b.move_cursor(Motion::ParagraphDown, false, &l);
    assert_eq!(b.line_col(), (2, 0));
    b.move_cursor(Motion::ParagraphDown, false, &l);
    assert_eq!(b.line_col(), (4, 0));
    b.move_cursor(Motion::ParagraphDown, false, &l);
    assert_eq!(b.cursor(), b.rope().len_chars());
    b.move_cursor(Motion::ParagraphUp, false, &l);
    assert_eq!(b.line_col(), (4, 0));
}

#[test]
fn word_motion_in_a_buffer() {
    let mut b = Buffer::new("Åby Kommune «citat»");
    let l = layout();
    b.move_cursor(Motion::WordRight, false, &l);
    assert_eq!(b.cursor(), 4);
    b.move_cursor(Motion::WordRight, false, &l);
    assert_eq!(b.cursor(), 12);
    b.move_cursor(Motion::WordRight, false, &l);
    assert_eq!(b.cursor(), 13);
    b.move_cursor(Motion::WordLeft, false, &l);
    assert_eq!(b.cursor(), 12);
}

#[test]
fn control_characters_are_carets_in_the_buffer_layout() {
    let b = Buffer::new("a\u{1b}[2Jb\u{9b}c");
    let rows = layout().wrap_line(b.rope(), 0);
    let shown: String = rows[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(shown, "a^[[2Jb<9B>c");
    assert_eq!(layout().cursor_position(b.rope(), 2), (0, 0, 3));
}

#[test]
fn set_cursor_clamps() {
    let mut b = Buffer::new("Åby");
    b.set_cursor(99, false);
    assert_eq!(b.cursor(), 3);
    b.select(0..99);
    assert_eq!(b.selection(), Some(0..3));
    b.clear_selection();
    assert_eq!(b.selection(), None);
}

#[test]
fn a_line_that_fills_the_width_has_no_row_for_the_cursor_to_stop_on() {
    // Line 1 is exactly 22 columns: one row, and Up/Down/End/Home move over it
    // as over any other line.
    let mut b = Buffer::new("Indledning til planen\nVi vil have klare mål.\nKort\n");
    let l = Layout::new(22, 5);
    let line1 = b.rope().line_to_char(1);
    b.set_cursor(5, false);
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.cursor(), line1 + 5);
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(
        b.line_col(),
        (2, 4),
        "down from a full line goes to the next line"
    );
    b.move_cursor(Motion::Up, false, &l);
    assert_eq!(b.cursor(), line1 + 5);
    // End: after the period; Down keeps that column, clamped to "Kort", and Up
    // comes back to the end of the full line.
    b.move_cursor(Motion::LineEnd, false, &l);
    assert_eq!(b.cursor(), line1 + 22);
    assert_eq!(l.cursor_position(b.rope(), b.cursor()), (1, 0, 22));
    b.move_cursor(Motion::Down, false, &l);
    assert_eq!(b.line_col(), (2, 4));
    b.move_cursor(Motion::Up, false, &l);
    assert_eq!(b.cursor(), line1 + 22);
    b.move_cursor(Motion::Up, false, &l);
    assert_eq!(b.line_col(), (0, 21), "the sticky column clamps to line 0's end");
    b.move_cursor(Motion::Down, false, &l);
    b.move_cursor(Motion::LineStart, false, &l);
    assert_eq!(b.cursor(), line1);
    b.move_cursor(Motion::Up, false, &l);
    assert_eq!(b.cursor(), 0);
}
