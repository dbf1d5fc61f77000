//! Placing threads on other versions: unit cases for each rule and property
//! tests (a passage nobody touched always lands on its identical text).

use proptest::prelude::*;

use super::*;

/// An anchor on lines `start..=end` of `text`, quoting them.
fn anchor(text: &str, start: usize, end: usize) -> Anchor {
    Anchor {
        start,
        end,
        section: Vec::new(),
        quote: lines(text)[start - 1..end].concat(),
    }
}

/// The lines `start..=end` of `text`.
fn at(text: &str, start: usize, end: usize) -> String {
    lines(text)[start - 1..end].concat()
}

const DRAFT: &str = "# Klimaplan\n\
                     \n\
                     ## Mål\n\
                     \n\
                     Vi vil reducere udledningen med 50 pct. inden 2030.\n\
                     Det kræver en indsats fra alle forvaltninger.\n\
                     \n\
                     ## Indsatser\n\
                     \n\
                     Vi bygger cykelstier og planter træer.\n";

#[test]
fn unchanged_text_stays_put() {
    let a = anchor(DRAFT, 5, 6);
    assert_eq!(map(&a, DRAFT, DRAFT), Placement::Exact { start: 5, end: 6 });
}

#[test]
fn insertions_above_shift_it() {
    let a = anchor(DRAFT, 5, 6);
    let new = DRAFT.replace("## Mål\n", "## Baggrund\n\nNy tekst.\nMere tekst.\n\n## Mål\n");
    assert_eq!(map(&a, DRAFT, &new), Placement::Exact { start: 10, end: 11 });
    assert_eq!(at(&new, 10, 11), a.quote);
    // Deleting above shifts it up, edits below change nothing.
    let new = DRAFT
        .replace("# Klimaplan\n\n", "")
        .replace("cykelstier", "supercykelstier");
    assert_eq!(map(&a, DRAFT, &new), Placement::Exact { start: 3, end: 4 });
}

#[test]
fn an_edit_inside_points_at_the_edited_passage() {
    let a = anchor(DRAFT, 5, 6);
    let new = DRAFT.replace("50 pct.", "70 pct.");
    assert_eq!(map(&a, DRAFT, &new), Placement::Edited { start: 5, end: 6 });
    // A line inserted inside the passage is covered.
    let new = DRAFT.replace("2030.\n", "2030.\nOg vi måler det hvert år.\n");
    assert_eq!(map(&a, DRAFT, &new), Placement::Edited { start: 5, end: 7 });
    // Edited and shifted.
    let new = format!(
        "Forord.\n\n{}",
        DRAFT.replace("alle forvaltninger", "hele kommunen")
    );
    assert_eq!(map(&a, DRAFT, &new), Placement::Edited { start: 7, end: 8 });
}

#[test]
fn a_rewrapped_paragraph_keeps_the_thread_on_its_words() {
    let old =
        "Intro.\n\nEt langt afsnit om\nklima og energi som\nvi har skrevet om\nmange gange i år.\n\nSlut.\n";
    let a = anchor(old, 4, 4); // "klima og energi som"
    let new =
        "Intro.\n\nEt langt afsnit om klima\nog energi som vi\nhar skrevet om mange\ngange i år.\n\nSlut.\n";
    assert_eq!(map(&a, old, new), Placement::Edited { start: 3, end: 4 });
}

#[test]
fn a_moved_passage_is_found_by_its_quote() {
    let a = anchor(DRAFT, 10, 10);
    let new = DRAFT
        .replace("Vi bygger cykelstier og planter træer.\n", "")
        .replace("## Mål\n", "## Mål\n\nVi bygger cykelstier og planter træer.\n");
    let placed = map(&a, DRAFT, &new);
    assert_eq!(placed, Placement::Exact { start: 5, end: 5 });
    assert_eq!(at(&new, 5, 5), a.quote);
}

