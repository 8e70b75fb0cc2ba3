//! Workload 3 of issue 6: encoding the request messages.getChatInviteImporters with every flag set,
//! with `to_bytes` and into a reused buffer, next to grammers-tl-types' equal value. Target: at
//! least 1.5x faster than grammers. Uses the shipped `tl_types`, so it needs no corpus.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use grammers_tl_types::Serializable as _;
use tl_bench::{Row, assert_same_bytes, benchmarking, interleaved, print_summary, request};
use tl_types::Serializable as _;

fn main() {
    let ours = request::ours();
    let theirs = request::grammers();
    assert_same_bytes("request", &ours.to_bytes(), &theirs.to_bytes());
    println!(
        "request: {} bytes, identical to grammers'",
        ours.to_bytes().len()
    );

    let mut c = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut group = c.benchmark_group("request_to_bytes");
    group.bench_function("ours", |b| b.iter(|| black_box(&ours).to_bytes()));
    group.bench_function("grammers", |b| b.iter(|| black_box(&theirs).to_bytes()));
    group.finish();

    let mut group = c.benchmark_group("request_reused_buffer");
    let mut buf = Vec::with_capacity(256);
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
    c.final_summary();

    if benchmarking() {
        let to_bytes = interleaved(
            || black_box(&ours).to_bytes(),
            || black_box(&theirs).to_bytes(),
        );
        let mut a = Vec::with_capacity(256);
        let mut b = Vec::with_capacity(256);
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
        print_summary(
            "request messages.getChatInviteImporters, every flag set",
            &[
                Row::new("request to_bytes", to_bytes, Some(1.5)),
                Row::new("request into reused buffer", reused, Some(1.5)),
            ],
        );
    }
}
