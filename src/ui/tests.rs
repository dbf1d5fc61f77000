//! Snapshots of every screen on the sample workspace, at 120×40 and 80×24, in
//! colour and with NO_COLOR. The colour snapshots include each cell's style.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Folders};
use super::jobs::{self, Response};
use super::keymap::{DEFAULT, Keymap, VIM};
use super::overlay::Overlay;
use super::theme::Theme;
use crate::domain::Slug;

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
    let store = crate::store::Store::open(repo).map_err(|e| e.to_string());
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

/// Renders one situation at both sizes, in colour and without.
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
}

#[test]
fn overview_route_badges() {
    snapshot_all("overview", |_, _| {});
}

#[test]
fn overview_filtered_without_accents() {
    snapshot_all("overview_filter", |app, _| {
        key(app, KeyCode::Char('/'));
        chars(app, "baeredygt");
    });
}

#[test]
fn document_editor_with_outline() {
    snapshot_all("document", |app, fx| {
        open(app, &fx.repo, "baeredygtighedsstrategi");
        for _ in 0..30 {
            key(app, KeyCode::Down);
        }
        chars(app, "Nyt afsnit, æøå ");
    });
}

#[test]
fn help_lists_bindings() {
    snapshot_all("help", |app, _| key(app, KeyCode::Char('?')));
}

#[test]
fn palette_lists_actions() {
    snapshot_all("palette", |app, _| {
        key(app, KeyCode::Char(':'));
        chars(app, "sa");
    });
}

#[test]
fn review_threads_with_an_outdated_one() {
    snapshot_all("review", |app, fx| {
        comment_on_the_strategy(&fx.repo);
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('4'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
    });
}

#[test]
fn document_gutter_marks_lines_with_threads_and_opens_them() {
    let fx = fixture();
    comment_on_the_strategy(&fx.repo);
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    settle(&mut app, &fx.repo);
    let doc = app.document.as_mut().unwrap();
    assert_eq!(
        doc.thread_lines.len(),
        1,
        "one open thread still on the latest draft"
    );
    let (line, _, _) = doc.thread_lines[0].clone();
    doc.go_to_line(line);
    let shown = render(&mut app, 120, 40);
    assert!(shown.lines().any(|l| l.contains("»")), "{shown}");
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT));
    assert_eq!(app.screen, super::screens::ScreenId::Review);
    settle(&mut app, &fx.repo);
    let selected = app.review.as_ref().unwrap().selected().unwrap();
    assert!(
        selected.thread.messages[0].text.contains("Skal målet"),
        "{:?}",
        selected.thread
    );
    // Enter goes back to the passage.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, super::screens::ScreenId::Document);
    assert_eq!(app.document.as_ref().unwrap().buffer.line_col().0 + 1, line);
}

