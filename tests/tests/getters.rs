//! Getters on generated enums for the fields every constructor has alike: `enums::User::id()` on
//! the shipped types, and on the getters fixture every way a getter hands its value out (by value,
//! `&str`, slices, references, `Option`s), through boxed variants, a field held in a `Box` and a
//! `?true` field's method.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_tests::fixtures::{getters, getters_boxed, large_variant};
use tl_types::{enums, types};

#[test]
fn user_id_on_every_constructor() {
    let empty: enums::User = types::UserEmpty::new(7).into();
    let full: enums::User = types::User::new(42).with_first_name("Ann").into();
    assert_eq!(empty.id(), 7);
    assert_eq!(full.id(), 42);
    let ids: Vec<i64> = [empty, full].iter().map(enums::User::id).collect();
    assert_eq!(ids, [7, 42]);
}

fn chats() -> Vec<getters::enums::Chat> {
    use getters::types::{Channel, Chat, ChatEmpty, ChatPhoto};
    let photo = |id: i64| -> getters::enums::ChatPhoto { ChatPhoto::new(id).into() };
    vec![
        ChatEmpty::new(
            1,
            "empty",
            10,
            "about",
            photo(100),
            [1; 16],
            vec![],
            vec![],
            0.5,
            0,
            0,
        )
        .into(),
        Chat::new(
            2,
            "chat",
            20,
            photo(200),
            [2; 16],
            vec![5, 6],
            vec![9],
            1.5,
            0,
            0,
        )
        .with_creator(true)
        .with_username("chatname")
        .with_slowmode(30)
        .with_pinned(getters::types::ChatPhotoEmpty {})
        .into(),
        Channel::new(
            3,
            "channel",
            30,
            "about",
            photo(300),
            [3; 16],
            vec![7],
            vec![],
            2.5,
            0,
            0,
        )
        .with_admin_rights(5)
        .into(),
    ]
}

#[test]
fn shared_required_fields() {
    let chats = chats();
    let ids: Vec<i64> = chats.iter().map(getters::enums::Chat::id).collect();
    assert_eq!(ids, [1, 2, 3]);
    let titles: Vec<&str> = chats.iter().map(getters::enums::Chat::title).collect();
    assert_eq!(titles, ["empty", "chat", "channel"]);
    assert_eq!(chats[1].members(), &[5, 6]);
    assert_eq!(chats[1].thumb(), b"\x09");
    assert!(chats[0].members().is_empty());
    assert_eq!(chats[2].key(), &[3; 16]);
    assert_eq!(chats[2].rating(), 2.5);
    assert_eq!(
        chats[2].photo(),
        &getters::enums::ChatPhoto::from(getters::types::ChatPhoto::new(300))
    );
}

#[test]
fn shared_optional_fields() {
    let chats = chats();
    assert_eq!(chats[0].username(), None);
    assert_eq!(chats[1].username(), Some("chatname"));
    assert_eq!(chats[1].slowmode(), Some(30));
    assert_eq!(chats[2].slowmode(), None);
    assert_eq!(
        chats[1].pinned(),
        Some(&getters::enums::ChatPhoto::Empty(
            getters::types::ChatPhotoEmpty {}
        ))
    );
    assert_eq!(chats[0].pinned(), None);
}

#[test]
fn a_true_flag_stored_or_derived() {
    let chats = chats();
    // `chatEmpty` and `chat` store `creator`; `channel` derives it from `admin_rights`.
    let creators: Vec<bool> = chats.iter().map(getters::enums::Chat::creator).collect();
    assert_eq!(creators, [false, true, true]);
}

#[test]
fn through_boxes() {
    // `peerLarge` is held in a `Box` inside its enum.
    let small: large_variant::enums::Peer = large_variant::types::PeerSmall::new(1).into();
    let large: large_variant::enums::Peer =
        large_variant::types::PeerLarge::new(2, "a", "b", "c", "d", 0, 0, 0).into();
    assert!(matches!(large, large_variant::enums::Peer::Large(_)));
    assert_eq!((small.id(), large.id()), (1, 2));
    let user: getters::enums::Peer = getters::types::PeerUser::new(4, "bot").into();
    assert_eq!((user.id(), user.r#type()), (4, "bot"));

    // `threadRoot.reply` is held in a `Box` (the type is recursive); `threadBranch.reply` is not.
    use getters::types::{ThreadBranch, ThreadRoot};
    let root: getters::enums::Thread = ThreadRoot::new(1).with_reply(ThreadRoot::new(2)).into();
    let branch: getters::enums::Thread = ThreadBranch::new(3).with_reply(ThreadRoot::new(4)).into();
    assert_eq!(root.reply().map(|r| r.id), Some(2));
    assert_eq!(branch.reply().map(|r| r.id), Some(4));
    assert_eq!(root.reply().and_then(|r| r.reply.as_deref()), None);

    // With `boxed("chatEmpty.photo")`, the first constructor holds the required field in a `Box`.
    use getters_boxed::types::{Chat, ChatEmpty, ChatPhoto};
    let photo = getters_boxed::enums::ChatPhoto::from(ChatPhoto::new(8));
    let empty = ChatEmpty::new(
        1,
        "e",
        0,
        "",
        photo.clone(),
        [0; 16],
        vec![],
        vec![],
        0.0,
        0,
        0,
    );
    let held: Box<getters_boxed::enums::ChatPhoto> = empty.photo.clone();
    assert_eq!(*held, photo);
    let chats: [getters_boxed::enums::Chat; 2] = [
        empty.into(),
        Chat::new(2, "c", 0, photo.clone(), [0; 16], vec![], vec![], 0.0, 0, 0).into(),
    ];
    assert!(chats.iter().all(|c| c.photo() == &photo));
}
