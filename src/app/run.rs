//! The event loop: keys, mouse, resizes, signals and background results in; frames out.

use super::action::{Action, Mode};
use super::keymap;
use super::model::{Model, Overlay};
use super::update::update;
use crate::article::sanitize::{sanitize, Breaks, Neutralised};
use crate::terminal::{self, Signals};
use crate::ui::{view, Theme};
use crossterm::event::{self, Event};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// Why the loop ended.
pub enum Exit {
    Quit,
    Signal(i32),
}

/// Gives the calling thread a lower scheduling priority: the analysis then never holds up what
/// the reader is waiting for (a search count, the structure of a large file) when the cores are
/// busy.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority only read and set the calling thread's nice value (on
    // Linux it is per thread).
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// Analyses the article in a worker thread, batch by batch; results arrive as actions.
/// The worker stops when the receiver is gone (the article was replaced or the reader quit).
fn spawn_analysis(m: &Model) -> Receiver<Action> {
    let (tx, rx) = channel();
    // Shared with the worker, not copied.
    let text = std::sync::Arc::clone(&m.doc.article.text);
    let blocks = std::sync::Arc::clone(&m.doc.article.blocks);
    let dateline = m.doc.article.dateline.clone();
    let lang = m.doc.language.lang;
    // A web page's text was sanitised when it was extracted: its count comes with it.
    let page = m.doc.source_meta.as_ref().map(|p| p.neutralised);
    std::thread::spawn(move || {
        lower_priority();
        let work = std::panic::AssertUnwindSafe(|| {
            let mut n = Neutralised::default();
            if let Some(p) = page {
                n.add(p);
            }
            for b in blocks.iter() {
                let breaks = if b.joined { Breaks::Join } else { Breaks::Keep };
                n.add(sanitize(&text[b.range.clone()], breaks).neutralised);
            }
            if tx.send(Action::Neutralised(n)).is_err() {
                return;
            }
            let ranges = crate::article::parse::analysis_ranges(&blocks, dateline);
            let total = ranges.iter().map(|r| r.len()).sum::<usize>().max(1);
            let mut sent = false;
            crate::pipeline::analyze_batches(&text, &ranges, lang, |part, done, last| {
                sent = true;
                tx.send(Action::AnalysisPart {
                    part: Box::new(part),
                    percent: done * 100 / total,
                    last,
                })
                .is_ok()
            });
            if !sent {
                let _ = tx.send(Action::AnalysisPart {
                    part: Box::default(),
                    percent: 100,
                    last: true,
                });
            }
        });
        if std::panic::catch_unwind(work).is_err() {
            // What was found so far stays; the reader goes on without the rest.
            let _ = tx.send(Action::AnalysisFailed);
        }
    });
    rx
}

/// Counts all matches of the current query in a worker thread; it gives up as soon as the
/// query changes.
fn spawn_count(
    m: &Model,
    tx: std::sync::mpsc::Sender<Action>,
    latest: &std::sync::Arc<std::sync::atomic::AtomicU64>,
) {
    use std::sync::atomic::Ordering;
    let generation = m.search.generation;
    latest.store(generation, Ordering::SeqCst);
    let latest = std::sync::Arc::clone(latest);
    let text = std::sync::Arc::clone(&m.doc.article.text);
    let body = m.doc.body();
    let query = m.search.query.clone();
    std::thread::spawn(move || {
        let max = super::model::MAX_LISTED_MATCHES;
        let cancelled = || latest.load(Ordering::SeqCst) != generation;
        let Some((starts, capped)) =
            crate::article::search::count_matches(&text, body, &query, max, cancelled)
        else {
            return;
        };
        let all = super::model::MatchList { starts, capped };
        let _ = tx.send(Action::SearchCounted { generation, all });
    });
}

/// Downloads and opens the article `m.loading` asks for in a worker thread; progress and the
/// result arrive as actions. Dropping the receiver abandons it.
fn spawn_load(m: &Model) -> Option<Receiver<Action>> {
    let l = m.loading.as_ref()?;
    let (tx, rx) = channel();
    let source = l.request.source.clone();
    let cancel = std::sync::Arc::clone(&l.cancel);
    let lang = m.i18n.lang();
    std::thread::spawn(move || {
        let mut shown = 0;
        let mut progress = |received: u64, total: Option<u64>| {
            // A frame's worth of news at most every 32 KB.
            if received >= shown + (32 << 10) {
                shown = received;
                let _ = tx.send(Action::LoadProgress { received, total });
            }
        };
        let work = std::panic::AssertUnwindSafe(|| {
            super::load::load(&source, lang, &cancel, &mut progress)
        });
        let result = match std::panic::catch_unwind(work) {
            Ok(r) => r,
            Err(_) => {
                Err(crate::i18n::I18n::new(lang).tr_s("error-binary", "path", &source.label()))
            }
        };
        let _ = tx.send(match result {
            Ok(doc) => Action::Loaded(super::load::Payload::new(doc)),
            Err(why) => Action::LoadFailed(why),
        });
    });
    Some(rx)
}

