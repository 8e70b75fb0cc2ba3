//! Lowering: the checked TL schema becomes the `Model`, with every Rust name, type, field layout and
//! boxing decided here and nowhere else.

mod boxing;
mod fields;
mod index;
mod names;
mod select;
mod types;

use std::collections::{BTreeMap, BTreeSet};

use tl_parser::Schema;
use tl_parser::ast::{ArgSyntax, Definition, IdStatus, TypeExpr};

use crate::Error;
use crate::ident::RustIdent;
use crate::ir::{
    EnumDef, FieldKind, ItemPath, Model, Root, StructDef, TypeRef, Variant, VariantOf,
};

/// Builds the model of `schema`, restricted to the closure of `roots` when it is not empty.
pub(crate) fn lower(schema: &Schema, roots: &[String]) -> Result<Model, Error> {
    let index = index::Index::new(schema);
    let selected = select::closure(&index, roots)?;
    let ctor_defs: Vec<&Definition> = index
        .ctors
        .iter()
        .filter(|(n, _)| selected.contains(*n))
        .map(|(_, d)| *d)
        .collect();
    let fn_defs: Vec<&Definition> = index
        .functions
        .iter()
        .filter(|(n, _)| selected.contains(*n))
        .map(|(_, d)| *d)
        .collect();

    // Boxed types of the selected constructors, each with its constructors in source order.
    let mut boxed: BTreeMap<&str, Vec<&Definition>> = BTreeMap::new();
    for (name, ctors) in &index.boxed {
        let chosen: Vec<&Definition> = ctors
            .iter()
            .copied()
            .filter(|c| selected.contains(c.name.full.as_str()))
            .collect();
        if !chosen.is_empty() {
            boxed.insert(name, chosen);
        }
    }

    let ctor_paths =
        names::assign_paths(Root::Types, ctor_defs.iter().map(|d| d.name.full.as_str()));
    let fn_paths = names::assign_paths(
        Root::Functions,
        fn_defs.iter().map(|d| d.name.full.as_str()),
    );
    // TON's `object`/`function` fields hold any constructor / any function: one enum each, named
    // `Object` / `Function` unless the schema has boxed types of those names.
    let any_object_name = uses_any(&ctor_defs, &fn_defs, index::ANY_OBJECT).then(|| {
        if boxed.contains_key("Object") {
            "AnyObject"
        } else {
            "Object"
        }
    });
    let any_function_name = uses_any(&ctor_defs, &fn_defs, index::ANY_FUNCTION).then(|| {
        if boxed.contains_key("Function") {
            "AnyFunction"
        } else {
            "Function"
        }
    });
    let enum_paths = names::assign_paths(
        Root::Enums,
        boxed
            .keys()
            .copied()
            .chain(any_object_name)
            .chain(any_function_name),
    );
    let boxed_ctors: BTreeMap<&str, Vec<&str>> = boxed
        .iter()
        .map(|(k, v)| (*k, v.iter().map(|d| d.name.full.as_str()).collect()))
        .collect();
    let resolver = types::Resolver {
        enums: &enum_paths,
        ctors: &ctor_paths,
        boxed_ctors: &boxed_ctors,
        any_object: any_object_name.and_then(|n| enum_paths.get(n)),
        any_function: any_function_name.and_then(|n| enum_paths.get(n)),
    };

    let mut model = Model {
        layer: schema.layer(),
        ..Model::default()
    };
    for def in &ctor_defs {
        let path = lookup(&ctor_paths, def)?;
        model.types.push(lower_struct(def, path, &resolver)?);
    }
    for def in &fn_defs {
        let path = lookup(&fn_paths, def)?;
        let mut s = lower_struct(def, path, &resolver)?;
        let generics: Vec<String> = def.type_params.iter().map(|p| p.name.to_string()).collect();
        s.returns = Some(
            resolver
                .resolve(&def.result, &generics)
                .map_err(|reason| unsupported(def, reason))?,
        );
        model.functions.push(s);
    }

    let class_docs: BTreeMap<&str, &str> = schema
        .files
        .iter()
        .flat_map(|f| f.classes.iter())
        .map(|c| (c.name.as_str(), c.description.as_str()))
        .collect();
    for (name, ctors) in &boxed {
        let path = enum_paths
            .get(name)
            .cloned()
            .ok_or_else(|| Error::Unsupported {
                definition: (*name).to_owned(),
                reason: "no enum path was assigned".to_owned(),
            })?;
        let ctor_names: Vec<&str> = ctors.iter().map(|d| d.name.full.as_str()).collect();
        let variant_idents = names::variant_names(name, &ctor_names);
        let mut variants = Vec::new();
        for (def, ident) in ctors.iter().zip(variant_idents) {
            let ctor = lookup(&ctor_paths, def)?;
            variants.push(Variant {
                ident,
                ctor,
                tl_name: def.name.full.to_string(),
                id: def.id(),
                heap: false,
            });
        }
        let doc = class_docs.get(name).map(|d| (*d).to_owned());
        model.enums.push(EnumDef {
            path,
            tl_name: (*name).to_owned(),
            doc,
            variants,
            terminal: 0,
        });
    }

    if let Some(name) = any_object_name {
        let defs: Vec<(&Definition, ItemPath)> = ctor_defs
            .iter()
            .map(|d| Ok((*d, lookup(&ctor_paths, d)?)))
            .collect::<Result<_, Error>>()?;
        model.enums.push(any_enum(
            &enum_paths,
            name,
            "any constructor (TL `object`)",
            &defs,
        ));
    }
    if let Some(name) = any_function_name {
        let defs: Vec<(&Definition, ItemPath)> = fn_defs
            .iter()
            .filter(|d| d.type_params.is_empty())
            .map(|d| Ok((*d, lookup(&fn_paths, d)?)))
            .collect::<Result<_, Error>>()?;
        model.enums.push(any_enum(
            &enum_paths,
            name,
            "any function (TL `function`)",
            &defs,
        ));
    }

    name_groups_apart(&mut model.types);
    name_groups_apart(&mut model.functions);
    compute_min_lengths(&mut model);
    find_terminal_variants(&mut model);
    boxing::decide(&mut model);
    record_variants(&mut model);
    model.types.sort_by(|a, b| a.path.cmp(&b.path));
    model.functions.sort_by(|a, b| a.path.cmp(&b.path));
    model.enums.sort_by(|a, b| a.path.cmp(&b.path));
    assign_names_for_ids(&mut model, &ctor_defs, &fn_defs, &index.order);
    Ok(model)
}

