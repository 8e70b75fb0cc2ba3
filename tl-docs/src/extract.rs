//! Saved core.telegram.org pages (a constructor's, a method's, a type's) read into getdoc's format
//! with a real HTML parser (scraper, on html5ever), as gotd's getdoc reads them: `tlgen docs
//! extract PAGES... -o docs.json` refreshes documentation from pages a user saved.
//!
//! What is read, as getdoc reads it:
//! - the name: the page title (`#dev_page_title`), trimmed;
//! - the description: the `<p>` children of `#dev_page_content` up to the layer selector
//!   (`.clearfix`), each link's text followed by a superscript number (numbering from ¹ in each
//!   `<p>`), the URLs in `links` made absolute (`/api/offsets` →
//!   `https://core.telegram.org/api/offsets`); each `<p>` trimmed and split at line breaks of the
//!   source text (a `<br>` adds nothing);
//! - parameters: the rows of the first table after the `#parameters` heading, three cells each
//!   (name, type, description), the links of the description cell;
//! - a method's possible errors: the table after `#possible-errors` (code, name, description; rows
//!   whose code is not a number are skipped), and `bot_can_use` from a `#bots-can-use-this-method`
//!   anchor;
//! - the page's kind from the link to itself (`a.current_page_link`, else the last breadcrumb),
//!   and the layer from the layer selector (`Layer 121`).
//!
//! One difference from getdoc: getdoc skips a link that is the n-th child of its parent when it
//! already numbered a link that was the n-th child of another; here every link counts, in
//! document order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::node::Node;
use scraper::{CaseSensitivity, ElementRef, Html};

use crate::getdoc::{self, Kind};
use crate::text::absolute_url;

/// A page that cannot be read as documentation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The page has no `#dev_page_title` with text: not a core.telegram.org documentation page.
    #[error("{page}: no page title (#dev_page_title): not a core.telegram.org documentation page")]
    NoTitle {
        /// The page (a file name).
        page: String,
    },
    /// Neither the link to the page itself nor the breadcrumb says whether it documents a
    /// constructor, a type or a method.
    #[error(
        "{page}: cannot tell whether `{name}` is a constructor, a type or a method (no link to \
         /constructor/, /type/ or /method/ for it)"
    )]
    UnknownKind {
        /// The page.
        page: String,
        /// Its title.
        name: String,
    },
    /// Two pages show different layers.
    #[error(
        "{page} shows layer {layer}, {other_page} layer {other_layer}: pages of one layer only"
    )]
    LayerMismatch {
        /// A page.
        page: String,
        /// Its layer.
        layer: u32,
        /// An earlier page.
        other_page: String,
        /// Its layer.
        other_layer: u32,
    },
}

/// One page read: what it documents, its entry, and the layer it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page {
    /// The layer the page shows (`Layer 121` in the layer selector), if it shows one.
    pub layer: Option<u32>,
    /// The entry.
    pub entry: Entry,
}

/// The entry of one page, in getdoc's format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A constructor's page.
    Constructor(getdoc::Constructor),
    /// A type's page.
    Type(getdoc::Type),
    /// A method's page.
    Method(getdoc::Method),
}

impl Entry {
    /// What the page documents.
    pub fn kind(&self) -> Kind {
        match self {
            Entry::Constructor(_) => Kind::Constructor,
            Entry::Type(_) => Kind::Type,
            Entry::Method(_) => Kind::Method,
        }
    }

    /// The TL name.
    pub fn name(&self) -> &str {
        match self {
            Entry::Constructor(c) => &c.name,
            Entry::Type(t) => &t.name,
            Entry::Method(m) => &m.name,
        }
    }
}

/// Reads one page; `page` names it in errors.
pub fn page(html: &str, page: &str) -> Result<Page, ExtractError> {
    let document = Html::parse_document(html);
    let root = document.root_element();
    let name = find_by_id(root, "dev_page_title")
        .map(|title| title.text().collect::<String>().trim().to_owned())
        .filter(|name| !name.is_empty())
        .ok_or_else(|| ExtractError::NoTitle {
            page: page.to_owned(),
        })?;
    let kind = page_kind(root).ok_or_else(|| ExtractError::UnknownKind {
        page: page.to_owned(),
        name: name.clone(),
    })?;
    let content = find_by_id(root, "dev_page_content");
    let (description, links) = content.map(description).unwrap_or_default();
    let entry = match kind {
        Kind::Constructor => Entry::Constructor(getdoc::Constructor {
            name,
            description,
            links,
            fields: content.map(parameters).unwrap_or_default(),
        }),
        Kind::Type => Entry::Type(getdoc::Type {
            name,
            description,
            links,
        }),
        Kind::Method => Entry::Method(getdoc::Method {
            name,
            description,
            links,
            parameters: content.map(parameters).unwrap_or_default(),
            errors: content.map(possible_errors).unwrap_or_default(),
            bot_can_use: find_by_id(root, "bots-can-use-this-method").is_some(),
        }),
    };
    Ok(Page {
        layer: layer(root),
        entry,
    })
}

