//! Word-diff tests on Danish prose, the deadline, and the three views.

use std::ops::Range;
use std::time::{Duration, Instant};

use super::*;

const BUDGET: Duration = Duration::from_secs(5);

/// The diff as text: `[-removed-]{+added+}`, whitespace-only changes shown as they are.
fn marked(old: &str, new: &str) -> String {
    let diff = diff(old, new, BUDGET);
    assert!(!diff.approximate);
    assert_eq!(apply(old, &diff), new);
    let mut out = String::new();
    for block in &diff.blocks {
        match block {
            Block::Same { old: range, .. } => out.push_str(&lines(old)[range.clone()].concat()),
            Block::MovedAway { old: range, to } => out.push_str(&format!(
                "<moved {}-{} to {}-{}>",
                range.start, range.end, to.start, to.end
            )),
            Block::Changed { words, .. } | Block::MovedHere { words, .. } => {
                if let Block::MovedHere { from, new, .. } = block {
                    out.push_str(&format!(
                        "<moved {}-{} from {}-{}>",
                        new.start, new.end, from.start, from.end
                    ));
                }
                for w in words {
                    match w.tag {
                        Tag::Same => out.push_str(&w.text),
                        Tag::Removed => out.push_str(&format!("[-{}-]", w.text)),
                        Tag::Added => out.push_str(&format!("{{+{}+}}", w.text)),
                    }
                }
            }
        }
    }
    out
}

