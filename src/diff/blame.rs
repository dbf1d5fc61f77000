//! Who gave each paragraph of a text its wording, for `udkast blame`: given
//! the texts of a document's drafts, oldest first, each paragraph of the
//! newest (and each sentence in it) is credited to the draft that last
//! changed its wording, minor changes set aside — a comma fixed, a case
//! changed, a typo corrected or a paragraph re-wrapped leaves the credit
//! where it was.
//!
//! Draft by draft (k-1 → k):
//! 1. the paragraphs of both ([`crate::markdown::paragraphs`]) are paired:
//!    equal ones by patience, then in order by the words they share
//!    ([`pair_blocks`]); those left over are paired anywhere when their words
//!    are equal or alike, as the diff pairs moved paragraphs
//!    (`moves::partners`);
//! 2. a pair keeps the old paragraph's credit when its word diff
//!    ([`block_words`]) has only minor changes ([`changes`],
//!    [`super::ChangeKind::minor`]); otherwise, and for a new paragraph, the
//!    credit is draft k's;
//! 3. a stretch of paragraphs between two unchanged ones that, taken whole,
//!    changed only in minor ways (a paragraph split in two or two merged, a
//!    typo in a heading too short to pair) keeps its credits: each new
//!    paragraph takes the newest of the old ones its words came from;
//! 4. sentences (cut by the LIX rules, `lix::sentences`) follow the pair's
//!    word diff: each word of the new paragraph comes from an old sentence
//!    (unchanged or through a minor change) or from draft k, and a sentence
//!    takes the newest credit among its words — draft k's if a substantive
//!    change took words out of a sentence it comes from, but a sentence
//!    removed whole touches no other. A sentence draft k would get that reads
//!    word for word like one of the old paragraph's (reordered), or like one
//!    of at least [`MOVE_WORDS`] words in a paragraph that changed or went
//!    (moved from there), keeps that sentence's credit.

use std::collections::HashMap;
use std::ops::Range;

use super::moves::{partners, word_ids};
use super::{BlockText, MOVE_WORDS, Pair, Tag, Word, block_words, changes, lix, pair_blocks};
use crate::markdown::{ParagraphKind, paragraphs};

/// One paragraph of the newest text and the draft that gave it its wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphCredit {
    /// Its lines in the newest text (0-based, as [`super::lines`] counts
    /// them; the blank lines around it left out).
    pub lines: Range<usize>,
    /// The draft, as an index into the texts given (0 for the first).
    pub draft: usize,
    /// Its sentences, in order.
    pub sentences: Vec<SentenceCredit>,
}

/// One sentence of a paragraph and the draft that gave it its wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceCredit {
    /// Its bytes in the paragraph's text (its lines joined).
    pub bytes: Range<usize>,
    pub draft: usize,
}

/// Credits each paragraph of the last of `drafts` (oldest first), and each
/// of its sentences, to the draft that gave it its wording.
pub fn blame(drafts: &[&str]) -> Vec<ParagraphCredit> {
    let Some((first, rest)) = drafts.split_first() else {
        return Vec::new();
    };
    let mut current: Vec<Para<'_>> = read(first)
        .into_iter()
        .map(|mut p| {
            p.sentences = sentences(p.text, p.kind)
                .into_iter()
                .map(|bytes| SentenceCredit { bytes, draft: 0 })
                .collect();
            p
        })
        .collect();
    let mut previous = *first;
    for (k, text) in rest.iter().enumerate().map(|(i, t)| (i + 1, *t)) {
        if text != previous {
            current = step(&current, text, k);
        }
        previous = text;
    }
    current
        .into_iter()
        .map(|p| ParagraphCredit {
            lines: p.lines,
            draft: p.draft,
            sentences: p.sentences,
        })
        .collect()
}

/// A paragraph of one draft with its credits.
struct Para<'a> {
    lines: Range<usize>,
    /// Its lines joined, without the line end after the last.
    text: &'a str,
    kind: ParagraphKind,
    draft: usize,
    sentences: Vec<SentenceCredit>,
}

