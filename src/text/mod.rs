//! Making untrusted text safe to print to a terminal: every control character
//! (C0, DEL, C1) becomes a visible caret form such as `^[`, so a document, commit
//! message or author name can never move the cursor or change colours;
//! text cut to a width (`cut`, by display width, with `…`); and where a
//! wrapped row of prose may end (`breaks`).

pub(crate) mod breaks;

use std::borrow::Cow;

/// Returns `s` with control characters made visible. Tabs are kept when
/// `keep_tabs` is set (table output), newlines never are.
pub fn inert(s: &str) -> Cow<'_, str> {
    inert_with(s, false)
}

/// How many characters of a value an error message quotes.
pub const QUOTED: usize = 200;

/// Like [`inert`], cut to its first [`QUOTED`] characters (with `…` when cut):
/// for quoting what a user typed in a one-line error.
pub fn inert_quote(s: &str) -> String {
    let mut chars = s.char_indices();
    match chars.nth(QUOTED) {
        Some((cut, _)) => format!("{}…", inert(&s[..cut])),
        None => inert(s).into_owned(),
    }
}

/// Like [`inert`], keeping tab characters.
pub fn inert_keep_tabs(s: &str) -> Cow<'_, str> {
    inert_with(s, true)
}

/// Characters that change how text around them is shown without being seen:
/// bidirectional overrides and isolates (a name that reads backwards) and
/// zero-width characters (two names that look the same).
pub fn is_hidden_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn inert_with(s: &str, keep_tabs: bool) -> Cow<'_, str> {
    let needs = |c: char| (c.is_control() && !(keep_tabs && c == '\t')) || is_hidden_format(c);
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !needs(c) {
            out.push(c);
            continue;
        }
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c` as a terminal may safely see it: C0 controls and DEL in caret
/// form (`^[`, `^?`, the form `cat -v` uses), C1 controls as `<9B>`, hidden
/// format characters as `⟨U+202E⟩`, anything else as itself. Shared by every
/// place that shows untrusted text.
pub fn push_visible(out: &mut String, c: char) {
    let code = c as u32;
    match code {
        0..=0x1f => {
            out.push('^');
            out.push(char::from(b'@' + code as u8));
        }
        0x7f => out.push_str("^?"),
        // `char::is_control` is exactly C0, DEL and C1.
        0x80..=0x9f => out.push_str(&format!("<{code:02X}>")),
        _ if is_hidden_format(c) => out.push_str(&format!("⟨U+{code:04X}⟩")),
        _ => out.push(c),
    }
}

/// `text` in at most `width` columns, ending in `…` when cut.
pub fn cut(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    cut_marked(text, width)
}

/// The beginning of `text` that fits `width` columns with a `…` after it.
pub fn cut_marked(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Lines of a text as udkast counts them everywhere (split after '\n'; a
/// final line without '\n' counts), each with its line end.
pub fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(inert("a\u{1b}[31mb"), "a^[[31mb");
        assert_eq!(inert("x\ty\r\n"), "x^Iy^M^J");
        assert_eq!(inert("del\u{7f}"), "del^?");
        assert_eq!(inert("csi\u{9b}"), "csi<9B>");
        assert_eq!(inert_keep_tabs("x\ty"), "x\ty");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_become_visible() {
        assert_eq!(inert("Mette\u{202E}nesrednA"), "Mette⟨U+202E⟩nesrednA");
        assert_eq!(
            inert("a\u{200B}b\u{200D}c\u{2066}d\u{FEFF}"),
            "a⟨U+200B⟩b⟨U+200D⟩c⟨U+2066⟩d⟨U+FEFF⟩"
        );
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inert("Bæredygtighed – «ja»"), Cow::Borrowed(_)));
    }
}
