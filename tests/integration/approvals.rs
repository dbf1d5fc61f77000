//! Decisions, approval status and approved-version tags through the real
//! binary: the route of DOMAIN.md, stale approvals, tags refused, forced and
//! signed. `verify.rs` beside it has `udkast verify` and the pre-receive hook.

use crate::common::approvals::{approve, decide, decide_with, decision_file, json, save, ssh_keygen};
use crate::common::{EMAIL, Env, NAME};

/// The route of DOMAIN.md recorded step by step: Direktionen postpones draft 2
/// ("Udskudt"), the administration writes draft 3, Direktionen approves it,
/// then Økonomi- og Erhvervsudvalget, and Byrådet adopts it.
#[test]
fn the_domain_route_step_by_step() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(
        &env,
        &ws,
        "# Klimaplan 2030\n\nMålet er 50 pct.\n",
        "Udkast til Direktionen",
    );

    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(status.contains("DIR pending; ØKE —; BYR —"), "{status}");

    let out = decide_with(
        &env,
        &ws,
        "2",
        "DIR",
        "postponed",
        "2025-01-28",
        &[
            "--item",
            "Punkt 3",
            "--case",
            "00.16.02-A00-1-19",
            "-m",
            "Udskudt. Direktionen ønsker målene skærpet.",
        ],
    );
    assert!(
        out.starts_with("Recorded DIR Udskudt (postponed) on draft 2 of klima, meeting 2025-01-28, as "),
        "{out}"
    );
    assert!(
        out.ends_with("klima: DIR postponed draft 2; ØKE —; BYR —\n"),
        "{out}"
    );

    // The decision is a file of its own, committed with trailers, and not a draft.
    let files = env.git(&ws, &["ls-files", "strategies/klima/decisions"]);
    assert_eq!(files.lines().count(), 1, "{files}");
    let file = std::fs::read_to_string(ws.join(files.trim())).unwrap();
    assert!(
        file.starts_with("format = 1\nbody = \"DIR\"\ndraft = 2\ncommit = \""),
        "{file}"
    );
    for line in [
        "outcome = \"postponed\"\n",
        "meeting = \"2025-01-28\"\n",
        "item = \"Punkt 3\"\n",
        "case = \"00.16.02-A00-1-19\"\n",
        "[recorded_by]\n",
        &format!("email = \"{EMAIL}\"\n"),
    ] {
        assert!(file.contains(line), "{line} in {file}");
    }
    let message = env.git(&ws, &["log", "-1", "--format=%B"]);
    assert!(
        message.starts_with("Record decision: DIR postponed draft 2 of klima\n"),
        "{message}"
    );
    assert!(message.contains("\nStrategy: klima\nDecision: "), "{message}");
    assert!(
        message.trim_end().ends_with(" DIR postponed draft 2"),
        "{message}"
    );
    assert_eq!(env.udkast_in(&ws, &["log", "klima"]).ok().lines().count(), 3);
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");

    save(
        &env,
        &ws,
        "# Klimaplan 2030\n\nMålet er 70 pct.\n",
        "Skærpet efter Direktionen",
    );
    assert!(
        decide(&env, &ws, "3", "dir", "approved", "2025-02-25")
            .ends_with("klima: DIR approved draft 3; ØKE pending; BYR —\n")
    );
    decide(&env, &ws, "3", "ØKE", "approved-with-changes", "2025-03-10");
    let out = decide(&env, &ws, "3", "BYR", "adopted", "2025-03-26");
    assert!(
        out.ends_with(
            "klima: DIR approved draft 3; ØKE approved with changes draft 3; BYR adopted draft 3\n"
        ),
        "{out}"
    );

    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    // The decisions' ids (the last column, made of the time they were
    // recorded) aside, the text is fixed.
    let ids: Vec<&str> = status
        .lines()
        .filter_map(|l| l.rsplit_once("  ").map(|(_, id)| id))
        .filter(|id| id.len() == 23 && id.contains("Z-"))
        .collect();
    assert_eq!(ids.len(), 4, "{status}");
    let mut status = status.replace("RECORDED BY   ID\n", "RECORDED BY\n");
    for id in ids {
        status = status.replace(&format!("  {id}\n"), "\n");
    }
    let expected_top = "\
Klimaplan 2030 (klima) — route DIR → ØKE → BYR; current draft 3

