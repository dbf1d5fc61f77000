//! Link settings for the `udkast` binary only (its dependencies are built as
//! they are), and the commit it is built from for `udkast --version`.
//!
//! The PDF export brings typst, whose tables of pointers need about 110,000
//! relocations when the program starts. As plain RELA entries they are 2.5 MB
//! that the dynamic loader reads at every start, resident in every udkast
//! process. Packed relative relocations (RELR, glibc 2.36 and binutils 2.38
//! onwards) describe the same in a few kilobytes.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.ends_with("-linux-gnu") && std::env::var_os("UDKAST_NO_RELR").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-env-changed=UDKAST_NO_RELR");

    // The commit, `unknown` outside a git checkout; built again when the
    // branch moves (HEAD, the branch's ref, or the packed refs change).
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let commit = git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=UDKAST_COMMIT={commit}");
    let branch = git(&["symbolic-ref", "-q", "HEAD"]);
    for name in ["HEAD", "packed-refs"]
        .into_iter()
        .map(String::from)
        .chain(branch)
    {
        if let Some(path) = git(&["rev-parse", "--git-path", &name])
            && std::path::Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
