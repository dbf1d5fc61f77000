//! Tests of what a line looks like on screen: widths, tabs, controls, wrap.

use super::*;

fn rows_text(rows: &[VisualLine]) -> Vec<String> {
    rows.iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

#[test]
fn widths_follow_unicode_width() {
    assert_eq!(display_grapheme("气", 0, 4), (Cow::Borrowed("气"), 2));
    assert_eq!(display_grapheme("気", 0, 4).1, 2);
    assert_eq!(display_grapheme("a\u{30a}", 0, 4).1, 1);
    assert_eq!(display_grapheme("\u{a0}", 0, 4), (Cow::Borrowed("\u{a0}"), 1));
    assert_eq!(display_grapheme("æ", 0, 4).1, 1);
}

#[test]
fn tabs_reach_the_next_stop() {
    assert_eq!(display_grapheme("\t", 0, 4), (Cow::Owned("    ".into()), 4));
    assert_eq!(display_grapheme("\t", 1, 4).1, 3);
    assert_eq!(display_grapheme("\t", 4, 4).1, 4);
    assert_eq!(display_grapheme("\t", 3, 0).1, 1);
    let rope = Rope::from_str("a\tb\tc");
    let rows = Layout::new(80, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["a   b   c"]);
    assert_eq!(Layout::new(80, 10).cursor_position(&rope, 2), (0, 0, 4));
    // A column inside the tab snaps to the tab.
    assert_eq!(Layout::new(80, 10).char_at(&rope, 0, 0, 2), 1);
}

#[test]
fn controls_are_carets() {
    assert_eq!(display_grapheme("\u{1b}", 0, 4), (Cow::Owned("^[".into()), 2));
    assert_eq!(display_grapheme("\u{7f}", 0, 4).0, "^?");
    assert_eq!(display_grapheme("\u{9b}", 0, 4), (Cow::Owned("<9B>".into()), 4));
    assert_eq!(display_grapheme("\u{0}", 0, 4).0, "^@");
    let rope = Rope::from_str("a\u{1b}[31mb\u{7}\n");
    let rows = Layout::new(80, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["a^[[31mb^G"]);
    assert_eq!(rows[0].end, 8);
}

#[test]
fn zero_width_gets_a_placeholder() {
    assert_eq!(display_grapheme("\u{30a}", 0, 4), (Cow::Borrowed(PLACEHOLDER), 1));
    assert_eq!(display_grapheme("\u{200b}", 0, 4).0, PLACEHOLDER);
    assert_eq!(display_grapheme("\u{200d}", 0, 4).0, PLACEHOLDER);
    assert_eq!(display_grapheme("\u{202e}", 0, 4).0, PLACEHOLDER);
    assert_eq!(display_grapheme("\u{2028}", 0, 4).0, PLACEHOLDER);
    assert_eq!(display_grapheme("\u{fff9}", 0, 4).0, PLACEHOLDER);
    assert_eq!(display_grapheme("\u{ad}", 0, 4).0, PLACEHOLDER);
    assert_eq!(PLACEHOLDER.width(), 1);
    let rope = Rope::from_str("\u{30a}x");
    let rows = Layout::new(80, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["\u{25cc}x"]);
}

#[test]
fn line_breaks_are_not_cells() {
    // Only LF and CRLF break lines (ropey without `cr_lines`); a lone CR is a
    // control character inside its line.
    let rope = Rope::from_str("ab\r\ncd\ref\n\r");
    let l = Layout::new(80, 10);
    assert_eq!(rope.len_lines(), 3);
    for (line, want, end) in [(0, "ab", 2), (1, "cd^Mef", 9), (2, "^M", 11)] {
        let rows = l.wrap_line(&rope, line);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows_text(&rows)[0], want);
        assert_eq!(rows[0].end, end);
    }
}

#[test]
fn wraps_after_whitespace() {
    let rope = Rope::from_str("Bæredygtighed i Åby Kommune");
    let l = Layout::new(16, 10);
    let rows = l.wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["Bæredygtighed i ", "Åby Kommune"]);
    assert_eq!(rows[0].end, rows[1].start);
    assert_eq!(l.cursor_position(&rope, 16), (0, 1, 0));
    assert_eq!(l.cursor_position(&rope, 27), (0, 1, 11));
}

#[test]
fn a_word_ending_at_the_edge_moves_down_rather_than_leaving_a_space_first() {
    let rope = Rope::from_str("aaa bbb ccc");
    let rows = Layout::new(7, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["aaa ", "bbb ccc"]);
}

#[test]
fn a_line_that_fills_the_width_gets_no_blank_row() {
    let rope = Rope::from_str("Vi vil have klare mål.\nKort\n");
    let l = Layout::new(22, 10);
    let rows = l.wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["Vi vil have klare mål."]);
    // The cursor after the last character is on that row, one past its last
    // column (drawn on the edge, as a terminal does after writing its last column).
    assert_eq!(l.cursor_position(&rope, 22), (0, 0, 22));
    assert_eq!(l.cursor_position(&rope, 21), (0, 0, 21));
    assert_eq!(l.char_at(&rope, 0, 0, 22), 22);
    // A wrapped line whose last row is full ends there too.
    let rope = Rope::from_str("Åby Kommune");
    let rows = Layout::new(7, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["Åby ", "Kommune"]);
    assert_eq!(Layout::new(7, 10).cursor_position(&rope, 11), (0, 1, 7));
}

/// Punctuation that closes what comes before it: no row may start with one.
const CLOSING: [&str; 8] = [".", ",", ";", ":", "!", "?", ")", "]"];
/// These close when they follow a letter, and open after a space.
const QUOTES: [&str; 4] = ["»", "«", "”", "…"];

