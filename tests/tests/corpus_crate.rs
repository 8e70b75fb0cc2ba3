//! Generates Rust from every schema of the corpus (`tests/corpus`), builds it with clippy denying
//! every warning, and round-trips every constructor and function of every schema, in binary, through
//! JSON and against the dynamic codec; runs td_api's types against TDLib
//! (`tests/corpus/tests/tdjson.rs`, with the library `TDJSON_LIB` names); prints the counts. One
//! build per schema (`TL_CORPUS_ONLY`, the list in `tests/corpus/schemas.list`), one schema at a
//! time: with sample values and the JSON form, a crate of every schema at once needs more memory
//! than a CI machine has. Each schema is compiled once: `cargo test` with clippy's driver as the
//! compiler of the corpus crate lints and builds in the same pass. The slow suite: runs with
//! `TL_SLOW_TESTS=1`. `tests/corpus` builds on its own `Cargo.lock` (the workspace's, pruned;
//! `lock_files.rs` checks it) with `--locked --offline`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::Path;

mod harness;

fn corpus_crate() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// clippy's driver, beside the `cargo` that runs this test (rustup installs them together).
fn clippy_driver() -> std::path::PathBuf {
    let driver = Path::new(env!("CARGO")).with_file_name("clippy-driver");
    assert!(
        driver.is_file(),
        "{} not found: the slow suite lints the generated code with clippy (rustup component add clippy)",
        driver.display()
    );
    driver
}

/// Runs `cargo test --locked --offline --manifest-path tests/corpus/Cargo.toml` on the schema
/// `module` alone, returning its stdout and stderr. clippy's driver compiles the corpus crate
/// (`RUSTC_WORKSPACE_WRAPPER`, as `cargo clippy` does, but with code generation): its lints and
/// rustc's, denied (`-D warnings`, clippy's advice for CI), hold for every target the tests build,
/// in the one compilation that also builds them.
fn lint_build_and_test(corpus: &Path, module: &str) -> (String, String) {
    let output = harness::scratch::cargo(
        "test",
        &corpus_crate(),
        &Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus"),
    )
    .args(["--quiet", "--", "--nocapture"])
    // Each schema replaces the last one's code: an incremental cache would only be written, never used.
    .env("CARGO_INCREMENTAL", "0")
    .env("RUSTC_WORKSPACE_WRAPPER", clippy_driver())
    .env("RUSTFLAGS", "-D warnings")
    .env("TL_CORPUS", corpus)
    .env("TL_CORPUS_ONLY", module)
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "linting, building or testing {module} failed:\n{stdout}\n{stderr}"
    );
    (stdout, stderr)
}

/// The module names of `tests/corpus/schemas.list`.
fn schemas() -> Vec<String> {
    std::fs::read_to_string(corpus_crate().join("schemas.list"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect()
}

/// `(types, values)` of a summary line `… N types, M values, 0 failures`.
fn counts(line: &str) -> (usize, usize) {
    let number = |unit: &str| -> usize {
        let end = line.find(unit).unwrap();
        let start = line[..end].rfind(' ').unwrap() + 1;
        line[start..end].parse().unwrap()
    };
    (number(" types"), number(" values"))
}

#[test]
fn summary_counts_are_read_whole() {
    assert_eq!(
        counts("round-trip api_l228: 2458 types, 17266 values, 0 failures"),
        (2458, 17266)
    );
}

#[test]
fn every_corpus_schema_compiles_without_warnings_and_round_trips() {
    if !harness::slow::enabled(
        "every corpus schema generated, linted, compiled and round-tripped (tests/corpus)",
    ) {
        return;
    }
    let corpus = harness::corpus::dir();
    let schemas = schemas();
    assert_eq!(schemas.len(), 14, "{schemas:?}");
    // Written to stderr directly, past the test harness's capture, so that CI's log shows them.
    let mut stderr = std::io::stderr();
    let kinds = [
        ("round-trip ", "binary"),
        ("JSON round trip ", "JSON"),
        ("dynamic codec ", "dynamic codec (tests/dynamic.rs)"),
    ];
    let mut totals = [(0, 0); 3];
    for module in &schemas {
        // Warnings from the generated code (rustc's and clippy's) are errors.
        let started = std::time::Instant::now();
        let (stdout, test_stderr) = lint_build_and_test(&corpus, module);
        // For the CI budget (.ci/run); nothing is asserted on it.
        writeln!(
            stderr,
            "{module}: linted, built and tested in {} s",
            started.elapsed().as_secs()
        )
        .unwrap();
        if module == "td_api" {
            tdlib_summaries(&stdout, &test_stderr);
        }
        for ((keyword, what), total) in kinds.iter().zip(&mut totals) {
            // Progress dots of other tests may precede a line: take it from its keyword on.
            let line = stdout
                .lines()
                .filter_map(|l| l.find(keyword).map(|at| &l[at..]))
                .find(|l| l.starts_with(&format!("{keyword}{module}:")))
                .unwrap_or_else(|| panic!("no {what} summary for {module}:\n{stdout}"));
            writeln!(stderr, "{line}").unwrap();
            assert!(line.ends_with(" 0 failures"), "{line}");
            let (types, values) = counts(line);
            assert!(types > 0, "{line}");
            total.0 += types;
            total.1 += values;
        }
    }
    for ((keyword, _), (types, values)) in kinds.iter().zip(totals) {
        writeln!(
            stderr,
            "{keyword}total: {types} types, {values} values, 0 failures"
        )
        .unwrap();
    }
}

/// The summaries of td_api's test against TDLib (tests/corpus/tests/tdjson.rs), or the lines saying
/// that it found no libtdjson, passed on to the log. With `TDJSON_LIB` set (CI), the summaries must
/// be there.
fn tdlib_summaries(stdout: &str, test_stderr: &str) {
    let mut stderr = std::io::stderr();
    let tdlib: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.find("TDLib ").map(|at| &l[at..]))
        .collect();
    let skipped: Vec<&str> = test_stderr
        .lines()
        .filter(|l| l.starts_with("SKIPPED: libtdjson"))
        .collect();
    for line in tdlib.iter().chain(&skipped) {
        writeln!(stderr, "{line}").unwrap();
    }
    let summaries = ["TDLib td_execute: ", "TDLib client: "];
    let summarised = summaries
        .iter()
        .all(|keyword| tdlib.iter().any(|l| l.starts_with(keyword)));
    if std::env::var_os("TDJSON_LIB").is_some_and(|v| !v.is_empty()) {
        assert!(
            summarised,
            "TDJSON_LIB is set, but the TDLib test printed no summaries:\n{stdout}\n{test_stderr}"
        );
    } else {
        assert!(
            summarised || skipped.len() == summaries.len(),
            "the TDLib test neither ran nor said it skipped:\n{stdout}\n{test_stderr}"
        );
    }
}
