//! Peak allocation while decoding hostile input stays under 4 MiB plus 256 bytes per input byte.
//!
//! The workspace forbids `unsafe_code`, so this binary cannot install a counting
//! `#[global_allocator]` (implementing `GlobalAlloc` is unsafe). Instead each case runs in a child
//! process (this same test binary, running the ignored test `child`) that caps its own data
//! segment with `prlimit --data` (`RLIMIT_DATA`, which Linux applies to the heap and to every
//! private writable mapping) at what it uses already plus the budget, then decodes. Any allocation
//! past the budget fails, and Rust aborts the child: the parent sees it exit unsuccessfully. glibc is
//! told to serve every allocation of 128 KiB or more with its own mapping
//! (`MALLOC_MMAP_THRESHOLD_`), so large allocations are checked the moment they are made, whether
//! or not their memory is ever touched.
//!
//! Linux only (it needs `/proc/self/status` and util-linux's `prlimit`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use tl_types::codec::{self, Bare, BareVector, Boxed, Bytes, Codec, Int, Str, VECTOR_ID, Vector};
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
        codec::decode::<C>(&mut reader, "test", "value")?;
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
            as_codec::<BareVector<Bare<Leaf>>>,
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

/// The process's data segment size (`VmData`), in bytes.
fn vm_data() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmData:")).unwrap();
    let kib: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[test]
#[ignore = "run by `peak_allocation_is_bounded` in a child process"]
fn child() {
    let Ok(name) = std::env::var("TL_ALLOC_CASE") else {
        return;
    };
    let (_, make, decode) = cases().into_iter().find(|(n, _, _)| *n == name).unwrap();
    let input = make();
    let limit = vm_data() + budget(input.len());
    let status = std::process::Command::new("prlimit")
        .arg("--pid")
        .arg(std::process::id().to_string())
        .arg(format!("--data={limit}:"))
        .status()
        .expect("prlimit");
    assert!(status.success(), "prlimit failed");
    let result = decode(&input);
    // Nothing past this point may allocate much: print and leave.
    println!(
        "TL_ALLOC_RESULT {name}: {}",
        if result.is_ok() { "ok" } else { "error" }
    );
}

#[test]
#[cfg(target_os = "linux")]
fn peak_allocation_is_bounded() {
    let exe = std::env::current_exe().unwrap();
    for (name, _, _) in cases() {
        let output = std::process::Command::new(&exe)
            .args([
                "child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("TL_ALLOC_CASE", name)
            .env("MALLOC_MMAP_THRESHOLD_", "131072")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stdout.contains(&format!("TL_ALLOC_RESULT {name}:")),
            "case {name}: the child failed ({}), probably allocating past the budget\nstdout:\n{stdout}\nstderr:\n{stderr}",
            output.status
        );
    }
}

/// The mechanism works: an allocation past the budget does kill the child.
#[test]
#[cfg(target_os = "linux")]
fn the_limit_catches_an_over_budget_allocation() {
    let exe = std::env::current_exe().unwrap();
    let output = std::process::Command::new(&exe)
        .args([
            "over_budget_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("TL_ALLOC_OVER_BUDGET", "1")
        .env("MALLOC_MMAP_THRESHOLD_", "131072")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains("TL_ALLOC_SURVIVED"),
        "an over-budget allocation went through:\n{stdout}"
    );
    assert!(!output.status.success());
}

#[test]
#[ignore = "run by `the_limit_catches_an_over_budget_allocation` in a child process"]
fn over_budget_child() {
    if std::env::var("TL_ALLOC_OVER_BUDGET").is_err() {
        return;
    }
    let limit = vm_data() + budget(INPUT_LEN);
    let status = std::process::Command::new("prlimit")
        .arg("--pid")
        .arg(std::process::id().to_string())
        .arg(format!("--data={limit}:"))
        .status()
        .unwrap();
    assert!(status.success());
    // Reserved, never touched: exactly what an unchecked `Vec::with_capacity` does.
    let v: Vec<u64> = Vec::with_capacity(budget(INPUT_LEN) / 8 + MIB);
    std::hint::black_box(&v);
    println!("TL_ALLOC_SURVIVED");
}
