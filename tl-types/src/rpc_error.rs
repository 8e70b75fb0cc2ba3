//! `RpcError`: the error a server answers a request with
//! (`rpc_error#2144ca19 error_code:int error_message:string = RpcError`), its message split into
//! a name and the number some errors carry (`FLOOD_WAIT_42`: wait 42 seconds).

use std::fmt;

use crate::codec::{Codec, Int, Str};
use crate::decode_error::{DecodeError, DecodeErrorKind};
use crate::reader::Reader;
use crate::traits::Deserializable;

/// An RPC error: the code (400, 403, 420 …) and the message, read into its name and the number
/// it carries, if any.
///
/// Telegram puts the number of an error such as `FLOOD_WAIT_%d` or `FILE_PART_%d_MISSING` where
/// the documentation writes `%d`; [`RpcError::parse`] takes it out, so that the name is the same
/// for every instance and can be matched:
///
/// ```
/// use tl_types::RpcError;
///
/// let flood = RpcError::parse(420, "FLOOD_WAIT_42");
/// assert_eq!((flood.name.as_str(), flood.value), ("FLOOD_WAIT", Some(42)));
/// assert_eq!(flood.to_string(), "RPC error 420 FLOOD_WAIT (value 42)");
///
/// let part = RpcError::parse(400, "FILE_PART_3_MISSING");
/// assert_eq!((part.name.as_str(), part.value), ("FILE_PART_MISSING", Some(3)));
/// // `2FA` is not made of digits only.
/// let wait = RpcError::parse(420, "2FA_CONFIRM_WAIT_100");
/// assert_eq!((wait.name.as_str(), wait.value), ("2FA_CONFIRM_WAIT", Some(100)));
/// assert_eq!(RpcError::parse(400, "CHAT_ADMIN_REQUIRED").value, None);
/// ```
///
/// It is read from the bytes of `rpc_error#2144ca19` ([`Deserializable`], or
/// [`RpcError::deserialize_bare`] when the id was read already), or from the fields of a
/// generated `rpc_error` type through [`RpcError::parse`]. It is not written back: the place of
/// the number in the message is not kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RpcError {
    /// The error code (`error_code`): 303 (see other data center), 400, 401, 403, 406, 420 (flood),
    /// 500 …
    pub code: i32,
    /// The message without the number it carries (`FLOOD_WAIT` for `FLOOD_WAIT_42`).
    pub name: String,
    /// The number the message carries (42 for `FLOOD_WAIT_42`).
    pub value: Option<u32>,
}

impl RpcError {
    /// The id of `rpc_error#2144ca19 error_code:int error_message:string = RpcError`.
    pub const CONSTRUCTOR_ID: u32 = 0x2144ca19;

    /// Reads `message` (`error_message`): the first `_`-separated part made only of ASCII digits
    /// (and fitting a `u32`) is the value, and the name is the message without it (and without
    /// the `_` before it, or after it when it comes first). A message of digits only keeps them
    /// as its name.
    pub fn parse(code: i32, message: &str) -> RpcError {
        let is_value =
            |part: &str| part.bytes().all(|b| b.is_ascii_digit()) && part.parse::<u32>().is_ok();
        match value_part(message, is_value) {
            Some(split) => RpcError {
                code,
                name: format!(
                    "{}{}",
                    &message[..split.removed.start],
                    &message[split.removed.end..]
                ),
                value: message[split.part].parse().ok(),
            },
            None => RpcError {
                code,
                name: message.to_owned(),
                value: None,
            },
        }
    }

    /// Reads the fields of `rpc_error` (its id was read already).
    pub fn deserialize_bare(reader: &mut Reader<'_>) -> Result<RpcError, DecodeError> {
        let code = Int::decode(reader).map_err(|e| e.in_field("rpc_error", "error_code"))?;
        let message = Str::decode(reader).map_err(|e| e.in_field("rpc_error", "error_message"))?;
        Ok(RpcError::parse(code, &message))
    }
}

/// Where [`RpcError::parse`] finds the value in a message: the `_`-separated part, and what goes
/// with it (the part and the `_` before it, or after it when the part comes first).
pub(crate) struct ValuePart {
    /// The part holding the value.
    pub(crate) part: std::ops::Range<usize>,
    /// The bytes the name leaves out.
    pub(crate) removed: std::ops::Range<usize>,
}