/// Reads pages into one dump: `(name, html)` pairs, names for errors. The index lists what the
/// pages document (in name order) and the layer they show; the `errors` map holds every error of
/// the methods (for an error several methods list, that of the first method in name order).
/// Two pages of one name: the later one wins.
pub fn pages<'a>(
    pages: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<getdoc::Doc, ExtractError> {
    let mut doc = getdoc::Doc::default();
    let mut layer: Option<(u32, String)> = None;
    for (name, html) in pages {
        let page = page(html, name)?;
        if let Some(shown) = page.layer {
            match &layer {
                Some((other, other_page)) if *other != shown => {
                    return Err(ExtractError::LayerMismatch {
                        page: name.to_owned(),
                        layer: shown,
                        other_page: other_page.clone(),
                        other_layer: *other,
                    });
                }
                Some(_) => {}
                None => layer = Some((shown, name.to_owned())),
            }
        }
        match page.entry {
            Entry::Constructor(c) => {
                doc.constructors.insert(c.name.clone(), c);
            }
            Entry::Type(t) => {
                doc.types.insert(t.name.clone(), t);
            }
            Entry::Method(m) => {
                doc.methods.insert(m.name.clone(), m);
            }
        }
    }
    for method in doc.methods.values() {
        for error in &method.errors {
            doc.errors
                .entry(error.name.clone())
                .or_insert_with(|| error.clone());
        }
    }
    doc.index = getdoc::Index {
        layer: layer.map(|(layer, _)| layer),
        categories: vec![
            category(Kind::Constructor, &doc.constructors),
            category(Kind::Method, &doc.methods),
            category(Kind::Type, &doc.types),
        ],
    };
    Ok(doc)
}

/// Reads page files into one dump (see [`pages`]).
pub fn files(paths: &[impl AsRef<Path>]) -> Result<getdoc::Doc, ExtractError> {
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let path = path.as_ref();
        let html = std::fs::read_to_string(path).map_err(|source| ExtractError::Io {
            path: path.to_owned(),
            source,
        })?;
        texts.push((path.display().to_string(), html));
    }
    pages(
        texts
            .iter()
            .map(|(name, html)| (name.as_str(), html.as_str())),
    )
}

fn category<T>(kind: Kind, entries: &BTreeMap<String, T>) -> getdoc::Category {
    getdoc::Category {
        name: kind.as_str().to_owned(),
        values: entries.keys().cloned().collect(),
    }
}

fn find_by_id<'a>(root: ElementRef<'a>, id: &str) -> Option<ElementRef<'a>> {
    root.descendent_elements()
        .find(|e| e.value().id() == Some(id))
}

fn is(element: ElementRef<'_>, name: &str) -> bool {
    element.value().name() == name
}

/// Constructor, type or method, from the page's link to itself or its last breadcrumb.
fn page_kind(root: ElementRef<'_>) -> Option<Kind> {
    let kind_of = |href: &str| {
        let path = href
            .strip_prefix(super::text::CORE_TELEGRAM_ORG)
            .unwrap_or(href);
        [Kind::Constructor, Kind::Type, Kind::Method]
            .into_iter()
            .find(|kind| path.starts_with(&format!("/{}/", kind.as_str())))
    };
    let own_link = root
        .descendent_elements()
        .filter(|e| {
            e.value()
                .has_class("current_page_link", CaseSensitivity::CaseSensitive)
        })
        .find_map(|e| e.attr("href").and_then(kind_of));
    own_link.or_else(|| {
        let crumbs = root.descendent_elements().find(|e| {
            e.value()
                .has_class("breadcrumb", CaseSensitivity::CaseSensitive)
        })?;
        crumbs
            .descendent_elements()
            .filter(|e| is(*e, "a"))
            .filter_map(|e| e.attr("href"))
            .last()
            .and_then(kind_of)
    })
}

/// `Layer 121` in the layer selector.
fn layer(root: ElementRef<'_>) -> Option<u32> {
    let select = root.descendent_elements().find(|e| {
        e.value()
            .has_class("dev_layer_select", CaseSensitivity::CaseSensitive)
    })?;
    let toggle = select.descendent_elements().find(|e| {
        e.value()
            .has_class("dropdown-toggle", CaseSensitivity::CaseSensitive)
    })?;
    let text: String = toggle.text().collect();
    text.trim().strip_prefix("Layer")?.trim().parse().ok()
}

