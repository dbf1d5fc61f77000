//! `--help` in Danish: [`for_language`] puts the Danish of [`HelpMsg`] into
//! clap's command before parsing, where the English of the `///` comments
//! was: each command's about, each argument's help, clap's headings and its
//! own `-h`, `-V` and `help`. English is `Cli::command()` untouched, and so
//! are `udkast man` and the completion scripts, which never come here.

use clap::Command;

use crate::lang::{HelpMsg, Lang, Message};

/// Where each Danish text goes: the command's path below `udkast` (`""` is
/// `udkast` itself, `"comment add"` a nested one), the argument's id (`""`
/// is the command's about), the text, and the long text where clap has one
/// (a `///` comment of more than one paragraph).
const TEXTS: &[(&str, &str, HelpMsg, Option<HelpMsg>)] = {
    use HelpMsg as H;
    &[
        ("", "", H::About, None),
        ("", "repo", H::Repo, None),
        ("", "color", H::Color, None),
        ("", "lang", H::LangFlag, None),
        ("", "no_pager", H::NoPager, None),
        ("init", "", H::InitAbout, None),
        ("init", "template", H::InitTemplate, None),
        ("new", "", H::NewAbout, None),
        ("new", "kind", H::NewKind, None),
        ("new", "route", H::NewRoute, None),
        ("new", "file", H::NewFile, None),
        ("list", "", H::ListAbout, None),
        ("show", "", H::ShowAbout, None),
        ("show", "json", H::ShowJson, None),
        ("save", "", H::SaveAbout, Some(H::SaveLong)),
        ("save", "stdin", H::SaveStdin, None),
        ("save", "base", H::SaveBase, None),
        ("log", "", H::LogAbout, None),
        ("diff", "", H::DiffAbout, None),
        ("diff", "from", H::DiffFrom, None),
        ("diff", "to", H::DiffTo, None),
        ("diff", "word", H::DiffWord, None),
        ("diff", "unified", H::DiffUnified, None),
        ("diff", "side_by_side", H::DiffSideBySide, None),
        ("diff", "stat", H::DiffStat, None),
        ("diff", "patch", H::DiffPatch, None),
        ("diff", "substantive", H::DiffSubstantive, None),
        ("blame", "", H::BlameAbout, Some(H::BlameLong)),
        ("blame", "slug", H::DocumentSlug, None),
        ("blame", "draft", H::BlameDraft, None),
        ("blame", "sentences", H::BlameSentences, None),
        ("blame", "json", H::BlameJson, None),
        ("export", "", H::ExportAbout, Some(H::ExportLong)),
        ("export", "slug", H::DocumentSlug, None),
        ("export", "draft", H::ExportDraft, None),
        ("export", "format", H::ExportFormat, None),
        ("export", "changes_since", H::ExportChangesSince, None),
        ("export", "comments", H::ExportComments, None),
        ("export", "output", H::ExportOutput, None),
        ("export", "json", H::ExportJson, None),
        ("decide", "", H::DecideAbout, None),
        ("decide", "draft", H::DecideDraft, None),
        ("decide", "body", H::DecideBody, None),
        ("decide", "outcome", H::DecideOutcome, None),
        ("decide", "date", H::DecideDate, None),
        ("decide", "yes", H::DecideYes, None),
        ("decide", "item", H::DecideItem, None),
        ("decide", "case", H::DecideCase, None),
        ("decide", "message", H::DecideMessage, None),
        ("decide", "recommendation", H::DecideRecommendation, None),
        ("decide", "owe", H::DecideOwe, None),
        ("decide", "withdraws", H::DecideWithdraws, None),
        ("status", "", H::StatusAbout, None),
        ("status", "slug", H::StatusSlug, None),
        ("tag", "", H::TagAbout, None),
        ("tag", "draft", H::TagDraft, None),
        ("tag", "force", H::TagForce, None),
        ("verify", "", H::VerifyAbout, None),
        ("completions", "", H::CompletionsAbout, None),
        ("man", "", H::ManAbout, None),
        ("__complete", "", H::CompleteAbout, None),
        ("demo", "", H::DemoAbout, None),
        ("demo", "dir", H::DemoDir, None),
        ("action", "", H::ActionAbout, None),
        ("action add", "", H::ActionAddAbout, None),
        ("action add", "owner", H::ActionOwner, None),
        ("action add", "due", H::ActionDue, None),
        ("action add", "status", H::ActionStatus, None),
        ("action add", "budget", H::ActionBudget, None),
        ("action add", "sections", H::ActionSections, None),
        ("action add", "message", H::ActionMessage, None),
        ("action set", "", H::ActionSetAbout, None),
        ("action set", "owner", H::ActionOwner, None),
        ("action set", "due", H::ActionDue, None),
        ("action set", "status", H::ActionStatus, None),
        ("action set", "budget", H::ActionBudget, None),
        ("action set", "sections", H::ActionSections, None),
        ("action set", "message", H::ActionMessage, None),
        ("action remove", "", H::ActionRemoveAbout, None),
        ("action list", "", H::ActionListAbout, None),
        ("route", "", H::RouteAbout, None),
        ("route", "route", H::RouteBodies, None),
        ("body", "", H::BodyAbout, None),
        ("body add", "", H::BodyAddAbout, None),
        ("body add", "id", H::BodyId, None),
        ("body add", "kind", H::BodyKind, None),
        ("body rename", "", H::BodyRenameAbout, None),
        ("body list", "", H::BodyListAbout, None),
        ("comment", "", H::CommentAbout, None),
        ("comment add", "", H::CommentAddAbout, None),
        ("comment add", "draft", H::CommentAddDraft, None),
        ("comment add", "lines", H::CommentAddLines, None),
        ("comment reply", "", H::CommentReplyAbout, None),
        ("comment reply", "id", H::CommentThreadId, None),
        ("comment resolve", "", H::CommentResolveAbout, None),
        ("comment reopen", "", H::CommentReopenAbout, None),
        ("comment list", "", H::CommentListAbout, None),
        ("comment list", "draft", H::CommentListDraft, None),
        ("comment list", "all", H::CommentListAll, None),
        ("comment list", "json", H::CommentListJson, None),
        ("comment show", "", H::CommentShowAbout, None),
        ("comment show", "draft", H::CommentShowDraft, None),
        ("sync", "", H::SyncAbout, None),
        ("sync", "remote", H::SyncRemote, None),
        ("sync", "resume", H::SyncResume, None),
        ("sync", "abort", H::SyncAbort, None),
    ]
};

