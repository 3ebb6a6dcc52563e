//! The feed screens: the list of subscriptions, the items of one feed (or of a search), and an
//! item open in the reader. The state here is plain data; `update` (through [`update`]) is the
//! only thing that changes it, and what must be read from or written to the database is left in
//! `requests` for the event loop to hand to the database thread (`feeds_io`), whose answers
//! come back as actions.

use crate::feeds::refresh::Summary;
use crate::feeds::store::{FeedRow, ItemRow, ItemText};
use std::path::PathBuf;

/// Items listed for a search, at most.
pub const SEARCH_LIMIT: usize = 1000;

/// An item's own content is read as the article when its text is at least this long (shorter
/// content is a teaser: the page at the item's link is fetched instead).
pub const FULL_TEXT_CHARS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Feeds,
    Items,
    /// An item open in the reader.
    Reader,
}

/// The item list shown: a feed's, or a search's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemList {
    /// The feed listed, or None for a search.
    pub feed: Option<i64>,
    /// The feed's title, or the search's words.
    pub title: String,
    pub rows: Vec<ItemRow>,
    pub cursor: usize,
    /// Waiting for the rows.
    pub loading: bool,
}

/// A refresh under way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub total: usize,
    pub done: Summary,
}

/// What the database thread is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The feed list with its counts.
    Feeds,
    Items(i64),
    Search(String),
    /// An item's text, to open it (it is marked read).
    Open(i64),
    Star(i64, bool),
    MarkFeedRead(i64),
    /// Refresh these feeds (None: all).
    Refresh(Option<Vec<i64>>),
}

/// The feed screens' state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feeds {
    /// The database file.
    pub db: PathBuf,
    pub screen: Screen,
    pub rows: Vec<FeedRow>,
    pub cursor: usize,
    pub items: Option<ItemList>,
    /// The words of a search being typed.
    pub search: Option<String>,
    /// The keys' help is open over the list.
    pub help: bool,
    pub refresh: Option<Progress>,
    /// The item open in the reader, and whether its page is fetched in place of its summary.
    pub open_item: Option<i64>,
    pub replacing: bool,
    pub notice: Option<String>,
    /// For the database thread, in order.
    pub requests: Vec<Request>,
}

impl Feeds {
    pub fn new(db: PathBuf, rows: Vec<FeedRow>) -> Feeds {
        Feeds {
            db,
            screen: Screen::Feeds,
            rows,
            cursor: 0,
            items: None,
            search: None,
            help: false,
            refresh: None,
            open_item: None,
            replacing: false,
            notice: None,
            requests: Vec::new(),
        }
    }

    pub fn selected_feed(&self) -> Option<&FeedRow> {
        self.rows.get(self.cursor)
    }

    pub fn selected_item(&self) -> Option<&ItemRow> {
        self.items.as_ref().and_then(|l| l.rows.get(l.cursor))
    }

    /// Rows of the list on screen.
    fn len(&self) -> usize {
        match self.screen {
            Screen::Items => self.items.as_ref().map_or(0, |l| l.rows.len()),
            _ => self.rows.len(),
        }
    }

    fn cursor_mut(&mut self) -> &mut usize {
        match (self.screen, self.items.as_mut()) {
            (Screen::Items, Some(l)) => &mut l.cursor,
            _ => &mut self.cursor,
        }
    }

    /// Moves the cursor by `d` rows, within the list.
    pub fn move_cursor(&mut self, d: isize) {
        let n = self.len();
        let c = self.cursor_mut();
        *c = c.saturating_add_signed(d).min(n.saturating_sub(1));
    }

    pub fn set_cursor(&mut self, at: usize) {
        let n = self.len();
        *self.cursor_mut() = at.min(n.saturating_sub(1));
    }

    /// The next row with something unread after the cursor, wrapping round: an unread item in
    /// an item list, a feed with unread items in the feed list.
    pub fn next_unread(&self) -> Option<usize> {
        let unread: Vec<bool> = match (self.screen, &self.items) {
            (Screen::Items, Some(l)) => l.rows.iter().map(|r| !r.read).collect(),
            _ => self.rows.iter().map(|r| r.unread > 0).collect(),
        };
        let n = unread.len();
        let from = match (self.screen, &self.items) {
            (Screen::Items, Some(l)) => l.cursor,
            _ => self.cursor,
        };
        (1..=n).map(|k| (from + k) % n).find(|&i| unread[i])
    }

