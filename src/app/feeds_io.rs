//! The feed screens' work off the UI thread: one thread owns a database connection and answers
//! the screens' requests in order (reads, marks); a refresh runs on threads of its own
//! (`feeds::refresh`, with its own connection). Every answer arrives as an action, and the event
//! loop never waits for either.

use super::action::{Action, FeedAction, Mode};
use super::feeds::{Request, Screen};
use super::model::Model;
use crate::feeds::refresh::{self, Options};
use crate::feeds::store::{FeedStore, StoreError};
use crate::i18n::I18n;
use crate::lang::Lang;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;

/// The key mode of the feed screens (None in the reader).
pub fn mode(m: &Model) -> Option<Mode> {
    let f = m.feeds.as_ref()?;
    match f.screen {
        Screen::Reader => None,
        _ if f.search.is_some() => Some(Mode::FeedSearch),
        _ => Some(Mode::Feeds),
    }
}

/// The database thread and the refresh, as the event loop holds them.
pub struct FeedsIo {
    requests: Sender<(Request, Lang)>,
    answers: Receiver<Action>,
    /// Requests sent and not answered yet (each has one answer).
    pending: usize,
    /// A feed list asked for and not yet read; another asked for meanwhile waits for it.
    feeds_in_flight: bool,
    feeds_again: bool,
    /// Set to stop a refresh (when krant quits).
    cancel: Arc<AtomicBool>,
}

impl FeedsIo {
    /// Starts the database thread on the database at `db`.
    pub fn start(db: PathBuf) -> FeedsIo {
        let (req_tx, req_rx) = channel::<(Request, Lang)>();
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        std::thread::spawn(move || serve(&db, req_rx, tx, stop));
        FeedsIo {
            requests: req_tx,
            answers: rx,
            pending: 0,
            feeds_in_flight: false,
            feeds_again: false,
            cancel,
        }
    }

    /// Whether answers are awaited (the loop then looks for them often).
    pub fn busy(&self, m: &Model) -> bool {
        self.pending > 0 || m.feeds.as_ref().is_some_and(|f| f.refresh.is_some())
    }

    /// Hands the model's requests to the database thread and the answers that arrived to
    /// `update`. True when the model changed.
    pub fn pump(&mut self, m: &mut Model) -> bool {
        let mut changed = false;
        // Twice: answers ask for more (a refreshed feed, for the list again), and those go out
        // at once rather than a turn of the loop later.
        for _ in 0..2 {
            let lang = m.i18n.lang();
            let mut requests = m
                .feeds
                .as_mut()
                .map(|f| std::mem::take(&mut f.requests))
                .unwrap_or_default();
            if std::mem::take(&mut self.feeds_again) {
                requests.push(Request::Feeds);
            }
            for r in requests {
                if r == Request::Feeds {
                    // Refresh reports ask for the list often: one read at a time is enough.
                    if self.feeds_in_flight {
                        self.feeds_again = true;
                        continue;
                    }
                    self.feeds_in_flight = true;
                }
                // A refresh answers with a stream of reports, not one answer.
                if !matches!(r, Request::Refresh(_)) {
                    self.pending += 1;
                }
                if self.requests.send((r, lang)).is_err() {
                    self.pending = 0;
                }
            }
            let arrived: Vec<Action> = self.answers.try_iter().collect();
            if arrived.is_empty() {
                break;
            }
            for a in arrived {
                match &a {
                    Action::Feeds(FeedAction::Refreshed(_) | FeedAction::RefreshDone(_)) => {}
                    Action::Feeds(FeedAction::FeedList(_)) => {
                        self.feeds_in_flight = false;
                        self.pending = self.pending.saturating_sub(1);
                    }
                    _ => self.pending = self.pending.saturating_sub(1),
                }
                super::update::update(m, a);
                changed = true;
            }
        }
        changed
    }
}

