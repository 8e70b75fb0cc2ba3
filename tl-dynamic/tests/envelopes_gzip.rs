//! What only a decoder of any schema does: `gzip_packed` unpacked wherever a boxed value stands (a
//! packed response decodes equal to the plain one, typed and dynamic; a bomb is refused within the
//! limit), `msg_container` messages whose body is unknown kept raw while the others decode, unknown
//! ids elsewhere named with the expected type, the path and `tlgen explain`; and the JSON reader's
//! leniencies and errors, the text form, the depth option.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_dynamic::{Codec, DecodeErrorKind, Options, Value};
use tl_types::{Deserializable as _, Serializable as _, enums, gzip, types};

fn schema() -> tl_parser::Schema {
    let (_, parsed) =
        tl_parser::parse_str("importers.tl", include_str!("../../schema/importers.tl"));
    parsed.into_result().unwrap()
}

fn response() -> enums::messages::ChatInviteImporters {
    let user = |id: i64| -> enums::User { types::UserEmpty { id }.into() };
    types::messages::ChatInviteImporters {
        count: 2,
        importers: vec![
            types::ChatInviteImporter {
                requested: true,
                via_chatlist: false,
                user_id: 42,
                date: 1_700_000_000,
                about: Some("let me in ".repeat(30)),
                approved_by: Some(7),
            }
            .into(),
        ],
        users: vec![user(42), user(43)],
    }
    .into()
}

fn le(word: u32) -> [u8; 4] {
    word.to_le_bytes()
}

#[test]
fn a_packed_response_decodes_equal_to_the_plain_one_typed_and_dynamic() {
    let schema = schema();
    let codec = Codec::new(&schema);
    let value = response();
    let plain = value.to_bytes();
    let packed = gzip::pack(&plain).unwrap();
    let target = codec.target("messages.ChatInviteImporters").unwrap();
    let dynamic_plain = codec.decode_as(&target, &plain).unwrap();
    let dynamic_packed = codec.decode_as(&target, &packed).unwrap();
    assert_eq!(dynamic_packed, dynamic_plain);
    assert_eq!(codec.decode(&packed).unwrap(), dynamic_plain);
    let typed: enums::messages::ChatInviteImporters = gzip::unpacked(&packed).unwrap();
    assert_eq!(typed, value);
    assert_eq!(
        dynamic_packed.to_json(),
        tl_types::json::to_string(&typed).unwrap()
    );
    // Packed in a field's place too (here users[1]); encoding writes it unpacked.
    let user = enums::User::from(types::UserEmpty { id: 43 }).to_bytes();
    let at = plain.len() - user.len();
    let nested = [&plain[..at], &gzip::pack(&user).unwrap()[..]].concat();
    let tree = codec.decode_as(&target, &nested).unwrap();
    assert_eq!(tree, dynamic_plain);
    assert_eq!(codec.encode_as(&target, &tree).unwrap(), plain);
    // Refused, as by the generated decoder, when gzip is off.
    let strict = Codec::with_options(&schema, Options::default().with_max_unpacked(None));
    let err = strict.decode_as(&target, &nested).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::UnknownConstructor { id: 0x3072cfa1, expected } if expected == "User"),
        "{err}"
    );
    assert_eq!(err.path_string(), "messages.chatInviteImporters.users[1]");
    assert_eq!(err.offset(), at);
}

