//! What kind of change each change in a block is, so a reviewer can set the
//! minor ones aside: whitespace (re-wrapping), a paragraph split or merged,
//! punctuation, case, a spelling-sized fix, or substantive — and a paragraph
//! rewritten whole, which [`rewrite_paragraphs`] shows as the old and the new
//! paragraph one after the other instead of a mix of words.
//!
//! A change is a run of removed and added pieces between two unchanged ones.
//! The classes, tried in this order:
//! - **whitespace**: both sides only whitespace; a blank line added is a
//!   **split**, one taken out a **merge**;
//! - **substantive** when a digit changed: 70 → 75 procent is never minor;
//! - **punctuation**: the letters and digits are the same on both sides;
//! - **case**: they are the same but for case;
//! - **spelling**: one word on each side, at least four letters, at most two
//!   edits apart (a letter wrong, missing, extra, or two swapped) — "kommnue";
//! - **rewrite**: a whole paragraph replaced by another ([`rewrite_paragraphs`]);
//! - **substantive**: everything else.

use crate::lang::Msg;
use std::ops::Range;

use serde::Serialize;

use super::tokens::{Class, rough_words, tokenize};
use super::{Tag, Word};

/// The kind of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Whitespace,
    Split,
    Merge,
    Punctuation,
    Case,
    Spelling,
    Rewrite,
    Substantive,
}

impl Kind {
    /// A change a reviewer may hide: nothing in the wording changed.
    pub fn minor(self) -> bool {
        !matches!(self, Kind::Rewrite | Kind::Substantive)
    }

    /// Visible in a view at all (whitespace alone never is).
    pub fn visible(self) -> bool {
        self != Kind::Whitespace
    }

    /// How a person names it.
    pub fn label(self) -> &'static str {
        crate::lang::t(match self {
            Kind::Whitespace => Msg::KindWhitespace,
            Kind::Split => Msg::KindSplit,
            Kind::Merge => Msg::KindMerge,
            Kind::Punctuation => Msg::KindPunctuation,
            Kind::Case => Msg::KindCase,
            Kind::Spelling => Msg::KindSpelling,
            Kind::Rewrite => Msg::KindRewrite,
            Kind::Substantive => Msg::KindSubstantive,
        })
    }
}

/// One change of a block: `words` indexes the block's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub words: Range<usize>,
}

/// A paragraph of at least this many words on each side, replaced whole, is
/// a rewrite (shorter ones, a heading say, stay a word change).
const REWRITE_WORDS: usize = 4;

/// Every change in a block's words, in order.
pub fn changes(words: &[Word]) -> Vec<Change> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].tag == Tag::Same {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && words[i].tag != Tag::Same {
            i += 1;
        }
        out.push(Change {
            kind: kind(words, start..i),
            words: start..i,
        });
    }
    out
}

fn side(words: &[Word], tag: Tag) -> String {
    words
        .iter()
        .filter(|w| w.tag == tag)
        .map(|w| w.text.as_str())
        .collect()
}

fn kind(all: &[Word], run: Range<usize>) -> Kind {
    let words = &all[run.clone()];
    let (removed, added) = (side(words, Tag::Removed), side(words, Tag::Added));
    // A blank line in a side's whitespace: two line breaks, or one at the
    // start of a line (a block starts at one, and so does the text after a
    // line break).
    let line_start = run.start == 0 || all[run.start - 1].text.ends_with('\n');
    let blank_lines = |s: &str| {
        s.matches('\n').count() >= 2 || line_start && s.trim_start_matches([' ', '\t']).starts_with('\n')
    };
    if removed.trim().is_empty() && added.trim().is_empty() {
        return match (blank_lines(&removed), blank_lines(&added)) {
            (false, true) => Kind::Split,
            (true, false) => Kind::Merge,
            _ => Kind::Whitespace,
        };
    }
    if removed.chars().chain(added.chars()).any(|c| c.is_ascii_digit()) {
        return Kind::Substantive;
    }
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let (old, new) = (letters(&removed), letters(&added));
    if old == new {
        return Kind::Punctuation;
    }
    if old.to_lowercase() == new.to_lowercase() {
        return Kind::Case;
    }
    let (old_words, new_words) = (word_texts(&removed), word_texts(&added));
    if let ([a], [b]) = (old_words.as_slice(), new_words.as_slice()) {
        let (a, b): (Vec<char>, Vec<char>) = (
            a.to_lowercase().chars().collect(),
            b.to_lowercase().chars().collect(),
        );
        if a.len().min(b.len()) >= 4 && edits(&a, &b) <= 2 {
            return Kind::Spelling;
        }
    }
    let paragraph_start = run.start == 0 || ends_paragraph(&all[run.start - 1].text);
    let paragraph_end = run.end == all.len() || starts_paragraph(&all[run.end].text);
    if paragraph_start
        && paragraph_end
        && old_words.len() >= REWRITE_WORDS
        && new_words.len() >= REWRITE_WORDS
        && words.len() == 2
    {
        return Kind::Rewrite;
    }
    Kind::Substantive
}

