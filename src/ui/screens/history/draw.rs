//! Drawing the history screen: the draft list and the diff (rendered by
//! `render`, fitted to the area before each draw).

use crate::lang::{Msg, t, tf};
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::render::{RowAt, Shown, render, render_blame, thread_on};
use super::{Focus, HistoryState};
use crate::diff;
use crate::text::inert;
use crate::ui::jobs::{ComputedDiff, DiffKey};
use crate::ui::theme::Theme;
use crate::ui::widgets;

impl HistoryState {
    /// The draft list's area (as wide as `list` says) and the diff's (all of it with the list hidden).
    fn areas(&self, area: Rect) -> [Rect; 2] {
        Layout::horizontal([
            Constraint::Length(self.list_width(area.width)),
            Constraint::Min(10),
        ])
        .areas(area)
    }

    /// The diff's header line, the box of what changed besides the text (the
    /// details in `strategy.toml`, a work plan's actions; at most a third of
    /// the height), and the text.
    fn diff_areas(area: Rect, d: &ComputedDiff) -> (Rect, Option<Rect>, Rect) {
        let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let boxed = besides_the_text(d);
        if boxed.is_empty() {
            return (header, None, body);
        }
        // Each change wraps (a long title or date was cut at the edge).
        let width = (body.width as usize).max(1);
        let rows: usize = boxed
            .iter()
            .map(|line| (format!(" • {line}").width()).div_ceil(width).max(1))
            .sum();
        let wanted = rows as u16 + 1;
        let [top, rest] = Layout::vertical([
            Constraint::Length(wanted.min(body.height / 3).max(2)),
            Constraint::Min(1),
        ])
        .areas(body);
        (header, Some(top), rest)
    }

    /// The diff in view: the wanted one, or while it is computed the last
    /// one shown (`true`: still waiting for the wanted one).
    fn in_view(&self) -> Option<(DiffKey, Arc<ComputedDiff>, bool)> {
        let wanted = self.wanted().map(|(key, _, _)| key);
        match wanted
            .as_ref()
            .and_then(|key| Some((key.clone(), self.cache.get(key)?.clone())))
        {
            Some((key, d)) => Some((key, d, false)),
            None => self.last_shown.clone().map(|(key, d)| (key, d, true)),
        }
    }

    /// Renders the diff in view for the area (once per diff, view, folds and
    /// width) and fits the scroll and the line cursor to it.
    pub(super) fn fit(&mut self, area: Rect, theme: &Theme) {
        let [_, diff_area] = self.areas(area);
        let Some((key, d, waiting)) = self.in_view() else {
            return;
        };
        if !waiting {
            self.last_shown = Some((key.clone(), d.clone()));
        }
        let (_, _, body) = Self::diff_areas(diff_area, &d);
        // One column on the left is the gutter: `»` where an open thread is.
        let width = body.width.saturating_sub(1);
        let shown = Shown {
            blame: self.blame,
            diff: key,
            view: self.view,
            folded: self.folded,
            substantive: self.substantive,
        };
        let fresh = self
            .rendered
            .as_ref()
            .is_none_or(|r| r.shown != shown || r.width != width);
        if fresh {
            let rendered = match shown.blame {
                true => {
                    let blamed = self.blame_in_view(&shown.diff);
                    let blamed = blamed.as_ref().map(|b| b.as_deref().map_err(Clone::clone));
                    render_blame(&d.new, blamed, shown, width, theme)
                }
                false => render(&d, shown, width, theme),
            };
            // The same diff at another width (the list hidden or shown, the
            // terminal resized): the row at the top stays at the top.
            if let Some(old) = self.rendered.as_ref().filter(|r| r.shown == rendered.shown) {
                let top = old.row_at(self.scroll);
                self.scroll = rendered.rows.get(top).map_or(0, |r| r.line);
            }
            self.rendered = Some(rendered);
        }
        let Some(r) = self.rendered.as_ref() else { return };
        self.height = (body.height as usize).max(1);
        if self.scroll_to_first && !waiting {
            self.scroll = match r.changes.is_empty() {
                true => 0,
                false => r.scroll_to(0, self.height),
            };
            self.scroll_to_first = false;
        }
        self.scroll = self.scroll.min(r.lines.len().saturating_sub(1));
        if let Some(last) = r.rows.len().checked_sub(1) {
            self.cursor = self.cursor.min(last);
            if self.focus == Focus::Diff {
                (self.cursor, self.scroll) =
                    r.keep_in_view(self.cursor, self.scroll, self.height, self.follow_cursor);
            }
        }
    }

