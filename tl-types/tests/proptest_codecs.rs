//! Round trips for every codec (value -> bytes -> the same value, `encoded_len` exact), and
//! damaged encodings never panic: valid encodings mutated where their structure lies (ids swapped
//! for siblings' or unknown ones, counts and length prefixes changed, Bools replaced, cuts at field
//! boundaries, subtrees spliced in, words inserted and deleted) decode to a value that survives
//! another round trip, or fail with the kind and offset the damage calls for.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use tl_types::codec::{
    BareConstructor, BareVector, Bool, Boxed, Bytes, Codec, CodecBorrowed, Double, Fixed, Int,
    Long, Nat, Str, Vector,
};
use tl_types::{DecodeError, DecodeErrorKind, Deserializable, Reader, Serializable};

/// Encodes, checks the length and that the bytes are a multiple of four where TL says so, decodes,
/// and checks that every byte was read.
fn round_trip<C: Codec + for<'a> CodecBorrowed<'a>>(value: &C::Value) -> C::Value
where
    C::Value: PartialEq + std::fmt::Debug,
{
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
    fn structured_mutations_of_nodes(
        n in node(),
        edit in in_place(),
        two in proptest::option::of(in_place()),
        last in proptest::option::of(shift()),
        donor in node(),
    ) {
        check_node_mutation(&n, &edit, two.as_ref(), last.as_ref(), &donor)?;
    }

    #[test]
    fn structured_mutations_of_nested_vectors(
        value in proptest::collection::vec(proptest::collection::vec(string(), 0..4), 0..4),
        edit in in_place(),
        cut in proptest::option::of(any::<usize>()),
    ) {
        check_nested_vector_mutation(&value, &edit, cut)?;
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

// =============================================================================================
// Structure-aware mutations

/// One place in the encoding of a `Node`, worked out from the schema in `common` (not by the
/// encoder), in byte order.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// A node's constructor id; its bytes end at `end`.
    NodeId { at: usize, end: usize },
    /// A boxed vector's id.
    VectorId { at: usize },
    /// An element count; each element takes at least `min` bytes.
    Count { at: usize, min: usize },
    /// A string or bytes length header.
    Str { at: usize },
    /// An `int`.
    Int { at: usize },
    /// A `Bool`.
    Bool { at: usize },
}

impl Place {
    fn at(self) -> usize {
        match self {
            Place::NodeId { at, .. }
            | Place::VectorId { at }
            | Place::Count { at, .. }
            | Place::Str { at }
            | Place::Int { at }
            | Place::Bool { at } => at,
        }
    }
}

/// The encoded length of a TL string of `len` bytes: header (1, or 4 from 254 on), data, padding
/// to a multiple of four.
fn tl_str_len(len: usize) -> usize {
    let header = if len < 254 { 1 } else { 4 };
    (header + len).div_ceil(4) * 4
}

/// Minimum encoded length of a bare `item`: three fields of at least 4 bytes.
const ITEM_MIN: usize = 12;

fn item_places(item: &Item, at: &mut usize, out: &mut Vec<Place>) {
    out.push(Place::Str { at: *at });
    *at += tl_str_len(item.name.len());
    out.push(Place::Int { at: *at });
    *at += 4;
    out.push(Place::Str { at: *at });
    *at += tl_str_len(item.data.len());
}

fn node_places(node: &Node, at: &mut usize, out: &mut Vec<Place>) {
    let start = *at;
    let index = out.len();
    out.push(Place::NodeId { at: start, end: 0 });
    *at += 4;
    match node {
        Node::Leaf(_) => {}
        Node::Wrap(w) => node_places(&w.inner, at, out),
        Node::List(l) => {
            out.push(Place::VectorId { at: *at });
            out.push(Place::Count {
                at: *at + 4,
                min: 4,
            });
            *at += 8;
            for item in &l.items {
                node_places(item, at, out);
            }
        }
        Node::Item(item) => item_places(item, at, out),
        Node::Group(g) => {
            out.push(Place::Count {
                at: *at,
                min: ITEM_MIN,
            });
            *at += 4;
            for item in &g.items {
                item_places(item, at, out);
            }
            out.push(Place::Bool { at: *at });
            *at += 4;
        }
    }
    out[index] = Place::NodeId {
        at: start,
        end: *at,
    };
}

/// An in-place mutation; `usize`s pick among the places they apply to (modulo their number).
#[derive(Debug, Clone)]
enum InPlace {
    /// A node id replaced by a sibling's (`true`) or by any word.
    SwapId(usize, bool, u32),
    /// A vector id replaced.
    VectorId(usize, u32),
    /// A count replaced.
    Count(usize, u32),
    /// The first byte of a length header replaced.
    LengthByte(usize, u8),
    /// A Bool replaced by a word.
    Bool(usize, u32),
}

/// A mutation that moves bytes.
#[derive(Debug, Clone)]
enum Shift {
    /// Cut where a place starts.
    Truncate(usize),
    /// Replace a whole node with the donor node.
    Splice(usize),
    /// Insert a word where a place starts.
    InsertWord(usize, u32),
    /// Delete the word where a place starts.
    DeleteWord(usize),
}

const BOOL_TRUE: u32 = 0x997275b5;
const BOOL_FALSE: u32 = 0xbc799737;
const SIBLINGS: [u32; 5] = [LEAF_ID, WRAP_ID, LIST_ID, ITEM_ID, GROUP_ID];

fn in_place() -> impl Strategy<Value = InPlace> {
    let word = || {
        prop_oneof![
            Just(LEAF_ID),
            Just(ITEM_ID),
            Just(tl_types::codec::VECTOR_ID),
            Just(BOOL_TRUE),
            Just(BOOL_FALSE),
            0u32..4,
            any::<u32>(),
        ]
    };
    prop_oneof![
        (any::<usize>(), any::<bool>(), word()).prop_map(|(i, s, w)| InPlace::SwapId(i, s, w)),
        (any::<usize>(), word()).prop_map(|(i, w)| InPlace::VectorId(i, w)),
        (
            any::<usize>(),
            prop_oneof![0u32..8, Just(0x00ff_ffff), Just(u32::MAX), any::<u32>()]
        )
            .prop_map(|(i, c)| InPlace::Count(i, c)),
        (
            any::<usize>(),
            prop_oneof![Just(0xffu8), Just(0xfe), Just(0xfd), any::<u8>()]
        )
            .prop_map(|(i, b)| InPlace::LengthByte(i, b)),
        (any::<usize>(), word()).prop_map(|(i, w)| InPlace::Bool(i, w)),
    ]
}

fn shift() -> impl Strategy<Value = Shift> {
    prop_oneof![
        any::<usize>().prop_map(Shift::Truncate),
        any::<usize>().prop_map(Shift::Splice),
        (any::<usize>(), any::<u32>()).prop_map(|(i, w)| Shift::InsertWord(i, w)),
        any::<usize>().prop_map(Shift::DeleteWord),
    ]
}

fn put(bytes: &mut [u8], at: usize, word: u32) {
    bytes[at..at + 4].copy_from_slice(&le(word));
}

/// Applies `edit` at one of `places`; returns the error kind and offset it must cause on its own,
/// if it must fail (`None` also when no place of its kind exists).
fn apply(places: &[Place], bytes: &mut [u8], edit: &InPlace) -> Option<(DecodeErrorKind, usize)> {
    let pick = |i: usize, f: &dyn Fn(&Place) -> bool| -> Option<Place> {
        let chosen: Vec<Place> = places.iter().copied().filter(|p| f(p)).collect();
        (!chosen.is_empty()).then(|| chosen[i % chosen.len()])
    };
    let n = bytes.len();
    match *edit {
        InPlace::SwapId(i, sibling, word) => {
            let at = pick(i, &|p| matches!(p, Place::NodeId { .. }))?.at();
            let id = if sibling {
                SIBLINGS[word as usize % SIBLINGS.len()]
            } else {
                word
            };
            put(bytes, at, id);
            (!SIBLINGS.contains(&id)).then_some((
                DecodeErrorKind::UnknownConstructor {
                    id,
                    expected: "Node".into(),
                },
                at,
            ))
        }
        InPlace::VectorId(i, id) => {
            let at = pick(i, &|p| matches!(p, Place::VectorId { .. }))?.at();
            put(bytes, at, id);
            (id != tl_types::codec::VECTOR_ID).then_some((DecodeErrorKind::BadVectorId { id }, at))
        }
        InPlace::Count(i, count) => {
            let Place::Count { at, min } = pick(i, &|p| matches!(p, Place::Count { .. }))? else {
                unreachable!()
            };
            put(bytes, at, count);
            let max = (n - at - 4) / min;
            (count as usize > max).then_some((DecodeErrorKind::VectorTooLong { count, max }, at))
        }
        InPlace::LengthByte(i, byte) => {
            let at = pick(i, &|p| matches!(p, Place::Str { .. }))?.at();
            bytes[at] = byte;
            (byte == 0xff).then_some((DecodeErrorKind::BadLengthPrefix, at))
        }
        InPlace::Bool(i, word) => {
            let at = pick(i, &|p| matches!(p, Place::Bool { .. }))?.at();
            put(bytes, at, word);
            (word != BOOL_TRUE && word != BOOL_FALSE)
                .then_some((DecodeErrorKind::BadBool { id: word }, at))
        }
    }
}

/// `Ok` must survive another round trip (not always to the same bytes: non-canonical padding is
/// accepted); an error must point inside the input.
fn sound<T: Serializable + PartialEq + std::fmt::Debug>(
    result: Result<T, DecodeError>,
    len: usize,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
) -> Result<(), TestCaseError> {
    match result {
        Ok(value) => {
            let again = value.to_bytes();
            prop_assert_eq!(again.len(), value.serialized_len());
            let back = decode(&again);
            prop_assert!(back.is_ok(), "re-encoding does not decode: {:?}", back);
            prop_assert_eq!(back.unwrap(), value);
        }
        Err(err) => prop_assert!(err.offset() <= len, "{} for {} bytes", err, len),
    }
    Ok(())
}

fn check_node_mutation(
    node: &Node,
    edit: &InPlace,
    second: Option<&InPlace>,
    last: Option<&Shift>,
    donor: &Node,
) -> Result<(), TestCaseError> {
    let mut bytes = node.to_bytes();
    let mut places = Vec::new();
    let mut end = 0;
    node_places(node, &mut end, &mut places);
    prop_assert_eq!(end, bytes.len(), "the layout spans the encoding");

    let must_fail = apply(&places, &mut bytes, edit);
    let second_fails = second.map(|e| apply(&places, &mut bytes, e));
    match (second_fails, last) {
        (None, None) => match must_fail {
            Some((kind, offset)) => {
                let err = common::node(&bytes).expect_err("the mutation must fail");
                prop_assert_eq!(err.kind(), &kind, "{:?}", edit);
                prop_assert_eq!(err.offset(), offset, "{:?}", edit);
            }
            None => sound(common::node(&bytes), bytes.len(), common::node)?,
        },
        (_, Some(Shift::Splice(i))) => {
            // A whole node replaced by another valid node: still a valid encoding, whatever
            // else was damaged before it, as long as nothing else was.
            let nodes: Vec<(usize, usize)> = places
                .iter()
                .filter_map(|p| match *p {
                    Place::NodeId { at, end } => Some((at, end)),
                    _ => None,
                })
                .collect();
            let (at, end) = nodes[i % nodes.len()];
            let clean = node.to_bytes();
            let mut spliced = clean[..at].to_vec();
            spliced.extend(donor.to_bytes());
            spliced.extend(&clean[end..]);
            let decoded = common::node(&spliced);
            prop_assert!(decoded.is_ok(), "{:?}", decoded);
            prop_assert_eq!(decoded.unwrap().to_bytes(), spliced);
            // And over the damaged bytes: sound.
            let mut damaged = bytes[..at].to_vec();
            damaged.extend(donor.to_bytes());
            damaged.extend(&bytes[end..]);
            sound(common::node(&damaged), damaged.len(), common::node)?;
        }
        (_, Some(Shift::Truncate(i))) => {
            let cut = places[i % places.len()].at();
            // Cut short of a value that was valid: always an error, inside the shorter input.
            let err = common::node(&node.to_bytes()[..cut]).expect_err("cut short");
            prop_assert!(
                matches!(
                    err.kind(),
                    DecodeErrorKind::UnexpectedEof { .. } | DecodeErrorKind::VectorTooLong { .. }
                ),
                "{}",
                err
            );
            prop_assert!(err.offset() <= cut, "{}", err);
            sound(common::node(&bytes[..cut]), cut, common::node)?;
        }
        (_, Some(Shift::InsertWord(i, word))) => {
            let at = places[i % places.len()].at();
            bytes.splice(at..at, le(*word));
            sound(common::node(&bytes), bytes.len(), common::node)?;
        }
        (_, Some(Shift::DeleteWord(i))) => {
            let at = places[i % places.len()].at();
            bytes.drain(at..(at + 4).min(bytes.len()));
            sound(common::node(&bytes), bytes.len(), common::node)?;
        }
        (Some(_), None) => sound(common::node(&bytes), bytes.len(), common::node)?,
    }
    Ok(())
}

type Nested = Vector<Vector<Str>>;

fn check_nested_vector_mutation(
    value: &[Vec<String>],
    edit: &InPlace,
    cut: Option<usize>,
) -> Result<(), TestCaseError> {
    let mut bytes = enc::<Nested>(&value.to_vec());
    // Vector id, count, then per inner vector its id, count and strings.
    let mut places = vec![Place::VectorId { at: 0 }, Place::Count { at: 4, min: 8 }];
    let mut at = 8;
    for inner in value {
        places.push(Place::VectorId { at });
        places.push(Place::Count { at: at + 4, min: 4 });
        at += 8;
        for s in inner {
            places.push(Place::Str { at });
            at += tl_str_len(s.len());
        }
    }
    prop_assert_eq!(at, bytes.len(), "the layout spans the encoding");
    let must_fail = apply(&places, &mut bytes, edit);
    let decode = dec::<Nested>;
    match (cut, must_fail) {
        (None, Some((kind, offset))) => {
            let err = decode(&bytes).expect_err("the mutation must fail");
            prop_assert_eq!(err.kind(), &kind, "{:?}", edit);
            prop_assert_eq!(err.offset(), offset, "{:?}", edit);
        }
        (Some(c), _) => {
            let c = places[c % places.len()].at();
            let err = decode(&enc::<Nested>(&value.to_vec())[..c]).expect_err("cut short");
            prop_assert!(err.offset() <= c, "{}", err);
            sound(decode(&bytes[..c]), c, decode)?;
        }
        (None, None) => sound(decode(&bytes), bytes.len(), decode)?,
    }
    Ok(())
}

/// Every must-fail mutation at every place of one node that has every kind of place.
#[test]
fn every_must_fail_mutation_of_a_node() {
    let item = |name: &str, data: usize| Item {
        name: name.to_owned(),
        value: 1,
        data: vec![7; data],
    };
    let node = Node::List(List {
        items: vec![
            Node::Leaf(Leaf {}),
            Node::Wrap(Wrap {
                inner: Box::new(Node::Item(item("x", 300))),
            }),
            Node::Group(Group {
                items: vec![item("", 0), item(&"y".repeat(254), 3)],
                flag: true,
            }),
        ],
    });
    let mut places = Vec::new();
    let mut end = 0;
    node_places(&node, &mut end, &mut places);
    let mut failures = 0;
    for i in 0..places.len() {
        for edit in [
            InPlace::SwapId(i, false, 0xdeadbeef),
            InPlace::VectorId(i, BOOL_TRUE),
            InPlace::Count(i, 0x0100_0000),
            InPlace::LengthByte(i, 0xff),
            InPlace::Bool(i, 1),
        ] {
            let mut bytes = node.to_bytes();
            let (kind, offset) = apply(&places, &mut bytes, &edit).expect("must fail");
            let err = Node::from_bytes(&bytes).expect_err("must fail");
            assert_eq!(err.kind(), &kind, "{edit:?}");
            assert_eq!(err.offset(), offset, "{edit:?}");
            failures += 1;
        }
    }
    assert_eq!(failures, 5 * places.len());
}
