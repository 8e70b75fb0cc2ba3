//! Rust generated from every schema of the corpus.
include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
