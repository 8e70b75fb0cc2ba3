//! Descriptions of the real dumps as Markdown: every footnote finds its URL, the seed page reads
//! as core.telegram.org writes it, and rustdoc accepts every description, parameter and error of
//! the L223 dump and Telethon's lists with warnings denied.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use tl_docs::{Description, Docs, Telethon, getdoc::Doc};

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/docs")
}

fn merged() -> Docs {
    let mut docs = Docs::load(&docs_dir().join("getdoc-L223.json")).unwrap();
    let telethon = Telethon::load(
        &docs_dir().join("telethon-errors.csv"),
        &docs_dir().join("telethon-methods.csv"),
    )
    .unwrap();
    docs.merge_telethon(&telethon);
    docs
}

/// Every URL of every entry becomes exactly one link, in order: the footnote numbering rule
/// (from ¹ in each page paragraph) reads both dumps without a footnote left over or missing.
#[test]
fn every_footnote_finds_its_url() {
    for file in ["getdoc-L223.json", "getdoc-L121.json"] {
        let doc = Doc::load(&docs_dir().join(file)).unwrap();
        let mut checked = 0;
        let mut check = |what: &str, paragraphs: &[String], links: &[String]| {
            let description = Description::from_getdoc(paragraphs, links);
            let found: Vec<&str> = description.links().collect();
            assert_eq!(found, links, "{file}: {what}: {paragraphs:?}");
            checked += links.len();
        };
        for (name, c) in &doc.constructors {
            check(name, &c.description, &c.links);
            for (param, f) in &c.fields {
                check(
                    &format!("{name}.{param}"),
                    std::slice::from_ref(&f.description),
                    &f.links,
                );
            }
        }
        for (name, m) in &doc.methods {
            check(name, &m.description, &m.links);
            for (param, f) in &m.parameters {
                check(
                    &format!("{name}.{param}"),
                    std::slice::from_ref(&f.description),
                    &f.links,
                );
            }
        }
        for (name, t) in &doc.types {
            check(name, &t.description, &t.links);
        }
        println!("{file}: {checked} links, each found");
    }
}

#[test]
fn the_seed_page_as_markdown() {
    let docs = merged();
    let method = docs.method("messages.getChatInviteImporters").unwrap();
    let mut out = format!("{}\n\n", method.description.to_markdown());
    for (name, param) in &method.params {
        writeln!(out, "- `{name}`: {}", param.description.to_markdown()).unwrap();
    }
    writeln!(out, "\nPossible errors ({:?}):", method.errors_source).unwrap();
    for error in &method.errors {
        writeln!(
            out,
            "- {} {}: {}",
            error.code,
            error.name,
            error.description.to_markdown()
        )
        .unwrap();
    }
    writeln!(out, "\nUsability: {:?}", method.usability).unwrap();
    let user = docs.constructor("user").unwrap();
    writeln!(out, "\nuser: {}", user.description.to_markdown()).unwrap();
    for name in ["bot", "min", "access_hash", "bot_info_version"] {
        writeln!(
            out,
            "- `{name}`: {}",
            user.params[name].description.to_markdown()
        )
        .unwrap();
    }
    let flood = docs.error("FLOOD_WAIT_%d").unwrap();
    writeln!(
        out,
        "\nFLOOD_WAIT_%d ({:?}, {:?}): {}",
        flood.source,
        flood.codes,
        flood.description.to_markdown()
    )
    .unwrap();
    insta::assert_snapshot!(out);
}

/// Every piece of text as the doc comment of a field of one struct (each field doc is Markdown of
/// its own, as a generated item's is), then rustdoc with warnings denied: no broken intra-doc
/// links, no unclosed HTML tags, no bare URLs, no code blocks from stray indentation.
#[test]
fn rustdoc_accepts_every_text_with_warnings_denied() {
    let docs = merged();
    let mut texts: Vec<String> = Vec::new();
    for c in docs.constructors.values() {
        texts.push(c.description.to_markdown());
        texts.extend(c.params.values().map(|p| p.description.to_markdown()));
    }
    for m in docs.methods.values() {
        texts.push(m.description.to_markdown());
        texts.extend(m.params.values().map(|p| p.description.to_markdown()));
        texts.extend(m.errors.iter().map(|e| e.description.to_markdown()));
    }
    texts.extend(docs.types.values().map(|t| t.description.to_markdown()));
    texts.extend(docs.errors.values().map(|e| e.description.to_markdown()));
    texts.retain(|t| !t.is_empty());
    texts.sort();
    texts.dedup();

    let mut source =
        String::from("//! Every description of the L223 dump and Telethon's lists.\n\n");
    source.push_str("/// All of them.\npub struct All {\n");
    for (i, text) in texts.iter().enumerate() {
        writeln!(source, "    #[doc = {text:?}]\n    pub f{i}: (),").unwrap();
    }
    source.push_str("}\n");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tl-docs-rustdoc");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let lib = dir.join("lib.rs");
    std::fs::write(&lib, source).unwrap();
    let rustdoc = std::env::var_os("RUSTDOC").unwrap_or_else(|| "rustdoc".into());
    let output = Command::new(rustdoc)
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--crate-name",
            "all_docs",
        ])
        .args(["-D", "warnings", "-o"])
        .arg(dir.join("doc"))
        .arg(&lib)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "rustdoc failed on {}:\n{}",
        lib.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "rustdoc -D warnings: {} distinct texts accepted",
        texts.len()
    );
}
