//! `udkast body add|rename|list`: the workspace's governing bodies, without
//! editing `udkast.toml` by hand (a lead's change, committed like any other).

use std::path::Path;

use serde::Serialize;

use super::output::{Failure, print_json, table, write_stdout};
use crate::lang::{CliMsg, t, tf};
use crate::usecase::{self, BodyChanged};

#[derive(clap::Subcommand, Debug)]
pub enum BodyCommand {
    /// Add a body (leads only), e.g. `udkast body add FOU --name Forebyggelsesudvalget --kind committee`.
    Add {
        /// 1–12 letters or digits, in any case (stored in upper case).
        id: String,
        #[arg(long)]
        name: String,
        /// administrative, committee, task-committee, council or other
        /// (or in Danish: direktion, udvalg, opgaveudvalg, byråd, andet).
        #[arg(long, default_value = "committee")]
        kind: String,
    },
    /// Give a body a new name (leads only); its id stays, so decisions and
    /// routes that name it are unchanged.
    Rename {
        id: String,
        #[arg(long)]
        name: String,
    },
    /// The bodies, in the order of `udkast.toml`.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct JsonBody<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
}

pub fn run(repo: &Path, command: BodyCommand) -> Result<(), Failure> {
    let store = super::output::open_store(repo)?;
    let report = match command {
        BodyCommand::Add { id, name, kind } => report(&usecase::add_body(&store, &id, &name, &kind)?),
        BodyCommand::Rename { id, name } => report(&usecase::rename_body(&store, &id, &name)?),
        BodyCommand::List { json } => {
            let bodies = usecase::bodies(&store)?;
            if json {
                let rows: Vec<JsonBody<'_>> = bodies
                    .iter()
                    .map(|b| JsonBody {
                        id: &b.id.0,
                        name: &b.name,
                        kind: b.kind.as_str(),
                    })
                    .collect();
                return print_json(&rows);
            }
            let rows: Vec<Vec<String>> = bodies
                .iter()
                .map(|b| vec![b.id.0.clone(), b.name.clone(), b.kind.as_str().to_string()])
                .collect();
            let header = [t(CliMsg::ColId), t(CliMsg::ColName), t(CliMsg::ColKind)];
            table(&header, &rows, &[])
        }
    };
    write_stdout(report.as_bytes())
}

/// The line `add` and `rename` print.
fn report(changed: &BodyChanged) -> String {
    let b = &changed.body;
    let name = crate::text::inert(&b.name);
    let commit = crate::store::short(changed.commit);
    let line = match &changed.was {
        Some(was) => tf(
            CliMsg::BodyRenamed,
            &[
                ("id", &b.id),
                ("commit", &commit),
                // Last, as names may have braces of their own.
                ("was", &crate::text::inert(was)),
                ("name", &name),
            ],
        ),
        None => tf(
            CliMsg::BodyAdded,
            &[
                ("id", &b.id),
                ("kind", &b.kind.as_str()),
                ("commit", &commit),
                ("name", &name),
            ],
        ),
    };
    format!("{line}\n")
}
