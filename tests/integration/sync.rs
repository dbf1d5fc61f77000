//! `udkast sync` end to end: clones of one remote reached as a local path,
//! over `git daemon` and over SSH (a real sshd, a host alias only the
//! user's ssh config knows, a passphrase asked on the terminal), clashing
//! passages stopped, resolved and aborted, failures said in one sentence
//! with nothing changed here, and one approved-version name on two drafts.
//! `failures` has the ways a sync fails; `team` runs three clones through a
//! seeded random day of work.

mod failures;
mod team;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::pty::{Tui, keys};
use crate::common::servers::{self, GitDaemon, Sshd};
use crate::common::{Env, Run};

const DOC: &str = "strategies/klima/document.md";

/// The first text of `klima`: a heading and paragraphs, each its own line.
const FIRST: &str = "# Klimaplan 2030\n\nAfsnit et om energi.\n\nAfsnit to om transport.\n\nAfsnit tre om affald.\n\nAfsnit fire om natur.\n\nAfsnit fem om byggeri.\n";

/// The latest text of `klima` in `ws`.
fn show(env: &Env, ws: &Path) -> String {
    env.udkast_in(ws, &["show", "klima"]).ok().to_string()
}

/// Saves `text` as a new draft of `klima` in `ws`.
fn save(env: &Env, ws: &Path, text: &str, message: &str) {
    env.udkast_stdin(ws, &["save", "klima", "-", "-m", message], text.as_bytes())
        .ok();
}

/// The latest text with `from` replaced by `to` (which must be there).
fn edit(env: &Env, ws: &Path, from: &str, to: &str) -> String {
    let text = show(env, ws);
    assert!(text.contains(from), "{from:?} is not in {text:?}");
    text.replacen(from, to, 1)
}

fn sync(env: &Env, ws: &Path) -> Run {
    env.udkast_in(ws, &["sync"])
}

/// Every ref of `ws` with what it points at.
fn refs(env: &Env, ws: &Path) -> String {
    env.git(ws, &["for-each-ref"])
}

/// What a sync must leave as it was when it fails: every ref, the working
/// tree's status and the document's bytes.
fn local_state(env: &Env, ws: &Path) -> (String, String, Vec<u8>) {
    (
        refs(env, ws),
        env.git(ws, &["status", "--porcelain"]),
        std::fs::read(ws.join(DOC)).unwrap(),
    )
}

fn tip(env: &Env, repo: &Path) -> String {
    env.git(repo, &["rev-parse", "main"]).trim().to_string()
}

fn log_json(env: &Env, ws: &Path) -> String {
    env.udkast_in(ws, &["log", "klima", "--json"]).ok().to_string()
}

/// A person's resolution of a file with clash marks: both sides kept
/// (theirs after mine), the text both came from and the marks dropped.
fn take_both(marked: &str) -> String {
    let mut out = String::new();
    let mut keep = true;
    for line in marked.split_inclusive('\n') {
        match line.get(..7) {
            Some("<<<<<<<" | "=======" | ">>>>>>>") => keep = true,
            Some("|||||||") => keep = false,
            _ if keep => out.push_str(line),
            _ => {}
        }
    }
    out
}

/// Resolves the clash marks in `ws`'s document by keeping both sides.
fn resolve_both(ws: &Path) {
    let marked = std::fs::read_to_string(ws.join(DOC)).unwrap();
    assert!(marked.contains("\n<<<<<<< "), "no clash marks in {marked:?}");
    std::fs::write(ws.join(DOC), take_both(&marked)).unwrap();
}

/// A workspace `a` whose `klima` has [`FIRST`] as draft 2, and a bare
/// remote `base/remote.git` made from it, `a`'s origin, synced.
fn team_remote(env: &Env, base: &Path) -> (PathBuf, PathBuf) {
    let a = env.workspace("a");
    save(env, &a, FIRST, "Første udkast");
    std::fs::create_dir_all(base).unwrap();
    let remote = base.join("remote.git");
    env.git(
        env.root.path(),
        &[
            "clone",
            "-q",
            "--bare",
            a.to_str().unwrap(),
            remote.to_str().unwrap(),
        ],
    );
    env.git(&a, &["remote", "add", "origin", remote.to_str().unwrap()]);
    sync(env, &a).ok();
    (remote, a)
}

/// A clone of `url` named `name` (plain git, as a colleague would).
fn clone(env: &Env, url: &str, name: &str) -> PathBuf {
    let dir = env.path(name);
    env.git(env.root.path(), &["clone", "-q", url, dir.to_str().unwrap()]);
    dir
}

