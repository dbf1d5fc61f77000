//! Where a document stands on its approval route: for every draft and body the
//! latest decision (the matrix of an agenda item's `DIR … ØKE BYR` row), and
//! for every body its standing — which draft it approved, whether that is still
//! the current draft, and which body the document waits for.
//!
//! Pure: the caller reads drafts and decisions from git and passes them in.

use std::collections::HashMap;

use serde::Serialize;

use super::{BodyId, Decision, Outcome, Route};
use crate::lang::{Msg, t, tf};

/// A draft as the status needs it: its number now and its commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftRef {
    pub number: u32,
    pub commit: String,
    /// Reads as the current draft: only the route changed since (in
    /// `strategy.toml`), so approving it was approving the current text.
    pub as_current: bool,
}

/// One body's standing on the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "standing", rename_all = "kebab-case")]
pub enum Standing {
    /// No decision yet, and the document does not wait for this body yet.
    NotYet,
    /// No decision yet, and this is the next body on the route after the last
    /// one that let the document pass.
    Pending,
    /// `stale`: the current draft is not the one approved.
    Approved {
        draft: u32,
        with_changes: bool,
        stale: bool,
    },
    Adopted {
        draft: u32,
        stale: bool,
    },
    Noted {
        draft: u32,
    },
    Postponed {
        draft: u32,
    },
    Rejected {
        draft: u32,
    },
    Returned {
        draft: u32,
    },
}

impl Standing {
    fn of(outcome: Outcome, draft: u32, stale: bool) -> Standing {
        match outcome {
            Outcome::Approved => Standing::Approved {
                draft,
                with_changes: false,
                stale,
            },
            Outcome::ApprovedWithChanges => Standing::Approved {
                draft,
                with_changes: true,
                stale,
            },
            Outcome::Adopted => Standing::Adopted { draft, stale },
            Outcome::Noted => Standing::Noted { draft },
            Outcome::Postponed => Standing::Postponed { draft },
            Outcome::Rejected => Standing::Rejected { draft },
            Outcome::Returned => Standing::Returned { draft },
        }
    }

    /// Whether an approval (or adoption) is of an older draft than the current one.
    pub fn is_stale(self) -> bool {
        matches!(
            self,
            Standing::Approved { stale: true, .. } | Standing::Adopted { stale: true, .. }
        )
    }

    /// The draft the body decided on, if it decided.
    pub fn draft(self) -> Option<u32> {
        match self {
            Standing::NotYet | Standing::Pending => None,
            Standing::Approved { draft, .. }
            | Standing::Adopted { draft, .. }
            | Standing::Noted { draft }
            | Standing::Postponed { draft }
            | Standing::Rejected { draft }
            | Standing::Returned { draft } => Some(draft),
        }
    }

    /// `approved draft 5 (stale: the current draft is 7)`, `pending`, `—`,
    /// in the thread's language (`godkendt udkast 5 (forældet: …)`).
    pub fn describe(self, current: Option<u32>) -> String {
        let (msg, draft) = match self {
            Standing::NotYet => return "—".into(),
            Standing::Pending => return t(Msg::StandingPending).into(),
            Standing::Approved {
                draft,
                with_changes: false,
                ..
            } => (Msg::StandingApproved, draft),
            Standing::Approved { draft, .. } => (Msg::StandingApprovedChanges, draft),
            Standing::Adopted { draft, .. } => (Msg::StandingAdopted, draft),
            Standing::Noted { draft } => (Msg::StandingNoted, draft),
            Standing::Postponed { draft } => (Msg::StandingPostponed, draft),
            Standing::Rejected { draft } => (Msg::StandingRejected, draft),
            Standing::Returned { draft } => (Msg::StandingReturned, draft),
        };
        let mut text = tf(msg, &[("draft", &draft)]);
        if let Some(current) = current.filter(|_| self.is_stale()) {
            text.push_str(&tf(Msg::StandingStale, &[("current", &current)]));
        }
        text
    }
}

