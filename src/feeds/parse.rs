//! A feed's bytes to its items: `feed-rs` does the parsing; this wrapper mends what it gets
//! wrong. It decodes any encoding to UTF-8 first (byte order mark, else the XML declaration),
//! accepts `<rss>` without a known version, escapes stray `&` and HTML entity names when the
//! first attempt fails, turns a panic of the parser into an error, and gives entries without
//! an id one made from their content, the same at every refresh.

use super::text::{collapse_spaces, html_to_text, looks_like_reference, named};
use crate::article::sanitize::{one_line, sanitize, Breaks};
use serde::Serialize;
use std::borrow::Cow;
use thiserror::Error;

/// A feed as krant shows it: plain, sanitised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    pub title: Option<String>,
    pub link: Option<String>,
    pub items: Vec<Item>,
}

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The feed's own id for the entry, else one made by [`content_id`].
    pub id: String,
    pub title: Option<String>,
    pub link: Option<String>,
    /// RFC 3339, in UTC; the entry's update time when it gives no publication time.
    pub published: Option<String>,
    /// The summary (else the content) as plain text.
    pub summary: Option<String>,
    /// The entry's own content as HTML, when it carries one (not in `--list`'s JSON).
    #[serde(skip)]
    pub content: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FeedError {
    /// Neither XML with a feed at its root nor a JSON Feed.
    #[error("not a feed")]
    NotAFeed,
    /// A feed, but broken beyond repair.
    #[error("the feed cannot be read: {0}")]
    Malformed(String),
    /// The parser panicked on this input.
    #[error("the feed parser failed")]
    ParserFailed,
}

/// Parses a feed found at `feed_url` (an address or a path: it goes into the ids made for
/// entries without one).
pub fn parse(bytes: &[u8], feed_url: &str) -> Result<Feed, FeedError> {
    let text = to_utf8(bytes);
    let text = with_rss_version(&text);
    let text = with_current_namespaces(&text);
    let text = with_atom_text_types(&text);
    let first = run_parser(text.as_bytes());
    let raw = match first {
        Ok(f) => f,
        // An <rss> without a channel is a feed without items (feed-rs finds no feed at all).
        Err(FeedError::NotAFeed) if rss_without_channel(&text) => {
            return Ok(Feed {
                title: None,
                link: None,
                items: Vec::new(),
            })
        }
        Err(e) => {
            let mended = mend_references(&text);
            if mended == text {
                return Err(e);
            }
            // The first error is the one to report if mending does not help.
            run_parser(mended.as_bytes()).map_err(|_| e)?
        }
    };
    Ok(convert(raw, feed_url))
}

/// Runs feed-rs, catching its panics. Entries keep an empty id where the feed gave none.
fn run_parser(bytes: &[u8]) -> Result<feed_rs::model::Feed, FeedError> {
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .build();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(bytes)));
    match result {
        Err(_) => Err(FeedError::ParserFailed),
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(feed_rs::parser::ParseFeedError::ParseError(
            feed_rs::parser::ParseErrorKind::NoFeedRoot,
        ))) => Err(FeedError::NotAFeed),
        Ok(Err(e)) => Err(FeedError::Malformed(e.to_string())),
    }
}

/// Keeps panics of the feed parser (which [`parse`] turns into errors) off standard error;
/// every other panic is reported as before. Call once, early.
pub fn quiet_parser_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let file = info.location().map(|l| l.file()).unwrap_or("");
        let ours = ["feed-rs", "feed_rs", "quick-xml", "quick_xml", "mediatype"]
            .iter()
            .any(|c| file.contains(c));
        if !ours {
            previous(info);
        }
    }));
}

/// The encoding named in an XML declaration at the start of `bytes` (ASCII-compatible).
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let decl = head.trim_start().strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let value = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    let label = &value[..value.find(quote)?];
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
}

/// The text of `bytes`: by its byte order mark, else UTF-16 by its first `<`, else by the XML
/// declaration, else UTF-8 (invalid sequences replaced). An XML declaration in the result
/// names UTF-8, so the parser does not decode twice.
pub fn to_utf8(bytes: &[u8]) -> String {
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((e, n)) => (e, n),
        None => match bytes {
            [b'<', 0, _, 0, ..] => (UTF_16LE, 0),
            [0, b'<', 0, _, ..] => (UTF_16BE, 0),
            _ => (declared_encoding(bytes).unwrap_or(UTF_8), 0),
        },
    };
    // A declaration that names UTF-16 in a file without two-byte characters is wrong.
    let encoding = if skip == 0 && (encoding == UTF_16LE || encoding == UTF_16BE) {
        match bytes {
            [b'<', 0, ..] | [0, b'<', ..] => encoding,
            _ => UTF_8,
        }
    } else {
        encoding
    };
    let (text, _) = encoding.decode_without_bom_handling(&bytes[skip..]);
    let text = text.trim_start_matches('\u{feff}');
    match text.trim_start().strip_prefix("<?xml") {
        Some(rest) => match rest.find("?>") {
            Some(end) => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
                &rest[end + 2..]
            ),
            None => text.to_owned(),
        },
        None => text.to_owned(),
    }
}

