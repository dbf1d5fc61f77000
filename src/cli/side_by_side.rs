//! `udkast diff --side-by-side`: the older text on the left, the newer on the
//! right, each line wrapped within its half of the width (`diff::wrap`, the
//! history screen's wrap) so a paragraph written as one line shows all of its
//! changed words. A pair of lines takes as many rows as its longer side, the
//! other side blank below; a line's number and its `-`/`+` stand on its first
//! row only, its continued rows indented under its text as the history screen
//! indents them. Changed words are in colour, or marked `[-…-]{+…+}` without
//! it, each row closing the marks it opens, so every row reads alone.

use unicode_width::UnicodeWidthStr;

use super::diff::Paint;
use crate::diff::{self, Row, RowKind, Tag};
use crate::lang::{CliMsg, tf};

/// Between the two halves.
const SEPARATOR: &str = " │ ";

/// Narrower than this, each half would hold a few letters a row: the view
/// is laid out for this width and a terminal this narrow wraps it.
pub(super) const MIN_WIDTH: usize = 40;

/// One screen row of one half: what to print and the columns it takes.
struct Cell {
    text: String,
    width: usize,
}

/// Appends the pairs of [`diff::side_by_side`] laid out in `width` columns.
pub(super) fn render(out: &mut String, paint: &Paint, pairs: &[(Option<Row>, Option<Row>)], width: usize) {
    let width = width.max(MIN_WIDTH);
    // Line numbers as wide as the largest one shown.
    let largest = pairs
        .iter()
        .flat_map(|(left, right)| {
            [
                left.as_ref().and_then(|r| r.old_line),
                right.as_ref().and_then(|r| r.new_line),
            ]
        })
        .flatten()
        .max()
        .unwrap_or(0);
    let digits = (largest + 1).to_string().len();
    let half = (width - SEPARATOR.width()) / 2;
    // The number, a space, the sign and a space before the text.
    let text_width = half - digits - 3;
    for (left, right) in pairs {
        if let Some(Row {
            kind: RowKind::Fold { lines, .. },
            ..
        }) = left
        {
            out.push_str(&paint.wrap("36", &tf(CliMsg::DiffUnchangedLines, &[("lines", &lines)])));
            out.push('\n');
            continue;
        }
        let old = left.as_ref().map(|r| (r, r.old_line));
        let new = right.as_ref().map(|r| (r, r.new_line));
        let (old, new) = (
            cells(paint, old, digits, text_width),
            cells(paint, new, digits, text_width),
        );
        for k in 0..old.len().max(new.len()) {
            let mut line = String::new();
            let used = old.get(k).map_or(0, |cell| {
                line.push_str(&cell.text);
                cell.width
            });
            line.push_str(&" ".repeat(half.saturating_sub(used)));
            line.push_str(SEPARATOR);
            if let Some(cell) = new.get(k) {
                line.push_str(&cell.text);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

/// The screen rows of one side of a pair: none for a side without a line.
fn cells(paint: &Paint, row: Option<(&Row, Option<usize>)>, digits: usize, text_width: usize) -> Vec<Cell> {
    let Some((row, number)) = row else {
        return Vec::new();
    };
    let (sign, colour) = match row.kind {
        RowKind::Removed => ("-", Some("31")),
        RowKind::Added => ("+", Some("32")),
        RowKind::MovedAway { .. } => ("<", Some("35")),
        RowKind::MovedHere { .. } | RowKind::Moved => (">", Some("35")),
        _ => (" ", None),
    };
    let tint = |text: &str| match colour {
        Some(code) => paint.wrap(code, text),
        None => text.to_string(),
    };
    let indent = digits + 3;
    diff::wrap(&row.spans, text_width, !paint.color)
        .iter()
        .enumerate()
        .map(|(k, pieces)| {
            let mut text = match (k, number) {
                (0, Some(n)) => tint(&format!("{:>digits$} {sign}", n + 1)) + " ",
                (0, None) => format!("{:digits$} {} ", "", tint(sign)),
                _ => " ".repeat(indent),
            };
            let mut width = indent;
            for (tag, piece) in pieces {
                width += piece.width();
                match tag {
                    Tag::Same => text.push_str(&tint(piece)),
                    Tag::Removed => text.push_str(&paint.removed_word(piece)),
                    Tag::Added => text.push_str(&paint.added_word(piece)),
                }
                if !paint.color && *tag != Tag::Same {
                    let (open, close) = diff::marks(*tag);
                    width += open.width() + close.width();
                }
            }
            Cell { text, width }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// The side-by-side view of `old` → `new` in `width` columns.
    fn shown(old: &str, new: &str, width: usize, color: bool) -> Vec<String> {
        let d = diff::diff(old, new, Duration::from_secs(5));
        let pairs = diff::side_by_side(&d, old, new, 3, &[]);
        let mut out = String::new();
        render(&mut out, &Paint { color }, &pairs, width);
        out.lines().map(str::to_string).collect()
    }

    /// A paragraph of about 500 characters written as one line, as real
    /// programmes are, with its last words changed.
    fn paragraph(ending: &str) -> String {
        let words = "Kommunen vil i samarbejde med borgere, foreninger og virksomheder \
            arbejde for at nedbringe udledningen af drivhusgasser fra transport, \
            boliger og landbrug. Indsatsen omfatter blandt andet udbygning af \
            fjernvarmen, flere ladestandere, bedre cykelstier og en plan for \
            lavbundsjorder, og den følges op med et årligt klimaregnskab, som \
            forelægges byrådet sammen med en status for hver enkelt handling i \
            handleplanen, så borgerne kan se, hvad der er nået, og hvad der mangler, \
            før kommunen kan kalde sig klimaneutral";
        format!("# Klima\n\nIndledning.\n\n{words} {ending}\n\nSlut.\n")
    }

    fn columns(line: &str) -> usize {
        line.width()
    }

    #[test]
    fn a_long_paragraph_wraps_and_shows_its_changed_words() {
        let old = paragraph("inden udgangen af 2027.");
        let new = paragraph("allerede i løbet af 2026.");
        assert!(old.lines().nth(4).unwrap().chars().count() > 500);
        for width in [80, 120] {
            let rows = shown(&old, &new, width, false);
            let text = rows.join("\n");
            for row in &rows {
                assert!(columns(row) <= width, "{width}: {row:?}\n{text}");
                // Marks are closed on the row that opens them.
                assert_eq!(row.matches("[-").count(), row.matches("-]").count(), "{row:?}");
                assert_eq!(row.matches("{+").count(), row.matches("+}").count(), "{row:?}");
            }
            // The words at the end of the paragraph, on both sides.
            assert!(
                text.contains("[-inden udgangen-]") || text.contains("[-inden-]"),
                "{text}"
            );
            assert!(text.contains("2027"), "{text}");
            assert!(text.contains("{+allerede"), "{text}");
            assert!(text.contains("2026"), "{text}");
            // The two halves line up: the separator in one column.
            let half = (width - 3) / 2;
            for row in rows.iter().filter(|r| r.contains('│')) {
                let before = &row[..row.find('│').unwrap()];
                assert_eq!(columns(before), half + 1, "{row:?}");
            }
            // The paragraph's number once on each side; its other rows are
            // indented under the text.
            let numbered: Vec<&String> = rows.iter().filter(|r| r.trim_start().starts_with("5 ")).collect();
            assert_eq!(numbered.len(), 1, "{text}");
            assert!(numbered[0].contains("│ 5 + "), "{text}");
            let paragraph_rows = rows
                .iter()
                .skip_while(|r| !r.trim_start().starts_with("5 "))
                .take_while(|r| !r.trim().is_empty() && !r.trim_start().starts_with('6'))
                .count();
            assert!(paragraph_rows > 8, "{text}");
        }
        // Wider, fewer rows.
        assert!(shown(&old, &new, 120, false).len() < shown(&old, &new, 80, false).len());
    }

    #[test]
    fn colours_are_reset_on_every_row() {
        let old = paragraph("inden udgangen af 2027.");
        let new = paragraph("allerede i løbet af 2026.");
        for row in shown(&old, &new, 80, true) {
            if let Some(last) = row.rfind("\x1b[") {
                assert_eq!(&row[last..], "\x1b[0m", "{row:?}");
            }
            let plain = row
                .split('\x1b')
                .enumerate()
                .map(|(i, s)| if i == 0 { s } else { &s[s.find('m').unwrap() + 1..] })
                .collect::<String>();
            assert!(columns(&plain) <= 80, "{plain:?}");
        }
    }

    #[test]
    fn wide_letters_stay_whole_and_inside_their_half() {
        let line = "気候変動への適応策として、雨水を地域で管理する計画を策定します。".repeat(4);
        let old = format!("{line}\n");
        let new = format!("{}🌍 新しい目標\n", line);
        for width in [41, 80, 81] {
            let rows = shown(&old, &new, width, false);
            let half = (width - 3) / 2;
            for row in &rows {
                assert!(columns(row) <= width, "{row:?}");
                let before = &row[..row.find('│').unwrap()];
                assert_eq!(columns(before), half + 1, "{width}: {rows:#?}");
            }
            let left: String = rows
                .iter()
                .map(|r| {
                    r[..r.find('│').unwrap()]
                        .trim_start_matches([' ', '1', '-'])
                        .trim_end()
                })
                .collect();
            // Every letter of the old line, in order, whatever marks it got.
            assert_eq!(left.replace("[-", "").replace("-]", ""), line, "{rows:#?}");
            assert!(rows.concat().contains("🌍"), "{rows:#?}");
        }
    }

    #[test]
    fn control_and_bidi_characters_never_reach_the_terminal() {
        let old = "Mål\tfor\u{1b}[2J 2030 med\u{202e}skjult\u{200b}tekst og\u{a0}mere\r\n";
        let new = "Mål\tfor\u{1b}[2J 2035 med\u{202e}skjult\u{200b}tekst og\u{a0}mere\r\n";
        for color in [false, true] {
            for row in shown(old, new, 60, color) {
                let raw = row
                    .replace("\x1b[0m", "")
                    .replace("\x1b[1;31;7m", "")
                    .replace("\x1b[1;32;7m", "");
                let raw = raw.replace("\x1b[31m", "").replace("\x1b[32m", "");
                assert!(
                    !raw.chars()
                        .any(|c| c.is_control() || crate::text::is_hidden_format(c)),
                    "{row:?}"
                );
            }
        }
        let rows = shown(old, new, 60, false).join("\n");
        assert!(rows.contains("Mål    for^[[2J"), "{rows}");
        assert!(rows.contains("⟨U+202E⟩"), "{rows}");
    }
}
