//! Lists of subscriptions in and out: OPML (any version, or none), and newsboat's `urls` file.
//!
//! Reading is tolerant: an outline with an `xmlUrl` is a feed, the outlines around it are its
//! tags, and so is each entry of its `category` attribute; stray `&` are mended first. Writing
//! puts each feed under its first tag and names all its tags in `category`, so that reading
//! the result back gives the same tags.

use super::store::Subscription;
use quick_xml::events::{BytesStart, Event};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Neither OPML nor a list of addresses.
    #[error("not an OPML file or a list of feed addresses")]
    NotAList,
}

/// Reads a list of subscriptions: OPML when it starts like XML, else newsboat's `urls`.
pub fn read_list(bytes: &[u8]) -> Result<Vec<Subscription>, ImportError> {
    let text = super::parse::to_utf8(bytes);
    let subs = if text.trim_start().starts_with('<') {
        read_opml(&text)?
    } else {
        read_urls(&text)
    };
    if subs.is_empty() && !text.trim().is_empty() && !text.contains("<opml") {
        return Err(ImportError::NotAList);
    }
    Ok(merge(subs))
}

/// Joins repeated feeds, their tags together, keeping the first title.
fn merge(subs: Vec<Subscription>) -> Vec<Subscription> {
    let mut order = Vec::new();
    let mut by_url: BTreeMap<String, Subscription> = BTreeMap::new();
    for s in subs {
        match by_url.get_mut(&s.url) {
            Some(seen) => {
                seen.tags.extend(s.tags);
                if seen.title.is_none() {
                    seen.title = s.title;
                }
            }
            None => {
                order.push(s.url.clone());
                by_url.insert(s.url.clone(), s);
            }
        }
    }
    order
        .into_iter()
        .filter_map(|u| by_url.remove(&u))
        .map(|mut s| {
            s.tags.sort();
            s.tags.dedup();
            s
        })
        .collect()
}

/// The attributes of an outline, by lower-case name.
fn attributes(e: &BytesStart) -> BTreeMap<String, String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .filter_map(|a| {
            let name = a.key.local_name().as_ref().to_ascii_lowercase();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()?
                .trim()
                .to_owned();
            Some((name, value))
        })
        .collect()
}

/// The feeds of an OPML document.
pub fn read_opml(text: &str) -> Result<Vec<Subscription>, ImportError> {
    let mended = super::parse::mend_references(text);
    let mut reader = quick_xml::Reader::from_str(&mended);
    reader.config_mut().check_end_names = false;
    let mut subs = Vec::new();
    // The label of each open outline that is a folder (None for other outlines).
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    // What was read before a fault stays read.
    while let Ok(event) = reader.read_event() {
        let (e, open) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                if e.local_name().as_ref().eq_ignore_ascii_case("outline") {
                    folders.pop();
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.local_name();
        if name.as_ref().eq_ignore_ascii_case("opml") {
            saw_opml = true;
        }
        if !name.as_ref().eq_ignore_ascii_case("outline") {
            continue;
        }
        let a = attributes(e);
        let label = a
            .get("title")
            .or(a.get("text"))
            .filter(|t| !t.is_empty())
            .cloned();
        match a.get("xmlurl").filter(|u| !u.is_empty()) {
            Some(url) => {
                let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
                if let Some(c) = a.get("category") {
                    tags.extend(
                        c.split(',')
                            .map(|t| t.trim().trim_matches('/').to_owned())
                            .filter(|t| !t.is_empty()),
                    );
                }
                subs.push(Subscription {
                    url: url.clone(),
                    title: label,
                    tags,
                });
                if open {
                    folders.push(None);
                }
            }
            None if open => folders.push(label),
            None => {}
        }
    }
    if !saw_opml && subs.is_empty() {
        return Err(ImportError::NotAList);
    }
    Ok(subs)
}

/// Splits a line of newsboat's `urls` into words; `"two words"` is one.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// The feeds of a newsboat `urls` file: one address a line, then its tags; `#` starts a
/// comment; `"~Name"` (a display name) and `!` (hidden) are not tags; lines that are not
/// http(s) addresses (queries, `exec:`, `filter:`) are skipped.
pub fn read_urls(text: &str) -> Vec<Subscription> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let mut w = words(line).into_iter();
            let url = w.next()?;
            if !crate::source::http::is_url(&url) {
                return None;
            }
            let tags = w
                .filter(|t| !t.starts_with('~') && t != "!" && !t.is_empty())
                .collect();
            Some(Subscription {
                url,
                title: None,
                tags,
            })
        })
        .collect()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            // Other control characters cannot be written in XML 1.0 at all.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn outline(s: &Subscription, indent: &str) -> String {
    let title = escape(s.title.as_deref().unwrap_or(&s.url));
    let mut line = format!(
        "{indent}<outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{}\"",
        escape(&s.url)
    );
    if !s.tags.is_empty() {
        line.push_str(&format!(" category=\"{}\"", escape(&s.tags.join(","))));
    }
    line.push_str("/>\n");
    line
}

