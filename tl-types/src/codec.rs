//! Codecs: zero-sized types that stand for TL types (`Int`, `Str`, `Vector<Boxed<T>>` …) and encode
//! or decode the Rust value that represents them. Generated code names the TL type of every field
//! through a codec, so that `bytes` (`Vec<u8>`) and `Vector<int>` (`Vec<i32>`), or a boxed and a bare
//! vector, never get confused.
//!
//! The codecs are public for types written by hand: implement [`crate::Bare`] field by field with
//! [`Codec::encode`], [`Codec::encoded_len`], [`Codec::check_limits`] and [`Codec::decode`] (adding
//! the field to an error's path with [`DecodeError::in_field`] / [`EncodeError::in_field`]), and
//! the value writes and reads exactly as a generated one. Generated code reaches the same codecs,
//! and the one-line helpers around them, through `__private`, which is not public API.
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
//! | `bytes`, borrowed | [`CowBytes<'a>`](CowBytes) | `Cow<'a, [u8]>` | as `bytes` |
//! | `string`, borrowed | [`CowStr<'a>`](CowStr) | `Cow<'a, str>` | as `string` |
//! | `Bool` | [`Bool`] | `bool` | `boolTrue#997275b5` or `boolFalse#bc799737` |
//! | `Vector<t>` | [`Vector<C>`](Vector) | `Vec<_>` | `0x1cb5c415`, `u32` count, elements |
//! | `vector<t>` | [`BareVector<C>`](BareVector) | `Vec<_>` | `u32` count, elements |
//! | `int53` (TDLib) | [`Int53`] | `i64` | 8, little-endian |
//! | boxed type | [`Boxed<T>`](Boxed) | `T` | constructor id, fields |
//! | boxed type, `may be null` (TDLib) | [`Nullable<Boxed<T>>`](Nullable) | `Option<T>` | `null#56730bcc`, or the value |
//! | bare constructor | [`BareConstructor<T>`](BareConstructor) | `T` | fields |
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
//! - Every value of a generated type ([`Boxed`], [`BareConstructor`]) is one nesting level of the
//!   [`Reader`]; more than [`Reader::max_depth`] levels fail with
//!   [`DecodeErrorKind::DepthExceeded`] instead of overflowing the stack.
//!
//! # Borrowed decoding
//!
//! [`CodecBorrowed<'a>`](CodecBorrowed) is decoding that may borrow from the input of a
//! [`Reader<'a>`](Reader): what code generated with `tl_codegen::Config::borrowed` calls. Every
//! codec implements it. [`CowStr`] and [`CowBytes`] hand out `Cow::Borrowed` slices of the input
//! (no copy, no allocation; their plain [`Codec::decode`] gives `Cow::Owned` copies); the other
//! codecs decode as [`Codec::decode`] does, except that [`Boxed`] and [`BareConstructor`] decode
//! their value through [`DeserializableBorrowed`] and [`BareBorrowed`], and the containers
//! ([`Vector`], [`BareVector`], [`Nullable`], [`Heap`]) their elements through
//! [`CodecBorrowed`]. Both paths read through the same [`Reader`] functions and the same count
//! check, so they accept the same bytes and fail with the same error kind, offset and path.
//!
//! # Encoding limits
//!
//! Two things cannot be represented in TL at all: a byte string longer than [`MAX_TL_BYTES_LEN`]
//! (16 MiB − 1; the long-form header has three bytes for the length) and a vector of more than
//! `u32::MAX` elements. No MTProto message comes near either size, so meeting one is a bug in the
//! caller or a length taken from outside unchecked. The runtime never writes such a value cut to
//! fit, which would send other data than the caller built:
//!
//! - The checked path, [`Serializable::try_to_bytes`] and [`Serializable::try_serialize`], walks
//!   the value first ([`Codec::check_limits`]) and returns an [`EncodeError`] that names the field
//!   (`messages.getChatInviteImporters.q`) and the length, writing nothing. Use it whenever a
//!   length comes from outside the program.
//! - The infallible path ([`Serializable::serialize`], [`Serializable::to_bytes`]) **panics** on
//!   such a value, like an index out of bounds: it stays as fast as it was (the length test it
//!   already made now panics instead of cutting) and cannot return anything but correct bytes.
//!   [`Codec::encoded_len`] counts the value as if it could be written, so it never panics.