/// Both clones have one tip, the remote's, and number every draft alike.
#[track_caller]
fn converged(env: &Env, remote: &Path, clones: &[&Path]) {
    let there = tip(env, remote);
    let log = log_json(env, clones[0]);
    for ws in clones {
        assert_eq!(tip(env, ws), there, "{} is not at the remote's tip", ws.display());
        assert_eq!(
            log_json(env, ws),
            log,
            "{} numbers the drafts otherwise",
            ws.display()
        );
    }
}

/// Over `git daemon`: two clones save, sync, sync; one tip, one numbering,
/// and the clone that merged had its draft renumbered after the other's.
#[test]
fn two_clones_sync_over_git_daemon() {
    let env = Env::new();
    let base = env.path("srv");
    std::fs::create_dir_all(&base).unwrap();
    // The daemon serves what is under `base`; the remote is made before it starts.
    let (remote, a) = team_remote(&env, &base);
    let daemon = GitDaemon::start(&env, &base);
    let url = daemon.url("remote.git");
    env.git(&a, &["remote", "set-url", "origin", &url]);
    let b = clone(&env, &url, "b");

    save(
        &env,
        &a,
        &edit(&env, &a, "energi.", "energi og varme."),
        "a: varme",
    );
    save(
        &env,
        &b,
        &edit(&env, &b, "affald.", "affald og genbrug."),
        "b: genbrug",
    );
    assert!(
        sync(&env, &a)
            .ok()
            .starts_with("Synced with origin/main: 0 commits in, 1 out")
    );
    let out = sync(&env, &b).ok().to_string();
    assert!(out.contains("1 commit in, 2 out, merged"), "{out}");
    assert!(out.contains("your draft 3 of klima is now draft 4"), "{out}");
    assert!(
        sync(&env, &a)
            .ok()
            .starts_with("Synced with origin/main: 2 commits in, 0 out")
    );
    converged(&env, &remote, &[&a, &b]);
    let text = show(&env, &a);
    assert!(
        text.contains("energi og varme.") && text.contains("affald og genbrug."),
        "{text}"
    );
}

/// A passphrase-free key, or one protected by `passphrase`, in the Env's
/// HOME, an sshd that takes it, and `~/.ssh/config` naming it `alias`.
fn ssh_setup(env: &Env, alias: &str, passphrase: &str) -> Option<(Sshd, PathBuf)> {
    let key = env.home.path().join("id_test");
    servers::keygen(&key, passphrase);
    let sshd = Sshd::start(env, &key)?;
    let known = servers::ssh_client(env, alias, sshd.port, &key);
    Some((sshd, known))
}

/// Over SSH to a host alias that only the user's own ssh config defines
/// (libgit2 would not read it): the git and ssh udkast runs use the
/// configuration, key and known-hosts file of the HOME udkast was given.
#[test]
fn two_clones_sync_over_ssh_to_an_alias_of_the_users_ssh_config() {
    let env = Env::new();
    let Some((_sshd, known)) = ssh_setup(&env, "udkast-team", "") else {
        return;
    };
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let url = format!("ssh://udkast-team{}", remote.display());
    env.git(&a, &["remote", "set-url", "origin", &url]);
    let b = clone(&env, &remote.display().to_string(), "b");
    env.git(&b, &["remote", "set-url", "origin", &url]);

    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");
    save(&env, &b, &edit(&env, &b, "byggeri.", "byggeri i træ."), "b: træ");
    sync(&env, &a).ok();
    let out = sync(&env, &b).ok().to_string();
    assert!(
        out.contains("merged; your draft 3 of klima is now draft 4"),
        "{out}"
    );
    sync(&env, &a).ok();
    converged(&env, &remote, &[&a, &b]);
    // accept-new wrote the server's key where the HOME's config said.
    let hosts = std::fs::read_to_string(&known).unwrap();
    assert!(hosts.contains("ssh-ed25519"), "{hosts:?}");
}

