//! The binary without a terminal: errors, --dump, --analyze, standard input.

mod common;
use common::{bin, temp_dir};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .env("LANG", "C")
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
        let mut child = Command::new(bin())
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
