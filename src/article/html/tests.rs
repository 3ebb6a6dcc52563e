use super::*;
use crate::article::BlockKind;

/// Enough prose that Readability takes the page for an article.
fn prose(words: &str) -> String {
    format!(
        "{words} is what this paragraph is about, and it goes on for a while so that the page \
         reads like an article, with commas, full stops and enough words to be scored well."
    )
}

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
}

fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
    (0..a.blocks.len())
        .map(|i| (a.blocks[i].kind, a.block_text(i)))
        .collect()
}

/// The walk alone, on a fragment: no Readability in between.
fn walked(html: &str) -> Article {
    let doc = dom_query::Document::from(html);
    walk::article(doc.root(), "Title", &PageMeta::default()).0
}

#[test]
fn sniffs_html_from_bytes_only() {
    for yes in [
        &b"<!DOCTYPE html><p>x"[..],
        b"<!doctype HTML>",
        b"  \n<html lang=en>",
        b"<HEAD><title>x</title>",
        b"<body>",
        b"\xEF\xBB\xBF<!doctype html>",
        b"<!-- saved from url --> \n <!-- two --><html>",
        b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
    ] {
        assert!(sniff(yes), "{:?}", String::from_utf8_lossy(yes));
    }
    for no in [
        &b"Kop van het stuk\n<html> is a tag"[..],
        b"<p>only a fragment</p>",
        b"<htmlx>",
        b"<!doctype htm",
        b"<!-- never closed <html>",
        b"",
        b"# Markdown <html>",
    ] {
        assert!(!sniff(no), "{:?}", String::from_utf8_lossy(no));
    }
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "<!doctype html><p>x"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    assert!(sniff(&utf16));
}

#[test]
fn title_first_then_the_structure() {
    let a = walked(
        "<h1>Part one</h1><p>First <b>para</b>graph\n  spread over lines.</p>\
         <h2>Part two</h2><h5>Small print</h5><p>Second<br>line two</p>\
         <h3>Part three</h3><h4>Part four</h4><p>End.</p>",
    );
    assert_eq!(
        kinds(&a),
        [
            (BlockKind::Lead, "Title"),
            (BlockKind::Heading, "Part one"),
            (BlockKind::Paragraph, "First paragraph spread over lines."),
            (BlockKind::Heading, "Part two"),
            (BlockKind::Paragraph, "Small print"),
            (BlockKind::Paragraph, "Second\nline two"),
            (BlockKind::Heading, "Part three"),
            (BlockKind::Heading, "Part four"),
            (BlockKind::Paragraph, "End."),
        ]
    );
    let titles: Vec<&str> = a.sections.iter().map(|s| a.section_title(s)).collect();
    assert_eq!(titles, ["Part one", "Part two", "Part three", "Part four"]);
    assert_eq!(a.sections[1].end, a.blocks[5].range.end);
    assert_eq!(a.lead(), "Title");
    assert!(a.text.starts_with("Title\n\nPart one\n\n"));
}

#[test]
fn lists_quotes_captions_pre() {
    let a = walked(
        "<ul><li>apples</li><li>pears<ul><li>green</li></ul></li></ul>\
         <ol start=\"3\"><li>third</li><li><p>fourth</p></li></ol>\
         <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>\
         <figure><img src=x alt=\"alt text\"><figcaption>A caption</figcaption></figure>\
         <pre>fn main() {\n    go();\n}</pre><p>After.</p>",
    );
    assert_eq!(
        kinds(&a)[1..],
        [
            (BlockKind::ListItem, "• apples"),
            (BlockKind::ListItem, "• pears"),
            (BlockKind::ListItem, "  • green"),
            (BlockKind::ListItem, "3. third"),
            (BlockKind::ListItem, "4. fourth"),
            (BlockKind::Quote, "Quoted one."),
            (BlockKind::Quote, "Quoted two."),
            (BlockKind::Caption, "A caption"),
            (BlockKind::Preformatted, "fn main() {\n    go();\n}"),
            (BlockKind::Paragraph, "After."),
        ]
    );
    // List items follow each other line by line; a new list starts after a blank line.
    assert!(a
        .text
        .contains("• apples\n• pears\n  • green\n\n3. third\n4. fourth"));
}

