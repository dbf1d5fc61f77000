//! The review screen.

use super::*;

#[test]
fn review_threads_with_an_outdated_one() {
    snapshot_all("review", |app, fx| {
        comment_on_the_strategy(&fx.repo);
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('4'));
        settle(app, &fx.repo);
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
        key(app, KeyCode::Char('f'));
    });
}
