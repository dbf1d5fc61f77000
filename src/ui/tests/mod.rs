//! Snapshots of every screen on the sample workspace, at 120×40 and 80×24, in
//! colour and with NO_COLOR. The colour snapshots include each cell's style.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Folders};
use super::keymap::{DEFAULT, Keymap, VIM};
use super::overlay::Overlay;
use super::theme::Theme;
use crate::domain::Slug;
use crate::ui::jobs::{self, Response};

mod approvals;
mod document;
mod export;
mod history;
mod layers;
mod overview;
mod review;
mod sync;
mod work_plan;

struct Fixture {
    _dir: tempfile::TempDir,
    _state: tempfile::TempDir,
    repo: std::path::PathBuf,
    state: std::path::PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let repo = dir.path().join("demo");
    crate::sample::build_demo(&repo).unwrap();
    Fixture {
        repo,
        state: state.path().to_path_buf(),
        _dir: dir,
        _state: state,
    }
}

fn app(fx: &Fixture, color: bool, keymap: &str) -> App {
    let keymap = Keymap::parse("default", keymap).unwrap();
    let mut app = App::new(
        keymap,
        Theme { color },
        Folders {
            state: fx.state.clone(),
        },
    );
    app.requests.clear();
    // Actions fall due against a fixed day, so snapshots do not age.
    app.overview.today = Some(jiff::civil::date(2026, 11, 30));
    let mut view = jobs::load(&crate::store::Store::open(&fx.repo).unwrap()).unwrap();
    view.identity = "Aisha Karimi <aisha.karimi@aaby.dk>".into();
    app.handle_response(Response::Loaded(Ok(view)));
    app
}

fn open(app: &mut App, repo: &Path, slug: &str) {
    let opened = jobs::open(
        &crate::store::Store::open(repo).unwrap(),
        &Slug::parse(slug).unwrap(),
    )
    .unwrap();
    app.handle_response(Response::Opened(Ok(opened)));
}

/// Runs the worker's jobs synchronously until none are left, as the event loop would.
fn settle(app: &mut App, repo: &Path) {
    let store = crate::store::Store::open(repo).map_err(jobs::failed);
    for _ in 0..20 {
        let requests: Vec<jobs::Request> = app.requests.drain(..).collect();
        if requests.is_empty() {
            return;
        }
        for request in requests {
            if matches!(request, jobs::Request::Save { .. }) {
                continue;
            }
            let response = jobs::handle(&store, request);
            app.handle_response(response);
        }
    }
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    if app.theme.color {
        format!("{buffer:?}")
    } else {
        let mut text = String::new();
        for y in 0..height {
            for x in 0..width {
                text.push_str(buffer[(x, y)].symbol());
            }
            text.push('\n');
        }
        text
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn chars(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Renders one situation at both sizes, in colour and without, and in
/// Danish at 120×40 (without colour: the words are what differs).
fn snapshot_all(name: &str, setup: impl Fn(&mut App, &Fixture)) {
    let fx = fixture();
    for (w, h) in [(120, 40), (80, 24)] {
        for color in [true, false] {
            let mut app = app(&fx, color, DEFAULT);
            setup(&mut app, &fx);
            let shown = render(&mut app, w, h);
            let suffix = if color { "color" } else { "no_color" };
            insta::assert_snapshot!(format!("{name}_{w}x{h}_{suffix}"), shown);
        }
    }
    in_danish(|| {
        let mut app = app(&fx, false, DEFAULT);
        setup(&mut app, &fx);
        insta::assert_snapshot!(format!("{name}_120x40_da"), render(&mut app, 120, 40));
    });
}

/// Runs `f` with this thread speaking Danish, then English again.
fn in_danish<T>(f: impl FnOnce() -> T) -> T {
    crate::lang::set(crate::lang::Lang::Da);
    let out = f();
    crate::lang::set(crate::lang::Lang::En);
    out
}

/// Renders one situation in Danish at both sizes, without colour (the
/// screens converted to the catalogue so far).
fn snapshot_da(name: &str, setup: impl Fn(&mut App, &Fixture)) {
    in_danish(|| {
        let fx = fixture();
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = app(&fx, false, DEFAULT);
            setup(&mut app, &fx);
            let shown = render(&mut app, w, h);
            insta::assert_snapshot!(format!("{name}_da_{w}x{h}"), shown);
        }
    });
}

/// Two threads on the sample strategy, written as a reviewer would have: one
/// on a passage still in the latest draft, one on a passage removed since.
fn comment_on_the_strategy(repo: &Path) {
    use crate::domain::{Anchor, Message, Thread, ThreadStatus, paths};
    let store = crate::store::Store::open(repo).unwrap();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    if !store.threads(&slug).unwrap().0.is_empty() {
        return; // snapshot_all sets up each size on the same repository
    }
    let drafts = store.drafts(&slug).unwrap();
    let mut change = crate::store::Change::default();
    for (n, (draft, needle, text)) in [
        (
            7,
            "Andelen af vedvarende energi",
            "Skal målet ikke være 100 pct. i 2030?",
        ),
        (
            4,
            "Grøn omstilling i erhvervslivet",
            "Hører dette afsnit ikke til i erhvervsstrategien?",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let d = &drafts[draft - 1];
        let doc = String::from_utf8(store.blob(d.document).unwrap()).unwrap();
        let line = doc.lines().position(|l| l.contains(needle)).unwrap() + 1;
        let thread = Thread {
            format: 1,
            id: format!("20250601T10000{n}.000Z-abcde{n}"),
            status: ThreadStatus::Open,
            draft: draft as u32,
            commit: d.commit.to_string(),
            anchor: Anchor {
                start: line,
                end: line,
                section: vec!["Bæredygtighedsstrategi 2025–2030".into()],
                quote: doc.lines().nth(line - 1).unwrap().to_string(),
            },
            messages: vec![Message {
                author: "Jonas Friis".into(),
                email: "jonas.friis@aaby.dk".into(),
                time: "2025-06-01T10:00:00+02:00".into(),
                text: text.into(),
            }],
        };
        change = change.put(paths::thread(&slug, &thread.id), thread.to_toml());
    }
    let sig = git2::Signature::new(
        "Jonas Friis",
        "jonas.friis@aaby.dk",
        &git2::Time::new(1_748_764_800, 120),
    )
    .unwrap();
    store
        .commit_change(store.head().unwrap(), &change, &sig, &|_, _| {
            Ok("Kommentarer\n".into())
        })
        .unwrap();
}

fn history_of_strategy(app: &mut App, fx: &Fixture) {
    key(app, KeyCode::Char('j'));
    key(app, KeyCode::Char('3'));
    settle(app, &fx.repo);
}
