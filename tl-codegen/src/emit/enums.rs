//! Boxed-type enums: one variant per constructor, with `Serializable` dispatching to the variant
//! and `Deserializable` choosing it by constructor id; where the model says so
//! (`EnumDef::helpers`, from `Config::enum_helpers`), `constructor_id`, `tl_name`, the getters of
//! shared fields (`getters.rs`) and conversions back to the constructors' structs.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::{Ctx, hex_literal};
use super::docs;
use crate::model::{EnumDef, EnumKind};

/// Everything generated for one boxed type.
pub(crate) fn generate(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let doc = docs::attrs(&docs::enum_doc(def, ctx.documented));
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
    let ids: Vec<_> = def.variants.iter().map(|v| hex_literal(v.id)).collect();
    let methods = methods(ctx, def);
    let conversions = conversions(ctx, def);
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
    let attributes = super::context::user_attributes(&def.attributes);
    let non_exhaustive = def.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let derives = super::context::derives(def.eq_hash, false);
    quote! {
        #doc
        #derives
        #non_exhaustive
        #attributes
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

        #methods
        #conversions

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

/// The `impl` block of `constructor_id`, `tl_name` and the getters; nothing without helpers.
fn methods(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    if !def.helpers {
        return TokenStream::new();
    }
    let idents: Vec<_> = def.variants.iter().map(|v| v.ident.to_ident()).collect();
    let ids: Vec<_> = def.variants.iter().map(|v| hex_literal(v.id)).collect();
    let names: Vec<&str> = def.variants.iter().map(|v| v.tl_name.as_str()).collect();
    let (id_of, name_of) = if idents.is_empty() {
        (quote!(match *self {}), quote!(match *self {}))
    } else {
        (
            quote!(match self { #(Self::#idents(_) => #ids,)* }),
            quote!(match self { #(Self::#idents(_) => #names,)* }),
        )
    };
    let getters = super::getters::methods(ctx, def);
    let name = def.path.name.to_ident();
    quote! {
        impl #name {
            /// The id of the constructor the value holds.
            #[inline]
            pub fn constructor_id(&self) -> u32 {
                #id_of
            }

            /// The TL name of the constructor the value holds.
            #[inline]
            pub fn tl_name(&self) -> &'static str {
                #name_of
            }

            #getters
        }
    }
}

/// The way back from a boxed type's enum to a constructor's struct: `TryFrom` (the error gives the
/// enum back), or `From` when the type has one constructor; nothing without helpers. TON's enums of
/// any object or function get none: each struct converts from its own boxed type's enum.
fn conversions(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    if !def.helpers || def.kind != EnumKind::Boxed {
        return TokenStream::new();
    }
    let name = def.path.name.to_ident();
    let only = def.variants.len() == 1;
    def.variants
        .iter()
        .map(|v| {
            let ident = v.ident.to_ident();
            let ctor = ctx.path(&def.path, &v.ctor);
            let value = if v.heap {
                quote!(*value)
            } else {
                quote!(value)
            };
            if only {
                quote! {
                    impl ::core::convert::From<#name> for #ctor {
                        #[inline]
                        fn from(value: #name) -> Self {
                            let #name::#ident(value) = value;
                            #value
                        }
                    }
                }
            } else {
                quote! {
                    impl ::core::convert::TryFrom<#name> for #ctor {
                        type Error = #name;

                        #[inline]
                        fn try_from(value: #name) -> ::core::result::Result<Self, #name> {
                            match value {
                                #name::#ident(value) => ::core::result::Result::Ok(#value),
                                other => ::core::result::Result::Err(other),
                            }
                        }
                    }
                }
            }
        })
        .collect()
}
