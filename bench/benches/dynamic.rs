//! The dynamic codec (tl-dynamic, issue 11) against the generated decoder on the response of issue
//! 6: messages.chatInviteImporters with 1000 importers and 1000 users (273,456 bytes), decoded by
//! `Codec::decode_as` from `schema/importers.tl` parsed at run time, and by the generated
//! `from_bytes`; plus dynamic encoding and the JSON text of the tree. No target: a decoder that
//! reads the schema at run time is expected to be slower; the closing summary says by how much.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use tl_bench::{benchmarking, interleaved, response};
use tl_types::{Deserializable as _, Serializable as _};

const N: usize = 1000;

type Typed = tl_types::enums::messages::ChatInviteImporters;

fn main() {
    let schema_text = include_str!("../../schema/importers.tl");
    let (_, parsed) = tl_parser::parse_str("importers.tl", schema_text);
    let schema = parsed.into_result().unwrap();
    let codec = tl_dynamic::Codec::new(&schema);
    let target = codec.target("messages.ChatInviteImporters").unwrap();

    let bytes = response::ours(N).to_bytes();
    let tree = codec.decode_as(&target, &bytes).unwrap();
    assert_eq!(codec.encode_as(&target, &tree).unwrap(), bytes);
    assert_eq!(Typed::from_bytes(&bytes).unwrap().to_bytes(), bytes);
    println!(
        "response: {N} importers + {N} users = {} bytes",
        bytes.len()
    );

    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();

    let mut group = c.benchmark_group("response_decode");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("typed", |b| {
        b.iter(|| Typed::from_bytes(black_box(&bytes)).unwrap())
    });
    group.bench_function("dynamic", |b| {
        b.iter(|| codec.decode_as(&target, black_box(&bytes)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("response_encode");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    let typed = Typed::from_bytes(&bytes).unwrap();
    group.bench_function("typed", |b| b.iter(|| black_box(&typed).to_bytes()));
    group.bench_function("dynamic", |b| {
        b.iter(|| codec.encode_as(&target, black_box(&tree)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("response_to_json");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("typed", |b| {
        b.iter(|| tl_types::json::to_string(black_box(&typed)).unwrap())
    });
    group.bench_function("dynamic", |b| b.iter(|| black_box(&tree).to_json()));
    group.finish();
    c.final_summary();

    if benchmarking() {
        let rows = [
            (
                "decode",
                interleaved(
                    || Typed::from_bytes(black_box(&bytes)).unwrap(),
                    || codec.decode_as(&target, black_box(&bytes)).unwrap(),
                ),
            ),
            (
                "encode",
                interleaved(
                    || black_box(&typed).to_bytes(),
                    || codec.encode_as(&target, black_box(&tree)).unwrap(),
                ),
            ),
            (
                "JSON text",
                interleaved(
                    || tl_types::json::to_string(black_box(&typed)).unwrap(),
                    || black_box(&tree).to_json(),
                ),
            ),
        ];
        println!();
        println!(
            "== response messages.chatInviteImporters, {N} + {N}, {} bytes: typed vs dynamic \
             (interleaved quick measurement, best of alternating batches) ==",
            bytes.len()
        );
        for (name, (typed, dynamic)) in rows {
            println!(
                "{name:<10} typed {:>10.2?}  dynamic {:>10.2?}  dynamic is {:.2}x slower",
                typed,
                dynamic,
                dynamic.as_secs_f64() / typed.as_secs_f64()
            );
        }
    }
}