#[test]
fn simple_tables_are_rows_of_cells() {
    let a = walked(
        "<table><caption>Results</caption><thead><tr><th>Party</th><th>Seats</th></tr></thead>\
         <tbody><tr><td>Red</td><td>12</td></tr>\n<tr><td>Blue <i>(new)</i></td><td>7</td></tr>\
         <tr><td></td><td></td></tr></tbody></table>",
    );
    assert_eq!(
        kinds(&a)[1..],
        [(
            BlockKind::Table,
            "Results\nParty | Seats\nRed | 12\nBlue (new) | 7"
        )]
    );
    // A table that holds paragraphs is layout: its cells are blocks.
    let b =
        walked("<table><tr><td><p>One para.</p><p>Two para.</p></td><td>Side</td></tr></table>");
    assert_eq!(
        kinds(&b)[1..],
        [
            (BlockKind::Paragraph, "One para."),
            (BlockKind::Paragraph, "Two para."),
            (BlockKind::Paragraph, "Side"),
        ]
    );
}

#[test]
fn scripts_styles_and_a_heading_repeating_the_title_are_left_out() {
    let a = walked(
        "<h1>  title </h1><script>var x = 1;</script><style>p{}</style><p>Text.</p>\
         <h2>Title</h2>",
    );
    assert_eq!(
        kinds(&a),
        [
            (BlockKind::Lead, "Title"),
            (BlockKind::Paragraph, "Text."),
            // Only before any text does a heading stand for the title.
            (BlockKind::Heading, "Title"),
        ]
    );
}

#[test]
fn extracts_the_article_and_leaves_the_rest() {
    let body = format!(
        "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>\
         <article><h1>The storm</h1><p>{}</p><h2>Damage</h2><p>{}</p><p>{}</p></article>\
         <footer class=\"footer\">Copyright and cookie settings</footer>",
        prose("The storm"),
        prose("Damage"),
        prose("Repairs")
    );
    let p = extract(&page("<title>The storm - Daily</title>", &body));
    let a = &p.article;
    assert_eq!(a.lead(), "The storm - Daily");
    assert!(a.text.contains("The storm is what this paragraph"));
    assert!(a.text.contains("Repairs is what"));
    assert!(!a.text.contains("Copyright"), "{}", a.text);
    assert!(!a.text.contains("News"), "{}", a.text);
    let titles: Vec<&str> = a.sections.iter().map(|s| a.section_title(s)).collect();
    assert!(titles.contains(&"Damage"), "{titles:?}");
}

#[test]
fn a_standfirst_right_under_the_title_is_part_of_the_lead() {
    let body = format!(
        "<article><h1>The storm</h1><h2 class=\"article-dek standfirst\">Winds of 140 km/h \
         closed the coast road</h2><p>{}</p><h2>Damage</h2><p>{}</p>\
         <p class=\"summary\">{}</p></article>",
        prose("The storm"),
        prose("Damage"),
        prose("Repairs")
    );
    let a = extract(&page("<title>The storm</title>", &body)).article;
    assert_eq!(
        kinds(&a)[..3],
        [
            (BlockKind::Lead, "The storm"),
            (BlockKind::Lead, "Winds of 140 km/h closed the coast road"),
            (BlockKind::Paragraph, &*prose("The storm")),
        ]
    );
    // Not a section; and further down the class is only a paragraph's.
    let titles: Vec<&str> = a.sections.iter().map(|s| a.section_title(s)).collect();
    assert_eq!(titles, ["Damage"]);
    assert_eq!(a.blocks.last().map(|b| b.kind), Some(BlockKind::Paragraph));
}

