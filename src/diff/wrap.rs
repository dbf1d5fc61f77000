//! One row of a diff wrapped into screen rows of a given width, for the
//! history screen and `udkast diff --side-by-side` alike, so a paragraph
//! written as one long line shows every changed word instead of being cut.
//!
//! Rows end where `text::breaks` allows (after whitespace, never before the
//! punctuation that closes a word), the editor's rules; a word wider than a
//! row is cut between graphemes. Widths are display widths (unicode-width, as
//! ratatui counts them): a wide letter never straddles the edge. Text is made
//! inert and its tabs expanded before it is measured, so what is measured is
//! what is printed.
//!
//! Changed words may be marked with characters (`[-removed-]{+added+}`, where
//! there is no colour): the wrap then counts the marks too, and every row
//! holds its own pieces, so a caller that puts marks around each changed piece
//! of a row closes a mark at the row's end and opens it again on the next.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Tag;
use crate::text::breaks::{Break, breaks, is_space};
use crate::text::inert;

/// Columns a tab takes in a diff (the editor's default tab width).
const TAB: &str = "    ";

/// The characters that mark a changed piece where there is no colour.
pub fn marks(tag: Tag) -> (&'static str, &'static str) {
    match tag {
        Tag::Removed => ("[-", "-]"),
        Tag::Added => ("{+", "+}"),
        Tag::Same => ("", ""),
    }
}

/// Columns the two marks of one changed piece take.
const MARKS: usize = 4;

/// A row's text as a terminal may show it: tabs as spaces, control, zero-width
/// and bidirectional characters in a visible form.
pub fn shown(text: &str) -> String {
    inert(&text.replace('\t', TAB)).into_owned()
}

/// One grapheme as shown, with its tag and width.
struct Cell<'a> {
    tag: Tag,
    text: &'a str,
    width: usize,
}

/// Wraps `spans` (one line of text, its pieces tagged) into rows of at most
/// `width` columns, each row its pieces with their tags and the text as shown
/// (see [`shown`]). With `marked`, each changed piece on a row takes four more
/// columns, for the marks of [`marks`] around it. Whitespace at a row's end is
/// dropped and a continued row starts at a word. Always at least one row (an
/// empty line is an empty row).
pub fn wrap(spans: &[(Tag, String)], width: usize, marked: bool) -> Vec<Vec<(Tag, String)>> {
    let shown: Vec<(Tag, String)> = spans.iter().map(|(tag, text)| (*tag, shown(text))).collect();
    let cells: Vec<Cell<'_>> = shown
        .iter()
        .flat_map(|(tag, text)| {
            text.graphemes(true).map(|g| Cell {
                tag: *tag,
                text: g,
                width: g.width(),
            })
        })
        .collect();
    let texts: Vec<&str> = cells.iter().map(|c| c.text).collect();
    let mut breaks = breaks(&texts);
    // Removed words right before added ones ("oliefyrolie- og" in colour)
    // are two words, however close they stand: a row may end between them.
    for j in 1..cells.len() {
        let (before, at) = (cells[j - 1].tag, cells[j].tag);
        if before != at && before != Tag::Same && at != Tag::Same && breaks[j] == Break::Inside {
            breaks[j] = Break::Space;
        }
    }
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut from = 0;
    while from < cells.len() {
        let (end, next) = fill(&cells, &breaks, from, width, marked);
        rows.push(pieces(&cells[from..end]));
        from = next;
    }
    if rows.is_empty() {
        rows.push(Vec::new());
    }
    rows
}

