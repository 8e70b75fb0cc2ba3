//! td_api's generated types against a real TDLib (1.8.66 in CI; `TDJSON_LIB`, see tl-tdjson).
//! Every request is a typed value (`functions::GetTextEntities { … }`) written with
//! `tl_types::json::to_string`; every answer and update TDLib sends is read into its generated
//! type (a request's `<F as RemoteCall>::Return`, or `types::Error` through
//! `tl_types::json::from_str_or_error`; an update into `enums::Update`), and written back with
//! `tl_types::json::to_string` it must be TDLib's JSON again: equal as JSON values once
//! `"@extra"` and `"@client_id"` are removed (TDLib's six-decimal doubles compare as numbers).
//! Contents are checked too: entity types and offsets, parsed text, MIME types, and so on.
//!
//! Without libtdjson both tests pass after a `SKIPPED: libtdjson not found; …` line on stderr.
//! With it, each prints a one-line summary (`TDLib td_execute: …`, `TDLib client: …`), which
//! tests/tests/corpus_crate.rs passes on to CI's log.
//!
//! Synchronous requests (`td_execute`, [`synchronous_requests`]): `setLogVerbosityLevel`,
//! `getLogVerbosityLevel`, `getLogTags`, `setLogTagVerbosityLevel`, `getLogTagVerbosityLevel`,
//! `getLogStream`, `setLogStream`, `addLogMessage`, `getTextEntities`, `parseTextEntities`
//! (`textParseModeMarkdown` version 2, `textParseModeHTML`, and Markdown that fails), `parseMarkdown`,
//! `getMarkdownText`, `searchQuote`, `getJsonValue`, `getJsonString`,
//! `getThemeParametersJsonString`, `getFileMimeType`, `getFileExtension`, `cleanFileName`,
//! `getPhoneNumberInfoSync` (a German prefix, and `999999`, which has no country),
//! `searchStringsByPrefix`, `getCountryFlagEmoji`, `getChatFolderDefaultIconName`,
//! `checkQuickReplyShortcutName` (a valid and an invalid name), `getPushReceiverId`,
//! `getLanguagePackString` (an error without a database), `getOption` (`version`,
//! `commit_hash`), `testReturnError`: 28 functions.
//!
//! One client (`td_create_client_id`, `td_send`, `td_receive`, answers matched by `"@extra"`,
//! [`client_requests_and_updates`]): `getOption` (`version`), `getAuthorizationState`,
//! `testCallEmpty`, `testCallString`, `testCallBytes` (bytes that are not UTF-8, and none),
//! `testCallVectorInt`, `testCallVectorIntObject`, `testCallVectorString`,
//! `testCallVectorStringObject`, `testSquareInt` (and its int32 overflow), then `close`: 11
//! functions. Updates, all that come: `updateOption` (`version`, `commit_hash`) and
//! `updateAuthorizationState` (`authorizationStateWaitTdlibParameters`) before authorization,
//! `updateAuthorizationState` (`authorizationStateClosing`, `authorizationStateClosed`) from the
//! close.
//!
//! `phoneNumberInfo.country` ("may be null", typed as the bare `countryInfo`) is an `Option`:
//! TDLib leaves it out for a prefix of no country, and the answer reads with `None`.
#![cfg(has_td_api)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tl_corpus::td_api::{enums, functions, types};
use tl_tdjson::Tdjson;
use tl_types::{Identifiable, RemoteCall, json};

/// Held while a test changes TDLib's log settings, which belong to the process.
static LOG_SETTINGS: Mutex<()> = Mutex::new(());

/// Loads libtdjson, or `None` after the `SKIPPED` line; a `TDJSON_LIB` that does not load fails.
fn tdjson(what: &str) -> Option<Tdjson> {
    Tdjson::find_or_skip(what).unwrap_or_else(|e| panic!("cannot load libtdjson: {e}"))
}

