//! The Bilag as one standalone HTML file: styles inline, made for printing,
//! changes as `<ins>`/`<del>` with who and when in their title, a bar in the
//! margin beside every changed block, comments beside their passage.

use std::fmt::Write;

use super::{Bilag, Block, BlockKind, Change, Rev, Run, RunKind};

const STYLE: &str = "body{font-family:Calibri,Carlito,'Liberation Sans',Arial,sans-serif;font-size:11pt;\
line-height:1.4;max-width:44em;margin:2em auto;padding:0 1em;color:#111}\
.cover{border-bottom:1px solid #444;margin-bottom:1.5em;padding-bottom:.5em}\
.cover .title{font-size:16pt;font-weight:bold;margin:0}\
.cover table{border-collapse:collapse;margin:.5em 0}\
.cover td,.cover th{border:1px solid #888;padding:0 .4em;text-align:center;min-width:2.2em}\
.since{font-style:italic}\
ins{color:#0a5c0a;text-decoration:underline}del{color:#a11;text-decoration:line-through}\
.changed{border-left:3px solid #c60;padding-left:.5em;margin-left:-.8em}\
table.text{border-collapse:collapse}table.text td,table.text th{border:1px solid #888;padding:.1em .4em}\
blockquote{margin-left:1.5em;font-style:italic}\
pre{font-family:Consolas,'DejaVu Sans Mono',monospace;white-space:pre-wrap}\
.comment{font-size:9pt;border:1px solid #bbb;background:#fffbe6;padding:.2em .5em;margin:.2em 0 .8em 2em}\
.comment p{margin:.1em 0}.cref{font-size:8pt;vertical-align:super;color:#555}\
.notes{border-top:1px solid #888;margin-top:2em;font-size:9.5pt}\
@media print{body{margin:0;max-width:none}.comment{break-inside:avoid}}";

