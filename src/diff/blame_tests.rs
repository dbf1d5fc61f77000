use super::*;

/// Each paragraph of the newest text by its first line, with its draft
/// (numbered from 1, as people count them).
fn credits(drafts: &[&str]) -> Vec<(String, usize)> {
    let last = drafts.last().copied().unwrap_or_default();
    let lines = crate::text::lines(last);
    blame(drafts)
        .into_iter()
        .map(|p| (lines[p.lines.start].trim_end().to_string(), p.draft + 1))
        .collect()
}

/// The sentences of the newest text's paragraph starting with `start`,
/// each with its draft (from 1).
fn sentence_credits(drafts: &[&str], start: &str) -> Vec<(String, usize)> {
    let last = drafts.last().copied().unwrap_or_default();
    let lines = crate::text::lines(last);
    let paragraph = blame(drafts)
        .into_iter()
        .find(|p| lines[p.lines.start].starts_with(start))
        .unwrap();
    let text = lines[paragraph.lines.clone()].concat();
    paragraph
        .sentences
        .into_iter()
        .map(|s| (text[s.bytes].to_string(), s.draft + 1))
        .collect()
}

fn draft_of(found: &[(String, usize)], start: &str) -> usize {
    found
        .iter()
        .find(|(line, _)| line.starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph {start:?} in {found:?}"))
        .1
}

/// Five drafts by three people: Anne writes draft 1, Jørgen adds the
/// citizens' paragraph and a sentence to the goal in draft 2, Aisha moves the
/// district heating paragraph up under the goal in draft 3, Anne fixes a
/// comma and a typo in Jørgen's paragraph and re-wraps the cycling one in
/// draft 4, and Jørgen raises the goal from 70 to 75 pct. in draft 5.
const HISTORY: [&str; 5] = [
    "# Klimaplan 2030\n\n## Mål\n\n\
     Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra \
     bl.a. borgere og virksomheder.\n\n\
     ## Indsatser\n\n\
     Vi udbygger cykelstierne i hele kommunen, så flere vælger cyklen.\n\n\
     Fjernvarmen skal udvides til alle landsbyer inden 2028.\n",
    "# Klimaplan 2030\n\n## Mål\n\n\
     Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra \
     bl.a. borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
     ## Indsatser\n\n\
     Vi udbygger cykelstierne i hele kommunen, så flere vælger cyklen.\n\n\
     Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
     Borgerne skal inddrages i arbjedet gennem borgermøder f.eks. i lokalrådene.\n",
    "# Klimaplan 2030\n\n## Mål\n\n\
     Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra \
     bl.a. borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
     Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
     ## Indsatser\n\n\
     Vi udbygger cykelstierne i hele kommunen, så flere vælger cyklen.\n\n\
     Borgerne skal inddrages i arbjedet gennem borgermøder f.eks. i lokalrådene.\n",
    "# Klimaplan 2030\n\n## Mål\n\n\
     Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra \
     bl.a. borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
     Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
     ## Indsatser\n\n\
     Vi udbygger cykelstierne i hele kommunen,\nså flere vælger cyklen.\n\n\
     Borgerne skal inddrages i arbejdet gennem borgermøder, f.eks. i lokalrådene.\n",
    "# Klimaplan 2030\n\n## Mål\n\n\
     Kommunen vil reducere udledningen med 75 pct. inden 2030. Det kræver en indsats fra \
     bl.a. borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
     Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
     ## Indsatser\n\n\
     Vi udbygger cykelstierne i hele kommunen,\nså flere vælger cyklen.\n\n\
     Borgerne skal inddrages i arbejdet gennem borgermøder, f.eks. i lokalrådene.\n",
];

#[test]
fn each_paragraph_is_credited_to_the_draft_that_gave_it_its_wording() {
    let found = credits(&HISTORY);
    assert_eq!(found.len(), 7, "{found:?}");
    // Untouched since draft 1.
    assert_eq!(draft_of(&found, "# Klimaplan"), 1);
    assert_eq!(draft_of(&found, "## Mål"), 1);
    assert_eq!(draft_of(&found, "## Indsatser"), 1);
    // Re-wrapped in draft 4: still draft 1's wording.
    assert_eq!(draft_of(&found, "Vi udbygger"), 1);
    // Moved in draft 3, unchanged: still draft 1's.
    assert_eq!(draft_of(&found, "Fjernvarmen"), 1);
    // Written in draft 2; draft 4 only fixed a comma and a typo.
    assert_eq!(draft_of(&found, "Borgerne"), 2);
    // 70 → 75 in draft 5 takes the credit.
    assert_eq!(draft_of(&found, "Kommunen"), 5);
}

#[test]
fn the_lines_are_the_newest_texts() {
    let last = HISTORY[4];
    let lines = crate::text::lines(last);
    let found = blame(&HISTORY);
    for p in &found {
        assert!(!lines[p.lines.start].trim().is_empty());
        assert!(!lines[p.lines.end - 1].trim().is_empty());
    }
    let wrapped = found
        .iter()
        .find(|p| lines[p.lines.start].starts_with("Vi udbygger"))
        .unwrap();
    assert_eq!(wrapped.lines.len(), 2, "the re-wrapped paragraph has two lines");
    // In order, and not overlapping.
    assert!(found.windows(2).all(|w| w[0].lines.end < w[1].lines.start));
}

#[test]
fn sentences_are_credited_separately() {
    let found = sentence_credits(&HISTORY, "Kommunen");
    assert_eq!(
        found,
        [
            (
                "Kommunen vil reducere udledningen med 75 pct. inden 2030.".to_string(),
                5
            ),
            (
                "Det kræver en indsats fra bl.a. borgere og virksomheder.".to_string(),
                1
            ),
            // "28. januar" is a date, not a sentence end.
            ("Målet følges op den 28. januar hvert år.".to_string(), 2),
        ]
    );
    // One sentence, abbreviations and all, fixed in minor ways only.
    let found = sentence_credits(&HISTORY, "Borgerne");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, 2);
}

