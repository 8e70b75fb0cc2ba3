//! TDLib's JSON interface through a real libtdjson: synchronous requests (`td_execute`) and one
//! client (`td_create_client_id`, `td_send`, `td_receive`). Every test skips, with a `SKIPPED:`
//! line on stderr, when no libtdjson is found; `.ci/run` installs TDLib 1.8.66 and sets
//! `TDJSON_LIB`, and a `TDJSON_LIB` that does not load fails the tests.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tl_tdjson::Tdjson;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The library, with TDLib's log silenced (it writes to stderr at verbosity 1 and up), or `None`
/// after the skip line.
fn tdlib(what: &str) -> Result<Option<Tdjson>, Box<dyn std::error::Error>> {
    let Some(td) = Tdjson::find_or_skip(what)? else {
        return Ok(None);
    };
    let ok = execute(
        &td,
        &json!({"@type": "setLogVerbosityLevel", "new_verbosity_level": 0}),
    )?;
    assert_eq!(ok, json!({"@type": "ok"}));
    Ok(Some(td))
}

/// `td_execute` with a JSON value, and the answer parsed.
fn execute(td: &Tdjson, request: &Value) -> Result<Value, Box<dyn std::error::Error>> {
    let answer = td
        .execute(&request.to_string())?
        .ok_or("td_execute returned NULL")?;
    Ok(serde_json::from_str(&answer)?)
}

#[test]
fn get_text_entities_finds_mention_command_and_urls() -> TestResult {
    let Some(td) = tdlib("get_text_entities_finds_mention_command_and_urls")? else {
        return Ok(());
    };
    let request = r#"{"@type":"getTextEntities","text":"@telegram /test_command https://telegram.org telegram.me"}"#;
    let answer: Value = serde_json::from_str(&td.execute(request)?.ok_or("NULL answer")?)?;
    assert_eq!(answer["@type"], "textEntities", "{answer}");
    let entity = |offset: i64, length: i64, ty: &str| json!({"@type": "textEntity", "offset": offset, "length": length, "type": {"@type": ty}});
    assert_eq!(
        answer["entities"],
        json!([
            entity(0, 9, "textEntityTypeMention"),
            entity(10, 13, "textEntityTypeBotCommand"),
            entity(24, 20, "textEntityTypeUrl"),
            entity(45, 11, "textEntityTypeUrl"),
        ])
    );
    Ok(())
}

#[test]
fn log_verbosity_level_reads_back() -> TestResult {
    let Some(td) = tdlib("log_verbosity_level_reads_back")? else {
        return Ok(());
    };
    let level = execute(&td, &json!({"@type": "getLogVerbosityLevel"}))?;
    assert_eq!(
        level,
        json!({"@type": "logVerbosityLevel", "verbosity_level": 0})
    );
    Ok(())
}

#[test]
fn test_return_error_returns_the_error() -> TestResult {
    let Some(td) = tdlib("test_return_error_returns_the_error")? else {
        return Ok(());
    };
    let request = json!({
        "@type": "testReturnError",
        "error": {"@type": "error", "code": 418, "message": "I'm a teapot"},
        "@extra": "e",
    });
    let answer = execute(&td, &request)?;
    assert_eq!(
        answer,
        json!({"@type": "error", "code": 418, "message": "I'm a teapot", "@extra": "e"})
    );
    Ok(())
}

#[test]
fn requests_that_are_not_json_get_an_error_object() -> TestResult {
    let Some(td) = tdlib("requests_that_are_not_json_get_an_error_object")? else {
        return Ok(());
    };
    let answer: Value = serde_json::from_str(&td.execute("not json")?.ok_or("NULL answer")?)?;
    assert_eq!(answer["@type"], "error", "{answer}");
    assert_eq!(answer["code"], 400, "{answer}");
    let unknown = execute(&td, &json!({"@type": "noSuchFunction"}))?;
    assert_eq!(unknown["@type"], "error", "{unknown}");
    assert!(
        unknown["message"]
            .as_str()
            .is_some_and(|m| m.contains("noSuchFunction")),
        "{unknown}"
    );
    Ok(())
}

