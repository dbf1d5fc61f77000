//! Decisions: what one governing body decided about one draft, stored as
//! `strategies/<slug>/decisions/<id>.toml`, one file per decision so two leads
//! recording at once never touch the same file.
//!
//! A decision names its draft by commit (ids refer to commits, never to numbers
//! that a merge may shift) and keeps the draft number its recorder saw, like the
//! `Draft:` trailer of a commit.

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::workspace::check_format;
use super::{BadValue, BodyId, Invalid};
use crate::lang::{ErrMsg, t, tf};

/// What a body decided. English in code and files; [`Outcome::label_da`] is the
/// one place that says it in Danish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Approved,
    ApprovedWithChanges,
    Noted,
    Postponed,
    Rejected,
    Returned,
    Adopted,
}

impl Outcome {
    pub const ALL: [Outcome; 7] = [
        Outcome::Approved,
        Outcome::ApprovedWithChanges,
        Outcome::Noted,
        Outcome::Postponed,
        Outcome::Rejected,
        Outcome::Returned,
        Outcome::Adopted,
    ];

    /// The word in files, trailers and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::ApprovedWithChanges => "approved-with-changes",
            Outcome::Noted => "noted",
            Outcome::Postponed => "postponed",
            Outcome::Rejected => "rejected",
            Outcome::Returned => "returned",
            Outcome::Adopted => "adopted",
        }
    }

    /// The words of the minutes, as users read them.
    pub fn label_da(self) -> &'static str {
        match self {
            Outcome::Approved => "Godkendt",
            Outcome::ApprovedWithChanges => "Godkendt med ændringer",
            Outcome::Noted => "Taget til efterretning",
            Outcome::Postponed => "Udskudt",
            Outcome::Rejected => "Ikke tiltrådt",
            Outcome::Returned => "Oversendt/Sendt tilbage",
            Outcome::Adopted => "Vedtaget",
        }
    }

    /// As a sentence or a form names it: the words of the minutes, and in
    /// English also the id the command line takes (`Godkendt (approved)`).
    pub fn shown(self) -> String {
        match crate::lang::current() {
            crate::lang::Lang::Da => self.label_da().to_string(),
            crate::lang::Lang::En => format!("{} ({self})", self.label_da()),
        }
    }

    /// One or two cells for the approval matrix, legible without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Approved => "✓",
            Outcome::ApprovedWithChanges => "✓*",
            Outcome::Noted => "i",
            Outcome::Postponed => "⏸",
            Outcome::Rejected => "✗",
            Outcome::Returned => "↩",
            Outcome::Adopted => "★",
        }
    }

    /// Whether the draft has passed this body and moves on along the route.
    /// Noting counts: the body has dealt with the case and sends it on.
    pub fn passes(self) -> bool {
        matches!(
            self,
            Outcome::Approved | Outcome::ApprovedWithChanges | Outcome::Noted | Outcome::Adopted
        )
    }

    /// Whether this outcome, by the final body of a route, makes an approved version.
    pub fn approves(self) -> bool {
        matches!(
            self,
            Outcome::Approved | Outcome::ApprovedWithChanges | Outcome::Adopted
        )
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Outcome {
    /// The words a minute uses for it, in lower case: what `--outcome`
    /// takes besides the English id (the label on screen is the first).
    pub fn words_da(self) -> &'static [&'static str] {
        match self {
            Outcome::Approved => &["godkendt", "tiltrådt"],
            Outcome::ApprovedWithChanges => &["godkendt med ændringer", "tiltrådt med ændringer"],
            Outcome::Noted => &["taget til efterretning", "til efterretning"],
            Outcome::Postponed => &["udskudt", "udsat"],
            Outcome::Rejected => &["afvist", "ikke tiltrådt", "ikke godkendt"],
            Outcome::Returned => &["sendt tilbage", "oversendt", "oversendt/sendt tilbage"],
            Outcome::Adopted => &["vedtaget"],
        }
    }
}

