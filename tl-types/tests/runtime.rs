//! Byte-exact encodings worked out by hand from the TL rules, their decoding, and the errors of the
//! hand-written test types (`common::Node`): paths, offsets, Display, trailing bytes, depth limits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use tl_types::codec::{
    BOOL_FALSE_ID, BOOL_TRUE_ID, BareConstructor, BareVector, Bool, Boxed, Bytes, Double, Fixed,
    Int, Long, Nat, Str, VECTOR_ID, Vector,
};
use tl_types::{
    DEFAULT_MAX_DEPTH, DecodeErrorKind, Deserializable, PathSegment, Reader, Serializable,
};

/// Encodes as `C`, checks the bytes, decodes them back and checks the value.
fn exact<C: tl_types::codec::Codec + for<'a> tl_types::codec::CodecBorrowed<'a>>(
    value: C::Value,
    expected: &[u8],
) where
    C::Value: PartialEq + std::fmt::Debug,
{
    let bytes = enc::<C>(&value);
    assert_eq!(bytes, expected, "encoding of {value:?}");
    assert_eq!(
        dec::<C>(expected).unwrap(),
        value,
        "decoding of {expected:02x?}"
    );
}

// ---------------------------------------------------------------------------------------------
// string / bytes

#[test]
fn string_lengths_0_1_3_4() {
    exact::<Str>(String::new(), &hex("00 000000"));
    exact::<Str>("a".into(), &hex("01 61 0000"));
    exact::<Str>("abc".into(), &hex("03 616263"));
    exact::<Str>("abcd".into(), &hex("04 61626364 000000"));
    exact::<Str>("hello".into(), &hex("05 68656c6c6f 0000"));
    exact::<Bytes>(vec![], &hex("00 000000"));
    exact::<Bytes>(vec![0xff], &hex("01 ff 0000"));
    exact::<Bytes>(vec![1, 2, 3], &hex("03 010203"));
}

/// The bytes of a string of `len` 'x' characters: header, data, padding, as the rules say.
fn long_string_case(len: usize, header: &[u8], padding: usize) {
    let value = "x".repeat(len);
    let mut expected = header.to_vec();
    expected.extend(std::iter::repeat_n(b'x', len));
    expected.extend(std::iter::repeat_n(0, padding));
    assert_eq!(expected.len() % 4, 0);
    exact::<Str>(value.clone(), &expected);
    exact::<Bytes>(value.into_bytes(), &expected);
}

#[test]
fn string_length_253_is_the_last_short_form() {
    // 1 + 253 = 254 bytes, padded to 256.
    long_string_case(253, &[253], 2);
    assert_eq!(enc::<Str>(&"x".repeat(253)).len(), 256);
}

#[test]
fn string_length_254_takes_the_long_form() {
    // 4 + 254 = 258 bytes, padded to 260.
    long_string_case(254, &hex("fe fe0000"), 2);
}

#[test]
fn string_length_255() {
    long_string_case(255, &hex("fe ff0000"), 1);
}

#[test]
fn string_length_1000_and_1001() {
    // 1000 = 0x3e8: 4 + 1000 = 1004, no padding.
    long_string_case(1000, &hex("fe e80300"), 0);
    // 1001 = 0x3e9: 4 + 1001 = 1005, padded to 1008.
    long_string_case(1001, &hex("fe e90300"), 3);
}

#[test]
fn string_length_70000_uses_the_third_length_byte() {
    // 70000 = 0x011170.
    long_string_case(70000, &hex("fe 701101"), 0);
}

#[test]
fn padding_for_every_short_length_mod_4() {
    for len in 0..300usize {
        let header = if len < 254 { 1 } else { 4 };
        let bytes = enc::<Bytes>(&vec![7u8; len]);
        let padding = bytes.len() - header - len;
        assert!(padding < 4, "len {len}");
        assert_eq!(bytes.len() % 4, 0, "len {len}");
        assert!(
            bytes[header + len..].iter().all(|&b| b == 0),
            "padding of len {len} is zero"
        );
        assert_eq!(dec::<Bytes>(&bytes).unwrap(), vec![7u8; len]);
        assert_eq!(tl_types::codec::tl_bytes_len(len), bytes.len());
    }
}

