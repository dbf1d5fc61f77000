//! A review comment thread: a passage of one draft, the messages about it, and
//! whether it is open or resolved. One thread is one file,
//! `strategies/<slug>/comments/<id>.toml`, so two reviewers never write the
//! same file unless they answer the same thread.
//!
//! The anchor keeps the commit and draft it was made on, the line range there,
//! the quoted lines themselves and the heading path: enough to find the passage
//! again in a later draft (`anchor::map`) and to show what was commented on when
//! the passage is gone.

use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Invalid;
use super::thread_id::check_id;
use super::workspace::check_format;
use crate::lang::{ErrMsg, t, tf};

/// A comment thread as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Thread {
    pub format: u32,
    /// Unique, and the file name: `3fa9c2d81b7e4a05` (or, made before,
    /// `20250128T101500.123Z-3fa9c2`); see `thread_id`.
    pub id: String,
    pub status: ThreadStatus,
    /// The draft number the writer saw (numbers can shift when clones merge;
    /// `commit` is what counts).
    pub draft: u32,
    /// The full id of the draft's commit.
    pub commit: String,
    pub anchor: Anchor,
    #[serde(rename = "message")]
    pub messages: Vec<Message>,
}

/// The passage a thread is about, as it was in its draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// First line, 1-based.
    pub start: usize,
    /// Last line, 1-based, inclusive.
    pub end: usize,
    /// The heading path of the first line, e.g. `["Klimaplan", "Mål"]`; empty
    /// before the first heading.
    #[serde(default)]
    pub section: Vec<String>,
    /// The lines `start..=end` exactly, line ends included.
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThreadStatus {
    Open,
    Resolved,
}

impl fmt::Display for ThreadStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ThreadStatus::Open => "open",
            ThreadStatus::Resolved => "resolved",
        })
    }
}

/// One message of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub author: String,
    pub email: String,
    /// RFC 3339 with the writer's offset: `2025-01-28T11:15:00+01:00`.
    pub time: String,
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThread {
    format: Spanned<u32>,
    id: Spanned<String>,
    status: ThreadStatus,
    draft: Spanned<u32>,
    commit: Spanned<String>,
    anchor: Spanned<Anchor>,
    #[serde(default, rename = "message")]
    messages: Vec<Spanned<Message>>,
}

