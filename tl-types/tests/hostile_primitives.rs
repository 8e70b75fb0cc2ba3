//! Hostile and non-canonical input for the primitive codecs: every error with its exact kind and
//! offset, and the non-canonical forms that are accepted on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use tl_types::codec::{
    BareConstructor, BareVector, Bool, Bytes, Codec, CodecBorrowed, Double, Fixed, Int, Long, Nat,
    Str, Vector,
};
use tl_types::{DecodeError, DecodeErrorKind, Deserializable, Reader};

fn eof(needed: usize, remaining: usize) -> DecodeErrorKind {
    DecodeErrorKind::UnexpectedEof { needed, remaining }
}

fn fails<C: Codec + for<'a> CodecBorrowed<'a>>(
    bytes: &[u8],
    kind: DecodeErrorKind,
    offset: usize,
) -> DecodeError
where
    C::Value: PartialEq + std::fmt::Debug,
{
    let err = dec::<C>(bytes).expect_err("must fail");
    assert_eq!(
        (err.kind(), err.offset()),
        (&kind, offset),
        "decoding {:02x?} ({} bytes)",
        &bytes[..bytes.len().min(32)],
        bytes.len()
    );
    err
}

// ---------------------------------------------------------------------------------------------
// truncation

#[test]
fn empty_input_for_every_codec() {
    fails::<Int>(&[], eof(4, 0), 0);
    fails::<Nat>(&[], eof(4, 0), 0);
    fails::<Long>(&[], eof(8, 0), 0);
    fails::<Double>(&[], eof(8, 0), 0);
    fails::<Fixed<16>>(&[], eof(16, 0), 0);
    fails::<Fixed<32>>(&[], eof(32, 0), 0);
    fails::<Bytes>(&[], eof(1, 0), 0);
    fails::<Str>(&[], eof(1, 0), 0);
    fails::<Bool>(&[], eof(4, 0), 0);
    fails::<Vector<Int>>(&[], eof(4, 0), 0);
    fails::<BareVector<Int>>(&[], eof(4, 0), 0);
    assert_eq!(common::node(&[]).unwrap_err().kind(), &eof(4, 0));
}

#[test]
fn short_fixed_size_values() {
    fails::<Int>(&[1, 2, 3], eof(4, 3), 0);
    fails::<Long>(&[0; 7], eof(8, 7), 0);
    fails::<Double>(&[0; 4], eof(8, 4), 0);
    fails::<Fixed<16>>(&[0; 15], eof(16, 15), 0);
    fails::<Fixed<32>>(&[0; 31], eof(32, 31), 0);
    fails::<Bool>(&hex("b57572"), eof(4, 3), 0);
}

#[test]
fn item_truncated_at_every_offset() {
    // item "ab" 5 [1,2,3,4]:
    //   0..4   id
    //   4..8   name: 02 'a' 'b' 00      (header at 4, data+padding 3 bytes at 5)
    //   8..12  value
    //   12..20 data: 04 01 02 03 04 000000 (header at 12, data+padding 7 bytes at 13)
    let bytes = hex("04001f5e 02616200 05000000 0401020304000000");
    assert_eq!(
        common::node(&bytes).unwrap(),
        Node::Item(Item {
            name: "ab".into(),
            value: 5,
            data: vec![1, 2, 3, 4]
        })
    );
    for cut in 0..bytes.len() {
        let (kind, offset, path) = match cut {
            0..4 => (eof(4, cut), 0, ""),
            4 => (eof(1, 0), 4, "item.name"),
            5..8 => (eof(3, cut - 5), 5, "item.name"),
            8..12 => (eof(4, cut - 8), 8, "item.value"),
            12 => (eof(1, 0), 12, "item.data"),
            _ => (eof(7, cut - 13), 13, "item.data"),
        };
        let err = common::node(&bytes[..cut]).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset(), err.path_string().as_str()),
            (&kind, offset, path),
            "cut at {cut}"
        );
        // The struct itself fails the same way.
        let err = Item::from_bytes(&bytes[..cut]).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (&kind, offset), "cut at {cut}");
    }
}

