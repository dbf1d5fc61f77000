//! Text of several lines being typed: which keys make a new line, how pasted
//! or edited line ends are taken, and how the text is broken into rows of a
//! box with the cursor after it. The multi-line prompt (comments, replies,
//! closing words) and the decision form's text field share it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Whether `key` asks for a new line rather than sending: Alt-Enter, or
/// Ctrl-J (the line feed, which is what Ctrl-J is to a terminal). A
/// terminal sends Shift-Enter as Enter; one that tells them apart (Ctrl- or
/// Shift-Enter with a keyboard protocol) gets a new line for those too.
pub fn is_newline(key: &KeyEvent) -> bool {
    match key.code {
        KeyCode::Enter => key
            .modifiers
            .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL | KeyModifiers::SHIFT),
        KeyCode::Char('j') => key.modifiers.contains(KeyModifiers::CONTROL),
        _ => false,
    }
}

/// `text` with its line ends as `\n` (a paste from a terminal ends lines
/// with `\r`; a file from Windows with `\r\n`).
pub fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Typed text broken into rows of a box.
#[derive(Debug)]
pub struct Wrapped {
    pub rows: Vec<Line<'static>>,
    /// Where the cursor is, after the last character: (column, row). Its row
    /// may be one past the last when the last row is full.
    pub cursor: (u16, usize),
}

impl Wrapped {
    /// The rows the text and its cursor take.
    pub fn height(&self) -> usize {
        self.rows.len().max(self.cursor.1 + 1)
    }
}

/// `parts` (a label and the text typed, each with its style) in rows at most
/// `width` columns wide: a new row at each `\n`, and where the next
/// character would not fit, after the row's last space (the word moves on
/// whole) or, in a word longer than the row, right there. Every character is
/// made inert (`^[`), so what is shown is what the width counts.
pub fn wrap(parts: &[(&str, Style)], width: u16) -> Wrapped {
    let width = usize::from(width.max(1));
    // Each row as cells: a character as shown, its style and width.
    let mut rows: Vec<Vec<(String, Style, usize)>> = vec![Vec::new()];
    let columns = |row: &[(String, Style, usize)]| row.iter().map(|c| c.2).sum::<usize>();
    for &(text, style) in parts {
        for c in text.chars() {
            if c == '\n' {
                rows.push(Vec::new());
                continue;
            }
            let mut shown = String::new();
            crate::text::push_visible(&mut shown, c);
            let w = shown.width();
            let row = rows.last_mut().expect("there is always a row");
            if columns(row) + w > width && !row.is_empty() {
                let moved = match row.iter().rposition(|cell| cell.0 == " ") {
                    Some(space) if c != ' ' => row.split_off(space + 1),
                    _ => Vec::new(),
                };
                rows.push(moved);
            }
            rows.last_mut()
                .expect("there is always a row")
                .push((shown, style, w));
        }
    }
    let last = rows.len() - 1;
    let column = columns(&rows[last]);
    let cursor = match column >= width {
        true => (0, last + 1),
        false => (column as u16, last),
    };
    let rows = rows
        .into_iter()
        .map(|cells| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (shown, style, _) in cells {
                match spans.last_mut() {
                    Some(span) if span.style == style => span.content.to_mut().push_str(&shown),
                    _ => spans.push(Span::styled(shown, style)),
                }
            }
            Line::from(spans)
        })
        .collect();
    Wrapped { rows, cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(w: &Wrapped) -> Vec<String> {
        w.rows
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn rows_break_at_new_lines_and_at_the_width() {
        let bold = Style::new().bold();
        let w = wrap(&[("Svar: ", bold), ("Første linje\nanden\n", Style::new())], 10);
        assert_eq!(text(&w), ["Svar: ", "Første ", "linje", "anden", ""]);
        assert_eq!(w.rows[0].spans[0].style, bold);
        assert_eq!(w.cursor, (0, 4));
        assert_eq!(w.height(), 5);
        // A word longer than a row is broken where the row ends.
        let w = wrap(&[("ab Forvaltningsområde", Style::new())], 8);
        assert_eq!(text(&w), ["ab ", "Forvaltn", "ingsområ", "de"]);
        assert_eq!(w.cursor, (2, 3));
        // A full last row puts the cursor on the next.
        let w = wrap(&[("abcd", Style::new())], 4);
        assert_eq!(
            (text(&w), w.cursor, w.height()),
            (vec!["abcd".to_string()], (0, 1), 2)
        );
        // Control characters are shown inert and counted as shown; wide letters
        // are never split.
        let w = wrap(&[("a\u{1b}b漢字", Style::new())], 5);
        assert_eq!(text(&w), ["a^[b", "漢字"]);
        assert_eq!(w.cursor, (4, 1));
    }

    #[test]
    fn new_line_keys_and_line_ends() {
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert!(is_newline(&key(KeyCode::Enter, KeyModifiers::ALT)));
        assert!(is_newline(&key(KeyCode::Char('j'), KeyModifiers::CONTROL)));
        assert!(is_newline(&key(KeyCode::Enter, KeyModifiers::SHIFT)));
        assert!(!is_newline(&key(KeyCode::Enter, KeyModifiers::NONE)));
        assert!(!is_newline(&key(KeyCode::Char('j'), KeyModifiers::NONE)));
        assert_eq!(lf("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
