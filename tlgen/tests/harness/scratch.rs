//! Crates the tests write and build: they get the workspace's `Cargo.lock` and build with
//! `--locked --offline`, so they compile against the versions the workspace is tested with and
//! need no network once the workspace's dependencies are downloaded.

use std::path::Path;
use std::process::Command;

/// Copies the workspace's `Cargo.lock` into `dir` (the folder of the crate's `Cargo.toml`) and
/// resolves it there offline: every version stays the workspace's, entries the crate does not use
/// go.
pub(crate) fn lock(dir: &Path) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    // `update --workspace` updates only the crate itself, keeping every locked dependency.
    let output = Command::new(env!("CARGO"))
        .args([
            "update",
            "--workspace",
            "--offline",
            "--quiet",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cannot resolve {} offline on the workspace's Cargo.lock:\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `cargo <subcommand> --locked --offline --manifest-path <dir>/Cargo.toml`, building in `target`;
/// the caller adds its arguments and runs it.
pub(crate) fn cargo(subcommand: &str, dir: &Path, target: &Path) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command
        .args([subcommand, "--locked", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target);
    command
}
