//! Tokens shared by the grammar rules: whitespace and comments, identifiers, numbers, spans.

use nom::Parser;
use nom::bytes::complete::{take_while, take_while1};
use nom::combinator::recognize;

use super::error::PResult;
use crate::ast::{FileId, Span};

/// What every rule needs to turn positions into spans: the file and the length of its text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cx {
    /// The file being parsed.
    pub(super) file: FileId,
    /// Length of the whole text; an input slice `rest` starts at offset `total - rest.len()`.
    pub(super) total: usize,
}

impl Cx {
    /// The byte offset where `rest` starts.
    pub(super) fn offset(&self, rest: &str) -> usize {
        self.total - rest.len()
    }

    /// The span from where `start` begins to where `end` begins (both suffixes of the text).
    pub(super) fn span(&self, start: &str, end: &str) -> Span {
        Span::new(self.file, self.offset(start), self.offset(end))
    }
}

/// True for a character that can start an identifier.
pub(super) fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

/// True for a character that can continue an identifier.
pub(super) fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// True when `input` starts with an identifier character.
pub(super) fn starts_ident(input: &str) -> bool {
    input.starts_with(is_ident_start)
}

/// Skips whitespace (line breaks included) and `//` comments; never fails.
pub(super) fn ws(mut input: &str) -> PResult<'_, ()> {
    loop {
        input = input.trim_start();
        if input.starts_with("//") {
            input = input.find('\n').map_or("", |nl| &input[nl..]);
        } else {
            return Ok((input, ()));
        }
    }
}

/// One identifier segment: a letter or `_`, then letters, digits and `_`.
pub(super) fn ident(input: &str) -> PResult<'_, &str> {
    recognize((take_while1(is_ident_start), take_while(is_ident_char))).parse(input)
}

/// A possibly namespaced name: identifiers joined by `.` (`a.b.c.name`). A `.` not followed by an
/// identifier (as in `flags.0`) is left in the input.
pub(super) fn qualified_name(input: &str) -> PResult<'_, &str> {
    let (mut rest, _) = ident(input)?;
    while let Some(after_dot) = rest.strip_prefix('.') {
        if !starts_ident(after_dot) {
            break;
        }
        (rest, _) = ident(after_dot)?;
    }
    let len = input.len() - rest.len();
    Ok((rest, &input[..len]))
}

/// A decimal number, saturating at `u32::MAX` so that absurdly long digit strings cannot overflow.
pub(super) fn number(input: &str) -> PResult<'_, u32> {
    let (rest, digits) = take_while1(|c: char| c.is_ascii_digit()).parse(input)?;
    let value = digits.bytes().fold(0u32, |acc, d| {
        acc.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    });
    Ok((rest, value))
}

/// The text of the token at the start of `input`, for "found `…`" labels: a run of identifier
/// characters or a single other character, at most 40 bytes; `None` at the end of the input.
pub(super) fn token_len(input: &str) -> Option<usize> {
    let first = input.chars().next()?;
    if first.is_whitespace() {
        return Some(0);
    }
    if is_ident_char(first) {
        let run = input
            .find(|c: char| !is_ident_char(c))
            .unwrap_or(input.len());
        return Some(run.min(40));
    }
    Some(first.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(
            qualified_name("a.b.c_d rest").unwrap(),
            (" rest", "a.b.c_d")
        );
        assert_eq!(qualified_name("flags.0?int").unwrap(), (".0?int", "flags"));
        assert!(qualified_name("0abc").is_err());
        assert_eq!(number("99999999999999999999x").unwrap(), ("x", u32::MAX));
        assert_eq!(ws("  // c\n // d\n x").unwrap().0, "x");
        assert_eq!(token_len("abc def"), Some(3));
        assert_eq!(token_len("é"), Some(2));
        assert_eq!(token_len(""), None);
    }
}
