//! `udkast diff` through the real binary on the sample workspace.

use crate::common::Env;

fn demo(env: &Env) -> std::path::PathBuf {
    let dir = env.path("demo");
    env.udkast(&["demo", "--dir", dir.to_str().unwrap()]).ok();
    dir
}

#[test]
fn views_show_the_changed_words() {
    let env = Env::new();
    let ws = demo(&env);
    let run = |args: &[&str]| env.udkast_in(&ws, args).ok().to_string();

    let unified = run(&["diff", "baeredygtighedsstrategi", "1", "2"]);
    assert!(
        unified.starts_with("baeredygtighedsstrategi: draft 1 → draft 2\n"),
        "{unified}"
    );
    assert!(unified.contains("reduceres med [-50-] pct."), "{unified}");
    assert!(unified.contains("reduceres med {+70+} pct."), "{unified}");
    assert!(
        unified.contains("unchanged lines"),
        "unchanged stretches fold: {unified}"
    );
    assert!(
        !unified.contains('\x1b'),
        "no colour when not writing to a terminal"
    );

    let word = run(&["diff", "baeredygtighedsstrategi", "1", "2", "--word"]);
    assert!(word.contains("[-50-]") && word.contains("{+70+}"), "{word}");

    let side = run(&["diff", "baeredygtighedsstrategi", "1", "2", "--side-by-side"]);
    assert!(
        side.lines()
            .any(|l| l.starts_with("81 - ") && l.contains(" │ 81 + ")),
        "{side}"
    );
    assert!(side.contains("[-50-]") && side.contains("{+70+}"), "{side}");

    let stat = run(&["diff", "baeredygtighedsstrategi", "1", "latest", "--stat"]);
    assert!(stat.contains("Klima og energi › Mål"), "{stat}");
    assert!(
        stat.contains("(new section)") && stat.contains("(removed)"),
        "{stat}"
    );
    // The words per section, then the whole text's readability (LIX),
    // before → after, with its band; sections with prose show theirs.
    let last_two: Vec<&str> = stat.trim_end().lines().rev().take(2).collect();
    assert!(last_two[1].ends_with("removed"), "{stat}");
    assert!(
        last_two[0].starts_with("LIX ") && last_two[0].contains(" → "),
        "{stat}"
    );
    assert!(last_two[0].ends_with(")"), "the band: {stat}");
    assert!(
        stat.contains("Indledning › Sådan er strategien blevet til") && stat.contains("  LIX 51 → 53"),
        "{stat}"
    );
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "diff",
        "baeredygtighedsstrategi",
        "1",
        "latest",
        "--json",
    ]))
    .unwrap();
    let words = json["lix"]["after_counts"]["words"].as_u64().unwrap();
    assert!(words > 1000, "{}", json["lix"]);
    // The value is the counts' LIX: words per sentence + % long words.
    let counts = &json["lix"]["after_counts"];
    let (w, n, long) = (
        words as f64,
        counts["sentences"].as_u64().unwrap() as f64,
        counts["long_words"].as_u64().unwrap() as f64,
    );
    assert_eq!(
        json["lix"]["after"].as_u64(),
        Some((w / n + 100.0 * long / w).round() as u64)
    );
    assert!(
        json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["lix_after"].is_u64())
    );

    // The same draft twice is identical.
    assert!(run(&["diff", "klimahandleplan", "3", "3"]).contains("The texts are identical."));
}

#[test]
fn workplans_diff_by_action_and_field() {
    let env = Env::new();
    let ws = demo(&env);
    let out = env
        .udkast_in(&ws, &["diff", "klimahandleplan", "1", "latest"])
        .ok()
        .to_string();
    assert!(out.contains("Actions:"), "{out}");
    assert!(
        out.contains(
            "action 3 \"Strategisk varmeplan for hele kommunen\": due moved from 2025-03-31 to 2025-09-30"
        ),
        "{out}"
    );
    assert!(
        out.contains("action 12 \"Skybrudsplan for Åby By\": added"),
        "{out}"
    );
}

