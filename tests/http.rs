//! Fetching over HTTP against a loopback server: pages, redirects, errors, limits.

mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;
use krant::source::http::{fetch, FetchError, Limits};
use server::{Reply, Server};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn quick() -> Limits {
    Limits {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(2),
        max_bytes: 1 << 20,
        max_redirects: 10,
    }
}

fn get(url: &str, limits: &Limits) -> Result<krant::source::http::Fetched, FetchError> {
    fetch(url, limits, &AtomicBool::new(false), &mut |_, _| {})
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("compress");
    e.finish().expect("compress")
}

#[test]
fn a_page_its_type_charset_and_address_after_redirects() {
    let s = Server::start(vec![
        (
            "/page",
            Reply::ok("text/html; charset=ISO-8859-1", "<p>caf\u{e9}</p>"),
        ),
        ("/r1", Reply::redirect("/r2")),
        ("/r2", Reply::redirect("/page")),
    ]);
    let mut seen = 0;
    let f = fetch(
        &s.url("/r1"),
        &quick(),
        &AtomicBool::new(false),
        &mut |n, total| {
            seen = n;
            assert_eq!(total, Some(12));
        },
    )
    .expect("fetched");
    assert_eq!(f.url, s.url("/page"));
    assert_eq!(f.media_type.as_deref(), Some("text/html"));
    assert_eq!(f.charset.as_deref(), Some("ISO-8859-1"));
    assert_eq!(f.bytes, "<p>caf\u{e9}</p>".as_bytes());
    assert_eq!(seen, 12);
}

#[test]
fn every_failure_is_its_own_error() {
    let s = Server::start(vec![
        ("/loop", Reply::redirect("/loop")),
        ("/gone", Reply::status(404)),
        ("/broken", Reply::status(503)),
        (
            "/image",
            Reply::ok("image/png", vec![0x89, b'P', b'N', b'G']),
        ),
        (
            "/slow",
            Reply::Delay(
                Duration::from_secs(4),
                Box::new(Reply::ok("text/html", "late")),
            ),
        ),
        ("/big", Reply::ok("text/plain", vec![b'a'; (1 << 20) + 1])),
        (
            "/bomb",
            Reply::Full(
                200,
                vec![
                    ("Content-Type".into(), "text/html".into()),
                    ("Content-Encoding".into(), "gzip".into()),
                ],
                gzip(&vec![b' '; 64 << 20]),
            ),
        ),
    ]);
    let l = quick();
    assert_eq!(get(&s.url("/loop"), &l), Err(FetchError::TooManyRedirects));
    assert_eq!(get(&s.url("/gone"), &l), Err(FetchError::Status(404)));
    assert_eq!(get(&s.url("/broken"), &l), Err(FetchError::Status(503)));
    assert_eq!(
        get(&s.url("/image"), &l),
        Err(FetchError::NotText("image/png".into()))
    );
    let start = Instant::now();
    assert_eq!(get(&s.url("/slow"), &l), Err(FetchError::Timeout));
    assert!(start.elapsed() < Duration::from_secs(4));
    assert_eq!(get(&s.url("/big"), &l), Err(FetchError::TooLarge(1 << 20)));
    // 64 MB of spaces in a 64 KB gzip body stops at the limit after decompression.
    assert_eq!(get(&s.url("/bomb"), &l), Err(FetchError::TooLarge(1 << 20)));
    assert_eq!(get("ftp://example.org/", &l), Err(FetchError::BadUrl));
}

#[test]
fn refused_connections_and_tls_to_a_plain_server() {
    let s = Server::start(vec![("/page", Reply::ok("text/html", "x"))]);
    let tls = get(&s.url("/page").replace("http://", "https://"), &quick());
    assert!(
        matches!(tls, Err(FetchError::Tls(_) | FetchError::Network(_))),
        "{tls:?}"
    );
    // A port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let r = get(&format!("http://127.0.0.1:{port}/"), &quick());
    assert_eq!(r, Err(FetchError::Connect));
}

