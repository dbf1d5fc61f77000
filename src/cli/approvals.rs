//! `decide`, `status`, `tag` and `verify`: governing bodies' decisions on
//! drafts, where each document stands on its route, approved versions, and the
//! check a server's pre-receive hook runs.

use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use super::output::{Failure, print_json, table, write_stdout};
use crate::domain::{ApprovalStatus, Outcome, Slug};
use crate::store::{ApprovedTag, DecisionInput, Recorded, Store, short};

/// What `udkast decide` was given.
pub struct DecideArgs {
    pub slug: String,
    pub draft: u32,
    pub body: String,
    pub outcome: String,
    pub date: String,
    pub item: Option<String>,
    pub case: Option<String>,
    pub text: Option<String>,
    pub withdraws: Option<String>,
}

fn parse_slug(slug: &str) -> Result<Slug, Failure> {
    Slug::parse(slug).map_err(Failure::from)
}

fn parse_date(date: &str) -> Result<Date, Failure> {
    let bad = || {
        Failure::new(format!(
            "--date \"{}\" is not a date; give the meeting date as YYYY-MM-DD",
            crate::text::inert(date)
        ))
    };
    if date.len() != 10 {
        return Err(bad());
    }
    date.parse().map_err(|_| bad())
}

fn warn(message: &str) {
    eprintln!("udkast: warning: {}", crate::text::inert(message));
}

pub fn decide(repo: &Path, args: DecideArgs) -> Result<(), Failure> {
    let slug = parse_slug(&args.slug)?;
    let outcome: Outcome = args.outcome.parse()?;
    let meeting = parse_date(&args.date)?;
    let store = Store::open(repo)?;
    let input = DecisionInput {
        draft: args.draft,
        body: args.body,
        outcome,
        meeting,
        item: args.item,
        case: args.case,
        text: args.text,
        withdraws: args.withdraws,
    };
    let Recorded {
        decision,
        saved,
        warnings,
        after,
    } = store.decide(&slug, input)?;
    for warning in &warnings {
        warn(warning);
    }
    let text = format!(
        "Recorded {} {} ({}) on draft {} of {slug}, meeting {}, as {} ({} on {})\n{slug}: {}\n",
        decision.body,
        outcome.label_da(),
        outcome,
        decision.draft,
        decision.meeting,
        decision.id,
        short(saved.commit),
        store.branch_short(),
        after.status.summary()
    );
    write_stdout(text.as_bytes())
}

/// One document's approvals as `status --json` prints them.
#[derive(Serialize)]
struct StatusJson<'a> {
    slug: &'a str,
    title: &'a str,
    summary: String,
    #[serde(flatten)]
    status: &'a ApprovalStatus,
    tags: Vec<TagJson>,
}

#[derive(Serialize)]
struct TagJson {
    name: String,
    draft: Option<u32>,
    commit: String,
    signed: bool,
}

fn tags_json(status: &ApprovalStatus, tags: &[ApprovedTag]) -> Vec<TagJson> {
    tags.iter()
        .map(|t| TagJson {
            name: t.name.clone(),
            draft: status
                .rows
                .iter()
                .find(|r| r.commit == t.target.to_string())
                .map(|r| r.draft),
            commit: t.target.to_string(),
            signed: t.signed,
        })
        .collect()
}

pub fn status(repo: &Path, slug: Option<&str>, json: bool) -> Result<(), Failure> {
    let store = Store::open(repo)?;
    let Some(slug) = slug else {
        return status_all(&store, json);
    };
    let slug = parse_slug(slug)?;
    let approvals = store.approvals(&slug)?;
    let tags = store.approved_tags(Some(&slug))?;
    let status = &approvals.status;
    if json {
        print_json(&StatusJson {
            slug: slug.as_str(),
            title: &approvals.entry.meta.title,
            summary: status.summary(),
            status,
            tags: tags_json(status, &tags),
        })?;
    } else {
        write_stdout(matrix_text(&slug, &approvals.entry.meta.title, status, &tags).as_bytes())?;
    }
    report_problems(&approvals.problems)
}

