//! The value tree: [`Value`] holds any TL value, [`Object`] a constructor's or function's fields
//! (only those present, in schema order), [`Raw`] a message body whose constructor the codec does
//! not know.
//!
//! See [`Value`] for which TL type each variant stands for.

use crate::def::{Def, Role};

/// Any TL value.
///
/// | TL | `Value` |
/// |---|---|
/// | `int`, `int32` / a plain `#` | `Int` / `Nat` |
/// | `long`, `int64` / TDLib's `int53` | `Long` / `Int53` (same bytes, other JSON) |
/// | `double` | `Double` |
/// | `string`, `secureString` / `bytes`, `secureBytes` | `String` / `Bytes` |
/// | `int128`, `int256`, `int512` | `Int128`, `Int256`, `Int512` |
/// | `Bool`, and a `?true` flag that is set | `Bool` |
/// | boxed `True` | `True` |
/// | `Vector<T>`, `vector<T>` | `Vector` |
/// | a constructor or function, boxed or bare | `Object` |
/// | a message body with an unknown id | `Raw` |
///
/// Flags words are not stored: encoding computes them from the fields present. A conditional field
/// that is absent, a `?true` flag that is not set and a TDLib field documented `may be null` that
/// is null are all simply not in the object.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'c> {
    /// `int`, `int32`.
    Int(i32),
    /// A `#` that no conditional field refers to.
    Nat(u32),
    /// `long`, `int64`.
    Long(i64),
    /// TDLib's `int53`.
    Int53(i64),
    /// `double`.
    Double(f64),
    /// `string`, `secureString`.
    String(String),
    /// `bytes`, `secureBytes`.
    Bytes(Vec<u8>),
    /// `int128`, as on the wire.
    Int128([u8; 16]),
    /// `int256`, as on the wire.
    Int256([u8; 32]),
    /// `int512` (TON), as on the wire.
    Int512(Box<[u8; 64]>),
    /// `Bool`; also a `?true` flag that is set.
    Bool(bool),
    /// The boxed `True` (`true#3fedd339`).
    True,
    /// `Vector<T>` or `vector<T>`.
    Vector(Vec<Value<'c>>),
    /// A constructor or function.
    Object(Object<'c>),
    /// A message body the codec could not read (its id is unknown), kept as it was.
    Raw(Raw),
}

/// The value of a constructor or function: its definition and the fields present, in schema order.
#[derive(Debug, Clone)]
pub struct Object<'c> {
    pub(crate) def: &'c Def<'c>,
    /// `(parameter index, value)`, sorted by parameter index; flags words never appear.
    pub(crate) fields: Vec<(usize, Value<'c>)>,
}

/// Two objects are equal when they are of the same definition (of the same codec) and hold equal
/// fields.
impl PartialEq for Object<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.def, other.def) && self.fields == other.fields
    }
}

impl<'c> Object<'c> {
    /// An object of `def` without any field (set them with [`Object::set`]).
    pub fn new(def: &'c Def<'c>) -> Self {
        Object {
            def,
            fields: Vec::new(),
        }
    }

    /// Its definition.
    pub fn definition(&self) -> &'c Def<'c> {
        self.def
    }

    /// The TL name (`user`).
    pub fn name(&self) -> &'c str {
        self.def.name
    }

    /// The constructor id.
    pub fn id(&self) -> u32 {
        self.def.id
    }

    /// The fields present, in schema order, by TL name.
    pub fn fields(&self) -> impl Iterator<Item = (&'c str, &Value<'c>)> + '_ {
        self.fields
            .iter()
            .filter_map(|(p, v)| self.def.params.get(*p).map(|p| (p.name, v)))
    }

    /// The value of the field `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Value<'c>> {
        let p = self.def.param_index(name)?;
        self.at(p)
    }

    /// Sets the field `name` (a `?true` flag is set with `Value::Bool(true)`); fails with the value
    /// given back when the definition has no such field or it is a flags word (which encoding
    /// computes). The value's type is checked when encoding.
    pub fn set(&mut self, name: &str, value: Value<'c>) -> Result<(), Value<'c>> {
        match self.def.param_index(name) {
            Some(p) if !matches!(self.def.params[p].role, Role::FlagsWord { .. }) => {
                self.put(p, value);
                Ok(())
            }
            _ => Err(value),
        }
    }

    /// Removes the field `name`, returning its value.
    pub fn remove(&mut self, name: &str) -> Option<Value<'c>> {
        let p = self.def.param_index(name)?;
        let at = self.fields.binary_search_by_key(&p, |(i, _)| *i).ok()?;
        Some(self.fields.remove(at).1)
    }

    /// The value of parameter `p`.
    pub(crate) fn at(&self, p: usize) -> Option<&Value<'c>> {
        self.fields
            .binary_search_by_key(&p, |(i, _)| *i)
            .ok()
            .map(|at| &self.fields[at].1)
    }

    /// Sets parameter `p`, keeping the fields sorted.
    pub(crate) fn put(&mut self, p: usize, value: Value<'c>) {
        match self.fields.binary_search_by_key(&p, |(i, _)| *i) {
            Ok(at) => self.fields[at].1 = value,
            Err(at) => self.fields.insert(at, (p, value)),
        }
    }
}

/// A message body (of an MTProto `message` in a `msg_container`) whose constructor id the codec
/// does not know: its id and the bytes after it, as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// The constructor id.
    pub id: u32,
    /// The body's bytes after the id.
    pub data: Vec<u8>,
}

impl<'c> Value<'c> {
    /// What kind of value this is, for messages (`int`, `long`, `object`, …).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Int(_) => "int",
            Value::Nat(_) => "#",
            Value::Long(_) => "long",
            Value::Int53(_) => "int53",
            Value::Double(_) => "double",
            Value::String(_) => "string",
            Value::Bytes(_) => "bytes",
            Value::Int128(_) => "int128",
            Value::Int256(_) => "int256",
            Value::Int512(_) => "int512",
            Value::Bool(_) => "Bool",
            Value::True => "True",
            Value::Vector(_) => "vector",
            Value::Object(_) => "object",
            Value::Raw(_) => "raw body",
        }
    }

    /// The object this value holds, if it is one.
    pub fn as_object(&self) -> Option<&Object<'c>> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }
}
