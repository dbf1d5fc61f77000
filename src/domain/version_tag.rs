//! Approved versions: the annotated tag `<slug>/v<N>` on a draft, and its
//! message, which lists the decisions behind the version — for people in its
//! text, for `udkast verify` in trailers it reads back.

use super::{Decision, Outcome, Slug};

/// `klima/v2`.
pub fn tag_name(slug: &Slug, number: u32) -> String {
    format!("{slug}/v{number}")
}

/// The slug and number of an approved-version tag name, or `None` for any other tag.
pub fn parse_tag_name(name: &str) -> Option<(Slug, u32)> {
    let (slug, version) = name.rsplit_once('/')?;
    let digits = version.strip_prefix('v')?;
    let number: u32 = digits.parse().ok()?;
    // `v01` is not `v1`: only the canonical spelling is an approved version.
    if number == 0 || number.to_string() != digits {
        return None;
    }
    Some((Slug::parse(slug).ok()?, number))
}

/// What goes into the tag message besides its number.
pub struct TagContent<'a> {
    pub slug: &'a Slug,
    pub title: &'a str,
    pub draft: u32,
    pub commit: &'a str,
    /// Every decision on this draft, oldest first.
    pub decisions: &'a [Decision],
    /// Why the tag was forced, when it was.
    pub forced: Option<&'a str>,
}

/// The message of approved version `number`.
pub fn tag_message(content: &TagContent<'_>, number: u32) -> String {
    let TagContent {
        slug,
        title,
        draft,
        commit,
        decisions,
        forced,
    } = content;
    let mut out = format!(
        "{slug} v{number}: draft {draft} of \"{title}\"\n\n\
         Approved version {number} of \"{title}\" ({slug}): draft {draft}, commit {commit}.\n"
    );
    if let Some(reason) = forced {
        out.push_str(&format!("Tagged with --force: {reason}.\n"));
    }
    if !decisions.is_empty() {
        out.push_str("\nDecisions:\n");
        for d in decisions.iter() {
            out.push_str(&format!(
                "- {} {}, meeting {}",
                d.body,
                d.outcome.label_da(),
                d.meeting
            ));
            for extra in [
                d.item.as_deref(),
                d.case.as_deref().map(|c| format!("sag {c}")).as_deref(),
            ]
            .into_iter()
            .flatten()
            {
                out.push_str(", ");
                out.push_str(extra);
            }
            out.push('\n');
        }
    }
    out.push_str(&format!("\nStrategy: {slug}\nDraft: {draft}\n"));
    for d in decisions.iter() {
        out.push_str(&format!("Decision: {} {}\n", d.id, d.short()));
    }
    if forced.is_some() {
        out.push_str("Forced: yes\n");
    }
    out
}

/// One `Decision:` trailer: `<id> <BODY> <outcome> draft <N>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: String,
    pub body: Option<String>,
    pub outcome: Option<Outcome>,
}

/// What a tag message claims, read from its trailers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagClaims {
    pub strategy: Option<String>,
    pub draft: Option<u32>,
    pub decisions: Vec<Claim>,
    pub forced: bool,
}

/// Markers of the signature git appends to a signed tag's message.
const SIGNATURE_STARTS: [&str; 3] = [
    "-----BEGIN PGP SIGNATURE-----",
    "-----BEGIN SSH SIGNATURE-----",
    "-----BEGIN SIGNED MESSAGE-----",
];

/// The message without the signature git appends to a signed tag, and
/// whether there was one.
pub fn strip_signature(message: &str) -> (&str, bool) {
    let mut offset = 0;
    for line in message.split_inclusive('\n') {
        if SIGNATURE_STARTS.iter().any(|s| line.trim_end() == *s) {
            return (&message[..offset], true);
        }
        offset += line.len();
    }
    (message, false)
}

