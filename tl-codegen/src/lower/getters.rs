//! Getters on boxed types' enums (gotd's `GetID`): `enums::User::id() -> i64` reads a field that
//! every constructor of `User` has. The rule, chosen to keep the generated code small (a getter is
//! one `match` over every variant; see ARCHITECTURE.md for the counts on api-L228):
//! - only enums of boxed types with at least two constructors (a single constructor's enum
//!   converts to its struct with `From`, which has every field);
//! - only fields that *every* constructor has, under the same TL name, with the same Rust type
//!   (outside any `Box`), and either always present in all of them or an `Option` in all of them
//!   (conditional or nullable); a `?true` field counts as a `bool`, whether stored or derived from
//!   a partner on its bit. No `Option` getters for fields only some constructors have;
//! - not flags words, nor members of shared-bit groups (they live in a group struct);
//! - not a name the enum already answers to (its own methods, those of the traits it implements,
//!   `std`'s blanket ones) or that clippy's naming lints reserve (`new`, `len`, `from_…`,
//!   `into_…`, the methods of operator traits): such a field gets no getter.
//!
//! Values come out by value for `Copy` scalars, as `&str` / `&[T]` for strings, byte strings and
//! vectors, and by reference otherwise (through the `Box` where a constructor holds one).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Access, Borrow, EnumDef, EnumKind, FieldKind, Getter, ItemPath, Member, Model, StructDef,
    TypeRef, WireItem,
};

/// Method names a getter may not take: the enum's own methods and those of the traits generated
/// code implements for it (tl-types', serde's, the derives' and `std`'s blanket impls), so that no
/// getter shadows one, and the names clippy's `new_ret_no_self`, `len_without_is_empty` and
/// `should_implement_trait` would flag on a `&self` method.
const RESERVED: &[&str] = &[
    // Generated inherent methods, tl-types' traits, samples and the JSON form.
    "constructor_id",
    "tl_name",
    "serialize",
    "serialized_len",
    "check_limits",
    "to_bytes",
    "try_serialize",
    "try_to_bytes",
    "deserialize",
    "deserialize_in_place",
    "from_bytes",
    "sample",
    "from_variant",
    // Derives and std's blanket impls.
    "assert_receiver_is_total_eq",
    "borrow",
    "borrow_mut",
    "clone",
    "clone_from",
    "clone_into",
    "eq",
    "fmt",
    "hash",
    "hash_slice",
    "into",
    "ne",
    "to_owned",
    "to_string",
    "try_into",
    "type_id",
    // clippy: methods with a conventional meaning.
    "add",
    "as_mut",
    "as_ref",
    "bitand",
    "bitor",
    "bitxor",
    "cmp",
    "default",
    "deref",
    "deref_mut",
    "div",
    "drop",
    "index",
    "index_mut",
    "is_empty",
    "len",
    "mul",
    "neg",
    "new",
    "next",
    "not",
    "partial_cmp",
    "rem",
    "shl",
    "shr",
    "sub",
];

/// Prefixes clippy's `wrong_self_convention` reserves for methods that take no `self` (`from_`) or
/// take it by value (`into_`).
const RESERVED_PREFIXES: &[&str] = &["from_", "into_"];

/// Fills `EnumDef::getters` of every enum.
pub(crate) fn decide(model: &mut Model) {
    let structs: BTreeMap<&ItemPath, &StructDef> =
        model.types.iter().map(|s| (&s.path, s)).collect();
    let getters: Vec<Vec<Getter>> = model
        .enums
        .iter()
        .map(|e| getters_of(e, &structs))
        .collect();
    for (e, getters) in model.enums.iter_mut().zip(getters) {
        e.getters = getters;
    }
}

/// What one constructor's field looks like to a getter: the type outside any `Box`, whether it is
/// an `Option`, and how to reach it.
struct Seen {
    ty: TypeRef,
    optional: bool,
    access: Access,
}

impl Seen {
    /// Whether `other` has the same Rust type (compared as Rust text: `int53` and `long` are both
    /// `i64`, `Vector<T>` and `vector<T>` both `Vec<T>`) and kind.
    fn agrees(&self, other: &Seen) -> bool {
        self.optional == other.optional && self.ty.to_string() == other.ty.to_string()
    }
}

