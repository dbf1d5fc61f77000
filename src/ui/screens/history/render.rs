//! A diff rendered once per (diff, view, folds, width) into wrapped lines
//! that scrolling only slices, with where each change and each row starts.

use crate::lang::{Msg, t, tf};
use std::collections::HashSet;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::View;
use crate::diff::{self, Row, RowKind, Tag};
use crate::text::inert;
use crate::ui::jobs::{ComputedDiff, DiffKey, DiffThreads};
use crate::ui::theme::Theme;

/// What is drawn: which diff, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Shown {
    pub diff: DiffKey,
    pub view: View,
    pub folded: bool,
    /// Minor changes hidden.
    pub substantive: bool,
    /// Who wrote each paragraph of the newer draft, instead of the changes.
    pub blame: bool,
}

/// Lines drawn for one diff at one width, with where each change starts.
pub(super) struct Rendered {
    pub shown: Shown,
    pub width: u16,
    /// With minor changes hidden: how many.
    pub hidden: Option<usize>,
    pub lines: Vec<Line<'static>>,
    pub changes: Vec<usize>,
    /// For each change, the line of its first changed word: in a paragraph
    /// written as one line it may be many lines below where the change starts.
    pub words: Vec<usize>,
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

    /// Where the view scrolls to show change `k` in a view `height` lines
    /// tall: two lines above its start, or, when its first changed word would
    /// be out of view from there (a long paragraph), as much of the text
    /// above the word as keeps it in view, two lines below the top at least.
    pub fn scroll_to(&self, k: usize, height: usize) -> usize {
        let start = self.changes[k].saturating_sub(2);
        let word = self.words[k];
        if word < start + height {
            return start;
        }
        let end = self.lines.len().saturating_sub(height);
        word.saturating_sub(2).min(end).max(start)
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
        (Tag::Same, RowKind::MovedAway { .. } | RowKind::MovedHere { .. }) => theme.moved(),
        _ => Style::new(),
    }
}

fn sign(kind: &RowKind) -> &'static str {
    match kind {
        RowKind::Removed => "-",
        RowKind::Added => "+",
        RowKind::MovedAway { .. } => "<",
        RowKind::MovedHere { .. } | RowKind::Moved => ">",
        _ => " ",
    }
}

/// Whether a row's changed words are marked with characters: without
/// colour (`NO_COLOR`, or a terminal that draws no strike-through) they are
/// marked as the command line marks them, `[-removed-]{+added+}`, where text
/// of two kinds meets on the row (a line that is all new or all gone has its
/// `+` or `-` and needs no more).
fn marked(row: &Row, theme: &Theme) -> bool {
    let mut kinds = row
        .spans
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(tag, _)| *tag);
    let first = kinds.next();
    !theme.color && kinds.any(|tag| Some(tag) != first)
}

/// A row wrapped into lines of at most `width` columns by `diff::wrap` (the
/// editor's break rules; a mark is closed at a line's end and opened again on
/// the next), styled, behind its prefix; continued lines are indented under
/// the text. Also the first line that shows a changed word, if one does.
fn wrap(
    prefix: (Style, &str),
    row: &Row,
    width: usize,
    theme: &Theme,
) -> (Vec<Vec<Span<'static>>>, Option<usize>) {
    let indent = prefix.1.width();
    let marks = marked(row, theme);
    let rows = diff::wrap(&row.spans, width.saturating_sub(indent).max(1), marks);
    let changed = rows.iter().position(|pieces| {
        pieces
            .iter()
            .any(|(tag, text)| *tag != Tag::Same && !text.trim().is_empty())
    });
    let lines = rows
        .into_iter()
        .enumerate()
        .map(|(k, pieces)| {
            let mut spans = vec![match k {
                0 => Span::styled(prefix.1.to_string(), prefix.0),
                _ => Span::raw(" ".repeat(indent)),
            }];
            for (tag, text) in pieces {
                let (open, close) = if marks { diff::marks(tag) } else { ("", "") };
                spans.push(Span::styled(
                    format!("{open}{text}{close}"),
                    style_for(theme, tag, &row.kind),
                ));
            }
            spans
        })
        .collect();
    (lines, changed)
}

