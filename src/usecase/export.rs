//! A draft as a Bilag for the agenda: DOCX with tracked changes and comments,
//! PDF or HTML, written whole or not at all.

use std::path::PathBuf;

use super::Refused;
use crate::domain::{Kind, Slug, ThreadStatus};
use crate::export::{self, Bilag, CommentMessage, Cover, CoverBody, Draft, Format, Source, ThreadInput};
use crate::lang::{CliMsg, t, tf};
use crate::store::{Store, StoreError};

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub slug: Slug,
    /// `latest`, `approved`, a draft number or a commit.
    pub draft: String,
    /// What the changes are measured from.
    pub since: Since,
    /// The open review threads as comments.
    pub comments: bool,
    pub format: Format,
    pub out: PathBuf,
}

/// What the changes of an export are measured from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    /// No changes: the draft as it reads.
    Nothing,
    /// `approved`, a draft number or a commit; refused when there is none.
    Version(String),
    /// The newest approved version, or no changes when there is none yet
    /// (what the TUI's export offers).
    ApprovedIfAny,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub format: Format,
    pub bytes: usize,
    pub draft: String,
    pub since: Option<String>,
    /// Runs inserted and deleted.
    pub changes: usize,
    pub comments: usize,
    /// What went out as plain text, or was left out.
    pub warnings: Vec<String>,
}

impl Exported {
    /// The line the command line and the status line show, in the thread's
    /// language: `wrote klima-udkast-3.docx (DOCX, 20480 bytes) of draft 3,
    /// 12 changes since approved, 2 comments`.
    pub fn summary(&self) -> String {
        let mut s = tf(
            CliMsg::ExportWrote,
            &[
                ("file", &self.path.display()),
                ("format", &self.format.as_str().to_uppercase()),
                ("bytes", &self.bytes),
                ("draft", &self.draft),
            ],
        );
        if let Some(since) = &self.since {
            s.push_str(&tf(
                CliMsg::ExportChanges,
                &[("n", &self.changes), ("since", since)],
            ));
        }
        match self.comments {
            0 => {}
            1 => s.push_str(t(CliMsg::ExportCommentOne)),
            n => s.push_str(&tf(CliMsg::ExportComments, &[("n", &n)])),
        }
        s
    }
}

