//! The one error of the domain layer: a file's content is not valid.

use std::fmt;

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
}
