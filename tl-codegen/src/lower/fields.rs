//! A definition's parameters turned into stored Rust fields and a wire layout. Flags words are not
//! stored but computed when writing. Fields that share one flag bit are tied together so that no
//! value can announce data it does not carry:
//! - one data field and `?true` fields on a bit: the data field is an `Option`, and each `?true`
//!   field becomes a method reporting whether it is present;
//! - several data fields on a bit: one `Option` of a group struct holding them all, and any `?true`
//!   field on that bit becomes a method reporting whether the group is present;
//! - only `?true` fields on a bit: the first is a `bool`, the others methods that return it.

use std::collections::BTreeMap;

use tl_parser::{Definition, Param, Role};

use super::Unsupported;
use super::types::Resolver;
use crate::ident::RustIdent;
use crate::model::{
    DerivedFlag, Field, FieldKind, FlagBit, FlagWord, Group, GroupMember, TypeRef, WireItem,
};

/// The stored fields and wire layout of one definition.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub(crate) fields: Vec<Field>,
    pub(crate) groups: Vec<Group>,
    pub(crate) derived: Vec<DerivedFlag>,
    pub(crate) flag_words: Vec<FlagWord>,
    pub(crate) wire: Vec<WireItem>,
}

/// What a conditional parameter becomes on the wire, before stored fields are numbered.
#[derive(Clone, Copy)]
enum Slot {
    /// Member `member` of the group whose stored field is created at parameter `holder`.
    Member { holder: usize, member: usize },
    /// A `?true` parameter whose bit the stored field created at parameter `partner` decides.
    Derived { partner: usize },
}