#[test]
fn long_form_string_truncated_at_every_offset() {
    // "x" * 300 as bytes: fe 2c 01 00, 300 bytes, no padding (304).
    let bytes = enc::<Bytes>(&vec![b'x'; 300]);
    assert_eq!(bytes[..4], hex("fe2c0100"));
    assert_eq!(bytes.len(), 304);
    for cut in 0..bytes.len() {
        let (kind, offset) = match cut {
            0 => (eof(1, 0), 0),
            1..4 => (eof(3, cut - 1), 1),
            _ => (eof(300, cut - 4), 4),
        };
        fails::<Bytes>(&bytes[..cut], kind.clone(), offset);
        fails::<Str>(&bytes[..cut], kind, offset);
    }
}

#[test]
fn vector_truncated_at_every_offset() {
    // Vector<Str> ["a", "bcdef"]: id 0..4, count 4..8, "a" 8..12, "bcdef" 12..20.
    let bytes = hex("15c4b51c 02000000 01610000 0562636465660000");
    assert_eq!(
        dec::<Vector<Str>>(&bytes).unwrap(),
        vec!["a".to_string(), "bcdef".to_string()]
    );
    for cut in 0..bytes.len() {
        let err = dec::<Vector<Str>>(&bytes[..cut]).unwrap_err();
        let (kind, offset, path) = match cut {
            0..4 => (eof(4, cut), 0, ""),
            4..8 => (eof(4, cut - 4), 4, ""),
            // Two strings need at least 8 bytes after the count.
            8..16 => (
                DecodeErrorKind::VectorTooLong {
                    count: 2,
                    max: (cut - 8) / 4,
                },
                4,
                "",
            ),
            _ => (eof(7, cut - 13), 13, "[1]"),
        };
        assert_eq!(
            (err.kind(), err.offset(), err.path_string().as_str()),
            (&kind, offset, path),
            "cut at {cut}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// byte strings

#[test]
fn length_prefix_0xff_is_rejected_at_its_offset() {
    fails::<Bytes>(&hex("ff000000"), DecodeErrorKind::BadLengthPrefix, 0);
    fails::<Str>(
        &hex("ffffffff 00000000"),
        DecodeErrorKind::BadLengthPrefix,
        0,
    );
    fails::<Bytes>(&hex("ff"), DecodeErrorKind::BadLengthPrefix, 0);
    let err = fails::<Vector<Bytes>>(
        &hex("15c4b51c 02000000 00000000 ff000000"),
        DecodeErrorKind::BadLengthPrefix,
        12,
    );
    assert_eq!(err.path_string(), "[1]");
}

#[test]
fn huge_long_form_length_with_few_bytes_after() {
    // fe ffffff: 16 MiB - 1 bytes announced (plus 1 byte of padding), 4 bytes present.
    fails::<Bytes>(&hex("feffffff 61626364"), eof(0xff_ffff + 1, 4), 4);
    fails::<Str>(&hex("feffffff 61626364"), eof(0x100_0000, 4), 4);
    // Exactly one byte short.
    let mut bytes = hex("fe000001");
    bytes.extend(vec![0u8; 0x1_0000 - 1]);
    fails::<Bytes>(&bytes, eof(0x1_0000, 0xffff), 4);
    bytes.push(0);
    assert_eq!(dec::<Bytes>(&bytes).unwrap().len(), 0x1_0000);
}

#[test]
fn short_form_length_larger_than_the_input() {
    // 0xfd = 253 bytes announced, 3 present.
    fails::<Bytes>(&hex("fd616263"), eof(255, 3), 1);
}

#[test]
fn long_form_for_a_short_string_is_accepted() {
    // "abc" with a 4-byte header: 4 + 3 = 7, padded to 8.
    assert_eq!(dec::<Str>(&hex("fe030000 61626300")).unwrap(), "abc");
    assert_eq!(dec::<Bytes>(&hex("fe000000")).unwrap(), Vec::<u8>::new());
    assert_eq!(dec::<Bytes>(&hex("fe010000 ff000000")).unwrap(), vec![0xff]);
    // It is re-encoded in the canonical short form.
    assert_eq!(enc::<Str>(&"abc".into()), hex("03616263"));
}

#[test]
fn non_zero_padding_is_accepted() {
    assert_eq!(dec::<Str>(&hex("01 61 ffff")).unwrap(), "a");
    assert_eq!(dec::<Bytes>(&hex("00 abcdef")).unwrap(), Vec::<u8>::new());
    assert_eq!(dec::<Str>(&hex("04 61626364 010203")).unwrap(), "abcd");
    // The padding is consumed: the next value starts after it.
    assert_eq!(
        dec::<BareVector<Str>>(&hex("02000000 0161ffff 0162eeee")).unwrap(),
        vec!["a".to_string(), "b".to_string()]
    );
}

#[test]
fn invalid_utf8_is_rejected_at_the_length_header() {
    // A lone continuation byte.
    fails::<Str>(&hex("01 80 0000"), DecodeErrorKind::InvalidUtf8, 0);
    // "(" after a 2-byte lead.
    fails::<Str>(&hex("02 c328 00"), DecodeErrorKind::InvalidUtf8, 0);
    // An overlong encoding of NUL.
    fails::<Str>(&hex("02 c080 00"), DecodeErrorKind::InvalidUtf8, 0);
    // A UTF-16 surrogate.
    fails::<Str>(&hex("03 eda080"), DecodeErrorKind::InvalidUtf8, 0);
    // Truncated in the middle of a character.
    fails::<Str>(&hex("03 61e282"), DecodeErrorKind::InvalidUtf8, 0);
    // In the long form, and as the second element: the offset is that string's header.
    let mut long = vec![b'a'; 299];
    long.push(0xff);
    let mut bytes = hex("15c4b51c 02000000 00000000");
    bytes.extend(enc::<Bytes>(&long));
    let err = fails::<Vector<Str>>(&bytes, DecodeErrorKind::InvalidUtf8, 12);
    assert_eq!(err.path_string(), "[1]");
    // The same bytes are fine as `bytes`.
    assert_eq!(dec::<Vector<Bytes>>(&bytes).unwrap()[1], long);
    // Valid multi-byte UTF-8 and NUL are fine.
    assert_eq!(dec::<Str>(&hex("04 f09f9880 000000")).unwrap(), "\u{1f600}");
    assert_eq!(dec::<Str>(&hex("01 00 0000")).unwrap(), "\0");
}

// ---------------------------------------------------------------------------------------------
// Bool and vector ids

#[test]
fn bad_bool_ids() {
    for id in [0u32, 1, 0x997275b4, 0xbc799736, 0x1cb5c415, 0xffffffff] {
        fails::<Bool>(&le(id), DecodeErrorKind::BadBool { id }, 0);
    }
    let err = fails::<Vector<Bool>>(
        &hex("15c4b51c 02000000 b5757299 00000000"),
        DecodeErrorKind::BadBool { id: 0 },
        12,
    );
    assert_eq!(err.path_string(), "[1]");
}

#[test]
fn bad_vector_ids() {
    fails::<Vector<Int>>(
        &hex("00000000 00000000"),
        DecodeErrorKind::BadVectorId { id: 0 },
        0,
    );
    // A bare vector's count where a boxed vector was expected.
    fails::<Vector<Int>>(
        &hex("01000000 05000000"),
        DecodeErrorKind::BadVectorId { id: 1 },
        0,
    );
    // Byte-swapped id.
    fails::<Vector<Int>>(
        &hex("1cb5c415 00000000"),
        DecodeErrorKind::BadVectorId { id: 0x15c4b51c },
        0,
    );
    // The inner vector of a nested one.
    let err = fails::<Vector<Vector<Int>>>(
        &hex("15c4b51c 01000000 b5757299 00000000"),
        DecodeErrorKind::BadVectorId { id: 0x997275b5 },
        8,
    );
    assert_eq!(err.path_string(), "[0]");
}

// ---------------------------------------------------------------------------------------------
// vector counts

#[test]
fn vector_count_0x7fffffff_with_four_bytes_after() {
    fails::<Vector<Int>>(
        &hex("15c4b51c ffffff7f 01000000"),
        DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 1,
        },
        4,
    );
    fails::<BareVector<Int>>(
        &hex("ffffff7f 01000000"),
        DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 1,
        },
        0,
    );
    fails::<Vector<Long>>(
        &hex("15c4b51c ffffff7f 01000000"),
        DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 0,
        },
        4,
    );
    fails::<Vector<Str>>(
        &hex("15c4b51c ffffffff 00000000"),
        DecodeErrorKind::VectorTooLong {
            count: u32::MAX,
            max: 1,
        },
        4,
    );
    fails::<Vector<Vector<Int>>>(
        &hex("15c4b51c ffffff7f 15c4b51c 00000000"),
        DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 1,
        },
        4,
    );
    fails::<Vector<Fixed<32>>>(
        &[hex("15c4b51c 02000000"), vec![0; 63]].concat(),
        DecodeErrorKind::VectorTooLong { count: 2, max: 1 },
        4,
    );
}

