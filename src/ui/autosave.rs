//! Nothing typed is lost: the editor's text is written to the user's state
//! folder (`$XDG_STATE_HOME/udkast/autosave/<workspace>/<slug>.<session>.md`,
//! with a small `.toml` beside it naming the draft it was made on) atomically,
//! within a second of each change and on SIGHUP, SIGTERM and panic. Each
//! editing session has its own files, so two editors of the same user (two SSH
//! logins) never remove or overwrite each other's text. Reopening the document
//! offers back each one that differs from the latest draft, newest first.
//!
//! Presence files in `.git/udkast/editing/` let two udkast processes editing
//! the same document warn each other.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::Slug;
use crate::store::write_atomically;

/// Where one workspace's autosaves live: named after the repository folder and
/// a hash of its full path, so two clones never share autosaves.
pub fn workspace_dir(state_dir: &Path, git_dir: &Path) -> PathBuf {
    let canonical = git_dir.canonicalize().unwrap_or(git_dir.to_path_buf());
    let text = canonical.to_string_lossy();
    let hash = crate::store::text_id(text.as_bytes())[..10].to_string();
    let name = canonical
        .parent()
        .filter(|_| canonical.ends_with(".git"))
        .unwrap_or(&canonical)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    state_dir.join("autosave").join(format!("{name}-{hash}"))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutosaveMeta {
    pub format: u32,
    /// The commit the edited text was loaded from.
    pub base: String,
    pub draft: usize,
    /// When it was written (RFC 3339).
    pub written: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    pub text: String,
    pub meta: AutosaveMeta,
    /// The editing session that wrote it (empty: a file from before sessions).
    pub session: String,
}

/// A new editing session's name: host, process and start time, so it is
/// unique across logins and restarts.
pub fn new_session() -> String {
    let ms = jiff::Timestamp::now().as_millisecond();
    let host: String = host()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    format!("{host}-{}-{ms}", std::process::id())
}

fn paths(dir: &Path, slug: &Slug, session: &str) -> (PathBuf, PathBuf) {
    let stem = match session {
        "" => slug.to_string(),
        session => format!("{slug}.{session}"),
    };
    (dir.join(format!("{stem}.md")), dir.join(format!("{stem}.toml")))
}

/// Writes the text and its meta atomically (meta first: a text without meta is
/// still recovered; a meta without text is ignored).
pub fn write(
    dir: &Path,
    slug: &Slug,
    session: &str,
    text: &str,
    base: &str,
    draft: usize,
) -> Result<(), String> {
    let (text_path, meta_path) = paths(dir, slug, session);
    let meta = AutosaveMeta {
        format: 1,
        base: base.into(),
        draft,
        written: jiff::Zoned::now().strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    };
    let meta_text = toml::to_string(&meta).map_err(|e| e.to_string())?;
    write_atomically(&meta_path, meta_text.as_bytes()).map_err(|e| e.to_string())?;
    write_atomically(&text_path, text.as_bytes()).map_err(|e| e.to_string())
}

/// One session's autosave of a document, if there is one.
fn read(dir: &Path, slug: &Slug, session: &str) -> Option<Autosave> {
    let (text_path, meta_path) = paths(dir, slug, session);
    let text = std::fs::read_to_string(text_path).ok()?;
    let meta = std::fs::read_to_string(meta_path)
        .ok()
        .and_then(|m| toml::from_str(&m).ok())
        .unwrap_or(AutosaveMeta {
            format: 1,
            base: String::new(),
            draft: 0,
            written: String::new(),
        });
    Some(Autosave {
        text,
        meta,
        session: session.to_string(),
    })
}

/// Every autosave of a document but those of sessions still editing it on
/// this machine, newest first.
/// The documents with text kept in an autosave (never saved as a draft),
/// by slug: what the overview marks.
pub fn unsaved(dir: &Path) -> std::collections::BTreeSet<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Default::default();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // `<slug>.<session>.md` (or the old `<slug>.md`): a slug holds no dot.
            let stem = name.strip_suffix(".md")?;
            Some(stem.split('.').next()?.to_string())
        })
        .collect()
}

pub fn read_all(dir: &Path, slug: &Slug) -> Vec<Autosave> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let prefix = format!("{slug}.");
    let mut found: Vec<Autosave> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let session = name.strip_prefix(&prefix)?.strip_suffix(".md")?;
            // A slug never holds a dot, so `<slug>.md` is the old single file.
            (!session.contains('.') && !still_editing(session)).then(|| session.to_string())
        })
        .chain(std::iter::once(String::new()))
        .filter_map(|session| read(dir, slug, &session))
        .collect();
    found.sort_by(|a, b| b.meta.written.cmp(&a.meta.written));
    found
}

/// Whether `session` is a live process of this machine other than this one.
fn still_editing(session: &str) -> bool {
    let mut parts = session.rsplitn(3, '-');
    let (_, pid) = (parts.next(), parts.next().and_then(|p| p.parse::<u32>().ok()));
    let host_part: String = host()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    match (pid, parts.next()) {
        (Some(pid), Some(host)) => {
            host == host_part && pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists()
        }
        _ => false,
    }
}

pub fn remove(dir: &Path, slug: &Slug, session: &str) {
    let (text_path, meta_path) = paths(dir, slug, session);
    let _ = std::fs::remove_file(text_path);
    let _ = std::fs::remove_file(meta_path);
}

