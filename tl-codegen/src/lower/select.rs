//! `Config::select`: the transitive closure of the named definitions — every constructor of every
//! boxed type reachable through fields and return types.

use std::collections::BTreeSet;

use tl_parser::ast::{Category, Definition, TypeExpr};

use super::index::Index;
use crate::Error;

/// The TL names of the definitions to generate: all of them without roots, else the closure.
pub(crate) fn closure<'a>(index: &Index<'a>, roots: &[String]) -> Result<BTreeSet<&'a str>, Error> {
    if roots.is_empty() {
        return Ok(index
            .ctors
            .keys()
            .chain(index.functions.keys())
            .copied()
            .collect());
    }
    let mut selected = BTreeSet::new();
    let mut queue: Vec<&'a Definition> = Vec::new();
    for root in roots {
        let found: Vec<&'a Definition> = if let Some(def) = index.functions.get(root.as_str()) {
            vec![def]
        } else if let Some(def) = index.ctors.get(root.as_str()) {
            vec![def]
        } else if let Some(ctors) = index.boxed.get(root.as_str()) {
            ctors.clone()
        } else {
            return Err(Error::UnknownSelection { name: root.clone() });
        };
        queue.extend(found);
    }
    while let Some(def) = queue.pop() {
        if !selected.insert(def.name.full.as_str()) {
            continue;
        }
        let mut names = Vec::new();
        for param in &def.params {
            type_names(&param.ty, &mut names);
        }
        match def.category {
            Category::Function => type_names(&def.result, &mut names),
            Category::Type => names.push(def.result.name.as_str()),
        }
        for name in names {
            if super::index::ANY_OBJECT.contains(&name) {
                queue.extend(index.ctors.values().copied());
            } else if super::index::ANY_FUNCTION.contains(&name) {
                queue.extend(index.functions.values().copied());
            } else if let Some(ctors) = index.boxed.get(name) {
                queue.extend(ctors.iter().copied());
            } else if let Some(ctor) = index.ctors.get(name) {
                queue.push(ctor);
            }
        }
    }
    Ok(selected)
}

/// Every type name an expression mentions, arguments included.
fn type_names<'e>(ty: &'e TypeExpr, out: &mut Vec<&'e str>) {
    out.push(&ty.name);
    for arg in &ty.args {
        type_names(arg, out);
    }
}
