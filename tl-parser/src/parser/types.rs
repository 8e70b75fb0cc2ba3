//! Type expressions: `int`, `Vector<T>`, `vector<T>`, `(vector T)`, `%T`, `!X`, `#`, and result types.

use nom::Parser;
use nom::character::complete::char;
use nom::combinator::cut;
use nom::error::context;

use super::error::{PResult, fail};
use super::lexer::{Cx, qualified_name, starts_ident, ws};
use crate::ast::{ArgSyntax, TypeExpr};

/// How deeply type expressions may nest before the parser gives up (guards the stack).
pub(super) const MAX_DEPTH: u32 = 32;

/// A field type. `depth` counts the enclosing type applications.
pub(super) fn type_expr<'a>(cx: &Cx, depth: u32, input: &'a str) -> PResult<'a, TypeExpr> {
    if depth > MAX_DEPTH {
        return fail(
            input,
            format!("type expression nested more than {MAX_DEPTH} levels deep"),
        );
    }
    if let Some(rest) = input.strip_prefix('%') {
        let (rest, mut ty) = named_type(cx, depth, rest, "expected a type name after `%`")?;
        ty.percent = true;
        ty.span = cx.span(input, rest);
        return Ok((rest, ty));
    }
    if let Some(rest) = input.strip_prefix('!') {
        let (rest, name) = context(
            "expected a type parameter name after `!`",
            cut(qualified_name),
        )
        .parse(rest)?;
        let mut ty = simple(cx, name, input, rest);
        ty.bang = true;
        return Ok((rest, ty));
    }
    if let Some(rest) = input.strip_prefix('#') {
        return Ok((rest, simple(cx, "#", input, rest)));
    }
    if let Some(after_paren) = input.strip_prefix('(') {
        return paren(cx, depth, input, after_paren);
    }
    named_type(cx, depth, input, "expected a type")
}

/// A type without arguments spanning `start..end`.
fn simple(cx: &Cx, name: &str, start: &str, end: &str) -> TypeExpr {
    TypeExpr {
        name: cx.name(name),
        args: Vec::new(),
        percent: false,
        bang: false,
        syntax: ArgSyntax::None,
        span: cx.span(start, end),
    }
}

/// A name with optional `<…>` arguments.
fn named_type<'a>(
    cx: &Cx,
    depth: u32,
    input: &'a str,
    expected: &'static str,
) -> PResult<'a, TypeExpr> {
    let (rest, name) = context(expected, qualified_name).parse(input)?;
    named_type_rest(cx, depth, input, name, rest)
}

/// A name with optional `<…>` arguments, once the name (`name`, from `input` to `rest`) is read.
pub(super) fn named_type_rest<'a>(
    cx: &Cx,
    depth: u32,
    input: &'a str,
    name: &'a str,
    rest: &'a str,
) -> PResult<'a, TypeExpr> {
    if let Some(after_angle) = rest.strip_prefix('<') {
        let (rest, args) = angle_args(cx, depth, after_angle)?;
        let mut ty = simple(cx, name, input, rest);
        ty.args = args;
        ty.syntax = ArgSyntax::Angle;
        return Ok((rest, ty));
    }
    Ok((rest, simple(cx, name, input, rest)))
}

/// The comma-separated arguments after `<`, up to and including `>`.
fn angle_args<'a>(cx: &Cx, depth: u32, input: &'a str) -> PResult<'a, Vec<TypeExpr>> {
    let mut args = Vec::new();
    let (mut rest, _) = ws(input)?;
    loop {
        let (r, arg) = cut(|i| type_expr(cx, depth + 1, i)).parse(rest)?;
        args.push(arg);
        let (r, _) = ws(r)?;
        if let Some(r) = r.strip_prefix(',') {
            (rest, _) = ws(r)?;
            continue;
        }
        let (r, _) =
            context("expected `>` to close the type arguments", cut(char('>'))).parse(r)?;
        return Ok((r, args));
    }
}

/// TON's `(vector T)`: a name applied to space-separated arguments, in parentheses; `(T)` is `T`.
fn paren<'a>(cx: &Cx, depth: u32, start: &'a str, input: &'a str) -> PResult<'a, TypeExpr> {
    let (rest, _) = ws(input)?;
    let (rest, name) =
        context("expected a type name after `(`", cut(qualified_name)).parse(rest)?;
    let mut args = Vec::new();
    let (mut rest, _) = ws(rest)?;
    while !rest.starts_with(')') {
        if !(starts_ident(rest) || rest.starts_with(['(', '%', '!', '#'])) {
            return fail(rest, "expected `)` to close `(`");
        }
        let (r, arg) = type_expr(cx, depth + 1, rest)?;
        args.push(arg);
        (rest, _) = ws(r)?;
    }
    let rest = &rest[1..];
    let mut ty = simple(cx, name, start, rest);
    // `(tonNode.shardId)` only groups: it is the plain type.
    if !args.is_empty() {
        ty.args = args;
        ty.syntax = ArgSyntax::Paren;
    }
    Ok((rest, ty))
}

/// The result type after `=`: a name with `<…>` arguments or space-separated arguments
/// (`Vector t`). Returns the type and where its head ends, which is where a missing `;` belongs.
pub(super) fn result_type<'a>(cx: &Cx, input: &'a str) -> PResult<'a, (TypeExpr, &'a str)> {
    let (head_end, mut ty) =
        cut(|i| named_type(cx, 0, i, "expected the result type after `=`")).parse(input)?;
    if ty.syntax != ArgSyntax::None {
        return Ok((head_end, (ty, head_end)));
    }
    let mut rest = head_end;
    loop {
        let (r, _) = ws(rest)?;
        if !(starts_ident(r) || r.starts_with('(')) {
            break;
        }
        let (r, arg) = type_expr(cx, 1, r)?;
        ty.args.push(arg);
        rest = r;
    }
    if !ty.args.is_empty() {
        ty.syntax = ArgSyntax::Space;
        ty.span = cx.span(input, rest);
    }
    Ok((rest, (ty, head_end)))
}
