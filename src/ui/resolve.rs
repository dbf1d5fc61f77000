//! The clash resolver: a layer over the editor when the text being edited
//! and a draft saved meanwhile changed the same passages. Each passage is
//! shown three ways side by side (the draft both came from, yours, theirs),
//! with the words each side changed marked; the person takes yours, theirs
//! or both for each, or takes the combined text into the editor to write it
//! themselves. Nothing is dropped that was not chosen away: a passage not
//! chosen keeps both versions, and the whole change is one undo step.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::diff::{self, Block as DiffBlock, Tag};
use std::collections::HashMap;

use crate::domain::{Choice, Clash, Merge, Part, Slug};
use crate::lang::{Msg, t, tf};
use crate::text::inert;
use crate::ui::theme::Theme;
use crate::ui::widgets;
use crate::usecase::{Clashing, SyncInput, Updated};

/// The keys as the layer's own line says them (no `e` in a sync).
fn keys_here(editor: bool) -> String {
    format!(" {}", keys(editor))
}

/// The keys of the layer, with `e` in the editor.
fn keys(editor: bool) -> &'static str {
    t(if editor {
        Msg::ResKeysEditor
    } else {
        Msg::ResKeysSync
    })
}

/// Which version of a passage a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Base,
    Mine,
    Theirs,
}

const SIDES: [Side; 3] = [Side::Base, Side::Mine, Side::Theirs];

/// What a piece of a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// The passage as the draft both came from has it.
    Same,
    /// Words this side changed.
    Changed,
    /// A line around the passage, that nobody changed, to see where it is.
    Context,
}

/// A column's lines as pieces.
type Pieces = Vec<Vec<(Piece, String)>>;

/// Lines shown around a passage.
const CONTEXT: usize = 2;

/// What the passages clash in, and what choosing them is for.
#[derive(Debug, Clone)]
pub enum Purpose {
    /// The editor's text and a later draft (Ctrl-U, or a save that clashed).
    Editor {
        slug: Slug,
        /// The draft the text being edited was made from.
        mine_draft: usize,
        /// The editor's buffer version the merge is of: the choice applies
        /// to that text only.
        version: u64,
        /// The latest draft, the merge onto it and who saved since.
        updated: Updated,
        /// The draft message of the save that clashed: done saves with it.
        message: Option<String>,
    },
    /// A sync: the `at`-th of the files that clashed, with the texts
    /// chosen for those before it.
    Sync {
        clashing: Clashing,
        at: usize,
        resolved: HashMap<String, Vec<u8>>,
    },
}

#[derive(Debug, Clone)]
pub struct Resolver {
    pub purpose: Purpose,
    /// The passages of the text being resolved.
    merge: Merge,
    pub choices: Vec<Option<Choice>>,
    pub current: usize,
    scroll: usize,
    /// Each clash's three columns as pieces (computed once).
    pieces: Vec<[Pieces; 3]>,
    /// The current clash's columns wrapped to the width last fitted, and
    /// the rows that fit.
    wrapped: [Vec<Line<'static>>; 3],
    height: usize,
    /// The current passage as chosen, wrapped to the pane below the columns,
    /// and the rows that fit there.
    result: Vec<Line<'static>>,
    result_height: usize,
    /// What the last key could not do, shown on the layer's own line.
    note: Option<String>,
}

/// How the resolver was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// Nothing changes in the editor.
    Cancel,
    /// Every passage chosen: the combined text replaces the editor's (and
    /// is saved, when a save clashed).
    Done,
    /// The combined text goes into the editor to be finished by hand, at
    /// the current passage; passages not chosen keep both versions.
    Edit,
}

pub enum Step {
    Stay,
    Close(Finish),
}

/// What follows a sync's file whose passages were chosen.
pub enum Next {
    File(Box<Resolver>),
    Sync(SyncInput),
}

