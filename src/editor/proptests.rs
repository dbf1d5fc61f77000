//! Property tests: undo and redo are exact, the cursor never leaves a grapheme
//! boundary, and wrapping covers a line exactly once within the width.
