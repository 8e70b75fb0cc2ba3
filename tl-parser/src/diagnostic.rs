//! Diagnostics: what went wrong, where (spans with labels), and how to render it with the source line
//! and a caret, through codespan-reporting.

use crate::ast::Span;
use crate::sources::SourceSet;

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
/// file is left out, keeping the message.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceSet, color: bool) -> String {
    use codespan_reporting::diagnostic as cs;
    use codespan_reporting::files::SimpleFiles;
    use codespan_reporting::term;

    let mut files: SimpleFiles<&str, &str> = SimpleFiles::new();
    let mut ids = Vec::new();
    for (_, file) in sources.iter() {
        ids.push(files.add(file.name.as_str(), file.text.as_str()));
    }
    let config = term::Config::default();
    let mut buffer = if color {
        term::termcolor::Buffer::ansi()
    } else {
        term::termcolor::Buffer::no_color()
    };
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
            Severity::Note => cs::Severity::Note,
        };
        let mut labels = Vec::new();
        for label in &diagnostic.labels {
            let Some(file) = sources.get(label.span.file) else {
                continue;
            };
            let Some(&id) = ids.get(label.span.file.0 as usize) else {
                continue;
            };
            let range = clamp(&file.text, label.span);
            let style = if label.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            labels.push(cs::Label::new(style, id, range).with_message(label.message.clone()));
        }
        let rendered = cs::Diagnostic::new(severity)
            .with_code(diagnostic.code)
            .with_message(diagnostic.message.clone())
            .with_labels(labels)
            .with_notes(diagnostic.notes.clone());
        if term::emit_to_write_style(&mut buffer, &config, &files, &rendered).is_err() {
            // Clamped spans cannot fail; still, never lose a diagnostic: fall back to its message.
            let fallback = format!(
                "{:?}[{}]: {}\n\n",
                diagnostic.severity, diagnostic.code, diagnostic.message
            );
            // Writing to an in-memory buffer cannot fail.
            let _ = std::io::Write::write_all(&mut buffer, fallback.as_bytes());
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The span's byte range, moved inside `text` and onto character boundaries.
fn clamp(text: &str, span: Span) -> std::ops::Range<usize> {
    let mut start = (span.start as usize).min(text.len());
    let mut end = (span.end as usize).min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
