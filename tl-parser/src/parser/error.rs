//! The parser's error type: where parsing stopped and what was expected there.

use std::borrow::Cow;

use nom::error::{ContextError, ErrorKind, ParseError};

/// The result of one grammar rule.
pub(super) type PResult<'a, T> = nom::IResult<&'a str, T, SyntaxError>;

/// A syntax error. Positions are kept as the length of the input left at the error, which every
/// rule can compute from its own input; the driver turns it into a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SyntaxError {
    /// Bytes of input left where the error is (offset = text length - `remaining`).
    pub(super) remaining: usize,
    /// Length of the offending text, when the rule knows it better than "the next token".
    pub(super) len: Option<usize>,
    /// What was expected, as a sentence fragment ("expected `:` after the field name").
    pub(super) message: Option<Cow<'static, str>>,
    /// True when the statement looks complete up to a line break (a forgotten `;`): the driver then
    /// resumes on the next line instead of skipping to the next `;`.
    pub(super) resume_next_line: bool,
}

impl SyntaxError {
    /// An error at the start of `input` with a message.
    pub(super) fn at(input: &str, message: impl Into<Cow<'static, str>>) -> Self {
        SyntaxError {
            remaining: input.len(),
            len: None,
            message: Some(message.into()),
            resume_next_line: false,
        }
    }

    /// Marks the error as covering `len` bytes from its position.
    pub(super) fn with_len(mut self, len: usize) -> Self {
        self.len = Some(len);
        self
    }
}

impl ParseError<&str> for SyntaxError {
    fn from_error_kind(input: &str, _kind: ErrorKind) -> Self {
        SyntaxError {
            remaining: input.len(),
            len: None,
            message: None,
            resume_next_line: false,
        }
    }

    fn append(_input: &str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // Between two alternatives keep the one that got further.
        if self.remaining < other.remaining {
            self
        } else {
            other
        }
    }
}

impl ContextError<&str> for SyntaxError {
    fn add_context(_input: &str, ctx: &'static str, mut other: Self) -> Self {
        // The innermost context is the most precise one: keep it.
        if other.message.is_none() {
            other.message = Some(Cow::Borrowed(ctx));
        }
        other
    }
}

/// Fails without backtracking at the start of `input`.
pub(super) fn fail<T>(input: &str, message: impl Into<Cow<'static, str>>) -> PResult<'_, T> {
    Err(nom::Err::Failure(SyntaxError::at(input, message)))
}
