//! The approvals matrix and the decision form.

use super::*;

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
