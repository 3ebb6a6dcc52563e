//! Refreshing subscriptions against feeds served on the loopback interface: "not modified"
//! answers, permanent and temporary redirects, feeds that fail in every way while the others
//! go on, two connections refreshing at once, two hundred feeds, and `krant --refresh`.

mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use krant::feeds::refresh::{self, Failure, Options, Outcome, Report};
use krant::feeds::store::FeedStore;
use server::{Reply, Server};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// An RSS feed named `name` with `n` items, each with an id, a title and a link.
pub fn rss(name: &str, n: usize) -> Vec<u8> {
    let mut s = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title>\
         <link>https://{name}.example/</link>"
    );
    for k in 0..n {
        s.push_str(&format!(
            "<item><guid>{name}-{k}</guid><title>{name} item {k}</title>\
             <link>https://{name}.example/{k}</link>\
             <pubDate>Tue, 03 Dec 2024 {:02}:00:00 GMT</pubDate>\
             <description>Text of item {k} of {name}.</description></item>",
            k % 24
        ));
    }
    s.push_str("</channel></rss>");
    s.into_bytes()
}

fn store_at(name: &str) -> (PathBuf, FeedStore) {
    let path = common::temp_dir(name).join("feeds.sqlite");
    let store = FeedStore::open(&path).expect("store");
    (path, store)
}

fn run(store: &mut FeedStore, options: &Options) -> (refresh::Summary, Vec<Report>) {
    let targets = store.refresh_targets(None).expect("targets");
    let never = Arc::new(AtomicBool::new(false));
    let mut reports = Vec::new();
    let summary = refresh::refresh(store, targets, options, &never, &mut |r| {
        reports.push(r.clone())
    });
    (summary, reports)
}

#[test]
fn not_modified_redirects_and_failures() {
    let s = Server::start(vec![
        (
            "/tagged",
            Reply::Tagged(
                "\"v1\"".into(),
                "application/rss+xml".into(),
                rss("tagged", 3),
            ),
        ),
        ("/old", Reply::moved("/new")),
        (
            "/old308",
            Reply::Full(308, vec![("Location".into(), "/new308".into())], Vec::new()),
        ),
        (
            "/new308",
            Reply::ok("application/rss+xml", rss("moved308", 1)),
        ),
        ("/new", Reply::ok("application/rss+xml", rss("moved", 2))),
        ("/temporary", Reply::redirect("/elsewhere")),
        (
            "/elsewhere",
            Reply::ok("application/rss+xml", rss("elsewhere", 1)),
        ),
        ("/forbidden", Reply::status(403)),
        (
            "/broken",
            Reply::ok(
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>x",
            ),
        ),
        (
            "/page",
            Reply::ok("text/html", "<html><body>no feed</body></html>"),
        ),
        (
            "/slow",
            Reply::Delay(
                Duration::from_secs(3),
                Box::new(Reply::ok("application/rss+xml", rss("slow", 1))),
            ),
        ),
    ]);
    let (_, mut store) = store_at("refresh-kinds");
    let paths = [
        "/tagged",
        "/old",
        "/old308",
        "/temporary",
        "/forbidden",
        "/missing",
        "/broken",
        "/page",
        "/slow",
    ];
    for p in paths {
        store.add(&s.url(p), None, &[]).expect("add");
    }
    let ids: HashMap<String, i64> = store
        .refresh_targets(None)
        .expect("targets")
        .into_iter()
        .map(|t| (t.url, t.id))
        .collect();
    let id = |p: &str| ids[&s.url(p)];
    let mut options = Options::default();
    options.limits.total = Duration::from_secs(1);
    let (summary, reports) = run(&mut store, &options);
    let outcome = |reports: &[Report], p: &str| {
        reports
            .iter()
            .find(|r| r.feed == id(p))
            .map(|r| (r.outcome.clone(), r.moved_to.clone()))
            .expect("reported")
    };
    assert_eq!(
        outcome(&reports, "/tagged"),
        (Outcome::Fetched { new: 3 }, None)
    );
    assert_eq!(
        outcome(&reports, "/old"),
        (Outcome::Fetched { new: 2 }, Some(s.url("/new")))
    );
    assert_eq!(
        outcome(&reports, "/old308"),
        (Outcome::Fetched { new: 1 }, Some(s.url("/new308")))
    );
    assert_eq!(
        outcome(&reports, "/temporary"),
        (Outcome::Fetched { new: 1 }, None)
    );
    let failed = |p: &str, f: Failure| {
        assert_eq!(outcome(&reports, p), (Outcome::Failed(f), None), "{p}");
    };
    failed("/forbidden", Failure::Status(403));
    failed("/missing", Failure::Status(404));
    failed("/broken", Failure::Broken);
    failed("/page", Failure::NotAFeed);
    failed("/slow", Failure::Timeout);
    assert_eq!(
        (
            summary.feeds,
            summary.updated,
            summary.failed,
            summary.new_items
        ),
        (9, 4, 5, 7)
    );

    // The list shows each failure, the permanent move, and the temporary address unchanged.
    let rows = store.feed_list().expect("list");
    let row = |id: i64| rows.iter().find(|r| r.id == id).expect("row");
    assert_eq!(row(id("/forbidden")).error.as_deref(), Some("status 403"));
    assert_eq!(row(id("/slow")).error.as_deref(), Some("timeout"));
    assert_eq!(row(id("/old")).url, s.url("/new"));
    assert_eq!(row(id("/temporary")).url, s.url("/temporary"));
    assert_eq!(
        (row(id("/tagged")).unread, row(id("/tagged")).total),
        (3, 3)
    );
    assert!(row(id("/tagged")).error.is_none());
    // Subscribed without a title, a feed takes its own.
    assert_eq!(row(id("/tagged")).title.as_deref(), Some("tagged"));

    // A mark survives the next refresh, which the server answers with 304.
    let first = store.items(id("/tagged")).expect("items")[0].id;
    store.set_read(first, true).expect("read");
    store.set_starred(first, true).expect("star");
    let (summary, reports) = run(&mut store, &options);
    assert_eq!(
        outcome(&reports, "/tagged"),
        (Outcome::Unchanged, None),
        "{summary:?}"
    );
    // The moved feed is fetched at its new address.
    assert_eq!(
        outcome(&reports, "/old"),
        (Outcome::Fetched { new: 0 }, None)
    );
    let items = store.items(id("/tagged")).expect("items");
    let marked = items.iter().find(|i| i.id == first).expect("item");
    assert!(marked.read && marked.starred);
    assert_eq!(
        store.feed_list().expect("list")[..]
            .iter()
            .find(|r| r.id == id("/tagged"))
            .map(|r| r.unread),
        Some(2)
    );
}

