//! `Config::docs` beyond the fixture's snapshot: a malformed documentation file is a typed error
//! naming the file and the JSON path; the model records each function's possible errors in the
//! documentation's order; and every documented error of the L223 dump (and of Telethon's list
//! merged in) is what the runtime's `ErrorDoc::find` answers for the messages a server sends with
//! that name, the names documented both plainly and with a number included.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use tl_types::{ErrorDoc, RpcError};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/docs")
}

#[test]
fn a_malformed_docs_file_is_an_error_naming_the_file_and_the_json_path() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("malformed-docs");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("docs.json");
    std::fs::write(
        &bad,
        r#"{"index": {"categories": []}, "methods": {"users.getUsers": {"name": "users.getUsers",
            "errors": [{"code": 400, "type": "CHANNEL_INVALID"}, {"code": "420", "type": "FLOOD_WAIT_%d"}]}}}"#,
    )
    .unwrap();
    let err = tl_codegen::Config::new()
        .docs(&bad)
        .generate(&[fixtures().join("docs.tl")])
        .unwrap_err();
    match &err {
        tl_codegen::Error::Docs {
            path,
            json_path,
            message,
        } => {
            assert_eq!(path, &bad);
            assert_eq!(json_path, "methods.users.getUsers.errors[1].code");
            assert!(
                message.starts_with("invalid type: string \"420\", expected i32"),
                "{message}"
            );
        }
        other => panic!("not Error::Docs: {other}"),
    }
    assert!(
        err.to_string().starts_with(&format!(
            "{}: at methods.users.getUsers.errors[1].code: invalid type",
            bad.display()
        )),
        "{err}"
    );
    // Not JSON at all: the whole document.
    std::fs::write(&bad, "{\"index\": ").unwrap();
    let err = tl_codegen::Config::new()
        .docs(&bad)
        .generate(&[fixtures().join("docs.tl")])
        .unwrap_err();
    assert!(
        matches!(&err, tl_codegen::Error::Docs { json_path, .. } if json_path == "index"),
        "{err}"
    );
    // A file that is not there is an I/O error naming it.
    let missing = dir.join("missing.json");
    let err = tl_codegen::Config::new()
        .docs(&missing)
        .generate(&[fixtures().join("docs.tl")])
        .unwrap_err();
    assert!(
        matches!(&err, tl_codegen::Error::Io { path, .. } if path == &missing),
        "{err}"
    );
    // Members the format does not have are accepted (the fixture has some).
    tl_codegen::Config::new()
        .docs(fixtures().join("docs.json"))
        .generate(&[fixtures().join("docs.tl")])
        .unwrap();
}

/// `POSSIBLE_ERRORS` and the model's list: the names exactly as the docs write them, in their
/// order (not sorted, placeholders kept).
#[test]
fn possible_errors_keep_the_documentation_order() {
    let text = std::fs::read_to_string(fixtures().join("docs.tl")).unwrap();
    let (_, parsed) = tl_parser::parse_str("docs.tl", &text);
    let schema = parsed.into_result().unwrap();
    let model = tl_codegen::Config::new()
        .docs(fixtures().join("docs.json"))
        .model(&schema)
        .unwrap();
    let names = |tl_name: &str| -> Vec<String> {
        let def = model.find_struct(tl_name).unwrap();
        def.possible_errors.iter().map(|e| e.name.clone()).collect()
    };
    assert_eq!(
        names("users.getUsers"),
        [
            "CHANNEL_INVALID",
            "FLOOD_WAIT_%d",
            "EMAIL_UNCONFIRMED_%d",
            "EMAIL_UNCONFIRMED"
        ]
    );
    assert!(names("help.test").is_empty());
    let get_users = model.find_struct("users.getUsers").unwrap();
    assert_eq!(get_users.usability.bots, Some(true));
    assert_eq!(
        get_users.possible_errors[1]
            .item
            .as_ref()
            .map(|i| i.as_str()),
        Some("FLOOD_WAIT_X")
    );
    let idents: Vec<&str> = model.errors.iter().map(|e| e.ident.as_str()).collect();
    assert_eq!(
        idents,
        [
            "_2FA_CONFIRM_WAIT_X",
            "AUTH_BYTES_INVALID",
            "CHANNEL_INVALID",
            "EMAIL_UNCONFIRMED",
            "EMAIL_UNCONFIRMED_X",
            "FILE_PART_X_MISSING",
            "FLOOD_WAIT_X",
            "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN",
            "TIMEOUT",
            "USERNAME_INVALID",
            "USERNAME_PURCHASE_AVAILABLE"
        ]
    );
    // Without docs: none of it.
    let plain = tl_codegen::Config::new().model(&schema).unwrap();
    assert!(!plain.documented && plain.errors.is_empty());
    assert!(plain.functions.iter().all(|f| f.possible_errors.is_empty()));

    // The seed page of the real dump, in its order.
    let importers = tl_codegen::Config::new()
        .docs(docs_dir().join("getdoc-L223.json"))
        .generate(&[docs_dir().join("../importers.tl")])
        .unwrap()
        .code;
    assert!(importers.contains(
        "const POSSIBLE_ERRORS: &'static [&'static str] = &[\n                \"CHANNEL_INVALID\",\n                \"CHANNEL_PRIVATE\",\n                \"CHAT_ADMIN_REQUIRED\",\n                \"CHAT_WRITE_FORBIDDEN\",\n                \"INVITE_HASH_EXPIRED\",\n                \"PEER_ID_INVALID\",\n                \"SEARCH_WITH_LINK_NOT_SUPPORTED\",\n            ];"
    ), "{importers}");
}

