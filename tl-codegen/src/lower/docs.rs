//! The documentation of generated items, decided here once and recorded in the model as Markdown
//! that rustdoc accepts: the schema's own text (TDLib's `//@` comments) escaped where lowering
//! records it, and, with `Config::docs`, what Telegram's documentation (tl-docs) says about each
//! definition, parameter and boxed type in its place, the functions' possible errors and who may
//! call them, and the documented errors (the `errors` module). The generators only lay it out.

use std::collections::{BTreeMap, BTreeSet};

use tl_docs::{Description, Docs};

use crate::ident::RustIdent;
use crate::model::{ErrorDef, FieldKind, Model, PossibleError, StructDef, Usability};

/// Records what `docs` (the documentation given to `Config::docs`) says in the model: a
/// description where the docs have one (else the schema's stays), and the `errors` module.
/// Without docs the model stays as lowering built it.
pub(crate) fn decide(model: &mut Model, docs: Option<&Docs>) {
    let Some(docs) = docs else {
        return;
    };
    model.documented = true;
    model.errors = error_defs(docs);
    let items: BTreeMap<&str, RustIdent> = model
        .errors
        .iter()
        .map(|e| (e.name.as_str(), e.ident.clone()))
        .collect();
    for def in &mut model.types {
        if let Some(entry) = docs.constructor(&def.tl_name) {
            describe_struct(def, &entry.description, &entry.params);
        }
    }
    for def in &mut model.functions {
        let Some(entry) = docs.method(&def.tl_name) else {
            continue;
        };
        describe_struct(def, &entry.description, &entry.params);
        def.possible_errors = entry
            .errors
            .iter()
            .map(|e| PossibleError {
                code: e.code,
                name: e.name.as_str().to_owned(),
                description: one_line(&e.description),
                item: items.get(e.name.as_str()).cloned(),
            })
            .collect();
        def.usability = Usability {
            users: entry.usability.users,
            bots: entry.usability.bots,
        };
    }
    for def in &mut model.enums {
        // TON's enums of any object or function are no boxed type of the schema.
        if def.kind != crate::model::EnumKind::Boxed {
            continue;
        }
        if let Some(text) = docs
            .boxed_type(&def.tl_name)
            .and_then(|t| markdown(&t.description))
        {
            def.doc = Some(text);
        }
    }
}

/// The description, as Markdown, when there is one.
fn markdown(description: &Description) -> Option<String> {
    (!description.is_empty()).then(|| description.to_markdown())
}

/// Markdown on one line, for a table cell: the paragraphs joined by a space.
fn one_line(description: &Description) -> String {
    let paragraphs: Vec<String> = description
        .paragraphs
        .iter()
        .map(tl_docs::Paragraph::to_markdown)
        .collect();
    paragraphs.join(" ")
}

/// A documented definition's description and its parameters' in place of the schema's.
fn describe_struct(
    def: &mut StructDef,
    description: &Description,
    params: &BTreeMap<String, tl_docs::ParamDoc>,
) {
    if let Some(text) = markdown(description) {
        def.doc = Some(text);
    }
    let param = |name: &str| params.get(name).and_then(|p| markdown(&p.description));
    for field in &mut def.fields {
        let described = param(&field.tl_name);
        match field.kind {
            FieldKind::Group { group, .. } => {
                // A group's field is named after a `?true` field on its bit (then that field's
                // description follows the group's sentence) or after its first member (whose
                // description its member has).
                let is_member = def
                    .groups
                    .get(group)
                    .is_some_and(|g| g.members.iter().any(|m| m.tl_name == field.tl_name));
                if let (Some(text), false) = (described, is_member) {
                    let sentence = field.doc.take().unwrap_or_default();
                    field.doc = Some(format!("{text}\n\n{sentence}"));
                }
            }
            _ => {
                if let Some(text) = described {
                    field.doc = Some(text);
                }
            }
        }
    }
    for group in &mut def.groups {
        for member in &mut group.members {
            if let Some(text) = param(&member.tl_name) {
                member.doc = Some(text);
            }
        }
    }
    for derived in &mut def.derived {
        derived.doc = param(&derived.tl_name);
    }
}

