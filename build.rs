//! Link settings for the `udkast` binary only (its dependencies are built as
//! they are).
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
}
