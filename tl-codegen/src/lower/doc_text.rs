//! The schema's own documentation text (TDLib's `//@` comments, the sentences lowering writes)
//! made safe for rustdoc, which reads doc comments as Markdown.

/// Schema text made safe for rustdoc by tl-markdown's rule (the one tl-docs follows): the
/// schema's prose is plain text, so every character Markdown would act on is escaped and bare
/// URLs become autolinks. Lines keep their leading spaces, as generated code always had them.
pub(crate) fn escape(text: &str) -> String {
    tl_markdown::escape_lines(text, false)
}
