//! The history screen's side of the screen contract: its keys, actions,
//! answers from the worker and its comment prompt.

use crate::lang::{Msg, t, tf};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::{Focus, HistoryState, Special};
use crate::domain::Slug;
use crate::ui::actions::{Action, Context};
use crate::ui::jobs::{CommentRequest, Request, Response};
use crate::ui::screens::{Effect, Effects, ExportPlan, PromptKind, Screen};
use crate::ui::theme::Theme;
use crate::usecase::Since;

impl HistoryState {
    /// The latest draft against the last approved version (the highest
    /// approved-version tag of this document).
    fn compare_approved(&mut self, fx: &mut Effects) {
        let slug = &self.slug;
        let approved = self
            .entries
            .iter()
            .flat_map(|e| e.labels.iter().map(move |l| (l, e)))
            .filter_map(|(l, e)| {
                crate::domain::parse_tag_name(l)
                    .filter(|(s, _)| s == slug)
                    .map(|(_, n)| (n, l, e))
            })
            .max_by_key(|(n, _, _)| *n);
        match approved {
            Some((_, label, entry)) => {
                self.special = Some(Special::Approved {
                    commit: entry.commit,
                    label: tf(Msg::HistApprovedLabel, &[("label", &label), ("n", &entry.number)]),
                });
                self.scroll = 0;
            }
            None => fx.error(tf(Msg::HistNoApproved, &[("slug", &self.slug)])),
        }
    }

    /// The open thread on the cursor's line (or in view), in the review screen.
    fn show_thread(&self, fx: &mut Effects) {
        match self.thread_at_cursor() {
            Some(id) => fx.push(Effect::Review {
                slug: self.slug.clone(),
                thread: Some(id),
            }),
            None if self.focus == Focus::List => fx.error(t(Msg::HistNoThreadInView)),
            None => fx.error(t(Msg::DocNoThread)),
        }
    }
}

impl Screen for HistoryState {
    fn context(&self) -> Context {
        Context::History
    }

    fn slug(&self) -> Option<&Slug> {
        Some(&self.slug)
    }

    /// The newer of the two compared drafts, with the changes since the older.
    fn export_plan(&self) -> Result<ExportPlan, String> {
        let Some((key, from, to)) = self.wanted() else {
            return Err(t(Msg::ApprNoExport).into());
        };
        if key.buffer.is_some() {
            return Err(t(Msg::HistUnsavedExport).into());
        }
        let number = self.entries.iter().find(|e| e.commit == key.to).map(|e| e.number);
        let since = match key.from {
            Some(from) => Since::Version(from.to_string()),
            None => Since::Nothing,
        };
        let mut plan = ExportPlan::new(&self.slug, number.filter(|n| *n > 0), since);
        plan.draft = key.to.to_string();
        plan.label = match key.from {
            Some(_) => tf(Msg::HistExportLabel, &[("to", &to), ("from", &from)]),
            None => to,
        };
        Ok(plan)
    }

    /// The section summary, while open, takes Enter (jump there) and Esc.
    fn key(&mut self, key: KeyEvent, _fx: &mut Effects) -> bool {
        if !self.sections_open {
            return false;
        }
        match key.code {
            KeyCode::Enter => self.open_section(),
            KeyCode::Esc => self.sections_open = false,
            _ => return false,
        }
        true
    }

    fn act(&mut self, action: Action, fx: &mut Effects) -> bool {
        match action {
            // Esc in the diff goes back to the drafts; from there, the app's.
            Action::Back if self.focus == Focus::Diff => self.switch_pane(),
            Action::SwitchPane => self.switch_pane(),
            Action::Open if self.focus == Focus::List => self.switch_pane(),
            Action::Open | Action::OpenThread => self.show_thread(fx),
            Action::Comment => match self.comment_target() {
                Ok(target) => fx.prompt(PromptKind::Comment(target)),
                Err(e) => fx.error(e),
            },
            Action::CompareBuffer => fx.push(Effect::CompareBuffer),
            Action::ToggleList => self.list_hidden = !self.list_hidden,
            Action::CompareApproved => self.compare_approved(fx),
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::CycleView
            | Action::Mark
            | Action::NextChange
            | Action::PrevChange
            | Action::ToggleFolds
            | Action::HideMinor
            | Action::Blame
            | Action::Sections
            | Action::ScrollDown
            | Action::ScrollUp
            | Action::SelectUp
            | Action::SelectDown => {
                if let Some(e) = self.step(action) {
                    fx.error(e);
                }
            }
            _ => return false,
        }
        true
    }

    fn answer(&mut self, response: &Response, fx: &mut Effects) {
        match response {
            Response::History(slug, result) if *slug == self.slug => match result {
                Ok(entries) => self.set_entries(entries.clone()),
                Err(e) => self.error = Some(e.to_string()),
            },
            Response::Diffed(key, result) if key.slug == self.slug => {
                self.diffed(key.clone(), result.clone().map_err(|e| e.to_string()))
            }
            Response::DiffThreads(key, result) if key.slug == self.slug => {
                if let Some(e) =
                    self.marked(key.clone(), result.clone().map(|r| r.map_err(|e| e.to_string())))
                {
                    fx.error(e);
                }
            }
            Response::DiffSkipped(key) => self.skipped(key),
            Response::Blamed(slug, commit, result) if *slug == self.slug => {
                self.blamed(*commit, result.clone().map_err(|e| e.to_string()))
            }
            Response::Commented(slug, _) if *slug == self.slug => self.threads_changed(),
            _ => {}
        }
    }

    /// A new thread on lines of a draft. (Lines of the editor's unsaved text,
    /// selected in its diff against the latest draft, go to the editor,
    /// which holds that text.)
    fn prompt_done(&mut self, kind: PromptKind, input: String, fx: &mut Effects) {
        let PromptKind::Comment(target) = kind else { return };
        if input.trim().is_empty() {
            fx.error(t(Msg::DocEmptyComment));
            return;
        }
        let request = CommentRequest::Add {
            draft: Some(target.draft),
            start: target.start,
            end: target.end,
            text: input,
            shown: None,
        };
        fx.job(Request::Comment(target.slug, request), t(Msg::DocSavingComment));
    }

    fn layout(&mut self, area: Rect, theme: &Theme) {
        self.fit(area, theme);
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        self.draw_screen(frame, area, theme);
    }
}
