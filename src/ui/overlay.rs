//! Layers over the screen that take every key while they are open: help, the
//! command palette, a prompt (one line, or several for what people write to
//! each other), the quit and recovery dialogs, a message. A key either keeps
//! the layer open or closes it with an [`Outcome`] for the app to carry out.

use crate::lang::{Msg, t, tf};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::actions::{Action, Context};
use super::app::App;
use super::autosave::Autosave;
use super::jobs::OpenedDocument;
use super::resolve::{self, Finish, Resolver};
use super::screens::{PromptKind, ScreenId, help, palette};
use super::widgets;
use super::widgets::typed;
use super::work_plan;

#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Palette(palette::PaletteState),
    /// A prompt opened by the screen `owner`, which gets the answer.
    Prompt {
        owner: ScreenId,
        kind: PromptKind,
        input: String,
    },
    ConfirmQuit,
    Recovery(Box<RecoveryOffer>),
    Message {
        title: String,
        text: String,
    },
    /// Passages both the editor's text and a later draft changed.
    Resolve(Box<Resolver>),
    /// A password or passphrase the remote asks for (a sync's git): typed
    /// unseen, sent back on `reply`.
    Secret {
        prompt: String,
        input: String,
        reply: std::sync::mpsc::Sender<Option<String>>,
    },
    /// A work plan's actions, with the form that edits one.
    WorkPlan(Box<work_plan::Panel>),
}

/// A document whose unsaved text from an earlier session differs from its
/// latest draft: recover it, discard it, or decide later.
#[derive(Debug, Clone)]
pub struct RecoveryOffer {
    pub opened: OpenedDocument,
    pub autosave: Autosave,
}

/// What a key closing a layer asks of the app.
pub enum Outcome {
    Closed,
    Run(Vec<Action>),
    Answered {
        owner: ScreenId,
        kind: PromptKind,
        input: String,
    },
    /// Edit a multi-line prompt's text in $VISUAL / $EDITOR, then open the
    /// prompt again with what the editor left.
    EditPrompt {
        owner: ScreenId,
        kind: PromptKind,
        input: String,
    },
    SaveThenQuit,
    KeepAndQuit,
    DiscardAndQuit,
    Recover(Box<RecoveryOffer>),
    DiscardRecovery(Box<RecoveryOffer>),
    RecoverLater,
    Resolved(Box<Resolver>, Finish),
    /// Make this change of a work plan's actions; the panel stays open.
    ChangeActions(Box<work_plan::Panel>, crate::usecase::ActionChange),
}

/// The layer after a key: still open, or closed with what to do.
pub enum Step {
    Open(Overlay),
    Done(Outcome),
}

/// The keys the layers take, for `?` help (they are not in the keymap: a
/// layer that takes text cannot share its keys with the screens).
pub const KEYS: &[(Msg, Msg)] = &[
    (Msg::LayerHelp, Msg::LayerHelpKeys),
    (Msg::LayerPalette, Msg::LayerPaletteKeys),
    (Msg::LayerPrompt, Msg::LayerPromptKeys),
    // Terminals send Shift-Enter as Enter, so a new line is Alt-Enter or Ctrl-J.
    (Msg::LayerComment, Msg::LayerCommentKeys),
    (Msg::LayerQuit, Msg::LayerQuitKeys),
    (Msg::LayerRecovery, Msg::LayerRecoveryKeys),
    (Msg::LayerDecision, Msg::LayerDecisionKeys),
    (Msg::LayerFilter, Msg::LayerFilterKeys),
    (Msg::LayerOutline, Msg::LayerOutlineKeys),
    (Msg::LayerSections, Msg::LayerSectionsKeys),
    (Msg::LayerClash, Msg::ResKeys),
    (Msg::LayerWorkPlan, Msg::LayerWorkPlanKeys),
    (Msg::LayerPassword, Msg::LayerPasswordKeys),
];

