//! `udkast blame` through the real binary: five drafts by three people, each
//! paragraph credited to the draft that gave it its wording (a comma, a typo
//! or a re-wrap does not take the credit), in text and JSON, sentence by
//! sentence, and an unknown draft refused in one sentence.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::common::approvals::{json, save};
use crate::common::{Env, NAME};

const ANNE: &str = "Anne Kristine Hundahl Mikkelsen";
const JORGEN: &str = "Jørgen Krogh";

/// Anne's draft 2: the goal and two efforts.
const SECOND: &str = "# Klimaplan 2030\n\n## Mål\n\n\
    Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra bl.a. \
    borgere og virksomheder.\n\n\
    ## Indsatser\n\n\
    Vi udbygger cykelstierne i hele kommunen, så flere vælger cyklen.\n\n\
    Fjernvarmen skal udvides til alle landsbyer inden 2028.\n";

/// Jørgen's draft 3: a sentence on the goal, the district heating moved up
/// under it, and a paragraph on the citizens (with a typo and a comma
/// missing).
const THIRD: &str = "# Klimaplan 2030\n\n## Mål\n\n\
    Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra bl.a. \
    borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
    Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
    ## Indsatser\n\n\
    Vi udbygger cykelstierne i hele kommunen, så flere vælger cyklen.\n\n\
    Borgerne skal inddrages i arbjedet gennem borgermøder f.eks. i lokalrådene.\n";

/// Anne's draft 4: the typo and the comma fixed, the cycling paragraph
/// re-wrapped.
const FOURTH: &str = "# Klimaplan 2030\n\n## Mål\n\n\
    Kommunen vil reducere udledningen med 70 pct. inden 2030. Det kræver en indsats fra bl.a. \
    borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
    Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
    ## Indsatser\n\n\
    Vi udbygger cykelstierne i hele kommunen,\nså flere vælger cyklen.\n\n\
    Borgerne skal inddrages i arbejdet gennem borgermøder, f.eks. i lokalrådene.\n";

/// Jørgen's draft 5: 70 → 75 pct., and a paragraph with an escape sequence.
const FIFTH: &str = "# Klimaplan 2030\n\n## Mål\n\n\
    Kommunen vil reducere udledningen med 75 pct. inden 2030. Det kræver en indsats fra bl.a. \
    borgere og virksomheder. Målet følges op den 28. januar hvert år.\n\n\
    Fjernvarmen skal udvides til alle landsbyer inden 2028.\n\n\
    ## Indsatser\n\n\
    Vi udbygger cykelstierne i hele kommunen,\nså flere vælger cyklen.\n\n\
    Borgerne skal inddrages i arbejdet gennem borgermøder, f.eks. i lokalrådene.\n\n\
    Rød \u{1b}[31mtekst\u{1b}[0m til sidst.\n";

/// Draft 1 is `udkast new`'s (the title, by the test's own identity);
/// drafts 2–5 as above.
fn workspace(env: &Env) -> PathBuf {
    let ws = env.workspace("ws");
    let by = |name: &str| env.git(&ws, &["config", "user.name", name]);
    by(ANNE);
    save(env, &ws, SECOND, "Mål og indsatser");
    by(JORGEN);
    save(env, &ws, THIRD, "Borgerne, opfølgning, fjernvarmen under målet");
    by(ANNE);
    save(env, &ws, FOURTH, "Stavefejl og komma");
    by(JORGEN);
    save(env, &ws, FIFTH, "Højere mål");
    ws
}

/// Each paragraph of draft 5 by its beginning, with the draft and author
/// that gave it its wording.
const EXPECTED: [(&str, u32, &str); 8] = [
    ("# Klimaplan 2030", 1, NAME),
    ("## Mål", 2, ANNE),
    ("Kommunen vil reducere", 5, JORGEN),
    ("Fjernvarmen skal", 2, ANNE),
    ("## Indsatser", 2, ANNE),
    ("Vi udbygger", 2, ANNE),
    ("Borgerne skal", 3, JORGEN),
    ("Rød ", 5, JORGEN),
];

/// Each draft's date (as `udkast log --json` gives it, YYYY-MM-DD) and commit.
fn drafts(env: &Env, ws: &Path) -> HashMap<u64, (String, String)> {
    let log = json(env.udkast_in(ws, &["log", "klima", "--json"]).ok());
    log.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let date = d["date"].as_str().unwrap()[..10].to_string();
            (
                d["draft"].as_u64().unwrap(),
                (date, d["commit"].as_str().unwrap().to_string()),
            )
        })
        .collect()
}