/// Removed and added words that a reader would see (not pure whitespace).
fn visible_changes(diff: &TextDiff) -> Vec<(Tag, String)> {
    let mut out = Vec::new();
    for words in diff.blocks.iter().filter_map(Block::words) {
        {
            for w in words {
                if w.tag != Tag::Same && !w.text.trim().is_empty() {
                    out.push((w.tag, w.text.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn a_changed_number_marks_only_the_number() {
    assert_eq!(
        marked(
            "Vi vil reducere udledningen med 50 pct. inden 2030.\n",
            "Vi vil reducere udledningen med 70 pct. inden 2030.\n"
        ),
        "Vi vil reducere udledningen med [-50-]{+70+} pct. inden 2030.\n"
    );
    assert_eq!(
        marked("ca. 1.000 boliger\n", "ca. 1.200 boliger\n"),
        "ca. [-1.000-]{+1.200+} boliger\n"
    );
    assert_eq!(
        marked("i 2025–2030\n", "i 2025–2035\n"),
        "i 2025–[-2030-]{+2035+}\n"
    );
}

#[test]
fn one_changed_word_in_a_long_sentence() {
    let old = "Åby Kommune vil i perioden frem mod 2030 arbejde målrettet for at nedbringe \
               udledningen af drivhusgasser fra kommunens egne bygninger, køretøjer og \
               anlæg, og kommunen vil samtidig understøtte borgere og virksomheder i den \
               grønne omstilling gennem rådgivning, partnerskaber og konkrete projekter.\n";
    let new = old.replace("understøtte", "styrke");
    assert_eq!(
        marked(old, &new),
        old.replace("understøtte", "[-understøtte-]{+styrke+}")
    );
}

#[test]
fn punctuation_only_changes_mark_only_the_marks() {
    assert_eq!(
        marked("Det er vigtigt.\n", "Det er vigtigt!\n"),
        "Det er vigtigt[-.-]{+!+}\n"
    );
    assert_eq!(
        marked("Han sagde «nej» i dag.\n", "Han sagde „nej“ i dag.\n"),
        "Han sagde [-«-]{+„+}nej[-»-]{+“+} i dag.\n"
    );
    assert_eq!(marked("vi – og de\n", "vi — og de\n"), "vi [-–-]{+—+} og de\n");
}

#[test]
fn abbreviations_stay_whole() {
    assert_eq!(
        marked("Vi vil bl.a. styrke cykling.\n", "Vi vil bl.a. fremme cykling.\n"),
        "Vi vil bl.a. [-styrke-]{+fremme+} cykling.\n"
    );
    assert_eq!(
        marked(
            "Vi vil bl.a. styrke cykling.\n",
            "Vi vil f.eks. styrke cykling.\n"
        ),
        "Vi vil [-bl.a.-]{+f.eks.+} styrke cykling.\n"
    );
    assert_eq!(
        marked("jf. § 3, stk. 2\n", "jf. § 4, stk. 2\n"),
        "jf. § [-3-]{+4+}, stk. 2\n"
    );
    assert_eq!(
        marked("CO2-reduktion\n", "CO2-udledning\n"),
        "[-CO2-reduktion-]{+CO2-udledning+}\n"
    );
}

#[test]
fn a_rewritten_phrase_reads_as_one_change() {
    assert_eq!(
        marked(
            "Vi vil gerne styrke klimaet, sagde hun i går.\n",
            "De skal nok fremme klimaet, sagde hun i går.\n"
        ),
        "[-Vi vil gerne styrke-]{+De skal nok fremme+} klimaet, sagde hun i går.\n"
    );
    // A sentence that changed more than it kept is shown whole, old then new.
    assert_eq!(
        marked("Vi vil gerne styrke klimaet.\n", "De skal nok fremme klimaet.\n"),
        "[-Vi vil gerne styrke klimaet.-]{+De skal nok fremme klimaet.+}\n"
    );
}

#[test]
fn nbsp_is_whitespace_between_words() {
    assert_eq!(
        marked("50\u{a0}pct. af\n", "70\u{a0}pct. af\n"),
        "[-50-]{+70+}\u{a0}pct. af\n"
    );
    let diff = diff("§\u{a0}3 gælder\n", "§ 3 gælder\n", BUDGET);
    assert_eq!(visible_changes(&diff), []);
    assert_eq!(apply("§\u{a0}3 gælder\n", &diff), "§ 3 gælder\n");
}

const PARAGRAPH: &str = "Kommunen vil styrke den grønne omstilling gennem partnerskaber med \
                         lokale virksomheder, boligforeninger og foreninger, så flere borgere \
                         får mulighed for at vælge klimavenlige løsninger i hverdagen, f.eks. \
                         cykling, fælles energianlæg og genbrug.";

/// The paragraph wrapped at `width` characters.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for word in text.split(' ') {
        if len > 0 && len + 1 + word.chars().count() > width {
            out.push('\n');
            len = 0;
        } else if len > 0 {
            out.push(' ');
            len += 1;
        }
        out.push_str(word);
        len += word.chars().count();
    }
    out.push('\n');
    out
}

#[test]
fn a_reflowed_paragraph_shows_no_word_changes() {
    let old = format!("# Klima\n\n{}\nSlut.\n", wrap(PARAGRAPH, 60));
    let new = format!("# Klima\n\n{}\nSlut.\n", wrap(PARAGRAPH, 45));
    let diff = diff(&old, &new, BUDGET);
    assert_eq!(apply(&old, &diff), new);
    assert_eq!(visible_changes(&diff), []);
    for row in unified(&diff, &old, &new, 3, &[]) {
        assert!(row.spans.iter().all(|(tag, _)| *tag == Tag::Same), "{row:?}");
    }
    let rows = inline(&diff, &old, &new, 3, &[]);
    assert!(rows.iter().all(|r| r.kind == RowKind::Context), "{rows:#?}");
    assert_eq!(rows.len(), lines(&new).len());
    assert_eq!(change_starts(&rows), Vec::<usize>::new());
}

#[test]
fn a_reflowed_paragraph_with_one_edit_shows_only_the_edit() {
    let old = wrap(PARAGRAPH, 60);
    let new = wrap(&PARAGRAPH.replace("genbrug", "deleordninger"), 45);
    let diff = diff(&old, &new, BUDGET);
    assert_eq!(
        visible_changes(&diff),
        [
            (Tag::Removed, "genbrug".into()),
            (Tag::Added, "deleordninger".into())
        ]
    );
}

#[test]
fn a_paragraph_split_in_two_shows_no_word_changes() {
    let old = "# A\n\nFørste afsnit.\n\nVi vil bygge. Vi vil også plante træer.\n\nSidste afsnit.\n";
    let new = "# A\n\nFørste afsnit.\n\nVi vil bygge.\n\nVi vil også plante træer.\n\nSidste afsnit.\n";
    let diff = diff(old, new, BUDGET);
    assert_eq!(apply(old, &diff), new);
    assert_eq!(visible_changes(&diff), []);
    // And merged back again.
    let back = super::diff(new, old, BUDGET);
    assert_eq!(visible_changes(&back), []);
    assert_eq!(apply(new, &back), old);
}

#[test]
fn crlf_lines_keep_their_endings() {
    let old = "Første linje\r\nAnden linje med æøå\r\nTredje";
    let new = "Første linje\r\nAnden linje med ÆØÅ\r\nTredje\r\n";
    let diff = diff(old, new, BUDGET);
    assert_eq!(apply(old, &diff), new);
    assert_eq!(
        lines(old),
        ["Første linje\r\n", "Anden linje med æøå\r\n", "Tredje"]
    );
    let rows = unified(&diff, old, new, 3, &[]);
    assert!(
        rows.iter()
            .flat_map(|r| &r.spans)
            .all(|(_, s)| !s.contains(['\r', '\n']))
    );
    // Converting line endings changes no words.
    let unix = old.replace("\r\n", "\n");
    let diff = super::diff(old, &unix, BUDGET);
    assert_eq!(apply(old, &diff), unix);
    assert_eq!(visible_changes(&diff), []);
}

#[test]
fn empty_texts() {
    assert_eq!(diff("", "", BUDGET).blocks, []);
    let added = diff("", "a\nb", BUDGET);
    assert_eq!(apply("", &added), "a\nb");
    let removed = diff("a\nb", "", BUDGET);
    assert_eq!(apply("a\nb", &removed), "");
    assert_eq!(lines(""), Vec::<&str>::new());
    assert_eq!(lines("a\nb"), ["a\n", "b"]);
}

/// Unrelated text without a line break: the case that took similar 86 s unbounded.
fn long_line(seed: u64) -> String {
    let words = [
        "kommune", "klima", "og", "energi", "borger", "plan", "vej", "skole", "natur", "by",
    ];
    let mut x = seed;
    let mut out = String::new();
    while out.len() < 30_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(words[(x >> 33) as usize % words.len()]);
        out.push_str(if (x >> 20).is_multiple_of(7) { ", " } else { " " });
    }
    out
}

#[test]
fn two_unrelated_long_lines_finish_within_the_budget() {
    let (old, new) = (long_line(1), long_line(2));
    let budget = Duration::from_millis(300);
    let started = Instant::now();
    let diff = diff(&old, &new, budget);
    let took = started.elapsed();
    // Tokenizing and building the words after the deadline takes a little extra time.
    assert!(took < budget + Duration::from_millis(200), "took {took:?}");
    assert_eq!(apply(&old, &diff), new);
}

#[test]
fn no_budget_means_approximate_not_wrong() {
    let old = "a b c\nd\n";
    let new = "a x c\nd\n";
    let diff = diff(old, new, Duration::ZERO);
    assert!(diff.approximate);
    assert_eq!(apply(old, &diff), new);
}

/// `n` distinct unchanged lines.
fn body(n: usize) -> String {
    (0..n).map(|i| format!("Linje {i} er uændret.\n")).collect()
}

#[test]
fn unified_folds_a_long_unchanged_stretch() {
    let old = format!("Første version.\n{}Slut her.\n", body(100));
    let new = format!("Anden version.\n{}Slut der.\n", body(100));
    let diff = diff(&old, &new, BUDGET);
    assert_eq!(diff.blocks.len(), 3);
    let rows = unified(&diff, &old, &new, 3, &[]);
    let kinds: Vec<_> = rows.iter().map(|r| r.kind.clone()).collect();
    let fold = RowKind::Fold {
        lines: 94,
        old_start: 4,
        new_start: 4,
    };
    let context = RowKind::Context;
    #[rustfmt::skip]
    let expected = [
        RowKind::Removed, RowKind::Added,
        context.clone(), context.clone(), context.clone(),
        fold,
        context.clone(), context.clone(), context,
        RowKind::Removed, RowKind::Added,
    ];
    assert_eq!(kinds, expected);
    assert_eq!(
        rows[0].spans,
        [(Tag::Removed, "Første".into()), (Tag::Same, " version.".into())]
    );
    assert_eq!(rows[2].spans, [(Tag::Same, "Linje 0 er uændret.".into())]);
    assert_eq!((rows[2].old_line, rows[2].new_line), (Some(1), Some(1)));
    assert_eq!(fold_block(&diff, &rows[5]), Some(1));
    assert_eq!(change_starts(&rows), [0, 9]);

    let open = unified(&diff, &old, &new, 3, &[1]);
    assert_eq!(open.len(), 104);
    assert!(open.iter().all(|r| !matches!(r.kind, RowKind::Fold { .. })));

    // With nothing changed around it, a stretch at the edge folds from its start.
    let same = super::diff(&old, &old, BUDGET);
    let rows = unified(&same, &old, &old, 3, &[]);
    assert_eq!(rows.len(), 1);
    assert!(matches!(rows[0].kind, RowKind::Fold { lines: 102, .. }));
}

#[test]
fn side_by_side_aligns_a_two_line_replacement_with_three_lines() {
    let old = "Før\nen to\ntre fire\nEfter\n";
    let new = "Før\nen\nto tre\nfem\nEfter\n";
    let diff = diff(old, new, BUDGET);
    let pairs = side_by_side(&diff, old, new, 3, &[]);
    let lines: Vec<(Option<usize>, Option<usize>)> = pairs
        .iter()
        .map(|(l, r)| {
            (
                l.as_ref().and_then(|l| l.old_line),
                r.as_ref().and_then(|r| r.new_line),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (Some(0), Some(0)),
            (Some(1), Some(1)),
            (Some(2), Some(2)),
            (None, Some(3)),
            (Some(3), Some(4))
        ]
    );
    assert_eq!(
        pairs[1].0.as_ref().map(|r| r.kind.clone()),
        Some(RowKind::Removed)
    );
    assert_eq!(
        pairs[3].1.as_ref().map(|r| r.spans.clone()),
        Some(vec![(Tag::Added, "fem".into())])
    );
    assert_eq!(side_by_side_change_starts(&pairs), [1]);
}

#[test]
fn inline_shows_removed_words_before_added_ones_in_place() {
    let old = "Intro\nVi vil styrke klimaet.\nEn linje der går.\nSlut\n";
    let new = "Intro\nVi vil fremme klimaet.\nSlut\n";
    let diff = diff(old, new, BUDGET);
    let rows = inline(&diff, old, new, 3, &[]);
    let spans = |s: &[(Tag, &str)]| s.iter().map(|(t, s)| (*t, s.to_string())).collect::<Vec<_>>();
    assert_eq!(rows.len(), 4, "{rows:#?}");
    assert_eq!(rows[1].kind, RowKind::Added);
    assert_eq!(rows[1].new_line, Some(1));
    assert_eq!(
        rows[1].spans,
        spans(&[
            (Tag::Same, "Vi vil "),
            (Tag::Removed, "styrke"),
            (Tag::Added, "fremme"),
            (Tag::Same, " klimaet.")
        ])
    );
    assert_eq!(rows[2].kind, RowKind::Removed);
    assert_eq!((rows[2].old_line, rows[2].new_line), (Some(2), None));
    assert_eq!(rows[2].spans, spans(&[(Tag::Removed, "En linje der går.")]));
    assert_eq!(rows[3].new_line, Some(2));
    assert_eq!(change_starts(&rows), [1]);
}

#[test]
fn inline_keeps_words_removed_across_a_line_break_apart() {
    let old = "a b\nc d\n";
    let new = "a d\n";
    let diff = diff(old, new, BUDGET);
    let rows = inline(&diff, old, new, 3, &[]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let text: String = rows[0].spans.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(text, "a b c d");
}

/// A paragraph split in two (a blank line where there was a space) and two
/// joined: only whitespace changed, but the word view marks the place with
/// ¶ and counts it; a paragraph re-wrapped (a line end for a space) still
/// shows no mark.
#[test]
fn a_paragraph_split_or_joined_is_marked_and_a_rewrap_is_not() {
    let old = "# Plan\n\nFørste sætning er her. Anden sætning følger efter.\n\nSidste afsnit.\n";
    let split = old.replace("her. Anden", "her.\n\nAnden");
    for (from, to, tag) in [
        (old, split.as_str(), Tag::Added),
        (split.as_str(), old, Tag::Removed),
    ] {
        let d = diff(from, to, BUDGET);
        let rows = inline(&d, from, to, 3, &[]);
        let marked: Vec<&Row> = rows
            .iter()
            .filter(|r| r.spans.iter().any(|(t, s)| *t == tag && s == PARAGRAPH_MARK))
            .collect();
        assert_eq!(marked.len(), 1, "{rows:#?}");
        assert!(
            marked[0]
                .spans
                .iter()
                .any(|(_, s)| s.contains("Første sætning er her."))
        );
        assert_eq!(change_starts(&rows).len(), 1, "{rows:#?}");
    }
    let rewrapped = old.replace("her. Anden", "her.\nAnden");
    let d = diff(old, &rewrapped, BUDGET);
    let rows = inline(&d, old, &rewrapped, 3, &[]);
    assert!(
        rows.iter()
            .all(|r| r.spans.iter().all(|(_, s)| s != PARAGRAPH_MARK)),
        "{rows:#?}"
    );
    assert_eq!(change_starts(&rows), Vec::<usize>::new(), "{rows:#?}");
}

#[test]
fn views_serialize_for_the_cli() {
    let diff = diff("a\n", "b\n", BUDGET);
    let json = serde_json::to_string(&diff).unwrap_or_default();
    assert!(json.contains(r#""changed":{"old":{"start":0,"end":1}"#), "{json}");
    assert!(json.contains(r#""tag":"removed""#), "{json}");
    let rows = unified(&diff, "a\n", "b\n", 3, &[]);
    let json = serde_json::to_string(&rows).unwrap_or_default();
    assert!(json.contains(r#""kind":"removed""#), "{json}");
}

#[test]
fn a_coincidentally_identical_line_inside_a_rewrapped_paragraph() {
    // Found by the property test: "„citat“" stands alone on a line in both wrappings,
    // at different word positions, and pinned the line diff.
    let old = "# Afsnit\n\n„citat“\n3\n„citat“\næøå\nog\n—\n\nSlut.\n";
    let new = "# Afsnit\n\n„citat“ 3\n„citat“\næøå og —\n\nSlut.\n";
    let diff = diff(old, new, BUDGET);
    assert_eq!(visible_changes(&diff), []);
    assert_eq!(apply(old, &diff), new);
}

#[test]
fn two_unrelated_long_drafts_give_a_diff_that_applies() {
    // 5,000 lines of ~80 characters each, from different seeds: one changed block
    // of 400 kB on each side. (How long it takes against its budget is
    // measured in benches/diff.rs, not here: a loaded machine would fail it.)
    let draft = |seed: u64| -> String {
        let text: String = (0..14).map(|k| long_line(seed * 100 + k)).collect();
        let words: Vec<&str> = text.split(' ').collect();
        words.chunks(12).map(|c| c.join(" ") + "\n").take(5_000).collect()
    };
    let (old, new) = (draft(3), draft(5));
    let diff = diff(&old, &new, Duration::from_millis(300));
    assert_eq!(apply(&old, &diff), new);
}

/// The sample's work programme with "Natur og vand" taken out of
/// "Bæredygtighed" and put at the end of "Fællesskab", `edit` applied to it.
fn moved_section(edit: impl Fn(&str) -> String) -> (String, String) {
    let old = include_str!("../../strategies/arbejdsgrundlag/document.md").to_string();
    let new = move_natur_og_vand(&old, edit);
    (old, new)
}

/// The work programme `text` (the sample's, or a later draft of it) with
/// the section "Natur og vand" moved to the end of "Fællesskab" and `edit`
/// applied to it on the way.
pub(crate) fn move_natur_og_vand(text: &str, edit: impl Fn(&str) -> String) -> String {
    let start = text.find("### Natur og vand").unwrap();
    let end = text.find("### Grøn mobilitet").unwrap();
    let rest = format!("{}{}", &text[..start], &text[end..]);
    let at = rest.find("## Sådan følger vi op").unwrap();
    format!("{}{}{}", &rest[..at], edit(&text[start..end]), &rest[at..])
}

fn moves(diff: &TextDiff) -> Vec<(Range<usize>, Range<usize>)> {
    diff.blocks
        .iter()
        .filter_map(|b| match b {
            Block::MovedHere { from, new, .. } => Some((from.clone(), new.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_moved_section_is_one_move_with_no_word_changed() {
    let (old, new) = moved_section(str::to_string);
    let diff = diff(&old, &new, BUDGET);
    assert_eq!(apply(&old, &diff), new);
    assert_eq!(moves(&diff).len(), 1, "{:#?}", diff.blocks);
    assert!(visible_changes(&diff).is_empty(), "{:?}", visible_changes(&diff));
    let rows = unified(&diff, &old, &new, 3, &[]);
    let said: Vec<String> = rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::MovedAway { .. } | RowKind::MovedHere { .. }))
        .map(|r| r.spans.iter().map(|(_, s)| s.as_str()).collect())
        .collect();
    let line = |text: &str| text[..text.find("### Natur og vand").unwrap()].lines().count() + 1;
    assert_eq!(
        said,
        [
            format!("moved to Fællesskab (line {})", line(&new)),
            format!("moved from Bæredygtighed (line {})", line(&old))
        ]
    );
    let summary = sections(&diff, &old, &new);
    assert_eq!(summary.len(), 1, "{summary:#?}");
    assert_eq!(summary[0].status, SectionStatus::Moved);
    assert_eq!(
        summary[0].path,
        [
            "Byrådets arbejdsgrundlag 2026–2029",
            "Fællesskab",
            "Natur og vand"
        ]
    );
    assert_eq!(
        summary[0].moved_note().as_deref(),
        Some("moved from Bæredygtighed")
    );
    assert_eq!((summary[0].added_words, summary[0].removed_words), (0, 0));
}

#[test]
fn a_moved_and_edited_section_marks_only_the_edit() {
    let (old, new) = moved_section(|s| s.replacen("Vi vil tænke", "Vi ønsker at tænke", 1));
    let diff = diff(&old, &new, BUDGET);
    assert_eq!(apply(&old, &diff), new);
    assert_eq!(moves(&diff).len(), 1);
    let changed: Vec<(Tag, String)> = visible_changes(&diff);
    assert_eq!(
        changed,
        [(Tag::Removed, "vil".into()), (Tag::Added, "ønsker at".into())]
    );
    for view in [
        inline(&diff, &old, &new, 3, &[]),
        unified(&diff, &old, &new, 3, &[]),
    ] {
        let marked: Vec<&Row> = view
            .iter()
            .filter(|r| r.spans.iter().any(|(t, _)| *t != Tag::Same))
            .collect();
        assert_eq!(marked.len(), 1, "{marked:#?}");
        assert_eq!(marked[0].kind, RowKind::Added);
    }
    let pairs = side_by_side(&diff, &old, &new, 3, &[]);
    assert!(pairs.iter().any(|(l, _)| {
        l.as_ref()
            .is_some_and(|r| matches!(r.kind, RowKind::MovedAway { .. }))
    }));
    assert!(
        pairs
            .iter()
            .any(|(_, r)| r.as_ref().is_some_and(|r| r.kind == RowKind::Moved))
    );
}

#[test]
fn two_paragraphs_swapped_and_a_paragraph_split_and_merged() {
    let a = "Første afsnit handler om klimaet og om energien i kommunen.\n";
    let b = "Andet afsnit handler om naturen og om vandet i kommunen.\n";
    let c = "Tredje afsnit handler om trafikken og om cyklerne i byen.\n";
    let old = format!("# Plan\n\n{a}\n{b}\n{c}\nSlut.\n");
    let new = format!("# Plan\n\n{b}\n{a}\n{c}\nSlut.\n");
    let d = diff(&old, &new, BUDGET);
    assert_eq!(apply(&old, &d), new);
    assert_eq!(moves(&d).len(), 1, "{:#?}", d.blocks);
    assert!(visible_changes(&d).is_empty());

    let kinds = |old: &str, new: &str| -> Vec<ChangeKind> {
        diff(old, new, BUDGET)
            .blocks
            .iter()
            .filter_map(Block::words)
            .flat_map(changes)
            .map(|c| c.kind)
            .filter(|k| *k != ChangeKind::Whitespace)
            .collect()
    };
    let joined = "Første sætning om klimaet. Anden sætning om naturen.\n";
    let split = "Første sætning om klimaet.\n\nAnden sætning om naturen.\n";
    assert_eq!(kinds(joined, split), [ChangeKind::Split]);
    assert_eq!(kinds(split, joined), [ChangeKind::Merge]);
    let rewrapped = "Første sætning om\nklimaet. Anden sætning om naturen.\n";
    assert_eq!(kinds(joined, rewrapped), []);
}
