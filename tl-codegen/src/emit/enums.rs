//! Boxed-type enums: one variant per constructor, with `Serializable` dispatching to the variant
//! and `Deserializable` choosing it by constructor id.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::{Ctx, hex_literal};
use super::docs;
use crate::model::EnumDef;

/// Everything generated for one boxed type.
pub(crate) fn generate(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let doc = docs::attrs(&docs::enum_doc(def));
    let tl_name = &def.tl_name;
    let variants = def.variants.iter().map(|v| {
        let ident = v.ident.to_ident();
        let ctor = ctx.path(&def.path, &v.ctor);
        let ty = if v.heap {
            quote!(::std::boxed::Box<#ctor>)
        } else {
            ctor
        };
        let doc = docs::attrs(&format!("`{}#{:08x}`", v.tl_name, v.id));
        quote!(#doc #ident(#ty),)
    });
    let idents: Vec<_> = def.variants.iter().map(|v| v.ident.to_ident()).collect();
    let ids = def.variants.iter().map(|v| hex_literal(v.id));
    let (ser, len, check) = if idents.is_empty() {
        (
            quote!(match *self {}),
            quote!(match *self {}),
            quote!(match *self {}),
        )
    } else {
        (
            quote!(match self { #(Self::#idents(value) => #rt::Serializable::serialize(value, out),)* }),
            quote!(match self { #(Self::#idents(value) => #rt::Serializable::serialized_len(value),)* }),
            quote!(match self { #(Self::#idents(value) => #rt::Serializable::check_limits(value),)* }),
        )
    };
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name { #(#variants)* }

        impl #rt::Serializable for #name {
            #[inline]
            fn serialize(&self, out: &mut ::std::vec::Vec<u8>) {
                #ser
            }

            #[inline]
            fn serialized_len(&self) -> usize {
                #len
            }

            #[inline]
            fn check_limits(&self) -> ::core::result::Result<(), #rt::EncodeError> {
                #check
            }
        }

        impl #rt::Deserializable for #name {
            #[inline]
            fn deserialize(reader: &mut #rt::Reader<'_>) -> ::core::result::Result<Self, #rt::DecodeError> {
                let at = reader.position();
                ::core::result::Result::Ok(match reader.read_u32()? {
                    #(#ids => Self::#idents(#rt::Bare::deserialize_bare(reader)?),)*
                    id => {
                        let kind = #rt::DecodeErrorKind::UnknownConstructor { id, expected: #tl_name };
                        return ::core::result::Result::Err(#rt::DecodeError::new(kind, at));
                    },
                })
            }
        }
    }
}
