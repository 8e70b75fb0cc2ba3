//! Syntax errors: snapshots of the diagnostics of malformed schemas (`line:col: message`, then the
//! rendered report), and the parser's robustness on hostile input (no panic, linear time).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;

use tl_parser::diagnostic::render;
use tl_parser::{Diagnostic, Parsed, Severity, SourceSet};

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |nl| nl + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Parses `text` and returns the sources and the syntax diagnostics, checking what every syntax
/// diagnostic must satisfy: an error with one primary label inside the file.
fn syntax_errors(text: &str) -> (SourceSet, Vec<Diagnostic>, Parsed) {
    let (sources, parsed) = tl_parser::parse_str("test.tl", text);
    let syntax: Vec<Diagnostic> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == tl_parser::Code::Syntax)
        .cloned()
        .collect();
    for d in &syntax {
        assert_eq!(d.severity, Severity::Error);
        let span = d.primary_span().expect("a primary label");
        assert!(
            span.start <= span.end && span.end as usize <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize)
        );
    }
    (sources, syntax, parsed)
}

/// `line:col: message` per syntax error, then the report as the user sees it.
fn check(text: &str) -> String {
    let (sources, syntax, parsed) = syntax_errors(text);
    assert!(!syntax.is_empty(), "no syntax error reported");
    let mut out = String::new();
    for d in &syntax {
        let span = d.primary_span().unwrap();
        let (line, col) = line_col(text, span.start as usize);
        writeln!(out, "{line}:{col}: {}", d.message).unwrap();
    }
    let names: Vec<&str> = parsed
        .schema
        .definitions()
        .iter()
        .map(|d| d.name.full.as_str())
        .collect();
    writeln!(out, "parsed: {names:?}\n").unwrap();
    out.push_str(&render(&syntax, &sources, false));
    out
}

#[test]
fn invalid_syntax_fixtures() {
    insta::glob!("fixtures/invalid/syntax_*.tl", |path| {
        let bytes = std::fs::read(path).unwrap();
        insta::assert_snapshot!(check(&String::from_utf8_lossy(&bytes)));
    });
}

#[test]
fn empty_and_blank_files() {
    for text in [
        "",
        " ",
        "\n\n",
        "// only a comment",
        "//",
        "///",
        "//@",
        "//-",
        "---types---",
    ] {
        let (_, syntax, parsed) = syntax_errors(text);
        assert!(syntax.is_empty(), "{text:?}: {syntax:?}");
        assert_eq!(parsed.schema.definitions().len(), 0);
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn garbage_never_panics() {
    // Bytes weighted towards TL punctuation so that the generator reaches deep into the grammar.
    const ALPHABET: &[u8] = b"ab_Z09.:#?!%<>(){}[]=;*- \n\t/@\x00\xff\xc3\xa9";
    let mut state = 0x9e37_79b9_7f4a_7c15;
    for round in 0..3000 {
        let len = (xorshift(&mut state) % 200) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = xorshift(&mut state);
                if round % 3 == 0 {
                    r as u8
                } else {
                    ALPHABET[(r % ALPHABET.len() as u64) as usize]
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        syntax_errors(&text);
    }
}

#[test]
fn truncations_of_a_valid_schema_never_panic() {
    let schema = "// LAYER 1\n//@description d @x e\n//-more\nuser#1 {X:Type} flags:# x:flags.0?Vector<(vector %T)> q:!X = User;\n---functions---\nvector {t:Type} # [ t ] = Vector t;\nint128 4*[ int ] = Int128;\n";
    for end in (0..=schema.len()).filter(|&i| schema.is_char_boundary(i)) {
        syntax_errors(&schema[..end]);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in ["Vector<", "(vector "] {
        let ty = open.repeat(100_000);
        let (_, syntax, _) = syntax_errors(&format!("deep x:{ty}int = Deep;\nok = Ok;\n"));
        assert_eq!(syntax.len(), 1, "{syntax:?}");
        assert!(
            syntax[0].message.contains("nested"),
            "{}",
            syntax[0].message
        );
    }
}

#[test]
fn nul_bytes_and_non_ascii() {
    let (_, syntax, parsed) =
        syntax_errors("ok = Ok;\n\0\0\0;\nпривет = Мир;\ndone = Done; // 日本語\n");
    assert_eq!(syntax.len(), 2, "{syntax:?}");
    let names: Vec<&str> = parsed
        .schema
        .definitions()
        .iter()
        .map(|d| d.name.full.as_str())
        .collect();
    assert_eq!(names, ["ok", "done"]);
}

#[test]
fn ten_megabyte_single_line() {
    let unit = "userStatusOnline#edb93949 expires:int = UserStatus; ";
    let count = 10 * 1024 * 1024 / unit.len() + 1;
    let text = unit.repeat(count);
    let (_, syntax, parsed) = syntax_errors(&text);
    assert!(syntax.is_empty());
    assert_eq!(parsed.schema.definitions().len(), count);

    // The same line broken by one error in every statement: one diagnostic each.
    let broken = "a#1 x:int Foo; ".repeat(count);
    let (_, syntax, _) = syntax_errors(&broken);
    assert_eq!(syntax.len(), count);

    // One huge token without any `;`.
    let (_, syntax, _) = syntax_errors(&"x".repeat(10 * 1024 * 1024));
    assert_eq!(syntax.len(), 1);
}

#[test]
fn huge_numbers_saturate() {
    let text = "a#1 flags:# x:flags.99999999999999999999999?int = A;\nint9 99999999999999999999*[ int ] = Int9;\n";
    let (_, syntax, parsed) = syntax_errors(text);
    assert!(syntax.is_empty(), "{syntax:?}");
    let defs: Vec<_> = parsed.schema.definitions().iter().collect();
    assert_eq!(defs[0].params[1].flag.as_ref().unwrap().bit, u32::MAX);
    assert!(matches!(
        defs[1].body,
        Some(tl_parser::Body::Repeat {
            count: u32::MAX,
            ..
        })
    ));
}
