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
    /// A short stable code, such as `undefined-type` or `id-mismatch`.
    pub code: &'static str,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Where, with the primary label first.
    pub labels: Vec<Label>,
    /// Extra sentences (why, what would match, how to fix).
    pub notes: Vec<String>,
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