    /// Takes a new feed list; the cursor stays on the feed it was on.
    pub fn set_feeds(&mut self, rows: Vec<FeedRow>) {
        let id = self.selected_feed().map(|f| f.id);
        self.rows = rows;
        self.cursor = id
            .and_then(|id| self.rows.iter().position(|r| r.id == id))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
    }

    /// Takes new rows for the item list shown (if they are for it); the cursor stays on its item.
    pub fn set_items(&mut self, feed: Option<i64>, rows: Vec<ItemRow>) {
        let Some(list) = self.items.as_mut().filter(|l| l.feed == feed) else {
            return;
        };
        let id = list.rows.get(list.cursor).map(|r| r.id);
        list.rows = rows;
        list.loading = false;
        list.cursor = id
            .and_then(|id| list.rows.iter().position(|r| r.id == id))
            .unwrap_or(list.cursor)
            .min(list.rows.len().saturating_sub(1));
    }

    /// Marks item `id` read in the lists shown (the database is told separately), and lowers
    /// its feed's unread count.
    pub fn mark_read_here(&mut self, id: i64) {
        let Some(list) = self.items.as_mut() else {
            return;
        };
        let Some(row) = list.rows.iter_mut().find(|r| r.id == id && !r.read) else {
            return;
        };
        row.read = true;
        let feed = row.feed;
        if let Some(f) = self.rows.iter_mut().find(|f| f.id == feed) {
            f.unread = f.unread.saturating_sub(1);
        }
    }

    /// Marks every item of the list shown read (a feed's list: the whole feed).
    pub fn mark_all_read_here(&mut self) {
        let Some(list) = self.items.as_mut() else {
            return;
        };
        for r in &mut list.rows {
            r.read = true;
        }
        if let Some(f) = self.rows.iter_mut().find(|f| Some(f.id) == list.feed) {
            f.unread = 0;
        }
    }

    /// Flips the star of the selected item; returns it and its new mark.
    pub fn toggle_star_here(&mut self) -> Option<(i64, bool)> {
        let list = self.items.as_mut()?;
        let row = list.rows.get_mut(list.cursor)?;
        row.starred = !row.starred;
        Some((row.id, row.starred))
    }
}

/// How a feed is named: its title, else its address.
pub fn feed_name(f: &FeedRow) -> &str {
    f.title.as_deref().unwrap_or(&f.url)
}

/// Whether an item's own content is the whole article.
pub fn carries_full_text(item: &ItemText) -> bool {
    let Some(content) = item.content.as_deref() else {
        return false;
    };
    item.link.is_none()
        || crate::feeds::text::html_to_text(content).chars().count() >= FULL_TEXT_CHARS
}

/// An item's content as a web page, for reader mode: its title as the heading.
pub fn content_page(item: &ItemText) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let title = escape(item.title.as_deref().unwrap_or(""));
    let date = item
        .published
        .as_deref()
        .map(|d| {
            format!(
                "<meta property=\"article:published_time\" content=\"{}\">",
                escape(d)
            )
        })
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"{}\">{date}</head>\
         <body><article><h1>{title}</h1>{}</article></body></html>",
        escape(&item.feed_title),
        item.content.as_deref().unwrap_or("")
    )
}

