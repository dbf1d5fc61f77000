//! Property tests: applying the diff to the old text gives the new one, every block's
//! words rebuild both sides of the block exactly, the views account for every line,
//! and re-wrapping a paragraph never shows a changed word.

use std::time::Duration;

use proptest::prelude::*;

use super::*;

const BUDGET: Duration = Duration::from_secs(10);

/// Words that stress the tokenizer: Danish letters, abbreviations, numbers, quotes,
/// dashes, NBSP, combining marks and marks on their own.
const WORDS: &[&str] = &[
    "og",
    "i",
    "kommunen",
    "Åby",
    "æøå",
    "ÆØÅ",
    "bl.a.",
    "f.eks.",
    "ca.",
    "pct.",
    "§",
    "3",
    "1.000",
    "2025–2030",
    "CO2-reduktion",
    "«citat»",
    "„citat“",
    "—",
    "50\u{a0}pct.",
    "klima-",
    ".",
    ",",
    "!",
    "e\u{301}",
    "",
    "#",
    "##",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_string)
}

/// A word that re-wrapping cannot turn into Markdown structure (a heading marker).
fn prose_word() -> impl Strategy<Value = String> {
    let words: Vec<&str> = WORDS
        .iter()
        .copied()
        .filter(|w| !w.is_empty() && !w.starts_with('#'))
        .collect();
    prop::sample::select(words).prop_map(str::to_string)
}

/// A line without its ending: words separated by spaces (sometimes two, or a tab).
fn line_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop::sample::select(&[" ", " ", " ", "  ", "\t"][..])),
        0..8,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, s)| format!("{w}{s}"))
            .collect::<String>()
            .trim_end()
            .into()
    })
}

fn ending() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["\n", "\n", "\n", "\r\n"][..])
}

fn document() -> impl Strategy<Value = Vec<(String, &'static str)>> {
    prop::collection::vec((line_text(), ending()), 0..14)
}

