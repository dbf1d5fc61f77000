//! A tiny harness for running the real `udkast` binary and plain `git` in a
//! throw-away workspace with its own HOME, so the user's configuration never
//! leaks in and the identity is known.

pub mod approvals;
pub mod pty;
pub mod servers;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const NAME: &str = "Aisha Karimi";
pub const EMAIL: &str = "aisha.karimi@aaby.dk";

pub struct Env {
    pub home: tempfile::TempDir,
    pub root: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            raw_stdout: out.stdout,
        }
    }

    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success, stderr: {}", self.stderr);
        &self.stdout
    }

    /// Asserts a user error: exit 1 and exactly one line on stderr containing `needle`.
    #[track_caller]
    pub fn user_error(&self, needle: &str) {
        assert_eq!(
            self.code, 1,
            "expected exit 1, got {} (stderr: {})",
            self.code, self.stderr
        );
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "one line on stderr: {:?}",
            self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "stderr {:?} should contain {:?}",
            self.stderr,
            needle
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }
}

impl Env {
    /// A new HOME with a git identity, and an empty folder for repositories.
    pub fn new() -> Env {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(
            home.path().join(".gitconfig"),
            format!("[user]\n\tname = {NAME}\n\temail = {EMAIL}\n[init]\n\tdefaultBranch = main\n"),
        )
        .unwrap();
        Env {
            home,
            root: tempfile::tempdir().unwrap(),
        }
    }

    /// A HOME without any git identity.
    pub fn anonymous() -> Env {
        let env = Env::new();
        std::fs::write(
            env.home.path().join(".gitconfig"),
            "[init]\n\tdefaultBranch = main\n",
        )
        .unwrap();
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    fn command(&self, program: &Path, cwd: &Path) -> Command {
        let mut c = Command::new(program);
        c.current_dir(cwd)
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .env("XDG_STATE_HOME", self.home.path().join(".state"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_AUTHOR_NAME")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_DIR")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("PAGER")
            .env_remove("UDKAST_PAGER")
            .env_remove("COLUMNS")
            // The user's agent and ssh settings stay out: the tests' own keys answer.
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("GIT_SSH")
            .env_remove("GIT_SSH_COMMAND");
        c
    }

    /// Plain git in `cwd` with this HOME, ready to run or spawn (and kill).
    pub fn git_command(&self, cwd: &Path) -> Command {
        self.command(Path::new("git"), cwd)
    }

    /// udkast in `cwd`, ready to run or spawn (and kill).
    /// Speaks English, whatever the workspace's language, unless the
    /// test's own `--lang` (which overrides this one) says otherwise.
    pub fn udkast_command(&self, cwd: &Path) -> Command {
        let mut c = self.command(Path::new(env!("CARGO_BIN_EXE_udkast")), cwd);
        c.args(["--lang", "en"]);
        c
    }

    /// Runs udkast in `cwd` with `args`.
    pub fn udkast_in(&self, cwd: &Path, args: &[&str]) -> Run {
        Run::from(self.udkast_command(cwd).args(args).output().unwrap())
    }

    /// Runs udkast in `cwd` with `args`, told the terminal is `columns` wide.
    pub fn udkast_columns(&self, cwd: &Path, columns: usize, args: &[&str]) -> Run {
        let mut command = self.udkast_command(cwd);
        command.env("COLUMNS", columns.to_string()).args(args);
        Run::from(command.output().unwrap())
    }

    /// Runs udkast in the root folder.
    pub fn udkast(&self, args: &[&str]) -> Run {
        self.udkast_in(self.root.path(), args)
    }

    /// Runs udkast with `input` on standard input.
    pub fn udkast_stdin(&self, cwd: &Path, args: &[&str], input: &[u8]) -> Run {
        use std::io::Write;
        let mut child = self
            .udkast_command(cwd)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        Run::from(child.wait_with_output().unwrap())
    }

    /// Runs plain git in `cwd`.
    #[track_caller]
    pub fn git(&self, cwd: &Path, args: &[&str]) -> String {
        let out = self.command(Path::new("git"), cwd).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A bare clone of `repo` named `name` in the root folder (a "server").
    pub fn clone_bare(&self, repo: &Path, name: &str) -> PathBuf {
        let bare = self.path(name);
        self.git(
            self.root.path(),
            &[
                "clone",
                "-q",
                "--bare",
                repo.to_str().unwrap(),
                bare.to_str().unwrap(),
            ],
        );
        bare
    }

    /// A workspace initialised by udkast, with one strategy `klima`.
    pub fn workspace(&self, name: &str) -> PathBuf {
        let dir = self.path(name);
        self.udkast(&["--repo", dir.to_str().unwrap(), "init"]).ok();
        self.udkast_in(&dir, &["new", "klima", "--title", "Klimaplan 2030"])
            .ok();
        dir
    }
}

/// A script in `dir` that runs this udkast in English: a server hook's
/// udkast would otherwise speak the workspace's Danish.
pub fn english_udkast(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let udkast = dir.join("udkast-en");
    let script = format!(
        "#!/bin/sh\nexec '{}' --lang en \"$@\"\n",
        env!("CARGO_BIN_EXE_udkast")
    );
    std::fs::write(&udkast, script).unwrap();
    std::fs::set_permissions(&udkast, std::fs::Permissions::from_mode(0o755)).unwrap();
    udkast
}
