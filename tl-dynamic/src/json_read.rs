//! JSON text to a value tree, read in one pass with serde (seeds driven by the compiled schema), with
//! the leniencies and the errors of the generated readers (docs/TL-JSON.md): `"@type"` anywhere in an
//! object (one pass when it comes first), unknown members ignored, `long` as a string or an
//! integer, a missing or `null` optional field absent, a missing or `false` `?true` unset, fields
//! that share a flag bit checked as generated code checks them, and every error naming the type
//! and the field, with the path of the member.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::de::{
    self, DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use crate::JsonError;
use crate::codec::Codec;
use crate::def::{Def, DefKind, Expect, Role, Shared, Ty};
use crate::envelopes::RAW_TYPE;
use crate::json_write::TYPE_KEY;
use crate::target::{Target, TargetKind};
use crate::value::{Object, Raw, Value};

/// Elements reserved up front when a JSON array announces its length.
const MAX_PREALLOC_ELEMENTS: usize = 4096;

/// Reads `text` as `target`.
pub(crate) fn read<'c>(
    codec: &'c Codec<'c>,
    target: &Target,
    text: &str,
) -> Result<Value<'c>, JsonError> {
    let ty = match &target.kind {
        TargetKind::Boxed(expect) => Ty::Boxed(*expect),
        TargetKind::Ty(ty) => ty.clone(),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let result = TySeed { codec, ty: &ty }
        .deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
    let value = result.map_err(|e| JsonError::from_serde(e, track.path().to_string()))?;
    de.end()
        .map_err(|e| JsonError::from_serde(e, String::new()))?;
    Ok(value)
}

/// A value of the wire type `ty`.
struct TySeed<'a, 'c> {
    codec: &'c Codec<'c>,
    ty: &'a Ty,
}

impl<'de, 'c> DeserializeSeed<'de> for TySeed<'_, 'c> {
    type Value = Value<'c>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value<'c>, D::Error> {
        let codec = self.codec;
        match self.ty {
            Ty::Int => d
                .deserialize_any(IntegerVisitor::<i32>::new("an `int` (a 32-bit number)"))
                .map(Value::Int),
            Ty::Nat => d
                .deserialize_any(IntegerVisitor::<u32>::new(
                    "a `#` (an unsigned 32-bit number)",
                ))
                .map(Value::Nat),
            Ty::Long => d
                .deserialize_any(IntegerVisitor::<i64>::or_string(
                    "a `long` (a decimal string or an integer)",
                ))
                .map(Value::Long),
            Ty::Int53 => d
                .deserialize_any(IntegerVisitor::<i64>::new("an `int53` number"))
                .map(Value::Int53),
            Ty::Double => d.deserialize_any(DoubleVisitor).map(Value::Double),
            Ty::String => <String as de::Deserialize>::deserialize(d).map(Value::String),
            Ty::Bytes => d
                .deserialize_str(Base64Visitor("`bytes` as base64"))
                .map(Value::Bytes),
            Ty::Int128 => fixed::<16, D>(d).map(Value::Int128),
            Ty::Int256 => fixed::<32, D>(d).map(Value::Int256),
            Ty::Int512 => fixed::<64, D>(d).map(|a| Value::Int512(Box::new(a))),
            Ty::Bool | Ty::BareTrue => <bool as de::Deserialize>::deserialize(d).map(Value::Bool),
            Ty::True => d.deserialize_map(TrueVisitor),
            Ty::Vector { element, .. } => d.deserialize_seq(SeqVisitor { codec, element }),
            Ty::Boxed(Expect::Def(def)) | Ty::Bare(def) => d
                .deserialize_map(StructVisitor { codec, def: *def })
                .map(Value::Object),
            Ty::Boxed(Expect::Any) | Ty::Body => d.deserialize_any(BoxedVisitor {
                codec,
                expect: Expect::Any,
            }),
            Ty::Boxed(expect) => d.deserialize_map(BoxedVisitor {
                codec,
                expect: *expect,
            }),
            Ty::Unsupported => Err(D::Error::custom("cannot read a value of an undefined type")),
        }
    }
}

/// `null` or a value of `ty`.
struct NullableSeed<'a, 'c>(TySeed<'a, 'c>);

impl<'de, 'c> DeserializeSeed<'de> for NullableSeed<'_, 'c> {
    type Value = Option<Value<'c>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, 'c> Visitor<'de> for NullableSeed<'_, 'c> {
    type Value = Option<Value<'c>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}