/// Lays out `def`'s parameters. `owner` is the struct's name, used to name group structs;
/// `generics` are the definition's type parameters in Rust.
pub(crate) fn layout(
    def: &Definition,
    owner: &RustIdent,
    generics: &[Option<RustIdent>],
    resolver: &Resolver<'_>,
) -> Result<Layout, Unsupported> {
    let params = &def.params;
    let mut out = Layout::default();
    // Flags words, numbered in order: index in `flag_words` by parameter index.
    let mut word_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, param) in params.iter().enumerate() {
        if param.role == Role::FlagsWord {
            word_of.insert(i, out.flag_words.len());
            out.flag_words.push(FlagWord {
                tl_name: param.name.to_string(),
                local: RustIdent::snake(&param.name),
            });
        }
    }
    // Params grouped by the bit they depend on, in source order.
    let mut by_bit: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    for (i, param) in params.iter().enumerate() {
        if let Some((word, bit)) = param.condition()
            && let Some(&word) = word_of.get(&word)
        {
            by_bit.entry((word, bit)).or_default().push(i);
        }
    }
    // What each param becomes: its wire item, and at most one stored field created at its position.
    let mut slot_of: Vec<Option<Slot>> = vec![None; params.len()];
    let mut field_at: BTreeMap<usize, Field> = BTreeMap::new();
    let mut derived_at: Vec<(usize, String, usize)> = Vec::new(); // (param, tl name, partner param)
    for (&(word, bit), members) in &by_bit {
        let flag_bit = FlagBit { word, bit };
        let (trues, data): (Vec<usize>, Vec<usize>) =
            members.iter().partition(|&&i| params[i].is_true_flag());
        match data.as_slice() {
            [] => {
                let first = trues[0];
                field_at.insert(
                    first,
                    stored(def, &params[first], FieldKind::Flag(flag_bit)),
                );
                for &t in &trues[1..] {
                    derived_at.push((t, params[t].name.to_string(), first));
                }
            }
            [only] => {
                let ty = resolver.resolve(&params[*only].ty, generics)?;
                field_at.insert(
                    *only,
                    stored(def, &params[*only], FieldKind::Optional(ty, flag_bit)),
                );
                for &t in &trues {
                    derived_at.push((t, params[t].name.to_string(), *only));
                }
            }
            _ => {
                let group_index = out.groups.len();
                let namer = trues.first().copied().unwrap_or(data[0]);
                let first = *members.iter().min().unwrap_or(&data[0]);
                let mut members_out = Vec::new();
                for (m, &d) in data.iter().enumerate() {
                    members_out.push(GroupMember {
                        ident: RustIdent::snake(&params[d].name),
                        tl_name: params[d].name.to_string(),
                        ty: resolver.resolve(&params[d].ty, generics)?,
                        doc: def.docs.field(&params[d].name).map(super::doc_text::escape),
                        attributes: Vec::new(),
                    });
                    slot_of[d] = Some(Slot::Member {
                        holder: first,
                        member: m,
                    });
                }
                let group_name =
                    RustIdent::camel(&format!("{}_{}", owner.unraw(), params[namer].name));
                out.groups.push(Group {
                    name: group_name,
                    members: members_out,
                });
                let mut field = stored(
                    def,
                    &params[namer],
                    FieldKind::Group {
                        group: group_index,
                        bit: flag_bit,
                    },
                );
                // Escaped as text, backticks included (as generated code has always shown it).
                field.doc = Some(super::doc_text::escape(&format!(
                    "The fields {} (present together, on bit {bit} of `{}`).",
                    data.iter()
                        .map(|&d| format!("`{}`", params[d].name))
                        .collect::<Vec<_>>()
                        .join(", "),
                    out.flag_words[word].tl_name
                )));
                field_at.insert(first, field);
                for &t in &trues {
                    if t != namer {
                        derived_at.push((t, params[t].name.to_string(), first));
                    }
                }
                if trues.contains(&namer) {
                    slot_of[namer] = Some(Slot::Derived { partner: first });
                }
            }
        }
    }
    for (i, param) in params.iter().enumerate() {
        if param.role == Role::Required {
            let ty = resolver.resolve(&param.ty, generics)?;
            let kind = if param.nullable {
                FieldKind::Nullable(ty)
            } else {
                FieldKind::Required(ty)
            };
            field_at.insert(i, stored(def, param, kind));
        }
    }
    // Stored fields in param order; remember each one's index.
    let mut field_index: BTreeMap<usize, usize> = BTreeMap::new();
    for (position, field) in field_at {
        field_index.insert(position, out.fields.len());
        out.fields.push(field);
    }
    for (param, tl_name, partner) in derived_at {
        let partner_field = field_index.get(&partner).copied().unwrap_or_default();
        out.fields[partner_field].implies.push(tl_name.clone());
        out.derived.push(DerivedFlag {
            ident: RustIdent::snake(&tl_name),
            tl_name,
            partner: out.fields[partner_field].ident.clone(),
            doc: None,
        });
        slot_of[param] = Some(Slot::Derived { partner });
    }
    let field_at = |position: usize| field_index.get(&position).copied().unwrap_or_default();
    for (i, slot) in slot_of.into_iter().enumerate() {
        let item = match (word_of.get(&i), slot) {
            (Some(&word), _) => WireItem::FlagWord(word),
            (None, Some(Slot::Member { holder, member })) => WireItem::GroupMember {
                field: field_at(holder),
                member,
            },
            (None, Some(Slot::Derived { partner })) => WireItem::Derived {
                tl_name: params[i].name.to_string(),
                field: field_at(partner),
            },
            (None, None) => WireItem::Field(field_at(i)),
        };
        out.wire.push(item);
    }
    Ok(out)
}

fn stored(def: &Definition, param: &Param, kind: FieldKind) -> Field {
    // Everything a caller may leave out gets a setter; required fields are `new`'s parameters.
    let setter = match kind {
        FieldKind::Required(_) => None,
        FieldKind::Nullable(_)
        | FieldKind::Optional(..)
        | FieldKind::Flag(_)
        | FieldKind::Group { .. } => Some(RustIdent::snake(&format!("with_{}", param.name))),
    };
    Field {
        ident: RustIdent::snake(&param.name),
        tl_name: param.name.to_string(),
        setter,
        kind,
        doc: def.docs.field(&param.name).map(super::doc_text::escape),
        implies: Vec::new(),
        attributes: Vec::new(),
    }
}

/// The fewest bytes a value of `ty` takes; `bare_min` gives it for bare constructors.
pub(crate) fn min_len(ty: &TypeRef, bare_min: &dyn Fn(&crate::model::ItemPath) -> usize) -> usize {
    match ty {
        TypeRef::Int | TypeRef::Nat | TypeRef::Str | TypeRef::Bytes | TypeRef::Bool => 4,
        TypeRef::Long | TypeRef::Int53 | TypeRef::Double => 8,
        TypeRef::Fixed(n) => *n,
        TypeRef::Vector(_) => 8,
        TypeRef::BareVector(_) => 4,
        TypeRef::Enum { .. } | TypeRef::Generic(_) | TypeRef::True => 4,
        TypeRef::Bare { path, .. } => bare_min(path),
    }
}
