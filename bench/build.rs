//! For `tests/grammers_bytes.rs`: generates our Rust for `schema/corpus/telegram/api-L228.tl` with
//! sample values (`api_l228.rs` in `OUT_DIR`), and a table (`grammers_table.rs`) that hands the
//! bytes of an api-L228 constructor to grammers-tl-types' enum of its boxed type. Only the test
//! includes these files: the library and the benches do not compile them.
//!
//! For the library (`tl_bench::zero_copy`, timed by the `response` bench): the shipped importers
//! schema (`schema/importers.tl`) generated with `Config::borrowed(true)`
//! (`importers_zero_copy.rs`).
//!
//! The table is built from grammers-tl-parser's reading of api-L228 (not our parser's), and grammers'
//! Rust paths are spelled by `rusty_type_name`, a copy of grammers-tl-gen's private rule.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use grammers_tl_parser::tl::{Category, Definition, ParameterType, Type};

/// Boxed types of api-L228 that grammers-tl-types 0.11 (layer 230) does not have: its `api.tl`
/// leaves out the `help.configSimple` block at the top of tdlib's file. The test checks that
/// grammers knows none of their constructor ids, so this list cannot hide a comparison.
const GRAMMERS_LACKS: &[&str] = &["IpPort", "AccessPointRule", "help.ConfigSimple"];

/// Constructors of api-L228 that are built into the runtime and generate no type.
const BUILT_IN: &[&str] = &["bytes", "int256", "true", "boolFalse", "boolTrue", "vector"];

/// grammers-tl-gen's `rustifier::rusty_type_name` (private there), copied: the Rust name of a TL
/// name without its namespace, `ns.some_OK_name` -> `SomeOkName`.
fn rusty_type_name(name: &str) -> String {
    let name = name.rsplit('.').next().unwrap_or(name);
    #[derive(Clone, Copy)]
    enum Casing {
        Upper,
        Lower,
        Preserve,
    }
    let mut result = String::with_capacity(name.len());
    let mut casing = Casing::Upper;
    for c in name.chars() {
        if c == '_' {
            casing = Casing::Upper;
            continue;
        }
        casing = match casing {
            Casing::Upper => {
                result.push(c.to_ascii_uppercase());
                Casing::Lower
            }
            Casing::Lower | Casing::Preserve => {
                if matches!(casing, Casing::Lower) {
                    result.push(c.to_ascii_lowercase());
                } else {
                    result.push(c);
                }
                if c.is_ascii_uppercase() {
                    Casing::Lower
                } else {
                    Casing::Preserve
                }
            }
        };
    }
    result
}

fn tl_type_name(def: &Definition) -> String {
    let mut name = String::new();
    for ns in &def.ty.namespace {
        name.push_str(ns);
        name.push('.');
    }
    name.push_str(&def.ty.name);
    name
}

fn full_name(def: &Definition) -> String {
    let mut name = def.namespace.join(".");
    if !name.is_empty() {
        name.push('.');
    }
    name.push_str(&def.name);
    name
}

/// Every name a field type mentions (`Vector<ExportedChatlistInvite>`: both).
fn mentioned(ty: &Type, out: &mut Vec<String>) {
    let mut name = ty.namespace.join(".");
    if !name.is_empty() {
        name.push('.');
    }
    name.push_str(&ty.name);
    out.push(name);
    if let Some(arg) = &ty.generic_arg {
        mentioned(arg, out);
    }
}

