//! A draft's Markdown as blocks of styled runs (CommonMark with tables,
//! footnotes, strikethrough and task lists, by pulldown-cmark). Each run
//! keeps the byte where its text starts in the source, so a change can be
//! credited to the draft that wrote it, and each block its lines, so a
//! thread can be placed on it.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{BlockKind, RunKind, Style};

/// A run as read: its text, style, link and where it starts in the source.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MdRun {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
    pub kind: RunKind,
    pub src: usize,
}

impl MdRun {
    /// The run as the word diff sees it.
    pub fn plain(&self) -> &str {
        match self.kind {
            RunKind::Text => &self.text,
            RunKind::Break => "\n",
            RunKind::Note(_) => "",
        }
    }
}

/// A block as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MdBlock {
    pub kind: BlockKind,
    pub runs: Vec<MdRun>,
    pub rows: Vec<Vec<Vec<MdRun>>>,
    /// The label when the block is (a paragraph of) a footnote's text.
    pub note: Option<String>,
    /// Its lines in the source, 1-based and inclusive.
    pub lines: (usize, usize),
}

impl MdBlock {
    /// The text the blocks are paired by: the runs' text, a table's cells
    /// between tabs and its rows on lines.
    pub fn plain(&self) -> String {
        if self.kind == BlockKind::Table {
            let row = |r: &Vec<Vec<MdRun>>| {
                r.iter()
                    .map(|cell| cell.iter().map(MdRun::plain).collect::<String>())
                    .collect::<Vec<_>>()
                    .join("\t")
            };
            return self.rows.iter().map(row).collect::<Vec<_>>().join("\n");
        }
        self.runs.iter().map(MdRun::plain).collect()
    }

    /// A key that tells blocks of different kinds apart, for pairing.
    pub fn key(&self) -> String {
        let kind = match self.kind {
            BlockKind::Heading(level) => format!("h{level}"),
            BlockKind::Item {
                depth,
                ordered,
                first,
            } => format!("i{depth}{ordered}{first}"),
            other => format!("{other:?}"),
        };
        let note = self.note.as_deref().unwrap_or("");
        format!("{kind}\u{1}{note}\u{1}{}", self.plain())
    }
}

/// The reader: what it has open around the current event, and what it read.
#[derive(Default)]
struct Reader {
    /// Where each line starts in the source.
    line_starts: Vec<usize>,
    /// Each open list: ordered or not.
    lists: Vec<bool>,
    /// The open item has had no paragraph yet.
    item_first: bool,
    quotes: usize,
    note: Option<String>,
    style: Style,
    link: Option<String>,
    /// Inside front matter.
    metadata: bool,
    open: Option<MdBlock>,
    out: Vec<MdBlock>,
    warnings: Vec<String>,
}

/// The blocks of `source`, and a sentence for each thing that had to go out
/// as plain text.
pub(super) fn blocks(source: &str) -> (Vec<MdBlock>, Vec<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut r = Reader {
        line_starts: std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        ..Reader::default()
    };
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => r.start(tag, &range),
            Event::End(tag) => r.end(tag),
            Event::Text(text) if !r.metadata => r.push(&range, &text, RunKind::Text, r.style),
            Event::Code(text) => {
                let style = Style {
                    code: true,
                    ..r.style
                };
                r.push(&range, &text, RunKind::Text, style);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::Html(text) => {
                r.push(&range, &text, RunKind::Text, r.style)
            }
            Event::InlineHtml(text) => {
                let line = r.line_of(range.start);
                r.warnings.push(format!(
                    "the HTML {} (line {line}) went out as plain text",
                    text.trim()
                ));
                r.push(&range, &text, RunKind::Text, r.style);
            }
            Event::FootnoteReference(label) => r.push(&range, "", RunKind::Note(label.to_string()), r.style),
            Event::SoftBreak => r.push(&range, " ", RunKind::Text, r.style),
            Event::HardBreak => r.push(&range, "", RunKind::Break, r.style),
            Event::Rule => {
                r.close();
                let rule = r.new_block(Some(BlockKind::Rule), &range);
                r.out.push(rule);
            }
            Event::TaskListMarker(done) => {
                let mark = if done { "☒ " } else { "☐ " };
                r.push(&range, mark, RunKind::Text, r.style);
            }
            _ => {}
        }
    }
    r.close();
    (r.out, r.warnings)
}

