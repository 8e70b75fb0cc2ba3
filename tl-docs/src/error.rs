//! The errors of loading documentation files.

use std::path::PathBuf;

/// A documentation file that cannot be read or does not have the expected form.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not JSON of the getdoc format.
    #[error("{file}: at {path}: {source}")]
    Json {
        /// The file (or the name the caller gave the text).
        file: String,
        /// Where in the JSON (`methods.messages.getChatInviteImporters.errors[0].code`; `.` for
        /// the whole document).
        path: String,
        /// What is wrong there.
        source: serde_json::Error,
    },
    /// A CSV file (Telethon's lists) that does not parse or lacks a column.
    #[error("{file}: {message}")]
    Csv {
        /// The file (or the name the caller gave the text).
        file: String,
        /// What is wrong, with the line where that is known.
        message: String,
    },
}
