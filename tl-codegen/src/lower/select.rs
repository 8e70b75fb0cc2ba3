//! `Config::select`: the transitive closure of the named definitions — every constructor of every
//! boxed type reachable through fields and return types.

use std::collections::BTreeSet;

use tl_parser::{DefId, DefKind, Schema, Type, TypeKind};

/// The definitions to generate: every constructor and function without roots, else the closure of
/// the roots (functions, constructors or boxed types, by TL name). A root the schema does not have
/// is returned as the error.
pub(crate) fn closure(schema: &Schema, roots: &[String]) -> Result<BTreeSet<DefId>, String> {
    let generated = |kind: DefKind| !matches!(kind, DefKind::Builtin);
    if roots.is_empty() {
        return Ok(schema
            .definitions()
            .iter()
            .filter(|d| generated(d.kind))
            .map(|d| d.def_id)
            .collect());
    }
    let mut queue: Vec<DefId> = Vec::new();
    for root in roots {
        match (schema.find(root), schema.find_type(root)) {
            (Some(def), _) if generated(def.kind) => queue.push(def.def_id),
            (_, Some(ty)) => queue.extend(&ty.constructors),
            _ => return Err(root.clone()),
        }
    }
    let mut selected = BTreeSet::new();
    while let Some(id) = queue.pop() {
        if !selected.insert(id) {
            continue;
        }
        let def = schema.definition(id);
        for param in &def.params {
            reach(schema, &param.ty, &mut queue);
        }
        match def.kind {
            DefKind::Function => reach(schema, &def.result, &mut queue),
            DefKind::Constructor(ty) => queue.extend(&schema.boxed_type(ty).constructors),
            DefKind::Builtin => {}
        }
    }
    // Built-ins reached through `%T` or a bare reference are provided by the runtime.
    selected.retain(|&id| generated(schema.definition(id).kind));
    Ok(selected)
}

/// Queues every definition a value of `ty` may hold.
fn reach(schema: &Schema, ty: &Type, queue: &mut Vec<DefId>) {
    match ty.kind {
        TypeKind::Boxed(id) => queue.extend(&schema.boxed_type(id).constructors),
        TypeKind::Bare(def) => queue.push(def),
        TypeKind::AnyObject => queue.extend(
            schema
                .definitions()
                .iter()
                .filter(|d| matches!(d.kind, DefKind::Constructor(_)))
                .map(|d| d.def_id),
        ),
        TypeKind::AnyFunction => queue.extend(
            schema
                .definitions()
                .iter()
                .filter(|d| d.kind == DefKind::Function)
                .map(|d| d.def_id),
        ),
        TypeKind::Builtin(_) | TypeKind::Vector | TypeKind::Param(_) | TypeKind::Undefined => {}
    }
    for arg in &ty.args {
        reach(schema, arg, queue);
    }
}
