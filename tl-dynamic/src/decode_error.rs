//! `DecodeError`: why bytes did not decode, at which byte offset, along which path of fields. The
//! kinds and offsets are those of the generated decoder (`tl_types::DecodeError`), plus the ones only
//! a schema read at run time can meet.
//!
//! | kind | offset |
//! |---|---|
//! | `UnexpectedEof` | the read that could not be satisfied (a byte string's data: just after its header) |
//! | `UnknownConstructor`, `BadBool`, `BadVectorId` | the id |
//! | `DepthExceeded` | the value that would have been one level too deep |
//! | `TrailingBytes` | the first byte after the value (or after a message body) |
//! | `VectorTooLong` | the vector's count |
//! | `InvalidUtf8`, `BadLengthPrefix` | the string's length header |
//! | `UnpackedTooLarge`, `BadGzip` | the length header of the `gzip_packed`'s data |
//! | `BadBodyLength` | the `message`'s `bytes` field |
//! | `Unsupported` | where the value starts |
//!
//! Inside data unpacked from a `gzip_packed`, the offset is in the unpacked bytes and
//! [`DecodeError::packed_at`] lists where each enclosing `gzip_packed` starts in the input; the path
//! goes through `gzip_packed.packed_data`.

use std::fmt;

use tl_types::{FieldPath, PathSegment};

/// What went wrong while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input ended before a value was complete.
    UnexpectedEof {
        /// Bytes the value needed.
        needed: usize,
        /// Bytes that were left.
        remaining: usize,
    },
    /// A constructor id that the expected type does not have.
    UnknownConstructor {
        /// The id read.
        id: u32,
        /// The TL name of what was expected (`User`, `Object`, a constructor's name).
        expected: String,
    },
    /// A `Bool` whose id is neither `boolTrue#997275b5` nor `boolFalse#bc799737`.
    BadBool {
        /// The id read.
        id: u32,
    },
    /// Values were nested deeper than the limit.
    DepthExceeded {
        /// The limit in force.
        limit: usize,
    },
    /// Bytes were left after a complete value.
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// A vector announced more elements than the remaining input could hold.
    VectorTooLong {
        /// The element count read.
        count: u32,
        /// The most elements the remaining bytes could hold.
        max: usize,
    },
    /// A `string` was not valid UTF-8.
    InvalidUtf8,
    /// A string or bytes value began with the length prefix 0xff, which TL does not use.
    BadLengthPrefix,
    /// A vector did not start with the vector id `0x1cb5c415`.
    BadVectorId {
        /// The id read.
        id: u32,
    },
    /// The `gzip_packed` values of the input unpacked to more than the limit in force.
    UnpackedTooLarge {
        /// The limit, in unpacked bytes.
        limit: usize,
    },
    /// A `gzip_packed`'s data is not a valid gzip stream.
    BadGzip,
    /// A `message`'s `bytes` is negative, not a multiple of four, or shorter than a constructor id.
    BadBodyLength {
        /// The value of `bytes`.
        bytes: i32,
    },
    /// The schema gives no way to read this value (a type that is not defined).
    Unsupported {
        /// What it is.
        what: String,
    },
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedEof { needed, remaining } => write!(
                f,
                "unexpected end of input: needed {needed} bytes, {remaining} left"
            ),
            Self::UnknownConstructor { id, expected } => write!(
                f,
                "unknown constructor id {id:#010x} for type {expected} (`tlgen explain \
                 {id:#010x}` tells which layer has it)"
            ),
            Self::BadBool { id } => write!(
                f,
                "bad Bool: id {id:#010x} is neither boolTrue nor boolFalse"
            ),
            Self::DepthExceeded { limit } => {
                write!(f, "values nested deeper than the limit of {limit}")
            }
            Self::TrailingBytes { count } => write!(f, "{count} trailing bytes after the value"),
            Self::VectorTooLong { count, max } => write!(
                f,
                "vector of {count} elements cannot fit in the remaining input (at most {max})"
            ),
            Self::InvalidUtf8 => write!(f, "string is not valid UTF-8"),
            Self::BadLengthPrefix => write!(f, "length prefix 0xff is not valid"),
            Self::BadVectorId { id } => {
                write!(f, "expected the vector id 0x1cb5c415, found {id:#010x}")
            }
            Self::UnpackedTooLarge { limit } => write!(
                f,
                "gzip_packed data unpacks to more than the limit of {limit} bytes"
            ),
            Self::BadGzip => write!(f, "gzip_packed data is not a valid gzip stream"),
            Self::BadBodyLength { bytes } => write!(
                f,
                "a message body of {bytes} bytes (it needs a constructor id, and a multiple of 4 \
                 bytes)"
            ),
            Self::Unsupported { what } => write!(f, "cannot decode {what}"),
        }
    }
}

/// Why bytes did not decode: the kind, the byte offset and the path of fields.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: DecodeErrorKind,
    offset: usize,
    path: FieldPath,
    /// Offsets of the enclosing `gzip_packed` values, innermost first.
    packed: Vec<usize>,
}

impl DecodeError {
    /// An error of `kind` at byte `offset`.
    #[cold]
    pub(crate) fn new(kind: DecodeErrorKind, offset: usize) -> Self {
        DecodeError(Box::new(Inner {
            kind,
            offset,
            path: FieldPath::default(),
            packed: Vec::new(),
        }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.0.kind
    }

    /// The byte offset where it went wrong: in the input, or in the data unpacked from the
    /// innermost `gzip_packed` of [`DecodeError::packed_at`].
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// Where each `gzip_packed` around the error starts, outermost first (in the input for the
    /// first, in the data unpacked from the one before for the others); empty outside gzip.
    pub fn packed_at(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.packed.iter().rev().copied()
    }

    /// The path from the outermost value to where it went wrong, outermost first.
    pub fn path(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.path.iter()
    }

    /// The path as text (`messages.chatInviteImporters.users[3].user.username`); empty at the top.
    pub fn path_string(&self) -> String {
        self.0.path.to_string()
    }

    #[cold]
    pub(crate) fn in_field(mut self, ty: &str, field: &str) -> Self {
        self.0.path.push(PathSegment::field_owned(ty, field));
        self
    }

    #[cold]
    pub(crate) fn at_index(mut self, index: usize) -> Self {
        self.0.path.push(PathSegment::Index(index));
        self
    }

    /// The error happened in data unpacked from a `gzip_packed` at `at`.
    #[cold]
    pub(crate) fn in_packed(mut self, at: usize) -> Self {
        self.0.packed.push(at);
        self.in_field("gzip_packed", "packed_data")
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed to decode")?;
        if !self.0.path.is_empty() {
            write!(f, " {}", self.0.path)?;
        }
        write!(f, " at byte {}", self.0.offset)?;
        if let Some(at) = self.0.packed.first() {
            write!(f, " of the data unpacked from the gzip_packed at byte {at}")?;
        }
        write!(f, ": {}", self.0.kind)
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("kind", &self.0.kind)
            .field("offset", &self.0.offset)
            .field("path", &self.path_string())
            .field("packed_at", &self.0.packed)
            .finish()
    }
}

impl std::error::Error for DecodeError {}
