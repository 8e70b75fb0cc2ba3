//! Diagnostics: what went wrong, where (spans with labels), and how to render it with the source line
//! and a caret, through codespan-reporting.

use crate::ast::Span;
use crate::sources::SourceSet;

mod render;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The schema cannot be used.
    Error,
    /// Worth a look; the schema can still be used.
    Warning,
    /// Information only.
    Note,
}

/// What kind of problem a diagnostic reports: a stable code, printed as `error[undefined-type]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Code {
    /// The text does not follow TL's grammar.
    Syntax,
    /// A file is not valid UTF-8.
    InvalidUtf8,
    /// A type name that nothing defines.
    UndefinedType,
    /// `!X` (or `X` next to a `!X`) without `{X:Type}`.
    UndeclaredTypeParam,
    /// A type applied to the wrong number of arguments (`Vector`, `Vector<A, B>`, `User<int>`).
    WrongArity,
    /// `%T` where `T` has no constructor or several.
    BareNeedsOneConstructor,
    /// `name ? = Type;` for a type TL does not know.
    UnknownBuiltin,
    /// A conditional field refers to a flags word that does not exist.
    FlagsMissing,
    /// A conditional field refers to a flags word declared after it.
    FlagsDeclaredLater,
    /// A conditional field refers to a field that is not a `#`.
    FlagsNotNat,
    /// A flag bit over 31.
    FlagBitOutOfRange,
    /// Two definitions with one name.
    DuplicateName,
    /// Two fields of one definition with one name.
    DuplicateField,
    /// Two definitions with one id.
    DuplicateId,
    /// Two definitions share an id on purpose (`invokeWith…Prefix`).
    SharedId,
    /// A declared id that matches neither rule set.
    IdMismatch,
    /// A construct a consumer of the schema (a code generator) cannot handle.
    Unsupported,
}

impl Code {
    /// The stable spelling: `syntax`, `undefined-type`, `id-mismatch` …
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::InvalidUtf8 => "invalid-utf8",
            Code::UndefinedType => "undefined-type",
            Code::UndeclaredTypeParam => "undeclared-type-param",
            Code::WrongArity => "wrong-arity",
            Code::BareNeedsOneConstructor => "bare-needs-one-constructor",
            Code::UnknownBuiltin => "unknown-builtin",
            Code::FlagsMissing => "flags-missing",
            Code::FlagsDeclaredLater => "flags-declared-later",
            Code::FlagsNotNat => "flags-not-nat",
            Code::FlagBitOutOfRange => "flag-bit-out-of-range",
            Code::DuplicateName => "duplicate-name",
            Code::DuplicateField => "duplicate-field",
            Code::DuplicateId => "duplicate-id",
            Code::SharedId => "shared-id",
            Code::IdMismatch => "id-mismatch",
            Code::Unsupported => "unsupported",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with a message; the primary label marks where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there (may be empty).
    pub message: String,
    /// True for the label that locates the problem, false for context ("first defined here").
    pub primary: bool,
}

/// One problem found in a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// What kind of problem it is.
    pub code: Code,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Where, with the primary label first.
    pub labels: Vec<Label>,
    /// Extra sentences (why, what would match, how to fix).
    pub notes: Vec<String>,
}

impl Label {
    /// The label that locates the problem.
    pub fn primary(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
            primary: true,
        }
    }

    /// A label giving context ("first defined here").
    pub fn secondary(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
            primary: false,
        }
    }
}

impl Diagnostic {
    /// The primary label's span, if there is one.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.iter().find(|l| l.primary).map(|l| l.span)
    }
}

/// Renders diagnostics the way rustc does: `severity[code]: message`, then `file:line:col`, the source
/// lines and carets under each label, then the notes. `color` adds ANSI colours (pass true only when
/// the output is a terminal). Spans that do not fit their file are clamped; a span naming an unknown
/// file is left out, keeping the message. Very long lines (a 10 MB schema on one line) are shown
/// cropped around the labels, with the true line and column in the location.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceSet, color: bool) -> String {
    render::render(diagnostics, sources, color)
}

/// One diagnostic on one line, for logs that take lines (a build script's `cargo:warning`):
/// `warning[id-mismatch]: message (at file:line:col); note; note`.
pub fn one_line(diagnostic: &Diagnostic, sources: &SourceSet) -> String {
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    };
    let mut out = format!("{severity}[{}]: {}", diagnostic.code, diagnostic.message);
    if let Some(location) = diagnostic
        .primary_span()
        .and_then(|span| sources.location(span))
    {
        out.push_str(&format!(" (at {location})"));
    }
    for note in &diagnostic.notes {
        out.push_str("; ");
        out.push_str(note);
    }
    out.replace('\n', " ")
}
