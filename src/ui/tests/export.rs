//! Exporting from the TUI: `e` in the history and the approvals, Alt-E in
//! the editor, ask for the file (a name offered), and the worker writes it.

use super::*;

/// Empties the prompt's text and types `name` instead.
fn type_name(app: &mut App, name: &str) {
    for _ in 0..80 {
        key(app, KeyCode::Backspace);
    }
    chars(app, name);
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|(m, _)| m.clone()).unwrap_or_default()
}

#[test]
fn history_export_prompt() {
    snapshot_all("history_export_prompt", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('e'));
    });
}

#[test]
fn the_history_exports_the_newer_draft_with_the_changes_since_the_older() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_strategy(&mut app, &fx);
    key(&mut app, KeyCode::Char('e'));
    let shown = render(&mut app, 120, 40);
    let latest = app.history.as_ref().unwrap().entries[0].number;
    assert!(
        shown.contains(&format!(
            "Export draft {latest}, changes since draft {}, as .docx/.pdf/.html: baeredygtighedsstrategi-udkast-{latest}.docx",
            latest - 1
        )),
        "{shown}"
    );
    let out = fx.state.join("bilag.html");
    type_name(&mut app, out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert!(
        app.busy
            .as_deref()
            .is_some_and(|b| b.starts_with("Exporting draft")),
        "{:?}",
        app.busy
    );
    settle(&mut app, &fx.repo);
    assert!(
        message(&app).starts_with(&format!("wrote {}", out.display())),
        "{}",
        message(&app)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains(&format!("Udkast {latest}")), "{html}");
    assert!(
        html.contains("<ins ") || html.contains("<del "),
        "the changes are in it"
    );
}

#[test]
fn the_editor_exports_the_saved_draft_and_says_so() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "cirkulaert-charter");
    chars(&mut app, "NY TEKST ");
    app.handle_key(KeyEvent::new(KeyCode::Char('e'), KeyModifiers::ALT));
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains("Export draft 2 as saved, changes since approved, as .docx/.pdf/.html: cirkulaert-charter-udkast-2.docx"),
        "{shown}"
    );
    let out = fx.state.join("charter.docx");
    type_name(&mut app, out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);
    assert!(message(&app).contains("(DOCX, "), "{}", message(&app));
    assert!(out.exists());
    // The unsaved words are not in the file: it is the saved draft.
    let bytes = std::fs::read(&out).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("NY TEKST"));
}

#[test]
fn a_name_without_a_format_is_refused_and_nothing_is_sent() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_strategy(&mut app, &fx);
    key(&mut app, KeyCode::Char('e'));
    type_name(&mut app, "bilag.odt");
    key(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("End the file's name in .docx, .pdf or .html"),
        "{}",
        message(&app)
    );
    assert!(!app.requests.iter().any(|r| matches!(r, jobs::Request::Export(_))));
}

#[test]
fn the_approvals_export_the_selected_draft() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('5'));
    settle(&mut app, &fx.repo);
    key(&mut app, KeyCode::Char('e'));
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains(", changes since approved, as .docx/.pdf/.html: baeredygtighedsstrategi-udkast-"),
        "{shown}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}
