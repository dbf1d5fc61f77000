//! Naming a version of a document: a draft number, `latest`, `approved` (the
//! newest approved-version tag `<slug>/v<N>`), or any commit git understands.

use git2::Oid;

use super::{Result, Store, StoreError};
use crate::domain::{Slug, StrategyMeta};
use crate::lang::{Lang, Msg, tf_in};

/// How a person calls a version: "draft 7", "klima/v2 (draft 5)", "commit
/// 1a2b3c4", worded in the thread's language by `Display` and in a given
/// one by [`VersionName::in_lang`] (JSON keeps English, a Bilag Danish).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionName {
    /// `latest`: the newest draft, by its number.
    Latest(u32),
    Draft(u32),
    /// The newest approved-version tag, and its draft when it is one.
    Approved {
        tag: String,
        draft: Option<u32>,
    },
    /// A commit that is no draft, by its short id.
    Commit(String),
}

impl VersionName {
    /// The name in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let word = |msg: Msg, values: &[(&str, &dyn std::fmt::Display)]| tf_in(lang, msg, values);
        match self {
            VersionName::Latest(n) => word(Msg::VersionLatest, &[("n", n)]),
            VersionName::Draft(n) => word(Msg::VersionDraft, &[("n", n)]),
            VersionName::Approved { tag, draft: Some(n) } => {
                word(Msg::VersionApproved, &[("n", n), ("tag", tag)])
            }
            VersionName::Approved { tag, draft: None } => tag.clone(),
            VersionName::Commit(id) => word(Msg::VersionCommit, &[("commit", id)]),
        }
    }
}

impl std::fmt::Display for VersionName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(crate::lang::current()))
    }
}

/// One version of a document, with its text and metadata.
#[derive(Debug, Clone)]
pub struct Version {
    /// How to call it.
    pub label: VersionName,
    pub commit: Oid,
    pub draft: Option<u32>,
    pub text: String,
    pub meta: StrategyMeta,
}

/// Digits this long are tried as an abbreviated commit first (git's default
/// abbreviation is 7); no document reaches a million drafts.
const ABBREVIATED_COMMIT: usize = 7;

impl Store {
    /// Resolves `spec` for `slug` on the current branch.
    pub fn version(&self, slug: &Slug, spec: &str) -> Result<Version> {
        // The document must exist now; its versions may be older.
        self.entry(slug)?;
        let drafts = self.drafts(slug)?;
        let draft_at = |commit: Oid| drafts.iter().find(|d| d.commit == commit).map(|d| d.number);
        let (commit, label) =
            match spec {
                "latest" => {
                    let last = drafts
                        .last()
                        .ok_or_else(|| StoreError::UnknownStrategy(slug.to_string()))?;
                    (last.commit, VersionName::Latest(last.number))
                }
                "approved" => {
                    let (tag, commit) = self.newest_approved(slug)?;
                    let draft = draft_at(commit);
                    (commit, VersionName::Approved { tag, draft })
                }
                digits
                    if !digits.is_empty()
                        && digits.chars().all(|c| c.is_ascii_digit())
                        && !(digits.len() >= ABBREVIATED_COMMIT && self.names_commit(digits)) =>
                {
                    let number: u32 = digits.parse().map_err(|_| StoreError::BadVersion(spec.into()))?;
                    let draft = drafts.iter().find(|d| d.number == number).ok_or_else(|| {
                        StoreError::NoSuchDraft {
                            slug: slug.to_string(),
                            number,
                            count: drafts.len(),
                        }
                    })?;
                    (draft.commit, VersionName::Draft(number))
                }
                other => {
                    let object = self
                        .repo
                        .revparse_single(other)
                        .map_err(|_| StoreError::BadVersion(crate::text::inert_quote(other)))?;
                    let commit = object
                        .peel_to_commit()
                        .map_err(|_| StoreError::BadVersion(crate::text::inert_quote(other)))?
                        .id();
                    let label = match draft_at(commit) {
                        Some(n) => VersionName::Draft(n),
                        None => VersionName::Commit(super::short(commit)),
                    };
                    (commit, label)
                }
            };
        let entry = self.entry_at(commit, slug)?;
        Ok(Version {
            label,
            commit,
            draft: draft_at(commit),
            text: self.document_text(&entry)?,
            meta: entry.meta,
        })
    }

    /// Whether `spec` names a commit git knows (used for abbreviated hashes
    /// made only of digits, which would otherwise read as a draft number).
    fn names_commit(&self, spec: &str) -> bool {
        self.repo
            .revparse_single(spec)
            .and_then(|o| o.peel_to_commit())
            .is_ok()
    }

    /// Every tag name, by the commit it points to (annotated tags peeled).
    pub fn tags_by_commit(&self) -> Result<std::collections::HashMap<Oid, Vec<String>>> {
        let mut map: std::collections::HashMap<Oid, Vec<String>> = std::collections::HashMap::new();
        for name in self.repo.tag_names(None)?.iter().flatten().flatten() {
            if let Ok(commit) = self
                .repo
                .revparse_single(&format!("refs/tags/{name}"))
                .and_then(|o| o.peel_to_commit())
            {
                map.entry(commit.id()).or_default().push(name.to_string());
            }
        }
        Ok(map)
    }

    /// The newest approved-version tag of `slug` (highest N of `<slug>/v<N>`).
    fn newest_approved(&self, slug: &Slug) -> Result<(String, Oid)> {
        self.approved_tags(Some(slug))?
            .into_iter()
            .max_by_key(|t| t.number)
            .map(|t| (t.name, t.target))
            .ok_or_else(|| StoreError::NoApprovedVersion(slug.to_string()))
    }
}
