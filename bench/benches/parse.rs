//! Workload 1 of issue 6: parse + check of `telegram/api-L228.tl` with `tl_parser::parse`, next to
//! `grammers_tl_parser::parse_tl_file` on the same text. Target: at least 4x faster than grammers.
//! Reads the corpus at run time (`schema/corpus/`, or `TL_CORPUS`); without it, prints a skip line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use tl_bench::{Row, api_schema, benchmarking, interleaved, print_summary};
use tl_parser::{CheckOptions, SourceSet};

fn ours(sources: &SourceSet) -> tl_parser::Parsed {
    let parsed = tl_parser::parse(black_box(sources), &CheckOptions::default());
    assert!(!parsed.has_errors());
    parsed
}

fn grammers(
    text: &str,
) -> Vec<Result<grammers_tl_parser::tl::Definition, grammers_tl_parser::errors::ParseError>> {
    grammers_tl_parser::parse_tl_file(black_box(text)).collect()
}

fn main() {
    let Some((path, text)) = api_schema("parse") else {
        return;
    };
    let mut sources = SourceSet::new();
    sources.add(path.clone(), text.clone());

    let theirs = grammers(&text);
    let failed = theirs.iter().filter(|d| d.is_err()).count();
    println!(
        "parse: {path} ({} bytes): ours {} definitions; grammers {} definitions, {failed} statements it rejects",
        text.len(),
        ours(&sources).schema.definitions().len(),
        theirs.len() - failed,
    );

    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut group = c.benchmark_group("parse_check_api_L228");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("ours", |b| b.iter(|| ours(&sources)));
    group.bench_function("grammers", |b| b.iter(|| grammers(&text)));
    group.finish();
    c.final_summary();

    if benchmarking() {
        let times = interleaved(|| ours(&sources), || grammers(&text));
        print_summary(
            "parse + check api-L228",
            &[Row::new("parse + check", times, Some(4.0)).bytes(text.len())],
        );
    }
}
