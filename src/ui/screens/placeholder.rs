//! Screens 3–5 until they are built: they say what will be there and for which
//! document, so the numbering and navigation already work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::ui::app::{App, Screen};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, screen: Screen) {
    let slug = app.selected_slug().map(|s| s.to_string()).unwrap_or_default();
    let what = match screen {
        Screen::History => "the drafts of this document, each with its changes word by word",
        Screen::Review => "the comment threads on passages of this document",
        Screen::Approvals => "each governing body's decisions on the drafts of this document",
        _ => "",
    };
    let lines = vec![
        Line::from(Span::styled(
            format!("{} — {slug}", screen.title()),
            app.theme.title(),
        )),
        Line::raw(""),
        Line::raw(format!("This screen will show {what}. It is not built yet.")),
        Line::raw(""),
        Line::from(Span::styled("1 overview · 2 document · ? help", app.theme.dim())),
    ];
    let block = Block::default().borders(Borders::ALL);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}
