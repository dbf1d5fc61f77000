//! How the CLI talks back: data on stdout (tables or JSON), one-line errors on
//! stderr, and exit codes. A closed pipe (`udkast log x | head`) is not an error.

use std::io::{self, IsTerminal, Write};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use unicode_width::UnicodeWidthStr;

use crate::lang::{CliMsg, Lang, t, tf};
use crate::store::StoreError;

/// A user-facing failure: one sentence, exit code 1.
#[derive(Debug)]
pub struct Failure(pub String);

impl Failure {
    pub fn new(message: impl Into<String>) -> Self {
        Failure(message.into())
    }

    pub fn report(self) -> ExitCode {
        let line = self.0.lines().next().unwrap_or("").to_string();
        let _ = writeln!(io::stderr(), "udkast: {}", crate::text::inert(&line));
        ExitCode::FAILURE
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(e.to_string())
    }
}

impl From<crate::usecase::Refused> for Failure {
    fn from(e: crate::usecase::Refused) -> Failure {
        match e {
            crate::usecase::Refused::Store(e) => e.into(),
            crate::usecase::Refused::Invalid(e) => e.into(),
            e => Failure::new(e.to_string()),
        }
    }
}

impl From<crate::domain::Invalid> for Failure {
    fn from(e: crate::domain::Invalid) -> Self {
        Failure(e.to_string())
    }
}

impl From<crate::domain::BadValue> for Failure {
    fn from(e: crate::domain::BadValue) -> Self {
        Failure(e.to_string())
    }
}

/// A slug someone typed, checked, or the one sentence saying what is wrong.
pub fn parse_slug(slug: &str) -> Result<crate::domain::Slug, Failure> {
    crate::domain::Slug::parse(slug).map_err(Failure::from)
}

/// Clap's errors: help and version go to stdout with success; a usage error
/// prints its first line and exits 1 like every other user error.
pub fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let text = e.to_string();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or(t(CliMsg::InvalidArguments));
    let mut first = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // "the following required arguments were not provided:" lists them on the
    // indented lines below; keep them on the one line.
    if first.ends_with(':') {
        let listed: Vec<&str> = lines.take_while(|l| l.starts_with(' ')).map(str::trim).collect();
        first = format!("{first} {}", listed.join(", "));
    }
    Failure(tf(CliMsg::SeeHelp, &[("error", &first.trim_end())])).report()
}

/// When to colour output, as git's `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set (or `CLICOLOR_FORCE` asks for it anyway).
    #[default]
    Auto,
    Always,
    Never,
}

/// This run's `--color`.
static COLOR: OnceLock<ColorWhen> = OnceLock::new();

/// Whether this command's output may go through the pager (`--no-pager` clears it).
static PAGE: AtomicBool = AtomicBool::new(false);

/// The pager this run started, fed what stdout would have had.
static PAGER: Mutex<Option<Child>> = Mutex::new(None);

/// Sets this run's `--color`.
pub fn set_color(when: ColorWhen) {
    let _ = COLOR.set(when);
}

/// Whether output to stdout is coloured: `--color`, then `NO_COLOR`, then
/// `CLICOLOR_FORCE`, then whether stdout is a terminal.
pub fn color() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match COLOR.get().copied().unwrap_or_default() {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if set("NO_COLOR") => false,
        ColorWhen::Auto
            if set("CLICOLOR_FORCE") && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0") =>
        {
            true
        }
        ColorWhen::Auto => io::stdout().is_terminal(),
    }
}

/// Long output to a terminal goes through the user's pager, as git's does:
/// `UDKAST_PAGER`, else `PAGER`, else `less -FRX` (which quits at once when
/// it fits the screen). Never into a pipe or a file.
pub fn use_pager() {
    PAGE.store(true, Ordering::Relaxed);
}

/// The pager's command line, or `None` when it is empty or `cat`.
fn pager_command() -> Option<String> {
    let command = std::env::var("UDKAST_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .unwrap_or_else(|_| "less -FRX".into());
    let command = command.trim();
    (!command.is_empty() && command != "cat").then(|| command.to_string())
}

/// Starts the pager on first use, when this command pages and stdout is a
/// terminal; `None` when output goes straight to stdout.
fn pager() -> Option<std::sync::MutexGuard<'static, Option<Child>>> {
    if !PAGE.load(Ordering::Relaxed) || !io::stdout().is_terminal() {
        return None;
    }
    let mut pager = PAGER.lock().unwrap_or_else(|e| e.into_inner());
    if pager.is_none() {
        let command = pager_command()?;
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(&command).stdin(Stdio::piped());
        // As git does: less shows colour, quits when the text fits, leaves
        // the screen as it was.
        if std::env::var_os("LESS").is_none() {
            shell.env("LESS", "FRX");
        }
        if std::env::var_os("LV").is_none() {
            shell.env("LV", "-c");
        }
        match shell.spawn() {
            Ok(child) => *pager = Some(child),
            // No such pager: straight to the terminal.
            Err(_) => {
                PAGE.store(false, Ordering::Relaxed);
                return None;
            }
        }
    }
    Some(pager)
}

/// Waits for the pager, if one was started, after the last output.
pub fn finish_pager() {
    let mut pager = PAGER.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(mut child) = pager.take() {
        drop(child.stdin.take());
        let _ = child.wait();
    }
}

