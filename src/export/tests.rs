//! The Bilag's changes against the drafts' own text: accepting every change
//! gives the newer draft, rejecting every one the older, each change credited
//! to the draft that made it; the HTML written from it.

use proptest::prelude::*;

use super::markdown::blocks;
use super::*;

fn draft(number: u32, text: &str) -> Draft<'_> {
    Draft {
        number,
        text,
        author: format!("Forfatter {number}"),
        date: format!("2025-01-{:02}T10:00:00Z", number.min(28)),
    }
}

fn cover() -> Cover {
    Cover {
        title: "Klimaplan 2030".into(),
        kind: "Strategi".into(),
        draft: 3,
        date: "03-01-2025".into(),
        author: "Forfatter 3".into(),
        case: Some("00.16.02-A00-1-19".into()),
        item: Some("Punkt 3".into()),
        bodies: vec![
            CoverBody {
                id: "DIR".into(),
                name: "Direktionen".into(),
                on_route: true,
            },
            CoverBody {
                id: "FOU".into(),
                name: "Folkeoplysningsudvalget".into(),
                on_route: false,
            },
        ],
        decisions: vec!["Beslutning i Direktionen den 28-01-2025: Udskudt.".into()],
        since: Some("Ændringer siden udkast 1 af 01-01-2025".into()),
    }
}

fn bilag_of(texts: &[&str]) -> Bilag {
    let source = Source {
        cover: cover(),
        drafts: texts
            .iter()
            .enumerate()
            .map(|(k, t)| draft(k as u32 + 1, t))
            .collect(),
        threads: Vec::new(),
    };
    build(&source)
}

/// A text's blocks as [`plain_text`] gives them (footnote texts left out).
fn expected(text: &str) -> Vec<String> {
    blocks(text)
        .0
        .iter()
        .filter(|b| b.note.is_none())
        .map(|b| b.plain())
        .collect()
}

fn round_trip(texts: &[&str]) {
    let bilag = bilag_of(texts);
    let (first, last) = (texts[0], texts[texts.len() - 1]);
    assert_eq!(plain_text(&bilag, true), expected(last), "accept all");
    assert_eq!(plain_text(&bilag, false), expected(first), "reject all");
}

const OLD: &str = "# Klimaplan 2030\n\n## Mål\n\nVi vil reducere udledningen med **50 pct.** inden 2030.\n\n\
- Flere cykelstier\n- Grøn varme\n\n| Mål | År |\n|---|---|\n| 50 pct. | 2030 |\n\n\
Et afsnit der forsvinder helt og aldrig kommer igen.\n";
const MID: &str = "# Klimaplan 2030\n\n## Mål\n\nVi vil reducere udledningen med **70 pct.** inden 2030.\n\n\
- Flere cykelstier\n- Grøn varme\n\n| Mål | År |\n|---|---|\n| 70 pct. | 2030 |\n\n\
Et afsnit der forsvinder helt og aldrig kommer igen.\n";
const NEW: &str = "# Klimaplan 2030\n\n## Mål\n\nVi vil reducere udledningen med **70 pct.** inden 2035[^1].\n\n\
- Flere cykelstier\n- Grøn varme\n- Nyt punkt om el\n\n| Mål | År |\n|---|---|\n| 70 pct. | 2030 |\n\n\
Et helt nyt afsnit.\n\n[^1]: Jf. byrådets beslutning.\n";

#[test]
fn accepting_gives_the_newer_draft_and_rejecting_the_older() {
    round_trip(&[OLD, MID, NEW]);
    round_trip(&[OLD, NEW]);
    round_trip(&[NEW, OLD]);
    round_trip(&["", NEW]);
    round_trip(&[NEW, ""]);
}

