//! `tlgen decode`: TL bytes to JSON (docs/TL-JSON.md) or readable text, from the schema alone
//! (tl-dynamic): no generated code, no build.

use std::path::PathBuf;

use tl_dynamic::{Codec, Target};

use crate::Outcome;
use crate::schema_set;

/// How `tlgen decode` prints the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// The JSON form (docs/TL-JSON.md), one line: what the generated serde impls write.
    Json,
    /// Names with ids, one field per line, long byte strings shortened.
    Text,
}

/// Arguments of `tlgen decode`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Without --type the input is one boxed value: its constructor id picks the constructor or \
    function (or an MTProto envelope: msg_container, message, rpc_result; gzip_packed is unpacked \
    wherever a boxed value may stand, up to 16 MiB). TYPE may be a boxed type \
    (messages.ChatInviteImporters), a constructor or function (read in its boxed form, id \
    first), Vector<T>, a built-in (Bool, long) or %T (a bare constructor). The value must use \
    every byte of the input. Errors name the byte offset and the path of fields \
    (messages.chatInviteImporters.users[3].user.username); an unknown constructor id can be \
    looked up with `tlgen explain`.\n\n\
    Examples:\n  \
    tlgen decode --schema schema/importers.tl --hex response.hex\n  \
    xxd -p response.bin | tlgen decode --schema api.tl --hex --format text\n  \
    tlgen decode --schema mtproto.tl --schema api.tl packet.bin\n  \
    tlgen decode --schema api.tl --type 'Vector<User>' users.bin\n\n",
    "Exit codes: 0 decoded; 1 the bytes do not decode (the error on stderr, with its offset and \
    path), the input is not hex with --hex, or a schema has errors; 2 usage error (an unknown \
    TYPE) or a file cannot be read."
))]
pub(crate) struct Args {
    /// A TL schema file; several are read as one schema (mtproto.tl and api.tl).
    #[arg(long = "schema", value_name = "FILE", required = true)]
    schemas: Vec<PathBuf>,
    /// What the bytes are; without it the constructor id picks.
    #[arg(long = "type", value_name = "TYPE")]
    ty: Option<String>,
    /// The input is hex digits (whitespace allowed) rather than raw bytes.
    #[arg(long)]
    hex: bool,
    /// How to print the value.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// The input file; `-` (the default) reads standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    input: PathBuf,
}

/// Runs `tlgen decode`.
pub(crate) fn run(args: &Args) -> Outcome {
    match decode(args) {
        Ok(()) => Outcome::Clean,
        Err(outcome) => outcome,
    }
}

fn decode(args: &Args) -> Result<(), Outcome> {
    let schema = schema_set::load(&args.schemas)?;
    let codec = Codec::new(&schema);
    let target = target(&codec, args.ty.as_deref())?;
    let input = schema_set::read_input(&args.input)?;
    let bytes = if args.hex {
        from_hex(&input).map_err(|message| {
            eprintln!("error: {message}");
            Outcome::Undecodable
        })?
    } else {
        input
    };
    let value = codec.decode_as(&target, &bytes).map_err(|err| {
        eprintln!("error: {err}");
        Outcome::Undecodable
    })?;
    match (args.format, args.pretty) {
        (Format::Json, false) => println!("{}", value.to_json()),
        (Format::Json, true) => println!("{}", value.to_json_pretty()),
        (Format::Text, _) => print!("{value}"),
    }
    Ok(())
}

/// The target `--type` names (any boxed value without it); an unknown name is a usage error.
pub(crate) fn target(codec: &Codec<'_>, ty: Option<&str>) -> Result<Target, Outcome> {
    match ty {
        None => Ok(Target::any()),
        Some(text) => codec.target(text).map_err(|err| {
            eprintln!("error: --type {text}: {err}");
            Outcome::Failure
        }),
    }
}

/// Bytes from hex digits; ASCII whitespace anywhere is skipped.
fn from_hex(text: &[u8]) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if let Some(at) = digits.iter().position(|b| !b.is_ascii_hexdigit()) {
        return Err(format!(
            "the input is not hex: {:?} at digit {at}",
            char::from(digits[at])
        ));
    }
    if !digits.len().is_multiple_of(2) {
        return Err(format!(
            "the input is not hex: an odd number of digits ({})",
            digits.len()
        ));
    }
    let value = |d: u8| match d {
        b'0'..=b'9' => d - b'0',
        b'a'..=b'f' => d - b'a' + 10,
        _ => d - b'A' + 10,
    };
    Ok(digits
        .chunks_exact(2)
        .map(|pair| value(pair[0]) << 4 | value(pair[1]))
        .collect())
}

/// Lowercase hex digits of `bytes`.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out
}
