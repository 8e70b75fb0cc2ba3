//! `DecodeError`: why bytes could not be decoded, at which byte offset, and along which path of
//! type and field names.
//!
//! Every error has a [`DecodeErrorKind`], the byte offset in the whole input where it happened
//! (relative to the start of the [`crate::Reader`]'s data), and a path such as
//! `messages.chatInviteImporters.users[3].user.photo`: the fields (as `constructor.field`) and
//! vector indices from the outermost value inwards. Displayed, it reads
//! `failed to decode messages.chatInviteImporters.users[3].user.photo at byte 120: unexpected end of
//! input: needed 4 bytes, 2 left`.
//!
//! Which offset each kind reports:
//!
//! | kind | offset |
//! |---|---|
//! | `UnexpectedEof` | the read that could not be satisfied (for a byte string's data: just after its length header) |
//! | `UnknownConstructor`, `BadBool`, `BadVectorId` | the id |
//! | `DepthExceeded` | the value that would have been one level too deep |
//! | `TrailingBytes` | the first byte after the value |
//! | `VectorTooLong` | the vector's count |
//! | `InvalidUtf8`, `BadLengthPrefix` | the string's length header |
//! | `UnpackedTooLarge`, `BadGzip` | the length header of the `gzip_packed`'s data |
//! | `BadBodyLength` | the `message`'s `bytes` field (tl-dynamic only) |
//! | `Unsupported` | where the value starts (tl-dynamic only) |
//!
//! Errors inside the data a `gzip_packed` held (the `gzip` feature's decoders) report the offset
//! in the unpacked bytes; their path starts with `gzip_packed.packed_data`. A decoder that unpacks
//! `gzip_packed` in place (tl-dynamic) also records where each enclosing `gzip_packed` starts
//! ([`DecodeError::in_packed`], [`DecodeError::packed_at`]).
//!
//! tl-dynamic, which reads its schema at run time, reports these same errors: its names are owned
//! (`Cow`), and it adds the two kinds only a schema read at run time can meet.

use std::borrow::Cow;
use std::fmt;

use crate::path::{FieldPath, PathSegment};

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
        /// The TL name of what was expected (`User`, `messages.ChatInviteImporters`; for
        /// tl-dynamic also `Object` or a constructor's name): static in generated code.
        expected: Cow<'static, str>,
    },
    /// A `Bool` whose id is neither `boolTrue#997275b5` nor `boolFalse#bc799737`.
    BadBool {
        /// The id read.
        id: u32,
    },
    /// Values were nested deeper than the reader's limit.
    DepthExceeded {
        /// The limit in force.
        limit: usize,
    },
    /// Bytes were left after a complete value (only [`crate::Deserializable::from_bytes`] checks this).
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
    /// A vector did not start with the vector constructor id `0x1cb5c415`.
    BadVectorId {
        /// The id read.
        id: u32,
    },
    /// A `gzip_packed` unpacked to more than the limit in force (only decoders that unpack
    /// `gzip_packed`, such as the `gzip` feature's, report it).
    UnpackedTooLarge {
        /// The limit, in unpacked bytes.
        limit: usize,
    },
    /// A `gzip_packed`'s data is not a valid gzip stream (cut, corrupt, or failing its CRC).
    BadGzip,
    /// A `message`'s `bytes` is negative, not a multiple of four, or shorter than a constructor id
    /// (only tl-dynamic, which knows MTProto's envelopes, reports it).
    BadBodyLength {
        /// The value of `bytes`.
        bytes: i32,
    },
    /// The schema gives no way to read this value, such as a type that is not defined (only
    /// tl-dynamic, which reads its schema at run time, reports it).
    Unsupported {
        /// What it is.
        what: String,
    },
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedEof { needed, remaining } => {
                write!(
                    f,
                    "unexpected end of input: needed {needed} bytes, {remaining} left"
                )
            }
            Self::UnknownConstructor { id, expected } => {
                write!(f, "unknown constructor id {id:#010x} for type {expected}")
            }
            Self::BadBool { id } => write!(
                f,
                "bad Bool: id {id:#010x} is neither boolTrue nor boolFalse"
            ),
            Self::DepthExceeded { limit } => {
                write!(f, "values nested deeper than the limit of {limit}")
            }
            Self::TrailingBytes { count } => write!(f, "{count} trailing bytes after the value"),
            Self::VectorTooLong { count, max } => {
                write!(
                    f,
                    "vector of {count} elements cannot fit in the remaining input (at most {max})"
                )
            }
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

/// Why bytes could not be decoded: the kind, the byte offset and the path of type/field names.
///
/// Held behind a `Box` (a heap pointer), so that `Result<T, DecodeError>` stays one pointer wide on
/// the happy path.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: DecodeErrorKind,
    offset: usize,
    path: FieldPath,
    /// Offsets of the enclosing `gzip_packed` values, innermost first (only decoders that unpack
    /// `gzip_packed` in place fill it).
    packed: Vec<usize>,
}

impl DecodeError {
    /// An error of `kind` at byte `offset` of the input.
    #[cold]
    pub fn new(kind: DecodeErrorKind, offset: usize) -> Self {
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

    /// The byte offset in the input where it went wrong (in the data unpacked from the innermost
    /// `gzip_packed` of [`DecodeError::packed_at`], when there is one).
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// Where each `gzip_packed` around the error starts, outermost first (in the input for the
    /// first, in the data unpacked from the one before for the others); empty outside gzip, and
    /// always empty from generated code.
    pub fn packed_at(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.packed.iter().rev().copied()
    }

    /// The path from the outermost value to where it went wrong, outermost first.
    pub fn path(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.path.iter()
    }

    /// The path as text, such as `messages.chatInviteImporters.users[3].user.photo`: each field as
    /// `constructor.field`, joined by `.`, each vector element as `[index]`. Empty when the error
    /// happened at the top level (the outermost constructor id, trailing bytes).
    pub fn path_string(&self) -> String {
        self.0.path.to_string()
    }

    /// Adds the field `field` of `ty` to the path (called while the error travels outwards).
    #[cold]
    pub fn in_field(mut self, ty: &'static str, field: &'static str) -> Self {
        self.0.path.push(PathSegment::field(ty, field));
        self
    }

    /// Adds `segment` to the path, such as a field whose names are only known at run time
    /// ([`PathSegment::field_owned`]).
    #[cold]
    pub fn in_segment(mut self, segment: PathSegment) -> Self {
        self.0.path.push(segment);
        self
    }

    /// Adds the vector element `index` to the path.
    #[cold]
    pub fn at_index(mut self, index: usize) -> Self {
        self.0.path.push(PathSegment::Index(index));
        self
    }

    /// The error happened in the data unpacked from a `gzip_packed` that starts at byte `at`:
    /// records `at` and adds `gzip_packed.packed_data` to the path (for decoders that unpack
    /// `gzip_packed` in place, such as tl-dynamic's).
    #[cold]
    pub fn in_packed(mut self, at: usize) -> Self {
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
        let mut debug = f.debug_struct("DecodeError");
        debug
            .field("kind", &self.0.kind)
            .field("offset", &self.0.offset)
            .field("path", &self.path_string());
        if !self.0.packed.is_empty() {
            debug.field("packed_at", &self.0.packed);
        }
        debug.finish()
    }
}

impl std::error::Error for DecodeError {}
