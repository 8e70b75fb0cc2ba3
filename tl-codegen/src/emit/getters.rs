//! The getters of a boxed type's enum (`enums::User::id()`): one `#[inline]` method per
//! [`Getter`] of the model, a `match` over the variants reading each struct's field.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::Ctx;
use super::docs;
use crate::model::{Access, Borrow, EnumDef, Getter, TypeRef};

/// The getter methods of `def` (inside its `impl` block); nothing when it has none.
pub(crate) fn methods(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    def.getters.iter().map(|g| method(ctx, def, g)).collect()
}

fn method(ctx: &Ctx, def: &EnumDef, getter: &Getter) -> TokenStream {
    let name = getter.ident.to_ident();
    let value = returned_type(ctx, def, getter);
    let returns = if getter.optional {
        quote!(::core::option::Option<#value>)
    } else {
        value
    };
    let arms = def
        .variants
        .iter()
        .zip(&getter.access)
        .map(|(variant, access)| {
            let ident = variant.ident.to_ident();
            let read = read(ctx, getter, access);
            quote!(Self::#ident(value) => #read,)
        });
    let doc = docs::attrs(&doc(def, getter));
    quote! {
        #doc
        #[inline]
        pub fn #name(&self) -> #returns {
            match self { #(#arms)* }
        }
    }
}

/// The type handed out, without the `Option`: `i64`, `&str`, `&[u8]`, `&enums::Photo`.
fn returned_type(ctx: &Ctx, def: &EnumDef, getter: &Getter) -> TokenStream {
    match getter.borrow {
        Borrow::Copy => ctx.rust_type(&def.path, &getter.ty),
        Borrow::Str => quote!(&str),
        Borrow::Slice => {
            let element = match &getter.ty {
                TypeRef::Vector(inner) | TypeRef::BareVector(inner) => {
                    ctx.rust_type(&def.path, inner)
                }
                _ => quote!(u8),
            };
            quote!(&[#element])
        }
        Borrow::Ref => {
            let ty = ctx.rust_type(&def.path, &getter.ty);
            quote!(&#ty)
        }
    }
}

/// Reads the value out of one variant's struct, bound to `value`.
fn read(ctx: &Ctx, getter: &Getter, access: &Access) -> TokenStream {
    let (field, heap) = match access {
        Access::Method(method) => {
            let method = method.to_ident();
            return quote!(value.#method());
        }
        Access::Field { ident, heap } => (ident.to_ident(), *heap),
    };
    // With `Config::borrowed` a string or byte string is a `Cow`: `&Cow<str>` becomes the `&str`
    // (`&[u8]`) the method returns by deref coercion.
    let cow = ctx.borrowing.is_some() && matches!(getter.ty, TypeRef::Str | TypeRef::Bytes);
    match (getter.borrow, getter.optional) {
        (Borrow::Copy, _) => quote!(value.#field),
        (Borrow::Str | Borrow::Slice, false) if cow => quote!(&value.#field),
        (Borrow::Str, false) => quote!(value.#field.as_str()),
        (Borrow::Slice, false) => quote!(value.#field.as_slice()),
        // A `&Box<T>` becomes the `&T` the method returns by deref coercion.
        (Borrow::Ref, false) => quote!(&value.#field),
        (Borrow::Ref, true) if !heap => quote!(value.#field.as_ref()),
        (Borrow::Str | Borrow::Slice | Borrow::Ref, true) => quote!(value.#field.as_deref()),
    }
}

fn doc(def: &EnumDef, getter: &Getter) -> String {
    let mut doc = format!(
        "TL field `{}` of the constructor the value holds: every constructor of `{}` has it.",
        getter.tl_name, def.tl_name
    );
    if getter.optional {
        doc.push_str(" `None` when it is absent.");
    }
    doc
}
