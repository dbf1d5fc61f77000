//! End-to-end benchmark: the release binary in a pseudo-terminal (120×40) on a
//! generated workspace of 200 documents and 20,000 commits, timed from the key
//! (or the start) until the expected text is on the parsed screen, as a person
//! at the terminal would wait for it — event loop, worker, git and drawing
//! included. Also peak memory, and the bytes sent to the terminal per key (what
//! crosses a slow SSH link), with tig on the same repository for comparison
//! when it is installed.
//!
//! Run with `cargo bench --bench e2e`. It prints a markdown table and writes it
//! to `target/e2e-latest.md`; progress goes to stderr. Settings:
//! - `UDKAST_E2E_RUNS` (default 5): runs per timing; each figure is the median.
//! - `UDKAST_E2E_REPO=/path`: keep the generated repository there and reuse it
//!   on the next run (generation takes most of a minute).
//!
//! The workspace generator is `benches/support/e2e_workspace.rs`.

#[path = "support/lcg.rs"]
mod lcg;
#[path = "support/e2e_workspace.rs"]
mod workspace;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use workspace::Workspace;

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// A figure that is not on screen by then is reported as "timeout".
const TIMEOUT: Duration = Duration::from_secs(10);
/// No output for this long: the screen has settled after a key.
const QUIET: Duration = Duration::from_millis(150);
/// In the editor the gutter marks follow 150 ms after typing pauses, the
/// autosave within 250 ms and the thread placement after 500 ms, so "settled"
/// there means quiet for longer than all of them.
const EDITOR_QUIET: Duration = Duration::from_millis(700);
/// Output after a key that pauses this long is no longer its immediate echo:
/// far longer than writing one frame takes, shorter than the 150 ms after
/// which the editor redraws its gutter marks.
const BURST_GAP: Duration = Duration::from_millis(75);
/// How often the screen is looked at while waiting for text.
const POLL: Duration = Duration::from_micros(200);
/// Samples for the byte counts (alternating keys, in one session).
const BYTE_SAMPLES: usize = 9;

const CTRL_Q: &[u8] = b"\x11";
const ENTER: &[u8] = b"\r";
const ESC: &[u8] = b"\x1b";
const DOWN3_HOME: &[u8] = b"\x1b[B\x1b[B\x1b[B\x1b[H";
const RIGHT: &[u8] = b"\x1b[C";

// ---------------------------------------------------------------------------
// Driving a program in a pseudo-terminal

/// Why a figure could not be measured.
#[derive(Debug)]
enum Failure {
    /// The text never appeared within `TIMEOUT` (the screen went to stderr).
    Timeout,
    /// The program exited, or the terminal failed.
    Broken(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Broken(format!("terminal I/O failed: {e}"))
    }
}

/// What the reader thread keeps of the program's output.
struct Output {
    parser: vt100::Parser,
    bytes: usize,
    /// When the latest output arrived.
    last: Instant,
    /// Every chunk read: when, and how many bytes.
    chunks: Vec<(Instant, usize)>,
}

