//! What the fuzz targets check, shared with the tests that replay their regression inputs: arbitrary
//! bytes decoded into the largest boxed types of api-L228 never panic, whatever decodes
//! re-encodes stably (encode -> decode -> encode gives the same bytes), and the dynamic codec
//! (tl-dynamic, reading api-L228 at run time) agrees with the generated decoder.

use std::sync::OnceLock;

use serde::Serialize;
use tl_dynamic::{Codec, Options, Target};
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

/// The dynamic codecs of api-L228: without gzip (to compare with the generated decoder, which
/// refuses `gzip_packed`) and with the defaults.
fn dynamic() -> &'static (Codec<'static>, Codec<'static>) {
    static CODECS: OnceLock<(Codec<'static>, Codec<'static>)> = OnceLock::new();
    CODECS.get_or_init(|| {
        let text = include_str!(concat!(env!("TL_CORPUS_DIR"), "/telegram/api-L228.tl"));
        let (_, parsed) = tl_parser::parse_str("api-L228.tl", text);
        let schema: &'static tl_parser::Schema = Box::leak(Box::new(parsed.into_result().unwrap_or_else(|d| panic!("api-L228: {d:?}"))));
        (Codec::with_options(schema, Options::default().with_max_unpacked(None)), Codec::new(schema))
    })
}

/// The generated decoder and the dynamic one on the same bytes: both accept or both refuse (with
/// the same offset and path), and what both accept has the same JSON and the same bytes again.
fn agree<T: Deserializable + Serializable + Serialize>(name: &str, data: &[u8]) -> bool {
    let codec = &dynamic().0;
    let target = codec.target(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    match (T::from_bytes(data), codec.decode_as(&target, data)) {
        (Ok(value), Ok(tree)) => {
            assert_eq!(tree.to_json(), tl_types::json::to_string(&value).unwrap_or_default(), "{name}: JSON differs");
            assert_eq!(codec.encode_as(&target, &tree).ok(), Some(value.to_bytes()), "{name}: bytes differ");
            true
        }
        (Err(a), Err(b)) => {
            assert_eq!((a.offset(), a.path_string()), (b.offset(), b.path_string()), "{name}: {a} / {b}");
            false
        }
        (Ok(_), Err(e)) => panic!("{name}: only the generated decoder accepts: {e}"),
        (Err(e), Ok(_)) => panic!("{name}: only the dynamic decoder accepts: {e}"),
    }
}

/// The dynamic codec beside the generated decoder on `data` as Updates, Message and User, then as
/// any boxed value (gzip_packed and MTProto envelopes included), re-encoded when it decodes;
/// returns how many decoded.
pub fn decode_dynamic(data: &[u8]) -> usize {
    let any = &dynamic().1;
    let decoded = usize::from(agree::<Updates>("Updates", data))
        + usize::from(agree::<Message>("Message", data))
        + usize::from(agree::<User>("User", data));
    let anything = match any.decode(data) {
        Ok(tree) => {
            let bytes = any.encode(&tree).unwrap_or_else(|e| panic!("a decoded tree does not encode: {e}"));
            let again = any.decode_as(&Target::any(), &bytes).unwrap_or_else(|e| panic!("re-encoded bytes do not decode: {e}"));
            assert_eq!(again.to_json(), tree.to_json(), "decode -> encode -> decode changed the value");
            1
        }
        Err(_) => 0,
    };
    decoded + anything
}
