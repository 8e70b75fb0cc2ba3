//! `tlgen decode` and `tlgen encode`: the README's example (a hex importers response to JSON and
//! text), JSON back to the same bytes, `--type`, several `--schema` files with MTProto's envelopes,
//! exit codes with the error's offset and path, and every corpus schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;

use tl_types::{Deserializable as _, enums};

mod harness;

use harness::run::{stderr, stdout};

/// A response as a server sends it (the README's example, also `cargo run --example importers`):
/// one importer who asked to join with a note, and the user it refers to.
const RESPONSE_HEX: &str = "\
    0ab0b6810100000015c4b51c01000000d9df5a8c050000004e61bc000000000080675469\n\
    10506c65617365206c6574206d6520696e00000015c4b51c0100000083ccb8b16f004010\n\
    000000004e61bc0000000000080706050403020105416c6963650000074c696464656c6c\n\
    05616c696365000006f7d182000000000900000000000000020000004939b9ed00b95569\n\
    02656e00\n";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn importers() -> String {
    workspace()
        .join("schema/importers.tl")
        .display()
        .to_string()
}

/// Runs tlgen with `stdin` on its standard input.
fn tlgen(args: &[&str], stdin: &[u8]) -> Output {
    harness::run::tlgen_in(Path::new("."), args, stdin)
}

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

