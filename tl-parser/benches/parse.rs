//! Parse + check of the largest real schemas (`tdlib/td_api.tl`, `telegram/api-L228.tl`) from
//! `TL_CORPUS` (relative paths from the workspace root), else from `../shared/schemas` next to the
//! workspace; when neither exists, of a generated schema of similar size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tl_parser::{CheckOptions, SourceSet};

fn corpus_root() -> Option<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = match std::env::var_os("TL_CORPUS") {
        Some(value) if Path::new(&value).is_absolute() => PathBuf::from(value),
        Some(value) => workspace.join(value),
        None => workspace.join("../shared/schemas"),
    };
    root.is_dir().then_some(root)
}

/// About 3000 Telegram-style definitions with flags, vectors and namespaces.
fn synthetic() -> String {
    let mut out = String::from("int ? = Int;\nlong ? = Long;\nstring ? = String;\n");
    for i in 0..2000 {
        out.push_str(&format!(
            "ns{}.thing{i} flags:# pinned:flags.0?true id:long title:string ids:Vector<long> next:flags.1?ns{}.Thing = ns{}.Thing;\n",
            i % 50,
            i % 50,
            i % 50
        ));
    }
    out.push_str("---functions---\n");
    for i in 0..1000 {
        out.push_str(&format!(
            "ns{}.getThing{i} id:long limit:int = Vector<ns{}.Thing>;\n",
            i % 50,
            i % 50
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut inputs: Vec<(String, String)> = Vec::new();
    if let Some(root) = corpus_root() {
        for file in ["tdlib/td_api.tl", "telegram/api-L228.tl"] {
            if let Ok(text) = std::fs::read_to_string(root.join(file)) {
                inputs.push((file.to_owned(), text));
            }
        }
    }
    if inputs.is_empty() {
        inputs.push(("synthetic".to_owned(), synthetic()));
    }
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