#[test]
fn vector_count_at_the_limit() {
    // Exactly as many elements as the bytes can hold.
    assert_eq!(
        dec::<BareVector<Int>>(&hex("02000000 01000000 02000000")).unwrap(),
        vec![1, 2]
    );
    fails::<BareVector<Int>>(
        &hex("03000000 01000000 02000000"),
        DecodeErrorKind::VectorTooLong { count: 3, max: 2 },
        0,
    );
    // Elements of at least 12 bytes (a bare item).
    fails::<BareVector<BareConstructor<Item>>>(
        &[le(1).to_vec(), vec![0; 11]].concat(),
        DecodeErrorKind::VectorTooLong { count: 1, max: 0 },
        0,
    );
    // Elements of no bytes count as one.
    let bytes = hex("05000000 00000000");
    let mut reader = Reader::new(&bytes);
    let err = <BareVector<BareConstructor<Leaf>> as Codec>::decode(&mut reader).unwrap_err();
    assert_eq!(
        (err.kind(), err.offset()),
        (&DecodeErrorKind::VectorTooLong { count: 5, max: 4 }, 0)
    );
}

#[test]
fn nested_vector_element_errors_carry_both_indices() {
    // [[], ["", "abcde" cut after "abc"]]: the second string's header is at 28.
    let bytes = hex("15c4b51c 02000000 15c4b51c 00000000 15c4b51c 02000000 00000000 05616263");
    let err = fails::<Vector<Vector<Str>>>(&bytes, eof(7, 3), 29);
    assert_eq!(err.path_string(), "[1][1]");
}