#[test]
fn a_deleted_passage_is_outdated() {
    let a = anchor(DRAFT, 5, 6);
    let new = DRAFT.replace(
        "Vi vil reducere udledningen med 50 pct. inden 2030.\nDet kræver en indsats fra alle forvaltninger.\n",
        "",
    );
    assert_eq!(map(&a, DRAFT, &new), Placement::Outdated);
    // Replaced by unrelated text in the same place: outdated, not "edited".
    let new = DRAFT.replace(
        "Vi vil reducere udledningen med 50 pct. inden 2030.\nDet kræver en indsats fra alle forvaltninger.\n",
        "Budgettet fastlægges i efteråret.\n",
    );
    assert_eq!(map(&a, DRAFT, &new), Placement::Outdated);
    // A heading renamed beyond recognition.
    let a = anchor(DRAFT, 3, 3);
    assert_eq!(
        map(&a, DRAFT, &DRAFT.replace("## Mål", "## Ambitioner")),
        Placement::Outdated
    );
}

#[test]
fn crlf_and_line_end_changes_do_not_matter() {
    let crlf = DRAFT.replace('\n', "\r\n");
    let a = anchor(&crlf, 5, 6);
    assert!(
        a.quote
            .ends_with("2030.\r\nDet kræver en indsats fra alle forvaltninger.\r\n")
    );
    let new = format!("Forord.\r\n{crlf}");
    assert_eq!(map(&a, &crlf, &new), Placement::Exact { start: 6, end: 7 });
    // Converted to LF by an editor: still exact.
    assert_eq!(map(&a, &crlf, DRAFT), Placement::Exact { start: 5, end: 6 });
    // The last line without a line end.
    let a = anchor(DRAFT, 10, 10);
    let new = format!("Ny første linje.\n{}", DRAFT.trim_end());
    assert_eq!(map(&a, DRAFT, &new), Placement::Exact { start: 11, end: 11 });
}

#[test]
fn a_passage_duplicated_elsewhere() {
    // The passage stays and is also copied further down: the thread stays.
    let a = anchor(DRAFT, 10, 10);
    let new = format!("Forord.\n{DRAFT}\n## Bilag\n\nVi bygger cykelstier og planter træer.\n");
    assert_eq!(map(&a, DRAFT, &new), Placement::Exact { start: 11, end: 11 });

    // Two identical paragraphs; the thread is on the second, which is deleted.
    // The first is another, unchanged copy: the thread is outdated, not moved.
    let old = "## A\n\nSe bilag 2.\n\n## B\n\nSe bilag 2.\n\n## C\n";
    let a = anchor(old, 7, 7);
    let new = "## A\n\nSe bilag 2.\n\n## B\n\n## C\n";
    assert_eq!(map(&a, old, new), Placement::Outdated);
    // ...and when the first is deleted instead, the thread stays on its own.
    let new = "## A\n\n## B\n\nSe bilag 2.\n\n## C\n";
    assert_eq!(map(&a, old, new), Placement::Exact { start: 5, end: 5 });
}

#[test]
fn a_deleted_blank_line_does_not_jump_to_another() {
    let old = "a\n\nb\n\nc\n";
    let a = anchor(old, 2, 2);
    assert_eq!(
        map(&a, old, "x\na\n\nb\n\nc\n"),
        Placement::Exact { start: 3, end: 3 }
    );
    // The other blank line is an unchanged copy, not this one moved.
    assert_eq!(map(&a, old, "a\nb\n\nc\n"), Placement::Outdated);
}

#[test]
fn other_text_than_the_draft_falls_back_to_the_quote() {
    let a = anchor(DRAFT, 10, 10);
    let wrong_old = "something else entirely\n";
    let new = format!("Ny.\n{DRAFT}");
    assert_eq!(map(&a, wrong_old, &new), Placement::Exact { start: 11, end: 11 });
    assert_eq!(map_by_quote(&a, &new), Placement::Exact { start: 11, end: 11 });
    assert_eq!(map_by_quote(&a, &format!("{new}{new}")), Placement::Outdated);
    // An anchor past the end of the given text: only the quote counts.
    let far = Anchor {
        start: 40,
        end: 40,
        ..a.clone()
    };
    assert_eq!(map(&far, DRAFT, DRAFT), Placement::Exact { start: 10, end: 10 });
    let gone = Anchor {
        quote: "Ikke i teksten.\n".into(),
        ..far
    };
    assert_eq!(map(&gone, DRAFT, DRAFT), Placement::Outdated);
}

