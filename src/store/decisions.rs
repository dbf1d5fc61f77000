//! Decisions in git: reading `strategies/<slug>/decisions/*.toml` at a commit,
//! writing a new one as a commit (through `commit_change`, so it is as safe
//! with other writers as a draft), and putting a document's approvals
//! together from its drafts and decisions.
//!
//! A decision commit touches only the decisions folder, so it is never a draft
//! (see `history.rs`); its `Decision:` trailer tells it apart in `git log`.

use git2::{ObjectType, Oid, Signature};

use super::{Draft, Result, Saved, Store, StrategyEntry};
use crate::domain::{
    ApprovalStatus, Decision, DraftRef, Invalid, Slug, Standing, WorkspaceConfig, check_document, paths,
};
use crate::lang::{ErrMsg, t, tf};

/// The decision files of one document at one commit. A file that does not
/// parse is a problem and never hides the others.
#[derive(Debug, Default)]
pub struct DecisionFiles {
    pub decisions: Vec<Decision>,
    /// The blob of each decision's file, parallel to `decisions`.
    pub blobs: Vec<Oid>,
    /// Decisions a later decision withdrew: kept in the history, not in force.
    pub withdrawn: Vec<Decision>,
    pub problems: Vec<Invalid>,
}

impl DecisionFiles {
    /// Moves each decision another one withdraws out of `decisions`. A
    /// withdrawal naming no decision of this document is a problem.
    fn set_withdrawn_aside(&mut self, slug: &Slug) {
        let named: Vec<(String, String)> = self
            .decisions
            .iter()
            .filter_map(|d| Some((d.id.clone(), d.withdraws.clone()?)))
            .collect();
        for (by, id) in named {
            match self.decisions.iter().position(|d| d.id == id) {
                Some(at) => {
                    self.blobs.remove(at);
                    self.withdrawn.push(self.decisions.remove(at));
                }
                None if self.withdrawn.iter().any(|d| d.id == id) => {}
                None => self.problems.push(Invalid::new(
                    &paths::decision(slug, &by),
                    tf(
                        ErrMsg::WithdrawsUnknown,
                        &[("id", &crate::text::inert(&id)), ("slug", slug)],
                    ),
                )),
            }
        }
    }
}

/// A document's approvals at the branch head, with what they were computed from.
#[derive(Debug)]
pub struct Approvals {
    pub head: Oid,
    pub entry: StrategyEntry,
    pub config: WorkspaceConfig,
    pub drafts: Vec<Draft>,
    pub status: ApprovalStatus,
    /// Decision files that do not parse, decisions naming an unknown body or a
    /// commit that is not a draft of this document.
    pub problems: Vec<Invalid>,
}

impl Store {
    /// The decisions of `slug` as they stand at `commit`, ordered by id (time).
    pub fn decisions_at(&self, commit: Oid, slug: &Slug) -> Result<DecisionFiles> {
        let mut out = DecisionFiles::default();
        let tree = self.repo.find_commit(commit)?.tree()?;
        let dir = match tree.get_path(std::path::Path::new(&paths::decisions(slug))) {
            Ok(entry) if entry.kind() == Some(ObjectType::Tree) => self.repo.find_tree(entry.id())?,
            Ok(_) => {
                out.problems
                    .push(Invalid::new(&paths::decisions(slug), t(ErrMsg::NotAFolder)));
                return Ok(out);
            }
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(out),
            Err(e) => return Err(e.into()),
        };
        let mut found: Vec<(String, Oid)> = dir
            .iter()
            .filter(|e| e.kind() == Some(ObjectType::Blob))
            .filter_map(|e| {
                let name = String::from_utf8_lossy(e.name_bytes()).into_owned();
                // Anything else in the folder (a README) is not a decision.
                let id = name.strip_suffix(".toml")?.to_string();
                Some((id, e.id()))
            })
            .collect();
        found.sort();
        for (id, blob) in found {
            let file = paths::decision(slug, &crate::text::inert(&id));
            let bytes = self.blob(blob)?;
            let parsed = check_document(&file, &bytes).and_then(|text| Decision::parse(&file, &id, text));
            match parsed {
                Ok(d) => {
                    out.decisions.push(d);
                    out.blobs.push(blob);
                }
                Err(problem) => out.problems.push(problem),
            }
        }
        out.set_withdrawn_aside(slug);
        Ok(out)
    }

