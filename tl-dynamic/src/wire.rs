//! The byte-level rules, written here again rather than borrowed from tl-types so that the dynamic
//! codec checks the generated one: little-endian numbers, TL byte strings (a long-form length for
//! a short string and non-zero padding accepted, the prefix 0xff rejected, lengths checked before
//! anything is copied), and the writers for the same.

use crate::decode_error::{DecodeError, DecodeErrorKind};

/// A cursor over input bytes; offsets in errors are `base` plus the position (a message body is
/// read from a slice of the input, and reports offsets in the whole input).
#[derive(Debug, Clone)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8], base: usize) -> Self {
        Reader { data, pos: 0, base }
    }

    /// The offset of the next byte, as errors report it.
    pub(crate) fn position(&self) -> usize {
        self.base + self.pos
    }

    pub(crate) fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    #[cold]
    pub(crate) fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(kind, self.position())
    }

    /// Fails with `TrailingBytes` unless every byte was read.
    pub(crate) fn finish(&self) -> Result<(), DecodeError> {
        match self.remaining() {
            0 => Ok(()),
            count => Err(self.error(DecodeErrorKind::TrailingBytes { count })),
        }
    }

    #[inline]
    pub(crate) fn slice(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n);
        match end.and_then(|end| self.data.get(self.pos..end)) {
            Some(slice) => {
                self.pos += n;
                Ok(slice)
            }
            None => Err(self.error(DecodeErrorKind::UnexpectedEof {
                needed: n,
                remaining: self.remaining(),
            })),
        }
    }

    #[inline]
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let slice = self.slice(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(slice);
        Ok(out)
    }

    #[inline]
    pub(crate) fn peek_u32(&self) -> Option<u32> {
        let bytes = self.data.get(self.pos..self.pos.checked_add(4)?)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    #[inline]
    pub(crate) fn u32(&mut self) -> Result<u32, DecodeError> {
        self.array().map(u32::from_le_bytes)
    }

    #[inline]
    pub(crate) fn i32(&mut self) -> Result<i32, DecodeError> {
        self.array().map(i32::from_le_bytes)
    }

    #[inline]
    pub(crate) fn i64(&mut self) -> Result<i64, DecodeError> {
        self.array().map(i64::from_le_bytes)
    }

    #[inline]
    pub(crate) fn f64(&mut self) -> Result<f64, DecodeError> {
        self.array().map(f64::from_le_bytes)
    }

    /// A TL byte string: a length below 254 in one byte, or 254 and three bytes of length; the
    /// data; zero to three bytes of padding to a multiple of four, header included.
    pub(crate) fn tl_bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let [first] = self.array::<1>()?;
        let (len, header) = match first {
            0..=253 => (usize::from(first), 1),
            254 => {
                let [a, b, c] = self.array::<3>()?;
                (
                    usize::from(a) | usize::from(b) << 8 | usize::from(c) << 16,
                    4,
                )
            }
            255 => {
                return Err(DecodeError::new(
                    DecodeErrorKind::BadLengthPrefix,
                    self.position() - 1,
                ));
            }
        };
        let padding = (4 - (header + len) % 4) % 4;
        if len + padding > self.remaining() {
            return Err(self.error(DecodeErrorKind::UnexpectedEof {
                needed: len + padding,
                remaining: self.remaining(),
            }));
        }
        let data = self.slice(len)?;
        self.slice(padding)?;
        Ok(data)
    }
}

/// The encoded length of a TL byte string of `len` bytes.
pub(crate) fn tl_bytes_len(len: usize) -> usize {
    let header = if len < 254 { 1 } else { 4 };
    (header + len).div_ceil(4) * 4
}

/// Appends a TL byte string; the caller has checked that `data` fits TL's limit.
pub(crate) fn write_tl_bytes(data: &[u8], out: &mut Vec<u8>) {
    let len = data.len();
    let [l0, l1, l2, _] = u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes();
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
