//! A thin terminal backend over crossterm that writes fewer bytes per frame, for
//! slow SSH links: it skips showing an already visible cursor and moving it
//! where it already is, and ends a frame with one `ESC[0m` only when a style
//! was left set, instead of crossterm's four resets on every frame.
//!
//! It also remembers what it drew, so that a row whose text moved sideways (a
//! letter typed or deleted early in a line) is changed with the terminal's own
//! insert / delete character (`CSI n @`, `CSI n P`) and the few cells that
//! differ, instead of every cell after the edit, as vim does.

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
    /// What the terminal shows, as far as this backend drew it since the last
    /// clear (`None`: not known).
    screen: Vec<Vec<Option<Cell>>>,
    /// The terminal's size, as last asked (ratatui asks before every frame).
    size: std::cell::Cell<Option<Size>>,
    /// Not a real terminal: the size was given.
    fixed: bool,
    /// Whether rows may be moved sideways (off only to test that it changes nothing).
    sideways: bool,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            out: writer,
            cursor_visible: None,
            cursor_at: None,
            screen: Vec::new(),
            size: std::cell::Cell::new(None),
            fixed: false,
            sideways: true,
        }
    }

    /// A backend for a terminal of `size` that is not a real one (tests, benchmarks).
    pub fn with_size(writer: W, size: Size) -> LeanBackend<W> {
        let backend = LeanBackend {
            fixed: true,
            ..LeanBackend::new(writer)
        };
        backend.size.set(Some(size));
        backend
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

/// The style the terminal is writing with, and where the last cell went.
#[derive(Default)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
    /// Where the terminal's cursor writes next, when known.
    next: Option<Position>,
}