/// The paragraphs of `text`, not credited yet.
fn read(text: &str) -> Vec<Para<'_>> {
    let lines = super::lines(text);
    let mut starts = Vec::with_capacity(lines.len() + 1);
    let mut at = 0;
    for line in &lines {
        starts.push(at);
        at += line.len();
    }
    starts.push(at);
    paragraphs(&lines)
        .into_iter()
        .map(|p| Para {
            text: text[starts[p.lines.start]..starts[p.lines.end]].trim_end(),
            lines: p.lines,
            kind: p.kind,
            draft: 0,
            sentences: Vec::new(),
        })
        .collect()
}

/// The sentences of a paragraph. Front matter and code are one each; in
/// text, a line that is not running prose (a heading, a list item, a table
/// row) starts a new stretch, so list items without full stops are not read
/// as one sentence.
fn sentences(text: &str, kind: ParagraphKind) -> Vec<Range<usize>> {
    if kind != ParagraphKind::Text {
        return if text.trim().is_empty() {
            Vec::new()
        } else {
            std::iter::once(0..text.len()).collect()
        };
    }
    let mut out = Vec::new();
    let mut piece = 0;
    let mut at = 0;
    for line in super::lines(text) {
        if at > piece && !lix::is_prose(line) {
            out.extend(piece_sentences(&text[piece..at], piece));
            piece = at;
        }
        at += line.len();
    }
    out.extend(piece_sentences(&text[piece..], piece));
    out
}

/// The sentences of a stretch of lines at byte `offset`; a list item's
/// marker (`1.`, `-`) belongs to its first sentence rather than being one.
fn piece_sentences(piece: &str, offset: usize) -> Vec<Range<usize>> {
    let marker = lix::list_marker(piece).unwrap_or(0);
    let mut found: Vec<Range<usize>> = lix::sentences(&piece[marker..])
        .into_iter()
        .map(|r| r.start + marker + offset..r.end + marker + offset)
        .collect();
    let start = piece.len() - piece.trim_start().len();
    if marker > 0 {
        match found.first_mut() {
            Some(first) => first.start = start + offset,
            None => found.push(start + offset..piece.trim_end().len() + offset),
        }
    }
    found
}

/// What became of an old paragraph, or where a new one came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    Same {
        old: usize,
        new: usize,
    },
    /// Paired in place.
    Edited {
        old: usize,
        new: usize,
    },
    /// Paired anywhere, standing at its new place.
    Moved {
        old: usize,
        new: usize,
    },
    Removed(usize),
    Added(usize),
}

/// The credits of draft `k`'s paragraphs, from draft k-1's.
fn step<'a>(old: &[Para<'_>], text: &'a str, k: usize) -> Vec<Para<'a>> {
    let mut new = read(text);
    let links = link(old, &new);
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    for l in &links {
        match *l {
            Link::Same { old: o, new: n } => {
                new[n].draft = old[o].draft;
                new[n].sentences = old[o].sentences.clone();
            }
            Link::Edited { old: o, new: n } | Link::Moved { old: o, new: n } => {
                partner[n] = Some(o);
                let (before, after) = (&old[o], &mut new[n]);
                let words = block_words(before.text, after.text);
                let minor = changes(&words).iter().all(|c| c.kind.minor());
                after.draft = if minor { before.draft } else { k };
                let units = sentences(after.text, after.kind);
                let drafts = carry(&words, &before.sentences, after.text, &units, k);
                after.sentences = credit(units, drafts);
            }
            Link::Added(n) => {
                let p = &mut new[n];
                p.draft = k;
                let units = sentences(p.text, p.kind);
                let drafts = vec![k; units.len()];
                p.sentences = credit(units, drafts);
            }
            Link::Removed(_) => {}
        }
    }
    keep_minor_stretches(old, &mut new, &links, k);
    keep_moved_sentences(old, &mut new, &links, &partner, k);
    new
}

