//! Parse + check of the largest real schemas of the corpus (`tdlib/td_api.tl`,
//! `telegram/api-L228.tl`), and of generated schemas from a thousand to a million definitions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tl_parser::{CheckOptions, SourceSet};

// The corpus location is the tests' (one place in the crate).
#[path = "../tests/harness/mod.rs"]
mod harness;

fn bench(c: &mut Criterion) {
    let root = harness::corpus::dir();
    let inputs: Vec<(String, String)> = ["tdlib/td_api.tl", "telegram/api-L228.tl"]
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            (file.to_owned(), text)
        })
        .collect();
    let mut group = c.benchmark_group("parse_and_check");
    for (name, text) in &inputs {
        let mut sources = SourceSet::new();
        sources.add(name.clone(), text.clone());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                let parsed = tl_parser::parse(black_box(&sources), &CheckOptions::default());
                assert!(!parsed.has_errors());
                parsed
            })
        });
    }
    group.finish();
}

/// `count` distinct constructors, one per line, each with a flags word, a conditional field and a
/// vector, for the scaling benchmark.
fn many_definitions(count: usize) -> String {
    let mut out = String::from("int ? = Int;\nlong ? = Long;\n");
    for i in 0..count {
        out.push_str(&format!(
            "item{i} flags:# id:long next:flags.0?int ids:Vector<long> = Item;\n"
        ));
    }
    out
}

/// Parse + check time against input size: the throughput (MB/s) stays flat from a thousand to a
/// million definitions when the front end is linear.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for count in [1_000, 10_000, 100_000, 1_000_000] {
        let mut sources = SourceSet::new();
        let text = many_definitions(count);
        group.throughput(Throughput::Bytes(text.len() as u64));
        sources.add("many.tl", text);
        group.bench_function(format!("{count} definitions"), |b| {
            b.iter(|| {
                let parsed = tl_parser::parse(black_box(&sources), &CheckOptions::default());
                assert!(!parsed.has_errors());
                parsed
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