#[test]
fn a_bomb_is_refused_within_the_limit() {
    let schema = schema();
    // 15 MiB of zero bytes in a string: some 15 KiB packed.
    let huge = types::RestrictionReason {
        platform: "\0".repeat(15 * 1024 * 1024),
        reason: String::new(),
        text: String::new(),
    };
    let packed = gzip::pack(&huge.to_bytes()).unwrap();
    assert!(packed.len() < 100_000);
    let codec = Codec::with_options(&schema, Options::default().with_max_unpacked(Some(1 << 20)));
    let err = codec.decode(&packed).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnpackedTooLarge { limit: 1 << 20 }
    );
    assert_eq!(
        (err.offset(), err.path_string().as_str()),
        (4, "gzip_packed.packed_data")
    );
    // The default limit (16 MiB) holds it.
    let codec = Codec::new(&schema);
    let tree = codec.decode(&packed).unwrap();
    assert_eq!(tree.to_json(), tl_types::json::to_string(&huge).unwrap());
    // The limit is for the whole input: two packed values of 600 KiB each pass 1 MiB together.
    let half = types::RestrictionReason {
        platform: "x".repeat(600 * 1024),
        reason: String::new(),
        text: String::new(),
    };
    let one = gzip::pack(&enums::RestrictionReason::from(half).to_bytes()).unwrap();
    let vector = [&le(0x1cb5c415)[..], &le(2), &one, &one].concat();
    let codec = Codec::with_options(&schema, Options::default().with_max_unpacked(Some(1 << 20)));
    let target = codec.target("Vector<RestrictionReason>").unwrap();
    let err = codec.decode_as(&target, &vector).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnpackedTooLarge { limit: 1 << 20 }
    );
    assert_eq!(err.path_string(), "[1].gzip_packed.packed_data");
    assert!(codec.decode_as(&target, &vector[..8 + one.len()]).is_err()); // count 2, one element
    // Corrupt data.
    let bad = [&le(0x3072cfa1)[..], &[4, 1, 2, 3, 4, 0, 0, 0]].concat();
    assert_eq!(
        codec.decode(&bad).unwrap_err().kind(),
        &DecodeErrorKind::BadGzip
    );
    // An error inside packed data: its offset there, and where the gzip_packed was.
    let user = gzip::pack(&[&le(0xd3bc4b7a)[..], &[1, 2, 3]].concat()).unwrap();
    let err = codec.decode(&user).unwrap_err();
    assert_eq!(err.offset(), 4);
    assert_eq!(err.packed_at().collect::<Vec<_>>(), vec![0]);
    assert_eq!(
        err.to_string(),
        "failed to decode gzip_packed.packed_data.userEmpty.id at byte 4 of the data unpacked \
         from the gzip_packed at byte 0: unexpected end of input: needed 8 bytes, 3 left"
    );
}

/// `message msg_id seqno bytes body`.
fn message(msg_id: i64, seqno: i32, body: &[u8]) -> Vec<u8> {
    let len = i32::try_from(body.len()).unwrap();
    [
        &msg_id.to_le_bytes()[..],
        &seqno.to_le_bytes(),
        &len.to_le_bytes(),
        body,
    ]
    .concat()
}

#[test]
fn a_container_keeps_the_messages_it_cannot_read() {
    let schema = schema();
    let codec = Codec::new(&schema);
    let user = enums::User::from(types::UserEmpty { id: 5 }).to_bytes();
    let unknown = [&le(0x0badf00d)[..], &[9; 8]].concat();
    let packed = gzip::pack(&response().to_bytes()).unwrap();
    let rpc_result = [&le(0xf35c6d01)[..], &77i64.to_le_bytes(), &packed].concat();
    let container = [
        &le(0x73f1f8dc)[..],
        &le(3),
        &message(1, 1, &user),
        &message(2, 3, &unknown),
        &message(3, 5, &rpc_result),
    ]
    .concat();
    let tree = codec.decode(&container).unwrap();
    let json = tree.to_json();
    assert!(json.starts_with(r#"{"@type":"msg_container","messages":[{"@type":"message","msg_id":"1","seqno":1,"bytes":12,"body":{"@type":"userEmpty","id":"5"}},"#), "{json}");
    assert!(json.contains(r#"{"@type":"message","msg_id":"2","seqno":3,"bytes":12,"body":{"@type":"@unknown","id":"0x0badf00d","data":"CQkJCQkJCQk="}}"#), "{json}");
    let typed = tl_types::json::to_string(&response()).unwrap();
    assert!(
        json.contains(&format!(
            r#""body":{{"@type":"rpc_result","req_msg_id":"77","result":{typed}}}"#
        )),
        "{json}"
    );
    // Encoding writes the result unpacked, and each `bytes` from its body.
    let again = codec.encode(&tree).unwrap();
    let plain = [
        &le(0xf35c6d01)[..],
        &77i64.to_le_bytes(),
        &response().to_bytes(),
    ]
    .concat();
    let expected = [
        &le(0x73f1f8dc)[..],
        &le(3),
        &message(1, 1, &user),
        &message(2, 3, &unknown),
        &message(3, 5, &plain),
    ]
    .concat();
    assert_eq!(again, expected);
    assert_eq!(
        codec.from_json(&tl_dynamic::Target::any(), &json).unwrap(),
        tree
    );
    let text = tree.to_string();
    assert!(text.contains("    [1] message#00000000\n      msg_id: 2\n      seqno: 3\n      bytes: 12\n      body: unknown#0badf00d bytes[8] 0909090909090909\n"), "{text}");

    // A body that lies about its length, or leaves bytes unread.
    let short = [&le(0x73f1f8dc)[..], &le(1), &message(1, 1, &user)[..16]].concat();
    let err = codec.decode(&[&short[..], &[0; 4]].concat()).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            DecodeErrorKind::UnexpectedEof {
                needed: 12,
                remaining: 4
            }
        ),
        "{err}"
    );
    assert_eq!(err.path_string(), "msg_container.messages[0].message.body");
    let mut odd = message(1, 1, &[&user[..], &[0; 4]].concat());
    let err = codec
        .decode(&[&le(0x73f1f8dc)[..], &le(1), &odd].concat())
        .unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::TrailingBytes { count: 4 });
    assert_eq!(
        (err.offset(), err.path_string().as_str()),
        (8 + 16 + 12, "msg_container.messages[0].message.body")
    );
    odd[12..16].copy_from_slice(&(-4i32).to_le_bytes());
    let err = codec
        .decode(&[&le(0x73f1f8dc)[..], &le(1), &odd].concat())
        .unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::BadBodyLength { bytes: -4 });
    assert_eq!(err.path_string(), "msg_container.messages[0].message.bytes");
}

