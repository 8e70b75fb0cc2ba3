//! Hostile bytes decoded into the generated importers types: truncation at every offset, unknown
//! constructor ids in every boxed position, wrong vector ids, absurd vector counts and string
//! lengths, invalid UTF-8, trailing bytes, deep nesting and structure-aware mutations (flags flipped,
//! counts and length prefixes changed, sibling ids swapped in, cuts at field boundaries, other
//! constructors spliced in, words inserted and deleted) all return a typed `DecodeError` with the
//! right kind, offset and path, and nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Debug;

use common::{Wire, hex, ids};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use tl_types::{
    DEFAULT_MAX_DEPTH, DecodeError, DecodeErrorKind, Deserializable, Reader, Serializable, enums,
    functions, name_for_id, types,
};

/// The response's constructor name, the first segment of every path inside it.
const P: &str = "messages.chatInviteImporters";

/// An id that no constructor of the schema has.
const BOGUS_ID: u32 = 0xdeadbeef;

/// One read the decoder makes, in decoding (= byte) order, and how it fails when input runs out.
#[derive(Debug, Clone)]
enum Read {
    /// A fixed-width read (`int`, `long`, `#`, a constructor id, a vector id).
    Fixed {
        start: usize,
        width: usize,
        path: String,
    },
    /// A TL string or bytes value of `len` bytes.
    Str {
        start: usize,
        len: usize,
        path: String,
    },
    /// A vector's element count, checked against the rest of the input (elements of at least
    /// `min` bytes).
    Count {
        start: usize,
        count: u32,
        min: usize,
        path: String,
    },
}

/// A place where a constructor id (or a vector id) is read.
#[derive(Debug, Clone)]
struct IdSite {
    at: usize,
    /// The TL type expected there; `None` for a vector id.
    expected: Option<&'static str>,
    path: String,
}

/// Builds bytes by hand while recording every read the decoder will make and its path.
#[derive(Debug, Default)]
struct Model {
    w: Wire,
    reads: Vec<Read>,
    sites: Vec<IdSite>,
}

/// A flags word from the list of its set bits.
fn bits(list: &[u32]) -> u32 {
    list.iter().fold(0, |word, bit| word | 1 << bit)
}

impl Model {
    fn fixed(&mut self, path: &str, width: usize) {
        self.reads.push(Read::Fixed {
            start: self.w.len(),
            width,
            path: path.to_owned(),
        });
    }

    /// The constructor id of a value of boxed type `ty`, at `path`.
    fn ctor(&mut self, path: &str, ty: &'static str, id: u32) -> &mut Self {
        self.sites.push(IdSite {
            at: self.w.len(),
            expected: Some(ty),
            path: path.to_owned(),
        });
        self.fixed(path, 4);
        self.w.id(id);
        self
    }

    fn flags(&mut self, path: &str, word: u32) -> &mut Self {
        self.fixed(path, 4);
        self.w.flags(word);
        self
    }

    fn int(&mut self, path: &str, v: i32) -> &mut Self {
        self.fixed(path, 4);
        self.w.int(v);
        self
    }

    fn long(&mut self, path: &str, v: i64) -> &mut Self {
        self.fixed(path, 8);
        self.w.long(v);
        self
    }

    fn string(&mut self, path: &str, data: impl AsRef<[u8]>) -> &mut Self {
        let data = data.as_ref();
        self.reads.push(Read::Str {
            start: self.w.len(),
            len: data.len(),
            path: path.to_owned(),
        });
        self.w.string(data);
        self
    }

    /// A boxed vector's id and count; every element here is at least 4 bytes (a boxed value or an
    /// `int`).
    fn vector(&mut self, path: &str, count: u32) -> &mut Self {
        self.sites.push(IdSite {
            at: self.w.len(),
            expected: None,
            path: path.to_owned(),
        });
        self.fixed(path, 4);
        self.w.id(ids::VECTOR);
        self.reads.push(Read::Count {
            start: self.w.len(),
            count,
            min: 4,
            path: path.to_owned(),
        });
        self.w.flags(count);
        self
    }

    fn bytes(&self) -> Vec<u8> {
        self.w.build()
    }

    /// The error decoding the first `n` bytes must produce: the first read (in byte order) that
    /// the truncated input cannot satisfy.
    fn truncation_error(&self, n: usize) -> (DecodeErrorKind, usize, String) {
        let eof =
            |needed: usize, remaining: usize| DecodeErrorKind::UnexpectedEof { needed, remaining };
        for read in &self.reads {
            match read {
                Read::Fixed { start, width, path } => {
                    if n < start + width {
                        return (eof(*width, n - start), *start, path.clone());
                    }
                }
                Read::Str { start, len, path } => {
                    if n < start + 1 {
                        return (eof(1, 0), *start, path.clone());
                    }
                    let header = if *len < 254 {
                        1
                    } else {
                        if n < start + 4 {
                            return (eof(3, n - start - 1), start + 1, path.clone());
                        }
                        4
                    };
                    let padding = (4 - (header + len) % 4) % 4;
                    let body = len + padding;
                    if n < start + header + body {
                        return (eof(body, n - start - header), start + header, path.clone());
                    }
                }
                Read::Count {
                    start,
                    count,
                    min,
                    path,
                } => {
                    if n < start + 4 {
                        return (eof(4, n - start), *start, path.clone());
                    }
                    let max = (n - start - 4) / min;
                    if *count as usize > max {
                        return (
                            DecodeErrorKind::VectorTooLong { count: *count, max },
                            *start,
                            path.clone(),
                        );
                    }
                }
            }
        }
        panic!("{n} bytes are the whole value");
    }
}

