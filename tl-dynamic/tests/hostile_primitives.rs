//! tl-types' hostile-input suites for the primitive codecs (`tl-types/tests/hostile_primitives.rs`
//! and `proptest_codecs.rs`) run against the dynamic codec: the same inputs, over a schema that is
//! the TL of tl-types' hand-written test types (`tl-types/tests/common`, included here), decoded by
//! both implementations. Both must accept or refuse alike, with the same error kind, offset and path;
//! what both accept must re-encode to the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tl-types/tests/common/mod.rs"]
mod common;

use common::*;
use proptest::prelude::*;
use tl_dynamic::{Options, Value};
use tl_types::codec::{
    BareConstructor, BareVector, Bool, Bytes, Codec, CodecBorrowed, Double, Fixed, Int, Long, Nat,
    Str, Vector,
};
use tl_types::{DecodeError, Deserializable, Serializable};

/// The TL of `common`'s types, and the primitives the codecs stand for.
const SCHEMA: &str = "\
int ? = Int;\nlong ? = Long;\ndouble ? = Double;\nstring ? = String;\nbytes = Bytes;\n\
int128 4*[ int ] = Int128;\nint256 8*[ int ] = Int256;\n\
boolFalse#bc799737 = Bool;\nboolTrue#997275b5 = Bool;\nvector#1cb5c415 {t:Type} # [ t ] = Vector t;\n\
leaf#5e1f0001 = Node;\nwrap#5e1f0002 inner:Node = Node;\nlist#5e1f0003 items:Vector<Node> = Node;\n\
item#5e1f0004 name:string value:int data:bytes = Node;\n\
group#5e1f0005 items:vector<%item> flag:Bool = Node;\n";