/// Sentences with their drafts (one each, in order).
fn credit(units: Vec<Range<usize>>, drafts: Vec<usize>) -> Vec<SentenceCredit> {
    debug_assert_eq!(units.len(), drafts.len());
    units
        .into_iter()
        .zip(drafts)
        .map(|(bytes, draft)| SentenceCredit { bytes, draft })
        .collect()
}

/// Pairs old and new paragraphs: in order first ([`pair_blocks`]), then
/// those left over anywhere (moves). A moved pair stands at its new place.
fn link(old: &[Para<'_>], new: &[Para<'_>]) -> Vec<Link> {
    fn blocks<'a>(paras: &[Para<'a>]) -> Vec<BlockText<'a>> {
        paras
            .iter()
            .map(|p| BlockText {
                key: p.text,
                text: p.text,
            })
            .collect()
    }
    let pairs = pair_blocks(&blocks(old), &blocks(new));
    let removed: Vec<usize> = pairs
        .iter()
        .filter_map(|p| if let Pair::Removed(o) = *p { Some(o) } else { None })
        .collect();
    let added: Vec<usize> = pairs
        .iter()
        .filter_map(|p| if let Pair::Added(n) = *p { Some(n) } else { None })
        .collect();
    let mut moved_to: HashMap<usize, usize> = HashMap::new();
    let mut moved_from: HashMap<usize, usize> = HashMap::new();
    if !removed.is_empty() && !added.is_empty() {
        let mut ids = HashMap::new();
        let old_words: Vec<Vec<u32>> = removed.iter().map(|&o| word_ids(old[o].text, &mut ids)).collect();
        let new_words: Vec<Vec<u32>> = added.iter().map(|&n| word_ids(new[n].text, &mut ids)).collect();
        let o: Vec<&[u32]> = old_words.iter().map(Vec::as_slice).collect();
        let n: Vec<&[u32]> = new_words.iter().map(Vec::as_slice).collect();
        // No deadline: `partners` bounds its own comparisons.
        for (i, j) in partners(&o, &n, None).0 {
            moved_to.insert(removed[i], added[j]);
            moved_from.insert(added[j], removed[i]);
        }
    }
    pairs
        .into_iter()
        .filter_map(|p| match p {
            Pair::Same { old, new } => Some(Link::Same { old, new }),
            Pair::Changed { old, new } => Some(Link::Edited { old, new }),
            Pair::Removed(o) if moved_to.contains_key(&o) => None,
            Pair::Removed(o) => Some(Link::Removed(o)),
            Pair::Added(n) => Some(match moved_from.get(&n) {
                Some(&o) => Link::Moved { old: o, new: n },
                None => Link::Added(n),
            }),
        })
        .collect()
}

/// Beyond this many paragraphs on either side, a stretch is not compared
/// whole: splits and merges are local, and a long stretch is a rewrite.
const MAX_STRETCH: usize = 12;

