//! The TL front end: parses TL schemas, resolves every name, computes and checks every definition's
//! CRC32 id, and reports every problem as a located diagnostic. It knows nothing about Rust.
//!
//! The pipeline: text → [`ast`] (syntax, with spans) → [`Schema`] (resolved and checked: ids and id
//! statuses, parameter roles, each type resolved once) → consumers such as code generators.
//!
//! ```
//! use tl_parser::{CheckOptions, Role, SourceSet, TypeKind};
//!
//! let mut sources = SourceSet::new();
//! sources.add(
//!     "example.tl",
//!     "int ? = Int;\nstring ? = String;\n\
//!      userStatusOnline#edb93949 expires:int = UserStatus;\n\
//!      user flags:# name:flags.0?string status:UserStatus = User;\n",
//! );
//! let schema = tl_parser::parse(&sources, &CheckOptions::default())
//!     .into_result()
//!     .unwrap();
//! let online = schema.find("userStatusOnline").unwrap();
//! assert_eq!(online.id, 0xedb93949);
//! let user = schema.find("user").unwrap();
//! assert_eq!(user.params[0].role, Role::FlagsWord);
//! assert_eq!(user.params[1].role, Role::Conditional { word: 0, bit: 0 });
//! let TypeKind::Boxed(status) = user.params[2].ty.kind else { unreachable!() };
//! assert_eq!(schema.boxed_type(status).name, "UserStatus");
//! assert_eq!(user.to_string(), "user flags:# name:flags.0?string status:UserStatus = User");
//! ```

pub mod ast;
pub mod builtins;
mod check;
pub mod diagnostic;
mod fast_hash;
pub mod ids;
mod parser;
mod resolve;
mod schema;
mod sources;
mod text;

pub use ast::{ArgSyntax, Category, Docs, FileId, FlagRef, Name, Span, Symbol, TypeParam};
pub use builtins::{Builtin, Encoding};
pub use diagnostic::{Code, Diagnostic, Label, Severity};
pub use schema::{
    Body, BoxedType, ComputedIds, DefId, DefKind, Definition, IdMismatch, IdRule, IdStatus, Param,
    Role, Schema, SchemaFile, Type, TypeId, TypeKind,
};
pub use sources::{InvalidUtf8, Location, SourceFile, SourceSet};

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

/// The result of [`parse`]: the resolved schema, as far as it could be read, and every diagnostic.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Everything that parsed, resolved and checked. Statements with syntax errors are left out
    /// (and reported); with errors, the schema may hold [`TypeKind::Undefined`] types.
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

/// Parses, resolves and checks every file of `sources` as one schema.
pub fn parse(sources: &SourceSet, options: &CheckOptions) -> Parsed {
    let (ast, mut diagnostics) = parse_syntax(sources);
    let mut schema = resolve::resolve(&ast, &mut diagnostics);
    check::check(&mut schema, options, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.primary_span().map(|s| (s.file, s.start, s.end)));
    Parsed {
        schema,
        diagnostics,
    }
}

/// Parses every file of `sources` into the syntax tree, with the syntax errors only (no names are
/// resolved, no ids computed): for tools that look at the text as written.
pub fn parse_syntax(sources: &SourceSet) -> (ast::Schema, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    // One table of names for all files: every occurrence of a name shares one allocation.
    let names = parser::Names::default();
    for (id, file) in sources.iter() {
        let (schema, mut diags) = parser::parse_file(id, &file.text, &names);
        files.push(schema);
        diagnostics.append(&mut diags);
    }
    (ast::Schema { files }, diagnostics)
}

/// Parses and checks a single source text; a shortcut for tests and small tools.
pub fn parse_str(name: &str, text: &str) -> (SourceSet, Parsed) {
    let mut sources = SourceSet::new();
    sources.add(name, text);
    let parsed = parse(&sources, &CheckOptions::default());
    (sources, parsed)
}
