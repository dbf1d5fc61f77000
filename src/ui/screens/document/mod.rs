//! Screen 2, the document: a section outline beside the text, and the editor.
//! Text goes through `editor::Layout`, which decides every cell (tabs, control
//! characters made visible, wide letters, soft wrap), so what is drawn and where
//! the cursor goes can never disagree. The view is anchored at a text position
//! and scrolled just enough to keep the cursor visible.

mod draw;
mod screen;

use crate::lang::{Msg, t, tf};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::store::CommitId;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::Slug;
use crate::editor::{Buffer, Layout, Motion};
use crate::ui::actions::Action;
use crate::ui::autosave;
use crate::ui::jobs::Request;
use crate::ui::jobs::{OpenedDocument, SavedDraft};
use crate::ui::keymap::Keymap;
use crate::ui::resolve::{Finish, Purpose, Resolver};
use crate::ui::screens::{Effect, Effects};

/// Typing pauses this long before the gutter marks and the outline follow the text.
const MARKS_AFTER: Duration = Duration::from_millis(150);
/// ... and this long before threads are placed on the unsaved text (a job).
const THREADS_AFTER: Duration = Duration::from_millis(500);
/// At most four autosaves a second, so one is never more than a second behind.
const AUTOSAVE_EVERY: Duration = Duration::from_millis(250);
/// How often to look for other people's autosaves of the same document.
const PRESENCE_EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Insert,
    Normal,
}

pub use crate::markdown::Heading;

pub use crate::diff::{Mark, line_marks};

const TAB_WIDTH: usize = 4;
const OUTLINE_WIDTH: u16 = 28;

pub struct DocumentState {
    pub slug: Slug,
    pub title: String,
    pub base: CommitId,
    pub draft: usize,
    /// The latest draft's text, for the changed-lines gutter.
    saved_text: String,
    pub buffer: Buffer,
    pub mode: Mode,
    pub search: Option<String>,
    /// The title line says who gave the paragraph at the cursor its wording.
    pub blame_on: bool,
    /// Who wrote each paragraph of a draft (the one the text is based on, as
    /// long as `blamed.commit` is `base`).
    blamed: Option<std::sync::Arc<crate::usecase::Blamed>>,
    /// The text came from an autosave and has not been saved as a draft.
    pub recovered: bool,
    pub discard_autosave: bool,
    /// This editing session's name: its autosave files are its own.
    pub session: String,
    /// Another session's autosave this one recovered: removed once this
    /// session has written its own.
    pub adopted: Option<String>,
    pub others_editing: Option<String>,
    /// A later draft saved since the text was opened: its number and who
    /// saved it (the text is still an edit of `draft`).
    pub latest: Option<(usize, String)>,
    /// The remote (as last fetched) has changes to this document's text
    /// that are not here: its name.
    pub changed_there: Option<String>,
    /// The key that brings the text onto the latest draft, as the header says it.
    update_key: String,
    /// The key of the command palette here, where "sync" is run.
    palette_key: String,
    /// The buffer version sent to be brought onto the latest draft: the
    /// answer applies only to that text (what was typed since must stay).
    pub pending_update_version: Option<u64>,
    pub pending_save_version: Option<u64>,
    /// The message of the save sent: a save that clashes is saved with it
    /// once the passages are chosen.
    pending_save_message: Option<String>,
    /// The message of a save that clashed, while the passages are found.
    resave: Option<String>,
    pub outline_visible: bool,
    pub outline_focus: bool,
    /// Open comment threads placed on the shown text: 1-based line ranges and ids.
    pub thread_lines: Vec<(usize, usize, String)>,
    /// The buffer version the threads were last placed on.
    threads_version: u64,
    outline_selected: usize,
    outline: Vec<Heading>,
    /// Each outline heading's section's LIX and the text version it was
    /// counted on: the worker counts it when typing pauses (counting a
    /// 5,000-line text here held up its first frame by 40 ms).
    outline_lix: (u64, Vec<Option<u32>>),
    lix_version: u64,
    outline_version: u64,
    marks: Vec<Mark>,
    marks_version: u64,
    /// The first visual row shown: (rope line, wrapped row within it).
    scroll: (usize, usize),
    view: (usize, usize),
    /// The rows in view and the cursor's (line, wrapped row, column), as
    /// fitted to the screen before the last draw.
    rows: Vec<draw::Row>,
    cursor_at: (usize, usize, usize),
    last_edit_version: u64,
    last_edit: Instant,
    autosaved_version: u64,
    last_autosave: Option<Instant>,
    /// The last autosave attempted, written or failed: a failing disk is
    /// retried at the autosave pace, not in a busy loop.
    autosave_tried: Option<Instant>,
    git_dir: Option<PathBuf>,
    presence: Option<PathBuf>,
    last_presence_check: Option<Instant>,
}

