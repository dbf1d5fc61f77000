//! The review screen.

use super::*;

/// The threads, one outdated, in Danish.
#[test]
fn review_in_danish() {
    snapshot_da("review", |app, fx| {
        comment_on_the_strategy(&fx.repo);
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('4'));
        settle(app, &fx.repo);
        for _ in 0..4 {
            key(app, KeyCode::Char('f'));
        }
    });
}

#[test]
fn review_threads_with_an_outdated_one() {
    snapshot_all("review", |app, fx| {
        comment_on_the_strategy(&fx.repo);
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('4'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
    });
}

fn alt_enter(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// The review screen of the sample strategy with its two threads.
fn reviewing(app: &mut App, fx: &Fixture) {
    comment_on_the_strategy(&fx.repo);
    key(app, KeyCode::Char('j'));
    key(app, KeyCode::Char('4'));
    settle(app, &fx.repo);
}

/// A reply of three lines, the second too long for a row: the prompt grows
/// with its text, wrapped at the screen's width.
#[test]
fn reply_prompt_of_several_lines() {
    snapshot_all("reply_prompt_lines", |app, fx| {
        reviewing(app, fx);
        key(app, KeyCode::Char('r'));
        chars(app, "Første linje.");
        alt_enter(app);
        chars(
            app,
            "Anden linje er så lang at den brydes over flere rækker: målet om 80 pct. vedvarende energi i 2030 bør hæves til 100 pct., som byrådet bad om i marts.",
        );
        ctrl(app, 'j');
        chars(app, "Tredje linje.");
    });
}

/// A reply longer than half the screen: the prompt shows the rows up to the
/// cursor and says how many are above.
#[test]
fn reply_prompt_scrolls_beyond_half_the_screen() {
    snapshot_all("reply_prompt_scrolled", |app, fx| {
        reviewing(app, fx);
        key(app, KeyCode::Char('r'));
        for n in 1..=30 {
            chars(app, &format!("Linje {n}"));
            if n < 30 {
                alt_enter(app);
            }
        }
    });
}

/// Alt-Enter and Ctrl-J make new lines, Enter sends all of them; the thread
/// shows every line. A paste keeps its lines (CR and CRLF become LF) in a
/// comment prompt and becomes one line in a search.
#[test]
fn a_reply_of_several_lines_is_sent_and_shown_whole() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    reviewing(&mut app, &fx);
    key(&mut app, KeyCode::Char('r'));
    chars(&mut app, "Ja.");
    alt_enter(&mut app);
    ctrl(&mut app, 'j');
    chars(&mut app, "Men først næste år.");
    app.paste("\r\nIndsat\r\nmed CRLF\rog CR");
    key(&mut app, KeyCode::Enter);
    let text = "Ja.\n\nMen først næste år.\nIndsat\nmed CRLF\nog CR";
    assert!(
        matches!(app.requests.as_slice(),
            [jobs::Request::Comment(_, jobs::CommentRequest::Reply { text: sent, .. })] if sent == text),
        "{:?}",
        app.requests
    );
    settle(&mut app, &fx.repo);
    let thread = &app.review.as_ref().unwrap().selected().unwrap().thread;
    assert_eq!(thread.messages[1].text, text);
    let shown = render(&mut app, 120, 40);
    let rows: Vec<&str> = shown.lines().map(str::trim_end).collect();
    let at = rows.iter().position(|r| *r == "   Ja.").expect(&shown);
    assert_eq!(
        rows[at..at + 6],
        [
            "   Ja.",
            "",
            "   Men først næste år.",
            "   Indsat",
            "   med CRLF",
            "   og CR"
        ],
        "{shown}"
    );

    // One-line prompts take a paste as one line, and Alt-Enter sends there.
    app.overlay = Some(Overlay::Prompt {
        owner: crate::ui::screens::ScreenId::Review,
        kind: crate::ui::screens::PromptKind::Search,
        input: String::new(),
    });
    app.paste("to\r\nlinjer\n");
    assert!(matches!(&app.overlay, Some(Overlay::Prompt { input, .. }) if input == "to linjer "));
    alt_enter(&mut app);
    assert!(app.overlay.is_none());
}

/// x asks for an optional closing word: Enter on nothing resolves without
/// one, a word of several lines is the thread's last message.
#[test]
fn resolving_asks_for_an_optional_closing_word() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    reviewing(&mut app, &fx);
    key(&mut app, KeyCode::Char('x'));
    assert!(render(&mut app, 80, 24).contains("Resolve; a closing word (optional):"));
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(
            app.requests.as_slice(),
            [jobs::Request::Comment(
                _,
                jobs::CommentRequest::Resolve { text: None, .. }
            )]
        ),
        "{:?}",
        app.requests
    );
    settle(&mut app, &fx.repo);
    assert_eq!(app.message, Some(("Resolved the thread".to_string(), false)));
    // The other open thread, with a closing word.
    key(&mut app, KeyCode::Char('x'));
    chars(&mut app, "Flyttet.");
    alt_enter(&mut app);
    chars(&mut app, "Tak.");
    key(&mut app, KeyCode::Enter);
    settle(&mut app, &fx.repo);
    let store = crate::store::Store::open(&fx.repo).unwrap();
    let (threads, _) = store
        .threads(&Slug::parse("baeredygtighedsstrategi").unwrap())
        .unwrap();
    let last: Vec<(&str, usize)> = threads
        .iter()
        .map(|t| (t.messages.last().unwrap().text.as_str(), t.messages.len()))
        .collect();
    assert!(last.contains(&("Flyttet.\nTak.", 2)), "{last:?}");
    assert!(
        threads
            .iter()
            .all(|t| t.status == crate::domain::ThreadStatus::Resolved),
        "{threads:?}"
    );
    // Reopening asks nothing.
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('x'));
    assert!(app.overlay.is_none());
    assert!(matches!(
        app.requests.as_slice(),
        [jobs::Request::Comment(_, jobs::CommentRequest::Reopen { .. })]
    ));
}

/// Ctrl-E hands a comment prompt's text to $EDITOR (the loop runs it); what
/// the editor leaves, without its last line end, is the prompt's text again,
/// to be sent with Enter. A failed editor keeps the text as it was.
#[test]
fn ctrl_e_edits_a_comment_prompt_in_the_external_editor() {
    let fx = fixture();
    let mut app = app(&fx, false, DEFAULT);
    reviewing(&mut app, &fx);
    key(&mut app, KeyCode::Char('r'));
    chars(&mut app, "Udkast");
    ctrl(&mut app, 'e');
    assert!(app.overlay.is_none());
    assert_eq!(app.external_edit.take().as_deref(), Some("Udkast"));
    app.external_result(Ok("Udkast\r\nmed flere linjer\n".into()));
    let reopened = |app: &App| match &app.overlay {
        Some(Overlay::Prompt { kind, input, .. }) => Some((kind.clone(), input.clone())),
        _ => None,
    };
    let (kind, input) = reopened(&app).expect("the prompt is open again");
    assert!(matches!(kind, crate::ui::screens::PromptKind::Reply(_)));
    assert_eq!(input, "Udkast\nmed flere linjer");
    ctrl(&mut app, 'e');
    app.external_edit.take();
    app.external_result(Err("vi exited with 1".into()));
    assert_eq!(reopened(&app).unwrap().1, "Udkast\nmed flere linjer");
    assert_eq!(app.message, Some(("vi exited with 1".to_string(), true)));
    // The document's text is not touched by a prompt's edit.
    assert!(app.document.is_none());
}