/// A response touching every kind of read: ids, flags, ints, longs, short and long strings,
/// bytes, boxed and int vectors, and nested boxed values in both flags words of a user.
fn response_model() -> Model {
    let mut m = Model::default();
    m.ctor(
        "",
        "messages.ChatInviteImporters",
        ids::CHAT_INVITE_IMPORTERS,
    );
    m.int(&format!("{P}.count"), 3);

    m.vector(&format!("{P}.importers"), 2);
    let i0 = format!("{P}.importers[0]");
    let f = format!("{i0}.chatInviteImporter");
    m.ctor(&i0, "ChatInviteImporter", ids::CHAT_INVITE_IMPORTER)
        // requested 0, approved_by 1, about 2, via_chatlist 3
        .flags(&format!("{f}.flags"), bits(&[0, 1, 2, 3]))
        .long(&format!("{f}.user_id"), 11)
        .int(&format!("{f}.date"), 1700000000)
        .string(&format!("{f}.about"), "about me")
        .long(&format!("{f}.approved_by"), 12);
    let i1 = format!("{P}.importers[1]");
    let f = format!("{i1}.chatInviteImporter");
    m.ctor(&i1, "ChatInviteImporter", ids::CHAT_INVITE_IMPORTER)
        .flags(&format!("{f}.flags"), 0)
        .long(&format!("{f}.user_id"), 13)
        .int(&format!("{f}.date"), 0);

    m.vector(&format!("{P}.users"), 3);
    let u0 = format!("{P}.users[0]");
    m.ctor(&u0, "User", ids::USER_EMPTY)
        .long(&format!("{u0}.userEmpty.id"), 42);

    // users[1]: a user with data in both flags words.
    let u1 = format!("{P}.users[1]");
    let u = format!("{u1}.user");
    m.ctor(&u1, "User", ids::USER)
        // access_hash 0, first_name 1, last_name 2, username 3, photo 5, status 6, self 10,
        // bot_info_version 14, restriction_reason 18, lang_code 22, premium 28, emoji_status 30
        .flags(
            &format!("{u}.flags"),
            bits(&[0, 1, 2, 3, 5, 6, 10, 14, 18, 22, 28, 30]),
        )
        // usernames 0, close_friend 2, stories_max_id 5, color 8, profile_color 9
        .flags(&format!("{u}.flags2"), bits(&[0, 2, 5, 8, 9]))
        .long(&format!("{u}.id"), 43)
        .long(&format!("{u}.access_hash"), -43)
        .string(&format!("{u}.first_name"), "Alice")
        .string(&format!("{u}.last_name"), "L".repeat(300))
        .string(&format!("{u}.username"), "alice");
    let photo = format!("{u}.photo");
    m.ctor(&photo, "UserProfilePhoto", ids::USER_PROFILE_PHOTO)
        // has_video 0, stripped_thumb 1
        .flags(&format!("{photo}.userProfilePhoto.flags"), bits(&[0, 1]))
        .long(&format!("{photo}.userProfilePhoto.photo_id"), 7)
        .string(
            &format!("{photo}.userProfilePhoto.stripped_thumb"),
            [0xff, 0xd8, 0xff, 0xe0, 0x00],
        )
        .int(&format!("{photo}.userProfilePhoto.dc_id"), 2);
    let status = format!("{u}.status");
    m.ctor(&status, "UserStatus", ids::USER_STATUS_OFFLINE).int(
        &format!("{status}.userStatusOffline.was_online"),
        1699999999,
    );
    m.int(&format!("{u}.bot_info_version"), 5);
    m.vector(&format!("{u}.restriction_reason"), 1);
    let rr = format!("{u}.restriction_reason[0]");
    m.ctor(&rr, "RestrictionReason", ids::RESTRICTION_REASON)
        .string(&format!("{rr}.restrictionReason.platform"), "android")
        .string(&format!("{rr}.restrictionReason.reason"), "spam")
        .string(&format!("{rr}.restrictionReason.text"), "Blocked.");
    m.string(&format!("{u}.lang_code"), "en");
    let emoji = format!("{u}.emoji_status");
    m.ctor(&emoji, "EmojiStatus", ids::EMOJI_STATUS)
        .flags(&format!("{emoji}.emojiStatus.flags"), bits(&[0]))
        .long(&format!("{emoji}.emojiStatus.document_id"), 99)
        .int(&format!("{emoji}.emojiStatus.until"), 1800000000);
    m.vector(&format!("{u}.usernames"), 2);
    for (i, name) in ["alice", "alice_old"].into_iter().enumerate() {
        let un = format!("{u}.usernames[{i}]");
        m.ctor(&un, "Username", ids::USERNAME)
            .flags(&format!("{un}.username.flags"), bits(&[1]))
            .string(&format!("{un}.username.username"), name);
    }
    let story = format!("{u}.stories_max_id");
    m.ctor(&story, "RecentStory", ids::RECENT_STORY)
        .flags(&format!("{story}.recentStory.flags"), bits(&[0, 1]))
        .int(&format!("{story}.recentStory.max_id"), 77);
    let color = format!("{u}.color");
    m.ctor(&color, "PeerColor", ids::PEER_COLOR)
        .flags(&format!("{color}.peerColor.flags"), bits(&[0, 1]))
        .int(&format!("{color}.peerColor.color"), 4)
        .long(&format!("{color}.peerColor.background_emoji_id"), 5);
    let pc = format!("{u}.profile_color");
    let pcc = format!("{pc}.peerColorCollectible");
    m.ctor(&pc, "PeerColor", ids::PEER_COLOR_COLLECTIBLE)
        // dark_colors 1
        .flags(&format!("{pcc}.flags"), bits(&[1]))
        .long(&format!("{pcc}.collectible_id"), 1)
        .long(&format!("{pcc}.gift_emoji_id"), 2)
        .long(&format!("{pcc}.background_emoji_id"), 3)
        .int(&format!("{pcc}.accent_color"), 4)
        .vector(&format!("{pcc}.colors"), 2)
        .int(&format!("{pcc}.colors[0]"), 0x111111)
        .int(&format!("{pcc}.colors[1]"), 0x222222)
        .vector(&format!("{pcc}.dark_colors"), 1)
        .int(&format!("{pcc}.dark_colors[0]"), 0x333333);

    // users[2]: a user with a collectible emoji status and a status with a flags word.
    let u2 = format!("{P}.users[2]");
    let u = format!("{u2}.user");
    m.ctor(&u2, "User", ids::USER)
        // first_name 1, status 6, emoji_status 30
        .flags(&format!("{u}.flags"), bits(&[1, 6, 30]))
        .flags(&format!("{u}.flags2"), 0)
        .long(&format!("{u}.id"), 44)
        .string(&format!("{u}.first_name"), "Бо");
    let status = format!("{u}.status");
    m.ctor(&status, "UserStatus", ids::USER_STATUS_RECENTLY)
        .flags(&format!("{status}.userStatusRecently.flags"), bits(&[0]));
    let emoji = format!("{u}.emoji_status");
    let ec = format!("{emoji}.emojiStatusCollectible");
    m.ctor(&emoji, "EmojiStatus", ids::EMOJI_STATUS_COLLECTIBLE)
        .flags(&format!("{ec}.flags"), 0)
        .long(&format!("{ec}.collectible_id"), 1)
        .long(&format!("{ec}.document_id"), 2)
        .string(&format!("{ec}.title"), "Title")
        .string(&format!("{ec}.slug"), "slug")
        .long(&format!("{ec}.pattern_document_id"), 3)
        .int(&format!("{ec}.center_color"), 4)
        .int(&format!("{ec}.edge_color"), 5)
        .int(&format!("{ec}.pattern_color"), 6)
        .int(&format!("{ec}.text_color"), 7);
    m
}

