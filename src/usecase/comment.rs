//! Commenting: starting a thread on lines of a draft (or of the editor's
//! unsaved text, mapped back to the draft), answering, resolving and
//! reopening one; and the sentences each face reports after it.

use super::Refused;
use crate::domain::{Slug, Thread};
use crate::lang::{self, CliMsg, Msg, tf};
use crate::store::{Saved, Store, StoreError, short};

/// What to do with comments. `id` may be any beginning of a thread's id, or
/// its short form, that names it alone (see `domain::ThreadIds`).
#[derive(Debug, Clone, Copy)]
pub enum Comment<'a> {
    /// A new thread on lines `start..=end` (1-based) of draft `draft`
    /// (default: the latest) or, when `shown` is given, of that unsaved text
    /// based on it: the lines must be in the draft unchanged.
    Add {
        draft: Option<u32>,
        start: usize,
        end: usize,
        text: &'a str,
        shown: Option<&'a str>,
    },
    Reply {
        id: &'a str,
        text: &'a str,
    },
    /// Resolves the thread, with a last message if given.
    Resolve {
        id: &'a str,
        text: Option<&'a str>,
    },
    /// Opens a resolved thread again, with a message if given.
    Reopen {
        id: &'a str,
        text: Option<&'a str>,
    },
}

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Added,
    Replied,
    Resolved,
    Reopened,
}

/// A comment committed: the thread as it is now.
#[derive(Debug)]
pub struct Commented {
    pub slug: Slug,
    pub done: Done,
    pub thread: Thread,
    /// The thread's id as people see it (`ThreadIds::short`).
    pub short: String,
    pub saved: Saved,
}

impl Commented {
    /// The TUI's status line, in the thread's language.
    pub fn status_line(&self) -> String {
        let t = &self.thread;
        match self.done {
            Done::Added => tf(
                Msg::DoneThreadStarted,
                &[
                    ("id", &self.short),
                    ("lines", &lines_label(t.anchor.start, t.anchor.end)),
                    ("draft", &t.draft),
                ],
            ),
            Done::Replied => lang::t(Msg::DoneReplied).to_string(),
            Done::Resolved => lang::t(Msg::DoneResolved).to_string(),
            Done::Reopened => lang::t(Msg::DoneReopened).to_string(),
        }
    }

    /// What `udkast comment` prints, in one line in the thread's language.
    pub fn report(&self) -> String {
        let (thread, commit) = (&self.thread, short(self.saved.commit));
        let common: [(&str, &dyn std::fmt::Display); 3] =
            [("id", &self.short), ("slug", &self.slug), ("commit", &commit)];
        let with = |message: CliMsg, more: &[(&str, &dyn std::fmt::Display)]| {
            let values: Vec<(&str, &dyn std::fmt::Display)> = common.iter().chain(more).copied().collect();
            tf(message, &values)
        };
        match self.done {
            Done::Added => with(
                CliMsg::CommentAdded,
                &[
                    ("lines", &lines_label(thread.anchor.start, thread.anchor.end)),
                    ("draft", &thread.draft),
                ],
            ),
            Done::Replied => match thread.replies() {
                1 => with(CliMsg::CommentRepliedOne, &[]),
                n => with(CliMsg::CommentReplied, &[("n", &n)]),
            },
            Done::Resolved => with(CliMsg::CommentResolved, &[]),
            Done::Reopened => with(CliMsg::CommentReopened, &[]),
        }
    }
}

/// `line 12` or `lines 12-14`, in the thread's language (the commit
/// messages keep `store::line_label`'s English).
pub fn lines_label(start: usize, end: usize) -> String {
    match start == end {
        true => tf(CliMsg::LineOne, &[("line", &start)]),
        false => tf(CliMsg::LineRange, &[("start", &start), ("end", &end)]),
    }
}

