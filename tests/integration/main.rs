//! The end-to-end tests in one test binary, as ripgrep has them, so the crate
//! and its dependencies are linked once rather than once per file. Each module
//! is a group of tests; `common` is the harness they share: the real `udkast`
//! and plain `git` with their own HOME and identity, approvals helpers, and a
//! pseudo-terminal.

mod common;

mod approvals;
mod blame;
mod cache;
mod cli;
mod cli_lang;
mod comments;
mod completion;
mod concurrency;
mod diff_cli;
mod errors;
mod export;
mod formats;
mod layers;
mod sync;
mod sync_trust;
mod trust;
mod tui;
mod verify;