#[test]
fn threads_follow_the_unsaved_text_in_the_gutter() {
    let fx = fixture();
    comment_on_the_strategy(&fx.repo);
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    settle(&mut app, &fx.repo);
    let before = app.document.as_ref().unwrap().thread_lines[0].0;
    // Two new lines at the top of the unsaved text.
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    // The loop ticks often: one tick notes the edit, a later one after the pause places the threads.
    let now = std::time::Instant::now();
    app.tick(now);
    app.tick(now + std::time::Duration::from_secs(2));
    assert!(
        app.requests
            .iter()
            .any(|r| matches!(r, jobs::Request::Threads { shown: Some(_), .. }))
    );
    settle(&mut app, &fx.repo);
    assert_eq!(app.document.as_ref().unwrap().thread_lines[0].0, before + 2);
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

#[test]
fn approvals_matrix_with_stale_approvals() {
    snapshot_all("approvals", |app, fx| {
        key(app, KeyCode::Char('G'));
        key(app, KeyCode::Char('5'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('l'));
    });
}

#[test]
fn approvals_decision_form() {
    snapshot_all("approvals_form", |app, fx| {
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('5'));
        settle(app, &fx.repo);
        // The fixture's git identity is not a lead of the sample; act as one.
        app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
        key(app, KeyCode::Char('d'));
        key(app, KeyCode::Right);
        key(app, KeyCode::Tab);
        // The date field starts at today; a fixed one keeps the snapshot stable.
        for _ in 0..10 {
            app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        chars(app, "2025-06-10");
        key(app, KeyCode::Tab);
        chars(app, "Punkt 7");
    });
}

#[test]
fn the_decision_form_checks_its_fields_and_a_non_lead_is_told() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('5'));
    settle(&mut app, &fx.repo);
    key(&mut app, KeyCode::Char('d'));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, e)| *e && m.contains("Only leads")),
        "{:?}",
        app.message
    );
    app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    chars(&mut app, "28-01-2025");
    key(&mut app, KeyCode::Enter);
    let form = app
        .approvals
        .as_ref()
        .unwrap()
        .form
        .as_ref()
        .expect("the form stays open");
    assert!(form.error.as_ref().is_some_and(|e| e.contains("YYYY-MM-DD")));
    assert!(app.requests.is_empty(), "nothing is sent");
    for _ in 0..10 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    chars(&mut app, "2025-01-28");
    key(&mut app, KeyCode::Enter);
    assert!(app.approvals.as_ref().unwrap().form.is_none());
    assert!(
        matches!(app.requests.as_slice(), [jobs::Request::Decide(_, input)] if input.meeting == jiff::civil::date(2025, 1, 28))
    );
}

fn history_of_strategy(app: &mut App, fx: &Fixture) {
    key(app, KeyCode::Char('j'));
    key(app, KeyCode::Char('3'));
    settle(app, &fx.repo);
}

#[test]
fn history_word_view() {
    snapshot_all("history_word", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('j'));
        settle(app, &fx.repo);
    });
}

#[test]
fn history_unified_view() {
    snapshot_all("history_unified", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('v'));
        key(app, KeyCode::Char('G'));
        settle(app, &fx.repo);
    });
}

#[test]
fn history_side_by_side_comparing_draft_1_with_the_latest() {
    snapshot_all("history_side_by_side", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('v'));
        key(app, KeyCode::Char('v'));
        key(app, KeyCode::Char('G'));
        key(app, KeyCode::Char('m'));
        key(app, KeyCode::Char('g'));
        key(app, KeyCode::Char('g'));
        settle(app, &fx.repo);
    });
}

#[test]
fn history_section_summary() {
    snapshot_all("history_sections", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('G'));
        key(app, KeyCode::Char('m'));
        key(app, KeyCode::Char('g'));
        key(app, KeyCode::Char('g'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('s'));
    });
}

#[test]
fn history_of_a_workplan_lists_action_changes() {
    snapshot_all("history_workplan", |app, fx| {
        key(app, KeyCode::Char('G'));
        key(app, KeyCode::Char('3'));
        settle(app, &fx.repo);
    });
}

#[test]
fn history_steps_and_compares_the_unsaved_buffer() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "cirkulaert-charter");
    chars(&mut app, "NY TEKST ");
    app.handle_key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT));
    settle(&mut app, &fx.repo);
    let h = app.history.as_ref().unwrap();
    assert_eq!(h.entries.len(), 2);
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("draft 1 → draft 2"), "{shown}");
    key(&mut app, KeyCode::Char('b'));
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("draft 2 → unsaved text"), "{shown}");
    assert!(shown.contains("NY TEKST"), "{shown}");
    key(&mut app, KeyCode::Char('a'));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("no approved version"))
    );
    key(&mut app, KeyCode::Char('j'));
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("nothing → draft 1"), "{shown}");
}

/// The history of the sample strategy at draft 1 → 2, where the thread on
/// "Andelen af vedvarende energi" is in view.
fn history_at_draft_2(app: &mut App, fx: &Fixture) {
    comment_on_the_strategy(&fx.repo);
    history_of_strategy(app, fx);
    for _ in 0..5 {
        key(app, KeyCode::Char('j'));
    }
    settle(app, &fx.repo);
}

