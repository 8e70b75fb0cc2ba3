//! `EncodeError`: why a value tree cannot be written as the TL type asked for, along which path.

use std::fmt;

use tl_types::{FieldPath, PathSegment};

/// What is wrong with the value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeErrorKind {
    /// The value is not of the TL type the schema has there (an `int` where a `long` goes).
    WrongType {
        /// The TL type expected.
        expected: String,
        /// What the value is ([`crate::Value::kind_name`]).
        found: &'static str,
    },
    /// An object whose constructor is not one of the type expected there.
    WrongConstructor {
        /// The object's constructor or function.
        name: String,
        /// The type expected.
        expected: String,
    },
    /// An object made with another codec's definitions.
    ForeignDefinition {
        /// Its name.
        name: String,
    },
    /// A required field is missing, or a conditional one whose bit another field on it sets.
    MissingField {
        /// The constructor or function.
        ty: String,
        /// The field.
        field: String,
    },
    /// A `string` or `bytes` value longer than TL's limit (16 MiB − 1).
    ByteStringTooLong {
        /// Its length.
        len: usize,
    },
    /// A vector of more than `u32::MAX` elements.
    TooManyElements {
        /// How many it has.
        count: usize,
    },
    /// The schema gives no way to write this value (a type that is not defined).
    Unsupported {
        /// What it is.
        what: String,
    },
}

impl fmt::Display for EncodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongType { expected, found } => {
                write!(f, "expected a value of type {expected}, found {found}")
            }
            Self::WrongConstructor { name, expected } => {
                write!(f, "`{name}` is not a constructor of `{expected}`")
            }
            Self::ForeignDefinition { name } => {
                write!(f, "`{name}` belongs to another codec's schema")
            }
            Self::MissingField { ty, field } => write!(f, "missing field `{field}` of `{ty}`"),
            Self::ByteStringTooLong { len } => write!(
                f,
                "a byte string of {len} bytes is longer than TL's limit of {}",
                tl_types::codec::MAX_TL_BYTES_LEN
            ),
            Self::TooManyElements { count } => write!(
                f,
                "a vector of {count} elements is longer than TL's limit of {}",
                u32::MAX
            ),
            Self::Unsupported { what } => write!(f, "cannot encode {what}"),
        }
    }
}

/// Why a value cannot be encoded: the kind and the path to the value at fault.
#[derive(Clone, PartialEq, Eq)]
pub struct EncodeError(Box<(EncodeErrorKind, FieldPath)>);

impl EncodeError {
    #[cold]
    pub(crate) fn new(kind: EncodeErrorKind) -> Self {
        EncodeError(Box::new((kind, FieldPath::default())))
    }

    /// What is wrong.
    pub fn kind(&self) -> &EncodeErrorKind {
        &self.0.0
    }

    /// The path from the outermost value, outermost first.
    pub fn path(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.1.iter()
    }

    /// The path as text (`messages.chatInviteImporters.users[3].user.username`).
    pub fn path_string(&self) -> String {
        self.0.1.to_string()
    }

    #[cold]
    pub(crate) fn in_field(mut self, ty: &str, field: &str) -> Self {
        self.0.1.push(PathSegment::field_owned(ty, field));
        self
    }

    #[cold]
    pub(crate) fn at_index(mut self, index: usize) -> Self {
        self.0.1.push(PathSegment::Index(index));
        self
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot encode")?;
        if !self.0.1.is_empty() {
            write!(f, " {}", self.0.1)?;
        }
        write!(f, ": {}", self.0.0)
    }
}

impl fmt::Debug for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncodeError")
            .field("kind", &self.0.0)
            .field("path", &self.path_string())
            .finish()
    }
}

impl std::error::Error for EncodeError {}
