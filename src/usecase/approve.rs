//! Recording a decision and tagging an approved version, for the approvals
//! screen and `udkast decide` / `udkast tag`: the checks and the writes are
//! the store's (`store/approve.rs`); the sentences each face reports after
//! them are here, side by side, so they say the same things.

use super::Refused;
use crate::domain::{Invalid, Slug};
use crate::lang::{self, CliMsg, Lang, Msg, tf};
use crate::store::{DecisionInput, Recorded, Store, Tagged, short};

/// A recorded decision, with the approvals after it.
#[derive(Debug)]
pub struct Decided {
    pub slug: Slug,
    pub recorded: Recorded,
    /// The branch it was recorded on.
    pub branch: String,
}

impl Decided {
    /// E.g. the body is not on the document's route.
    pub fn warnings(&self) -> &[String] {
        &self.recorded.warnings
    }

    /// The TUI's status line, warnings included, in the thread's language.
    pub fn status_line(&self) -> String {
        let d = &self.recorded.decision;
        let mut text = tf(
            Msg::DoneRecorded,
            &[
                ("body", &d.body),
                ("label", &d.outcome.label_da()),
                ("draft", &d.draft),
            ],
        );
        for w in self.warnings() {
            text.push_str(&format!(" ({w})"));
        }
        text
    }

    /// What `udkast decide` prints (its warnings go to standard error), in
    /// the thread's language: the decision recorded, then where the
    /// document stands.
    pub fn report(&self) -> String {
        let (d, slug) = (&self.recorded.decision, &self.slug);
        let line = tf(
            CliMsg::Decided,
            &[
                ("body", &d.body),
                ("outcome", &d.outcome.shown()),
                ("draft", &d.draft),
                ("slug", slug),
                ("date", &meeting_date(d.meeting)),
                ("id", &d.id),
                ("commit", &short(self.recorded.saved.commit)),
                ("branch", &self.branch),
            ],
        );
        format!("{line}\n{slug}: {}", self.recorded.after.status.summary())
    }
}

/// The meeting date as the decision's report names it: `2025-01-28` in
/// English, as the command always wrote it; `28. januar 2025` in Danish.
fn meeting_date(date: jiff::civil::Date) -> String {
    match crate::lang::current() {
        Lang::Da => crate::lang::long_date(&date.to_string()),
        Lang::En => date.to_string(),
    }
}

/// Records a governing body's decision on a draft of `slug` (leads only).
pub fn decide(store: &Store, slug: &Slug, input: DecisionInput) -> Result<Decided, Refused> {
    let recorded = store.decide(slug, input)?;
    Ok(Decided {
        slug: slug.clone(),
        recorded,
        branch: store.branch_short(),
    })
}

/// A created approved-version tag.
#[derive(Debug)]
pub struct TaggedVersion {
    pub slug: Slug,
    pub tagged: Tagged,
}

impl TaggedVersion {
    /// The TUI's status line, in the thread's language.
    pub fn status_line(&self) -> String {
        let t = &self.tagged;
        let signed = if t.signed {
            lang::t(Msg::DoneTaggedSigned)
        } else {
            ""
        };
        tf(
            Msg::DoneTagged,
            &[("draft", &t.draft), ("tag", &t.name), ("signed", &signed)],
        )
    }

    /// What `udkast tag` prints, in the thread's language.
    pub fn report(&self) -> String {
        let done = &self.tagged;
        let signed = if done.signed {
            lang::t(CliMsg::TagSigned)
        } else {
            ""
        };
        let forced = match done.forced {
            Some(_) => lang::t(CliMsg::TagForced),
            None => "",
        };
        let message = match done.decisions {
            1 => CliMsg::TaggedOne,
            _ => CliMsg::TaggedMany,
        };
        tf(
            message,
            &[
                ("draft", &done.draft),
                ("slug", &self.slug),
                ("tag", &done.name),
                ("signed", &signed),
                ("n", &done.decisions),
                ("forced", &forced),
            ],
        )
    }
}

/// Tags a draft of `slug` (default: the newest the last body of the route
/// approved) as its next approved version (leads only); refused when that
/// body has not approved it, or it is already tagged, unless `force`.
/// `problems` hears the decision files that cannot be read before the tag
/// is tried, as they may be why it is refused.
pub fn tag(
    store: &Store,
    slug: &Slug,
    draft: Option<u32>,
    force: bool,
    problems: &mut dyn FnMut(&Invalid),
) -> Result<TaggedVersion, Refused> {
    for p in &store.approvals(slug)?.problems {
        problems(p);
    }
    let tagged = store.tag_approved(slug, draft, force)?;
    Ok(TaggedVersion {
        slug: slug.clone(),
        tagged,
    })
}
