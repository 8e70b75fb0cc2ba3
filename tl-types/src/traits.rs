//! The trait core every generated type implements: `Identifiable`, `Serializable`, `Deserializable`,
//! `Bare` and `RemoteCall` (with the function's documented errors, `RemoteCall::POSSIBLE_ERRORS`).
//!
//! - A constructor struct implements [`Identifiable`], [`Bare`] (its fields), and [`Serializable`] /
//!   [`Deserializable`] in the boxed form through [`serialize_boxed`] / [`deserialize_boxed`].
//! - An enum (a boxed type) implements [`Serializable`] / [`Deserializable`]: the variant's
//!   constructor id, then its bare fields; an unknown id is
//!   [`DecodeErrorKind::UnknownConstructor`] with the enum's TL name.
//! - A function struct implements the same as a constructor struct, plus [`RemoteCall`].
//!
//! [`Serializable::to_bytes`] and [`Deserializable::from_bytes`] therefore always use the boxed
//! form; `from_bytes` rejects trailing bytes and decodes with the default depth limit
//! ([`crate::DEFAULT_MAX_DEPTH`]). Decode with a [`Reader`] of your own to change the limit.
//!
//! Encoding has two paths (see [`crate::codec`'s encoding limits](crate::codec#encoding-limits)):
//! [`Serializable::try_to_bytes`] returns an [`EncodeError`] naming the field when a value does
//! not fit TL's limits (a byte string over 16 MiB − 1, a vector over `u32::MAX` elements);
//! [`Serializable::to_bytes`] panics on such a value.
//!
//! "Boxed" always means TL's boxed form (constructor id, then fields), never Rust's `Box`; a value
//! behind a `Box` writes exactly as the value itself.

use crate::decode_error::{DecodeError, DecodeErrorKind};
use crate::encode_error::EncodeError;
use crate::reader::Reader;
use crate::walk::{Check, Len, Walker, Write};

/// A constructor or function with a constructor id (the CRC32 of its TL definition, or the id written
/// in the schema).
pub trait Identifiable {
    /// The id written before the fields in the boxed form.
    const CONSTRUCTOR_ID: u32;
    /// The TL name of the constructor or function (`messages.getChatInviteImporters`).
    const TL_NAME: &'static str;
}

/// A value that can be written in TL's binary form.
///
/// For constructor structs, function structs and enums this is the boxed form: the constructor
/// id, then the fields.
///
/// Two paths: the checked one ([`Serializable::try_to_bytes`], [`Serializable::try_serialize`])
/// returns an [`EncodeError`] naming the field when TL cannot represent a value; the infallible
/// one ([`Serializable::to_bytes`], [`Serializable::serialize`]) is as fast as encoding gets and
/// panics on such a value. Use the checked path whenever a string, byte string or vector length
/// comes from outside the program; no value built within TL's limits ever panics.
pub trait Serializable {
    /// Appends the value's bytes to `out`.
    ///
    /// # Panics
    ///
    /// When a byte string is longer than [`crate::codec::MAX_TL_BYTES_LEN`] (16 MiB − 1) or a
    /// vector has more than `u32::MAX` elements: TL cannot represent them, and writing them cut to
    /// fit would send other data than the value holds. [`Serializable::try_serialize`] returns an
    /// error instead.
    fn serialize(&self, out: &mut Vec<u8>);

    /// The exact number of bytes [`Serializable::serialize`] appends (for a value TL cannot
    /// represent, the bytes it would take; this never panics).
    fn serialized_len(&self) -> usize;

    /// Whether TL can represent the value: every byte string at most
    /// [`crate::codec::MAX_TL_BYTES_LEN`] bytes long and every vector at most `u32::MAX` elements,
    /// all the way down. The error names the first value that does not fit by its path
    /// (`messages.getChatInviteImporters.q`). Reads lengths only; writes nothing.
    fn check_limits(&self) -> Result<(), EncodeError>;