#[test]
fn json_has_blocks_sections_and_actions() {
    let env = Env::new();
    let ws = demo(&env);
    let out = env.udkast_in(&ws, &["diff", "klimahandleplan", "1", "5", "--json"]);
    let json: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    assert_eq!(json["from"]["draft"], 1);
    assert_eq!(json["to"]["draft"], 5);
    assert!(
        json["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b.get("changed").is_some()),
        "{json:#}"
    );
    assert!(!json["sections"].as_array().unwrap().is_empty());
    assert!(!json["actions"].as_array().unwrap().is_empty());
}

#[test]
fn versions_by_tag_and_commit_and_bad_ones() {
    let env = Env::new();
    let ws = demo(&env);
    let run = |args: &[&str]| env.udkast_in(&ws, args);
    run(&["diff", "baeredygtighedsstrategi", "approved", "latest"]).user_error("has no approved version yet");
    let log: serde_json::Value =
        serde_json::from_str(run(&["log", "baeredygtighedsstrategi", "--json"]).ok()).unwrap();
    let draft5 = log.as_array().unwrap().iter().find(|d| d["draft"] == 5).unwrap()["commit"]
        .as_str()
        .unwrap()
        .to_string();
    env.git(
        &ws,
        &[
            "tag",
            "-a",
            "baeredygtighedsstrategi/v1",
            "-m",
            "Godkendt",
            &draft5,
        ],
    );
    let out = run(&["diff", "baeredygtighedsstrategi", "approved", "latest"])
        .ok()
        .to_string();
    assert!(
        out.starts_with("baeredygtighedsstrategi: baeredygtighedsstrategi/v1 (draft 5) → draft 7 (latest)"),
        "{out}"
    );
    let out = run(&["diff", "baeredygtighedsstrategi", &draft5[..10], "6"])
        .ok()
        .to_string();
    assert!(
        out.starts_with("baeredygtighedsstrategi: draft 5 → draft 6"),
        "{out}"
    );
    run(&["diff", "baeredygtighedsstrategi", "0", "2"]).user_error("has no draft 0");
    run(&["diff", "baeredygtighedsstrategi", "nonsense", "2"])
        .user_error("\"nonsense\" is not a draft number");
    run(&["diff", "nope", "1", "2"]).user_error("no strategy \"nope\"");
    run(&["diff", "baeredygtighedsstrategi", "1", "2", "--word", "--unified"])
        .user_error("cannot be used with");
}

/// An abbreviated commit made only of digits (one in 27 commits has seven) is
/// a commit, not a draft number that does not exist.
#[test]
fn an_abbreviated_commit_of_digits_is_a_commit() {
    let env = Env::new();
    let ws = demo(&env);
    let mut commit = String::new();
    for round in 0..2000 {
        env.git(
            &ws,
            &["commit", "--allow-empty", "-q", "-m", &format!("Tom {round}")],
        );
        commit = env.git(&ws, &["rev-parse", "HEAD"]).trim().to_string();
        if commit[..7].bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
    }
    assert!(
        commit[..7].bytes().all(|b| b.is_ascii_digit()),
        "no such commit in 2000"
    );
    let out = env
        .udkast_in(&ws, &["diff", "baeredygtighedsstrategi", "6", &commit[..7]])
        .ok()
        .to_string();
    assert!(
        out.starts_with(&format!(
            "baeredygtighedsstrategi: draft 6 → commit {}",
            &commit[..7]
        )),
        "{out}"
    );
    // A short number is still a draft number.
    env.udkast_in(&ws, &["diff", "baeredygtighedsstrategi", "99", "2"])
        .user_error("has no draft 99");
}

/// A draft that changes only `strategy.toml` (its title or route: every
/// approval goes stale) says what changed; a re-wrap or a paragraph split
/// (the same words) is not called identical.
#[test]
fn details_and_line_breaks_are_not_called_identical() {
    let env = Env::new();
    let ws = env.workspace("ws");
    let text = "# Klimaplan 2030\n\nFørste sætning. Anden sætning.\n";
    env.udkast_stdin(
        &ws,
        &["save", "klima", "-", "-m", "To sætninger"],
        text.as_bytes(),
    )
    .ok();
    let meta = ws.join("strategies/klima/strategy.toml");
    let toml = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, toml.replace("Klimaplan 2030", "Klimaplan 2030–2035")).unwrap();
    env.git(&ws, &["commit", "-qam", "Ny titel"]);
    let out = env.udkast_in(&ws, &["diff", "klima", "2", "3"]).ok().to_string();
    assert!(out.contains("Details:"), "{out}");
    assert!(
        out.contains("title: «Klimaplan 2030» became «Klimaplan 2030–2035»"),
        "{out}"
    );
    let json = env
        .udkast_in(&ws, &["diff", "klima", "2", "3", "--json"])
        .ok()
        .to_string();
    assert!(
        json.contains("\"details\": [") && json.contains("\"title: «Klimaplan 2030» became"),
        "{json}"
    );

    // Re-wrapped: the same words on two lines.
    let wrapped = "# Klimaplan 2030\n\nFørste sætning.\nAnden sætning.\n";
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "Ombrudt"], wrapped.as_bytes())
        .ok();
    let out = env.udkast_in(&ws, &["diff", "klima", "3", "4"]).ok().to_string();
    assert!(!out.contains("identical"), "{out}");
    // A paragraph split shows as a change.
    let split = "# Klimaplan 2030\n\nFørste sætning.\n\nAnden sætning.\n";
    env.udkast_stdin(&ws, &["save", "klima", "-", "-m", "Delt"], split.as_bytes())
        .ok();
    let out = env.udkast_in(&ws, &["diff", "klima", "4", "5"]).ok().to_string();
    assert!(!out.contains("identical") && out.contains("+ "), "{out}");
}