struct Shared {
    output: Mutex<Output>,
    /// Bumped after each chunk, so the waiting loop re-reads the screen only
    /// when it changed (and does not fight the reader for the lock).
    generation: AtomicU64,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        // A panic elsewhere cannot leave the parser half-updated in a way that
        // matters to a measurement, so a poisoned lock is still usable.
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The environment every program runs in: nothing from the user's own.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temporary HOME: {e}"));
        let gitconfig = "[user]\n\tname = Bench Bruger\n\temail = bench@aaby.dk\n";
        std::fs::write(dir.path().join(".gitconfig"), gitconfig)
            .unwrap_or_else(|e| panic!("cannot write the temporary ~/.gitconfig: {e}"));
        Home { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn state(&self) -> PathBuf {
        self.path().join(".state")
    }

    /// Forgets autosaves, so reopening a document offers nothing back.
    fn forget_state(&self) {
        let _ = std::fs::remove_dir_all(self.state());
    }
}

struct Term {
    name: String,
    shared: Arc<Shared>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// Just before the program was started.
    started: Instant,
    /// Timeouts whose screen went to stderr (the first few are enough).
    reported: usize,
}

impl Term {
    fn spawn(home: &Home, program: &str, args: &[&str], cwd: &Path) -> Result<Term, Failure> {
        let broken = |what: &str, e: &dyn std::fmt::Display| Failure::Broken(format!("{what}: {e}"));
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .map_err(|e| broken("cannot open a pseudo-terminal", &e))?;
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env_clear();
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join(".config"));
        cmd.env("XDG_STATE_HOME", home.state());
        cmd.env("TERM", "xterm-256color");
        // tig (ncurses) draws æøå only in a UTF-8 locale, as any Danish user has.
        cmd.env("LANG", "C.UTF-8");
        cmd.env("GIT_CONFIG_NOSYSTEM", "1");
        cmd.env("GIT_AUTHOR_NAME", "Bench Bruger");
        cmd.env("GIT_AUTHOR_EMAIL", "bench@aaby.dk");
        cmd.env("GIT_COMMITTER_NAME", "Bench Bruger");
        cmd.env("GIT_COMMITTER_EMAIL", "bench@aaby.dk");
        let nz = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
                bytes: 0,
                last: Instant::now(),
                chunks: Vec::new(),
            }),
            generation: AtomicU64::new(0),
        });
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| broken("cannot read the pseudo-terminal", &e))?;
        let writer = pair
            .master
            .take_writer()
            .map_err(|e| broken("cannot write to the pseudo-terminal", &e))?;
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| broken(&format!("cannot start {program}"), &e))?;
        drop(pair.slave);
        let s = shared.clone();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            // Ends when the program is gone (EOF or EIO on the master).
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut out = s.lock();
                out.parser.process(&buf[..n]);
                let now = Instant::now();
                out.bytes += n;
                out.last = now;
                out.chunks.push((now, n));
                drop(out);
                s.generation.fetch_add(1, Ordering::Release);
            }
        });
        Ok(Term {
            name: Path::new(program)
                .file_name()
                .map_or(program.to_string(), |n| n.to_string_lossy().into_owned()),
            shared,
            writer,
            child,
            _master: pair.master,
            started,
            reported: 0,
        })
    }

    fn udkast(home: &Home, repo: &Path) -> Result<Term, Failure> {
        home.forget_state();
        Term::spawn(home, env!("CARGO_BIN_EXE_udkast"), &[], repo)
    }

    /// Writes a key; returns the moment just before it was written.
    fn send(&mut self, key: &[u8]) -> Result<Instant, Failure> {
        let at = Instant::now();
        self.writer.write_all(key)?;
        self.writer.flush()?;
        Ok(at)
    }

    fn screen(&self) -> String {
        self.shared.lock().parser.screen().contents()
    }

    fn exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits until `ready` holds for the screen; returns the time from `since`
    /// until the output that made it hold arrived.
    fn wait_for(
        &mut self,
        since: Instant,
        what: &str,
        ready: &dyn Fn(&str) -> bool,
    ) -> Result<Duration, Failure> {
        self.wait_within(TIMEOUT, since, what, ready)
    }

    fn wait_within(
        &mut self,
        limit: Duration,
        since: Instant,
        what: &str,
        ready: &dyn Fn(&str) -> bool,
    ) -> Result<Duration, Failure> {
        let deadline = Instant::now() + limit;
        let mut seen = u64::MAX;
        loop {
            let generation = self.shared.generation.load(Ordering::Acquire);
            if generation != seen {
                seen = generation;
                let (text, at) = {
                    let out = self.shared.lock();
                    (out.parser.screen().contents(), out.last)
                };
                if ready(&text) {
                    return Ok(at.saturating_duration_since(since));
                }
            }
            if Instant::now() > deadline {
                self.reported += 1;
                if self.reported <= 2 {
                    eprintln!(
                        "\n{}: {what} not on screen after {limit:?}; the screen shows:\n{}\n",
                        self.name,
                        self.screen()
                    );
                } else {
                    eprintln!("{}: {what} not on screen after {limit:?}", self.name);
                }
                return Err(Failure::Timeout);
            }
            if self.exited() {
                return Err(Failure::Broken(format!(
                    "{} exited while waiting for {what}; the screen showed:\n{}",
                    self.name,
                    self.screen()
                )));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until nothing was written for `window` (counting from `from` at the
    /// earliest, so a program that stays silent also counts as settled).
    fn quiet_from(&mut self, from: Instant, window: Duration) -> Result<(), Failure> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let last = self.shared.lock().last.max(from);
            let now = Instant::now();
            if now.saturating_duration_since(last) >= window {
                return Ok(());
            }
            if now > deadline {
                eprintln!(
                    "\n{}: the screen never settled (output at least every {window:?} for {TIMEOUT:?})",
                    self.name
                );
                return Err(Failure::Timeout);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn quiet(&mut self, window: Duration) -> Result<(), Failure> {
        self.quiet_from(Instant::now(), window)
    }

    /// Bytes written for one key on a screen settled for `window`:
    /// `(right away, in all)` — right away is the first burst (up to a pause of
    /// `BURST_GAP`), in all is everything until `window` passes without output
    /// (adding a later redraw, like the editor's gutter after typing pauses).
    fn bytes_for(&mut self, key: &[u8], window: Duration) -> Result<(usize, usize), Failure> {
        self.quiet(window)?;
        let from = self.shared.lock().chunks.len();
        let at = self.send(key)?;
        self.quiet_from(at, window)?;
        let out = self.shared.lock();
        let chunks = &out.chunks[from..];
        let mut first = 0;
        let mut previous = chunks.first().map(|c| c.0);
        for &(when, n) in chunks {
            if previous.is_some_and(|p| when.saturating_duration_since(p) >= BURST_GAP) {
                break;
            }
            first += n;
            previous = Some(when);
        }
        Ok((first, chunks.iter().map(|c| c.1).sum()))
    }

    /// Peak resident memory so far, in MB (VmHWM).
    fn peak_rss_mb(&self) -> Result<f64, Failure> {
        let pid = self
            .child
            .process_id()
            .ok_or_else(|| Failure::Broken("no process id".into()))?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| Failure::Broken(format!("no VmHWM in /proc/{pid}/status")))?;
        Ok(kb / 1024.0)
    }

    /// Quits udkast (discarding unsaved text when it asks) or tig (`q`), and
    /// makes sure the process is gone.
    fn quit(mut self, key: &[u8]) {
        let _ = self.send(key);
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut discarded = false;
        while Instant::now() < deadline {
            if self.exited() {
                return;
            }
            // The bench workspace is Danish: "Afslut udkast?" asks about unsaved text.
            if !discarded && self.screen().contains("Afslut udkast?") {
                let _ = self.send(b"d");
                discarded = true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        eprintln!("{} did not quit within 5 s; killing it", self.name);
        // Drop kills it.
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.exited() {
            return;
        }
        let _ = self.child.kill();
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if self.exited() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        if let Some(pid) = self.child.process_id() {
            let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        }
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------
// Figures

#[derive(Clone, Copy)]
enum Unit {
    Ms,
    Mb,
    Bytes,
}

/// The samples of one figure: values, and how often it could not be measured.
struct Figure {
    unit: Unit,
    values: Vec<f64>,
    /// Values measured alongside (the editor's later redraw), same length.
    extra: Vec<f64>,
    timeouts: usize,
    broken: usize,
    /// Runs that ended before reaching this figure (an earlier one failed).
    skipped: usize,
    /// The history drew the right header over another draft's diff.
    wrong: usize,
}

impl Figure {
    fn new(unit: Unit) -> Figure {
        Figure {
            unit,
            values: Vec::new(),
            extra: Vec::new(),
            timeouts: 0,
            broken: 0,
            skipped: 0,
            wrong: 0,
        }
    }

    /// Records a result and passes it on, so a session can stop at a failure.
    fn take<T: Into<f64> + Copy>(&mut self, r: Result<T, Failure>) -> Result<T, Failure> {
        match &r {
            Ok(v) => self.values.push((*v).into()),
            Err(Failure::Timeout) => self.timeouts += 1,
            Err(Failure::Broken(e)) => {
                eprintln!("measurement failed: {e}");
                self.broken += 1;
            }
        }
        r
    }

    /// Records the bytes written right away, and those of a later redraw apart.
    fn take_bytes(&mut self, r: Result<(usize, usize), Failure>) -> Result<(), Failure> {
        match r {
            Ok((first, all)) => {
                self.values.push(first as f64);
                self.extra.push((all - first) as f64);
                Ok(())
            }
            Err(e) => self.take::<f64>(Err(e)).map(|_| ()),
        }
    }

    fn time(&mut self, r: Result<Duration, Failure>) -> Result<Duration, Failure> {
        self.take(r.map(|d| d.as_secs_f64() * 1000.0))
            .map(|ms| Duration::from_secs_f64(ms / 1000.0))
    }

    fn runs(&self) -> usize {
        self.values.len() + self.timeouts + self.broken + self.skipped + self.wrong
    }

    fn median(values: &[f64]) -> Option<f64> {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(v[n / 2]),
            _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
        }
    }

    /// The median, unless some run never got there: then the figure is a timeout.
    fn value(&self) -> Option<f64> {
        if self.timeouts > 0 || self.broken > 0 || self.skipped > 0 || self.wrong > 0 {
            None
        } else {
            Figure::median(&self.values)
        }
    }

    fn format(&self, v: f64) -> String {
        match self.unit {
            Unit::Ms => format!("{v:.1} ms"),
            Unit::Mb => format!("{v:.1} MB"),
            Unit::Bytes if v.fract() == 0.0 => format!("{v:.0} B"),
            Unit::Bytes => format!("{v:.1} B"),
        }
    }

    fn shown(&self) -> String {
        let runs = self.runs();
        if let Some(v) = self.value() {
            let mut s = self.format(v);
            if let Some(extra) = Figure::median(&self.extra).filter(|e| *e > 0.0) {
                s.push_str(&format!(" (+{} after a pause)", self.format(extra)));
            }
            s
        } else if self.wrong > 0 {
            let others = Figure::median(&self.values)
                .map(|v| format!("; the others: {}", self.format(v)))
                .unwrap_or_default();
            format!("wrong diff drawn in {} of {runs} steps{others}", self.wrong)
        } else if self.timeouts > 0 {
            format!("timeout ({} of {runs} runs)", self.timeouts)
        } else if self.broken > 0 {
            format!("failed ({} of {runs} runs, see stderr)", self.broken)
        } else if self.skipped > 0 {
            format!("not reached ({} of {runs} runs)", self.skipped)
        } else {
            "not measured".into()
        }
    }
}

struct Row {
    what: &'static str,
    udkast: String,
    /// Whether the udkast figure meets its target (None: no target, or no value).
    meets: Option<bool>,
    tig: String,
    target: &'static str,
}

fn row(what: &'static str, figure: &Figure, limit: Option<f64>, tig: String, target: &'static str) -> Row {
    Row {
        what,
        udkast: figure.shown(),
        meets: limit.and_then(|l| figure.value().map(|v| v <= l)),
        tig,
        target,
    }
}

// ---------------------------------------------------------------------------
// Sessions: one program run each, measuring one or more figures

/// udkast started on `repo`, once the overview lists the first document.
fn on_overview(home: &Home, repo: &Path, ws: &Workspace) -> Result<Term, Failure> {
    let mut t = Term::udkast(home, repo)?;
    let since = t.started;
    t.wait_for(since, "the overview", &overview_shown(ws))?;
    Ok(t)
}

fn overview_shown(ws: &Workspace) -> impl Fn(&str) -> bool + '_ {
    move |s: &str| s.contains(&ws.title)
}

/// The history shows the diff from draft `n - 1` to draft `n`: its header names
/// both drafts, and the case number only that draft added is in the text.
/// (The header alone is not enough: udkast has been seen to draw it over the
/// text of the diff shown before, when `j` came before that draft's diff.)
fn diff_shown(ws: &Workspace, n: usize) -> impl Fn(&str) -> bool + '_ {
    // The bench workspace is Danish: "udkast 39 → udkast 40".
    let header = format!("udkast {} → udkast {n}", n - 1);
    let token = ws.token(n).to_string();
    move |s: &str| s.contains(&header) && s.contains(&token)
}

/// The diff of draft `n` as a fresh clone shows it first: numbered, or (while
/// the history is still being read) labelled by the drafts' dates.
fn found_diff_shown(ws: &Workspace, n: usize) -> impl Fn(&str) -> bool + '_ {
    let numbered = diff_shown(ws, n);
    let token = ws.token(n).to_string();
    move |s: &str| {
        numbered(s) || (s.contains("→ udkast af ") && s.contains(&token) && !s.contains("sammenligner…"))
    }
}

/// The header of the diff from draft `n - 1` to draft `n`: the worker's answer
/// is in and drawn (whatever the text below it shows).
fn header_shown(n: usize) -> impl Fn(&str) -> bool {
    let header = format!("udkast {} → udkast {n}", n - 1);
    move |s: &str| s.contains(&header) && !s.contains("sammenligner…")
}

fn document_shown(ws: &Workspace) -> impl Fn(&str) -> bool + '_ {
    move |s: &str| s.contains(&ws.first_line)
}

struct Udkast {
    overview: Figure,
    history: Figure,
    step: Figure,
    quick_steps: Figure,
    open: Figure,
    cold_overview: Figure,
    cold_history: Figure,
    cold_total: Figure,
    rss: Figure,
    overview_bytes: Figure,
    typed_bytes: Figure,
    move_bytes: Figure,
}

/// Warm cache: start → overview, `3` → the latest draft's diff, then (after
/// reading it for half a second, so the neighbours are prefetched as they
/// would be for a person) `j` → the draft before.
fn warm_session(home: &Home, repo: &Path, ws: &Workspace, f: &mut Udkast) -> Result<(), Failure> {
    let n = ws.drafts();
    let mut t = Term::udkast(home, repo)?;
    let since = t.started;
    // Timed here (not `on_overview`), so a timeout is recorded as one.
    f.overview
        .time(t.wait_for(since, "the overview", &overview_shown(ws)))?;
    t.quiet(QUIET)?;
    let key = t.send(b"3")?;
    f.history
        .time(t.wait_for(key, &format!("the diff of draft {n}"), &diff_shown(ws, n)))?;
    std::thread::sleep(Duration::from_millis(500));
    t.quiet(QUIET)?;
    let key = t.send(b"j")?;
    let what = format!("the diff of draft {}", n - 1);
    f.step.time(t.wait_for(key, &what, &diff_shown(ws, n - 1)))?;
    t.quit(CTRL_Q);
    Ok(())
}

/// Enter on the overview's first row → the 5,000-line document's text.
fn open_session(home: &Home, repo: &Path, ws: &Workspace, f: &mut Udkast) -> Result<(), Failure> {
    let mut t = on_overview(home, repo, ws)?;
    t.quiet(QUIET)?;
    let key = t.send(ENTER)?;
    f.open
        .time(t.wait_for(key, "the document's first lines", &document_shown(ws)))?;
    t.quit(CTRL_Q);
    Ok(())
}

/// A clone without udkast's cache: start → overview, then `3` at once → diff.
fn cold_session(home: &Home, clone: &Path, ws: &Workspace, f: &mut Udkast) -> Result<(), Failure> {
    let cache = clone.join(".git/udkast");
    if cache.exists() {
        std::fs::remove_dir_all(&cache)
            .map_err(|e| Failure::Broken(format!("cannot remove {}: {e}", cache.display())))?;
    }
    let n = ws.drafts();
    let mut t = Term::udkast(home, clone)?;
    let since = t.started;
    f.cold_overview
        .time(t.wait_for(since, "the overview (fresh clone)", &overview_shown(ws)))?;
    let key = t.send(b"3")?;
    let shown = t.wait_for(
        key,
        &format!("the diff of draft {n} (fresh clone)"),
        &found_diff_shown(ws, n),
    );
    if let Ok(d) = &shown {
        f.cold_total
            .values
            .push((key + *d - since).as_secs_f64() * 1000.0);
    }
    f.cold_history.time(shown)?;
    t.quit(CTRL_Q);
    Ok(())
}

/// Peak memory after the overview, the 5,000-line document, its history and
/// ten steps through it, each `j` pressed as soon as the previous diff is
/// drawn (timed too: nothing is prefetched yet, unlike in `warm_session`).
fn memory_session(home: &Home, repo: &Path, ws: &Workspace, f: &mut Udkast) -> Result<(), Failure> {
    let n = ws.drafts();
    let quick = &mut f.quick_steps;
    let result = (|| {
        let mut t = on_overview(home, repo, ws)?;
        let key = t.send(ENTER)?;
        t.wait_for(key, "the document's first lines", &document_shown(ws))?;
        let key = t.send(ESC)?;
        // The bench workspace is Danish (no `language` in its udkast.toml).
        let documents = format!("af {} dokumenter", workspace::DOCUMENTS);
        t.wait_for(key, "the overview again", &|s| s.contains(&documents))?;
        let key = t.send(b"3")?;
        t.wait_for(key, &format!("the diff of draft {n}"), &diff_shown(ws, n))?;
        for step in 1..=10 {
            let key = t.send(b"j")?;
            let what = format!("the header of the diff of draft {}", n - step);
            t.wait_for(key, &what, &header_shown(n - step))?;
            // Drawn in the same frame as its header when all is well; the
            // second is only slack. Memory is measured either way: the diff
            // was computed.
            let what = format!("the text of the diff of draft {} (its header is shown)", n - step);
            let grace = Duration::from_secs(1);
            match t.wait_within(grace, key, &what, &diff_shown(ws, n - step)) {
                Ok(d) => quick.values.push(d.as_secs_f64() * 1000.0),
                Err(Failure::Timeout) => quick.wrong += 1,
                Err(e) => return Err(e),
            }
        }
        let mb = t.peak_rss_mb()?;
        t.quit(CTRL_Q);
        Ok(mb)
    })();
    f.rss.take(result).map(|_| ())
}

/// Bytes for `j`/`k` on a settled overview.
fn overview_bytes_session(home: &Home, repo: &Path, ws: &Workspace, f: &mut Udkast) -> Result<(), Failure> {
    let mut t = on_overview(home, repo, ws)?;
    for i in 0..BYTE_SAMPLES {
        let key: &[u8] = if i % 2 == 0 { b"j" } else { b"k" };
        f.overview_bytes.take_bytes(t.bytes_for(key, QUIET))?;
    }
    t.quit(CTRL_Q);
    Ok(())
}

/// In the 5,000-line document: bytes for a cursor move (→), then for a
/// character typed at the start of a line (three lines down, Home, `x`).
fn editor_bytes_session(home: &Home, repo: &Path, ws: &Workspace, f: &mut Udkast) -> Result<(), Failure> {
    let mut t = on_overview(home, repo, ws)?;
    t.quiet(QUIET)?;
    let key = t.send(ENTER)?;
    t.wait_for(key, "the document's first lines", &document_shown(ws))?;
    for _ in 0..BYTE_SAMPLES {
        f.move_bytes.take_bytes(t.bytes_for(RIGHT, EDITOR_QUIET))?;
    }
    for _ in 0..BYTE_SAMPLES {
        t.send(DOWN3_HOME)?;
        f.typed_bytes.take_bytes(t.bytes_for(b"x", EDITOR_QUIET))?;
    }
    t.quit(CTRL_Q);
    Ok(())
}

/// Runs one session; each of `figures` that it did not reach counts as skipped
/// in this run, so no figure is a median of fewer runs without saying so.
fn session<S>(
    s: &mut S,
    name: &str,
    figures: &[fn(&mut S) -> &mut Figure],
    run: impl FnOnce(&mut S) -> Result<(), Failure>,
) {
    let before: Vec<usize> = figures.iter().map(|f| f(s).runs()).collect();
    if let Err(e) = run(s) {
        match e {
            Failure::Timeout => eprintln!("{name}: stopped at a timeout"),
            Failure::Broken(e) => eprintln!("{name}: stopped: {e}"),
        }
    }
    for (f, before) in figures.iter().zip(before) {
        let figure = f(s);
        if figure.runs() == before {
            figure.skipped += 1;
        }
    }
}

// ---------------------------------------------------------------------------
// tig, for comparison

struct Tig {
    start: Figure,
    file: Figure,
    rss: Figure,
    bytes: Figure,
}

/// `tig` → the newest commit listed; its peak memory once all 20,000 are read.
fn tig_start_session(
    home: &Home,
    tig: &Path,
    repo: &Path,
    ws: &Workspace,
    f: &mut Tig,
) -> Result<(), Failure> {
    let mut t = Term::spawn(home, &tig.to_string_lossy(), &[], repo)?;
    let since = t.started;
    let newest = |s: &str| s.contains(&ws.head_subject);
    f.start.time(t.wait_for(since, "tig's newest commit", &newest))?;
    // tig keeps reading the log (and updating its status line) after the
    // first screen: settled means all commits are in.
    t.quiet(QUIET)?;
    f.rss.take(t.peak_rss_mb())?;
    t.quit(b"q");
    Ok(())
}

/// `tig -- strategies/<slug>/document.md` → that file's newest commit listed.
fn tig_file_session(
    home: &Home,
    tig: &Path,
    repo: &Path,
    ws: &Workspace,
    f: &mut Tig,
) -> Result<(), Failure> {
    let path = ws.path();
    let mut t = Term::spawn(home, &tig.to_string_lossy(), &["--", &path], repo)?;
    let since = t.started;
    let newest = |s: &str| s.contains(&ws.target_subject);
    f.file
        .time(t.wait_for(since, "the file's newest commit in tig", &newest))?;
    t.quit(b"q");
    Ok(())
}

/// Bytes for `j`/`k` in tig's main view, once it has read the whole log.
fn tig_bytes_session(
    home: &Home,
    tig: &Path,
    repo: &Path,
    ws: &Workspace,
    f: &mut Tig,
) -> Result<(), Failure> {
    let mut t = Term::spawn(home, &tig.to_string_lossy(), &[], repo)?;
    let since = t.started;
    t.wait_for(since, "tig's newest commit", &|s| s.contains(&ws.head_subject))?;
    for i in 0..BYTE_SAMPLES {
        let key: &[u8] = if i % 2 == 0 { b"j" } else { b"k" };
        f.bytes.take_bytes(t.bytes_for(key, QUIET))?;
    }
    t.quit(b"q");
    Ok(())
}

/// tig's path when it is installed.
fn find_tig() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("tig"))
        .find(|p| p.is_file())
}

