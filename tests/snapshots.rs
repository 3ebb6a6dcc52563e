//! Screen snapshots per interface language (TestBackend, no terminal): the main screen, the
//! help and the language switcher at 80x24 and the main screen at 160x45. A changed screen
//! fails the test; `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites them after review.
//! Every snapshot is also checked for raw message ids.

use krant::app::{update, Action, Model};
use krant::document::Document;
use krant::i18n::I18n;
use krant::input::Source;
use krant::lang::Lang;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::PathBuf;

fn render(m: &Model, w: u16, h: u16) -> String {
    let theme = krant::ui::Theme { color: false };
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
    term.draw(|f| krant::ui::view(m, &theme, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn model(lang: Lang, w: u16, h: u16) -> Model {
    let doc = Document::from_bytes(krant::input::SAMPLE.as_bytes().to_vec()).expect("sample");
    let mut m = Model::new(doc, Source::Sample, I18n::new(lang), w, h);
    // The analysis as the reader gets it, so the panels are filled the same way every time.
    let a = krant::output::analysis_of(&m.doc);
    m.set_analysis(a);
    m
}

fn check(name: &str, screen: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    for id in [
        "toc-",
        "status-",
        "help-",
        "switcher-",
        "kind-",
        "quotes-title",
        "entities-title",
        "panel-",
    ] {
        assert!(
            !screen.contains(id),
            "{name}: raw message id {id}:\n{screen}"
        );
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, screen).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{name}: no snapshot; run with UPDATE_SNAPSHOTS=1"));
    assert_eq!(screen, want, "{name}: the screen changed");
}

#[test]
fn every_language_main_help_and_switcher() {
    for lang in Lang::ALL {
        let code = lang.code();
        let mut m = model(lang, 80, 24);
        check(&format!("{code}-main-80x24"), &render(&m, 80, 24));
        update(&mut m, Action::Help);
        check(&format!("{code}-help-80x24"), &render(&m, 80, 24));
        update(&mut m, Action::Escape);
        update(&mut m, Action::OpenSwitcher);
        check(&format!("{code}-switcher-80x24"), &render(&m, 80, 24));
        let wide = model(lang, 160, 45);
        check(&format!("{code}-main-160x45"), &render(&wide, 160, 45));
    }
}