/// Moves the history's line cursor to the row of draft 2 that shows `needle`.
fn cursor_to(app: &mut App, fx: &Fixture, needle: &str) {
    let store = crate::store::Store::open(&fx.repo).unwrap();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let draft = &store.drafts(&slug).unwrap()[1];
    let text = String::from_utf8(store.blob(draft.document).unwrap()).unwrap();
    let line = text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    for _ in 0..200 {
        render(app, 120, 40);
        if app.history.as_ref().unwrap().cursor_row().1 == Some(line) {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("no row shows {needle:?}");
}

#[test]
fn history_gutter_marks_threads_and_the_line_cursor_selects() {
    snapshot_all("history_threads_cursor", |app, fx| {
        history_at_draft_2(app, fx);
        key(app, KeyCode::Tab);
        key(app, KeyCode::Down);
        app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT));
    });
}

#[test]
fn history_comments_on_the_selected_lines_of_the_shown_draft() {
    use super::screens::PromptKind;
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_at_draft_2(&mut app, &fx);
    // Without the line cursor there is nothing selected to comment on.
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    assert!(app.overlay.is_none());
    assert!(app.message.as_ref().is_some_and(|(m, _)| m.contains("Tab")));
    key(&mut app, KeyCode::Tab);
    cursor_to(&mut app, &fx, "Kommunen som organisation");
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT));
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    let Some(Overlay::Prompt {
        kind: PromptKind::Comment(target),
        ..
    }) = app.overlay.clone()
    else {
        panic!("no comment prompt: {:?} {:?}", app.overlay, app.message);
    };
    assert_eq!((target.draft, target.buffer), (2, None));
    assert_eq!(target.end, target.start + 1);
    assert!(render(&mut app, 120, 40).contains(&format!(
        "Comment on lines {}-{} of draft 2",
        target.start, target.end
    )));
    chars(&mut app, "Hvorfor 2030?");
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);

    let store = crate::store::Store::open(&fx.repo).unwrap();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let (threads, _) = store.threads(&slug).unwrap();
    let new = threads
        .iter()
        .find(|t| t.messages[0].text == "Hvorfor 2030?")
        .expect("the thread was saved");
    assert_eq!(
        (new.draft, new.anchor.start, new.anchor.end),
        (2, target.start, target.end)
    );
    assert!(
        new.anchor.quote.starts_with("- Kommunen som organisation"),
        "{}",
        new.anchor.quote
    );
    assert!(
        new.anchor.quote.contains("- Alle kommunale bygninger"),
        "{}",
        new.anchor.quote
    );

    // The diff is compared again with the new thread's mark, and the
    // open-thread key on it opens it in the review screen.
    let shown = render(&mut app, 120, 40);
    let marked = shown
        .lines()
        .find(|l| l.contains("Kommunen som organisation"))
        .unwrap();
    assert!(marked.contains("│»"), "{shown}");
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT));
    assert_eq!(app.screen, super::screens::ScreenId::Review);
    settle(&mut app, &fx.repo);
    assert_eq!(app.review.as_ref().unwrap().selected().unwrap().thread.id, new.id);
}

#[test]
fn history_opens_the_thread_in_view_or_under_the_cursor() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_at_draft_2(&mut app, &fx);
    render(&mut app, 120, 40);
    // With the drafts focused: the thread in view.
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT));
    assert_eq!(app.screen, super::screens::ScreenId::Review);
    settle(&mut app, &fx.repo);
    let id = app.review.as_ref().unwrap().selected().unwrap().thread.id.clone();
    assert!(id.ends_with("abcde0"), "{id}");
    // With the cursor on a line without a thread: a message, no screen change.
    key(&mut app, KeyCode::Char('3'));
    settle(&mut app, &fx.repo);
    key(&mut app, KeyCode::Tab);
    render(&mut app, 120, 40);
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('g'));
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT));
    assert_eq!(app.screen, super::screens::ScreenId::History);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("No open comment thread"))
    );
    // Enter on the thread's line opens it too; Esc gives the keys back to the drafts.
    cursor_to(&mut app, &fx, "Andelen af vedvarende energi");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, super::screens::ScreenId::Review);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, super::screens::ScreenId::History);
    assert_eq!(
        app.history.as_ref().unwrap().focus,
        super::screens::history::Focus::List
    );
}

