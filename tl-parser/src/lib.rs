//! The TL front end: parses TL schemas, computes and checks every definition's CRC32 id, and reports
//! every problem as a located diagnostic. It knows nothing about Rust.
//!
//! ```
//! use tl_parser::{CheckOptions, SourceSet};
//!
//! let mut sources = SourceSet::new();
//! sources.add(
//!     "example.tl",
//!     "int ? = Int;\nuserStatusOnline#edb93949 expires:int = UserStatus;\n",
//! );
//! let parsed = tl_parser::parse(&sources, &CheckOptions::default());
//! assert!(!parsed.has_errors());
//! let def = parsed.schema.definitions().find(|d| d.name.full == "userStatusOnline").unwrap();
//! assert_eq!(def.id(), 0xedb93949);
//! ```

pub mod ast;
mod check;
pub mod diagnostic;
mod fast_hash;
pub mod ids;
mod parser;
mod sources;

pub use ast::{Category, Definition, FileId, FileSchema, Span, Symbol};
pub use diagnostic::{Diagnostic, Label, Severity};
pub use sources::{InvalidUtf8, SourceFile, SourceSet};

/// How the checker treats declared ids that match neither rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOptions {
    /// Severity of a mismatch that a known case or a simple variation explains
    /// (renamed or historical definitions). Default: warning.
    pub explained_mismatch: Severity,
    /// Severity of a mismatch that nothing explains. Default: error.
    pub unexplained_mismatch: Severity,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            explained_mismatch: Severity::Warning,
            unexplained_mismatch: Severity::Error,
        }
    }
}

/// All definitions of a set of source files, parsed together (one namespace of types).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    /// One entry per source file, in the order the files were added.
    pub files: Vec<FileSchema>,
}

impl Schema {
    /// Every definition of every file, in file then source order.
    pub fn definitions(&self) -> impl Iterator<Item = &Definition> {
        self.files.iter().flat_map(|f| f.definitions.iter())
    }

    /// The layer: the first `// LAYER N` found in the files, if any.
    pub fn layer(&self) -> Option<u32> {
        self.files.iter().find_map(|f| f.layer)
    }
}

/// The result of [`parse`]: the schema, as far as it could be read, and every diagnostic.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Everything that parsed. Statements with syntax errors are left out (and reported).
    pub schema: Schema,
    /// Every problem found, in file and source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// True when at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The schema if there are no errors, else the diagnostics (warnings included).
    pub fn into_result(self) -> Result<Schema, Vec<Diagnostic>> {
        if self.has_errors() {
            Err(self.diagnostics)
        } else {
            Ok(self.schema)
        }
    }
}

/// Parses and checks every file of `sources` as one schema.
pub fn parse(sources: &SourceSet, options: &CheckOptions) -> Parsed {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    // One table of names for all files: every occurrence of a name shares one allocation.
    let names = parser::Names::default();
    for (id, file) in sources.iter() {
        let (schema, mut diags) = parser::parse_file(id, &file.text, &names);
        files.push(schema);
        diagnostics.append(&mut diags);
    }
    let mut schema = Schema { files };
    check::check(&mut schema, options, &mut diagnostics, &names);
    diagnostics.sort_by_key(|d| d.primary_span().map(|s| (s.file, s.start, s.end)));
    Parsed {
        schema,
        diagnostics,
    }
}

/// Parses and checks a single source text; a shortcut for tests and small tools.
pub fn parse_str(name: &str, text: &str) -> (SourceSet, Parsed) {
    let mut sources = SourceSet::new();
    sources.add(name, text);
    let parsed = parse(&sources, &CheckOptions::default());
    (sources, parsed)
}
