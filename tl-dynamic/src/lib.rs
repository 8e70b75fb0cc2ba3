//! Decode and encode any TL value from the schema alone, at run time: a second implementation beside
//! the generated code (tl-codegen + tl-types), driven by tl-parser's resolved schema.
//!
//! A [`Codec`] compiles a checked [`tl_parser::Schema`] once; it decodes the bytes of a boxed value
//! (whose id picks the constructor or function), of a named type, constructor or function, or of
//! `Vector<T>`, into a [`Value`] tree, and encodes a tree back into the same bytes the generated
//! encoder writes. A value's JSON form ([`Value::to_json`], [`Codec::from_json`]) is exactly
//! docs/TL-JSON.md, the text the generated serde impls write; its text form (`Display`) is for
//! people: names with ids, indented fields, long byte strings shortened.
//!
//! ```
//! let (_, parsed) = tl_parser::parse_str("importers.tl", include_str!("../../schema/importers.tl"));
//! let schema = parsed.into_result().unwrap();
//! let codec = tl_dynamic::Codec::new(&schema);
//! let target = codec.target("messages.ChatInviteImporters").unwrap();
//! let json = r#"{"@type":"messages.chatInviteImporters","count":0,"importers":[],"users":[]}"#;
//! let value = codec.from_json(&target, json).unwrap();
//! let bytes = codec.encode_as(&target, &value).unwrap();
//! assert_eq!(bytes, [0x0a, 0xb0, 0xb6, 0x81, 0, 0, 0, 0, 0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0,
//!                    0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0]);
//! let back = codec.decode(&bytes).unwrap();
//! assert_eq!(back.to_json(), json);
//! ```
//!
//! **Hostile bytes** get the generated decoder's guarantees ([`tl_types::codec`]'s module docs):
//! counts checked against the remaining input before anything is reserved, a nesting limit
//! ([`Options::with_max_depth`], 64 by default), trailing bytes rejected, never a panic, and a
//! typed [`DecodeError`] with the byte offset and the path of fields
//! (`messages.chatInviteImporters.users[3].user.username`). The decoder accepts exactly the bytes
//! the generated one accepts (tests run both on the same hostile inputs), except for what only it
//! knows:
//!
//! - **`gzip_packed`** may stand wherever a boxed value may: it is unpacked and its contents
//!   decoded in its place, up to [`Options::with_max_unpacked`] bytes for the whole input
//!   (16 MiB by default; past it, [`DecodeErrorKind::UnpackedTooLarge`]). `None` refuses it, as
//!   the generated decoder does (which unpacks it at the boundary with `tl_types::gzip`).
//! - **MTProto's envelopes** (`msg_container`, `message`, `rpc_result`; see [`envelopes`]) are
//!   known without a schema. A `message` body with an unknown constructor id is kept as a
//!   [`Raw`] value and the other messages still decode; elsewhere an unknown id is
//!   [`DecodeErrorKind::UnknownConstructor`], naming the id, the expected type and the path, and
//!   suggesting `tlgen explain`.
//!
//! Memory stays proportional to the input: a tree takes at most a few dozen bytes per input byte
//! (40 per value, 48 per field), plus what gzip unpacks.

#[cfg(feature = "samples")]
mod agree;
mod codec;
mod decode;
mod decode_error;
mod def;
mod encode;
mod encode_error;
pub mod envelopes;
mod json_read;
mod json_write;
mod options;
mod target;
mod text;
mod value;
mod wire;

#[cfg(feature = "samples")]
pub use agree::Agreement;
pub use codec::Codec;
pub use decode_error::{DecodeError, DecodeErrorKind};
pub use def::{Def, DefKind};
pub use encode_error::{EncodeError, EncodeErrorKind};
pub use options::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_UNPACKED, Options};
pub use target::{Target, TargetError};
pub use tl_types::PathSegment;
pub use tl_types::json::{JsonError, JsonErrorKind};
pub use value::{Object, Raw, Value};