impl DocumentState {
    /// Turns the credit of the paragraph at the cursor on or off, asking for
    /// the draft's blame when it is not at hand.
    pub fn toggle_blame(&mut self, fx: &mut crate::ui::screens::Effects) {
        self.blame_on = !self.blame_on;
        if self.blame_on {
            self.ask_blame(fx);
        }
    }

    fn ask_blame(&mut self, fx: &mut crate::ui::screens::Effects) {
        if self.blamed.as_ref().is_none_or(|b| b.commit != self.base) {
            let request = Request::Blame {
                slug: self.slug.clone(),
                commit: self.base,
            };
            fx.job(request, tf(Msg::DocFindingWho, &[("draft", &self.draft)]));
        }
    }

    /// The worker's blame of a draft of this document.
    pub fn blamed(&mut self, blamed: std::sync::Arc<crate::usecase::Blamed>) {
        if blamed.commit == self.base {
            self.blamed = Some(blamed);
        }
    }

    /// "draft 4 · Jørgen Krogh · 12-03-2025" for the paragraph at the cursor:
    /// by its lines while the text is the draft's, by its text once edited.
    pub fn credit_at_cursor(&self) -> Option<String> {
        let blamed = self.blamed.as_ref().filter(|b| b.commit == self.base)?;
        let line = self.buffer.line_col().0 + 1;
        let found = match self.buffer.is_modified() {
            false => blamed
                .paragraphs
                .iter()
                .find(|p| (p.lines.0..=p.lines.1).contains(&line)),
            true => {
                let here = self.paragraph_at_cursor();
                blamed.paragraphs.iter().find(|p| p.text == here)
            }
        };
        let Some(p) = found else {
            return Some(match self.paragraph_at_cursor().is_empty() {
                true => String::new(),
                false => t(Msg::DocEditedNotSaved).to_string(),
            });
        };
        let c = &p.credit;
        Some(tf(
            Msg::DocCredit,
            &[
                ("draft", &c.draft),
                ("author", &c.author),
                ("date", &c.time.strftime("%d-%m-%Y")),
            ],
        ))
    }

    /// The paragraph the cursor is in, as blame gives a paragraph's text: its
    /// lines between blank lines, joined, the last line end left off.
    fn paragraph_at_cursor(&self) -> String {
        let rope = self.buffer.rope();
        let line = self.buffer.line_col().0;
        let blank = |i: usize| rope.line(i).chars().all(char::is_whitespace);
        if line >= rope.len_lines() || blank(line) {
            return String::new();
        }
        let mut start = line;
        while start > 0 && !blank(start - 1) && line - start < 500 {
            start -= 1;
        }
        let mut end = line + 1;
        while end < rope.len_lines() && !blank(end) && end - line < 500 {
            end += 1;
        }
        let text: String = (start..end).map(|i| rope.line(i).to_string()).collect();
        text.trim_end().to_string()
    }

