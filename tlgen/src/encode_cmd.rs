//! `tlgen encode`: the JSON form of a TL value (docs/TL-JSON.md) to its bytes, from the schema
//! alone (tl-dynamic).

use std::io::Write as _;
use std::path::PathBuf;

use tl_dynamic::Codec;

use crate::Outcome;
use crate::schema_set;

/// Arguments of `tlgen encode`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "The input is the JSON form tlgen decode prints (docs/TL-JSON.md): an object with its \
    \"@type\", fields under their TL names; flags words are computed, unknown members ignored, \
    `long` given as a string or an integer. Without --type, \"@type\" may name any constructor or \
    function. The bytes go to stdout as they are, or as hex digits with --hex. An MTProto \
    message's `bytes` is computed from its body.\n\n\
    Examples:\n  \
    tlgen encode --schema schema/importers.tl --hex request.json\n  \
    tlgen decode --schema api.tl in.bin | tlgen encode --schema api.tl > out.bin\n  \
    echo '[\"1\",\"2\"]' | tlgen encode --schema api.tl --type 'Vector<long>' --hex\n\n",
    "Exit codes: 0 encoded; 1 the JSON does not read as a value of the schema (the error on \
    stderr, with the path of the member), the value cannot be encoded, or a schema has errors; 2 \
    usage error (an unknown TYPE) or a file cannot be read or written."
))]
pub(crate) struct Args {
    /// A TL schema file; several are read as one schema (mtproto.tl and api.tl).
    #[arg(long = "schema", value_name = "FILE", required = true)]
    schemas: Vec<PathBuf>,
    /// What the JSON is; without it, `"@type"` may name any constructor or function.
    #[arg(long = "type", value_name = "TYPE")]
    ty: Option<String>,
    /// Write hex digits (and a newline) rather than raw bytes.
    #[arg(long)]
    hex: bool,
    /// The JSON file; `-` (the default) reads standard input.
    #[arg(value_name = "INPUT.json", default_value = "-")]
    input: PathBuf,
}

/// Runs `tlgen encode`.
pub(crate) fn run(args: &Args) -> Outcome {
    match encode(args) {
        Ok(()) => Outcome::Clean,
        Err(outcome) => outcome,
    }
}

fn encode(args: &Args) -> Result<(), Outcome> {
    let schema = schema_set::load(&args.schemas)?;
    let codec = Codec::new(&schema);
    let target = crate::decode_cmd::target(&codec, args.ty.as_deref())?;
    let input = schema_set::read_input(&args.input)?;
    let text = String::from_utf8(input).map_err(|err| {
        eprintln!(
            "error: the input is not UTF-8 (at byte {})",
            err.utf8_error().valid_up_to()
        );
        Outcome::Undecodable
    })?;
    let value = codec.from_json(&target, &text).map_err(|err| {
        eprintln!("error: {err}");
        Outcome::Undecodable
    })?;
    let bytes = codec.encode_as(&target, &value).map_err(|err| {
        eprintln!("error: {err}");
        Outcome::Undecodable
    })?;
    let mut stdout = std::io::stdout().lock();
    let written = if args.hex {
        writeln!(stdout, "{}", crate::decode_cmd::to_hex(&bytes))
    } else {
        stdout.write_all(&bytes)
    };
    written.and_then(|()| stdout.flush()).map_err(|err| {
        eprintln!("error: cannot write the bytes: {err}");
        Outcome::Failure
    })
}