#[test]
fn utf8_string_is_counted_in_bytes() {
    // "é" is c3 a9, "€" is e2 82 ac.
    exact::<Str>("é€".into(), &hex("05 c3a9 e282ac 0000"));
}

// ---------------------------------------------------------------------------------------------
// int, long, double, #, int128, int256, Bool

#[test]
fn ints_are_little_endian() {
    exact::<Int>(0, &hex("00000000"));
    exact::<Int>(1, &hex("01000000"));
    exact::<Int>(-1, &hex("ffffffff"));
    exact::<Int>(-2, &hex("feffffff"));
    exact::<Int>(0x12345678, &hex("78563412"));
    exact::<Int>(i32::MAX, &hex("ffffff7f"));
    exact::<Int>(i32::MIN, &hex("00000080"));
    exact::<Nat>(0xdeadbeef, &hex("efbeadde"));
    exact::<Nat>(u32::MAX, &hex("ffffffff"));
}

#[test]
fn longs_are_little_endian() {
    exact::<Long>(0, &hex("0000000000000000"));
    exact::<Long>(-1, &hex("ffffffffffffffff"));
    exact::<Long>(-2, &hex("feffffffffffffff"));
    exact::<Long>(0x0102030405060708, &hex("0807060504030201"));
    exact::<Long>(i64::MAX, &hex("ffffffffffffff7f"));
    exact::<Long>(i64::MIN, &hex("0000000000000080"));
}

#[test]
fn doubles_are_little_endian_ieee754() {
    exact::<Double>(0.0, &hex("0000000000000000"));
    exact::<Double>(1.0, &hex("000000000000f03f"));
    exact::<Double>(-2.5, &hex("00000000000004c0"));
    exact::<Double>(f64::MAX, &hex("ffffffffffffef7f"));
    exact::<Double>(f64::MIN, &hex("ffffffffffffefff"));
    exact::<Double>(f64::MIN_POSITIVE, &hex("0000000000001000"));
    exact::<Double>(f64::INFINITY, &hex("000000000000f07f"));
    exact::<Double>(f64::NEG_INFINITY, &hex("000000000000f0ff"));
    // -0.0 == 0.0 in Rust: compare the bits.
    assert_eq!(enc::<Double>(&-0.0), hex("0000000000000080"));
    assert_eq!(
        dec::<Double>(&hex("0000000000000080")).unwrap().to_bits(),
        (-0.0f64).to_bits()
    );
    // A NaN with a payload survives bit for bit.
    let nan = f64::from_bits(0x7ff8_0000_dead_beef);
    assert_eq!(enc::<Double>(&nan), hex("efbeadde0000f87f"));
    assert_eq!(
        dec::<Double>(&hex("efbeadde0000f87f")).unwrap().to_bits(),
        nan.to_bits()
    );
}

#[test]
fn int128_and_int256_are_raw_bytes() {
    let a: [u8; 16] = std::array::from_fn(|i| i as u8);
    exact::<Fixed<16>>(a, &hex("000102030405060708090a0b0c0d0e0f"));
    let b: [u8; 32] = std::array::from_fn(|i| 0xff - i as u8);
    exact::<Fixed<32>>(
        b,
        &hex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0"),
    );
}

#[test]
fn bools_are_constructor_ids() {
    assert_eq!(BOOL_TRUE_ID, 0x997275b5);
    assert_eq!(BOOL_FALSE_ID, 0xbc799737);
    exact::<Bool>(true, &hex("b5757299"));
    exact::<Bool>(false, &hex("379779bc"));
}

// ---------------------------------------------------------------------------------------------
// vectors

#[test]
fn vector_of_int() {
    assert_eq!(VECTOR_ID, 0x1cb5c415);
    exact::<Vector<Int>>(vec![], &hex("15c4b51c 00000000"));
    exact::<Vector<Int>>(vec![1, -1], &hex("15c4b51c 02000000 01000000 ffffffff"));
    exact::<Vector<Long>>(vec![i64::MIN], &hex("15c4b51c 01000000 0000000000000080"));
}

#[test]
fn bare_vector_has_no_id() {
    exact::<BareVector<Int>>(vec![], &hex("00000000"));
    exact::<BareVector<Int>>(vec![1, -1], &hex("02000000 01000000 ffffffff"));
}

