//! Byte vectors worked out by hand for the constructs the generator chooses an encoding for beyond
//! the importers types, one test each: a bare constructor field, `%T`, `vector<%T>`, int128 and
//! int256, double, Bool, a generic `!X` (`invokeWithLayer`), a TON `mode:#` word and a recursive
//! type. Each value encodes to exactly the expected bytes (written field by field, never produced by
//! the library's encoder), `serialized_len` is their length, and the bytes decode back to an equal
//! value, so a mistake made the same way on both sides of a round trip shows. Computed constructor
//! ids are checked against this file's own CRC32 of the definition's text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Debug;

use common::hex;
use tl_tests::fixtures::{bare_types, generics, primitives, recursion, ton_mode};
use tl_types::{DecodeErrorKind, Deserializable, Identifiable, RemoteCall, Serializable};

/// Encodes `value` (`to_bytes`, `serialize` appending to a non-empty buffer, `serialized_len`)
/// against `expected`, decodes `expected` back to an equal value, and checks that one byte more is
/// rejected as trailing.
fn check<T>(value: &T, expected: &[u8])
where
    T: Serializable + Deserializable + PartialEq + Debug,
{
    let bytes = value.to_bytes();
    assert_eq!(
        bytes, expected,
        "encoding of {value:?}\n got:      {bytes:02x?}\n expected: {expected:02x?}"
    );
    assert_eq!(
        value.serialized_len(),
        expected.len(),
        "serialized_len of {value:?}"
    );
    let mut appended = vec![0xee];
    value.serialize(&mut appended);
    assert_eq!(&appended[1..], expected, "serialize appends the same bytes");
    let decoded =
        T::from_bytes(expected).unwrap_or_else(|e| panic!("decoding {expected:02x?} failed: {e}"));
    assert_eq!(&decoded, value, "decoding of {expected:02x?}");
    let mut longer = expected.to_vec();
    longer.push(0);
    let err = T::from_bytes(&longer).expect_err("one trailing byte must be rejected");
    assert_eq!(err.kind(), &DecodeErrorKind::TrailingBytes { count: 1 });
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), bit by bit: this file's own, so that a
/// computed id is checked against something other than the generator's checker.
fn crc32(text: &str) -> u32 {
    let mut crc = !0u32;
    for byte in text.bytes() {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The ids of the fixture definitions that declare none, with the text TL takes their CRC32 of
/// (the definition without `;`, `<`/`>` of type arguments written as spaces), and the id in bytes.
mod ids {
    /// `liteServer.blockHeader id:tonNode.blockIdExt mode:# header_proof:%tonNode.BlockId = liteServer.BlockHeader`
    pub(crate) const LITE_SERVER_BLOCK_HEADER: u32 = 0xf8eeb022;
    /// `tonNode.blockIdExt workchain:int shard:long seqno:int root_hash:int256 file_hash:int256 = tonNode.BlockIdExt`
    /// (TON's own id for it).
    pub(crate) const TON_NODE_BLOCK_ID_EXT: u32 = 0x6752eb78;
    /// `tonNode.blockId workchain:int shard:long seqno:int = tonNode.BlockId` (TON's own id).
    pub(crate) const TON_NODE_BLOCK_ID: u32 = 0xb7cdb167;
    /// `everything i:int l:long d:double s:string b:bytes n:int128 h:int256 ok:Bool count:# = Everything`
    pub(crate) const EVERYTHING: u32 = 0x24770d44;
    /// `help.getNearestDc = Vector long`
    pub(crate) const HELP_GET_NEAREST_DC: u32 = 0xbef993cc;
    /// `liteServer.transactionId mode:# account:mode.0?int256 lt:mode.1?long hash:mode.2?int256 = liteServer.TransactionId`
    /// (TON's own id).
    pub(crate) const LITE_SERVER_TRANSACTION_ID: u32 = 0xb12f65af;
    /// `liteServer.blockTransactions id:tonNode.blockIdExt req_count:# incomplete:Bool ids:vector %liteServer.TransactionId proof:bytes = liteServer.BlockTransactions`
    pub(crate) const LITE_SERVER_BLOCK_TRANSACTIONS: u32 = 0x04c7ba91;
    /// `liteServer.listBlockTransactions id:tonNode.blockIdExt mode:# count:# after:mode.7?liteServer.transactionId3 reverse_order:mode.6?true want_proof:mode.5?true = liteServer.BlockTransactions`
    /// (TON's own id).
    pub(crate) const LITE_SERVER_LIST_BLOCK_TRANSACTIONS: u32 = 0xadfcc7da;
}

#[test]
fn computed_ids_are_the_crc32_of_the_definition() {
    // The standard check value of CRC-32.
    assert_eq!(crc32("123456789"), 0xcbf43926);
    let cases: [(&str, u32, u32); 8] = [
        (
            "liteServer.blockHeader id:tonNode.blockIdExt mode:# header_proof:%tonNode.BlockId = liteServer.BlockHeader",
            ids::LITE_SERVER_BLOCK_HEADER,
            bare_types::types::lite_server::BlockHeader::CONSTRUCTOR_ID,
        ),
        (
            "tonNode.blockIdExt workchain:int shard:long seqno:int root_hash:int256 file_hash:int256 = tonNode.BlockIdExt",
            ids::TON_NODE_BLOCK_ID_EXT,
            bare_types::types::ton_node::BlockIdExt::CONSTRUCTOR_ID,
        ),
        (
            "tonNode.blockId workchain:int shard:long seqno:int = tonNode.BlockId",
            ids::TON_NODE_BLOCK_ID,
            bare_types::types::ton_node::BlockId::CONSTRUCTOR_ID,
        ),
        (
            "everything i:int l:long d:double s:string b:bytes n:int128 h:int256 ok:Bool count:# = Everything",
            ids::EVERYTHING,
            primitives::types::Everything::CONSTRUCTOR_ID,
        ),
        (
            "help.getNearestDc = Vector long",
            ids::HELP_GET_NEAREST_DC,
            generics::functions::help::GetNearestDc::CONSTRUCTOR_ID,
        ),
        (
            "liteServer.transactionId mode:# account:mode.0?int256 lt:mode.1?long hash:mode.2?int256 = liteServer.TransactionId",
            ids::LITE_SERVER_TRANSACTION_ID,
            ton_mode::types::lite_server::TransactionId::CONSTRUCTOR_ID,
        ),
        (
            "liteServer.blockTransactions id:tonNode.blockIdExt req_count:# incomplete:Bool ids:vector %liteServer.TransactionId proof:bytes = liteServer.BlockTransactions",
            ids::LITE_SERVER_BLOCK_TRANSACTIONS,
            ton_mode::types::lite_server::BlockTransactions::CONSTRUCTOR_ID,
        ),
        (
            "liteServer.listBlockTransactions id:tonNode.blockIdExt mode:# count:# after:mode.7?liteServer.transactionId3 reverse_order:mode.6?true want_proof:mode.5?true = liteServer.BlockTransactions",
            ids::LITE_SERVER_LIST_BLOCK_TRANSACTIONS,
            ton_mode::functions::lite_server::ListBlockTransactions::CONSTRUCTOR_ID,
        ),
    ];
    for (text, written, generated) in cases {
        assert_eq!(crc32(text), written, "{text}");
        assert_eq!(generated, written, "generated id of {text}");
    }
}

// =============================================================================================
// Bare constructor fields and `%T`

fn block_id_ext() -> bare_types::types::ton_node::BlockIdExt {
    bare_types::types::ton_node::BlockIdExt {
        workchain: -1,
        shard: i64::MIN, // 0x8000000000000000, the masterchain's shard
        seqno: 0x0206_cc80,
        root_hash: std::array::from_fn(|i| i as u8),
        file_hash: std::array::from_fn(|i| 0xa0 + i as u8),
    }
}

/// The bytes of `block_id_ext()` in its bare form: no constructor id.
const BLOCK_ID_EXT_BARE: &str = "ffffffff \
     | 0000000000000080 \
     | 80cc0602 \
     | 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f \
     | a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf";

#[test]
fn bare_constructor_field() {
    // liteServer.blockHeader id:tonNode.blockIdExt mode:# header_proof:%tonNode.BlockId
    let value = bare_types::types::lite_server::BlockHeader {
        id: block_id_ext(),
        mode: 0,
        header_proof: bare_types::types::ton_node::BlockId {
            workchain: 0,
            shard: 0,
            seqno: 0,
        },
    };
    let expected = hex(&format!(
        "22b0eef8 \
         | {BLOCK_ID_EXT_BARE} \
         | 00000000 \
         | 00000000 0000000000000000 00000000"
    ));
    // id (4), blockIdExt without its id 78eb5267 (4 + 8 + 4 + 32 + 32), mode (4), blockId (16).
    assert_eq!(expected.len(), 4 + 80 + 4 + 16);
    check(&value, &expected);
    check(
        &bare_types::enums::lite_server::BlockHeader::from(value),
        &expected,
    );

    // The same struct where its type is boxed (as a value of its own) does carry its id.
    let boxed = bare_types::enums::ton_node::BlockIdExt::from(block_id_ext());
    check(&boxed, &hex(&format!("78eb5267 | {BLOCK_ID_EXT_BARE}")));
    check(
        &block_id_ext(),
        &hex(&format!("78eb5267 | {BLOCK_ID_EXT_BARE}")),
    );

    // With the id written where the bare field belongs, it is read as `workchain` and everything
    // after it shifts by four bytes: the value ends four bytes before the input does.
    let shifted = hex(&format!(
        "22b0eef8 | 78eb5267 {BLOCK_ID_EXT_BARE} | 00000000 | 00000000 0000000000000000 00000000"
    ));
    let err = bare_types::types::lite_server::BlockHeader::from_bytes(&shifted).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::TrailingBytes { count: 4 });
    assert_eq!(err.offset(), 104);
}

#[test]
fn percent_type_field() {
    // header_proof:%tonNode.BlockId is the bare form of the boxed type's one constructor.
    let value = bare_types::types::lite_server::BlockHeader {
        id: block_id_ext(),
        mode: 0x8000_0001,
        header_proof: bare_types::types::ton_node::BlockId {
            workchain: 0x0102_0304,
            shard: 0x2000_0000_0000_0000,
            seqno: -2,
        },
    };
    let expected = hex(&format!(
        "22b0eef8 \
         | {BLOCK_ID_EXT_BARE} \
         | 01000080 \
         | 04030201 0000000000000020 feffffff"
    ));
    check(&value, &expected);
    // As a boxed value of its own the same blockId starts with 67b1cdb7.
    check(
        &bare_types::enums::ton_node::BlockId::from(value.header_proof.clone()),
        &hex("67b1cdb7 | 04030201 0000000000000020 feffffff"),
    );
}

#[test]
fn vector_of_percent_type() {
    use ton_mode::types::lite_server::{BlockTransactions, TransactionId};
    // ids:vector<%liteServer.TransactionId>: a count without the vector id, then each element
    // without its id (b12f65af), each starting with its own mode word.
    let value = BlockTransactions {
        id: ton_mode::types::ton_node::BlockIdExt {
            workchain: 0,
            shard: 0x6000_0000_0000_0000,
            seqno: 5,
            root_hash: [0x11; 32],
            file_hash: [0x22; 32],
        },
        req_count: 40,
        incomplete: true,
        ids: vec![
            TransactionId {
                account: Some([0xaa; 32]),
                lt: Some(0x0102_0304_0506),
                hash: None,
            },
            TransactionId {
                account: None,
                lt: None,
                hash: Some([0xbb; 32]),
            },
            TransactionId {
                account: None,
                lt: None,
                hash: None,
            },
        ],
        proof: vec![0xb5, 0xee, 0x9c],
    };
    let aa = "aa".repeat(32);
    let bb = "bb".repeat(32);
    let expected = hex(&format!(
        "91bac704 \
         | 00000000 0000000000000060 05000000 {} {} \
         | 28000000 \
         | b5757299 \
         | 03000000 \
         |   03000000 {aa} 0605040302010000 \
         |   04000000 {bb} \
         |   00000000 \
         | 03 b5ee9c",
        "11".repeat(32),
        "22".repeat(32),
    ));
    // id, blockIdExt (80), req_count, incomplete, count, 4 + 32 + 8, 4 + 32, 4, proof (4).
    assert_eq!(expected.len(), 4 + 80 + 4 + 4 + 4 + 44 + 36 + 4 + 4);
    check(&value, &expected);

    // An empty bare vector is its count alone.
    let empty = BlockTransactions {
        ids: vec![],
        proof: vec![],
        incomplete: false,
        ..value
    };
    let expected = hex(&format!(
        "91bac704 \
         | 00000000 0000000000000060 05000000 {} {} \
         | 28000000 | 379779bc | 00000000 | 00 000000",
        "11".repeat(32),
        "22".repeat(32),
    ));
    check(&empty, &expected);
}

// =============================================================================================
// Primitives: int128, int256, double, Bool

/// An `everything` with the given int128, int256, double and Bool, and `expected` built around
/// their bytes: i = 7, l = -1, s = "", b = [], count = 3.
fn everything(n: [u8; 16], h: [u8; 32], d: f64, ok: bool) -> primitives::types::Everything {
    primitives::types::Everything {
        i: 7,
        l: -1,
        d,
        s: String::new(),
        b: vec![],
        n,
        h,
        ok,
        count: 3,
    }
}

fn everything_bytes(n: &str, h: &str, d: &str, ok: &str) -> Vec<u8> {
    hex(&format!(
        "440d7724 \
         | 07000000 \
         | ffffffffffffffff \
         | {d} \
         | 00 000000 \
         | 00 000000 \
         | {n} \
         | {h} \
         | {ok} \
         | 03000000"
    ))
}

const TRUE: &str = "b5757299";
const FALSE: &str = "379779bc";
const ONE: &str = "000000000000f03f"; // 1.0 = 0x3ff0000000000000

#[test]
fn int128_and_int256_are_their_bytes_in_order() {
    // No length prefix, no padding, no byte swapping: the array as it is.
    let n: [u8; 16] = std::array::from_fn(|i| 0xf0 + i as u8);
    let h: [u8; 32] = std::array::from_fn(|i| 31 - i as u8);
    let value = everything(n, h, 1.0, true);
    let expected = everything_bytes(
        "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
        "1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100",
        ONE,
        TRUE,
    );
    assert_eq!(expected.len(), 4 + 4 + 8 + 8 + 4 + 4 + 16 + 32 + 4 + 4);
    check(&value, &expected);
}

#[test]
fn double_is_ieee754_little_endian() {
    let zero16 = "00".repeat(16);
    let zero32 = "00".repeat(32);
    for (d, bits) in [
        (1.5, "000000000000f83f"),               // 0x3ff8000000000000
        (-2.0, "00000000000000c0"),              // 0xc000000000000000
        (0.1, "9a9999999999b93f"),               // 0x3fb999999999999a
        (-0.0, "0000000000000080"),              // the sign bit alone
        (f64::INFINITY, "000000000000f07f"),     // 0x7ff0000000000000
        (f64::MIN_POSITIVE, "0000000000001000"), // 0x0010000000000000
        (5e-324, "0100000000000000"),            // the least subnormal
    ] {
        let value = everything([0; 16], [0; 32], d, false);
        check(&value, &everything_bytes(&zero16, &zero32, bits, FALSE));
    }
    // -0.0 == 0.0 for PartialEq: the sign bit must survive decoding too.
    let decoded = primitives::types::Everything::from_bytes(&everything_bytes(
        &zero16,
        &zero32,
        "0000000000000080",
        FALSE,
    ))
    .unwrap();
    assert_eq!(decoded.d.to_bits(), 0x8000_0000_0000_0000);
    // A NaN keeps its payload bit for bit both ways (NaN != NaN, so bits are compared).
    let nan = f64::from_bits(0x7ff8_0000_dead_beef);
    let value = everything([0; 16], [0; 32], nan, false);
    let expected = everything_bytes(&zero16, &zero32, "efbeadde0000f87f", FALSE);
    assert_eq!(value.to_bytes(), expected);
    let decoded = primitives::types::Everything::from_bytes(&expected).unwrap();
    assert_eq!(decoded.d.to_bits(), 0x7ff8_0000_dead_beef);
}

#[test]
fn bool_is_a_boxed_constructor() {
    let zero16 = "00".repeat(16);
    let zero32 = "00".repeat(32);
    // boolTrue#997275b5, boolFalse#bc799737, ids little-endian.
    check(
        &everything([0; 16], [0; 32], 1.0, true),
        &everything_bytes(&zero16, &zero32, ONE, TRUE),
    );
    check(
        &everything([0; 16], [0; 32], 1.0, false),
        &everything_bytes(&zero16, &zero32, ONE, FALSE),
    );
    // Any other word where a Bool belongs is an error at the Bool's offset, naming the field:
    // a plain 1 or 0, boolTrue with one bit flipped, and `true#3fedd339`.
    let at = 4 + 4 + 8 + 8 + 4 + 4 + 16 + 32;
    for (word, id) in [
        ("01000000", 1),
        ("00000000", 0),
        ("b4757299", 0x997275b4),
        ("39d3ed3f", 0x3fedd339),
    ] {
        let bytes = everything_bytes(&zero16, &zero32, ONE, word);
        let err = primitives::types::Everything::from_bytes(&bytes).unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::BadBool { id }, "{word}");
        assert_eq!(err.offset(), at, "{word}");
        assert_eq!(err.path_string(), "everything.ok", "{word}");
    }

    // A function's Bool argument: account.updateStatus offline:Bool.
    use tl_tests::fixtures::remote_calls::functions::account::UpdateStatus;
    check(&UpdateStatus { offline: true }, &hex("2c562866 | b5757299"));
    check(
        &UpdateStatus { offline: false },
        &hex("2c562866 | 379779bc"),
    );
}

