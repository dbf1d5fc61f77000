//! The overview: route badges, the filter, Esc.

use super::*;

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
