//! For the exporter's tracked changes: which block (paragraph, heading, list
//! item) of an older text became which block of a newer one, the words that
//! changed inside a pair, and which draft along the way made each change.

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use super::Word;
use super::tokens::{Class, tokenize};

/// What became of one block: kept as it was, edited, removed or added. The
/// pairs come in the order of both texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    Same { old: usize, new: usize },
    Changed { old: usize, new: usize },
    Removed(usize),
    Added(usize),
}

/// Two blocks are taken as one edited block when more than this share of
/// their words (Dice's coefficient over the words, case kept) is common to
/// both; otherwise the old one is removed and the new one added.
pub const SIMILAR: f64 = 0.5;

/// Beyond this many blocks on each side of a changed stretch, pairing by
/// similarity (quadratic) is skipped: the old blocks are removed and the new
/// ones added.
const MAX_PAIRING: usize = 400;

/// A block as the pairing sees it: what makes two blocks the same (its kind
/// and text, say) and the text whose words make two blocks similar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockText<'a> {
    pub key: &'a str,
    pub text: &'a str,
}

/// Pairs the blocks of two texts. Blocks with equal keys are found first
/// (patience, so headings and untouched paragraphs anchor the rest); between
/// them, blocks are paired in order by how many words their texts share.
pub fn pair_blocks(old: &[BlockText<'_>], new: &[BlockText<'_>]) -> Vec<Pair> {
    let old_keys: Vec<&str> = old.iter().map(|b| b.key).collect();
    let new_keys: Vec<&str> = new.iter().map(|b| b.key).collect();
    let ops = similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let mut out = Vec::new();
    for stretch in stretches(&ops) {
        match stretch {
            Stretch::Equal { old: o, new: n, len } => out.extend((0..len).map(|k| Pair::Same {
                old: o + k,
                new: n + k,
            })),
            Stretch::Changed { old: o, new: n } => pair_similar(old, new, o, n, &mut out),
        }
    }
    out
}

/// A run of similar's ops: equal, or changed (every delete, insert and
/// replace between two equal runs, joined).
enum Stretch {
    Equal { old: usize, new: usize, len: usize },
    Changed { old: Range<usize>, new: Range<usize> },
}

fn stretches(ops: &[DiffOp]) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut pending: Option<(Range<usize>, Range<usize>)> = None;
    for op in ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            if let Some((old, new)) = pending.take() {
                out.push(Stretch::Changed { old, new });
            }
            out.push(Stretch::Equal {
                old: old_index,
                new: new_index,
                len,
            });
        } else {
            let (o, n) = (op.old_range(), op.new_range());
            pending = Some(match pending.take() {
                Some((po, pn)) => (po.start..o.end.max(po.end), pn.start..n.end.max(pn.end)),
                None => (o, n),
            });
        }
    }
    if let Some((old, new)) = pending {
        out.push(Stretch::Changed { old, new });
    }
    out
}

