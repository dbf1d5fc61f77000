//! `udkast diff SLUG A B`: what changed between two versions of a document —
//! unified (the default, like git), side by side (wrapped to the width, in
//! `side_by_side`), or word by word for prose —
//! with `--stat` for the words added and removed per section, and for work
//! plans the changes by action and field. Colour on a terminal, plain text
//! (with `[-removed-]{+added+}` marks in the word view) otherwise.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::output::{Failure, print_json, write_stdout};
use crate::diff::{self, ActionChange, Row, RowKind, SectionChange, Tag, TextDiff};
use crate::domain::Slug;
use crate::lang::{CliMsg, t, tf};
use crate::store::Store;
use crate::text::inert_keep_tabs;
use crate::usecase::{self, Side};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    Unified,
    SideBySide,
    Word,
    /// A standard unified diff for git apply and patch.
    Patch,
}

/// How much time the word diff may take before it says "approximate".
const BUDGET: Duration = Duration::from_millis(500);
const CONTEXT: usize = 3;

/// How changed text is set apart: colour on a terminal, characters otherwise.
pub(super) struct Paint {
    pub color: bool,
}

impl Paint {
    pub fn wrap(&self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn removed_word(&self, text: &str) -> String {
        self.word(Tag::Removed, "1;31;7", text)
    }
    pub fn added_word(&self, text: &str) -> String {
        self.word(Tag::Added, "1;32;7", text)
    }
    fn word(&self, tag: Tag, code: &str, text: &str) -> String {
        if self.color {
            self.wrap(code, text)
        } else {
            let (open, close) = diff::marks(tag);
            format!("{open}{text}{close}")
        }
    }
}

#[derive(Serialize)]
struct JsonSide<'a> {
    label: &'a str,
    commit: String,
    draft: Option<u32>,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    slug: &'a str,
    from: JsonSide<'a>,
    to: JsonSide<'a>,
    approximate: bool,
    blocks: &'a [diff::Block],
    /// Every visible change of each block with words, classed.
    changes: Vec<JsonChange>,
    /// With `--substantive`: how many minor changes are not in `blocks`.
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_minor: Option<usize>,
    sections: &'a [SectionChange],
    actions: &'a [ActionChange],
    /// What changed in `strategy.toml` (title, kind, route, summary), in words.
    details: &'a [String],
    /// The whole text's readability, before and after.
    lix: JsonLix,
}

/// One change: the block it is in, the range of that block's words, its kind.
#[derive(Serialize)]
struct JsonChange {
    block: usize,
    words: std::ops::Range<usize>,
    kind: diff::ChangeKind,
    minor: bool,
}

fn json_changes(d: &TextDiff) -> Vec<JsonChange> {
    let mut out = Vec::new();
    for (block, words) in d
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| Some((i, b.words()?)))
    {
        out.extend(
            diff::changes(words)
                .into_iter()
                .filter(|c| c.kind.visible())
                .map(|c| JsonChange {
                    block,
                    words: c.words,
                    kind: c.kind,
                    minor: c.kind.minor(),
                }),
        );
    }
    out
}

#[derive(Serialize)]
struct JsonLix {
    before: Option<u32>,
    after: Option<u32>,
    before_counts: diff::Lix,
    after_counts: diff::Lix,
}

pub struct Options {
    pub view: View,
    pub stat: bool,
    /// Minor changes hidden.
    pub substantive: bool,
    pub json: bool,
}

