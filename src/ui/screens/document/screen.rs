//! The editor's side of the screen contract: the outline's keys, typing,
//! the actions beyond editing (save, search, clipboard, comments), answers
//! from the worker and its prompts.

use crate::lang::{Msg, t, tf};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{DocumentState, Mode};
use crate::domain::{Slug, ThreadStatus};
use crate::store::StoreError;
use crate::ui::actions::{Action, Context};
use crate::ui::jobs::{CommentRequest, Request, Response};
use crate::ui::resolve::{Purpose, Resolver};
use crate::ui::screens::review::CommentTarget;
use crate::ui::screens::{Effect, Effects, ExportPlan, PromptKind, Screen};
use crate::ui::theme::Theme;
use crate::usecase::{Refused, Since};

impl DocumentState {
    /// The comment key: a new thread on the selected lines (or the cursor's).
    fn comment_target(&self) -> CommentTarget {
        let (start, end) = self.selected_lines();
        let modified = self.buffer.is_modified() || self.recovered;
        CommentTarget {
            slug: self.slug.clone(),
            draft: self.draft as u32,
            start,
            end,
            buffer: modified.then(|| self.buffer.version()),
        }
    }

    /// A new thread from the prompt: on lines of the draft, or of the unsaved
    /// text the prompt was opened on (the worker maps them to the draft's).
    fn comment(&self, target: CommentTarget, text: String, fx: &mut Effects) {
        let shown = match target.buffer {
            None => None,
            Some(version) if target.slug == self.slug && self.buffer.version() == version => {
                Some(self.buffer.text())
            }
            Some(_) => {
                fx.error(t(Msg::DocCommentStale));
                return;
            }
        };
        let request = CommentRequest::Add {
            draft: Some(target.draft),
            start: target.start,
            end: target.end,
            text,
            shown,
        };
        fx.job(Request::Comment(target.slug, request), t(Msg::DocSavingComment));
    }
}

/// The remote this document's text was changed on since the branches
/// parted (as last fetched), if any.
fn changed_there(state: Option<&crate::usecase::SyncState>, slug: &Slug) -> Option<String> {
    state
        .filter(|s| s.changed_there.iter().any(|c| c == slug.as_str()))
        .map(|s| s.remote.clone())
}

impl DocumentState {
    /// Asks for the text to be brought onto the latest draft.
    fn send_update(&mut self, fx: &mut Effects, busy: impl Into<String>) {
        self.pending_update_version = Some(self.buffer.version());
        let request = Request::Update {
            slug: self.slug.clone(),
            base: self.base,
            text: self.buffer.text(),
        };
        fx.job(request, busy);
    }
}

impl Screen for DocumentState {
    fn context(&self) -> Context {
        match self.mode {
            Mode::Normal => Context::DocumentNormal,
            Mode::Insert => Context::Document,
        }
    }

    fn slug(&self) -> Option<&Slug> {
        Some(&self.slug)
    }

    /// The draft the text was opened from, with the changes since the
    /// approved version.
    fn export_plan(&self) -> Result<ExportPlan, String> {
        let number = u32::try_from(self.draft)
            .ok()
            .filter(|n| *n > 0)
            .ok_or(t(Msg::DocNoDraftToExport))?;
        let mut plan = ExportPlan::new(&self.slug, Some(number), Since::ApprovedIfAny);
        let saved = if self.buffer.is_modified() {
            t(Msg::DocAsSaved)
        } else {
            ""
        };
        plan.label = tf(Msg::DocExportLabel, &[("draft", &number), ("saved", &saved)]);
        Ok(plan)
    }

    /// The outline, while it has the focus, takes the keys.
    fn key(&mut self, key: KeyEvent, _fx: &mut Effects) -> bool {
        if !self.outline_focus {
            return false;
        }
        self.outline_key(key);
        true
    }

    fn typed(&mut self, c: char) -> bool {
        if self.mode == Mode::Normal {
            return false;
        }
        self.buffer.insert(c.encode_utf8(&mut [0; 4]));
        true
    }

    fn act(&mut self, action: Action, fx: &mut Effects) -> bool {
        match action {
            Action::SaveDraft if self.buffer.is_modified() || self.recovered => {
                fx.prompt(PromptKind::DraftMessage)
            }
            Action::SaveDraft => {
                fx.push(Effect::NoSave);
                fx.info(t(Msg::DocNothingToSave));
            }
            Action::Search => fx.prompt(PromptKind::Search),
            Action::Replace => match self.search.clone().filter(|s| !s.is_empty()) {
                Some(needle) => fx.prompt(PromptKind::ReplaceWith(needle)),
                None => fx.error(t(Msg::DocSearchFirst)),
            },
            Action::ExternalEditor => fx.push(Effect::ExternalEdit(self.buffer.text())),
            Action::Copy | Action::Cut => {
                let text = match action {
                    Action::Copy => self.copy(),
                    _ => self.buffer.cut(),
                };
                match text {
                    Some(text) => {
                        fx.info(tf(Msg::DocCopied, &[("n", &text.chars().count())]));
                        fx.push(Effect::Copy(text));
                    }
                    None => fx.error(t(Msg::DocNothingSelected)),
                }
            }
            Action::Paste => fx.push(Effect::Paste),
            Action::Update => match &self.latest {
                None => fx.info(tf(Msg::DocIsLatest, &[("draft", &self.draft)])),
                Some((draft, _)) => {
                    let busy = tf(Msg::DocBringing, &[("draft", draft)]);
                    self.send_update(fx, busy);
                }
            },
            Action::Comment => fx.prompt(PromptKind::Comment(self.comment_target())),
            Action::Blame => self.toggle_blame(fx),
            Action::OpenThread => match self.thread_at_cursor() {
                Some(id) => fx.push(Effect::Review {
                    slug: self.slug.clone(),
                    thread: Some(id),
                }),
                None => fx.error(t(Msg::DocNoThread)),
            },
            other => return self.edit(other, fx),
        }
        true
    }

