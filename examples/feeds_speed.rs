//! How fast the feed screens open and a refresh runs, in the release build:
//!
//! ```sh
//! cargo run --release --example feeds_speed
//! ```
//!
//! 1. A database of 500 subscriptions and 50,000 cached items (100 a feed) is written to a
//!    temporary folder; then, each round, the first frame of the feed list is timed the way
//!    `krant` makes it: the database opened (without the integrity check), the feed list and its
//!    counts read, and the list drawn (TestBackend, 120x40). Also timed on their own: the list
//!    query, a feed of 10,000 items, and a search.
//! 2. 200 feeds of 20 items are served on the loopback interface and refreshed (8 at a time),
//!    a first time (everything new) and a second (nothing new, each feed fetched again).
//!
//! Medians of the rounds are printed; the machine's load moves single figures.
//!
//! `cargo run --release --example feeds_speed -- --write DIR` only writes the database, to
//! `DIR/krant/feeds.sqlite`, so that `XDG_DATA_HOME=DIR krant` opens it.

#[allow(dead_code)]
#[path = "../tests/common/server.rs"]
mod server;

use krant::app::feeds::Feeds;
use krant::app::Model;
use krant::feeds::parse::Item;
use krant::feeds::store::FeedStore;
use krant::i18n::I18n;
use krant::input::Source;
use krant::lang::Lang;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROUNDS: usize = 9;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn item(feed: usize, k: usize) -> Item {
    Item {
        id: format!("{feed}-{k}"),
        title: Some(format!(
            "Item {k} of feed {feed}: a headline of ordinary length"
        )),
        link: Some(format!("https://feed{feed}.example/{k}")),
        published: Some(format!(
            "2024-{:02}-{:02}T{:02}:00:00Z",
            1 + k % 12,
            1 + k % 28,
            k % 24
        )),
        summary: Some(format!(
            "The summary of item {k} of feed {feed}, a sentence or two of plain text as feeds \
             give them, about the water board, the tram and the weather."
        )),
        content: None,
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("krant-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let _ = std::fs::create_dir_all(&d);
    d
}

fn build(db: &Path, feeds: usize, per_feed: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = FeedStore::open(db)?;
    let subs: Vec<_> = (0..feeds)
        .map(|f| krant::feeds::store::Subscription {
            url: format!("https://feed{f}.example/rss"),
            title: Some(format!("Feed number {f}")),
            tags: vec![["news", "tech", "local"][f % 3].to_owned()],
        })
        .collect();
    store.add_all(&subs)?;
    for (f, sub) in subs.iter().enumerate() {
        let items: Vec<Item> = (0..per_feed).map(|k| item(f, k)).collect();
        store.store_items(&sub.url, &items)?;
    }
    // A feed of 10,000 items, for the item list.
    store.add("https://big.example/rss", Some("The big feed"), &[])?;
    let big: Vec<Item> = (0..10_000).map(|k| item(feeds, k)).collect();
    store.store_items("https://big.example/rss", &big)?;
    Ok(())
}

fn first_frame(db: &Path) -> Result<Duration, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let store = FeedStore::open_existing(db)?;
    let rows = store.feed_list()?;
    let doc = krant::input::open(Vec::new())?;
    let mut m = Model::new(doc, Source::Stdin, I18n::new(Lang::En), 120, 40);
    m.feeds = Some(Feeds::new(db.to_owned(), rows));
    let theme = krant::ui::Theme { color: false };
    let mut term = Terminal::new(TestBackend::new(120, 40))?;
    term.draw(|f| krant::ui::view(&m, &theme, f))?;
    Ok(start.elapsed())
}

fn time<T>(f: impl Fn() -> T) -> Duration {
    let v: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(f());
            s.elapsed()
        })
        .collect();
    median(v)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `--write DIR`: only write the database, as DIR/krant/feeds.sqlite (XDG_DATA_HOME=DIR
    // krant then opens it), to time the whole program.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = &args[..] {
        if flag == "--write" {
            let db = Path::new(dir).join("krant/feeds.sqlite");
            std::fs::create_dir_all(Path::new(dir).join("krant"))?;
            let _ = std::fs::remove_file(&db);
            build(&db, 500, 100)?;
            println!("{}", db.display());
            return Ok(());
        }
    }
    let dir = temp_dir("feeds-speed");
    let db = dir.join("feeds.sqlite");
    let t = Instant::now();
    build(&db, 500, 100)?;
    println!(
        "database: 500 feeds x 100 items + one of 10,000 written in {:.1} s ({} MB)",
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&db).map_or(0, |m| m.len() >> 20)
    );
    let frames: Vec<Duration> = (0..ROUNDS)
        .map(|_| first_frame(&db))
        .collect::<Result<_, _>>()?;
    println!(
        "first frame of the feed list (open + list + draw): median {}",
        ms(median(frames))
    );
    let store = FeedStore::open(&db)?;
    println!(
        "  open with the integrity check (the command line): median {}",
        ms(time(|| FeedStore::open(&db).is_ok()))
    );
    println!(
        "  open without it (the feed screens): median {}",
        ms(time(|| FeedStore::open_existing(&db).is_ok()))
    );
    println!(
        "  feed list query: median {}",
        ms(time(|| store.feed_list().map(|r| r.len())))
    );
    let big = store
        .feed_list()?
        .into_iter()
        .find(|r| r.total == 10_000)
        .map_or(0, |r| r.id);
    println!(
        "  items of a 10,000-item feed: median {}",
        ms(time(|| store.items(big).map(|r| r.len())))
    );
    println!(
        "  search \"water tram\" (at most 1000 results): median {}",
        ms(time(|| store
            .search_items("water tram", 1000)
            .map(|r| r.len())))
    );
    drop(store);

    // Refresh: 200 feeds of 20 items on the loopback server.
    let routes: Vec<(String, server::Reply)> = (0..200)
        .map(|f| {
            let mut s = format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local {f}</title>"
            );
            for k in 0..20 {
                s.push_str(&format!(
                    "<item><guid>{f}-{k}</guid><title>Local item {k}</title>\
                     <link>https://local.example/{f}/{k}</link>\
                     <description>Text of item {k}.</description></item>"
                ));
            }
            s.push_str("</channel></rss>");
            (
                format!("/f{f}"),
                server::Reply::ok("application/rss+xml", s),
            )
        })
        .collect();
    let routes: Vec<(&str, server::Reply)> = routes
        .iter()
        .map(|(p, r)| (p.as_str(), r.clone()))
        .collect();
    let s = server::Server::start(routes);
    let rdb = dir.join("refresh.sqlite");
    let mut store = FeedStore::open(&rdb)?;
    for f in 0..200 {
        store.add(&s.url(&format!("/f{f}")), None, &[])?;
    }
    let never = Arc::new(AtomicBool::new(false));
    for round in ["first (all new)", "second (nothing new)"] {
        let targets = store.refresh_targets(None)?;
        let t = Instant::now();
        let summary = krant::feeds::refresh::refresh(
            &mut store,
            targets,
            &krant::feeds::refresh::Options::default(),
            &never,
            &mut |_| {},
        );
        println!(
            "refresh of 200 local feeds, {round}: {:.2} s ({} new items, {} failed)",
            t.elapsed().as_secs_f64(),
            summary.new_items,
            summary.failed
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
