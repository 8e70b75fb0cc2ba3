//! Helpers shared by the importers test binaries: the TL binary rules written out by hand (so that
//! expected bytes never come from the library's encoder), the constructor ids copied from
//! `schema/importers.tl`, and a `user` with every flag clear.
#![allow(dead_code, unreachable_pub)]

pub mod dynamic;

use tl_types::types;

/// Constructor ids, copied by hand from `schema/importers.tl` (the `#xxxxxxxx` after each name).
pub mod ids {
    pub const GET_CHAT_INVITE_IMPORTERS: u32 = 0xdf04dd4e;
    pub const CHAT_INVITE_IMPORTERS: u32 = 0x81b6b00a;
    pub const CHAT_INVITE_IMPORTER: u32 = 0x8c5adfd9;
    pub const VECTOR: u32 = 0x1cb5c415;

    pub const INPUT_PEER_EMPTY: u32 = 0x7f3b18ea;
    pub const INPUT_PEER_SELF: u32 = 0x7da07ec9;
    pub const INPUT_PEER_CHAT: u32 = 0x35a95cb9;
    pub const INPUT_PEER_USER: u32 = 0xdde8a54c;
    pub const INPUT_PEER_CHANNEL: u32 = 0x27bcbbfc;
    pub const INPUT_PEER_USER_FROM_MESSAGE: u32 = 0xa87b0a1c;
    pub const INPUT_PEER_CHANNEL_FROM_MESSAGE: u32 = 0xbd2a0840;

    pub const INPUT_USER_EMPTY: u32 = 0xb98886cf;
    pub const INPUT_USER_SELF: u32 = 0xf7c1b13f;
    pub const INPUT_USER: u32 = 0xf21158c6;
    pub const INPUT_USER_FROM_MESSAGE: u32 = 0x1da448e2;

    pub const USER_EMPTY: u32 = 0xd3bc4b7a;
    pub const USER: u32 = 0xb1b8cc83;

    pub const USER_PROFILE_PHOTO_EMPTY: u32 = 0x4f11bae1;
    pub const USER_PROFILE_PHOTO: u32 = 0x82d1f706;

    pub const USER_STATUS_EMPTY: u32 = 0x09d05049;
    pub const USER_STATUS_ONLINE: u32 = 0xedb93949;
    pub const USER_STATUS_OFFLINE: u32 = 0x008c703f;
    pub const USER_STATUS_RECENTLY: u32 = 0x7b197dc8;
    pub const USER_STATUS_LAST_WEEK: u32 = 0x541a1d1a;
    pub const USER_STATUS_LAST_MONTH: u32 = 0x65899777;

    pub const RESTRICTION_REASON: u32 = 0xd072acb4;

    pub const EMOJI_STATUS_EMPTY: u32 = 0x2de11aae;
    pub const EMOJI_STATUS: u32 = 0xe7ff068a;
    pub const EMOJI_STATUS_COLLECTIBLE: u32 = 0x7184603b;
    pub const INPUT_EMOJI_STATUS_COLLECTIBLE: u32 = 0x07141dbf;

    pub const USERNAME: u32 = 0xb4073647;
    pub const RECENT_STORY: u32 = 0x711d692d;

    pub const PEER_COLOR: u32 = 0xb54b5acf;
    pub const PEER_COLOR_COLLECTIBLE: u32 = 0xb9c0639a;
    pub const INPUT_PEER_COLOR_COLLECTIBLE: u32 = 0xb8ea86a9;
}

/// Parses hex digits, ignoring whitespace, `_` and `|` (used to separate fields).
pub fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'_' && *b != b'|')
        .collect();
    assert!(
        digits.len().is_multiple_of(2),
        "odd number of hex digits in {s:?}"
    );
    digits
        .chunks(2)
        .map(|pair| {
            let text = std::str::from_utf8(pair).unwrap();
            u8::from_str_radix(text, 16).unwrap_or_else(|_| panic!("bad hex {text:?} in {s:?}"))
        })
        .collect()
}

/// A `u32` (constructor id, flags word, count) in little-endian order, byte by byte.
pub fn le32(v: u32) -> [u8; 4] {
    [v as u8, (v >> 8) as u8, (v >> 16) as u8, (v >> 24) as u8]
}

/// TL `int`: the two's-complement bits of an `i32`, little-endian.
pub fn le_int(v: i32) -> [u8; 4] {
    le32(v as u32)
}