DRAFT  DIR  ØKE  BYR
    3  ✓    ✓*   ★
    2  ⏸
    1

DIR approved draft 3; ØKE approved with changes draft 3; BYR adopted draft 3

MEETING     BODY  DRAFT  DECISION                ITEM     CASE               RECORDED BY
2025-03-26  BYR       3  Vedtaget                                            Aisha Karimi
2025-03-10  ØKE       3  Godkendt med ændringer                              Aisha Karimi
2025-02-25  DIR       3  Godkendt                                            Aisha Karimi
2025-01-28  DIR       2  Udskudt                 Punkt 3  00.16.02-A00-1-19  Aisha Karimi
";
    assert!(status.starts_with(expected_top), "{status}");
    assert!(status.ends_with("★ adopted\n"), "{status}");

    let j = json(env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    assert_eq!(j["slug"], "klima");
    assert_eq!(j["current"]["number"], 3);
    assert_eq!(j["columns"], serde_json::json!(["DIR", "ØKE", "BYR"]));
    assert_eq!(j["rows"][1]["cells"][0], "postponed");
    assert_eq!(j["bodies"][1]["standing"], "approved");
    assert_eq!(j["bodies"][1]["with_changes"], true);
    assert_eq!(j["bodies"][2]["standing"], "adopted");
    assert_eq!(j["bodies"][2]["stale"], false);
    assert_eq!(
        j["decisions"][0]["text"],
        "Udskudt. Direktionen ønsker målene skærpet."
    );
    assert_eq!(j["decisions"][0]["recorded_by"]["name"], NAME);

    let all = env.udkast_in(&ws, &["status"]).ok().to_string();
    assert_eq!(
        all,
        "SLUG   DRAFT  STATUS\nklima      3  DIR approved draft 3; ØKE approved with changes draft 3; BYR adopted draft 3\n"
    );
    env.udkast_in(&ws, &["verify"]).ok();
}

#[test]
fn a_new_draft_makes_an_approval_stale() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "# Klimaplan\n\nMålet er 50 pct.\n", "Andet udkast");
    decide(&env, &ws, "2", "DIR", "approved", "2025-01-28");
    save(&env, &ws, "# Klimaplan\n\nMålet er 70 pct.\n", "Tredje udkast");

    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(
        status.contains("\nDIR approved draft 2 (stale: the current draft is 3); ØKE pending; BYR —\n"),
        "{status}"
    );
    assert!(
        status.contains("\nWhat changed since draft 2: udkast diff klima 2 3\n"),
        "{status}"
    );
    let diff = env
        .udkast_in(&ws, &["diff", "klima", "2", "3", "--word"])
        .ok()
        .to_string();
    assert!(diff.contains("70"), "{diff}");
    let j = json(env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    assert_eq!(j["bodies"][0]["standing"], "approved");
    assert_eq!(j["bodies"][0]["stale"], true);
    assert_eq!(j["bodies"][0]["draft"], 2);
    assert_eq!(j["bodies"][1]["standing"], "pending");
}

