//! Parser tests: snapshots of the parsed form of small fixture schemas, robustness on hostile input,
//! and (with `TL_CORPUS` set) every real schema parsing without syntax errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use tl_parser::{Diagnostic, FileSchema};

/// Parses `src` and returns the file's parsed form and only the syntax diagnostics (the checker's
/// findings are tested elsewhere).
fn parse(src: &str) -> (FileSchema, Vec<Diagnostic>) {
    let (_, parsed) = tl_parser::parse_str("test.tl", src);
    let syntax = parsed
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "syntax")
        .collect();
    let file = parsed.schema.files.into_iter().next().expect("one file");
    (file, syntax)
}

/// The parsed form of a schema without syntax errors; the checker's results (`computed_ids`,
/// `id_status`) are reset so that the snapshots only show what the parser produced.
fn check(src: &str) -> FileSchema {
    let (mut file, syntax) = parse(src);
    assert!(syntax.is_empty(), "unexpected syntax errors: {syntax:#?}");
    for def in &mut file.definitions {
        def.computed_ids = Default::default();
        def.id_status = Default::default();
    }
    file
}

#[test]
fn valid_fixtures() {
    insta::glob!("fixtures/valid/*.tl", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        insta::assert_debug_snapshot!(check(&src));
    });
}

/// Every `*.tl` file under `dir`, recursively, sorted.
fn tl_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tl") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_has_no_syntax_errors() {
    let Some(dir) = std::env::var_os("TL_CORPUS") else {
        eprintln!("skipped: set TL_CORPUS to the schema corpus folder to parse every real schema");
        return;
    };
    let dir = PathBuf::from(dir);
    assert!(dir.is_dir(), "TL_CORPUS={} is not a folder", dir.display());
    let files = tl_files(&dir);
    assert!(
        !files.is_empty(),
        "TL_CORPUS={} holds no .tl files",
        dir.display()
    );
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let (file, syntax) = parse(&src);
        assert!(syntax.is_empty(), "{}: {syntax:#?}", path.display());
        assert!(
            !file.definitions.is_empty(),
            "{}: no definitions",
            path.display()
        );
    }
}
