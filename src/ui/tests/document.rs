//! The editor: outline, gutter marks of threads, comments on unsaved text, the draft prompt, recovery, vim mode, inert escapes, undo.

use super::*;

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

/// The editor in Danish: its title, the outline, the status line.
#[test]
fn document_editor_in_danish() {
    snapshot_da("document", |app, fx| {
        open(app, &fx.repo, "baeredygtighedsstrategi");
        chars(app, "Nyt afsnit, æøå ");
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
    assert_eq!(app.screen, crate::ui::screens::ScreenId::Review);
    settle(&mut app, &fx.repo);
    let selected = app.review.as_ref().unwrap().selected().unwrap();
    assert!(
        selected.thread.messages[0].text.contains("Skal målet"),
        "{:?}",
        selected.thread
    );
    // Enter goes back to the passage.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, crate::ui::screens::ScreenId::Document);
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
    pause(&mut app, std::time::Instant::now());
    assert!(
        app.requests
            .iter()
            .any(|r| matches!(r, jobs::Request::Threads { shown: Some(_), .. }))
    );
    settle(&mut app, &fx.repo);
    assert_eq!(app.document.as_ref().unwrap().thread_lines[0].0, before + 2);
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
            crate::ui::autosave::workspace_dir(&fx.state, &app.overview.workspace.as_ref().unwrap().git_dir);
        let slug = Slug::parse("cirkulaert-charter").unwrap();
        let text = jobs::open(&crate::store::Store::open(&fx.repo).unwrap(), &slug)
            .unwrap()
            .text
            .replacen("Charter", "Chartret", 1)
            + "Ny linje efter nedbrud\n";
        let mut meta_text = text.clone();
        meta_text.push_str("");
        crate::ui::autosave::write(&dir, &slug, "host-1-0", &meta_text, "0", 1).unwrap();
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
        // Each variant starts without it (they share the state folder).
        std::fs::remove_dir_all(&dir).unwrap();
    });
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
    assert_eq!(app.screen, crate::ui::screens::ScreenId::Overview);
}

#[test]
fn escape_characters_are_drawn_inert() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    let opened = jobs::OpenedDocument {
        slug: Slug::parse("x").unwrap(),
        title: "Farlig".into(),
        base: git2::Oid::ZERO_SHA1.into(),
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

/// The editor open on the latest draft while someone else saves two more:
/// it notices (the branch moved), says which draft is the latest and who
/// saved it, compares the text with the real latest, and brings the text
/// onto it with both people's changes; the draft number follows.
#[test]
fn the_editor_notices_a_later_draft_and_brings_the_text_onto_it() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    open(&mut app, &fx.repo, slug.as_str());
    settle(&mut app, &fx.repo);
    let opened_at = app.document.as_ref().unwrap().draft;
    // My edit at the top.
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    chars(&mut app, "Mit ord. ");
    // Someone else adds two drafts at the end.
    let other = crate::store::Store::open(&fx.repo).unwrap();
    let latest = crate::usecase::open(&other, &slug).unwrap();
    for (n, line) in ["Deres første tilføjelse.", "Deres anden tilføjelse."]
        .iter()
        .enumerate()
    {
        let text = format!(
            "{}\n{line}\n",
            crate::usecase::open(&other, &slug).unwrap().text.trim_end()
        );
        let request = crate::usecase::SaveRequest {
            slug: &slug,
            text: text.as_bytes(),
            base: None,
            message: &format!("Tilføjelse {n}"),
            source: "document.md",
        };
        crate::usecase::save(&other, &request).unwrap();
    }
    assert_eq!(latest.draft, opened_at);
    // The timer asks whether the branch moved; it did, so the workspace is read again.
    app.tick(std::time::Instant::now());
    assert!(app.requests.iter().any(|r| matches!(r, jobs::Request::Head)));
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 40);
    let expected = format!(
        "Draft {} is the latest: ^U brings your text onto it (saved by",
        opened_at + 2
    );
    assert!(shown.contains(&expected), "{shown}");
    // At 80 columns too, the key is in view.
    let shown = render(&mut app, 80, 24);
    assert!(shown.contains("brings your text"), "{shown}");
    // Typing while the update is under way: the answer is for an older
    // text, so it replaces nothing (the letter stays) and says so.
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    chars(&mut app, "!");
    settle(&mut app, &fx.repo);
    let doc = app.document.as_ref().unwrap();
    assert!(
        doc.buffer.text().starts_with("Mit ord. !"),
        "the letter typed meanwhile stays"
    );
    assert_eq!(doc.draft, opened_at, "nothing was brought over");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, e)| *e && m.contains("You typed while"))
    );
    key(&mut app, KeyCode::Backspace);
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    settle(&mut app, &fx.repo);
    let doc = app.document.as_ref().unwrap();
    assert_eq!(doc.draft, opened_at + 2);
    assert!(doc.latest.is_none());
    let text = doc.buffer.text();
    assert!(text.starts_with("Mit ord. "), "my edit stays");
    assert!(
        text.ends_with("Deres første tilføjelse.\nDeres anden tilføjelse.\n"),
        "{text}"
    );
    assert!(doc.buffer.is_modified(), "my edit is still to be saved");
    let shown = render(&mut app, 120, 40);
    assert!(!shown.contains("is the latest"), "{shown}");
    assert!(
        shown.contains(&format!("Your text is on draft {} now", opened_at + 2)),
        "{shown}"
    );
    // Undo takes back the update as one step.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(!app.document.as_ref().unwrap().buffer.text().contains("Deres"));
}