/// `n` feeds of `items` items each, served at `/f0`, `/f1`…
fn many_feeds(n: usize, items: usize) -> Server {
    let routes: Vec<(String, Reply)> = (0..n)
        .map(|k| {
            (
                format!("/f{k}"),
                Reply::ok("application/rss+xml", rss(&format!("feed{k}"), items)),
            )
        })
        .collect();
    let routes: Vec<(&str, Reply)> = routes
        .iter()
        .map(|(p, r)| (p.as_str(), r.clone()))
        .collect();
    Server::start(routes)
}

#[test]
fn two_connections_refreshing_at_once_lose_nothing() {
    let s = many_feeds(40, 25);
    let (path, mut store) = store_at("refresh-together");
    for k in 0..40 {
        store
            .add(&s.url(&format!("/f{k}")), None, &[])
            .expect("add");
    }
    drop(store);
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = FeedStore::open(&path).expect("store");
                run(&mut store, &Options::default()).0
            })
        })
        .collect();
    let summaries: Vec<_> = handles
        .into_iter()
        .map(|h| h.join().expect("joins"))
        .collect();
    for s in &summaries {
        assert_eq!((s.feeds, s.failed), (40, 0), "{s:?}");
    }
    // Every item once, whichever connection wrote it first.
    assert_eq!(
        summaries.iter().map(|s| s.new_items).sum::<usize>(),
        40 * 25
    );
    let store = FeedStore::open(&path).expect("store");
    let rows = store.feed_list().expect("list");
    assert_eq!(rows.len(), 40);
    assert!(rows.iter().all(|r| r.total == 25 && r.error.is_none()));
}

#[test]
fn two_hundred_feeds_refresh_together() {
    let s = many_feeds(200, 20);
    let (_, mut store) = store_at("refresh-200");
    for k in 0..200 {
        store
            .add(&s.url(&format!("/f{k}")), None, &[])
            .expect("add");
    }
    let start = std::time::Instant::now();
    let (summary, _) = run(&mut store, &Options::default());
    eprintln!("200 feeds of 20 items refreshed in {:?}", start.elapsed());
    assert_eq!(
        (summary.feeds, summary.updated, summary.new_items),
        (200, 200, 4000)
    );
}

#[test]
fn refresh_on_the_command_line() {
    let s = Server::start(vec![
        ("/a", Reply::ok("application/rss+xml", rss("a", 4))),
        ("/gone", Reply::status(410)),
    ]);
    let home = common::temp_dir("refresh-cli");
    let krant = |args: &[&str]| {
        common::krant()
            .args(["--lang", "en"])
            .args(args)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .output()
            .expect("runs")
    };
    assert!(krant(&["--add", &s.url("/a")]).status.success());
    let path = home.join("data/krant/feeds.sqlite");
    FeedStore::open(&path)
        .expect("store")
        .add(&s.url("/gone"), None, &[])
        .expect("add");
    let out = krant(&["--refresh"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        said,
        "feeds refreshed: 2; new items: 0; unchanged: 0; failed: 1\n"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        format!("krant: {}: the server answered 410\n", s.url("/gone"))
    );
}

#[test]
fn two_processes_refreshing_at_once_lose_nothing() {
    let s = many_feeds(30, 10);
    let home = common::temp_dir("refresh-processes");
    let path = home.join("data/krant/feeds.sqlite");
    std::fs::create_dir_all(home.join("data/krant")).expect("folder");
    let mut store = FeedStore::open(&path).expect("store");
    for k in 0..30 {
        store
            .add(&s.url(&format!("/f{k}")), None, &[])
            .expect("add");
    }
    drop(store);
    let spawn = || {
        common::krant()
            .args(["--lang", "en", "--refresh"])
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawns")
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().expect("waits");
        assert!(out.status.success(), "{out:?}");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.contains("feeds refreshed: 30;") && said.contains("failed: 0"),
            "{said}"
        );
    }
    let rows = FeedStore::open(&path)
        .expect("store")
        .feed_list()
        .expect("list");
    assert_eq!(rows.len(), 30);
    assert!(
        rows.iter().all(|r| r.total == 10 && r.error.is_none()),
        "{rows:?}"
    );
}