impl Resolver {
    pub fn new(purpose: Purpose) -> Resolver {
        let merge = match &purpose {
            Purpose::Editor { updated, .. } => updated.merge.clone(),
            Purpose::Sync { clashing, at, .. } => clashing.clashes[*at].merge.clone(),
        };
        let pieces = clashes_in_context(&merge);
        // Edits of different words are both taken unless the person
        // chooses otherwise: what a merge of prose should do.
        let choices = merge
            .clashes()
            .map(|c| c.words.as_ref().map(|_| Choice::Words))
            .collect();
        Resolver {
            purpose,
            merge,
            choices,
            current: 0,
            scroll: 0,
            pieces,
            wrapped: Default::default(),
            height: 0,
            result: Vec::new(),
            result_height: 0,
            note: None,
        }
    }

    /// After this file of a sync's clashes is chosen: the next file's
    /// resolver, or the sync to run again with every text chosen.
    pub fn next_file(self) -> Next {
        let (text, _) = self.combined();
        let Purpose::Sync {
            clashing,
            at,
            mut resolved,
        } = self.purpose
        else {
            return Next::File(Box::new(Resolver::new(self.purpose)));
        };
        resolved.insert(clashing.clashes[at].path.clone(), text.into_bytes());
        match at + 1 < clashing.clashes.len() {
            true => Next::File(Box::new(Resolver::new(Purpose::Sync {
                clashing,
                at: at + 1,
                resolved,
            }))),
            false => Next::Sync(SyncInput {
                remote: Some(clashing.upstream.remote.clone()),
                resolved,
                resume: Some(clashing.resume),
            }),
        }
    }

    /// The passage being chosen.
    fn clash(&self) -> Option<&Clash> {
        self.merge.clashes().nth(self.current)
    }

    pub fn clash_count(&self) -> usize {
        self.choices.len()
    }

    /// The combined text as chosen, and the line (1-based) the current
    /// passage starts on in it.
    pub fn combined(&self) -> (String, usize) {
        let (text, starts) = self.merge.combine(&self.choices);
        let line = starts.get(self.current).copied().unwrap_or(1);
        (text, line)
    }

