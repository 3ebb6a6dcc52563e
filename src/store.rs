//! Settings and reading positions on disk, in the directories the `directories` crate gives
//! (so `XDG_CONFIG_HOME` and `XDG_STATE_HOME` are honoured).
//!
//! - Writes are atomic: a temporary file in the same folder, synced, renamed over the old one.
//! - Reading positions are merged under an exclusive lock (read, merge, write), so two instances
//!   quitting at the same moment both keep their positions.
//! - A damaged file is moved aside (`*.corrupt-<time>`) and defaults are used, with a notice.
//! - A file written by a newer version is read as far as understood and never overwritten.
//! - An unwritable folder means running without saving, with one notice.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

/// The format version this build writes.
pub const VERSION: u32 = 1;
/// Most reading positions remembered; the oldest are forgotten first.
pub const MAX_POSITIONS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Corrupt,
    Newer,
    ReadOnly,
}

impl Notice {
    pub fn message_id(self) -> &'static str {
        match self {
            Notice::Corrupt => "notice-state-corrupt",
            Notice::Newer => "notice-state-newer",
            Notice::ReadOnly => "notice-state-readonly",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub version: u32,
    /// The interface language the user chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panels: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset of the text at the top of the screen.
    pub offset: usize,
    /// Seconds since the epoch when it was saved (to forget the oldest).
    #[serde(default)]
    pub time: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Positions {
    #[serde(default)]
    pub version: u32,
    /// Keyed by the hex hash of the article's text.
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        Lang::from_code(&s).ok_or_else(|| serde::de::Error::custom("unknown language"))
    }
}

/// What reading one file gave.
enum Loaded<T> {
    Missing,
    Ok(T),
    Corrupt,
    Newer(T),
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn load<T: for<'de> Deserialize<'de> + Default>(path: &Path) -> Loaded<T> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(_) => return Loaded::Missing,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Loaded::Missing;
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Loaded::Corrupt;
    };
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if v > VERSION as u64 => {
            // Take what this version understands, field by field.
            let t = serde_json::from_value::<T>(value).unwrap_or_default();
            Loaded::Newer(t)
        }
        Some(_) => match serde_json::from_value::<T>(value) {
            Ok(t) => Loaded::Ok(t),
            Err(_) => Loaded::Corrupt,
        },
        None => Loaded::Corrupt,
    }
}

fn move_aside(path: &Path) {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".corrupt-{}", now()));
    let _ = fs::rename(path, PathBuf::from(name));
}

/// Writes `bytes` to `path` atomically: temporary file, sync, rename, sync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let tmp = dir.join(format!(
        ".{}.{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("state"),
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// An exclusive lock on `<path>.lock`, released when dropped.
struct Lock(File);

impl Lock {
    fn take(path: &Path) -> std::io::Result<Lock> {
        let mut name = path.as_os_str().to_owned();
        name.push(".lock");
        let f = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(PathBuf::from(name))?;
        // SAFETY: flock on a file descriptor we own for the lifetime of `f`.
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Lock(f))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // SAFETY: as above.
        unsafe {
            libc::flock(self.0.as_raw_fd(), libc::LOCK_UN);
        }
    }
}

fn default_settings_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "krant").map(|d| d.config_dir().join("settings.json"))
}

/// The interface language saved in the standard settings file, read without touching it (a
/// damaged file is left for the reader to set aside and report): for the messages printed
/// before the reader starts.
pub fn saved_language() -> Option<Lang> {
    match load::<Settings>(&default_settings_path()?) {
        Loaded::Ok(s) | Loaded::Newer(s) => s.language,
        Loaded::Missing | Loaded::Corrupt => None,
    }
}

/// The two files and what is known about them.
#[derive(Debug)]
pub struct Store {
    settings_path: Option<PathBuf>,
    positions_path: Option<PathBuf>,
    pub settings: Settings,
    pub positions: Positions,
    settings_frozen: bool,
    positions_frozen: bool,
    read_only: bool,
    pub notices: Vec<Notice>,
}

impl Store {
    /// The store in the standard places (none when no home directory is known).
    pub fn open_default() -> Store {
        let dirs = directories::ProjectDirs::from("", "", "krant");
        let config = default_settings_path();
        let state = dirs.as_ref().map(|d| {
            d.state_dir()
                .unwrap_or_else(|| d.data_local_dir())
                .join("positions.json")
        });
        Store::open(config, state)
    }

