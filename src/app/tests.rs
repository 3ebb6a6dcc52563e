//! The reader's behaviour without a terminal: actions in, model and layout out.

use super::model::Pos;
use super::{update, Action, Focus, Model};
use crate::document::Document;
use crate::i18n::I18n;
use crate::input::Source;
use crate::lang::Lang;
use crate::ui::layout::{Cover, MIN_ARTICLE};

fn sample(w: u16, h: u16) -> Model {
    let doc = Document::from_bytes(crate::input::SAMPLE.as_bytes().to_vec()).expect("sample");
    let mut m = Model::new(doc, Source::Sample, I18n::new(Lang::En), w, h);
    let a = crate::output::analysis_of(&m.doc);
    m.set_analysis(a);
    m
}

fn act(m: &mut Model, actions: &[Action]) {
    for a in actions {
        update(m, a.clone());
    }
}

/// Whether byte `offset` of the text is on screen, `row` rows below the top if given.
fn on_screen(m: &Model, offset: usize) -> Option<usize> {
    let chunk = m.doc.chunk_at(offset);
    let c = &m.doc.chunks[chunk];
    let w = m.wrapped(chunk);
    let row = w.row_of(w.to_display(offset - c.range.start));
    m.visible_rows()
        .iter()
        .position(|p| *p == Pos { chunk, row })
}

#[test]
fn every_resize_decides_the_columns_anew() {
    let mut m = sample(160, 45);
    let l = m.layout();
    assert!(l.toc.is_some() && l.quotes.is_some());
    for (w, toc, panels) in [(120, true, false), (80, false, false), (160, true, true)] {
        act(&mut m, &[Action::Resize(w, 40)]);
        let l = m.layout();
        assert_eq!((l.toc.is_some(), l.quotes.is_some()), (toc, panels), "{w}");
        assert!(
            l.covering.is_none() && l.article.width >= MIN_ARTICLE,
            "{w}"
        );
    }
    // Hidden by hand: growing does not bring them back; shown by hand: shrinking keeps the
    // article readable and growing brings them back.
    act(&mut m, &[Action::TogglePanels, Action::Resize(80, 24)]);
    act(&mut m, &[Action::Resize(160, 45)]);
    assert!(m.layout().quotes.is_none());
    act(&mut m, &[Action::TogglePanels, Action::Resize(90, 30)]);
    assert!(m.layout().quotes.is_none() && m.layout().article.width >= MIN_ARTICLE);
    act(&mut m, &[Action::Resize(160, 45)]);
    assert!(m.layout().quotes.is_some());
}

#[test]
fn panels_between_110_and_123_columns_never_hide_the_article() {
    for w in 100..140 {
        let mut m = sample(w, 30);
        act(&mut m, &[Action::TogglePanels]);
        let l = m.layout();
        assert!(l.quotes.is_some(), "{w}");
        // Beside a readable article, or over it (and then it is there again after Esc).
        match l.covering {
            None => assert!(l.article.width >= MIN_ARTICLE, "{w} {l:?}"),
            Some(c) => {
                assert_eq!(c, Cover::Panels);
                act(&mut m, &[Action::Escape]);
                let l = m.layout();
                assert!(
                    l.covering.is_none() && l.article.width >= MIN_ARTICLE,
                    "{w}"
                );
            }
        }
    }
}

#[test]
fn enter_in_covering_panels_lands_on_the_quote_and_the_mention() {
    let mut m = sample(80, 24);
    act(&mut m, &[Action::TogglePanels]);
    assert_eq!(m.layout().covering, Some(Cover::Panels));
    // The last quote.
    let n = m.analysis.as_ref().map_or(0, |a| a.quotes.len());
    assert!(n > 3);
    for _ in 1..n {
        act(&mut m, &[Action::Line(1)]);
    }
    act(&mut m, &[Action::Activate]);
    assert!(m.layout().covering.is_none());
    let a = m.analysis.as_ref().expect("analysis");
    let q = &a.quotes[n - 1];
    let row = on_screen(&m, q.start as usize).expect("the quote is on screen");
    assert!(row <= 2 || m.top == m.max_top(), "row {row}");
    // An entity: its first mention below the top.
    act(
        &mut m,
        &[Action::Top, Action::TogglePanels, Action::FocusNext],
    );
    assert_eq!(m.focus, Focus::Entities);
    act(
        &mut m,
        &[Action::Line(1), Action::Line(1), Action::Activate],
    );
    let flash = m.flash.clone().expect("a mention is shown");
    assert_eq!(
        on_screen(&m, flash.start),
        Some(2),
        "two rows of context above"
    );
}

