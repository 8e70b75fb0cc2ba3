//! `tlgen explain`: which definition has a constructor id, in which of the given schemas.

use std::path::PathBuf;

use tlgen::explain::{Query, Source};

use crate::Outcome;

/// Arguments of `tlgen explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "ID is what a decoder printed: `unknown constructor id 0x1cb5c415 for type User` prints \
    0x1cb5c415. Accepted: 0x1cb5c415, #1cb5c415, 1cb5c415, 481674261 (decimal; digits only are \
    also tried as hex), -1992398629 (signed), or the whole error message in quotes (then the \
    expected type is used too).\n\n\
    Each FILE is a schema of its own, usually one per layer; its layer comes from a `// LAYER N` \
    line or from the file name (api-L228.tl). The report lists each file that has the id, then \
    which layers have it and which do not, and the likely reason: the peer speaks a newer (or \
    older) layer than the code was generated from. MTProto envelopes (gzip_packed, rpc_result, \
    msg_container, rpc_error, vector, Bool) are recognised without any file.\n\n\
    Examples:\n  \
    tlgen explain 0x1cb5c415\n  \
    tlgen explain 0xb1b8cc83 schemas/api-L*.tl\n  \
    tlgen explain 'unknown constructor id 0xb1b8cc83 for type User' schema/api.tl\n\n",
    "Exit codes: 0 the id was found (or is an MTProto envelope); 1 a schema has errors; 2 usage \
    error (an ID that cannot be read) or a file cannot be read; 3 no file has the id."
))]
pub(crate) struct Args {
    /// The type the decoder expected (`User`); taken from the message when ID is a whole message.
    #[arg(long, value_name = "TYPE")]
    expected: Option<String>,
    /// The constructor id, in any of the formats below, or a whole decode error message.
    #[arg(value_name = "ID", allow_hyphen_values = true)]
    id: String,
    /// TL schema files to look in (each a schema of its own, typically one per layer).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `tlgen explain`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut query = match Query::parse(&args.id) {
        Ok(query) => query,
        Err(message) => {
            eprintln!("error: {message}");
            return Outcome::Failure;
        }
    };
    if args.expected.is_some() {
        query.expected.clone_from(&args.expected);
    }
    let mut schemas = Vec::new();
    let mut outcome = Outcome::Clean;
    for path in &args.files {
        match crate::load_schema(path) {
            Ok((schema, _)) => {
                let layer = tlgen::layer::layer_of(&schema, path);
                schemas.push((tlgen::layer::label(layer, path), layer, schema));
            }
            Err(failure) => outcome = outcome.max(failure),
        }
    }
    if outcome != Outcome::Clean {
        return outcome;
    }
    // Oldest layer first; files without a layer keep their order, after those with one.
    schemas.sort_by_key(|(_, layer, _)| layer.unwrap_or(u32::MAX));
    let sources: Vec<Source<'_>> = schemas
        .iter()
        .map(|(label, layer, schema)| Source {
            label,
            layer: *layer,
            schema,
        })
        .collect();
    let (text, found) = tlgen::explain::explain(&query, &sources);
    print!("{text}");
    if found {
        Outcome::Clean
    } else {
        Outcome::Negative
    }
}
