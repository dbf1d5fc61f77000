//! Lost updates through the command line (issue 12): a text saved from a copy
//! made earlier must not undo what others saved since, and every text udkast
//! refuses to save is kept in a file of its own.

use std::path::Path;

use crate::common::{Env, Run};

/// A document of `writers` paragraphs, one per writer, far enough apart that
/// their edits never touch.
fn paragraphs(writers: usize) -> String {
    let mut text = String::from("# Klimaplan 2030\n\n");
    for w in 0..writers {
        text.push_str(&format!(
            "## Afsnit {w}\n\nSkriver {w}: udgangspunkt.\n\nFast tekst {w}.\n\n"
        ));
    }
    text
}

/// `show` into a pipe: the text, and on standard error the draft it is.
fn show(env: &Env, ws: &Path) -> (String, String) {
    let run = env.udkast_in(ws, &["show", "klima"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = run
        .stderr
        .split("--base ")
        .nth(1)
        .map(|n| n.trim().to_string())
        .unwrap_or_else(|| panic!("show did not say which draft it printed: {:?}", run.stderr));
    (run.stdout, draft)
}

fn save(env: &Env, ws: &Path, text: &str, base: Option<&str>, message: &str) -> Run {
    let mut args = vec!["save", "klima", "-", "-m", message];
    if let Some(base) = base {
        args.extend(["--base", base]);
    }
    env.udkast_stdin(ws, &args, text.as_bytes())
}

#[test]
fn copies_made_earlier_and_saved_with_their_base_keep_each_others_edits() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, &paragraphs(2), None, "Afsnit").ok();
    let (a, base) = show(&env, &ws);
    let (b, same) = show(&env, &ws);
    assert_eq!(base, same);
    save(
        &env,
        &ws,
        &a.replace("Skriver 0: udgangspunkt.", "Skriver 0: rettet."),
        Some(&base),
        "A",
    )
    .ok();
    save(
        &env,
        &ws,
        &b.replace("Skriver 1: udgangspunkt.", "Skriver 1: rettet."),
        Some(&base),
        "B",
    )
    .ok();
    let latest = env.udkast_in(&ws, &["show", "klima"]).stdout;
    assert!(
        latest.contains("Skriver 0: rettet."),
        "the first edit was undone:\n{latest}"
    );
    assert!(latest.contains("Skriver 1: rettet."), "{latest}");

    // The base can be a commit too, and JSON says which draft and commit.
    let shown: serde_json::Value =
        serde_json::from_str(&env.udkast_in(&ws, &["show", "klima", "--json"]).stdout).unwrap();
    assert_eq!(shown["text"].as_str(), Some(latest.as_str()));
    let commit = shown["commit"].as_str().unwrap().to_string();
    let edited = latest.replace("Fast tekst 0.", "Fast tekst 0, ændret.");
    save(&env, &ws, &edited, Some(&commit), "C").ok();
    save(&env, &ws, &edited, Some(&commit), "C igen").user_error("nothing changed");
    save(&env, &ws, "x\n", Some("99"), "D").user_error("99");
}

#[test]
fn four_writers_each_fifty_rounds_of_show_edit_save_lose_no_edit() {
    let env = Env::new();
    let ws = env.workspace("ws");
    const WRITERS: usize = 4;
    const ROUNDS: usize = 50;
    save(&env, &ws, &paragraphs(WRITERS), None, "Afsnit").ok();
    let last_saved: Vec<Option<usize>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (env, ws) = (&env, &ws);
                scope.spawn(move || {
                    let mut last = None;
                    let mut mine = "udgangspunkt".to_string();
                    for round in 0..ROUNDS {
                        let (text, base) = show(env, ws);
                        let next = format!("runde {round}");
                        let edited =
                            text.replace(&format!("Skriver {w}: {mine}."), &format!("Skriver {w}: {next}."));
                        assert_ne!(
                            edited, text,
                            "writer {w} lost its own line in round {round}:\n{text}"
                        );
                        let run = save(env, ws, &edited, Some(&base), &format!("{w}/{round}"));
                        assert_eq!(run.code, 0, "writer {w} round {round}: {}", run.stderr);
                        mine = next;
                        last = Some(round);
                    }
                    last
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let latest = env.udkast_in(&ws, &["show", "klima"]).stdout;
    for (w, last) in last_saved.iter().enumerate() {
        let last = last.expect("every writer saved");
        assert!(
            latest.contains(&format!("Skriver {w}: runde {last}.")),
            "writer {w}'s last edit (round {last}) is missing:\n{latest}"
        );
    }
    let log = env.udkast_in(&ws, &["log", "klima", "--json"]).stdout;
    let drafts: serde_json::Value = serde_json::from_str(&log).unwrap();
    assert_eq!(
        drafts.as_array().unwrap().len(),
        2 + WRITERS * ROUNDS,
        "one draft per save"
    );
}

#[test]
fn every_refused_text_is_kept_in_a_file_of_its_own() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "Linje et.\n", None, "1").ok();
    save(&env, &ws, "Linje to.\n", None, "2").ok();
    let mut kept = Vec::new();
    for n in 0..5 {
        // Both change the same line from draft 2: a true conflict.
        let run = save(&env, &ws, &format!("Linje tre {n}.\n"), Some("2"), "konflikt");
        assert_eq!(run.code, 1, "{}", run.stdout);
        let path = run
            .stderr
            .split("your text is in ")
            .nth(1)
            .unwrap()
            .trim()
            .to_string();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("Linje tre {n}.\n")
        );
        kept.push(path);
    }
    kept.sort();
    kept.dedup();
    assert_eq!(kept.len(), 5, "{kept:?}");
}

