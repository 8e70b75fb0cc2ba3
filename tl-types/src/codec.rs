//! Codecs: zero-sized types that stand for TL types (`Int`, `Str`, `Vector<Boxed<T>>` …) and encode
//! or decode the Rust value that represents them. Generated code names the TL type of every field
//! through a codec, so that `bytes` (`Vec<u8>`) and `Vector<int>` (`Vec<i32>`), or a boxed and a bare
//! vector, never get confused. Used by generated code; not meant to be called by hand.
//!
//! Generated code writes a field with [`encode::<C>`](encode), counts it with
//! [`encoded_len::<C>`](encoded_len) and reads it with [`decode::<C>`](decode), which names the
//! field in the error's path.
//!
//! # Wire format
//!
//! | TL type | codec | Rust value | bytes |
//! |---|---|---|---|
//! | `int` | [`Int`] | `i32` | 4, little-endian |
//! | `long` | [`Long`] | `i64` | 8, little-endian |
//! | `double` | [`Double`] | `f64` | 8, little-endian IEEE 754 |
//! | `#` | [`Nat`] | `u32` | 4, little-endian |
//! | `int128`, `int256` | [`Fixed<16>`](Fixed), [`Fixed<32>`](Fixed) | `[u8; N]` | N, as is |
//! | `bytes` | [`Bytes`] | `Vec<u8>` | length header, data, padding |
//! | `string` | [`Str`] | `String` | as `bytes`, UTF-8 |
//! | `Bool` | [`Bool`] | `bool` | `boolTrue#997275b5` or `boolFalse#bc799737` |
//! | `Vector<t>` | [`Vector<C>`](Vector) | `Vec<_>` | `0x1cb5c415`, `u32` count, elements |
//! | `vector<t>` | [`BareVector<C>`](BareVector) | `Vec<_>` | `u32` count, elements |
//! | boxed type | [`Boxed<T>`](Boxed) | `T` | constructor id, fields |
//! | bare constructor | [`Bare<T>`](Bare) | `T` | fields |
//!
//! A byte string's length header is one byte for lengths below 254, else the byte 254 and a 3-byte
//! little-endian length; data and header together are padded with zeros to a multiple of four.
//!
//! # Decoding hostile bytes: the decisions
//!
//! - Decoding never panics, whatever the input.
//! - Non-canonical but unambiguous byte strings are **accepted**, as TDLib accepts them: a
//!   long-form length (`fe xx xx xx`) for a string shorter than 254 bytes, and padding bytes that
//!   are not zero. The length prefix 0xff is **rejected** ([`DecodeErrorKind::BadLengthPrefix`]).
//! - A `string` that is not valid UTF-8 is **rejected** with [`DecodeErrorKind::InvalidUtf8`] at the
//!   offset of the string's length header (not replaced, not passed through): a `String` always
//!   holds what the peer sent. Use `bytes` in a schema for binary data.
//! - A `Bool` whose id is neither `boolTrue` nor `boolFalse` is [`DecodeErrorKind::BadBool`]; a boxed
//!   vector whose id is not `0x1cb5c415` is [`DecodeErrorKind::BadVectorId`]; both at the id's offset.
//! - A vector's element count is checked **before anything is allocated**: it must not exceed
//!   `remaining bytes / max(element MIN_LEN, 1)`, else [`DecodeErrorKind::VectorTooLong`] at the
//!   offset of the count. Elements that can take no bytes at all (a bare constructor without
//!   fields) count as one byte each here, so such a vector can hold no more elements than bytes
//!   remain after its count; no real schema has one. Even a plausible count reserves at most [`MAX_PREALLOC_BYTES`] up front;
//!   the vector grows as elements are actually decoded. With the default depth limit this keeps
//!   peak allocation while decoding under 4 MiB plus 256 bytes per input byte.
//! - Every value of a generated type ([`Boxed`], [`Bare`]) is one nesting level of the
//!   [`Reader`]; more than [`Reader::max_depth`] levels fail with
//!   [`DecodeErrorKind::DepthExceeded`] instead of overflowing the stack.
//!
//! # Encoding limits
//!
//! Encoding cannot fail. Two things cannot be represented in TL at all, and are written so that the
//! output stays well-formed (every length it announces is the length it carries, and
//! [`Codec::encoded_len`] stays exact): a byte string longer than [`MAX_TL_BYTES_LEN`] (16 MiB − 1)
//! is cut to that length (a `string` at the last UTF-8 character boundary before it), and a vector
//! of more than `u32::MAX` elements is cut to `u32::MAX`. No MTProto message comes near either size.