/// Gives an `<rss>` root without a version, or with one feed-rs does not know (0.93, 0.94,
/// 2.01…), the version 2.0, which reads all of them.
fn with_rss_version(text: &str) -> Cow<'_, str> {
    let Some(start) = find_root(text) else {
        return Cow::Borrowed(text);
    };
    let tag = &text[start..];
    let Some(after) = tag.strip_prefix("<rss") else {
        return Cow::Borrowed(text);
    };
    if !after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
        return Cow::Borrowed(text);
    }
    let Some(end) = tag.find('>') else {
        return Cow::Borrowed(text);
    };
    let attrs = &tag[4..end];
    let version = attribute(attrs, "version");
    if matches!(version.as_deref(), Some("2.0" | "0.91" | "0.92" | "")) {
        return Cow::Borrowed(text);
    }
    let attrs = match &version {
        Some(_) => remove_attribute(attrs, "version"),
        None => attrs.to_owned(),
    };
    Cow::Owned(format!(
        "{}<rss version=\"2.0\"{}{}",
        &text[..start],
        attrs,
        &tag[end..]
    ))
}

/// Atom 0.3 and RSS 0.90 under the namespaces of their successors (Atom 1.0, RSS 1.0), which
/// feed-rs reads and which name the elements that carry titles, links and entries alike.
fn with_current_namespaces(text: &str) -> Cow<'_, str> {
    const RENAMES: [(&str, &str); 2] = [
        ("http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom"),
        (
            "http://my.netscape.com/rdf/simple/0.9/",
            "http://purl.org/rss/1.0/",
        ),
    ];
    let mut out = Cow::Borrowed(text);
    for (old, new) in RENAMES {
        for quote in ['"', '\''] {
            let old = format!("{quote}{old}{quote}");
            if out.contains(&old) {
                out = Cow::Owned(out.replace(&old, &format!("{quote}{new}{quote}")));
            }
        }
    }
    out
}

/// Atom 0.3 names the type of a text (a title, a summary) by its media type; Atom 1.0, which
/// feed-rs reads, by `text`, `html` or `xhtml` only, and feed-rs rejects the feed otherwise.
fn with_atom_text_types(text: &str) -> Cow<'_, str> {
    const TEXTS: [&str; 7] = [
        "title",
        "subtitle",
        "summary",
        "rights",
        "tagline",
        "info",
        "copyright",
    ];
    let is_atom = find_root(text).is_some_and(|r| {
        let name = &text[r + 1..];
        name.starts_with("feed") || name.starts_with("entry")
    });
    if !is_atom {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        // Without a `>` after this `<`, there is none after any later one either.
        let Some(end) = tag.find('>') else {
            break;
        };
        let name_len = tag[1..end]
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(end - 1);
        let name = &tag[1..1 + name_len];
        let local = name.rsplit(':').next().unwrap_or(name);
        if TEXTS.contains(&local) {
            let attrs = &tag[1 + name_len..end];
            if let Some((a, b, value)) = attribute_span(attrs, "type") {
                let new = match value.to_ascii_lowercase().as_str() {
                    "text" | "html" | "xhtml" => None,
                    "text/html" => Some("html"),
                    "application/xhtml+xml" | "xhtml+xml" => Some("xhtml"),
                    _ => Some("text"),
                };
                if let Some(new) = new {
                    out.push('<');
                    out.push_str(name);
                    out.push_str(&attrs[..a]);
                    out.push_str(&format!("type=\"{new}\""));
                    out.push_str(&attrs[b..]);
                    rest = &tag[end..];
                    changed = true;
                    continue;
                }
            }
        }
        out.push('<');
        rest = &tag[1..];
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn rss_without_channel(text: &str) -> bool {
    find_root(text).is_some_and(|r| text[r..].starts_with("<rss")) && !text.contains("<channel")
}

/// Where the root element starts: the first `<` that opens neither a declaration, a
/// processing instruction, a comment nor a doctype.
fn find_root(text: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let i = at + text[at..].find('<')?;
        let rest = &text[i..];
        if let Some(c) = rest.strip_prefix("<!--") {
            at = i + 4 + c.find("-->")? + 3;
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            at = i + rest.find('>')? + 1;
        } else {
            return Some(i);
        }
    }
}

