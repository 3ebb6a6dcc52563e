//! Feeds: parsing them (feed-rs, wrapped), and the JSON that `--list` prints.

pub mod commands;
pub mod opml;
pub mod parse;
pub mod refresh;
pub mod store;
pub mod text;

pub use parse::{parse, Feed, FeedError, Item};

/// The JSON object `--list` prints: the feed's title and link, and its items in feed order.
pub fn list_json(feed: &Feed) -> String {
    serde_json::to_string_pretty(feed).unwrap_or_default()
}
