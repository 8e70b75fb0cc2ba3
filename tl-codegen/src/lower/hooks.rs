//! The user's hooks from `Config` (prost-build's names and matching rule): extra attributes on
//! items and fields, `#[non_exhaustive]` enums, fields forced onto the heap. Applied to the model
//! after every other decision, so that they can only add.

use proc_macro2::TokenStream;

use crate::model::{FieldKind, Model, TypeRef};

/// What `Config`'s hooks ask for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hooks {
    /// `(path, attribute)` for structs and enums.
    pub(crate) type_attributes: Vec<(String, String)>,
    /// `(path, attribute)` for fields.
    pub(crate) field_attributes: Vec<(String, String)>,
    /// Every enum `#[non_exhaustive]`.
    pub(crate) non_exhaustive: bool,
    /// Paths of fields to hold in a `Box`.
    pub(crate) boxed: Vec<String>,
}

/// Whether `pattern` matches the TL path `path` (`"user"`, `"messages.getChatInviteImporters"`,
/// or a field `"user.username"`): `"."` matches everything; otherwise the pattern is the path
/// itself or a leading part of it ending at a dot (a namespace, or a definition for its fields).
pub(crate) fn matches(pattern: &str, path: &str) -> bool {
    pattern == "."
        || path == pattern
        || path
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// `text` as outer attributes (`#[derive(Eq)] #[serde(default)]`), or `None` when it is not.
pub(crate) fn parse_attributes(text: &str) -> Option<TokenStream> {
    let attributes = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, text).ok()?;
    if attributes.is_empty() {
        return None;
    }
    Some(
        attributes
            .iter()
            .map(quote::ToTokens::to_token_stream)
            .collect(),
    )
}

fn attributes_for(list: &[(String, String)], path: &str) -> Vec<String> {
    list.iter()
        .filter(|(pattern, _)| matches(pattern, path))
        .map(|(_, attribute)| attribute.clone())
        .collect()
}

/// Applies the hooks to the model; `Err` names a `boxed` path that matched no field it can box.
pub(crate) fn apply(model: &mut Model, hooks: &Hooks) -> Result<(), String> {
    let mut boxed_used = vec![false; hooks.boxed.len()];
    for s in model.types.iter_mut().chain(model.functions.iter_mut()) {
        s.attributes = attributes_for(&hooks.type_attributes, &s.tl_name);
        for field in &mut s.fields {
            let path = format!("{}.{}", s.tl_name, field.tl_name);
            field.attributes = attributes_for(&hooks.field_attributes, &path);
            let ty = match &mut field.kind {
                FieldKind::Required(ty) | FieldKind::Optional(ty, _) | FieldKind::Nullable(ty) => {
                    Some(ty)
                }
                FieldKind::Flag(_) | FieldKind::Group { .. } => None,
            };
            if let Some(ty) = ty {
                force_heap(ty, &path, &hooks.boxed, &mut boxed_used);
            }
        }
        for group in &mut s.groups {
            for member in &mut group.members {
                let path = format!("{}.{}", s.tl_name, member.tl_name);
                member.attributes = attributes_for(&hooks.field_attributes, &path);
                force_heap(&mut member.ty, &path, &hooks.boxed, &mut boxed_used);
            }
        }
    }
    for e in &mut model.enums {
        e.attributes = attributes_for(&hooks.type_attributes, &e.tl_name);
        e.non_exhaustive = hooks.non_exhaustive;
    }
    match hooks
        .boxed
        .iter()
        .zip(&boxed_used)
        .find(|(_, used)| !**used)
    {
        Some((path, _)) => Err(path.clone()),
        None => Ok(()),
    }
}

/// Puts `ty` on the heap when a `boxed` pattern matches the field's path and it holds a boxed type
/// or a bare constructor, recording which patterns were used.
fn force_heap(ty: &mut TypeRef, path: &str, patterns: &[String], used: &mut [bool]) {
    let (TypeRef::Enum { heap, .. } | TypeRef::Bare { heap, .. }) = ty else {
        return;
    };
    for (pattern, used) in patterns.iter().zip(used.iter_mut()) {
        if matches(pattern, path) {
            *heap = true;
            *used = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_as_prost_build_matches_them() {
        assert!(matches(".", "user.username"));
        assert!(matches("user", "user"));
        assert!(matches("user", "user.username"));
        assert!(matches("user.username", "user.username"));
        assert!(matches("messages", "messages.getChatInviteImporters"));
        assert!(matches("messages", "messages.chatInviteImporters.count"));
        assert!(!matches("user", "userEmpty"));
        assert!(!matches("user", "userEmpty.id"));
        assert!(!matches("messages.get", "messages.getChatInviteImporters"));
        assert!(!matches("user.username", "user"));
    }

    #[test]
    fn attributes_parse_or_are_refused() {
        assert!(parse_attributes("#[derive(Eq)]").is_some());
        assert!(parse_attributes("#[derive(Eq)] #[doc = \"x\"]").is_some());
        assert!(parse_attributes("derive(Eq)").is_none());
        assert!(parse_attributes("").is_none());
        assert!(parse_attributes("#[derive(Eq)").is_none());
    }
}
