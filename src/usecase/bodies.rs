//! The governing bodies of a workspace (`[[body]]` in `udkast.toml`):
//! listed by anyone, added and renamed by a lead, each change a commit of its
//! own like any other, which `udkast verify` checks was a lead's.

use super::Refused;
use crate::domain::{Body, BodyId, BodyKind, paths};
use crate::lang::{CliMsg, ErrMsg, t, tf};
use crate::store::{Change, CommitId, Store, StoreError};

/// A body added or renamed.
#[derive(Debug, Clone)]
pub struct BodyChanged {
    pub body: Body,
    /// Its name before, for a rename.
    pub was: Option<String>,
    pub commit: CommitId,
}

impl BodyChanged {
    /// The line `udkast body add|rename` prints, in the thread's language.
    pub fn report(&self) -> String {
        let b = &self.body;
        let name = crate::text::inert(&b.name);
        let commit = crate::store::short(self.commit);
        match &self.was {
            Some(was) => tf(
                CliMsg::BodyRenamed,
                &[
                    ("id", &b.id),
                    ("commit", &commit),
                    // Last, as names may have braces of their own.
                    ("was", &crate::text::inert(was)),
                    ("name", &name),
                ],
            ),
            None => tf(
                CliMsg::BodyAdded,
                &[
                    ("id", &b.id),
                    ("kind", &b.kind.as_str()),
                    ("commit", &commit),
                    ("name", &name),
                ],
            ),
        }
    }
}

/// The workspace's bodies, in the order `udkast.toml` lists them.
pub fn bodies(store: &Store) -> Result<Vec<Body>, Refused> {
    Ok(store.snapshot()?.config.bodies)
}

/// Adds a body: `id` in any case (`fou` is FOU), a one-line name, a kind.
pub fn add_body(store: &Store, id: &str, name: &str, kind: &str) -> Result<BodyChanged, Refused> {
    let id = id.trim().to_uppercase();
    BodyId::check(&id).map_err(|e| StoreError::BadInput(e.to_string()))?;
    let kind: BodyKind = kind
        .parse()
        .map_err(|e: crate::domain::BadValue| StoreError::BadInput(e.to_string()))?;
    let name = one_line(name)?;
    change(store, t(ErrMsg::LeadAddBodies), |config| {
        if let Some(there) = config.body(&id) {
            return Err(StoreError::BadInput(tf(
                ErrMsg::BodyExists,
                &[("id", &id), ("name", &crate::text::inert(&there.name))],
            )));
        }
        let body = Body {
            id: BodyId(id.clone()),
            name: name.clone(),
            kind,
        };
        config.bodies.push(body.clone());
        Ok((body, None))
    })
}

/// Gives a body a new name; its id, which decisions and routes use, stays.
pub fn rename_body(store: &Store, id: &str, name: &str) -> Result<BodyChanged, Refused> {
    let id = id.trim().to_uppercase();
    let name = one_line(name)?;
    change(store, t(ErrMsg::LeadRenameBodies), |config| {
        let known: Vec<String> = config.bodies.iter().map(|b| b.id.0.clone()).collect();
        let body = config.bodies.iter_mut().find(|b| b.id.0 == id).ok_or_else(|| {
            StoreError::BadInput(tf(
                ErrMsg::UnknownBodyKnown,
                &[("id", &crate::text::inert(&id)), ("known", &known.join(", "))],
            ))
        })?;
        if body.name == name {
            return Err(StoreError::BadInput(tf(
                ErrMsg::BodyAlreadyCalled,
                &[("id", &id), ("name", &crate::text::inert(&name))],
            )));
        }
        let was = std::mem::replace(&mut body.name, name.clone());
        Ok((body.clone(), Some(was)))
    })
}

fn one_line(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    crate::domain::check_line(t(ErrMsg::FieldTheName), name)
        .map_err(|e| StoreError::BadInput(e.to_string()))?;
    Ok(name.to_string())
}