#[test]
fn vector_of_strings() {
    exact::<Vector<Str>>(
        vec!["a".into(), "abcd".into(), String::new()],
        &hex("15c4b51c 03000000 01610000 0461626364000000 00000000"),
    );
    exact::<BareVector<Bytes>>(
        vec![vec![1, 2, 3], vec![]],
        &hex("02000000 03010203 00000000"),
    );
}

#[test]
fn vector_of_bool_and_fixed() {
    exact::<Vector<Bool>>(
        vec![true, false],
        &hex("15c4b51c 02000000 b5757299 379779bc"),
    );
    exact::<BareVector<Fixed<16>>>(
        vec![[0xab; 16]],
        &hex("01000000 abababababababababababababababab"),
    );
}

#[test]
fn nested_vectors() {
    exact::<Vector<Vector<Int>>>(
        vec![vec![], vec![7]],
        &hex("15c4b51c 02000000 15c4b51c 00000000 15c4b51c 01000000 07000000"),
    );
    exact::<Vector<BareVector<Int>>>(
        vec![vec![], vec![7]],
        &hex("15c4b51c 02000000 00000000 01000000 07000000"),
    );
    exact::<BareVector<Vector<Str>>>(
        vec![vec!["ab".into()]],
        &hex("01000000 15c4b51c 01000000 02616200"),
    );
    exact::<Vector<Vector<Vector<Int>>>>(
        vec![vec![vec![-1]]],
        &hex("15c4b51c 01000000 15c4b51c 01000000 15c4b51c 01000000 ffffffff"),
    );
}

// ---------------------------------------------------------------------------------------------
// hand-written generated-style types

fn item(name: &str, value: i32, data: &[u8]) -> Item {
    Item {
        name: name.into(),
        value,
        data: data.to_vec(),
    }
}

#[test]
fn node_encodings() {
    let cases: Vec<(Node, Vec<u8>)> = vec![
        (Node::Leaf(Leaf {}), hex("01001f5e")),
        (wraps(1), hex("02001f5e 01001f5e")),
        (wraps(2), hex("02001f5e 02001f5e 01001f5e")),
        (
            Node::Item(item("ab", 5, &[1, 2, 3, 4])),
            hex("04001f5e 02616200 05000000 0401020304000000"),
        ),
        (
            Node::List(List {
                items: vec![Node::Leaf(Leaf {}), wraps(1)],
            }),
            hex("03001f5e 15c4b51c 02000000 01001f5e 02001f5e 01001f5e"),
        ),
        (
            Node::Group(Group {
                items: vec![item("", 1, &[]), item("z", -1, &[9])],
                flag: true,
            }),
            // Bare items: no id before each element, and no vector id.
            hex("05001f5e 02000000 00000000 01000000 00000000 017a0000 ffffffff 01090000 b5757299"),
        ),
    ];
    for (node, bytes) in cases {
        assert_eq!(node.to_bytes(), bytes, "{node:?}");
        assert_eq!(node.serialized_len(), bytes.len());
        let mut out = vec![0xaa];
        node.serialize(&mut out);
        assert_eq!(out[1..], bytes[..], "serialize appends");
        assert_eq!(Node::from_bytes(&bytes).unwrap(), node);
        exact::<Boxed<Node>>(node.clone(), &bytes);
    }
}

#[test]
fn constructor_structs_use_the_boxed_form() {
    let it = item("ab", 5, &[]);
    assert_eq!(it.to_bytes(), hex("04001f5e 02616200 05000000 00000000"));
    assert_eq!(Item::from_bytes(&it.to_bytes()).unwrap(), it);
    // The bare form has no id.
    exact::<BareConstructor<Item>>(it.clone(), &hex("02616200 05000000 00000000"));
    exact::<Vector<BareConstructor<Item>>>(
        vec![it],
        &hex("15c4b51c 01000000 02616200 05000000 00000000"),
    );
    exact::<BareVector<BareConstructor<Leaf>>>(vec![], &hex("00000000"));
    // Elements that take no bytes count as one byte each against the remaining input (the
    // documented limit): three leaves decode when three bytes follow them.
    let bytes = hex("03000000 01001f5e");
    let mut reader = Reader::new(&bytes);
    let leaves =
        tl_types::__private::decode::<BareVector<BareConstructor<Leaf>>>(&mut reader, "t", "f")
            .unwrap();
    assert_eq!(leaves, vec![Leaf {}, Leaf {}, Leaf {}]);
    assert_eq!(reader.position(), 4);
}