/// Pairs the blocks of one changed stretch in order, so that the sum of the
/// pairs' similarities is greatest (an alignment by dynamic programming).
fn pair_similar(
    old: &[BlockText<'_>],
    new: &[BlockText<'_>],
    o: Range<usize>,
    n: Range<usize>,
    out: &mut Vec<Pair>,
) {
    let (rows, cols) = (o.len(), n.len());
    if rows == 0 || cols == 0 || rows > MAX_PAIRING || cols > MAX_PAIRING {
        out.extend(o.map(Pair::Removed));
        out.extend(n.map(Pair::Added));
        return;
    }
    let old_words: Vec<HashMap<&str, usize>> = o.clone().map(|i| word_counts(old[i].text)).collect();
    let new_words: Vec<HashMap<&str, usize>> = n.clone().map(|j| word_counts(new[j].text)).collect();
    // best[i][j]: the best score pairing old[i..] with new[j..].
    let mut best = vec![vec![0.0f64; cols + 1]; rows + 1];
    let mut score = vec![vec![0.0f64; cols]; rows];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            score[i][j] = dice(&old_words[i], &new_words[j]);
            let pair = if score[i][j] > SIMILAR {
                score[i][j] + best[i + 1][j + 1]
            } else {
                f64::MIN
            };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < rows && j < cols {
        if score[i][j] > SIMILAR && best[i][j] == score[i][j] + best[i + 1][j + 1] {
            out.push(Pair::Changed {
                old: o.start + i,
                new: n.start + j,
            });
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            out.push(Pair::Removed(o.start + i));
            i += 1;
        } else {
            out.push(Pair::Added(n.start + j));
            j += 1;
        }
    }
    out.extend((o.start + i..o.end).map(Pair::Removed));
    out.extend((n.start + j..n.end).map(Pair::Added));
}

fn word_counts(text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for token in tokenize(text) {
        if token.class == Class::Word {
            *counts.entry(&text[token.range]).or_insert(0) += 1;
        }
    }
    counts
}

/// Dice's coefficient of two multisets of words (1 for two blocks without words).
fn dice(a: &HashMap<&str, usize>, b: &HashMap<&str, usize>) -> f64 {
    let total: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
    if total == 0 {
        return 1.0;
    }
    let common: usize = a
        .iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum();
    2.0 * common as f64 / total as f64
}

/// The word diff of two blocks' texts (whitespace compared as equal, as in
/// every other view), with a generous budget: an export is not interactive.
pub fn block_words(old: &str, new: &str) -> Vec<Word> {
    let deadline = Instant::now().checked_add(Duration::from_secs(2));
    super::words::diff_words(old, new, deadline).0
}

/// Who changed what between the first and the last of a run of drafts: the
/// bytes of the last draft that were not in the first, and the bytes of the
/// first that are not in the last, each with the index (in the run) of the
/// draft that made that change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authorship {
    added: Vec<(Range<usize>, usize)>,
    removed: Vec<(Range<usize>, usize)>,
}

impl Authorship {
    /// The draft that wrote the byte at `at` of the last draft, unless the
    /// first draft already had it.
    pub fn added_by(&self, at: usize) -> Option<usize> {
        find(&self.added, at)
    }

    /// The draft that removed the byte at `at` of the first draft, unless the
    /// last draft still has it.
    pub fn removed_by(&self, at: usize) -> Option<usize> {
        find(&self.removed, at)
    }
}

fn find(ranges: &[(Range<usize>, usize)], at: usize) -> Option<usize> {
    let k = ranges.partition_point(|(r, _)| r.end <= at);
    ranges.get(k).filter(|(r, _)| r.contains(&at)).map(|(_, d)| *d)
}

/// Where a token of the current draft came from.
#[derive(Clone, Copy)]
enum Origin {
    /// Token `i` of the first draft.
    First(usize),
    /// Written by draft `k`.
    Draft(usize),
}

/// A text's tokens, found line by line, and each line's tokens.
struct Lined<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    tokens: Vec<Range<usize>>,
    /// The tokens of line `i` are `tokens[by_line[i].clone()]`.
    by_line: Vec<Range<usize>>,
}

/// Each distinct line's tokens (ranges in the line): drafts share most of
/// their lines, and splitting by grapheme is the walk's dearest part.
type LineTokens<'a> = HashMap<&'a str, Vec<Range<usize>>>;

impl<'a> Lined<'a> {
    fn new(text: &'a str, known: &mut LineTokens<'a>) -> Lined<'a> {
        let lines = super::lines(text);
        let mut tokens = Vec::new();
        let mut by_line = Vec::with_capacity(lines.len());
        let mut at = 0;
        for line in &lines {
            let first = tokens.len();
            let found = known
                .entry(line)
                .or_insert_with(|| tokenize(line).into_iter().map(|t| t.range).collect());
            tokens.extend(found.iter().map(|r| r.start + at..r.end + at));
            by_line.push(first..tokens.len());
            at += line.len();
        }
        Lined {
            text,
            lines,
            tokens,
            by_line,
        }
    }

    /// The tokens of lines `lines`.
    fn span(&self, lines: Range<usize>) -> Range<usize> {
        match (
            self.by_line.get(lines.start),
            lines.end.checked_sub(1).and_then(|l| self.by_line.get(l)),
        ) {
            (Some(first), Some(last)) if !lines.is_empty() => first.start..last.end,
            _ => {
                let at = self
                    .by_line
                    .get(lines.start)
                    .map_or(self.tokens.len(), |r| r.start);
                at..at
            }
        }
    }

    fn token(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].clone()]
    }
}