/// True when a definition's fields (or a function's result) mention one of `names`.
fn uses_any(ctors: &[&Definition], fns: &[&Definition], names: &[&str]) -> bool {
    fn mentions(ty: &TypeExpr, names: &[&str]) -> bool {
        names.contains(&ty.name.as_str()) || ty.args.iter().any(|a| mentions(a, names))
    }
    ctors.iter().chain(fns).any(|d| {
        d.params.iter().any(|p| mentions(&p.ty, names))
            || (d.category == tl_parser::Category::Function && mentions(&d.result, names))
    })
}

/// The enum holding any of `defs` (every constructor, or every function), one variant each, named
/// after the whole TL name (`tonNode.blockIdExt` -> `TonNodeBlockIdExt`).
fn any_enum(
    paths: &BTreeMap<&str, ItemPath>,
    name: &str,
    what: &str,
    defs: &[(&Definition, ItemPath)],
) -> EnumDef {
    let mut seen = BTreeSet::new();
    let variants = defs
        .iter()
        .map(|(def, ctor)| {
            let base = RustIdent::camel(&def.name.full.replace('.', "_"));
            let mut ident = base.clone();
            let mut n = 1;
            while !seen.insert(ident.clone()) {
                n += 1;
                ident = RustIdent::sanitize(&format!("{}{n}", base.unraw()));
            }
            Variant {
                ident,
                ctor: ctor.clone(),
                tl_name: def.name.full.to_string(),
                id: def.id(),
                heap: false,
            }
        })
        .collect();
    EnumDef {
        path: paths
            .get(name)
            .cloned()
            .unwrap_or_else(|| names::item_path(Root::Enums, name)),
        tl_name: name.to_owned(),
        doc: Some(format!("A value of {what}, tagged by its constructor id.")),
        variants,
        terminal: 0,
    }
}

