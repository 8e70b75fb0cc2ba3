//! Test-only types that implement the runtime traits by hand, the way generated code will, and
//! helpers shared by the test binaries.
//!
//! The schema they stand for:
//!
//! ```text
//! leaf#5e1f0001 = Node;
//! wrap#5e1f0002 inner:Node = Node;
//! list#5e1f0003 items:Vector<Node> = Node;
//! item#5e1f0004 name:string value:int data:bytes = Node;
//! group#5e1f0005 items:vector<%item> flag:Bool = Node;
//! ```
#![allow(dead_code, unreachable_pub)]

use tl_types::codec::{
    BareConstructor, BareVector, Bool, Boxed, Bytes, Codec, CodecBorrowed, Heap, Int, Str, Vector,
};
use tl_types::{
    BareBorrowed, DecodeError, DecodeErrorKind, Deserializable, DeserializableBorrowed,
    EncodeError, Identifiable, Reader, Serializable, Walker,
};

/// `leaf#5e1f0001 = Node;`
#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {}

/// `wrap#5e1f0002 inner:Node = Node;`
#[derive(Debug, Clone, PartialEq)]
pub struct Wrap {
    pub inner: Box<Node>,
}

/// `list#5e1f0003 items:Vector<Node> = Node;`
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub items: Vec<Node>,
}

/// `item#5e1f0004 name:string value:int data:bytes = Node;`
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: String,
    pub value: i32,
    pub data: Vec<u8>,
}

/// `group#5e1f0005 items:vector<%item> flag:Bool = Node;`
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub items: Vec<Item>,
    pub flag: bool,
}

/// The boxed type `Node`.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Leaf(Leaf),
    Wrap(Wrap),
    List(List),
    Item(Item),
    Group(Group),
}

pub const LEAF_ID: u32 = 0x5e1f0001;
pub const WRAP_ID: u32 = 0x5e1f0002;
pub const LIST_ID: u32 = 0x5e1f0003;
pub const ITEM_ID: u32 = 0x5e1f0004;
pub const GROUP_ID: u32 = 0x5e1f0005;

impl Identifiable for Leaf {
    const CONSTRUCTOR_ID: u32 = LEAF_ID;
    const TL_NAME: &'static str = "leaf";
}
impl Identifiable for Wrap {
    const CONSTRUCTOR_ID: u32 = WRAP_ID;
    const TL_NAME: &'static str = "wrap";
}
impl Identifiable for List {
    const CONSTRUCTOR_ID: u32 = LIST_ID;
    const TL_NAME: &'static str = "list";
}
impl Identifiable for Item {
    const CONSTRUCTOR_ID: u32 = ITEM_ID;
    const TL_NAME: &'static str = "item";
}
impl Identifiable for Group {
    const CONSTRUCTOR_ID: u32 = GROUP_ID;
    const TL_NAME: &'static str = "group";
}

impl tl_types::Bare for Leaf {
    const MIN_BARE_LEN: usize = 0;
    fn walk_bare<W: Walker>(&self, _walker: &mut W) {}
    fn deserialize_bare(_reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Leaf {})
    }
}

impl tl_types::Bare for Wrap {
    const MIN_BARE_LEN: usize = <Heap<Boxed<Node>> as Codec>::MIN_LEN;
    fn walk_bare<W: Walker>(&self, walker: &mut W) {
        walker.field::<Heap<Boxed<Node>>>(&self.inner, "wrap", "inner");
    }
    fn deserialize_bare(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let inner = ::tl_types::__private::decode::<Heap<Boxed<Node>>>(reader, "wrap", "inner")?;
        Ok(Wrap { inner })
    }
}

impl tl_types::Bare for List {
    const MIN_BARE_LEN: usize = <Vector<Boxed<Node>> as Codec>::MIN_LEN;
    fn walk_bare<W: Walker>(&self, walker: &mut W) {
        walker.field::<Vector<Boxed<Node>>>(&self.items, "list", "items");
    }
    fn deserialize_bare(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let items = ::tl_types::__private::decode::<Vector<Boxed<Node>>>(reader, "list", "items")?;
        Ok(List { items })
    }
}

