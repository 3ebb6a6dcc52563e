//! What the feed screens do with an action: moving through the lists, opening an item in the
//! reader, and the database thread's answers.

use crate::app::action::{Action, FeedAction};
use crate::app::feeds::{
    carries_full_text, content_page, feed_name, summary_text, Feeds, ItemList, Progress, Request,
    Screen,
};
use crate::app::load::Request as LoadRequest;
use crate::app::model::{Model, Overlay};
use crate::feeds::refresh::{Outcome, Summary};
use crate::feeds::store::ItemText;
use crate::input::Source;

/// Handles `action` where the feed screens give it a meaning; returns it otherwise, for the
/// reader.
pub(super) fn intercept(m: &mut Model, action: Action) -> Option<Action> {
    let Some((screen, replacing)) = m.feeds.as_ref().map(|f| (f.screen, f.replacing)) else {
        return Some(action);
    };
    match action {
        Action::Feeds(a) => {
            feed_action(m, a);
            None
        }
        // The wheel moves through a list.
        Action::Wheel { delta, .. } if screen != Screen::Reader => {
            if let Some(f) = m.feeds.as_mut() {
                f.move_cursor(delta.signum());
            }
            None
        }
        // In the reader, leaving the item (with nothing to close or go back to first) returns
        // to its list.
        Action::Quit | Action::Back
            if screen == Screen::Reader
                && m.loading.is_none()
                && m.overlay == Overlay::None
                && m.layout().covering.is_none()
                && (action == Action::Quit || m.history.is_empty()) =>
        {
            m.history.clear();
            if let Some(f) = m.feeds.as_mut() {
                f.screen = Screen::Items;
                f.open_item = None;
            }
            None
        }
        // An item's page, fetched while its summary shows, takes the summary's place.
        Action::Loaded(doc) if replacing => {
            set_replacing(m, false);
            if let (Some(l), Some(doc)) = (m.loading.take(), doc.take()) {
                m.doc = doc;
                m.source = l.request.source;
                m.version = None;
                super::document_replaced(m, None);
            }
            None
        }
        Action::LoadFailed(why) if replacing => {
            set_replacing(m, false);
            if m.loading.take().is_some() {
                m.notice = Some(why);
            }
            None
        }
        // Stopping the page's download leaves the summary.
        Action::Back | Action::Quit | Action::Escape | Action::Open(_) if replacing => {
            set_replacing(m, false);
            Some(action)
        }
        other => Some(other),
    }
}

fn set_replacing(m: &mut Model, on: bool) {
    if let Some(f) = m.feeds.as_mut() {
        f.replacing = on;
    }
}

fn feed_action(m: &mut Model, a: FeedAction) {
    let Some(f) = m.feeds.as_mut() else {
        return;
    };
    // With the help open, a key closes it and does nothing else.
    let key = matches!(
        a,
        FeedAction::Line(_)
            | FeedAction::Page(_)
            | FeedAction::Top
            | FeedAction::Bottom
            | FeedAction::Open
            | FeedAction::Back
            | FeedAction::Quit
            | FeedAction::RefreshOne
            | FeedAction::RefreshAll
            | FeedAction::NextUnread
            | FeedAction::MarkAllRead
            | FeedAction::Star
            | FeedAction::SearchStart
            | FeedAction::Help
    );
    if f.help && key {
        f.help = false;
        return;
    }
    match a {
        FeedAction::Help => f.help = true,
        FeedAction::Line(d) => f.move_cursor(d),
        FeedAction::Page(d) => {
            let page = (m.height as isize - 3).max(1);
            f.move_cursor(d * page);
        }
        FeedAction::Top => f.set_cursor(0),
        FeedAction::Bottom => f.set_cursor(usize::MAX),
        FeedAction::Open => open(m),
        FeedAction::Back => back(f),
        FeedAction::Quit => match f.screen {
            Screen::Feeds => m.quit = true,
            _ => back(f),
        },
        FeedAction::RefreshOne => {
            let feed = match f.screen {
                Screen::Items => f.items.as_ref().and_then(|l| l.feed),
                _ => f.selected_feed().map(|r| r.id),
            };
            if let Some(id) = feed {
                start_refresh(f, Some(vec![id]));
            }
        }
        FeedAction::RefreshAll => start_refresh(f, None),
        FeedAction::NextUnread => {
            if let Some(i) = f.next_unread() {
                f.set_cursor(i);
            }
        }
        FeedAction::MarkAllRead => {
            let feed = match f.screen {
                Screen::Items => f.items.as_ref().and_then(|l| l.feed),
                _ => f.selected_feed().map(|r| r.id),
            };
            if let Some(id) = feed {
                f.mark_all_read_here();
                if let Some(r) = f.rows.iter_mut().find(|r| r.id == id) {
                    r.unread = 0;
                }
                f.requests.push(Request::MarkFeedRead(id));
            }
        }
        FeedAction::Star => {
            if f.screen == Screen::Items {
                if let Some((id, on)) = f.toggle_star_here() {
                    f.requests.push(Request::Star(id, on));
                }
            }
        }
        FeedAction::SearchStart => f.search = Some(String::new()),
        FeedAction::SearchInput(c) => {
            if let Some(s) = f.search.as_mut() {
                s.push(c);
            }
        }
        FeedAction::SearchBackspace => {
            if let Some(s) = f.search.as_mut() {
                s.pop();
            }
        }
        FeedAction::SearchCancel => f.search = None,
        FeedAction::SearchSubmit => {
            let words = f.search.take().unwrap_or_default();
            if crate::feeds::store::fts_query(&words).is_some() {
                f.items = Some(ItemList {
                    feed: None,
                    title: words.clone(),
                    rows: Vec::new(),
                    cursor: 0,
                    loading: true,
                });
                f.screen = Screen::Items;
                f.requests.push(Request::Search(words));
            }
        }
        FeedAction::FeedList(rows) => f.set_feeds(rows),
        FeedAction::Items { feed, rows } => f.set_items(feed, rows),
        FeedAction::ItemText(item) => show_item(m, *item),
        FeedAction::Refreshed(report) => {
            if let Some(p) = f.refresh.as_mut() {
                p.done.add(&report);
            }
            let changed = matches!(report.outcome, Outcome::Fetched { new } if new > 0);
            let listed = f.items.as_ref().and_then(|l| l.feed) == Some(report.feed);
            if changed && listed {
                f.requests.push(Request::Items(report.feed));
            }
            f.requests.push(Request::Feeds);
        }
        FeedAction::RefreshDone(summary) => {
            f.refresh = None;
            f.notice = Some(summary.message(&m.i18n));
            f.requests.push(Request::Feeds);
        }
        FeedAction::Failed(why) => {
            if let Some(l) = f.items.as_mut() {
                l.loading = false;
            }
            f.notice = Some(why);
        }
    }
}

