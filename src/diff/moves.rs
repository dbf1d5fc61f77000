//! Paragraphs that moved: taken out of one changed stretch of lines and put
//! into another, with or without edits. Without this a moved section reads
//! as removed in one place and added in another, and the reviewer re-reads
//! every word to find that nothing changed.
//!
//! Found among the changed stretches the line diff left (the unchanged text
//! is already paired by Patience):
//! 1. each stretch's lines on both sides are cut into paragraphs (non-blank
//!    lines and the blank lines after them);
//! 2. paragraphs whose words (in lower case, punctuation and whitespace left
//!    out) occur once among the old paragraphs and once among the new are
//!    paired — Heckel's unique-line idea, applied to paragraphs;
//! 3. the rest, of at least [`MOVE_WORDS`] words, are paired best first by
//!    the share of words they have in common (Dice's coefficient over the
//!    words), when it is more than [`super::SIMILAR`] — the exporter's
//!    threshold;
//! 4. a pair in two different stretches is a move (in one stretch it is an
//!    edit in place, which the word diff shows); moves of neighbouring
//!    paragraphs to neighbouring places join, so a moved section is one move.
//!
//! Step 3 compares every old paragraph with every new one; past
//! [`MAX_COMPARISONS`] or the deadline it is skipped and the diff says it is
//! approximate.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use super::tokens::rough_words;
use super::{SIMILAR, Span, past};

/// Paragraphs shorter than this are paired only when equal and unique.
pub const MOVE_WORDS: usize = 4;

/// Above this many old × new paragraphs in changed stretches, pairing by
/// similarity is skipped.
const MAX_COMPARISONS: usize = 250_000;

/// What the diff is made of, before the words are known.
pub(super) enum Piece {
    Span(Span),
    /// Old lines that moved to `to` in the new text.
    Away {
        old: Range<usize>,
        to: Range<usize>,
    },
    /// New lines that came from `from` in the old text.
    Here {
        from: Range<usize>,
        new: Range<usize>,
    },
}

struct Unit {
    span: usize,
    lines: Range<usize>,
    /// Interned lower-case words, in order.
    words: Vec<u32>,
    partner: Option<usize>,
}

/// The line diff's spans with moved paragraphs taken out of the changed ones,
/// and whether pairing was cut short.
pub(super) fn find(
    spans: Vec<Span>,
    old_lines: &[&str],
    new_lines: &[&str],
    deadline: Option<Instant>,
) -> (Vec<Piece>, bool) {
    let changed = spans.iter().filter(|s| s.changed).count();
    if changed < 2 {
        return (spans.into_iter().map(Piece::Span).collect(), false);
    }
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut old_units = Vec::new();
    let mut new_units = Vec::new();
    for (k, span) in spans.iter().enumerate().filter(|(_, s)| s.changed) {
        old_units.extend(units(old_lines, span.old.clone(), k, &mut ids));
        new_units.extend(units(new_lines, span.new.clone(), k, &mut ids));
    }
    let approximate = pair(&mut old_units, &mut new_units, deadline);
    let moves = join(&old_units, &new_units);
    (cut(spans, &moves, old_lines, new_lines), approximate)
}

/// The paragraphs of `range` (lines of `lines`) that have words.
fn units(lines: &[&str], range: Range<usize>, span: usize, ids: &mut HashMap<String, u32>) -> Vec<Unit> {
    let blank = |i: usize| lines[i].trim().is_empty();
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if blank(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && !blank(i) {
            i += 1;
        }
        while i < range.end && blank(i) {
            i += 1;
        }
        let words = word_ids(&lines[start..i].concat(), ids);
        if !words.is_empty() {
            out.push(Unit {
                span,
                lines: start..i,
                words,
                partner: None,
            });
        }
    }
    out
}

/// A text's words in lower case, each interned in `ids` (punctuation and
/// whitespace left out): what makes two paragraphs equal or alike here.
pub(super) fn word_ids(text: &str, ids: &mut HashMap<String, u32>) -> Vec<u32> {
    rough_words(text)
        .map(|word| {
            let word = word.to_lowercase();
            let next = ids.len() as u32;
            *ids.entry(word).or_insert(next)
        })
        .collect()
}

/// Pairs old and new paragraphs (steps 2 and 3). Returns whether step 3 was skipped.
fn pair(old: &mut [Unit], new: &mut [Unit], deadline: Option<Instant>) -> bool {
    let (found, cut_short) = {
        let old_words: Vec<&[u32]> = old.iter().map(|u| u.words.as_slice()).collect();
        let new_words: Vec<&[u32]> = new.iter().map(|u| u.words.as_slice()).collect();
        partners(&old_words, &new_words, deadline)
    };
    for (i, j) in found {
        old[i].partner = Some(j);
        new[j].partner = Some(i);
    }
    cut_short
}

