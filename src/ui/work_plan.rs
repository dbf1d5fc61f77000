//! A work plan's actions in the TUI: a table of them over the editor
//! (Alt-A), where Enter edits the selected action in a form, `a` adds one
//! and `x` removes one. Each change is a draft of the document, made by the
//! worker as `udkast action` makes it.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState};

use super::theme::Theme;
use super::widgets::{self, typed};
use crate::domain::{Action, ActionStatus, Slug, parse_meeting_date};
use crate::lang::{Msg, t, tf};
use crate::text::inert;
use crate::usecase::{ActionChange, ActionFields};

/// The table of actions, and the form or question open over it.
#[derive(Debug, Clone)]
pub struct Panel {
    pub slug: Slug,
    /// `None` until the worker has read them.
    pub actions: Option<Vec<Action>>,
    pub selected: usize,
    pub form: Option<Form>,
    /// The action `x` asked to remove, waiting for `y`.
    pub removing: Option<u32>,
    /// A change sent to the worker and not answered yet.
    pub saving: bool,
    pub error: Option<String>,
}

/// One action's fields being typed: a new one when `id` is `None`.
#[derive(Debug, Clone)]
pub struct Form {
    pub id: Option<u32>,
    pub field: usize,
    /// Title, owner, due, budget, sections (apart by `;`); the status is `status`.
    pub texts: [String; 5],
    pub status: usize,
}

const FIELDS: [Msg; 6] = [
    Msg::ActionColumnTitle,
    Msg::ActionColumnOwner,
    Msg::ActionColumnDue,
    Msg::ActionColumnStatus,
    Msg::ActionColumnBudget,
    Msg::ActionFieldSections,
];

/// The status's place in [`FIELDS`], chosen with ←/→ rather than typed.
const STATUS_FIELD: usize = 3;

/// What a key asks of the app.
pub enum Step {
    Stay,
    Close,
    /// Make this change as a draft; the panel stays open, saving.
    Change(ActionChange),
}

impl Panel {
    pub fn new(slug: Slug) -> Panel {
        Panel {
            slug,
            actions: None,
            selected: 0,
            form: None,
            removing: None,
            saving: false,
            error: None,
        }
    }

    /// The worker's answer: the actions now, or why they could not be read
    /// or changed. A change made closes the form.
    pub fn answer(&mut self, result: Result<Vec<Action>, String>, changed: bool) {
        self.saving = false;
        match result {
            Ok(actions) => {
                self.selected = self.selected.min(actions.len().saturating_sub(1));
                self.actions = Some(actions);
                if changed {
                    self.form = None;
                }
                self.error = None;
            }
            Err(e) => self.error = Some(widgets::upper_first(&e)),
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> Step {
        if self.saving {
            // One change at a time; Esc still closes (the draft is made anyway).
            return match key.code {
                KeyCode::Esc => Step::Close,
                _ => Step::Stay,
            };
        }
        if let Some(id) = self.removing.take() {
            return match key.code {
                KeyCode::Char('y') => self.send(ActionChange::Remove(id)),
                _ => Step::Stay,
            };
        }
        if self.form.is_some() {
            return self.form_key(key);
        }
        let actions = self.actions.as_deref().unwrap_or_default();
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return Step::Close,
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(actions.len().saturating_sub(1));
            }
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Enter => match actions.get(self.selected) {
                Some(action) => self.form = Some(Form::of(action)),
                None => self.error = Some(t(Msg::ActionsNone).into()),
            },
            KeyCode::Char('a') if self.actions.is_some() => self.form = Some(Form::new()),
            KeyCode::Char('x') | KeyCode::Delete => {
                self.removing = actions.get(self.selected).map(|a| a.id);
            }
            _ => {}
        }
        Step::Stay
    }

    fn send(&mut self, change: ActionChange) -> Step {
        self.saving = true;
        self.error = None;
        Step::Change(change)
    }

