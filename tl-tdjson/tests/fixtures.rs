//! The recorded answers of TDLib 1.8.66 (`tests/fixtures/tdlib-1.8.66.jsonl`, written by the
//! `record_fixtures` example):
//!
//! - `answers_have_td_api_shapes` (needs no TDLib) checks every recorded answer and update against
//!   td_api.tl of the corpus: each object's `@type` is a constructor of the type the field or the
//!   function promises; every field is one the constructor declares, and only fields documented
//!   "may be null" are ever absent; int32 and int53 are JSON integers, int64 decimal strings,
//!   double JSON numbers with a fraction, bytes base64 strings, Bool `true`/`false`; no `null`.
//! - `td_execute_answers_are_replayed_byte_for_byte` and `client_answers_are_replayed` (need TDLib
//!   1.8.66; skip loudly otherwise) send the recorded requests again and compare TDLib's text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use serde_json::value::RawValue;
use tl_tdjson::Tdjson;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/tdlib-1.8.66.jsonl"
);

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// One line of the fixtures, its values kept as the text that was recorded.
struct Record {
    line: usize,
    /// `td_execute`, `td_receive`, or `update` for an update.
    via: String,
    /// The request as sent (absent for updates).
    request: Option<String>,
    /// TDLib's text: the answer, or the update.
    answer: String,
}

fn records() -> Vec<Record> {
    let text = std::fs::read_to_string(FIXTURES).unwrap();
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let fields: BTreeMap<String, Box<RawValue>> = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{FIXTURES}:{}: not a JSON object: {e}", index + 1));
        if fields.contains_key("readme") {
            assert_eq!(index, 0, "the readme line comes first");
            continue;
        }
        let raw = |key: &str| fields.get(key).map(|value| value.get().to_owned());
        let record = match raw("update") {
            Some(update) => Record {
                line: index + 1,
                via: "update".into(),
                request: None,
                answer: update,
            },
            None => {
                let via: String = serde_json::from_str(&raw("via").unwrap()).unwrap();
                let mut request = raw("request").unwrap();
                // A request that is not JSON is recorded as a JSON string.
                if request.starts_with('"') {
                    request = serde_json::from_str(&request).unwrap();
                }
                Record {
                    line: index + 1,
                    via,
                    request: Some(request),
                    answer: raw("answer").unwrap(),
                }
            }
        };
        records.push(record);
    }
    assert!(
        records.len() > 40,
        "{} records in {FIXTURES}",
        records.len()
    );
    records
}

// ---------------------------------------------------------------------------------------------
// The shapes, against td_api.tl.

/// td_api.tl of the corpus: `schema/corpus/tdlib/`, or under `TL_CORPUS` (relative to the
/// workspace root), as for the other corpus tests.
fn td_api_path() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let corpus = match std::env::var_os("TL_CORPUS") {
        Some(value) => workspace.join(value),
        None => workspace.join("schema/corpus"),
    };
    corpus.join("tdlib/td_api.tl")
}

struct Constructor {
    /// The boxed type it belongs to (`TextEntityType`), or the function's result type.
    result: String,
    /// Fields in order: name, TL type, and whether the docs say it "may be null".
    fields: Vec<(String, String, bool)>,
}

struct Schema {
    constructors: BTreeMap<String, Constructor>,
    functions: BTreeMap<String, Constructor>,
}

/// Definitions with their field docs. A definition's docs are the `//@` and `//-` lines right
/// before it; a tag `@field_name` starts that field's text.
fn schema() -> Schema {
    let text = std::fs::read_to_string(td_api_path()).unwrap();
    let mut schema = Schema {
        constructors: BTreeMap::new(),
        functions: BTreeMap::new(),
    };
    let mut functions = false;
    let mut docs = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line == "---functions---" {
            functions = true;
        } else if let Some(doc) = line.strip_prefix("//@") {
            docs.push_str(" @");
            docs.push_str(doc);
        } else if let Some(doc) = line.strip_prefix("//-") {
            docs.push(' ');
            docs.push_str(doc);
        } else if line.is_empty() || line.starts_with("//") {
            docs.clear();
        } else if let Some((left, result)) = line.trim_end_matches(';').split_once(" = ") {
            let mut words = left.split_whitespace();
            let name = words.next().unwrap().to_owned();
            let params: Vec<(String, String)> = words
                .filter_map(|w| w.split_once(':'))
                .map(|(n, t)| (n.to_owned(), t.to_owned()))
                .collect();
            let names: BTreeSet<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
            let field_docs = tags(&docs, &names);
            let fields = params
                .iter()
                .map(|(n, t)| {
                    let doc = field_docs.get(n.as_str()).map(String::as_str).unwrap_or("");
                    (
                        n.clone(),
                        t.clone(),
                        doc.to_lowercase().contains("may be null"),
                    )
                })
                .collect();
            let definition = Constructor {
                result: result.trim().to_owned(),
                fields,
            };
            if functions {
                schema.functions.insert(name, definition);
            } else {
                schema.constructors.insert(name, definition);
            }
            docs.clear();
        }
    }
    schema
}