/// The row starting at cell `from`: where its text ends and where the next
/// row starts (past whitespace that ran over the edge). Always takes at least
/// one cell, so wrapping ends. A word wider than the row is cut where it
/// overflows, or after a mark inside it (`.`, `/`, `_`) in the row's second half.
fn fill(cells: &[Cell<'_>], breaks: &[Break], from: usize, width: usize, marked: bool) -> (usize, usize) {
    let mut col = 0;
    // The tag of the piece the row ends in so far: a changed piece that goes
    // on needs no second pair of marks.
    let mut open = None;
    // As the editor's rows (`editor::Layout`): the last place the row may end
    // by choice, the last place a word too wide for a row may be cut, and the
    // end of the row's leading whitespace.
    let (mut opportunity, mut cut, mut after_lead) = (None, None, None);
    // Of the cuts, the last after a mark inside the word, in the row's second
    // half: a file name or a web address reads better cut after its `.`, `/`
    // or `_` ("Aaby_Strategi_A4_v3." / "dotx").
    let mut mark_cut = None;
    let mut seen_word = false;
    for (j, cell) in cells.iter().enumerate().skip(from) {
        if j > from {
            match breaks[j] {
                Break::Space if seen_word => opportunity = Some(j),
                Break::Space => after_lead = Some(j),
                Break::Inside => {
                    cut = Some(j);
                    let after_mark = cells[j - 1].text.chars().all(|c| !c.is_alphanumeric());
                    if after_mark && 2 * col >= width {
                        mark_cut = Some(j);
                    }
                }
                Break::Never => {}
            }
        }
        let space = is_space(cell.text);
        let extra = if marked && cell.tag != Tag::Same && open != Some(cell.tag) {
            MARKS
        } else {
            0
        };
        if col + cell.width + extra > width && j > from {
            if space && seen_word {
                // Whitespace past the edge is not shown: the row ends here,
                // unless what follows the spaces belongs to the word before
                // ("mål ." stays whole).
                let next = (j..cells.len())
                    .find(|&k| !is_space(cells[k].text))
                    .unwrap_or(cells.len());
                if next == cells.len() || breaks[next] == Break::Space {
                    return (j, next);
                }
            }
            let at = opportunity.or(mark_cut).or(cut).or(after_lead).unwrap_or(j);
            return (at, at);
        }
        col += cell.width + extra;
        open = Some(cell.tag);
        seen_word |= !space;
    }
    (cells.len(), cells.len())
}

/// The cells of one row as pieces of one tag each, without trailing whitespace.
fn pieces(cells: &[Cell<'_>]) -> Vec<(Tag, String)> {
    let mut out: Vec<(Tag, String)> = Vec::new();
    for cell in cells {
        match out.last_mut() {
            Some((tag, text)) if *tag == cell.tag => text.push_str(cell.text),
            _ => out.push((cell.tag, cell.text.to_string())),
        }
    }
    while let Some((_, text)) = out.last_mut() {
        let kept = text
            .trim_end_matches(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
            .len();
        text.truncate(kept);
        if !text.is_empty() {
            break;
        }
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows as text, changed pieces marked.
    fn marked(spans: &[(Tag, &str)], width: usize) -> Vec<String> {
        let spans: Vec<(Tag, String)> = spans.iter().map(|(t, s)| (*t, s.to_string())).collect();
        wrap(&spans, width, true)
            .iter()
            .map(|row| {
                row.iter()
                    .map(|(tag, text)| {
                        let (open, close) = marks(*tag);
                        format!("{open}{text}{close}")
                    })
                    .collect()
            })
            .collect()
    }

    fn plain(text: &str, width: usize) -> Vec<String> {
        marked(&[(Tag::Same, text)], width)
    }

    #[test]
    fn rows_end_after_whitespace_and_keep_punctuation_with_its_word() {
        assert_eq!(
            plain("Vi vil have klare mål. Mål, som kan måles.", 20),
            ["Vi vil have klare", "mål. Mål, som kan", "måles."]
        );
        // "mål ." stays whole: the stray space before the period is no break.
        assert_eq!(plain("nå vores mål . Og", 13), ["nå vores", "mål . Og"]);
        // A word wider than the row is cut between graphemes, after a mark
        // inside it if there is one in the row's second half.
        assert_eq!(
            plain("https://aaby.dk/strategi", 10),
            ["https://", "aaby.dk/", "strategi"]
        );
        assert_eq!(
            plain("Aaby_Strategi_A4_v3.dotx", 22),
            ["Aaby_Strategi_A4_v3.", "dotx"]
        );
        assert_eq!(
            plain("Bæredygtighedsstrategien", 10),
            ["Bæredygtig", "hedsstrate", "gien"]
        );
        assert_eq!(plain("", 10), [""]);
        assert_eq!(plain("slut   ", 4), ["slut"]);
    }

    #[test]
    fn a_mark_across_a_row_end_is_closed_and_opened_again() {
        let spans = [
            (Tag::Same, "Målet er "),
            (Tag::Removed, "en reduktion på halvdelen"),
            (Tag::Added, "at halvere udledningen"),
            (Tag::Same, " inden 2030."),
        ];
        let rows = marked(&spans, 22);
        assert_eq!(
            rows,
            [
                "Målet er [-en-]",
                "[-reduktion på-]",
                "[-halvdelen-]{+at+}",
                "{+halvere+}",
                "{+udledningen+} inden",
                "2030."
            ]
        );
        for width in 8..60 {
            for row in marked(&spans, width) {
                assert!(row.width() <= width, "{width}: {row:?}");
                assert_eq!(row.matches("[-").count(), row.matches("-]").count(), "{row:?}");
                assert_eq!(row.matches("{+").count(), row.matches("+}").count(), "{row:?}");
                assert!(!row.ends_with(' ') && !row.starts_with(' '), "{row:?}");
            }
        }
    }

    #[test]
    fn a_row_may_end_between_removed_and_added_words() {
        let spans = [
            (Tag::Same, "fri for "),
            (Tag::Removed, "oliefyr"),
            (Tag::Added, "olie- og naturgasfyr"),
        ];
        let spans: Vec<(Tag, String)> = spans.iter().map(|(t, s)| (*t, s.to_string())).collect();
        let rows: Vec<String> = wrap(&spans, 16, false)
            .iter()
            .map(|row| row.iter().map(|(_, text)| text.as_str()).collect())
            .collect();
        assert_eq!(rows, ["fri for oliefyr", "olie- og", "naturgasfyr"]);
    }

    #[test]
    fn wide_letters_are_never_split_nor_past_the_edge() {
        let text = "気候変動への適応 and 🌍🌍🌍 klima";
        for width in 2..30 {
            let rows = plain(text, width);
            for row in &rows {
                assert!(row.width() <= width, "{width}: {rows:?}");
            }
            assert_eq!(rows.concat().replace(' ', ""), text.replace(' ', ""));
        }
        assert_eq!(plain("気候変動", 5), ["気候", "変動"]);
    }

    #[test]
    fn messy_text_is_shown_inert_and_measured_as_shown() {
        let text = "a\tb\u{1b}[31m c\u{202e}d\u{200b}e\u{a0}f\r";
        let rows = plain(text, 80);
        assert_eq!(rows, ["a    b^[[31m c⟨U+202E⟩d⟨U+200B⟩e\u{a0}f^M"]);
        for width in 3..40 {
            for row in plain(text, width) {
                assert!(row.width() <= width, "{width}: {row:?}");
                assert!(
                    !row.chars()
                        .any(|c| c.is_control() || crate::text::is_hidden_format(c))
                );
            }
        }
        // A no-break space holds its words together.
        assert_eq!(plain("kl.\u{a0}10 i dag", 7), ["kl.\u{a0}10", "i dag"]);
    }
}