impl tl_types::Bare for Item {
    const MIN_BARE_LEN: usize =
        <Str as Codec>::MIN_LEN + <Int as Codec>::MIN_LEN + <Bytes as Codec>::MIN_LEN;
    fn walk_bare<W: Walker>(&self, walker: &mut W) {
        walker.field::<Str>(&self.name, "item", "name");
        walker.field::<Int>(&self.value, "item", "value");
        walker.field::<Bytes>(&self.data, "item", "data");
    }
    fn deserialize_bare(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let name = ::tl_types::__private::decode::<Str>(reader, "item", "name")?;
        let value = ::tl_types::__private::decode::<Int>(reader, "item", "value")?;
        let data = ::tl_types::__private::decode::<Bytes>(reader, "item", "data")?;
        Ok(Item { name, value, data })
    }
}

impl tl_types::Bare for Group {
    const MIN_BARE_LEN: usize =
        <BareVector<BareConstructor<Item>> as Codec>::MIN_LEN + <Bool as Codec>::MIN_LEN;
    fn walk_bare<W: Walker>(&self, walker: &mut W) {
        walker.field::<BareVector<BareConstructor<Item>>>(&self.items, "group", "items");
        walker.field::<Bool>(&self.flag, "group", "flag");
    }
    fn deserialize_bare(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let items = ::tl_types::__private::decode::<BareVector<BareConstructor<Item>>>(
            reader, "group", "items",
        )?;
        let flag = ::tl_types::__private::decode::<Bool>(reader, "group", "flag")?;
        Ok(Group { items, flag })
    }
}

// The borrowed decoders, written the way `Config::borrowed` generates them: the same fields through
// `decode_borrowed`, so the vectors, boxes and nesting of the borrowed codecs are exercised (these
// types own their strings, so `Str` and `Bytes` copy as before).

impl<'a> BareBorrowed<'a> for Leaf {
    fn deserialize_bare_borrowed(_reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        Ok(Leaf {})
    }
}

impl<'a> BareBorrowed<'a> for Wrap {
    fn deserialize_bare_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let inner =
            tl_types::__private::decode_borrowed::<Heap<Boxed<Node>>>(reader, "wrap", "inner")?;
        Ok(Wrap { inner })
    }
}

impl<'a> BareBorrowed<'a> for List {
    fn deserialize_bare_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let items =
            tl_types::__private::decode_borrowed::<Vector<Boxed<Node>>>(reader, "list", "items")?;
        Ok(List { items })
    }
}

impl<'a> BareBorrowed<'a> for Item {
    fn deserialize_bare_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let name = tl_types::__private::decode_borrowed::<Str>(reader, "item", "name")?;
        let value = tl_types::__private::decode_borrowed::<Int>(reader, "item", "value")?;
        let data = tl_types::__private::decode_borrowed::<Bytes>(reader, "item", "data")?;
        Ok(Item { name, value, data })
    }
}

impl<'a> BareBorrowed<'a> for Group {
    fn deserialize_bare_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let items = tl_types::__private::decode_borrowed::<BareVector<BareConstructor<Item>>>(
            reader, "group", "items",
        )?;
        let flag = tl_types::__private::decode_borrowed::<Bool>(reader, "group", "flag")?;
        Ok(Group { items, flag })
    }
}

impl<'a> DeserializableBorrowed<'a> for Node {
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let at = reader.position();
        let id = reader.read_u32()?;
        Ok(match id {
            LEAF_ID => Node::Leaf(Leaf::deserialize_bare_borrowed(reader)?),
            WRAP_ID => Node::Wrap(Wrap::deserialize_bare_borrowed(reader)?),
            LIST_ID => Node::List(List::deserialize_bare_borrowed(reader)?),
            ITEM_ID => Node::Item(Item::deserialize_bare_borrowed(reader)?),
            GROUP_ID => Node::Group(Group::deserialize_bare_borrowed(reader)?),
            _ => {
                return Err(DecodeError::new(
                    DecodeErrorKind::UnknownConstructor {
                        id,
                        expected: "Node".into(),
                    },
                    at,
                ));
            }
        })
    }
}

// The boxed form of each constructor struct (Serializable, Deserializable) comes from the
// runtime's blanket impls over `Identifiable + Bare`, as for generated structs.

impl Serializable for Node {
    fn serialize(&self, out: &mut Vec<u8>) {
        match self {
            Node::Leaf(x) => x.serialize(out),
            Node::Wrap(x) => x.serialize(out),
            Node::List(x) => x.serialize(out),
            Node::Item(x) => x.serialize(out),
            Node::Group(x) => x.serialize(out),
        }
    }
    fn serialized_len(&self) -> usize {
        match self {
            Node::Leaf(x) => x.serialized_len(),
            Node::Wrap(x) => x.serialized_len(),
            Node::List(x) => x.serialized_len(),
            Node::Item(x) => x.serialized_len(),
            Node::Group(x) => x.serialized_len(),
        }
    }
    fn check_limits(&self) -> Result<(), EncodeError> {
        match self {
            Node::Leaf(x) => x.check_limits(),
            Node::Wrap(x) => x.check_limits(),
            Node::List(x) => x.check_limits(),
            Node::Item(x) => x.check_limits(),
            Node::Group(x) => x.check_limits(),
        }
    }
}

