//! The one printer of TL text. It writes a resolved definition, parameter or type either as schema
//! text (what `Display` gives: `name#id {X:Type} a:flags.0?Vector<int> = Result`, with TON's
//! `(vector X)` written `vector<X>`) or as the canonical form whose CRC32 is an id (`name X:Type
//! a:flags.0?Vector int = Result`: no id, no braces, arguments after spaces), with the knobs the
//! id rules and the mismatch explanations turn.

use std::fmt::{self, Write};

use crate::ast::ArgSyntax;
use crate::schema::{Body, Definition, IdRule, Param, Type};

/// Which text to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Schema text, for people: `#id`, `{X:Type}`, `Vector<T>`.
    Schema,
    /// The canonical form ids are computed from.
    Id,
}

/// A definition's text with the knobs the id rules turn.
#[derive(Clone)]
pub(crate) struct Form<'a> {
    pub(crate) def: &'a Definition,
    pub(crate) style: Style,
    /// The name written (another one for the "renamed" explanations).
    pub(crate) name: &'a str,
    /// Leave out `name:flags.N?true` fields (Telegram's rule).
    pub(crate) drop_true_flags: bool,
    /// Write a field of type exactly `bytes` as `string` (Telegram's rule).
    pub(crate) bytes_as_string: bool,
    /// How many of the leading parameters are written.
    pub(crate) keep_params: usize,
    /// A result type written instead of the definition's.
    pub(crate) result: Option<&'a str>,
}

impl<'a> Form<'a> {
    /// The schema text of `def`.
    pub(crate) fn schema(def: &'a Definition) -> Self {
        Form {
            def,
            style: Style::Schema,
            name: &def.name.full,
            drop_true_flags: false,
            bytes_as_string: false,
            keep_params: def.params.len(),
            result: None,
        }
    }

    /// The canonical form of `def` under `rule`.
    pub(crate) fn id(def: &'a Definition, rule: IdRule) -> Self {
        let telegram = rule == IdRule::Telegram;
        Form {
            style: Style::Id,
            drop_true_flags: telegram,
            bytes_as_string: telegram,
            ..Form::schema(def)
        }
    }

    /// Writes the text.
    pub(crate) fn write<W: Write>(&self, out: &mut W) -> fmt::Result {
        let def = self.def;
        out.write_str(self.name)?;
        if self.style == Style::Schema
            && let Some(id) = def.declared_id
        {
            write!(out, "#{id:08x}")?;
        }
        for tp in &def.type_params {
            out.write_char(' ')?;
            if self.style == Style::Schema {
                out.write_char('{')?;
            }
            out.write_str(&tp.name)?;
            out.write_char(':')?;
            out.write_str(&tp.kind)?;
            if self.style == Style::Schema {
                out.write_char('}')?;
            }
        }
        for param in def.params.iter().take(self.keep_params) {
            if self.drop_true_flags && param.is_true_flag() {
                continue;
            }
            out.write_char(' ')?;
            if self.bytes_as_string && is_plain_bytes(&param.ty) {
                write_param_head(out, param)?;
                out.write_str("string")?;
            } else {
                write_param(out, param, self.style)?;
            }
        }
        match &def.body {
            None => {}
            Some(Body::Opaque) => out.write_str(" ?")?,
            Some(Body::Vector) => {
                let t = def.type_params.first().map_or("t", |tp| tp.name.as_str());
                out.write_str(" # [ ")?;
                out.write_str(t)?;
                out.write_str(" ]")?;
            }
            Some(Body::Repeat { count, ty }) => {
                out.write_char(' ')?;
                write_decimal(out, *count)?;
                out.write_str("*[ ")?;
                write_type(out, ty, self.style)?;
                out.write_str(" ]")?;
            }
        }
        out.write_str(" = ")?;
        match self.result {
            Some(result) => out.write_str(result),
            None => write_type(out, &def.result, self.style),
        }
    }

    /// The text as a string.
    pub(crate) fn render(&self) -> String {
        let mut out = String::with_capacity(64 + 24 * self.def.params.len());
        // Writing to a String cannot fail.
        let _ = self.write(&mut out);
        out
    }
}

