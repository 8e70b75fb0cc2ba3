//! Typed TDLib requests: builds a `parseTextEntities` request as a Rust value (types generated
//! from td_api.tl by this package's `build.rs`), writes it as TDLib's JSON with
//! `tl_types::json`, has TDLib execute it (`td_execute`, through tl-tdjson), and reads the answer
//! into the generated `FormattedText`; then finds the entities of plain text with
//! `getTextEntities`.
//!
//! ```sh
//! export TDJSON_LIB="$(bash .ci/tdjson.sh)"   # TDLib 1.8.66, into target/tdjson-1.8.66/
//! cargo run --example tdjson
//! ```
//!
//! Without TDLib it prints the request's JSON and how to get TDLib, and exits with status 0.

use std::error::Error;

use serde::Serialize;
use serde::de::DeserializeOwned;
use tl_examples::td_api::{enums, functions, types};
use tl_tdjson::{LoadError, Tdjson};
use tl_types::{RemoteCall, json};

/// Markdown (version 2) with bold, italic and a link.
const MARKDOWN: &str = "*bold* and _italic_ and [a link](https://telegram.org)";

/// Plain text, in which TDLib finds a mention, a hashtag and a URL by itself.
const PLAIN: &str = "Ask @telegram about #tdlib on https://core.telegram.org/tdlib";

fn main() -> Result<(), Box<dyn Error>> {
    let request = functions::ParseTextEntities {
        text: MARKDOWN.to_owned(),
        parse_mode: types::TextParseModeMarkdown { version: 2 }.into(),
    };
    println!("The request, a typed functions::ParseTextEntities, as TDLib's JSON:");
    println!("  {}", json::to_string(&request)?);
    println!();

    let td = match Tdjson::find() {
        Ok(td) => td,
        Err(error @ LoadError::NotFound { .. }) => {
            print_how_to_get_tdlib(&error);
            return Ok(());
        }
        // TDJSON_LIB names a file that does not load: a real error.
        Err(error) => return Err(error.into()),
    };

    // TDLib logs every synchronous request at its default verbosity: errors only.
    execute(
        &td,
        &functions::SetLogVerbosityLevel {
            new_verbosity_level: 1,
        },
    )?;
    let enums::FormattedText::FormattedText(parsed) = execute(&td, &request)?;
    println!(
        "TDLib ({}) parsed it into a types::FormattedText:",
        td.path().display()
    );
    print_formatted(&parsed.text, &parsed.entities)?;
    println!();

    let request = functions::GetTextEntities {
        text: PLAIN.to_owned(),
    };
    println!("getTextEntities finds the entities of plain text:");
    println!("  {}", json::to_string(&request)?);
    let enums::TextEntities::TextEntities(found) = execute(&td, &request)?;
    print_formatted(PLAIN, &found.entities)?;
    Ok(())
}

/// Executes a synchronous request and reads TDLib's answer into the function's result type
/// (`<F as RemoteCall>::Return`), or TDLib's `error` into an error.
fn execute<F>(td: &Tdjson, request: &F) -> Result<F::Return, Box<dyn Error>>
where
    F: RemoteCall + Serialize,
    F::Return: DeserializeOwned,
{
    let answer = td
        .execute(&json::to_string(request)?)?
        .ok_or("TDLib answered NULL")?;
    match json::from_str_or_error::<F::Return, types::Error>(&answer)? {
        Ok(result) => Ok(result),
        Err(error) => Err(format!("TDLib answered error {}: {}", error.code, error.message).into()),
    }
}

/// Prints a text and its entities, one a line: the type (its TL name without `textEntityType`),
/// where it is, the text it covers and the type's data.
fn print_formatted(text: &str, entities: &[types::TextEntity]) -> Result<(), Box<dyn Error>> {
    println!("  text: {text:?}");
    println!("  entities (offsets and lengths in UTF-16 code units):");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for entity in entities {
        let name = json::type_name(&json::to_string(&entity.r#type)?)?;
        let name = name.strip_prefix("textEntityType").unwrap_or(&name);
        let covered = usize::try_from(entity.offset)
            .ok()
            .zip(usize::try_from(entity.offset + entity.length).ok())
            .and_then(|(start, end)| utf16.get(start..end))
            .map(String::from_utf16_lossy)
            .unwrap_or_default();
        let data = match &entity.r#type {
            enums::TextEntityType::TextUrl(link) => format!(" -> {}", link.url),
            enums::TextEntityType::MentionName(mention) => format!(" -> user {}", mention.user_id),
            enums::TextEntityType::PreCode(code) => format!(" ({})", code.language),
            _ => String::new(),
        };
        println!(
            "    {name:<8} offset {:>2}, length {:>2}: {covered:?}{data}",
            entity.offset, entity.length
        );
    }
    Ok(())
}

fn print_how_to_get_tdlib(error: &LoadError) {
    println!("No TDLib here ({error}).");
    println!();
    println!("To have TDLib answer the request, get its JSON library, libtdjson, of TDLib 1.8.66:");
    println!(
        "  bash .ci/tdjson.sh  (PyPI's tdjson wheel, into target/tdjson-1.8.66/; prints the path)"
    );
    println!("or");
    println!(
        "  pip install tdjson==1.8.66  (the library is tdjson.libs/libtdjson-*.so.1.8.66 in site-packages)"
    );
    println!("and run again with TDJSON_LIB set to its path:");
    println!("  TDJSON_LIB=\"$(bash .ci/tdjson.sh)\" cargo run --example tdjson");
}
