//! Help, the palette, a terminal too small, the status line.

use super::*;

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
fn too_small_terminal() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    insta::assert_snapshot!("too_small_10x3", render(&mut app, 10, 3));
    insta::assert_snapshot!("too_small_19x4", render(&mut app, 19, 4));
    insta::assert_snapshot!("too_small_19x4_da", in_danish(|| render(&mut app, 19, 4)));
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