#[test]
fn editor_comments_on_unsaved_text_anchor_on_the_draft() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    settle(&mut app, &fx.repo);
    let draft = app.document.as_ref().unwrap().buffer.text();
    let line = draft
        .lines()
        .position(|l| l.contains("Andelen af vedvarende energi"))
        .unwrap()
        + 1;
    // Two unsaved lines at the top move the passage down by two.
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    chars(&mut app, "Ny indledning.");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    app.document.as_mut().unwrap().go_to_line(line + 2);
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    assert!(
        render(&mut app, 120, 40).contains(&format!("Comment on line {}: ", line + 2)),
        "{:?}",
        app.overlay
    );
    chars(&mut app, "Er 80 pct. nok?");
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);
    let store = crate::store::Store::open(&fx.repo).unwrap();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let (threads, _) = store.threads(&slug).unwrap();
    assert_eq!(threads.len(), 1, "{:?}", app.message);
    assert_eq!((threads[0].draft, threads[0].anchor.start), (7, line));
    // Its mark is on the unsaved text's line, where the passage is now.
    let doc = app.document.as_ref().unwrap();
    assert_eq!(doc.thread_lines.first().map(|t| t.0), Some(line + 2));
    assert!(doc.buffer.is_modified(), "the unsaved text is untouched");

    // The typed line is in no draft: it cannot be commented on yet.
    app.document.as_mut().unwrap().go_to_line(1);
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    chars(&mut app, "Godt!");
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, err)| *err && m.contains("not in a saved draft yet")),
        "{:?}",
        app.message
    );
    assert_eq!(store.threads(&slug).unwrap().0.len(), 1);
}

#[test]
fn draft_message_prompt() {
    snapshot_all("save_prompt", |app, fx| {
        open(app, &fx.repo, "klimahandleplan");
        chars(app, "x");
        app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        chars(app, "Rettet mål");
    });
}

#[test]
fn recovery_dialog() {
    snapshot_all("recovery", |app, fx| {
        let dir =
            super::autosave::workspace_dir(&fx.state, &app.overview.workspace.as_ref().unwrap().git_dir);
        let slug = Slug::parse("cirkulaert-charter").unwrap();
        let text = jobs::open(&crate::store::Store::open(&fx.repo).unwrap(), &slug)
            .unwrap()
            .text
            .replacen("Charter", "Chartret", 1)
            + "Ny linje efter nedbrud\n";
        let mut meta_text = text.clone();
        meta_text.push_str("");
        super::autosave::write(&dir, &slug, "host-1-0", &meta_text, "0", 1).unwrap();
        // A fixed time so the snapshot does not change from run to run.
        let meta = dir.join("cirkulaert-charter.host-1-0.toml");
        let fixed = std::fs::read_to_string(&meta).unwrap();
        let fixed: String = fixed
            .lines()
            .map(|l| {
                if l.starts_with("written") {
                    "written = \"2025-06-01T10:00:00+02:00\"".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&meta, fixed).unwrap();
        open(app, &fx.repo, "cirkulaert-charter");
        assert!(matches!(app.overlay, Some(Overlay::Recovery(_))));
    });
}

#[test]
fn too_small_terminal() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    insta::assert_snapshot!("too_small_10x3", render(&mut app, 10, 3));
    insta::assert_snapshot!("too_small_19x4", render(&mut app, 19, 4));
}

#[test]
fn vim_normal_mode_moves_and_deletes_lines() {
    let fx = fixture();
    let mut app = app(&fx, false, VIM);
    open(&mut app, &fx.repo, "cirkulaert-charter");
    let doc = app.document.as_ref().unwrap();
    let first_line = doc.buffer.rope().line(0).to_string();
    let lines = doc.buffer.len_lines();
    chars(&mut app, "dd");
    let doc = app.document.as_ref().unwrap();
    assert_eq!(doc.buffer.len_lines(), lines - 1);
    assert_ne!(doc.buffer.rope().line(0).to_string(), first_line);
    chars(&mut app, "u");
    assert_eq!(
        app.document.as_ref().unwrap().buffer.rope().line(0).to_string(),
        first_line
    );
    chars(&mut app, "ixy");
    assert!(
        app.document
            .as_ref()
            .unwrap()
            .buffer
            .rope()
            .line(0)
            .to_string()
            .starts_with("xy")
    );
    key(&mut app, KeyCode::Esc);
    chars(&mut app, "q");
    assert_eq!(app.screen, super::screens::ScreenId::Overview);
}

#[test]
fn escape_characters_are_drawn_inert() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    let opened = jobs::OpenedDocument {
        slug: Slug::parse("x").unwrap(),
        title: "Farlig".into(),
        base: git2::Oid::ZERO_SHA1,
        draft: 1,
        text: "a\u{1b}[2Jb\tc\u{7}\n".into(),
    };
    app.handle_response(Response::Opened(Ok(opened)));
    let shown = render(&mut app, 80, 10);
    assert!(
        shown.contains("a^[[2Jb c^G"),
        "the tab reaches the next stop at 8: {shown}"
    );
}