// =============================================================================================
// A generic `!X`

#[test]
fn generic_query_is_the_boxed_inner_request() {
    use generics::functions::InvokeWithLayer;
    use generics::functions::help::GetNearestDc;
    // invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X; the query is written boxed, with
    // its own id (help.getNearestDc, bef993cc), right after the layer.
    let value = InvokeWithLayer {
        layer: 228,
        query: GetNearestDc {},
    };
    check(&value, &hex("0d0d9bda | e4000000 | cc93f9be"));

    // Nested: the inner invokeWithLayer is itself the query.
    let nested = InvokeWithLayer {
        layer: -1,
        query: InvokeWithLayer {
            layer: 0x0102_0304,
            query: GetNearestDc {},
        },
    };
    check(
        &nested,
        &hex("0d0d9bda | ffffffff | 0d0d9bda 04030201 cc93f9be"),
    );

    // The result type is the inner request's: help.getNearestDc = Vector<long>.
    fn returns<R: RemoteCall>() -> &'static str {
        std::any::type_name::<R::Return>()
    }
    assert_eq!(
        returns::<InvokeWithLayer<InvokeWithLayer<GetNearestDc>>>(),
        std::any::type_name::<Vec<i64>>()
    );

    // A query with another id is the wrong request for this X: an error at the query's offset.
    let err = InvokeWithLayer::<GetNearestDc>::from_bytes(&hex("0d0d9bda | e4000000 | cd93f9be"))
        .unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: 0xbef993cd,
            expected: "help.getNearestDc".into(),
        }
    );
    assert_eq!(err.offset(), 8);
    assert_eq!(err.path_string(), "invokeWithLayer.query");
}

