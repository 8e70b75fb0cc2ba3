//! Field-by-field comparison of two versions of one definition.

use tl_parser::Definition;
use tl_parser::ast::{ArgSyntax, Param, TypeExpr};

use super::rust::{self, Member};
use super::{ChangeKind, FieldChange};

/// A type expression written the usual way: `Vector<User>`, `%Message`, `!X` (TON's `(vector X)`
/// becomes `vector<X>`, so spelling alone is never reported as a change).
pub(crate) fn type_text(ty: &TypeExpr) -> String {
    let mut out = String::new();
    if ty.percent {
        out.push('%');
    }
    if ty.bang {
        out.push('!');
    }
    out.push_str(&ty.name);
    if !ty.args.is_empty() {
        let args: Vec<String> = ty.args.iter().map(type_text).collect();
        match ty.syntax {
            ArgSyntax::Space if ty.args.len() == 1 => {
                out.push(' ');
                out.push_str(&args.join(" "));
            }
            _ => {
                out.push('<');
                out.push_str(&args.join(", "));
                out.push('>');
            }
        }
    }
    out
}

/// The bytes a type puts on the wire, as text: `bytes` and `string` are encoded alike, and so are
/// `#` and `int`.
fn wire_type(ty: &TypeExpr) -> String {
    let mut out = match ty.name.as_str() {
        "bytes" => "string".to_owned(),
        "#" => "int".to_owned(),
        name => name.to_owned(),
    };
    if ty.percent || ty.bang {
        out.insert(0, if ty.percent { '%' } else { '!' });
    }
    for arg in &ty.args {
        out.push(' ');
        out.push_str(&wire_type(arg));
    }
    out
}

/// A field as written: `name:flags.3?Type`.
pub(crate) fn param_text(param: &Param) -> String {
    match &param.flag {
        Some(flag) => format!(
            "{}:{}.{}?{}",
            param.name,
            flag.field,
            flag.bit,
            type_text(&param.ty)
        ),
        None => format!("{}:{}", param.name, type_text(&param.ty)),
    }
}

fn flag_text(param: &Param) -> String {
    param
        .flag
        .as_ref()
        .map_or_else(|| "always".to_owned(), |f| format!("{}.{}", f.field, f.bit))
}

/// Every change between the fields of `old` and `new`, in the new definition's field order
/// (removed fields at their old position).
pub(crate) fn compare(old: &Definition, new: &Definition) -> Vec<FieldChange> {
    let old_members = rust::members(old);
    let new_members = rust::members(new);
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
                && type_text(&old.params[i].ty) == type_text(&new.params[*j].ty)
                && flag_text(&old.params[i]) == flag_text(&new.params[*j])
        };
        match only_new.iter().position(same) {
            Some(k) => {
                let j = only_new.remove(k);
                let (o, n) = (&old.params[i], &new.params[j]);
                let old_member = old_members.get(o.name.as_str());
                changes.push((
                    j,
                    FieldChange {
                        field: n.name.to_string(),
                        what: ChangeKind::Renamed,
                        old: Some(param_text(o)),
                        new: Some(param_text(n)),
                        wire_breaking: false,
                        rust_breaking: old_member.is_some_and(Member::is_visible),
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
        let member = old_members
            .get(p.name.as_str())
            .cloned()
            .unwrap_or(Member::Hidden);
        changes.push((
            i,
            FieldChange {
                field: p.name.to_string(),
                what: ChangeKind::Removed,
                old: Some(param_text(p)),
                new: None,
                wire_breaking: !p.is_true_flag(),
                rust_breaking: member.is_visible(),
                note: match member {
                    Member::Hidden => "flags word removed".to_owned(),
                    Member::Method => "method removed".to_owned(),
                    _ => "field removed".to_owned(),
                },
            },
        ));
    }
    for &j in &only_new {
        let p = &new.params[j];
        let member = new_members
            .get(p.name.as_str())
            .cloned()
            .unwrap_or(Member::Hidden);
        let note = match &member {
            Member::Hidden => "new flags word (not stored)".to_owned(),
            Member::Method => "new method (shares its flag bit with a stored field)".to_owned(),
            Member::Field(_) if p.is_true_flag() => {
                "new flag (a bool field): struct literals must set it (no Default)".to_owned()
            }
            Member::Field(ty) if p.flag.is_some() => {
                format!("new optional field ({ty}): struct literals must set it (no Default)")
            }
            Member::Field(ty) => format!("new required field ({ty}): struct literals must set it"),
            Member::Grouped { group, .. } => {
                format!("joins the group stored in `{group}`: its type changes")
            }
        };
        changes.push((
            j,
            FieldChange {
                field: p.name.to_string(),
                what: ChangeKind::Added,
                old: None,
                new: Some(param_text(p)),
                wire_breaking: !p.is_true_flag(),
                rust_breaking: member.is_stored(),
                note,
            },
        ));
    }
    for &(i, j) in &pairs {
        let (o, n) = (&old.params[i], &new.params[j]);
        let member_changed = old_members.get(o.name.as_str()) != new_members.get(n.name.as_str());
        let rust_note = || {
            let describe = |m: Option<&Member>| m.map_or_else(|| "-".to_owned(), Member::describe);
            format!(
                "Rust: {} -> {}",
                describe(old_members.get(o.name.as_str())),
                describe(new_members.get(n.name.as_str()))
            )
        };
        let (old_flag, new_flag) = (&o.flag, &n.flag);
        let mut recorded = false;
        if type_text(&o.ty) != type_text(&n.ty) {
            let wire = wire_type(&o.ty) != wire_type(&n.ty);
            changes.push((
                j,
                FieldChange {
                    field: n.name.to_string(),
                    what: ChangeKind::Retyped,
                    old: Some(param_text(o)),
                    new: Some(param_text(n)),
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
                    old: Some(param_text(o)),
                    new: Some(param_text(n)),
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
                    old: Some(param_text(o)),
                    new: Some(param_text(n)),
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

    fn def(text: &str) -> Definition {
        let source = format!(
            "int ? = Int;\nstring ? = String;\nbytes = Bytes;\ntrue#3fedd339 = True;\nfoo#1 = Foo;\n{text}\n"
        );
        let (_, parsed) = tl_parser::parse_str("t.tl", &source);
        parsed
            .schema
            .definitions()
            .last()
            .cloned()
            .unwrap_or_else(|| unreachable!())
    }

    fn kinds(old: &str, new: &str) -> Vec<(String, &'static str, bool, bool)> {
        compare(&def(old), &def(new))
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
