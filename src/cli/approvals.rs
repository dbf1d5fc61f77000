//! `decide`, `status`, `tag` and `verify`: governing bodies' decisions on
//! drafts, where each document stands on its route, approved versions, and the
//! check a server's pre-receive hook runs.

use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use super::output::{
    Failure, danish, in_english, parse_slug, print_json, spoken_date, table, warn, write_stdout,
};
use crate::domain::{ApprovalStatus, Outcome, Slug};
use crate::lang::{CliMsg, t, table_date, tf};
use crate::store::{ApprovedTag, DecisionInput, Store, short};
use crate::usecase;

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
    pub recommendation: Option<String>,
    pub changes_owed: Vec<String>,
    pub withdraws: Option<String>,
    /// A meeting date more than a year ahead is meant.
    pub yes: bool,
}

/// The meeting date, refused when more than a year ahead unless `yes`: a
/// year typed wrong (2052 for 2025) would otherwise stand in the record.
fn parse_date(date: &str, yes: bool, today: Date) -> Result<Date, Failure> {
    let meeting = crate::domain::parse_meeting_date(date)?;
    if crate::domain::far_ahead(meeting, today) && !yes {
        return Err(Failure::new(tf(
            CliMsg::MeetingFarAhead,
            &[("date", &meeting.strftime("%d-%m-%Y"))],
        )));
    }
    Ok(meeting)
}

/// `udkast route SLUG IDS…`.
pub fn route(repo: &Path, slug: &str, ids: &[String]) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = super::output::open_store(repo)?;
    let rerouted = usecase::set_route(&store, &slug, ids)?;
    write_stdout(format!("{}\n", rerouted.report()).as_bytes())
}

pub fn decide(repo: &Path, args: DecideArgs) -> Result<(), Failure> {
    let slug = parse_slug(&args.slug)?;
    let outcome: Outcome = args.outcome.parse()?;
    let meeting = parse_date(&args.date, args.yes, jiff::Zoned::now().date())?;
    let store = super::output::open_store(repo)?;
    let input = DecisionInput {
        draft: args.draft,
        body: args.body,
        outcome,
        meeting,
        item: args.item,
        case: args.case,
        text: args.text,
        recommendation: args.recommendation,
        changes_owed: args.changes_owed,
        withdraws: args.withdraws,
    };
    let decided = usecase::decide(&store, &slug, input)?;
    for warning in decided.warnings() {
        warn(warning);
    }
    write_stdout(format!("{}\n", decided.report()).as_bytes())
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
    /// Where the branch stands against the team's remote, as last fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    sync: Option<usecase::SyncState>,
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
    let store = super::output::open_store(repo)?;
    let Some(slug) = slug else {
        return status_all(&store, json);
    };
    let slug = parse_slug(slug)?;
    let approvals = usecase::approvals(&store, &slug)?;
    let status = &approvals.status;
    if json {
        print_json(&StatusJson {
            slug: slug.as_str(),
            title: &approvals.title,
            summary: in_english(|| status.summary()),
            status,
            tags: tags_json(status, &approvals.tags),
            sync: usecase::sync_state(&store)?,
        })?;
    } else {
        write_stdout(matrix_text(&slug, &approvals.title, status, &approvals.tags).as_bytes())?;
    }
    report_problems(&approvals.problems)
}