#[test]
fn bad_decisions_are_refused_with_one_line() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let run = |args: &[&str]| {
        let mut all = vec!["decide", "klima"];
        all.extend_from_slice(args);
        env.udkast_in(&ws, &all)
    };
    let base = [
        "--draft",
        "1",
        "--body",
        "DIR",
        "--outcome",
        "approved",
        "--date",
        "2025-01-28",
    ];
    let with = |i: usize, value: &str| {
        let mut args = base.to_vec();
        args[i] = value;
        run(&args)
    };
    with(1, "9").user_error("strategy \"klima\" has no draft 9 (its drafts are 1–1)");
    with(3, "XYZ")
        .user_error("unknown body \"XYZ\" (known: DIR, FOU, BFU, SOS, BSK, KFU, BYP, TMU, ØKE, BYR)");
    with(5, "godkendtt").user_error("unknown outcome \"godkendtt\" (use approved, approved-with-changes");
    with(7, "28/01/2025").user_error(
        "\"28/01/2025\" is not a date; write the meeting date as 28-01-2025, 28.01.2025 or 2025-01-28",
    );
    with(7, "2025-02-30").user_error("is not a date");
    with(7, "30.02.2025").user_error("is not a date");
    // A year typed wrong: more than a year ahead needs --yes.
    with(7, "28-01-2052").user_error(
        "the meeting date 28-01-2052 is more than a year ahead; check the year, or give --yes if it is right",
    );
    let mut args = base.to_vec();
    args.extend(["--item", "Punkt\u{1b}[2J"]);
    run(&args).user_error("--item must be one line without control characters");
    env.udkast_in(
        &ws,
        &[
            "decide",
            "nope",
            "--draft",
            "1",
            "--body",
            "DIR",
            "--outcome",
            "noted",
            "--date",
            "2025-01-01",
        ],
    )
    .user_error("no strategy \"nope\"");

    // A body off the route is recorded, with a warning.
    let out = with(3, "TMU");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("warning: TMU is not on the route of klima (DIR → ØKE → BYR)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout
            .ends_with("klima: DIR pending; ØKE —; BYR —; TMU approved draft 1\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn only_leads_record_and_tag() {
    let env = Env::new();
    let ws = env.workspace("ws");
    env.git(&ws, &["config", "user.name", "Jonas Friis"]);
    env.git(&ws, &["config", "user.email", "jonas.friis@aaby.dk"]);
    env.udkast_in(
        &ws,
        &[
            "decide",
            "klima",
            "--draft",
            "1",
            "--body",
            "DIR",
            "--outcome",
            "approved",
            "--date",
            "2025-01-28",
        ],
    )
    .user_error("only leads may record decisions: ask a lead to add you to roles.leads in udkast.toml");
    env.udkast_in(&ws, &["tag", "klima", "--force"]).user_error(
        "only leads may tag approved versions: ask a lead to add you to roles.leads in udkast.toml",
    );
    // Reading is for everyone.
    env.udkast_in(&ws, &["status", "klima"]).ok();
    assert_eq!(env.git(&ws, &["tag", "-l"]), "");
}

#[test]
fn tags_list_their_decisions_and_need_the_council() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "# Klimaplan\n\nAndet udkast.\n", "Andet");
    approve(&env, &ws, "2", false);

    env.udkast_in(&ws, &["tag", "klima"]).user_error(
        "BYR, the last body of the route, has not approved or adopted draft 2; record the decision with `udkast decide`, or tag anyway with --force",
    );
    assert_eq!(env.git(&ws, &["tag", "-l"]), "");
    let out = env.udkast_in(&ws, &["tag", "klima", "--force"]).ok().to_string();
    assert_eq!(
        out,
        "Tagged draft 2 of klima as klima/v1, listing 2 decisions (forced)\n"
    );
    let forced = env.git(&ws, &["tag", "-l", "--format=%(contents)", "klima/v1"]);
    assert!(
        forced.contains(
            "Tagged with --force: BYR, the last body of the route, has not approved or adopted draft 2.\n"
        ),
        "{forced}"
    );
    assert!(forced.trim_end().ends_with("Forced: yes"), "{forced}");

    decide(&env, &ws, "2", "BYR", "adopted", "2025-03-26");
    env.udkast_in(&ws, &["tag", "klima"])
        .user_error("draft 2 is already approved version klima/v1; tag it again with --force");
    let out = env.udkast_in(&ws, &["tag", "klima", "--force"]).ok().to_string();
    assert_eq!(out, "Tagged draft 2 of klima as klima/v2, listing 3 decisions\n");

    let draft2 = env.git(&ws, &["rev-parse", "HEAD~3"]).trim().to_string();
    assert_eq!(env.git(&ws, &["rev-parse", "klima/v2^{commit}"]).trim(), draft2);
    assert_eq!(env.git(&ws, &["cat-file", "-t", "klima/v2"]).trim(), "tag");
    let message = env.git(&ws, &["tag", "-l", "--format=%(contents)", "klima/v2"]);
    let ids: Vec<String> = env
        .git(&ws, &["ls-files", "strategies/klima/decisions"])
        .lines()
        .map(|p| {
            p.rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".toml")
                .to_string()
        })
        .collect();
    assert!(
        message.starts_with("klima v2: draft 2 of \"Klimaplan 2030\"\n\n"),
        "{message}"
    );
    assert!(
        message.contains(&format!("draft 2, commit {draft2}.")),
        "{message}"
    );
    assert!(
        message.contains(
            "\nDecisions:\n- DIR Godkendt, meeting 2025-02-25\n- ØKE Godkendt, meeting 2025-03-10\n- BYR Vedtaget, meeting 2025-03-26\n"
        ),
        "{message}"
    );
    assert!(
        message.contains("\nStrategy: klima\nDraft: 2\nDecision: "),
        "{message}"
    );
    // Every decision on the draft by id (ids made in the same second sort in any order).
    for id in &ids {
        assert!(message.contains(&format!("\nDecision: {id} ")), "{id}: {message}");
    }
    let claims: Vec<&str> = message
        .lines()
        .filter_map(|l| l.strip_prefix("Decision: "))
        .map(|l| l.split_once(' ').unwrap().1)
        .collect();
    assert_eq!(
        claims,
        [
            "DIR approved draft 2",
            "ØKE approved draft 2",
            "BYR adopted draft 2"
        ]
    );
    assert!(!message.contains("Forced"), "{message}");
    let tagger = env.git(
        &ws,
        &["tag", "-l", "--format=%(taggername) %(taggeremail)", "klima/v2"],
    );
    assert_eq!(tagger.trim(), format!("{NAME} <{EMAIL}>"));

    // A newer draft: without --draft the tag goes on the draft BYR adopted.
    save(&env, &ws, "# Klimaplan\n\nTredje udkast.\n", "Tredje");
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(
        status.contains("\nApproved versions: klima/v1 (draft 2), klima/v2 (draft 2)\n"),
        "{status}"
    );
    env.udkast_in(&ws, &["tag", "klima", "--draft", "3"])
        .user_error("has not approved or adopted draft 3");
    env.udkast_in(&ws, &["tag", "klima", "--draft", "7"])
        .user_error("has no draft 7");
    // `approved` names the newest approved version.
    assert_eq!(
        env.udkast_in(&ws, &["diff", "klima", "approved", "latest", "--stat", "--json"])
            .code,
        0
    );
    let out = env.udkast_in(&ws, &["verify"]).ok().to_string();
    assert_eq!(
        out,
        "Verified 1 document, 3 decisions and 2 approved versions on main: all in order\n"
    );
}

