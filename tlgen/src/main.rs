//! `tlgen`: the command-line front end of the TL toolkit. `tlgen check` reports what is wrong with
//! schemas, `tlgen ids` lists every definition's id, `tlgen generate` writes the Rust a build script
//! would, `tlgen diff` compares two layers and `tlgen explain` finds which layer has an id;
//! `tlgen decode` and `tlgen encode` turn TL bytes into JSON or text and back from the schema alone;
//! `tlgen docs extract` reads saved core.telegram.org pages into documentation JSON.

mod check_cmd;
mod decode_cmd;
mod diff_cmd;
mod docs_cmd;
mod encode_cmd;
mod explain_cmd;
mod generate_cmd;
mod ids_cmd;
mod schema_set;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tl_parser::{Diagnostic, Label, Severity, SourceSet, Span};

/// Check TL schemas, list their ids, generate Rust, compare layers and explain ids.
#[derive(Debug, Parser)]
#[command(name = "tlgen", version, about, long_about = None, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands. Each lives in its own module with an `Args` struct and a `run` function.
#[derive(Debug, Subcommand)]
enum Command {
    /// Parse and check schemas: print a summary per file and every diagnostic.
    ///
    /// Each FILE is checked as a schema of its own. Exits with 0 when no file has errors, 1 when some
    /// file has errors, 2 when a file cannot be read.
    Check(check_cmd::Args),
    /// Print one line per definition: name, computed id, declared id and category.
    Ids(ids_cmd::Args),
    /// Generate Rust from schemas: exactly what a build.rs with tl_codegen::Config would write.
    Generate(generate_cmd::Args),
    /// Compare two versions of a schema: what was added, removed, renamed and changed, and what breaks.
    Diff(diff_cmd::Args),
    /// Find which definition has a constructor id, in which of the given schemas, and why a decoder
    /// may not know it.
    Explain(explain_cmd::Args),
    /// Decode TL bytes into JSON or readable text, from the schema alone (no generated code).
    Decode(decode_cmd::Args),
    /// Encode the JSON form of a TL value into its bytes, from the schema alone.
    Encode(encode_cmd::Args),
    /// Telegram's API documentation as data: `tlgen docs extract` reads saved core.telegram.org
    /// pages into documentation JSON (gotd's getdoc format).
    Docs(docs_cmd::Args),
}

/// The exit codes, shown by every `--help`.
pub(crate) const EXIT_CODES: &str = "Exit codes: 0 success; 1 a schema has errors (diagnostics on \
    stderr); 2 usage error, or a file cannot be read or written; 3 a negative answer (`diff \
    --fail-on` found such changes, `explain` found the id in no file).";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Check(args) => check_cmd::run(args),
        Command::Ids(args) => ids_cmd::run(args),
        Command::Generate(args) => generate_cmd::run(args),
        Command::Diff(args) => diff_cmd::run(args),
        Command::Explain(args) => explain_cmd::run(args),
        Command::Decode(args) => decode_cmd::run(args),
        Command::Encode(args) => encode_cmd::run(args),
        Command::Docs(args) => docs_cmd::run(args),
    };
    outcome.exit_code()
}

/// How a command ended, from best to worst; several files combine to the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Outcome {
    /// No errors.
    Clean,
    /// The answer is no: breaking changes `diff --fail-on` asked about, or an id found nowhere.
    Negative,
    /// Bytes or JSON that do not decode (`tlgen decode`, `tlgen encode`), or pages that are not
    /// documentation (`tlgen docs extract`).
    Undecodable,
    /// Some schema has errors.
    SchemaErrors,
    /// Some file could not be read.
    Failure,
}

impl Outcome {
    fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Negative => ExitCode::from(3),
            Outcome::Undecodable => ExitCode::from(1),
            Outcome::SchemaErrors => ExitCode::from(1),
            Outcome::Failure => ExitCode::from(2),
        }
    }
}

/// One file read for a command: its sources, or the diagnostics that prevented parsing it.
pub(crate) struct Loaded {
    /// The file (always present, so that diagnostics can be rendered against it).
    pub(crate) sources: SourceSet,
    /// Set when the file is not UTF-8: a located error, and nothing to parse.
    pub(crate) invalid_utf8: Option<Diagnostic>,
}

/// Reads `path` as bytes. An I/O error is printed and gives `None`; invalid UTF-8 gives a located
/// diagnostic against the file read lossily (everything before the first bad byte is unchanged).
pub(crate) fn load(path: &Path) -> Option<Loaded> {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("error: cannot read {name}: {err}");
            return None;
        }
    };
    let mut sources = SourceSet::new();
    // Only a file that is not UTF-8 needs its lossy copy (to show the lines around the bad byte).
    let lossy = std::str::from_utf8(&bytes)
        .is_err()
        .then(|| String::from_utf8_lossy(&bytes).into_owned());
    match sources.add_bytes(name.clone(), bytes) {
        Ok(_) => Some(Loaded {
            sources,
            invalid_utf8: None,
        }),
        Err(err) => {
            let mut sources = SourceSet::new();
            let id = sources.add(name, lossy.unwrap_or_default());
            // U+FFFD, which replaced the bad byte, takes 3 bytes.
            let span = Span::new(id, err.offset, err.offset + 3);
            let diagnostic = Diagnostic {
                severity: Severity::Error,
                code: tl_parser::Code::InvalidUtf8,
                message: "the file is not valid UTF-8".to_owned(),
                labels: vec![Label {
                    span,
                    message: format!("invalid byte at offset {}", err.offset),
                    primary: true,
                }],
                notes: vec![format!(
                    "line {}, column {} (in bytes)",
                    err.line, err.column
                )],
            };
            Some(Loaded {
                sources,
                invalid_utf8: Some(diagnostic),
            })
        }
    }
}

/// Renders diagnostics to stderr, in colour only when stderr is a terminal.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic], sources: &SourceSet) {
    if diagnostics.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal();
    eprint!(
        "{}",
        tl_parser::diagnostic::render(diagnostics, sources, color)
    );
}

/// Reads and checks one file as a schema of its own, returning it with its source. I/O errors,
/// invalid UTF-8 and schema errors are printed (errors only: warnings do not matter to a
/// comparison) and give the outcome to return.
pub(crate) fn load_schema(path: &Path) -> Result<(tl_parser::Schema, SourceSet), Outcome> {
    let loaded = load(path).ok_or(Outcome::Failure)?;
    if let Some(diagnostic) = loaded.invalid_utf8 {
        print_diagnostics(&[diagnostic], &loaded.sources);
        return Err(Outcome::SchemaErrors);
    }
    let parsed = tl_parser::parse(&loaded.sources, &tl_parser::CheckOptions::default());
    if parsed.has_errors() {
        let errors: Vec<Diagnostic> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        print_diagnostics(&errors, &loaded.sources);
        eprintln!("error: {} has errors", path.display());
        return Err(Outcome::SchemaErrors);
    }
    Ok((parsed.schema, loaded.sources))
}
