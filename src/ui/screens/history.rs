//! Screen 3, history: the drafts of one document (number, date, author,
//! message, labels) beside the diff of the selected draft against its
//! predecessor — or against a marked draft, the editor's unsaved text, or the
//! last approved version. Word, unified and side-by-side views; unchanged
//! stretches fold; a section summary jumps to a section. Diffs are computed by
//! the worker (`jobs`) and cached here, so stepping back and forth is instant.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::diff::{self, Row, RowKind, Tag};
use crate::domain::Slug;
use crate::text::inert;
use crate::ui::actions::Action;
use crate::ui::jobs::{ComputedDiff, DiffKey, DiffRequest, HistoryEntry};
use crate::ui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Word,
    Unified,
    SideBySide,
}

impl View {
    fn name(self) -> &'static str {
        match self {
            View::Word => "word view",
            View::Unified => "unified view",
            View::SideBySide => "side by side",
        }
    }
    fn next(self) -> View {
        match self {
            View::Word => View::Unified,
            View::Unified => View::SideBySide,
            View::SideBySide => View::Word,
        }
    }
}

/// What is compared, besides a draft with its predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Special {
    /// The editor's unsaved text (at this buffer version) against the latest draft.
    Buffer(u64),
    /// The latest draft against the approved version at this commit.
    Approved { commit: git2::Oid, label: String },
}

/// Lines drawn for one diff at one width, with where each change starts.
struct Rendered {
    key: (DiffKey, View, bool, u16),
    lines: Vec<Line<'static>>,
    changes: Vec<usize>,
    /// The first line of each row, to jump to a section.
    row_lines: Vec<(Option<usize>, usize)>,
}

pub struct HistoryState {
    pub slug: Slug,
    /// Newest first, as `git log` shows them.
    pub entries: Vec<HistoryEntry>,
    pub loaded: bool,
    pub selected: usize,
    pub marked: Option<usize>,
    pub special: Option<Special>,
    pub view: View,
    pub folded: bool,
    pub scroll: usize,
    pub sections_open: bool,
    pub sections_selected: usize,
    cache: HashMap<DiffKey, Arc<ComputedDiff>>,
    pending: HashSet<DiffKey>,
    /// The diff shown while the wanted one is being computed.
    last_shown: Option<Arc<ComputedDiff>>,
    rendered: RefCell<Option<Rendered>>,
    /// Scroll to the first change once the wanted diff arrives.
    scroll_to_first: bool,
    pub error: Option<String>,
}

impl HistoryState {
    pub fn new(slug: Slug) -> HistoryState {
        HistoryState {
            slug,
            entries: Vec::new(),
            loaded: false,
            selected: 0,
            marked: None,
            special: None,
            view: View::Word,
            folded: true,
            scroll: 0,
            sections_open: false,
            sections_selected: 0,
            cache: HashMap::new(),
            pending: HashSet::new(),
            last_shown: None,
            rendered: RefCell::new(None),
            scroll_to_first: true,
            error: None,
        }
    }

