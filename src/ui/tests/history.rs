//! The history: its views, the section summary, work plans, the line cursor and comments, a first read of the history.

use super::*;

#[test]
fn history_word_view() {
    snapshot_all("history_word", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('j'));
        settle(app, &fx.repo);
    });
}

/// The word view with its section summary, in Danish.
#[test]
fn history_in_danish() {
    snapshot_da("history_sections", |app, fx| {
        history_of_strategy(app, fx);
        key(app, KeyCode::Char('s'));
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
    use crate::ui::screens::PromptKind;
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
    assert_eq!(app.screen, crate::ui::screens::ScreenId::Review);
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
    assert_eq!(app.screen, crate::ui::screens::ScreenId::Review);
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
    assert_eq!(app.screen, crate::ui::screens::ScreenId::History);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("No open comment thread"))
    );
    // Enter on the thread's line opens it too; Esc gives the keys back to the drafts.
    cursor_to(&mut app, &fx, "Andelen af vedvarende energi");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, crate::ui::screens::ScreenId::Review);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, crate::ui::screens::ScreenId::History);
    assert_eq!(
        app.history.as_ref().unwrap().focus,
        crate::ui::screens::history::Focus::List
    );
}

/// A fresh clone: the history screen shows the drafts the first read of the
/// history found so far, with their diffs, before they are numbered; once the
/// history is read, the same draft stays selected, now numbered.
#[test]
fn history_shows_the_drafts_found_so_far_then_numbers_them() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    let store = crate::store::Store::open(&fx.repo).map_err(jobs::failed);
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
    let danish = in_danish(|| render(&mut app, 120, 40));
    assert!(danish.contains("3 udkast indtil videre"), "{danish}");
    insta::assert_snapshot!("history_found_so_far_120x40_da", danish);
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

/// A diff that cannot be computed (a draft git cannot read) is not asked for
/// again on every answer: the diff threads would retry it forever.
#[test]
fn a_diff_that_failed_is_not_asked_for_again() {
    let entry = |n: u8| jobs::HistoryEntry {
        number: n.into(),
        commit: git2::Oid::from_bytes(&[n; 20]).unwrap().into(),
        date: "2025-01-01 10:00".into(),
        author: "Søren Bak".into(),
        summary: format!("Udkast {n}"),
        labels: Vec::new(),
        recorded: None,
        decisions: Vec::new(),
    };
    let mut h = crate::ui::screens::history::HistoryState::new(Slug::parse("klima").unwrap());
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

/// `f` hides the list of drafts so side by side gets the full width (at 80
/// columns, beside the list, it has about 20 characters a side), and shows
/// it again.
#[test]
fn the_draft_list_can_be_hidden_for_a_wide_diff() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_strategy(&mut app, &fx);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    settle(&mut app, &fx.repo);
    let with_list = render(&mut app, 80, 24);
    assert!(with_list.contains("7 MH DIR ✓ Klar til politisk"), "{with_list}");
    key(&mut app, KeyCode::Char('f'));
    settle(&mut app, &fx.repo);
    let wide = render(&mut app, 80, 24);
    assert!(!wide.contains("Klar til politisk"), "{wide}");
    // Each side is wide enough for the changed line whole.
    let whole = "+status: \"{+Til politisk behandling+}\"";
    assert!(wide.contains(whole) && !with_list.contains(whole), "{wide}");
    key(&mut app, KeyCode::Char('f'));
    assert!(render(&mut app, 80, 24).contains("7 MH DIR ✓ Klar til politisk"));
}

/// A paragraph of more than 500 characters written as one line, as real
/// programmes are; the drafts below change its last words.
const PARAGRAPH: &str = "Kommunen vil i samarbejde med borgere, foreninger og virksomheder \
    arbejde for at nedbringe udledningen af drivhusgasser fra transport, boliger og \
    landbrug. Indsatsen omfatter blandt andet udbygning af fjernvarmen, flere \
    ladestandere, bedre cykelstier og en plan for lavbundsjorder, og den følges op med \
    et årligt klimaregnskab, som forelægges byrådet sammen med en status for hver \
    enkelt handling i handleplanen, så borgerne kan se, hvad der er nået, og hvad der \
    mangler, før kommunen kan kalde sig klimaneutral";