#[test]
fn signed_tags_with_an_ssh_key() {
    let env = Env::new();
    let key = env.home.path().join("signing_key");
    if !ssh_keygen(&key) {
        eprintln!("ssh-keygen is not available; skipping the signed-tag test");
        return;
    }
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let allowed = env.home.path().join("allowed_signers");
    std::fs::write(&allowed, format!("{EMAIL} namespaces=\"git\" {public}")).unwrap();
    let home = env.home.path();
    for (k, v) in [
        ("gpg.format", "ssh"),
        ("user.signingkey", key.to_str().unwrap()),
        ("tag.gpgSign", "true"),
        ("gpg.ssh.allowedSignersFile", allowed.to_str().unwrap()),
    ] {
        env.git(home, &["config", "--global", k, v]);
    }
    let ws = env.workspace("ws");
    approve(&env, &ws, "1", true);
    let out = env.udkast_in(&ws, &["tag", "klima"]).ok().to_string();
    assert_eq!(
        out,
        "Tagged draft 1 of klima as klima/v1 (signed), listing 3 decisions\n"
    );
    let raw = env.git(&ws, &["cat-file", "-p", "klima/v1"]);
    assert!(raw.contains("-----BEGIN SSH SIGNATURE-----"), "{raw}");
    env.git(&ws, &["verify-tag", "klima/v1"]);
    let j = json(env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    assert_eq!(j["tags"][0]["signed"], true);
    assert_eq!(j["tags"][0]["draft"], 1);
    env.udkast_in(&ws, &["verify"]).ok();

    // A decision committed with plain git and signed: its signature is checked too.
    let draft1 = env
        .git(&ws, &["rev-parse", "klima/v1^{commit}"])
        .trim()
        .to_string();
    let path = "strategies/klima/decisions/20250401T120000Z-5196ed.toml";
    std::fs::write(ws.join(path), decision_file("TMU", 1, &draft1, NAME, EMAIL)).unwrap();
    env.git(&ws, &["add", path]);
    env.git(&ws, &["commit", "-q", "-S", "-m", "Beslutning i TMU"]);
    env.git(&ws, &["verify-commit", "HEAD"]);
    let signed_commit = env
        .git(&ws, &["rev-parse", "--short=7", "HEAD"])
        .trim()
        .to_string();
    env.udkast_in(&ws, &["verify"]).ok();

    // Someone else's key in the allowed signers: the signatures no longer verify.
    let other = env.home.path().join("other_key");
    assert!(ssh_keygen(&other));
    let other_public = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    std::fs::write(&allowed, format!("{EMAIL} namespaces=\"git\" {other_public}")).unwrap();
    let run = env.udkast_in(&ws, &["verify"]);
    run.user_error("verify found 2 problems");
    // git's reason ("No principal matched.") varies with its version.
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with(&format!(
            "{path}: commit {signed_commit} has a signature that does not verify: "
        )),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("tag klima/v1: has a signature that does not verify: "),
        "{}",
        run.stdout
    );
}