/// Does `comment` on the threads of `slug` as a commit, redone on the new
/// head when someone else answers the same thread at once.
pub fn comment(store: &Store, slug: &Slug, comment: Comment<'_>) -> Result<Commented, Refused> {
    // "comment 3fa9c2d is already resolved", by the id as people see it.
    let short_id = |id: &str| store.thread_ids(slug).map(|ids| ids.short(id).to_string());
    let said = |e: StoreError| match e {
        StoreError::ThreadAlready { id, status } => match short_id(&id) {
            Ok(id) => StoreError::ThreadAlready { id, status },
            Err(e) => e,
        },
        e => e,
    };
    let (done, (thread, saved)) = match comment {
        Comment::Add {
            draft,
            start,
            end,
            text,
            shown,
        } => (
            Done::Added,
            match shown {
                Some(shown) => store.add_thread_on_text(slug, draft, shown, start, end, text)?,
                None => store.add_thread(slug, draft, start, end, text)?,
            },
        ),
        Comment::Reply { id, text } => {
            let id = store.find_thread(slug, id)?.id;
            (
                Done::Replied,
                store.reply_to_thread(slug, &id, text).map_err(said)?,
            )
        }
        Comment::Resolve { id, text } => {
            let id = store.find_thread(slug, id)?.id;
            (
                Done::Resolved,
                store.resolve_thread(slug, &id, text).map_err(said)?,
            )
        }
        Comment::Reopen { id, text } => {
            let id = store.find_thread(slug, id)?.id;
            (
                Done::Reopened,
                store.reopen_thread(slug, &id, text).map_err(said)?,
            )
        }
    };
    Ok(Commented {
        slug: slug.clone(),
        done,
        short: short_id(&thread.id)?,
        thread,
        saved,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(store: &Store, slug: &Slug, text: &str) -> Commented {
        let add = Comment::Add {
            draft: None,
            start: 1,
            end: 1,
            text,
            shown: None,
        };
        comment(store, slug, add).unwrap()
    }

    #[test]
    fn a_thread_is_answered_by_its_short_id() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let added = add(&store, &slug, "Overskriften?");
        let id = added.thread.id.clone();
        assert_eq!(added.short, id[..7]);
        assert!(
            added
                .status_line()
                .starts_with(&format!("Started thread {} on line 1 of draft ", &id[..7])),
            "{}",
            added.status_line()
        );
        assert!(
            added
                .report()
                .starts_with(&format!("Added comment {} on line 1", &id[..7])),
            "{}",
            added.report()
        );
        // The command line found a thread by the beginning of its id; the
        // TUI's worker only by the whole id. Both go through here now.
        let replied = comment(
            &store,
            &slug,
            Comment::Reply {
                id: &added.short,
                text: "Ja.\nOg nej.",
            },
        )
        .unwrap();
        assert_eq!(replied.thread.id, id);
        assert_eq!(replied.thread.messages[1].text, "Ja.\nOg nej.");
        assert_eq!(replied.status_line(), "Replied");
        assert!(replied.report().contains("(1 reply)"), "{}", replied.report());
        let resolve = Comment::Resolve {
            id: &id[..10],
            text: Some("Rettet.\nTak."),
        };
        let resolved = comment(&store, &slug, resolve).unwrap();
        assert_eq!(resolved.status_line(), "Resolved the thread");
        assert_eq!(resolved.thread.messages[2].text, "Rettet.\nTak.");
        let again = comment(&store, &slug, Comment::Resolve { id: &id, text: None }).unwrap_err();
        assert_eq!(
            again.to_string(),
            format!("comment {} is already resolved", &id[..7])
        );
    }

    /// Threads made before short ids (`<time>-<six digits>`) and after, in one
    /// document: each is found by its short form and any unique beginning;
    /// a beginning of several, or of none, is refused with one sentence.
    #[test]
    fn old_and_new_ids_are_found_by_a_unique_beginning() {
        use crate::domain::paths;
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let template = add(&store, &slug, "Ny").thread;
        let mut change = crate::store::Change::default();
        for old in ["20250601T100000.000Z-abcde0", "20250601T100000.000Z-abcde1"] {
            let thread = crate::domain::Thread {
                id: old.into(),
                ..template.clone()
            };
            change = change.put(paths::thread(&slug, old), thread.to_toml());
        }
        let sig = store.identity().unwrap();
        let head = store.head().unwrap();
        store
            .commit_change(head, &change, &sig, &|_, _| Ok("Gamle tråde\n".into()))
            .unwrap();
        let new = template.id.clone();

        let reply = |id: &str| {
            comment(&store, &slug, Comment::Reply { id, text: "Svar" }).map(|c| (c.thread.id, c.short))
        };
        assert_eq!(reply(&new[..7]).unwrap(), (new.clone(), new[..7].to_string()));
        assert_eq!(
            reply("abcde1").unwrap(),
            ("20250601T100000.000Z-abcde1".to_string(), "abcde1".to_string())
        );
        assert_eq!(reply("20250601T100000.000Z-abcde0").unwrap().1, "abcde0");
        assert_eq!(
            reply("abcde").unwrap_err().to_string(),
            "\"abcde\" is the beginning of 2 comment ids on baeredygtighedsstrategi (abcde0, abcde1); give more of the id"
        );
        assert_eq!(
            reply("2025060").unwrap_err().to_string(),
            "\"2025060\" is the beginning of 2 comment ids on baeredygtighedsstrategi (abcde0, abcde1); give more of the id"
        );
        // A beginning of no id; something that cannot be an id at all.
        let unknown = if new.starts_with('f') {
            "0000000"
        } else {
            "fffffff"
        };
        assert_eq!(
            reply(unknown).unwrap_err().to_string(),
            format!(
                "no comment thread \"{unknown}\" on baeredygtighedsstrategi (see `udkast comment list baeredygtighedsstrategi --all`)"
            )
        );
        assert!(
            reply("../x")
                .unwrap_err()
                .to_string()
                .contains("is not a comment id (letters, digits, - and ., like 3fa9c2d)")
        );
    }
}