    pub fn new(
        opened: OpenedDocument,
        keymap: &Keymap,
        git_dir: Option<PathBuf>,
        who: &str,
    ) -> DocumentState {
        let buffer = Buffer::new(&opened.text);
        let version = buffer.version();
        let presence = git_dir
            .as_deref()
            .and_then(|g| autosave::announce(g, &opened.slug, who));
        let mut doc = DocumentState {
            slug: opened.slug,
            title: opened.title,
            base: opened.base,
            draft: opened.draft,
            saved_text: opened.text,
            buffer,
            mode: if keymap.is_modal() {
                Mode::Normal
            } else {
                Mode::Insert
            },
            search: None,
            blame_on: false,
            blamed: None,
            recovered: false,
            discard_autosave: false,
            session: autosave::new_session(),
            adopted: None,
            others_editing: None,
            latest: None,
            changed_there: None,
            pending_update_version: None,
            update_key: keymap
                .key_here(crate::ui::actions::Context::Document, Action::Update)
                .unwrap_or_else(|| ":update".into()),
            palette_key: keymap
                .key_here(crate::ui::actions::Context::Document, Action::Palette)
                .unwrap_or_else(|| ":".into()),
            pending_save_version: None,
            pending_save_message: None,
            resave: None,
            outline_visible: true,
            outline_focus: false,
            thread_lines: Vec::new(),
            threads_version: version,
            outline_selected: 0,
            outline: Vec::new(),
            outline_lix: (u64::MAX, Vec::new()),
            lix_version: u64::MAX,
            outline_version: u64::MAX,
            marks: Vec::new(),
            marks_version: version,
            scroll: (0, 0),
            view: (80, 20),
            rows: Vec::new(),
            cursor_at: (0, 0, 0),
            last_edit_version: version,
            last_edit: Instant::now(),
            autosaved_version: version,
            last_autosave: None,
            autosave_tried: None,
            git_dir,
            presence,
            last_presence_check: None,
        };
        doc.refresh_outline();
        doc.check_presence(Instant::now());
        doc
    }

    /// Removes this process's presence file (closing the document).
    pub fn leave(&self) {
        if let Some(p) = &self.presence {
            let _ = std::fs::remove_file(p);
        }
    }

    fn layout(&self) -> Layout {
        Layout {
            width: self.view.0.max(1),
            page_height: self.view.1.max(1),
            tab_width: TAB_WIDTH,
        }
    }

    /// Puts the cursor at the start of `line` (1-based) and the line in view.
    pub fn go_to_line(&mut self, line: usize) {
        let rope = self.buffer.rope();
        let line = line.saturating_sub(1).min(rope.len_lines().saturating_sub(1));
        let at = rope.line_to_char(line);
        self.buffer.set_cursor(at, false);
        self.scroll = (line.saturating_sub(3), 0);
    }

    /// The 1-based lines of the selection, or the cursor's line.
    pub fn selected_lines(&self) -> (usize, usize) {
        let rope = self.buffer.rope();
        match self.buffer.selection() {
            Some(range) => {
                let start = rope.char_to_line(range.start);
                // A selection ending at the start of a line does not include that line.
                let last = range.end.saturating_sub(1).max(range.start);
                (start + 1, rope.char_to_line(last) + 1)
            }
            None => {
                let line = self.buffer.line_col().0 + 1;
                (line, line)
            }
        }
    }

    /// The id of an open thread on the cursor's line.
    pub fn thread_at_cursor(&self) -> Option<String> {
        let line = self.buffer.line_col().0 + 1;
        self.thread_lines
            .iter()
            .find(|(a, b, _)| (*a..=*b).contains(&line))
            .map(|(_, _, id)| id.clone())
    }

    pub fn copy(&self) -> Option<String> {
        self.buffer.copy()
    }

    /// Replaces the whole text as one undoable step; false if it is the same.
    pub fn replace_text(&mut self, text: &str) -> bool {
        if self.buffer.text() == text {
            return false;
        }
        let cursor = self.buffer.cursor();
        self.buffer.select(0..self.buffer.rope().len_chars());
        self.buffer.replace_selection(text);
        self.buffer
            .set_cursor(cursor.min(self.buffer.rope().len_chars()), false);
        true
    }

    pub fn recover(&mut self, text: &str) {
        self.replace_text(text);
        self.recovered = true;
    }

