//! `new`, `list`, `show`, `save` and `log`: documents and their drafts.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::output::{Failure, iso_date, parse_slug, print_json, table, table_time, warn, write_stdout};
use crate::domain::{Kind, Slug, StrategyMeta, check_document, paths};
use crate::lang::{CliMsg, t, tf};
use crate::store::{Change, Draft, Store, StoreError, short};
use crate::usecase::{self, Refused, SaveRequest, SavedDraft};

/// `udkast new`: a document's `strategy.toml` and draft 1, which is a heading
/// with the title or, with `--file`, an existing text as it is.
pub fn new(
    repo: &Path,
    slug: &str,
    title: &str,
    (kind, route): (&str, Option<Vec<String>>),
    file: Option<PathBuf>,
) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let kind: Kind = kind.parse()?;
    if title.trim().is_empty() || title.chars().any(char::is_control) {
        return Err(Failure::new(t(CliMsg::TitleEmpty)));
    }
    let document = match file {
        Some(file) => {
            let (bytes, shown) = read_text(&file)?;
            crate::domain::check_document(&shown, &bytes)?.to_string()
        }
        None => format!("# {title}\n"),
    };
    let store = Store::open(repo)?;
    let snapshot = store.snapshot()?;
    if snapshot.get(slug.as_str()).is_ok()
        || snapshot
            .problems
            .iter()
            .any(|p| p.file.starts_with(&paths::strategy_dir(&slug)))
    {
        return Err(StoreError::StrategyExists(slug.to_string()).into());
    }
    let route = route.map(|ids| snapshot.config.resolve_route(&ids)).transpose()?;
    let mut meta = StrategyMeta::new(title, kind, route);
    let author = store.identity()?;
    if kind == Kind::Workplan {
        // One action to show the fields, owned by whoever made the plan,
        // due in three months.
        meta.actions.push(crate::domain::Action {
            id: 1,
            title: "Første handling (ret titel, ansvarlig, frist og status, eller slet den)".into(),
            owner: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            due: Some(
                jiff::Zoned::now()
                    .date()
                    .saturating_add(jiff::Span::new().months(3)),
            ),
            status: crate::domain::ActionStatus::Planned,
            budget: None,
            sections: Vec::new(),
        });
    }
    let change = Change::default()
        .put(paths::meta(&slug), meta.to_toml())
        .put(paths::document(&slug), document);
    let summary = format!("Create {kind} \"{title}\"");
    let saved = store.commit_change(Some(snapshot.commit), &change, &author, &|s, parent| {
        s.draft_message(parent, &slug, &summary)
    })?;
    let (draft, _) = crate::store::parse_trailers(&saved.message);
    report_saved(
        &store,
        &SavedDraft {
            slug,
            commit: saved.commit.into(),
            draft: draft.unwrap_or(0),
            text: String::new(),
            merged: saved.merged,
            warnings: saved.warnings,
        },
    )
}

/// A text from a file, or from standard input for `-`, and how to name it.
fn read_text(path: &Path) -> Result<(Vec<u8>, String), Failure> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::new(tf(CliMsg::CannotReadStdin, &[("error", &e)])))?;
        return Ok((bytes, "<stdin>".to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::new(tf(
            CliMsg::CannotReadFile,
            &[("file", &path.display()), ("error", &e)],
        ))
    })?;
    Ok((bytes, path.display().to_string()))
}

fn report_saved(store: &Store, saved: &SavedDraft) -> Result<(), Failure> {
    let merged = if saved.merged { t(CliMsg::SavedMerged) } else { "" };
    for warning in &saved.warnings {
        warn(warning);
    }
    let line = tf(
        CliMsg::Saved,
        &[
            ("draft", &saved.draft),
            ("slug", &saved.slug),
            ("commit", &short(saved.commit)),
            ("branch", &store.branch_short()),
            ("merged", &merged),
        ],
    );
    write_stdout(format!("{line}\n").as_bytes())
}

#[derive(Serialize)]
struct ListRow<'a> {
    slug: &'a str,
    title: &'a str,
    kind: Kind,
    draft: usize,
    author: Option<&'a str>,
    email: Option<&'a str>,
    date: Option<String>,
    open_threads: usize,
}