#[test]
fn deserialize_boxed_rejects_another_constructor() {
    let err = Item::from_bytes(&hex("01001f5e")).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: LEAF_ID,
            expected: "item".into()
        }
    );
    assert_eq!(err.offset(), 0);
    assert_eq!(err.path_string(), "");
}

#[test]
fn unknown_constructor_of_an_enum() {
    let err = Node::from_bytes(&hex("efbeadde")).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: 0xdeadbeef,
            expected: "Node".into()
        }
    );
    assert_eq!(err.offset(), 0);
    assert_eq!(
        err.to_string(),
        "failed to decode at byte 0: unknown constructor id 0xdeadbeef for type Node"
    );
    // Nested: the path leads to it.
    let err = Node::from_bytes(&hex("02001f5e 02001f5e 78563412")).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: 0x12345678,
            expected: "Node".into()
        }
    );
    assert_eq!(err.offset(), 8);
    assert_eq!(err.path_string(), "wrap.inner.wrap.inner");
}

#[test]
fn trailing_bytes_are_rejected_by_from_bytes_only() {
    let mut bytes = hex("01001f5e");
    bytes.push(0);
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::TrailingBytes { count: 1 });
    assert_eq!(err.offset(), 4);
    assert_eq!(
        err.to_string(),
        "failed to decode at byte 4: 1 trailing bytes after the value"
    );
    // deserialize reads one value and leaves the rest.
    let mut reader = Reader::new(&bytes);
    assert_eq!(Node::deserialize(&mut reader).unwrap(), Node::Leaf(Leaf {}));
    assert_eq!(reader.position(), 4);
    assert_eq!(reader.remaining(), 1);
    // Two values back to back.
    let two = [hex("01001f5e"), hex("02001f5e 01001f5e")].concat();
    let mut reader = Reader::new(&two);
    assert_eq!(Node::deserialize(&mut reader).unwrap(), wraps(0));
    assert_eq!(Node::deserialize(&mut reader).unwrap(), wraps(1));
    reader.finish().unwrap();
}

#[test]
fn error_path_through_vector_index_and_fields() {
    // list [leaf, item{name = invalid UTF-8}]
    let bytes = hex("03001f5e 15c4b51c 02000000 01001f5e 04001f5e 02c32800 05000000 00000000");
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::InvalidUtf8);
    assert_eq!(err.offset(), 20, "the offset of the string's length header");
    assert_eq!(err.path_string(), "list.items[1].item.name");
    assert_eq!(
        err.path().cloned().collect::<Vec<_>>(),
        vec![
            PathSegment::field("list", "items"),
            PathSegment::Index(1),
            PathSegment::field("item", "name"),
        ]
    );
    assert_eq!(
        err.to_string(),
        "failed to decode list.items[1].item.name at byte 20: string is not valid UTF-8"
    );
    let debug = format!("{err:?}");
    assert!(
        debug.contains("InvalidUtf8")
            && debug.contains("list.items[1].item.name")
            && debug.contains("20"),
        "{debug}"
    );
}

#[test]
fn error_path_through_bare_vector() {
    // group [item{"", 1, []}, item{"abcdefghijk", <truncated value>}]: 26 bytes after the count
    // are enough for two items of at least 12 bytes, so the count passes and the value runs out.
    let bytes = hex("05001f5e 02000000 00000000 01000000 00000000 0b6162636465666768696a6b ffff");
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnexpectedEof {
            needed: 4,
            remaining: 2
        }
    );
    assert_eq!(err.offset(), 32);
    assert_eq!(err.path_string(), "group.items[1].item.value");
    assert_eq!(
        err.to_string(),
        "failed to decode group.items[1].item.value at byte 32: unexpected end of input: needed 4 bytes, 2 left"
    );
    // Three bytes less (23 after the count) and two items cannot fit: the count is rejected up front.
    let err = Node::from_bytes(&bytes[..bytes.len() - 3]).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::VectorTooLong {
            count: 2,
            max: 2 - 1
        }
    );
    assert_eq!(err.offset(), 4);
    assert_eq!(err.path_string(), "group.items");
}

