//! `udkast init`: make a repository a workspace by committing `udkast.toml`.

use std::path::Path;

use super::Template;
use super::output::{Failure, write_stdout};
use crate::domain::{Body, BodyId, BodyKind, FORMAT_VERSION, Roles, WorkspaceConfig, paths};
use crate::lang::{CliMsg, t, tf};
use crate::store::{Change, Store, StoreError, short};

/// The bodies of a Danish municipality's usual route and its standing committees.
pub fn municipality(name: &str, lead_email: &str) -> WorkspaceConfig {
    let body = |id: &str, name: &str, kind| Body {
        id: BodyId(id.into()),
        name: name.into(),
        kind,
    };
    WorkspaceConfig {
        format: FORMAT_VERSION,
        name: name.into(),
        language: "da".into(),
        default_route: crate::domain::Route::sequential(["DIR", "ØKE", "BYR"].map(|b| BodyId(b.to_string()))),
        roles: Roles {
            leads: vec![lead_email.to_string()],
            ..Roles::default()
        },
        // The body row of a real agenda item, in its order.
        bodies: vec![
            body("DIR", "Direktionen", BodyKind::Administrative),
            body("FOU", "Forebyggelsesudvalget", BodyKind::Committee),
            body("BFU", "Børne- og Familieudvalget", BodyKind::Committee),
            body("SOS", "Social- og Sundhedsudvalget", BodyKind::Committee),
            body("BSK", "Beskæftigelsesudvalget", BodyKind::Committee),
            body("KFU", "Kultur- og Fritidsudvalget", BodyKind::Committee),
            body("BYP", "Byplanudvalget", BodyKind::Committee),
            body("TMU", "Teknik- og Miljøudvalget", BodyKind::Committee),
            body("ØKE", "Økonomi- og Erhvervsudvalget", BodyKind::Committee),
            body("BYR", "Byrådet", BodyKind::Council),
        ],
    }
}

pub fn init(repo: &Path, template: Template) -> Result<(), Failure> {
    let store = Store::open_or_init(repo)?;
    let head = store.head()?;
    if let Some(head) = head {
        let tree = store
            .repo()
            .find_commit(head)
            .and_then(|c| c.tree())
            .map_err(StoreError::from)?;
        if tree.get_name(paths::CONFIG).is_some() {
            return Err(StoreError::AlreadyAWorkspace(store.branch_short()).into());
        }
    }
    let author = store.identity()?;
    let email = String::from_utf8_lossy(author.email_bytes()).into_owned();
    let folder = repo.canonicalize().unwrap_or(repo.to_path_buf());
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Workspace".into());
    let config = match template {
        Template::Municipality => municipality(&name, &email),
    };
    let change = Change::default().put(paths::CONFIG, config.to_toml());
    let saved = store.commit_change(head, &change, &author, &|_, _| {
        Ok("Create udkast workspace\n".into())
    })?;
    let line = tf(
        CliMsg::Initialised,
        &[
            ("folder", &folder.display()),
            ("commit", &short(saved.commit)),
            ("branch", &store.branch_short()),
            ("email", &email),
            // Last, as a folder's name may have braces of its own.
            ("name", &crate::text::inert(&name)),
        ],
    );
    write_stdout(format!("{line}\n{}\n", t(CliMsg::InitBodies)).as_bytes())
}