fn word_texts(text: &str) -> Vec<&str> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.class == Class::Word)
        .map(|t| &text[t.range])
        .collect()
}

fn ends_paragraph(text: &str) -> bool {
    let tail = &text[text.trim_end().len()..];
    tail.matches('\n').count() >= 2 || text.trim().is_empty() && text.contains('\n')
}

fn starts_paragraph(text: &str) -> bool {
    let head = &text[..text.len() - text.trim_start().len()];
    head.contains('\n')
}

/// The optimal-string-alignment distance (insert, delete, replace, swap two
/// neighbours), stopping early past 2.
fn edits(a: &[char], b: &[char]) -> usize {
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

/// Replaces each paragraph of a block's words that changed more than it
/// kept (more words removed or added than left alone, [`REWRITE_WORDS`] at
/// least on each side) by the whole old paragraph removed and the whole new
/// one added: two paragraphs read one after the other are easier to follow
/// than a mix of their words. The texts the words give stay the same.
///
/// A block may begin or end inside a paragraph whose other lines did not
/// change: `kept` gives the words of those lines before and after the block,
/// which the first and the last paragraph count as kept.
pub fn rewrite_paragraphs(words: Vec<Word>, kept: (usize, usize)) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    let mut paragraph: Vec<Word> = Vec::new();
    let mut before = kept.0;
    for word in split_at_paragraphs(words) {
        let boundary =
            word.tag == Tag::Same && word.text.trim().is_empty() && word.text.matches('\n').count() >= 2;
        if boundary {
            flush(&mut paragraph, &mut out, before);
            before = 0;
            out.push(word);
        } else {
            paragraph.push(word);
        }
    }
    flush(&mut paragraph, &mut out, before + kept.1);
    let mut merged: Vec<Word> = Vec::with_capacity(out.len());
    for word in out {
        push_word(&mut merged, word);
    }
    merged
}

/// Appends `word`, joined to the last piece when their tags agree:
/// neighbouring pieces with one tag are one piece.
fn push_word(out: &mut Vec<Word>, word: Word) {
    match out.last_mut() {
        Some(last) if last.tag == word.tag => last.text.push_str(&word.text),
        _ => out.push(word),
    }
}

/// Unchanged pieces cut where a blank line is, so the blank line stands alone.
fn split_at_paragraphs(words: Vec<Word>) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    let push = |out: &mut Vec<Word>, text: &str| {
        if !text.is_empty() {
            out.push(Word {
                tag: Tag::Same,
                text: text.to_string(),
            });
        }
    };
    for word in words {
        if word.tag != Tag::Same || !word.text.contains('\n') {
            out.push(word);
            continue;
        }
        let text = word.text.as_str();
        let mut at = 0;
        for (start, end) in blank_runs(text) {
            push(&mut out, &text[at..start]);
            push(&mut out, &text[start..end]);
            at = end;
        }
        push(&mut out, &text[at..]);
    }
    out
}

/// The whitespace runs of `text` that hold two line breaks or more.
fn blank_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), 'x'))) {
        match (c.is_whitespace(), run) {
            (true, None) => run = Some(i),
            (false, Some(start)) => {
                if text[start..i].matches('\n').count() >= 2 {
                    out.push((start, i));
                }
                run = None;
            }
            _ => {}
        }
    }
    out
}