/// Reads the trailers (the last paragraph's `Key: value` lines) of a tag message.
pub fn parse_tag_message(message: &str) -> TagClaims {
    let (message, _) = strip_signature(message);
    let trimmed = message.trim_end();
    let last = trimmed.rsplit("\n\n").next().unwrap_or("");
    let mut claims = TagClaims::default();
    for line in last.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "strategy" => claims.strategy = Some(value.to_string()),
            "draft" => claims.draft = value.parse().ok(),
            "forced" => claims.forced = value.eq_ignore_ascii_case("yes"),
            "decision" => {
                let mut words = value.split_whitespace();
                if let Some(id) = words.next() {
                    claims.decisions.push(Claim {
                        id: id.to_string(),
                        body: words.next().map(str::to_string),
                        outcome: words.next().and_then(|o| o.parse().ok()),
                    });
                }
            }
            _ => {}
        }
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BodyId, Person};

    #[test]
    fn names() {
        let slug = Slug::parse("klima-2030").unwrap();
        assert_eq!(tag_name(&slug, 2), "klima-2030/v2");
        assert_eq!(parse_tag_name("klima-2030/v2"), Some((slug, 2)));
        for other in [
            "klima/v0",
            "klima/v01",
            "klima/x1",
            "v1",
            "Klima/v1",
            "a/b/v1",
            "klima/v",
        ] {
            assert_eq!(parse_tag_name(other), None, "{other}");
        }
    }

    fn decision(id: &str, body: &str, outcome: Outcome) -> Decision {
        Decision {
            id: id.into(),
            format: 1,
            body: BodyId(body.into()),
            draft: 3,
            commit: "ab".repeat(20),
            outcome,
            meeting: jiff::civil::date(2025, 3, 26),
            item: Some("Punkt 12".into()),
            case: Some("00.16.02-A00-1-19".into()),
            text: None,
            recorded_at: jiff::Timestamp::UNIX_EPOCH,
            recorded_by: Person {
                name: "Mette Holm".into(),
                email: "mette.holm@aaby.dk".into(),
            },
            recommendation: None,
            changes_owed: Vec::new(),
            withdraws: None,
        }
    }

    #[test]
    fn message_lists_decisions_and_reads_back() {
        let slug = Slug::parse("klima").unwrap();
        let decisions = [
            decision("d1", "DIR", Outcome::Approved),
            decision("d2", "BYR", Outcome::Adopted),
        ];
        let commit = "ab".repeat(20);
        let content = TagContent {
            slug: &slug,
            title: "Klimaplan 2030",
            draft: 3,
            commit: &commit,
            decisions: &decisions,
            forced: None,
        };
        let text = tag_message(&content, 1);
        assert!(
            text.starts_with("klima v1: draft 3 of \"Klimaplan 2030\"\n\n"),
            "{text}"
        );
        assert!(
            text.contains("- BYR Vedtaget, meeting 2025-03-26, Punkt 12, sag 00.16.02-A00-1-19\n"),
            "{text}"
        );
        assert!(text.ends_with("Decision: d2 BYR adopted draft 3\n"), "{text}");
        let claims = parse_tag_message(&text);
        assert_eq!(claims.strategy.as_deref(), Some("klima"));
        assert_eq!(claims.draft, Some(3));
        assert!(!claims.forced);
        assert_eq!(
            claims.decisions[1],
            Claim {
                id: "d2".into(),
                body: Some("BYR".into()),
                outcome: Some(Outcome::Adopted)
            }
        );

        // A signature appended by git does not hide the trailers.
        let signed = format!("{text}-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n");
        assert_eq!(strip_signature(&signed), (text.as_str(), true));
        assert_eq!(parse_tag_message(&signed), claims);

        let forced = tag_message(
            &TagContent {
                forced: Some("BYR has not adopted draft 3"),
                decisions: &[],
                ..content
            },
            2,
        );
        assert!(forced.contains("Tagged with --force: BYR has not adopted draft 3.\n"));
        let claims = parse_tag_message(&forced);
        assert!(claims.forced && claims.decisions.is_empty());
    }
}
