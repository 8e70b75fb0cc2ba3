//! The runtime of generated TL types (the traits, the codecs, `Reader`, `DecodeError`,
//! `EncodeError`, `RpcError` for the errors a server answers with and `ErrorDoc` for what the
//! documentation says about them) and the types generated from this repository's
//! `schema/importers.tl`: everything `messages.getChatInviteImporters` and its result
//! `messages.ChatInviteImporters` need, at layer 228, with the documentation of their definitions
//! (`schema/importers.docs.json`) and the `errors` module. It has no dependencies and no build
//! script: no generator, parser or syn reaches a user's build, because the shipped types are
//! checked-in generated code (`src/generated.rs`).
//!
//! Zero-copy decoding is opt-in, for code generated with `tl_codegen::Config::borrowed`:
//! [`DeserializableBorrowed`], [`BareBorrowed`] and [`IntoOwned`], and the codecs'
//! [`CodecBorrowed`](codec::CodecBorrowed) (strings and byte strings as slices of the input).
//!
//! Features: `samples` adds the module `sample` (sample values and round-trip checks for tests and
//! fuzzing) and `visit_samples`, which lists every shipped type; `serde` adds the module [`json`]
//! (the JSON form of TL values, TDLib's conventions) and serde impls on the shipped types; `gzip`
//! adds the module `gzip`: decoding a value that arrives as MTProto's `gzip_packed` (flate2), with
//! a limit on the unpacked size.
//!
//! ```
//! use tl_types::{Deserializable, Serializable, functions, types};
//!
//! let request = functions::messages::GetChatInviteImporters::new(
//!     types::InputPeerSelf {},
//!     0,
//!     types::InputUserEmpty {},
//!     50,
//! )
//! .with_requested(true);
//! let bytes = request.to_bytes();
//! assert_eq!(&bytes[..4], &0xdf04dd4e_u32.to_le_bytes());
//! assert_eq!(functions::messages::GetChatInviteImporters::from_bytes(&bytes).unwrap(), request);
//! ```

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
mod borrowed;
pub mod codec;
mod decode_error;
mod encode_error;
mod error_doc;
#[cfg(feature = "gzip")]
pub mod gzip;
#[cfg(feature = "serde")]
pub mod json;
mod path;
mod primitives;
mod reader;
mod rpc_error;
#[cfg(feature = "samples")]
pub mod sample;
mod traits;
mod walk;

pub use borrowed::{BareBorrowed, DeserializableBorrowed, IntoOwned, deserialize_boxed_borrowed};
pub use decode_error::{DecodeError, DecodeErrorKind};
pub use encode_error::{EncodeError, EncodeErrorKind};
pub use error_doc::ErrorDoc;
pub use path::{FieldPath, PathSegment};
pub use primitives::True;
pub use reader::{DEFAULT_MAX_DEPTH, Reader};
pub use rpc_error::RpcError;
pub use traits::{
    Bare, Deserializable, Identifiable, RemoteCall, Serializable, deserialize_boxed,
    serialize_boxed,
};
pub use walk::Walker;

/// The shipped types, generated from `schema/importers.tl` by tl-codegen and checked in. Do not
/// edit: regenerate with `TL_REGENERATE=1 cargo test -p tl-codegen --test tl_types_generated`
/// (tl-codegen's test `tl_types_generated` fails while this file is stale).
#[rustfmt::skip]
mod generated;

#[cfg(all(feature = "samples", feature = "serde"))]
pub use generated::visit_json_samples;
#[cfg(feature = "samples")]
pub use generated::visit_samples;
pub use generated::{LAYER, enums, errors, functions, name_for_id, types};
