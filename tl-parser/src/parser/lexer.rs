//! Tokens shared by the grammar rules: whitespace and comments, identifiers, numbers, spans.

use std::cell::RefCell;

use nom::error::{ErrorKind, ParseError};

use super::error::{PResult, SyntaxError};
use crate::ast::{FileId, Span, Symbol};
use crate::fast_hash::hash_bytes;

/// The names read so far, each stored once (see [`Symbol`]): an open-addressing table with linear
/// probing, keyed by the text, that only grows (it is never iterated, so its order is invisible).
#[derive(Debug, Default)]
pub(crate) struct Names {
    table: RefCell<NameTable>,
}

/// The slots of [`Names`]: a power-of-two number of them, at most half full.
#[derive(Debug, Default)]
struct NameTable {
    slots: Vec<Option<(u64, Symbol)>>,
    len: usize,
}

impl NameTable {
    /// The hash of a name; the slot index comes from its high bits.
    fn hash(text: &str) -> u64 {
        let h = hash_bytes(text.len() as u64, text.as_bytes());
        h ^ (h >> 31)
    }

    /// The first slot to probe for `hash`.
    fn home(&self, hash: u64) -> usize {
        // The table holds a power-of-two number of slots, so the mask keeps the index in range.
        (hash as usize) & (self.slots.len() - 1)
    }

    fn intern(&mut self, text: &str) -> Symbol {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = Self::hash(text);
        let mask = self.slots.len() - 1;
        let mut at = self.home(hash);
        loop {
            match &self.slots[at] {
                Some((h, symbol)) if *h == hash && symbol.as_str() == text => {
                    return symbol.clone();
                }
                Some(_) => at = (at + 1) & mask,
                None => break,
            }
        }
        let symbol = Symbol::from(text);
        self.slots[at] = Some((hash, symbol.clone()));
        self.len += 1;
        symbol
    }

    /// Doubles the slots (256 at first) and places every symbol again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(256);
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        let mask = size - 1;
        for (hash, symbol) in old.into_iter().flatten() {
            let mut at = self.home(hash);
            while self.slots[at].is_some() {
                at = (at + 1) & mask;
            }
            self.slots[at] = Some((hash, symbol));
        }
    }
}

impl Names {
    /// The symbol for `text`, shared with every earlier occurrence.
    pub(crate) fn intern(&self, text: &str) -> Symbol {
        self.table.borrow_mut().intern(text)
    }
}

/// What every rule needs to turn positions into spans and names into symbols: the file, the length
/// of its text and the table of names.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cx<'n> {
    /// The file being parsed.
    pub(super) file: FileId,
    /// Length of the whole text; an input slice `rest` starts at offset `total - rest.len()`.
    pub(super) total: usize,
    /// The names read so far.
    pub(super) names: &'n Names,
}

impl Cx<'_> {
    /// The shared symbol for `text`.
    #[inline]
    pub(super) fn name(&self, text: &str) -> Symbol {
        self.names.intern(text)
    }

    /// The byte offset where `rest` starts.
    #[inline]
    pub(super) fn offset(&self, rest: &str) -> usize {
        self.total - rest.len()
    }

    /// The span from where `start` begins to where `end` begins (both suffixes of the text).
    #[inline]
    pub(super) fn span(&self, start: &str, end: &str) -> Span {
        Span::new(self.file, self.offset(start), self.offset(end))
    }
}

/// True for a character that can continue an identifier.
pub(super) fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// True when `input` starts with an identifier character.
#[inline]
pub(super) fn starts_ident(input: &str) -> bool {
    input
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
}

/// True for an ASCII byte that `char::is_whitespace` accepts (vertical tab and form feed included).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `input` without leading whitespace (`str::trim_start`'s definition: Unicode whitespace), scanned
/// byte by byte for ASCII and decoded only at a non-ASCII byte.
pub(super) fn skip_space(input: &str) -> &str {
    let bytes = input.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if is_ascii_space(b) {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            // Rare: Unicode whitespace such as U+00A0; the standard library decides.
            return input[i..].trim_start();
        }
    }
    &input[i..]
}

/// Skips whitespace (line breaks included) and `//` comments; never fails. ASCII is scanned byte by
/// byte; at a non-ASCII byte the standard library decides what is whitespace.
#[inline]
pub(super) fn ws(input: &str) -> PResult<'_, ()> {
    let bytes = input.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if is_ascii_space(b) {
            i += 1;
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            // To the line break, which the next round skips.
            i = input[i..].find('\n').map_or(bytes.len(), |nl| i + nl);
        } else if b >= 0x80 {
            let rest = input[i..].trim_start();
            if rest.len() == bytes.len() - i {
                break;
            }
            i = bytes.len() - rest.len();
        } else {
            break;
        }
    }
    Ok((&input[i..], ()))
}

/// For each byte, whether it can continue an identifier (ASCII letters, digits, `_`).
const IDENT_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

/// The length of the identifier segment at the start of `bytes` (0 when none starts there).
#[inline]
fn ident_len(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(&b) if b.is_ascii_alphabetic() || b == b'_' => {
            let mut len = 1;
            while len < bytes.len() && IDENT_BYTE[usize::from(bytes[len])] {
                len += 1;
            }
            len
        }
        _ => 0,
    }
}

/// The error nom's own combinators give where a token was required: at `input`, without a message.
fn no_token(input: &str, kind: ErrorKind) -> nom::Err<SyntaxError> {
    nom::Err::Error(SyntaxError::from_error_kind(input, kind))
}

/// One identifier segment: a letter or `_`, then letters, digits and `_`.
#[inline]
pub(super) fn ident(input: &str) -> PResult<'_, &str> {
    match ident_len(input.as_bytes()) {
        0 => Err(no_token(input, ErrorKind::TakeWhile1)),
        len => Ok((&input[len..], &input[..len])),
    }
}

/// A possibly namespaced name: identifiers joined by `.` (`a.b.c.name`). A `.` not followed by an
/// identifier (as in `flags.0`) is left in the input.
#[inline]
pub(super) fn qualified_name(input: &str) -> PResult<'_, &str> {
    let bytes = input.as_bytes();
    let mut len = ident_len(bytes);
    if len == 0 {
        return Err(no_token(input, ErrorKind::TakeWhile1));
    }
    while bytes.get(len) == Some(&b'.') {
        let next = ident_len(&bytes[len + 1..]);
        if next == 0 {
            break;
        }
        len += 1 + next;
    }
    Ok((&input[len..], &input[..len]))
}

/// A decimal number, saturating at `u32::MAX` so that absurdly long digit strings cannot overflow.
pub(super) fn number(input: &str) -> PResult<'_, u32> {
    let bytes = input.as_bytes();
    let len = bytes
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(bytes.len());
    if len == 0 {
        return Err(no_token(input, ErrorKind::TakeWhile1));
    }
    let value = bytes[..len].iter().fold(0u32, |acc, d| {
        acc.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    });
    Ok((&input[len..], value))
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
        assert_eq!(ws(" \u{a0}\u{b}x").unwrap().0, "x");
        assert_eq!(skip_space("\u{2003} é"), "é");
        assert_eq!(ident("_a1.b").unwrap(), (".b", "_a1"));
        assert!(ident("1a").is_err());
        assert_eq!(qualified_name("a.b.").unwrap(), (".", "a.b"));
    }
}
