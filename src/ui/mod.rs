//! The terminal interface: one event loop. Terminal events become actions
//! through the keymap (`App::handle_key`), actions change state, and the screen
//! is drawn from state alone; git work goes to a worker thread (`jobs`).
//!
//! The terminal is restored on every way out: normal quit, an error, SIGHUP
//! (a dropped SSH connection), SIGTERM and a panic — and the editor's text is
//! written to the autosave first.

pub mod actions;
pub mod app;
pub mod autosave;
pub mod backend;
mod input;
pub mod jobs;
pub mod keymap;
pub mod overlay;
pub mod resolve;
pub mod screens;
pub mod theme;
pub mod widgets;
pub mod work_plan;

#[cfg(test)]
mod tests;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::{execute, terminal};

use app::{App, Folders};
use backend::LeanBackend;
use input::Wake;
use ratatui::Terminal;

/// Opens the TUI on the workspace at `repo`. Returns an error sentence for the
/// CLI to print; the terminal is already restored when it returns.
/// glibc gives each thread that allocates an arena of its own (up to eight
/// per core), and memory freed in one arena is not reused by another: the
/// input thread, the worker and the diff threads each kept megabytes the
/// session no longer used. Two arenas keep the worker off the drawing
/// thread's lock and share the rest (measured in docs/BENCHMARKS.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fewer_malloc_arenas() {
    // SAFETY: mallopt only sets an allocator parameter; it is called before
    // this process starts any thread of its own.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fewer_malloc_arenas() {}

/// Runs the TUI on `repo`, in colour when `color` (`--color`, `NO_COLOR`:
/// the command line decides, as for its own output), in the language the
/// command line chose for `repo` (`crate::lang::speak`).
pub fn run(repo: &Path, color: bool) -> Result<(), String> {
    fewer_malloc_arenas();
    // Fail before touching the terminal: bad keymaps and a missing workspace.
    let keymap = keymap::Keymap::load_user(&crate::dirs::config_dir())?;
    jobs::check(repo)?;
    let folders = Folders {
        state: crate::dirs::state_dir(),
    };
    let mut app = App::new(keymap, theme::Theme { color }, folders);
    app.fetch_every = keymap::fetch_every(&crate::dirs::config_dir());

    // Keys, the worker's answers and signals all wake the loop through one channel.
    let (wake_tx, wake_rx) = std::sync::mpsc::channel::<input::Wake>();
    let signalled = Arc::new(AtomicBool::new(false));
    input::watch_signals(wake_tx.clone(), Arc::clone(&signalled))
        .map_err(|e| format!("cannot handle signals: {e}"))?;
    let requests = jobs::spawn(repo.to_path_buf(), wake_tx.clone());

    // try_init enters raw mode and the alternate screen and installs a panic hook
    // that restores the terminal; drawing goes through the leaner backend.
    drop(ratatui::try_init().map_err(|e| format!("cannot open the terminal: {e}"))?);
    let _ = execute!(std::io::stdout(), event::EnableBracketedPaste);
    let mut terminal = Terminal::new(LeanBackend::new(std::io::stdout()))
        .map_err(|e| format!("cannot open the terminal: {e}"))?;
    // A clear screen is one the backend knows cell by cell (see `backend`).
    // (Not `Terminal::clear`, which asks the terminal where its cursor is.)
    ratatui::backend::Backend::clear_region(terminal.backend_mut(), ratatui::backend::ClearType::All)
        .map_err(|e| format!("cannot open the terminal: {e}"))?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &requests, (wake_tx, wake_rx), &signalled)
    }));
    // Whatever happened, keep the text first, then give the terminal back.
    app.shutdown();
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(result) => result,
        Err(_) => Err("udkast hit an internal error; your text was kept in the autosave and is offered when you reopen the document".into()),
    }
}

