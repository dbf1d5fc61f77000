//! The word diff of one changed block: tokens compared with Myers against the
//! shared deadline, then cleaned up into alternating same and changed pieces.
//!
//! Myers rather than Patience here: in prose the same tokens recur constantly
//! (spaces, "og", "i", commas), so Patience finds few unique anchors and falls back
//! to Myers anyway, while Myers' shortest edit script is exactly "highlight as few
//! words as possible". similar's Myers bounds its own work on hard inputs (it
//! accepts good-enough splits like git's xdiff) and checks the deadline, so two
//! unrelated 30,000-character lines cannot go quadratic; when the deadline passes
//! it emits the rest of the block as removed and added, which is still a correct
//! diff, and we flag the result approximate.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp};

use super::tokens::{Class, Token, tokenize};
use super::{Tag, Word, past};

/// Returns the words of the block and whether they are coarser than a full diff.
pub(crate) fn diff_words(old: &str, new: &str, deadline: Option<Instant>) -> (Vec<Word>, bool) {
    if old.is_empty() || new.is_empty() || past(deadline) {
        // Nothing to align (exact), or no time left (approximate).
        let coarse = !old.is_empty() && !new.is_empty();
        return (whole(old, new), coarse);
    }
    let old_tokens = tokenize(old);
    let new_tokens = tokenize(new);
    let (old_keys, new_keys) = keys(old, &old_tokens, new, &new_tokens);
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, deadline);
    let coarse = past(deadline);
    let mut ops: Vec<Op> = ops.iter().map(Op::from).collect();
    let old_side = Side {
        text: old,
        tokens: &old_tokens,
        keys: &old_keys,
    };
    let new_side = Side {
        text: new,
        tokens: &new_tokens,
        keys: &new_keys,
    };
    slide(&mut ops, &old_side, &new_side);
    let segments = segments(&ops, old, &old_tokens, new, &new_tokens);
    (emit(&absorb_spaces(segments, old), old, new), coarse)
}

/// The whole block removed and added.
fn whole(old: &str, new: &str) -> Vec<Word> {
    let mut words = Vec::new();
    for (tag, text) in [(Tag::Removed, old), (Tag::Added, new)] {
        if !text.is_empty() {
            words.push(Word {
                tag,
                text: text.to_string(),
            });
        }
    }
    words
}

/// Interned keys: equal tokens get equal numbers, and every whitespace run gets 0, so
/// a line break that became a space (re-wrapping) still aligns the words around it.
fn keys(old: &str, old_tokens: &[Token], new: &str, new_tokens: &[Token]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut sides = [(old, old_tokens, Vec::new()), (new, new_tokens, Vec::new())];
    for (text, tokens, keys) in &mut sides {
        keys.reserve(tokens.len());
        for token in tokens.iter() {
            let key = if token.class == Class::Space {
                0
            } else {
                let next = ids.len() as u32 + 1;
                *ids.entry(&text[token.range.clone()]).or_insert(next)
            };
            keys.push(key);
        }
    }
    let [(_, _, old_keys), (_, _, new_keys)] = sides;
    (old_keys, new_keys)
}

/// A token-level op: equal (by key), or a change of `old` into `new`.
#[derive(Debug, Clone)]
struct Op {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

impl From<&DiffOp> for Op {
    fn from(op: &DiffOp) -> Op {
        Op {
            equal: matches!(op, DiffOp::Equal { .. }),
            old: op.old_range(),
            new: op.new_range(),
        }
    }
}

/// One side of the word diff.
struct Side<'a> {
    text: &'a str,
    tokens: &'a [Token],
    keys: &'a [u32],
}

impl Side<'_> {
    /// How good a place the boundary before token `i` is for a change to start or end:
    /// the text's edges, then after a blank line, after a line break, before a line
    /// break, next to a space, next to a mark.
    fn boundary(&self, i: usize) -> u8 {
        let (Some(before), Some(after)) = (
            i.checked_sub(1).and_then(|b| self.tokens.get(b)),
            self.tokens.get(i),
        ) else {
            return 6;
        };
        let text = |t: &Token| &self.text[t.range.clone()];
        let breaks = |t: &Token| text(t).matches('\n').count();
        match (before.class, after.class) {
            (Class::Space, _) if breaks(before) >= 2 => 5,
            (Class::Space, _) if breaks(before) == 1 => 4,
            (_, Class::Space) if breaks(after) >= 1 => 3,
            (Class::Space, _) | (_, Class::Space) => 2,
            (Class::Mark, _) | (_, Class::Mark) => 1,
            _ => 0,
        }
    }
}