pub fn list(repo: &Path, json: bool) -> Result<(), Failure> {
    let store = super::output::open_store(repo)?;
    let documents = usecase::documents(&store)?;
    let rows: Vec<ListRow<'_>> = documents
        .rows
        .iter()
        .map(|r| ListRow {
            slug: r.slug.as_str(),
            title: &r.title,
            kind: r.kind,
            draft: r.drafts,
            author: r.last.as_ref().map(|d| d.author.as_str()),
            email: r.last.as_ref().map(|d| d.email.as_str()),
            date: r.last.as_ref().map(|d| iso_date(&d.time)),
            open_threads: r.open_threads,
        })
        .collect();
    if json {
        print_json(&rows)?;
    } else {
        let cells: Vec<Vec<String>> = documents
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.slug.to_string(),
                    kind_label(r.kind).to_string(),
                    r.drafts.to_string(),
                    r.last.as_ref().map(|d| table_time(&d.time)).unwrap_or_default(),
                    r.last.as_ref().map(|d| d.author.clone()).unwrap_or_default(),
                    r.title.clone(),
                ]
            })
            .collect();
        write_stdout(
            table(
                &[
                    t(CliMsg::ColSlug),
                    t(CliMsg::ColKind),
                    t(CliMsg::ColDraft),
                    t(CliMsg::ColUpdated),
                    t(CliMsg::ColAuthor),
                    t(CliMsg::ColTitle),
                ],
                &cells,
                &[2],
            )
            .as_bytes(),
        )?;
    }
    report_problems(&documents.problems)
}

/// A document's kind as a person's table names it.
fn kind_label(kind: Kind) -> &'static str {
    t(match kind {
        Kind::Strategy => CliMsg::KindStrategy,
        Kind::Workplan => CliMsg::KindWorkplan,
        Kind::Charter => CliMsg::KindCharter,
    })
}

/// Documents that failed validation are listed after the good ones and make
/// the command fail, so a broken file is never silently skipped.
pub(super) fn report_problems(problems: &[crate::domain::Invalid]) -> Result<(), Failure> {
    match problems {
        [] => Ok(()),
        [one] => Err(Failure::new(one.to_string())),
        [first, rest @ ..] => {
            for p in rest {
                eprintln!("udkast: {}", crate::text::inert(&p.to_string()));
            }
            Err(Failure::new(first.to_string()))
        }
    }
}

#[derive(Serialize)]
struct Shown<'a> {
    slug: &'a str,
    draft: u32,
    commit: String,
    text: &'a str,
}

/// Prints a draft's text: byte for byte into a pipe or file (saying on
/// standard error which draft it was, for `save --base`), with control
/// characters made visible on a terminal.
pub fn show(repo: &Path, slug: &str, draft: Option<u32>, json: bool) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    let usecase::DraftBytes { draft: shown, bytes } = usecase::draft_bytes(&store, &slug, draft)?;
    if json {
        let text = check_document(&paths::document(&slug), &bytes)?;
        return print_json(&Shown {
            slug: slug.as_str(),
            draft: shown.number,
            commit: shown.commit.to_string(),
            text,
        });
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        let text = String::from_utf8_lossy(&bytes);
        let visible: String = text
            .split_inclusive('\n')
            .map(|line| {
                let (body, end) = match line.strip_suffix('\n') {
                    Some(body) => (body, "\n"),
                    None => (line, ""),
                };
                format!("{}{end}", crate::text::inert_keep_tabs(body))
            })
            .collect();
        return write_stdout(visible.as_bytes());
    }
    eprintln!(
        "{}",
        tf(
            CliMsg::ShowWhich,
            &[
                ("draft", &shown.number),
                ("slug", &slug),
                ("commit", &crate::store::short(shown.commit)),
            ],
        )
    );
    write_stdout(&bytes)
}

