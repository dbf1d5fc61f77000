//! Splits prose into the tokens the word diff compares: words, whitespace runs and
//! single punctuation marks.
//!
//! The rules are tuned for Danish strategy documents, so that a change highlights
//! what a reader would call the changed word and nothing around it:
//! - a word is a run of letters and digits (any script, with its combining marks,
//!   because we step by grapheme cluster);
//! - inside a word, `.` between letters or digits joins (`bl.a`, `1.000`, `f.eks`),
//!   `,` between digits joins (`2,5`), a hyphen joins unless it stands between two
//!   numbers (`CO2-reduktion` is one word, `2025-2030` three tokens, like `2025–2030`),
//!   and an apostrophe between letters joins;
//! - a closing `.` belongs to the word when the word is a known abbreviation (`ca.`,
//!   `pct.`, `jf.`…) or already has inner dots ending in a short letter segment
//!   (`bl.a.`, `f.eks.`, `m.m.`); otherwise it is a sentence end and a token of its own,
//!   so "50 pct." → "70 pct." marks only the number and "det." → "det!" only the mark;
//! - a hyphen right after a word and before a space stays with it (`klima- og energiplan`);
//! - every other mark is its own token: `§`, `«`, `»`, `„`, `“`, `”`, `–`, `—`, `%`;
//! - whitespace runs (spaces, tabs, line breaks, CRLF, NBSP and the other Unicode
//!   spaces) are one token each; the word diff compares them as one class so that
//!   re-wrapping never shifts the alignment of the words.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// What sort of token it is; the word diff compares all [`Class::Space`] tokens as equal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    Space,
    Word,
    Mark,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Token {
    pub class: Class,
    /// Byte range in the tokenized text.
    pub range: Range<usize>,
}

/// Abbreviations whose closing dot is part of the word (compared in lower case).
/// Dotted ones like `bl.a.` and `f.eks.` need no entry: inner dots already mark them.
const ABBREVIATIONS: &[&str] = &[
    "adm", "afd", "ang", "ca", "d", "dec", "dvs", "ekskl", "el", "etc", "evt", "feb", "fx", "gl", "hhv",
    "iflg", "ifm", "ift", "inkl", "jan", "jf", "kap", "kl", "kr", "max", "mdr", "mfl", "mht", "mia", "min",
    "mio", "mv", "nov", "nr", "okt", "osv", "pct", "pga", "pkt", "sep", "sept", "stk", "tidl", "tlf", "vedr",
    "vs",
];

fn first(g: &str) -> char {
    g.chars().next().unwrap_or(' ')
}

fn last(g: &str) -> char {
    g.chars().next_back().unwrap_or(' ')
}

fn is_word(g: &str) -> bool {
    first(g).is_alphanumeric()
}

fn is_space(g: &str) -> bool {
    first(g).is_whitespace()
}

/// The runs of letters and digits of `text`: words as a count or a
/// comparison of whole paragraphs needs them, without the tokenizer's
/// grapheme walk (which only a word diff's alignment needs).
pub(crate) fn rough_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Splits `text` into tokens that together cover it exactly, in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let end_of = |i: usize| graphemes.get(i).map_or(text.len(), |&(at, _)| at);
    let mut tokens = Vec::with_capacity(graphemes.len() / 3 + 1);
    let mut i = 0;
    while let Some(&(start, g)) = graphemes.get(i) {
        let (class, next) = if is_space(g) {
            let mut j = i + 1;
            while graphemes.get(j).is_some_and(|&(_, g)| is_space(g)) {
                j += 1;
            }
            (Class::Space, j)
        } else if is_word(g) {
            (Class::Word, word_end(text, &graphemes, i))
        } else {
            (Class::Mark, i + 1)
        };
        tokens.push(Token {
            class,
            range: start..end_of(next),
        });
        i = next;
    }
    tokens
}

