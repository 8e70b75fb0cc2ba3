//! What Telegram's documentation (`Config::docs`, read by tl-docs; the `docs` feature) says about
//! each definition, parameter and boxed type, recorded in the model as Markdown that rustdoc
//! accepts in place of the schema's own text (`doc_text.rs`), with the functions' possible errors
//! and who may call them, and the documented errors (the `errors` module). The generators only
//! lay it out.

use std::collections::{BTreeMap, BTreeSet};

use tl_docs::{Description, Docs};

use crate::ident::RustIdent;
use crate::model::{ErrorDef, FieldKind, Model, PossibleError, StructDef, Usability};

/// Records what `docs` (the documentation given to `Config::docs`) says in the model: a
/// description where the docs have one (else the schema's stays), and the `errors` module.
/// Without docs the model stays as lowering built it.
pub(crate) fn decide(model: &mut Model, docs: Option<&Docs>) {
    let Some(docs) = docs else {
        return;
    };
    model.documented = true;
    model.errors = error_defs(docs);
    let items: BTreeMap<&str, RustIdent> = model
        .errors
        .iter()
        .map(|e| (e.name.as_str(), e.ident.clone()))
        .collect();
    for def in &mut model.types {
        if let Some(entry) = docs.constructor(&def.tl_name) {
            describe_struct(def, &entry.description, &entry.params);
        }
    }
    for def in &mut model.functions {
        let Some(entry) = docs.method(&def.tl_name) else {
            continue;
        };
        describe_struct(def, &entry.description, &entry.params);
        def.possible_errors = entry
            .errors
            .iter()
            .map(|e| PossibleError {
                code: e.code,
                name: e.name.as_str().to_owned(),
                description: one_line(&e.description),
                item: items.get(e.name.as_str()).cloned(),
            })
            .collect();
        def.usability = Usability {
            users: entry.usability.users,
            bots: entry.usability.bots,
        };
    }
    for def in &mut model.enums {
        // TON's enums of any object or function are no boxed type of the schema.
        if def.kind != crate::model::EnumKind::Boxed {
            continue;
        }
        if let Some(text) = docs
            .boxed_type(&def.tl_name)
            .and_then(|t| markdown(&t.description))
        {
            def.doc = Some(text);
        }
    }
}

/// The description, as Markdown, when there is one.
fn markdown(description: &Description) -> Option<String> {
    (!description.is_empty()).then(|| description.to_markdown())
}

/// Markdown on one line, for a table cell: the paragraphs joined by a space.
fn one_line(description: &Description) -> String {
    let paragraphs: Vec<String> = description
        .paragraphs
        .iter()
        .map(tl_docs::Paragraph::to_markdown)
        .collect();
    paragraphs.join(" ")
}

/// A documented definition's description and its parameters' in place of the schema's.
fn describe_struct(
    def: &mut StructDef,
    description: &Description,
    params: &BTreeMap<String, tl_docs::ParamDoc>,
) {
    if let Some(text) = markdown(description) {
        def.doc = Some(text);
    }
    let param = |name: &str| params.get(name).and_then(|p| markdown(&p.description));
    for field in &mut def.fields {
        let described = param(&field.tl_name);
        match field.kind {
            FieldKind::Group { group, .. } => {
                // A group's field is named after a `?true` field on its bit (then that field's
                // description follows the group's sentence) or after its first member (whose
                // description its member has).
                let is_member = def
                    .groups
                    .get(group)
                    .is_some_and(|g| g.members.iter().any(|m| m.tl_name == field.tl_name));
                if let (Some(text), false) = (described, is_member) {
                    let sentence = field.doc.take().unwrap_or_default();
                    field.doc = Some(format!("{text}\n\n{sentence}"));
                }
            }
            _ => {
                if let Some(text) = described {
                    field.doc = Some(text);
                }
            }
        }
    }
    for group in &mut def.groups {
        for member in &mut group.members {
            if let Some(text) = param(&member.tl_name) {
                member.doc = Some(text);
            }
        }
    }
    for derived in &mut def.derived {
        derived.doc = param(&derived.tl_name);
    }
}

/// One constant per documented error, in name order: upper case, `X` where `%d` stands, other
/// characters a Rust name cannot hold as `_`, made unique with a number (and never `ALL`, the
/// module's table).
fn error_defs(docs: &Docs) -> Vec<ErrorDef> {
    let mut taken: BTreeSet<String> = BTreeSet::from(["ALL".to_owned()]);
    docs.errors
        .values()
        .map(|error| {
            let name = error.name.as_str();
            let base =
                RustIdent::sanitize(&name.replace(tl_docs::PLACEHOLDER, "X").to_ascii_uppercase());
            let mut ident = base.clone();
            let mut n = 1;
            while !taken.insert(ident.as_str().to_owned()) {
                n += 1;
                ident = RustIdent::sanitize(&format!("{}_{n}", base.as_str()));
            }
            ErrorDef {
                ident,
                name: name.to_owned(),
                code: error.code(),
                doc: markdown(&error.description).unwrap_or_default(),
                text: error.description.to_plain(),
            }
        })
        .collect()
}
