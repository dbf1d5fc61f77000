//! Grapheme boundaries over a rope, found by feeding the rope's chunks to
//! unicode-segmentation's `GraphemeCursor` (ropey's `graphemes_step` example), so
//! a step costs the length of one grapheme, not of the line or document.
//!
//! Grapheme clusters never span a line break other than CRLF itself, which is one
//! cluster; so "\r\n" is stepped over whole and the cursor can never sit between
//! the two.

use ropey::Rope;
use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};

/// The boundary before `char_idx` (0 stays 0).
pub fn prev_boundary(rope: &Rope, char_idx: usize) -> usize {
    let char_idx = char_idx.min(rope.len_chars());
    if char_idx == 0 {
        return 0;
    }
    let byte_idx = rope.char_to_byte(char_idx);
    let (mut chunk, mut chunk_start, _, _) = rope.chunk_at_byte(byte_idx);
    let mut gc = GraphemeCursor::new(byte_idx, rope.len_bytes(), true);
    loop {
        match gc.prev_boundary(chunk, chunk_start) {
            Ok(None) => return 0,
            Ok(Some(b)) => return rope.byte_to_char(b),
            Err(GraphemeIncomplete::PrevChunk) => {
                if chunk_start == 0 {
                    return 0;
                }
                let (c, s, _, _) = rope.chunk_at_byte(chunk_start - 1);
                chunk = c;
                chunk_start = s;
            }
            Err(GraphemeIncomplete::PreContext(n)) => provide_context(rope, &mut gc, n),
            // The cursor asks only for the two kinds above when stepping back;
            // stepping one char is still never worse than a code point editor.
            Err(_) => return char_idx - 1,
        }
    }
}

/// The boundary after `char_idx` (the end stays the end).
pub fn next_boundary(rope: &Rope, char_idx: usize) -> usize {
    let len = rope.len_chars();
    if char_idx >= len {
        return len;
    }
    let byte_idx = rope.char_to_byte(char_idx);
    let (mut chunk, mut chunk_start, _, _) = rope.chunk_at_byte(byte_idx);
    let mut gc = GraphemeCursor::new(byte_idx, rope.len_bytes(), true);
    loop {
        match gc.next_boundary(chunk, chunk_start) {
            Ok(None) => return len,
            Ok(Some(b)) => return rope.byte_to_char(b),
            Err(GraphemeIncomplete::NextChunk) => {
                chunk_start += chunk.len();
                if chunk_start >= rope.len_bytes() {
                    return len;
                }
                let (c, s, _, _) = rope.chunk_at_byte(chunk_start);
                chunk = c;
                chunk_start = s;
            }
            Err(GraphemeIncomplete::PreContext(n)) => provide_context(rope, &mut gc, n),
            Err(_) => return char_idx + 1,
        }
    }
}

/// Whether the cursor may rest at `char_idx`.
pub fn is_boundary(rope: &Rope, char_idx: usize) -> bool {
    let len = rope.len_chars();
    if char_idx == 0 || char_idx == len {
        return true;
    }
    if char_idx > len {
        return false;
    }
    let byte_idx = rope.char_to_byte(char_idx);
    let (chunk, chunk_start, _, _) = rope.chunk_at_byte(byte_idx);
    let mut gc = GraphemeCursor::new(byte_idx, rope.len_bytes(), true);
    loop {
        match gc.is_boundary(chunk, chunk_start) {
            Ok(b) => return b,
            Err(GraphemeIncomplete::PreContext(n)) => provide_context(rope, &mut gc, n),
            // Unknown is safest as "not a boundary": callers then step to one.
            Err(_) => return false,
        }
    }
}

/// `char_idx` if it is a boundary, else the boundary before it.
pub fn snap_back(rope: &Rope, char_idx: usize) -> usize {
    let char_idx = char_idx.min(rope.len_chars());
    if is_boundary(rope, char_idx) {
        char_idx
    } else {
        prev_boundary(rope, char_idx)
    }
}

/// `char_idx` if it is a boundary, else the boundary after it.
pub fn snap_forward(rope: &Rope, char_idx: usize) -> usize {
    let char_idx = char_idx.min(rope.len_chars());
    if is_boundary(rope, char_idx) {
        char_idx
    } else {
        next_boundary(rope, char_idx)
    }
}

/// Hands the cursor the text that ends at byte `n`, which it asked for.
fn provide_context(rope: &Rope, gc: &mut GraphemeCursor, n: usize) {
    if n == 0 {
        // Nothing precedes the start; the cursor never asks for this, and
        // giving it an empty chunk keeps it from asking again.
        gc.provide_context("", 0);
        return;
    }
    let (chunk, start, _, _) = rope.chunk_at_byte(n - 1);
    // The context must end exactly at `n`; `n` is a char boundary inside or at
    // the end of this chunk, so the slice is valid.
    let end = (n - start).min(chunk.len());
    gc.provide_context(chunk.get(..end).unwrap_or(chunk), start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_aa_is_one_step() {
        let r = Rope::from_str("Ka\u{30a}be");
        assert_eq!(next_boundary(&r, 1), 3);
        assert_eq!(prev_boundary(&r, 3), 1);
        assert!(!is_boundary(&r, 2));
        assert_eq!(snap_back(&r, 2), 1);
        assert_eq!(snap_forward(&r, 2), 3);
    }

    #[test]
    fn crlf_is_one_step() {
        let r = Rope::from_str("ab\r\ncd");
        assert_eq!(next_boundary(&r, 2), 4);
        assert_eq!(prev_boundary(&r, 4), 2);
        assert!(!is_boundary(&r, 3));
    }

    #[test]
    fn steps_across_chunks_of_a_long_text() {
        // Long enough that ropey splits it into many chunks.
        let line = "Bæredygtighed i Åby Kommune a\u{30a} 気 🇩🇰\r\n";
        let text = line.repeat(400);
        let r = Rope::from_str(&text);
        let mut expected = vec![0];
        let mut chars = 0;
        for g in unicode_segmentation::UnicodeSegmentation::graphemes(text.as_str(), true) {
            chars += g.chars().count();
            expected.push(chars);
        }
        let mut got = vec![0];
        let mut i = 0;
        while i < r.len_chars() {
            i = next_boundary(&r, i);
            got.push(i);
        }
        assert_eq!(got, expected);
        let mut back = vec![r.len_chars()];
        let mut i = r.len_chars();
        while i > 0 {
            i = prev_boundary(&r, i);
            back.push(i);
        }
        back.reverse();
        assert_eq!(back, expected);
    }
}