#[test]
fn mapping_works_backwards_too() {
    // A thread made on a later draft, shown on an earlier one.
    let later = DRAFT.replace("## Mål\n", "## Baggrund\n\nTekst.\n\n## Mål\n");
    let a = anchor(&later, 9, 10);
    assert_eq!(map(&a, &later, DRAFT), Placement::Exact { start: 5, end: 6 });
    let a = anchor(&later, 5, 5);
    assert_eq!(map(&a, &later, DRAFT), Placement::Outdated);
}

#[test]
fn unsaved_lines_are_found_in_their_draft_only_when_unchanged() {
    // Two lines typed above "## Mål": the buffer's lines 7-8 are the draft's 5-6.
    let buffer = DRAFT.replace("## Mål\n", "Indledning.\n\n## Mål\n");
    assert_eq!(unchanged_lines(&buffer, DRAFT, 7, 8), Some((5, 6)));
    // A line typed but not saved has no draft line to anchor on.
    assert_eq!(unchanged_lines(&buffer, DRAFT, 3, 3), None);
    // Nor does a passage with an unsaved edit inside it.
    let edited = DRAFT.replace("50 pct.", "70 pct.");
    assert_eq!(unchanged_lines(&edited, DRAFT, 5, 6), None);
    assert_eq!(unchanged_lines(&edited, DRAFT, 6, 6), Some((6, 6)));
    // Outside the text, or not a range.
    assert_eq!(unchanged_lines(DRAFT, DRAFT, 10, 11), None);
    assert_eq!(unchanged_lines(DRAFT, DRAFT, 0, 1), None);
    assert_eq!(unchanged_lines(DRAFT, DRAFT, 3, 2), None);
}

#[test]
fn one_mapper_places_many_threads() {
    let new = DRAFT.replace("## Mål\n", "## Baggrund\n\n## Mål\n");
    let mapper = Mapper::new(DRAFT, &new);
    assert_eq!(
        mapper.place(&anchor(DRAFT, 1, 1)),
        Placement::Exact { start: 1, end: 1 }
    );
    assert_eq!(
        mapper.place(&anchor(DRAFT, 10, 10)),
        Placement::Exact { start: 12, end: 12 }
    );
    assert_eq!(Placement::Outdated.lines(), None);
    assert_eq!(Placement::Edited { start: 2, end: 3 }.kind(), "edited");
}

// ---- property tests ----

/// A line of prose-like text: often unique, sometimes blank or a repeated heading.
fn prose_line() -> BoxedStrategy<String> {
    const WORDS: &[&str] = &[
        "Vi", "vil", "klima", "og", "energi", "kommunen", "50", "pct.", "i", "år", "træer", "Åby",
    ];
    prop_oneof![
        1 => Just(String::new()),
        1 => Just("## Mål".to_string()),
        6 => prop::collection::vec(prop::sample::select(WORDS), 1..7).prop_map(|w| w.join(" ")),
    ]
    .boxed()
}

/// A line from a tiny alphabet: everything is duplicated.
fn dull_line() -> BoxedStrategy<String> {
    prop::sample::select(&["a", "b", "c", ""][..])
        .prop_map(str::to_string)
        .boxed()
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize),
    Replace(usize, String),
}

fn edits(line: BoxedStrategy<String>) -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<usize>(), line.clone()).prop_map(|(i, l)| Edit::Insert(i, l)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), line).prop_map(|(i, l)| Edit::Replace(i, l)),
    ];
    prop::collection::vec(edit, 0..8)
}