    pub fn key(&mut self, key: KeyEvent) -> Step {
        self.note = None;
        let count = self.clash_count();
        if count == 0 {
            return Step::Close(Finish::Cancel);
        }
        let choose = |this: &mut Resolver, choice: Choice| {
            this.choices[this.current] = Some(choice);
            // On to the next passage not chosen yet, as a merge tool does.
            if let Some(next) = (0..count)
                .map(|i| (this.current + i) % count)
                .find(|&i| this.choices[i].is_none())
            {
                this.go(next);
            }
        };
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return match key.code {
                KeyCode::Char('q' | 'c') => Step::Close(Finish::Cancel),
                _ => {
                    self.note = Some(keys(matches!(self.purpose, Purpose::Editor { .. })).into());
                    Step::Stay
                }
            };
        }
        match key.code {
            KeyCode::Esc => return Step::Close(Finish::Cancel),
            KeyCode::Enter => match self.choices.iter().position(Option::is_none) {
                None => return Step::Close(Finish::Done),
                Some(open) => {
                    let left = self.choices.iter().filter(|c| c.is_none()).count();
                    self.go(open);
                    let by_hand = match (&self.purpose, left) {
                        (Purpose::Editor { .. }, 1) => t(Msg::ResByHandOne),
                        (Purpose::Editor { .. }, _) => t(Msg::ResByHandMany),
                        (Purpose::Sync { .. }, _) => "",
                    };
                    let msg = if left == 1 {
                        Msg::ResLeftOne
                    } else {
                        Msg::ResLeftMany
                    };
                    self.note = Some(tf(msg, &[("left", &left), ("by_hand", &by_hand)]));
                }
            },
            KeyCode::Char('e') if matches!(self.purpose, Purpose::Editor { .. }) => {
                return Step::Close(Finish::Edit);
            }
            KeyCode::Char('y') => choose(self, Choice::Mine),
            KeyCode::Char('t') => choose(self, Choice::Theirs),
            KeyCode::Char('b') => choose(self, Choice::MineThenTheirs),
            KeyCode::Char('B') => choose(self, Choice::TheirsThenMine),
            KeyCode::Char('w') if self.clash().is_some_and(|c| c.words.is_some()) => {
                choose(self, Choice::Words)
            }
            KeyCode::Char('w') => {
                self.note = Some(t(Msg::ResSameWords).into());
            }
            KeyCode::Char('u') => self.choices[self.current] = None,
            KeyCode::Char('n') | KeyCode::Down | KeyCode::Tab | KeyCode::Char('j') => {
                self.go((self.current + 1).min(count - 1))
            }
            KeyCode::Char('p') | KeyCode::Up | KeyCode::BackTab | KeyCode::Char('k') => {
                self.go(self.current.saturating_sub(1))
            }
            KeyCode::Char('J') => self.scroll += 1,
            KeyCode::Char('K') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll += self.height.max(1),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(self.height.max(1)),
            _ => self.note = Some(keys(matches!(self.purpose, Purpose::Editor { .. })).into()),
        }
        self.scroll = self.scroll.min(self.max_scroll());
        Step::Stay
    }

    fn go(&mut self, clash: usize) {
        if clash != self.current {
            self.current = clash;
            self.scroll = 0;
            self.wrapped = Default::default();
        }
    }

    fn max_scroll(&self) -> usize {
        let longest = self.wrapped.iter().map(Vec::len).max().unwrap_or(0);
        longest
            .saturating_sub(self.height)
            .max(self.result.len().saturating_sub(self.result_height))
    }

    /// The areas: the heading, the three columns (two when narrow: the
    /// draft both came from is left out below 60 columns), the choices
    /// and the keys.
    fn areas(area: Rect) -> (Rect, Vec<Rect>, Rect, Rect, Rect) {
        let [head, body, result, chosen, keys] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(3),
            Constraint::Percentage(30),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(area);
        let n = if area.width >= 60 { 3 } else { 2 };
        let columns = Layout::horizontal(vec![Constraint::Ratio(1, n); n as usize])
            .split(body)
            .to_vec();
        (head, columns, result, chosen, keys)
    }

    /// Wraps the current passage to the columns' width.
    pub fn fit(&mut self, area: Rect, theme: &Theme) {
        let (_, columns, result, _, _) = Self::areas(area);
        let shown = &SIDES[3 - columns.len()..];
        // The passage as chosen, in the pane below.
        let width = result.width.saturating_sub(2).max(1) as usize;
        self.result_height = result.height.saturating_sub(2) as usize;
        let choice = self.choices.get(self.current).copied().flatten();
        self.result = match self.clash() {
            // Not chosen yet: what is kept until then.
            Some(clash) => clash
                .take(choice.unwrap_or(Choice::MineThenTheirs))
                .split_inclusive('\n')
                .flat_map(|line| {
                    let spans = [(Tag::Same, line.trim_end_matches(['\r', '\n']).to_string())];
                    diff::wrap(&spans, width, false)
                })
                .map(|row| Line::from(row.into_iter().map(|(_, t)| Span::raw(t)).collect::<Vec<_>>()))
                .collect(),
            None => Vec::new(),
        };
        let Some(pieces) = self.pieces.get(self.current) else {
            return;
        };
        self.height = columns[0].height.saturating_sub(2) as usize;
        for (i, side) in SIDES.iter().enumerate() {
            let Some(at) = shown.iter().position(|s| s == side) else {
                self.wrapped[i].clear();
                continue;
            };
            let width = columns[at].width.saturating_sub(2).max(1) as usize;
            self.wrapped[i] = pieces[i]
                .iter()
                .flat_map(|line| wrapped(line, *side, width, theme))
                .collect();
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
        frame.render_widget(Clear, area);
        let (head, columns, result, chosen, keys) = Self::areas(area);
        let count = self.clash_count();
        let (_, line) = self.combined();
        let labels = self.labels(count, columns[0].width as usize);
        let width = head.width as usize;
        let heading = vec![
            Line::from(Span::styled(
                widgets::cut(&labels.heading, width),
                theme.warning(),
            )),
            Line::from(widgets::cut(
                &tf(
                    Msg::ResPassageOf,
                    &[
                        ("n", &(self.current + 1)),
                        ("count", &count),
                        ("line", &line),
                        ("done", &labels.done),
                    ],
                ),
                width,
            )),
        ];
        frame.render_widget(Paragraph::new(heading), head);
        let shown = &SIDES[3 - columns.len()..];
        let choice = self.choices.get(self.current).copied().flatten();
        for (rect, side) in columns.iter().zip(shown) {
            let taken = taken_as(choice, *side);
            let title = match side {
                Side::Base => labels.base.clone(),
                Side::Mine => format!(" {taken}{}", labels.mine),
                Side::Theirs => format!(" {taken}{}", labels.theirs),
            };
            let style = match taken.is_empty() {
                true => theme.dim(),
                false => theme.good().add_modifier(Modifier::BOLD),
            };
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(style)
                .title(Span::styled(
                    widgets::cut(&title, rect.width.saturating_sub(2) as usize),
                    style,
                ));
            let index = SIDES.iter().position(|s| s == side).unwrap_or(0);
            let rows: Vec<Line<'static>> = self.wrapped[index]
                .iter()
                .skip(self.scroll)
                .take(self.height)
                .cloned()
                .collect();
            frame.render_widget(Paragraph::new(rows).block(block), *rect);
        }
        let choice_label = choice.map(Choice::label);
        let title = match choice_label {
            Some(label) => tf(Msg::ResAsChosen, &[("label", &label)]),
            None => t(Msg::ResNotChosenYet).to_string(),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.dim())
            .title(widgets::cut(&title, result.width.saturating_sub(2) as usize));
        // J/K scroll this pane with the columns, as far as it goes.
        let skip = self
            .scroll
            .min(self.result.len().saturating_sub(self.result_height));
        let rows: Vec<Line<'static>> = match self.result.is_empty() {
            true => vec![Line::from(Span::styled(t(Msg::ResPassageGoes), theme.dim()))],
            false => self.result.iter().skip(skip).cloned().collect(),
        };
        frame.render_widget(Paragraph::new(rows).block(block), result);
        let states: Vec<String> = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mark = if i == self.current { "▶" } else { "" };
                format!(
                    "{mark}{} {}",
                    i + 1,
                    c.map_or(t(Msg::ResNotChosen), Choice::label)
                )
            })
            .collect();
        let more = match self.max_scroll() > self.scroll {
            true => t(Msg::ResMoreBelow),
            false => "",
        };
        frame.render_widget(
            Paragraph::new(widgets::cut(
                &format!(" {}{more}", states.join(" · ")),
                chosen.width as usize,
            )),
            chosen,
        );
        let hint = match &self.note {
            Some(note) => Paragraph::new(format!(" {}", inert(note))).style(theme.error()),
            None => {
                Paragraph::new(keys_here(matches!(self.purpose, Purpose::Editor { .. }))).style(theme.dim())
            }
        };
        frame.render_widget(hint.wrap(ratatui::widgets::Wrap { trim: false }), keys);
    }
}