/// The codec of [`SCHEMA`] (its ids are made up: they are accepted as declared), without gzip.
fn with_codec<T>(f: impl FnOnce(&tl_dynamic::Codec<'_>) -> T) -> T {
    static CODEC: std::sync::OnceLock<tl_dynamic::Codec<'static>> = std::sync::OnceLock::new();
    let codec = CODEC.get_or_init(|| {
        let mut sources = tl_parser::SourceSet::new();
        sources.add("node.tl", SCHEMA);
        let options = tl_parser::CheckOptions {
            unexplained_mismatch: tl_parser::Severity::Warning,
            ..tl_parser::CheckOptions::default()
        };
        let schema = tl_parser::parse(&sources, &options).into_result().unwrap();
        let schema: &'static tl_parser::Schema = Box::leak(Box::new(schema));
        tl_dynamic::Codec::with_options(schema, Options::default().with_max_unpacked(None))
    });
    f(codec)
}

/// Decodes `bytes` with both: the generated-style codec (`typed`, re-encoded when it accepts) and
/// the dynamic codec as `tl_type`; panics unless they agree. Returns whether they accepted.
fn agree(tl_type: &str, bytes: &[u8], typed: Result<Vec<u8>, DecodeError>) -> bool {
    with_codec(|codec| {
        let target = codec.target(tl_type).unwrap();
        let dynamic = codec.decode_as(&target, bytes);
        match (typed, dynamic) {
            (Ok(again), Ok(tree)) => {
                assert_eq!(
                    codec.encode_as(&target, &tree).unwrap(),
                    again,
                    "{tl_type} {bytes:02x?}"
                );
                true
            }
            (Err(a), Err(b)) => {
                assert!(
                    a.kind() == b.kind()
                        && a.offset() == b.offset()
                        && a.path_string() == b.path_string(),
                    "{tl_type}: generated {a}, dynamic {b}, input {bytes:02x?}"
                );
                false
            }
            (Ok(_), Err(e)) => {
                panic!("{tl_type}: only the generated codec accepts {bytes:02x?}: {e}")
            }
            (Err(e), Ok(_)) => {
                panic!("{tl_type}: only the dynamic codec accepts {bytes:02x?}: {e}")
            }
        }
    })
}

/// Both decode `bytes` as the codec `C`, which is the TL type `tl_type` (the generated side with
/// its owned and its borrowed decoder, which `dec` checks against each other).
fn both<C: Codec + for<'a> CodecBorrowed<'a>>(tl_type: &str, bytes: &[u8]) -> bool
where
    C::Value: PartialEq + std::fmt::Debug,
{
    agree(tl_type, bytes, dec::<C>(bytes).map(|v| enc::<C>(&v)))
}

/// Both decode `bytes` as a boxed `Node`.
fn node(bytes: &[u8]) -> bool {
    agree("Node", bytes, common::node(bytes).map(|n| n.to_bytes()))
}

/// Both decode `bytes` as the constructor `item` (boxed).
fn item(bytes: &[u8]) -> bool {
    agree("item", bytes, Item::from_bytes(bytes).map(|n| n.to_bytes()))
}

/// Every codec of the primitive suite, by TL type.
fn every_codec(bytes: &[u8]) {
    both::<Int>("int", bytes);
    both::<Nat>("#", bytes);
    both::<Long>("long", bytes);
    both::<Double>("double", bytes);
    both::<Fixed<16>>("int128", bytes);
    both::<Fixed<32>>("int256", bytes);
    both::<Bytes>("bytes", bytes);
    both::<Str>("string", bytes);
    both::<Bool>("Bool", bytes);
    both::<Vector<Int>>("Vector<int>", bytes);
    both::<BareVector<Int>>("vector<int>", bytes);
    both::<Vector<Long>>("Vector<long>", bytes);
    both::<Vector<Str>>("Vector<string>", bytes);
    both::<Vector<Bytes>>("Vector<bytes>", bytes);
    both::<Vector<Bool>>("Vector<Bool>", bytes);
    both::<Vector<Vector<Int>>>("Vector<Vector<int>>", bytes);
    both::<Vector<Vector<Str>>>("Vector<Vector<string>>", bytes);
    both::<BareVector<Str>>("vector<string>", bytes);
    both::<Vector<Fixed<32>>>("Vector<int256>", bytes);
    both::<BareVector<BareConstructor<Item>>>("vector<%item>", bytes);
    both::<BareVector<BareConstructor<Leaf>>>("vector<%leaf>", bytes);
    node(bytes);
    item(bytes);
}

/// The inputs of `hostile_primitives.rs`, in its order.
fn hostile_inputs() -> Vec<Vec<u8>> {
    let mut inputs: Vec<Vec<u8>> = vec![
        vec![],
        hex("010203"),
        vec![0; 7],
        vec![0; 4],
        vec![0; 15],
        vec![0; 31],
        hex("b57572"),
        hex("ff000000"),
        hex("ffffffff 00000000"),
        hex("ff"),
        hex("15c4b51c 02000000 00000000 ff000000"),
        hex("feffffff 61626364"),
        hex("fd616263"),
        hex("fe030000 61626300"),
        hex("fe000000"),
        hex("fe010000 ff000000"),
        hex("01 61 ffff"),
        hex("00 abcdef"),
        hex("04 61626364 010203"),
        hex("02000000 0161ffff 0162eeee"),
        hex("01 80 0000"),
        hex("02 c328 00"),
        hex("02 c080 00"),
        hex("03 eda080"),
        hex("03 61e282"),
        hex("04 f09f9880 000000"),
        hex("01 00 0000"),
        hex("15c4b51c 02000000 b5757299 00000000"),
        hex("00000000 00000000"),
        hex("01000000 05000000"),
        hex("1cb5c415 00000000"),
        hex("15c4b51c 01000000 b5757299 00000000"),
        hex("15c4b51c ffffff7f 01000000"),
        hex("ffffff7f 01000000"),
        hex("15c4b51c ffffffff 00000000"),
        hex("15c4b51c ffffff7f 15c4b51c 00000000"),
        [hex("15c4b51c 02000000"), vec![0; 63]].concat(),
        hex("02000000 01000000 02000000"),
        hex("03000000 01000000 02000000"),
        [le(1).to_vec(), vec![0; 11]].concat(),
        hex("05000000 00000000"),
        hex("15c4b51c 02000000 15c4b51c 00000000 15c4b51c 02000000 00000000 05616263"),
    ];
    let mut long = vec![b'a'; 299];
    long.push(0xff);
    let mut bytes = hex("15c4b51c 02000000 00000000");
    bytes.extend(enc::<Bytes>(&long));
    inputs.push(bytes);
    for id in [0u32, 1, 0x997275b4, 0xbc799736, 0x1cb5c415, 0xffffffff] {
        inputs.push(le(id).to_vec());
    }
    let mut bytes = hex("fe000001");
    bytes.extend(vec![0u8; 0x1_0000 - 1]);
    inputs.push(bytes.clone());
    bytes.push(0);
    inputs.push(bytes);
    inputs
}

#[test]
fn every_input_of_the_primitive_suite_on_every_codec() {
    let inputs = hostile_inputs();
    for bytes in &inputs {
        every_codec(bytes);
    }
    assert!(inputs.len() > 50);
}

#[test]
fn truncations_at_every_offset() {
    // The item, the long-form string and the vector of the suite, cut everywhere.
    let item_bytes = hex("04001f5e 02616200 05000000 0401020304000000");
    assert!(node(&item_bytes) && item(&item_bytes));
    let long = enc::<Bytes>(&vec![b'x'; 300]);
    let vector = hex("15c4b51c 02000000 01610000 0562636465660000");
    for cut in 0..item_bytes.len() {
        assert!(!node(&item_bytes[..cut]));
        assert!(!item(&item_bytes[..cut]));
    }
    for cut in 0..long.len() {
        assert!(!both::<Bytes>("bytes", &long[..cut]));
        assert!(!both::<Str>("string", &long[..cut]));
    }
    for cut in 0..vector.len() {
        assert!(!both::<Vector<Str>>("Vector<string>", &vector[..cut]));
    }
}

#[test]
fn nesting_at_the_limit_and_past_it() {
    for depth in [0, 1, 63, 64, 65, 200] {
        let bytes = wraps(depth).to_bytes();
        assert_eq!(node(&bytes), depth <= 64, "{depth}");
    }
    // A list of lists, as deep.
    let mut bytes = Vec::new();
    for _ in 0..70 {
        bytes.extend(hex("03001f5e 15c4b51c 01000000"));
    }
    bytes.extend(le(LEAF_ID));
    for n in [bytes.len(), 12 * 64 + 4, 12 * 63 + 4] {
        node(&bytes[bytes.len() - n..]);
    }
}

#[test]
fn the_dynamic_tree_of_a_node() {
    let bytes = Node::Group(Group {
        items: vec![Item {
            name: "ab".into(),
            value: -1,
            data: vec![1, 2],
        }],
        flag: true,
    })
    .to_bytes();
    with_codec(|codec| {
        let tree = codec.decode(&bytes).unwrap();
        assert_eq!(
            tree.to_json(),
            r#"{"@type":"group","items":[{"@type":"item","name":"ab","value":-1,"data":"AQI="}],"flag":true}"#
        );
        let Value::Object(group) = &tree else {
            panic!("{tree:?}")
        };
        assert_eq!(group.get("flag"), Some(&Value::Bool(true)));
    });
}

fn node_strategy() -> impl Strategy<Value = Node> {
    let item = (
        "[a-zé]{0,6}|[a-z]{250,258}",
        any::<i32>(),
        proptest::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(name, value, data)| Item { name, value, data });
    let leaf = prop_oneof![
        Just(Node::Leaf(Leaf {})),
        item.clone().prop_map(Node::Item),
        (proptest::collection::vec(item, 0..3), any::<bool>())
            .prop_map(|(items, flag)| Node::Group(Group { items, flag })),
    ];
    leaf.prop_recursive(8, 48, 5, |inner| {
        prop_oneof![
            inner
                .clone()
                .prop_map(|n| Node::Wrap(Wrap { inner: Box::new(n) })),
            proptest::collection::vec(inner, 0..5).prop_map(|items| Node::List(List { items })),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_words_of_this_schema(words in proptest::collection::vec(
        prop_oneof![
            Just(LEAF_ID), Just(WRAP_ID), Just(LIST_ID), Just(ITEM_ID), Just(GROUP_ID),
            Just(tl_types::codec::VECTOR_ID), Just(tl_types::codec::BOOL_TRUE_ID), 0u32..8, any::<u32>(),
        ],
        0..200,
    )) {
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        node(&bytes);
        both::<Vector<Vector<Str>>>("Vector<Vector<string>>", &bytes);
        both::<BareVector<BareConstructor<Item>>>("vector<%item>", &bytes);
    }

    #[test]
    fn damaged_nodes(n in node_strategy(), edits in proptest::collection::vec(
        (any::<prop::sample::Index>(), any::<u8>()), 0..4), cut in any::<prop::sample::Index>()) {
        let mut bytes = n.to_bytes();
        prop_assert!(node(&bytes));
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        node(&bytes);
        let cut = cut.index(bytes.len() + 1);
        node(&bytes[..cut]);
    }

    #[test]
    fn arbitrary_bytes_on_every_codec(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        every_codec(&bytes);
    }
}