/// OPML 2.0 for `subs`: feeds without tags at the top, the others under their first tag.
pub fn write_opml(subs: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    \
         <title>krant subscriptions</title>\n  </head>\n  <body>\n",
    );
    let mut folders: BTreeMap<&str, Vec<&Subscription>> = BTreeMap::new();
    for s in subs {
        match s.tags.first() {
            Some(t) => folders.entry(t.as_str()).or_default().push(s),
            None => out.push_str(&outline(s, "    ")),
        }
    }
    for (tag, members) in folders {
        let tag = escape(tag);
        out.push_str(&format!("    <outline text=\"{tag}\" title=\"{tag}\">\n"));
        for s in members {
            out.push_str(&outline(s, "      "));
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(url: &str, title: Option<&str>, tags: &[&str]) -> Subscription {
        Subscription {
            url: url.into(),
            title: title.map(str::to_owned),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn nested_outlines_become_tags_without_a_version() {
        let opml = r#"<opml><body>
            <outline text="News">
              <outline text="Local">
                <outline text="Harbour &amp; Docks" xmlUrl="https://h.example/rss"/>
              </outline>
              <outline title="Village" xmlurl="https://v.example/rss" category="/weekly, /local"/>
            </outline>
            <outline text="Loose" xmlUrl="https://l.example/rss?a=1&b=2"/>
            <outline text="Empty folder"></outline>
        </body></opml>"#;
        assert_eq!(
            read_list(opml.as_bytes()).unwrap(),
            [
                sub(
                    "https://h.example/rss",
                    Some("Harbour & Docks"),
                    &["Local", "News"]
                ),
                sub(
                    "https://v.example/rss",
                    Some("Village"),
                    &["News", "local", "weekly"]
                ),
                sub("https://l.example/rss?a=1&b=2", Some("Loose"), &[]),
            ]
        );
    }

    #[test]
    fn newsboat_urls() {
        let urls = "# my feeds\n\
            https://a.example/rss news \"long tag\" \"~A Name\" !\n\
            \n\
            \"query:Unread:unread = \\\"yes\\\"\"\n\
            https://b.example/atom\n\
            exec:~/bin/feed\n\
            https://a.example/rss tech\n";
        assert_eq!(
            read_list(urls.as_bytes()).unwrap(),
            [
                sub("https://a.example/rss", None, &["long tag", "news", "tech"]),
                sub("https://b.example/atom", None, &[]),
            ]
        );
    }

    #[test]
    fn not_a_list() {
        assert_eq!(
            read_list(b"just some words\nand more"),
            Err(ImportError::NotAList)
        );
        assert_eq!(
            read_list(b"<html><body>no</body></html>"),
            Err(ImportError::NotAList)
        );
        assert_eq!(read_list(b"<opml version='1.0'><body/></opml>"), Ok(vec![]));
    }

    #[test]
    fn export_reads_back_with_its_tags() {
        let subs = vec![
            sub(
                "https://a.example/rss?x=1&y=2",
                Some("A \"quoted\" <feed>"),
                &["news", "tech"],
            ),
            sub("https://b.example/rss", None, &[]),
            sub("https://c.example/rss", Some("C"), &["tech"]),
        ];
        let opml = write_opml(&subs);
        let mut back = read_list(opml.as_bytes()).unwrap();
        back.sort_by(|a, b| a.url.cmp(&b.url));
        let mut expected = subs.clone();
        // A feed without a title is written under its address.
        expected[1].title = Some("https://b.example/rss".into());
        assert_eq!(back, expected);
    }
}
