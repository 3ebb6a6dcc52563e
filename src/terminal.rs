//! Taking over the terminal and always giving it back: on exit, on panic (any thread), on
//! SIGTERM/SIGHUP and around Ctrl-Z.

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{stdout, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, the alternate screen, mouse capture, no cursor.
fn take() -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

pub fn enter() -> std::io::Result<Term> {
    take()?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Gives the terminal back as it was found. Safe to call more than once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// The last panic of a background thread, to be shown as a notice.
pub static WORKER_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// On the main thread a panic ends the program: the terminal is restored before the message.
/// A background thread's panic is caught where it runs (its work is dropped and a notice
/// shown), so the screen is left alone and the message kept for the notice.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("main") {
            restore();
            previous(info);
        } else if let Ok(mut slot) = WORKER_PANIC.lock() {
            *slot = Some(info.to_string());
        }
    }));
}

/// Flags raised by SIGTERM and SIGHUP, checked by the event loop.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    pub term: Arc<AtomicBool>,
    pub hup: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> Signals {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let s = Signals::default();
        for (sig, flag) in [(SIGTERM, &s.term), (SIGHUP, &s.hup)] {
            // A second signal while the first is being handled ends the process at once.
            let _ =
                signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(flag));
            let _ = signal_hook::flag::register(sig, Arc::clone(flag));
        }
        s
    }

    /// The signal number received, if any.
    pub fn pending(&self) -> Option<i32> {
        if self.term.load(Ordering::SeqCst) {
            Some(signal_hook::consts::SIGTERM)
        } else if self.hup.load(Ordering::SeqCst) {
            Some(signal_hook::consts::SIGHUP)
        } else {
            None
        }
    }
}

/// Whether the terminal has gone away (its window closed): reading it would only give EOF.
pub fn hung_up() -> bool {
    let mut fds = [libc::pollfd {
        fd: libc::STDOUT_FILENO,
        events: 0,
        revents: 0,
    }];
    // SAFETY: one valid pollfd, zero timeout.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, 0) };
    n > 0 && fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Ctrl-Z: give the terminal back, stop, and take it again when continued.
pub fn suspend(term: &mut Term) -> std::io::Result<()> {
    restore();
    // SAFETY: raising a signal for our own process; SIGTSTP's default action stops it.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    take()?;
    term.clear()
}
