//! Screen 4, review: the comment threads of one document, placed on the latest
//! draft (or on the editor's unsaved text, where Enter takes you) and sorted by
//! position; filter open / resolved / outdated / mine;
//! Enter jumps to the passage in the editor; reply; resolve or reopen. An
//! outdated thread is never hidden: it shows its original quote.

use crate::lang::{self, Msg, tf};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Effect, Effects, PromptKind, Screen};
use crate::diff::anchor::Placement;
use crate::domain::{Slug, ThreadStatus};
use crate::text::inert;
use crate::ui::actions::{Action, Context};
use crate::ui::jobs::{CommentRequest, PlacedThread, Request, Response, ThreadsView};
use crate::ui::theme::Theme;
use crate::ui::widgets::{cut, short_name};

/// The lines a new comment thread goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentTarget {
    pub slug: Slug,
    /// The draft the lines belong to, or the editor's text is based on.
    pub draft: u32,
    /// 1-based, inclusive.
    pub start: usize,
    pub end: usize,
    /// The lines are of the editor's unsaved text at this buffer version.
    pub buffer: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Open,
    Resolved,
    Outdated,
    Mine,
    All,
}

impl Filter {
    fn next(self) -> Filter {
        match self {
            Filter::Open => Filter::Resolved,
            Filter::Resolved => Filter::Outdated,
            Filter::Outdated => Filter::Mine,
            Filter::Mine => Filter::All,
            Filter::All => Filter::Open,
        }
    }
    fn name(self) -> &'static str {
        lang::t(match self {
            Filter::Open => Msg::RevOpen,
            Filter::Resolved => Msg::RevResolved,
            Filter::Outdated => Msg::RevOutdated,
            Filter::Mine => Msg::RevMine,
            Filter::All => Msg::RevAll,
        })
    }
}

pub struct ReviewState {
    pub slug: Slug,
    pub view: Option<ThreadsView>,
    pub error: Option<String>,
    pub selected: usize,
    pub filter: Filter,
    /// Select this thread when the threads arrive (opened from the editor).
    pub select_id: Option<String>,
}

/// Where a thread lands, as a reader would say it.
pub fn placement_label(t: &PlacedThread) -> String {
    let anchor = &t.thread.anchor;
    let range = |s: usize, e: usize| {
        if s == e {
            format!("{s}")
        } else {
            format!("{s}-{e}")
        }
    };
    match t.placement {
        Placement::Exact { start, end } => range(start, end),
        Placement::Edited { start, end } => tf(Msg::RevEdited, &[("range", &range(start, end))]),
        Placement::Outdated => tf(
            Msg::RevWas,
            &[("range", &range(anchor.start, anchor.end)), ("draft", &t.draft)],
        ),
    }
}

impl ReviewState {
    pub fn new(slug: Slug) -> ReviewState {
        ReviewState {
            slug,
            view: None,
            error: None,
            selected: 0,
            filter: Filter::Open,
            select_id: None,
        }
    }

