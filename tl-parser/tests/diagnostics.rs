//! Snapshots of the rendered diagnostics of the semantic checks, one fixture per problem
//! (`fixtures/invalid/semantic_*.tl`; the parser's `syntax_*.tl` fixtures have their own test).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_parser::{CheckOptions, SourceSet};

/// Parses and checks `text` as a file called `name`, and renders every diagnostic without colour.
fn check(name: &str, text: &str) -> String {
    let mut sources = SourceSet::new();
    sources.add(name, text);
    let parsed = tl_parser::parse(&sources, &CheckOptions::default());
    tl_parser::diagnostic::render(&parsed.diagnostics, &sources, false)
}

#[test]
fn semantic_fixtures() {
    insta::glob!("fixtures/invalid/semantic_*.tl", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let rendered = check(&name, &text);
        assert!(!rendered.is_empty(), "{name}: no diagnostic");
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn rendering_without_colour_has_no_escape_codes_and_with_colour_has_some() {
    let text = "a x:Undefined = A;\n";
    let mut sources = SourceSet::new();
    sources.add("a.tl", text);
    let parsed = tl_parser::parse(&sources, &CheckOptions::default());
    assert!(parsed.has_errors());
    let plain = tl_parser::diagnostic::render(&parsed.diagnostics, &sources, false);
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("a.tl:1:5"), "{plain}");
    let colored = tl_parser::diagnostic::render(&parsed.diagnostics, &sources, true);
    assert!(colored.contains('\x1b'));
}

#[test]
fn rendering_survives_out_of_range_spans_and_unknown_files() {
    use tl_parser::{Diagnostic, FileId, Label, Severity, Span};
    let mut sources = SourceSet::new();
    let file = sources.add("short.tl", "é = E;");
    let label = |span, primary| Label {
        span,
        message: "here".to_owned(),
        primary,
    };
    let diagnostics = vec![
        Diagnostic {
            severity: Severity::Error,
            code: tl_parser::Code::Unsupported,
            message: "past the end".to_owned(),
            labels: vec![label(Span::new(file, 100, 200), true)],
            notes: vec![],
        },
        Diagnostic {
            severity: Severity::Warning,
            code: tl_parser::Code::Unsupported,
            message: "inside a character, reversed".to_owned(),
            labels: vec![label(Span::new(file, 1, 0), true)],
            notes: vec![],
        },
        Diagnostic {
            severity: Severity::Note,
            code: tl_parser::Code::Unsupported,
            message: "unknown file".to_owned(),
            labels: vec![label(Span::new(FileId(7), 0, 1), true)],
            notes: vec!["still shown".to_owned()],
        },
    ];
    let rendered = tl_parser::diagnostic::render(&diagnostics, &sources, false);
    assert!(rendered.contains("past the end"), "{rendered}");
    assert!(rendered.contains("reversed"), "{rendered}");
    assert!(
        rendered.contains("unknown file") && rendered.contains("still shown"),
        "{rendered}"
    );
}

#[test]
fn explained_mismatches_follow_the_options() {
    let text = "inputSecretFile#ebf997c9 flags:# big:flags.0?true data:bytes = InputSecretFile;\n";
    let mut sources = SourceSet::new();
    sources.add("a.tl", text);
    let lenient = tl_parser::parse(&sources, &CheckOptions::default());
    assert!(!lenient.has_errors());
    assert_eq!(lenient.diagnostics.len(), 1);
    assert_eq!(lenient.diagnostics[0].code, tl_parser::Code::IdMismatch);
    let strict = CheckOptions {
        explained_mismatch: tl_parser::Severity::Error,
        ..CheckOptions::default()
    };
    assert!(tl_parser::parse(&sources, &strict).has_errors());
}

#[test]
fn long_lines_are_cropped_around_the_labels_with_true_columns() {
    // A 1 MB schema on one line, with an undefined type at the very end.
    let mut text: String = (0..60_000).map(|i| format!("a{i} x:int = A; ")).collect();
    let column = text.len() + "b y:".len();
    text.push_str("b y:Undefined = B;");
    let mut sources = SourceSet::new();
    sources.add("long.tl", text);
    let parsed = tl_parser::parse(&sources, &CheckOptions::default());
    let rendered = tl_parser::diagnostic::render(&parsed.diagnostics, &sources, false);
    assert!(
        rendered.contains(&format!("long.tl:1:{}", column + 1)),
        "{rendered}"
    );
    assert!(rendered.contains("…"), "{rendered}");
    assert!(
        rendered.contains("^^^^^^^^^ not defined in this schema"),
        "{rendered}"
    );
    assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
}
