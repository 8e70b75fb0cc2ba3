//! Workload 2 of issue 6: generation of the whole `telegram/api-L228.tl` with
//! `tl_codegen::Config::generate_from`, formatted and with `.format(false)`, next to grammers-tl-gen
//! (`parse_tl_file` + `generate_rust_code` into memory) on the same text. Both timings start from
//! the schema text, so both include parsing. Reads the corpus at run time (`schema/corpus/`, or
//! `TL_CORPUS`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use tl_bench::{Row, api_schema, benchmarking, interleaved, print_summary};
use tl_parser::SourceSet;

fn ours(sources: &SourceSet, format: bool) -> String {
    tl_codegen::Config::new()
        .format(format)
        .generate_from(black_box(sources))
        .unwrap()
        .code
}

fn grammers(text: &str) -> usize {
    let definitions: Vec<_> = grammers_tl_parser::parse_tl_file(black_box(text))
        .filter_map(Result::ok)
        .collect();
    let mut outputs = grammers_tl_gen::Outputs {
        common: Vec::new(),
        types: Vec::new(),
        functions: Vec::new(),
        enums: Vec::new(),
    };
    // The configuration grammers-tl-types' own build.rs uses with its default features.
    let config = grammers_tl_gen::Config {
        gen_name_for_id: true,
        deserializable_functions: false,
        impl_debug: true,
        impl_from_type: true,
        impl_from_enum: true,
        impl_serde: false,
    };
    grammers_tl_gen::generate_rust_code(&mut outputs, &definitions, 228, &config).unwrap();
    outputs.common.len() + outputs.types.len() + outputs.functions.len() + outputs.enums.len()
}

fn lines(code: &str) -> usize {
    code.lines().count()
}

fn main() {
    let Some((path, text)) = api_schema("generate") else {
        return;
    };
    let mut sources = SourceSet::new();
    sources.add(path, text.clone());

    let formatted = ours(&sources, true);
    let unformatted = ours(&sources, false);
    println!(
        "generate: ours {} bytes / {} lines formatted, {} bytes unformatted; grammers {} bytes",
        formatted.len(),
        lines(&formatted),
        unformatted.len(),
        grammers(&text)
    );

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let mut group = c.benchmark_group("generate_api_L228");
    group.bench_function("ours_formatted", |b| b.iter(|| ours(&sources, true)));
    group.bench_function("ours_unformatted", |b| b.iter(|| ours(&sources, false)));
    group.bench_function("grammers", |b| b.iter(|| grammers(&text)));
    group.finish();
    c.final_summary();

    if benchmarking() {
        print_summary(
            "generate api-L228",
            &[
                Row::new(
                    "generate, formatted",
                    interleaved(|| ours(&sources, true), || grammers(&text)),
                    None,
                ),
                Row::new(
                    "generate, format(false)",
                    interleaved(|| ours(&sources, false), || grammers(&text)),
                    None,
                ),
            ],
        );
    }
}