#[test]
fn each_change_carries_the_draft_that_made_it() {
    let bilag = bilag_of(&[OLD, MID, NEW]);
    let changes: Vec<(&str, &Change)> = bilag
        .blocks
        .iter()
        .flat_map(|b| b.runs.iter().chain(b.rows.iter().flatten().flatten()))
        .filter_map(|r| r.change.as_ref().map(|c| (r.text.as_str(), c)))
        .collect();
    let by = |text: &str| -> Vec<u32> {
        changes
            .iter()
            .filter(|(t, _)| t.contains(text))
            .map(|(_, c)| match c {
                Change::Inserted(rev) | Change::Deleted(rev) => rev.draft,
            })
            .collect()
    };
    // 50 → 70 was draft 2's change, 2030 → 2035 and the new item draft 3's.
    assert_eq!(by("50"), vec![2, 2], "{changes:?}");
    assert_eq!(by("70"), vec![2, 2], "{changes:?}");
    assert_eq!(by("2035"), vec![3], "{changes:?}");
    assert_eq!(by("Nyt punkt"), vec![3], "{changes:?}");
    let author = changes
        .iter()
        .find(|(t, _)| t.contains("2035"))
        .map(|(_, c)| match c {
            Change::Inserted(rev) | Change::Deleted(rev) => rev.author.clone(),
        });
    assert_eq!(author.as_deref(), Some("Forfatter 3"));
}

#[test]
fn whole_blocks_are_inserted_and_deleted_with_their_paragraph_mark() {
    let bilag = bilag_of(&[OLD, NEW]);
    let removed = bilag
        .blocks
        .iter()
        .find(|b| plain(&b.runs).starts_with("Et afsnit der"))
        .unwrap();
    assert!(matches!(removed.change, Some(Change::Deleted(_))));
    assert!(
        removed
            .runs
            .iter()
            .all(|r| matches!(r.change, Some(Change::Deleted(_))))
    );
    let item = bilag
        .blocks
        .iter()
        .find(|b| plain(&b.runs) == "Nyt punkt om el")
        .unwrap();
    assert!(matches!(item.change, Some(Change::Inserted(_))));
    assert!(matches!(
        item.kind,
        BlockKind::Item {
            depth: 0,
            ordered: false,
            first: true
        }
    ));
}

fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn styles_survive_the_word_diff() {
    let bilag = bilag_of(&[OLD, NEW]);
    let goal = &bilag.blocks[2];
    let bold: Vec<&str> = goal
        .runs
        .iter()
        .filter(|r| r.style.bold)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(bold.concat().replace("50", "").replace("70", ""), " pct.");
    assert!(goal.runs.iter().any(|r| r.kind == RunKind::Note("1".into())));
    assert_eq!(bilag.notes.len(), 1);
    assert_eq!(plain(&bilag.notes[0].runs), "Jf. byrådets beslutning.");
}

#[test]
fn threads_land_on_their_blocks_and_lost_ones_are_named() {
    let source = Source {
        cover: cover(),
        drafts: vec![draft(1, NEW)],
        threads: vec![
            ThreadInput {
                lines: Some((5, 5)),
                short_id: "a1b2c3d".into(),
                messages: vec![
                    CommentMessage {
                        author: "Mette".into(),
                        date: "2025-01-28T10:00:00Z".into(),
                        text: "Er 2035 aftalt?".into(),
                    },
                    CommentMessage {
                        author: "Søren".into(),
                        date: "2025-01-29T10:00:00Z".into(),
                        text: "Ja, i budgetaftalen.".into(),
                    },
                ],
            },
            ThreadInput {
                lines: None,
                short_id: "ffff000".into(),
                messages: Vec::new(),
            },
        ],
    };
    let bilag = build(&source);
    assert_eq!(bilag.comments.len(), 1);
    let on = &bilag.blocks[bilag.comments[0].blocks.start];
    assert!(plain(&on.runs).starts_with("Vi vil reducere"), "{on:?}");
    assert_eq!(bilag.comments[0].blocks.len(), 1);
    assert!(
        bilag.warnings.iter().any(|w| w.contains("ffff000")),
        "{:?}",
        bilag.warnings
    );
}

