//! `Reader`: a cursor over input bytes that knows its offset (for errors) and how deeply values are
//! nested (to bound recursion on hostile input).
//!
//! # Decoding rules this reader enforces
//!
//! - Every read is bounds-checked: running out of input is
//!   [`DecodeErrorKind::UnexpectedEof`] at the offset of the read that could not be satisfied, with
//!   the bytes it needed and the bytes that were left. Nothing here panics on any input.
//! - TL byte strings ([`Reader::read_tl_bytes`]): a length below 254 takes one byte; byte 254 is
//!   followed by a 3-byte little-endian length; then the data and padding to a multiple of four.
//!   - A long-form length for a short string (`fe 03 00 00 'a' 'b' 'c' 00`) is **accepted**, as
//!     TDLib accepts it: the input is unambiguous.
//!   - Padding bytes that are not zero are **accepted** and ignored, as TDLib does.
//!   - The prefix byte 0xff is **rejected** with [`DecodeErrorKind::BadLengthPrefix`] at the offset of
//!     that byte.
//!   - The length is checked against the remaining input before anything is copied or allocated.
//! - Nesting ([`Reader::nested`]): generated code enters one level for every boxed or bare value of a
//!   generated type (the `Boxed` and `BareConstructor` codecs do it), and decoding fails with
//!   [`DecodeErrorKind::DepthExceeded`] once more than [`Reader::max_depth`] levels are open. The
//!   default, [`DEFAULT_MAX_DEPTH`] = 64, holds on a thread with a 2 MiB stack (the default for
//!   spawned threads) even in debug builds, so deeply nested hostile input (a megabyte of nested
//!   `jsonArray` or `textBold`) is an error, not a stack overflow.

use crate::decode_error::{DecodeError, DecodeErrorKind};

/// The nesting limit a [`Reader`] starts with: 64 values of generated types nested inside each
/// other. It holds on a thread with a 2 MiB stack, the default for spawned threads, even in debug
/// builds. Change it with [`Reader::with_max_depth`].
pub const DEFAULT_MAX_DEPTH: usize = 64;

/// A cursor over the bytes being decoded.
///
/// It knows the offset of the next byte (every [`DecodeError`] carries one) and how many values are
/// currently nested (see [`Reader::nested`]). After an error the reader's position is unspecified;
/// discard it.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
    max_depth: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`, with [`DEFAULT_MAX_DEPTH`].
    pub fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// Sets how many values may be nested inside each other before decoding fails with
    /// [`DecodeErrorKind::DepthExceeded`].
    ///
    /// Each level costs stack (more in debug builds) and, for a vector being filled, up to
    /// [`crate::codec::MAX_PREALLOC_BYTES`] of memory that the input has not paid for yet; raise the
    /// limit only together with the stack size of the decoding thread.
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The nesting limit in force.
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// How many values are nested around the current position (0 at the top level).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The offset of the next byte to be read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// How many bytes are left.
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// Fails with [`DecodeErrorKind::TrailingBytes`] (at the offset of the first unread byte) unless
    /// every byte was read.
    pub fn finish(&self) -> Result<(), DecodeError> {
        match self.remaining() {
            0 => Ok(()),
            count => Err(self.error(DecodeErrorKind::TrailingBytes { count })),
        }
    }

    /// An error of `kind` at the current offset.
    #[cold]
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(kind, self.pos)
    }

    /// Reads the next `n` bytes; fails with [`DecodeErrorKind::UnexpectedEof`] at the current offset
    /// (without moving) when fewer are left.
    #[inline]
    pub fn read_slice(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let slice = self
            .pos
            .checked_add(n)
            .and_then(|end| self.data.get(self.pos..end));
        match slice {
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

    /// Reads the next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let slice = self.read_slice(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(slice);
        Ok(out)
    }

    /// The next little-endian `u32`, without consuming it; `None` when fewer than 4 bytes remain.
    #[inline]
    pub fn peek_u32(&self) -> Option<u32> {
        let bytes = self.data.get(self.pos..self.pos.checked_add(4)?)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    /// Reads a little-endian `u32` (a constructor id, a flags word, a count, TL `#`).
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32, DecodeError> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// Reads a little-endian `i32` (TL `int`).
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32, DecodeError> {
        self.read_array().map(i32::from_le_bytes)
    }

    /// Reads a little-endian `i64` (TL `long`).
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64, DecodeError> {
        self.read_array().map(i64::from_le_bytes)
    }

    /// Reads a little-endian IEEE 754 `f64` (TL `double`), every bit pattern (NaNs included) as is.
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64, DecodeError> {
        self.read_array().map(f64::from_le_bytes)
    }

    /// Reads a TL byte string (`bytes` or `string`): a 1-byte length below 254, or 254 followed by a
    /// 3-byte little-endian length; then the data and zero to three bytes of padding to a multiple of
    /// four (counting the header).
    ///
    /// Non-canonical but unambiguous input is accepted, as TDLib accepts it: a long-form length for a
    /// short string, and padding bytes that are not zero. The prefix 0xff is rejected with
    /// [`DecodeErrorKind::BadLengthPrefix`] at its offset. When the data and padding do not fit in
    /// the rest of the input, the error is [`DecodeErrorKind::UnexpectedEof`] at the offset just
    /// after the length header, `needed` being the data and padding length. The length is checked
    /// before anything is read, and nothing is allocated: the result borrows the input.
    pub fn read_tl_bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let [first] = self.read_array::<1>()?;
        let (len, header) = match first {
            0..=253 => (usize::from(first), 1),
            254 => {
                let [b0, b1, b2] = self.read_array::<3>()?;
                (
                    usize::from(b0) | usize::from(b1) << 8 | usize::from(b2) << 16,
                    4,
                )
            }
            255 => {
                self.pos -= 1;
                return Err(self.error(DecodeErrorKind::BadLengthPrefix));
            }
        };
        let padding = (4 - (header + len) % 4) % 4;
        let needed = len + padding;
        if needed > self.remaining() {
            return Err(self.error(DecodeErrorKind::UnexpectedEof {
                needed,
                remaining: self.remaining(),
            }));
        }
        let data = self.read_slice(len)?;
        self.read_slice(padding)?;
        Ok(data)
    }

    /// Reads a TL `string`: a byte string ([`Reader::read_tl_bytes`]) that must be UTF-8, borrowed
    /// from the input. Bytes that are not UTF-8 are [`DecodeErrorKind::InvalidUtf8`] at the offset
    /// of the string's length header; other errors are `read_tl_bytes`'. Nothing is allocated.
    #[inline]
    pub fn read_tl_str(&mut self) -> Result<&'a str, DecodeError> {
        let at = self.pos;
        let data = self.read_tl_bytes()?;
        std::str::from_utf8(data).map_err(|_| DecodeError::new(DecodeErrorKind::InvalidUtf8, at))
    }

    /// Runs `f` one nesting level deeper. Fails with [`DecodeErrorKind::DepthExceeded`], at the
    /// current offset and without calling `f`, when [`Reader::max_depth`] levels are already open:
    /// `max_depth` nested values decode, one more does not.
    ///
    /// The `Boxed` and `BareConstructor` codecs call this for every value of a generated type,
    /// which is what bounds recursion through recursive types.
    #[inline]
    pub fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        if self.depth >= self.max_depth {
            return Err(self.error(DecodeErrorKind::DepthExceeded {
                limit: self.max_depth,
            }));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }
}
