//! The generated types carry the schema's ids and names: `LAYER`, `name_for_id` for every
//! definition of `schema/importers.tl`, and each `Identifiable` impl against the id written in the
//! schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{blank_user, ids};
use tl_types::{Deserializable, Identifiable, LAYER, Serializable, functions, name_for_id, types};

#[test]
fn layer_and_the_request_id() {
    assert_eq!(LAYER, 228);
    assert_eq!(
        name_for_id(0xdf04dd4e),
        Some("messages.getChatInviteImporters")
    );
    assert_eq!(
        name_for_id(0x81b6b00a),
        Some("messages.chatInviteImporters")
    );
    assert_eq!(name_for_id(0xdeadbeef), None);
    assert_eq!(name_for_id(0), None);
}

/// Every `name#id` definition of the schema file, in order, parsed with plain string operations.
fn schema_definitions() -> (Vec<(String, u32)>, Option<i32>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/importers.tl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut defs = Vec::new();
    let mut layer = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("// LAYER ") {
            layer = Some(rest.trim().parse().unwrap());
        }
        if line.starts_with("//") || line.is_empty() {
            continue;
        }
        let head = line.split_whitespace().next().unwrap();
        if let Some((name, id)) = head.split_once('#') {
            defs.push((name.to_owned(), u32::from_str_radix(id, 16).unwrap()));
        }
    }
    (defs, layer)
}

#[test]
fn name_for_id_knows_every_schema_definition() {
    let (defs, layer) = schema_definitions();
    assert_eq!(layer, Some(LAYER), "the schema's layer comment");
    // 33 constructors and one function, plus the built-ins `true` and `vector`.
    assert_eq!(defs.len(), 36, "{defs:?}");
    for (name, id) in &defs {
        match name.as_str() {
            // Built-ins map to Rust types and have no generated struct.
            "true" | "vector" => {}
            _ => assert_eq!(name_for_id(*id), Some(name.as_str()), "{name}#{id:08x}"),
        }
    }
}

macro_rules! check_identity {
    ($($ty:ty => $id:expr, $name:literal;)*) => {{
        let mut n = 0;
        $(
            assert_eq!(<$ty as Identifiable>::CONSTRUCTOR_ID, $id, "id of {}", $name);
            assert_eq!(<$ty as Identifiable>::TL_NAME, $name);
            assert_eq!(name_for_id($id), Some($name));
            n += 1;
        )*
        n
    }};
}

