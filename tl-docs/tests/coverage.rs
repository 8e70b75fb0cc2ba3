//! The coverage numbers of the L223 dump (alone, and with Telethon's lists merged) on the corpus's
//! Telegram schemas and on the shipped importers schema, and what merging Telethon adds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use tl_docs::{Coverage, Docs, Source, Telethon};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema(path: &str) -> tl_parser::Schema {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let mut sources = tl_parser::SourceSet::new();
    sources.add(path, text);
    tl_parser::parse(&sources, &tl_parser::CheckOptions::default())
        .into_result()
        .unwrap()
}

fn l223() -> Docs {
    Docs::load(&root().join("schema/docs/getdoc-L223.json")).unwrap()
}

fn telethon() -> Telethon {
    let dir = root().join("schema/docs");
    Telethon::load(
        &dir.join("telethon-errors.csv"),
        &dir.join("telethon-methods.csv"),
    )
    .unwrap()
}

fn summary(label: &str, coverage: &Coverage) -> String {
    let preview = |names: &[String]| {
        let shown: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
        let more = names.len().saturating_sub(shown.len());
        if shown.is_empty() {
            return "none".to_owned();
        }
        let mut text = shown.join(", ");
        if more > 0 {
            text.push_str(&format!(" … ({more} more)"));
        }
        text
    };
    format!(
        "{label}: {coverage}\n  constructors {}, functions {}, boxed types {}, parameters {}\n  \
         undocumented: {}\n  unknown constructors ({}): {}\n  unknown methods ({}): {}\n  \
         unknown types ({}): {}",
        coverage.constructors,
        coverage.functions,
        coverage.types,
        coverage.params,
        preview(&coverage.undocumented),
        coverage.unknown_constructors.len(),
        preview(&coverage.unknown_constructors),
        coverage.unknown_methods.len(),
        preview(&coverage.unknown_methods),
        coverage.unknown_types.len(),
        preview(&coverage.unknown_types),
    )
}

#[test]
fn l223_on_the_telegram_schemas() {
    let docs = l223();
    let mut lines = Vec::new();
    for path in [
        "schema/corpus/telegram/api-L228.tl",
        "schema/corpus/telegram/api-L227.tl",
        "schema/importers.tl",
    ] {
        lines.push(summary(path, &docs.coverage(&schema(path))));
    }
    for line in &lines {
        println!("{line}");
    }
    insta::assert_snapshot!(lines.join("\n\n"));
}

#[test]
fn sources_and_what_telethon_adds() {
    let mut docs = l223();
    let methods_with_errors = |docs: &Docs, source: Source| {
        docs.methods
            .values()
            .filter(|m| m.errors_source == Some(source))
            .count()
    };
    let bots = |docs: &Docs| {
        docs.methods
            .values()
            .filter(|m| m.usability.bots.is_some())
            .count()
    };
    let mut lines = vec![format!(
        "getdoc L223: layer {:?}, {} constructors, {} methods, {} types, {} errors; \
         {} methods with possible errors, {} with usability",
        docs.layer,
        docs.constructors.len(),
        docs.methods.len(),
        docs.types.len(),
        docs.errors.len(),
        methods_with_errors(&docs, Source::Getdoc),
        bots(&docs),
    )];
    let telethon = telethon();
    lines.push(format!(
        "Telethon: {} errors, {} methods ({} with errors)",
        telethon.errors.len(),
        telethon.methods.len(),
        telethon
            .methods
            .iter()
            .filter(|m| !m.errors.is_empty())
            .count(),
    ));
    let report = docs.merge_telethon(&telethon);
    lines.push(format!("merged: {report:?}"));
    lines.push(format!(
        "after merging: {} methods, {} errors ({} from Telethon); methods with possible errors: \
         {} from getdoc, {} from Telethon; {} with usability",
        docs.methods.len(),
        docs.errors.len(),
        docs.errors
            .values()
            .filter(|e| e.source == Source::Telethon)
            .count(),
        methods_with_errors(&docs, Source::Getdoc),
        methods_with_errors(&docs, Source::Telethon),
        bots(&docs),
    ));
    lines.push(summary(
        "api-L228.tl, merged",
        &docs.coverage(&schema("schema/corpus/telegram/api-L228.tl")),
    ));
    // A pattern finds its instances; the exact name comes first.
    assert_eq!(
        docs.find_error("FLOOD_WAIT_42").unwrap().name.as_str(),
        "FLOOD_WAIT_%d"
    );
    assert_eq!(
        docs.find_error("FLOOD_WAIT_42").unwrap().source,
        Source::Telethon
    );
    assert_eq!(
        docs.find_error("EMAIL_UNCONFIRMED").unwrap().name.as_str(),
        "EMAIL_UNCONFIRMED"
    );
    assert_eq!(
        docs.find_error("EMAIL_UNCONFIRMED_6")
            .unwrap()
            .name
            .as_str(),
        "EMAIL_UNCONFIRMED_%d"
    );
    for line in &lines {
        println!("{line}");
    }
    insta::assert_snapshot!(lines.join("\n\n"));
}
