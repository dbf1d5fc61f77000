//! The Bilag as a Word document (docx-rs): heading styles, numbered and
//! bulleted lists, tables, footnotes and links as Word's own structures,
//! every change as a revision (`w:ins`/`w:del`, a whole paragraph's mark
//! included) with the author and date of the draft that made it, review
//! threads as comments with their replies, Danish as the proofing language,
//! page numbers in the footer.

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Comment as WordComment, Delete, Docx, Footer, Footnote,
    Hyperlink, HyperlinkType, IndentLevel, Insert, Level, LevelJc, LevelOverride, LevelText, LineSpacing,
    NumPages, NumberFormat, Numbering, NumberingId, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run as WordRun, RunFonts, RunProperty, SpecialIndentType,
    Start, Style as WordStyle, StyleType, Table, TableCell, TableRow, VertAlignType,
};

use super::{Bilag, Block, BlockKind, Change, Comment, ExportError, Rev, Run, RunKind};

/// The numbering definitions, one for bullets and one for numbers (docx-rs
/// always writes a definition 1 of its own). Each list gets a numbering
/// instance of its own, so a numbered list starts again at 1.
const BULLETS: usize = 2;
const NUMBERS: usize = 3;

/// Word's sizes are in half points.
const BODY_SIZE: usize = 22;
const HEADING_SIZES: [usize; 6] = [36, 30, 26, 24, 22, 22];

pub(super) fn write(bilag: &Bilag) -> Result<Vec<u8>, ExportError> {
    let mut docx = Docx::new()
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().after(120).line(264))
        .footer(footer())
        .add_abstract_numbering(list_numbering(BULLETS, false))
        .add_abstract_numbering(list_numbering(NUMBERS, true));
    for (level, size) in HEADING_SIZES.iter().enumerate() {
        docx = docx.add_style(
            WordStyle::new(format!("Heading{}", level + 1), StyleType::Paragraph)
                .name(format!("heading {}", level + 1))
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(*size)
                .bold()
                .line_spacing(LineSpacing::new().before(240).after(80))
                .outline_lvl(level),
        );
    }
    docx = docx
        .add_style(
            WordStyle::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic()
                .indent(Some(720), None, None, None),
        )
        .add_style(
            WordStyle::new("Code", StyleType::Paragraph)
                .name("Code")
                .based_on("Normal")
                .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas")),
        );
    // The style docx-rs gives footnote references: a raised number.
    let mut note_reference =
        WordStyle::new("FootnoteReference", StyleType::Character).name("footnote reference");
    note_reference.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    docx = docx.add_style(note_reference);
    for p in cover(bilag) {
        docx = docx.add_paragraph(p);
    }
    if let Some(table) = body_row(bilag) {
        docx = docx.add_table(table);
        for line in &bilag.cover.decisions {
            docx = docx.add_paragraph(Paragraph::new().add_run(WordRun::new().add_text(line.as_str())));
        }
    }
    if let Some(since) = &bilag.cover.since {
        docx = docx.add_paragraph(rule_below(
            Paragraph::new().add_run(WordRun::new().italic().add_text(since.as_str())),
        ));
    }
    let mut writer = Writer {
        bilag,
        next_comment: 1,
        opened: Vec::new(),
        lists: Vec::new(),
        list: None,
    };
    for (i, block) in bilag.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::Table => docx = docx.add_table(writer.table(block)),
            _ => docx = docx.add_paragraph(writer.paragraph(i, block)),
        }
    }
    for (id, abstract_id) in &writer.lists {
        let mut numbering = Numbering::new(*id, *abstract_id);
        for level in 0..9 {
            numbering = numbering.add_override(LevelOverride::new(level).start(1));
        }
        docx = docx.add_numbering(numbering);
    }
    let mut xml = docx.build();
    // docx-rs has no setting for the proofing language: it goes into the
    // document defaults' run properties, where Word reads it.
    let lang = format!(
        "<w:lang w:val=\"{0}\" w:eastAsia=\"{0}\" w:bidi=\"ar-SA\" />",
        bilag.lang
    );
    let styles = String::from_utf8_lossy(&xml.styles).into_owned();
    if let Some(at) = styles.find("</w:rPr></w:rPrDefault>") {
        let mut patched = styles;
        patched.insert_str(at, &lang);
        xml.styles = patched.into_bytes();
    }
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// The paragraph with a line under it (and no other border).
fn rule_below(mut p: Paragraph) -> Paragraph {
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(6);
    p.property = p.property.set_borders(ParagraphBorders::with_empty().set(border));
    p
}

