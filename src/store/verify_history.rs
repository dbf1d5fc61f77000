//! The part of `udkast verify` that reads the whole history, not only the
//! head: who changed the governance of the workspace (`roles.leads`, the
//! bodies, the default route in `udkast.toml`, a document's route in its
//! `strategy.toml`), who must have been a lead as
//! `udkast.toml` listed them just before their commit, so a non-lead cannot
//! promote themselves (one commit adding their e-mail, the next recording
//! "adopted"); and decision files that disappeared, which no one may do (a
//! lead withdraws a decision with a later one), so a decision cannot vanish
//! with `git rm`.

use git2::{Commit, Oid};

use super::{Result, Store, rawtree, short};
use crate::domain::{WorkspaceConfig, paths};
use crate::lang::{ErrMsg, t, tf};

/// The `route` of a `strategy.toml` as written (absent: the default route).
fn route_of(text: &[u8]) -> Option<toml::Value> {
    let table: toml::Table = std::str::from_utf8(text).ok()?.parse().ok()?;
    table.get("route").cloned()
}

/// A problem found in the history: where and what.
pub(super) type Found = (String, String);

impl Store {
    /// Governance changes by non-leads and deleted decisions, reachable from `head`.
    pub(super) fn history_findings(&self, head: Oid) -> Result<Vec<Found>> {
        let mut out = Vec::new();
        let mut walk = self.repo.revwalk()?;
        walk.push(head)?;
        for oid in walk {
            let commit = self.repo.find_commit(oid?)?;
            // A merge (a sync) is answerable only for what differs from
            // every parent: what it took from one side was judged in the
            // commit that made it there.
            let mut found: Option<Vec<Found>> = None;
            for parent in commit.parents() {
                let mut here = Vec::new();
                self.governance_change(&commit, &parent, &mut here)?;
                self.deleted_decisions(&commit, &parent, &mut here)?;
                found = Some(match found {
                    None => here,
                    Some(before) => before.into_iter().filter(|f| here.contains(f)).collect(),
                });
            }
            out.extend(found.unwrap_or_default());
        }
        Ok(out)
    }

    /// `udkast.toml` at `commit`, or `None` when it is missing or unreadable.
    fn config_of(&self, commit: &Commit<'_>) -> Option<WorkspaceConfig> {
        self.config_at(commit.id()).ok()
    }

    /// Whether the route in `strategy.toml` differs between two versions of
    /// a document's folder. A file that does not parse changes nothing here
    /// (the head's files are checked on their own).
    fn route_changed(&self, before: Oid, now: Oid) -> Result<bool> {
        let meta = |folder: Oid| -> Result<Option<Oid>> {
            let tree = self.repo.find_tree(folder)?;
            Ok(tree.get_name(paths::META).map(|e| e.id()))
        };
        let (Some(a), Some(b)) = (meta(before)?, meta(now)?) else {
            return Ok(false);
        };
        if a == b {
            return Ok(false);
        }
        let text = |blob: Oid| -> Result<Vec<u8>> { Ok(self.repo.find_blob(blob)?.content().to_vec()) };
        Ok(route_of(&text(a)?) != route_of(&text(b)?))
    }

    fn governance_change(
        &self,
        commit: &Commit<'_>,
        parent: &Commit<'_>,
        out: &mut Vec<Found>,
    ) -> Result<()> {
        let blob =
            |c: &Commit<'_>| -> Result<Option<Oid>> { Ok(c.tree()?.get_name(paths::CONFIG).map(|e| e.id())) };
        if blob(commit)? == blob(parent)? {
            return Ok(());
        }
        let (Some(now), Some(before)) = (self.config_of(commit), self.config_of(parent)) else {
            return Ok(());
        };
        let mut changed = Vec::new();
        if now.roles.leads != before.roles.leads {
            changed.push("roles.leads");
        }
        if now.roles.keys != before.roles.keys {
            changed.push("roles.keys");
        }
        if now.roles.require_signed != before.roles.require_signed {
            changed.push("roles.require_signed");
        }
        if now.bodies != before.bodies {
            changed.push(t(ErrMsg::ChangedBodies));
        }
        if now.default_route != before.default_route {
            changed.push(t(ErrMsg::ChangedDefaultRoute));
        }
        let email = String::from_utf8_lossy(commit.author().email_bytes()).into_owned();
        if !changed.is_empty() && !before.is_lead(&email) {
            out.push((
                paths::CONFIG.to_string(),
                tf(
                    ErrMsg::ConfigChangedByNonLead,
                    &[
                        ("what", &changed.join(", ")),
                        ("commit", &short(commit.id())),
                        ("who", &who(commit)),
                    ],
                ),
            ));
        }
        Ok(())
    }