#[test]
fn a_rewrite_takes_the_credit_and_a_new_paragraph_is_its_drafts() {
    let drafts = [
        "Intro.\n\nKommunen vil styrke samarbejdet med borgerne om klimaet.\n",
        "Intro.\n\nKommunen vil styrke samarbejdet med virksomhederne om klimaet.\n\nEt nyt afsnit her.\n",
    ];
    assert_eq!(
        credits(&drafts),
        [
            ("Intro.".to_string(), 1),
            (
                "Kommunen vil styrke samarbejdet med virksomhederne om klimaet.".to_string(),
                2
            ),
            ("Et nyt afsnit her.".to_string(), 2),
        ]
    );
}

#[test]
fn a_paragraph_split_or_merged_keeps_its_credit() {
    let one = "# A\n\nFørste sætning om skolen. Anden sætning om trafikken.\n";
    let split = "# A\n\nFørste sætning om skolen.\n\nAnden sætning om trafikken.\n";
    let more = "# A\n\nFørste sætning om skolen.\n\nAnden sætning om trafikken.\n\n# B\n";
    // Draft 2 adds a section; draft 3 splits the paragraph; it is still draft 1's.
    let found = credits(&[
        one,
        &format!("{one}\n# B\n"),
        more.replace("skolen", "Skolen").as_str(),
        more,
    ]);
    assert_eq!(draft_of(&found, "Første"), 1, "{found:?}");
    assert_eq!(draft_of(&found, "Anden"), 1, "{found:?}");
    assert_eq!(draft_of(&found, "# B"), 2, "{found:?}");
    // Merged back, with a comma: still draft 1's.
    let merged = "# A\n\nFørste sætning om skolen, anden sætning om trafikken.\n";
    assert_eq!(credits(&[one, split, merged])[1].1, 1);
    // Split with a word changed: the half with the new word is draft 2's.
    let edited = "# A\n\nFørste sætning om børnehaven.\n\nAnden sætning om trafikken.\n";
    let found = credits(&[one, edited]);
    assert_eq!(draft_of(&found, "Første"), 2, "{found:?}");
}

