//! Snapshot tests of generated code: one small fixture schema per TL feature, and the shipped schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use tl_parser::SourceSet;

/// Generates Rust for one schema file, named by its file name only so snapshots are machine-independent.
/// The API switches are on, so that the snapshots show every item (`api_switches` checks them off).
fn generate(path: &Path, configure: impl FnOnce(&mut tl_codegen::Config)) -> String {
    let mut config = tl_codegen::Config::new();
    config.builders(true).enum_helpers(true);
    configure(&mut config);
    generate_with(path, &config)
}

/// Generates Rust for one schema file with `config` as it is.
fn generate_with(path: &Path, config: &tl_codegen::Config) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut sources = SourceSet::new();
    sources.add(path.file_name().unwrap().to_string_lossy(), text);
    match config.generate_from(&sources) {
        Ok(generated) => {
            assert!(
                generated.warnings.is_empty(),
                "unexpected warnings for {}:\n{}",
                path.display(),
                generated.render_warnings(false)
            );
            generated.code
        }
        Err(e) => panic!("generation failed for {}:\n{e}", path.display()),
    }
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/*.tl", |path| {
        insta::assert_snapshot!(generate(path, |_| {}));
    });
}

/// Sample values (`Config::samples`) for conditional fields, shared bits and recursion.
#[test]
fn samples() {
    for fixture in ["shared_bits.tl", "recursion.tl"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        let code = generate(&path, |c| {
            c.samples(true);
        });
        insta::assert_snapshot!(format!("samples_{fixture}"), code);
    }
}

/// The JSON form (`Config::serde`) for shared bits (groups, derived flags), generics, TDLib's
/// nullable objects and int53, and TON's any-object enum.
#[test]
fn serde() {
    for fixture in [
        "shared_bits.tl",
        "generics.tl",
        "tdlib_docs.tl",
        "ton_mode.tl",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        let code = generate(&path, |c| {
            c.serde(true);
        });
        insta::assert_snapshot!(format!("serde_{fixture}"), code);
    }
}

/// Telegram's documentation in the code (`Config::docs`, `fixtures/docs.json`): descriptions with
/// links, a `?true` field read through a method and a group named after a `?true` field, enums
/// listing their constructors and constructors linking their enum, result types, who may call a
/// function, the possible-errors table and `POSSIBLE_ERRORS`, the `errors` module; `inputPeerEmpty`
/// and `help.test`, which the file does not document, keep their TL line only.
#[test]
#[cfg(feature = "docs")]
fn docs() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let code = generate(&fixtures.join("docs.tl"), |c| {
        c.docs(fixtures.join("docs.json"));
    });
    insta::assert_snapshot!("docs_docs.tl", code);
}

/// `Config::borrowed` (zero-copy decoding): `Cow` strings and byte strings, the lifetime `'a` on
/// exactly the types that reach one, their borrowed decoders and `IntoOwned`, one-line owned
/// decoders, results in their `'static` form, a generic function with and without `'a`.
#[test]
fn borrowed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/borrowed.tl");
    let code = generate(&path, |c| {
        c.borrowed(true);
    });
    insta::assert_snapshot!("borrowed_borrowed.tl", code);
}

/// The lifetime rule, read from the model: `'a` where a string or bytes is reachable, through
/// fields, groups, bare constructors, variants and recursion; nowhere without the switch.
#[test]
fn borrowed_rule() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/borrowed.tl");
    let text = std::fs::read_to_string(&path).unwrap();
    let (_, parsed) = tl_parser::parse_str("borrowed.tl", &text);
    let schema = parsed.into_result().unwrap();
    let model = tl_codegen::Config::new()
        .borrowed(true)
        .model(&schema)
        .unwrap();
    assert!(model.borrowed);
    let borrowing = |tl_name: &str| -> bool {
        match model.find_struct(tl_name) {
            Some(s) => s.borrows,
            None => model.find_enum(tl_name).unwrap().borrows,
        }
    };
    for yes in [
        "upload.file",
        "label",
        "tagged",
        "user",
        "userEmpty",
        "User",
        "textPlain",
        "textBold",
        "textConcat",
        "RichText",
        "upload.getFile",
        "initConnection",
    ] {
        assert!(borrowing(yes), "{yes} should take 'a");
    }
    for no in [
        "point",
        "Point",
        "shapeCircle",
        "shapeLine",
        "Shape",
        "textEmpty",
        "users.getUsers",
        "help.getNearestPoint",
        "invokeWithLayer",
    ] {
        assert!(!borrowing(no), "{no} should not take 'a");
    }
    let owned = tl_codegen::Config::new().model(&schema).unwrap();
    assert!(!owned.borrowed);
    assert!(
        owned
            .types
            .iter()
            .chain(&owned.functions)
            .all(|s| !s.borrows)
    );
    assert!(owned.enums.iter().all(|e| !e.borrows));
}

/// The JSON form of borrowed types is not generated yet: asking for both is a typed error, and
/// nothing is generated.
#[test]
fn borrowed_with_serde_is_refused() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/borrowed.tl");
    let err = tl_codegen::Config::new()
        .borrowed(true)
        .serde(true)
        .generate(&[&path])
        .unwrap_err();
    assert!(
        matches!(
            err,
            tl_codegen::Error::Unsupported {
                settings: "borrowed and serde",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "cannot generate with borrowed and serde together: the JSON form of borrowed types is not \
         generated yet"
    );
}

/// The `Config` hooks: attributes on items and fields, `#[non_exhaustive]` enums, a field forced
/// onto the heap; `Eq` and `Hash` come from an attribute, with `Config::eq_hash` off.
#[test]
fn hooks() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/recursion.tl");
    let code = generate(&path, |c| {
        c.eq_hash(false)
            .non_exhaustive(true)
            .type_attribute(".", "#[derive(Eq, Hash)]")
            .type_attribute("textPlain", "#[doc(alias = \"plain\")]")
            .field_attribute("textPlain.text", "#[doc(alias = \"content\")]")
            .boxed("textBold.text");
    });
    insta::assert_snapshot!("hooks_recursion.tl", code);
}

/// `Config::eq_hash` works both ways: on, types that reach no `double` derive `Eq`
/// and `Hash` (the `eq_hash.tl` snapshot shows which); off, none does.
#[test]
fn eq_hash_switch() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eq_hash.tl");
    let on = generate(&path, |c| {
        c.eq_hash(true);
    });
    // Four constructors, three enums and both functions; the five structs and four enums that
    // reach `geoPoint`'s doubles (`checkIn`'s through its shared-bit group struct) do not.
    assert_eq!(on.matches("PartialEq, Eq, Hash").count(), 9);
    assert_eq!(
        on.matches("PartialEq)]").count() + on.matches("PartialEq, Default)]").count(),
        9
    );
    // Off is the default.
    let off = generate(&path, |_| {});
    assert!(!off.contains("Eq, Hash"), "{off}");
    assert_eq!(
        off.replace("#[derive(Debug, Clone, PartialEq)]", "")
            .replace("#[derive(Debug, Clone, PartialEq, Default)]", ""),
        on.replace("#[derive(Debug, Clone, PartialEq, Eq, Hash)]", "")
            .replace("#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]", "")
            .replace("#[derive(Debug, Clone, PartialEq)]", "")
            .replace("#[derive(Debug, Clone, PartialEq, Default)]", "")
    );
}

/// `Config::builders` and `Config::enum_helpers`: each switch adds exactly its items, and the model
/// records the decision (`StructDef::builders`, `StructDef::default`, `Field::setter`,
/// `EnumDef::helpers`, `EnumDef::getters`) that the emitters read.
#[test]
fn api_switches() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/getters.tl");
    let both = generate(&path, |_| {});
    let neither = generate(&path, |c| {
        c.builders(false).enum_helpers(false);
    });
    let builders = generate(&path, |c| {
        c.enum_helpers(false);
    });
    let helpers = generate(&path, |c| {
        c.builders(false);
    });
    let count = |code: &str, item: &str| code.matches(item).count();
    let items = [
        "pub fn new(",
        "pub fn with_",
        "pub fn constructor_id(",
        "pub fn tl_name(",
        "TryFrom<",
        "pub fn id(&self)",
    ];
    for item in items {
        assert!(count(&both, item) > 0, "{item}");
        assert_eq!(count(&neither, item), 0, "{item}");
    }
    for (item, from_builders) in items.iter().zip([true, true, false, false, false, false]) {
        let (on, off) = if from_builders {
            (&builders, &helpers)
        } else {
            (&helpers, &builders)
        };
        assert_eq!(count(on, item), count(&both, item), "{item}");
        assert_eq!(count(off, item), 0, "{item}");
    }
    // `Default` comes with the builders.
    assert_eq!(count(&builders, "Default)]"), count(&both, "Default)]"));
    assert_eq!(count(&helpers, "Default)]"), 0);
    // What stays: the wire format, `From` into the enums; the helpers' only `From` is the way back
    // from the enum of the fixture's one single-constructor type (`ChatFull`).
    for item in ["fn walk_bare<", "fn deserialize("] {
        assert_eq!(count(&neither, item), count(&both, item), "{item}");
    }
    let from = "impl ::core::convert::From<";
    assert_eq!(count(&neither, from) + 1, count(&both, from));
    assert!(both.contains("impl ::core::convert::From<ChatFull> for super::types::ChatFull"));
    // Both are off by default (each costs more than 5% of full api-L228's build time); without
    // builders no struct implements `Default` either.
    assert_eq!(generate_with(&path, &tl_codegen::Config::new()), neither);
    assert!(both.contains("Default)]") && !neither.contains("Default"));

    let text = std::fs::read_to_string(&path).unwrap();
    let (_, parsed) = tl_parser::parse_str("getters.tl", &text);
    let schema = parsed.into_result().unwrap();
    let off = tl_codegen::Config::new()
        .builders(false)
        .enum_helpers(false)
        .model(&schema)
        .unwrap();
    assert!(off.types.iter().all(|s| !s.builders && !s.default));
    assert!(
        off.types
            .iter()
            .flat_map(|s| &s.fields)
            .all(|f| f.setter.is_none())
    );
    assert!(off.enums.iter().all(|e| !e.helpers && e.getters.is_empty()));
    let on = tl_codegen::Config::new()
        .builders(true)
        .enum_helpers(true)
        .model(&schema)
        .unwrap();
    assert!(on.types.iter().all(|s| s.builders));
    assert!(on.types.iter().any(|s| s.default));
    assert!(
        on.types
            .iter()
            .flat_map(|s| &s.fields)
            .any(|f| f.setter.is_some())
    );
    assert!(on.enums.iter().all(|e| e.helpers));
    assert!(!on.find_enum("Chat").unwrap().getters.is_empty());
}

/// The getters' rule, read from the model: a field every constructor has alike, required or
/// optional in all; not where a constructor lacks it (`date` is an `int` in one and a `long` in
/// another, `about` required in two and optional in one), not for group members (`link`), reserved
/// names (`len`, `from_id`) or a type of one constructor.
#[test]
fn getters_rule() {
    use tl_codegen::model::{Access, Borrow};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/getters.tl");
    let text = std::fs::read_to_string(&path).unwrap();
    let (_, parsed) = tl_parser::parse_str("getters.tl", &text);
    let model = tl_codegen::Config::new()
        .enum_helpers(true)
        .model(&parsed.into_result().unwrap())
        .unwrap();
    let names = |tl_name: &str| -> Vec<String> {
        let e = model.find_enum(tl_name).unwrap();
        e.getters.iter().map(|g| g.ident.to_string()).collect()
    };
    assert_eq!(
        names("Chat"),
        [
            "creator", "id", "title", "photo", "username", "pinned", "slowmode", "key", "members",
            "thumb", "rating"
        ]
    );
    assert_eq!(names("Peer"), ["id", "r#type"]);
    assert_eq!(names("Thread"), ["id", "reply"]);
    assert!(names("ChatFull").is_empty());
    let chat = model.find_enum("Chat").unwrap();
    let borrows: Vec<(Borrow, bool)> = chat
        .getters
        .iter()
        .map(|g| (g.borrow, g.optional))
        .collect();
    assert_eq!(
        borrows[..3],
        [
            (Borrow::Copy, false),
            (Borrow::Copy, false),
            (Borrow::Str, false)
        ]
    );
    assert_eq!(borrows[4], (Borrow::Str, true));
    // `channel`'s `creator` shares its bit with `admin_rights`: read through its method.
    assert!(matches!(&chat.getters[0].access[2], Access::Method(m) if m.as_str() == "creator"));
    // `threadRoot.reply` is recursive, so held in a `Box`; `threadBranch.reply` is not.
    let reply = &model.find_enum("Thread").unwrap().getters[1];
    let heaps: Vec<bool> = reply
        .access
        .iter()
        .map(|a| matches!(a, Access::Field { heap: true, .. }))
        .collect();
    assert_eq!(heaps, [true, false]);
}

/// A hook that cannot be applied is an error naming it, not ignored.
#[test]
fn bad_hooks_are_errors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/recursion.tl");
    let err = tl_codegen::Config::new()
        .type_attribute("textPlain", "derive(Eq)")
        .generate(&[&path])
        .unwrap_err();
    assert!(
        matches!(&err, tl_codegen::Error::Attribute { path, .. } if path == "textPlain"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "the attribute `derive(Eq)` given for `textPlain` is not a Rust attribute (such as #[derive(Eq)])"
    );
    for path_given in ["textConcat.texts", "textBold.nothing", "nowhere"] {
        let err = tl_codegen::Config::new()
            .boxed(path_given)
            .generate(&[&path])
            .unwrap_err();
        assert!(
            matches!(&err, tl_codegen::Error::UnknownPath { path } if path == path_given),
            "{err}"
        );
    }
}

/// Generation is a pure function of the schema: the same input gives the same bytes.
#[test]
fn output_is_deterministic() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/importers.tl");
    let first = generate(&path, |_| {});
    for _ in 0..3 {
        assert_eq!(generate(&path, |_| {}), first);
    }
}

/// Editing the schema (a field added to a constructor, as a new layer does) changes the generated
/// code accordingly: regeneration is real, not a cached copy.
#[test]
fn a_schema_edit_changes_the_generated_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/importers.tl");
    let original = std::fs::read_to_string(&path).unwrap();
    let old_line = original
        .lines()
        .find(|l| l.starts_with("chatInviteImporter#"))
        .unwrap();
    let new_line = old_line
        .replace("chatInviteImporter#8c5adfd9", "chatInviteImporter")
        .replace(
            " = ChatInviteImporter;",
            " note:flags.4?string = ChatInviteImporter;",
        );
    let edited = original.replace(old_line, &new_line);

    let generate_text = |text: &str| {
        let mut sources = SourceSet::new();
        sources.add("importers.tl", text);
        tl_codegen::Config::new()
            .generate_from(&sources)
            .unwrap()
            .code
    };
    let before = generate_text(&original);
    let after = generate_text(&edited);
    assert_ne!(before, after);
    assert!(!before.contains("pub note:"));
    assert!(after.contains("pub note: ::core::option::Option<::std::string::String>,"));
    assert!(after.contains(r#"(tl::has(flags, 4), reader, NAME, "note")?"#));
    assert!(after.contains("tl::bit(self.note.is_some(), 4)"));
    // Without a declared id the reference rule gives the new definition a new id.
    assert!(before.contains("const CONSTRUCTOR_ID: u32 = 0x8c5adfd9;"));
    let (_, parsed) = tl_parser::parse_str("edited.tl", &edited);
    let id = parsed.schema.find("chatInviteImporter").unwrap().id;
    assert_ne!(id, 0x8c5adfd9);
    assert!(after.contains(&format!("const CONSTRUCTOR_ID: u32 = {id:#010x};")));
}
