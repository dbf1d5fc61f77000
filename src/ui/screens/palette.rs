//! The `:` command palette: every action by name, filtered as you type, with its
//! keys in the current context. Vim's `w`, `q`, `wq` and `x` work too.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::ui::actions::{Action, Context};
use crate::ui::app::App;

#[derive(Debug, Clone, Default)]
pub struct PaletteState {
    pub input: String,
    pub selected: usize,
}

pub enum Outcome {
    Stay,
    Close,
    Run(Vec<Action>),
}

/// Vim-style commands typed in the palette.
fn ex_command(input: &str) -> Option<Vec<Action>> {
    match input.trim() {
        "w" => Some(vec![Action::SaveDraft]),
        "q" | "q!" => Some(vec![Action::Quit]),
        "wq" | "x" => Some(vec![Action::SaveDraft, Action::Quit]),
        "help" | "h" => Some(vec![Action::Help]),
        _ => None,
    }
}

/// The actions that apply in `context` whose name or description contains
/// the input; names that start with it first, then other name matches, then
/// description matches.
pub fn matching(input: &str, context: Context) -> Vec<Action> {
    let needle = input.trim().to_lowercase();
    let rank = |a: &Action| {
        if a.name().starts_with(&needle) {
            Some(0)
        } else if a.name().contains(&needle) {
            Some(1)
        } else if a.describe(context).to_lowercase().contains(&needle) {
            Some(2)
        } else {
            None
        }
    };
    let mut found: Vec<(u8, Action)> = Action::ALL
        .iter()
        .filter(|a| a.applies_in(context))
        .filter_map(|a| rank(a).map(|r| (r, *a)))
        .collect();
    found.sort_by_key(|(r, _)| *r);
    found.into_iter().map(|(_, a)| a).collect()
}

pub fn key(state: &mut PaletteState, key: KeyEvent, context: Context) -> Outcome {
    match key.code {
        KeyCode::Esc => Outcome::Close,
        KeyCode::Enter => {
            if let Some(actions) = ex_command(&state.input) {
                return Outcome::Run(actions);
            }
            match matching(&state.input, context).get(state.selected) {
                Some(a) => Outcome::Run(vec![*a]),
                None => Outcome::Close,
            }
        }
        KeyCode::Up => {
            state.selected = state.selected.saturating_sub(1);
            Outcome::Stay
        }
        KeyCode::Down | KeyCode::Tab => {
            state.selected =
                (state.selected + 1).min(matching(&state.input, context).len().saturating_sub(1));
            Outcome::Stay
        }
        KeyCode::Backspace => {
            if state.input.pop().is_none() {
                return Outcome::Close;
            }
            state.selected = 0;
            Outcome::Stay
        }
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            state.input.push(c);
            state.selected = 0;
            Outcome::Stay
        }
        _ => Outcome::Stay,
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, state: &PaletteState) {
    let theme = &app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(crate::lang::t(crate::lang::Msg::PaletteTitle))
        .border_style(theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input_area, list_area] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let input = format!(":{}", crate::text::inert(&state.input));
    frame.render_widget(Paragraph::new(input.clone()), input_area);
    frame.set_cursor_position((
        input_area.x + unicode_width::UnicodeWidthStr::width(input.as_str()) as u16,
        input_area.y,
    ));
    let context = app.context();
    let items: Vec<ListItem<'_>> = matching(&state.input, context)
        .into_iter()
        .map(|a| {
            let keys = app.keymap.keys_here(context, a);
            ListItem::new(Line::from(vec![
                Span::raw(format!("{:<20} ", a.name())),
                Span::styled(format!("{:<12} ", keys.join(" ")), theme.title()),
                Span::styled(a.describe(context), theme.dim()),
            ]))
        })
        .collect();
    let mut list_state = ListState::default().with_selected(Some(state.selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        list_area,
        &mut list_state,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_name_and_description_and_knows_vim_commands() {
        assert_eq!(
            matching("save", Context::Document)[0],
            Action::SaveDraft,
            "a name match comes before description matches"
        );
        assert_eq!(matching("undo", Context::Document)[0], Action::Undo);
        // Only what applies on the screen: no tagging from the editor, no
        // saving from the overview.
        let everywhere = |a: &Action| a.contexts().contains(&Context::Global);
        let in_editor = matching("", Context::Document);
        assert!(in_editor.contains(&Action::Help) && in_editor.contains(&Action::Undo));
        assert!(!in_editor.contains(&Action::TagVersion));
        let on_overview = matching("", Context::Overview);
        assert!(!on_overview.contains(&Action::SaveDraft) && !on_overview.contains(&Action::Reply));
        assert_eq!(
            on_overview.iter().filter(|a| !everywhere(a)).count(),
            Action::ALL
                .iter()
                .filter(|a| !everywhere(a) && a.applies_in(Context::Overview))
                .count()
        );
        assert_eq!(ex_command("wq"), Some(vec![Action::SaveDraft, Action::Quit]));
        assert_eq!(ex_command("frob"), None);
    }
}
