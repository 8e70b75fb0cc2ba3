//! Records TDLib's answers to a fixed set of requests as JSON lines, the text TDLib printed kept
//! byte for byte: `tests/fixtures/tdlib-1.8.66.jsonl` is this program's output.
//!
//! ```sh
//! export TDJSON_LIB="$(bash .ci/tdjson.sh)"
//! cargo run -p tl-tdjson --example record_fixtures > tl-tdjson/tests/fixtures/tdlib-1.8.66.jsonl
//! ```
//!
//! Lines: first `{"readme": …}`; then `{"via":"td_execute","request":…,"answer":…}` for the
//! synchronous requests, in the order sent; then, in the order `td_receive` returned them,
//! `{"via":"td_receive","request":…,"answer":…}` for the answers of one client and
//! `{"update":…}` for its updates, from its creation to its close. A `"note"` says why a request
//! beyond the plain cases is there. Requests and answers are spliced in as text, never re-encoded
//! (TDLib's `1.500000` would become `1.5`).

use std::collections::BTreeMap;
use std::error::Error;
use std::time::{Duration, Instant};

use serde_json::Value;
use tl_tdjson::Tdjson;

/// Synchronous requests, with a note for those that show a convention rather than a plain case.
const EXECUTE: &[(&str, Option<&str>)] = &[
    (
        r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":0}"#,
        None,
    ),
    (r#"{"@type":"getLogVerbosityLevel"}"#, None),
    (r#"{"@type":"getLogTags"}"#, None),
    (
        r#"{"@type":"getLogTagVerbosityLevel","tag":"td_requests"}"#,
        None,
    ),
    (
        r#"{"@type":"getTextEntities","text":"@telegram /test_command https://telegram.org telegram.me"}"#,
        None,
    ),
    (
        r#"{"@type":"parseTextEntities","text":"*bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` [link](https://telegram.org) [mention](tg://user?id=123456789) ![👍](tg://emoji?id=5368324170671202286)\n>quote\n```rust\nfn main() {}\n```\nescaped \\. \\! \\*","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
        Some(
            "int53 (textEntityTypeMentionName.user_id) is a JSON number, int64 (textEntityTypeCustomEmoji.custom_emoji_id) a JSON string; non-ASCII text is written as \\u escapes, UTF-16 surrogate pairs beyond the BMP",
        ),
    ),
    (
        r#"{"@type":"parseTextEntities","text":"*unclosed","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
        Some("a request that fails is answered with an error object"),
    ),
    (
        r#"{"@type":"parseTextEntities","text":"<b>bold</b> <i>italic</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> <code>c</code> <pre><code class=\"language-rust\">fn main() {}</code></pre> <a href=\"https://telegram.org\">link</a> <a href=\"tg://user?id=123456789\">mention</a> <tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> <blockquote>q</blockquote> &lt;&amp;&gt;","parse_mode":{"@type":"textParseModeHTML"}}"#,
        None,
    ),
    (
        r#"{"@type":"parseMarkdown","text":{"@type":"formattedText","text":"**bold** __italic__ `code` [link](https://telegram.org)","entities":[]}}"#,
        None,
    ),
    (
        r#"{"@type":"getMarkdownText","text":{"@type":"formattedText","text":"bold italic code link","entities":[{"@type":"textEntity","offset":0,"length":4,"type":{"@type":"textEntityTypeBold"}},{"@type":"textEntity","offset":5,"length":6,"type":{"@type":"textEntityTypeItalic"}},{"@type":"textEntity","offset":12,"length":4,"type":{"@type":"textEntityTypeCode"}},{"@type":"textEntity","offset":17,"length":4,"type":{"@type":"textEntityTypeTextUrl","url":"https://telegram.org/"}}]}}"#,
        Some("an empty vector is written []"),
    ),
    (
        r#"{"@type":"getJsonValue","json":"{\"int\":42,\"neg\":-7,\"frac\":0.1,\"tiny\":1e-7,\"big\":12345678901234567890,\"str\":\"é😀\\n\\u0000\",\"t\":true,\"f\":false,\"n\":null,\"arr\":[],\"obj\":{}}"}"#,
        Some(
            "double is written with printf's %f: six decimals, so 1e-7 becomes 0.000000 and large values are written out in full",
        ),
    ),
    (
        r#"{"@type":"getJsonString","json_value":{"@type":"jsonValueObject","members":[{"@type":"jsonObjectMember","key":"a","value":{"@type":"jsonValueNumber","value":1.5}},{"@type":"jsonObjectMember","key":"b","value":{"@type":"jsonValueArray","values":[{"@type":"jsonValueBoolean","value":true},{"@type":"jsonValueNull"},{"@type":"jsonValueString","value":"é"}]}}]}}"#,
        None,
    ),
    (
        r#"{"@type":"getFileMimeType","file_name":"photo.JPG"}"#,
        None,
    ),
    (
        r#"{"@type":"getFileMimeType","file_name":"file.unknownext"}"#,
        Some("unknown: an empty string, not an error"),
    ),
    (
        r#"{"@type":"getFileExtension","mime_type":"image/png"}"#,
        None,
    ),
    (
        r#"{"@type":"getFileExtension","mime_type":"application/x-unknown-thing"}"#,
        None,
    ),
    (
        r#"{"@type":"cleanFileName","file_name":"../a:b*c?<d>|e\"f.txt"}"#,
        None,
    ),
    (
        r#"{"@type":"getLanguagePackString","language_pack_database_path":"","localization_target":"android","language_pack_id":"en","key":"Cancel"}"#,
        Some("no language pack database: an error"),
    ),
    (
        r#"{"@type":"getPhoneNumberInfoSync","language_code":"en","phone_number_prefix":"4915"}"#,
        None,
    ),
    (
        r#"{"@type":"getPhoneNumberInfoSync","language_code":"en","phone_number_prefix":"999999"}"#,
        Some("phoneNumberInfo.country (documented: may be null) is omitted, not written as null"),
    ),
    (
        r#"{"@type":"searchStringsByPrefix","strings":["Hello world","hello","World","helicopter","abc"],"query":"hel","limit":10,"return_none_for_empty_query":true}"#,
        None,
    ),
    (
        r#"{"@type":"searchStringsByPrefix","strings":["a","b"],"query":"","limit":10,"return_none_for_empty_query":true}"#,
        None,
    ),
    (
        r#"{"@type":"testReturnError","error":{"@type":"error","code":42,"message":"test error"}}"#,
        None,
    ),
    (
        r#"{"@type":"testReturnError"}"#,
        Some(
            "the error field left out (TDLib reads a missing object as null): TDLib answers 404 Not Found",
        ),
    ),
    (
        r#"{"@type":"getCountryFlagEmoji","country_code":"DE"}"#,
        None,
    ),
    (
        r#"{"@type":"getChatFolderDefaultIconName","folder":{"@type":"chatFolder","name":{"@type":"chatFolderName","text":{"@type":"formattedText","text":"Bots","entities":[]},"animate_custom_emoji":false},"color_id":-1,"is_shareable":false,"pinned_chat_ids":[],"included_chat_ids":[],"excluded_chat_ids":[],"exclude_muted":false,"exclude_read":false,"exclude_archived":false,"include_contacts":false,"include_non_contacts":false,"include_bots":true,"include_groups":false,"include_channels":false}}"#,
        None,
    ),
    (r#"{"@type":"getOption","name":"version"}"#, None),
    (
        r#"{"@type":"getTextEntities","text":"@telegram","@extra":{"any":["json",1.50]}}"#,
        Some("@extra on td_execute: echoed as the last field"),
    ),
    // What TDLib accepts on input, beyond what it writes.
    (
        r#"{"@type":"getMarkdownText","text":{"@type":"formattedText","text":"👍 m","entities":[{"@type":"textEntity","offset":0,"length":2,"type":{"@type":"textEntityTypeCustomEmoji","custom_emoji_id":5368324170671202286}},{"@type":"textEntity","offset":3,"length":1,"type":{"@type":"textEntityTypeMentionName","user_id":"123"}}]}}"#,
        Some(
            "input: int64 given as a JSON number and int53 as a string are accepted; the answer writes them the canonical way",
        ),
    ),
    (
        r#"{"@type":"searchStringsByPrefix","strings":["a"],"query":"a","limit":"10","return_none_for_empty_query":1}"#,
        Some("input: int32 as a string and Bool as the number 1 are accepted"),
    ),
    (
        r#"{"@type":"searchStringsByPrefix","strings":["a"],"query":"a","limit":10.0,"return_none_for_empty_query":true}"#,
        Some("input: an int32 written 10.0 is refused"),
    ),
    (
        r#"{"@type":"getChatFolderDefaultIconName","folder":{"include_bots":true}}"#,
        Some(
            "input: @type may be left out where the type is known, and missing fields take their defaults (0, false, empty)",
        ),
    ),
    (
        r#"{"@type":"getTextEntities","text":5}"#,
        Some("input: a field of the wrong JSON type is an error"),
    ),
    (
        r#"{"@type":"noSuchFunction"}"#,
        Some("input: an unknown @type"),
    ),
    (r#"not json"#, Some("input: not JSON at all")),
    (
        r#"{"@type":"getAuthorizationState"}"#,
        Some("a request that is not synchronous, through td_execute"),
    ),
];

/// Requests to one client, each with its own `@extra`; `close` comes last, separately.
const CLIENT: &[(&str, Option<&str>)] = &[
    (r#"{"@type":"getOption","name":"version","@extra":1}"#, None),
    (r#"{"@type":"getAuthorizationState","@extra":2}"#, None),
    (r#"{"@type":"testCallEmpty","@extra":3}"#, None),
    (
        r#"{"@type":"testCallString","x":"héllo 😀 \"q\" \\ \u0000 \n end","@extra":4}"#,
        None,
    ),
    (
        r#"{"@type":"testCallBytes","x":"AAEC/w==","@extra":5}"#,
        Some("bytes are standard base64 with padding (bytes 00 01 02 ff)"),
    ),
    (r#"{"@type":"testCallBytes","x":"","@extra":6}"#, None),
    (
        r#"{"@type":"testCallBytes","x":"AAEC/w","@extra":7}"#,
        Some("input: base64 without padding is refused"),
    ),
    (
        r#"{"@type":"testCallVectorInt","x":[1,-2,2147483647,-2147483648],"@extra":8}"#,
        None,
    ),
    (r#"{"@type":"testCallVectorInt","x":[],"@extra":9}"#, None),
    (
        r#"{"@type":"testCallVectorIntObject","x":[{"@type":"testInt","value":1},{"@type":"testInt","value":-2}],"@extra":10}"#,
        None,
    ),
    (
        r#"{"@type":"testCallVectorString","x":["a","","😀"],"@extra":11}"#,
        None,
    ),
    (
        r#"{"@type":"testCallVectorStringObject","x":[{"@type":"testString","value":"a"},{"@type":"testString","value":""}],"@extra":12}"#,
        None,
    ),
    (r#"{"@type":"testSquareInt","x":12,"@extra":13}"#, None),
    (
        r#"{"@type":"testSquareInt","x":46341,"@extra":14}"#,
        Some("46341² overflows int32: TDLib answers the wrapped value"),
    ),
    (
        r#"{"@type":"testCallEmpty","@extra":{"any":["json",1.50,null]}}"#,
        Some(
            "@extra can be any JSON value; it comes back as the last field but one, before @client_id",
        ),
    ),
];

const CLOSE: &str = r#"{"@type":"close","@extra":"close"}"#;

fn main() -> Result<(), Box<dyn Error>> {
    let td = Tdjson::find()?;
    let mut lines = Vec::new();
    for (request, note) in EXECUTE {
        let answer = execute(&td, request)?;
        lines.push(line("td_execute", request, &answer, *note));
    }

    let client = td.create_client_id();
    let mut pending: BTreeMap<String, (&str, Option<&str>)> = BTreeMap::new();
    for (request, note) in CLIENT.iter().chain(&[(CLOSE, None)]) {
        let parsed: Value = serde_json::from_str(request)?;
        pending.insert(parsed["@extra"].to_string(), (request, *note));
    }
    for (request, _) in CLIENT {
        td.send(client, request)?;
    }
    let mut commit = None;
    let mut close_sent = false;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if Instant::now() > deadline {
            return Err(format!("the client did not close within a minute; {pending:?}").into());
        }
        // Close once every other request is answered, so that none is answered by the close.
        if !close_sent && pending.len() == 1 {
            td.send(client, CLOSE)?;
            close_sent = true;
        }
        let Some(text) = td.receive(1.0) else {
            continue;
        };
        let value = record(&text, &mut pending, &mut lines)?;
        if value["@type"] == "updateOption" && value["name"] == "commit_hash" {
            commit = value["value"]["value"].as_str().map(str::to_owned);
        }
        if value["@type"] == "updateAuthorizationState"
            && value["authorization_state"]["@type"] == "authorizationStateClosed"
        {
            break;
        }
    }
    // The answer to `close` may come after the closed state.
    while let Some(text) = td.receive(0.5) {
        record(&text, &mut pending, &mut lines)?;
    }
    if !pending.is_empty() {
        return Err(format!("no answer to {pending:?}").into());
    }

    let version = execute(&td, r#"{"@type":"getOption","name":"version"}"#)?;
    let version: Value = serde_json::from_str(&version)?;
    let version = version["value"].as_str().ok_or("no version")?;
    let commit = commit.ok_or("no updateOption commit_hash")?;
    let readme = format!(
        "TDLib {version} (commit {commit}), libtdjson from PyPI's tdjson=={version} wheel \
         (.ci/tdjson.sh). Recorded by `cargo run -p tl-tdjson --example record_fixtures`; requests \
         as sent and answers byte for byte as TDLib printed them. via td_execute: synchronous \
         requests in the order sent. via td_receive, and update: one client from \
         td_create_client_id to its close, in the order td_receive returned them. README.md beside \
         this file says what they show."
    );
    println!("{}", serde_json::json!({ "readme": readme }));
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

/// Turns what `td_receive` returned into a line: the answer to a pending request (by `@extra`) or
/// an update.
fn record(
    text: &str,
    pending: &mut BTreeMap<String, (&str, Option<&str>)>,
    lines: &mut Vec<String>,
) -> Result<Value, Box<dyn Error>> {
    let value: Value = serde_json::from_str(text)?;
    match value.get("@extra") {
        Some(extra) => {
            let (request, note) = pending
                .remove(&extra.to_string())
                .ok_or_else(|| format!("an answer to no request: {text}"))?;
            lines.push(line("td_receive", request, text, note));
        }
        None => lines.push(format!(r#"{{"update":{text}}}"#)),
    }
    Ok(value)
}

/// `td_execute`, the answer as text.
fn execute(td: &Tdjson, request: &str) -> Result<String, Box<dyn Error>> {
    Ok(td.execute(request)?.ok_or("td_execute returned NULL")?)
}

/// One JSON line: request and answer spliced in as text.
fn line(via: &str, request: &str, answer: &str, note: Option<&str>) -> String {
    let note = note
        .map(|n| format!(r#","note":{}"#, Value::from(n)))
        .unwrap_or_default();
    // A request that is not JSON (to show TDLib's answer to one) is kept as a JSON string.
    let request = match serde_json::from_str::<Value>(request) {
        Ok(_) => request.to_owned(),
        Err(_) => Value::from(request).to_string(),
    };
    format!(r#"{{"via":"{via}","request":{request},"answer":{answer}{note}}}"#)
}