/// Decodes a response, after checking that the dynamic codec agrees on the same bytes (every input
/// of this suite goes through here or through [`decode_request`] / [`decode_response_struct`]).
fn decode_response(bytes: &[u8]) -> Result<enums::messages::ChatInviteImporters, DecodeError> {
    common::dynamic::checked("messages.ChatInviteImporters", bytes)
}

/// The response's constructor on its own (boxed), checked against the dynamic codec too.
fn decode_response_struct(
    bytes: &[u8],
) -> Result<types::messages::ChatInviteImporters, DecodeError> {
    common::dynamic::checked("messages.chatInviteImporters", bytes)
}

/// Decodes a request, checked against the dynamic codec too.
fn decode_request(
    bytes: &[u8],
) -> Result<functions::messages::GetChatInviteImporters, DecodeError> {
    common::dynamic::checked("messages.getChatInviteImporters", bytes)
}

/// Asserts the error's kind, offset and path, and that its Display names the path and offset.
fn assert_error(err: &DecodeError, kind: &DecodeErrorKind, offset: usize, path: &str, what: &str) {
    assert_eq!(err.kind(), kind, "{what}: kind of {err}");
    assert_eq!(err.offset(), offset, "{what}: offset of {err}");
    assert_eq!(err.path_string(), path, "{what}: path of {err}");
    let shown = err.to_string();
    assert!(
        shown.contains(path),
        "{what}: {shown:?} names the path {path:?}"
    );
    assert!(
        shown.contains(&format!("at byte {offset}")),
        "{what}: {shown:?} names the offset {offset}"
    );
    assert!(
        shown.contains(&kind.to_string()),
        "{what}: {shown:?} describes the kind"
    );
}

// =============================================================================================

#[test]
fn the_model_response_decodes_and_reencodes() {
    let m = response_model();
    let bytes = m.bytes();
    let value = decode_response(&bytes).unwrap();
    assert_eq!(value.to_bytes(), bytes);
    assert_eq!(value.serialized_len(), bytes.len());
    let as_struct = decode_response_struct(&bytes).unwrap();
    assert_eq!(as_struct.users.len(), 3);
    assert_eq!(as_struct.importers.len(), 2);
    // The model recorded reads covering every byte, in order, without gaps.
    let mut next = 0;
    for read in &m.reads {
        let (start, end) = match read {
            Read::Fixed { start, width, .. } => (*start, start + width),
            Read::Str { start, len, .. } => {
                (*start, start + common::tl_string(&vec![0; *len]).len())
            }
            Read::Count { start, .. } => (*start, start + 4),
        };
        assert_eq!(start, next, "{read:?}");
        next = end;
    }
    assert_eq!(next, bytes.len());
}

#[test]
fn truncated_response_at_every_offset() {
    let m = response_model();
    let bytes = m.bytes();
    let mut eof = 0;
    let mut too_long = 0;
    for n in 0..bytes.len() {
        let (kind, offset, path) = m.truncation_error(n);
        let what = format!("first {n} of {} bytes", bytes.len());
        let err = decode_response(&bytes[..n]).expect_err(&what);
        assert_error(&err, &kind, offset, &path, &what);
        assert!(offset <= n, "{what}: the offset lies inside the input");
        match kind {
            DecodeErrorKind::UnexpectedEof { .. } => eof += 1,
            DecodeErrorKind::VectorTooLong { .. } => too_long += 1,
            _ => unreachable!(),
        }
        // The constructor struct decodes the same bytes the same way.
        let err2 = decode_response_struct(&bytes[..n]).expect_err(&what);
        assert_eq!(err2, err, "{what}: struct and enum agree");
    }
    assert!(eof > 500 && too_long > 0, "{eof} eof, {too_long} too long");
}

#[test]
fn truncated_response_examples_read_well() {
    let m = response_model();
    let bytes = m.bytes();
    // Cut inside users[1].first_name's data: "Alice" is 05 41 6c 69 63 65 00 00.
    let Read::Str { start, .. } = m
        .reads
        .iter()
        .find(|r| matches!(r, Read::Str { path, .. } if path.ends_with("users[1].user.first_name")))
        .unwrap()
        .clone()
    else {
        unreachable!()
    };
    let err = decode_response(&bytes[..start + 3]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "failed to decode messages.chatInviteImporters.users[1].user.first_name at byte {}: \
             unexpected end of input: needed 7 bytes, 2 left",
            start + 1
        )
    );
    // Cut before the first byte: the outermost id, with no path.
    let err = decode_response(&[]).unwrap_err();
    assert_eq!(err.path_string(), "");
    assert_eq!(
        err.to_string(),
        "failed to decode at byte 0: unexpected end of input: needed 4 bytes, 0 left"
    );
}

#[test]
fn unknown_constructor_in_every_boxed_position() {
    assert_eq!(name_for_id(BOGUS_ID), None);
    let m = response_model();
    let bytes = m.bytes();
    let boxed = m.sites.iter().filter(|s| s.expected.is_some()).count();
    assert_eq!(boxed, 17, "every boxed position of the model");
    for site in &m.sites {
        for bad in [BOGUS_ID, 0x997275b5 /* boolTrue */, 0] {
            let mut hostile = bytes.clone();
            hostile[site.at..site.at + 4].copy_from_slice(&bad.to_le_bytes());
            let what = format!("id {bad:#010x} at {} ({})", site.at, site.path);
            let err = decode_response(&hostile).expect_err(&what);
            let kind = match site.expected {
                Some(expected) => DecodeErrorKind::UnknownConstructor {
                    id: bad,
                    expected: expected.into(),
                },
                None => DecodeErrorKind::BadVectorId { id: bad },
            };
            assert_error(&err, &kind, site.at, &site.path, &what);
        }
    }
}

#[test]
fn constructor_of_another_type_is_unknown_here() {
    let m = response_model();
    let bytes = m.bytes();
    // Put a valid id of a different type (and the vector id) in each boxed position.
    for site in m.sites.iter().filter(|s| s.expected.is_some()) {
        for foreign in [
            ids::INPUT_PEER_SELF,
            ids::VECTOR,
            ids::GET_CHAT_INVITE_IMPORTERS,
        ] {
            let mut hostile = bytes.clone();
            hostile[site.at..site.at + 4].copy_from_slice(&foreign.to_le_bytes());
            let err = decode_response(&hostile).unwrap_err();
            let expected = site.expected.unwrap();
            assert_error(
                &err,
                &DecodeErrorKind::UnknownConstructor {
                    id: foreign,
                    expected: expected.into(),
                },
                site.at,
                &site.path,
                &format!("{foreign:#010x} as {expected}"),
            );
        }
    }
}

