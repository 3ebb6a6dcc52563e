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
    let n = m.quote_rows.len();
    assert!(n > 3);
    for _ in 1..n {
        act(&mut m, &[Action::Line(1)]);
    }
    act(&mut m, &[Action::Activate]);
    assert!(m.layout().covering.is_none());
    let a = m.analysis.as_ref().expect("analysis");
    let q = &a.quotes[m.quote_rows[n - 1]];
    let row = on_screen(&m, q.start).expect("the quote is on screen");
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
