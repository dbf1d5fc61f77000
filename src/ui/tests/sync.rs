//! Syncing from the TUI: `S` fetches, merges and pushes; passages both
//! sides changed come up in the resolver, file by file, and choosing them
//! finishes the sync.

use std::process::Command;

use super::*;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Saves `edit` of the strategy's latest text in the clone at `repo`.
fn save_in(repo: &Path, edit: impl Fn(&str) -> String, message: &str) {
    let store = crate::store::Store::open(repo).unwrap();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let text = edit(&crate::usecase::open(&store, &slug).unwrap().text);
    let request = crate::usecase::SaveRequest {
        slug: &slug,
        text: text.as_bytes(),
        base: None,
        message,
        source: "document.md",
    };
    crate::usecase::save(&store, &request).unwrap();
}

/// The fixture's workspace with a bare remote it has pushed to, and a
/// second clone of it with its own identity.
fn with_remote(fx: &Fixture) -> std::path::PathBuf {
    let root = fx.repo.parent().unwrap();
    let remote = root.join("remote.git");
    git(
        root,
        &["init", "-q", "--bare", "-b", "main", remote.to_str().unwrap()],
    );
    git(&fx.repo, &["remote", "add", "origin", remote.to_str().unwrap()]);
    let branch = crate::store::Store::open(&fx.repo).unwrap().branch_short();
    git(&fx.repo, &["push", "-q", "origin", &format!("{branch}:{branch}")]);
    let other = root.join("other");
    git(
        root,
        &["clone", "-q", remote.to_str().unwrap(), other.to_str().unwrap()],
    );
    git(
        &other,
        &["config", "user.name", "Anne Kristine Hundahl Mikkelsen"],
    );
    git(&other, &["config", "user.email", "anne@aaby.dk"]);
    other
}

#[test]
fn s_syncs_and_a_clash_is_chosen_in_the_resolver() {
    let fx = fixture();
    let other = with_remote(&fx);
    // The other clone changes the first line and pushes; this one changes it too.
    save_in(&other, |t| format!("Deres {t}"), "Deres indledning");
    let store = crate::store::Store::open(&other).unwrap();
    let git = crate::remote::Git::new(store.location());
    crate::usecase::sync(&store, &git, &Default::default(), &mut |_| {}).unwrap();
    save_in(&fx.repo, |t| format!("Min {t}"), "Min indledning");
    let mut app = app(&fx, false, DEFAULT);
    chars(&mut app, "S");
    settle(&mut app, &fx.repo);
    assert!(
        matches!(app.overlay, Some(Overlay::Resolve(_))),
        "{:?}",
        app.message
    );
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains(
            "strategies/baeredygtighedsstrategi/document.md changed here and on origin in the same passage"
        ),
        "{shown}"
    );
    assert!(shown.contains("Here") && shown.contains("On origin"), "{shown}");
    insta::assert_snapshot!("sync_resolver_80x24_no_color", render(&mut app, 80, 24));
    let danish = in_danish(|| render(&mut app, 120, 40));
    assert!(
        danish.contains("er ændret her og på origin i den samme passage"),
        "{danish}"
    );
    insta::assert_snapshot!("sync_resolver_120x40_da", danish);
    key(&mut app, KeyCode::Char('b'));
    key(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none());
    settle(&mut app, &fx.repo);
    let (message, error) = app.message.clone().unwrap();
    assert!(!error && message.contains("Synced with origin"), "{message}");
    assert!(message.contains("merged"), "{message}");
    // Both first lines are in the merged draft, here and on the remote.
    let here = crate::store::Store::open(&fx.repo).unwrap();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let text = crate::usecase::open(&here, &slug).unwrap().text;
    assert!(
        text.starts_with("Min ") && text.lines().nth(1).unwrap().starts_with("Deres "),
        "{text}"
    );
    crate::usecase::sync(&store, &git, &Default::default(), &mut |_| {}).unwrap();
    assert_eq!(crate::usecase::open(&store, &slug).unwrap().text, text);
    // The status line says the branch is level with the remote, just synced
    // (once the message of the sync is gone).
    app.message = None;
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains("⎇ main synced ") || shown.contains("⎇ master synced "),
        "{shown}"
    );
}

/// A background fetch moves no branch: it brings the counts (↓1) and marks
/// the document being edited when the remote changed its text, before the
/// person saves over an old text.
#[test]
fn a_fetch_flags_a_document_changed_on_the_remote() {
    let fx = fixture();
    let other = with_remote(&fx);
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    settle(&mut app, &fx.repo);
    let head = crate::store::Store::open(&fx.repo).unwrap().head().unwrap();
    save_in(&other, |t| format!("Deres {t}"), "Deres indledning");
    let store = crate::store::Store::open(&other).unwrap();
    crate::usecase::sync(
        &store,
        &crate::remote::Git::new(store.location()),
        &Default::default(),
        &mut |_| {},
    )
    .unwrap();
    app.fetch_every = Some(std::time::Duration::from_secs(60));
    app.tick(std::time::Instant::now());
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(61));
    assert!(app.requests.iter().any(|r| matches!(r, jobs::Request::Fetch)));
    settle(&mut app, &fx.repo);
    assert_eq!(
        crate::store::Store::open(&fx.repo).unwrap().head().unwrap(),
        head,
        "no branch moved"
    );
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains("This document was changed on origin: sync before you save"),
        "{shown}"
    );
    assert!(shown.contains("↓1"), "{shown}");
}