    /// Writes `decision` as a new file of `slug`, made against `base`. The
    /// message's trailers name the document and the decision.
    pub fn record_decision(
        &self,
        base: Oid,
        slug: &Slug,
        decision: &Decision,
        author: &Signature<'_>,
    ) -> Result<Saved> {
        let change = super::Change::default().put(paths::decision(slug, &decision.id), decision.to_toml());
        let message = format!(
            "Record decision: {} {} draft {} of {slug}\n\nStrategy: {slug}\nDecision: {} {}\n",
            decision.body,
            decision.outcome,
            decision.draft,
            decision.id,
            decision.short()
        );
        self.commit_change(Some(base), &change, author, &|_, _| Ok(message.clone()))
    }

    /// The approvals of `slug` at the branch head.
    pub fn approvals(&self, slug: &Slug) -> Result<Approvals> {
        let (head, entry) = self.entry(slug)?;
        let config = self.config_at(head)?;
        let drafts = self
            .draft_index(Some(head), Some(slug))?
            .drafts(slug.as_str())
            .to_vec();
        let (status, problems) = self.status_at(head, &entry, &config, &drafts)?;
        Ok(Approvals {
            head,
            entry,
            config,
            drafts,
            status,
            problems,
        })
    }

    /// The approval status of one document at `commit`, given its drafts
    /// there. Also what the overview's row of body badges is made from
    /// ([`ApprovalStatus::route_row`]).
    pub fn status_at(
        &self,
        commit: Oid,
        entry: &StrategyEntry,
        config: &WorkspaceConfig,
        drafts: &[Draft],
    ) -> Result<(ApprovalStatus, Vec<Invalid>)> {
        let files = self.decisions_at(commit, &entry.slug)?;
        let mut problems = files.problems;
        let mut known = Vec::with_capacity(files.decisions.len());
        for d in files.decisions {
            if config.body(&d.body.0).is_some() {
                known.push(d);
            } else {
                problems.push(Invalid::new(
                    &paths::decision(&entry.slug, &d.id),
                    tf(
                        ErrMsg::UnknownBodyVerify,
                        &[("id", &crate::text::inert(&d.body.0))],
                    ),
                ));
            }
        }
        // The drafts decided on that read as the current one: the same text,
        // and a `strategy.toml` that differs at most in the route. Only
        // those with the current text are read again (a route change is rare).
        let current = drafts.last();
        let without_route = |commit: Oid| -> Option<crate::domain::StrategyMeta> {
            let mut meta = self.entry_at(commit, &entry.slug).ok()?.meta;
            meta.route = None;
            Some(meta)
        };
        let current_meta = std::cell::OnceCell::new();
        let as_current = |d: &Draft| -> bool {
            let Some(c) = current.filter(|c| c.commit != d.commit && c.document == d.document) else {
                return false;
            };
            if !known.iter().any(|k| k.commit == d.commit.to_string()) {
                return false;
            }
            let now = current_meta.get_or_init(|| without_route(c.commit));
            now.is_some() && *now == without_route(d.commit)
        };
        let refs: Vec<DraftRef> = drafts
            .iter()
            .map(|d| DraftRef {
                number: d.number,
                commit: d.commit.to_string(),
                as_current: as_current(d),
            })
            .collect();
        let status = ApprovalStatus::compute(entry.meta.effective_route(config), &refs, &known);
        for d in &status.unmatched {
            problems.push(Invalid::new(
                &paths::decision(&entry.slug, &d.id),
                tf(
                    ErrMsg::DecisionCommitNotADraft,
                    &[
                        ("commit", &&d.commit[..7.min(d.commit.len())]),
                        ("slug", &entry.slug),
                    ],
                ),
            ));
        }
        Ok((status, problems))
    }

    /// The overview's row of badges for one document: each body of its route
    /// and its standing, step by step. Decisions that cannot be read are left out here (the
    /// approvals screen and `udkast verify` show them).
    pub fn route_row(
        &self,
        commit: Oid,
        entry: &StrategyEntry,
        config: &WorkspaceConfig,
        drafts: &[Draft],
    ) -> Result<Vec<Vec<(crate::domain::BodyId, Standing)>>> {
        Ok(self.status_at(commit, entry, config, drafts)?.0.route_row())
    }
}