pub(super) fn render(d: &ComputedDiff, shown: Shown, width: u16, theme: &Theme) -> Rendered {
    let (view, folded, substantive) = (shown.view, shown.folded, shown.substantive);
    let (filtered, hidden) = match substantive {
        true => {
            let (shown, hidden) = diff::without_minor_changes(&d.diff);
            (Some(shown), Some(hidden))
        }
        false => (None, None),
    };
    let text_diff = filtered.as_ref().unwrap_or(&d.diff);
    let expanded: Vec<usize> = if folded {
        Vec::new()
    } else {
        (0..text_diff.blocks.len()).collect()
    };
    let width = width as usize;
    let mut lines = Vec::new();
    let mut changes = Vec::new();
    let mut words = Vec::new();
    let mut row_at = Vec::new();
    let fold_line = |lines_count: usize| {
        Line::from(Span::styled(
            tf(Msg::HistUnchanged, &[("n", &lines_count)]),
            theme.dim(),
        ))
    };
    match view {
        View::Word | View::Unified => {
            let rows = if view == View::Word {
                diff::inline(text_diff, &d.old, &d.new, 3, &expanded)
            } else {
                diff::unified(text_diff, &d.old, &d.new, 3, &expanded)
            };
            let starts: HashSet<usize> = diff::change_starts(&rows).into_iter().collect();
            for (i, row) in rows.iter().enumerate() {
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
                    RowKind::MovedAway { .. } | RowKind::MovedHere { .. } | RowKind::Moved => theme.moved(),
                    _ => theme.dim(),
                };
                let (wrapped, changed) = wrap(
                    (prefix_style, &format!("{} ", sign(&row.kind))),
                    row,
                    width,
                    theme,
                );
                if starts.contains(&i) {
                    changes.push(lines.len());
                    words.push(lines.len() + changed.unwrap_or(0));
                }
                lines.extend(wrapped.into_iter().map(Line::from));
            }
        }
        View::SideBySide => {
            let pairs = diff::side_by_side(text_diff, &d.old, &d.new, 3, &expanded);
            let starts: HashSet<usize> = diff::side_by_side_change_starts(&pairs).into_iter().collect();
            let half = width.saturating_sub(3) / 2;
            for (i, (left, right)) in pairs.iter().enumerate() {
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
                    Some(r) => wrap((theme.dim(), sign(&r.kind)), r, half, theme),
                    None => (vec![vec![]], None),
                };
                let ((l, l_changed), (r, r_changed)) = (side(left), side(right));
                if starts.contains(&i) {
                    let changed = l_changed.into_iter().chain(r_changed).min();
                    changes.push(lines.len());
                    words.push(lines.len() + changed.unwrap_or(0));
                }
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
        shown,
        width: width as u16,
        hidden,
        lines,
        changes,
        words,
        rows: row_at,
    }
}

