//! What TL cannot represent (a byte string over 16 MiB − 1, a vector over `u32::MAX` elements):
//! the checked path (`try_to_bytes`, `check_limits`) names the field and the length and writes
//! nothing; the infallible path (`to_bytes`, `serialize`) panics instead of writing other data than
//! the value holds. Values at the limit encode and decode whole. (The vector count limit is tested
//! in `codec.rs`: a slice of more than `u32::MAX` elements is too costly to build here.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use tl_types::codec::{Bytes, Codec, MAX_TL_BYTES_LEN, Str};
use tl_types::{EncodeErrorKind, PathSegment, Serializable, enums, types};

fn too_long(len: usize) -> EncodeErrorKind {
    EncodeErrorKind::ByteStringTooLong { len }
}

#[test]
fn byte_strings_at_the_limit_encode_whole() {
    assert_eq!(MAX_TL_BYTES_LEN, 0xff_ffff);
    let data = vec![0x5au8; MAX_TL_BYTES_LEN];
    assert!(Bytes::check_limits(&data).is_ok());
    let bytes = enc::<Bytes>(&data);
    // 4 + 0xffffff = 0x1000003 bytes, padded to 0x1000004.
    assert_eq!(bytes.len(), 0x100_0004);
    assert_eq!(bytes[..4], hex("feffffff"));
    assert_eq!(dec::<Bytes>(&bytes).unwrap(), data);

    let s = "b".repeat(MAX_TL_BYTES_LEN);
    assert!(Str::check_limits(&s).is_ok());
    assert_eq!(dec::<Str>(&enc::<Str>(&s)).unwrap(), s);
}

#[test]
fn one_byte_over_the_limit_is_an_error_with_the_length() {
    let data = vec![0u8; MAX_TL_BYTES_LEN + 1];
    let err = Bytes::check_limits(&data).unwrap_err();
    assert_eq!(err.kind(), &too_long(MAX_TL_BYTES_LEN + 1));
    assert_eq!(err.path().count(), 0);
    assert_eq!(
        err.to_string(),
        "cannot encode: a byte string of 16777216 bytes is longer than TL's limit of 16777215"
    );
    // A multi-byte character that crosses the limit is counted in bytes, not cut.
    let mut s = "a".repeat(MAX_TL_BYTES_LEN - 1);
    s.push('é');
    assert_eq!(
        Str::check_limits(&s).unwrap_err().kind(),
        &too_long(MAX_TL_BYTES_LEN + 1)
    );
    // A top-level String goes through the same check.
    assert_eq!(
        s.try_to_bytes().unwrap_err().kind(),
        &too_long(MAX_TL_BYTES_LEN + 1)
    );
    // Counting never panics: the length the value would take.
    assert_eq!(Str::encoded_len(&s), 4 + MAX_TL_BYTES_LEN + 1);
}

#[test]
#[should_panic(expected = "a byte string of 16777216 bytes is longer than TL's limit of 16777215")]
fn the_infallible_path_panics_on_an_oversized_byte_string() {
    let data = vec![0u8; MAX_TL_BYTES_LEN + 1];
    let mut out = Vec::new();
    Bytes::encode(&data, &mut out);
}

#[test]
#[should_panic(expected = "try_to_bytes")]
fn the_panic_points_to_the_checked_path() {
    let item = Node::Item(Item {
        name: "x".repeat(MAX_TL_BYTES_LEN + 1),
        value: 0,
        data: vec![],
    });
    let _ = item.to_bytes();
}

#[test]
fn errors_name_the_field_through_nested_values() {
    let node = Node::List(List {
        items: vec![
            Node::Leaf(Leaf {}),
            Node::Wrap(Wrap {
                inner: Box::new(Node::Group(Group {
                    items: vec![
                        Item {
                            name: "ok".into(),
                            value: 1,
                            data: vec![],
                        },
                        Item {
                            name: "ok".into(),
                            value: 2,
                            data: vec![7; MAX_TL_BYTES_LEN + 3],
                        },
                    ],
                    flag: true,
                })),
            }),
        ],
    });
    let err = node.try_to_bytes().unwrap_err();
    assert_eq!(err.kind(), &too_long(MAX_TL_BYTES_LEN + 3));
    assert_eq!(
        err.path_string(),
        "list.items[1].wrap.inner.group.items[1].item.data"
    );
    assert_eq!(
        err.path().next(),
        Some(&PathSegment::field("list", "items"))
    );
    assert_eq!(
        err.to_string(),
        "cannot encode list.items[1].wrap.inner.group.items[1].item.data: a byte string of \
         16777218 bytes is longer than TL's limit of 16777215"
    );
    // try_serialize appends nothing when the value does not fit.
    let mut out = vec![1, 2, 3];
    assert!(node.try_serialize(&mut out).is_err());
    assert_eq!(out, [1, 2, 3]);
}

#[test]
fn values_within_the_limits_take_the_same_bytes_on_both_paths() {
    let node = Node::Item(Item {
        name: "é".repeat(200),
        value: -1,
        data: vec![9; 1000],
    });
    assert_eq!(node.try_to_bytes().unwrap(), node.to_bytes());
    let mut out = vec![0xaa];
    node.try_serialize(&mut out).unwrap();
    assert_eq!(out[1..], node.to_bytes());
}

#[test]
fn generated_types_name_their_fields() {
    let response =
        enums::messages::ChatInviteImporters::from(types::messages::ChatInviteImporters {
            count: 1,
            importers: vec![
                types::ChatInviteImporter {
                    requested: true,
                    via_chatlist: false,
                    user_id: 1,
                    date: 2,
                    about: Some("ok".into()),
                    approved_by: None,
                }
                .into(),
                types::ChatInviteImporter {
                    requested: true,
                    via_chatlist: false,
                    user_id: 1,
                    date: 2,
                    about: Some("a".repeat(MAX_TL_BYTES_LEN + 1)),
                    approved_by: None,
                }
                .into(),
            ],
            users: vec![],
        });
    let err = response.try_to_bytes().unwrap_err();
    assert_eq!(
        err.path_string(),
        "messages.chatInviteImporters.importers[1].chatInviteImporter.about"
    );
    assert_eq!(err.kind(), &too_long(MAX_TL_BYTES_LEN + 1));
}
