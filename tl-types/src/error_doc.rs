//! `ErrorDoc`: an RPC error as the documentation describes it (its name as written there, its code,
//! what it means), the item type of the `errors` module of code generated with documentation, and
//! how an [`RpcError`] a server sent finds its entry.

use crate::rpc_error::{RpcError, value_part};

/// An RPC error as the documentation describes it: the name as written there (`FLOOD_WAIT_%d`,
/// with `%d` where the server puts a number), the code and what the error means.
///
/// Code generated with documentation (`tl_codegen::Config::docs`, `tlgen generate --docs`) has
/// one constant of this type per documented error in its `errors` module, the table
/// `errors::ALL` (in name order) and `errors::lookup`, which finds the entry of an [`RpcError`]
/// through [`ErrorDoc::find`]. Function structs list the names they may fail with in
/// [`RemoteCall::POSSIBLE_ERRORS`](crate::RemoteCall::POSSIBLE_ERRORS).
///
/// ```
/// use tl_types::{ErrorDoc, RpcError};
///
/// static ALL: &[ErrorDoc] = &[
///     ErrorDoc::new("EMAIL_UNCONFIRMED", 400, "Email unconfirmed."),
///     ErrorDoc::new("EMAIL_UNCONFIRMED_%d", 400, "The code sent has %d digits."),
///     ErrorDoc::new("FLOOD_WAIT_%d", 420, "A wait of %d seconds is required."),
/// ];
/// let flood = RpcError::parse(420, "FLOOD_WAIT_42");
/// assert_eq!(ErrorDoc::find(ALL, &flood).map(|e| e.name), Some("FLOOD_WAIT_%d"));
/// // The same name with and without a number: whether the server sent one tells them apart.
/// let plain = RpcError::parse(400, "EMAIL_UNCONFIRMED");
/// let with_length = RpcError::parse(400, "EMAIL_UNCONFIRMED_6");
/// assert_eq!(ErrorDoc::find(ALL, &plain).map(|e| e.name), Some("EMAIL_UNCONFIRMED"));
/// assert_eq!(ErrorDoc::find(ALL, &with_length).map(|e| e.name), Some("EMAIL_UNCONFIRMED_%d"));
/// assert!(ErrorDoc::find(ALL, &RpcError::parse(400, "PEER_ID_INVALID")).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ErrorDoc {
    /// The name as the documentation writes it: `CHAT_ADMIN_REQUIRED`, or with `%d` where a
    /// number stands (`FLOOD_WAIT_%d`, `FILE_PART_%d_MISSING`).
    pub name: &'static str,
    /// The code the documentation gives it (400, 403, 420 …).
    pub code: i32,
    /// What it means, as plain text (the generated constant's rustdoc has it with its links).
    pub description: &'static str,
}

impl ErrorDoc {
    /// Where a number stands in a documented error name (`FLOOD_WAIT_%d`).
    pub const PLACEHOLDER: &str = "%d";

    /// An entry: the name as documented (`%d` for a number), the code, the description.
    pub const fn new(name: &'static str, code: i32, description: &'static str) -> ErrorDoc {
        ErrorDoc {
            name,
            code,
            description,
        }
    }

    /// Whether a number stands in the name (`FLOOD_WAIT_%d`).
    pub fn has_placeholder(&self) -> bool {
        self.name.contains(Self::PLACEHOLDER)
    }

    /// Whether `error` is this error: the documented name read by [`RpcError::parse`]'s rule, with
    /// `%d` standing for the number, gives the error's name, and a value where the rule takes
    /// one out (and none where it does not). So `FLOOD_WAIT_42` (`FLOOD_WAIT`, 42) is
    /// `FLOOD_WAIT_%d` and `FILE_PART_3_MISSING` is `FILE_PART_%d_MISSING`; `EMAIL_UNCONFIRMED`
    /// (no value) is `EMAIL_UNCONFIRMED` and `EMAIL_UNCONFIRMED_6` is `EMAIL_UNCONFIRMED_%d`; where
    /// the rule leaves the number in the name (`PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN`), the name
    /// matches `…_WAIT_%dMIN` with digits where `%d` stands. The code is not compared (see
    /// [`ErrorDoc::find`]).
    pub fn matches(&self, error: &RpcError) -> bool {
        let is_value = |part: &str| {
            part == Self::PLACEHOLDER
                || (part.bytes().all(|b| b.is_ascii_digit()) && part.parse::<u32>().is_ok())
        };
        match (value_part(self.name, is_value), error.value) {
            (None, None) => Self::name_matches(self.name, &error.name),
            (Some(split), Some(value)) => {
                let part = &self.name[split.part];
                let value_fits =
                    part == Self::PLACEHOLDER || part.parse::<u32>().is_ok_and(|v| v == value);
                let (before, after) = (
                    &self.name[..split.removed.start],
                    &self.name[split.removed.end..],
                );
                value_fits
                    && if before.contains(Self::PLACEHOLDER) || after.contains(Self::PLACEHOLDER) {
                        Self::name_matches(&format!("{before}{after}"), &error.name)
                    } else {
                        error.name.len() == before.len() + after.len()
                            && error.name.starts_with(before)
                            && error.name.ends_with(after)
                    }
            }
            _ => false,
        }
    }

