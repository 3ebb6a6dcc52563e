//! The subscription commands of the command line: `--add`, `--remove`, `--import` and
//! `--export`. Each returns what to print, already in the interface language, or the one line
//! that explains why it could not be done.

use super::opml;
use super::parse::{self, attribute, Feed, FeedError};
use super::store::{FeedStore, StoreError};
use crate::article::sanitize::{one_line, path_for_display};
use crate::i18n::I18n;
use crate::input::{self, InputError, Source};
use fluent_bundle::FluentValue;
use std::path::Path;

/// What a command prints: on standard output, and notices for standard error.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub out: String,
    pub notices: Vec<String>,
}

/// Why a command failed, before it is put in words.
#[derive(Debug)]
pub enum Failure {
    Input(InputError),
    /// Not a feed, or damaged, at this address.
    Feed(String, FeedError),
    /// A page that is no feed and names none.
    NoFeed(String),
    NotSubscribed(String),
    NotAList(String),
    Store(StoreError),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

impl Failure {
    /// The failure in the interface language, one line.
    pub fn message(&self, i: &I18n) -> String {
        let s = |v: &str| FluentValue::from(one_line(v).into_owned());
        match self {
            Failure::Input(e) => e.message(i),
            Failure::Feed(src, FeedError::NotAFeed) => {
                i.tr_args("feed-not-a-feed", &[("source", s(src))])
            }
            Failure::Feed(src, _) => i.tr_args("feed-broken", &[("source", s(src))]),
            Failure::NoFeed(src) => i.tr_args("feeds-no-feed", &[("source", s(src))]),
            Failure::NotSubscribed(url) => i.tr_args("feeds-not-subscribed", &[("url", s(url))]),
            Failure::NotAList(path) => i.tr_args("feeds-not-a-list", &[("path", s(path))]),
            Failure::Store(StoreError::Newer(_)) => i.tr("feeds-db-newer"),
            Failure::Store(StoreError::Io(e)) => {
                i.tr_args("feeds-db-error", &[("reason", i.io_reason(e).into())])
            }
            Failure::Store(e) => i.tr_args("feeds-db-error", &[("reason", s(&e.to_string()))]),
        }
    }
}

/// Opens the subscriptions, with a notice when a damaged database had to be moved aside.
fn open(i: &I18n, notices: &mut Vec<String>) -> Result<FeedStore, Failure> {
    let store = FeedStore::open_default()?;
    if let Some(aside) = &store.moved_aside {
        notices.push(i.tr_args(
            "feeds-db-moved",
            &[("path", path_for_display(aside).into())],
        ));
    }
    Ok(store)
}

/// How a subscription names a file: its absolute path.
fn file_address(p: &Path) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| p.to_owned())
        .to_string_lossy()
        .into_owned()
}

/// The bytes at `address` (a URL or a path) and the address they were found at, after
/// redirects.
fn fetch(address: &str) -> Result<(Vec<u8>, String), Failure> {
    if crate::source::http::is_url(address) {
        let never = std::sync::atomic::AtomicBool::new(false);
        let limits = crate::source::http::Limits::default();
        let f = crate::source::http::fetch(address, &limits, &never, &mut |_, _| {})
            .map_err(|e| Failure::Input(InputError::Fetch(address.to_owned(), e)))?;
        Ok((f.bytes, f.url))
    } else {
        let path = Path::new(address);
        let bytes = input::read(&Source::File(path.to_owned())).map_err(Failure::Input)?;
        Ok((bytes, file_address(path)))
    }
}

/// Feed types a web page may name in `<link rel="alternate" type=…>`.
const FEED_TYPES: [&str; 3] = [
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
];

/// The first feed a web page names in a `<link rel="alternate">`, as written.
pub fn alternate_feed(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<link") {
        let at = from + i;
        from = at + 5;
        let Some(end) = lower[at..].find('>') else {
            break;
        };
        let attrs = &html[at + 5..at + end];
        let rel = attribute(&attrs.to_ascii_lowercase(), "rel").unwrap_or_default();
        let kind = attribute(&attrs.to_ascii_lowercase(), "type").unwrap_or_default();
        let alternate = rel.split_whitespace().any(|r| r == "alternate");
        if alternate && FEED_TYPES.contains(&kind.as_str()) {
            if let Some(href) = attribute(attrs, "href").filter(|h| !h.is_empty()) {
                return Some(super::text::decode_references(&href));
            }
        }
    }
    None
}

/// `href` resolved against the address of the page that named it.
fn resolve(base: &str, href: &str) -> String {
    if crate::source::http::is_url(base) {
        return url::Url::parse(base)
            .and_then(|b| b.join(href))
            .map(String::from)
            .unwrap_or_else(|_| href.to_owned());
    }
    if crate::source::http::is_url(href) || Path::new(href).is_absolute() {
        return href.to_owned();
    }
    let dir = Path::new(base).parent().unwrap_or(Path::new(""));
    file_address(&dir.join(href))
}

/// Reads the feed at `address`, or the one a web page there names. Returns the feed and its
/// address.
fn find_feed(address: &str) -> Result<(Feed, String), Failure> {
    let (bytes, found_at) = fetch(address)?;
    match parse::parse(&bytes, &found_at) {
        Ok(feed) => Ok((feed, found_at)),
        Err(FeedError::NotAFeed) => {
            let page = parse::to_utf8(&bytes);
            let href = alternate_feed(&page).ok_or_else(|| Failure::NoFeed(address.to_owned()))?;
            let feed_at = resolve(&found_at, &href);
            let (bytes, found_at) = fetch(&feed_at)?;
            let feed =
                parse::parse(&bytes, &found_at).map_err(|e| Failure::Feed(feed_at.clone(), e))?;
            Ok((feed, found_at))
        }
        Err(e) => Err(Failure::Feed(address.to_owned(), e)),
    }
}

