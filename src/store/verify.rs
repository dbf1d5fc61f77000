//! `udkast verify`: checks that the approvals recorded in a workspace hold
//! together, so it can run in a server's `pre-receive` hook.
//!
//! At the branch head: every document and decision file parses; every decision
//! names a known body and a draft of its document; the commit that last wrote
//! each decision file was made by a lead, and names a lead as recorder (leads
//! as `udkast.toml` listed them just before that commit, so a later change of
//! leads does not make old decisions wrong, and nobody can make themselves a
//! lead in the same commit). Every approved-version tag `<slug>/v<N>` is
//! annotated, points at a draft of its document, claims only decisions that
//! exist, are about that draft and say what the tag says, claims the approval
//! of the last body of the route unless marked forced, and was made by a lead
//! (at the head or at the tagged draft). Signatures of those tags and commits
//! are checked by git where present.

use std::collections::HashMap;

use git2::{Oid, Sort};
use serde::Serialize;

use super::{ApprovedTag, Result, Store, short};
use crate::domain::{Decision, Slug, WorkspaceConfig, paths};
use crate::lang::{ErrMsg, t, tf};

/// One thing wrong: where (a file or a tag) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub place: String,
    pub problem: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

/// What was checked, and what was wrong.
#[derive(Debug, Default, Serialize)]
pub struct Verification {
    pub strategies: usize,
    pub decisions: usize,
    pub tags: usize,
    pub findings: Vec<Finding>,
}

/// `file:line` of a problem, or the file alone.
fn located(p: &crate::domain::Invalid) -> String {
    match p.line {
        Some(line) => format!("{}:{line}", p.file),
        None => p.file.clone(),
    }
}

/// A decision file to trace back to the commit that wrote it.
struct Written {
    decision: Decision,
    path: String,
    blob: Oid,
}

