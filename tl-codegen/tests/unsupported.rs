//! Constructs that have no Rust form are located diagnostics (code `unsupported`), rendered with
//! the schema's lines, not a panic or a silently wrong item.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_parser::{Code, SourceSet};

/// The rendered diagnostics of generating `text`, which must fail.
fn unsupported(text: &str) -> String {
    let mut sources = SourceSet::new();
    sources.add("unsupported.tl", text);
    let err = tl_codegen::Config::new()
        .generate_from(&sources)
        .unwrap_err();
    assert!(
        err.diagnostics()
            .iter()
            .all(|d| d.code == Code::Unsupported),
        "{err}"
    );
    assert!(err.error_count() > 0);
    err.to_string()
}

#[test]
fn type_parameters_without_a_rust_form() {
    let rendered = unsupported(
        "int ? = Int;\n\
         just {t:Type} value:t = Maybe t;\n\
         ---functions---\n\
         count {n:#} {X:Type} query:!X = X;\n\
         unused {X:Type} {Y:Type} query:!X = X;\n",
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_model_of_an_unsupported_schema_is_an_error_too() {
    let (_, parsed) = tl_parser::parse_str("u.tl", "---functions---\nunused {X:Type} x:# = X;\n");
    let schema = parsed.into_result().unwrap();
    let err = tl_codegen::Config::new().model(&schema).unwrap_err();
    let [diagnostic] = err.diagnostics() else {
        panic!("{err}")
    };
    assert_eq!(diagnostic.code, Code::Unsupported);
    assert!(diagnostic.message.contains("used by no field"), "{err}");
}
