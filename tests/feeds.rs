//! Feed parsing: every format from small feeds written for these tests, the broken cases the
//! wrapper mends, the id rule for entries without one, and `krant --list` on files and over
//! HTTP.

mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use krant::feeds::{parse, FeedError};
use proptest::prelude::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    common::fixture("feeds", name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

fn titles(name: &str) -> (Option<String>, Vec<Option<String>>) {
    let feed = parse(&read(name), name).expect(name);
    (
        feed.title,
        feed.items.into_iter().map(|i| i.title).collect(),
    )
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn every_format() {
    assert_eq!(
        titles("rss091.xml"),
        (
            s("Harbour News"),
            vec![s("Morning ferry late again"), s("New timetable")]
        )
    );
    assert_eq!(
        titles("rss092.xml"),
        (
            s("Village Board"),
            vec![s("Market moves to Saturday"), None, s("Bridge closed")]
        )
    );
    assert_eq!(
        titles("rss10.rdf"),
        (
            s("Library Acquisitions"),
            vec![s("An atlas of rivers"), s("Poems from the coast")]
        )
    );
    assert_eq!(
        titles("rss20.xml"),
        (
            s("De Krant van Morgen"),
            vec![
                s("Dijk versterkt bij Kampen"),
                s("Tram rijdt weer"),
                s("Escapes ␛[31m in a title")
            ]
        )
    );
    assert_eq!(
        titles("atom.xml"),
        (
            s("Observatory Log"),
            vec![s("Comet bright tonight"), s("Clouds")]
        )
    );
    assert_eq!(
        titles("feed.json"),
        (s("Bakery Updates"), vec![s("Rye is back"), None])
    );
}

#[test]
fn links_dates_ids_and_summaries() {
    let rss = parse(&read("rss20.xml"), "rss20").expect("rss");
    assert_eq!(rss.link.as_deref(), Some("https://morgen.example/"));
    let first = &rss.items[0];
    assert_eq!(first.id, "morgen-1001");
    assert_eq!(first.link.as_deref(), Some("https://morgen.example/dijk"));
    assert_eq!(first.published.as_deref(), Some("2024-03-05T07:15:00Z"));
    assert_eq!(
        first.summary.as_deref(),
        Some("Het waterschap is klaar.\n\nTweede alinea & meer.")
    );
    assert_eq!(rss.items[2].link, None);

    let atom = parse(&read("atom.xml"), "atom").expect("atom");
    // The alternate link, not the feed's own address.
    assert_eq!(atom.link.as_deref(), Some("https://observatory.example/"));
    assert_eq!(
        atom.items[0].published.as_deref(),
        Some("2024-02-10T19:00:00Z")
    );
    assert_eq!(
        atom.items[0].summary.as_deref(),
        Some("Look north after ten.")
    );
    // No publication time: the update time; no summary: the content.
    assert_eq!(
        atom.items[1].published.as_deref(),
        Some("2024-02-09T20:00:00Z")
    );
    assert_eq!(atom.items[1].summary.as_deref(), Some("Nothing to see."));

    let json = parse(&read("feed.json"), "json").expect("json");
    assert_eq!(
        json.items[0].summary.as_deref(),
        Some("Fresh rye every morning.")
    );
    assert_eq!(json.items[1].summary.as_deref(), Some("Closed on Monday."));
    assert_eq!(json.items[1].id, "b-1");
}

#[test]
fn rss_without_a_version() {
    assert_eq!(
        titles("no-version.xml"),
        (s("Versionless"), vec![s("First"), s("Second")])
    );
}

#[test]
fn rss_without_a_channel_is_a_feed_without_items() {
    assert_eq!(titles("no-channel.xml"), (None, vec![]));
}

#[test]
fn older_atom_and_rss_namespaces() {
    let atom03 = r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#">
        <title type="text/plain" mode="xml">Old</title>
        <entry><title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> one</div></title></entry>
        <entry><title type="text/html" mode="escaped">&lt;i&gt;Second&lt;/i&gt;</title></entry>
    </feed>"#;
    let feed = parse(atom03.as_bytes(), "x").expect("atom 0.3");
    assert_eq!(feed.title.as_deref(), Some("Old"));
    let titles: Vec<_> = feed.items.iter().map(|i| i.title.as_deref()).collect();
    assert_eq!(titles, [Some("A bold one"), Some("Second")]);
    let rss090 = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
        <channel><title>Ninety</title><link>https://n.example/</link></channel>
        <item><title>First</title><link>https://n.example/1</link></item>
    </rdf:RDF>"#;
    let feed = parse(rss090.as_bytes(), "x").expect("rss 0.90");
    assert_eq!(feed.title.as_deref(), Some("Ninety"));
    assert_eq!(feed.items.len(), 1);
}

#[test]
fn stray_ampersands_and_html_entities() {
    let feed = parse(&read("ampersand.xml"), "amp").expect("mended");
    assert_eq!(feed.title.as_deref(), Some("Fish & Chips Weekly"));
    let item = &feed.items[0];
    assert_eq!(item.title.as_deref(), Some("Salt & vinegar prices"));
    assert_eq!(
        item.link.as_deref(),
        Some("https://fish.example/item?id=1&ref=rss")
    );
    assert_eq!(
        item.summary.as_deref(),
        Some("Cod & haddock, AT&T sponsored.")
    );
}

#[test]
fn other_encodings() {
    assert_eq!(
        titles("utf16.xml"),
        (
            s("Zeitung für Übersee"),
            vec![s("Grüße aus Köln"), s("漢字 headline")]
        )
    );
    assert_eq!(
        titles("latin1.xml"),
        (s("Café Crème"), vec![s("Crêpe du jour")])
    );
}

#[test]
fn broken_input_is_an_error_not_a_panic() {
    assert_eq!(
        parse(&read("not-a-feed.html"), "x").err(),
        Some(FeedError::NotAFeed)
    );
    assert!(parse(&read("truncated.xml"), "x").is_err());
    // feed-rs overflows on this duration and panics.
    assert_eq!(
        parse(&read("panic.xml"), "x").err(),
        Some(FeedError::ParserFailed)
    );
    for junk in [
        &b""[..],
        b"{",
        b"<",
        b"\xff\xfe<\x00",
        b"<rss version=\"2.0\"><channel><item><title>&#xD800;</title></item></channel></rss>",
        b"{\"version\": \"https://jsonfeed.org/version/1\", \"items\": 3}",
    ] {
        assert!(parse(junk, "x").is_err(), "{junk:?}");
    }
}

#[test]
fn entries_without_link_or_id_get_a_stable_id_from_their_content() {
    let a = parse(&read("no-id.xml"), "https://notes.example/feed").expect("feed");
    let b = parse(&read("no-id.xml"), "https://notes.example/feed").expect("feed");
    let ids: Vec<&str> = a.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        b.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>()
    );
    assert!(ids.iter().all(|id| id.starts_with("krant:")), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
    // The same entries in another feed are other entries.
    let other = parse(&read("no-id.xml"), "https://elsewhere.example/feed").expect("feed");
    assert_ne!(other.items[0].id, ids[0]);
}

/// An RSS feed whose entries have only a title and, maybe, a date.
fn anonymous_feed(entries: &[(String, Option<u32>)]) -> String {
    let mut xml = String::from("<rss version=\"2.0\"><channel><title>t</title>");
    for (title, day) in entries {
        xml.push_str("<item><title>");
        xml.push_str(&title.replace('&', "&amp;").replace('<', "&lt;"));
        xml.push_str("</title>");
        if let Some(d) = day {
            xml.push_str(&format!(
                "<pubDate>{:02} Mar 2024 10:00:00 GMT</pubDate>",
                d % 28 + 1
            ));
        }
        xml.push_str("</item>");
    }
    xml.push_str("</channel></rss>");
    xml
}

/// `title` with its white space changed but not its words.
fn respaced(title: &str) -> String {
    format!(
        "\n  {}\t ",
        title.split_whitespace().collect::<Vec<_>>().join(" \n ")
    )
}

fn ids(xml: &str) -> Vec<String> {
    parse(xml.as_bytes(), "https://p.example/feed")
        .expect("feed")
        .items
        .into_iter()
        .map(|i| i.id)
        .collect()
}

proptest! {
    #[test]
    fn content_ids_are_stable_and_distinct(
        entries in prop::collection::vec(("[a-zA-Z0-9&<é ]{1,30}", prop::option::of(0u32..60)), 1..8)
    ) {
        let first = ids(&anonymous_feed(&entries));
        // Parsing again, and white space that changes no word, keep every id.
        prop_assert_eq!(&first, &ids(&anonymous_feed(&entries)));
        let spaced: Vec<_> = entries.iter().map(|(t, d)| (respaced(t), *d)).collect();
        prop_assert_eq!(&first, &ids(&anonymous_feed(&spaced)));
        // Entries that differ in their words or their date differ in their id.
        let key = |(t, d): &(String, Option<u32>)| {
            (t.split_whitespace().collect::<Vec<_>>().join(" "), d.map(|d| d % 28))
        };
        for (i, a) in entries.iter().enumerate() {
            for (j, b) in entries.iter().enumerate() {
                if key(a) != key(b) {
                    prop_assert_ne!(&first[i], &first[j]);
                }
            }
        }
    }
}

fn list(args: &[&str]) -> std::process::Output {
    common::krant()
        .args(["--lang", "en", "--list"])
        .args(args)
        .env("XDG_DATA_HOME", common::temp_dir("feeds-data"))
        .output()
        .expect("krant runs")
}

#[test]
fn list_prints_one_json_object() {
    let path = fixture("rss20.xml");
    let out = list(&[path.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["title"], "De Krant van Morgen");
    assert_eq!(json["link"], "https://morgen.example/");
    let items = json["items"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["id"], "morgen-1001");
    assert_eq!(items[0]["published"], "2024-03-05T07:15:00Z");
    assert_eq!(items[1]["title"], "Tram rijdt weer");
    assert_eq!(items[2]["published"], serde_json::Value::Null);
    assert_eq!(items[2]["link"], serde_json::Value::Null);
    let keys: Vec<&str> = items[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 5, "{keys:?}");
}

#[test]
fn list_of_a_broken_feed_is_one_line_and_exit_2() {
    for (name, expected) in [
        ("truncated.xml", "the feed is damaged"),
        ("panic.xml", "the feed is damaged"),
        ("not-a-feed.html", "not a feed"),
    ] {
        let path = fixture(name);
        let out = list(&[path.to_str().expect("utf-8 path")]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(expected) && err.contains(name), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = common::krant()
        .args(["--lang", "de", "--list"])
        .arg(fixture("not-a-feed.html"))
        .output()
        .expect("krant runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("keine Nachrichtenquelle"), "{err}");
}

#[test]
fn list_over_http() {
    let body = std::fs::read(fixture("atom.xml")).expect("fixture");
    let s = server::Server::start(vec![
        ("/feed", server::Reply::ok("application/atom+xml", body)),
        ("/moved", server::Reply::redirect("/feed")),
        ("/gone", server::Reply::status(404)),
        (
            "/page",
            server::Reply::ok("text/html", "<html><body>no</body></html>"),
        ),
    ]);
    let out = list(&[&s.url("/moved")]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["title"], "Observatory Log");
    assert_eq!(json["items"][0]["title"], "Comet bright tonight");

    let out = list(&[&s.url("/gone")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("404"));
    let out = list(&[&s.url("/page")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a feed"));
}

/// Pieces of feeds, to be put together in any order.
const PIECES: &[&str] = &[
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
    "<rss",
    " version=\"0.94\"",
    ">",
    "<channel>",
    "<item>",
    "<title type=\"text/plain\">",
    "</title>",
    "<feed xmlns=\"http://purl.org/atom/ns#\">",
    "<entry>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "&",
    "&nbsp;",
    "&#x0;",
    "&#99999999;",
    ";",
    "é",
    "\u{feff}",
    "\u{1b}[31m",
    "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[",
    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"",
    "<",
    "\"",
    "'",
    " ",
];

proptest! {
    #[test]
    fn any_mix_of_feed_pieces_parses_or_fails_cleanly(
        picks in prop::collection::vec(0..PIECES.len(), 0..40),
        bytes in prop::collection::vec(any::<u8>(), 0..8),
    ) {
        let mut input: Vec<u8> = picks.iter().flat_map(|&i| PIECES[i].bytes()).collect();
        input.extend(bytes);
        if let Ok(feed) = parse(&input, "x") {
            for item in feed.items {
                prop_assert!(!item.id.is_empty());
                for text in [item.title, item.summary].into_iter().flatten() {
                    prop_assert!(!text.contains('\x1b'), "{:?}", text);
                }
            }
        }
        let _ = krant::feeds::opml::read_list(&input);
        let _ = krant::feeds::commands::alternate_feed(&String::from_utf8_lossy(&input));
    }
}
