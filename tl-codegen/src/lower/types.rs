//! TL type expressions resolved to `TypeRef`s: primitives to their runtime codecs, boxed types to
//! enums, bare constructor references to structs, `!X` to the function's type parameter.

use std::collections::BTreeMap;

use tl_parser::ast::TypeExpr;

use super::index::{ANY_FUNCTION, ANY_OBJECT};
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
    /// The enum of every constructor, for TON's `object`/`Object`, when the schema uses it.
    pub(crate) any_object: Option<&'a ItemPath>,
    /// The enum of every function, for TON's `function`/`Function`, when the schema uses it.
    pub(crate) any_function: Option<&'a ItemPath>,
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
        "True" => TypeRef::True,
        "secureString" | "SecureString" => TypeRef::Str,
        "secureBytes" | "SecureBytes" => TypeRef::Bytes,
        _ => return None,
    })
}

impl Resolver<'_> {
    /// Resolves `ty` inside a definition whose type parameters are `generics`.
    pub(crate) fn resolve(&self, ty: &TypeExpr, generics: &[String]) -> Result<TypeRef, String> {
        if ty.bang || generics.iter().any(|g| ty.name == *g) {
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
        let any = if ANY_OBJECT.contains(&ty.name.as_str()) {
            Some(self.any_object)
        } else if ANY_FUNCTION.contains(&ty.name.as_str()) {
            Some(self.any_function)
        } else {
            None
        };
        if let Some(any) = any {
            return match any {
                Some(path) => Ok(TypeRef::Enum {
                    path: path.clone(),
                    heap: false,
                }),
                None => Err(format!("`{}` refers to no generated definitions", ty.name)),
            };
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