    /// The text was brought onto the latest draft: `text` is the edit with
    /// the latest draft's changes merged in (and passages chosen where both
    /// changed the same), and the latest draft becomes the base.
    pub fn bring_onto(&mut self, latest: &OpenedDocument, text: &str) {
        let edited = self.buffer.is_modified() || self.recovered;
        self.base = latest.base;
        self.draft = latest.draft;
        self.saved_text = latest.text.clone();
        self.latest = None;
        self.replace_text(if edited { text } else { &latest.text });
        if self.buffer.text() == latest.text {
            self.buffer.mark_saved();
            self.recovered = false;
        }
        self.marks_version = u64::MAX;
    }

    /// The clash resolver closed: the combined text replaces the editor's
    /// (one undo step), at the passage the person was on, and is saved
    /// when a save clashed and every passage was chosen.
    pub fn resolved(&mut self, resolver: &Resolver, finish: Finish, fx: &mut Effects) {
        let Purpose::Editor {
            slug,
            version,
            updated,
            message,
            ..
        } = &resolver.purpose
        else {
            return;
        };
        if *slug != self.slug || *version != self.buffer.version() {
            fx.error(t(Msg::DocChangedWhileChoosing));
            return;
        }
        let latest = &updated.latest;
        if finish == Finish::Cancel {
            let unsaved = match message {
                Some(_) => t(Msg::DocNotSaved),
                None => "",
            };
            fx.info(tf(
                Msg::DocStillEditOf,
                &[("draft", &self.draft), ("unsaved", &unsaved)],
            ));
            fx.push(Effect::NoSave);
            return;
        }
        let (text, line) = resolver.combined();
        self.bring_onto(latest, &text);
        self.go_to_line(line);
        if text == latest.text {
            fx.push(Effect::NoSave);
            fx.info(tf(Msg::DocSameAsDraft, &[("draft", &latest.draft)]));
            return;
        }
        match (finish, message) {
            (Finish::Done, Some(message)) => self.send_save(message.clone(), fx),
            (Finish::Done, None) => fx.info(tf(Msg::DocOnDraftChosen, &[("draft", &latest.draft)])),
            _ => {
                fx.push(Effect::NoSave);
                fx.info(tf(Msg::DocBothVersionsIn, &[("draft", &latest.draft)]));
            }
        }
    }

    /// Sends the text to be saved as the next draft.
    pub(super) fn send_save(&mut self, message: String, fx: &mut Effects) {
        self.pending_save_version = Some(self.buffer.version());
        self.pending_save_message = Some(message.clone());
        let request = Request::Save {
            slug: self.slug.clone(),
            base: self.base,
            text: self.buffer.text(),
            message,
        };
        fx.job(request, t(Msg::DocSavingDraft));
    }

    /// A draft was saved: it becomes the new base.
    pub fn saved(&mut self, saved: &SavedDraft) {
        self.base = saved.commit;
        self.draft = saved.draft as usize;
        self.saved_text = saved.text.clone();
        self.recovered = false;
        let untouched_since_send = self.pending_save_version.take() == Some(self.buffer.version());
        if untouched_since_send {
            if saved.merged {
                self.replace_text(&saved.text);
            }
            self.buffer.mark_saved();
        }
        self.marks_version = u64::MAX;
    }

