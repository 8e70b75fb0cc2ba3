//! Round trips for every codec (value -> bytes -> the same value, `encoded_len` exact), and
//! arbitrary or truncated bytes never panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use proptest::prelude::*;
use tl_types::codec::{
    BareConstructor, BareVector, Bool, Boxed, Bytes, Codec, Double, Fixed, Int, Long, Nat, Str,
    Vector,
};
use tl_types::{Deserializable, Reader, Serializable};

/// Encodes, checks the length and that the bytes are a multiple of four where TL says so, decodes,
/// and checks that every byte was read.
fn round_trip<C: Codec>(value: &C::Value) -> C::Value {
    let bytes = enc::<C>(value);
    let mut reader = Reader::new(&bytes);
    let decoded = C::decode(&mut reader).unwrap();
    assert_eq!(reader.position(), bytes.len());
    // Every strict prefix fails (and does not panic).
    for cut in [0, bytes.len() / 2, bytes.len().saturating_sub(1)] {
        if cut < bytes.len() {
            assert!(
                dec::<C>(&bytes[..cut]).is_err(),
                "prefix of {cut} bytes decoded"
            );
        }
    }
    decoded
}

macro_rules! round_trip_eq {
    ($codec:ty, $value:expr) => {{
        let value = $value;
        prop_assert_eq!(round_trip::<$codec>(&value), value);
    }};
}

fn string() -> impl Strategy<Value = String> {
    // Lengths around 253/254/255 bytes and beyond, ASCII and multi-byte.
    prop_oneof![
        ".{0,8}",
        "[a-z]{250,260}",
        proptest::collection::vec(any::<char>(), 0..300).prop_map(|c| c.into_iter().collect()),
    ]
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..8),
        proptest::collection::vec(any::<u8>(), 240..1100)
    ]
}

fn item() -> impl Strategy<Value = Item> {
    (string(), any::<i32>(), bytes()).prop_map(|(name, value, data)| Item { name, value, data })
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        Just(Node::Leaf(Leaf {})),
        item().prop_map(Node::Item),
        (proptest::collection::vec(item(), 0..4), any::<bool>())
            .prop_map(|(items, flag)| Node::Group(Group { items, flag })),
    ];
    leaf.prop_recursive(8, 64, 6, |inner| {
        prop_oneof![
            inner
                .clone()
                .prop_map(|n| Node::Wrap(Wrap { inner: Box::new(n) })),
            proptest::collection::vec(inner, 0..6).prop_map(|items| Node::List(List { items })),
        ]
    })
}

proptest! {
    #[test]
    fn fixed_size(i in any::<i32>(), l in any::<i64>(), n in any::<u32>(), b in any::<bool>()) {
        round_trip_eq!(Int, i);
        round_trip_eq!(Long, l);
        round_trip_eq!(Nat, n);
        round_trip_eq!(Bool, b);
        prop_assert_eq!(enc::<Int>(&i), i.to_le_bytes().to_vec());
        prop_assert_eq!(enc::<Long>(&l), l.to_le_bytes().to_vec());
    }

    #[test]
    fn doubles_bit_for_bit(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assert_eq!(round_trip::<Double>(&x).to_bits(), bits);
    }

    #[test]
    fn int128_int256(a in any::<[u8; 16]>(), b in any::<[u8; 32]>()) {
        round_trip_eq!(Fixed<16>, a);
        round_trip_eq!(Fixed<32>, b);
        prop_assert_eq!(enc::<Fixed<16>>(&a), a.to_vec());
    }

    #[test]
    fn byte_strings(s in string(), b in bytes()) {
        let encoded = enc::<Str>(&s);
        prop_assert_eq!(encoded.len() % 4, 0);
        prop_assert_eq!(encoded.len(), tl_types::codec::tl_bytes_len(s.len()));
        round_trip_eq!(Str, s);
        round_trip_eq!(Bytes, b);
    }

    #[test]
    fn vectors(
        ints in proptest::collection::vec(any::<i32>(), 0..50),
        longs in proptest::collection::vec(any::<i64>(), 0..50),
        strings in proptest::collection::vec(string(), 0..8),
        blobs in proptest::collection::vec(bytes(), 0..8),
        nested in proptest::collection::vec(proptest::collection::vec(string(), 0..4), 0..4),
        bools in proptest::collection::vec(any::<bool>(), 0..10),
        fixed in proptest::collection::vec(any::<[u8; 16]>(), 0..5),
    ) {
        round_trip_eq!(Vector<Int>, ints.clone());
        round_trip_eq!(BareVector<Int>, ints);
        round_trip_eq!(Vector<Long>, longs);
        round_trip_eq!(Vector<Str>, strings.clone());
        round_trip_eq!(BareVector<Str>, strings);
        round_trip_eq!(BareVector<Bytes>, blobs.clone());
        round_trip_eq!(Vector<Bytes>, blobs);
        round_trip_eq!(Vector<Vector<Str>>, nested.clone());
        round_trip_eq!(BareVector<Vector<Str>>, nested.clone());
        round_trip_eq!(Vector<BareVector<Str>>, nested);
        round_trip_eq!(Vector<Bool>, bools);
        round_trip_eq!(Vector<Fixed<16>>, fixed);
    }

    #[test]
    fn generated_style_types(n in node(), it in item(), items in proptest::collection::vec(item(), 0..4)) {
        round_trip_eq!(Boxed<Node>, n.clone());
        round_trip_eq!(BareConstructor<Item>, it.clone());
        round_trip_eq!(Boxed<Item>, it.clone());
        round_trip_eq!(Vector<Boxed<Node>>, vec![n.clone(), Node::Item(it.clone())]);
        round_trip_eq!(Vector<BareConstructor<Item>>, items.clone());
        round_trip_eq!(BareVector<BareConstructor<Item>>, items);
        let bytes = n.to_bytes();
        prop_assert_eq!(bytes.len(), n.serialized_len());
        prop_assert_eq!(Node::from_bytes(&bytes).unwrap(), n);
        prop_assert_eq!(Item::from_bytes(&it.to_bytes()).unwrap(), it);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Node::from_bytes(&bytes);
        let _ = dec::<Vector<Vector<Str>>>(&bytes);
        let _ = dec::<BareVector<BareConstructor<Item>>>(&bytes);
        let _ = dec::<Vector<Bytes>>(&bytes);
        let _ = dec::<Vector<Double>>(&bytes);
        let _ = dec::<BareVector<Bool>>(&bytes);
        let _ = dec::<Fixed<32>>(&bytes);
    }

    #[test]
    fn arbitrary_words_of_this_schema_never_panic(words in proptest::collection::vec(
        prop_oneof![
            Just(LEAF_ID), Just(WRAP_ID), Just(LIST_ID), Just(ITEM_ID), Just(GROUP_ID),
            Just(tl_types::codec::VECTOR_ID), Just(tl_types::codec::BOOL_TRUE_ID), 0u32..8, any::<u32>(),
        ],
        0..200,
    )) {
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        if let Ok(node) = Node::from_bytes(&bytes) {
            // Whatever decodes re-encodes to bytes that decode to the same value (not always
            // the same bytes: non-canonical padding and lengths are accepted).
            prop_assert_eq!(Node::from_bytes(&node.to_bytes()).unwrap(), node);
        }
    }

    #[test]
    fn corrupting_one_byte_never_panics(n in node(), index in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = n.to_bytes();
        let i = index.index(bytes.len());
        bytes[i] = byte;
        if let Ok(decoded) = Node::from_bytes(&bytes) {
            prop_assert_eq!(Node::from_bytes(&decoded.to_bytes()).unwrap(), decoded);
        }
    }
}