// ---------------------------------------------------------------------------
// Setup and the report

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Builds udkast's history cache as a user's first run would, then runs the
/// TUI once untimed, so the timed runs find caches (udkast's and the OS's) warm.
fn warm_up(home: &Home, repo: &Path, ws: &Workspace) {
    let out = Command::new(env!("CARGO_BIN_EXE_udkast"))
        .arg("--repo")
        .arg(repo)
        .arg("list")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_STATE_HOME", home.state())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run udkast list: {e}"));
    assert!(
        out.status.success(),
        "udkast list failed on the generated workspace: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if !repo.join(".git/udkast/drafts.cache").exists() {
        eprintln!(
            "warning: udkast list left no .git/udkast/drafts.cache; the warm figures may include building it"
        );
    }
    let untimed = || -> Result<(), Failure> {
        let mut t = on_overview(home, repo, ws)?;
        let key = t.send(b"3")?;
        t.wait_for(key, "the latest diff", &diff_shown(ws, ws.drafts()))?;
        t.quit(CTRL_Q);
        Ok(())
    };
    if untimed().is_err() {
        eprintln!("warning: the untimed warm-up run did not get to the history");
    }
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores (nproc), {model}")
}

fn version() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let commit = git(dir, &["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown commit".into());
    let dirty = git(dir, &["status", "--porcelain", "--", "src"]).is_some_and(|s| !s.is_empty());
    if dirty {
        format!("{commit} with uncommitted changes in src/")
    } else {
        commit
    }
}

