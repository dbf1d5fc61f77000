//! `?` help: every binding of the active keymap, grouped by screen, read from the
//! keymap itself so it always tells the truth.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::ui::app::App;

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = vec![Line::from(Span::styled(
        format!("Keymap: {}", app.keymap.name),
        theme.dim(),
    ))];
    for (context, bindings) in app.keymap.by_context() {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(
            context.title().to_string(),
            theme.heading(),
        )));
        for (keys, _, action) in bindings {
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.title()),
                Span::raw(format!("{:<20} ", action.name())),
                Span::styled(action.description().to_string(), theme.dim()),
            ]));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(
        "In the editor, keys without a binding type text. Change bindings in $XDG_CONFIG_HOME/udkast/config.toml.",
        theme.dim(),
    )));
    out
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize) {
    let lines = lines(app);
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Help — j/k scroll, Esc close ")
        .border_style(app.theme.title());
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll as u16, 0)),
        area,
    );
}
