//! The Rust side of a definition, as far as a diff needs it: which public member each TL field
//! becomes in the generated struct, and its Rust type. These rules restate the mapping documented in
//! the README (and implemented by tl-codegen's `lower::fields`): flags words are not stored; fields
//! that share a flag bit are tied together; `?true` fields become `bool`s or methods.

use std::collections::BTreeMap;

use tl_parser::Definition;
use tl_parser::ast::TypeExpr;

/// What a TL field is in the generated Rust API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Member {
    /// Not visible: a flags word, computed when writing.
    Hidden,
    /// A public field of this Rust type.
    Field(String),
    /// A method returning `bool` (a `?true` field tied to another field on its bit).
    Method,
    /// A member of the group struct stored in the field `group` (several data fields on one bit).
    Grouped {
        /// The stored field holding the group.
        group: String,
        /// The member's Rust type.
        ty: String,
    },
}

impl Member {
    /// True when code using the generated struct can see this member (a field or a method).
    pub(crate) fn is_visible(&self) -> bool {
        !matches!(self, Member::Hidden)
    }

    /// True for something a struct literal must set.
    pub(crate) fn is_stored(&self) -> bool {
        matches!(self, Member::Field(_) | Member::Grouped { .. })
    }

    /// A short description for messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Member::Hidden => "not stored (flags word)".to_owned(),
            Member::Field(ty) => format!("field: {ty}"),
            Member::Method => "method: bool".to_owned(),
            Member::Grouped { group, ty } => format!("member of group `{group}`: {ty}"),
        }
    }
}

/// Every TL field of `def` with what it becomes in Rust.
pub(crate) fn members(def: &Definition) -> BTreeMap<String, Member> {
    let params = &def.params;
    let is_word = |name: &str| {
        params
            .iter()
            .any(|p| p.flag.as_ref().is_some_and(|f| f.field == name))
    };
    let mut out = BTreeMap::new();
    let mut by_bit: BTreeMap<(&str, u32), Vec<usize>> = BTreeMap::new();
    for (i, param) in params.iter().enumerate() {
        match &param.flag {
            Some(flag) => by_bit.entry((&flag.field, flag.bit)).or_default().push(i),
            None if param.ty.is_nat() && is_word(&param.name) => {
                out.insert(param.name.to_string(), Member::Hidden);
            }
            None => {
                out.insert(param.name.to_string(), Member::Field(rust_type(&param.ty)));
            }
        }
    }
    for indices in by_bit.values() {
        let (trues, data): (Vec<usize>, Vec<usize>) =
            indices.iter().partition(|&&i| params[i].is_true_flag());
        match data.as_slice() {
            [] => {
                for (n, &t) in trues.iter().enumerate() {
                    let member = if n == 0 {
                        Member::Field("bool".to_owned())
                    } else {
                        Member::Method
                    };
                    out.insert(params[t].name.to_string(), member);
                }
            }
            [only] => {
                let ty = format!("Option<{}>", rust_type(&params[*only].ty));
                out.insert(params[*only].name.to_string(), Member::Field(ty));
                for &t in &trues {
                    out.insert(params[t].name.to_string(), Member::Method);
                }
            }
            _ => {
                let namer = trues.first().copied().unwrap_or(data[0]);
                let group = params[namer].name.to_string();
                let list: Vec<String> = data
                    .iter()
                    .map(|&d| format!("{}: {}", params[d].name, rust_type(&params[d].ty)))
                    .collect();
                out.insert(
                    group.clone(),
                    Member::Field(format!("Option<{{ {} }}>", list.join(", "))),
                );
                for &d in &data {
                    if d != namer {
                        let ty = rust_type(&params[d].ty);
                        out.insert(
                            params[d].name.to_string(),
                            Member::Grouped {
                                group: group.to_string(),
                                ty,
                            },
                        );
                    }
                }
                for &t in &trues {
                    if t != namer {
                        out.insert(params[t].name.to_string(), Member::Method);
                    }
                }
            }
        }
    }
    out
}

/// The Rust type a TL type expression maps to (README's table), written as a path.
pub(crate) fn rust_type(ty: &TypeExpr) -> String {
    let arg = |n: usize| ty.args.get(n).map_or_else(|| "_".to_owned(), rust_type);
    match ty.name.as_str() {
        "int" | "int32" => "i32".to_owned(),
        "long" | "int53" | "int64" => "i64".to_owned(),
        "double" => "f64".to_owned(),
        "int128" => "[u8; 16]".to_owned(),
        "int256" => "[u8; 32]".to_owned(),
        "string" => "String".to_owned(),
        "bytes" => "Vec<u8>".to_owned(),
        "Bool" => "bool".to_owned(),
        "#" => "u32".to_owned(),
        "true" => "bool".to_owned(),
        "Vector" | "vector" => format!("Vec<{}>", arg(0)),
        name if ty.bang => name.to_owned(),
        name if ty.percent || ty.is_bare() => format!("types::{name}"),
        name => format!("enums::{name}"),
    }
}
