//! Refreshing subscriptions: a few worker threads fetch feeds (a conditional GET: the validators
//! of the last answer go with it, and "not modified" costs nothing) and parse them; the calling
//! thread writes each result to the store in a transaction of its own, as it arrives. A feed
//! that fails (an HTTP error, a timeout, a broken feed) has its reason recorded and the others
//! go on. A permanent redirect moves the subscription to its new address.

use super::parse::{self, FeedError, Item};
use super::store::{FeedStore, Target};
use crate::i18n::I18n;
use crate::source::http::{self, FetchError, Limits, Validators};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Feeds fetched at once.
pub const WORKERS: usize = 8;

/// How a refresh runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub workers: usize,
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            workers: WORKERS,
            limits: Limits {
                connect: Duration::from_secs(10),
                total: Duration::from_secs(20),
                max_bytes: 20 << 20,
                max_redirects: 10,
            },
        }
    }
}

/// Why a feed could not be refreshed. Stored as a short code (`code`, `from_code`), put in words
/// when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Status(u16),
    Timeout,
    HostNotFound,
    Connect,
    Tls,
    TooLarge,
    Redirects,
    NotText,
    Network,
    BadUrl,
    NotAFeed,
    Broken,
    /// A subscription to a file that cannot be read.
    Unreadable,
    /// The result could not be written to the database.
    Store,
}

impl Failure {
    fn of_fetch(e: &FetchError) -> Failure {
        match e {
            FetchError::Status(c) => Failure::Status(*c),
            FetchError::Timeout => Failure::Timeout,
            FetchError::HostNotFound => Failure::HostNotFound,
            FetchError::Connect => Failure::Connect,
            FetchError::Tls(_) => Failure::Tls,
            FetchError::TooLarge(_) => Failure::TooLarge,
            FetchError::TooManyRedirects => Failure::Redirects,
            FetchError::NotText(_) => Failure::NotText,
            FetchError::BadUrl => Failure::BadUrl,
            FetchError::Cancelled | FetchError::Network(_) => Failure::Network,
        }
    }

    /// The code kept in the database.
    pub fn code(&self) -> String {
        match self {
            Failure::Status(c) => format!("status {c}"),
            Failure::Timeout => "timeout".into(),
            Failure::HostNotFound => "host".into(),
            Failure::Connect => "connect".into(),
            Failure::Tls => "tls".into(),
            Failure::TooLarge => "too-large".into(),
            Failure::Redirects => "redirects".into(),
            Failure::NotText => "not-text".into(),
            Failure::Network => "network".into(),
            Failure::BadUrl => "bad-url".into(),
            Failure::NotAFeed => "not-a-feed".into(),
            Failure::Broken => "broken".into(),
            Failure::Unreadable => "unreadable".into(),
            Failure::Store => "store".into(),
        }
    }

    /// The failure a stored code names (an unknown code: a network error).
    pub fn from_code(code: &str) -> Failure {
        if let Some(n) = code.strip_prefix("status ") {
            return n.parse().map_or(Failure::Network, Failure::Status);
        }
        match code {
            "timeout" => Failure::Timeout,
            "host" => Failure::HostNotFound,
            "connect" => Failure::Connect,
            "tls" => Failure::Tls,
            "too-large" => Failure::TooLarge,
            "redirects" => Failure::Redirects,
            "not-text" => Failure::NotText,
            "bad-url" => Failure::BadUrl,
            "not-a-feed" => Failure::NotAFeed,
            "broken" => Failure::Broken,
            "unreadable" => Failure::Unreadable,
            "store" => Failure::Store,
            _ => Failure::Network,
        }
    }

    /// The failure in the interface language, a few words.
    pub fn message(&self, i: &I18n) -> String {
        match self {
            Failure::Status(c) => i.tr_args("fetch-status", &[("code", (*c as f64).into())]),
            Failure::Timeout => i.tr("fetch-timeout"),
            Failure::HostNotFound => i.tr("fetch-host-not-found"),
            Failure::Connect => i.tr("fetch-connect"),
            Failure::Tls => i.tr("fetch-tls"),
            Failure::TooLarge => i.tr_args(
                "fetch-too-large",
                &[(
                    "megabytes",
                    ((Options::default().limits.max_bytes >> 20) as f64).into(),
                )],
            ),
            Failure::Redirects => i.tr("fetch-redirects"),
            Failure::NotText => i.tr("refresh-not-a-feed"),
            Failure::Network => i.tr("fetch-network"),
            Failure::BadUrl => i.tr("fetch-bad-url"),
            Failure::NotAFeed => i.tr("refresh-not-a-feed"),
            Failure::Broken => i.tr("refresh-broken"),
            Failure::Unreadable => i.tr("refresh-unreadable"),
            Failure::Store => i.tr("refresh-store"),
        }
    }
}

/// What a refresh did to one feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The feed came; this many of its items were new.
    Fetched {
        new: usize,
    },
    /// The server said it has not changed.
    Unchanged,
    Failed(Failure),
}

/// One feed refreshed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub feed: i64,
    pub outcome: Outcome,
    /// The subscription's new address after a permanent redirect.
    pub moved_to: Option<String>,
}

/// A whole refresh in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub feeds: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub new_items: usize,
}

impl Summary {
    pub fn add(&mut self, r: &Report) {
        self.feeds += 1;
        match r.outcome {
            Outcome::Fetched { new } => {
                self.updated += 1;
                self.new_items += new;
            }
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Failed(_) => self.failed += 1,
        }
    }

