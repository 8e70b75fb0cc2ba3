//! Byte vectors for `messages.getChatInviteImporters` and its result `messages.ChatInviteImporters`,
//! worked out by hand from the TL binary rules (never produced by the library's encoder): every
//! value encodes to exactly the expected bytes, `serialized_len` is their length, they decode back to
//! an equal value, and one trailing byte makes `from_bytes` fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Debug;

use common::{Wire, blank_user, hex, ids, le_long, tl_string};
use tl_types::{
    DecodeErrorKind, Deserializable, Identifiable, RemoteCall, Serializable, enums, functions,
    types,
};

/// Encodes `value` (checking `to_bytes`, `serialize` into a non-empty buffer and `serialized_len`
/// against `expected`), decodes `expected` back to an equal value, and checks that one extra byte is
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

    let mut appended = vec![0xee, 0xdd];
    value.serialize(&mut appended);
    assert_eq!(&appended[..2], &[0xee, 0xdd], "serialize must append");
    assert_eq!(&appended[2..], expected, "serialize appends the same bytes");

    let decoded =
        T::from_bytes(expected).unwrap_or_else(|e| panic!("decoding {expected:02x?} failed: {e}"));
    assert_eq!(&decoded, value, "decoding of {expected:02x?}");

    let mut longer = expected.to_vec();
    longer.push(0);
    let err = T::from_bytes(&longer).expect_err("one trailing byte must be rejected");
    assert_eq!(err.kind(), &DecodeErrorKind::TrailingBytes { count: 1 });
    assert_eq!(err.offset(), expected.len());
}

// =============================================================================================
// InputPeer and InputUser

/// Every `InputPeer` constructor, nested ones included, with its bytes.
fn peers() -> Vec<(enums::InputPeer, Vec<u8>)> {
    vec![
        (types::InputPeerEmpty {}.into(), hex("ea183b7f")),
        (types::InputPeerSelf {}.into(), hex("c97ea07d")),
        (
            types::InputPeerChat {
                chat_id: 0x0102030405060708,
            }
            .into(),
            hex("b95ca935 | 0807060504030201"),
        ),
        (
            types::InputPeerUser {
                user_id: 777000,
                access_hash: -2,
            }
            .into(),
            hex("4ca5e8dd | 28db0b0000000000 | feffffffffffffff"),
        ),
        (
            types::InputPeerChannel {
                channel_id: 1234567890123,
                access_hash: i64::MIN,
            }
            .into(),
            hex("fcbbbc27 | cb04fb711f010000 | 0000000000000080"),
        ),
        (
            types::InputPeerUserFromMessage {
                peer: types::InputPeerChannel {
                    channel_id: 5,
                    access_hash: 6,
                }
                .into(),
                msg_id: 42,
                user_id: 7,
            }
            .into(),
            hex(
                "1c0a7ba8 | fcbbbc27 0500000000000000 0600000000000000 | 2a000000 | 0700000000000000",
            ),
        ),
        (
            types::InputPeerChannelFromMessage {
                peer: types::InputPeerChat { chat_id: 9 }.into(),
                msg_id: -1,
                channel_id: 10,
            }
            .into(),
            hex("40082abd | b95ca935 0900000000000000 | ffffffff | 0a00000000000000"),
        ),
        (
            // Two levels of nesting.
            types::InputPeerUserFromMessage {
                peer: types::InputPeerUserFromMessage {
                    peer: types::InputPeerSelf {}.into(),
                    msg_id: 1,
                    user_id: 2,
                }
                .into(),
                msg_id: 3,
                user_id: 4,
            }
            .into(),
            hex(
                "1c0a7ba8 | 1c0a7ba8 c97ea07d 01000000 0200000000000000 | 03000000 | 0400000000000000",
            ),
        ),
    ]
}

/// Every `InputUser` constructor with its bytes.
fn offset_users() -> Vec<(enums::InputUser, Vec<u8>)> {
    vec![
        (types::InputUserEmpty {}.into(), hex("cf8688b9")),
        (types::InputUserSelf {}.into(), hex("3fb1c1f7")),
        (
            types::InputUser {
                user_id: i64::MAX,
                access_hash: 0x1122334455667788,
            }
            .into(),
            hex("c65811f2 | ffffffffffffff7f | 8877665544332211"),
        ),
        (
            types::InputUserFromMessage {
                peer: types::InputPeerUser {
                    user_id: 1,
                    access_hash: 2,
                }
                .into(),
                msg_id: 100,
                user_id: 3,
            }
            .into(),
            hex(
                "e248a41d | 4ca5e8dd 0100000000000000 0200000000000000 | 64000000 | 0300000000000000",
            ),
        ),
        (
            types::InputUserFromMessage {
                peer: types::InputPeerChannelFromMessage {
                    peer: types::InputPeerSelf {}.into(),
                    msg_id: 7,
                    channel_id: 8,
                }
                .into(),
                msg_id: 9,
                user_id: 10,
            }
            .into(),
            hex(
                "e248a41d | 40082abd c97ea07d 07000000 0800000000000000 | 09000000 | 0a00000000000000",
            ),
        ),
    ]
}

#[test]
fn input_peers_alone() {
    for (peer, bytes) in peers() {
        check(&peer, &bytes);
    }
}

#[test]
fn input_users_alone() {
    for (user, bytes) in offset_users() {
        check(&user, &bytes);
    }
}

#[test]
fn constructor_structs_encode_like_their_enum() {
    let chat = types::InputPeerChat { chat_id: 9 };
    check(&chat, &hex("b95ca935 0900000000000000"));
    let user = types::InputUser {
        user_id: 1,
        access_hash: -1,
    };
    check(&user, &hex("c65811f2 0100000000000000 ffffffffffffffff"));
    check(&types::InputPeerSelf {}, &hex("c97ea07d"));
    check(&types::InputUserEmpty {}, &hex("cf8688b9"));
}

// =============================================================================================
// messages.getChatInviteImporters

/// `link` used by the request vectors: "t.me/+x", 7 bytes, so 1 + 7 = 8 bytes without padding.
const LINK: &str = "t.me/+x";
const LINK_BYTES: &str = "07 742e6d652f2b78";
/// `q` used by the request vectors: "ab", 1 + 2 bytes and one byte of padding.
const Q: &str = "ab";
const Q_BYTES: &str = "02 6162 00";

