//! Doc comments of generated items, laid out from the model: each item's description (Markdown
//! decided in lowering: the documentation given to `Config::docs`, else the schema's own `//@`
//! text), the TL definition line and id, and with documentation the links between constructors and
//! their enums, a function's result type, who may call it and its possible errors.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::path_text;
use crate::model::{EnumDef, EnumKind, Field, ItemPath, StructDef, TypeRef};

/// `#[doc]` attributes, one per line, each starting with a space, so prettyplease prints `/// line`.
pub(crate) fn attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote!(#(#[doc = #lines])*)
}

/// The doc comment of a constructor or function struct; `documented`: the model was built with
/// documentation ([`crate::model::Model::documented`]).
pub(crate) fn item_doc(def: &StructDef, is_function: bool, documented: bool) -> String {
    let what = if is_function {
        "function"
    } else {
        "constructor"
    };
    let mut doc = String::new();
    if let Some(text) = &def.doc {
        doc.push_str(text);
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "TL {what} `{}`, id `{:#010x}`.",
        def.tl_line, def.id
    ));
    if !documented {
        return doc;
    }
    if let Some(of) = def.variant_of.as_ref().filter(|_| !is_function) {
        doc.push_str(&format!(
            "\n\nA constructor of [`{}`]({}): the variant [`{}::{}`]({}::{}).",
            of.enum_path,
            path_text(&def.path, &of.enum_path),
            of.enum_path.name,
            of.variant,
            path_text(&def.path, &of.enum_path),
            of.variant
        ));
    }
    if is_function {
        if let Some(returns) = &def.returns {
            doc.push_str("\n\n");
            doc.push_str(&returns_doc(&def.path, returns));
        }
        let who = |on: Option<bool>, who: &str| match on {
            Some(true) => format!(" {who} may call it."),
            Some(false) => format!(" {who} cannot call it."),
            None => String::new(),
        };
        let usability = format!(
            "{}{}",
            who(def.usability.users, "Users"),
            who(def.usability.bots, "Bots")
        );
        if !usability.is_empty() {
            doc.push_str("\n\n");
            doc.push_str(usability.trim_start());
        }
        if !def.possible_errors.is_empty() {
            doc.push_str("\n\n# Possible errors\n\n| Code | Error | Description |\n|---:|---|---|");
            let errors = errors_module(&def.path);
            for error in &def.possible_errors {
                let name = match &error.item {
                    Some(item) => format!("[`{}`]({errors}::{item})", error.name),
                    None => format!("`{}`", error.name),
                };
                doc.push_str(&format!(
                    "\n| {} | {name} | {} |",
                    error.code, error.description
                ));
            }
        }
    }
    doc
}

/// "Returns …" for a function's result type, with a link to the enum or struct it names.
fn returns_doc(from: &ItemPath, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Enum { path, .. } | TypeRef::Bare { path, .. } => {
            format!("Returns [`{path}`]({}).", path_text(from, path))
        }
        TypeRef::Generic(name) => {
            format!("Returns what the call `{name}` it wraps returns (`{name}::Return`).")
        }
        TypeRef::Vector(inner) | TypeRef::BareVector(inner) => match &**inner {
            TypeRef::Enum { path, .. } | TypeRef::Bare { path, .. } => format!(
                "Returns `{ty}`: a vector of [`{path}`]({}).",
                path_text(from, path)
            ),
            _ => format!("Returns `{ty}`."),
        },
        _ => format!("Returns `{ty}`."),
    }
}

/// The path from an item inside `from` to the generated `errors` module.
fn errors_module(from: &ItemPath) -> String {
    let mut path = "super::".repeat(from.modules.len() + 1);
    path.push_str("errors");
    path
}

/// The doc comment of a stored field.
pub(crate) fn field_doc(field: &Field) -> String {
    let mut doc = match &field.doc {
        Some(text) => text.clone(),
        None => format!("TL field `{}`.", field.tl_name),
    };
    if !field.implies.is_empty() {
        let list: Vec<String> = field.implies.iter().map(|n| format!("`{n}`")).collect();
        doc.push_str(&format!(
            " Setting it also sets {} (same flag bit); see the method{} of that name.",
            list.join(", "),
            if list.len() > 1 { "s" } else { "" }
        ));
    }
    doc
}

/// The doc comment of an enum; with documentation, a boxed type's lists its constructors.
pub(crate) fn enum_doc(def: &EnumDef, documented: bool) -> String {
    let mut doc = String::new();
    if let Some(text) = &def.doc {
        doc.push_str(text);
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "TL boxed type `{}`: one variant per constructor.",
        def.tl_name
    ));
    if documented && def.kind == EnumKind::Boxed && !def.variants.is_empty() {
        doc.push_str("\n\nConstructors:\n");
        for variant in &def.variants {
            doc.push_str(&format!(
                "\n- [`{}`]({}): `{}`",
                variant.ctor,
                path_text(&def.path, &variant.ctor),
                variant.tl_name
            ));
        }
    }
    doc
}
