//! Lowering: the resolved TL schema becomes the [`Model`], with every Rust name, type, field layout
//! and heap allocation decided here and nowhere else. Constructs that have no Rust form are
//! located diagnostics.

mod api;
mod borrows;
mod doc_text;
#[cfg(feature = "docs")]
mod docs;
mod fields;
mod getters;
mod heap;
mod hooks;
mod names;
mod select;
mod traits;
mod types;

use std::collections::{BTreeMap, BTreeSet};

use tl_parser::{
    Code, DefId, DefKind, Definition, Diagnostic, IdStatus, Label, Schema, Severity, Span, TypeId,
    TypeKind,
};

pub(crate) use api::Api;
pub(crate) use borrows::type_borrows;
pub(crate) use hooks::{Hooks, parse_attributes};

/// The documentation given to `Config::docs`, as tl-docs reads it (the `docs` feature).
#[cfg(feature = "docs")]
pub(crate) type Docs = tl_docs::Docs;
/// Without the `docs` feature there is no documentation to give: a type with no values.
#[cfg(not(feature = "docs"))]
#[derive(Debug)]
pub(crate) enum Docs {}

use crate::ident::RustIdent;
use crate::model::{
    EnumDef, EnumKind, FieldKind, ItemPath, Model, Root, SharedId, StructDef, TypeRef, Usability,
    Variant, VariantOf,
};

/// A construct of the schema that has no Rust form, located.
#[derive(Debug)]
pub(crate) struct Unsupported {
    pub(crate) span: Span,
    pub(crate) message: String,
}

/// Why lowering failed.
#[derive(Debug)]
pub(crate) enum LowerError {
    /// A name given to `select` is not in the schema.
    UnknownSelection(String),
    /// A path given to `boxed` matches no field it can box.
    UnknownPath(String),
    /// Constructs without a Rust form, one diagnostic each.
    Unsupported(Vec<Diagnostic>),
}

/// `Config`'s switches that decide what each item gets beyond its fields and wire format.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Switches {
    /// `Config::eq_hash`: derive `Eq` and `Hash` where every field allows them.
    pub(crate) eq_hash: bool,
    /// `Config::builders` and `Config::enum_helpers`: which convenience items to generate.
    pub(crate) api: Api,
    /// `Config::borrowed`: which items take `'a`.
    pub(crate) borrowed: bool,
}