    fn answer(&mut self, response: &Response, fx: &mut Effects) {
        match response {
            Response::Saved(Ok(saved)) if saved.slug == self.slug => {
                self.saved(saved);
                if self.blame_on {
                    self.ask_blame(fx);
                }
            }
            Response::Blamed(slug, _, result) if *slug == self.slug && self.blame_on => match result {
                Ok(blamed) => self.blamed(blamed.clone()),
                Err(e) => fx.error(e.to_string()),
            },
            // Someone saved a later draft: say so, and offer to bring the text onto it.
            Response::Loaded(Ok(view)) => {
                if let Some(item) = view.items.iter().find(|i| i.slug == self.slug && i.known) {
                    self.latest = (item.draft > self.draft).then(|| (item.draft, item.author.clone()));
                }
                self.changed_there = changed_there(view.sync.as_ref(), &self.slug);
            }
            Response::Fetched(Ok(state)) => self.changed_there = changed_there(state.as_ref(), &self.slug),
            // Someone saved the same passages meanwhile: find them, to choose.
            Response::Saved(Err(e))
                if matches!(**e, Refused::Store(StoreError::Conflict { .. }))
                    && self.pending_save_version.take().is_some() =>
            {
                self.resave = self.pending_save_message.take();
                self.send_update(fx, t(Msg::DocFindingClashes));
            }
            Response::Saved(Err(_)) => self.pending_save_version = None,
            Response::Updated(slug, result) if *slug == self.slug => match result {
                // Typed meanwhile: the merge is of an older text; nothing is replaced.
                Ok(updated) if self.pending_update_version.take() != Some(self.buffer.version()) => {
                    self.resave = None;
                    fx.error(tf(
                        Msg::DocTypedMeanwhile,
                        &[("draft", &updated.latest.draft), ("key", &self.update_key)],
                    ));
                }
                Ok(updated) if updated.merge.clash_count() > 0 => {
                    let resolver = Resolver::new(Purpose::Editor {
                        slug: self.slug.clone(),
                        mine_draft: self.draft,
                        version: self.buffer.version(),
                        updated: updated.clone(),
                        message: self.resave.take(),
                    });
                    fx.push(Effect::Resolve(Box::new(resolver)));
                }
                Ok(updated) => {
                    let by = match updated.by.is_empty() {
                        true => String::new(),
                        false => tf(Msg::DocWithChangesOf, &[("names", &updated.by.join(", "))]),
                    };
                    fx.info(tf(
                        Msg::DocOnDraftNow,
                        &[("draft", &updated.latest.draft), ("by", &by)],
                    ));
                    let text = updated.merge.text().unwrap_or_default();
                    self.bring_onto(&updated.latest, &text);
                    if let Some(message) = self.resave.take() {
                        self.send_save(message, fx);
                    }
                }
                Err(e) => {
                    self.resave = None;
                    fx.error(e.to_string());
                }
            },
            Response::Lix {
                slug,
                version,
                by_heading,
            } if *slug == self.slug => self.lix_counted(*version, by_heading.clone()),
            Response::Threads(slug, Ok(view)) if *slug == self.slug => {
                self.thread_lines = view
                    .threads
                    .iter()
                    .filter(|t| t.thread.status == ThreadStatus::Open)
                    .filter_map(|t| t.placement.lines().map(|(a, b)| (a, b, t.thread.id.clone())))
                    .collect();
            }
            _ => {}
        }
    }

    fn prompt_done(&mut self, kind: PromptKind, input: String, fx: &mut Effects) {
        match kind {
            PromptKind::DraftMessage => {
                if input.trim().is_empty() {
                    fx.error(t(Msg::DocNeedsMessage));
                    fx.push(Effect::NoSave);
                    return;
                }
                self.send_save(input, fx);
            }
            PromptKind::Comment(target) => {
                if input.trim().is_empty() {
                    fx.error(t(Msg::DocEmptyComment));
                    return;
                }
                self.comment(target, input, fx);
            }
            PromptKind::Search => {
                self.search = Some(input);
                if !self.search_step(true) {
                    fx.error(t(Msg::DocNoMatch));
                }
            }
            PromptKind::ReplaceWith(needle) => {
                let n = self.buffer.replace_all(&needle, &input);
                fx.info(match n {
                    1 => t(Msg::DocReplacedOne).to_string(),
                    n => tf(Msg::DocReplacedMany, &[("n", &n)]),
                });
            }
            // Replies and closing words are the review screen's; the app
            // carries out an export itself.
            PromptKind::Reply(_) | PromptKind::Resolve(_) | PromptKind::Export(_) => {}
        }
    }

    fn paste(&mut self, text: &str) -> bool {
        self.buffer.paste(text);
        true
    }

    fn layout(&mut self, area: Rect, _theme: &Theme) {
        self.fit(area);
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        self.draw_screen(frame, area, theme);
    }
}
