//! The large and special inputs of the corpus's gen.sh, made here: a 10 MB single line,
//! 200,000 short lines (more rows than a u16 can count), 100,000 headings, odd paths.

mod common;
use common::{open_command, temp_dir, Tmux};

#[test]
fn ten_megabytes_on_one_line() {
    let dir = temp_dir("single-line");
    // Multi-byte words, so that display chunks are cut next to characters of every width.
    let word = "lörem ipsüm — Привет, 漢字 dolor 👍 sit amet, ";
    let mut text = word.repeat(10 * 1024 * 1024 / word.len());
    text.push_str("SLOTWOORD");
    std::fs::write(dir.join("one.txt"), &text).unwrap();
    let t = Tmux::start("single-line", 100, 30, &open_command(&dir.join("one.txt")));
    t.wait_text("lörem ipsüm");
    t.keys(&["G"]);
    t.wait_text("SLOTWOORD");
    t.keys(&["g"]);
    t.wait_for("top again", |s| !s.contains("SLOTWOORD"));
}

#[test]
fn a_long_paragraph_of_accented_letters_dumps_and_analyses() {
    let dir = temp_dir("accented");
    let path = dir.join("c.txt");
    std::fs::write(&path, format!("T\n\na{}\n", "é".repeat(9000))).unwrap();
    for option in ["--dump", "--analyze"] {
        let out = common::krant().arg(option).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{option}: {out:?}");
    }
    // --dump wraps the paragraph; every letter is there, once.
    let out = common::krant().arg("--dump").arg(&path).output().unwrap();
    let dumped = String::from_utf8_lossy(&out.stdout).replace('\n', "");
    assert!(dumped == format!("Ta{}", "é".repeat(9000)), "letters lost");
}

#[test]
fn two_hundred_thousand_lines_reach_the_end() {
    let dir = temp_dir("many-lines");
    let text: String = (0..200_000).map(|i| format!("line {i}\n")).collect();
    std::fs::write(dir.join("lines.txt"), text).unwrap();
    let t = Tmux::start("many-lines", 80, 24, &open_command(&dir.join("lines.txt")));
    t.wait_text("line 1");
    t.keys(&["G"]);
    t.wait_text("line 199999");
    t.keys(&["/"]);
    t.type_text("line 123456");
    t.wait_text("match 1 of 1");
}

#[test]
fn a_hundred_thousand_headings() {
    let dir = temp_dir("many-headings");
    let text: String = (0..100_000)
        .map(|i| format!("# Heading {i}\nbody {i}\n"))
        .collect();
    std::fs::write(dir.join("h.txt"), text).unwrap();
    let t = Tmux::start("many-headings", 160, 45, &open_command(&dir.join("h.txt")));
    t.wait_text("Heading 5");
    t.keys(&["]", "]", "]"]);
    t.wait_text("of 99999");
    t.keys(&["G"]);
    t.wait_text("body 99999");
    t.wait_all(&["Heading 99999", "99999 of 99999"]);
}

#[test]
fn odd_paths_are_refused_or_read_with_escaped_names() {
    let dir = temp_dir("odd-paths");
    let looped = dir.join("loop");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let out = common::krant().arg(&looped).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    // A name that is not UTF-8 and one with an escape and a newline are read like any file.
    use std::os::unix::ffi::OsStrExt;
    for name in [
        &b"name_invalid_utf8_\xff\xfe.txt"[..],
        b"name_with_\x1b]0;PWNED\x07_osc_and_\n_newline.txt",
        b"-rf.txt",
    ] {
        let p = dir.join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(&p, "Kop\nEen regel tekst.\n").unwrap();
        let out = common::krant()
            .arg("--dump")
            .arg("--")
            .arg(&p)
            .output()
            .unwrap();
        assert!(out.status.success(), "{p:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "Kop\n\nEen regel tekst.\n"
        );
    }
    // Escaped in errors.
    let missing = dir.join(std::ffi::OsStr::from_bytes(b"gone_\xff_\x1b[2J.txt"));
    let out = common::krant().arg(&missing).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains('\x1b') && err.contains("gone_\u{FFFD}_␛[2J.txt"),
        "{err}"
    );
}

/// A large file: the first screen comes from its start while the whole is still being read and
/// parsed (the status bar says so), and what needs the whole (the end, search) waits for it,
/// with the keys typed meanwhile kept in order.
#[test]
fn a_large_file_shows_its_start_before_its_whole_structure_is_built() {
    let dir = temp_dir("growing");
    let mut text = String::from("Een groot stuk\n\nDe inleiding van het grote stuk.\n\n");
    let mut i = 0;
    while text.len() < 30 << 20 {
        if i % 400 == 0 {
            text.push_str(&format!("Hoofdstuk {}\n\n", i / 400));
        }
        text.push_str(&format!(
            "Alinea {i}: het overleg duurde langer dan gedacht, en de ministers gingen pas laat \
             naar huis. Morgen gaat het verder.\n\n"
        ));
        i += 1;
    }
    text.push_str("De laatste alinea: SLOTALINEA.\n");
    let path = dir.join("groot.txt");
    std::fs::write(&path, &text).unwrap();
    let t = Tmux::start("growing", 160, 30, &open_command(&path));
    // The first frame is drawn while the whole article is still being read.
    t.wait_all(&["Alinea 3:", "reading the whole article"]);
    // Asked for meanwhile: the end, then a search typed at once.
    t.keys(&["G"]);
    t.keys(&["/"]);
    t.type_text("Alinea 12:");
    t.keys(&["Enter"]);
    t.wait_all(&["Alinea 12:", "match 1 of 1"]);
    let s = t.screen();
    assert!(!s.contains("reading the whole article"), "{s}");
    t.keys(&["G"]);
    t.wait_text("SLOTALINEA");
}
