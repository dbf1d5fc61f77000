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

/// The parallel step, the change owed and the decisions in Danish; the
/// decision form with its Danish labels.
#[test]
fn approvals_in_danish() {
    snapshot_da("approvals", |app, fx| {
        key(app, KeyCode::Char('G'));
        key(app, KeyCode::Char('5'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('j'));
    });
    snapshot_da("approvals_form", |app, fx| {
        open_decision_form(app, fx);
        key(app, KeyCode::Tab);
        key(app, KeyCode::Tab);
        type_meeting_date(app, "10-06-2025");
    });
}

/// The decision form on the sample strategy's approvals, as a lead (the
/// fixture's git identity is not one of the sample's).
fn open_decision_form(app: &mut App, fx: &Fixture) {
    key(app, KeyCode::Char('j'));
    key(app, KeyCode::Char('5'));
    settle(app, &fx.repo);
    app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
    key(app, KeyCode::Char('d'));
}

/// The date field starts at today; a fixed one keeps a snapshot stable.
fn type_meeting_date(app: &mut App, date: &str) {
    for _ in 0..10 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    chars(app, date);
}

#[test]
fn approvals_decision_form() {
    snapshot_all("approvals_form", |app, fx| {
        open_decision_form(app, fx);
        // The form starts at the body; the outcome is the next field.
        key(app, KeyCode::Tab);
        key(app, KeyCode::Right);
        key(app, KeyCode::Tab);
        type_meeting_date(app, "2025-06-10");
        key(app, KeyCode::Tab);
        chars(app, "Punkt 7");
    });
}

#[test]
fn the_decision_form_checks_its_fields_and_a_non_lead_is_told() {
    let (_fx, mut app) = approvals_of_the_strategy();
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
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert_eq!(form.field, 0, "the form starts at the body");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    chars(&mut app, "28/01/2025");
    key(&mut app, KeyCode::Enter);
    let form = app
        .approvals
        .as_ref()
        .unwrap()
        .form
        .as_ref()
        .expect("the form stays open");
    assert!(
        form.error
            .as_ref()
            .is_some_and(|e| e.contains("28-01-2025, 28.01.2025 or 2025-01-28"))
    );
    assert!(app.requests.is_empty(), "nothing is sent");
    for _ in 0..10 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    chars(&mut app, "2025-01-28");
    // Enter checks the fields and shows the decision in words; only a second
    // Enter records it, and Esc goes back to the fields.
    key(&mut app, KeyCode::Enter);
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert!(form.confirming.is_some() && app.requests.is_empty());
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("on draft 7, meeting 28 January 2025?"), "{shown}");
    key(&mut app, KeyCode::Esc);
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert!(form.confirming.is_none() && app.requests.is_empty());
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(app.approvals.as_ref().unwrap().form.is_none());
    assert!(
        matches!(app.requests.as_slice(), [jobs::Request::Decide(_, input)] if input.meeting == jiff::civil::date(2025, 1, 28))
    );
}

/// The date as the minutes write it (28.01.2025) is taken; one more than a
/// year ahead (a year typed wrong) is taken only when Enter is pressed again.
#[test]
fn the_decision_form_takes_danish_dates_and_asks_again_for_one_far_ahead() {
    let (_fx, mut app) = approvals_of_the_strategy();
    app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    let type_date = |app: &mut App, date: &str| {
        for _ in 0..12 {
            app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        chars(app, date);
        key(app, KeyCode::Enter);
    };
    let far = jiff::Zoned::now()
        .date()
        .saturating_add(jiff::Span::new().years(2));
    type_date(&mut app, &far.strftime("%d.%m.%Y").to_string());
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert!(form.confirming.is_none(), "not taken at once");
    assert!(
        form.error
            .as_ref()
            .is_some_and(|e| e.contains("more than a year ahead")),
        "{:?}",
        form.error
    );
    key(&mut app, KeyCode::Enter);
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert!(
        form.confirming.as_ref().is_some_and(|d| d.meeting == far),
        "taken on the second Enter"
    );
    key(&mut app, KeyCode::Esc);
    type_date(&mut app, "28.01.2025");
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert!(
        form.confirming
            .as_ref()
            .is_some_and(|d| d.meeting == jiff::civil::date(2025, 1, 28))
    );
}

/// Tagging asks first, and only a lead is asked.
#[test]
fn tagging_asks_first() {
    let (_fx, mut app) = approvals_of_the_strategy();
    app.requests.clear();
    key(&mut app, KeyCode::Char('t'));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, e)| *e && m.contains("Only leads"))
    );
    app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
    key(&mut app, KeyCode::Char('t'));
    let shown = render(&mut app, 80, 24);
    assert!(shown.contains("Tag draft 7 of"), "{shown}");
    key(&mut app, KeyCode::Esc);
    assert!(app.requests.is_empty(), "Esc tags nothing");
    assert_eq!(app.message.as_ref().map(|(m, _)| m.as_str()), Some("Not tagged"));
    key(&mut app, KeyCode::Char('t'));
    key(&mut app, KeyCode::Char('y'));
    assert!(matches!(
        app.requests.as_slice(),
        [jobs::Request::Tag {
            draft: Some(7),
            force: false,
            ..
        }]
    ));
}