#[test]
fn cancel_stops_a_slow_body() {
    let s = Server::start(vec![(
        "/trickle",
        Reply::Trickle(vec![b'x'; 4096], Duration::from_millis(20)),
    )]);
    let cancel = AtomicBool::new(false);
    let limits = Limits {
        total: Duration::from_secs(20),
        ..quick()
    };
    let start = Instant::now();
    let r = fetch(&s.url("/trickle"), &limits, &cancel, &mut |n, _| {
        if n >= 64 {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert_eq!(r, Err(FetchError::Cancelled));
    assert!(start.elapsed() < Duration::from_secs(3));
}

#[test]
fn the_command_line_reads_a_web_address_and_says_why_not_in_one_line() {
    let s = Server::start(vec![
        (
            "/story",
            Reply::ok("text/plain; charset=utf-8", "Kop\n\nEen regel tekst.\n"),
        ),
        ("/gone", Reply::status(404)),
    ]);
    let run = |lang: &str, args: &[&str]| {
        common::krant()
            .args(args)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("runs")
    };
    let out = run("C", &["--dump", &s.url("/story")]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Kop\n\nEen regel tekst.\n"
    );
    let out = run("C", &["--analyze", &s.url("/story")]);
    assert!(out.status.success());
    for (lang, words) in [("C", "answered 404"), ("de_DE.UTF-8", "antwortete 404")] {
        let out = run(lang, &["--dump", &s.url("/gone")]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(words) && err.contains("/gone"), "{err}");
    }
}

/// A news page with a version in Dutch and a link to another story, as a site would serve them.
fn news_site() -> Server {
    let page = |lang: &str, title: &str, body: &str, extra_head: &str| {
        format!(
            "<!doctype html><html lang=\"{lang}\"><head><title>{title}</title>{extra_head}</head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><article>\
             <h1>{title}</h1>{body}</article><footer>Cookie settings</footer></body></html>"
        )
    };
    let prose = "goes on for a while, so that the page reads like an article, with commas, \
                 full stops and enough words to be taken for the main text of the page.";
    let en = page(
        "en",
        "Harbour reopens after storm",
        &format!(
            "<p>The harbour reopened on Monday and {prose}</p><h2>What comes next</h2>\
             <p>Repairs will take months, and <a href=\"other.html\">the ferry story</a> {prose}</p>"
        ),
        "<link rel=\"alternate\" hreflang=\"nl\" href=\"/nl/story.html\">\
         <link rel=\"alternate\" hreflang=\"en\" href=\"/en/story.html\">",
    );
    let nl = page(
        "nl",
        "Haven weer open na storm",
        &format!(
            "<p>De haven ging maandag weer open en {prose}</p><h2>Wat er nu komt</h2><p>{prose}</p>"
        ),
        "<link rel=\"alternate\" hreflang=\"en\" href=\"/en/story.html\">",
    );
    let other = page(
        "en",
        "Ferry timetable changes",
        &format!("<p>The ferry {prose}</p>"),
        "",
    );
    Server::start(vec![
        ("/story", Reply::redirect("/en/story.html")),
        ("/en/story.html", Reply::ok("text/html; charset=utf-8", en)),
        ("/nl/story.html", Reply::ok("text/html; charset=utf-8", nl)),
        (
            "/en/other.html",
            Reply::ok("text/html; charset=utf-8", other),
        ),
    ])
}

#[test]
fn a_web_address_in_reader_mode_dump_and_analyze() {
    let s = news_site();
    let out = common::krant()
        .args(["--dump", &s.url("/story")])
        .output()
        .expect("runs");
    let dump = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    // The body: the title is the page's name (in the header and in --analyze's source).
    assert!(dump.starts_with("The harbour reopened on Monday"), "{dump}");
    assert!(!dump.contains("Harbour reopens after storm"), "{dump}");
    assert!(
        dump.contains("\nWhat comes next\n") && !dump.contains("Cookie"),
        "{dump}"
    );
    let out = common::krant()
        .args(["--analyze", &s.url("/story")])
        .output()
        .expect("runs");
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(
        json.contains(&format!("\"url\": \"{}\"", s.url("/en/story.html"))),
        "{json}"
    );
    assert!(json.contains("\"Nederlands\""), "{json}");
    assert!(
        json.contains("\"title\": \"Harbour reopens after storm\""),
        "{json}"
    );
}

#[test]
fn in_the_reader_versions_and_links_open_and_backspace_returns() {
    let s = news_site();
    let t = common::Tmux::start(
        "web-reader",
        100,
        30,
        &format!("{} {}", common::bin(), s.url("/story")),
    );
    t.wait_all(&["Harbour reopens after storm", "What comes next"]);
    // The switcher lists the page's versions; Nederlands opens the Dutch page.
    t.keys(&["L"]);
    let sw = t.wait_text("Nederlands");
    let n = sw
        .lines()
        .find_map(|l| {
            let i = l.find(" Nederlands")?;
            l[..i]
                .trim_end()
                .chars()
                .last()
                .filter(char::is_ascii_digit)
        })
        .expect("a number before Nederlands");
    t.keys(&[&n.to_string()]);
    t.wait_text("Haven weer open na storm");
    t.keys(&["BSpace"]);
    t.wait_text("Harbour reopens after storm");
    // The link list, and Enter on the link opens the story it names.
    t.keys(&["o"]);
    t.wait_text("the ferry story");
    t.keys(&["Enter"]);
    t.wait_text("Ferry timetable changes");
    t.keys(&["BSpace"]);
    t.wait_all(&["Harbour reopens after storm", "What comes next"]);
}

/// A web address given on the command line: the reader opens at once and shows the download
/// in its status bar; the page replaces it with nothing to go back to; a failure ends the reader
/// with one line and exit status 2, the terminal restored.
#[test]
fn the_reader_opens_before_the_page_and_a_failure_is_one_line() {
    let body = "<html><head><title>Slow news</title></head><body><article><h1>Slow news</h1>\
        <p>The slow page arrives late, and the reader shows it when it is complete.</p>\
        </article></body></html>";
    let s = Server::start(vec![
        (
            "/slow",
            Reply::Delay(
                Duration::from_millis(1500),
                Box::new(Reply::ok("text/html", body)),
            ),
        ),
        (
            "/gone",
            Reply::Delay(Duration::from_millis(800), Box::new(Reply::status(404))),
        ),
    ]);
    let t = common::Tmux::start(
        "web-opening",
        100,
        30,
        &format!("{} {}", common::bin(), s.url("/slow")),
    );
    // While it downloads, the reader is there and says so.
    let loading = t.wait_text("/slow");
    assert!(!loading.contains("arrives late"), "{loading}");
    let page = t.wait_text("The slow page arrives late");
    // Nothing to go back to: Backspace leaves the page where it is.
    t.keys(&["BSpace"]);
    let after = t.settle();
    assert_eq!(after.lines().next(), page.lines().next(), "{after}");
    // A page that fails: one line on standard error, exit status 2.
    let out = t.path("out.txt");
    let err = t.path("err.txt");
    t.respawn(&format!(
        "{} {} 2> '{}'; echo \"status $?\" > '{}'",
        common::bin(),
        s.url("/gone"),
        err.display(),
        out.display()
    ));
    t.wait_text("/gone");
    t.wait_for("the shell after krant", |_| out.exists());
    assert_eq!(common::read(&out).trim(), "status 2");
    let errors = common::read(&err);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(
        errors.starts_with("krant: ") && errors.contains("404"),
        "{errors}"
    );
}