/// True for a type that is exactly `bytes`: no arguments, no `%` or `!` (the only fields Telegram's
/// rule reads as `string`; it does not reach inside `Vector<bytes>`).
pub(crate) fn is_plain_bytes(ty: &Type) -> bool {
    ty.name == "bytes" && ty.args.is_empty() && !ty.percent && !ty.bang
}

/// `name:` and the condition `word.bit?`, if any.
fn write_param_head<W: Write>(out: &mut W, param: &Param) -> fmt::Result {
    out.write_str(&param.name)?;
    out.write_char(':')?;
    if let Some(flag) = &param.flag {
        out.write_str(&flag.field)?;
        out.write_char('.')?;
        write_decimal(out, flag.bit)?;
        out.write_char('?')?;
    }
    Ok(())
}

pub(crate) fn write_param<W: Write>(out: &mut W, param: &Param, style: Style) -> fmt::Result {
    write_param_head(out, param)?;
    write_type(out, &param.ty, style)
}

/// Writes a type: `%` and `!` kept; in schema text arguments in angle brackets (`Vector<T>`; TON's
/// `(vector T)` too), except a space-separated application in a result type (`= Vector t`); in the
/// id form always after spaces.
pub(crate) fn write_type<W: Write>(out: &mut W, ty: &Type, style: Style) -> fmt::Result {
    if ty.percent {
        out.write_char('%')?;
    }
    if ty.bang {
        out.write_char('!')?;
    }
    out.write_str(&ty.name)?;
    if ty.args.is_empty() {
        return Ok(());
    }
    let angle = style == Style::Schema && ty.syntax != ArgSyntax::Space;
    out.write_char(if angle { '<' } else { ' ' })?;
    for (i, arg) in ty.args.iter().enumerate() {
        if i > 0 {
            out.write_char(if angle { ',' } else { ' ' })?;
        }
        write_type(out, arg, style)?;
    }
    if angle {
        out.write_char('>')?;
    }
    Ok(())
}

/// Writes the decimal digits of `n` without going through the formatting machinery.
fn write_decimal<W: Write>(out: &mut W, n: u32) -> fmt::Result {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        // `n % 10` is below 10, so the cast cannot truncate.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.write_str(std::str::from_utf8(&digits[at..]).unwrap_or_default())
}

impl fmt::Display for Type {
    /// Schema text: `Vector<User>`, `%Message`, `!X`, `vector<tonNode.blockIdExt>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_type(f, self, Style::Schema)
    }
}

impl fmt::Display for Param {
    /// Schema text: `link:flags.1?string`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_param(f, self, Style::Schema)
    }
}

impl fmt::Display for Definition {
    /// Schema text without the `;`: `inputPeerUser#dde8a54c user_id:long access_hash:long =
    /// InputPeer`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Form::schema(self).write(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        for n in [0, 7, 10, 31, 99_999, u32::MAX] {
            let mut out = String::from("x");
            write_decimal(&mut out, n).unwrap();
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn schema_text_and_id_form() {
        let (_, parsed) = crate::parse_str(
            "t.tl",
            "vector#1cb5c415 {t:Type} # [ t ] = Vector t;\nint128 4*[ int ] = Int128;\n\
             u#12345678 flags:# a:flags.0?true v:(vector u) w:Vector<Vector<int>> = U;\n\
             ---functions---\ncall#87654321 {X:Type} q:!X = X;\n",
        );
        let texts: Vec<String> = parsed
            .schema
            .definitions()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            texts,
            [
                "vector#1cb5c415 {t:Type} # [ t ] = Vector t",
                "int128 4*[ int ] = Int128",
                "u#12345678 flags:# a:flags.0?true v:vector<u> w:Vector<Vector<int>> = U",
                "call#87654321 {X:Type} q:!X = X",
            ]
        );
        let u = &parsed.schema.definitions()[2];
        assert_eq!(
            Form::id(u, IdRule::Reference).render(),
            "u flags:# a:flags.0?true v:vector u w:Vector Vector int = U"
        );
        assert_eq!(
            Form::id(u, IdRule::Telegram).render(),
            "u flags:# v:vector u w:Vector Vector int = U"
        );
    }
}
