//! Arbitrary bytes through the dynamic codec (tl-dynamic, api-L228 read at run time) beside the
//! generated decoder: the same answer for Updates, Message and User, and as any boxed value
//! (gzip_packed, msg_container) never a panic, whatever decodes re-encodes stably.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_corpus::checks::decode_dynamic(data);
});
