//! The user's own folders (XDG on Linux): where udkast keeps autosaves, kept
//! conflict texts and its configuration. Outside any repository on purpose.

use std::path::PathBuf;

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "udkast")
}

/// `$XDG_STATE_HOME/udkast` (or the platform's equivalent).
pub fn state_dir() -> PathBuf {
    match project() {
        Some(p) => p.state_dir().unwrap_or(p.data_local_dir()).to_path_buf(),
        None => std::env::temp_dir().join("udkast-state"),
    }
}

/// `$XDG_CONFIG_HOME/udkast`.
pub fn config_dir() -> PathBuf {
    match project() {
        Some(p) => p.config_dir().to_path_buf(),
        None => std::env::temp_dir().join("udkast-config"),
    }
}
