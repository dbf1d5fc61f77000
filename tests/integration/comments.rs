//! Review comments through the real binary: threads follow their passage into
//! later drafts, replies and resolving, every bad input, broken thread files,
//! and two processes commenting at once losing nothing.

use std::path::Path;

use crate::common::{Env, NAME};

const DRAFT2: &str = "# Klimaplan 2030\n\
                      \n\
                      ## Mål\n\
                      \n\
                      Vi vil reducere udledningen med 50 pct. inden 2030.\n\
                      Det kræver en indsats fra alle forvaltninger.\n\
                      \n\
                      ## Indsatser\n\
                      \n\
                      Vi bygger cykelstier.\n";

fn save(env: &Env, ws: &Path, text: &str, message: &str) {
    env.udkast_stdin(ws, &["save", "klima", "-", "-m", message], text.as_bytes())
        .ok();
}

/// A workspace whose `klima` has drafts 1 and 2 (DRAFT2).
fn workspace(env: &Env) -> std::path::PathBuf {
    let ws = env.workspace("ws");
    save(env, &ws, DRAFT2, "Første tekst");
    ws
}

/// Adds a thread and returns its id as the command says it: the short form
/// people type back.
fn add(env: &Env, ws: &Path, args: &[&str], message: &str) -> String {
    let mut all = vec!["comment", "add", "klima"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-m", message]);
    let out = env.udkast_in(ws, &all).ok().to_string();
    assert!(out.starts_with("Added comment "), "{out}");
    out.split_whitespace().nth(2).unwrap().to_string()
}

/// The whole id of the thread whose short id is `short` (the file's name).
fn full_id(env: &Env, ws: &Path, short: &str) -> String {
    let rows = json(env, ws, &["--all"]);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["short"] == short)
        .unwrap();
    row["id"].as_str().unwrap().to_string()
}

