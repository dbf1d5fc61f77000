//! `comment add|reply|resolve|reopen|list|show`: review threads on passages of
//! a draft, each shown where its passage is now.

use std::path::Path;

use clap::Subcommand;
use serde::Serialize;

use super::output::{Failure, parse_slug, print_json, table, warn, write_stdout};
use crate::diff::anchor::Placement;
use crate::domain::{Message, Slug, ThreadStatus};
use crate::lang::{CliMsg, t, tf};
use crate::store::Store;
use crate::usecase;

#[derive(Subcommand, Debug)]
pub enum CommentCommand {
    /// Start a comment thread on lines of a draft (default: the latest).
    Add {
        slug: String,
        /// The draft the line numbers refer to (default: the latest).
        #[arg(long, value_name = "N")]
        draft: Option<u32>,
        /// The lines commented on: A-B, or A for one line (see `udkast show SLUG`).
        #[arg(long, value_name = "A-B")]
        lines: String,
        #[arg(long, short = 'm')]
        message: String,
    },
    /// Answer a thread.
    Reply {
        slug: String,
        /// The thread's id as `comment list` shows it, or any beginning of
        /// its id that tells it apart.
        id: String,
        #[arg(long, short = 'm')]
        message: String,
    },
    /// Mark a thread resolved, optionally with a last message.
    Resolve {
        slug: String,
        id: String,
        #[arg(long, short = 'm')]
        message: Option<String>,
    },
    /// Open a resolved thread again, optionally with a message.
    Reopen {
        slug: String,
        id: String,
        #[arg(long, short = 'm')]
        message: Option<String>,
    },
    /// List the open threads and where each passage is in a draft (default: the latest).
    List {
        slug: String,
        /// Place the threads on this draft instead of the latest.
        #[arg(long, value_name = "N")]
        draft: Option<u32>,
        /// Resolved threads too.
        #[arg(long)]
        all: bool,
        /// Everything about each thread as JSON: anchor, placement, messages.
        #[arg(long)]
        json: bool,
    },
    /// Print one thread: its passage as quoted, where it is now, every message.
    Show {
        slug: String,
        id: String,
        /// Place the thread on this draft instead of the latest.
        #[arg(long, value_name = "N")]
        draft: Option<u32>,
    },
}

pub fn run(repo: &Path, command: CommentCommand) -> Result<(), Failure> {
    match command {
        CommentCommand::Add {
            slug,
            draft,
            lines,
            message,
        } => add(repo, &slug, draft, &lines, &message),
        CommentCommand::Reply { slug, id, message } => reply(repo, &slug, &id, &message),
        CommentCommand::Resolve { slug, id, message } => {
            set_status(repo, &slug, &id, message.as_deref(), ThreadStatus::Resolved)
        }
        CommentCommand::Reopen { slug, id, message } => {
            set_status(repo, &slug, &id, message.as_deref(), ThreadStatus::Open)
        }
        CommentCommand::List {
            slug,
            draft,
            all,
            json,
        } => list(repo, &slug, draft, all, json),
        CommentCommand::Show { slug, id, draft } => show(repo, &slug, &id, draft),
    }
}

fn check_message(message: &str) -> Result<(), Failure> {
    if message.trim().is_empty() {
        return Err(Failure::new(t(CliMsg::CommentEmpty)));
    }
    Ok(())
}

/// `12-14`, `12–14` or `12` → (12, 14).
fn parse_lines(spec: &str) -> Result<(usize, usize), Failure> {
    let bad = || Failure::new(tf(CliMsg::NotALineRange, &[("spec", &crate::text::inert(spec))]));
    let number = |s: &str| -> Result<usize, Failure> {
        let s = s.trim();
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let (start, end) = match spec.split_once(['-', '–']) {
        Some((a, b)) => (number(a)?, number(b)?),
        None => {
            let n = number(spec)?;
            (n, n)
        }
    };
    if start == 0 {
        return Err(Failure::new(t(CliMsg::LinesFromOne)));
    }
    if end < start {
        return Err(Failure::new(tf(
            CliMsg::LinesBackwards,
            &[("start", &start), ("end", &end)],
        )));
    }
    Ok((start, end))
}

/// "12-14", or "12" for one line.
fn range(start: usize, end: usize) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    }
}