#[test]
fn each_paragraph_names_the_draft_that_gave_it_its_wording() {
    let env = Env::new();
    let ws = workspace(&env);
    let drafts = drafts(&env, &ws);
    let out = env.udkast_in(&ws, &["blame", "klima"]).ok().to_string();
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("klima: draft 5 (latest)"), "{out}");
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), EXPECTED.len(), "{out}");
    let mut date_columns = Vec::new();
    for (row, (start, draft, author)) in rows.iter().zip(EXPECTED) {
        let (date, _) = &drafts[&(draft as u64)];
        // dd-mm-yyyy, as the Bilag's cover has it.
        let shown = format!("{}-{}-{}", &date[8..10], &date[5..7], &date[..4]);
        let expected = format!("{draft}  {author}");
        assert!(
            row.trim_start().starts_with(&expected),
            "{row:?} should start with {expected:?}"
        );
        let at = row
            .find(&format!("  {shown}  "))
            .unwrap_or_else(|| panic!("{row:?}"));
        assert!(row[at + shown.len() + 4..].starts_with(start), "{row:?}");
        // Columns line up by display width (Jørgen's ø: one column, two bytes).
        date_columns.push(row[..at].chars().count());
    }
    assert!(
        date_columns.windows(2).all(|w| w[0] == w[1]),
        "{date_columns:?}\n{out}"
    );
    // The paragraph's escape sequence is shown, not obeyed.
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("Rød ^[[31mtekst^[[0m til sidst."), "{out}");
}

#[test]
fn json_names_the_draft_author_date_and_commit_of_each_paragraph_and_sentence() {
    let env = Env::new();
    let ws = workspace(&env);
    let drafts = drafts(&env, &ws);
    let out = json(
        env.udkast_in(&ws, &["blame", "klima", "--json", "--sentences"])
            .ok(),
    );
    assert_eq!(out["slug"], "klima");
    assert_eq!(out["draft"], 5);
    assert_eq!(out["commit"].as_str(), Some(drafts[&5].1.as_str()));
    let paragraphs = out["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), EXPECTED.len(), "{out:#}");
    let lines: Vec<&str> = FIFTH.lines().collect();
    for (p, (start, draft, author)) in paragraphs.iter().zip(EXPECTED) {
        let text = p["text"].as_str().unwrap();
        assert!(text.starts_with(start), "{p:#}");
        assert_eq!(p["draft"], draft, "{p:#}");
        assert_eq!(p["author"], author, "{p:#}");
        let (date, commit) = &drafts[&(draft as u64)];
        assert_eq!(p["date"].as_str(), Some(date.as_str()));
        assert_eq!(p["commit"].as_str(), Some(commit.as_str()));
        // Lines from 1, first and last, as `udkast show` numbers them.
        let (first, last) = (
            p["lines"][0].as_u64().unwrap() as usize,
            p["lines"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(lines[first - 1..last].join("\n"), text);
    }
    let goal = &paragraphs[2]["sentences"];
    let credited: Vec<(&str, u64)> = goal
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["draft"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        credited,
        [
            ("Kommunen vil reducere udledningen med 75 pct. inden 2030.", 5),
            ("Det kræver en indsats fra bl.a. borgere og virksomheder.", 2),
            ("Målet følges op den 28. januar hvert år.", 3),
        ]
    );
    assert_eq!(goal[1]["author"], ANNE);
    assert_eq!(goal[2]["author"], JORGEN);
    // Without --sentences, no sentences.
    let out = json(env.udkast_in(&ws, &["blame", "klima", "--json"]).ok());
    assert!(out["paragraphs"][0].get("sentences").is_none(), "{out:#}");
}

#[test]
fn an_older_draft_is_blamed_as_it_read_then() {
    let env = Env::new();
    let ws = workspace(&env);
    let drafts = drafts(&env, &ws);
    let credits = |args: &[&str]| -> Vec<(String, u64)> {
        let out = json(env.udkast_in(&ws, args).ok());
        out["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let first = p["text"].as_str().unwrap().lines().next().unwrap().to_string();
                (first, p["draft"].as_u64().unwrap())
            })
            .collect()
    };
    let third = credits(&["blame", "klima", "--draft", "3", "--json"]);
    let goal = third.iter().find(|(t, _)| t.starts_with("Kommunen")).unwrap();
    // Draft 3 added a sentence to the goal.
    assert_eq!(goal.1, 3, "{third:?}");
    // By commit, the same.
    let commit = &drafts[&3].1;
    assert_eq!(
        credits(&["blame", "klima", "--draft", &commit[..10], "--json"]),
        third
    );
    // The text view shows the sentences below their paragraph, indented.
    let out = env
        .udkast_in(&ws, &["blame", "klima", "--draft", "3", "--sentences"])
        .ok()
        .to_string();
    let sentence = out
        .lines()
        .find(|l| l.ends_with("    Målet følges op den 28. januar hvert år."))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        sentence.trim_start().starts_with(&format!("3  {JORGEN}")),
        "{out}"
    );
}

#[test]
fn an_unknown_draft_or_document_is_one_sentence_and_exit_1() {
    let env = Env::new();
    let ws = workspace(&env);
    let run = env.udkast_in(&ws, &["blame", "klima", "--draft", "9"]);
    run.user_error("strategy \"klima\" has no draft 9 (its drafts are 1–5)");
    assert!(run.stdout.is_empty());
    env.udkast_in(&ws, &["blame", "klima", "--draft", "approved"])
        .user_error("has no approved version yet");
    env.udkast_in(&ws, &["blame", "klima", "--draft", "ikke-en-version"])
        .user_error("is not a draft number");
    env.udkast_in(&ws, &["blame", "findes-ikke"])
        .user_error("no strategy \"findes-ikke\"");
    env.udkast_in(&ws, &["blame"])
        .user_error("required arguments were not provided");
}