/// For each enum, the variant that can be built with the least nesting: a struct's height is one
/// more than its highest required field (vectors may be empty, conditional fields absent), an
/// enum's is its lowest variant's. Computed as a fixed point from "unbuildable".
fn find_terminal_variants(model: &mut Model) {
    const UNKNOWN: usize = usize::MAX;
    let mut height: BTreeMap<ItemPath, usize> = BTreeMap::new();
    loop {
        let mut changed = false;
        for s in &model.types {
            let mut h = 0;
            for f in &s.fields {
                if let FieldKind::Required(
                    TypeRef::Enum { path, .. } | TypeRef::Bare { path, .. },
                ) = &f.kind
                {
                    h = h.max(height.get(path).copied().unwrap_or(UNKNOWN));
                }
            }
            let h = h.saturating_add(1);
            if height.get(&s.path).is_none_or(|&old| h < old) {
                height.insert(s.path.clone(), h);
                changed = true;
            }
        }
        for e in &model.enums {
            let h = e
                .variants
                .iter()
                .map(|v| height.get(&v.ctor).copied().unwrap_or(UNKNOWN))
                .min()
                .unwrap_or(UNKNOWN);
            if height.get(&e.path).is_none_or(|&old| h < old) {
                height.insert(e.path.clone(), h);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for e in &mut model.enums {
        e.terminal = (0..e.variants.len())
            .min_by_key(|&i| height.get(&e.variants[i].ctor).copied().unwrap_or(UNKNOWN))
            .unwrap_or(0);
    }
}

/// Renames shared-bit group structs whose name is already taken in their module (the group of
/// `message`'s `views` would be `MessageViews`, which is also the constructor `messageViews`),
/// by appending `Fields`, then a number.
fn name_groups_apart(structs: &mut [StructDef]) {
    let mut taken: BTreeSet<(Vec<RustIdent>, String)> = structs
        .iter()
        .map(|s| (s.path.modules.clone(), s.path.name.unraw().to_owned()))
        .collect();
    for s in structs.iter_mut() {
        for group in &mut s.groups {
            let base = group.name.unraw().to_owned();
            let mut candidate = base.clone();
            let mut n = 1;
            while !taken.insert((s.path.modules.clone(), candidate.clone())) {
                candidate = if n == 1 {
                    format!("{base}Fields")
                } else {
                    format!("{base}Fields{n}")
                };
                n += 1;
            }
            group.name = RustIdent::sanitize(&candidate);
        }
    }
}

/// Tells each constructor struct which enum variant holds it, once boxing is decided.
fn record_variants(model: &mut Model) {
    let mut holder: BTreeMap<ItemPath, VariantOf> = BTreeMap::new();
    for e in &model.enums {
        for v in &e.variants {
            // A constructor's own enum comes first; the enum of any constructor (TON's `object`)
            // does not take it over.
            holder.entry(v.ctor.clone()).or_insert(VariantOf {
                enum_path: e.path.clone(),
                variant: v.ident.clone(),
                heap: v.heap,
            });
        }
    }
    for s in &mut model.types {
        s.variant_of = holder.remove(&s.path);
    }
}

fn lookup(paths: &BTreeMap<&str, ItemPath>, def: &Definition) -> Result<ItemPath, Error> {
    paths
        .get(def.name.full.as_str())
        .cloned()
        .ok_or_else(|| unsupported(def, "no Rust path was assigned".to_owned()))
}

fn unsupported(def: &Definition, reason: String) -> Error {
    Error::Unsupported {
        definition: def.name.full.to_string(),
        reason,
    }
}

fn lower_struct(
    def: &Definition,
    path: ItemPath,
    resolver: &types::Resolver<'_>,
) -> Result<StructDef, Error> {
    let generics: Vec<String> = def.type_params.iter().map(|p| p.name.to_string()).collect();
    let layout = fields::layout(def, &path.name, &generics, resolver)
        .map_err(|reason| unsupported(def, reason))?;
    let generic = def.type_params.first().map(|p| RustIdent::camel(&p.name));
    Ok(StructDef {
        path,
        tl_name: def.name.full.to_string(),
        id: def.id(),
        tl_line: display_definition(def),
        doc: def.docs.description.clone(),
        fields: layout.fields,
        groups: layout.groups,
        derived: layout.derived,
        flag_words: layout.flag_words,
        wire: layout.wire,
        min_bare_len: 0,
        generic,
        returns: None,
        variant_of: None,
    })
}

/// The definition written out as TL, for doc comments: `name#id field:type … = Type`.
fn display_definition(def: &Definition) -> String {
    let mut out = def.name.full.to_string();
    if let Some(id) = def.declared_id {
        out.push_str(&format!("#{id:08x}"));
    }
    for p in &def.type_params {
        out.push_str(&format!(" {{{}:{}}}", p.name, p.kind));
    }
    for p in &def.params {
        out.push(' ');
        out.push_str(&p.name);
        out.push(':');
        if let Some(flag) = &p.flag {
            out.push_str(&format!("{}.{}?", flag.field, flag.bit));
        }
        out.push_str(&display_type(&p.ty));
    }
    out.push_str(" = ");
    out.push_str(&display_type(&def.result));
    out
}

fn display_type(ty: &TypeExpr) -> String {
    let mut out = String::new();
    if ty.percent {
        out.push('%');
    }
    if ty.bang {
        out.push('!');
    }
    let args: Vec<String> = ty.args.iter().map(display_type).collect();
    match ty.syntax {
        ArgSyntax::Angle => out.push_str(&format!("{}<{}>", ty.name, args.join(","))),
        ArgSyntax::Paren => out.push_str(&format!("({} {})", ty.name, args.join(" "))),
        ArgSyntax::Space => out.push_str(&format!("{} {}", ty.name, args.join(" "))),
        ArgSyntax::None => out.push_str(&ty.name),
    }
    out
}

/// Fills `min_bare_len` of every struct: the sum of its required fields' minimum sizes and 4 per
/// flags word (conditional fields may be absent).
fn compute_min_lengths(model: &mut Model) {
    let mut known: BTreeMap<ItemPath, usize> = BTreeMap::new();
    // Bare references form no cycles that matter here (a cycle would be infinitely long on the wire
    // unless broken by a flag); iterate to a fixed point, starting from zero, which only
    // under-estimates and so never rejects valid input.
    for _ in 0..8 {
        let mut changed = false;
        for s in model.types.iter().chain(model.functions.iter()) {
            let lookup = |p: &ItemPath| known.get(p).copied().unwrap_or(0);
            let mut total = 4 * s.flag_words.len();
            for f in &s.fields {
                if let FieldKind::Required(ty) = &f.kind {
                    total += fields::min_len(ty, &lookup);
                }
            }
            if known.get(&s.path) != Some(&total) {
                known.insert(s.path.clone(), total);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for s in model.types.iter_mut().chain(model.functions.iter_mut()) {
        s.min_bare_len = known.get(&s.path).copied().unwrap_or(0);
    }
}

/// One name per id for `name_for_id`. Where definitions share an id (api-L228's
/// `invokeWith…Prefix` functions copy the ids of the functions they prefix), the one whose declared
/// id verified wins, then the first in source order; the others are recorded in `shared_ids`.
fn assign_names_for_ids(
    model: &mut Model,
    ctors: &[&Definition],
    fns: &[&Definition],
    order: &BTreeMap<&str, usize>,
) {
    let mut by_id: BTreeMap<u32, Vec<&Definition>> = BTreeMap::new();
    for def in ctors.iter().chain(fns.iter()) {
        by_id.entry(def.id()).or_default().push(def);
    }
    for (id, mut defs) in by_id {
        defs.sort_by_key(|d| {
            let verified = !matches!(d.id_status, IdStatus::Mismatch(_));
            (
                !verified,
                order
                    .get(d.name.full.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
            )
        });
        let names: Vec<String> = defs.iter().map(|d| d.name.full.to_string()).collect();
        if let Some((first, rest)) = names.split_first() {
            model.names.push((id, first.clone()));
            if !rest.is_empty() {
                model.shared_ids.push((id, first.clone(), rest.to_vec()));
            }
        }
    }
}
