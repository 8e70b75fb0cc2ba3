//! `Serializable` and `Deserializable` for the Rust types that stand for TL primitives, so that
//! they can be function results (`= Bool`, `= Vector<long>`) and be encoded on their own. `Vec<T>`
//! is the boxed `Vector<T>`; `bytes` (`Vec<u8>`) is only reachable through the `codec` types.
//! Each also implements `DeserializableBorrowed` (decoding as the owned path does), so that a
//! result or a `!X` of code generated with `Config::borrowed` may be any of them.

use crate::borrowed::DeserializableBorrowed;
use crate::codec::{self, Codec, CodecBorrowed};
use crate::decode_error::DecodeError;
use crate::encode_error::EncodeError;
use crate::reader::Reader;
use crate::traits::{Deserializable, Serializable};

macro_rules! through_codec {
    ($($ty:ty => $codec:ty),* $(,)?) => {$(
        impl Serializable for $ty {
            #[inline]
            fn serialize(&self, out: &mut Vec<u8>) {
                <$codec>::encode(self, out)
            }

            #[inline]
            fn serialized_len(&self) -> usize {
                <$codec>::encoded_len(self)
            }

            #[inline]
            fn check_limits(&self) -> Result<(), EncodeError> {
                <$codec>::check_limits(self)
            }
        }

        impl Deserializable for $ty {
            #[inline]
            fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
                <$codec>::decode(reader)
            }
        }

        impl<'a> DeserializableBorrowed<'a> for $ty {
            #[inline]
            fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
                <$codec>::decode_borrowed(reader)
            }
        }
    )*};
}

through_codec! {
    i32 => codec::Int,
    i64 => codec::Long,
    f64 => codec::Double,
    bool => codec::Bool,
    String => codec::Str,
    [u8; 16] => codec::Fixed<16>,
    [u8; 32] => codec::Fixed<32>,
}

impl<T: Serializable + Deserializable> Serializable for Vec<T> {
    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        codec::Vector::<codec::Boxed<T>>::encode(self, out)
    }

    #[inline]
    fn serialized_len(&self) -> usize {
        codec::Vector::<codec::Boxed<T>>::encoded_len(self)
    }

    #[inline]
    fn check_limits(&self) -> Result<(), EncodeError> {
        codec::Vector::<codec::Boxed<T>>::check_limits(self)
    }
}

impl<T: Serializable + Deserializable> Deserializable for Vec<T> {
    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        codec::Vector::<codec::Boxed<T>>::decode(reader)
    }
}

impl<'a, T: Serializable + Deserializable + DeserializableBorrowed<'a>> DeserializableBorrowed<'a>
    for Vec<T>
{
    #[inline]
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        codec::Vector::<codec::Boxed<T>>::decode_borrowed(reader)
    }
}

/// The boxed type `True` (`true#3fedd339 = True;`): a value that carries nothing but its id, used as
/// the result of functions that only acknowledge (TON's `dht.query … = True`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct True;

/// The id of `true = True;`.
const TRUE_ID: u32 = 0x3fedd339;

impl Serializable for True {
    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&TRUE_ID.to_le_bytes());
    }

    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }

    #[inline]
    fn check_limits(&self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl<'a> DeserializableBorrowed<'a> for True {
    #[inline]
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        Self::deserialize(reader)
    }
}

impl Deserializable for True {
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let at = reader.position();
        match reader.read_u32()? {
            TRUE_ID => Ok(True),
            id => Err(DecodeError::new(
                crate::DecodeErrorKind::UnknownConstructor {
                    id,
                    expected: std::borrow::Cow::Borrowed("True"),
                },
                at,
            )),
        }
    }
}

/// `{"@type": "true"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for True {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        crate::json::objects::begin(serializer, "true", 0)?.end()
    }
}

#[cfg(feature = "serde")]
impl crate::json::objects::JsonStruct for True {
    const TL_NAME: &'static str = "true";
    const FIELDS: &'static [&'static str] = &[];
    fn from_fields<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        while crate::json::objects::next_field::<Self, A>(&mut map)?.is_some() {}
        Ok(True)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for True {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::json::objects::deserialize_struct(deserializer)
    }
}
