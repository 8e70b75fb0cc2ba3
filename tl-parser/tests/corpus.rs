//! The real schemas of the corpus (`schema/corpus/`, its `.tl` files searched recursively): every
//! file parses, has no errors (except ton/test_schema.tl's undeclared secure types), every declared
//! id verifies or is an explained mismatch, and the definition counts equal the corpus README's
//! table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tl_parser::{Body, Code, IdRule, IdStatus};
use tl_parser::{Category, CheckOptions, Parsed, Severity, SourceSet};

mod harness;

/// Counts from the corpus README's table: file, ctors, funcs, `?=` built-ins, explicit ids; then the
/// declared ids verified by the reference rule and by Telegram's rule (measured; README's own tool
/// checks only Telegram's rule).
const FILES: &[(&str, usize, usize, usize, usize, usize, usize)] = &[
    ("tdlib/e2e_api.tl", 44, 1, 4, 4, 4, 0),
    ("tdlib/mtproto_api.tl", 36, 8, 4, 39, 38, 0),
    ("tdlib/td_api.tl", 2166, 1010, 2, 0, 0, 0),
    ("telegram/api-L179.tl", 1302, 629, 4, 1928, 1526, 397),
    ("telegram/api-L208.tl", 1454, 712, 4, 2162, 1688, 466),
    ("telegram/api-L227.tl", 1627, 796, 4, 2419, 1884, 527),
    ("telegram/api-L228.tl", 1651, 813, 4, 2460, 1908, 544),
    (
        "telegram/grammers-api-L222.tl",
        1541,
        754,
        0,
        2295,
        1799,
        496,
    ),
    ("telegram/grammers-mtproto.tl", 52, 10, 4, 51, 37, 12),
    ("telegram/importers-closure.tl", 36, 1, 3, 36, 27, 9),
    ("telegram/mtproto.tl", 52, 10, 4, 50, 48, 0),
    ("telegram/secret_api.tl", 90, 1, 4, 86, 62, 10),
    (
        "telegram/tdesktop-api-L214.tl",
        1479,
        727,
        0,
        2206,
        1735,
        471,
    ),
    ("ton/lite_api.tl", 61, 34, 6, 3, 0, 0),
    ("ton/test_schema.tl", 14, 2, 0, 0, 0, 0),
    ("ton/ton_api.tl", 504, 159, 6, 3, 0, 0),
    ("ton/tonlib_api.tl", 145, 85, 4, 0, 0, 0),
];
// tdlib/e2e_api.tl: the README counts 45 constructors and 0 functions because its counting script does
// not take `--- functions ---` (with spaces) for a section marker. TDLib's tl-parser reads tokens, so
// the marker counts, and `e2e.nop = Bool;` after it is a function: 44 and 1.

const WHITELISTED: &str = "is a known historical id that tdesktop's generator whitelists (typeIdExceptions in codegen_scheme.py)";

