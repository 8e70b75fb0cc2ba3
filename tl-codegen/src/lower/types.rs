//! TL type expressions resolved to `TypeRef`s: primitives to their runtime codecs, boxed types to
//! enums, bare constructor references to structs, `!X` to the function's type parameter.

use std::collections::BTreeMap;

use tl_parser::ast::TypeExpr;

use crate::ident::RustIdent;
use crate::ir::{ItemPath, TypeRef};

/// What type names resolve to.
pub(crate) struct Resolver<'a> {
    /// Boxed type name to its enum.
    pub(crate) enums: &'a BTreeMap<&'a str, ItemPath>,
    /// Constructor name to its struct.
    pub(crate) ctors: &'a BTreeMap<&'a str, ItemPath>,
    /// Boxed type name to its constructors' names, for `%T`.
    pub(crate) boxed_ctors: &'a BTreeMap<&'a str, Vec<&'a str>>,
}

/// The runtime primitive a TL type name stands for, bare or boxed spelling alike.
fn primitive(name: &str) -> Option<TypeRef> {
    Some(match name {
        "int" | "Int" | "int32" | "Int32" => TypeRef::Int,
        "long" | "Long" | "int53" | "Int53" | "int64" | "Int64" => TypeRef::Long,
        "double" | "Double" => TypeRef::Double,
        "#" => TypeRef::Nat,
        "string" | "String" => TypeRef::Str,
        "bytes" | "Bytes" => TypeRef::Bytes,
        "int128" | "Int128" => TypeRef::Fixed(16),
        "int256" | "Int256" => TypeRef::Fixed(32),
        "int512" | "Int512" => TypeRef::Fixed(64),
        "Bool" => TypeRef::Bool,
        _ => return None,
    })
}

impl Resolver<'_> {
    /// Resolves `ty` inside a definition whose type parameters are `generics`.
    pub(crate) fn resolve(&self, ty: &TypeExpr, generics: &[String]) -> Result<TypeRef, String> {
        if ty.bang || generics.contains(&ty.name) {
            return Ok(TypeRef::Generic(RustIdent::camel(&ty.name)));
        }
        match (ty.name.as_str(), ty.args.as_slice()) {
            ("Vector", [arg]) => {
                return Ok(TypeRef::Vector(Box::new(self.resolve(arg, generics)?)));
            }
            ("vector", [arg]) => {
                return Ok(TypeRef::BareVector(Box::new(self.resolve(arg, generics)?)));
            }
            (_, []) => {}
            (name, _) => return Err(format!("type `{name}` takes no arguments")),
        }
        if let Some(prim) = primitive(&ty.name) {
            return Ok(prim);
        }
        if ty.percent {
            return match self.boxed_ctors.get(ty.name.as_str()).map(Vec::as_slice) {
                Some([only]) => self.bare(only),
                _ => Err(format!(
                    "`%{}` needs a type with exactly one constructor",
                    ty.name
                )),
            };
        }
        if ty.is_bare() {
            self.bare(&ty.name)
        } else {
            match self.enums.get(ty.name.as_str()) {
                Some(path) => Ok(TypeRef::Enum {
                    path: path.clone(),
                    heap: false,
                }),
                None => Err(format!(
                    "type `{}` has no constructors in the generated set",
                    ty.name
                )),
            }
        }
    }

    fn bare(&self, ctor: &str) -> Result<TypeRef, String> {
        match self.ctors.get(ctor) {
            Some(path) => Ok(TypeRef::Bare {
                path: path.clone(),
                heap: false,
            }),
            None => Err(format!("bare type `{ctor}` is not a generated constructor")),
        }
    }
}
