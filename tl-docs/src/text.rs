//! Documentation text as paragraphs of text, links and code, read from getdoc's footnote form or
//! from Telethon's Markdown, and written as Markdown that rustdoc accepts with warnings denied.

use std::fmt::Write as _;

/// Where relative links of core.telegram.org pages point.
pub const CORE_TELEGRAM_ORG: &str = "https://core.telegram.org";

/// Documentation text: paragraphs of plain text, links and code spans, without any Markdown
/// syntax of its own (text is text: `[x]` in it means the three characters).
///
/// ```
/// use tl_docs::Description;
///
/// let doc = Description::from_getdoc(
///     &["Maximum number of results to return, see pagination¹".to_owned()],
///     &["https://core.telegram.org/api/offsets".to_owned()],
/// );
/// assert_eq!(
///     doc.to_markdown(),
///     "Maximum number of results to return, see [pagination](https://core.telegram.org/api/offsets)"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Description {
    /// The paragraphs, none of them empty.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of a [`Description`]: a line of inline pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Paragraph {
    /// The pieces, in order; adjacent text is merged.
    pub inlines: Vec<Inline>,
}

/// A piece of a [`Paragraph`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A link: its text and its absolute URL.
    Link {
        /// What the link reads as.
        text: String,
        /// Where it points (`https://core.telegram.org/api/offsets`).
        url: String,
    },
    /// Code (Telethon writes `` `phone_code_hash` ``).
    Code(String),
}

impl Description {
    /// Reads getdoc's form: description paragraphs in which a link is the linked text followed by
    /// a superscript number (`pagination¹`), and the entry's `links`, in order.
    ///
    /// getdoc numbers the links of each paragraph of the page from ¹ and lists the URLs of all
    /// paragraphs in one list; a page paragraph holding line breaks becomes several description
    /// paragraphs that continue its numbering. So a paragraph whose footnotes include ¹ starts a
    /// new group, whose URLs follow the previous group's; the others continue the current group.
    /// (This reads every entry of the L121 and L223 dumps with every URL used exactly once.)
    ///
    /// Clean-up: the linked text is the word before the superscript (the dump does not say where
    /// the link text started), without a trailing `»` (core.telegram.org's "more on another
    /// page" arrow); an arrow standing on its own (` »`) is dropped; a superscript with no URL
    /// (error descriptions have no `links`) is dropped.
    pub fn from_getdoc<S: AsRef<str>>(paragraphs: &[S], links: &[String]) -> Description {
        let mut out = Description::default();
        // Index in `links` of the current group's first URL, and the group's highest footnote.
        let mut group_start = 0usize;
        let mut group_max = 0usize;
        for text in paragraphs {
            let text = text.as_ref();
            let marks = footnotes(text);
            if marks.iter().any(|m| m.number == 1) {
                group_start += group_max;
                group_max = 0;
            }
            let mut builder = ParagraphBuilder::default();
            let mut rest = 0;
            for mark in &marks {
                builder.text(&text[rest..mark.start]);
                rest = mark.end;
                let url = mark
                    .number
                    .checked_sub(1)
                    .and_then(|i| links.get(group_start + i));
                if let Some(url) = url {
                    builder.link_last_word(url);
                }
                group_max = group_max.max(mark.number);
            }
            builder.text(&text[rest..]);
            out.push(builder.finish());
        }
        out
    }

    /// Reads one piece of text in getdoc's form (a parameter's description with its `links`).
    pub fn from_getdoc_text(text: &str, links: &[String]) -> Description {
        Description::from_getdoc(&[text], links)
    }

    /// Reads Telethon's descriptions: Markdown links (`[here](/api/discussion)`, relative ones
    /// made absolute on core.telegram.org), code spans, `**bold**` (kept as plain text) and `\n`
    /// written as backslash and `n` between paragraphs. Everything else is text.
    pub fn from_telethon(text: &str) -> Description {
        let mut out = Description::default();
        for part in text.split("\\n") {
            out.push(parse_markdown_lite(part));
        }
        out
    }