#[test]
fn an_unknown_id_elsewhere_is_an_error_naming_it() {
    let schema = schema();
    let codec = Codec::new(&schema);
    let mut bytes = response().to_bytes();
    let users = bytes.len() - 2 * 12;
    bytes[users..users + 4].copy_from_slice(&le(0xdeadbeef));
    let err = codec.decode(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "failed to decode messages.chatInviteImporters.users[0] at byte {users}: unknown \
             constructor id 0xdeadbeef for type User (`tlgen explain 0xdeadbeef` tells which \
             layer has it)"
        )
    );
    let err = codec.decode(&le(0xdeadbeef)).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: 0xdeadbeef,
            expected: "Object".into()
        }
    );
}

#[test]
fn the_depth_limit_is_an_option() {
    let schema = schema();
    // inputPeerUserFromMessage nests an InputPeer: n of them around inputPeerSelf.
    let nested = |n: usize| {
        let mut bytes = Vec::new();
        for _ in 0..n {
            bytes.extend(le(0xa87b0a1c));
        }
        bytes.extend(le(0x7da07ec9));
        for _ in 0..n {
            bytes.extend([0; 4]);
            bytes.extend([0; 8]);
        }
        bytes
    };
    let codec = Codec::with_options(&schema, Options::default().with_max_depth(3));
    let target = codec.target("InputPeer").unwrap();
    assert!(codec.decode_as(&target, &nested(3)).is_ok());
    let err = codec.decode_as(&target, &nested(4)).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::DepthExceeded { limit: 3 });
    assert_eq!(err.offset(), 16);
    let four = nested(4);
    let mut typed = tl_types::Reader::new(&four).with_max_depth(3);
    let typed_err =
        <enums::InputPeer as tl_types::Deserializable>::deserialize(&mut typed).unwrap_err();
    assert_eq!(
        (typed_err.offset(), typed_err.path_string()),
        (err.offset(), err.path_string())
    );
    assert_eq!(
        enums::InputPeer::from_bytes(&nested(64)).is_ok(),
        Codec::new(&schema).decode_as(&target, &nested(64)).is_ok()
    );
}

