//! Which structs and enums take the lifetime parameter `'a` with `Config::borrowed`: those from
//! which a `string` or `bytes` (`Cow<'a, str>`, `Cow<'a, [u8]>`) is reachable through their
//! fields, vectors, group members, bare structs and enums. Decided over the whole model, to a
//! least fixed point (a cycle that reaches no string takes no lifetime), because a struct's answer
//! depends on what it holds.

use std::collections::BTreeSet;

use crate::model::{FieldKind, ItemPath, Model, StructDef, TypeRef};

/// Sets `Model::borrowed`, and `borrows` on every struct and enum (all `false` when `on` is off).
pub(crate) fn decide(model: &mut Model, on: bool) {
    model.borrowed = on;
    if !on {
        return;
    }
    // Start from "no" and add until nothing changes.
    let mut borrowing: BTreeSet<ItemPath> = BTreeSet::new();
    loop {
        let before = borrowing.len();
        for s in model.types.iter().chain(&model.functions) {
            if struct_borrows(s, &borrowing) {
                borrowing.insert(s.path.clone());
            }
        }
        for e in &model.enums {
            if e.variants.iter().any(|v| borrowing.contains(&v.ctor)) {
                borrowing.insert(e.path.clone());
            }
        }
        if borrowing.len() == before {
            break;
        }
    }
    for s in model.types.iter_mut().chain(model.functions.iter_mut()) {
        s.borrows = borrowing.contains(&s.path);
    }
    for e in &mut model.enums {
        e.borrows = borrowing.contains(&e.path);
    }
}

fn struct_borrows(s: &StructDef, borrowing: &BTreeSet<ItemPath>) -> bool {
    s.fields.iter().any(|f| match &f.kind {
        FieldKind::Required(ty) | FieldKind::Nullable(ty) | FieldKind::Optional(ty, _) => {
            type_borrows(ty, borrowing)
        }
        FieldKind::Flag(_) => false,
        FieldKind::Group { group, .. } => s
            .group_members(*group)
            .iter()
            .any(|m| type_borrows(&m.ty, borrowing)),
    })
}

/// Whether a value of `ty` holds a `Cow` (directly or inside), given the items known to.
pub(crate) fn type_borrows(ty: &TypeRef, borrowing: &BTreeSet<ItemPath>) -> bool {
    match ty {
        TypeRef::Str | TypeRef::Bytes => true,
        TypeRef::Vector(inner) | TypeRef::BareVector(inner) => type_borrows(inner, borrowing),
        TypeRef::Enum { path, .. } | TypeRef::Bare { path, .. } => borrowing.contains(path),
        // A `!X` is whatever the caller puts there: it gets its own lifetime, if any.
        TypeRef::Generic(_)
        | TypeRef::Int
        | TypeRef::Long
        | TypeRef::Int53
        | TypeRef::Double
        | TypeRef::Nat
        | TypeRef::Fixed(_)
        | TypeRef::Bool
        | TypeRef::True => false,
    }
}
