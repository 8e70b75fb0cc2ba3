//! The nom grammar of TL: a driver that reads one statement at a time and recovers from syntax errors.
//!
//! A statement is a comment line, a section marker or a `;`-terminated definition. When a definition
//! does not parse, the error is reported and reading resumes after the next `;` (or at the next
//! section marker), so one run reports every broken statement. Every step moves forward through the
//! text, so parsing takes linear time.

mod comments;
mod definition;
mod error;
mod lexer;
mod section;
mod types;

use self::comments::DocCollector;
use self::error::SyntaxError;
pub(crate) use self::lexer::Names;
use self::lexer::{Cx, skip_space, token_len};
use crate::ast::{Category, FileId, FileSchema, Span};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};

/// Parses one file into its definitions and syntax diagnostics.
pub(crate) fn parse_file(file: FileId, text: &str, names: &Names) -> (FileSchema, Vec<Diagnostic>) {
    let cx = Cx {
        file,
        total: text.len(),
        names,
    };
    // Every definition ends with a `;`: counting them sizes the vector once (within reason, so that a
    // text of nothing but `;` does not reserve far more than it could ever fill).
    let statements = count_semicolons(text).min(1 << 16);
    let mut schema = FileSchema {
        file,
        definitions: Vec::with_capacity(statements),
        ..FileSchema::default()
    };
    let mut diagnostics = Vec::new();
    let mut docs = DocCollector::new();
    let mut category = Category::Type;
    let mut rest = text;
    loop {
        rest = skip_space(rest);
        if rest.is_empty() {
            break;
        }
        if let Some(body) = rest.strip_prefix("//") {
            let end = body.find('\n').unwrap_or(body.len());
            let after = &body[end..];
            let line = body[..end].strip_suffix('\r').unwrap_or(&body[..end]);
            let span = Span::new(file, cx.offset(rest), cx.offset(after) - (end - line.len()));
            docs.comment(line, span, &mut schema);
            rest = after;
            continue;
        }
        if rest.starts_with("---") {
            let line_end = rest.find('\n').unwrap_or(rest.len());
            match section::section(rest) {
                Ok((_, section)) => category = section,
                Err(err) => diagnostics.push(syntax_diagnostic(&cx, text, error_of(err, rest))),
            }
            // The rest of the marker's line (a comment, or text already reported) is skipped.
            rest = &rest[line_end..];
            continue;
        }
        let start = cx.offset(rest);
        match definition::definition(&cx, category, rest) {
            Ok((after, mut def)) => {
                def.docs = docs.take();
                schema.definitions.push(def);
                rest = after;
            }
            Err(err) => {
                docs.take();
                let err = error_of(err, rest);
                let resume = recover(text, &err);
                diagnostics.push(syntax_diagnostic(&cx, text, err));
                // Always move forward, even if the error sits where the statement starts.
                let resume = if resume <= start {
                    start + rest.chars().next().map_or(1, char::len_utf8)
                } else {
                    resume
                };
                rest = text.get(resume..).unwrap_or("");
            }
        }
    }
    (schema, diagnostics)
}

/// How many `;` bytes `text` holds, counted in blocks that the compiler vectorizes.
fn count_semicolons(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|block| {
            let n: u8 = block.iter().map(|&b| u8::from(b == b';')).sum();
            usize::from(n)
        })
        .sum()
}

/// The error inside a nom error (`Incomplete` cannot happen with complete parsers; it is reported
/// at the end of `input` all the same).
fn error_of(err: nom::Err<SyntaxError>, input: &str) -> SyntaxError {
    match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => e,
        nom::Err::Incomplete(_) => {
            SyntaxError::at(&input[input.len()..], "unexpected end of input")
        }
    }
}

/// Where to continue after a broken statement: after the next `;` that is not in a comment, or at
/// the next line that starts a section marker; for a forgotten `;` at a line break, the next line.
fn recover(text: &str, err: &SyntaxError) -> usize {
    let at = text.len().saturating_sub(err.remaining);
    let bytes = text.as_bytes();
    if err.resume_next_line {
        return text[at..].find('\n').map_or(text.len(), |nl| at + nl + 1);
    }
    if text[at..].starts_with("---") {
        // Only whitespace is scanned backwards, so a long line does not make this quadratic.
        let before = text[..at].trim_end_matches([' ', '\t']);
        if before.is_empty() || before.ends_with('\n') {
            return at;
        }
    }
    let mut i = at;
    while i < bytes.len() {
        match bytes[i] {
            b';' => return i + 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(text.len(), |nl| i + nl);
            }
            b'\n'
                if text[i + 1..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with("---") =>
            {
                return i + 1;
            }
            _ => i += 1,
        }
    }
    text.len()
}

/// The diagnostic for a syntax error, labelled with the offending token.
fn syntax_diagnostic(cx: &Cx, text: &str, err: SyntaxError) -> Diagnostic {
    let start = text.len().saturating_sub(err.remaining);
    let rest = &text[start..];
    let (len, label) = match (err.len, token_len(rest)) {
        (Some(len), _) => (len, String::new()),
        (None, None) => (0, "unexpected end of file".to_owned()),
        (None, Some(0)) => (0, String::new()),
        (None, Some(len)) => (len, format!("unexpected `{}`", rest[..len].escape_debug())),
    };
    let message = err
        .message
        .map_or_else(|| "syntax error".to_owned(), |m| m.into_owned());
    let label = if label.is_empty() {
        message.clone()
    } else {
        label
    };
    Diagnostic {
        severity: Severity::Error,
        code: Code::Syntax,
        message,
        labels: vec![Label {
            span: Span::new(cx.file, start, start + len),
            message: label,
            primary: true,
        }],
        notes: Vec::new(),
    }
}
