//! Subscriptions and their items in SQLite (`feeds.sqlite` in the XDG data folder).
//!
//! - The schema grows by numbered migrations; `PRAGMA user_version` says how many ran.
//! - Every change is one `BEGIN IMMEDIATE` transaction, and the database runs in WAL mode with
//!   a busy timeout, so krant processes writing at once wait for each other and lose nothing.
//! - A file that is not a sound database is moved aside (never emptied) and a new one started;
//!   the caller tells the reader where the old one went.
//! - Items' titles and summaries are indexed for full-text search (FTS5).

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;
use thiserror::Error;

/// The migrations, in order: `user_version` N means the first N have run.
const MIGRATIONS: &[&str] = &[
    // 1: subscriptions, tags, items and their full-text index.
    "CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added INTEGER NOT NULL,
        last_refresh INTEGER,
        etag TEXT,
        last_modified TEXT,
        error TEXT
    );
    CREATE TABLE tags (
        feed INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (feed, tag)
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        feed INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        title TEXT,
        link TEXT,
        published TEXT,
        summary TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed, guid)
    );
    CREATE INDEX items_by_feed ON items (feed, published);
    CREATE VIRTUAL TABLE items_text USING fts5 (
        title, summary, content = 'items', content_rowid = 'id'
    );
    CREATE TRIGGER items_text_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_text (rowid, title, summary) VALUES (new.id, new.title, new.summary);
    END;
    CREATE TRIGGER items_text_delete AFTER DELETE ON items BEGIN
        INSERT INTO items_text (items_text, rowid, title, summary)
            VALUES ('delete', old.id, old.title, old.summary);
    END;
    CREATE TRIGGER items_text_update AFTER UPDATE OF title, summary ON items BEGIN
        INSERT INTO items_text (items_text, rowid, title, summary)
            VALUES ('delete', old.id, old.title, old.summary);
        INSERT INTO items_text (rowid, title, summary) VALUES (new.id, new.title, new.summary);
    END;",
    // 2: an entry's own content (HTML), and the counts of the feed list read from an index.
    "ALTER TABLE items ADD COLUMN content TEXT;
    CREATE INDEX items_by_feed_read ON items (feed, read);",
];

/// The schema version this krant writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

#[derive(Debug, Error)]
pub enum StoreError {
    /// No data folder could be found (no home directory).
    #[error("no data folder")]
    NoDataDir,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Sql(#[from] rusqlite::Error),
    /// The database comes from a newer krant (a higher schema version); it is left alone.
    #[error("schema version {0} is newer than {SCHEMA_VERSION}")]
    Newer(usize),
}

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub title: Option<String>,
    /// Sorted, without repeats.
    pub tags: Vec<String>,
}

/// The subscriptions database.
pub struct FeedStore {
    conn: Connection,
    /// Where a damaged database was moved when this one was opened.
    pub moved_aside: Option<PathBuf>,
}

/// `feeds.sqlite` in krant's data folder (`$XDG_DATA_HOME/krant` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "krant").map(|d| d.data_dir().join("feeds.sqlite"))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Whether `e` says the file is not a database, or a damaged one.
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

impl FeedStore {
    /// Opens the database in the default place, creating it and its folder if need be.
    pub fn open_default() -> Result<FeedStore, StoreError> {
        let path = default_path().ok_or(StoreError::NoDataDir)?;
        FeedStore::open(&path)
    }

