//! Quick line comparisons for the editor: the gutter's marks and the short
//! list of changed lines a recovery offer shows.

use std::time::Duration;

/// How a line differs from the latest draft, for the gutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Same,
    Added,
    Changed,
    /// Lines were removed just before this one.
    RemovedBefore,
}

/// Per line of `current`: how it differs from `saved` (one more entry than
/// lines, for removals at the end).
pub fn line_marks(saved: &str, current: &str) -> Vec<Mark> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .timeout(Duration::from_millis(50))
        .diff_lines(saved, current);
    let lines = current.lines().count().max(1) + 1;
    let mut marks = vec![Mark::Same; lines];
    for op in diff.ops() {
        match *op {
            similar::DiffOp::Equal { .. } => {}
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => {
                marks[new_index..(new_index + new_len).min(lines)].fill(Mark::Added);
            }
            similar::DiffOp::Replace {
                new_index, new_len, ..
            } => {
                marks[new_index..(new_index + new_len).min(lines)].fill(Mark::Changed);
            }
            similar::DiffOp::Delete { new_index, .. } => {
                if let Some(m) = marks.get_mut(new_index)
                    && *m == Mark::Same
                {
                    *m = Mark::RemovedBefore;
                }
            }
        }
    }
    marks
}

/// The lines `new` removed (`false`) or added (`true`) against `old`, in order.
pub fn changed_lines<'a>(old: &'a str, new: &'a str) -> Vec<(bool, &'a str)> {
    let (old_lines, new_lines) = (crate::text::lines(old), crate::text::lines(new));
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old_lines, &new_lines);
    let mut out = Vec::new();
    for op in ops {
        for change in op.iter_changes(&old_lines, &new_lines) {
            match change.tag() {
                similar::ChangeTag::Delete => out.push((false, change.value())),
                similar::ChangeTag::Insert => out.push((true, change.value())),
                similar::ChangeTag::Equal => {}
            }
        }
    }
    out
}
