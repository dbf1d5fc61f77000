//! A draft as a document for the agenda (a "Bilag"): DOCX with Word's
//! tracked changes and comments, PDF, and one standalone HTML file.
//!
//! - `markdown`: the draft's Markdown read into blocks of styled runs
//!   (pulldown-cmark), each run knowing where in the source it came from;
//! - `build`: the blocks of the older and the newer draft paired and diffed
//!   into one [`Bilag`], every change credited to the draft that made it,
//!   review threads placed on their blocks;
//! - `docx`, `html`, `pdf`: the three writers, each from the same [`Bilag`].
//!
//! Nothing here reads git or writes files: the use case gathers the drafts,
//! decisions and threads, and writes the bytes atomically.

mod build;
mod docx;
mod html;
mod markdown;
mod pdf;

#[cfg(test)]
mod tests;

pub use build::{Draft, Source, ThreadInput, build};

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Docx, Format::Pdf, Format::Html];

    /// `docx`, `pdf` or `html`, also the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// The format a name stands for (any case), or a file name's extension.
    pub fn parse(name: &str) -> Option<Format> {
        let name = name.trim().to_lowercase();
        let ext = name.rsplit_once('.').map_or(name.as_str(), |(_, ext)| ext);
        match ext {
            "docx" | "word" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The whole attachment: a cover block shaped like an agenda item, the text
/// with its changes, and the review threads as comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Bilag {
    pub cover: Cover,
    pub blocks: Vec<Block>,
    /// Footnotes by label, as their text reads (changes included).
    pub notes: Vec<Note>,
    pub comments: Vec<Comment>,
    /// What could not be given its structure and went out as plain text.
    pub warnings: Vec<String>,
    /// The language tag of the text (`da-DK`).
    pub lang: &'static str,
}

/// The block at the top, as an agenda item's heading lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub title: String,
    /// `Strategi`, `Arbejdsplan`, `Charter`.
    pub kind: String,
    pub draft: u32,
    /// The draft's date, `28-01-2025`.
    pub date: String,
    pub author: String,
    /// The case number and agenda item of the latest decision carrying them.
    pub case: Option<String>,
    pub item: Option<String>,
    /// Every body of the workspace, in the body row's order.
    pub bodies: Vec<CoverBody>,
    /// "Beslutning i Direktionen den 28-01-2025: Udskudt.", route order.
    pub decisions: Vec<String>,
    /// What the changes are measured from, e.g. "Ændringer siden godkendt
    /// version klima/v2 (udkast 3 af 12-02-2025)"; none without changes.
    pub since: Option<String>,
}

impl Cover {
    /// "Strategi · Udkast 5 af 12-03-2025 · Mette Holm".
    pub fn draft_line(&self) -> String {
        format!(
            "{} · Udkast {} af {} · {}",
            self.kind, self.draft, self.date, self.author
        )
    }

    /// "Sagsnr.: 00.16.02-A00-1-19 · Punkt 3", when a decision carries them
    /// (an item written as a bare number gets its word).
    pub fn case_line(&self) -> Option<String> {
        let item = self
            .item
            .as_ref()
            .map(|i| match i.trim().starts_with(|c: char| c.is_ascii_digit()) {
                true => format!("Punkt {}", i.trim()),
                false => i.trim().to_string(),
            });
        let case = self.case.as_ref().map(|c| format!("Sagsnr.: {}", c.trim()));
        let parts: Vec<String> = case.into_iter().chain(item).collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// One column of the body row.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverBody {
    pub id: String,
    pub name: String,
    /// Whether the document's route goes through it (the row's `X`).
    pub on_route: bool,
}

/// Who made a change, and when: the draft that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rev {
    pub author: String,
    /// RFC 3339 in UTC, as Word wants it.
    pub date: String,
    pub draft: u32,
}

/// A run's or a block's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Inserted(Rev),
    Deleted(Rev),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
}

/// A stretch of text with one style and one change.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
    pub change: Option<Change>,
    pub kind: RunKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunKind {
    Text,
    /// A line break inside the block.
    Break,
    /// A footnote reference; the note is in [`Bilag::notes`] by this label.
    Note(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    /// A list item's paragraph: depth from 0, ordered or not, and whether it
    /// is the item's first paragraph (the one with the bullet or number).
    Item {
        depth: u8,
        ordered: bool,
        first: bool,
    },
    Quote,
    Code,
    Rule,
    Table,
}

/// A paragraph-like block of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole block inserted or deleted (its paragraph mark too).
    pub change: Option<Change>,
    pub runs: Vec<Run>,
    /// For a table: rows of cells of runs, the first row the header.
    pub rows: Vec<Vec<Vec<Run>>>,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub label: String,
    pub runs: Vec<Run>,
}

/// An open review thread as a comment: its first message and the replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub messages: Vec<CommentMessage>,
    /// The blocks (indices into [`Bilag::blocks`]) the passage spans.
    pub blocks: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentMessage {
    pub author: String,
    /// RFC 3339, UTC.
    pub date: String,
    pub text: String,
}

/// `text` without the characters no XML file may hold (the C0 controls but
/// tab and line ends, DEL, U+FFFE and U+FFFF): a draft pasted from a
/// terminal may carry an escape sequence, and Word refuses a file with one.
fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{7f}' | '\u{fffe}' | '\u{ffff}')
    };
    if text.contains(bad) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !bad(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// An RFC 3339 time as the minutes write dates, `28-01-2025`.
fn dmy(rfc: &str) -> String {
    match (rfc.get(0..4), rfc.get(5..7), rfc.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}-{m}-{y}"),
        _ => rfc.to_string(),
    }
}

/// Why a file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the DOCX could not be written: {0}")]
    Docx(String),
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
}

/// The file's bytes in `format`.
pub fn render(bilag: &Bilag, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Docx => docx::write(bilag),
        Format::Html => Ok(html::write(bilag).into_bytes()),
        Format::Pdf => pdf::write(bilag),
    }
}

/// The text a reader gets after accepting every change (or rejecting every
/// one), block by block (a table's rows on lines, its cells between tabs): what
/// the round-trip tests compare.
pub fn plain_text(bilag: &Bilag, accept: bool) -> Vec<String> {
    let keep = |change: &Option<Change>| match change {
        None => true,
        Some(Change::Inserted(_)) => accept,
        Some(Change::Deleted(_)) => !accept,
    };
    let text = |runs: &[Run]| -> String {
        runs.iter()
            .filter(|r| keep(&r.change))
            .map(|r| match &r.kind {
                RunKind::Text => r.text.as_str(),
                RunKind::Break => "\n",
                RunKind::Note(_) => "",
            })
            .collect()
    };
    let mut out = Vec::new();
    for block in bilag.blocks.iter().filter(|b| keep(&b.change)) {
        if block.kind == BlockKind::Table {
            let rows: Vec<String> = block
                .rows
                .iter()
                .map(|row| row.iter().map(|cell| text(cell)).collect::<Vec<_>>().join("\t"))
                .collect();
            out.push(rows.join("\n"));
        } else {
            out.push(text(&block.runs));
        }
    }
    out
}