type Screen = Terminal<LeanBackend<std::io::Stdout>>;

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    requests: &jobs::Workers,
    (wake_tx, wake): (Sender<Wake>, Receiver<Wake>),
    signalled: &AtomicBool,
) -> Result<(), String> {
    let io = |e: std::io::Error| format!("terminal error: {e}");
    let mut dirty = true;
    let mut next_tty_check = Instant::now() + TTY_CHECK;
    let input = input::Input::spawn(wake_tx);
    loop {
        for request in app.requests.drain(..) {
            requests.send(request);
        }
        if dirty {
            terminal
                .draw(|frame| {
                    app.draw(frame);
                    backend::keep_wide_letters_inside(frame.buffer_mut());
                })
                .map_err(io)?;
            dirty = false;
        }
        if std::mem::take(&mut app.cancel) {
            requests.cancel();
        }
        if let Some(text) = app.clipboard_out.take() {
            osc52(terminal.backend_mut().writer_mut(), &text).map_err(io)?;
        }
        if let Some(text) = app.external_edit.take() {
            input.pause();
            let result = external_edit(&text);
            input.resume();
            app.external_result(result);
            terminal.clear().map_err(io)?;
            dirty = true;
            continue;
        }
        if app.quit || signalled.load(Ordering::Acquire) {
            return Ok(());
        }
        // Sleep until something arrives or the next timer is due; nothing the
        // user waits for depends on this timeout.
        let now = Instant::now();
        let due = app
            .next_wake(now)
            .map_or(next_tty_check, |t| t.min(next_tty_check));
        match wake.recv_timeout(due.saturating_duration_since(now)) {
            Ok(first) => {
                // Handle everything that has already arrived (keys typed ahead,
                // several answers) before drawing once.
                for event in std::iter::once(first).chain(wake.try_iter()) {
                    match event {
                        Wake::Input(Ok(Event::Key(key))) => app.handle_key(key),
                        Wake::Input(Ok(Event::Paste(text))) => app.paste(&text),
                        Wake::Input(Ok(_)) => {}
                        Wake::Input(Err(_)) | Wake::Signal => return Ok(()),
                        Wake::Job(response) => app.handle_response(*response),
                    }
                }
                dirty = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        let now = Instant::now();
        // A terminal can vanish without a SIGHUP reaching us (its emulator
        // killed, a multiplexer's server gone): a hung-up tty is no longer a
        // terminal. Treated like SIGHUP: the text is kept and we end.
        if now >= next_tty_check {
            next_tty_check = now + TTY_CHECK;
            if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                return Ok(());
            }
        }
        if app.tick(now) {
            dirty = true;
        }
    }
}

/// How often the loop checks that it still has a terminal.
const TTY_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

/// Puts `text` on the user's own clipboard through the terminal (OSC 52), which
/// works over SSH in terminals that support it.
fn osc52(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Runs `$VISUAL`/`$EDITOR` (default `vi`) on a temporary copy of the text.
fn external_edit(text: &str) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
    let file = tempfile::Builder::new()
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot create a temporary file: {e}"))?;
    std::fs::write(file.path(), text).map_err(|e| format!("cannot write {}: {e}", file.path().display()))?;
    let _ = terminal::disable_raw_mode();
    let _ = execute!(std::io::stdout(), terminal::LeaveAlternateScreen);
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi").to_string();
    let status = std::process::Command::new(&program)
        .args(parts)
        .arg(file.path())
        .status();
    let _ = execute!(std::io::stdout(), terminal::EnterAlternateScreen);
    let _ = terminal::enable_raw_mode();
    match status {
        Ok(s) if s.success() => {
            let bytes =
                std::fs::read(file.path()).map_err(|e| format!("cannot read the edited text: {e}"))?;
            crate::domain::check_document("the edited text", &bytes)
                .map(str::to_string)
                .map_err(|e| e.to_string())
        }
        Ok(s) => Err(format!("{program} exited with {s}; the text was not changed")),
        Err(e) => Err(format!("cannot start the editor \"{program}\": {e}")),
    }
}
