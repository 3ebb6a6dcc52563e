//! The binary without a terminal: errors, --dump, --analyze, standard input.

mod common;
use common::temp_dir;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

fn run(args: &[&str]) -> Output {
    run_in("C", &temp_dir("config"), args)
}

/// Runs krant with `LANG=lang` and `home` as its home and configuration folder (so no saved
/// setting of the machine's user gets in).
fn run_in(lang: &str, home: &Path, args: &[&str]) -> Output {
    common::krant()
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = common::krant()
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", temp_dir("config").join("config"))
        .env("XDG_DATA_HOME", temp_dir("data").join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("writes");
    child.wait_with_output().expect("waits")
}

/// Bad input: exit status 2 and exactly one line on stderr, nothing on stdout.
fn assert_refused(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(
        !err.bytes().any(|b| b < 0x20 && b != b'\n'),
        "escaped: {err:?}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_paths_are_refused_with_one_line() {
    let dir = temp_dir("badpaths");
    assert_refused(
        &run(&[dir.join("missing.txt").to_str().unwrap()]),
        "no such file",
    );
    assert_refused(&run(&[dir.to_str().unwrap()]), "directory");
    assert_refused(&run(&["/dev/zero"]), "not a regular file");
    let fifo = dir.join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string for the path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    assert_refused(&run(&[fifo.to_str().unwrap()]), "not a regular file");
    let binary = dir.join("image.png");
    std::fs::write(
        &binary,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
    )
    .unwrap();
    assert_refused(&run(&[binary.to_str().unwrap()]), "binary");
    let evil = dir.join("evil\x1b]0;pwned\x07\nname.txt");
    let out = run(&[evil.to_str().unwrap()]);
    assert_refused(&out, "no such file");
    assert!(String::from_utf8_lossy(&out.stderr).contains("evil␛]0;pwned␇ name.txt"));
    assert_refused(&run(&["--width", "zero"]), "--width");
    assert_refused(&run(&["--bogus"]), "--bogus");
}

#[test]
fn dump_prints_the_formatted_article_without_controls() {
    let out = run(&["--dump", "--width", "50"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("VS-sancties tegen"));
    assert!(s.contains("## Sancties en diplomatieke impasse\n"));
    assert_eq!(s.matches("\n## ").count(), 5);
    assert!(s.lines().all(|l| l.chars().count() <= 50));
    assert!(!s.contains("Português"));
    // Standard output that is not a terminal gets the same.
    let piped = run(&["--width", "50"]);
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), s);
}

#[test]
fn standard_input_and_encodings() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Kop\nSectie één\nDe tekst van de sectie, met een zin."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let out = run_stdin(&["--dump", "-"], &utf16);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Kop\n\n## Sectie één\n\nDe tekst van de sectie, met een zin.\n"
    );
    let out = run_stdin(&["--dump", "-"], b"caf\xe9\x1b[31m rood\x07");
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(s, "caf\u{FFFD}␛[31m rood␇\n");
}

#[test]
fn analyze_prints_the_json_interface() {
    let out = run(&["--analyze"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["language"], "nl");
    assert!(v["lead"].as_str().unwrap().starts_with("VS-sancties"));
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 5);
    let sample = include_str!("../assets/sample.txt");
    for s in sections {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(sample[a..b].starts_with(s["title"].as_str().unwrap()));
    }
    assert_eq!(v["languages"].as_array().unwrap().len(), 6);
    assert!(v["quotes"].is_array() && v["entities"].is_array());
}

