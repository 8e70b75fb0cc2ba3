//! The JSON form (with `Config::serde`): `Serialize` and `Deserialize` for every struct and enum,
//! written out per type through the runtime's `__private::json` helpers, in the form of
//! docs/TL-JSON.md: `"@type"` first, fields under their TL names in schema order, flags words never
//! written, absent conditional fields left out.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::context::Ctx;
use crate::model::{EnumDef, FieldKind, StructDef, TypeRef, WireItem};

/// One JSON member of a struct, in schema order.
enum JsonMember<'d> {
    /// A stored field (not a group).
    Field(usize),
    /// A member of the group stored in field `field`.
    InGroup {
        field: usize,
        member: usize,
        ty: &'d TypeRef,
    },
    /// A `?true` field set exactly when stored field `field` is present.
    Derived { field: usize },
}

/// The JSON members of `def` with their TL names, in schema order.
fn members(def: &StructDef) -> Vec<(JsonMember<'_>, &str)> {
    def.wire
        .iter()
        .filter_map(|item| match item {
            WireItem::FlagWord(_) => None,
            WireItem::Field(i) => {
                Some((JsonMember::Field(*i), def.fields.get(*i)?.tl_name.as_str()))
            }
            WireItem::GroupMember { field, member } => {
                let FieldKind::Group { group, .. } = def.fields.get(*field)?.kind else {
                    return None;
                };
                let m = def.group_members(group).get(*member)?;
                Some((
                    JsonMember::InGroup {
                        field: *field,
                        member: *member,
                        ty: &m.ty,
                    },
                    m.tl_name.as_str(),
                ))
            }
            WireItem::Derived { tl_name, field } => {
                Some((JsonMember::Derived { field: *field }, tl_name.as_str()))
            }
        })
        .collect()
}