    /// The value's bytes, in a vector allocated once at its exact size.
    ///
    /// # Panics
    ///
    /// Where [`Serializable::serialize`] does; [`Serializable::try_to_bytes`] returns an error
    /// instead.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.serialized_len());
        self.serialize(&mut out);
        out
    }

    /// Like [`Serializable::serialize`], but a value TL cannot represent is an [`EncodeError`]
    /// that names the field, and nothing is appended to `out`.
    fn try_serialize(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        self.check_limits()?;
        self.serialize(out);
        Ok(())
    }

    /// Like [`Serializable::to_bytes`], but a value TL cannot represent is an [`EncodeError`] that
    /// names the field:
    ///
    /// ```
    /// use tl_types::{EncodeErrorKind, Serializable, functions, types};
    ///
    /// let mut request = functions::messages::GetChatInviteImporters {
    ///     requested: false,
    ///     subscription_expired: false,
    ///     peer: types::InputPeerSelf {}.into(),
    ///     link: None,
    ///     q: Some("x".repeat(1 << 24)),
    ///     offset_date: 0,
    ///     offset_user: types::InputUserEmpty {}.into(),
    ///     limit: 50,
    /// };
    /// let err = request.try_to_bytes().unwrap_err();
    /// assert_eq!(err.path_string(), "messages.getChatInviteImporters.q");
    /// assert_eq!(err.kind(), &EncodeErrorKind::ByteStringTooLong { len: 1 << 24 });
    ///
    /// request.q = Some("alice".to_owned());
    /// assert_eq!(request.try_to_bytes().unwrap(), request.to_bytes());
    /// ```
    fn try_to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        self.check_limits()?;
        Ok(self.to_bytes())
    }
}

/// A value that can be read from TL's binary form (the boxed form for generated types).
pub trait Deserializable: Sized {
    /// Reads one value from `reader`, leaving it just after the value.
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError>;

    /// Reads one value that must span all of `bytes`: trailing bytes are
    /// [`DecodeErrorKind::TrailingBytes`] at the offset of the first one. Uses a fresh [`Reader`]
    /// with the default depth limit.
    fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut reader = Reader::new(bytes);
        let value = Self::deserialize(&mut reader)?;
        reader.finish()?;
        Ok(value)
    }
}

/// The bare form of a constructor or function: its fields without the constructor id.
pub trait Bare: Sized {
    /// The fewest bytes the bare form can take (conditional fields absent, vectors empty, strings
    /// empty). It must never exceed the real minimum, or valid vectors of this type are rejected as
    /// [`DecodeErrorKind::VectorTooLong`]; 0 is allowed (a constructor without fields).
    const MIN_BARE_LEN: usize;

    /// Shows every flags word and every field present on the wire to `walker`, in wire order:
    /// the one description of the layout that writing, measuring and checking share.
    fn walk_bare<W: Walker>(&self, walker: &mut W);

    /// Appends the fields' bytes to `out` (panics where [`Serializable::serialize`] does).
    #[inline]
    fn serialize_bare(&self, out: &mut Vec<u8>) {
        self.walk_bare(&mut Write(out));
    }

    /// The exact number of bytes [`Bare::serialize_bare`] appends.
    #[inline]
    fn bare_len(&self) -> usize {
        let mut len = Len(0);
        self.walk_bare(&mut len);
        len.0
    }

    /// Whether TL can represent the fields (see [`Serializable::check_limits`]); an error's path
    /// starts with the field (`user.first_name`).
    #[inline]
    fn check_bare_limits(&self) -> Result<(), EncodeError> {
        let mut check = Check::default();
        self.walk_bare(&mut check);
        check.finish()
    }

    /// Reads the fields (the constructor id was read by the caller, or is implied by the schema).
    fn deserialize_bare(reader: &mut Reader<'_>) -> Result<Self, DecodeError>;
}

/// A function (an RPC request) and the type of its result.
pub trait RemoteCall: Serializable {
    /// What the server answers.
    type Return: Deserializable;