/// "Side X af Y", centred.
fn footer() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(WordRun::new().add_text("Side "))
            .add_page_num(PageNum::new())
            .add_run(WordRun::new().add_text(" af "))
            .add_num_pages(NumPages::new()),
    )
}

fn list_numbering(id: usize, ordered: bool) -> AbstractNumbering {
    let mut numbering = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if ordered {
            ("decimal", format!("%{}.", level + 1))
        } else {
            ("bullet", ["•", "◦", "▪"][level % 3].to_string())
        };
        numbering = numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(720 * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    numbering
}

/// The agenda-item lines above the body row.
fn cover(bilag: &Bilag) -> Vec<Paragraph> {
    let c = &bilag.cover;
    let mut out = vec![
        Paragraph::new().add_run(WordRun::new().bold().size(32).add_text(c.title.as_str())),
        Paragraph::new().add_run(WordRun::new().add_text(c.draft_line())),
    ];
    if let Some(line) = c.case_line() {
        out.push(Paragraph::new().add_run(WordRun::new().add_text(line)));
    }
    out
}

/// The familiar row of body ids with an X under each body on the route.
fn body_row(bilag: &Bilag) -> Option<Table> {
    let bodies = &bilag.cover.bodies;
    if bodies.is_empty() {
        return None;
    }
    let cell = |text: &str, bold: bool| {
        let run = WordRun::new().add_text(text);
        let run = if bold { run.bold() } else { run };
        TableCell::new().add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run))
    };
    let ids = TableRow::new(bodies.iter().map(|b| cell(&b.id, true)).collect());
    let marks = TableRow::new(
        bodies
            .iter()
            .map(|b| cell(if b.on_route { "X" } else { "" }, false))
            .collect(),
    );
    Some(Table::new(vec![ids, marks]))
}

struct Writer<'a> {
    bilag: &'a Bilag,
    next_comment: usize,
    /// Word ids of the comments opened and not yet closed: (comment, ids).
    opened: Vec<(usize, Vec<usize>)>,
    /// The numbering instances made, with their definitions.
    lists: Vec<(usize, usize)>,
    /// The instances of the list being written: (bullets, numbers).
    list: Option<(Option<usize>, Option<usize>)>,
}

impl Writer<'_> {
    /// The numbering instance of the list being written, for bullets or
    /// numbers; a new one when this list has none yet.
    fn numbering(&mut self, ordered: bool) -> usize {
        let next = self.lists.len() + 2;
        let (bullets, numbers) = self.list.get_or_insert((None, None));
        let slot = if ordered { numbers } else { bullets };
        if let Some(id) = *slot {
            return id;
        }
        *slot = Some(next);
        self.lists.push((next, if ordered { NUMBERS } else { BULLETS }));
        next
    }

    fn paragraph(&mut self, index: usize, block: &Block) -> Paragraph {
        let mut p = Paragraph::new();
        if !matches!(block.kind, BlockKind::Item { .. }) {
            self.list = None;
        }
        p = match block.kind {
            BlockKind::Heading(level) => p.style(&format!("Heading{}", level.clamp(1, 6))),
            BlockKind::Item {
                depth,
                ordered,
                first,
            } => {
                if first {
                    let id = self.numbering(ordered);
                    p.numbering(NumberingId::new(id), IndentLevel::new(depth as usize))
                } else {
                    p.indent(Some(720 * (depth as i32 + 1)), None, None, None)
                }
            }
            BlockKind::Quote => p.style("Quote"),
            BlockKind::Code => p.style("Code"),
            BlockKind::Rule => rule_below(p),
            BlockKind::Paragraph | BlockKind::Table => p,
        };
        match &block.change {
            Some(Change::Inserted(rev)) => {
                p = p.run_property(
                    RunProperty::new().insert(Insert::new_with_empty().author(&rev.author).date(&rev.date)),
                );
            }
            Some(Change::Deleted(rev)) => p = p.delete(&rev.author, &rev.date),
            None => {}
        }
        for (k, comment) in self.bilag.comments.iter().enumerate() {
            if comment.blocks.start == index {
                let (ids, starts) = self.comment(comment);
                for start in starts {
                    p = p.add_comment_start(start);
                }
                self.opened.push((k, ids));
            }
        }
        for run in &block.runs {
            p = add_run(p, run, self.bilag);
        }
        let mut still = Vec::new();
        for (k, ids) in std::mem::take(&mut self.opened) {
            if self.bilag.comments[k].blocks.end == index + 1 {
                for id in ids {
                    p = p.add_comment_end(id);
                }
            } else {
                still.push((k, ids));
            }
        }
        self.opened = still;
        p
    }

    /// A thread as Word comments: the first message, and each reply as a
    /// comment answering it (Word's threaded replies).
    fn comment(&mut self, comment: &Comment) -> (Vec<usize>, Vec<WordComment>) {
        let mut ids = Vec::new();
        let mut out = Vec::new();
        let parent = self.next_comment;
        for (n, message) in comment.messages.iter().enumerate() {
            let id = self.next_comment;
            self.next_comment += 1;
            let mut paragraphs = message.text.lines();
            let mut c = WordComment::new(id)
                .author(message.author.as_str())
                .date(message.date.as_str());
            let first = paragraphs.next().unwrap_or("");
            c = c.add_paragraph(Paragraph::new().add_run(WordRun::new().add_text(first)));
            for line in paragraphs {
                c = c.add_paragraph(Paragraph::new().add_run(WordRun::new().add_text(line)));
            }
            if n > 0 {
                c = c.parent_comment_id(parent);
            }
            ids.push(id);
            out.push(c);
        }
        (ids, out)
    }

    fn table(&mut self, block: &Block) -> Table {
        self.list = None;
        let rows = block
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                TableRow::new(
                    row.iter()
                        .map(|cell| {
                            let mut p = Paragraph::new();
                            for run in cell {
                                let mut run = run.clone();
                                run.style.bold |= r == 0;
                                p = add_run(p, &run, self.bilag);
                            }
                            if let Some(change) = &block.change {
                                p = mark_paragraph(p, change);
                            }
                            TableCell::new().add_paragraph(p)
                        })
                        .collect(),
                )
            })
            .collect();
        Table::new(rows)
    }
}