/// The description paragraphs and their links.
fn description(content: ElementRef<'_>) -> (Vec<String>, Vec<String>) {
    let mut paragraphs = Vec::new();
    let mut links = Vec::new();
    for child in content.child_elements() {
        if is(child, "p") && child.text().any(|t| !t.is_empty()) {
            let (text, hrefs) = text_with_footnotes(child);
            paragraphs.extend(
                text.trim()
                    .split('\n')
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .map(str::to_owned),
            );
            links.extend(hrefs.iter().map(|href| absolute_url(href)));
        }
        if child
            .value()
            .has_class("clearfix", CaseSensitivity::CaseSensitive)
        {
            break;
        }
    }
    (paragraphs, links)
}

/// The element's text with each link's text followed by its superscript number (before the
/// link text's trailing spaces), and the links' targets in order.
fn text_with_footnotes(element: ElementRef<'_>) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut hrefs = Vec::new();
    walk(element, &mut text, &mut hrefs);
    (text, hrefs)
}

fn walk(element: ElementRef<'_>, text: &mut String, hrefs: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                match child.attr("href") {
                    Some(href) => {
                        hrefs.push(href.to_owned());
                        let inner: String = child.text().collect();
                        let kept = inner.trim_end();
                        text.push_str(kept);
                        text.push_str(&superscript(hrefs.len()));
                        text.push_str(&inner[kept.len()..]);
                    }
                    None => walk(child, text, hrefs),
                }
            }
            _ => {}
        }
    }
}

/// `n` in superscript digits (`12` → `¹²`).
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

/// The rows (`tbody > tr`) of the first table after the child of `content` that holds
/// `#heading`: for each, its cells' text and the links of its last cell.
fn table_after(content: ElementRef<'_>, heading: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut after_heading = false;
    let mut table = None;
    for child in content.child_elements() {
        if child
            .descendent_elements()
            .skip(1)
            .any(|e| e.value().id() == Some(heading))
        {
            after_heading = true;
            continue;
        }
        if after_heading && is(child, "table") {
            table = Some(child);
            break;
        }
    }
    let Some(table) = table else {
        return Vec::new();
    };
    let rows = table
        .child_elements()
        .filter(|e| is(*e, "tbody"))
        .flat_map(|body| body.child_elements().filter(|e| is(*e, "tr")));
    rows.map(|row| {
        let mut cells = Vec::new();
        let mut links = Vec::new();
        for cell in row.descendent_elements().filter(|e| is(*e, "td")) {
            let (text, hrefs) = text_with_footnotes(cell);
            cells.push(text);
            links = hrefs.iter().map(|href| absolute_url(href)).collect();
        }
        (cells, links)
    })
    .collect()
}

fn parameters(content: ElementRef<'_>) -> BTreeMap<String, getdoc::Field> {
    table_after(content, "parameters")
        .into_iter()
        .filter_map(|(cells, links)| {
            let [name, _, description] = <[String; 3]>::try_from(cells).ok()?;
            let field = getdoc::Field {
                name: name.clone(),
                description,
                links,
            };
            Some((name, field))
        })
        .collect()
}

fn possible_errors(content: ElementRef<'_>) -> Vec<getdoc::Error> {
    table_after(content, "possible-errors")
        .into_iter()
        .filter_map(|(cells, _)| {
            let [code, name, description] = <[String; 3]>::try_from(cells).ok()?;
            Some(getdoc::Error {
                code: code.trim().parse().ok()?,
                name,
                description,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_get_superscripts_in_document_order() {
        let html = r#"<html><body><h1 id="dev_page_title">x.y</h1>
            <div class="breadcrumb"><a href="/api">API</a><a href="/method/x.y">x.y</a></div>
            <div id="dev_page_content"><p>See <a href="/api/a">here </a> and
            <strong><a href="https://telegram.org/b">b</a></strong>.<br>Next</p>
            <p><div class="clearfix"></div></p><p>not read</p>
            <h3><a id="parameters"></a>Parameters</h3>
            <table><tbody><tr><td>q</td><td>string</td><td>Query, see <a href="/c">c</a></td></tr>
            </tbody></table></div></body></html>"#;
        let page = page(html, "p.html").unwrap();
        let Entry::Method(method) = page.entry else {
            panic!("{page:?}")
        };
        assert_eq!(method.name, "x.y");
        assert_eq!(method.description, ["See here¹  and", "b².Next"]);
        assert_eq!(
            method.links,
            ["https://core.telegram.org/api/a", "https://telegram.org/b"]
        );
        assert_eq!(method.parameters["q"].description, "Query, see c¹");
        assert_eq!(
            method.parameters["q"].links,
            ["https://core.telegram.org/c"]
        );
        assert!(!method.bot_can_use);
        assert_eq!(superscript(120), "¹²⁰");
    }

    #[test]
    fn pages_that_are_not_documentation_are_errors() {
        let err = page("<html><body><p>hello</p></body></html>", "a.html").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.html: no page title (#dev_page_title): not a core.telegram.org documentation page"
        );
        let err = page(r#"<h1 id="dev_page_title">x</h1>"#, "b.html").unwrap_err();
        assert!(matches!(err, ExtractError::UnknownKind { .. }), "{err}");
    }
}
