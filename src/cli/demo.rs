//! `udkast demo`: the sample workspace, with history, in a fresh folder, opened
//! in the terminal interface (or, without a terminal, its location printed).

use std::path::PathBuf;

use super::output::{Failure, write_stdout};

pub fn demo(dir: Option<PathBuf>) -> Result<(), Failure> {
    let dir = match dir {
        Some(dir) if dir.exists() => {
            return Err(Failure::new(format!(
                "{} already exists; give a new folder",
                dir.display()
            )));
        }
        Some(dir) => dir,
        None => tempfile::Builder::new()
            .prefix("udkast-demo-")
            .tempdir()
            .map_err(|e| Failure::new(format!("cannot create a temporary folder: {e}")))?
            .keep(),
    };
    let drafts = crate::sample::build_demo(&dir)?;
    let lead = crate::sample::make_user_a_lead(&dir)?;
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return super::open_tui(&dir);
    }
    let mut text = format!(
        "Sample workspace for Åby Kommune with {drafts} drafts in {0}\n\
         Try:\n  udkast --repo {0} list\n  udkast --repo {0} log baeredygtighedsstrategi\n",
        dir.display()
    );
    if let Some(email) = lead {
        text.push_str(&format!(
            "You ({}) are a lead in it: you can record decisions and tag approved versions.\n",
            crate::text::inert(&email)
        ));
    }
    write_stdout(text.as_bytes())
}