/// Decisions in the words and dates of the minutes: the Danish outcome words
/// shown on screen, `28-01-2025` and `28.01.2025`, and a date far ahead with
/// `--yes`.
#[test]
fn decisions_in_the_words_of_the_minutes() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "# Klimaplan 2030\n\nMålet er 50 pct.\n", "Udkast");
    let out = decide_with(&env, &ws, "2", "dir", "udskudt", "28-01-2025", &[]);
    assert!(
        out.starts_with("Recorded DIR Udskudt (postponed) on draft 2"),
        "{out}"
    );
    let out = decide_with(&env, &ws, "2", "DIR", "Godkendt med ændringer", "25.02.2025", &[]);
    assert!(
        out.starts_with("Recorded DIR Godkendt med ændringer (approved-with-changes)"),
        "{out}"
    );
    let out = decide_with(&env, &ws, "2", "ØKE", "taget til efterretning", "10-3-2025", &[]);
    assert!(
        out.starts_with("Recorded ØKE Taget til efterretning (noted)"),
        "{out}"
    );
    let far = decide_with(&env, &ws, "2", "BYR", "vedtaget", "26-03-2052", &["--yes"]);
    assert!(far.starts_with("Recorded BYR Vedtaget (adopted)"), "{far}");
    let status = json(env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    let meetings: Vec<&str> = status["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["meeting"].as_str().unwrap())
        .collect();
    assert_eq!(meetings, ["2025-01-28", "2025-02-25", "2025-03-10", "2052-03-26"]);
}

/// Bodies without hand-editing `udkast.toml`: a lead adds FOU and BSK and
/// renames one, ids in any case; a consultant who is not a lead is refused
/// and nothing is committed; `verify` finds nothing wrong with the lead's
/// changes and flags one a non-lead makes with plain git.
#[test]
fn bodies_added_and_renamed_by_a_lead() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let list = env.udkast_in(&ws, &["body", "list"]).ok().to_string();
    let ids: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        ids,
        [
            "DIR", "FOU", "BFU", "SOS", "BSK", "KFU", "BYP", "TMU", "ØKE", "BYR"
        ],
        "{list}"
    );

    let out = env.udkast_in(
        &ws,
        &[
            "body",
            "add",
            "skole",
            "--name",
            "Skoleudvalget",
            "--kind",
            "udvalg",
        ],
    );
    assert!(
        out.ok().starts_with("Added SKOLE \"Skoleudvalget\" (committee)"),
        "{}",
        out.stdout
    );
    let out = env.udkast_in(
        &ws,
        &[
            "body",
            "rename",
            "fou",
            "--name",
            "Sundheds- og Forebyggelsesudvalget",
        ],
    );
    assert!(
        out.ok().starts_with("Renamed FOU from \"Forebyggelsesudvalget\""),
        "{}",
        out.stdout
    );
    env.udkast_in(&ws, &["body", "add", "DIR", "--name", "Direktion"])
        .user_error("body DIR is already");
    env.udkast_in(&ws, &["body", "add", "X Y", "--name", "x"])
        .user_error("body id \"X Y\"");
    env.udkast_in(&ws, &["body", "add", "ABC", "--name", "x", "--kind", "klub"])
        .user_error("unknown kind \"klub\"");
    let json = json(env.udkast_in(&ws, &["body", "list", "--json"]).ok());
    let last = &json.as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["id"].as_str(), last["kind"].as_str()),
        (Some("SKOLE"), Some("committee"))
    );
    // A decision may name the new body at once.
    save(&env, &ws, "# Klimaplan 2030\n\nMålet er 50 pct.\n", "Udkast");
    decide_with(&env, &ws, "2", "skole", "godkendt", "03-03-2025", &[]);
    env.udkast_in(&ws, &["verify"]).ok();

    // A hand edit of udkast.toml left uncommitted is not read, and said so.
    let config = std::fs::read_to_string(ws.join("udkast.toml")).unwrap();
    std::fs::write(
        ws.join("udkast.toml"),
        config.replace("Byrådet", "Kommunalbestyrelsen"),
    )
    .unwrap();
    let out = env.udkast_in(&ws, &["body", "list"]);
    assert!(out.ok().contains("Byrådet"), "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "udkast.toml has changes that are not committed, and udkast reads only the committed file"
        ),
        "{}",
        out.stderr
    );
    std::fs::write(ws.join("udkast.toml"), &config).unwrap();
    assert!(env.udkast_in(&ws, &["body", "list"]).stderr.is_empty());

    // Not a lead: refused, nothing committed.
    let head = env.git(&ws, &["rev-parse", "HEAD"]);
    env.git(&ws, &["config", "user.email", "konsulent@aaby.dk"]);
    env.udkast_in(&ws, &["body", "add", "NYT", "--name", "Nyt udvalg"])
        .user_error("leads");
    assert_eq!(env.git(&ws, &["rev-parse", "HEAD"]), head);
    // The same with plain git is found by verify.
    let config = std::fs::read_to_string(ws.join("udkast.toml")).unwrap();
    std::fs::write(
        ws.join("udkast.toml"),
        format!("{config}\n[[body]]\nid = \"NYT\"\nname = \"Nyt udvalg\"\nkind = \"committee\"\n"),
    )
    .unwrap();
    env.git(&ws, &["commit", "-qam", "Nyt udvalg"]);
    let verify = env.udkast_in(&ws, &["verify"]);
    assert_ne!(verify.code, 0);
    assert!(
        verify.stdout.contains("the bodies changed in commit")
            && verify.stdout.contains("who was not a lead"),
        "{}",
        verify.stdout
    );
}

