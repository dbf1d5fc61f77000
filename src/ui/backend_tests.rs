//! The lean backend against plain rewriting, replayed in a terminal emulator.

use super::*;
use ratatui::Terminal;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

fn frame(term: &mut Terminal<LeanBackend<Vec<u8>>>, text: &str, cursor: (u16, u16)) -> Vec<u8> {
    term.backend_mut().writer_mut().clear();
    term.draw(|f| {
        f.render_widget(Paragraph::new(text.to_string()).style(Style::new()), f.area());
        f.set_cursor_position(cursor);
    })
    .unwrap();
    term.backend_mut().writer_mut().clone()
}

#[test]
fn an_unchanged_frame_writes_nothing_and_a_letter_writes_little() {
    let backend = LeanBackend::new(Vec::new());
    let mut term = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 2)),
        },
    )
    .unwrap();
    frame(&mut term, "hej", (3, 0));
    assert_eq!(
        frame(&mut term, "hej", (3, 0)),
        b"",
        "nothing changed, nothing sent"
    );
    let typed = frame(&mut term, "hejs", (4, 0));
    assert_eq!(String::from_utf8_lossy(&typed), "\x1b[1;4Hs\x1b[1;5H");
}

#[test]
fn styles_are_reset_once_at_the_end() {
    let mut out = LeanBackend::new(Vec::new());
    let mut bold = Cell::new("x");
    bold.set_style(Style::new().add_modifier(Modifier::BOLD).fg(Color::Red));
    out.draw([(0u16, 0u16, &bold)].into_iter()).unwrap();
    assert_eq!(
        String::from_utf8_lossy(out.writer_mut()),
        "\x1b[1;1H\x1b[1m\x1b[31mx\x1b[0m"
    );
}

/// A terminal emulator's screen, a string per row; with `styled`, reversed
/// cells are in brackets.
fn cells(parser: &vt100::Parser, styled: bool) -> Vec<String> {
    let (rows, cols) = parser.screen().size();
    let (rows, cols): (u16, u16) = (rows.into(), cols.into());
    (0..rows)
        .map(|y| {
            (0..cols)
                .map(|x| {
                    let cell = parser.screen().cell(y, x);
                    // A cell never written and a written space look the same.
                    let text = cell.map_or("", |c| c.contents());
                    let text = if text.is_empty() { " " } else { text };
                    match styled && cell.is_some_and(|c| c.inverse()) {
                        true => format!("[{text}]"),
                        false => text.to_string(),
                    }
                })
                .collect()
        })
        .collect()
}

/// The text a terminal should show for a drawn buffer, as `cells` reads
/// it unstyled: a wide letter's second cell blank, and one that does not
/// fit before the right edge shown as a blank. (Styles are not compared:
/// what colours the other half of a wide letter when one half is
/// overwritten differs between terminals.)
fn intended(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    let area = buffer.area;
    let mut rows = Vec::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut covered = 0;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            let wide = unicode_width::UnicodeWidthStr::width(symbol);
            match covered == 0 && x + wide as u16 <= area.right() && !symbol.is_empty() {
                true => row += symbol,
                false => row += " ",
            }
            covered = match covered {
                0 => wide.saturating_sub(1),
                n => n - 1,
            };
        }
        rows.push(row);
    }
    rows
}