/// Writes bytes to stdout (through the pager when this command pages on a
/// terminal); a closed pipe, or a pager quit early, ends quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let written = match pager() {
        Some(mut pager) => match pager.as_mut().and_then(|child| child.stdin.as_mut()) {
            Some(stdin) => stdin.write_all(bytes).and_then(|_| stdin.flush()),
            None => Ok(()),
        },
        None => {
            let mut out = io::stdout().lock();
            out.write_all(bytes).and_then(|_| out.flush())
        }
    };
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(tf(CliMsg::CannotWriteStdout, &[("error", &e)]))),
    }
}

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(tf(CliMsg::CannotEncodeJson, &[("error", &e)])))?;
    // serde_json escapes C0 controls only; C1 controls (which terminals also
    // obey) are escaped too. They can only be inside strings.
    let mut text = match text.contains(|c: char| c.is_control() && c as u32 >= 0x80) {
        false => text,
        true => {
            let mut escaped = String::with_capacity(text.len() + 16);
            for c in text.chars() {
                match c {
                    '\u{80}'..='\u{9f}' => escaped.push_str(&format!("\\u{:04x}", c as u32)),
                    c => escaped.push(c),
                }
            }
            escaped
        }
    };
    text.push('\n');
    write_stdout(text.as_bytes())
}

/// A plain table: columns padded by display width, the last column unpadded.
/// Cells are made inert first, so names and messages cannot drive the terminal.
pub fn table(header: &[&str], rows: &[Vec<String>], right_aligned: &[usize]) -> String {
    let cells: Vec<Vec<String>> = std::iter::once(header.iter().map(|h| h.to_string()).collect())
        .chain(
            rows.iter()
                .map(|r| r.iter().map(|c| crate::text::inert(c).into_owned()).collect()),
        )
        .collect();
    let columns = header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            cells
                .iter()
                .map(|r| r.get(i).map_or(0, |c| c.width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &cells {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
            if i + 1 == columns {
                line.push_str(cell);
            } else if right_aligned.contains(&i) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A date as shown in tables: local to the author, minutes precision.
pub fn short_date(time: &jiff::Zoned) -> String {
    time.strftime("%Y-%m-%d %H:%M").to_string()
}

/// A date and time as a person's table shows it: `2025-04-08 14:20`, in
/// Danish `08-04-2025 14:20`.
pub fn table_time(time: &jiff::Zoned) -> String {
    crate::lang::table_date(&short_date(time))
}

/// A date as a sentence names it: in Danish `28. januar 2025`; in English
/// as `english` (a strftime format) writes it, as the command always has.
pub fn spoken_date(date: jiff::civil::Date, english: &str) -> String {
    match crate::lang::current() {
        Lang::Da => crate::lang::long_date(&date.to_string()),
        Lang::En => date.strftime(english).to_string(),
    }
}

/// Whether the command speaks Danish (for words the domain keeps in both).
pub fn danish() -> bool {
    crate::lang::current() == Lang::Da
}

/// What `f` says in English, whatever the command speaks: a sentence in
/// JSON, which scripts read.
pub fn in_english<T>(f: impl FnOnce() -> T) -> T {
    let was = crate::lang::current();
    crate::lang::set(Lang::En);
    let value = f();
    crate::lang::set(was);
    value
}

/// `udkast: warning: …` on standard error, made inert.
pub fn warn(message: &str) {
    let message = crate::text::inert(message);
    eprintln!("{}", tf(CliMsg::Warning, &[("warning", &message)]));
}

/// A date in JSON: RFC 3339 in the author's own offset.
pub fn iso_date(time: &jiff::Zoned) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// Opens the workspace for a command that reads `udkast.toml`, saying on
/// standard error when the file has changes that are not committed (which
/// udkast does not read).
pub fn open_store(repo: &std::path::Path) -> Result<crate::store::Store, Failure> {
    let store = crate::store::Store::open(repo)?;
    if let Some(warning) = store.uncommitted_config() {
        warn(&warning);
    }
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_pads_by_display_width_and_neutralises_escapes() {
        let t = table(
            &["A", "NAME", "N"],
            &[
                vec!["x".into(), "Søren\u{1b}[2J".into(), "1".into()],
                vec!["yy".into(), "Å".into(), "10".into()],
            ],
            &[],
        );
        assert_eq!(t, "A   NAME        N\nx   Søren^[[2J  1\nyy  Å           10\n");
    }

    #[test]
    fn a_date_in_a_sentence_as_each_language_says_it() {
        let date = jiff::civil::date(2025, 1, 28);
        crate::lang::set(Lang::Da);
        assert_eq!(spoken_date(date, "%d-%m-%Y"), "28. januar 2025");
        assert_eq!(
            spoken_date(jiff::civil::date(2026, 12, 3), "%d-%m-%Y"),
            "3. december 2026"
        );
        // JSON's words stay English whatever the command speaks.
        assert_eq!(in_english(|| t(CliMsg::ThreadOpen)), "open");
        assert_eq!(t(CliMsg::ThreadOpen), "åben");
        crate::lang::set(Lang::En);
        assert_eq!(spoken_date(date, "%d-%m-%Y"), "28-01-2025");
        assert_eq!(spoken_date(date, "%Y-%m-%d"), "2025-01-28");
    }
}