fn assert_no_row_starts_with_closing(text: &str, widths: std::ops::RangeInclusive<usize>) {
    let rope = Rope::from_str(text);
    for width in widths {
        let rows = Layout::new(width, 10).wrap_line(&rope, 0);
        let shown = rows_text(&rows);
        for pair in rows.windows(2) {
            let first = pair[1].cells.first().map_or("", |c| c.text.as_str());
            let before = pair[0].cells.last().map_or("", |c| c.text.as_str());
            let closes = CLOSING.contains(&first) || (QUOTES.contains(&first) && before != " ");
            assert!(!closes, "width {width}: {shown:?}");
        }
        // Nothing lost: the rows still cover the line.
        assert_eq!(shown.concat(), text, "width {width}");
    }
}

#[test]
fn punctuation_stays_with_the_word_it_follows() {
    // A word cut between graphemes (it is wider than the row) keeps its period
    // and comma: "må" / "l." rather than "mål" / ". ".
    let text = "Vi vil have klare mål. Mål, som kan måles.";
    assert_no_row_starts_with_closing(text, 2..=45);
    let rows = Layout::new(3, 10).wrap_line(&Rope::from_str(text), 0);
    assert_eq!(rows_text(&rows)[6..8], ["må", "l. "]);
}

#[test]
fn a_cut_url_keeps_its_closing_period() {
    let text = "Se https://aaby.dk/klimaplan.";
    let rope = Rope::from_str(text);
    let rows = Layout::new(25, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["Se ", "https://aaby.dk/klimapla", "n."]);
    assert_no_row_starts_with_closing(text, 2..=30);
}

#[test]
fn quotes_brackets_and_stray_spaces_keep_to_their_words() {
    // Danish quotes point inwards (»…«); a quote after a letter closes. From
    // width 3, where "g«;" and "u?!" fit a row.
    assert_no_row_starts_with_closing(
        "Planen (se bilag 2) kalder det »grøn omstilling«; hvad nu?! Mål…",
        3..=70,
    );
    // A stray space before punctuation is not a place to break either (from
    // width 3, where "l ." fits).
    assert_no_row_starts_with_closing("Vi vil have klare mål . Mål , som kan måles .", 3..=50);
    // An opening bracket or quote is not left alone at the end of a cut row.
    let rope = Rope::from_str("(Klimatilpasning)");
    let rows = Layout::new(5, 10).wrap_line(&rope, 0);
    assert!(rows.iter().all(|r| r.cells.len() > 1), "{:?}", rows_text(&rows));
}

#[test]
fn no_break_after_a_non_breaking_space() {
    // "kl.\u{a0}10" and "§\u{a0}17" are kept whole, as the writer asked.
    let text = "Mødet er kl.\u{a0}10 efter §\u{a0}17 i loven";
    let rope = Rope::from_str(text);
    for width in 7..=40 {
        let rows = Layout::new(width, 10).wrap_line(&rope, 0);
        for row in &rows {
            let last = row.cells.last().map(|c| c.text.as_str());
            assert_ne!(last, Some("\u{a0}"), "width {width}: {:?}", rows_text(&rows));
        }
    }
}

#[test]
fn long_url_wraps_between_graphemes() {
    let url = format!("https://example.dk/{}", "x".repeat(581));
    assert_eq!(url.chars().count(), 600);
    let rope = Rope::from_str(&format!("Se {url} her\n"));
    let l = Layout::new(80, 10);
    let rows = l.wrap_line(&rope, 0);
    // "Se " alone, then the URL cut at 80 columns, then its tail with " her".
    assert_eq!(rows_text(&rows)[0], "Se ");
    assert!(rows[1..rows.len() - 1].iter().all(|r| r.width() == 80));
    let covered: usize = rows.iter().map(|r| r.end - r.start).sum();
    assert_eq!(covered, 3 + 600 + 4);
    assert_eq!(rows.len(), 1 + 8);
    assert!(rows_text(&rows)[8].ends_with(" her"));
}

#[test]
fn wide_characters_never_straddle_the_edge() {
    let rope = Rope::from_str("ab気気");
    let rows = Layout::new(5, 10).wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["ab気", "気"]);
    let l = Layout::new(5, 10);
    // Column 3 is the right half of 気: snaps to its start.
    assert_eq!(l.char_at(&rope, 0, 0, 3), 2);
    assert_eq!(l.cursor_position(&rope, 3), (0, 1, 0));
}

#[test]
fn tiny_widths_do_not_loop() {
    let rope = Rope::from_str("a気\tb c");
    for width in [0, 1] {
        let rows = Layout::new(width, 10).wrap_line(&rope, 0);
        assert!(rows.iter().all(|r| r.cells.len() <= 1));
        assert_eq!(rows.iter().map(|r| r.cells.len()).sum::<usize>(), 6);
    }
}

#[test]
fn char_at_clamps_and_ends_rows() {
    let rope = Rope::from_str("Åby Kommune\nx");
    let l = Layout::new(6, 10);
    // Rows: "Åby ", "Kommun", "e".
    let rows = l.wrap_line(&rope, 0);
    assert_eq!(rows_text(&rows), vec!["Åby ", "Kommun", "e"]);
    assert_eq!(l.char_at(&rope, 0, 0, 99), 3);
    assert_eq!(l.char_at(&rope, 0, 2, 99), 11);
    assert_eq!(l.char_at(&rope, 0, 9, 0), 10);
    assert_eq!(l.char_at(&rope, 7, 0, 0), 12);
}
