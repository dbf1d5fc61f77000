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

/// A long first read of the history says how far it got and how to stop
/// it; the stop key tells the workers, and the cancelled read is news, not
/// an error: the overview keeps what it showed.
#[test]
fn a_long_read_can_be_stopped() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    settle(&mut app, &fx.repo);
    app.handle_response(Response::Progress(
        "Reading the history: 250 of 20000 commits…".into(),
    ));
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains("Reading the history: 250 of 20000 commits… (^X stops)"),
        "{shown}"
    );
    app.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL));
    assert!(app.cancel, "the loop is asked to tell the workers");
    assert!(render(&mut app, 120, 40).contains("Stopping…"));
    let cancelled = jobs::failed(crate::store::StoreError::Cancelled);
    app.handle_response(Response::Loaded(Err(cancelled)));
    assert!(app.load_error.is_none() && app.busy.is_none());
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("Stopped reading the history"), "{shown}");
    assert!(
        shown.contains("Bæredygtighedsstrategi"),
        "the documents stay: {shown}"
    );
    // With nothing running, the key says so.
    app.cancel = false;
    app.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL));
    assert!(!app.cancel);
    assert_eq!(
        app.message.as_ref().map(|(m, _)| m.as_str()),
        Some("Nothing is running that can be stopped")
    );
}

/// A document whose text is kept in an autosave (never saved as a draft) is
/// marked in the overview, from this session and from one that ended.
#[test]
fn documents_with_unsaved_text_are_marked() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    assert!(!render(&mut app, 120, 40).contains('✎'));
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    chars(&mut app, "Ny tekst ");
    key(&mut app, KeyCode::F(1));
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("✎ Bæredygtighedsstrategi"), "{shown}");
    assert!(shown.contains("✎ unsaved text kept in an autosave"), "{shown}");
    // At 80 columns the mark stays in view before the (cut) title.
    let shown = render(&mut app, 80, 24);
    assert!(shown.contains("✎ Bæredygtighed"), "{shown}");
}

/// Real data: a route of ten bodies and a long name. The route folds
/// (`… +N`) and the name shortens before the title is cut.
#[test]
fn a_long_route_folds_and_names_shorten_before_a_title_is_cut() {
    use crate::domain::BodyId;
    use crate::ui::jobs::Badge;
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    let workspace = app.overview.workspace.as_mut().unwrap();
    let item = workspace
        .items
        .iter_mut()
        .find(|i| i.slug.as_str() == "baeredygtighedsstrategi")
        .unwrap();
    let steps: [&[&str]; 8] = [
        &["DIR"],
        &["FOU", "BFU", "SOS"],
        &["BSK"],
        &["KFU"],
        &["BYP"],
        &["TMU"],
        &["ØKE"],
        &["BYR"],
    ];
    item.route = steps
        .iter()
        .map(|step| {
            step.iter()
                .map(|b| (BodyId(b.to_string()), Badge::NotYet))
                .collect()
        })
        .collect();
    item.author = "Anne Kristine Hundahl Mikkelsen".into();
    let shown = render(&mut app, 120, 40);
    let row = shown
        .lines()
        .find(|l| l.contains("Bæredygtighedsstrategi"))
        .unwrap();
    assert!(row.contains("Bæredygtighedsstrategi 2025–2030"), "{row}");
    assert!(row.contains("DIR· {FOU· BFU·") && row.contains(" +"), "{row}");
    assert!(row.contains("A. K. H. Mikkelsen"), "{row}");
    let shown = render(&mut app, 80, 24);
    let row = shown.lines().find(|l| l.contains("Bæredygtighed")).unwrap();
    assert!(
        row.contains("Bæredygtighedsstrategi 202…"),
        "a cut title says so: {row}"
    );
    assert!(row.contains("A.K.H. Mikk…"), "{row}");
}