#[test]
fn metadata_in_order_of_trust() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@graph":[{"@type":"WebSite","name":"Not this"},{"@type":"NewsArticle",
        "headline":"LD headline","author":[{"@type":"Person","name":"Ann Ld"},{"name":"Bo Ld"}],
        "datePublished":"2024-05-06T07:08:09Z","publisher":{"name":"LD Times"},
        "inLanguage":"nl"}]}</script>"#;
    let og = r#"<meta property="og:title" content="OG title"><meta property="og:site_name"
        content="OG Site"><meta property="article:published_time" content="2023-01-02">
        <meta property="og:locale" content="de_DE"><meta name="author" content="Meta Author">"#;
    let body = format!(
        "<article><p>{}</p><time datetime=\"2022-03-04\">4 March</time></article>",
        prose("Text")
    );
    let all = extract(&page(&format!("{ld}{og}"), &body)).meta;
    assert_eq!(all.title.as_deref(), Some("LD headline"));
    assert_eq!(all.byline.as_deref(), Some("Ann Ld, Bo Ld"));
    assert_eq!(all.published.as_deref(), Some("2024-05-06T07:08:09Z"));
    assert_eq!(all.site.as_deref(), Some("LD Times"));
    assert_eq!(all.lang.as_deref(), Some("nl"));
    assert_eq!(all.url, None);
    let no_ld = extract(&page(og, &body)).meta;
    assert_eq!(no_ld.title.as_deref(), Some("OG title"));
    assert_eq!(no_ld.byline.as_deref(), Some("Meta Author"));
    assert_eq!(no_ld.published.as_deref(), Some("2023-01-02"));
    assert_eq!(no_ld.site.as_deref(), Some("OG Site"));
    assert_eq!(no_ld.lang.as_deref(), Some("de_DE"));
    let bare = extract(&page("<title>Bare</title>", &body)).meta;
    assert_eq!(bare.title.as_deref(), Some("Bare"));
    assert_eq!(bare.published.as_deref(), Some("2022-03-04"));
    assert_eq!(bare.lang.as_deref(), Some("en"));
    assert_eq!(bare.byline, None);
}

#[test]
fn hreflang_alternates_are_language_labels() {
    let head = r#"<link rel="alternate" hreflang="de" href="story.de.html">
        <link rel="alternate" hreflang="en-GB" href="https://example.org/en/story">
        <link rel="alternate" hreflang="x-default" href="/story">
        <link rel="stylesheet" hreflang="fr" href="x.css">"#;
    let p = extract(&page(head, &format!("<p>{}</p>", prose("Text"))));
    let got: Vec<(&str, Option<crate::lang::Lang>, Option<&str>)> = p
        .article
        .languages
        .iter()
        .map(|l| (l.label.as_str(), l.lang, l.target.as_deref()))
        .collect();
    use crate::lang::Lang;
    assert_eq!(
        got,
        [
            ("Deutsch", Some(Lang::De), Some("story.de.html")),
            (
                "English (en-GB)",
                Some(Lang::En),
                Some("https://example.org/en/story")
            ),
            ("x-default", None, Some("/story")),
        ]
    );
    assert_eq!(p.meta.alternates.len(), 3);
    assert_eq!(p.meta.alternates[1].hreflang, "en-GB");
}