    pub fn open(settings_path: Option<PathBuf>, positions_path: Option<PathBuf>) -> Store {
        let mut s = Store {
            settings_path,
            positions_path,
            settings: Settings::default(),
            positions: Positions::default(),
            settings_frozen: false,
            positions_frozen: false,
            read_only: false,
            notices: Vec::new(),
        };
        if let Some(p) = s.settings_path.clone() {
            match load::<Settings>(&p) {
                Loaded::Missing => {}
                Loaded::Ok(t) => s.settings = t,
                Loaded::Corrupt => {
                    move_aside(&p);
                    s.notice(Notice::Corrupt);
                }
                Loaded::Newer(t) => {
                    s.settings = t;
                    s.settings_frozen = true;
                    s.notice(Notice::Newer);
                }
            }
        }
        if let Some(p) = s.positions_path.clone() {
            match load::<Positions>(&p) {
                Loaded::Missing => {}
                Loaded::Ok(t) => s.positions = t,
                Loaded::Corrupt => {
                    move_aside(&p);
                    s.notice(Notice::Corrupt);
                }
                Loaded::Newer(t) => {
                    s.positions = t;
                    s.positions_frozen = true;
                    s.notice(Notice::Newer);
                }
            }
        }
        s
    }

    /// Finds out at start whether anything can be saved (creating the folders if needed), so
    /// that the notice shows at once rather than on quitting.
    pub fn check_writable(&mut self) {
        let dirs = [&self.settings_path, &self.positions_path];
        let ok = dirs
            .iter()
            .filter_map(|p| p.as_ref().and_then(|p| p.parent()))
            .all(|d| {
                fs::create_dir_all(d).is_ok()
                    && fs::metadata(d).is_ok_and(|m| !m.permissions().readonly())
            });
        if !ok {
            self.read_only = true;
            self.notice(Notice::ReadOnly);
        }
    }

    fn notice(&mut self, n: Notice) {
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }

    pub fn position(&self, hash: u64) -> Option<Position> {
        self.positions
            .positions
            .get(&format!("{hash:016x}"))
            .copied()
    }

    /// Saves the settings (whole file; the last writer wins).
    pub fn save_settings(&mut self, settings: Settings) {
        self.settings = settings;
        if self.settings_frozen || self.read_only {
            return;
        }
        let Some(path) = self.settings_path.clone() else {
            return;
        };
        let mut out = self.settings.clone();
        out.version = VERSION;
        let bytes = serde_json::to_vec_pretty(&out).unwrap_or_default();
        if write_atomic(&path, &bytes).is_err() {
            self.read_only = true;
            self.notice(Notice::ReadOnly);
        }
    }