    /// Runs an editing or motion action; false when it is not one.
    fn edit(&mut self, action: Action, fx: &mut Effects) -> bool {
        let layout = self.layout();
        let motion = |m: Motion| Some((m, false));
        let select = |m: Motion| Some((m, true));
        let moving = match action {
            Action::CursorLeft => motion(Motion::Left),
            Action::CursorRight => motion(Motion::Right),
            Action::CursorUp => motion(Motion::Up),
            Action::CursorDown => motion(Motion::Down),
            Action::WordLeft => motion(Motion::WordLeft),
            Action::WordRight => motion(Motion::WordRight),
            Action::LineStart => motion(Motion::LineStart),
            Action::LineEnd => motion(Motion::LineEnd),
            Action::ParagraphUp => motion(Motion::ParagraphUp),
            Action::ParagraphDown => motion(Motion::ParagraphDown),
            Action::PageUp => motion(Motion::PageUp),
            Action::PageDown => motion(Motion::PageDown),
            Action::DocStart => motion(Motion::DocStart),
            Action::DocEnd => motion(Motion::DocEnd),
            Action::SelectLeft => select(Motion::Left),
            Action::SelectRight => select(Motion::Right),
            Action::SelectUp => select(Motion::Up),
            Action::SelectDown => select(Motion::Down),
            Action::SelectWordLeft => select(Motion::WordLeft),
            Action::SelectWordRight => select(Motion::WordRight),
            Action::SelectLineStart => select(Motion::LineStart),
            Action::SelectLineEnd => select(Motion::LineEnd),
            _ => None,
        };
        if let Some((m, extend)) = moving {
            self.buffer.move_cursor(m, extend, &layout);
            return true;
        }
        match action {
            Action::SelectAll => self.buffer.select(0..self.buffer.rope().len_chars()),
            Action::Newline => self.buffer.insert_newline(),
            Action::Tab => self.buffer.insert("\t"),
            Action::Backspace => self.buffer.backspace(),
            Action::Delete => self.buffer.delete_forward(),
            Action::DeleteWordBack => self.buffer.delete_word_back(),
            Action::DeleteLine => {
                self.buffer.delete_line();
            }
            Action::Undo if !self.buffer.undo() => {
                fx.error(t(Msg::DocNothingToUndo));
                return true;
            }
            Action::Redo if !self.buffer.redo() => {
                fx.error(t(Msg::DocNothingToRedo));
                return true;
            }
            // Done by the guards above.
            Action::Undo | Action::Redo => {}
            Action::SearchNext | Action::SearchPrev => {
                if self.search.as_deref().is_none_or(str::is_empty) {
                    fx.error(t(Msg::DocNoSearch));
                    return true;
                }
                if !self.search_step(action == Action::SearchNext) {
                    fx.error(t(Msg::DocNoMatch));
                    return true;
                }
            }
            Action::ToggleOutline => self.outline_visible = !self.outline_visible,
            Action::OutlineJump => {
                if self.outline.is_empty() {
                    fx.error(t(Msg::DocNoHeadings));
                    return true;
                }
                self.outline_visible = true;
                self.outline_focus = true;
                let line = self.buffer.line_col().0;
                self.outline_selected = self.outline.iter().rposition(|h| h.line <= line).unwrap_or(0);
            }
            Action::InsertMode => self.mode = Mode::Insert,
            Action::AppendMode => {
                self.buffer.move_cursor(Motion::Right, false, &layout);
                self.mode = Mode::Insert;
            }
            Action::OpenLineBelow => {
                self.buffer.move_cursor(Motion::LineEnd, false, &layout);
                self.buffer.insert_newline();
                self.mode = Mode::Insert;
            }
            Action::NormalMode => {
                self.buffer.clear_selection();
                self.mode = Mode::Normal;
            }
            _ => return false,
        }
        true
    }

    /// Selects the next (or previous) match of the search; false if none.
    pub fn search_step(&mut self, forward: bool) -> bool {
        let Some(needle) = self.search.clone().filter(|s| !s.is_empty()) else {
            return false;
        };
        let from = match (self.buffer.selection(), forward) {
            (Some(sel), true) => sel.end,
            (Some(sel), false) => sel.start,
            (None, _) => self.buffer.cursor(),
        };
        match self.buffer.find(&needle, from, forward) {
            Some(range) => {
                self.buffer.select(range);
                true
            }
            None => false,
        }
    }

