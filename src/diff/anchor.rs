//! Where a comment thread's passage is in another version of the text: a later
//! draft, an earlier one, or the unsaved buffer.
//!
//! A thread is anchored to its draft's lines and their quoted text. To show it on
//! other text, the two texts are diffed line by line and the passage is followed
//! through the diff. The rules, in order (first that applies):
//!
//! 1. **Unchanged**: every line of the passage is an unchanged line of the diff
//!    and they are still adjacent → `Exact`, shifted by what was inserted or
//!    removed above.
//! 2. **Found by its quote**: the quoted lines occur in the new text at exactly one
//!    place that is not simply another, unchanged copy of them → `Exact` there.
//!    This follows a moved passage. When the quote occurs at several such places,
//!    the one between the passage's nearest unchanged neighbours is taken if it
//!    is the only one there (the diff paired identical lines differently).
//! 3. **Edited**: some of its words (runs of non-space characters with a letter or
//!    digit) survive in the new text — its unchanged lines,
//!    and inside each changed stretch it overlaps, the words a word diff of that
//!    stretch keeps. If at least half of the passage's words survive, the thread
//!    is `Edited` and covers the new lines from the first to the last surviving
//!    word (so insertions inside the passage are covered, and a one-word edit in
//!    a rewrapped paragraph does not stretch the thread over the whole
//!    paragraph).
//! 4. Otherwise **Outdated**: the passage was deleted, replaced by other text, or
//!    it cannot be told which of several identical copies it is. Never a guess:
//!    an outdated thread shows its original quote instead.
//!
//! Line ends do not count: a document converted from CRLF to LF keeps its threads
//! exact. Lines are 1-based and inclusive, as in the thread file.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use crate::domain::Anchor;
use crate::text::lines;

/// Where a passage is in the shown text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The quoted lines, unchanged, at `start..=end`.
    Exact { start: usize, end: usize },
    /// The passage was edited; what became of it is at `start..=end`.
    Edited { start: usize, end: usize },
    /// The passage is gone (or cannot be told apart from copies of it).
    Outdated,
}

impl Placement {
    /// The line range, unless outdated.
    pub fn lines(&self) -> Option<(usize, usize)> {
        match *self {
            Placement::Exact { start, end } | Placement::Edited { start, end } => Some((start, end)),
            Placement::Outdated => None,
        }
    }

    /// `exact`, `edited` or `outdated`.
    pub fn kind(&self) -> &'static str {
        match self {
            Placement::Exact { .. } => "exact",
            Placement::Edited { .. } => "edited",
            Placement::Outdated => "outdated",
        }
    }
}

/// Places `anchor`, made on `old_text`, in `new_text`.
pub fn map(anchor: &Anchor, old_text: &str, new_text: &str) -> Placement {
    Mapper::new(old_text, new_text).place(anchor)
}

/// Lines `start..=end` (1-based) of `shown` as lines of `draft`, when they are
/// there unchanged: where a comment made on the editor's unsaved text belongs in
/// the draft it was based on. `None` when the lines are outside `shown` or have
/// unsaved edits (a comment must quote text that some draft really has).
pub fn unchanged_lines(shown: &str, draft: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let shown_lines = lines(shown);
    if start == 0 || end < start || end > shown_lines.len() {
        return None;
    }
    let anchor = Anchor {
        start,
        end,
        section: Vec::new(),
        quote: shown_lines[start - 1..end].concat(),
    };
    match Mapper::new(shown, draft).place(&anchor) {
        Placement::Exact { start, end } => Some((start, end)),
        Placement::Edited { .. } | Placement::Outdated => None,
    }
}

/// Places `anchor` in `new_text` by its quote alone, for a thread whose draft
/// cannot be read (its commit was rewritten away): `Exact` where the quote
/// occurs exactly once, otherwise `Outdated`.
pub fn map_by_quote(anchor: &Anchor, new_text: &str) -> Placement {
    let quote: Vec<&str> = lines(&anchor.quote).into_iter().map(key).collect();
    let new: Vec<&str> = lines(new_text).into_iter().map(key).collect();
    by_quote(&new, &quote)
}

