//! krant: thin. Parse the command line, run, map errors to exit codes.

use krant::app::run::{run, Exit};
use krant::app::Model;
use krant::cli::{self, Command};
use krant::document::Document;
use krant::i18n::{self, I18n};
use krant::input::{self, InputError};
use krant::store::Store;
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

fn input_error(i: &I18n, e: &InputError) -> String {
    let path = e
        .path()
        .map(krant::article::sanitize::path_for_display)
        .unwrap_or_default();
    let p = |id: &str| i.tr_s(id, "path", &path);
    match e {
        InputError::NotFound(_) => p("error-not-found"),
        InputError::Directory(_) => p("error-directory"),
        InputError::NotRegular(_) => p("error-not-regular"),
        InputError::Unreadable(_, reason) => i.tr_args(
            "error-unreadable",
            &[
                ("path", path.clone().into()),
                ("reason", reason.clone().into()),
            ],
        ),
        InputError::TooLarge(_, size) => i.tr_args(
            "error-too-large",
            &[
                ("path", path.clone().into()),
                ("size", (*size as f64).into()),
                ("limit", (input::MAX_BYTES as f64).into()),
            ],
        ),
        InputError::StdinTerminal => i.tr("error-stdin-terminal"),
    }
}

fn main() -> ExitCode {
    let opts = match cli::parse(std::env::args_os().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            let i = I18n::new(i18n::negotiate(None, None, &env));
            return fail(&i.tr_s("error-usage", "message", &e));
        }
    };
    // Errors before the reader starts speak the --lang or locale language.
    let lang = i18n::negotiate(opts.lang, None, &env);
    let i = I18n::new(lang);
    match opts.command {
        Command::Help => return print_or_fail(cli::USAGE),
        Command::Version => return print_or_fail(&format!("krant {}", env!("CARGO_PKG_VERSION"))),
        _ => {}
    }
    let bytes = match input::read(&opts.source) {
        Ok(b) => b,
        Err(e) => return fail(&input_error(&i, &e)),
    };
    let doc = match input::open(bytes) {
        Ok(d) => d,
        Err(_) => {
            let path = match &opts.source {
                input::Source::File(p) => krant::article::sanitize::path_for_display(p),
                input::Source::Stdin => "-".to_owned(),
                input::Source::Sample => "sample".to_owned(),
            };
            return fail(&i.tr_s("error-binary", "path", &path));
        }
    };
    let interactive = std::io::stdout().is_terminal();
    match opts.command {
        Command::Analyze => {
            let a = output::analysis_of(&doc);
            let json = output::analyze_json(&doc, a);
            print_or_fail(&json)
        }
        Command::Dump => dump(&doc, opts.width),
        _ if !interactive => dump(&doc, opts.width),
        _ => interactive_reader(doc, opts, i),
    }
}

/// Prints `text` and a newline; a closed pipe (`krant --analyze | head`) is not an error.
fn print_or_fail(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn dump(doc: &Document, width: usize) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match output::dump(doc, width, &mut out).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`krant --dump | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn interactive_reader(doc: Document, opts: cli::Options, i: I18n) -> ExitCode {
    terminal::install_panic_hook();
    let signals = terminal::Signals::register();
    let mut store = Store::open_default();
    store.check_writable();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut model = Model::new(doc, opts.source.clone(), i, w, h);
    model.apply_settings(&store.settings);
    // An explicit choice (now or saved) switches the article too, where a version exists.
    let chosen = opts.lang.or(store.settings.language);
    if let Some(lang) = chosen.filter(|l| i18n::has_catalogue(*l)) {
        krant::app::update::set_language(&mut model, lang);
        model.reloaded = false;
    }
    if let Some(p) = store.position(model.doc.hash) {
        model.restore_offset(p.offset);
    }
    if let Some(n) = store.notices.first() {
        model.notice = Some(model.i18n.tr(n.message_id()));
    }
    let mut term = match terminal::enter() {
        Ok(t) => t,
        Err(e) => {
            terminal::restore();
            return fail(&e.to_string());
        }
    };
    let result = run(&mut model, &mut term, &signals);
    // Save first (also on SIGTERM/SIGHUP), then give the terminal back.
    store.save_settings(model.settings());
    store.save_position(model.doc.hash, model.top_offset());
    terminal::restore();
    match result {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(n)) => ExitCode::from((128 + n) as u8),
        Err(e) => fail(&e.to_string()),
    }
}