// =============================================================================================
// A TON `mode:#` word

#[test]
fn ton_mode_word() {
    use ton_mode::types::lite_server::TransactionId;
    // liteServer.transactionId mode:# account:mode.0?int256 lt:mode.1?long hash:mode.2?int256:
    // the mode word is computed from which fields are present, and each present field follows
    // it in order.
    let account = "aa".repeat(32);
    let hash = "cc".repeat(32);
    for (value, expected) in [
        (
            TransactionId {
                account: None,
                lt: None,
                hash: None,
            },
            "af652fb1 | 00000000".to_owned(),
        ),
        (
            TransactionId {
                account: None,
                lt: Some(-1),
                hash: None,
            },
            "af652fb1 | 02000000 | ffffffffffffffff".to_owned(),
        ),
        (
            TransactionId {
                account: Some([0xaa; 32]),
                lt: None,
                hash: Some([0xcc; 32]),
            },
            format!("af652fb1 | 05000000 | {account} | {hash}"),
        ),
        (
            TransactionId {
                account: Some([0xaa; 32]),
                lt: Some(0x1122_3344_5566_7788),
                hash: Some([0xcc; 32]),
            },
            format!("af652fb1 | 07000000 | {account} | 8877665544332211 | {hash}"),
        ),
    ] {
        check(&value, &hex(&expected));
    }

    // liteServer.listBlockTransactions id:tonNode.blockIdExt mode:# count:# after:mode.7?
    // liteServer.transactionId3 reverse_order:mode.6?true want_proof:mode.5?true: the mode word
    // comes after a bare constructor, `count` (a `#` no field refers to) is a stored u32, `after` is
    // a bare constructor (no id) on bit 7, and the two `?true` fields are bits 6 and 5 alone.
    use ton_mode::functions::lite_server::ListBlockTransactions;
    use ton_mode::types::lite_server::TransactionId3;
    let id = ton_mode::types::ton_node::BlockIdExt {
        workchain: -1,
        shard: i64::MIN,
        seqno: 1,
        root_hash: [0; 32],
        file_hash: [0xff; 32],
    };
    let id_bytes = format!(
        "ffffffff 0000000000000080 01000000 {} {}",
        "00".repeat(32),
        "ff".repeat(32)
    );
    let request = ListBlockTransactions {
        id: id.clone(),
        count: 256,
        after: Some(TransactionId3 {
            account: [0x5a; 32],
            lt: 77,
        }),
        reverse_order: true,
        want_proof: false,
    };
    check(
        &request,
        &hex(&format!(
            "dac7fcad | {id_bytes} | c0000000 | 00010000 | {} 4d00000000000000",
            "5a".repeat(32)
        )),
    );
    let request = ListBlockTransactions {
        id,
        count: 0xffff_ffff,
        after: None,
        reverse_order: false,
        want_proof: true,
    };
    check(
        &request,
        &hex(&format!("dac7fcad | {id_bytes} | 20000000 | ffffffff")),
    );
}

