//! A standard unified diff (`---`/`+++`/`@@` hunks) of two versions of a
//! file, which `git apply`, `patch` and `delta` read: what `udkast diff
//! --patch` prints instead of the line-numbered view meant for a terminal.

use similar::{Algorithm, TextDiff};

/// The patch that turns `old` into `new`, both as the file at `path` (in the
/// repository, `a/` and `b/` before it as git writes them), with three lines
/// of context; empty when they are equal.
pub fn patch(old: &str, new: &str, path: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(old, new);
    let mut out = format!("diff --git a/{path} b/{path}\n");
    out.push_str(
        &diff
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_with_headers_and_the_missing_newline_said() {
        let p = patch("a\nb\nc\n", "a\nB\nc", "strategies/klima/document.md");
        assert!(
            p.starts_with(
                "diff --git a/strategies/klima/document.md b/strategies/klima/document.md\n\
             --- a/strategies/klima/document.md\n+++ b/strategies/klima/document.md\n@@ -1,3 +1,3 @@\n"
            ),
            "{p}"
        );
        // The last line lost its line end: it is removed and added, and said.
        assert!(
            p.ends_with("-b\n-c\n+B\n+c\n\\ No newline at end of file\n"),
            "{p}"
        );
        assert_eq!(patch("same\n", "same\n", "x"), "");
    }
}