/// The matrix of drafts × bodies, the standing line, the decisions and the tags.
fn matrix_text(slug: &Slug, title: &str, status: &ApprovalStatus, tags: &[ApprovedTag]) -> String {
    let route: Vec<&str> = status.route.iter().map(|b| b.0.as_str()).collect();
    let mut out = format!(
        "{} ({slug}) — route {}; current draft {}\n\n",
        crate::text::inert(title),
        if route.is_empty() {
            "none".into()
        } else {
            route.join(" → ")
        },
        status.current.as_ref().map_or(0, |c| c.number)
    );
    let header: Vec<&str> = std::iter::once("DRAFT")
        .chain(status.columns.iter().map(|b| b.0.as_str()))
        .collect();
    let rows: Vec<Vec<String>> = status
        .rows
        .iter()
        .map(|r| {
            std::iter::once(r.draft.to_string())
                .chain(r.cells.iter().map(|c| c.map_or("", |o| o.symbol()).to_string()))
                .collect()
        })
        .collect();
    out.push_str(&table(&header, &rows, &[0]));
    out.push('\n');
    out.push_str(&status.summary());
    out.push('\n');
    let current = status.current.as_ref().map(|c| c.number);
    let mut stale: Vec<u32> = status
        .bodies
        .iter()
        .filter(|b| b.standing.is_stale())
        .filter_map(|b| b.standing.draft())
        .collect();
    stale.sort_unstable();
    stale.dedup();
    for draft in stale {
        out.push_str(&format!(
            "What changed since draft {draft}: udkast diff {slug} {draft} {}\n",
            current.unwrap_or(draft)
        ));
    }
    if !status.decisions.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = status
            .decisions
            .iter()
            .rev()
            .map(|d| {
                vec![
                    d.meeting.to_string(),
                    d.body.to_string(),
                    status.draft_of(d).map_or("?".into(), |n| n.to_string()),
                    d.outcome.label_da().to_string(),
                    d.item.clone().unwrap_or_default(),
                    d.case.clone().unwrap_or_default(),
                    d.recorded_by.name.clone(),
                    d.id.clone(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "MEETING",
                "BODY",
                "DRAFT",
                "DECISION",
                "ITEM",
                "CASE",
                "RECORDED BY",
                "ID",
            ],
            &rows,
            &[2],
        ));
    }
    if !tags.is_empty() {
        let names: Vec<String> = tags
            .iter()
            .map(|t| {
                let draft = status.rows.iter().find(|r| r.commit == t.target.to_string());
                match draft {
                    Some(r) => format!("{} (draft {})", t.name, r.draft),
                    None => format!("{} ({})", t.name, short(t.target)),
                }
            })
            .collect();
        out.push_str(&format!("\nApproved versions: {}\n", names.join(", ")));
    }
    let legend: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| format!("{} {}", o.symbol(), o.as_str()))
        .collect();
    out.push_str(&format!("\n{}\n", legend.join("  ")));
    out
}

fn status_all(store: &Store, json: bool) -> Result<(), Failure> {
    let snapshot = store.snapshot()?;
    let index = store.draft_index(Some(snapshot.commit), None)?;
    let tags = store.approved_tags(None)?;
    let mut strategies: Vec<_> = snapshot.strategies.iter().collect();
    strategies.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut problems = snapshot.problems.clone();
    let mut computed = Vec::with_capacity(strategies.len());
    for entry in &strategies {
        let drafts = index.drafts(entry.slug.as_str());
        let (status, more) = store.status_at(snapshot.commit, entry, &snapshot.config, drafts)?;
        problems.extend(more);
        computed.push(status);
    }
    if json {
        let all: Vec<StatusJson<'_>> = strategies
            .iter()
            .zip(&computed)
            .map(|(entry, status)| {
                let own: Vec<ApprovedTag> = tags.iter().filter(|t| t.slug == entry.slug).cloned().collect();
                StatusJson {
                    slug: entry.slug.as_str(),
                    title: &entry.meta.title,
                    summary: status.summary(),
                    status,
                    tags: tags_json(status, &own),
                }
            })
            .collect();
        print_json(&all)?;
    } else {
        let rows: Vec<Vec<String>> = strategies
            .iter()
            .zip(&computed)
            .map(|(entry, status)| {
                vec![
                    entry.slug.to_string(),
                    status.current.as_ref().map_or(0, |c| c.number).to_string(),
                    status.summary(),
                ]
            })
            .collect();
        write_stdout(table(&["SLUG", "DRAFT", "STATUS"], &rows, &[1]).as_bytes())?;
    }
    report_problems(&problems)
}

/// Files that could not be read are listed after the output and make the
/// command fail, as in `udkast list`.
fn report_problems(problems: &[crate::domain::Invalid]) -> Result<(), Failure> {
    match problems {
        [] => Ok(()),
        [first, rest @ ..] => {
            for p in rest {
                eprintln!("udkast: {}", crate::text::inert(&p.to_string()));
            }
            Err(Failure::new(first.to_string()))
        }
    }
}

pub fn tag(repo: &Path, slug: &str, draft: Option<u32>, force: bool) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    for p in &store.approvals(&slug)?.problems {
        warn(&p.to_string());
    }
    let tagged = store.tag_approved(&slug, draft, force)?;
    let text = format!(
        "Tagged draft {} of {slug} as {}{}, listing {} decision{}{}\n",
        tagged.draft,
        tagged.name,
        if tagged.signed { " (signed)" } else { "" },
        tagged.decisions,
        if tagged.decisions == 1 { "" } else { "s" },
        if tagged.forced.is_some() { " (forced)" } else { "" }
    );
    write_stdout(text.as_bytes())
}

#[derive(Serialize)]
struct VerifyJson<'a> {
    ok: bool,
    #[serde(flatten)]
    verification: &'a crate::store::Verification,
}

pub fn verify(repo: &Path, json: bool) -> Result<(), Failure> {
    let store = Store::open(repo)?;
    let v = store.verify()?;
    let ok = v.findings.is_empty();
    if json {
        print_json(&VerifyJson { ok, verification: &v })?;
    } else if ok {
        let text = format!(
            "Verified {} document{}, {} decision{} and {} approved version{} on {}: all in order\n",
            v.strategies,
            plural(v.strategies),
            v.decisions,
            plural(v.decisions),
            v.tags,
            plural(v.tags),
            store.branch_short()
        );
        write_stdout(text.as_bytes())?;
    } else {
        let lines: String = v
            .findings
            .iter()
            .map(|f| format!("{}\n", crate::text::inert(&f.to_string())))
            .collect();
        write_stdout(lines.as_bytes())?;
    }
    if ok {
        Ok(())
    } else {
        let n = v.findings.len();
        Err(Failure::new(format!("verify found {n} problem{}", plural(n))))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