    /// The errors the documentation says the function may return, names exactly as it writes
    /// them (`FLOOD_WAIT_%d`: `%d` where the server puts a number, which
    /// [`RpcError::parse`](crate::RpcError::parse) takes out), in its order. Empty unless the code
    /// was generated with documentation.
    const POSSIBLE_ERRORS: &'static [&'static str] = &[];
}

/// The boxed form of every constructor and function struct: its id, then its fields. Generated
/// code implements `Identifiable` and `Bare`; this gives it `Serializable`.
impl<T: Identifiable + Bare> Serializable for T {
    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        serialize_boxed(self, out)
    }

    #[inline]
    fn serialized_len(&self) -> usize {
        4 + self.bare_len()
    }

    #[inline]
    fn check_limits(&self) -> Result<(), EncodeError> {
        self.check_bare_limits()
    }
}

/// Reads the boxed form of every constructor and function struct: the id must be its own.
impl<T: Identifiable + Bare> Deserializable for T {
    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        deserialize_boxed(reader)
    }
}

/// A struct behind a Rust `Box` has the id of what it holds (so `Box<T>` is `Serializable` like `T`,
/// with the same bytes).
impl<T: Identifiable> Identifiable for Box<T> {
    const CONSTRUCTOR_ID: u32 = T::CONSTRUCTOR_ID;
    const TL_NAME: &'static str = T::TL_NAME;
}

impl<T: Bare> Bare for Box<T> {
    const MIN_BARE_LEN: usize = T::MIN_BARE_LEN;

    #[inline]
    fn walk_bare<W: Walker>(&self, walker: &mut W) {
        (**self).walk_bare(walker)
    }

    #[inline]
    fn serialize_bare(&self, out: &mut Vec<u8>) {
        (**self).serialize_bare(out)
    }

    #[inline]
    fn bare_len(&self) -> usize {
        (**self).bare_len()
    }

    #[inline]
    fn check_bare_limits(&self) -> Result<(), EncodeError> {
        (**self).check_bare_limits()
    }

    #[inline]
    fn deserialize_bare(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        T::deserialize_bare(reader).map(Box::new)
    }
}

impl<T: RemoteCall + Identifiable + Bare> RemoteCall for Box<T> {
    type Return = T::Return;
    const POSSIBLE_ERRORS: &'static [&'static str] = T::POSSIBLE_ERRORS;
}

/// Writes `value` in boxed form: its constructor id, then its fields. The blanket `Serializable`
/// impls of constructor and function structs call this.
#[inline]
pub fn serialize_boxed<T: Identifiable + Bare>(value: &T, out: &mut Vec<u8>) {
    out.extend_from_slice(&T::CONSTRUCTOR_ID.to_le_bytes());
    value.serialize_bare(out);
}

/// Reads a boxed `T`: the constructor id must be `T`'s own, else
/// [`DecodeErrorKind::UnknownConstructor`] (with `T::TL_NAME` as the expected type) at the id's
/// offset. The blanket `Deserializable` impl of constructor and function structs calls this.
#[inline]
pub fn deserialize_boxed<T: Identifiable + Bare>(
    reader: &mut Reader<'_>,
) -> Result<T, DecodeError> {
    read_own_id::<T>(reader)?;
    T::deserialize_bare(reader)
}

/// Reads a constructor id that must be `T`'s own, else [`DecodeErrorKind::UnknownConstructor`]
/// (with `T::TL_NAME` as the expected type) at the id's offset.
#[inline]
pub(crate) fn read_own_id<T: Identifiable>(reader: &mut Reader<'_>) -> Result<(), DecodeError> {
    let at = reader.position();
    let id = reader.read_u32()?;
    if id != T::CONSTRUCTOR_ID {
        return Err(DecodeError::new(
            DecodeErrorKind::UnknownConstructor {
                id,
                expected: std::borrow::Cow::Borrowed(T::TL_NAME),
            },
            at,
        ));
    }
    Ok(())
}
