//! `FieldPath`: where in a value an error happened, as the fields (`constructor.field`) and vector
//! indices from the outermost value inwards. Shared by `DecodeError` and `EncodeError`, so both
//! name places the same way.

use std::fmt::{self, Write as _};

/// One step of the path to where decoding or encoding failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathSegment {
    /// A field of a constructor or function.
    Field {
        /// The TL name of the constructor or function (`user`, `messages.chatInviteImporters`).
        ty: &'static str,
        /// The field's TL name.
        field: &'static str,
    },
    /// An element of a vector.
    Index(usize),
}

/// The path of an error, built while the error travels outwards: segments are pushed innermost
/// first and read outermost first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FieldPath(Vec<PathSegment>);

impl FieldPath {
    /// Adds the segment around the ones already there.
    pub(crate) fn push(&mut self, segment: PathSegment) {
        self.0.push(segment);
    }

    /// The segments, outermost first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.iter().rev()
    }

    /// True at the top level (no field or index yet).
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `messages.chatInviteImporters.users[3].user.photo`: each field as `constructor.field`, joined by
/// `.`, each vector element as `[index]`; empty at the top level.
impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in self.iter() {
            match segment {
                PathSegment::Field { ty, field } => {
                    if !first {
                        f.write_char('.')?;
                    }
                    write!(f, "{ty}.{field}")?;
                }
                PathSegment::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}