    /// The entry of `table` that `error` is ([`ErrorDoc::matches`]). Where several match, a name
    /// without a placeholder (Telethon's `FILE_PART_0_MISSING` over `FILE_PART_%d_MISSING`) comes
    /// before a pattern, then an entry with the error's code, then the table's order. Generated
    /// code calls it as `errors::lookup`.
    pub fn find(table: &'static [ErrorDoc], error: &RpcError) -> Option<&'static ErrorDoc> {
        table
            .iter()
            .filter(|doc| doc.matches(error))
            .min_by_key(|doc| (doc.has_placeholder(), doc.code != error.code))
    }

    /// Whether `message`, an error name a server sent, is the documented name `pattern`: equal,
    /// with one or more ASCII digits where each [`ErrorDoc::PLACEHOLDER`] stands.
    ///
    /// ```
    /// use tl_types::ErrorDoc;
    ///
    /// assert!(ErrorDoc::name_matches("FLOOD_WAIT_%d", "FLOOD_WAIT_42"));
    /// assert!(!ErrorDoc::name_matches("FLOOD_WAIT_%d", "FLOOD_WAIT_"));
    /// assert!(ErrorDoc::name_matches("CHAT_ADMIN_REQUIRED", "CHAT_ADMIN_REQUIRED"));
    /// ```
    pub fn name_matches(pattern: &str, message: &str) -> bool {
        let mut pieces = pattern.split(Self::PLACEHOLDER);
        let Some(first) = pieces.next() else {
            return false;
        };
        let Some(mut rest) = message.strip_prefix(first) else {
            return false;
        };
        for piece in pieces {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                return false;
            }
            match rest[digits..].strip_prefix(piece) {
                Some(after) => rest = after,
                None => return false,
            }
        }
        rest.is_empty()
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: &[ErrorDoc] = &[
        ErrorDoc::new("2FA_CONFIRM_WAIT_%d", 420, ""),
        ErrorDoc::new("CHAT_ADMIN_REQUIRED", 400, ""),
        ErrorDoc::new("EMAIL_UNCONFIRMED", 400, ""),
        ErrorDoc::new("EMAIL_UNCONFIRMED_%d", 400, ""),
        ErrorDoc::new("FILE_PART_%d_MISSING", 400, ""),
        ErrorDoc::new("FILE_PART_0_MISSING", 400, ""),
        ErrorDoc::new("FILE_REFERENCE_%d_EXPIRED", 400, ""),
        ErrorDoc::new("FILE_REFERENCE_EXPIRED", 400, ""),
        ErrorDoc::new("FLOOD_WAIT_%d", 420, ""),
        ErrorDoc::new("PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN", 400, ""),
        ErrorDoc::new("Timeout", -503, ""),
    ];

    fn found(code: i32, message: &str) -> Option<&'static str> {
        ErrorDoc::find(TABLE, &RpcError::parse(code, message)).map(|e| e.name)
    }

    #[test]
    fn patterns_find_messages_with_numbers() {
        assert_eq!(found(420, "FLOOD_WAIT_42"), Some("FLOOD_WAIT_%d"));
        assert_eq!(found(420, "FLOOD_WAIT"), None);
        assert_eq!(
            found(400, "FILE_PART_3_MISSING"),
            Some("FILE_PART_%d_MISSING")
        );
        assert_eq!(
            found(420, "2FA_CONFIRM_WAIT_100"),
            Some("2FA_CONFIRM_WAIT_%d")
        );
        // The number glued to `MIN` stays in the name: matched with digits for `%d`.
        assert_eq!(
            found(400, "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN"),
            Some("PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN")
        );
        assert_eq!(found(400, "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_MIN"), None);
        assert_eq!(
            found(400, "CHAT_ADMIN_REQUIRED"),
            Some("CHAT_ADMIN_REQUIRED")
        );
        assert_eq!(found(-503, "Timeout"), Some("Timeout"));
        assert_eq!(found(400, "CHAT_ADMIN_REQUIRED_2"), None);
        assert_eq!(found(400, "UNKNOWN"), None);
    }

    #[test]
    fn plain_and_pattern_pairs_are_told_apart_by_the_value() {
        assert_eq!(found(400, "EMAIL_UNCONFIRMED"), Some("EMAIL_UNCONFIRMED"));
        assert_eq!(
            found(400, "EMAIL_UNCONFIRMED_6"),
            Some("EMAIL_UNCONFIRMED_%d")
        );
        assert_eq!(
            found(400, "FILE_REFERENCE_EXPIRED"),
            Some("FILE_REFERENCE_EXPIRED")
        );
        assert_eq!(
            found(400, "FILE_REFERENCE_2_EXPIRED"),
            Some("FILE_REFERENCE_%d_EXPIRED")
        );
        // A literal number (Telethon's list) is more particular than the pattern.
        assert_eq!(
            found(400, "FILE_PART_0_MISSING"),
            Some("FILE_PART_0_MISSING")
        );
        assert_eq!(
            found(400, "FILE_PART_7_MISSING"),
            Some("FILE_PART_%d_MISSING")
        );
    }

    #[test]
    fn a_literal_number_in_a_name_is_compared() {
        let doc = ErrorDoc::new("LAYER_7_ONLY_%d", 400, "");
        // The rule takes `7` out first; `%d` stays and matches digits.
        assert!(doc.matches(&RpcError::parse(400, "LAYER_7_ONLY_3")));
        assert!(!doc.matches(&RpcError::parse(400, "LAYER_8_ONLY_3")));
        assert!(!doc.matches(&RpcError::parse(400, "LAYER_7_ONLY_")));
    }

    #[test]
    fn the_error_code_picks_among_matches() {
        static TWO: &[ErrorDoc] = &[
            ErrorDoc::new("X_%d_Y", 400, "first"),
            ErrorDoc::new("X_Y_%d", 403, "second"),
        ];
        let find =
            |code| ErrorDoc::find(TWO, &RpcError::parse(code, "X_1_Y")).map(|e| e.description);
        assert_eq!(find(400), Some("first"));
        assert_eq!(find(403), Some("second"));
        assert_eq!(find(500), Some("first"));
    }
}