fn json(env: &Env, ws: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["comment", "list", "klima", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(env.udkast_in(ws, &all).ok()).unwrap()
}

/// The LINES column of each listed thread, by id.
fn lines_column(env: &Env, ws: &Path, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["comment", "list", "klima"];
    all.extend_from_slice(args);
    let out = env.udkast_in(ws, &all).ok().to_string();
    let mut rows = out.lines();
    let header = rows.next().unwrap();
    assert!(header.starts_with("ID "), "{out}");
    let lines_at = header.find("LINES").unwrap();
    let author_at = header.find("AUTHOR").unwrap();
    rows.map(|r| {
        (
            r.split_whitespace().next().unwrap().to_string(),
            r[lines_at..author_at].trim().to_string(),
        )
    })
    .collect()
}

fn assert_clean(env: &Env, ws: &Path) {
    env.git(ws, &["fsck", "--no-progress", "--strict"]);
    assert_eq!(env.git(ws, &["status", "--porcelain"]), "");
}

#[test]
fn threads_follow_their_passage_through_later_drafts() {
    let env = Env::new();
    let ws = workspace(&env);
    let goal = add(&env, &ws, &["--draft", "2", "--lines", "5-6"], "Er 50 pct. nok?");
    let bikes = add(&env, &ws, &["--lines", "10"], "Hvor mange km?");
    // Short ids: seven hex digits, which the commands take back.
    for id in [&goal, &bikes] {
        assert!(id.len() == 7 && id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    }
    assert_eq!(
        lines_column(&env, &ws, &[]),
        [(goal.clone(), "5-6".into()), (bikes.clone(), "10".into())]
    );

    // Draft 3 inserts a section above both passages.
    let draft3 = DRAFT2.replace(
        "## Mål\n",
        "## Baggrund\n\nKommunen har en klimaplan.\n\n## Mål\n",
    );
    save(&env, &ws, &draft3, "Baggrund");
    assert_eq!(
        lines_column(&env, &ws, &[]),
        [(goal.clone(), "9-10".into()), (bikes.clone(), "14".into())]
    );
    // A thread added now on the older draft 2 is placed on draft 3 too.
    let heading = add(
        &env,
        &ws,
        &["--draft", "2", "--lines", "3"],
        "Overskriften er for bred.",
    );

    // Draft 4 edits inside the first passage.
    save(&env, &ws, &draft3.replace("50 pct.", "70 pct."), "Skærpet");
    // Listed by where they land, as the review screen lists them.
    let listed = lines_column(&env, &ws, &[]);
    assert_eq!(
        listed,
        [
            (heading.clone(), "7".into()),
            (goal.clone(), "9-10 (edited)".into()),
            (bikes.clone(), "14".into()),
        ]
    );

    // Draft 5 deletes it: outdated, with where it was; never hidden.
    let draft5 = draft3.replace(
        "Vi vil reducere udledningen med 50 pct. inden 2030.\nDet kræver en indsats fra alle forvaltninger.\n",
        "",
    );
    save(&env, &ws, &draft5, "Mål udgår");
    // Outdated threads come last.
    assert_eq!(
        lines_column(&env, &ws, &[]).last().unwrap(),
        &(goal.clone(), "outdated (was 5-6 in draft 2)".into())
    );
    // Shown on an older draft, each is where it was.
    assert!(lines_column(&env, &ws, &["--draft", "2"]).contains(&(goal.clone(), "5-6".into())));

    let rows = json(&env, &ws, &[]);
    let rows = rows.as_array().unwrap();
    let first = rows.last().unwrap();
    assert_eq!(first["short"], goal.as_str());
    let whole = first["id"].as_str().unwrap();
    assert!(whole.len() == 16 && whole.starts_with(&goal), "{whole}");
    assert_eq!(first["placement"], "outdated");
    assert_eq!(first["lines"], serde_json::Value::Null);
    assert_eq!(first["shown_draft"], 5);
    assert_eq!(first["draft"], 2);
    assert_eq!(
        first["anchor"]["quote"],
        "Vi vil reducere udledningen med 50 pct. inden 2030.\nDet kræver en indsats fra alle forvaltninger.\n"
    );
    assert_eq!(
        first["anchor"]["section"],
        serde_json::json!(["Klimaplan 2030", "Mål"])
    );
    assert_eq!(first["messages"][0]["author"], NAME);
    let bikes_row = rows.iter().find(|r| r["short"] == bikes.as_str()).unwrap();
    assert_eq!(bikes_row["placement"], "exact");
    assert_eq!(bikes_row["lines"], serde_json::json!({"start": 12, "end": 12}));

    // show prints the original quote of an outdated thread.
    let shown = env
        .udkast_in(&ws, &["comment", "show", "klima", &goal])
        .ok()
        .to_string();
    assert!(
        shown.starts_with(&format!("comment {goal} on klima, open\n")),
        "{shown}"
    );
    assert!(shown.contains("outdated (was 5-6 in draft 2)"), "{shown}");
    assert!(
        shown.contains("> Vi vil reducere udledningen med 50 pct. inden 2030.\n"),
        "{shown}"
    );
    assert!(shown.contains("    Er 50 pct. nok?\n"), "{shown}");

    // Comments are not drafts: the log still has five.
    let log: serde_json::Value =
        serde_json::from_str(env.udkast_in(&ws, &["log", "klima", "--json"]).ok()).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 5);
    assert_eq!(log[0]["message"], "Mål udgår");
    assert_clean(&env, &ws);
}

#[test]
fn reply_resolve_reopen_and_all() {
    let env = Env::new();
    let ws = workspace(&env);
    let goal = add(&env, &ws, &["--lines", "5-6"], "Er 50 pct. nok?");
    let other = add(&env, &ws, &["--lines", "10"], "Hvor mange km?");
    let whole = full_id(&env, &ws, &goal);

    // A unique beginning of the id is enough.
    let out = env
        .udkast_in(
            &ws,
            &[
                "comment",
                "reply",
                "klima",
                &whole[..10],
                "-m",
                "Direktionen ønsker 70.",
            ],
        )
        .ok()
        .to_string();
    assert!(
        out.starts_with(&format!("Replied to comment {goal} on klima (1 reply)")),
        "{out}"
    );
    env.udkast_in(
        &ws,
        &["comment", "reply", "klima", &goal, "-m", "Enig.\nOg mere."],
    )
    .ok();
    let out = env
        .udkast_in(
            &ws,
            &["comment", "resolve", "klima", &goal, "-m", "Rettet i udkast 3."],
        )
        .ok()
        .to_string();
    assert!(
        out.starts_with(&format!("Resolved comment {goal} on klima")),
        "{out}"
    );

    // Resolved threads are listed only with --all.
    let open: Vec<String> = lines_column(&env, &ws, &[]).into_iter().map(|r| r.0).collect();
    assert_eq!(open, std::slice::from_ref(&other));
    let all = env
        .udkast_in(&ws, &["comment", "list", "klima", "--all"])
        .ok()
        .to_string();
    let row = all.lines().find(|l| l.starts_with(&goal)).unwrap();
    assert!(
        row.contains(" resolved ") && row.contains(" 3  Er 50 pct. nok?"),
        "{all}"
    );

    let rows = json(&env, &ws, &["--all"]);
    assert_eq!(rows[0]["status"], "resolved");
    assert_eq!(rows[0]["replies"], 3);
    assert_eq!(rows[0]["messages"][2]["text"], "Enig.\nOg mere.");
    assert_eq!(rows[0]["messages"][3]["text"], "Rettet i udkast 3.");

    env.udkast_in(&ws, &["comment", "resolve", "klima", &goal])
        .user_error(&format!("comment {goal} is already resolved"));
    env.udkast_in(&ws, &["comment", "reopen", "klima", &goal]).ok();
    env.udkast_in(&ws, &["comment", "reopen", "klima", &goal])
        .user_error("is already open");
    assert_eq!(lines_column(&env, &ws, &[]).len(), 2);

    // Each operation is one commit with trailers; the thread file is plain TOML.
    let log = env.git(&ws, &["log", "--format=%B%x00", "-6"]);
    let last = log.split('\0').next().unwrap();
    assert!(
        last.starts_with(&format!("Reopen comment {whole} on klima")),
        "{last}"
    );
    assert!(
        last.contains(&format!("\nStrategy: klima\nComment: {whole} reopen\n")),
        "{last}"
    );
    assert!(log.contains(&format!("Comment: {whole} resolve")));
    assert!(log.contains("Rettet i udkast 3."));
    let file = std::fs::read_to_string(ws.join(format!("strategies/klima/comments/{whole}.toml"))).unwrap();
    assert!(
        file.starts_with(&format!("format = 1\nid = \"{whole}\"\nstatus = \"open\"\n")),
        "{file}"
    );
    assert_eq!(file.matches("[[message]]").count(), 4);
    assert_clean(&env, &ws);
}

#[test]
fn every_bad_input_is_one_clear_line() {
    let env = Env::new();
    let ws = workspace(&env);
    let id = add(&env, &ws, &["--lines", "5"], "Første");
    let head = env.git(&ws, &["rev-parse", "HEAD"]);
    let run = |args: &[&str]| env.udkast_in(&ws, args);

    run(&["comment", "reply", "klima", "20990101T000000Z-abcdef", "-m", "x"])
        .user_error("no comment thread \"20990101T000000Z-abcdef\" on klima");
    run(&["comment", "resolve", "klima", "zzz"]).user_error("no comment thread \"zzz\" on klima");
    run(&["comment", "reply", "klima", "../../udkast", "-m", "x"]).user_error("is not a comment id");
    run(&["comment", "reply", "klima", &id, "-m", ""]).user_error("the comment is empty; write it with -m");
    run(&["comment", "add", "klima", "--lines", "5", "-m", "  \n "]).user_error("the comment is empty");
    run(&["comment", "resolve", "klima", &id, "-m", " "]).user_error("the comment is empty");
    run(&["comment", "add", "klima", "--lines", "a-b", "-m", "x"])
        .user_error("\"a-b\" is not a line range; write it as A-B");
    run(&["comment", "add", "klima", "--lines", "6-4", "-m", "x"])
        .user_error("the line range 6-4 runs backwards; write it as 4-6");
    run(&["comment", "add", "klima", "--lines", "0-2", "-m", "x"]).user_error("lines are numbered from 1");
    run(&["comment", "add", "klima", "--lines", "40-45", "-m", "x"])
        .user_error("lines 40-45 are outside draft 2, which has 10 lines");
    run(&[
        "comment", "add", "klima", "--draft", "1", "--lines", "2", "-m", "x",
    ])
    .user_error("line 2 is outside draft 1, which has 1 line");
    run(&[
        "comment", "add", "klima", "--draft", "7", "--lines", "2", "-m", "x",
    ])
    .user_error("strategy \"klima\" has no draft 7 (its drafts are 1–2)");
    run(&["comment", "add", "nope", "--lines", "2", "-m", "x"]).user_error("no strategy \"nope\"");
    run(&["comment", "list", "klima", "--draft", "9"]).user_error("has no draft 9");
    run(&["comment", "add", "klima", "-m", "x"])
        .user_error("the following required arguments were not provided: --lines <A-B>");
    run(&["comment", "frob", "klima"]).user_error("unrecognized subcommand 'frob'");

    // Two threads whose ids begin alike (copied by hand) make that beginning
    // ambiguous: the refusal names both by their short ids.
    let dir = ws.join("strategies/klima/comments");
    let text = std::fs::read_to_string(dir.join(format!("{}.toml", full_id(&env, &ws, &id)))).unwrap();
    let whole = full_id(&env, &ws, &id);
    for twin in ["abc1234d00000000", "abc1234e00000000"] {
        std::fs::write(dir.join(format!("{twin}.toml")), text.replace(&whole, twin)).unwrap();
    }
    env.git(&ws, &["add", "-A"]);
    env.git(&ws, &["commit", "-qm", "hand edit"]);
    run(&["comment", "reply", "klima", "abc1234", "-m", "x"]).user_error(
        "\"abc1234\" is the beginning of 2 comment ids on klima (abc1234d, abc1234e); give more of the id",
    );
    run(&["comment", "reply", "klima", "abc1234e", "-m", "x"]).ok();

    // Nothing was written by the failures (only the hand edit and the reply).
    let log = env.git(&ws, &["log", "--format=%H", &format!("{}..HEAD", head.trim())]);
    assert_eq!(log.lines().count(), 2);
    assert_clean(&env, &ws);
}

#[test]
fn a_malformed_thread_file_is_named_and_hides_nothing() {
    let env = Env::new();
    let ws = workspace(&env);
    let good = add(&env, &ws, &["--lines", "5-6"], "Er 50 pct. nok?");
    let whole = full_id(&env, &ws, &good);
    let dir = ws.join("strategies/klima/comments");
    let text = std::fs::read_to_string(dir.join(format!("{whole}.toml"))).unwrap();
    let bad_id = "20000101T000000Z-000bad";
    let bad = text
        .replace(&whole, bad_id)
        .replace("status = \"open\"", "status = \"maybe\"");
    std::fs::write(dir.join(format!("{bad_id}.toml")), bad).unwrap();
    env.git(&ws, &["add", "-A"]);
    env.git(&ws, &["commit", "-qm", "hand edit"]);

    let out = env.udkast_in(&ws, &["comment", "list", "klima"]);
    out.user_error(&format!(
        "strategies/klima/comments/{bad_id}.toml:3: unknown variant `maybe`"
    ));
    assert!(
        out.stdout.contains(&good),
        "the good thread is still listed: {}",
        out.stdout
    );
    let out = env.udkast_in(&ws, &["comment", "list", "klima", "--json"]);
    assert_eq!(out.code, 1);
    let rows: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);

    // Answering the broken thread names it; answering the good one works.
    env.udkast_in(&ws, &["comment", "reply", "klima", bad_id, "-m", "x"])
        .user_error(&format!("{bad_id}.toml:3: unknown variant `maybe`"));
    env.udkast_in(&ws, &["comment", "reply", "klima", &good, "-m", "Svar"])
        .ok();

    // Two problems: both reported, one line each, the good thread still listed.
    std::fs::write(dir.join("noter.txt"), "husk\n").unwrap();
    std::fs::write(dir.join("20000101T000000Z-00000b.toml"), "format = 1\nid = \"x\n").unwrap();
    env.git(&ws, &["add", "-A"]);
    env.git(&ws, &["commit", "-qm", "more hand edits"]);
    let out = env.udkast_in(&ws, &["comment", "list", "klima"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr.lines().count(), 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("comments/noter.txt: is not a comment thread"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("comments/20000101T000000Z-00000b.toml:2:"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains(&good));
    // The document itself is untouched by broken comments.
    env.udkast_in(&ws, &["list"]).ok();
}

/// Runs `udkast` `times` times with the arguments `args(i)`, returning failures.
fn repeat(env: &Env, ws: &Path, times: usize, args: impl Fn(usize) -> Vec<String>) -> Vec<String> {
    (0..times)
        .filter_map(|i| {
            let args = args(i);
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = env.udkast_in(ws, &refs);
            (out.code != 0).then(|| format!("{args:?}: {}", out.stderr))
        })
        .collect()
}

#[test]
fn two_processes_commenting_at_once_lose_nothing() {
    const N: usize = 20;
    let env = Env::new();
    let ws = workspace(&env);
    let thread = add(&env, &ws, &["--lines", "5-6"], "Tråden");
    let s = |x: &str| x.to_string();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let adder = scope.spawn(|| {
            repeat(&env, &ws, N, |i| {
                vec![
                    s("comment"),
                    s("add"),
                    s("klima"),
                    s("--lines"),
                    format!("{}", i % 10 + 1),
                    s("-m"),
                    format!("ny {i}"),
                ]
            })
        });
        let replier = scope.spawn(|| {
            repeat(&env, &ws, N, |i| {
                vec![
                    s("comment"),
                    s("reply"),
                    s("klima"),
                    thread.clone(),
                    s("-m"),
                    format!("svar a{i}"),
                ]
            })
        });
        let replier2 = scope.spawn(|| {
            repeat(&env, &ws, N, |i| {
                vec![
                    s("comment"),
                    s("reply"),
                    s("klima"),
                    thread.clone(),
                    s("-m"),
                    format!("svar b{i}"),
                ]
            })
        });
        [adder, replier, replier2]
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(failures.is_empty(), "{failures:#?}");

    let rows = json(&env, &ws, &["--all"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), N + 1);
    for i in 0..N {
        assert!(
            rows.iter().any(|r| r["messages"][0]["text"] == format!("ny {i}")),
            "thread {i} lost"
        );
    }
    let replies: Vec<String> = rows.iter().find(|r| r["short"] == thread.as_str()).unwrap()["messages"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|m| m["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(replies.len(), 2 * N, "{replies:?}");
    for i in 0..N {
        // Each writer's replies stay in its own order.
        let a = replies.iter().position(|r| *r == format!("svar a{i}"));
        let b = replies.iter().position(|r| *r == format!("svar b{i}"));
        assert!(a.is_some() && b.is_some(), "reply {i} lost: {replies:?}");
        if i > 0 {
            assert!(a > replies.iter().position(|r| *r == format!("svar a{}", i - 1)));
        }
    }
    // One commit per operation, still only two drafts.
    let commits = env.git(&ws, &["rev-list", "--count", "HEAD"]);
    // init, draft 1, draft 2, the first thread, then one per operation.
    assert_eq!(commits.trim().parse::<usize>().unwrap(), 4 + 3 * N);
    let log: serde_json::Value =
        serde_json::from_str(env.udkast_in(&ws, &["log", "klima", "--json"]).ok()).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 2);
    assert_clean(&env, &ws);
}

#[test]
fn comments_work_in_a_bare_repository() {
    let env = Env::new();
    let ws = workspace(&env);
    let bare = env.clone_bare(&ws, "bare.git");
    let repo = bare.to_str().unwrap();
    let out = env
        .udkast(&[
            "--repo", repo, "comment", "add", "klima", "--lines", "3", "-m", "Bar",
        ])
        .ok()
        .to_string();
    let id = out.split_whitespace().nth(2).unwrap().to_string();
    env.udkast(&["--repo", repo, "comment", "resolve", "klima", &id])
        .ok();
    let all = env
        .udkast(&["--repo", repo, "comment", "list", "klima", "--all"])
        .ok()
        .to_string();
    assert!(all.contains(&id) && all.contains("resolved"), "{all}");
    env.git(&bare, &["fsck", "--no-progress"]);
}

/// The API the review screen uses: threads, and their places on an unsaved buffer.
#[test]
fn threads_placed_on_an_unsaved_buffer() {
    use udkast::diff::anchor::Placement;
    use udkast::domain::Slug;
    use udkast::store::Store;

    let env = Env::new();
    let ws = workspace(&env);
    let goal = add(&env, &ws, &["--lines", "5-6"], "Er 50 pct. nok?");
    let goal = full_id(&env, &ws, &goal);
    // A second later: threads are listed oldest first.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    add(&env, &ws, &["--lines", "10"], "Hvor mange km?");

    let store = Store::open(&ws).unwrap();
    let slug = Slug::parse("klima").unwrap();
    // Comment commits are not drafts, even at the tip.
    assert_eq!(store.drafts(&slug).unwrap().len(), 2);
    let (threads, problems) = store.threads(&slug).unwrap();
    assert!(problems.is_empty());
    assert_eq!(threads.len(), 2);
    assert_eq!(threads[0].id, goal);
    assert_eq!(store.find_thread(&slug, &goal[..7]).unwrap(), threads[0]);
    assert_eq!(&*store.thread_text(&slug, &threads[0]).unwrap().unwrap(), DRAFT2);

    let buffer = format!("Et nyt forord.\n\n{}", DRAFT2.replace("cykelstier", "stier"));
    let placed = store.place_threads(&slug, &threads, &buffer).unwrap();
    // "Vi bygger cykelstier." became "Vi bygger stier.": edited, two words of three kept.
    assert_eq!(
        placed,
        [
            Placement::Exact { start: 7, end: 8 },
            Placement::Edited { start: 12, end: 12 }
        ]
    );
    let gone = DRAFT2.replace("Vi bygger cykelstier.\n", "");
    assert_eq!(
        store.place_threads(&slug, &threads, &gone).unwrap()[1],
        Placement::Outdated
    );
    // The same through the pure function.
    assert_eq!(
        udkast::diff::anchor::map(&threads[0].anchor, DRAFT2, &buffer),
        Placement::Exact { start: 7, end: 8 }
    );

    // A thread whose commit is gone from history is placed by its quote alone.
    let mut orphan = threads[0].clone();
    orphan.commit = "0123456789012345678901234567890123456789".into();
    assert_eq!(store.thread_text(&slug, &orphan).unwrap(), None);
    assert_eq!(
        store.place_threads(&slug, &[orphan], &buffer).unwrap(),
        [Placement::Exact { start: 7, end: 8 }]
    );
}

/// The history's gutter: open threads on a draft, remembered per draft until a
/// thread is added, resolved or reopened (by this store or another process).
#[test]
fn open_thread_lines_are_remembered_until_a_thread_changes() {
    use udkast::domain::Slug;
    use udkast::store::Store;

    let env = Env::new();
    let ws = workspace(&env);
    let store = Store::open(&ws).unwrap();
    let slug = Slug::parse("klima").unwrap();
    let latest = store.drafts(&slug).unwrap()[1].clone();
    let place = |store: &Store| {
        (*store
            .open_thread_lines_cached(&slug, latest.document, DRAFT2)
            .unwrap())
        .clone()
    };
    assert!(place(&store).is_empty());
    let goal = add(&env, &ws, &["--lines", "5-6"], "Er 50 pct. nok?");
    let goal = full_id(&env, &ws, &goal);
    assert_eq!(place(&store), [(5, 6, goal.clone())]);
    // A second later: the marks are listed oldest first.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let km = add(&env, &ws, &["--lines", "10"], "Hvor mange km?");
    let km = full_id(&env, &ws, &km);
    assert_eq!(place(&store), [(5, 6, goal.clone()), (10, 10, km.clone())]);
    env.udkast_in(&ws, &["comment", "resolve", "klima", &goal]).ok();
    assert_eq!(place(&store), [(10, 10, km)], "a resolved thread has no mark");
}

/// A merge of two clones can renumber drafts; a thread keeps the number its
/// writer saw. The command line and the review screen (one use case) both
/// show the draft's number now, found by its commit.
#[test]
fn a_renumbered_draft_is_named_by_its_number_now_everywhere() {
    let env = Env::new();
    let ws = workspace(&env);
    let id = add(&env, &ws, &["--draft", "2", "--lines", "5-6"], "Er 50 pct. nok?");
    let id = full_id(&env, &ws, &id);
    // What a renumbering leaves: the file says draft 7, its commit is draft 2.
    let file = ws.join(format!("strategies/klima/comments/{id}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("draft = 2", "draft = 7", 1)).unwrap();
    env.git(&ws, &["commit", "-qam", "Omnummereret"]);
    assert_eq!(json(&env, &ws, &[])[0]["draft"], 2);
    let store = udkast::store::Store::open(&ws).unwrap();
    let slug = udkast::domain::Slug::parse("klima").unwrap();
    let placed = udkast::usecase::threads(&store, &slug, udkast::usecase::Shown::Latest).unwrap();
    assert_eq!(placed.threads[0].thread.draft, 7);
    assert_eq!(placed.threads[0].draft, 2);
    assert_eq!(placed.shown_draft, Some(2));
}