/// Step 3: a stretch of links between two unchanged paragraphs (or moved
/// ones) where draft k took a credit, compared whole; when it changed only
/// in minor ways, its paragraphs and sentences keep their credits.
fn keep_minor_stretches(old: &[Para<'_>], new: &mut [Para<'_>], links: &[Link], k: usize) {
    let mut at = 0;
    while at < links.len() {
        let end = (at..links.len())
            .find(|&i| matches!(links[i], Link::Same { .. } | Link::Moved { .. }))
            .unwrap_or(links.len());
        let stretch = &links[at..end];
        at = end + 1;
        if let [Link::Edited { .. }] = stretch {
            // One pair alone: step 2 compared exactly this.
            continue;
        }
        let olds: Vec<usize> = stretch
            .iter()
            .filter_map(|l| match *l {
                Link::Edited { old, .. } | Link::Removed(old) => Some(old),
                _ => None,
            })
            .collect();
        let news: Vec<usize> = stretch
            .iter()
            .filter_map(|l| match *l {
                Link::Edited { new, .. } | Link::Added(new) => Some(new),
                _ => None,
            })
            .collect();
        if olds.is_empty()
            || news.is_empty()
            || olds.len() > MAX_STRETCH
            || news.len() > MAX_STRETCH
            || news.iter().all(|&n| new[n].draft != k)
        {
            continue;
        }
        let (old_text, old_paras) = join(olds.iter().map(|&o| old[o].text));
        let (new_text, new_paras) = join(news.iter().map(|&n| new[n].text));
        let words = block_words(&old_text, &new_text);
        if !changes(&words).iter().all(|c| c.kind.minor()) {
            continue;
        }
        // Credits per paragraph, then per sentence, both over the joined texts.
        let old_units: Vec<SentenceCredit> = olds
            .iter()
            .zip(&old_paras)
            .map(|(&o, r)| SentenceCredit {
                bytes: r.clone(),
                draft: old[o].draft,
            })
            .collect();
        let drafts = carry(&words, &old_units, &new_text, &new_paras, k);
        let old_sentences: Vec<SentenceCredit> = olds
            .iter()
            .zip(&old_paras)
            .flat_map(|(&o, r)| {
                old[o].sentences.iter().map(move |s| SentenceCredit {
                    bytes: s.bytes.start + r.start..s.bytes.end + r.start,
                    draft: s.draft,
                })
            })
            .collect();
        let units: Vec<Vec<Range<usize>>> = news
            .iter()
            .map(|&n| sentences(new[n].text, new[n].kind))
            .collect();
        let joined: Vec<Range<usize>> = units
            .iter()
            .zip(&new_paras)
            .flat_map(|(u, r)| u.iter().map(move |s| s.start + r.start..s.end + r.start))
            .collect();
        let mut sentence_drafts = carry(&words, &old_sentences, &new_text, &joined, k).into_iter();
        for ((&n, draft), units) in news.iter().zip(drafts).zip(units) {
            new[n].draft = draft;
            let drafts = sentence_drafts.by_ref().take(units.len()).collect();
            new[n].sentences = credit(units, drafts);
        }
    }
}

/// Texts joined by a blank line, and where each one is in the result.
fn join<'a>(texts: impl Iterator<Item = &'a str>) -> (String, Vec<Range<usize>>) {
    let mut out = String::new();
    let mut ranges = Vec::new();
    for text in texts {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        ranges.push(out.len()..out.len() + text.len());
        out.push_str(text);
    }
    (out, ranges)
}

