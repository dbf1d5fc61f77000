//! The command line: argument parsing (clap) and one function per command, each
//! parsing its arguments, calling the use case (`crate::usecase`) and printing
//! what it returns. Errors become one line on stderr and exit code 1; usage
//! errors too (with clap's first line).

mod actions;
mod approvals;
mod blame;
mod bodies;
mod comments;
mod complete;
mod demo;
mod diff;
mod docs;
mod export;
mod help_da;
mod init;
mod output;
mod side_by_side;
mod speak;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::lang::{CliMsg, t, tf};

pub use output::Failure;

/// `--lang`: a language udkast speaks.
fn parse_lang(s: &str) -> Result<String, String> {
    crate::lang::Lang::parse(s)
        .map(|_| s.to_string())
        .ok_or_else(|| t(CliMsg::LangUnknown).to_string())
}

/// `0.1.0 (3f9a0c1b2d4e)`: the version and the commit built from.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("UDKAST_COMMIT"), ")");

#[derive(Parser, Debug)]
#[command(
    name = "udkast",
    version = VERSION,
    about = "Draft strategies and work plans in a git repository."
)]
pub struct Cli {
    /// The workspace repository (default: the one containing the current folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub repo: Option<PathBuf>,
    /// Colour the output: auto (on a terminal, unless NO_COLOR is set or
    /// CLICOLOR_FORCE asks for it), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = output::ColorWhen::Auto)]
    pub color: output::ColorWhen,
    /// The language of the screens: da or en (default: `language` in your
    /// config.toml, then the workspace's, then the locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang, overrides_with = "lang")]
    pub lang: Option<String>,
    /// Print straight to the terminal, not through the pager
    /// (UDKAST_PAGER, PAGER, else less -FRX).
    #[arg(long, global = true)]
    pub no_pager: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Make this repository (new or existing) a udkast workspace.
    Init {
        /// The governing bodies to start with.
        #[arg(long, value_enum, default_value_t = Template::Municipality)]
        template: Template,
    },
    /// Create a new document as its draft 1.
    New {
        slug: String,
        #[arg(long)]
        title: String,
        /// strategy, workplan or charter.
        #[arg(long, default_value = "strategy")]
        kind: String,
        /// Approval route as body ids, e.g. DIR,ØKE,BYR (default: the workspace's).
        #[arg(long, value_delimiter = ',')]
        route: Option<Vec<String>>,
        /// Draft 1 is this text (`-`: standard input) instead of a heading
        /// with the title: an existing text brought into udkast.
        #[arg(long, short = 'f', value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// List the documents with their current draft.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print the text of a draft, byte for byte (default: the latest).
    Show {
        slug: String,
        #[arg(long, value_name = "N")]
        draft: Option<u32>,
        /// The draft number, its commit and the text, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Save a new draft from a file, or from standard input with `-`.
    ///
    /// Give `--base` the draft your text came from (what `udkast show` said on
    /// standard error): the drafts others saved since are then merged with
    /// yours, three-way, like the editor does. Without it the text is taken as
    /// an edit of the latest draft, so a copy made before someone else's save
    /// would undo their changes.
    Save {
        slug: String,
        /// `-` reads the text from standard input.
        #[arg(value_name = "-")]
        stdin: Option<String>,
        #[arg(long, short = 'f', value_name = "FILE")]
        file: Option<PathBuf>,
        #[arg(long, short = 'm')]
        message: String,
        /// The draft the text was made from: a draft number or a commit.
        #[arg(long, value_name = "DRAFT")]
        base: Option<String>,
    },
    /// List the drafts of a document, newest first.
    Log {
        slug: String,
        #[arg(long)]
        json: bool,
    },
    /// Show what changed between two versions: draft numbers, latest, approved or commits.
    Diff {
        slug: String,
        /// The older version: a draft number, `latest`, `approved` or a commit.
        from: String,
        /// The newer version (default: latest).
        #[arg(default_value = "latest")]
        to: String,
        /// Word by word, for prose.
        #[arg(long, group = "view")]
        word: bool,
        /// Lines removed and added, with changed words marked (the default);
        /// into a pipe or a file, the same as --patch.
        #[arg(long, group = "view")]
        unified: bool,
        /// The two versions side by side.
        #[arg(long, group = "view")]
        side_by_side: bool,
        /// Words added and removed per section instead of the text.
        #[arg(long)]
        stat: bool,
        /// A standard unified diff of document.md (`---`/`+++`/`@@`) that
        /// `git apply`, `patch` and `delta` read.
        #[arg(long, group = "view")]
        patch: bool,
        /// Hide minor changes (punctuation, case, spelling-sized fixes,
        /// paragraphs split or merged, re-wrapping) and say how many.
        #[arg(long)]
        substantive: bool,
        #[arg(long)]
        json: bool,
    },
    /// Who gave each paragraph of a draft its wording, minor changes set aside.
    ///
    /// The draft, author and date of each paragraph's last change that was
    /// more than a comma, a case, a typo or a re-wrap. One line per
    /// paragraph (headings, paragraphs, lists, tables; front matter and code
    /// blocks are one each), with `--sentences` one per sentence below it.
    Blame(blame::BlameArgs),
    /// Export a draft as a Bilag for the agenda: DOCX (with tracked changes
    /// and comments), PDF or HTML.
    ///
    /// The file starts with a cover block like an agenda item: the title, the
    /// draft, the case number, the row of bodies and each body's latest
    /// decision. With `--changes-since`, every difference from that version is
    /// a tracked change credited to the draft that made it.
    Export(export::ExportArgs),
    /// Record what a governing body decided about a draft (leads only).
    Decide {
        slug: String,
        /// The draft the body treated.
        #[arg(long, value_name = "N")]
        draft: u32,
        /// The body's id, e.g. DIR, ØKE, BYR.
        #[arg(long, value_name = "ID")]
        body: String,
        /// approved, approved-with-changes, noted, postponed, rejected,
        /// returned or adopted, or as the minutes say it: godkendt, "godkendt
        /// med ændringer", "taget til efterretning", udskudt, afvist, "sendt
        /// tilbage", vedtaget.
        #[arg(long)]
        outcome: String,
        /// The meeting date: 28-01-2025, 28.01.2025 or 2025-01-28.
        #[arg(long, value_name = "DATE")]
        date: String,
        /// Record a meeting date more than a year ahead.
        #[arg(long)]
        yes: bool,
        /// The agenda item, e.g. "Punkt 3".
        #[arg(long, value_name = "TEXT")]
        item: Option<String>,
        /// The case number, e.g. 00.16.02-A00-1-19.
        #[arg(long, value_name = "TEXT")]
        case: Option<String>,
        /// The decision as the minutes word it.
        #[arg(long, short = 'm', value_name = "TEXT")]
        message: Option<String>,
        /// The recommendation ("Indstilling") the body decided on.
        #[arg(long, value_name = "TEXT")]
        recommendation: Option<String>,
        /// With approved-with-changes: a change asked for, owed until a
        /// later draft is approved (give it once per change).
        #[arg(long = "owe", value_name = "CHANGE")]
        owe: Vec<String>,
        /// The id of an earlier decision of the same body that this one
        /// supersedes (a decision recorded by mistake); decisions are never
        /// deleted. `udkast status SLUG --json` lists the ids.
        #[arg(long, value_name = "ID")]
        withdraws: Option<String>,
    },
    /// Where documents stand on their approval route: drafts × bodies.
    Status {
        /// One document (default: a line for each).
        slug: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Tag an approved draft as the next approved version <slug>/v<N> (leads only).
    Tag {
        slug: String,
        /// The draft to tag (default: the newest the last body of the route approved).
        #[arg(long, value_name = "N")]
        draft: Option<u32>,
        /// Tag even though the last body of the route has not approved the draft.
        #[arg(long)]
        force: bool,
    },
    /// Check decisions and approved versions; exit 1 listing what is wrong.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Print a shell's completion script, e.g. `udkast completions bash >
    /// ~/.local/share/bash-completion/completions/udkast`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `udkast man > ~/.local/share/man/man1/udkast.1`.
    Man,
    /// The workspace's values for the word after WORDS: documents, drafts,
    /// bodies, threads, actions (the completion scripts call it).
    #[command(name = "__complete", hide = true)]
    CompleteValues {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        words: Vec<String>,
    },
    /// Build a sample workspace with history in a temporary folder and open it.
    Demo {
        /// Build it here instead of a new temporary folder (must not exist).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// A work plan's actions: add, set, remove (each a draft), list.
    Action {
        #[command(subcommand)]
        command: actions::ActionCommand,
    },
    /// Change a document's approval route (leads only): a draft that leaves
    /// the approvals given standing, as the text did not change.
    Route {
        slug: String,
        /// Body ids, e.g. "DIR, FOU, ØKE, BYR" (any case; commas, spaces after them).
        #[arg(required = true, num_args = 1..)]
        route: Vec<String>,
    },
    /// The governing bodies that decide on drafts: add, rename (leads), list.
    Body {
        #[command(subcommand)]
        command: bodies::BodyCommand,
    },
    /// Review comments on passages of a draft: add, reply, resolve, reopen, list, show.
    Comment {
        #[command(subcommand)]
        command: comments::CommentCommand,
    },
    /// Fetch the team's drafts, comments, decisions and approved versions
    /// from the remote, merge them with yours, and push (your own git does
    /// the network: ~/.ssh/config and credential helpers apply).
    Sync {
        /// The remote (default: the branch's own, else origin).
        #[arg(long, value_name = "NAME")]
        remote: Option<String>,
        #[arg(long)]
        json: bool,
        /// Finish a sync that stopped on clashing passages, once they are edited.
        #[arg(long = "continue", conflicts_with = "abort")]
        resume: bool,
        /// Put everything back as it was before a sync that stopped.
        #[arg(long)]
        abort: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Template {
    /// Direktionen, Økonomi- og Erhvervsudvalget, Byrådet and the standing committees.
    Municipality,
}

pub fn main() -> ExitCode {
    // Started by our own git child as its askpass (GIT_ASKPASS/SSH_ASKPASS):
    // the one argument is the prompt.
    if std::env::var_os(crate::remote::ASKPASS_MARK).is_some() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if let [prompt] = args.as_slice()
            && prompt.contains([' ', ':'])
        {
            return ExitCode::from(crate::remote::askpass(prompt) as u8);
        }
    }
    // `--help` is in the reader's language, so it is found before parsing.
    let spoken = speak::Spoken::before_parsing(std::env::args_os());
    let cli = match help_da::for_language(Cli::command(), spoken.lang)
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => return output::usage_error(e),
    };
    output::set_color(cli.color);
    if let Some(lang) = &cli.lang {
        crate::lang::set_flag(lang);
    }
    let result = run(cli, &spoken);
    // The pager shows what was written until the reader quits it; an error
    // comes after, on stderr.
    output::finish_pager();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn run(cli: Cli, spoken: &speak::Spoken) -> Result<(), Failure> {
    let repo = match cli.repo {
        Some(path) => path,
        None => {
            std::env::current_dir().map_err(|e| Failure::new(tf(CliMsg::CurrentFolder, &[("error", &e)])))?
        }
    };
    crate::lang::speak(spoken.parsed(cli.lang.as_deref(), &repo));
    // Long output to a terminal pages, as git's does.
    let pages = matches!(
        cli.command,
        Some(
            Command::Show { .. }
                | Command::Log { .. }
                | Command::Diff { .. }
                | Command::Status { .. }
                | Command::Blame(..)
                | Command::Comment {
                    command: comments::CommentCommand::Show { .. } | comments::CommentCommand::List { .. }
                }
        )
    );
    if pages && !cli.no_pager {
        output::use_pager();
    }
    match cli.command {
        None => open_tui(&repo),
        Some(Command::Init { template }) => init::init(&repo, template),
        Some(Command::New {
            slug,
            title,
            kind,
            route,
            file,
        }) => docs::new(&repo, &slug, &title, (&kind, route), file),
        Some(Command::List { json }) => docs::list(&repo, json),
        Some(Command::Show { slug, draft, json }) => docs::show(&repo, &slug, draft, json),
        Some(Command::Save {
            slug,
            stdin,
            file,
            message,
            base,
        }) => docs::save(&repo, &slug, stdin, file, &message, base.as_deref()),
        Some(Command::Log { slug, json }) => docs::log(&repo, &slug, json),
        Some(Command::Diff {
            slug,
            from,
            to,
            word,
            unified,
            side_by_side,
            stat,
            patch,
            substantive,
            json,
        }) => {
            // `--unified` into a pipe or a file is a patch other tools
            // read, as git's diff is; on a terminal, numbered lines with
            // the changed words marked.
            let piped = !std::io::IsTerminal::is_terminal(&std::io::stdout());
            let view = if patch || (unified && piped && !stat && !json) {
                diff::View::Patch
            } else if word {
                diff::View::Word
            } else if side_by_side {
                diff::View::SideBySide
            } else {
                diff::View::Unified
            };
            diff::diff(
                &repo,
                &slug,
                &from,
                &to,
                diff::Options {
                    view,
                    stat,
                    substantive,
                    json,
                },
            )
        }
        Some(Command::Export(args)) => export::export(&repo, args),
        Some(Command::Blame(args)) => blame::blame(&repo, args),
        Some(Command::Decide {
            slug,
            draft,
            body,
            outcome,
            date,
            item,
            case,
            message,
            recommendation,
            owe,
            withdraws,
            yes,
        }) => approvals::decide(
            &repo,
            approvals::DecideArgs {
                slug,
                draft,
                body,
                outcome,
                date,
                item,
                case,
                text: message,
                recommendation,
                changes_owed: owe,
                withdraws,
                yes,
            },
        ),
        Some(Command::Status { slug, json }) => approvals::status(&repo, slug.as_deref(), json),
        Some(Command::Tag { slug, draft, force }) => approvals::tag(&repo, &slug, draft, force),
        Some(Command::Verify { json }) => approvals::verify(&repo, json),
        Some(Command::Demo { dir }) => demo::demo(dir),
        Some(Command::Completions { shell }) => output::write_stdout(&complete::script(shell)),
        Some(Command::CompleteValues { words }) => complete::values(&repo, &words),
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut out)
                .map_err(|e| Failure::new(tf(CliMsg::CannotWriteManual, &[("error", &e)])))?;
            output::write_stdout(&out)
        }
        Some(Command::Comment { command }) => comments::run(&repo, command),
        Some(Command::Body { command }) => bodies::run(&repo, command),
        Some(Command::Action { command }) => actions::run(&repo, command),
        Some(Command::Route { slug, route }) => approvals::route(&repo, &slug, &route),
        Some(Command::Sync {
            remote,
            json,
            resume,
            abort,
        }) => {
            let mode = match (resume, abort) {
                (true, _) => sync::Mode::Continue,
                (_, true) => sync::Mode::Abort,
                _ => sync::Mode::Start,
            };
            sync::sync(&repo, remote, json, mode)
        }
    }
}

/// Opens the terminal interface, refusing when there is no terminal to draw on.
pub(crate) fn open_tui(repo: &std::path::Path) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::new(t(CliMsg::NeedsTerminal)));
    }
    crate::ui::run(repo, output::color()).map_err(Failure::new)
}
