//! Checking the workspace's decisions and approved versions against its
//! history and roles (`udkast verify`, and the check a server's pre-receive
//! hook runs).

use super::Refused;
use crate::lang::{CliMsg, t, tf};
use crate::store::{Store, Verification};

/// What `verify` found, on which branch.
#[derive(Debug)]
pub struct Verified {
    pub verification: Verification,
    pub branch: String,
}

impl Verified {
    /// True when nothing is wrong.
    pub fn ok(&self) -> bool {
        self.verification.findings.is_empty()
    }

    /// One sentence in the thread's language: what was checked, or how
    /// many problems were found.
    pub fn summary(&self) -> String {
        let v = &self.verification;
        let count = |n: usize, one: CliMsg, many: CliMsg| match n {
            1 => t(one).to_string(),
            n => tf(many, &[("n", &n)]),
        };
        match v.findings.len() {
            0 => tf(
                CliMsg::VerifiedAll,
                &[
                    (
                        "documents",
                        &count(
                            v.strategies,
                            CliMsg::VerifiedDocumentOne,
                            CliMsg::VerifiedDocuments,
                        ),
                    ),
                    (
                        "decisions",
                        &count(
                            v.decisions,
                            CliMsg::VerifiedDecisionOne,
                            CliMsg::VerifiedDecisions,
                        ),
                    ),
                    (
                        "versions",
                        &count(v.tags, CliMsg::VerifiedVersionOne, CliMsg::VerifiedVersions),
                    ),
                    ("branch", &self.branch),
                ],
            ),
            n => count(n, CliMsg::VerifyProblemOne, CliMsg::VerifyProblems),
        }
    }
}

/// Checks every decision and approved-version tag on the branch.
pub fn verify(store: &Store) -> Result<Verified, Refused> {
    Ok(Verified {
        verification: store.verify()?,
        branch: store.branch_short(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("demo");
        crate::sample::build_demo(&repo).unwrap();
        let verified = verify(&Store::open(&repo).unwrap()).unwrap();
        assert!(verified.ok(), "{:?}", verified.verification.findings);
        assert!(
            verified.summary().ends_with(": all in order"),
            "{}",
            verified.summary()
        );
    }
}