/// Checks that `value`, written with `tl_types::json::to_string`, is TDLib's `text` as a JSON
/// value, `"@extra"` and `"@client_id"` aside.
fn assert_written_back<T: Serialize>(text: &str, value: &T) {
    let ours = json::to_string(value).unwrap();
    let mut theirs: Value = serde_json::from_str(text).unwrap();
    if let Value::Object(members) = &mut theirs {
        members.remove("@extra");
        members.remove("@client_id");
    }
    let written: Value = serde_json::from_str(&ours).unwrap();
    assert_eq!(
        written, theirs,
        "written back, TDLib's JSON is not the same:\nTDLib: {text}\n ours: {ours}"
    );
}

/// TDLib's `text` read as `T` (and checked written back).
fn read<T: Serialize + DeserializeOwned>(text: &str) -> T {
    let value = json::from_str::<T>(text).unwrap_or_else(|e| {
        panic!(
            "TDLib's JSON does not read as {}: {e}\n{text}",
            std::any::type_name::<T>()
        )
    });
    assert_written_back(text, &value);
    value
}

/// TDLib's answer to a request whose result is `T`: the result, or TDLib's `error` (either one
/// checked written back).
fn read_answer<T: Serialize + DeserializeOwned>(text: &str) -> Result<T, types::Error> {
    let answer = json::from_str_or_error::<T, types::Error>(text).unwrap_or_else(|e| {
        panic!(
            "TDLib's answer does not read as {} or an error: {e}\n{text}",
            std::any::type_name::<T>()
        )
    });
    match &answer {
        Ok(value) => assert_written_back(text, value),
        Err(error) => assert_written_back(text, error),
    }
    answer
}

/// A request as `tl_types::json` writes it.
fn request_json<F: Serialize>(request: &F) -> String {
    json::to_string(request).unwrap()
}

/// Synchronous requests through `td_execute`, with the functions covered.
struct Executor {
    td: Tdjson,
    functions: BTreeSet<&'static str>,
    requests: usize,
}

impl Executor {
    /// Executes `request` and reads the answer: its typed result or TDLib's error.
    fn call<F>(&mut self, request: &F) -> Result<F::Return, types::Error>
    where
        F: RemoteCall + Identifiable + Serialize,
        F::Return: Serialize + DeserializeOwned,
    {
        let text = request_json(request);
        let answer = self
            .td
            .execute(&text)
            .unwrap()
            .unwrap_or_else(|| panic!("TDLib answered NULL to {text}"));
        self.functions.insert(F::TL_NAME);
        self.requests += 1;
        read_answer(&answer)
    }

    /// [`call`](Self::call) for a request that must succeed.
    fn ok<F>(&mut self, request: &F) -> F::Return
    where
        F: RemoteCall + Identifiable + Serialize,
        F::Return: Serialize + DeserializeOwned,
    {
        self.call(request).unwrap_or_else(|e| {
            panic!(
                "TDLib answered {} with error {}: {}",
                request_json(request),
                e.code,
                e.message
            )
        })
    }

    /// [`call`](Self::call) for a request that must fail.
    fn error<F>(&mut self, request: &F) -> types::Error
    where
        F: RemoteCall + Identifiable + Serialize,
        F::Return: Serialize + DeserializeOwned + Debug,
    {
        match self.call(request) {
            Ok(value) => panic!(
                "TDLib answered {} with {value:?}, not an error",
                request_json(request)
            ),
            Err(error) => error,
        }
    }

    fn text<F>(&mut self, request: &F) -> String
    where
        F: RemoteCall<Return = enums::Text> + Identifiable + Serialize,
    {
        let enums::Text::Text(text) = self.ok(request);
        text.text
    }
}

/// An entity as `offset+length type`, with the type's data (`42+4 textUrl https://…`).
fn entity(entity: &types::TextEntity) -> String {
    use enums::TextEntityType as T;
    let kind = match &entity.r#type {
        T::Mention(_) => "mention".to_owned(),
        T::Hashtag(_) => "hashtag".to_owned(),
        T::Cashtag(_) => "cashtag".to_owned(),
        T::BotCommand(_) => "botCommand".to_owned(),
        T::Url(_) => "url".to_owned(),
        T::EmailAddress(_) => "emailAddress".to_owned(),
        T::Bold(_) => "bold".to_owned(),
        T::Italic(_) => "italic".to_owned(),
        T::Underline(_) => "underline".to_owned(),
        T::Strikethrough(_) => "strikethrough".to_owned(),
        T::Spoiler(_) => "spoiler".to_owned(),
        T::Code(_) => "code".to_owned(),
        T::PreCode(t) => format!("preCode {}", t.language),
        T::BlockQuote(_) => "blockQuote".to_owned(),
        T::TextUrl(t) => format!("textUrl {}", t.url),
        T::MentionName(t) => format!("mentionName {}", t.user_id),
        T::CustomEmoji(t) => format!("customEmoji {}", t.custom_emoji_id),
        other => format!("{other:?}"),
    };
    format!("{}+{} {kind}", entity.offset, entity.length)
}

