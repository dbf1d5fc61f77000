//! The blocks of the older and the newer draft paired and diffed into one
//! [`Bilag`]: every inserted or deleted run credited to the draft that made
//! that change, review threads placed on their blocks.

use super::markdown::{self, MdBlock, MdRun};
use super::{Bilag, Block, BlockKind, Change, Comment, CommentMessage, Cover, Note, Rev, Run, RunKind};
use crate::diff::{self, Authorship, BlockText, Pair, Tag};

/// One draft: its number, text, author and date.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub number: u32,
    pub text: &'a str,
    pub author: String,
    /// RFC 3339, UTC.
    pub date: String,
}

impl Draft<'_> {
    fn rev(&self) -> Rev {
        Rev {
            author: self.author.clone(),
            date: self.date.clone(),
            draft: self.number,
        }
    }
}

/// A review thread, placed on the newer draft.
#[derive(Debug, Clone)]
pub struct ThreadInput {
    /// Its lines in the newer draft, 1-based and inclusive; none when its
    /// passage is gone.
    pub lines: Option<(usize, usize)>,
    pub short_id: String,
    pub messages: Vec<CommentMessage>,
}

/// What a Bilag is made from.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub cover: Cover,
    /// The drafts from the one the changes are measured from to the one
    /// exported, oldest first; only the exported one when there are no changes.
    pub drafts: Vec<Draft<'a>>,
    pub threads: Vec<ThreadInput>,
}

/// The Bilag of `source`.
pub fn build(source: &Source<'_>) -> Bilag {
    let newer = source.drafts.last().expect("a Bilag needs a draft");
    let (new_blocks, mut warnings) = markdown::blocks(newer.text);
    warnings.dedup();
    let mut maker = Maker {
        drafts: &source.drafts,
        authorship: Authorship::default(),
    };
    let made = if source.drafts.len() > 1 {
        let (old_blocks, _) = markdown::blocks(source.drafts[0].text);
        let texts: Vec<&str> = source.drafts.iter().map(|d| d.text).collect();
        maker.authorship = diff::authorship(&texts);
        maker.blocks(&pair(&old_blocks, &new_blocks), &old_blocks, &new_blocks)
    } else {
        let pairs: Vec<Pair> = (0..new_blocks.len())
            .map(|new| Pair::Same { old: new, new })
            .collect();
        maker.blocks(&pairs, &new_blocks, &new_blocks)
    };
    finish(source, made, &new_blocks, warnings)
}

/// The pairs of two drafts' blocks: equal keys are the same block; blocks
/// paired by their words but of another kind (a paragraph made a heading)
/// are one removed and one added.
fn pair(old: &[MdBlock], new: &[MdBlock]) -> Vec<Pair> {
    let keyed = |blocks: &[MdBlock]| -> Vec<(String, String)> {
        blocks.iter().map(|b| (b.key(), b.plain())).collect()
    };
    let (old_keys, new_keys) = (keyed(old), keyed(new));

    let mut out = Vec::new();
    for p in diff::pair_blocks(&block_texts(&old_keys), &block_texts(&new_keys)) {
        match p {
            Pair::Changed { old: i, new: j }
                if old[i].kind != new[j].kind
                    || old[i].note != new[j].note
                    || (old[i].kind == BlockKind::Table && shape(&old[i]) != shape(&new[j])) =>
            {
                out.push(Pair::Removed(i));
                out.push(Pair::Added(j));
            }
            p => out.push(p),
        }
    }
    out
}

fn block_texts(keys: &[(String, String)]) -> Vec<BlockText<'_>> {
    keys.iter().map(|(key, text)| BlockText { key, text }).collect()
}

fn shape(block: &MdBlock) -> Vec<usize> {
    block.rows.iter().map(Vec::len).collect()
}

/// A made block, with the new block it came from (none when removed).
struct Made {
    block: Block,
    new: Option<usize>,
    note: Option<String>,
}

struct Maker<'a> {
    drafts: &'a [Draft<'a>],
    authorship: Authorship,
}

