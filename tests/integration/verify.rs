//! `udkast verify` against forgeries made with plain git, and the
//! pre-receive hook of `contrib/` that runs it on a server.

use std::path::Path;

use crate::common::approvals::{approve, commit_file, decide, decision_file, json, save, ssh_keygen};
use crate::common::{EMAIL, Env, NAME};

#[test]
fn verify_catches_forgeries() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, "# Klimaplan\n\nAndet udkast.\n", "Andet");
    approve(&env, &ws, "2", true);
    env.udkast_in(&ws, &["tag", "klima"]).ok();
    env.udkast_in(&ws, &["verify"]).ok();
    let draft1 = env.udkast_in(&ws, &["log", "klima", "--json"]).ok().to_string();
    let draft1 = json(&draft1)[1]["commit"].as_str().unwrap().to_string();
    let init = env
        .git(&ws, &["rev-list", "--max-parents=0", "HEAD"])
        .trim()
        .to_string();

    // A tag made with plain git claiming a decision that was never recorded.
    let forged = "klima v2: draft 1\n\nStrategy: klima\nDraft: 1\nDecision: 20250301T120000Z-abcdef BYR adopted draft 1\n";
    env.git(&ws, &["tag", "-a", "klima/v2", "-m", forged, &draft1]);
    // A lightweight tag.
    env.git(&ws, &["tag", "klima/v3", &draft1]);
    // A tag whose draft number is not the draft it points at.
    let misnumbered = "klima v4: draft 2\n\nStrategy: klima\nDraft: 2\nForced: yes\n";
    env.git(&ws, &["tag", "-a", "klima/v4", "-m", misnumbered, &draft1]);
    // Decisions committed with plain git: on a commit that is no draft, on one
    // that does not exist, by an unknown body, recorded by a non-lead, and
    // committed by a non-lead in a lead's name.
    let lead = (NAME, EMAIL);
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000001",
        &decision_file("DIR", 1, &init, lead.0, lead.1),
        None,
    );
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000002",
        &decision_file("DIR", 9, &"9".repeat(40), lead.0, lead.1),
        None,
    );
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000003",
        &decision_file("XYZ", 1, &draft1, lead.0, lead.1),
        None,
    );
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000004",
        &decision_file("DIR", 1, &draft1, "Jonas Friis", "jonas.friis@aaby.dk"),
        Some("Jonas Friis <jonas.friis@aaby.dk>"),
    );
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000005",
        &decision_file("DIR", 1, &draft1, lead.0, lead.1),
        Some("Jonas Friis <jonas.friis@aaby.dk>"),
    );
    // And a file that does not parse.
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000006",
        "format = 1\nbody = \"DIR\"\ndraft = \n",
        None,
    );

    let run = env.udkast_in(&ws, &["verify"]);
    run.user_error("verify found 10 problems");
    let d = "strategies/klima/decisions/20250201T120000Z-00000";
    let expected = [
        format!("{d}1.toml: names draft 1 as commit {}, which is not a draft of klima on main", &init[..7]),
        format!("{d}2.toml: names draft 9 as commit 9999999, which does not exist in the history of klima on main"),
        format!("{d}3.toml: unknown body \"XYZ\" (known: DIR, FOU, BFU, SOS, BSK, KFU, BYP, TMU, ØKE, BYR)"),
        format!("{d}4.toml: recorded by Jonas Friis <jonas.friis@aaby.dk>, who was not a lead (roles.leads in udkast.toml)"),
        format!("{d}5.toml: committed in "),
        format!("{d}6.toml:3: "),
        "tag klima/v2: claims decision 20250301T120000Z-abcdef, which does not exist".to_string(),
        "tag klima/v2: claims no approval or adoption by BYR, the last body of the route, and is not marked \"Forced: yes\"".to_string(),
        "tag klima/v3: is a lightweight tag".to_string(),
        "tag klima/v4: says \"Draft: 2\", but it points at draft 1".to_string(),
    ];
    for line in &expected {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(line.as_str())),
            "{line}\nin\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .contains("by Jonas Friis <jonas.friis@aaby.dk>, who was not a lead"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 10, "{}", run.stdout);

    let j = json(&env.udkast_in(&ws, &["verify", "--json"]).stdout);
    assert_eq!(j["ok"], false);
    assert_eq!(j["tags"], 4);
    assert_eq!(j["findings"].as_array().unwrap().len(), 10);
    assert_eq!(j["findings"][0]["place"], format!("{d}6.toml:3"));

    // status shows what it can, and fails naming the files it could not use.
    let status = env.udkast_in(&ws, &["status", "klima"]);
    assert_eq!(status.code, 1);
    assert!(status.stdout.contains("BYR adopted draft 2"), "{}", status.stdout);
}