fn entities(entities: &[types::TextEntity]) -> Vec<String> {
    entities.iter().map(entity).collect()
}

fn formatted(text: &str, entities: Vec<types::TextEntity>) -> types::FormattedText {
    types::FormattedText {
        text: text.to_owned(),
        entities,
    }
}

fn text_entity(
    offset: i32,
    length: i32,
    r#type: impl Into<enums::TextEntityType>,
) -> types::TextEntity {
    types::TextEntity {
        offset,
        length,
        r#type: r#type.into(),
    }
}

fn json_member(key: &str, value: impl Into<enums::JsonValue>) -> types::JsonObjectMember {
    types::JsonObjectMember {
        key: key.to_owned(),
        value: value.into(),
    }
}

#[test]
fn synchronous_requests() {
    let Some(td) = tdjson("td_api's types against TDLib's td_execute") else {
        return;
    };
    let mut td = Executor {
        td,
        functions: BTreeSet::new(),
        requests: 0,
    };

    // Logging: quiet, then each setting read back (the other test stays out meanwhile).
    let log = LOG_SETTINGS.lock().unwrap_or_else(PoisonError::into_inner);
    for level in [1, 0] {
        td.ok(&functions::SetLogVerbosityLevel {
            new_verbosity_level: level,
        });
        let enums::LogVerbosityLevel::LogVerbosityLevel(got) =
            td.ok(&functions::GetLogVerbosityLevel {});
        assert_eq!(got.verbosity_level, level);
    }
    let enums::LogTags::LogTags(tags) = td.ok(&functions::GetLogTags {});
    for tag in ["actor", "mtproto", "td_requests"] {
        assert!(
            tags.tags.iter().any(|t| t == tag),
            "no tag {tag}: {:?}",
            tags.tags
        );
    }
    td.ok(&functions::SetLogTagVerbosityLevel {
        tag: "td_requests".into(),
        new_verbosity_level: 2,
    });
    let enums::LogVerbosityLevel::LogVerbosityLevel(got) =
        td.ok(&functions::GetLogTagVerbosityLevel {
            tag: "td_requests".into(),
        });
    assert_eq!(got.verbosity_level, 2);
    let stream = td.ok(&functions::GetLogStream {});
    assert!(matches!(stream, enums::LogStream::Default(_)), "{stream:?}");
    td.ok(&functions::SetLogStream {
        log_stream: types::LogStreamDefault {}.into(),
    });
    // Above every verbosity level set here: written nowhere.
    td.ok(&functions::AddLogMessage {
        verbosity_level: 1023,
        text: "tl-corpus tdjson test".into(),
    });
    drop(log);

    // Text entities.
    let enums::TextEntities::TextEntities(found) = td.ok(&functions::GetTextEntities {
        text: "@telegram /test_command https://telegram.org telegram.me #tag $USD user@example.com"
            .into(),
    });
    assert_eq!(
        entities(&found.entities),
        [
            "0+9 mention",
            "10+13 botCommand",
            "24+20 url",
            "45+11 url",
            "57+4 hashtag",
            "62+4 cashtag",
            "67+16 emailAddress",
        ]
    );

    let enums::FormattedText::FormattedText(markdown) = td.ok(&functions::ParseTextEntities {
        text: "*bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` [link](https://telegram.org) \
               [mention](tg://user?id=123456789) ![👍](tg://emoji?id=5368324170671202286)\n>quote\n\
               ```rust\nfn main() {}\n```\nescaped \\. \\! \\*"
            .into(),
        parse_mode: types::TextParseModeMarkdown { version: 2 }.into(),
    });
    assert_eq!(
        markdown.text,
        "bold italic underline strike spoiler code link mention 👍\nquote\nfn main() {}\n\nescaped . ! *"
    );
    // Offsets and lengths count UTF-16 code units: 👍 is two.
    assert_eq!(
        entities(&markdown.entities),
        [
            "0+4 bold",
            "5+6 italic",
            "12+9 underline",
            "22+6 strikethrough",
            "29+7 spoiler",
            "37+4 code",
            "42+4 textUrl https://telegram.org/",
            "47+7 mentionName 123456789",
            "55+2 customEmoji 5368324170671202286",
            "58+6 blockQuote",
            "64+13 preCode rust",
        ]
    );
    let unclosed = td.error(&functions::ParseTextEntities {
        text: "*unclosed".into(),
        parse_mode: types::TextParseModeMarkdown { version: 2 }.into(),
    });
    assert_eq!(unclosed.code, 400);
    assert!(
        unclosed.message.starts_with("Can't parse entities"),
        "{}",
        unclosed.message
    );

    let enums::FormattedText::FormattedText(html) = td.ok(&functions::ParseTextEntities {
        text: "<b>bold</b> <i>italic</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> \
               <code>c</code> <pre><code class=\"language-rust\">fn main() {}</code></pre> \
               <a href=\"https://telegram.org\">link</a> <a href=\"tg://user?id=123456789\">mention</a> \
               <tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> <blockquote>q</blockquote> \
               &lt;&amp;&gt;"
            .into(),
        parse_mode: types::TextParseModeHtml {}.into(),
    });
    assert_eq!(
        html.text,
        "bold italic u s sp c fn main() {} link mention 👍 q <&>"
    );
    assert_eq!(
        entities(&html.entities),
        [
            "0+4 bold",
            "5+6 italic",
            "12+1 underline",
            "14+1 strikethrough",
            "16+2 spoiler",
            "19+1 code",
            "21+12 preCode rust",
            "34+4 textUrl https://telegram.org/",
            "39+7 mentionName 123456789",
            "47+2 customEmoji 5368324170671202286",
            "50+1 blockQuote",
        ]
    );

    let enums::FormattedText::FormattedText(parsed) = td.ok(&functions::ParseMarkdown {
        text: formatted(
            "**bold** __italic__ `code` [link](https://telegram.org)",
            vec![],
        ),
    });
    assert_eq!(parsed.text, "bold italic code link");
    assert_eq!(
        entities(&parsed.entities),
        [
            "0+4 bold",
            "5+6 italic",
            "12+4 code",
            "17+4 textUrl https://telegram.org/"
        ]
    );
    // And back: the entities of parseMarkdown's answer, as Markdown.
    let enums::FormattedText::FormattedText(markdown_text) =
        td.ok(&functions::GetMarkdownText { text: parsed });
    assert_eq!(
        markdown_text.text,
        "**bold** __italic__ `code` [link](https://telegram.org/)"
    );
    assert!(markdown_text.entities.is_empty());
    // int64 (custom_emoji_id) and int53 (user_id) entity fields, as TDLib writes them back.
    let enums::FormattedText::FormattedText(custom) = td.ok(&functions::GetMarkdownText {
        text: formatted(
            "👍 m",
            vec![
                text_entity(
                    0,
                    2,
                    types::TextEntityTypeCustomEmoji {
                        custom_emoji_id: 5368324170671202286,
                    },
                ),
                text_entity(3, 1, types::TextEntityTypeMentionName { user_id: 123 }),
            ],
        ),
    });
    assert_eq!(custom.text, "👍 m");
    assert_eq!(
        entities(&custom.entities),
        ["0+2 customEmoji 5368324170671202286", "3+1 mentionName 123"]
    );

    let enums::FoundPosition::FoundPosition(position) = td.ok(&functions::SearchQuote {
        text: formatted("Hello big world", vec![]),
        quote: formatted("big", vec![]),
        quote_position: 0,
    });
    assert_eq!(position.position, 6);

    // JSON values: doubles come back with six decimals (1e-7 as 0.000000).
    let value = td.ok(&functions::GetJsonValue {
        json: r#"{"int":42,"frac":0.1,"tiny":1e-7,"big":12345678901234567890,"str":"é😀\n\u0000","t":true,"n":null,"arr":[1,"x",[]],"obj":{}}"#
            .into(),
    });
    let enums::JsonValue::Object(object) = &value else {
        panic!("not an object: {value:?}");
    };
    let members: BTreeMap<&str, &enums::JsonValue> = object
        .members
        .iter()
        .map(|m| (m.key.as_str(), &m.value))
        .collect();
    let number = |key: &str| match members[key] {
        enums::JsonValue::Number(n) => n.value,
        other => panic!("{key}: {other:?}"),
    };
    assert_eq!(
        (number("int"), number("frac"), number("tiny"), number("big")),
        (42.0, 0.1, 0.0, 12345678901234567890.0)
    );
    assert!(matches!(members["str"], enums::JsonValue::String(s) if s.value == "é😀\n\0"));
    assert!(matches!(members["t"], enums::JsonValue::Boolean(b) if b.value));
    assert!(matches!(members["n"], enums::JsonValue::Null(_)));
    assert!(matches!(members["arr"], enums::JsonValue::Array(a) if a.values.len() == 3));
    assert!(matches!(members["obj"], enums::JsonValue::Object(o) if o.members.is_empty()));
    let text = td.text(&functions::GetJsonString {
        json_value: types::JsonValueObject {
            members: vec![
                json_member("a", types::JsonValueNumber { value: 1.5 }),
                json_member(
                    "b",
                    types::JsonValueArray {
                        values: vec![
                            types::JsonValueBoolean { value: true }.into(),
                            types::JsonValueNull {}.into(),
                            types::JsonValueString { value: "é".into() }.into(),
                        ],
                    },
                ),
            ],
        }
        .into(),
    });
    assert_eq!(text, r#"{"a":1.500000,"b":[true,null,"\u00e9"]}"#);
    let theme = td.text(&functions::GetThemeParametersJsonString {
        theme: types::ThemeParameters {
            background_color: 0xffffff,
            secondary_background_color: 0xf0f0f0,
            header_background_color: 0,
            bottom_bar_background_color: 1,
            section_background_color: 2,
            section_separator_color: 3,
            text_color: 0,
            accent_text_color: 4,
            section_header_text_color: 5,
            subtitle_text_color: 6,
            destructive_text_color: 7,
            hint_color: 8,
            link_color: 9,
            button_color: 10,
            button_text_color: 11,
        },
    });
    let theme: Value = serde_json::from_str(&theme).unwrap();
    assert_eq!(theme["bg_color"], "#ffffff");
    assert_eq!(theme["secondary_bg_color"], "#f0f0f0");
    assert_eq!(theme["button_text_color"], "#00000b");

    // Files.
    let mime = |td: &mut Executor, name: &str| {
        td.text(&functions::GetFileMimeType {
            file_name: name.into(),
        })
    };
    assert_eq!(mime(&mut td, "photo.JPG"), "image/jpeg");
    assert_eq!(mime(&mut td, "file.unknownext"), "");
    let extension = |td: &mut Executor, mime: &str| {
        td.text(&functions::GetFileExtension {
            mime_type: mime.into(),
        })
    };
    assert_eq!(extension(&mut td, "image/png"), "png");
    assert_eq!(extension(&mut td, "application/x-unknown-thing"), "");
    assert_eq!(
        td.text(&functions::CleanFileName {
            file_name: "../a:b*c?<d>|e\"f.txt".into(),
        }),
        "a b c  d  e f.txt"
    );

    // Phone numbers and countries.
    let enums::PhoneNumberInfo::PhoneNumberInfo(german) =
        td.ok(&functions::GetPhoneNumberInfoSync {
            language_code: "en".into(),
            phone_number_prefix: "4915".into(),
        });
    let country = german.country.as_ref().expect("4915 is German");
    assert_eq!(country.country_code, "DE");
    assert_eq!(country.english_name, "Germany");
    assert_eq!(country.flag_emoji, "🇩🇪");
    assert_eq!(country.calling_codes, ["49"]);
    assert_eq!(german.country_calling_code, "49");
    assert_eq!(german.formatted_phone_number, "15");
    assert!(!german.is_anonymous);
    // No country: TDLib leaves the nullable `country` out, and it reads as `None`.
    let enums::PhoneNumberInfo::PhoneNumberInfo(nowhere) =
        td.ok(&functions::GetPhoneNumberInfoSync {
            language_code: "en".into(),
            phone_number_prefix: "999999".into(),
        });
    assert_eq!(nowhere.country, None);
    assert_eq!(nowhere.formatted_phone_number, "999999");
    let enums::Text::Text(flag) = td.ok(&functions::GetCountryFlagEmoji {
        country_code: "DE".into(),
    });
    assert_eq!(flag.text, "🇩🇪");

    // Searching strings.
    let enums::FoundPositions::FoundPositions(found) = td.ok(&functions::SearchStringsByPrefix {
        strings: ["Hello world", "hello", "World", "helicopter", "abc"]
            .map(String::from)
            .into(),
        query: "hel".into(),
        limit: 10,
        return_none_for_empty_query: true,
    });
    assert_eq!((found.total_count, found.positions), (3, vec![0, 1, 3]));
    let enums::FoundPositions::FoundPositions(none) = td.ok(&functions::SearchStringsByPrefix {
        strings: vec!["a".into(), "b".into()],
        query: String::new(),
        limit: 10,
        return_none_for_empty_query: true,
    });
    assert_eq!((none.total_count, none.positions), (0, vec![]));

    // Chat folders, quick replies, push notifications, language packs.
    let folder = |include_bots: bool, icon: &str| types::ChatFolder {
        name: types::ChatFolderName {
            text: formatted("Bots", vec![]),
            animate_custom_emoji: false,
        },
        icon: Some(types::ChatFolderIcon { name: icon.into() }),
        color_id: -1,
        is_shareable: false,
        pinned_chat_ids: vec![],
        included_chat_ids: vec![],
        excluded_chat_ids: vec![],
        exclude_muted: false,
        exclude_read: false,
        exclude_archived: false,
        include_contacts: false,
        include_non_contacts: false,
        include_bots,
        include_groups: !include_bots,
        include_channels: false,
    };
    for (include_bots, icon, expected) in [
        (true, "", "Bots"),
        (false, "", "Groups"),
        (true, "Cat", "Cat"),
    ] {
        let enums::ChatFolderIcon::ChatFolderIcon(got) =
            td.ok(&functions::GetChatFolderDefaultIconName {
                folder: folder(include_bots, icon),
            });
        assert_eq!(got.name, expected);
    }
    td.ok(&functions::CheckQuickReplyShortcutName {
        name: "hello".into(),
    });
    let bad = td.error(&functions::CheckQuickReplyShortcutName {
        name: "bad name!".into(),
    });
    assert!(!bad.message.is_empty());
    // int64 in an answer: a decimal string.
    let enums::PushReceiverId::PushReceiverId(receiver) = td.ok(&functions::GetPushReceiverId {
        payload: "{}".into(),
    });
    assert_eq!(receiver.id, 0);
    let missing = td.error(&functions::GetLanguagePackString {
        language_pack_database_path: String::new(),
        localization_target: "android".into(),
        language_pack_id: "en".into(),
        key: "Cancel".into(),
    });
    assert_eq!((missing.code, missing.message.as_str()), (404, "Not Found"));

    // Options and errors.
    let version = td.ok(&functions::GetOption {
        name: "version".into(),
    });
    let enums::OptionValue::String(version) = version else {
        panic!("version: {version:?}");
    };
    assert!(!version.value.is_empty());
    let commit = td.ok(&functions::GetOption {
        name: "commit_hash".into(),
    });
    assert!(
        matches!(&commit, enums::OptionValue::String(s) if s.value.len() == 40 && s.value.bytes().all(|b| b.is_ascii_hexdigit())),
        "{commit:?}"
    );
    let error = td.error(&functions::TestReturnError {
        error: types::Error {
            code: 42,
            message: "test error".into(),
        },
    });
    assert_eq!((error.code, error.message.as_str()), (42, "test error"));

    assert_eq!(td.functions.len(), 28, "{:?}", td.functions);
    println!(
        "TDLib td_execute: {} requests of {} functions answered (TDLib {}), each answer read into \
         td_api's types and written back as TDLib's JSON",
        td.requests,
        td.functions.len(),
        version.value,
    );
}

/// What to do with the answer to a request sent to the client.
type Check = Box<dyn FnOnce(&str)>;

/// One client: requests sent with an `"@extra"` each, answers matched to them, updates kept.
struct Client {
    td: Tdjson,
    id: i32,
    next_extra: i64,
    pending: BTreeMap<i64, (&'static str, Check)>,
    functions: BTreeSet<&'static str>,
    answers: usize,
    updates: Vec<enums::Update>,
}

impl Client {
    /// Sends `request` (our JSON with `"@extra"` added); its answer is read into `F::Return` and
    /// handed to `check`.
    fn send<F>(&mut self, request: &F, check: impl FnOnce(F::Return) + 'static)
    where
        F: RemoteCall + Identifiable + Serialize,
        F::Return: Serialize + DeserializeOwned,
    {
        let extra = self.next_extra;
        self.next_extra += 1;
        let text = request_json(request);
        let with_extra = format!("{},\"@extra\":{extra}}}", text.strip_suffix('}').unwrap());
        self.td.send(self.id, &with_extra).unwrap();
        let check: Check = Box::new(move |answer: &str| match read_answer::<F::Return>(answer) {
            Ok(value) => check(value),
            Err(e) => panic!("TDLib answered {text} with error {}: {}", e.code, e.message),
        });
        self.pending.insert(extra, (F::TL_NAME, check));
    }

    /// Receives until `done` holds, for at most a minute.
    fn receive_until(&mut self, done: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done(self) {
            assert!(
                Instant::now() < deadline,
                "TDLib did not answer within a minute; waiting for {:?}",
                self.pending
                    .values()
                    .map(|(name, _)| name)
                    .collect::<Vec<_>>()
            );
            let Some(text) = self.td.receive(1.0) else {
                continue;
            };
            let extra = json::extra(&text).unwrap();
            assert_eq!(extra.client_id, Some(self.id), "{text}");
            match extra.extra {
                Some(extra) => {
                    let (name, check) = extra
                        .as_i64()
                        .and_then(|n| self.pending.remove(&n))
                        .unwrap_or_else(|| panic!("an answer to no request: {text}"));
                    check(&text);
                    self.functions.insert(name);
                    self.answers += 1;
                }
                None => self.updates.push(read::<enums::Update>(&text)),
            }
        }
    }
}

/// The authorization state an update announces, if it is `updateAuthorizationState`.
fn authorization_state(update: &enums::Update) -> Option<&enums::AuthorizationState> {
    match update {
        enums::Update::AuthorizationState(u) => Some(&u.authorization_state),
        _ => None,
    }
}

#[test]
fn client_requests_and_updates() {
    let Some(td) = tdjson("td_api's types against a TDLib client") else {
        return;
    };
    let verbosity = request_json(&functions::SetLogVerbosityLevel {
        new_verbosity_level: 0,
    });
    {
        let _log = LOG_SETTINGS.lock().unwrap_or_else(PoisonError::into_inner);
        td.execute(&verbosity).unwrap();
    }
    let mut client = Client {
        id: td.create_client_id(),
        td,
        next_extra: 1,
        pending: BTreeMap::new(),
        functions: BTreeSet::new(),
        answers: 0,
        updates: Vec::new(),
    };

    client.send(
        &functions::GetOption {
            name: "version".into(),
        },
        |version| assert!(matches!(version, enums::OptionValue::String(s) if !s.value.is_empty())),
    );
    client.send(&functions::GetAuthorizationState {}, |state| {
        assert!(
            matches!(state, enums::AuthorizationState::WaitTdlibParameters(_)),
            "{state:?}"
        );
    });
    client.send(&functions::TestCallEmpty {}, |ok| {
        let enums::Ok::Ok(_) = ok;
    });
    let string = "héllo 😀 \"q\" \\ \0 \n end";
    client.send(
        &functions::TestCallString { x: string.into() },
        move |answer| {
            let enums::TestString::TestString(answer) = answer;
            assert_eq!(answer.value, string);
        },
    );
    // Not UTF-8, and every base64 padding length.
    for bytes in [vec![0x00, 0x01, 0x02, 0xff], vec![0xfe, 0x80, 0xc3], vec![]] {
        let expected = bytes.clone();
        client.send(&functions::TestCallBytes { x: bytes }, move |answer| {
            let enums::TestBytes::TestBytes(answer) = answer;
            assert_eq!(answer.value, expected);
        });
    }
    for ints in [vec![1, -2, i32::MAX, i32::MIN], vec![]] {
        let expected = ints.clone();
        client.send(&functions::TestCallVectorInt { x: ints }, move |answer| {
            let enums::TestVectorInt::TestVectorInt(answer) = answer;
            assert_eq!(answer.value, expected);
        });
    }
    let objects = vec![types::TestInt { value: 1 }, types::TestInt { value: -2 }];
    client.send(
        &functions::TestCallVectorIntObject { x: objects.clone() },
        move |answer| {
            let enums::TestVectorIntObject::TestVectorIntObject(answer) = answer;
            assert_eq!(answer.value, objects);
        },
    );
    let strings: Vec<String> = vec!["a".into(), String::new(), "😀".into()];
    client.send(
        &functions::TestCallVectorString { x: strings.clone() },
        move |answer| {
            let enums::TestVectorString::TestVectorString(answer) = answer;
            assert_eq!(answer.value, strings);
        },
    );
    let objects = vec![
        types::TestString { value: "a".into() },
        types::TestString {
            value: String::new(),
        },
    ];
    client.send(
        &functions::TestCallVectorStringObject { x: objects.clone() },
        move |answer| {
            let enums::TestVectorStringObject::TestVectorStringObject(answer) = answer;
            assert_eq!(answer.value, objects);
        },
    );
    // 46341² overflows int32: TDLib answers the wrapped square.
    for (x, square) in [(12, 144), (46341, 46341_i32.wrapping_mul(46341))] {
        client.send(&functions::TestSquareInt { x }, move |answer| {
            let enums::TestInt::TestInt(answer) = answer;
            assert_eq!(answer.value, square);
        });
    }
    client.receive_until(|c| c.pending.is_empty());
    let before = client.updates.len();

    client.send(&functions::Close {}, |ok| {
        let enums::Ok::Ok(_) = ok;
    });
    client.receive_until(|c| {
        c.pending.is_empty()
            && c.updates
                .last()
                .and_then(authorization_state)
                .is_some_and(|s| matches!(s, enums::AuthorizationState::Closed(_)))
    });

    // Before authorization: the version and commit options, then the wait for parameters.
    let options: Vec<(&str, &enums::OptionValue)> = client.updates[..before]
        .iter()
        .filter_map(|u| match u {
            enums::Update::Option(o) => Some((o.name.as_str(), &o.value)),
            _ => None,
        })
        .collect();
    assert!(
        options.iter().any(|(name, value)| *name == "version"
            && matches!(value, enums::OptionValue::String(s) if !s.value.is_empty())),
        "{options:?}"
    );
    assert!(
        options.iter().any(|(name, _)| *name == "commit_hash"),
        "{options:?}"
    );
    let states: Vec<&enums::AuthorizationState> = client
        .updates
        .iter()
        .filter_map(authorization_state)
        .collect();
    assert!(
        matches!(
            states[..],
            [
                enums::AuthorizationState::WaitTdlibParameters(_),
                enums::AuthorizationState::Closing(_),
                enums::AuthorizationState::Closed(_)
            ]
        ),
        "{states:?}"
    );

    let names: Vec<String> = client
        .updates
        .iter()
        .map(|u| json::type_name(&json::to_string(u).unwrap()).unwrap())
        .collect();
    assert_eq!(client.functions.len(), 11, "{:?}", client.functions);
    println!(
        "TDLib client: {} requests of {} functions answered, {} updates ({}), each read into \
         td_api's types and written back as TDLib's JSON",
        client.answers,
        client.functions.len(),
        client.updates.len(),
        names.join(", ")
    );
}