/// The grapheme index just after the word starting at grapheme `i`.
fn word_end(text: &str, graphemes: &[(usize, &str)], i: usize) -> usize {
    let g = |k: usize| graphemes.get(k).map(|&(_, g)| g);
    let mut j = i + 1;
    while let Some(here) = g(j) {
        if is_word(here) {
            j += 1;
            continue;
        }
        let prev = last(g(j - 1).unwrap_or(" "));
        let Some(after) = g(j + 1).map(first) else { break };
        let joins = match here {
            "." => prev.is_alphanumeric() && after.is_alphanumeric(),
            "," => prev.is_numeric() && after.is_numeric(),
            "-" | "\u{2011}" => {
                prev.is_alphanumeric()
                    && after.is_alphanumeric()
                    && !(prev.is_numeric() && after.is_numeric())
            }
            "'" | "\u{2019}" => prev.is_alphabetic() && after.is_alphabetic(),
            _ => false,
        };
        if !joins {
            break;
        }
        j += 2;
    }
    let start = graphemes.get(i).map_or(0, |&(at, _)| at);
    let end = graphemes.get(j).map_or(text.len(), |&(at, _)| at);
    let word = &text[start..end];
    match g(j) {
        Some(".") if takes_dot(word) => j + 1,
        Some("-" | "\u{2011}") if last(word).is_alphabetic() && g(j + 1).is_none_or(is_space) => j + 1,
        _ => j,
    }
}

/// Whether a `.` right after `word` is the abbreviation's own dot, not a sentence end.
fn takes_dot(word: &str) -> bool {
    if let Some((_, tail)) = word.rsplit_once('.') {
        // `bl.a`, `f.eks`, `m.m`, `d.v.s`: inner dots and a short letter tail. A long
        // tail (`kommunen.Derfor`, a missing space) or digits (`1.000`) end a sentence.
        return !tail.is_empty() && tail.chars().count() <= 3 && tail.chars().all(char::is_alphabetic);
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.range]).collect()
    }

    #[test]
    fn abbreviation_list_is_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokens_cover_the_text_exactly() {
        let text = "Vi vil bl.a. «styrke» CO2-reduktionen med ca. 1.000 t\u{a0}i 2025–2030.\r\n";
        assert_eq!(texts(text).concat(), text);
    }

    #[test]
    fn danish_abbreviations_keep_their_dots() {
        assert_eq!(
            texts("bl.a. f.eks. ca. m.m."),
            ["bl.a.", " ", "f.eks.", " ", "ca.", " ", "m.m."]
        );
        assert_eq!(texts("50 pct. af"), ["50", " ", "pct.", " ", "af"]);
        assert_eq!(texts("Ca. 3"), ["Ca.", " ", "3"]);
    }

    #[test]
    fn sentence_end_is_its_own_token() {
        assert_eq!(texts("kommunen. Det"), ["kommunen", ".", " ", "Det"]);
        assert_eq!(texts("i 2025."), ["i", " ", "2025", "."]);
        assert_eq!(texts("1.000."), ["1.000", "."]);
    }

    #[test]
    fn numbers_paragraphs_and_ranges() {
        assert_eq!(texts("1.000,5 kr."), ["1.000,5", " ", "kr."]);
        assert_eq!(texts("§ 3, stk. 2"), ["§", " ", "3", ",", " ", "stk.", " ", "2"]);
        assert_eq!(texts("2025–2030"), ["2025", "–", "2030"]);
        assert_eq!(texts("2025-2030"), ["2025", "-", "2030"]);
        assert_eq!(texts("50%"), ["50", "%"]);
    }

    #[test]
    fn compounds_quotes_and_spaces() {
        assert_eq!(texts("CO2-reduktion"), ["CO2-reduktion"]);
        assert_eq!(texts("klima- og"), ["klima-", " ", "og"]);
        assert_eq!(texts("«citat»"), ["«", "citat", "»"]);
        assert_eq!(texts("„citat“"), ["„", "citat", "“"]);
        assert_eq!(texts("a — b"), ["a", " ", "—", " ", "b"]);
        assert_eq!(texts("50\u{a0}pct."), ["50", "\u{a0}", "pct."]);
        assert_eq!(texts("a\r\n\r\nb"), ["a", "\r\n\r\n", "b"]);
        assert_eq!(texts("Århus' æøå"), ["Århus", "'", " ", "æøå"]);
        assert_eq!(texts("e\u{301}n"), ["e\u{301}n"]);
    }
}