/// Splits `docs` (" @description … @field …") into the texts of the tags that are field names.
fn tags<'a>(docs: &str, fields: &BTreeSet<&'a str>) -> BTreeMap<&'a str, String> {
    let mut texts: BTreeMap<&str, String> = BTreeMap::new();
    let mut current: Option<&str> = None;
    for word in docs.split(' ') {
        if let Some(tag) = word.strip_prefix('@') {
            if tag == "description" || tag == "class" {
                current = None;
                continue;
            }
            if let Some(field) = fields.get(tag) {
                current = Some(field);
                continue;
            }
        }
        if let Some(field) = current {
            let text = texts.entry(field).or_default();
            text.push_str(word);
            text.push(' ');
        }
    }
    texts
}

/// What the check found, beyond the violations: which documented-nullable fields were seen
/// absent and present, and how many values of each TL type were checked.
#[derive(Default)]
struct Seen {
    violations: Vec<String>,
    omitted_nullable: BTreeSet<String>,
    kinds: BTreeMap<String, usize>,
}

impl Schema {
    /// Checks `value` at `path` against the TL type `ty`.
    fn check(&self, value: &Value, ty: &str, path: &str, seen: &mut Seen) {
        let kind = if ty.starts_with("vector<") {
            "vector"
        } else {
            ty
        };
        *seen.kinds.entry(kind.to_owned()).or_default() += 1;
        let ok = match ty {
            "int32" => value.as_i64().is_some_and(|v| i32::try_from(v).is_ok()),
            "int53" => value.as_i64().is_some_and(|v| v.abs() < 1 << 53),
            "int64" => value.as_str().is_some_and(|s| s.parse::<i64>().is_ok()),
            "double" => value.is_f64(),
            "string" => value.is_string(),
            "bytes" => value.as_str().is_some_and(is_base64),
            "Bool" => value.is_boolean(),
            _ => {
                if let Some(element) = ty.strip_prefix("vector<").and_then(|t| t.strip_suffix('>'))
                {
                    match value.as_array() {
                        Some(items) => {
                            for (index, item) in items.iter().enumerate() {
                                self.check(item, element, &format!("{path}[{index}]"), seen);
                            }
                            true
                        }
                        None => false,
                    }
                } else {
                    self.check_object(value, ty, path, seen);
                    true
                }
            }
        };
        if !ok {
            seen.violations.push(format!(
                "{path}: {value} is not written as TDLib writes a {ty}"
            ));
        }
    }

    /// An object of the boxed type or bare constructor `ty`.
    fn check_object(&self, value: &Value, ty: &str, path: &str, seen: &mut Seen) {
        let Some(object) = value.as_object() else {
            seen.violations
                .push(format!("{path}: {value} is not an object (for {ty})"));
            return;
        };
        let Some(name) = object.get("@type").and_then(Value::as_str) else {
            seen.violations.push(format!("{path}: no @type (for {ty})"));
            return;
        };
        let Some(constructor) = self.constructors.get(name) else {
            seen.violations.push(format!(
                "{path}: @type {name} is no constructor of td_api.tl"
            ));
            return;
        };
        let bare = ty.starts_with(|c: char| c.is_ascii_lowercase());
        if (bare && name != ty) || (!bare && constructor.result != ty) {
            seen.violations
                .push(format!("{path}: a {name} where td_api.tl has a {ty}"));
        }
        for key in object.keys() {
            let declared = constructor.fields.iter().any(|(field, _, _)| field == key);
            if !declared && !matches!(key.as_str(), "@type" | "@extra" | "@client_id") {
                seen.violations
                    .push(format!("{path}: {name} has no field {key}"));
            }
        }
        for (field, field_ty, nullable) in &constructor.fields {
            let field_path = format!("{path}.{field}");
            match object.get(field) {
                None if *nullable => {
                    seen.omitted_nullable.insert(format!("{name}.{field}"));
                }
                None => seen.violations.push(format!(
                    "{field_path}: absent, and td_api.tl does not say it may be null"
                )),
                Some(Value::Null) => seen
                    .violations
                    .push(format!("{field_path}: written as null")),
                Some(value) => self.check(value, field_ty, &field_path, seen),
            }
        }
    }
}