#[test]
fn help_and_version() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--analyze"));
    let out = run(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("krant "));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    let dir = temp_dir("pipe");
    let big = dir.join("big.txt");
    std::fs::write(&big, include_str!("../assets/sample.txt").repeat(40)).unwrap();
    let big = big.to_str().unwrap();
    for args in [&["--analyze", big][..], &["--dump", big]] {
        let mut child = common::krant()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        let mut out = child.stdout.take().expect("stdout");
        let mut first = [0u8; 1];
        out.read_exact(&mut first).expect("some output");
        drop(out);
        let status = child.wait().expect("exits");
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr");
        assert!(
            status.success() || status.code().is_none(),
            "{args:?}: {status:?} {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// What krant printed, both streams.
fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The words a reader reads: three letters or more, outside option names (`--dump`), the
/// program's name and the arguments given.
fn words(s: &str, args: &[&str]) -> std::collections::BTreeSet<String> {
    let mut s = s.to_owned();
    for a in args {
        s = s.replace(a, " ");
    }
    s.split_whitespace()
        .filter(|t| !t.starts_with('-'))
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 3 && *w != "krant" && *w != "JSON")
        .map(str::to_owned)
        .collect()
}

/// Words spelt the same in English and in that language.
const SAME: &[(&str, &str)] = &[
    ("fr", "article"),
    ("fr", "option"),
    ("fr", "structure"),
    ("fr", "terminal"),
    ("fr", "standard"),
    ("fr", "interface"),
    ("fr", "version"),
    ("fr", "OPTIONS"),
    ("fr", "page"),
    ("fr", "web"),
    ("es", "web"),
    ("pt", "web"),
    ("es", "terminal"),
    ("pt", "terminal"),
    ("pt", "interface"),
    ("nl", "terminal"),
    ("nl", "interface"),
];

#[test]
fn usage_errors_and_help_speak_the_locale_language() {
    let home = temp_dir("locale-cli");
    let cases: [&[&str]; 7] = [
        &["--foo"],
        &["--help"],
        &["--width", "wide"],
        &["--width"],
        &["--lang", "xx"],
        &["one.txt", "two.txt"],
        &["missing.txt"],
    ];
    for args in cases {
        let english = run_in("C", &home, args);
        let en = text(&english);
        assert!(
            en.contains("help") || en.contains("no such file"),
            "{args:?}: {en}"
        );
        for (code, locale) in [
            ("nl", "nl_NL.UTF-8"),
            ("de", "de_DE.UTF-8"),
            ("fr", "fr_FR.UTF-8"),
            ("es", "es_ES.UTF-8"),
            ("pt", "pt_PT.UTF-8"),
        ] {
            let out = run_in(locale, &home, args);
            assert_eq!(out.status.code(), english.status.code(), "{code} {args:?}");
            let theirs = text(&out);
            if out.status.code() == Some(2) {
                assert_refused(&out, args[args.len() - 1]);
            }
            let own = words(&theirs, args);
            for w in words(&en, args) {
                assert!(
                    !own.contains(&w)
                        || SAME.contains(&(code, w.as_str()))
                        || matches!(
                            w.as_str(),
                            "http" | "s" | "OPML" | "URL" | "urls" | "newsboat"
                        ),
                    "{code} {args:?}: English {w:?} in\n{theirs}"
                );
            }
        }
    }
    let de = |args: &[&str]| text(&run_in("de_DE.UTF-8", &home, args));
    assert_eq!(
        de(&["--foo"]),
        "krant: unbekannte Option --foo; siehe krant --help\n"
    );
    assert!(
        de(&["--help"]).contains("\n  --width N  "),
        "{}",
        de(&["--help"])
    );
    // A bad --lang leaves the locale's language.
    assert!(de(&["--lang", "xx"]).contains("nicht „xx“"));
    let fr = text(&run_in("fr_FR.UTF-8", &home, &["--width", "5"]));
    assert!(fr.contains("pas «\u{a0}5\u{a0}»"), "{fr}");
}

#[test]
fn an_output_error_is_told_in_the_interface_language() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = common::krant()
        .args(["--lang", "de", "--help"])
        .env("XDG_CONFIG_HOME", temp_dir("full").join("config"))
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        "krant: Ausgabe kann nicht geschrieben werden (kein Platz mehr auf dem Gerät)\n"
    );
}

#[test]
fn usage_errors_follow_lang_then_saved_choice_then_locale() {
    let home = temp_dir("saved-cli");
    let err = |args: &[&str]| text(&run_in("de_DE.UTF-8", &home, args));
    // --lang before the mistake counts.
    assert!(err(&["--lang", "fr", "--foo"]).contains("option inconnue"));
    assert!(err(&["--foo", "--lang=es"]).contains("opción desconocida"));
    std::fs::create_dir_all(home.join("config/krant")).unwrap();
    std::fs::write(
        home.join("config/krant/settings.json"),
        r#"{"version": 1, "language": "pt"}"#,
    )
    .unwrap();
    // The saved choice beats the locale, as in the reader.
    assert!(err(&["--foo"]).contains("opção desconhecida"));
    assert!(err(&["--help"]).contains("mostrar esta ajuda"));
    assert!(err(&["missing.txt"]).contains("ficheiro inexistente"));
    assert!(err(&["--lang", "nl", "--foo"]).contains("onbekende optie"));
    // A damaged settings file is left for the reader to report, and the locale speaks.
    std::fs::write(home.join("config/krant/settings.json"), "{garbage").unwrap();
    assert!(err(&["--foo"]).contains("unbekannte Option"));
    assert_eq!(
        std::fs::read_to_string(home.join("config/krant/settings.json")).unwrap(),
        "{garbage"
    );
}