/// What the layer says, by purpose.
struct Labels {
    heading: String,
    /// What Enter does besides closing.
    done: &'static str,
    base: String,
    mine: String,
    /// The other side's column title.
    theirs: String,
}

impl Resolver {
    /// The labels, the other side's name fitted to columns `width` wide.
    fn labels(&self, count: usize, width: usize) -> Labels {
        match &self.purpose {
            Purpose::Editor {
                mine_draft,
                updated,
                message,
                ..
            } => {
                let latest = updated.latest.draft;
                let by = updated
                    .by
                    .first()
                    .map(String::as_str)
                    .unwrap_or(t(Msg::ResSomeone));
                let heading = if count == 1 {
                    Msg::ResEditorHeadOne
                } else {
                    Msg::ResEditorHeadMany
                };
                Labels {
                    heading: tf(
                        heading,
                        &[("latest", &latest), ("by", &inert(by)), ("count", &count)],
                    ),
                    done: if message.is_some() {
                        t(Msg::ResSavesDraft)
                    } else {
                        ""
                    },
                    base: match updated.base_draft {
                        Some(n) => tf(Msg::ResBaseDraft, &[("n", &n)]),
                        None => t(Msg::ResBaseNone).to_string(),
                    },
                    mine: tf(Msg::ResMine, &[("draft", mine_draft)]),
                    theirs: tf(
                        Msg::ResTheirs,
                        &[
                            ("latest", &latest),
                            ("by", &widgets::short_name(by, width.saturating_sub(22).max(6))),
                        ],
                    ),
                }
            }
            Purpose::Sync { clashing, at, .. } => {
                let files = clashing.clashes.len();
                let path = &clashing.clashes[*at].path;
                let remote = &clashing.upstream.remote;
                let file_of = match files {
                    1 => String::new(),
                    n => tf(Msg::ResFileOf, &[("n", &(at + 1)), ("count", &n)]),
                };
                let heading = if count == 1 {
                    Msg::ResSyncHeadOne
                } else {
                    Msg::ResSyncHeadMany
                };
                Labels {
                    heading: tf(
                        heading,
                        &[
                            ("path", &inert(path)),
                            ("remote", remote),
                            ("count", &count),
                            ("files", &file_of),
                        ],
                    ),
                    done: if at + 1 < files {
                        t(Msg::ResNextFile)
                    } else {
                        t(Msg::ResFinishesSync)
                    },
                    base: t(Msg::ResSyncBase).into(),
                    mine: t(Msg::ResSyncMine).into(),
                    theirs: tf(Msg::ResSyncTheirs, &[("remote", remote)]),
                }
            }
        }
    }
}

