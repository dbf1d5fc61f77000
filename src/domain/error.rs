//! The errors of the domain layer: a file's content is not valid ([`Invalid`]),
//! or a value someone typed is not ([`BadValue`]).

use std::fmt;

use super::{Outcome, Slug};
use crate::lang::{ErrMsg, t, tf};
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
            .unwrap_or(t(ErrMsg::MalformedToml))
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
    /// A route typed with braces or `+` out of place: the sentence saying
    /// what is wrong.
    RouteSyntax(ErrMsg),
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
        let text = match self {
            BadValue::EmptySlug => t(ErrMsg::EmptySlug).to_string(),
            BadValue::SlugControl(s) => tf(ErrMsg::SlugControl, &[("slug", &inert_quote(s))]),
            BadValue::SlugPath(s) => tf(ErrMsg::SlugPath, &[("slug", &inert_quote(s))]),
            BadValue::SlugTooLong(s) => tf(
                ErrMsg::SlugTooLong,
                &[("slug", &inert_quote(s)), ("max", &Slug::MAX_LEN)],
            ),
            BadValue::SlugAlphabet(s) => tf(ErrMsg::SlugAlphabet, &[("slug", &inert_quote(s))]),
            BadValue::Kind(s) => tf(ErrMsg::UnknownKind, &[("kind", &inert(s))]),
            BadValue::Outcome(s) => {
                let names: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
                let words: Vec<&str> = Outcome::ALL.iter().map(|o| o.words_da()[0]).collect();
                tf(
                    ErrMsg::UnknownOutcome,
                    &[
                        ("outcome", &inert(s)),
                        ("names", &names.join(", ")),
                        ("words", &words.join(", ")),
                    ],
                )
            }
            BadValue::Date(s) => tf(ErrMsg::NotADate, &[("date", &inert(s))]),
            BadValue::BodyId(s) => tf(ErrMsg::BadBodyId, &[("id", &inert(s))]),
            BadValue::ActionStatus(s) => tf(ErrMsg::UnknownActionStatus, &[("status", &inert(s))]),
            BadValue::BodyKind(s) => tf(ErrMsg::UnknownBodyKind, &[("kind", &inert(s))]),
            BadValue::OwedWithoutChanges => t(ErrMsg::OwedWithoutChanges).to_string(),
            // The braces go in as values: a catalogue text keeps `{` for its
            // placeholders.
            BadValue::RouteSyntax(msg) => tf(*msg, &[("open", &"{"), ("close", &"}")]),
            BadValue::RepeatedBody(id) => tf(ErrMsg::RepeatedBody, &[("id", &inert(id))]),
            BadValue::UnknownBody { id, field, known } => tf(
                ErrMsg::UnknownBodyIn,
                &[("id", &inert(id)), ("field", field), ("known", &known.join(", "))],
            ),
            BadValue::ThreadId(s) => tf(ErrMsg::BadThreadId, &[("id", &inert(s))]),
            BadValue::EmptyField(field) => tf(ErrMsg::EmptyField, &[("field", field)]),
            BadValue::FieldNotOneLine(field) => tf(ErrMsg::FieldNotOneLine, &[("field", field)]),
            BadValue::EmptyDecisionText => t(ErrMsg::EmptyDecisionText).to_string(),
            BadValue::DecisionTextControl => t(ErrMsg::DecisionTextControl).to_string(),
        };
        f.write_str(&text)
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

    #[test]
    fn route_syntax_keeps_its_braces() {
        let e = BadValue::RouteSyntax(ErrMsg::RouteOpenWithoutClose);
        assert_eq!(e.to_string(), "the route has a { without its }");
        let e = BadValue::RouteSyntax(ErrMsg::RoutePlusBeforeBrace);
        assert_eq!(e.to_string(), "the route has a + before {");
    }

    #[test]
    fn bad_values_and_files_read_in_danish() {
        crate::lang::set(crate::lang::Lang::Da);
        assert_eq!(
            BadValue::Kind("plan".into()).to_string(),
            "ukendt dokumenttype \"plan\" (brug strategy, workplan eller charter)"
        );
        assert_eq!(
            BadValue::EmptyField(t(ErrMsg::FieldTheRoute)).to_string(),
            "forløbet er ikke udfyldt"
        );
        assert!(
            BadValue::Outcome("x".into())
                .to_string()
                .starts_with("ukendt udfald \"x\" (brug godkendt, ")
        );
        let binary = crate::domain::check_document("a.md", b"\0").unwrap_err();
        assert_eq!(
            binary.to_string(),
            "a.md:1: er en binær fil, ikke et tekstdokument"
        );
        crate::lang::set(crate::lang::Lang::En);
    }
}
