//! Remotes the sync tests talk to over the network, on 127.0.0.1 only: a
//! `git daemon` and an `sshd` started by the test, each with a free port,
//! stopped when dropped; and the client side of SSH in the test's HOME.
//!
//! OpenSSH finds `~/.ssh` through the password database, not `$HOME`, so the
//! HOME's `.gitconfig` names its config with `core.sshCommand = ssh -F …`:
//! the user's own git settings, read by the git udkast runs, lead to the
//! user's own ssh settings (and nothing of the real user's leaks in).

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::Env;

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `port` accepts connections; panics with `log` if `child`
/// ends first or it takes too long.
fn wait_listening(port: u16, child: &mut Child, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        let log = || std::fs::read_to_string(log).unwrap_or_default();
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server ended ({status}) before listening: {}", log());
        }
        if Instant::now() > deadline {
            panic!("nothing listened on port {port}: {}", log());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A server process in a process group of its own, so stopping it stops
/// what it started too (a connection's git, a hook).
struct Server {
    child: Child,
}

impl Server {
    fn spawn(mut command: Command, log: &Path) -> Server {
        let log = std::fs::File::create(log).unwrap();
        let child = command
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        Server { child }
    }

    /// Kills the server's whole process group (it is its leader).
    fn kill(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .status();
            let _ = self.child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `git daemon` serving every repository under a folder, pushes allowed.
pub struct GitDaemon {
    server: Server,
    pub port: u16,
}

impl GitDaemon {
    pub fn start(env: &Env, base: &Path) -> GitDaemon {
        let port = free_port();
        let log = env.path(&format!("daemon-{port}.log"));
        let mut command = env.git_command(base);
        command.args([
            "daemon",
            "--reuseaddr",
            &format!("--base-path={}", base.display()),
            "--export-all",
            "--enable=receive-pack",
            &format!("--port={port}"),
            "--listen=127.0.0.1",
        ]);
        let mut server = Server::spawn(command, &log);
        wait_listening(port, &mut server.child, &log);
        GitDaemon { server, port }
    }

    /// `git://127.0.0.1:PORT/name`.
    pub fn url(&self, name: &str) -> String {
        format!("git://127.0.0.1:{}/{name}", self.port)
    }

    /// Stops the daemon and every connection it serves, as a crash would.
    pub fn kill(&mut self) {
        self.server.kill();
    }
}

/// Makes an ed25519 key pair at `path` (and `path.pub`) protected by
/// `passphrase` ("" for none).
pub fn keygen(path: &Path, passphrase: &str) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", passphrase, "-C", "udkast-test", "-f"])
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success(), "ssh-keygen failed");
}

/// An `sshd` on 127.0.0.1 that lets the current user in with one key.
pub struct Sshd {
    _server: Server,
    pub port: u16,
}

pub const SSHD: &str = "/usr/sbin/sshd";

impl Sshd {
    /// Starts sshd accepting `user_key` (its `.pub` beside it); `None`, with
    /// a message saying so, when sshd is not installed.
    pub fn start(env: &Env, user_key: &Path) -> Option<Sshd> {
        if !Path::new(SSHD).exists() {
            eprintln!("skipped: {SSHD} is not installed (apt-get install openssh-server)");
            return None;
        }
        let dir = env.path("sshd");
        std::fs::create_dir_all(&dir).unwrap();
        let host_key = dir.join("host_key");
        keygen(&host_key, "");
        let authorized = dir.join("authorized_keys");
        std::fs::copy(user_key.with_extension("pub"), &authorized).unwrap();
        // sshd started by root wants its privilege separation folder.
        let _ = std::fs::create_dir_all("/run/sshd");
        let port = free_port();
        let config = dir.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "ListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {auth}\n\
                 StrictModes no\nUsePAM no\nPidFile {pid}\nPasswordAuthentication no\n\
                 KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
                 PermitRootLogin prohibit-password\nLogLevel VERBOSE\n",
                host = host_key.display(),
                auth = authorized.display(),
                pid = dir.join("sshd.pid").display(),
            ),
        )
        .unwrap();
        let log = dir.join("sshd.log");
        let mut command = Command::new(SSHD);
        command
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .args(["-p", &port.to_string()]);
        let mut server = Server::spawn(command, &log);
        wait_listening(port, &mut server.child, &log);
        Some(Sshd {
            _server: server,
            port,
        })
    }
}

/// The client side in the Env's HOME: `~/.ssh/config` defines `alias` as
/// this server (with `key` and a known-hosts file of the HOME's own), and
/// git runs ssh with that config. Returns the known-hosts file.
pub fn ssh_client(env: &Env, alias: &str, port: u16, key: &Path) -> PathBuf {
    let ssh = env.home.path().join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    let known = ssh.join("known_hosts");
    let config = ssh.join("config");
    std::fs::write(
        &config,
        format!(
            "Host {alias}\n  HostName 127.0.0.1\n  Port {port}\n  IdentityFile {key}\n  \
             IdentitiesOnly yes\n  UserKnownHostsFile {known}\n  GlobalKnownHostsFile /dev/null\n  \
             StrictHostKeyChecking accept-new\n",
            key = key.display(),
            known = known.display(),
        ),
    )
    .unwrap();
    use_ssh_config(env, &config);
    known
}

/// Makes git in the Env's HOME run `ssh -F config` (appended to its
/// `.gitconfig`).
pub fn use_ssh_config(env: &Env, config: &Path) {
    let gitconfig = env.home.path().join(".gitconfig");
    let mut text = std::fs::read_to_string(&gitconfig).unwrap();
    text.push_str(&format!("[core]\n\tsshCommand = ssh -F {}\n", config.display()));
    std::fs::write(&gitconfig, text).unwrap();
}
