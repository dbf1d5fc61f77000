//! The text-editing core of the editor screen: a rope buffer with a cursor that
//! only ever rests on grapheme boundaries, selection, grouped undo, motions, soft
//! wrap and search. It knows nothing of ratatui or the terminal, so every rule
//! about what a keystroke does to the text can be tested without a screen.
//!
//! - [`buffer`]: [`Buffer`], the text plus cursor, selection and the edit commands;
//! - `history`: undo/redo as recorded changes, grouped like a word processor;
//! - [`motion`]: where each [`Motion`] takes the cursor;
//! - [`layout`]: how a line is shown (cells, tabs, control characters, soft wrap),
//!   shared by drawing and by Up/Down so the two can never disagree; where a
//!   wrapped row may end is `text::breaks`, shared with the diff's wrap;
//! - [`search`]: find and replace with smart case;
//! - `grapheme`: grapheme boundaries over the rope's chunks.
//!
//! Every operation works on the cursor's line or paragraph, never the whole
//! document, so a 10,000-line strategy stays as quick as a short note. Search and
//! replace-all are the exceptions: they are explicit requests to look everywhere.

pub mod buffer;
mod grapheme;
mod history;
pub mod layout;
pub mod motion;
pub mod search;

#[cfg(test)]
mod buffer_tests;
#[cfg(test)]
mod proptests;

pub use buffer::Buffer;
pub use history::Clock;
pub use layout::{Cell, Layout, PLACEHOLDER, VisualLine, display_grapheme};
pub use motion::Motion;