// =============================================================================================
// A recursive type

#[test]
fn recursive_type() {
    use recursion::enums::{JsonValue, RichText};
    use recursion::types::{JsonArray, JsonNull, TextBold, TextConcat, TextPlain};
    // textBold#6724abc4 text:RichText; textConcat#7e6260d7 texts:Vector<RichText>;
    // textPlain#744694e0 text:string.
    let plain = |s: &str| -> RichText { TextPlain { text: s.to_owned() }.into() };
    let value: RichText = TextBold {
        text: TextConcat {
            texts: vec![plain("a"), TextBold { text: plain("bc") }.into()],
        }
        .into(),
    }
    .into();
    let expected = hex("c4ab2467 \
         |   d760627e 15c4b51c 02000000 \
         |     e0944674 01 61 0000 \
         |     c4ab2467 e0944674 02 6263 00");
    check(&value, &expected);

    // jsonArray#f7444763 value:Vector<JSONValue>; jsonNull#3f6d7b68.
    let value: JsonValue = JsonArray {
        value: vec![
            JsonNull {}.into(),
            JsonArray {
                value: vec![JsonArray { value: vec![] }.into()],
            }
            .into(),
        ],
    }
    .into();
    let expected = hex("634744f7 15c4b51c 02000000 \
         |   687b6d3f \
         |   634744f7 15c4b51c 01000000 \
         |     634744f7 15c4b51c 00000000");
    check(&value, &expected);

    // 40 levels of textBold around textPlain(""): 40 ids, then the plain text.
    let mut deep = plain("");
    for _ in 0..40 {
        deep = TextBold { text: deep }.into();
    }
    let mut expected = hex(&"c4ab2467".repeat(40));
    expected.extend(hex("e0944674 00 000000"));
    check(&deep, &expected);
    // 1000 levels are past the default depth limit: an error, not a stack overflow.
    let mut deeper = hex(&"c4ab2467".repeat(1000));
    deeper.extend(hex("e0944674 00 000000"));
    let err = RichText::from_bytes(&deeper).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::DepthExceeded { .. }),
        "{err}"
    );
}
