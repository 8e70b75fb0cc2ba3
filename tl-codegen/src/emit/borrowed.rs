//! With `Config::borrowed`: every struct's `BareBorrowed` and every enum's
//! `DeserializableBorrowed` (decoding that borrows strings and byte strings from the input), and
//! every type's `IntoOwned`.
//!
//! A type that takes the lifetime `'a` has its one decoding body here (its owned decode, in
//! `structs.rs` and `enums.rs`, is this one followed by `into_owned`); a type without it borrows
//! nothing and decodes here through its owned body, except a generic function struct, whose `X`
//! may borrow. `IntoOwned` is the identity for a type without `'a`, so that a generic struct's
//! `X: IntoOwned` may be any request.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::Ctx;
use super::wire::{self, Decode, Params};
use crate::model::{EnumDef, FieldKind, StructDef, TypeRef};

/// `BareBorrowed` and `IntoOwned` for a constructor or function struct.
pub(crate) fn for_struct(ctx: &Ctx, def: &StructDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let generics = ctx.struct_generics(def);
    let args = generics.args();
    let bounds = generics.params(
        true,
        |_| quote!(#rt::Serializable + #rt::Deserializable + #rt::DeserializableBorrowed<'a>),
    );
    let (reader, body) = if generics.borrows() || !generics.types().is_empty() {
        let p = Params::for_struct(def, def.wire.is_empty());
        let body = wire::deserialize_body(ctx, def, &p, Decode::Borrowed);
        (p.reader, body)
    } else {
        let reader = quote::format_ident!("reader");
        let body = quote!(<Self as #rt::Bare>::deserialize_bare(#reader));
        (reader, body)
    };
    let into_owned = into_owned(ctx, def);
    quote! {
        impl #bounds #rt::BareBorrowed<'a> for #name #args {
            #[inline]
            fn deserialize_bare_borrowed(#reader: &mut #rt::Reader<'a>) -> ::core::result::Result<Self, #rt::DecodeError> {
                #body
            }
        }

        #into_owned
    }
}

/// `IntoOwned` for a struct: the identity when it neither borrows nor is generic, else a new value
/// of its owned form with every field that borrows (or is an `X`) detached and the rest moved.
fn into_owned(ctx: &Ctx, def: &StructDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let generics = ctx.struct_generics(def);
    if !generics.borrows() && generics.types().is_empty() {
        return identity(ctx, &quote!(#name));
    }
    let args = generics.args();
    let params = generics.params(false, |_| quote!(#rt::IntoOwned));
    let owned_lifetime = generics.borrows().then(|| quote!('static));
    let owned_types = generics
        .types()
        .iter()
        .map(|x| quote!(<#x as #rt::IntoOwned>::Owned));
    let owned_args = owned_lifetime.into_iter().chain(owned_types);
    let owned = quote!(#name<#(#owned_args),*>);
    let detach = |ty: &TypeRef| ctx.type_borrows(ty) || matches!(ty, TypeRef::Generic(_));
    let fields = def.fields.iter().map(|f| {
        let ident = f.ident.to_ident();
        let value = match &f.kind {
            FieldKind::Required(ty) | FieldKind::Nullable(ty) | FieldKind::Optional(ty, _)
                if detach(ty) =>
            {
                quote!(#rt::IntoOwned::into_owned(self.#ident))
            }
            FieldKind::Group { group, .. }
                if def.group_members(*group).iter().any(|m| detach(&m.ty)) =>
            {
                let group_name = def.groups.get(*group).map(|g| g.name.to_ident());
                let members = def.group_members(*group).iter().map(|m| {
                    let member = m.ident.to_ident();
                    if detach(&m.ty) {
                        quote!(#member: #rt::IntoOwned::into_owned(group.#member))
                    } else {
                        quote!(#member: group.#member)
                    }
                });
                quote!(self.#ident.map(|group| #group_name { #(#members),* }))
            }
            _ => quote!(self.#ident),
        };
        quote!(#ident: #value)
    });
    quote! {
        impl #params #rt::IntoOwned for #name #args {
            type Owned = #owned;

            #[inline]
            fn into_owned(self) -> #owned {
                #name { #(#fields),* }
            }
        }
    }
}

/// `IntoOwned` as the identity: the type owns everything it holds.
fn identity(ctx: &Ctx, ty: &TokenStream) -> TokenStream {
    let rt = &ctx.rt;
    quote! {
        impl #rt::IntoOwned for #ty {
            type Owned = Self;

            #[inline]
            fn into_owned(self) -> Self {
                self
            }
        }
    }
}

/// `DeserializableBorrowed` and `IntoOwned` for an enum.
pub(crate) fn for_enum(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let args = ctx.enum_generics(def).args();
    if !def.borrows {
        let identity = identity(ctx, &quote!(#name));
        return quote! {
            impl<'a> #rt::DeserializableBorrowed<'a> for #name {
                #[inline]
                fn deserialize_borrowed(reader: &mut #rt::Reader<'a>) -> ::core::result::Result<Self, #rt::DecodeError> {
                    <Self as #rt::Deserializable>::deserialize(reader)
                }
            }

            #identity
        };
    }
    let body = super::enums::decode_variants(
        ctx,
        def,
        &quote!(#rt::BareBorrowed::deserialize_bare_borrowed),
    );
    let arms = def.variants.iter().map(|v| {
        let ident = v.ident.to_ident();
        if ctx.borrows(&v.ctor) {
            quote!(Self::#ident(value) => #name::#ident(#rt::IntoOwned::into_owned(value)),)
        } else {
            quote!(Self::#ident(value) => #name::#ident(value),)
        }
    });
    quote! {
        impl<'a> #rt::DeserializableBorrowed<'a> for #name #args {
            #[inline]
            fn deserialize_borrowed(reader: &mut #rt::Reader<'a>) -> ::core::result::Result<Self, #rt::DecodeError> {
                #body
            }
        }

        impl<'a> #rt::IntoOwned for #name #args {
            type Owned = #name<'static>;

            #[inline]
            fn into_owned(self) -> #name<'static> {
                match self { #(#arms)* }
            }
        }
    }
}
