//! The screens of the TUI, one file each. A screen owns its state and draws
//! from it; it never calls git (that goes through `ui::jobs`).

pub mod approvals;
pub mod document;
pub mod help;
pub mod history;
pub mod overview;
pub mod palette;
pub mod review;