/// Reads `udkast.toml` at the head, lets `edit` change it, and commits it as
/// the user, who must be a lead.
fn change(
    store: &Store,
    action: &'static str,
    edit: impl FnOnce(&mut crate::domain::WorkspaceConfig) -> Result<(Body, Option<String>), StoreError>,
) -> Result<BodyChanged, Refused> {
    let snapshot = store.snapshot()?;
    let mut config = snapshot.config.clone();
    let author = store.lead_identity(&config, action)?;
    let (body, was) = edit(&mut config)?;
    let message = match &was {
        Some(was) => format!("Body {} renamed: {was} → {}\n", body.id, body.name),
        None => format!("Body {} added: {} ({})\n", body.id, body.name, body.kind.as_str()),
    };
    let change = Change::default().put(paths::CONFIG, config.to_toml());
    let saved = store.commit_change(Some(snapshot.commit), &change, &author, &|_, _| {
        Ok(message.clone())
    })?;
    Ok(BodyChanged {
        body,
        was,
        commit: saved.commit.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample with its user set as one of its leads.
    fn as_lead() -> (tempfile::TempDir, Store) {
        let (dir, repo, _) = super::super::sample();
        let git = git2::Repository::open(&repo).unwrap();
        let mut config = git.config().unwrap();
        config.set_str("user.name", "Mette Holm").unwrap();
        config.set_str("user.email", "mette.holm@aaby.dk").unwrap();
        (dir, Store::open(&repo).unwrap())
    }

    #[test]
    fn a_lead_adds_and_renames_a_body() {
        let (_dir, store) = as_lead();
        let added = add_body(&store, " fou ", "Forebyggelsesudvalget", "udvalg").unwrap();
        assert_eq!(added.body.id.0, "FOU");
        assert_eq!(added.body.kind, BodyKind::Committee);
        assert!(
            added
                .report()
                .starts_with("Added FOU \"Forebyggelsesudvalget\" (committee)")
        );
        let renamed = rename_body(&store, "FOU", "Sundheds- og Forebyggelsesudvalget").unwrap();
        assert_eq!(renamed.was.as_deref(), Some("Forebyggelsesudvalget"));
        let now = bodies(&store).unwrap();
        assert_eq!(now.last().unwrap().name, "Sundheds- og Forebyggelsesudvalget");
        let message = |commit: CommitId| {
            let c = store.repo().find_commit(commit.into()).unwrap();
            c.message().unwrap().to_string()
        };
        assert_eq!(
            message(added.commit),
            "Body FOU added: Forebyggelsesudvalget (committee)\n"
        );
        assert!(message(renamed.commit).starts_with("Body FOU renamed: Forebyggelsesudvalget → "));
    }

    #[test]
    fn a_non_lead_is_refused() {
        let (_dir, _repo, store) = super::super::sample();
        let head = store.head().unwrap();
        let e = add_body(&store, "FOU", "Forebyggelsesudvalget", "committee").unwrap_err();
        assert!(e.to_string().contains("leads"), "{e}");
        assert!(rename_body(&store, "DIR", "Direktion").is_err());
        assert_eq!(store.head().unwrap(), head);
    }

    #[test]
    fn bad_bodies_are_refused_and_nothing_is_written() {
        let (_dir, store) = as_lead();
        let head = store.head().unwrap();
        let refused = |r: Result<BodyChanged, Refused>| r.unwrap_err().to_string();
        assert!(refused(add_body(&store, "DIR", "Direktion", "administrative")).contains("already"));
        assert!(refused(add_body(&store, "F O U", "x", "committee")).contains("body id"));
        assert!(refused(add_body(&store, "FOU", "x", "udvalgene")).contains("unknown kind"));
        assert!(refused(add_body(&store, "FOU", "a\nb", "committee")).contains("the name must be one line"));
        assert!(refused(add_body(&store, "FOU", "", "committee")).contains("the name is empty"));
        assert!(refused(rename_body(&store, "XYZ", "x")).contains("unknown body \"XYZ\""));
        assert_eq!(store.head().unwrap(), head);
    }
}
