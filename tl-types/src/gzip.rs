//! `gzip_packed#3072cfa1 packed_data:bytes = Object` (the `gzip` feature): MTProto's stand-in for
//! any boxed value, which a server may send instead of the value itself, its bytes gzip-compressed.
//!
//! Telegram's servers compress where the receiver picks the type to decode: the `result` of an
//! `rpc_result` (the `Return` of the request it answers) and the body of a message. So the typed
//! decoder accepts `gzip_packed` there, at the boundary, rather than at every boxed field: decode a
//! result with [`unpacked`] (or [`deserialize`] from a [`Reader`]) instead of
//! [`Deserializable::from_bytes`], and a `gzip_packed` is unpacked and its contents decoded as
//! `T`; anything else is decoded as `T` directly, exactly as `from_bytes` would.
//!
//! Callers who never meet gzip pay nothing: generated code is the same with or without this
//! feature (no extra branch in any decoder, no `Reader` setting), and without the feature neither
//! this module nor flate2 is compiled.
//!
//! **Decompression bombs.** A few kilobytes of deflate can unpack to gigabytes. Unpacking stops as
//! soon as the data grows past a limit ([`DEFAULT_MAX_UNPACKED`], 16 MiB, by default; TL itself
//! cannot carry a byte string over 16 MiB − 1) and fails with
//! [`DecodeErrorKind::UnpackedTooLarge`]; memory held while unpacking stays within about twice
//! the limit. Data that is not a gzip stream (or is cut, or fails its CRC) is
//! [`DecodeErrorKind::BadGzip`]. Bytes after the first gzip member are ignored.
//!
//! **Errors inside the packed data** carry the offset in the *unpacked* bytes, and their path
//! starts with `gzip_packed.packed_data`; errors in the `gzip_packed` itself (its id, its byte
//! string, unpacking) the offset in the input. The unpacked value must use all of the unpacked
//! bytes ([`DecodeErrorKind::TrailingBytes`] otherwise), and it is decoded with the depth the
//! reader had left.
//!
//! ```
//! # #[cfg(feature = "gzip")] {
//! use tl_types::{Deserializable, Serializable, enums, gzip, types};
//!
//! let value: enums::User = types::UserEmpty { id: 7 }.into();
//! let packed = gzip::pack(&value.to_bytes()).unwrap();
//! assert_eq!(&packed[..4], &gzip::GZIP_PACKED_ID.to_le_bytes());
//! assert_eq!(gzip::unpacked::<enums::User>(&packed).unwrap(), value);
//! // Plain bytes decode as `from_bytes` would.
//! assert_eq!(gzip::unpacked::<enums::User>(&value.to_bytes()).unwrap(), value);
//! # }
//! ```

use std::io::{Read as _, Write as _};

use crate::codec::{MAX_TL_BYTES_LEN, write_tl_bytes};
use crate::decode_error::{DecodeError, DecodeErrorKind};
use crate::reader::Reader;
use crate::traits::Deserializable;

/// The id of `gzip_packed#3072cfa1 packed_data:bytes = Object`.
pub const GZIP_PACKED_ID: u32 = 0x3072cfa1;

/// The most bytes a `gzip_packed` may unpack to unless a caller sets another limit: 16 MiB.
pub const DEFAULT_MAX_UNPACKED: usize = 16 * 1024 * 1024;

/// Unpacks the gzip stream `packed` (a `gzip_packed`'s `packed_data`), refusing to produce more
/// than `limit` bytes.
///
/// The error is [`DecodeErrorKind::UnpackedTooLarge`] or [`DecodeErrorKind::BadGzip`], at offset
/// 0 (callers put it where the packed data starts).
pub fn inflate(packed: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let decoder = flate2::read::GzDecoder::new(packed);
    // One byte more than the limit tells "exactly the limit" from "more".
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    // Reserve for a typical ratio, never for what the header or the input merely claims.
    let mut out = Vec::with_capacity(packed.len().saturating_mul(4).min(limit).min(1 << 20));
    match decoder.take(cap).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(DecodeError::new(
            DecodeErrorKind::UnpackedTooLarge { limit },
            0,
        )),
        Ok(_) => Ok(out),
        Err(_) => Err(DecodeError::new(DecodeErrorKind::BadGzip, 0)),
    }
}

/// The boxed `gzip_packed` holding `unpacked` (the bytes of a boxed value) compressed: its id and
/// the gzip stream as a TL byte string. For tests and for peers that compress what they send.
///
/// Fails with [`std::io::ErrorKind::InvalidInput`] when the compressed data is longer than TL's
/// limit for a byte string ([`MAX_TL_BYTES_LEN`]).
pub fn pack(unpacked: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(unpacked)?;
    let packed = encoder.finish()?;
    if packed.len() > MAX_TL_BYTES_LEN {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{} bytes of gzip data are longer than TL's limit of {MAX_TL_BYTES_LEN}",
                packed.len()
            ),
        ));
    }
    let mut out = Vec::with_capacity(8 + packed.len());
    out.extend_from_slice(&GZIP_PACKED_ID.to_le_bytes());
    write_tl_bytes(&packed, &mut out);
    Ok(out)
}

/// Reads one boxed `T` from `reader`, or a `gzip_packed` holding one (unpacked to at most `limit`
/// bytes); see the [module docs](self) for errors.
pub fn deserialize<T: Deserializable>(
    reader: &mut Reader<'_>,
    limit: usize,
) -> Result<T, DecodeError> {
    if reader.peek_u32() != Some(GZIP_PACKED_ID) {
        return T::deserialize(reader);
    }
    reader.read_u32()?;
    let at = reader.position();
    let packed = reader
        .read_tl_bytes()
        .map_err(|e| e.in_field("gzip_packed", "packed_data"))?;
    let data = inflate(packed, limit).map_err(|e| {
        DecodeError::new(e.kind().clone(), at).in_field("gzip_packed", "packed_data")
    })?;
    let depth_left = reader.max_depth().saturating_sub(reader.depth());
    let mut inner = Reader::new(&data).with_max_depth(depth_left);
    let value = T::deserialize(&mut inner)
        .and_then(|value| inner.finish().map(|()| value))
        .map_err(|e| e.in_field("gzip_packed", "packed_data"))?;
    Ok(value)
}

/// [`Deserializable::from_bytes`] that also accepts a `gzip_packed` holding the value, unpacked to
/// at most [`DEFAULT_MAX_UNPACKED`] bytes.
pub fn unpacked<T: Deserializable>(bytes: &[u8]) -> Result<T, DecodeError> {
    unpacked_with_limit(bytes, DEFAULT_MAX_UNPACKED)
}

/// [`unpacked`] with another limit on the unpacked size.
pub fn unpacked_with_limit<T: Deserializable>(
    bytes: &[u8],
    limit: usize,
) -> Result<T, DecodeError> {
    let mut reader = Reader::new(bytes);
    let value = deserialize(&mut reader, limit)?;
    reader.finish()?;
    Ok(value)
}
