//! Web pages in reader mode: recognising HTML from its bytes, decoding it, extracting the main
//! content (with `dom_smoothie`, a port of Mozilla's Readability) and turning it into the same
//! [`Article`] that plain text becomes, plus what the page says about itself ([`PageMeta`]).
//!
//! Pure: no terminal, no network. Every string that ends up in the article or its metadata has
//! passed through [`crate::article::sanitize`], so the article's text is safe to print as it is.

mod charset;
mod meta;
mod walk;

pub use charset::decode;
pub use meta::{Alternate, PageMeta};

use crate::article::sanitize::Neutralised;
use crate::article::Article;

/// How much of the start of the input is looked at to recognise HTML.
const SNIFF_BYTES: usize = 4096;

/// Whether `bytes` are an HTML page: after a byte order mark, whitespace, comments and an XML
/// declaration, the input opens with `<!doctype html`, `<html`, `<head` or `<body` (any case).
/// The file's name plays no part.
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let (text, _) = charset::decode_utf16_head(head);
        return sniff_text(text.as_bytes());
    }
    sniff_text(head.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(head))
}

fn sniff_text(mut s: &[u8]) -> bool {
    loop {
        s = s.trim_ascii_start();
        if s.starts_with(b"<!--") {
            match find(s, b"-->") {
                Some(end) => s = &s[end + 3..],
                None => return false,
            }
        } else if s.starts_with(b"<?") {
            match find(s, b"?>") {
                Some(end) => s = &s[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let opens = |tag: &[u8]| {
        s.len() > tag.len()
            && s[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(
                s[tag.len()],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
            )
    };
    opens(b"<!doctype") && s[9..].trim_ascii_start().len() >= 4 && {
        let rest = s[9..].trim_ascii_start();
        rest[..4].eq_ignore_ascii_case(b"html")
    } || opens(b"<html")
        || opens(b"<head")
        || opens(b"<body")
}

/// Where the end tag `</name` (any case) starts, from `from` on.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(&bytes[from..], b"</")
        .map(|i| from + i)
        .find(|&i| {
            bytes
                .get(i + 2..i + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Elements nested deeper than this are dissolved into their ancestor at this depth (browsers
/// cap the depth of a parsed tree in the same way). Readability's work grows with the square of
/// the depth and some of it recurses: a page of 10,000 nested `<div>`s would otherwise take
/// seconds and overflow the stack.
pub const MAX_DEPTH: usize = 256;

/// Dissolves every element deeper than [`MAX_DEPTH`], keeping its content in document order.
fn flatten(doc: &dom_query::Document) {
    let mut deep = Vec::new();
    let mut todo = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = todo.pop() {
        for child in node.children_it(false).filter(|c| c.is_element()) {
            if depth + 1 > MAX_DEPTH {
                deep.push(child);
            }
            todo.push((child, depth + 1));
        }
    }
    // Outermost first: each element's own children move up once.
    for node in deep {
        match node.first_child() {
            Some(child) => child.unwrap_node(),
            None => node.remove_from_parent(),
        }
    }
}

/// Before parsing, tags nested deeper than this (counting only elements that need an end tag)
/// are dropped from the source, their text kept: the HTML parser's own work grows with the
/// square of the depth (100,000 nested `<div>`s take most of a minute).
pub const MAX_SOURCE_DEPTH: usize = 1024;

/// Elements that never nest: void elements and those whose end tag may be left out.
const NOT_NESTING: [&str; 31] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option",
    "optgroup", "rt", "rp", "colgroup", "html", "body",
];

/// Drops tags nested deeper than [`MAX_SOURCE_DEPTH`] (and as many of the end tags that close
/// them). A rough count of the source, not a parse: pages nested this deep are hostile or
/// broken, and untouched pages are returned as they are.
fn cap_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut cut: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            at = find(&rest[4..], b"-->").map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let Some(gt) = memchr::memchr(b'>', &bytes[name_start..]).map(|i| name_start + i) else {
            break;
        };
        at = gt + 1;
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: skip to its end tag.
            at = end_tag(bytes, at, name.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if NOT_NESTING.contains(&name.as_str()) || (!closing && bytes[gt - 1] == b'/') {
            continue;
        }
        if closing {
            if excess > 0 {
                excess -= 1;
                cut.push(lt..gt + 1);
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_SOURCE_DEPTH {
            excess += 1;
            cut.push(lt..gt + 1);
        } else {
            depth += 1;
        }
    }
    if cut.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for r in cut {
        out.push_str(&html[from..r.start]);
        from = r.end;
    }
    out.push_str(&html[from..]);
    std::borrow::Cow::Owned(out)
}

/// A page turned into an article.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub article: Article,
    pub meta: PageMeta,
}

/// Extracts the article of an HTML page given as bytes (see [`decode`] for the charset).
pub fn extract_bytes(bytes: &[u8]) -> Page {
    extract(&decode(bytes))
}

/// Extracts the article of a page fetched from `url`, whose server named `charset`.
pub fn extract_fetched(bytes: &[u8], url: &str, charset: Option<&str>) -> Page {
    let mut page = extract(&charset::decode_with(bytes, charset));
    page.meta.url = Some(crate::article::sanitize::one_line(url).into_owned());
    page
}

/// The element Readability puts the cleaned content in (the first of that id, as it takes).
const CONTENT: &str = "#readability-page-1";

/// Extracts the article of an HTML page: its main content in reader mode, title first.
pub fn extract(html: &str) -> Page {
    let html = &*cap_nesting(html);
    let doc = dom_query::Document::from(html);
    flatten(&doc);
    let found = meta::collect(&doc);
    let cfg = dom_smoothie::Config {
        // The article's text, not its markup, is what we read.
        text_mode: dom_smoothie::TextMode::Raw,
        // Only to recognise the standfirst in the cleaned content.
        classes_to_preserve: walk::STANDFIRST_CLASSES
            .iter()
            .map(|c| (*c).to_owned())
            .collect(),
        ..Default::default()
    };
    let mut reader = dom_smoothie::Readability::with_document(doc, None, Some(cfg)).ok();
    let readable = reader.as_mut().and_then(|r| r.parse().ok());
    let mut neutralised = Neutralised::default();
    let mut meta = meta::merge(found, readable.as_ref(), &mut neutralised);
    let title = meta.title.clone().unwrap_or_default();
    // Readability leaves the cleaned content in its document, in the element whose markup it
    // returns: walked there, not serialised and parsed again.
    let content = match (&reader, &readable) {
        (Some(r), Some(_)) => r.doc.select_single(CONTENT).nodes().first().copied(),
        _ => None,
    };
    let (article, n) = match content {
        Some(root) => walk::article(root, &title, &meta),
        // Nothing readable found: the whole page, walked as it is.
        None => {
            let doc = dom_query::Document::from(html);
            flatten(&doc);
            walk::article(doc.root(), &title, &meta)
        }
    };
    neutralised.add(n);
    meta.neutralised = neutralised;
    Page { article, meta }
}

#[cfg(test)]
mod tests;
