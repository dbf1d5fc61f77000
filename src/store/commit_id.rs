//! Commits as the layers above the store name them: a type of our own, so
//! the faces never handle git's types.

use std::fmt;
use std::str::FromStr;

use git2::Oid;

/// A commit (or, for [`text_id`], any object) by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommitId(Oid);

impl CommitId {
    /// git's id, for the store and the use cases.
    pub fn oid(self) -> Oid {
        self.0
    }
}

impl From<Oid> for CommitId {
    fn from(oid: Oid) -> CommitId {
        CommitId(oid)
    }
}

impl From<CommitId> for Oid {
    fn from(id: CommitId) -> Oid {
        id.0
    }
}

impl PartialEq<Oid> for CommitId {
    fn eq(&self, other: &Oid) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for CommitId {
    /// The full hexadecimal id, as git writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A string that is not a full hexadecimal commit id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotACommitId(pub String);

impl fmt::Display for NotACommitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = crate::text::inert(&self.0);
        f.write_str(&crate::lang::tf(
            crate::lang::ErrMsg::NotACommitId,
            &[("id", &id)],
        ))
    }
}

impl std::error::Error for NotACommitId {}

impl FromStr for CommitId {
    type Err = NotACommitId;

    fn from_str(s: &str) -> Result<CommitId, NotACommitId> {
        match Oid::from_str(s) {
            Ok(oid) if s.len() == 40 => Ok(CommitId(oid)),
            _ => Err(NotACommitId(s.to_string())),
        }
    }
}

/// The id git gives `bytes` as a blob (hexadecimal): a stable name for a
/// text, such as the folder of one clone's autosaves.
pub fn text_id(bytes: &[u8]) -> String {
    Oid::hash_object(git2::ObjectType::Blob, bytes)
        .map(|o| o.to_string())
        .unwrap_or_else(|_| "0".repeat(40))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_and_other_text_is_refused() {
        let hex = "0123456789abcdef0123456789abcdef01234567";
        let id: CommitId = hex.parse().unwrap();
        assert_eq!(id.to_string(), hex);
        assert!(
            "0123456".parse::<CommitId>().is_err(),
            "an abbreviation is not an id"
        );
        assert!("zz".parse::<CommitId>().is_err());
        // git's own blob id of "hello\n".
        assert_eq!(text_id(b"hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
    }
}
