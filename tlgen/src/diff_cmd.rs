//! `tlgen diff`: compare two versions of a schema.

use std::path::PathBuf;

use crate::Outcome;

/// Which breaking changes make `tlgen diff` exit with 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FailOn {
    /// Wire-breaking changes.
    Wire,
    /// Rust-API-breaking changes.
    Rust,
    /// Either.
    Any,
}

/// Arguments of `tlgen diff`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Definitions are matched by name: added, removed, renamed (same id, new name) and changed \
    (new id = re-identified, or other fields, result or kind). For each changed definition every \
    field change is listed: added, removed, renamed, retyped, optional, required, flag-moved, \
    reordered, rust-shape (same TL field, other Rust form because its flag bit changed), result, \
    kind.\n\n\
    Tags: [wire-breaking] = a peer with the old schema and one with the new may misunderstand each \
    other (an id one side does not know, or the same id with other bytes). [rust-breaking] = code \
    written against the crate generated from OLD may not compile against NEW (a removed or renamed \
    item, a new variant of an existing enum, a new stored field, a changed Rust type). The last \
    lines are the counts and a semver hint for a crate generated from the schema.\n\n\
    --json prints one object (format 1): {\"format\": 1, \"old\": {\"file\", \"layer\"}, \"new\": \
    {...}, \"added\": [...], \"removed\": [...], \"renamed\": [...], \"changed\": [...], \"summary\": \
    {\"added\", \"removed\", \"renamed\", \"reidentified\", \"changed\", \"wire_breaking\", \
    \"rust_breaking\", \"semver\"}}. Every entry has \"name\", \"kind\", \"type\", \"old_id\" and \
    \"new_id\" (\"0x1cb5c415\", null for the side that lacks it), \"wire_breaking\", \
    \"rust_breaking\" and \"notes\"; renamed and changed entries also have \"old_name\", \
    \"old_type\", \"id_changed\" and \"changes\" (each: \"field\", \"change\", \"old\", \"new\", \
    \"wire_breaking\", \"rust_breaking\", \"note\").\n\n\
    Examples:\n  \
    tlgen diff schema/api-L227.tl schema/api-L228.tl\n  \
    tlgen diff old/api.tl schema/api.tl --json | jq '.summary'\n  \
    tlgen diff old/api.tl schema/api.tl --fail-on wire   # exit 3 on wire-breaking changes\n\n",
    "Exit codes: 0 compared (whatever changed); 1 a schema has errors; 2 usage error or a file \
    cannot be read; 3 --fail-on found such breaking changes."
))]
pub(crate) struct Args {
    /// Print the JSON form instead of the report.
    #[arg(long)]
    json: bool,
    /// Exit with 3 when there are breaking changes of this kind.
    #[arg(long, value_enum, value_name = "KIND")]
    fail_on: Option<FailOn>,
    /// Judge only what a build with this selection generates (as `tlgen generate --select` and
    /// `Config::select`: functions, constructors or boxed types; repeat the option or separate
    /// names with commas).
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    select: Vec<String>,
    /// Judge the code as `Config::non_exhaustive(true)` generates it: every enum is
    /// `#[non_exhaustive]`, so a new variant does not break downstream matches.
    #[arg(long)]
    non_exhaustive: bool,
    /// The old version of the schema.
    #[arg(value_name = "OLD.tl")]
    old: PathBuf,
    /// The new version of the schema.
    #[arg(value_name = "NEW.tl")]
    new: PathBuf,
}

/// Runs `tlgen diff`.
pub(crate) fn run(args: &Args) -> Outcome {
    let old = crate::load_schema(&args.old);
    let new = crate::load_schema(&args.new);
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            return old
                .err()
                .unwrap_or(Outcome::Clean)
                .max(new.err().unwrap_or(Outcome::Clean));
        }
    };
    let mut config = tl_codegen::Config::new();
    config
        .select(args.select.iter().cloned())
        .non_exhaustive(args.non_exhaustive);
    let mut models = Vec::new();
    for (schema, sources) in [&old, &new] {
        match config.model(schema) {
            Ok(model) => models.push(model),
            Err(err) => return report(&err, sources),
        }
    }
    let (old, new) = (&old.0, &new.0);
    let diff = tlgen::diff::compare_models(
        (old, &models[0]),
        (new, &models[1]),
        !args.select.is_empty(),
    );
    let old_layer = tlgen::layer::layer_of(old, &args.old);
    let new_layer = tlgen::layer::layer_of(new, &args.new);
    if args.json {
        let value = tlgen::diff::json(
            &diff,
            (&args.old.display().to_string(), old_layer),
            (&args.new.display().to_string(), new_layer),
        );
        println!("{value:#}");
    } else {
        let label = |path: &std::path::Path, layer: Option<u32>| match layer {
            Some(n) => format!("{} (layer {n})", path.display()),
            None => path.display().to_string(),
        };
        print!(
            "{}",
            tlgen::diff::text(
                &diff,
                &label(&args.old, old_layer),
                &label(&args.new, new_layer)
            )
        );
    }
    let summary = diff.summary();
    let fails = match args.fail_on {
        None => false,
        Some(FailOn::Wire) => summary.wire_breaking > 0,
        Some(FailOn::Rust) => summary.rust_breaking > 0,
        Some(FailOn::Any) => summary.wire_breaking + summary.rust_breaking > 0,
    };
    if fails {
        Outcome::Negative
    } else {
        Outcome::Clean
    }
}

/// Prints why a model could not be built and picks the exit code.
fn report(err: &tl_codegen::Error, sources: &tl_parser::SourceSet) -> Outcome {
    match err {
        tl_codegen::Error::Schema { diagnostics, .. } => {
            crate::print_diagnostics(diagnostics, sources);
            Outcome::SchemaErrors
        }
        _ => {
            eprintln!("error: {err}");
            Outcome::Failure
        }
    }
}
