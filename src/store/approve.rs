//! Recording a decision and tagging an approved version: the checks (only
//! leads, a known body, an existing draft, the last body of the route approved)
//! and the writes, shared by the command line and the approvals screen.

use git2::Signature;
use jiff::Timestamp;
use jiff::civil::Date;

use super::{Approvals, Result, Saved, Store, StoreError};
use crate::domain::{BodyId, Decision, Outcome, Person, Slug, TagContent, WorkspaceConfig, tag_message};
use crate::lang::{ErrMsg, t, tf};

/// What a lead records about a draft.
#[derive(Debug, Clone)]
pub struct DecisionInput {
    pub draft: u32,
    /// A body id as typed; "øke" means ØKE.
    pub body: String,
    pub outcome: Outcome,
    pub meeting: Date,
    pub item: Option<String>,
    pub case: Option<String>,
    pub text: Option<String>,
    /// The body's recommendation ("Indstilling").
    pub recommendation: Option<String>,
    /// With approved-with-changes, the changes asked for.
    pub changes_owed: Vec<String>,
    /// The id of a decision of the same body this one supersedes.
    pub withdraws: Option<String>,
}

impl DecisionInput {
    /// The fields someone typed, as the domain checks them.
    pub fn typed(&self) -> crate::domain::Typed<'_> {
        crate::domain::Typed {
            outcome: self.outcome,
            item: self.item.as_deref(),
            case: self.case.as_deref(),
            text: self.text.as_deref(),
            recommendation: self.recommendation.as_deref(),
            changes_owed: &self.changes_owed,
        }
    }
}

/// A recorded decision, with the approvals after it.
#[derive(Debug)]
pub struct Recorded {
    pub decision: Decision,
    pub saved: Saved,
    /// E.g. the body is not on the document's route.
    pub warnings: Vec<String>,
    pub after: Approvals,
}

/// A created approved-version tag.
#[derive(Debug, Clone)]
pub struct Tagged {
    pub name: String,
    pub draft: u32,
    pub signed: bool,
    pub decisions: usize,
    /// Why it would have been refused, when `force` made it anyway.
    pub forced: Option<String>,
}

