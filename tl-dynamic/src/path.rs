//! `PathSegment`: where in a value an error happened, as the fields (`constructor.field`) and
//! vector indices from the outermost value inwards; the same text as the generated code's errors
//! (`messages.chatInviteImporters.users[3].user.username`).

use std::fmt::{self, Write as _};

/// One step of the path to where decoding or encoding failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A field of a constructor or function.
    Field {
        /// The TL name of the constructor or function (`user`).
        ty: String,
        /// The field's TL name.
        field: String,
    },
    /// An element of a vector.
    Index(usize),
}

/// A path, built while an error travels outwards (innermost segment pushed first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Path(Vec<PathSegment>);

impl Path {
    pub(crate) fn push(&mut self, segment: PathSegment) {
        self.0.push(segment);
    }

    /// The segments, outermost first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.iter().rev()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `messages.chatInviteImporters.users[3].user.photo`; empty at the top level.
impl fmt::Display for Path {
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
