//! Workload 4 of issue 6: a messages.chatInviteImporters response with 1000 importers and 1000
//! users (most optional fields set), serialized (`to_bytes` and into a reused buffer) and
//! deserialized (`from_bytes`), next to grammers-tl-types with equal values; MB/s through
//! criterion's `Throughput::Bytes`. The setup asserts that both encoders produce identical bytes.
//! Targets: serialization at least 1.5x, deserialization at least 2.5x faster than grammers.
//! Uses the shipped `tl_types`, so it needs no corpus.
//!
//! Issue 14: the same deserialization with the types generated with `Config::borrowed`
//! (`tl_bench::zero_copy`, `from_bytes_borrowed`: strings and byte strings borrowed from the
//! input), target 5x; and a second shape, 200 importers and 200 users with every optional field
//! present, decoded by all three.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use grammers_tl_types::{Deserializable as _, Serializable as _};
use tl_bench::{Row, assert_same_bytes, benchmarking, interleaved, print_summary, response};
use tl_types::{Deserializable as _, DeserializableBorrowed as _, Serializable as _};

const N: usize = 1000;

/// Users and importers of the second shape, every optional field present.
const FULL: usize = 200;

type Ours = tl_types::enums::messages::ChatInviteImporters;
type ZeroCopy<'a> = tl_bench::zero_copy::enums::messages::ChatInviteImporters<'a>;
type Theirs = grammers_tl_types::enums::messages::ChatInviteImporters;

/// Checks that the zero-copy types decode `bytes` to what the shipped types decode, and encode
/// them back.
fn check_zero_copy(bytes: &[u8], ours: &Ours) {
    let borrowed = ZeroCopy::from_bytes_borrowed(bytes).unwrap();
    assert_eq!(borrowed.to_bytes(), bytes);
    assert_eq!(format!("{borrowed:?}"), format!("{ours:?}"));
}

fn main() {
    let ours = response::ours(N);
    let theirs = response::grammers(N);
    let bytes = ours.to_bytes();
    assert_same_bytes("response", &bytes, &theirs.to_bytes());
    assert_eq!(Ours::from_bytes(&bytes).unwrap(), ours);
    assert_eq!(Theirs::from_bytes(&bytes).unwrap(), theirs);
    check_zero_copy(&bytes, &ours);
    println!(
        "response: {N} importers + {N} users = {} bytes, identical to grammers'",
        bytes.len()
    );
    let full = response::ours_full(FULL).to_bytes();
    let theirs_full = Theirs::from_bytes(&full).unwrap();
    assert_same_bytes("full response", &full, &theirs_full.to_bytes());
    check_zero_copy(&full, &Ours::from_bytes(&full).unwrap());
    println!(
        "full response: {FULL} importers + {FULL} users, every optional field = {} bytes, grammers re-encodes it identically",
        full.len()
    );

    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();

    let mut group = c.benchmark_group("response_serialize_to_bytes");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("ours", |b| b.iter(|| black_box(&ours).to_bytes()));
    group.bench_function("grammers", |b| b.iter(|| black_box(&theirs).to_bytes()));
    group.finish();

    let mut group = c.benchmark_group("response_serialize_reused_buffer");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    let mut buf = Vec::with_capacity(bytes.len());
    group.bench_function("ours", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&ours).serialize(&mut buf);
            black_box(buf.len())
        })
    });
    group.bench_function("grammers", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&theirs).serialize(&mut buf);
            black_box(buf.len())
        })
    });
    group.finish();

    let mut group = c.benchmark_group("response_deserialize");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("ours", |b| {
        b.iter(|| Ours::from_bytes(black_box(&bytes)).unwrap())
    });
    group.bench_function("ours_zero_copy", |b| {
        b.iter(|| ZeroCopy::from_bytes_borrowed(black_box(&bytes)).unwrap())
    });
    group.bench_function("grammers", |b| {
        b.iter(|| Theirs::from_bytes(black_box(&bytes)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("response_deserialize_full_200");
    group.throughput(Throughput::Bytes(full.len() as u64));
    group.bench_function("ours", |b| {
        b.iter(|| Ours::from_bytes(black_box(&full)).unwrap())
    });
    group.bench_function("ours_zero_copy", |b| {
        b.iter(|| ZeroCopy::from_bytes_borrowed(black_box(&full)).unwrap())
    });
    group.bench_function("grammers", |b| {
        b.iter(|| Theirs::from_bytes(black_box(&full)).unwrap())
    });
    group.finish();
    c.final_summary();

    if benchmarking() {
        let to_bytes = interleaved(
            || black_box(&ours).to_bytes(),
            || black_box(&theirs).to_bytes(),
        );
        let mut a = Vec::with_capacity(bytes.len());
        let mut b = Vec::with_capacity(bytes.len());
        let reused = interleaved(
            || {
                a.clear();
                black_box(&ours).serialize(&mut a);
                a.len()
            },
            || {
                b.clear();
                black_box(&theirs).serialize(&mut b);
                b.len()
            },
        );
        let decode = interleaved(
            || Ours::from_bytes(black_box(&bytes)).unwrap(),
            || Theirs::from_bytes(black_box(&bytes)).unwrap(),
        );
        let zero_copy = interleaved(
            || ZeroCopy::from_bytes_borrowed(black_box(&bytes)).unwrap(),
            || Theirs::from_bytes(black_box(&bytes)).unwrap(),
        );
        let full_decode = interleaved(
            || Ours::from_bytes(black_box(&full)).unwrap(),
            || Theirs::from_bytes(black_box(&full)).unwrap(),
        );
        let full_zero_copy = interleaved(
            || ZeroCopy::from_bytes_borrowed(black_box(&full)).unwrap(),
            || Theirs::from_bytes(black_box(&full)).unwrap(),
        );
        let (n, f) = (bytes.len(), full.len());
        print_summary(
            &format!(
                "response messages.chatInviteImporters, {N} + {N} ({n} bytes) and {FULL} + {FULL} with every field ({f} bytes)"
            ),
            &[
                Row::new("response serialize to_bytes", to_bytes, Some(1.5)).bytes(n),
                Row::new("response serialize into reused buffer", reused, Some(1.5)).bytes(n),
                Row::new("response deserialize", decode, Some(2.5)).bytes(n),
                Row::new("response deserialize, zero-copy", zero_copy, Some(5.0)).bytes(n),
                Row::new("full 200 deserialize", full_decode, Some(2.5)).bytes(f),
                Row::new("full 200 deserialize, zero-copy", full_zero_copy, Some(5.0)).bytes(f),
            ],
        );
    }
}
