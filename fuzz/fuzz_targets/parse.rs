//! The parser and checker on arbitrary bytes: never a panic; invalid UTF-8 is a located error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sources = tl_parser::SourceSet::new();
    if sources.add_bytes("fuzz.tl", data.to_vec()).is_ok() {
        let parsed = tl_parser::parse(&sources, &tl_parser::CheckOptions::default());
        let _ = tl_parser::diagnostic::render(&parsed.diagnostics, &sources, false);
    }
});
