//! Rows for the three ways of reading a diff (unified, side by side, inline), with
//! unchanged stretches folded, and where each change starts.
//!
//! Rows are plain data: spans of text with a [`Tag`], line breaks removed. The
//! screens colour them; the CLI prints them. One rule keeps re-wrapping quiet in
//! every view: whitespace inside a change is never emphasised (it is tagged
//! [`Tag::Same`]), so a reviewer only ever sees words highlighted that changed.

use crate::lang::{Msg, tf};
use serde::Serialize;

use super::classify::{Kind, changes};
use super::sections::Places;
use super::{Block, Tag, TextDiff, Word, lines};

/// One row of a rendered view. `spans` are the text pieces with their tag, line breaks removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub kind: RowKind,
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    pub spans: Vec<(Tag, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    Context,
    Removed,
    Added,
    /// Unchanged stretch folded away: this many lines (old/new start given)
    Fold {
        lines: usize,
        old_start: usize,
        new_start: usize,
    },
    /// The one row left where lines moved away: "moved to …" (the new text's
    /// line they moved to, 0-based).
    MovedAway {
        to_line: usize,
    },
    /// Above lines that moved here: "moved from …" (the old text's line).
    MovedHere {
        from_line: usize,
    },
    /// A line of a moved passage that did not change in the move.
    Moved,
}

/// What a view shows for each block, before rows are made.
enum Piece {
    Lines { old: usize, new: usize, count: usize },
    Fold { old: usize, new: usize, count: usize },
    Changed(usize),
}

/// Context lines next to changes, folds for the rest of each unchanged stretch. A
/// fold of a single line would hide nothing worth a row, so that line is shown.
fn layout(diff: &TextDiff, context: usize, expanded: &[usize]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let last = diff.blocks.len().saturating_sub(1);
    for (i, block) in diff.blocks.iter().enumerate() {
        let Block::Same { old, new } = block else {
            pieces.push(Piece::Changed(i));
            continue;
        };
        let n = old.len();
        // Blocks alternate, so a neighbouring block is always a change.
        let head = if i > 0 { context.min(n) } else { 0 };
        let tail = if i < last { context.min(n - head) } else { 0 };
        let hidden = n - head - tail;
        if expanded.contains(&i) || hidden < 2 {
            pieces.push(Piece::Lines {
                old: old.start,
                new: new.start,
                count: n,
            });
            continue;
        }
        for (at, count, fold) in [
            (0, head, false),
            (head, hidden, true),
            (head + hidden, tail, false),
        ] {
            let (old, new) = (old.start + at, new.start + at);
            match (count, fold) {
                (0, _) => {}
                (_, true) => pieces.push(Piece::Fold { old, new, count }),
                (_, false) => pieces.push(Piece::Lines { old, new, count }),
            }
        }
    }
    pieces
}

fn fold_row(old: usize, new: usize, count: usize) -> Row {
    Row {
        kind: RowKind::Fold {
            lines: count,
            old_start: old,
            new_start: new,
        },
        old_line: Some(old),
        new_line: Some(new),
        spans: Vec::new(),
    }
}

fn context_row(line: &str, old: usize, new: usize) -> Row {
    let mut spans = Vec::new();
    push_span(&mut spans, Tag::Same, strip_break(line).0);
    Row {
        kind: RowKind::Context,
        old_line: Some(old),
        new_line: Some(new),
        spans,
    }
}

/// `piece` without its line break, and whether it had one.
fn strip_break(piece: &str) -> (&str, bool) {
    match piece.strip_suffix('\n') {
        Some(rest) => (rest.strip_suffix('\r').unwrap_or(rest), true),
        None => (piece, false),
    }
}

/// Appends a span, showing whitespace at the edges of a change unemphasised and
/// merging with the previous span when the tags agree.
fn push_span(spans: &mut Vec<(Tag, String)>, tag: Tag, text: &str) {
    let mut push = |tag: Tag, text: &str| {
        if text.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some((last, existing)) if *last == tag => existing.push_str(text),
            _ => spans.push((tag, text.to_string())),
        }
    };
    if tag == Tag::Same {
        return push(tag, text);
    }
    let core = text.trim_matches(char::is_whitespace);
    let lead = text.len() - text.trim_start_matches(char::is_whitespace).len();
    push(Tag::Same, &text[..lead]);
    push(tag, core);
    push(Tag::Same, &text[lead + core.len()..]);
}

/// The lines of one side of a changed block (`side` is Removed for old, Added for new).
fn side_lines(words: &[Word], side: Tag) -> Vec<Vec<(Tag, String)>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut open = false;
    for word in words.iter().filter(|w| w.tag == Tag::Same || w.tag == side) {
        for piece in word.text.split_inclusive('\n') {
            let (content, brk) = strip_break(piece);
            push_span(&mut current, word.tag, content);
            open = true;
            if brk {
                out.push(std::mem::take(&mut current));
                open = false;
            }
        }
    }
    if open {
        out.push(current);
    }
    out
}