/// `--add URL|FILE`: subscribes to a feed, or to the feed a web page names, and stores its
/// items.
pub fn add(i: &I18n, address: &str) -> Result<Outcome, (Failure, Vec<String>)> {
    let mut notices = Vec::new();
    let result = (|| {
        let (feed, url) = find_feed(address)?;
        let mut store = open(i, &mut notices)?;
        let new = store.add(&url, feed.title.as_deref(), &[])?;
        store.store_items(&url, &feed.items)?;
        let title = feed.title.clone().unwrap_or_else(|| url.clone());
        let args = [
            ("url", FluentValue::from(one_line(&url).into_owned())),
            ("title", FluentValue::from(title)),
        ];
        Ok(match new {
            true => i.tr_args("feeds-added", &args),
            false => i.tr_args("feeds-already", &args),
        })
    })();
    match result {
        Ok(out) => Ok(Outcome { out, notices }),
        Err(e) => Err((e, notices)),
    }
}

/// The address a subscription is stored under for what a person typed.
fn stored_address(typed: &str) -> String {
    if crate::source::http::is_url(typed) {
        typed.to_owned()
    } else {
        file_address(Path::new(typed))
    }
}

/// `--remove URL`: unsubscribes, and forgets the feed's items.
pub fn remove(i: &I18n, address: &str) -> Result<Outcome, (Failure, Vec<String>)> {
    let mut notices = Vec::new();
    let result = (|| {
        let mut store = open(i, &mut notices)?;
        let mut gone = store.remove(address)?;
        if !gone {
            gone = store.remove(&stored_address(address))?;
        }
        if !gone {
            return Err(Failure::NotSubscribed(address.to_owned()));
        }
        Ok(i.tr_args(
            "feeds-removed",
            &[("url", one_line(address).into_owned().into())],
        ))
    })();
    match result {
        Ok(out) => Ok(Outcome { out, notices }),
        Err(e) => Err((e, notices)),
    }
}

/// `--import FILE`: subscribes to every feed of an OPML file or a newsboat `urls` file, with
/// their tags, without fetching them.
pub fn import(i: &I18n, path: &str) -> Result<Outcome, (Failure, Vec<String>)> {
    let mut notices = Vec::new();
    let result = (|| {
        let bytes = input::read(&Source::File(path.into())).map_err(Failure::Input)?;
        let subs = opml::read_list(&bytes)
            .map_err(|_| Failure::NotAList(path_for_display(Path::new(path))))?;
        let mut store = open(i, &mut notices)?;
        let new = store.add_all(&subs)?;
        Ok(i.tr_args(
            "feeds-imported",
            &[
                ("count", (subs.len() as f64).into()),
                ("new", (new as f64).into()),
            ],
        ))
    })();
    match result {
        Ok(out) => Ok(Outcome { out, notices }),
        Err(e) => Err((e, notices)),
    }
}

/// `--export`: every subscription as OPML, with its tags.
pub fn export(i: &I18n) -> Result<Outcome, (Failure, Vec<String>)> {
    let mut notices = Vec::new();
    let result = (|| {
        let store = open(i, &mut notices)?;
        Ok(opml::write_opml(&store.subscriptions()?))
    })();
    match result {
        Ok(out) => Ok(Outcome {
            out: out.trim_end().to_owned(),
            notices,
        }),
        Err(e) => Err((e, notices)),
    }
}

/// `--refresh`: fetches every subscription (a few at once) and says in one line what came;
/// each feed that failed is a notice.
pub fn refresh(i: &I18n) -> Result<Outcome, (Failure, Vec<String>)> {
    let mut notices = Vec::new();
    let result = (|| {
        let mut store = open(i, &mut notices)?;
        let targets = store.refresh_targets(None)?;
        let urls: std::collections::HashMap<i64, String> =
            targets.iter().map(|t| (t.id, t.url.clone())).collect();
        let never = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut failures = Vec::new();
        let summary = super::refresh::refresh(
            &mut store,
            targets,
            &super::refresh::Options::default(),
            &never,
            &mut |r| {
                if let super::refresh::Outcome::Failed(f) = &r.outcome {
                    let url = urls.get(&r.feed).map_or("", String::as_str);
                    failures.push(format!("{}: {}", one_line(url), f.message(i)));
                }
            },
        );
        failures.sort();
        Ok((summary.message(i), failures))
    })();
    match result {
        Ok((out, failures)) => {
            notices.extend(failures);
            Ok(Outcome { out, notices })
        }
        Err(e) => Err((e, notices)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternate_links() {
        let page = r#"<html><head>
            <link rel="stylesheet" href="s.css" type="text/css">
            <LINK REL="alternate" type="text/html" href="/other">
            <link rel="alternate" type="application/atom+xml" href="/feed?a=1&amp;b=2" title="x">
            <link rel="alternate" type="application/rss+xml" href="/rss">
            </head></html>"#;
        assert_eq!(alternate_feed(page).as_deref(), Some("/feed?a=1&b=2"));
        assert_eq!(alternate_feed("<p>no links</p>"), None);
        assert_eq!(
            resolve("https://x.example/blog/post", "/feed"),
            "https://x.example/feed"
        );
        assert_eq!(
            resolve("https://x.example/blog/post", "feed.xml"),
            "https://x.example/blog/feed.xml"
        );
        assert_eq!(
            resolve("https://x.example/", "https://y.example/f"),
            "https://y.example/f"
        );
    }
}
