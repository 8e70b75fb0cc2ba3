//! Comments on their own line: `// LAYER N`, TDLib doc comments (`//@description …`, `//@class …`,
//! `//@field text`, `//-` continuations) and everything else, which is ignored.

use crate::ast::{ClassDoc, Docs, FileSchema, Span};

/// Which doc entry a `//-` continuation line extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing to extend.
    Nothing,
    /// The pending `@description`.
    Description,
    /// The pending field entry at this index.
    Field(usize),
    /// The class doc at this index of `FileSchema::classes`.
    Class(usize),
}

/// Doc comments read so far that wait for the definition they document.
#[derive(Debug)]
pub(super) struct DocCollector {
    /// The docs for the next definition.
    pending: Docs,
    /// Where a continuation line goes.
    last: Last,
}

impl DocCollector {
    /// A collector with nothing pending.
    pub(super) fn new() -> Self {
        DocCollector {
            pending: Docs::default(),
            last: Last::Nothing,
        }
    }

    /// Hands the pending docs to a definition (or drops them with a broken statement).
    pub(super) fn take(&mut self) -> Docs {
        self.last = Last::Nothing;
        std::mem::take(&mut self.pending)
    }

    /// Handles one comment; `body` is the text after `//` up to the end of the line, `span` the
    /// whole comment.
    pub(super) fn comment(&mut self, body: &str, span: Span, schema: &mut FileSchema) {
        if let Some(rest) = body.strip_prefix('-') {
            self.continuation(rest.trim(), schema);
        } else if body.starts_with('@') {
            self.doc_line(body, span, schema);
        } else if schema.layer.is_none() {
            schema.layer = layer(body);
        }
    }

    /// A `//@key text @key text …` line.
    fn doc_line(&mut self, body: &str, span: Span, schema: &mut FileSchema) {
        let (_, pairs) = doc_pairs(body);
        if let Some(&("class", name)) = pairs.first() {
            let description = pairs
                .iter()
                .find(|(k, _)| *k == "description")
                .map_or("", |(_, d)| d);
            self.last = Last::Class(schema.classes.len());
            schema.classes.push(ClassDoc {
                name: name.to_owned(),
                description: description.to_owned(),
                span,
            });
            return;
        }
        self.entries(pairs);
    }

    /// `@key text` entries for the next definition.
    fn entries(&mut self, pairs: Vec<(&str, &str)>) {
        for (key, text) in pairs {
            if key == "description" {
                self.pending.description = Some(text.to_owned());
                self.last = Last::Description;
            } else {
                // `@param_description` documents a field named `description`, whose plain key would
                // be read as the definition's own description.
                let field = key.strip_prefix("param_").unwrap_or(key);
                self.last = Last::Field(self.pending.fields.len());
                self.pending
                    .fields
                    .push((field.to_owned(), text.to_owned()));
            }
        }
    }

    /// A `//-text` line: appended with one space to the previous entry. Like TDLib's documentation
    /// generator, which joins the lines before splitting at `@`, a `@key` in it starts a new entry.
    fn continuation(&mut self, line: &str, schema: &mut FileSchema) {
        let (text, pairs) = doc_pairs(line);
        self.append(text.trim(), schema);
        self.entries(pairs);
    }

    /// Appends `text` with one space to the entry a continuation extends.
    fn append(&mut self, text: &str, schema: &mut FileSchema) {
        if text.is_empty() {
            return;
        }
        let target = match self.last {
            Last::Nothing => return,
            Last::Description => self.pending.description.get_or_insert_with(String::new),
            Last::Field(i) => match self.pending.fields.get_mut(i) {
                Some((_, doc)) => doc,
                None => return,
            },
            Last::Class(i) => match schema.classes.get_mut(i) {
                Some(class) => &mut class.description,
                None => return,
            },
        };
        if !target.is_empty() {
            target.push(' ');
        }
        target.push_str(text);
    }
}

/// Splits `text @a text @b more text` into the text before the first key and
/// `[("a", "text"), ("b", "more text")]`. A key is an `@` at the start or after whitespace,
/// followed by identifier characters.
fn doc_pairs(body: &str) -> (&str, Vec<(&str, &str)>) {
    let bytes = body.as_bytes();
    let is_key_at = |i: usize| {
        bytes[i] == b'@'
            && (i == 0 || bytes[i - 1].is_ascii_whitespace())
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    let starts: Vec<usize> = (0..bytes.len()).filter(|&i| is_key_at(i)).collect();
    let mut pairs = Vec::with_capacity(starts.len());
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(body.len());
        let entry = &body[start + 1..end];
        let key_len = entry
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(entry.len());
        pairs.push((&entry[..key_len], entry[key_len..].trim()));
    }
    (
        &body[..starts.first().copied().unwrap_or(body.len())],
        pairs,
    )
}

/// The layer in a `// LAYER N` comment (exactly `LAYER`, upper case).
fn layer(body: &str) -> Option<u32> {
    let rest = body.trim().strip_prefix("LAYER")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let digits = rest.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs() {
        let pairs = vec![("description", "A"), ("b", "c d"), ("e_f", "g")];
        assert_eq!(doc_pairs("@description A @b c d @e_f  g "), ("", pairs));
        assert_eq!(
            doc_pairs("@a mail x@y.z @ b"),
            ("", vec![("a", "mail x@y.z @ b")])
        );
        assert_eq!(doc_pairs("@"), ("@", vec![]));
        assert_eq!(
            doc_pairs("more text @x y"),
            ("more text ", vec![("x", "y")])
        );
    }

    #[test]
    fn layers() {
        assert_eq!(layer(" LAYER 214"), Some(214));
        assert_eq!(layer(" layer 23"), None);
        assert_eq!(layer(" LAYERS 1"), None);
        assert_eq!(layer(" LAYER 99999999999999"), None);
        assert_eq!(layer(" LAYER 5 and more"), None);
    }
}