#[derive(Debug, Clone)]
enum Edit {
    InsertLine(usize, String),
    DeleteLine(usize),
    ReplaceLine(usize, String),
    ReplaceWord(usize, usize, String),
    InsertWord(usize, usize, String),
    DeleteWord(usize, usize),
    Ending(usize, &'static str),
    JoinLines(usize),
    SplitLine(usize, usize),
    /// Lines `at..at + len` taken out and put back before line `to` of what is left.
    MoveLines(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0..20usize;
    prop_oneof![
        (at.clone(), line_text()).prop_map(|(i, l)| Edit::InsertLine(i, l)),
        at.clone().prop_map(Edit::DeleteLine),
        (at.clone(), line_text()).prop_map(|(i, l)| Edit::ReplaceLine(i, l)),
        (at.clone(), 0..8usize, word()).prop_map(|(i, w, s)| Edit::ReplaceWord(i, w, s)),
        (at.clone(), 0..8usize, word()).prop_map(|(i, w, s)| Edit::InsertWord(i, w, s)),
        (at.clone(), 0..8usize).prop_map(|(i, w)| Edit::DeleteWord(i, w)),
        (at.clone(), ending()).prop_map(|(i, e)| Edit::Ending(i, e)),
        at.clone().prop_map(Edit::JoinLines),
        (at.clone(), 0..8usize).prop_map(|(i, w)| Edit::SplitLine(i, w)),
        (at.clone(), 1..5usize, at).prop_map(|(i, len, to)| Edit::MoveLines(i, len, to)),
    ]
}

fn apply_edit(doc: &mut Vec<(String, &'static str)>, edit: &Edit) {
    let n = doc.len();
    let words = |line: &str| line.split(' ').map(str::to_string).collect::<Vec<_>>();
    match edit.clone() {
        Edit::InsertLine(i, l) => doc.insert(i.min(n), (l, "\n")),
        Edit::DeleteLine(i) if i < n => drop(doc.remove(i)),
        Edit::ReplaceLine(i, l) if i < n => doc[i].0 = l,
        Edit::ReplaceWord(i, w, s) if i < n => {
            let mut ws = words(&doc[i].0);
            let k = w % ws.len();
            ws[k] = s;
            doc[i].0 = ws.join(" ");
        }
        Edit::InsertWord(i, w, s) if i < n => {
            let mut ws = words(&doc[i].0);
            ws.insert(w % (ws.len() + 1), s);
            doc[i].0 = ws.join(" ");
        }
        Edit::DeleteWord(i, w) if i < n => {
            let mut ws = words(&doc[i].0);
            ws.remove(w % ws.len());
            doc[i].0 = ws.join(" ");
        }
        Edit::Ending(i, e) if i < n => doc[i].1 = e,
        Edit::JoinLines(i) if i + 1 < n => {
            let (next, _) = doc.remove(i + 1);
            doc[i].0 = format!("{} {next}", doc[i].0);
        }
        Edit::SplitLine(i, w) if i < n => {
            let ws = words(&doc[i].0);
            let k = w % (ws.len() + 1);
            let (head, tail) = (ws[..k].join(" "), ws[k..].join(" "));
            doc[i].0 = head;
            doc.insert(i + 1, (tail, "\n"));
        }
        Edit::MoveLines(i, len, to) if i < n => {
            let moved: Vec<_> = doc.drain(i..(i + len).min(n)).collect();
            let to = to.min(doc.len());
            doc.splice(to..to, moved);
        }
        _ => {}
    }
}

fn render(doc: &[(String, &str)], final_newline: bool) -> String {
    let mut out: String = doc.iter().map(|(l, e)| format!("{l}{e}")).collect();
    if !final_newline && let Some(stripped) = out.strip_suffix('\n') {
        out = stripped.strip_suffix('\r').unwrap_or(stripped).to_string();
    }
    out
}

fn pair() -> impl Strategy<Value = (String, String)> {
    (
        document(),
        prop::collection::vec(edit(), 0..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(doc, edits, old_nl, new_nl)| {
            let mut new_doc = doc.clone();
            for e in &edits {
                apply_edit(&mut new_doc, e);
            }
            (render(&doc, old_nl), render(&new_doc, new_nl))
        })
}

/// The text of a block's words without those tagged `skip`: the old side
/// without the added, the new without the removed.
fn side_of(words: &[Word], skip: Tag) -> String {
    words
        .iter()
        .filter(|w| w.tag != skip)
        .map(|w| w.text.as_str())
        .collect()
}

fn check_blocks(old: &str, new: &str, diff: &TextDiff) {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let (mut o, mut n) = (0, 0);
    let mut previous_same = false;
    for block in &diff.blocks {
        match block {
            Block::Same { old: ro, new: rn } => {
                assert!(!previous_same, "two Same blocks in a row");
                assert_eq!(old_lines[ro.clone()], new_lines[rn.clone()]);
                assert!(!ro.is_empty());
                previous_same = true;
                assert_eq!((ro.start, rn.start), (o, n));
                (o, n) = (ro.end, rn.end);
            }
            Block::Changed {
                old: ro,
                new: rn,
                words,
            } => {
                previous_same = false;
                assert_eq!((ro.start, rn.start), (o, n));
                (o, n) = (ro.end, rn.end);
                let side = |skip: Tag| side_of(words, skip);
                assert_eq!(side(Tag::Added), old_lines[ro.clone()].concat());
                assert_eq!(side(Tag::Removed), new_lines[rn.clone()].concat());
                assert!(words.iter().all(|w| !w.text.is_empty()));
            }
            Block::MovedAway { old: ro, to } => {
                previous_same = false;
                assert_eq!(ro.start, o);
                assert!(!ro.is_empty() && !to.is_empty());
                o = ro.end;
                // Its other half is at the new place.
                assert!(
                    diff.blocks
                        .iter()
                        .any(|b| matches!(b, Block::MovedHere { from, new, .. } if from == ro && new == to))
                );
            }
            Block::MovedHere { from, new: rn, words } => {
                previous_same = false;
                assert_eq!(rn.start, n);
                n = rn.end;
                let side = |skip: Tag| side_of(words, skip);
                assert_eq!(side(Tag::Added), old_lines[from.clone()].concat());
                assert_eq!(side(Tag::Removed), new_lines[rn.clone()].concat());
            }
        }
    }
    assert_eq!((o, n), (old_lines.len(), new_lines.len()));
}

/// With every fold open, the unified view shows each old line once (Context or
/// Removed) and each new line once (Context or Added), in order, with their text.
///
/// Moved passages (one row at the old place, the old lines beside the new at
/// the new) and blocks that only re-wrapped (the new lines as context) are
/// shown otherwise; with those, the new lines are still each numbered once.
fn check_unified(old: &str, new: &str, diff: &TextDiff) {
    let all: Vec<usize> = (0..diff.blocks.len()).collect();
    let otherwise = diff.blocks.iter().any(|b| match b {
        Block::Changed { words, .. } => view::quiet(words),
        Block::Same { .. } => false,
        _ => true,
    });
    let header = |r: &Row| matches!(r.kind, RowKind::MovedHere { .. } | RowKind::MovedAway { .. });
    let numbered = |rows: &[Row]| -> Vec<usize> {
        rows.iter()
            .filter(|r| !header(r) && r.kind != RowKind::Removed)
            .filter_map(|r| r.new_line)
            .collect()
    };
    let every_new_line: Vec<usize> = (0..lines(new).len()).collect();
    let rows = unified(diff, old, new, 2, &all);
    assert_eq!(numbered(&rows), every_new_line);
    let inline_rows = inline(diff, old, new, 2, &all);
    assert_eq!(numbered(&inline_rows), every_new_line);
    assert!(
        rows.iter()
            .chain(&inline_rows)
            .flat_map(|r| &r.spans)
            .all(|(_, s)| !s.is_empty() && !s.contains('\n'))
    );
    if otherwise {
        return;
    }

    let text = |r: &Row| r.spans.iter().map(|(_, s)| s.as_str()).collect::<String>();
    let bare = |l: &str| l.trim_end_matches('\n').trim_end_matches('\r').to_string();
    let old_rows: Vec<String> = rows
        .iter()
        .filter(|r| r.kind != RowKind::Added)
        .map(text)
        .collect();
    let new_rows: Vec<String> = rows
        .iter()
        .filter(|r| r.kind != RowKind::Removed)
        .map(text)
        .collect();
    assert_eq!(old_rows, lines(old).into_iter().map(bare).collect::<Vec<_>>());
    assert_eq!(new_rows, lines(new).into_iter().map(bare).collect::<Vec<_>>());

    let pairs = side_by_side(diff, old, new, 2, &all);
    assert_eq!(
        pairs.iter().filter_map(|(l, _)| l.as_ref()).count(),
        lines(old).len()
    );
    assert_eq!(
        pairs.iter().filter_map(|(_, r)| r.as_ref()).count(),
        lines(new).len()
    );
}

proptest! {
    #[test]
    fn applying_the_diff_to_old_gives_new((old, new) in pair()) {
        let diff = diff(&old, &new, BUDGET);
        prop_assert_eq!(apply(&old, &diff), new.clone());
        check_blocks(&old, &new, &diff);
        check_unified(&old, &new, &diff);
        let _ = sections(&diff, &old, &new);
    }

    #[test]
    fn an_exhausted_budget_is_still_exact((old, new) in pair()) {
        let diff = diff(&old, &new, Duration::ZERO);
        prop_assert_eq!(apply(&old, &diff), new.clone());
        check_blocks(&old, &new, &diff);
    }

    #[test]
    fn rewrapping_changes_no_words(
        words in prop::collection::vec(prose_word(), 1..40),
        widths in (5..40usize, 5..40usize),
        crlf in any::<bool>(),
    ) {
        let wrap = |width: usize, ending: &str| {
            let mut out = String::new();
            let mut len = 0;
            for w in &words {
                if len > 0 && len + w.len() > width {
                    out.push_str(ending);
                    len = 0;
                } else if len > 0 {
                    out.push(' ');
                }
                out.push_str(w);
                len += w.len() + 1;
            }
            out + ending
        };
        let old = format!("# Afsnit\n\n{}\nSlut.\n", wrap(widths.0, "\n"));
        let new = format!("# Afsnit\n\n{}\nSlut.\n", wrap(widths.1, if crlf { "\r\n" } else { "\n" }));
        let diff = diff(&old, &new, BUDGET);
        for block in &diff.blocks {
            if let Block::Changed { words, .. } = block {
                for w in words {
                    prop_assert!(w.tag == Tag::Same || w.text.trim().is_empty(), "{:?} in {:?}", w, words);
                }
                for change in changes(words) {
                    prop_assert!(change.kind.minor(), "{:?} in {:?}", change, words);
                }
            }
        }
        prop_assert!(sections(&diff, &old, &new).is_empty());
    }

    #[test]
    fn a_pure_move_is_a_move_with_no_word_changed(
        paragraphs in prop::collection::vec(prop::collection::vec(prose_word(), 1..25), 3..12),
        from in 0..12usize,
        to in 0..12usize,
        wrap in 20..90usize,
    ) {
        // Each paragraph named by its own word, so none is like another.
        let texts: Vec<String> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, words)| {
                let mut line = format!("Afsnit{i}");
                let mut out = String::new();
                for w in words {
                    if line.len() + w.len() > wrap {
                        out.push_str(&line);
                        out.push('\n');
                        line.clear();
                    } else {
                        line.push(' ');
                    }
                    line.push_str(w);
                }
                out + &line + "\n"
            })
            .collect();
        let (from, to) = (from % texts.len(), to % texts.len());
        prop_assume!(from != to);
        let mut moved = texts.clone();
        let paragraph = moved.remove(from);
        moved.insert(to, paragraph);
        let (old, new) = (texts.join("\n"), moved.join("\n"));
        let diff = diff(&old, &new, BUDGET);
        prop_assert_eq!(apply(&old, &diff), new.clone());
        check_blocks(&old, &new, &diff);
        let here = diff.blocks.iter().filter(|b| matches!(b, Block::MovedHere { .. })).count();
        prop_assert!(here >= 1, "{:#?}", diff.blocks);
        for words in diff.blocks.iter().filter_map(Block::words) {
            for w in words {
                prop_assert!(w.tag == Tag::Same || w.text.trim().is_empty(), "{:?} in {:#?}", w, diff.blocks);
            }
        }
    }
}