impl Store {
    /// Verifies the workspace at the branch head and every approved-version tag.
    pub fn verify(&self) -> Result<Verification> {
        let snapshot = self.snapshot()?;
        let head = snapshot.commit;
        let config = &snapshot.config;
        let mut out = Verification {
            strategies: snapshot.strategies.len(),
            ..Verification::default()
        };
        let mut findings = Vec::new();
        let mut find = |place: &str, problem: String| {
            findings.push(Finding {
                place: crate::text::inert(place).into_owned(),
                problem,
            })
        };
        for p in &snapshot.problems {
            find(&located(p), p.message.clone());
        }
        let index = self.draft_index(Some(head), None)?;
        let draft_number = |slug: &Slug, commit: &str| {
            index
                .drafts(slug.as_str())
                .iter()
                .find(|d| d.commit.to_string() == commit)
                .map(|d| d.number)
        };

        // Decisions.
        let mut written = Vec::new();
        let mut by_slug: HashMap<String, Vec<Decision>> = HashMap::new();
        for entry in &snapshot.strategies {
            let files = self.decisions_at(head, &entry.slug)?;
            for p in &files.problems {
                find(&located(p), p.message.clone());
            }
            for (d, blob) in files.decisions.into_iter().zip(files.blobs) {
                let path = paths::decision(&entry.slug, &d.id);
                if config.body(&d.body.0).is_none() {
                    let known: Vec<&str> = config.bodies.iter().map(|b| b.id.0.as_str()).collect();
                    find(
                        &path,
                        tf(
                            ErrMsg::UnknownBodyKnown,
                            &[
                                ("id", &crate::text::inert(&d.body.0)),
                                ("known", &known.join(", ")),
                            ],
                        ),
                    );
                }
                if draft_number(&entry.slug, &d.commit).is_none() {
                    let msg = match Oid::from_str(&d.commit)
                        .ok()
                        .filter(|o| self.repo.find_commit(*o).is_ok())
                    {
                        Some(_) => ErrMsg::DecisionDraftNotADraft,
                        None => ErrMsg::DecisionDraftMissing,
                    };
                    find(
                        &path,
                        tf(
                            msg,
                            &[
                                ("draft", &d.draft),
                                ("commit", &&d.commit[..7]),
                                ("slug", &entry.slug),
                                ("branch", &self.branch_short()),
                            ],
                        ),
                    );
                }
                by_slug.entry(entry.slug.to_string()).or_default().push(d.clone());
                written.push(Written {
                    decision: d,
                    path,
                    blob,
                });
            }
        }
        out.decisions = written.len();

        // Who wrote each decision file, and whether they were a lead then.
        let writers = self.writers(head, &written)?;
        let mut leads_then: HashMap<Oid, Option<WorkspaceConfig>> = HashMap::new();
        for w in &written {
            let Some(&commit) = writers.get(&w.path) else {
                continue;
            };
            let config_then = match leads_then.get(&commit) {
                Some(c) => c.clone(),
                None => {
                    let c = self.config_before(commit);
                    leads_then.insert(commit, c.clone());
                    c
                }
            };
            let Some(config_then) = config_then else {
                find(
                    &w.path,
                    tf(ErrMsg::WrittenUnreadableConfig, &[("commit", &short(commit))]),
                );
                continue;
            };
            let author = self.repo.find_commit(commit)?.author().to_owned();
            let author_email = String::from_utf8_lossy(author.email_bytes()).into_owned();
            let recorder = &w.decision.recorded_by;
            if !config_then.is_lead(&recorder.email) {
                find(
                    &w.path,
                    tf(
                        ErrMsg::RecorderNotLead,
                        &[("person", &crate::text::inert(&recorder.to_string()))],
                    ),
                );
            } else if !config_then.is_lead(&author_email) {
                find(
                    &w.path,
                    tf(
                        ErrMsg::CommitterNotLead,
                        &[
                            ("commit", &short(commit)),
                            (
                                "name",
                                &crate::text::inert(&String::from_utf8_lossy(author.name_bytes())),
                            ),
                            ("email", &crate::text::inert(&author_email)),
                        ],
                    ),
                );
            }
            // The rules as they were when it was committed.
            let signed = self.repo.extract_signature(&commit, None).is_ok();
            let object = commit.to_string();
            if let Some(why) =
                self.signature_problem("verify-commit", &object, signed, &author_email, &config_then)?
            {
                find(
                    &w.path,
                    tf(
                        ErrMsg::CommitProblem,
                        &[("commit", &short(commit)), ("why", &why)],
                    ),
                );
            }
        }

        // Who changed the governance or deleted decisions, all through the history.
        for (place, problem) in self.history_findings(head)? {
            find(&place, problem);
        }

        // Approved-version tags.
        let tags = self.approved_tags(None)?;
        for tag in &tags {
            // Tags of documents that no longer exist are history, not claims about this workspace.
            let Some(entry) = snapshot.strategies.iter().find(|s| s.slug == tag.slug) else {
                continue;
            };
            out.tags += 1;
            let place = format!("tag {}", tag.name);
            let decisions = by_slug.get(entry.slug.as_str()).map(Vec::as_slice).unwrap_or(&[]);
            for problem in self.check_tag(tag, &entry.slug, decisions, config, &draft_number)? {
                find(&place, problem);
            }
        }
        out.findings = findings;
        Ok(out)
    }

    /// The number draft `commit` of `slug` has in its own history (what the
    /// clone that made it numbered it), which no later merge changes.
    fn own_number(&self, slug: &Slug, commit: git2::Oid) -> Result<Option<u32>> {
        let index = self.draft_index(Some(commit), Some(slug))?;
        Ok(index
            .drafts(slug.as_str())
            .iter()
            .position(|d| d.commit == commit)
            .map(|i| i as u32 + 1))
    }