impl Reader {
    /// The line (1-based) of a byte of the source.
    fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at).max(1)
    }

    /// A block starting at `range`; without a kind, a paragraph as its
    /// surroundings make it (a list item, a quote).
    fn new_block(&self, kind: Option<BlockKind>, range: &Range<usize>) -> MdBlock {
        let kind = kind.unwrap_or(if let Some(&ordered) = self.lists.last() {
            BlockKind::Item {
                depth: (self.lists.len() - 1).min(8) as u8,
                ordered,
                first: self.item_first,
            }
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        });
        let end = range.end.saturating_sub(1).max(range.start);
        MdBlock {
            kind,
            runs: Vec::new(),
            rows: Vec::new(),
            note: self.note.clone(),
            lines: (self.line_of(range.start), self.line_of(end)),
        }
    }

    fn open(&mut self, kind: Option<BlockKind>, range: &Range<usize>) {
        self.close();
        self.open = Some(self.new_block(kind, range));
    }

    fn close(&mut self) {
        if let Some(block) = self.open.take() {
            self.out.push(block);
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: &Range<usize>) {
        match tag {
            Tag::MetadataBlock(_) => self.metadata = true,
            Tag::Paragraph => {
                self.open(None, range);
                self.item_first = false;
            }
            Tag::Heading { level, .. } => self.open(Some(BlockKind::Heading(heading_level(level))), range),
            Tag::BlockQuote(_) => {
                self.close();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.open(Some(BlockKind::Code), range);
                self.style.code = true;
            }
            Tag::HtmlBlock => {
                self.open(Some(BlockKind::Paragraph), range);
                let line = self.line_of(range.start);
                self.warnings
                    .push(format!("an HTML block (line {line}) went out as plain text"));
            }
            Tag::List(start) => {
                self.close();
                self.lists.push(start.is_some());
            }
            Tag::Item => {
                self.close();
                self.item_first = true;
            }
            Tag::FootnoteDefinition(label) => {
                self.close();
                self.note = Some(label.to_string());
            }
            Tag::Table(_) => self.open(Some(BlockKind::Table), range),
            Tag::TableHead | Tag::TableRow => {
                if let Some(block) = self.open.as_mut() {
                    block.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                if let Some(row) = self.open.as_mut().and_then(|b| b.rows.last_mut()) {
                    row.push(Vec::new());
                }
            }
            Tag::Emphasis => self.style.italic = true,
            Tag::Strong => self.style.bold = true,
            Tag::Strikethrough => self.style.strike = true,
            Tag::Link { dest_url, .. } if safe_link(&dest_url) => self.link = Some(dest_url.to_string()),
            Tag::Link { dest_url, .. } => {
                let line = self.line_of(range.start);
                self.warnings.push(format!(
                    "the link to {} (line {line}) went out as plain text: only web, mail and in-document links are kept",
                    super::clean(&dest_url)
                ));
            }
            Tag::Image { dest_url, .. } => {
                let line = self.line_of(range.start);
                self.warnings.push(format!(
                    "the image {dest_url} (line {line}) went out as its description"
                ));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::MetadataBlock(_) => self.metadata = false,
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Table | TagEnd::Item => self.close(),
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                if let Some(last) = self.open.as_mut().and_then(|b| b.runs.last_mut()) {
                    while last.text.ends_with(['\n', '\r']) {
                        last.text.pop();
                    }
                }
                self.style.code = false;
                self.close();
            }
            TagEnd::BlockQuote(_) => {
                self.close();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close();
                self.lists.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.close();
                self.note = None;
            }
            TagEnd::Emphasis => self.style.italic = false,
            TagEnd::Strong => self.style.bold = false,
            TagEnd::Strikethrough => self.style.strike = false,
            TagEnd::Link => self.link = None,
            _ => {}
        }
    }

    /// Adds a run to the open block (or table cell), opening a block when
    /// text comes without one (a tight list's items have no paragraphs).
    fn push(&mut self, range: &Range<usize>, text: &str, kind: RunKind, style: Style) {
        if self.open.is_none() {
            self.open = Some(self.new_block(None, range));
        }
        let run = MdRun {
            text: super::clean(text).into_owned(),
            style,
            link: self.link.clone(),
            kind,
            src: range.start,
        };
        let Some(block) = self.open.as_mut() else { return };
        let runs = if block.kind == BlockKind::Table {
            match block.rows.last_mut().and_then(|r| r.last_mut()) {
                Some(cell) => cell,
                None => return,
            }
        } else {
            &mut block.runs
        };
        // Join text runs of one style: a paragraph of many lines is one run.
        if let Some(last) = runs.last_mut()
            && last.kind == RunKind::Text
            && run.kind == RunKind::Text
            && last.style == run.style
            && last.link == run.link
        {
            last.text.push_str(&run.text);
            return;
        }
        runs.push(run);
    }
}

/// Whether a link may stay a link in a file others open: web and mail
/// addresses, and places in the document; not `javascript:`, `file:` or a
/// Windows share, which a click in Word or a browser would follow.
fn safe_link(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return true;
    }
    // Relative: no scheme before the first slash, question mark or hash.
    let head = lower.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':') && !url.starts_with("\\\\") && !url.starts_with("//")
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(BlockKind, String)> {
        blocks(source).0.iter().map(|b| (b.kind, b.plain())).collect()
    }

    #[test]
    fn headings_paragraphs_and_lists_become_blocks() {
        let text = "---\ntitle: x\n---\n# Klima\n\nFørste linje\nanden linje.\n\n- et\n- to\n  1. under\n";
        assert_eq!(
            kinds(text),
            vec![
                (BlockKind::Heading(1), "Klima".to_string()),
                (BlockKind::Paragraph, "Første linje anden linje.".to_string()),
                (
                    BlockKind::Item {
                        depth: 0,
                        ordered: false,
                        first: true
                    },
                    "et".to_string()
                ),
                (
                    BlockKind::Item {
                        depth: 0,
                        ordered: false,
                        first: true
                    },
                    "to".to_string()
                ),
                (
                    BlockKind::Item {
                        depth: 1,
                        ordered: true,
                        first: true
                    },
                    "under".to_string()
                ),
            ]
        );
    }

    #[test]
    fn runs_keep_style_and_source_offsets() {
        let text = "Det er **vigtigt** at [læse](https://x.dk).";
        let (b, _) = blocks(text);
        let runs = &b[0].runs;
        assert_eq!(runs[1].text, "vigtigt");
        assert!(runs[1].style.bold);
        assert_eq!(runs[1].src, text.find("vigtigt").unwrap());
        assert_eq!(runs[3].link.as_deref(), Some("https://x.dk"));
    }

    #[test]
    fn tables_footnotes_and_html_are_read() {
        let text = "| A | B |\n|---|---|\n| 1 | 2 |\n\nTekst[^n].\n\n[^n]: Noten.\n\n<div>rå</div>\n";
        let (b, warnings) = blocks(text);
        assert_eq!(b[0].kind, BlockKind::Table);
        assert_eq!(b[0].plain(), "A\tB\n1\t2");
        assert_eq!(b[1].runs[1].kind, RunKind::Note("n".into()));
        assert_eq!(b[2].note.as_deref(), Some("n"));
        assert_eq!(b[2].plain(), "Noten.");
        assert_eq!(b[3].plain(), "<div>rå</div>");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("line 9"), "{warnings:?}");
    }

    #[test]
    fn only_web_mail_and_local_links_stay_links() {
        let text = "[a](https://aaby.dk) [b](mailto:x@aaby.dk) [c](#mal) [d](bilag.pdf) \
                    [e](javascript:alert(1)) [f](file:///etc/passwd) [g](//evil.example/x) [h](JaVaScRiPt:x)";
        let (b, warnings) = blocks(text);
        let links: Vec<&str> = b[0].runs.iter().filter_map(|r| r.link.as_deref()).collect();
        assert_eq!(
            links,
            vec!["https://aaby.dk", "mailto:x@aaby.dk", "#mal", "bilag.pdf"]
        );
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(
            b[0].plain().contains(" e f g h"),
            "the text stays: {}",
            b[0].plain()
        );
    }

    #[test]
    fn blocks_know_their_lines() {
        let (b, _) = blocks("# A\n\nen\nto\n\ntre\n");
        let lines: Vec<_> = b.iter().map(|b| b.lines).collect();
        assert_eq!(lines, vec![(1, 1), (3, 4), (6, 6)]);
    }
}
