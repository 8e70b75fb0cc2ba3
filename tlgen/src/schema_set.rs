//! Several schema files read as one schema (`mtproto.tl` + `api.tl`), as a build script's
//! `Config::compile(&[…])` reads them: for `tlgen decode` and `tlgen encode`.

use std::path::PathBuf;

use tl_parser::{Diagnostic, Schema, Severity, SourceSet};

use crate::Outcome;

/// Reads `paths` into one schema. An unreadable file is printed and gives `Outcome::Failure`; a file
/// that is not UTF-8, or a schema with errors, prints the located errors and gives
/// `Outcome::SchemaErrors`.
pub(crate) fn load(paths: &[PathBuf]) -> Result<Schema, Outcome> {
    let mut sources = SourceSet::new();
    for path in paths {
        let bytes = std::fs::read(path).map_err(|err| {
            eprintln!("error: cannot read {}: {err}", path.display());
            Outcome::Failure
        })?;
        if sources
            .add_bytes(path.display().to_string(), bytes)
            .is_err()
        {
            // The single-file loader renders the located diagnostic.
            if let Some(loaded) = crate::load(path)
                && let Some(diagnostic) = loaded.invalid_utf8
            {
                crate::print_diagnostics(&[diagnostic], &loaded.sources);
            }
            return Err(Outcome::SchemaErrors);
        }
    }
    let parsed = tl_parser::parse(&sources, &tl_parser::CheckOptions::default());
    if parsed.has_errors() {
        let errors: Vec<Diagnostic> = parsed
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        crate::print_diagnostics(&errors, &sources);
        eprintln!("error: the schema has errors");
        return Err(Outcome::SchemaErrors);
    }
    Ok(parsed.schema)
}

/// The bytes of `path` (`-`: standard input); an I/O error is printed and gives
/// `Outcome::Failure`.
pub(crate) fn read_input(path: &std::path::Path) -> Result<Vec<u8>, Outcome> {
    use std::io::Read as _;
    let result = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(path)
    };
    result.map_err(|err| {
        eprintln!("error: cannot read {}: {err}", path.display());
        Outcome::Failure
    })
}