fn flush(paragraph: &mut Vec<Word>, out: &mut Vec<Word>, kept_around: usize) {
    let words = std::mem::take(paragraph);
    let count = |tag: Tag| -> usize {
        words
            .iter()
            .filter(|w| w.tag == tag)
            .map(|w| rough_words(&w.text).count())
            .sum()
    };
    let (kept, removed, added) = (
        count(Tag::Same) + kept_around,
        count(Tag::Removed),
        count(Tag::Added),
    );
    let rewritten = removed.max(added) > kept && removed.min(added) > 0 && {
        let (old, new) = (
            words
                .iter()
                .filter(|w| w.tag != Tag::Added)
                .map(|w| w.text.as_str())
                .collect::<String>(),
            words
                .iter()
                .filter(|w| w.tag != Tag::Removed)
                .map(|w| w.text.as_str())
                .collect::<String>(),
        );
        rough_words(&old).count() >= REWRITE_WORDS && rough_words(&new).count() >= REWRITE_WORDS
    };
    if !rewritten {
        out.extend(words);
        return;
    }
    let text = |tag: Tag| -> String {
        words
            .iter()
            .filter(|w| w.tag == Tag::Same || w.tag == tag)
            .map(|w| w.text.as_str())
            .collect()
    };
    let (old, new) = (text(Tag::Removed), text(Tag::Added));
    // The paragraph's line end after it is left alone, so the next one
    // still starts on a line of its own in both.
    let common = common_tail(&old, &new);
    out.push(Word {
        tag: Tag::Removed,
        text: old[..old.len() - common].to_string(),
    });
    out.push(Word {
        tag: Tag::Added,
        text: new[..new.len() - common].to_string(),
    });
    if common > 0 {
        out.push(Word {
            tag: Tag::Same,
            text: new[new.len() - common..].to_string(),
        });
    }
}

/// The words of the lines next to `range` in the same paragraph: those
/// before it back to a blank line, and those after it up to one.
pub(super) fn words_around(lines: &[&str], range: &Range<usize>) -> (usize, usize) {
    let count = |line: &&str| rough_words(line).count();
    let prose = |line: &&&str| !line.trim().is_empty();
    let before = lines[..range.start]
        .iter()
        .rev()
        .take_while(prose)
        .map(count)
        .sum();
    let after = lines[range.end..].iter().take_while(prose).map(count).sum();
    (before, after)
}

/// Bytes of trailing whitespace both texts end with.
fn common_tail(a: &str, b: &str) -> usize {
    let (ta, tb) = (&a[a.trim_end().len()..], &b[b.trim_end().len()..]);
    if ta == tb { ta.len() } else { 0 }
}

/// The words with every minor change taken as made: the unchanged text and
/// the new side of each minor change become one unchanged piece. What is
/// left marked is what changed in substance. Returns how many visible minor
/// changes were folded in.
pub fn without_minor(words: &[Word]) -> (Vec<Word>, usize) {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut hidden = 0;
    let push = push_word;
    let mut at = 0;
    for change in changes(words) {
        for word in &words[at..change.words.start] {
            push(&mut out, word.clone());
        }
        at = change.words.end;
        let run = &words[change.words.clone()];
        if change.kind.minor() && change.kind.visible() {
            hidden += 1;
            let text = run
                .iter()
                .filter(|w| w.tag == Tag::Added)
                .map(|w| w.text.as_str())
                .collect();
            push(&mut out, Word { tag: Tag::Same, text });
        } else {
            for word in run {
                push(&mut out, word.clone());
            }
        }
    }
    for word in &words[at..] {
        push(&mut out, word.clone());
    }
    out.retain(|w| !w.text.is_empty());
    (out, hidden)
}

