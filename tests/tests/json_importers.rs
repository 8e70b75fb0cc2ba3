//! The JSON form (docs/TL-JSON.md) of the shipped types and of the fixture schemas' types, checked
//! against JSON text written by hand from the spec (never produced by the library's writer): every
//! value writes exactly the expected text and reads back equal, with the same bytes; bad JSON gives
//! an error naming the type, the field and the path; hostile JSON is bounded.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Debug;

use common::blank_user;
use tl_tests::fixtures::{primitives, recursion, shared_bits, tdlib_docs};
use tl_types::__private::json::serde::{Serialize, de::DeserializeOwned};
use tl_types::codec::{Fixed, NULL_ID};
use tl_types::json::{self, De, JsonErrorKind};
use tl_types::{Deserializable, Serializable, enums, functions, types};

/// `value` writes `expected` (compact, keys in schema order), and `expected` reads back as `value`
/// with the same bytes.
fn check<T>(value: &T, expected: &str)
where
    T: Serialize + DeserializeOwned + Serializable + Deserializable + PartialEq + Debug,
{
    let text = json::to_string(value).unwrap();
    assert_eq!(text, expected, "JSON of {value:?}");
    let back: T = json::from_str(expected).unwrap();
    assert_eq!(&back, value, "reading {expected}");
    assert_eq!(
        back.to_bytes(),
        value.to_bytes(),
        "bytes after reading {expected}"
    );
}

/// Reads `text` as `T`, expecting an error at `path` whose message contains `message`.
fn fails<T: DeserializeOwned + Debug>(text: &str, path: &str, message: &str) {
    let err = json::from_str::<T>(text).expect_err(text);
    assert_eq!(err.path(), path, "path of the error for {text}: {err}");
    assert!(
        err.message().contains(message),
        "the error for {text} should say {message:?}: {err}"
    );
}

fn request() -> functions::messages::GetChatInviteImporters {
    functions::messages::GetChatInviteImporters {
        requested: true,
        subscription_expired: false,
        peer: types::InputPeerSelf {}.into(),
        link: None,
        q: Some("bob".into()),
        offset_date: 0,
        offset_user: types::InputUserEmpty {}.into(),
        limit: 50,
    }
}

#[test]
fn the_spec_example_reads_and_writes() {
    // docs/TL-JSON.md, "Example", as written there (spaces and line breaks included).
    let spec = r#"{"@type": "messages.getChatInviteImporters", "requested": true,
 "peer": {"@type": "inputPeerSelf"}, "q": "bob", "offset_date": 0,
 "offset_user": {"@type": "inputUserEmpty"}, "limit": 50}"#;
    let read: functions::messages::GetChatInviteImporters = json::from_str(spec).unwrap();
    assert_eq!(read, request());
    check(
        &request(),
        r#"{"@type":"messages.getChatInviteImporters","requested":true,"peer":{"@type":"inputPeerSelf"},"q":"bob","offset_date":0,"offset_user":{"@type":"inputUserEmpty"},"limit":50}"#,
    );
}

fn response() -> enums::messages::ChatInviteImporters {
    let mut user = blank_user(8);
    user.access_hash = Some(-2);
    user.username = Some("bob".into());
    user.photo = Some(
        types::UserProfilePhoto {
            has_video: false,
            personal: false,
            photo_id: 5,
            stripped_thumb: Some(vec![1, 2, 3]),
            dc_id: 2,
        }
        .into(),
    );
    types::messages::ChatInviteImporters {
        count: 2,
        importers: vec![
            types::ChatInviteImporter {
                requested: true,
                via_chatlist: false,
                user_id: 7,
                date: 1_700_000_000,
                about: Some("hi".into()),
                approved_by: None,
            }
            .into(),
            types::ChatInviteImporter {
                requested: false,
                via_chatlist: false,
                user_id: -1,
                date: 0,
                about: None,
                approved_by: Some(9_007_199_254_740_993),
            }
            .into(),
        ],
        users: vec![types::UserEmpty { id: 7 }.into(), user.into()],
    }
    .into()
}

