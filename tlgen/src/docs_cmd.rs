//! `tlgen docs`: Telegram's API documentation as data. `tlgen docs extract` turns saved
//! core.telegram.org pages into gotd's getdoc JSON format (tl-docs's `extract`).

use std::path::PathBuf;

use crate::Outcome;

/// Arguments of `tlgen docs`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands of `tlgen docs`.
#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Turn saved core.telegram.org pages (constructors, methods, types) into documentation JSON
    /// in gotd's getdoc format, the format of schema/docs/getdoc-L223.json that tl-docs reads.
    Extract(ExtractArgs),
}

/// Arguments of `tlgen docs extract`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Each PAGE is a page of core.telegram.org saved as HTML (/constructor/NAME, /method/NAME or \
    /type/NAME): its title, description, parameters with their descriptions, and a method's \
    possible errors are read as gotd's getdoc tool reads them, links as footnotes (`pagination¹`) \
    with their URLs in `links`. The JSON lists every page's entry, the errors of the methods, and \
    an index with the layer the pages show (they must all show the same one). A summary goes to \
    stderr.\n\n\
    Examples:\n  \
    tlgen docs extract saved/method-*.html saved/constructor-*.html -o docs.json\n  \
    tlgen docs extract langpack.getDifference.html | jq .methods\n\n",
    "Exit codes: 0 success; 1 a page is not a core.telegram.org documentation page, or pages show \
    different layers; 2 usage error, or a file cannot be read or written."
))]
struct ExtractArgs {
    /// Write the JSON to this file instead of stdout.
    #[arg(short, long, value_name = "DOCS.json")]
    output: Option<PathBuf>,
    /// Saved pages (HTML).
    #[arg(required = true, value_name = "PAGE")]
    pages: Vec<PathBuf>,
}

/// Runs `tlgen docs`.
pub(crate) fn run(args: &Args) -> Outcome {
    match &args.command {
        Command::Extract(args) => extract(args),
    }
}

fn extract(args: &ExtractArgs) -> Outcome {
    let doc = match tl_docs::extract::files(&args.pages) {
        Ok(doc) => doc,
        Err(err @ tl_docs::extract::ExtractError::Io { .. }) => {
            eprintln!("error: {err}");
            return Outcome::Failure;
        }
        Err(err) => {
            eprintln!("error: {err}");
            return Outcome::Undecodable;
        }
    };
    let json = doc.to_json();
    match &args.output {
        Some(path) => {
            if let Err(err) = std::fs::write(path, json) {
                eprintln!("error: cannot write {}: {err}", path.display());
                return Outcome::Failure;
            }
        }
        None => print!("{json}"),
    }
    let layer = doc
        .index
        .layer
        .map_or_else(|| "no layer shown".to_owned(), |l| format!("layer {l}"));
    eprintln!(
        "extracted {} constructor(s), {} method(s), {} type(s) and {} error(s) from {} page(s) \
         ({layer})",
        doc.constructors.len(),
        doc.methods.len(),
        doc.types.len(),
        doc.errors.len(),
        args.pages.len()
    );
    Outcome::Clean
}