fn apply(lines: &mut Vec<String>, edits: &[Edit]) {
    for edit in edits {
        match edit {
            Edit::Insert(i, l) => lines.insert(i % (lines.len() + 1), l.clone()),
            Edit::Delete(i) if !lines.is_empty() => {
                lines.remove(i % lines.len());
            }
            Edit::Replace(i, l) if !lines.is_empty() => {
                let n = lines.len();
                lines[i % n] = l.clone();
            }
            _ => {}
        }
    }
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// A text, a passage in it (0-based start, length) and edits for the text above
/// and below the passage.
type Case = (Vec<String>, usize, usize, Vec<Edit>, Vec<Edit>);

fn case(line: BoxedStrategy<String>) -> impl Strategy<Value = Case> {
    prop::collection::vec(line.clone(), 1..40).prop_flat_map(move |text| {
        let n = text.len();
        let line = line.clone();
        (0..n).prop_flat_map(move |s| {
            let text = text.clone();
            let line = line.clone();
            (1..=(n - s).min(5)).prop_flat_map(move |len| {
                (
                    Just(text.clone()),
                    Just(s),
                    Just(len),
                    edits(line.clone()),
                    edits(line.clone()),
                )
            })
        })
    })
}

/// Runs a case: the old text, the anchor, the new text and where the passage went.
fn run((text, s, len, above, below): Case) -> (String, Anchor, String, usize) {
    let old = join(&text);
    let a = anchor(&old, s + 1, s + len);
    let mut prefix = text[..s].to_vec();
    let mut suffix = text[s + len..].to_vec();
    apply(&mut prefix, &above);
    apply(&mut suffix, &below);
    let at = prefix.len();
    let new = join(&[prefix, text[s..s + len].to_vec(), suffix].concat());
    (old, a, new, at)
}

fn count(text: &str, quote: &str) -> usize {
    let text: Vec<&str> = lines(text).into_iter().map(key).collect();
    let quote: Vec<&str> = lines(quote).into_iter().map(key).collect();
    occurrences(&text, &quote).len()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    /// Edits that leave the passage alone: it lands exactly on its own text, at
    /// the place it really went, whenever the text holds it only once.
    #[test]
    fn an_untouched_passage_lands_on_its_text(c in case(prose_line())) {
        let (old, a, new, at_line) = run(c);
        prop_assume!(count(&old, &a.quote) == 1 && count(&new, &a.quote) == 1);
        let len = a.end - a.start + 1;
        prop_assert_eq!(map(&a, &old, &new), Placement::Exact { start: at_line + 1, end: at_line + len });
    }

    /// With identical copies everywhere, the thread is on identical text or says
    /// it cannot tell (outdated or edited), and only when there are copies.
    #[test]
    fn with_copies_it_never_lands_on_other_text(c in case(dull_line())) {
        let (old, a, new, _) = run(c);
        match map(&a, &old, &new) {
            Placement::Exact { start, end } => {
                prop_assert_eq!(end - start + 1, a.end - a.start + 1);
                prop_assert_eq!(at(&new, start, end), a.quote.clone());
            }
            other => prop_assert!(
                count(&old, &a.quote) > 1 || count(&new, &a.quote) > 1,
                "{other:?} though the passage occurs once: {old:?} -> {new:?} ({a:?})"
            ),
        }
    }

    /// Any two texts and any anchor: an exact placement is the quoted text, and
    /// every range lies inside the new text.
    #[test]
    fn placements_stay_inside_and_exact_means_identical(
        old in prop::collection::vec(prose_line(), 1..30),
        new in prop::collection::vec(prose_line(), 0..30),
        s in any::<usize>(),
        len in 1usize..4,
    ) {
        let (old, new) = (join(&old), join(&new));
        let n = lines(&old).len();
        let start = s % n + 1;
        let a = anchor(&old, start, (start + len - 1).min(n));
        let placed = map(&a, &old, &new);
        if let Some((start, end)) = placed.lines() {
            prop_assert!(1 <= start && start <= end && end <= lines(&new).len(), "{placed:?}");
        }
        if let Placement::Exact { start, end } = placed {
            prop_assert_eq!(at(&new, start, end), a.quote);
        }
    }
}
