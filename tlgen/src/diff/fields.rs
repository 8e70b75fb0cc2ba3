//! Field-by-field comparison of two versions of one definition: the wire half reads the resolved
//! definitions, the Rust half what each field became in the generated struct (tl-codegen's model).

use tl_codegen::model::{FieldKind, Member, StructDef};
use tl_parser::builtins::Encoding;
use tl_parser::{Definition, Param, Type, TypeKind};

use super::{ChangeKind, FieldChange};

/// What the TL field `name` of a struct is in the Rust API, in words (`-` when no struct is
/// generated).
fn describe(s: Option<&StructDef>, name: &str) -> String {
    let Some(s) = s else {
        return "-".to_owned();
    };
    match s.member(name) {
        None => "-".to_owned(),
        Some(Member::FlagsWord) => "not stored (flags word)".to_owned(),
        Some(Member::Method(_)) => "method: bool".to_owned(),
        Some(Member::Field(field)) => format!("field: {}", field_type(s, field)),
        Some(Member::GroupMember { field, member }) => {
            format!("member of group `{}`: {}", field.ident, member.ty)
        }
        Some(_) => "another form".to_owned(),
    }
}

/// The Rust type of a stored field of `s`; a group's lists its members, so that a member joining
/// or leaving it changes the type.
fn field_type(s: &StructDef, field: &tl_codegen::model::Field) -> String {
    match &field.kind {
        FieldKind::Required(ty) => ty.to_string(),
        FieldKind::Optional(ty, _) | FieldKind::Nullable(ty) => format!("Option<{ty}>"),
        FieldKind::Flag(_) => "bool".to_owned(),
        FieldKind::Group { group, .. } => {
            let members: Vec<String> = s
                .group_members(*group)
                .iter()
                .map(|m| format!("{}: {}", m.ident, m.ty))
                .collect();
            format!("Option<{{ {} }}>", members.join(", "))
        }
        _ => "another form".to_owned(),
    }
}

/// The member the TL field `name` of a struct became.
fn member<'s>(s: Option<&'s StructDef>, name: &str) -> Option<Member<'s>> {
    s.and_then(|s| s.member(name))
}

/// True when code using the generated struct can see this member (a field or a method).
fn is_visible(member: Option<Member<'_>>) -> bool {
    !matches!(member, None | Some(Member::FlagsWord))
}

/// True for something a struct literal must set.
fn is_stored(member: Option<Member<'_>>) -> bool {
    matches!(member, Some(Member::Field(_) | Member::GroupMember { .. }))
}

/// The bytes a type puts on the wire, as a comparison key: `bytes` and `string` are encoded
/// alike, and so are `#` and `int`, `int32` and `int`, `int53` and `long`.
fn wire_key(ty: &Type) -> String {
    let mut out = match ty.kind {
        TypeKind::Builtin(b) => match (b.encoding(), ty.boxed) {
            (Encoding::Nat, _) => format!("{:?}", Encoding::Int32),
            (Encoding::Bytes, _) => format!("{:?}", Encoding::String),
            (encoding, boxed) => format!("{encoding:?}{}", if boxed { " boxed" } else { "" }),
        },
        TypeKind::Vector if ty.boxed => "Vector".to_owned(),
        TypeKind::Vector => "vector".to_owned(),
        _ => format!("{}{}", if ty.boxed { "" } else { "%" }, ty.name),
    };
    for arg in &ty.args {
        out.push(' ');
        out.push_str(&wire_key(arg));
    }
    out
}

fn flag_text(param: &Param) -> String {
    param
        .flag
        .as_ref()
        .map_or_else(|| "always".to_owned(), |f| format!("{}.{}", f.field, f.bit))
}

