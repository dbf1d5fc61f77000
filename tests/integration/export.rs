//! `udkast export` through the real binary, its files read back with other
//! libraries than the ones that wrote them: the DOCX's tracked changes
//! accepted and rejected give the newer and the older draft, each change
//! names the draft's author, comments sit on their passages, the cover holds
//! the route's decisions; LibreOffice opens the DOCX, pdftotext reads the
//! PDF (each skipped, saying so, where the program is missing).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::Env;
use crate::common::approvals::{decide, decide_with, save};

const APPROVED: &str = "# Klimaplan 2030\n\n## Mål\n\n\
Vi vil reducere udledningen med **50 pct.** inden 2030.\n\n\
- Flere cykelstier\n- Grøn varme\n\n\
Et afsnit som senere udgår.\n";

const MIDDLE: &str = "# Klimaplan 2030\n\n## Mål\n\n\
Vi vil reducere udledningen med **70 pct.** inden 2030.\n\n\
- Flere cykelstier\n- Grøn varme\n\n\
Et afsnit som senere udgår.\n";

const LATEST: &str = "# Klimaplan 2030\n\n## Mål\n\n\
Vi vil reducere udledningen med **70 pct.** inden 2035.\n\n\
- Flere cykelstier\n- Grøn varme\n- Fjernvarme til Åby Nord\n\n\
| Indsats | Budget |\n|---|---|\n| Cykelstier | 12 mio. kr. |\n";

const ANNE: &str = "Anne Kristine Hundahl Mikkelsen";
const JORGEN: &str = "Jørgen Krogh";

/// The seed-like route on draft 2 (postponed, then approved as draft 3,
/// adopted, tagged), then two more drafts by two other people and a comment
/// on the goal.
fn workspace(env: &Env) -> PathBuf {
    let ws = env.workspace("ws");
    save(env, &ws, "# Klimaplan 2030\n\nFørste udkast.\n", "Første udkast");
    let out = decide_with(
        env,
        &ws,
        "2",
        "DIR",
        "postponed",
        "2025-01-28",
        &["--item", "Punkt 3", "--case", "00.16.02-A00-1-19"],
    );
    assert!(out.contains("DIR"), "{out}");
    save(env, &ws, APPROVED, "Til Direktionen igen");
    decide(env, &ws, "3", "DIR", "approved", "2025-02-25");
    decide(env, &ws, "3", "ØKE", "approved", "2025-03-10");
    decide(env, &ws, "3", "BYR", "adopted", "2025-03-26");
    env.udkast_in(&ws, &["tag", "klima"]).ok();
    env.git(&ws, &["config", "user.name", ANNE]);
    save(env, &ws, MIDDLE, "Højere mål");
    env.git(&ws, &["config", "user.name", JORGEN]);
    save(env, &ws, LATEST, "Senere mål, fjernvarme, budget");
    // Line 5 of the latest draft is the goal.
    let out = env
        .udkast_in(
            &ws,
            &["comment", "add", "klima", "--lines", "5", "-m", "Er 2035 aftalt?"],
        )
        .ok()
        .to_string();
    let id = out.split_whitespace().nth(2).unwrap().to_string();
    env.udkast_in(
        &ws,
        &["comment", "reply", "klima", &id, "-m", "Ja, i budgetaftalen."],
    )
    .ok();
    ws
}

fn export(env: &Env, ws: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "export",
        "klima",
        "--changes-since",
        "approved",
        "--comments",
        "-o",
    ];
    args.push(out.to_str().unwrap());
    args.extend_from_slice(extra);
    env.udkast_in(ws, &args).ok().to_string()
}