/// The response in TDLib's conventions: `long` as decimal strings (2^53 + 1 keeps its last digit),
/// bytes as base64 (`01 02 03` is `AQID`), flags words never written, unset `?true` fields and
/// absent optional fields left out.
const RESPONSE: &str = concat!(
    r#"{"@type":"messages.chatInviteImporters","count":2,"importers":["#,
    r#"{"@type":"chatInviteImporter","requested":true,"user_id":"7","date":1700000000,"about":"hi"},"#,
    r#"{"@type":"chatInviteImporter","user_id":"-1","date":0,"approved_by":"9007199254740993"}],"#,
    r#""users":[{"@type":"userEmpty","id":"7"},"#,
    r#"{"@type":"user","id":"8","access_hash":"-2","username":"bob","#,
    r#""photo":{"@type":"userProfilePhoto","photo_id":"5","stripped_thumb":"AQID","dc_id":2}}]}"#,
);

#[test]
fn a_response_in_tdlib_conventions() {
    check(&response(), RESPONSE);
}

#[test]
fn reading_is_lenient_where_the_spec_says() {
    // `long` as a JSON integer; unknown members (TDLib's `@extra`, `@client_id`, a flags word)
    // ignored; `null` and `false` for absent fields; `"@type"` after other members.
    let text = r#"{"@extra": {"id": [1, 2]}, "users": [{"id": 7, "@type": "userEmpty"}],
        "@type": "messages.chatInviteImporters", "flags": 99, "count": 0,
        "importers": [{"@type": "chatInviteImporter", "requested": false, "user_id": 3,
                       "date": 1, "about": null, "@client_id": 1}]}"#;
    let read: enums::messages::ChatInviteImporters = json::from_str(text).unwrap();
    let expected: enums::messages::ChatInviteImporters = types::messages::ChatInviteImporters {
        count: 0,
        importers: vec![
            types::ChatInviteImporter {
                requested: false,
                via_chatlist: false,
                user_id: 3,
                date: 1,
                about: None,
                approved_by: None,
            }
            .into(),
        ],
        users: vec![types::UserEmpty { id: 7 }.into()],
    }
    .into();
    assert_eq!(read, expected);
    let extra = json::extra(r#"{"@type":"ok","@extra":{"id":[1,2]},"@client_id":3}"#).unwrap();
    assert_eq!(extra.client_id, Some(3));
    assert_eq!(extra.extra.unwrap().to_string(), r#"{"id":[1,2]}"#);
    assert_eq!(
        json::type_name(RESPONSE).unwrap(),
        "messages.chatInviteImporters"
    );
}

#[test]
fn errors_name_the_type_the_field_and_the_path() {
    fails::<enums::User>(
        r#"{"@type":"chatInviteImporter","user_id":"1"}"#,
        "",
        "\"@type\" `chatInviteImporter` is not a constructor of `User` (userEmpty, user)",
    );
    fails::<enums::User>(r#"{"id":"1"}"#, "", "missing \"@type\"");
    fails::<types::UserEmpty>(
        r#"{"@type":"user","id":"1"}"#,
        "@type",
        "\"@type\" is `user` where a `userEmpty` was expected",
    );
    fails::<enums::User>(
        r#"{"@type":"userEmpty"}"#,
        "",
        "missing field `id` of `userEmpty`",
    );
    fails::<enums::User>(
        r#"{"@type":"userEmpty","id":true}"#,
        "id",
        "invalid type: boolean `true`, expected a `long`",
    );
    fails::<enums::User>(
        r#"{"@type":"userEmpty","id":"9223372036854775808"}"#,
        "id",
        "9223372036854775808 is out of range for a `long`",
    );
    fails::<enums::User>(
        r#"{"@type":"userEmpty","id":18446744073709551615}"#,
        "id",
        "out of range",
    );
    fails::<enums::User>(
        r#"{"@type":"userEmpty","id":"12a"}"#,
        "id",
        "invalid value: string \"12a\"",
    );
    fails::<types::ChatInviteImporter>(
        r#"{"@type":"chatInviteImporter","user_id":"1","date":4294967296}"#,
        "date",
        "4294967296 is out of range for an `int`",
    );
    fails::<types::ChatInviteImporter>(
        r#"{"@type":"chatInviteImporter","user_id":"1","user_id":"2","date":1}"#,
        "",
        "duplicate field `user_id` of `chatInviteImporter`",
    );
    // Deep inside: the path has the vector index and every field on the way.
    let bad_base64 = RESPONSE.replace("AQID", "AQ!D");
    fails::<enums::messages::ChatInviteImporters>(
        &bad_base64,
        "users[1].photo.stripped_thumb",
        "invalid base64 for `bytes` as base64",
    );
    let bad_name = RESPONSE.replace(r#""username":"bob""#, r#""username":5"#);
    fails::<enums::messages::ChatInviteImporters>(
        &bad_name,
        "users[1].username",
        "invalid type: integer `5`, expected a string",
    );
    // int128 / int256: the base64 must hold exactly the type's bytes.
    fails::<De<Fixed<16>>>(
        r#""AAAAAAAAAAAAAAAAAAAA""#,
        "",
        "an `int128` is 16 bytes, the base64 holds 15",
    );
    let err = json::from_str::<enums::User>(r#"{"@type":"userEmpty","id":"1"} x"#).unwrap_err();
    assert_eq!(err.kind(), JsonErrorKind::Syntax, "{err}");
    assert_eq!((err.line(), err.column()), (1, 32), "{err}");
}

#[test]
fn hostile_json_is_bounded() {
    // A member nobody reads is skipped without recursion, however deep.
    let deep_unknown = format!(
        r#"{{"@type":"userEmpty","id":"1","@extra":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let read = json::from_str::<enums::User>(&deep_unknown).unwrap();
    assert_eq!(read, types::UserEmpty { id: 1 }.into());
    // Values nested deeper than the parser's recursion limit (128): an error, not a stack
    // overflow.
    let deep_value = format!(
        "{}{}{}",
        r#"{"@type":"textBold","text":"#.repeat(100_000),
        r#"{"@type":"textPlain","text":"x"}"#,
        "}".repeat(100_000)
    );
    let err = json::from_str::<recursion::enums::RichText>(&deep_value).unwrap_err();
    assert!(err.message().contains("recursion limit exceeded"), "{err}");
    // Just inside the limit, the value reads (one JSON level per TL level).
    let nested = format!(
        "{}{}{}",
        r#"{"@type":"textBold","text":"#.repeat(100),
        r#"{"@type":"textPlain","text":"x"}"#,
        "}".repeat(100)
    );
    let mut value: recursion::enums::RichText = json::from_str(&nested).unwrap();
    let mut depth = 0;
    while let recursion::enums::RichText::TextBold(bold) = value {
        value = bold.text;
        depth += 1;
    }
    assert_eq!(depth, 100);
    // A huge array fails at its first bad element, before anything is built for the rest.
    let huge = format!(
        r#"{{"@type":"messages.chatInviteImporters","count":0,"importers":[{}0],"users":[]}}"#,
        "0,".repeat(1_000_000)
    );
    fails::<enums::messages::ChatInviteImporters>(
        &huge,
        "importers[0]",
        "invalid type: integer `0`, expected a `ChatInviteImporter` object",
    );
}

#[test]
fn shared_bits_in_json() {
    use shared_bits::types::{
        Authorization, AuthorizationUnconfirmed, BotUser, Poll, PollSolution,
    };
    // A `?true` field tied to a data field is written when that field is present.
    check(
        &BotUser {
            id: 1,
            bot_info_version: Some(7),
        },
        r#"{"@type":"botUser","bot":true,"id":"1","bot_info_version":7}"#,
    );
    check(
        &BotUser {
            id: 1,
            bot_info_version: None,
        },
        r#"{"@type":"botUser","id":"1"}"#,
    );
    fails::<BotUser>(
        r#"{"@type":"botUser","bot":true,"id":"1"}"#,
        "",
        "`bot` of `botUser` is true, but `bot_info_version`, on the same flag bit, is absent",
    );
    // Several data fields on one bit: one group, all or nothing.
    check(
        &Poll {
            solution: Some(PollSolution {
                solution: "s".into(),
                solution_len: 1,
            }),
        },
        r#"{"@type":"poll","solution":"s","solution_len":1}"#,
    );
    check(&Poll { solution: None }, r#"{"@type":"poll"}"#);
    fails::<Poll>(
        r#"{"@type":"poll","solution":"s"}"#,
        "",
        "the fields `solution`, `solution_len` of `poll` share one flag bit",
    );
    check(
        &Authorization {
            unconfirmed: Some(AuthorizationUnconfirmed {
                date: 2,
                device: "d".into(),
            }),
            hash: 3,
        },
        r#"{"@type":"authorization","unconfirmed":true,"date":2,"device":"d","hash":"3"}"#,
    );
}

#[test]
fn primitives_in_json() {
    let mut value = primitives::types::Everything {
        i: -1,
        l: i64::MIN,
        d: 0.5,
        s: "é\"".into(),
        b: vec![0xff; 4],
        n: [0; 16],
        h: [0xab; 32],
        ok: false,
        count: u32::MAX,
    };
    check(
        &value,
        concat!(
            r#"{"@type":"everything","i":-1,"l":"-9223372036854775808","d":0.5,"s":"é\"","#,
            r#""b":"/////w==","n":"AAAAAAAAAAAAAAAAAAAAAA==","#,
            r#""h":"q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=","ok":false,"count":4294967295}"#
        ),
    );
    for (d, text) in [
        (f64::INFINITY, r#""Infinity""#),
        (f64::NEG_INFINITY, r#""-Infinity""#),
        (f64::NAN, r#""NaN""#),
    ] {
        value.d = d;
        let written = json::to_string(&value).unwrap();
        assert!(written.contains(&format!(r#""d":{text}"#)), "{written}");
        let back: primitives::types::Everything = json::from_str(&written).unwrap();
        assert_eq!(back.to_bytes(), value.to_bytes(), "{written}");
    }
}

#[test]
fn tdlib_nullable_objects_and_int53() {
    use tdlib_docs::enums::AuthorizationState;
    use tdlib_docs::types::{AuthorizationStateReady, ProfilePhoto};
    let ready: AuthorizationState = AuthorizationStateReady {}.into();
    let photo = ProfilePhoto {
        id: 1 << 60,
        size: 9_007_199_254_740_991,
        small: None,
        big: ready.clone(),
        minithumbnail: Some(ready),
    };
    // `int53` is a number, `int64` a string; a null object is left out.
    check(
        &photo,
        concat!(
            r#"{"@type":"profilePhoto","id":"1152921504606846976","size":9007199254740991,"#,
            r#""big":{"@type":"authorizationStateReady"},"#,
            r#""minithumbnail":{"@type":"authorizationStateReady"}}"#
        ),
    );
    let with_null: ProfilePhoto = json::from_str(
        r#"{"@type":"profilePhoto","id":"1","size":2,"small":null,"big":{"@type":"authorizationStateReady"}}"#,
    )
    .unwrap();
    assert_eq!((with_null.small, with_null.minithumbnail), (None, None));
    // In binary, a null object is TL's `null#56730bcc`.
    let bytes = photo.to_bytes();
    let null_at = 4 + 8 + 8;
    assert_eq!(&bytes[null_at..null_at + 4], &NULL_ID.to_le_bytes());
    assert_eq!(NULL_ID.to_le_bytes(), [0xcc, 0x0b, 0x73, 0x56]);
    fails::<ProfilePhoto>(
        r#"{"@type":"profilePhoto","id":"1","size":2}"#,
        "",
        "missing field `big` of `profilePhoto`",
    );
}

#[test]
fn every_shipped_type_round_trips_through_json() {
    let mut checks = tl_types::sample::JsonRoundTrips::new(16);
    tl_types::visit_json_samples(&mut checks);
    assert!(checks.failures.is_empty(), "{}", checks.failures.join("\n"));
    let mut binary = tl_types::sample::RoundTrips::new(0);
    tl_types::visit_samples(&mut binary);
    assert_eq!(checks.types, binary.types);
    assert!(checks.types > 30, "{} types", checks.types);
}