    fn form_key(&mut self, key: KeyEvent) -> Step {
        let Some(form) = self.form.as_mut() else {
            return Step::Stay;
        };
        let typing = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let statuses = ActionStatus::ALL.len();
        match key.code {
            KeyCode::Esc => {
                self.form = None;
                self.error = None;
            }
            KeyCode::Tab | KeyCode::Down => form.field = (form.field + 1) % FIELDS.len(),
            KeyCode::BackTab | KeyCode::Up => form.field = (form.field + FIELDS.len() - 1) % FIELDS.len(),
            KeyCode::Right | KeyCode::Char(' ') if form.field == STATUS_FIELD => {
                form.status = (form.status + 1) % statuses;
            }
            KeyCode::Left if form.field == STATUS_FIELD => {
                form.status = (form.status + statuses - 1) % statuses
            }
            KeyCode::Char('u')
                if key.modifiers.contains(KeyModifiers::CONTROL) && form.field != STATUS_FIELD =>
            {
                form.text_mut().clear();
            }
            KeyCode::Backspace if form.field != STATUS_FIELD => {
                form.text_mut().pop();
            }
            KeyCode::Char(c) if typing && form.field != STATUS_FIELD => form.text_mut().push(c),
            KeyCode::Enter => match form.change() {
                Ok(change) => return self.send(change),
                Err((field, e)) => {
                    form.field = field;
                    self.error = Some(e);
                }
            },
            _ => {}
        }
        Step::Stay
    }

    /// Pasted text goes into the form's field, as one line.
    pub fn paste(&mut self, text: &str) {
        if let Some(form) = self.form.as_mut().filter(|f| f.field != STATUS_FIELD) {
            form.text_mut().push_str(&typed::lf(text).replace('\n', " "));
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme, title: &str) {
        let width = area.width.saturating_sub(4).min(110);
        let rows = self.actions.as_ref().map_or(1, Vec::len) as u16;
        let form_rows = if self.form.is_some() {
            FIELDS.len() as u16 + 1
        } else {
            0
        };
        let rect = widgets::centered(
            area,
            width,
            (rows + form_rows + 5).min(area.height.saturating_sub(2)),
        );
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tf(Msg::ActionsOf, &[("title", &inert(title))]))
            .border_style(theme.warning());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let footer_rows = 1 + form_rows;
        let table_area = Rect {
            height: inner.height.saturating_sub(footer_rows),
            ..inner
        };
        let Some(actions) = &self.actions else {
            let text = self
                .error
                .clone()
                .unwrap_or_else(|| t(Msg::ActionsReading).into());
            frame.render_widget(Paragraph::new(inert(&text).into_owned()), inner);
            return;
        };
        let header = Row::new(
            std::iter::once("#").chain(
                [
                    Msg::ActionColumnTitle,
                    Msg::ActionColumnOwner,
                    Msg::ActionColumnDue,
                    Msg::ActionColumnStatus,
                    Msg::ActionColumnBudget,
                ]
                .map(t),
            ),
        )
        .style(theme.dim());
        let table_rows: Vec<Row<'_>> = actions
            .iter()
            .map(|a| {
                Row::new(vec![
                    Cell::from(a.id.to_string()),
                    Cell::from(inert(&a.title).into_owned()),
                    Cell::from(inert(&a.owner).into_owned()),
                    Cell::from(
                        a.due
                            .map(|d| d.strftime("%d-%m-%Y").to_string())
                            .unwrap_or_default(),
                    ),
                    Cell::from(a.status.label_da()),
                    Cell::from(inert(a.budget.as_deref().unwrap_or("")).into_owned()),
                ])
            })
            .collect();
        let widths = [
            Constraint::Length(3),
            Constraint::Fill(3),
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(12),
            Constraint::Fill(1),
        ];
        let mut state = TableState::default().with_selected((!actions.is_empty()).then_some(self.selected));
        let table = Table::new(table_rows, widths)
            .header(header)
            .row_highlight_style(theme.selected())
            .highlight_symbol("▶");
        frame.render_stateful_widget(table, table_area, &mut state);

        let mut lines: Vec<Line<'_>> = Vec::new();
        if let Some(form) = &self.form {
            lines.extend(form.lines(theme));
        }
        let removing = self.removing.and_then(|id| actions.iter().find(|a| a.id == id));
        lines.push(match (removing, &self.error, self.saving, &self.form) {
            (Some(a), ..) => Line::from(Span::styled(
                tf(
                    Msg::ActionRemoveAsk,
                    &[("id", &a.id), ("title", &inert(&a.title))],
                ),
                theme.warning(),
            )),
            (None, Some(e), ..) => Line::from(Span::styled(format!(" {}", inert(e)), theme.error())),
            (None, None, true, _) => Line::from(Span::styled(t(Msg::ActionSaving), theme.dim())),
            (None, None, false, Some(_)) => Line::from(Span::styled(t(Msg::ActionFormHint), theme.dim())),
            (None, None, false, None) => Line::from(Span::styled(t(Msg::ActionListHint), theme.dim())),
        });
        let footer = Rect {
            y: inner.bottom().saturating_sub(footer_rows),
            height: footer_rows.min(inner.height),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), footer);
        if let Some(form) = self.form.as_ref().filter(|f| f.field != STATUS_FIELD) {
            let typed = unicode_width::UnicodeWidthStr::width(inert(form.text()).as_ref()) as u16;
            let x = (footer.x + LABEL as u16 + 1 + typed).min(footer.right().saturating_sub(1));
            frame.set_cursor_position((x, footer.y + 1 + form.field as u16));
        }
    }
}

