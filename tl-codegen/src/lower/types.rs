//! Resolved TL types mapped to `TypeRef`s: built-ins to their runtime codecs, boxed types to enums,
//! bare constructors to structs, type parameters to the function's generic parameters. What has no
//! Rust form is an `Unsupported` reason, located at the type.

use std::collections::BTreeMap;

use tl_parser::{Builtin, DefId, Encoding, Schema, Span, Type, TypeId, TypeKind};

use super::Unsupported;
use crate::ident::RustIdent;
use crate::model::{ItemPath, TypeRef};

/// What resolved types map to.
pub(crate) struct Resolver<'a> {
    pub(crate) schema: &'a Schema,
    /// Boxed type to its enum.
    pub(crate) enums: &'a BTreeMap<TypeId, ItemPath>,
    /// Generated constructor to its struct.
    pub(crate) ctors: &'a BTreeMap<DefId, ItemPath>,
    /// The enum of every constructor, for TON's `object`/`Object`, when the schema uses it.
    pub(crate) any_object: Option<&'a ItemPath>,
    /// The enum of every function, for TON's `function`/`Function`, when the schema uses it.
    pub(crate) any_function: Option<&'a ItemPath>,
}

/// The Rust form of a built-in, from how it is written on the wire (`int53` is an `i64` because it
/// is 8 bytes, but keeps its own `TypeRef` for JSON), or `None` for bare `true` (which only a
/// `?true` flag may have).
pub(crate) fn builtin(builtin: Builtin, boxed: bool) -> Option<TypeRef> {
    if builtin == Builtin::Int53 {
        return Some(TypeRef::Int53);
    }
    Some(match builtin.encoding() {
        Encoding::Int32 => TypeRef::Int,
        Encoding::Nat => TypeRef::Nat,
        Encoding::Int64 => TypeRef::Long,
        Encoding::Double => TypeRef::Double,
        Encoding::String => TypeRef::Str,
        Encoding::Bytes => TypeRef::Bytes,
        Encoding::Fixed(n) => TypeRef::Fixed(n),
        Encoding::Bool => TypeRef::Bool,
        Encoding::True if boxed => TypeRef::True,
        Encoding::True => return None,
    })
}

impl Resolver<'_> {
    /// The `TypeRef` of `ty` inside a definition whose (Rust) type parameters are `generics`
    /// (indexed like the definition's type parameters; `None` for those that have no Rust form).
    pub(crate) fn resolve(
        &self,
        ty: &Type,
        generics: &[Option<RustIdent>],
    ) -> Result<TypeRef, Unsupported> {
        let unsupported = |message: String| Unsupported {
            span: ty.span,
            message,
        };
        match ty.kind {
            TypeKind::Builtin(b) => builtin(b, ty.boxed).ok_or_else(|| {
                unsupported(
                    "a bare `true` field without a flag carries nothing: it has no Rust form"
                        .to_owned(),
                )
            }),
            TypeKind::Vector => {
                let element = ty
                    .element()
                    .ok_or_else(|| unsupported("a vector without an element type".to_owned()))?;
                let element = Box::new(self.resolve(element, generics)?);
                Ok(if ty.boxed {
                    TypeRef::Vector(element)
                } else {
                    TypeRef::BareVector(element)
                })
            }
            TypeKind::Boxed(id) => {
                let boxed = self.schema.boxed_type(id);
                if boxed.arity > 0 {
                    return Err(unsupported(format!(
                        "the generic type `{}` (only `Vector` may take type arguments)",
                        boxed.name
                    )));
                }
                match self.enums.get(&id) {
                    Some(path) => Ok(TypeRef::Enum {
                        path: path.clone(),
                        heap: false,
                    }),
                    None => Err(unsupported(format!(
                        "type `{}` has no constructors in the generated set",
                        boxed.name
                    ))),
                }
            }
            TypeKind::Bare(def) => match self.ctors.get(&def) {
                Some(path) => Ok(TypeRef::Bare {
                    path: path.clone(),
                    heap: false,
                }),
                None => Err(unsupported(format!(
                    "bare type `{}` is not a generated constructor",
                    self.schema.definition(def).name.full
                ))),
            },
            TypeKind::Param(index) => match generics.get(index) {
                Some(Some(name)) => Ok(TypeRef::Generic(name.clone())),
                _ => Err(unsupported(format!(
                    "`{}` is not a type parameter of kind `Type`",
                    ty.name
                ))),
            },
            TypeKind::AnyObject => any(self.any_object, ty.span, "object"),
            TypeKind::AnyFunction => any(self.any_function, ty.span, "function"),
            TypeKind::Undefined => Err(unsupported(format!("`{}` is not defined", ty.name))),
        }
    }
}

fn any(path: Option<&ItemPath>, span: Span, what: &str) -> Result<TypeRef, Unsupported> {
    path.map(|path| TypeRef::Enum {
        path: path.clone(),
        heap: false,
    })
    .ok_or_else(|| Unsupported {
        span,
        message: format!("any {what}, but the generated set has none"),
    })
}