/// The first `_`-separated part of `message` that `is_value` accepts, unless it is the whole
/// message: the rule of [`RpcError::parse`], shared with [`crate::ErrorDoc`], which reads
/// documented names (`%d` standing for a value) by it.
pub(crate) fn value_part(message: &str, is_value: impl Fn(&str) -> bool) -> Option<ValuePart> {
    let mut offset = 0;
    for part in message.split('_') {
        let start = offset;
        offset += part.len() + 1;
        if part.is_empty() || !is_value(part) {
            continue;
        }
        if part.len() == message.len() {
            return None;
        }
        let end = start + part.len();
        let removed = if start == 0 {
            // `42_X`: the part and the `_` after it.
            0..end + 1
        } else {
            // `X_42` or `X_42_Y`: the `_` before the part and the part.
            start - 1..end
        };
        return Some(ValuePart {
            part: start..end,
            removed,
        });
    }
    None
}

/// Reads a boxed `rpc_error#2144ca19`; another id is [`DecodeErrorKind::UnknownConstructor`] for
/// the type `RpcError`.
impl Deserializable for RpcError {
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let at = reader.position();
        let id = reader.read_u32()?;
        if id != RpcError::CONSTRUCTOR_ID {
            return Err(DecodeError::new(
                DecodeErrorKind::UnknownConstructor {
                    id,
                    expected: std::borrow::Cow::Borrowed("RpcError"),
                },
                at,
            ));
        }
        RpcError::deserialize_bare(reader)
    }
}

/// `RPC error 420 FLOOD_WAIT (value 42)`, `RPC error 400 CHAT_ADMIN_REQUIRED`.
impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RPC error {} {}", self.code, self.name)?;
        if let Some(value) = self.value {
            write!(f, " (value {value})")?;
        }
        Ok(())
    }
}

impl std::error::Error for RpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(message: &str) -> (String, Option<u32>) {
        let e = RpcError::parse(400, message);
        (e.name, e.value)
    }

    #[test]
    fn the_first_part_of_digits_is_the_value() {
        assert_eq!(parts("FLOOD_WAIT_42"), ("FLOOD_WAIT".into(), Some(42)));
        assert_eq!(
            parts("FILE_PART_3_MISSING"),
            ("FILE_PART_MISSING".into(), Some(3))
        );
        assert_eq!(
            parts("2FA_CONFIRM_WAIT_100"),
            ("2FA_CONFIRM_WAIT".into(), Some(100))
        );
        assert_eq!(
            parts("CHAT_ADMIN_REQUIRED"),
            ("CHAT_ADMIN_REQUIRED".into(), None)
        );
        assert_eq!(parts("A_1_B_2"), ("A_B_2".into(), Some(1)));
        assert_eq!(parts("7_LEADING"), ("LEADING".into(), Some(7)));
        assert_eq!(parts("WAIT_5MIN"), ("WAIT_5MIN".into(), None));
        assert_eq!(parts("42"), ("42".into(), None));
        assert_eq!(parts(""), ("".into(), None));
        assert_eq!(parts("X__3"), ("X_".into(), Some(3)));
        // Too large for a u32: not a value; the next part of digits is.
        assert_eq!(
            parts("A_99999999999_B_5"),
            ("A_99999999999_B".into(), Some(5))
        );
    }

    #[test]
    fn read_from_rpc_error_bytes() {
        let mut bytes = RpcError::CONSTRUCTOR_ID.to_le_bytes().to_vec();
        bytes.extend_from_slice(&420i32.to_le_bytes());
        bytes.extend_from_slice(b"\x0dFLOOD_WAIT_42\x00\x00");
        let error = RpcError::from_bytes(&bytes).unwrap();
        assert_eq!(
            error,
            RpcError {
                code: 420,
                name: "FLOOD_WAIT".into(),
                value: Some(42)
            }
        );
        let err = RpcError::from_bytes(&bytes[..10]).unwrap_err();
        assert_eq!(err.path_string(), "rpc_error.error_message");
        let err = RpcError::from_bytes(&[0; 12]).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::UnknownConstructor {
                id: 0,
                expected: "RpcError".into()
            }
        );
    }
}