/// Replays `edits` (line, position, kind, what) on four sample lines, drawn
/// once with rows moved sideways and once with every changed cell
/// rewritten, and panics if the two terminals ever show different screens
/// or the sideways one wrote clearly more. With `fitted`, frames are drawn
/// as the app draws them (`keep_wide_letters_inside`), and the terminals
/// must also show the text that was drawn.
fn replay_both_ways(edits: &[(usize, usize, usize, usize)], fitted: bool) {
    let size = Size { width: 30, height: 6 };
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let mut terms = [true, false].map(|sideways| {
        let backend = LeanBackend {
            sideways,
            ..LeanBackend::with_size(Vec::new(), size)
        };
        let mut term = Terminal::new(backend).unwrap();
        term.clear().unwrap();
        (term, vt100::Parser::new(nz(size.height), nz(size.width), 0))
    });
    let mut lines: Vec<String> = vec![
        "Åby Kommune arbejder for en grøn omstilling".into(),
        "kort".into(),
        "気候 plan for 2030 – med borgerne".into(),
        String::new(),
    ];
    let inserts = ["x", "ø", "気", "ab"];
    let mut bytes = [0, 0];
    for (step, &(line, at, kind, what)) in edits.iter().enumerate() {
        let text = &mut lines[line];
        let chars: Vec<char> = text.chars().collect();
        let at = at.min(chars.len());
        let before: String = chars[..at].iter().collect();
        let after: String = chars[at..].iter().collect();
        *text = match kind {
            0 => format!("{before}{}{after}", inserts[what % inserts.len()]),
            1 => format!("{before}{}", after.chars().skip(1 + what % 2).collect::<String>()),
            _ => format!(
                "{}{after}",
                before.chars().take(at.saturating_sub(1)).collect::<String>()
            ),
        };
        let shown: Vec<Line<'_>> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| match i == line {
                true => Line::from(vec![
                    ratatui::text::Span::styled("▶", Style::new().add_modifier(Modifier::REVERSED)),
                    ratatui::text::Span::raw(l.clone()),
                ]),
                false => Line::from(l.clone()),
            })
            .collect();
        let mut meant = Vec::new();
        for (i, (term, parser)) in terms.iter_mut().enumerate() {
            term.backend_mut().writer_mut().clear();
            let drawn = term
                .draw(|f| {
                    f.render_widget(
                        Paragraph::new(shown.clone()).wrap(ratatui::widgets::Wrap { trim: false }),
                        f.area(),
                    );
                    if fitted {
                        keep_wide_letters_inside(f.buffer_mut());
                    }
                })
                .unwrap();
            meant = intended(drawn.buffer);
            bytes[i] += term.backend_mut().writer_mut().len();
            if std::env::var("DEBUG_BACKEND").is_ok() {
                eprintln!(
                    "{i}: {:?}",
                    String::from_utf8_lossy(term.backend_mut().writer_mut())
                );
            }
            parser.process(term.backend_mut().writer_mut());
        }
        if fitted {
            assert_eq!(
                cells(&terms[1].1, false),
                meant,
                "the rewritten screen is not what was drawn after edit {step} {:?}",
                edits[step]
            );
        }
        assert_eq!(
            cells(&terms[0].1, true),
            cells(&terms[1].1, true),
            "the screens differ after edit {step} {:?}",
            edits[step]
        );
    }
    assert!(bytes[0] <= bytes[1] + 16, "moving sideways wrote more: {bytes:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Letters typed and deleted anywhere in short and long (wrapped)
    /// lines, with wide letters and a highlighted marker that moves: a
    /// terminal fed with rows moved sideways shows exactly what one fed
    /// with every changed cell shows (and, drawn as the app draws, what
    /// was drawn).
    #[test]
    fn moving_rows_sideways_shows_the_same_as_rewriting_them(
        edits in proptest::collection::vec((0usize..4, 0usize..70, 0usize..3, 0usize..6), 1..25),
        fitted in proptest::bool::ANY,
    ) {
        replay_both_ways(&edits, fitted);
    }
}

/// Ratatui's wrapping leaves `気` in the last column, which the terminal
/// wraps onto the next row; a row holding it was moved sideways as if the
/// letter were there, and the letter sent again (seed f74ad8e7…).
const WIDE_LETTER_IN_THE_LAST_COLUMN: &[(usize, usize, usize, usize)] = &[
    (0, 1, 1, 0),
    (0, 0, 1, 0),
    (0, 1, 2, 0),
    (0, 29, 0, 2),
    (1, 0, 0, 0),
    (0, 20, 1, 2),
];

#[test]
fn a_wide_letter_in_a_row_moved_sideways_shows_the_same_as_rewriting_it() {
    replay_both_ways(WIDE_LETTER_IN_THE_LAST_COLUMN, false);
}

/// Left in the last column, the letter also made ratatui skip the next
/// row's first cell, which then kept stale text.
#[test]
fn a_wide_letter_in_the_last_column_is_blanked_and_the_next_row_drawn_whole() {
    replay_both_ways(WIDE_LETTER_IN_THE_LAST_COLUMN, true);
}

#[test]
fn a_letter_typed_at_the_start_of_a_line_moves_the_line_instead_of_rewriting_it() {
    let size = Size { width: 60, height: 2 };
    let mut term = Terminal::new(LeanBackend::with_size(Vec::new(), size)).unwrap();
    term.clear().unwrap();
    let line = "Åby Kommune arbejder for en grøn omstilling med borgerne.";
    frame(&mut term, line, (0, 0));
    let typed = frame(&mut term, &format!("x{line}"), (1, 0));
    assert_eq!(String::from_utf8_lossy(&typed), "\x1b[1;1H\x1b[@x\x1b[1;2H");
    let deleted = frame(&mut term, line, (0, 0));
    assert_eq!(String::from_utf8_lossy(&deleted), "\x1b[1;1H\x1b[P\x1b[1;1H");
}
