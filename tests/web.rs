//! Web pages end to end: a hand-written page read from a file and from standard input, in
//! `--dump`, `--analyze` and the reader.

mod common;
use common::{open_command, temp_dir, Tmux};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    common::fixture("web", name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = common::krant()
        .args(args)
        .env("LANG", "C")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("writes");
    }
    let out = child.wait_with_output().expect("waits");
    assert!(out.status.success(), "{out:?}");
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

#[test]
fn dump_prints_the_article_in_reader_mode() {
    let page = fixture("harbour.html");
    let text = stdout(&run(&["--dump", page.to_str().unwrap()], None));
    let lines: Vec<&str> = text.lines().collect();
    // The body, from the standfirst: the title (repeated by the h1) is the page's name.
    assert!(
        lines[0].starts_with("The lifting bridge across the old harbour"),
        "{text}"
    );
    assert_eq!(
        text.matches("New harbour bridge opens").count(),
        0,
        "{text}"
    );
    for own_line in [
        "Why it took so long",
        "What changes for traffic",
        "We built it twice over, once on paper and once in the water. Today it is finally a bridge.",
        "The deck lifted for the first time, on Wednesday evening.",
        "• Bicycles may cross at walking pace only.",
        "1. The bridge lifts on the hour when ships are waiting.",
        "2019 | First pile driven",
        "  Mon-Sun  06:00-23:00",
    ] {
        assert!(lines.contains(&own_line), "{own_line:?} in\n{text}");
    }
    for boilerplate in [
        "Home",
        "cookies",
        "Accept all",
        "Related stories",
        "Copyright",
        "Ferry company",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} in\n{text}");
    }
    // Unwrapped: the long paragraphs stay on one line each.
    assert!(lines.iter().any(|l| l.len() > 200));
    // Standard input is sniffed the same way.
    let bytes = std::fs::read(&page).unwrap();
    assert_eq!(stdout(&run(&["--dump", "-"], Some(&bytes))), text);
}

#[test]
fn analyze_reports_the_source_and_offsets_into_the_dump() {
    let page = fixture("harbour.html");
    let dump = stdout(&run(&["--dump", page.to_str().unwrap()], None));
    let json = stdout(&run(&["--analyze", page.to_str().unwrap()], None));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let source = &v["source"];
    assert_eq!(source["kind"], "html");
    assert!(source["url"].is_null());
    assert_eq!(source["title"], "New harbour bridge opens after six years");
    // JSON-LD outranks the author meta tag.
    assert_eq!(source["byline"], "Marta Quayle");
    assert_eq!(source["published"], "2025-04-17T09:30:00+01:00");
    assert_eq!(source["site"], "The Tidewater Courier");
    assert_eq!(source["lang"], "en-GB");
    assert_eq!(v["language"], "en");
    assert_eq!(v["lead"], "New harbour bridge opens after six years");
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 2);
    for s in sections {
        let start = s["start"].as_u64().unwrap() as usize;
        let end = s["end"].as_u64().unwrap() as usize;
        let title = s["title"].as_str().unwrap();
        assert!(dump[start..].starts_with(title), "{title:?} at {start}");
        assert!(end <= dump.len());
    }
    assert_eq!(
        v["languages"],
        serde_json::json!(["English (en-GB)", "Nederlands", "Deutsch"])
    );
    for q in v["quotes"].as_array().unwrap() {
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert!(dump.get(start as usize..end as usize).is_some(), "{q}");
    }
}

