//! Decoding hostile bytes into generated types stays within bounded memory and stack: peak heap
//! growth under 4 MiB plus 256 bytes per input byte (measured by a counting global allocator), and
//! 1 MB of nested `textBold` / `jsonArray` returns `DepthExceeded` on a thread with a 2 MiB stack.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use peak_alloc::PeakAlloc;
use tl_tests::fixtures::recursion::enums::{JsonValue, RichText};
use tl_types::enums::messages::ChatInviteImporters;
use tl_types::{DecodeErrorKind, Deserializable};

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const TEXT_BOLD: u32 = 0x6724abc4;
const JSON_ARRAY: u32 = 0xf7444763;
const VECTOR: u32 = 0x1cb5c415;
const IMPORTERS: u32 = 0x81b6b00a;

/// Decodes with `decode` on a thread with a 2 MiB stack, returning the error kind and the peak heap
/// growth while it ran.
fn measure(input: Vec<u8>, decode: Decode) -> (Option<DecodeErrorKind>, usize) {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let before = ALLOCATOR.current_usage();
            ALLOCATOR.reset_peak_usage();
            let kind = decode(&input);
            (kind, ALLOCATOR.peak_usage().saturating_sub(before))
        })
        .unwrap()
        .join()
        .unwrap()
}

fn le(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn importers(bytes: &[u8]) -> Option<DecodeErrorKind> {
    ChatInviteImporters::from_bytes(bytes)
        .err()
        .map(|e| e.kind().clone())
}

fn rich_text(bytes: &[u8]) -> Option<DecodeErrorKind> {
    RichText::from_bytes(bytes).err().map(|e| e.kind().clone())
}

fn json(bytes: &[u8]) -> Option<DecodeErrorKind> {
    JsonValue::from_bytes(bytes).err().map(|e| e.kind().clone())
}

/// Decodes bytes into some generated type, giving the error kind if it failed.
type Decode = fn(&[u8]) -> Option<DecodeErrorKind>;
/// Whether an error kind is the one a case expects.
type Expect = fn(&DecodeErrorKind) -> bool;

/// Every hostile case: name, input, decoder, the error kind expected.
fn cases() -> Vec<(&'static str, Vec<u8>, Decode, Expect)> {
    const MB: usize = 1 << 20;
    let mut huge_count = le(&[IMPORTERS, 1, VECTOR, 0x7fff_ffff]);
    huge_count.extend([0; 4]);
    let mut long_string = le(&[IMPORTERS, 1, VECTOR, 1, 0x8c5adfd9, 1 << 2]);
    long_string.extend([0u8; 12]);
    long_string.extend([0xfe, 0xff, 0xff, 0xff]);
    long_string.extend(vec![b'a'; MB]);
    let nested_bold: Vec<u8> = std::iter::repeat_n(TEXT_BOLD.to_le_bytes(), MB / 4)
        .flatten()
        .collect();
    let nested_json: Vec<u8> = std::iter::repeat_n(le(&[JSON_ARRAY, VECTOR, 1]), MB / 12)
        .flatten()
        .collect();
    let mut many_users = le(&[IMPORTERS, 0, VECTOR, 0, VECTOR, 200_000]);
    many_users.extend(vec![0u8; MB - many_users.len()]);
    vec![
        ("vector count 0x7fffffff", huge_count, importers, |k| {
            matches!(k, DecodeErrorKind::VectorTooLong { .. })
        }),
        ("string length 0xfeffffff", long_string, importers, |k| {
            matches!(k, DecodeErrorKind::UnexpectedEof { .. })
        }),
        ("1 MB of nested textBold", nested_bold, rich_text, |k| {
            matches!(k, DecodeErrorKind::DepthExceeded { .. })
        }),
        ("1 MB of nested jsonArray", nested_json, json, |k| {
            matches!(k, DecodeErrorKind::DepthExceeded { .. })
        }),
        (
            "200000 users announced in 1 MB",
            many_users,
            importers,
            |k| {
                matches!(
                    k,
                    DecodeErrorKind::UnknownConstructor {
                        id: 0,
                        expected,
                    } if expected == "User"
                )
            },
        ),
    ]
}

#[test]
fn hostile_inputs_stay_within_bounded_memory_and_stack() {
    for (name, input, decode, expected) in cases() {
        let len = input.len();
        let (kind, peak) = measure(input, decode);
        let kind = kind.unwrap_or_else(|| panic!("{name}: decoded without error"));
        assert!(expected(&kind), "{name}: unexpected error {kind:?}");
        let budget = 4 * 1024 * 1024 + 256 * len;
        assert!(
            peak <= budget,
            "{name}: peak heap {peak} bytes over the budget of {budget}"
        );
        eprintln!("{name}: {kind:?}, peak heap {peak} bytes for {len} input bytes");
    }
}
