//! `decide`, `status`, `tag` and `verify`: governing bodies' decisions on
//! drafts, where each document stands on its route, approved versions, and the
//! check a server's pre-receive hook runs.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::output::{Failure, print_json, table, write_stdout};
use crate::domain::{
    ApprovalStatus, BodyId, Decision, Outcome, Person, Slug, TagContent, WorkspaceConfig, tag_message,
};
use crate::store::{ApprovedTag, Store, StoreError, short};

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
}

fn parse_slug(slug: &str) -> Result<Slug, Failure> {
    Slug::parse(slug).map_err(Failure::new)
}

/// The user's git identity, refused unless it is a lead of the workspace.
fn lead(
    store: &Store,
    config: &WorkspaceConfig,
    action: &'static str,
) -> Result<git2::Signature<'static>, Failure> {
    let identity = store.identity()?;
    let email = String::from_utf8_lossy(identity.email_bytes()).into_owned();
    if !config.is_lead(&email) {
        return Err(StoreError::NotALead(action).into());
    }
    Ok(identity)
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
    let outcome: Outcome = args.outcome.parse().map_err(Failure::new)?;
    let meeting = parse_date(&args.date)?;
    Decision::check_input(args.item.as_deref(), args.case.as_deref(), args.text.as_deref())
        .map_err(Failure::new)?;
    let store = Store::open(repo)?;
    let approvals = store.approvals(&slug)?;
    let config = &approvals.config;
    let identity = lead(&store, config, "record decisions")?;
    // Body ids are uppercase; "øke" on the command line means ØKE.
    let body = BodyId(args.body.to_uppercase());
    if config.body(&body.0).is_none() {
        let known: Vec<&str> = config.bodies.iter().map(|b| b.id.0.as_str()).collect();
        return Err(Failure::new(format!(
            "unknown body \"{}\" (known: {})",
            crate::text::inert(&args.body),
            known.join(", ")
        )));
    }
    let route = approvals.entry.meta.effective_route(config);
    if !route.contains(&body) {
        let names: Vec<&str> = route.iter().map(|b| b.0.as_str()).collect();
        warn(&format!(
            "{body} is not on the route of {slug} ({}); recording it anyway",
            names.join(" → ")
        ));
    }
    let draft = approvals
        .drafts
        .iter()
        .find(|d| d.number == args.draft)
        .ok_or_else(|| StoreError::NoSuchDraft {
            slug: slug.to_string(),
            number: args.draft,
            count: approvals.drafts.len(),
        })?;
    let now = Timestamp::from_second(Timestamp::now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH);
    let decision = Decision {
        id: Decision::new_id(now),
        format: crate::domain::FORMAT_VERSION,
        body,
        draft: draft.number,
        commit: draft.commit.to_string(),
        outcome,
        meeting,
        item: args.item,
        case: args.case,
        text: args.text,
        recorded_at: now,
        recorded_by: Person {
            name: String::from_utf8_lossy(identity.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(identity.email_bytes()).into_owned(),
        },
    };
    let saved = store.record_decision(approvals.head, &slug, &decision, &identity)?;
    for warning in &saved.warnings {
        warn(warning);
    }
    let after = store.approvals(&slug)?;
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
    let approvals = store.approvals(&slug)?;
    let identity = lead(&store, &approvals.config, "tag approved versions")?;
    let status = &approvals.status;
    for p in &approvals.problems {
        warn(&p.to_string());
    }
    // Without --draft: the newest draft the final body approved, else the current one.
    let row = match draft {
        Some(n) => status
            .rows
            .iter()
            .find(|r| r.draft == n)
            .ok_or_else(|| StoreError::NoSuchDraft {
                slug: slug.to_string(),
                number: n,
                count: status.rows.len(),
            })?,
        None => status
            .newest_final_approval()
            .or(status.rows.first())
            .ok_or_else(|| StoreError::UnknownStrategy(slug.to_string()))?,
    };
    let reason = match status.route.last() {
        None => Some(format!("{slug} has no approval route")),
        Some(last) if status.final_approvals(&row.commit).is_empty() => Some(format!(
            "{last}, the last body of the route, has not approved or adopted draft {}",
            row.draft
        )),
        Some(_) => None,
    };
    let commit = git2::Oid::from_str(&row.commit).map_err(StoreError::from)?;
    let existing = store.approved_tags(Some(&slug))?;
    let already = existing.iter().find(|t| t.target == commit);
    if !force {
        if let Some(reason) = &reason {
            return Err(StoreError::NotApproved(format!(
                "{reason}; record the decision with `udkast decide`, or tag anyway with --force"
            ))
            .into());
        }
        if let Some(t) = already {
            return Err(StoreError::NotApproved(format!(
                "draft {} is already approved version {}; tag it again with --force",
                row.draft, t.name
            ))
            .into());
        }
    }
    let decisions: Vec<Decision> = status
        .decisions
        .iter()
        .filter(|d| d.commit == row.commit)
        .cloned()
        .collect();
    let content = TagContent {
        slug: &slug,
        title: &approvals.entry.meta.title,
        draft: row.draft,
        commit: &row.commit,
        decisions: &decisions,
        forced: reason.as_deref(),
    };
    let (name, signed) =
        store.create_approved_tag(&slug, commit, &identity, &|n| tag_message(&content, n))?;
    let text = format!(
        "Tagged draft {} of {slug} as {name}{}, listing {} decision{}{}\n",
        row.draft,
        if signed { " (signed)" } else { "" },
        decisions.len(),
        if decisions.len() == 1 { "" } else { "s" },
        if reason.is_some() { " (forced)" } else { "" }
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
