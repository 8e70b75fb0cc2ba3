//! `tl_types::RpcError::parse` on every error name both sources document (getdoc's L223 dump and
//! Telethon's `errors.csv`), with each placeholder (`%d`, Telethon's `_X`) replaced by digits: the
//! parsed name is the pattern without its placeholder part, and the value is the number, wherever
//! the placeholder is a `_`-separated part of its own. The names where it is not (a number glued
//! to a word: `…_WAIT_%dMIN`) and literal names with a part of digits are listed exactly, so a new
//! one shows up here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tl_docs::{ErrorPattern, Telethon, getdoc::Doc};
use tl_types::RpcError;

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/docs")
}

/// What `RpcError::parse` made of the names of one source.
#[derive(Debug, Default)]
struct Tally {
    names: usize,
    /// Placeholder patterns whose number was taken out as the value.
    split: usize,
    /// Names without a placeholder that stayed as they are.
    unchanged: usize,
    /// Placeholder patterns the rule cannot split (the number is glued to a word).
    glued: Vec<String>,
    /// Names without a placeholder that have a part of digits, taken as a value.
    literal_digits: Vec<String>,
    /// Distinct names `parse` gives, and the patterns behind each.
    runtime: BTreeMap<String, Vec<String>>,
}

const VALUE: u32 = 1234;

fn check(pattern: &ErrorPattern, code: i32, tally: &mut Tally) {
    tally.names += 1;
    let message = pattern.with_value(VALUE);
    let parsed = RpcError::parse(code, &message);
    assert_eq!(parsed.code, code);
    tally
        .runtime
        .entry(parsed.name.clone())
        .or_default()
        .push(pattern.to_string());
    match pattern.placeholder_part() {
        Some("%d") => {
            let expected: Vec<&str> = pattern
                .as_str()
                .split('_')
                .filter(|part| *part != "%d")
                .collect();
            assert_eq!(parsed.name, expected.join("_"), "{pattern}");
            assert_eq!(parsed.value, Some(VALUE), "{pattern}");
            tally.split += 1;
        }
        Some(_) => {
            assert_eq!(
                (parsed.name.as_str(), parsed.value),
                (message.as_str(), None)
            );
            tally.glued.push(pattern.to_string());
        }
        None if parsed.value.is_some() => tally.literal_digits.push(pattern.to_string()),
        None => {
            assert_eq!(
                (parsed.name.as_str(), parsed.value),
                (message.as_str(), None)
            );
            tally.unchanged += 1;
        }
    }
}

fn report(source: &str, tally: &Tally) -> String {
    let list = |names: &[String]| {
        if names.is_empty() {
            String::new()
        } else {
            format!(": {}", names.join(", "))
        }
    };
    let mut out = format!(
        "{source}: {} names\n  {} with a number split off\n  {} without a number, unchanged\n  \
         {} with a number the rule cannot split (glued to a word){}\n  \
         {} without a placeholder but with a part of digits (taken as a value){}\n  \
         {} distinct parsed names",
        tally.names,
        tally.split,
        tally.unchanged,
        tally.glued.len(),
        list(&tally.glued),
        tally.literal_digits.len(),
        list(&tally.literal_digits),
        tally.runtime.len(),
    );
    for (name, patterns) in &tally.runtime {
        if patterns.len() > 1 {
            out.push_str(&format!("\n    {name} <- {}", patterns.join(", ")));
        }
    }
    out
}

#[test]
fn rpc_error_parse_on_every_documented_error_name() {
    let dump = Doc::load(&docs_dir().join("getdoc-L223.json")).unwrap();
    let mut getdoc = Tally::default();
    for error in dump.errors.values() {
        check(
            &ErrorPattern::new(error.name.clone()),
            error.code,
            &mut getdoc,
        );
    }
    // Every name a method lists is in the errors map.
    for method in dump.methods.values() {
        for error in &method.errors {
            assert!(dump.errors.contains_key(&error.name), "{}", error.name);
        }
    }

    let telethon = Telethon::load(
        &docs_dir().join("telethon-errors.csv"),
        &docs_dir().join("telethon-methods.csv"),
    )
    .unwrap();
    let mut theirs = Tally::default();
    for error in &telethon.errors {
        check(&error.name, error.codes[0], &mut theirs);
    }

    let mut both = Tally::default();
    let mut union: BTreeMap<&str, i32> = dump
        .errors
        .values()
        .map(|e| (e.name.as_str(), e.code))
        .collect();
    for error in &telethon.errors {
        union.entry(error.name.as_str()).or_insert(error.codes[0]);
    }
    for (name, code) in &union {
        check(&ErrorPattern::new(*name), *code, &mut both);
    }

    let lines = [
        report("getdoc L223", &getdoc),
        report("Telethon", &theirs),
        report("both", &both),
    ];
    for line in &lines {
        println!("{line}");
    }
    insta::assert_snapshot!(lines.join("\n\n"));
}
