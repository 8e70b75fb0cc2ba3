//! Workload 4 of issue 6: a messages.chatInviteImporters response with 1000 importers and 1000
//! users (most optional fields set), serialized (`to_bytes` and into a reused buffer) and
//! deserialized (`from_bytes`), next to grammers-tl-types with equal values; MB/s through
//! criterion's `Throughput::Bytes`. The setup asserts that both encoders produce identical bytes.
//! Targets: serialization at least 1.5x, deserialization at least 2.5x faster than grammers.
//! Uses the shipped `tl_types`, so it needs no corpus.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use grammers_tl_types::{Deserializable as _, Serializable as _};
use tl_bench::{Row, assert_same_bytes, benchmarking, interleaved, print_summary, response};
use tl_types::{Deserializable as _, Serializable as _};

const N: usize = 1000;

type Ours = tl_types::enums::messages::ChatInviteImporters;
type Theirs = grammers_tl_types::enums::messages::ChatInviteImporters;

fn main() {
    let ours = response::ours(N);
    let theirs = response::grammers(N);
    let bytes = ours.to_bytes();
    assert_same_bytes("response", &bytes, &theirs.to_bytes());
    assert_eq!(Ours::from_bytes(&bytes).unwrap(), ours);
    assert_eq!(Theirs::from_bytes(&bytes).unwrap(), theirs);
    println!(
        "response: {N} importers + {N} users = {} bytes, identical to grammers'",
        bytes.len()
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
    group.bench_function("grammers", |b| {
        b.iter(|| Theirs::from_bytes(black_box(&bytes)).unwrap())
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
        let n = bytes.len();
        print_summary(
            &format!("response messages.chatInviteImporters, {N} + {N}, {n} bytes"),
            &[
                Row::new("response serialize to_bytes", to_bytes, Some(1.5)).bytes(n),
                Row::new("response serialize into reused buffer", reused, Some(1.5)).bytes(n),
                Row::new("response deserialize", decode, Some(2.5)).bytes(n),
            ],
        );
    }
}