/// `udkast route`: a lead puts a committee on the route after Direktionen
/// approved; the approval stands (the text did not change), the committee is
/// pending, and the change is a draft the diff names; a later text makes the
/// approval stale as always. Not a lead: refused.
#[test]
fn a_lead_changes_the_route_and_approvals_stand() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "# Klimaplan 2030\n\nMålet er 50 pct.\n", "Udkast");
    decide_with(&env, &ws, "2", "DIR", "godkendt", "28-01-2025", &[]);
    let out = env.udkast_in(&ws, &["route", "klima", "dir, fou,", "øke", "byr"]);
    assert!(
        out.ok()
            .starts_with("Route of klima: DIR → FOU → ØKE → BYR (was DIR → ØKE → BYR); draft 3"),
        "{}",
        out.stdout
    );
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(
        status.contains("DIR approved draft 2; FOU pending; ØKE —; BYR —"),
        "{status}"
    );
    assert!(!status.contains("stale"), "{status}");
    let diff = env.udkast_in(&ws, &["diff", "klima", "2", "3"]).ok().to_string();
    assert!(diff.contains("Details:") && diff.contains("route"), "{diff}");
    env.udkast_in(&ws, &["route", "klima", "DIR,FOU,ØKE,BYR"])
        .user_error("the route of klima is already");
    env.udkast_in(&ws, &["route", "klima", "DIR,XYZ"])
        .user_error("unknown body \"XYZ\"");
    env.udkast_in(&ws, &["verify"]).ok();

    // A new text: the approval of draft 2 is stale now.
    save(&env, &ws, "# Klimaplan 2030\n\nMålet er 70 pct.\n", "Skærpet");
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(
        status.contains("DIR approved draft 2 (stale: the current draft is 4)"),
        "{status}"
    );

    env.git(&ws, &["config", "user.email", "konsulent@aaby.dk"]);
    let head = env.git(&ws, &["rev-parse", "HEAD"]);
    env.udkast_in(&ws, &["route", "klima", "DIR,BYR"])
        .user_error("leads");
    assert_eq!(env.git(&ws, &["rev-parse", "HEAD"]), head);
}

