//! The schema's own documentation text (TDLib's `//@` comments, the sentences lowering writes)
//! made safe for rustdoc, which reads doc comments as Markdown.

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
