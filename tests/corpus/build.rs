//! Generates Rust, with sample values and the JSON form, from every schema of the corpus: `schema/corpus/` of the
//! repository, or the folder `TL_CORPUS` names (a relative path from the workspace root).

use std::fmt::Write as _;
use std::path::PathBuf;

/// A line of `schemas.list`: module name, path in the corpus, layer to use when the file states
/// none.
type Entry = (String, String, Option<i32>);

/// The entries of `schemas.list`.
fn schemas(list: &str) -> Result<Vec<Entry>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for line in list.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut words = line.split_whitespace();
        let (Some(module), Some(file), Some(layer)) = (words.next(), words.next(), words.next())
        else {
            return Err(format!("schemas.list: cannot read {line:?}").into());
        };
        let layer = if layer == "-" { None } else { Some(layer.parse()?) };
        out.push((module.to_owned(), file.to_owned(), layer));
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=schemas.list");
    let all = schemas(&std::fs::read_to_string("schemas.list")?)?;
    println!("cargo:rerun-if-env-changed=TL_CORPUS");
    println!("cargo:rerun-if-env-changed=TL_CORPUS_ONLY");
    // `TL_CORPUS_ONLY=api_l228,td_api` generates only those schemas (the fuzz targets need only
    // api-L228 and build faster without the rest).
    let only: Option<Vec<String>> = std::env::var("TL_CORPUS_ONLY")
        .ok()
        .map(|v| v.split(',').map(str::to_owned).collect());
    // A relative `TL_CORPUS` is taken from the workspace root, as in the workspace's tests.
    let workspace = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../..");
    let corpus = workspace.join(std::env::var_os("TL_CORPUS").unwrap_or("schema/corpus".into()));
    // Canonical, so that diagnostics and `rerun-if-changed` lines name the files plainly.
    let corpus = corpus.canonicalize().unwrap_or(corpus);
    // tests/dynamic.rs parses each schema at run time, from the same folder.
    println!("cargo:rustc-env=TL_CORPUS_DIR={}", corpus.display());
    let mut modules = String::new();
    let mut visit = String::new();
    let mut visit_json = String::new();
    let chosen: Vec<_> = all
        .iter()
        .filter(|(m, _, _)| only.as_ref().is_none_or(|o| o.iter().any(|x| x == m)))
        .collect();
    for (module, file, layer) in &chosen {
        let mut config = tl_codegen::Config::new();
        // Every optional item of the API on, so that clippy and the compiler see them on every
        // schema.
        config
            .samples(true)
            .serde(true)
            .builders(true)
            .enum_helpers(true)
            .file_name(format!("{module}.rs"));
        if let Some(layer) = *layer {
            config.layer(layer);
        }
        config.compile(&[corpus.join(file)])?;
        writeln!(
            modules,
            "/// Generated from `{file}`.\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}"
        )?;
        writeln!(
            visit,
            "        \"{module}\" => {module}::visit_samples(visitor),"
        )?;
        writeln!(
            visit_json,
            "        \"{module}\" => {module}::visit_json_samples(visitor),"
        )?;
    }
    writeln!(
        modules,
        "/// Hands every type of the schema `name` to `visitor`; false for an unknown name.\n\
         pub fn visit<V: ::tl_types::sample::Visitor>(name: &str, visitor: &mut V) -> bool {{\n    \
         match name {{\n{visit}        _ => return false,\n    }}\n    true\n}}"
    )?;
    writeln!(
        modules,
        "/// Hands every type of the schema `name` to `visitor`, for JSON round trips; false for an \
         unknown name.\n\
         pub fn visit_json<V: ::tl_types::sample::JsonVisitor>(name: &str, visitor: &mut V) -> bool {{\n    \
         match name {{\n{visit_json}        _ => return false,\n    }}\n    true\n}}"
    )?;
    // `has_<module>` for the modules that code outside the generated one needs (the fuzz checks,
    // the TDLib test): with `TL_CORPUS_ONLY` leaving one out, that code compiles to nothing.
    for module in ["api_l228", "td_api"] {
        println!("cargo::rustc-check-cfg=cfg(has_{module})");
        if chosen.iter().any(|(m, _, _)| *m == module) {
            println!("cargo::rustc-cfg=has_{module}");
        }
    }
    let names: Vec<String> = chosen.iter().map(|(m, _, _)| format!("{m:?}")).collect();
    let files: Vec<String> = chosen.iter().map(|(m, f, _)| format!("({m:?}, {f:?})")).collect();
    writeln!(
        modules,
        "/// Every schema module with its file, relative to the corpus folder.\npub const FILES: &[(&str, &str)] = &[{}];",
        files.join(", ")
    )?;
    writeln!(
        modules,
        "/// Every schema module.\npub const SCHEMAS: &[&str] = &[{}];",
        names.join(", ")
    )?;
    std::fs::write(
        PathBuf::from(std::env::var("OUT_DIR")?).join("corpus.rs"),
        modules,
    )?;
    Ok(())
}
