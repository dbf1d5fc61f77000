//! The network, through the user's own `git`: fetching and pushing run
//! `git fetch` / `git push` as child processes, so `~/.ssh/config`,
//! `GIT_SSH_COMMAND`, credential helpers and proxies work exactly as they do
//! for the user's own git (libgit2's SSH ignores them). Everything local
//! stays in the store.
//!
//! The child never reads the terminal: standard input is closed,
//! `GIT_TERMINAL_PROMPT=0`, and a password or passphrase is asked through
//! `GIT_ASKPASS` / `SSH_ASKPASS` pointing at udkast itself (`askpass`), which
//! asks the person in the TUI's own prompt or on the terminal.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::lang::{ErrMsg, t, tf};

/// The oldest git that has what sync uses (`push --porcelain`,
/// `fetch --porcelain`, `--no-write-fetch-head`).
pub const NEEDED: (u32, u32) = (2, 41);

/// Set in a child's environment: where its askpass asks (a socket of the
/// TUI, or the terminal when unset).
pub const ASKPASS_SOCKET: &str = "UDKAST_ASKPASS_SOCKET";
/// Set in a child's environment when nobody may be asked (the TUI's
/// background fetch): the askpass declines at once.
pub const ASKPASS_NEVER: &str = "UDKAST_ASKPASS_NEVER";
/// Set in a child's environment so udkast, started as `GIT_ASKPASS`, knows
/// it is the askpass and not a command.
pub const ASKPASS_MARK: &str = "UDKAST_ASKPASS";

/// Why talking to the remote failed: one sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemoteError {
    #[error("{}", tf(ErrMsg::RemoteNoGit, &[("version", &needed())]))]
    NoGit,
    #[error("{}", tf(ErrMsg::RemoteOldGit, &[("version", &needed()), ("found", .0)]))]
    OldGit(String),
    #[error("{}", said(ErrMsg::RemoteUnreachable, .remote, .detail))]
    Unreachable { remote: String, detail: String },
    #[error("{}", said(ErrMsg::RemoteLoginRefused, .remote, .detail))]
    Authentication { remote: String, detail: String },
    #[error("{}", said(ErrMsg::RemotePushRejected, .remote, .detail))]
    Rejected { remote: String, detail: String },
    /// The remote's branch moved since it was fetched (someone pushed).
    #[error("{}", said(ErrMsg::RemoteBehind, .remote, ""))]
    Behind { remote: String },
    #[error("{}", tf(ErrMsg::RemoteTimedOut, &[("remote", .remote), ("seconds", &.after.as_secs())]))]
    TimedOut { remote: String, after: Duration },
    #[error("{}", t(ErrMsg::RemoteCancelled))]
    Cancelled,
    #[error("{}", tf(ErrMsg::GitCommandFailed, &[("command", .what), ("message", .detail)]))]
    Failed { what: String, detail: String },
}

/// The git udkast sync needs, as `2.41`.
fn needed() -> String {
    format!("{}.{}", NEEDED.0, NEEDED.1)
}

/// A sentence about `remote`, with git's `detail` where it says one.
fn said(msg: ErrMsg, remote: &str, detail: &str) -> String {
    tf(msg, &[("remote", &remote), ("detail", &detail)])
}

/// Runs the user's git in one repository.
#[derive(Debug, Clone)]
pub struct Git {
    pub repo: PathBuf,
    /// The longest a fetch or push may take.
    pub timeout: Duration,
    /// Set by another thread to stop the child.
    pub cancel: Arc<AtomicBool>,
    /// Where a password is asked: the TUI's socket (`None`: the terminal).
    pub askpass_socket: Option<PathBuf>,
    /// Never ask (a background fetch): a remote that wants a password fails.
    pub no_prompt: bool,
}

/// One ref a push reported (`git push --porcelain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub flag: char,
    pub to: String,
    pub summary: String,
}

impl Git {
    pub fn new(repo: &Path) -> Git {
        Git {
            repo: repo.to_path_buf(),
            timeout: Duration::from_secs(120),
            cancel: Arc::default(),
            askpass_socket: None,
            no_prompt: false,
        }
    }

