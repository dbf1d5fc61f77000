//! TUI benchmarks against the SPEC's bars: a typed character in a 10,000-line
//! document handled and drawn (≤ 2 ms, ≤ 40 bytes to the terminal), a cursor
//! move (≤ 20 bytes), and opening a 5,000-line document (≤ 25 ms). Bytes are
//! counted through a writer behind the TUI's real backend (`ui::backend`) and printed
//! once; times are measured by criterion.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use udkast::domain::Slug;
use udkast::ui::app::{App, Folders};
use udkast::ui::backend::LeanBackend;
use udkast::ui::jobs::{OpenedDocument, Response};
use udkast::ui::keymap::{DEFAULT, Keymap};
use udkast::ui::theme::Theme;

#[derive(Clone)]
struct Counting(Arc<AtomicUsize>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Danish prose with a heading every 40 lines, like a long strategy.
fn document(lines: usize) -> String {
    let mut text = String::new();
    for i in 0..lines {
        if i % 40 == 0 {
            text.push_str(&format!("## Afsnit {} om bæredygtighed\n", i / 40 + 1));
        } else {
            text.push_str("Åby Kommune vil reducere udledningen af drivhusgasser med 70 pct. inden 2030, bl.a. gennem energirenovering og grøn mobilitet.\n");
        }
    }
    text
}

fn app_with(text: &str) -> App {
    let state = std::env::temp_dir().join("udkast-bench-state");
    let mut app = App::new(
        Keymap::parse("default", DEFAULT).unwrap(),
        Theme { color: true },
        Folders { state },
    );
    app.requests.clear();
    let opened = OpenedDocument {
        slug: Slug::parse("bench").unwrap(),
        title: "Benchmark".into(),
        base: git2::Oid::ZERO_SHA1.into(),
        draft: 1,
        text: text.to_string(),
    };
    app.handle_response(Response::Opened(Ok(opened)));
    app
}

type Term = Terminal<LeanBackend<Counting>>;

fn terminal(counter: &Arc<AtomicUsize>) -> Term {
    let backend = LeanBackend::new(Counting(counter.clone()));
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        },
    )
    .unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Average bytes written for one key and its frame, after the screen settled.
fn bytes_per_key(text: &str, code: KeyCode, keys: usize) -> f64 {
    let counter = Arc::new(AtomicUsize::new(0));
    let mut term = terminal(&counter);
    let mut app = app_with(text);
    // Typing goes at the end of a line, as in writing; moves go along it.
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    if matches!(code, KeyCode::Char(_)) {
        press(&mut app, KeyCode::End);
        press(&mut app, KeyCode::End);
    }
    // Settle: first modification, gutter and outline computed.
    press(&mut app, code);
    term.draw(|f| app.draw(f)).unwrap();
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(1));
    term.draw(|f| app.draw(f)).unwrap();
    counter.store(0, Ordering::Relaxed);
    for _ in 0..keys {
        press(&mut app, code);
        term.draw(|f| app.draw(f)).unwrap();
    }
    counter.load(Ordering::Relaxed) as f64 / keys as f64
}

fn benches(c: &mut Criterion) {
    let big = document(10_000);
    let typed = bytes_per_key(&big, KeyCode::Char('x'), 40);
    let moved = bytes_per_key(&big, KeyCode::Right, 40);
    eprintln!("bytes to the terminal: typed character {typed:.1} (bar 40), cursor move {moved:.1} (bar 20)");

    let counter = Arc::new(AtomicUsize::new(0));
    let mut term = terminal(&counter);
    let mut app = app_with(&big);
    for _ in 0..5_000 {
        press(&mut app, KeyCode::Down);
    }
    term.draw(|f| app.draw(f)).unwrap();
    c.bench_function(
        "typed character in a 10,000-line document, handled and drawn",
        |b| {
            b.iter(|| {
                press(&mut app, KeyCode::Char('x'));
                term.draw(|f| app.draw(f)).unwrap();
            })
        },
    );
    c.bench_function("cursor move in a 10,000-line document, handled and drawn", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Down);
            term.draw(|f| app.draw(f)).unwrap();
        })
    });
    let five = document(5_000);
    c.bench_function("open a 5,000-line document and draw its first frame", |b| {
        b.iter(|| {
            let mut app = app_with(&five);
            term.draw(|f| app.draw(f)).unwrap();
        })
    });
}

criterion_group!(name = tui; config = Criterion::default().sample_size(30); targets = benches);
criterion_main!(tui);