/// The value of attribute `name` among `attrs` (the inside of a start tag).
pub(crate) fn attribute(attrs: &str, name: &str) -> Option<String> {
    attribute_span(attrs, name).map(|(_, _, v)| v)
}

pub(crate) fn attribute_span(attrs: &str, name: &str) -> Option<(usize, usize, String)> {
    let mut from = 0;
    while let Some(i) = attrs[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = attrs[..at].ends_with(char::is_whitespace);
        let rest = attrs[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = value[1..].find(quote)?;
        let end = attrs.len() - value.len() + 1 + close + 1;
        return Some((at, end, value[1..1 + close].trim().to_owned()));
    }
    None
}

fn remove_attribute(attrs: &str, name: &str) -> String {
    match attribute_span(attrs, name) {
        Some((a, b, _)) => format!("{}{}", attrs[..a].trim_end(), &attrs[b..]),
        None => attrs.to_owned(),
    }
}

/// Escapes every `&` that does not start an XML reference (`AT&T`, `a & b`) and writes HTML
/// entity names (`&nbsp;`, `&eacute;`) as numbers, outside CDATA sections and comments.
pub fn mend_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    // Everything before `done` is in `out`; the scan goes from `at`, one pass over the text.
    let mut done = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'&', b'<', &text.as_bytes()[at..]) {
        let i = at + i;
        let here = &text[i..];
        if here.starts_with('<') {
            at = i + 1;
            for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
                if let Some(inside) = here.strip_prefix(open) {
                    at = inside
                        .find(close)
                        .map_or(text.len(), |e| i + open.len() + e + close.len());
                }
            }
            continue;
        }
        out.push_str(&text[done..i]);
        let after = &here[1..];
        let name_end = after.bytes().take(40).position(|b| b == b';');
        match name_end.filter(|_| looks_like_reference(after)) {
            Some(n) => {
                let name = &after[..n];
                let xml =
                    matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") || name.starts_with('#');
                match named(name) {
                    _ if xml => out.push('&'),
                    Some(c) => {
                        out.push_str(&format!("&#{};", c as u32));
                        done = i + 1 + n + 1;
                        at = done;
                        continue;
                    }
                    None => out.push_str("&amp;"),
                }
            }
            None => out.push_str("&amp;"),
        }
        done = i + 1;
        at = done;
    }
    out.push_str(&text[done..]);
    out
}

