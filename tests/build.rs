//! Generates every tl-codegen fixture schema (with sample values and the JSON form, and with its
//! documentation file where it has one) so that the generated code of each TL feature is compiled,
//! linted, documented and round-tripped, in binary and in JSON, not only snapshotted.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A schema's module name (its file stem), and a `Config` with the API's items on and its
/// documentation file where it has one beside it (`docs.json` for `docs.tl`).
fn fixture(path: &Path) -> Result<(&str, tl_codegen::Config), Box<dyn std::error::Error>> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or("fixture name is not UTF-8")?;
    let mut config = tl_codegen::Config::new();
    // The API's items on (off by default), which tests/builders.rs and tests/getters.rs use.
    config.builders(true).enum_helpers(true);
    let docs = path.with_extension("json");
    if docs.exists() {
        config.docs(docs);
    }
    Ok((stem, config))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fixtures =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../tl-codegen/tests/fixtures");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&fixtures)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tl"))
        .collect();
    paths.sort();
    let mut modules = String::new();
    let mut visits = String::new();
    let mut json_visits = String::new();
    let mut names = Vec::new();
    for path in &paths {
        let (stem, mut config) = fixture(path)?;
        names.push(stem);
        // `Eq` and `Hash` on (off by default): tests/eq_hash.rs checks where they are derived.
        config
            .samples(true)
            .serde(true)
            .eq_hash(true)
            .file_name(format!("{stem}.rs"))
            .compile(&[path])?;
        writeln!(
            modules,
            "/// Generated from tl-codegen/tests/fixtures/{stem}.tl.\npub mod {stem} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{stem}.rs\"));\n}}"
        )?;
        writeln!(visits, "    {stem}::visit_samples(visitor);")?;
        writeln!(json_visits, "    {stem}::visit_json_samples(visitor);")?;
    }
    writeln!(
        modules,
        "/// Hands every type of every fixture to `visitor`.\npub fn visit_all<V: ::tl_types::sample::Visitor>(visitor: &mut V) {{\n{visits}}}"
    )?;
    writeln!(
        modules,
        "/// Hands every type of every fixture to `visitor`, for JSON round trips.\npub fn visit_all_json<V: ::tl_types::sample::JsonVisitor>(visitor: &mut V) {{\n{json_visits}}}"
    )?;
    // The `Config` hooks, on the recursion fixture (a three-constructor enum, a boxable field), with
    // the generator's own `Eq` and `Hash` off so that the attribute can derive them.
    tl_codegen::Config::new()
        .eq_hash(false)
        .builders(true)
        .non_exhaustive(true)
        .type_attribute(".", "#[derive(Eq, Hash)]")
        .type_attribute("textPlain", "#[doc(alias = \"plain\")]")
        .field_attribute("textPlain.text", "#[doc(alias = \"content\")]")
        .boxed("textBold.text")
        .file_name("hooks.rs")
        .compile(&[fixtures.join("recursion.tl")])?;
    writeln!(
        modules,
        "/// Generated from tl-codegen/tests/fixtures/recursion.tl with `Config` hooks: \
         `non_exhaustive`, `eq_hash(false)` with `type_attribute(\".\", \"#[derive(Eq, Hash)]\")` instead, a field attribute and \
         `boxed(\"textBold.text\")`.\n\
         ///\n\
         /// A crate matching on its enums needs a `_` arm:\n\
         ///\n\
         /// ```compile_fail,E0004\n\
         /// use tl_tests::fixtures::hooks::enums::RichText;\n\
         /// fn kind(text: &RichText) -> u8 {{\n\
         ///     match text {{ RichText::TextPlain(_) => 0, RichText::TextBold(_) => 1, RichText::TextConcat(_) => 2 }}\n\
         /// }}\n\
         /// ```\n\
         ///\n\
         /// ```\n\
         /// use tl_tests::fixtures::hooks::enums::RichText;\n\
         /// fn kind(text: &RichText) -> u8 {{\n\
         ///     match text {{ RichText::TextPlain(_) => 0, RichText::TextBold(_) => 1, _ => 2 }}\n\
         /// }}\n\
         /// ```\n\
         pub mod hooks {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/hooks.rs\"));\n}}"
    )?;
    // The getters fixture with a required field forced into a `Box` in one constructor: the getter
    // reads through it.
    tl_codegen::Config::new()
        .builders(true)
        .enum_helpers(true)
        .boxed("chatEmpty.photo")
        .file_name("getters_boxed.rs")
        .compile(&[fixtures.join("getters.tl")])?;
    writeln!(
        modules,
        "/// Generated from tl-codegen/tests/fixtures/getters.tl with `boxed(\"chatEmpty.photo\")`.\n\
         pub mod getters_boxed {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/getters_boxed.rs\"));\n}}"
    )?;
    // The same fixture with the API's optional items off (the default), with samples and the JSON
    // form, which must not need them: what is left compiles and passes clippy.
    tl_codegen::Config::new()
        .samples(true)
        .serde(true)
        .builders(false)
        .enum_helpers(false)
        .file_name("api_off.rs")
        .compile(&[fixtures.join("getters.tl")])?;
    writeln!(
        modules,
        "/// Generated from tl-codegen/tests/fixtures/getters.tl with `builders(false)` and \
         `enum_helpers(false)`: no `new`, `with_`, `constructor_id`, `tl_name`, `TryFrom` or getters.\n\
         pub mod api_off {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/api_off.rs\"));\n}}"
    )?;
    // Every fixture again with `Config::borrowed` (zero-copy decoding), with sample values (drawn as
    // the owned family draws them, so both encode the same bytes), and the shipped importers
    // schema, for tests/borrowed.rs.
    let importers =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../schema/importers.tl");
    println!("cargo:rerun-if-changed={}", importers.display());
    let mut zero_copy = String::new();
    let mut zero_copy_visits = String::new();
    for path in paths.iter().chain([&importers]) {
        let (stem, mut config) = fixture(path)?;
        config
            .borrowed(true)
            .samples(true)
            .eq_hash(true)
            .file_name(format!("zero_copy_{stem}.rs"))
            .compile(&[path])?;
        writeln!(
            zero_copy,
            "    /// Generated from {stem}.tl with `Config::borrowed(true)`.\n    pub mod {stem} {{\n        include!(concat!(env!(\"OUT_DIR\"), \"/zero_copy_{stem}.rs\"));\n    }}"
        )?;
        writeln!(zero_copy_visits, "        {stem}::visit_samples(visitor);")?;
    }
    writeln!(
        modules,
        "/// Every fixture (and `schema/importers.tl`) generated with `Config::borrowed(true)`: strings and\n\
         /// byte strings as `Cow`s borrowed from the input.\n\
         pub mod zero_copy {{\n{zero_copy}\n    /// Hands every type of every module above to `visitor`.\n    \
         pub fn visit_all<V: ::tl_types::sample::Visitor>(visitor: &mut V) {{\n{zero_copy_visits}    }}\n}}"
    )?;
    writeln!(
        modules,
        "/// Expands to `$m![bare_types, borrowed, …]`: the module of every fixture schema, so that a\n\
         /// test can go through all of them (a new fixture joins by itself).\n\
         #[macro_export]\nmacro_rules! every_fixture {{\n    ($m:ident) => {{\n        $m![{}]\n    }};\n}}",
        names.join(", ")
    )?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out.join("fixtures.rs"), modules)?;
    Ok(())
}
