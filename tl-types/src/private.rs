//! Plumbing for generated code, **not public API**: it may change in any release, together with
//! the generator that emits calls to it. Hidden from the docs; code written by hand uses the
//! traits and [`crate::codec`] instead.
//!
//! Generated code imports this module under a short alias (`use ::tl_types::__private as tl;`) and
//! names everything through it: the codec types (re-exported from [`crate::codec`]) and the one-line
//! helpers below, which keep each field to one line of generated code: read it (naming the field in
//! the error's path) and the flag-word bits. Writing, measuring and checking go through
//! [`crate::Walker`] instead.

use crate::borrowed::{BareBorrowed, DeserializableBorrowed, IntoOwned};
use crate::decode_error::DecodeError;
use crate::reader::Reader;

pub use crate::codec::*;

/// The JSON machinery generated serde impls call, and serde itself, so that generated code needs
/// no dependency besides this crate.
#[cfg(feature = "serde")]
pub mod json {
    pub use crate::json::objects::*;
    pub use crate::json::{De, JsonCodec, Ser};
    pub use serde;
}

/// Reads the field `field` of the constructor or function `ty` as the TL type `C`; a failure names
/// the field in the error's path (`ty.field`, see [`DecodeError::path_string`]).
#[inline]
pub fn decode<C: Codec>(
    reader: &mut Reader<'_>,
    ty: &'static str,
    field: &'static str,
) -> Result<C::Value, DecodeError> {
    C::decode(reader).map_err(|e| e.in_field(ty, field))
}

/// Reads a conditional field when its flag bit is set, else gives `None` without reading.
#[inline]
pub fn decode_if<C: Codec>(
    present: bool,
    reader: &mut Reader<'_>,
    ty: &'static str,
    field: &'static str,
) -> Result<Option<C::Value>, DecodeError> {
    if present {
        decode::<C>(reader, ty, field).map(Some)
    } else {
        Ok(None)
    }
}

/// [`decode`] borrowing from the input (`Config::borrowed`): the same reads and the same error
/// path, with `C`'s [`CodecBorrowed::decode_borrowed`].
#[inline]
pub fn decode_borrowed<'a, C: CodecBorrowed<'a>>(
    reader: &mut Reader<'a>,
    ty: &'static str,
    field: &'static str,
) -> Result<C::Value, DecodeError> {
    C::decode_borrowed(reader).map_err(|e| e.in_field(ty, field))
}

/// [`decode_if`] borrowing from the input.
#[inline]
pub fn decode_borrowed_if<'a, C: CodecBorrowed<'a>>(
    present: bool,
    reader: &mut Reader<'a>,
    ty: &'static str,
    field: &'static str,
) -> Result<Option<C::Value>, DecodeError> {
    if present {
        decode_borrowed::<C>(reader, ty, field).map(Some)
    } else {
        Ok(None)
    }
}

/// The owned decode of a struct that borrows (`Config::borrowed`): its borrowed decode, then
/// [`IntoOwned::into_owned`], so that a type has one decoding body. Call it as
/// `owned_bare::<User<'_>>(reader)`; the `User<'static>` it returns is a `User<'a>` for any `'a`.
#[inline]
pub fn owned_bare<'r, T: BareBorrowed<'r> + IntoOwned>(
    reader: &mut Reader<'r>,
) -> Result<T::Owned, DecodeError> {
    T::deserialize_bare_borrowed(reader).map(T::into_owned)
}

/// [`owned_bare`] for the boxed form (an enum that borrows).
#[inline]
pub fn owned<'r, T: DeserializableBorrowed<'r> + IntoOwned>(
    reader: &mut Reader<'r>,
) -> Result<T::Owned, DecodeError> {
    T::deserialize_borrowed(reader).map(T::into_owned)
}

/// `1 << bit` when `set`, else 0: one term of a flags word.
#[inline]
pub const fn bit(set: bool, bit: u32) -> u32 {
    (set as u32) << bit
}

/// True when `bit` is set in the flags word `flags`.
#[inline]
pub const fn has(flags: u32, bit: u32) -> bool {
    flags & (1 << bit) != 0
}