/// Reads an integer of type `T` from a JSON integer (or, for `long`, its decimal string).
struct IntegerVisitor<T> {
    expecting: &'static str,
    strings: bool,
    ty: PhantomData<T>,
}

impl<T> IntegerVisitor<T> {
    fn new(expecting: &'static str) -> Self {
        IntegerVisitor {
            expecting,
            strings: false,
            ty: PhantomData,
        }
    }

    fn or_string(expecting: &'static str) -> Self {
        IntegerVisitor {
            strings: true,
            ..Self::new(expecting)
        }
    }

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
        let digits = value.strip_prefix('-').unwrap_or(value);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E::invalid_value(de::Unexpected::Str(value), &self));
        }
        value.parse().map_err(|_| self.out_of_range(value))
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

struct Base64Visitor(&'static str);

impl Visitor<'_> for Base64Visitor {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<u8>, E> {
        BASE64
            .decode(value)
            .map_err(|e| E::custom(format_args!("invalid base64 for {}: {e}", self.0)))
    }
}

fn fixed<'de, const N: usize, D: Deserializer<'de>>(d: D) -> Result<[u8; N], D::Error> {
    let bytes = d.deserialize_str(Base64Visitor("an `int128`, `int256` or `int512` as base64"))?;
    let len = bytes.len();
    <[u8; N]>::try_from(bytes).map_err(|_| {
        D::Error::custom(format_args!(
            "an `int{}` is {N} bytes, the base64 holds {len}",
            N * 8
        ))
    })
}

struct SeqVisitor<'a, 'c> {
    codec: &'c Codec<'c>,
    element: &'a Ty,
}

impl<'de, 'c> Visitor<'de> for SeqVisitor<'_, 'c> {
    type Value = Value<'c>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a vector (an array)")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'c>, A::Error> {
        let hint = seq.size_hint().unwrap_or(0).min(MAX_PREALLOC_ELEMENTS);
        let mut out = Vec::with_capacity(hint);
        while let Some(value) = seq.next_element_seed(TySeed {
            codec: self.codec,
            ty: self.element,
        })? {
            out.push(value);
        }
        Ok(Value::Vector(out))
    }
}

/// `{"@type":"true"}`.
struct TrueVisitor;

impl<'de> Visitor<'de> for TrueVisitor {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a `true` object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == TYPE_KEY {
                map.next_value_seed(ExpectType("true"))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Value::True)
    }
}

/// A constructor or function read on its own (a bare constructor, or the target named it): any
/// `"@type"` must be its name.
struct StructVisitor<'c> {
    codec: &'c Codec<'c>,
    def: usize,
}

impl<'de, 'c> Visitor<'de> for StructVisitor<'c> {
    type Value = Object<'c>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.codec.defs.get(self.def).map_or("?", |d| d.name);
        write!(f, "a `{name}` object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<'c>, A::Error> {
        read_fields(self.codec, self.def, map)
    }
}

/// A boxed value: `"@type"` picks the constructor among those `expect` accepts. `"@type"` normally
/// comes first (one pass); otherwise the members before it are buffered.
struct BoxedVisitor<'c> {
    codec: &'c Codec<'c>,
    expect: Expect,
}

impl<'c> BoxedVisitor<'c> {
    fn name(&self) -> String {
        self.codec.expected_name(self.expect)
    }

    fn missing_type<E: de::Error>(&self) -> E {
        E::custom(format_args!(
            "missing \"@type\": a `{}` object must say which constructor it holds",
            self.name()
        ))
    }

    /// Reads the rest of the object as the constructor `name`.
    fn variant<'de, A: MapAccess<'de>>(&self, name: &str, map: A) -> Result<Value<'c>, A::Error> {
        if self.expect == Expect::Any && name == RAW_TYPE {
            return read_raw(map).map(Value::Raw);
        }
        match self.codec.lookup_name(self.expect, name) {
            Some(def) => read_fields(self.codec, def, map).map(Value::Object),
            None => {
                let variants = self.codec.variants(self.expect);
                let known = if variants.len() <= 8 {
                    format!(" ({})", variants.join(", "))
                } else {
                    format!(" (one of {} constructors)", variants.len())
                };
                Err(A::Error::custom(format_args!(
                    "\"@type\" `{name}` is not a constructor of `{}`{known}",
                    self.name()
                )))
            }
        }
    }
}

