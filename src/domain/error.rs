//! The errors of the domain layer: a file's content is not valid ([`Invalid`]),
//! or a value someone typed is not ([`BadValue`]).

use std::fmt;

use super::{Outcome, Slug};
use crate::text::{inert, inert_quote};

/// Something wrong with the content of one file, with the line where known.
/// Displayed as one line: `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl Invalid {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Invalid {
            file: file.to_string(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        Invalid {
            file: file.to_string(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error located at a byte offset of `text`.
    pub fn at_offset(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        Self::at(file, line_of_offset(text.as_bytes(), offset), message)
    }

    /// Converts a TOML parse error, keeping its line and its first line of message.
    pub fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> Self {
        let message = err
            .message()
            .lines()
            .next()
            .unwrap_or("malformed TOML")
            .to_string();
        match err.span() {
            Some(span) => Self::at_offset(file, text, span.start, message),
            None => Self::new(file, message),
        }
    }
}

/// 1-based line number of a byte offset.
pub fn line_of_offset(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for Invalid {}

/// A value someone typed, on the command line or in a form, that is not one the
/// domain accepts. Displayed as one sentence that says what a good one looks
/// like, with the value made inert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    EmptySlug,
    SlugControl(String),
    /// A slug with `/`, `\` or `..`.
    SlugPath(String),
    SlugTooLong(String),
    /// A slug outside `a-z`, `0-9` and `-`, or not starting with a letter, or ending with `-`.
    SlugAlphabet(String),
    Kind(String),
    Outcome(String),
    /// A meeting date in none of the forms taken.
    Date(String),
    BodyId(String),
    /// An action status none of the words for one.
    ActionStatus(String),
    /// A body kind none of the words for one.
    BodyKind(String),
    /// A body named twice in one route.
    RepeatedBody(String),
    /// A route typed with braces or `+` out of place: what is wrong.
    RouteSyntax(&'static str),
    /// A body the workspace does not have, in `field`; `known` is sorted.
    UnknownBody {
        id: String,
        field: &'static str,
        known: Vec<String>,
    },
    ThreadId(String),
    /// A one-line field of a decision, named as the user wrote it (`--item`
    /// on the command line, `item` in a decision file).
    EmptyField(&'static str),
    FieldNotOneLine(&'static str),
    EmptyDecisionText,
    /// Changes owed given with an outcome other than approved-with-changes.
    OwedWithoutChanges,
    DecisionTextControl,
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::EmptySlug => f.write_str("a slug cannot be empty"),
            BadValue::SlugControl(s) => write!(f, "slug \"{}\" contains control characters", inert_quote(s)),
            BadValue::SlugPath(s) => write!(
                f,
                "slug \"{}\" must be a plain folder name (no \"/\", \"\\\" or \"..\")",
                inert_quote(s)
            ),
            BadValue::SlugTooLong(s) => write!(
                f,
                "slug \"{}\" is longer than {} characters",
                inert_quote(s),
                Slug::MAX_LEN
            ),
            BadValue::SlugAlphabet(s) => write!(
                f,
                "slug \"{}\" may only use a-z, 0-9 and \"-\", must start with a letter and not end with \"-\"",
                inert_quote(s)
            ),
            BadValue::Kind(s) => write!(
                f,
                "unknown kind \"{}\" (use strategy, workplan or charter)",
                inert(s)
            ),
            BadValue::Outcome(s) => {
                let names: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
                let words: Vec<&str> = Outcome::ALL.iter().map(|o| o.words_da()[0]).collect();
                write!(
                    f,
                    "unknown outcome \"{}\" (use {}, or in Danish {})",
                    inert(s),
                    names.join(", "),
                    words.join(", ")
                )
            }
            BadValue::Date(s) => write!(
                f,
                "\"{}\" is not a date; write the meeting date as 28-01-2025, 28.01.2025 or 2025-01-28",
                inert(s)
            ),
            BadValue::BodyId(s) => write!(
                f,
                "body id \"{}\" must be 1–12 uppercase letters or digits, like \"ØKE\"",
                inert(s)
            ),
            BadValue::ActionStatus(s) => write!(
                f,
                "unknown status \"{}\" (use planned, in-progress, done, paused or cancelled; or planlagt, i gang, færdig, på pause, aflyst)",
                inert(s)
            ),
            BadValue::BodyKind(s) => write!(
                f,
                "unknown kind \"{}\" (use administrative, committee, task-committee, council or other; or udvalg, byråd, direktion…)",
                inert(s)
            ),
            BadValue::OwedWithoutChanges => f.write_str(
                "changes owed (--owe) go with approved-with-changes (godkendt med ændringer) only",
            ),
            BadValue::RouteSyntax(what) => write!(f, "the route has {what}"),
            BadValue::RepeatedBody(id) => write!(f, "body \"{}\" is twice in the route", inert(id)),
            BadValue::UnknownBody { id, field, known } => {
                write!(
                    f,
                    "unknown body \"{}\" in {field} (known: {})",
                    inert(id),
                    known.join(", ")
                )
            }
            BadValue::ThreadId(s) => write!(
                f,
                "\"{}\" is not a comment id (letters, digits, - and ., like 3fa9c2d)",
                inert(s)
            ),
            BadValue::EmptyField(field) => write!(f, "{field} is empty"),
            BadValue::FieldNotOneLine(field) => {
                write!(f, "{field} must be one line without control characters")
            }
            BadValue::EmptyDecisionText => f.write_str("the decision text is empty"),
            BadValue::DecisionTextControl => f.write_str("the decision text contains control characters"),
        }
    }
}

impl std::error::Error for BadValue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_one_based() {
        assert_eq!(line_of_offset(b"a\nb\nc", 0), 1);
        assert_eq!(line_of_offset(b"a\nb\nc", 2), 2);
        assert_eq!(line_of_offset(b"a\nb\nc", 4), 3);
        assert_eq!(line_of_offset(b"a\n", 99), 2);
    }

    #[test]
    fn display_is_one_line_with_location() {
        let e = Invalid::at("udkast.toml", 3, "unknown body \"XYZ\"");
        assert_eq!(e.to_string(), "udkast.toml:3: unknown body \"XYZ\"");
        assert_eq!(Invalid::new("a", "b").to_string(), "a: b");
    }

    #[test]
    fn bad_values_are_the_sentences_users_know() {
        let cases = [
            (BadValue::EmptySlug, "a slug cannot be empty"),
            (
                BadValue::SlugPath("a/\u{1b}b".into()),
                "slug \"a/^[b\" must be a plain folder name (no \"/\", \"\\\" or \"..\")",
            ),
            (
                BadValue::SlugTooLong("a".into()),
                "slug \"a\" is longer than 64 characters",
            ),
            (
                BadValue::Kind("plan".into()),
                "unknown kind \"plan\" (use strategy, workplan or charter)",
            ),
            (
                BadValue::UnknownBody {
                    id: "XYZ".into(),
                    field: "the route",
                    known: vec!["BYR".into(), "DIR".into()],
                },
                "unknown body \"XYZ\" in the route (known: BYR, DIR)",
            ),
            (
                BadValue::FieldNotOneLine("--item"),
                "--item must be one line without control characters",
            ),
        ];
        for (value, sentence) in cases {
            assert_eq!(value.to_string(), sentence);
        }
        assert!(
            BadValue::Outcome("x".into())
                .to_string()
                .starts_with("unknown outcome \"x\" (use approved, ")
        );
    }
}
