//! The text form of a value tree, for people: TL names with their ids (`user#b1b8cc83`), one field
//! per line indented under its object, `?true` flags as `true` when set and unset ones left out,
//! long byte strings shortened with their length (`bytes[512] 0a1b2c…`), short vectors of numbers
//! on one line.
//!
//! ```text
//! messages.chatInviteImporters#81b6b00a
//!   count: 1
//!   importers: [1]
//!     [0] chatInviteImporter#8c5adfd9
//!       requested: true
//!       user_id: 12345678
//! ```

use std::fmt::{self, Write as _};

use crate::value::{Object, Value};

/// Byte strings longer than this show their first bytes only.
const SHOWN_BYTES: usize = 16;

/// Vectors of numbers up to this many elements stay on one line.
const INLINE_ELEMENTS: usize = 16;

/// The text form, ending with a newline.
impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value(f, self, 0)?;
        f.write_char('\n')
    }
}

/// The head of `value` on the current line, its members on the lines below, indented by `indent`
/// plus two spaces.
fn write_value(f: &mut fmt::Formatter<'_>, value: &Value<'_>, indent: usize) -> fmt::Result {
    match value {
        Value::Int(x) => write!(f, "{x}"),
        Value::Nat(x) => write!(f, "{x}"),
        Value::Long(x) | Value::Int53(x) => write!(f, "{x}"),
        Value::Double(x) => write!(f, "{x:?}"),
        Value::String(text) => write!(f, "\"{}\"", text.escape_debug()),
        Value::Bytes(data) => write_bytes(f, "bytes", data),
        Value::Int128(data) => write_bytes(f, "int128", data),
        Value::Int256(data) => write_bytes(f, "int256", data),
        Value::Int512(data) => write_bytes(f, "int512", &data[..]),
        Value::Bool(b) => write!(f, "{b}"),
        Value::True => f.write_str("true#3fedd339"),
        Value::Vector(items) => write_vector(f, items, indent),
        Value::Object(object) => write_object(f, object, indent),
        Value::Raw(raw) => {
            write!(f, "unknown#{:08x} ", raw.id)?;
            write_bytes(f, "bytes", &raw.data)
        }
    }
}

fn write_object(f: &mut fmt::Formatter<'_>, object: &Object<'_>, indent: usize) -> fmt::Result {
    write!(f, "{}#{:08x}", object.name(), object.id())?;
    for (p, value) in &object.fields {
        let Some(param) = object.def.params.get(*p) else {
            continue;
        };
        if param.is_true_flag() && !matches!(value, Value::Bool(true)) {
            continue;
        }
        newline(f, indent + 2)?;
        write!(f, "{}: ", param.name)?;
        write_value(f, value, indent + 2)?;
    }
    Ok(())
}

fn write_vector(f: &mut fmt::Formatter<'_>, items: &[Value<'_>], indent: usize) -> fmt::Result {
    let numbers = items.iter().all(|v| {
        matches!(
            v,
            Value::Int(_) | Value::Nat(_) | Value::Long(_) | Value::Int53(_) | Value::Double(_)
        )
    });
    if items.is_empty() || (numbers && items.len() <= INLINE_ELEMENTS) {
        f.write_char('[')?;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write_value(f, item, indent)?;
        }
        return f.write_char(']');
    }
    write!(f, "[{}]", items.len())?;
    for (i, item) in items.iter().enumerate() {
        newline(f, indent + 2)?;
        write!(f, "[{i}] ")?;
        write_value(f, item, indent + 2)?;
    }
    Ok(())
}

/// `bytes[5] 0102030405`, shortened to the first bytes and `…` past [`SHOWN_BYTES`].
fn write_bytes(f: &mut fmt::Formatter<'_>, what: &str, data: &[u8]) -> fmt::Result {
    write!(f, "{what}[{}]", data.len())?;
    if data.is_empty() {
        return Ok(());
    }
    f.write_char(' ')?;
    for byte in data.iter().take(SHOWN_BYTES) {
        write!(f, "{byte:02x}")?;
    }
    if data.len() > SHOWN_BYTES {
        f.write_char('…')?;
    }
    Ok(())
}

fn newline(f: &mut fmt::Formatter<'_>, indent: usize) -> fmt::Result {
    f.write_char('\n')?;
    for _ in 0..indent {
        f.write_char(' ')?;
    }
    Ok(())
}
