//! A diff rendered once per (diff, view, folds, width) into wrapped lines
//! that scrolling only slices, with where each change and each row starts.

use std::collections::HashSet;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::View;
use crate::diff::{self, Row, RowKind, Tag};
use crate::text::breaks::{Break, breaks};
use crate::text::inert;
use crate::ui::jobs::{ComputedDiff, DiffKey, DiffThreads};
use crate::ui::theme::Theme;

/// Lines drawn for one diff at one width, with where each change starts.
pub(super) struct Rendered {
    pub key: (DiffKey, View, bool, u16),
    pub lines: Vec<Line<'static>>,
    pub changes: Vec<usize>,
    /// Each row of the diff, in order: where it is drawn and what it shows.
    pub rows: Vec<RowAt>,
}

/// One row of a diff (a line, a pair of lines side by side, or a fold).
#[derive(Debug, Clone, Copy)]
pub(super) struct RowAt {
    /// Its first drawn line (a long row wraps over several).
    pub line: usize,
    /// Its line in the old and the new text, 1-based.
    pub old: Option<usize>,
    pub new: Option<usize>,
}

impl Rendered {
    /// A cursor row and a scroll that show each other: the view follows a
    /// cursor that moved, or the cursor moves into a view that scrolled.
    pub(super) fn keep_in_view(
        &self,
        cursor: usize,
        scroll: usize,
        height: usize,
        follow: bool,
    ) -> (usize, usize) {
        let last = self.rows.len().saturating_sub(1);
        let Some(row) = self.rows.get(cursor) else {
            return (cursor, scroll);
        };
        if follow {
            let end = self.rows.get(cursor + 1).map_or(self.lines.len(), |x| x.line);
            if row.line < scroll {
                (cursor, row.line)
            } else if end > scroll + height {
                (cursor, end.saturating_sub(height).min(row.line))
            } else {
                (cursor, scroll)
            }
        } else {
            // Between the first row that starts in view and the last one in it.
            let top = self.row_at(scroll);
            let top = if self.rows[top].line < scroll {
                (top + 1).min(last)
            } else {
                top
            };
            let bottom = self.row_at(scroll + height - 1).max(top);
            (cursor.clamp(top, bottom), scroll)
        }
    }

    /// The row drawn on `line` (the last row past the end).
    pub fn row_at(&self, line: usize) -> usize {
        self.rows.partition_point(|r| r.line <= line).saturating_sub(1)
    }
}

/// The open thread on a row: placed on its new line, else on its old line (a
/// thread on text the newer draft removed or rewrote).
pub(super) fn thread_on(threads: &DiffThreads, row: &RowAt) -> Option<String> {
    let find = |placed: &[(usize, usize, String)], line: Option<usize>| {
        let line = line?;
        placed
            .iter()
            .find(|(a, b, _)| (*a..=*b).contains(&line))
            .map(|(_, _, id)| id.clone())
    };
    find(&threads.new, row.new).or_else(|| find(&threads.old, row.old))
}

fn style_for(theme: &Theme, tag: Tag, kind: &RowKind) -> Style {
    match (tag, kind) {
        (Tag::Removed, _) => theme
            .removed()
            .add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD),
        (Tag::Added, _) => theme.added().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        (Tag::Same, RowKind::Removed) => theme.removed(),
        (Tag::Same, RowKind::Added) => theme.added(),
        _ => Style::new(),
    }
}

fn sign(kind: &RowKind) -> &'static str {
    match kind {
        RowKind::Removed => "-",
        RowKind::Added => "+",
        _ => " ",
    }
}

/// A row's pieces as styled, inert text with tabs expanded. Without colour
/// (`NO_COLOR`, or a terminal that draws no strike-through) changed words
/// are marked with visible characters as the command line marks them:
/// `[-removed-]{+added+}` (a line that is all new or all gone has its `+`
/// or `-` and needs no more).
fn pieces(row: &Row, theme: &Theme) -> Vec<(Style, String)> {
    // Marks are needed where text of two kinds meets on one row.
    let mut kinds = row
        .spans
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(tag, _)| *tag);
    let first = kinds.next();
    let mixed = kinds.any(|tag| Some(tag) != first);
    row.spans
        .iter()
        .map(|(tag, text)| {
            let text = inert(&text.replace('\t', "    ")).into_owned();
            let text = match (tag, theme.color || !mixed) {
                (Tag::Removed, false) => format!("[-{text}-]"),
                (Tag::Added, false) => format!("{{+{text}+}}"),
                _ => text,
            };
            (style_for(theme, *tag, &row.kind), text)
        })
        .collect()
}