pub fn diff(repo: &Path, slug: &str, a: &str, b: &str, options: Options) -> Result<(), Failure> {
    let slug = Slug::parse(slug)?;
    let store = Store::open(repo)?;
    let compared = usecase::compare(&store, &slug, Side::Named(a), Side::Named(b), BUDGET)?;
    let (old, new) = (&compared.old, &compared.new);
    let actions = &compared.actions;
    // Without the minor changes, the sections are counted again from what is left.
    let (text_diff, sections, hidden) = match options.substantive {
        true => {
            let (shown, hidden) = diff::without_minor_changes(&compared.diff);
            let sections = diff::sections(&shown, &old.text, &new.text);
            (shown, sections, Some(hidden))
        }
        false => (compared.diff.clone(), compared.sections.clone(), None),
    };
    let (text_diff, sections) = (&text_diff, &sections);
    if options.view == View::Patch {
        let path = crate::domain::paths::document(&slug);
        return write_stdout(diff::patch(&old.text, &new.text, &path).as_bytes());
    }
    // Named sides always have a label and a commit.
    // Named sides have a label, in the reader's language; JSON's in English.
    let label = |side: &usecase::Compared, lang: Option<crate::lang::Lang>| {
        let name = side.label.as_ref();
        name.map_or(String::new(), |n| {
            lang.map_or_else(|| n.to_string(), |l| n.in_lang(l))
        })
    };
    let (old_label, new_label) = (label(old, None), label(new, None));
    if options.json {
        let commit = |side: &usecase::Compared| side.commit.map(|c| c.to_string()).unwrap_or_default();
        return print_json(&JsonDiff {
            slug: slug.as_str(),
            from: JsonSide {
                label: &label(old, Some(crate::lang::Lang::En)),
                commit: commit(old),
                draft: old.draft,
            },
            to: JsonSide {
                label: &label(new, Some(crate::lang::Lang::En)),
                commit: commit(new),
                draft: new.draft,
            },
            approximate: text_diff.approximate,
            blocks: &text_diff.blocks,
            changes: json_changes(text_diff),
            hidden_minor: hidden,
            sections,
            actions,
            details: &compared.details,
            lix: {
                let (before, after) = (diff::lix(&old.text), diff::lix(&new.text));
                JsonLix {
                    before: before.value(),
                    after: after.value(),
                    before_counts: before,
                    after_counts: after,
                }
            },
        });
    }
    let paint = Paint {
        color: super::output::color(),
    };
    let mut out = String::new();
    out.push_str(&paint.wrap("1", &format!("{slug}: {old_label} → {new_label}")));
    out.push('\n');
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    if text_diff.approximate {
        line(t(CliMsg::DiffApproximate));
    }
    match hidden {
        Some(0) => line(t(CliMsg::DiffNoMinor)),
        Some(1) => line(t(CliMsg::DiffMinorOne)),
        Some(n) => line(&tf(CliMsg::DiffMinor, &[("n", &n)])),
        None => {}
    }
    if !compared.details.is_empty() {
        out.push_str(&paint.wrap("1", t(CliMsg::DiffDetails)));
        out.push('\n');
        for detail in &compared.details {
            out.push_str(&format!("  {}\n", inert_keep_tabs(detail)));
        }
    }
    if !actions.is_empty() {
        out.push_str(&paint.wrap("1", t(CliMsg::DiffActions)));
        out.push('\n');
        for change in actions {
            out.push_str(&format!("  {}\n", inert_keep_tabs(&diff::describe(change))));
        }
    }
    if options.stat {
        render_stat(&mut out, &paint, sections);
        out.push_str(&lix_line(&diff::lix(&old.text), &diff::lix(&new.text)));
    } else if text_diff
        .blocks
        .iter()
        .all(|b| b.words().is_none_or(diff::quiet) && !matches!(b, diff::Block::MovedAway { .. }))
    {
        // The same words may still be broken into lines or paragraphs
        // differently (a paragraph split): not "identical".
        out.push_str(t(if old.text == new.text {
            CliMsg::DiffIdentical
        } else if hidden.is_some_and(|n| n > 0) {
            CliMsg::DiffNothingSubstantive
        } else {
            CliMsg::DiffOnlySpacing
        }));
        out.push('\n');
    } else {
        render(&mut out, &paint, options.view, text_diff, &old.text, &new.text);
    }
    write_stdout(out.as_bytes())
}

/// "LIX 45 → 41 (middel)" for the whole text, before and after.
fn lix_line(before: &diff::Lix, after: &diff::Lix) -> String {
    let Some(change) = diff::lix_change(before.value(), after.value()) else {
        return String::new();
    };
    let band = after
        .value()
        .map(|v| format!(" ({})", diff::lix_band(v)))
        .unwrap_or_default();
    format!("LIX {change}{band}\n")
}

