//! Rust identifiers from TL names: case conversion through heck, keywords made raw (`r#type`), and the
//! names that cannot be raw (`self`, `Self`, `super`, `crate`) given a trailing underscore.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Keywords that a raw identifier (`r#name`) makes usable, strict and reserved, all editions.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A Rust identifier decided from a TL name, as written in source (`r#type` when raw, `self_`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RustIdent(String);

impl RustIdent {
    /// Makes `name` usable as an identifier, keeping its case: keywords become raw, `self`-like names
    /// get a trailing underscore, a leading digit gets an underscore before it, other characters that
    /// cannot appear in identifiers become underscores.
    pub(crate) fn sanitize(name: &str) -> Self {
        let mut text: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if text.is_empty() || text.starts_with(|c: char| c.is_ascii_digit()) {
            text.insert(0, '_');
        }
        if NON_RAW_KEYWORDS.contains(&text.as_str()) {
            text.push('_');
        } else if RAW_KEYWORDS.contains(&text.as_str()) {
            text.insert_str(0, "r#");
        }
        RustIdent(text)
    }

    /// A field or module name: snake case (kept as written when already snake case).
    pub(crate) fn snake(name: &str) -> Self {
        if name.chars().any(|c| c.is_ascii_uppercase()) {
            Self::sanitize(&name.to_snake_case())
        } else {
            Self::sanitize(name)
        }
    }

    /// A type or variant name: upper camel case (`chatInviteImporter` -> `ChatInviteImporter`).
    pub(crate) fn camel(name: &str) -> Self {
        Self::sanitize(&name.to_upper_camel_case())
    }

    /// The identifier as written in source (`r#type`, `self_`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The identifier without `r#`, for names derived from it.
    pub fn unraw(&self) -> &str {
        self.0.strip_prefix("r#").unwrap_or(&self.0)
    }

    /// A token for quote.
    pub(crate) fn to_ident(&self) -> Ident {
        match self.0.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, Span::call_site()),
            None => Ident::new(&self.0, Span::call_site()),
        }
    }
}

impl std::fmt::Display for RustIdent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::RustIdent;

    #[test]
    fn keywords_become_raw() {
        for kw in [
            "type", "final", "static", "loop", "async", "match", "fn", "priv", "pub", "override",
            "gen",
        ] {
            assert_eq!(RustIdent::snake(kw).as_str(), format!("r#{kw}"));
        }
    }

    #[test]
    fn non_raw_keywords_get_an_underscore() {
        assert_eq!(RustIdent::snake("self").as_str(), "self_");
        assert_eq!(RustIdent::sanitize("Self").as_str(), "Self_");
        assert_eq!(RustIdent::snake("super").as_str(), "super_");
        assert_eq!(RustIdent::snake("crate").as_str(), "crate_");
    }

    #[test]
    fn cases() {
        assert_eq!(
            RustIdent::camel("chatInviteImporter").as_str(),
            "ChatInviteImporter"
        );
        assert_eq!(RustIdent::camel("P_Q_inner_data").as_str(), "PQInnerData");
        assert_eq!(RustIdent::camel("true").as_str(), "True");
        assert_eq!(RustIdent::snake("offset_date").as_str(), "offset_date");
        assert_eq!(RustIdent::snake("blockIdExt").as_str(), "block_id_ext");
        assert_eq!(RustIdent::snake("2fa").as_str(), "_2fa");
        assert_eq!(RustIdent::snake("").as_str(), "__");
    }

    #[test]
    fn tokens() {
        assert_eq!(RustIdent::snake("type").to_ident().to_string(), "r#type");
        assert_eq!(RustIdent::snake("type").unraw(), "type");
    }
}