#[test]
fn bad_bool_in_a_field() {
    let bytes = hex("05001f5e 00000000 b5757298");
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::BadBool { id: 0x987275b5 });
    assert_eq!(err.offset(), 8);
    assert_eq!(err.path_string(), "group.flag");
    assert_eq!(
        err.to_string(),
        "failed to decode group.flag at byte 8: bad Bool: id 0x987275b5 is neither boolTrue nor boolFalse"
    );
}

#[test]
fn bad_vector_id_in_a_field() {
    let bytes = hex("03001f5e 15c4b51d 00000000");
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::BadVectorId { id: 0x1db5c415 });
    assert_eq!(err.offset(), 4);
    assert_eq!(err.path_string(), "list.items");
    assert_eq!(
        err.to_string(),
        "failed to decode list.items at byte 4: expected the vector id 0x1cb5c415, found 0x1db5c415"
    );
}

#[test]
fn vector_too_long_in_a_field() {
    let bytes = hex("03001f5e 15c4b51c ffffff7f 01001f5e");
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 1
        }
    );
    assert_eq!(err.offset(), 8, "the offset of the count");
    assert_eq!(err.path_string(), "list.items");
    assert_eq!(
        err.to_string(),
        "failed to decode list.items at byte 8: vector of 2147483647 elements cannot fit in the remaining input (at most 1)"
    );
}

#[test]
fn bad_length_prefix_display() {
    let bytes = hex("04001f5e ff000000 00000000 00000000");
    let err = Node::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::BadLengthPrefix);
    assert_eq!(err.offset(), 4);
    assert_eq!(
        err.to_string(),
        "failed to decode item.name at byte 4: length prefix 0xff is not valid"
    );
}

// ---------------------------------------------------------------------------------------------
// depth

#[test]
fn default_depth_allows_exactly_64_nested_values() {
    assert_eq!(DEFAULT_MAX_DEPTH, 64);
    let ok = wraps(64).to_bytes();
    assert_eq!(Node::from_bytes(&ok).unwrap(), wraps(64));

    let too_deep = wraps(65).to_bytes();
    let err = Node::from_bytes(&too_deep).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::DepthExceeded { limit: 64 });
    // The top-level value is not nested; the 65th inner value (at byte 4 * 65) is one too many.
    assert_eq!(err.offset(), 260);
    assert_eq!(err.path().count(), 65);
    assert_eq!(err.path_string(), vec!["wrap.inner"; 65].join("."));
    assert!(
        err.to_string()
            .ends_with("at byte 260: values nested deeper than the limit of 64"),
        "{err}"
    );
}

#[test]
fn depth_limit_is_configurable() {
    let bytes = wraps(3).to_bytes();
    let mut reader = Reader::new(&bytes).with_max_depth(3);
    assert_eq!(reader.max_depth(), 3);
    assert_eq!(Node::deserialize(&mut reader).unwrap(), wraps(3));
    assert_eq!(reader.depth(), 0, "every level is left again");

    let bytes = wraps(4).to_bytes();
    let mut reader = Reader::new(&bytes).with_max_depth(3);
    let err = Node::deserialize(&mut reader).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::DepthExceeded { limit: 3 });
    assert_eq!(err.offset(), 16);

    // Limit 0: only the top-level value, none nested in it.
    let leaf = hex("01001f5e");
    let mut reader = Reader::new(&leaf).with_max_depth(0);
    assert_eq!(Node::deserialize(&mut reader).unwrap(), wraps(0));
    let bytes = wraps(1).to_bytes();
    let mut reader = Reader::new(&bytes).with_max_depth(0);
    assert_eq!(
        Node::deserialize(&mut reader).unwrap_err().kind(),
        &DecodeErrorKind::DepthExceeded { limit: 0 }
    );

    // A higher limit lets deeper values through.
    let bytes = wraps(200).to_bytes();
    let mut reader = Reader::new(&bytes).with_max_depth(200);
    assert_eq!(Node::deserialize(&mut reader).unwrap(), wraps(200));
}

