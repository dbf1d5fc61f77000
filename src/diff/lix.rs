//! LIX, Björnsson's readability index, as Danish public-sector writers use it:
//! words per sentence plus the percentage of words longer than six letters.
//! Bands: below 25 very easy, 25–34 easy, 35–44 medium, 45–54 hard, 55 and
//! above very hard.
//!
//! Counted as Sprogvaskeriet's calculator advises: only running prose (not
//! headings, list items, table rows, code or front matter). A sentence ends at
//! `.`, `!`, `?` or `:`, and at the end of a paragraph. Abbreviations keep
//! their dots as part of the word (`f.eks.`, `bl.a.`, `jf.`, `kr.`, `nr.`;
//! the tokenizer's Danish rules), a number with points is one word (`1.000`),
//! and a number followed by a dot and a word in lower case is an ordinal or
//! a date (`28. januar`, `3. netværksmøde`), not a sentence end. The same
//! rules cut a paragraph into its sentences for `udkast blame --sentences`
//! ([`sentences`]).

use std::ops::Range;

use serde::Serialize;

use super::tokens::{Class, Token, tokenize};

/// The counts LIX is computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Lix {
    pub words: usize,
    pub sentences: usize,
    /// Words of more than six letters.
    pub long_words: usize,
}

impl Lix {
    /// The index, rounded to a whole number as the calculators show it;
    /// `None` for a text without prose.
    pub fn value(&self) -> Option<u32> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        let lix = words / self.sentences as f64 + 100.0 * self.long_words as f64 / words;
        Some(lix.round() as u32)
    }

    /// Adds another stretch of text's counts.
    pub fn add(&mut self, other: Lix) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.long_words += other.long_words;
    }
}

/// "51 → 53", "– → 38" for a new section; `None` when neither side has prose.
pub fn change(before: Option<u32>, after: Option<u32>) -> Option<String> {
    if before.is_none() && after.is_none() {
        return None;
    }
    let shown = |v: Option<u32>| v.map_or("–".to_string(), |v| v.to_string());
    Some(format!("{} → {}", shown(before), shown(after)))
}

/// The band of a LIX value, in the words Danish guidance uses.
pub fn band(value: u32) -> &'static str {
    match value {
        0..25 => "meget let",
        25..35 => "let",
        35..45 => "middel",
        45..55 => "svær",
        _ => "meget svær",
    }
}

/// Whether a line is running prose, given whether it is inside fenced code
/// or front matter (the caller knows): not a heading, list item, table row,
/// quote marker alone or blank line.
pub(super) fn is_prose(line: &str) -> bool {
    let t = line.trim_start();
    if t.is_empty()
        || t.starts_with('#')
        || t.starts_with('|')
        || t.starts_with('>') && t[1..].trim().is_empty()
    {
        return false;
    }
    list_marker(t).is_none()
}

/// Where a list item's text begins in `line`: after its indentation and its
/// marker (`- `, `* `, `+ `, `1. `, `1) `) and the space after it.
pub(super) fn list_marker(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    let bullet = ["- ", "* ", "+ "].iter().any(|b| t.starts_with(b));
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "));
    match (bullet, numbered) {
        (true, _) => Some(indent + 2),
        (_, true) => Some(indent + digits + 2),
        _ => None,
    }
}

/// The LIX counts of each line's paragraph, line by line: `lines` as the
/// text splits them; each entry is the counts of the paragraph ending on
/// that line (zero elsewhere), so sections can sum their own lines.
pub fn by_line<S: AsRef<str>>(lines: &[S]) -> Vec<Lix> {
    let mut out = vec![Lix::default(); lines.len()];
    let skip_to = crate::markdown::front_matter_end(lines);
    let mut fence: Option<String> = None;
    let mut paragraph = String::new();
    let mut last = 0;
    let flush = |paragraph: &mut String, at: usize, out: &mut Vec<Lix>| {
        if !paragraph.trim().is_empty() {
            out[at].add(count(paragraph));
        }
        paragraph.clear();
    };
    for (n, line) in lines.iter().enumerate().skip(skip_to) {
        let body = line.as_ref().trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if let Some(mark) = &fence {
            if trimmed.starts_with(mark.as_str()) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut paragraph, last, &mut out);
            fence = Some(trimmed[..3].to_string());
            continue;
        }
        if is_prose(body) {
            paragraph.push_str(body.trim_start_matches('>'));
            paragraph.push(' ');
            last = n;
        } else {
            flush(&mut paragraph, last, &mut out);
        }
    }
    flush(&mut paragraph, last, &mut out);
    out
}

/// The LIX of each heading's own section (up to the next heading) of a
/// text given as lines, in the order of [`crate::markdown::headings`].
pub fn by_heading<S: AsRef<str>>(lines: &[S]) -> Vec<Option<u32>> {
    let headings = crate::markdown::headings(lines);
    let counts = by_line(lines);
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let end = headings.get(i + 1).map_or(counts.len(), |next| next.line);
            let mut section = Lix::default();
            for c in counts.get(h.line..end).unwrap_or_default() {
                section.add(*c);
            }
            section.value()
        })
        .collect()
}

/// The LIX counts of a whole text.
pub fn lix(text: &str) -> Lix {
    let mut all = Lix::default();
    for counts in by_line(&super::lines(text)) {
        all.add(counts);
    }
    all
}

