//! Slugs: the folder name of a document under `strategies/`, used in paths, refs
//! (`<slug>/v<N>` tags) and on the command line, so they are kept to a safe alphabet.

use std::fmt;

use super::BadValue;

/// A validated document slug: 1–64 characters of `a-z`, `0-9` and `-`, starting
/// with a letter and not ending with `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 64;

    /// Checks a user-supplied slug.
    pub fn parse(s: &str) -> Result<Slug, BadValue> {
        if s.is_empty() {
            return Err(BadValue::EmptySlug);
        }
        if s.chars().any(char::is_control) {
            return Err(BadValue::SlugControl(s.into()));
        }
        if s.contains("..") || s.contains('/') || s.contains('\\') {
            return Err(BadValue::SlugPath(s.into()));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(BadValue::SlugTooLong(s.into()));
        }
        let valid_chars = s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let starts_with_letter = s.starts_with(|c: char| c.is_ascii_lowercase());
        if !valid_chars || !starts_with_letter || s.ends_with('-') {
            return Err(BadValue::SlugAlphabet(s.into()));
        }
        Ok(Slug(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_slugs() {
        for ok in ["a", "baeredygtighedsstrategi", "klima-2030", "x1"] {
            assert_eq!(Slug::parse(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn rejects_traversal_and_odd_characters() {
        let cases = [
            ("", "empty"),
            ("..", "plain folder name"),
            ("../etc", "plain folder name"),
            ("a/b", "plain folder name"),
            ("a\\b", "plain folder name"),
            ("a\u{1b}b", "control characters"),
            ("a\nb", "control characters"),
            ("Klima", "a-z"),
            ("bæredygtighed", "a-z"),
            ("-a", "a-z"),
            ("a-", "a-z"),
            ("1a", "a-z"),
            ("a b", "a-z"),
        ];
        for (bad, why) in cases {
            let err = Slug::parse(bad).unwrap_err().to_string();
            assert!(err.contains(why), "{bad:?}: {err}");
            assert!(!err.contains('\u{1b}'), "error must not echo escapes: {err:?}");
        }
        assert!(
            Slug::parse(&"a".repeat(65))
                .unwrap_err()
                .to_string()
                .contains("longer")
        );
    }
}
