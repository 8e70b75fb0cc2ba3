//! Parser tests: snapshots of the parsed form of small fixture schemas, robustness on hostile input,
//! and every real schema of the corpus parsing without syntax errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use std::fmt::Write as _;

use tl_parser::ast::{BuiltinBody, Definition, FileSchema, TypeExpr};
use tl_parser::{Diagnostic, SourceSet, Span};

mod harness;

/// Parses `src` into the syntax tree of its file, with the syntax diagnostics (resolution and the
/// checker are tested elsewhere).
fn parse(src: &str) -> (FileSchema, Vec<Diagnostic>) {
    let mut sources = SourceSet::new();
    sources.add("test.tl", src);
    let (ast, syntax) = tl_parser::parse_syntax(&sources);
    let file = ast.files.into_iter().next().expect("one file");
    (file, syntax)
}

/// The parsed form of a schema without syntax errors, one node per line with its span and the
/// source text the span covers (so that a wrong span shows in review). What resolution decides
/// (bare or boxed, roles, ids) is left out: `resolve.rs` snapshots it.
fn check(src: &str) -> String {
    let (file, syntax) = parse(src);
    assert!(syntax.is_empty(), "unexpected syntax errors: {syntax:#?}");
    let at = |s: Span| format!("{}..{} {:?}", s.start, s.end, &src[s.range()]);
    let mut out = String::new();
    writeln!(out, "layer: {:?}", file.layer).unwrap();
    for class in &file.classes {
        writeln!(out, "class {} {:?}", class.name, class.description).unwrap();
        writeln!(out, "  at {}", at(class.span)).unwrap();
    }
    for def in &file.definitions {
        let Definition {
            category,
            name,
            declared_id,
            declared_id_span,
            type_params,
            params,
            builtin,
            result,
            docs,
            span,
            ..
        } = def;
        writeln!(out, "{category:?} {}", name.full).unwrap();
        writeln!(out, "  at {}", at(*span)).unwrap();
        writeln!(
            out,
            "  name {:?} namespace {:?} local {:?} at {}",
            name.full,
            name.namespace(),
            name.local(),
            at(name.span)
        )
        .unwrap();
        if let (Some(id), Some(id_span)) = (declared_id, declared_id_span) {
            writeln!(out, "  id {id:#010x} at {}", at(*id_span)).unwrap();
        } else {
            assert_eq!((declared_id, declared_id_span), (&None, &None));
        }
        for tp in type_params {
            writeln!(
                out,
                "  type param {}:{} at {}",
                tp.name,
                tp.kind,
                at(tp.span)
            )
            .unwrap();
        }
        for param in params {
            writeln!(out, "  param {} at {}", param.name, at(param.span)).unwrap();
            writeln!(out, "    name at {}", at(param.name_span)).unwrap();
            if let Some(flag) = &param.flag {
                writeln!(
                    out,
                    "    flag {}.{} at {} and {}",
                    flag.field,
                    flag.bit,
                    at(flag.field_span),
                    at(flag.bit_span)
                )
                .unwrap();
            }
            type_expr(&mut out, src, &param.ty, 4);
        }
        match builtin {
            None => {}
            Some(BuiltinBody::Repeat { count, ty }) => {
                writeln!(out, "  builtin repeat {count} of").unwrap();
                type_expr(&mut out, src, ty, 4);
            }
            Some(other) => writeln!(out, "  builtin {other:?}").unwrap(),
        }
        writeln!(out, "  result").unwrap();
        type_expr(&mut out, src, result, 4);
        if let Some(description) = &docs.description {
            writeln!(out, "  doc {description:?}").unwrap();
        }
        for (field, doc) in &docs.fields {
            writeln!(out, "  doc @{field} {doc:?}").unwrap();
        }
    }
    out
}

/// One line per type expression, arguments indented below it.
fn type_expr(out: &mut String, src: &str, ty: &TypeExpr, indent: usize) {
    let mut marks = String::new();
    for (set, mark) in [(ty.percent, " percent"), (ty.bang, " bang")] {
        if set {
            marks.push_str(mark);
        }
    }
    let span = format!(
        "{}..{} {:?}",
        ty.span.start,
        ty.span.end,
        &src[ty.span.range()]
    );
    writeln!(
        out,
        "{:indent$}type {} {:?}{marks} at {span}",
        "", ty.name, ty.syntax
    )
    .unwrap();
    for arg in &ty.args {
        type_expr(out, src, arg, indent + 2);
    }
}

#[test]
fn valid_fixtures() {
    insta::glob!("fixtures/valid/*.tl", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(check(&src));
    });
}

/// Every `*.tl` file under `dir`, recursively, sorted.
fn tl_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tl") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_has_no_syntax_errors() {
    let dir = harness::corpus::dir();
    let files = tl_files(&dir);
    assert!(
        !files.is_empty(),
        "the corpus {} holds no .tl files",
        dir.display()
    );
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let (file, syntax) = parse(&src);
        assert!(syntax.is_empty(), "{}: {syntax:#?}", path.display());
        assert!(
            !file.definitions.is_empty(),
            "{}: no definitions",
            path.display()
        );
    }
}

#[test]
fn crlf_line_endings_parse_like_lf() {
    let lf = "// LAYER 7\n//@description A point\n//-on two lines @x The x\npoint x:int\n  = Point; // c\n---functions---\nget = Point;\n";
    let crlf = lf.replace('\n', "\r\n");
    let (a, _) = parse(lf);
    let (b, syntax) = parse(&crlf);
    assert!(syntax.is_empty(), "{syntax:?}");
    assert_eq!(b.layer, Some(7));
    let summary = |f: &FileSchema| -> Vec<_> {
        f.definitions
            .iter()
            .map(|d| {
                (
                    d.name.full.clone(),
                    d.category,
                    d.params.len(),
                    d.docs.clone(),
                )
            })
            .collect()
    };
    assert_eq!(summary(&a), summary(&b));
    assert_eq!(
        b.definitions[0].docs.description.as_deref(),
        Some("A point on two lines")
    );
}