use std::borrow::Cow;
use std::marker::PhantomData;

use crate::borrowed::{BareBorrowed, DeserializableBorrowed};
use crate::decode_error::{DecodeError, DecodeErrorKind};
use crate::encode_error::{EncodeError, EncodeErrorKind};
use crate::reader::Reader;
use crate::traits::{Bare, Deserializable, Serializable};

/// The id of the boxed `Vector t` constructor (`vector#1cb5c415`).
pub const VECTOR_ID: u32 = 0x1cb5c415;
/// The id of TL's `null#56730bcc = Null` constructor, which stands for an absent [`Nullable`] value.
pub const NULL_ID: u32 = 0x56730bcc;
/// The id of `boolTrue`.
pub const BOOL_TRUE_ID: u32 = 0x997275b5;
/// The id of `boolFalse`.
pub const BOOL_FALSE_ID: u32 = 0xbc799737;

/// How one TL type is written and read.
///
/// Implemented by the zero-sized codec types of this module; generated code and hand-written types
/// name them as a field's TL type.
pub trait Codec {
    /// The Rust type that holds a value.
    type Value;
    /// The fewest bytes a value takes on the wire. It must never exceed the real minimum: vector
    /// decoding rejects counts that `remaining / max(MIN_LEN, 1)` cannot cover.
    const MIN_LEN: usize;
    /// Appends `value`'s bytes.
    ///
    /// # Panics
    ///
    /// When TL cannot represent `value` (see the [module docs](self#encoding-limits)):
    /// [`Codec::check_limits`] tells beforehand.
    fn encode(value: &Self::Value, out: &mut Vec<u8>);
    /// The exact number of bytes [`Codec::encode`] appends (for a value TL cannot represent, the
    /// bytes it would take).
    fn encoded_len(value: &Self::Value) -> usize;
    /// Whether TL can represent `value`: byte strings up to [`MAX_TL_BYTES_LEN`] bytes and vectors
    /// up to `u32::MAX` elements, all the way down. An error's path has the vector indices; fields
    /// are added by the caller.
    fn check_limits(value: &Self::Value) -> Result<(), EncodeError>;
    /// Reads one value, leaving the reader just after it. Errors carry the offset where decoding
    /// failed; paths are added by the caller (the field, [`DecodeError::in_field`]) and by vectors
    /// (the index).
    fn decode(reader: &mut Reader<'_>) -> Result<Self::Value, DecodeError>;
}

/// Decoding that may borrow from the input: [`Codec::decode`] for a [`Reader`] whose bytes live
/// for `'a`, so that the value can hold slices of them (see the
/// [module docs](self#borrowed-decoding)).
///
/// It must accept exactly the bytes [`Codec::decode`] accepts, and fail with the same error
/// kind, offset and path.
pub trait CodecBorrowed<'a>: Codec {
    /// Reads one value, leaving the reader just after it; strings and byte strings inside may
    /// borrow from the reader's input.
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Self::Value, DecodeError>;
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
            fn check_limits(_: &$value) -> Result<(), EncodeError> {
                Ok(())
            }
            #[inline]
            fn decode(reader: &mut Reader<'_>) -> Result<$value, DecodeError> {
                reader.$read()
            }
        }

        impl<'a> CodecBorrowed<'a> for $name {
            #[inline]
            fn decode_borrowed(reader: &mut Reader<'a>) -> Result<$value, DecodeError> {
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
    /// TDLib's `int53`: `i64`, written as `long` (8 bytes little-endian); only its JSON form differs
    /// (a number, where `long` is a string).
    Int53, i64, 8, read_i64
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
    fn check_limits(_: &[u8; N]) -> Result<(), EncodeError> {
        Ok(())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<[u8; N], DecodeError> {
        reader.read_array()
    }
}

impl<'a, const N: usize> CodecBorrowed<'a> for Fixed<N> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<[u8; N], DecodeError> {
        reader.read_array()
    }
}

/// The longest byte string TL can represent: the long-form header has three bytes for the length.
/// Longer values cannot be encoded (see the [module docs](self#encoding-limits)).
pub const MAX_TL_BYTES_LEN: usize = 0xff_ffff;

/// The most bytes a vector decoder reserves before decoding any element: 16 KiB. A count the input
/// could hold but has not proven (the elements are not decoded yet) never reserves more; the vector
/// grows as elements arrive. This bounds what a hostile input can make the decoder allocate per
/// nesting level.
pub const MAX_PREALLOC_BYTES: usize = 16 * 1024;

/// The length of a TL byte string of `len` bytes, header and padding included. For `len` over
/// [`MAX_TL_BYTES_LEN`], which cannot be written, the length it would take with a long-form header.
#[inline]
pub fn tl_bytes_len(len: usize) -> usize {
    let header = if len < 254 { 1 } else { 4 };
    (header + len).div_ceil(4) * 4
}

/// Appends a TL byte string: the length header (one byte below 254, else 254 and three bytes
/// little-endian), the data, and zero padding to a multiple of four; [`tl_bytes_len`] counts the
/// same.
///
/// # Panics
///
/// When `data` is longer than [`MAX_TL_BYTES_LEN`] (see the [module docs](self#encoding-limits)).
#[inline]
pub fn write_tl_bytes(data: &[u8], out: &mut Vec<u8>) {
    let len = data.len();
    if len > MAX_TL_BYTES_LEN {
        unrepresentable(EncodeErrorKind::ByteStringTooLong { len });
    }
    let [l0, l1, l2, _] = (len as u32).to_le_bytes();
    let header = if len < 254 {
        out.push(l0);
        1
    } else {
        out.extend_from_slice(&[254, l0, l1, l2]);
        4
    };
    out.extend_from_slice(data);
    let padding = tl_bytes_len(len) - header - len;
    // Zero to three bytes, each count a fixed-size store: a slice of variable length, even of a
    // zero array, compiles to a call into memset (6% of a large `to_bytes`, bench/README.md).
    match padding {
        0 => {}
        1 => out.push(0),
        2 => out.extend_from_slice(&[0; 2]),
        _ => out.extend_from_slice(&[0; 3]),
    }
}

/// The byte-string limit as a checked result.
#[inline]
fn check_tl_bytes(len: usize) -> Result<(), EncodeError> {
    if len > MAX_TL_BYTES_LEN {
        return Err(EncodeError::new(EncodeErrorKind::ByteStringTooLong { len }));
    }
    Ok(())
}

/// The infallible path met a value TL cannot represent: it panics rather than write other data
/// than the caller built (the [module docs](self#encoding-limits) argue why). Cold and out of line,
/// so the encoders' fast path keeps only the length test.
#[cold]
#[inline(never)]
#[allow(clippy::panic)] // The documented contract of `serialize` and `to_bytes`; see above.
fn unrepresentable(kind: EncodeErrorKind) -> ! {
    panic!(
        "{} (Serializable::try_to_bytes reports it as an error naming the field)",
        EncodeError::new(kind)
    )
}

/// TL `bytes`: `Vec<u8>`, as a TL byte string (see [`Reader::read_tl_bytes`] for what decoding
/// accepts). At most [`MAX_TL_BYTES_LEN`] bytes can be encoded.
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
    fn check_limits(value: &Vec<u8>) -> Result<(), EncodeError> {
        check_tl_bytes(value.len())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Vec<u8>, DecodeError> {
        reader.read_tl_bytes().map(<[u8]>::to_vec)
    }
}

impl<'a> CodecBorrowed<'a> for Bytes {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Vec<u8>, DecodeError> {
        Self::decode(reader)
    }
}

/// TL `string`: `String`, as a TL byte string holding UTF-8. Invalid UTF-8 is rejected with
/// [`DecodeErrorKind::InvalidUtf8`], at the offset of the string's length header. At most
/// [`MAX_TL_BYTES_LEN`] bytes of UTF-8 can be encoded.
#[derive(Debug, Clone, Copy)]
pub struct Str;

impl Codec for Str {
    type Value = String;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &String, out: &mut Vec<u8>) {
        write_tl_bytes(value.as_bytes(), out)
    }
    #[inline]
    fn encoded_len(value: &String) -> usize {
        tl_bytes_len(value.len())
    }
    #[inline]
    fn check_limits(value: &String) -> Result<(), EncodeError> {
        check_tl_bytes(value.len())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<String, DecodeError> {
        reader.read_tl_str().map(str::to_owned)
    }
}

impl<'a> CodecBorrowed<'a> for Str {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<String, DecodeError> {
        Self::decode(reader)
    }
}

/// TL `bytes` as `Cow<'a, [u8]>`, for code generated with `tl_codegen::Config::borrowed`: written
/// as [`Bytes`] writes a `Vec<u8>`; [`CodecBorrowed::decode_borrowed`] gives `Cow::Borrowed`, the
/// slice of the input that holds the data (no copy), [`Codec::decode`] an owned copy. Accepts and
/// rejects exactly what [`Bytes`] does.
#[derive(Debug, Clone, Copy)]
pub struct CowBytes<'a>(PhantomData<&'a ()>);

