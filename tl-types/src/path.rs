//! `FieldPath`: where in a value an error happened, as the fields (`constructor.field`) and vector
//! indices from the outermost value inwards. Shared by `DecodeError` and `EncodeError`, and by
//! tl-dynamic's errors (whose names are only known at run time), so all of them name places the
//! same way: `messages.chatInviteImporters.users[3].user.username`.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// One step of the path to where decoding or encoding failed.
///
/// Names are `Cow`s: generated code passes `&'static str` literals ([`PathSegment::field`], no
/// allocation), code that reads a schema at run time owned ones ([`PathSegment::field_owned`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A field of a constructor or function.
    Field {
        /// The TL name of the constructor or function (`user`, `messages.chatInviteImporters`).
        ty: Cow<'static, str>,
        /// The field's TL name.
        field: Cow<'static, str>,
    },
    /// An element of a vector.
    Index(usize),
}

impl PathSegment {
    /// The field `field` of the constructor or function `ty`, from static names (no allocation).
    pub const fn field(ty: &'static str, field: &'static str) -> Self {
        PathSegment::Field {
            ty: Cow::Borrowed(ty),
            field: Cow::Borrowed(field),
        }
    }

    /// The field `field` of the constructor or function `ty`, from names only known at run time
    /// (copied).
    pub fn field_owned(ty: &str, field: &str) -> Self {
        PathSegment::Field {
            ty: Cow::Owned(ty.to_owned()),
            field: Cow::Owned(field.to_owned()),
        }
    }
}

/// The path of an error, built while the error travels outwards: segments are pushed innermost
/// first and read outermost first. Its `Display` is the path's text form
/// (`messages.chatInviteImporters.users[3].user.photo`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(Vec<PathSegment>);

impl FieldPath {
    /// Adds the segment around the ones already there.
    pub fn push(&mut self, segment: PathSegment) {
        self.0.push(segment);
    }

    /// The segments, outermost first.
    pub fn iter(&self) -> impl Iterator<Item = &PathSegment> {
        self.0.iter().rev()
    }

    /// True at the top level (no field or index yet).
    pub fn is_empty(&self) -> bool {
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