/// The names of the constructors with a `#` field that no conditional field refers to (grammers
/// does not keep its value: it writes 0), and the ids of every constructor whose values can hold one
/// of them (themselves included), through boxed or bare fields at any depth.
fn unreferenced_nats(defs: &[Definition]) -> (Vec<String>, Vec<u32>) {
    let ctors: Vec<&Definition> = defs
        .iter()
        .filter(|d| d.category == Category::Types)
        .collect();
    // A type's name, or a constructor's name (a bare field), to the boxed type.
    let mut type_of: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for c in &ctors {
        type_of.insert(tl_type_name(c), tl_type_name(c));
        type_of.insert(full_name(c), tl_type_name(c));
    }
    let mut holding: Vec<String> = Vec::new(); // boxed types whose values can hold one
    let mut names = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for c in &ctors {
        let unreferenced = c.params.iter().any(|p| {
            matches!(p.ty, ParameterType::Flags)
                && !c.params.iter().any(|q| {
                    matches!(&q.ty, ParameterType::Normal { flag: Some(f), .. } if f.name == p.name)
                })
        });
        if unreferenced {
            names.push(full_name(c));
            ids.push(c.id);
            holding.push(tl_type_name(c));
        }
    }
    // To a fixed point: a constructor with a field of a holding type holds one too.
    loop {
        let mut grew = false;
        for c in &ctors {
            if ids.contains(&c.id) {
                continue;
            }
            let mut types = Vec::new();
            for p in &c.params {
                if let ParameterType::Normal { ty, .. } = &p.ty {
                    mentioned(ty, &mut types);
                }
            }
            if types
                .iter()
                .filter_map(|t| type_of.get(t))
                .any(|t| holding.contains(t))
            {
                ids.push(c.id);
                let ty = tl_type_name(c);
                if !holding.contains(&ty) {
                    holding.push(ty);
                }
                grew = true;
            }
        }
        if !grew {
            return (names, ids);
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let schema = manifest.join("../schema/corpus/telegram/api-L228.tl");
    println!("cargo:rerun-if-changed={}", schema.display());
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);

    let importers = manifest.join("../schema/importers.tl");
    tl_codegen::Config::new()
        .borrowed(true)
        .out_dir(&out)
        .file_name("importers_zero_copy.rs")
        .compile(&[&importers])?;

    let text = std::fs::read_to_string(&schema)?;
    // Boxed type -> (grammers' Rust path, constructor ids); functions' ids apart.
    let mut types: BTreeMap<String, (String, Vec<u32>)> = BTreeMap::new();
    let mut lacking: Vec<(String, u32)> = Vec::new();
    let mut functions: Vec<u32> = Vec::new();
    let mut unparsed = 0usize;
    let mut defs = Vec::new();
    for def in grammers_tl_parser::parse_tl_file(&text) {
        match def {
            Ok(def) => defs.push(def),
            Err(_) => unparsed += 1,
        }
    }
    // Our types for every constructor (functions left out: grammers' functions do not decode, so
    // the test compares constructors only, and leaving them out saves a third of the compile time).
    // Unformatted: the file is only compiled, and formatting it would slow every build. `generate`
    // (not `compile`) leaves out the checker's expected notes on api-L228's historical ids, which
    // would otherwise show as cargo warnings on every build of the bench crate.
    let constructors = defs
        .iter()
        .filter(|d| d.category == Category::Types && !BUILT_IN.contains(&full_name(d).as_str()))
        .map(full_name);
    let code = tl_codegen::Config::new()
        .samples(true)
        .format(false)
        .layer(228)
        .select(constructors)
        .generate(&[&schema])?
        .code;
    write_if_changed(&out.join("api_l228.rs"), &code)?;

    for def in &defs {
        if def.category == Category::Functions {
            functions.push(def.id);
            continue;
        }
        let ty = tl_type_name(def);
        // Types grammers spells as Rust types (`bool`, `Vec<u8>`, `[u8; 32]`), not enums; generic
        // types (`Vector t`) have no enum either.
        if ["Bool", "Bytes", "Int256"].contains(&ty.as_str())
            || def.ty.generic_ref
            || def.ty.generic_arg.is_some()
        {
            continue;
        }
        if GRAMMERS_LACKS.contains(&ty.as_str()) {
            lacking.push((full_name(def), def.id));
            continue;
        }
        let mut path = "::grammers_tl_types::enums::".to_owned();
        for ns in &def.ty.namespace {
            path.push_str(ns);
            path.push_str("::");
        }
        path.push_str(&rusty_type_name(&def.ty.name));
        types
            .entry(ty)
            .or_insert_with(|| (path, Vec::new()))
            .1
            .push(def.id);
    }

    let mut table = String::new();
    writeln!(
        table,
        "// @generated by bench/build.rs from schema/corpus/telegram/api-L228.tl.\n\
         /// Decodes the boxed bytes of the api-L228 constructor `id` with grammers' enum of its type and\n\
         /// hands the value to `f`; `None` for ids of no table entry (functions, grammers' missing types).\n\
         pub(crate) fn with_grammers<F: GrammersCheck>(id: u32, bytes: &[u8], f: F) -> Option<F::Output> {{\n    \
         match id {{"
    )?;
    for (ty, (path, ids)) in &types {
        let ids: Vec<String> = ids.iter().map(|id| format!("{id:#010x}")).collect();
        writeln!(
            table,
            "        // {ty}\n        {} => Some(f.check::<{path}>(bytes)),",
            ids.join(" | ")
        )?;
    }
    writeln!(table, "        _ => None,\n    }}\n}}")?;
    let lacking: Vec<String> = lacking
        .iter()
        .map(|(name, id)| format!("({name:?}, {id:#010x})"))
        .collect();
    writeln!(
        table,
        "/// Constructors of the types grammers lacks (`GRAMMERS_LACKS` in build.rs), by name and id.\n\
         pub(crate) const LACKING: &[(&str, u32)] = &[{}];",
        lacking.join(", ")
    )?;
    let functions: Vec<String> = functions.iter().map(|id| format!("{id:#010x}")).collect();
    writeln!(
        table,
        "/// The ids of api-L228's functions.\npub(crate) const FUNCTIONS: &[u32] = &[{}];",
        functions.join(", ")
    )?;
    writeln!(
        table,
        "/// Statements of api-L228 grammers-tl-parser does not read as definitions (the `?` built-ins,\n\
         /// `vector`).\npub(crate) const UNPARSED: usize = {unparsed};"
    )?;
    let (names, holding) = unreferenced_nats(&defs);
    let names: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    let holding: Vec<String> = holding.iter().map(|id| format!("{id:#010x}")).collect();
    writeln!(
        table,
        "/// Constructors with a `#` field no conditional field refers to.\n\
         pub(crate) const UNREFERENCED_NAT: &[&str] = &[{}];\n\
         /// The ids of the constructors whose values can hold one of `UNREFERENCED_NAT`.\n\
         pub(crate) const HOLDS_UNREFERENCED_NAT: &[u32] = &[{}];",
        names.join(", "),
        holding.join(", ")
    )?;
    write_if_changed(&out.join("grammers_table.rs"), &table)?;
    Ok(())
}

/// Writes `text` to `path` unless the file already holds it, so that an unchanged build script run
/// does not make cargo recompile the test.
fn write_if_changed(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}