#[test]
fn outermost_id_wrong_for_the_constructor_struct() {
    let mut bytes = response_model().bytes();
    bytes[..4].copy_from_slice(&ids::USER.to_le_bytes());
    let err = decode_response_struct(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnknownConstructor {
            id: ids::USER,
            expected: "messages.chatInviteImporters".into(),
        },
        0,
        "",
        "struct",
    );
    let err = decode_response(&bytes).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: ids::USER,
            expected: "messages.ChatInviteImporters".into(),
        }
    );
    assert_eq!(
        err.to_string(),
        "failed to decode at byte 0: unknown constructor id 0xb1b8cc83 for type \
         messages.ChatInviteImporters"
    );
}

#[test]
fn wrong_vector_id() {
    // users vector id replaced by boolTrue's id.
    let bytes = hex("0ab0b681 | 00000000 | 15c4b51c 00000000 | b5757299 00000000");
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::BadVectorId { id: 0x997275b5 },
        16,
        "messages.chatInviteImporters.users",
        "users",
    );
    assert!(err.to_string().contains("0x997275b5"));
    // A bare count where the boxed vector belongs: the count is taken for the id.
    let bytes = hex("0ab0b681 | 00000000 | 00000000 | 15c4b51c 00000000");
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::BadVectorId { id: 0 },
        8,
        "messages.chatInviteImporters.importers",
        "importers",
    );
}

#[test]
fn vector_count_beyond_the_input() {
    // importers: count 0x7fffffff followed by 4 bytes.
    let bytes = hex("0ab0b681 | 00000000 | 15c4b51c ffffff7f | 00000000");
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 1,
        },
        12,
        "messages.chatInviteImporters.importers",
        "importers",
    );
    // users: count u32::MAX with nothing after it.
    let bytes = hex("0ab0b681 | 00000000 | 15c4b51c 00000000 | 15c4b51c ffffffff");
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::VectorTooLong {
            count: u32::MAX,
            max: 0,
        },
        20,
        "messages.chatInviteImporters.users",
        "users",
    );
    // Inside a user: restriction_reason with 0x7fffffff elements, then 8 bytes.
    let bytes = Wire::new()
        .hex("0ab0b681 00000000 15c4b51c 00000000 15c4b51c 01000000")
        .hex("83ccb8b1 00000400 00000000 0100000000000000")
        .hex("15c4b51c ffffff7f 0000000000000000")
        .build();
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::VectorTooLong {
            count: 0x7fffffff,
            max: 2,
        },
        48,
        "messages.chatInviteImporters.users[0].user.restriction_reason",
        "restriction_reason",
    );
    // Vector<int> in a peerColorCollectible, announced 1000 elements, 12 bytes present.
    let bytes = Wire::new()
        .hex("0ab0b681 00000000 15c4b51c 00000000 15c4b51c 01000000")
        .hex("83ccb8b1 00000000 00010000 0100000000000000") // flags2: color (bit 8)
        .hex("9a63c0b9 00000000 0100000000000000 0200000000000000 0300000000000000 04000000")
        .hex("15c4b51c e8030000 01000000 02000000 03000000")
        .build();
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::VectorTooLong {
            count: 1000,
            max: 3,
        },
        84,
        "messages.chatInviteImporters.users[0].user.color.peerColorCollectible.colors",
        "colors",
    );
}

/// The bytes of a response with one `user` whose only field is `first_name`, written as `name`
/// (raw bytes: header, data and padding as given). `first_name`'s header is at offset 44.
fn response_with_first_name(name: &[u8]) -> Vec<u8> {
    Wire::new()
        .hex("0ab0b681 01000000 15c4b51c 00000000 15c4b51c 01000000")
        .hex("83ccb8b1 02000000 00000000 0100000000000000")
        .raw(name)
        .build()
}

const FIRST_NAME: &str = "messages.chatInviteImporters.users[0].user.first_name";

#[test]
fn first_name_fixture_is_valid() {
    let value = decode_response(&response_with_first_name(&hex("03 416e6e"))).unwrap();
    let expected = types::messages::ChatInviteImporters {
        count: 1,
        importers: vec![],
        users: vec![
            types::User {
                first_name: Some("Ann".into()),
                ..common::blank_user(1)
            }
            .into(),
        ],
    };
    assert_eq!(value, expected.into());
}

#[test]
fn string_length_prefix_fe_ff_ff_ff() {
    // A 16 MiB - 1 string announced with 8 bytes after the header.
    let bytes = response_with_first_name(&hex("feffffff 4142434445464748"));
    let err = decode_response(&bytes).unwrap_err();
    // 4 + 0xffffff = 0x1000003 -> one byte of padding: 0x1000000 bytes needed after the header.
    assert_error(
        &err,
        &DecodeErrorKind::UnexpectedEof {
            needed: 0x1000000,
            remaining: 8,
        },
        48,
        FIRST_NAME,
        "fe ff ff ff",
    );
    // The prefix 0xff is not a length at all.
    let bytes = response_with_first_name(&hex("ff 414243"));
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::BadLengthPrefix,
        44,
        FIRST_NAME,
        "ff",
    );
    // A long header cut short.
    let bytes = response_with_first_name(&hex("fe ff"));
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnexpectedEof {
            needed: 3,
            remaining: 1,
        },
        45,
        FIRST_NAME,
        "fe ff",
    );
    // A short length larger than what follows.
    let bytes = response_with_first_name(&hex("fd 414243"));
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnexpectedEof {
            needed: 255, // 253 + 2 of padding
            remaining: 3,
        },
        45,
        FIRST_NAME,
        "fd",
    );
}

