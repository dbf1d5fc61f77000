//! Line, word and section diffs of prose, the work-plan diff by action, and
//! where a comment thread's passage is in another version of the text.
//!
//! Pure functions over text: no I/O, no git, no terminal. The store hands two
//! versions of a document to [`diff`], and the screens and the CLI render the
//! resulting [`TextDiff`] through [`unified`], [`side_by_side`] or [`inline`],
//! summarise it per heading with [`sections`], and compare work plans with
//! [`workplan`].
//!
//! How a diff is made:
//! 1. lines are diffed with similar's Patience algorithm into [`Block`]s of identical
//!    and changed lines; short identical stretches that words may flow across (the
//!    blank line of a split paragraph, a coincidentally identical line inside a
//!    re-wrapped one) are absorbed into the changed block around them;
//! 2. each changed block's old text is diffed against its new text as one sequence
//!    of tokens (`tokens`: words, whitespace runs, marks), with all whitespace
//!    compared as equal so a re-wrapped paragraph shows only its real word changes
//!    (`words`);
//! 3. everything runs against one deadline derived from the caller's budget; when
//!    it runs out a block gets a coarser diff and [`TextDiff::approximate`] says so,
//!    instead of detail silently disappearing (similar's own inline diff has a fixed
//!    deadline and drops word emphasis below a similarity of 0.5; we do neither).
//!
//! - `tokens`: the tokenizer and its Danish rules;
//! - `words`: the word diff of one changed block;
//! - `view`: the unified, side-by-side and inline rows, folds and change starts;
//! - `wrap`: one row wrapped to a width, for the history screen and the CLI;
//! - `sections`: words added and removed per Markdown heading;
//! - `workplan`: actions added, removed, moved and edited, and their description;
//! - `blocks`: blocks paired between two versions and who changed each word over
//!   the drafts between them, for the exporter's tracked changes;
//! - `lix`: the readability index (LIX) of prose, per line's paragraph and
//!   per text, Danish sentence rules;
//! - `blame`: which draft gave each paragraph, and each sentence, of the
//!   newest text its wording, minor changes set aside;
//! - `anchor`: a thread's passage followed onto another text (`anchor::map`,
//!   `anchor::Mapper` for many threads on one pair of texts).

pub mod anchor;
mod blame;
mod blocks;
mod classify;
mod lix;
mod marks;
mod merge_words;
mod moves;
mod patch;
mod sections;
mod tokens;
mod view;
mod words;
mod workplan;
mod wrap;

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod tests;

use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffOp};

pub use blame::{ParagraphCredit, SentenceCredit, blame};
pub use blocks::{Authorship, BlockText, Pair, SIMILAR, authorship, block_words, pair_blocks};
pub use classify::{Change, Kind as ChangeKind, changes, without_minor, without_minor_changes};
pub use lix::{Lix, band as lix_band, by_heading as lix_by_heading, change as lix_change, lix};
pub use marks::{Mark, changed_lines, line_marks};
pub use merge_words::merge_words;
pub use moves::MOVE_WORDS;
pub use patch::patch;
pub use sections::{SectionChange, SectionStatus, heading_path, section_labels, sections};
pub use view::{
    PARAGRAPH_MARK, Row, RowKind, change_starts, fold_block, inline, quiet, side_by_side,
    side_by_side_change_starts, unified,
};
pub use workplan::{ActionChange, FieldChange, describe, workplan};
pub use wrap::{marks, shown, wrap};

/// How two texts differ, line blocks with word-level detail inside changed blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextDiff {
    pub blocks: Vec<Block>,
    /// True when a time budget ran out and some block fell back to a coarser diff;
    /// the UI then says "approximate" instead of silently dropping detail.
    pub approximate: bool,
}

