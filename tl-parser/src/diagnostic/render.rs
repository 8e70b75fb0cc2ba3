//! Rendering through codespan-reporting, with two views of the sources: the files as they are, and,
//! for a diagnostic that points into a very long line, an excerpt cropped around its labels.

use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term;

use super::{Diagnostic, Severity};
use crate::ast::{FileId, Span};
use crate::sources::SourceSet;

/// Lines longer than this are cropped around the labels.
const MAX_LINE: usize = 400;
/// Bytes of context kept on each side of the labels in a cropped line.
const CONTEXT: usize = 60;
/// Marks text left out of a cropped line.
const ELLIPSIS: &str = "…";

pub(super) fn render(diagnostics: &[Diagnostic], sources: &SourceSet, color: bool) -> String {
    let texts: Vec<Text<'_>> = sources
        .iter()
        .map(|(_, f)| Text::new(&f.name, &f.text))
        .collect();
    let full = Full(&texts);
    let config = term::Config::default();
    let mut buffer = if color {
        term::termcolor::Buffer::ansi()
    } else {
        term::termcolor::Buffer::no_color()
    };
    let mut cursor = ColumnCursor::default();
    for diagnostic in diagnostics {
        let spans: Vec<(Span, Range<usize>)> = diagnostic
            .labels
            .iter()
            .filter_map(|l| {
                texts
                    .get(l.span.file.0 as usize)
                    .map(|t| (l.span, t.clamp(l.span)))
            })
            .collect();
        let long = spans.iter().any(|(span, range)| {
            let text = &texts[span.file.0 as usize];
            text.line_content(text.line_of(range.start)).len() > MAX_LINE
        });
        let result = if long {
            let excerpt = Excerpts::new(diagnostic, &texts, &mut cursor);
            let rendered = to_codespan(diagnostic, |label| excerpt.map(label.span));
            term::emit_to_write_style(&mut buffer, &config, &excerpt, &rendered)
        } else {
            let rendered = to_codespan(diagnostic, |label| {
                let text = texts.get(label.span.file.0 as usize)?;
                Some((label.span.file.0 as usize, text.clamp(label.span)))
            });
            term::emit_to_write_style(&mut buffer, &config, &full, &rendered)
        };
        if result.is_err() {
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

/// The codespan form of a diagnostic; `place` gives each label's file and range in the view used, or
/// `None` to leave the label out.
fn to_codespan(
    diagnostic: &Diagnostic,
    place: impl Fn(&super::Label) -> Option<(usize, Range<usize>)>,
) -> cs::Diagnostic<usize> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let labels = diagnostic
        .labels
        .iter()
        .filter_map(|label| {
            let (file, range) = place(label)?;
            let style = if label.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            Some(cs::Label::new(style, file, range).with_message(label.message.clone()))
        })
        .collect();
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(diagnostic.notes.clone())
}

/// One source file with its line starts.
struct Text<'a> {
    name: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(name: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Text {
            name,
            text,
            line_starts,
        }
    }

    /// The span's byte range, moved inside the text and onto character boundaries.
    fn clamp(&self, span: Span) -> Range<usize> {
        let start = floor_boundary(self.text, (span.start as usize).min(self.text.len()));
        let end = ceil_boundary(
            self.text,
            (span.end as usize).min(self.text.len()).max(start),
        );
        start..end
    }

    fn line_of(&self, byte: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= byte)
            .saturating_sub(1)
    }

    /// The line's range, its newline included (as codespan expects).
    fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        Some(start..end)
    }

    /// The line's range without its line ending.
    fn line_content(&self, line: usize) -> Range<usize> {
        let Some(range) = self.line_range(line) else {
            return self.text.len()..self.text.len();
        };
        let bytes = self.text.as_bytes();
        let mut end = range.end;
        while end > range.start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        range.start..end
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The files as they are.
struct Full<'t, 'a>(&'t [Text<'a>]);

