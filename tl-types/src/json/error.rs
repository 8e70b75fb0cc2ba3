//! `JsonError`: why JSON text did not read as a value, with the path of the member that failed
//! (also tl-dynamic's, whose reader runs on a schema read at run time).

use std::fmt;

/// What kind of problem a [`JsonError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// The text is not JSON.
    Syntax,
    /// The text ended in the middle of a value.
    Eof,
    /// Valid JSON that is not a value of the type: an unknown `"@type"`, a missing field, a wrong
    /// JSON type, a number out of range, bad base64 …
    Data,
    /// Writing failed (only a hand-written `Serialize` impl can make it fail).
    Io,
}

/// Why JSON text did not read as a value (or a value could not be written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    kind: JsonErrorKind,
    path: String,
    message: String,
    line: usize,
    column: usize,
}

impl JsonError {
    /// The error of `error`, a serde_json error met at the member `path` (as serde_path_to_error
    /// writes it; `.` for the root): its category, its message without the position, and the
    /// position apart. tl-dynamic's JSON reader builds its errors with it too.
    pub fn from_serde(error: serde_json::Error, path: String) -> Self {
        let kind = match error.classify() {
            serde_json::error::Category::Syntax => JsonErrorKind::Syntax,
            serde_json::error::Category::Eof => JsonErrorKind::Eof,
            serde_json::error::Category::Data => JsonErrorKind::Data,
            serde_json::error::Category::Io => JsonErrorKind::Io,
        };
        let (line, column) = (error.line(), error.column());
        // serde_json appends the position to its message; it is kept apart here.
        let mut message = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        if line > 0 && message.ends_with(&suffix) {
            message.truncate(message.len() - suffix.len());
        }
        // serde_path_to_error says `.` for the root.
        let path = if path == "." { String::new() } else { path };
        JsonError {
            kind,
            path,
            message,
            line,
            column,
        }
    }

    /// What kind of problem it is.
    pub fn kind(&self) -> JsonErrorKind {
        self.kind
    }

    /// The path of the member that failed, from the outermost value: `users[3].username`; empty
    /// for the outermost value itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What went wrong, naming the TL type and field where it knows them: ``missing field `id` of
    /// `user` ``.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The line (from 1) where reading stopped; 0 when there is no text position.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column (from 1) where reading stopped; 0 when there is no text position.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "at `{}`: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for JsonError {}
