//! Replays the inputs under `fuzz/regressions/parse/` (crashes the `parse` fuzz target found, once
//! minimized, and hand-picked hostile inputs): each parses, checks and renders without a panic, and
//! each one that is not a valid schema gets at least one located error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use tl_parser::{CheckOptions, Severity, SourceSet};

#[test]
fn parse_regressions_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/parse");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.retain(|p| p.file_name().is_some_and(|n| n != "README.md"));
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let mut sources = SourceSet::new();
        match sources.add_bytes("input.tl", bytes) {
            Err(invalid) => assert!(
                invalid.line >= 1 && invalid.column >= 1,
                "{}",
                path.display()
            ),
            Ok(_) => {
                let parsed = tl_parser::parse(&sources, &CheckOptions::default());
                let rendered = tl_parser::diagnostic::render(&parsed.diagnostics, &sources, false);
                for d in parsed
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                {
                    assert!(
                        d.primary_span().is_some(),
                        "{}: unlocated error {}",
                        path.display(),
                        d.message
                    );
                }
                let expect_error = path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("invalid-");
                if expect_error {
                    assert!(parsed.has_errors(), "{}: no error", path.display());
                    assert!(
                        rendered.contains("input.tl:"),
                        "{}: {rendered}",
                        path.display()
                    );
                }
            }
        }
    }
}
