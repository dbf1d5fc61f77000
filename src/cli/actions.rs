//! `udkast action add|set|remove|list`: a work plan's actions kept up to date
//! without editing `strategy.toml`; each change is a draft.

use std::path::Path;

use super::output::{Failure, danish, parse_slug, print_json, table, write_stdout};
use crate::domain::{ActionStatus, parse_meeting_date};
use crate::lang::{CliMsg, t};
use crate::store::Store;
use crate::usecase::{self, ActionChange, ActionFields};

/// The fields `add` and `set` take.
#[derive(clap::Args, Debug)]
pub struct FieldArgs {
    #[arg(long)]
    title: Option<String>,
    /// Who is responsible (default for a new action: you).
    #[arg(long)]
    owner: Option<String>,
    /// The deadline: 30-06-2026, 30.06.2026 or 2026-06-30; `none` takes it away.
    #[arg(long, value_name = "DATE")]
    due: Option<String>,
    /// planned, in-progress, done, paused or cancelled (or planlagt, i gang,
    /// færdig, på pause, aflyst).
    #[arg(long)]
    status: Option<String>,
    /// The budget as text, e.g. "1,2 mio. kr."; "" takes it away.
    #[arg(long)]
    budget: Option<String>,
    /// A section of the plan the action belongs to (repeat for several;
    /// given once as "" takes them away).
    #[arg(long = "section", value_name = "HEADING")]
    sections: Vec<String>,
    /// The draft's message (default: what changed).
    #[arg(long, short = 'm')]
    message: Option<String>,
}

#[derive(clap::Subcommand, Debug)]
pub enum ActionCommand {
    /// Add an action to a work plan: a new draft.
    Add {
        slug: String,
        #[command(flatten)]
        fields: FieldArgs,
    },
    /// Change fields of an action: a new draft.
    Set {
        slug: String,
        id: u32,
        #[command(flatten)]
        fields: FieldArgs,
    },
    /// Remove an action: a new draft.
    Remove {
        slug: String,
        id: u32,
        #[arg(long, short = 'm')]
        message: Option<String>,
    },
    /// The actions of a work plan.
    List {
        slug: String,
        #[arg(long)]
        json: bool,
    },
}

impl FieldArgs {
    fn fields(&self) -> Result<ActionFields, Failure> {
        let due = match self.due.as_deref().map(str::trim) {
            None => None,
            Some("none" | "ingen" | "") => Some(None),
            Some(date) => Some(Some(parse_meeting_date(date)?)),
        };
        let status = self
            .status
            .as_deref()
            .map(str::parse::<ActionStatus>)
            .transpose()?;
        let sections = match self.sections.as_slice() {
            [] => None,
            [only] if only.trim().is_empty() => Some(Vec::new()),
            many => Some(many.to_vec()),
        };
        Ok(ActionFields {
            title: self.title.clone(),
            owner: self.owner.clone(),
            due,
            status,
            budget: self.budget.clone(),
            sections,
        })
    }
}

pub fn run(repo: &Path, command: ActionCommand) -> Result<(), Failure> {
    let (slug, change, message) = match &command {
        ActionCommand::List { slug, json } => return list(repo, slug, *json),
        ActionCommand::Add { slug, fields } => (slug, ActionChange::Add(fields.fields()?), &fields.message),
        ActionCommand::Set { slug, id, fields } => {
            let given = fields.fields()?;
            let nothing = given.title.is_none()
                && given.owner.is_none()
                && given.due.is_none()
                && given.status.is_none()
                && given.budget.is_none()
                && given.sections.is_none();
            if nothing {
                return Err(Failure::new(t(CliMsg::ActionGiveChange)));
            }
            (slug, ActionChange::Set(*id, given), &fields.message)
        }
        ActionCommand::Remove { slug, id, message } => (slug, ActionChange::Remove(*id), message),
    };
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    let changed = usecase::change_actions(&store, &slug, &change, message.as_deref())?;
    write_stdout(format!("{}\n", changed.report()).as_bytes())
}

fn list(repo: &Path, slug: &str, json: bool) -> Result<(), Failure> {
    let slug = parse_slug(slug)?;
    let store = Store::open(repo)?;
    let actions = usecase::actions(&store, &slug)?;
    if json {
        return print_json(&actions);
    }
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                match danish() {
                    true => a.status.label_da(),
                    false => a.status.as_str(),
                }
                .to_string(),
                a.due
                    .map(|d| crate::lang::table_date(&d.to_string()))
                    .unwrap_or_default(),
                a.owner.clone(),
                a.title.clone(),
                a.budget.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = [
        t(CliMsg::ColId),
        t(CliMsg::ColStatus),
        t(CliMsg::ColDue),
        t(CliMsg::ColOwner),
        t(CliMsg::ColTitle),
        t(CliMsg::ColBudget),
    ];
    write_stdout(table(&header, &rows, &[0]).as_bytes())
}