/// Real text is one line per paragraph: side by side wraps both halves to the
/// width, so the words changed at the end of a 500-character paragraph show,
/// each row inside the width and the halves in line.
#[test]
fn side_by_side_wraps_a_long_paragraph_at_any_width() {
    use unicode_width::UnicodeWidthStr;
    let env = Env::new();
    let ws = env.workspace("ws");
    let paragraph = |ending: &str| {
        format!(
            "# Klimaplan 2030\n\nKommunen vil i samarbejde med borgere, foreninger og \
             virksomheder arbejde for at nedbringe udledningen af drivhusgasser fra \
             transport, boliger og landbrug. Indsatsen omfatter blandt andet udbygning \
             af fjernvarmen, flere ladestandere, bedre cykelstier og en plan for \
             lavbundsjorder, og den følges op med et årligt klimaregnskab, som \
             forelægges byrådet sammen med en status for hver enkelt handling i \
             handleplanen, så borgerne kan se, hvad der er nået, og hvad der mangler, \
             før kommunen {ending}\n\nSlut.\n"
        )
    };
    for (text, message) in [
        (
            paragraph("kan kalde sig klimaneutral inden udgangen af 2035."),
            "Langt afsnit",
        ),
        (
            paragraph("kan kalde sig klimaneutral allerede i løbet af 2030."),
            "Tidligere mål",
        ),
    ] {
        env.udkast_stdin(&ws, &["save", "klima", "-", "-m", message], text.as_bytes())
            .ok();
    }
    let mut heights = Vec::new();
    for width in [80, 120] {
        let out = env
            .udkast_columns(&ws, width, &["diff", "klima", "2", "3", "--side-by-side"])
            .ok()
            .to_string();
        let rows: Vec<&str> = out.lines().skip(1).collect();
        for row in &rows {
            assert!(row.width() <= width, "{width}: {row:?}\n{out}");
            assert_eq!(row.matches("[-").count(), row.matches("-]").count(), "{row:?}");
            assert_eq!(row.matches("{+").count(), row.matches("+}").count(), "{row:?}");
            let left = &row[..row.find('│').unwrap()];
            assert_eq!(left.width(), (width - 3) / 2 + 1, "{row:?}");
        }
        assert!(
            out.contains("[-inden udgangen-]") || out.contains("[-inden-]"),
            "{out}"
        );
        assert!(out.contains("2035") && out.contains("2030"), "{out}");
        assert!(out.contains("{+allerede"), "{out}");
        assert!(!out.contains('…'), "nothing is cut: {out}");
        // The paragraph is line 3: numbered on its first row only.
        assert_eq!(rows.iter().filter(|r| r.starts_with("3 - ")).count(), 1, "{out}");
        assert_eq!(rows.iter().filter(|r| r.contains("│ 3 + ")).count(), 1, "{out}");
        heights.push(rows.len());
    }
    assert!(heights[0] > heights[1], "wider, fewer rows: {heights:?}");
}

