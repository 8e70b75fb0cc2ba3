//! The shipped types of `tl-types` are checked-in generated code (`tl-types/src/generated.rs`, as
//! prost-types ships its code), so that `tl-types` needs no generator at build time. This test
//! generates them again in memory, with the settings below, and fails while the file is stale.
//!
//! Regenerate with `TL_REGENERATE=1 cargo test -p tl-codegen --test tl_types_generated`, which
//! writes the file when it differs (never without the variable, so CI only ever checks).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use tl_parser::SourceSet;

/// The one-line command that brings `tl-types/src/generated.rs` up to date.
const REGENERATE: &str = "TL_REGENERATE=1 cargo test -p tl-codegen --test tl_types_generated";

/// The schema, as a path from the workspace root (it is named so in the `@generated` header).
const SCHEMA: &str = "schema/importers.tl";

/// The documentation of the schema's definitions: the L223 dump's part for it (tl-docs's test
/// `importers_docs` keeps it derived), as a path from the workspace root.
const DOCS: &str = "schema/importers.docs.json";

/// The generated file, as a path from the workspace root.
const GENERATED: &str = "tl-types/src/generated.rs";

/// The shipped types: everything `messages.getChatInviteImporters` and its result need, naming the
/// runtime as `crate`, documented from `schema/importers.docs.json` (descriptions, the seven
/// possible errors, the `errors` module), with sample values behind tl-types' `samples` feature,
/// the JSON form behind its `serde` feature, and every optional item (`Eq`/`Hash`, builders, enum
/// helpers).
fn generate(workspace: &Path) -> String {
    let text = std::fs::read_to_string(workspace.join(SCHEMA)).unwrap();
    let mut sources = SourceSet::new();
    sources.add(SCHEMA, text);
    let generated = tl_codegen::Config::new()
        .runtime_path("crate")
        .select([
            "messages.getChatInviteImporters",
            "messages.ChatInviteImporters",
        ])
        .docs(workspace.join(DOCS))
        .samples_cfg(r#"feature = "samples""#)
        .serde_cfg(r#"feature = "serde""#)
        // A few types: the derives and the API's items cost nothing noticeable, and users may hash
        // them and build requests with `new` and `with_`.
        .eq_hash(true)
        .builders(true)
        .enum_helpers(true)
        .generate_from(&sources)
        .unwrap();
    assert!(
        generated.warnings.is_empty(),
        "{}",
        generated.render_warnings(false)
    );
    generated.code
}

#[test]
fn tl_types_generated_code_is_current() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let expected = generate(&workspace);
    let path = workspace.join(GENERATED);
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual == expected {
        return;
    }
    if std::env::var_os("TL_REGENERATE").is_some() {
        std::fs::write(&path, &expected).unwrap();
        eprintln!("regenerated {GENERATED}");
        return;
    }
    let first = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
    panic!(
        "{GENERATED} is stale (first difference at line {}): regenerate it with\n\n    {REGENERATE}\n\nand commit the result.",
        first + 1
    );
}