    /// Opens (or creates) the database at `path`. A damaged file is moved aside to
    /// `<path>.damaged-<seconds since 1970>` and a new database started in its place.
    pub fn open(path: &Path) -> Result<FeedStore, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        match FeedStore::open_retrying(path) {
            Ok(conn) => Ok(FeedStore {
                conn,
                moved_aside: None,
            }),
            Err(StoreError::Sql(e)) if is_damage(&e) => {
                let aside = move_aside(path)?;
                let conn = FeedStore::open_checked(path)?;
                Ok(FeedStore {
                    conn,
                    moved_aside: Some(aside),
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Opens an existing database quickly, for the feed screens: without the integrity check
    /// of [`FeedStore::open`], which reads the whole file (120 to 170 ms for 60,000 items). A
    /// file that is not a database still fails here; one at another schema version goes
    /// through `open`.
    pub fn open_existing(path: &Path) -> Result<FeedStore, StoreError> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(30))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != SCHEMA_VERSION as i64 {
            drop(conn);
            return FeedStore::open(path);
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(FeedStore {
            conn,
            moved_aside: None,
        })
    }

    /// [`FeedStore::open_checked`], tried again while another process holds a lock that the
    /// busy timeout does not wait for (SQLite answers "locked" at once when two processes
    /// create the database or switch it to WAL at the same moment).
    fn open_retrying(path: &Path) -> Result<Connection, StoreError> {
        let mut tries = 0;
        loop {
            match FeedStore::open_checked(path) {
                Err(StoreError::Sql(e)) if is_busy(&e) && tries < 200 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(5 + 5 * tries.min(20)));
                }
                other => return other,
            }
        }
    }

    fn open_checked(path: &Path) -> Result<Connection, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        // Reading the schema is the first thing that fails on a file that is not a database.
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Sql(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(check),
            )));
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&conn)?;
        Ok(conn)
    }

    /// Runs `f` in one immediate transaction (it takes the write lock at once, so two
    /// processes never both read, then both write).
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T, rusqlite::Error>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Subscribes to `url` with a title and tags (added to any it has). True when it is new.
    pub fn add(
        &mut self,
        url: &str,
        title: Option<&str>,
        tags: &[String],
    ) -> Result<bool, StoreError> {
        self.write(|tx| add_in(tx, url, title, tags))
    }

    /// Subscribes to many feeds in one transaction; returns how many were new.
    pub fn add_all(&mut self, subs: &[Subscription]) -> Result<usize, StoreError> {
        self.write(|tx| {
            let mut new = 0;
            for s in subs {
                new += usize::from(add_in(tx, &s.url, s.title.as_deref(), &s.tags)?);
            }
            Ok(new)
        })
    }

    /// Unsubscribes from `url`, with its items. False when it was not subscribed.
    pub fn remove(&mut self, url: &str) -> Result<bool, StoreError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM feeds WHERE url = ?1", [url])? > 0))
    }

    /// Stores a feed's items (those already there keep their read and starred marks) and
    /// the time of this refresh. Returns how many were new.
    pub fn store_items(
        &mut self,
        url: &str,
        items: &[super::parse::Item],
    ) -> Result<usize, StoreError> {
        self.write(|tx| {
            let feed: Option<i64> = tx
                .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0))
                .optional()?;
            let Some(feed) = feed else {
                return Ok(0);
            };
            let new = insert_items(tx, feed, items)?;
            tx.execute(
                "UPDATE feeds SET last_refresh = ?1, error = NULL WHERE id = ?2",
                params![now(), feed],
            )?;
            Ok(new)
        })
    }

    /// Every subscription with its counts, for the feed list: by title then address. The
    /// counts come from one pass over an index of (feed, read).
    pub fn feed_list(&self) -> Result<Vec<FeedRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.url, f.title, f.last_refresh, f.error,
                 (SELECT group_concat(tag, char(10)) FROM tags WHERE feed = f.id),
                 coalesce(c.total, 0), coalesce(c.unread, 0)
             FROM feeds f LEFT JOIN (
                 SELECT feed, count(*) AS total, sum(read = 0) AS unread FROM items GROUP BY feed
             ) c ON c.feed = f.id
             ORDER BY lower(coalesce(f.title, f.url)), f.url",
        )?;
        let rows = stmt.query_map([], |r| {
            let tags = tag_list(r.get(5)?);
            let total: i64 = r.get(6)?;
            let unread: i64 = r.get(7)?;
            Ok(FeedRow {
                id: r.get(0)?,
                url: r.get(1)?,
                title: r.get(2)?,
                last_refresh: r.get(3)?,
                error: r.get(4)?,
                tags,
                total: total.max(0) as usize,
                unread: unread.max(0) as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The items of one feed, newest first (those without a date last).
    pub fn items(&self, feed: i64) -> Result<Vec<ItemRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ITEM_ROW} WHERE i.feed = ?1 ORDER BY i.published DESC NULLS LAST, i.id DESC"
        ))?;
        let rows = stmt.query_map([feed], item_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The items whose title or text hold every word of `words` (as whole words or as the
    /// start of one), best match first, at most `limit`. Any text is safe here: each word is
    /// quoted for FTS5.
    pub fn search_items(&self, words: &str, limit: usize) -> Result<Vec<ItemRow>, StoreError> {
        let Some(query) = fts_query(words) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ITEM_ROW} JOIN items_text ON items_text.rowid = i.id
             WHERE items_text MATCH ?1 ORDER BY rank LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![query, limit as i64], item_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Everything about one item, to open it.
    pub fn item(&self, id: i64) -> Result<Option<ItemText>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT i.id, coalesce(f.title, f.url), i.title, i.link, i.published, i.summary,
                     i.content, f.url
                 FROM items i JOIN feeds f ON f.id = i.feed WHERE i.id = ?1",
                [id],
                |r| {
                    Ok(ItemText {
                        id: r.get(0)?,
                        feed_title: r.get(1)?,
                        title: r.get(2)?,
                        link: r.get(3)?,
                        published: r.get(4)?,
                        summary: r.get(5)?,
                        content: r.get(6)?,
                        feed_url: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    /// Marks one item read or unread.
    pub fn set_read(&mut self, item: i64, read: bool) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE items SET read = ?2 WHERE id = ?1",
                params![item, read],
            )
            .map(|_| ())
        })
    }

    /// Stars or unstars one item.
    pub fn set_starred(&mut self, item: i64, starred: bool) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE items SET starred = ?2 WHERE id = ?1",
                params![item, starred],
            )
            .map(|_| ())
        })
    }

    /// Marks every item of a feed read.
    pub fn mark_feed_read(&mut self, feed: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE items SET read = 1 WHERE feed = ?1 AND read = 0",
                [feed],
            )
            .map(|_| ())
        })
    }

    /// What a refresh needs of each feed (all of them, or those of `only`): the address and
    /// the validators of the last answer.
    pub fn refresh_targets(&self, only: Option<&[i64]>) -> Result<Vec<Target>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, url, etag, last_modified FROM feeds ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Target {
                id: r.get(0)?,
                url: r.get(1)?,
                etag: r.get(2)?,
                last_modified: r.get(3)?,
            })
        })?;
        let all: Vec<Target> = rows.collect::<Result<_, _>>()?;
        Ok(match only {
            Some(ids) => all.into_iter().filter(|t| ids.contains(&t.id)).collect(),
            None => all,
        })
    }

    /// Records a refresh that brought the feed (its items stored, those already there keep
    /// their marks), with the answer's validators and, after a permanent redirect, the new
    /// address; the feed's title names a subscription that had none. Returns how many items
    /// were new.
    pub fn record_fetched(
        &mut self,
        feed: i64,
        moved_to: Option<&str>,
        title: Option<&str>,
        items: &[super::parse::Item],
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<usize, StoreError> {
        self.write(|tx| {
            let new = insert_items(tx, feed, items)?;
            tx.execute(
                "UPDATE feeds SET last_refresh = ?2, error = NULL, etag = ?3, last_modified = ?4,
                     title = coalesce(title, ?5)
                 WHERE id = ?1",
                params![feed, now(), etag, last_modified, title],
            )?;
            move_feed(tx, feed, moved_to)?;
            Ok(new)
        })
    }

    /// Records a refresh the server answered with "not modified".
    pub fn record_unchanged(
        &mut self,
        feed: i64,
        moved_to: Option<&str>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE feeds SET last_refresh = ?2, error = NULL WHERE id = ?1",
                params![feed, now()],
            )?;
            move_feed(tx, feed, moved_to)
        })
    }

    /// Records why a refresh failed (a short code; see `refresh::Failure`). The items stay.
    pub fn record_error(&mut self, feed: i64, code: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE feeds SET last_refresh = ?2, error = ?3 WHERE id = ?1",
                params![feed, now(), code],
            )
            .map(|_| ())
        })
    }

    /// Every subscription, by title then address.
    pub fn subscriptions(&self) -> Result<Vec<Subscription>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT f.url, f.title, group_concat(t.tag, char(10))
             FROM feeds f LEFT JOIN tags t ON t.feed = f.id
             GROUP BY f.id ORDER BY lower(coalesce(f.title, f.url)), f.url",
        )?;
        let rows = stmt.query_map([], |r| {
            let tags = tag_list(r.get(2)?);
            Ok(Subscription {
                url: r.get(0)?,
                title: r.get(1)?,
                tags,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The ids (feed address, item id) of the items whose title or text match `query` (FTS5
    /// syntax; words are matched whole or by prefix with `*`).
    pub fn search(&self, query: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT f.url, i.guid FROM items_text
             JOIN items i ON i.id = items_text.rowid JOIN feeds f ON f.id = i.feed
             WHERE items_text MATCH ?1 ORDER BY rank",
        )?;
        let rows = stmt.query_map([query], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(v.max(0) as usize)
    }
}

/// One row of the feed list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    /// Sorted, without repeats.
    pub tags: Vec<String>,
    pub unread: usize,
    pub total: usize,
    /// Seconds since 1970 of the last refresh.
    pub last_refresh: Option<i64>,
    /// Why the last refresh failed (a code of `refresh::Failure`).
    pub error: Option<String>,
}

/// One row of an item list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: i64,
    pub feed: i64,
    /// The feed's title, else its address.
    pub feed_title: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub read: bool,
    pub starred: bool,
}

/// An item with its text, to open it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemText {
    pub id: i64,
    pub feed_title: String,
    pub title: Option<String>,
    pub link: Option<String>,
    pub published: Option<String>,
    pub summary: Option<String>,
    /// The entry's own content, HTML.
    pub content: Option<String>,
    /// Where the feed is (a link may be relative to it).
    pub feed_url: String,
}

/// A feed to refresh: where it is and the validators of its last answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: i64,
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

const ITEM_ROW: &str = "SELECT i.id, i.feed, coalesce(f.title, f.url), i.title, i.published,
    i.read, i.starred FROM items i JOIN feeds f ON f.id = i.feed";

fn item_row(r: &rusqlite::Row) -> Result<ItemRow, rusqlite::Error> {
    Ok(ItemRow {
        id: r.get(0)?,
        feed: r.get(1)?,
        feed_title: r.get(2)?,
        title: r.get(3)?,
        published: r.get(4)?,
        read: r.get(5)?,
        starred: r.get(6)?,
    })
}

/// The words of what a person typed as an FTS5 query: each word quoted (so that no character
/// has a meaning of its own) and matched as a prefix; None when there is no word.
pub fn fts_query(words: &str) -> Option<String> {
    let terms: Vec<String> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Stores items of feed `feed` (those already there keep their read and starred marks);
/// returns how many were new.
fn insert_items(
    tx: &rusqlite::Transaction,
    feed: i64,
    items: &[super::parse::Item],
) -> Result<usize, rusqlite::Error> {
    let count = |tx: &rusqlite::Transaction| -> Result<i64, rusqlite::Error> {
        tx.query_row("SELECT count(*) FROM items WHERE feed = ?1", [feed], |r| {
            r.get(0)
        })
    };
    let before = count(tx)?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO items (feed, guid, title, link, published, summary, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (feed, guid) DO UPDATE SET title = excluded.title,
             link = excluded.link, published = excluded.published,
             summary = excluded.summary, content = excluded.content
         WHERE title IS NOT excluded.title OR link IS NOT excluded.link
             OR published IS NOT excluded.published OR summary IS NOT excluded.summary
             OR content IS NOT excluded.content",
    )?;
    for i in items {
        insert.execute(params![
            feed,
            i.id,
            i.title,
            i.link,
            i.published,
            i.summary,
            i.content
        ])?;
    }
    Ok((count(tx)? - before).max(0) as usize)
}

/// Moves a subscription to the address it was permanently redirected to, unless another
/// subscription is already there.
fn move_feed(
    tx: &rusqlite::Transaction,
    feed: i64,
    moved_to: Option<&str>,
) -> Result<(), rusqlite::Error> {
    if let Some(url) = moved_to {
        tx.execute(
            "UPDATE OR IGNORE feeds SET url = ?2 WHERE id = ?1",
            params![feed, url],
        )?;
    }
    Ok(())
}

fn add_in(
    tx: &rusqlite::Transaction,
    url: &str,
    title: Option<&str>,
    tags: &[String],
) -> Result<bool, rusqlite::Error> {
    let new = tx.execute(
        "INSERT INTO feeds (url, title, added) VALUES (?1, ?2, ?3) ON CONFLICT (url) DO NOTHING",
        params![url, title, now()],
    )? > 0;
    if !new && title.is_some() {
        tx.execute(
            "UPDATE feeds SET title = ?2 WHERE url = ?1 AND title IS NULL",
            params![url, title],
        )?;
    }
    let id: i64 = tx.query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0))?;
    for tag in tags {
        tx.execute(
            "INSERT OR IGNORE INTO tags (feed, tag) VALUES (?1, ?2)",
            params![id, tag],
        )?;
    }
    Ok(new)
}