    /// Plain text as one paragraph per line (no footnotes, no Markdown).
    pub fn plain(text: &str) -> Description {
        let mut out = Description::default();
        for line in text.lines() {
            let mut builder = ParagraphBuilder::default();
            builder.text(line);
            out.push(builder.finish());
        }
        out
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The URLs of the links, in order.
    pub fn links(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .flat_map(|p| &p.inlines)
            .filter_map(|inline| match inline {
                Inline::Link { url, .. } => Some(url.as_str()),
                _ => None,
            })
    }

    /// Markdown: paragraphs separated by a blank line, links as `[text](url)`, code in
    /// backticks, and every other character Markdown or rustdoc would act on escaped (see
    /// [`escape_markdown`]), so that the text reads as written under `cargo doc` with warnings
    /// denied.
    pub fn to_markdown(&self) -> String {
        let rendered: Vec<String> = self.paragraphs.iter().map(Paragraph::to_markdown).collect();
        rendered.join("\n\n")
    }

    /// The text without markup: links as their text, paragraphs separated by a blank line.
    pub fn to_plain(&self) -> String {
        let rendered: Vec<String> = self.paragraphs.iter().map(Paragraph::to_plain).collect();
        rendered.join("\n\n")
    }

    fn push(&mut self, paragraph: Paragraph) {
        if !paragraph.inlines.is_empty() {
            self.paragraphs.push(paragraph);
        }
    }
}

impl Paragraph {
    /// The paragraph as one line of Markdown (see [`Description::to_markdown`]).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for inline in &self.inlines {
            let at_start = out.is_empty();
            match inline {
                Inline::Text(text) => out.push_str(&tl_markdown::escape_inline(text, at_start)),
                Inline::Link { text, url } => {
                    let _ = write!(
                        out,
                        "[{}]({})",
                        tl_markdown::link_text(text),
                        tl_markdown::link_destination(url)
                    );
                }
                Inline::Code(code) => out.push_str(&tl_markdown::code_span(code)),
            }
        }
        out
    }

    /// The paragraph without markup.
    pub fn to_plain(&self) -> String {
        self.inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text(text) | Inline::Code(text) | Inline::Link { text, .. } => {
                    text.as_str()
                }
            })
            .collect()
    }
}

/// A superscript number in getdoc text: where it is and its value.
struct Footnote {
    start: usize,
    end: usize,
    number: usize,
}

fn superscript_digit(c: char) -> Option<usize> {
    let digit = match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    };
    Some(digit)
}

/// Every run of superscript digits in `text`, with its number.
fn footnotes(text: &str) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    for (at, c) in text.char_indices() {
        let Some(digit) = superscript_digit(c) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.end == at => {
                last.end = at + c.len_utf8();
                last.number = last.number.saturating_mul(10).saturating_add(digit);
            }
            _ => out.push(Footnote {
                start: at,
                end: at + c.len_utf8(),
                number: digit,
            }),
        }
    }
    out
}

/// Builds a paragraph from text and links, merging adjacent text and dropping lone `»` arrows.
#[derive(Default)]
struct ParagraphBuilder {
    inlines: Vec<Inline>,
}

impl ParagraphBuilder {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.inlines.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => self.inlines.push(Inline::Text(text.to_owned())),
        }
    }

    fn link(&mut self, text: &str, url: &str) {
        self.inlines.push(Inline::Link {
            text: text.to_owned(),
            url: url.to_owned(),
        });
    }

    fn code(&mut self, code: &str) {
        self.inlines.push(Inline::Code(code.to_owned()));
    }

    /// Turns the last word of the text so far (without a trailing `»`) into a link to `url`.
    fn link_last_word(&mut self, url: &str) {
        let before = match self.inlines.last_mut() {
            Some(Inline::Text(text)) => std::mem::take(text),
            _ => String::new(),
        };
        if matches!(self.inlines.last(), Some(Inline::Text(t)) if t.is_empty()) {
            self.inlines.pop();
        }
        let trimmed = before.trim_end();
        let (trimmed, arrow) = match trimmed.strip_suffix('»') {
            Some(rest) => (rest.trim_end(), true),
            None => (trimmed, false),
        };
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        // Opening punctuation stays outside the link: `(see here¹)`.
        let word_start = trimmed[word_start..]
            .char_indices()
            .find(|(_, c)| !matches!(c, '(' | '"' | '\'' | '«' | '“' | '['))
            .map_or(trimmed.len(), |(i, _)| word_start + i);
        let word = &trimmed[word_start..];
        self.text(&trimmed[..word_start]);
        let text = match word {
            "" if arrow => "»",
            "" => url,
            word => word,
        };
        self.link(text, url);
    }

    fn finish(self) -> Paragraph {
        let mut inlines: Vec<Inline> = Vec::new();
        for inline in self.inlines {
            let inline = match inline {
                Inline::Text(text) => Inline::Text(drop_lone_arrows(&text)),
                other => other,
            };
            match (inlines.last_mut(), inline) {
                (_, Inline::Text(text)) if text.is_empty() => {}
                (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
                (_, inline) => inlines.push(inline),
            }
        }
        // No blank space at either end of a paragraph (leading spaces would make rustdoc read
        // an indented code block).
        if let Some(Inline::Text(first)) = inlines.first_mut() {
            *first = first.trim_start().to_owned();
        }
        if let Some(Inline::Text(last)) = inlines.last_mut() {
            *last = last.trim_end().to_owned();
        }
        inlines.retain(|inline| !matches!(inline, Inline::Text(t) if t.is_empty()));
        Paragraph { inlines }
    }
}

