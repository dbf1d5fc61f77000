//! `udkast body add|rename|list`: the workspace's governing bodies, without
//! editing `udkast.toml` by hand (a lead's change, committed like any other).

use std::path::Path;

use serde::Serialize;

use super::output::{Failure, print_json, table, write_stdout};
use crate::lang::{CliMsg, t};
use crate::usecase;

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
        BodyCommand::Add { id, name, kind } => {
            format!("{}\n", usecase::add_body(&store, &id, &name, &kind)?.report())
        }
        BodyCommand::Rename { id, name } => {
            format!("{}\n", usecase::rename_body(&store, &id, &name)?.report())
        }
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
