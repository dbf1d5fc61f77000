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
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return super::open_tui(&dir);
    }
    let text = format!(
        "Sample workspace for Åby Kommune with {drafts} drafts in {0}\n\
         Try:\n  udkast --repo {0} list\n  udkast --repo {0} log baeredygtighedsstrategi\n",
        dir.display()
    );
    write_stdout(text.as_bytes())
}