    fn deleted_decisions(
        &self,
        commit: &Commit<'_>,
        parent: &Commit<'_>,
        out: &mut Vec<Found>,
    ) -> Result<()> {
        let strategies = |c: &Commit<'_>| -> Result<Option<Oid>> {
            Ok(c.tree()?.get_name(paths::STRATEGIES).map(|e| e.id()))
        };
        let (Some(before), here) = (strategies(parent)?, strategies(commit)?) else {
            return Ok(());
        };
        if here == Some(before) {
            return Ok(());
        }
        let odb = self.repo.odb()?;
        let before_raw = odb.read(before)?.data().to_vec();
        let here_raw = match here {
            Some(h) => odb.read(h)?.data().to_vec(),
            None => Vec::new(),
        };
        // Whether the commit's author was a lead just before it, read once.
        let email = String::from_utf8_lossy(commit.author().email_bytes()).into_owned();
        let mut lead_before = None;
        let mut was_lead =
            || *lead_before.get_or_insert_with(|| self.config_of(parent).is_some_and(|c| c.is_lead(&email)));
        // Folders of the parent that changed (or went) in this commit.
        for (folder, now) in rawtree::changed_folders(&before_raw, &here_raw) {
            let decisions_in = |tree: Oid| -> Result<Vec<(String, Oid)>> {
                let tree = self.repo.find_tree(tree)?;
                let Some(dir) = tree.get_name(paths::DECISIONS) else {
                    return Ok(Vec::new());
                };
                Ok(self
                    .repo
                    .find_tree(dir.id())?
                    .iter()
                    .map(|e| (String::from_utf8_lossy(e.name_bytes()).into_owned(), e.id()))
                    .collect())
            };
            let had = decisions_in(folder.oid())?;
            let slug = String::from_utf8_lossy(folder.name);
            if let Some(now) = now
                && self.route_changed(folder.oid(), now)?
                && !was_lead()
            {
                out.push((
                    format!("{}/{slug}/{}", paths::STRATEGIES, paths::META),
                    tf(
                        ErrMsg::RouteChangedByNonLead,
                        &[("commit", &short(commit.id())), ("who", &who(commit))],
                    ),
                ));
            }
            if had.is_empty() {
                continue;
            }
            let has = match now {
                Some(now) => decisions_in(now)?,
                None => Vec::new(),
            };
            for (name, _) in had.iter().filter(|(n, _)| !has.iter().any(|(m, _)| m == n)) {
                let msg = match was_lead() {
                    true => ErrMsg::DecisionDeletedByLead,
                    false => ErrMsg::DecisionDeletedByNonLead,
                };
                let id = name.strip_suffix(".toml").unwrap_or(name);
                out.push((
                    format!("{}/{slug}/{}/{name}", paths::STRATEGIES, paths::DECISIONS),
                    tf(
                        msg,
                        &[
                            ("commit", &short(commit.id())),
                            ("who", &who(commit)),
                            ("slug", &slug),
                            ("id", &id),
                        ],
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn who(commit: &Commit<'_>) -> String {
    let author = commit.author();
    crate::text::inert(&format!(
        "{} <{}>",
        String::from_utf8_lossy(author.name_bytes()),
        String::from_utf8_lossy(author.email_bytes())
    ))
    .into_owned()
}