impl Drop for FeedsIo {
    fn drop(&mut self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

fn failed(e: &StoreError, lang: Lang) -> Action {
    let i = I18n::new(lang);
    let failure = crate::feeds::commands::Failure::Store(match e {
        StoreError::NoDataDir => StoreError::NoDataDir,
        StoreError::Newer(v) => StoreError::Newer(*v),
        other => StoreError::Io(std::io::Error::other(other.to_string())),
    });
    Action::Feeds(FeedAction::Failed(failure.message(&i)))
}

/// The database thread: answers requests in order, each with one action (a refresh with a
/// stream of them).
fn serve(db: &Path, rx: Receiver<(Request, Lang)>, tx: Sender<Action>, stop: Arc<AtomicBool>) {
    // Without the integrity check, which reads the whole file (120 ms at 60,000 items) and
    // would compete with the first frame for the processor; the command-line commands that
    // write (`--add`, `--import`, `--refresh`) run it. Damage found here is a notice.
    let mut store = FeedStore::open_existing(db);
    while let Ok((request, lang)) = rx.recv() {
        let answer = match (&mut store, &request) {
            (Err(_), Request::Refresh(_)) => {
                Some(Action::Feeds(FeedAction::RefreshDone(Default::default())))
            }
            (Err(e), _) => Some(failed(e, lang)),
            (Ok(s), _) => answer(s, &request, lang, db, &tx, &stop),
        };
        if let Some(a) = answer {
            if tx.send(a).is_err() {
                return;
            }
        }
    }
}

/// Answers one request (a refresh is started on threads of its own and answers later).
fn answer(
    s: &mut FeedStore,
    request: &Request,
    lang: Lang,
    db: &Path,
    tx: &Sender<Action>,
    stop: &Arc<AtomicBool>,
) -> Option<Action> {
    let feeds = |s: &FeedStore| {
        s.feed_list()
            .map(|r| Action::Feeds(FeedAction::FeedList(r)))
    };
    let result = match request {
        Request::Feeds => feeds(s),
        Request::Items(id) => s.items(*id).map(|rows| {
            Action::Feeds(FeedAction::Items {
                feed: Some(*id),
                rows,
            })
        }),
        Request::Search(words) => s
            .search_items(words, super::feeds::SEARCH_LIMIT)
            .map(|rows| Action::Feeds(FeedAction::Items { feed: None, rows })),
        Request::Open(id) => s
            .set_read(*id, true)
            .and_then(|_| s.item(*id))
            .map(|t| match t {
                Some(t) => Action::Feeds(FeedAction::ItemText(Box::new(t))),
                None => Action::Feeds(FeedAction::Failed(I18n::new(lang).tr("feeds-item-gone"))),
            }),
        Request::Star(id, on) => s.set_starred(*id, *on).and_then(|_| feeds(s)),
        Request::MarkFeedRead(id) => s.mark_feed_read(*id).and_then(|_| feeds(s)),
        Request::Refresh(only) => {
            let targets = match s.refresh_targets(only.as_deref()) {
                Ok(t) => t,
                Err(e) => return Some(failed(&e, lang)),
            };
            spawn_refresh(db.to_owned(), targets, tx.clone(), Arc::clone(stop));
            return None;
        }
    };
    Some(result.unwrap_or_else(|e| failed(&e, lang)))
}

/// Refreshes `targets` on threads of their own; each feed's report, then the summary, arrive
/// as actions.
fn spawn_refresh(
    db: PathBuf,
    targets: Vec<crate::feeds::store::Target>,
    tx: Sender<Action>,
    stop: Arc<AtomicBool>,
) {
    std::thread::spawn(move || {
        let summary = match FeedStore::open_existing(&db) {
            Ok(mut store) => {
                refresh::refresh(&mut store, targets, &Options::default(), &stop, &mut |r| {
                    let _ = tx.send(Action::Feeds(FeedAction::Refreshed(r.clone())));
                })
            }
            Err(_) => Default::default(),
        };
        let _ = tx.send(Action::Feeds(FeedAction::RefreshDone(summary)));
    });
}

/// The feed screens to open when krant starts without a file: when the feed database exists
/// and holds subscriptions (it is never created here).
/// What `krant` without a file finds: the feed screens (None: the sample opens), and where a
/// damaged feed database was moved, to say so.
pub struct Start {
    pub feeds: Option<super::feeds::Feeds>,
    pub moved_aside: Option<std::path::PathBuf>,
}

pub fn at_start() -> Start {
    let nothing = Start {
        feeds: None,
        moved_aside: None,
    };
    let Some(db) = crate::feeds::store::default_path() else {
        return nothing;
    };
    if !db.is_file() {
        return nothing;
    }
    // The integrity check waits for the database thread; the first frame does not wait for it.
    let (rows, moved_aside) = match FeedStore::open_existing(&db) {
        Ok(store) => (store.feed_list().ok(), None),
        // Not a database, or damaged: moved aside (never emptied) and a new one started.
        Err(_) => match FeedStore::open(&db) {
            Ok(store) => (store.feed_list().ok(), store.moved_aside.clone()),
            Err(_) => (None, None),
        },
    };
    let feeds = rows
        .filter(|r| !r.is_empty())
        .map(|rows| super::feeds::Feeds::new(db, rows));
    Start { feeds, moved_aside }
}