#[test]
fn a_nul_byte_in_a_request_is_an_error_not_a_panic() -> TestResult {
    let Some(td) = tdlib("a_nul_byte_in_a_request_is_an_error_not_a_panic")? else {
        return Ok(());
    };
    let request = "{\"@type\":\"getTextEntities\",\"text\":\"a\0b\"}";
    let nul = request.find('\0');
    let error = td.execute(request).err().ok_or("a NUL byte was accepted")?;
    assert_eq!(Some(error.position()), nul);
    assert!(error.to_string().contains("NUL byte"), "{error}");
    // Refused before TDLib sees it: no client needs to exist for that.
    let error = td
        .send(-1, request)
        .err()
        .ok_or("a NUL byte was accepted")?;
    assert_eq!(Some(error.position()), nul);
    // The escaped form is the JSON way to carry U+0000, and TDLib takes it.
    let escaped = r#"{"@type":"getTextEntities","text":"a\u0000b"}"#;
    let answer: Value = serde_json::from_str(&td.execute(escaped)?.ok_or("NULL answer")?)?;
    assert_eq!(answer, json!({"@type": "textEntities", "entities": []}));
    Ok(())
}

/// The only test of this binary that calls `td_receive`: TDLib has one receive queue for all its
/// clients, so two such tests running at once would take each other's answers.
#[test]
fn a_client_answers_get_option_version_with_extra_and_client_id() -> TestResult {
    let Some(td) = tdlib("a_client_answers_get_option_version_with_extra_and_client_id")? else {
        return Ok(());
    };
    let version = execute(&td, &json!({"@type": "getOption", "name": "version"}))?;
    assert_eq!(version["@type"], "optionValueString", "{version}");

    let client = td.create_client_id();
    td.send(
        client,
        r#"{"@type":"getOption","name":"version","@extra":7}"#,
    )?;
    let mut received = Vec::new();
    let answer = receive_until(&td, &mut received, |v| v["@extra"] == 7)?;
    assert_eq!(
        answer,
        json!({"@type": "optionValueString", "value": version["value"], "@extra": 7, "@client_id": client})
    );
    // Before the answer, the new client announced itself: its version option and that it waits
    // for setTdlibParameters, each update tagged with the client's id and no @extra.
    let updates: Vec<&Value> = received
        .iter()
        .filter(|v| v.get("@extra").is_none())
        .collect();
    assert!(
        updates.contains(&&json!({
            "@type": "updateOption",
            "name": "version",
            "value": version,
            "@client_id": client,
        })),
        "{received:#?}"
    );
    assert!(
        updates.contains(&&json!({
            "@type": "updateAuthorizationState",
            "authorization_state": {"@type": "authorizationStateWaitTdlibParameters"},
            "@client_id": client,
        })),
        "{received:#?}"
    );

    // Close the client, as TDLib asks of every client before the process ends.
    td.send(client, r#"{"@type":"close","@extra":"close"}"#)?;
    let closed = receive_until(&td, &mut received, |v| {
        v["@type"] == "updateAuthorizationState"
            && v["authorization_state"]["@type"] == "authorizationStateClosed"
    })?;
    assert_eq!(closed["@client_id"], client);
    assert!(
        received.contains(&json!({"@type": "ok", "@extra": "close", "@client_id": client})),
        "{received:#?}"
    );
    Ok(())
}

/// Receives (and keeps in `received`) until `wanted` matches, for at most a minute.
fn receive_until(
    td: &Tdjson,
    received: &mut Vec<Value>,
    wanted: impl Fn(&Value) -> bool,
) -> Result<Value, Box<dyn std::error::Error>> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let Some(text) = td.receive(1.0) else {
            continue;
        };
        let value: Value = serde_json::from_str(&text)?;
        received.push(value.clone());
        if wanted(&value) {
            // A late `ok` for `close` may come after the closed state: wait briefly for it too.
            while let Some(text) = td.receive(0.2) {
                received.push(serde_json::from_str(&text)?);
            }
            return Ok(value);
        }
    }
    Err(format!("nothing wanted arrived within a minute; received: {received:#?}").into())
}
