//! The lock files of the crates outside the workspace pin the workspace's versions, so that what
//! the tests and CI build there is what the workspace is tested with: `tests/corpus/Cargo.lock` is
//! the workspace's `Cargo.lock` pruned to that crate (complete, every version the workspace's), and
//! `fuzz/Cargo.lock` has the workspace's version of every package the workspace also locks (that it
//! is complete, `.ci/run` checks by building the fuzz targets `--locked`: its own packages may need
//! the network).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The packages of a lock file that come from a registry or git: name -> versions.
fn locked(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for package in text.split("[[package]]").skip(1) {
        let field = |key: &str| {
            package.lines().find_map(|line| {
                let value = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
                Some(value.trim().trim_matches('"').to_owned())
            })
        };
        if field("source").is_some() {
            let (name, version) = (field("name").unwrap(), field("version").unwrap());
            out.entry(name).or_default().insert(version);
        }
    }
    assert!(!out.is_empty(), "{} locks no package", path.display());
    out
}

/// `(name, version)` pairs of `sub` that differ from the workspace's lock file; with `all`, also
/// those of packages the workspace does not lock at all.
fn not_the_workspaces(sub: &Path, all: bool) -> Vec<String> {
    let ours = locked(&workspace().join("Cargo.lock"));
    let mut out = Vec::new();
    for (name, versions) in locked(sub) {
        match ours.get(&name) {
            Some(theirs) => out.extend(
                versions
                    .difference(theirs)
                    .map(|v| format!("{name} {v} (the workspace has {theirs:?})")),
            ),
            None if all => out.push(format!("{name} {versions:?} (not in the workspace)")),
            None => {}
        }
    }
    out
}

#[test]
fn tests_corpus_lock_is_the_workspace_lock_pruned() {
    let dir = workspace().join("tests/corpus");
    let refresh = "refresh it: cp Cargo.lock tests/corpus/Cargo.lock && \
                   cargo update --workspace --offline --manifest-path tests/corpus/Cargo.toml";
    // Complete and consistent with the manifests: cargo would not change it (nor download).
    let output = Command::new(env!("CARGO"))
        .args([
            "update",
            "--workspace",
            "--locked",
            "--offline",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "tests/corpus/Cargo.lock is out of date; {refresh}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let differ = not_the_workspaces(&dir.join("Cargo.lock"), true);
    assert!(
        differ.is_empty(),
        "tests/corpus/Cargo.lock pins other versions than the workspace; {refresh}\n{}",
        differ.join("\n")
    );
}

#[test]
fn fuzz_lock_has_the_workspace_versions() {
    let differ = not_the_workspaces(&workspace().join("fuzz/Cargo.lock"), false);
    assert!(
        differ.is_empty(),
        "fuzz/Cargo.lock pins other versions than the workspace; refresh it: cp Cargo.lock \
         fuzz/Cargo.lock && cargo update --workspace --manifest-path fuzz/Cargo.toml\n{}",
        differ.join("\n")
    );
}