/// Two more drafts of the charter by an author with a long name, with long
/// messages: the paragraph added, then its last words changed.
fn long_paragraph_drafts(repo: &Path) {
    use crate::domain::paths;
    let store = crate::store::Store::open(repo).unwrap();
    let slug = Slug::parse("cirkulaert-charter").unwrap();
    if store.drafts(&slug).unwrap().len() > 2 {
        return; // snapshot_all sets up each size on the same repository
    }
    let (_, entry) = store.entry(&slug).unwrap();
    let text = store.document_text(&entry).unwrap();
    for (n, (ending, message)) in [
        (
            "inden udgangen af 2035.",
            "Et langt afsnit om klimaregnskabet og den årlige status for hver handling",
        ),
        (
            "allerede i løbet af 2030.",
            "Målet fremrykket til 2030 efter drøftelse med direktionen",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let sig = git2::Signature::new(
            "Anne Kristine Hundahl Mikkelsen",
            "akhm@aaby.dk",
            &git2::Time::new(1_748_764_800 + 3600 * n as i64, 120),
        )
        .unwrap();
        let change = crate::store::Change::default()
            .put(paths::document(&slug), format!("{text}\n{PARAGRAPH} {ending}\n"));
        store
            .commit_change(store.head().unwrap(), &change, &sig, &|s, parent| {
                s.draft_message(parent, &slug, message)
            })
            .unwrap();
    }
}

/// The charter's history, its newest draft (the paragraph's end changed) selected.
fn history_of_charter(app: &mut App, fx: &Fixture) {
    long_paragraph_drafts(&fx.repo);
    key(app, KeyCode::Char('j'));
    key(app, KeyCode::Char('j'));
    key(app, KeyCode::Char('3'));
    settle(app, &fx.repo);
}

#[test]
fn history_side_by_side_long_paragraph() {
    snapshot_all("history_side_by_side_long_paragraph", |app, fx| {
        history_of_charter(app, fx);
        key(app, KeyCode::Char('v'));
        key(app, KeyCode::Char('v'));
        settle(app, &fx.repo);
    });
}

/// Side by side wraps a paragraph written as one line, and opens on its
/// changed words, at the end of the paragraph, not on its first row.
#[test]
fn the_changed_words_at_the_end_of_a_long_paragraph_are_in_view() {
    let fx = fixture();
    for (w, h) in [(120, 40), (80, 24)] {
        for hidden in [false, true] {
            let mut app = app(&fx, false, DEFAULT);
            history_of_charter(&mut app, &fx);
            key(&mut app, KeyCode::Char('v'));
            key(&mut app, KeyCode::Char('v'));
            if hidden {
                key(&mut app, KeyCode::Char('f'));
            }
            settle(&mut app, &fx.repo);
            let shown = render(&mut app, w, h);
            assert!(shown.contains("side by side"), "{shown}");
            for words in ["2035", "2030", "allerede", "klimaneutral"] {
                assert!(shown.contains(words), "{w}×{h}, {words:?}:\n{shown}");
            }
            assert!(!shown.contains('…') || !hidden, "{shown}");
        }
    }
}

#[test]
fn history_list_long_author() {
    snapshot_all("history_list_long_author", |app, fx| {
        history_of_charter(app, fx);
    });
}

/// A long author name gives way to the message: at 80 columns the message
/// keeps about 20 columns and the name shortens to initials (the date goes);
/// at 120 the date and more of the name are back.
#[test]
fn a_long_author_name_leaves_the_message_in_view() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_charter(&mut app, &fx);
    let shown = render(&mut app, 80, 24);
    let row = shown.lines().find(|l| l.starts_with("   3 ")).unwrap();
    assert!(row.contains("Et langt afsnit om k"), "{shown}");
    assert!(row.contains("AKHM"), "{shown}");
    let shown = render(&mut app, 120, 40);
    let row = shown.lines().find(|l| l.starts_with("   3 ")).unwrap();
    assert!(row.contains("A.K.H. Mikkelsen Et langt afsnit om"), "{shown}");
    assert!(row.contains("2025-06-01"), "{shown}");
    // `f` hides the list and brings it back.
    key(&mut app, KeyCode::Char('f'));
    assert!(!render(&mut app, 80, 24).contains("Et langt afsnit"));
    key(&mut app, KeyCode::Char('f'));
    assert!(render(&mut app, 80, 24).contains("Et langt afsnit om k"));
}

