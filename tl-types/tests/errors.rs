//! The shipped types' documentation as data: `GetChatInviteImporters` lists the seven errors of its
//! page in `POSSIBLE_ERRORS`, in the page's order, each one a constant of `tl_types::errors` (with
//! the code of the dump's list of errors), and `errors::lookup` finds them from the errors a
//! server answers with.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tl_types::{ErrorDoc, RemoteCall, RpcError, errors, functions};

#[test]
fn get_chat_invite_importers_lists_the_errors_of_its_page() {
    let possible = <functions::messages::GetChatInviteImporters as RemoteCall>::POSSIBLE_ERRORS;
    let documented: Vec<(i32, &str)> = possible
        .iter()
        .map(|name| {
            let doc = errors::ALL.iter().find(|e| e.name == *name).unwrap();
            (doc.code, doc.name)
        })
        .collect();
    assert_eq!(
        documented,
        [
            (400, "CHANNEL_INVALID"),
            (400, "CHANNEL_PRIVATE"),
            (400, "CHAT_ADMIN_REQUIRED"),
            (403, "CHAT_WRITE_FORBIDDEN"),
            // The dump's list of errors gives it 406; the method's page (its table in the
            // struct's docs) says 400.
            (406, "INVITE_HASH_EXPIRED"),
            (400, "PEER_ID_INVALID"),
            (400, "SEARCH_WITH_LINK_NOT_SUPPORTED"),
        ]
    );
    assert_eq!(errors::ALL.len(), 7);
    assert_eq!(
        errors::CHAT_WRITE_FORBIDDEN,
        ErrorDoc::new("CHAT_WRITE_FORBIDDEN", 403, "You can't write in this chat.")
    );
}

#[test]
fn lookup_finds_the_entry_of_a_server_error() {
    let answer = RpcError::parse(400, "CHAT_ADMIN_REQUIRED");
    assert_eq!(errors::lookup(&answer), Some(&errors::CHAT_ADMIN_REQUIRED));
    assert_eq!(
        errors::lookup(&answer).unwrap().description,
        "You must be an admin in this chat to do this."
    );
    // Not documented for these types (the full dump has it).
    assert_eq!(errors::lookup(&RpcError::parse(420, "FLOOD_WAIT_42")), None);
    // The same name with a number is another error.
    assert_eq!(
        errors::lookup(&RpcError::parse(400, "PEER_ID_INVALID_5")),
        None
    );
}