#[test]
fn request_literal_minimal() {
    let request = functions::messages::GetChatInviteImporters {
        requested: true,
        subscription_expired: false,
        peer: types::InputPeerSelf {}.into(),
        link: None,
        q: None,
        offset_date: 0,
        offset_user: types::InputUserEmpty {}.into(),
        limit: 50,
    };
    // id | flags (requested = bit 0) | peer | offset_date | offset_user | limit
    check(
        &request,
        &hex("4edd04df | 01000000 | c97ea07d | 00000000 | cf8688b9 | 32000000"),
    );
}

#[test]
fn request_literal_every_field() {
    let request = functions::messages::GetChatInviteImporters {
        requested: true,
        subscription_expired: true,
        peer: types::InputPeerUser {
            user_id: 777000,
            access_hash: -2,
        }
        .into(),
        link: Some(LINK.into()),
        q: Some(Q.into()),
        offset_date: 1700000000,
        offset_user: types::InputUser {
            user_id: 777000,
            access_hash: -2,
        }
        .into(),
        limit: 100,
    };
    check(
        &request,
        &hex("4edd04df | 0f000000 \
             | 4ca5e8dd 28db0b0000000000 feffffffffffffff \
             | 07 742e6d652f2b78 \
             | 02 6162 00 \
             | 00f15365 \
             | c65811f2 28db0b0000000000 feffffffffffffff \
             | 64000000"),
    );
}

#[test]
fn request_literal_subscription_expired_and_empty_q() {
    let request = functions::messages::GetChatInviteImporters {
        requested: false,
        subscription_expired: true,
        peer: types::InputPeerEmpty {}.into(),
        link: None,
        q: Some(String::new()),
        offset_date: -1,
        offset_user: types::InputUserSelf {}.into(),
        limit: 0,
    };
    // flags: subscription_expired = bit 3 (8), q = bit 2 (4): 0x0c. An empty string is 00 000000.
    check(
        &request,
        &hex("4edd04df | 0c000000 | ea183b7f | 00 000000 | ffffffff | 3fb1c1f7 | 00000000"),
    );
}

