//! The JSON form of each codec's TL type (see the table in [`crate::json`]): numbers, `long` as a
//! decimal string, byte strings and `int128`/`int256` as base64, vectors as arrays, boxed and bare
//! values as objects with their `"@type"`.

use std::fmt;
use std::marker::PhantomData;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::codec::{
    BareConstructor, BareVector, Bool, Boxed, Bytes, Codec, Double, Fixed, Heap, Int, Int53, Long,
    Nat, Nullable, Str, Vector,
};
use crate::traits::{Bare, Deserializable, Serializable};

/// Elements reserved up front when a JSON array announces its length (serde's formats may report a
/// length the input does not back); the vector grows as elements are actually read.
const MAX_PREALLOC_ELEMENTS: usize = 4096;

/// How one TL type is written to and read from JSON: the JSON half of a [`Codec`].
///
/// Implemented by every codec of [`crate::codec`]; generated code (with
/// `tl_codegen::Config::serde`) names a field's codec, and the value is written and read in the
/// JSON form of its TL type, not of its Rust type (a `long` and an `int53` are both `i64`).
pub trait JsonCodec: Codec {
    /// Writes `value` in the JSON form of the codec's TL type.
    fn serialize<S: Serializer>(value: &Self::Value, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value in the JSON form of the codec's TL type.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error>;
}

/// A value written as the TL type `C`: `Serialize` through [`JsonCodec::serialize`].
pub struct Ser<'a, C: JsonCodec>(pub &'a C::Value);

impl<C: JsonCodec> Serialize for Ser<'_, C> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::serialize(self.0, serializer)
    }
}

/// A value read as the TL type `C`: `Deserialize` through [`JsonCodec::deserialize`].
pub struct De<C: JsonCodec>(pub C::Value);

impl<C: JsonCodec> fmt::Debug for De<C>
where
    C::Value: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("De").field(&self.0).finish()
    }
}

impl<'de, C: JsonCodec> serde::Deserialize<'de> for De<C> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        C::deserialize(deserializer).map(De)
    }
}

impl JsonCodec for Int {
    fn serialize<S: Serializer>(value: &i32, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(*value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
        deserializer.deserialize_any(IntegerVisitor::<i32>::new("an `int` (a 32-bit number)"))
    }
}

impl JsonCodec for Nat {
    fn serialize<S: Serializer>(value: &u32, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(*value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
        deserializer.deserialize_any(IntegerVisitor::<u32>::new(
            "a `#` (an unsigned 32-bit number)",
        ))
    }
}

impl JsonCodec for Int53 {
    fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(IntegerVisitor::<i64>::new("an `int53` number"))
    }
}

impl JsonCodec for Long {
    /// The decimal value as a string: JSON numbers lose precision above 2^53 in most readers.
    fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(IntegerVisitor::<i64>::or_string(
            "a `long` (a decimal string or an integer)",
        ))
    }
}

/// Reads an integer of type `T` from a JSON integer (or, for `long`, a string holding its decimal
/// value); a value out of `T`'s range is an error naming it.
struct IntegerVisitor<T> {
    expecting: &'static str,
    strings: bool,
    ty: PhantomData<T>,
}

impl<T> IntegerVisitor<T> {
    /// Integers only.
    fn new(expecting: &'static str) -> Self {
        IntegerVisitor {
            expecting,
            strings: false,
            ty: PhantomData,
        }
    }

    /// Integers and decimal strings.
    fn or_string(expecting: &'static str) -> Self {
        IntegerVisitor {
            strings: true,
            ..Self::new(expecting)
        }
    }
}

impl<T> IntegerVisitor<T>
where
    T: TryFrom<i64> + TryFrom<u64>,
{
    fn out_of_range<E: de::Error>(&self, value: impl fmt::Display) -> E {
        E::custom(format_args!(
            "{value} is out of range for {}",
            self.expecting
        ))
    }
}

impl<T> Visitor<'_> for IntegerVisitor<T>
where
    T: TryFrom<i64> + TryFrom<u64> + std::str::FromStr,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        T::try_from(value).map_err(|_| self.out_of_range(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        T::try_from(value).map_err(|_| self.out_of_range(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        if !self.strings {
            return Err(E::invalid_type(de::Unexpected::Str(value), &self));
        }
        // A decimal string: digits with an optional sign, nothing else (no spaces, no `+`).
        let digits = value.strip_prefix('-').unwrap_or(value);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E::invalid_value(de::Unexpected::Str(value), &self));
        }
        value.parse().map_err(|_| self.out_of_range(value))
    }
}

