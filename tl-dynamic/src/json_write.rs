//! The JSON form of a value tree (docs/TL-JSON.md), the same text the generated serde impls write:
//! `"@type"` first, then the fields present in schema order; `long` and `int64` as decimal
//! strings, `int53` as numbers, byte strings and `int128`/`int256`/`int512` as padded standard
//! base64, doubles through serde_json (NaN and the infinities as strings), `?true` flags as `true`
//! when set. A raw message body is `{"@type":"@unknown","id":"0x…","data":"<base64>"}`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::envelopes::RAW_TYPE;
use crate::value::{Object, Value};

/// The member holding a value's TL name.
pub(crate) const TYPE_KEY: &str = "@type";

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Int(x) => serializer.serialize_i32(*x),
            Value::Nat(x) => serializer.serialize_u32(*x),
            Value::Long(x) => serializer.collect_str(x),
            Value::Int53(x) => serializer.serialize_i64(*x),
            Value::Double(x) if x.is_finite() => serializer.serialize_f64(*x),
            Value::Double(x) if x.is_nan() => serializer.serialize_str("NaN"),
            Value::Double(x) if *x > 0.0 => serializer.serialize_str("Infinity"),
            Value::Double(_) => serializer.serialize_str("-Infinity"),
            Value::String(text) => serializer.serialize_str(text),
            Value::Bytes(data) => serializer.serialize_str(&BASE64.encode(data)),
            Value::Int128(data) => serializer.serialize_str(&BASE64.encode(data)),
            Value::Int256(data) => serializer.serialize_str(&BASE64.encode(data)),
            Value::Int512(data) => serializer.serialize_str(&BASE64.encode(&data[..])),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::True => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(TYPE_KEY, "true")?;
                map.end()
            }
            Value::Vector(items) => serializer.collect_seq(items),
            Value::Object(object) => object.serialize(serializer),
            Value::Raw(raw) => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry(TYPE_KEY, RAW_TYPE)?;
                map.serialize_entry("id", &format!("{:#010x}", raw.id))?;
                map.serialize_entry("data", &BASE64.encode(&raw.data))?;
                map.end()
            }
        }
    }
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(TYPE_KEY, self.def.name)?;
        for (p, value) in &self.fields {
            let Some(param) = self.def.params.get(*p) else {
                continue;
            };
            // A `?true` is written when set only.
            if param.is_true_flag() && !matches!(value, Value::Bool(true)) {
                continue;
            }
            map.serialize_entry(param.name, value)?;
        }
        map.end()
    }
}

impl Value<'_> {
    /// The JSON text (docs/TL-JSON.md), compact, as `tl_types::json::to_string` writes the
    /// same value.
    pub fn to_json(&self) -> String {
        // Writing a value tree into a String cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The JSON text, indented by two spaces.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