#[test]
fn invalid_utf8_in_strings() {
    for bad in [
        "01 80 0000",         // a lone continuation byte
        "02 c080 00",         // an overlong encoding of NUL
        "03 eda080",          // a UTF-16 surrogate
        "03 41e282",          // a character cut short at the end
        "04 f4908080 000000", // beyond U+10FFFF
        "01 ff 0000",         // a byte UTF-8 never uses
    ] {
        let bytes = response_with_first_name(&hex(bad));
        let err = decode_response(&bytes).unwrap_err();
        assert_error(&err, &DecodeErrorKind::InvalidUtf8, 44, FIRST_NAME, bad);
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }
    // In an importer's about.
    let bytes = hex("0ab0b681 01000000 15c4b51c 01000000 \
         d9df5a8c 04000000 0100000000000000 02000000 02 c328 00 \
         15c4b51c 00000000");
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::InvalidUtf8,
        36,
        "messages.chatInviteImporters.importers[0].chatInviteImporter.about",
        "about",
    );
    // In the long form: 254 bytes of which the last is not UTF-8.
    let mut name = hex("fe fe0000");
    name.extend([b'a'; 253]);
    name.extend([0xc3, 0, 0]);
    let err = decode_response(&response_with_first_name(&name)).unwrap_err();
    assert_error(&err, &DecodeErrorKind::InvalidUtf8, 44, FIRST_NAME, "long");
}

#[test]
fn bytes_fields_take_any_bytes() {
    // stripped_thumb is `bytes`: invalid UTF-8 is data there, not an error.
    let bytes = Wire::new()
        .hex("0ab0b681 01000000 15c4b51c 00000000 15c4b51c 01000000")
        .hex("83ccb8b1 20000000 00000000 0100000000000000") // photo (bit 5)
        .hex("06f7d182 02000000 0700000000000000 03 ffc080 02000000")
        .build();
    let value = decode_response_struct(&bytes).unwrap();
    let photo = types::UserProfilePhoto::from_bytes(&bytes[44..]).unwrap();
    assert_eq!(photo.stripped_thumb, Some(vec![0xff, 0xc0, 0x80]));
    assert_eq!(value.to_bytes(), bytes);
}

#[test]
fn trailing_bytes() {
    let bytes = response_model().bytes();
    for extra in 1..=9 {
        let mut longer = bytes.clone();
        longer.extend(std::iter::repeat_n(0u8, extra));
        let err = decode_response(&longer).unwrap_err();
        assert_error(
            &err,
            &DecodeErrorKind::TrailingBytes { count: extra },
            bytes.len(),
            "",
            "trailing",
        );
        // A Reader of one's own stops after the value and leaves the rest.
        let mut reader = Reader::new(&longer);
        enums::messages::ChatInviteImporters::deserialize(&mut reader).unwrap();
        assert_eq!(reader.position(), bytes.len());
        assert_eq!(reader.remaining(), extra);
    }
    // A second response glued on is trailing bytes too.
    let twice = [bytes.clone(), bytes.clone()].concat();
    let err = decode_response(&twice).unwrap_err();
    assert_eq!(err.offset(), bytes.len());
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::TrailingBytes { count: bytes.len() }
    );
}

#[test]
fn flag_bit_without_its_data() {
    // Importer with about (flags.2) announced and the input ending after date.
    let bytes =
        hex("0ab0b681 01000000 15c4b51c 01000000 d9df5a8c 04000000 0100000000000000 02000000");
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnexpectedEof {
            needed: 1,
            remaining: 0,
        },
        36,
        "messages.chatInviteImporters.importers[0].chatInviteImporter.about",
        "about",
    );
    // A user announcing bot_info_version (bit 14) and nothing after id.
    let bytes = Wire::new()
        .hex("0ab0b681 01000000 15c4b51c 00000000 15c4b51c 01000000")
        .hex("83ccb8b1 00400000 00000000 0100000000000000")
        .build();
    let err = decode_response(&bytes).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::UnexpectedEof {
            needed: 4,
            remaining: 0,
        },
        44,
        "messages.chatInviteImporters.users[0].user.bot_info_version",
        "bot_info_version",
    );
}

// =============================================================================================
// The request

fn request_bytes() -> Vec<u8> {
    hex("4edd04df | 0f000000 \
         | 1c0a7ba8 4ca5e8dd 0100000000000000 0200000000000000 03000000 0400000000000000 \
         | 07 742e6d652f2b78 | 02 6162 00 | 00f15365 \
         | e248a41d c97ea07d 05000000 0600000000000000 | 64000000")
}

#[test]
fn request_fixture_is_valid() {
    let request = decode_request(&request_bytes()).unwrap();
    assert_eq!(request.to_bytes(), request_bytes());
    assert_eq!(request.link.as_deref(), Some("t.me/+x"));
}

#[test]
fn truncated_request_at_every_offset() {
    let bytes = request_bytes();
    for n in 0..bytes.len() {
        let err = decode_request(&bytes[..n]).expect_err("truncated");
        let DecodeErrorKind::UnexpectedEof { needed, remaining } = *err.kind() else {
            panic!("{n}: {err}");
        };
        assert!(
            err.offset() <= n && err.offset() + remaining == n,
            "{n}: {err}"
        );
        assert!(needed > remaining, "{n}: {err}");
        if n >= 4 {
            assert!(
                err.path_string()
                    .starts_with("messages.getChatInviteImporters."),
                "{n}: {err}"
            );
        }
    }
}

#[test]
fn request_unknown_constructors() {
    let bytes = request_bytes();
    let cases = [
        (8, "InputPeer", "messages.getChatInviteImporters.peer"),
        (
            12,
            "InputPeer",
            "messages.getChatInviteImporters.peer.inputPeerUserFromMessage.peer",
        ),
        (
            60,
            "InputUser",
            "messages.getChatInviteImporters.offset_user",
        ),
        (
            64,
            "InputPeer",
            "messages.getChatInviteImporters.offset_user.inputUserFromMessage.peer",
        ),
    ];
    for (at, expected, path) in cases {
        let mut hostile = bytes.clone();
        hostile[at..at + 4].copy_from_slice(&BOGUS_ID.to_le_bytes());
        let err = decode_request(&hostile).unwrap_err();
        assert_error(
            &err,
            &DecodeErrorKind::UnknownConstructor {
                id: BOGUS_ID,
                expected: expected.into(),
            },
            at,
            path,
            path,
        );
    }
    // The request's own id.
    let mut hostile = bytes.clone();
    hostile[0] ^= 1;
    let err = decode_request(&hostile).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::UnknownConstructor {
            id: 0xdf04dd4f,
            expected: "messages.getChatInviteImporters".into(),
        }
    );
    assert_eq!(err.offset(), 0);
}

/// A request whose peer is `levels` nested `inputPeerUserFromMessage`s around `inputPeerSelf`.
fn nested_request(levels: usize) -> Vec<u8> {
    let mut w = Wire::new();
    w.id(ids::GET_CHAT_INVITE_IMPORTERS).flags(0);
    for _ in 0..levels {
        w.id(ids::INPUT_PEER_USER_FROM_MESSAGE);
    }
    w.id(ids::INPUT_PEER_SELF);
    for i in 0..levels {
        w.int(i as i32).long(i as i64);
    }
    w.int(0).id(ids::INPUT_USER_SELF).int(10);
    w.build()
}