impl<'a> Codec for CowBytes<'a> {
    type Value = Cow<'a, [u8]>;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &Cow<'a, [u8]>, out: &mut Vec<u8>) {
        write_tl_bytes(value, out)
    }
    #[inline]
    fn encoded_len(value: &Cow<'a, [u8]>) -> usize {
        tl_bytes_len(value.len())
    }
    #[inline]
    fn check_limits(value: &Cow<'a, [u8]>) -> Result<(), EncodeError> {
        check_tl_bytes(value.len())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Cow<'a, [u8]>, DecodeError> {
        reader.read_tl_bytes().map(|data| Cow::Owned(data.to_vec()))
    }
}

impl<'a> CodecBorrowed<'a> for CowBytes<'a> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Cow<'a, [u8]>, DecodeError> {
        reader.read_tl_bytes().map(Cow::Borrowed)
    }
}

/// TL `string` as `Cow<'a, str>`, for code generated with `tl_codegen::Config::borrowed`: written
/// as [`Str`] writes a `String`; [`CodecBorrowed::decode_borrowed`] gives `Cow::Borrowed`, the
/// UTF-8-checked slice of the input (no copy), [`Codec::decode`] an owned copy. Accepts and
/// rejects exactly what [`Str`] does ([`DecodeErrorKind::InvalidUtf8`] at the length header).
#[derive(Debug, Clone, Copy)]
pub struct CowStr<'a>(PhantomData<&'a ()>);

