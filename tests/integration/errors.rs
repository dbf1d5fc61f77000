//! Every bad input a user can cause gets one clear line on stderr and exit 1,
//! through the real binary, and leaves the repository as it was.

use std::path::Path;

use crate::common::Env;

/// Replaces a file in the workspace with plain git, as a careless user might.
fn commit_file(env: &Env, ws: &Path, path: &str, bytes: &[u8]) {
    let full = ws.join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, bytes).unwrap();
    env.git(ws, &["add", "-A"]);
    env.git(ws, &["commit", "-qm", "hand edit"]);
}

fn config(env: &Env, ws: &Path) -> String {
    let _ = env;
    std::fs::read_to_string(ws.join("udkast.toml")).unwrap()
}

#[test]
fn workspace_config_errors_name_file_and_line() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let good = config(&env, &ws);

    commit_file(
        &env,
        &ws,
        "udkast.toml",
        good.replace("\"ØKE\",", "\"XYZ\",").as_bytes(),
    );
    let route_line = good.lines().position(|l| l.starts_with("default_route")).unwrap() + 1;
    env.udkast_in(&ws, &["list"])
        .user_error(&format!("udkast.toml:{route_line}: unknown body \"XYZ\""));

    commit_file(
        &env,
        &ws,
        "udkast.toml",
        good.replace("id = \"TMU\"", "id = \"DIR\"").as_bytes(),
    );
    env.udkast_in(&ws, &["list"])
        .user_error("duplicate body id \"DIR\"");

    commit_file(&env, &ws, "udkast.toml", b"format = 1\nname = \"x\n");
    env.udkast_in(&ws, &["list"]).user_error("udkast.toml:2:");

    commit_file(
        &env,
        &ws,
        "udkast.toml",
        good.replace("format = 1", "format = 2").as_bytes(),
    );
    env.udkast_in(&ws, &["show", "klima"])
        .user_error("format 2 is not supported");

    commit_file(&env, &ws, "udkast.toml", b"format = 1\nname = \"\xe6\xf8\xe5\"\n");
    env.udkast_in(&ws, &["list"])
        .user_error("udkast.toml:2: is not valid UTF-8");
}

#[test]
fn document_errors_name_the_file_and_never_hide_the_others() {
    let env = Env::new();
    let ws = env.workspace("ws");
    env.udkast_in(&ws, &["new", "erhverv", "--title", "Erhvervsstrategi"])
        .ok();

    commit_file(
        &env,
        &ws,
        "strategies/klima/document.md",
        b"# Klima\nBr\xe6ndstof\n",
    );
    let out = env.udkast_in(&ws, &["list"]);
    out.user_error("strategies/klima/document.md:2: is not valid UTF-8 text");
    assert!(
        out.stdout.contains("erhverv"),
        "the good document is still listed: {}",
        out.stdout
    );
    env.udkast_in(&ws, &["show", "klima"])
        .user_error("strategies/klima/document.md:2: is not valid UTF-8");

    commit_file(
        &env,
        &ws,
        "strategies/klima/document.md",
        b"\x89PNG\r\n\x1a\n\x00\x00",
    );
    env.udkast_in(&ws, &["show", "klima"])
        .user_error("strategies/klima/document.md:3: is a binary file");

    std::fs::remove_file(ws.join("strategies/klima/document.md")).unwrap();
    env.git(&ws, &["commit", "-qam", "oops"]);
    env.udkast_in(&ws, &["log", "klima"])
        .user_error("strategies/klima/document.md: is missing");

    commit_file(&env, &ws, "strategies/klima/document.md", b"# ok\n");
    commit_file(
        &env,
        &ws,
        "strategies/klima/strategy.toml",
        b"format = 1\ntitle = \"K\"\nkind = \"strategy\"\nroute = [\"DIR\", \"NOPE\"]\n",
    );
    env.udkast_in(&ws, &["show", "klima"])
        .user_error("strategies/klima/strategy.toml:4: unknown body \"NOPE\" in route");

    commit_file(
        &env,
        &ws,
        "strategies/klima/strategy.toml",
        b"format = 1\ntitle = \"K\"\nkind = [\n",
    );
    env.udkast_in(&ws, &["show", "klima"])
        .user_error("strategies/klima/strategy.toml:3:");

    commit_file(
        &env,
        &ws,
        "strategies/klima/strategy.toml",
        b"format = 1\ntitle = \"K\"\nkind = \"strategy\"\n",
    );
    commit_file(&env, &ws, "strategies/Bad Name/strategy.toml", b"x");
    env.udkast_in(&ws, &["list"])
        .user_error("strategies/Bad Name: slug \"Bad Name\" may only use");
}

