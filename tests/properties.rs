//! Property tests: decode, sanitise, parse, wrap, search and analyse hold their promises on
//! arbitrary input.

use krant::article::sanitize::{sanitize, Breaks};
use krant::article::search::Query;
use krant::document::Document;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Text with the characters that cause trouble: controls, escapes, bidi, zero-width, marks,
/// wide characters, quotes and apostrophes, line breaks of every kind.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            "[a-zA-Z ]{1,12}",
            Just("\x1b[31m".to_owned()),
            Just("\x1b]0;t\x07".to_owned()),
            Just("\u{9b}".to_owned()),
            Just("\u{202e}".to_owned()),
            Just("\u{200b}".to_owned()),
            Just("e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}".to_owned()),
            Just("漢字".to_owned()),
            Just("👨\u{200d}👩".to_owned()),
            Just("'s ".to_owned()),
            Just("„quote“ ".to_owned()),
            Just("«".to_owned()),
            Just("\"".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\r".to_owned()),
            Just("\t".to_owned()),
            Just("\u{2028}".to_owned()),
            Just("# ".to_owned()),
            Just("Nederlands\n".to_owned()),
            Just("Von Max Muster\n".to_owned()),
            Just("BERLIN (dpa) - ".to_owned()),
            Just("(Foto: dpa)\n".to_owned()),
            Just(". ".to_owned()),
            Just("$3 miljard ".to_owned()),
            Just("28.500 ".to_owned()),
            any::<char>().prop_map(String::from),
        ],
        0..40,
    );
    pieces.prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = krant::article::decode(bytes) {
            prop_assert!(d.replaced <= d.text.len() * 4 + 4);
        }
    }

    #[test]
    fn sanitized_text_has_no_controls(s in nasty()) {
        for breaks in [Breaks::Keep, Breaks::Join] {
            let out = sanitize(&s, breaks);
            for c in out.text.chars() {
                prop_assert!(!c.is_control() || c == '\n', "{c:?}");
                let bidi_or_separator = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}');
                prop_assert!(!bidi_or_separator, "{:?} passed", c);
            }
            // Every raw offset maps inside the display text.
            for (i, _) in s.char_indices() {
                prop_assert!(out.to_display(i) <= out.text.len());
            }
        }
    }

    #[test]
    fn parse_gives_ordered_blocks_on_char_boundaries(s in nasty()) {
        let a = krant::article::parse(s.clone());
        let mut last = 0;
        for b in a.blocks.iter() {
            prop_assert!(b.range.start >= last && b.range.start <= b.range.end);
            prop_assert!(s.is_char_boundary(b.range.start) && s.is_char_boundary(b.range.end));
            last = b.range.end;
        }
        for sec in &a.sections {
            prop_assert!(sec.start <= sec.end && sec.end <= s.len());
        }
        // Byline and dateline are text of their own, outside every block.
        for r in [&a.byline, &a.dateline].into_iter().flatten() {
            prop_assert!(r.start < r.end && r.end <= s.len());
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            prop_assert!(a.blocks.iter().all(|b| b.range.end <= r.start || b.range.start >= r.end));
        }
    }

    #[test]
    fn wrapped_rows_fit(s in nasty(), width in 1usize..60) {
        let w = krant::ui::wrap::wrap(&s, Breaks::Keep, width);
        for r in &w.rows {
            let row = &w.display[r.clone()];
            // A single character wider than the width may stand alone.
            prop_assert!(row.width() <= width.max(2) || row.chars().count() == 1, "{row:?} > {width}");
        }
    }

    #[test]
    fn search_matches_lie_on_boundaries(s in nasty(), q in "[a-zA-Zë' ]{1,4}") {
        let query = Query::new(&q);
        for r in query.find_all(&s) {
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end) && r.start < r.end);
        }
        // `n` and `N` search from a byte after or before a match, which may fall inside a
        // character: every offset is allowed.
        for at in 0..=s.len() + 1 {
            for r in [query.find(&s, at), query.rfind(&s, at)].into_iter().flatten() {
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn analysis_ranges_are_valid(s in nasty()) {
        let Ok(doc) = Document::from_bytes(s.into_bytes()) else { return Ok(()) };
        let a = krant::output::analysis_of(&doc);
        let text = &doc.article.text;
        for q in &a.quotes {
            prop_assert!(q.start <= q.end && q.end <= text.len() && text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
        for e in &a.entities {
            for m in &e.mentions {
                prop_assert!(m.start <= m.end && m.end <= text.len() && text.is_char_boundary(m.start));
            }
        }
    }
}

proptest! {
    // Each case is tens of kilobytes, beyond one display chunk: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn long_paragraphs_of_any_script_chunk_and_analyse(
        prefix in "[a-z ]{0,7}",
        unit in prop_oneof![Just("é"), Just("ж "), Just("漢字"), Just("👨\u{200d}👩 "), Just("Ελλάδα, ")],
        count in 9_000usize..12_000,
        breaks in prop_oneof![Just(""), Just("\n"), Just("\n\n")],
    ) {
        let body = unit.repeat(count);
        let text = format!("Kop\n\n{prefix}{body}{breaks}{body}");
        let doc = Document::from_bytes(text.into_bytes()).expect("valid UTF-8");
        let t = &doc.article.text;
        for c in &doc.chunks {
            prop_assert!(t.is_char_boundary(c.range.start) && t.is_char_boundary(c.range.end));
        }
        let a = krant::output::analysis_of(&doc);
        for e in &a.entities {
            for m in &e.mentions {
                prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            }
        }
    }
}

#[test]
fn every_terminal_size_draws() {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    let doc = Document::from_bytes(krant::input::SAMPLE.as_bytes().to_vec()).unwrap();
    let mut m = krant::app::Model::new(
        doc,
        krant::input::Source::Sample,
        krant::i18n::I18n::new(krant::lang::Lang::En),
        80,
        24,
    );
    let theme = krant::ui::Theme { color: false };
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 3),
        (10, 3),
        (19, 4),
        (20, 5),
        (40, 10),
        (80, 24),
        (160, 45),
        (400, 100),
    ] {
        krant::app::update(&mut m, krant::app::Action::Resize(w, h));
        for toggle in [
            krant::app::Action::ToggleToc,
            krant::app::Action::TogglePanels,
            krant::app::Action::Help,
        ] {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| krant::ui::view(&m, &theme, f)).unwrap();
            krant::app::update(&mut m, toggle);
        }
        krant::app::update(&mut m, krant::app::Action::Escape);
        krant::app::update(&mut m, krant::app::Action::Bottom);
        krant::app::update(&mut m, krant::app::Action::NextSection);
    }
}

#[test]
fn resize_storm_keeps_the_reading_position() {
    let doc = Document::from_bytes(krant::input::SAMPLE.as_bytes().to_vec()).unwrap();
    let mut m = krant::app::Model::new(
        doc,
        krant::input::Source::Sample,
        krant::i18n::I18n::new(krant::lang::Lang::En),
        100,
        30,
    );
    for _ in 0..3 {
        krant::app::update(&mut m, krant::app::Action::NextSection);
    }
    let before = m.top_offset();
    for k in 0..200u16 {
        krant::app::update(
            &mut m,
            krant::app::Action::Resize(40 + (k * 7) % 160, 10 + (k * 3) % 60),
        );
    }
    krant::app::update(&mut m, krant::app::Action::Resize(100, 30));
    assert_eq!(m.top_offset(), before);
}
