//! What every generator needs: the runtime path, relative paths between generated items, the
//! Rust type and codec of a `TypeRef`, and (with `Config::borrowed`) which items take the lifetime
//! `'a`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{EnumDef, FieldKind, ItemPath, Model, Root, StructDef, TypeRef};

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
    /// With `Config::borrowed`: the structs and enums that take the lifetime `'a`
    /// ([`StructDef::borrows`], [`EnumDef::borrows`]); `None` without it.
    pub(crate) borrowing: Option<BTreeSet<ItemPath>>,
}

/// The items of `model` that take the lifetime `'a`, when it was built with `Config::borrowed`.
pub(crate) fn borrowing(model: &Model) -> Option<BTreeSet<ItemPath>> {
    model.borrowed.then(|| {
        let structs = model.types.iter().chain(&model.functions);
        structs
            .filter(|s| s.borrows)
            .map(|s| s.path.clone())
            .chain(
                model
                    .enums
                    .iter()
                    .filter(|e| e.borrows)
                    .map(|e| e.path.clone()),
            )
            .collect()
    })
}

/// The generic parameters of a struct or enum: the lifetime `'a` when it borrows, then the type
/// parameters of a generic function (`X` of `{X:Type}`).
pub(crate) struct Generics {
    lifetime: bool,
    types: Vec<proc_macro2::Ident>,
}

impl Generics {
    /// Whether it takes the lifetime `'a`.
    pub(crate) fn borrows(&self) -> bool {
        self.lifetime
    }

    /// The type parameters.
    pub(crate) fn types(&self) -> &[proc_macro2::Ident] {
        &self.types
    }

    /// `<'a, X>` after the item's name, where it is declared and named; nothing when there are none.
    pub(crate) fn args(&self) -> TokenStream {
        self.with_lifetime(self.lifetime, |x| quote!(#x))
    }

    /// `<'a, X: bound>` after `impl`, with `bound(X)` on each type parameter (nothing when there are
    /// no parameters); `lifetime` declares `'a` even when the item does not take it (an impl of a
    /// trait generic over it).
    pub(crate) fn params(
        &self,
        lifetime: bool,
        bound: impl Fn(&proc_macro2::Ident) -> TokenStream,
    ) -> TokenStream {
        self.with_lifetime(self.lifetime || lifetime, |x| {
            let bound = bound(x);
            quote!(#x: #bound)
        })
    }

    fn with_lifetime(
        &self,
        lifetime: bool,
        each: impl Fn(&proc_macro2::Ident) -> TokenStream,
    ) -> TokenStream {
        let lifetime = lifetime.then(|| quote!('a));
        let types = self.types.iter().map(each);
        if lifetime.is_none() && self.types.is_empty() {
            return quote!();
        }
        let all = lifetime.into_iter().chain(types);
        quote!(<#(#all),*>)
    }
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

    /// Whether `path` takes the lifetime `'a` (only with `Config::borrowed`).
    pub(crate) fn borrows(&self, path: &ItemPath) -> bool {
        self.borrowing.as_ref().is_some_and(|b| b.contains(path))
    }

    /// Whether a value of `ty` holds a `Cow` (only with `Config::borrowed`).
    pub(crate) fn type_borrows(&self, ty: &TypeRef) -> bool {
        self.borrowing
            .as_ref()
            .is_some_and(|b| crate::lower::type_borrows(ty, b))
    }

    /// The generic parameters of a struct.
    pub(crate) fn struct_generics(&self, def: &StructDef) -> Generics {
        Generics {
            lifetime: self.borrows(&def.path),
            types: def.generics.iter().map(|g| g.to_ident()).collect(),
        }
    }

    /// The generic parameters of an enum.
    pub(crate) fn enum_generics(&self, def: &EnumDef) -> Generics {
        Generics {
            lifetime: self.borrows(&def.path),
            types: Vec::new(),
        }
    }

    /// `<'a>` after the name of a group struct of `def` whose members borrow; nothing otherwise.
    pub(crate) fn group_args(&self, def: &StructDef, group: usize) -> TokenStream {
        let borrows = def
            .group_members(group)
            .iter()
            .any(|m| self.type_borrows(&m.ty));
        if borrows { quote!(<'a>) } else { quote!() }
    }

    /// [`Ctx::path`] with the item's lifetime, as a type: `super::enums::User<'a>`.
    pub(crate) fn type_path(&self, from: &ItemPath, to: &ItemPath) -> TokenStream {
        self.type_path_at(from, to, &quote!('a))
    }

    fn type_path_at(&self, from: &ItemPath, to: &ItemPath, lifetime: &TokenStream) -> TokenStream {
        let path = self.path(from, to);
        if self.borrows(to) {
            quote!(#path<#lifetime>)
        } else {
            path
        }
    }

    /// The Rust type that holds a value of `ty`.
    pub(crate) fn rust_type(&self, from: &ItemPath, ty: &TypeRef) -> TokenStream {
        self.rust_type_at(from, ty, &quote!('a))
    }

    /// The Rust type of `ty` owning everything it holds (`'static` for `'a`): a function's result.
    pub(crate) fn static_type(&self, from: &ItemPath, ty: &TypeRef) -> TokenStream {
        self.rust_type_at(from, ty, &quote!('static))
    }

    fn rust_type_at(&self, from: &ItemPath, ty: &TypeRef, lifetime: &TokenStream) -> TokenStream {
        let cow = self.borrowing.is_some();
        match ty {
            TypeRef::Str if cow => quote!(::std::borrow::Cow<#lifetime, str>),
            TypeRef::Bytes if cow => quote!(::std::borrow::Cow<#lifetime, [u8]>),
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
                let inner = self.rust_type_at(from, inner, lifetime);
                quote!(::std::vec::Vec<#inner>)
            }
            TypeRef::Enum { path, heap } | TypeRef::Bare { path, heap } => {
                let path = self.type_path_at(from, path, lifetime);
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
        let cow = self.borrowing.is_some();
        match ty {
            TypeRef::Str if cow => quote!(#tl::CowStr<'a>),
            TypeRef::Bytes if cow => quote!(#tl::CowBytes<'a>),
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
                let path = self.type_path(from, path);
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
                        let path = self.type_path(from, path);
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