/// Walks `drafts` (oldest first) word by word, carrying each token's origin
/// from one draft to the next: lines first (patience), then the words of
/// each changed stretch of lines (Myers), as the diff views do. Each step
/// has a budget of a second; past it, that step's changes are coarser
/// (whole stretches), never lost.
pub fn authorship(drafts: &[&str]) -> Authorship {
    let Some(first) = drafts.first() else {
        return Authorship::default();
    };
    let mut known = LineTokens::new();
    let first = Lined::new(first, &mut known);
    let mut removed_at: Vec<Option<usize>> = vec![None; first.tokens.len()];
    let mut current = Lined::new(first.text, &mut known);
    let mut origins: Vec<Origin> = (0..current.tokens.len()).map(Origin::First).collect();
    for (k, next) in drafts.iter().enumerate().skip(1) {
        let next = Lined::new(next, &mut known);
        let deadline = Instant::now().checked_add(Duration::from_secs(1));
        let line_ops =
            similar::capture_diff_slices_deadline(Algorithm::Patience, &current.lines, &next.lines, deadline);
        let mut next_origins = Vec::with_capacity(next.tokens.len());
        let mut step = |old: Range<usize>, new: Range<usize>, next_origins: &mut Vec<Origin>| {
            let (old, new) = (current.span(old), next.span(new));
            let old_keys: Vec<&str> = old.clone().map(|i| current.token(i)).collect();
            let new_keys: Vec<&str> = new.clone().map(|i| next.token(i)).collect();
            for op in similar::capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, deadline)
            {
                if let DiffOp::Equal { old_index, len, .. } = op {
                    let from = old.start + old_index;
                    next_origins.extend_from_slice(&origins[from..from + len]);
                } else {
                    for origin in &origins[old.start + op.old_range().start..old.start + op.old_range().end] {
                        if let Origin::First(i) = *origin {
                            removed_at[i] = Some(k);
                        }
                    }
                    next_origins.extend(op.new_range().map(|_| Origin::Draft(k)));
                }
            }
        };
        for stretch in stretches(&line_ops) {
            match stretch {
                Stretch::Equal { old, new, len } => {
                    // Equal lines have equal tokens.
                    let old = current.span(old..old + len);
                    debug_assert_eq!(old.len(), next.span(new..new + len).len());
                    next_origins.extend_from_slice(&origins[old]);
                }
                Stretch::Changed { old, new } => step(old, new, &mut next_origins),
            }
        }
        current = next;
        origins = next_origins;
    }
    let mut added: Vec<(Range<usize>, usize)> = Vec::new();
    for (token, origin) in current.tokens.iter().zip(&origins) {
        if let Origin::Draft(k) = *origin {
            push_range(&mut added, token.clone(), k);
        }
    }
    let mut removed = Vec::new();
    for (token, by) in first.tokens.iter().zip(&removed_at) {
        if let Some(k) = *by {
            push_range(&mut removed, token.clone(), k);
        }
    }
    Authorship { added, removed }
}

/// Appends a range, joining it to the last one when they touch and share a draft.
fn push_range(ranges: &mut Vec<(Range<usize>, usize)>, range: Range<usize>, draft: usize) {
    if let Some((last, d)) = ranges.last_mut()
        && *d == draft
        && last.end == range.start
    {
        last.end = range.end;
        return;
    }
    ranges.push((range, draft));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(texts: &[&'a str]) -> Vec<BlockText<'a>> {
        texts.iter().map(|t| BlockText { key: t, text: t }).collect()
    }

    #[test]
    fn identical_blocks_anchor_and_edited_ones_pair() {
        let old = [
            "# Mål",
            "Vi vil reducere udledningen med 50 pct.",
            "Gammelt afsnit om noget helt andet.",
        ];
        let new = [
            "# Mål",
            "Vi vil reducere udledningen med 70 pct.",
            "Et nyt afsnit.",
        ];
        assert_eq!(
            pair_blocks(&texts(&old), &texts(&new)),
            vec![
                Pair::Same { old: 0, new: 0 },
                Pair::Changed { old: 1, new: 1 },
                Pair::Removed(2),
                Pair::Added(2),
            ]
        );
    }

    #[test]
    fn an_inserted_block_does_not_shift_the_pairing() {
        let old = ["# A", "første afsnit om skolen", "andet afsnit om trafikken"];
        let new = [
            "# A",
            "helt nyt afsnit",
            "første afsnit om skolerne",
            "andet afsnit om trafikken i byen",
        ];
        assert_eq!(
            pair_blocks(&texts(&old), &texts(&new)),
            vec![
                Pair::Same { old: 0, new: 0 },
                Pair::Added(1),
                Pair::Changed { old: 1, new: 2 },
                Pair::Changed { old: 2, new: 3 },
            ]
        );
    }

    #[test]
    fn each_change_is_credited_to_the_draft_that_made_it() {
        let drafts = [
            "Vi vil spare 50 kr. i år.",
            "Vi vil spare 70 kr. i år.",
            "Vi vil spare 70 kr. i alt.",
        ];
        let a = authorship(&drafts);
        let last = drafts[2];
        assert_eq!(a.added_by(last.find("70").unwrap()), Some(1));
        assert_eq!(a.added_by(last.find("alt").unwrap()), Some(2));
        assert_eq!(a.added_by(0), None);
        let first = drafts[0];
        assert_eq!(a.removed_by(first.find("50").unwrap()), Some(1));
        assert_eq!(a.removed_by(first.find("år").unwrap()), Some(2));
        assert_eq!(a.removed_by(0), None);
    }

    #[test]
    fn a_word_added_and_removed_again_is_no_change() {
        let drafts = ["en to tre", "en to fire tre", "en to tre"];
        assert_eq!(authorship(&drafts), Authorship::default());
    }
}
