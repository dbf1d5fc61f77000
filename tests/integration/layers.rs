//! The layers of docs/ARCHITECTURE.md, checked against the source: each
//! module refers only to the modules below it and to the outside crates it
//! is meant to use. What does not hold yet is listed in `KNOWN`, file by
//! file; the test fails on anything new, and on a listed exception that went
//! away (so the list only shrinks).

use std::collections::BTreeSet;
use std::path::Path;

/// Each module and the modules of this crate it may use.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("markdown", &[]),
    ("dirs", &[]),
    ("lang", &[]),
    ("domain", &["text", "markdown", "lang"]),
    ("diff", &["text", "markdown", "lang", "domain"]),
    ("editor", &["text"]),
    ("export", &["text", "markdown", "lang", "domain", "diff"]),
    ("store", &["text", "markdown", "lang", "domain", "diff", "dirs"]),
    ("remote", &["text", "lang"]),
    (
        "usecase",
        &[
            "text", "markdown", "lang", "domain", "diff", "export", "store", "remote",
        ],
    ),
    (
        "sample",
        &[
            "text", "markdown", "lang", "domain", "diff", "export", "store", "remote", "usecase",
        ],
    ),
    (
        "ui",
        &[
            "text", "markdown", "dirs", "lang", "domain", "diff", "editor", "export", "store", "remote",
            "usecase", "sample",
        ],
    ),
    (
        "cli",
        &[
            "text", "markdown", "dirs", "lang", "domain", "diff", "editor", "export", "store", "remote",
            "usecase", "sample", "ui",
        ],
    ),
    ("lib", &[]),
    ("main", &["cli"]),
];

/// Outside crates only some modules may name: git through `store`, the
/// diff engine inside `diff`, the terminal inside `ui`.
const CRATES: &[(&str, &[&str])] = &[
    ("git2", &["store", "usecase", "sample"]),
    ("similar", &["diff"]),
    // The command line asks the terminal's width through crossterm.
    ("ratatui", &["ui", "cli"]),
    // The file formats of a Bilag, and the Markdown read for them.
    ("docx_rs", &["export"]),
    ("typst", &["export"]),
    ("typst_pdf", &["export"]),
    ("typst_layout", &["export"]),
    ("typst_assets", &["export"]),
    ("pulldown_cmark", &["export"]),
];

/// What does not hold yet: (file, the module or crate it names). Empty: the
/// table holds everywhere; an exception is added here only with a reason.
const KNOWN: &[(&str, &str)] = &[];

fn module_of(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_string()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // A `tests` folder holds test-only files (the TUI's snapshots).
            if !path.ends_with("tests") {
                files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            // Test-only files may reach anywhere.
            let name = path.file_stem().unwrap().to_string_lossy();
            if !(name == "tests" || name == "proptests" || name.ends_with("_tests")) {
                out.push(path);
            }
        }
    }
}

/// The names a file refers to: `crate::x` and the outside crates, in code
/// outside `#[cfg(test)]` modules and comments.
fn names(text: &str) -> BTreeSet<String> {
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let name: String = rest[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
            rest = &rest[at + 7..];
        }
        for (krate, _) in CRATES {
            let path = format!("{krate}::");
            let bounded = line.match_indices(&path).any(|(at, _)| {
                at == 0 || !line[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            });
            if bounded {
                out.insert((*krate).to_string());
            }
        }
    }
    out
}

#[test]
fn each_module_uses_only_the_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut found = BTreeSet::new();
    for path in &all {
        let module = module_of(path, &src);
        let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| *m == module) else {
            panic!("{} is in no layer: add its module to LAYERS", path.display());
        };
        let file = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        for name in names(&std::fs::read_to_string(path).unwrap()) {
            let ok = if let Some((_, users)) = CRATES.iter().find(|(c, _)| *c == name) {
                users.contains(&module.as_str())
            } else {
                name == module || allowed.contains(&name.as_str())
            };
            if !ok {
                found.insert((file.clone(), name));
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN
        .iter()
        .map(|(f, n)| (f.to_string(), n.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(new.is_empty(), "uses that break the layers: {new:#?}");
    assert!(gone.is_empty(), "fixed, so take them off KNOWN: {gone:#?}");
}