impl Maker<'_> {
    fn newest(&self) -> Rev {
        self.drafts.last().map(Draft::rev).expect("a draft")
    }

    /// The draft that wrote the newer draft's byte `at`.
    fn added(&self, at: usize) -> Rev {
        match self.authorship.added_by(at) {
            Some(k) => self.drafts[k].rev(),
            None => self.newest(),
        }
    }

    /// The draft that removed the older draft's byte `at`.
    fn removed(&self, at: usize) -> Rev {
        match self.authorship.removed_by(at) {
            Some(k) => self.drafts[k].rev(),
            None => self.newest(),
        }
    }

    fn blocks(&self, pairs: &[Pair], old: &[MdBlock], new: &[MdBlock]) -> Vec<Made> {
        pairs
            .iter()
            .map(|&p| match p {
                Pair::Same { new: j, .. } => Made {
                    block: plain_block(&new[j], |r| self.run(r, None)),
                    new: Some(j),
                    note: new[j].note.clone(),
                },
                Pair::Added(j) => Made {
                    block: self.whole(&new[j], |at| Change::Inserted(self.added(at))),
                    new: Some(j),
                    note: new[j].note.clone(),
                },
                Pair::Removed(i) => Made {
                    block: self.whole(&old[i], |at| Change::Deleted(self.removed(at))),
                    new: None,
                    note: old[i].note.clone(),
                },
                Pair::Changed { old: i, new: j } => {
                    let mut block = plain_block(&new[j], |r| self.run(r, None));
                    if new[j].kind == BlockKind::Table {
                        block.rows = new[j]
                            .rows
                            .iter()
                            .zip(&old[i].rows)
                            .map(|(new_row, old_row)| {
                                new_row
                                    .iter()
                                    .zip(old_row)
                                    .map(|(new_cell, old_cell)| self.changed_runs(old_cell, new_cell))
                                    .collect()
                            })
                            .collect();
                    } else {
                        block.runs = self.changed_runs(&old[i].runs, &new[j].runs);
                    }
                    Made {
                        block,
                        new: Some(j),
                        note: new[j].note.clone(),
                    }
                }
            })
            .collect()
    }

    /// A block inserted or deleted whole: each run, and the paragraph mark
    /// (as its first run), with the change `change` gives for its source byte.
    fn whole(&self, b: &MdBlock, change: impl Fn(usize) -> Change) -> Block {
        let first = b.runs.first().map_or(0, |r| r.src);
        let mut block = plain_block(b, |r| self.run(r, Some(change(r.src))));
        block.change = Some(change(first));
        block
    }

    fn run(&self, r: &MdRun, change: Option<Change>) -> Run {
        Run {
            text: r.text.clone(),
            style: r.style,
            link: r.link.clone(),
            change,
            kind: r.kind.clone(),
        }
    }

    /// The runs of an edited block: the word diff of its old and new text,
    /// each piece styled as the run it falls in and credited to its draft.
    fn changed_runs(&self, old: &[MdRun], new: &[MdRun]) -> Vec<Run> {
        let old_text: String = old.iter().map(MdRun::plain).collect();
        let new_text: String = new.iter().map(MdRun::plain).collect();
        let mut out = Vec::new();
        let mut old_cursor = Cursor::new(old);
        let mut new_cursor = Cursor::new(new);
        for word in diff::block_words(&old_text, &new_text) {
            match word.tag {
                Tag::Same => {
                    old_cursor.skip(word.text.len());
                    new_cursor.take(word.text.len(), &mut out, |_| None);
                }
                Tag::Added => {
                    new_cursor.take(word.text.len(), &mut out, |at| {
                        Some(Change::Inserted(self.added(at)))
                    });
                }
                Tag::Removed => {
                    old_cursor.take(word.text.len(), &mut out, |at| {
                        Some(Change::Deleted(self.removed(at)))
                    });
                }
            }
        }
        // Runs without text (a footnote reference at the very end).
        new_cursor.take(0, &mut out, |_| None);
        out
    }
}

/// Walks a block's runs by their plain text's bytes.
struct Cursor<'a> {
    runs: &'a [MdRun],
    run: usize,
    /// Bytes of the current run's plain text already passed.
    offset: usize,
}