// ---------------------------------------------------------------------------------------------
// the Display of every kind

#[test]
fn display_of_every_kind() {
    let cases = [
        (eof(4, 1), "unexpected end of input: needed 4 bytes, 1 left"),
        (
            DecodeErrorKind::UnknownConstructor {
                id: 0xabc,
                expected: "messages.ChatInviteImporters".into(),
            },
            "unknown constructor id 0x00000abc for type messages.ChatInviteImporters",
        ),
        (
            DecodeErrorKind::BadBool { id: 1 },
            "bad Bool: id 0x00000001 is neither boolTrue nor boolFalse",
        ),
        (
            DecodeErrorKind::DepthExceeded { limit: 64 },
            "values nested deeper than the limit of 64",
        ),
        (
            DecodeErrorKind::TrailingBytes { count: 3 },
            "3 trailing bytes after the value",
        ),
        (
            DecodeErrorKind::VectorTooLong { count: 9, max: 2 },
            "vector of 9 elements cannot fit in the remaining input (at most 2)",
        ),
        (DecodeErrorKind::InvalidUtf8, "string is not valid UTF-8"),
        (
            DecodeErrorKind::BadLengthPrefix,
            "length prefix 0xff is not valid",
        ),
        (
            DecodeErrorKind::BadVectorId { id: 0x1cb5c416 },
            "expected the vector id 0x1cb5c415, found 0x1cb5c416",
        ),
    ];
    for (kind, text) in cases {
        assert_eq!(kind.to_string(), text);
        let err = DecodeError::new(kind.clone(), 7);
        assert_eq!(
            err.to_string(),
            format!("failed to decode at byte 7: {text}")
        );
        let err = err
            .at_index(2)
            .in_field("user", "photo")
            .at_index(3)
            .in_field("messages.chatInviteImporters", "users");
        assert_eq!(
            err.path_string(),
            "messages.chatInviteImporters.users[3].user.photo[2]"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "failed to decode messages.chatInviteImporters.users[3].user.photo[2] at byte 7: {text}"
            )
        );
        assert_eq!(err.kind(), &kind);
        // It is a std error.
        let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
        assert!(boxed.to_string().contains(text));
    }
}

#[test]
fn decode_error_is_small() {
    assert_eq!(
        std::mem::size_of::<DecodeError>(),
        std::mem::size_of::<usize>()
    );
}