impl<'a> Codec for CowStr<'a> {
    type Value = Cow<'a, str>;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &Cow<'a, str>, out: &mut Vec<u8>) {
        write_tl_bytes(value.as_bytes(), out)
    }
    #[inline]
    fn encoded_len(value: &Cow<'a, str>) -> usize {
        tl_bytes_len(value.len())
    }
    #[inline]
    fn check_limits(value: &Cow<'a, str>) -> Result<(), EncodeError> {
        check_tl_bytes(value.len())
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Cow<'a, str>, DecodeError> {
        reader.read_tl_str().map(|s| Cow::Owned(s.to_owned()))
    }
}

impl<'a> CodecBorrowed<'a> for CowStr<'a> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Cow<'a, str>, DecodeError> {
        reader.read_tl_str().map(Cow::Borrowed)
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
    fn check_limits(_: &bool) -> Result<(), EncodeError> {
        Ok(())
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

impl<'a> CodecBorrowed<'a> for Bool {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<bool, DecodeError> {
        Self::decode(reader)
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
    fn check_limits(value: &T) -> Result<(), EncodeError> {
        value.check_limits()
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<T, DecodeError> {
        reader.nested(T::deserialize)
    }
}

impl<'a, T: Serializable + Deserializable + DeserializableBorrowed<'a>> CodecBorrowed<'a>
    for Boxed<T>
{
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<T, DecodeError> {
        reader.nested(T::deserialize_borrowed)
    }
}

/// A bare constructor (`tonNode.blockIdExt`, `%T`, the elements of `vector<textEntity>`): `T`'s fields
/// without its id, as the [`Bare`] trait writes them. Decoding one is a nesting level of the
/// [`Reader`] ([`Reader::nested`]).
#[derive(Debug, Clone, Copy)]
pub struct BareConstructor<T>(PhantomData<T>);

impl<T: Bare> Codec for BareConstructor<T> {
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
    fn check_limits(value: &T) -> Result<(), EncodeError> {
        value.check_bare_limits()
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<T, DecodeError> {
        reader.nested(T::deserialize_bare)
    }
}

impl<'a, T: Bare + BareBorrowed<'a>> CodecBorrowed<'a> for BareConstructor<T> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<T, DecodeError> {
        reader.nested(T::deserialize_bare_borrowed)
    }
}

/// A value behind a Rust `Box`, on the heap (a field that would otherwise make a recursive type
/// infinitely large), written as `C` writes the value itself: nothing of the `Box` reaches the wire.
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
    fn check_limits(value: &Box<C::Value>) -> Result<(), EncodeError> {
        C::check_limits(value)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Box<C::Value>, DecodeError> {
        C::decode(reader).map(Box::new)
    }
}

impl<'a, C: CodecBorrowed<'a>> CodecBorrowed<'a> for Heap<C> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Box<C::Value>, DecodeError> {
        C::decode_borrowed(reader).map(Box::new)
    }
}

/// A boxed value that may be absent (`Option<T>`): TDLib's objects documented as `may be null` or
/// `pass null`. `None` is written as the id of TL's `null#56730bcc` constructor ([`NULL_ID`]), which
/// no schema's boxed type uses; `Some` as `C` writes the value. Reading takes that id as `None`.
#[derive(Debug, Clone, Copy)]
pub struct Nullable<C>(PhantomData<C>);

impl<C: Codec> Codec for Nullable<C> {
    type Value = Option<C::Value>;
    const MIN_LEN: usize = 4;
    #[inline]
    fn encode(value: &Option<C::Value>, out: &mut Vec<u8>) {
        match value {
            Some(value) => C::encode(value, out),
            None => out.extend_from_slice(&NULL_ID.to_le_bytes()),
        }
    }
    #[inline]
    fn encoded_len(value: &Option<C::Value>) -> usize {
        value.as_ref().map_or(4, C::encoded_len)
    }
    #[inline]
    fn check_limits(value: &Option<C::Value>) -> Result<(), EncodeError> {
        value.as_ref().map_or(Ok(()), C::check_limits)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Option<C::Value>, DecodeError> {
        if read_null(reader)? {
            return Ok(None);
        }
        C::decode(reader).map(Some)
    }
}

impl<'a, C: CodecBorrowed<'a>> CodecBorrowed<'a> for Nullable<C> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Option<C::Value>, DecodeError> {
        if read_null(reader)? {
            return Ok(None);
        }
        C::decode_borrowed(reader).map(Some)
    }
}