impl Pen {
    fn put(&mut self, out: &mut impl Write, x: u16, y: u16, cell: &Cell) -> io::Result<()> {
        if self.next != Some(Position { x, y }) {
            queue!(out, MoveTo(x, y))?;
        }
        self.next = Some(Position { x: x + 1, y });
        if cell.modifier != self.modifier {
            // Removing an attribute needs a full reset; then set what remains.
            if !(self.modifier - cell.modifier).is_empty() {
                queue!(out, SetAttribute(Attribute::Reset))?;
                (self.fg, self.bg, self.modifier) = (Color::Reset, Color::Reset, Modifier::empty());
            }
            for (flag, attribute) in ATTRIBUTES {
                if cell.modifier.contains(flag) && !self.modifier.contains(flag) {
                    queue!(out, SetAttribute(attribute))?;
                }
            }
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg {
            match sgr(cell.fg) {
                Some(code) => queue!(out, Print(format_args!("\x1b[{code}m")))?,
                None => queue!(out, SetForegroundColor(cell.fg.into_crossterm()))?,
            }
            self.fg = cell.fg;
        }
        if cell.bg != self.bg {
            match sgr(cell.bg) {
                Some(code) => queue!(out, Print(format_args!("\x1b[{}m", code + 10)))?,
                None => queue!(out, SetBackgroundColor(cell.bg.into_crossterm()))?,
            }
            self.bg = cell.bg;
        }
        queue!(out, Print(cell.symbol()))
    }

    /// Back to the terminal's plain style, if it was changed.
    fn plain(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.fg != Color::Reset || self.bg != Color::Reset || !self.modifier.is_empty() {
            queue!(out, SetAttribute(Attribute::Reset))?;
            (self.fg, self.bg, self.modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        }
        Ok(())
    }
}

/// A row changed by moving its cells from `at` on sideways by `by` (right:
/// inserted blanks; left: deleted cells), then writing `cells`; `row` is what
/// it shows afterwards from `at` to the right edge.
struct Shift {
    at: u16,
    by: i32,
    cells: Vec<(u16, Cell)>,
    row: Vec<Cell>,
}

/// Blanks every wide letter in a frame's last column, before ratatui compares
/// frames: its word wrapping can put one there (ratatui issue #2679), and its
/// diff then skips the next row's first cell as the letter's second half, so
/// that cell would never be sent. Call it at the end of every frame's drawing.
pub fn keep_wide_letters_inside(buffer: &mut ratatui::buffer::Buffer) {
    let area = buffer.area;
    let Some(last) = area.right().checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(last, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// The widest sideways move tried: a few letters typed or deleted at once.
const MAX_SHIFT: i32 = 4;

impl<W: Write> LeanBackend<W> {
    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (x as usize, y as usize);
        if self.screen.len() <= y {
            self.screen.resize(y + 1, Vec::new());
        }
        // A wide letter covers the next cell too, which is then not known as
        // a cell of its own.
        let wide = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
        let row = &mut self.screen[y];
        if row.len() < x + wide {
            row.resize(x + wide, None);
        }
        row[x] = Some(cell.clone());
        for covered in &mut row[x + 1..x + wide] {
            *covered = None;
        }
    }

    fn remember_row(&mut self, y: u16, at: u16, cells: Vec<Cell>) {
        for (i, cell) in cells.iter().enumerate() {
            self.remember(at + i as u16, y, cell);
        }
    }

    /// The cheapest sideways move that turns row `y` into itself with `changes`
    /// applied, when it writes clearly fewer cells than the changes themselves.
    /// Only rows known from `at` to the right edge and holding no wide letter
    /// there qualify.
    fn shift(&self, y: u16, changes: &[(u16, u16, &Cell)]) -> Option<Shift> {
        if !self.sideways {
            return None;
        }
        let width = self.size.get()?.width as usize;
        let at = changes.first()?.0 as usize;
        if changes.len() < 8 || at >= width {
            return None;
        }
        let known = self.screen.get(y as usize)?;
        let old: Vec<&Cell> = (at..width)
            .map(|x| known.get(x).and_then(Option::as_ref))
            .collect::<Option<_>>()?;
        // A wide letter covers a cell that is not sent, and one in the last
        // column (ratatui's wrapping puts one there) is not even on this row
        // in the terminal, which wraps it onto the next: leave such rows alone.
        let wide = |c: &Cell| unicode_width::UnicodeWidthStr::width(c.symbol()) > 1;
        if old.iter().any(|c| wide(c)) || changes.iter().any(|(_, _, c)| wide(c)) {
            return None;
        }
        let mut new: Vec<Cell> = old.iter().map(|c| (*c).clone()).collect();
        for (x, _, cell) in changes {
            new[*x as usize - at] = (*cell).clone();
        }
        let blank = Cell::default();
        let mut best: Option<Shift> = None;
        for by in (-MAX_SHIFT..=MAX_SHIFT).filter(|b| *b != 0) {
            let moved = |i: usize| -> &Cell {
                let from = i as i64 - by as i64;
                match usize::try_from(from) {
                    // Inserting blanks at the front; deleting pulls blanks in at the end.
                    Ok(from) if from < old.len() && (by < 0 || i >= by as usize) => old[from],
                    _ => &blank,
                }
            };
            let cells: Vec<(u16, Cell)> = (0..new.len())
                .filter(|&i| *moved(i) != new[i])
                .map(|i| ((at + i) as u16, new[i].clone()))
                .collect();
            if best.as_ref().is_none_or(|b| cells.len() < b.cells.len()) {
                best = Some(Shift {
                    at: at as u16,
                    by,
                    cells,
                    row: Vec::new(),
                });
            }
        }
        // The escape and the move back cost about as much as six cells.
        let mut best = best.filter(|b| b.cells.len() + 6 < changes.len())?;
        best.row = new;
        Some(best)
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        let mut pen = Pen::default();
        // Row by row (ratatui sends the changed cells in reading order).
        let mut rest = updates.as_slice();
        while let Some(&(_, y, _)) = rest.first() {
            let n = rest.iter().take_while(|u| u.1 == y).count();
            let (row, next) = rest.split_at(n);
            rest = next;
            match self.shift(y, row) {
                Some(shift) => {
                    pen.plain(&mut self.out)?;
                    queue!(self.out, MoveTo(shift.at, y))?;
                    let (count, code) = match shift.by {
                        by if by > 0 => (by, '@'),
                        by => (-by, 'P'),
                    };
                    match count {
                        1 => queue!(self.out, Print(format_args!("\x1b[{code}")))?,
                        _ => queue!(self.out, Print(format_args!("\x1b[{count}{code}")))?,
                    }
                    // Moving cells sideways leaves the cursor where it was.
                    pen.next = Some(Position { x: shift.at, y });
                    for (x, cell) in &shift.cells {
                        pen.put(&mut self.out, *x, y, cell)?;
                    }
                    self.remember_row(y, shift.at, shift.row);
                }
                None => {
                    for &(x, y, cell) in row {
                        pen.put(&mut self.out, x, y, cell)?;
                        self.remember(x, y, cell);
                    }
                }
            }
        }
        if !updates.is_empty() {
            // Printing moved the real cursor.
            self.cursor_at = None;
        }
        pen.plain(&mut self.out)
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
        if self.fixed {
            return Ok(self.cursor_at.unwrap_or_default());
        }
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
        // A cleared screen is known to be blank; a partly cleared one is not known.
        self.screen.clear();
        if let (ClearType::All, Some(size)) = (clear_type, self.size.get()) {
            self.screen = vec![vec![Some(Cell::default()); size.width as usize]; size.height as usize];
        }
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
        if self.fixed {
            return self.size.get().ok_or_else(|| io::Error::other("no size"));
        }
        let (width, height) = terminal::size()?;
        let size = Size { width, height };
        self.size.set(Some(size));
        Ok(size)
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
#[path = "backend_tests.rs"]
mod tests;