fn changed_rows(words: &[Word], side: Tag, start: usize) -> impl Iterator<Item = Row> {
    side_lines(words, side)
        .into_iter()
        .enumerate()
        .map(move |(k, spans)| {
            let (kind, old_line, new_line) = match side {
                Tag::Added => (RowKind::Added, None, Some(start + k)),
                _ => (RowKind::Removed, Some(start + k), None),
            };
            Row {
                kind,
                old_line,
                new_line,
                spans,
            }
        })
}

/// Unified view: context lines around each change, folds for longer unchanged stretches;
/// Removed rows carry the words removed (Tag::Removed emphasised), Added rows the added ones.
/// `expanded` lists indices of blocks whose fold the user opened (show every line).
pub fn unified(diff: &TextDiff, old: &str, new: &str, context: usize, expanded: &[usize]) -> Vec<Row> {
    // Unchanged lines read the same in both texts and changed ones come from the
    // words; `new` names the places moved passages went to.
    let old_lines = lines(old);
    rows_of(
        diff,
        (old, new),
        context,
        expanded,
        |o, _| old_lines[o],
        |words, o, n, rows| {
            rows.extend(changed_rows(words, Tag::Removed, o));
            rows.extend(changed_rows(words, Tag::Added, n));
        },
    )
}

/// The rows of a one-column view: unchanged lines (their text from `line`, by
/// old and new index) and folds laid out alike, moved passages as the inline
/// view shows them, changed blocks by `changed` (given the words and the
/// blocks' first old and new lines).
fn rows_of<'a>(
    diff: &TextDiff,
    (old, new): (&str, &str),
    context: usize,
    expanded: &[usize],
    line: impl Fn(usize, usize) -> &'a str,
    mut changed: impl FnMut(&[Word], usize, usize, &mut Vec<Row>),
) -> Vec<Row> {
    let places = Both::of(old, new);
    let mut rows = Vec::new();
    for piece in layout(diff, context, expanded) {
        match piece {
            Piece::Lines {
                old: o,
                new: n,
                count,
            } => {
                rows.extend((0..count).map(|k| context_row(line(o + k, n + k), o + k, n + k)));
            }
            Piece::Fold {
                old: o,
                new: n,
                count,
            } => rows.push(fold_row(o, n, count)),
            Piece::Changed(i) => match diff.blocks.get(i) {
                Some(Block::Changed {
                    old: o,
                    new: n,
                    words,
                }) if quiet(words) => Inline::new(o.start, n.start).rows(words, &mut rows),
                Some(Block::Changed {
                    old: o,
                    new: n,
                    words,
                }) => changed(words, o.start, n.start, &mut rows),
                Some(Block::MovedAway { old: o, to }) => rows.push(away_row(o.start, to, places.new_text())),
                Some(Block::MovedHere { from, new: n, words }) => {
                    rows.push(here_row(from, places.old_text()));
                    let start = rows.len();
                    Inline::new(from.start, n.start).rows(words, &mut rows);
                    for row in &mut rows[start..] {
                        if row.kind == RowKind::Context {
                            row.kind = RowKind::Moved;
                        }
                    }
                }
                _ => {}
            },
        }
    }
    rows
}

/// Whether a changed block changed nothing a view shows (re-wrapping, or
/// every change hidden as minor): its new lines are shown as they are.
pub fn quiet(words: &[Word]) -> bool {
    changes(words).iter().all(|c| c.kind == Kind::Whitespace)
}

/// The places of both texts, read when a moved passage first needs them
/// (once per view, however many passages moved).
struct Both<'a> {
    texts: (&'a str, &'a str),
    old: std::cell::OnceCell<Places>,
    new: std::cell::OnceCell<Places>,
}

impl<'a> Both<'a> {
    fn of(old: &'a str, new: &'a str) -> Both<'a> {
        Both {
            texts: (old, new),
            old: std::cell::OnceCell::new(),
            new: std::cell::OnceCell::new(),
        }
    }

    fn old_text(&self) -> &Places {
        self.old.get_or_init(|| Places::new(self.texts.0))
    }

    fn new_text(&self) -> &Places {
        self.new.get_or_init(|| Places::new(self.texts.1))
    }
}

fn away_row(old: usize, to: &std::ops::Range<usize>, new: &Places) -> Row {
    Row {
        kind: RowKind::MovedAway { to_line: to.start },
        old_line: Some(old),
        new_line: None,
        spans: vec![(
            Tag::Same,
            tf(Msg::ViewMovedTo, &[("place", &new.label(to.start))]),
        )],
    }
}

