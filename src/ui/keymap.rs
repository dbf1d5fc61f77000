//! Keymaps: TOML tables that map keys (`"ctrl-s"`, `"alt-1"`, `"g g"`) to action
//! names, per context. `keymaps/default.toml` and `keymaps/vim.toml` are embedded;
//! the user picks one and overrides single bindings in
//! `$XDG_CONFIG_HOME/udkast/config.toml`. Unknown actions and malformed keys are
//! errors at start, naming the file, table and key.

use crate::lang::{Msg, t, tf};
use std::collections::BTreeMap;
use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::actions::{Action, Context};

pub const DEFAULT: &str = include_str!("../../keymaps/default.toml");
pub const VIM: &str = include_str!("../../keymaps/vim.toml");

/// One key with its modifiers, normalised so that `G` and `shift-g` are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Chord {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // The character already says whether shift was held.
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Chord { code, mods }
    }

    pub fn from_event(key: &KeyEvent) -> Chord {
        Chord::new(key.code, key.modifiers)
    }

    /// Parses one key such as `ctrl-s`, `alt-1`, `shift-left`, `f5`, `?`, `-`.
    pub fn parse(s: &str) -> Result<Chord, String> {
        let mut rest = s;
        let mut mods = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            mods |= flag;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => return Err(tf(Msg::KeyNotAKey, &[("key", &crate::text::inert(s))])),
            },
        };
        if matches!(code, KeyCode::Char(c) if c.is_control()) {
            return Err(tf(Msg::KeyNotAKey, &[("key", &crate::text::inert(s))]));
        }
        Ok(Chord::new(code, mods))
    }
}

/// Two bindings of one table that are the same keys (`ctrl-z` and
/// `ctrl-shift-z`: with Ctrl, a terminal sends a letter the same with or
/// without Shift) would let the later one silently replace the earlier: an
/// error naming both lines.
fn check_collisions(file: &str, text: &str, table: &str, entries: &[(String, String)]) -> Result<(), String> {
    let mut seen: Vec<(&str, Keys)> = Vec::new();
    for (keys, _) in entries {
        let parsed = parse_keys(keys).map_err(|e| format!("{file}: [{table}] {e}"))?;
        if let Some((earlier, _)) = seen.iter().find(|(_, k)| *k == parsed) {
            let line = |key: &str| line_of(text, table, key).map_or(String::new(), |n| format!(":{n}"));
            return Err(tf(
                Msg::KeySame,
                &[
                    ("file", &file),
                    ("line", &line(keys)),
                    ("table", &table),
                    ("key", &crate::text::inert(keys)),
                    ("earlier", &crate::text::inert(earlier)),
                    ("earlier_line", &line(earlier)),
                ],
            ));
        }
        seen.push((keys, parsed));
    }
    Ok(())
}

/// The line (1-based) of `key = …` in `[table]` of a keymap file's text.
fn line_of(text: &str, table: &str, key: &str) -> Option<usize> {
    let header = format!("[{table}]");
    let start = text.lines().position(|l| l.trim() == header)?;
    let quoted = format!("\"{key}\"");
    text.lines()
        .enumerate()
        .skip(start + 1)
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            let l = l.trim_start();
            l.starts_with(&quoted) || l.starts_with(&format!("{key} ")) || l.starts_with(&format!("{key}="))
        })
        .map(|(n, _)| n + 1)
}

/// A binding: a key or a sequence of keys (`"d d"`).
pub type Keys = Vec<Chord>;

fn parse_keys(s: &str) -> Result<Keys, String> {
    let keys: Vec<&str> = if s == " " {
        vec!["space"]
    } else {
        s.split(' ').filter(|k| !k.is_empty()).collect()
    };
    if keys.is_empty() {
        return Err(t(Msg::KeyEmpty).into());
    }
    keys.into_iter().map(Chord::parse).collect()
}

/// What a sequence of pressed keys means in a context.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys begin a longer binding: wait for the next key.
    Prefix,
    None,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    pub name: String,
    /// Per context: (keys as written, parsed keys, action), in file order.
    bindings: BTreeMap<Context, Vec<(String, Keys, Action)>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserConfig {
    keymap: Option<String>,
    #[serde(default)]
    keys: toml::Table,
    /// Read by [`fetch_every`].
    #[serde(default)]
    sync: Option<SyncSettings>,
    /// Read by [`user_language`].
    language: Option<String>,
}

/// `[sync]` in `config.toml`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SyncSettings {
    /// Fetch from the team's remote in the background this often (off
    /// when absent or 0); the branch is never moved by it.
    fetch_every_minutes: Option<u64>,
}

