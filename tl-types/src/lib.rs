//! The runtime of generated TL types (the traits, the primitive codecs and `DecodeError`) and the
//! types generated from this repository's `schema/`: everything `messages.getChatInviteImporters`
//! and its result `messages.ChatInviteImporters` need, at layer 228.
//!
//! ```
//! use tl_types::{Deserializable, Serializable, functions, types};
//!
//! let request = functions::messages::GetChatInviteImporters {
//!     requested: true,
//!     subscription_expired: false,
//!     peer: types::InputPeerSelf {}.into(),
//!     link: None,
//!     q: None,
//!     offset_date: 0,
//!     offset_user: types::InputUserEmpty {}.into(),
//!     limit: 50,
//! };
//! let bytes = request.to_bytes();
//! assert_eq!(&bytes[..4], &0xdf04dd4e_u32.to_le_bytes());
//! assert_eq!(functions::messages::GetChatInviteImporters::from_bytes(&bytes).unwrap(), request);
//! ```

pub mod codec;
mod error;
mod primitives;
mod reader;
pub mod sample;
mod traits;

pub use error::{DecodeError, DecodeErrorKind, PathSegment};
pub use primitives::True;
pub use reader::{DEFAULT_MAX_DEPTH, Reader};
pub use traits::{
    Bare, Deserializable, Identifiable, RemoteCall, Serializable, deserialize_boxed,
    serialize_boxed,
};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/tl.rs"));
}

#[cfg(feature = "samples")]
pub use generated::visit_samples;
pub use generated::{LAYER, enums, functions, name_for_id, types};
