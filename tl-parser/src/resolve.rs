//! From the syntax tree to the resolved schema: boxed types numbered with their constructors, every
//! type reference resolved, every parameter given its role, every definition its ids. Problems
//! found on the way (undefined types, type parameters, arity, flags) are located diagnostics.

mod roles;
mod scope;
mod types;

use crate::ast::{self, Category};
use crate::builtins::{self, Known};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::fast_hash::FastMap;
use crate::ids;
use crate::schema::{
    Body, BoxedType, DefId, DefKind, Definition, IdStatus, Param, Role, Schema, SchemaFile, Type,
    TypeId, TypeKind,
};

use self::scope::Scope;
use self::types::TypeResolver;

/// Resolves every definition of `ast`. Id statuses are left for the checker ([`crate::check`]);
/// until then every definition reads as [`IdStatus::Undeclared`].
pub(crate) fn resolve(ast: &ast::Schema, diagnostics: &mut Vec<Diagnostic>) -> Schema {
    let defs: Vec<&ast::Definition> = ast.files.iter().flat_map(|f| &f.definitions).collect();

    // Boxed types, numbered in the order their first constructor appears.
    let mut type_index: FastMap<&str, (TypeId, usize)> = FastMap::default();
    let mut types: Vec<BoxedType> = Vec::new();
    let mut kinds = Vec::with_capacity(defs.len());
    for (index, def) in defs.iter().enumerate() {
        let kind = match def.category {
            Category::Function => DefKind::Function,
            Category::Type
                if def.builtin.is_some() || builtins::declares_builtin(&def.result.name) =>
            {
                DefKind::Builtin
            }
            Category::Type => {
                let (id, _) = *type_index
                    .entry(def.result.name.as_str())
                    .or_insert_with(|| {
                        let id = TypeId(index_u32(types.len()));
                        types.push(BoxedType {
                            type_id: id,
                            name: def.result.name.clone(),
                            constructors: Vec::new(),
                            arity: def.result.args.len(),
                            doc: None,
                        });
                        (id, def.result.args.len())
                    });
                types[id.index()].constructors.push(DefId(index_u32(index)));
                DefKind::Constructor(id)
            }
        };
        kinds.push(kind);
    }
    let constructors_of: Vec<Vec<DefId>> = types.iter().map(|t| t.constructors.clone()).collect();
    let scope = Scope::new(&defs, type_index, constructors_of);

    let mut definitions = Vec::with_capacity(defs.len());
    let mut buf = String::with_capacity(256);
    for (index, (def, kind)) in defs.iter().zip(kinds).enumerate() {
        let resolver = TypeResolver::new(&scope, def);
        let mut definition = resolve_definition(def, kind, &resolver, diagnostics);
        definition.def_id = DefId(index_u32(index));
        definition.computed_ids = ids::compute_with(&definition, &mut buf);
        definition.id = def.declared_id.unwrap_or(definition.computed_ids.reference);
        definitions.push(definition);
    }

    for class in ast.files.iter().flat_map(|f| &f.classes) {
        if let Some(&(id, _)) = scope.types.get(class.name.as_str()) {
            types[id.index()].doc = Some(class.description.clone());
        }
    }

    let mut files = Vec::with_capacity(ast.files.len());
    let mut start = 0;
    for file in &ast.files {
        let end = start + file.definitions.len();
        files.push(SchemaFile {
            file: file.file,
            layer: file.layer,
            definitions: start..end,
        });
        start = end;
    }

    let mut by_name = FastMap::default();
    let mut by_id: FastMap<u32, Vec<DefId>> = FastMap::default();
    by_name.reserve(definitions.len());
    by_id.reserve(definitions.len());
    for def in &definitions {
        by_name.entry(def.name.full.clone()).or_insert(def.def_id);
        // Built-ins without a body of fields (`int ? = Int;`) have no id on the wire.
        if def.body != Some(Body::Opaque) {
            by_id.entry(def.id).or_default().push(def.def_id);
        }
    }
    let type_by_name = types.iter().map(|t| (t.name.clone(), t.type_id)).collect();
    Schema {
        files,
        definitions,
        types,
        by_name,
        type_by_name,
        by_id,
    }
}

