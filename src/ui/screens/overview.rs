//! Screen 1, the overview: every document with its kind, current draft, the
//! route as a row of body badges, open comments and the last change. `/`
//! filters as you type (accent-insensitive: "baeredygtighed" finds
//! "Bæredygtighed"); Enter opens the document.

use crate::lang::{Msg, t, tf};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use unicode_width::UnicodeWidthStr;

use super::{Effect, Effects, Screen};
use crate::domain::{BodyId, Slug};
use crate::text::inert;
use crate::ui::actions::{Action, Context};
use crate::ui::jobs::{Badge, Item, Response, WorkspaceView};
use crate::ui::theme::Theme;

/// The overview's state: the workspace as last read, the selection and the filter.
#[derive(Debug, Default, Clone)]
pub struct Overview {
    pub workspace: Option<WorkspaceView>,
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
    /// Documents with text kept in an autosave, never saved as a draft.
    pub unsaved: std::collections::BTreeSet<String>,
    /// The day actions are due against (`None`: today; tests fix it).
    pub today: Option<jiff::civil::Date>,
}

impl Overview {
    fn clamp(&mut self) {
        let len = self.visible_items().len();
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// The documents the filter lets through, in the workspace's order.
    pub fn visible_items(&self) -> Vec<&Item> {
        match &self.workspace {
            Some(w) => filtered(&w.items, &self.filter),
            None => Vec::new(),
        }
    }

    pub fn selected_slug(&self) -> Option<Slug> {
        self.visible_items().get(self.selected).map(|i| i.slug.clone())
    }

    pub fn set_workspace(&mut self, view: WorkspaceView) {
        self.workspace = Some(view);
        self.clamp();
    }
}

/// Lowercase with Danish letters spelled out, so typing without æøå still matches.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' => out.push('e'),
            '\u{30a}' => out.push('a'), // a decomposed "å" is "a" + ring: "aa"
            other => out.push(other),
        }
    }
    out
}

fn matches(item: &Item, filter: &str) -> bool {
    if filter.is_empty() {
        return true;
    }
    let haystack = fold(&format!("{} {} {}", item.title, item.slug, item.author));
    let raw = format!("{} {} {}", item.title, item.slug, item.author).to_lowercase();
    filter.split_whitespace().all(|word| {
        let w = word.to_lowercase();
        raw.contains(&w) || haystack.contains(&fold(&w))
    })
}

fn filtered<'a>(items: &'a [Item], filter: &str) -> Vec<&'a Item> {
    items.iter().filter(|i| matches(i, filter)).collect()
}

impl Screen for Overview {
    fn context(&self) -> Context {
        Context::Overview
    }

    fn slug(&self) -> Option<&Slug> {
        None
    }

    /// While the filter line is open it takes the keys: text, Backspace,
    /// ↑/↓ to move, Enter to keep the filter, Esc to clear it.
    fn key(&mut self, key: KeyEvent, _fx: &mut Effects) -> bool {
        if !self.filtering {
            return false;
        }
        match key.code {
            KeyCode::Enter => self.filtering = false,
            KeyCode::Esc => {
                self.filtering = false;
                self.filter.clear();
            }
            KeyCode::Backspace => {
                self.filter.pop();
            }
            KeyCode::Down => self.selected += 1,
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char(c) if !c.is_control() => {
                self.filter.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        self.clamp();
        true
    }

    fn act(&mut self, action: Action, fx: &mut Effects) -> bool {
        let len = self.visible_items().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = len.saturating_sub(1),
            Action::Filter => self.filtering = true,
            Action::Open => match self.selected_slug() {
                Some(slug) => fx.push(Effect::Edit { slug, line: None }),
                None => fx.error(t(Msg::NoDocumentSelected)),
            },
            _ => return false,
        }
        true
    }

    fn answer(&mut self, response: &Response, _fx: &mut Effects) {
        if let Response::Loaded(Ok(view)) = response {
            self.set_workspace(view.clone());
        }
    }

    fn paste(&mut self, text: &str) -> bool {
        if self.filtering {
            self.filter.push_str(text.lines().next().unwrap_or(""));
            self.clamp();
        }
        self.filtering
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        draw(frame, area, self, theme)
    }
}

/// The title column keeps at least this many characters.
const TITLE_AT_LEAST: usize = 34;

/// A route as badges (`DIR✓ {FOU⏸ BFU✓ SOS✓} ØKE… BYR`, a parallel step in
/// braces), folded to `width` columns: the first bodies, then `+N` for the
/// rest.
fn route_badges(steps: &[Vec<(BodyId, Badge)>], width: usize, theme: &Theme) -> Vec<Span<'static>> {
    // Each body's badge, a parallel step's first and last with its brace.
    let route: Vec<(String, Badge)> = steps
        .iter()
        .flat_map(|step| {
            let last = step.len().saturating_sub(1);
            step.iter().enumerate().map(move |(i, (body, badge))| {
                let open = if i == 0 && last > 0 { "{" } else { "" };
                let close = if i == last && last > 0 { "}" } else { "" };
                (format!("{open}{body}{}{close}", badge.symbol()), *badge)
            })
        })
        .collect();
    let full: usize = route
        .iter()
        .map(|(text, _)| text.width() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, (text, badge)) in route.iter().enumerate() {
        let rest = route.len() - i - 1;
        // Room for this badge, and for the `+N` of the rest unless it is the last.
        let tail = if rest > 0 && full > width {
            format!(" +{rest}").width()
        } else {
            0
        };
        let gap = usize::from(i > 0);
        if full > width && used + gap + text.width() + tail > width {
            spans.push(Span::styled(format!(" +{}", route.len() - i), theme.dim()));
            break;
        }
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        used += gap + text.width();
        spans.push(Span::styled(text.clone(), badge_style(theme, *badge)));
    }
    spans
}