#[test]
fn bad_arguments() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let run = |args: &[&str]| env.udkast_in(&ws, args);

    run(&["new", "../etc", "--title", "x"]).user_error("plain folder name");
    run(&["new", "a/b", "--title", "x"]).user_error("plain folder name");
    run(&["new", "a\u{1b}b", "--title", "x"]).user_error("control characters");
    let out = run(&["new", "a\u{1b}[31mb", "--title", "x"]);
    assert!(
        !out.stderr.contains('\u{1b}'),
        "the escape is shown inert: {:?}",
        out.stderr
    );
    run(&["new", "klima", "--title", "x"]).user_error("strategy \"klima\" already exists");
    run(&["new", "ny", "--title", "x", "--route", "DIR,FOO"]).user_error("unknown body \"FOO\"");
    run(&["new", "ny", "--title", "x", "--kind", "roman"]).user_error("unknown kind \"roman\"");
    run(&["new", "ny", "--title", " "]).user_error("title");
    run(&["show", "nope"]).user_error("no strategy \"nope\"");
    run(&["show", "klima", "--draft", "7"]).user_error("has no draft 7 (its drafts are 1–1)");
    run(&["save", "klima", "--file", "/no/such/file", "-m", "x"]).user_error("cannot read /no/such/file");
    run(&["save", "klima", "-m", "x"]).user_error("--file FILE or -");
    run(&["save", "klima", "-m", " ", "--file", "/dev/null"]).user_error("the message is empty");
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "x"], b"# Klimaplan 2030\n")
        .user_error("nothing changed");
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "x"], b"latin1 \xe6\n")
        .user_error("<stdin>:1: is not valid UTF-8");
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "x"], b"\x00\x01")
        .user_error("binary");
    run(&["frobnicate"]).user_error("unrecognized subcommand");
    run(&["show"]).user_error("required");
    run(&["init"]).user_error("already a udkast workspace");
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
    assert_eq!(run(&["--help"]).code, 0);
}

#[test]
fn a_huge_file_is_refused() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let big = env.path("big.md");
    std::fs::write(&big, "a".repeat(17 * 1024 * 1024)).unwrap();
    env.udkast_in(
        &ws,
        &["save", "klima", "--file", big.to_str().unwrap(), "-m", "x"],
    )
    .user_error("limited to 16 MiB");
}

#[test]
fn environment_errors() {
    let env = Env::new();
    env.udkast(&["list"]).user_error("is not inside a git repository");
    let plain = env.path("plain");
    env.git(env.root.path(), &["init", "-q", plain.to_str().unwrap()]);
    env.udkast_in(&plain, &["list"])
        .user_error("not a udkast workspace");

    let anon = Env::anonymous();
    anon.udkast(&["--repo", anon.path("x").to_str().unwrap(), "init"])
        .user_error("no git identity");
    // The failed init wrote no commit.
    assert!(!anon.path("x").join("udkast.toml").exists());

    let ws = env.workspace("ws");
    std::fs::write(ws.join(".git/index.lock"), "").unwrap();
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "x"], b"# Ny\n")
        .user_error("index is locked");
    std::fs::remove_file(ws.join(".git/index.lock")).unwrap();
    assert_eq!(
        env.udkast_in(&ws, &["log", "klima", "--json"])
            .ok()
            .matches("\"draft\"")
            .count(),
        1
    );
}

/// With `--lang da` the errors of the store and the domain read in Danish,
/// still one line and exit 1.
#[test]
fn errors_speak_danish_when_told() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let da = |args: &[&str]| {
        let mut all = vec!["--lang", "da"];
        all.extend_from_slice(args);
        env.udkast_in(&ws, &all)
    };
    da(&["show", "nope"])
        .user_error("der er ingen strategi \"nope\" i dette arbejdsområde (se `udkast list`)");
    da(&["show", "klima", "--draft", "7"])
        .user_error("strategien \"klima\" har intet udkast 7 (dens udkast er 1–1)");
    da(&["new", "ny", "--title", "x", "--kind", "roman"])
        .user_error("ukendt dokumenttype \"roman\" (brug strategy, workplan eller charter)");
    da(&["new", "../etc", "--title", "x"]).user_error("skal være et almindeligt mappenavn");

    let good = config(&env, &ws);
    commit_file(
        &env,
        &ws,
        "udkast.toml",
        good.replace("id = \"TMU\"", "id = \"DIR\"").as_bytes(),
    );
    da(&["list"]).user_error("organets id \"DIR\" findes to gange");
    assert_eq!(env.git(&ws, &["status", "--porcelain"]), "");
}