/// `Serialize`, `Deserialize` and the runtime's `JsonStruct` for a constructor or function struct.
pub(crate) fn for_struct(ctx: &Ctx, def: &StructDef) -> TokenStream {
    let (rt, tl) = (&ctx.rt, &ctx.codec);
    let json = quote!(#tl::json);
    let name = def.path.name.to_ident();
    let tl_name = &def.tl_name;
    let generics: Vec<_> = def.generics.iter().map(|g| g.to_ident()).collect();
    // `impl<…>` and `impl<'de, …>` parameters, and the type's arguments.
    let (params, de_params, args) = if generics.is_empty() {
        (quote!(), quote!(<'de>), quote!())
    } else {
        let bounds = quote!(#(#generics: #rt::Serializable + #rt::Deserializable + #json::serde::Serialize + #json::serde::de::DeserializeOwned),*);
        (
            quote!(<#bounds>),
            quote!(<'de, #bounds>),
            quote!(<#(#generics),*>),
        )
    };
    let members = members(def);
    let names: Vec<&str> = members.iter().map(|(_, n)| *n).collect();
    let count = Literal::usize_unsuffixed(members.len());
    let field_ident = |i: usize| def.fields.get(i).map(|f| f.ident.to_ident());
    let codec = |ty: &TypeRef| ctx.codec(&def.path, ty);
    // Where each stored field's JSON member is (a group: its first member), for derived flags.
    let member_of_field = |field: usize| {
        members
            .iter()
            .position(|(m, _)| match m {
                JsonMember::Field(f) | JsonMember::InGroup { field: f, .. } => *f == field,
                JsonMember::Derived { .. } => false,
            })
            .unwrap_or_default()
    };

    // Writing.
    let writes = members.iter().map(|(member, tl)| match member {
        JsonMember::Field(i) => {
            let ident = field_ident(*i);
            match def.fields.get(*i).map(|f| &f.kind) {
                Some(FieldKind::Required(ty)) => {
                    let c = codec(ty);
                    quote!(#json::write::<#c, _>(&mut object, #tl, &self.#ident)?;)
                }
                Some(FieldKind::Optional(ty, _) | FieldKind::Nullable(ty)) => {
                    let c = codec(ty);
                    quote!(#json::write_opt::<#c, _>(&mut object, #tl, &self.#ident)?;)
                }
                Some(FieldKind::Flag(_)) => {
                    quote!(#json::write_flag(&mut object, #tl, self.#ident)?;)
                }
                Some(FieldKind::Group { .. }) | None => quote!(),
            }
        }
        JsonMember::InGroup { field, member, ty } => {
            let ident = field_ident(*field);
            let m = group_member_ident(def, *field, *member);
            let c = codec(ty);
            quote! {
                if let ::core::option::Option::Some(group) = &self.#ident {
                    #json::write::<#c, _>(&mut object, #tl, &group.#m)?;
                }
            }
        }
        JsonMember::Derived { field } => {
            let ident = field_ident(*field);
            let set = match def.fields.get(*field).map(|f| &f.kind) {
                Some(FieldKind::Flag(_)) => quote!(self.#ident),
                _ => quote!(self.#ident.is_some()),
            };
            quote!(#json::write_flag(&mut object, #tl, #set)?;)
        }
    });
    let object_mut = if members.is_empty() {
        quote!(object)
    } else {
        quote!(mut object)
    };

    // Reading: one slot per member, then the groups, the derived flags' checks, and the value.
    let slot = |i: usize| quote::format_ident!("f{i}");
    let slots = (0..members.len()).map(|i| {
        let s = slot(i);
        quote!(let mut #s = ::core::option::Option::None;)
    });
    let read_codec = |member: &JsonMember<'_>| match member {
        JsonMember::Field(f) => match def.fields.get(*f).map(|f| &f.kind) {
            Some(FieldKind::Required(ty)) => codec(ty),
            Some(FieldKind::Optional(ty, _) | FieldKind::Nullable(ty)) => {
                let c = codec(ty);
                quote!(#tl::Nullable<#c>)
            }
            _ => quote!(#tl::Bool),
        },
        JsonMember::InGroup { ty, .. } => {
            let c = codec(ty);
            quote!(#tl::Nullable<#c>)
        }
        JsonMember::Derived { .. } => quote!(#tl::Bool),
    };
    let single_codec = members.first().map(|(m, _)| read_codec(m));
    let arms = members.iter().enumerate().map(|(i, (member, _))| {
        let (s, c) = (slot(i), read_codec(member));
        let index = Literal::usize_unsuffixed(i);
        quote!(#index => #json::read::<Self, #c, A>(&mut map, &mut #s, #index)?,)
    });
    let read_loop = match &single_codec {
        // No member, or one: every index `next_field` returns is 0.
        _ if members.is_empty() => {
            quote!(while #json::next_field::<Self, A>(&mut map)?.is_some() {})
        }
        Some(c) if members.len() == 1 => quote! {
            while #json::next_field::<Self, A>(&mut map)?.is_some() {
                #json::read::<Self, #c, A>(&mut map, &mut f0, 0)?;
            }
        },
        _ => quote! {
            while let ::core::option::Option::Some(index) = #json::next_field::<Self, A>(&mut map)? {
                match index {
                    #(#arms)*
                    _ => {}
                }
            }
        },
    };
    let group_local = |field: usize| quote::format_ident!("g{field}");
    let groups = def.fields.iter().enumerate().filter_map(|(fi, f)| {
        let FieldKind::Group { group, .. } = f.kind else {
            return None;
        };
        let g = def.groups.get(group)?;
        let group_name = g.name.to_ident();
        let local = group_local(fi);
        let positions: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, (m, _))| matches!(m, JsonMember::InGroup { field, .. } if *field == fi))
            .map(|(i, _)| i)
            .collect();
        let values: Vec<_> = positions.iter().map(|&i| slot(i)).collect();
        let idents: Vec<_> = g.members.iter().map(|m| m.ident.to_ident()).collect();
        let bound: Vec<_> = (0..idents.len()).map(|i| quote::format_ident!("m{i}")).collect();
        let nones = positions.iter().map(|_| quote!(::core::option::Option::None));
        let indices = positions.iter().map(|&i| Literal::usize_unsuffixed(i));
        Some(quote! {
            let #local = match (#(#values.flatten()),*) {
                (#(::core::option::Option::Some(#bound)),*) => ::core::option::Option::Some(#group_name { #(#idents: #bound),* }),
                (#(#nones),*) => ::core::option::Option::None,
                _ => return ::core::result::Result::Err(#json::partial_group::<Self, A::Error>(&[#(#indices),*])),
            };
        })
    });
    let checks = members.iter().enumerate().filter_map(|(i, (member, _))| {
        let JsonMember::Derived { field } = member else {
            return None;
        };
        let present = match def.fields.get(*field).map(|f| &f.kind) {
            Some(FieldKind::Flag(_)) => {
                let s = slot(member_of_field(*field));
                quote!(::core::matches!(#s, ::core::option::Option::Some(true)))
            }
            Some(FieldKind::Group { .. }) => {
                let g = group_local(*field);
                quote!(#g.is_some())
            }
            _ => {
                let s = slot(member_of_field(*field));
                quote!(::core::matches!(#s, ::core::option::Option::Some(::core::option::Option::Some(_))))
            }
        };
        let (s, index, partner) = (
            slot(i),
            Literal::usize_unsuffixed(i),
            Literal::usize_unsuffixed(member_of_field(*field)),
        );
        Some(quote!(#json::derived::<Self, A::Error>(#s, #index, #partner, #present)?;))
    });
    let values = def.fields.iter().enumerate().map(|(fi, f)| {
        let ident = f.ident.to_ident();
        let position = members
            .iter()
            .position(|(m, _)| matches!(m, JsonMember::Field(x) if *x == fi));
        let value = match (&f.kind, position) {
            (FieldKind::Required(_), Some(p)) => {
                let (s, p) = (slot(p), Literal::usize_unsuffixed(p));
                quote!(#json::required::<Self, _, A::Error>(#s, #p)?)
            }
            (FieldKind::Optional(..) | FieldKind::Nullable(_), Some(p)) => {
                let s = slot(p);
                quote!(#s.flatten())
            }
            (FieldKind::Flag(_), Some(p)) => {
                let s = slot(p);
                quote!(#s.unwrap_or(false))
            }
            (FieldKind::Group { .. }, _) => {
                let g = group_local(fi);
                quote!(#g)
            }
            (_, None) => quote!(::core::default::Default::default()),
        };
        quote!(#ident: #value,)
    });
    quote! {
        impl #params #json::serde::Serialize for #name #args {
            fn serialize<S: #json::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                let #object_mut = #json::begin(serializer, #tl_name, #count)?;
                #(#writes)*
                #json::serde::ser::SerializeStruct::end(object)
            }
        }

        impl #de_params #json::serde::Deserialize<'de> for #name #args {
            fn deserialize<D: #json::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #json::deserialize_struct(deserializer)
            }
        }

        impl #params #json::JsonStruct for #name #args {
            const TL_NAME: &'static str = #tl_name;
            const FIELDS: &'static [&'static str] = &[#(#names),*];

            fn from_fields<'de, A: #json::serde::de::MapAccess<'de>>(mut map: A) -> ::core::result::Result<Self, A::Error> {
                #(#slots)*
                #read_loop
                #(#groups)*
                #(#checks)*
                ::core::result::Result::Ok(Self { #(#values)* })
            }
        }
    }
}

fn group_member_ident(def: &StructDef, field: usize, member: usize) -> Option<proc_macro2::Ident> {
    let FieldKind::Group { group, .. } = def.fields.get(field)?.kind else {
        return None;
    };
    def.group_members(group)
        .get(member)
        .map(|m| m.ident.to_ident())
}

/// `Serialize`, `Deserialize` and the runtime's `JsonEnum` for an enum: a value is the object of
/// the constructor it holds.
pub(crate) fn for_enum(ctx: &Ctx, def: &EnumDef) -> TokenStream {
    let rt = &ctx.rt;
    let json = quote!(#rt::__private::json);
    let name = def.path.name.to_ident();
    let tl_name = &def.tl_name;
    let idents: Vec<_> = def.variants.iter().map(|v| v.ident.to_ident()).collect();
    let names: Vec<&str> = def.variants.iter().map(|v| v.tl_name.as_str()).collect();
    let serialize = if idents.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(Self::#idents(value) => #json::serde::Serialize::serialize(value, serializer),)* })
    };
    let arms = def.variants.iter().map(|v| {
        let ident = v.ident.to_ident();
        let ctor = ctx.path(&def.path, &v.ctor);
        let name = &v.tl_name;
        let wrap = if v.heap {
            quote!(|value| Self::#ident(::std::boxed::Box::new(value)))
        } else {
            quote!(Self::#ident)
        };
        quote!(#name => <#ctor as #json::JsonStruct>::from_fields(map).map(#wrap),)
    });
    let map_param = if idents.is_empty() {
        quote!(_map)
    } else {
        quote!(map)
    };
    let serializer_param = if idents.is_empty() {
        quote!(_serializer)
    } else {
        quote!(serializer)
    };
    quote! {
        impl #json::serde::Serialize for #name {
            fn serialize<S: #json::serde::Serializer>(&self, #serializer_param: S) -> ::core::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        impl<'de> #json::serde::Deserialize<'de> for #name {
            fn deserialize<D: #json::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #json::deserialize_enum(deserializer)
            }
        }

        impl #json::JsonEnum for #name {
            const TL_NAME: &'static str = #tl_name;
            const VARIANTS: &'static [&'static str] = &[#(#names),*];

            fn from_variant<'de, A: #json::serde::de::MapAccess<'de>>(name: &str, #map_param: A) -> ::core::result::Result<Self, A::Error> {
                match name {
                    #(#arms)*
                    _ => ::core::result::Result::Err(#json::unknown_type::<A::Error, Self>(name)),
                }
            }
        }
    }
}