    /// The installed git's version, refused when older than [`NEEDED`].
    pub fn check_version(&self) -> Result<(u32, u32), RemoteError> {
        let out = Command::new("git")
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|_| RemoteError::NoGit)?;
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let version = parse_version(&text).ok_or_else(|| RemoteError::OldGit(text.clone()))?;
        if version < NEEDED {
            return Err(RemoteError::OldGit(text));
        }
        Ok(version)
    }

    /// Fetches `refspecs` from `remote`.
    pub fn fetch(&self, remote: &str, refspecs: &[String]) -> Result<(), RemoteError> {
        let mut args = vec![
            "fetch".to_string(),
            "--porcelain".into(),
            "--no-tags".into(),
            "--no-write-fetch-head".into(),
            "--no-auto-gc".into(),
            "--prune".into(),
            remote.to_string(),
        ];
        args.extend(refspecs.iter().cloned());
        let (ok, _, stderr) = self.run(remote, &args)?;
        match ok {
            true => Ok(()),
            false => Err(classify(remote, "fetch", &stderr)),
        }
    }

    /// Pushes `refspecs` to `remote`: what each ref did, or why the push
    /// was refused (a server hook's own message included).
    pub fn push(&self, remote: &str, refspecs: &[String]) -> Result<Vec<Pushed>, RemoteError> {
        let mut args = vec![
            "push".to_string(),
            "--porcelain".into(),
            "--atomic".into(),
            remote.to_string(),
        ];
        args.extend(refspecs.iter().cloned());
        let (ok, stdout, stderr) = self.run(remote, &args)?;
        let pushed = parse_push(&stdout);
        if ok {
            return Ok(pushed);
        }
        let rejected: Vec<&Pushed> = pushed.iter().filter(|p| p.flag == '!').collect();
        if rejected
            .iter()
            .any(|p| p.summary.contains("fetch first") || p.summary.contains("non-fast-forward"))
        {
            return Err(RemoteError::Behind {
                remote: remote.to_string(),
            });
        }
        // A hook's words come as "remote: …" lines.
        let said: Vec<&str> = stderr
            .lines()
            .filter_map(|l| l.strip_prefix("remote:"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !said.is_empty() && !rejected.is_empty() {
            return Err(RemoteError::Rejected {
                remote: remote.to_string(),
                detail: said.join(" "),
            });
        }
        if let Some(first) = rejected.first() {
            return Err(RemoteError::Rejected {
                remote: remote.to_string(),
                detail: first.summary.clone(),
            });
        }
        Err(classify(remote, "push", &stderr))
    }

    /// Runs git with the environment that keeps it off the terminal; stops
    /// it on timeout or cancel. Returns success, stdout and stderr.
    fn run(&self, remote: &str, args: &[String]) -> Result<(bool, String, String), RemoteError> {
        let exe = std::env::current_exe().ok();
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.repo)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .env("SSH_ASKPASS_REQUIRE", "force");
        if let Some(exe) = &exe {
            command
                .env("GIT_ASKPASS", exe)
                .env("SSH_ASKPASS", exe)
                .env(ASKPASS_MARK, "1");
        }
        match &self.askpass_socket {
            Some(socket) => command.env(ASKPASS_SOCKET, socket),
            None => command.env_remove(ASKPASS_SOCKET),
        };
        if self.no_prompt {
            command.env(ASKPASS_NEVER, "1");
        }
        let mut child = command.spawn().map_err(|_| RemoteError::NoGit)?;
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().map_err(|e| failed(args, e))? {
                break status;
            }
            if self.cancel.load(Ordering::Relaxed) {
                stop(&mut child);
                return Err(RemoteError::Cancelled);
            }
            if started.elapsed() > self.timeout {
                stop(&mut child);
                return Err(RemoteError::TimedOut {
                    remote: remote.to_string(),
                    after: self.timeout,
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let out = stdout.join().unwrap_or_default();
        let err = stderr.join().unwrap_or_default();
        Ok((status.success(), out, err))
    }
}

fn failed(args: &[String], e: std::io::Error) -> RemoteError {
    RemoteError::Failed {
        what: args.first().cloned().unwrap_or_default(),
        detail: e.to_string(),
    }
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads a pipe to the end on a thread of its own (so a full pipe never
/// stalls the child).
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut text);
        }
        String::from_utf8_lossy(&text).into_owned()
    })
}

/// "git version 2.47.3" → (2, 47).
pub fn parse_version(text: &str) -> Option<(u32, u32)> {
    let version = text.strip_prefix("git version ")?;
    let mut parts = version.split(|c: char| !c.is_ascii_digit());
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// `git push --porcelain` output: `<flag>\t<from>:<to>\t<summary>` lines.
pub fn parse_push(stdout: &str) -> Vec<Pushed> {
    stdout
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let flag = fields.next()?.chars().next()?;
            let refs = fields.next()?;
            let summary = fields.next().unwrap_or("").to_string();
            let to = refs.rsplit_once(':').map_or(refs, |(_, to)| to).to_string();
            Some(Pushed { flag, to, summary })
        })
        .collect()
}

/// Git's own words on why it failed, as one of our sentences.
fn classify(remote: &str, what: &str, stderr: &str) -> RemoteError {
    let lower = stderr.to_lowercase();
    let detail = last_words(stderr);
    let remote = remote.to_string();
    if lower.contains("permission denied")
        || lower.contains("authentication failed")
        || lower.contains("could not read username")
        || lower.contains("could not read password")
        || lower.contains("host key verification failed")
    {
        return RemoteError::Authentication { remote, detail };
    }
    if lower.contains("could not resolve")
        || lower.contains("connection refused")
        || lower.contains("could not connect")
        || lower.contains("failed to connect")
        || lower.contains("no route to host")
        || lower.contains("connection timed out")
        || lower.contains("unable to connect")
        || lower.contains("does not appear to be a git repository")
        || lower.contains("not found")
        || lower.contains("the remote end hung up")
        || lower.contains("connection closed")
        || lower.contains("broken pipe")
    {
        return RemoteError::Unreachable { remote, detail };
    }
    RemoteError::Failed {
        what: what.to_string(),
        detail,
    }
}