fn by_quote(new: &[&str], quote: &[&str]) -> Placement {
    match occurrences(new, quote).as_slice() {
        [only] => exact(*only, quote.len()),
        _ => Placement::Outdated,
    }
}

/// The line diff of one pair of texts, to place many threads made on the same
/// draft without diffing again.
pub struct Mapper<'a> {
    old: Vec<&'a str>,
    new: Vec<&'a str>,
    /// For each old line, the new line it is unchanged as.
    new_of_old: Vec<Option<usize>>,
    /// For each new line, the old line it is unchanged from.
    old_of_new: Vec<Option<usize>>,
    /// Stretches of changed lines between unchanged ones (old range, new range).
    regions: Vec<(Range<usize>, Range<usize>)>,
}

/// How long the line diff may take before it settles for a coarser answer
/// (which can only make threads edited or outdated, never misplaced).
const LINE_BUDGET: Duration = Duration::from_secs(1);
/// The same for the word diffs of one placement.
const WORD_BUDGET: Duration = Duration::from_millis(250);

impl<'a> Mapper<'a> {
    pub fn new(old_text: &'a str, new_text: &'a str) -> Mapper<'a> {
        let old: Vec<&str> = lines(old_text).into_iter().map(key).collect();
        let new: Vec<&str> = lines(new_text).into_iter().map(key).collect();
        let mut new_of_old = vec![None; old.len()];
        let mut old_of_new = vec![None; new.len()];
        let mut regions: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        // Patience, like the diff views: it pairs lines that occur once on each
        // side first, so a repeated blank line or "### Mål" is not paired across
        // sections. No gap absorption here (unlike `diff::diff`): an unchanged
        // line must count as unchanged.
        let ops = if old == new {
            vec![DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: old.len(),
            }]
        } else {
            similar::capture_diff_slices_deadline(
                Algorithm::Patience,
                &old,
                &new,
                Instant::now().checked_add(LINE_BUDGET),
            )
        };
        for op in ops {
            match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => {
                    for k in 0..len {
                        new_of_old[old_index + k] = Some(new_index + k);
                        old_of_new[new_index + k] = Some(old_index + k);
                    }
                }
                other => {
                    let (o, n) = (other.old_range(), other.new_range());
                    match regions.last_mut() {
                        Some(last) if last.0.end == o.start && last.1.end == n.start => {
                            last.0.end = o.end;
                            last.1.end = n.end;
                        }
                        _ => regions.push((o, n)),
                    }
                }
            }
        }
        Mapper {
            old,
            new,
            new_of_old,
            old_of_new,
            regions,
        }
    }

    /// Places one anchor made on the old text in the new text.
    pub fn place(&self, anchor: &Anchor) -> Placement {
        let quote: Vec<&str> = lines(&anchor.quote).into_iter().map(key).collect();
        let (s, e) = (anchor.start.saturating_sub(1), anchor.end);
        let fits = anchor.start >= 1 && s < e && e <= self.old.len() && quote.len() == e - s;
        if !fits || self.old[s..e] != quote[..] {
            // The old text is not the thread's draft (or the file was edited by
            // hand): the quote is all we can trust.
            return by_quote(&self.new, &quote);
        }
        let len = e - s;

        // 1. Unchanged and still together.
        if let Some(first) = self.new_of_old[s]
            && (s..e).all(|i| self.new_of_old[i] == Some(first + (i - s)))
        {
            return exact(first, len);
        }

        // 2. Found by its quote.
        let candidates: Vec<usize> = occurrences(&self.new, &quote)
            .into_iter()
            .filter(|&o| !self.is_other_copy(o, len, s))
            .collect();
        match candidates.as_slice() {
            [only] => return exact(*only, len),
            [] => {}
            several => {
                let (lo, hi) = self.window(s, e);
                let inside: Vec<usize> = several
                    .iter()
                    .copied()
                    .filter(|&o| o >= lo && o + len <= hi)
                    .collect();
                if let [only] = inside.as_slice() {
                    return exact(*only, len);
                }
            }
        }

        // 3. Edited, if enough of it survives; 4. otherwise outdated.
        self.edited(s, e)
    }

    /// Whether the quote found at new line `o` is an unchanged copy of other old
    /// lines than the passage (old `s..`): then it is not the passage moved.
    fn is_other_copy(&self, o: usize, len: usize, s: usize) -> bool {
        match self.old_of_new[o] {
            Some(q) if q != s => (0..len).all(|k| self.old_of_new[o + k] == Some(q + k)),
            _ => false,
        }
    }

    /// The new lines between the passage's nearest unchanged neighbours.
    fn window(&self, s: usize, e: usize) -> (usize, usize) {
        let lo = (0..s).rev().find_map(|i| self.new_of_old[i]).map_or(0, |j| j + 1);
        let hi = (e..self.old.len())
            .find_map(|i| self.new_of_old[i])
            .unwrap_or(self.new.len());
        (lo, hi)
    }

    /// Rule 3: the new lines holding the passage's surviving words, if at least
    /// half of them survive.
    fn edited(&self, s: usize, e: usize) -> Placement {
        let deadline = Instant::now().checked_add(WORD_BUDGET);
        let mut total = 0usize;
        let mut kept = 0usize;
        let mut span: Option<(usize, usize)> = None;
        let mut cover = |line: usize| {
            span = Some(match span {
                Some((lo, hi)) => (lo.min(line), hi.max(line)),
                None => (line, line),
            });
        };
        for i in s..e {
            if let Some(j) = self.new_of_old[i] {
                let words = self.old[i].split_whitespace().filter(|w| is_word(w)).count();
                total += words;
                kept += words;
                cover(j);
            }
        }
        for (old, new) in &self.regions {
            if old.end <= s || e <= old.start {
                continue;
            }
            let old_words = words_of(&self.old, old.clone());
            let new_words = words_of(&self.new, new.clone());
            let in_passage = |line: usize| (s..e).contains(&line);
            total += old_words.iter().filter(|w| in_passage(w.0)).count();
            let old_texts: Vec<&str> = old_words.iter().map(|w| w.1).collect();
            let new_texts: Vec<&str> = new_words.iter().map(|w| w.1).collect();
            let ops =
                similar::capture_diff_slices_deadline(Algorithm::Myers, &old_texts, &new_texts, deadline);
            for op in ops {
                if let DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } = op
                {
                    for k in 0..len {
                        if in_passage(old_words[old_index + k].0) {
                            kept += 1;
                            cover(new_words[new_index + k].0);
                        }
                    }
                }
            }
        }
        match span {
            Some((lo, hi)) if total > 0 && kept * 2 >= total => Placement::Edited {
                start: lo + 1,
                end: hi + 1,
            },
            _ => Placement::Outdated,
        }
    }
}

/// The words of some lines, each with its line. Markup and punctuation on
/// their own (`##`, `-`, `|`) are not words: a heading whose only surviving
/// token is its `##` did not survive.
fn words_of<'t>(lines: &[&'t str], range: Range<usize>) -> Vec<(usize, &'t str)> {
    range
        .flat_map(|i| {
            lines[i]
                .split_whitespace()
                .filter(|w| is_word(w))
                .map(move |w| (i, w))
        })
        .collect()
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// A line without its line end, so CRLF and LF versions compare equal.
fn key(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// Every place (0-based first line) where `quote` occurs as whole lines.
fn occurrences(text: &[&str], quote: &[&str]) -> Vec<usize> {
    if quote.is_empty() || quote.len() > text.len() {
        return Vec::new();
    }
    (0..=text.len() - quote.len())
        .filter(|&o| text[o] == quote[0] && text[o..o + quote.len()] == *quote)
        .collect()
}

fn exact(first: usize, len: usize) -> Placement {
    Placement::Exact {
        start: first + 1,
        end: first + len,
    }
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