impl<'de, 'c> Visitor<'de> for BoxedVisitor<'c> {
    type Value = Value<'c>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object with its \"@type\"", self.name())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'c>, A::Error> {
        let first = match map.next_key::<FirstKey>()? {
            None => return Err(self.missing_type()),
            Some(FirstKey::Type) => {
                let name = map.next_value::<TypeName<'de>>()?;
                return self.variant(&name.0, map);
            }
            Some(FirstKey::Other(first)) => first,
        };
        // `"@type"` comes later: keep the members before it as JSON values.
        let mut buffered = serde_json::Map::new();
        buffered.insert(first, map.next_value()?);
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value()?;
            if buffered.insert(key.clone(), value).is_some() {
                return Err(A::Error::custom(format_args!(
                    "duplicate member `{key}` in a `{}` object",
                    self.name()
                )));
            }
        }
        let name = match buffered.remove(TYPE_KEY) {
            Some(serde_json::Value::String(name)) => name,
            Some(other) => {
                return Err(A::Error::custom(format_args!(
                    "\"@type\" must be a string, found {other}"
                )));
            }
            None => return Err(self.missing_type()),
        };
        serde_json::Value::Object(buffered)
            .deserialize_map(Buffered {
                visitor: self,
                name,
            })
            .map_err(A::Error::custom)
    }

    /// Only where anything boxed may stand: a vector of boxed values.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value<'c>, A::Error> {
        let any = Ty::Boxed(Expect::Any);
        SeqVisitor {
            codec: self.codec,
            element: &any,
        }
        .visit_seq(seq)
    }
}

/// Reads a buffered object as the constructor `name`.
struct Buffered<'c> {
    visitor: BoxedVisitor<'c>,
    name: String,
}

impl<'de, 'c> Visitor<'de> for Buffered<'c> {
    type Value = Value<'c>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value<'c>, A::Error> {
        self.visitor.variant(&self.name, map)
    }
}

/// The first member's name of a boxed value's object: `"@type"`, or another, kept.
enum FirstKey {
    Type,
    Other(String),
}

impl<'de> de::Deserialize<'de> for FirstKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_identifier(FirstKeyVisitor)
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
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TypeNameVisitor)
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

/// Checks that a `"@type"` member names the constructor being read.
struct ExpectType<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for ExpectType<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for ExpectType<'_> {
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

/// What a member's name is, for one definition.
enum Key {
    /// The parameter with this index.
    Field(usize),
    Type,
    /// A member the definition does not have (TDLib's `"@extra"`, a flags word).
    Other,
}

struct KeySeed<'a, 'c>(&'a Def<'c>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_, '_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed<'_, '_> {
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
            .params
            .iter()
            .position(|p| p.name == name && !matches!(p.role, Role::FlagsWord { .. }))
            .map_or(Key::Other, Key::Field))
    }
}

/// What one member gave.
#[derive(Clone)]
enum Slot<'c> {
    Empty,
    Value(Value<'c>),
    Null,
    Flag(bool),
}

