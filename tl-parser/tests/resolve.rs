//! Snapshots of the resolved schema of the valid fixtures: every definition's kind, ids and id
//! status, every parameter's role and resolved type (what each name stands for, boxed or bare), and
//! the boxed types with their constructors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;

use tl_parser::{DefKind, Role, Schema, Type, TypeKind};

/// A type as `name [kind, boxed|bare]`, with its arguments nested.
fn ty(schema: &Schema, ty: &Type) -> String {
    let kind = match ty.kind {
        TypeKind::Builtin(b) => format!("builtin {b:?}"),
        TypeKind::Vector => "vector".to_owned(),
        TypeKind::Boxed(id) => format!("type {}", schema.boxed_type(id).name),
        TypeKind::Bare(def) => format!("constructor {}", schema.definition(def).name.full),
        TypeKind::Param(i) => format!("type param {i}"),
        TypeKind::AnyObject => "any object".to_owned(),
        TypeKind::AnyFunction => "any function".to_owned(),
        TypeKind::Undefined => "UNDEFINED".to_owned(),
    };
    let boxed = if ty.boxed { "boxed" } else { "bare" };
    let mut out = format!("{ty} [{kind}, {boxed}]");
    for arg in &ty.args {
        out.push_str(&format!(" <{}>", self::ty(schema, arg)));
    }
    out
}

fn check(src: &str) -> String {
    let (_, parsed) = tl_parser::parse_str("test.tl", src);
    let schema = &parsed.schema;
    let mut out = String::new();
    // Some fixtures only show syntax and leave names undefined: their errors head the snapshot.
    for d in &parsed.diagnostics {
        writeln!(out, "{:?}[{}]: {}", d.severity, d.code, d.message).unwrap();
    }
    for def in schema.definitions() {
        let kind = match def.kind {
            DefKind::Constructor(t) => format!("constructor of {}", schema.boxed_type(t).name),
            DefKind::Function => "function".to_owned(),
            DefKind::Builtin => "built-in".to_owned(),
        };
        writeln!(out, "{def}").unwrap();
        writeln!(out, "  {kind}; id {:#010x} ({:?})", def.id, def.id_status).unwrap();
        for param in &def.params {
            let role = match param.role {
                Role::FlagsWord => "flags word".to_owned(),
                Role::Conditional { word, bit } => {
                    format!("if bit {bit} of {}", def.params[word].name)
                }
                Role::Required => "required".to_owned(),
            };
            writeln!(out, "  {}: {role}: {}", param.name, ty(schema, &param.ty)).unwrap();
        }
        writeln!(out, "  = {}", ty(schema, &def.result)).unwrap();
    }
    for t in schema.types() {
        let ctors: Vec<&str> = schema
            .constructors(t.type_id)
            .map(|d| d.name.full.as_str())
            .collect();
        writeln!(
            out,
            "type {} (arity {}): {}",
            t.name,
            t.arity,
            ctors.join(", ")
        )
        .unwrap();
    }
    out
}

#[test]
fn valid_fixtures() {
    insta::glob!("fixtures/valid/*.tl", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(check(&src));
    });
}

#[test]
fn lookups_by_name_and_id() {
    let (_, parsed) = tl_parser::parse_str(
        "t.tl",
        "int ? = Int;\nfoo#00000001 = Foo;\n---functions---\nbar#00000001 x:int = Foo;\n",
    );
    let schema = &parsed.schema;
    assert_eq!(schema.find("bar").unwrap().params.len(), 1);
    assert!(schema.find("nope").is_none());
    let shared: Vec<&str> = schema.with_id(1).map(|d| d.name.full.as_str()).collect();
    assert_eq!(shared, ["foo", "bar"]);
    // `int ? = Int;` has no id on the wire.
    let int = schema.find("int").unwrap();
    assert_eq!(schema.with_id(int.id).count(), 0);
    assert_eq!(schema.find_type("Foo").unwrap().constructors.len(), 1);
    assert!(schema.find_type("Int").is_none());
}
