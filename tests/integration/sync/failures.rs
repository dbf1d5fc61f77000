//! How a sync fails: one sentence on standard error, exit 1, and nothing
//! changed here (every ref, the working tree, the document's bytes) — no
//! remote, a closed port, a server hook's refusal in its own words, a server
//! gone in the middle of the push.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{edit, local_state, save, sync, team_remote, tip};
use crate::common::servers::{self, GitDaemon};
use crate::common::{Env, Run};

/// Runs `udkast sync` in `ws` expecting one sentence with `needle`, and
/// nothing changed here.
#[track_caller]
fn fails_changing_nothing(env: &Env, ws: &Path, needle: &str) -> String {
    let before = local_state(env, ws);
    let run = sync(env, ws);
    run.user_error(needle);
    assert_eq!(
        local_state(env, ws),
        before,
        "a failed sync changed something here"
    );
    assert!(!ws.join(".git/udkast/sync.json").exists());
    run.stderr
}

#[test]
fn a_workspace_without_the_remote_is_told_to_add_it() {
    let env = Env::new();
    let ws = env.workspace("ws");
    fails_changing_nothing(&env, &ws, "there is no remote \"origin\"");
    let run = env.udkast_in(&ws, &["sync", "--remote", "team"]);
    run.user_error("there is no remote \"team\"");
}

/// A closed port over SSH and over git://: cannot reach, in one sentence.
#[test]
fn an_unreachable_remote_is_one_sentence_and_changes_nothing() {
    let env = Env::new();
    let ssh = env.home.path().join("ssh_config");
    std::fs::write(
        &ssh,
        "StrictHostKeyChecking accept-new\nUserKnownHostsFile /dev/null\n",
    )
    .unwrap();
    servers::use_ssh_config(&env, &ssh);
    let (_, a) = team_remote(&env, &env.path("srv"));
    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");
    let port = servers::free_port();

    env.git(
        &a,
        &[
            "remote",
            "set-url",
            "origin",
            &format!("ssh://127.0.0.1:{port}/x.git"),
        ],
    );
    let said = fails_changing_nothing(&env, &a, "cannot reach origin: ");
    assert!(said.contains("Connection refused"), "{said}");

    env.git(
        &a,
        &[
            "remote",
            "set-url",
            "origin",
            &format!("git://127.0.0.1:{port}/x"),
        ],
    );
    fails_changing_nothing(&env, &a, "cannot reach origin: ");
}

/// Installs `script` as the remote's pre-receive hook.
fn hook(remote: &Path, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = remote.join("hooks/pre-receive");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A server hook that refuses: its own words are in the sentence, and the
/// remote has nothing of the push.
#[test]
fn a_push_refused_by_a_hook_says_the_hooks_words() {
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    hook(
        &remote,
        "#!/bin/sh\necho 'Byrådets server tager ikke imod ændringer i dag' >&2\nexit 1\n",
    );
    let there = tip(&env, &remote);
    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");
    fails_changing_nothing(
        &env,
        &a,
        "origin rejected the push: Byrådets server tager ikke imod ændringer i dag",
    );
    assert_eq!(tip(&env, &remote), there);
}

/// contrib/pre-receive (`udkast verify` on the server) refusing a decision
/// committed by someone who is no lead: the sentence names the problem.
#[test]
fn a_push_refused_by_the_contrib_hook_names_the_problem() {
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/pre-receive");
    // The server's udkast speaks English, as the tests' does.
    let udkast = crate::common::english_udkast(&remote.join("hooks"));
    hook(
        &remote,
        &format!(
            "#!/bin/sh\nUDKAST='{}' exec '{}'\n",
            udkast.display(),
            script.display()
        ),
    );
    let draft = env.git(&a, &["rev-parse", "main"]).trim().to_string();
    let decision =
        crate::common::approvals::decision_file("BYR", 2, &draft, "Jonas Friis", "jonas.friis@aaby.dk");
    crate::common::approvals::commit_file(
        &env,
        &a,
        "forged",
        &decision,
        Some("Jonas Friis <jonas.friis@aaby.dk>"),
    );
    let there = tip(&env, &remote);
    let said = fails_changing_nothing(&env, &a, "origin rejected the push: ");
    assert!(said.contains("strategies/klima/decisions/forged.toml"), "{said}");
    assert!(said.contains("not a lead"), "{said}");
    assert_eq!(tip(&env, &remote), there);
}

/// The server goes away while the push is in its hook: one sentence, the
/// branch as it was.
#[test]
fn a_remote_that_vanishes_mid_push_changes_nothing_here() {
    let env = Env::new();
    let base = env.path("srv");
    let (remote, a) = team_remote(&env, &base);
    let marker = env.path("hook-started");
    hook(
        &remote,
        &format!("#!/bin/sh\ntouch '{}'\nsleep 30\n", marker.display()),
    );
    let mut daemon = GitDaemon::start(&env, &base);
    env.git(&a, &["remote", "set-url", "origin", &daemon.url("remote.git")]);
    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");
    let before = local_state(&env, &a);
    let there = tip(&env, &remote);

    let child = env
        .udkast_command(&a)
        .arg("sync")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !marker.exists() {
        assert!(Instant::now() < deadline, "the push never reached the hook");
        std::thread::sleep(Duration::from_millis(20));
    }
    daemon.kill();
    let out = child.wait_with_output().unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw_stdout: out.stdout,
    };
    run.user_error("cannot reach origin: ");
    assert_eq!(local_state(&env, &a), before);
    assert_eq!(tip(&env, &remote), there);
}