use std::marker::PhantomData;

use crate::error::{DecodeError, DecodeErrorKind};
use crate::reader::Reader;
use crate::traits::{Bare as BareForm, Deserializable, Serializable};

/// The id of the boxed `Vector t` constructor (`vector#1cb5c415`).
pub const VECTOR_ID: u32 = 0x1cb5c415;
/// The id of `boolTrue`.
pub const BOOL_TRUE_ID: u32 = 0x997275b5;
/// The id of `boolFalse`.
pub const BOOL_FALSE_ID: u32 = 0xbc799737;

/// How one TL type is written and read.
///
/// Implemented by the zero-sized codec types of this module; generated code only names them.
pub trait Codec {
    /// The Rust type that holds a value.
    type Value;
    /// The fewest bytes a value takes on the wire. It must never exceed the real minimum: vector
    /// decoding rejects counts that `remaining / max(MIN_LEN, 1)` cannot cover.
    const MIN_LEN: usize;
    /// Appends `value`'s bytes.
    fn encode(value: &Self::Value, out: &mut Vec<u8>);
    /// The exact number of bytes [`Codec::encode`] appends.
    fn encoded_len(value: &Self::Value) -> usize;
    /// Reads one value, leaving the reader just after it. Errors carry the offset where decoding
    /// failed; paths are added by [`decode`] and by vectors.
    fn decode(reader: &mut Reader<'_>) -> Result<Self::Value, DecodeError>;
}

/// Appends `value` as the TL type `C`.
#[inline]
pub fn encode<C: Codec>(value: &C::Value, out: &mut Vec<u8>) {
    C::encode(value, out)
}

/// The encoded length of `value` as the TL type `C`.
#[inline]
pub fn encoded_len<C: Codec>(value: &C::Value) -> usize {
    C::encoded_len(value)
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

/// Appends a conditional field when it is present (its bit is in the flags word).
#[inline]
pub fn encode_opt<C: Codec>(value: &Option<C::Value>, out: &mut Vec<u8>) {
    if let Some(value) = value {
        C::encode(value, out)
    }
}

/// The encoded length of a conditional field: zero when it is absent.
#[inline]
pub fn encoded_len_opt<C: Codec>(value: &Option<C::Value>) -> usize {
    value.as_ref().map_or(0, C::encoded_len)
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

macro_rules! fixed_codec {
    ($(#[$doc:meta])* $name:ident, $value:ty, $len:expr, $read:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Codec for $name {
            type Value = $value;
            const MIN_LEN: usize = $len;
            #[inline]
            fn encode(value: &$value, out: &mut Vec<u8>) {
                out.extend_from_slice(&value.to_le_bytes());
            }
            #[inline]
            fn encoded_len(_: &$value) -> usize {
                $len
            }
            #[inline]
            fn decode(reader: &mut Reader<'_>) -> Result<$value, DecodeError> {
                reader.$read()
            }
        }
    };
}

fixed_codec!(
    /// TL `int`: `i32`, 4 bytes little-endian.
    Int, i32, 4, read_i32
);
fixed_codec!(
    /// TL `long`: `i64`, 8 bytes little-endian.
    Long, i64, 8, read_i64
);
fixed_codec!(
    /// TL `double`: `f64`, 8 bytes little-endian.
    Double, f64, 8, read_f64
);
fixed_codec!(
    /// TL `#`: a natural number as `u32` (flags words and plain nat fields).
    Nat, u32, 4, read_u32
);

/// TL `int128` / `int256` and other fixed-size blobs: `[u8; N]`, written as is.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<const N: usize>;

impl<const N: usize> Codec for Fixed<N> {
    type Value = [u8; N];
    const MIN_LEN: usize = N;
    #[inline]
    fn encode(value: &[u8; N], out: &mut Vec<u8>) {
        out.extend_from_slice(value);
    }
    #[inline]
    fn encoded_len(_: &[u8; N]) -> usize {
        N
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<[u8; N], DecodeError> {
        reader.read_array()
    }
}

/// The longest byte string TL can represent: the long-form header has three bytes for the length.
/// Longer values are cut to this length when encoded (see the [module docs](self#encoding-limits)).
pub const MAX_TL_BYTES_LEN: usize = 0xff_ffff;

/// The most bytes a vector decoder reserves before decoding any element: 16 KiB. A count the input
/// could hold but has not proven (the elements are not decoded yet) never reserves more; the vector
/// grows as elements arrive. This bounds what a hostile input can make the decoder allocate per
/// nesting level.
pub const MAX_PREALLOC_BYTES: usize = 16 * 1024;

/// The length of a TL byte string of `len` bytes, header and padding included (for `len` up to
/// [`MAX_TL_BYTES_LEN`]; longer values are cut to that length when written).
#[inline]
pub fn tl_bytes_len(len: usize) -> usize {
    let len = len.min(MAX_TL_BYTES_LEN);
    let header = if len < 254 { 1 } else { 4 };
    (header + len).div_ceil(4) * 4
}

/// Appends a TL byte string: the length header (one byte below 254, else 254 and three bytes
/// little-endian), the data, and zero padding to a multiple of four. Data longer than
/// [`MAX_TL_BYTES_LEN`] is cut to that length, so that the header stays true; [`tl_bytes_len`]
/// counts the same.
#[inline]
pub fn write_tl_bytes(data: &[u8], out: &mut Vec<u8>) {
    let data = data.get(..MAX_TL_BYTES_LEN).unwrap_or(data);
    let len = data.len();
    let [l0, l1, l2, _] = (len as u32).to_le_bytes();
    let header = if len < 254 {
        out.push(l0);
        1
    } else {
        out.extend_from_slice(&[254, l0, l1, l2]);
        4
    };
    out.extend_from_slice(data);
    // Zero to three bytes: a slice copy is cheaper than `resize`'s call into memset.
    let padding = tl_bytes_len(len) - header - len;
    out.extend_from_slice(&[0; 3][..padding.min(3)]);
}

/// The longest prefix of `s` that TL can carry: all of it up to [`MAX_TL_BYTES_LEN`] bytes, else cut
/// at the last character boundary before that.
#[inline]
fn tl_str_prefix(s: &str) -> &str {
    if s.len() <= MAX_TL_BYTES_LEN {
        return s;
    }
    let mut end = MAX_TL_BYTES_LEN;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// TL `bytes`: `Vec<u8>`, as a TL byte string (see [`Reader::read_tl_bytes`] for what decoding
/// accepts).
#[derive(Debug, Clone, Copy)]
pub struct Bytes;

impl Codec for Bytes {
    type Value = Vec<u8>;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &Vec<u8>, out: &mut Vec<u8>) {
        write_tl_bytes(value, out)
    }
    #[inline]
    fn encoded_len(value: &Vec<u8>) -> usize {
        tl_bytes_len(value.len())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Vec<u8>, DecodeError> {
        reader.read_tl_bytes().map(<[u8]>::to_vec)
    }
}

/// TL `string`: `String`, as a TL byte string holding UTF-8. Invalid UTF-8 is rejected with
/// [`DecodeErrorKind::InvalidUtf8`], at the offset of the string's length header. A string longer
/// than [`MAX_TL_BYTES_LEN`] bytes is cut at the last character boundary before that length when
/// encoded.
#[derive(Debug, Clone, Copy)]
pub struct Str;

impl Codec for Str {
    type Value = String;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &String, out: &mut Vec<u8>) {
        write_tl_bytes(tl_str_prefix(value).as_bytes(), out)
    }
    #[inline]
    fn encoded_len(value: &String) -> usize {
        tl_bytes_len(tl_str_prefix(value).len())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<String, DecodeError> {
        let at = reader.position();
        let data = reader.read_tl_bytes()?;
        match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(DecodeError::new(DecodeErrorKind::InvalidUtf8, at)),
        }
    }
}

/// TL `Bool`: `bool`, written as the id of `boolTrue` ([`BOOL_TRUE_ID`]) or `boolFalse`
/// ([`BOOL_FALSE_ID`]). Any other id is [`DecodeErrorKind::BadBool`] at the id's offset.
#[derive(Debug, Clone, Copy)]
pub struct Bool;

impl Codec for Bool {
    type Value = bool;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &bool, out: &mut Vec<u8>) {
        let id = if *value { BOOL_TRUE_ID } else { BOOL_FALSE_ID };
        out.extend_from_slice(&id.to_le_bytes());
    }
    #[inline]
    fn encoded_len(_: &bool) -> usize {
        4
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<bool, DecodeError> {
        let at = reader.position();
        match reader.read_u32()? {
            BOOL_TRUE_ID => Ok(true),
            BOOL_FALSE_ID => Ok(false),
            id => Err(DecodeError::new(DecodeErrorKind::BadBool { id }, at)),
        }
    }
}

/// A boxed value of a generated type (an enum, or a function for `!X`): `T` itself, constructor id
/// first. Decoding one is a nesting level of the [`Reader`] ([`Reader::nested`]).
#[derive(Debug, Clone, Copy)]
pub struct Boxed<T>(PhantomData<T>);

impl<T: Serializable + Deserializable> Codec for Boxed<T> {
    type Value = T;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &T, out: &mut Vec<u8>) {
        value.serialize(out)
    }
    #[inline]
    fn encoded_len(value: &T) -> usize {
        value.serialized_len()
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<T, DecodeError> {
        reader.nested(T::deserialize)
    }
}

/// A bare constructor (`tonNode.blockIdExt`, `%T`, the elements of `vector<textEntity>`): `T`'s fields
/// without its id. Decoding one is a nesting level of the [`Reader`] ([`Reader::nested`]).
#[derive(Debug, Clone, Copy)]
pub struct Bare<T>(PhantomData<T>);

impl<T: BareForm> Codec for Bare<T> {
    type Value = T;
    const MIN_LEN: usize = T::MIN_BARE_LEN;
    #[inline]
    fn encode(value: &T, out: &mut Vec<u8>) {
        value.serialize_bare(out)
    }
    #[inline]
    fn encoded_len(value: &T) -> usize {
        value.bare_len()
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<T, DecodeError> {
        reader.nested(T::deserialize_bare)
    }
}

/// A value behind a `Box` (a field that would otherwise make a recursive type infinitely large),
/// written as `C` writes the value itself.
#[derive(Debug, Clone, Copy)]
pub struct Heap<C>(PhantomData<C>);

impl<C: Codec> Codec for Heap<C> {
    type Value = Box<C::Value>;
    const MIN_LEN: usize = C::MIN_LEN;
    #[inline]
    fn encode(value: &Box<C::Value>, out: &mut Vec<u8>) {
        C::encode(value, out)
    }
    #[inline]
    fn encoded_len(value: &Box<C::Value>) -> usize {
        C::encoded_len(value)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Box<C::Value>, DecodeError> {
        C::decode(reader).map(Box::new)
    }
}

/// Reads a vector's element count and checks that the remaining input can hold that many elements
/// of at least `min_len` bytes (one byte for elements that may be empty), so that no allocation is
/// ever larger than the input justifies. [`DecodeErrorKind::VectorTooLong`] is reported at the offset
/// of the count.
#[inline]
fn read_count(reader: &mut Reader<'_>, min_len: usize) -> Result<usize, DecodeError> {
    let at = reader.position();
    let count = reader.read_u32()?;
    let max = reader.remaining() / min_len.max(1);
    match usize::try_from(count) {
        Ok(n) if n <= max => Ok(n),
        _ => Err(DecodeError::new(
            DecodeErrorKind::VectorTooLong { count, max },
            at,
        )),
    }
}

/// How many elements of a slice a TL vector can carry: at most `u32::MAX`.
#[inline]
fn tl_count(len: usize) -> usize {
    len.min(u32::MAX as usize)
}

#[inline]
fn encode_elements<C: Codec>(values: &[C::Value], out: &mut Vec<u8>) {
    // A vector of more than u32::MAX elements cannot be written in TL: the rest is cut so that the
    // count stays true (see the module docs). No real value comes near it.
    let count = tl_count(values.len());
    out.extend_from_slice(&(count as u32).to_le_bytes());
    for value in values.iter().take(count) {
        C::encode(value, out);
    }
}

#[inline]
fn elements_len<C: Codec>(values: &[C::Value]) -> usize {
    4 + values
        .iter()
        .take(tl_count(values.len()))
        .map(C::encoded_len)
        .sum::<usize>()
}

#[inline]
fn decode_elements<C: Codec>(reader: &mut Reader<'_>) -> Result<Vec<C::Value>, DecodeError> {
    let count = read_count(reader, C::MIN_LEN)?;
    // The count is only a claim until the elements are decoded: reserve no more than
    // MAX_PREALLOC_BYTES for it (a hostile input nested 64 deep could otherwise make every level
    // reserve for the whole rest of the input at once).
    let prealloc = count.min(MAX_PREALLOC_BYTES / std::mem::size_of::<C::Value>().max(1));
    let mut values = Vec::with_capacity(prealloc);
    for index in 0..count {
        values.push(C::decode(reader).map_err(|e| e.at_index(index))?);
    }
    Ok(values)
}

/// The boxed `Vector<T>`: the vector id `0x1cb5c415`, a `u32` count, then the elements. A wrong id is
/// [`DecodeErrorKind::BadVectorId`] at the id's offset; a count the rest of the input cannot hold is
/// [`DecodeErrorKind::VectorTooLong`] at the count's offset; an element's error gets its index in
/// the path.
#[derive(Debug, Clone, Copy)]
pub struct Vector<C>(PhantomData<C>);

impl<C: Codec> Codec for Vector<C> {
    type Value = Vec<C::Value>;
    const MIN_LEN: usize = 8;
    #[inline]
    fn encode(value: &Vec<C::Value>, out: &mut Vec<u8>) {
        out.extend_from_slice(&VECTOR_ID.to_le_bytes());
        encode_elements::<C>(value, out)
    }
    #[inline]
    fn encoded_len(value: &Vec<C::Value>) -> usize {
        4 + elements_len::<C>(value)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Vec<C::Value>, DecodeError> {
        let at = reader.position();
        let id = reader.read_u32()?;
        if id != VECTOR_ID {
            return Err(DecodeError::new(DecodeErrorKind::BadVectorId { id }, at));
        }
        decode_elements::<C>(reader)
    }
}

/// The bare `vector<T>`: a `u32` count, then the elements, without the vector id. Decoding checks
/// the count as [`Vector`] does.
#[derive(Debug, Clone, Copy)]
pub struct BareVector<C>(PhantomData<C>);

impl<C: Codec> Codec for BareVector<C> {
    type Value = Vec<C::Value>;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &Vec<C::Value>, out: &mut Vec<u8>) {
        encode_elements::<C>(value, out)
    }
    #[inline]
    fn encoded_len(value: &Vec<C::Value>) -> usize {
        elements_len::<C>(value)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Vec<C::Value>, DecodeError> {
        decode_elements::<C>(reader)
    }
}
