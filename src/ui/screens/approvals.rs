//! Screen 5, approvals: the drafts × bodies matrix of one document, like the
//! body row of a real agenda item, each body's standing (an approval of an older
//! draft is marked stale), the decisions on the selected draft with their text,
//! and a form to record a decision. Leads can also tag the approved version.

use crate::lang::{Msg, t, tf};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::history::Special;
use super::{Effect, Effects, ExportPlan, Screen};
use crate::domain::{Outcome, Slug};
use crate::store::DecisionInput;
use crate::text::inert;
use crate::ui::actions::{Action, Context};
use crate::ui::jobs::{ApprovalsView, Request, Response};
use crate::ui::theme::Theme;
use crate::ui::widgets::typed;
use crate::usecase::Since;

/// The record-a-decision form.
#[derive(Debug, Clone)]
pub struct DecisionForm {
    pub draft: u32,
    pub body: usize,
    pub outcome: usize,
    pub field: usize,
    /// Date, item, case, recommendation, changes owed (apart by `;`), text.
    pub texts: [String; 6],
    pub error: Option<String>,
    /// The checked decision, shown in words for a last look before it is
    /// recorded (Enter records, Esc goes back to the fields).
    pub confirming: Option<DecisionInput>,
}

/// The decision text's place in [`FIELDS`]: the one field of several lines.
const TEXT_FIELD: usize = 7;

/// The changes owed's place in [`FIELDS`]: one line, changes apart by `;`.
const OWED_FIELD: usize = 6;

/// How many rows of the decision text the form shows; more scroll.
const TEXT_ROWS: usize = 6;

const FIELDS: [Msg; 8] = [
    Msg::ApprFieldBody,
    Msg::ApprFieldOutcome,
    Msg::ApprFieldMeeting,
    Msg::ApprFieldItem,
    Msg::ApprFieldCase,
    Msg::ApprFieldRecommendation,
    Msg::ApprFieldOwed,
    Msg::ApprFieldText,
];

pub struct ApprovalsState {
    pub slug: Slug,
    pub view: Option<ApprovalsView>,
    pub error: Option<String>,
    pub row: usize,
    pub col: usize,
    pub form: Option<DecisionForm>,
    /// Tagging this draft waits for a yes.
    pub confirm_tag: Option<u32>,
    /// How far the decisions on the selected draft are scrolled.
    pub detail_scroll: u16,
}

/// What a key in the form asks for.
enum FormOutcome {
    Stay,
    Cancel,
    Submit(DecisionInput),
}

impl ApprovalsState {
    pub fn new(slug: Slug) -> ApprovalsState {
        ApprovalsState {
            slug,
            view: None,
            error: None,
            row: 0,
            col: 0,
            form: None,
            confirm_tag: None,
            detail_scroll: 0,
        }
    }

    pub fn set_view(&mut self, view: ApprovalsView) {
        self.row = self.row.min(view.status.rows.len().saturating_sub(1));
        self.col = self.col.min(view.status.columns.len().saturating_sub(1));
        self.view = Some(view);
    }

    /// The selected draft's number, if any.
    pub fn selected_draft(&self) -> Option<u32> {
        self.view.as_ref()?.status.rows.get(self.row).map(|r| r.draft)
    }

    /// The selected draft's commit, if any.
    pub fn selected_commit(&self) -> Option<String> {
        self.view
            .as_ref()?
            .status
            .rows
            .get(self.row)
            .map(|r| r.commit.clone())
    }

