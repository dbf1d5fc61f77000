//! Approved versions as annotated tags `<slug>/v<N>`: listing them, making a
//! new one, and checking signatures.
//!
//! Tags are made and signatures checked by the user's own `git` (`git tag -a`,
//! `git verify-tag`, `git verify-commit`), not by git2: signing must follow
//! the user's configuration exactly — `tag.gpgSign`, `gpg.format` (openpgp,
//! ssh, x509), `user.signingKey`, their gpg-agent or ssh-agent and
//! `gpg.ssh.allowedSignersFile` — which only git itself implements. Unsigned
//! tags go the same way so there is one code path, and a tag udkast makes is
//! exactly the tag `git tag -a` would make.

use std::io::Write;
use std::process::{Command, Stdio};

use git2::{ObjectType, Oid, Signature};

use super::{Result, Store, StoreError};
use crate::domain::{Slug, TagClaims, parse_tag_message, parse_tag_name, strip_signature, tag_name};
use crate::lang::{ErrMsg, t};

/// A signature that git does not accept, with git's reason (its most telling
/// line of stderr).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct BadSignature(pub String);

/// One approved-version tag of a document.
#[derive(Debug, Clone)]
pub struct ApprovedTag {
    /// `klima/v2`.
    pub name: String,
    pub slug: Slug,
    pub number: u32,
    /// The commit it points to.
    pub target: Oid,
    /// False for a lightweight tag (a bare ref, no message, no tagger).
    pub annotated: bool,
    pub tagger_name: String,
    pub tagger_email: String,
    pub time: Option<jiff::Zoned>,
    /// The message without its signature.
    pub message: String,
    pub signed: bool,
    pub claims: TagClaims,
}

/// Environment variables that make git look at another repository than the one
/// we name with `--git-dir` (a hook sets them). git2 ignores them, so the git
/// we run must too, or the two would read different repositories.
const REPO_ENV: [&str; 8] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_QUARANTINE_PATH",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
];

impl Store {
    /// Every approved-version tag, of every document (`slug` `None`) or one.
    pub fn approved_tags(&self, slug: Option<&Slug>) -> Result<Vec<ApprovedTag>> {
        let mut tags = Vec::new();
        for reference in self.repo.references_glob("refs/tags/*")? {
            let reference = reference?;
            let Some(name) = reference.name().ok().and_then(|n| n.strip_prefix("refs/tags/")) else {
                continue;
            };
            let Some((tag_slug, number)) = parse_tag_name(name) else {
                continue;
            };
            if slug.is_some_and(|s| s != &tag_slug) {
                continue;
            }
            let Some(oid) = reference.target() else { continue };
            let object = self.repo.find_object(oid, None)?;
            let Ok(target) = object.peel_to_commit().map(|c| c.id()) else {
                continue;
            };
            let mut tag = ApprovedTag {
                name: name.to_string(),
                slug: tag_slug,
                number,
                target,
                annotated: false,
                tagger_name: String::new(),
                tagger_email: String::new(),
                time: None,
                message: String::new(),
                signed: false,
                claims: TagClaims::default(),
            };
            if object.kind() == Some(ObjectType::Tag) {
                let annotated = self.repo.find_tag(oid)?;
                let raw = String::from_utf8_lossy(annotated.message_bytes().unwrap_or_default()).into_owned();
                let (message, signed) = strip_signature(&raw);
                tag.annotated = true;
                tag.message = message.to_string();
                tag.signed = signed;
                tag.claims = parse_tag_message(message);
                if let Some(who) = annotated.tagger() {
                    tag.tagger_name = String::from_utf8_lossy(who.name_bytes()).into_owned();
                    tag.tagger_email = String::from_utf8_lossy(who.email_bytes()).into_owned();
                    tag.time = Some(super::history::zoned(who.when()));
                }
            }
            tags.push(tag);
        }
        tags.sort_by(|a, b| (&a.slug, a.number).cmp(&(&b.slug, b.number)));
        Ok(tags)
    }

    /// Tags `commit` as the next approved version of `slug` with the message
    /// `message(number)`, as `tagger`. Signed when the user's git configuration
    /// signs tags (`tag.gpgSign`). Returns the tag's name and whether it is signed.
    pub fn create_approved_tag(
        &self,
        slug: &Slug,
        commit: Oid,
        tagger: &Signature<'_>,
        message: &dyn Fn(u32) -> String,
    ) -> Result<(String, bool)> {
        // Another lead may take the number between our look and git's write;
        // git refuses to overwrite a tag, so we take the next one.
        for _ in 0..20 {
            let number = self
                .approved_tags(Some(slug))?
                .iter()
                .map(|t| t.number)
                .max()
                .unwrap_or(0)
                + 1;
            let name = tag_name(slug, number);
            let text = message(number);
            let result = self.git(
                &[
                    "tag",
                    "-a",
                    "--cleanup=whitespace",
                    "-F",
                    "-",
                    &name,
                    &commit.to_string(),
                ],
                Some(tagger),
                Some(text.as_bytes()),
            );
            match result {
                Ok(_) => {
                    let signed = self
                        .approved_tags(Some(slug))?
                        .into_iter()
                        .any(|t| t.name == name && t.signed);
                    return Ok((name, signed));
                }
                Err(e) => {
                    if self.repo.find_reference(&format!("refs/tags/{name}")).is_ok() {
                        continue;
                    }
                    return Err(e);
                }
            }
        }
        Err(StoreError::TooBusy(20))
    }

    /// Checks a tag's signature with `git verify-tag`.
    pub fn verify_tag_signature(&self, name: &str) -> Result<std::result::Result<(), BadSignature>> {
        self.verify_signature("verify-tag", &format!("refs/tags/{name}"))
    }

