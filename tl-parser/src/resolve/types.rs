//! Type expressions resolved to what they stand for, once: built-ins, vectors, boxed types, bare
//! constructors, type parameters, any object or function. Undefined names, undeclared type
//! parameters, a wrong number of type arguments and `%T` of a type without exactly one constructor
//! are located errors.

use crate::ast::{self, TypeExpr};
use crate::builtins::{self, Known};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::schema::{Type, TypeKind};

use super::scope::Scope;

/// Resolves the types of one definition.
pub(super) struct TypeResolver<'s, 'a> {
    scope: &'s Scope<'a>,
    def: &'s ast::Definition,
    /// Names used as `!X` in this definition: plainly meant as type parameters.
    banged: Vec<&'s str>,
}

impl<'s, 'a> TypeResolver<'s, 'a> {
    pub(super) fn new(scope: &'s Scope<'a>, def: &'s ast::Definition) -> Self {
        let mut banged = Vec::new();
        for param in &def.params {
            collect_banged(&param.ty, &mut banged);
        }
        TypeResolver { scope, def, banged }
    }

    /// Resolves `ty`; `field` names the field it is the type of, for messages.
    pub(super) fn resolve(
        &self,
        ty: &TypeExpr,
        field: Option<&str>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Type {
        let args: Vec<Type> = ty
            .args
            .iter()
            .map(|arg| self.resolve(arg, None, diagnostics))
            .collect();
        let (kind, boxed, arity) = self.kind(ty, field, diagnostics);
        if let Some(expected) = arity
            && expected != args.len()
            && kind != TypeKind::Undefined
        {
            diagnostics.push(wrong_arity(ty, expected));
        }
        Type {
            kind,
            boxed,
            name: ty.name.clone(),
            args,
            percent: ty.percent,
            bang: ty.bang,
            syntax: ty.syntax,
            span: ty.span,
        }
    }

    /// What the name of `ty` stands for, whether it is written boxed, and how many arguments it
    /// takes (`None` when that is not known, after an error).
    fn kind(
        &self,
        ty: &TypeExpr,
        field: Option<&str>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (TypeKind, bool, Option<usize>) {
        let name = ty.name.as_str();
        if let Some(index) = self.def.type_params.iter().position(|tp| tp.name == name) {
            // `!X` is written boxed; a plain `X` (a function's result) stands for what X is.
            return (TypeKind::Param(index), ty.bang, Some(0));
        }
        if ty.bang || self.banged.contains(&name) {
            diagnostics.push(undeclared_type_param(self.def, ty));
            return (TypeKind::Undefined, ty.bang, None);
        }
        if let Some((known, implicit)) = builtins::lookup(name)
            && (implicit || self.scope.declares(name))
        {
            return match known {
                Known::Builtin { builtin, boxed } => {
                    (TypeKind::Builtin(builtin), boxed && !ty.percent, Some(0))
                }
                Known::Vector { boxed } => (TypeKind::Vector, boxed && !ty.percent, Some(1)),
                Known::AnyObject => (TypeKind::AnyObject, true, Some(0)),
                Known::AnyFunction => (TypeKind::AnyFunction, true, Some(0)),
            };
        }
        let boxed_type = self.scope.types.get(name).copied();
        if ty.percent
            && let Some((id, arity)) = boxed_type
        {
            return match self
                .scope
                .constructors_of
                .get(id.index())
                .map(Vec::as_slice)
            {
                Some([only]) => (TypeKind::Bare(*only), false, Some(arity)),
                constructors => {
                    let count = constructors.map_or(0, <[_]>::len);
                    diagnostics.push(bare_needs_one_constructor(ty, count));
                    (TypeKind::Undefined, false, None)
                }
            };
        }
        let constructor = self.scope.constructors.get(name).copied();
        // The case of the last component says which is meant; the other is a fallback.
        let local = ty.name.rsplit('.').next().unwrap_or(name);
        let bare_spelling = !local.starts_with(|c: char| c.is_ascii_uppercase());
        let as_bare = constructor.map(|(def, arity)| (TypeKind::Bare(def), false, Some(arity)));
        let as_boxed = boxed_type.map(|(id, arity)| (TypeKind::Boxed(id), true, Some(arity)));
        let found = if bare_spelling || ty.percent {
            as_bare.or(as_boxed)
        } else {
            as_boxed.or(as_bare)
        };
        found.unwrap_or_else(|| {
            diagnostics.push(self.undefined(ty, field));
            (TypeKind::Undefined, !bare_spelling && !ty.percent, None)
        })
    }

    fn undefined(&self, ty: &TypeExpr, field: Option<&str>) -> Diagnostic {
        let mut notes = Vec::new();
        if let Some(similar) = self.scope.similar(&ty.name) {
            notes.push(format!(
                "a type named `{similar}` exists (names are case-sensitive)"
            ));
        }
        let message = match field {
            Some(field) => format!("cannot find type `{}` of field `{field}`", ty.name),
            None => format!("cannot find type `{}`", ty.name),
        };
        Diagnostic {
            severity: Severity::Error,
            code: Code::UndefinedType,
            message,
            labels: vec![Label::primary(
                type_name_span(ty),
                "not defined in this schema",
            )],
            notes,
        }
    }
}

fn collect_banged<'a>(ty: &'a TypeExpr, out: &mut Vec<&'a str>) {
    if ty.bang {
        out.push(&ty.name);
    }
    for arg in &ty.args {
        collect_banged(arg, out);
    }
}

fn undeclared_type_param(def: &ast::Definition, ty: &TypeExpr) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::UndeclaredTypeParam,
        message: format!("type parameter `{}` is not declared", ty.name),
        labels: vec![Label::primary(
            ty.span,
            format!("not declared in `{}`", def.name.full),
        )],
        notes: vec![format!(
            "declare it before the fields: `{{{}:Type}}`",
            ty.name
        )],
    }
}

