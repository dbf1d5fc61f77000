//! A thin terminal backend over crossterm that writes fewer bytes per frame, for
//! slow SSH links: it skips showing an already visible cursor and moving it
//! where it already is, and ends a frame with one `ESC[0m` only when a style
//! was left set, instead of crossterm's four resets on every frame.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::style::{Attribute, Print, SetAttribute, SetBackgroundColor, SetForegroundColor};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

pub struct LeanBackend<W: Write> {
    out: W,
    cursor_visible: Option<bool>,
    /// Where the terminal's cursor is, when known.
    cursor_at: Option<Position>,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            out: writer,
            cursor_visible: None,
            cursor_at: None,
        }
    }

    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }
}

const ATTRIBUTES: [(Modifier, Attribute); 9] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

/// The plain SGR foreground code of the 16 basic colours (add 10 for the
/// background): shorter than crossterm's `38;5;N` and understood by every
/// terminal, the Linux console included.
fn sgr(color: Color) -> Option<u8> {
    Some(match color {
        Color::Reset => 39,
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        _ => return None,
    })
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.out;
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        let mut last: Option<Position> = None;
        let mut drew = false;
        for (x, y, cell) in content {
            drew = true;
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                queue!(out, MoveTo(x, y))?;
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                // Removing an attribute needs a full reset; then set what remains.
                if !(modifier - cell.modifier).is_empty() {
                    queue!(out, SetAttribute(Attribute::Reset))?;
                    (fg, bg, modifier) = (Color::Reset, Color::Reset, Modifier::empty());
                }
                for (flag, attribute) in ATTRIBUTES {
                    if cell.modifier.contains(flag) && !modifier.contains(flag) {
                        queue!(out, SetAttribute(attribute))?;
                    }
                }
                modifier = cell.modifier;
            }
            if cell.fg != fg {
                match sgr(cell.fg) {
                    Some(code) => queue!(out, Print(format_args!("\x1b[{code}m")))?,
                    None => queue!(out, SetForegroundColor(cell.fg.into_crossterm()))?,
                }
                fg = cell.fg;
            }
            if cell.bg != bg {
                match sgr(cell.bg) {
                    Some(code) => queue!(out, Print(format_args!("\x1b[{}m", code + 10)))?,
                    None => queue!(out, SetBackgroundColor(cell.bg.into_crossterm()))?,
                }
                bg = cell.bg;
            }
            queue!(out, Print(cell.symbol()))?;
        }
        if drew {
            // Printing moved the real cursor.
            self.cursor_at = None;
        }
        if fg != Color::Reset || bg != Color::Reset || !modifier.is_empty() {
            queue!(out, SetAttribute(Attribute::Reset))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            execute!(self.out, Hide)?;
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            execute!(self.out, Show)?;
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        if self.cursor_at != Some(position) {
            execute!(self.out, MoveTo(position.x, position.y))?;
            self.cursor_at = Some(position);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use ratatui::crossterm::terminal::ClearType as C;
        self.cursor_at = None;
        let kind = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        execute!(self.out, Clear(kind))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;
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
}
