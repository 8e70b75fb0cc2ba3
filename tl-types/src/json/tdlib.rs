//! What TDLib's JSON interface adds around values: the `"@extra"` and `"@client_id"` members of
//! what it sends, and an `error` object where a request's result was expected.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::error::JsonError;
use super::objects::TYPE_KEY;

/// The members TDLib adds to what it sends (`td_receive`, `td_execute`), which reading a value
/// ignores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra {
    /// `"@extra"`: the value the request carried, returned with its answer.
    pub extra: Option<serde_json::Value>,
    /// `"@client_id"`: the client that sent it.
    pub client_id: Option<i32>,
}

/// Reads the `"@extra"` and `"@client_id"` members of an object that TDLib sent (other members
/// are skipped, not built).
pub fn extra(json: &str) -> Result<Extra, JsonError> {
    super::from_str::<ExtraOnly>(json).map(|e| e.0)
}

struct ExtraOnly(Extra);

impl<'de> de::Deserialize<'de> for ExtraOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ExtraVisitor)
    }
}

struct ExtraVisitor;

impl<'de> Visitor<'de> for ExtraVisitor {
    type Value = ExtraOnly;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ExtraOnly, A::Error> {
        let mut out = Extra::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "@extra" => out.extra = Some(map.next_value()?),
                "@client_id" => out.client_id = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(ExtraOnly(out))
    }
}

/// The `"@type"` of a JSON object (other members are skipped, not built).
pub fn type_name(json: &str) -> Result<String, JsonError> {
    super::from_str::<TypeOnly>(json)?.0.ok_or_else(|| {
        let error = <serde_json::Error as de::Error>::custom("the object has no \"@type\"");
        JsonError::from_serde(error, String::new())
    })
}

struct TypeOnly(Option<String>);

impl<'de> de::Deserialize<'de> for TypeOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TypeVisitor)
    }
}

struct TypeVisitor;

impl<'de> Visitor<'de> for TypeVisitor {
    type Value = TypeOnly;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with a \"@type\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TypeOnly, A::Error> {
        let mut name = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == TYPE_KEY && name.is_none() {
                name = Some(map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(TypeOnly(name))
    }
}

/// Reads TDLib's answer to a request: the result `T`, or, when the object is TDLib's
/// `error` (`"@type": "error"`), the error type `E` (td_api's `types::Error`).
///
/// With types generated from td_api.tl (`td` below), reading the answer to `parseTextEntities`:
///
/// ```ignore
/// let answer: Result<td::types::FormattedText, td::types::Error> =
///     tl_types::json::from_str_or_error(&text)?;
/// ```
pub fn from_str_or_error<T: DeserializeOwned, E: DeserializeOwned>(
    json: &str,
) -> Result<Result<T, E>, JsonError> {
    if type_name(json)? == "error" {
        super::from_str(json).map(Err)
    } else {
        super::from_str(json).map(Ok)
    }
}