impl Thread {
    /// Parses `text` as the thread file `file` (`.../comments/<id>.toml`); the id
    /// inside must match the file name.
    pub fn parse(file: &str, text: &str) -> Result<Thread, Invalid> {
        let raw: RawThread = toml::from_str(text).map_err(|e| Invalid::from_toml(file, text, &e))?;
        check_format(file, text, &raw.format)?;
        let at = |span: std::ops::Range<usize>, msg: String| Invalid::at_offset(file, text, span.start, msg);

        let id = raw.id.get_ref();
        check_id(id).map_err(|m| at(raw.id.span(), m.to_string()))?;
        let stem = file
            .rsplit('/')
            .next()
            .and_then(|name| name.strip_suffix(".toml"))
            .unwrap_or(file);
        if stem != id {
            return Err(at(
                raw.id.span(),
                tf(ErrMsg::ThreadIdNotFileName, &[("id", &crate::text::inert(id))]),
            ));
        }
        if *raw.draft.get_ref() == 0 {
            return Err(at(raw.draft.span(), t(ErrMsg::DraftsFromOne).into()));
        }
        let commit = raw.commit.get_ref();
        if !(commit.len() == 40 || commit.len() == 64) || !commit.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(at(
                raw.commit.span(),
                tf(
                    ErrMsg::ThreadCommitNotFull,
                    &[("commit", &crate::text::inert(commit))],
                ),
            ));
        }
        let anchor = raw.anchor.get_ref();
        let anchor_at = |msg: &str| at(raw.anchor.span(), msg.to_string());
        if anchor.start == 0 {
            return Err(anchor_at(t(ErrMsg::AnchorStartZero)));
        }
        if anchor.end < anchor.start {
            return Err(anchor_at(&tf(
                ErrMsg::AnchorBackwards,
                &[("end", &anchor.end), ("start", &anchor.start)],
            )));
        }
        if anchor.quote.is_empty() {
            return Err(anchor_at(t(ErrMsg::QuoteEmpty)));
        }
        let quoted = line_count(&anchor.quote);
        let covered = anchor.end - anchor.start + 1;
        if quoted != covered {
            let msg = if quoted == 1 {
                ErrMsg::QuoteLinesOne
            } else {
                ErrMsg::QuoteLinesMany
            };
            return Err(anchor_at(&tf(
                msg,
                &[
                    ("quoted", &quoted),
                    ("start", &anchor.start),
                    ("end", &anchor.end),
                    ("covered", &covered),
                ],
            )));
        }
        if raw.messages.is_empty() {
            return Err(Invalid::new(file, t(ErrMsg::ThreadNoMessage)));
        }
        for message in &raw.messages {
            let m = message.get_ref();
            let here = |msg: &str| at(message.span(), msg.to_string());
            if m.author.trim().is_empty() {
                return Err(here(t(ErrMsg::MessageNoAuthor)));
            }
            if m.text.trim().is_empty() {
                return Err(here(t(ErrMsg::MessageEmpty)));
            }
            if m.time.parse::<jiff::Timestamp>().is_err() {
                return Err(here(&tf(
                    ErrMsg::MessageTime,
                    &[("time", &crate::text::inert(&m.time))],
                )));
            }
        }
        Ok(Thread {
            format: *raw.format.get_ref(),
            id: raw.id.into_inner(),
            status: raw.status,
            draft: raw.draft.into_inner(),
            commit: raw.commit.into_inner(),
            anchor: raw.anchor.into_inner(),
            messages: raw.messages.into_iter().map(Spanned::into_inner).collect(),
        })
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a thread is plain strings, numbers and arrays")
    }

    /// When the thread was started: its first message's time (checked when
    /// read, so `None` only for a thread made in code without messages).
    /// Lists order threads by it, then by id.
    pub fn created(&self) -> Option<jiff::Timestamp> {
        self.messages.first()?.time.parse().ok()
    }

    /// The messages after the first.
    pub fn replies(&self) -> usize {
        self.messages.len().saturating_sub(1)
    }
}