/// 20000 → "20,000", as the rest of the docs write numbers.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn mark(meets: Option<bool>) -> &'static str {
    match meets {
        Some(true) => " ✓ meets",
        Some(false) => " ✗ misses",
        None => "",
    }
}

fn main() {
    let begun = Instant::now();
    let runs: usize = std::env::var("UDKAST_E2E_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temporary folder: {e}"));
    let repo = std::env::var_os("UDKAST_E2E_REPO")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("workspace"));

    let started = Instant::now();
    let (ws, generation) = if repo.exists() {
        let ws = Workspace::read(&repo).unwrap_or_else(|| {
            panic!(
                "{} exists but was not generated by this version of the benchmark; \
                 remove it to generate it again",
                repo.display()
            )
        });
        eprintln!("reusing the workspace in {}", repo.display());
        (ws, None)
    } else {
        eprintln!(
            "generating {} documents and {} commits in {} …",
            workspace::DOCUMENTS,
            thousands(workspace::COMMITS),
            repo.display()
        );
        let ws = workspace::generate(&repo);
        let took = started.elapsed();
        eprintln!("generated in {took:.1?}");
        (ws, Some(took))
    };
    eprintln!("first row: {} ({}), {} drafts", ws.title, ws.slug, ws.drafts());

    // One clone without udkast's cache; the cache is removed before each cold run.
    let started = Instant::now();
    let clone = tmp.path().join("clone");
    let status = Command::new("git")
        .args(["clone", "-q", "--no-local"])
        .arg(&repo)
        .arg(&clone)
        .status()
        .unwrap_or_else(|e| panic!("cannot run git clone: {e}"));
    assert!(status.success(), "git clone --no-local {} failed", repo.display());
    let cloning = started.elapsed();
    eprintln!("cloned in {cloning:.1?}");

    let home = Home::new();
    warm_up(&home, &repo, &ws);

    let mut u = Udkast {
        overview: Figure::new(Unit::Ms),
        history: Figure::new(Unit::Ms),
        step: Figure::new(Unit::Ms),
        quick_steps: Figure::new(Unit::Ms),
        open: Figure::new(Unit::Ms),
        cold_overview: Figure::new(Unit::Ms),
        cold_history: Figure::new(Unit::Ms),
        cold_total: Figure::new(Unit::Ms),
        rss: Figure::new(Unit::Mb),
        overview_bytes: Figure::new(Unit::Bytes),
        typed_bytes: Figure::new(Unit::Bytes),
        move_bytes: Figure::new(Unit::Bytes),
    };
    // The runs interleave the sessions, so a slow moment of the machine does
    // not land on one figure only.
    for run in 1..=runs {
        eprintln!("udkast run {run} of {runs}");
        session(
            &mut u,
            "warm overview/history",
            &[|u| &mut u.overview, |u| &mut u.history, |u| &mut u.step],
            |u| warm_session(&home, &repo, &ws, u),
        );
        session(&mut u, "open the document", &[|u| &mut u.open], |u| {
            open_session(&home, &repo, &ws, u)
        });
        session(
            &mut u,
            "fresh clone",
            &[
                |u| &mut u.cold_overview,
                |u| &mut u.cold_history,
                |u| &mut u.cold_total,
            ],
            |u| cold_session(&home, &clone, &ws, u),
        );
        session(
            &mut u,
            "peak memory",
            &[|u| &mut u.rss, |u| &mut u.quick_steps],
            |u| memory_session(&home, &repo, &ws, u),
        );
    }
    eprintln!("udkast: bytes per key");
    session(&mut u, "bytes on the overview", &[], |u| {
        overview_bytes_session(&home, &repo, &ws, u)
    });
    session(&mut u, "bytes in the editor", &[], |u| {
        editor_bytes_session(&home, &repo, &ws, u)
    });

    let mut t = Tig {
        start: Figure::new(Unit::Ms),
        file: Figure::new(Unit::Ms),
        rss: Figure::new(Unit::Mb),
        bytes: Figure::new(Unit::Bytes),
    };
    let tig = find_tig();
    match &tig {
        None => eprintln!("tig not installed"),
        Some(tig) => {
            for run in 1..=runs {
                eprintln!("tig run {run} of {runs}");
                session(&mut t, "tig start", &[|t| &mut t.start, |t| &mut t.rss], |t| {
                    tig_start_session(&home, tig, &repo, &ws, t)
                });
                session(&mut t, "tig -- file", &[|t| &mut t.file], |t| {
                    tig_file_session(&home, tig, &repo, &ws, t)
                });
            }
            session(&mut t, "tig bytes", &[], |t| {
                tig_bytes_session(&home, tig, &repo, &ws, t)
            });
        }
    }
    let tig_shown = |f: &Figure, what: &str| {
        if tig.is_some() {
            format!("{} ({what})", f.shown())
        } else {
            "tig not installed".to_string()
        }
    };

    let rows = [
        row(
            "Overview: start → first document listed (warm history cache)",
            &u.overview,
            Some(30.0),
            tig_shown(&t.start, "start → newest commit listed"),
            "≤ 30 ms",
        ),
        row(
            "History: `3` on the overview → the latest draft's diff drawn",
            &u.history,
            Some(50.0),
            "—".into(),
            "≤ 50 ms",
        ),
        row(
            "Enter on the overview → the 5,000-line document's text",
            &u.open,
            Some(25.0),
            "—".into(),
            "≤ 25 ms",
        ),
        row(
            "History: `j` → the next draft's diff drawn",
            &u.step,
            Some(5.0),
            "—".into(),
            "≤ 5 ms",
        ),
        row(
            "History: `j` as soon as the previous diff is drawn (10 steps) → the next draft's diff",
            &u.quick_steps,
            Some(5.0),
            "—".into(),
            "≤ 5 ms",
        ),
        row(
            "Fresh clone: start → first document listed",
            &u.cold_overview,
            None,
            "—".into(),
            "—",
        ),
        row(
            "Fresh clone: `3` (as soon as the overview lists) → the latest draft's diff drawn",
            &u.cold_history,
            Some(300.0),
            tig_shown(&t.file, "`tig -- <document>` start → its newest commit listed"),
            "≤ 300 ms",
        ),
        row(
            "Fresh clone: start → the latest draft's diff drawn (the two above)",
            &u.cold_total,
            None,
            "—".into(),
            "—",
        ),
        row(
            "Peak memory (VmHWM): overview, the 5,000-line document, its history, 10 steps",
            &u.rss,
            Some(60.0),
            tig_shown(&t.rss, "main view, all commits read"),
            "≤ 60 MB",
        ),
        row(
            "Bytes to the terminal for `j` on the overview",
            &u.overview_bytes,
            Some(150.0),
            tig_shown(&t.bytes, "`j` in the main view"),
            "≤ 150 B (tig 295)",
        ),
        row(
            "Bytes for a character typed at the start of a line (editor, 5,000 lines)",
            &u.typed_bytes,
            Some(40.0),
            "—".into(),
            "≤ 40 B",
        ),
        row(
            "Bytes for a cursor move (→) in the editor",
            &u.move_bytes,
            Some(20.0),
            "—".into(),
            "≤ 20 B",
        ),
    ];

    let mut md = String::new();
    md.push_str("# udkast end-to-end benchmark (`cargo bench --bench e2e`)\n\n");
    let date = jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC");
    md.push_str(&format!("- date: {date}\n- machine: {}\n", machine()));
    md.push_str(&format!("- udkast: release build of {}\n", version()));
    md.push_str(&format!(
        "- workspace: {} documents ({} of {} lines, the rest {}), {} commits; \
         the overview's first row \"{}\" has {} drafts\n",
        workspace::DOCUMENTS,
        workspace::LONG_DOCUMENTS,
        thousands(workspace::LONG_LINES),
        workspace::SHORT_LINES,
        thousands(workspace::COMMITS),
        ws.title,
        ws.drafts(),
    ));
    md.push_str(&format!(
        "- runs: median of {runs} per timing, {BYTE_SAMPLES} keys per byte count; terminal {COLS}×{ROWS}\n"
    ));
    md.push_str(&format!(
        "- generation: {}; clone (`git clone --no-local`): {:.1} s\n\n",
        generation.map_or("reused (UDKAST_E2E_REPO)".to_string(), |g| format!(
            "{:.1} s",
            g.as_secs_f64()
        )),
        cloning.as_secs_f64()
    ));
    md.push_str("| what the user waits for | udkast | tig | target |\n|---|---|---|---|\n");
    for r in &rows {
        md.push_str(&format!(
            "| {} | {}{} | {} | {} |\n",
            r.what,
            r.udkast,
            mark(r.meets),
            r.tig,
            r.target
        ));
    }
    md.push_str(&format!(
        "\n- Times: from just before the key is written (or the program is started) until the output \
         that completes the expected text reaches the terminal; median of {runs} runs.\n\
         - Expected text: the overview lists the first row's title; the history's header names both \
         drafts (`draft N-1 → draft N`) and the diff's text holds the case number (`SAGnnnnn`) only \
         that draft added; the document shows its third line.\n\
         - `j` in the history is pressed half a second after the previous diff appeared (its \
         neighbours are prefetched by then); in the 10 steps, as soon as it appeared, and a step \
         whose header is drawn without that draft's case number within a second is a wrong diff.\n\
         - Fresh clone: one `git clone --no-local`, udkast's cache (`.git/udkast/`) removed before \
         each run; `3` pressed as soon as the overview lists.\n\
         - Bytes: the burst of output after the key (until a 75 ms pause), median of \
         {BYTE_SAMPLES} keys; \"after a pause\" is what follows until 700 ms pass without output \
         (the editor redraws its gutter marks once typing pauses for 150 ms).\n\
         - tig: the same terminal (TERM=xterm-256color, LANG=C.UTF-8) and repository, no tigrc.\n"
    ));
    md.push_str(&format!("\nWhole run: {:.0} s.\n", begun.elapsed().as_secs_f64()));

    print!("{md}");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let file = target.join("e2e-latest.md");
    match std::fs::create_dir_all(&target).and_then(|_| std::fs::write(&file, &md)) {
        Ok(()) => eprintln!("written to {}", file.display()),
        Err(e) => eprintln!("cannot write {}: {e}", file.display()),
    }
}