#[test]
fn a_lock_left_by_a_killed_writer_is_named_and_files_are_written_as_git_would() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "Linje et.\n", None, "1").ok();
    let doc = ws.join("strategies/klima/document.md");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&doc).unwrap().permissions().mode() & 0o777;
        // As git writes it under the usual umask 022 (the tests' own).
        assert_eq!(mode, 0o644, "{mode:o}");
    }
    let strays: Vec<_> = std::fs::read_dir(ws.join("strategies/klima"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");

    // What `kill -9` in the middle of moving the branch leaves behind.
    let lock = ws.join(".git/refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    let run = save(&env, &ws, "Linje to.\n", None, "2");
    run.user_error("refs/heads/main.lock");
    assert!(run.stderr.contains("remove that file"), "{}", run.stderr);
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima"]).stdout,
        "Linje et.\n",
        "nothing saved"
    );
    std::fs::remove_file(&lock).unwrap();
    save(&env, &ws, "Linje to.\n", None, "2").ok();
}

#[test]
fn a_decision_text_with_windows_line_ends_is_recorded_and_long_values_are_quoted_short() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let decide = |body: &str, text: &str| {
        env.udkast_in(
            &ws,
            &[
                "decide",
                "klima",
                "--draft",
                "1",
                "--body",
                body,
                "--outcome",
                "postponed",
                "--date",
                "2025-01-28",
                "-m",
                text,
            ],
        )
    };
    decide("DIR", "Udskudt.\r\nSagen genoptages i marts.\r\n").ok();
    let status = env.udkast_in(&ws, &["status", "klima", "--json"]).stdout;
    assert!(
        status.contains("Udskudt.\\nSagen genoptages i marts."),
        "{status}"
    );
    assert!(!status.contains("\\r"), "{status}");

    let long = "X".repeat(10_000);
    let run = decide(&long, "Udskudt.");
    run.user_error("unknown body");
    assert!(run.stderr.len() < 400, "{} characters of error", run.stderr.len());
    let run = env.udkast_in(&ws, &["show", &"a".repeat(5_000)]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.len() < 400, "{} characters of error", run.stderr.len());
}

#[test]
fn bidi_overrides_zero_width_and_c1_characters_are_shown_visibly() {
    let env = Env::new();
    let ws = env.workspace("ws");
    std::fs::write(ws.join("strategies/klima/document.md"), "Ny tekst.\n").unwrap();
    env.git(
        &ws,
        &[
            "-c",
            "user.name=Mette\u{202E}nesrednA",
            "commit",
            "-qam",
            "Rettet\u{200B} af\u{9b}31m os",
        ],
    );
    let log = env.udkast_in(&ws, &["log", "klima"]).ok().to_string();
    assert!(log.contains("Mette⟨U+202E⟩nesrednA"), "{log}");
    assert!(log.contains("Rettet⟨U+200B⟩ af<9B>31m os"), "{log}");
    let json = env.udkast_in(&ws, &["log", "klima", "--json"]).raw_stdout;
    assert!(
        !json.windows(2).any(|w| w == "\u{9b}".as_bytes()),
        "a raw C1 control in JSON"
    );
    let parsed: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        parsed[0]["message"], "Rettet\u{200B} af\u{9b}31m os",
        "JSON keeps the text itself"
    );
}

/// `git status --porcelain` in `ws`.
fn status(env: &Env, ws: &Path) -> String {
    env.git(ws, &["status", "--porcelain"])
}