/// Removes `»` arrows that stand after a space (`see here » for more`), with that space; a `»`
/// closing a quotation (`«$text»`) stays.
fn drop_lone_arrows(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '»' && (out.is_empty() || out.ends_with(char::is_whitespace)) {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            if out.is_empty() {
                while chars.next_if(|c| c.is_whitespace()).is_some() {}
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// One paragraph of Telethon's Markdown: `[text](url)`, `` `code` ``, `**bold**`.
fn parse_markdown_lite(text: &str) -> Paragraph {
    let mut builder = ParagraphBuilder::default();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some((link_text, url, after)) = markdown_link(rest) {
            builder.link(link_text, &absolute_url(url));
            rest = after;
            continue;
        }
        if let Some(after_tick) = rest.strip_prefix('`')
            && let Some(end) = after_tick.find('`')
            && end > 0
        {
            builder.code(&after_tick[..end]);
            rest = &after_tick[end + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("**") {
            rest = after;
            continue;
        }
        let len = rest.chars().next().map_or(1, char::len_utf8);
        builder.text(&rest[..len]);
        rest = &rest[len..];
    }
    builder.finish()
}

/// `[text](url)` at the start of `text`: the text, the URL and what follows.
fn markdown_link(text: &str) -> Option<(&str, &str, &str)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let after = inner[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    let (link_text, url) = (&inner[..close], &after[..end]);
    (!link_text.is_empty() && !url.is_empty() && !url.contains(char::is_whitespace)).then_some((
        link_text,
        url,
        &after[end + 1..],
    ))
}

/// `href` made absolute as getdoc does: a link without a host gets `https://core.telegram.org`
/// in front (`/api/offsets` → `https://core.telegram.org/api/offsets`).
pub fn absolute_url(href: &str) -> String {
    let has_host = href.starts_with("//")
        || href
            .split_once("://")
            .is_some_and(|(scheme, rest)| is_scheme(scheme) && !rest.is_empty());
    if has_host {
        href.to_owned()
    } else {
        format!("{CORE_TELEGRAM_ORG}{href}")
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Plain text made safe for Markdown as rustdoc reads it: every character Markdown would act on
/// is escaped (`[` `]` links, `<` `>` HTML tags, `*` `_` `~` emphasis, `` ` `` code, `&`
/// entities, `|` tables, `\`, and `#` `-` `+` `=` or `1.` at the start of a line), leading
/// spaces are dropped (four would start a code block), and bare URLs become autolinks
/// (`<https://…>`), which rustdoc's `bare_urls` lint asks for.
///
/// ```
/// assert_eq!(
///     tl_docs::escape_markdown("in <dc_id>:<user_id> format, see https://fragment.com."),
///     "in \\<dc_id\\>:\\<user_id\\> format, see <https://fragment.com>."
/// );
/// ```
pub fn escape_markdown(text: &str) -> String {
    tl_markdown::escape_lines(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(paragraphs: &[&str], links: &[&str]) -> String {
        let paragraphs: Vec<String> = paragraphs.iter().map(|s| (*s).to_owned()).collect();
        let links: Vec<String> = links.iter().map(|s| (*s).to_owned()).collect();
        Description::from_getdoc(&paragraphs, &links).to_markdown()
    }

    #[test]
    fn footnotes_become_links_on_the_word_before() {
        assert_eq!(
            md(
                &["If set, only returns info about users with pending join requests »¹"],
                &["https://core.telegram.org/api/invites#join-requests"]
            ),
            "If set, only returns info about users with pending join \
             [requests](https://core.telegram.org/api/invites#join-requests)"
        );
        assert_eq!(
            md(
                &["Access hash, see here »¹ for more info."],
                &["https://x.org/a"]
            ),
            "Access hash, see [here](https://x.org/a) for more info."
        );
        assert_eq!(
            md(&["(see document¹.ids)"], &["https://x.org/d"]),
            "(see [document](https://x.org/d).ids)"
        );
        assert_eq!(
            md(&["Further details on basic types»¹"], &["https://x.org/t"]),
            "Further details on basic [types](https://x.org/t)"
        );
    }

    #[test]
    fn numbering_restarts_with_each_page_paragraph() {
        // availableEffect in the L223 dump: the second paragraph starts a new group at ¹.
        assert_eq!(
            md(
                &[
                    "Represents a message effect »¹.",
                    "All long IDs except for id are document¹.ids from the containing \
                     messages.availableEffects² constructor.",
                    "A line of the same page paragraph³.",
                ],
                &[
                    "https://x.org/1",
                    "https://x.org/2",
                    "https://x.org/3",
                    "https://x.org/4"
                ]
            ),
            "Represents a message [effect](https://x.org/1).\n\n\
             All long IDs except for id are [document](https://x.org/2).ids from the containing \
             [messages.availableEffects](https://x.org/3) constructor.\n\n\
             A line of the same page [paragraph](https://x.org/4)."
        );
    }

    #[test]
    fn lone_arrows_and_unresolved_superscripts_are_dropped() {
        assert_eq!(
            md(
                &["A takeout¹ session needs to be initialized first, see here » for more info²."],
                &[]
            ),
            "A takeout session needs to be initialized first, see here for more info."
        );
        assert_eq!(
            md(&["Data from the «$text» button"], &[]),
            "Data from the «$text» button"
        );
    }

    #[test]
    fn text_is_escaped_and_urls_are_autolinks() {
        assert_eq!(
            md(
                &["Like <a href=\"#target\">anchor</a>, messages[0] * 2"],
                &[]
            ),
            "Like \\<a href=\"#target\"\\>anchor\\</a\\>, messages\\[0\\] \\* 2"
        );
        assert_eq!(
            md(
                &["See https://www.unicode.org/cldr/rules.html¹ for more info"],
                &["https://www.unicode.org/cldr/rules.html"]
            ),
            "See [https://www.unicode.org/cldr/rules.html](https://www.unicode.org/cldr/rules.html) \
             for more info"
        );
        assert_eq!(
            escape_markdown("snake_case _x_ - 1. a"),
            "snake_case \\_x\\_ - 1. a"
        );
        assert_eq!(
            escape_markdown("- item\n1. item\n# h"),
            "\\- item\n1\\. item\n\\# h"
        );
        assert_eq!(escape_markdown("    indented"), "indented");
        assert_eq!(
            escape_markdown("at https://my.telegram.org."),
            "at <https://my.telegram.org>."
        );
    }

    #[test]
    fn telethon_markdown_is_read() {
        let doc = Description::from_telethon(
            "See [here](/api/discussion#x) and `min_date`, **perm_auth_key_id**\\nSecond {seconds}",
        );
        assert_eq!(
            doc.paragraphs[0].inlines,
            vec![
                Inline::Text("See ".to_owned()),
                Inline::Link {
                    text: "here".to_owned(),
                    url: "https://core.telegram.org/api/discussion#x".to_owned()
                },
                Inline::Text(" and ".to_owned()),
                Inline::Code("min_date".to_owned()),
                Inline::Text(", perm_auth_key_id".to_owned()),
            ]
        );
        assert_eq!(
            doc.to_markdown(),
            "See [here](https://core.telegram.org/api/discussion#x) and `min_date`, \
             perm_auth_key_id\n\nSecond {seconds}"
        );
    }

    #[test]
    fn urls_are_made_absolute_as_getdoc_does() {
        assert_eq!(
            absolute_url("/api/offsets"),
            "https://core.telegram.org/api/offsets"
        );
        assert_eq!(
            absolute_url("https://telegram.org/blog"),
            "https://telegram.org/blog"
        );
        assert_eq!(absolute_url("//telegram.org/faq"), "//telegram.org/faq");
        assert_eq!(absolute_url("#anchor"), "https://core.telegram.org#anchor");
    }
}