/// Saves a draft as someone else would, from another process: the first
/// line and the last changed (the first line clashes with "Min " typed at
/// the start; the last merges cleanly). Once per repository.
fn someone_saves_over_the_first_line(repo: &Path, slug: &Slug) {
    let other = crate::store::Store::open(repo).unwrap();
    let latest = crate::usecase::open(&other, slug).unwrap();
    if latest.text.starts_with("Deres ") {
        return;
    }
    let text = format!("Deres {}\nDeres sidste linje.\n", latest.text.trim_end());
    let request = crate::usecase::SaveRequest {
        slug,
        text: text.as_bytes(),
        base: None,
        message: "Deres indledning",
        source: "document.md",
    };
    crate::usecase::save(&other, &request).unwrap();
}

/// Runs the save the app asked for (the tests' `settle` leaves saves
/// alone), then what follows from it.
fn run_save(app: &mut App, repo: &Path) {
    let store = crate::store::Store::open(repo).map_err(jobs::failed);
    let at = app
        .requests
        .iter()
        .position(|r| matches!(r, jobs::Request::Save { .. }))
        .expect("a save was asked for");
    let request = app.requests.remove(at);
    app.handle_response(jobs::handle(&store, request));
    settle(app, repo);
}

/// Typed "Min " at the start of the strategy, someone saved a draft that
/// changed the same line, and Ctrl-S: the clashing passage is shown with
/// its three versions.
fn save_that_clashes(app: &mut App, repo: &Path) {
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    open(app, repo, slug.as_str());
    settle(app, repo);
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    chars(app, "Min ");
    someone_saves_over_the_first_line(repo, &slug);
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    chars(app, "Min indledning");
    key(app, KeyCode::Enter);
    run_save(app, repo);
}

/// The resolver at both sizes, in colour and without (each on a workspace
/// of its own: the clash happens once per repository).
#[test]
fn clashing_passages_side_by_side() {
    for (w, h) in [(120, 40), (80, 24)] {
        for color in [true, false] {
            let fx = fixture();
            let mut app = app(&fx, color, DEFAULT);
            save_that_clashes(&mut app, &fx.repo);
            let shown = render(&mut app, w, h);
            let suffix = if color { "color" } else { "no_color" };
            insta::assert_snapshot!(format!("clash_resolver_{w}x{h}_{suffix}"), shown);
        }
    }
    in_danish(|| {
        let fx = fixture();
        let mut app = app(&fx, false, DEFAULT);
        save_that_clashes(&mut app, &fx.repo);
        insta::assert_snapshot!("clash_resolver_120x40_da", render(&mut app, 120, 40));
    });
}

/// A save that clashes is not an error to rebuild by hand: the passage
/// comes up three ways, the person takes both, and Enter saves the draft
/// with the message given, on top of the draft saved meanwhile, keeping
/// its other change. Undo brings back the person's own text.
#[test]
fn a_clashing_save_is_resolved_by_choosing_and_saved() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    save_that_clashes(&mut app, &fx.repo);
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let latest = crate::usecase::open(&crate::store::Store::open(&fx.repo).unwrap(), &slug).unwrap();
    assert!(
        matches!(app.overlay, Some(Overlay::Resolve(_))),
        "{:?}",
        app.message
    );
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("both changed 1 passage"), "{shown}");
    assert!(shown.contains("Yours (on draft"), "{shown}");
    assert!(
        shown.contains(&format!("Theirs: draft {}", latest.draft)),
        "{shown}"
    );
    // Enter before choosing says what is left, and changes nothing.
    key(&mut app, KeyCode::Enter);
    assert!(render(&mut app, 120, 40).contains("1 passage still to choose"));
    key(&mut app, KeyCode::Char('b'));
    let shown = render(&mut app, 120, 40);
    assert!(
        shown.contains("✓1 Yours") && shown.contains("✓2 Theirs"),
        "{shown}"
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none());
    run_save(&mut app, &fx.repo);
    let saved = crate::usecase::open(&crate::store::Store::open(&fx.repo).unwrap(), &slug).unwrap();
    assert_eq!(saved.draft, latest.draft + 1, "{:?}", app.message);
    let first = latest.text.lines().next().unwrap();
    let expected = format!("Min {}\n{}", first.strip_prefix("Deres ").unwrap(), latest.text);
    assert_eq!(saved.text, expected);
    let doc = app.document.as_ref().unwrap();
    assert_eq!(doc.draft, saved.draft);
    assert!(!doc.buffer.is_modified());
    // One undo step takes the choice back.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    let text = app.document.as_ref().unwrap().buffer.text();
    assert!(text.starts_with("Min ") && !text.contains("Deres"), "{text}");
}