/// One body's column: its standing and the decision that set it.
#[derive(Debug, Clone, Serialize)]
pub struct BodyStatus {
    pub body: BodyId,
    /// False for a body that decided although the route does not name it.
    pub on_route: bool,
    /// The index of the route's step the body is in (bodies of a parallel
    /// step share it); `None` off the route.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// The document waits for this body: it is in the step waited for and
    /// has not let this round of the route pass.
    pub waiting: bool,
    #[serde(flatten)]
    pub standing: Standing,
    pub latest: Option<Decision>,
}

/// One draft's row: the latest decision of each column's body on that draft.
#[derive(Debug, Clone, Serialize)]
pub struct DraftRow {
    pub draft: u32,
    pub commit: String,
    /// Parallel to [`ApprovalStatus::columns`].
    pub cells: Vec<Option<Outcome>>,
}

/// A document's approvals.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalStatus {
    pub route: Route,
    /// The index of the step the document waits for: the first one not
    /// passed in this round of the route. `None` past the last step.
    pub next_step: Option<usize>,
    /// The route, then any other body that decided on a draft (by id).
    pub columns: Vec<BodyId>,
    pub current: Option<DraftRef>,
    /// Every draft, newest first.
    pub rows: Vec<DraftRow>,
    /// Parallel to `columns`.
    pub bodies: Vec<BodyStatus>,
    /// The decisions on drafts of this document, oldest first.
    pub decisions: Vec<Decision>,
    /// Decisions naming a commit that is not a draft of this document
    /// (`udkast verify` reports them); left out of everything above.
    pub unmatched: Vec<Decision>,
}

