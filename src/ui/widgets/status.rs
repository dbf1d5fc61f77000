//! The status line: workspace, branch, identity, the open document's draft and
//! whether it is modified or autosaved, and the latest message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::lang::{Msg, t, tf};
use crate::text::inert;
use crate::ui::app::App;
use crate::ui::screens::ScreenId;
use crate::ui::screens::document::Mode;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = &app.theme;
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = &app.overview.workspace {
        parts.push(inert(&w.name).into_owned());
        // Where the branch stands against the team's remote, as last fetched.
        let sync = match w.sync.as_ref().map(|s| s.summary(&jiff::Zoned::now())) {
            Some(summary) if !summary.is_empty() => format!(" {summary}"),
            _ => String::new(),
        };
        parts.push(format!("⎇ {}{sync}", inert(&w.branch)));
        // The name only: the e-mail would crowd out the document's state at 80 columns.
        let name = w.identity.split(" <").next().unwrap_or(&w.identity);
        parts.push(inert(name).into_owned());
    }
    if let Some(doc) = app.document.as_ref().filter(|_| app.screen == ScreenId::Document) {
        let mut state = tf(Msg::StatusDraft, &[("slug", &doc.slug), ("draft", &doc.draft)]);
        if doc.buffer.is_modified() {
            state.push_str(t(Msg::StatusModified));
            if doc.has_autosave() {
                state.push_str(t(Msg::StatusAutosaved));
            }
        }
        if app.keymap.is_modal() {
            state.push_str(if doc.mode == Mode::Normal {
                t(Msg::StatusNormal)
            } else {
                t(Msg::StatusInsert)
            });
        }
        parts.push(state);
        if let Some(other) = &doc.others_editing {
            parts.push(format!("⚠ {}", inert(other)));
        }
    }
    let left = format!(" {}", parts.join(" │ "));
    let note = match (&app.busy, &app.message) {
        // A long job says how to stop it.
        (Some(busy), _) if app.long_job && !app.cancel => {
            let key = app
                .keymap
                .key_here(app.context(), crate::ui::actions::Action::Cancel)
                .unwrap_or_else(|| ": cancel".into());
            Some((
                tf(Msg::StatusStops, &[("busy", busy), ("key", &key)]),
                theme.dim(),
            ))
        }
        (Some(busy), _) => Some((format!("  {busy}"), theme.dim())),
        (None, Some((text, is_error))) => {
            let style = if *is_error { theme.error() } else { theme.good() };
            Some((format!("  {}", inert(text)), style))
        }
        (None, None) => None,
    };
    let spans = match note {
        // A message that would be cut off takes the whole line: it is what the
        // user needs to read now, and the state is back after the next key.
        // Still too long, it ends at a word with `…`, not mid-word.
        Some((note, style)) if left.width() + note.width() > area.width as usize => {
            let text =
                crate::ui::widgets::cut_at_word(note.trim_start(), (area.width as usize).saturating_sub(1));
            vec![Span::styled(format!(" {text}"), style)]
        }
        Some((note, style)) => vec![Span::styled(left, theme.status()), Span::styled(note, style)],
        // The state alone, cut with `…` when the terminal is narrow.
        None => crate::ui::widgets::cut_spans(vec![Span::styled(left, theme.status())], area.width as usize),
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
