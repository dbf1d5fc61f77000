//! The bundled sample workspace (`strategies/` in the source tree, embedded in
//! the binary) and the believable history `udkast demo` builds from it.
//!
//! `strategies/demo-history.toml` lists the drafts in order; each draft's edits
//! turn the previous draft of its document into this one. Only the final texts
//! are stored, so the first draft of each document is made by undoing every
//! later edit. See docs/FORMAT.md for the exact rules.

use std::collections::BTreeMap;
use std::path::Path;

use git2::{Signature, Time};
use include_dir::{Dir, include_dir};
use serde::Deserialize;

use crate::domain::{Invalid, Slug, StrategyMeta, WorkspaceConfig, check_document, paths};
use crate::store::{Change, Store, StoreError};

static SAMPLE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/strategies");

const HISTORY: &str = "demo-history.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct History {
    format: u32,
    author: Vec<Author>,
    draft: Vec<HistoryDraft>,
    #[serde(default)]
    decision: Vec<HistoryDecision>,
}

/// What is wrong with the embedded sample: a mistake in `strategies/`, which
/// `sample_files_are_valid` and the replay test catch before a release.
#[derive(Debug, thiserror::Error)]
pub enum BrokenSample {
    /// A file the sample needs is not embedded: `klima/document.md`.
    #[error("the sample has no {0}")]
    Missing(String),
    #[error("{0}")]
    Invalid(#[from] Invalid),
    /// A step of `demo-history.toml` that cannot be replayed: where
    /// (`demo-history.toml: draft 3 edit 2`), and why.
    #[error("{at}: {problem}")]
    History { at: String, problem: String },
}

/// A problem at `at` in the demo history.
fn in_history(at: &str, problem: impl std::fmt::Display) -> BrokenSample {
    BrokenSample::History {
        at: at.to_string(),
        problem: problem.to_string(),
    }
}

/// A governing body's decision, recorded by a lead at `recorded`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryDecision {
    slug: String,
    draft: u32,
    body: String,
    outcome: String,
    meeting: String,
    item: Option<String>,
    case: Option<String>,
    text: Option<String>,
    recommendation: Option<String>,
    #[serde(default)]
    changes_owed: Vec<String>,
    author: String,
    recorded: String,
}

/// A decision of the demo history, ready to record.
pub struct DemoDecision {
    pub slug: Slug,
    pub decision: crate::domain::Decision,
    pub time: Time,
}

/// Parses an RFC 3339 time with its offset into a git time.
fn git_time(text: &str, what: &str) -> Result<Time, BrokenSample> {
    let bad = |e: jiff::Error| in_history(what, format!("bad time: {e}"));
    let pieces = jiff::fmt::temporal::Pieces::parse(text).map_err(bad)?;
    let ts: jiff::Timestamp = text.parse().map_err(bad)?;
    let offset = pieces
        .offset()
        .map(|o| o.to_numeric_offset())
        .map_or(0, |o| o.seconds() / 60);
    Ok(Time::new(ts.as_second(), offset))
}

/// The embedded demo history, parsed and checked once for every use.
fn load_history() -> Result<History, BrokenSample> {
    let text = file_text(HISTORY).ok_or_else(|| BrokenSample::Missing(HISTORY.into()))?;
    let history: History = toml::from_str(text).map_err(|e| in_history(HISTORY, e.message()))?;
    if history.format != crate::domain::FORMAT_VERSION {
        return Err(in_history(
            HISTORY,
            format!("unsupported format {}", history.format),
        ));
    }
    Ok(history)
}

/// The decisions of the demo history, in the order given (chronological).
pub fn decisions() -> Result<Vec<DemoDecision>, BrokenSample> {
    decisions_of(&load_history()?)
}