/// The lines git ended with that say what went wrong ("fatal: …",
/// "error: …"), inert and on one line.
fn last_words(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
        .collect();
    // A telling line that ends in ':' goes on in the next ("unable to
    // connect to 127.0.0.1:" / "…: errno=Connection refused").
    let mut telling: Vec<String> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("fatal:") || l.starts_with("error:") || l.starts_with("ssh:") {
            match (l.ends_with(':'), lines.get(i + 1)) {
                (true, Some(next)) => telling.push(format!("{l} {next}")),
                _ => telling.push(l.to_string()),
            }
        }
    }
    let chosen: Vec<String> = if telling.is_empty() {
        lines.last().map(|l| l.to_string()).into_iter().collect()
    } else {
        telling
    };
    let text = chosen
        .iter()
        .map(|l| l.trim_start_matches("fatal:").trim_start_matches("error:").trim())
        .collect::<Vec<_>>()
        .join("; ");
    crate::text::inert(&text).into_owned()
}

/// udkast started as git's or ssh's askpass: asks `prompt` through the
/// TUI's socket when there is one, else on the terminal, and prints the
/// answer for git. Returns the exit code.
pub fn askpass(prompt: &str) -> i32 {
    if std::env::var_os(ASKPASS_NEVER).is_some() {
        return 1;
    }
    let answer = match std::env::var_os(ASKPASS_SOCKET) {
        Some(socket) => ask_socket(Path::new(&socket), prompt),
        None => ask_terminal(prompt),
    };
    match answer {
        Some(answer) => {
            println!("{answer}");
            0
        }
        None => 1,
    }
}

/// The TUI's side: one line of prompt out, one line of answer back (an
/// empty connection closed: cancelled).
pub fn ask_socket(socket: &Path, prompt: &str) -> Option<String> {
    use std::io::{BufRead, BufReader, Write};
    let mut stream = std::os::unix::net::UnixStream::connect(socket).ok()?;
    let prompt = prompt.replace(['\n', '\r'], " ");
    writeln!(stream, "{prompt}").ok()?;
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).ok()?;
    let answer = answer.strip_suffix('\n')?;
    Some(answer.to_string())
}

/// On the controlling terminal, without echo (as ssh asks).
fn ask_terminal(prompt: &str) -> Option<String> {
    use std::io::{BufRead, Write};
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    write!(tty, "{}", crate::text::inert(prompt)).ok()?;
    tty.flush().ok()?;
    let stty = |arg: &str| {
        Command::new("stty")
            .arg(arg)
            .stdin(tty.try_clone().map(Stdio::from).unwrap_or(Stdio::null()))
            .status()
    };
    let _ = stty("-echo");
    let mut answer = String::new();
    let read = std::io::BufReader::new(tty.try_clone().ok()?).read_line(&mut answer);
    let _ = stty("echo");
    let _ = writeln!(tty);
    read.ok()?;
    Some(answer.trim_end_matches(['\n', '\r']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_and_compared() {
        assert_eq!(parse_version("git version 2.47.3"), Some((2, 47)));
        assert_eq!(parse_version("git version 2.39.5 (Apple Git-154)"), Some((2, 39)));
        assert!(parse_version("git version 2.39.5").unwrap() < NEEDED);
        assert_eq!(parse_version("hg 6"), None);
    }

    #[test]
    fn push_lines_are_read() {
        let out = "To /tmp/remote.git\n \trefs/heads/main:refs/heads/main\t4a1b..5c2d\n!\trefs/heads/x:refs/heads/x\t[rejected] (fetch first)\nDone\n";
        let pushed = parse_push(out);
        assert_eq!(pushed.len(), 2, "{pushed:?}");
        assert_eq!(pushed[0].flag, ' ');
        assert_eq!(pushed[0].to, "refs/heads/main");
        assert_eq!(pushed[1].flag, '!');
        assert!(pushed[1].summary.contains("fetch first"));
    }

    #[test]
    fn git_failures_become_sentences() {
        let refused = classify(
            "origin",
            "fetch",
            "ssh: connect to host 127.0.0.1 port 1: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\n",
        );
        assert!(matches!(refused, RemoteError::Unreachable { .. }), "{refused:?}");
        assert!(
            refused
                .to_string()
                .starts_with("cannot reach origin: ssh: connect to host"),
            "{refused}"
        );
        let denied = classify(
            "origin",
            "fetch",
            "git@host: Permission denied (publickey).\nfatal: Could not read from remote repository.\n",
        );
        assert!(matches!(denied, RemoteError::Authentication { .. }), "{denied:?}");
        let escape = classify("origin", "push", "fatal: bad \x1b[31m thing\n");
        assert!(!escape.to_string().contains('\x1b'));
        let daemon = classify(
            "origin",
            "fetch",
            "fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused\n",
        );
        assert!(
            daemon.to_string().ends_with("errno=Connection refused"),
            "{daemon}"
        );
    }
}
