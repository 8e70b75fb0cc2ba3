//! Doc comments of generated items: the TL definition line and id, plus the schema's own `//@`
//! documentation where it has any.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{EnumDef, Field, StructDef};

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

/// The doc comment of a constructor or function struct.
pub(crate) fn item_doc(def: &StructDef, is_function: bool) -> String {
    let what = if is_function {
        "function"
    } else {
        "constructor"
    };
    let mut doc = String::new();
    if let Some(text) = &def.doc {
        doc.push_str(&escape(text));
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "TL {what} `{}` (id `{:#010x}`):\n\n```text\n{}\n```",
        def.tl_name, def.id, def.tl_line
    ));
    doc
}

/// The doc comment of a stored field.
pub(crate) fn field_doc(field: &Field) -> String {
    let mut doc = match &field.doc {
        Some(text) => escape(text),
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

/// The doc comment of an enum.
pub(crate) fn enum_doc(def: &EnumDef) -> String {
    let mut doc = String::new();
    if let Some(text) = &def.doc {
        doc.push_str(&escape(text));
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "TL boxed type `{}`: one variant per constructor.",
        def.tl_name
    ));
    doc
}

/// Schema text made safe for rustdoc: brackets that would read as links are escaped.
pub(crate) fn escape(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}