#[test]
fn esc_and_q_close_what_covers_the_article() {
    let mut m = sample(80, 24);
    act(&mut m, &[Action::TogglePanels, Action::Escape]);
    assert!(m.layout().quotes.is_none() && m.focus == Focus::Article);
    act(&mut m, &[Action::ToggleToc]);
    assert_eq!(m.layout().covering, None, "the contents fit beside at 80");
    let mut m = sample(60, 24);
    act(&mut m, &[Action::ToggleToc]);
    assert_eq!(m.layout().covering, Some(Cover::Toc));
    act(&mut m, &[Action::Quit]);
    assert!(!m.quit && m.layout().toc.is_none());
    act(&mut m, &[Action::Quit]);
    assert!(m.quit);
}

#[test]
fn the_wheel_scrolls_what_is_under_the_pointer() {
    let mut m = sample(160, 45);
    let quotes = m.layout().quotes.expect("panels");
    let top = m.top;
    let wheel = |column, row| Action::Wheel {
        column,
        row,
        delta: 3,
    };
    act(&mut m, &[wheel(quotes.x + 3, quotes.y + 2)]);
    assert_eq!(m.top, top, "the article stays");
    assert_eq!((m.focus, m.quote_cursor), (Focus::Quotes, 3));
    let text = m.layout().text;
    act(&mut m, &[wheel(text.x + 3, text.y + 2)]);
    assert_ne!(m.top, top, "the article scrolls");
    assert_eq!(m.quote_cursor, 3);
}

#[test]
fn a_search_that_fails_leaves_the_article_where_it_was() {
    let mut m = sample(80, 24);
    act(&mut m, &[Action::SearchStart]);
    // A prefix that matches further down, then a letter that makes it fail.
    for c in "Brunsonxyz".chars() {
        act(&mut m, &[Action::SearchInput(c)]);
    }
    act(&mut m, &[Action::SearchSubmit]);
    assert!(m.search.current.is_none());
    assert_eq!(m.top, Pos::default());
    // Esc while typing goes back too.
    act(&mut m, &[Action::SearchStart]);
    for c in "Brunson".chars() {
        act(&mut m, &[Action::SearchInput(c)]);
    }
    assert_ne!(m.top, Pos::default());
    act(&mut m, &[Action::Escape]);
    assert_eq!(m.top, Pos::default());
}

/// Opens `source` as the reader would, with the download done here instead of in a worker.
fn open(m: &mut Model, source: Source) {
    use super::load::{load, Payload, Request};
    act(
        m,
        &[Action::Open(Request {
            source: source.clone(),
            version: None,
            section: None,
        })],
    );
    assert!(m.load_wanted && m.loading.is_some());
    let never = std::sync::atomic::AtomicBool::new(false);
    let result = load(&source, m.i18n.lang(), &never, &mut |_, _| {});
    act(
        m,
        &[match result {
            Ok(doc) => Action::Loaded(Payload::new(doc)),
            Err(why) => Action::LoadFailed(why),
        }],
    );
}