/// Reads and parses the whole of a large file whose start is shown; progress and the result
/// arrive as actions. Dropping the receiver abandons it.
fn spawn_whole(m: &Model) -> Option<Receiver<Action>> {
    let g = m.growing.as_ref()?;
    let (tx, rx) = channel();
    let path = g.path.clone();
    let len = g.len.max(1);
    let lang = m.i18n.lang();
    std::thread::spawn(move || {
        let work = std::panic::AssertUnwindSafe(|| {
            // Reading is about a third of the work, parsing the rest.
            let mut shown = 0;
            let mut progress = |read: u64| {
                let percent = (read * 33 / len) as usize;
                if percent >= shown + 5 {
                    shown = percent;
                    let _ = tx.send(Action::StructureProgress(percent));
                }
            };
            let source = crate::input::Source::File(path.clone());
            let bytes = crate::input::read_file_with_progress(&path, &mut progress)
                .map_err(|e| e.message(&crate::i18n::I18n::new(lang)))?;
            let _ = tx.send(Action::StructureProgress(33));
            crate::document::Document::from_bytes(bytes).map_err(|_| {
                crate::i18n::I18n::new(lang).tr_s("error-binary", "path", &source.label())
            })
        });
        let result = std::panic::catch_unwind(work).unwrap_or_else(|_| {
            let label = crate::article::sanitize::path_for_display(&path);
            Err(crate::i18n::I18n::new(lang).tr_s("error-binary", "path", &label))
        });
        let _ = tx.send(match result {
            Ok(doc) => Action::Structure(super::load::Payload::new(doc)),
            Err(why) => Action::StructureFailed(why),
        });
    });
    Some(rx)
}

fn mode(m: &Model) -> Mode {
    if let Some(mode) = super::feeds_io::mode(m) {
        return mode;
    }
    let now = match m.overlay {
        Overlay::Help => Mode::Help,
        Overlay::Switcher { .. } => Mode::Switcher,
        Overlay::Links { .. } => Mode::Links,
        Overlay::None if m.search.editing => Mode::Searching,
        Overlay::None => Mode::Normal,
    };
    match &m.growing {
        Some(g) => g.mode_after(now),
        None => now,
    }
}

pub fn run(m: &mut Model, term: &mut terminal::Term, signals: &Signals) -> std::io::Result<Exit> {
    let theme = Theme::from_env();
    // A large file shown from its start is analysed once the whole is known.
    let mut whole = spawn_whole(m);
    let mut worker = whole.is_none().then(|| spawn_analysis(m));
    let mut loader: Option<Receiver<Action>> = None;
    let mut feeds_io = m
        .feeds
        .as_ref()
        .map(|f| super::feeds_io::FeedsIo::start(f.db.clone()));
    let (count_tx, count_rx) = channel();
    let latest_count = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut dirty = true;
    loop {
        if dirty {
            // The terminal may have changed size again since the last resize event: draw for
            // the size it has now, never past its edge.
            let size = term.size()?;
            if (size.width, size.height) != (m.width, m.height) {
                update(m, Action::Resize(size.width, size.height));
            }
            term.draw(|f| view(m, &theme, f))?;
            dirty = false;
        }
        let busy = worker.is_some()
            || whole.is_some()
            || loader.is_some()
            || (m.search.active() && m.search.all.is_none())
            || feeds_io.as_ref().is_some_and(|io| io.busy(m));
        // While background work runs, look for its results often (a channel cannot wake the poll).
        let timeout = if busy { 4 } else { 250 };
        if terminal::hung_up() {
            return Ok(Exit::Signal(signal_hook::consts::SIGHUP));
        }
        if event::poll(Duration::from_millis(timeout))? {
            // Take everything pending; resizes are coalesced into the last one.
            let mut resize = None;
            loop {
                match event::read()? {
                    Event::Key(k) => {
                        if let Some(a) = keymap::key(mode(m), k) {
                            update(m, a);
                            dirty = true;
                        }
                    }
                    Event::Mouse(me) => {
                        if let Some(a) = keymap::mouse(me) {
                            update(m, a);
                            dirty = true;
                        }
                    }
                    Event::Resize(w, h) => resize = Some((w, h)),
                    _ => {}
                }
                if m.quit || m.suspend || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            if let Some((w, h)) = resize {
                update(m, Action::Resize(w, h));
                term.autoresize()?;
                dirty = true;
            }
        }
        if let Some(io) = feeds_io.as_mut() {
            dirty |= io.pump(m);
        }
        // A download asked for starts; one given up is dropped with its results.
        if m.load_wanted {
            m.load_wanted = false;
            loader = spawn_load(m);
        }
        if m.loading.is_none() {
            loader = None;
        }
        if let Some(rx) = &loader {
            let arrived: Vec<Action> = rx.try_iter().collect();
            for a in arrived {
                update(m, a);
                dirty = true;
            }
            if m.loading.is_none() {
                loader = None;
            }
        }
        if let Some(rx) = &whole {
            let arrived: Vec<Action> = rx.try_iter().collect();
            for a in arrived {
                update(m, a);
                dirty = true;
            }
            if m.growing.is_none() {
                whole = None;
            }
        }
        // A replaced article drops the old analysis (and its pending results) first.
        if m.reloaded {
            m.reloaded = false;
            worker = Some(spawn_analysis(m));
        }
        if let Some(rx) = &worker {
            // Take what has arrived, but never hold up the screen for long.
            let start = std::time::Instant::now();
            while let Ok(a) = rx.try_recv() {
                update(m, a);
                dirty = true;
                if start.elapsed() > Duration::from_millis(8) {
                    break;
                }
            }
            if m.analysis_done {
                worker = None;
            }
        }
        while let Ok(a) = count_rx.try_recv() {
            update(m, a);
            dirty = true;
        }
        if m.search.count_wanted {
            m.search.count_wanted = false;
            spawn_count(m, count_tx.clone(), &latest_count);
        }
        if let Some(sig) = signals.pending() {
            return Ok(Exit::Signal(sig));
        }
        if m.quit {
            return Ok(Exit::Quit);
        }
        if m.suspend {
            m.suspend = false;
            terminal::suspend(term)?;
            if let Ok((w, h)) = crossterm::terminal::size() {
                update(m, Action::Resize(w, h));
            }
            dirty = true;
        }
    }
}