/// "✓ " on a column the choice keeps ("✓1 "/"✓2 " for both, in order).
fn taken_as(choice: Option<Choice>, side: Side) -> &'static str {
    match (choice, side) {
        (Some(Choice::Mine), Side::Mine) | (Some(Choice::Theirs), Side::Theirs) => "✓ ",
        (Some(Choice::MineThenTheirs), Side::Mine) | (Some(Choice::TheirsThenMine), Side::Theirs) => "✓1 ",
        (Some(Choice::MineThenTheirs), Side::Theirs) | (Some(Choice::TheirsThenMine), Side::Mine) => "✓2 ",
        (Some(Choice::Words), Side::Mine | Side::Theirs) => "✓w ",
        _ => "",
    }
}

/// One line of a column in rows of at most `width` (the diff's wrap: the
/// editor's break rules, inert text): a side's changed words stand out
/// (without colour, between `{+` and `+}` on every row, as the history marks
/// them); in the draft both came from, nothing is marked; the lines around
/// the passage are dim.
fn wrapped(line: &[(Piece, String)], side: Side, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let context = line.iter().all(|(piece, _)| *piece == Piece::Context);
    let spans: Vec<(Tag, String)> = line
        .iter()
        .map(|(piece, text)| match (piece, side) {
            (Piece::Changed, Side::Mine | Side::Theirs) => (Tag::Added, text.clone()),
            _ => (Tag::Same, text.clone()),
        })
        .collect();
    let plain = if context { theme.dim() } else { Style::new() };
    diff::wrap(&spans, width, !theme.color)
        .into_iter()
        .map(|row| {
            let spans: Vec<Span<'static>> = row
                .into_iter()
                .map(|(tag, text)| match (tag, theme.color) {
                    (Tag::Same, _) => Span::styled(text, plain),
                    (_, true) => Span::styled(text, theme.added().add_modifier(Modifier::BOLD)),
                    (tag, false) => {
                        let (open, close) = diff::marks(tag);
                        Span::styled(
                            format!("{open}{text}{close}"),
                            Style::new().add_modifier(Modifier::BOLD),
                        )
                    }
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// Each clash's three columns, with the lines around it (from the agreed
/// text before and after) in each.
fn clashes_in_context(merge: &Merge) -> Vec<[Pieces; 3]> {
    let agreed = |i: usize| match merge.parts.get(i) {
        Some(Part::Agreed(text)) => text.as_str(),
        _ => "",
    };
    merge
        .parts
        .iter()
        .enumerate()
        .filter_map(|(i, part)| match part {
            Part::Clash(clash) => Some((i, clash)),
            Part::Agreed(_) => None,
        })
        .map(|(i, clash)| {
            let before: Vec<&str> = i.checked_sub(1).map_or("", agreed).lines().collect();
            let before = &before[before.len().saturating_sub(CONTEXT)..];
            let after: Vec<&str> = agreed(i + 1).lines().take(CONTEXT).collect();
            let around = |lines: &[&str]| -> Pieces {
                lines
                    .iter()
                    .map(|l| vec![(Piece::Context, l.trim_end_matches('\r').to_string())])
                    .collect()
            };
            columns(clash).map(|passage| {
                let mut column = around(before);
                match passage.is_empty() {
                    // Nothing here: this side took the passage out (or, in
                    // the draft both came from, both sides wrote a new one).
                    true => column.push(vec![(Piece::Context, t(Msg::ResNothing).to_string())]),
                    false => column.extend(passage),
                }
                column.extend(around(&after));
                column
            })
        })
        .collect()
}

/// A clash's three columns: the base as it is, and each side with the
/// words it changed against the base marked, line by line.
fn columns(clash: &Clash) -> [Pieces; 3] {
    let marked = |side: &str| -> Pieces {
        let words = diff::diff(&clash.base, side, std::time::Duration::from_millis(50));
        let mut pieces: Vec<(Piece, String)> = Vec::new();
        let side_lines = diff::lines(side);
        for block in &words.blocks {
            match block {
                DiffBlock::Same { new, .. } => {
                    pieces.push((Piece::Same, side_lines[new.clone()].concat()));
                }
                DiffBlock::MovedAway { .. } => {}
                DiffBlock::Changed { words, .. } | DiffBlock::MovedHere { words, .. } => {
                    pieces.extend(words.iter().filter(|w| w.tag != Tag::Removed).map(|w| {
                        match w.tag == Tag::Added && !w.text.trim().is_empty() {
                            true => (Piece::Changed, w.text.clone()),
                            false => (Piece::Same, w.text.clone()),
                        }
                    }))
                }
            }
        }
        by_line(pieces)
    };
    [
        by_line(vec![(Piece::Same, clash.base.clone())]),
        marked(&clash.mine),
        marked(&clash.theirs),
    ]
}

/// Splits pieces at line ends (dropped: each line is a row of its own).
fn by_line(pieces: Vec<(Piece, String)>) -> Pieces {
    let mut lines: Pieces = vec![Vec::new()];
    for (piece, text) in pieces {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            let part = part.trim_end_matches('\r');
            if !part.is_empty() {
                lines
                    .last_mut()
                    .expect("never empty")
                    .push((piece, part.to_string()));
            }
        }
    }
    // The line end of the last line makes no row of its own; a passage
    // that is gone has no rows.
    if lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_at_line_ends_with_their_marks() {
        let lines = by_line(vec![
            (Piece::Same, "Vi vil nå ".into()),
            (Piece::Changed, "75".into()),
            (Piece::Same, " pct.\r\nNy\n".into()),
        ]);
        assert_eq!(
            lines,
            vec![
                vec![
                    (Piece::Same, "Vi vil nå ".to_string()),
                    (Piece::Changed, "75".to_string()),
                    (Piece::Same, " pct.".to_string())
                ],
                vec![(Piece::Same, "Ny".to_string())],
            ]
        );
        assert!(by_line(vec![(Piece::Same, String::new())]).is_empty());
    }

    #[test]
    fn each_side_marks_the_words_it_changed_between_the_lines_around() {
        let merge = Merge {
            parts: vec![
                Part::Agreed("# Mål\n\nFør.\n".into()),
                Part::Clash(Clash {
                    base: "Vi vil nå 70 pct.\n".into(),
                    mine: "Vi vil nå 75 pct.\n".into(),
                    theirs: "Vi skal nå 70 pct. i 2030.\n".into(),
                    words: None,
                }),
                Part::Agreed("Efter.\nOg mere.\nMeget mere.\n".into()),
            ],
        };
        let [base, mine, theirs] = clashes_in_context(&merge).remove(0);
        let text = |p: &Pieces, kind: Piece| -> Vec<String> {
            p.iter()
                .flatten()
                .filter(|(k, _)| *k == kind)
                .map(|(_, t)| t.clone())
                .collect()
        };
        assert!(text(&base, Piece::Changed).is_empty());
        assert_eq!(text(&mine, Piece::Changed), vec!["75"]);
        assert!(
            text(&theirs, Piece::Changed).contains(&"skal".to_string()),
            "{theirs:?}"
        );
        assert_eq!(
            text(&mine, Piece::Context),
            vec!["", "Før.", "Efter.", "Og mere."]
        );
        let line: String = mine[2].iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(line, "Vi vil nå 75 pct.");
    }
}