/// The counts of one paragraph of prose.
fn count(paragraph: &str) -> Lix {
    let tokens = tokenize(paragraph);
    let mut lix = Lix::default();
    let mut open = false;
    for (i, token) in tokens.iter().enumerate() {
        if ends_sentence(paragraph, &tokens, i, open) {
            lix.sentences += 1;
            open = false;
        } else if token.class == Class::Word {
            lix.words += 1;
            open = true;
            if paragraph[token.range.clone()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                > 6
            {
                lix.long_words += 1;
            }
        }
    }
    if open {
        lix.sentences += 1;
    }
    lix
}

/// Whether token `i` ends a sentence, `open` saying whether a word came
/// since the last one ended: `.`, `!`, `?` or `:`, but not the dot of an
/// ordinal or a date.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, open: bool) -> bool {
    let token = &tokens[i];
    let mark = &text[token.range.clone()];
    open && token.class == Class::Mark
        && matches!(mark, "." | "!" | "?" | ":")
        && !(mark == "." && ordinal(text, tokens, i))
}

/// The sentences of a paragraph, as byte ranges without the whitespace
/// between them, by the rules LIX counts them with. The marks right after a
/// sentence's end (a closing quote, `?!`) stay with it; marks after the last
/// sentence's words join it rather than make a sentence without words.
pub(super) fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let tokens = tokenize(paragraph);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut open = false;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if token.class != Class::Space {
            start.get_or_insert(token.range.start);
        }
        if ends_sentence(paragraph, &tokens, i, open) {
            let mut end = token.range.end;
            while let Some(next) = tokens.get(i + 1).filter(|t| t.class == Class::Mark) {
                end = next.range.end;
                i += 1;
            }
            out.extend(start.take().map(|s| s..end));
            open = false;
        } else if token.class == Class::Word {
            open = true;
        }
        i += 1;
    }
    if let Some(s) = start {
        let end = s + paragraph[s..].trim_end().len();
        match out.last_mut() {
            Some(last) if !open => last.end = end,
            _ => out.push(s..end),
        }
    }
    out
}

/// Whether the dot at token `i` closes an ordinal or a date: a number
/// before it, and after it (past spaces) a word in lower case.
fn ordinal(text: &str, tokens: &[Token], i: usize) -> bool {
    let number = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.class == Class::Word && text[t.range.clone()].chars().all(|c| c.is_ascii_digit()));
    let next = tokens[i + 1..]
        .iter()
        .find(|t| t.class != Class::Space)
        .map(|t| &text[t.range.clone()]);
    number && next.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_by_hand() {
        // 2 sentences, 13 words (2030 is one), 5 of more than six letters
        // (Kommunen, reducere, udledningen, reduceres, væsentligt):
        // 13/2 + 5·100/13 = 6.5 + 38.5 = 45.
        let text =
            "Kommunen vil reducere udledningen. Den skal reduceres væsentligt inden år 2030 for alle.\n";
        let l = lix(text);
        assert_eq!((l.words, l.sentences, l.long_words), (13, 2, 5));
        assert_eq!(l.value(), Some(45));
        assert_eq!(band(45), "svær");
        assert_eq!(band(44), "middel");
        assert_eq!(band(24), "meget let");
        assert_eq!(band(55), "meget svær");
    }

    #[test]
    fn abbreviations_ordinals_dates_and_numbers_end_no_sentence() {
        let text = "Mødet den 28. januar drøftede bl.a. budgettet på 1.000 kr. til det 3. netværksmøde, jf. stk. 2. Det blev vedtaget.\n";
        let l = lix(text);
        assert_eq!(l.sentences, 2, "{l:?}");
    }

    #[test]
    fn headings_lists_tables_code_and_front_matter_are_left_out() {
        let text = "---\ntitle: En meget lang titel uden punktum\n---\n# Overskrift med mange lange ord\n\n\
                    - punkt med rigtig mange lange ord\n1. nummereret punkt\n\n| tabel | rækker |\n\n\
                    ```\nkode uden betydning\n```\n\nEt kort afsnit.\n";
        let l = lix(text);
        assert_eq!((l.words, l.sentences, l.long_words), (3, 1, 0), "{l:?}");
    }

    #[test]
    fn each_heading_has_its_own_sections_lix() {
        let text =
            "# A\n\nKort tekst her.\n\n## B\n\nUdledningen reduceres væsentligt.\n\n## C\n- kun et punkt\n";
        // A: 3 words, 1 sentence, none long → 3; B: 3 words, all long → 103.
        assert_eq!(
            by_heading(&crate::text::lines(text)),
            vec![Some(3), Some(103), None]
        );
    }

    #[test]
    fn sentences_are_cut_by_the_same_rules() {
        let text = "Mødet den 28. januar drøftede bl.a. budgettet, jf. stk. 2. Det blev «vedtaget.» Hvorfor?! \
                    Fordi: alle  \nvar enige\n";
        let found: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "Mødet den 28. januar drøftede bl.a. budgettet, jf. stk. 2.",
                "Det blev «vedtaget.»",
                "Hvorfor?!",
                "Fordi:",
                "alle  \nvar enige",
            ]
        );
        assert_eq!(found.len(), lix(text).sentences);
        // Marks after the last words join them; no words, no sentence.
        let text = "Slut. —";
        assert_eq!(
            sentences(text),
            std::iter::once(0..text.len()).collect::<Vec<_>>()
        );
        assert!(sentences(" \n").is_empty());
        assert_eq!(sentences("## Mål"), std::iter::once(0..7).collect::<Vec<_>>());
    }

    #[test]
    fn a_paragraph_without_a_full_stop_is_one_sentence_and_empty_text_has_none() {
        assert_eq!(lix("Et afsnit uden punktum\nover to linjer\n").sentences, 1);
        assert_eq!(lix("# Kun en overskrift\n").value(), None);
        assert_eq!(lix("").value(), None);
    }
}