/// The seed's route with parallel committee treatment, in the users' words:
/// Direktionen, then FOU, BFU and SOS in parallel, then ØKE and Byrådet. FOU
/// postpones and the step is not passed although BFU and SOS approved; a new
/// draft passes all three, ØKE approves, Byrådet adopts, and the tag lists
/// every decision of the route.
#[test]
fn a_route_with_parallel_committees_recorded_end_to_end() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let out = env.udkast_in(&ws, &["route", "klima", "DIR, {FOU BFU SOS}, ØKE, BYR"]);
    assert!(
        out.ok()
            .starts_with("Route of klima: DIR → {FOU BFU SOS} → ØKE → BYR (was DIR → ØKE → BYR); draft 2"),
        "{}",
        out.stdout
    );
    let meta = std::fs::read_to_string(ws.join("strategies/klima/strategy.toml")).unwrap();
    assert!(
        meta.contains("route = [\"DIR\", [\"FOU\", \"BFU\", \"SOS\"], \"ØKE\", \"BYR\"]"),
        "{meta}"
    );
    // The same route typed as a shell user would without quotes.
    env.udkast_in(&ws, &["route", "klima", "dir", "fou+bfu+sos", "øke", "byr"])
        .user_error("the route of klima is already DIR → {FOU BFU SOS} → ØKE → BYR");
    env.udkast_in(&ws, &["route", "klima", "DIR, {FOU BFU"])
        .user_error("the route has a { without its }");

    decide(&env, &ws, "2", "DIR", "godkendt", "07-01-2025");
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(
        status.contains("FOU pending; BFU pending; SOS pending; ØKE —"),
        "{status}"
    );
    decide(&env, &ws, "2", "FOU", "udskudt", "20.01.2025");
    decide(&env, &ws, "2", "BFU", "Godkendt", "21-01-2025");
    decide(&env, &ws, "2", "SOS", "godkendt med ændringer", "2025-01-22");
    let status = env
        .udkast_in(&ws, &["status", "klima", "--json"])
        .ok()
        .to_string();
    let status = json(&status);
    assert_eq!(
        status["summary"],
        "DIR approved draft 2; FOU postponed draft 2; BFU approved draft 2; \
         SOS approved with changes draft 2; ØKE —; BYR —"
    );
    assert_eq!(status["next_step"], 1);
    assert_eq!(
        status["route"],
        json(r#"["DIR", ["FOU", "BFU", "SOS"], "ØKE", "BYR"]"#)
    );
    let steps: Vec<&serde_json::Value> = status["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["step"])
        .collect();
    assert_eq!(steps, [0, 1, 1, 1, 2, 3]);
    env.udkast_in(&ws, &["tag", "klima"])
        .user_error("BYR, the last body of the route, has not approved or adopted draft 2");

    save(&env, &ws, "# Klimaplan\n\nMed FOU's ønsker.\n", "Efter FOU");
    for (body, date) in [
        ("DIR", "03-02-2025"),
        ("FOU", "17-02-2025"),
        ("BFU", "18-02-2025"),
        ("SOS", "19-02-2025"),
    ] {
        decide(&env, &ws, "3", body, "godkendt", date);
    }
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(
        status.contains("SOS approved draft 3; ØKE pending; BYR —"),
        "{status}"
    );
    decide(&env, &ws, "3", "ØKE", "godkendt", "03-03-2025");
    decide(&env, &ws, "3", "BYR", "vedtaget", "26-03-2025");
    let out = env.udkast_in(&ws, &["tag", "klima"]).ok().to_string();
    assert_eq!(out, "Tagged draft 3 of klima as klima/v1, listing 6 decisions\n");
    env.udkast_in(&ws, &["verify"]).ok();
}

/// A last step of two bodies: a tag needs both, and a tag made with plain
/// git that claims only one of them is flagged by `udkast verify`.
#[test]
fn a_parallel_last_step_needs_every_body_for_a_tag() {
    let env = Env::new();
    let ws = env.workspace("ws");
    env.udkast_in(&ws, &["route", "klima", "DIR", "ØKE+BYR"]).ok();
    decide(&env, &ws, "2", "DIR", "approved", "2025-01-07");
    decide(&env, &ws, "2", "ØKE", "approved", "2025-01-08");
    env.udkast_in(&ws, &["tag", "klima"])
        .user_error("BYR of the route's last step has not approved or adopted draft 2");
    env.udkast_in(&ws, &["tag", "klima", "--force"]).ok();
    // The forced tag's message without its "forced" lines, as a tag of its own.
    let forced = env.git(&ws, &["tag", "-l", "--format=%(contents)", "klima/v1"]);
    let forged: String = forced
        .lines()
        .filter(|l| !l.starts_with("Forced:") && !l.starts_with("Tagged with --force"))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = env.path("forged.txt");
    std::fs::write(&file, forged).unwrap();
    env.git(
        &ws,
        &[
            "tag",
            "-a",
            "klima/v2",
            "-F",
            file.to_str().unwrap(),
            "klima/v1^{commit}",
        ],
    );
    let out = env.udkast_in(&ws, &["verify"]);
    assert_ne!(out.code, 0);
    assert!(
        out.stdout
            .contains("claims no approval or adoption by BYR of the route's last step"),
        "{}",
        out.stdout
    );
}

/// A decision with the body's recommendation ("Indstilling") and the changes
/// it asked for: `status` shows them, the changes until a later draft is
/// approved; changes owed with another outcome are refused and nothing is
/// recorded.
#[test]
fn the_recommendation_and_changes_owed_until_a_later_draft_is_approved() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "# Klimaplan\n\nMålet er 50 pct.\n", "Andet");
    let head = env.git(&ws, &["rev-parse", "HEAD"]);
    env.udkast_in(
        &ws,
        &[
            "decide",
            "klima",
            "--draft",
            "2",
            "--body",
            "DIR",
            "--outcome",
            "godkendt",
            "--date",
            "03-02-2025",
            "--owe",
            "Målet skærpes",
        ],
    )
    .user_error("changes owed (--owe) go with approved-with-changes (godkendt med ændringer) only");
    assert_eq!(env.git(&ws, &["rev-parse", "HEAD"]), head);
    decide_with(
        &env,
        &ws,
        "2",
        "DIR",
        "godkendt med ændringer",
        "03-02-2025",
        &[
            "--recommendation",
            "Direktionen indstiller, at\r\n1) planen godkendes.",
            "--owe",
            "Målet skærpes til 70 pct.",
            "--owe",
            "Tidsplanen rettes",
            "-m",
            "Godkendt med de to ændringer.",
        ],
    );
    let file = env.git(&ws, &["show", "HEAD", "--format=", "--name-only"]);
    let text = std::fs::read_to_string(ws.join(file.trim())).unwrap();
    assert!(
        text.contains("changes_owed = [\"Målet skærpes til 70 pct.\", \"Tidsplanen rettes\"]"),
        "{text}"
    );
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    for line in [
        "Owed to DIR (approved with changes, draft 2 on 3 February 2025):\n  - Målet skærpes til 70 pct.\n  - Tidsplanen rettes\n",
        "DIR Godkendt med ændringer draft 2 on 03-02-2025:\n  Indstilling:\n    Direktionen indstiller, at\n    1) planen godkendes.\n  Beslutning:\n    Godkendt med de to ændringer.\n",
    ] {
        assert!(status.contains(line), "{line}\n{status}");
    }
    let json = json(env.udkast_in(&ws, &["status", "klima", "--json"]).ok());
    assert_eq!(json["decisions"][0]["changes_owed"][1], "Tidsplanen rettes");

    // A later draft postponed still owes them; approved, no longer.
    save(&env, &ws, "# Klimaplan\n\nMålet er 70 pct.\n", "Ændret");
    decide(&env, &ws, "3", "ØKE", "udskudt", "10-02-2025");
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(status.contains("Owed to DIR"), "{status}");
    decide(&env, &ws, "3", "DIR", "godkendt", "17-02-2025");
    let status = env.udkast_in(&ws, &["status", "klima"]).ok().to_string();
    assert!(!status.contains("Owed to"), "{status}");
    env.udkast_in(&ws, &["verify"]).ok();
}
