//! The error sentences of the domain, the store and the use cases, in both
//! languages: each one sentence a user can act on.

catalogue! {
    /// An error sentence, by key.
    pub enum ErrMsg;

    NotARepository:
        "{path} is not inside a git repository (run `udkast init` there, or pass --repo)",
        "{path} ligger ikke i et git-repository (kør `udkast init` der, eller angiv --repo)";
}
