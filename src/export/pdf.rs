//! The Bilag as a PDF, typeset by typst used as a library: the Bilag is
//! written as typst code (every piece of the draft's text a string literal,
//! so nothing in it is read as markup), compiled with fonts built into the
//! binary (Libertinus Serif and DejaVu Sans Mono, æøå included) and written
//! as PDF/A-2b with the headings as bookmarks and page numbers. Changes are
//! underlined or struck through, with a bar in the margin.

use std::fmt::Write;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::{Bilag, BlockKind, Change, ExportError, Run, RunKind};

/// The font families the PDF is set in.
const FAMILIES: [&str; 2] = ["Libertinus Serif", "DejaVu Sans Mono"];

pub(super) fn write(bilag: &Bilag) -> Result<Vec<u8>, ExportError> {
    let world = World::new(source(bilag));
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| ExportError::Pdf(first_error(&errors)))?;
    let standards =
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| ExportError::Pdf(e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("udkast/{}/{}", bilag.cover.title, bilag.cover.draft)),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| ExportError::Pdf(first_error(&errors)))
}

fn first_error(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .first()
        .map_or_else(|| "typst gave no reason".to_string(), |e| e.message.to_string())
}

/// The fonts, read once.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .filter(|font| FAMILIES.contains(&font.info().family.as_str()))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

/// The one source file and the fonts: nothing is read from disk or network.
struct World {
    library: LazyHash<Library>,
    source: Source,
}

impl World {
    fn new(text: String) -> World {
        World {
            library: LazyHash::new(Library::default()),
            source: Source::detached(text),
        }
    }
}