/// The columns of a form field's label.
const LABEL: usize = 10;

impl Form {
    fn new() -> Form {
        Form {
            id: None,
            field: 0,
            texts: Default::default(),
            status: 0,
        }
    }

    fn of(action: &Action) -> Form {
        Form {
            id: Some(action.id),
            field: 0,
            texts: [
                action.title.clone(),
                action.owner.clone(),
                action
                    .due
                    .map(|d| d.strftime("%d-%m-%Y").to_string())
                    .unwrap_or_default(),
                action.budget.clone().unwrap_or_default(),
                action.sections.join("; "),
            ],
            status: ActionStatus::ALL
                .iter()
                .position(|s| *s == action.status)
                .unwrap_or(0),
        }
    }

    /// The text of the field with the focus (not the status).
    fn slot(&self) -> usize {
        match self.field {
            f if f < STATUS_FIELD => f,
            f => f - 1,
        }
    }

    fn text(&self) -> &str {
        &self.texts[self.slot()]
    }

    fn text_mut(&mut self) -> &mut String {
        let slot = self.slot();
        &mut self.texts[slot]
    }

    /// The change the fields ask for, or the field that is wrong and why.
    fn change(&self) -> Result<ActionChange, (usize, String)> {
        let [title, owner, due, budget, sections] = &self.texts;
        if title.trim().is_empty() {
            return Err((0, t(Msg::ActionNeedsTitle).into()));
        }
        let due = match due.trim() {
            "" => None,
            typed => Some(parse_meeting_date(typed).map_err(|e| (2, widgets::upper_first(&e.to_string())))?),
        };
        let fields = ActionFields {
            title: Some(title.clone()),
            // A new action without an owner is the user's.
            owner: (self.id.is_some() || !owner.trim().is_empty()).then(|| owner.clone()),
            due: Some(due),
            status: Some(ActionStatus::ALL[self.status]),
            budget: Some(budget.clone()),
            sections: Some(sections.split(';').map(str::to_string).collect()),
        };
        Ok(match self.id {
            Some(id) => ActionChange::Set(id, fields),
            None => ActionChange::Add(fields),
        })
    }

    fn lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines = vec![Line::from(Span::styled(
            match self.id {
                Some(id) => tf(Msg::ActionNumber, &[("id", &id)]),
                None => t(Msg::ActionNew).to_string(),
            },
            theme.title(),
        ))];
        for (i, label) in FIELDS.iter().enumerate() {
            let value = match i {
                STATUS_FIELD => {
                    let status = ActionStatus::ALL[self.status];
                    match crate::lang::current() {
                        crate::lang::Lang::Da => format!("‹ {} ›", status.label_da()),
                        crate::lang::Lang::En => format!("‹ {} ({}) ›", status.label_da(), status.as_str()),
                    }
                }
                i if i < STATUS_FIELD => inert(&self.texts[i]).into_owned(),
                i => inert(&self.texts[i - 1]).into_owned(),
            };
            let focus = i == self.field;
            let style = if focus { theme.selected() } else { Style::new() };
            let marker = if focus { "▶" } else { " " };
            lines.push(Line::from(vec![
                Span::styled(format!("{marker}{:<LABEL$}", t(*label)), theme.title()),
                Span::styled(value, style),
            ]));
        }
        lines
    }
}