impl Overlay {
    /// A key while this layer is open; `context` is the screen's under it
    /// (the palette offers what applies there).
    pub fn key(self, key: KeyEvent, context: Context) -> Step {
        let typing = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            Overlay::Help { scroll } => {
                let scroll = match key.code {
                    KeyCode::Down | KeyCode::Char('j') => scroll + 1,
                    KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                    KeyCode::PageDown | KeyCode::Char(' ') => scroll + 10,
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    KeyCode::Home | KeyCode::Char('g') => 0,
                    _ => return Step::Done(Outcome::Closed),
                };
                Step::Open(Overlay::Help { scroll })
            }
            Overlay::Palette(mut state) => match palette::key(&mut state, key, context) {
                palette::Outcome::Stay => Step::Open(Overlay::Palette(state)),
                palette::Outcome::Close => Step::Done(Outcome::Closed),
                palette::Outcome::Run(actions) => Step::Done(Outcome::Run(actions)),
            },
            Overlay::Prompt {
                owner,
                kind,
                mut input,
            } => {
                let multiline = kind.multiline();
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                match key.code {
                    _ if multiline && typed::is_newline(&key) => input.push('\n'),
                    KeyCode::Esc => return Step::Done(Outcome::Closed),
                    KeyCode::Enter => return Step::Done(Outcome::Answered { owner, kind, input }),
                    KeyCode::Char('e') if multiline && ctrl => {
                        return Step::Done(Outcome::EditPrompt { owner, kind, input });
                    }
                    KeyCode::Backspace => {
                        input.pop();
                    }
                    KeyCode::Char(c) if typing => input.push(c),
                    _ => {}
                }
                Step::Open(Overlay::Prompt { owner, kind, input })
            }
            Overlay::ConfirmQuit => match key.code {
                KeyCode::Char('s') => Step::Done(Outcome::SaveThenQuit),
                KeyCode::Char('k') => Step::Done(Outcome::KeepAndQuit),
                KeyCode::Char('d') => Step::Done(Outcome::DiscardAndQuit),
                KeyCode::Esc | KeyCode::Char('n') => Step::Done(Outcome::Closed),
                _ => Step::Open(Overlay::ConfirmQuit),
            },
            Overlay::Recovery(offer) => match key.code {
                KeyCode::Char('r') => Step::Done(Outcome::Recover(offer)),
                KeyCode::Char('d') => Step::Done(Outcome::DiscardRecovery(offer)),
                KeyCode::Esc => Step::Done(Outcome::RecoverLater),
                _ => Step::Open(Overlay::Recovery(offer)),
            },
            Overlay::Message { .. } => Step::Done(Outcome::Closed),
            Overlay::Secret {
                prompt,
                mut input,
                reply,
            } => {
                match key.code {
                    KeyCode::Enter => {
                        let _ = reply.send(Some(input));
                        return Step::Done(Outcome::Closed);
                    }
                    KeyCode::Esc => {
                        let _ = reply.send(None);
                        return Step::Done(Outcome::Closed);
                    }
                    KeyCode::Backspace => {
                        input.pop();
                    }
                    KeyCode::Char(c) if typing => input.push(c),
                    _ => {}
                }
                Step::Open(Overlay::Secret { prompt, input, reply })
            }
            Overlay::WorkPlan(mut panel) => match panel.key(key) {
                work_plan::Step::Stay => Step::Open(Overlay::WorkPlan(panel)),
                work_plan::Step::Close => Step::Done(Outcome::Closed),
                work_plan::Step::Change(change) => Step::Done(Outcome::ChangeActions(panel, change)),
            },
            Overlay::Resolve(mut resolver) => match resolver.key(key) {
                resolve::Step::Stay => Step::Open(Overlay::Resolve(resolver)),
                resolve::Step::Close(finish) => Step::Done(Outcome::Resolved(resolver, finish)),
            },
        }
    }

    /// Fits the layer to the area it will be drawn in (before every draw).
    pub fn fit(&mut self, area: Rect, theme: &super::theme::Theme) {
        if let Overlay::Resolve(resolver) = self {
            resolver.fit(area, theme);
        }
    }

    /// Text pasted into the terminal: into a prompt, with its lines where
    /// it takes several, else as one line (each line end a space).
    pub fn paste(&mut self, text: &str) {
        match self {
            Overlay::Prompt { kind, input, .. } => {
                let text = typed::lf(text);
                match kind.multiline() {
                    true => input.push_str(&text),
                    false => input.push_str(&text.replace('\n', " ")),
                }
            }
            Overlay::WorkPlan(panel) => panel.paste(text),
            // A pasted password: its line end is not part of it.
            Overlay::Secret { input, .. } => input.push_str(text.trim_end_matches(['\r', '\n'])),
            _ => {}
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        match self {
            Overlay::Help { scroll } => {
                // As wide as the terminal allows: the descriptions are long.
                let rect = widgets::centered(area, area.width.saturating_sub(4).min(120), area.height);
                frame.render_widget(Clear, rect);
                help::draw(frame, rect, app, *scroll);
            }
            Overlay::Palette(state) => {
                let width = area.width.saturating_sub(4).min(110);
                let rect = widgets::centered(area, width, area.height.min(20));
                frame.render_widget(Clear, rect);
                palette::draw(frame, rect, app, state);
            }
            Overlay::Prompt { kind, input, .. } => draw_prompt(frame, area, app, kind, input),
            Overlay::ConfirmQuit => {
                let (title, text) = (t(Msg::QuitTitle), t(Msg::QuitText));
                widgets::dialog(frame, area, &app.theme, title, text);
            }
            Overlay::Recovery(offer) => {
                let text = widgets::recovery_text(offer);
                widgets::dialog(frame, area, &app.theme, t(Msg::RecoveryTitle), &text);
            }
            Overlay::Message { title, text } => widgets::dialog(frame, area, &app.theme, title, text),
            Overlay::Resolve(resolver) => resolver.draw(frame, area, &app.theme),
            Overlay::WorkPlan(panel) => panel.draw(frame, area, &app.theme, &app.title_of(&panel.slug)),
            Overlay::Secret { prompt, input, .. } => {
                // What is typed is never shown, not even its length.
                let shown = if input.is_empty() { "" } else { t(Msg::SecretTyped) };
                let text = format!("{}\n\n{shown}\n\n{}", prompt.trim(), t(Msg::SecretKeys));
                widgets::dialog(frame, area, &app.theme, t(Msg::SecretTitle), &text);
            }
        }
    }
}

