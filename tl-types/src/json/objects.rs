//! How generated structs and enums are written to and read from JSON objects: `"@type"` first, then
//! each field under its TL name; reading picks the constructor by `"@type"`, matches field names
//! without allocating, ignores members it does not know, and names the type and the field in every
//! error. Generated code reaches this through `__private::json`; it is not public API.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};

use super::codecs::{De, JsonCodec, Ser};

/// The member holding a value's TL name.
pub const TYPE_KEY: &str = "@type";

/// A generated struct (a constructor or a function) read from its JSON object.
pub trait JsonStruct: Sized {
    /// The TL name, the value of `"@type"`.
    const TL_NAME: &'static str;
    /// The JSON members it reads, in schema order: every field but the flags words.
    const FIELDS: &'static [&'static str];
    /// Reads the members of the object (any `"@type"` member is checked by [`next_field`]).
    fn from_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// A generated enum (a boxed type, or TON's any object or function) read from the JSON object of
/// one of its constructors.
pub trait JsonEnum: Sized {
    /// The TL name of the boxed type.
    const TL_NAME: &'static str;
    /// The TL names of its constructors.
    const VARIANTS: &'static [&'static str];
    /// Reads the rest of the object as the constructor named `name`; an unknown name is an error
    /// made by [`unknown_type`].
    fn from_variant<'de, A: MapAccess<'de>>(name: &str, map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` of a generated struct.
pub fn deserialize_struct<'de, T: JsonStruct, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(StructVisitor::<T>(PhantomData))
}

struct StructVisitor<T>(PhantomData<T>);

impl<'de, T: JsonStruct> Visitor<'de> for StructVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", T::TL_NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_fields(map)
    }
}

/// `Deserialize::deserialize` of a generated enum. `"@type"` is normally the first member (TDLib
/// and this crate write it first): the object is then read in one pass. Otherwise the members
/// before it are buffered, and read once it is known.
pub fn deserialize_enum<'de, T: JsonEnum, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(EnumVisitor::<T>(PhantomData))
}

struct EnumVisitor<T>(PhantomData<T>);

impl<'de, T: JsonEnum> Visitor<'de> for EnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object with its \"@type\"", T::TL_NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let first = match map.next_key::<FirstKey>()? {
            None => return Err(missing_type::<A::Error, T>()),
            Some(FirstKey::Type) => {
                let name = map.next_value::<TypeName<'de>>()?;
                return T::from_variant(&name.0, map);
            }
            Some(FirstKey::Other(first)) => first,
        };
        // `"@type"` comes later: keep the members before it as JSON values.
        let mut buffered = serde_json::Map::new();
        buffered.insert(first, map.next_value()?);
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value()?;
            if buffered.insert(key.clone(), value).is_some() {
                return Err(de::Error::custom(format_args!(
                    "duplicate member `{key}` in a `{}` object",
                    T::TL_NAME
                )));
            }
        }
        let name = match buffered.remove(TYPE_KEY) {
            Some(serde_json::Value::String(name)) => name,
            Some(other) => {
                return Err(de::Error::custom(format_args!(
                    "\"@type\" must be a string, found {other}"
                )));
            }
            None => return Err(missing_type::<A::Error, T>()),
        };
        serde_json::Value::Object(buffered)
            .deserialize_map(BufferedVariant::<T> {
                name,
                ty: PhantomData,
            })
            .map_err(de::Error::custom)
    }
}

/// Reads a buffered object as the constructor `name` of `T`.
struct BufferedVariant<T> {
    name: String,
    ty: PhantomData<T>,
}

impl<'de, T: JsonEnum> Visitor<'de> for BufferedVariant<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_variant(&self.name, map)
    }
}

fn missing_type<E: de::Error, T: JsonEnum>() -> E {
    E::custom(format_args!(
        "missing \"@type\": a `{}` object must say which constructor it holds",
        T::TL_NAME
    ))
}

/// The first member's name of an enum's object: `"@type"` (no allocation), or another, kept.
enum FirstKey {
    Type,
    Other(String),
}

impl<'de> de::Deserialize<'de> for FirstKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FirstKeyVisitor)
    }
}

struct FirstKeyVisitor;

impl Visitor<'_> for FirstKeyVisitor {
    type Value = FirstKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<FirstKey, E> {
        Ok(if name == TYPE_KEY {
            FirstKey::Type
        } else {
            FirstKey::Other(name.to_owned())
        })
    }
}

/// A `"@type"` value, borrowed from the input when it can be.
struct TypeName<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for TypeName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TypeNameVisitor)
    }
}

struct TypeNameVisitor;

impl<'de> Visitor<'de> for TypeNameVisitor {
    type Value = TypeName<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TL name (a string)")
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<TypeName<'de>, E> {
        Ok(TypeName(Cow::Borrowed(name)))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<TypeName<'de>, E> {
        Ok(TypeName(Cow::Owned(name.to_owned())))
    }
}

/// The error for a `"@type"` that names no constructor of the enum `T`.
pub fn unknown_type<E: de::Error, T: JsonEnum>(name: &str) -> E {
    let known = if T::VARIANTS.len() <= 8 {
        format!(" ({})", T::VARIANTS.join(", "))
    } else {
        format!(" (one of {} constructors)", T::VARIANTS.len())
    };
    E::custom(format_args!(
        "\"@type\" `{name}` is not a constructor of `{}`{known}",
        T::TL_NAME
    ))
}

/// What a member's name is, for a struct with the given fields.
enum Key {
    /// The field at this index of `FIELDS`.
    Field(usize),
    /// `"@type"`.
    Type,
    /// A member the struct does not have (TDLib's `"@extra"`, `"@client_id"`, a flags word).
    Other,
}

/// Classifies a member's name against `FIELDS`, without allocating.
struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        if name == TYPE_KEY {
            return Ok(Key::Type);
        }
        Ok(self
            .0
            .iter()
            .position(|field| *field == name)
            .map_or(Key::Other, Key::Field))
    }
}

/// Checks that a `"@type"` member names the struct being read.
struct ExpectType(&'static str);

impl<'de> DeserializeSeed<'de> for ExpectType {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for ExpectType {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.0)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<(), E> {
        if name == self.0 {
            Ok(())
        } else {
            Err(E::custom(format_args!(
                "\"@type\" is `{name}` where a `{}` was expected",
                self.0
            )))
        }
    }
}

/// The index in `T::FIELDS` of the next member that is a field of `T`, or `None` at the end of the
/// object. `"@type"` is checked against `T::TL_NAME`; other members are skipped.
#[inline]
pub fn next_field<'de, T: JsonStruct, A: MapAccess<'de>>(
    map: &mut A,
) -> Result<Option<usize>, A::Error> {
    loop {
        match map.next_key_seed(KeySeed(T::FIELDS))? {
            None => return Ok(None),
            Some(Key::Field(index)) => return Ok(Some(index)),
            Some(Key::Type) => map.next_value_seed(ExpectType(T::TL_NAME))?,
            Some(Key::Other) => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
}

/// Reads the value of field `FIELDS[index]` of `T` as the TL type `C` into `slot`; a second value
/// for the same field is an error.
#[inline]
pub fn read<'de, T: JsonStruct, C: JsonCodec, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<C::Value>,
    index: usize,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::custom(format_args!(
            "duplicate field `{}` of `{}`",
            field_name::<T>(index),
            T::TL_NAME
        )));
    }
    *slot = Some(map.next_value::<De<C>>()?.0);
    Ok(())
}

fn field_name<T: JsonStruct>(index: usize) -> &'static str {
    T::FIELDS.get(index).copied().unwrap_or("?")
}

/// The value of a required field, or the error naming it when the object lacks it.
#[inline]
pub fn required<T: JsonStruct, V, E: de::Error>(slot: Option<V>, index: usize) -> Result<V, E> {
    slot.ok_or_else(|| {
        E::custom(format_args!(
            "missing field `{}` of `{}`",
            field_name::<T>(index),
            T::TL_NAME
        ))
    })
}

/// The fields `indices` of `T`, which share one flag bit, were not all present or all absent.
pub fn partial_group<T: JsonStruct, E: de::Error>(indices: &[usize]) -> E {
    let names: Vec<String> = indices
        .iter()
        .map(|&i| format!("`{}`", field_name::<T>(i)))
        .collect();
    E::custom(format_args!(
        "the fields {} of `{}` share one flag bit: give all of them or none",
        names.join(", "),
        T::TL_NAME
    ))
}

/// Checks a `?true` field that shares its bit with a data field: when given, it must say whether
/// that field (`partner`, an index in `FIELDS`) is present.
#[inline]
pub fn derived<T: JsonStruct, E: de::Error>(
    given: Option<bool>,
    index: usize,
    partner: usize,
    partner_present: bool,
) -> Result<(), E> {
    match given {
        Some(set) if set != partner_present => Err(E::custom(format_args!(
            "`{}` of `{}` is {set}, but `{}`, on the same flag bit, is {}",
            field_name::<T>(index),
            T::TL_NAME,
            field_name::<T>(partner),
            if partner_present { "present" } else { "absent" },
        ))),
        _ => Ok(()),
    }
}

/// Starts the object of a struct: its `"@type"` member; `fields` is how many may follow.
#[inline]
pub fn begin<S: Serializer>(
    serializer: S,
    tl_name: &'static str,
    fields: usize,
) -> Result<S::SerializeStruct, S::Error> {
    let mut object = serializer.serialize_struct(tl_name, fields + 1)?;
    object.serialize_field(TYPE_KEY, tl_name)?;
    Ok(object)
}

/// Writes a field as the TL type `C`.
#[inline]
pub fn write<C: JsonCodec, M: SerializeStruct>(
    object: &mut M,
    name: &'static str,
    value: &C::Value,
) -> Result<(), M::Error> {
    object.serialize_field(name, &Ser::<C>(value))
}

/// Writes a conditional or nullable field when it is present; leaves it out when not.
#[inline]
pub fn write_opt<C: JsonCodec, M: SerializeStruct>(
    object: &mut M,
    name: &'static str,
    value: &Option<C::Value>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => object.serialize_field(name, &Ser::<C>(value)),
        None => object.skip_field(name),
    }
}

/// Writes a `?true` field: `true` when set, left out when not.
#[inline]
pub fn write_flag<M: SerializeStruct>(
    object: &mut M,
    name: &'static str,
    set: bool,
) -> Result<(), M::Error> {
    if set {
        object.serialize_field(name, &true)
    } else {
        object.skip_field(name)
    }
}
