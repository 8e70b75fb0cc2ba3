//! What every generator needs: the runtime path, relative paths between generated items, and the
//! Rust type and codec of a `TypeRef`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{FieldKind, ItemPath, Root, TypeRef};

/// Shared state of one generation run.
pub(crate) struct Ctx {
    /// The runtime crate's path (`::tl_types` by default).
    pub(crate) rt: TokenStream,
    /// The model was built with documentation ([`crate::model::Model::documented`]).
    pub(crate) documented: bool,
    /// The name under which each generated module imports the runtime's `__private` module, the
    /// codecs and helpers generated code names (`tl`, unless a namespace module of the schema has
    /// that name).
    pub(crate) codec: proc_macro2::Ident,
}

fn root_ident(root: Root) -> proc_macro2::Ident {
    match root {
        Root::Types => format_ident!("types"),
        Root::Enums => format_ident!("enums"),
        Root::Functions => format_ident!("functions"),
    }
}

/// [`Ctx::path`] as text, for intra-doc links: `super::super::enums::User`.
pub(crate) fn path_text(from: &ItemPath, to: &ItemPath) -> String {
    let mut path = "super::".repeat(from.modules.len() + 1);
    path.push_str(to.root.as_str());
    for module in &to.modules {
        path.push_str("::");
        path.push_str(module.as_str());
    }
    path.push_str("::");
    path.push_str(to.name.as_str());
    path
}

impl Ctx {
    /// The path from an item inside `from` (a root and its namespace modules) to `to`, relative, so
    /// the generated file works wherever it is included: `super::super::enums::User`.
    pub(crate) fn path(&self, from: &ItemPath, to: &ItemPath) -> TokenStream {
        let supers = (0..=from.modules.len()).map(|_| quote!(super));
        let root = root_ident(to.root);
        let modules = to.modules.iter().map(|m| m.to_ident());
        let name = to.name.to_ident();
        quote!(#(#supers::)* #root :: #(#modules ::)* #name)
    }

    /// The Rust type that holds a value of `ty`.
    pub(crate) fn rust_type(&self, from: &ItemPath, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Int => quote!(i32),
            TypeRef::Long | TypeRef::Int53 => quote!(i64),
            TypeRef::Double => quote!(f64),
            TypeRef::Nat => quote!(u32),
            TypeRef::Fixed(n) => quote!([u8; #n]),
            TypeRef::Str => quote!(::std::string::String),
            TypeRef::Bytes => quote!(::std::vec::Vec<u8>),
            TypeRef::Bool => quote!(bool),
            TypeRef::True => {
                let rt = &self.rt;
                quote!(#rt::True)
            }
            TypeRef::Vector(inner) | TypeRef::BareVector(inner) => {
                let inner = self.rust_type(from, inner);
                quote!(::std::vec::Vec<#inner>)
            }
            TypeRef::Enum { path, heap } | TypeRef::Bare { path, heap } => {
                let path = self.path(from, path);
                if *heap {
                    quote!(::std::boxed::Box<#path>)
                } else {
                    path
                }
            }
            TypeRef::Generic(name) => {
                let name = name.to_ident();
                quote!(#name)
            }
        }
    }

    /// The codec type that writes and reads `ty`.
    pub(crate) fn codec(&self, from: &ItemPath, ty: &TypeRef) -> TokenStream {
        let tl = &self.codec;
        match ty {
            TypeRef::Int => quote!(#tl::Int),
            TypeRef::Long => quote!(#tl::Long),
            TypeRef::Int53 => quote!(#tl::Int53),
            TypeRef::Double => quote!(#tl::Double),
            TypeRef::Nat => quote!(#tl::Nat),
            TypeRef::Fixed(n) => quote!(#tl::Fixed<#n>),
            TypeRef::Str => quote!(#tl::Str),
            TypeRef::Bytes => quote!(#tl::Bytes),
            TypeRef::Bool => quote!(#tl::Bool),
            TypeRef::Vector(inner) => {
                let inner = self.codec(from, inner);
                quote!(#tl::Vector<#inner>)
            }
            TypeRef::BareVector(inner) => {
                let inner = self.codec(from, inner);
                quote!(#tl::BareVector<#inner>)
            }
            TypeRef::Generic(_) | TypeRef::True => {
                let value = self.rust_type(from, ty);
                quote!(#tl::Boxed<#value>)
            }
            TypeRef::Enum { path, heap } | TypeRef::Bare { path, heap } => {
                let path = self.path(from, path);
                let codec = if matches!(ty, TypeRef::Enum { .. }) {
                    quote!(#tl::Boxed<#path>)
                } else {
                    quote!(#tl::BareConstructor<#path>)
                };
                if *heap {
                    quote!(#tl::Heap<#codec>)
                } else {
                    codec
                }
            }
        }
    }

    /// The codec of a stored field's value, when the field is always stored (required or
    /// nullable); `None` for conditional fields, whose presence the flags word decides.
    pub(crate) fn field_codec(&self, from: &ItemPath, kind: &FieldKind) -> Option<TokenStream> {
        match kind {
            FieldKind::Required(ty) => Some(self.codec(from, ty)),
            FieldKind::Nullable(ty) => {
                let tl = &self.codec;
                let inner = match ty {
                    // A bare object that may be null is written with its constructor id, so that
                    // its first bytes cannot be taken for `null`'s.
                    TypeRef::Bare { path, heap } => {
                        let path = self.path(from, path);
                        let boxed = quote!(#tl::Boxed<#path>);
                        if *heap {
                            quote!(#tl::Heap<#boxed>)
                        } else {
                            boxed
                        }
                    }
                    _ => self.codec(from, ty),
                };
                Some(quote!(#tl::Nullable<#inner>))
            }
            FieldKind::Optional(..) | FieldKind::Flag(_) | FieldKind::Group { .. } => None,
        }
    }

    /// The fixed encoded size of `ty`, when every value has the same size.
    pub(crate) fn fixed_len(ty: &TypeRef) -> Option<usize> {
        match ty {
            TypeRef::Int | TypeRef::Nat | TypeRef::Bool => Some(4),
            TypeRef::Long | TypeRef::Int53 | TypeRef::Double => Some(8),
            TypeRef::Fixed(n) => Some(*n),
            _ => None,
        }
    }
}

/// A `u32` written in hex, as ids are written in schemas: `0x81b6b00a`.
pub(crate) fn hex_literal(value: u32) -> proc_macro2::Literal {
    format!("{value:#010x}")
        .parse()
        .unwrap_or_else(|_| proc_macro2::Literal::u32_unsuffixed(value))
}

/// The `#[derive]` of a generated struct or enum: `Debug`, `Clone` and `PartialEq` always, `Eq`
/// and `Hash` and `Default` where the model says so.
pub(crate) fn derives(eq_hash: bool, default: bool) -> TokenStream {
    let eq_hash = eq_hash.then(|| quote!(, Eq, Hash));
    let default = default.then(|| quote!(, Default));
    quote!(#[derive(Debug, Clone, PartialEq #eq_hash #default)])
}

/// The attributes a user gave through `Config` hooks, as tokens (they were checked to parse when
/// the model was built).
pub(crate) fn user_attributes(attributes: &[String]) -> TokenStream {
    attributes
        .iter()
        .filter_map(|a| crate::lower::parse_attributes(a))
        .collect()
}
