//! Builds a `messages.getChatInviteImporters` request and prints its bytes and the errors its
//! documentation says it may fail with, then decodes a `messages.ChatInviteImporters` response from
//! bytes and prints it, and reads an error answer.
//!
//! Run with `cargo run --example importers`.

use tl_types::{
    Deserializable, RemoteCall, RpcError, Serializable, enums, errors, functions, types,
};

/// A response as a server sends it, in hex: one importer who asked to join with a note, and the
/// user it refers to (a premium user with a name, a username, a photo, a status and a language).
const RESPONSE_HEX: &str = concat!(
    "0ab0b6810100000015c4b51c01000000d9df5a8c050000004e61bc000000000080675469",
    "10506c65617365206c6574206d6520696e00000015c4b51c0100000083ccb8b16f004010",
    "000000004e61bc0000000000080706050403020105416c6963650000074c696464656c6c",
    "05616c696365000006f7d182000000000900000000000000020000004939b9ed00b95569",
    "02656e00",
);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `new` takes the required fields in schema order; `with_` sets what may be left out.
    let channel = types::InputPeerChannel::new(1_234_567_890, -77_777_777_777);
    let request =
        functions::messages::GetChatInviteImporters::new(channel, 0, types::InputUserEmpty {}, 50)
            .with_requested(true)
            .with_link("https://t.me/+AbCdEfGhIjKlMnOp");
    let bytes = request.to_bytes();
    println!(
        "request messages.getChatInviteImporters ({} bytes):",
        bytes.len()
    );
    println!("{}", hex(&bytes));

    // The errors Telegram's page for the method lists, in its order, with the code and the
    // description of the shipped `errors` module.
    type Request = functions::messages::GetChatInviteImporters;
    println!("\npossible errors:");
    for name in <Request as RemoteCall>::POSSIBLE_ERRORS {
        match errors::ALL.iter().find(|e| e.name == *name) {
            Some(doc) => println!("  {} {name}: {}", doc.code, doc.description),
            None => println!("  {name}"),
        }
    }

    let response_bytes = unhex(RESPONSE_HEX)?;
    let response: <functions::messages::GetChatInviteImporters as RemoteCall>::Return =
        enums::messages::ChatInviteImporters::from_bytes(&response_bytes)?;
    println!(
        "\nresponse messages.ChatInviteImporters ({} bytes), decoded:",
        response_bytes.len()
    );
    println!("{response:#?}");

    // A server answering with `rpc_error#2144ca19` instead: the error, and what the
    // documentation says about it.
    let mut answer = RpcError::CONSTRUCTOR_ID.to_le_bytes().to_vec();
    answer.extend_from_slice(&400i32.to_le_bytes());
    answer.extend_from_slice(b"\x13CHAT_ADMIN_REQUIRED");
    let error = RpcError::from_bytes(&answer)?;
    print!("\nanswer {}: {error}", hex(&answer));
    match errors::lookup(&error) {
        Some(doc) => println!(" ({})", doc.description),
        None => println!(),
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Result<Vec<u8>, std::num::ParseIntError> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16))
        .collect()
}