#[test]
fn a_typo_in_a_short_heading_keeps_its_credit() {
    let drafts = ["# Indsatsr\n\nTekst.\n", "# Indsatser\n\nTekst.\n"];
    assert_eq!(credits(&drafts)[0].1, 1);
    // A different heading is not a typo.
    let drafts = ["# Indsatser\n\nTekst.\n", "# Økonomi\n\nTekst.\n"];
    assert_eq!(credits(&drafts)[0].1, 2);
}

#[test]
fn a_sentence_removed_whole_touches_no_other_but_words_taken_out_do() {
    let drafts = [
        "Vi bygger nye cykelstier. Vi planter flere træer i byen. Vi sparer på energien.\n",
        "Vi bygger nye cykelstier. Vi sparer på energien.\n",
        "Vi bygger cykelstier. Vi sparer på energien.\n",
    ];
    let found = sentence_credits(&drafts, "Vi");
    assert_eq!(
        found,
        [
            ("Vi bygger cykelstier.".to_string(), 3),
            ("Vi sparer på energien.".to_string(), 1),
        ]
    );
    // The paragraph's wording changed in both.
    assert_eq!(credits(&drafts)[0].1, 3);
    // Taking out the first sentence leaves the second alone.
    let drafts = [
        "Derfor gør vi det. Vi sparer på energien.\n",
        "Vi sparer på energien.\n",
    ];
    assert_eq!(sentence_credits(&drafts, "Vi")[0].1, 1);
}

#[test]
fn sentences_reordered_or_moved_keep_their_credit() {
    let drafts = [
        "Vi bygger nye cykelstier. Vi sparer på energien.\n\nSkolerne får solceller på taget i år.\n",
        "Vi sparer på energien. Vi bygger nye cykelstier. Helt ny sætning.\n\n\
         Skolerne får solceller på taget i år. Og mere.\n",
        "Vi sparer på energien. Vi bygger nye cykelstier. Helt ny sætning. \
         Skolerne får solceller på taget i år.\n",
    ];
    let found = sentence_credits(&drafts, "Vi");
    assert_eq!(
        found,
        [
            ("Vi sparer på energien.".to_string(), 1),
            ("Vi bygger nye cykelstier.".to_string(), 1),
            ("Helt ny sætning.".to_string(), 2),
            // Moved from the paragraph that went.
            ("Skolerne får solceller på taget i år.".to_string(), 1),
        ]
    );
}

#[test]
fn front_matter_lists_and_code_are_paragraphs() {
    let one = "---\ntitle: Plan\n---\n- et punkt\n- to punkter\n\n```\nkode\n\nmere\n```\n";
    let two = "---\ntitle: Plan\n---\n- et punkt\n- tre punkter\n\n```\nkode\n\nmere\n```\n";
    let found = credits(&[one, two]);
    assert_eq!(
        found,
        [
            ("---".to_string(), 1),
            ("- et punkt".to_string(), 2),
            ("```".to_string(), 1),
        ]
    );
    let lines = crate::text::lines(two);
    let list = &blame(&[one, two])[1];
    let text = lines[list.lines.clone()].concat();
    let credited: Vec<(&str, usize)> = list
        .sentences
        .iter()
        .map(|s| (&text[s.bytes.clone()], s.draft + 1))
        .collect();
    assert_eq!(credited, [("- et punkt", 1), ("- tre punkter", 2)]);
    // A numbered item's number is not a sentence of its own.
    let list = "1. Forord\n2. Indledning. Med to sætninger.\n";
    let found: Vec<&str> = sentences(list, ParagraphKind::Text)
        .into_iter()
        .map(|r| &list[r])
        .collect();
    assert_eq!(found, ["1. Forord", "2. Indledning.", "Med to sætninger."]);
}

#[test]
fn no_drafts_and_empty_texts_have_no_paragraphs() {
    assert!(blame(&[]).is_empty());
    assert!(blame(&["", "\n\n"]).is_empty());
    let found = blame(&["", "Tekst.\n"]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].draft, 1);
}