    /// Opens the form for the selected draft and body.
    fn open_form(&mut self, today: Date) -> Result<(), String> {
        let view = self.view.as_ref().ok_or(t(Msg::ApprStillReading))?;
        if !view.is_lead {
            return Err(t(Msg::ApprOnlyLeadsDecide).into());
        }
        let draft = self.selected_draft().ok_or(t(Msg::ApprNoDrafts))?;
        self.form = Some(DecisionForm {
            draft,
            body: self.col,
            outcome: 0,
            field: 0,
            texts: [
                crate::lang::table_date(&today.to_string()),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            error: None,
            confirming: None,
        });
        Ok(())
    }

    fn form_key(&mut self, key: KeyEvent) -> FormOutcome {
        let columns = self
            .view
            .as_ref()
            .map(|v| v.status.columns.clone())
            .unwrap_or_default();
        let Some(form) = self.form.as_mut() else {
            return FormOutcome::Cancel;
        };
        if let Some(input) = form.confirming.take() {
            return match key.code {
                KeyCode::Enter | KeyCode::Char('y') => FormOutcome::Submit(input),
                _ => FormOutcome::Stay,
            };
        }
        let cycle = |value: &mut usize, len: usize, forward: bool| {
            *value = if forward {
                (*value + 1) % len.max(1)
            } else {
                (*value + len.max(1) - 1) % len.max(1)
            };
        };
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Tab | KeyCode::Down => form.field = (form.field + 1) % FIELDS.len(),
            KeyCode::BackTab | KeyCode::Up => form.field = (form.field + FIELDS.len() - 1) % FIELDS.len(),
            KeyCode::Left | KeyCode::Right if form.field < 2 => {
                let forward = key.code == KeyCode::Right;
                if form.field == 0 {
                    cycle(&mut form.body, columns.len(), forward);
                } else {
                    cycle(&mut form.outcome, Outcome::ALL.len(), forward);
                }
            }
            KeyCode::Char(' ') if form.field < 2 => {
                if form.field == 0 {
                    cycle(&mut form.body, columns.len(), true);
                } else {
                    cycle(&mut form.outcome, Outcome::ALL.len(), true);
                }
            }
            // The decision text may have several lines.
            _ if form.field == TEXT_FIELD && typed::is_newline(&key) => form.texts[5].push('\n'),
            KeyCode::Backspace if form.field >= 2 => {
                form.texts[form.field - 2].pop();
            }
            KeyCode::Char(c)
                if form.field >= 2
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                form.texts[form.field - 2].push(c)
            }
            KeyCode::Enter => {
                let meeting = match crate::domain::parse_meeting_date(&form.texts[0]) {
                    Ok(meeting) => meeting,
                    Err(e) => {
                        form.error = Some(crate::ui::widgets::upper_first(&e.to_string()));
                        form.field = 2;
                        return FormOutcome::Stay;
                    }
                };
                // A year typed wrong would stand in the record: a date more
                // than a year ahead is taken when Enter is pressed again.
                let far = tf(
                    Msg::ApprFarAhead,
                    &[("date", &crate::lang::long_date(&meeting.to_string()))],
                );
                let far_ahead = crate::domain::far_ahead(meeting, jiff::Zoned::now().date());
                if far_ahead && form.error.as_deref() != Some(far.as_str()) {
                    form.error = Some(far);
                    form.field = 2;
                    return FormOutcome::Stay;
                }
                let Some(body) = columns.get(form.body) else {
                    form.error = Some(t(Msg::ApprNoBodies).into());
                    return FormOutcome::Stay;
                };
                let optional = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
                let input = DecisionInput {
                    draft: form.draft,
                    body: body.0.clone(),
                    outcome: Outcome::ALL[form.outcome],
                    meeting,
                    item: optional(&form.texts[1]),
                    case: optional(&form.texts[2]),
                    text: optional(&form.texts[5]),
                    recommendation: optional(&form.texts[3]),
                    changes_owed: form.texts[4].split(';').filter_map(optional).collect(),
                    withdraws: None,
                };
                if let Err(e) = crate::domain::Decision::check_input(&input.typed()) {
                    form.error = Some(e.to_string());
                    return FormOutcome::Stay;
                }
                form.error = None;
                form.confirming = Some(input);
            }
            _ => {}
        }
        FormOutcome::Stay
    }

    fn draw_screen(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        let Some(view) = &self.view else {
            let text = self.error.clone().unwrap_or_else(|| t(Msg::ApprReading).into());
            frame.render_widget(Paragraph::new(inert(&text).into_owned()), area);
            return;
        };
        let status = &view.status;
        let owed = status.changes_owed();
        // A line for each body, "Next:", each change owed and problem, the rule.
        let standing_height = (status.bodies.len() + owed.len() + view.problems.len()) as u16 + 2;
        // The decisions give up rows (down to 3) before the standing does.
        let detail_height = area.height.saturating_sub(1 + standing_height + 4).clamp(3, 8);
        let [head, standings, matrix, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(standing_height),
            Constraint::Min(4),
            Constraint::Length(detail_height),
        ])
        .areas(area);
        let lead = if view.is_lead { t(Msg::ApprLeadKeys) } else { "" };
        frame.render_widget(
            Paragraph::new(Line::from(crate::ui::widgets::cut_spans(
                vec![
                    Span::styled(
                        format!(" {} — {}", inert(&view.title), status.route),
                        theme.title(),
                    ),
                    Span::styled(tf(Msg::ApprKeys, &[("lead", &lead)]), theme.dim()),
                ],
                head.width as usize,
            ))),
            head,
        );
        let current = status.current.as_ref().map(|c| c.number);
        // The standing comes first: a body's name shortens before it is cut.
        let standing_width = status
            .bodies
            .iter()
            .map(|b| unicode_width::UnicodeWidthStr::width(b.standing.describe(current).as_str()))
            .max()
            .unwrap_or(0);
        let room = (area.width as usize).saturating_sub(6 + standing_width);
        let name_width = view
            .names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0)
            .min(36)
            .min(room.saturating_sub(2))
            .max(8)
            + 2;
        let fit = |name: &str| format!("{:<name_width$}", crate::ui::widgets::cut(name, name_width - 2));
        let mut lines: Vec<Line<'_>> = status
            .bodies
            .iter()
            .zip(&view.names)
            .map(|(b, name)| {
                let style = match b.standing {
                    s if s.is_stale() => theme.warning(),
                    crate::domain::Standing::Approved { .. } | crate::domain::Standing::Adopted { .. } => {
                        theme.good()
                    }
                    crate::domain::Standing::Rejected { .. } => theme.error(),
                    _ => Style::new(),
                };
                // A parallel step's bodies bracketed together.
                let group = match b.step.map(|s| status.route.steps()[s].as_slice()) {
                    Some(step) if step.len() > 1 && step.first() == Some(&b.body) => "┌",
                    Some(step) if step.len() > 1 && step.last() == Some(&b.body) => "└",
                    Some(step) if step.len() > 1 => "│",
                    _ => " ",
                };
                Line::from(crate::ui::widgets::cut_spans(
                    vec![
                        Span::styled(format!("{group}{:<5}", b.body.0), theme.title()),
                        Span::styled(fit(&inert(name)), theme.dim()),
                        Span::styled(b.standing.describe(current), style),
                    ],
                    area.width as usize,
                ))
            })
            .collect();
        lines.push(next_step(view, current));
        for d in owed {
            let changes: Vec<String> = d.changes_owed.iter().map(|c| inert(c).into_owned()).collect();
            lines.push(Line::from(crate::ui::widgets::cut_spans(
                vec![Span::styled(
                    format!(" ⚑ {}: {}", status.owed_heading(d), changes.join("; ")),
                    theme.warning(),
                )],
                area.width as usize,
            )));
        }
        for p in &view.problems {
            lines.push(Line::from(Span::styled(
                format!(" ⚠ {}", inert(p)),
                theme.error(),
            )));
        }
        frame.render_widget(
            Paragraph::new(lines).block(Block::default().borders(Borders::BOTTOM)),
            standings,
        );

        let header = Row::new(
            std::iter::once(Cell::from(t(Msg::ApprDraft)))
                .chain(status.columns.iter().map(|b| Cell::from(b.0.clone()))),
        )
        .style(theme.dim());
        let rows: Vec<Row<'_>> = status
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                // An approved version's tag beside its draft.
                let version = view
                    .versions
                    .iter()
                    .find(|(commit, _)| *commit == row.commit)
                    .map(|(_, name)| name.rsplit('/').next().unwrap_or(name).to_string())
                    .unwrap_or_default();
                let mut cells = vec![Cell::from(Line::from(vec![
                    Span::raw(format!("{:>5} ", row.draft)),
                    Span::styled(version, theme.good()),
                ]))];
                for (c, cell) in row.cells.iter().enumerate() {
                    let text = cell.map(|o| o.symbol().to_string()).unwrap_or_else(|| "·".into());
                    let style = if r == self.row && c == self.col {
                        theme.selected()
                    } else {
                        Style::new()
                    };
                    cells.push(Cell::from(Span::styled(format!(" {text} "), style)));
                }
                Row::new(cells)
            })
            .collect();
        let widths: Vec<Constraint> = std::iter::once(Constraint::Length(10))
            .chain(status.columns.iter().map(|_| Constraint::Length(5)))
            .collect();
        let mut state = TableState::default().with_selected(Some(self.row));
        let table = Table::new(rows, widths)
            .header(header)
            .row_highlight_style(theme.title())
            .highlight_symbol("▶");
        frame.render_stateful_widget(table, matrix, &mut state);

        let commit = self.selected_commit().unwrap_or_default();
        let mut detail_lines: Vec<Line<'_>> = Vec::new();
        for d in status.decisions.iter().filter(|d| d.commit == commit) {
            let mut facts = vec![tf(
                Msg::ApprMeeting,
                &[("date", &crate::lang::table_date(&d.meeting.to_string()))],
            )];
            facts.extend(d.item.iter().cloned());
            facts.extend(d.case.iter().map(|c| tf(Msg::ApprCase, &[("case", c)])));
            facts.push(tf(Msg::ApprRecordedBy, &[("name", &d.recorded_by.name)]));
            detail_lines.push(Line::from(vec![
                Span::styled(format!(" {} {} ", d.body.0, d.outcome.symbol()), theme.title()),
                Span::raw(format!("{} · ", d.outcome.shown())),
                Span::styled(inert(&facts.join(" · ")).into_owned(), theme.dim()),
            ]));
            // Every line of the recommendation and the decision text, each wrapped.
            if let Some(r) = &d.recommendation {
                detail_lines.push(Line::from(Span::styled(t(Msg::ApprRecommendation), theme.dim())));
                for line in r.lines() {
                    detail_lines.push(Line::raw(format!("   {}", inert(line))));
                }
                if d.text.is_some() {
                    detail_lines.push(Line::from(Span::styled(t(Msg::ApprDecision), theme.dim())));
                }
            }
            for line in d.text.iter().flat_map(|t| t.lines()) {
                detail_lines.push(Line::raw(format!("   {}", inert(line))));
            }
            for change in &d.changes_owed {
                detail_lines.push(Line::raw(format!("   ⚑ {}", inert(change))));
            }
        }
        if detail_lines.is_empty() {
            detail_lines.push(Line::from(Span::styled(t(Msg::ApprNoDecisions), theme.dim())));
        }
        // More than fits scrolls (J/K); the title says there is more.
        let shown = Paragraph::new(detail_lines).wrap(Wrap { trim: false });
        let total = shown.line_count(detail.width) as u16;
        let height = detail.height.saturating_sub(1);
        let scroll = self.detail_scroll.min(total.saturating_sub(height));
        let more = match (scroll > 0, scroll + height < total) {
            (false, true) => t(Msg::ApprMoreBelow),
            (true, true) => t(Msg::ApprMore),
            (true, false) => t(Msg::ApprMoreAbove),
            (false, false) => "",
        };
        let title = tf(
            Msg::ApprDecisionsOn,
            &[("draft", &self.selected_draft().unwrap_or(0)), ("more", &more)],
        );
        frame.render_widget(
            shown
                .block(Block::default().borders(Borders::TOP).title(title))
                .scroll((scroll, 0)),
            detail,
        );
        if let Some(form) = &self.form {
            draw_form(frame, area, theme, form, view);
        }
        if let Some(draft) = self.confirm_tag {
            let text = tf(
                Msg::ApprTagAsk,
                &[("draft", &draft), ("title", &inert(&view.title))],
            );
            crate::ui::widgets::dialog(frame, area, theme, t(Msg::ApprTagTitle), &text);
        }
    }
}