/// An item's title and summary as a plain-text article (shown while its page is fetched, or
/// for good when it has no link).
pub fn summary_text(item: &ItemText, no_text: &str) -> String {
    let mut s = String::new();
    s.push_str(item.title.as_deref().unwrap_or(&item.feed_title));
    s.push_str("\n\n");
    s.push_str(item.summary.as_deref().unwrap_or(no_text));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(id: i64, unread: usize) -> FeedRow {
        FeedRow {
            id,
            url: format!("https://f{id}.example/"),
            title: Some(format!("Feed {id}")),
            tags: Vec::new(),
            unread,
            total: 10,
            last_refresh: None,
            error: None,
        }
    }

    fn item(id: i64, feed: i64, read: bool) -> ItemRow {
        ItemRow {
            id,
            feed,
            feed_title: format!("Feed {feed}"),
            title: Some(format!("Item {id}")),
            published: None,
            read,
            starred: false,
        }
    }

    fn feeds() -> Feeds {
        Feeds::new(
            PathBuf::from("feeds.sqlite"),
            vec![feed(1, 0), feed(2, 3), feed(3, 0), feed(4, 1)],
        )
    }

    #[test]
    fn cursor_moves_within_the_list_and_next_unread_wraps() {
        let mut f = feeds();
        f.move_cursor(-1);
        assert_eq!(f.cursor, 0);
        f.move_cursor(10);
        assert_eq!(f.cursor, 3);
        assert_eq!(f.next_unread(), Some(1));
        f.set_cursor(1);
        assert_eq!(f.next_unread(), Some(3));
        f.rows[3].unread = 0;
        assert_eq!(f.next_unread(), Some(1));
        f.rows[1].unread = 0;
        assert_eq!(f.next_unread(), None);
    }

    #[test]
    fn the_cursor_stays_on_its_row_when_the_list_is_read_again() {
        let mut f = feeds();
        f.set_cursor(2);
        f.set_feeds(vec![feed(0, 0), feed(1, 0), feed(2, 3), feed(3, 0)]);
        assert_eq!(f.selected_feed().map(|r| r.id), Some(3));
        f.set_feeds(vec![feed(1, 0)]);
        assert_eq!(f.cursor, 0);
        f.set_feeds(Vec::new());
        assert_eq!(f.cursor, 0);
        assert!(f.selected_feed().is_none());
    }

    #[test]
    fn items_read_starred_and_all_read() {
        let mut f = feeds();
        f.screen = Screen::Items;
        f.items = Some(ItemList {
            feed: Some(2),
            title: "Feed 2".into(),
            rows: Vec::new(),
            cursor: 0,
            loading: true,
        });
        // Rows for another list are ignored.
        f.set_items(Some(9), vec![item(1, 9, false)]);
        assert!(f
            .items
            .as_ref()
            .is_some_and(|l| l.rows.is_empty() && l.loading));
        f.set_items(
            Some(2),
            vec![item(10, 2, true), item(11, 2, false), item(12, 2, false)],
        );
        assert_eq!(f.next_unread(), Some(1));
        f.set_cursor(1);
        f.mark_read_here(11);
        f.mark_read_here(11);
        assert_eq!(f.rows[1].unread, 2);
        assert_eq!(f.next_unread(), Some(2));
        assert_eq!(f.toggle_star_here(), Some((11, true)));
        assert_eq!(f.toggle_star_here(), Some((11, false)));
        f.mark_all_read_here();
        assert_eq!(f.rows[1].unread, 0);
        assert_eq!(f.next_unread(), None);
        // Read again, the cursor keeps its item.
        f.set_items(
            Some(2),
            vec![item(9, 2, false), item(10, 2, true), item(11, 2, true)],
        );
        assert_eq!(f.selected_item().map(|r| r.id), Some(11));
    }

    #[test]
    fn full_text_or_the_link() {
        let mut it = ItemText {
            id: 1,
            feed_title: "F".into(),
            title: Some("T <b>".into()),
            link: Some("https://x.example/a".into()),
            published: None,
            summary: Some("Short.".into()),
            content: Some("<p>teaser</p>".into()),
            feed_url: "https://x.example/feed".into(),
        };
        assert!(!carries_full_text(&it));
        it.content = Some(format!("<p>{}</p>", "word ".repeat(300)));
        assert!(carries_full_text(&it));
        assert!(content_page(&it).contains("<h1>T &lt;b&gt;</h1>"));
        it.link = None;
        it.content = Some("<p>teaser</p>".into());
        assert!(carries_full_text(&it));
        it.content = None;
        assert!(!carries_full_text(&it));
        assert_eq!(summary_text(&it, "-"), "T <b>\n\nShort.\n");
    }
}
