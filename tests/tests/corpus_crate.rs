//! Generates Rust from every schema of the corpus (`tests/corpus`), builds it with clippy denying
//! every warning, and round-trips every constructor and function of every schema, in binary and
//! through JSON; prints the counts. The slow suite: runs with `TL_SLOW_TESTS=1`. `tests/corpus` builds on its own
//! `Cargo.lock` (the workspace's, pruned; `lock_files.rs` checks it) with `--locked --offline`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::Path;

mod harness;

/// Runs `cargo <command> --locked --offline --manifest-path tests/corpus/Cargo.toml <args>`,
/// returning its stdout.
fn cargo(corpus: &Path, command: &str, args: &[&str]) -> String {
    let output = harness::scratch::cargo(
        command,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus"),
    )
    .args(args)
    .env("TL_CORPUS", corpus)
    .env_remove("RUSTFLAGS")
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{stdout}\n{stderr}"
    );
    stdout
}

#[test]
fn every_corpus_schema_compiles_without_warnings_and_round_trips() {
    if !harness::slow::enabled(
        "every corpus schema generated, linted, compiled and round-tripped (tests/corpus)",
    ) {
        return;
    }
    let corpus = harness::corpus::dir();
    // Warnings from the generated code (rustc's and clippy's) are errors.
    cargo(
        &corpus,
        "clippy",
        &["--quiet", "--all-targets", "--", "-D", "warnings"],
    );
    let stdout = cargo(&corpus, "test", &["--quiet", "--", "--nocapture"]);
    // Written to stderr directly, past the test harness's capture, so that CI's log shows the counts.
    let mut stderr = std::io::stderr();
    for (keyword, what) in [
        ("round-trip ", "binary"),
        ("JSON round trip ", "JSON"),
        ("dynamic codec ", "dynamic codec (tests/dynamic.rs)"),
    ] {
        // Progress dots of other tests may precede a line: take each summary from its keyword on.
        let summary: Vec<&str> = stdout
            .lines()
            .filter_map(|l| l.find(keyword).map(|at| &l[at..]))
            .collect();
        for line in &summary {
            writeln!(stderr, "{line}").unwrap();
        }
        assert_eq!(
            summary.len(),
            15,
            "expected a {what} line per schema and a total:\n{stdout}"
        );
        let total = summary.last().unwrap();
        assert!(
            total.starts_with(&format!("{keyword}total:")) && total.ends_with(" 0 failures"),
            "{total}"
        );
    }
}