/// The pre-receive hook of `contrib/`, installed in a bare repository: a
/// good push goes through, a forged tag and a non-lead's decision are refused.
/// A bare repository on "the server" with `contrib/pre-receive` installed.
fn server_with_hook(env: &Env) -> std::path::PathBuf {
    let server = env.path("server.git");
    env.git(
        env.root.path(),
        &["init", "-q", "--bare", server.to_str().unwrap()],
    );
    use std::os::unix::fs::PermissionsExt;
    // The hook's udkast speaks English, as every test's does.
    let udkast = crate::common::english_udkast(&server.join("hooks"));
    let hook = server.join("hooks/pre-receive");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/pre-receive");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nUDKAST='{}' exec '{}'\n",
            udkast.display(),
            script.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();

    server
}

/// Pushes from `ws` with plain git; the output.
fn push(env: &Env, ws: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .current_dir(ws)
        .env("HOME", env.home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args)
        .output()
        .unwrap()
}

/// A non-lead adds themselves to the leads and then "adopts" the draft; a
/// non-lead (or a lead) deletes a decision with `git rm`. `verify`, and so
/// the server's hook, names each commit and who made it, and refuses the
/// push; a lead withdraws a decision with a later one instead.
#[test]
fn the_hook_refuses_self_promotion_and_deleted_decisions() {
    let env = Env::new();
    let server = server_with_hook(&env);
    let ws = env.workspace("ws");
    env.git(&ws, &["remote", "add", "origin", server.to_str().unwrap()]);
    decide(&env, &ws, "1", "DIR", "rejected", "2025-02-25");
    env.git(&ws, &["push", "-q", "origin", "main"]);

    // Self-promotion by Jonas, who is no lead.
    let config = std::fs::read_to_string(ws.join("udkast.toml")).unwrap();
    let promoted = config.replacen("leads = [", "leads = [\"jonas.friis@aaby.dk\", ", 1);
    assert_ne!(promoted, config, "{config}");
    std::fs::write(ws.join("udkast.toml"), promoted).unwrap();
    env.git(
        &ws,
        &[
            "commit",
            "-qam",
            "Roller",
            "--author",
            "Jonas Friis <jonas.friis@aaby.dk>",
        ],
    );
    let out = push(&env, &ws, &["push", "origin", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("udkast.toml: roles.leads changed in commit")
            && stderr.contains("Jonas Friis <jonas.friis@aaby.dk>, who was not a lead"),
        "{stderr}"
    );
    env.git(&ws, &["reset", "-q", "--hard", "origin/main"]);

    // A lead's decision deleted by Jonas.
    let decisions = ws.join("strategies/klima/decisions");
    let file = std::fs::read_dir(&decisions)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    let path = format!("strategies/klima/decisions/{}", file.to_string_lossy());
    env.git(&ws, &["rm", "-q", &path]);
    env.git(
        &ws,
        &[
            "commit",
            "-qm",
            "Væk",
            "--author",
            "Jonas Friis <jonas.friis@aaby.dk>",
        ],
    );
    let out = push(&env, &ws, &["push", "origin", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains(&format!("{path}: deleted in commit")), "{stderr}");
    assert!(stderr.contains("who was not a lead"), "{stderr}");
    env.git(&ws, &["reset", "-q", "--hard", "origin/main"]);

    // Not by a lead either: a lead withdraws it with a later decision.
    env.git(&ws, &["rm", "-q", &path]);
    env.git(&ws, &["commit", "-qm", "Væk"]);
    let out = push(&env, &ws, &["push", "origin", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("--withdraws"), "{stderr}");
    env.git(&ws, &["reset", "-q", "--hard", "origin/main"]);
    let id = file.to_string_lossy().trim_end_matches(".toml").to_string();
    let withdraw = |body: &str, id: &str| {
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
                "approved",
                "--date",
                "2025-03-04",
                "--withdraws",
                id,
            ],
        )
    };
    withdraw("DIR", "20990101T000000Z-000000")
        .user_error("klima has no decision \"20990101T000000Z-000000\"");
    withdraw("ØKE", &id).user_error("a decision of ØKE can only withdraw one of ØKE's");
    withdraw("DIR", &id).ok();
    withdraw("DIR", &id).user_error("is already withdrawn");
    let status = env
        .udkast_in(&ws, &["status", "klima", "--json"])
        .ok()
        .to_string();
    assert!(
        !status.contains("\"rejected\""),
        "withdrawn, no longer in force: {status}"
    );
    assert!(status.contains(&format!("\"withdraws\": \"{id}\"")), "{status}");
    let out = push(&env, &ws, &["push", "origin", "main"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_pre_receive_hook_refuses_forgeries() {
    let env = Env::new();
    let server = server_with_hook(&env);
    let ws = env.workspace("ws");
    env.git(&ws, &["remote", "add", "origin", server.to_str().unwrap()]);
    approve(&env, &ws, "1", true);
    env.udkast_in(&ws, &["tag", "klima"]).ok();
    env.git(&ws, &["push", "-q", "origin", "main", "klima/v1"]);
    assert_eq!(env.git(&server, &["tag", "-l"]), "klima/v1\n");

    let push = |args: &[&str]| push(&env, &ws, args);
    let draft1 = env
        .git(&ws, &["rev-parse", "klima/v1^{commit}"])
        .trim()
        .to_string();
    env.git(
        &ws,
        &[
            "tag",
            "-a",
            "klima/v2",
            "-m",
            "klima v2\n\nStrategy: klima\nDecision: x BYR adopted draft 1\n",
            &draft1,
        ],
    );
    let out = push(&["push", "origin", "klima/v2"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("tag klima/v2: claims decision x, which does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("pre-receive hook declined"), "{stderr}");
    assert_eq!(env.git(&server, &["tag", "-l"]), "klima/v1\n");

    env.git(&ws, &["tag", "-d", "klima/v2"]);
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000004",
        &decision_file("DIR", 1, &draft1, "Jonas Friis", "jonas.friis@aaby.dk"),
        Some("Jonas Friis <jonas.friis@aaby.dk>"),
    );
    let out = push(&["push", "origin", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("recorded by Jonas Friis"), "{stderr}");
    let before = env.git(&server, &["rev-parse", "main"]);
    assert_ne!(before.trim(), env.git(&ws, &["rev-parse", "HEAD"]).trim());

    // Undo the forgery; a lead's decision goes through.
    env.git(&ws, &["reset", "-q", "--hard", "HEAD~1"]);
    save(&env, &ws, "# Klimaplan\n\nAndet udkast.\n", "Andet");
    decide(&env, &ws, "2", "DIR", "noted", "2025-04-01");
    let out = push(&["push", "origin", "main"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        env.git(&server, &["rev-parse", "main"]).trim(),
        env.git(&ws, &["rev-parse", "HEAD"]).trim()
    );
}

/// A document's route in its `strategy.toml` is governance too: a non-lead
/// who shortens it (so an adoption by an earlier body would be the last one)
/// is a finding naming the commit and who made it; the lead may change it.
#[test]
fn a_route_changed_by_a_non_lead_is_a_finding() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let meta = ws.join("strategies/klima/strategy.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    let with_route = |route: &str| {
        let mut lines: Vec<String> = text
            .lines()
            .filter(|l| !l.starts_with("route"))
            .map(str::to_string)
            .collect();
        lines.insert(1, format!("route = {route}"));
        lines.join("\n") + "\n"
    };
    // The lead sets a route: fine.
    std::fs::write(&meta, with_route("[\"DIR\", \"ØKE\", \"BYR\"]")).unwrap();
    env.git(&ws, &["commit", "-qam", "Rute"]);
    env.udkast_in(&ws, &["verify"]).ok();
    // Other fields of strategy.toml are anyone's to change.
    let retitled = std::fs::read_to_string(&meta)
        .unwrap()
        .replacen("title = \"", "title = \"Ny ", 1);
    std::fs::write(&meta, retitled).unwrap();
    let jonas = "Jonas Friis <jonas.friis@aaby.dk>";
    env.git(&ws, &["commit", "-qam", "Titel", "--author", jonas]);
    env.udkast_in(&ws, &["verify"]).ok();
    // Jonas, no lead, cuts the route down to DIR.
    let cut = std::fs::read_to_string(&meta)
        .unwrap()
        .replace("route = [\"DIR\", \"ØKE\", \"BYR\"]", "route = [\"DIR\"]");
    std::fs::write(&meta, cut).unwrap();
    env.git(&ws, &["commit", "-qam", "Kortere rute", "--author", jonas]);
    let run = env.udkast_in(&ws, &["verify"]);
    run.user_error("verify found 1 problem");
    assert!(
        run.stdout
            .starts_with("strategies/klima/strategy.toml: the route changed in commit")
            && run
                .stdout
                .contains("by Jonas Friis <jonas.friis@aaby.dk>, who was not a lead before it"),
        "{}",
        run.stdout
    );
}

/// With `roles.require_signed`, a decision or approved version counts only
/// when signed with the key `roles.keys` lists for the lead who made it:
/// udkast signs through the user's git (`commit.gpgSign`, `tag.gpgSign`,
/// `gpg.format = ssh`), and `verify` checks each signature against that key.
#[test]
fn with_require_signed_only_the_leads_own_key_counts() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let keygen = |name: &str| -> (String, String) {
        let key = env.path(name);
        assert!(ssh_keygen(&key), "ssh-keygen (openssh-client) is needed");
        let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
        (key.to_string_lossy().into_owned(), public.trim().to_string())
    };
    let (lead_key, lead_public) = keygen("aisha");
    let (other_key, _) = keygen("jonas");
    for (name, value) in [
        ("gpg.format", "ssh"),
        ("user.signingkey", lead_key.as_str()),
        ("commit.gpgsign", "true"),
        ("tag.gpgsign", "true"),
    ] {
        env.git(&ws, &["config", name, value]);
    }
    let file = ws.join("udkast.toml");
    let mut config: toml::Table = std::fs::read_to_string(&file).unwrap().parse().unwrap();
    let roles = config["roles"].as_table_mut().unwrap();
    roles.insert("require_signed".into(), true.into());
    let mut keys = toml::Table::new();
    keys.insert(EMAIL.into(), lead_public.into());
    roles.insert("keys".into(), keys.into());
    std::fs::write(&file, toml::to_string(&config).unwrap()).unwrap();
    env.git(&ws, &["commit", "-qam", "Underskrevne beslutninger"]);

    // Recorded and tagged with udkast: signed with her key.
    approve(&env, &ws, "1", true);
    let tagged = env.udkast_in(&ws, &["tag", "klima"]).ok().to_string();
    assert!(tagged.contains("(signed)"), "{tagged}");
    let run = env.udkast_in(&ws, &["verify"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let head = env.git(&ws, &["rev-parse", "HEAD"]).trim().to_string();
    let raw = env.git(&ws, &["cat-file", "commit", "HEAD"]);
    assert!(raw.contains("-----BEGIN SSH SIGNATURE-----"), "{raw}");
    let draft1 = json(env.udkast_in(&ws, &["log", "klima", "--json"]).ok())[0]["commit"]
        .as_str()
        .unwrap()
        .to_string();

    // Committed with plain git in her name, unsigned.
    env.git(&ws, &["config", "commit.gpgsign", "false"]);
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000001",
        &decision_file("DIR", 1, &draft1, NAME, EMAIL),
        None,
    );
    // Signed, but with someone else's key.
    env.git(&ws, &["config", "commit.gpgsign", "true"]);
    env.git(&ws, &["config", "user.signingkey", &other_key]);
    commit_file(
        &env,
        &ws,
        "20250201T120000Z-000002",
        &decision_file("DIR", 1, &draft1, NAME, EMAIL),
        None,
    );
    let run = env.udkast_in(&ws, &["verify"]);
    run.user_error("verify found 2 problems");
    let d = "strategies/klima/decisions/20250201T120000Z-00000";
    assert!(
        run.stdout.contains(&format!("{d}1.toml: commit "))
            && run.stdout.contains("is not signed, and udkast.toml requires"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("{d}2.toml: commit "))
            && run.stdout.contains(&format!(
                "is not signed with the key roles.keys lists for {EMAIL}"
            )),
        "{}",
        run.stdout
    );
    assert_ne!(head, env.git(&ws, &["rev-parse", "HEAD"]).trim());

    // A non-lead cannot turn the rule off either: a finding that says which.
    env.git(&ws, &["config", "commit.gpgsign", "false"]);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("require_signed = true", "require_signed = false"),
    )
    .unwrap();
    env.git(
        &ws,
        &[
            "commit",
            "-qam",
            "Uden underskrift",
            "--author",
            "Jonas Friis <jonas.friis@aaby.dk>",
        ],
    );
    let run = env.udkast_in(&ws, &["verify"]);
    assert!(
        run.stdout
            .contains("udkast.toml: roles.require_signed changed in commit")
            && run.stdout.contains("who was not a lead before it"),
        "{}",
        run.stdout
    );
}