/// Builds the model of `schema` (which must have no errors), restricted to the closure of `roots`
/// when it is not empty. `layer` is used when the schema states none; `docs`: the documentation
/// given to `Config::docs`.
pub(crate) fn lower(
    schema: &Schema,
    roots: &[String],
    layer: Option<i32>,
    hooks: &Hooks,
    switches: Switches,
    docs: Option<&Docs>,
) -> Result<Model, LowerError> {
    let selected = select::closure(schema, roots).map_err(LowerError::UnknownSelection)?;
    // Sorted by TL name: paths that would collide get their suffixes in that order.
    let by_name = |kind: fn(DefKind) -> bool| -> Vec<&Definition> {
        let mut defs: Vec<&Definition> = selected
            .iter()
            .map(|&id| schema.definition(id))
            .filter(|d| kind(d.kind))
            .collect();
        defs.sort_by(|a, b| a.name.full.cmp(&b.name.full));
        defs
    };
    let ctor_defs = by_name(|k| matches!(k, DefKind::Constructor(_)));
    let fn_defs = by_name(|k| k == DefKind::Function);

    // Boxed types of the selected constructors, each with its constructors in source order.
    let mut boxed: BTreeMap<&str, (TypeId, Vec<&Definition>)> = BTreeMap::new();
    for ty in schema.types() {
        let chosen: Vec<&Definition> = schema
            .constructors(ty.type_id)
            .filter(|c| selected.contains(&c.def_id))
            .collect();
        if !chosen.is_empty() {
            boxed.insert(&ty.name, (ty.type_id, chosen));
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
    let uses = |kind: TypeKind| uses_kind(&ctor_defs, &fn_defs, kind);
    let any_object_name =
        uses(TypeKind::AnyObject).then(|| free_name(&boxed, "Object", "AnyObject"));
    let any_function_name =
        uses(TypeKind::AnyFunction).then(|| free_name(&boxed, "Function", "AnyFunction"));
    let enum_names = names::assign_paths(
        Root::Enums,
        boxed
            .keys()
            .copied()
            .chain(any_object_name)
            .chain(any_function_name),
    );
    let enum_paths: BTreeMap<TypeId, ItemPath> = boxed
        .iter()
        .filter_map(|(name, (id, _))| Some((*id, enum_names.get(name)?.clone())))
        .collect();
    let ctor_ids: BTreeMap<DefId, ItemPath> = ctor_defs
        .iter()
        .filter_map(|d| Some((d.def_id, ctor_paths.get(d.name.full.as_str())?.clone())))
        .collect();
    let resolver = types::Resolver {
        schema,
        enums: &enum_paths,
        ctors: &ctor_ids,
        any_object: any_object_name.and_then(|n| enum_names.get(n)),
        any_function: any_function_name.and_then(|n| enum_names.get(n)),
    };

    let mut model = Model {
        layer: schema.layer().and_then(|l| i32::try_from(l).ok()).or(layer),
        ..Model::default()
    };
    let mut unsupported = Vec::new();
    for (defs, paths, out) in [
        (&ctor_defs, &ctor_paths, &mut model.types),
        (&fn_defs, &fn_paths, &mut model.functions),
    ] {
        for def in defs {
            let Some(path) = paths.get(def.name.full.as_str()) else {
                continue;
            };
            match lower_struct(def, path.clone(), &resolver) {
                Ok(s) => out.push(s),
                Err(problem) => unsupported.push(diagnostic(def, problem)),
            }
        }
    }
    if !unsupported.is_empty() {
        return Err(LowerError::Unsupported(unsupported));
    }

    for (name, (id, ctors)) in &boxed {
        let Some(path) = enum_paths.get(id) else {
            continue;
        };
        let ctor_names: Vec<&str> = ctors.iter().map(|d| d.name.full.as_str()).collect();
        let variants = ctors
            .iter()
            .zip(names::variant_names(name, &ctor_names))
            .filter_map(|(def, ident)| {
                Some(Variant {
                    ident,
                    ctor: ctor_ids.get(&def.def_id)?.clone(),
                    tl_name: def.name.full.to_string(),
                    id: def.id,
                    heap: false,
                })
            })
            .collect();
        model.enums.push(EnumDef {
            path: path.clone(),
            kind: EnumKind::Boxed,
            tl_name: (*name).to_owned(),
            doc: schema.boxed_type(*id).doc.as_deref().map(doc_text::escape),
            variants,
            terminal: 0,
            attributes: Vec::new(),
            non_exhaustive: false,
            eq_hash: false,
            helpers: false,
            borrows: false,
            getters: Vec::new(),
        });
    }
    if let Some(name) = any_object_name {
        let defs: Vec<(&Definition, &ItemPath)> = ctor_defs
            .iter()
            .filter_map(|d| Some((*d, ctor_ids.get(&d.def_id)?)))
            .collect();
        model
            .enums
            .extend(any_enum(&enum_names, name, EnumKind::AnyObject, &defs));
    }
    if let Some(name) = any_function_name {
        let defs: Vec<(&Definition, &ItemPath)> = fn_defs
            .iter()
            .filter(|d| d.type_params.is_empty())
            .filter_map(|d| Some((*d, fn_paths.get(d.name.full.as_str())?)))
            .collect();
        model
            .enums
            .extend(any_enum(&enum_names, name, EnumKind::AnyFunction, &defs));
    }

    name_groups_apart(&mut model.types);
    name_groups_apart(&mut model.functions);
    compute_min_lengths(&mut model);
    find_terminal_variants(&mut model);
    heap::decide(&mut model);
    hooks::apply(&mut model, hooks).map_err(LowerError::UnknownPath)?;
    record_variants(&mut model);
    traits::decide(&mut model, switches.eq_hash);
    borrows::decide(&mut model, switches.borrowed);
    api::decide(&mut model, switches.api);
    model.types.sort_by(|a, b| a.path.cmp(&b.path));
    model.functions.sort_by(|a, b| a.path.cmp(&b.path));
    model.enums.sort_by(|a, b| a.path.cmp(&b.path));
    assign_names_for_ids(&mut model, ctor_defs.iter().chain(&fn_defs).copied());
    #[cfg(feature = "docs")]
    docs::decide(&mut model, docs);
    #[cfg(not(feature = "docs"))]
    let _: Option<&Docs> = docs; // nothing to record without the `docs` feature
    Ok(model)
}

/// `name`, unless the schema has a boxed type of that name; then `instead`.
fn free_name<'a, T>(boxed: &BTreeMap<&str, T>, name: &'a str, instead: &'a str) -> &'a str {
    if boxed.contains_key(name) {
        instead
    } else {
        name
    }
}

/// True when a definition's fields (or a function's result) mention a type of this kind.
fn uses_kind(ctors: &[&Definition], fns: &[&Definition], kind: TypeKind) -> bool {
    fn mentions(ty: &tl_parser::Type, kind: TypeKind) -> bool {
        ty.kind == kind || ty.args.iter().any(|a| mentions(a, kind))
    }
    ctors.iter().chain(fns).any(|d| {
        d.params.iter().any(|p| mentions(&p.ty, kind))
            || (d.kind == DefKind::Function && mentions(&d.result, kind))
    })
}

/// The located diagnostic for a construct of `def` without a Rust form.
fn diagnostic(def: &Definition, problem: Unsupported) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::Unsupported,
        message: format!(
            "cannot generate Rust for `{}`: {}",
            def.name.full, problem.message
        ),
        labels: vec![Label::primary(problem.span, "no Rust form")],
        notes: Vec::new(),
    }
}