/// An outcome as a person types it: the English id or the Danish words, in
/// any case, with any spacing ("Godkendt med  ændringer", "udskudt").
impl std::str::FromStr for Outcome {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Outcome, BadValue> {
        super::typed(s, &Outcome::ALL, Outcome::as_str, Outcome::words_da)
            .ok_or_else(|| BadValue::Outcome(s.into()))
    }
}

/// Whether a meeting date lies more than a year after `today`: most likely a
/// year typed wrong (2052 for 2025), so both faces ask before recording it.
pub fn far_ahead(meeting: Date, today: Date) -> bool {
    meeting > today.saturating_add(jiff::Span::new().years(1))
}

/// A meeting date as the minutes write it, `28-01-2025` or `28.01.2025`
/// (day and month with one digit or two), or as ISO 8601, `2025-01-28`.
pub fn parse_meeting_date(s: &str) -> Result<Date, BadValue> {
    let bad = || BadValue::Date(s.into());
    let t = s.trim();
    if t.len() == 10 && t.as_bytes()[4] == b'-' {
        return t.parse().map_err(|_| bad());
    }
    let parts: Vec<&str> = t.split(['-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(day, 1..=2) || !digits(month, 1..=2) || !digits(year, 4..=4) {
        return Err(bad());
    }
    let number = |p: &str| p.parse::<i16>().map_err(|_| bad());
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    Date::new(year, month as i8, day as i8).map_err(|_| bad())
}

/// Who recorded a decision: their git name and e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub email: String,
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)
    }
}

/// One body's decision on one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The file name without `.toml`; not repeated inside the file (see `to_toml`).
    pub id: String,
    pub format: u32,
    pub body: BodyId,
    /// The draft number its recorder saw (a merge may renumber drafts; `commit` decides).
    pub draft: u32,
    /// The draft's commit id, in full.
    pub commit: String,
    pub outcome: Outcome,
    /// The date of the meeting that decided.
    pub meeting: Date,
    /// The agenda item, e.g. "Punkt 3".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The case number, e.g. "00.16.02-A00-1-19" or "22/6757".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// The decision as the minutes word it; may span lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The recommendation ("Indstilling") the body decided on, as the
    /// agenda words it; may span lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<String>,
    /// With approved-with-changes: the changes the body asked for, one line
    /// each, owed until a later draft is approved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes_owed: Vec<String>,
    pub recorded_at: Timestamp,
    pub recorded_by: Person,
    /// The id of an earlier decision of the same body that this one
    /// supersedes: a decision is never deleted, a lead withdraws it this way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdraws: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    format: Spanned<u32>,
    body: Spanned<String>,
    draft: Spanned<u32>,
    commit: Spanned<String>,
    outcome: Outcome,
    meeting: Date,
    item: Option<Spanned<String>>,
    case: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
    recommendation: Option<Spanned<String>>,
    #[serde(default)]
    changes_owed: Vec<Spanned<String>>,
    recorded_at: Timestamp,
    recorded_by: Spanned<Person>,
    withdraws: Option<Spanned<String>>,
}