    /// Keys while the outline has the focus.
    pub fn outline_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.outline_selected = self.outline_selected.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.outline_selected = (self.outline_selected + 1).min(self.outline.len().saturating_sub(1))
            }
            KeyCode::Enter => {
                if let Some(h) = self.outline.get(self.outline_selected) {
                    let at = self.buffer.rope().line_to_char(h.line);
                    self.buffer.set_cursor(at, false);
                    self.scroll = (h.line, 0);
                }
                self.outline_focus = false;
            }
            KeyCode::Esc => self.outline_focus = false,
            _ => {}
        }
    }

    // ---- periodic work -----------------------------------------------------------

    /// Returns true when something shown changed (gutter, outline, presence).
    pub fn tick(&mut self, now: Instant) -> bool {
        let version = self.buffer.version();
        if version != self.last_edit_version {
            self.last_edit_version = version;
            self.last_edit = now;
        }
        let quiet = now.duration_since(self.last_edit) >= MARKS_AFTER;
        let mut changed = false;
        if quiet && self.marks_version != version {
            self.refresh_marks();
            changed = true;
        }
        if quiet && self.outline_version != version {
            self.refresh_outline();
            changed = true;
        }
        let before = self.others_editing.clone();
        self.check_presence(now);
        changed || before != self.others_editing
    }

    /// When [`tick`](Self::tick), [`threads_due`](Self::threads_due) or
    /// [`autosave_due`](Self::autosave_due) next has work, so the event loop
    /// sleeps exactly until then. Call after `tick` has seen the latest edit;
    /// `autosaves` says whether there is a folder to autosave to.
    pub fn next_wake(&self, autosaves: bool) -> Instant {
        let version = self.buffer.version();
        let mut due = self
            .last_presence_check
            .map_or_else(Instant::now, |t| t + PRESENCE_EVERY);
        if self.marks_version != version || self.outline_version != version {
            due = due.min(self.last_edit + MARKS_AFTER);
        }
        if self.threads_version != version {
            due = due.min(self.last_edit + THREADS_AFTER);
        }
        if autosaves && self.autosaved_version != version {
            due = due.min(
                self.autosave_tried
                    .map_or_else(Instant::now, |t| t + AUTOSAVE_EVERY),
            );
        }
        due
    }

    fn check_presence(&mut self, now: Instant) {
        if self
            .last_presence_check
            .is_some_and(|t| now.duration_since(t) < PRESENCE_EVERY)
        {
            return;
        }
        self.last_presence_check = Some(now);
        let Some(git_dir) = &self.git_dir else { return };
        let others = autosave::others(git_dir, &self.slug);
        self.others_editing = others.first().map(|p| {
            let more = if others.len() > 1 {
                tf(Msg::DocAlsoEditingMore, &[("n", &(others.len() - 1))])
            } else {
                String::new()
            };
            tf(
                Msg::DocAlsoEditing,
                &[("who", &p.who), ("since", &p.since), ("more", &more)],
            )
        });
    }

    /// When typing pauses after a change, the threads should be placed on the
    /// new text: returns the text to place them on (`None`: the latest draft,
    /// when the buffer equals it) and remembers the version.
    pub fn threads_due(&mut self, now: Instant) -> Option<Option<String>> {
        let version = self.buffer.version();
        let quiet = now.duration_since(self.last_edit) >= THREADS_AFTER;
        if version == self.threads_version || !quiet {
            return None;
        }
        self.threads_version = version;
        Some(self.buffer.is_modified().then(|| self.buffer.text()))
    }

    /// When typing pauses after a change (or on opening), the outline's LIX
    /// should be counted again: the text and its version, for the worker.
    pub fn lix_due(&mut self, now: Instant) -> Option<(u64, ropey::Rope)> {
        let version = self.buffer.version();
        let quiet = now.duration_since(self.last_edit) >= THREADS_AFTER;
        if version == self.lix_version || !quiet || !self.outline_visible {
            return None;
        }
        self.lix_version = version;
        Some((version, self.buffer.rope().clone()))
    }

    /// The worker counted the outline's LIX on the text at `version`.
    pub fn lix_counted(&mut self, version: u64, by_heading: Vec<Option<u32>>) {
        self.outline_lix = (version, by_heading);
    }

    /// The outline's LIX: counted on the text the outline shows, or on an
    /// earlier text with as many headings while a new count is under way
    /// (the values rarely move with a word typed, and blanking them at every
    /// pause redrew the whole outline twice).
    fn outline_lix(&self) -> Option<&[Option<u32>]> {
        let (version, values) = &self.outline_lix;
        (*version == self.outline_version || values.len() == self.outline.len()).then_some(values.as_slice())
    }

    /// True when the text changed since the last autosave and the last write
    /// was long enough ago: at most four writes a second, always within one.
    pub fn autosave_due(&self, now: Instant) -> bool {
        self.buffer.version() != self.autosaved_version
            && self
                .autosave_tried
                .is_none_or(|t| now.duration_since(t) >= AUTOSAVE_EVERY)
    }

    /// Whether an autosave of this editing session exists. It lags the text by
    /// at most a second; the status line does not flicker with every keystroke.
    pub fn has_autosave(&self) -> bool {
        self.last_autosave.is_some()
    }

    pub fn autosaved_is_current(&self) -> bool {
        self.autosaved_version == self.buffer.version()
    }

    pub fn write_autosave(&mut self, dir: &Path) -> Result<(), String> {
        if self.autosaved_is_current() {
            return Ok(());
        }
        self.autosave_tried = Some(Instant::now());
        if self.buffer.is_modified() || self.recovered {
            autosave::write(
                dir,
                &self.slug,
                &self.session,
                &self.buffer.text(),
                &self.base.to_string(),
                self.draft,
            )?;
        } else {
            autosave::remove(dir, &self.slug, &self.session);
        }
        if let Some(adopted) = self.adopted.take() {
            autosave::remove(dir, &self.slug, &adopted);
        }
        self.autosaved_version = self.buffer.version();
        self.last_autosave = Some(Instant::now());
        Ok(())
    }

    fn refresh_outline(&mut self) {
        self.outline = headings(self.buffer.rope());
        self.outline_version = self.buffer.version();
    }

    fn refresh_marks(&mut self) {
        self.marks = line_marks(&self.saved_text, &self.buffer.text());
        self.marks_version = self.buffer.version();
    }
}

