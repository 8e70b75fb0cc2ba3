//! The JSON form of TL values (the `serde` feature): TDLib's JSON conventions, extended to every
//! schema, as `docs/TL-JSON.md` of the repository specifies them. Types generated with
//! `tl_codegen::Config::serde(true)` implement `serde::Serialize` and `serde::Deserialize` in this
//! form; [`to_string`] and [`from_str`] are the usual entry points, and their errors carry the
//! path of the member that failed.
//!
//! | TL | JSON |
//! |---|---|
//! | constructor or function (boxed or bare) | object: `"@type"` with the TL name first, then the fields under their TL names, in schema order |
//! | `int`, `int32`, `int53`, a plain `#` | number |
//! | `long`, `int64` | string of the decimal value (an integer is accepted when reading) |
//! | `double` | number; `"NaN"`, `"Infinity"`, `"-Infinity"` |
//! | `string` | string |
//! | `bytes`, `int128`, `int256`, `int512` | base64 (standard alphabet, padded) |
//! | `Bool` | `true` / `false` |
//! | `Vector<T>`, `vector<T>` | array |
//! | a flags word | never written (computed from the fields) |
//! | `x:flags.N?true` | `true` when set, left out when not |
//! | `x:flags.N?T`, a TDLib object documented `may be null` | the value when present, left out when absent (`null` reads as absent) |
//!
//! Reading ignores members it does not know (TDLib adds `"@extra"` and `"@client_id"`; see
//! [`extra`]), requires every field that is neither conditional nor nullable, and bounds nesting
//! by the parser's recursion limit (128 levels in [`from_str`]).
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use tl_types::{functions, json, types};
//!
//! let request = functions::messages::GetChatInviteImporters {
//!     requested: true,
//!     subscription_expired: false,
//!     peer: types::InputPeerSelf {}.into(),
//!     link: None,
//!     q: Some("bob".into()),
//!     offset_date: 0,
//!     offset_user: types::InputUserEmpty {}.into(),
//!     limit: 50,
//! };
//! let text = json::to_string(&request).unwrap();
//! assert_eq!(
//!     text,
//!     r#"{"@type":"messages.getChatInviteImporters","requested":true,"peer":{"@type":"inputPeerSelf"},"q":"bob","offset_date":0,"offset_user":{"@type":"inputUserEmpty"},"limit":50}"#
//! );
//! assert_eq!(json::from_str::<functions::messages::GetChatInviteImporters>(&text).unwrap(), request);
//! # }
//! ```

mod codecs;
mod error;
#[doc(hidden)]
pub mod objects;
mod tdlib;

pub use codecs::{De, JsonCodec, Ser};
pub use error::{JsonError, JsonErrorKind};
pub use tdlib::{Extra, extra, from_str_or_error, type_name};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The JSON text of `value`. Generated types never fail; an error can only come from a hand-written
/// `Serialize` impl.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    serde_json::to_string(value).map_err(|e| JsonError::from_serde(e, String::new()))
}

/// The JSON text of `value`, as UTF-8 bytes.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, JsonError> {
    serde_json::to_vec(value).map_err(|e| JsonError::from_serde(e, String::new()))
}

/// Reads a value from JSON text: the whole text must be one value (trailing whitespace aside). An
/// error names the path of the member that failed (`users[3].username`) and its line and column.
pub fn from_str<T: DeserializeOwned>(json: &str) -> Result<T, JsonError> {
    read(&mut serde_json::Deserializer::from_str(json))
}

/// [`from_str`] for UTF-8 bytes.
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> Result<T, JsonError> {
    read(&mut serde_json::Deserializer::from_slice(json))
}

fn read<'de, R: serde_json::de::Read<'de>, T: DeserializeOwned>(
    deserializer: &mut serde_json::Deserializer<R>,
) -> Result<T, JsonError> {
    let value = serde_path_to_error::deserialize(&mut *deserializer).map_err(|e| {
        let path = e.path().to_string();
        JsonError::from_serde(e.into_inner(), path)
    })?;
    deserializer
        .end()
        .map_err(|e| JsonError::from_serde(e, String::new()))?;
    Ok(value)
}