/// Step 4's last part: a sentence draft k would be credited with, which reads
/// word for word like an old sentence of the paragraph it was paired with, or
/// like one of at least [`MOVE_WORDS`] words of any old paragraph that
/// changed or went, keeps that sentence's credit (the oldest, when several
/// read alike).
fn keep_moved_sentences(
    old: &[Para<'_>],
    new: &mut [Para<'_>],
    links: &[Link],
    partner: &[Option<usize>],
    k: usize,
) {
    let wanted = new.iter().any(|p| p.sentences.iter().any(|s| s.draft == k));
    if !wanted {
        return;
    }
    let mut ids = HashMap::new();
    // Words → (old paragraph, credit) of every sentence that may have moved.
    let mut known: HashMap<Vec<u32>, Vec<(usize, usize)>> = HashMap::new();
    for l in links {
        if let Link::Edited { old: o, .. } | Link::Moved { old: o, .. } | Link::Removed(o) = *l {
            for s in &old[o].sentences {
                let words = word_ids(&old[o].text[s.bytes.clone()], &mut ids);
                if !words.is_empty() {
                    known.entry(words).or_default().push((o, s.draft));
                }
            }
        }
    }
    for (n, p) in new.iter_mut().enumerate() {
        for s in p.sentences.iter_mut().filter(|s| s.draft == k) {
            let words = word_ids(&p.text[s.bytes.clone()], &mut ids);
            let long = words.len() >= MOVE_WORDS;
            if let Some(found) = known.get(&words).and_then(|from| {
                from.iter()
                    .filter(|(o, _)| long || partner[n] == Some(*o))
                    .map(|(_, d)| *d)
                    .min()
            }) {
                s.draft = found;
            }
        }
    }
}

/// Which draft each of `units` (byte ranges of `new`) has its wording from,
/// given the word diff of the old text against `new` and the old text's
/// units with their credits (in order):
/// - a byte left alone, or changed in a minor way, comes from the old unit
///   it was in (the newest of them, for a minor change over several);
///   a byte a substantive change wrote is draft `k`'s;
/// - a unit takes the newest credit among its letters and digits (its other
///   bytes when it has none), and draft `k`'s when a substantive change took
///   words out of a unit one of its bytes comes from.
fn carry(
    words: &[Word],
    old_units: &[SentenceCredit],
    new: &str,
    units: &[Range<usize>],
    k: usize,
) -> Vec<usize> {
    // The unit a byte of the old text is in, or the one before it.
    let unit_at = |at: usize| -> Option<usize> {
        let i = old_units.partition_point(|u| u.bytes.start <= at);
        i.checked_sub(1).or((!old_units.is_empty()).then_some(0))
    };
    let draft_of = |unit: Option<usize>| unit.map_or(k, |u| old_units[u].draft);
    let mut from: Vec<Option<usize>> = vec![None; new.len()];
    let mut drafts: Vec<usize> = vec![k; new.len()];
    let mut damaged = vec![false; old_units.len()];
    let (mut o, mut n, mut w) = (0, 0, 0);
    let same = |len: usize, o: usize, n: usize, from: &mut Vec<Option<usize>>, drafts: &mut Vec<usize>| {
        for x in 0..len.min(new.len().saturating_sub(n)) {
            let unit = unit_at(o + x);
            from[n + x] = unit;
            drafts[n + x] = draft_of(unit);
        }
    };
    for change in changes(words) {
        for word in &words[w..change.words.start] {
            same(word.text.len(), o, n, &mut from, &mut drafts);
            o += word.text.len();
            n += word.text.len();
        }
        w = change.words.end;
        let run = &words[change.words.clone()];
        let side = |tag: Tag| -> String {
            run.iter()
                .filter(|x| x.tag == tag)
                .map(|x| x.text.as_str())
                .collect()
        };
        let (removed, added) = (side(Tag::Removed), side(Tag::Added));
        // The old units whose visible bytes this change took out or changed.
        let touched: Vec<usize> = removed
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .filter_map(|(i, _)| unit_at(o + i))
            .collect();
        let end = (n + added.len()).min(new.len());
        if change.kind.minor() {
            let unit = touched
                .iter()
                .copied()
                .max_by_key(|&u| old_units[u].draft)
                .or_else(|| unit_at(o.saturating_sub(1)));
            for x in n..end {
                from[x] = unit;
                drafts[x] = draft_of(unit);
            }
        } else {
            for u in touched {
                damaged[u] = true;
            }
        }
        o += removed.len();
        n += added.len();
    }
    for word in &words[w..] {
        same(word.text.len(), o, n, &mut from, &mut drafts);
        o += word.text.len();
        n += word.text.len();
    }
    units
        .iter()
        .map(|unit| {
            let bytes: Vec<(usize, char)> = new[unit.clone()]
                .char_indices()
                .map(|(i, c)| (unit.start + i, c))
                .filter(|(_, c)| !c.is_whitespace())
                .collect();
            let hurt = bytes.iter().any(|&(i, _)| from[i].is_some_and(|u| damaged[u]));
            let letters = bytes.iter().filter(|(_, c)| c.is_alphanumeric());
            let newest = match letters.clone().map(|&(i, _)| drafts[i]).max() {
                Some(d) => d,
                None => bytes.iter().map(|&(i, _)| drafts[i]).max().unwrap_or(k),
            };
            if hurt { k } else { newest }
        })
        .collect()
}

#[cfg(test)]
#[path = "blame_tests.rs"]
mod tests;