#[test]
fn plain_git_commits_racing_udkast_saves_revert_no_draft() {
    let env = Env::new();
    let ws = env.workspace("ws");
    env.git(&ws, &["config", "user.name", "Plain Git"]);
    const SAVES: usize = 40;
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let plain = scope.spawn(|| {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                std::fs::write(ws.join("NOTER.txt"), format!("note {n}\n")).unwrap();
                // A commit that finds the index locked fails, as git does; run again.
                let _ = std::process::Command::new("git")
                    .current_dir(&ws)
                    .env("HOME", env.home.path())
                    .env("GIT_CONFIG_NOSYSTEM", "1")
                    .args(["add", "NOTER.txt"])
                    .output();
                let _ = std::process::Command::new("git")
                    .current_dir(&ws)
                    .env("HOME", env.home.path())
                    .env("GIT_CONFIG_NOSYSTEM", "1")
                    .args(["commit", "-qam", &format!("note {n}")])
                    .output();
            }
            n
        });
        // Stop plain git however this thread ends, or a failed save would hang the test.
        struct Stop<'a>(&'a std::sync::atomic::AtomicBool);
        impl Drop for Stop<'_> {
            fn drop(&mut self) {
                self.0.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        let stopping = Stop(&stop);
        for i in 0..SAVES {
            let (text, base) = show(&env, &ws);
            let run = save(
                &env,
                &ws,
                &format!("{text}linje {i}\n"),
                Some(&base),
                &format!("gem {i}"),
            );
            assert_eq!(run.code, 0, "save {i}: {}", run.stderr);
        }
        drop(stopping);
        assert!(plain.join().unwrap() > 5, "plain git kept committing");
    });
    let latest = env.udkast_in(&ws, &["show", "klima"]).stdout;
    let lost: Vec<usize> = (0..SAVES)
        .filter(|i| !latest.contains(&format!("linje {i}\n")))
        .collect();
    assert!(
        lost.is_empty(),
        "saves reverted by plain commits: {lost:?}\n{latest}"
    );
    assert!(
        !status(&env, &ws).contains("document.md"),
        "{}",
        status(&env, &ws)
    );
}

#[test]
fn a_write_killed_between_branch_and_index_is_finished_by_the_next_command() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "Linje et.\n", None, "1").ok();
    save(&env, &ws, "Linje to.\n", None, "2").ok();
    // What `kill -9` after the branch moved and before the index followed
    // leaves: the old text in index and working tree, udkast's index lock and
    // its record of the write.
    let from = env.git(&ws, &["rev-parse", "HEAD~1^{tree}"]);
    let to = env.git(&ws, &["rev-parse", "HEAD"]);
    env.git(&ws, &["read-tree", "HEAD~1"]);
    env.git(&ws, &["checkout-index", "-f", "-a"]);
    std::fs::write(ws.join(".git/index.lock"), "udkast\n").unwrap();
    std::fs::write(
        ws.join(".git/udkast/pending-write.toml"),
        format!(
            "branch = \"refs/heads/main\"\nfrom = \"{}\"\nto = \"{}\"\n",
            from.trim(),
            to.trim()
        ),
    )
    .unwrap();
    env.udkast_in(&ws, &["list"]).ok();
    assert!(!ws.join(".git/index.lock").exists(), "the stale lock is gone");
    assert!(!ws.join(".git/udkast/pending-write.toml").exists());
    assert_eq!(status(&env, &ws), "", "index and working tree follow the branch");
    assert_eq!(
        std::fs::read_to_string(ws.join("strategies/klima/document.md")).unwrap(),
        "Linje to.\n"
    );
    std::fs::write(ws.join("NOTER.txt"), "note\n").unwrap();
    env.git(&ws, &["add", "NOTER.txt"]);
    env.git(&ws, &["commit", "-qam", "plain"]);
    assert_eq!(
        env.udkast_in(&ws, &["show", "klima"]).stdout,
        "Linje to.\n",
        "the plain commit reverted nothing"
    );
}

#[test]
fn a_save_beside_a_hand_edited_document_leaves_the_index_on_the_new_draft() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "Linje et.\n", None, "1").ok();
    let doc = ws.join("strategies/klima/document.md");
    std::fs::write(&doc, "Rettet i hånden.\n").unwrap();
    let run = save(&env, &ws, "Linje to.\n", None, "2");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&doc).unwrap(),
        "Rettet i hånden.\n",
        "the hand edit is kept"
    );
    assert_eq!(
        status(&env, &ws).trim(),
        "M strategies/klima/document.md",
        "not MM"
    );
    // A plain commit of the index alone commits no old text.
    std::fs::write(ws.join("NOTER.txt"), "note\n").unwrap();
    env.git(&ws, &["add", "NOTER.txt"]);
    env.git(&ws, &["commit", "-qm", "plain"]);
    assert_eq!(env.udkast_in(&ws, &["show", "klima"]).stdout, "Linje to.\n");
}