impl typst::World for World {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// A typst string literal: the text, inert.
fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const PREAMBLE: &str = r##"#set page(paper: "a4", margin: (x: 2.5cm, y: 2.5cm), numbering: "1 / 1", number-align: center)
#set text(font: "Libertinus Serif", size: 11pt, lang: "da")
#set par(justify: false)
#show raw: set text(font: "DejaVu Sans Mono", size: 9pt)
#show heading: set block(above: 1.4em, below: 0.8em)
#let ins(body) = underline(text(fill: rgb("#0a5c0a"), body))
#let del(body) = strike(text(fill: rgb("#aa1111"), body))
#let changed(body) = block(width: 100%, stroke: (left: 1.5pt + rgb("#cc6600")), outset: (left: 6pt), body)
#let comment(body) = block(width: 100%, inset: 5pt, fill: rgb("#fffbe6"), stroke: 0.5pt + rgb("#bbbbbb"), text(size: 9pt, body))
"##;

/// The typst source of the Bilag.
fn source(bilag: &Bilag) -> String {
    let c = &bilag.cover;
    let mut out = String::from(PREAMBLE);
    let date = c
        .date
        .split('-')
        .map(|p| p.parse::<u32>().unwrap_or(1))
        .collect::<Vec<_>>();
    let _ = writeln!(
        out,
        "#set document(title: {}, author: {}, date: datetime(year: {}, month: {}, day: {}))",
        lit(&c.title),
        lit(&c.author),
        date.get(2).copied().unwrap_or(1970),
        date.get(1).copied().unwrap_or(1).clamp(1, 12),
        date.first().copied().unwrap_or(1).clamp(1, 31),
    );
    let _ = writeln!(out, "#text(size: 16pt, weight: \"bold\", {})\n", lit(&c.title));
    let _ = writeln!(out, "#{}\n", lit(&c.draft_line()));
    if let Some(line) = c.case_line() {
        let _ = writeln!(
            out,
            "#{}
",
            lit(&line)
        );
    }
    if !c.bodies.is_empty() {
        let _ = write!(out, "#table(columns: {}, align: center, ", c.bodies.len());
        for b in &c.bodies {
            let _ = write!(out, "strong({}), ", lit(&b.id));
        }
        for b in &c.bodies {
            let _ = write!(out, "{}, ", lit(if b.on_route { "X" } else { "" }));
        }
        out.push_str(")\n\n");
    }
    for line in &c.decisions {
        let _ = writeln!(out, "#{}\n", lit(line));
    }
    if let Some(since) = &c.since {
        let _ = writeln!(out, "#emph({})\n", lit(since));
    }
    out.push_str("#line(length: 100%)\n\n");

    let mut counters: Vec<u32> = Vec::new();
    for (i, block) in bilag.blocks.iter().enumerate() {
        let mut inner = String::new();
        for (k, comment) in bilag.comments.iter().enumerate() {
            if comment.blocks.start == i {
                let _ = write!(inner, "#super({})", lit(&format!("[K{}]", k + 1)));
            }
        }
        runs(&block.runs, bilag, &mut inner);
        let item = match block.kind {
            BlockKind::Heading(level) => format!("#heading(level: {level})[{inner}]"),
            BlockKind::Paragraph => format!("#par[{inner}]"),
            BlockKind::Item {
                depth,
                ordered,
                first,
            } => {
                let depth = depth as usize;
                counters.truncate(depth + 1);
                counters.resize(depth + 1, 0);
                let mark = if !first {
                    String::new()
                } else if ordered {
                    counters[depth] += 1;
                    format!("{}.", counters[depth])
                } else {
                    ["•", "◦", "▪"][depth % 3].to_string()
                };
                format!(
                    "#pad(left: {}em, grid(columns: (1.5em, 1fr), {}, [{inner}]))",
                    1.5 * depth as f32,
                    lit(&mark)
                )
            }
            BlockKind::Quote => format!("#quote(block: true)[{inner}]"),
            BlockKind::Code => {
                let text: String = block.runs.iter().map(|r| r.text.as_str()).collect();
                format!("#raw(block: true, {})", lit(&text))
            }
            BlockKind::Rule => "#line(length: 100%)".to_string(),
            BlockKind::Table => {
                let columns = block.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let mut t = format!("#table(columns: {columns}, ");
                for (r, row) in block.rows.iter().enumerate() {
                    for cell in row {
                        let mut text = String::new();
                        runs(cell, bilag, &mut text);
                        if r == 0 {
                            text = format!("#strong[{text}]");
                        }
                        let _ = write!(t, "[{text}], ");
                    }
                    for _ in row.len()..columns {
                        t.push_str("[], ");
                    }
                }
                t.push(')');
                t
            }
        };
        if !matches!(block.kind, BlockKind::Item { .. }) {
            counters.clear();
        }
        let changed = block.change.is_some()
            || block.runs.iter().any(|r| r.change.is_some())
            || block.rows.iter().flatten().flatten().any(|r| r.change.is_some());
        if changed {
            let _ = writeln!(out, "#changed[{item}]\n");
        } else {
            let _ = writeln!(out, "{item}\n");
        }
        for (k, comment) in bilag.comments.iter().enumerate() {
            if comment.blocks.end == i + 1 {
                let mut body = String::new();
                for (n, m) in comment.messages.iter().enumerate() {
                    let lead = if n == 0 {
                        format!("[K{}] ", k + 1)
                    } else {
                        "↳ ".to_string()
                    };
                    let _ = writeln!(
                        body,
                        "#strong({}) #{} \\",
                        lit(&format!("{lead}{}, {}:", m.author, super::dmy(&m.date))),
                        lit(&m.text)
                    );
                }
                let _ = writeln!(out, "#comment[{body}]\n");
            }
        }
    }
    out
}

/// The runs as typst content: each text a string literal, styled and marked.
fn runs(runs: &[Run], bilag: &Bilag, out: &mut String) {
    for run in runs {
        let mut piece = match &run.kind {
            RunKind::Text if run.style.code => format!("#raw({})", lit(&run.text)),
            RunKind::Text => format!("#{}", lit(&run.text)),
            RunKind::Break => "#linebreak()".to_string(),
            RunKind::Note(label) => {
                let mut note = String::new();
                if let Some(n) = bilag.notes.iter().find(|n| &n.label == label) {
                    self::runs(&n.runs, bilag, &mut note);
                }
                format!("#footnote[{note}]")
            }
        };
        if run.style.strike {
            piece = format!("#strike[{piece}]");
        }
        if run.style.italic {
            piece = format!("#emph[{piece}]");
        }
        if run.style.bold {
            piece = format!("#strong[{piece}]");
        }
        if let Some(url) = &run.link {
            piece = format!("#link({})[{piece}]", lit(url));
        }
        match &run.change {
            Some(Change::Inserted(_)) => piece = format!("#ins[{piece}]"),
            Some(Change::Deleted(_)) => piece = format!("#del[{piece}]"),
            None => {}
        }
        out.push_str(&piece);
    }
}
