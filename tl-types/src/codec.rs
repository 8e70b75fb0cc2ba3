//! Codecs: zero-sized types that stand for TL types (`Int`, `Str`, `Vector<Boxed<T>>` …) and encode
//! or decode the Rust value that represents them. Generated code names the TL type of every field
//! through a codec, so that `bytes` (`Vec<u8>`) and `Vector<int>` (`Vec<i32>`), or a boxed and a bare
//! vector, never get confused. Used by generated code; not meant to be called by hand.

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
pub trait Codec {
    /// The Rust type that holds a value.
    type Value;
    /// The fewest bytes a value takes on the wire.
    const MIN_LEN: usize;
    /// Appends `value`'s bytes.
    fn encode(value: &Self::Value, out: &mut Vec<u8>);
    /// The exact number of bytes [`Codec::encode`] appends.
    fn encoded_len(value: &Self::Value) -> usize;
    /// Reads one value.
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
/// the field in the error's path.
#[inline]
pub fn decode<C: Codec>(reader: &mut Reader<'_>, ty: &'static str, field: &'static str) -> Result<C::Value, DecodeError> {
    C::decode(reader).map_err(|e| e.in_field(ty, field))
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

/// The length of a TL byte string of `len` bytes, header and padding included.
#[inline]
pub fn tl_bytes_len(len: usize) -> usize {
    let header = if len < 254 { 1 } else { 4 };
    (header + len).div_ceil(4) * 4
}

/// Appends a TL byte string: the length header, the data, and zero padding to a multiple of four.
#[inline]
pub fn write_tl_bytes(data: &[u8], out: &mut Vec<u8>) {
    let len = data.len();
    if len < 254 {
        out.push(len as u8);
    } else {
        // Lengths of 2^24 bytes or more cannot be represented; the top byte is cut, as every TL
        // implementation does. No real message comes near that size.
        out.extend_from_slice(&[254, len as u8, (len >> 8) as u8, (len >> 16) as u8]);
    }
    out.extend_from_slice(data);
    let total = tl_bytes_len(len);
    let header = if len < 254 { 1 } else { 4 };
    out.resize(out.len() + (total - header - len), 0);
}

/// TL `bytes`: `Vec<u8>`.
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

/// TL `string`: `String`. Invalid UTF-8 is rejected with [`DecodeErrorKind::InvalidUtf8`], at the
/// offset of the string's length header.
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
    fn decode(reader: &mut Reader<'_>) -> Result<String, DecodeError> {
        let at = reader.position();
        let data = reader.read_tl_bytes()?;
        match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(DecodeError::new(DecodeErrorKind::InvalidUtf8, at)),
        }
    }
}

/// TL `Bool`: `bool`, written as the id of `boolTrue` or `boolFalse`.
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
/// first. Each one is a nesting level.
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
/// without its id. Each one is a nesting level.
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

/// Reads a vector's element count and checks that the remaining input can hold that many elements
/// of at least `min_len` bytes (one byte for elements that may be empty), so that no allocation is
/// ever larger than the input justifies.
#[inline]
fn read_count(reader: &mut Reader<'_>, min_len: usize) -> Result<usize, DecodeError> {
    let at = reader.position();
    let count = reader.read_u32()?;
    let max = reader.remaining() / min_len.max(1);
    if count as usize > max {
        return Err(DecodeError::new(DecodeErrorKind::VectorTooLong { count, max }, at));
    }
    Ok(count as usize)
}

#[inline]
fn encode_elements<C: Codec>(values: &[C::Value], out: &mut Vec<u8>) {
    // A vector longer than u32::MAX elements cannot be written in TL; no real value comes near it.
    out.extend_from_slice(&(values.len() as u32).to_le_bytes());
    for value in values {
        C::encode(value, out);
    }
}

#[inline]
fn elements_len<C: Codec>(values: &[C::Value]) -> usize {
    4 + values.iter().map(C::encoded_len).sum::<usize>()
}

#[inline]
fn decode_elements<C: Codec>(reader: &mut Reader<'_>) -> Result<Vec<C::Value>, DecodeError> {
    let count = read_count(reader, C::MIN_LEN)?;
    let mut values = Vec::with_capacity(count);
    for index in 0..count {
        values.push(C::decode(reader).map_err(|e| e.at_index(index))?);
    }
    Ok(values)
}

/// The boxed `Vector<T>`: the vector id, a count, then the elements.
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

/// The bare `vector<T>`: a count, then the elements, without the vector id.
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
