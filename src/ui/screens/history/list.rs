//! The history's list of drafts: how wide it is and how its columns share
//! that width. The list is as wide as its rows need, up to a share of the
//! screen; within it the columns go by priority, so a long author name never
//! pushes the draft's message out of view: the number first, then the
//! message (at least [`MESSAGE`] columns), the decisions and tags, the
//! author (shortening down to initials, `widgets::short_name`, alike on
//! each of their rows), the date, and then the rest of the message.

use crate::lang::{Msg, tf};
use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};
use unicode_width::UnicodeWidthStr;

use super::HistoryState;
use crate::text::inert;
use crate::ui::jobs::HistoryEntry;
use crate::ui::theme::Theme;
use crate::ui::widgets::{cut, short_name};

/// Columns a draft's message keeps before the author's name gives way (but
/// for the name's initials, four of them).
const MESSAGE: usize = 20;
/// The most an author's name takes ("A. K. H. Mikkelsen"): the rest of a
/// row goes to the message.
const NAME: usize = 18;
/// "2025-05-20 ".
const DATE: usize = 11;

/// One row of the list as it is drawn.
struct Parts {
    number: String,
    date: Option<String>,
    name: Option<String>,
    badges: Vec<String>,
    message: String,
}

impl HistoryState {
    /// The list's width in an area `width` columns wide: what its rows need
    /// (and its title), up to 9/20 of the width (36 columns at 80, 54 at
    /// 120); none when hidden.
    pub(super) fn list_width(&self, width: u16) -> u16 {
        if self.list_hidden {
            return 0;
        }
        let cap = (width as usize * 9 / 20).clamp(24, 64);
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let (number, badges) = (self.number(e), badges(e));
                number.width()
                    + DATE
                    + inert(e.author.trim()).width().min(NAME)
                    + 1
                    + badges.iter().map(|b| b.width()).sum::<usize>()
                    + inert(&e.summary).width()
            })
            .max()
            .unwrap_or(0);
        // Two more columns: the marker of the marked draft and the border.
        (rows.max(self.list_title().width()) + 2).min(cap) as u16
    }

    fn number(&self, e: &HistoryEntry) -> String {
        match self.provisional {
            true => "  … ".to_string(),
            false => format!("{:>3} ", e.number),
        }
    }

    fn list_title(&self) -> String {
        match (self.loaded, self.provisional) {
            (true, _) => tf(
                Msg::HistListTitle,
                &[("slug", &self.slug), ("n", &self.entries.len())],
            ),
            (false, true) => tf(
                Msg::HistListSoFar,
                &[("slug", &self.slug), ("n", &self.entries.len())],
            ),
            (false, false) => tf(Msg::HistListReading, &[("slug", &self.slug)]),
        }
    }

    /// Whether the dates fit: beside every message's first [`MESSAGE`]
    /// columns, its badges and its author's initials.
    fn dates_fit(&self, width: usize) -> bool {
        self.entries.iter().all(|e| {
            let least = self.number(e).width()
                + badges(e).iter().map(|b| b.width()).sum::<usize>()
                + inert(&e.summary).width().min(MESSAGE)
                + initials(&e.author)
                + 1;
            least + DATE <= width
        })
    }

    /// Columns before an entry's name and message: its number, date and badges.
    fn taken(&self, e: &HistoryEntry, dates: bool) -> usize {
        self.number(e).width()
            + if dates { DATE } else { 0 }
            + badges(e).iter().map(|b| b.width()).sum::<usize>()
    }

    /// The columns an entry's author may take in a row `width` wide: what
    /// the message's first columns leave, without the name's space; for
    /// initials the message gives up a few of them. 0: no room for a name.
    fn name_room(&self, e: &HistoryEntry, width: usize, dates: bool) -> usize {
        let taken = self.taken(e, dates);
        let summary = inert(&e.summary).width();
        let room = |message: usize| width.saturating_sub(taken + summary.min(message) + 1).min(NAME);
        let least = initials(&e.author);
        match (room(MESSAGE), room(MESSAGE - 4)) {
            (room, _) if room >= least => room,
            (_, room) if room >= least => room,
            _ => 0,
        }
    }

    /// The parts of an entry's row in `width` columns (without the marker),
    /// its author's name in at most `name` columns.
    fn parts(&self, e: &HistoryEntry, width: usize, dates: bool, name: usize) -> Parts {
        let name = (name > 0)
            .then(|| short_name(&inert(&e.author), name))
            .filter(|n| !n.is_empty())
            .map(|n| format!("{n} "));
        let left = width.saturating_sub(self.taken(e, dates) + name.as_ref().map_or(0, |n| n.width()));
        Parts {
            number: self.number(e),
            date: dates.then(|| {
                format!(
                    "{} ",
                    crate::lang::table_date(e.date.get(..10).unwrap_or(&e.date))
                )
            }),
            name,
            badges: badges(e),
            message: cut(&inert(&e.summary), left),
        }
    }

    pub(super) fn draw_list(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        // The right border takes a column; the marker of the chosen draft one.
        let width = (area.width as usize).saturating_sub(2);
        let dates = self.dates_fit(width);
        // A person is named alike on every row: as short as on their
        // tightest row.
        let mut names: HashMap<&str, usize> = HashMap::new();
        for e in &self.entries {
            let room = self.name_room(e, width, dates);
            names
                .entry(e.author.as_str())
                .and_modify(|r| *r = (*r).min(room))
                .or_insert(room);
        }
        let items: Vec<ListItem<'_>> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mark = if self.marked == Some(i) { "●" } else { " " };
                let name = names.get(e.author.as_str()).copied().unwrap_or(0);
                let parts = self.parts(e, width, dates, name);
                let mut spans = vec![Span::styled(format!("{mark}{}", parts.number), theme.title())];
                if let Some(date) = parts.date {
                    spans.push(Span::styled(date, theme.dim()));
                }
                if let Some(name) = parts.name {
                    spans.push(Span::raw(name));
                }
                for badge in parts.badges {
                    let style = match badge.starts_with('[') {
                        true => theme.good(),
                        false => theme.warning(),
                    };
                    spans.push(Span::styled(badge, style));
                }
                spans.push(Span::styled(parts.message, theme.dim()));
                ListItem::new(Line::from(spans))
            })
            .collect();
        let list = List::new(items)
            .block(Block::default().borders(Borders::RIGHT).title(self.list_title()))
            .highlight_style(theme.selected());
        let mut state =
            ListState::default().with_selected((!self.entries.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(list, area, &mut state);
    }
}

/// An entry's tags (`[v1] `) and its bodies' decisions (`DIR ✓ `), each with its space.
fn badges(e: &HistoryEntry) -> Vec<String> {
    let mut out: Vec<String> = e.labels.iter().map(|l| format!("[{}] ", inert(l))).collect();
    if !e.decisions.is_empty() {
        out.push(format!("{} ", inert(&e.decisions.join(" "))));
    }
    out
}

/// Columns of a name's initials ("AKHM"), the least it shortens to.
fn initials(name: &str) -> usize {
    name.split_whitespace().count().max(2)
}
