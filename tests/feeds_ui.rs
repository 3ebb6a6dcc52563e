//! The feed screens end to end: the real binary in tmux, subscribed to a feed on the loopback
//! server. The feed list opens, Enter lists the items, Enter reads one (its summary at once,
//! then its page in reader mode), `q` goes back step by step, `r` refreshes in the background.

mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use common::{bin, Tmux};
use server::{Reply, Server};

fn site() -> Server {
    let prose = "goes on for a while, so that the page reads like an article, with commas, \
                 full stops and enough words to be taken for the main text of the page.";
    let story = format!(
        "<!doctype html><html lang=\"en\"><head><title>Dike strengthened at Kampen</title></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Dike strengthened at Kampen</h1>\
         <p>The water board finished the work on Friday and {prose}</p><h2>What the work cost</h2>\
         <p>The bill came to four million euros and {prose}</p></article></body></html>"
    );
    // The page arrives a little late, so that the summary is seen first.
    let late = Reply::Delay(
        std::time::Duration::from_millis(600),
        Box::new(Reply::ok("text/html; charset=utf-8", story)),
    );
    Server::start(vec![
        ("/feed", Reply::ok("application/rss+xml", feed())),
        ("/dike", late),
    ])
}

fn feed() -> String {
    // The item's link is filled in below, once the server's address is known.
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>The Loopback Times</title>\
     <link>http://127.0.0.1/</link>\
     <item><guid>dike</guid><title>Dike strengthened at Kampen</title><link>LINK</link>\
     <pubDate>Tue, 03 Dec 2024 09:00:00 GMT</pubDate>\
     <description>A short teaser about the dike.</description></item>\
     <item><guid>tram</guid><title>Tram runs again</title>\
     <pubDate>Mon, 02 Dec 2024 09:00:00 GMT</pubDate>\
     <description>After the repairs the tram runs again.</description></item>\
     </channel></rss>"
        .to_owned()
}

#[test]
fn subscribe_open_the_list_a_feed_an_item_and_go_back() {
    // The page on one server, the feed that links to it on another.
    let pages = site();
    let link = pages.url("/dike");
    let s = Server::start(vec![(
        "/feed",
        Reply::ok("application/rss+xml", feed().replace("LINK", &link)),
    )]);
    let url = s.url("/feed");
    let t = Tmux::start(
        "feeds-ui",
        100,
        30,
        &format!("{b} --add '{url}' >/dev/null && {b}", b = bin()),
    );
    let list = t.wait_all(&["1 feed", "(2/2) The Loopback Times", "2 unread"]);
    assert!(list.contains("q quit"), "{list}");

    t.keys(&["Enter"]);
    let items = t.wait_all(&[
        "2 items · 2 unread",
        "Dike strengthened at Kampen",
        "Tram runs",
    ]);
    assert!(
        items.contains("●  2024-12-03  Dike strengthened"),
        "{items}"
    );

    // The summary first, then the page in reader mode.
    t.keys(&["Enter"]);
    t.wait_all(&["A short teaser about the dike.", "q back to the list"]);
    t.wait_all(&["The water board finished the work", "What the work cost"]);

    // q: back to the item list, where the item is read now; q again: the feed list.
    t.keys(&["q"]);
    let items = t.wait_text("2 items · 1 unread");
    assert!(
        items.contains("   2024-12-03  Dike strengthened"),
        "{items}"
    );
    // An item without a link shows its summary.
    t.keys(&["j", "Enter"]);
    t.wait_text("After the repairs the tram runs again.");
    t.keys(&["BSpace"]);
    t.wait_text("2 items · 0 unread");
    t.keys(&["q"]);
    t.wait_all(&["1 feed", "(0/2) The Loopback Times"]);

    // r refreshes in the background and says what came.
    t.keys(&["r"]);
    t.wait_text("feeds refreshed: 1; new items: 0");
    t.keys(&["q"]);
    t.wait_for("krant to quit", |_| t.dead());
}

#[test]
fn without_subscriptions_the_sample_opens() {
    // An empty feed database (subscribed, then unsubscribed) is no subscription.
    let s = site();
    let url = s.url("/feed");
    let t = Tmux::start(
        "feeds-none",
        100,
        30,
        &format!(
            "{b} --add '{url}' >/dev/null && {b} --remove '{url}' >/dev/null && {b}",
            b = bin()
        ),
    );
    t.wait_all(&["VS-sancties tegen Noord-Koreaanse", "? help"]);
}

/// A feed database that is not one is moved aside (never emptied) with a notice, and the sample
/// opens.
#[test]
fn a_damaged_feed_database_is_moved_aside_with_a_notice() {
    let t = Tmux::start("feeds-damaged", 160, 30, "sleep 30");
    let dir = t.home.join("data/krant");
    std::fs::create_dir_all(&dir).unwrap();
    let garbage = b"this is no database, but it is somebody's file\n".repeat(200);
    std::fs::write(dir.join("feeds.sqlite"), &garbage).unwrap();
    t.respawn(bin());
    t.wait_all(&[
        "VS-sancties tegen Noord-Koreaanse",
        "feed database was damaged",
    ]);
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(aside.len(), 1, "moved aside once");
    assert_eq!(
        std::fs::read(aside[0].path()).unwrap(),
        garbage,
        "kept whole"
    );
}
