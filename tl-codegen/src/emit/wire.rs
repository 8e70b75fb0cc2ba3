//! The bodies of `walk_bare` (which the runtime turns into writing, measuring and checking) and
//! `deserialize_bare` (and, with `Config::borrowed`, `deserialize_bare_borrowed`): the wire layout
//! of a struct, field by field, with flags words computed from the fields when writing.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::context::Ctx;
use crate::ident::RustIdent;
use crate::model::{Field, FieldKind, FlagBit, StructDef, TypeRef, WireItem};

/// Names of the generated functions' parameters, chosen not to collide with any field.
pub(crate) struct Params {
    pub(crate) walker: proc_macro2::Ident,
    pub(crate) reader: proc_macro2::Ident,
}

impl Params {
    /// Parameter names for `def`'s functions; `unused` (a struct without fields) prefixes them with
    /// an underscore.
    pub(crate) fn for_struct(def: &StructDef, unused: bool) -> Self {
        let taken = |name: &str| {
            def.fields.iter().any(|f| f.ident.unraw() == name)
                || def.flag_words.iter().any(|w| w.local.unraw() == name)
                || def
                    .groups
                    .iter()
                    .flat_map(|g| &g.members)
                    .any(|m| m.ident.unraw() == name)
        };
        let pick = |base: &str| {
            let mut name = base.to_owned();
            while taken(&name) {
                name.push('_');
            }
            RustIdent::sanitize(&name).to_ident()
        };
        let prefix = if unused { "_" } else { "" };
        Params {
            walker: pick(&format!("{prefix}walker")),
            reader: pick(&format!("{prefix}reader")),
        }
    }
}

