//! `tlgen check`: parse and check schemas, print a summary per file and every diagnostic.

use std::collections::BTreeSet;
use std::path::PathBuf;

use tl_parser::{Body, CheckOptions, DefKind, IdRule, IdStatus, Parsed, Severity};

use crate::Outcome;

/// Arguments of `tlgen check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "For each file, diagnostics are printed to stderr and a summary to stdout: \
    definitions (constructors, functions, built-in `?` primitives), boxed types, declared ids \
    verified (per rule set: reference = fields as written, Telegram = `?true` fields dropped and \
    `bytes` read as `string`), ids mismatched (explained by a known case or a simple variation, or \
    unexplained) and the diagnostic counts."
)]
pub(crate) struct Args {
    /// Treat explained id mismatches as errors too (unexplained ones always are).
    #[arg(long)]
    deny_mismatches: bool,
    /// TL schema files; each is checked as a schema of its own.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `tlgen check`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut options = CheckOptions::default();
    if args.deny_mismatches {
        options.explained_mismatch = Severity::Error;
    }
    let mut outcome = Outcome::Clean;
    for path in &args.files {
        let Some(loaded) = crate::load(path) else {
            outcome = outcome.max(Outcome::Failure);
            continue;
        };
        let name = path.display().to_string();
        if let Some(diagnostic) = loaded.invalid_utf8 {
            crate::print_diagnostics(std::slice::from_ref(&diagnostic), &loaded.sources);
            println!("{name}: not checked (not valid UTF-8)");
            outcome = outcome.max(Outcome::SchemaErrors);
            continue;
        }
        let parsed = tl_parser::parse(&loaded.sources, &options);
        crate::print_diagnostics(&parsed.diagnostics, &loaded.sources);
        print!("{}", summary(&name, &parsed));
        if parsed.has_errors() {
            outcome = outcome.max(Outcome::SchemaErrors);
        }
    }
    outcome
}

/// The per-file summary, several indented lines.
fn summary(name: &str, parsed: &Parsed) -> String {
    let mut constructors = 0;
    let mut functions = 0;
    let mut primitives = 0;
    let mut types = BTreeSet::new();
    let (mut reference, mut telegram, mut undeclared) = (0, 0, 0);
    let (mut explained, mut unexplained) = (0, 0);
    for def in parsed.schema.definitions() {
        match (def.kind, &def.body) {
            (_, Some(Body::Opaque)) => primitives += 1,
            (DefKind::Function, _) => functions += 1,
            (DefKind::Constructor(_) | DefKind::Builtin, _) => {
                constructors += 1;
                types.insert(def.result.name.as_str());
            }
        }
        match &def.id_status {
            IdStatus::Verified(IdRule::Reference) => reference += 1,
            IdStatus::Verified(IdRule::Telegram) => telegram += 1,
            IdStatus::Mismatch(m) if m.explanation.is_some() => explained += 1,
            IdStatus::Mismatch(_) => unexplained += 1,
            IdStatus::Undeclared => undeclared += 1,
        }
    }
    let count = |severity| {
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let verdict = if errors == 0 { "ok" } else { "FAILED" };
    let definitions = constructors + functions + primitives;
    let declared = reference + telegram + explained + unexplained;
    format!(
        "{name}: {verdict}\n  \
         definitions: {definitions} ({constructors} constructors, {functions} functions, {primitives} built-in primitives)\n  \
         types:       {}\n  \
         ids:         {declared} declared: {} verified ({reference} by the reference rule, {telegram} by Telegram's rule); {undeclared} computed\n  \
         mismatches:  {explained} explained, {unexplained} unexplained\n  \
         diagnostics: {errors} errors, {warnings} warnings, {notes} notes\n",
        types.len(),
        reference + telegram,
    )
}