#[test]
fn a_message_too_long_for_the_status_line_takes_all_of_it() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    let text = "line 1 is not in a saved draft yet: save a draft first, then comment on them";
    app.error(text);
    let shown = render(&mut app, 80, 24);
    let status = shown.lines().last().unwrap();
    assert!(status.contains(text), "{status}");
    // A short one stays beside the workspace and the document's state.
    app.error("No match");
    let shown = render(&mut app, 80, 24);
    let status = shown.lines().last().unwrap();
    assert!(
        status.contains("Åby Kommune") && status.contains("No match"),
        "{status}"
    );
}

/// A fresh clone: the history screen shows the drafts the first read of the
/// history found so far, with their diffs, before they are numbered; once the
/// history is read, the same draft stays selected, now numbered.
#[test]
fn history_shows_the_drafts_found_so_far_then_numbers_them() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    let store = crate::store::Store::open(&fx.repo).map_err(|e| e.to_string());
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let drafts = store.as_ref().unwrap().drafts(&slug).unwrap();
    let n = drafts.len();
    let found: Vec<_> = drafts
        .iter()
        .rev()
        .take(3)
        .map(|d| {
            jobs::found_entry(&crate::store::FoundDraft {
                slug: slug.as_str().into(),
                commit: d.commit,
                author: d.author.as_str().into(),
                time: d.time.clone(),
                summary: d.summary.clone(),
            })
        })
        .collect();
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('3'));
    // The worker is still reading the history: what it asked for waits.
    let waiting: Vec<jobs::Request> = app.requests.drain(..).collect();
    assert!(matches!(waiting.as_slice(), [jobs::Request::History(_)]));
    assert!(render(&mut app, 120, 40).contains("Reading the drafts…"));
    app.handle_response(Response::Found(found[..1].to_vec()));
    // One draft found: the one before it is not known yet, so no diff.
    assert!(app.requests.is_empty());
    app.handle_response(Response::Found(found[1..].to_vec()));
    // Diffs are answered by their own worker meanwhile.
    let diffs: Vec<jobs::Request> = app.requests.drain(..).collect();
    assert!(!diffs.is_empty());
    for request in diffs {
        assert!(matches!(request, jobs::Request::Diff(_)));
        let response = jobs::handle(&store, request);
        app.handle_response(response);
    }
    let shown = render(&mut app, 80, 24);
    insta::assert_snapshot!("history_found_so_far_80x24_no_color", shown);
    let shown = render(&mut app, 120, 40);
    let latest = drafts.last().unwrap().time.strftime("%Y-%m-%d %H:%M").to_string();
    assert!(shown.contains("3 drafts so far"), "{shown}");
    assert!(shown.contains(&format!("→ draft of {latest}")), "{shown}");
    // Commenting waits for the numbers.
    let h = app.history.as_ref().unwrap();
    assert!(h.provisional && h.comment_target().is_err());
    // The oldest found: its predecessor is not found yet.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    assert!(app.history.as_ref().unwrap().wanted().is_none());
    key(&mut app, KeyCode::Char('k'));
    app.requests.clear();
    // The whole history is read: numbered, the same draft selected.
    for request in waiting {
        let response = jobs::handle(&store, request);
        app.handle_response(response);
    }
    settle(&mut app, &fx.repo);
    let h = app.history.as_ref().unwrap();
    assert!(!h.provisional && h.entries.len() == n);
    assert_eq!(h.entries[h.selected].commit, drafts[n - 2].commit);
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains(&format!("draft {} → draft {}", n - 2, n - 1)),
        "{shown}"
    );
}

