//! What the fuzz targets check, shared with the tests that replay their regression inputs: arbitrary
//! bytes decoded into the largest boxed types of api-L228 never panic, and whatever decodes
//! re-encodes stably (encode -> decode -> encode gives the same bytes).

use tl_types::{Deserializable, Serializable};

use crate::api_l228::enums::{Message, Updates, User};

/// Decodes `data` as each of the largest boxed types; returns how many decoded.
pub fn decode_api(data: &[u8]) -> usize {
    usize::from(Updates::from_bytes(data).is_ok())
        + usize::from(Message::from_bytes(data).is_ok())
        + usize::from(User::from_bytes(data).is_ok())
}

fn stable<T: Serializable + Deserializable>(data: &[u8]) -> bool {
    let Ok(value) = T::from_bytes(data) else { return false };
    let bytes = value.to_bytes();
    assert_eq!(bytes.len(), value.serialized_len(), "serialized_len is not exact");
    let again = T::from_bytes(&bytes).unwrap_or_else(|e| panic!("re-encoded bytes do not decode: {e}"));
    assert_eq!(again.to_bytes(), bytes, "encode -> decode -> encode is not stable");
    true
}

/// Decodes, re-encodes and decodes again; panics if the round trip is not stable.
pub fn decode_encode_decode(data: &[u8]) -> usize {
    usize::from(stable::<Updates>(data)) + usize::from(stable::<Message>(data)) + usize::from(stable::<User>(data))
}