#[test]
fn the_readme_example_decodes_to_the_generated_json_and_to_text() {
    let schema = importers();
    let out = tlgen(
        &["decode", "--schema", &schema, "--hex"],
        RESPONSE_HEX.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let typed = enums::messages::ChatInviteImporters::from_bytes(&hex(RESPONSE_HEX)).unwrap();
    let expected = tl_types::json::to_string(&typed).unwrap();
    assert_eq!(stdout(&out), format!("{expected}\n"));
    assert!(expected.contains(r#""first_name":"Alice""#), "{expected}");

    let out = tlgen(
        &[
            "decode", "--schema", &schema, "--hex", "--format", "text", "-",
        ],
        RESPONSE_HEX.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "messages.chatInviteImporters#81b6b00a\n",
        "\n  count: 1\n",
        "\n  importers: [1]\n    [0] chatInviteImporter#8c5adfd9\n      requested: true\n",
        "\n  users: [1]\n    [0] user#b1b8cc83\n",
        "\n      first_name: \"Alice\"\n",
        "\n      photo: userProfilePhoto#82d1f706\n        photo_id: 9\n",
        "\n      status: userStatusOnline#edb93949\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    // Unset flags are left out.
    assert!(!text.contains("bot"), "{text}");
}

#[test]
fn encode_gives_back_the_bytes_raw_and_hex() {
    let schema = importers();
    let json = stdout(&tlgen(
        &["decode", "--schema", &schema, "--hex"],
        RESPONSE_HEX.as_bytes(),
    ));
    let out = tlgen(&["encode", "--schema", &schema, "--hex"], json.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(hex(&stdout(&out)), hex(RESPONSE_HEX));
    let out = tlgen(&["encode", "--schema", &schema, "-"], json.as_bytes());
    assert_eq!(out.stdout, hex(RESPONSE_HEX));
    // Raw bytes in, from a file.
    let dir = std::env::temp_dir().join(format!("tlgen-decode-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("response.bin");
    std::fs::write(&file, hex(RESPONSE_HEX)).unwrap();
    let out = tlgen(
        &["decode", "--schema", &schema, file.to_str().unwrap()],
        b"",
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(stdout(&out), json);
}

#[test]
fn type_names_a_boxed_type_a_constructor_or_a_vector() {
    let schema = importers();
    let decode = |ty: &str, input: &str| {
        tlgen(
            &["decode", "--schema", &schema, "--type", ty, "--hex"],
            input.as_bytes(),
        )
    };
    let plain = stdout(&decode("messages.ChatInviteImporters", RESPONSE_HEX));
    assert!(plain.starts_with(r#"{"@type":"messages.chatInviteImporters""#));
    assert_eq!(
        stdout(&decode("messages.chatInviteImporters", RESPONSE_HEX)),
        plain
    );
    let out = decode(
        "Vector<long>",
        "15c4b51c 02000000 0100000000000000 feffffffffffffff",
    );
    assert_eq!(stdout(&out), "[\"1\",\"-2\"]\n");
    let out = decode(
        "Vector<User>",
        "15c4b51c 01000000 7a4bbcd3 0500000000000000",
    );
    assert_eq!(stdout(&out), "[{\"@type\":\"userEmpty\",\"id\":\"5\"}]\n");
    // The wrong type: an unknown constructor, with the way to find out more.
    let out = decode("User", RESPONSE_HEX);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("at byte 0: unknown constructor id 0x81b6b00a for type User")
            && err.contains("tlgen explain 0x81b6b00a"),
        "{err}"
    );
    // Encoding with a type: a JSON array of longs.
    let out = tlgen(
        &[
            "encode",
            "--schema",
            &schema,
            "--type",
            "Vector<long>",
            "--hex",
        ],
        b"[\"1\", -2]",
    );
    assert_eq!(
        stdout(&out),
        "15c4b51c020000000100000000000000feffffffffffffff\n"
    );
}

#[test]
fn errors_name_the_offset_and_path_and_exit_codes_follow_the_other_commands() {
    let schema = importers();
    // Cut inside the user's first name.
    let cut = &RESPONSE_HEX.replace('\n', "")[..2 * 120];
    let out = tlgen(&["decode", "--schema", &schema, "--hex"], cut.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: failed to decode messages.chatInviteImporters.users[0].user.")
            && err.contains(" at byte ")
            && err.contains("unexpected end of input"),
        "{err}"
    );
    // Trailing bytes.
    let out = tlgen(
        &["decode", "--schema", &schema, "--hex"],
        format!("{RESPONSE_HEX}00000000").as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("at byte 148: 4 trailing bytes"),
        "{}",
        stderr(&out)
    );
    // Not hex.
    let out = tlgen(&["decode", "--schema", &schema, "--hex"], b"0ab0b68");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("odd number of digits"),
        "{}",
        stderr(&out)
    );
    // JSON that is not a value of the schema: the path of the member and the field.
    let out = tlgen(
        &["encode", "--schema", &schema],
        br#"{"@type":"messages.chatInviteImporters","count":1,"importers":[],"users":[{"@type":"userEmpty"}]}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("at `users[0]`: missing field `id` of `userEmpty`"),
        "{err}"
    );
    // Usage: an unknown type, a missing file, no schema.
    let out = tlgen(&["decode", "--schema", &schema, "--type", "Nope"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no type, constructor or function is named `Nope`"));
    let out = tlgen(&["decode", "--schema", "missing.tl"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = tlgen(&["decode", "--schema", &schema, "missing.bin"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read missing.bin"));
    let out = tlgen(&["decode"], b"");
    assert_eq!(out.status.code(), Some(2));
    // A schema with errors.
    let dir = std::env::temp_dir().join(format!("tlgen-decode-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.tl");
    std::fs::write(&bad, "user#1 id:Nope = User;\n").unwrap();
    let out = tlgen(&["decode", "--schema", bad.to_str().unwrap()], b"");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the schema has errors"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn several_schema_files_combine_with_mtproto_envelopes() {
    // mtproto.tl and api-L228.tl of the corpus both declare `int`, `vector`, `ipPort` …, which
    // tl-parser refuses as duplicate names; a few MTProto service types beside importers.tl show
    // the combination.
    let dir = std::env::temp_dir().join(format!("tlgen-decode-mtproto-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mtproto = dir.join("mtproto-part.tl");
    std::fs::write(
        &mtproto,
        "pong#347773c5 msg_id:long ping_id:long = Pong;\n\
         rpc_error#2144ca19 error_code:int error_message:string = RpcError;\n",
    )
    .unwrap();
    let (mtproto, api) = (mtproto.display().to_string(), importers());
    let args = ["--schema", &mtproto, "--schema", &api];
    let json = concat!(
        r#"{"@type":"msg_container","messages":["#,
        r#"{"@type":"message","msg_id":"1","seqno":1,"body":{"@type":"pong","msg_id":"5","ping_id":"7"}},"#,
        r#"{"@type":"message","msg_id":"2","seqno":3,"body":{"@type":"rpc_result","req_msg_id":"5","result":{"@type":"userEmpty","id":"9"}}},"#,
        r#"{"@type":"message","msg_id":"3","seqno":5,"body":{"@type":"@unknown","id":"0x0badf00d","data":"AQIDBA=="}}]}"#
    );
    let out = tlgen(&[&["encode", "--hex"], &args[..]].concat(), json.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = stdout(&out);
    let out = tlgen(
        &[&["decode", "--hex"], &args[..]].concat(),
        bytes.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let decoded = stdout(&out);
    // `bytes` is the length of each body: written by encode, shown by decode.
    assert!(
        decoded.contains(r#""seqno":1,"bytes":20,"body":{"@type":"pong""#),
        "{decoded}"
    );
    assert!(
        decoded.contains(
            r#""bytes":8,"body":{"@type":"@unknown","id":"0x0badf00d","data":"AQIDBA=="}"#
        ),
        "{decoded}"
    );
    let out = tlgen(
        &[&["encode", "--hex"], &args[..]].concat(),
        decoded.as_bytes(),
    );
    assert_eq!(stdout(&out), bytes);
    let out = tlgen(
        &[&["decode", "--hex", "--format", "text"], &args[..]].concat(),
        bytes.as_bytes(),
    );
    let text = stdout(&out);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        text.contains("      body: unknown#0badf00d bytes[4] 01020304\n"),
        "{text}"
    );
    // Without the first file, `pong` is unknown: an error naming the id, the type and the path.
    let out = tlgen(&["decode", "--hex", "--schema", &api], bytes.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "unknown bodies are kept: {}",
        stderr(&out)
    );
    assert!(stdout(&out).contains(r#""body":{"@type":"@unknown","id":"0x347773c5""#));
}

#[test]
fn every_corpus_schema_decodes_and_encodes() {
    let corpus = harness::corpus::dir();
    let mut checked = 0;
    for dir in ["telegram", "tdlib", "ton"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "tl"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let (_, parsed) = tl_parser::parse_str(&file.display().to_string(), &text);
            let Ok(schema) = parsed.into_result() else {
                continue; // TON's test_schema.tl has errors on purpose (tlgen check's test).
            };
            // A constructor without fields: `{"@type":"name"}` is all of its JSON.
            let Some(def) = schema.definitions().iter().find(|d| {
                matches!(d.kind, tl_parser::DefKind::Constructor(_)) && d.params.is_empty()
            }) else {
                continue;
            };
            let path = file.display().to_string();
            let json = format!("{{\"@type\":\"{}\"}}", def.name.full);
            let out = tlgen(&["encode", "--schema", &path, "--hex"], json.as_bytes());
            assert_eq!(out.status.code(), Some(0), "{path}: {}", stderr(&out));
            assert_eq!(
                stdout(&out),
                format!("{:08x}\n", def.id.swap_bytes()),
                "{path}"
            );
            let out = tlgen(&["decode", "--schema", &path, "--hex"], &out.stdout);
            assert_eq!(
                stdout(&out),
                format!("{json}\n"),
                "{path}: {}",
                stderr(&out)
            );
            checked += 1;
        }
    }
    assert!(checked >= 14, "{checked}");
}

/// The README's section on `tlgen decode` shows what the command prints for the hex it gives.
#[test]
fn the_readme_shows_what_decode_prints() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let Some(at) = readme.find("## Decoding any TL bytes: tlgen decode / encode") else {
        panic!("README.md has no section on tlgen decode");
    };
    let section = &readme[at..];
    let block = |fence: &str| {
        let start = section.find(fence).unwrap() + fence.len();
        section[start..section[start..].find("```").unwrap() + start].to_owned()
    };
    let hex_line = section.lines().find(|l| l.starts_with("echo '")).unwrap();
    let input = hex_line.split('\'').nth(1).unwrap();
    assert_eq!(hex(input), hex(RESPONSE_HEX));
    let schema = importers();
    let json = stdout(&tlgen(
        &["decode", "--schema", &schema, "--hex"],
        input.as_bytes(),
    ));
    assert_eq!(block("```json\n"), json);
    let text = stdout(&tlgen(
        &["decode", "--schema", &schema, "--hex", "--format", "text"],
        input.as_bytes(),
    ));
    assert_eq!(block("```text\n"), text);
}