    pub fn set_view(&mut self, view: ThreadsView) {
        self.view = Some(view);
        if let Some(id) = self.select_id.take() {
            self.filter = Filter::All;
            if let Some(i) = self.visible().iter().position(|t| t.thread.id == id) {
                self.selected = i;
            }
        }
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    pub fn visible(&self) -> Vec<&PlacedThread> {
        let Some(view) = &self.view else { return Vec::new() };
        view.threads
            .iter()
            .filter(|t| match self.filter {
                Filter::Open => t.thread.status == ThreadStatus::Open,
                Filter::Resolved => t.thread.status == ThreadStatus::Resolved,
                Filter::Outdated => t.placement == Placement::Outdated,
                Filter::Mine => t
                    .thread
                    .messages
                    .iter()
                    .any(|m| m.email.eq_ignore_ascii_case(&view.me)),
                Filter::All => true,
            })
            .collect()
    }

    pub fn selected(&self) -> Option<&PlacedThread> {
        self.visible().get(self.selected).copied()
    }

    fn draw_screen(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let Some(view) = &self.view else {
            let text = self
                .error
                .clone()
                .unwrap_or_else(|| lang::t(Msg::RevReading).into());
            frame.render_widget(Paragraph::new(inert(&text).into_owned()), area);
            return;
        };
        let [head, list_area, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Percentage(45),
            Constraint::Min(4),
        ])
        .areas(area);
        let visible = self.visible();
        let open = view
            .threads
            .iter()
            .filter(|t| t.thread.status == ThreadStatus::Open)
            .count();
        let all = view.threads.len();
        let spans = vec![
            Span::styled(
                tf(
                    if all == 1 {
                        Msg::RevHeadOne
                    } else {
                        Msg::RevHeadMany
                    },
                    &[("slug", &self.slug), ("open", &open), ("all", &all)],
                ),
                theme.title(),
            ),
            Span::styled(tf(Msg::RevKeys, &[("filter", &self.filter.name())]), theme.dim()),
        ];
        frame.render_widget(
            Paragraph::new(Line::from(crate::ui::widgets::cut_spans(
                spans,
                head.width as usize,
            ))),
            head,
        );
        // The location column is as wide as its longest entry ("outdated
        // (was 69-71 in draft 2)"), the name shortens, and the message takes
        // the rest, cut with `…` (the panel below shows it whole).
        let loc_width = visible
            .iter()
            .map(|t| placement_label(t).width())
            .max()
            .unwrap_or(4)
            .clamp(4, (area.width / 3) as usize);
        let mut items: Vec<ListItem<'_>> = visible
            .iter()
            .map(|t| {
                let first = t.thread.messages.first();
                let status = match t.thread.status {
                    ThreadStatus::Open => Span::styled(lang::t(Msg::RevStatusOpen), theme.warning()),
                    ThreadStatus::Resolved => Span::styled(lang::t(Msg::RevStatusResolved), theme.good()),
                };
                let place_style = if t.placement == Placement::Outdated {
                    theme.error()
                } else {
                    theme.title()
                };
                let replies = t.thread.messages.len().saturating_sub(1);
                let replies = match replies {
                    0 => String::new(),
                    1 => lang::t(Msg::RevOneReply).to_string(),
                    n => tf(Msg::RevReplies, &[("n", &n)]),
                };
                let place = cut(&placement_label(t), loc_width);
                let author = format!(
                    "{}: ",
                    short_name(&inert(first.map(|m| m.author.as_str()).unwrap_or("")), 18)
                );
                let used = 1 + loc_width + 1 + 11 + author.width() + replies.width();
                let text = inert(&first.map(|m| m.text.replace('\n', " ")).unwrap_or_default()).into_owned();
                ListItem::new(Line::from(vec![
                    Span::styled(format!(" {place:<loc_width$} "), place_style),
                    status,
                    Span::raw(author),
                    Span::styled(
                        cut(&text, (area.width as usize).saturating_sub(used + 2)),
                        Style::new(),
                    ),
                    Span::styled(replies, theme.dim()),
                ]))
            })
            .collect();
        for p in &view.problems {
            items.push(ListItem::new(Line::from(Span::styled(
                format!(" ⚠ {}", inert(p)),
                theme.error(),
            ))));
        }
        if visible.is_empty() && view.problems.is_empty() {
            items.push(ListItem::new(Line::from(Span::styled(
                tf(Msg::RevNone, &[("filter", &self.filter.name())]),
                theme.dim(),
            ))));
        }
        let mut state = ListState::default().with_selected((!visible.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(Block::default().borders(Borders::BOTTOM))
                .highlight_style(theme.selected()),
            list_area,
            &mut state,
        );
        let Some(t) = self.selected() else { return };
        let anchor = &t.thread.anchor;
        let mut lines = vec![Line::from(vec![
            Span::styled(
                format!(" {} ", inert(&anchor.section.join(" › "))),
                theme.heading(),
            ),
            Span::styled(
                tf(
                    Msg::RevWhere,
                    &[
                        ("draft", &t.draft),
                        ("start", &anchor.start),
                        ("end", &anchor.end),
                        ("id", &t.short),
                    ],
                ),
                theme.dim(),
            ),
        ])];
        for quoted in anchor.quote.lines().take(6) {
            lines.push(Line::from(Span::styled(
                format!(" │ {}", inert(quoted)),
                theme.dim(),
            )));
        }
        for m in &t.thread.messages {
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(format!(" {}", inert(&m.author)), theme.title()),
                Span::styled(format!("  {}", m.time.replace('T', " ")), theme.dim()),
            ]));
            for l in m.text.lines() {
                lines.push(Line::raw(format!("   {}", inert(l))));
            }
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), detail);
    }
}

impl Screen for ReviewState {
    fn context(&self) -> Context {
        Context::Review
    }

    fn slug(&self) -> Option<&Slug> {
        Some(&self.slug)
    }

    fn act(&mut self, action: Action, fx: &mut Effects) -> bool {
        let len = self.visible().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = len.saturating_sub(1),
            Action::Filter => {
                self.filter = self.filter.next();
                self.selected = 0;
            }
            // Enter on a thread: its passage in the editor.
            Action::Open => match self.selected().map(|t| t.placement.lines()) {
                Some(Some((line, _))) => fx.push(Effect::Edit {
                    slug: self.slug.clone(),
                    line: Some(line),
                }),
                Some(None) => fx.error(lang::t(Msg::RevGone)),
                None => {}
            },
            Action::Reply => {
                if let Some(t) = self.selected() {
                    fx.prompt(PromptKind::Reply(t.thread.id.clone()));
                }
            }
            // Resolving asks for an optional closing word; reopening does not.
            Action::ResolveToggle => match self.selected() {
                Some(t) if t.thread.status == ThreadStatus::Open => {
                    fx.prompt(PromptKind::Resolve(t.thread.id.clone()));
                }
                Some(t) => {
                    let request = CommentRequest::Reopen {
                        id: t.thread.id.clone(),
                    };
                    fx.request(Request::Comment(self.slug.clone(), request));
                }
                None => {}
            },
            _ => return false,
        }
        true
    }

    fn answer(&mut self, response: &Response, _fx: &mut Effects) {
        if let Response::Threads(slug, result) = response
            && *slug == self.slug
        {
            match result {
                Ok(view) => self.set_view(view.clone()),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }

    fn prompt_done(&mut self, kind: PromptKind, input: String, fx: &mut Effects) {
        match kind {
            PromptKind::Reply(_) if input.trim().is_empty() => fx.error(lang::t(Msg::RevEmptyReply)),
            PromptKind::Reply(id) => {
                let request = Request::Comment(self.slug.clone(), CommentRequest::Reply { id, text: input });
                fx.job(request, lang::t(Msg::RevSavingReply));
            }
            PromptKind::Resolve(id) => {
                let text = (!input.trim().is_empty()).then_some(input);
                let request = Request::Comment(self.slug.clone(), CommentRequest::Resolve { id, text });
                fx.job(request, lang::t(Msg::RevResolving));
            }
            _ => {}
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        self.draw_screen(frame, area, theme)
    }
}