#[test]
fn kill_9_at_random_moments_of_save_leaves_nothing_that_reverts_or_blocks() {
    use std::io::Write;
    let env = Env::new();
    let ws = env.workspace("ws");
    env.git(&ws, &["config", "user.name", "Plain Git"]);
    let mut seed = 12345u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for round in 0..100 {
        let text = format!("Runde {round}.\n{}", "Tekst om klimaet i Åby.\n".repeat(2000));
        let mut child = env
            .udkast_command(&ws)
            .args(["save", "klima", "-", "-m", &format!("runde {round}")])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        std::thread::sleep(std::time::Duration::from_micros(next(30_000)));
        let _ = child.kill();
        let _ = child.wait();
        // The next command finishes whatever the killed one left half done.
        env.udkast_in(&ws, &["list"]).ok();
        let before = env.udkast_in(&ws, &["show", "klima"]).stdout;
        std::fs::write(ws.join("NOTER.txt"), format!("note {round}\n")).unwrap();
        env.git(&ws, &["add", "NOTER.txt"]);
        env.git(&ws, &["commit", "-qam", &format!("plain {round}")]);
        assert_eq!(
            env.udkast_in(&ws, &["show", "klima"]).stdout,
            before,
            "round {round}: a plain commit reverted the draft"
        );
        let strays: Vec<_> = std::fs::read_dir(ws.join("strategies/klima"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "document.md" && n != "strategy.toml")
            .collect();
        assert!(strays.is_empty(), "round {round}: {strays:?}");
    }
    env.git(&ws, &["fsck", "--strict", "--no-progress"]);
}

/// Files under `strategies/klima` at the head, as git lists them.
fn committed(env: &Env, ws: &Path, folder: &str) -> Vec<String> {
    env.git(
        ws,
        &[
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            &format!("strategies/klima/{folder}"),
        ],
    )
    .lines()
    .map(str::to_string)
    .collect()
}

/// `kill -9` at random moments of `comment add` and `decide`, a hundred of
/// each (they share the write path with `save`), each followed by a plain
/// `git commit -a`: no thread or decision disappears, nothing blocks the next
/// command, and no temporary file is left in the document's folders.
#[test]
fn kill_9_at_random_moments_of_comment_add_and_decide_loses_nothing() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let mut seed = 777u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    // Kills land anywhere in a command's run: the window is how long one
    // takes here, uninterrupted (a loaded machine is slower).
    const DECIDE: &[&str] = &[
        "decide",
        "klima",
        "--draft",
        "1",
        "--body",
        "DIR",
        "--outcome",
        "postponed",
        "--date",
        "2025-02-25",
    ];
    let started = std::time::Instant::now();
    env.udkast_in(&ws, &["comment", "add", "klima", "--lines", "1", "-m", "Først"])
        .ok();
    env.udkast_in(&ws, DECIDE).ok();
    let window = (started.elapsed().as_micros() as u64 / 2) * 5 / 4;
    let (mut threads, mut decisions) = (1, 1);
    // A hundred of each.
    for round in 0..200 {
        let message = format!("Bemærkning {round}");
        let args: Vec<&str> = if round % 2 == 0 {
            vec!["comment", "add", "klima", "--lines", "1", "-m", &message]
        } else {
            DECIDE.to_vec()
        };
        let mut child = env
            .udkast_command(&ws)
            .args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(next(window)));
        let _ = child.kill();
        let _ = child.wait();
        // The next command finishes whatever the killed one left half done:
        // the index holds what the branch holds.
        env.udkast_in(&ws, &["list"]).ok();
        let status = env.git(&ws, &["status", "--porcelain", "--untracked-files=all"]);
        assert!(
            !status.contains("strategies/"),
            "round {round}: after the next command, git sees\n{status}"
        );
        let before = (
            committed(&env, &ws, "comments"),
            committed(&env, &ws, "decisions"),
        );
        assert!(
            before.0.len() >= threads && before.1.len() >= decisions,
            "round {round}"
        );
        (threads, decisions) = (before.0.len(), before.1.len());
        std::fs::write(ws.join("NOTER.txt"), format!("note {round}\n")).unwrap();
        env.git(&ws, &["add", "NOTER.txt"]);
        env.git(&ws, &["commit", "-qam", &format!("plain {round}")]);
        let after = (
            committed(&env, &ws, "comments"),
            committed(&env, &ws, "decisions"),
        );
        assert_eq!(
            after,
            before,
            "round {round}: a plain commit changed the threads or decisions\n{}\n{}",
            env.git(&ws, &["reflog", "-6", "--format=%h %gs"]),
            env.git(&ws, &["log", "-3", "--stat", "--format=%h %s"])
        );
    }
    // Some of each got through (the kills were not all too early).
    assert!(
        threads > 1 && decisions > 1,
        "{threads} threads, {decisions} decisions"
    );
    env.git(&ws, &["fsck", "--strict", "--no-progress"]);
}