/// A full commit id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
pub fn is_commit_id(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A decision id as it may appear in a file name and a tag message: 1–64
/// characters of letters, digits, `-` and `_`.
pub fn is_decision_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Decision {
    /// A new, time-sortable, unique id: `20250128T101500Z-1a2b3c`. The suffix
    /// comes from std's randomly seeded hasher over the time, the process and a
    /// counter, so two recorders in the same second do not collide.
    pub fn new_id(now: Timestamp) -> String {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_i128(now.as_nanosecond());
        hasher.write_u32(std::process::id());
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let random = hasher.finish() & 0xff_ffff;
        format!("{}-{random:06x}", now.strftime("%Y%m%dT%H%M%SZ"))
    }

    /// Parses `text`, the file `file` whose name gave `id`.
    pub fn parse(file: &str, id: &str, text: &str) -> Result<Decision, Invalid> {
        if !is_decision_id(id) {
            return Err(Invalid::new(file, t(ErrMsg::DecisionFileName)));
        }
        let raw: RawDecision = toml::from_str(text).map_err(|e| Invalid::from_toml(file, text, &e))?;
        check_format(file, text, &raw.format)?;
        let at = |span: std::ops::Range<usize>, msg: String| Invalid::at_offset(file, text, span.start, msg);
        BodyId::check(raw.body.get_ref()).map_err(|m| at(raw.body.span(), m.to_string()))?;
        if *raw.draft.get_ref() == 0 {
            return Err(at(raw.draft.span(), t(ErrMsg::DraftNumbersFromOne).into()));
        }
        if !is_commit_id(raw.commit.get_ref()) {
            return Err(at(raw.commit.span(), t(ErrMsg::DecisionCommitNotFull).into()));
        }
        let line =
            |field: &'static str, value: &Option<Spanned<String>>| -> Result<Option<String>, Invalid> {
                let Some(value) = value else { return Ok(None) };
                check_line(field, value.get_ref()).map_err(|m| at(value.span(), m.to_string()))?;
                Ok(Some(value.get_ref().clone()))
            };
        let item = line("item", &raw.item)?;
        let case = line("case", &raw.case)?;
        let text = |value: &Option<Spanned<String>>| -> Result<Option<String>, Invalid> {
            let Some(value) = value else { return Ok(None) };
            check_text(value.get_ref()).map_err(|m| at(value.span(), m.to_string()))?;
            Ok(Some(value.get_ref().clone()))
        };
        let text_field = text(&raw.text)?;
        let recommendation = text(&raw.recommendation)?;
        let mut changes_owed = Vec::with_capacity(raw.changes_owed.len());
        for change in &raw.changes_owed {
            check_line("changes_owed", change.get_ref()).map_err(|m| at(change.span(), m.to_string()))?;
            changes_owed.push(change.get_ref().clone());
        }
        if !changes_owed.is_empty() && raw.outcome != Outcome::ApprovedWithChanges {
            let span = raw.changes_owed[0].span();
            return Err(at(span, t(ErrMsg::OwedOnlyWithChanges).into()));
        }
        let person = raw.recorded_by.get_ref();
        check_line("recorded_by.name", &person.name)
            .map_err(|m| at(raw.recorded_by.span(), m.to_string()))?;
        if !person.email.contains('@') || person.email.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(at(
                raw.recorded_by.span(),
                tf(
                    ErrMsg::RecordedByNotEmail,
                    &[("email", &crate::text::inert(&person.email))],
                ),
            ));
        }
        let withdraws = match raw.withdraws {
            Some(w) if !is_decision_id(w.get_ref()) => {
                return Err(at(w.span(), t(ErrMsg::WithdrawsNotAnId).into()));
            }
            Some(w) if w.get_ref() == id => {
                return Err(at(w.span(), t(ErrMsg::WithdrawsItself).into()));
            }
            w => w.map(Spanned::into_inner),
        };
        Ok(Decision {
            id: id.to_string(),
            format: *raw.format.get_ref(),
            body: BodyId(raw.body.into_inner()),
            draft: raw.draft.into_inner(),
            commit: raw.commit.into_inner(),
            outcome: raw.outcome,
            meeting: raw.meeting,
            item,
            case,
            text: text_field,
            recommendation,
            changes_owed,
            recorded_at: raw.recorded_at,
            recorded_by: raw.recorded_by.into_inner(),
            withdraws,
        })
    }

    /// Checks the fields a user typed, before anything is written; the
    /// message names the command-line option.
    pub fn check_input(input: &Typed<'_>) -> Result<(), BadValue> {
        if let Some(item) = input.item {
            check_line("--item", item)?;
        }
        if let Some(case) = input.case {
            check_line("--case", case)?;
        }
        if let Some(text) = input.text {
            check_text(text)?;
        }
        if let Some(recommendation) = input.recommendation {
            if recommendation.trim().is_empty() {
                return Err(BadValue::EmptyField("--recommendation"));
            }
            check_text(recommendation)?;
        }
        for change in input.changes_owed {
            check_line("--owe", change)?;
        }
        if !input.changes_owed.is_empty() && input.outcome != Outcome::ApprovedWithChanges {
            return Err(BadValue::OwedWithoutChanges);
        }
        Ok(())
    }

    /// The file's text: every field but the id, which is the file's name.
    pub fn to_toml(&self) -> String {
        let mut table =
            toml::Table::try_from(self).expect("a decision is plain strings, numbers, dates and one table");
        table.remove("id");
        toml::to_string(&table).expect("a table of plain values serialises")
    }

    /// The latest-first order of decisions of one body: meeting date, then when
    /// recorded, then id (so the order is total and the same everywhere).
    pub fn sort_key(&self) -> (Date, Timestamp, &str) {
        (self.meeting, self.recorded_at, &self.id)
    }

    /// `DIR approved draft 3`: how commit and tag trailers name a decision.
    pub fn short(&self) -> String {
        format!("{} {} draft {}", self.body, self.outcome, self.draft)
    }
}

