//! `tlgen generate` (with `--docs` on tl-codegen's docs fixture) and `tlgen explain` on the workflow
//! fixtures and on the corpus; `--help` of every command documents examples and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod harness;

use harness::run::{stderr, stdout, workflow_fixture as fixture};

/// Runs tlgen from the fixtures folder, so that file names in the output are relative.
fn tlgen(args: &[&str]) -> Output {
    harness::run::tlgen_in(&fixture(""), args, b"")
}

#[test]
fn generate_writes_what_config_generates() {
    let out = tlgen(&["generate", "new.tl", "--samples", "--serde"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut config = tl_codegen::Config::new();
    config.samples(true).serde(true);
    let mut sources = tl_parser::SourceSet::new();
    sources.add(
        "new.tl",
        std::fs::read_to_string(fixture("new.tl")).unwrap(),
    );
    let expected = config.generate_from(&sources).unwrap().code;
    assert_eq!(stdout(&out), expected);
    assert!(expected.contains("pub const LAYER: i32 = 2;"), "{expected}");
    assert!(expected.contains("JsonStruct for"), "{expected}");
    // `Eq` and `Hash`, the builders and the enum helpers are off by default.
    assert!(!expected.contains("Eq, Hash"), "{expected}");
    assert!(!expected.contains("pub fn new("), "{expected}");
    assert!(!expected.contains("pub fn constructor_id("), "{expected}");
}

#[test]
fn generate_options_reach_the_config() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tlgen-generate");
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("tl.rs");
    let out = tlgen(&[
        "generate",
        "old.tl",
        "--select",
        "users.getUsers",
        "--runtime-path",
        "crate::rt",
        "--no-format",
        "--eq-hash",
        "true",
        "--builders",
        "true",
        "--enum-helpers",
        "false",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let code = std::fs::read_to_string(&out_file).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let mut config = tl_codegen::Config::new();
    config
        .select(["users.getUsers"])
        .runtime_path("crate::rt")
        .format(false)
        .eq_hash(true)
        .builders(true)
        .enum_helpers(false);
    assert_eq!(
        code,
        config
            .generate(&[fixture("old.tl")])
            .unwrap()
            .code
            .replace(&fixture("old.tl").display().to_string(), "old.tl")
    );
    assert!(!code.contains("Ping"), "users.ping is not selected");
    let code = code.replace(' ', "");
    assert!(code.contains("crate::rt::"));
    assert!(code.contains("Eq,Hash"), "--eq-hash true: {code}");
    assert!(code.contains("pubfnnew("), "--builders true: {code}");
    assert!(
        !code.contains("pubfnconstructor_id("),
        "--enum-helpers false: {code}"
    );
}

/// `--borrowed`: `Config::borrowed` (zero-copy decoding); with `--serde` it is a usage error and
/// nothing is written.
#[test]
fn generate_borrowed() {
    let out = tlgen(&["generate", "old.tl", "--borrowed"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut sources = tl_parser::SourceSet::new();
    sources.add(
        "old.tl",
        std::fs::read_to_string(fixture("old.tl")).unwrap(),
    );
    let expected = tl_codegen::Config::new()
        .borrowed(true)
        .generate_from(&sources)
        .unwrap()
        .code;
    assert_eq!(stdout(&out), expected);
    assert!(
        expected.contains("::std::borrow::Cow<'a, str>"),
        "{expected}"
    );
    assert!(
        expected.contains("DeserializableBorrowed<'a>"),
        "{expected}"
    );

    let both = tlgen(&["generate", "old.tl", "--borrowed", "--serde"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(stdout(&both).is_empty());
    assert!(
        stderr(&both).contains("cannot generate with borrowed and serde together"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn generate_errors_and_exit_codes() {
    let bad_select = tlgen(&["generate", "old.tl", "--select", "nope"]);
    assert_eq!(bad_select.status.code(), Some(2));
    assert!(
        stderr(&bad_select).contains("cannot select nope"),
        "{}",
        stderr(&bad_select)
    );
    let missing = tlgen(&["generate", "missing.tl"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read missing.tl"));
    assert_eq!(tlgen(&["generate"]).status.code(), Some(2));
    let runtime = tlgen(&["generate", "old.tl", "--runtime-path", "not a path!"]);
    assert_eq!(runtime.status.code(), Some(2), "{}", stderr(&runtime));

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tlgen-generate-bad");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.tl");
    std::fs::write(
        &bad,
        "int ? = Int;\nuser id:int status:UserStatus = User;\n",
    )
    .unwrap();
    let out = tlgen(&["generate", bad.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("error[undefined-type]"), "{err}");
    assert!(err.contains("bad.tl:2:20"), "{err}");
}

/// `--docs`: the code `Config::docs` generates, the coverage line on stderr, and a malformed file
/// refused with its name and the JSON path (exit 2).
#[test]
fn generate_with_docs() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tl-codegen/tests/fixtures");
    let (schema, docs) = (fixtures.join("docs.tl"), fixtures.join("docs.json"));
    let out = tlgen(&[
        "generate",
        schema.to_str().unwrap(),
        "--docs",
        docs.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Two of the ten definitions are undocumented; `oldConstructor` and `old.method` name
    // nothing of the schema.
    assert_eq!(
        stderr(&out),
        "docs: 8 of 10 definitions documented, 2 entries for unknown names\n"
    );
    let generated = tl_codegen::Config::new()
        .docs(&docs)
        .generate(&[&schema])
        .unwrap();
    assert_eq!(stdout(&out), generated.code);
    assert!(generated.code.contains("pub mod errors {"));
    // Without --docs, no coverage line and no errors module.
    let plain = tlgen(&["generate", schema.to_str().unwrap()]);
    assert_eq!(stderr(&plain), "");
    assert!(!stdout(&plain).contains("pub mod errors"));

    let dir = std::env::temp_dir().join(format!("tlgen-generate-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad-docs.json");
    std::fs::write(
        &bad,
        r#"{"index": {"categories": []}, "methods": {"users.getUsers": {"name": "users.getUsers",
            "errors": [{"code": "400", "type": "CHANNEL_INVALID"}]}}}"#,
    )
    .unwrap();
    let out = tlgen(&[
        "generate",
        schema.to_str().unwrap(),
        "--docs",
        bad.to_str().unwrap(),
    ]);
    let missing = tlgen(&[
        "generate",
        schema.to_str().unwrap(),
        "--docs",
        dir.join("missing.json").to_str().unwrap(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: {}: at methods.users.getUsers.errors[0].code: invalid type: string \"400\", expected i32",
            bad.display()
        )),
        "{err}"
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("missing.json"),
        "{}",
        stderr(&missing)
    );
}

/// `--docs-telethon ERRORS.csv METHODS.csv`: Telethon's lists after the getdoc file, the code
/// `Config::docs_telethon` generates (the repository's lists add errors to the `errors` module).
#[test]
fn generate_with_telethon_lists() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tl-codegen/tests/fixtures");
    let lists = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/docs");
    let (schema, docs) = (fixtures.join("docs.tl"), fixtures.join("docs.json"));
    let (errors, methods) = (
        lists.join("telethon-errors.csv"),
        lists.join("telethon-methods.csv"),
    );
    let out = tlgen(&[
        "generate",
        schema.to_str().unwrap(),
        "--docs",
        docs.to_str().unwrap(),
        "--docs-telethon",
        errors.to_str().unwrap(),
        methods.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let generated = tl_codegen::Config::new()
        .docs(&docs)
        .docs_telethon(&errors, &methods)
        .generate(&[&schema])
        .unwrap();
    assert_eq!(stdout(&out), generated.code);
    // An error only Telethon's list has.
    assert!(generated.code.contains("\"ABOUT_TOO_LONG\""));
    let without = tlgen(&[
        "generate",
        schema.to_str().unwrap(),
        "--docs",
        docs.to_str().unwrap(),
    ]);
    assert!(!stdout(&without).contains("\"ABOUT_TOO_LONG\""));
}

#[test]
fn explain_says_which_layer_has_an_id() {
    // userEmpty's id in layer 2 (new.tl): absent from layer 1.
    let out = tlgen(&["explain", "0xa37fbb0f", "old.tl", "new.tl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("explain_newer_layer", stdout(&out));
    // The same id in the other formats, and as the runtime's whole message.
    for form in ["a37fbb0f", "#a37fbb0f", "2743057167", "-1551910129"] {
        let out = tlgen(&["explain", form, "new.tl"]);
        assert_eq!(out.status.code(), Some(0), "{form}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("L2: constructor `userEmpty` of type User"),
            "{form}: {}",
            stdout(&out)
        );
    }
    let message =
        "failed to decode users[0] at byte 8: unknown constructor id 0xd3bc4b7a for type User";
    let out = tlgen(&["explain", message, "new.tl", "old.tl"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("explain_older_layer_with_expected_type", stdout(&out));
}

#[test]
fn explain_without_a_match_exits_3_and_bad_ids_exit_2() {
    let out = tlgen(&["explain", "0x12345678", "old.tl", "new.tl"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stdout(&out).contains("no definition in L1, L2 has this id"),
        "{}",
        stdout(&out)
    );
    let envelope = tlgen(&["explain", "0x3072cfa1"]);
    assert_eq!(envelope.status.code(), Some(0));
    assert!(stdout(&envelope).contains("gzip_packed"));
    let bad = tlgen(&["explain", "0xnothex"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("is not a constructor id"));
    assert_eq!(
        tlgen(&["explain", "0x1", "missing.tl"]).status.code(),
        Some(2)
    );
    assert_eq!(tlgen(&["explain"]).status.code(), Some(2));
}

#[test]
fn every_help_has_examples_and_exit_codes() {
    for command in ["generate", "diff", "explain"] {
        let out = tlgen(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.contains("Examples:"), "{command}: {text}");
        assert!(text.contains("Exit codes: 0"), "{command}: {text}");
    }
    let top = stdout(&tlgen(&["--help"]));
    assert!(
        top.contains("Exit codes: 0 success; 1 a schema has errors"),
        "{top}"
    );
}

#[test]
fn explain_on_the_corpus_layers() {
    let dir = harness::corpus::dir().join("telegram");
    let files: Vec<PathBuf> = ["api-L179.tl", "api-L208.tl", "api-L227.tl", "api-L228.tl"]
        .iter()
        .map(|f| dir.join(f))
        .collect();
    let run = |id: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_tlgen"))
            .arg("explain")
            .arg(id)
            .args(&files)
            .output()
            .unwrap();
        (out.status.code(), stdout(&out))
    };
    // user's id in L228 (it changed from L227).
    let (code, text) = run("unknown constructor id 0xb1b8cc83 for type User");
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("L228: constructor `user` of type User"),
        "{text}"
    );
    assert!(
        text.contains("present in L228; absent from L179, L208, L227"),
        "{text}"
    );
    assert!(
        text.contains("the peer speaks layer 228 or newer"),
        "{text}"
    );
    // vector is in every layer.
    let (code, text) = run("481674261");
    assert_eq!(code, Some(0));
    assert!(
        text.contains("present in every file given (L179, L208, L227, L228)"),
        "{text}"
    );
}
