//! `?` help: every binding of the active keymap, grouped by screen, read from the
//! keymap itself so it always tells the truth.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::lang::{Msg, t, tf};
use crate::ui::app::App;

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = vec![Line::from(Span::styled(
        tf(Msg::HelpKeymap, &[("name", &app.keymap.name)]),
        theme.dim(),
    ))];
    for (context, bindings) in app.keymap.by_context() {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(
            context.title().to_string(),
            theme.heading(),
        )));
        // One line per action, with all its keys, in the keymap file's order.
        let mut actions: Vec<(crate::ui::actions::Action, Vec<&str>)> = Vec::new();
        for (keys, _, action) in bindings {
            match actions.iter_mut().find(|(a, _)| a == action) {
                Some((_, list)) => list.push(keys),
                None => actions.push((*action, vec![keys])),
            }
        }
        for (action, keys) in actions {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(", ")), theme.title()),
                Span::styled(action.describe(context).to_string(), Style::new()),
                Span::styled(format!("  ({})", action.name()), theme.dim()),
            ]));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(t(Msg::HelpLayers), theme.heading())));
    for &(layer, keys) in crate::ui::overlay::KEYS {
        out.push(Line::from(vec![
            Span::styled(format!("  {:<22}", t(layer)), theme.title()),
            Span::raw(t(keys)),
        ]));
    }
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(t(Msg::HelpFoot), theme.dim())));
    out
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize) {
    let lines = lines(app);
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(t(Msg::HelpTitle))
        .border_style(app.theme.title());
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll as u16, 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::{App, Folders};
    use crate::ui::keymap::{DEFAULT, Keymap, VIM};
    use crate::ui::theme::Theme;

    /// Help names every key of the keymap under its screen, with what the
    /// action does there, and the keys of every dialog, form and prompt.
    #[test]
    fn help_lists_every_key_the_screens_and_layers_handle() {
        for (name, text) in [("default", DEFAULT), ("vim", VIM)] {
            let keymap = Keymap::parse(name, text).unwrap();
            let folders = Folders {
                state: std::env::temp_dir(),
            };
            let app = App::new(keymap.clone(), Theme { color: false }, folders);
            let shown: Vec<String> = lines(&app)
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect();
            for (context, bindings) in keymap.by_context() {
                let start = shown.iter().position(|l| l == context.title()).unwrap();
                let end = shown[start + 1..]
                    .iter()
                    .position(String::is_empty)
                    .map_or(shown.len(), |e| start + 1 + e);
                let section = &shown[start..end];
                for (keys, _, action) in bindings {
                    assert!(
                        section.iter().any(|l| l.contains(keys.as_str())
                            && l.contains(action.describe(context))
                            && l.contains(&format!("({})", action.name()))),
                        "{name}: {keys} = {} missing under {}",
                        action.name(),
                        context.title()
                    );
                }
            }
            for &(layer, keys) in crate::ui::overlay::KEYS {
                assert!(
                    shown.iter().any(|l| l.contains(t(layer)) && l.contains(t(keys))),
                    "{layer:?}"
                );
            }
        }
    }
}