/// Every explained mismatch of the corpus: file, name, explanation. Nothing else may mismatch.
fn expected_explained() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut add = |file: &str, name: &str, why: &str| {
        out.push((file.to_owned(), name.to_owned(), why.to_owned()))
    };
    let prefix =
        |generic: &str| format!("shares the id of {generic}, whose leading parameters it repeats");
    for file in [
        "telegram/api-L179.tl",
        "telegram/api-L208.tl",
        "telegram/api-L227.tl",
        "telegram/api-L228.tl",
    ] {
        add(file, "accessPointRule", WHITELISTED);
        add(file, "help.configSimple", WHITELISTED);
        add(
            file,
            "inputPeerPhotoFileLocationLegacy",
            "matches the name inputPeerPhotoFileLocation",
        );
        add(
            file,
            "inputStickerSetThumbLegacy",
            "matches the name inputStickerSetThumb",
        );
        add(
            file,
            "invokeWithBusinessConnectionPrefix",
            &prefix("invokeWithBusinessConnection"),
        );
        if file != "telegram/api-L179.tl" {
            add(
                file,
                "invokeWithGooglePlayIntegrityPrefix",
                &prefix("invokeWithGooglePlayIntegrity"),
            );
            add(
                file,
                "invokeWithApnsSecretPrefix",
                &prefix("invokeWithApnsSecret"),
            );
            add(
                file,
                "invokeWithReCaptchaPrefix",
                &prefix("invokeWithReCaptcha"),
            );
        }
    }
    for file in ["telegram/mtproto.tl", "telegram/grammers-mtproto.tl"] {
        add(file, "accessPointRule", WHITELISTED);
        add(file, "help.configSimple", WHITELISTED);
    }
    for (suffixed, name) in [
        ("decryptedMessage8", "decryptedMessage"),
        ("decryptedMessageService8", "decryptedMessageService"),
        ("decryptedMessageMediaPhoto8", "decryptedMessageMediaPhoto"),
        ("decryptedMessageMediaVideo8", "decryptedMessageMediaVideo"),
        (
            "decryptedMessageMediaDocument8",
            "decryptedMessageMediaDocument",
        ),
        ("decryptedMessageMediaAudio8", "decryptedMessageMediaAudio"),
        ("decryptedMessage23", "decryptedMessage"),
        ("decryptedMessageMediaVideo23", "decryptedMessageMediaVideo"),
        ("documentAttributeSticker23", "documentAttributeSticker"),
        ("documentAttributeVideo23", "documentAttributeVideo"),
        ("documentAttributeAudio23", "documentAttributeAudio"),
        ("documentAttributeAudio45", "documentAttributeAudio"),
        ("decryptedMessage46", "decryptedMessage"),
        (
            "decryptedMessageMediaDocument46",
            "decryptedMessageMediaDocument",
        ),
    ] {
        add(
            "telegram/secret_api.tl",
            suffixed,
            &format!("matches the name {name}"),
        );
    }
    add(
        "tdlib/mtproto_api.tl",
        "gzip_packed",
        "matches with the result type Object",
    );
    let appended =
        |field: &str| format!("matches without the trailing field `{field}` (appended later)");
    add(
        "ton/lite_api.tl",
        "liteServer.transactionId",
        &appended("metadata"),
    );
    add(
        "ton/lite_api.tl",
        "liteServer.getValidatorStats",
        &appended("modified_after"),
    );
    add(
        "ton/lite_api.tl",
        "liteServer.signatureSet.ordinary",
        "matches the name liteServer.signatureSet",
    );
    add(
        "ton/ton_api.tl",
        "db.block.info",
        &appended("masterchain_ref_seqno"),
    );
    add("ton/ton_api.tl", "collatorNode.pong", &appended("version"));
    add(
        "ton/ton_api.tl",
        "tonNode.capabilities",
        "is the id of its older definition `tonNode.capabilities version:int capabilities:long = tonNode.Capabilities`",
    );
    out.sort();
    out
}

