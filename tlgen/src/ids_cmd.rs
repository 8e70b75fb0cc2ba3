//! `tlgen ids`: one line per definition with its computed and declared ids.

use std::path::PathBuf;

use tl_parser::{CheckOptions, Definition, IdRule, IdStatus};

use crate::Outcome;

/// Arguments of `tlgen ids`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Output: one line per definition, in file and source order:\n\n  \
    NAME<TAB>0xCOMPUTED<TAB>0xDECLARED<TAB>constructor|function\n\n\
    Ids are 8 lowercase hex digits. COMPUTED is the id under the rule set the declared id verified \
    with (reference or Telegram); when there is no declared id, or it matches neither rule, it is the \
    reference rule's id (what TDLib and TON put on the wire). DECLARED is `-` when the definition has \
    no #id. Diagnostics go to stderr; the exit code is 1 when a file has errors, 2 when one cannot \
    be read."
)]
pub(crate) struct Args {
    /// TL schema files; each is parsed as a schema of its own.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `tlgen ids`.
pub(crate) fn run(args: &Args) -> Outcome {
    let mut outcome = Outcome::Clean;
    for path in &args.files {
        let Some(loaded) = crate::load(path) else {
            outcome = outcome.max(Outcome::Failure);
            continue;
        };
        if let Some(diagnostic) = loaded.invalid_utf8 {
            crate::print_diagnostics(&[diagnostic], &loaded.sources);
            outcome = outcome.max(Outcome::SchemaErrors);
            continue;
        }
        let parsed = tl_parser::parse(&loaded.sources, &CheckOptions::default());
        if parsed.has_errors() {
            outcome = outcome.max(Outcome::SchemaErrors);
            let errors: Vec<_> = parsed
                .diagnostics
                .iter()
                .filter(|d| d.severity == tl_parser::Severity::Error)
                .cloned()
                .collect();
            crate::print_diagnostics(&errors, &loaded.sources);
        }
        let mut out = String::new();
        for def in parsed.schema.definitions() {
            out.push_str(&line(def));
            out.push('\n');
        }
        print!("{out}");
    }
    outcome
}

/// `name<TAB>0xCOMPUTED<TAB>0xDECLARED or -<TAB>constructor|function`.
fn line(def: &Definition) -> String {
    let computed = match def.id_status {
        IdStatus::Verified(IdRule::Telegram) => def.computed_ids.telegram,
        _ => def.computed_ids.reference,
    };
    let declared = def
        .declared_id
        .map_or_else(|| "-".to_owned(), |id| format!("0x{id:08x}"));
    format!(
        "{}\t0x{computed:08x}\t{declared}\t{}",
        def.name.full, def.category
    )
}