#[test]
fn json_leniencies_and_errors_as_generated_code() {
    let schema = schema();
    let codec = Codec::new(&schema);
    let user = codec.target("User").unwrap();
    let read = |text: &str| codec.from_json(&user, text);
    // `"@type"` later in the object, a `long` as a number, unknown members, `null` optional fields.
    let tree = read(r#"{"@extra":1,"id":5,"first_name":null,"@type":"user","bot":false}"#).unwrap();
    assert_eq!(tree.to_json(), r#"{"@type":"user","id":"5"}"#);
    let errors = [
        (
            r#"{"@type":"userEmpty"}"#,
            "missing field `id` of `userEmpty` (line 1, column 21)",
        ),
        (
            r#"{"@type":"nope","id":1}"#,
            "\"@type\" `nope` is not a constructor of `User` (userEmpty, user) (line 1, column 15)",
        ),
        (
            r#"{"id":"1"}"#,
            "missing \"@type\": a `User` object must say which constructor it holds (line 1, column 10)",
        ),
        (
            r#"{"@type":"userEmpty","id":"1x"}"#,
            "at `id`: invalid value: string \"1x\", expected a `long` (a decimal string or an integer) (line 1, column 30)",
        ),
        (
            r#"{"@type":"userEmpty","id":1,"id":2}"#,
            "duplicate field `id` of `userEmpty` (line 1, column 32)",
        ),
        (
            r#"{"@type":"user","id":1,"bot":true}"#,
            "`bot` of `user` is true, but `bot_info_version`, on the same flag bit, is absent (line 1, column 34)",
        ),
        (
            r#"{"@type":"user","id":1,"photo":{"@type":"userProfilePhoto","photo_id":1,"dc_id":2,"stripped_thumb":"!"}}"#,
            "at `photo.stripped_thumb`: invalid base64 for `bytes` as base64: Invalid symbol 33, offset 0. (line 1, column 102)",
        ),
    ];
    for (text, message) in errors {
        let err = read(text).unwrap_err();
        assert_eq!(err.to_string(), message, "{text}");
        // The generated reader says the same, at the same member (its column may differ by one).
        let typed = tl_types::json::from_str::<enums::User>(text).unwrap_err();
        assert_eq!(
            (typed.message(), typed.path()),
            (err.message(), err.path()),
            "{text}"
        );
    }
    // Hand-made trees are checked when encoding.
    let empty = codec.definition("userEmpty").unwrap();
    let mut object = tl_dynamic::Object::new(empty);
    assert!(codec.encode(&Value::Object(object.clone())).is_err());
    object.set("id", Value::Int(5)).unwrap();
    let err = codec.encode(&Value::Object(object.clone())).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot encode userEmpty.id: expected a value of type long, found int"
    );
    object.set("id", Value::Long(5)).unwrap();
    assert_eq!(
        codec.encode(&Value::Object(object)).unwrap(),
        [&le(0xd3bc4b7a)[..], &5i64.to_le_bytes()].concat()
    );
}

#[test]
fn shared_ids_are_tried_in_turn_where_anything_boxed_may_stand() {
    // api-L228's invokeWithApnsSecretPrefix repeats the id of invokeWithApnsSecret (0x0dae54f8),
    // without its `query`: as the `!X` of invokeWithLayer, the verified function is tried first and
    // the prefix constructor when that does not decode.
    let text = include_str!("../../schema/corpus/telegram/api-L228.tl");
    let (_, parsed) = tl_parser::parse_str("api-L228.tl", text);
    let schema = parsed.into_result().unwrap();
    let codec = Codec::new(&schema);
    let string = |s: &str| {
        [
            &[s.len() as u8][..],
            s.as_bytes(),
            &[0; 3][..(4 - (s.len() + 1) % 4) % 4],
        ]
        .concat()
    };
    let prefix = [&le(0x0dae54f8)[..], &string("n"), &string("s")].concat();
    let bytes = [&le(0xda9b0d0d)[..], &228i32.to_le_bytes(), &prefix].concat();
    let tree = codec.decode(&bytes).unwrap();
    assert_eq!(
        tree.to_json(),
        r#"{"@type":"invokeWithLayer","layer":228,"query":{"@type":"invokeWithApnsSecretPrefix","nonce":"n","secret":"s"}}"#
    );
    assert_eq!(codec.encode(&tree).unwrap(), bytes);
    // The whole function, as a client sends it, is read as the function.
    let full = [&prefix[..], &le(0xc4f9186b)[..]].concat(); // help.getConfig
    let tree = codec.decode(&full).unwrap();
    assert_eq!(
        tree.to_json(),
        r#"{"@type":"invokeWithApnsSecret","nonce":"n","secret":"s","query":{"@type":"help.getConfig"}}"#
    );
}