    /// Checks a commit's signature with `git verify-commit`, if it has one.
    pub fn verify_commit_signature(
        &self,
        commit: Oid,
    ) -> Result<Option<std::result::Result<(), BadSignature>>> {
        if self.repo.extract_signature(&commit, None).is_err() {
            return Ok(None);
        }
        self.verify_signature("verify-commit", &commit.to_string())
            .map(Some)
    }

    fn verify_signature(&self, command: &str, object: &str) -> Result<std::result::Result<(), BadSignature>> {
        match self.git(&[command, object], None, None) {
            Ok(_) => Ok(Ok(())),
            Err(StoreError::GitCommand { message, .. }) => Ok(Err(BadSignature(message))),
            Err(e) => Err(e),
        }
    }

    /// A new commit object with `author` as author and committer. Signed, as
    /// `git commit` would sign it, when the user's git signs commits
    /// (`commit.gpgSign`): then made by the user's own git (`git commit-tree
    /// -S`), which follows their signing configuration exactly.
    pub(super) fn make_commit(
        &self,
        author: &Signature<'_>,
        message: &str,
        tree: &git2::Tree<'_>,
        parents: &[&git2::Commit<'_>],
    ) -> Result<Oid> {
        let signs = self.signing.get()
            && self
                .repo
                .config()
                .and_then(|c| c.get_bool("commit.gpgsign"))
                .unwrap_or(false);
        if !signs {
            return Ok(self.repo.commit(None, author, author, message, tree, parents)?);
        }
        let ids: Vec<String> = std::iter::once(tree.id())
            .chain(parents.iter().map(|p| p.id()))
            .map(|id| id.to_string())
            .collect();
        let mut args = vec!["commit-tree", ids[0].as_str()];
        for parent in &ids[1..] {
            args.extend(["-p", parent.as_str()]);
        }
        args.extend(["-S", "-F", "-"]);
        let out = self.git(&args, Some(author), Some(message.as_bytes()))?;
        Oid::from_str(String::from_utf8_lossy(&out).trim()).map_err(Into::into)
    }

    /// Checks the signature of a commit (`verify-commit`) or a tag
    /// (`verify-tag`, `refs/tags/…`) against one lead's listed key: good only
    /// when it was made with that key.
    pub(super) fn verify_signed_with(
        &self,
        command: &str,
        object: &str,
        email: &str,
        key: &str,
    ) -> Result<std::result::Result<(), BadSignature>> {
        let dir = self.private_dir().join("tmp");
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(t(ErrMsg::CannotCreateTemp), e))?;
        let mut signers = tempfile::NamedTempFile::new_in(&dir)
            .map_err(|e| StoreError::io(t(ErrMsg::CannotCreateTemp), e))?;
        writeln!(signers, "{email} namespaces=\"git\" {}", key.trim())
            .map_err(|e| StoreError::io(t(ErrMsg::CannotWriteTemp), e))?;
        let setting = format!("gpg.ssh.allowedSignersFile={}", signers.path().display());
        match self.git(&["-c", &setting, command, object], None, None) {
            Ok(_) => Ok(Ok(())),
            Err(StoreError::GitCommand { message, .. }) => Ok(Err(BadSignature(message))),
            Err(e) => Err(e),
        }
    }

    /// Runs the user's git on this repository, as `identity` (author and
    /// committer, with its time) when given. A failure carries git's most
    /// telling line of stderr.
    pub(super) fn git(
        &self,
        args: &[&str],
        identity: Option<&Signature<'_>>,
        input: Option<&[u8]>,
    ) -> Result<Vec<u8>> {
        let mut command = Command::new("git");
        command
            .arg("--git-dir")
            .arg(self.repo.path())
            .args(args)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for var in REPO_ENV {
            command.env_remove(var);
        }
        if let Some(who) = identity {
            let name = String::from_utf8_lossy(who.name_bytes());
            let email = String::from_utf8_lossy(who.email_bytes());
            let when = who.when();
            let minutes = when.offset_minutes();
            let sign = if minutes < 0 { '-' } else { '+' };
            let date = format!(
                "@{} {sign}{:02}{:02}",
                when.seconds(),
                minutes.abs() / 60,
                minutes.abs() % 60
            );
            for (var, value) in [
                ("GIT_AUTHOR_NAME", name.as_ref()),
                ("GIT_AUTHOR_EMAIL", email.as_ref()),
                ("GIT_AUTHOR_DATE", date.as_str()),
                ("GIT_COMMITTER_NAME", name.as_ref()),
                ("GIT_COMMITTER_EMAIL", email.as_ref()),
                ("GIT_COMMITTER_DATE", date.as_str()),
            ] {
                command.env(var, value);
            }
        }
        let mut child = command.spawn().map_err(|e| StoreError::NoGit(e.to_string()))?;
        if let Some(bytes) = input {
            let mut stdin = child.stdin.take().expect("stdin was piped above");
            stdin
                .write_all(bytes)
                .map_err(|e| StoreError::io(t(ErrMsg::CannotWriteToGit), e))?;
        }
        let output = child
            .wait_with_output()
            .map_err(|e| StoreError::io(t(ErrMsg::CannotWaitForGit), e))?;
        if output.status.success() {
            return Ok(output.stdout);
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        let lines: Vec<&str> = stderr.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let message = lines
            .iter()
            .find(|l| l.starts_with("error:") || l.starts_with("fatal:"))
            .or(lines.last())
            .map(|l| {
                l.trim_start_matches("error:")
                    .trim_start_matches("fatal:")
                    .trim()
                    .to_string()
            })
            .unwrap_or_else(|| format!("exit status {}", output.status));
        Err(StoreError::GitCommand {
            command: args.first().copied().unwrap_or("").to_string(),
            message,
        })
    }
}
