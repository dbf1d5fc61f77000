//! `udkast blame SLUG`: for each paragraph of a draft, the draft, author and
//! date that gave it its wording (minor changes set aside), as text or JSON;
//! with `--sentences`, each sentence too.

use std::path::Path;

use serde::Serialize;

use super::output::{Failure, parse_slug, print_json, write_stdout};
use crate::store::Store;
use crate::usecase::{self, Blamed, Credit};

#[derive(Debug, clap::Args)]
pub struct BlameArgs {
    /// The document, as `udkast list` names it.
    slug: String,
    /// The draft to blame: a number, `latest`, `approved` or a commit.
    #[arg(long, value_name = "N", default_value = "latest")]
    draft: String,
    /// Each sentence of each paragraph with its own draft, below the paragraph.
    #[arg(long)]
    sentences: bool,
    /// The paragraphs (lines, draft, author, date, commit, text) as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct JsonBlame<'a> {
    slug: &'a str,
    /// The draft whose text it is.
    draft: u32,
    label: String,
    commit: String,
    paragraphs: Vec<JsonParagraph<'a>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    /// First and last line, from 1.
    lines: [usize; 2],
    #[serde(flatten)]
    credit: JsonCredit<'a>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<JsonSentence<'a>>>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    #[serde(flatten)]
    credit: JsonCredit<'a>,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonCredit<'a> {
    draft: u32,
    author: &'a str,
    /// YYYY-MM-DD, in the author's own time zone.
    date: String,
    commit: String,
}

impl<'a> JsonCredit<'a> {
    fn of(credit: &'a Credit) -> JsonCredit<'a> {
        JsonCredit {
            draft: credit.draft,
            author: &credit.author,
            date: credit.time.strftime("%Y-%m-%d").to_string(),
            commit: credit.commit.to_string(),
        }
    }
}

fn json(blamed: &Blamed, sentences: bool) -> JsonBlame<'_> {
    JsonBlame {
        slug: blamed.slug.as_str(),
        draft: blamed.draft,
        label: blamed.label.in_lang(crate::lang::Lang::En),
        commit: blamed.commit.to_string(),
        paragraphs: blamed
            .paragraphs
            .iter()
            .map(|p| JsonParagraph {
                lines: [p.lines.0, p.lines.1],
                credit: JsonCredit::of(&p.credit),
                text: &p.text,
                sentences: sentences.then(|| {
                    p.sentences
                        .iter()
                        .map(|s| JsonSentence {
                            credit: JsonCredit::of(&s.credit),
                            text: &s.text,
                        })
                        .collect()
                }),
            })
            .collect(),
    }
}

pub fn blame(repo: &Path, args: BlameArgs) -> Result<(), Failure> {
    let slug = parse_slug(&args.slug)?;
    let store = Store::open(repo)?;
    let blamed = usecase::blame(&store, &slug, &args.draft)?;
    if args.json {
        return print_json(&json(&blamed, args.sentences));
    }
    write_stdout(blamed.report(args.sentences).as_bytes())
}