fn nested_path(levels: usize) -> String {
    format!(
        "messages.getChatInviteImporters.peer{}",
        ".inputPeerUserFromMessage.peer".repeat(levels)
    )
}

#[test]
fn nesting_up_to_the_default_limit_decodes() {
    assert_eq!(DEFAULT_MAX_DEPTH, 64);
    // The peer is depth 1, so 63 wrappers put inputPeerSelf at depth 64: allowed.
    let bytes = nested_request(63);
    let request = decode_request(&bytes).unwrap();
    assert_eq!(request.to_bytes(), bytes);
}

#[test]
fn nesting_beyond_the_default_limit_is_an_error() {
    let bytes = nested_request(64);
    let err = decode_request(&bytes).unwrap_err();
    // The 65th peer starts after the id, the flags and 64 wrapper ids: 8 + 4 * 64.
    assert_error(
        &err,
        &DecodeErrorKind::DepthExceeded { limit: 64 },
        264,
        &nested_path(64),
        "depth 65",
    );
}

#[test]
fn nesting_limit_of_a_reader_of_ones_own() {
    let ok = nested_request(2);
    let mut reader = Reader::new(&ok).with_max_depth(3);
    functions::messages::GetChatInviteImporters::deserialize(&mut reader).unwrap();
    assert_eq!(reader.remaining(), 0);

    let deep = nested_request(3);
    let mut reader = Reader::new(&deep).with_max_depth(3);
    let err = functions::messages::GetChatInviteImporters::deserialize(&mut reader).unwrap_err();
    assert_error(
        &err,
        &DecodeErrorKind::DepthExceeded { limit: 3 },
        20,
        &nested_path(3),
        "limit 3",
    );
}

#[test]
fn a_megabyte_of_nesting_on_a_small_stack_is_an_error() {
    // 1 MiB of inputPeerUserFromMessage ids, decoded on a thread with a 2 MiB stack.
    let mut bytes = Wire::new();
    bytes.id(ids::GET_CHAT_INVITE_IMPORTERS).flags(0);
    for _ in 0..(1 << 18) {
        bytes.id(ids::INPUT_PEER_USER_FROM_MESSAGE);
    }
    let bytes = bytes.build();
    let err = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || decode_request(&bytes).unwrap_err())
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert_eq!(err.kind(), &DecodeErrorKind::DepthExceeded { limit: 64 });
    assert_eq!(err.offset(), 264);
}

// =============================================================================================
// Anything else: never a panic

/// Decodes `bytes` as a response; an `Ok` must re-encode to a value that decodes equal, an `Err`
/// must point inside the input.
fn decode_is_sound(bytes: &[u8]) {
    match decode_response(bytes) {
        Ok(value) => {
            let again = value.to_bytes();
            assert_eq!(again.len(), value.serialized_len());
            assert_eq!(decode_response(&again).unwrap(), value);
        }
        Err(err) => {
            assert!(
                err.offset() <= bytes.len(),
                "{err} for {} bytes",
                bytes.len()
            );
            assert!(!err.to_string().is_empty());
        }
    }
}

#[test]
fn every_single_byte_mutation() {
    let bytes = response_model().bytes();
    for at in 0..bytes.len() {
        for value in [0x00, 0xff, 0xfe, 0x7f, bytes[at] ^ 0x01, bytes[at] ^ 0x80] {
            let mut hostile = bytes.clone();
            hostile[at] = value;
            decode_is_sound(&hostile);
        }
    }
}

// =============================================================================================
// Structure-aware mutations: valid encodings with their fields damaged in place, cut, spliced or
// shifted, so that the decoder gets past the first id and meets the damage where it lies.

/// The request of `request_bytes`, read by read: peer `inputPeerUserFromMessage(inputPeerUser)`,
/// link, q, offset_user `inputUserFromMessage(inputPeerSelf)`.
fn request_model() -> Model {
    const R: &str = "messages.getChatInviteImporters";
    let mut m = Model::default();
    m.ctor("", R, ids::GET_CHAT_INVITE_IMPORTERS)
        // requested 0, link 1, q 2, subscription_expired 3
        .flags(&format!("{R}.flags"), bits(&[0, 1, 2, 3]));
    let peer = format!("{R}.peer");
    let from = format!("{peer}.inputPeerUserFromMessage");
    m.ctor(&peer, "InputPeer", ids::INPUT_PEER_USER_FROM_MESSAGE);
    let inner = format!("{from}.peer");
    m.ctor(&inner, "InputPeer", ids::INPUT_PEER_USER)
        .long(&format!("{inner}.inputPeerUser.user_id"), 1)
        .long(&format!("{inner}.inputPeerUser.access_hash"), 2)
        .int(&format!("{from}.msg_id"), 3)
        .long(&format!("{from}.user_id"), 4)
        .string(&format!("{R}.link"), "t.me/+x")
        .string(&format!("{R}.q"), "ab")
        .int(&format!("{R}.offset_date"), 0x6553f100);
    let user = format!("{R}.offset_user");
    let from = format!("{user}.inputUserFromMessage");
    m.ctor(&user, "InputUser", ids::INPUT_USER_FROM_MESSAGE)
        .ctor(&format!("{from}.peer"), "InputPeer", ids::INPUT_PEER_SELF)
        .int(&format!("{from}.msg_id"), 5)
        .long(&format!("{from}.user_id"), 6)
        .int(&format!("{R}.limit"), 100);
    m
}

#[test]
fn request_model_is_the_request() {
    assert_eq!(request_model().bytes(), request_bytes());
}