fn here_row(from: &std::ops::Range<usize>, old: &Places) -> Row {
    Row {
        kind: RowKind::MovedHere {
            from_line: from.start,
        },
        old_line: None,
        new_line: None,
        spans: vec![(
            Tag::Same,
            tf(Msg::ViewMovedFrom, &[("place", &old.label(from.start))]),
        )],
    }
}

/// Side by side: each pair is (left row from old, right row from new), aligned, None where a side has no line.
pub fn side_by_side(
    diff: &TextDiff,
    old: &str,
    new: &str,
    context: usize,
    expanded: &[usize],
) -> Vec<(Option<Row>, Option<Row>)> {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let places = Both::of(old, new);
    let mut pairs = Vec::new();
    for piece in layout(diff, context, expanded) {
        match piece {
            Piece::Lines {
                old: o,
                new: n,
                count,
            } => pairs.extend((0..count).map(|k| {
                (
                    Some(context_row(old_lines[o + k], o + k, n + k)),
                    Some(context_row(new_lines[n + k], o + k, n + k)),
                )
            })),
            Piece::Fold {
                old: o,
                new: n,
                count,
            } => pairs.push((Some(fold_row(o, n, count)), Some(fold_row(o, n, count)))),
            Piece::Changed(i) => match diff.blocks.get(i) {
                Some(Block::Changed {
                    old: o,
                    new: n,
                    words,
                }) => {
                    let calm = quiet(words).then_some(RowKind::Context);
                    pair_up(&mut pairs, words, (o.start, n.start), calm);
                }
                Some(Block::MovedAway { old: o, to }) => {
                    pairs.push((Some(away_row(o.start, to, places.new_text())), None))
                }
                Some(Block::MovedHere { from, new: n, words }) => {
                    pairs.push((None, Some(here_row(from, places.old_text()))));
                    pair_up(&mut pairs, words, (from.start, n.start), Some(RowKind::Moved));
                }
                _ => {}
            },
        }
    }
    pairs
}

/// A changed or moved block's old and new lines side by side; lines without
/// a visible change get the kind `calm` (context for a block that only
/// re-wrapped, moved for a moved passage) when it is given.
fn pair_up(
    pairs: &mut Vec<(Option<Row>, Option<Row>)>,
    words: &[Word],
    (old, new): (usize, usize),
    calm: Option<RowKind>,
) {
    let settle = |mut row: Row| {
        if let Some(kind) = &calm
            && row.spans.iter().all(|(tag, _)| *tag == Tag::Same)
        {
            row.kind = kind.clone();
        }
        row
    };
    let mut left = changed_rows(words, Tag::Removed, old).map(settle);
    let mut right = changed_rows(words, Tag::Added, new).map(settle);
    loop {
        match (left.next(), right.next()) {
            (None, None) => break,
            pair => pairs.push(pair),
        }
    }
}

/// Inline word view for prose: the new text's lines with removed words shown inline (Tag::Removed)
/// and added words marked (Tag::Added) — one row per new line (plus rows for removed-only lines),
/// folds as in unified.
///
/// A new line whose only differences are whitespace (re-wrapping) is a Context row, so
/// next/previous change skips it. Removed pure whitespace is not shown at all.
pub fn inline(diff: &TextDiff, old: &str, new: &str, context: usize, expanded: &[usize]) -> Vec<Row> {
    // As in `unified`: the old text is in the words; `old` names where moved
    // passages came from.
    let new_lines = lines(new);
    rows_of(
        diff,
        (old, new),
        context,
        expanded,
        |_, n| new_lines[n],
        |words, o, n, rows| Inline::new(o, n).rows(words, rows),
    )
}

/// Builds inline rows for one changed block.
struct Inline {
    spans: Vec<(Tag, String)>,
    /// The current row is a line of the new text (it holds Same or Added text).
    on_new_line: bool,
    row_old: Option<usize>,
    old_line: usize,
    new_line: usize,
}

impl Inline {
    fn new(old_line: usize, new_line: usize) -> Inline {
        Inline {
            spans: Vec::new(),
            on_new_line: false,
            row_old: None,
            old_line,
            new_line,
        }
    }

