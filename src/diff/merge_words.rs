//! Two edits of one passage merged word by word: prose keeps a paragraph on
//! one line, so two people who changed different sentences of it clash as
//! lines though their words never touch. Where each word (and space and
//! mark, `tokens`) either side changed is left alone by the other, both
//! edits apply; where they touch, there is no merge and the person chooses.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::tokens::tokenize;

/// One side's change: base tokens `from..to` become `text`.
#[derive(Debug, PartialEq, Eq)]
struct Edit {
    from: usize,
    to: usize,
    text: String,
    /// 0 mine, 1 theirs.
    side: u8,
}

/// `base` with both `mine`'s and `theirs`'s changes, when no token one
/// changed is touched by the other (the same change made by both counts
/// once); `None` when they overlap, or insert at the same place.
pub fn merge_words(base: &str, mine: &str, theirs: &str) -> Option<String> {
    let base_tokens: Vec<&str> = tokenize(base).into_iter().map(|t| &base[t.range]).collect();
    let edits = |side: &str, which: u8| -> Vec<Edit> {
        let tokens: Vec<&str> = tokenize(side).into_iter().map(|t| &side[t.range]).collect();
        capture_diff_slices(Algorithm::Patience, &base_tokens, &tokens)
            .into_iter()
            .filter_map(|op| match op {
                DiffOp::Equal { .. } => None,
                DiffOp::Delete {
                    old_index, old_len, ..
                } => Some(Edit {
                    from: old_index,
                    to: old_index + old_len,
                    text: String::new(),
                    side: which,
                }),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => Some(Edit {
                    from: old_index,
                    to: old_index,
                    text: tokens[new_index..new_index + new_len].concat(),
                    side: which,
                }),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => Some(Edit {
                    from: old_index,
                    to: old_index + old_len,
                    text: tokens[new_index..new_index + new_len].concat(),
                    side: which,
                }),
            })
            .collect()
    };
    let (mine, theirs) = (edits(mine, 0), edits(theirs, 1));
    let mut all: Vec<&Edit> = mine.iter().chain(&theirs).collect();
    all.sort_by_key(|e| (e.from, e.to, e.side));
    // The same change made by both counts once.
    all.dedup_by(|b, a| (a.from, a.to, &a.text) == (b.from, b.to, &b.text));
    // Edits of the two sides must have an untouched word (or mark) between
    // them: two edits in one gap between words, or of one word, touch.
    let untouched = |from: usize, to: usize| {
        base_tokens[from.min(to)..to]
            .iter()
            .any(|t| !t.chars().all(char::is_whitespace))
    };
    for pair in all.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.from < a.to || (a.side != b.side && !untouched(a.to, b.from)) {
            return None;
        }
    }
    let mut out = String::with_capacity(base.len() + 64);
    let mut at = 0;
    for edit in all {
        out.push_str(&base_tokens[at..edit.from].concat());
        out.push_str(&edit.text);
        at = edit.to;
    }
    out.push_str(&base_tokens[at..].concat());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str =
        "På dette møde får vi fint besøg fra Venlo. Bas van de Westerlo rejser herop og fortæller.\n";

    #[test]
    fn edits_of_different_sentences_merge() {
        let mine = BASE.replace("fint besøg fra Venlo", "besøg af den hollandske region Venlo");
        let theirs = BASE.replace("rejser herop", "(Venlo) kommer til Skjern");
        assert_eq!(
            merge_words(BASE, &mine, &theirs).as_deref(),
            Some(
                "På dette møde får vi besøg af den hollandske region Venlo. Bas van de Westerlo (Venlo) kommer til Skjern og fortæller.\n"
            )
        );
        // The same change on both sides counts once; one side alone is itself.
        assert_eq!(merge_words(BASE, &mine, &mine), Some(mine.clone()));
        assert_eq!(merge_words(BASE, &mine, BASE), Some(mine.clone()));
        assert_eq!(merge_words(BASE, BASE, &theirs), Some(theirs.clone()));
    }

    #[test]
    fn edits_of_the_same_words_do_not_merge() {
        let mine = BASE.replace("fint besøg", "stort besøg");
        let theirs = BASE.replace("fint besøg", "kært besøg");
        assert_eq!(merge_words(BASE, &mine, &theirs), None);
        // Both insert at one place: which first is a guess, so no merge.
        let mine = BASE.replace("møde får", "møde, det tredje, får");
        let theirs = BASE.replace("møde får", "møde i Skjern får");
        assert_eq!(merge_words(BASE, &mine, &theirs), None);
        // A number changed two ways never merges.
        let base = "Målet er 70 pct. i 2030.\n";
        assert_eq!(
            merge_words(base, "Målet er 75 pct. i 2030.\n", "Målet er 80 pct. i 2030.\n"),
            None
        );
    }

    #[test]
    fn line_ends_and_a_missing_last_line_end_are_kept() {
        let base = "Første linje.\r\nAnden linje";
        let merged = merge_words(
            base,
            "Første linje!\r\nAnden linje",
            "Første linje.\r\nAnden, sidste linje",
        );
        assert_eq!(merged.as_deref(), Some("Første linje!\r\nAnden, sidste linje"));
    }
}
