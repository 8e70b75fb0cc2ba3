//! Where values go on the heap (behind a `Box`): enum variants that close a cycle of by-value containment (a
//! recursive type would have infinite size), bare fields that do so, and variants whose struct is
//! large, so that every enum stays small (clippy's `large_enum_variant` never fires and moving a
//! value is cheap).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{EnumDef, FieldKind, ItemPath, Model, StructDef, TypeRef};

/// A variant whose struct is estimated larger than this many bytes goes on the heap (behind a `Box`).
const MAX_INLINE_VARIANT: usize = 96;

/// Decides every `heap` flag in the model.
pub(crate) fn decide(model: &mut Model) {
    break_variant_cycles(model);
    break_bare_cycles(model);
    box_large_variants(model);
}

/// The by-value references of a type: the enum or struct whose value is stored inline.
fn inline_target(ty: &TypeRef) -> Option<&ItemPath> {
    match ty {
        TypeRef::Enum { path, heap: false } | TypeRef::Bare { path, heap: false } => Some(path),
        _ => None,
    }
}

/// Every type a struct's fields store inline.
fn struct_targets(def: &StructDef) -> Vec<&ItemPath> {
    let mut out = Vec::new();
    for field in &def.fields {
        match &field.kind {
            FieldKind::Required(ty) | FieldKind::Nullable(ty) | FieldKind::Optional(ty, _) => {
                out.extend(inline_target(ty))
            }
            FieldKind::Group { group, .. } => {
                out.extend(
                    def.group_members(*group)
                        .iter()
                        .filter_map(|m| inline_target(&m.ty)),
                );
            }
            FieldKind::Flag(_) => {}
        }
    }
    out
}

/// The by-value containment graph: struct -> inline field types, enum -> inline variants.
fn graph(model: &Model) -> BTreeMap<ItemPath, Vec<ItemPath>> {
    let mut edges: BTreeMap<ItemPath, Vec<ItemPath>> = BTreeMap::new();
    for def in model.types.iter().chain(&model.functions) {
        edges.insert(
            def.path.clone(),
            struct_targets(def).into_iter().cloned().collect(),
        );
    }
    for e in &model.enums {
        edges.insert(
            e.path.clone(),
            e.variants
                .iter()
                .filter(|v| !v.heap)
                .map(|v| v.ctor.clone())
                .collect(),
        );
    }
    edges
}

/// True when `to` can be reached from `from` along the edges.
fn reaches(edges: &BTreeMap<ItemPath, Vec<ItemPath>>, from: &ItemPath, to: &ItemPath) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(node) = stack.pop() {
        if node == to {
            return true;
        }
        if seen.insert(node) {
            stack.extend(edges.get(node).into_iter().flatten());
        }
    }
    false
}

fn break_variant_cycles(model: &mut Model) {
    let mut edges = graph(model);
    for e in 0..model.enums.len() {
        for v in 0..model.enums[e].variants.len() {
            let (enum_path, ctor) = (
                model.enums[e].path.clone(),
                model.enums[e].variants[v].ctor.clone(),
            );
            if reaches(&edges, &ctor, &enum_path) {
                model.enums[e].variants[v].heap = true;
                if let Some(targets) = edges.get_mut(&enum_path) {
                    targets.retain(|t| *t != ctor);
                }
            }
        }
    }
}

fn break_bare_cycles(model: &mut Model) {
    let mut edges = graph(model);
    for s in 0..model.types.len() {
        let owner = model.types[s].path.clone();
        let def = &mut model.types[s];
        let mut moved = Vec::new();
        for_each_type_mut(def, &mut |ty| {
            if let TypeRef::Bare { path, heap } = ty
                && !*heap
                && reaches(&edges, path, &owner)
            {
                *heap = true;
                moved.push(path.clone());
            }
        });
        if let Some(targets) = edges.get_mut(&owner) {
            targets.retain(|t| !moved.contains(t));
        }
    }
}

