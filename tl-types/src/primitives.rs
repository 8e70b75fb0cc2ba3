//! `Serializable` and `Deserializable` for the Rust types that stand for TL primitives, so that
//! they can be function results (`= Bool`, `= Vector<long>`) and be encoded on their own. `Vec<T>`
//! is the boxed `Vector<T>`; `bytes` (`Vec<u8>`) is only reachable through the `codec` types.

use crate::codec::{self, Codec};
use crate::error::DecodeError;
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
        }

        impl Deserializable for $ty {
            #[inline]
            fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
                <$codec>::decode(reader)
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
}

impl<T: Serializable + Deserializable> Deserializable for Vec<T> {
    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        codec::Vector::<codec::Boxed<T>>::decode(reader)
    }
}