/// The Markdown headings of the editor's text (see [`crate::markdown`]).
pub fn headings(rope: &ropey::Rope) -> Vec<Heading> {
    let lines: Vec<std::borrow::Cow<'_, str>> = rope.lines().map(Into::into).collect();
    crate::markdown::headings(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_skip_front_matter_and_code() {
        let rope = ropey::Rope::from_str(
            "---\ntitel: # ikke\n---\n# Vision\ntekst\n```\n# kode\n```\n## Klima og energi ##\n#hashtag\n",
        );
        let found = headings(&rope);
        let got: Vec<(usize, &str, usize)> = found
            .iter()
            .map(|h| (h.level, h.title.as_str(), h.line))
            .collect();
        assert_eq!(got, vec![(1, "Vision", 3), (2, "Klima og energi", 8)]);
    }

    /// The outline and the history's section summary read one parser: the
    /// outline dropped the `#` of "C#", missed an indented heading and let a
    /// "```" line end a "~~~~" fence.
    #[test]
    fn the_outline_names_sections_as_the_diff_does() {
        let text = "# Sprog\n## C#\n   ## Indrykket\n~~~~\n```\n# ikke\n~~~~\n## Efter\n";
        let found = headings(&ropey::Rope::from_str(text));
        let titles: Vec<&str> = found.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Sprog", "C#", "Indrykket", "Efter"]);
        for h in &found {
            assert_eq!(
                crate::diff::heading_path(text, h.line).last().map(String::as_str),
                Some(h.title.as_str())
            );
        }
    }

    #[test]
    fn marks_show_added_changed_and_removed_lines() {
        let marks = line_marks("a\nb\nc\nd\n", "a\nB\nc\nny\n");
        assert_eq!(
            &marks[..4],
            &[Mark::Same, Mark::Changed, Mark::Same, Mark::Changed]
        );
        let marks = line_marks("a\nb\nc\n", "a\nc\nd\n");
        assert_eq!(&marks[..3], &[Mark::Same, Mark::RemovedBefore, Mark::Added]);
    }
}