/// Wraps styled pieces into lines of at most `width` columns, breaking between
/// words where it can and between graphemes inside a word longer than a line
/// (a 500-character URL). Continuation lines are indented under the text.
/// Breaks follow the editor's rules (`text::breaks`): a word's closing
/// punctuation stays with it, even when the two are in different pieces (a
/// changed "mål" and an unchanged ".").
fn wrap(prefix: (Style, &str), pieces: &[(Style, String)], width: usize) -> Vec<Vec<Span<'static>>> {
    let indent = prefix.1.width();
    let width = width.max(indent + 1);
    let mut lines: Vec<Vec<Span<'static>>> = vec![vec![Span::styled(prefix.1.to_string(), prefix.0)]];
    let mut used = indent;
    let mut current = String::new();
    let flush = |lines: &mut Vec<Vec<Span<'static>>>, current: &mut String, style: Style| {
        if !current.is_empty()
            && let Some(line) = lines.last_mut()
        {
            line.push(Span::styled(std::mem::take(current), style));
        }
    };
    // The words of all pieces, each with its piece and where it starts among
    // the graphemes, so a break can be judged across pieces.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut starts = Vec::new();
    let mut graphemes = Vec::new();
    for (p, (_, text)) in pieces.iter().enumerate() {
        for token in text.split_word_bounds() {
            starts.push(graphemes.len());
            tokens.push((p, token));
            graphemes.extend(token.graphemes(true));
        }
    }
    let breaks = breaks(&graphemes);
    // The no-colour change marks hold to the words they enclose: "[-til",
    // "{+Udkast", "Udkast+}" (a "-]" closes by the rules already).
    let in_marks = |g: usize| {
        matches!(
            g.checked_sub(2).map(|b| &graphemes[b..g]),
            Some(["[", "-"] | ["{", "+"])
        ) || matches!(graphemes.get(g..g + 2), Some(["+", "}"]))
    };
    let joined: Vec<bool> = starts
        .iter()
        .map(|&g| g > 0 && (breaks[g] == Break::Never || in_marks(g)))
        .collect();
    // Columns from each token to the next place a line may break.
    let mut unit = vec![0; tokens.len() + 1];
    for t in (0..tokens.len()).rev() {
        let next = if joined.get(t + 1) == Some(&true) {
            unit[t + 1]
        } else {
            0
        };
        unit[t] = tokens[t].1.width() + next;
    }
    let mut piece = 0;
    for (t, &(p, token)) in tokens.iter().enumerate() {
        if p != piece {
            flush(&mut lines, &mut current, pieces[piece].0);
            piece = p;
        }
        let w = token.width();
        // A word moves down with the punctuation that closes it.
        let needed = if joined[t] { w } else { unit[t] };
        if used + needed > width && used > indent {
            flush(&mut lines, &mut current, pieces[p].0);
            lines.push(vec![Span::raw(" ".repeat(indent))]);
            used = indent;
            if token.trim().is_empty() {
                continue;
            }
        }
        if indent + w > width {
            for g in token.graphemes(true) {
                let gw = g.width();
                if used + gw > width {
                    flush(&mut lines, &mut current, pieces[p].0);
                    lines.push(vec![Span::raw(" ".repeat(indent))]);
                    used = indent;
                }
                current.push_str(g);
                used += gw;
            }
        } else {
            current.push_str(token);
            used += w;
        }
    }
    if let Some((style, _)) = pieces.get(piece) {
        flush(&mut lines, &mut current, *style);
    }
    lines
}