/// Arguments whose Danish text names their values itself, so clap's list of
/// them, with the English of each value's `///` comment, is left out.
const VALUES_IN_TEXT: &[&str] = &["color"];

/// The command as `lang` reads it: `cmd` itself in English.
pub fn for_language(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Da => danish(cmd),
    }
}

/// `cmd` with Danish help. clap adds `--help`, `--version` and the `help`
/// command when it builds the command, so their texts are put in after
/// [`Command::build`].
fn danish(cmd: Command) -> Command {
    let mut cmd = texts(cmd, "");
    cmd.build();
    built_ins(cmd)
}

/// The Danish text for `arg` (`""`: the about) of the command at `path`.
fn text(path: &str, arg: &str) -> Option<(HelpMsg, Option<HelpMsg>)> {
    TEXTS
        .iter()
        .find(|(p, a, ..)| *p == path && *a == arg)
        .map(|&(_, _, short, long)| (short, long))
}

fn da(msg: HelpMsg) -> &'static str {
    msg.text(Lang::Da)
}

/// The command at `path` and those below it with their Danish texts and
/// headings. The positionals and the options each go under a heading of
/// their own: clap's "Arguments" and "Options" cannot be renamed, but an
/// argument's own heading can. Arguments are changed where they stand
/// (`mut_args`): moving a positional would change its place on the line.
fn texts(mut cmd: Command, path: &str) -> Command {
    if let Some((about, long)) = text(path, "") {
        cmd = cmd.about(da(about));
        if let Some(long) = long {
            cmd = cmd.long_about(da(long));
        }
    }
    let header = cmd.get_styles().get_header();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{header}{}:{header:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        da(HelpMsg::HeadingUsage)
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(da(HelpMsg::HeadingCommands));
    let mut position = 0;
    cmd = cmd.mut_args(|mut arg| {
        if let Some((help, long)) = text(path, arg.get_id().as_str()) {
            arg = arg.help(da(help));
            if let Some(long) = long {
                arg = arg.long_help(da(long));
            }
        }
        if VALUES_IN_TEXT.contains(&arg.get_id().as_str()) {
            arg = arg.hide_possible_values(true);
        }
        if arg.get_help_heading().is_some() {
            arg
        } else if arg.is_positional() {
            // Under a heading of its own clap sorts by display order, not
            // by place on the line.
            position += 1;
            arg.help_heading(da(HelpMsg::HeadingArguments))
                .display_order(position)
        } else {
            arg.help_heading(da(HelpMsg::HeadingOptions))
        }
    });
    cmd.mut_subcommands(|sub| {
        let below = match path {
            "" => sub.get_name().to_string(),
            _ => format!("{path} {}", sub.get_name()),
        };
        texts(sub, &below)
    })
}

/// clap's own `-h`/`--help`, `-V`/`--version` and `help` command, as the
/// built command has them, in Danish.
fn built_ins(cmd: Command) -> Command {
    let cmd = cmd.mut_args(|arg| match arg.get_id().as_str() {
        "help" => {
            let arg = arg.help_heading(da(HelpMsg::HeadingOptions));
            // clap's long text says there is more to see with `--help`.
            if arg.get_long_help().is_some() {
                arg.help(da(HelpMsg::HelpFlagMore))
                    .long_help(da(HelpMsg::HelpFlagLong))
            } else {
                arg.help(da(HelpMsg::HelpFlag))
            }
        }
        "version" => arg
            .help(da(HelpMsg::VersionFlag))
            .help_heading(da(HelpMsg::HeadingOptions)),
        _ => arg,
    });
    cmd.mut_subcommands(|sub| {
        let sub = match sub.get_name() {
            "help" => sub.about(da(HelpMsg::HelpCommand)),
            _ => sub,
        };
        built_ins(sub)
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command (hidden and nested ones too) and every argument with
    /// help, by path and id, with its English texts.
    fn english(cmd: &Command, path: &str, out: &mut Vec<(String, String, String, Option<String>)>) {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        let long = cmd.get_long_about().map(ToString::to_string);
        out.push((path.to_string(), String::new(), about, long));
        for arg in cmd.get_arguments() {
            if let Some(help) = arg.get_help() {
                let long = arg.get_long_help().map(ToString::to_string);
                out.push((path.to_string(), arg.get_id().to_string(), help.to_string(), long));
            }
        }
        for sub in cmd.get_subcommands() {
            let below = match path {
                "" => sub.get_name().to_string(),
                _ => format!("{path} {}", sub.get_name()),
            };
            english(sub, &below, out);
        }
    }

    /// Every command and documented argument has a Danish text, and the
    /// catalogue's English is clap's, so a changed `///` comment fails here
    /// until its Danish is changed too.
    #[test]
    fn every_command_and_documented_argument_has_danish_help() {
        let mut all = Vec::new();
        english(&Cli::command(), "", &mut all);
        let mut wrong = Vec::new();
        for (path, arg, help, long) in &all {
            let place = format!("`udkast {path}` {arg}");
            match text(path, arg) {
                None => wrong.push(format!("{place}: no Danish text")),
                Some((short, long_msg)) => {
                    if short.text(Lang::En) != help {
                        wrong.push(format!("{place}: the catalogue says {:?}", short.text(Lang::En)));
                    }
                    if long_msg.map(|m| m.text(Lang::En)) != long.as_deref() {
                        wrong.push(format!("{place}: the long text differs from clap's"));
                    }
                }
            }
        }
        for (path, arg, ..) in TEXTS {
            if !all.iter().any(|(p, a, ..)| p == path && a == arg) {
                wrong.push(format!(
                    "`udkast {path}` {arg}: no such command or documented argument"
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    fn help(lang: Lang, args: &[&str]) -> String {
        let cmd = for_language(Cli::command(), lang);
        match cmd.try_get_matches_from(args) {
            Ok(_) => panic!("{args:?} did not ask for help"),
            Err(e) => e.render().to_string(),
        }
    }

    #[test]
    fn danish_help_has_danish_headings_texts_and_flags() {
        let top = help(Lang::Da, &["udkast", "--help"]);
        assert!(top.contains("Brug: udkast"), "{top}");
        assert!(top.contains("Kommandoer:"), "{top}");
        assert!(top.contains("Tilvalg:"), "{top}");
        assert!(top.contains("Skriv teksten i et udkast ud"), "{top}");
        assert!(top.contains("Vis version"), "{top}");
        assert!(top.contains("Vis denne hjælp"), "{top}");
        assert!(!top.contains("Options:") && !top.contains("Print"), "{top}");

        let diff = help(Lang::Da, &["udkast", "diff", "-h"]);
        assert!(diff.contains("Argumenter:"), "{diff}");
        // The positionals in their order on the line.
        let at = |s: &str| diff.find(s).unwrap_or_else(|| panic!("{s} in {diff}"));
        assert!(at("<SLUG>") < at("<FROM>") && at("<FROM>") < at("[TO]"), "{diff}");
        assert!(diff.contains("Den ældre version"), "{diff}");
        assert!(diff.contains("Arbejdsområdets git-repository"), "{diff}");

        let save = help(Lang::Da, &["udkast", "save", "--help"]);
        assert!(save.contains("Giv `--base` det udkast"), "{save}");
        assert!(save.contains("Vis hjælp (se et resumé med '-h')"), "{save}");
    }

    #[test]
    fn english_help_is_clap_s_own() {
        let english = help(Lang::En, &["udkast", "--help"]);
        assert_eq!(english, Cli::command().render_long_help().to_string());
    }
}