/// The constructors of the type expected at an id site (the other ids a sibling swap may put
/// there); the vector id at a vector's id.
fn siblings(expected: Option<&str>) -> &'static [u32] {
    use ids::*;
    match expected {
        None => &[VECTOR],
        Some("messages.ChatInviteImporters") => &[CHAT_INVITE_IMPORTERS],
        Some("messages.getChatInviteImporters") => &[GET_CHAT_INVITE_IMPORTERS],
        Some("ChatInviteImporter") => &[CHAT_INVITE_IMPORTER],
        Some("User") => &[USER_EMPTY, USER],
        Some("UserProfilePhoto") => &[USER_PROFILE_PHOTO_EMPTY, USER_PROFILE_PHOTO],
        Some("UserStatus") => &[
            USER_STATUS_EMPTY,
            USER_STATUS_ONLINE,
            USER_STATUS_OFFLINE,
            USER_STATUS_RECENTLY,
            USER_STATUS_LAST_WEEK,
            USER_STATUS_LAST_MONTH,
        ],
        Some("RestrictionReason") => &[RESTRICTION_REASON],
        Some("EmojiStatus") => &[
            EMOJI_STATUS_EMPTY,
            EMOJI_STATUS,
            EMOJI_STATUS_COLLECTIBLE,
            INPUT_EMOJI_STATUS_COLLECTIBLE,
        ],
        Some("Username") => &[USERNAME],
        Some("RecentStory") => &[RECENT_STORY],
        Some("PeerColor") => &[
            PEER_COLOR,
            PEER_COLOR_COLLECTIBLE,
            INPUT_PEER_COLOR_COLLECTIBLE,
        ],
        Some("InputPeer") => &[
            INPUT_PEER_EMPTY,
            INPUT_PEER_SELF,
            INPUT_PEER_CHAT,
            INPUT_PEER_USER,
            INPUT_PEER_CHANNEL,
            INPUT_PEER_USER_FROM_MESSAGE,
            INPUT_PEER_CHANNEL_FROM_MESSAGE,
        ],
        Some("InputUser") => &[
            INPUT_USER_EMPTY,
            INPUT_USER_SELF,
            INPUT_USER,
            INPUT_USER_FROM_MESSAGE,
        ],
        Some(other) => panic!("no siblings listed for {other}"),
    }
}

/// Complete encodings of other constructors, written by hand, to splice over a value.
fn donors() -> Vec<Vec<u8>> {
    vec![
        hex("7a4bbcd3 0500000000000000"),                   // userEmpty id:5
        hex("4939b9ed 01000000"),                           // userStatusOnline expires:1
        hex("c97ea07d"),                                    // inputPeerSelf
        hex("b4ac72d0 01 61 0000 01 62 0000 00 000000"),    // restrictionReason "a" "b" ""
        hex("15c4b51c 00000000"),                           // an empty vector
        hex("d9df5a8c 00000000 0100000000000000 02000000"), // chatInviteImporter
        hex("e11a114f"),                                    // userProfilePhotoEmpty
    ]
}

/// A mutation that leaves every byte where it was. The `usize` picks the read or site among those
/// it applies to (modulo their number).
#[derive(Debug, Clone)]
enum InPlace {
    /// XOR a flags word (a read whose path ends in `flags` or `flags2`) with a mask.
    FlipFlags(usize, u32),
    /// Replace a vector's element count.
    Count(usize, u32),
    /// Replace the first byte of a string's length header.
    LengthByte(usize, u8),
    /// Put a sibling constructor's id (`true`) or any id at an id site.
    SwapId(usize, bool, u32),
}

/// A mutation that moves bytes: applied after the in-place ones.
#[derive(Debug, Clone)]
enum Shift {
    /// Cut the input where a read starts (a field boundary).
    Truncate(prop::sample::Index),
    /// Write one of `donors()` over the bytes from an id site on.
    Splice(prop::sample::Index, prop::sample::Index),
    /// Insert a word where a read starts.
    InsertWord(prop::sample::Index, u32),
    /// Delete the word where a read starts.
    DeleteWord(prop::sample::Index),
}

fn in_place() -> impl Strategy<Value = InPlace> {
    let index = any::<usize>;
    prop_oneof![
        (index(), 1u32..).prop_map(|(i, m)| InPlace::FlipFlags(i, m)),
        (index(), prop_oneof![0u32..8, any::<u32>(), Just(u32::MAX)])
            .prop_map(|(i, c)| InPlace::Count(i, c)),
        (
            index(),
            prop_oneof![Just(0xffu8), Just(0xfe), Just(0), any::<u8>()]
        )
            .prop_map(|(i, b)| InPlace::LengthByte(i, b)),
        (index(), any::<bool>(), any::<u32>()).prop_map(|(i, s, id)| InPlace::SwapId(i, s, id)),
    ]
}

fn shift() -> impl Strategy<Value = Shift> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        index().prop_map(Shift::Truncate),
        (index(), index()).prop_map(|(i, d)| Shift::Splice(i, d)),
        (
            index(),
            prop_oneof![Just(0u32), Just(ids::VECTOR), any::<u32>()]
        )
            .prop_map(|(i, w)| Shift::InsertWord(i, w)),
        index().prop_map(Shift::DeleteWord),
    ]
}

fn read_start(read: &Read) -> usize {
    match read {
        Read::Fixed { start, .. } | Read::Str { start, .. } | Read::Count { start, .. } => *start,
    }
}

/// What one in-place mutation must make the decoder report, when it must fail: its kind, offset
/// and path.
type Expected = Option<(DecodeErrorKind, usize, String)>;

/// Applies an in-place mutation to `bytes`; returns the error it must cause, if it must (`None`
/// too when the value has no place of its kind: the request has no vector).
fn apply_in_place(m: &Model, bytes: &mut [u8], edit: &InPlace) -> Expected {
    let n = bytes.len();
    match edit {
        InPlace::FlipFlags(i, mask) => {
            let flags: Vec<usize> = m
                .reads
                .iter()
                .filter_map(|r| match r {
                    Read::Fixed { start, path, .. }
                        if path.ends_with(".flags") || path.ends_with(".flags2") =>
                    {
                        Some(*start)
                    }
                    _ => None,
                })
                .collect();
            let at = *flags.get(i % flags.len().max(1))?;
            let word = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) ^ mask;
            bytes[at..at + 4].copy_from_slice(&word.to_le_bytes());
            None
        }
        InPlace::Count(i, count) => {
            let counts: Vec<(usize, usize, &String)> = m
                .reads
                .iter()
                .filter_map(|r| match r {
                    Read::Count {
                        start, min, path, ..
                    } => Some((*start, *min, path)),
                    _ => None,
                })
                .collect();
            let (at, min, path) = *counts.get(i % counts.len().max(1))?;
            bytes[at..at + 4].copy_from_slice(&count.to_le_bytes());
            // More elements than the rest of the input can hold: refused before any is read.
            let max = (n - at - 4) / min;
            (*count as usize > max).then(|| {
                (
                    DecodeErrorKind::VectorTooLong { count: *count, max },
                    at,
                    path.clone(),
                )
            })
        }
        InPlace::LengthByte(i, byte) => {
            let strings: Vec<(usize, &String)> = m
                .reads
                .iter()
                .filter_map(|r| match r {
                    Read::Str { start, path, .. } => Some((*start, path)),
                    _ => None,
                })
                .collect();
            let (at, path) = *strings.get(i % strings.len().max(1))?;
            bytes[at] = *byte;
            // TL never uses the prefix 0xff.
            (*byte == 0xff).then(|| (DecodeErrorKind::BadLengthPrefix, at, path.clone()))
        }
        InPlace::SwapId(i, sibling, any_id) => {
            let site = &m.sites[i % m.sites.len()];
            let choices = siblings(site.expected);
            let id = if *sibling {
                choices[*any_id as usize % choices.len()]
            } else {
                *any_id
            };
            bytes[site.at..site.at + 4].copy_from_slice(&id.to_le_bytes());
            if choices.contains(&id) {
                return None;
            }
            let kind = match site.expected {
                Some(expected) => DecodeErrorKind::UnknownConstructor {
                    id,
                    expected: expected.into(),
                },
                None => DecodeErrorKind::BadVectorId { id },
            };
            Some((kind, site.at, site.path.clone()))
        }
    }
}