/// The corpus folder and its `.tl` files (paths relative to it, `/`-separated, sorted). Panics when
/// the folder holds none.
fn corpus() -> (PathBuf, Vec<String>) {
    let root = harness::corpus::dir();
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "the corpus {} holds no .tl file",
        root.display()
    );
    (root, files)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "tl") {
            let relative = path.strip_prefix(root).unwrap();
            out.push(
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
}

fn parse(root: &Path, file: &str) -> (SourceSet, Parsed) {
    let bytes = std::fs::read(root.join(file)).unwrap();
    let mut sources = SourceSet::new();
    sources.add_bytes(file, bytes).unwrap();
    let parsed = tl_parser::parse(&sources, &CheckOptions::default());
    (sources, parsed)
}

#[test]
fn every_file_parses_without_errors() {
    let (root, files) = corpus();
    let known: Vec<&str> = FILES.iter().map(|f| f.0).collect();
    assert_eq!(
        files, known,
        "the corpus holds other files than the README's table"
    );
    for file in &files {
        let (sources, parsed) = parse(&root, file);
        let errors: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if file == "ton/test_schema.tl" {
            // Exactly the four uses of the undeclared secureString/secureBytes, each located.
            let text = &sources.get(tl_parser::FileId(0)).unwrap().text;
            let located: Vec<(Code, &str)> = errors
                .iter()
                .map(|d| (d.code, &text[d.primary_span().expect("located").range()]))
                .collect();
            assert_eq!(
                located,
                [
                    (Code::UndefinedType, "secureString"),
                    (Code::UndefinedType, "secureBytes"),
                    (Code::UndefinedType, "secureString"),
                    (Code::UndefinedType, "secureBytes"),
                ],
                "{file}"
            );
            assert_eq!(
                parsed.diagnostics.len(),
                4,
                "{file}: {:?}",
                parsed.diagnostics
            );
        } else {
            let rendered = tl_parser::diagnostic::render(&parsed.diagnostics, &sources, false);
            assert!(errors.is_empty(), "{file}:\n{rendered}");
        }
    }
}

#[test]
fn definition_counts_match_the_readme() {
    let (root, files) = corpus();
    for &(file, ctors, funcs, builtins, ids, by_reference, by_telegram) in FILES {
        assert!(
            files.iter().any(|f| f == file),
            "{file} missing from the corpus"
        );
        let (_, parsed) = parse(&root, file);
        let defs: Vec<_> = parsed.schema.definitions().iter().collect();
        let opaque = |d: &&&tl_parser::Definition| d.body == Some(Body::Opaque);
        let count = |pred: &dyn Fn(&&tl_parser::Definition) -> bool| {
            defs.iter().filter(|d| pred(d)).count()
        };
        let got = (
            count(&|d| d.category == Category::Type && !opaque(&d)),
            count(&|d| d.category == Category::Function && !opaque(&d)),
            count(&|d| opaque(&d)),
            count(&|d| d.declared_id.is_some()),
            count(&|d| d.id_status == IdStatus::Verified(IdRule::Reference)),
            count(&|d| d.id_status == IdStatus::Verified(IdRule::Telegram)),
        );
        assert_eq!(
            got,
            (ctors, funcs, builtins, ids, by_reference, by_telegram),
            "{file}: ctors, funcs, ?=, ids, verified"
        );
    }
}

#[test]
fn every_declared_id_verifies_or_is_an_explained_mismatch() {
    let (root, files) = corpus();
    let mut explained = Vec::new();
    let mut shared: BTreeMap<String, usize> = BTreeMap::new();
    for file in &files {
        let (_, parsed) = parse(&root, file);
        for def in parsed.schema.definitions() {
            match (&def.id_status, def.declared_id) {
                (IdStatus::Undeclared, None) | (IdStatus::Verified(_), Some(_)) => {}
                (IdStatus::Mismatch(m), Some(_)) => match &m.explanation {
                    Some(why) => {
                        explained.push((file.clone(), def.name.full.to_string(), why.clone()))
                    }
                    None => panic!("{file}: unexplained mismatch of {}", def.name.full),
                },
                (status, declared) => panic!(
                    "{file}: {} has status {status:?} with id {declared:?}",
                    def.name.full
                ),
            }
        }
        // Each mismatch is reported as a warning, and intentionally shared ids as notes.
        let mismatches = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == tl_parser::Code::IdMismatch)
            .count();
        let expected = explained.iter().filter(|(f, _, _)| f == file).count();
        assert_eq!(mismatches, expected, "{file}");
        assert!(
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.code == tl_parser::Code::IdMismatch)
                .all(|d| d.severity == Severity::Warning)
        );
        for d in parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == tl_parser::Code::SharedId)
        {
            assert_eq!(d.severity, Severity::Note);
            *shared.entry(file.clone()).or_default() += 1;
        }
    }
    explained.sort();
    assert_eq!(explained, expected_explained());
    let shared_expected: BTreeMap<String, usize> = [
        ("telegram/api-L179.tl", 1),
        ("telegram/api-L208.tl", 4),
        ("telegram/api-L227.tl", 4),
        ("telegram/api-L228.tl", 4),
    ]
    .into_iter()
    .map(|(f, n)| (f.to_owned(), n))
    .collect();
    assert_eq!(shared, shared_expected);
}