fn decisions_of(history: &History) -> Result<Vec<DemoDecision>, BrokenSample> {
    let mut out = Vec::new();
    for (i, d) in history.decision.iter().enumerate() {
        let what = format!("{HISTORY}: decision {}", i + 1);
        let author = history
            .author
            .iter()
            .find(|a| a.id == d.author)
            .ok_or_else(|| in_history(&what, "unknown author"))?;
        let time = git_time(&d.recorded, &what)?;
        let recorded_at = jiff::Timestamp::from_second(time.seconds()).map_err(|e| in_history(&what, e))?;
        out.push(DemoDecision {
            slug: Slug::parse(&d.slug).map_err(|e| in_history(&what, e))?,
            decision: crate::domain::Decision {
                id: crate::domain::Decision::new_id(recorded_at),
                format: crate::domain::FORMAT_VERSION,
                body: crate::domain::BodyId(d.body.clone()),
                draft: d.draft,
                commit: String::new(),
                outcome: d.outcome.parse().map_err(|e| in_history(&what, e))?,
                meeting: d
                    .meeting
                    .parse()
                    .map_err(|e| in_history(&what, format!("bad meeting date: {e}")))?,
                item: d.item.clone(),
                case: d.case.clone(),
                text: d.text.clone(),
                recorded_at,
                recorded_by: crate::domain::Person {
                    name: author.name.clone(),
                    email: author.email.clone(),
                },
                recommendation: d.recommendation.clone(),
                changes_owed: d.changes_owed.clone(),
                withdraws: None,
            },
            time,
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Author {
    id: String,
    name: String,
    email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryDraft {
    slug: String,
    author: String,
    date: String,
    message: String,
    #[serde(default)]
    edit: Vec<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    #[serde(default = "default_file")]
    file: String,
    old: String,
    new: String,
}

fn default_file() -> String {
    paths::DOCUMENT.into()
}

/// One commit of the demo history.
pub struct Step {
    pub slug: Slug,
    pub name: String,
    pub email: String,
    pub time: Time,
    pub message: String,
    /// `strategy.toml` and `document.md` as they are after this draft.
    pub meta: String,
    pub document: String,
}

/// The text of the sample's `udkast.toml`.
pub fn config_text() -> &'static str {
    file_text("udkast.toml").expect("the sample workspace has a udkast.toml")
}

fn file_text(path: &str) -> Option<&'static str> {
    SAMPLE.get_file(path).and_then(|f| f.contents_utf8())
}

/// Replaces the single occurrence of `from` by `to`, or says why it cannot.
fn replace_once(text: &str, from: &str, to: &str, what: &str) -> Result<String, BrokenSample> {
    if from.is_empty() {
        return Err(in_history(what, "an edit cannot have empty text"));
    }
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(in_history(
            what,
            format!(
                "{n} matches of {:?} instead of one",
                from.chars().take(60).collect::<String>()
            ),
        )),
    }
}

/// The demo history, each step with the full texts it commits.
pub fn steps() -> Result<Vec<Step>, BrokenSample> {
    steps_of(&load_history()?)
}

fn steps_of(history: &History) -> Result<Vec<Step>, BrokenSample> {
    // Undo every edit, newest first, from the final files to reach each first draft.
    let mut texts: BTreeMap<(String, String), String> = BTreeMap::new();
    for (i, draft) in history.draft.iter().enumerate().rev() {
        for (j, edit) in draft.edit.iter().enumerate().rev() {
            let key = (draft.slug.clone(), edit.file.clone());
            let current = match texts.remove(&key) {
                Some(t) => t,
                None => final_text(&draft.slug, &edit.file)?,
            };
            let what = format!("{HISTORY}: draft {} edit {}", i + 1, j + 1);
            texts.insert(key, replace_once(&current, &edit.new, &edit.old, &what)?);
        }
    }
    let mut out = Vec::with_capacity(history.draft.len());
    for (i, draft) in history.draft.iter().enumerate() {
        let what = format!("{HISTORY}: draft {}", i + 1);
        let slug = Slug::parse(&draft.slug).map_err(|e| in_history(&what, e))?;
        let mut files = Vec::new();
        for file in [paths::META, paths::DOCUMENT] {
            let key = (draft.slug.clone(), file.to_string());
            let mut text = match texts.remove(&key) {
                Some(t) => t,
                None => final_text(&draft.slug, file)?,
            };
            for (j, edit) in draft.edit.iter().enumerate().filter(|(_, e)| e.file == file) {
                text = replace_once(
                    &text,
                    &edit.old,
                    &edit.new,
                    &format!("{HISTORY}: draft {} edit {}", i + 1, j + 1),
                )?;
            }
            texts.insert(key, text.clone());
            files.push(text);
        }
        let author = history
            .author
            .iter()
            .find(|a| a.id == draft.author)
            .ok_or_else(|| in_history(&what, format!("unknown author {}", draft.author)))?;
        let time = git_time(&draft.date, &what)?;
        let document = files.pop().expect("two files were pushed");
        let meta = files.pop().expect("two files were pushed");
        out.push(Step {
            slug,
            name: author.name.clone(),
            email: author.email.clone(),
            time,
            message: draft.message.clone(),
            meta,
            document,
        });
    }
    for ((slug, file), text) in &texts {
        if *text != final_text(slug, file)? {
            return Err(in_history(
                HISTORY,
                format!("the last draft of {slug}/{file} does not end at the file's text"),
            ));
        }
    }
    Ok(out)
}

fn final_text(slug: &str, file: &str) -> Result<String, BrokenSample> {
    let path = format!("{slug}/{file}");
    file_text(&path)
        .map(str::to_string)
        .ok_or(BrokenSample::Missing(path))
}

/// Builds the sample workspace with its history in a new repository at `dir`.
/// Returns the number of drafts written.
pub fn build_demo(dir: &Path) -> Result<usize, StoreError> {
    let sample = load_history().and_then(|h| Ok((steps_of(&h)?, decisions_of(&h)?)));
    let (steps, decisions) = sample.map_err(|e| {
        StoreError::io(
            e.to_string(),
            std::io::Error::other("the embedded sample is broken"),
        )
    })?;
    let mut options = git2::RepositoryInitOptions::new();
    options.initial_head("main");
    git2::Repository::init_opts(dir, &options)?;
    let store = Store::open(dir)?;
    store.never_sign();
    let first = steps.first().expect("the sample history has drafts");
    let start = Time::new(first.time.seconds() - 86_400, first.time.offset_minutes());
    let founder = Signature::new(&first.name, &first.email, &start)?;
    let config = Change::default().put(paths::CONFIG, config_text());
    store.commit_change(None, &config, &founder, &|_, _| {
        Ok("Opret arbejdsrum for Åby Kommune\n".into())
    })?;
    let mut decisions = decisions.into_iter().peekable();
    for step in &steps {
        // Decisions recorded before this draft go first, so history stays in time order.
        while let Some(d) = decisions.next_if(|d| d.time.seconds() < step.time.seconds()) {
            record_demo_decision(&store, d)?;
        }
        let head = store.head()?;
        let author = Signature::new(&step.name, &step.email, &step.time)?;
        let change = Change::default()
            .put(paths::meta(&step.slug), step.meta.as_str())
            .put(paths::document(&step.slug), step.document.as_str());
        store.commit_change(head, &change, &author, &|s, parent| {
            s.draft_message(parent, &step.slug, &step.message)
        })?;
    }
    for d in decisions {
        record_demo_decision(&store, d)?;
    }
    Ok(steps.len())
}

/// Makes the person running the demo (their git identity) a lead of the
/// sample workspace, so recording decisions and tagging can be tried: a
/// change of `udkast.toml` by the sample's first lead, as a real team would
/// make it (so `udkast verify` accepts it). Returns their e-mail; `None`
/// without a git identity or when they are a lead already.
pub fn make_user_a_lead(dir: &Path) -> Result<Option<String>, StoreError> {
    let store = Store::open(dir)?;
    store.never_sign();
    let Ok(me) = store.identity() else {
        return Ok(None);
    };
    let email = String::from_utf8_lossy(me.email_bytes()).into_owned();
    let mut config = store.config()?;
    if config.is_lead(&email) {
        return Ok(None);
    }
    let Some(first) = config.roles.leads.first().cloned() else {
        return Ok(None);
    };
    let steps = load_history().and_then(|h| steps_of(&h)).unwrap_or_default();
    let name = steps
        .iter()
        .find(|s| s.email == first)
        .map_or(first.clone(), |s| s.name.clone());
    config.roles.leads.push(email.clone());
    let lead = Signature::now(&name, &first)?;
    let change = Change::default().put(paths::CONFIG, config.to_toml());
    let message = format!(
        "Giv {} rollen som leder i demoen\n",
        String::from_utf8_lossy(me.name_bytes())
    );
    store.commit_change(store.head()?, &change, &lead, &|_, _| Ok(message.clone()))?;
    Ok(Some(email))
}

/// Records a demo decision on the draft it names, as its lead did at the time.
fn record_demo_decision(store: &Store, mut d: DemoDecision) -> Result<(), StoreError> {
    let drafts = store.drafts(&d.slug)?;
    let draft = drafts
        .iter()
        .find(|x| x.number == d.decision.draft)
        .ok_or_else(|| StoreError::NoSuchDraft {
            slug: d.slug.to_string(),
            number: d.decision.draft,
            count: drafts.len(),
        })?;
    d.decision.commit = draft.commit.to_string();
    let author = Signature::new(
        &d.decision.recorded_by.name,
        &d.decision.recorded_by.email,
        &d.time,
    )?;
    let head = store
        .head()?
        .ok_or_else(|| StoreError::NotAWorkspace("main".into()))?;
    store.record_decision(head, &d.slug, &d.decision, &author)?;
    Ok(())
}

/// Validates every file of the sample as the store would.
pub fn validate() -> Result<(), BrokenSample> {
    let config = WorkspaceConfig::parse(config_text())?;
    for dir in SAMPLE.dirs() {
        let slug = dir.path().to_string_lossy();
        let meta_path = format!("{slug}/{}", paths::META);
        let meta = file_text(&meta_path).ok_or_else(|| BrokenSample::Missing(meta_path.clone()))?;
        StrategyMeta::parse(&meta_path, meta, &config)?;
        let doc_path = format!("{slug}/{}", paths::DOCUMENT);
        let doc = SAMPLE
            .get_file(&doc_path)
            .ok_or(BrokenSample::Missing(doc_path))?;
        check_document(&slug, doc.contents())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_files_are_valid() {
        validate().unwrap();
    }

    #[test]
    fn history_replays_to_the_final_files_through_valid_drafts() {
        let config = WorkspaceConfig::parse(config_text()).unwrap();
        let steps = steps().unwrap();
        assert!(steps.len() >= 10, "a believable history has many drafts");
        let authors: std::collections::HashSet<_> = steps.iter().map(|s| &s.email).collect();
        assert!(authors.len() >= 3, "several authors");
        for step in &steps {
            StrategyMeta::parse("strategy.toml", &step.meta, &config).unwrap();
        }
        assert!(
            steps
                .windows(2)
                .all(|w| w[0].time.seconds() < w[1].time.seconds()),
            "dates increase"
        );
    }

    #[test]
    fn replace_once_refuses_ambiguity() {
        assert_eq!(replace_once("a b c", "b", "x", "t").unwrap(), "a x c");
        assert_eq!(
            replace_once("b b", "b", "x", "t").unwrap_err().to_string(),
            "t: 2 matches of \"b\" instead of one"
        );
        assert!(
            replace_once("a", "b", "x", "t")
                .unwrap_err()
                .to_string()
                .contains("0 matches")
        );
    }
}
