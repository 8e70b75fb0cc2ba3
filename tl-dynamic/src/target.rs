//! `Target`: what bytes or JSON are read as, from a name as a user writes it (`tlgen decode
//! --type`): a boxed type (`messages.ChatInviteImporters`), a constructor or function (its boxed
//! form), `Vector<T>` / `vector<T>`, a built-in (`Bool`, `long`), `%T` (a bare constructor), or
//! `Object` (anything boxed, MTProto's envelopes included).

use std::fmt;

use tl_parser::builtins::{Known, lookup};

use crate::codec::{Codec, builtin_ty};
use crate::def::{DefKind, Expect, Ty};

/// What a value is read or written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub(crate) kind: TargetKind,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// A boxed value (the outermost one is not a nesting level).
    Boxed(Expect),
    /// Any other TL type.
    Ty(Ty),
}

impl Target {
    /// Any boxed value: the id picks the constructor or function (what `tlgen decode` reads
    /// without `--type`).
    pub fn any() -> Self {
        Target {
            kind: TargetKind::Boxed(Expect::Any),
            text: "Object".to_owned(),
        }
    }
}

/// The name as given.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Why a name does not name anything to read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TargetError {
    /// No type, constructor or function of the schema has this name.
    Unknown {
        /// The name.
        name: String,
    },
    /// The text is not a type expression (`Vector<` without its `>`, an empty name …).
    Malformed {
        /// The text.
        text: String,
    },
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unknown { name } => write!(
                f,
                "no type, constructor or function is named `{name}` in the schema"
            ),
            Self::Malformed { text } => write!(
                f,
                "`{text}` is not a type: expected a name, `%Name`, or `Vector<T>`"
            ),
        }
    }
}

impl std::error::Error for TargetError {}

impl<'s> Codec<'s> {
    /// What `text` names, to decode or encode as: a boxed type, a constructor or function (boxed),
    /// `Vector<T>` (`T` as in a schema: a boxed type, a built-in, or a constructor name for its
    /// bare form), a built-in, `%T`, or `Object`.
    pub fn target(&self, text: &str) -> Result<Target, TargetError> {
        let text = text.trim();
        let kind = match self.element(text)? {
            // A constructor or function named on its own is read in its boxed form.
            Ty::Bare(d) if !text.starts_with('%') && self.defs[d].kind != DefKind::Envelope => {
                TargetKind::Boxed(Expect::Def(d))
            }
            Ty::Boxed(expect) => TargetKind::Boxed(expect),
            ty => TargetKind::Ty(ty),
        };
        Ok(Target {
            kind,
            text: text.to_owned(),
        })
    }

    /// The wire type `text` stands for inside a type expression.
    fn element(&self, text: &str) -> Result<Ty, TargetError> {
        let malformed = || TargetError::Malformed {
            text: text.to_owned(),
        };
        if let Some(open) = text.find('<') {
            let inner = text
                .strip_suffix('>')
                .and_then(|t| t.get(open + 1..))
                .ok_or_else(malformed)?;
            let boxed = match text[..open].trim() {
                "Vector" => true,
                "vector" => false,
                _ => return Err(malformed()),
            };
            let element = self.element(inner.trim())?;
            return Ok(Ty::Vector {
                boxed,
                element: Box::new(element),
            });
        }
        if let Some(name) = text.strip_prefix('%') {
            return self.bare(name.trim()).ok_or_else(|| TargetError::Unknown {
                name: name.trim().to_owned(),
            });
        }
        if text.is_empty() || text.contains(|c: char| c.is_whitespace() || c == '>') {
            return Err(malformed());
        }
        match lookup(text) {
            Some((Known::AnyObject, _)) => return Ok(Ty::Boxed(Expect::Any)),
            Some((Known::AnyFunction, _)) => return Ok(Ty::Boxed(Expect::AnyFunction)),
            Some((Known::Builtin { builtin, boxed }, _)) => return Ok(builtin_ty(builtin, boxed)),
            Some((Known::Vector { .. }, _)) | None => {}
        }
        if let Some(t) = self.schema.find_type(text) {
            return Ok(Ty::Boxed(Expect::Type(t.type_id.index())));
        }
        if let Some(&d) = self.by_name.get(text) {
            return Ok(Ty::Bare(d));
        }
        Err(TargetError::Unknown {
            name: text.to_owned(),
        })
    }

    /// The bare form `%name`: a constructor, or the one constructor of a boxed type.
    fn bare(&self, name: &str) -> Option<Ty> {
        if let Some(t) = self.schema.find_type(name) {
            return match t.constructors.as_slice() {
                [only] => Some(Ty::Bare(only.index())),
                _ => None,
            };
        }
        self.by_name.get(name).map(|&d| Ty::Bare(d))
    }

    /// A TL type's name, for messages (`long`, `Vector<User>`, `user`).
    pub(crate) fn type_name(&self, ty: &Ty) -> String {
        match ty {
            Ty::Int => "int".to_owned(),
            Ty::Nat => "#".to_owned(),
            Ty::Long => "long".to_owned(),
            Ty::Int53 => "int53".to_owned(),
            Ty::Double => "double".to_owned(),
            Ty::String => "string".to_owned(),
            Ty::Bytes => "bytes".to_owned(),
            Ty::Int128 => "int128".to_owned(),
            Ty::Int256 => "int256".to_owned(),
            Ty::Int512 => "int512".to_owned(),
            Ty::Bool => "Bool".to_owned(),
            Ty::True => "True".to_owned(),
            Ty::BareTrue => "true".to_owned(),
            Ty::Vector { boxed, element } => format!(
                "{}<{}>",
                if *boxed { "Vector" } else { "vector" },
                self.type_name(element)
            ),
            Ty::Boxed(expect) => self.expected_name(*expect),
            Ty::Bare(d) => format!("%{}", self.defs.get(*d).map_or("?", |d| d.name)),
            Ty::Body => "Object".to_owned(),
            Ty::Unsupported => "an undefined type".to_owned(),
        }
    }
}