fn badge_style(theme: &Theme, badge: Badge) -> ratatui::style::Style {
    match badge {
        Badge::Approved => theme.good(),
        Badge::Stale => theme.warning(),
        Badge::Returned => theme.changed(),
        Badge::Pending => theme.warning(),
        Badge::Postponed => theme.changed(),
        Badge::Rejected => theme.error(),
        Badge::NotYet => theme.dim(),
    }
}

fn draw(frame: &mut Frame<'_>, area: Rect, state: &Overview, theme: &Theme) {
    let today = state.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let Some(workspace) = &state.workspace else {
        frame.render_widget(Paragraph::new(t(Msg::ReadingWorkspace)), area);
        return;
    };
    let [header, table_area, filter_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let items = state.visible_items();
    let title = format!(
        " {}",
        tf(
            match workspace.items.len() {
                1 => Msg::DocumentsShownOfOne,
                _ => Msg::DocumentsShown,
            },
            &[
                ("name", &inert(&workspace.name)),
                ("shown", &items.len()),
                ("total", &workspace.items.len())
            ]
        )
    );
    frame.render_widget(Paragraph::new(title).style(theme.title()), header);

    let wide = area.width >= 100;
    // The title comes first: a long route folds (`DIR✓ FOU… +6`) before a
    // title is cut, and names shorten ("A. K. H. Mikkelsen").
    // The time of the last change only where the title has room to spare.
    let with_time = area.width >= 140;
    let changed_width: u16 = if with_time { 16 } else { 10 };
    let author_width: u16 = if wide { 18 } else { 12 };
    let fixed = 2 + 8 + 5 + 3 + usize::from(changed_width + author_width) + 6;
    let route_max = (area.width as usize)
        .saturating_sub(fixed + TITLE_AT_LEAST)
        .max(8);
    // Each row's badges, folded once, for the column's width and the rows.
    let routes: Vec<Vec<Span<'static>>> = items
        .iter()
        .map(|i| route_badges(&i.route, route_max, theme))
        .collect();
    let route_width = routes
        .iter()
        .map(|r| r.iter().map(|s| s.content.width()).sum::<usize>())
        .max()
        .unwrap_or(5)
        .max(5) as u16;
    // What is left is the title's; a cut title ends in `…`.
    let title_width = (area.width as usize).saturating_sub(fixed + route_width as usize);
    let rows: Vec<Row<'_>> = items
        .iter()
        .zip(routes)
        .enumerate()
        .map(|(at, (item, route))| {
            // Only the title of the selected row is highlighted (with the ▶):
            // a whole highlighted row costs 300+ bytes to move over SSH.
            // Text kept in an autosave: marked before the title, so a cut
            // title never hides it.
            let unsaved = state.unsaved.contains(item.slug.as_str());
            // A work plan's actions past due (⚠) or due within two weeks (◷).
            let due = match crate::domain::due_counts(&item.open_dues, today) {
                (0, 0) => None,
                (0, soon) => Some((format!("◷{soon} "), theme.warning())),
                (overdue, _) => Some((format!("⚠{overdue} "), theme.error())),
            };
            let marks = usize::from(unsaved) * 2 + due.as_ref().map_or(0, |(t, _)| t.chars().count());
            let shown = crate::ui::widgets::cut(&inert(&item.title), title_width.saturating_sub(marks));
            let title = match at == state.selected {
                true => Span::styled(shown, theme.selected()),
                false => Span::raw(shown),
            };
            let mut spans = Vec::with_capacity(3);
            if unsaved {
                spans.push(Span::styled("✎ ", theme.warning()));
            }
            if let Some((text, style)) = due {
                spans.push(Span::styled(text, style));
            }
            spans.push(title);
            let title = Cell::from(Line::from(spans));
            let kind = Cell::from(t(match item.kind {
                crate::domain::Kind::Strategy => Msg::KindStrategy,
                crate::domain::Kind::Workplan => Msg::KindWorkplan,
                crate::domain::Kind::Charter => Msg::KindCharter,
            }));
            if !item.known {
                // Still reading its history: the route's bodies, no standing yet.
                let pending = Cell::from(Span::styled(format!("{:>5}", "…"), theme.dim()));
                return Row::new(vec![title, kind, pending, Cell::from(Line::from(route))]);
            }
            let mut cells = vec![
                title,
                kind,
                Cell::from(format!("{:>5}", item.draft)),
                Cell::from(Line::from(route)),
                Cell::from(format!("{:>3}", item.open_comments)),
            ];
            if with_time {
                cells.push(Cell::from(crate::lang::table_date(&item.date)));
            } else {
                cells.push(Cell::from(crate::lang::table_date(
                    item.date.get(..10).unwrap_or(""),
                )));
            }
            cells.push(Cell::from(crate::ui::widgets::short_name(
                &inert(&item.author),
                author_width as usize,
            )));
            Row::new(cells)
        })
        .collect();
    let widths = [
        Constraint::Min(18),
        Constraint::Length(8),
        Constraint::Length(5),
        Constraint::Length(route_width),
        Constraint::Length(3),
        Constraint::Length(changed_width),
        Constraint::Length(author_width),
    ];
    let header_row = Row::new(
        [
            Msg::ColumnTitle,
            Msg::ColumnKind,
            Msg::ColumnDraft,
            Msg::ColumnRoute,
            Msg::ColumnComments,
            Msg::ColumnChanged,
            Msg::ColumnAuthor,
        ]
        .map(t),
    )
    .style(theme.dim());
    let table = Table::new(rows, widths).header(header_row).highlight_symbol("▶ ");
    let mut table_state = TableState::default().with_selected((!items.is_empty()).then_some(state.selected));
    frame.render_stateful_widget(table, table_area, &mut table_state);

    let line = if state.filtering {
        Line::from(vec![
            Span::styled(t(Msg::FilterLabel), theme.title()),
            Span::raw(inert(&state.filter).into_owned()),
        ])
    } else if !state.filter.is_empty() {
        Line::from(vec![
            Span::styled(
                format!("{}{}", t(Msg::FilterLabel), inert(&state.filter)),
                theme.dim(),
            ),
            Span::styled(t(Msg::FilterKept), theme.dim()),
        ])
    } else if items.iter().any(|i| state.unsaved.contains(i.slug.as_str())) {
        Line::from(Span::styled(t(Msg::OverviewUnsavedHint), theme.warning()))
    } else if items.is_empty() {
        Line::from(Span::styled(t(Msg::OverviewEmpty), theme.dim()))
    } else {
        Line::from(Span::styled(t(Msg::OverviewHint), theme.dim()))
    };
    frame.render_widget(Paragraph::new(line), filter_area);
    if state.filtering {
        let x = filter_area.x + 8 + unicode_width::UnicodeWidthStr::width(state.filter.as_str()) as u16;
        frame.set_cursor_position((x.min(filter_area.right().saturating_sub(1)), filter_area.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_finds_danish_words_typed_without_accents() {
        assert_eq!(fold("Bæredygtighedsstrategi"), "baeredygtighedsstrategi");
        assert_eq!(fold("Åby"), "aaby");
        assert!(fold("Bæredygtighed").contains(&fold("baeredygtighed")));
        assert!(fold("Byrådets").contains(&fold("byraadets")));
    }
}
