//! Widgets shared by several screens: the status line, dialogs, and text of
//! several lines being typed.

pub mod status;
pub mod typed;

use crate::lang::{Msg, t, tf};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::overlay::RecoveryOffer;
use super::theme::Theme;

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A centred dialog with a title and text.
pub fn dialog(frame: &mut Frame<'_>, area: Rect, theme: &Theme, title: &str, text: &str) {
    let width = 70.min(area.width);
    let inner_width = width.saturating_sub(2).max(1) as usize;
    let height = text
        .lines()
        .map(|l| (unicode_width::UnicodeWidthStr::width(l) / inner_width + 1) as u16)
        .sum::<u16>()
        .saturating_add(2)
        .min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "))
        .border_style(theme.warning());
    let safe: String = text
        .lines()
        .map(|l| crate::text::inert(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    frame.render_widget(Paragraph::new(safe).block(block).wrap(Wrap { trim: false }), rect);
}

/// What the recovery dialog says: when the text was kept, what it was made on,
/// and the lines that differ from the latest draft.
pub fn recovery_text(offer: &RecoveryOffer) -> String {
    let meta = &offer.autosave.meta;
    let mut text = tf(Msg::RecoveryText, &[("slug", &offer.opened.slug)]);
    if !meta.written.is_empty() {
        text.push_str(&tf(
            Msg::RecoveryKeptAt,
            &[("time", &meta.written.replace('T', " "))],
        ));
    }
    text.push_str(".\n");
    if meta.draft != 0 && meta.draft != offer.opened.draft {
        text.push_str(&tf(
            Msg::RecoveryWrittenOn,
            &[("draft", &meta.draft), ("latest", &offer.opened.draft)],
        ));
    }
    let mut shown = 0;
    let mut changes = 0;
    let mut lines = String::new();
    for (added, value) in crate::diff::changed_lines(&offer.opened.text, &offer.autosave.text) {
        let sign = if added { "+" } else { "-" };
        changes += 1;
        if shown < 8 {
            let line: String = value.trim_end_matches(['\n', '\r']).chars().take(64).collect();
            lines.push_str(&format!("{sign} {line}\n"));
            shown += 1;
        }
    }
    text.push_str(&tf(
        Msg::RecoveryDiffer,
        &[("changes", &changes), ("lines", &lines)],
    ));
    if changes > shown {
        text.push_str(&tf(Msg::RecoveryMore, &[("n", &(changes - shown))]));
    }
    text.push_str(t(Msg::RecoveryKeys));
    text
}

/// A person's name in at most `width` columns, shortened as a reader would:
/// "Anne Kristine Hundahl Mikkelsen" → "A. K. H. Mikkelsen" → "A.K.H. Mikkelsen"
/// → "A.K.H. Mikke…" → "AKHM"; one long word is cut with `…`.
pub fn short_name(name: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let name = name.trim();
    if name.width() <= width {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let initial = |w: &&str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default()
    };
    let Some((last, first)) = words.split_last().filter(|(_, first)| !first.is_empty()) else {
        return cut(name, width);
    };
    let spaced: Vec<String> = first.iter().map(|w| format!("{}.", initial(w))).collect();
    let joined = spaced.join("");
    for candidate in [format!("{} {last}", spaced.join(" ")), format!("{joined} {last}")] {
        if candidate.width() <= width {
            return candidate;
        }
    }
    // The surname cut, while enough of it is left to know it by.
    let room = width.saturating_sub(joined.width() + 1);
    if room >= 5 {
        return format!("{joined} {}", cut(last, room));
    }
    cut(&words.iter().map(initial).collect::<String>(), width)
}

/// Shared with the command line, so it lives with the other text helpers.
pub use crate::text::cut;

/// A sentence of the domain's, which starts in lower case, as a line of its own.
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The end of `text` in at most `width` columns, starting with `…` when
/// cut: a line being typed, whose end (the cursor) must stay in view.
pub fn cut_front(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Styled pieces of one line in at most `width` columns, the last one
/// ending in `…` when the line is cut (a header that does not fit).
pub fn cut_spans(
    spans: Vec<ratatui::text::Span<'static>>,
    width: usize,
) -> Vec<ratatui::text::Span<'static>> {
    use unicode_width::UnicodeWidthStr;
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    let mut left = width;
    for span in spans {
        let w = span.content.width();
        if w < left {
            left -= w;
            out.push(span);
            continue;
        }
        // This piece reaches the edge: it ends the line, with the mark.
        out.push(ratatui::text::Span::styled(
            crate::text::cut_marked(&span.content, left),
            span.style,
        ));
        break;
    }
    out
}

/// `text` in at most `width` columns, cut after the last whole word that
/// fits, with `…` (cut mid-word only when a single word is too long).
pub fn cut_at_word(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let cut = cut(text, width);
    let kept = cut.trim_end_matches('…');
    match kept.rfind(' ') {
        Some(at) if at > 0 => format!("{}…", kept[..at].trim_end()),
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cut_front_keeps_the_end() {
        assert_eq!(super::cut_front("bæredygtighed.docx", 10), "…ghed.docx");
        assert_eq!(super::cut_front("kort", 10), "kort");
        assert_eq!(super::cut_front("abc", 0), "");
    }

    #[test]
    fn a_line_of_pieces_that_does_not_fit_ends_in_a_mark() {
        use ratatui::text::Span;
        let spans = || {
            vec![
                Span::raw(" draft 1 → draft 2"),
                Span::raw("  word view · 1 change · +184 −0 words"),
            ]
        };
        let text = |s: Vec<Span<'static>>| s.iter().map(|s| s.content.to_string()).collect::<String>();
        assert_eq!(text(super::cut_spans(spans(), 80)), text(spans()));
        assert_eq!(
            text(super::cut_spans(spans(), 40)),
            " draft 1 → draft 2  word view · 1 chang…"
        );
        // The first piece exactly fills the width, and more follow.
        assert_eq!(text(super::cut_spans(spans(), 18)), " draft 1 → draft …");
    }

    use super::{cut_at_word, short_name};

    #[test]
    fn long_messages_end_at_a_word() {
        let text = "The latest draft changes a passage your text changes too";
        assert_eq!(cut_at_word(text, 80), text);
        assert_eq!(cut_at_word(text, 30), "The latest draft changes a…");
        assert_eq!(cut_at_word("Bæredygtighedsstrategien", 10), "Bæredygti…");
    }

    #[test]
    fn names_shorten_as_a_reader_would() {
        let name = "Anne Kristine Hundahl Mikkelsen";
        assert_eq!(short_name(name, 40), name);
        assert_eq!(short_name(name, 18), "A. K. H. Mikkelsen");
        assert_eq!(short_name(name, 16), "A.K.H. Mikkelsen");
        assert_eq!(short_name(name, 12), "A.K.H. Mikk…");
        assert_eq!(short_name(name, 8), "AKHM");
        assert_eq!(short_name("Mette Holm", 12), "Mette Holm");
        assert_eq!(short_name("Søren Bjørnholm-Frederiksen", 12), "S. Bjørnhol…");
        assert_eq!(short_name("Bjørnholm-Frederiksen", 12), "Bjørnholm-F…");
    }
}