/// Brings the schema up to [`SCHEMA_VERSION`], each step in its own transaction.
fn migrate(conn: &Connection) -> Result<(), StoreError> {
    loop {
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let version = version.max(0) as usize;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer(version));
        }
        let Some(step) = MIGRATIONS.get(version) else {
            return Ok(());
        };
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", (version + 1) as i64)?;
        tx.commit()?;
    }
}

/// A feed's tags as `group_concat` joined them (one per line): sorted, each once.
fn tag_list(joined: Option<String>) -> Vec<String> {
    let mut tags: Vec<String> = joined
        .unwrap_or_default()
        .split('\n')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// Whether SQLite said that another connection holds a lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Moves a damaged database (and its journal files) aside; returns where it went.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "feeds.sqlite".to_owned());
    let mut aside = path.with_file_name(format!("{name}.damaged-{}", now()));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{name}.damaged-{}-{n}", now()));
        n += 1;
    }
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let side = path.with_file_name(format!("{name}{suffix}"));
        if side.exists() {
            let _ = std::fs::rename(
                &side,
                aside.with_file_name(format!(
                    "{}{suffix}",
                    aside.file_name().unwrap_or_default().to_string_lossy()
                )),
            );
        }
    }
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> crate::test_dir::TestFile {
        crate::test_dir::TestFile::new(&format!("feeds-{name}"), "feeds.sqlite")
    }

    fn item(id: &str, title: &str, summary: &str) -> super::super::parse::Item {
        super::super::parse::Item {
            id: id.into(),
            title: Some(title.into()),
            link: None,
            published: None,
            summary: Some(summary.into()),
            content: None,
        }
    }

    #[test]
    fn subscriptions_tags_items_and_search() {
        let path = temp("basic");
        let mut s = FeedStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(s
            .add("https://a.example/f", Some("A"), &["news".into()])
            .unwrap());
        assert!(!s
            .add("https://a.example/f", None, &["tech".into()])
            .unwrap());
        assert!(s.add("https://b.example/f", None, &[]).unwrap());
        let subs = s.subscriptions().unwrap();
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].title.as_deref(), Some("A"));
        assert_eq!(subs[0].tags, ["news", "tech"]);
        let items = [
            item("1", "Dike strengthened", "The water board is done."),
            item("2", "Tram runs again", "After the repairs."),
        ];
        assert_eq!(s.store_items("https://a.example/f", &items).unwrap(), 2);
        assert_eq!(s.store_items("https://a.example/f", &items).unwrap(), 0);
        assert_eq!(
            s.search("water").unwrap(),
            [("https://a.example/f".to_owned(), "1".to_owned())]
        );
        assert_eq!(s.search("tram").unwrap().len(), 1);
        assert!(s.remove("https://a.example/f").unwrap());
        assert!(!s.remove("https://a.example/f").unwrap());
        assert!(s.search("water").unwrap().is_empty());
        // Reopening keeps what was written and runs no migration twice.
        drop(s);
        let s = FeedStore::open(&path).unwrap();
        assert_eq!(s.subscriptions().unwrap().len(), 1);
        assert!(s.moved_aside.is_none());
    }

    #[test]
    fn a_damaged_database_is_moved_aside_not_emptied() {
        let path = temp("damaged");
        let junk = b"this is not a database, but someone's data all the same".repeat(200);
        std::fs::write(&path, &junk).unwrap();
        let s = FeedStore::open(&path).unwrap();
        let aside = s.moved_aside.clone().expect("moved aside");
        assert_eq!(std::fs::read(&aside).unwrap(), junk);
        assert!(s.subscriptions().unwrap().is_empty());
    }

    #[test]
    fn the_quick_open_reads_what_open_wrote_and_refuses_junk() {
        let path = temp("quick");
        FeedStore::open(&path)
            .unwrap()
            .add("https://a.example/f", Some("A"), &[])
            .unwrap();
        let s = FeedStore::open_existing(&path).unwrap();
        assert_eq!(s.feed_list().unwrap()[0].title.as_deref(), Some("A"));
        let junk = temp("quick-junk");
        std::fs::write(
            &junk,
            b"not a database at all, and long enough to look like one".repeat(100),
        )
        .unwrap();
        assert!(FeedStore::open_existing(&junk).is_err());
        assert!(FeedStore::open_existing(&temp("quick-missing")).is_err());
    }

    #[test]
    fn any_typed_search_is_safe() {
        let path = temp("fts");
        let mut s = FeedStore::open(&path).unwrap();
        s.add("https://a.example/f", Some("A"), &[]).unwrap();
        s.store_items(
            "https://a.example/f",
            &[item("1", "Café reopens", "NOT the end: OR a beginning")],
        )
        .unwrap();
        for typed in [
            "\"",
            "*",
            "NEAR(a b",
            "a -b",
            "title:x",
            "^start",
            "AND OR NOT",
            "\0",
            "🦀 (",
            "'; DROP TABLE items; --",
            "",
        ] {
            assert!(s.search_items(typed, 10).is_ok(), "{typed:?}");
        }
        assert_eq!(s.search_items("cafe", 10).unwrap().len(), 1);
        assert_eq!(s.search_items("NOT the", 10).unwrap().len(), 1);
        assert_eq!(s.search_items("beg", 10).unwrap().len(), 1);
        assert_eq!(fts_query("a-b c"), Some("\"a\"* \"b\"* \"c\"*".to_owned()));
        assert_eq!(fts_query(" ,; "), None);
    }

    #[test]
    fn a_newer_schema_is_left_alone() {
        let path = temp("newer");
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        }
        assert!(matches!(FeedStore::open(&path), Err(StoreError::Newer(99))));
        let c = Connection::open(&path).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 99);
    }
}