#[test]
fn every_identifiable_matches_the_schema() {
    let n = check_identity! {
        functions::messages::GetChatInviteImporters => ids::GET_CHAT_INVITE_IMPORTERS, "messages.getChatInviteImporters";
        types::messages::ChatInviteImporters => ids::CHAT_INVITE_IMPORTERS, "messages.chatInviteImporters";
        types::ChatInviteImporter => ids::CHAT_INVITE_IMPORTER, "chatInviteImporter";
        types::InputPeerEmpty => ids::INPUT_PEER_EMPTY, "inputPeerEmpty";
        types::InputPeerSelf => ids::INPUT_PEER_SELF, "inputPeerSelf";
        types::InputPeerChat => ids::INPUT_PEER_CHAT, "inputPeerChat";
        types::InputPeerUser => ids::INPUT_PEER_USER, "inputPeerUser";
        types::InputPeerChannel => ids::INPUT_PEER_CHANNEL, "inputPeerChannel";
        types::InputPeerUserFromMessage => ids::INPUT_PEER_USER_FROM_MESSAGE, "inputPeerUserFromMessage";
        types::InputPeerChannelFromMessage => ids::INPUT_PEER_CHANNEL_FROM_MESSAGE, "inputPeerChannelFromMessage";
        types::InputUserEmpty => ids::INPUT_USER_EMPTY, "inputUserEmpty";
        types::InputUserSelf => ids::INPUT_USER_SELF, "inputUserSelf";
        types::InputUser => ids::INPUT_USER, "inputUser";
        types::InputUserFromMessage => ids::INPUT_USER_FROM_MESSAGE, "inputUserFromMessage";
        types::UserEmpty => ids::USER_EMPTY, "userEmpty";
        types::User => ids::USER, "user";
        types::UserProfilePhotoEmpty => ids::USER_PROFILE_PHOTO_EMPTY, "userProfilePhotoEmpty";
        types::UserProfilePhoto => ids::USER_PROFILE_PHOTO, "userProfilePhoto";
        types::UserStatusEmpty => ids::USER_STATUS_EMPTY, "userStatusEmpty";
        types::UserStatusOnline => ids::USER_STATUS_ONLINE, "userStatusOnline";
        types::UserStatusOffline => ids::USER_STATUS_OFFLINE, "userStatusOffline";
        types::UserStatusRecently => ids::USER_STATUS_RECENTLY, "userStatusRecently";
        types::UserStatusLastWeek => ids::USER_STATUS_LAST_WEEK, "userStatusLastWeek";
        types::UserStatusLastMonth => ids::USER_STATUS_LAST_MONTH, "userStatusLastMonth";
        types::RestrictionReason => ids::RESTRICTION_REASON, "restrictionReason";
        types::EmojiStatusEmpty => ids::EMOJI_STATUS_EMPTY, "emojiStatusEmpty";
        types::EmojiStatus => ids::EMOJI_STATUS, "emojiStatus";
        types::EmojiStatusCollectible => ids::EMOJI_STATUS_COLLECTIBLE, "emojiStatusCollectible";
        types::InputEmojiStatusCollectible => ids::INPUT_EMOJI_STATUS_COLLECTIBLE, "inputEmojiStatusCollectible";
        types::Username => ids::USERNAME, "username";
        types::RecentStory => ids::RECENT_STORY, "recentStory";
        types::PeerColor => ids::PEER_COLOR, "peerColor";
        types::PeerColorCollectible => ids::PEER_COLOR_COLLECTIBLE, "peerColorCollectible";
        types::InputPeerColorCollectible => ids::INPUT_PEER_COLOR_COLLECTIBLE, "inputPeerColorCollectible";
    };
    let (defs, _) = schema_definitions();
    assert_eq!(n, defs.len() - 2, "every generated definition is checked");
}

/// The boxed form starts with the id `Identifiable` declares, and decodes back.
fn starts_with_its_id<T>(value: T)
where
    T: Identifiable + Serializable + Deserializable + PartialEq + std::fmt::Debug,
{
    let bytes = value.to_bytes();
    assert_eq!(
        bytes[..4],
        T::CONSTRUCTOR_ID.to_le_bytes(),
        "{}",
        T::TL_NAME
    );
    assert_eq!(T::from_bytes(&bytes).unwrap(), value);
}

#[test]
fn round_trip_sanity_of_the_main_types() {
    starts_with_its_id(functions::messages::GetChatInviteImporters {
        requested: true,
        subscription_expired: false,
        peer: types::InputPeerSelf {}.into(),
        link: Some("https://t.me/+abc".into()),
        q: None,
        offset_date: 0,
        offset_user: types::InputUserSelf {}.into(),
        limit: 10,
    });
    starts_with_its_id(types::messages::ChatInviteImporters {
        count: 1,
        importers: vec![
            types::ChatInviteImporter {
                requested: false,
                via_chatlist: true,
                user_id: 1,
                date: 2,
                about: None,
                approved_by: Some(3),
            }
            .into(),
        ],
        users: vec![blank_user(1).into(), types::UserEmpty { id: 2 }.into()],
    });
    starts_with_its_id(blank_user(5));
    starts_with_its_id(types::UserEmpty { id: 5 });
    starts_with_its_id(types::InputPeerChannel {
        channel_id: 1,
        access_hash: 2,
    });
    starts_with_its_id(types::UserStatusEmpty {});
}
