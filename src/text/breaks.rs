//! Where a wrapped row may end: the few rules of Unicode line breaking (UAX #14)
//! that matter in prose, applied to the graphemes of one line. The editor's
//! `Layout` and the diff's wrap (`diff::wrap`, for the history screen and
//! `udkast diff --side-by-side`) fill rows with them; this module only says
//! where a break is allowed, never where one is made. It sits under `text`
//! because both the editor and the diff use it and neither may use the other.
//!
//! The rules, as a word processor keeps them:
//! - a row ends after whitespace, before the next word; a non-breaking space
//!   (U+00A0, U+2007, U+202F) is part of the word around it ("kl. 10", "§ 17");
//! - punctuation that closes (`. , ; : ! ? ) ] }`) never starts a row, even
//!   after a stray space ("mål ." stays whole), and neither does an ellipsis,
//!   a hyphen or dash, or a quotation mark right after a letter ("mål…",
//!   "2025–2030", "omstilling«");
//! - a word wider than the row is cut between graphemes, but not so that its
//!   closing punctuation starts the next row, nor so that an opening bracket or
//!   quote ends a row alone.
//!
//! Danish quotes point inwards (»citat«), other languages outwards («citat»),
//! so a quotation mark is told by where it stands: after whitespace (or at the
//! start of the line) it opens, after anything else it closes.

/// Whether a row may end just before a grapheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    /// After whitespace, before a word: where rows end by choice.
    Space,
    /// Between two graphemes of one word: only when the word is wider than a row.
    Inside,
    /// Not here: what follows belongs to what comes before.
    Never,
}

/// For each grapheme of a line, whether a row may end just before it. The first
/// grapheme gets [`Break::Never`]: a row can't end before it starts.
pub(crate) fn breaks(graphemes: &[&str]) -> Vec<Break> {
    let n = graphemes.len();
    // `glued[k]`: grapheme k is closing punctuation, or whitespace running up to
    // some (UAX #14 LB13: no break before it, even after spaces).
    let mut glued = vec![false; n + 1];
    for k in (0..n).rev() {
        let g = graphemes[k];
        glued[k] = closes(g) || (is_space(g) && glued[k + 1]);
    }
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let at = if k == 0 || glued[k] {
            Break::Never
        } else {
            let (before, next) = (graphemes[k - 1], graphemes[k]);
            let before_before = k.checked_sub(2).map(|i| graphemes[i]);
            if is_space(before) {
                Break::Space
            } else if is_quote(next) || matches!(next, "…" | "-" | "‐" | "–") || opens(before, before_before)
            {
                Break::Never
            } else {
                Break::Inside
            }
        };
        out.push(at);
    }
    out
}

/// Whitespace a row may end after; not the non-breaking spaces, which glue
/// the words on either side.
pub(crate) fn is_space(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// Punctuation that closes what comes before it, wherever it stands.
fn closes(g: &str) -> bool {
    matches!(
        g,
        "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "‼" | "⁇" | "⁈" | "⁉"
    )
}

fn is_quote(g: &str) -> bool {
    matches!(
        g,
        "\"" | "'" | "»" | "«" | "”" | "“" | "„" | "’" | "‘" | "‚" | "›" | "‹"
    )
}

/// Whether `g` opens what comes after it: a bracket, or a quotation mark at the
/// start of the line or after whitespace (`before`).
fn opens(g: &str, before: Option<&str>) -> bool {
    matches!(g, "(" | "[" | "{") || (is_quote(g) && before.is_none_or(is_space))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The text with `|` where a word may be cut and `/` where a row may end by choice.
    fn marked(text: &str) -> String {
        let graphemes: Vec<&str> = text.graphemes(true).collect();
        let mut out = String::new();
        for (g, b) in graphemes.iter().zip(breaks(&graphemes)) {
            out.push_str(match b {
                Break::Space => "/",
                Break::Inside => "|",
                Break::Never => "",
            });
            out.push_str(g);
        }
        out
    }

    #[test]
    fn prose_breaks_after_spaces_and_keeps_punctuation() {
        // A space may be cut from the word before it ("|"), for a word that
        // fills a whole row; the row ends by choice after it ("/").
        assert_eq!(marked("mål. Mål, som"), "m|å|l.| /M|å|l,| /s|o|m");
        assert_eq!(marked("mål . Mål"), "m|å|l .| /M|å|l");
        assert_eq!(marked("kl.\u{a0}10 i"), "k|l.|\u{a0}|1|0| /i");
        assert_eq!(marked("(se »grøn«) …"), "(s|e| /»g|r|ø|n«)| /…");
        assert_eq!(marked("«à la»"), "«à| /l|a»");
        assert_eq!(marked("mål…"), "m|å|l…");
        assert_eq!(marked("2025–30 og -"), "2|0|2|5–|3|0| /o|g| /-");
    }
}