fn back(f: &mut Feeds) {
    match f.screen {
        Screen::Feeds => {}
        Screen::Items | Screen::Reader => {
            f.screen = Screen::Feeds;
            f.items = None;
            // The counts may have changed while reading.
            f.requests.push(Request::Feeds);
        }
    }
}

fn start_refresh(f: &mut Feeds, only: Option<Vec<i64>>) {
    if f.refresh.is_some() {
        return;
    }
    let total = only.as_ref().map_or(f.rows.len(), Vec::len);
    f.refresh = Some(Progress {
        total,
        done: Summary::default(),
    });
    f.notice = None;
    f.requests.push(Request::Refresh(only));
}

fn open(m: &mut Model) {
    let Some(f) = m.feeds.as_mut() else {
        return;
    };
    match f.screen {
        Screen::Feeds => {
            let Some(feed) = f.selected_feed() else {
                return;
            };
            let id = feed.id;
            f.items = Some(ItemList {
                feed: Some(id),
                title: feed_name(feed).to_owned(),
                rows: Vec::new(),
                cursor: 0,
                loading: true,
            });
            f.screen = Screen::Items;
            f.requests.push(Request::Items(id));
        }
        Screen::Items => {
            let Some(id) = f.selected_item().map(|r| r.id) else {
                return;
            };
            f.mark_read_here(id);
            f.open_item = Some(id);
            f.requests.push(Request::Open(id));
        }
        Screen::Reader => {}
    }
}

/// Opens an item's text in the reader: its own content when it carries the article, else its
/// summary while the page at its link is fetched in reader mode.
fn show_item(m: &mut Model, item: ItemText) {
    let Some(f) = m.feeds.as_mut() else {
        return;
    };
    if f.open_item != Some(item.id) || f.screen != Screen::Items {
        return;
    }
    f.screen = Screen::Reader;
    // A link may be relative to the feed's address (or file).
    let feed = match crate::source::http::is_url(&item.feed_url) {
        true => Source::Url(item.feed_url.clone()),
        false => Source::File(item.feed_url.clone().into()),
    };
    let link = item
        .link
        .as_deref()
        .and_then(|l| crate::input::resolve(&feed, l));
    let source = link.clone().unwrap_or(Source::Stdin);
    let doc = if carries_full_text(&item) {
        let page = content_page(&item);
        let base = match &link {
            Some(Source::Url(u)) => u.as_str(),
            _ => "",
        };
        Some(crate::document::Document::from_page(
            crate::article::html::extract_fetched(page.as_bytes(), base, Some("utf-8")),
        ))
    } else {
        None
    };
    let fetch = doc.is_none() && link.is_some();
    let doc = match doc {
        Some(d) => d,
        None => {
            let no_text = m.i18n.tr("feeds-no-text");
            let text = summary_text(&item, &no_text);
            match crate::document::Document::from_bytes(text.into_bytes()) {
                Ok(d) => d,
                Err(_) => return,
            }
        }
    };
    m.history.clear();
    m.doc = doc;
    m.source = source.clone();
    m.version = None;
    m.notice = None;
    super::document_replaced(m, None);
    if fetch {
        super::update(
            m,
            Action::Open(LoadRequest {
                source,
                version: None,
                section: None,
            }),
        );
        if let Some(f) = m.feeds.as_mut() {
            f.replacing = true;
        }
    }
}