#[test]
fn a_comment_on_a_table_alone_is_named_not_left_open() {
    let text = "# Plan\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nTekst.\n";
    let thread = |lines| ThreadInput {
        lines: Some(lines),
        short_id: "abc1234".into(),
        messages: vec![CommentMessage {
            author: "Mette".into(),
            date: "2025-01-28T10:00:00Z".into(),
            text: "Tallene?".into(),
        }],
    };
    let source = Source {
        cover: cover(),
        drafts: vec![draft(1, text)],
        threads: vec![thread((3, 5)), thread((3, 7))],
    };
    let bilag = build(&source);
    // The first is on the table only; the second reaches the paragraph after it.
    assert_eq!(bilag.comments.len(), 1, "{:?}", bilag.warnings);
    assert_eq!(
        bilag.blocks[bilag.comments[0].blocks.start].kind,
        BlockKind::Paragraph
    );
    assert!(
        bilag.warnings.iter().any(|w| w.contains("abc1234")),
        "{:?}",
        bilag.warnings
    );
    let docx = render(&bilag, Format::Docx).unwrap();
    assert!(!docx.is_empty());
}

#[test]
fn html_is_one_escaped_file_with_ins_and_del() {
    let nasty = "# Plan\n\nTekst med <script>alert(1)</script> & \"citat\".\n";
    let bilag = bilag_of(&[OLD, nasty]);
    let html = String::from_utf8(render(&bilag, Format::Html).unwrap()).unwrap();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        html.contains("<ins title=\"Udkast 2 · Forfatter 2 · 02-01-2025\">"),
        "{html}"
    );
    assert!(html.contains("<del "));
    assert!(html.contains("Beslutning i Direktionen den 28-01-2025: Udskudt."));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"));
}

#[test]
fn control_characters_never_reach_the_files() {
    let text = "# Plan\u{1b}[31m\n\nTekst\u{0} med\u{7}\tfane og \u{fffe}.\n";
    let bilag = bilag_of(&[text]);
    assert_eq!(plain_text(&bilag, true), vec!["Plan[31m", "Tekst med\tfane og ."]);
    let html = String::from_utf8(render(&bilag, Format::Html).unwrap()).unwrap();
    assert!(
        !html.contains(|c: char| c < ' ' && c != '\n' && c != '\t'),
        "{html:?}"
    );
}

#[test]
fn html_snapshot() {
    let bilag = bilag_of(&[OLD, MID, NEW]);
    let html = String::from_utf8(render(&bilag, Format::Html).unwrap()).unwrap();
    let body = &html[html.find("<body>").unwrap()..];
    insta::assert_snapshot!(body);
}

/// Danish-looking paragraphs, edited at random over several drafts.
fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    let word = prop::sample::select(vec![
        "kommunen",
        "skal",
        "reducere",
        "udledningen",
        "med",
        "50",
        "70",
        "pct.",
        "i",
        "2030",
        "og",
        "borgerne",
        "**grøn**",
        "*vigtigt*",
        "bl.a.",
        "–",
        "Åby",
        "æøå",
        "`kode`",
    ]);
    let para = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "));
    let block = prop_oneof![
        3 => para.clone(),
        1 => para.clone().prop_map(|p| format!("## {p}")),
        1 => para.clone().prop_map(|p| format!("- {p}")),
        1 => para.prop_map(|p| format!("1. {p}")),
    ];
    prop::collection::vec(block, 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_drafts_round_trip(drafts in prop::collection::vec(paragraphs(), 2..5)) {
        let texts: Vec<String> = drafts.iter().map(|d| d.join("\n\n") + "\n").collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let bilag = bilag_of(&refs);
        prop_assert_eq!(plain_text(&bilag, true), expected(refs[refs.len() - 1]));
        prop_assert_eq!(plain_text(&bilag, false), expected(refs[0]));
    }
}