/// A passphrase-protected key with no agent: ssh asks through udkast as its
/// askpass, which asks on the terminal; the passphrase typed there is not
/// shown, and the sync goes through.
#[test]
fn a_key_passphrase_is_asked_on_the_terminal() {
    let env = Env::new();
    let Some((_sshd, _)) = ssh_setup(&env, "udkast-team", "secret") else {
        return;
    };
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let url = format!("ssh://udkast-team{}", remote.display());
    env.git(&a, &["remote", "set-url", "origin", &url]);
    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");

    // The harness starts udkast with a clean environment: no SSH_AUTH_SOCK.
    // The pty runs udkast as a person would: the test says which language.
    let mut tui = Tui::spawn(&env, &a, &["--lang", "en", "sync"], 100, 30, &[]);
    // Fetching and pushing each connect, and each asks.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut answered = 0;
    loop {
        let screen = tui.screen();
        if screen.contains("Synced with") {
            break;
        }
        if screen.matches("Enter passphrase").count() > answered {
            // udkast, started by ssh as its askpass, is the one asking.
            assert!(askpass_running(), "ssh asked by itself:\n{screen}");
            tui.type_text("secret");
            tui.send(keys::ENTER);
            answered += 1;
        }
        assert!(Instant::now() < deadline, "the sync never finished:\n{screen}");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(tui.wait_exit(), 0, "{}", tui.screen());
    assert!(
        answered >= 1,
        "nothing asked for the passphrase:\n{}",
        tui.screen()
    );
    let screen = tui.screen();
    assert!(
        screen.contains("Synced with origin/main: 0 commits in, 1 out"),
        "{screen}"
    );
    assert!(!screen.contains("secret"), "the passphrase was shown:\n{screen}");
    assert_eq!(tip(&env, &remote), tip(&env, &a));
}

/// Whether a udkast runs as an askpass now: the binary with a passphrase
/// prompt as its only argument (read from /proc).
fn askpass_running() -> bool {
    let exe = env!("CARGO_BIN_EXE_udkast");
    std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
        matches!(args.as_slice(), [program, prompt, b""]
            if *program == exe.as_bytes()
                && String::from_utf8_lossy(prompt).contains("Enter passphrase"))
    })
}

/// Two clones change one paragraph differently: the sync stops with one
/// line, the file carries yours, what both came from and theirs between
/// git's marks; `--abort` puts every ref, the file and the working tree's
/// status back exactly; a second sync resolved and continued converges.
#[test]
fn a_clash_is_marked_aborted_exactly_and_resolved() {
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let b = clone(&env, &remote.display().to_string(), "b");
    save(
        &env,
        &a,
        &edit(&env, &a, "om transport.", "om cykler."),
        "a: cykler",
    );
    sync(&env, &a).ok();
    save(
        &env,
        &b,
        &edit(&env, &b, "om transport.", "om busser."),
        "b: busser",
    );
    let before = local_state(&env, &b);

    let stopped = sync(&env, &b);
    stopped.user_error("sync stopped: 1 file changed in the same passages here and on origin");
    let marked = std::fs::read_to_string(b.join(DOC)).unwrap();
    assert!(
        marked.contains("<<<<<<< yours\nAfsnit to om busser.\n||||||| what both came from\nAfsnit to om transport.\n=======\nAfsnit to om cykler.\n>>>>>>> origin/main "),
        "{marked}"
    );
    // Another sync waits for this one.
    sync(&env, &b).user_error("is waiting for clashing passages");

    assert!(env.udkast_in(&b, &["sync", "--abort"]).ok().contains("aborted"));
    assert_eq!(local_state(&env, &b), before);
    assert!(!b.join(".git/udkast/sync.json").exists());

    sync(&env, &b).user_error("sync stopped");
    resolve_both(&b);
    let out = env.udkast_in(&b, &["sync", "--continue"]).ok().to_string();
    assert!(
        out.contains("merged; your draft 3 of klima is now draft 4"),
        "{out}"
    );
    sync(&env, &a).ok();
    converged(&env, &remote, &[&a, &b]);
    assert!(show(&env, &a).contains("Afsnit to om busser.\nAfsnit to om cykler.\n"));
    assert_eq!(env.git(&b, &["status", "--porcelain"]), "");
}

/// A clash resolved against the remote's tip as it was when the sync
/// stopped: someone pushing a change of the same passage meanwhile is not
/// overwritten by the resolution; it stops again, and nothing is lost.
#[test]
fn a_resolution_does_not_overwrite_what_was_pushed_while_it_waited() {
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let b = clone(&env, &remote.display().to_string(), "b");
    save(&env, &a, &edit(&env, &a, "om energi.", "om energi [a1]."), "a1");
    sync(&env, &a).ok();
    save(&env, &b, &edit(&env, &b, "om energi.", "om energi [b1]."), "b1");
    sync(&env, &b).user_error("sync stopped");
    resolve_both(&b);
    // While b resolves, a changes the same passage again and pushes.
    save(&env, &a, &edit(&env, &a, "[a1].", "[a1] [a2]."), "a2");
    sync(&env, &a).ok();

    // b's resolution is merged with the tip it saw; a's new change to the
    // same line then clashes with it, and is shown, not overwritten.
    env.udkast_in(&b, &["sync", "--continue"])
        .user_error("sync stopped");
    let marked = std::fs::read_to_string(b.join(DOC)).unwrap();
    assert!(
        marked.contains("Afsnit et om energi [a1] [a2].\n>>>>>>> "),
        "{marked}"
    );
    resolve_both(&b);
    env.udkast_in(&b, &["sync", "--continue"]).ok();
    sync(&env, &a).ok();
    converged(&env, &remote, &[&a, &b]);
    let text = show(&env, &a);
    for word in ["[a1]", "[a2]", "[b1]"] {
        assert!(text.contains(word), "{word} was lost: {text}");
    }
}