/// The enum holding any of `defs` (every constructor, or every function), one variant each, named
/// after the whole TL name (`tonNode.blockIdExt` -> `TonNodeBlockIdExt`).
fn any_enum(
    paths: &BTreeMap<&str, ItemPath>,
    name: &str,
    kind: EnumKind,
    defs: &[(&Definition, &ItemPath)],
) -> Option<EnumDef> {
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
                ctor: (*ctor).clone(),
                tl_name: def.name.full.to_string(),
                id: def.id,
                heap: false,
            }
        })
        .collect();
    let (tl_name, what) = match kind {
        EnumKind::AnyFunction => ("Function", "any function (TL `function`)"),
        EnumKind::AnyObject | EnumKind::Boxed => ("Object", "any constructor (TL `object`)"),
    };
    Some(EnumDef {
        path: paths.get(name)?.clone(),
        kind,
        tl_name: tl_name.to_owned(),
        // Escaped as text, backticks included (as generated code has always shown it).
        doc: Some(doc_text::escape(&format!(
            "A value of {what}, tagged by its constructor id."
        ))),
        variants,
        terminal: 0,
        attributes: Vec::new(),
        non_exhaustive: false,
        eq_hash: false,
        helpers: false,
        borrows: false,
        getters: Vec::new(),
    })
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

/// Tells each constructor struct which enum variant holds it, once heap allocation is decided.
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

/// The Rust type parameters of a definition, indexed like its TL ones: `{X:Type}` gives `X`;
/// parameters of another kind (`{n:#}`) have no Rust form.
fn generics(def: &Definition) -> Vec<Option<RustIdent>> {
    def.type_params
        .iter()
        .map(|p| (p.kind == "Type").then(|| RustIdent::camel(&p.name)))
        .collect()
}

fn lower_struct(
    def: &Definition,
    path: ItemPath,
    resolver: &types::Resolver<'_>,
) -> Result<StructDef, Unsupported> {
    let generics = generics(def);
    check_generics(def, &generics)?;
    let layout = fields::layout(def, &path.name, &generics, resolver)?;
    let returns = match def.kind {
        DefKind::Function => Some(resolver.resolve(&def.result, &generics)?),
        DefKind::Constructor(_) | DefKind::Builtin => None,
    };
    Ok(StructDef {
        path,
        tl_name: def.name.full.to_string(),
        id: def.id,
        tl_line: def.to_string(),
        doc: def.docs.description.as_deref().map(doc_text::escape),
        fields: layout.fields,
        groups: layout.groups,
        derived: layout.derived,
        flag_words: layout.flag_words,
        wire: layout.wire,
        min_bare_len: 0,
        generics: generics.into_iter().flatten().collect(),
        returns,
        variant_of: None,
        default: false,
        eq_hash: false,
        builders: false,
        borrows: false,
        attributes: Vec::new(),
        possible_errors: Vec::new(),
        usability: Usability::default(),
    })
}

/// Type parameters become generic parameters of a function's struct: each must be of kind `Type`
/// and written `!X` by some field (a Rust type parameter must be used). A constructor with type
/// parameters builds a generic type, which only `Vector` may be.
fn check_generics(def: &Definition, generics: &[Option<RustIdent>]) -> Result<(), Unsupported> {
    for (index, (param, rust)) in def.type_params.iter().zip(generics).enumerate() {
        let problem = if def.kind != DefKind::Function {
            Some(format!(
                "the type parameter `{{{}:{}}}` makes `{}` a generic type (only `Vector` may be one)",
                param.name, param.kind, def.result.name
            ))
        } else if rust.is_none() {
            Some(format!(
                "the type parameter `{{{}:{}}}` is not of kind `Type`",
                param.name, param.kind
            ))
        } else if !def
            .params
            .iter()
            .any(|p| p.ty.kind == TypeKind::Param(index))
        {
            Some(format!(
                "the type parameter `{{{}:Type}}` is used by no field (write it as `!{}`)",
                param.name, param.name
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            return Err(Unsupported {
                span: param.span,
                message,
            });
        }
    }
    Ok(())
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
                match &f.kind {
                    FieldKind::Required(ty) => total += fields::min_len(ty, &lookup),
                    // The `null` id, or a boxed value: 4 bytes at least.
                    FieldKind::Nullable(_) => total += 4,
                    FieldKind::Optional(..) | FieldKind::Flag(_) | FieldKind::Group { .. } => {}
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
fn assign_names_for_ids<'a>(model: &mut Model, defs: impl Iterator<Item = &'a Definition>) {
    let mut by_id: BTreeMap<u32, Vec<&Definition>> = BTreeMap::new();
    for def in defs {
        by_id.entry(def.id).or_default().push(def);
    }
    for (id, mut defs) in by_id {
        defs.sort_by_key(|d| (matches!(d.id_status, IdStatus::Mismatch(_)), d.def_id));
        let names: Vec<String> = defs.iter().map(|d| d.name.full.to_string()).collect();
        if let Some((first, rest)) = names.split_first() {
            model.names.push((id, first.clone()));
            if !rest.is_empty() {
                model.shared_ids.push(SharedId {
                    id,
                    chosen: first.clone(),
                    others: rest.to_vec(),
                });
            }
        }
    }
}