pub fn save(
    repo: &Path,
    slug: &str,
    stdin: Option<String>,
    file: Option<PathBuf>,
    message: &str,
    base: Option<&str>,
) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let (bytes, shown) = match (stdin.as_deref(), file) {
        (Some("-"), None) => read_text(Path::new("-"))?,
        (None, Some(path)) => read_text(&path)?,
        (Some(other), _) if other != "-" => {
            return Err(Failure::new(tf(
                CliMsg::SaveUnexpected,
                &[("argument", &crate::text::inert(other))],
            )));
        }
        _ => {
            return Err(Failure::new(t(CliMsg::SaveGiveText)));
        }
    };
    let store = Store::open(repo)?;
    let base = match base {
        Some(spec) => Some(store.version(&slug, spec)?.commit.into()),
        None => None,
    };
    let request = SaveRequest {
        slug: &slug,
        text: &bytes,
        base,
        message,
        source: &shown,
    };
    match usecase::save(&store, &request) {
        Ok(saved) => report_saved(&store, &saved),
        Err(Refused::Store(e @ StoreError::Conflict { .. })) if shown == "<stdin>" => {
            let kept = keep_text(&slug, &bytes)?;
            Err(Failure::new(tf(
                CliMsg::SaveKeptText,
                &[("error", &e), ("file", &kept.display())],
            )))
        }
        Err(Refused::EmptyMessage) => Err(Failure::new(t(CliMsg::SaveEmptyMessage))),
        Err(e) => Err(e.into()),
    }
}

/// Keeps text that could not be saved in the user's state folder.
/// Every kept text gets a file of its own: the name has the time to the
/// millisecond, and a number when that name is taken (never overwritten).
fn keep_text(slug: &Slug, bytes: &[u8]) -> Result<PathBuf, Failure> {
    use std::io::Write;
    let dir = crate::dirs::state_dir().join("conflicts");
    let fail = |e: std::io::Error| {
        Failure::new(tf(
            CliMsg::CannotKeepText,
            &[("folder", &dir.display()), ("error", &e)],
        ))
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S%.3f");
    let mut file = tempfile::NamedTempFile::new_in(&dir).map_err(fail)?;
    file.write_all(bytes)
        .and_then(|_| file.as_file().sync_all())
        .map_err(fail)?;
    for n in 1.. {
        let name = match n {
            1 => format!("{slug}-{stamp}.md"),
            n => format!("{slug}-{stamp}-{n}.md"),
        };
        match file.persist_noclobber(dir.join(&name)) {
            Ok(_) => return Ok(dir.join(name)),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => file = e.file,
            Err(e) => return Err(fail(e.error)),
        }
    }
    // The names run out only after usize::MAX tries.
    unreachable!()
}

#[derive(Serialize)]
struct LogRow<'a> {
    draft: u32,
    commit: String,
    author: &'a str,
    email: &'a str,
    date: String,
    message: &'a str,
    /// The number the writer recorded in the commit, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded_as: Option<u32>,
}

pub fn log(repo: &Path, slug: &str, json: bool) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    let history = usecase::history(&store, &slug)?;
    let drafts: Vec<&Draft> = history.iter().map(|h| &h.draft).collect();
    let rows: Vec<LogRow<'_>> = drafts
        .iter()
        .rev()
        .map(|d| LogRow {
            draft: d.number,
            commit: d.commit.to_string(),
            author: &d.author,
            email: &d.email,
            date: iso_date(&d.time),
            message: &d.summary,
            recorded_as: d.recorded.filter(|&r| r != d.number),
        })
        .collect();
    if json {
        return print_json(&rows);
    }
    let cells: Vec<Vec<String>> = drafts
        .iter()
        .rev()
        .zip(&rows)
        .map(|(d, r)| {
            let note = r
                .recorded_as
                .map(|n| tf(CliMsg::LogRecordedAs, &[("draft", &n)]))
                .unwrap_or_default();
            vec![
                r.draft.to_string(),
                short(d.commit),
                table_time(&d.time),
                d.author.clone(),
                format!("{}{note}", d.summary),
            ]
        })
        .collect();
    let header = [
        t(CliMsg::ColDraft),
        t(CliMsg::ColCommit),
        t(CliMsg::ColDate),
        t(CliMsg::ColAuthor),
        t(CliMsg::ColMessage),
    ];
    write_stdout(table(&header, &cells, &[0]).as_bytes())
}