    pub fn set_entries(&mut self, mut entries: Vec<HistoryEntry>) {
        entries.reverse();
        self.entries = entries;
        self.loaded = true;
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// The diff wanted now and its labels, if the history is known.
    pub fn wanted(&self) -> Option<(DiffKey, String, String)> {
        let latest = self.entries.first()?;
        let key = |from, to, buffer| DiffKey {
            slug: self.slug.clone(),
            from,
            to,
            buffer,
        };
        match &self.special {
            Some(Special::Buffer(version)) => Some((
                key(Some(latest.commit), latest.commit, Some(*version)),
                format!("draft {}", latest.number),
                "unsaved text".into(),
            )),
            Some(Special::Approved { commit, label }) => Some((
                key(Some(*commit), latest.commit, None),
                label.clone(),
                format!("draft {} (latest)", latest.number),
            )),
            None => {
                let selected = self.entries.get(self.selected)?;
                match self.marked.and_then(|m| self.entries.get(m)) {
                    Some(marked) if marked.number != selected.number => {
                        let (old, new) = if marked.number < selected.number {
                            (marked, selected)
                        } else {
                            (selected, marked)
                        };
                        Some((
                            key(Some(old.commit), new.commit, None),
                            format!("draft {}", old.number),
                            format!("draft {}", new.number),
                        ))
                    }
                    _ => {
                        let previous = self.entries.get(self.selected + 1);
                        Some((
                            key(previous.map(|p| p.commit), selected.commit, None),
                            previous
                                .map(|p| format!("draft {}", p.number))
                                .unwrap_or_else(|| "nothing".into()),
                            format!("draft {}", selected.number),
                        ))
                    }
                }
            }
        }
    }

    /// The requests to send: the wanted diff, then its neighbours, ahead of need.
    pub fn requests(&mut self, buffer_text: Option<String>) -> Vec<DiffRequest> {
        let mut out = Vec::new();
        let Some((key, from_label, to_label)) = self.wanted() else {
            return out;
        };
        let mut want = vec![(key, from_label, to_label)];
        if self.special.is_none() && self.marked.is_none() {
            for neighbour in [Some(self.selected + 1), self.selected.checked_sub(1)]
                .into_iter()
                .flatten()
            {
                if let (Some(entry), previous) =
                    (self.entries.get(neighbour), self.entries.get(neighbour + 1))
                {
                    want.push((
                        DiffKey {
                            slug: self.slug.clone(),
                            from: previous.map(|p| p.commit),
                            to: entry.commit,
                            buffer: None,
                        },
                        previous
                            .map(|p| format!("draft {}", p.number))
                            .unwrap_or_else(|| "nothing".into()),
                        format!("draft {}", entry.number),
                    ));
                }
            }
        }
        // The worker computes only the newest diff of a batch: send the wanted one last.
        want.reverse();
        for (key, from_label, to_label) in want {
            if self.cache.contains_key(&key) || self.pending.contains(&key) {
                continue;
            }
            self.pending.insert(key.clone());
            let to_text = key.buffer.and(buffer_text.clone());
            out.push(DiffRequest {
                key,
                from_label,
                to_label,
                to_text,
            });
        }
        out
    }

    pub fn diffed(&mut self, key: DiffKey, result: Result<Arc<ComputedDiff>, String>) {
        self.pending.remove(&key);
        match result {
            Ok(d) => {
                self.cache.insert(key, d);
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// The worker dropped this request for a newer one; ask again if still wanted.
    pub fn skipped(&mut self, key: &DiffKey) {
        self.pending.remove(key);
    }

    fn current(&self) -> Option<Arc<ComputedDiff>> {
        let (key, _, _) = self.wanted()?;
        self.cache.get(&key).cloned()
    }

    pub fn act(&mut self, action: Action) -> Option<String> {
        let len = self.entries.len();
        let reset = |s: &mut Self| {
            s.scroll = 0;
            s.scroll_to_first = true;
        };
        match action {
            Action::Up | Action::Down | Action::Top | Action::Bottom if self.sections_open => {
                let n = self.current().map(|d| d.sections.len()).unwrap_or(0);
                self.sections_selected = match action {
                    Action::Up => self.sections_selected.saturating_sub(1),
                    Action::Down => (self.sections_selected + 1).min(n.saturating_sub(1)),
                    Action::Top => 0,
                    _ => n.saturating_sub(1),
                };
                return None;
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = len.saturating_sub(1),
            Action::CycleView => {
                self.view = self.view.next();
                return None;
            }
            Action::Mark => {
                self.marked = if self.marked == Some(self.selected) {
                    None
                } else {
                    Some(self.selected)
                };
                self.special = None;
            }
            Action::ToggleFolds => {
                self.folded = !self.folded;
                return None;
            }
            Action::Sections => {
                self.sections_open = !self.sections_open;
                self.sections_selected = 0;
                return None;
            }
            Action::NextChange | Action::PrevChange => return self.jump_change(action == Action::NextChange),
            Action::PageDown => self.scroll += 20,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(20),
            Action::ScrollDown => self.scroll += 1,
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            _ => return None,
        }
        if matches!(
            action,
            Action::Up | Action::Down | Action::Top | Action::Bottom | Action::Mark
        ) {
            if matches!(action, Action::Up | Action::Down | Action::Top | Action::Bottom) {
                self.special = None;
            }
            reset(self);
        }
        None
    }

    fn jump_change(&mut self, forward: bool) -> Option<String> {
        let rendered = self.rendered.borrow();
        let changes = rendered.as_ref().map(|r| r.changes.clone()).unwrap_or_default();
        drop(rendered);
        let target = if forward {
            changes.iter().find(|&&c| c > self.scroll + 2)
        } else {
            changes.iter().rev().find(|&&c| c + 2 < self.scroll)
        };
        match target {
            Some(&line) => {
                self.scroll = line.saturating_sub(2);
                None
            }
            None => Some(if forward {
                "No later change".into()
            } else {
                "No earlier change".into()
            }),
        }
    }

    /// Enter in the section summary: jump to the section's first line.
    pub fn open_section(&mut self) {
        let Some(d) = self.current() else { return };
        let Some(section) = d.sections.get(self.sections_selected) else {
            return;
        };
        let target = section.new_line;
        let rendered = self.rendered.borrow();
        if let (Some(r), Some(target)) = (rendered.as_ref(), target) {
            let line = r
                .row_lines
                .iter()
                .find(|(new, _)| new.is_some_and(|n| n >= target))
                .map(|(_, l)| *l);
            if let Some(line) = line {
                drop(rendered);
                self.scroll = line.saturating_sub(1);
            }
        }
        self.sections_open = false;
    }

    pub fn draw(&mut self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let list_width = if area.width >= 100 { 46 } else { 30 };
        let [list_area, diff_area] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(10)]).areas(area);
        self.draw_list(frame, list_area, theme);
        let shown = self.current();
        if shown.is_some() {
            self.last_shown = shown.clone();
        }
        let waiting = shown.is_none();
        match shown.or_else(|| self.last_shown.clone()) {
            Some(d) => self.draw_diff(frame, diff_area, theme, &d, waiting),
            None => {
                let text = match (&self.error, self.loaded, self.entries.is_empty()) {
                    (Some(e), _, _) => inert(e).into_owned(),
                    (None, false, _) => "Reading the drafts…".into(),
                    (None, true, true) => "This document has no drafts.".into(),
                    _ => "Comparing…".into(),
                };
                frame.render_widget(
                    Paragraph::new(text).block(Block::default().borders(Borders::LEFT)),
                    diff_area,
                );
            }
        }
    }

    fn draw_list(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let items: Vec<ListItem<'_>> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mark = if self.marked == Some(i) { "●" } else { " " };
                let mut spans = vec![
                    Span::styled(format!("{mark}{:>3} ", e.number), theme.title()),
                    Span::styled(format!("{} ", e.date.get(..10).unwrap_or(&e.date)), theme.dim()),
                    Span::raw(format!("{} ", inert(&e.author))),
                ];
                for label in &e.labels {
                    spans.push(Span::styled(format!("[{}] ", inert(label)), theme.good()));
                }
                if !e.decisions.is_empty() {
                    spans.push(Span::styled(
                        format!("{} ", inert(&e.decisions.join(" "))),
                        theme.warning(),
                    ));
                }
                spans.push(Span::styled(inert(&e.summary).into_owned(), theme.dim()));
                ListItem::new(Line::from(spans))
            })
            .collect();
        let title = format!(" {} — {} drafts ", self.slug, self.entries.len());
        let list = List::new(items)
            .block(Block::default().borders(Borders::RIGHT).title(title))
            .highlight_style(theme.selected());
        let mut state =
            ListState::default().with_selected((!self.entries.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(list, area, &mut state);
    }

    fn draw_diff(
        &mut self,
        frame: &mut Frame<'_>,
        area: Rect,
        theme: &Theme,
        d: &Arc<ComputedDiff>,
        waiting: bool,
    ) {
        let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let width = body.width;
        let key = (self.wanted().map(|w| w.0), self.view, self.folded, width);
        let fresh = self.rendered.borrow().as_ref().is_none_or(|r| {
            Some(&r.key.0) != key.0.as_ref() || r.key.1 != key.1 || r.key.2 != key.2 || r.key.3 != key.3
        });
        if fresh && let Some(dkey) = key.0.clone() {
            let rendered = render(d, self.view, self.folded, width, theme, dkey);
            *self.rendered.borrow_mut() = Some(rendered);
        }
        let rendered = self.rendered.borrow();
        let Some(r) = rendered.as_ref() else { return };
        if self.scroll_to_first && !waiting {
            self.scroll = r.changes.first().map(|c| c.saturating_sub(2)).unwrap_or(0);
            self.scroll_to_first = false;
        }
        self.scroll = self.scroll.min(r.lines.len().saturating_sub(1));
        let words_added: usize = d.sections.iter().map(|s| s.added_words).sum();
        let words_removed: usize = d.sections.iter().map(|s| s.removed_words).sum();
        let mut head = vec![
            Span::styled(
                format!(" {} → {}", inert(&d.from_label), inert(&d.to_label)),
                theme.title(),
            ),
            Span::styled(
                format!(
                    "  {} · {} changes · +{words_added} −{words_removed} words",
                    self.view.name(),
                    r.changes.len()
                ),
                theme.dim(),
            ),
        ];
        if d.diff.approximate {
            head.push(Span::styled(" · approximate", theme.warning()));
        }
        if waiting {
            head.push(Span::styled(" · comparing…", theme.warning()));
        }
        frame.render_widget(Paragraph::new(Line::from(head)), header);
        // A work plan's changed actions stay in view above the text, at most a third of it.
        let body = if d.actions.is_empty() {
            body
        } else {
            let wanted = d.actions.len() as u16 + 1;
            let [top, rest] = Layout::vertical([
                Constraint::Length(wanted.min(body.height / 3).max(2)),
                Constraint::Min(1),
            ])
            .areas(body);
            let lines: Vec<Line<'_>> = d
                .actions
                .iter()
                .map(|c| {
                    Line::from(Span::styled(
                        format!(" • {}", inert(&diff::describe(c))),
                        theme.changed(),
                    ))
                })
                .collect();
            let block = Block::default()
                .borders(Borders::BOTTOM)
                .border_style(theme.dim());
            frame.render_widget(Paragraph::new(lines).block(block), top);
            rest
        };
        let lines: Vec<Line<'static>> = r
            .lines
            .iter()
            .skip(self.scroll)
            .take(body.height as usize)
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
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
            vec![ListItem::new("No section changed")]
        } else {
            d.sections
                .iter()
                .map(|s| {
                    let name = if s.path.is_empty() {
                        "(before the first heading)".to_string()
                    } else {
                        s.path.join(" › ")
                    };
                    let status = match s.status {
                        diff::SectionStatus::Added => " new",
                        diff::SectionStatus::Removed => " removed",
                        diff::SectionStatus::Changed => "",
                    };
                    ListItem::new(Line::from(vec![
                        Span::styled(format!("+{:<4}", s.added_words), theme.added()),
                        Span::styled(format!("−{:<4} ", s.removed_words), theme.removed()),
                        Span::raw(inert(&name).into_owned()),
                        Span::styled(status, theme.dim()),
                    ]))
                })
                .collect()
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(" Sections changed — Enter jump, s close ");
        let mut state = ListState::default().with_selected(Some(self.sections_selected));
        frame.render_stateful_widget(
            List::new(items).block(block).highlight_style(theme.selected()),
            rect,
            &mut state,
        );
    }
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

/// A row's pieces as styled, inert text with tabs expanded.
fn pieces(row: &Row, theme: &Theme) -> Vec<(Style, String)> {
    row.spans
        .iter()
        .map(|(tag, text)| {
            (
                style_for(theme, *tag, &row.kind),
                inert(&text.replace('\t', "    ")).into_owned(),
            )
        })
        .collect()
}

/// Wraps styled pieces into lines of at most `width` columns, breaking between
/// words where it can and between graphemes inside a word longer than a line
/// (a 500-character URL). Continuation lines are indented under the text.
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
    for (style, text) in pieces {
        for token in text.split_word_bounds() {
            let w = token.width();
            if used + w > width && used > indent {
                flush(&mut lines, &mut current, *style);
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
                        flush(&mut lines, &mut current, *style);
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
        flush(&mut lines, &mut current, *style);
    }
    lines
}

fn render(d: &ComputedDiff, view: View, folded: bool, width: u16, theme: &Theme, key: DiffKey) -> Rendered {
    let expanded: Vec<usize> = if folded {
        Vec::new()
    } else {
        (0..d.diff.blocks.len()).collect()
    };
    let width = width as usize;
    let mut lines = Vec::new();
    let mut changes = Vec::new();
    let mut row_lines = Vec::new();
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
                row_lines.push((row.new_line, lines.len()));
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
                row_lines.push((right.as_ref().and_then(|r| r.new_line), lines.len()));
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
        row_lines,
    }
}
