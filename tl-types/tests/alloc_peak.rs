//! Peak allocation while decoding hostile input stays under 4 MiB plus 256 bytes per input byte,
//! measured by a counting global allocator (peak_alloc), each case on a thread with a 2 MiB stack.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use tl_types::codec::{
    BareConstructor, BareVector, Boxed, Bytes, Codec, Int, Str, VECTOR_ID, Vector,
};
use tl_types::{DecodeError, Deserializable, Reader, Serializable};

const MIB: usize = 1024 * 1024;
const INPUT_LEN: usize = MIB;

/// The budget for decoding `input_len` bytes.
fn budget(input_len: usize) -> usize {
    4 * MIB + 256 * input_len
}

/// Fills `bytes` with zeros up to `INPUT_LEN`.
fn pad(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.resize(INPUT_LEN.max(bytes.len()), 0);
    bytes
}

/// `list` headers nested `levels` deep, each announcing as many elements as the rest of the input
/// could hold (4 bytes each), then zeros.
fn nested_lists(levels: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for level in 0..levels {
        let after_count = INPUT_LEN - 12 * (level + 1);
        bytes.extend([le(LIST_ID), le(VECTOR_ID), le((after_count / 4) as u32)].concat());
    }
    pad(bytes)
}

/// A named input and how to decode it.
type Case = (
    &'static str,
    fn() -> Vec<u8>,
    fn(&[u8]) -> Result<(), DecodeError>,
);

/// The hostile inputs, by name, with a decoder for each.
fn cases() -> Vec<Case> {
    fn node(b: &[u8]) -> Result<(), DecodeError> {
        Node::from_bytes(b).map(drop)
    }
    fn as_codec<C: Codec>(b: &[u8]) -> Result<(), DecodeError> {
        let mut reader = Reader::new(b);
        tl_types::__private::decode::<C>(&mut reader, "test", "value")?;
        reader.finish()
    }
    vec![
        // 64 nested lists, each claiming the whole rest of the input; the 65th is too deep.
        (
            "nested_lists_claiming_everything",
            || nested_lists(64),
            node,
        ),
        // The same, stopping at the depth limit with zeros (unknown constructor 0).
        ("nested_lists_to_the_limit", || nested_lists(63), node),
        // A megabyte of nested wraps.
        ("nested_wraps", || le(WRAP_ID).repeat(INPUT_LEN / 4), node),
        // A list of 262 142 leaves: the most elements per input byte a boxed vector can have.
        (
            "list_of_leaves",
            || {
                let n = (INPUT_LEN - 12) / 4;
                [
                    le(LIST_ID).to_vec(),
                    le(VECTOR_ID).to_vec(),
                    le(n as u32).to_vec(),
                    le(LEAF_ID).repeat(n),
                ]
                .concat()
            },
            node,
        ),
        // A group of empty bare items (12 zero bytes each) filling the input, then no flag.
        (
            "group_of_empty_items",
            || {
                let n = (INPUT_LEN - 8) / 12;
                pad([le(GROUP_ID), le(n as u32)].concat())
            },
            node,
        ),
        // A vector of empty strings filling the input.
        (
            "vector_of_empty_strings",
            || pad([le(VECTOR_ID), le(((INPUT_LEN - 8) / 4) as u32)].concat()),
            as_codec::<Vector<Str>>,
        ),
        // Vectors of vectors, every count as large as allowed.
        (
            "vector_of_vectors",
            || {
                let mut bytes = Vec::new();
                for level in 0..3 {
                    let after_count = INPUT_LEN - 8 * (level + 1);
                    bytes.extend([le(VECTOR_ID), le((after_count / 8) as u32)].concat());
                }
                pad(bytes)
            },
            as_codec::<Vector<Vector<Vector<Vector<Int>>>>>,
        ),
        // A count of 0x7fffffff with four bytes after it.
        (
            "vector_count_0x7fffffff",
            || [le(VECTOR_ID), le(0x7fff_ffff), le(1)].concat(),
            as_codec::<Vector<Int>>,
        ),
        // A byte string announcing 16 MiB with a megabyte after it.
        (
            "bytes_announcing_16_mib",
            || pad(hex("feffffff")),
            as_codec::<Bytes>,
        ),
        // Zero-byte elements: a count as large as the input.
        (
            "bare_leaves",
            || pad(le((INPUT_LEN - 4) as u32).to_vec()),
            as_codec::<BareVector<BareConstructor<Leaf>>>,
        ),
        // A boxed node of random-looking bytes.
        (
            "pseudo_random",
            || {
                let mut x = 0x9e37_79b9_7f4a_7c15u64;
                let mut bytes = [le(LIST_ID), le(VECTOR_ID), le(1000)].concat();
                while bytes.len() < INPUT_LEN {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    // Mostly ids of this schema and small counts, so that decoding goes deep.
                    let word = match x % 8 {
                        0 => LIST_ID,
                        1 => VECTOR_ID,
                        2 => WRAP_ID,
                        3 => ITEM_ID,
                        4 => GROUP_ID,
                        5 => (x >> 32) as u32 % 64,
                        6 => LEAF_ID,
                        _ => (x >> 32) as u32,
                    };
                    bytes.extend(le(word));
                }
                bytes
            },
            node,
        ),
        // A legitimate value of about the same size, for comparison.
        (
            "deep_valid_value",
            || {
                let mut node = Node::List(List {
                    items: (0..1000)
                        .map(|i| {
                            Node::Item(Item {
                                name: "n".repeat(i % 300),
                                value: i as i32,
                                data: vec![1; i],
                            })
                        })
                        .collect(),
                });
                for _ in 0..60 {
                    node = Node::Wrap(Wrap {
                        inner: Box::new(node),
                    });
                }
                node.to_bytes()
            },
            node,
        ),
        (
            "boxed_node_via_codec",
            || nested_lists(64),
            as_codec::<Boxed<Node>>,
        ),
    ]
}

#[global_allocator]
static ALLOCATOR: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// One test, so that no other test of this binary allocates while a case is measured.
#[test]
fn peak_allocation_is_bounded() {
    // The measurement works: an allocation past the budget is seen.
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let v: Vec<u64> = Vec::with_capacity(budget(INPUT_LEN) / 8 + MIB);
    std::hint::black_box(&v);
    drop(v);
    assert!(ALLOCATOR.peak_usage().saturating_sub(before) > budget(INPUT_LEN));

    for (name, make, decode) in cases() {
        let input = make();
        let (peak, len) = std::thread::Builder::new()
            .stack_size(2 * MIB)
            .spawn(move || {
                let before = ALLOCATOR.current_usage();
                ALLOCATOR.reset_peak_usage();
                let _ = decode(&input);
                (ALLOCATOR.peak_usage().saturating_sub(before), input.len())
            })
            .unwrap()
            .join()
            .unwrap();
        assert!(
            peak <= budget(len),
            "case {name}: peak {peak} bytes, budget {}",
            budget(len)
        );
    }
}
