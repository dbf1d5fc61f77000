//! Terminal input on its own thread. crossterm's reader spins forever inside
//! `event::poll` once the terminal is gone (crossterm issue #793: a dead tty
//! reads as end of file, and the loop retries at once), so the event loop must
//! never wait inside crossterm itself: it waits on a channel, and checks once a
//! second that it still has a terminal. The reader can be paused while another
//! program (the user's $EDITOR) owns the terminal.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

pub struct Input {
    rx: Receiver<std::io::Result<Event>>,
    paused: Arc<AtomicBool>,
    parked: Arc<AtomicBool>,
}

pub enum Next {
    Event(Event),
    Timeout,
    /// The terminal is gone or unreadable.
    Closed,
}

impl Input {
    pub fn spawn() -> Input {
        let (tx, rx) = channel();
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
                let next = match event::poll(Duration::from_millis(50)) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                let failed = next.is_err();
                if tx.send(next).is_err() || failed {
                    return;
                }
            }
        });
        Input { rx, paused, parked }
    }

    /// Waits up to `timeout` for the next event.
    pub fn next(&self, timeout: Duration) -> Next {
        match self.rx.recv_timeout(timeout) {
            Ok(Ok(event)) => Next::Event(event),
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Next::Closed,
            Err(RecvTimeoutError::Timeout) => Next::Timeout,
        }
    }

    /// An event that has already arrived, without waiting.
    pub fn ready(&self) -> Option<Event> {
        match self.rx.try_recv() {
            Ok(Ok(event)) => Some(event),
            _ => None,
        }
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