    /// Saves one reading position, merged with what other instances saved meanwhile.
    pub fn save_position(&mut self, hash: u64, offset: usize) {
        let key = format!("{hash:016x}");
        let pos = Position {
            offset,
            time: now(),
        };
        self.positions.positions.insert(key.clone(), pos);
        if self.positions_frozen || self.read_only {
            return;
        }
        let Some(path) = self.positions_path.clone() else {
            return;
        };
        let result = (|| -> std::io::Result<()> {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            let _lock = Lock::take(&path)?;
            let mut current = match load::<Positions>(&path) {
                Loaded::Ok(t) => t,
                Loaded::Newer(_) => return Ok(()),
                Loaded::Missing => Positions::default(),
                Loaded::Corrupt => {
                    move_aside(&path);
                    Positions::default()
                }
            };
            current.positions.insert(key, pos);
            while current.positions.len() > MAX_POSITIONS {
                let oldest = current
                    .positions
                    .iter()
                    .min_by_key(|(_, p)| p.time)
                    .map(|(k, _)| k.clone());
                match oldest {
                    Some(k) => current.positions.remove(&k),
                    None => break,
                };
            }
            current.version = VERSION;
            let bytes = serde_json::to_vec_pretty(&current).unwrap_or_default();
            write_atomic(&path, &bytes)?;
            self.positions = current;
            Ok(())
        })();
        if result.is_err() {
            self.read_only = true;
            self.notice(Notice::ReadOnly);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> crate::test_dir::TestDir {
        crate::test_dir::TestDir::new(&format!("store-{name}"))
    }

    fn store(d: &Path) -> Store {
        Store::open(
            Some(d.join("settings.json")),
            Some(d.join("positions.json")),
        )
    }

    #[test]
    fn round_trip() {
        let d = dir("round");
        let mut s = store(&d);
        s.check_writable();
        assert!(s.notices.is_empty());
        s.save_settings(Settings {
            language: Some(Lang::De),
            panels: Some(false),
            ..Settings::default()
        });
        s.save_position(42, 1234);
        let s = store(&d);
        assert_eq!(s.settings.language, Some(Lang::De));
        assert_eq!(s.settings.panels, Some(false));
        assert_eq!(s.position(42).map(|p| p.offset), Some(1234));
        assert!(s.notices.is_empty());
    }

    #[test]
    fn corrupt_files_are_moved_aside() {
        for (i, bad) in [
            &b"{\"version\": 1, \"positions\": {\"x\": {\"off"[..],
            b"\x07b\xbd\x18s\xce)\x84",
            b"{\"version\": \"one\", \"positions\": [1,2,3]}",
            b"\xef\xbb\xbfversion = 1\r\n",
        ]
        .iter()
        .enumerate()
        {
            let d = dir(&format!("corrupt{i}"));
            fs::write(d.join("positions.json"), bad).unwrap();
            let mut s = store(&d);
            assert_eq!(s.notices, [Notice::Corrupt]);
            assert!(s.positions.positions.is_empty());
            let aside = fs::read_dir(&d)
                .unwrap()
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
            assert!(aside, "the damaged file is kept aside");
            s.save_position(1, 2);
            assert_eq!(store(&d).position(1).map(|p| p.offset), Some(2));
        }
    }

    #[test]
    fn empty_file_is_no_state() {
        let d = dir("empty");
        fs::write(d.join("positions.json"), b"").unwrap();
        assert!(store(&d).notices.is_empty());
    }

    #[test]
    fn newer_version_is_never_overwritten() {
        let d = dir("newer");
        let future =
            br#"{"version": 99, "language": "de", "new_feature_from_v99": {"keep": "me"}}"#;
        fs::write(d.join("settings.json"), future).unwrap();
        fs::write(
            d.join("positions.json"),
            br#"{"version": 99, "positions": {}}"#,
        )
        .unwrap();
        let mut s = store(&d);
        assert_eq!(s.notices, [Notice::Newer]);
        assert_eq!(s.settings.language, Some(Lang::De));
        s.save_settings(Settings::default());
        s.save_position(7, 7);
        assert_eq!(fs::read(d.join("settings.json")).unwrap(), future);
        assert_eq!(
            fs::read(d.join("positions.json")).unwrap(),
            br#"{"version": 99, "positions": {}}"#
        );
    }

    #[test]
    fn out_of_range_values_do_not_break_loading() {
        let d = dir("range");
        fs::write(d.join("positions.json"), br#"{"version": 1, "positions": {"00000000000000aa": {"offset": 18446744073709551615}}}"#).unwrap();
        let s = store(&d);
        assert_eq!(s.position(0xaa).map(|p| p.offset), Some(usize::MAX));
    }

    #[test]
    fn unwritable_folder_means_one_notice() {
        // A regular file where the folder should be: creating the folder fails, even as root.
        let d = dir("ro");
        fs::write(d.join("blocker"), b"").unwrap();
        let mut s = Store::open(
            Some(d.join("blocker/settings.json")),
            Some(d.join("blocker/positions.json")),
        );
        s.save_settings(Settings::default());
        s.save_position(1, 1);
        s.save_position(2, 2);
        assert_eq!(s.notices, [Notice::ReadOnly]);
    }

    #[test]
    fn concurrent_saves_keep_both_positions() {
        let d = dir("concurrent");
        for round in 0..50u64 {
            let handles: Vec<_> = (0..2u64)
                .map(|k| {
                    let d = d.to_path_buf();
                    std::thread::spawn(move || {
                        store(&d).save_position(round * 2 + k, (round * 2 + k) as usize)
                    })
                })
                .collect();
            for h in handles {
                h.join().unwrap();
            }
            let s = store(&d);
            assert!(s.notices.is_empty());
            assert_eq!(
                s.position(round * 2).map(|p| p.offset),
                Some((round * 2) as usize)
            );
            assert_eq!(
                s.position(round * 2 + 1).map(|p| p.offset),
                Some((round * 2 + 1) as usize)
            );
        }
    }
}