impl Store {
    /// The user's git identity, refused unless it is a lead of the workspace.
    pub fn lead_identity(
        &self,
        config: &WorkspaceConfig,
        action: &'static str,
    ) -> Result<Signature<'static>> {
        let identity = self.identity()?;
        let email = String::from_utf8_lossy(identity.email_bytes()).into_owned();
        if !config.is_lead(&email) {
            return Err(StoreError::NotALead(action));
        }
        Ok(identity)
    }

    /// Records a governing body's decision on a draft of `slug`.
    pub fn decide(&self, slug: &Slug, mut input: DecisionInput) -> Result<Recorded> {
        // Text pasted from Word or a Windows editor ends its lines in CR LF
        // (or CR alone): kept as plain lines.
        let lines = |t: String| t.replace("\r\n", "\n").replace('\r', "\n");
        input.text = input.text.map(lines);
        input.recommendation = input.recommendation.map(lines);
        Decision::check_input(&input.typed())?;
        let approvals = self.approvals(slug)?;
        let config = &approvals.config;
        let identity = self.lead_identity(config, t(ErrMsg::LeadRecordDecisions))?;
        let body = BodyId(input.body.to_uppercase());
        if config.body(&body.0).is_none() {
            let known: Vec<&str> = config.bodies.iter().map(|b| b.id.0.as_str()).collect();
            return Err(StoreError::BadInput(tf(
                ErrMsg::UnknownBodyKnown,
                &[
                    ("id", &crate::text::inert_quote(&input.body)),
                    ("known", &known.join(", ")),
                ],
            )));
        }
        let mut warnings = Vec::new();
        let route = approvals.entry.meta.effective_route(config);
        if !route.contains(&body) {
            warnings.push(tf(
                ErrMsg::BodyNotOnRoute,
                &[("body", &body), ("slug", slug), ("route", &route)],
            ));
        }
        let draft = approvals
            .drafts
            .iter()
            .find(|d| d.number == input.draft)
            .ok_or_else(|| StoreError::NoSuchDraft {
                slug: slug.to_string(),
                number: input.draft,
                count: approvals.drafts.len(),
            })?;
        let withdraws = match &input.withdraws {
            Some(id) => Some(self.withdrawable(approvals.head, slug, &body, id)?),
            None => None,
        };
        let now = Timestamp::from_second(Timestamp::now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH);
        let decision = Decision {
            id: Decision::new_id(now),
            format: crate::domain::FORMAT_VERSION,
            body,
            draft: draft.number,
            commit: draft.commit.to_string(),
            outcome: input.outcome,
            meeting: input.meeting,
            item: input.item,
            case: input.case,
            text: input.text,
            recommendation: input.recommendation,
            changes_owed: input.changes_owed,
            recorded_at: now,
            recorded_by: Person {
                name: String::from_utf8_lossy(identity.name_bytes()).into_owned(),
                email: String::from_utf8_lossy(identity.email_bytes()).into_owned(),
            },
            withdraws: withdraws.clone(),
        };
        let saved = self.record_decision(approvals.head, slug, &decision, &identity)?;
        warnings.extend(saved.warnings.iter().cloned());
        let after = self.approvals(slug)?;
        Ok(Recorded {
            decision,
            saved,
            warnings,
            after,
        })
    }

    /// Checks that `id` names a decision of `body` on `slug` at `head` that
    /// is still in force, and returns the id.
    fn withdrawable(&self, head: git2::Oid, slug: &Slug, body: &BodyId, id: &str) -> Result<String> {
        let files = self.decisions_at(head, slug)?;
        let quoted = crate::text::inert_quote(id);
        if files.withdrawn.iter().any(|d| d.id == id) {
            return Err(StoreError::BadInput(tf(
                ErrMsg::DecisionAlreadyWithdrawn,
                &[("id", &quoted), ("slug", slug)],
            )));
        }
        match files.decisions.iter().find(|d| d.id == id) {
            Some(d) if d.body == *body => Ok(d.id.clone()),
            Some(d) => Err(StoreError::BadInput(tf(
                ErrMsg::WithdrawOtherBody,
                &[("id", &quoted), ("owner", &d.body), ("body", body)],
            ))),
            None => Err(StoreError::BadInput(tf(
                ErrMsg::NoSuchDecision,
                &[("id", &quoted), ("slug", slug)],
            ))),
        }
    }

    /// Tags a draft of `slug` (default: the newest the last body of the route
    /// approved, else the current one) as approved version `<slug>/v<N>`.
    /// Refused when the last body has not approved or adopted it, or it is
    /// already tagged, unless `force`.
    pub fn tag_approved(&self, slug: &Slug, draft: Option<u32>, force: bool) -> Result<Tagged> {
        let approvals = self.approvals(slug)?;
        let identity = self.lead_identity(&approvals.config, t(ErrMsg::LeadTagVersions))?;
        let status = &approvals.status;
        let row = match draft {
            Some(n) => status
                .rows
                .iter()
                .find(|r| r.draft == n)
                .ok_or_else(|| StoreError::NoSuchDraft {
                    slug: slug.to_string(),
                    number: n,
                    count: status.rows.len(),
                })?,
            None => status
                .newest_final_approval()
                .or(status.rows.first())
                .ok_or_else(|| StoreError::UnknownStrategy(slug.to_string()))?,
        };
        let missing = status.final_missing(&row.commit);
        let reason = match status.route.last_step() {
            [] => Some(tf(ErrMsg::NoApprovalRoute, &[("slug", slug)])),
            [last] if !missing.is_empty() => Some(tf(
                ErrMsg::LastBodyNotApproved,
                &[("last", last), ("draft", &row.draft)],
            )),
            _ if !missing.is_empty() => {
                let msg = match missing.len() {
                    1 => ErrMsg::LastStepNotApprovedOne,
                    _ => ErrMsg::LastStepNotApprovedMany,
                };
                let bodies = crate::lang::and_list(&missing);
                Some(tf(msg, &[("bodies", &bodies), ("draft", &row.draft)]))
            }
            _ => None,
        };
        let commit = git2::Oid::from_str(&row.commit)?;
        let existing = self.approved_tags(Some(slug))?;
        if !force {
            if let Some(reason) = &reason {
                return Err(StoreError::NotApproved(tf(
                    ErrMsg::TagNotApproved,
                    &[("reason", reason)],
                )));
            }
            if let Some(t) = existing.iter().find(|t| t.target == commit) {
                return Err(StoreError::NotApproved(tf(
                    ErrMsg::AlreadyApprovedVersion,
                    &[("draft", &row.draft), ("name", &t.name)],
                )));
            }
        }
        let decisions: Vec<Decision> = status
            .decisions
            .iter()
            .filter(|d| d.commit == row.commit)
            .cloned()
            .collect();
        let content = TagContent {
            slug,
            title: &approvals.entry.meta.title,
            draft: row.draft,
            commit: &row.commit,
            decisions: &decisions,
            forced: reason.as_deref(),
        };
        let (name, signed) =
            self.create_approved_tag(slug, commit, &identity, &|n| tag_message(&content, n))?;
        Ok(Tagged {
            name,
            draft: row.draft,
            signed,
            decisions: decisions.len(),
            forced: reason,
        })
    }
}
