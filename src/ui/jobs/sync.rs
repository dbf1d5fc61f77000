//! A sync on the main worker: the use case with the job's cancel flag, its
//! steps on the status line, and a password or passphrase the remote asks
//! for asked in the TUI's own prompt (git's askpass is udkast itself, which
//! asks through a socket this worker listens on), never over the screen.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{Response, failed};
use crate::remote::Git;
use crate::store::{Cancel, Store};
use crate::usecase::SyncInput;

/// What the worker tells the screen while the sync runs.
pub type Tell = Arc<dyn Fn(Response) + Send + Sync>;

/// Runs a sync; `tell` (the worker's channel) gets its steps and askpass
/// prompts. Without it, a password is asked on the terminal.
pub fn run(store: &Store, input: &SyncInput, cancel: &Cancel, tell: Option<Tell>) -> Response {
    let mut git = Git::new(store.location());
    git.cancel = cancel.flag();
    let server = tell
        .clone()
        .and_then(|tell| Askpass::start(&store.private_dir(), tell));
    git.askpass_socket = server.as_ref().map(|s| s.path.clone());
    let mut progress = |step: &str| {
        if let Some(tell) = &tell {
            tell(Response::Progress(step.to_string()));
        }
    };
    let result = crate::usecase::sync(store, &git, input, &mut progress).map_err(failed);
    drop(server);
    Response::Synced(result)
}

/// A socket git's askpass (udkast itself) connects to: one line of prompt
/// in, one line of answer out, asked on screen meanwhile.
struct Askpass {
    path: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// How long a prompt waits for the person.
const ASK_FOR: Duration = Duration::from_secs(300);

impl Askpass {
    fn start(dir: &Path, tell: Tell) -> Option<Askpass> {
        let name = format!("askpass-{}.sock", std::process::id());
        // A socket's path is limited to about 100 bytes.
        let path = match dir.join(&name) {
            p if p.as_os_str().len() < 100 => p,
            _ => std::env::temp_dir().join(format!("udkast-{name}")),
        };
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path).ok()?;
        // Only this user may ask through it.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).ok()?;
        listener.set_nonblocking(true).ok()?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => serve(stream, &tell),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(25))
                    }
                    Err(_) => return,
                }
            }
        });
        Some(Askpass {
            path,
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Askpass {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

/// One prompt: asked on screen; the answer written back, or the
/// connection closed when the person declines (git then fails, saying so).
fn serve(stream: UnixStream, tell: &Tell) {
    if stream.set_nonblocking(false).is_err() {
        return;
    }
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut prompt = String::new();
    let Ok(mut reader) = stream.try_clone().map(BufReader::new) else {
        return;
    };
    if reader.read_line(&mut prompt).is_err() {
        return;
    }
    let (reply, answer) = std::sync::mpsc::channel();
    tell(Response::AskPass(prompt.trim_end().to_string(), reply));
    if let Ok(Some(answer)) = answer.recv_timeout(ASK_FOR) {
        let mut stream = stream;
        let _ = writeln!(stream, "{answer}");
    }
}

/// A background fetch: never asks for a password (it fails quietly
/// instead, and the next sync asks).
pub fn fetch(store: &Store) -> Result<Option<crate::usecase::SyncState>, super::Failed> {
    let mut git = Git::new(store.location());
    git.timeout = Duration::from_secs(60);
    git.no_prompt = true;
    crate::usecase::fetch(store, &git).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What git's askpass (udkast itself) gets back through the TUI's
    /// socket: the person's answer, or nothing when they declined (git then
    /// fails, saying so). The prompt reaches the screen as one line.
    #[test]
    fn a_password_is_asked_on_screen_and_answered_through_the_socket() {
        let dir = tempfile::tempdir().unwrap();
        let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = asked.clone();
        let tell: Tell = Arc::new(move |response| {
            if let Response::AskPass(prompt, reply) = response {
                let answer = (!prompt.contains("decline")).then(|| "hemmelig æøå".to_string());
                seen.lock().unwrap().push(prompt);
                reply.send(answer).unwrap();
            }
        });
        let server = Askpass::start(dir.path(), tell).expect("the socket opens");
        let path = server.path.clone();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let answer = crate::remote::ask_socket(&path, "Enter passphrase for key '/home/a/.ssh/id':\n");
        assert_eq!(answer.as_deref(), Some("hemmelig æøå"));
        assert_eq!(crate::remote::ask_socket(&path, "decline this"), None);
        assert_eq!(
            *asked.lock().unwrap(),
            vec![
                "Enter passphrase for key '/home/a/.ssh/id':".to_string(),
                "decline this".into()
            ]
        );
        drop(server);
        assert!(!path.exists(), "the socket goes with the sync");
    }
}
