//! Workspace integration tests (in `tests/tests/`), and the code generated from every tl-codegen
//! fixture schema, compiled here so that each TL feature's output is built, linted and round-tripped.

/// One module per fixture schema of `tl-codegen/tests/fixtures`.
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}