pub(super) fn render(
    d: &ComputedDiff,
    view: View,
    folded: bool,
    width: u16,
    theme: &Theme,
    key: DiffKey,
) -> Rendered {
    let expanded: Vec<usize> = if folded {
        Vec::new()
    } else {
        (0..d.diff.blocks.len()).collect()
    };
    let width = width as usize;
    let mut lines = Vec::new();
    let mut changes = Vec::new();
    let mut row_at = Vec::new();
    let fold_line = |lines_count: usize| {
        Line::from(Span::styled(
            format!("  ⋯ {lines_count} unchanged lines ⋯ (z shows them)"),
            theme.dim(),
        ))
    };
    match view {
        View::Word | View::Unified => {
            let rows = if view == View::Word {
                diff::inline(&d.diff, &d.old, &d.new, 3, &expanded)
            } else {
                diff::unified(&d.diff, &d.old, &d.new, 3, &expanded)
            };
            let starts: HashSet<usize> = diff::change_starts(&rows).into_iter().collect();
            for (i, row) in rows.iter().enumerate() {
                if starts.contains(&i) {
                    changes.push(lines.len());
                }
                row_at.push(RowAt {
                    line: lines.len(),
                    old: row.old_line.map(|l| l + 1),
                    new: row.new_line.map(|l| l + 1),
                });
                if let RowKind::Fold { lines: n, .. } = row.kind {
                    lines.push(fold_line(n));
                    continue;
                }
                let prefix_style = match row.kind {
                    RowKind::Removed => theme.removed(),
                    RowKind::Added => theme.added(),
                    _ => theme.dim(),
                };
                for spans in wrap(
                    (prefix_style, &format!("{} ", sign(&row.kind))),
                    &pieces(row, theme),
                    width,
                ) {
                    lines.push(Line::from(spans));
                }
            }
        }
        View::SideBySide => {
            let pairs = diff::side_by_side(&d.diff, &d.old, &d.new, 3, &expanded);
            let starts: HashSet<usize> = diff::side_by_side_change_starts(&pairs).into_iter().collect();
            let half = width.saturating_sub(3) / 2;
            for (i, (left, right)) in pairs.iter().enumerate() {
                if starts.contains(&i) {
                    changes.push(lines.len());
                }
                row_at.push(RowAt {
                    line: lines.len(),
                    old: left.as_ref().and_then(|r| r.old_line).map(|l| l + 1),
                    new: right.as_ref().and_then(|r| r.new_line).map(|l| l + 1),
                });
                if let Some(Row {
                    kind: RowKind::Fold { lines: n, .. },
                    ..
                }) = left
                {
                    lines.push(fold_line(*n));
                    continue;
                }
                let side = |row: &Option<Row>| match row {
                    Some(r) => wrap((theme.dim(), sign(&r.kind)), &pieces(r, theme), half),
                    None => vec![vec![]],
                };
                let (l, r) = (side(left), side(right));
                for n in 0..l.len().max(r.len()) {
                    let mut spans: Vec<Span<'static>> = l.get(n).cloned().unwrap_or_default();
                    let used: usize = spans.iter().map(|s| s.content.width()).sum();
                    spans.push(Span::raw(" ".repeat(half.saturating_sub(used))));
                    spans.push(Span::styled(" │ ", theme.dim()));
                    spans.extend(r.get(n).cloned().unwrap_or_default());
                    lines.push(Line::from(spans));
                }
            }
        }
    }
    Rendered {
        key: (key, view, folded, width as u16),
        lines,
        changes,
        rows: row_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With NO_COLOR the changed words stay apart ("med 7075 pct." was
    /// "med [-70-]{+75+} pct." shown only by strike-through).
    #[test]
    fn without_colour_changed_words_are_marked_with_characters() {
        let row = Row {
            kind: RowKind::Context,
            old_line: Some(0),
            new_line: Some(0),
            spans: vec![
                (Tag::Same, "med ".into()),
                (Tag::Removed, "70".into()),
                (Tag::Added, "75".into()),
                (Tag::Same, " pct.".into()),
            ],
        };
        let text = |color| -> String {
            pieces(&row, &Theme { color })
                .into_iter()
                .map(|(_, t)| t)
                .collect()
        };
        assert_eq!(text(false), "med [-70-]{+75+} pct.");
        assert_eq!(text(true), "med 7075 pct.");
        let new_line = Row {
            kind: RowKind::Added,
            old_line: None,
            new_line: Some(1),
            spans: vec![(Tag::Added, "Helt ny linje".into())],
        };
        let shown: String = pieces(&new_line, &Theme { color: false })
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(shown, "Helt ny linje");
        // A line rewritten whole: old and new still apart.
        let rewritten = Row {
            kind: RowKind::Context,
            old_line: Some(0),
            new_line: Some(0),
            spans: vec![
                (Tag::Removed, "# Netværksmøde".into()),
                (Tag::Added, "Kommunernes".into()),
            ],
        };
        let shown: String = pieces(&rewritten, &Theme { color: false })
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(shown, "[-# Netværksmøde-]{+Kommunernes+}");
    }

    fn shown(pieces: &[&str], width: usize) -> Vec<String> {
        let pieces: Vec<(Style, String)> = pieces.iter().map(|p| (Style::new(), p.to_string())).collect();
        wrap((Style::new(), "  "), &pieces, width)
            .iter()
            .map(|line| line.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_changed_word_keeps_its_period() {
        // "mål" changed, "." not: the break goes before the word, not between them.
        let pieces = ["Vi vil have klare ", "mål", ". Mål, som kan måles."];
        assert_eq!(
            shown(&pieces, 23),
            ["  Vi vil have klare ", "  mål. Mål, som kan ", "  måles."]
        );
        for width in 8..60 {
            for line in &shown(&pieces, width)[1..] {
                let first = line.trim_start().chars().next();
                assert!(!matches!(first, Some('.' | ',')), "width {width}: {line:?}");
            }
        }
    }

    #[test]
    fn change_marks_hold_to_their_words() {
        let pieces = [
            "*",
            "[-Arbejdsudkast-]",
            " – ",
            "[-til intern drøftelse, må ikke videresendes-]",
            "{+Udkast, ikke vedtaget+}",
            ".*",
        ];
        for width in 20..70 {
            let lines = shown(&pieces, width);
            for (n, line) in lines.iter().enumerate() {
                let (start, end) = (line.trim_start(), line.trim_end());
                assert!(
                    !(end.ends_with("[-") || end.ends_with("{+")),
                    "width {width}: {lines:?}"
                );
                assert!(
                    n == 0 || !(start.starts_with("-]") || start.starts_with("+}") || start.starts_with('.')),
                    "width {width}: {lines:?}"
                );
            }
        }
    }
}