/// Ctrl-Z undoes and Ctrl-Y redoes (the default keymap bound Ctrl-Shift-Z to
/// redo as well, which a terminal sends as Ctrl-Z: Ctrl-Z redid).
#[test]
fn ctrl_z_undoes_and_ctrl_y_redoes() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "cirkulaert-charter");
    let before = app.document.as_ref().unwrap().buffer.text();
    chars(&mut app, "Ny tekst ");
    let typed = app.document.as_ref().unwrap().buffer.text();
    assert_ne!(typed, before);
    let ctrl =
        |app: &mut App, c: char| app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    let text = |app: &App| app.document.as_ref().unwrap().buffer.text();
    // Undo goes back a word at a time.
    let mut undos = 0;
    while text(&app) != before && undos < 5 {
        ctrl(&mut app, 'z');
        undos += 1;
    }
    assert_eq!(text(&app), before, "Ctrl-Z undoes");
    for _ in 0..undos {
        ctrl(&mut app, 'y');
    }
    assert_eq!(text(&app), typed, "Ctrl-Y redoes");
    // Ctrl-Shift-Z as a terminal may report it (kitty's protocol) is Ctrl-Z.
    app.handle_key(KeyEvent::new(
        KeyCode::Char('Z'),
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ));
    assert_ne!(text(&app), typed);
}

/// Esc steps back to the overview and stops there: it never quits.
#[test]
fn esc_never_quits() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_strategy(&mut app, &fx);
    for _ in 0..4 {
        key(&mut app, KeyCode::Esc);
    }
    assert!(!app.quit);
    assert!(render(&mut app, 120, 40).contains("q or Ctrl-Q quits"));
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

/// A diff that cannot be computed (a draft git cannot read) is not asked for
/// again on every answer: the diff threads would retry it forever.
#[test]
fn a_diff_that_failed_is_not_asked_for_again() {
    let entry = |n: u8| jobs::HistoryEntry {
        number: n.into(),
        commit: git2::Oid::from_bytes(&[n; 20]).unwrap(),
        date: "2025-01-01 10:00".into(),
        author: "Søren Bak".into(),
        summary: format!("Udkast {n}"),
        labels: Vec::new(),
        recorded: None,
        decisions: Vec::new(),
    };
    let mut h = super::screens::history::HistoryState::new(Slug::parse("klima").unwrap());
    h.set_entries(vec![entry(1), entry(2), entry(3)]);
    let wanted = |requests: Vec<jobs::Request>| -> Vec<jobs::DiffKey> {
        requests
            .into_iter()
            .filter_map(|r| match r {
                jobs::Request::Diff(d) => Some(d.key),
                _ => None,
            })
            .collect()
    };
    let first = wanted(h.requests(None));
    let key = h.wanted().unwrap().0;
    assert!(first.contains(&key));
    h.diffed(key.clone(), Err("draft 3 is not valid UTF-8".into()));
    assert!(!wanted(h.requests(None)).contains(&key));
    assert!(h.error.is_some());
}