/// TL `long`: the two's-complement bits of an `i64`, little-endian.
pub fn le_long(v: i64) -> [u8; 8] {
    let v = v as u64;
    let mut out = [0u8; 8];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = (v >> (8 * i)) as u8;
    }
    out
}

/// A TL string or bytes value, by the rules: a length byte when the length is below 254, else the
/// byte 254 and the length in three little-endian bytes; then the data; then zero bytes until the
/// whole (header included) is a multiple of four.
pub fn tl_string(data: &[u8]) -> Vec<u8> {
    let len = data.len();
    assert!(len < 1 << 24, "TL strings are shorter than 16 MiB");
    let mut out = Vec::new();
    if len < 254 {
        out.push(len as u8);
    } else {
        out.push(254);
        out.push(len as u8);
        out.push((len >> 8) as u8);
        out.push((len >> 16) as u8);
    }
    out.extend_from_slice(data);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    out
}

/// Builds expected bytes field by field, following the TL rules by hand.
#[derive(Debug, Default, Clone)]
pub struct Wire {
    pub bytes: Vec<u8>,
}

impl Wire {
    pub fn new() -> Self {
        Self::default()
    }

    /// A constructor id.
    pub fn id(&mut self, id: u32) -> &mut Self {
        self.bytes.extend_from_slice(&le32(id));
        self
    }

    /// A `#` value: a flags word.
    pub fn flags(&mut self, word: u32) -> &mut Self {
        self.bytes.extend_from_slice(&le32(word));
        self
    }

    /// TL `int`.
    pub fn int(&mut self, v: i32) -> &mut Self {
        self.bytes.extend_from_slice(&le_int(v));
        self
    }

    /// TL `long`.
    pub fn long(&mut self, v: i64) -> &mut Self {
        self.bytes.extend_from_slice(&le_long(v));
        self
    }

    /// TL `string` / `bytes`.
    pub fn string(&mut self, data: impl AsRef<[u8]>) -> &mut Self {
        self.bytes.extend_from_slice(&tl_string(data.as_ref()));
        self
    }

    /// The header of a boxed `Vector<T>`: the vector id, then the element count.
    pub fn vector(&mut self, count: u32) -> &mut Self {
        self.id(ids::VECTOR);
        self.bytes.extend_from_slice(&le32(count));
        self
    }

    /// Bytes worked out elsewhere (a nested value).
    pub fn raw(&mut self, bytes: impl AsRef<[u8]>) -> &mut Self {
        self.bytes.extend_from_slice(bytes.as_ref());
        self
    }

    /// Bytes written as hex.
    pub fn hex(&mut self, s: &str) -> &mut Self {
        self.bytes.extend_from_slice(&hex(s));
        self
    }

    /// How many bytes so far (the offset of the next one).
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The bytes so far.
    pub fn build(&self) -> Vec<u8> {
        self.bytes.clone()
    }
}

/// A `user` with every `?true` flag clear and every conditional field absent.
pub fn blank_user(id: i64) -> types::User {
    types::User {
        self_: false,
        contact: false,
        mutual_contact: false,
        deleted: false,
        bot_chat_history: false,
        bot_nochats: false,
        verified: false,
        min: false,
        bot_inline_geo: false,
        support: false,
        scam: false,
        apply_min_photo: false,
        fake: false,
        bot_attach_menu: false,
        premium: false,
        attach_menu_enabled: false,
        bot_can_edit: false,
        close_friend: false,
        stories_hidden: false,
        stories_unavailable: false,
        contact_require_premium: false,
        bot_business: false,
        bot_has_main_app: false,
        bot_forum_view: false,
        bot_forum_can_manage_topics: false,
        bot_can_manage_bots: false,
        bot_guestchat: false,
        bot_guard: false,
        id,
        access_hash: None,
        first_name: None,
        last_name: None,
        username: None,
        phone: None,
        photo: None,
        status: None,
        bot_info_version: None,
        restriction_reason: None,
        bot_inline_placeholder: None,
        lang_code: None,
        emoji_status: None,
        usernames: None,
        stories_max_id: None,
        color: None,
        profile_color: None,
        bot_active_users: None,
        bot_verification_icon: None,
        send_paid_messages_stars: None,
        linked_community_id: None,
    }
}