/// One part of a ZIP file, read with the zip crate.
fn part(docx: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

fn inside(node: &roxmltree::Node, name: &str) -> bool {
    node.ancestors().any(|a| is(&a, name))
}

/// A paragraph's text as Word shows it after accepting (or rejecting) every
/// change; `None` when the paragraph itself goes away.
fn paragraph(p: &roxmltree::Node, accept: bool) -> Option<String> {
    let mark = p
        .children()
        .find(|c| is(c, "pPr"))
        .and_then(|ppr| ppr.children().find(|c| is(c, "rPr")));
    let gone_with = if accept { "del" } else { "ins" };
    let mark_gone = mark.is_some_and(|m| m.children().any(|c| is(&c, gone_with)));
    let mut text = String::new();
    for node in p.descendants() {
        let keep = if accept {
            !inside(&node, "del")
        } else {
            !inside(&node, "ins")
        };
        if !keep {
            continue;
        }
        if is(&node, "t") || is(&node, "delText") {
            text.push_str(node.text().unwrap_or(""));
        } else if is(&node, "tab") {
            text.push('\t');
        } else if is(&node, "br") {
            text.push('\n');
        }
    }
    // A removed paragraph mark joins the paragraph to the next; ours only
    // go with paragraphs whose every run goes too.
    if mark_gone {
        assert!(
            text.is_empty(),
            "a removed paragraph mark on a paragraph that keeps {text:?}"
        );
        return None;
    }
    Some(text)
}

/// The body's paragraphs and tables (rows on lines, cells between tabs) as
/// Word shows them after accepting or rejecting every change.
fn body_text(document: &str, accept: bool) -> Vec<String> {
    let doc = roxmltree::Document::parse(document).unwrap();
    let body = doc.descendants().find(|n| is(n, "body")).unwrap();
    let mut out = Vec::new();
    for child in body.children() {
        if is(&child, "p") {
            if let Some(text) = paragraph(&child, accept) {
                out.push(text);
            }
        } else if is(&child, "tbl") {
            let rows: Vec<String> = child
                .children()
                .filter(|r| is(r, "tr"))
                .map(|r| {
                    r.children()
                        .filter(|c| is(c, "tc"))
                        .map(|c| {
                            c.children()
                                .filter(|p| is(p, "p"))
                                .filter_map(|p| paragraph(&p, accept))
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect();
            if rows.iter().any(|r| !r.trim().is_empty()) {
                out.push(rows.join("\n"));
            }
        }
    }
    out
}

/// The text after the cover: everything after the line naming the version
/// the changes are measured from.
fn after_cover(all: Vec<String>) -> Vec<String> {
    let at = all
        .iter()
        .position(|p| p.starts_with("Ændringer siden"))
        .unwrap_or_else(|| panic!("no 'Ændringer siden' line in {all:?}"));
    all[at + 1..].to_vec()
}

#[test]
fn the_docx_has_tracked_changes_that_give_both_drafts() {
    let env = Env::new();
    let ws = workspace(&env);
    let out = env.path("bilag.docx");
    let said = export(&env, &ws, &out, &[]);
    assert!(said.starts_with("wrote "), "{said}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Whatever the umask: the same mode as any file the user makes.
        let made = env.path("made-by-hand");
        std::fs::write(&made, "x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&made), "not a temporary file's 0600");
    }
    assert!(said.contains("since klima/v1 (draft 3)"), "{said}");
    let document = part(&out, "word/document.xml");

    assert_eq!(
        after_cover(body_text(&document, true)),
        vec![
            "Klimaplan 2030",
            "Mål",
            "Vi vil reducere udledningen med 70 pct. inden 2035.",
            "Flere cykelstier",
            "Grøn varme",
            "Fjernvarme til Åby Nord",
            "Indsats\tBudget\nCykelstier\t12 mio. kr.",
        ],
        "accept all"
    );
    assert_eq!(
        after_cover(body_text(&document, false)),
        vec![
            "Klimaplan 2030",
            "Mål",
            "Vi vil reducere udledningen med 50 pct. inden 2030.",
            "Flere cykelstier",
            "Grøn varme",
            "Et afsnit som senere udgår.",
        ],
        "reject all"
    );

    // Each revision names the draft that made it: 50 → 70 was Anne's,
    // 2030 → 2035 and the new item Jørgen's.
    let doc = roxmltree::Document::parse(&document).unwrap();
    let author_of = |needle: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| is(n, "ins") || is(n, "del"))
            .filter(|n| {
                n.descendants()
                    .any(|t| (is(&t, "t") || is(&t, "delText")) && t.text().unwrap_or("").contains(needle))
            })
            .map(|n| n.attribute((W, "author")).unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(author_of("70"), vec![ANNE]);
    assert_eq!(author_of("50"), vec![ANNE]);
    assert_eq!(author_of("2035"), vec![JORGEN]);
    assert_eq!(author_of("Fjernvarme"), vec![JORGEN]);
    assert!(
        doc.descendants()
            .filter(|n| is(n, "ins") || is(n, "del"))
            .all(|n| n
                .attribute((W, "date"))
                .is_some_and(|d| d.starts_with("20") && d.ends_with('Z'))),
        "every revision has a date"
    );
    // Headings are Word's heading styles; Danish is the proofing language.
    assert!(document.contains("w:val=\"Heading1\""), "heading style");
    assert!(document.contains("w:numId"), "list numbering");
    let styles = part(&out, "word/styles.xml");
    assert!(styles.contains("<w:lang w:val=\"da-DK\""), "{styles}");
}

#[test]
fn the_cover_holds_the_route_and_its_decisions() {
    let env = Env::new();
    let ws = workspace(&env);
    let out = env.path("bilag.docx");
    export(&env, &ws, &out, &[]);
    let all = body_text(&part(&out, "word/document.xml"), true);
    let cover: Vec<&String> = all
        .iter()
        .take_while(|p| !p.starts_with("Ændringer siden"))
        .collect();
    let text = cover.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n");
    assert!(
        text.starts_with("Klimaplan 2030\nStrategi · Udkast 5 af "),
        "{text}"
    );
    assert!(text.contains(&format!("· {JORGEN}")), "{text}");
    assert!(
        text.contains("\nSagsnr.: 00.16.02-A00-1-19 · Punkt 3\n"),
        "{text}"
    );
    // The body row: the ids, and an X under those on the route.
    assert!(text.contains("DIR\t"), "{text}");
    assert!(
        text.contains("Beslutning i Direktionen den 25-02-2025: Godkendt."),
        "{text}"
    );
    assert!(
        text.contains("Beslutning i Byrådet den 26-03-2025: Vedtaget."),
        "{text}"
    );
    assert!(
        !text.contains("Udskudt"),
        "the postponement was overtaken: {text}"
    );
    let since = all.iter().find(|p| p.starts_with("Ændringer siden")).unwrap();
    assert!(
        since.starts_with("Ændringer siden godkendt version klima/v1 (udkast 3 af "),
        "{since}"
    );
}

#[test]
fn comments_sit_on_their_passages_with_their_replies() {
    let env = Env::new();
    let ws = workspace(&env);
    let out = env.path("bilag.docx");
    let said = export(&env, &ws, &out, &[]);
    assert!(said.ends_with(", 1 comment\n"), "{said}");
    let comments = part(&out, "word/comments.xml");
    let c = roxmltree::Document::parse(&comments).unwrap();
    let texts: Vec<(String, String)> = c
        .descendants()
        .filter(|n| is(n, "comment"))
        .map(|n| {
            let text: String = n
                .descendants()
                .filter(|t| is(t, "t"))
                .filter_map(|t| t.text())
                .collect();
            (n.attribute((W, "id")).unwrap().to_string(), text)
        })
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts[0].1, "Er 2035 aftalt?");
    assert_eq!(texts[1].1, "Ja, i budgetaftalen.");
    // Both start in the paragraph of the goal.
    let document = part(&out, "word/document.xml");
    let doc = roxmltree::Document::parse(&document).unwrap();
    for (id, _) in &texts {
        let start = doc
            .descendants()
            .find(|n| is(n, "commentRangeStart") && n.attribute((W, "id")) == Some(id))
            .unwrap_or_else(|| panic!("no range for comment {id}"));
        let p = start.ancestors().find(|a| is(a, "p")).unwrap();
        let text = paragraph(&p, true).unwrap();
        assert!(text.starts_with("Vi vil reducere udledningen"), "{text}");
    }
    // The reply answers the first (Word's threaded replies).
    let extended = part(&out, "word/commentsExtended.xml");
    assert!(extended.contains("w15:paraIdParent"), "{extended}");
}

#[test]
fn html_and_pdf_hold_the_same_text() {
    let env = Env::new();
    let ws = workspace(&env);
    let html = env.path("bilag.html");
    export(&env, &ws, &html, &[]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<del title=\"Udkast 4 · Anne Kristine Hundahl Mikkelsen · "),
        "{page}"
    );
    assert!(page.contains("<ins title=\"Udkast 5 · Jørgen Krogh · "), "{page}");
    assert!(page.contains("Er 2035 aftalt?"));

    let pdf = env.path("bilag.pdf");
    export(&env, &ws, &pdf, &[]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Outlines"), "the headings are bookmarks");
    assert!(
        has(b"pdfaid:part>2<") || has(b"pdfaid:part=\"2\""),
        "PDF/A-2 is declared"
    );
    if let Ok(fonts) = std::process::Command::new("pdffonts").arg(&pdf).output() {
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        assert!(fonts.contains("Libertinus"), "{fonts}");
        for line in fonts.lines().skip(2) {
            assert!(line.contains(" yes "), "every font is embedded: {line}");
        }
    }
    let Ok(text) = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
    else {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; the PDF's text was not read");
        return;
    };
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in [
        "Klimaplan 2030",
        "Fjernvarme til Åby Nord",
        "Beslutning i Byrådet",
        "Jørgen Krogh",
        "Mål",
    ] {
        assert!(text.contains(needle), "{needle:?} not in the PDF's text:\n{text}");
    }
}

#[test]
fn libreoffice_opens_the_docx() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("SKIPPED: LibreOffice is not installed; the DOCX was not opened by a real consumer");
        return;
    };
    let env = Env::new();
    let ws = workspace(&env);
    let out = env.path("bilag.docx");
    export(&env, &ws, &out, &[]);
    let dir = env.path("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        env.path("lo-profile").display()
    );
    let run = std::process::Command::new(soffice)
        .args([
            &profile,
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&out)
        .output()
        .unwrap();
    let txt = std::fs::read_to_string(dir.join("bilag.txt")).unwrap_or_else(|e| {
        panic!(
            "LibreOffice made no text ({e}): {}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    for needle in [
        "Klimaplan 2030",
        "Fjernvarme til Åby Nord",
        "Beslutning i Direktionen",
        "Cykelstier",
    ] {
        assert!(
            txt.contains(needle),
            "{needle:?} not in LibreOffice's text:\n{txt}"
        );
    }
}

#[test]
fn bad_requests_get_one_sentence_and_write_nothing() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(&env, &ws, APPROVED, "Tekst");
    let out = env.path("x.docx");
    env.udkast_in(
        &ws,
        &["export", "klima", "--draft", "9", "-o", out.to_str().unwrap()],
    )
    .user_error("draft 9");
    assert!(!out.exists());
    env.udkast_in(&ws, &["export", "klima", "-o", "/nonexistent/dir/x.docx"])
        .user_error("cannot write /nonexistent/dir/x.docx");
    env.udkast_in(
        &ws,
        &["export", "klima", "-o", env.path("x.odt").to_str().unwrap()],
    )
    .user_error("extension .odt");
    env.udkast_in(&ws, &["export", "klima", "--format", "rtf"])
        .user_error("unknown format");
    env.udkast_in(&ws, &["export", "klima", "--changes-since", "approved"])
        .user_error("approved");
    // A folder in the way is named, and left as it was.
    let folder = env.path("folder.docx");
    std::fs::create_dir(&folder).unwrap();
    env.udkast_in(&ws, &["export", "klima", "-o", folder.to_str().unwrap()])
        .user_error("it is a folder");
    assert!(folder.is_dir());
    // Never over the draft's own text, or anything else git tracks, or into .git.
    let draft = ws.join("strategies/klima/document.md");
    let before = std::fs::read(&draft).unwrap();
    env.udkast_in(
        &ws,
        &[
            "export",
            "klima",
            "--format",
            "html",
            "-o",
            draft.to_str().unwrap(),
        ],
    )
    .user_error("one of the workspace's own files");
    env.udkast_in(&ws, &["export", "klima", "--format", "docx", "-o", "udkast.toml"])
        .user_error("one of the workspace's own files");
    env.udkast_in(&ws, &["export", "klima", "-o", ".git/x.docx"])
        .user_error("one of the workspace's own files");
    assert_eq!(std::fs::read(&draft).unwrap(), before);
    assert!(!ws.join(".git/x.docx").exists());
    // An untracked name in the working tree is the user's to choose; --json
    // says what was written.
    let said = env
        .udkast_in(&ws, &["export", "klima", "-o", "bilag.docx", "--json"])
        .ok()
        .to_string();
    let said: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert_eq!(said["format"], "docx");
    assert_eq!(said["path"], "bilag.docx");
    assert_eq!(said["changes"], 0);
    assert!(said["since"].is_null());
    assert_eq!(
        said["bytes"].as_u64(),
        Some(std::fs::metadata(ws.join("bilag.docx")).unwrap().len())
    );
    // No temporary file is left beside the target.
    let left: Vec<_> = std::fs::read_dir(env.path("."))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn raw_html_is_named_in_a_warning() {
    let env = Env::new();
    let ws = env.workspace("ws");
    save(
        &env,
        &ws,
        "# Plan\n\n<div align=\"center\">Midt</div>\n\nTekst.\n",
        "Tekst",
    );
    let out = env.path("x.html");
    let run = env.udkast_in(&ws, &["export", "klima", "-o", out.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stderr
            .contains("warning: an HTML block (line 3) went out as plain text"),
        "{}",
        run.stderr
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("&lt;div align"));
}

#[test]
fn escape_sequences_and_messy_text_give_a_well_formed_docx() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let messy = "---\ntitle: x\n---\n# Plan\u{1b}[2J\r\n\r\nCRLF-linje\u{a0}med NBSP, e\u{301} og \u{202e}bidi\u{200b}.\r\n\r\n\
                 \tTab-indrykket kode\r\n\r\n- Punkt \u{7}1\r\n";
    save(&env, &ws, messy, "Rodet tekst");
    let out = env.path("rodet.docx");
    env.udkast_in(&ws, &["export", "klima", "-o", out.to_str().unwrap()])
        .ok();
    let document = part(&out, "word/document.xml");
    let text = body_text(&document, true).join("\n");
    assert!(text.contains("Plan[2J"), "{text}");
    assert!(
        text.contains("CRLF-linje\u{a0}med NBSP, e\u{301} og \u{202e}bidi\u{200b}."),
        "{text}"
    );
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    assert!(!text.contains("title: x"), "front matter is metadata: {text}");
}