/// The diff with every minor change taken as made ([`without_minor`] on
/// each block), and how many visible minor changes that hid. A block left
/// with no visible change reads as its new lines in every view.
pub fn without_minor_changes(diff: &super::TextDiff) -> (super::TextDiff, usize) {
    use super::Block;
    let mut hidden = 0;
    let mut filter = |words: &[Word]| {
        let (words, n) = without_minor(words);
        hidden += n;
        words
    };
    let blocks = diff
        .blocks
        .iter()
        .map(|block| match block {
            Block::Changed { old, new, words } => Block::Changed {
                old: old.clone(),
                new: new.clone(),
                words: filter(words),
            },
            Block::MovedHere { from, new, words } => Block::MovedHere {
                from: from.clone(),
                new: new.clone(),
                words: filter(words),
            },
            other => other.clone(),
        })
        .collect();
    let shown = super::TextDiff {
        blocks,
        approximate: diff.approximate,
    };
    (shown, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::block_words;

    fn kinds(old: &str, new: &str) -> Vec<Kind> {
        kinds_of(&block_words(old, new))
    }

    #[test]
    fn each_class_on_danish_text() {
        let base = "Kommunen vil styrke samarbejdet med borgerne om klimaet.";
        assert_eq!(
            kinds(base, "Kommunen vil styrke samarbejdet, med borgerne om klimaet."),
            [Kind::Punctuation]
        );
        assert_eq!(
            kinds(base, "Kommunen vil styrke Samarbejdet med borgerne om klimaet."),
            [Kind::Case]
        );
        assert_eq!(
            kinds(base, "Kommunen vil styrke samarbejdet med borgrene om klimaet."),
            [Kind::Spelling]
        );
        assert_eq!(
            kinds(
                base,
                "Kommunen vil styrke samarbejdet med virksomhederne om klimaet."
            ),
            [Kind::Substantive]
        );
        assert_eq!(
            kinds("Vi når 70 procent i 2030.", "Vi når 75 procent i 2030."),
            [Kind::Substantive]
        );
        assert_eq!(
            kinds(
                base,
                "Kommunen vil ikke styrke samarbejdet med borgerne om klimaet."
            ),
            [Kind::Substantive]
        );
        // "og" → "i" is two edits, but too short a word to be a typo.
        assert_eq!(kinds("sol og vind", "sol i vind"), [Kind::Substantive]);
    }

    #[test]
    fn rewrap_split_and_merge() {
        let one = "Første sætning står her. Anden sætning står her.\n";
        let wrapped = "Første sætning står\nher. Anden sætning står her.\n";
        assert_eq!(kinds(one, wrapped), Vec::<Kind>::new());
        let split = "Første sætning står her.\n\nAnden sætning står her.\n";
        assert_eq!(kinds(one, split), [Kind::Split]);
        assert_eq!(kinds(split, one), [Kind::Merge]);
    }

    #[test]
    fn a_paragraph_changed_more_than_kept_is_shown_whole_twice() {
        let old = "Indledning.\n\nDen seneste plan handlede om trafik og parkering i midtbyen.\n\nSlut.\n";
        let new = "Indledning.\n\nHerning skal være Danmarks førende eventby med plads til alle.\n\nSlut.\n";
        let words = rewrite_paragraphs(block_words(old, new), (0, 0));
        let texts: Vec<(Tag, &str)> = words.iter().map(|w| (w.tag, w.text.as_str())).collect();
        assert!(texts.contains(&(
            Tag::Removed,
            "Den seneste plan handlede om trafik og parkering i midtbyen."
        )));
        assert!(texts.contains(&(
            Tag::Added,
            "Herning skal være Danmarks førende eventby med plads til alle."
        )));
        assert_eq!(kinds_of(&words), [Kind::Rewrite]);
        let side = |tag: Tag| {
            words
                .iter()
                .filter(|w| w.tag != tag)
                .map(|w| w.text.as_str())
                .collect::<String>()
        };
        assert_eq!(side(Tag::Added), old);
        assert_eq!(side(Tag::Removed), new);

        // One word in a long paragraph stays a word change.
        let edited = old.replace("trafik", "cykler");
        let words = rewrite_paragraphs(block_words(old, &edited), (0, 0));
        assert_eq!(kinds_of(&words), [Kind::Substantive]);
        // Nor does a rewritten line in a paragraph that kept more than it lost.
        let words = rewrite_paragraphs(
            block_words("Den seneste plan.\n", "En helt anden tanke.\n"),
            (12, 0),
        );
        assert_eq!(kinds_of(&words), [Kind::Substantive]);
    }

    fn kinds_of(words: &[Word]) -> Vec<Kind> {
        changes(words)
            .into_iter()
            .map(|c| c.kind)
            .filter(|k| k.visible())
            .collect()
    }

    #[test]
    fn hiding_minor_changes_keeps_the_new_text_and_counts_them() {
        let old = "Vi når 70 procent i 2030, og kommunen hjlæper.";
        let new = "Vi når 75 procent i 2030 og kommunen hjælper.";
        let words = block_words(old, new);
        let (left, hidden) = without_minor(&words);
        assert_eq!(hidden, 2);
        assert_eq!(kinds_of(&left), [Kind::Substantive]);
        let new_side: String = left
            .iter()
            .filter(|w| w.tag != Tag::Removed)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(new_side, new);
    }

    #[test]
    fn edit_distance() {
        let d = |a: &str, b: &str| edits(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("kommune", "kommnue"), 1);
        assert_eq!(d("borger", "borgere"), 1);
        assert_eq!(d("klima", "kilma"), 1);
        assert_eq!(d("vind", "solceller"), 3);
    }
}
