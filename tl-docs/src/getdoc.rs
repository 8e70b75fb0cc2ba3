//! The file format of gotd's `getdoc` tool, the de facto machine-readable dump of core.telegram.org:
//! these structs read and write it member for member (JSON schema: `schema/docs/getdoc-schema.json`).
//!
//! Reading accepts members it does not know (a newer dump may add some); a malformed file is a
//! [`LoadError`] naming the file and the JSON path of the problem. Writing is deterministic: maps
//! in name order, members in getdoc's order, empty optional members left out, two-space indents.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::LoadError;

/// A whole dump: the index and every entry, by TL name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    /// The layer and the names of each category.
    pub index: Index,
    /// Constructors by name (`userProfilePhoto`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub constructors: BTreeMap<String, Constructor>,
    /// Boxed types by name (`messages.Chats`), built-in types included (`int`, `Vector t`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub types: BTreeMap<String, Type>,
    /// Methods (functions) by name (`langpack.getDifference`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub methods: BTreeMap<String, Method>,
    /// Every error some method documents, by name as written (`FLOOD_WAIT_%d`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Error>,
}

/// The dump's index: the layer it documents and the names of each category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// The layer the pages showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<u32>,
    /// One list of names per category (`constructor`, `type`, `method`).
    pub categories: Vec<Category>,
}

/// The names of one category of pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// `constructor`, `type` or `method`.
    pub name: String,
    /// The names, in the order of the site's schema page.
    pub values: Vec<String>,
}

/// A constructor's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constructor {
    /// The TL name.
    pub name: String,
    /// The description, one string per paragraph, links as footnotes (`pagination¹`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
    /// The URLs of the description's footnotes, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The parameters, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Field>,
}

/// A boxed type's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Type {
    /// The TL name.
    pub name: String,
    /// The description paragraphs (written even when empty, as getdoc does).
    #[serde(default)]
    pub description: Vec<String>,
    /// The URLs of the description's footnotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

/// A method's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Method {
    /// The TL name.
    pub name: String,
    /// The description paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
    /// The URLs of the description's footnotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The parameters, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parameters: BTreeMap<String, Field>,
    /// The possible errors, in the page's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Error>,
    /// The page says "Bots can use this method" (older dumps only: L121 has it, L223 does not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bot_can_use: bool,
}

/// A parameter of a constructor or method.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The parameter's name.
    pub name: String,
    /// Its description, links as footnotes.
    #[serde(default)]
    pub description: String,
    /// The URLs of the footnotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

/// An error a method may return.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Error {
    /// The error code (400, 403, 420 …).
    pub code: i32,
    /// The error's name, `%d` where a number stands (`FLOOD_WAIT_%d`).
    #[serde(rename = "type")]
    pub name: String,
    /// What it means (superscripts of links, without their URLs, may remain).
    #[serde(default)]
    pub description: String,
}

impl Doc {
    /// Reads a dump from `path`.
    pub fn load(path: &Path) -> Result<Doc, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
        Doc::from_json(&text, &path.display().to_string())
    }

    /// Reads a dump from JSON text; `name` names it in errors (a file name).
    pub fn from_json(text: &str, name: &str) -> Result<Doc, LoadError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let doc = serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let path = err.path().to_string();
            LoadError::Json {
                file: name.to_owned(),
                path,
                source: err.into_inner(),
            }
        })?;
        de.end().map_err(|source| LoadError::Json {
            file: name.to_owned(),
            path: ".".to_owned(),
            source,
        })?;
        Ok(doc)
    }

    /// The dump as JSON text (two-space indents, names in order, a final newline).
    pub fn to_json(&self) -> String {
        // A map of strings to plain structs always serializes.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The entries for the names `keep` says yes to (constructors, methods and types, each asked
    /// with its category), the errors those methods document, and an index listing what is left.
    /// `schema/importers.docs.json` is `subset` of the L223 dump for `schema/importers.tl`.
    pub fn subset(&self, mut keep: impl FnMut(Kind, &str) -> bool) -> Doc {
        let constructors: BTreeMap<String, Constructor> = self
            .constructors
            .iter()
            .filter(|(name, _)| keep(Kind::Constructor, name))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let methods: BTreeMap<String, Method> = self
            .methods
            .iter()
            .filter(|(name, _)| keep(Kind::Method, name))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let types: BTreeMap<String, Type> = self
            .types
            .iter()
            .filter(|(name, _)| keep(Kind::Type, name))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let used: BTreeSet<&str> = methods
            .values()
            .flat_map(|m| &m.errors)
            .map(|e| e.name.as_str())
            .collect();
        let errors = self
            .errors
            .iter()
            .filter(|(name, _)| used.contains(name.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let categories = self
            .index
            .categories
            .iter()
            .map(|category| {
                let values = category
                    .values
                    .iter()
                    .filter(|name| match category.name.as_str() {
                        "constructor" => constructors.contains_key(name.as_str()),
                        "method" => methods.contains_key(name.as_str()),
                        "type" => types.contains_key(name.as_str()),
                        _ => false,
                    })
                    .cloned()
                    .collect();
                Category {
                    name: category.name.clone(),
                    values,
                }
            })
            .collect();
        Doc {
            index: Index {
                layer: self.index.layer,
                categories,
            },
            constructors,
            types,
            methods,
            errors,
        }
    }
}

impl Doc {
    /// The TL name of the type entry `key`: getdoc writes the namespace of some types capitalized
    /// (`Account.Takeout`, from the site's page titles; 73 of the L223 dump's types), where TL
    /// schemas write it in lower case (`account.Takeout`). The key as it is when it has no
    /// namespace, a lower-case one, or the dump has the lower-case name as well.
    pub fn type_tl_name(&self, key: &str) -> String {
        let Some((namespace, rest)) = key.split_once('.') else {
            return key.to_owned();
        };
        let mut chars = namespace.chars();
        let Some(first) = chars.next().filter(char::is_ascii_uppercase) else {
            return key.to_owned();
        };
        let lowered = format!("{}{}.{rest}", first.to_ascii_lowercase(), chars.as_str());
        if self.types.contains_key(&lowered) {
            key.to_owned()
        } else {
            lowered
        }
    }
}

/// What a documentation entry describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A constructor (`/constructor/…`).
    Constructor,
    /// A boxed type (`/type/…`).
    Type,
    /// A method (`/method/…`).
    Method,
}

impl Kind {
    /// The category's name in the index and in page paths: `constructor`, `type`, `method`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Constructor => "constructor",
            Kind::Type => "type",
            Kind::Method => "method",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_members_are_accepted_and_errors_name_the_path() {
        let doc = Doc::from_json(
            r#"{"index": {"layer": 1, "categories": [], "extra": true},
                "methods": {"a.b": {"name": "a.b", "since": 7,
                    "errors": [{"code": 400, "type": "X_INVALID", "description": "d"}]}}}"#,
            "docs.json",
        )
        .unwrap();
        assert_eq!(doc.methods["a.b"].errors[0].name, "X_INVALID");

        let err = Doc::from_json(
            r#"{"index": {"categories": []},
                "methods": {"a.b": {"name": "a.b", "errors": [{"code": "400", "type": "X"}]}}}"#,
            "docs.json",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "docs.json: at methods.a.b.errors[0].code: invalid type: string \"400\", \
             expected i32 at line 2 column 76"
        );
        let err = Doc::from_json(r#"{"methods": {}}"#, "x.json").unwrap_err();
        assert!(err.to_string().contains("missing field `index`"), "{err}");
    }
}