/// Does `comment`, then prints its warnings and what was done.
fn commit(repo: &Path, slug: &Slug, comment: usecase::Comment<'_>) -> Result<(), Failure> {
    let store = Store::open(repo)?;
    let done = usecase::comment(&store, slug, comment)?;
    for warning in &done.saved.warnings {
        warn(warning);
    }
    write_stdout(format!("{}\n", done.report()).as_bytes())
}

/// `open` or `resolved`, in the command's language.
fn status_label(status: ThreadStatus) -> &'static str {
    t(match status {
        ThreadStatus::Open => CliMsg::ThreadOpen,
        ThreadStatus::Resolved => CliMsg::ThreadResolved,
    })
}

fn add(repo: &Path, slug: &str, draft: Option<u32>, lines: &str, message: &str) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    check_message(message)?;
    let (start, end) = parse_lines(lines)?;
    let comment = usecase::Comment::Add {
        draft,
        start,
        end,
        text: message,
        shown: None,
    };
    commit(repo, &slug, comment)
}

fn reply(repo: &Path, slug: &str, id: &str, message: &str) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    check_message(message)?;
    commit(repo, &slug, usecase::Comment::Reply { id, text: message })
}

fn set_status(
    repo: &Path,
    slug: &str,
    id: &str,
    message: Option<&str>,
    status: ThreadStatus,
) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    if let Some(message) = message {
        check_message(message)?;
    }
    let comment = match status {
        ThreadStatus::Resolved => usecase::Comment::Resolve { id, text: message },
        ThreadStatus::Open => usecase::Comment::Reopen { id, text: message },
    };
    commit(repo, &slug, comment)
}

/// The threads placed on one draft (default: the latest).
fn placed(store: &Store, slug: &Slug, draft: Option<u32>) -> Result<usecase::Threads, Failure> {
    let shown = draft.map_or(usecase::Shown::Latest, usecase::Shown::Draft);
    Ok(usecase::threads(store, slug, shown)?)
}

/// `12-14`, `12-14 (edited)` or `outdated (was 40-42 in draft 2)`.
fn where_label(placed: &usecase::PlacedThread) -> String {
    let thread = &placed.thread;
    match placed.placement {
        Placement::Exact { start, end } => range(start, end),
        Placement::Edited { start, end } => tf(CliMsg::CommentEdited, &[("lines", &range(start, end))]),
        Placement::Outdated => tf(
            CliMsg::CommentOutdated,
            &[
                ("lines", &range(thread.anchor.start, thread.anchor.end)),
                ("draft", &placed.draft),
            ],
        ),
    }
}

#[derive(Serialize)]
struct ThreadRow<'a> {
    id: &'a str,
    /// The id as `comment list` shows it, which the commands take too.
    short: &'a str,
    status: ThreadStatus,
    /// The draft the thread was made on (its current number).
    draft: u32,
    commit: &'a str,
    anchor: &'a crate::domain::Anchor,
    /// The draft the placement is on.
    shown_draft: u32,
    /// exact, edited or outdated.
    placement: &'static str,
    lines: Option<Lines>,
    replies: usize,
    messages: &'a [Message],
}

#[derive(Serialize)]
struct Lines {
    start: usize,
    end: usize,
}

