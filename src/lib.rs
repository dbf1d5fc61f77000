//! udkast: a terminal workbench for drafting strategies and work plans in git.
//!
//! Layers, each knowing only those before it:
//! - [`domain`]: the words of the product and their validation (no I/O);
//! - [`store`]: the workspace in git, drafts, compare-and-swap writes;
//! - [`usecase`]: what a person does (save, …), once for both faces;
//! - [`cli`] and [`ui`]: the command line and the terminal interface.

pub mod cli;
pub mod diff;
pub mod dirs;
pub mod domain;
pub mod editor;
pub mod markdown;
pub mod sample;
pub mod store;
pub mod text;
pub mod ui;
pub mod usecase;