/// A stretch of lines; blocks cover both texts in order, and two [`Block::Same`]
/// never follow each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    /// Identical lines: old[old.clone()] == new[new.clone()] (line indices, 0-based).
    Same { old: Range<usize>, new: Range<usize> },
    /// Lines that differ; `words` is the word-level diff of the whole block's old text
    /// vs its new text (joined, so a re-flowed paragraph shows only its real word changes).
    Changed {
        old: Range<usize>,
        new: Range<usize>,
        words: Vec<Word>,
    },
    /// Old lines `old` that moved to the new text's lines `to`; at the old
    /// place only, and covering nothing of the new text here.
    MovedAway { old: Range<usize>, to: Range<usize> },
    /// New lines `new` that came from the old text's lines `from`, with the
    /// word diff of the old lines against the new (the edits made while
    /// moving); at the new place only, covering nothing of the old text here.
    MovedHere {
        from: Range<usize>,
        new: Range<usize>,
        words: Vec<Word>,
    },
}

impl Block {
    /// The block's words, if it has any (changed and moved-here blocks).
    pub fn words(&self) -> Option<&[Word]> {
        match self {
            Block::Changed { words, .. } | Block::MovedHere { words, .. } => Some(words),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tag {
    Same,
    Removed,
    Added,
}

/// A piece of a changed block. Concatenating the Same and Removed texts gives the
/// block's old text exactly, Same and Added its new text. Whitespace that differs
/// between otherwise equal words comes as a Removed and an Added piece of pure
/// whitespace; the views show those unemphasised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    pub tag: Tag,
    pub text: String,
}

pub use crate::text::lines;

/// Diffs `old` against `new`, spending about `budget` at most on the detail.
pub fn diff(old: &str, new: &str, budget: Duration) -> TextDiff {
    let start = Instant::now();
    let deadline = start.checked_add(budget);
    // The line diff may use half the budget, so word detail is not starved by it.
    let line_deadline = start.checked_add(budget / 2);
    let old_lines = lines(old);
    let new_lines = lines(new);
    // Patience rather than Myers for lines: prose repeats blank lines, list markers and
    // sub-headings like "### Mål" in every section. Myers' shortest script happily pairs
    // those up across unrelated paragraphs and interleaves a rewritten section with its
    // neighbours; Patience anchors on lines that occur once on each side (headings,
    // whole paragraphs) and only then diffs between the anchors, which is also git's
    // choice for readable diffs. Its cost is a hash per line, well inside the budget.
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Patience, &old_lines, &new_lines, line_deadline);
    let mut approximate = past(line_deadline);
    let spans = line_blocks(&ops, &old_lines, &new_lines);
    let (pieces, cut_short) = moves::find(spans, &old_lines, &new_lines, line_deadline);
    approximate |= cut_short;

    // Word-diff the small blocks first: one huge rewritten block must not eat the
    // budget of the dozens of small edits a reviewer actually reads.
    let texts = |piece: &moves::Piece| -> Option<(Range<usize>, Range<usize>)> {
        match piece {
            moves::Piece::Span(span) if span.changed => Some((span.old.clone(), span.new.clone())),
            moves::Piece::Here { from, new } => Some((from.clone(), new.clone())),
            _ => None,
        }
    };
    let mut order: Vec<(usize, Range<usize>, Range<usize>)> = pieces
        .iter()
        .enumerate()
        .filter_map(|(i, piece)| texts(piece).map(|(o, n)| (i, o, n)))
        .collect();
    order.sort_by_key(|(_, o, n)| o.len() + n.len());
    let mut words: Vec<Option<Vec<Word>>> = vec![None; pieces.len()];
    for (i, o, n) in order {
        let old_text = old_lines[o.clone()].concat();
        let new_text = new_lines[n].concat();
        let (block_words, coarse) = words::diff_words(&old_text, &new_text, deadline);
        approximate |= coarse;
        let kept = classify::words_around(&old_lines, &o);
        words[i] = Some(classify::rewrite_paragraphs(block_words, kept));
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(pieces.len());
    for (piece, words) in pieces.into_iter().zip(words) {
        let block = match (piece, words) {
            (moves::Piece::Span(span), Some(words)) => Block::Changed {
                old: span.old,
                new: span.new,
                words,
            },
            (moves::Piece::Span(span), None) => Block::Same {
                old: span.old,
                new: span.new,
            },
            (moves::Piece::Here { from, new }, words) => Block::MovedHere {
                from,
                new,
                words: words.unwrap_or_default(),
            },
            (moves::Piece::Away { old, to }, _) => Block::MovedAway { old, to },
        };
        // What is left between moves may be unchanged lines beside unchanged lines.
        if let (Block::Same { old, new }, Some(Block::Same { old: o, new: n })) = (&block, blocks.last_mut())
        {
            o.end = old.end;
            n.end = new.end;
            continue;
        }
        blocks.push(block);
    }
    TextDiff { blocks, approximate }
}

/// Rebuilds `new` from `old` and the diff (used by the property test "applying the hunks to A gives B").
pub fn apply(old: &str, diff: &TextDiff) -> String {
    let old_lines = lines(old);
    let mut out = String::with_capacity(old.len());
    for block in &diff.blocks {
        match block {
            Block::Same { old, .. } => {
                for line in old_lines.get(old.clone()).unwrap_or_default() {
                    out.push_str(line);
                }
            }
            Block::Changed { words, .. } | Block::MovedHere { words, .. } => {
                for word in words.iter().filter(|w| w.tag != Tag::Removed) {
                    out.push_str(&word.text);
                }
            }
            Block::MovedAway { .. } => {}
        }
    }
    out
}

fn past(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() > d)
}

/// A block before its words are known.
pub(crate) struct Span {
    changed: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// Groups similar's ops into alternating same and changed spans.
fn line_blocks(ops: &[DiffOp], old_lines: &[&str], new_lines: &[&str]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        if old.is_empty() && new.is_empty() {
            continue;
        }
        let changed = !matches!(op, DiffOp::Equal { .. });
        match spans.last_mut() {
            Some(last) if last.changed == changed => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => spans.push(Span { changed, old, new }),
        }
    }
    absorb_gaps(spans, old_lines, new_lines)
}

/// Joins two changed spans across a short same stretch when words may flow across it:
/// - blank lines only (at most [`MAX_BLANK_GAP`]): a paragraph split in two, or two
///   merged, would otherwise land in two blocks whose word diffs show the moved words
///   as removed in one and added in the other;
/// - non-blank lines (at most [`MAX_LINE_GAP`]) with the paragraph going on above and
///   below in either text: a short line that happens to be identical inside a
///   re-wrapped paragraph ("og", a quote) pins the line diff, and the words that
///   re-wrapping moved across it would show as changed.
///
/// Absorbed lines carry no change, so their words come out Same: absorbing can only
/// remove false highlights, never hide a real one. The limits keep a one-word edit
/// in a long paragraph from turning the whole paragraph into a block; coincidental
/// runs of identical lines longer than that do not occur in prose wrapped at a
/// readable width.
fn absorb_gaps(spans: Vec<Span>, old_lines: &[&str], new_lines: &[&str]) -> Vec<Span> {
    let blank = |line: &str| line.trim().is_empty();
    // Whether the line at `at` of `range` in `lines` exists and is prose.
    let prose = |lines: &[&str], range: &Range<usize>, at: Option<usize>| {
        at.filter(|i| range.contains(i)).is_some_and(|i| !blank(lines[i]))
    };
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut iter = spans.into_iter().peekable();
    while let Some(span) = iter.next() {
        let absorb = match (out.last(), iter.peek()) {
            (Some(prev), Some(next)) if prev.changed && next.changed && !span.changed => {
                let same = &old_lines[span.old.clone()];
                let above = prose(old_lines, &prev.old, prev.old.end.checked_sub(1))
                    || prose(new_lines, &prev.new, prev.new.end.checked_sub(1));
                let below = prose(old_lines, &next.old, Some(next.old.start))
                    || prose(new_lines, &next.new, Some(next.new.start));
                (same.len() <= MAX_BLANK_GAP && same.iter().all(|l| blank(l)))
                    || (same.len() <= MAX_LINE_GAP && !same.iter().any(|l| blank(l)) && above && below)
            }
            _ => false,
        };
        match out.last_mut() {
            Some(prev) if absorb || (prev.changed && span.changed) => {
                prev.old.end = span.old.end;
                prev.new.end = span.new.end;
            }
            _ => out.push(span),
        }
    }
    out
}

/// See [`absorb_gaps`].
const MAX_BLANK_GAP: usize = 2;
const MAX_LINE_GAP: usize = 3;
