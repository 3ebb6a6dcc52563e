//! Subscriptions through the real binary: `--add` (a feed, or a page naming one), `--remove`,
//! `--import` (OPML, newsboat's urls), `--export`, a damaged database, and processes writing at
//! once. Each test has its own data folder (XDG_DATA_HOME).

mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    common::fixture("feeds", name)
}

fn krant(home: &Path, args: &[&str]) -> Output {
    common::krant()
        .arg("--lang")
        .arg("en")
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .expect("krant runs")
}

fn ok(home: &Path, args: &[&str]) -> String {
    let out = krant(home, args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The feeds of an export: (address, tags), sorted.
fn exported(home: &Path) -> Vec<(String, Vec<String>)> {
    let opml = ok(home, &["--export"]);
    let mut subs: Vec<_> = krant::feeds::opml::read_list(opml.as_bytes())
        .expect("OPML")
        .into_iter()
        .map(|s| (s.url, s.tags))
        .collect();
    subs.sort();
    subs
}

#[test]
fn add_export_remove_a_file_feed() {
    let home = common::temp_dir("feeds-add");
    let feed = fixture("rss20.xml");
    let path = feed.to_str().expect("UTF-8 path");
    let said = ok(&home, &["--add", path]);
    assert!(said.contains("subscribed (De Krant van Morgen)"), "{said}");
    assert!(ok(&home, &["--add", path]).contains("already subscribed"));
    let subs = exported(&home);
    assert_eq!(subs.len(), 1);
    assert!(subs[0].0.ends_with("rss20.xml"), "{subs:?}");
    assert!(ok(&home, &["--export"]).contains("De Krant van Morgen"));
    // Its items were stored and can be searched.
    let store =
        krant::feeds::store::FeedStore::open(&home.join("data/krant/feeds.sqlite")).expect("store");
    assert_eq!(store.search("waterschap").expect("search").len(), 1);
    drop(store);

    ok(&home, &["--remove", path]);
    assert!(exported(&home).is_empty());
    let out = krant(&home, &["--remove", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not subscribed"));
    // A feed that makes the parser panic is one line, like any damaged feed.
    let panics = fixture("panic.xml");
    let out = krant(&home, &["--add", panics.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the feed is damaged"), "{err}");
    let out = krant(
        &home,
        &["--add", fixture("not-a-feed.html").to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the page names none"));
}

#[test]
fn add_a_page_that_names_its_feed() {
    let home = common::temp_dir("feeds-page");
    let atom = std::fs::read(fixture("atom.xml")).expect("fixture");
    let s = server::Server::start(vec![
        (
            "/blog/post",
            server::Reply::ok(
                "text/html",
                r#"<html><head><link rel="alternate" type="application/atom+xml" href="../feed.atom"></head><body>post</body></html>"#,
            ),
        ),
        (
            "/feed.atom",
            server::Reply::ok("application/atom+xml", atom),
        ),
    ]);
    let said = ok(&home, &["--add", &s.url("/blog/post")]);
    assert!(said.contains("Observatory Log"), "{said}");
    assert_eq!(exported(&home), [(s.url("/feed.atom"), vec![])]);
}

const OPML: &str = r#"<?xml version="1.0"?>
<opml>
  <head><title>mine</title></head>
  <body>
    <outline text="News">
      <outline text="Local">
        <outline text="Harbour" xmlUrl="https://harbour.example/rss"/>
      </outline>
      <outline text="Village" xmlUrl="https://village.example/rss"/>
    </outline>
    <outline text="Loose &amp; free" xmlUrl="https://loose.example/rss?a=1&b=2"/>
  </body>
</opml>
"#;

#[test]
fn import_and_export_round_trip_with_tags() {
    let home = common::temp_dir("feeds-opml");
    let file = home.join("in.opml");
    std::fs::write(&file, OPML).expect("write");
    let said = ok(&home, &["--import", file.to_str().expect("path")]);
    assert!(said.contains("read: 3; new: 3"), "{said}");
    let first = exported(&home);
    let s = |v: &str| v.to_owned();
    assert_eq!(
        first,
        [
            (
                s("https://harbour.example/rss"),
                vec![s("Local"), s("News")]
            ),
            (s("https://loose.example/rss?a=1&b=2"), vec![]),
            (s("https://village.example/rss"), vec![s("News")]),
        ]
    );
    // The export, imported elsewhere, exports the same.
    let other = common::temp_dir("feeds-opml-2");
    let again = other.join("again.opml");
    std::fs::write(&again, ok(&home, &["--export"])).expect("write");
    ok(&other, &["--import", again.to_str().expect("path")]);
    assert_eq!(exported(&other), first);
    assert_eq!(ok(&other, &["--export"]), ok(&home, &["--export"]));
}

#[test]
fn import_newsboat_urls() {
    let home = common::temp_dir("feeds-urls");
    let file = home.join("urls");
    std::fs::write(
        &file,
        "# newsboat\nhttps://a.example/rss news \"long tag\" \"~My name\" !\n\
         \"query:unread:unread = \\\"yes\\\"\"\nhttps://b.example/atom\n",
    )
    .expect("write");
    ok(&home, &["--import", file.to_str().expect("path")]);
    let s = |v: &str| v.to_owned();
    assert_eq!(
        exported(&home),
        [
            (s("https://a.example/rss"), vec![s("long tag"), s("news")]),
            (s("https://b.example/atom"), vec![]),
        ]
    );
    let junk = home.join("junk.txt");
    std::fs::write(&junk, "not a list\nof anything\n").expect("write");
    let out = krant(&home, &["--import", junk.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither OPML"));
}

#[test]
fn a_damaged_database_is_moved_aside_with_a_notice() {
    let home = common::temp_dir("feeds-damaged");
    let dir = home.join("data/krant");
    std::fs::create_dir_all(&dir).expect("dir");
    let junk = b"SQLite format 3\0 but then nothing that makes sense ".repeat(100);
    std::fs::write(dir.join("feeds.sqlite"), &junk).expect("write");
    let out = krant(&home, &["--export"]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("was damaged") && err.contains("moved to"),
        "{err}"
    );
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(aside[0].path()).expect("read"), junk);
    // The new database works, and the next run has nothing to say.
    let out = krant(&home, &["--export"]);
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn processes_writing_at_once_lose_nothing() {
    let home = common::temp_dir("feeds-race");
    const PROCESSES: usize = 8;
    const EACH: usize = 40;
    let mut children = Vec::new();
    for p in 0..PROCESSES {
        let list = home.join(format!("urls-{p}"));
        let text: String = (0..EACH)
            .map(|n| format!("https://f{p}-{n}.example/rss tag{p} shared\n"))
            .collect();
        std::fs::write(&list, text).expect("write");
        children.push(
            common::krant()
                .args(["--lang", "en", "--import"])
                .arg(&list)
                .env("HOME", &home)
                .env("XDG_DATA_HOME", home.join("data"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn"),
        );
    }
    // And one adding a feed file meanwhile.
    let feed = fixture("atom.xml");
    let adder = common::krant()
        .args(["--lang", "en", "--add"])
        .arg(&feed)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    children.push(adder);
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let subs = exported(&home);
    assert_eq!(subs.len(), PROCESSES * EACH + 1);
    for p in 0..PROCESSES {
        let tagged = subs
            .iter()
            .filter(|(_, t)| t.contains(&format!("tag{p}")) && t.contains(&"shared".to_owned()))
            .count();
        assert_eq!(tagged, EACH, "process {p}");
    }
}
