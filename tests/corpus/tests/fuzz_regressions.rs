//! Replays the inputs under `fuzz/regressions/decode/`, `roundtrip/` and `dynamic/` (crashes
//! the fuzz targets found, once minimized, and hand-picked inputs) through the same checks the
//! targets run: `valid-*` inputs decode, `invalid-*` ones do not, and nothing panics. The targets
//! use api-L228: this runs in the build that has it.
#![cfg(has_api_l228)]

use std::path::Path;

fn replay(target: &str, check: fn(&[u8]) -> usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let decoded = check(&std::fs::read(&path).unwrap());
        if name.starts_with("valid-") {
            assert!(decoded > 0, "{target}/{name} did not decode");
        } else if name.starts_with("invalid-") {
            assert_eq!(decoded, 0, "{target}/{name} decoded");
        }
    }
}

#[test]
fn decode_regressions_replay() {
    replay("decode", tl_corpus::checks::decode_api);
}

#[test]
fn roundtrip_regressions_replay() {
    replay("roundtrip", tl_corpus::checks::decode_encode_decode);
}

#[test]
fn dynamic_regressions_replay() {
    replay("dynamic", tl_corpus::checks::decode_dynamic);
}