/// Calls `f` on the top-level type of every stored field and group member.
fn for_each_type_mut(def: &mut StructDef, f: &mut dyn FnMut(&mut TypeRef)) {
    for field in &mut def.fields {
        match &mut field.kind {
            FieldKind::Required(ty) | FieldKind::Nullable(ty) | FieldKind::Optional(ty, _) => f(ty),
            FieldKind::Group { .. } | FieldKind::Flag(_) => {}
        }
    }
    for group in &mut def.groups {
        for member in &mut group.members {
            f(&mut member.ty);
        }
    }
}

/// Estimated sizes in bytes, on a 64-bit target, of the model's structs and enums.
struct Sizes<'m> {
    structs: BTreeMap<&'m ItemPath, &'m StructDef>,
    enums: BTreeMap<&'m ItemPath, &'m EnumDef>,
    memo: BTreeMap<&'m ItemPath, usize>,
}

impl<'m> Sizes<'m> {
    fn new(model: &'m Model) -> Self {
        Sizes {
            structs: model
                .types
                .iter()
                .chain(&model.functions)
                .map(|d| (&d.path, d))
                .collect(),
            enums: model.enums.iter().map(|e| (&e.path, e)).collect(),
            memo: BTreeMap::new(),
        }
    }

    fn of_type(&mut self, ty: &'m TypeRef) -> usize {
        match ty {
            TypeRef::Bool => 1,
            TypeRef::True => 0,
            TypeRef::Int | TypeRef::Nat => 4,
            TypeRef::Long | TypeRef::Int53 | TypeRef::Double | TypeRef::Generic(_) => 8,
            TypeRef::Fixed(n) => *n,
            TypeRef::Str | TypeRef::Bytes | TypeRef::Vector(_) | TypeRef::BareVector(_) => 24,
            TypeRef::Enum { heap: true, .. } | TypeRef::Bare { heap: true, .. } => 8,
            TypeRef::Enum { path, .. } | TypeRef::Bare { path, .. } => self.of_item(path),
        }
    }

    fn of_item(&mut self, path: &'m ItemPath) -> usize {
        if let Some(&size) = self.memo.get(path) {
            return size;
        }
        // Cycles were broken before sizes are estimated; the placeholder only guards against a bug.
        self.memo.insert(path, 8);
        let size = if let Some(def) = self.structs.get(path).copied() {
            self.of_struct(def)
        } else if let Some(e) = self.enums.get(path).copied() {
            let largest = e
                .variants
                .iter()
                .map(|v| if v.heap { 8 } else { self.of_item(&v.ctor) })
                .max()
                .unwrap_or(0);
            8 + largest
        } else {
            8
        };
        self.memo.insert(path, size);
        size
    }

    fn of_struct(&mut self, def: &'m StructDef) -> usize {
        let mut total = 0;
        for field in &def.fields {
            total += match &field.kind {
                FieldKind::Required(ty) => self.of_type(ty),
                FieldKind::Optional(ty, _) | FieldKind::Nullable(ty) => 8 + self.of_type(ty),
                FieldKind::Flag(_) => 1,
                FieldKind::Group { group, .. } => {
                    let members = def.group_members(*group);
                    8 + members.iter().map(|m| self.of_type(&m.ty)).sum::<usize>()
                }
            };
        }
        total.div_ceil(8) * 8
    }
}

fn box_large_variants(model: &mut Model) {
    let large: BTreeSet<ItemPath> = {
        let mut sizes = Sizes::new(model);
        model
            .types
            .iter()
            .chain(&model.functions)
            .filter(|d| sizes.of_struct(d) > MAX_INLINE_VARIANT)
            .map(|d| d.path.clone())
            .collect()
    };
    for e in &mut model.enums {
        for v in &mut e.variants {
            if large.contains(&v.ctor) {
                v.heap = true;
            }
        }
    }
}