fn list(repo: &Path, slug: &str, draft: Option<u32>, all: bool, json: bool) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    let placed = placed(&store, &slug, draft)?;
    let shown_draft = placed.shown_draft.unwrap_or(0);
    let shown: Vec<&usecase::PlacedThread> = placed
        .threads
        .iter()
        .filter(|t| all || t.thread.status == ThreadStatus::Open)
        .collect();
    if json {
        let rows: Vec<ThreadRow<'_>> = shown
            .iter()
            .map(|placed| {
                let t = &placed.thread;
                ThreadRow {
                    id: &t.id,
                    short: &placed.short,
                    status: t.status,
                    draft: placed.draft,
                    commit: &t.commit,
                    anchor: &t.anchor,
                    shown_draft,
                    placement: placed.placement.kind(),
                    lines: placed.placement.lines().map(|(start, end)| Lines { start, end }),
                    replies: t.replies(),
                    messages: &t.messages,
                }
            })
            .collect();
        print_json(&rows)?;
    } else {
        let cells: Vec<Vec<String>> = shown
            .iter()
            .map(|placed| {
                let thread = &placed.thread;
                let first = thread.messages.first();
                vec![
                    placed.short.clone(),
                    status_label(thread.status).to_string(),
                    where_label(placed),
                    first.map(|m| m.author.clone()).unwrap_or_default(),
                    thread.replies().to_string(),
                    first
                        .and_then(|m| m.text.lines().next())
                        .unwrap_or_default()
                        .to_string(),
                ]
            })
            .collect();
        write_stdout(
            table(
                &[
                    t(CliMsg::ColId),
                    t(CliMsg::ColStatus),
                    t(CliMsg::ColLines),
                    t(CliMsg::ColAuthor),
                    t(CliMsg::ColReplies),
                    t(CliMsg::ColComment),
                ],
                &cells,
                &[4],
            )
            .as_bytes(),
        )?;
    }
    super::docs::report_problems(&placed.problems)
}

fn show(repo: &Path, slug: &str, id: &str, draft: Option<u32>) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    let thread = store.find_thread(&slug, id)?;
    let placed = placed(&store, &slug, draft)?;
    let shown_draft = placed.shown_draft.unwrap_or(0);
    let found = match placed.threads.into_iter().find(|t| t.thread.id == thread.id) {
        Some(found) => found,
        None => usecase::PlacedThread {
            short: store.thread_ids(&slug)?.short(&thread.id).to_string(),
            thread: thread.clone(),
            placement: Placement::Outdated,
            draft: thread.draft,
        },
    };
    let inert = |s: &str| crate::text::inert_keep_tabs(s).into_owned();
    let anchor = &thread.anchor;
    let heading = tf(
        CliMsg::CommentHeading,
        &[
            ("id", &found.short),
            ("slug", &slug),
            ("status", &status_label(thread.status)),
        ],
    );
    let mut out = format!("{heading}\n");
    let section = if anchor.section.is_empty() {
        String::new()
    } else {
        format!(" ({})", anchor.section.join(" › "))
    };
    out.push_str(&inert(&tf(
        CliMsg::CommentWhere,
        &[
            ("lines", &usecase::lines_label(anchor.start, anchor.end)),
            ("draft", &found.draft),
            ("shown", &shown_draft),
            ("place", &where_label(&found)),
            // Last: a heading's words are the person's, braces and all.
            ("section", &section),
        ],
    )));
    out.push_str("\n\n");
    for line in crate::diff::lines(&anchor.quote) {
        out.push_str(&format!("> {}\n", inert(line.trim_end_matches(['\n', '\r']))));
    }
    for message in &thread.messages {
        let who = format!("{} <{}>, {}:", message.author, message.email, message.time);
        out.push_str(&format!("\n{}\n", inert(&who)));
        // Every line of a text of several, indented (an empty one left empty).
        for line in message.text.lines() {
            match line.is_empty() {
                true => out.push('\n'),
                false => out.push_str(&format!("    {}\n", inert(line))),
            }
        }
    }
    write_stdout(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges() {
        assert_eq!(parse_lines("12-14").unwrap(), (12, 14));
        assert_eq!(parse_lines(" 12 – 14 ").unwrap(), (12, 14));
        assert_eq!(parse_lines("7").unwrap(), (7, 7));
        for bad in [
            "",
            "a-b",
            "12-",
            "-3",
            "1-2-3",
            "+1",
            "12..14",
            "99999999999999999999999",
        ] {
            let e = parse_lines(bad).unwrap_err().0;
            assert!(e.contains("is not a line range"), "{bad}: {e}");
        }
        assert_eq!(parse_lines("0-2").unwrap_err().0, "lines are numbered from 1");
        assert!(
            parse_lines("14-12")
                .unwrap_err()
                .0
                .contains("runs backwards; write it as 12-14")
        );
        assert_eq!(range(3, 3), "3");
        assert_eq!(range(3, 5), "3-5");
    }
}