/// Two leads make `klima/v1` in two clones, for different drafts: the
/// second to sync is refused naming the tag, and neither side's tag, nor
/// the remote's, is overwritten.
#[test]
fn one_approved_version_name_for_two_drafts_is_refused() {
    use crate::common::approvals::approve;
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    // Mette is a lead too, and works in clone b.
    let config = std::fs::read_to_string(a.join("udkast.toml")).unwrap();
    let two = config.replacen("leads = [", "leads = [\"mette.holm@aaby.dk\", ", 1);
    assert_ne!(two, config);
    std::fs::write(a.join("udkast.toml"), two).unwrap();
    env.git(&a, &["commit", "-q", "-am", "Mette er også leder"]);
    sync(&env, &a).ok();
    let b = clone(&env, &remote.display().to_string(), "b");
    env.git(&b, &["config", "user.name", "Mette Holm"]);
    env.git(&b, &["config", "user.email", "mette.holm@aaby.dk"]);

    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");
    approve(&env, &a, "3", true);
    env.udkast_in(&a, &["tag", "klima"]).ok();
    save(&env, &b, &edit(&env, &b, "natur.", "natur og hav."), "b: hav");
    approve(&env, &b, "3", true);
    env.udkast_in(&b, &["tag", "klima"]).ok();
    assert!(sync(&env, &a).ok().contains("approved versions out: klima/v1"));
    let remote_refs = refs(&env, &remote);
    let a_tag = env.git(&a, &["rev-parse", "klima/v1"]);
    let b_tag = env.git(&b, &["rev-parse", "klima/v1"]);
    assert_ne!(a_tag, b_tag);
    let b_branch = tip(&env, &b);

    let run = sync(&env, &b);
    run.user_error("klima/v1 names one draft here and another on origin");
    assert_eq!(env.git(&b, &["rev-parse", "klima/v1"]), b_tag);
    assert_eq!(tip(&env, &b), b_branch);
    assert_eq!(refs(&env, &remote), remote_refs);
    // a, syncing again, is not told anything of b's.
    sync(&env, &a).ok();
    assert_eq!(refs(&env, &remote), remote_refs);
    assert_eq!(env.git(&a, &["rev-parse", "klima/v1"]), a_tag);
}

/// A lead's change of `roles.leads` merged by a colleague who is no lead:
/// the sync's merge commit is no governance change of theirs.
#[test]
fn a_non_lead_merging_a_leads_change_still_verifies() {
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let b = clone(&env, &remote.display().to_string(), "b");
    env.git(&b, &["config", "user.email", "jonas.friis@aaby.dk"]);
    save(&env, &b, &edit(&env, &b, "natur.", "natur og hav."), "b: hav");
    let config = std::fs::read_to_string(a.join("udkast.toml")).unwrap();
    let two = config.replacen("leads = [", "leads = [\"mette.holm@aaby.dk\", ", 1);
    std::fs::write(a.join("udkast.toml"), two).unwrap();
    env.git(&a, &["commit", "-q", "-am", "Mette er også leder"]);
    sync(&env, &a).ok();
    sync(&env, &b).ok();
    env.udkast_in(&b, &["verify"]).ok();
}

/// An approved version tagged on a draft that the sync renumbers (the
/// remote's drafts come first) still says the draft it is.
#[test]
fn a_tagged_draft_renumbered_by_a_sync_still_verifies() {
    use crate::common::approvals::approve;
    let env = Env::new();
    let (remote, a) = team_remote(&env, &env.path("srv"));
    let b = clone(&env, &remote.display().to_string(), "b");
    save(&env, &b, &edit(&env, &b, "byggeri.", "byggeri i træ."), "b: træ");
    sync(&env, &b).ok();
    save(&env, &a, &edit(&env, &a, "natur.", "natur og skov."), "a: skov");
    approve(&env, &a, "3", true);
    env.udkast_in(&a, &["tag", "klima"]).ok();
    let out = sync(&env, &a).ok().to_string();
    assert!(out.contains("your draft 3 of klima is now draft 4"), "{out}");
    env.udkast_in(&a, &["verify"]).ok();
}
