//! Construction: `new(...)` taking a struct's required fields in schema order (`impl Into<T>` where
//! a conversion helps: text, byte strings, vectors, boxed types), and a consuming `with_<field>`
//! setter for every field a caller may leave out, which all start absent. Only for structs the
//! model marks (`StructDef::builders`, from `Config::builders`).

use proc_macro2::TokenStream;
use quote::quote;

use super::context::Ctx;
use super::docs;
use crate::model::{FieldKind, ItemPath, StructDef, TypeRef};

/// How a value of `ty` is taken as a parameter: its type, and the expression that stores `value`.
fn parameter(
    ctx: &Ctx,
    from: &ItemPath,
    ty: &TypeRef,
    value: &TokenStream,
) -> (TokenStream, TokenStream) {
    let rust = ctx.rust_type(from, ty);
    match ty {
        TypeRef::Str | TypeRef::Bytes | TypeRef::Vector(_) | TypeRef::BareVector(_) => (
            quote!(impl ::core::convert::Into<#rust>),
            quote!(#value.into()),
        ),
        TypeRef::Enum { path, heap } | TypeRef::Bare { path, heap } => {
            let inner = ctx.type_path(from, path);
            if *heap {
                (
                    quote!(impl ::core::convert::Into<#inner>),
                    quote!(::std::boxed::Box::new(#value.into())),
                )
            } else {
                (
                    quote!(impl ::core::convert::Into<#inner>),
                    quote!(#value.into()),
                )
            }
        }
        TypeRef::Int
        | TypeRef::Long
        | TypeRef::Int53
        | TypeRef::Double
        | TypeRef::Nat
        | TypeRef::Fixed(_)
        | TypeRef::Bool
        | TypeRef::True
        | TypeRef::Generic(_) => (rust, value.clone()),
    }
}

/// `new` and the `with_` setters of a constructor or function struct; nothing when the model says
/// it has none.
pub(crate) fn for_struct(ctx: &Ctx, def: &StructDef) -> TokenStream {
    if !def.builders {
        return TokenStream::new();
    }
    let name = def.path.name.to_ident();
    let args = ctx.struct_generics(def).args();
    let params = &args;
    let mut inputs = Vec::new();
    let mut values = Vec::new();
    for f in &def.fields {
        let ident = f.ident.to_ident();
        let value = match &f.kind {
            FieldKind::Required(ty) => {
                let (ty, store) = parameter(ctx, &def.path, ty, &quote!(#ident));
                inputs.push(quote!(#ident: #ty));
                store
            }
            FieldKind::Flag(_) => quote!(false),
            FieldKind::Nullable(_) | FieldKind::Optional(..) | FieldKind::Group { .. } => {
                quote!(::core::option::Option::None)
            }
        };
        // A parameter stored as it is takes the shorthand form.
        if ident == value.to_string() {
            values.push(quote!(#ident));
        } else {
            values.push(quote!(#ident: #value));
        }
    }
    let many = (inputs.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let new_doc = docs::attrs(
        "The value from its required fields, in schema order; every field that may be left out \
         starts absent (set it with its `with_` method).",
    );
    let setters = def.fields.iter().filter_map(|f| {
        let setter = f.setter.as_ref()?.to_ident();
        let ident = f.ident.to_ident();
        let (input, store, doc) = match &f.kind {
            FieldKind::Flag(_) => (
                quote!(bool),
                quote!(value),
                format!("Sets or clears the flag `{}`.", f.tl_name),
            ),
            FieldKind::Optional(ty, _) | FieldKind::Nullable(ty) => {
                let (input, store) = parameter(ctx, &def.path, ty, &quote!(value));
                (
                    input,
                    quote!(::core::option::Option::Some(#store)),
                    format!("Sets `{}` (present).", f.tl_name),
                )
            }
            FieldKind::Group { group, .. } => {
                let group_args = ctx.group_args(def, *group);
                let group = def.groups.get(*group)?;
                let group_name = group.name.to_ident();
                let members: Vec<String> = group
                    .members
                    .iter()
                    .map(|m| format!("`{}`", m.tl_name))
                    .collect();
                (
                    quote!(#group_name #group_args),
                    quote!(::core::option::Option::Some(value)),
                    format!("Sets the fields {} together (present).", members.join(", ")),
                )
            }
            FieldKind::Required(_) => return None,
        };
        let doc = docs::attrs(&doc);
        Some(quote! {
            #doc
            #[inline]
            pub fn #setter(mut self, value: #input) -> Self {
                self.#ident = #store;
                self
            }
        })
    });
    quote! {
        impl #params #name #args {
            #new_doc
            #many
            #[inline]
            pub fn new(#(#inputs),*) -> Self {
                Self { #(#values),* }
            }

            #(#setters)*
        }
    }
}
