//! Constructor and function structs: the struct with its fields, shared-bit group structs, methods
//! for derived `?true` fields, and the written-out `Identifiable`, `Bare`, `RemoteCall` and `From`
//! impls. `Serializable` and `Deserializable` (the boxed form) come from the runtime's blanket impls
//! over `Identifiable + Bare`, and writing, measuring and checking are the runtime's walks over
//! `walk_bare`, so each struct costs two function bodies (`walk_bare`, `deserialize_bare`; and
//! `From` into its enum), all `#[inline]` or generic: a crate compiled in release only generates
//! machine code for the types it uses.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::Ctx;
use super::docs;
use super::wire::{self, Params};
use crate::model::{FieldKind, StructDef};

/// Everything generated for one constructor or function.
pub(crate) fn generate(ctx: &Ctx, def: &StructDef, is_function: bool) -> TokenStream {
    let rt = &ctx.rt;
    let name = def.path.name.to_ident();
    // `<'a, X>`: the lifetime with `Config::borrowed`, when the struct borrows; the type parameters
    // of a generic function.
    let generics = ctx.struct_generics(def);
    let params = generics.args();
    let bounds = generics.params(false, |_| quote!(#rt::Serializable + #rt::Deserializable));
    let args = &params;
    let doc = docs::attrs(&docs::item_doc(def, is_function, ctx.documented));
    let fields = def.fields.iter().map(|f| {
        let ident = f.ident.to_ident();
        let ty = match &f.kind {
            FieldKind::Required(ty) => ctx.rust_type(&def.path, ty),
            FieldKind::Optional(ty, _) | FieldKind::Nullable(ty) => {
                let ty = ctx.rust_type(&def.path, ty);
                quote!(::core::option::Option<#ty>)
            }
            FieldKind::Flag(_) => quote!(bool),
            FieldKind::Group { group, .. } => {
                let args = ctx.group_args(def, *group);
                let group = def.groups.get(*group).map(|g| g.name.to_ident());
                quote!(::core::option::Option<#group #args>)
            }
        };
        let doc = docs::field_doc(f);
        let doc = docs::attrs(&doc);
        let attributes = super::context::user_attributes(&f.attributes);
        quote!(#doc #attributes pub #ident: #ty,)
    });
    let groups = def.groups.iter().enumerate().map(|(index, g)| {
        let group_name = g.name.to_ident();
        let group_args = ctx.group_args(def, index);
        let group_doc = docs::attrs(&format!(
            "The fields of [`{}`] that share one flag bit: all present or all absent.",
            def.path.name.unraw()
        ));
        let members = g.members.iter().map(|m| {
            let ident = m.ident.to_ident();
            let ty = ctx.rust_type(&def.path, &m.ty);
            let doc = m
                .doc
                .clone()
                .unwrap_or_else(|| format!("TL field `{}`.", m.tl_name));
            let doc = docs::attrs(&doc);
            let attributes = super::context::user_attributes(&m.attributes);
            quote!(#doc #attributes pub #ident: #ty,)
        });
        let derives = super::context::derives(def.eq_hash, false);
        quote! {
            #group_doc
            #derives
            pub struct #group_name #group_args { #(#members)* }
        }
    });
    let derived = if def.derived.is_empty() {
        quote!()
    } else {
        let methods = def.derived.iter().map(|d| {
            let ident = d.ident.to_ident();
            let partner = d.partner.to_ident();
            let partner_is_bool =
                def.fields.iter().any(|f| f.ident == d.partner && matches!(f.kind, FieldKind::Flag(_)));
            let value = if partner_is_bool { quote!(self.#partner) } else { quote!(self.#partner.is_some()) };
            let mut doc = d.doc.clone().map(|text| text + "\n\n").unwrap_or_default();
            doc.push_str(&format!(
                "TL field `{}:…?true`. It shares its flag bit with `{}`, so it is true exactly when that is set.",
                d.tl_name,
                d.partner.unraw()
            ));
            let doc = docs::attrs(&doc);
            quote!(#doc #[inline] pub fn #ident(&self) -> bool { #value })
        });
        quote!(impl #params #name #args { #(#methods)* })
    };
    let id = super::context::hex_literal(def.id);
    let tl_name = &def.tl_name;
    let min = proc_macro2::Literal::usize_unsuffixed(def.min_bare_len);
    let p = Params::for_struct(def, def.wire.is_empty());
    let (walker, reader) = (&p.walker, &p.reader);
    let walk = wire::walk_body(ctx, def, &p);
    // The walker's type parameter, named apart from the struct's own.
    let walker_ty = (0..)
        .map(|n| match n {
            0 => quote::format_ident!("W"),
            n => quote::format_ident!("W{n}"),
        })
        .find(|w| !generics.types().contains(w))
        .unwrap_or_else(|| quote::format_ident!("W"));
    // A borrowing struct decodes in one body, the borrowed one (`borrowed.rs`); its owned decode
    // detaches that. A generic one keeps an owned body: its `X` need not be its own owned form.
    let deserialize = if generics.borrows() && generics.types().is_empty() {
        quote!(#rt::__private::owned_bare::<#name<'_>>(#reader))
    } else {
        wire::deserialize_body(ctx, def, &p, wire::Decode::Owned)
    };
    let remote_call = if is_function {
        // A function returning its type parameter `X` returns what the call it wraps returns.
        let result_param = match &def.returns {
            Some(crate::model::TypeRef::Generic(g)) => Some(g),
            _ => None,
        };
        let returns = match (&def.returns, result_param) {
            (_, Some(g)) => {
                let g = g.to_ident();
                quote!(<#g as #rt::RemoteCall>::Return)
            }
            (Some(ty), None) => ctx.static_type(&def.path, ty),
            (None, None) => quote!(()),
        };
        let call_bounds = generics.params(false, |ident| {
            if result_param.is_some_and(|g| g.to_ident() == *ident) {
                quote!(#rt::RemoteCall + #rt::Deserializable)
            } else {
                quote!(#rt::Serializable + #rt::Deserializable)
            }
        });
        // With documentation: the errors it names, exactly as written, in its order.
        let possible_errors = (!def.possible_errors.is_empty()).then(|| {
            let names = def.possible_errors.iter().map(|e| &e.name);
            quote!(const POSSIBLE_ERRORS: &'static [&'static str] = &[#(#names),*];)
        });
        quote! {
            impl #call_bounds #rt::RemoteCall for #name #args {
                type Return = #returns;
                #possible_errors
            }
        }
    } else {
        quote!()
    };
    let from = match &def.variant_of {
        Some(of) if !is_function => {
            let enum_ty = ctx.type_path(&def.path, &of.enum_path);
            let lifetime = ctx.borrows(&of.enum_path).then(|| quote!(<'a>));
            let variant = of.variant.to_ident();
            let value = if of.heap {
                quote!(::std::boxed::Box::new(value))
            } else {
                quote!(value)
            };
            quote! {
                impl #lifetime ::core::convert::From<#name #args> for #enum_ty {
                    #[inline]
                    fn from(value: #name #args) -> Self {
                        Self::#variant(#value)
                    }
                }
            }
        }
        _ => quote!(),
    };
    let derives = super::context::derives(def.eq_hash, def.default);
    let builders = super::builders::for_struct(ctx, def);
    let attributes = super::context::user_attributes(&def.attributes);
    quote! {
        #doc
        #derives
        #attributes
        pub struct #name #params { #(#fields)* }

        #builders

        #(#groups)*

        #derived

        impl #params #rt::Identifiable for #name #args {
            const CONSTRUCTOR_ID: u32 = #id;
            const TL_NAME: &'static str = #tl_name;
        }

        impl #bounds #rt::Bare for #name #args {
            const MIN_BARE_LEN: usize = #min;

            #[inline]
            fn walk_bare<#walker_ty: #rt::Walker>(&self, #walker: &mut #walker_ty) {
                #walk
            }

            #[inline]
            fn deserialize_bare(#reader: &mut #rt::Reader<'_>) -> ::core::result::Result<Self, #rt::DecodeError> {
                #deserialize
            }
        }

        #remote_call
        #from
    }
}
