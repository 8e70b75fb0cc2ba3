//! Whatever decodes re-encodes stably: encode -> decode -> encode gives the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_corpus::checks::decode_encode_decode(data);
});