/// Standard base64 with padding, as TDLib writes and requires.
fn is_base64(text: &str) -> bool {
    text.len().is_multiple_of(4)
        && text.trim_end_matches('=').len() + 2 >= text.len()
        && text
            .trim_end_matches('=')
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

#[test]
fn answers_have_td_api_shapes() {
    let schema = schema();
    assert!(schema.constructors.len() > 1000 && schema.functions.len() > 500);
    let mut seen = Seen::default();
    for record in records() {
        let path = format!("line {}", record.line);
        let answer: Value = serde_json::from_str(&record.answer).unwrap();
        let expected = match &record.request {
            // An update: any constructor of Update.
            None => "Update".to_owned(),
            Some(request) => match serde_json::from_str::<Value>(request) {
                // Every request may be answered with an error.
                _ if answer["@type"] == "error" => "Error".to_owned(),
                Ok(request) => {
                    let function = request["@type"].as_str().unwrap();
                    let function = &schema.functions[function];
                    function.result.clone()
                }
                Err(_) => unreachable!(
                    "{path}: a request that is not JSON was not answered with an error"
                ),
            },
        };
        schema.check(&answer, &expected, &path, &mut seen);
        if let Some(client) = answer.get("@client_id") {
            assert!(client.is_i64(), "{path}: @client_id {client}");
        }
    }
    assert!(seen.violations.is_empty(), "{}", seen.violations.join("\n"));
    // The fixtures show every convention they are there for.
    for kind in [
        "int32", "int53", "int64", "double", "string", "bytes", "Bool", "vector",
    ] {
        assert!(
            seen.kinds.contains_key(kind),
            "no {kind} among the recorded answers: {:?}",
            seen.kinds
        );
    }
    assert!(
        seen.omitted_nullable.contains("phoneNumberInfo.country"),
        "{:?}",
        seen.omitted_nullable
    );
}

/// The check itself: each kind of deviation from TDLib's way is reported.
#[test]
fn the_shape_check_catches_each_kind_of_deviation() {
    let schema = schema();
    let cases = [
        // A field that is not documented "may be null", left out.
        (
            r#"{"@type":"phoneNumberInfo","formatted_phone_number":"1","is_anonymous":false}"#,
            "PhoneNumberInfo",
            "country_calling_code: absent",
        ),
        // A documented-nullable field written as null.
        (
            r#"{"@type":"phoneNumberInfo","country":null,"country_calling_code":"","formatted_phone_number":"1","is_anonymous":false}"#,
            "PhoneNumberInfo",
            "country: written as null",
        ),
        // int64 as a number.
        (
            r#"{"@type":"textEntityTypeCustomEmoji","custom_emoji_id":5}"#,
            "TextEntityType",
            "is not written as TDLib writes a int64",
        ),
        // int53 as a string.
        (
            r#"{"@type":"textEntityTypeMentionName","user_id":"5"}"#,
            "TextEntityType",
            "is not written as TDLib writes a int53",
        ),
        // double without a fraction.
        (
            r#"{"@type":"jsonValueNumber","value":1}"#,
            "JsonValue",
            "is not written as TDLib writes a double",
        ),
        // bytes that are not padded base64.
        (
            r#"{"@type":"testBytes","value":"AAEC/w"}"#,
            "TestBytes",
            "is not written as TDLib writes a bytes",
        ),
        // Bool as a number.
        (
            r#"{"@type":"jsonValueBoolean","value":1}"#,
            "JsonValue",
            "is not written as TDLib writes a Bool",
        ),
        // A field the constructor does not have.
        (
            r#"{"@type":"ok","extra_field":1}"#,
            "Ok",
            "ok has no field extra_field",
        ),
        // A constructor of another type.
        (
            r#"{"@type":"ok"}"#,
            "TextEntityType",
            "a ok where td_api.tl has a TextEntityType",
        ),
        // No @type.
        (r#"{"value":1}"#, "TestInt", "no @type"),
    ];
    for (json, ty, expected) in cases {
        let mut seen = Seen::default();
        schema.check(&serde_json::from_str(json).unwrap(), ty, "case", &mut seen);
        assert!(
            seen.violations.iter().any(|v| v.contains(expected)),
            "{json} as {ty}: expected a violation containing {expected:?}, got {:?}",
            seen.violations
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The replay, against TDLib 1.8.66.

/// TDLib, quiet, if it is here and is 1.8.66 (the fixtures are that version's); else `None`,
/// after a loud line.
fn tdlib_1_8_66(what: &str) -> Result<Option<Tdjson>, Box<dyn std::error::Error>> {
    let Some(td) = Tdjson::find_or_skip(what)? else {
        return Ok(None);
    };
    td.execute(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":0}"#)?;
    let version = td
        .execute(r#"{"@type":"getOption","name":"version"}"#)?
        .unwrap_or_default();
    if version != r#"{"@type":"optionValueString","value":"1.8.66"}"# {
        use std::io::Write as _;
        let line = format!(
            "SKIPPED: the fixtures are TDLib 1.8.66's, and {} answers getOption version with {version}: {what}\n",
            td.path().display()
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
        return Ok(None);
    }
    Ok(Some(td))
}

#[test]
fn td_execute_answers_are_replayed_byte_for_byte() -> TestResult {
    let Some(td) = tdlib_1_8_66("td_execute_answers_are_replayed_byte_for_byte")? else {
        return Ok(());
    };
    let mut count = 0;
    for record in records().iter().filter(|r| r.via == "td_execute") {
        let request = record.request.as_deref().unwrap();
        let answer = td.execute(request)?.ok_or("td_execute returned NULL")?;
        assert_eq!(answer, record.answer, "line {}: {request}", record.line);
        count += 1;
    }
    assert!(count > 30, "{count} td_execute records");
    Ok(())
}

/// The only test of this binary that calls `td_receive` (TDLib has one queue for all clients).
#[test]
fn client_answers_are_replayed() -> TestResult {
    let Some(td) = tdlib_1_8_66("client_answers_are_replayed")? else {
        return Ok(());
    };
    let records = records();
    let recorded_client = r#""@client_id":1}"#;
    let mut expected: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    let mut close = None;
    for record in records.iter().filter(|r| r.via == "td_receive") {
        let request = record.request.as_deref().unwrap();
        let extra = serde_json::from_str::<Value>(request)?["@extra"].to_string();
        expected.insert(extra, (request, &record.answer));
        if request.contains(r#""@type":"close""#) {
            close = Some(request);
        }
    }
    let close = close.ok_or("no close request recorded")?;
    let expected_updates: Vec<&str> = records
        .iter()
        .filter(|r| r.via == "update")
        .map(|r| r.answer.as_str())
        .collect();

    let client = td.create_client_id();
    let this_client = format!(r#""@client_id":{client}}}"#);
    for (request, _) in expected.values() {
        if *request != close {
            td.send(client, request)?;
        }
    }
    let mut answers = BTreeMap::new();
    let mut updates = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut close_sent = false;
    while answers.len() < expected.len()
        || !updates
            .last()
            .is_some_and(|u: &String| u.contains("authorizationStateClosed"))
    {
        assert!(
            Instant::now() < deadline,
            "no full replay within a minute: {answers:#?} {updates:#?}"
        );
        if !close_sent && answers.len() + 1 == expected.len() {
            td.send(client, close)?;
            close_sent = true;
        }
        let Some(text) = td.receive(1.0) else {
            continue;
        };
        // The client's id is the recorded one in a fresh process, but need not be.
        let text = text.replace(&this_client, recorded_client);
        let value: Value = serde_json::from_str(&text)?;
        match value.get("@extra") {
            Some(extra) => {
                answers.insert(extra.to_string(), text);
            }
            None => updates.push(text),
        }
    }
    for (extra, (request, answer)) in &expected {
        assert_eq!(
            answers.get(extra).map(String::as_str),
            Some(*answer),
            "{request}"
        );
    }
    assert_eq!(updates, expected_updates);
    Ok(())
}