    /// One line in the interface language.
    pub fn message(&self, i: &I18n) -> String {
        i.tr_args(
            "refresh-summary",
            &[
                ("feeds", (self.feeds as f64).into()),
                ("new", (self.new_items as f64).into()),
                ("unchanged", (self.unchanged as f64).into()),
                ("failed", (self.failed as f64).into()),
            ],
        )
    }
}

/// What a worker brings back for one feed.
struct Fetched {
    /// The items, or None when not modified.
    items: Option<Vec<Item>>,
    /// The feed's own title, for a subscription that has none yet.
    title: Option<String>,
    validators: Validators,
    moved_to: Option<String>,
}

/// Fetches and parses one feed (run on a worker).
fn fetch_one(t: &Target, options: &Options, cancel: &AtomicBool) -> Result<Fetched, Failure> {
    if !http::is_url(&t.url) {
        // A subscription to a file: read it whole every time.
        let bytes = crate::input::read(&crate::input::Source::File(t.url.clone().into()))
            .map_err(|_| Failure::Unreadable)?;
        let feed = parse::parse(&bytes, &t.url).map_err(|e| feed_failure(&e))?;
        return Ok(Fetched {
            items: Some(feed.items),
            title: feed.title,
            validators: Validators::default(),
            moved_to: None,
        });
    }
    let validators = Validators {
        etag: t.etag.clone(),
        last_modified: t.last_modified.clone(),
    };
    let answer = http::fetch_conditional(&t.url, &validators, &options.limits, cancel)
        .map_err(|e| Failure::of_fetch(&e))?;
    let (items, title) = match answer.page {
        None => (None, None),
        Some(page) => {
            // Ids made for entries without one start from the subscription's own address.
            let feed = parse::parse(&page.bytes, &t.url).map_err(|e| feed_failure(&e))?;
            (Some(feed.items), feed.title)
        }
    };
    Ok(Fetched {
        items,
        title,
        validators: answer.validators,
        moved_to: answer.moved_to,
    })
}

fn feed_failure(e: &FeedError) -> Failure {
    match e {
        FeedError::NotAFeed => Failure::NotAFeed,
        FeedError::Malformed(_) | FeedError::ParserFailed => Failure::Broken,
    }
}

/// Writes one feed's result; returns what happened.
fn record(store: &mut FeedStore, t: &Target, result: Result<Fetched, Failure>) -> Report {
    let (outcome, moved_to) = match result {
        Err(f) => {
            let _ = store.record_error(t.id, &f.code());
            (Outcome::Failed(f), None)
        }
        Ok(f) => {
            let moved = f.moved_to.as_deref();
            let written = match &f.items {
                None => store
                    .record_unchanged(t.id, moved)
                    .map(|_| Outcome::Unchanged),
                Some(items) => store
                    .record_fetched(
                        t.id,
                        moved,
                        f.title.as_deref(),
                        items,
                        f.validators.etag.as_deref(),
                        f.validators.last_modified.as_deref(),
                    )
                    .map(|new| Outcome::Fetched { new }),
            };
            match written {
                Ok(o) => (o, f.moved_to),
                Err(_) => (Outcome::Failed(Failure::Store), None),
            }
        }
    };
    Report {
        feed: t.id,
        outcome,
        moved_to,
    }
}

/// Refreshes `targets` with `options.workers` workers; every result is written to `store` as
/// it arrives and then handed to `on_report`. Setting `cancel` stops what has not started (and
/// downloads under way); what was written stays.
pub fn refresh(
    store: &mut FeedStore,
    targets: Vec<Target>,
    options: &Options,
    cancel: &Arc<AtomicBool>,
    on_report: &mut dyn FnMut(&Report),
) -> Summary {
    let mut summary = Summary::default();
    if targets.is_empty() {
        return summary;
    }
    let workers = options.workers.clamp(1, targets.len());
    let queue = Arc::new(Mutex::new(VecDeque::from(targets)));
    let (tx, rx) = channel();
    let mut handles = Vec::with_capacity(workers);
    for _ in 0..workers {
        let queue = Arc::clone(&queue);
        let tx = tx.clone();
        let cancel = Arc::clone(cancel);
        let options = *options;
        handles.push(std::thread::spawn(move || loop {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let next = match queue.lock() {
                Ok(mut q) => q.pop_front(),
                Err(_) => None,
            };
            let Some(t) = next else {
                break;
            };
            let work = std::panic::AssertUnwindSafe(|| fetch_one(&t, &options, &cancel));
            let result = std::panic::catch_unwind(work).unwrap_or(Err(Failure::Broken));
            if tx.send((t, result)).is_err() {
                break;
            }
        }));
    }
    drop(tx);
    for (t, result) in rx {
        let report = record(store, &t, result);
        summary.add(&report);
        on_report(&report);
    }
    for h in handles {
        let _ = h.join();
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_codes_round_trip() {
        let all = [
            Failure::Status(404),
            Failure::Timeout,
            Failure::HostNotFound,
            Failure::Connect,
            Failure::Tls,
            Failure::TooLarge,
            Failure::Redirects,
            Failure::NotText,
            Failure::Network,
            Failure::BadUrl,
            Failure::NotAFeed,
            Failure::Broken,
            Failure::Unreadable,
            Failure::Store,
        ];
        for f in all {
            assert_eq!(Failure::from_code(&f.code()), f);
        }
        assert_eq!(Failure::from_code("status x"), Failure::Network);
        let en = I18n::new(crate::lang::Lang::En);
        assert_eq!(Failure::Status(403).message(&en), "the server answered 403");
    }
}
