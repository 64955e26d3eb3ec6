//! Makes the Python module's `__version__` the project's `VERSION` file (a symlink to
//! `../VERSION` in the repository, a plain file in the sdist), falling back to the
//! crate version.

fn main() {
    println!("cargo::rerun-if-changed=VERSION");
    let version = std::fs::read_to_string("VERSION")
        .ok()
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .or_else(|| std::env::var("CARGO_PKG_VERSION").ok())
        .unwrap_or_default();
    println!("cargo::rustc-env=INTERVALUES_VERSION={version}");
}
