//! Driving the real binary in a pseudo-terminal (tmux), as a person would: keys in, screen out.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_krant")
}

/// The shell command line that opens `file` in krant (quoted for the shell; test paths hold
/// no `'`).
pub fn open_command(file: &Path) -> String {
    format!("{} '{}'", bin(), file.display())
}

/// A fresh directory under the target dir, for state and files of one test.
/// A fixture file: `tests/fixtures/<folder>/<name>`.
pub fn fixture(folder: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
        .join(name)
}

pub fn temp_dir(name: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The krant binary as a command that no saved choice of the person running the tests can
/// steer: HOME is a fresh temporary folder (the XDG folders follow it), LANG=C and no other
/// locale variable. A test sets its own HOME, XDG folder or LANG after this where it needs one.
pub fn krant() -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("HOME", temp_dir("home"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_STATE_HOME")
        .env_remove("XDG_CACHE_HOME");
    cmd
}

/// One private tmux server with one window running a command.
pub struct Tmux {
    socket: String,
    pub home: PathBuf,
}

impl Tmux {
    /// Starts `command` (a shell command line) in a `width`x`height` window, with HOME and the
    /// XDG directories in a fresh temporary folder and LANG=C (English interface).
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Tmux {
        let home = temp_dir(name);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        // Unique even when a process id is reused: a stale server must never be joined.
        let socket = format!(
            "krant-test-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let _ = Command::new("tmux")
            .args(["-L", &socket, "kill-server"])
            .output();
        let t = Tmux { socket, home };
        let env = t.env();
        let status = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
            ])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .arg(format!("{env}{command}"))
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux new-session failed");
        let _ = Command::new("tmux")
            .args(["-L", &t.socket, "set", "-g", "status", "off"])
            .status();
        let _ = Command::new("tmux")
            .args(["-L", &t.socket, "set", "-g", "remain-on-exit", "on"])
            .status();
        let _ = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "resize-window",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .status();
        t
    }

    /// The shell prefix that gives a command this test's HOME and XDG folders.
    fn env(&self) -> String {
        format!(
            "export HOME='{h}' XDG_CONFIG_HOME='{h}/config' XDG_STATE_HOME='{h}/state' XDG_DATA_HOME='{h}/data' LANG=C LC_ALL= LC_MESSAGES= TERM=xterm-256color; cd '{h}'; ",
            h = self.home.display()
        )
    }

    /// Replaces the window's program with `command` (same environment as `start`).
    pub fn respawn(&self, command: &str) {
        self.tmux(&[
            "respawn-pane",
            "-k",
            "-t",
            "0",
            &format!("{}{command}", self.env()),
        ]);
    }

    /// Types keys (tmux send-keys arguments, e.g. `"]"`, `"Enter"`, `"C-z"`).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = Command::new("tmux")
                .args(["-L", &self.socket, "send-keys", "-t", "0", k])
                .status()
                .expect("send-keys");
            assert!(status.success());
        }
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0", "-l", text])
            .status()
            .expect("send-keys");
        assert!(status.success());
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "0"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its SGR escape sequences (to see what is selected or highlighted).
    pub fn screen_styled(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-e", "-p", "-t", "0"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn rows(&self) -> Vec<String> {
        self.screen().lines().map(str::to_owned).collect()
    }

    /// Waits until `pred` holds for the screen; panics with the screen after a timeout.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until every one of `texts` is on screen at once (a frame can be captured half
    /// drawn, so related checks wait together).
    pub fn wait_all(&self, texts: &[&str]) -> String {
        self.wait_for(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits until the screen has stopped changing without `text` on it: a status that is
    /// not yet shown when the first frame is drawn (the analysis starting) cannot pass for one
    /// that is gone.
    pub fn settle_without(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            self.wait_for(&format!("no {text}"), |s| !s.contains(text));
            let s = self.settle();
            if !s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for a settled screen without {text}; screen:\n{s}");
            }
        }
    }

    /// Waits until the screen stops changing.
    pub fn settle(&self) -> String {
        let mut last = self.screen();
        let mut stable = 0;
        let start = Instant::now();
        while stable < 4 && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(40));
            let s = self.screen();
            if s == last {
                stable += 1;
            } else {
                stable = 0;
                last = s;
            }
        }
        last
    }

    /// Whether the pane's process has exited.
    pub fn dead(&self) -> bool {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "0",
                "#{pane_dead}",
            ])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Runs a tmux command on this server and returns its output.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.join(name)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}