impl JsonCodec for Double {
    /// A number; NaN and the infinities, which JSON numbers cannot hold, as the strings `"NaN"`,
    /// `"Infinity"` and `"-Infinity"`.
    fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if value.is_finite() {
            serializer.serialize_f64(*value)
        } else if value.is_nan() {
            serializer.serialize_str("NaN")
        } else if *value > 0.0 {
            serializer.serialize_str("Infinity")
        } else {
            serializer.serialize_str("-Infinity")
        }
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(DoubleVisitor)
    }
}

struct DoubleVisitor;

impl Visitor<'_> for DoubleVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a `double` (a number, or \"NaN\", \"Infinity\", \"-Infinity\")")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(de::Unexpected::Str(value), &self)),
        }
    }
}

impl JsonCodec for Bool {
    fn serialize<S: Serializer>(value: &bool, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}

impl JsonCodec for Str {
    fn serialize<S: Serializer>(value: &String, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}

impl JsonCodec for Bytes {
    /// Base64, standard alphabet with padding.
    fn serialize<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&BASE64.encode(value))
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        deserializer.deserialize_str(Base64Visitor {
            expecting: "`bytes` as base64",
        })
    }
}

impl<const N: usize> JsonCodec for Fixed<N> {
    /// Base64 of the `N` bytes as they are on the wire.
    fn serialize<S: Serializer>(value: &[u8; N], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&BASE64.encode(value))
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; N], D::Error> {
        let bytes = deserializer.deserialize_str(Base64Visitor {
            expecting: "an `int128`, `int256` or `int512` as base64",
        })?;
        let len = bytes.len();
        <[u8; N]>::try_from(bytes).map_err(|_| {
            de::Error::custom(format_args!(
                "an `int{}` is {N} bytes, the base64 holds {len}",
                N * 8
            ))
        })
    }
}

struct Base64Visitor {
    expecting: &'static str,
}

impl Visitor<'_> for Base64Visitor {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<u8>, E> {
        BASE64
            .decode(value)
            .map_err(|e| E::custom(format_args!("invalid base64 for {}: {e}", self.expecting)))
    }
}

impl<T: Serializable + Deserializable + Serialize + DeserializeOwned> JsonCodec for Boxed<T> {
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(value, serializer)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        <T as serde::Deserialize>::deserialize(deserializer)
    }
}

impl<T: Bare + Serialize + DeserializeOwned> JsonCodec for BareConstructor<T> {
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(value, serializer)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        <T as serde::Deserialize>::deserialize(deserializer)
    }
}

impl<C: JsonCodec> JsonCodec for Heap<C> {
    fn serialize<S: Serializer>(value: &Box<C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        C::serialize(value, serializer)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<C::Value>, D::Error> {
        C::deserialize(deserializer).map(Box::new)
    }
}

impl<C: JsonCodec> JsonCodec for Nullable<C> {
    /// The value, or `null` (a field holding `None` is left out of its object instead).
    fn serialize<S: Serializer>(
        value: &Option<C::Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => C::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }
    /// `null` is `None`.
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<C::Value>, D::Error> {
        let value: Option<De<C>> = serde::Deserialize::deserialize(deserializer)?;
        Ok(value.map(|v| v.0))
    }
}

fn serialize_elements<C: JsonCodec, S: Serializer>(
    values: &[C::Value],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(Ser::<C>))
}

fn deserialize_elements<'de, C: JsonCodec, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<C::Value>, D::Error> {
    deserializer.deserialize_seq(ElementsVisitor::<C>(PhantomData))
}

struct ElementsVisitor<C>(PhantomData<C>);

impl<'de, C: JsonCodec> Visitor<'de> for ElementsVisitor<C> {
    type Value = Vec<C::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a vector (an array)")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<C::Value>, A::Error> {
        let hint = seq.size_hint().unwrap_or(0).min(MAX_PREALLOC_ELEMENTS);
        let mut out = Vec::with_capacity(hint);
        while let Some(De(value)) = seq.next_element::<De<C>>()? {
            out.push(value);
        }
        Ok(out)
    }
}

impl<C: JsonCodec> JsonCodec for Vector<C> {
    fn serialize<S: Serializer>(value: &Vec<C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_elements::<C, S>(value, serializer)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<C::Value>, D::Error> {
        deserialize_elements::<C, D>(deserializer)
    }
}

impl<C: JsonCodec> JsonCodec for BareVector<C> {
    fn serialize<S: Serializer>(value: &Vec<C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_elements::<C, S>(value, serializer)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<C::Value>, D::Error> {
        deserialize_elements::<C, D>(deserializer)
    }
}
