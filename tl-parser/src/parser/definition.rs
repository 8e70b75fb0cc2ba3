//! One `;`-terminated definition: name, `#id`, type parameters, fields or a built-in body, result.

use nom::Parser;
use nom::bytes::complete::take_while;
use nom::character::complete::char;
use nom::combinator::cut;
use nom::error::context;

use super::error::{PResult, SyntaxError, fail};
use super::lexer::{Cx, ident, is_ident_char, number, qualified_name, starts_ident, ws};
use super::types::{named_type_rest, result_type, type_expr};
use crate::ast::{BuiltinBody, Category, Definition, Docs, FlagRef, Name, Param, TypeParam};

/// Parses a definition starting at `input` (which must not start with whitespace).
pub(super) fn definition<'a>(
    cx: &Cx,
    category: Category,
    input: &'a str,
) -> PResult<'a, Definition> {
    let (rest, full) = context("expected a definition name", qualified_name).parse(input)?;
    let name = Name {
        full: cx.name(full),
        span: cx.span(input, rest),
    };
    let (rest, declared_id, declared_id_span) = match rest.strip_prefix('#') {
        Some(digits) => {
            let (after, id) = hex_id(rest, digits)?;
            (after, Some(id), Some(cx.span(rest, after)))
        }
        None => (rest, None, None),
    };
    if rest.starts_with('.') {
        return fail(rest, "expected a name after `.`");
    }
    let (mut rest, _) = ws(rest)?;
    let mut type_params = Vec::new();
    while rest.starts_with('{') {
        let (r, tp) = type_param(cx, rest)?;
        type_params.push(tp);
        (rest, _) = ws(r)?;
    }
    let (rest, (params, builtin)) = body(cx, rest)?;
    let (rest, _) = context("expected `=` before the result type", cut(char('='))).parse(rest)?;
    let (rest, _) = ws(rest)?;
    let (rest, (result, head_end)) = result_type(cx, rest)?;
    let (after_ws, _) = ws(rest)?;
    let Some(end) = after_ws.strip_prefix(';') else {
        let mut err = SyntaxError::at(head_end, "expected `;` after the result type").with_len(0);
        // A forgotten `;` before a line break: the next line may well be the next statement. At the
        // end of the file the statement simply ends.
        let (after_head, _) = ws(head_end)?;
        let gap = &head_end[..head_end.len() - after_head.len()];
        err.resume_next_line = gap.contains('\n') || after_ws.is_empty();
        return Err(nom::Err::Failure(err));
    };
    let span = cx.span(input, end);
    let def = Definition {
        category,
        name,
        declared_id,
        declared_id_span,
        type_params,
        params,
        builtin,
        result,
        docs: Docs::default(),
        span,
    };
    Ok((end, def))
}

/// The `#id` after a name: `hash` starts at `#`, `digits` just after it.
fn hex_id<'a>(hash: &'a str, digits: &'a str) -> PResult<'a, u32> {
    let (rest, run) = take_while(is_ident_char).parse(digits)?;
    let len = hash.len() - rest.len();
    let bad = |message: String| {
        Err(nom::Err::Failure(
            SyntaxError::at(hash, message).with_len(len),
        ))
    };
    if run.is_empty() {
        return bad("expected 1 to 8 hex digits after `#`".to_owned());
    }
    if !run.bytes().all(|b| b.is_ascii_hexdigit()) {
        return bad(format!("invalid id `#{run}`: an id is 1 to 8 hex digits"));
    }
    if run.len() > 8 {
        return bad(format!(
            "id `#{run}` has {} hex digits, at most 8 are allowed",
            run.len()
        ));
    }
    match u32::from_str_radix(run, 16) {
        Ok(id) => Ok((rest, id)),
        Err(_) => bad(format!("invalid id `#{run}`")),
    }
}

/// `{X:Type}`.
fn type_param<'a>(cx: &Cx, input: &'a str) -> PResult<'a, TypeParam> {
    let (rest, _) = ws(&input[1..])?;
    let (rest, name) =
        context("expected a type parameter name after `{`", cut(ident)).parse(rest)?;
    let (rest, _) = ws(rest)?;
    let (rest, _) =
        context("expected `:` after the type parameter name", cut(char(':'))).parse(rest)?;
    let (rest, _) = ws(rest)?;
    let (rest, kind) = if let Some(r) = rest.strip_prefix('#') {
        (r, "#")
    } else {
        context(
            "expected the kind of the type parameter (`Type` or `#`)",
            cut(ident),
        )
        .parse(rest)?
    };
    let (rest, _) = ws(rest)?;
    let (rest, _) =
        context("expected `}` to close the type parameter", cut(char('}'))).parse(rest)?;
    Ok((
        rest,
        TypeParam {
            name: cx.name(name),
            kind: cx.name(kind),
            span: cx.span(input, rest),
        },
    ))
}