/// A table as the generated `errors::ALL` holds it, from `(name, code)` (descriptions left out).
fn table(entries: impl Iterator<Item = (String, i32)>) -> &'static [ErrorDoc] {
    let docs: Vec<ErrorDoc> = entries
        .map(|(name, code)| ErrorDoc::new(Box::leak(name.into_boxed_str()), code, ""))
        .collect();
    Box::leak(docs.into_boxed_slice())
}

/// For every entry, the message a server sends under that name (42 where `%d` stands) finds that
/// very entry; returns the entries whose parsed name another entry shares (a name documented
/// both plainly and with a number), which only the value tells apart.
fn every_entry_finds_itself(table: &'static [ErrorDoc]) -> Vec<String> {
    let mut shared = Vec::new();
    for doc in table {
        let message = doc.name.replace("%d", "42");
        let error = RpcError::parse(doc.code, &message);
        let found = ErrorDoc::find(table, &error).map(|d| d.name);
        assert_eq!(found, Some(doc.name), "{message} ({error:?})");
        let others = table
            .iter()
            .filter(|other| other.name != doc.name)
            .filter(|other| RpcError::parse(0, &other.name.replace("%d", "42")).name == error.name)
            .count();
        if others > 0 {
            shared.push(doc.name.to_owned());
        }
    }
    shared
}

/// The errors module generated for api-L228 with the L223 dump: 724 entries, each found by its
/// messages; six names exist both plainly and as a pattern.
#[test]
fn every_documented_error_is_found_by_its_messages() {
    let text = std::fs::read_to_string(docs_dir().join("../corpus/telegram/api-L228.tl")).unwrap();
    let (_, parsed) = tl_parser::parse_str("api-L228.tl", &text);
    let model = tl_codegen::Config::new()
        .docs(docs_dir().join("getdoc-L223.json"))
        .model(&parsed.into_result().unwrap())
        .unwrap();
    assert_eq!(model.errors.len(), 724);
    let l223 = table(model.errors.iter().map(|e| (e.name.clone(), e.code)));
    assert_eq!(
        every_entry_finds_itself(l223),
        [
            "ALLOW_PAYMENT_REQUIRED",
            "ALLOW_PAYMENT_REQUIRED_%d",
            "AUTH_RESTART",
            "AUTH_RESTART_%d",
            "EMAIL_UNCONFIRMED",
            "EMAIL_UNCONFIRMED_%d",
            "FILE_REFERENCE_%d_EMPTY",
            "FILE_REFERENCE_%d_EXPIRED",
            "FILE_REFERENCE_%d_INVALID",
            "FILE_REFERENCE_EMPTY",
            "FILE_REFERENCE_EXPIRED",
            "FILE_REFERENCE_INVALID",
        ]
    );
    let flood = RpcError::parse(420, "FLOOD_PREMIUM_WAIT_42");
    assert_eq!(
        ErrorDoc::find(l223, &flood).map(|d| d.name),
        Some("FLOOD_PREMIUM_WAIT_%d")
    );

    // With Telethon's list merged in (800 errors, FLOOD_WAIT_%d among them), the seventh pair:
    // its FILE_PART_0_MISSING beside FILE_PART_%d_MISSING.
    let mut docs = tl_docs::Docs::load(&docs_dir().join("getdoc-L223.json")).unwrap();
    let telethon = tl_docs::Telethon::load(
        &docs_dir().join("telethon-errors.csv"),
        &docs_dir().join("telethon-methods.csv"),
    )
    .unwrap();
    docs.merge_telethon(&telethon);
    let merged = table(
        docs.errors
            .values()
            .map(|e| (e.name.as_str().to_owned(), e.code())),
    );
    assert_eq!(merged.len(), 800);
    let shared = every_entry_finds_itself(merged);
    assert_eq!(shared.len(), 14, "{shared:?}");
    assert!(shared.contains(&"FILE_PART_0_MISSING".to_owned()));
    let flood = RpcError::parse(420, "FLOOD_WAIT_42");
    assert_eq!(
        ErrorDoc::find(merged, &flood).map(|d| d.name),
        Some("FLOOD_WAIT_%d")
    );
}

