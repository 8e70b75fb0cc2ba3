//! Borrowed (zero-copy) decoding, for code generated with `tl_codegen::Config::borrowed`:
//! `DeserializableBorrowed<'a>` and `BareBorrowed<'a>` read values whose strings and byte strings
//! are `Cow::Borrowed` slices of the input, and `IntoOwned` detaches such a value from it. The
//! codecs' half is `codec::CodecBorrowed`.

use std::borrow::Cow;

use crate::decode_error::DecodeError;
use crate::reader::Reader;
use crate::traits::Identifiable;

/// A value that can be read from TL's binary form (the boxed form for generated types) borrowing
/// from the input: strings and byte strings inside it may be slices of the bytes the [`Reader`]
/// reads, which therefore outlive it (`'a`).
///
/// Code generated with `tl_codegen::Config::borrowed` implements it for every struct and enum:
/// `string` fields are `Cow<'a, str>` and `bytes` fields `Cow<'a, [u8]>`, and the structs and
/// enums that reach one take the lifetime `'a`. One type serves both ways: built from owned or
/// borrowed values, decoded borrowing from a buffer
/// ([`DeserializableBorrowed::from_bytes_borrowed`] allocates only for vectors and `Box`es; a
/// 512 KB `upload.file` is not copied), and detached with [`IntoOwned::into_owned`] (a
/// `User<'static>`). Such types still implement [`Deserializable`](crate::Deserializable), whose
/// `from_bytes` gives owned strings (the borrowed decode, then `into_owned`), and
/// [`Serializable`](crate::Serializable), so `RemoteCall::Return` (their `'static` form), the
/// codecs and the encoders work as for owned types.
///
/// The borrowed decoders read through the same [`Reader`] functions, count checks, depth limit and
/// error paths as the owned ones: for every input both accept the same values or fail with the
/// same [`DecodeError`] (kind, offset and path).
///
/// ```
/// use std::borrow::Cow;
/// use tl_types::codec::{CodecBorrowed, CowStr};
/// use tl_types::{IntoOwned, Reader};
///
/// let input = [5, b'h', b'e', b'l', b'l', b'o', 0, 0];
/// let text = CowStr::decode_borrowed(&mut Reader::new(&input)).unwrap();
/// assert!(matches!(text, Cow::Borrowed("hello"))); // a slice of `input`, not a copy
/// // Detached (`Cow`'s own `into_owned` method gives a `String`; the trait's keeps the `Cow`):
/// let owned: Cow<'static, str> = IntoOwned::into_owned(text);
/// assert_eq!(owned, "hello");
/// ```
pub trait DeserializableBorrowed<'a>: Sized {
    /// Reads one value from `reader`, leaving it just after the value.
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError>;

    /// Reads one value that must span all of `bytes`, borrowing from them: trailing bytes are
    /// [`DecodeErrorKind::TrailingBytes`](crate::DecodeErrorKind::TrailingBytes), as for
    /// [`crate::Deserializable::from_bytes`]. Uses a fresh [`Reader`] with the default depth
    /// limit.
    fn from_bytes_borrowed(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        let mut reader = Reader::new(bytes);
        let value = Self::deserialize_borrowed(&mut reader)?;
        reader.finish()?;
        Ok(value)
    }
}

/// The bare form of a constructor or function (its fields without the constructor id), read
/// borrowing from the input; [`crate::Bare`]'s decoding half for borrowed types.
pub trait BareBorrowed<'a>: Sized {
    /// Reads the fields (the constructor id was read by the caller, or is implied by the schema).
    fn deserialize_bare_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError>;
}

/// A value that may borrow from decoded input, and its form that does not: every borrowed string
/// and byte string copied (`Cow::Owned`), everything else moved. Generated types implement it
/// with `Config::borrowed` (`User<'a>` becomes `User<'static>`; a type that borrows nothing is its
/// own owned form).
pub trait IntoOwned {
    /// The same value, owning everything it holds.
    type Owned: 'static;

    /// Detaches the value from the input it borrows from.
    fn into_owned(self) -> Self::Owned;
}

impl IntoOwned for Cow<'_, str> {
    type Owned = Cow<'static, str>;

    #[inline]
    fn into_owned(self) -> Cow<'static, str> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl IntoOwned for Cow<'_, [u8]> {
    type Owned = Cow<'static, [u8]>;

    #[inline]
    fn into_owned(self) -> Cow<'static, [u8]> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;

    #[inline]
    fn into_owned(self) -> Option<T::Owned> {
        self.map(T::into_owned)
    }
}

/// Element by element; the vector's buffer is reused when the owned form has the same layout
/// (as generated types' forms do).
impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;

    #[inline]
    fn into_owned(self) -> Vec<T::Owned> {
        self.into_iter().map(T::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Box<T> {
    type Owned = Box<T::Owned>;

    #[inline]
    fn into_owned(self) -> Box<T::Owned> {
        Box::new((*self).into_owned())
    }
}

/// The boxed form of every constructor and function struct, read borrowing: its id, then its
/// fields (as the owned `Deserializable` blanket impl reads them).
impl<'a, T: Identifiable + BareBorrowed<'a>> DeserializableBorrowed<'a> for T {
    #[inline]
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        deserialize_boxed_borrowed(reader)
    }
}

impl<'a, T: BareBorrowed<'a>> BareBorrowed<'a> for Box<T> {
    #[inline]
    fn deserialize_bare_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        T::deserialize_bare_borrowed(reader).map(Box::new)
    }
}

/// Reads a boxed `T` borrowing from the input: the constructor id must be `T`'s own, else
/// [`DecodeErrorKind::UnknownConstructor`](crate::DecodeErrorKind::UnknownConstructor) at the
/// id's offset, as
/// [`crate::deserialize_boxed`] reports it.
#[inline]
pub fn deserialize_boxed_borrowed<'a, T: Identifiable + BareBorrowed<'a>>(
    reader: &mut Reader<'a>,
) -> Result<T, DecodeError> {
    crate::traits::read_own_id::<T>(reader)?;
    T::deserialize_bare_borrowed(reader)
}