/// Another process editing the same document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub who: String,
    pub host: String,
    pub pid: u32,
    pub since: String,
}

fn host() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "localhost".into())
}

fn presence_dir(git_dir: &Path) -> PathBuf {
    git_dir.join("udkast").join("editing")
}

/// Announces that this process edits `slug`; returns the file to remove later.
pub fn announce(git_dir: &Path, slug: &Slug, who: &str) -> Option<PathBuf> {
    let me = Presence {
        who: who.into(),
        host: host(),
        pid: std::process::id(),
        since: jiff::Zoned::now().strftime("%H:%M").to_string(),
    };
    let path = presence_dir(git_dir).join(format!("{slug}.{}.{}.toml", me.host, me.pid));
    let text = toml::to_string(&me).ok()?;
    write_atomically(&path, text.as_bytes()).ok()?;
    Some(path)
}

/// Others editing `slug` now. Files left by dead processes on this host are
/// removed on the way.
pub fn others(git_dir: &Path, slug: &Slug) -> Vec<Presence> {
    let Ok(entries) = std::fs::read_dir(presence_dir(git_dir)) else {
        return Vec::new();
    };
    let prefix = format!("{slug}.");
    let (my_host, my_pid) = (host(), std::process::id());
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(&prefix) || !name.ends_with(".toml") {
            continue;
        }
        let Some(p) = std::fs::read_to_string(entry.path())
            .ok()
            .and_then(|t| toml::from_str::<Presence>(&t).ok())
        else {
            continue;
        };
        if p.host == my_host && p.pid == my_pid {
            continue;
        }
        if p.host == my_host && !Path::new(&format!("/proc/{}", p.pid)).exists() {
            let _ = std::fs::remove_file(entry.path());
            continue;
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autosave_round_trip_and_removal() {
        let dir = tempfile::tempdir().unwrap();
        let slug = Slug::parse("klima").unwrap();
        assert!(read_all(dir.path(), &slug).is_empty());
        write(dir.path(), &slug, "host-1-0", "tekst\r\nmed æøå\n", "abc", 3).unwrap();
        let saved = read_all(dir.path(), &slug);
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].text, "tekst\r\nmed æøå\n");
        assert_eq!((saved[0].meta.base.as_str(), saved[0].meta.draft), ("abc", 3));
        remove(dir.path(), &slug, "host-1-0");
        assert!(read_all(dir.path(), &slug).is_empty());
    }

    /// Two editors of the same user: a save (which removes the saver's
    /// autosave) leaves the other's unsaved text, and a reopened document
    /// offers every session's text, but never that of a session still running.
    #[test]
    fn each_editing_session_keeps_its_own_autosave() {
        let dir = tempfile::tempdir().unwrap();
        let slug = Slug::parse("klima").unwrap();
        let (a, b) = ("otherhost-11-1", "otherhost-12-2");
        write(dir.path(), &slug, a, "A's text\n", "abc", 3).unwrap();
        write(dir.path(), &slug, b, "B's text\n", "abc", 3).unwrap();
        remove(dir.path(), &slug, a);
        let left: Vec<String> = read_all(dir.path(), &slug).into_iter().map(|s| s.text).collect();
        assert_eq!(left, ["B's text\n"]);
        // An autosave from before sessions is still offered.
        std::fs::write(dir.path().join("klima.md"), "old\n").unwrap();
        assert_eq!(read_all(dir.path(), &slug).len(), 2);
        // A live editor on this machine (this very test's parent process) is not offered.
        let live = format!(
            "{}-{}-3",
            host()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .collect::<String>(),
            std::os::unix::process::parent_id()
        );
        write(dir.path(), &slug, &live, "live\n", "abc", 3).unwrap();
        assert!(read_all(dir.path(), &slug).iter().all(|s| s.text != "live\n"));
    }

    #[test]
    fn presence_sees_live_others_and_drops_dead_ones() {
        let git = tempfile::tempdir().unwrap();
        let slug = Slug::parse("klima").unwrap();
        let mine = announce(git.path(), &slug, "Me").unwrap();
        assert!(others(git.path(), &slug).is_empty(), "I am not an other");
        let dir = presence_dir(git.path());
        let live = Presence {
            who: "Jonas".into(),
            host: host(),
            pid: 1,
            since: "10:00".into(),
        };
        std::fs::write(
            dir.join(format!("klima.{}.1.toml", host())),
            toml::to_string(&live).unwrap(),
        )
        .unwrap();
        let dead = Presence {
            pid: u32::MAX - 1,
            ..live.clone()
        };
        let dead_path = dir.join(format!("klima.{}.{}.toml", host(), dead.pid));
        std::fs::write(&dead_path, toml::to_string(&dead).unwrap()).unwrap();
        assert_eq!(others(git.path(), &slug), vec![live]);
        assert!(!dead_path.exists());
        std::fs::remove_file(mine).unwrap();
    }

    #[test]
    fn workspace_dirs_differ_per_clone() {
        let state = Path::new("/state");
        let a = workspace_dir(state, Path::new("/srv/a/ws/.git"));
        let b = workspace_dir(state, Path::new("/srv/b/ws/.git"));
        assert_ne!(a, b);
        assert!(a.file_name().unwrap().to_string_lossy().starts_with("ws-"));
    }
}