/// Moves each pure insertion or deletion along the equal tokens around it to where
/// its edges fall on the best boundaries. Myers only promises a shortest script; of
/// equally short ones it may delete ". Next sentence" and keep the final ".", which
/// splits a removed line across two rows. This is diff-match-patch's "semantic
/// lossless" cleanup, scored for prose lines.
fn slide(ops: &mut [Op], old: &Side, new: &Side) {
    for k in 0..ops.len() {
        let (deletes, inserts) = (!ops[k].old.is_empty(), !ops[k].new.is_empty());
        if ops[k].equal || deletes == inserts {
            continue;
        }
        let (side, range) = if deletes {
            (old, ops[k].old.clone())
        } else {
            (new, ops[k].new.clone())
        };
        let pick = |op: &Op| if deletes { op.old.clone() } else { op.new.clone() };
        // Tokens leaving one end of the change join the equal op at that end, and the
        // change takes over tokens from the other, so it needs equal ops on both sides.
        let before = k
            .checked_sub(1)
            .and_then(|p| ops.get(p))
            .filter(|op| op.equal)
            .map(pick);
        let Some((lo, hi)) = before
            .zip(ops.get(k + 1).filter(|op| op.equal).map(pick))
            .map(|(b, a)| (b.start, a.end))
        else {
            continue;
        };
        let key = |i: usize| side.keys[i];
        let mut left = 0;
        while range.start - left > lo && key(range.start - left - 1) == key(range.end - left - 1) {
            left += 1;
        }
        let mut right = 0;
        while range.end + right < hi && key(range.start + right) == key(range.end + right) {
            right += 1;
        }
        let score = |shift: isize| {
            let start = range.start.saturating_add_signed(shift);
            side.boundary(start) + side.boundary(start + range.len())
        };
        let mut best = 0isize;
        for shift in -(left as isize)..=(right as isize) {
            if score(shift) > score(best) {
                best = shift;
            }
        }
        if best == 0 {
            continue;
        }
        let moved = |r: &mut Range<usize>| {
            r.start = r.start.saturating_add_signed(best);
            r.end = r.end.saturating_add_signed(best);
        };
        // The equal tokens that swap sides keep their count: the op before grows by
        // as much as the op after shrinks, on both texts.
        moved(&mut ops[k].old);
        moved(&mut ops[k].new);
        if let Some(prev) = k.checked_sub(1).and_then(|p| ops.get_mut(p)) {
            prev.old.end = prev.old.end.saturating_add_signed(best);
            prev.new.end = prev.new.end.saturating_add_signed(best);
        }
        if let Some(next) = ops.get_mut(k + 1) {
            next.old.start = next.old.start.saturating_add_signed(best);
            next.new.start = next.new.start.saturating_add_signed(best);
        }
    }
}

/// A same or changed stretch, as byte ranges in the old and new block texts. A
/// changed stretch is contiguous on both sides, so two ranges describe it fully.
#[derive(Debug, Clone)]
struct Segment {
    same: bool,
    old: Range<usize>,
    new: Range<usize>,
}

fn bytes(tokens: &[Token], range: Range<usize>, text_len: usize) -> Range<usize> {
    // An empty token range sits before token `start` (or at the end of the text).
    let at = |i: usize| tokens.get(i).map_or(text_len, |t| t.range.start);
    at(range.start)..at(range.end)
}

/// Turns token ops into segments, splitting equal-keyed whitespace that differs in
/// text into a changed segment, and merging neighbours of the same kind.
fn segments(ops: &[Op], old: &str, old_tokens: &[Token], new: &str, new_tokens: &[Token]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(ops.len());
    let mut push = |same: bool, old: Range<usize>, new: Range<usize>| match out.last_mut() {
        Some(last) if last.same == same => {
            last.old.end = old.end;
            last.new.end = new.end;
        }
        _ => out.push(Segment { same, old, new }),
    };
    for op in ops {
        let (o, n) = (op.old.clone(), op.new.clone());
        if op.equal {
            for k in 0..o.len() {
                let (ot, nt) = (&old_tokens[o.start + k], &new_tokens[n.start + k]);
                let same = old[ot.range.clone()] == new[nt.range.clone()];
                push(same, ot.range.clone(), nt.range.clone());
            }
        } else {
            push(
                false,
                bytes(old_tokens, o, old.len()),
                bytes(new_tokens, n, new.len()),
            );
        }
    }
    out
}

/// A same stretch of pure whitespace between two changes becomes part of the change,
/// so a rewritten phrase reads "[Vi vil gerne]{De skal nok}" rather than alternating
/// word by word. Only whitespace is absorbed: an unchanged word is never marked.
fn absorb_spaces(segments: Vec<Segment>, old: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    let mut iter = segments.into_iter().peekable();
    while let Some(segment) = iter.next() {
        let absorb = segment.same
            && old[segment.old.clone()].chars().all(char::is_whitespace)
            && out.last().is_some_and(|prev| !prev.same)
            && iter.peek().is_some_and(|next| !next.same);
        match out.last_mut() {
            Some(prev) if !prev.same && (absorb || !segment.same) => {
                prev.old.end = segment.old.end;
                prev.new.end = segment.new.end;
            }
            _ => out.push(segment),
        }
    }
    out
}

/// Segments to words: a same segment is one Same word, a changed one a Removed word
/// followed by an Added word (each only if non-empty).
fn emit(segments: &[Segment], old: &str, new: &str) -> Vec<Word> {
    let mut words = Vec::with_capacity(segments.len() * 2);
    for segment in segments {
        let old_text = &old[segment.old.clone()];
        let new_text = &new[segment.new.clone()];
        if segment.same {
            words.push(Word {
                tag: Tag::Same,
                text: old_text.to_string(),
            });
            continue;
        }
        for (tag, text) in [(Tag::Removed, old_text), (Tag::Added, new_text)] {
            if !text.is_empty() {
                words.push(Word {
                    tag,
                    text: text.to_string(),
                });
            }
        }
    }
    words
}