/// `Config::docs_telethon`: Telethon's lists fill what the getdoc file leaves out (who may call
/// `account.checkUsername`, the possible errors of `help.test`, an error only Telethon knows)
/// and never override it (`users.getUsers` keeps its errors and its `bot_can_use`); alone they
/// document errors and usability without descriptions; a broken list is an error naming its file.
#[test]
fn telethon_lists_fill_what_the_getdoc_file_leaves_out() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("telethon-docs");
    std::fs::create_dir_all(&dir).unwrap();
    let errors = dir.join("errors.csv");
    let methods = dir.join("methods.csv");
    std::fs::write(
        &errors,
        "name,codes,description\n\
         CHANNEL_INVALID,400,Telethon's words\n\
         TEST_ONLY_TELETHON,400,Only Telethon lists this\n\
         USERNAME_INVALID,400,Invalid username\n",
    )
    .unwrap();
    std::fs::write(
        &methods,
        "method,usability,errors\n\
         users.getUsers,user,USERNAME_INVALID\n\
         account.checkUsername,user,USERNAME_INVALID\n\
         help.test,both,TEST_ONLY_TELETHON\n",
    )
    .unwrap();
    let text = std::fs::read_to_string(fixtures().join("docs.tl")).unwrap();
    let (_, parsed) = tl_parser::parse_str("docs.tl", &text);
    let schema = parsed.into_result().unwrap();

    let model = tl_codegen::Config::new()
        .docs(fixtures().join("docs.json"))
        .docs_telethon(&errors, &methods)
        .model(&schema)
        .unwrap();
    let names = |tl_name: &str| -> Vec<String> {
        let def = model.find_struct(tl_name).unwrap();
        def.possible_errors.iter().map(|e| e.name.clone()).collect()
    };
    let get_users = model.find_struct("users.getUsers").unwrap();
    assert_eq!(get_users.usability.bots, Some(true));
    assert_eq!(names("users.getUsers")[0], "CHANNEL_INVALID");
    assert_eq!(names("help.test"), ["TEST_ONLY_TELETHON"]);
    let check = model.find_struct("account.checkUsername").unwrap();
    assert_eq!(
        (check.usability.users, check.usability.bots),
        (Some(true), Some(false))
    );
    let channel_invalid = model.errors.iter().find(|e| e.name == "CHANNEL_INVALID");
    assert_ne!(channel_invalid.unwrap().text, "Telethon's words");
    assert!(model.errors.iter().any(|e| e.name == "TEST_ONLY_TELETHON"));

    // Telethon's lists alone.
    let alone = tl_codegen::Config::new()
        .docs_telethon(&errors, &methods)
        .model(&schema)
        .unwrap();
    assert!(alone.documented);
    assert_eq!(alone.errors.len(), 3);
    let help_test = alone.find_struct("help.test").unwrap();
    assert_eq!(help_test.possible_errors[0].name, "TEST_ONLY_TELETHON");
    assert_eq!(help_test.usability.bots, Some(true));

    // A list without its columns.
    let broken = dir.join("broken.csv");
    std::fs::write(&broken, "name;codes\nX;1\n").unwrap();
    let err = tl_codegen::Config::new()
        .docs_telethon(&broken, &methods)
        .model(&schema)
        .unwrap_err();
    assert!(
        matches!(&err, tl_codegen::Error::DocsCsv { path, .. } if path == &broken),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with(&broken.display().to_string()),
        "{err}"
    );
}
