//! Which language the command line speaks. It is needed before clap parses
//! the arguments (`--help` is in it), so `--lang` and `--repo` are first
//! read from the arguments as they are; once parsed, they are what clap
//! read, and the language is found again only if that differs.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::lang::Lang;

/// `--lang` and `--repo` as given, and the language they lead to.
pub(super) struct Spoken {
    flag: Option<String>,
    repo: Option<PathBuf>,
    pub lang: Lang,
}

impl Spoken {
    /// The language of `args` (the program's name first), read the way clap
    /// will: `--lang X` or `--lang=X` and `--repo P` or `--repo=P`, the last
    /// one of each, none after `--`.
    pub fn before_parsing(args: impl IntoIterator<Item = OsString>) -> Spoken {
        let (mut flag, mut repo) = (None, None);
        let mut args = args.into_iter().skip(1);
        while let Some(arg) = args.next() {
            if arg == "--" {
                break;
            }
            if arg == "--lang" {
                flag = args.next().map(|v| v.to_string_lossy().into_owned());
            } else if arg == "--repo" {
                repo = args.next().map(PathBuf::from);
            } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--lang=")) {
                flag = Some(value.to_string());
            } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--repo=")) {
                repo = Some(PathBuf::from(value));
            }
        }
        let lang = language(flag.as_deref(), repo.as_deref());
        Spoken { flag, repo, lang }
    }

    /// The language of the parsed `--lang` and `--repo`: the one found
    /// before parsing, unless clap read them otherwise (`-m --lang`).
    pub fn parsed(&self, flag: Option<&str>, repo: &Path) -> Lang {
        let same_repo = match &self.repo {
            Some(asked) => asked == repo,
            None => std::env::current_dir().is_ok_and(|here| here == repo),
        };
        if self.flag.as_deref() == flag && same_repo {
            self.lang
        } else {
            language(flag, Some(repo))
        }
    }
}

/// `--lang`, then the user's setting, then the workspace's (when `repo`,
/// else the current folder, is one), then the locale. The workspace is only
/// read: the store a command opens finishes any interrupted write.
pub(super) fn language(flag: Option<&str>, repo: Option<&Path>) -> Lang {
    let here = std::env::current_dir().ok();
    let workspace = repo
        .or(here.as_deref())
        .and_then(|repo| crate::store::Store::open_to_read(repo, &Default::default()).ok())
        .and_then(|store| store.config().ok())
        .map(|config| config.language);
    Lang::resolve(
        flag,
        crate::ui::keymap::user_language(&crate::dirs::config_dir()).as_deref(),
        workspace.as_deref(),
    )
}