impl ApprovalStatus {
    /// Computes the status from the route, the drafts (oldest first) and the
    /// decisions. "Latest" is by meeting date, then time recorded, then id.
    pub fn compute(route: &Route, drafts: &[DraftRef], decisions: &[Decision]) -> ApprovalStatus {
        let number_of: HashMap<&str, u32> = drafts.iter().map(|d| (d.commit.as_str(), d.number)).collect();
        let (mut matched, unmatched): (Vec<Decision>, Vec<Decision>) = decisions
            .iter()
            .cloned()
            .partition(|d| number_of.contains_key(d.commit.as_str()));
        matched.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));

        let mut columns: Vec<BodyId> = route.bodies().cloned().collect();
        let mut others: Vec<BodyId> = matched
            .iter()
            .map(|d| d.body.clone())
            .filter(|b| !route.contains(b))
            .collect();
        others.sort();
        others.dedup();
        columns.extend(others);
        let column_of: HashMap<&BodyId, usize> = columns.iter().enumerate().map(|(i, b)| (b, i)).collect();

        let current = drafts.last().cloned();
        let row_of: HashMap<&str, usize> = drafts
            .iter()
            .rev()
            .enumerate()
            .map(|(i, d)| (d.commit.as_str(), i))
            .collect();
        let mut rows: Vec<DraftRow> = drafts
            .iter()
            .rev()
            .map(|d| DraftRow {
                draft: d.number,
                commit: d.commit.clone(),
                cells: vec![None; columns.len()],
            })
            .collect();
        // Oldest first, so each later decision overwrites an earlier one.
        let mut latest: Vec<Option<&Decision>> = vec![None; columns.len()];
        for d in &matched {
            let column = column_of[&d.body];
            rows[row_of[d.commit.as_str()]].cells[column] = Some(d.outcome);
            latest[column] = Some(d);
        }

        // Step by step, the document passes a step when every body of it
        // approved or noted a draft at least as new as the newest one the
        // steps before it passed: a later round through the route (a new
        // draft after an adoption) is not passed by the last round's
        // decisions. It waits for the first step not passed.
        let passed_at = |body: &BodyId| {
            latest[column_of[body]]
                .filter(|d| d.outcome.passes())
                .map(|d| number_of[d.commit.as_str()])
        };
        let mut round = 0;
        let mut next = route.steps().len();
        for (i, step) in route.steps().iter().enumerate() {
            let drafts: Option<Vec<u32>> = step.iter().map(passed_at).collect();
            match drafts {
                Some(drafts) if drafts.iter().all(|&n| n >= round) => {
                    round = drafts.into_iter().max().unwrap_or(round);
                }
                _ => {
                    next = i;
                    break;
                }
            }
        }
        let bodies = columns
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let step = route.step_of(body);
                let standing = match latest[i] {
                    Some(d) => {
                        // Stale when the text changed since, not when only
                        // the route did.
                        let stale = current.as_ref().is_some_and(|c| c.commit != d.commit)
                            && !drafts.iter().any(|r| r.commit == d.commit && r.as_current);
                        Standing::of(d.outcome, number_of[d.commit.as_str()], stale)
                    }
                    None if step == Some(next) => Standing::Pending,
                    None => Standing::NotYet,
                };
                BodyStatus {
                    body: body.clone(),
                    on_route: step.is_some(),
                    step,
                    waiting: step == Some(next) && passed_at(body).is_none_or(|n| n < round),
                    standing,
                    latest: latest[i].cloned(),
                }
            })
            .collect();
        ApprovalStatus {
            route: route.clone(),
            next_step: (next < route.steps().len()).then_some(next),
            columns,
            current,
            rows,
            bodies,
            decisions: matched,
            unmatched,
        }
    }

    /// The route's bodies with their standing, step by step: the row of
    /// badges the overview shows.
    pub fn route_row(&self) -> Vec<Vec<(BodyId, Standing)>> {
        let mut steps = vec![Vec::new(); self.route.steps().len()];
        for b in &self.bodies {
            if let Some(step) = b.step {
                steps[step].push((b.body.clone(), b.standing));
            }
        }
        steps
    }

    /// The bodies the document waits for: those of the next step that have
    /// not let this round pass (pending, postponed, returned, or passed
    /// only an older draft than the step before). Past the last
    /// step, those of the first step whose approval is of an older draft
    /// than the current one. Empty once the current draft has passed the
    /// whole route.
    pub fn waiting_for(&self) -> Vec<&BodyStatus> {
        if self.next_step.is_some() {
            return self.bodies.iter().filter(|b| b.waiting).collect();
        }
        let in_step = |step: usize| self.bodies.iter().filter(move |b| b.step == Some(step));
        let stale = |b: &&BodyStatus| b.standing.is_stale();
        match self
            .bodies
            .iter()
            .filter(|b| b.step.is_some())
            .find(stale)
            .and_then(|b| b.step)
        {
            Some(step) => in_step(step).filter(stale).collect(),
            None => Vec::new(),
        }
    }

    /// The decisions whose changes are still owed: approved with changes
    /// listed, and no later draft approved or adopted by any body since.
    pub fn changes_owed(&self) -> Vec<&Decision> {
        let number = |d: &Decision| self.draft_of(d).unwrap_or(0);
        self.decisions
            .iter()
            .filter(|d| !d.changes_owed.is_empty())
            .filter(|d| {
                !self
                    .decisions
                    .iter()
                    .any(|later| later.outcome.approves() && number(later) > number(d))
            })
            .collect()
    }

    /// `Owed to DIR (approved with changes, draft 3 on 25 February 2025)`, the
    /// heading of a decision's changes owed, in the thread's language.
    pub fn owed_heading(&self, d: &Decision) -> String {
        tf(
            Msg::OwedHeading,
            &[
                ("body", &d.body),
                ("draft", &self.draft_of(d).unwrap_or(d.draft)),
                ("date", &crate::lang::long_date(&d.meeting.to_string())),
            ],
        )
    }

    /// The draft number a decision's commit has now.
    pub fn draft_of(&self, decision: &Decision) -> Option<u32> {
        self.rows
            .iter()
            .find(|r| r.commit == decision.commit)
            .map(|r| r.draft)
    }

    /// `DIR approved draft 5 (stale: the current draft is 7); ØKE pending; BYR —`
    pub fn summary(&self) -> String {
        let current = self.current.as_ref().map(|c| c.number);
        let parts: Vec<String> = self
            .bodies
            .iter()
            .map(|b| format!("{} {}", b.body, b.standing.describe(current)))
            .collect();
        parts.join("; ")
    }

    /// The bodies of the route's last step that have not approved or
    /// adopted the draft at `commit` (all of them when it has no decision).
    pub fn final_missing(&self, commit: &str) -> Vec<&BodyId> {
        self.route
            .last_step()
            .iter()
            .filter(|body| {
                !self
                    .decisions
                    .iter()
                    .any(|d| &d.body == *body && d.commit == commit && d.outcome.approves())
            })
            .collect()
    }

    /// The decisions by the bodies of the route's last step that approve or
    /// adopt the draft at `commit`, oldest first: empty unless every body of
    /// that step did, and when the route is empty.
    pub fn final_approvals(&self, commit: &str) -> Vec<&Decision> {
        let last = self.route.last_step();
        if last.is_empty() || !self.final_missing(commit).is_empty() {
            return Vec::new();
        }
        self.decisions
            .iter()
            .filter(|d| last.contains(&d.body) && d.commit == commit && d.outcome.approves())
            .collect()
    }

    /// The newest draft the last step approved or adopted, if any.
    pub fn newest_final_approval(&self) -> Option<&DraftRow> {
        self.rows
            .iter()
            .find(|r| !self.final_approvals(&r.commit).is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decision::Person;
    use jiff::Timestamp;
    use jiff::civil::date;

    fn ids(list: &[&str]) -> Vec<BodyId> {
        list.iter().map(|b| BodyId(b.to_string())).collect()
    }

    fn route(list: &[&str]) -> Route {
        Route::sequential(ids(list))
    }

    fn commit(n: u32) -> String {
        format!("{n:040x}")
    }

    fn drafts(n: u32) -> Vec<DraftRef> {
        (1..=n)
            .map(|i| DraftRef {
                number: i,
                commit: commit(i),
                as_current: false,
            })
            .collect()
    }

    fn decision(body: &str, draft: u32, outcome: Outcome, meeting: jiff::civil::Date, seq: i64) -> Decision {
        Decision {
            id: format!("d{seq}"),
            format: 1,
            body: BodyId(body.into()),
            draft,
            commit: commit(draft),
            outcome,
            meeting,
            item: None,
            case: None,
            text: None,
            recorded_at: Timestamp::from_second(1_700_000_000 + seq).unwrap(),
            recorded_by: Person {
                name: "Mette Holm".into(),
                email: "mette.holm@aaby.dk".into(),
            },
            recommendation: None,
            changes_owed: Vec::new(),
            withdraws: None,
        }
    }

    fn standings(s: &ApprovalStatus) -> Vec<Standing> {
        s.bodies.iter().map(|b| b.standing).collect()
    }

    /// The route of DOMAIN.md: Direktionen postpones draft 2 on 28-01-2025, a
    /// new draft follows, Direktionen approves it, then ØKE and Byrådet.
    #[test]
    fn the_domain_route_step_by_step() {
        let route = route(&["DIR", "ØKE", "BYR"]);
        let mut decisions = Vec::new();

        let s = ApprovalStatus::compute(&route, &drafts(2), &decisions);
        assert_eq!(
            standings(&s),
            [Standing::Pending, Standing::NotYet, Standing::NotYet]
        );
        assert_eq!(s.summary(), "DIR pending; ØKE —; BYR —");

        decisions.push(decision("DIR", 2, Outcome::Postponed, date(2025, 1, 28), 1));
        let s = ApprovalStatus::compute(&route, &drafts(2), &decisions);
        assert_eq!(
            standings(&s),
            [
                Standing::Postponed { draft: 2 },
                Standing::NotYet,
                Standing::NotYet
            ]
        );
        assert_eq!(s.rows[0].cells, [Some(Outcome::Postponed), None, None]);

        decisions.push(decision("DIR", 3, Outcome::Approved, date(2025, 2, 25), 2));
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert_eq!(s.summary(), "DIR approved draft 3; ØKE pending; BYR —");
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.rows[0].draft, 3);
        assert_eq!(s.rows[0].cells, [Some(Outcome::Approved), None, None]);
        assert_eq!(s.rows[1].cells, [Some(Outcome::Postponed), None, None]);
        assert_eq!(s.rows[2].cells, [None, None, None]);

        decisions.push(decision("ØKE", 3, Outcome::Approved, date(2025, 3, 10), 3));
        decisions.push(decision("BYR", 3, Outcome::Adopted, date(2025, 3, 26), 4));
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert_eq!(
            s.summary(),
            "DIR approved draft 3; ØKE approved draft 3; BYR adopted draft 3"
        );
        assert_eq!(s.final_approvals(&commit(3)).len(), 1);
        assert!(s.final_approvals(&commit(2)).is_empty());
        assert_eq!(s.newest_final_approval().unwrap().draft, 3);
        assert_eq!(
            s.route_row()[2][0],
            (
                BodyId("BYR".into()),
                Standing::Adopted {
                    draft: 3,
                    stale: false
                }
            )
        );

        // A new draft makes every approval stale.
        let s = ApprovalStatus::compute(&route, &drafts(4), &decisions);
        assert!(s.bodies.iter().all(|b| b.standing.is_stale()));
        assert!(
            s.summary()
                .starts_with("DIR approved draft 3 (stale: the current draft is 4); "),
            "{}",
            s.summary()
        );
        // Unless draft 4 only changed the route: draft 3 reads as the current one.
        let mut rerouted = drafts(4);
        rerouted[2].as_current = true;
        let s = ApprovalStatus::compute(&route, &rerouted, &decisions);
        assert!(s.bodies.iter().all(|b| !b.standing.is_stale()), "{}", s.summary());
    }

    #[test]
    fn latest_is_by_meeting_then_recorded() {
        let route = route(&["DIR"]);
        // Recorded later but about an earlier meeting: the later meeting wins.
        let decisions = vec![
            decision("DIR", 1, Outcome::Approved, date(2025, 3, 1), 1),
            decision("DIR", 1, Outcome::Postponed, date(2025, 2, 1), 2),
        ];
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert!(matches!(s.bodies[0].standing, Standing::Approved { .. }));
        assert_eq!(s.rows[0].cells, [Some(Outcome::Approved)]);
        // Same meeting: the one recorded last wins (a correction).
        let decisions = vec![
            decision("DIR", 1, Outcome::Approved, date(2025, 3, 1), 2),
            decision("DIR", 1, Outcome::ApprovedWithChanges, date(2025, 3, 1), 3),
        ];
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert_eq!(s.summary(), "DIR approved with changes draft 1");
    }

    #[test]
    fn off_route_bodies_and_unknown_drafts() {
        let route = route(&["DIR", "BYR"]);
        let decisions = vec![
            decision("TMU", 1, Outcome::Noted, date(2025, 1, 1), 1),
            decision("DIR", 1, Outcome::Approved, date(2025, 1, 2), 2),
            decision("DIR", 9, Outcome::Rejected, date(2025, 1, 3), 3),
        ];
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert_eq!(s.columns, ids(&["DIR", "BYR", "TMU"]));
        assert_eq!(s.unmatched.len(), 1);
        assert_eq!(
            s.summary(),
            "DIR approved draft 1; BYR pending; TMU noted draft 1"
        );
        assert_eq!(s.route_row().len(), 2);
    }

    #[test]
    fn a_return_stops_the_route_and_noting_passes() {
        let route = route(&["DIR", "ØKE", "BYR"]);
        let decisions = vec![
            decision("DIR", 1, Outcome::Noted, date(2025, 1, 1), 1),
            decision("ØKE", 1, Outcome::Returned, date(2025, 1, 2), 2),
        ];
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert_eq!(s.summary(), "DIR noted draft 1; ØKE returned draft 1; BYR —");
        assert!(s.newest_final_approval().is_none());
        assert!(
            ApprovalStatus::compute(&Route::default(), &drafts(1), &decisions)
                .final_approvals(&commit(1))
                .is_empty()
        );
    }

    /// Three committees treat draft 2 in parallel: FOU postpones, BFU and
    /// SOS approve; the step is not passed and ØKE waits. Draft 3 is
    /// approved by all three, then ØKE and BYR.
    #[test]
    fn a_parallel_step_passes_when_every_body_in_it_has() {
        let known = ["DIR", "FOU", "BFU", "SOS", "ØKE", "BYR"]
            .map(String::from)
            .into();
        let typed = ["DIR, {FOU BFU SOS}, ØKE, BYR".to_string()];
        let route = Route::parse_typed(&typed, &known).unwrap();
        let mut decisions = vec![decision("DIR", 2, Outcome::Approved, date(2025, 1, 7), 1)];
        let s = ApprovalStatus::compute(&route, &drafts(2), &decisions);
        assert_eq!(
            s.summary(),
            "DIR approved draft 2; FOU pending; BFU pending; SOS pending; ØKE —; BYR —"
        );
        let waiting = |s: &ApprovalStatus| {
            s.waiting_for()
                .iter()
                .map(|b| b.body.0.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(waiting(&s), ["FOU", "BFU", "SOS"]);
        assert_eq!(s.bodies[2].step, Some(1));

        decisions.push(decision("FOU", 2, Outcome::Postponed, date(2025, 1, 20), 2));
        decisions.push(decision("BFU", 2, Outcome::Approved, date(2025, 1, 21), 3));
        decisions.push(decision("SOS", 2, Outcome::Approved, date(2025, 1, 22), 4));
        let s = ApprovalStatus::compute(&route, &drafts(2), &decisions);
        assert_eq!(
            s.summary(),
            "DIR approved draft 2; FOU postponed draft 2; BFU approved draft 2; SOS approved draft 2; ØKE —; BYR —"
        );
        assert_eq!(waiting(&s), ["FOU"]);
        let grouped: Vec<usize> = s.route_row().iter().map(Vec::len).collect();
        assert_eq!(grouped, [1, 3, 1, 1]);

        for (seq, body) in [(5, "DIR"), (6, "FOU"), (7, "BFU"), (8, "SOS")] {
            decisions.push(decision(body, 3, Outcome::Approved, date(2025, 2, 17), seq));
        }
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert_eq!(waiting(&s), ["ØKE"]);
        decisions.push(decision("ØKE", 3, Outcome::Approved, date(2025, 3, 3), 9));
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert_eq!(waiting(&s), ["BYR"]);
        assert!(s.newest_final_approval().is_none());
        decisions.push(decision("BYR", 3, Outcome::Adopted, date(2025, 3, 26), 10));
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert!(waiting(&s).is_empty());
        assert_eq!(s.newest_final_approval().unwrap().draft, 3);
    }

    /// A last step of two bodies makes an approved version only when both
    /// approved the same draft.
    #[test]
    fn a_parallel_last_step_needs_every_body() {
        let route = Route::parse_typed(
            &["DIR, {ØKE BYR}".to_string()],
            &["DIR", "ØKE", "BYR"].map(String::from).into(),
        )
        .unwrap();
        let mut decisions = vec![
            decision("DIR", 1, Outcome::Approved, date(2025, 1, 7), 1),
            decision("ØKE", 1, Outcome::Approved, date(2025, 1, 8), 2),
        ];
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert!(s.final_approvals(&commit(1)).is_empty());
        assert_eq!(s.final_missing(&commit(1)), [&BodyId("BYR".into())]);
        decisions.push(decision("BYR", 1, Outcome::Noted, date(2025, 1, 9), 3));
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert!(
            s.final_approvals(&commit(1)).is_empty(),
            "noting is not approving"
        );
        decisions.push(decision("BYR", 1, Outcome::Adopted, date(2025, 1, 10), 4));
        let s = ApprovalStatus::compute(&route, &drafts(1), &decisions);
        assert_eq!(s.final_approvals(&commit(1)).len(), 2);
    }

    /// Changes owed by an approval with changes stand until a later draft
    /// is approved, by any body.
    #[test]
    fn changes_owed_until_a_later_draft_is_approved() {
        let route = route(&["DIR", "ØKE", "BYR"]);
        let mut asked = decision("DIR", 2, Outcome::ApprovedWithChanges, date(2025, 2, 1), 1);
        asked.changes_owed = vec!["Tidsplanen rettes".into()];
        let mut decisions = vec![asked];
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert_eq!(s.changes_owed().len(), 1);
        assert_eq!(
            s.owed_heading(s.changes_owed()[0]),
            "Owed to DIR (approved with changes, draft 2 on 1 February 2025)"
        );
        // Draft 3 postponed is not approved: still owed.
        decisions.push(decision("ØKE", 3, Outcome::Postponed, date(2025, 2, 10), 2));
        assert_eq!(
            ApprovalStatus::compute(&route, &drafts(3), &decisions)
                .changes_owed()
                .len(),
            1
        );
        decisions.push(decision("ØKE", 3, Outcome::Approved, date(2025, 2, 20), 3));
        assert!(
            ApprovalStatus::compute(&route, &drafts(3), &decisions)
                .changes_owed()
                .is_empty()
        );
    }

    /// A new draft after an adoption goes round the route again: Direktionen
    /// approving draft 4 makes the committees of the next step pending,
    /// although ØKE and BYR passed draft 3 in the last round.
    #[test]
    fn a_later_round_is_not_passed_by_the_last_rounds_decisions() {
        let known = ["DIR", "FOU", "BFU", "ØKE", "BYR"].map(String::from).into();
        let route = Route::parse_typed(&["DIR, {FOU BFU}, ØKE, BYR".to_string()], &known).unwrap();
        let mut decisions = Vec::new();
        for (seq, body) in [(1, "DIR"), (2, "FOU"), (3, "BFU"), (4, "ØKE"), (5, "BYR")] {
            decisions.push(decision(
                body,
                3,
                Outcome::Approved,
                date(2025, 3, seq as i8),
                seq,
            ));
        }
        let s = ApprovalStatus::compute(&route, &drafts(3), &decisions);
        assert_eq!(s.next_step, None);
        decisions.push(decision("DIR", 4, Outcome::Approved, date(2025, 9, 1), 6));
        let s = ApprovalStatus::compute(&route, &drafts(4), &decisions);
        assert_eq!(s.next_step, Some(1));
        let waiting: Vec<&str> = s.waiting_for().iter().map(|b| b.body.0.as_str()).collect();
        assert_eq!(waiting, ["FOU", "BFU"]);
        decisions.push(decision("FOU", 4, Outcome::Approved, date(2025, 9, 8), 7));
        decisions.push(decision("BFU", 4, Outcome::Noted, date(2025, 9, 9), 8));
        let s = ApprovalStatus::compute(&route, &drafts(4), &decisions);
        assert_eq!(s.next_step, Some(2));
        let waiting: Vec<&str> = s.waiting_for().iter().map(|b| b.body.0.as_str()).collect();
        assert_eq!(waiting, ["ØKE"]);
    }
}
