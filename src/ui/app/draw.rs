//! Drawing: the tab bar, the current screen (fitted to its area first), the
//! status line and an open layer over them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::App;
use crate::lang::{Msg, t, tf};
use crate::ui::actions::Action;
use crate::ui::screens::ScreenId;
use crate::ui::widgets;

impl App {
    // ---- drawing ---------------------------------------------------------------------

    pub fn draw(&mut self, frame: &mut Frame<'_>) {
        let area = frame.area();
        if area.width < 20 || area.height < 5 {
            let text = if area.width >= 18 {
                t(Msg::TerminalTooSmall)
            } else {
                t(Msg::TooSmall)
            };
            frame.render_widget(
                Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
                area,
            );
            return;
        }
        let [tabs, main, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
        self.draw_tabs(frame, tabs);
        if let Some(error) = &self.load_error {
            let text = tf(Msg::CannotRead, &[("error", &crate::text::inert(error))]);
            frame.render_widget(
                Paragraph::new(text)
                    .style(self.theme.error())
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                main,
            );
        } else {
            let theme = self.theme;
            if let Some(screen) = self.screen_mut(self.screen) {
                screen.layout(main, &theme);
            }
            match self.current() {
                Some(screen) => screen.draw(frame, main, &self.theme),
                None => {
                    let text = match self.screen {
                        ScreenId::Document => t(Msg::NoDocumentOpen),
                        _ => t(Msg::NoDocumentSelected),
                    };
                    frame.render_widget(Paragraph::new(text), main);
                }
            }
        }
        widgets::status::draw(frame, status, self);
        let theme = self.theme;
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.fit(main, &theme);
        }
        if let Some(overlay) = &self.overlay {
            overlay.draw(frame, main, self);
        }
    }

    /// The screens' tabs and the keys of help and the palette, each with
    /// the key that reaches it here (in the editor, where letters type,
    /// that is F1…, not 1…).
    pub(super) fn draw_tabs(&self, frame: &mut Frame<'_>, area: Rect) {
        let context = self.context();
        let key = |action: Action| self.keymap.key_here(context, action).unwrap_or_default();
        let mut spans = Vec::new();
        for (screen, action) in ScreenId::ALL.iter().zip(SCREEN_ACTIONS) {
            let style = if *screen == self.screen {
                self.theme.tab_active()
            } else {
                self.theme.dim()
            };
            spans.push(Span::styled(
                format!(" {} {} ", key(action), screen.title()),
                style,
            ));
        }
        let rest = format!(
            "  {} {}  {} {}",
            key(Action::Help),
            t(Msg::TabHelp),
            key(Action::Palette),
            t(Msg::TabCommands)
        );
        spans.push(Span::styled(rest, self.theme.dim()));
        let spans = widgets::cut_spans(spans, area.width as usize);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// The actions that show each screen, in the order of [`ScreenId::ALL`].
const SCREEN_ACTIONS: [Action; 5] = [
    Action::ScreenOverview,
    Action::ScreenDocument,
    Action::ScreenHistory,
    Action::ScreenReview,
    Action::ScreenApprovals,
];
