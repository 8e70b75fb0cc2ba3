//! `schema/importers.docs.json`, the documentation of the shipped types, is the L223 dump's
//! entries for what `schema/importers.tl` defines (`getdoc::Doc::for_schema`), and stays so:
//! this test fails while the file is stale, and `TL_REGENERATE=1 cargo test -p tl-docs --test
//! importers_docs` rewrites it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use tl_docs::Docs;
use tl_docs::getdoc::Doc;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn importers_docs_are_derived_from_the_l223_dump() {
    let dump = Doc::load(&root().join("schema/docs/getdoc-L223.json")).unwrap();
    let text = std::fs::read_to_string(root().join("schema/importers.tl")).unwrap();
    let mut sources = tl_parser::SourceSet::new();
    sources.add("schema/importers.tl", text);
    let schema = tl_parser::parse(&sources, &tl_parser::CheckOptions::default())
        .into_result()
        .unwrap();
    let derived = dump.for_schema(&schema).to_json();

    let path = root().join("schema/importers.docs.json");
    if std::env::var_os("TL_REGENERATE").is_some() {
        std::fs::write(&path, &derived).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == derived,
        "{} is stale: regenerate it with TL_REGENERATE=1 cargo test -p tl-docs --test \
         importers_docs",
        path.display()
    );

    // Everything the shipped types define is documented by it, with nothing for unknown names.
    let docs = Docs::load(&path).unwrap();
    let coverage = docs.coverage(&schema);
    assert_eq!(
        coverage.to_string(),
        "docs: 34 of 34 definitions documented, 0 entries for unknown names"
    );
    assert_eq!(coverage.types.to_string(), "12 of 12");
    let method = docs.method("messages.getChatInviteImporters").unwrap();
    let errors: Vec<&str> = method.errors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        errors,
        [
            "CHANNEL_INVALID",
            "CHANNEL_PRIVATE",
            "CHAT_ADMIN_REQUIRED",
            "CHAT_WRITE_FORBIDDEN",
            "INVITE_HASH_EXPIRED",
            "PEER_ID_INVALID",
            "SEARCH_WITH_LINK_NOT_SUPPORTED"
        ]
    );
    assert_eq!(docs.errors.len(), 7);
}