    pub(super) fn draw_screen(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let [list_area, diff_area] = self.areas(area);
        if !self.list_hidden {
            self.draw_list(frame, list_area, theme);
        }
        // While the wanted diff is computed, the last one stays in view, drawn
        // and labelled as what it is, with "comparing…". The wanted one is
        // labelled as the list is now (a draft found by a first read of the
        // history gets its number).
        match self.in_view() {
            Some((key, d, waiting)) => {
                let labels = match (self.wanted(), waiting) {
                    (Some((_, from, to)), false) => (from, to),
                    _ => (d.from_label.clone(), d.to_label.clone()),
                };
                self.draw_diff(frame, diff_area, theme, (key, labels), &d, waiting)
            }
            None => {
                let text = match (&self.error, self.loaded, self.entries.is_empty()) {
                    (Some(e), _, _) => inert(e).into_owned(),
                    (None, false, _) => t(Msg::HistReading).into(),
                    (None, true, true) => t(Msg::HistNoDrafts).into(),
                    _ => t(Msg::HistComparing).into(),
                };
                frame.render_widget(
                    Paragraph::new(text).block(Block::default().borders(Borders::LEFT)),
                    diff_area,
                );
            }
        }
    }

    fn draw_diff(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        theme: &Theme,
        (drawn, (from_label, to_label)): (DiffKey, (String, String)),
        d: &Arc<ComputedDiff>,
        waiting: bool,
    ) {
        let (header, actions, body) = Self::diff_areas(area, d);
        let Some(r) = self.rendered.as_ref().filter(|r| r.shown.diff == drawn) else {
            return;
        };
        let words_added: usize = d.sections.iter().map(|s| s.added_words).sum();
        let words_removed: usize = d.sections.iter().map(|s| s.removed_words).sum();
        // A work plan's changed actions and the details count too.
        let changes = r.changes.len() + d.actions.len() + d.details.len();
        let mut head = vec![
            Span::styled(
                format!(" {} → {}", inert(&from_label), inert(&to_label)),
                theme.title(),
            ),
            Span::styled(
                match self.blame {
                    true => tf(Msg::HistBlameHead, &[("label", &inert(&to_label))]),
                    false => tf(
                        if changes == 1 {
                            Msg::HistHeadOne
                        } else {
                            Msg::HistHeadMany
                        },
                        &[
                            ("view", &self.view.name()),
                            ("changes", &changes),
                            ("added", &words_added),
                            ("removed", &words_removed),
                        ],
                    ),
                },
                theme.dim(),
            ),
        ];
        if d.diff.approximate {
            head.push(Span::styled(t(Msg::HistApproximate), theme.warning()));
        }
        if let Some(hidden) = r.hidden {
            let text = match hidden {
                1 => t(Msg::HistHiddenOne).to_string(),
                n => tf(Msg::HistHiddenMany, &[("n", &n)]),
            };
            head.push(Span::styled(text, theme.changed()));
        }
        // The same words, broken differently (a paragraph split).
        if r.changes.is_empty() && d.old != d.new && r.hidden.is_none_or(|n| n == 0) {
            head.push(Span::styled(t(Msg::HistLineBreaks), theme.warning()));
        }
        if waiting {
            head.push(Span::styled(t(Msg::HistComparingMark), theme.warning()));
        }
        // What changed besides the text stays in view above it.
        if let Some(top) = actions {
            let lines: Vec<Line<'_>> = besides_the_text(d)
                .iter()
                .map(|line| Line::from(Span::styled(format!(" • {}", inert(line)), theme.changed())))
                .collect();
            let block = Block::default()
                .borders(Borders::BOTTOM)
                .border_style(theme.dim());
            frame.render_widget(
                Paragraph::new(lines)
                    .block(block)
                    .wrap(ratatui::widgets::Wrap { trim: false }),
                top,
            );
        }
        let height = self.height;
        let selected = self.selected_rows();
        let marks = self.current_marks().unwrap_or_default();
        let mut gutter_lines = Vec::with_capacity(height);
        let mut lines: Vec<Line<'static>> = Vec::with_capacity(height);
        for (i, line) in r.lines.iter().enumerate().skip(self.scroll).take(height) {
            let row = r.row_at(i);
            let at = r.rows.get(row);
            let mark = match at {
                Some(at) if at.line == i && thread_on(&marks, at).is_some() => "»",
                _ => " ",
            };
            let chosen = self.focus == Focus::Diff && selected.contains(&row);
            if chosen {
                gutter_lines.push(Line::styled(mark, theme.selection()));
                lines.push(line.clone().patch_style(theme.selection()));
            } else {
                gutter_lines.push(Line::styled(mark, theme.warning()));
                lines.push(line.clone());
            }
        }
        let [gutter, text] = Layout::horizontal([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        frame.render_widget(Paragraph::new(gutter_lines), gutter);
        frame.render_widget(Paragraph::new(lines), text);
        if self.focus == Focus::Diff {
            let at = match r.rows.get(self.cursor) {
                Some(RowAt { new: Some(n), .. }) => tf(Msg::HistLine, &[("n", n)]),
                Some(RowAt { old: Some(o), .. }) => tf(Msg::HistOldLine, &[("n", o)]),
                _ => t(Msg::HistFolded).into(),
            };
            head.insert(1, Span::styled(at, theme.title()));
        }
        let head = widgets::cut_spans(head, header.width as usize);
        frame.render_widget(Paragraph::new(Line::from(head)), header);
        if self.sections_open {
            self.draw_sections(frame, body, theme, d);
        }
    }

    fn draw_sections(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme, d: &ComputedDiff) {
        let height = (d.sections.len() as u16 + 2).min(area.height).max(3);
        let rect = Rect {
            y: area.y,
            height,
            ..area
        };
        frame.render_widget(Clear, rect);
        let items: Vec<ListItem<'_>> = if d.sections.is_empty() {
            vec![ListItem::new(t(Msg::HistNoSection))]
        } else {
            // The title every path begins with is left out, as `--stat` does.
            let names = diff::section_labels(&d.sections);
            d.sections
                .iter()
                .zip(names)
                .map(|(s, name)| {
                    let status = match s.status {
                        diff::SectionStatus::Added => t(Msg::HistSectionNew).to_string(),
                        diff::SectionStatus::Removed => t(Msg::HistSectionRemoved).to_string(),
                        diff::SectionStatus::Changed => String::new(),
                        diff::SectionStatus::Moved => {
                            format!(" {}", inert(&s.moved_note().unwrap_or_default()))
                        }
                    };
                    let lix = diff::lix_change(s.lix_before, s.lix_after)
                        .map_or_else(String::new, |c| format!("  LIX {c}"));
                    ListItem::new(Line::from(vec![
                        Span::styled(format!("+{:<4}", s.added_words), theme.added()),
                        Span::styled(format!("−{:<4} ", s.removed_words), theme.removed()),
                        Span::raw(inert(&name).into_owned()),
                        Span::styled(status, theme.dim()),
                        Span::styled(lix, theme.dim()),
                    ]))
                })
                .collect()
        };
        let block = Block::default().borders(Borders::ALL).title(t(Msg::HistSections));
        let mut state = ListState::default().with_selected(Some(self.sections_selected));
        frame.render_stateful_widget(
            List::new(items).block(block).highlight_style(theme.selected()),
            rect,
            &mut state,
        );
    }
}

/// What changed besides the text, in words: the details in `strategy.toml`
/// (a route changed makes every approval stale), then a work plan's actions.
fn besides_the_text(d: &ComputedDiff) -> Vec<String> {
    d.details
        .iter()
        .cloned()
        .chain(d.actions.iter().map(diff::describe))
        .collect()
}