#[test]
fn html_is_told_by_its_bytes_not_its_name() {
    let dir = temp_dir("web-names");
    let html_as_txt = dir.join("page.txt");
    std::fs::copy(fixture("harbour.html"), &html_as_txt).unwrap();
    let text = stdout(&run(&["--dump", html_as_txt.to_str().unwrap()], None));
    assert!(
        text.starts_with("The lifting bridge across the old harbour"),
        "{text}"
    );
    assert!(!text.contains("<p>"));
    let text_as_html = dir.join("story.html");
    std::fs::write(
        &text_as_html,
        "Kop van het stuk\n\nEen alinea met <b>tekst</b>.\n",
    )
    .unwrap();
    let text = stdout(&run(&["--dump", text_as_html.to_str().unwrap()], None));
    assert!(text.contains("<b>tekst</b>"), "{text}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(
        &["--analyze", text_as_html.to_str().unwrap()],
        None,
    )))
    .unwrap();
    assert!(v.get("source").is_none(), "plain text has no source: {v}");
}

#[test]
fn a_hostile_page_prints_nothing_a_terminal_would_obey() {
    let page = fixture("hostile.html");
    for flag in ["--dump", "--analyze"] {
        let out = run(&[flag, page.to_str().unwrap()], None);
        let text = stdout(&out);
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{flag}: {text:?}"
        );
        // In JSON the placeholders are printed as they are, never as escapes of controls.
        assert!(!text.contains("\\u001b"), "{flag}: {text}");
    }
    let text = stdout(&run(&["--dump", page.to_str().unwrap()], None));
    assert!(text.starts_with("Colours ␛[31mred␛[0m\n"), "{text}");
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["--analyze", page.to_str().unwrap()], None))).unwrap();
    assert_eq!(v["source"]["title"], "Hostile ␛]0;pwned␇ page", "{v}");
    assert!(text.contains("Colours ␛[31mred␛[0m"), "{text}");
    assert!(text.contains("⟨RLO⟩gnp.exe⟨PDF⟩"), "{text}");
    assert!(!text.contains("blinking alt"), "{text}");
}

#[test]
fn the_reader_opens_a_page_and_lists_its_language_versions() {
    let page = fixture("harbour.html");
    let t = Tmux::start("web-reader", 120, 40, &open_command(&page));
    let s = t.wait_all(&[
        "New harbour bridge opens after six years",
        "Why it took so long",
        "? help",
    ]);
    assert!(!s.contains("<p>") && !s.contains("cookies"), "{s}");
    t.keys(&["]"]);
    t.wait_text("Section 1 of 2");
    t.keys(&["L"]);
    let s = t.wait_all(&["Nederlands", "Deutsch", "English (en-GB)"]);
    assert!(s.contains("1 English (en-GB)"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for("switcher closed", |s| !s.contains("English (en-GB)"));
    t.keys(&["q"]);
    t.wait_for("exit", |_| t.dead());
}

#[test]
fn a_sibling_page_in_another_language_opens_in_reader_mode() {
    let dir = temp_dir("web-sibling");
    for name in ["harbour.html", "harbour.nl.html"] {
        std::fs::copy(fixture(name), dir.join(name)).unwrap();
    }
    let t = Tmux::start(
        "web-sibling",
        120,
        40,
        &open_command(&dir.join("harbour.html")),
    );
    t.wait_all(&["New harbour bridge opens after six years", "? help"]);
    t.keys(&["L"]);
    t.wait_text("2 Nederlands");
    t.keys(&["2"]);
    let s = t.wait_all(&[
        "Nieuwe havenbrug open na zes jaar",
        "Waarom het zo lang duurde",
    ]);
    assert!(!s.contains("<!DOCTYPE") && !s.contains("<p>"), "{s}");
    t.keys(&["q"]);
    t.wait_for("exit", |_| t.dead());
}

#[test]
fn the_reader_says_how_many_characters_of_a_page_were_neutralised() {
    let t = Tmux::start(
        "web-neutralised",
        120,
        30,
        &open_command(&fixture("hostile.html")),
    );
    let s = t.wait_all(&["Colours ␛[31mred", "hidden characters shown as markers"]);
    assert!(s.contains("⟨RLO⟩gnp.exe⟨PDF⟩"), "{s}");
    t.keys(&["q"]);
    t.wait_for("exit", |_| t.dead());
}