pub(super) fn write(bilag: &Bilag) -> String {
    let mut out = String::new();
    let title = escape(&bilag.cover.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n",
        &bilag.lang[..2]
    );
    cover(bilag, &mut out);
    let mut lists: Vec<bool> = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    for (i, block) in bilag.blocks.iter().enumerate() {
        lists_for(block, &mut lists, &mut out);
        let changed = block.change.is_some()
            || runs_changed(&block.runs)
            || block.rows.iter().flatten().any(|c| runs_changed(c));
        let class = if changed { " class=\"changed\"" } else { "" };
        let mut inner = String::new();
        for (k, comment) in bilag.comments.iter().enumerate() {
            if comment.blocks.start == i {
                let _ = write!(inner, "<span class=\"cref\">[K{}]</span>", k + 1);
            }
        }
        runs(&block.runs, &mut notes, &mut inner);
        match block.kind {
            BlockKind::Heading(level) => {
                let _ = writeln!(out, "<h{level}{class}>{inner}</h{level}>");
            }
            BlockKind::Paragraph => {
                let _ = writeln!(out, "<p{class}>{inner}</p>");
            }
            BlockKind::Item { .. } => {
                let _ = writeln!(out, "<p{class}>{inner}</p>");
            }
            BlockKind::Quote => {
                let _ = writeln!(out, "<blockquote{class}><p>{inner}</p></blockquote>");
            }
            BlockKind::Code => {
                let _ = writeln!(out, "<pre{class}><code>{inner}</code></pre>");
            }
            BlockKind::Rule => {
                let _ = writeln!(out, "<hr>");
            }
            BlockKind::Table => {
                let _ = writeln!(
                    out,
                    "<table class=\"text{}\">",
                    if changed { " changed" } else { "" }
                );
                for (r, row) in block.rows.iter().enumerate() {
                    out.push_str("<tr>");
                    let cell = if r == 0 { "th" } else { "td" };
                    for c in row {
                        let mut text = String::new();
                        runs(c, &mut notes, &mut text);
                        if let Some(change) = &block.change {
                            text = wrap_change(change, &text);
                        }
                        let _ = write!(out, "<{cell}>{text}</{cell}>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
        for (k, comment) in bilag.comments.iter().enumerate() {
            if comment.blocks.end == i + 1 {
                let _ = write!(out, "<aside class=\"comment\">");
                for (n, m) in comment.messages.iter().enumerate() {
                    let lead = if n == 0 {
                        format!("[K{}] ", k + 1)
                    } else {
                        "↳ ".to_string()
                    };
                    let _ = write!(
                        out,
                        "<p><b>{lead}{}, {}</b>: {}</p>",
                        escape(&m.author),
                        super::dmy(&m.date),
                        escape(&m.text).replace('\n', "<br>")
                    );
                }
                out.push_str("</aside>\n");
            }
        }
    }
    close_lists(&mut lists, 0, &mut out);
    if !notes.is_empty() {
        out.push_str("<section class=\"notes\"><ol>\n");
        for (n, label) in notes.iter().enumerate() {
            let mut text = String::new();
            if let Some(note) = bilag.notes.iter().find(|x| x.label == *label) {
                runs(&note.runs, &mut Vec::new(), &mut text);
            }
            let _ = writeln!(out, "<li id=\"note-{}\">{text}</li>", n + 1);
        }
        out.push_str("</ol></section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn runs_changed(runs: &[Run]) -> bool {
    runs.iter().any(|r| r.change.is_some())
}

/// Opens and closes `<ul>`/`<ol>` around list items, from their depth.
fn lists_for(block: &Block, lists: &mut Vec<bool>, out: &mut String) {
    let BlockKind::Item {
        depth,
        ordered,
        first,
    } = block.kind
    else {
        close_lists(lists, 0, out);
        return;
    };
    let depth = depth as usize;
    close_lists(lists, depth + 1, out);
    if lists.len() == depth + 1 && first {
        out.push_str("</li>\n<li>");
    }
    while lists.len() < depth + 1 {
        out.push_str(if ordered { "<ol>\n<li>" } else { "<ul>\n<li>" });
        lists.push(ordered);
    }
}

fn close_lists(lists: &mut Vec<bool>, keep: usize, out: &mut String) {
    while lists.len() > keep {
        let ordered = lists.pop().unwrap_or(false);
        out.push_str(if ordered {
            "</li>\n</ol>\n"
        } else {
            "</li>\n</ul>\n"
        });
    }
}

fn cover(bilag: &Bilag, out: &mut String) {
    let c = &bilag.cover;
    out.push_str("<header class=\"cover\">\n");
    let _ = writeln!(out, "<p class=\"title\">{}</p>", escape(&c.title));
    let _ = writeln!(out, "<p>{}</p>", escape(&c.draft_line()));
    if let Some(line) = c.case_line() {
        let _ = writeln!(out, "<p>{}</p>", escape(&line));
    }
    if !c.bodies.is_empty() {
        out.push_str("<table><tr>");
        for b in &c.bodies {
            let _ = write!(out, "<th title=\"{}\">{}</th>", escape(&b.name), escape(&b.id));
        }
        out.push_str("</tr><tr>");
        for b in &c.bodies {
            let _ = write!(out, "<td>{}</td>", if b.on_route { "X" } else { "" });
        }
        out.push_str("</tr></table>\n");
    }
    for line in &c.decisions {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    if let Some(since) = &c.since {
        let _ = writeln!(out, "<p class=\"since\">{}</p>", escape(since));
    }
    out.push_str("</header>\n");
}

fn runs<'a>(runs: &'a [Run], notes: &mut Vec<&'a str>, out: &mut String) {
    for run in runs {
        let mut text = match &run.kind {
            RunKind::Text => escape(&run.text),
            RunKind::Break => "<br>".to_string(),
            RunKind::Note(label) => {
                let n = match notes.iter().position(|l| l == label) {
                    Some(n) => n + 1,
                    None => {
                        notes.push(label);
                        notes.len()
                    }
                };
                format!("<sup><a href=\"#note-{n}\">{n}</a></sup>")
            }
        };
        if run.style.code {
            text = format!("<code>{text}</code>");
        }
        if run.style.strike {
            text = format!("<s>{text}</s>");
        }
        if run.style.italic {
            text = format!("<em>{text}</em>");
        }
        if run.style.bold {
            text = format!("<strong>{text}</strong>");
        }
        if let Some(url) = &run.link {
            text = format!("<a href=\"{}\">{text}</a>", escape(url));
        }
        if let Some(change) = &run.change {
            text = wrap_change(change, &text);
        }
        out.push_str(&text);
    }
}

fn wrap_change(change: &Change, text: &str) -> String {
    match change {
        Change::Inserted(rev) => format!("<ins title=\"{}\">{text}</ins>", who(rev)),
        Change::Deleted(rev) => format!("<del title=\"{}\">{text}</del>", who(rev)),
    }
}

fn who(rev: &Rev) -> String {
    escape(&format!(
        "Udkast {} · {} · {}",
        rev.draft,
        rev.author,
        super::dmy(&rev.date)
    ))
}

/// Text made safe inside HTML elements and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
