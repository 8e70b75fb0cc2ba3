//! The one pass over a struct's fields that writes, measures and checks it: generated code writes
//! a single [`Bare::walk_bare`] body per constructor and function, and [`Bare::serialize_bare`],
//! [`Bare::bare_len`] and [`Bare::check_bare_limits`] are that walk with [`Write`], [`Len`] and
//! [`Check`].
//!
//! One body instead of three is most of what a generated crate costs to build (type and borrow
//! checking of written-out bodies, bench/README.md); each walk is monomorphized and inlined where
//! it is used, so the machine code is what three hand-written bodies would give.
//!
//! [`Bare::walk_bare`]: crate::Bare::walk_bare
//! [`Bare::serialize_bare`]: crate::Bare::serialize_bare
//! [`Bare::bare_len`]: crate::Bare::bare_len
//! [`Bare::check_bare_limits`]: crate::Bare::check_bare_limits

use crate::codec::Codec;
use crate::encode_error::EncodeError;

/// What a struct's fields are shown to, in wire order, by [`Bare::walk_bare`](crate::Bare::walk_bare):
/// every flags word (a `#`, as [`crate::codec::Nat`], computed from the fields), every field
/// present on the wire, each with the TL names of its struct and of itself.
pub trait Walker {
    /// The field `field` of the constructor or function `ty`, of TL type `C`.
    fn field<C: Codec>(&mut self, value: &C::Value, ty: &'static str, field: &'static str);

    /// A conditional field: shown to [`Walker::field`] when present, skipped when absent (its
    /// flags bit is clear).
    #[inline]
    fn field_opt<C: Codec>(
        &mut self,
        value: &Option<C::Value>,
        ty: &'static str,
        field: &'static str,
    ) {
        if let Some(value) = value {
            self.field::<C>(value, ty, field);
        }
    }
}

/// Appends each field's bytes ([`Codec::encode`]; panics where it does).
pub(crate) struct Write<'o>(pub(crate) &'o mut Vec<u8>);

impl Walker for Write<'_> {
    #[inline]
    fn field<C: Codec>(&mut self, value: &C::Value, _: &'static str, _: &'static str) {
        C::encode(value, self.0);
    }
}

/// Sums the fields' encoded lengths ([`Codec::encoded_len`]).
#[derive(Default)]
pub(crate) struct Len(pub(crate) usize);

impl Walker for Len {
    #[inline]
    fn field<C: Codec>(&mut self, value: &C::Value, _: &'static str, _: &'static str) {
        self.0 += C::encoded_len(value);
    }
}

/// Checks each field against TL's limits ([`Codec::check_limits`]) and keeps the first failure,
/// its path starting with the field (`user.first_name`); later fields are not looked at.
#[derive(Default)]
pub(crate) struct Check(Option<EncodeError>);

impl Check {
    /// The first failure, if any.
    #[inline]
    pub(crate) fn finish(self) -> Result<(), EncodeError> {
        match self.0 {
            None => Ok(()),
            Some(error) => Err(error),
        }
    }
}

impl Walker for Check {
    #[inline]
    fn field<C: Codec>(&mut self, value: &C::Value, ty: &'static str, field: &'static str) {
        if self.0.is_none()
            && let Err(error) = C::check_limits(value)
        {
            self.0 = Some(error.in_field(ty, field));
        }
    }
}
