//! `tlgen diff`: the report and the JSON form on the workflow fixtures (snapshots), renames and
//! classification through the library, and the corpus counts checked against a separate
//! line-based scan of the corpus files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

mod harness;

use harness::run::{stdout, workflow_fixture as fixture};

/// Runs tlgen from the fixtures folder, so that file names in the output are relative.
fn tlgen(args: &[&str]) -> Output {
    harness::run::tlgen_in(&fixture(""), args, b"")
}

#[test]
fn report_on_the_workflow_fixtures() {
    let out = tlgen(&["diff", "old.tl", "new.tl"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("workflow_report", stdout(&out));
}

#[test]
fn json_on_the_workflow_fixtures() {
    let out = tlgen(&["diff", "--json", "old.tl", "new.tl"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in ["added", "removed", "renamed", "changed"] {
        assert!(value[key].is_array(), "{key}");
    }
    assert_eq!(value["summary"]["added"], 4);
    assert_eq!(value["summary"]["semver"], "major");
    assert_eq!(value["old"]["layer"], 1);
    assert_eq!(value["new"]["layer"], 2);
    insta::assert_snapshot!("workflow_json", text);
}

#[test]
fn fail_on_selects_the_breaking_kind() {
    assert_eq!(
        tlgen(&["diff", "--fail-on", "wire", "old.tl", "new.tl"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        tlgen(&["diff", "--fail-on", "any", "old.tl", "new.tl"])
            .status
            .code(),
        Some(3)
    );
    // Against itself: nothing changed, nothing breaks.
    let same = tlgen(&["diff", "--fail-on", "any", "new.tl", "new.tl"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(stdout(&same).contains("semver: none"), "{}", stdout(&same));
}

#[test]
fn missing_files_and_bad_arguments_exit_2() {
    let out = tlgen(&["diff", "old.tl", "missing.tl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read missing.tl"));
    assert_eq!(tlgen(&["diff", "old.tl"]).status.code(), Some(2));
    assert_eq!(
        tlgen(&["diff", "--fail-on", "sometimes", "old.tl", "new.tl"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_schema_with_errors_exits_1() {
    let dir = std::env::temp_dir().join(format!("tlgen-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.tl");
    std::fs::write(&bad, "user id:Nope = User;\n").unwrap();
    let out = tlgen(&["diff", "old.tl", bad.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("undefined-type"));
}

fn schema(text: &str) -> tl_parser::Schema {
    // Ids that do not verify are errors for the checker, but the diff only needs what was declared.
    tl_parser::parse_str("t.tl", text).1.schema
}

const PRELUDE: &str = "int ? = Int;\nlong ? = Long;\nstring ? = String;\ntrue#3fedd339 = True;\n";

#[test]
fn same_id_new_name_is_a_rename() {
    let old = schema(&format!(
        "{PRELUDE}peerUser#11111111 user_id:long = Peer;\n"
    ));
    let new = schema(&format!(
        "{PRELUDE}peerAccount#11111111 user_id:long = Peer;\n"
    ));
    let diff = tlgen::diff::diff(&old, &new, &[]).unwrap();
    assert!(diff.added.is_empty() && diff.removed.is_empty(), "{diff:?}");
    assert_eq!(diff.renamed.len(), 1);
    let rename = &diff.renamed[0];
    assert_eq!(
        (rename.old.name.as_str(), rename.new.name.as_str()),
        ("peerUser", "peerAccount")
    );
    assert!(!rename.impact.wire_breaking && rename.impact.rust_breaking);
}

#[test]
fn classification_of_definition_changes() {
    let old = schema(&format!(
        "{PRELUDE}a#1 x:int = A;\nb#2 = B;\n---functions---\nf#3 = A;\ng#4 x:string = B;\n"
    ));
    let new = schema(&format!(
        "{PRELUDE}a#1 x:int = A;\na2#5 = A;\nb#2 = B;\nc#6 = C;\n---functions---\nf#3 = B;\ng#7 x:bytes = B;\n"
    ));
    let diff = tlgen::diff::diff(&old, &new, &[]).unwrap();
    let added: BTreeMap<&str, (bool, bool)> = diff
        .added
        .iter()
        .map(|e| {
            (
                e.def.name.as_str(),
                (e.impact.wire_breaking, e.impact.rust_breaking),
            )
        })
        .collect();
    // A new variant of A breaks exhaustive matches; a new type does not.
    assert_eq!(
        added,
        BTreeMap::from([("a2", (false, true)), ("c", (false, false))])
    );
    let changed: BTreeMap<&str, (bool, bool)> = diff
        .changed
        .iter()
        .map(|c| {
            (
                c.new.name.as_str(),
                (c.impact.wire_breaking, c.impact.rust_breaking),
            )
        })
        .collect();
    // f: another return type; g: new id (wire) and String -> Vec<u8> (Rust).
    assert_eq!(
        changed,
        BTreeMap::from([("f", (true, true)), ("g", (true, true))])
    );
    let g = diff.changed.iter().find(|c| c.new.name == "g").unwrap();
    assert_eq!(g.changes.len(), 1);
    assert!(
        !g.changes[0].wire_breaking,
        "string and bytes are the same bytes"
    );
    let summary = diff.summary();
    assert_eq!(
        (summary.added, summary.reidentified, summary.changed),
        (2, 1, 2)
    );
}

/// A separate, line-based reading of a schema: every line that starts a definition (a name, then
/// `#hex` or a space) gives `name -> Some(id)` or `name -> None`. Comments and section markers
/// are skipped. The Telegram files have one definition per line.
fn scan(path: &Path) -> BTreeMap<String, Option<u32>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty()
            || line.starts_with("//")
            || line.starts_with("---")
            || !line.ends_with(';')
        {
            continue;
        }
        let head = line.split_whitespace().next().unwrap();
        let (name, id) = match head.split_once('#') {
            Some((name, hex)) => (name, Some(u32::from_str_radix(hex, 16).unwrap())),
            None => (head, None),
        };
        out.insert(name.to_owned(), id);
    }
    out
}

/// (added, removed, ids changed) by name; `with_ids` keeps only lines with an explicit `#id`, as
/// the corpus README counts.
fn counts(old: &Path, new: &Path, with_ids: bool) -> (usize, usize, usize) {
    let keep = |m: BTreeMap<String, Option<u32>>| -> BTreeMap<String, Option<u32>> {
        m.into_iter()
            .filter(|(_, id)| !with_ids || id.is_some())
            .collect()
    };
    let (old, new) = (keep(scan(old)), keep(scan(new)));
    let added = new.keys().filter(|n| !old.contains_key(*n)).count();
    let removed = old.keys().filter(|n| !new.contains_key(*n)).count();
    let changed = new
        .iter()
        .filter(|(n, id)| id.is_some() && old.get(*n).is_some_and(|o| o.is_some() && o != *id))
        .count();
    (added, removed, changed)
}

#[test]
fn corpus_counts_match_an_independent_scan_and_the_corpus_readme() {
    let corpus = harness::corpus::dir();
    let dir = corpus.join("telegram");
    let new = dir.join("api-L228.tl");
    // The corpus README's numbers, which count lines with an explicit id.
    let readme = std::fs::read_to_string(corpus.join("README.md")).unwrap();
    let expected = [
        (
            "api-L227.tl",
            (41, 0, 5),
            "L227: 41 added, 0 removed, 5 ids changed",
        ),
        (
            "api-L208.tl",
            (308, 10, 115),
            "L208: 308 added, 10 removed, 115 ids changed",
        ),
        (
            "api-L179.tl",
            (563, 31, 163),
            "L179: 563 added, 31 removed, 163 ids changed",
        ),
    ];
    for (file, numbers, sentence) in expected {
        let old = dir.join(file);
        assert!(
            readme.contains(sentence),
            "the corpus README no longer says {sentence:?}"
        );
        assert_eq!(counts(&old, &new, true), numbers, "{file}: scan vs README");

        let out = Command::new(env!("CARGO_BIN_EXE_tlgen"))
            .args(["diff", "--json"])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let summary = &value["summary"];
        let got = (
            summary["added"].as_u64().unwrap() as usize
                + summary["renamed"].as_u64().unwrap() as usize,
            summary["removed"].as_u64().unwrap() as usize
                + summary["renamed"].as_u64().unwrap() as usize,
            summary["reidentified"].as_u64().unwrap() as usize,
        );
        // tlgen compares every definition, with or without an explicit id.
        assert_eq!(got, counts(&old, &new, false), "{file}: tlgen vs scan");
        // Each entry names the definition and its ids, in the runtime's 0x format.
        for entry in value["changed"].as_array().unwrap() {
            let old_id = entry["old_id"].as_str().unwrap();
            let new_id = entry["new_id"].as_str().unwrap();
            assert!(old_id.starts_with("0x") && old_id.len() == 10, "{entry}");
            let scanned = scan(&new)[entry["name"].as_str().unwrap()];
            if let Some(id) = scanned {
                assert_eq!(new_id, format!("{id:#010x}"));
            }
        }
        let names: Vec<&str> = value["changed"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["id_changed"] == true)
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        if file == "api-L227.tl" {
            for name in ["user", "channel", "botCommand"] {
                assert!(names.contains(&name), "{name} not re-identified: {names:?}");
            }
        }
    }
}

/// TON schemas hold any constructor in `object` fields and any function in `function` fields:
/// the generated `enums::Object` / `enums::Function` get a variant per definition, so adding a
/// constructor (or a function) breaks exhaustive matches on them even when its own type is new.
#[test]
fn a_new_ton_constructor_is_a_new_variant_of_the_any_object_enum() {
    let prelude = "int ? = Int;\nobject ? = Object;\nfunction ? = Function;\n";
    let old = schema(&format!(
        "{prelude}adnl.message.query query_id:int query:object = adnl.Message;\n\
         ---functions---\nliteServer.query data:int = Object;\nliteServer.wrap q:function = Object;\n"
    ));
    let new = schema(&format!(
        "{prelude}adnl.message.query query_id:int query:object = adnl.Message;\n\
         tonNode.zeroState id:int = tonNode.ZeroState;\n\
         ---functions---\nliteServer.query data:int = Object;\nliteServer.wrap q:function = Object;\n\
         liteServer.ping = Object;\n"
    ));
    let diff = tlgen::diff::diff(&old, &new, &[]).unwrap();
    let added: BTreeMap<&str, &tlgen::diff::Entry> = diff
        .added
        .iter()
        .map(|e| (e.def.name.as_str(), e))
        .collect();
    let zero_state = added["tonNode.zeroState"];
    assert!(zero_state.impact.rust_breaking, "{zero_state:?}");
    assert!(!zero_state.impact.wire_breaking);
    assert!(
        zero_state.impact.notes[0].starts_with("new variant of enums::Object (TL's `object`"),
        "{:?}",
        zero_state.impact.notes
    );
    let ping = added["liteServer.ping"];
    assert!(ping.impact.rust_breaking, "{ping:?}");
    assert!(ping.impact.notes[0].starts_with("new variant of enums::Function"));
    assert_eq!(diff.summary().semver, tlgen::diff::Semver::Major);
}

/// `--select` judges only what a build with that selection generates: changes to definitions
/// outside the selected closure are not reported, and a new constructor of a selected type is.
#[test]
fn a_selection_judges_only_what_it_generates() {
    let old = schema(&format!(
        "{PRELUDE}userEmpty#11111111 id:long = User;\nchat#22222222 id:long = Chat;\n\
         ---functions---\nusers.get#33333333 id:long = User;\n"
    ));
    let new = schema(&format!(
        "{PRELUDE}userEmpty#11111111 id:long = User;\nuser#44444444 id:long name:string = User;\n\
         chat#55555555 id:long title:string = Chat;\n\
         ---functions---\nusers.get#33333333 id:long = User;\n"
    ));
    let everything = tlgen::diff::diff(&old, &new, &[]).unwrap();
    assert_eq!(everything.changed.len(), 1, "chat changed: {everything:?}");
    let selected = tlgen::diff::diff(&old, &new, &["users.get".to_owned()]).unwrap();
    assert!(selected.changed.is_empty(), "{selected:?}");
    let added: Vec<&str> = selected.added.iter().map(|e| e.def.name.as_str()).collect();
    assert_eq!(added, ["user"]);
    assert!(selected.added[0].impact.rust_breaking);
    // A selected name the schema lacks is an error, as it is for generation.
    let err = tlgen::diff::diff(&old, &new, &["nope".to_owned()]).unwrap_err();
    assert!(
        matches!(err, tl_codegen::Error::UnknownSelection { .. }),
        "{err}"
    );

    // The command line takes the same selection.
    let dir = std::env::temp_dir().join(format!("tlgen-diff-select-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, schema: String| {
        let path = dir.join(name);
        std::fs::write(&path, schema).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let old_path = write(
        "old.tl",
        format!("{PRELUDE}chat id:long = Chat;\nuserEmpty id:long = User;\n"),
    );
    let new_path = write(
        "new.tl",
        format!("{PRELUDE}chat id:long title:string = Chat;\nuserEmpty id:long = User;\n"),
    );
    let all = tlgen(&["diff", "--fail-on", "any", &old_path, &new_path]);
    let only_users = tlgen(&[
        "diff",
        "--fail-on",
        "any",
        "--select",
        "User",
        &old_path,
        &new_path,
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(all.status.code(), Some(3), "{}", stdout(&all));
    assert_eq!(only_users.status.code(), Some(0), "{}", stdout(&only_users));
    assert!(
        stdout(&only_users).contains("semver: none"),
        "{}",
        stdout(&only_users)
    );
}

/// With `Config::non_exhaustive(true)` (`tlgen diff --non-exhaustive`), a new constructor of an
/// existing type is a new variant of a `#[non_exhaustive]` enum: not Rust-breaking.
#[test]
fn a_new_variant_of_a_non_exhaustive_enum_is_not_breaking() {
    let old = schema(&format!("{PRELUDE}a#1 x:int = A;\n"));
    let new = schema(&format!("{PRELUDE}a#1 x:int = A;\na2#5 = A;\n"));
    let models =
        |config: &tl_codegen::Config| (config.model(&old).unwrap(), config.model(&new).unwrap());
    let (old_exhaustive, new_exhaustive) = models(&tl_codegen::Config::new());
    let breaking =
        tlgen::diff::compare_models((&old, &old_exhaustive), (&new, &new_exhaustive), false);
    assert!(breaking.added[0].impact.rust_breaking, "{breaking:?}");
    let mut config = tl_codegen::Config::new();
    config.non_exhaustive(true);
    let (old_open, new_open) = models(&config);
    let open = tlgen::diff::compare_models((&old, &old_open), (&new, &new_open), false);
    assert!(!open.added[0].impact.rust_breaking, "{open:?}");
    assert_eq!(open.summary().semver, tlgen::diff::Semver::Minor);
    // The CLI flag reaches the config.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tlgen-nonexhaustive");
    std::fs::create_dir_all(&dir).unwrap();
    // Without declared ids: the computed ones verify, so the files check cleanly.
    std::fs::write(dir.join("old.tl"), "int ? = Int;\na x:int = A;\n").unwrap();
    std::fs::write(dir.join("new.tl"), "int ? = Int;\na x:int = A;\na2 = A;\n").unwrap();
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tlgen"))
            .current_dir(&dir)
            .args(["diff", "old.tl", "new.tl", "--fail-on", "rust"])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(3));
    assert_eq!(run(&["--non-exhaustive"]).status.code(), Some(0));
}