/// The link of an entry or a feed: the first `alternate` (or unlabelled) one, else the first.
fn pick_link(links: &[feed_rs::model::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
        .or(links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|h| !h.is_empty())
}

/// Plain text of a feed text: markup removed when it is HTML.
fn plain(t: &feed_rs::model::Text) -> String {
    let html = matches!(
        t.content_type.subty().as_str(),
        "html" | "xhtml" | "xhtml+xml"
    );
    if html {
        html_to_text(&t.content)
    } else {
        t.content.clone()
    }
}

/// A title: one line, sanitised, `None` when empty.
fn title_of(t: Option<&feed_rs::model::Text>) -> Option<String> {
    let t = collapse_spaces(&plain(t?));
    let t = one_line(&t).into_owned();
    (!t.is_empty()).then_some(t)
}

fn summary_of(e: &feed_rs::model::Entry) -> Option<String> {
    let text = match (&e.summary, &e.content) {
        (Some(s), _) if !s.content.trim().is_empty() => plain(s),
        (_, Some(c)) => html_to_text(c.body.as_deref()?),
        _ => return None,
    };
    let text = sanitize(&text, Breaks::Keep).text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// The entry's content as HTML: an HTML body as it is, plain text escaped into paragraphs.
fn content_of(e: &feed_rs::model::Entry) -> Option<String> {
    let c = e.content.as_ref()?;
    let body = c.body.as_deref()?.trim();
    if body.is_empty() {
        return None;
    }
    let html = matches!(
        c.content_type.subty().as_str(),
        "html" | "xhtml" | "xhtml+xml"
    );
    if html {
        return Some(body.to_owned());
    }
    let escaped = body
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(
        escaped
            .split("\n\n")
            .map(|p| format!("<p>{}</p>", p.trim()))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn convert(raw: feed_rs::model::Feed, feed_url: &str) -> Feed {
    let items = raw
        .entries
        .iter()
        .map(|e| {
            let title = title_of(e.title.as_ref());
            let link = pick_link(&e.links);
            let published = e
                .published
                .or(e.updated)
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            let id = match e.id.trim() {
                "" => content_id(
                    feed_url,
                    title.as_deref(),
                    published.as_deref(),
                    link.as_deref(),
                ),
                own => one_line(own).into_owned(),
            };
            Item {
                id,
                title,
                link,
                published,
                summary: summary_of(e),
                content: content_of(e),
            }
        })
        .collect();
    Feed {
        title: title_of(raw.title.as_ref()),
        link: pick_link(&raw.links),
        items,
    }
}

/// The id of an entry that has none: a hash of the feed's address, the title (white space
/// collapsed), the publication time and the link, so the same entry gets the same id at every
/// refresh. 128-bit FNV-1a, written in hex after `krant:`.
pub fn content_id(
    feed_url: &str,
    title: Option<&str>,
    published: Option<&str>,
    link: Option<&str>,
) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let title = title.map(collapse_spaces).unwrap_or_default();
    let parts = [
        feed_url.trim(),
        title.as_str(),
        published.unwrap_or("").trim(),
        link.unwrap_or("").trim(),
    ];
    let mut h = OFFSET;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u128::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    format!("krant:{h:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_versions() {
        let v = |s: &str| with_rss_version(s).into_owned();
        assert_eq!(
            v("<rss><channel/></rss>"),
            "<rss version=\"2.0\"><channel/></rss>"
        );
        assert_eq!(
            v("<?xml version=\"1.0\"?>\n<!-- c <rss> -->\n<rss version='0.94' a=\"b\">"),
            "<?xml version=\"1.0\"?>\n<!-- c <rss> -->\n<rss version=\"2.0\" a=\"b\">"
        );
        assert_eq!(v("<rss version=\"0.91\">"), "<rss version=\"0.91\">");
        assert_eq!(v("<rssx>"), "<rssx>");
        assert_eq!(v("<feed>"), "<feed>");
    }

    #[test]
    fn atom_text_types() {
        let t = |s: &str| with_atom_text_types(s).into_owned();
        assert_eq!(
            t("<feed><title type='text/plain' mode=\"x\">a</title><x:summary type=\"application/xhtml+xml\"><content type=\"image/png\">"),
            "<feed><title type=\"text\" mode=\"x\">a</title><x:summary type=\"xhtml\"><content type=\"image/png\">"
        );
        assert_eq!(t("<rss><title type='foo'>"), "<rss><title type='foo'>");
        assert_eq!(
            t("<feed><title type=\"html\">"),
            "<feed><title type=\"html\">"
        );
    }

    #[test]
    fn stray_ampersands_are_escaped_entities_kept() {
        assert_eq!(
            mend_references("<t>AT&T &amp; a & b &#38; &eacute; &zz;</t><![CDATA[x & y]]>"),
            "<t>AT&amp;T &amp; a &amp; b &#38; &#233; &amp;zz;</t><![CDATA[x & y]]>"
        );
        assert_eq!(mend_references("<!-- a & b -->&"), "<!-- a & b -->&amp;");
        assert_eq!(mend_references("<![CDATA[ & "), "<![CDATA[ & ");
        assert_eq!(mend_references("a &nbsp; b"), "a &#160; b");
        // One pass: a long text of bare ampersands takes no time.
        let many = "x & ".repeat(500_000);
        let start = std::time::Instant::now();
        assert_eq!(mend_references(&many).len(), many.len() + 4 * 500_000);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn encodings() {
        let mut utf16 = vec![0xff, 0xfe];
        for u in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>é</rss>".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(
            to_utf8(&utf16),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>é</rss>"
        );
        let latin1 = b"<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>";
        assert_eq!(
            to_utf8(latin1),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>caf\u{e9}</a>"
        );
        let lying = b"<?xml version='1.0' encoding='utf-16'?><a>x</a>";
        assert!(to_utf8(lying).ends_with("<a>x</a>"));
        assert_eq!(to_utf8(b"\xef\xbb\xbf{}"), "{}");
    }

    #[test]
    fn content_ids_differ_by_field() {
        let a = content_id("u", Some("t"), Some("p"), Some("l"));
        assert_eq!(a, content_id(" u ", Some("t  "), Some("p"), Some("l")));
        assert_ne!(a, content_id("u2", Some("t"), Some("p"), Some("l")));
        assert_ne!(a, content_id("u", Some("t2"), Some("p"), Some("l")));
        assert_ne!(a, content_id("u", Some("t"), None, Some("l")));
        assert_ne!(a, content_id("u", Some("t"), Some("p"), None));
        // Field boundaries count: "ab"+"c" is not "a"+"bc".
        assert_ne!(
            content_id("ab", Some("c"), None, None),
            content_id("a", Some("bc"), None, None)
        );
    }
}
