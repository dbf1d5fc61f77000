//! Everything the event loop waits for arrives on one channel ([`Wake`]): keys
//! and pastes from the terminal, answers from the worker, and signals. The loop
//! blocks on that channel alone (with a timeout only for its own timers), so an
//! answer is drawn the moment it arrives, never at the next poll tick.
//!
//! Terminal input has its own thread because crossterm's reader spins forever
//! inside `event::poll` once the terminal is gone (crossterm issue #793: a dead
//! tty reads as end of file, and the loop retries at once), so the event loop
//! must never wait inside crossterm itself. The reader can be paused while
//! another program (the user's $EDITOR) owns the terminal.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use super::jobs::Response;

/// Why the event loop woke up.
pub enum Wake {
    /// A terminal event, or the terminal is gone or unreadable.
    Input(std::io::Result<Event>),
    /// The worker answered (boxed: answers are much larger than keys).
    Job(Box<Response>),
    /// SIGHUP, SIGTERM or SIGINT: keep the text and end.
    Signal,
}

impl From<Response> for Wake {
    fn from(response: Response) -> Wake {
        Wake::Job(Box::new(response))
    }
}

pub struct Input {
    paused: Arc<AtomicBool>,
    parked: Arc<AtomicBool>,
}

impl Input {
    /// Starts reading the terminal; events go to `tx` until it is dropped.
    pub fn spawn(tx: Sender<Wake>) -> Input {
        let paused = Arc::new(AtomicBool::new(false));
        let parked = Arc::new(AtomicBool::new(false));
        let (p, k) = (paused.clone(), parked.clone());
        std::thread::spawn(move || {
            loop {
                if p.load(Ordering::Acquire) {
                    k.store(true, Ordering::Release);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                k.store(false, Ordering::Release);
                // The timeout only bounds how late a pause is noticed; an
                // event ends the wait at once.
                let next = match event::poll(Duration::from_millis(50)) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                let failed = next.is_err();
                if tx.send(Wake::Input(next)).is_err() || failed {
                    return;
                }
            }
        });
        Input { paused, parked }
    }

    /// Stops reading the terminal (another program is about to use it) and
    /// waits until the reader is idle.
    pub fn pause(&self) {
        self.paused.store(true, Ordering::Release);
        let deadline = Instant::now() + Duration::from_millis(500);
        while !self.parked.load(Ordering::Acquire) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn resume(&self) {
        self.paused.store(false, Ordering::Release);
    }
}

/// Sends [`Wake::Signal`] to `tx` on SIGHUP, SIGTERM or SIGINT, and sets
/// `flag` so that a loop busy elsewhere (the user's $EDITOR) sees it too.
pub fn watch_signals(tx: Sender<Wake>, flag: Arc<AtomicBool>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            flag.store(true, Ordering::Release);
            if tx.send(Wake::Signal).is_err() {
                return;
            }
        }
    });
    Ok(())
}
