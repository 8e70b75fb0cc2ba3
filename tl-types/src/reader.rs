//! `Reader`: a cursor over input bytes that knows its offset (for errors) and how deeply values are
//! nested (to bound recursion on hostile input).

use crate::error::{DecodeError, DecodeErrorKind};

/// The nesting limit a [`Reader`] starts with. It holds on a thread with a 2 MiB stack, the
/// default for spawned threads, even in debug builds.
pub const DEFAULT_MAX_DEPTH: usize = 64;

/// A cursor over the bytes being decoded.
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
        Reader { data, pos: 0, depth: 0, max_depth: DEFAULT_MAX_DEPTH }
    }

    /// Sets how many values may be nested inside each other before decoding fails with
    /// [`DecodeErrorKind::DepthExceeded`].
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The offset of the next byte to be read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// How many bytes are left.
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// Fails with [`DecodeErrorKind::TrailingBytes`] unless every byte was read.
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

    /// Reads the next `n` bytes.
    #[inline]
    pub fn read_slice(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.remaining() {
            return Err(self.error(DecodeErrorKind::UnexpectedEof { needed: n, remaining: self.remaining() }));
        }
        let slice = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    /// Reads the next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.read_slice(N)?);
        Ok(out)
    }

    /// Reads a little-endian `u32` (a constructor id, a flags word, a count).
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

    /// Reads a little-endian `f64` (TL `double`).
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64, DecodeError> {
        self.read_array().map(f64::from_le_bytes)
    }

    /// Reads a TL byte string (`bytes` or `string`): a 1-byte length below 254, or 254 followed by a
    /// 3-byte length; then the data and zero to three bytes of padding to a multiple of four.
    ///
    /// Non-canonical but unambiguous input is accepted, as TDLib accepts it: a long-form length for a
    /// short string, and padding bytes that are not zero. The prefix 0xff is rejected.
    pub fn read_tl_bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let start = self.pos;
        let first = *self.read_slice(1)?.first().unwrap_or(&0);
        let (len, header) = match first {
            0..=253 => (usize::from(first), 1),
            254 => {
                let b = self.read_slice(3)?;
                (usize::from(b[0]) | usize::from(b[1]) << 8 | usize::from(b[2]) << 16, 4)
            }
            255 => {
                self.pos = start;
                return Err(self.error(DecodeErrorKind::BadLengthPrefix));
            }
        };
        let padding = (4 - (header + len) % 4) % 4;
        if len + padding > self.remaining() {
            let err = self.error(DecodeErrorKind::UnexpectedEof { needed: len + padding, remaining: self.remaining() });
            self.pos = start;
            return Err(err);
        }
        let data = self.read_slice(len)?;
        self.read_slice(padding)?;
        Ok(data)
    }

    /// Runs `f` one nesting level deeper, failing with [`DecodeErrorKind::DepthExceeded`] past the limit.
    #[inline]
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, DecodeError>) -> Result<T, DecodeError> {
        if self.depth >= self.max_depth {
            return Err(self.error(DecodeErrorKind::DepthExceeded { limit: self.max_depth }));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }
}
