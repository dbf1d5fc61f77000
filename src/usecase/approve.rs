//! Recording a decision and tagging an approved version, for the approvals
//! screen and `udkast decide` / `udkast tag`: the checks and the writes are
//! the store's (`store/approve.rs`); the sentences each face reports after
//! them are here, side by side, so they say the same things.

use super::Refused;
use crate::domain::{Invalid, Slug};
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

    /// The TUI's status line, warnings included.
    pub fn status_line(&self) -> String {
        let d = &self.recorded.decision;
        let mut text = format!(
            "Recorded {} {} on draft {}",
            d.body,
            d.outcome.label_da(),
            d.draft
        );
        for w in self.warnings() {
            text.push_str(&format!(" ({w})"));
        }
        text
    }

    /// What `udkast decide` prints (its warnings go to standard error).
    pub fn report(&self) -> String {
        let (d, slug) = (&self.recorded.decision, &self.slug);
        format!(
            "Recorded {} {} ({}) on draft {} of {slug}, meeting {}, as {} ({} on {})\n{slug}: {}\n",
            d.body,
            d.outcome.label_da(),
            d.outcome,
            d.draft,
            d.meeting,
            d.id,
            short(self.recorded.saved.commit),
            self.branch,
            self.recorded.after.status.summary()
        )
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
    /// The TUI's status line.
    pub fn status_line(&self) -> String {
        let t = &self.tagged;
        let signed = if t.signed { ", signed" } else { "" };
        format!("Tagged draft {} as {}{signed}", t.draft, t.name)
    }

    /// What `udkast tag` prints.
    pub fn report(&self) -> String {
        let t = &self.tagged;
        format!(
            "Tagged draft {} of {} as {}{}, listing {} decision{}{}\n",
            t.draft,
            self.slug,
            t.name,
            if t.signed { " (signed)" } else { "" },
            t.decisions,
            if t.decisions == 1 { "" } else { "s" },
            if t.forced.is_some() { " (forced)" } else { "" }
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
