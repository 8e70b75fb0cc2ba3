//! `tlgen generate`: the Rust code `tl_codegen::Config` writes from a build script, to a file or
//! stdout.

use std::io::Write as _;
use std::path::PathBuf;

use tl_parser::SourceSet;

use crate::Outcome;

/// Arguments of `tlgen generate`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "The output is byte for byte what a build.rs calling tl_codegen::Config with the same settings \
    writes to $OUT_DIR/tl.rs. Schema warnings (explained id mismatches) go to stderr; schema errors \
    are rendered to stderr and nothing is written.\n\n\
    Examples:\n  \
    tlgen generate schema/api.tl -o src/tl.rs\n  \
    tlgen generate schema/api.tl --select messages.getChatInviteImporters --layer 228\n  \
    tlgen generate mtproto.tl api.tl --runtime-path crate --no-format | wc -c\n  \
    tlgen generate schema/api.tl --eq-hash true -o src/tl.rs\n  \
    tlgen generate schema/api.tl --borrowed -o src/tl.rs\n  \
    tlgen generate schema/api.tl --docs schema/docs/getdoc-L223.json -o src/tl.rs\n\n",
    "With --docs, the documentation's coverage of the schema goes to stderr: \
    docs: N of M definitions documented, K entries for unknown names.\n\n",
    "Exit codes: 0 success; 1 a schema has errors; 2 usage error, a file cannot be read or written, \
    the --docs file is not getdoc JSON, or a --select name is not in the schema."
))]
pub(crate) struct Args {
    /// Generate only what these definitions need (functions, constructors or boxed types; repeat
    /// the option or separate names with commas). Without it, everything is generated.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    select: Vec<String>,
    /// The path through which the generated code names the runtime crate.
    #[arg(long, value_name = "PATH", default_value = "::tl_types")]
    runtime_path: String,
    /// The layer for `LAYER` when the schema has no `// LAYER N` line.
    #[arg(long, value_name = "N")]
    layer: Option<i32>,
    /// Also generate sample values (`Sample` impls and `visit_samples`) for round-trip tests.
    #[arg(long)]
    samples: bool,
    /// Also generate the JSON form (serde `Serialize` and `Deserialize` in TDLib's conventions,
    /// docs/TL-JSON.md); the generated code then needs tl-types' `serde` feature.
    #[arg(long)]
    serde: bool,
    /// Derive `Eq` and `Hash` on every type that reaches no `double` (`true`), or on none
    /// (`false`, the default: they cost 7% of full api-L228's build time).
    #[arg(long, value_name = "BOOL")]
    eq_hash: Option<bool>,
    /// Zero-copy decoding: `string`/`bytes` fields are `Cow<'a, str>`/`Cow<'a, [u8]>` and decode
    /// as slices of the input (tl-types' `DeserializableBorrowed`); the types that reach one take
    /// a lifetime `'a`. Not with --serde yet.
    #[arg(long)]
    borrowed: bool,
    /// Document the code with Telegram's documentation: a JSON file in the format of gotd's
    /// getdoc (schema/docs/getdoc-L223.json, or what `tlgen docs extract` writes): descriptions,
    /// result types, possible errors (`RemoteCall::POSSIBLE_ERRORS`) and the `errors` module.
    #[arg(long, value_name = "FILE")]
    docs: Option<PathBuf>,
    /// Also read Telethon's curated lists (schema/docs/telethon-errors.csv and
    /// telethon-methods.csv): errors, possible errors and who may call a method where the
    /// getdoc file lacks them.
    #[arg(long, value_names = ["ERRORS.csv", "METHODS.csv"], num_args = 2)]
    docs_telethon: Option<Vec<PathBuf>>,
    /// Generate `new(...)`, the `with_` setters and `Default` on every struct (`true`), or not
    /// (`false`, the default: they cost more than 5% of full api-L228's build time).
    #[arg(long, value_name = "BOOL")]
    builders: Option<bool>,
    /// Generate `constructor_id()`, `tl_name()`, `TryFrom` back to the structs and the getters of
    /// shared fields on every enum (`true`), or not (`false`, the default: they cost more than 5%).
    #[arg(long, value_name = "BOOL")]
    enum_helpers: Option<bool>,
    /// Do not pretty-print: one long line, faster, for machines only.
    #[arg(long)]
    no_format: bool,
    /// Write to this file instead of stdout (only when the contents change).
    #[arg(short, long, value_name = "OUT.rs")]
    output: Option<PathBuf>,
    /// TL schema files, read together as one schema.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `tlgen generate`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut sources = SourceSet::new();
    for path in &args.files {
        let Some(loaded) = crate::load(path) else {
            return Outcome::Failure;
        };
        if let Some(diagnostic) = loaded.invalid_utf8 {
            crate::print_diagnostics(&[diagnostic], &loaded.sources);
            return Outcome::SchemaErrors;
        }
        for (_, file) in loaded.sources.iter() {
            sources.add(file.name.clone(), file.text.clone());
        }
    }
    let mut config = tl_codegen::Config::new();
    config
        .select(args.select.iter().cloned())
        .runtime_path(args.runtime_path.clone())
        .format(!args.no_format)
        .samples(args.samples)
        .serde(args.serde);
    if let Some(layer) = args.layer {
        config.layer(layer);
    }
    if let Some(on) = args.eq_hash {
        config.eq_hash(on);
    }
    if args.borrowed {
        config.borrowed(true);
    }
    if let Some(docs) = &args.docs {
        config.docs(docs);
    }
    if let Some([errors, methods]) = args.docs_telethon.as_deref() {
        config.docs_telethon(errors, methods);
    }
    if let Some(on) = args.builders {
        config.builders(on);
    }
    if let Some(on) = args.enum_helpers {
        config.enum_helpers(on);
    }
    let generated = match config.generate_from(&sources) {
        Ok(generated) => generated,
        Err(err) => return report(&err),
    };
    crate::print_diagnostics(&generated.warnings, &generated.sources);
    if let Some(coverage) = &generated.docs_coverage {
        eprintln!("{coverage}");
    }
    let code = generated.code;
    match &args.output {
        Some(path) => {
            let same = std::fs::read(path).is_ok_and(|old| old == code.as_bytes());
            if !same && let Err(err) = std::fs::write(path, &code) {
                eprintln!("error: cannot write {}: {err}", path.display());
                return Outcome::Failure;
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(err) = stdout
                .write_all(code.as_bytes())
                .and_then(|()| stdout.flush())
            {
                eprintln!("error: cannot write to stdout: {err}");
                return Outcome::Failure;
            }
        }
    }
    Outcome::Clean
}

/// Prints a generation error and picks the exit code.
fn report(err: &tl_codegen::Error) -> Outcome {
    match err {
        tl_codegen::Error::Schema {
            diagnostics,
            sources,
        } => {
            crate::print_diagnostics(diagnostics, sources);
            let errors = err.error_count();
            eprintln!(
                "error: the schema has {errors} error{}; nothing generated",
                if errors == 1 { "" } else { "s" }
            );
            Outcome::SchemaErrors
        }
        tl_codegen::Error::RuntimePath { .. } => {
            eprintln!("error: --runtime-path: {err}");
            Outcome::Failure
        }
        _ => {
            eprintln!("error: {err}");
            Outcome::Failure
        }
    }
}