/// Pairs paragraphs given by their words ([`word_ids`]): first those equal
/// and unique on both sides, then the rest of at least [`MOVE_WORDS`] words,
/// best first, while they share more than [`SIMILAR`] of their words.
/// Returns the pairs (old, new) and whether the second step was skipped
/// (too many paragraphs, or past the deadline).
pub(super) fn partners(
    old: &[&[u32]],
    new: &[&[u32]],
    deadline: Option<Instant>,
) -> (Vec<(usize, usize)>, bool) {
    let mut old_partner: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_partner: Vec<Option<usize>> = vec![None; new.len()];
    // Equal and unique on both sides.
    let mut seen: HashMap<&[u32], (usize, usize, usize, usize)> = HashMap::new();
    for (i, &words) in old.iter().enumerate() {
        let entry = seen.entry(words).or_insert((0, 0, 0, 0));
        entry.0 += 1;
        entry.1 = i;
    }
    for (j, &words) in new.iter().enumerate() {
        let entry = seen.entry(words).or_insert((0, 0, 0, 0));
        entry.2 += 1;
        entry.3 = j;
    }
    let mut found: Vec<(usize, usize)> = seen
        .values()
        .filter(|&&(a, _, b, _)| a == 1 && b == 1)
        .map(|&(_, i, _, j)| (i, j))
        .collect();
    found.sort_unstable();
    for &(i, j) in &found {
        old_partner[i] = Some(j);
        new_partner[j] = Some(i);
    }

    // Alike, best first.
    let open = |words: &[&[u32]], partner: &[Option<usize>]| -> Vec<usize> {
        (0..words.len())
            .filter(|&i| partner[i].is_none() && words[i].len() >= MOVE_WORDS)
            .collect()
    };
    let (old_open, new_open) = (open(old, &old_partner), open(new, &new_partner));
    if old_open.is_empty() || new_open.is_empty() {
        return (found, false);
    }
    if old_open.len() * new_open.len() > MAX_COMPARISONS || past(deadline) {
        return (found, true);
    }
    let sorted = |words: &[u32]| {
        let mut words = words.to_vec();
        words.sort_unstable();
        words
    };
    let new_sorted: Vec<Vec<u32>> = new_open.iter().map(|&j| sorted(new[j])).collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &old_open {
        if past(deadline) {
            return (found, true);
        }
        let a = sorted(old[i]);
        for (k, b) in new_sorted.iter().enumerate() {
            let score = dice(&a, b);
            if score > SIMILAR {
                candidates.push((score, i, new_open[k]));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, i, j) in candidates {
        if old_partner[i].is_none() && new_partner[j].is_none() {
            old_partner[i] = Some(j);
            new_partner[j] = Some(i);
            found.push((i, j));
        }
    }
    (found, false)
}

/// Dice's coefficient of two sorted multisets.
fn dice(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// A move: old lines and new lines.
#[derive(Clone)]
struct Move {
    old: Range<usize>,
    new: Range<usize>,
}

/// Pairs in two different stretches, neighbours joined (step 4).
fn join(old: &[Unit], new: &[Unit]) -> Vec<Move> {
    let mut moves: Vec<Move> = Vec::new();
    // Units of one stretch's old side come in order, and so do the stretches.
    let mut last: Option<(usize, usize)> = None;
    for (i, unit) in old.iter().enumerate() {
        let Some(j) = unit.partner else {
            last = None;
            continue;
        };
        let there = &new[j];
        if there.span == unit.span {
            last = None;
            continue;
        }
        let follows = last.is_some_and(|(pi, pj)| {
            pi + 1 == i
                && pj + 1 == j
                && old[pi].span == unit.span
                && new[pj].span == there.span
                && old[pi].lines.end == unit.lines.start
                && new[pj].lines.end == there.lines.start
        });
        match moves.last_mut() {
            Some(m) if follows => {
                m.old.end = unit.lines.end;
                m.new.end = there.lines.end;
            }
            _ => moves.push(Move {
                old: unit.lines.clone(),
                new: there.lines.clone(),
            }),
        }
        last = Some((i, j));
    }
    moves
}

/// The spans with the moves cut out: in each changed span, the lines before
/// the next move on each side stay a changed span, then the move's pieces.
fn cut(spans: Vec<Span>, moves: &[Move], old_lines: &[&str], new_lines: &[&str]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(spans.len() + 2 * moves.len());
    let mut by_old: Vec<&Move> = moves.iter().collect();
    by_old.sort_by_key(|m| m.old.start);
    let mut by_new: Vec<&Move> = moves.iter().collect();
    by_new.sort_by_key(|m| m.new.start);
    let (mut away, mut here) = (by_old.into_iter().peekable(), by_new.into_iter().peekable());
    for span in spans {
        if !span.changed {
            out.push(Piece::Span(span));
            continue;
        }
        let (mut o, mut n) = (span.old.start, span.new.start);
        loop {
            let next_away = away.next_if(|m| m.old.start < span.old.end);
            let next_here = here.next_if(|m| m.new.start < span.new.end);
            let o_end = next_away.map_or(span.old.end, |m| m.old.start);
            let n_end = next_here.map_or(span.new.end, |m| m.new.start);
            push_rest(&mut out, o..o_end, n..n_end, old_lines, new_lines);
            if let Some(m) = next_away {
                out.push(Piece::Away {
                    old: m.old.clone(),
                    to: m.new.clone(),
                });
                o = m.old.end;
            } else {
                o = o_end;
            }
            if let Some(m) = next_here {
                out.push(Piece::Here {
                    from: m.old.clone(),
                    new: m.new.clone(),
                });
                n = m.new.end;
            } else {
                n = n_end;
            }
            if next_away.is_none() && next_here.is_none() {
                break;
            }
        }
    }
    out
}

/// What is left of a changed span between moves: nothing, lines the same on
/// both sides (blank lines around a moved paragraph, say), or a change.
fn push_rest(
    out: &mut Vec<Piece>,
    old: Range<usize>,
    new: Range<usize>,
    old_lines: &[&str],
    new_lines: &[&str],
) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    let changed = old_lines[old.clone()] != new_lines[new.clone()];
    if let (false, Some(Piece::Span(last))) = (changed, out.last_mut())
        && !last.changed
    {
        last.old.end = old.end;
        last.new.end = new.end;
        return;
    }
    out.push(Piece::Span(Span { changed, old, new }));
}
