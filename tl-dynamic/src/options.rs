//! `Options`: the limits a [`crate::Codec`] decodes with (nesting depth, unpacked gzip size).

/// How deeply values may nest before decoding fails, unless set otherwise: 64, as the generated
/// decoder ([`tl_types::DEFAULT_MAX_DEPTH`]).
pub const DEFAULT_MAX_DEPTH: usize = tl_types::DEFAULT_MAX_DEPTH;

/// The most bytes the `gzip_packed` values of one input may unpack to in all, unless set
/// otherwise: 16 MiB ([`tl_types::gzip::DEFAULT_MAX_UNPACKED`]).
pub const DEFAULT_MAX_UNPACKED: usize = tl_types::gzip::DEFAULT_MAX_UNPACKED;

/// The limits of a [`crate::Codec`].
///
/// ```
/// let options = tl_dynamic::Options::default().with_max_depth(16).with_max_unpacked(None);
/// assert_eq!(options.max_depth(), 16);
/// assert_eq!(options.max_unpacked(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    max_depth: usize,
    max_unpacked: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_depth: DEFAULT_MAX_DEPTH,
            max_unpacked: Some(DEFAULT_MAX_UNPACKED),
        }
    }
}

impl Options {
    /// Sets how many values of constructors may nest inside each other (each boxed or bare value
    /// below the outermost one is a level, as in the generated decoder); one more is
    /// [`crate::DecodeErrorKind::DepthExceeded`]. Each level costs stack: raise it only together
    /// with the stack size of the decoding thread.
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// Sets the most bytes the `gzip_packed` values of one input may unpack to, all of them
    /// together ([`crate::DecodeErrorKind::UnpackedTooLarge`] past it); `None` refuses
    /// `gzip_packed` altogether (an unknown constructor, as for the generated decoder).
    pub fn with_max_unpacked(mut self, max_unpacked: Option<usize>) -> Self {
        self.max_unpacked = max_unpacked;
        self
    }

    /// The nesting limit.
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// The limit on unpacked `gzip_packed` data, `None` when `gzip_packed` is refused.
    pub fn max_unpacked(&self) -> Option<usize> {
        self.max_unpacked
    }
}