/// A draft that only splits a paragraph in two (a blank line where there
/// was a space): the word view marks the place with ¶ and counts it as a
/// change, where it said "0 changes" and showed no mark.
#[test]
fn a_paragraph_split_shows_as_one_change() {
    let fx = fixture();
    let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
    let store = crate::store::Store::open(&fx.repo).unwrap();
    let latest = crate::usecase::open(&store, &slug).unwrap();
    assert!(latest.text.contains("man bor. Det gælder"));
    let split = latest
        .text
        .replacen("man bor. Det gælder", "man bor.\n\nDet gælder", 1);
    let request = crate::usecase::SaveRequest {
        slug: &slug,
        text: split.as_bytes(),
        base: None,
        message: "Forordet i to afsnit",
        source: "document.md",
    };
    crate::usecase::save(&store, &request).unwrap();
    for color in [false, true] {
        let mut app = app(&fx, color, DEFAULT);
        history_of_strategy(&mut app, &fx);
        let shown = render(&mut app, 120, 40);
        assert!(shown.contains("word view · 1 change · +0 −0 words"), "{shown}");
        let mark = if color { "man bor.¶" } else { "man bor.{+¶+}" };
        assert!(shown.contains(mark), "{shown}");
    }
}

/// A draft of the work programme that moves "Natur og vand" from
/// Bæredygtighed to Fællesskab with one word changed on the way, takes a
/// comma out, fixes nothing else but a figure (70 → 75 pct.).
fn moved_and_minor_draft(repo: &Path) {
    let store = crate::store::Store::open(repo).unwrap();
    let slug = Slug::parse("arbejdsgrundlag").unwrap();
    let latest = crate::usecase::open(&store, &slug).unwrap();
    if latest.text.contains("Vi ønsker at tænke") {
        return; // snapshot_all sets up each size on the same repository
    }
    let moved = crate::diff::tests::move_natur_og_vand(&latest.text, |s| {
        s.replacen("Vi vil tænke", "Vi ønsker at tænke", 1)
    });
    let new = moved
        .replacen("alt, hvad kommunen gør", "alt hvad kommunen gør", 1)
        .replacen("udledningen på 70 pct.", "udledningen på 75 pct.", 1);
    let request = crate::usecase::SaveRequest {
        slug: &slug,
        text: new.as_bytes(),
        base: None,
        message: "Natur og vand flyttet til Fællesskab",
        source: "document.md",
    };
    crate::usecase::save(&store, &request).unwrap();
}

fn history_of_the_work_programme(app: &mut App, fx: &Fixture) {
    moved_and_minor_draft(&fx.repo);
    key(app, KeyCode::Char('3'));
    settle(app, &fx.repo);
}

/// The moved section: one row where it was, "moved from" above it where it
/// is, only the changed word marked inside.
#[test]
fn history_moved_section() {
    snapshot_all("history_moved_section", |app, fx| {
        history_of_the_work_programme(app, fx);
        key(app, KeyCode::Char('f'));
    });
}

#[test]
fn history_hides_minor_changes_and_counts_them() {
    snapshot_all("history_minor_hidden", |app, fx| {
        history_of_the_work_programme(app, fx);
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('M'));
    });
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_the_work_programme(&mut app, &fx);
    key(&mut app, KeyCode::Char('f'));
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("{+,+}") || shown.contains("[-,-]"), "{shown}");
    key(&mut app, KeyCode::Char('M'));
    let shown = render(&mut app, 120, 40);
    assert!(shown.contains("1 minor change hidden"), "{shown}");
    assert!(!shown.contains("[-,-]"), "{shown}");
    assert!(shown.contains("[-70-]{+75+}"), "{shown}");
    // And back.
    key(&mut app, KeyCode::Char('M'));
    assert!(render(&mut app, 120, 40).contains("[-,-]"));
}