/// The condition, on `self`, under which `field` sets its bit.
fn presence(field: &Field) -> TokenStream {
    let ident = field.ident.to_ident();
    match field.kind {
        FieldKind::Flag(_) => quote!(self.#ident),
        _ => quote!(self.#ident.is_some()),
    }
}

fn field_bit(field: &Field) -> Option<FlagBit> {
    match field.kind {
        FieldKind::Optional(_, bit) | FieldKind::Flag(bit) | FieldKind::Group { bit, .. } => {
            Some(bit)
        }
        FieldKind::Required(_) | FieldKind::Nullable(_) => None,
    }
}

/// The statements of `walk_bare`: every flags word (computed from the fields) and every field on
/// the wire, in wire order, shown to the walker with the struct's and the field's TL names. Writing,
/// measuring and checking limits are this one body with the runtime's three walkers.
pub(crate) fn walk_body(ctx: &Ctx, def: &StructDef, p: &Params) -> TokenStream {
    let tl = &ctx.codec;
    let walker = &p.walker;
    let mut body = TokenStream::new();
    for item in &def.wire {
        match item {
            WireItem::FlagWord(w) => {
                let word = &def.flag_words[*w];
                let (local, name) = (word.local.to_ident(), &word.tl_name);
                let terms: Vec<TokenStream> = def
                    .fields
                    .iter()
                    .filter_map(|f| {
                        let bit = field_bit(f).filter(|b| b.word == *w)?;
                        let cond = presence(f);
                        let bit = Literal::u32_unsuffixed(bit.bit);
                        Some(quote!(#tl::bit(#cond, #bit)))
                    })
                    .collect();
                let value = if terms.is_empty() {
                    quote!(0)
                } else {
                    quote!(#(#terms)|*)
                };
                body.extend(quote! {
                    let #local: u32 = #value;
                    #walker.field::<#tl::Nat>(&#local, NAME, #name);
                });
            }
            WireItem::Field(i) => {
                let field = &def.fields[*i];
                let (ident, name) = (field.ident.to_ident(), &field.tl_name);
                match &field.kind {
                    FieldKind::Required(_) | FieldKind::Nullable(_) => {
                        let codec = ctx.field_codec(&def.path, &field.kind);
                        body.extend(quote!(#walker.field::<#codec>(&self.#ident, NAME, #name);));
                    }
                    FieldKind::Optional(ty, _) => {
                        let codec = ctx.codec(&def.path, ty);
                        body.extend(
                            quote!(#walker.field_opt::<#codec>(&self.#ident, NAME, #name);),
                        );
                    }
                    FieldKind::Flag(_) | FieldKind::Group { .. } => {}
                }
            }
            WireItem::GroupMember { field, member } => {
                let group_field = &def.fields[*field];
                let ident = group_field.ident.to_ident();
                if let Some(m) = member_of(def, group_field, *member) {
                    let codec = ctx.codec(&def.path, &m.ty);
                    let (member_ident, name) = (m.ident.to_ident(), &m.tl_name);
                    body.extend(quote! {
                        if let ::core::option::Option::Some(group) = &self.#ident {
                            #walker.field::<#codec>(&group.#member_ident, NAME, #name);
                        }
                    });
                }
            }
            WireItem::Derived { .. } => {}
        }
    }
    if body.is_empty() {
        return body;
    }
    let tl_name = &def.tl_name;
    quote! {
        const NAME: &str = #tl_name;
        #body
    }
}

fn member_of<'d>(
    def: &'d StructDef,
    field: &Field,
    member: usize,
) -> Option<&'d crate::model::GroupMember> {
    match field.kind {
        FieldKind::Group { group, .. } => def.group_members(group).get(member),
        _ => None,
    }
}

/// Which decoder a body calls for each field.
#[derive(Clone, Copy)]
pub(crate) enum Decode {
    /// `decode` / `decode_if` (`Bare::deserialize_bare`).
    Owned,
    /// `decode_borrowed` / `decode_borrowed_if` (`BareBorrowed::deserialize_bare_borrowed`), which
    /// check and name fields as the owned ones do.
    Borrowed,
}

/// The statements of `deserialize_bare` (or, for [`Decode::Borrowed`],
/// `deserialize_bare_borrowed`), ending in `Ok(Self { … })`.
pub(crate) fn deserialize_body(ctx: &Ctx, def: &StructDef, p: &Params, how: Decode) -> TokenStream {
    let tl = &ctx.codec;
    let reader = &p.reader;
    let (decode_fn, decode_if_fn) = match how {
        Decode::Owned => (quote!(decode), quote!(decode_if)),
        Decode::Borrowed => (quote!(decode_borrowed), quote!(decode_borrowed_if)),
    };
    let mut body = TokenStream::new();
    // Every field's error path names the constructor: once, as a constant.
    let tl_name = &def.tl_name;
    let name = quote!(NAME);
    if !def
        .wire
        .iter()
        .all(|w| matches!(w, WireItem::Derived { .. }))
    {
        body.extend(quote!(const NAME: &str = #tl_name;));
    }
    let test = |bit: &FlagBit| {
        let word = def.flag_words[bit.word].local.to_ident();
        let b = Literal::u32_unsuffixed(bit.bit);
        quote!(#tl::has(#word, #b))
    };
    let decode_if = |bit: &FlagBit, ty: &TypeRef, tl_name: &str| {
        let cond = test(bit);
        let codec = ctx.codec(&def.path, ty);
        quote!(#tl::#decode_if_fn::<#codec>(#cond, #reader, #name, #tl_name)?)
    };
    let decode = |ty: &TypeRef, tl_name: &str| {
        let codec = ctx.codec(&def.path, ty);
        quote!(#tl::#decode_fn::<#codec>(#reader, #name, #tl_name)?)
    };
    for item in &def.wire {
        match item {
            WireItem::FlagWord(w) => {
                let word = &def.flag_words[*w];
                let local = word.local.to_ident();
                let value = decode(&TypeRef::Nat, &word.tl_name);
                body.extend(quote!(let #local = #value;));
            }
            WireItem::Field(i) => {
                let field = &def.fields[*i];
                let ident = field.ident.to_ident();
                match &field.kind {
                    FieldKind::Required(_) | FieldKind::Nullable(_) => {
                        let codec = ctx.field_codec(&def.path, &field.kind);
                        let name = &field.tl_name;
                        body.extend(
                            quote!(let #ident = #tl::#decode_fn::<#codec>(#reader, NAME, #name)?;),
                        );
                    }
                    FieldKind::Optional(ty, bit) => {
                        let value = decode_if(bit, ty, &field.tl_name);
                        body.extend(quote!(let #ident = #value;));
                    }
                    FieldKind::Flag(bit) => {
                        let cond = test(bit);
                        body.extend(quote!(let #ident = #cond;));
                    }
                    FieldKind::Group { .. } => {}
                }
            }
            WireItem::GroupMember { field, member } => {
                let group_field = &def.fields[*field];
                if let (Some(m), FieldKind::Group { bit, .. }) =
                    (member_of(def, group_field, *member), &group_field.kind)
                {
                    let value = decode_if(bit, &m.ty, &m.tl_name);
                    let local = m.ident.to_ident();
                    body.extend(quote!(let #local = #value;));
                }
            }
            WireItem::Derived { .. } => {}
        }
    }
    // Assemble groups from their members: all present (the bit was set) or all absent.
    for field in &def.fields {
        if let FieldKind::Group { group, .. } = field.kind {
            let Some(g) = def.groups.get(group) else {
                continue;
            };
            let ident = field.ident.to_ident();
            let group_name = g.name.to_ident();
            let members: Vec<_> = g.members.iter().map(|m| m.ident.to_ident()).collect();
            body.extend(quote! {
                let #ident = match (#(#members),*) {
                    (#(::core::option::Option::Some(#members)),*) => ::core::option::Option::Some(#group_name { #(#members),* }),
                    _ => ::core::option::Option::None,
                };
            });
        }
    }
    let fields = def.fields.iter().map(|f| f.ident.to_ident());
    body.extend(quote!(::core::result::Result::Ok(Self { #(#fields),* })));
    body
}
