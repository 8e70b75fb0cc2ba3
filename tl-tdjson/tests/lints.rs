//! tl-tdjson repeats the workspace's `[workspace.lints]` in its own `[lints]` (to relax
//! `unsafe_code` from forbid to deny for its FFI module): this keeps the copy in step.

use std::collections::BTreeMap;

/// `key = value` lines of each `[prefix.NAME]` table of a Cargo.toml, by NAME.
fn lint_tables(manifest: &str, prefix: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut tables: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in manifest.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            let name = header.trim_end_matches(']');
            current = name.strip_prefix(prefix).map(str::to_owned);
            continue;
        }
        if let (Some(table), Some((key, value))) = (&current, line.split_once('=')) {
            if line.starts_with('#') {
                continue;
            }
            tables
                .entry(table.clone())
                .or_default()
                .insert(key.trim().to_owned(), value.trim().to_owned());
        }
    }
    tables
}

#[test]
fn the_lints_are_the_workspaces_with_unsafe_code_denied() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let root = std::fs::read_to_string(format!("{dir}/../Cargo.toml")).unwrap();
    let own = std::fs::read_to_string(format!("{dir}/Cargo.toml")).unwrap();
    let mut expected = lint_tables(&root, "workspace.lints.");
    assert!(
        expected.contains_key("rust") && expected.contains_key("clippy"),
        "{expected:?}"
    );
    let rust = expected.entry("rust".into()).or_default();
    assert_eq!(
        rust.get("unsafe_code").map(String::as_str),
        Some(r#""forbid""#)
    );
    rust.insert("unsafe_code".into(), r#""deny""#.into());
    // Only here: every `unsafe` block in src/ffi.rs has a `// SAFETY:` comment.
    expected
        .entry("clippy".into())
        .or_default()
        .insert("undocumented_unsafe_blocks".into(), r#""warn""#.into());
    assert_eq!(lint_tables(&own, "lints."), expected);
}