impl Deserializable for Node {
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        use tl_types::Bare as _;
        let at = reader.position();
        let id = reader.read_u32()?;
        Ok(match id {
            LEAF_ID => Node::Leaf(Leaf::deserialize_bare(reader)?),
            WRAP_ID => Node::Wrap(Wrap::deserialize_bare(reader)?),
            LIST_ID => Node::List(List::deserialize_bare(reader)?),
            ITEM_ID => Node::Item(Item::deserialize_bare(reader)?),
            GROUP_ID => Node::Group(Group::deserialize_bare(reader)?),
            _ => {
                return Err(DecodeError::new(
                    DecodeErrorKind::UnknownConstructor {
                        id,
                        expected: "Node".into(),
                    },
                    at,
                ));
            }
        })
    }
}

/// `n` wraps around a leaf.
pub fn wraps(n: usize) -> Node {
    let mut node = Node::Leaf(Leaf {});
    for _ in 0..n {
        node = Node::Wrap(Wrap {
            inner: Box::new(node),
        });
    }
    node
}

/// Encodes `value` as `C`, checking that `encoded_len` is exact.
pub fn enc<C: Codec>(value: &C::Value) -> Vec<u8> {
    let mut out = Vec::new();
    C::encode(value, &mut out);
    assert_eq!(
        out.len(),
        C::encoded_len(value),
        "encoded_len disagrees with encode"
    );
    out
}

/// Decodes one `C` that must span all of `bytes`.
///
/// Decodes twice, with the owned and the borrowed decoder, and checks that both give the same
/// value or the same error (kind, offset and path): every test of the owned path is one of the
/// borrowed path too.
pub fn dec<C>(bytes: &[u8]) -> Result<C::Value, DecodeError>
where
    C: Codec + for<'a> CodecBorrowed<'a>,
    C::Value: PartialEq + std::fmt::Debug,
{
    let owned = {
        let mut reader = Reader::new(bytes);
        C::decode(&mut reader).and_then(|value| reader.finish().map(|()| value))
    };
    let borrowed = {
        let mut reader = Reader::new(bytes);
        C::decode_borrowed(&mut reader).and_then(|value| reader.finish().map(|()| value))
    };
    // Compared as text where `==` fails, so that a NaN equals itself.
    assert!(
        owned == borrowed || format!("{owned:?}") == format!("{borrowed:?}"),
        "the borrowed decoder disagrees on {:02x?}: {owned:?} / {borrowed:?}",
        &bytes[..bytes.len().min(32)]
    );
    owned
}

/// Decodes one `C` that must span all of `bytes` with the borrowed decoder only (its value may
/// borrow from `bytes`).
pub fn borrowed<'a, C: CodecBorrowed<'a>>(bytes: &'a [u8]) -> Result<C::Value, DecodeError> {
    let mut reader = Reader::new(bytes);
    let value = C::decode_borrowed(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// Decodes one `C` that must span all of `bytes` with the owned decoder only.
pub fn owned<C: Codec>(bytes: &[u8]) -> Result<C::Value, DecodeError> {
    let mut reader = Reader::new(bytes);
    let value = C::decode(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// True when `inner` lies within `outer` (a borrowed value points into its input).
pub fn within(inner: &[u8], outer: &[u8]) -> bool {
    let range = outer.as_ptr_range();
    range.contains(&inner.as_ptr()) && inner.as_ptr_range().end <= range.end
}

/// `Node::from_bytes`, checked against `Node::from_bytes_borrowed` as [`dec`] checks codecs.
pub fn node(bytes: &[u8]) -> Result<Node, DecodeError> {
    let owned = Node::from_bytes(bytes);
    assert_eq!(
        owned,
        Node::from_bytes_borrowed(bytes),
        "the borrowed decoder disagrees"
    );
    owned
}

/// Bytes from a hex string; spaces and underscores are ignored.
pub fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| b.is_ascii_hexdigit()).collect();
    assert_eq!(digits.len() % 2, 0, "odd number of hex digits in {s:?}");
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

/// Little-endian bytes of a u32.
pub fn le(x: u32) -> [u8; 4] {
    x.to_le_bytes()
}
