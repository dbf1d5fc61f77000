//! `udkast demo`: the sample workspace, with history, in a fresh folder, opened
//! in the terminal interface (or, without a terminal, its location printed).

use std::path::PathBuf;

use super::output::{Failure, write_stdout};
use crate::lang::{CliMsg, tf};

pub fn demo(dir: Option<PathBuf>) -> Result<(), Failure> {
    let dir = match dir {
        Some(dir) if dir.exists() => {
            return Err(Failure::new(tf(
                CliMsg::DemoExists,
                &[("folder", &dir.display())],
            )));
        }
        Some(dir) => dir,
        None => tempfile::Builder::new()
            .prefix("udkast-demo-")
            .tempdir()
            .map_err(|e| Failure::new(tf(CliMsg::DemoNoTemp, &[("error", &e)])))?
            .keep(),
    };
    let drafts = crate::sample::build_demo(&dir)?;
    let lead = crate::sample::make_user_a_lead(&dir)?;
    // From here on, udkast speaks the demo's language, not the folder's it
    // was started in.
    crate::lang::speak(super::speak::language(crate::lang::flag(), Some(&dir)));
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return super::open_tui(&dir);
    }
    let ready = tf(
        CliMsg::DemoReady,
        &[("drafts", &drafts), ("folder", &dir.display())],
    );
    let try_it = tf(CliMsg::DemoTry, &[("folder", &dir.display())]);
    let mut text = format!("{ready}\n{try_it}\n");
    if let Some(email) = lead {
        let line = tf(CliMsg::DemoLead, &[("email", &crate::text::inert(&email))]);
        text.push_str(&format!("{line}\n"));
    }
    write_stdout(text.as_bytes())
}