/// Reads the members of definition `d`'s object, then checks them as generated code does: groups of
/// fields on one bit all present or none, `?true` flags that another field decides in agreement,
/// required fields present.
fn read_fields<'de, 'c, A: MapAccess<'de>>(
    codec: &'c Codec<'c>,
    d: usize,
    mut map: A,
) -> Result<Object<'c>, A::Error> {
    let Some(def) = codec.defs.get(d) else {
        return Err(A::Error::custom("no such definition"));
    };
    let mut slots: Vec<Slot<'c>> = vec![Slot::Empty; def.params.len()];
    while let Some(key) = map.next_key_seed(KeySeed(def))? {
        let p = match key {
            Key::Type => {
                map.next_value_seed(ExpectType(def.name))?;
                continue;
            }
            Key::Other => {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            Key::Field(p) => p,
        };
        let param = &def.params[p];
        if !matches!(slots[p], Slot::Empty) {
            return Err(A::Error::custom(format_args!(
                "duplicate field `{}` of `{}`",
                param.name, def.name
            )));
        }
        let seed = TySeed {
            codec,
            ty: &param.ty,
        };
        slots[p] = match &param.role {
            Role::Required { nullable: false } => Slot::Value(map.next_value_seed(seed)?),
            Role::Conditional { .. } if param.is_true_flag() => Slot::Flag(map.next_value()?),
            _ => match map.next_value_seed(NullableSeed(seed))? {
                Some(value) => Slot::Value(value),
                None => Slot::Null,
            },
        };
    }
    let given = |p: usize| matches!(slots.get(p), Some(Slot::Value(_)));
    // Fields that share one bit: all of them or none.
    for (p, param) in def.params.iter().enumerate() {
        if let Role::Conditional {
            json: Shared::Group { members },
            ..
        } = &param.role
            && members.first() == Some(&p)
        {
            let count = members.iter().filter(|&&m| given(m)).count();
            if count != 0 && count != members.len() {
                let names: Vec<String> = members
                    .iter()
                    .map(|&m| format!("`{}`", def.params[m].name))
                    .collect();
                return Err(A::Error::custom(format_args!(
                    "the fields {} of `{}` share one flag bit: give all of them or none",
                    names.join(", "),
                    def.name
                )));
            }
        }
    }
    let present = |q: usize| match def.params.get(q).map(|p| &p.role) {
        Some(Role::Conditional {
            json: Shared::Flag, ..
        }) => matches!(slots.get(q), Some(Slot::Flag(true))),
        _ => given(q),
    };
    // `?true` flags whose bit another field decides.
    for (p, param) in def.params.iter().enumerate() {
        if let Role::Conditional {
            json: Shared::Derived { partner },
            ..
        } = param.role
            && let Some(Slot::Flag(set)) = slots.get(p)
            && *set != present(partner)
        {
            return Err(A::Error::custom(format_args!(
                "`{}` of `{}` is {set}, but `{}`, on the same flag bit, is {}",
                param.name,
                def.name,
                def.params[partner].name,
                if present(partner) {
                    "present"
                } else {
                    "absent"
                },
            )));
        }
    }
    // An envelope `message`'s `bytes` is computed when encoding.
    let computed = |name: &str| def.kind == DefKind::Envelope && name == "bytes";
    for (p, param) in def.params.iter().enumerate() {
        if param.role == (Role::Required { nullable: false }) && !given(p) && !computed(param.name)
        {
            return Err(A::Error::custom(format_args!(
                "missing field `{}` of `{}`",
                param.name, def.name
            )));
        }
    }
    let set: Vec<bool> = def
        .params
        .iter()
        .enumerate()
        .map(|(p, param)| match &param.role {
            Role::Conditional {
                json: Shared::Derived { partner },
                ..
            } => present(*partner),
            Role::Conditional {
                json: Shared::Flag, ..
            } => present(p),
            _ => false,
        })
        .collect();
    let mut fields = Vec::new();
    for (p, (param, slot)) in def.params.iter().zip(slots).enumerate() {
        match slot {
            _ if set[p] => fields.push((p, Value::Bool(true))),
            Slot::Value(value) if !param.is_true_flag() => fields.push((p, value)),
            _ => {}
        }
    }
    Ok(Object { def, fields })
}

/// The members of a raw message body after its `"@type"`: `id` (`"0x…"`) and `data` (base64).
fn read_raw<'de, A: MapAccess<'de>>(mut map: A) -> Result<Raw, A::Error> {
    let (mut id, mut data) = (None, None);
    while let Some(key) = map.next_key::<Cow<'de, str>>()? {
        match key.as_ref() {
            "id" => {
                let text: Cow<'de, str> = map.next_value()?;
                let digits = text.trim_start_matches("0x");
                id = Some(u32::from_str_radix(digits, 16).map_err(|_| {
                    A::Error::custom(format_args!("`{text}` is not an id such as \"0x1cb5c415\""))
                })?);
            }
            "data" => data = Some(map.next_value_seed(Base64Seed)?),
            TYPE_KEY => map.next_value_seed(ExpectType(RAW_TYPE))?,
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    let missing =
        |field: &str| A::Error::custom(format_args!("missing field `{field}` of `{RAW_TYPE}`"));
    Ok(Raw {
        id: id.ok_or_else(|| missing("id"))?,
        data: data.ok_or_else(|| missing("data"))?,
    })
}

struct Base64Seed;

impl<'de> DeserializeSeed<'de> for Base64Seed {
    type Value = Vec<u8>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<u8>, D::Error> {
        d.deserialize_str(Base64Visitor("`bytes` as base64"))
    }
}

impl<'s> Codec<'s> {
    /// Reads the JSON form (docs/TL-JSON.md) of a value of `target` ([`Codec::target`]; with
    /// [`Target::any`], `"@type"` may name any constructor or function).
    pub fn from_json<'c>(&'c self, target: &Target, json: &str) -> Result<Value<'c>, JsonError> {
        read(self, target, json)
    }
}