/// Every change between the fields of `old` and `new`, in the new definition's field order
/// (removed fields at their old position).
pub(crate) fn compare(
    old: &Definition,
    new: &Definition,
    old_struct: Option<&StructDef>,
    new_struct: Option<&StructDef>,
) -> Vec<FieldChange> {
    let find = |defn: &'_ Definition, name: &str| -> Option<usize> {
        defn.params.iter().position(|p| p.name == name)
    };
    let mut changes: Vec<(usize, FieldChange)> = Vec::new();
    // Fields matched across versions: (old index, new index).
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut only_old: Vec<usize> = Vec::new();
    for (i, p) in old.params.iter().enumerate() {
        match find(new, &p.name) {
            Some(j) => pairs.push((i, j)),
            None => only_old.push(i),
        }
    }
    let mut only_new: Vec<usize> = (0..new.params.len())
        .filter(|&j| find(old, &new.params[j].name).is_none())
        .collect();
    // A removed and an added field at the same position with the same type and flag: a rename.
    only_old.retain(|&i| {
        let same = |j: &usize| {
            *j == i
                && old.params[i].ty.to_string() == new.params[*j].ty.to_string()
                && flag_text(&old.params[i]) == flag_text(&new.params[*j])
        };
        match only_new.iter().position(same) {
            Some(k) => {
                let j = only_new.remove(k);
                let (o, n) = (&old.params[i], &new.params[j]);
                let old_member = member(old_struct, &o.name);
                changes.push((
                    j,
                    FieldChange {
                        field: n.name.to_string(),
                        what: ChangeKind::Renamed,
                        old: Some(o.to_string()),
                        new: Some(n.to_string()),
                        wire_breaking: false,
                        rust_breaking: is_visible(old_member),
                        note: format!("renamed from `{}`", o.name),
                    },
                ));
                false
            }
            None => true,
        }
    });
    for &i in &only_old {
        let p = &old.params[i];
        let member = member(old_struct, &p.name);
        changes.push((
            i,
            FieldChange {
                field: p.name.to_string(),
                what: ChangeKind::Removed,
                old: Some(p.to_string()),
                new: None,
                wire_breaking: !p.is_true_flag(),
                rust_breaking: is_visible(member),
                note: match member {
                    None => "field removed (no struct is generated for it)".to_owned(),
                    Some(Member::FlagsWord) => "flags word removed".to_owned(),
                    Some(Member::Method(_)) => "method removed".to_owned(),
                    Some(_) => "field removed".to_owned(),
                },
            },
        ));
    }
    for &j in &only_new {
        let p = &new.params[j];
        let member = member(new_struct, &p.name);
        let note = match member {
            None => "new field (no struct is generated for it)".to_owned(),
            Some(Member::FlagsWord) => "new flags word (not stored)".to_owned(),
            Some(Member::Method(_)) => {
                "new method (shares its flag bit with a stored field)".to_owned()
            }
            Some(Member::Field(_)) if p.is_true_flag() => {
                "new flag (a bool field): struct literals must set it (no Default)".to_owned()
            }
            Some(Member::Field(field)) => {
                let ty = new_struct.map_or_else(String::new, |s| field_type(s, field));
                if p.flag.is_some() {
                    format!("new optional field ({ty}): struct literals must set it (no Default)")
                } else {
                    format!("new required field ({ty}): struct literals must set it")
                }
            }
            Some(Member::GroupMember { field, .. }) => {
                format!(
                    "joins the group stored in `{}`: its type changes",
                    field.ident
                )
            }
            Some(_) => "new field".to_owned(),
        };
        changes.push((
            j,
            FieldChange {
                field: p.name.to_string(),
                what: ChangeKind::Added,
                old: None,
                new: Some(p.to_string()),
                wire_breaking: !p.is_true_flag(),
                rust_breaking: is_stored(member),
                note,
            },
        ));
    }
    for &(i, j) in &pairs {
        let (o, n) = (&old.params[i], &new.params[j]);
        let (old_rust, new_rust) = (describe(old_struct, &o.name), describe(new_struct, &n.name));
        let member_changed = old_rust != new_rust;
        let rust_note = || format!("Rust: {old_rust} -> {new_rust}");
        let (old_flag, new_flag) = (&o.flag, &n.flag);
        let mut recorded = false;
        if o.ty.to_string() != n.ty.to_string() {
            let wire = wire_key(&o.ty) != wire_key(&n.ty);
            changes.push((
                j,
                FieldChange {
                    field: n.name.to_string(),
                    what: ChangeKind::Retyped,
                    old: Some(o.to_string()),
                    new: Some(n.to_string()),
                    wire_breaking: wire,
                    rust_breaking: member_changed,
                    note: if wire {
                        rust_note()
                    } else {
                        format!("same bytes on the wire; {}", rust_note())
                    },
                },
            ));
            recorded = true;
        }
        let flag_change = match (old_flag, new_flag) {
            (None, Some(_)) => Some(ChangeKind::BecameOptional),
            (Some(_), None) => Some(ChangeKind::BecameRequired),
            (Some(a), Some(b)) if (&a.field, a.bit) != (&b.field, b.bit) => {
                Some(ChangeKind::FlagMoved)
            }
            _ => None,
        };
        if let Some(what) = flag_change {
            changes.push((
                j,
                FieldChange {
                    field: n.name.to_string(),
                    what,
                    old: Some(o.to_string()),
                    new: Some(n.to_string()),
                    wire_breaking: true,
                    rust_breaking: member_changed,
                    note: format!("{} -> {}; {}", flag_text(o), flag_text(n), rust_note()),
                },
            ));
            recorded = true;
        }
        if !recorded && member_changed {
            changes.push((
                j,
                FieldChange {
                    field: n.name.to_string(),
                    what: ChangeKind::RustShape,
                    old: Some(o.to_string()),
                    new: Some(n.to_string()),
                    wire_breaking: false,
                    rust_breaking: true,
                    note: format!("another field on its flag bit changed; {}", rust_note()),
                },
            ));
        }
    }
    // The order of the fields both versions have (renamed ones under their new name).
    let old_order: Vec<&str> = {
        let mut kept: Vec<(usize, usize)> = pairs.clone();
        kept.sort_by_key(|&(i, _)| i);
        kept.iter()
            .map(|&(_, j)| new.params[j].name.as_str())
            .collect()
    };
    let new_order: Vec<&str> = {
        let mut kept: Vec<(usize, usize)> = pairs.clone();
        kept.sort_by_key(|&(_, j)| j);
        kept.iter()
            .map(|&(_, j)| new.params[j].name.as_str())
            .collect()
    };
    if old_order != new_order {
        changes.push((
            usize::MAX,
            FieldChange {
                field: String::new(),
                what: ChangeKind::Reordered,
                old: Some(old_order.join(" ")),
                new: Some(new_order.join(" ")),
                wire_breaking: true,
                rust_breaking: false,
                note: "fields come in another order on the wire".to_owned(),
            },
        ));
    }
    changes.sort_by_key(|(position, _)| *position);
    changes.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last definition of a small schema, with the struct generated for it.
    fn def(text: &str) -> (Definition, StructDef) {
        let source = format!(
            "int ? = Int;\nstring ? = String;\nbytes = Bytes;\ntrue#3fedd339 = True;\nfoo#1 = Foo;\n{text}\n"
        );
        let (_, parsed) = tl_parser::parse_str("t.tl", &source);
        let def = parsed.schema.definitions().last().cloned().unwrap();
        let model = tl_codegen::Config::new().model(&parsed.schema).unwrap();
        let s = model.find_struct(&def.name.full).cloned().unwrap();
        (def, s)
    }

    fn kinds(old: &str, new: &str) -> Vec<(String, &'static str, bool, bool)> {
        let ((old, old_struct), (new, new_struct)) = (def(old), def(new));
        compare(&old, &new, Some(&old_struct), Some(&new_struct))
            .into_iter()
            .map(|c| (c.field, c.what.as_str(), c.wire_breaking, c.rust_breaking))
            .collect()
    }

    #[test]
    fn true_flags_are_wire_compatible_but_new_bools_break_struct_literals() {
        assert_eq!(
            kinds(
                "u#1 flags:# a:flags.0?true = U;",
                "u#1 flags:# a:flags.0?true b:flags.1?true = U;"
            ),
            vec![("b".to_owned(), "added", false, true)]
        );
    }

    #[test]
    fn a_true_flag_on_a_data_bit_is_a_method() {
        assert_eq!(
            kinds(
                "u#1 flags:# x:flags.0?int = U;",
                "u#1 flags:# b:flags.0?true x:flags.0?int = U;"
            ),
            vec![("b".to_owned(), "added", false, false)]
        );
    }

    #[test]
    fn data_on_a_true_bit_turns_the_bool_into_a_method() {
        assert_eq!(
            kinds(
                "u#1 flags:# b:flags.0?true = U;",
                "u#1 flags:# b:flags.0?true x:flags.0?int = U;"
            ),
            vec![
                ("b".to_owned(), "rust-shape", false, true),
                ("x".to_owned(), "added", true, true)
            ]
        );
    }

    #[test]
    fn retyping_string_to_bytes_keeps_the_bytes() {
        assert_eq!(
            kinds("u#1 s:string = U;", "u#1 s:bytes = U;"),
            vec![("s".to_owned(), "retyped", false, true)]
        );
        assert_eq!(
            kinds("u#1 s:Vector<int> = U;", "u#1 s:vector<int> = U;"),
            vec![("s".to_owned(), "retyped", true, false)]
        );
    }

    #[test]
    fn optionality_flag_moves_renames_and_order() {
        assert_eq!(
            kinds("u#1 flags:# a:int = U;", "u#1 flags:# a:flags.2?int = U;"),
            // `flags` was a plain u32 field, no flag referred to it; now it is a hidden flags word.
            vec![
                ("flags".to_owned(), "rust-shape", false, true),
                ("a".to_owned(), "optional", true, true)
            ]
        );
        assert_eq!(
            kinds(
                "u#1 flags:# a:flags.1?int = U;",
                "u#1 flags:# a:flags.2?int = U;"
            ),
            vec![("a".to_owned(), "flag-moved", true, false)]
        );
        assert_eq!(
            kinds("u#1 a:int b:long = U;", "u#1 a:int c:long = U;"),
            vec![("c".to_owned(), "renamed", false, true)]
        );
        assert_eq!(
            kinds("u#1 a:int b:long = U;", "u#1 b:long a:int = U;"),
            vec![(String::new(), "reordered", true, false)]
        );
    }
}