/// Reads `null#56730bcc` when it comes next (true), else reads nothing (false).
#[inline]
fn read_null(reader: &mut Reader<'_>) -> Result<bool, DecodeError> {
    if reader.peek_u32() == Some(NULL_ID) {
        reader.read_u32()?;
        return Ok(true);
    }
    Ok(false)
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

/// A vector's element count as TL writes it: a `u32`, so at most `u32::MAX` elements.
#[inline]
fn tl_count(len: usize) -> Result<u32, EncodeErrorKind> {
    u32::try_from(len).map_err(|_| EncodeErrorKind::TooManyElements { count: len })
}

/// Writes a vector's count and elements.
///
/// # Panics
///
/// When there are more than `u32::MAX` elements (see the [module docs](self#encoding-limits)).
#[inline]
fn encode_elements<C: Codec>(values: &[C::Value], out: &mut Vec<u8>) {
    let count = match tl_count(values.len()) {
        Ok(count) => count,
        Err(kind) => unrepresentable(kind),
    };
    out.extend_from_slice(&count.to_le_bytes());
    for value in values {
        C::encode(value, out);
    }
}

#[inline]
fn elements_len<C: Codec>(values: &[C::Value]) -> usize {
    4 + values.iter().map(C::encoded_len).sum::<usize>()
}

/// The count limit, then every element's limits, with its index in the path.
#[inline]
fn check_elements<C: Codec>(values: &[C::Value]) -> Result<(), EncodeError> {
    tl_count(values.len()).map_err(EncodeError::new)?;
    for (index, value) in values.iter().enumerate() {
        C::check_limits(value).map_err(|e| e.at_index(index))?;
    }
    Ok(())
}

/// A vector's count and elements, each read by `element` (the owned or the borrowed decoder of
/// an element codec whose values take at least `min_len` bytes).
#[inline]
fn decode_elements<'a, V>(
    reader: &mut Reader<'a>,
    min_len: usize,
    mut element: impl FnMut(&mut Reader<'a>) -> Result<V, DecodeError>,
) -> Result<Vec<V>, DecodeError> {
    let count = read_count(reader, min_len)?;
    // The count is only a claim until the elements are decoded: reserve no more than
    // MAX_PREALLOC_BYTES for it (a hostile input nested 64 deep could otherwise make every level
    // reserve for the whole rest of the input at once).
    let prealloc = count.min(MAX_PREALLOC_BYTES / std::mem::size_of::<V>().max(1));
    let mut values = Vec::with_capacity(prealloc);
    for index in 0..count {
        values.push(element(reader).map_err(|e| e.at_index(index))?);
    }
    Ok(values)
}

/// The boxed vector's id: [`VECTOR_ID`], else [`DecodeErrorKind::BadVectorId`] at its offset.
#[inline]
fn read_vector_id(reader: &mut Reader<'_>) -> Result<(), DecodeError> {
    let at = reader.position();
    let id = reader.read_u32()?;
    if id != VECTOR_ID {
        return Err(DecodeError::new(DecodeErrorKind::BadVectorId { id }, at));
    }
    Ok(())
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
    fn check_limits(value: &Vec<C::Value>) -> Result<(), EncodeError> {
        check_elements::<C>(value)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Vec<C::Value>, DecodeError> {
        read_vector_id(reader)?;
        decode_elements(reader, C::MIN_LEN, C::decode)
    }
}

impl<'a, C: CodecBorrowed<'a>> CodecBorrowed<'a> for Vector<C> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Vec<C::Value>, DecodeError> {
        read_vector_id(reader)?;
        decode_elements(reader, C::MIN_LEN, C::decode_borrowed)
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
    fn check_limits(value: &Vec<C::Value>) -> Result<(), EncodeError> {
        check_elements::<C>(value)
    }
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Result<Vec<C::Value>, DecodeError> {
        decode_elements(reader, C::MIN_LEN, C::decode)
    }
}

impl<'a, C: CodecBorrowed<'a>> CodecBorrowed<'a> for BareVector<C> {
    #[inline]
    fn decode_borrowed(reader: &mut Reader<'a>) -> Result<Vec<C::Value>, DecodeError> {
        decode_elements(reader, C::MIN_LEN, C::decode_borrowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A slice of more than u32::MAX elements cannot be built without allocating (or looping over)
    // billions of them, so the count rule is tested on its own; both paths call it.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_vector_count_over_u32_max_is_unrepresentable() {
        let over = u32::MAX as usize + 1;
        assert_eq!(tl_count(u32::MAX as usize), Ok(u32::MAX));
        assert_eq!(
            tl_count(over),
            Err(EncodeErrorKind::TooManyElements { count: over })
        );
        assert_eq!(
            EncodeError::new(EncodeErrorKind::TooManyElements { count: over }).to_string(),
            "cannot encode: a vector of 4294967296 elements is longer than TL's limit of 4294967295"
        );
    }

    #[test]
    #[should_panic(
        expected = "cannot encode: a vector of 4294967296 elements is longer than TL's limit of \
                    4294967295 (Serializable::try_to_bytes reports it as an error naming the field)"
    )]
    fn the_infallible_path_panics_with_the_error_and_the_way_out() {
        unrepresentable(EncodeErrorKind::TooManyElements {
            count: u32::MAX as usize + 1,
        });
    }
}