fn getters_of(e: &EnumDef, structs: &BTreeMap<&ItemPath, &StructDef>) -> Vec<Getter> {
    if e.kind != EnumKind::Boxed || e.variants.len() < 2 {
        return Vec::new();
    }
    let ctors: Option<Vec<&StructDef>> = e
        .variants
        .iter()
        .map(|v| structs.get(&v.ctor).copied())
        .collect();
    let Some(ctors) = ctors else {
        return Vec::new();
    };
    let Some((first, rest)) = ctors.split_first() else {
        return Vec::new();
    };
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for tl_name in field_names(first) {
        let Some(seen) = field_shape(first, tl_name) else {
            continue;
        };
        let mut access = vec![seen.access.clone()];
        for ctor in rest {
            match field_shape(ctor, tl_name) {
                Some(other) if seen.agrees(&other) => access.push(other.access),
                _ => break,
            }
        }
        if access.len() != ctors.len() {
            continue;
        }
        let ident = match &seen.access {
            Access::Field { ident, .. } | Access::Method(ident) => ident.clone(),
        };
        let name = ident.unraw();
        if RESERVED.contains(&name)
            || RESERVED_PREFIXES.iter().any(|p| name.starts_with(p))
            || !taken.insert(name.to_owned())
        {
            continue;
        }
        out.push(Getter {
            ident,
            tl_name: tl_name.to_owned(),
            borrow: borrow(&seen.ty),
            ty: seen.ty,
            optional: seen.optional,
            access,
        });
    }
    out
}

/// The TL names of a constructor's fields in schema order (flags words and group members left
/// out: they never have a getter).
fn field_names(s: &StructDef) -> Vec<&str> {
    s.wire
        .iter()
        .filter_map(|item| match item {
            WireItem::Field(i) => s.fields.get(*i).map(|f| f.tl_name.as_str()),
            WireItem::Derived { tl_name, .. } => Some(tl_name.as_str()),
            WireItem::FlagWord(_) | WireItem::GroupMember { .. } => None,
        })
        .collect()
}

/// How the TL field `tl_name` of `s` would be read by a getter, if it can be.
fn field_shape(s: &StructDef, tl_name: &str) -> Option<Seen> {
    match s.member(tl_name)? {
        Member::Field(field) => {
            let (ty, optional) = match &field.kind {
                FieldKind::Required(ty) => (ty, false),
                FieldKind::Optional(ty, _) | FieldKind::Nullable(ty) => (ty, true),
                FieldKind::Flag(_) => (&TypeRef::Bool, false),
                // A `?true` field named after a group reads as the whole group: no getter.
                FieldKind::Group { .. } => return None,
            };
            let (ty, heap) = unboxed(ty);
            Some(Seen {
                ty,
                optional,
                access: Access::Field {
                    ident: field.ident.clone(),
                    heap,
                },
            })
        }
        Member::Method(derived) => Some(Seen {
            ty: TypeRef::Bool,
            optional: false,
            access: Access::Method(derived.ident.clone()),
        }),
        Member::FlagsWord | Member::GroupMember { .. } => None,
    }
}

/// `ty` outside its `Box`, and whether it was in one.
fn unboxed(ty: &TypeRef) -> (TypeRef, bool) {
    match ty {
        TypeRef::Enum { path, heap } => (
            TypeRef::Enum {
                path: path.clone(),
                heap: false,
            },
            *heap,
        ),
        TypeRef::Bare { path, heap } => (
            TypeRef::Bare {
                path: path.clone(),
                heap: false,
            },
            *heap,
        ),
        other => (other.clone(), false),
    }
}

/// How a value of `ty` is handed out.
fn borrow(ty: &TypeRef) -> Borrow {
    match ty {
        TypeRef::Int
        | TypeRef::Long
        | TypeRef::Int53
        | TypeRef::Double
        | TypeRef::Nat
        | TypeRef::Bool => Borrow::Copy,
        TypeRef::Str => Borrow::Str,
        TypeRef::Bytes | TypeRef::Vector(_) | TypeRef::BareVector(_) => Borrow::Slice,
        TypeRef::Fixed(_)
        | TypeRef::True
        | TypeRef::Enum { .. }
        | TypeRef::Bare { .. }
        | TypeRef::Generic(_) => Borrow::Ref,
    }
}