    fn rows(mut self, words: &[Word], rows: &mut Vec<Row>) {
        let marks = paragraph_marks(words);
        // A rewritten paragraph's old text is a row of its own, above the new.
        let rewritten: Vec<usize> = changes(words)
            .into_iter()
            .filter(|c| c.kind == Kind::Rewrite)
            .map(|c| c.words.start)
            .collect();
        for (i, (word, mark)) in words.iter().zip(marks).enumerate() {
            if let Some(tag) = mark {
                push_span(&mut self.spans, tag, PARAGRAPH_MARK);
                if tag == Tag::Added {
                    self.on_new_line = true;
                }
            }
            let quiet = word.tag == Tag::Removed && word.text.chars().all(char::is_whitespace);
            for piece in word.text.split_inclusive('\n') {
                let (content, brk) = strip_break(piece);
                if word.tag != Tag::Added && !quiet && self.row_old.is_none() {
                    self.row_old = Some(self.old_line);
                }
                match word.tag {
                    Tag::Removed if quiet => {}
                    Tag::Removed => push_span(&mut self.spans, Tag::Removed, content),
                    tag => {
                        push_span(&mut self.spans, tag, content);
                        self.on_new_line = true;
                    }
                }
                if brk && word.tag != Tag::Added {
                    self.old_line += 1;
                }
                if !brk || quiet {
                    continue;
                }
                if word.tag == Tag::Removed && self.on_new_line {
                    // A removed line break inside a new line: keep the removed words
                    // apart from what follows.
                    if self
                        .spans
                        .last()
                        .is_some_and(|(_, s)| !s.ends_with(char::is_whitespace))
                    {
                        push_span(&mut self.spans, Tag::Same, " ");
                    }
                } else {
                    self.flush(rows);
                }
            }
            if rewritten.contains(&i) && !self.on_new_line && !self.spans.is_empty() {
                self.flush(rows);
            }
        }
        if self.on_new_line || !self.spans.is_empty() {
            self.flush(rows);
        }
    }

    fn flush(&mut self, rows: &mut Vec<Row>) {
        let spans = std::mem::take(&mut self.spans);
        let (kind, new_line) = if self.on_new_line {
            let changed = spans.iter().any(|(tag, _)| *tag != Tag::Same);
            let kind = if changed { RowKind::Added } else { RowKind::Context };
            self.new_line += 1;
            (kind, Some(self.new_line - 1))
        } else {
            (RowKind::Removed, None)
        };
        rows.push(Row {
            kind,
            old_line: self.row_old.take(),
            new_line,
            spans,
        });
        self.on_new_line = false;
    }
}

/// Shown where a paragraph was split (a blank line added between two
/// sentences) or two were joined: otherwise only whitespace changed, which
/// the word view shows unmarked, and the change would look like none.
pub const PARAGRAPH_MARK: &str = "¶";

/// For each word, the paragraph mark to show before it: a whitespace change
/// that adds or takes out a blank line (re-wrapping, a line end for a
/// space, is no paragraph change and gets none).
fn paragraph_marks(words: &[Word]) -> Vec<Option<Tag>> {
    let blank = |w: &Word| w.text.matches('\n').count() >= 2;
    let space = |i: usize, tag: Tag| {
        words
            .get(i)
            .filter(|w| w.tag == tag && w.text.chars().all(char::is_whitespace))
    };
    (0..words.len())
        .map(|i| {
            let word = &words[i];
            let other = match word.tag {
                Tag::Same => return None,
                Tag::Added => Tag::Removed,
                Tag::Removed => Tag::Added,
            };
            let this = space(i, word.tag)?;
            // The whitespace it replaces, beside it (none: nothing there).
            let before = i.checked_sub(1).and_then(|b| space(b, other));
            let partner = before.or_else(|| space(i + 1, other));
            (blank(this) && !partner.is_some_and(blank)).then_some(word.tag)
        })
        .collect()
}

fn is_change(row: &Row) -> bool {
    matches!(
        row.kind,
        RowKind::Removed | RowKind::Added | RowKind::MovedAway { .. } | RowKind::MovedHere { .. }
    )
}

/// Indices into the rows returned by a view where a change starts (for next/previous change).
pub fn change_starts(rows: &[Row]) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| is_change(&rows[i]) && (i == 0 || !is_change(&rows[i - 1])))
        .collect()
}

/// [`change_starts`] for the pairs of [`side_by_side`].
pub fn side_by_side_change_starts(pairs: &[(Option<Row>, Option<Row>)]) -> Vec<usize> {
    let changed = |i: usize| {
        let (left, right) = &pairs[i];
        left.as_ref().is_some_and(is_change) || right.as_ref().is_some_and(is_change)
    };
    (0..pairs.len())
        .filter(|&i| changed(i) && (i == 0 || !changed(i - 1)))
        .collect()
}

/// The index of the block a Fold row folds, to pass in `expanded` when the user opens it.
pub fn fold_block(diff: &TextDiff, row: &Row) -> Option<usize> {
    let RowKind::Fold { old_start, .. } = row.kind else {
        return None;
    };
    diff.blocks
        .iter()
        .position(|block| matches!(block, Block::Same { old, .. } if old.contains(&old_start)))
}
