//! Which standard traits each struct and enum implements beyond `Debug`, `Clone` and `PartialEq`:
//! `Default` where every field has a default (kept only with `Config::builders`: `api.rs`), `Eq`
//! and `Hash` where no `f64` is reachable (with `Config::eq_hash`). Decided over the whole model,
//! to a fixed point, because a struct's answer depends on the bare structs and enums it holds.

use std::collections::BTreeMap;

use crate::model::{FieldKind, ItemPath, Model, StructDef, TypeRef};

/// Sets `StructDef::default` on every struct, and `eq_hash` on every struct and enum (all `false`
/// when `eq_hash` is off).
pub(crate) fn decide(model: &mut Model, eq_hash: bool) {
    decide_default(model);
    decide_eq_hash(model, eq_hash);
}

fn decide_default(model: &mut Model) {
    // Start from "yes" and withdraw until nothing changes: a cycle of bare structs that all have
    // defaults keeps them (each is behind a `Box` somewhere, and `Box<T>: Default`).
    let mut default: BTreeMap<ItemPath, bool> = model
        .types
        .iter()
        .chain(&model.functions)
        .map(|s| (s.path.clone(), true))
        .collect();
    loop {
        let mut changed = false;
        for s in model.types.iter().chain(&model.functions) {
            let has = struct_has_default(s, &default);
            if default.get(&s.path) != Some(&has) {
                default.insert(s.path.clone(), has);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for s in model.types.iter_mut().chain(model.functions.iter_mut()) {
        s.default = default.get(&s.path).copied().unwrap_or(false);
    }
}

fn struct_has_default(s: &StructDef, structs: &BTreeMap<ItemPath, bool>) -> bool {
    // A generic struct's `!X` has no default to give.
    s.generics.is_empty()
        && s.fields.iter().all(|f| match &f.kind {
            FieldKind::Required(ty) => type_has_default(ty, structs),
            FieldKind::Nullable(_)
            | FieldKind::Optional(..)
            | FieldKind::Flag(_)
            | FieldKind::Group { .. } => true,
        })
}

fn type_has_default(ty: &TypeRef, structs: &BTreeMap<ItemPath, bool>) -> bool {
    match ty {
        TypeRef::Int
        | TypeRef::Long
        | TypeRef::Int53
        | TypeRef::Double
        | TypeRef::Nat
        | TypeRef::Str
        | TypeRef::Bytes
        | TypeRef::Bool
        | TypeRef::True
        | TypeRef::Vector(_)
        | TypeRef::BareVector(_) => true,
        // The standard library implements `Default` for arrays up to 32 elements.
        TypeRef::Fixed(n) => *n <= 32,
        TypeRef::Bare { path, .. } => structs.get(path).copied().unwrap_or(false),
        // Which constructor would it be? None is the default.
        TypeRef::Enum { .. } | TypeRef::Generic(_) => false,
    }
}

/// `Eq` and `Hash`: `f64` has neither, so a struct or enum gets them when no `f64` is reachable
/// from it. Starts from "yes" for every struct and enum and withdraws until nothing changes, so a
/// cycle without an `f64` keeps them. A generic struct's `X` gets the derive's `X: Eq` / `X: Hash`
/// bounds.
fn decide_eq_hash(model: &mut Model, on: bool) {
    let mut eq: BTreeMap<ItemPath, bool> = model
        .types
        .iter()
        .chain(&model.functions)
        .map(|s| &s.path)
        .chain(model.enums.iter().map(|e| &e.path))
        .map(|path| (path.clone(), on))
        .collect();
    while on && withdraw_eq_hash(model, &mut eq) {}
    for s in model.types.iter_mut().chain(model.functions.iter_mut()) {
        s.eq_hash = eq.get(&s.path).copied().unwrap_or(false);
    }
    for e in &mut model.enums {
        e.eq_hash = eq.get(&e.path).copied().unwrap_or(false);
    }
}

/// One pass over every struct and enum; true when an answer changed.
fn withdraw_eq_hash(model: &Model, eq: &mut BTreeMap<ItemPath, bool>) -> bool {
    let mut changed = false;
    for s in model.types.iter().chain(&model.functions) {
        let has = struct_has_eq(s, eq);
        if eq.get(&s.path) != Some(&has) {
            eq.insert(s.path.clone(), has);
            changed = true;
        }
    }
    for e in &model.enums {
        let has = e
            .variants
            .iter()
            .all(|v| eq.get(&v.ctor).copied().unwrap_or(false));
        if eq.get(&e.path) != Some(&has) {
            eq.insert(e.path.clone(), has);
            changed = true;
        }
    }
    changed
}

fn struct_has_eq(s: &StructDef, known: &BTreeMap<ItemPath, bool>) -> bool {
    s.fields.iter().all(|f| match &f.kind {
        FieldKind::Required(ty) | FieldKind::Nullable(ty) | FieldKind::Optional(ty, _) => {
            type_has_eq(ty, known)
        }
        FieldKind::Flag(_) => true,
        FieldKind::Group { group, .. } => s
            .group_members(*group)
            .iter()
            .all(|m| type_has_eq(&m.ty, known)),
    })
}

fn type_has_eq(ty: &TypeRef, known: &BTreeMap<ItemPath, bool>) -> bool {
    match ty {
        TypeRef::Double => false,
        TypeRef::Int
        | TypeRef::Long
        | TypeRef::Int53
        | TypeRef::Nat
        | TypeRef::Fixed(_)
        | TypeRef::Str
        | TypeRef::Bytes
        | TypeRef::Bool
        | TypeRef::True
        | TypeRef::Generic(_) => true,
        TypeRef::Vector(inner) | TypeRef::BareVector(inner) => type_has_eq(inner, known),
        TypeRef::Enum { path, .. } | TypeRef::Bare { path, .. } => {
            known.get(path).copied().unwrap_or(false)
        }
    }
}
