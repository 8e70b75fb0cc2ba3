//! Which standard traits each struct implements beyond `Debug`, `Clone` and `PartialEq`: `Default`
//! where every field has a default. Decided over the whole model, to a fixed point, because a
//! struct's answer depends on the bare structs it holds.

use std::collections::BTreeMap;

use crate::model::{FieldKind, ItemPath, Model, StructDef, TypeRef};

/// Sets `StructDef::default` on every struct.
pub(crate) fn decide(model: &mut Model) {
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
