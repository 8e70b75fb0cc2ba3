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
    // `<'a>` with `Config::borrowed`, when a variant borrows.
    let args = ctx.enum_generics(def).args();
    let doc = docs::attrs(&docs::enum_doc(def, ctx.documented));
    let variants = def.variants.iter().map(|v| {
        let ident = v.ident.to_ident();
        let ctor = ctx.type_path(&def.path, &v.ctor);
        let ty = if v.heap {
            quote!(::std::boxed::Box<#ctor>)
        } else {
            ctor
        };
        let doc = docs::attrs(&format!("`{}#{:08x}`", v.tl_name, v.id));
        quote!(#doc #ident(#ty),)
    });
    let idents: Vec<_> = def.variants.iter().map(|v| v.ident.to_ident()).collect();
    // A borrowing enum decodes in one body, the borrowed one (`borrowed.rs`); its owned decode
    // detaches that.
    let deserialize = if def.borrows {
        quote!(#rt::__private::owned::<#name<'_>>(reader))
    } else {
        decode_variants(ctx, def, &quote!(#rt::Bare::deserialize_bare))
    };
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
        pub enum #name #args { #(#variants)* }

        impl #args #rt::Serializable for #name #args {
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

        impl #args #rt::Deserializable for #name #args {
            #[inline]
            fn deserialize(reader: &mut #rt::Reader<'_>) -> ::core::result::Result<Self, #rt::DecodeError> {
                #deserialize
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
    let args = ctx.enum_generics(def).args();
    quote! {
        impl #args #name #args {
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

/// The body of a decoder of `def`'s boxed form, reading `reader`: the constructor id chooses the
/// variant, whose struct `bare` (a path to `deserialize_bare` or its borrowed twin) reads; an id of
/// no variant is `UnknownConstructor` at its offset.
pub(crate) fn decode_variants(ctx: &Ctx, def: &EnumDef, bare: &TokenStream) -> TokenStream {
    let rt = &ctx.rt;
    let tl_name = &def.tl_name;
    let idents = def.variants.iter().map(|v| v.ident.to_ident());
    let ids = def.variants.iter().map(|v| hex_literal(v.id));
    quote! {
        let at = reader.position();
        ::core::result::Result::Ok(match reader.read_u32()? {
            #(#ids => Self::#idents(#bare(reader)?),)*
            id => {
                let kind = #rt::DecodeErrorKind::UnknownConstructor {
                    id,
                    expected: ::std::borrow::Cow::Borrowed(#tl_name),
                };
                return ::core::result::Result::Err(#rt::DecodeError::new(kind, at));
            },
        })
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
    let args = ctx.enum_generics(def).args();
    let only = def.variants.len() == 1;
    def.variants
        .iter()
        .map(|v| {
            let ident = v.ident.to_ident();
            let ctor = ctx.type_path(&def.path, &v.ctor);
            let value = if v.heap {
                quote!(*value)
            } else {
                quote!(value)
            };
            if only {
                quote! {
                    impl #args ::core::convert::From<#name #args> for #ctor {
                        #[inline]
                        fn from(value: #name #args) -> Self {
                            let #name::#ident(value) = value;
                            #value
                        }
                    }
                }
            } else {
                quote! {
                    impl #args ::core::convert::TryFrom<#name #args> for #ctor {
                        type Error = #name #args;

                        #[inline]
                        fn try_from(value: #name #args) -> ::core::result::Result<Self, #name #args> {
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
