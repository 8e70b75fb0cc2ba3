//! `tlgen docs extract` on the three saved core.telegram.org pages writes exactly the entries of
//! gotd's getdoc dump made at the same time (`schema/docs/getdoc-L121.json`) for those names; a
//! page that is not documentation and a missing file are errors with their exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tl_docs::getdoc::Doc;

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/docs")
}

fn tlgen(args: &[&str], pages: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tlgen"))
        .args(args)
        .args(pages)
        .output()
        .unwrap()
}

fn pages() -> Vec<PathBuf> {
    ["method.html", "constructor.html", "type.html"]
        .iter()
        .map(|name| docs_dir().join("telegram-pages").join(name))
        .collect()
}

#[test]
fn extract_gives_the_entries_of_the_l121_dump() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-extract");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("docs.json");
    let output = tlgen(&["docs", "extract", "-o", out.to_str().unwrap()], &pages());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr,
        "extracted 1 constructor(s), 1 method(s), 1 type(s) and 1 error(s) from 3 page(s) \
         (layer 121)\n"
    );
    let extracted = Doc::load(&out).unwrap();
    let dump = Doc::load(&docs_dir().join("getdoc-L121.json")).unwrap();
    let names = |doc: &Doc| {
        (
            doc.constructors.keys().cloned().collect::<Vec<_>>(),
            doc.methods.keys().cloned().collect::<Vec<_>>(),
            doc.types.keys().cloned().collect::<Vec<_>>(),
        )
    };
    let (constructors, methods, types) = names(&extracted);
    assert_eq!(
        (constructors, methods, types),
        (
            vec!["userProfilePhoto".to_owned()],
            vec!["langpack.getDifference".to_owned()],
            vec!["messages.Chats".to_owned()]
        )
    );
    let expected = dump.subset(|kind, name| match kind {
        tl_docs::getdoc::Kind::Constructor => extracted.constructors.contains_key(name),
        tl_docs::getdoc::Kind::Method => extracted.methods.contains_key(name),
        tl_docs::getdoc::Kind::Type => extracted.types.contains_key(name),
    });
    assert_eq!(extracted, expected);
    // On stdout without -o, the same text.
    let output = tlgen(&["docs", "extract"], &pages());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        std::fs::read_to_string(&out).unwrap()
    );
}

#[test]
fn pages_that_are_not_documentation_fail() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-extract-bad");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("hello.html");
    std::fs::write(&page, "<html><body><p>hello</p></body></html>").unwrap();
    let output = tlgen(&["docs", "extract"], std::slice::from_ref(&page));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "error: {}: no page title (#dev_page_title): not a core.telegram.org documentation \
             page\n",
            page.display()
        )
    );
    let output = tlgen(&["docs", "extract"], &[dir.join("missing.html")]);
    assert_eq!(output.status.code(), Some(2));
}
