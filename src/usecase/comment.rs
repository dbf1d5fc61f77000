//! Commenting: starting a thread on lines of a draft (or of the editor's
//! unsaved text, mapped back to the draft), answering, resolving and
//! reopening one; and the sentences each face reports after it.

use super::Refused;
use crate::domain::{Slug, Thread};
use crate::store::{Saved, Store, line_label, short};

/// What to do with comments. `id` may be the beginning of a thread's id
/// when only one thread's begins so.
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
    pub saved: Saved,
}

impl Commented {
    /// The TUI's status line.
    pub fn status_line(&self) -> String {
        let t = &self.thread;
        match self.done {
            Done::Added => format!(
                "Started thread {} on {} of draft {}",
                t.id,
                line_label(t.anchor.start, t.anchor.end),
                t.draft
            ),
            Done::Replied => "Replied".to_string(),
            Done::Resolved => "Resolved the thread".to_string(),
            Done::Reopened => "Reopened the thread".to_string(),
        }
    }

    /// What `udkast comment` prints.
    pub fn report(&self) -> String {
        let (t, slug, commit) = (&self.thread, &self.slug, short(self.saved.commit));
        match self.done {
            Done::Added => format!(
                "Added comment {} on {} of draft {} of {slug} as {commit}\n",
                t.id,
                line_label(t.anchor.start, t.anchor.end),
                t.draft,
            ),
            Done::Replied => {
                let n = t.replies();
                let replies = if n == 1 { "reply" } else { "replies" };
                format!(
                    "Replied to comment {} on {slug} ({n} {replies}) as {commit}\n",
                    t.id
                )
            }
            Done::Resolved => format!("Resolved comment {} on {slug} as {commit}\n", t.id),
            Done::Reopened => format!("Reopened comment {} on {slug} as {commit}\n", t.id),
        }
    }
}

/// Does `comment` on the threads of `slug` as a commit, redone on the new
/// head when someone else answers the same thread at once.
pub fn comment(store: &Store, slug: &Slug, comment: Comment<'_>) -> Result<Commented, Refused> {
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
            (Done::Replied, store.reply_to_thread(slug, &id, text)?)
        }
        Comment::Resolve { id, text } => {
            let id = store.find_thread(slug, id)?.id;
            (Done::Resolved, store.resolve_thread(slug, &id, text)?)
        }
        Comment::Reopen { id, text } => {
            let id = store.find_thread(slug, id)?.id;
            (Done::Reopened, store.reopen_thread(slug, &id, text)?)
        }
    };
    Ok(Commented {
        slug: slug.clone(),
        done,
        thread,
        saved,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_is_answered_by_the_beginning_of_its_id() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let added = comment(
            &store,
            &slug,
            Comment::Add {
                draft: None,
                start: 1,
                end: 1,
                text: "Overskriften?",
                shown: None,
            },
        )
        .unwrap();
        assert!(
            added.status_line().starts_with("Started thread "),
            "{}",
            added.status_line()
        );
        let id = added.thread.id.clone();
        // The command line found a thread by the beginning of its id; the
        // TUI's worker only by the whole id. Both go through here now.
        let prefix = &id[..id.len() - 2];
        let sharing = store.threads(&slug).unwrap().0;
        assert_eq!(sharing.iter().filter(|t| t.id.starts_with(prefix)).count(), 1);
        let replied = comment(
            &store,
            &slug,
            Comment::Reply {
                id: prefix,
                text: "Ja.",
            },
        )
        .unwrap();
        assert_eq!(replied.thread.id, id);
        assert_eq!(replied.status_line(), "Replied");
        assert!(replied.report().contains("(1 reply)"), "{}", replied.report());
        let resolved = comment(&store, &slug, Comment::Resolve { id: &id, text: None }).unwrap();
        assert_eq!(resolved.status_line(), "Resolved the thread");
        let again = comment(&store, &slug, Comment::Resolve { id: &id, text: None }).unwrap_err();
        assert!(again.to_string().contains("is already resolved"), "{again}");
    }
}