/// Which body treats the current draft next: the one the route waits for
/// (pending) or, when every body has passed an older draft (their approvals
/// stale), the first of them; or that the draft has passed the whole route.
fn next_step(view: &ApprovalsView, current: Option<u32>) -> Line<'static> {
    let Some(draft) = current else {
        return Line::raw("");
    };
    let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
    match view.status.waiting_for().as_slice() {
        [] => Line::raw(tf(Msg::ApprPassed, &[("draft", &draft)])),
        [one] => {
            let name = view
                .status
                .bodies
                .iter()
                .zip(&view.names)
                .find(|(b, _)| b.body == one.body)
                .map_or("", |(_, n)| n.as_str());
            Line::from(vec![
                Span::raw(t(Msg::ApprNext)),
                Span::styled(format!("{} {}", one.body.0, inert(name)), bold),
                Span::raw(tf(Msg::ApprTreats, &[("draft", &draft)])),
            ])
        }
        several => {
            let ids: Vec<&str> = several.iter().map(|b| b.body.0.as_str()).collect();
            Line::from(vec![
                Span::raw(t(Msg::ApprNext)),
                Span::styled(crate::lang::and_list(&ids), bold),
                Span::raw(tf(Msg::ApprTreatParallel, &[("draft", &draft)])),
            ])
        }
    }
}