    /// What is wrong with one approved-version tag.
    fn check_tag(
        &self,
        tag: &ApprovedTag,
        slug: &Slug,
        decisions: &[Decision],
        config: &WorkspaceConfig,
        draft_number: &dyn Fn(&Slug, &str) -> Option<u32>,
    ) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        if !tag.annotated {
            problems.push(t(ErrMsg::TagLightweight).into());
            return Ok(problems);
        }
        let target = tag.target.to_string();
        match (draft_number(slug, &target), tag.claims.draft) {
            (None, _) => problems.push(tf(
                ErrMsg::TagNotADraft,
                &[
                    ("commit", &short(tag.target)),
                    ("slug", slug),
                    ("branch", &self.branch_short()),
                ],
            )),
            // The number is checked too: the draft's number now, or the one
            // it had in its own history when it was tagged (a sync numbers
            // the drafts merged in from a clone after the remote's).
            (Some(actual), Some(said))
                if actual != said && self.own_number(slug, tag.target)? != Some(said) =>
            {
                problems.push(tf(
                    ErrMsg::TagDraftMismatch,
                    &[
                        ("said", &said),
                        ("actual", &actual),
                        ("commit", &short(tag.target)),
                    ],
                ))
            }
            _ => {}
        }
        if tag.claims.strategy.as_deref() != Some(slug.as_str()) {
            problems.push(tf(ErrMsg::TagNoStrategyTrailer, &[("slug", slug)]));
        }
        let mut claimed = Vec::new();
        for claim in &tag.claims.decisions {
            let id = crate::text::inert(&claim.id);
            let Some(d) = decisions.iter().find(|d| d.id == claim.id) else {
                problems.push(tf(ErrMsg::TagClaimsMissing, &[("id", &id)]));
                continue;
            };
            if d.commit != target {
                problems.push(tf(
                    ErrMsg::TagClaimsOtherCommit,
                    &[
                        ("id", &id),
                        ("commit", &&d.commit[..7]),
                        ("tagged", &short(tag.target)),
                    ],
                ));
                continue;
            }
            if claim.body.as_deref() != Some(d.body.0.as_str()) || claim.outcome != Some(d.outcome) {
                problems.push(tf(
                    ErrMsg::TagClaimsWrong,
                    &[
                        ("id", &id),
                        (
                            "claimed_body",
                            &crate::text::inert(claim.body.as_deref().unwrap_or("?")),
                        ),
                        ("claimed_outcome", &claim.outcome.map_or("?", |o| o.as_str())),
                        ("body", &d.body),
                        ("outcome", &d.outcome),
                    ],
                ));
                continue;
            }
            claimed.push(d);
        }
        // The route the tagged draft had; the head's if that draft cannot be read.
        let tagged_config = self.config_at(tag.target).ok();
        let route = match self.entry_at(tag.target, slug) {
            Ok(e) => e
                .meta
                .effective_route(tagged_config.as_ref().unwrap_or(config))
                .clone(),
            Err(_) => crate::domain::Route::default(),
        };
        if !tag.claims.forced {
            let unclaimed: Vec<&crate::domain::BodyId> = route
                .last_step()
                .iter()
                .filter(|body| !claimed.iter().any(|d| &d.body == *body && d.outcome.approves()))
                .collect();
            match route.last_step() {
                [] => problems.push(t(ErrMsg::TagNoRoute).into()),
                [last] if !unclaimed.is_empty() => {
                    problems.push(tf(ErrMsg::TagNoFinalApproval, &[("last", last)]))
                }
                _ if !unclaimed.is_empty() => problems.push(tf(
                    ErrMsg::TagNoFinalStepApproval,
                    &[("bodies", &crate::lang::and_list(&unclaimed))],
                )),
                _ => {}
            }
        }
        let lead = config.is_lead(&tag.tagger_email)
            || tagged_config
                .as_ref()
                .is_some_and(|c| c.is_lead(&tag.tagger_email));
        if !lead {
            problems.push(tf(
                ErrMsg::TaggerNotLead,
                &[
                    ("name", &crate::text::inert(&tag.tagger_name)),
                    ("email", &crate::text::inert(&tag.tagger_email)),
                ],
            ));
        }
        // A tag's date is the tagger's word: the rules are today's.
        let object = format!("refs/tags/{}", tag.name);
        if let Some(why) =
            self.signature_problem("verify-tag", &object, tag.signed, &tag.tagger_email, config)?
        {
            problems.push(why);
        }
        Ok(problems)
    }

    /// What is wrong with the signature of a commit or tag made by `email`
    /// under `config`'s rules (`None`: nothing). A signature by a lead with a
    /// key in `roles.keys` must be made with that key; with
    /// `roles.require_signed` there must be one, by a listed key; any other
    /// signature is checked with the git configuration at hand
    /// (`gpg.ssh.allowedSignersFile`, the gpg keyring).
    fn signature_problem(
        &self,
        command: &str,
        object: &str,
        signed: bool,
        email: &str,
        config: &WorkspaceConfig,
    ) -> Result<Option<String>> {
        let required = config.roles.require_signed;
        let email = crate::text::inert(email);
        Ok(match (signed, config.lead_key(&email)) {
            (false, _) if required => Some(t(ErrMsg::NotSignedRequired).into()),
            (false, _) => None,
            (true, Some(key)) => self
                .verify_signed_with(command, object, &email, key)?
                .err()
                .map(|why| tf(ErrMsg::SignedWrongKey, &[("email", &email), ("why", &why)])),
            (true, None) if required => Some(tf(ErrMsg::SignedNoKey, &[("email", &email)])),
            (true, None) => {
                let checked = match command {
                    "verify-tag" => self.verify_tag_signature(object.trim_start_matches("refs/tags/"))?,
                    _ => self
                        .verify_commit_signature(Oid::from_str(object)?)?
                        .unwrap_or(Ok(())),
                };
                checked
                    .err()
                    .map(|why| tf(ErrMsg::SignatureBad, &[("why", &why)]))
            }
        })
    }

    /// The workspace configuration just before `commit` (at its first parent),
    /// or at `commit` itself for a root commit; `None` if neither parses.
    fn config_before(&self, commit: Oid) -> Option<WorkspaceConfig> {
        let c = self.repo.find_commit(commit).ok()?;
        match c.parent_id(0) {
            Ok(parent) => self.config_at(parent).ok(),
            Err(_) => self.config_at(commit).ok(),
        }
    }

    /// For each decision file, the newest commit that gave it its current
    /// content: the first commit, walking back from `head`, that has the blob
    /// at that path while none of its parents does.
    fn writers(&self, head: Oid, files: &[Written]) -> Result<HashMap<String, Oid>> {
        let mut left: HashMap<&str, Oid> = files.iter().map(|w| (w.path.as_str(), w.blob)).collect();
        let mut found = HashMap::new();
        if left.is_empty() {
            return Ok(found);
        }
        let blob_at = |tree: &git2::Tree<'_>, path: &str| {
            tree.get_path(std::path::Path::new(path)).ok().map(|e| e.id())
        };
        let mut walk = self.repo.revwalk()?;
        walk.push(head)?;
        walk.set_sorting(Sort::TOPOLOGICAL)?;
        for oid in walk {
            let commit = self.repo.find_commit(oid?)?;
            let tree = commit.tree()?;
            let parents = commit
                .parents()
                .map(|p| p.tree())
                .collect::<std::result::Result<Vec<_>, _>>()?;
            // Nothing under strategies/ came from this commit if a parent has it all.
            let strategies = tree.get_name(paths::STRATEGIES).map(|e| e.id());
            if parents
                .iter()
                .any(|p| p.get_name(paths::STRATEGIES).map(|e| e.id()) == strategies)
            {
                continue;
            }
            let done: Vec<&str> = left
                .iter()
                .filter(|(path, blob)| {
                    blob_at(&tree, path) == Some(**blob)
                        && parents.iter().all(|p| blob_at(p, path) != Some(**blob))
                })
                .map(|(path, _)| *path)
                .collect();
            for path in done {
                left.remove(path);
                found.insert(path.to_string(), commit.id());
            }
            if left.is_empty() {
                break;
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_read_as_place_and_problem() {
        let f = Finding {
            place: "tag klima/v1".into(),
            problem: "claims decision x, which does not exist".into(),
        };
        assert_eq!(
            f.to_string(),
            "tag klima/v1: claims decision x, which does not exist"
        );
    }
}