/// Fields up to (not including) `=`, or a built-in body.
fn body<'a>(cx: &Cx, input: &'a str) -> PResult<'a, (Vec<Param>, Option<BuiltinBody>)> {
    if let Some(r) = input.strip_prefix('?') {
        // `int ? = Int;`
        let (r, _) = ws(r)?;
        return Ok((r, (Vec::new(), Some(BuiltinBody::Opaque))));
    }
    if let Some(r) = input.strip_prefix('#') {
        // `vector {t:Type} # [ t ] = Vector t;`
        let (r, _) = ws(r)?;
        let (r, _) = context(
            "expected `[` after `#` in a built-in vector body",
            cut(char('[')),
        )
        .parse(r)?;
        let (r, _) = ws(r)?;
        let (r, _) =
            context("expected the element type parameter after `[`", cut(ident)).parse(r)?;
        let (r, _) = ws(r)?;
        let (r, _) = context("expected `]` to close `[`", cut(char(']'))).parse(r)?;
        let (r, _) = ws(r)?;
        return Ok((r, (Vec::new(), Some(BuiltinBody::Vector))));
    }
    if input.starts_with(|c: char| c.is_ascii_digit()) {
        // `int128 4*[ int ] = Int128;`
        let (r, count) = number(input)?;
        let (r, _) = ws(r)?;
        let (r, _) = context("expected `*` after the repeat count", cut(char('*'))).parse(r)?;
        let (r, _) = ws(r)?;
        let (r, _) = context("expected `[` after `*`", cut(char('['))).parse(r)?;
        let (r, _) = ws(r)?;
        let (r, ty) = cut(|i| type_expr(cx, 1, i)).parse(r)?;
        let (r, _) = ws(r)?;
        let (r, _) = context("expected `]` to close `[`", cut(char(']'))).parse(r)?;
        let (r, _) = ws(r)?;
        return Ok((r, (Vec::new(), Some(BuiltinBody::Repeat { count, ty }))));
    }
    let mut params = Vec::new();
    let mut rest = input;
    while !rest.starts_with('=') {
        let (r, p) = param(cx, rest)?;
        params.push(p);
        (rest, _) = ws(r)?;
    }
    Ok((rest, (params, None)))
}

/// `name:Type` or `name:flags.N?Type`.
fn param<'a>(cx: &Cx, input: &'a str) -> PResult<'a, Param> {
    if input.starts_with(':') {
        return fail(input, "expected a field name before `:`");
    }
    if !starts_ident(input) {
        return fail(input, "expected a field `name:Type` or `=`");
    }
    let (rest, name) = ident(input)?;
    let name_span = cx.span(input, rest);
    let (after_ws, _) = ws(rest)?;
    if !after_ws.starts_with(':') {
        if after_ws.starts_with(';') || after_ws.is_empty() {
            let message = format!("expected `=` before the result type `{name}`");
            return Err(nom::Err::Failure(
                SyntaxError::at(input, message).with_len(name.len()),
            ));
        }
        return fail(
            after_ws,
            format!("expected `:` after the field name `{name}`"),
        );
    }
    let (ty_start, _) = ws(&after_ws[1..])?;
    let (rest, cond) = flag_ref(cx, ty_start)?;
    let (flag, (rest, ty)) = match cond {
        Condition::Flag(flag) => (Some(flag), cut(|i| type_expr(cx, 0, i)).parse(rest)?),
        // The name already read is the type's: it is not scanned again.
        Condition::Name(name) => (
            None,
            named_type_rest(cx, 0, ty_start, name, rest).map_err(|e| match e {
                nom::Err::Error(e) => nom::Err::Failure(e),
                other => other,
            })?,
        ),
        Condition::None => (None, cut(|i| type_expr(cx, 0, i)).parse(ty_start)?),
    };
    let span = cx.span(input, rest);
    Ok((
        rest,
        Param {
            name: cx.name(name),
            name_span,
            flag,
            ty,
            span,
        },
    ))
}

/// What starts a field's type.
enum Condition<'a> {
    /// A `flags.N?` condition (the input continues after the `?`).
    Flag(FlagRef),
    /// No condition, but a name, which begins the type (the input continues after the name).
    Name(&'a str),
    /// Neither (the input is unchanged).
    None,
}

/// An optional `flags.N?` condition before a field's type.
fn flag_ref<'a>(cx: &Cx, input: &'a str) -> PResult<'a, Condition<'a>> {
    let Ok((rest, field)) = qualified_name(input) else {
        return Ok((input, Condition::None));
    };
    if rest.starts_with('?') {
        let message = format!(
            "expected a flag condition `field.N?` with a numeric bit index, found `{field}?`"
        );
        let len = input.len() - rest.len();
        return Err(nom::Err::Failure(
            SyntaxError::at(input, message).with_len(len),
        ));
    }
    let Some(bit_start) = rest.strip_prefix('.') else {
        return Ok((rest, Condition::Name(field)));
    };
    let (after_bit, bit) =
        context("expected a flag bit index after `.`", cut(number)).parse(bit_start)?;
    let (rest, _) =
        context("expected `?` after the flag bit index", cut(char('?'))).parse(after_bit)?;
    let flag = FlagRef {
        field: cx.name(field),
        field_span: cx.span(input, &input[field.len()..]),
        bit,
        bit_span: cx.span(bit_start, after_bit),
    };
    Ok((rest, Condition::Flag(flag)))
}