impl<'f> Files<'f> for Full<'_, '_> {
    type FileId = usize;
    type Name = &'f str;
    type Source = &'f str;

    fn name(&'f self, id: usize) -> Result<&'f str, Error> {
        self.0.get(id).map(|t| t.name).ok_or(Error::FileMissing)
    }

    fn source(&'f self, id: usize) -> Result<&'f str, Error> {
        self.0.get(id).map(|t| t.text).ok_or(Error::FileMissing)
    }

    fn line_index(&'f self, id: usize, byte_index: usize) -> Result<usize, Error> {
        self.0
            .get(id)
            .map(|t| t.line_of(byte_index))
            .ok_or(Error::FileMissing)
    }

    fn line_range(&'f self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let text = self.0.get(id).ok_or(Error::FileMissing)?;
        text.line_range(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: text.line_starts.len().saturating_sub(1),
        })
    }
}

/// Remembers character columns counted inside long lines, so that each diagnostic pointing deep
/// into a long line counts from the nearest known point rather than from the line start.
#[derive(Default)]
struct ColumnCursor {
    /// `(file, line start, byte)` to the 0-based character column of `byte`.
    known: std::collections::BTreeMap<(usize, usize, usize), usize>,
}

impl ColumnCursor {
    fn column(&mut self, text: &Text<'_>, file: usize, line_start: usize, byte: usize) -> usize {
        let (from, column) = self
            .known
            .range((file, line_start, line_start)..=(file, line_start, byte))
            .next_back()
            .map_or((line_start, 0), |(&(_, _, at), &column)| (at, column));
        let column = column + text.text[from..byte].chars().count();
        self.known.insert((file, line_start, byte), column);
        column
    }
}

/// One cropped line of an excerpt.
struct ExcerptLine {
    /// Its range in the excerpt's text, newline included.
    range: Range<usize>,
    /// Where the original text starts in the excerpt's text (after any ellipsis).
    body_start: usize,
    /// The part of the original line shown.
    window: Range<usize>,
    /// Its 1-based line number in the original file.
    line_number: usize,
    /// The 1-based column of `window.start` in the original line.
    window_column: usize,
}

/// The lines of one file that a diagnostic points into, cropped around its labels.
struct Excerpt<'a> {
    file: FileId,
    name: &'a str,
    original: &'a str,
    text: String,
    lines: Vec<ExcerptLine>,
}

/// Excerpts of every file a diagnostic points into.
struct Excerpts<'a> {
    files: Vec<Excerpt<'a>>,
}