/// Taking theirs for every passage leaves nothing to save: said, not
/// sent as a save that would be refused.
#[test]
fn taking_theirs_everywhere_leaves_nothing_to_save() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    save_that_clashes(&mut app, &fx.repo);
    key(&mut app, KeyCode::Char('t'));
    key(&mut app, KeyCode::Enter);
    assert!(
        app.requests
            .iter()
            .all(|r| !matches!(r, jobs::Request::Save { .. }))
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("nothing to save")),
        "{:?}",
        app.message
    );
    assert!(!app.document.as_ref().unwrap().buffer.is_modified());
}

/// Esc leaves the text as it was, an edit of the draft it was opened on;
/// `e` takes both versions into the editor at the passage, to be written
/// by hand, without saving.
#[test]
fn a_clash_can_be_left_or_written_by_hand() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    save_that_clashes(&mut app, &fx.repo);
    let before = app.document.as_ref().unwrap().buffer.text();
    let draft = app.document.as_ref().unwrap().draft;
    key(&mut app, KeyCode::Esc);
    let doc = app.document.as_ref().unwrap();
    assert_eq!(doc.buffer.text(), before);
    assert_eq!(doc.draft, draft);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("was not saved"))
    );
    // Again, and write it by hand this time.
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    chars(&mut app, "Igen");
    key(&mut app, KeyCode::Enter);
    run_save(&mut app, &fx.repo);
    key(&mut app, KeyCode::Char('e'));
    assert!(
        app.requests
            .iter()
            .all(|r| !matches!(r, jobs::Request::Save { .. }))
    );
    let doc = app.document.as_ref().unwrap();
    let text = doc.buffer.text();
    let mut lines = text.lines();
    let (mine, theirs) = (lines.next().unwrap(), lines.next().unwrap());
    assert!(mine.starts_with("Min ") && theirs.starts_with("Deres "), "{text}");
    assert!(
        text.ends_with("Deres sidste linje.\n"),
        "the change that merged is in"
    );
    assert_eq!(
        doc.draft,
        draft + 1,
        "the text is an edit of the latest draft now"
    );
    assert_eq!(doc.buffer.line_col().0, 0, "the cursor is at the passage");
}

/// The outline shows each section's LIX once the worker has counted it:
/// asked for when typing pauses, never counted on the drawing thread; an
/// answer for an older text is not shown beside a newer outline.
#[test]
fn the_outline_shows_each_sections_lix_counted_by_the_worker() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "baeredygtighedsstrategi");
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains(" Outline · LIX "), "{shown}");
    let now = std::time::Instant::now();
    pause(&mut app, now);
    assert!(
        app.requests
            .iter()
            .any(|r| matches!(r, jobs::Request::Lix { .. }))
    );
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 40);
    let forord = shown.lines().find(|l| l.contains("   Forord ")).unwrap();
    let value: String = forord
        .split('│')
        .next()
        .unwrap()
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    assert!(
        value.parse::<u32>().is_ok_and(|v| (20..80).contains(&v)),
        "{forord}"
    );
    // Typed since: the counted values stay while the new count is under
    // way; a heading added makes them wait for it.
    chars(&mut app, "Ny ");
    let later = now + std::time::Duration::from_secs(3);
    pause(&mut app, later);
    let shown = render(&mut app, 120, 40);
    let forord = shown.lines().find(|l| l.contains("   Forord")).unwrap();
    assert!(
        forord.split('│').next().unwrap().trim_end().ends_with(&value),
        "{forord}"
    );
    settle(&mut app, &fx.repo);
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    chars(&mut app, "# Ny overskrift");
    key(&mut app, KeyCode::Enter);
    let later = later + std::time::Duration::from_secs(3);
    app.tick(later);
    app.tick(later + std::time::Duration::from_millis(200));
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains(" Ny overskrift"), "{shown}");
    let forord = shown.lines().find(|l| l.contains("   Forord")).unwrap();
    assert!(
        !forord.split('│').next().unwrap().trim_end().ends_with(&value),
        "{forord}"
    );
}

/// Ticks as the loop would at `at` (noting an edit) and again once typing
/// has paused long enough for the threads and the outline's LIX.
fn pause(app: &mut App, at: std::time::Instant) {
    app.tick(at);
    app.tick(at + std::time::Duration::from_secs(2));
}