fn draw_form(frame: &mut Frame<'_>, area: Rect, theme: &Theme, form: &DecisionForm, view: &ApprovalsView) {
    const WIDTH: u16 = 72;
    /// A field's marker and label, before its value.
    const LABEL: u16 = 16;
    let focus = form.confirming.is_none().then_some(form.field);
    let style_of = |i: usize| match focus == Some(i) {
        true => theme.selected(),
        false => Style::new(),
    };
    // The decision text, wrapped in its column; the rows around the cursor
    // (at its end) when it has more than the form shows.
    let text = typed::wrap(&[(&form.texts[5], style_of(TEXT_FIELD))], WIDTH - 2 - LABEL);
    let rows = text.height().min(TEXT_ROWS);
    let first = (text.cursor.1 + 1).saturating_sub(rows);
    let rect = crate::ui::widgets::centered(area, WIDTH, 15 + rows as u16 - 1);
    frame.render_widget(Clear, rect);
    let body_name = |i: usize| {
        let id = view
            .status
            .columns
            .get(i)
            .map(|b| b.0.clone())
            .unwrap_or_default();
        let name = view.names.get(i).cloned().unwrap_or_default();
        format!("{id} {}", inert(&name))
    };
    let outcome = Outcome::ALL[form.outcome];
    let values = [
        format!("‹ {} ›", body_name(form.body)),
        format!("‹ {} ›", outcome.shown()),
        form.texts[0].clone(),
        form.texts[1].clone(),
        form.texts[2].clone(),
        form.texts[3].clone(),
        form.texts[4].clone(),
    ];
    // The field with the focus has a ▶ and its value highlighted, visible
    // without colour too.
    let label = |i: usize| {
        let marker = if focus == Some(i) { "▶" } else { " " };
        Span::styled(format!("{marker}{:<14} ", t(FIELDS[i])), theme.title())
    };
    let mut lines: Vec<Line<'_>> = values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            Line::from(vec![
                label(i),
                Span::styled(inert(&value).into_owned(), style_of(i)),
            ])
        })
        .collect();
    let mut text_rows = text.rows.into_iter().skip(first).take(rows);
    let mut row = text_rows.next().unwrap_or_default();
    row.spans.insert(0, label(TEXT_FIELD));
    lines.push(row);
    for mut row in text_rows {
        row.spans.insert(0, Span::raw(" ".repeat(usize::from(LABEL))));
        lines.push(row);
    }
    lines.resize(TEXT_FIELD + rows, Line::raw(""));
    lines.push(Line::raw(""));
    match (&form.confirming, &form.error) {
        (Some(input), _) => {
            lines.push(Line::from(Span::styled(
                tf(
                    Msg::ApprRecord,
                    &[
                        ("body", &body_name(form.body)),
                        ("outcome", &input.outcome.label_da()),
                    ],
                ),
                theme.warning(),
            )));
            lines.push(Line::from(Span::styled(
                tf(
                    Msg::ApprOnDraft,
                    &[
                        ("draft", &input.draft),
                        ("date", &crate::lang::long_date(&input.meeting.to_string())),
                        (
                            "owed",
                            &match input.changes_owed.len() {
                                0 => String::new(),
                                1 => t(Msg::ApprOwedOne).into(),
                                n => tf(Msg::ApprOwedMany, &[("n", &n)]),
                            },
                        ),
                    ],
                ),
                theme.warning(),
            )));
            lines.push(Line::from(Span::styled(t(Msg::ApprRecordKeys), theme.dim())));
        }
        (None, Some(e)) => lines.push(Line::from(Span::styled(format!(" {}", inert(e)), theme.error()))),
        (None, None) if focus == Some(OWED_FIELD) => {
            lines.push(Line::from(Span::styled(t(Msg::ApprOwedHint), theme.dim())))
        }
        (None, None) if focus == Some(TEXT_FIELD) => {
            lines.push(Line::from(Span::styled(t(Msg::ApprTextHint), theme.dim())))
        }
        (None, None) => lines.push(Line::from(Span::styled(t(Msg::ApprFieldHint), theme.dim()))),
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tf(Msg::ApprFormTitle, &[("draft", &form.draft)]))
        .border_style(theme.warning());
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    // The text cursor in the text field being typed in.
    match focus {
        Some(TEXT_FIELD) => {
            let (x, row) = text.cursor;
            let y = rect.y + 1 + (TEXT_FIELD + row - first) as u16;
            frame.set_cursor_position((rect.x + 1 + LABEL + x, y));
        }
        Some(field) if field >= 2 => {
            let typed = unicode_width::UnicodeWidthStr::width(inert(&form.texts[field - 2]).as_ref());
            let x = (rect.x + 1 + LABEL + typed as u16).min(rect.right().saturating_sub(2));
            frame.set_cursor_position((x, rect.y + 1 + field as u16));
        }
        _ => {}
    }
}