/// No character of the article's text or metadata may drive a terminal.
fn assert_inert(p: &Page) {
    let bad = |s: &str| {
        s.chars().any(|c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
    };
    assert!(!bad(&p.article.text), "{:?}", p.article.text);
    let m = &p.meta;
    for s in [&m.title, &m.byline, &m.published, &m.site, &m.lang] {
        assert!(!s.as_deref().is_some_and(bad), "{s:?}");
    }
    for l in &p.article.languages {
        assert!(!bad(&l.label) && !l.target.as_deref().is_some_and(bad));
    }
}

#[test]
fn hostile_text_and_attributes_are_neutralised() {
    let head = "<title>Evil&#27;]0;owned&#7; title</title>\
        <meta property=\"og:site_name\" content=\"Site&#x1b;[2J\">\
        <meta name=\"author\" content=\"Eve &#x202E;reversed\">\
        <link rel=alternate hreflang=\"de&#27;[31m\" href=\"x&#155;y\">";
    let body = format!(
        "<article><h2 title=\"&#27;[31mattr\">Head&#27;[31mred</h2>\
         <p>{} &#27;[31mred&#27;[0m and \u{1b}]8;;http://x\u{1b}\\\\link \
         &#x202E;evil&#x202C; &#x2066;iso&#x2069; &#x200B;zw &#128;c1 tab&#9;tab</p>\
         <p>{}</p><img alt=\"&#27;[31m\" src=x></article>",
        prose("Hostile"),
        prose("More")
    );
    let p = extract(&page(head, &body));
    assert_inert(&p);
    let t = &p.article.text;
    assert!(t.contains("␛[31mred␛[0m"), "{t}");
    assert!(
        t.contains("⟨RLO⟩evil⟨PDF⟩") && t.contains("⟨LRI⟩iso⟨PDI⟩"),
        "{t}"
    );
    assert!(t.contains("⟨ZWSP⟩zw"), "{t}");
    assert!(t.contains("Head␛[31mred"), "{t}");
    assert!(
        p.meta.neutralised.controls >= 4 && p.meta.neutralised.bidi >= 4,
        "{:?}",
        p.meta.neutralised
    );
    assert_eq!(p.meta.site.as_deref(), Some("Site␛[2J"));
}

/// Runs `f` on a thread with a small stack, failing if it takes longer than `secs`.
fn bounded<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .expect("finishes in time without overflowing its stack")
}

#[test]
fn ten_thousand_nested_divs_neither_overflow_nor_hang() {
    let html = page(
        "<title>Deep</title>",
        &format!(
            "{}<p>{}</p>{}",
            "<div>".repeat(10_000),
            prose("Deep inside"),
            "</div>".repeat(10_000)
        ),
    );
    let p = bounded(120, move || extract(&html));
    assert_eq!(p.article.lead(), "Deep");
    assert!(
        p.article.text.contains("Deep inside is what"),
        "{}",
        p.article.text
    );
}