/// Lines as the diff counts them: a final line without `\n` counts.
fn line_count(text: &str) -> usize {
    text.split_inclusive('\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "strategies/klima/comments/20250128T101500.123Z-3fa9c2.toml";

    fn thread() -> Thread {
        Thread {
            format: 1,
            id: "20250128T101500.123Z-3fa9c2".into(),
            status: ThreadStatus::Open,
            draft: 2,
            commit: "1f0c2b3a4d5e6f708192a3b4c5d6e7f801234567".into(),
            anchor: Anchor {
                start: 12,
                end: 13,
                section: vec!["Klimaplan".into(), "Mål".into()],
                quote: "Vi vil reducere udledningen\r\nmed 50 pct. \"\"\" \\ inden 2030.\n".into(),
            },
            messages: vec![
                Message {
                    author: "Aisha Karimi".into(),
                    email: "aisha.karimi@aaby.dk".into(),
                    time: "2025-01-28T11:15:00+01:00".into(),
                    text: "Er 50 pct. nok?\nDirektionen ønskede 70.".into(),
                },
                Message {
                    author: "Søren Bak".into(),
                    email: "soren.bak@aaby.dk".into(),
                    time: "2025-01-29T09:00:00+01:00".into(),
                    text: "Rettet i næste udkast.\u{1b}[2J".into(),
                },
            ],
        }
    }

    #[test]
    fn round_trips_and_reads_like_the_documentation() {
        let t = thread();
        let text = t.to_toml();
        assert_eq!(Thread::parse(FILE, &text).unwrap(), t, "{text}");
        assert!(
            text.starts_with("format = 1\nid = \"20250128T101500.123Z-3fa9c2\"\nstatus = \"open\"\n"),
            "{text}"
        );
        assert!(text.contains("[anchor]\nstart = 12\nend = 13\n"), "{text}");
        assert!(text.contains("[[message]]\nauthor = \"Søren Bak\""), "{text}");
    }

    #[test]
    fn a_thread_with_a_new_id_reads_like_one_with_an_old_id() {
        let mut t = thread();
        t.id = "3fa9c2d81b7e4a05".into();
        let file = "strategies/klima/comments/3fa9c2d81b7e4a05.toml";
        assert_eq!(Thread::parse(file, &t.to_toml()).unwrap(), t);
        assert_eq!(t.created(), Some("2025-01-28T10:15:00Z".parse().unwrap()));
    }

    fn err(text: &str) -> String {
        Thread::parse(FILE, text).unwrap_err().to_string()
    }

    #[test]
    fn bad_files_name_file_and_line() {
        let good = thread().to_toml();
        let line_of = |needle: &str| good.lines().position(|l| l.starts_with(needle)).unwrap() + 1;

        let e = err(&good.replace("status = \"open\"", "status = \"closed\""));
        assert!(
            e.starts_with(&format!("{FILE}:3: unknown variant `closed`")),
            "{e}"
        );
        let e = err(&good.replace("end = 13", "end = 11"));
        assert!(e.starts_with(&format!("{FILE}:{}:", line_of("[anchor]"))), "{e}");
        assert!(e.contains("ends (line 11) before it starts (line 12)"), "{e}");
        let e = err(&good.replace("end = 13", "end = 14"));
        assert!(e.contains("the quote has 2 lines but lines 12-14 are 3"), "{e}");
        let e = err(&good.replace(
            "id = \"20250128T101500.123Z-3fa9c2\"",
            "id = \"20250128T101500.123Z-000000\"",
        ));
        assert!(e.starts_with(&format!("{FILE}:2: the id")), "{e}");
        let e = err(&good.replace("format = 1", "format = 2"));
        assert!(
            e.starts_with(&format!("{FILE}:1: format 2 is not supported")),
            "{e}"
        );
        let e = err(&good.replace("2025-01-29T09:00:00+01:00", "i går"));
        assert!(e.contains("is not an RFC 3339 time"), "{e}");
        let e = err(&good.replace("draft = 2", "draft = 2\nextra = 1"));
        assert!(e.contains("unknown field `extra`"), "{e}");
        assert!(err(&good.replace("commit = \"1f0c", "commit = \"xf0c")).contains("not a full commit id"));
    }

    #[test]
    fn empty_messages_quote_and_list_are_refused() {
        let mut t = thread();
        t.messages.clear();
        assert!(err(&t.to_toml()).ends_with("the thread has no [[message]]"));
        let mut t = thread();
        t.messages[1].text = " \n".into();
        let e = err(&t.to_toml());
        assert!(e.contains("a message has an empty text"), "{e}");
        let mut t = thread();
        t.anchor.quote.clear();
        assert!(err(&t.to_toml()).contains("the quote is empty"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

        /// Any text in quotes and messages (line ends, quotes, backslashes, control
        /// characters, Danish letters) survives writing and reading.
        #[test]
        fn any_text_round_trips(
            quote_lines in proptest::collection::vec("[a-zæøå \"'\\\\\t\u{1b}]{0,12}(\r\n|\n)", 1..5),
            text in "[^\u{0}]{1,40}",
            section in proptest::collection::vec("[^\u{0}]{0,10}", 0..3),
        ) {
            let mut t = thread();
            t.anchor.quote = quote_lines.concat();
            t.anchor.end = t.anchor.start + quote_lines.len() - 1;
            t.anchor.section = section;
            t.messages[0].text = format!("x{text}");
            let back = Thread::parse(FILE, &t.to_toml()).unwrap();
            proptest::prop_assert_eq!(back, t);
        }
    }
}