/// One constant per documented error, in name order: upper case, `X` where `%d` stands, other
/// characters a Rust name cannot hold as `_`, made unique with a number (and never `ALL`, the
/// module's table).
fn error_defs(docs: &Docs) -> Vec<ErrorDef> {
    let mut taken: BTreeSet<String> = BTreeSet::from(["ALL".to_owned()]);
    docs.errors
        .values()
        .map(|error| {
            let name = error.name.as_str();
            let base =
                RustIdent::sanitize(&name.replace(tl_docs::PLACEHOLDER, "X").to_ascii_uppercase());
            let mut ident = base.clone();
            let mut n = 1;
            while !taken.insert(ident.as_str().to_owned()) {
                n += 1;
                ident = RustIdent::sanitize(&format!("{}_{n}", base.as_str()));
            }
            ErrorDef {
                ident,
                name: name.to_owned(),
                code: error.code(),
                doc: markdown(&error.description).unwrap_or_default(),
                text: error.description.to_plain(),
            }
        })
        .collect()
}

/// Schema text made safe for rustdoc, which reads doc comments as Markdown: the schema's prose is
/// plain text, so every character Markdown would act on is escaped (`[` `]` links, `<` `>` HTML
/// tags, `*` `_` `~` emphasis, `` ` `` code, `&` entities, `\\`, and `#` `-` `+` `>` or `1.` at
/// the start of a line), and bare URLs become autolinks (`<https://…>`), which rustdoc accepts.
pub(crate) fn escape(text: &str) -> String {
    text.lines().map(escape_line).collect::<Vec<_>>().join("\n")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    let mut at_start = true;
    while !rest.is_empty() {
        if let Some(len) = url_len(rest) {
            out.push('<');
            out.push_str(&rest[..len]);
            out.push('>');
            rest = &rest[len..];
            at_start = false;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        let before = out.chars().last();
        let after = rest[c.len_utf8()..].chars().next();
        let escape = match c {
            '\\' | '[' | ']' | '<' | '>' | '*' | '`' | '~' | '&' | '|' => true,
            // Inside a word (`snake_case`) an underscore is not emphasis.
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            '#' | '-' | '+' | '=' => at_start,
            _ => false,
        };
        if at_start && c.is_ascii_digit() {
            // `1. text` or `1) text` would start an ordered list.
            let digits = rest.len() - rest.trim_start_matches(|d: char| d.is_ascii_digit()).len();
            out.push_str(&rest[..digits]);
            rest = &rest[digits..];
            if rest.starts_with(['.', ')']) {
                out.push('\\');
            }
            at_start = false;
            continue;
        }
        if escape {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        if !c.is_whitespace() {
            at_start = false;
        }
    }
    out
}

/// The length of the URL `text` starts with (`http://` or `https://` and a host), without trailing
/// punctuation that ends the sentence around it.
fn url_len(text: &str) -> Option<usize> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| text.starts_with(s))?;
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    let mut url = &text[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
        let trimmed = if trimmed.ends_with(')') && !trimmed.contains('(') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    let host = &url[scheme.len()..];
    host.starts_with(|c: char| c.is_alphanumeric())
        .then_some(url.len())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_is_escaped_and_urls_become_autolinks() {
        assert_eq!(escape("see [x] and <cite>"), "see \\[x\\] and \\<cite\\>");
        assert_eq!(
            escape("Must end with *\"_by_<bot username>\"*"),
            "Must end with \\*\"\\_by\\_\\<bot username\\>\"\\*"
        );
        assert_eq!(escape("snake_case stays"), "snake_case stays");
        assert_eq!(
            escape("at https://my.telegram.org."),
            "at <https://my.telegram.org>."
        );
        assert_eq!(
            escape("(see https://core.telegram.org/bots)"),
            "(see <https://core.telegram.org/bots>)"
        );
        assert_eq!(
            escape("starts with \"https://\""),
            "starts with \"https://\""
        );
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("1. item"), "1\\. item");
        assert_eq!(escape("a & b ~~c~~"), "a \\& b \\~\\~c\\~\\~");
        assert_eq!(escape("1000/(2**scale)"), "1000/(2\\*\\*scale)");
    }
}