/// The approvals screen says which body treats the current draft next —
/// also when every body passed an older draft and none is pending — and
/// marks the draft an approved-version tag names.
#[test]
fn the_next_body_and_the_approved_version_are_shown() {
    use crate::domain::Standing;
    let (_fx, mut app) = approvals_of_the_strategy();
    let view = app.approvals.as_mut().unwrap().view.as_mut().unwrap();
    let oldest = view.status.rows.last().unwrap().commit.clone();
    view.versions = vec![(oldest, "baeredygtighedsstrategi/v1".into())];
    view.status.next_step = None;
    for body in &mut view.status.bodies {
        body.standing = Standing::Approved {
            draft: 1,
            with_changes: false,
            stale: true,
        };
    }
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("Next: CHF Chefforum treats draft 7"), "{shown}");
    assert!(shown.contains("    1 v1"), "{shown}");
    let view = app.approvals.as_mut().unwrap().view.as_mut().unwrap();
    for body in &mut view.status.bodies {
        body.standing = Standing::Adopted {
            draft: 7,
            stale: false,
        };
    }
    assert!(render(&mut app, 80, 24).contains("Draft 7 has passed the whole route"));
}

/// More decisions on a draft than the panel holds: the title says so, and
/// J/K scroll them (the fourth was hidden with no way to read it).
#[test]
fn the_decisions_on_a_draft_scroll() {
    let (_fx, mut app) = approvals_of_the_strategy();
    let view = app.approvals.as_mut().unwrap().view.as_mut().unwrap();
    let commit = view.status.rows[0].commit.clone();
    let one = view
        .status
        .decisions
        .iter()
        .find(|d| d.commit == commit)
        .unwrap()
        .clone();
    for n in 1..=6 {
        let mut more = one.clone();
        more.text = Some(format!("Beslutning nummer {n}."));
        view.status.decisions.push(more);
    }
    let shown = render(&mut app, 80, 24);
    assert!(shown.contains("more below (J)"), "{shown}");
    assert!(!shown.contains("Beslutning nummer 6."), "{shown}");
    for _ in 0..20 {
        key(&mut app, KeyCode::Char('J'));
    }
    let shown = render(&mut app, 80, 24);
    assert!(shown.contains("Beslutning nummer 6."), "{shown}");
    assert!(shown.contains("more above (K)"), "{shown}");
}

/// The decision text may have several lines (Alt-Enter or Ctrl-J; a paste
/// keeps its lines): the form grows with it, Enter still checks, and the
/// decisions on a draft show every line.
#[test]
fn a_decision_text_of_several_lines() {
    let (_fx, mut app) = approvals_of_the_strategy();
    app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
    key(&mut app, KeyCode::Char('d'));
    for _ in 0..7 {
        key(&mut app, KeyCode::Tab);
    }
    chars(&mut app, "Godkendt som indstillet.");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    chars(&mut app, "Dog med to ændringer:");
    app.paste("\r\n- målet i afsnit 2\r\n- datoen");
    let shown = render(&mut app, 80, 24);
    for line in [
        "▶Decision text  Godkendt som indstillet.",
        "                Dog med to ændringer:",
        "                - målet i afsnit 2",
        "                - datoen",
        "Alt-Enter or Ctrl-J new line",
    ] {
        assert!(shown.contains(line), "{line}\n{shown}");
    }
    let text = "Godkendt som indstillet.\nDog med to ændringer:\n- målet i afsnit 2\n- datoen";
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let input = match app.requests.as_slice() {
        [jobs::Request::Decide(_, input)] => input.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(input.text.as_deref(), Some(text));
    // Shown line by line under the decision.
    let view = app.approvals.as_mut().unwrap().view.as_mut().unwrap();
    let commit = view.status.rows[0].commit.clone();
    let decision = view
        .status
        .decisions
        .iter_mut()
        .find(|d| d.commit == commit)
        .unwrap();
    decision.text = Some(text.into());
    let shown = render(&mut app, 120, 40);
    for line in text.lines() {
        assert!(shown.contains(&format!("\n   {line}")), "{line}\n{shown}");
    }
}

/// The approvals screen of the sample's strategy (the overview's second row).
fn approvals_of_the_strategy() -> (Fixture, App) {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('5'));
    settle(&mut app, &fx.repo);
    (fx, app)
}

/// The form takes the recommendation ("Indstilling") and, with godkendt med
/// ændringer, the changes owed apart by `;`; owed with another outcome is
/// refused in the form. The approvals screen shows them until a later draft
/// is approved.
#[test]
fn the_decision_form_takes_the_recommendation_and_changes_owed() {
    let (_fx, mut app) = approvals_of_the_strategy();
    app.approvals.as_mut().unwrap().view.as_mut().unwrap().is_lead = true;
    key(&mut app, KeyCode::Char('d'));
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    chars(&mut app, "Direktionen indstiller, at strategien godkendes.");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Målet skærpes; ; Tidsplanen rettes ");
    key(&mut app, KeyCode::Enter);
    let form = app.approvals.as_ref().unwrap().form.as_ref().unwrap();
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("approved-with-changes")),
        "{:?}",
        form.error
    );
    // The outcome: godkendt med ændringer is the one after godkendt.
    for _ in 0..5 {
        key(&mut app, KeyCode::BackTab);
    }
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("2 changes owed?"), "{shown}");
    key(&mut app, KeyCode::Enter);
    let input = match app.requests.as_slice() {
        [jobs::Request::Decide(_, input)] => input.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(input.outcome, crate::domain::Outcome::ApprovedWithChanges);
    assert_eq!(input.changes_owed, ["Målet skærpes", "Tidsplanen rettes"]);
    assert_eq!(
        input.recommendation.as_deref(),
        Some("Direktionen indstiller, at strategien godkendes.")
    );
}
