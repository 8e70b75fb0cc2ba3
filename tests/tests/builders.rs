//! The construction API: `new(...)` with the required fields and `with_` setters give the same value
//! (and bytes) as a struct literal; enums name their constructor and convert back to it; `Default`
//! where every field has one; and what is left with the switches off.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_tests::fixtures::{recursion, shared_bits};
use tl_types::{Identifiable, Serializable, enums, functions, types};

#[test]
fn the_seed_request_both_ways() {
    let literal = functions::messages::GetChatInviteImporters {
        requested: true,
        subscription_expired: true,
        peer: types::InputPeerChannel {
            channel_id: 1_234_567_890,
            access_hash: -77_777_777_777,
        }
        .into(),
        link: Some("https://t.me/+AbCdEfGhIjKlMnOp".to_owned()),
        q: Some("bob".to_owned()),
        offset_date: 1_700_000_000,
        offset_user: types::InputUserEmpty {}.into(),
        limit: 50,
    };
    let built = functions::messages::GetChatInviteImporters::new(
        types::InputPeerChannel::new(1_234_567_890, -77_777_777_777),
        1_700_000_000,
        types::InputUserEmpty {},
        50,
    )
    .with_requested(true)
    .with_subscription_expired(true)
    .with_link("https://t.me/+AbCdEfGhIjKlMnOp")
    .with_q("bob");
    assert_eq!(built, literal);
    assert_eq!(built.to_bytes(), literal.to_bytes());
    // What is not set starts absent.
    let bare = functions::messages::GetChatInviteImporters::new(
        types::InputPeerSelf {},
        0,
        types::InputUserEmpty {},
        10,
    );
    assert!(!bare.requested && !bare.subscription_expired);
    assert_eq!((bare.link, bare.q), (None, None));
    // A setter can clear a flag again.
    assert!(!built.with_requested(false).requested);
}

#[test]
fn enums_name_their_constructor_and_convert_back() {
    let peer: enums::InputPeer = types::InputPeerChat::new(5).into();
    assert_eq!(peer.constructor_id(), types::InputPeerChat::CONSTRUCTOR_ID);
    assert_eq!(peer.tl_name(), "inputPeerChat");
    let chat = types::InputPeerChat::try_from(peer.clone()).unwrap();
    assert_eq!(chat.chat_id, 5);
    // The wrong constructor gives the enum back.
    let back = types::InputPeerSelf::try_from(peer.clone()).unwrap_err();
    assert_eq!(back, peer);
}

#[test]
fn shared_bits_heap_fields_and_defaults() {
    use shared_bits::types::{BotUser, Poll, PollSolution};
    // A struct whose fields all have a default implements `Default`.
    let poll = Poll::default().with_solution(PollSolution {
        solution: "s".into(),
        solution_len: 1,
    });
    assert!(poll.solution.is_some());
    // The `?true` field that shares its bit follows its partner: no setter of its own.
    let bot = BotUser::new(1).with_bot_info_version(7);
    assert!(bot.bot());
    // A field held in a `Box` takes the value itself.
    let bold = recursion::types::TextBold::new(recursion::types::TextPlain::new("x"));
    let nested = recursion::types::TextBold::new(bold.clone());
    assert_eq!(
        nested.text,
        recursion::enums::RichText::TextBold(Box::new(bold))
    );
}

#[test]
fn config_hooks_take_effect() {
    use std::collections::HashSet;
    use tl_tests::fixtures::hooks::{enums::RichText, types};
    // `type_attribute(".", "#[derive(Eq, Hash)]")` reached structs and enums.
    let plain: RichText = types::TextPlain::new("x").into();
    let set: HashSet<RichText> = [plain.clone(), plain.clone()].into_iter().collect();
    assert_eq!(set.len(), 1);
    // `boxed("textBold.text")` holds the field in a `Box`.
    let bold = types::TextBold::new(plain.clone());
    let held: Box<RichText> = bold.text;
    assert_eq!(*held, plain);
}

#[test]
fn without_the_api_switches_values_are_written_out() {
    use tl_tests::fixtures::api_off::{enums, types};
    use tl_types::Deserializable;
    // `builders(false)` and `enum_helpers(false)`: struct literals, `From` into the enum, `match`.
    let thread: enums::Thread = types::ThreadBranch {
        id: 3,
        reply: Some(types::ThreadRoot { id: 4, reply: None }),
    }
    .into();
    let bytes = thread.to_bytes();
    assert_eq!(enums::Thread::from_bytes(&bytes).unwrap(), thread);
    let enums::Thread::Branch(branch) = thread else {
        panic!("not a branch: {thread:?}");
    };
    assert_eq!(branch.reply.map(|root| root.id), Some(4));
}