impl Screen for ApprovalsState {
    fn context(&self) -> Context {
        Context::Approvals
    }

    fn slug(&self) -> Option<&Slug> {
        Some(&self.slug)
    }

    /// The selected draft, with the changes since the approved version.
    fn export_plan(&self) -> Result<ExportPlan, String> {
        let number = self.selected_draft().ok_or(t(Msg::ApprNoExport))?;
        let mut plan = ExportPlan::new(&self.slug, Some(number), Since::ApprovedIfAny);
        plan.label = tf(Msg::ApprExportLabel, &[("draft", &number)]);
        Ok(plan)
    }

    /// The question before tagging, and the decision form, while open,
    /// take every key.
    fn key(&mut self, key: KeyEvent, fx: &mut Effects) -> bool {
        if let Some(draft) = self.confirm_tag.take() {
            match key.code {
                KeyCode::Enter | KeyCode::Char('y') => {
                    let request = Request::Tag {
                        slug: self.slug.clone(),
                        draft: Some(draft),
                        force: false,
                    };
                    fx.job(request, t(Msg::ApprTagging));
                }
                _ => fx.info(t(Msg::ApprNotTagged)),
            }
            return true;
        }
        if self.form.is_none() {
            return false;
        }
        match self.form_key(key) {
            FormOutcome::Stay => {}
            FormOutcome::Cancel => self.form = None,
            FormOutcome::Submit(input) => {
                self.form = None;
                fx.job(Request::Decide(self.slug.clone(), input), t(Msg::ApprRecording));
            }
        }
        true
    }