fn wrong_arity(ty: &TypeExpr, expected: usize) -> Diagnostic {
    let given = ty.args.len();
    let takes = match expected {
        0 => "takes no type arguments".to_owned(),
        1 => "takes 1 type argument".to_owned(),
        n => format!("takes {n} type arguments"),
    };
    let were = match given {
        0 => "none were given".to_owned(),
        1 => "1 was given".to_owned(),
        n => format!("{n} were given"),
    };
    let mut notes = Vec::new();
    if ty.name == "Vector" || ty.name == "vector" {
        notes.push(format!(
            "write the element type: `{}<int>`, `{}<User>`",
            ty.name, ty.name
        ));
    }
    Diagnostic {
        severity: Severity::Error,
        code: Code::WrongArity,
        message: format!("`{}` {takes}, but {were}", ty.name),
        labels: vec![Label::primary(ty.span, takes)],
        notes,
    }
}

fn bare_needs_one_constructor(ty: &TypeExpr, count: usize) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: Code::BareNeedsOneConstructor,
        message: format!(
            "`%{}` needs a type with exactly one constructor, and `{}` has {count}",
            ty.name, ty.name
        ),
        labels: vec![Label::primary(ty.span, "bare form of a type")],
        notes: vec![
            "`%T` writes T's only constructor without its id; with several constructors a reader \
             could not tell which one follows"
                .to_owned(),
        ],
    }
}

/// The span of a type's name: the whole expression minus any `%`/`!` and arguments, when that can be
/// derived from the spans; else the whole expression.
fn type_name_span(ty: &TypeExpr) -> crate::ast::Span {
    let prefix = u32::from(ty.percent) + u32::from(ty.bang);
    let len = u32::try_from(ty.name.len()).unwrap_or(u32::MAX);
    let start = ty.span.start.saturating_add(prefix);
    let end = start.saturating_add(len);
    if matches!(ty.syntax, ast::ArgSyntax::Paren) || end > ty.span.end {
        ty.span
    } else {
        crate::ast::Span {
            file: ty.span.file,
            start,
            end,
        }
    }
}