#[test]
fn an_opened_article_replaces_the_one_read_and_backspace_returns_to_the_same_place() {
    let dir = std::env::temp_dir().join(format!("krant-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "Another story\n\nIts only paragraph, long enough to read.\n",
    )
    .expect("write");
    let mut m = sample(80, 24);
    act(&mut m, &[Action::NextSection, Action::NextSection]);
    let (top, offset) = (m.top, m.top_offset());
    open(&mut m, Source::File(other.clone()));
    assert!(m.loading.is_none() && m.reloaded);
    assert_eq!(m.doc.article.lead(), "Another story");
    assert_eq!((m.top, m.history.len()), (Pos::default(), 1));
    act(&mut m, &[Action::Back]);
    assert_eq!(
        (m.top, m.top_offset(), m.source.clone()),
        (top, offset, Source::Sample)
    );
    assert!(m.history.is_empty());
    // Nothing before the first article: Backspace does nothing.
    act(&mut m, &[Action::Back]);
    assert_eq!(m.top, top);
    // A failure is a notice; the article stays.
    open(&mut m, Source::File(dir.join("missing.txt")));
    assert!(m
        .notice
        .as_deref()
        .is_some_and(|n| n.contains("missing.txt")));
    assert_eq!(m.top, top);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn esc_or_q_stop_a_download_and_keep_the_article() {
    use super::load::{Payload, Request};
    let mut m = sample(80, 24);
    let request = Request {
        source: Source::Url("http://127.0.0.1:9/slow".into()),
        version: None,
        section: None,
    };
    for key in [Action::Escape, Action::Quit, Action::Back] {
        act(&mut m, &[Action::Open(request.clone())]);
        let cancel = m
            .loading
            .as_ref()
            .map(|l| l.cancel.clone())
            .expect("loading");
        act(&mut m, std::slice::from_ref(&key));
        assert!(m.loading.is_none() && !m.quit, "{key:?}");
        assert!(cancel.load(std::sync::atomic::Ordering::Relaxed));
    }
    // A result that arrives after all is dropped.
    let doc = Document::from_bytes(b"Late\n\nText.\n".to_vec()).expect("doc");
    act(&mut m, &[Action::Loaded(Payload::new(doc))]);
    assert_eq!(
        m.doc.article.lead(),
        crate::input::SAMPLE.lines().next().unwrap_or("")
    );
}

#[test]
fn links_are_listed_from_the_screen_on_and_one_opens() {
    let dir = std::env::temp_dir().join(format!("krant-links-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("next.txt"), "Next story\n\nIts text.\n").expect("write");
    let mut doc = Document::from_bytes(b"Title\n\nSee the next story or the archive.\n".to_vec())
        .expect("doc");
    let at = |w: &str| {
        let s = doc.article.text.find(w).expect("word");
        s..s + w.len()
    };
    doc.article.links = vec![
        crate::article::Link {
            range: at("next story"),
            href: "next.txt".into(),
        },
        crate::article::Link {
            range: at("archive"),
            href: "mailto:archive@example.org".into(),
        },
    ];
    let mut m = Model::new(
        doc,
        Source::File(dir.join("story.txt")),
        I18n::new(Lang::En),
        80,
        24,
    );
    act(&mut m, &[Action::OpenLinks]);
    assert_eq!(m.overlay, super::model::Overlay::Links { cursor: 0 });
    act(&mut m, &[Action::Line(1), Action::Activate]);
    assert!(m.notice.as_deref().is_some_and(|n| n.contains("mailto:")));
    assert!(m.loading.is_none());
    act(&mut m, &[Action::OpenLinks, Action::LinkPick(0)]);
    let wanted = m.loading.as_ref().map(|l| l.request.source.clone());
    assert_eq!(wanted, Some(Source::File(dir.join("next.txt"))));
    let _ = std::fs::remove_dir_all(&dir);
    // No links: a notice, no list.
    let mut m = sample(80, 24);
    act(&mut m, &[Action::OpenLinks]);
    assert_eq!(m.overlay, super::model::Overlay::None);
    assert!(m.notice.is_some());
}

#[test]
fn a_screen_smaller_than_the_model_knows_is_not_drawn_past() {
    // A resize the model has not taken in yet: 160x45 laid out, 80x24 to draw on.
    let m = sample(160, 45);
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let theme = crate::ui::Theme { color: false };
    crate::ui::view::draw(&m, &theme, area, &mut buf);
}

/// A large article shown from its start: moving works at once, the end waits for the whole,
/// and the whole keeps the reading position and does what waited.
#[test]
fn the_whole_article_replaces_its_start_where_the_reader_is() {
    let mut whole = String::from("Titel\n\nInleiding.\n\n");
    for i in 0..3000 {
        whole.push_str(&format!("Alinea {i} over het overleg in Den Haag.\n\n"));
    }
    whole.push_str("Slot.\n");
    let cut = whole.find("Alinea 1000 ").expect("cut");
    let start = Document::from_bytes(whole.as_bytes()[..cut].to_vec()).expect("start");
    let mut m = Model::new(start, Source::Sample, I18n::new(Lang::En), 80, 24);
    m.growing = Some(super::grow::Growing::new(
        "groot.txt".into(),
        whole.len() as u64,
    ));
    act(&mut m, &[Action::Page(1), Action::Line(3)]);
    let offset = m.top_offset();
    assert!(offset > 0);
    // The end waits; so does what comes after it.
    act(&mut m, &[Action::Bottom, Action::Line(-1)]);
    assert_eq!(m.top_offset(), offset);
    assert_eq!(m.growing.as_ref().map(|g| g.queued.len()), Some(2));
    let doc = Document::from_bytes(whole.into_bytes()).expect("whole");
    let hash = m.doc.hash;
    update(&mut m, Action::Structure(super::load::Payload::new(doc)));
    assert!(m.growing.is_none() && m.reloaded);
    assert_eq!(m.doc.hash, hash, "positions are kept under the file's hash");
    assert_eq!(m.top, m.moved(m.max_top(), -1));
    // Esc gives up what waits.
    let start = Document::from_bytes(b"Titel\n\nInleiding.\n\n".to_vec()).expect("start");
    let mut m = Model::new(start, Source::Sample, I18n::new(Lang::En), 80, 24);
    m.growing = Some(super::grow::Growing::new("groot.txt".into(), 1 << 30));
    act(
        &mut m,
        &[
            Action::SearchStart,
            Action::SearchInput('x'),
            Action::Escape,
        ],
    );
    assert_eq!(m.growing.as_ref().map(|g| g.queued.len()), Some(0));
    // A whole that cannot be read leaves the start as the article, with a notice.
    update(&mut m, Action::StructureFailed("gone".into()));
    assert!(m.growing.is_none() && m.notice.as_deref() == Some("gone"));
}