/// The same move side by side and unified, scrolled to the move: "moved
/// to" where it was, "moved from" above the section where it is, the old
/// lines beside (or above) the new with only the changed word marked.
#[test]
fn history_moved_section_side_by_side_and_unified() {
    let fx = fixture();
    // The view `views` presses of v away, scrolled to the row that says
    // where the section went.
    let moved = |color: bool, views: usize, w: u16, h: u16| {
        let mut app = app(&fx, color, DEFAULT);
        history_of_the_work_programme(&mut app, &fx);
        key(&mut app, KeyCode::Char('f'));
        for _ in 0..views {
            key(&mut app, KeyCode::Char('v'));
        }
        render(&mut app, w, h);
        for _ in 0..2 {
            key(&mut app, KeyCode::Char('n'));
            render(&mut app, w, h);
        }
        render(&mut app, w, h)
    };
    for (name, views) in [("side_by_side", 2), ("unified", 1)] {
        for (w, h) in [(120, 40), (80, 24)] {
            for color in [true, false] {
                let shown = moved(color, views, w, h);
                assert!(shown.contains("moved to Fællesskab"), "{shown}");
                let suffix = if color { "color" } else { "no_color" };
                insta::assert_snapshot!(format!("history_moved_section_{name}_{w}x{h}_{suffix}"), shown);
            }
        }
        let shown = in_danish(|| moved(false, views, 120, 40));
        assert!(shown.contains("flyttet til Fællesskab"), "{shown}");
        insta::assert_snapshot!(format!("history_moved_section_{name}_120x40_da"), shown);
    }
}

/// `B`: the newer draft's text with who gave each paragraph its wording;
/// the comma taken out in draft 4 leaves its paragraph with draft 1, the
/// figure changed in draft 4 gives its paragraph to draft 4.
#[test]
fn history_blame() {
    snapshot_all("history_blame", |app, fx| {
        history_of_the_work_programme(app, fx);
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('B'));
        settle(app, &fx.repo);
    });
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    history_of_the_work_programme(&mut app, &fx);
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('B'));
    settle(&mut app, &fx.repo);
    let credit_of = |shown: &str, needle: &str| -> String {
        let lines: Vec<&str> = shown.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {shown}"));
        let header = lines[..at].iter().rev().find(|l| l.contains("── draft")).unwrap();
        header.trim().to_string()
    };
    // It opens on the first paragraph draft 4 wrote; the comma is above.
    let shown = render(&mut app, 120, 80);
    assert!(
        shown.lines().nth(2).unwrap().contains("## Bæredygtighed"),
        "{shown}"
    );
    key(&mut app, KeyCode::PageUp);
    let shown = render(&mut app, 120, 80);
    assert!(shown.contains("who wrote each paragraph of draft 4"), "{shown}");
    assert!(
        credit_of(&shown, "Arbejdsgrundlaget samler").starts_with("── draft 1 ·"),
        "{shown}"
    );
    assert!(
        credit_of(&shown, "75 pct. i 2030").starts_with("── draft 4 ·"),
        "{shown}"
    );
    // `n` steps to what draft 4 wrote; `B` again shows the changes.
    key(&mut app, KeyCode::Char('B'));
    assert!(render(&mut app, 120, 80).contains("[-70-]{+75+}"));
}

/// Alt-B in the editor: the title line names the draft, author and date of
/// the paragraph at the cursor, and says so once it is edited.
#[test]
fn the_editor_names_who_wrote_the_paragraph_at_the_cursor() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    open(&mut app, &fx.repo, "arbejdsgrundlag");
    app.handle_key(KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT));
    settle(&mut app, &fx.repo);
    let shown = render(&mut app, 120, 30);
    let title = shown.lines().nth(1).unwrap();
    assert!(title.contains("¶ draft 1 · "), "{shown}");
    chars(&mut app, "x");
    let shown = render(&mut app, 120, 30);
    assert!(
        shown.lines().nth(1).unwrap().contains("¶ edited, not saved"),
        "{shown}"
    );
    app.handle_key(KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT));
    let shown = render(&mut app, 120, 30);
    assert!(!shown.lines().nth(1).unwrap().contains("¶"), "{shown}");
}
