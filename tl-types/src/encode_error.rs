//! `EncodeError`: why a value cannot be written in TL, and along which path of type and field
//! names, as the checked path ([`crate::Serializable::try_to_bytes`]) reports it.
//!
//! TL cannot represent two things: a byte string (`string`, `bytes`) longer than
//! [`crate::codec::MAX_TL_BYTES_LEN`] (16 MiB − 1, its length header has three bytes), and a vector
//! of more than `u32::MAX` elements. Displayed, an error reads `cannot encode
//! messages.getChatInviteImporters.q: a byte string of 16777216 bytes is longer than TL's limit of
//! 16777215`.

use std::fmt;

use crate::path::{FieldPath, PathSegment};

/// What TL cannot represent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeErrorKind {
    /// A `string` or `bytes` value longer than [`crate::codec::MAX_TL_BYTES_LEN`] bytes.
    ByteStringTooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// A vector of more than `u32::MAX` elements (its count is a `u32`).
    TooManyElements {
        /// How many it has.
        count: usize,
    },
}

impl fmt::Display for EncodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ByteStringTooLong { len } => write!(
                f,
                "a byte string of {len} bytes is longer than TL's limit of {}",
                crate::codec::MAX_TL_BYTES_LEN
            ),
            Self::TooManyElements { count } => write!(
                f,
                "a vector of {count} elements is longer than TL's limit of {}",
                u32::MAX
            ),
        }
    }
}

/// Why a value cannot be written in TL: the kind (with the offending length) and the path of
/// type and field names from the outermost value to the value that does not fit.
///
/// Held behind a `Box` (a heap pointer), so that `Result<(), EncodeError>` stays one pointer wide.
#[derive(Clone, PartialEq, Eq)]
pub struct EncodeError(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: EncodeErrorKind,
    path: FieldPath,
}

impl EncodeError {
    /// An error of `kind`, with an empty path.
    #[cold]
    pub fn new(kind: EncodeErrorKind) -> Self {
        EncodeError(Box::new(Inner {
            kind,
            path: FieldPath::default(),
        }))
    }

    /// What TL cannot represent.
    pub fn kind(&self) -> &EncodeErrorKind {
        &self.0.kind
    }

    /// The path from the outermost value to the value that does not fit, outermost first.
    pub fn path(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.path.iter()
    }

    /// The path as text, such as `messages.chatInviteImporters.users[3].user.first_name` (see
    /// [`crate::DecodeError::path_string`]). Empty when the value itself (a top-level `String` or
    /// `Vec`) does not fit.
    pub fn path_string(&self) -> String {
        self.0.path.to_string()
    }

    /// Adds the field `field` of `ty` to the path (called while the error travels outwards).
    #[cold]
    pub fn in_field(mut self, ty: &'static str, field: &'static str) -> Self {
        self.0.path.push(PathSegment::field(ty, field));
        self
    }

    /// Adds the vector element `index` to the path.
    #[cold]
    pub fn at_index(mut self, index: usize) -> Self {
        self.0.path.push(PathSegment::Index(index));
        self
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot encode")?;
        if !self.0.path.is_empty() {
            write!(f, " {}", self.0.path)?;
        }
        write!(f, ": {}", self.0.kind)
    }
}

impl fmt::Debug for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncodeError")
            .field("kind", &self.0.kind)
            .field("path", &self.path_string())
            .finish()
    }
}

impl std::error::Error for EncodeError {}
