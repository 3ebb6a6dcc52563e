//! The feed screens without a terminal: the model driven by actions, the database's answers
//! handed over as the event loop would, and the screen drawn to a TestBackend. A feed of 10,000
//! cached items lists, scrolls to its end and opens an item; an item that carries its whole
//! article opens as that article; every interface language draws the feed list.

mod common;

use krant::app::action::FeedAction;
use krant::app::feeds::{Feeds, Request, Screen};
use krant::app::{update, Action, Model};
use krant::feeds::parse::Item;
use krant::feeds::store::FeedStore;
use krant::i18n::I18n;
use krant::input::Source;
use krant::lang::Lang;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn render(m: &Model) -> String {
    let theme = krant::ui::Theme { color: false };
    let mut term = Terminal::new(TestBackend::new(m.width, m.height)).expect("backend");
    term.draw(|f| krant::ui::view(m, &theme, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..m.height {
        for x in 0..m.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn item(k: usize, content: Option<String>) -> Item {
    Item {
        id: format!("item-{k}"),
        title: Some(format!("Item number {k}")),
        link: Some(format!("https://big.example/{k}")),
        published: Some(format!(
            "2024-{:02}-{:02}T{:02}:{:02}:00Z",
            1 + k / 28 / 24 / 60 % 12,
            1 + k / 24 / 60 % 28,
            k / 60 % 24,
            k % 60
        )),
        summary: Some(format!("The summary of item {k}.")),
        content,
    }
}

/// The requests the model left for the database thread.
fn requests(m: &mut Model) -> Vec<Request> {
    m.feeds
        .as_mut()
        .map(|f| std::mem::take(&mut f.requests))
        .unwrap_or_default()
}

fn feeds_model(store: &FeedStore, db: std::path::PathBuf, lang: Lang) -> Model {
    let doc = krant::input::open(Vec::new()).expect("empty document");
    let mut m = Model::new(doc, Source::Stdin, I18n::new(lang), 100, 30);
    m.feeds = Some(Feeds::new(db, store.feed_list().expect("list")));
    m
}

fn feeds(m: &Model) -> &Feeds {
    m.feeds.as_ref().expect("feed screens")
}

#[test]
fn ten_thousand_cached_items_list_scroll_and_open() {
    let dir = common::temp_dir("screens-10k");
    let db = dir.join("feeds.sqlite");
    let mut store = FeedStore::open(&db).expect("store");
    let url = "https://big.example/feed";
    store.add(url, Some("The Big Feed"), &[]).expect("add");
    store
        .add(
            "https://small.example/feed",
            Some("Zed, a Small Feed"),
            &["news".into()],
        )
        .expect("add");
    let items: Vec<Item> = (0..10_000).map(|k| item(k, None)).collect();
    assert_eq!(store.store_items(url, &items).expect("items"), 10_000);
    let mut m = feeds_model(&store, db, Lang::En);

    let screen = render(&m);
    assert!(screen.contains("2 feeds"), "{screen}");
    assert!(screen.contains("(10000/10000) The Big Feed"), "{screen}");
    assert!(screen.contains("news"), "{screen}");

    // Enter asks for the items of the feed under the cursor; they arrive and are listed.
    update(&mut m, Action::Feeds(FeedAction::Open));
    let id = feeds(&m).rows[0].id;
    assert_eq!(requests(&mut m), [Request::Items(id)]);
    assert!(render(&m).contains("reading…"));
    let rows = store.items(id).expect("items");
    assert_eq!(rows.len(), 10_000);
    update(
        &mut m,
        Action::Feeds(FeedAction::Items {
            feed: Some(id),
            rows,
        }),
    );
    let screen = render(&m);
    assert!(screen.contains("10000 items · 10000 unread"), "{screen}");
    // Newest first.
    assert!(screen.contains("Item number 9999"), "{screen}");
    // The wheel moves a row at a time.
    let wheel = |delta| Action::Wheel {
        column: 10,
        row: 10,
        delta,
    };
    update(&mut m, wheel(3));
    update(&mut m, wheel(3));
    update(&mut m, wheel(-3));
    assert_eq!(feeds(&m).items.as_ref().map(|l| l.cursor), Some(1));

    // The help opens over the list, and the next key only closes it.
    update(&mut m, Action::Feeds(FeedAction::Help));
    assert!(render(&m).contains("star or unstar the item"));
    update(&mut m, Action::Feeds(FeedAction::Bottom));
    assert!(!render(&m).contains("star or unstar the item"));
    assert_eq!(feeds(&m).items.as_ref().map(|l| l.cursor), Some(1));
    update(&mut m, Action::Feeds(FeedAction::Bottom));
    let screen = render(&m);
    assert!(screen.contains("Item number 0 "), "{screen}");
    let list = feeds(&m).items.as_ref().expect("list");
    assert_eq!(list.cursor, 9_999);

    // Enter opens the item: it is marked read here at once, and asked for.
    update(&mut m, Action::Feeds(FeedAction::Open));
    let item_id = feeds(&m).selected_item().map(|r| r.id).expect("item");
    assert_eq!(requests(&mut m), [Request::Open(item_id)]);
    assert_eq!(feeds(&m).rows[0].unread, 9_999);
    store.set_read(item_id, true).expect("read");
    let text = store.item(item_id).expect("item").expect("there");
    update(&mut m, Action::Feeds(FeedAction::ItemText(Box::new(text))));
    // No full text: the summary shows while the page is fetched.
    assert_eq!(feeds(&m).screen, Screen::Reader);
    assert!(m.doc.article.text.contains("The summary of item 0."));
    assert_eq!(
        m.loading.as_ref().map(|l| l.request.source.clone()),
        Some(Source::Url("https://big.example/0".into()))
    );
    // q stops the download first, then goes back to the list.
    update(&mut m, Action::Quit);
    assert!(m.loading.is_none());
    assert_eq!(feeds(&m).screen, Screen::Reader);
    update(&mut m, Action::Quit);
    assert_eq!(feeds(&m).screen, Screen::Items);
    assert!(!m.quit);
    update(&mut m, Action::Feeds(FeedAction::Back));
    assert_eq!(feeds(&m).screen, Screen::Feeds);
    assert_eq!(requests(&mut m), [Request::Feeds]);
    update(&mut m, Action::Feeds(FeedAction::Quit));
    assert!(m.quit);
}

#[test]
fn an_item_that_carries_its_article_opens_as_it() {
    let dir = common::temp_dir("screens-content");
    let db = dir.join("feeds.sqlite");
    let mut store = FeedStore::open(&db).expect("store");
    let url = "https://full.example/feed";
    store.add(url, Some("Full Text"), &[]).expect("add");
    let body = "<p>The whole article is here, every word of it. </p>".repeat(40);
    store
        .store_items(url, &[item(1, Some(format!("<h2>First part</h2>{body}")))])
        .expect("items");
    let mut m = feeds_model(&store, db, Lang::En);
    update(&mut m, Action::Feeds(FeedAction::Open));
    let id = feeds(&m).rows[0].id;
    let rows = store.items(id).expect("items");
    update(
        &mut m,
        Action::Feeds(FeedAction::Items {
            feed: Some(id),
            rows,
        }),
    );
    update(&mut m, Action::Feeds(FeedAction::Open));
    let item_id = feeds(&m).selected_item().map(|r| r.id).expect("item");
    let text = store.item(item_id).expect("item").expect("there");
    update(&mut m, Action::Feeds(FeedAction::ItemText(Box::new(text))));
    assert_eq!(feeds(&m).screen, Screen::Reader);
    assert!(m.loading.is_none(), "nothing to fetch");
    assert!(m.doc.article.text.contains("every word of it"));
    assert!(m.doc.article.sections.iter().any(|s| {
        m.doc.article.text[m.doc.article.blocks[s.block].range.clone()].contains("First part")
    }));
    let screen = render(&m);
    assert!(screen.contains("Item number 1"), "{screen}");
    // The reader's help says where q leads from an item.
    update(&mut m, Action::Help);
    let help = render(&m);
    assert!(help.contains("q  back to the list"), "{help}");
    update(&mut m, Action::Escape);
    // Backspace with nothing read before goes back to the list.
    update(&mut m, Action::Back);
    assert_eq!(feeds(&m).screen, Screen::Items);
}

#[test]
fn search_marks_and_refresh_progress() {
    let dir = common::temp_dir("screens-search");
    let db = dir.join("feeds.sqlite");
    let mut store = FeedStore::open(&db).expect("store");
    let url = "https://s.example/feed";
    store.add(url, Some("Searched"), &[]).expect("add");
    let items: Vec<Item> = (0..50).map(|k| item(k, None)).collect();
    store.store_items(url, &items).expect("items");
    let mut m = feeds_model(&store, db, Lang::En);
    update(&mut m, Action::Feeds(FeedAction::SearchStart));
    for c in "summary 4".chars() {
        update(&mut m, Action::Feeds(FeedAction::SearchInput(c)));
    }
    assert!(render(&m).contains("Search all items: summary 4"));
    update(&mut m, Action::Feeds(FeedAction::SearchSubmit));
    assert_eq!(requests(&mut m), [Request::Search("summary 4".into())]);
    let rows = store.search_items("summary 4", 1000).expect("search");
    // "4" as a word or the start of one: 4 and 40 to 49.
    assert_eq!(rows.len(), 11);
    update(
        &mut m,
        Action::Feeds(FeedAction::Items { feed: None, rows }),
    );
    let screen = render(&m);
    assert!(screen.contains("Search: summary 4"), "{screen}");
    assert!(screen.contains("Searched"), "the source is named: {screen}");
    update(&mut m, Action::Feeds(FeedAction::Star));
    let starred = feeds(&m).selected_item().map(|r| (r.id, r.starred));
    assert!(matches!(starred, Some((_, true))));
    assert!(matches!(requests(&mut m)[..], [Request::Star(_, true)]));
    // Nothing that FTS5 would read as syntax breaks a search.
    assert!(store.search_items("\"a* OR (b", 10).is_ok());
    assert!(store.search_items("   ", 10).expect("empty").is_empty());

    update(&mut m, Action::Feeds(FeedAction::Back));
    update(&mut m, Action::Feeds(FeedAction::RefreshAll));
    assert_eq!(requests(&mut m), [Request::Feeds, Request::Refresh(None)]);
    let report = krant::feeds::refresh::Report {
        feed: feeds(&m).rows[0].id,
        outcome: krant::feeds::refresh::Outcome::Unchanged,
        moved_to: None,
    };
    update(&mut m, Action::Feeds(FeedAction::Refreshed(report)));
    assert!(render(&m).contains("refreshing 1 of 1"));
    let done = krant::feeds::refresh::Summary {
        feeds: 1,
        unchanged: 1,
        ..Default::default()
    };
    update(&mut m, Action::Feeds(FeedAction::RefreshDone(done)));
    assert!(render(&m).contains("feeds refreshed: 1; new items: 0; unchanged: 1; failed: 0"));
}

#[test]
fn every_language_draws_the_feed_list() {
    let dir = common::temp_dir("screens-langs");
    let db = dir.join("feeds.sqlite");
    let mut store = FeedStore::open(&db).expect("store");
    store
        .add("https://a.example/feed", Some("A"), &[])
        .expect("add");
    store
        .add("https://b.example/feed", Some("B"), &[])
        .expect("add");
    let b = store.refresh_targets(None).expect("targets")[1].id;
    store.record_error(b, "status 404").expect("error");
    for lang in Lang::ALL {
        let m = feeds_model(&store, db.clone(), lang);
        let screen = render(&m);
        let i = I18n::new(lang);
        assert!(
            screen.contains(&i.tr_n("feeds-title", "count", 2)),
            "{screen}"
        );
        assert!(screen.contains(&i.tr("feeds-never")), "{screen}");
        assert!(screen.contains("404"), "{screen}");
        assert!(!screen.contains("feeds-"), "a message id: {screen}");
    }
    // Too small a terminal says so, as the reader does.
    let mut m = feeds_model(&store, db, Lang::En);
    m.width = 30;
    m.height = 4;
    assert!(render(&m).contains("Terminal too small (30×4)"));
}

#[test]
fn a_relative_link_is_read_against_the_feed() {
    let dir = common::temp_dir("screens-relative");
    let db = dir.join("feeds.sqlite");
    let mut store = FeedStore::open(&db).expect("store");
    let url = "https://rel.example/news/feed.xml";
    store.add(url, Some("Relative"), &[]).expect("add");
    let mut it = item(1, None);
    it.link = Some("../stories/1.html".into());
    store.store_items(url, &[it]).expect("items");
    let mut m = feeds_model(&store, db, Lang::En);
    update(&mut m, Action::Feeds(FeedAction::Open));
    let id = feeds(&m).rows[0].id;
    let rows = store.items(id).expect("items");
    update(
        &mut m,
        Action::Feeds(FeedAction::Items {
            feed: Some(id),
            rows,
        }),
    );
    update(&mut m, Action::Feeds(FeedAction::Open));
    let item_id = feeds(&m).selected_item().map(|r| r.id).expect("item");
    let text = store.item(item_id).expect("item").expect("there");
    update(&mut m, Action::Feeds(FeedAction::ItemText(Box::new(text))));
    assert_eq!(
        m.loading.as_ref().map(|l| l.request.source.clone()),
        Some(Source::Url("https://rel.example/stories/1.html".into()))
    );
}