/// The newer draft's text with, above each paragraph, the draft, author and
/// date that gave it its wording (`blame`; once for a run of paragraphs
/// from one draft), or a line saying why there is none yet. Paragraphs this
/// draft wrote stand out, and are the "changes" `n` and `N` step to.
pub(super) fn render_blame(
    text: &str,
    blamed: Option<Result<&crate::usecase::Blamed, String>>,
    shown: Shown,
    width: u16,
    theme: &Theme,
) -> Rendered {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut rows = Vec::new();
    let mut changes = Vec::new();
    let blamed = match blamed {
        Some(Ok(blamed)) => blamed,
        other => {
            let why = match other {
                Some(Err(e)) => e,
                _ => t(Msg::HistFindingWho).to_string(),
            };
            lines.push(Line::styled(format!("  {}", inert(&why)), theme.dim()));
            return Rendered {
                shown,
                width,
                hidden: None,
                lines,
                changes,
                words: Vec::new(),
                rows,
            };
        }
    };
    let w = width as usize;
    let mut paragraphs = blamed.paragraphs.iter().peekable();
    // The draft of the last header drawn.
    let mut last: Option<u32> = None;
    for (i, line) in diff::lines(text).into_iter().enumerate() {
        let first = paragraphs.next_if(|p| p.lines.0 == i + 1);
        if let Some(p) = first.filter(|p| Some(p.credit.draft) != last.replace(p.credit.draft)) {
            let credit = &p.credit;
            let label = tf(
                Msg::HistCredit,
                &[
                    ("draft", &credit.draft),
                    ("author", &credit.author),
                    ("date", &credit.time.strftime("%d-%m-%Y")),
                ],
            );
            let own = credit.draft == blamed.draft;
            let style = if own { theme.changed() } else { theme.moved() };
            if own {
                changes.push(lines.len());
            }
            lines.push(Line::styled(crate::text::cut(&inert(&label), w), style));
        }
        rows.push(RowAt {
            line: lines.len(),
            old: None,
            new: Some(i + 1),
        });
        let content = line.trim_end_matches(['\n', '\r']);
        for piece in diff::wrap(
            &[(Tag::Same, content.to_string())],
            w.saturating_sub(2).max(1),
            false,
        ) {
            let mut spans = vec![Span::raw("  ")];
            spans.extend(piece.into_iter().map(|(_, t)| Span::raw(t)));
            lines.push(Line::from(spans));
        }
    }
    Rendered {
        shown,
        width,
        hidden: None,
        lines,
        words: changes.clone(),
        changes,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: RowKind, spans: &[(Tag, &str)]) -> Row {
        Row {
            kind,
            old_line: Some(0),
            new_line: Some(0),
            spans: spans.iter().map(|(t, s)| (*t, s.to_string())).collect(),
        }
    }

    /// The row's lines as text, at `width` columns, without colour.
    fn shown(row: &Row, width: usize) -> Vec<String> {
        wrap((Style::new(), "  "), row, width, &Theme { color: false })
            .0
            .iter()
            .map(|line| line.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    /// With NO_COLOR the changed words stay apart ("med 7075 pct." was
    /// "med [-70-]{+75+} pct." shown only by strike-through).
    #[test]
    fn without_colour_changed_words_are_marked_with_characters() {
        let changed = row(
            RowKind::Context,
            &[
                (Tag::Same, "med "),
                (Tag::Removed, "70"),
                (Tag::Added, "75"),
                (Tag::Same, " pct."),
            ],
        );
        assert_eq!(shown(&changed, 80), ["  med [-70-]{+75+} pct."]);
        let coloured: String = wrap((Style::new(), ""), &changed, 80, &Theme { color: true }).0[0]
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(coloured, "med 7075 pct.");
        let new_line = row(RowKind::Added, &[(Tag::Added, "Helt ny linje")]);
        assert_eq!(shown(&new_line, 80), ["  Helt ny linje"]);
        // A line rewritten whole: old and new still apart.
        let rewritten = row(
            RowKind::Context,
            &[(Tag::Removed, "# Netværksmøde"), (Tag::Added, "Kommunernes")],
        );
        assert_eq!(shown(&rewritten, 80), ["  [-# Netværksmøde-]{+Kommunernes+}"]);
    }

    #[test]
    fn a_changed_word_keeps_its_period() {
        // "mål" changed, "." not: the break goes before the word, not between them.
        let changed = row(
            RowKind::Added,
            &[
                (Tag::Same, "Vi vil have klare "),
                (Tag::Added, "mål"),
                (Tag::Same, ". Mål, som kan måles."),
            ],
        );
        assert_eq!(
            shown(&changed, 27),
            ["  Vi vil have klare", "  {+mål+}. Mål, som kan", "  måles."]
        );
        for width in 8..60 {
            for line in &shown(&changed, width)[1..] {
                let first = line.trim_start().chars().next();
                assert!(!matches!(first, Some('.' | ',')), "width {width}: {line:?}");
            }
        }
    }

    /// Each line closes the marks it opens, so it reads alone.
    #[test]
    fn change_marks_are_closed_on_every_line() {
        let changed = row(
            RowKind::Context,
            &[
                (Tag::Same, "*"),
                (Tag::Removed, "Arbejdsudkast"),
                (Tag::Same, " – "),
                (Tag::Removed, "til intern drøftelse, må ikke videresendes"),
                (Tag::Added, "Udkast, ikke vedtaget"),
                (Tag::Same, ".*"),
            ],
        );
        for width in 20..70 {
            let lines = shown(&changed, width);
            for (n, line) in lines.iter().enumerate() {
                assert!(line.width() <= width, "width {width}: {lines:?}");
                assert_eq!(
                    line.matches("[-").count(),
                    line.matches("-]").count(),
                    "{lines:?}"
                );
                assert_eq!(
                    line.matches("{+").count(),
                    line.matches("+}").count(),
                    "{lines:?}"
                );
                let start = line.trim_start();
                assert!(n == 0 || !start.starts_with('.'), "width {width}: {lines:?}");
            }
        }
    }
}
