//! `Error`: what can stop generation (I/O, schema diagnostics, a bad selection or runtime path, a
//! malformed documentation file, formatting).

use std::path::PathBuf;

use tl_parser::{Diagnostic, Severity, SourceSet};

/// Why generation failed.
///
/// `Debug` shows the same text as `Display`, so that a build script returning this error from
/// `main` prints the rendered diagnostics rather than an escaped structure.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A schema file could not be read, or the output could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A schema file is not valid UTF-8.
    #[error("{0}")]
    InvalidUtf8(#[from] tl_parser::InvalidUtf8),
    /// The schema has errors, or constructs that have no Rust form ([`tl_parser::Code::Unsupported`]).
    /// `Display` renders the diagnostics against the sources, with file:line:col and snippets.
    #[error("{}", tl_parser::diagnostic::render(diagnostics, sources, false))]
    Schema {
        /// Every diagnostic (warnings included), in source order.
        diagnostics: Vec<Diagnostic>,
        /// The sources the diagnostics point into (empty when the model was built from a schema
        /// without its sources: see [`crate::Config::model`]).
        sources: SourceSet,
    },
    /// A name given to `select` is neither a constructor, a function nor a boxed type of the schema.
    #[error("cannot select {name}: the schema has no constructor, function or type of that name")]
    UnknownSelection {
        /// The name given.
        name: String,
    },
    /// An attribute given to `type_attribute` or `field_attribute` does not parse as outer
    /// attributes (`#[derive(Eq)]`).
    #[error(
        "the attribute `{attribute}` given for `{path}` is not a Rust attribute (such as #[derive(Eq)])"
    )]
    Attribute {
        /// The path given.
        path: String,
        /// The attribute given.
        attribute: String,
    },
    /// A path given to `boxed` matches no field that holds a boxed type or a bare constructor.
    #[error(
        "cannot box {path}: no generated field holding a boxed type or a constructor matches it"
    )]
    UnknownPath {
        /// The path given.
        path: String,
    },
    /// `runtime_path` is not a Rust path.
    #[error("`{path}` is not a Rust path (such as ::tl_types or crate::tl)")]
    RuntimePath {
        /// The path given.
        path: String,
    },
    /// `samples_cfg` is not a cfg predicate.
    #[error("`{predicate}` is not a cfg predicate (such as feature = \"samples\")")]
    CfgPredicate {
        /// The predicate given.
        predicate: String,
    },
    /// The generated tokens did not parse as a Rust file (a generator bug); the unformatted code is kept.
    #[error("generated code does not parse: {message}")]
    Format {
        /// syn's message.
        message: String,
        /// The unformatted code (of the top-level item that did not parse).
        code: String,
    },
    /// The documentation file given to `Config::docs` is not JSON in getdoc's format (one that
    /// cannot be read is an [`Error::Io`]). Members the format does not have are accepted.
    #[error("{}: at {json_path}: {message}", path.display())]
    Docs {
        /// The file.
        path: PathBuf,
        /// Where in the JSON the problem is (`methods.users.getUsers.errors[0].code`; `.` for the
        /// whole document).
        json_path: String,
        /// What is wrong there.
        message: String,
    },
    /// A list given to `Config::docs_telethon` does not parse as Telethon's CSV or lacks a column.
    #[error("{}: {message}", path.display())]
    DocsCsv {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line where that is known.
        message: String,
    },
    /// Two settings that cannot be combined (yet): `Config::borrowed` with `Config::serde`.
    /// Nothing is generated.
    #[error("cannot generate with {settings} together: {reason}")]
    Unsupported {
        /// The settings, as `Config`'s methods name them (`borrowed and serde`).
        settings: &'static str,
        /// Why.
        reason: &'static str,
    },
    /// `compile` was called outside a build script and no `out_dir` was set.
    #[error("OUT_DIR is not set: call compile from a build script or set Config::out_dir")]
    NoOutDir,
}

impl Error {
    /// The diagnostics of a [`Error::Schema`]; empty for the other errors.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Schema { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }

    /// How many of the diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}