impl<'a> Cursor<'a> {
    fn new(runs: &'a [MdRun]) -> Cursor<'a> {
        Cursor {
            runs,
            run: 0,
            offset: 0,
        }
    }

    fn skip(&mut self, len: usize) {
        self.take(len, &mut Vec::new(), |_| None);
    }

    /// Emits the next `len` bytes as runs, split where the source runs are,
    /// each with the change `change` gives for the source byte it starts at.
    /// Runs without text at the cursor go out unchanged.
    fn take(&mut self, mut len: usize, out: &mut Vec<Run>, change: impl Fn(usize) -> Option<Change>) {
        loop {
            let Some(r) = self.runs.get(self.run) else { return };
            let plain = r.plain();
            if self.offset >= plain.len() {
                if plain.is_empty() && self.offset == 0 {
                    out.push(Run {
                        text: String::new(),
                        style: r.style,
                        link: r.link.clone(),
                        change: None,
                        kind: r.kind.clone(),
                    });
                }
                self.run += 1;
                self.offset = 0;
                continue;
            }
            if len == 0 {
                return;
            }
            let n = len.min(plain.len() - self.offset);
            let mut end = self.offset + n;
            while !plain.is_char_boundary(end) {
                end += 1;
            }
            let piece = &plain[self.offset..end];
            // The source byte of the piece: exact when the run's text is its
            // source, near it otherwise (an escape, an entity).
            let at = r.src + self.offset;
            let change = change(at);
            let (text, kind) = match r.kind {
                RunKind::Break => (String::new(), RunKind::Break),
                _ => (piece.to_string(), r.kind.clone()),
            };
            match out.last_mut() {
                Some(last)
                    if kind == RunKind::Text
                        && last.kind == RunKind::Text
                        && last.style == r.style
                        && last.link == r.link
                        && last.change == change =>
                {
                    last.text.push_str(&text)
                }
                _ => out.push(Run {
                    text,
                    style: r.style,
                    link: r.link.clone(),
                    change,
                    kind,
                }),
            }
            len = len.saturating_sub(end - self.offset);
            self.offset = end;
        }
    }
}

fn plain_block(b: &MdBlock, run: impl Fn(&MdRun) -> Run) -> Block {
    Block {
        kind: b.kind,
        change: None,
        runs: b.runs.iter().map(&run).collect(),
        rows: b
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| cell.iter().map(&run).collect()).collect())
            .collect(),
    }
}

/// Footnotes taken out of the text, threads placed, the Bilag put together.
fn finish(source: &Source<'_>, made: Vec<Made>, new_blocks: &[MdBlock], mut warnings: Vec<String>) -> Bilag {
    let mut blocks = Vec::new();
    let mut notes: Vec<Note> = Vec::new();
    // Where each new block went in `blocks`.
    let mut placed: Vec<Option<usize>> = vec![None; new_blocks.len()];
    for m in made {
        match m.note {
            Some(label) => {
                // A removed footnote has no reference left to hang on.
                if m.new.is_some() {
                    match notes.iter_mut().find(|n| n.label == label) {
                        Some(note) => {
                            note.runs.push(Run {
                                text: String::new(),
                                style: Default::default(),
                                link: None,
                                change: None,
                                kind: RunKind::Break,
                            });
                            note.runs.extend(m.block.runs);
                        }
                        None => notes.push(Note {
                            label,
                            runs: m.block.runs,
                        }),
                    }
                }
            }
            None => {
                if let Some(j) = m.new {
                    placed[j] = Some(blocks.len());
                }
                blocks.push(m.block);
            }
        }
    }
    let mut comments = Vec::new();
    for thread in &source.threads {
        let Some((start, end)) = thread.lines else {
            warnings.push(format!(
                "thread {} is about a passage no longer in the draft; it was left out",
                thread.short_id
            ));
            continue;
        };
        // A comment's range begins and ends in paragraphs: a table inside
        // the passage is spanned, one alone is named by the paragraphs
        // around it or, with none, in a warning.
        let on: Vec<usize> = new_blocks
            .iter()
            .zip(&placed)
            .filter(|(b, _)| b.lines.0 <= end && b.lines.1 >= start && b.kind != BlockKind::Table)
            .filter_map(|(_, at)| *at)
            .collect();
        let (Some(&first), Some(&last)) = (on.first(), on.last()) else {
            warnings.push(format!(
                "thread {} is about lines {start}–{end}, which hold no paragraph to put it on (a table alone, or no text); it was left out",
                thread.short_id
            ));
            continue;
        };
        comments.push(Comment {
            messages: thread.messages.clone(),
            blocks: first..last + 1,
        });
    }
    for comment in &mut comments {
        for m in &mut comment.messages {
            for field in [&mut m.author, &mut m.date, &mut m.text] {
                *field = super::clean(field).into_owned();
            }
        }
    }
    let mut cover = source.cover.clone();
    for field in [
        &mut cover.title,
        &mut cover.author,
        &mut cover.kind,
        &mut cover.date,
    ] {
        *field = super::clean(field).into_owned();
    }
    for field in cover
        .case
        .iter_mut()
        .chain(cover.item.iter_mut())
        .chain(cover.decisions.iter_mut())
    {
        *field = super::clean(field).into_owned();
    }
    if let Some(since) = cover.since.as_mut() {
        *since = super::clean(since).into_owned();
    }
    Bilag {
        cover,
        blocks,
        notes,
        comments,
        warnings,
        lang: "da-DK",
    }
}
