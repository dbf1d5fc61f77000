//! `udkast export`: a draft as a Bilag file.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::output::{Failure, parse_slug, print_json, warn, write_stdout};
use crate::export::Format;
use crate::lang::{CliMsg, tf};
use crate::store::Store;
use crate::usecase::{self, ExportRequest, Since};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The document, as `udkast list` names it.
    slug: String,
    /// The draft to export: a number, `latest` or `approved`.
    #[arg(long, value_name = "N", default_value = "latest")]
    draft: String,
    /// docx, pdf or html (default: from the file's extension).
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// Show the changes since this version: `approved` or a draft number.
    #[arg(long, value_name = "VERSION")]
    changes_since: Option<String>,
    /// The open review threads as comments on their passages.
    #[arg(long)]
    comments: bool,
    /// The file to write (default: SLUG-udkast-N.FORMAT in this folder).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// What was written (file, format, size, drafts, changes, comments,
    /// warnings) as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Written<'a> {
    path: String,
    format: &'a str,
    bytes: usize,
    draft: &'a str,
    since: Option<&'a str>,
    changes: usize,
    comments: usize,
    warnings: &'a [String],
}

/// The format asked for, else the file's extension's, else DOCX.
pub fn format(asked: Option<&str>, output: Option<&Path>) -> Result<Format, Failure> {
    if let Some(name) = asked {
        return Format::parse(name).ok_or_else(|| {
            Failure::new(tf(
                CliMsg::ExportUnknownFormat,
                &[("format", &crate::text::inert_quote(name))],
            ))
        });
    }
    match output.and_then(|p| p.extension()).map(|e| e.to_string_lossy()) {
        None => Ok(Format::Docx),
        Some(ext) => Format::parse(&ext).ok_or_else(|| {
            Failure::new(tf(
                CliMsg::ExportNoFormat,
                &[("extension", &crate::text::inert(&ext))],
            ))
        }),
    }
}

pub fn export(repo: &Path, args: ExportArgs) -> Result<(), Failure> {
    let slug = parse_slug(&args.slug)?;
    let format = format(args.format.as_deref(), args.output.as_deref())?;
    let store = Store::open(repo)?;
    let out = match args.output {
        Some(path) => path,
        None => {
            let draft = store.version(&slug, &args.draft)?.draft;
            let name = match draft {
                Some(n) => format!("{slug}-udkast-{n}.{}", format.as_str()),
                None => format!("{slug}.{}", format.as_str()),
            };
            PathBuf::from(name)
        }
    };
    let request = ExportRequest {
        slug,
        draft: args.draft,
        since: args.changes_since.map_or(Since::Nothing, Since::Version),
        comments: args.comments,
        format,
        out,
    };
    let done = usecase::export(&store, &request)?;
    for warning in &done.warnings {
        warn(warning);
    }
    if args.json {
        return print_json(&Written {
            path: done.path.display().to_string(),
            format: done.format.as_str(),
            bytes: done.bytes,
            draft: &done.draft,
            since: done.since.as_deref(),
            changes: done.changes,
            comments: done.comments,
            warnings: &done.warnings,
        });
    }
    write_stdout(format!("{}\n", done.summary()).as_bytes())
}