impl<'a> Excerpts<'a> {
    fn new(diagnostic: &Diagnostic, texts: &[Text<'a>], cursor: &mut ColumnCursor) -> Self {
        // Per file, per line: the label ranges, each cut to its first line and to MAX_LINE bytes.
        let mut wanted: Vec<(usize, usize, Range<usize>)> = Vec::new();
        for label in &diagnostic.labels {
            let file = label.span.file.0 as usize;
            let Some(text) = texts.get(file) else {
                continue;
            };
            let range = text.clamp(label.span);
            let line = text.line_of(range.start);
            let content = text.line_content(line);
            let start = range.start.min(content.end);
            let end = range.end.min(content.end).min(start + MAX_LINE).max(start);
            wanted.push((file, line, start..ceil_boundary(text.text, end)));
        }
        wanted.sort_by_key(|(file, line, range)| (*file, *line, range.start, range.end));

        let mut files: Vec<Excerpt<'a>> = Vec::new();
        let mut i = 0;
        while i < wanted.len() {
            // A cluster: labels of one line close enough to share a window.
            let (file, line, ref first) = wanted[i];
            let (lo, mut hi) = (first.start, first.end);
            let mut j = i + 1;
            while j < wanted.len()
                && wanted[j].0 == file
                && wanted[j].1 == line
                && wanted[j].2.start <= hi + MAX_LINE
            {
                hi = hi.max(wanted[j].2.end);
                j += 1;
            }
            i = j;
            let text = &texts[file];
            let content = text.line_content(line);
            let window_start =
                floor_boundary(text.text, lo.saturating_sub(CONTEXT).max(content.start));
            let window_end = ceil_boundary(text.text, (hi + CONTEXT).min(content.end));
            let window_column = cursor.column(text, file, content.start, window_start) + 1;
            if files.last().is_none_or(|e| e.file.0 as usize != file) {
                files.push(Excerpt {
                    file: FileId(u32::try_from(file).unwrap_or(u32::MAX)),
                    name: text.name,
                    original: text.text,
                    text: String::new(),
                    lines: Vec::new(),
                });
            }
            let Some(excerpt) = files.last_mut() else {
                continue;
            };
            let start = excerpt.text.len();
            if window_start > content.start {
                excerpt.text.push_str(ELLIPSIS);
            }
            let body_start = excerpt.text.len();
            excerpt.text.push_str(&text.text[window_start..window_end]);
            if window_end < content.end {
                excerpt.text.push_str(ELLIPSIS);
            }
            excerpt.text.push('\n');
            excerpt.lines.push(ExcerptLine {
                range: start..excerpt.text.len(),
                body_start,
                window: window_start..window_end,
                line_number: line + 1,
                window_column,
            });
        }
        Excerpts { files }
    }

    /// Where a label's span lands in the excerpts: the first excerpt line whose window holds its start.
    fn map(&self, span: Span) -> Option<(usize, Range<usize>)> {
        let (index, excerpt) = self
            .files
            .iter()
            .enumerate()
            .find(|(_, e)| e.file == span.file)?;
        let start = floor_boundary(
            excerpt.original,
            (span.start as usize).min(excerpt.original.len()),
        );
        let line = excerpt
            .lines
            .iter()
            .find(|l| l.window.start <= start && start <= l.window.end)
            .or_else(|| excerpt.lines.first())?;
        let from = start.clamp(line.window.start, line.window.end);
        let to = (span.end as usize).clamp(from, line.window.end);
        let to = ceil_boundary(excerpt.original, to);
        let offset = |at: usize| line.body_start + (at - line.window.start);
        Some((index, offset(from)..offset(to)))
    }

    fn excerpt(&self, id: usize) -> Result<&Excerpt<'a>, Error> {
        self.files.get(id).ok_or(Error::FileMissing)
    }

    fn line(&self, id: usize, line_index: usize) -> Result<&ExcerptLine, Error> {
        let excerpt = self.excerpt(id)?;
        excerpt.lines.get(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: excerpt.lines.len().saturating_sub(1),
        })
    }
}

impl<'f> Files<'f> for Excerpts<'_> {
    type FileId = usize;
    type Name = &'f str;
    type Source = &'f str;

    fn name(&'f self, id: usize) -> Result<&'f str, Error> {
        self.excerpt(id).map(|e| e.name)
    }

    fn source(&'f self, id: usize) -> Result<&'f str, Error> {
        self.excerpt(id).map(|e| e.text.as_str())
    }

    fn line_index(&'f self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let lines = &self.excerpt(id)?.lines;
        Ok(lines
            .partition_point(|l| l.range.start <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'f self, id: usize, line_index: usize) -> Result<usize, Error> {
        self.line(id, line_index).map(|l| l.line_number)
    }

    fn column_number(
        &'f self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let excerpt = self.excerpt(id)?;
        let line = self.line(id, line_index)?;
        let skipped = byte_index.saturating_sub(line.body_start);
        let end = floor_boundary(
            excerpt.original,
            (line.window.start + skipped).min(line.window.end),
        );
        Ok(line.window_column + excerpt.original[line.window.start..end].chars().count())
    }

    fn line_range(&'f self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        self.line(id, line_index).map(|l| l.range.clone())
    }
}