    fn act(&mut self, action: Action, fx: &mut Effects) -> bool {
        let (rows, cols) = self
            .view
            .as_ref()
            .map_or((0, 0), |v| (v.status.rows.len(), v.status.columns.len()));
        if matches!(action, Action::Up | Action::Down | Action::Top | Action::Bottom) {
            // Another draft: its decisions from the top.
            self.detail_scroll = 0;
        }
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(rows.saturating_sub(1)),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = rows.saturating_sub(1),
            Action::ScrollDown => self.detail_scroll = self.detail_scroll.saturating_add(1),
            Action::ScrollUp => self.detail_scroll = self.detail_scroll.saturating_sub(1),
            Action::CursorLeft => self.col = self.col.saturating_sub(1),
            Action::CursorRight => self.col = (self.col + 1).min(cols.saturating_sub(1)),
            Action::Decide => {
                if let Err(e) = self.open_form(jiff::Zoned::now().date()) {
                    fx.error(e);
                }
            }
            // A tag is for good (and for everyone, once pushed): ask first.
            Action::TagVersion => match (&self.view, self.selected_draft()) {
                (None, _) => fx.error(t(Msg::ApprStillReading)),
                (Some(view), _) if !view.is_lead => fx.error(t(Msg::ApprOnlyLeadsTag)),
                (_, None) => fx.error(t(Msg::ApprNoDrafts)),
                (_, Some(draft)) => self.confirm_tag = Some(draft),
            },
            // The history of the selected draft against the latest.
            Action::CompareLatest => {
                let (Some(commit), Some(draft)) = (self.selected_commit(), self.selected_draft()) else {
                    return true;
                };
                let Ok(commit) = commit.parse() else {
                    return true;
                };
                fx.push(Effect::Compare {
                    slug: self.slug.clone(),
                    special: Special::Approved {
                        commit,
                        label: tf(Msg::ApprDraftLabel, &[("draft", &draft)]),
                    },
                });
            }
            _ => return false,
        }
        true
    }

    /// A paste into the form's field being typed in: with its lines into
    /// the decision text, as one line into the others.
    fn paste(&mut self, text: &str) -> bool {
        let Some(form) = self
            .form
            .as_mut()
            .filter(|f| f.confirming.is_none() && f.field >= 2)
        else {
            return false;
        };
        let text = typed::lf(text);
        match form.field {
            TEXT_FIELD => form.texts[5].push_str(&text),
            field => form.texts[field - 2].push_str(&text.replace('\n', " ")),
        }
        true
    }

    fn answer(&mut self, response: &Response, _fx: &mut Effects) {
        if let Response::Approvals(slug, result) = response
            && *slug == self.slug
        {
            match result {
                Ok(view) => self.set_view(view.clone()),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        self.draw_screen(frame, area, theme)
    }
}
