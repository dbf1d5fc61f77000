//! The table of a work plan's actions (Alt-A in the editor, `a` in the
//! overview) and its form: each change a draft.

use super::*;

/// The overview's row of the sample's work plan, Klimahandleplan (the fourth).
fn on_the_work_plan(app: &mut App) {
    for _ in 0..3 {
        key(app, KeyCode::Char('j'));
    }
}

#[test]
fn work_plan_actions_table_and_form() {
    snapshot_all("work_plan_actions", |app, fx| {
        on_the_work_plan(app);
        key(app, KeyCode::Char('a'));
        settle(app, &fx.repo);
    });
    snapshot_all("work_plan_action_form", |app, fx| {
        on_the_work_plan(app);
        key(app, KeyCode::Char('a'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Enter);
        for _ in 0..3 {
            key(app, KeyCode::Tab);
        }
        key(app, KeyCode::Right);
    });
}

/// The overview and the table of actions, in Danish.
#[test]
fn work_plan_and_overview_in_danish() {
    snapshot_da("overview", |_, _| {});
    snapshot_da("work_plan_action_form", |app, fx| {
        on_the_work_plan(app);
        key(app, KeyCode::Char('a'));
        settle(app, &fx.repo);
        key(app, KeyCode::Enter);
    });
}

/// Edited, added and removed through the form, each a draft the history's
/// work-plan diff then names; a strategy has no table; a bad date is said
/// in the form and nothing is sent.
#[test]
fn actions_edited_added_and_removed_as_drafts() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    key(&mut app, KeyCode::Char('a'));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, e)| *e && m.contains("Only a work plan has actions")),
        "{:?}",
        app.message
    );
    assert!(app.overlay.is_none() && app.requests.is_empty());

    on_the_work_plan(&mut app);
    key(&mut app, KeyCode::Char('a'));
    settle(&mut app, &fx.repo);
    let store = crate::store::Store::open(&fx.repo).unwrap();
    let slug = Slug::parse("klimahandleplan").unwrap();
    let drafts = |store: &crate::store::Store| {
        let index = store.draft_index(store.head().unwrap(), Some(&slug)).unwrap();
        index.drafts(slug.as_str()).len()
    };
    let before = drafts(&store);

    // Action 1: the status moved on, the due date typed as the minutes write it.
    key(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        key(&mut app, KeyCode::Tab);
    }
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "31.13.2028");
    key(&mut app, KeyCode::Enter);
    assert!(app.requests.is_empty(), "a bad date is not sent");
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("28-01-2025, 28.01.2025 or 2025-01-28"), "{shown}");
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "30.06.2029");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains("30-06-2029") && shown.contains("færdig"),
        "{shown}"
    );
    assert!(shown.contains("Saved action 1"), "{shown}");

    // Ctrl-U empties a field: the budget taken away.
    key(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);

    // A new action: only its title and owner typed.
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "Kortlægning af skybrudsveje");
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "Vej og Park");
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("Kortlægning af skybrudsveje"), "{shown}");

    // Action 2 removed, after a yes.
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('x'));
    assert!(render(&mut app, 120, 40).contains("Remove action 2"));
    key(&mut app, KeyCode::Char('y'));
    settle(&mut app, &fx.repo);
    let meta = store.entry(&slug).unwrap().1.meta;
    assert!(meta.actions.iter().all(|a| a.id != 2));
    let one = meta.actions.iter().find(|a| a.id == 1).unwrap();
    assert_eq!(one.due, Some(jiff::civil::date(2029, 6, 30)));
    assert_eq!(one.status, crate::domain::ActionStatus::Done);
    let new = meta
        .actions
        .iter()
        .find(|a| a.title == "Kortlægning af skybrudsveje")
        .unwrap();
    assert_eq!(new.owner, "Vej og Park");
    assert_eq!(one.budget, None);
    assert_eq!(drafts(&store), before + 4, "each change is a draft");

    // The history names each change.
    let from = before.to_string();
    let history = crate::usecase::compare(
        &store,
        &slug,
        crate::usecase::Side::Named(&from),
        crate::usecase::Side::Named("latest"),
        std::time::Duration::from_secs(5),
    );
    let details = format!("{:?}", history.unwrap().actions);
    for needle in ["Kortlægning af skybrudsveje", "Removed { id: 2", "new: \"done\""] {
        assert!(details.contains(needle), "{needle}: {details}");
    }
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());

    // In the editor of the work plan, Alt-A opens the same table.
    open(&mut app, &fx.repo, "klimahandleplan");
    app.handle_key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::ALT));
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 80, 24);
    assert!(
        shown.contains("Actions of Klimahandleplan") && shown.contains("Kortlægning af skyb"),
        "{shown}"
    );
}
