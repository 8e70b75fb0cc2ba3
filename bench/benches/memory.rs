//! Decoding memory (issue 6): the peak heap while decoding the 1000 + 1000
//! messages.chatInviteImporters response, against the decoded value's own size (the heap it keeps
//! plus its inline size). Target: peak no more than 2x the value's own size. Measured for ours and
//! for grammers-tl-types with `peak_alloc` as this binary's global allocator (no `unsafe` here).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use peak_alloc::PeakAlloc;
use tl_bench::response;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

const N: usize = 1000;

/// (peak heap above the baseline while decoding, heap kept by the decoded value).
fn measure<T>(decode: impl FnOnce() -> T) -> (usize, usize, T) {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let value = black_box(decode());
    let peak = HEAP.peak_usage() - before;
    let kept = HEAP.current_usage() - before;
    (peak, kept, value)
}

fn report(name: &str, (peak, kept): (usize, usize), inline: usize) -> f64 {
    let own = kept + inline;
    let ratio = peak as f64 / own as f64;
    println!(
        "{name:<9} value's own size {own:>8} bytes (heap {kept} + inline {inline}), peak heap while decoding {peak:>8} bytes = {ratio:.2}x; target <= 2x: {}",
        if ratio <= 2.0 { "met" } else { "MISSED" }
    );
    ratio
}

fn main() {
    use grammers_tl_types::{Deserializable as _, Serializable as _};
    use tl_types::{Deserializable as _, Serializable as _};
    type Ours = tl_types::enums::messages::ChatInviteImporters;
    type Theirs = grammers_tl_types::enums::messages::ChatInviteImporters;

    let bytes = response::ours(N).to_bytes();
    assert_eq!(bytes, response::grammers(N).to_bytes());
    println!(
        "memory: decoding the {N} + {N} response, {} bytes of input",
        bytes.len()
    );

    // Warm up once so lazily allocated process state does not count.
    drop(Ours::from_bytes(&bytes).unwrap());
    drop(Theirs::from_bytes(&bytes).unwrap());

    let (peak, kept, value) = measure(|| Ours::from_bytes(&bytes).unwrap());
    let ours = report("ours", (peak, kept), std::mem::size_of_val(&value));
    drop(value);
    let (peak, kept, value) = measure(|| Theirs::from_bytes(&bytes).unwrap());
    let theirs = report("grammers", (peak, kept), std::mem::size_of_val(&value));
    drop(value);
    println!("memory: peak / own size, ours {ours:.2}x vs grammers {theirs:.2}x");
}
