//! Arbitrary bytes decoded into api-L228's Updates, Message and User: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_corpus::checks::decode_api(data);
});
