//! krant: thin. Parse the command line, run, map errors to exit codes.

use krant::app::grow::Growing;
use krant::app::run::{run, Exit};
use krant::app::Model;
use krant::cli::{self, Command};
use krant::document::Document;
use krant::i18n::{self, I18n};
use krant::input;
use krant::store::{self, Store};
use krant::{output, terminal};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn env(k: &str) -> Option<String> {
    std::env::var(k).ok()
}

fn fail(msg: &str) -> ExitCode {
    let msg = krant::article::sanitize::one_line(msg);
    let _ = writeln!(std::io::stderr(), "krant: {msg}");
    ExitCode::from(2)
}

/// Reads and opens the article, showing a web page's download on standard error when it is a
/// terminal.
fn load(source: &input::Source, i: &I18n) -> Result<krant::document::Document, String> {
    let shown = matches!(source, input::Source::Url(_)) && std::io::stderr().is_terminal();
    let label = source.label();
    let mut progress = |received: u64, _total: Option<u64>| {
        if shown {
            let kb = (received >> 10) as f64;
            let line = i.tr_args(
                "loading",
                &[("url", label.clone().into()), ("kilobytes", kb.into())],
            );
            let _ = write!(std::io::stderr(), "\r\x1b[2K{line}");
        }
    };
    progress(0, None);
    let never = std::sync::atomic::AtomicBool::new(false);
    let result = input::load(source, &never, &mut progress);
    if shown {
        let _ = write!(std::io::stderr(), "\r\x1b[2K");
    }
    result.map_err(|e| e.message(i, source))
}

fn main() -> ExitCode {
    krant::memory::give_back_freed_memory();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    // Everything printed before the reader starts speaks the reader's language: --lang, else
    // the saved choice, else the locale (a bad --lang leaves the saved choice or the locale).
    let saved = store::saved_language();
    let opts = match cli::parse(args.iter().cloned()) {
        Ok(o) => o,
        Err(e) => {
            let i = I18n::new(i18n::negotiate(cli::requested_lang(&args), saved, &env));
            return fail(&i.tr_s("error-usage", "message", &e.message(&i)));
        }
    };
    let i = I18n::new(i18n::negotiate(opts.lang, saved, &env));
    match &opts.command {
        Command::Help => return print_or_fail(&i, &cli::help_text(&i)),
        Command::Version => {
            return print_or_fail(&i, &format!("krant {}", env!("CARGO_PKG_VERSION")))
        }
        Command::List => return list_feed(&i, &opts.source),
        Command::Add(a) => {
            krant::feeds::parse::quiet_parser_panics();
            return subscriptions(&i, krant::feeds::commands::add(&i, a));
        }
        Command::Remove(a) => return subscriptions(&i, krant::feeds::commands::remove(&i, a)),
        Command::Import(p) => return subscriptions(&i, krant::feeds::commands::import(&i, p)),
        Command::Export => return subscriptions(&i, krant::feeds::commands::export(&i)),
        Command::Refresh => {
            krant::feeds::parse::quiet_parser_panics();
            return subscriptions(&i, krant::feeds::commands::refresh(&i));
        }
        _ => {}
    }
    let interactive = std::io::stdout().is_terminal();
    // Without a file, a reader with subscriptions sees them; without any, the sample opens.
    let mut notice = None;
    if interactive && opts.command == Command::Read && opts.source == input::Source::Sample {
        let start = krant::app::feeds_io::at_start();
        notice = start.moved_aside.map(|p| {
            let path = krant::article::sanitize::path_for_display(&p);
            i.tr_args("feeds-db-moved", &[("path", path.into())])
        });
        if let Some(feeds) = start.feeds {
            if let Ok(empty) = input::open(Vec::new()) {
                return interactive_reader(empty, None, opts, i, Some(feeds), notice);
            }
        }
    }
    // A web address in the reader: the reader opens at once and shows the download.
    if let (true, Command::Read, input::Source::Url(_)) = (interactive, &opts.command, &opts.source)
    {
        if let Ok(empty) = input::open(Vec::new()) {
            return interactive_reader(empty, None, opts, i, None, None);
        }
    }
    // A large file in the reader: the first screen from its start, the rest in the background.
    if let (true, Command::Read, input::Source::File(path)) =
        (interactive, &opts.command, &opts.source)
    {
        match krant::source::file::head(path) {
            Ok(Some(head)) => {
                let growing = Growing::new(path.clone(), head.len);
                return interactive_reader(head.doc, Some(growing), opts, i, None, None);
            }
            Ok(None) => {}
            Err(e) => return fail(&e.message(&i)),
        }
    }
    let doc = match load(&opts.source, &i) {
        Ok(d) => d,
        Err(why) => return fail(&why),
    };
    match opts.command {
        Command::Analyze => {
            let a = output::analysis_of(&doc);
            let json = output::analyze_json(&doc, a);
            print_or_fail(&i, &json)
        }
        Command::Dump => dump(&i, &doc, opts.width),
        _ if !interactive => dump(&i, &doc, opts.width),
        _ => interactive_reader(doc, None, opts, i, None, notice),
    }
}

