//! Rust generated from every schema of the corpus, and the checks the fuzz targets run.
include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

#[cfg(has_api_l228)]
pub mod checks;
pub mod summary;