fn mark_paragraph(p: Paragraph, change: &Change) -> Paragraph {
    match change {
        Change::Inserted(rev) => p.run_property(
            RunProperty::new().insert(Insert::new_with_empty().author(&rev.author).date(&rev.date)),
        ),
        Change::Deleted(rev) => p.delete(&rev.author, &rev.date),
    }
}

/// One run into the paragraph: plain, inserted or deleted, in a link or not.
fn add_run(p: Paragraph, run: &Run, bilag: &Bilag) -> Paragraph {
    let deleted = matches!(run.change, Some(Change::Deleted(_)));
    let mut r = WordRun::new();
    if run.style.bold {
        r = r.bold();
    }
    if run.style.italic {
        r = r.italic();
    }
    if run.style.strike {
        r = r.strike();
    }
    if run.style.code {
        r = r.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
    }
    if run.link.is_some() {
        r = r.color("0563C1").underline("single");
    }
    r = match &run.kind {
        RunKind::Text => {
            // A tab in the text is a tab in Word, not a space.
            let mut first = true;
            for piece in run.text.split('\t') {
                if !first {
                    r = r.add_tab();
                }
                first = false;
                if !piece.is_empty() {
                    r = if deleted {
                        r.add_delete_text(piece)
                    } else {
                        r.add_text(piece)
                    };
                }
            }
            r
        }
        RunKind::Break => r.add_break(docx_rs::BreakType::TextWrapping),
        RunKind::Note(label) => {
            let mut note = Footnote::new();
            let mut content = Paragraph::new();
            if let Some(n) = bilag.notes.iter().find(|n| &n.label == label) {
                for run in &n.runs {
                    content = add_run(content, run, bilag);
                }
            }
            r.add_footnote_reference(note.add_content(content))
        }
    };
    match (&run.change, &run.link) {
        (None, None) => p.add_run(r),
        (None, Some(url)) => p.add_hyperlink(Hyperlink::new(url, HyperlinkType::External).add_run(r)),
        (Some(Change::Inserted(rev)), _) => p.add_insert(insert(r, rev)),
        (Some(Change::Deleted(rev)), _) => p.add_delete(delete(r, rev)),
    }
}

fn insert(r: WordRun, rev: &Rev) -> Insert {
    Insert::new(r).author(&rev.author).date(&rev.date)
}

fn delete(r: WordRun, rev: &Rev) -> Delete {
    Delete::new().add_run(r).author(&rev.author).date(&rev.date)
}