/// `--list FEED`: the feed's items as one JSON object; a feed that cannot be read is one line
/// and exit 2.
fn list_feed(i: &I18n, source: &input::Source) -> ExitCode {
    krant::feeds::parse::quiet_parser_panics();
    let bytes = match input::read(source) {
        Ok(b) => b,
        Err(e) => return fail(&e.message(i)),
    };
    // Ids made for entries without one start from where the feed lives.
    let (name, address) = match source {
        input::Source::File(p) => (
            krant::article::sanitize::path_for_display(p),
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned(),
        ),
        input::Source::Url(u) => (
            krant::article::sanitize::one_line(u).into_owned(),
            u.clone(),
        ),
        input::Source::Stdin | input::Source::Sample => ("-".to_owned(), "-".to_owned()),
    };
    match krant::feeds::parse(&bytes, &address) {
        Ok(feed) => print_or_fail(i, &krant::feeds::list_json(&feed)),
        Err(krant::feeds::FeedError::NotAFeed) => fail(&i.tr_s("feed-not-a-feed", "source", &name)),
        Err(_) => fail(&i.tr_s("feed-broken", "source", &name)),
    }
}

/// Prints what a subscription command says, its notices on standard error first.
fn subscriptions(
    i: &I18n,
    result: Result<krant::feeds::commands::Outcome, (krant::feeds::commands::Failure, Vec<String>)>,
) -> ExitCode {
    let notices = match &result {
        Ok(o) => &o.notices,
        Err((_, n)) => n,
    };
    for n in notices {
        let _ = writeln!(
            std::io::stderr(),
            "krant: {}",
            krant::article::sanitize::one_line(n)
        );
    }
    match result {
        Ok(o) => print_or_fail(i, &o.out),
        Err((e, _)) => fail(&e.message(i)),
    }
}

/// Prints `text` and a newline; a closed pipe (`krant --analyze | head`) is not an error.
fn print_or_fail(i: &I18n, text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&i.tr_s("error-output", "reason", &i.io_reason(&e))),
    }
}

fn dump(i: &I18n, doc: &Document, width: usize) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match output::dump(doc, width, &mut out).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`krant --dump | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&i.tr_s("error-output", "reason", &i.io_reason(&e))),
    }
}

fn interactive_reader(
    doc: Document,
    growing: Option<Growing>,
    opts: cli::Options,
    i: I18n,
    feeds: Option<krant::app::feeds::Feeds>,
    notice: Option<String>,
) -> ExitCode {
    terminal::install_panic_hook();
    if feeds.is_some() {
        krant::feeds::parse::quiet_parser_panics();
    }
    let signals = terminal::Signals::register();
    let mut store = Store::open_default();
    store.check_writable();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let source = match feeds {
        Some(_) => input::Source::Stdin,
        None => opts.source.clone(),
    };
    let mut model = Model::new(doc, source, i, w, h);
    model.feeds = feeds;
    model.apply_settings(&store.settings);
    // An explicit choice (now or saved) switches the article too, where a version exists.
    let chosen = opts.lang.or(store.settings.language);
    let mut replaced = false;
    if let Some(lang) = chosen.filter(|l| i18n::has_catalogue(*l)) {
        krant::app::update::set_language(&mut model, lang);
        replaced = model.reloaded;
        model.reloaded = false;
    }
    // Unless the article was switched to another version, the whole of a large file follows.
    model.growing = growing.filter(|_| !replaced);
    if let Some(p) = store.position(model.doc.hash) {
        match &mut model.growing {
            Some(g) if p.offset >= model.doc.body().end => g.restore = Some(p.offset),
            _ => model.restore_offset(p.offset),
        }
    }
    if let Some(n) = store.notices.first() {
        model.notice = Some(model.i18n.tr(n.message_id()));
    }
    if notice.is_some() {
        model.notice = notice;
    }
    if let input::Source::Url(_) = &opts.source {
        krant::app::update(
            &mut model,
            krant::app::Action::Open(krant::app::load::Request {
                source: opts.source.clone(),
                version: None,
                section: None,
            }),
        );
        model.opening = true;
    }
    let mut term = match terminal::enter() {
        Ok(t) => t,
        Err(e) => {
            terminal::restore();
            let reason = model.i18n.io_reason(&e);
            return fail(&model.i18n.tr_s("error-terminal", "reason", &reason));
        }
    };
    let result = run(&mut model, &mut term, &signals);
    // Save first (also on SIGTERM/SIGHUP), then give the terminal back.
    store.save_settings(model.settings());
    if !model.opening {
        store.save_position(model.doc.hash, model.top_offset());
    }
    terminal::restore();
    match result {
        Ok(Exit::Quit) => match &model.failure {
            Some(why) => fail(why),
            None => ExitCode::SUCCESS,
        },
        Ok(Exit::Signal(n)) => ExitCode::from((128 + n) as u8),
        Err(e) => fail(
            &model
                .i18n
                .tr_s("error-terminal", "reason", &model.i18n.io_reason(&e)),
        ),
    }
}
