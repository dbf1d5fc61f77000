//! udkast: a terminal workbench for drafting strategies and work plans in git.
//!
//! Layers, each knowing only those before it (`tests/integration/layers.rs`
//! checks every file's uses against this order):
//! - [`text`]: making untrusted text inert; splitting text into lines;
//! - [`markdown`]: a document's headings, the one parser for them;
//! - [`dirs`]: the user's own folders (state and configuration);
//! - [`domain`]: the words of the product and their validation (no I/O);
//! - [`diff`]: comparing two texts (the only user of `similar`), the views
//!   of a diff, placing a thread's passage on another version;
//! - [`editor`]: the text buffer, its motions, undo and layout on screen;
//! - [`store`]: the workspace in git (the only user of `git2` with the two
//!   below), drafts, compare-and-swap writes, decisions, tags, verify;
//! - [`remote`]: the network, through the user's own `git` (fetch, push,
//!   the askpass that asks for a password in udkast's own prompt);
//! - [`export`]: a draft as a Bilag for the agenda (DOCX with tracked changes,
//!   PDF, HTML), from texts, decisions and threads handed to it;
//! - [`usecase`]: what a person does (open, save, compare, comment, decide,
//!   tag, verify, …), one function each, for both faces;
//! - [`sample`]: the bundled sample and its replayed history;
//! - [`ui`] and [`cli`]: the terminal interface and the command line.

pub mod cli;
pub mod diff;
pub mod dirs;
pub mod domain;
pub mod editor;
pub mod export;
pub mod lang;
pub mod markdown;
pub mod remote;
pub mod sample;
pub mod store;
pub mod text;
pub mod ui;
pub mod usecase;
