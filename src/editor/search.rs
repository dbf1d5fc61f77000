//! Find and replace over the rope, with smart case: a needle with no capital
//! letters matches regardless of case ("åby" finds "Åby"), one with capitals
//! matches exactly. Matches start and end on grapheme boundaries, so "a" never
//! matches the first half of a decomposed "å" and selecting a match can never put
//! the cursor inside a grapheme. Text is compared as it is stored: a precomposed
//! "å" does not match a decomposed one (there is no normalization here).
//!
//! Searching is the one place that may read the whole document; it scans chars
//! without copying the rope and compares the needle only where its first char
//! matches.

use std::ops::Range;

use ropey::Rope;

use super::grapheme;

/// A needle ready for matching.
struct Needle {
    chars: Vec<char>,
    ignore_case: bool,
}

impl Needle {
    fn new(needle: &str) -> Needle {
        Needle {
            chars: needle.chars().collect(),
            ignore_case: !needle.chars().any(char::is_uppercase),
        }
    }

    fn char_eq(&self, hay: char, want: char) -> bool {
        hay == want || (self.ignore_case && hay.to_lowercase().eq(want.to_lowercase()))
    }

    /// Whether the needle occurs at `pos`, on grapheme boundaries.
    fn matches_at(&self, rope: &Rope, pos: usize) -> bool {
        let end = pos + self.chars.len();
        if end > rope.len_chars() {
            return false;
        }
        let mut hay = rope.chars_at(pos);
        let same = self
            .chars
            .iter()
            .all(|&want| hay.next().is_some_and(|c| self.char_eq(c, want)));
        same && grapheme::is_boundary(rope, pos) && grapheme::is_boundary(rope, end)
    }

    fn range(&self, pos: usize) -> Range<usize> {
        pos..pos + self.chars.len()
    }

    /// First match starting in `from..to`.
    fn first_in(&self, rope: &Rope, from: usize, to: usize) -> Option<Range<usize>> {
        let first = *self.chars.first()?;
        let mut chars = rope.chars_at(from);
        for pos in from..to {
            let c = chars.next()?;
            if self.char_eq(c, first) && self.matches_at(rope, pos) {
                return Some(self.range(pos));
            }
        }
        None
    }

    /// Last match starting in `from..to`.
    fn last_in(&self, rope: &Rope, from: usize, to: usize) -> Option<Range<usize>> {
        let first = *self.chars.first()?;
        let mut chars = rope.chars_at(to);
        for pos in (from..to).rev() {
            let c = chars.prev()?;
            if self.char_eq(c, first) && self.matches_at(rope, pos) {
                return Some(self.range(pos));
            }
        }
        None
    }
}

/// The next match starting at or after `from` (forward) or the last one starting
/// before `from` (backward), wrapping around the document; None if there is no
/// match anywhere or the needle is empty.
pub fn find(rope: &Rope, needle: &str, from: usize, forward: bool) -> Option<Range<usize>> {
    let n = Needle::new(needle);
    let len = rope.len_chars();
    let from = from.min(len);
    if forward {
        n.first_in(rope, from, len).or_else(|| n.first_in(rope, 0, from))
    } else {
        n.last_in(rope, 0, from).or_else(|| n.last_in(rope, from, len))
    }
}

/// Every match, in order and not overlapping.
pub fn find_all(rope: &Rope, needle: &str) -> Vec<Range<usize>> {
    let n = Needle::new(needle);
    let len = rope.len_chars();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = n.first_in(rope, from, len) {
        from = m.end;
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_around_both_ways() {
        let r = Rope::from_str("Åby Kommune og åby");
        assert_eq!(find(&r, "åby", 1, true), Some(15..18));
        assert_eq!(find(&r, "åby", 16, true), Some(0..3));
        assert_eq!(find(&r, "åby", 15, false), Some(0..3));
        assert_eq!(find(&r, "åby", 0, false), Some(15..18));
        assert_eq!(find(&r, "xyz", 0, true), None);
        assert_eq!(find(&r, "", 0, true), None);
    }

    #[test]
    fn smart_case() {
        let r = Rope::from_str("Åby Kommune og åby");
        assert_eq!(find(&r, "åby", 0, true), Some(0..3));
        assert_eq!(find(&r, "Åby", 1, true), Some(0..3));
        assert_eq!(find(&r, "ÅBY", 0, true), None);
        assert_eq!(find(&r, "kommune", 0, true), Some(4..11));
    }

    #[test]
    fn matches_respect_graphemes() {
        // Decomposed "å" is not "a", and CRLF is not split by searching "\r".
        let r = Rope::from_str("bla\u{30a}bær\r\nbla");
        assert_eq!(find_all(&r, "a"), vec![11..12]);
        assert_eq!(find_all(&r, "a\u{30a}"), vec![2..4]);
        assert!(find_all(&r, "\r").is_empty());
        assert_eq!(find_all(&r, "\r\n"), vec![7..9]);
    }

    #[test]
    fn find_all_does_not_overlap() {
        let r = Rope::from_str("aaaa");
        assert_eq!(find_all(&r, "aa"), vec![0..2, 2..4]);
    }
}
