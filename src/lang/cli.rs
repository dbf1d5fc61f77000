//! What the command line says: its headings, labels and reports, in both
//! languages. Errors are in [`super::errors`].

catalogue! {
    /// A message of the command line, by key.
    pub enum CliMsg;

    CurrentFolder: "cannot read the current folder: {error}", "den aktuelle mappe kan ikke læses: {error}";
}