/// How often the TUI fetches in the background (`[sync]
/// fetch_every_minutes` in `config.toml`), `None`: never.
/// `language = "en"` in the user's `config.toml`: the screens' language
/// whatever the workspace says.
pub fn user_language(config_dir: &Path) -> Option<String> {
    user_config(config_dir)?.language
}

/// The user's `config.toml`, when it can be read (`Keymap::load_user` says
/// what is wrong with it).
fn user_config(config_dir: &Path) -> Option<UserConfig> {
    let text = std::fs::read_to_string(config_dir.join("config.toml")).ok()?;
    toml::from_str(&text).ok()
}

pub fn fetch_every(config_dir: &Path) -> Option<std::time::Duration> {
    let minutes = user_config(config_dir)?
        .sync?
        .fetch_every_minutes
        .filter(|m| *m > 0)?;
    Some(std::time::Duration::from_secs(minutes * 60))
}

impl Keymap {
    /// Parses a keymap file's text. `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Keymap, String> {
        // Tables keep the file's order (toml's preserve_order), so help reads like the file.
        let tables: toml::Table = toml::from_str(text)
            .map_err(|e| crate::domain::Invalid::from_toml(file, text, &e).to_string())?;
        let mut map = Keymap {
            name: file.to_string(),
            ..Keymap::default()
        };
        for (table, value) in tables {
            if table == "name" {
                map.name = value.as_str().unwrap_or(file).to_string();
                continue;
            }
            let entries = value
                .as_table()
                .ok_or_else(|| tf(Msg::KeyTableShape, &[("file", &file), ("table", &table)]))?;
            let flat: Vec<(String, String)> = entries
                .iter()
                .map(|(k, v)| {
                    let action = v.as_str().ok_or_else(|| {
                        tf(
                            Msg::KeyActionString,
                            &[
                                ("file", &file),
                                ("table", &table),
                                ("key", &crate::text::inert(k)),
                            ],
                        )
                    })?;
                    Ok((k.clone(), action.to_string()))
                })
                .collect::<Result<_, String>>()?;
            map.add_table(file, &table, &flat)?;
            check_collisions(file, text, &table, &flat)?;
        }
        Ok(map)
    }

    fn add_table(&mut self, file: &str, table: &str, entries: &[(String, String)]) -> Result<(), String> {
        let context = Context::from_table(table).ok_or_else(|| {
            let known: Vec<&str> = Context::ALL.iter().map(|c| c.table()).collect();
            tf(
                Msg::KeyUnknownTable,
                &[("file", &file), ("table", &table), ("known", &known.join(", "))],
            )
        })?;
        for (keys, action_name) in entries {
            let parsed = parse_keys(keys).map_err(|e| format!("{file}: [{table}] {e}"))?;
            let action = Action::from_name(action_name).ok_or_else(|| {
                tf(
                    Msg::KeyUnknownAction,
                    &[
                        ("file", &file),
                        ("table", &table),
                        ("key", &crate::text::inert(keys)),
                        ("action", &crate::text::inert(action_name)),
                    ],
                )
            })?;
            if !action.applies_in(context) {
                let applies: Vec<&str> = action.contexts().iter().map(|c| c.table()).collect();
                return Err(tf(
                    Msg::KeyNotHere,
                    &[
                        ("file", &file),
                        ("table", &table),
                        ("key", &crate::text::inert(keys)),
                        ("action", &action_name),
                        ("applies", &applies.join("], [")),
                    ],
                ));
            }
            let list = self.bindings.entry(context).or_default();
            list.retain(|(_, k, _)| *k != parsed);
            list.push((keys.clone(), parsed, action));
        }
        Ok(())
    }

    /// The keymap the user chose, with their overrides, from `config.toml` in
    /// `config_dir` (absent: the default keymap).
    pub fn load_user(config_dir: &Path) -> Result<Keymap, String> {
        let path = config_dir.join("config.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Keymap::parse("default", DEFAULT),
            Err(e) => {
                return Err(tf(
                    Msg::KeyCannotRead,
                    &[("path", &path.display()), ("error", &e)],
                ));
            }
        };
        let shown = path.display().to_string();
        let config: UserConfig = toml::from_str(&text)
            .map_err(|e| crate::domain::Invalid::from_toml(&shown, &text, &e).to_string())?;
        let mut map = match config.keymap.as_deref() {
            None | Some("default") => Keymap::parse("default", DEFAULT)?,
            Some("vim") => Keymap::parse("vim", VIM)?,
            Some(other) => {
                let file = config_dir.join(other);
                let text = std::fs::read_to_string(&file).map_err(|e| {
                    tf(
                        Msg::KeyKeymapUnreadable,
                        &[
                            ("file", &shown),
                            ("name", &crate::text::inert(other)),
                            ("path", &file.display()),
                            ("error", &e),
                        ],
                    )
                })?;
                Keymap::parse(&file.display().to_string(), &text)?
            }
        };
        for (table, entries) in &config.keys {
            let entries: Vec<(String, String)> = entries
                .as_table()
                .ok_or_else(|| tf(Msg::KeyKeysShape, &[("file", &shown), ("table", &table)]))?
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect();
            map.add_table(&shown, table, &entries)?;
        }
        Ok(map)
    }

    pub fn lookup(&self, context: Context, keys: &[Chord]) -> Lookup {
        let Some(list) = self.bindings.get(&context) else {
            return Lookup::None;
        };
        if let Some((_, _, action)) = list.iter().find(|(_, k, _)| k == keys) {
            return Lookup::Action(*action);
        }
        if list
            .iter()
            .any(|(_, k, _)| k.len() > keys.len() && k.starts_with(keys))
        {
            return Lookup::Prefix;
        }
        Lookup::None
    }

    /// Whether this keymap has a normal mode for the editor (vim-style).
    pub fn is_modal(&self) -> bool {
        self.bindings.contains_key(&Context::DocumentNormal)
    }

    /// Every binding, grouped by context, for `?` help.
    pub fn by_context(&self) -> impl Iterator<Item = (Context, &[(String, Keys, Action)])> {
        self.bindings.iter().map(|(c, l)| (*c, l.as_slice()))
    }

    /// The keys bound to `action` in `context`, as written, for the palette.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<&str> {
        self.bindings
            .get(&context)
            .map(|l| {
                l.iter()
                    .filter(|(_, _, a)| *a == action)
                    .map(|(k, _, _)| k.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first key that runs `action` in `context` (outside the editor,
    /// a global one too), as the tab and status lines show it (`F1`, `^X`).
    pub fn key_here(&self, context: Context, action: Action) -> Option<String> {
        self.keys_here(context, action).first().map(|k| short_key(k))
    }

    /// The keys that run `action` in `context`: its own, or outside the
    /// editor (which lists its own) the global ones.
    pub fn keys_here(&self, context: Context, action: Action) -> Vec<&str> {
        let keys = self.keys_for(context, action);
        if keys.is_empty() && !matches!(context, Context::Document | Context::DocumentNormal) {
            return self.keys_for(Context::Global, action);
        }
        keys
    }
}

/// A key as the tab bar shows it: `F1`, `^P`, `M-1`; one character as is.
pub fn short_key(key: &str) -> String {
    if let Some(rest) = key.strip_prefix("ctrl-").filter(|r| r.chars().count() == 1) {
        return format!("^{}", rest.to_uppercase());
    }
    if let Some(rest) = key.strip_prefix("alt-") {
        return format!("M-{rest}");
    }
    match key.strip_prefix('f') {
        Some(n) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => format!("F{n}"),
        _ => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_shown_short() {
        assert_eq!(short_key("f10"), "F10");
        assert_eq!(short_key("ctrl-p"), "^P");
        assert_eq!(short_key("alt-1"), "M-1");
        assert_eq!(short_key("?"), "?");
        assert_eq!(short_key("f"), "f");
    }

    fn chord(s: &str) -> Chord {
        Chord::parse(s).unwrap()
    }

    #[test]
    fn parses_keys() {
        assert_eq!(
            chord("ctrl-s"),
            Chord::new(KeyCode::Char('s'), KeyModifiers::CONTROL)
        );
        assert_eq!(chord("alt-1"), Chord::new(KeyCode::Char('1'), KeyModifiers::ALT));
        assert_eq!(chord("G"), Chord::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(
            chord("shift-left"),
            Chord::new(KeyCode::Left, KeyModifiers::SHIFT)
        );
        assert_eq!(chord("f5"), Chord::new(KeyCode::F(5), KeyModifiers::NONE));
        assert_eq!(chord("-"), Chord::new(KeyCode::Char('-'), KeyModifiers::NONE));
        assert_eq!(
            chord("ctrl--"),
            Chord::new(KeyCode::Char('-'), KeyModifiers::CONTROL)
        );
        assert_eq!(chord("Ctrl-S"), chord("ctrl-s"));
        for bad in ["ctrl-", "hyper-x", "f13", "enterr", ""] {
            assert!(Chord::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn embedded_keymaps_are_valid_and_cover_the_basics() {
        let default = Keymap::parse("default", DEFAULT).unwrap();
        let vim = Keymap::parse("vim", VIM).unwrap();
        assert!(!default.is_modal() && vim.is_modal());
        let press = |m: &Keymap, c: Context, k: &str| m.lookup(c, &parse_keys(k).unwrap());
        assert_eq!(
            press(&default, Context::Global, "?"),
            Lookup::Action(Action::Help)
        );
        assert_eq!(
            press(&default, Context::Document, "ctrl-s"),
            Lookup::Action(Action::SaveDraft)
        );
        assert_eq!(
            press(&default, Context::Document, "alt-3"),
            Lookup::Action(Action::ScreenHistory)
        );
        assert_eq!(
            press(&default, Context::Document, "f2"),
            Lookup::Action(Action::ScreenDocument)
        );
        assert_eq!(press(&vim, Context::DocumentNormal, "d"), Lookup::Prefix);
        assert_eq!(
            press(&vim, Context::DocumentNormal, "d d"),
            Lookup::Action(Action::DeleteLine)
        );
        assert_eq!(
            press(&vim, Context::DocumentNormal, "h"),
            Lookup::Action(Action::CursorLeft)
        );
        assert_eq!(
            press(&vim, Context::Document, "esc"),
            Lookup::Action(Action::NormalMode)
        );
    }

    #[test]
    fn bad_keymaps_are_clear_errors() {
        let e = Keymap::parse("k.toml", "[document]\n\"ctrl-s\" = \"save-drft\"\n").unwrap_err();
        assert!(
            e.contains("k.toml: [document] \"ctrl-s\": unknown action \"save-drft\""),
            "{e}"
        );
        let e = Keymap::parse("k.toml", "[document]\n\"hyper-s\" = \"save-draft\"\n").unwrap_err();
        assert!(e.contains("\"hyper-s\" is not a key"), "{e}");
        let e = Keymap::parse("k.toml", "[docs]\n\"x\" = \"help\"\n").unwrap_err();
        assert!(e.contains("unknown table [docs]"), "{e}");
        assert!(
            Keymap::parse("k.toml", "[global\n")
                .unwrap_err()
                .starts_with("k.toml:1:")
        );
    }

    #[test]
    fn two_bindings_of_one_key_are_an_error_naming_both_lines() {
        let text = "[document]\n\"ctrl-z\" = \"undo\"\n\"ctrl-y\" = \"redo\"\n\"ctrl-shift-z\" = \"redo\"\n";
        let e = Keymap::parse("mine.toml", text).unwrap_err();
        assert!(
            e.starts_with(
                "mine.toml:4: [document] \"ctrl-shift-z\" is the same key as \"ctrl-z\" (mine.toml:2)"
            ),
            "{e}"
        );
        // One key in two tables is two contexts, not a collision.
        Keymap::parse(
            "mine.toml",
            "[overview]\n\"j\" = \"down\"\n[history]\n\"j\" = \"down\"\n",
        )
        .unwrap();
    }

    #[test]
    fn an_action_bound_where_it_does_not_apply_is_an_error() {
        let e = Keymap::parse("mine.toml", "[overview]\n\"t\" = \"tag-version\"\n").unwrap_err();
        assert_eq!(
            e,
            "mine.toml: [overview] \"t\": \"tag-version\" does not apply in [overview] (it does in [approvals])"
        );
        let e = Keymap::parse("mine.toml", "[global]\n\"ctrl-z\" = \"undo\"\n").unwrap_err();
        assert!(e.contains("(it does in [document], [document-normal])"), "{e}");
    }

    #[test]
    fn user_config_picks_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "keymap = \"vim\"\n[keys.document]\n\"ctrl-k\" = \"delete-line\"\n",
        )
        .unwrap();
        let map = Keymap::load_user(dir.path()).unwrap();
        assert_eq!(map.name, "vim");
        assert_eq!(
            map.lookup(Context::Document, &[chord("ctrl-k")]),
            Lookup::Action(Action::DeleteLine)
        );
        std::fs::write(
            dir.path().join("config.toml"),
            "[keys.global]\n\"x\" = \"nope\"\n",
        )
        .unwrap();
        assert!(
            Keymap::load_user(dir.path())
                .unwrap_err()
                .contains("unknown action \"nope\"")
        );
        std::fs::write(dir.path().join("config.toml"), "keymap = \"emacs.toml\"\n").unwrap();
        assert!(Keymap::load_user(dir.path()).unwrap_err().contains("cannot read"));
    }
}
