//! A document's approval route changed by a lead (`udkast route`): a draft
//! like any other change of `strategy.toml`, shown in the history, which
//! leaves the approvals already given standing (the text did not change).

use super::Refused;
use crate::domain::{Route, Slug};
use crate::lang::{CliMsg, ErrMsg, t, tf};
use crate::store::{CommitId, Store, StoreError};

/// A route set.
#[derive(Debug, Clone)]
pub struct Rerouted {
    pub slug: Slug,
    pub was: Route,
    pub route: Route,
    pub draft: u32,
    pub commit: CommitId,
}

impl Rerouted {
    /// What `udkast route` prints, in the thread's language.
    pub fn report(&self) -> String {
        tf(
            CliMsg::RouteSet,
            &[
                ("slug", &self.slug),
                ("route", &self.route),
                ("was", &self.was),
                ("draft", &self.draft),
                ("commit", &crate::store::short(self.commit)),
            ],
        )
    }
}

/// Sets `slug`'s route to the bodies `ids` name (as `--route` takes them);
/// leads only.
pub fn set_route(store: &Store, slug: &Slug, ids: &[String]) -> Result<Rerouted, Refused> {
    let (head, entry) = store.entry(slug)?;
    let config = store.config()?;
    let author = store.lead_identity(&config, t(ErrMsg::LeadChangeRoutes))?;
    let route = config
        .resolve_route(ids)
        .map_err(|e| StoreError::BadInput(e.to_string()))?;
    let was = entry.meta.effective_route(&config).clone();
    if route == was {
        return Err(
            StoreError::BadInput(tf(ErrMsg::RouteAlready, &[("slug", slug), ("route", &route)])).into(),
        );
    }
    let mut meta = entry.meta.clone();
    meta.route = Some(route.clone());
    let message = format!("Route: {route} (was {was})");
    let (commit, draft) = super::save_meta(store, (slug, head), &meta, &author, &message)?;
    Ok(Rerouted {
        slug: slug.clone(),
        was,
        route,
        draft,
        commit,
    })
}
