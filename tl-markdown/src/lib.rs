//! Markdown that rustdoc accepts with warnings denied, for the documentation TL tools write into
//! generated code: plain text escaped, bare URLs as autolinks, links and code spans. Shared by
//! tl-docs (Telegram's documentation) and tl-codegen (the schema's own text), so both follow one
//! rule; it has no dependencies, so a build script pays nothing for it.

/// Plain text made safe for Markdown, line by line, each line as [`escape_inline`] at the start
/// of a line; `trim`: drop each line's leading spaces (four would start a code block).
///
/// ```
/// assert_eq!(tl_markdown::escape_lines("1. a\n    b", true), "1\\. a\nb");
/// ```
pub fn escape_lines(text: &str, trim: bool) -> String {
    text.lines()
        .map(|line| escape_inline(if trim { line.trim_start() } else { line }, true))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Plain text standing inside a line, made safe for Markdown as rustdoc reads it: every character
/// Markdown would act on is escaped (`[` `]` links, `<` `>` HTML tags, `*` `_` `~` emphasis,
/// `` ` `` code, `&` entities, `|` tables, `\\`, and, when `at_start` says the text begins its
/// line, `#` `-` `+` `=` or `1.` there), an underscore inside a word (`snake_case`) is left alone,
/// and bare URLs become autolinks (`<https://…>`), which rustdoc's `bare_urls` lint asks for.
///
/// ```
/// assert_eq!(
///     tl_markdown::escape_inline("- see <b> at https://core.telegram.org.", true),
///     "\\- see \\<b\\> at <https://core.telegram.org>."
/// );
/// assert_eq!(tl_markdown::escape_inline("snake_case", false), "snake_case");
/// ```
pub fn escape_inline(text: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut at_start = at_start;
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

/// A link's text: escaped like text, except that a URL stays as it is (a link is no bare URL).
pub fn link_text(text: &str) -> String {
    if url_len(text) == Some(text.len()) {
        text.replace(['[', ']'], "")
    } else {
        escape_inline(text, false)
    }
}

/// A link destination with what would end it early (spaces, parentheses, angle brackets)
/// percent-encoded.
pub fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out
}

/// A code span, with more backticks around it than it holds in a row.
pub fn code_span(code: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in code.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// The length of the URL `text` starts with (`http://` or `https://` and a host), without trailing
/// punctuation that ends the sentence around it.
pub fn url_len(text: &str) -> Option<usize> {
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
    use super::*;

    #[test]
    fn text_is_escaped_and_urls_become_autolinks() {
        assert_eq!(
            escape_lines("see [x] and <cite>", false),
            "see \\[x\\] and \\<cite\\>"
        );
        assert_eq!(
            escape_lines("Must end with *\"_by_<bot username>\"*", false),
            "Must end with \\*\"\\_by\\_\\<bot username\\>\"\\*"
        );
        assert_eq!(
            escape_lines("snake_case _x_ - 1. a", true),
            "snake_case \\_x\\_ - 1. a"
        );
        assert_eq!(
            escape_lines("- item\n1. item\n# h", true),
            "\\- item\n1\\. item\n\\# h"
        );
        assert_eq!(escape_lines("    indented", true), "indented");
        assert_eq!(escape_lines("    indented", false), "    indented");
        assert_eq!(
            escape_lines("at https://my.telegram.org.", false),
            "at <https://my.telegram.org>."
        );
        assert_eq!(
            escape_lines("(see https://core.telegram.org/bots)", false),
            "(see <https://core.telegram.org/bots>)"
        );
        assert_eq!(
            escape_lines("starts with \"https://\"", false),
            "starts with \"https://\""
        );
        assert_eq!(escape_lines("a & b ~~c~~", false), "a \\& b \\~\\~c\\~\\~");
        assert_eq!(
            escape_lines("1000/(2**scale)", false),
            "1000/(2\\*\\*scale)"
        );
    }

    #[test]
    fn links_and_code_spans() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
        assert_eq!(
            link_destination("https://x.org/a (b)"),
            "https://x.org/a%20%28b%29"
        );
        assert_eq!(link_text("https://x.org/[a]"), "https://x.org/a");
        assert_eq!(link_text("a [b]"), "a \\[b\\]");
        assert_eq!(url_len("https://x.org/a), then"), Some(15));
        assert_eq!(url_len("https://"), None);
    }
}