#[test]
fn a_hundred_thousand_nested_elements_are_capped_before_parsing() {
    let html = page(
        "<title>Deeper</title>",
        &format!(
            "{}<p>{}</p>{}<p>{}</p>",
            "<div><span>".repeat(50_000),
            prose("Deepest"),
            "</span></div>".repeat(50_000),
            prose("After")
        ),
    );
    let started = std::time::Instant::now();
    let p = bounded(120, move || extract(&html));
    assert!(
        p.article.text.contains("Deepest is what"),
        "{}",
        p.article.text
    );
    assert!(
        p.article.text.contains("After is what"),
        "{}",
        p.article.text
    );
    // Uncapped, the parser alone takes most of a minute (optimised).
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn nesting_is_capped_only_where_too_deep() {
    let ok = "<div><p>a<script>if (a<b) {}</div></div></script></p></div>";
    assert!(matches!(cap_nesting(ok), std::borrow::Cow::Borrowed(_)));
    let deep = format!(
        "{}x{}",
        "<b>".repeat(MAX_SOURCE_DEPTH + 5),
        "</b>".repeat(MAX_SOURCE_DEPTH + 5)
    );
    let capped = cap_nesting(&deep);
    assert_eq!(capped.matches("<b>").count(), MAX_SOURCE_DEPTH);
    assert_eq!(capped.matches("</b>").count(), MAX_SOURCE_DEPTH);
    assert!(capped.contains(">x<"));
}

#[test]
fn a_five_megabyte_attribute_is_harmless() {
    let huge = "\u{1b}[31m".repeat(1 << 20);
    let html = page(
        "<title>Big</title>",
        &format!(
            "<article><p data-x=\"{huge}\" class=\"{}\">{}</p></article>",
            "a".repeat(5 << 20),
            prose("Big attribute")
        ),
    );
    assert!(html.len() > 10 << 20);
    let p = bounded(120, move || extract(&html));
    assert_inert(&p);
    assert!(p.article.text.contains("Big attribute is what"));
    assert!(p.article.text.len() < 1000);
}

#[test]
fn an_empty_or_unreadable_page_still_gives_an_article() {
    for html in [
        "",
        "<html></html>",
        "<html><body><p>Short.</p></body></html>",
    ] {
        let p = extract(html);
        assert_inert(&p);
        if html.contains("Short") {
            assert!(p.article.text.contains("Short."), "{:?}", p.article.text);
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Markup in pieces that may not fit together: tags opened and never closed, closed and
    /// never opened, entities of controls, raw escapes, bidi, comments cut short.
    fn markup() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                "[a-zA-Z ,.]{1,20}",
                Just("<p>".to_owned()),
                Just("</p>".to_owned()),
                Just("<h2>".to_owned()),
                Just("</h2>".to_owned()),
                Just("<ul><li>".to_owned()),
                Just("<ol start=\"-4\"><li>".to_owned()),
                Just("</li>".to_owned()),
                Just("<blockquote>".to_owned()),
                Just("<pre>\n\t".to_owned()),
                Just("<table><tr><td>".to_owned()),
                Just("</td><td>".to_owned()),
                Just("<figure><figcaption>".to_owned()),
                Just("<br>".to_owned()),
                Just("<script>".to_owned()),
                Just("<!-- ".to_owned()),
                Just("&#27;[31m".to_owned()),
                Just("&#x202E;".to_owned()),
                Just("&#0;&#x9b;&#xD800;".to_owned()),
                Just("\u{1b}]8;;x\u{7}".to_owned()),
                Just("<div title=\"\u{1b}[2J\">".to_owned()),
                Just("</div>".to_owned()),
                Just("<meta property=og:title content=\"&#27;x\">".to_owned()),
                Just("<link rel=alternate hreflang=\"&#27;\" href=\"\u{202e}\">".to_owned()),
                any::<char>().prop_map(String::from),
            ],
            0..60,
        )
        .prop_map(|v| format!("<!doctype html><title>T</title>{}", v.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_markup_gives_an_inert_well_formed_article(html in markup()) {
            let p = extract(&html);
            assert_inert(&p);
            let a = &p.article;
            let mut last = 0;
            for b in a.blocks.iter() {
                prop_assert!(b.range.start >= last && b.range.start < b.range.end);
                prop_assert!(a.text.is_char_boundary(b.range.start));
                prop_assert!(a.text.is_char_boundary(b.range.end));
                last = b.range.end;
            }
            for s in &a.sections {
                prop_assert!(a.blocks[s.block].kind == BlockKind::Heading);
                prop_assert!(s.start <= s.end && s.end <= a.text.len());
            }
        }
    }
}

#[test]
fn links_keep_their_place_in_the_text_and_their_target() {
    let body = format!(
        "<article><h1>Title</h1><p>{}</p><p>See <a href=\"next.html\">the next story</a> and \
         <a href=\"https://example.org/a#b\">an <b>outside</b> page</a>; a <a href=\"#top\"></a> \
         link without text is none.</p></article>",
        prose("The first paragraph")
    );
    let p = extract(&page("<title>Title</title>", &body));
    let a = &p.article;
    let found: Vec<(&str, &str)> = a
        .links
        .iter()
        .map(|l| (&a.text[l.range.clone()], l.href.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("the next story", "next.html"),
            ("an outside page", "https://example.org/a#b")
        ]
    );
}