/// The matrix of drafts × bodies, the standing line, the decisions and the tags.
fn matrix_text(slug: &Slug, title: &str, status: &ApprovalStatus, tags: &[ApprovedTag]) -> String {
    let heading = tf(
        CliMsg::StatusHeading,
        &[
            ("slug", slug),
            ("route", &status.route),
            ("draft", &status.current.as_ref().map_or(0, |c| c.number)),
            // Last, as a title may have braces of its own.
            ("title", &crate::text::inert(title)),
        ],
    );
    let mut out = format!("{heading}\n\n");
    let header: Vec<&str> = std::iter::once(t(CliMsg::ColDraft))
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
    for d in status.changes_owed() {
        out.push_str(&format!("{}:\n", status.owed_heading(d)));
        for change in &d.changes_owed {
            out.push_str(&format!("  - {}\n", crate::text::inert(change)));
        }
    }
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
        let command = format!("udkast diff {slug} {draft} {}", current.unwrap_or(draft));
        let line = tf(
            CliMsg::StatusWhatChanged,
            &[("draft", &draft), ("command", &command)],
        );
        out.push_str(&format!("{line}\n"));
    }
    if !status.decisions.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = status
            .decisions
            .iter()
            .rev()
            .map(|d| {
                vec![
                    table_date(&d.meeting.to_string()),
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
                t(CliMsg::ColMeeting),
                t(CliMsg::ColBody),
                t(CliMsg::ColDraft),
                t(CliMsg::ColDecision),
                t(CliMsg::ColItem),
                t(CliMsg::ColCase),
                t(CliMsg::ColRecordedBy),
                t(CliMsg::ColId),
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
                    Some(r) => tf(CliMsg::StatusTagDraft, &[("tag", &t.name), ("draft", &r.draft)]),
                    None => format!("{} ({})", t.name, short(t.target)),
                }
            })
            .collect();
        let line = tf(CliMsg::StatusApprovedVersions, &[("tags", &names.join(", "))]);
        out.push_str(&format!("\n{line}\n"));
    }
    // What each body recommended and decided, in its own words.
    for d in status.decisions.iter().rev() {
        if d.recommendation.is_none() && d.text.is_none() {
            continue;
        }
        let line = tf(
            CliMsg::StatusDecisionOn,
            &[
                ("body", &d.body),
                ("label", &d.outcome.label_da()),
                ("draft", &status.draft_of(d).map_or("?".into(), |n| n.to_string())),
                ("date", &spoken_date(d.meeting, "%d-%m-%Y")),
            ],
        );
        out.push_str(&format!("\n{line}\n"));
        if let Some(r) = &d.recommendation {
            out.push_str(t(CliMsg::StatusRecommendation));
            out.push('\n');
            for line in r.lines() {
                out.push_str(&format!("    {}\n", crate::text::inert(line)));
            }
        }
        if let Some(text) = &d.text {
            out.push_str(t(CliMsg::StatusDecision));
            out.push('\n');
            for line in text.lines() {
                out.push_str(&format!("    {}\n", crate::text::inert(line)));
            }
        }
    }
    let legend: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| {
            let word = if danish() { o.label_da() } else { o.as_str() };
            format!("{} {word}", o.symbol())
        })
        .collect();
    out.push_str(&format!("\n{}\n", legend.join("  ")));
    out
}

fn status_all(store: &Store, json: bool) -> Result<(), Failure> {
    let all = usecase::all_approvals(store)?;
    let sync = usecase::sync_state(store)?;
    if json {
        let json: Vec<StatusJson<'_>> = all
            .documents
            .iter()
            .map(|d| StatusJson {
                slug: d.slug.as_str(),
                title: &d.title,
                summary: in_english(|| d.status.summary()),
                status: &d.status,
                tags: tags_json(&d.status, &d.tags),
                sync: sync.clone(),
            })
            .collect();
        print_json(&json)?;
    } else {
        let rows: Vec<Vec<String>> = all
            .documents
            .iter()
            .map(|d| {
                vec![
                    d.slug.to_string(),
                    d.status.current.as_ref().map_or(0, |c| c.number).to_string(),
                    d.status.summary(),
                ]
            })
            .collect();
        let header = [t(CliMsg::ColSlug), t(CliMsg::ColDraft), t(CliMsg::ColStatus)];
        write_stdout(table(&header, &rows, &[1]).as_bytes())?;
        if let Some(state) = &sync {
            let summary = state.summary(&jiff::Zoned::now());
            let summary = match summary.is_empty() {
                true => t(CliMsg::StatusNeverSynced).to_string(),
                false => summary,
            };
            let line = tf(
                CliMsg::StatusAgainst,
                &[
                    ("branch", &state.branch),
                    ("remote", &state.remote),
                    ("state", &summary),
                ],
            );
            write_stdout(format!("\n{}\n", crate::text::inert(&line)).as_bytes())?;
        }
    }
    report_problems(&all.problems)
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
    let tagged = usecase::tag(&store, &slug, draft, force, &mut |p| warn(&p.to_string()))?;
    write_stdout(format!("{}\n", tagged.report()).as_bytes())
}

#[derive(Serialize)]
struct VerifyJson<'a> {
    ok: bool,
    #[serde(flatten)]
    verification: &'a crate::store::Verification,
}

pub fn verify(repo: &Path, json: bool) -> Result<(), Failure> {
    let store = Store::open(repo)?;
    let verified = usecase::verify(&store)?;
    let ok = verified.ok();
    if json {
        print_json(&VerifyJson {
            ok,
            verification: &verified.verification,
        })?;
    } else if ok {
        write_stdout(format!("{}\n", verified.summary()).as_bytes())?;
    } else {
        let lines: String = verified
            .verification
            .findings
            .iter()
            .map(|f| format!("{}\n", crate::text::inert(&f.to_string())))
            .collect();
        write_stdout(lines.as_bytes())?;
    }
    if ok {
        Ok(())
    } else {
        Err(Failure::new(verified.summary()))
    }
}