fn render_stat(out: &mut String, paint: &Paint, sections: &[SectionChange]) {
    if sections.is_empty() {
        out.push_str(t(CliMsg::DiffNoSection));
        out.push('\n');
        return;
    }
    let names = diff::section_labels(sections);
    let width = names.iter().map(|n| n.width()).max().unwrap_or(0).min(60);
    for (s, name) in sections.iter().zip(&names) {
        let status = match s.status {
            diff::SectionStatus::Added => t(CliMsg::DiffNewSection).to_string(),
            diff::SectionStatus::Removed => t(CliMsg::DiffRemovedSection).to_string(),
            diff::SectionStatus::Changed => String::new(),
            diff::SectionStatus::Moved => format!(" ({})", s.moved_note().unwrap_or_default()),
        };
        let pad = " ".repeat(width.saturating_sub(name.width()));
        let line = s
            .new_line
            .or(s.old_line)
            .map(|l| format!("{} {:>5}  ", t(CliMsg::DiffLine), l + 1))
            .unwrap_or_default();
        let lix = diff::lix_change(s.lix_before, s.lix_after)
            .map(|c| format!("  LIX {c}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {}{pad}  {line}{} {}{lix}{}\n",
            inert_keep_tabs(name),
            paint.wrap("32", &format!("+{}", s.added_words)),
            paint.wrap("31", &format!("-{}", s.removed_words)),
            inert_keep_tabs(&status),
        ));
    }
    let added: usize = sections.iter().map(|s| s.added_words).sum();
    let removed: usize = sections.iter().map(|s| s.removed_words).sum();
    let total = tf(
        CliMsg::DiffStatTotal,
        &[
            ("sections", &sections.len()),
            ("added", &added),
            ("removed", &removed),
        ],
    );
    out.push_str(&format!("{total}\n"));
}

/// The text of a row's spans, with changed words marked.
fn spans_text(paint: &Paint, row: &Row) -> String {
    let mut text = String::new();
    for (tag, piece) in &row.spans {
        let piece = inert_keep_tabs(piece);
        match tag {
            Tag::Same => text.push_str(&piece),
            Tag::Removed => text.push_str(&paint.removed_word(&piece)),
            Tag::Added => text.push_str(&paint.added_word(&piece)),
        }
    }
    text
}

fn number(n: Option<usize>) -> String {
    n.map(|n| format!("{:>5}", n + 1))
        .unwrap_or_else(|| "     ".into())
}

fn render(out: &mut String, paint: &Paint, view: View, d: &TextDiff, old: &str, new: &str) {
    match view {
        // Printed before the header, without it: see `diff`.
        View::Patch => {}
        View::Unified | View::Word => {
            let rows = if view == View::Unified {
                diff::unified(d, old, new, CONTEXT, &[])
            } else {
                diff::inline(d, old, new, CONTEXT, &[])
            };
            for row in &rows {
                let line = match row.kind {
                    RowKind::Fold { lines, .. } => {
                        paint.wrap("36", &tf(CliMsg::DiffUnchangedLines, &[("lines", &lines)]))
                    }
                    RowKind::Context => format!(
                        "{} {}   {}",
                        number(row.old_line),
                        number(row.new_line),
                        spans_text(paint, row)
                    ),
                    RowKind::Removed => {
                        paint.wrap("31", &format!("{} {} - ", number(row.old_line), number(None)))
                            + &spans_text(paint, row)
                    }
                    RowKind::Added => {
                        paint.wrap("32", &format!("{} {} + ", number(None), number(row.new_line)))
                            + &spans_text(paint, row)
                    }
                    RowKind::MovedAway { .. } => {
                        paint.wrap("35", &format!("{} {} < ", number(row.old_line), number(None)))
                            + &paint.wrap("35", &spans_text(paint, row))
                    }
                    RowKind::MovedHere { .. } => {
                        paint.wrap("35", &format!("{} {} > ", number(None), number(row.new_line)))
                            + &paint.wrap("35", &spans_text(paint, row))
                    }
                    RowKind::Moved => {
                        paint.wrap(
                            "35",
                            &format!("{} {} > ", number(row.old_line), number(row.new_line)),
                        ) + &spans_text(paint, row)
                    }
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
        View::SideBySide => {
            let pairs = diff::side_by_side(d, old, new, CONTEXT, &[]);
            super::side_by_side::render(out, paint, &pairs, terminal_width());
        }
    }
}

/// The width the side-by-side view fills: `COLUMNS` when set (as git reads
/// it), else the terminal's, else 160 (into a pipe or a file).
fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(columns) = columns.filter(|&c| c > 0) {
        return columns;
    }
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
    {
        return w as usize;
    }
    160
}