fn draw_prompt(frame: &mut Frame<'_>, area: Rect, app: &App, kind: &PromptKind, input: &str) {
    let lines = crate::usecase::lines_label;
    let label = match kind {
        PromptKind::DraftMessage => t(Msg::PromptDraftMessage).to_string(),
        PromptKind::Search => t(Msg::PromptSearch).to_string(),
        PromptKind::Comment(target) => match target.buffer {
            Some(_) => tf(
                Msg::PromptCommentOn,
                &[("lines", &lines(target.start, target.end))],
            ),
            None => tf(
                Msg::PromptCommentOnDraft,
                &[
                    ("lines", &lines(target.start, target.end)),
                    ("draft", &target.draft),
                ],
            ),
        },
        PromptKind::Reply(_) => t(Msg::PromptReply).to_string(),
        PromptKind::Resolve(_) => t(Msg::PromptResolve).to_string(),
        PromptKind::ReplaceWith(needle) => {
            tf(Msg::PromptReplaceWith, &[("needle", &crate::text::inert(needle))])
        }
        PromptKind::Export(plan) => tf(Msg::PromptExport, &[("label", &plan.label)]),
    };
    if kind.multiline() {
        return draw_multiline(frame, area, app, &label, input);
    }
    let rect = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    frame.render_widget(Clear, rect);
    // A narrow terminal cuts the label first (the answer keeps at least a
    // fifth of the line), then shows the answer's end, where the cursor is.
    let width = usize::from(rect.width);
    let label = widgets::cut(&label, width.saturating_sub((width / 5).max(12)));
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()) + 1);
    let input = widgets::cut_front(&crate::text::inert(input), room);
    let x = rect.x
        + (unicode_width::UnicodeWidthStr::width(label.as_str())
            + unicode_width::UnicodeWidthStr::width(input.as_str())) as u16;
    let line = Line::from(vec![Span::styled(label, app.theme.title()), Span::raw(input)]);
    frame.render_widget(Paragraph::new(line), rect);
    frame.set_cursor_position((x.min(rect.right().saturating_sub(1)), rect.y));
}

/// A prompt of several lines: a rule, the label and the text wrapped to the
/// width, a line of keys. It grows with the text up to half the screen, then
/// shows the rows around the cursor (at the end) and says how many are above.
fn draw_multiline(frame: &mut Frame<'_>, area: Rect, app: &App, label: &str, input: &str) {
    let theme = &app.theme;
    let wrapped = typed::wrap(&[(label, theme.title()), (input, Default::default())], area.width);
    let most = usize::from(area.height / 2).saturating_sub(2).max(1);
    let shown = wrapped.height().min(most);
    let first = (wrapped.cursor.1 + 1).saturating_sub(shown);
    let height = (shown as u16 + 2).min(area.height);
    let rect = Rect {
        y: area.bottom().saturating_sub(height),
        height,
        ..area
    };
    frame.render_widget(Clear, rect);
    let mut block = Block::default().borders(Borders::TOP).border_style(theme.dim());
    if first > 0 {
        block = block.title(match first {
            1 => t(Msg::RowAbove).to_string(),
            n => tf(Msg::RowsAbove, &[("n", &n)]),
        });
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines: Vec<Line<'_>> = wrapped.rows.into_iter().skip(first).take(shown).collect();
    lines.resize(shown, Line::raw(""));
    lines.push(Line::from(Span::styled(t(Msg::MultilineHint), theme.dim())));
    frame.render_widget(Paragraph::new(lines), inner);
    let (x, row) = wrapped.cursor;
    let y = inner.y + (row - first) as u16;
    if y < inner.bottom() {
        frame.set_cursor_position((inner.x + x.min(inner.width.saturating_sub(1)), y));
    }
}
