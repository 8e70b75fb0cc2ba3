//! `tl_docs::extract` on the three saved core.telegram.org pages gives exactly the entries of
//! gotd's getdoc dump made at the same time (layer 121) for those names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use tl_docs::getdoc::Doc;

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/docs")
}

#[test]
fn saved_pages_give_the_l121_entries() {
    let pages: Vec<PathBuf> = ["method.html", "constructor.html", "type.html"]
        .iter()
        .map(|name| docs_dir().join("telegram-pages").join(name))
        .collect();
    let extracted = tl_docs::extract::files(&pages).unwrap();
    let dump = Doc::load(&docs_dir().join("getdoc-L121.json")).unwrap();

    assert_eq!(extracted.index.layer, Some(121));
    assert_eq!(
        extracted.methods.keys().collect::<Vec<_>>(),
        ["langpack.getDifference"]
    );
    assert_eq!(
        extracted.constructors.keys().collect::<Vec<_>>(),
        ["userProfilePhoto"]
    );
    assert_eq!(
        extracted.types.keys().collect::<Vec<_>>(),
        ["messages.Chats"]
    );
    for (name, entry) in &extracted.methods {
        assert_eq!(entry, &dump.methods[name], "method {name}");
    }
    for (name, entry) in &extracted.constructors {
        assert_eq!(entry, &dump.constructors[name], "constructor {name}");
    }
    for (name, entry) in &extracted.types {
        assert_eq!(entry, &dump.types[name], "type {name}");
    }
    // The errors map holds the methods' errors, as the dump's does.
    assert_eq!(extracted.errors.len(), 1);
    for (name, error) in &extracted.errors {
        assert_eq!(error, &dump.errors[name], "error {name}");
    }
    // And the JSON text of each entry is the dump's (the same members, none extra).
    let json = |value: &Doc| serde_json::to_value(value).unwrap();
    let (ours, theirs) = (json(&extracted), json(&dump));
    for section in ["constructors", "types", "methods", "errors"] {
        for (name, entry) in ours[section].as_object().unwrap() {
            assert_eq!(entry, &theirs[section][name], "{section} {name}");
        }
    }
    println!(
        "extract: {} constructor, {} type, {} method and {} error entries equal to getdoc-L121.json's",
        extracted.constructors.len(),
        extracted.types.len(),
        extracted.methods.len(),
        extracted.errors.len()
    );
}