/// The "done when" on the sample: a section moved with one
/// sentence edited is one move with that sentence's words marked, in every
/// view and in `--stat` and `--json`; `--substantive` hides a comma fix and
/// keeps a changed figure.
#[test]
fn a_moved_section_and_minor_changes_on_the_sample() {
    let env = Env::new();
    let ws = demo(&env);
    let run = |args: &[&str]| env.udkast_in(&ws, args).ok().to_string();
    let old = run(&["show", "arbejdsgrundlag"]);
    let (start, end) = (
        old.find("### Natur og vand").unwrap(),
        old.find("### Grøn mobilitet").unwrap(),
    );
    let section = old[start..end].replacen("Vi vil tænke natur", "Vi vil altid tænke natur", 1);
    let rest = format!("{}{}", &old[..start], &old[end..]);
    let at = rest.find("## Sådan følger vi op").unwrap();
    let new = format!("{}{section}{}", &rest[..at], &rest[at..])
        .replacen("alt, hvad kommunen gør", "alt hvad kommunen gør", 1)
        .replacen("udledningen på 70 pct.", "udledningen på 75 pct.", 1);
    env.udkast_stdin(
        &ws,
        &["save", "arbejdsgrundlag", "-", "-m", "Natur og vand flyttet"],
        new.as_bytes(),
    )
    .ok();

    // The default view is the unified one; `--unified` into a pipe is a patch.
    for view in ["--color=never", "--word", "--side-by-side"] {
        let out = run(&["diff", "arbejdsgrundlag", "3", "latest", view]);
        assert_eq!(out.matches("moved to Fællesskab").count(), 1, "{view}: {out}");
        assert_eq!(
            out.matches("moved from Bæredygtighed").count(),
            1,
            "{view}: {out}"
        );
        assert!(out.contains("{+altid+}"), "{view}: {out}");
        // Nothing else of the section is marked.
        assert!(!out.contains("[-Naturen"), "{view}: {out}");
        assert!(!out.contains("{+Naturen"), "{view}: {out}");
    }

    let stat = run(&["diff", "arbejdsgrundlag", "3", "latest", "--stat"]);
    assert!(
        stat.starts_with("arbejdsgrundlag: draft 3 → draft 4 (latest)"),
        "{stat}"
    );
    assert!(
        stat.lines().any(|l| l.contains("Fællesskab › Natur og vand")
            && l.contains("+1 -0")
            && l.ends_with("(moved from Bæredygtighed)")),
        "{stat}"
    );
    assert!(
        !stat.contains("(removed)") && !stat.contains("(new section)"),
        "{stat}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&run(&["diff", "arbejdsgrundlag", "3", "latest", "--json"])).unwrap();
    let blocks = json["blocks"].as_array().unwrap();
    let here: Vec<&serde_json::Value> = blocks.iter().filter_map(|b| b.get("moved-here")).collect();
    let away: Vec<&serde_json::Value> = blocks.iter().filter_map(|b| b.get("moved-away")).collect();
    assert_eq!((here.len(), away.len()), (1, 1), "{blocks:?}");
    assert_eq!(here[0]["from"], away[0]["old"]);
    assert_eq!(here[0]["new"], away[0]["to"]);
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"punctuation") && kinds.contains(&"substantive"),
        "{kinds:?}"
    );

    let substantive = run(&[
        "diff",
        "arbejdsgrundlag",
        "3",
        "latest",
        "--word",
        "--substantive",
    ]);
    assert!(substantive.contains("(1 minor change hidden"), "{substantive}");
    assert!(substantive.contains("[-70-]{+75+}"), "{substantive}");
    assert!(!substantive.contains("[-,-]"), "{substantive}");
    assert!(
        substantive.contains("alt hvad kommunen gør"),
        "the new text stays: {substantive}"
    );
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "diff",
        "arbejdsgrundlag",
        "3",
        "latest",
        "--json",
        "--substantive",
    ]))
    .unwrap();
    assert_eq!(json["hidden_minor"], 1);
    assert!(
        json["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["minor"] == false)
    );
}

/// `--patch` prints a standard unified diff that `git apply` takes: for
/// every pair of drafts of every document of the sample, applying it to the
/// older draft's file gives the newer draft byte for byte.
#[test]
fn patches_apply_with_git() {
    let env = Env::new();
    let ws = demo(&env);
    let scratch = env.path("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    env.git(&scratch, &["init", "-q"]);
    let list: serde_json::Value = serde_json::from_str(env.udkast_in(&ws, &["list", "--json"]).ok()).unwrap();
    let mut pairs = 0;
    for doc in list.as_array().unwrap() {
        let slug = doc["slug"].as_str().unwrap();
        let drafts = doc["draft"].as_u64().unwrap() as u32;
        let file = scratch.join(format!("strategies/{slug}/document.md"));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        for a in 1..=drafts {
            for b in a + 1..=drafts {
                let (a, b) = (a.to_string(), b.to_string());
                let old = env
                    .udkast_in(&ws, &["show", slug, "--draft", &a])
                    .raw_stdout
                    .clone();
                let new = env
                    .udkast_in(&ws, &["show", slug, "--draft", &b])
                    .raw_stdout
                    .clone();
                let patch = env
                    .udkast_in(&ws, &["diff", slug, &a, &b, "--patch"])
                    .ok()
                    .to_string();
                if old == new {
                    // A draft that changed only strategy.toml: nothing to patch.
                    assert!(patch.is_empty(), "{patch}");
                    continue;
                }
                std::fs::write(&file, &old).unwrap();
                let patch_file = env.path("p.patch");
                std::fs::write(&patch_file, &patch).unwrap();
                env.git(&scratch, &["apply", patch_file.to_str().unwrap()]);
                assert_eq!(std::fs::read(&file).unwrap(), new, "{slug} {a} → {b}:\n{patch}");
                pairs += 1;
            }
        }
    }
    assert!(pairs >= 10, "only {pairs} pairs");
    // `--unified` into a pipe is the same patch, as git's diff is.
    let slug = list[0]["slug"].as_str().unwrap();
    assert_eq!(
        env.udkast_in(&ws, &["diff", slug, "1", "2", "--unified"]).ok(),
        env.udkast_in(&ws, &["diff", slug, "1", "2", "--patch"]).ok()
    );
}
