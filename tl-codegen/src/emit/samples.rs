//! Sample values (with `Config::samples`): a `Sample` impl per struct and enum, taking every choice
//! from the runtime's `Sampler`, and `visit_samples`, which hands every constructor and function
//! type to a `Visitor` (round-trip tests, fuzzing).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::context::Ctx;
use crate::model::{EnumDef, FieldKind, FlagBit, Model, StructDef};

/// The `Sample` impl of a struct.
pub(crate) fn for_struct(ctx: &Ctx, def: &StructDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let present = |bit: &FlagBit| {
        let (word, bit) = (
            Literal::usize_unsuffixed(bit.word),
            Literal::u32_unsuffixed(bit.bit),
        );
        quote!(sampler.present(#word, #bit))
    };
    let fields = def.fields.iter().map(|f| {
        let ident = f.ident.to_ident();
        let value = match &f.kind {
            FieldKind::Required(_) | FieldKind::Nullable(_) => {
                let codec = ctx.field_codec(&def.path, &f.kind);
                quote!(#rt::sample::sample::<#codec>(sampler))
            }
            FieldKind::Optional(ty, bit) => {
                let codec = ctx.codec(&def.path, ty);
                let present = present(bit);
                quote! {
                    if #present {
                        ::core::option::Option::Some(#rt::sample::sample::<#codec>(sampler))
                    } else {
                        ::core::option::Option::None
                    }
                }
            }
            FieldKind::Flag(bit) => present(bit),
            FieldKind::Group { group, bit } => {
                let present = present(bit);
                let group_name = def.groups.get(*group).map(|g| g.name.to_ident());
                let members = def.group_members(*group).iter().map(|m| {
                    let ident = m.ident.to_ident();
                    let codec = ctx.codec(&def.path, &m.ty);
                    quote!(#ident: #rt::sample::sample::<#codec>(sampler),)
                });
                quote! {
                    if #present {
                        ::core::option::Option::Some(#group_name { #(#members)* })
                    } else {
                        ::core::option::Option::None
                    }
                }
            }
        };
        quote!(#ident: #value,)
    });
    let generics = ctx.struct_generics(def);
    let params = generics.args();
    let bounds = generics.params(
        false,
        |_| quote!(#rt::sample::Sample + #rt::Serializable + #rt::Deserializable),
    );
    let sampler = if def.fields.is_empty() {
        quote!(_sampler)
    } else {
        quote!(sampler)
    };
    quote! {
        impl #bounds #rt::sample::Sample for #name #params {
            fn sample(#sampler: &mut #rt::sample::Sampler) -> Self {
                Self { #(#fields)* }
            }
        }
    }
}

/// The `Sample` impl of an enum.
pub(crate) fn for_enum(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    let args = ctx.enum_generics(def).args();
    let count = Literal::usize_unsuffixed(def.variants.len());
    let terminal = Literal::usize_unsuffixed(def.terminal);
    let arms = def.variants.iter().enumerate().map(|(i, v)| {
        let ident = v.ident.to_ident();
        let value = quote!(Self::#ident(#rt::sample::Sample::sample(sampler)));
        if i + 1 == def.variants.len() {
            quote!(_ => #value,)
        } else {
            let i = Literal::usize_unsuffixed(i);
            quote!(#i => #value,)
        }
    });
    let body = match def.variants.as_slice() {
        [only] => {
            let ident = only.ident.to_ident();
            quote!(Self::#ident(#rt::sample::Sample::sample(sampler)))
        }
        _ => quote!(match sampler.variant(#count, #terminal) { #(#arms)* }),
    };
    quote! {
        impl #args #rt::sample::Sample for #name #args {
            fn sample(sampler: &mut #rt::sample::Sampler) -> Self {
                #body
            }
        }
    }
}

/// Which list of every type to generate.
#[derive(Clone, Copy)]
pub(crate) enum Visit {
    /// `visit_samples`, for the runtime's `sample::Visitor`.
    Binary,
    /// `visit_json_samples`, for `sample::JsonVisitor` (types with serde impls).
    Json,
}

/// `visit_samples` (or `visit_json_samples`): every constructor and function type, with the flag
/// bits its fields use. Generic functions are visited with the first non-generic function as each
/// type parameter.
pub(crate) fn visit_all(ctx: &Ctx, model: &Model, visit: Visit) -> TokenStream {
    let rt = &ctx.rt;
    let root = |s: &StructDef| {
        let modules = s.path.modules.iter().map(|m| m.to_ident());
        let name = s.path.name.to_ident();
        let top = match s.path.root {
            crate::model::Root::Types => quote!(types),
            crate::model::Root::Enums => quote!(enums),
            crate::model::Root::Functions => quote!(functions),
        };
        quote!(#top :: #(#modules ::)* #name)
    };
    let concrete = model
        .functions
        .iter()
        .find(|f| f.generics.is_empty())
        .map(root);
    let visits = model.types.iter().chain(&model.functions).filter_map(|s| {
        let path = root(s);
        let ty = match (s.generics.len(), &concrete) {
            (0, _) => path,
            (n, Some(c)) => {
                let each = std::iter::repeat_n(c, n);
                quote!(#path<#(#each),*>)
            }
            (_, None) => return None,
        };
        let mut bits: Vec<(usize, u32)> = s
            .fields
            .iter()
            .filter_map(|f| match f.kind {
                FieldKind::Optional(_, b)
                | FieldKind::Flag(b)
                | FieldKind::Group { bit: b, .. } => Some((b.word, b.bit)),
                FieldKind::Required(_) | FieldKind::Nullable(_) => None,
            })
            .collect();
        bits.sort_unstable();
        bits.dedup();
        let bits = bits.iter().map(|(w, b)| {
            let (w, b) = (Literal::usize_unsuffixed(*w), Literal::u32_unsuffixed(*b));
            quote!((#w, #b))
        });
        Some(quote!(visitor.visit::<#ty>(&[#(#bits),*]);))
    });
    match visit {
        Visit::Binary => quote! {
            /// Hands every generated constructor and function type to `visitor`, with the `(flags word,
            /// bit)` pairs its fields use. Generic functions get the first non-generic function as
            /// their type parameter.
            pub fn visit_samples<V: #rt::sample::Visitor>(visitor: &mut V) {
                #(#visits)*
            }
        },
        Visit::Json => quote! {
            /// Hands every generated constructor and function type to `visitor`, as
            /// `visit_samples` does, for visitors that also need the types' JSON form.
            pub fn visit_json_samples<V: #rt::sample::JsonVisitor>(visitor: &mut V) {
                #(#visits)*
            }
        },
    }
}
