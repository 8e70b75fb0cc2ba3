//! Error names as documentation writes them: `FLOOD_WAIT_%d`, a number where `%d` stands.

use std::fmt;

/// An RPC error's name as documentation writes it: either a plain name (`CHAT_ADMIN_REQUIRED`) or
/// a pattern with `%d` where the server puts a number (`FLOOD_WAIT_%d`, `FILE_PART_%d_MISSING`,
/// `PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN`). getdoc's spelling; Telethon's `_X` is read as `_%d`.
///
/// ```
/// use tl_docs::ErrorPattern;
///
/// let flood = ErrorPattern::new("FLOOD_WAIT_%d");
/// assert!(flood.matches("FLOOD_WAIT_42"));
/// assert!(!flood.matches("FLOOD_WAIT_"));
/// assert_eq!(flood.with_value(42), "FLOOD_WAIT_42");
/// assert_eq!(ErrorPattern::from_telethon("FILE_PART_X_MISSING").as_str(), "FILE_PART_%d_MISSING");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ErrorPattern(String);

/// Where a number stands in an [`ErrorPattern`] (the runtime's `ErrorDoc::PLACEHOLDER`).
pub const PLACEHOLDER: &str = tl_types::ErrorDoc::PLACEHOLDER;

impl ErrorPattern {
    /// A name in getdoc's spelling (`%d` for a number).
    pub fn new(name: impl Into<String>) -> ErrorPattern {
        ErrorPattern(name.into())
    }

    /// A name in Telethon's spelling, where `_X` marks a number (`FLOOD_WAIT_X`,
    /// `PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN`): Telethon's own rule, every `_X` is one.
    pub fn from_telethon(name: &str) -> ErrorPattern {
        ErrorPattern(name.replace("_X", "_%d"))
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a number stands somewhere in the name.
    pub fn has_placeholder(&self) -> bool {
        self.0.contains(PLACEHOLDER)
    }

    /// The `_`-separated part that holds the placeholder (`%d` in `FLOOD_WAIT_%d`, `%dMIN` in
    /// `…_WAIT_%dMIN`), if there is one.
    pub fn placeholder_part(&self) -> Option<&str> {
        self.0.split('_').find(|part| part.contains(PLACEHOLDER))
    }

    /// The name with `value` where each placeholder stands (`FLOOD_WAIT_42`): what a server
    /// sends.
    pub fn with_value(&self, value: u32) -> String {
        self.0.replace(PLACEHOLDER, &value.to_string())
    }

    /// Whether an error message the server sent has this name: equal, with one or more ASCII
    /// digits where each placeholder stands.
    pub fn matches(&self, message: &str) -> bool {
        tl_types::ErrorDoc::name_matches(&self.0, message)
    }
}

impl fmt::Display for ErrorPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ErrorPattern {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_messages() {
        let part = ErrorPattern::new("FILE_PART_%d_MISSING");
        assert!(part.matches("FILE_PART_3_MISSING"));
        assert!(!part.matches("FILE_PART_3_MISSING_"));
        assert!(!part.matches("FILE_PART_X_MISSING"));
        assert_eq!(part.placeholder_part(), Some("%d"));
        let min = ErrorPattern::from_telethon("PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN");
        assert_eq!(min.as_str(), "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN");
        assert!(min.matches("PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN"));
        assert_eq!(min.placeholder_part(), Some("%dMIN"));
        let plain = ErrorPattern::new("CHAT_ADMIN_REQUIRED");
        assert!(plain.matches("CHAT_ADMIN_REQUIRED"));
        assert!(!plain.has_placeholder());
        assert_eq!(plain.placeholder_part(), None);
        // Telethon's `X` glued to a word is no placeholder.
        assert_eq!(
            ErrorPattern::from_telethon("AUTH_TOKEN_INVALIDX").as_str(),
            "AUTH_TOKEN_INVALIDX"
        );
    }
}