/// Applies a shifting mutation; for a cut, returns the length kept.
fn apply_shift(m: &Model, bytes: &mut Vec<u8>, edit: &Shift) -> Option<usize> {
    let boundary = |i: &prop::sample::Index| read_start(&m.reads[i.index(m.reads.len())]);
    match edit {
        Shift::Truncate(i) => {
            let at = boundary(i);
            bytes.truncate(at);
            return Some(at);
        }
        Shift::Splice(i, d) => {
            let at = m.sites[i.index(m.sites.len())].at;
            let donors = donors();
            let donor = &donors[d.index(donors.len())];
            let end = (at + donor.len()).min(bytes.len());
            bytes.splice(at..end, donor.iter().copied());
        }
        Shift::InsertWord(i, word) => {
            let at = boundary(i);
            bytes.splice(at..at, word.to_le_bytes());
        }
        Shift::DeleteWord(i) => {
            let at = boundary(i);
            bytes.drain(at..(at + 4).min(bytes.len()));
        }
    }
    None
}

/// Decodes a mutated encoding of `model` with `decode`: an error of the expected kind, offset and
/// path where one mutation alone must fail; otherwise never a panic, an `Ok` that re-encodes to a
/// value decoding equal, or an error inside the input.
fn check_mutations<T>(
    model: &Model,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
    edits: &[InPlace],
    last: Option<&Shift>,
) -> Result<(), TestCaseError>
where
    T: Serializable + PartialEq + Debug,
{
    let mut bytes = model.bytes();
    let mut expected: Vec<Expected> = edits
        .iter()
        .map(|e| apply_in_place(model, &mut bytes, e))
        .collect();
    let cut = last.and_then(|s| apply_shift(model, &mut bytes, s));
    let result = decode(&bytes);
    match (edits.len(), expected.pop(), last, cut) {
        // One in-place mutation that must fail, nothing else.
        (1, Some(Some((kind, offset, path))), None, _) => {
            let err = result.expect_err("the mutation must fail");
            assert_error(&err, &kind, offset, &path, &format!("{edits:?}"));
        }
        // A cut at a field boundary alone: the first read the shorter input cannot satisfy.
        (0, _, Some(_), Some(n)) if n < model.bytes().len() => {
            let (kind, offset, path) = model.truncation_error(n);
            let err = result.expect_err("a truncated value must fail");
            assert_error(&err, &kind, offset, &path, &format!("cut at {n}"));
        }
        _ => match result {
            Ok(value) => {
                let again = value.to_bytes();
                prop_assert_eq!(again.len(), value.serialized_len());
                let back = decode(&again);
                prop_assert!(back.is_ok(), "re-encoding does not decode: {:?}", back);
                prop_assert_eq!(back.unwrap(), value);
            }
            Err(err) => {
                prop_assert!(
                    err.offset() <= bytes.len(),
                    "{} for {} bytes",
                    err,
                    bytes.len()
                );
                prop_assert!(!err.to_string().is_empty());
            }
        },
    }
    Ok(())
}

proptest! {
    #[test]
    fn structured_mutations_of_the_response(
        edits in proptest::collection::vec(in_place(), 0..4),
        last in proptest::option::of(shift()),
    ) {
        check_mutations(&response_model(), decode_response, &edits, last.as_ref())?;
    }

    #[test]
    fn structured_mutations_of_the_request(
        edits in proptest::collection::vec(in_place(), 0..4),
        last in proptest::option::of(shift()),
    ) {
        check_mutations(
            &request_model(),
            decode_request,
            &edits,
            last.as_ref(),
        )?;
    }

    #[test]
    fn random_mutations_of_the_model(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = response_model().bytes();
        for (at, value) in edits {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        decode_is_sound(&bytes);
        let cut = cut.index(bytes.len());
        decode_is_sound(&bytes[..cut]);
    }
}

/// Every in-place mutation class at every site it applies to, one at a time, with its expected
/// error: the exhaustive counterpart of the property tests above.
#[test]
fn every_must_fail_mutation_fails_where_it_should() {
    fn request(b: &[u8]) -> Result<Vec<u8>, DecodeError> {
        decode_request(b).map(|v| v.to_bytes())
    }
    fn response(b: &[u8]) -> Result<Vec<u8>, DecodeError> {
        decode_response(b).map(|v| v.to_bytes())
    }
    type Decode = fn(&[u8]) -> Result<Vec<u8>, DecodeError>;
    for (model, decode) in [
        (response_model(), response as Decode),
        (request_model(), request as Decode),
    ] {
        let mut checked = 0;
        let has_vectors = model.reads.iter().any(|r| matches!(r, Read::Count { .. }));
        for i in 0..model.reads.len().max(model.sites.len()) {
            let mut edits = vec![
                InPlace::LengthByte(i, 0xff),
                InPlace::SwapId(i, false, BOGUS_ID),
            ];
            if has_vectors {
                edits.extend([InPlace::Count(i, u32::MAX), InPlace::Count(i, 0x0100_0000)]);
            }
            for edit in edits {
                let mut bytes = model.bytes();
                let (kind, offset, path) = apply_in_place(&model, &mut bytes, &edit)
                    .unwrap_or_else(|| panic!("{edit:?} must fail"));
                let err = decode(&bytes).expect_err("must fail");
                assert_error(&err, &kind, offset, &path, &format!("{edit:?}"));
                checked += 1;
            }
        }
        let places = model.reads.len().max(model.sites.len());
        assert_eq!(checked, places * if has_vectors { 4 } else { 2 });
        assert!(places >= 16, "{places}");
    }
}