#[test]
fn explained_mismatches_become_errors_when_denied() {
    let (root, _) = corpus();
    let bytes = std::fs::read(root.join("ton/lite_api.tl")).unwrap();
    let mut sources = SourceSet::new();
    sources.add_bytes("ton/lite_api.tl", bytes).unwrap();
    let options = CheckOptions {
        explained_mismatch: Severity::Error,
        ..CheckOptions::default()
    };
    let parsed = tl_parser::parse(&sources, &options);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 3);
    assert!(errors.iter().all(|d| d.code == tl_parser::Code::IdMismatch));
}

#[test]
fn reference_ids_of_real_tdlib_and_ton_definitions() {
    let (root, _) = corpus();
    for (file, name, id) in [
        ("tdlib/td_api.tl", "minithumbnail", 0xec6addaa_u32),
        ("ton/ton_api.tl", "adnl.nodes", 0xa209db56),
        (
            "ton/lite_api.tl",
            "liteServer.getBlockOutMsgQueueSize",
            0x8f6c7779,
        ),
        (
            "telegram/api-L228.tl",
            "messages.getChatInviteImporters",
            0xdf04dd4e,
        ),
        (
            "telegram/api-L228.tl",
            "messages.chatInviteImporters",
            0x81b6b00a,
        ),
        ("telegram/api-L228.tl", "vector", 0x1cb5c415),
        ("ton/ton_api.tl", "vector", 0x1cb5c415),
    ] {
        let (_, parsed) = parse(&root, file);
        let def = parsed
            .schema
            .definitions()
            .iter()
            .find(|d| d.name.full == name)
            .unwrap();
        assert_eq!(def.id, id, "{file}: {name}");
        let computed = match def.id_status {
            IdStatus::Verified(IdRule::Telegram) => def.computed_ids.telegram,
            _ => def.computed_ids.reference,
        };
        assert_eq!(computed, id, "{file}: {name}");
    }
}

/// Every type reference of the corpus resolves (but the four undeclared `secure*` uses of
/// test_schema.tl), and the resolved roles agree with the corpus README's counts of L228: `flags2`
/// in 6 constructors, 73 definitions sharing a flag bit among several fields, highest bit 30.
#[test]
fn every_type_resolves_and_roles_match_the_readme() {
    let (root, files) = corpus();
    fn undefined(ty: &tl_parser::Type) -> usize {
        usize::from(ty.kind == tl_parser::TypeKind::Undefined)
            + ty.args.iter().map(undefined).sum::<usize>()
    }
    for file in &files {
        let (_, parsed) = parse(&root, file);
        let count: usize = parsed
            .schema
            .definitions()
            .iter()
            .flat_map(|d| d.params.iter().map(|p| &p.ty).chain([&d.result]))
            .map(undefined)
            .sum();
        let expected = if file == "ton/test_schema.tl" { 4 } else { 0 };
        assert_eq!(count, expected, "{file}");
    }

    let (_, parsed) = parse(&root, "telegram/api-L228.tl");
    let defs = parsed.schema.definitions();
    let mut two_words: Vec<&str> = defs
        .iter()
        .filter(|d| {
            d.params
                .iter()
                .filter(|p| p.role == tl_parser::Role::FlagsWord)
                .count()
                == 2
        })
        .map(|d| d.name.full.as_str())
        .collect();
    two_words.sort_unstable();
    assert_eq!(
        two_words,
        [
            "channel",
            "channelFull",
            "community",
            "message",
            "user",
            "userFull"
        ]
    );
    let shared_bits = defs
        .iter()
        .filter(|d| {
            let mut bits: Vec<(usize, u32)> =
                d.params.iter().filter_map(|p| p.condition()).collect();
            let all = bits.len();
            bits.sort_unstable();
            bits.dedup();
            bits.len() < all
        })
        .count();
    assert_eq!(shared_bits, 73);
    let highest = defs
        .iter()
        .flat_map(|d| d.params.iter().filter_map(|p| p.condition()))
        .map(|(_, bit)| bit)
        .max();
    assert_eq!(highest, Some(30));
}
