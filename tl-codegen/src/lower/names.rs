//! Rust names, decided once: the module path of every struct and enum, and enum variant names.
//! Names that would collide inside one module get a numeric suffix, in a deterministic order.

use std::collections::{BTreeMap, BTreeSet};

use crate::ident::RustIdent;
use crate::model::{ItemPath, Root};

/// The path of the item for the TL name `ns1.ns2.localName` under `root`, before de-duplication.
pub(crate) fn item_path(root: Root, tl_name: &str) -> ItemPath {
    let mut parts: Vec<&str> = tl_name.split('.').collect();
    let local = parts.pop().unwrap_or(tl_name);
    ItemPath {
        root,
        modules: parts.into_iter().map(RustIdent::snake).collect(),
        name: RustIdent::camel(local),
    }
}

/// Assigns paths to TL names (given in a deterministic order), suffixing the name with 2, 3, … where
/// two TL names would give the same path, or where an item would share its name with a module.
pub(crate) fn assign_paths<'a>(
    root: Root,
    tl_names: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<&'a str, ItemPath> {
    let names: Vec<&str> = tl_names.into_iter().collect();
    let mut taken: BTreeSet<(Vec<RustIdent>, String)> = BTreeSet::new();
    // Module names are taken too: `types::foo` (a module) and `types::Foo` differ in case, but a
    // namespace `Foo.bar` would give module `foo`, so only exact clashes need care.
    for name in &names {
        let path = item_path(root, name);
        for depth in 0..path.modules.len() {
            let parent = path.modules[..depth].to_vec();
            taken.insert((parent, path.modules[depth].unraw().to_owned()));
        }
    }
    let mut out = BTreeMap::new();
    for name in names {
        let mut path = item_path(root, name);
        let base = path.name.unraw().to_owned();
        let mut n = 1;
        while !taken.insert((path.modules.clone(), path.name.unraw().to_owned())) {
            n += 1;
            path.name = RustIdent::sanitize(&format!("{base}{n}"));
        }
        out.insert(name, path);
    }
    out
}

/// Variant names for the constructors of the boxed type `type_name`: the constructor's name in
/// upper camel case with the type's name stripped from its front where that leaves a valid,
/// distinct name (`inputPeerUser` in `InputPeer` gives `User`; `inputPeerSelf` keeps
/// `InputPeerSelf`, since `Self` is reserved).
pub(crate) fn variant_names(type_name: &str, ctor_names: &[&str]) -> Vec<RustIdent> {
    let type_local = RustIdent::camel(type_name.rsplit('.').next().unwrap_or(type_name));
    let full: Vec<RustIdent> = ctor_names
        .iter()
        .map(|c| RustIdent::camel(c.rsplit('.').next().unwrap_or(c)))
        .collect();
    let stripped: Vec<RustIdent> = full
        .iter()
        .map(|f| match f.unraw().strip_prefix(type_local.unraw()) {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) => {
                let ident = RustIdent::camel(rest);
                if ident.unraw() == rest {
                    ident
                } else {
                    f.clone()
                }
            }
            _ => f.clone(),
        })
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(stripped.len());
    for (i, candidate) in stripped.iter().enumerate() {
        let ambiguous = stripped.iter().filter(|s| *s == candidate).count() > 1
            || full
                .iter()
                .enumerate()
                .any(|(j, f)| j != i && f == candidate);
        let mut name = if ambiguous {
            full[i].clone()
        } else {
            candidate.clone()
        };
        let base = name.unraw().to_owned();
        let mut n = 1;
        while !seen.insert(name.clone()) {
            n += 1;
            name = RustIdent::sanitize(&format!("{base}{n}"));
        }
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_strip_the_type_name() {
        let names = variant_names(
            "InputPeer",
            &[
                "inputPeerEmpty",
                "inputPeerSelf",
                "inputPeerUser",
                "inputPeerUserFromMessage",
            ],
        );
        let names: Vec<&str> = names.iter().map(RustIdent::as_str).collect();
        assert_eq!(names, ["Empty", "InputPeerSelf", "User", "UserFromMessage"]);
    }

    #[test]
    fn variant_equal_to_type_keeps_its_name() {
        let names = variant_names("User", &["userEmpty", "user"]);
        let names: Vec<&str> = names.iter().map(RustIdent::as_str).collect();
        assert_eq!(names, ["Empty", "User"]);
    }

    #[test]
    fn namespaced_types() {
        let names = variant_names(
            "messages.ChatInviteImporters",
            &["messages.chatInviteImporters"],
        );
        assert_eq!(names[0].as_str(), "ChatInviteImporters");
    }

    #[test]
    fn stripped_name_clashing_with_another_constructor() {
        // `userStatusEmpty` stripped gives `Empty`, which is also the full name of `empty`.
        let names = variant_names("UserStatus", &["userStatusEmpty", "empty"]);
        let names: Vec<&str> = names.iter().map(RustIdent::as_str).collect();
        assert_eq!(names, ["UserStatusEmpty", "Empty"]);
    }

    #[test]
    fn paths_are_deduplicated() {
        let paths = assign_paths(Root::Types, ["fooBar", "foo_bar", "a.b.c"]);
        assert_eq!(paths["fooBar"].name.as_str(), "FooBar");
        assert_eq!(paths["foo_bar"].name.as_str(), "FooBar2");
        assert_eq!(paths["a.b.c"].modules.len(), 2);
    }
}
