//! Section markers: `---types---` and `---functions---` (spaces inside the dashes are accepted, as in
//! TDLib's e2e_api.tl `--- functions ---`).

use nom::Parser;
use nom::bytes::complete::{tag, take_while};
use nom::combinator::cut;
use nom::error::context;

use super::error::{PResult, SyntaxError};
use super::lexer::ident;
use crate::ast::Category;

/// Parses a marker line starting with `---`; the output is the section it opens. Nothing but a
/// comment may follow on the line; the caller skips the rest of the line.
pub(super) fn section(input: &str) -> PResult<'_, Category> {
    let blank = |c: char| c == ' ' || c == '\t';
    let (rest, _) = tag("---").parse(input)?;
    let (rest, _) = take_while(blank).parse(rest)?;
    let (rest, name) =
        context("expected `types` or `functions` after `---`", cut(ident)).parse(rest)?;
    let (rest, _) = take_while(blank).parse(rest)?;
    let (rest, _) = context(
        "expected `---` to close the section marker",
        cut(tag("---")),
    )
    .parse(rest)?;
    let (after, _) = take_while(blank).parse(rest)?;
    if !(after.is_empty() || after.starts_with(['\n', '\r']) || after.starts_with("//")) {
        let message = "expected the end of the line after the section marker";
        return Err(nom::Err::Failure(SyntaxError::at(after, message)));
    }
    match name {
        "types" => Ok((rest, Category::Type)),
        "functions" => Ok((rest, Category::Function)),
        other => {
            let message = format!(
                "unknown section `---{other}---`: expected `---types---` or `---functions---`"
            );
            let len = input.len() - rest.len();
            Err(nom::Err::Failure(
                SyntaxError::at(input, message).with_len(len),
            ))
        }
    }
}