/// Indexes fit in u32: sources are limited to 4 GiB.
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn resolve_definition(
    def: &ast::Definition,
    kind: DefKind,
    resolver: &TypeResolver<'_, '_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Definition {
    let param_types: Vec<Type> = def
        .params
        .iter()
        .map(|p| resolver.resolve(&p.ty, Some(&p.name), diagnostics))
        .collect();
    let roles = roles::roles(def, &param_types, diagnostics);
    let params = def
        .params
        .iter()
        .zip(param_types)
        .zip(roles)
        .map(|((p, ty), role)| Param {
            name: p.name.clone(),
            name_span: p.name_span,
            role,
            flag: p.flag.clone(),
            nullable: role == Role::Required
                && matches!(ty.kind, TypeKind::Boxed(_) | TypeKind::Bare(_))
                && def.docs.field(&p.name).is_some_and(Param::documents_null),
            ty,
            span: p.span,
        })
        .collect();
    let body = def.builtin.as_ref().map(|body| match body {
        ast::BuiltinBody::Opaque => Body::Opaque,
        ast::BuiltinBody::Vector => Body::Vector,
        ast::BuiltinBody::Repeat { count, ty } => Body::Repeat {
            count: *count,
            ty: resolver.resolve(ty, None, diagnostics),
        },
    });
    let result = match kind {
        DefKind::Function => resolver.resolve(&def.result, None, diagnostics),
        DefKind::Constructor(id) => {
            declared_type(def, TypeKind::Boxed(id), true, resolver, diagnostics)
        }
        DefKind::Builtin => builtin_result(def, resolver, diagnostics),
    };
    Definition {
        def_id: DefId(0),
        category: def.category,
        kind,
        name: def.name.clone(),
        id: 0,
        declared_id: def.declared_id,
        declared_id_span: def.declared_id_span,
        computed_ids: Default::default(),
        id_status: IdStatus::Undeclared,
        type_params: def.type_params.clone(),
        params,
        body,
        result,
        docs: def.docs.clone(),
        span: def.span,
    }
}

/// The type a constructor declares (its result): `kind`, with the arguments (`Vector t`) resolved.
fn declared_type(
    def: &ast::Definition,
    kind: TypeKind,
    boxed: bool,
    resolver: &TypeResolver<'_, '_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Type {
    let result = &def.result;
    Type {
        kind,
        boxed,
        name: result.name.clone(),
        args: result
            .args
            .iter()
            .map(|arg| resolver.resolve(arg, None, diagnostics))
            .collect(),
        percent: result.percent,
        bang: result.bang,
        syntax: result.syntax,
        span: result.span,
    }
}

/// The built-in a declaration such as `int ? = Int;` or `boolTrue = Bool;` is about. A `?` body for
/// a type TL does not know is an error: nothing says how its values are written.
fn builtin_result(
    def: &ast::Definition,
    resolver: &TypeResolver<'_, '_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Type {
    let (kind, boxed) = match builtins::lookup(&def.result.name) {
        Some((Known::Builtin { builtin, boxed }, _)) => (TypeKind::Builtin(builtin), boxed),
        Some((Known::Vector { boxed }, _)) => (TypeKind::Vector, boxed),
        Some((Known::AnyObject, _)) => (TypeKind::AnyObject, true),
        Some((Known::AnyFunction, _)) => (TypeKind::AnyFunction, true),
        None => {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: Code::UnknownBuiltin,
                message: format!(
                    "`{}` is declared as a built-in type, which TL does not know",
                    def.result.name
                ),
                labels: vec![Label::primary(def.result.span, "not a built-in type")],
                notes: vec![
                    "a built-in declaration (`name ? = Type;`, `name N*[ t ] = Type;`) names a type \
                     whose encoding TL knows: int, long, double, string, bytes, int128, int256, \
                     int512, object or function"
                        .to_owned(),
                ],
            });
            (TypeKind::Undefined, true)
        }
    };
    declared_type(def, kind, boxed, resolver, diagnostics)
}