/// A decision's fields as someone typed them, to check before recording.
#[derive(Debug, Clone, Copy)]
pub struct Typed<'a> {
    pub outcome: Outcome,
    pub item: Option<&'a str>,
    pub case: Option<&'a str>,
    pub text: Option<&'a str>,
    pub recommendation: Option<&'a str>,
    pub changes_owed: &'a [String],
}

/// One line of text: not empty, no control characters (a decision's item
/// and case, a body's name, an action's title).
pub fn check_line(field: &'static str, value: &str) -> Result<(), BadValue> {
    if value.trim().is_empty() {
        return Err(BadValue::EmptyField(field));
    }
    if value.chars().any(char::is_control) {
        return Err(BadValue::FieldNotOneLine(field));
    }
    Ok(())
}

/// Free text: lines and tabs, nothing else that could drive a terminal.
fn check_text(value: &str) -> Result<(), BadValue> {
    if value.trim().is_empty() {
        return Err(BadValue::EmptyDecisionText);
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(BadValue::DecisionTextControl);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "strategies/klima/decisions/20250128T101500Z-a1b2c3.toml";
    const ID: &str = "20250128T101500Z-a1b2c3";
    const GOOD: &str = r#"format = 1
body = "DIR"
draft = 2
commit = "0123456789abcdef0123456789abcdef01234567"
outcome = "postponed"
meeting = "2025-01-28"
item = "Punkt 3"
case = "00.16.02-A00-1-19"
text = """
Udskudt.
Direktionen ønsker en fornyet behandling."""
recorded_at = "2025-01-28T10:15:00Z"

[recorded_by]
name = "Mette Holm"
email = "mette.holm@aaby.dk"
"#;

    #[test]
    fn a_recommendation_and_changes_owed_round_trip() {
        let with = |outcome: &str, extra: &str| {
            GOOD.replace("outcome = \"postponed\"", &format!("outcome = \"{outcome}\""))
                .replace("recorded_at", &format!("{extra}\nrecorded_at"))
        };
        let text = with(
            "approved-with-changes",
            "recommendation = \"\"\"\nDirektionen indstiller, at\n1) strategien godkendes.\"\"\"\n\
             changes_owed = [\"Målet for 2030 skærpes\", \"Tidsplanen rettes\"]",
        );
        let d = Decision::parse(FILE, ID, &text).unwrap();
        assert_eq!(
            d.recommendation.as_deref(),
            Some("Direktionen indstiller, at\n1) strategien godkendes.")
        );
        assert_eq!(d.changes_owed, ["Målet for 2030 skærpes", "Tidsplanen rettes"]);
        assert_eq!(Decision::parse(FILE, ID, &d.to_toml()).unwrap(), d);
        // A file without them is written without them, as older versions read it.
        let plain = Decision::parse(FILE, ID, GOOD).unwrap();
        assert!(!plain.to_toml().contains("changes_owed") && !plain.to_toml().contains("recommendation"));

        let err = Decision::parse(FILE, ID, &with("approved", "changes_owed = [\"x\"]")).unwrap_err();
        assert!(err.to_string().contains("approved-with-changes"), "{err}");
        let err = Decision::parse(
            FILE,
            ID,
            &with("approved-with-changes", "changes_owed = [\"a\\u001b[2J\"]"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("changes_owed"), "{err}");
        let typed = |outcome, owed: &[String], recommendation| {
            Decision::check_input(&Typed {
                outcome,
                item: None,
                case: None,
                text: None,
                recommendation,
                changes_owed: owed,
            })
        };
        let owed = ["Tidsplanen rettes".to_string()];
        assert_eq!(
            typed(Outcome::Approved, &owed, None),
            Err(BadValue::OwedWithoutChanges)
        );
        assert_eq!(typed(Outcome::ApprovedWithChanges, &owed, None), Ok(()));
        assert_eq!(
            typed(Outcome::Approved, &[], Some("  ")),
            Err(BadValue::EmptyField("--recommendation"))
        );
    }

    #[test]
    fn a_withdrawal_names_another_decision() {
        let with =
            |value: &str| GOOD.replace("recorded_at", &format!("withdraws = \"{value}\"\nrecorded_at"));
        let d = Decision::parse(FILE, ID, &with("20250101T090000Z-0a0b0c")).unwrap();
        assert_eq!(d.withdraws.as_deref(), Some("20250101T090000Z-0a0b0c"));
        assert_eq!(Decision::parse(FILE, ID, &d.to_toml()).unwrap(), d);
        let own = Decision::parse(FILE, ID, &with(ID)).unwrap_err();
        assert!(own.to_string().contains("cannot withdraw itself"), "{own}");
        let bad = Decision::parse(FILE, ID, &with("../x")).unwrap_err();
        assert!(bad.to_string().contains("the id of another decision"), "{bad}");
        assert_eq!(Decision::parse(FILE, ID, GOOD).unwrap().withdraws, None);
    }

    #[test]
    fn parses_and_round_trips() {
        let d = Decision::parse(FILE, ID, GOOD).unwrap();
        assert_eq!(d.body.0, "DIR");
        assert_eq!(d.outcome, Outcome::Postponed);
        assert_eq!(d.meeting, jiff::civil::date(2025, 1, 28));
        assert_eq!(
            d.text.as_deref(),
            Some("Udskudt.\nDirektionen ønsker en fornyet behandling.")
        );
        let again = Decision::parse(FILE, ID, &d.to_toml()).unwrap();
        assert_eq!(d, again);
        assert_eq!(d.short(), "DIR postponed draft 2");
    }

    fn err(text: &str) -> String {
        Decision::parse(FILE, ID, text).unwrap_err().to_string()
    }

    #[test]
    fn bad_fields_name_file_and_line() {
        let e = err(&GOOD.replace("\"postponed\"", "\"maybe\""));
        assert!(e.starts_with(&format!("{FILE}:5:")), "{e}");
        let e = err(&GOOD.replace("\"DIR\"", "\"dir\""));
        assert!(
            e.starts_with(&format!("{FILE}:2:")) && e.contains("uppercase"),
            "{e}"
        );
        let e = err(&GOOD.replace("draft = 2", "draft = 0"));
        assert!(
            e.starts_with(&format!("{FILE}:3: draft numbers start at 1")),
            "{e}"
        );
        let e = err(&GOOD.replace("0123456789abcdef0123456789abcdef01234567", "abc123"));
        assert!(e.starts_with(&format!("{FILE}:4: commit must be")), "{e}");
        let e = err(&GOOD.replace("2025-01-28\"", "2025-02-30\""));
        assert!(e.starts_with(&format!("{FILE}:6:")), "{e}");
        let e = err(&GOOD.replace("Punkt 3", "Punkt\\u001b[2J"));
        assert!(e.starts_with(&format!("{FILE}:7: item must be one line")), "{e}");
        let e = err(&GOOD.replace("mette.holm@aaby.dk", "mette"));
        assert!(e.contains("not an e-mail"), "{e}");
        assert!(err(&GOOD.replace("format = 1", "format = 2")).contains("format 2 is not supported"));
        assert!(err(&format!("{GOOD}colour = \"red\"\n")).contains("unknown field"));
        assert!(err("format = 1\nbody = \"DIR\"\n").contains("missing field"));
        let e = Decision::parse(FILE, "../x", GOOD).unwrap_err().to_string();
        assert!(e.contains("named <id>.toml"), "{e}");
    }

    #[test]
    fn outcomes_in_the_words_of_the_minutes() {
        for (typed, outcome) in [
            ("udskudt", Outcome::Postponed),
            ("Godkendt", Outcome::Approved),
            ("godkendt  med ændringer", Outcome::ApprovedWithChanges),
            ("GODKENDT MED ÆNDRINGER", Outcome::ApprovedWithChanges),
            ("taget til efterretning", Outcome::Noted),
            ("afvist", Outcome::Rejected),
            ("Ikke tiltrådt", Outcome::Rejected),
            ("sendt tilbage", Outcome::Returned),
            ("vedtaget", Outcome::Adopted),
            ("approved-with-changes", Outcome::ApprovedWithChanges),
        ] {
            assert_eq!(typed.parse::<Outcome>().unwrap(), outcome, "{typed}");
        }
        // Each outcome's label on screen is one of its words.
        for o in Outcome::ALL {
            let label = o.label_da().to_lowercase();
            assert!(label.parse::<Outcome>() == Ok(o), "{label}");
        }
    }

    #[test]
    fn meeting_dates_as_minutes_and_iso_write_them() {
        let d = Date::new(2025, 1, 28).unwrap();
        for typed in [
            "2025-01-28",
            "28-01-2025",
            "28.01.2025",
            "28.1.2025",
            " 28-01-2025 ",
        ] {
            assert_eq!(parse_meeting_date(typed), Ok(d), "{typed}");
        }
        for bad in [
            "2025-1-28",
            "31-02-2025",
            "28/01/2025",
            "28-01-25",
            "",
            "28.01.2025.",
            "١٢-٠١-٢٠٢٥",
        ] {
            let e = parse_meeting_date(bad).unwrap_err().to_string();
            assert!(e.contains("28-01-2025"), "{bad}: {e}");
        }
    }

    #[test]
    fn outcomes_have_one_word_one_label_one_symbol() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>().unwrap(), o);
            assert!(!o.label_da().is_empty() && !o.symbol().is_empty());
        }
        assert_eq!(Outcome::ApprovedWithChanges.label_da(), "Godkendt med ændringer");
        let e = "godkendtt".parse::<Outcome>().unwrap_err().to_string();
        assert!(
            e.contains("approved-with-changes") && e.contains("godkendt med ændringer"),
            "{e}"
        );
        assert!(Outcome::Noted.passes() && !Outcome::Noted.approves());
        assert!(!Outcome::Postponed.passes());
    }

    #[test]
    fn ids_sort_by_time_and_differ() {
        let t = Timestamp::from_second(1_738_059_300).unwrap();
        let a = Decision::new_id(t);
        let b = Decision::new_id(t);
        assert!(a.starts_with("20250128T101500Z-") && a.len() == 23, "{a}");
        assert_ne!(a, b);
        assert!(is_decision_id(&a));
        let later = Decision::new_id(Timestamp::from_second(1_738_059_301).unwrap());
        assert!(later > a);
    }
}
