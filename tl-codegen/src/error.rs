//! `Error`: what can stop generation (I/O, schema diagnostics, a bad selection, formatting).

use std::path::PathBuf;

/// Why generation failed.
///
/// `Debug` shows the same text as `Display`, so that a build script returning this error from
/// `main` prints the rendered diagnostics rather than an escaped string.
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
    /// The schema has errors; the message is the rendered diagnostics.
    #[error("{rendered}")]
    Schema {
        /// The diagnostics rendered as text, with file:line:col and source snippets.
        rendered: String,
        /// How many errors there are.
        errors: usize,
    },
    /// A name given to `select` is neither a constructor nor a function of the schema.
    #[error("cannot select {name}: the schema has no constructor or function of that name")]
    UnknownSelection {
        /// The name given.
        name: String,
    },
    /// The schema uses a construct the generator cannot map to Rust.
    #[error("cannot generate {definition}: {reason}")]
    Unsupported {
        /// The TL definition.
        definition: String,
        /// What is not supported.
        reason: String,
    },
    /// The generated tokens did not parse as a Rust file (a generator bug); the unformatted code is kept.
    #[error("generated code does not parse: {message}")]
    Format {
        /// syn's message.
        message: String,
        /// The unformatted code.
        code: String,
    },
    /// `compile` was called outside a build script and no `out_dir` was set.
    #[error("OUT_DIR is not set: call compile from a build script or set Config::out_dir")]
    NoOutDir,
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}