/// The Bilag of a request, with how its two versions are called.
fn bilag(store: &Store, request: &ExportRequest) -> Result<(Bilag, String, Option<String>), Refused> {
    let slug = &request.slug;
    let approvals = store.approvals(slug)?;
    let newer = store.version(slug, &request.draft)?;
    let older = match &request.since {
        Since::Nothing => None,
        Since::Version(spec) => Some(store.version(slug, spec)?),
        Since::ApprovedIfAny => match store.version(slug, "approved") {
            Ok(version) => Some(version),
            Err(StoreError::NoApprovedVersion(_)) => None,
            Err(e) => return Err(e.into()),
        },
    };
    let drafts = &approvals.drafts;
    let find = |number: Option<u32>| number.and_then(|n| drafts.iter().find(|d| d.number == n));
    let rfc = |t: &jiff::Zoned| t.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let dmy = |t: &jiff::Zoned| t.strftime("%d-%m-%Y").to_string();
    let newer_draft = find(newer.draft);
    let (newer_author, newer_time) = match newer_draft {
        Some(d) => (d.author.clone(), d.time.clone()),
        None => (String::new(), jiff::Zoned::now()),
    };

    // The drafts from the older version to the newer one, each read once.
    let mut texts: Vec<(u32, String, String, String)> = Vec::new();
    if let Some(older) = &older {
        match (older.draft, newer.draft) {
            (Some(from), Some(to)) if from < to => {
                for d in drafts.iter().filter(|d| d.number >= from && d.number <= to) {
                    let text = if d.number == to {
                        newer.text.clone()
                    } else if d.number == from {
                        older.text.clone()
                    } else {
                        // By its blob: the drafts are numbered already.
                        String::from_utf8_lossy(&store.blob(d.document)?).into_owned()
                    };
                    texts.push((d.number, text, d.author.clone(), rfc(&d.time)));
                }
            }
            _ => {
                let o = find(older.draft);
                texts.push((
                    older.draft.unwrap_or(0),
                    older.text.clone(),
                    o.map_or_else(String::new, |d| d.author.clone()),
                    o.map_or_else(String::new, |d| rfc(&d.time)),
                ));
                texts.push((
                    newer.draft.unwrap_or(0),
                    newer.text.clone(),
                    newer_author.clone(),
                    rfc(&newer_time),
                ));
            }
        }
    } else {
        texts.push((
            newer.draft.unwrap_or(0),
            newer.text.clone(),
            newer_author.clone(),
            rfc(&newer_time),
        ));
    }

    let config = &approvals.config;
    let status = &approvals.status;
    let name_of = |id: &str| config.body(id).map_or_else(|| id.to_string(), |b| b.name.clone());
    let route = &status.route;
    let mut decisions = Vec::new();
    for body in status.bodies.iter().filter(|b| b.on_route) {
        if let Some(d) = &body.latest {
            decisions.push(format!(
                "Beslutning i {} den {}: {}.",
                name_of(&d.body.0),
                d.meeting.strftime("%d-%m-%Y"),
                d.outcome.label_da()
            ));
        }
    }
    let latest_with = |pick: fn(&crate::domain::Decision) -> Option<&String>| {
        let mut with: Vec<_> = status.decisions.iter().filter(|d| pick(d).is_some()).collect();
        with.sort_by_key(|d| d.sort_key());
        with.last().and_then(|d| pick(d).cloned())
    };
    let since = older.as_ref().map(|o| {
        let when = find(o.draft)
            .map(|d| format!(" af {}", dmy(&d.time)))
            .unwrap_or_default();
        let tagged = store
            .approved_tags(Some(slug))
            .ok()
            .and_then(|tags| tags.into_iter().rev().find(|t| t.target == o.commit));
        match (tagged, o.draft) {
            (Some(tag), Some(n)) => {
                format!("Ændringer siden godkendt version {} (udkast {n}{when})", tag.name)
            }
            (Some(tag), None) => format!("Ændringer siden godkendt version {}", tag.name),
            (None, Some(n)) => format!("Ændringer siden udkast {n}{when}"),
            (None, None) => format!("Ændringer siden {}", o.label.in_lang(crate::lang::Lang::Da)),
        }
    });
    let cover = Cover {
        title: newer.meta.title.clone(),
        kind: match newer.meta.kind {
            Kind::Strategy => "Strategi",
            Kind::Workplan => "Arbejdsplan",
            Kind::Charter => "Charter",
        }
        .to_string(),
        draft: newer.draft.unwrap_or(0),
        date: dmy(&newer_time),
        author: newer_author,
        case: latest_with(|d| d.case.as_ref()),
        item: latest_with(|d| d.item.as_ref()),
        bodies: config
            .bodies
            .iter()
            .map(|b| CoverBody {
                id: b.id.0.clone(),
                name: b.name.clone(),
                on_route: route.contains(&b.id),
            })
            .collect(),
        decisions,
        since: since.clone(),
    };

    let threads = if request.comments {
        let shown = match newer.draft {
            Some(n) => super::Shown::Draft(n),
            None => super::Shown::Text(&newer.text),
        };
        super::threads(store, slug, shown)?
            .threads
            .into_iter()
            .filter(|t| t.thread.status == ThreadStatus::Open)
            .map(|t| ThreadInput {
                lines: t.placement.lines(),
                short_id: t.short.clone(),
                messages: t
                    .thread
                    .messages
                    .iter()
                    .map(|m| CommentMessage {
                        author: m.author.clone(),
                        date: m.time.parse::<jiff::Timestamp>().map_or_else(
                            |_| m.time.clone(),
                            |t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
                        ),
                        text: m.text.clone(),
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let source = Source {
        cover,
        drafts: texts
            .iter()
            .map(|(number, text, author, date)| Draft {
                number: *number,
                text,
                author: author.clone(),
                date: date.clone(),
            })
            .collect(),
        threads,
    };
    Ok((
        export::build(&source),
        newer.label.to_string(),
        older.map(|o| o.label.to_string()),
    ))
}

/// Writes the Bilag of `request` to its file, whole or not at all.
pub fn export(store: &Store, request: &ExportRequest) -> Result<Exported, Refused> {
    let (bilag, draft, since) = bilag(store, request)?;
    let bytes = export::render(&bilag, request.format)?;
    store.write_user_file(&request.out, &bytes)?;
    let changes = bilag
        .blocks
        .iter()
        .flat_map(|b| b.runs.iter().chain(b.rows.iter().flatten().flatten()))
        .filter(|r| r.change.is_some())
        .count();
    Ok(Exported {
        path: request.out.clone(),
        format: request.format,
        bytes: bytes.len(),
        draft,
        since,
        changes,
        comments: bilag.comments.len(),
        warnings: bilag.warnings,
    })
}
