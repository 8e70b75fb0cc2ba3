//! `DecodeError`: why bytes did not decode, at which byte offset, along which path of fields. It
//! is tl-types' `DecodeError` (the same kinds, offsets, paths and texts as the generated decoder,
//! see [`tl_types::DecodeError`]'s module docs for which offset each kind reports, and the kinds
//! only a schema read at run time can meet, `BadBodyLength` and `Unsupported`), with one addition:
//! an unknown constructor id suggests `tlgen explain`.
//!
//! Inside data unpacked from a `gzip_packed`, the offset is in the unpacked bytes and
//! [`DecodeError::packed_at`] lists where each enclosing `gzip_packed` starts in the input; the path
//! goes through `gzip_packed.packed_data`.

use std::fmt;

pub use tl_types::DecodeErrorKind;
use tl_types::PathSegment;

/// Why bytes did not decode: the kind, the byte offset and the path of fields.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(tl_types::DecodeError);

impl DecodeError {
    /// An error of `kind` at byte `offset`.
    #[cold]
    pub(crate) fn new(kind: DecodeErrorKind, offset: usize) -> Self {
        DecodeError(tl_types::DecodeError::new(kind, offset))
    }

    /// What went wrong.
    pub fn kind(&self) -> &DecodeErrorKind {
        self.0.kind()
    }

    /// The byte offset where it went wrong: in the input, or in the data unpacked from the
    /// innermost `gzip_packed` of [`DecodeError::packed_at`].
    pub fn offset(&self) -> usize {
        self.0.offset()
    }

    /// Where each `gzip_packed` around the error starts, outermost first (in the input for the
    /// first, in the data unpacked from the one before for the others); empty outside gzip.
    pub fn packed_at(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.packed_at()
    }

    /// The path from the outermost value to where it went wrong, outermost first.
    pub fn path(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.path()
    }

    /// The path as text (`messages.chatInviteImporters.users[3].user.username`); empty at the top.
    pub fn path_string(&self) -> String {
        self.0.path_string()
    }

    /// The error as tl-types reports it (its `Display` without the `tlgen explain` hint).
    pub fn as_tl_types(&self) -> &tl_types::DecodeError {
        &self.0
    }

    #[cold]
    pub(crate) fn in_field(self, ty: &str, field: &str) -> Self {
        DecodeError(self.0.in_segment(PathSegment::field_owned(ty, field)))
    }

    #[cold]
    pub(crate) fn at_index(self, index: usize) -> Self {
        DecodeError(self.0.at_index(index))
    }

    /// The error happened in data unpacked from a `gzip_packed` at `at`.
    #[cold]
    pub(crate) fn in_packed(self, at: usize) -> Self {
        DecodeError(self.0.in_packed(at))
    }
}

/// tl-types' text, and for an unknown constructor id a hint to `tlgen explain`, which tells which
/// layer has it.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)?;
        if let DecodeErrorKind::UnknownConstructor { id, .. } = self.0.kind() {
            write!(f, " (`tlgen explain {id:#010x}` tells which layer has it)")?;
        }
        Ok(())
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl std::error::Error for DecodeError {}