/// All 16 combinations of the four conditional fields, with every peer and every offset user.
#[test]
fn request_every_flag_combination_peer_and_offset_user() {
    let mut cases = 0;
    for combo in 0u32..16 {
        let requested = combo & 0b0001 != 0;
        let with_link = combo & 0b0010 != 0;
        let with_q = combo & 0b0100 != 0;
        let subscription_expired = combo & 0b1000 != 0;
        // The flags word, from the schema's bit numbers.
        let mut flags = 0u32;
        if requested {
            flags |= 1 << 0;
        }
        if with_link {
            flags |= 1 << 1;
        }
        if with_q {
            flags |= 1 << 2;
        }
        if subscription_expired {
            flags |= 1 << 3;
        }
        for (peer, peer_bytes) in peers() {
            for (offset_user, user_bytes) in offset_users() {
                let request = functions::messages::GetChatInviteImporters {
                    requested,
                    subscription_expired,
                    peer: peer.clone(),
                    link: with_link.then(|| LINK.to_owned()),
                    q: with_q.then(|| Q.to_owned()),
                    offset_date: 1700000000,
                    offset_user,
                    limit: 200,
                };
                let mut w = Wire::new();
                w.id(ids::GET_CHAT_INVITE_IMPORTERS)
                    .flags(flags)
                    .raw(&peer_bytes);
                if with_link {
                    w.hex(LINK_BYTES);
                }
                if with_q {
                    w.hex(Q_BYTES);
                }
                w.hex("00f15365").raw(&user_bytes).hex("c8000000");
                check(&request, &w.build());
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 16 * 8 * 5);
}

/// `link` and `q` at the edges of the string rules: padding of 0 to 3 bytes, the last short form
/// (253), the first long form (254), a 3-byte length, and multi-byte UTF-8.
#[test]
fn request_string_lengths() {
    let cases: Vec<(String, Vec<u8>)> = vec![
        (String::new(), hex("00 000000")),
        ("a".into(), hex("01 61 0000")),
        ("ab".into(), hex("02 6162 00")),
        ("abc".into(), hex("03 616263")),
        ("abcd".into(), hex("04 61626364 000000")),
        ("é".into(), hex("02 c3a9 00")),
        ("жж".into(), hex("04 d0b6d0b6 000000")),
        ("x".repeat(253), {
            let mut v = vec![253];
            v.extend(std::iter::repeat_n(b'x', 253));
            v.extend([0, 0]); // 1 + 253 = 254 -> 256
            v
        }),
        ("x".repeat(254), {
            let mut v = hex("fe fe0000");
            v.extend(std::iter::repeat_n(b'x', 254));
            v.extend([0, 0]); // 4 + 254 = 258 -> 260
            v
        }),
        ("y".repeat(256), {
            let mut v = hex("fe 000100");
            v.extend(std::iter::repeat_n(b'y', 256)); // 4 + 256 = 260, no padding
            v
        }),
        ("z".repeat(70001), {
            // 70001 = 0x011171
            let mut v = hex("fe 711101");
            v.extend(std::iter::repeat_n(b'z', 70001));
            v.extend([0, 0, 0]); // 4 + 70001 = 70005 -> 70008
            v
        }),
    ];
    for (text, text_bytes) in cases {
        assert_eq!(
            text_bytes,
            tl_string(text.as_bytes()),
            "the hand rule agrees"
        );
        assert_eq!(text_bytes.len() % 4, 0);
        for (with_link, flags) in [(true, 0b0010u32), (false, 0b0100)] {
            let request = functions::messages::GetChatInviteImporters {
                requested: false,
                subscription_expired: false,
                peer: types::InputPeerSelf {}.into(),
                link: with_link.then(|| text.clone()),
                q: (!with_link).then(|| text.clone()),
                offset_date: 0,
                offset_user: types::InputUserSelf {}.into(),
                limit: 1,
            };
            let expected = Wire::new()
                .id(ids::GET_CHAT_INVITE_IMPORTERS)
                .flags(flags)
                .id(ids::INPUT_PEER_SELF)
                .raw(&text_bytes)
                .int(0)
                .id(ids::INPUT_USER_SELF)
                .int(1)
                .build();
            check(&request, &expected);
        }
    }
}

#[test]
fn request_link_comes_before_q() {
    // link is flags.1 and q flags.2, and they are written in field order: link first.
    let request = functions::messages::GetChatInviteImporters {
        requested: false,
        subscription_expired: false,
        peer: types::InputPeerSelf {}.into(),
        link: Some("L".into()),
        q: Some("Q".into()),
        offset_date: 0,
        offset_user: types::InputUserSelf {}.into(),
        limit: 0,
    };
    check(
        &request,
        &hex(
            "4edd04df | 06000000 | c97ea07d | 01 4c 0000 | 01 51 0000 | 00000000 | 3fb1c1f7 | 00000000",
        ),
    );
}

// =============================================================================================
// The pieces of a User

fn photo_full() -> (enums::UserProfilePhoto, Vec<u8>) {
    (
        types::UserProfilePhoto {
            has_video: true,
            personal: true,
            photo_id: 0x0102030405060708,
            stripped_thumb: Some(vec![1, 2, 3, 4, 5]),
            dc_id: 2,
        }
        .into(),
        // flags: has_video bit 0, stripped_thumb bit 1, personal bit 2 -> 7
        hex("06f7d182 | 07000000 | 0807060504030201 | 05 0102030405 0000 | 02000000"),
    )
}

fn photos() -> Vec<(enums::UserProfilePhoto, Vec<u8>)> {
    let mut long_thumb = vec![0xff; 254];
    long_thumb[0] = 0x00;
    let long_thumb_photo = types::UserProfilePhoto {
        has_video: false,
        personal: true,
        photo_id: -3,
        stripped_thumb: Some(long_thumb.clone()),
        dc_id: 5,
    };
    let long_thumb_bytes = Wire::new()
        .id(ids::USER_PROFILE_PHOTO)
        .flags(0b110) // personal bit 2, stripped_thumb bit 1
        .long(-3)
        .hex("fe fe0000") // long form: 254
        .raw(&long_thumb)
        .hex("0000") // 4 + 254 = 258 -> 260
        .int(5)
        .build();
    vec![
        (types::UserProfilePhotoEmpty {}.into(), hex("e1ba114f")),
        photo_full(),
        (
            types::UserProfilePhoto {
                has_video: true,
                personal: false,
                photo_id: 5,
                stripped_thumb: None,
                dc_id: 4,
            }
            .into(),
            hex("06f7d182 | 01000000 | 0500000000000000 | 04000000"),
        ),
        (
            types::UserProfilePhoto {
                has_video: false,
                personal: false,
                photo_id: 6,
                stripped_thumb: Some(vec![]),
                dc_id: 1,
            }
            .into(),
            hex("06f7d182 | 02000000 | 0600000000000000 | 00 000000 | 01000000"),
        ),
        (long_thumb_photo.into(), long_thumb_bytes),
    ]
}

fn statuses() -> Vec<(enums::UserStatus, Vec<u8>)> {
    vec![
        (types::UserStatusEmpty {}.into(), hex("4950d009")),
        (
            types::UserStatusOnline {
                expires: 1700000000,
            }
            .into(),
            hex("4939b9ed 00f15365"),
        ),
        (
            types::UserStatusOffline { was_online: -1 }.into(),
            hex("3f708c00 ffffffff"),
        ),
        (
            types::UserStatusRecently { by_me: true }.into(),
            hex("c87d197b 01000000"),
        ),
        (
            types::UserStatusRecently { by_me: false }.into(),
            hex("c87d197b 00000000"),
        ),
        (
            types::UserStatusLastWeek { by_me: false }.into(),
            hex("1a1d1a54 00000000"),
        ),
        (
            types::UserStatusLastWeek { by_me: true }.into(),
            hex("1a1d1a54 01000000"),
        ),
        (
            types::UserStatusLastMonth { by_me: true }.into(),
            hex("77978965 01000000"),
        ),
    ]
}

fn emoji_collectible() -> (enums::EmojiStatus, Vec<u8>) {
    (
        types::EmojiStatusCollectible {
            collectible_id: 1,
            document_id: 2,
            title: "Gem".into(),
            slug: "gem-1".into(),
            pattern_document_id: 3,
            center_color: 0x112233,
            edge_color: 0x445566,
            pattern_color: -1,
            text_color: 0,
            until: None,
        }
        .into(),
        hex("3b608471 | 00000000 | 0100000000000000 | 0200000000000000 \
             | 03 47656d | 05 67656d2d31 0000 | 0300000000000000 \
             | 33221100 | 66554400 | ffffffff | 00000000"),
    )
}

fn emoji_statuses() -> Vec<(enums::EmojiStatus, Vec<u8>)> {
    vec![
        (types::EmojiStatusEmpty {}.into(), hex("ae1ae12d")),
        (
            types::EmojiStatus {
                document_id: 5,
                until: Some(1700000000),
            }
            .into(),
            hex("8a06ffe7 | 01000000 | 0500000000000000 | 00f15365"),
        ),
        (
            types::EmojiStatus {
                document_id: 6,
                until: None,
            }
            .into(),
            hex("8a06ffe7 | 00000000 | 0600000000000000"),
        ),
        emoji_collectible(),
        (
            types::EmojiStatusCollectible {
                collectible_id: -1,
                document_id: -2,
                title: String::new(),
                slug: "abc".into(),
                pattern_document_id: 0,
                center_color: 1,
                edge_color: 2,
                pattern_color: 3,
                text_color: 4,
                until: Some(9),
            }
            .into(),
            hex("3b608471 | 01000000 | ffffffffffffffff | feffffffffffffff \
                 | 00 000000 | 03 616263 | 0000000000000000 \
                 | 01000000 | 02000000 | 03000000 | 04000000 | 09000000"),
        ),
        (
            types::InputEmojiStatusCollectible {
                collectible_id: 7,
                until: Some(8),
            }
            .into(),
            hex("bf1d1407 | 01000000 | 0700000000000000 | 08000000"),
        ),
    ]
}

fn usernames() -> (Vec<enums::Username>, Vec<u8>) {
    (
        vec![
            types::Username {
                editable: true,
                active: true,
                username: "alice".into(),
            }
            .into(),
            types::Username {
                editable: false,
                active: false,
                username: "bob_2".into(),
            }
            .into(),
            types::Username {
                editable: false,
                active: true,
                username: "abc".into(),
            }
            .into(),
        ],
        hex("15c4b51c 03000000 \
             | 473607b4 03000000 05 616c696365 0000 \
             | 473607b4 00000000 05 626f625f32 0000 \
             | 473607b4 02000000 03 616263"),
    )
}

fn stories() -> Vec<(enums::RecentStory, Vec<u8>)> {
    vec![
        (
            types::RecentStory {
                live: true,
                max_id: Some(5),
            }
            .into(),
            hex("2d691d71 | 03000000 | 05000000"),
        ),
        (
            types::RecentStory {
                live: false,
                max_id: None,
            }
            .into(),
            hex("2d691d71 | 00000000"),
        ),
        (
            types::RecentStory {
                live: false,
                max_id: Some(-7),
            }
            .into(),
            hex("2d691d71 | 02000000 | f9ffffff"),
        ),
    ]
}

fn peer_color_collectible() -> (enums::PeerColor, Vec<u8>) {
    (
        types::PeerColorCollectible {
            collectible_id: 1,
            gift_emoji_id: 2,
            background_emoji_id: 3,
            accent_color: 4,
            colors: vec![0x111111, 0x222222],
            dark_accent_color: None,
            dark_colors: Some(vec![0x333333]),
        }
        .into(),
        // Vector<int>: the vector id and count, then bare ints without ids.
        hex(
            "9a63c0b9 | 02000000 | 0100000000000000 | 0200000000000000 | 0300000000000000 \
             | 04000000 | 15c4b51c 02000000 11111100 22222200 | 15c4b51c 01000000 33333300",
        ),
    )
}

fn peer_colors() -> Vec<(enums::PeerColor, Vec<u8>)> {
    vec![
        (
            types::PeerColor {
                color: Some(3),
                background_emoji_id: None,
            }
            .into(),
            hex("cf5a4bb5 | 01000000 | 03000000"),
        ),
        (
            types::PeerColor {
                color: None,
                background_emoji_id: Some(-5),
            }
            .into(),
            hex("cf5a4bb5 | 02000000 | fbffffffffffffff"),
        ),
        (
            types::PeerColor {
                color: None,
                background_emoji_id: None,
            }
            .into(),
            hex("cf5a4bb5 | 00000000"),
        ),
        peer_color_collectible(),
        (
            types::PeerColorCollectible {
                collectible_id: 0,
                gift_emoji_id: 0,
                background_emoji_id: 0,
                accent_color: -1,
                colors: vec![],
                dark_accent_color: Some(8),
                dark_colors: None,
            }
            .into(),
            hex(
                "9a63c0b9 | 01000000 | 0000000000000000 | 0000000000000000 | 0000000000000000 \
                 | ffffffff | 15c4b51c 00000000 | 08000000",
            ),
        ),
        (
            types::InputPeerColorCollectible { collectible_id: 9 }.into(),
            hex("a986eab8 | 0900000000000000"),
        ),
    ]
}

fn restriction_reason() -> (enums::RestrictionReason, Vec<u8>) {
    (
        types::RestrictionReason {
            platform: "ios".into(),
            reason: "porn".into(),
            text: "x".into(),
        }
        .into(),
        hex("b4ac72d0 | 03 696f73 | 04 706f726e 000000 | 01 78 0000"),
    )
}

#[test]
fn user_parts_alone() {
    for (v, b) in photos() {
        check(&v, &b);
    }
    for (v, b) in statuses() {
        check(&v, &b);
    }
    for (v, b) in emoji_statuses() {
        check(&v, &b);
    }
    for (v, b) in stories() {
        check(&v, &b);
    }
    for (v, b) in peer_colors() {
        check(&v, &b);
    }
    let (v, b) = restriction_reason();
    check(&v, &b);
    let (names, _) = usernames();
    check(&names[0], &hex("473607b4 03000000 05 616c696365 0000"));
}

// =============================================================================================
// User

#[test]
fn user_empty() {
    check(
        &enums::User::from(types::UserEmpty { id: 42 }),
        &hex("7a4bbcd3 | 2a00000000000000"),
    );
    check(
        &types::UserEmpty { id: -42 },
        &hex("7a4bbcd3 | d6ffffffffffffff"),
    );
}

#[test]
fn user_with_nothing_set() {
    let user = blank_user(42);
    // id | flags | flags2 | id
    let bytes = hex("83ccb8b1 | 00000000 | 00000000 | 2a00000000000000");
    check(&user, &bytes);
    check(&enums::User::from(user.clone()), &bytes);
    assert!(!user.bot());
    assert!(!user.restricted());
}

type Setter = fn(&mut tl_types::types::User);

/// Every `?true` flag of `user`, alone: (name, flags word 1 or 2, bit, how to set it).
fn user_true_flags() -> Vec<(&'static str, u8, u32, Setter)> {
    vec![
        ("self", 1, 10, |u| u.self_ = true),
        ("contact", 1, 11, |u| u.contact = true),
        ("mutual_contact", 1, 12, |u| u.mutual_contact = true),
        ("deleted", 1, 13, |u| u.deleted = true),
        ("bot_chat_history", 1, 15, |u| u.bot_chat_history = true),
        ("bot_nochats", 1, 16, |u| u.bot_nochats = true),
        ("verified", 1, 17, |u| u.verified = true),
        ("min", 1, 20, |u| u.min = true),
        ("bot_inline_geo", 1, 21, |u| u.bot_inline_geo = true),
        ("support", 1, 23, |u| u.support = true),
        ("scam", 1, 24, |u| u.scam = true),
        ("apply_min_photo", 1, 25, |u| u.apply_min_photo = true),
        ("fake", 1, 26, |u| u.fake = true),
        ("bot_attach_menu", 1, 27, |u| u.bot_attach_menu = true),
        ("premium", 1, 28, |u| u.premium = true),
        ("attach_menu_enabled", 1, 29, |u| {
            u.attach_menu_enabled = true
        }),
        ("bot_can_edit", 2, 1, |u| u.bot_can_edit = true),
        ("close_friend", 2, 2, |u| u.close_friend = true),
        ("stories_hidden", 2, 3, |u| u.stories_hidden = true),
        ("stories_unavailable", 2, 4, |u| {
            u.stories_unavailable = true
        }),
        ("contact_require_premium", 2, 10, |u| {
            u.contact_require_premium = true
        }),
        ("bot_business", 2, 11, |u| u.bot_business = true),
        ("bot_has_main_app", 2, 13, |u| u.bot_has_main_app = true),
        ("bot_forum_view", 2, 16, |u| u.bot_forum_view = true),
        ("bot_forum_can_manage_topics", 2, 17, |u| {
            u.bot_forum_can_manage_topics = true
        }),
        ("bot_can_manage_bots", 2, 18, |u| {
            u.bot_can_manage_bots = true
        }),
        ("bot_guestchat", 2, 19, |u| u.bot_guestchat = true),
        ("bot_guard", 2, 20, |u| u.bot_guard = true),
    ]
}

#[test]
fn user_each_true_flag_alone() {
    let flags = user_true_flags();
    assert_eq!(
        flags.len(),
        16 + 12,
        "every ?true flag of user but the two shared ones"
    );
    for (name, word, bit, set) in flags {
        let mut user = blank_user(1);
        set(&mut user);
        let (flags, flags2) = if word == 1 {
            (1 << bit, 0)
        } else {
            (0, 1 << bit)
        };
        let expected = Wire::new()
            .id(ids::USER)
            .flags(flags)
            .flags(flags2)
            .long(1)
            .build();
        assert_eq!(user.to_bytes(), expected, "flag {name}");
        check(&user, &expected);
    }
}

/// Every data field of `user`, alone: (name, flags word, bit, how to set it, its bytes).
/// Sets one field of a user.
type DataSetter = Box<dyn Fn(&mut types::User)>;

fn set(f: impl Fn(&mut types::User) + 'static) -> DataSetter {
    Box::new(f)
}

fn user_data_fields() -> Vec<(&'static str, u8, u32, DataSetter, Vec<u8>)> {
    vec![
        (
            "access_hash",
            1,
            0,
            set(|u| u.access_hash = Some(-2)),
            hex("feffffffffffffff"),
        ),
        (
            "first_name",
            1,
            1,
            set(|u| u.first_name = Some("Ann".into())),
            hex("03 416e6e"),
        ),
        (
            "last_name",
            1,
            2,
            set(|u| u.last_name = Some("Lee".into())),
            hex("03 4c6565"),
        ),
        (
            "username",
            1,
            3,
            set(|u| u.username = Some("ann_lee".into())),
            hex("07 616e6e5f6c6565"),
        ),
        (
            "phone",
            1,
            4,
            set(|u| u.phone = Some("15551234567".into())),
            hex("0b 3135353531323334353637"),
        ),
        (
            "photo",
            1,
            5,
            set(|u| u.photo = Some(types::UserProfilePhotoEmpty {}.into())),
            hex("e1ba114f"),
        ),
        (
            "status",
            1,
            6,
            set(|u| u.status = Some(types::UserStatusOffline { was_online: 7 }.into())),
            hex("3f708c00 07000000"),
        ),
        (
            "bot_info_version",
            1,
            14,
            set(|u| u.bot_info_version = Some(3)),
            hex("03000000"),
        ),
        (
            "restriction_reason",
            1,
            18,
            set(|u| u.restriction_reason = Some(vec![restriction_reason().0])),
            {
                let mut v = hex("15c4b51c 01000000");
                v.extend(restriction_reason().1);
                v
            },
        ),
        (
            "bot_inline_placeholder",
            1,
            19,
            set(|u| u.bot_inline_placeholder = Some("search…".into())),
            // "search" then U+2026 as e2 80 a6: 9 bytes, 1 + 9 = 10 -> 12
            hex("09 736561726368 e280a6 0000"),
        ),
        (
            "lang_code",
            1,
            22,
            set(|u| u.lang_code = Some("en".into())),
            hex("02 656e 00"),
        ),
        (
            "emoji_status",
            1,
            30,
            set(|u| u.emoji_status = Some(types::EmojiStatusEmpty {}.into())),
            hex("ae1ae12d"),
        ),
        (
            "usernames",
            2,
            0,
            set(|u| u.usernames = Some(vec![])),
            hex("15c4b51c 00000000"),
        ),
        (
            "stories_max_id",
            2,
            5,
            set(|u| {
                u.stories_max_id = Some(
                    types::RecentStory {
                        live: false,
                        max_id: None,
                    }
                    .into(),
                )
            }),
            hex("2d691d71 00000000"),
        ),
        (
            "color",
            2,
            8,
            set(|u| {
                u.color = Some(
                    types::PeerColor {
                        color: Some(1),
                        background_emoji_id: None,
                    }
                    .into(),
                )
            }),
            hex("cf5a4bb5 01000000 01000000"),
        ),
        (
            "profile_color",
            2,
            9,
            set(|u| {
                u.profile_color =
                    Some(types::InputPeerColorCollectible { collectible_id: 2 }.into())
            }),
            hex("a986eab8 0200000000000000"),
        ),
        (
            "bot_active_users",
            2,
            12,
            set(|u| u.bot_active_users = Some(1000)),
            hex("e8030000"),
        ),
        (
            "bot_verification_icon",
            2,
            14,
            set(|u| u.bot_verification_icon = Some(i64::MIN)),
            hex("0000000000000080"),
        ),
        (
            "send_paid_messages_stars",
            2,
            15,
            set(|u| u.send_paid_messages_stars = Some(250)),
            hex("fa00000000000000"),
        ),
        (
            "linked_community_id",
            2,
            21,
            set(|u| u.linked_community_id = Some(-1)),
            hex("ffffffffffffffff"),
        ),
    ]
}

#[test]
fn user_each_data_field_alone() {
    let fields = user_data_fields();
    assert_eq!(fields.len(), 20, "every conditional data field of user");
    for (name, word, bit, set, field_bytes) in fields {
        let mut user = blank_user(0x0102030405060708);
        set(&mut user);
        let (flags, flags2) = if word == 1 {
            (1 << bit, 0)
        } else {
            (0, 1 << bit)
        };
        let expected = Wire::new()
            .id(ids::USER)
            .flags(flags)
            .flags(flags2)
            .long(0x0102030405060708)
            .raw(&field_bytes)
            .build();
        assert_eq!(user.to_bytes(), expected, "field {name}");
        check(&user, &expected);
    }
}

/// A user with every flag of both words set and every field present, strings of every length form.
fn full_user() -> (types::User, Vec<u8>) {
    let first_name = format!("a{}", "Ж".repeat(150)); // 1 + 300 = 301 bytes of UTF-8
    let last_name = "x".repeat(254);
    let username = "y".repeat(253);
    let user = types::User {
        self_: true,
        contact: true,
        mutual_contact: true,
        deleted: true,
        bot_chat_history: true,
        bot_nochats: true,
        verified: true,
        min: true,
        bot_inline_geo: true,
        support: true,
        scam: true,
        apply_min_photo: true,
        fake: true,
        bot_attach_menu: true,
        premium: true,
        attach_menu_enabled: true,
        bot_can_edit: true,
        close_friend: true,
        stories_hidden: true,
        stories_unavailable: true,
        contact_require_premium: true,
        bot_business: true,
        bot_has_main_app: true,
        bot_forum_view: true,
        bot_forum_can_manage_topics: true,
        bot_can_manage_bots: true,
        bot_guestchat: true,
        bot_guard: true,
        id: 0x0102030405060708,
        access_hash: Some(-2),
        first_name: Some(first_name.clone()),
        last_name: Some(last_name),
        username: Some(username),
        phone: Some("15551234567".into()),
        photo: Some(photo_full().0),
        status: Some(
            types::UserStatusOnline {
                expires: 1700000000,
            }
            .into(),
        ),
        bot_info_version: Some(12),
        restriction_reason: Some(vec![restriction_reason().0, restriction_reason().0]),
        bot_inline_placeholder: Some(String::new()),
        lang_code: Some("en".into()),
        emoji_status: Some(emoji_collectible().0),
        usernames: Some(usernames().0),
        stories_max_id: Some(stories()[0].0.clone()),
        color: Some(peer_colors()[0].0.clone()),
        profile_color: Some(peer_color_collectible().0),
        bot_active_users: Some(1000),
        bot_verification_icon: Some(i64::MIN),
        send_paid_messages_stars: Some(250),
        linked_community_id: Some(-1),
    };

    let mut w = Wire::new();
    w.hex("83ccb8b1"); // user#b1b8cc83
    // flags: bits 0-6 (access_hash .. status) = 0x7f, bits 10-30 all used (self .. emoji_status,
    // bot = bot_info_version at 14, restricted = restriction_reason at 18) = 0x7ffffc00.
    w.hex("7ffcff7f");
    // flags2: bits 0-5 = 0x3f (usernames, bot_can_edit .. stories_max_id), bits 8-21 = 0x3fff00.
    w.hex("3fff3f00");
    w.hex("0807060504030201"); // id
    w.hex("feffffffffffffff"); // access_hash
    // first_name: 301 bytes, long form fe 2d 01 00, 4 + 301 = 305 -> 3 bytes of padding
    w.hex("fe 2d0100").raw(first_name.as_bytes()).hex("000000");
    // last_name: 254 bytes, the first long form: fe fe 00 00, 4 + 254 = 258 -> 2 bytes of padding
    w.hex("fe fe0000").raw([b'x'; 254]).hex("0000");
    // username: 253 bytes, the last short form: fd, 1 + 253 = 254 -> 2 bytes of padding
    w.hex("fd").raw([b'y'; 253]).hex("0000");
    w.hex("0b 3135353531323334353637"); // phone
    w.raw(photo_full().1); // photo
    w.hex("4939b9ed 00f15365"); // status
    w.hex("0c000000"); // bot_info_version
    // restriction_reason: Vector of two
    w.hex("15c4b51c 02000000")
        .raw(restriction_reason().1)
        .raw(restriction_reason().1);
    w.hex("00 000000"); // bot_inline_placeholder ""
    w.hex("02 656e 00"); // lang_code
    w.raw(emoji_collectible().1); // emoji_status
    w.raw(usernames().1); // usernames
    w.hex("2d691d71 03000000 05000000"); // stories_max_id
    w.hex("cf5a4bb5 01000000 03000000"); // color
    w.raw(peer_color_collectible().1); // profile_color
    w.hex("e8030000"); // bot_active_users
    w.hex("0000000000000080"); // bot_verification_icon
    w.hex("fa00000000000000"); // send_paid_messages_stars
    w.hex("ffffffffffffffff"); // linked_community_id
    (user, w.build())
}

#[test]
fn user_with_everything_set() {
    let (user, bytes) = full_user();
    assert_eq!(bytes.len() % 4, 0);
    check(&user, &bytes);
    check(&enums::User::from(user.clone()), &bytes);
    assert!(user.bot());
    assert!(user.restricted());
}

#[test]
fn user_flags_set_flags2_clear_and_the_reverse() {
    let (full, _) = full_user();
    // Only the first word's fields: flags2 is 0.
    let mut first_only = full.clone();
    first_only.bot_can_edit = false;
    first_only.close_friend = false;
    first_only.stories_hidden = false;
    first_only.stories_unavailable = false;
    first_only.contact_require_premium = false;
    first_only.bot_business = false;
    first_only.bot_has_main_app = false;
    first_only.bot_forum_view = false;
    first_only.bot_forum_can_manage_topics = false;
    first_only.bot_can_manage_bots = false;
    first_only.bot_guestchat = false;
    first_only.bot_guard = false;
    first_only.usernames = None;
    first_only.stories_max_id = None;
    first_only.color = None;
    first_only.profile_color = None;
    first_only.bot_active_users = None;
    first_only.bot_verification_icon = None;
    first_only.send_paid_messages_stars = None;
    first_only.linked_community_id = None;
    first_only.first_name = Some("A".into());
    first_only.last_name = Some("B".into());
    first_only.username = Some("c".into());
    first_only.restriction_reason = Some(vec![]);
    first_only.emoji_status = Some(types::EmojiStatusEmpty {}.into());
    first_only.photo = Some(types::UserProfilePhotoEmpty {}.into());
    let expected = Wire::new()
        .hex("83ccb8b1 | 7ffcff7f | 00000000 | 0807060504030201 | feffffffffffffff")
        .hex("01 41 0000 | 01 42 0000 | 01 63 0000 | 0b 3135353531323334353637")
        .hex("e1ba114f | 4939b9ed 00f15365 | 0c000000 | 15c4b51c 00000000")
        .hex("00 000000 | 02 656e 00 | ae1ae12d")
        .build();
    check(&first_only, &expected);

    // Only the second word's fields: flags is 0, so none of the first word's data follows id.
    let mut second_only = blank_user(5);
    second_only.bot_can_edit = true;
    second_only.bot_guard = true;
    second_only.usernames = Some(usernames().0);
    second_only.stories_max_id = Some(stories()[2].0.clone());
    second_only.profile_color = Some(peer_colors()[1].0.clone());
    second_only.linked_community_id = Some(77);
    // flags2: usernames 0, bot_can_edit 1, stories_max_id 5, profile_color 9, bot_guard 20,
    // linked_community_id 21 = 0x1 | 0x2 | 0x20 | 0x200 | 0x100000 | 0x200000 = 0x300223
    let expected = Wire::new()
        .hex("83ccb8b1 | 00000000 | 23023000 | 0500000000000000")
        .raw(usernames().1)
        .hex("2d691d71 02000000 f9ffffff")
        .hex("cf5a4bb5 02000000 fbffffffffffffff")
        .hex("4d00000000000000")
        .build();
    check(&second_only, &expected);
}

// ---------------------------------------------------------------------------------------------
// Shared bits: bot/bot_info_version (flags.14), restricted/restriction_reason (flags.18)

#[test]
fn shared_bit_bot_follows_bot_info_version() {
    let mut user = blank_user(9);
    user.bot_info_version = Some(7);
    assert!(user.bot());
    let with = hex("83ccb8b1 | 00400000 | 00000000 | 0900000000000000 | 07000000");
    check(&user, &with);
    assert_eq!(
        &user.to_bytes()[4..8],
        &[0x00, 0x40, 0x00, 0x00],
        "bit 14 set"
    );

    user.bot_info_version = None;
    assert!(!user.bot());
    let without = hex("83ccb8b1 | 00000000 | 00000000 | 0900000000000000");
    check(&user, &without);
    assert_eq!(&user.to_bytes()[4..8], &[0, 0, 0, 0], "bit 14 clear");

    // Decoding: bit 14 set means a bot_info_version int follows, and it is read.
    let decoded = types::User::from_bytes(&with).unwrap();
    assert_eq!(decoded.bot_info_version, Some(7));
    assert!(decoded.bot());
    // Other flags around bit 14 do not disturb it: bits 13, 14 and 15 set.
    let decoded = types::User::from_bytes(&hex(
        "83ccb8b1 | 00e00000 | 00000000 | 0900000000000000 | ffffffff",
    ))
    .unwrap();
    assert!(decoded.deleted && decoded.bot_chat_history && decoded.bot());
    assert_eq!(decoded.bot_info_version, Some(-1));
    // Bit 14 set without the int it announces is an error, never a bot without a version.
    let err = types::User::from_bytes(&hex("83ccb8b1 | 00400000 | 00000000 | 0900000000000000"))
        .unwrap_err();
    assert!(matches!(err.kind(), DecodeErrorKind::UnexpectedEof { .. }));
    assert_eq!(err.offset(), 20);
    assert_eq!(err.path_string(), "user.bot_info_version");
}

#[test]
fn shared_bit_restricted_follows_restriction_reason() {
    let mut user = blank_user(9);
    user.restriction_reason = Some(vec![]);
    assert!(user.restricted(), "an empty list still sets the bit");
    check(
        &user,
        &hex("83ccb8b1 | 00000400 | 00000000 | 0900000000000000 | 15c4b51c 00000000"),
    );

    user.restriction_reason = Some(vec![restriction_reason().0]);
    let expected = Wire::new()
        .hex("83ccb8b1 | 00000400 | 00000000 | 0900000000000000 | 15c4b51c 01000000")
        .raw(restriction_reason().1)
        .build();
    check(&user, &expected);
    assert!(user.restricted());

    user.restriction_reason = None;
    assert!(!user.restricted());
    check(
        &user,
        &hex("83ccb8b1 | 00000000 | 00000000 | 0900000000000000"),
    );

    // Both shared bits at once, with the field order bot_info_version then restriction_reason.
    user.bot_info_version = Some(1);
    user.restriction_reason = Some(vec![]);
    check(
        &user,
        &hex("83ccb8b1 | 00400400 | 00000000 | 0900000000000000 | 01000000 | 15c4b51c 00000000"),
    );
}

// =============================================================================================
// ChatInviteImporter and messages.ChatInviteImporters

fn importers() -> Vec<(enums::ChatInviteImporter, Vec<u8>)> {
    vec![
        (
            types::ChatInviteImporter {
                requested: false,
                via_chatlist: false,
                user_id: 1,
                date: 2,
                about: None,
                approved_by: None,
            }
            .into(),
            hex("d9df5a8c | 00000000 | 0100000000000000 | 02000000"),
        ),
        (
            types::ChatInviteImporter {
                requested: true,
                via_chatlist: true,
                user_id: 0x0102030405060708,
                date: 1700000000,
                about: Some("hi".into()),
                approved_by: Some(777000),
            }
            .into(),
            // flags: requested 0, approved_by 1, about 2, via_chatlist 3 = 0x0f; about (flags.2)
            // is written before approved_by (flags.1): field order, not bit order.
            hex(
                "d9df5a8c | 0f000000 | 0807060504030201 | 00f15365 | 02 6869 00 | 28db0b0000000000",
            ),
        ),
        (
            types::ChatInviteImporter {
                requested: true,
                via_chatlist: false,
                user_id: 3,
                date: -1,
                about: None,
                approved_by: Some(-5),
            }
            .into(),
            hex("d9df5a8c | 03000000 | 0300000000000000 | ffffffff | fbffffffffffffff"),
        ),
        (
            types::ChatInviteImporter {
                requested: false,
                via_chatlist: true,
                user_id: 4,
                date: 0,
                about: Some(String::new()),
                approved_by: None,
            }
            .into(),
            hex("d9df5a8c | 0c000000 | 0400000000000000 | 00000000 | 00 000000"),
        ),
    ]
}

#[test]
fn importers_alone() {
    for (importer, bytes) in importers() {
        check(&importer, &bytes);
    }
}

fn bot_user() -> (types::User, Vec<u8>) {
    let mut user = blank_user(44);
    user.bot_info_version = Some(2);
    user.first_name = Some("Bot".into());
    user.username = Some("a_bot".into());
    user.bot_inline_placeholder = Some("Search".into());
    user.bot_nochats = true;
    // flags: first_name 1, username 3, bot 14, bot_nochats 16, bot_inline_placeholder 19
    //      = 0x2 | 0x8 | 0x4000 | 0x10000 | 0x80000 = 0x9400a
    let bytes = hex(
        "83ccb8b1 | 0a400900 | 00000000 | 2c00000000000000 | 03 426f74 \
         | 05 615f626f74 0000 | 02000000 | 06 536561726368 00",
    );
    (user, bytes)
}

#[test]
fn bot_user_alone() {
    let (user, bytes) = bot_user();
    check(&user, &bytes);
    assert!(user.bot());
}

/// The users of the response: userEmpty, a user with nothing set, a bot, and the full user.
fn response_users() -> (Vec<enums::User>, Vec<u8>) {
    let (bot, bot_bytes) = bot_user();
    let (full, full_bytes) = full_user();
    let users = vec![
        types::UserEmpty { id: 42 }.into(),
        blank_user(43).into(),
        bot.into(),
        full.into(),
    ];
    let bytes = Wire::new()
        .vector(4)
        .hex("7a4bbcd3 2a00000000000000")
        .hex("83ccb8b1 00000000 00000000 2b00000000000000")
        .raw(bot_bytes)
        .raw(full_bytes)
        .build();
    (users, bytes)
}

#[test]
fn response_full() {
    let (importer_values, importer_bytes): (Vec<_>, Vec<_>) = importers().into_iter().unzip();
    let (users, users_bytes) = response_users();
    let response = types::messages::ChatInviteImporters {
        count: 1000,
        importers: importer_values,
        users,
    };
    let mut w = Wire::new();
    w.hex("0ab0b681"); // messages.chatInviteImporters#81b6b00a
    w.hex("e8030000"); // count
    w.vector(4);
    for bytes in &importer_bytes {
        w.raw(bytes);
    }
    w.raw(&users_bytes);
    let expected = w.build();
    check(&response, &expected);
    let boxed = enums::messages::ChatInviteImporters::from(response.clone());
    check(&boxed, &expected);
    // The request's return type decodes it.
    let decoded =
        <functions::messages::GetChatInviteImporters as RemoteCall>::Return::from_bytes(&expected)
            .unwrap();
    assert_eq!(decoded, boxed);
}

#[test]
fn response_empty() {
    let response = types::messages::ChatInviteImporters {
        count: 0,
        importers: vec![],
        users: vec![],
    };
    let expected = hex("0ab0b681 | 00000000 | 15c4b51c 00000000 | 15c4b51c 00000000");
    check(&response, &expected);
    check(
        &enums::messages::ChatInviteImporters::from(response),
        &expected,
    );
}

#[test]
fn response_one_importer_one_user() {
    let response = types::messages::ChatInviteImporters {
        count: 1,
        importers: vec![importers()[2].0.clone()],
        users: vec![bot_user().0.into()],
    };
    let expected = Wire::new()
        .hex("0ab0b681 | 01000000")
        .hex("15c4b51c 01000000")
        .hex("d9df5a8c 03000000 0300000000000000 ffffffff fbffffffffffffff")
        .hex("15c4b51c 01000000")
        .raw(bot_user().1)
        .build();
    check(&response, &expected);
}

#[test]
fn response_users_with_every_part_variant() {
    // One user per photo, status, emoji status, story and colour variant, so every constructor of
    // every boxed type a user refers to appears inside a response.
    let mut users = Vec::new();
    let mut w = Wire::new();
    let mut n = 0u32;
    let mut body = Wire::new();
    let mut push = |user: types::User, flags: u32, flags2: u32, part: &[u8]| {
        body.id(ids::USER)
            .flags(flags)
            .flags(flags2)
            .long(user.id)
            .raw(part);
        users.push(enums::User::from(user));
        n += 1;
    };
    for (i, (photo, bytes)) in photos().into_iter().enumerate() {
        let mut u = blank_user(100 + i as i64);
        u.photo = Some(photo);
        push(u, 1 << 5, 0, &bytes);
    }
    for (i, (status, bytes)) in statuses().into_iter().enumerate() {
        let mut u = blank_user(200 + i as i64);
        u.status = Some(status);
        push(u, 1 << 6, 0, &bytes);
    }
    for (i, (emoji, bytes)) in emoji_statuses().into_iter().enumerate() {
        let mut u = blank_user(300 + i as i64);
        u.emoji_status = Some(emoji);
        push(u, 1 << 30, 0, &bytes);
    }
    for (i, (story, bytes)) in stories().into_iter().enumerate() {
        let mut u = blank_user(400 + i as i64);
        u.stories_max_id = Some(story);
        push(u, 0, 1 << 5, &bytes);
    }
    for (i, (color, bytes)) in peer_colors().into_iter().enumerate() {
        let mut u = blank_user(500 + i as i64);
        u.color = Some(color.clone());
        push(u, 0, 1 << 8, &bytes);
        let mut u = blank_user(600 + i as i64);
        u.profile_color = Some(color);
        push(u, 0, 1 << 9, &bytes);
    }
    assert_eq!(users.len(), 5 + 8 + 6 + 3 + 6 * 2);
    let response = types::messages::ChatInviteImporters {
        count: n as i32,
        importers: vec![],
        users,
    };
    w.id(ids::CHAT_INVITE_IMPORTERS)
        .int(n as i32)
        .vector(0)
        .vector(n)
        .raw(&body.bytes);
    check(&response, &w.build());
}

#[test]
fn long_helper_matches_literal() {
    // The hand-written helpers themselves, against literal bytes.
    assert_eq!(
        le_long(-2),
        [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
    );
    assert_eq!(le_long(0x0102030405060708), [8, 7, 6, 5, 4, 3, 2, 1]);
    assert_eq!(tl_string(b"ab"), [0x02, 0x61, 0x62, 0x00]);
    assert_eq!(Wire::new().vector(2).build(), hex("15c4b51c 02000000"));
    assert_eq!(
        <types::User as Identifiable>::CONSTRUCTOR_ID.to_le_bytes(),
        [0x83, 0xcc, 0xb8, 0xb1]
    );
}
