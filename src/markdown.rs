//! The Markdown structure udkast reads from a document: its headings. One
//! parser, used by the editor's outline, the diff's section summary and
//! anything that names a passage by its section.
//!
//! Headings are ATX headings (`#` to `######`, up to three spaces of
//! indentation, an optional closing run of `#`) outside YAML front matter (a
//! `---` first line up to the next `---` or `...`) and outside fenced code (a
//! run of three or more backticks or tildes, closed by a run of the same
//! character at least as long), as CommonMark reads them.
//!
//! Paragraphs, as `udkast blame` credits them: the stretches of lines
//! between blank lines (a paragraph, a list, a table), with front matter one
//! paragraph, a fenced code block one (blank lines and all), and an ATX
//! heading one of its own even without a blank line after it.

use std::ops::Range;

/// One heading: its level (1–6), its text, and its line (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: usize,
    pub title: String,
    pub line: usize,
}

/// The headings of a text given as lines (with or without their line ends).
pub fn headings<S: AsRef<str>>(lines: &[S]) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (n, line) in lines.iter().enumerate().skip(front_matter_end(lines)) {
        let line = line.as_ref();
        if let Some((ch, len)) = fence {
            if closes_fence(line, ch, len) {
                fence = None;
            }
        } else if let Some(opened) = opens_fence(line) {
            fence = Some(opened);
        } else if let Some((level, title)) = atx_heading(line) {
            out.push(Heading {
                level,
                title,
                line: n,
            });
        }
    }
    out
}

/// One paragraph of a document: its lines (blank lines around it left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub lines: Range<usize>,
    pub kind: ParagraphKind,
}

/// What a paragraph is, where it matters: front matter and code are read as
/// they are, the rest as text with sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    FrontMatter,
    Code,
    Text,
}

/// The paragraphs of a text given as lines (with or without their line ends),
/// in order.
pub fn paragraphs<S: AsRef<str>>(lines: &[S]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let front = front_matter_end(lines);
    if front > 0 {
        out.push(Paragraph {
            lines: 0..front,
            kind: ParagraphKind::FrontMatter,
        });
    }
    let mut open: Option<usize> = None;
    let close = |open: &mut Option<usize>, end: usize, out: &mut Vec<Paragraph>| {
        if let Some(start) = open.take() {
            out.push(Paragraph {
                lines: start..end,
                kind: ParagraphKind::Text,
            });
        }
    };
    let mut i = front;
    while i < lines.len() {
        let line = lines[i].as_ref();
        if line.trim().is_empty() {
            close(&mut open, i, &mut out);
            i += 1;
        } else if let Some((ch, len)) = opens_fence(line) {
            // A fence interrupts a paragraph, and one never closed runs to the end.
            close(&mut open, i, &mut out);
            let start = i;
            i += 1;
            while i < lines.len() && !closes_fence(lines[i].as_ref(), ch, len) {
                i += 1;
            }
            i = (i + 1).min(lines.len());
            out.push(Paragraph {
                lines: start..i,
                kind: ParagraphKind::Code,
            });
        } else if atx_heading(line).is_some() {
            close(&mut open, i, &mut out);
            out.push(Paragraph {
                lines: i..i + 1,
                kind: ParagraphKind::Text,
            });
            i += 1;
        } else {
            open.get_or_insert(i);
            i += 1;
        }
    }
    close(&mut open, lines.len(), &mut out);
    out
}

/// The first line after YAML front matter, or 0 when there is none (a `---`
/// never closed is not front matter).
pub fn front_matter_end<S: AsRef<str>>(lines: &[S]) -> usize {
    if lines.first().map(|l| l.as_ref().trim_end()) != Some("---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.as_ref().trim_end(), "---" | "..."))
        .map_or(0, |k| k + 2)
}

/// Up to three spaces of indentation, as CommonMark allows before block markers.
fn unindent(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(' ');
    (line.len() - rest.len() <= 3).then_some(rest)
}

fn opens_fence(line: &str) -> Option<(char, usize)> {
    let rest = unindent(line)?;
    let ch = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.chars().take_while(|c| *c == ch).count();
    let info = &rest[len..];
    // A backtick fence's info string may not contain backticks (CommonMark).
    (len >= 3 && !(ch == '`' && info.contains('`'))).then_some((ch, len))
}

fn closes_fence(line: &str, ch: char, len: usize) -> bool {
    unindent(line).is_some_and(|rest| {
        let n = rest.chars().take_while(|c| *c == ch).count();
        n >= len && rest[n..].trim().is_empty()
    })
}

/// `## Mål ##` → (2, "Mål").
fn atx_heading(line: &str) -> Option<(usize, String)> {
    let rest = unindent(line)?;
    let level = rest.chars().take_while(|c| *c == '#').count();
    let after = &rest[level..];
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t', '\r', '\n'])) {
        return None;
    }
    let mut text = after.trim();
    // An optional closing sequence of #s, if preceded by a space (or all there is).
    let without = text.trim_end_matches('#');
    if without.is_empty() || without.ends_with([' ', '\t']) {
        text = without.trim_end();
    }
    Some((level, text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atx_headings() {
        assert_eq!(atx_heading("## Mål\n"), Some((2, "Mål".into())));
        assert_eq!(
            atx_heading("# Klima og energi ##\r\n"),
            Some((1, "Klima og energi".into()))
        );
        assert_eq!(atx_heading("#5 ting"), None);
        assert_eq!(atx_heading("   # Indrykket"), Some((1, "Indrykket".into())));
        assert_eq!(atx_heading("    # kode"), None);
        assert_eq!(atx_heading("####### for dybt"), None);
        assert_eq!(atx_heading("## C#"), Some((2, "C#".into())));
        assert_eq!(atx_heading("#"), Some((1, String::new())));
    }

    #[test]
    fn front_matter_and_fences_hide_headings() {
        let text = "---\ntitle: x\n# ikke\n---\n# A\n```\n# ikke\n```\n## B\n~~~~\n# ikke\n~~~\n```\n# ikke\n~~~~\n# C\n";
        let lines: Vec<&str> = text.lines().collect();
        let found: Vec<(usize, String, usize)> = headings(&lines)
            .into_iter()
            .map(|h| (h.level, h.title, h.line))
            .collect();
        assert_eq!(
            found,
            [(1, "A".into(), 4), (2, "B".into(), 8), (1, "C".into(), 15)]
        );
        // A `---` never closed is text, and a heading after it counts.
        assert_eq!(headings(&["---", "# A"]).len(), 1);
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines_and_headings() {
        let text = "---\ntitle: x\n\nsummary: y\n---\n# Mål\nTekst på\nto linjer.\n\n\n- et\n- to\n\n\
                    ```\nkode\n\nmere kode\n```\n| a | b |\n|---|---|\n\n## Slut ##\nSidste.";
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let found: Vec<(Range<usize>, ParagraphKind)> = paragraphs(&lines)
            .into_iter()
            .map(|p| (p.lines, p.kind))
            .collect();
        use ParagraphKind::*;
        assert_eq!(
            found,
            [
                (0..5, FrontMatter),
                (5..6, Text),
                (6..8, Text),
                (10..12, Text),
                (13..18, Code),
                (18..20, Text),
                (21..22, Text),
                (22..23, Text),
            ]
        );
        assert!(paragraphs(&["", "  ", "\n"]).is_empty());
        // A fence never closed runs to the end.
        assert_eq!(paragraphs(&["```", "", "x"]).len(), 1);
    }
}
