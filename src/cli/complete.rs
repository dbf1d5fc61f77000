//! Shell completion: clap_complete's script for the shell, and the values
//! only the workspace knows — documents, drafts, bodies, comment threads and
//! a work plan's actions — completed by a hidden `udkast __complete -- WORDS`
//! that the script calls with the words typed so far. Which value the next
//! word is comes from the clap definition itself, so it cannot drift from
//! the command line.

use std::path::Path;

use clap::{Arg, Command as ClapCommand, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Failure, output};
use crate::domain::Slug;
use crate::store::Store;

/// The completion script for `shell`: clap's, and the call for the
/// workspace's values in front of it.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut generated = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "udkast", &mut generated);
    let generated = String::from_utf8_lossy(&generated).into_owned();
    let script = match shell {
        Shell::Bash => format!("{generated}\n{BASH}"),
        // The workspace's values first, then clap's: clap's `_udkast`
        // becomes `_udkast_static`, and the file's last lines call ours.
        Shell::Zsh => format!(
            "{}\n{ZSH}",
            generated.replacen("\n_udkast() {", "\n_udkast_static() {", 1)
        ),
        Shell::Fish => format!("{generated}\n{FISH}"),
        _ => generated,
    };
    script.into_bytes()
}

/// Bash: the workspace's values where the next word is one, else clap's.
const BASH: &str = r#"# Documents, drafts, bodies, threads and actions from the workspace.
_udkast_workspace() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local values
    values=$(udkast __complete -- "${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null | cut -f1)
    if [[ -n "$values" ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        return 0
    fi
    _udkast "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _udkast_workspace -o nosort -o bashdefault -o default udkast
else
    complete -F _udkast_workspace -o bashdefault -o default udkast
fi
"#;

/// Zsh: the same, each value described (a document's title, a draft's date,
/// author and message).
const ZSH: &str = r#"# Documents, drafts, bodies, threads and actions from the workspace.
_udkast() {
    local -a values
    local line
    for line in ${(f)"$(udkast __complete -- ${words[2,CURRENT-1]} 2>/dev/null)"}; do
        values+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
    done
    if (( ${#values} )); then
        _describe -V -t udkast-values 'value' values
    else
        _udkast_static "$@"
    fi
}

if [ "$funcstack[1]" = "_udkast" ]; then
    _udkast "$@"
else
    compdef _udkast udkast
fi
"#;

/// Fish: the values, described, beside clap's.
const FISH: &str = r#"# Documents, drafts, bodies, threads and actions from the workspace.
complete -c udkast -f -a "(udkast __complete -- (commandline -opc)[2..-1] 2>/dev/null)"
"#;

/// What the word after `words` completes to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Wanted {
    Documents,
    /// A draft of the document named among the words.
    Drafts,
    Bodies,
    Threads,
    Actions,
}

/// `udkast __complete -- WORDS`: the values the next word may take, one per
/// line as `value<TAB>what it is`; nothing when the workspace has none to
/// offer there (the script then falls back to clap's).
pub fn values(repo: &Path, words: &[String]) -> Result<(), Failure> {
    let mut command = Cli::command();
    command.build();
    let Some((wanted, path)) = wanted(&command, words) else {
        return Ok(());
    };
    let Ok(store) = Store::open(repo) else {
        return Ok(());
    };
    let lines = candidates(&store, &wanted, &path, words).unwrap_or_default();
    let mut out = String::new();
    for (value, about) in lines {
        let about = crate::text::inert(&about).replace(['\t', '\n'], " ");
        out.push_str(&format!("{value}\t{about}\n"));
    }
    output::write_stdout(out.as_bytes())
}

/// The values for `wanted`, for the command `path` (`["comment", "reply"]`).
fn candidates(
    store: &Store,
    wanted: &Wanted,
    path: &[String],
    words: &[String],
) -> Option<Vec<(String, String)>> {
    let snapshot = store.snapshot().ok()?;
    // The document named among the words, for its drafts, threads, actions.
    let document = || {
        words
            .iter()
            .find_map(|w| snapshot.strategies.iter().find(|s| s.slug.as_str() == w))
    };
    Some(match wanted {
        Wanted::Documents => snapshot
            .strategies
            .iter()
            .map(|s| (s.slug.to_string(), s.meta.title.clone()))
            .collect(),
        Wanted::Bodies => snapshot
            .config
            .bodies
            .iter()
            .map(|b| (b.id.0.clone(), b.name.clone()))
            .collect(),
        Wanted::Drafts => {
            let slug: &Slug = &document()?.slug;
            let mut drafts: Vec<(String, String)> = store
                .drafts(slug)
                .ok()?
                .iter()
                .rev()
                .map(|d| {
                    let date = crate::lang::table_date(&d.time.strftime("%Y-%m-%d").to_string());
                    (
                        d.number.to_string(),
                        format!("{date} {}: {}", d.author, d.summary),
                    )
                })
                .collect();
            let latest = crate::lang::t(crate::lang::Msg::ExportLatestLabel);
            drafts.insert(0, ("latest".to_string(), latest.to_string()));
            // `approved` is a version where the command takes versions.
            if path.first().is_some_and(|c| c == "diff" || c == "export") {
                let approved = crate::lang::t(crate::lang::Msg::CompleteApproved);
                drafts.insert(1, ("approved".to_string(), approved.to_string()));
            }
            drafts
        }
        Wanted::Threads => {
            let slug = &document()?.slug;
            let (threads, _) = store.threads(slug).ok()?;
            threads
                .iter()
                .map(|t| {
                    let first = t.messages.first();
                    let about = first.map_or(String::new(), |m| format!("{}: {}", m.author, m.text));
                    (t.id.chars().take(7).collect(), about)
                })
                .collect()
        }
        Wanted::Actions => {
            let slug = &document()?.slug;
            crate::usecase::actions(store, slug)
                .ok()?
                .iter()
                .map(|a| (a.id.to_string(), a.title.clone()))
                .collect()
        }
    })
}

/// Which workspace value the word after `words` is, as the clap definition
/// says, and the subcommands named on the way (`["comment", "reply"]`).
fn wanted(root: &ClapCommand, words: &[String]) -> Option<(Wanted, Vec<String>)> {
    let mut command = root;
    let mut path: Vec<String> = Vec::new();
    let mut positional = 0;
    // An option that takes the next word as its value.
    let mut pending: Option<&Arg> = None;
    for word in words {
        if pending.take().is_some() {
            continue;
        }
        if let Some(long) = word.strip_prefix("--").filter(|l| !l.is_empty()) {
            if !long.contains('=') {
                pending = command
                    .get_arguments()
                    .find(|a| a.get_long() == Some(long))
                    .filter(|a| takes_value(a));
            }
            continue;
        }
        if word.len() > 1 && word.starts_with('-') {
            let mut chars = word.chars().skip(1);
            if let (Some(short), None) = (chars.next(), chars.next()) {
                pending = command
                    .get_arguments()
                    .find(|a| a.get_short() == Some(short))
                    .filter(|a| takes_value(a));
            }
            continue;
        }
        if positional == 0
            && let Some(sub) = command.find_subcommand(word)
        {
            command = sub;
            path.push(sub.get_name().to_string());
            continue;
        }
        positional += 1;
    }
    let arg = match pending {
        Some(arg) => arg,
        None => {
            let positionals: Vec<&Arg> = command.get_positionals().collect();
            let last = positionals.last().copied();
            positionals
                .get(positional)
                .copied()
                .or(last.filter(|a| a.get_num_args().is_some_and(|n| n.max_values() > 1)))?
        }
    };
    let top = path.first().map(String::as_str);
    let wanted = match (top, arg.get_id().as_str()) {
        // A new document's slug is a new name.
        (Some("new"), _) => return None,
        (_, "slug") => Wanted::Documents,
        (_, "draft" | "from" | "to" | "base") => Wanted::Drafts,
        (Some("decide"), "body") | (Some("route"), "route") => Wanted::Bodies,
        (Some("body"), "id") if path.get(1).is_some_and(|s| s != "add") => Wanted::Bodies,
        (Some("comment"), "id") => Wanted::Threads,
        (Some("action"), "id") => Wanted::Actions,
        _ => return None,
    };
    Some((wanted, path))
}

/// Whether an option reads the next word as its value.
fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted_after(words: &[&str]) -> Option<Wanted> {
        let mut command = Cli::command();
        command.build();
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        wanted(&command, &words).map(|(w, _)| w)
    }

    /// The clap definition says what the next word is, past global options
    /// and their values, nested subcommands and options of the command.
    #[test]
    fn the_next_word_is_read_from_the_clap_definition() {
        assert_eq!(wanted_after(&["show"]), Some(Wanted::Documents));
        assert_eq!(
            wanted_after(&["--repo", "/tmp/x", "--lang", "da", "show"]),
            Some(Wanted::Documents)
        );
        assert_eq!(wanted_after(&["show", "klima", "--draft"]), Some(Wanted::Drafts));
        assert_eq!(wanted_after(&["diff", "klima"]), Some(Wanted::Drafts));
        assert_eq!(wanted_after(&["diff", "klima", "3"]), Some(Wanted::Drafts));
        assert_eq!(wanted_after(&["diff", "klima", "3", "4"]), None);
        assert_eq!(wanted_after(&["decide", "klima", "--body"]), Some(Wanted::Bodies));
        assert_eq!(wanted_after(&["route", "klima", "DIR"]), Some(Wanted::Bodies));
        assert_eq!(
            wanted_after(&["comment", "reply", "klima"]),
            Some(Wanted::Threads)
        );
        assert_eq!(wanted_after(&["comment", "list"]), Some(Wanted::Documents));
        assert_eq!(wanted_after(&["action", "set", "klima"]), Some(Wanted::Actions));
        assert_eq!(wanted_after(&["body", "rename"]), Some(Wanted::Bodies));
        assert_eq!(wanted_after(&["body", "add"]), None);
        assert_eq!(wanted_after(&["new"]), None);
        assert_eq!(wanted_after(&[]), None);
        assert_eq!(wanted_after(&["show", "klima"]), None);
    }
}