#[test]
fn depth_is_restored_after_an_error() {
    let bytes = hex("02001f5e 02001f5e 00000000");
    let mut reader = Reader::new(&bytes);
    assert!(Node::deserialize(&mut reader).is_err());
    assert_eq!(reader.depth(), 0);
}

#[test]
fn bare_values_count_as_nesting_levels() {
    // group [item], at limit 0: the bare item is one level.
    let bytes = Node::Group(Group {
        items: vec![item("", 0, &[])],
        flag: false,
    })
    .to_bytes();
    let mut reader = Reader::new(&bytes).with_max_depth(0);
    let err = Node::deserialize(&mut reader).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::DepthExceeded { limit: 0 });
    assert_eq!(err.offset(), 8);
    assert_eq!(err.path_string(), "group.items[0]");
    let mut reader = Reader::new(&bytes).with_max_depth(1);
    assert!(Node::deserialize(&mut reader).is_ok());
}

/// Runs `f` on a thread with a 2 MiB stack, the default for spawned threads.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn a_megabyte_of_nested_wraps_is_an_error_not_a_stack_overflow() {
    let err = on_small_stack(|| {
        let bytes: Vec<u8> = le(WRAP_ID).repeat(1024 * 1024 / 4);
        assert_eq!(bytes.len(), 1 << 20);
        Node::from_bytes(&bytes).unwrap_err()
    });
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::DepthExceeded {
            limit: DEFAULT_MAX_DEPTH
        }
    );
    assert_eq!(err.offset(), 4 * 65);
}

#[test]
fn a_megabyte_of_nested_lists_is_an_error_not_a_stack_overflow() {
    let err = on_small_stack(|| {
        // list [list [list [...]]], each with a count of 1.
        let level = [le(LIST_ID), le(VECTOR_ID), le(1)].concat();
        let bytes = level.repeat(1024 * 1024 / 12);
        Node::from_bytes(&bytes).unwrap_err()
    });
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::DepthExceeded {
            limit: DEFAULT_MAX_DEPTH
        }
    );
    assert_eq!(err.offset(), 12 * 65);
    assert!(
        err.path_string()
            .starts_with("list.items[0].list.items[0]."),
        "{}",
        err.path_string()
    );
}

#[test]
fn the_deepest_accepted_value_fits_a_small_stack() {
    let node = on_small_stack(|| Node::from_bytes(&wraps(64).to_bytes()).unwrap());
    assert_eq!(node, wraps(64));
    // Lists and groups too.
    let mut deep = Node::Group(Group {
        items: vec![item("x", 1, &[2])],
        flag: true,
    });
    for _ in 0..63 {
        deep = Node::List(List { items: vec![deep] });
    }
    let bytes = deep.to_bytes();
    let decoded = on_small_stack(move || Node::from_bytes(&bytes).unwrap());
    assert_eq!(decoded, deep);
}

// ---------------------------------------------------------------------------------------------
// Reader

#[test]
fn reader_reads_and_reports_position() {
    let bytes = hex("01000000 0200000000000000 ff");
    let mut reader = Reader::new(&bytes);
    assert_eq!(reader.remaining(), 13);
    assert_eq!(reader.read_i32().unwrap(), 1);
    assert_eq!(reader.position(), 4);
    assert_eq!(reader.read_i64().unwrap(), 2);
    let err = reader.read_u32().unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnexpectedEof {
            needed: 4,
            remaining: 1
        }
    );
    assert_eq!(err.offset(), 12);
    assert_eq!(reader.position(), 12, "a failed read does not move");
    assert_eq!(reader.read_slice(1).unwrap(), &[0xff]);
    assert_eq!(reader.read_slice(0).unwrap(), &[] as &[u8]);
    assert!(reader.read_slice(usize::MAX).is_err());
    reader.finish().unwrap();
}

#[test]
fn read_tl_bytes_borrows_the_input() {
    let bytes = hex("03616263 00000000");
    let mut reader = Reader::new(&bytes);
    let data = reader.read_tl_bytes().unwrap();
    assert_eq!(data, b"abc");
    assert_eq!(data.as_ptr(), bytes[1..].as_ptr());
    assert_eq!(reader.read_tl_bytes().unwrap(), b"");
    reader.finish().unwrap();
}
