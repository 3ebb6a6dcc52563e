//! Hostile inputs (copied from the shared corpus into tests/fixtures): every byte is shown or
//! visibly neutralised, none is obeyed; what cannot be shown is refused with one line and exit 2.

mod common;
use common::{open_command, Tmux};
use std::path::PathBuf;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

/// Files that must be refused as not being articles.
const REFUSED: [&str; 1] = ["32_binary_png_elf.bin"];

fn name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn dump_never_emits_control_characters() {
    let files = fixtures();
    assert!(files.len() >= 39, "the corpus is copied: {}", files.len());
    for f in files {
        let out = common::krant()
            .arg("--dump")
            .arg(&f)
            .output()
            .expect("runs");
        let n = name(&f);
        if REFUSED.contains(&n.as_str()) {
            assert_eq!(out.status.code(), Some(2), "{n} refused");
            assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
            continue;
        }
        assert!(
            out.status.success(),
            "{n}: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bad = out
            .stdout
            .iter()
            .position(|&b| (b < 0x20 && b != b'\n') || b == 0x7f);
        assert_eq!(bad, None, "{n}: control byte in output");
        let text = String::from_utf8(out.stdout).expect("UTF-8 output");
        // No C1 controls, bidi overrides or zero-width characters pass either.
        // (A zero-width joiner inside an emoji sequence is part of the emoji and stays.)
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let emoji = |k: Option<&char>| {
                k.is_some_and(|&x| {
                    x >= '\u{1f000}' || x == '\u{fe0f}' || ('\u{2600}'..='\u{27bf}').contains(&x)
                })
            };
            if c == '\u{200d}'
                && emoji(i.checked_sub(1).and_then(|k| chars.get(k)))
                && emoji(chars.get(i + 1))
            {
                continue;
            }
            assert!(
                !matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{feff}'),
                "{n}: {c:?} passed through"
            );
        }
    }
}

#[test]
fn neutralised_bytes_are_visible_not_lost() {
    let dump = |f: &str| {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(f);
        String::from_utf8(
            common::krant()
                .arg("--dump")
                .arg(p)
                .output()
                .expect("runs")
                .stdout,
        )
        .expect("UTF-8")
    };
    assert!(dump("03_osc_title_set.txt").contains("␛]0;PWNED"));
    assert!(dump("04_osc52_clipboard_write.txt").contains("␛]52;c;"));
    let nul = dump("31_nul_bytes_embedded.txt");
    assert!(
        nul.contains("before NUL␀after NUL must not be lost"),
        "{nul}"
    );
    assert!(dump("16_bidi_overrides_trojan_source.txt").contains("⟨RLO⟩"));
    assert!(dump("17_zero_width_invisible.txt").contains("⟨ZWSP⟩"));
    assert!(dump("23_tabs.txt").contains("a    b"));
    assert!(dump("28_utf16le_bom.txt").contains("Grüße"));
    assert!(dump("28_utf16be_bom.txt").contains("Grüße"));
    assert!(dump("27_utf8_bom.txt").starts_with("Heading after BOM"));
    assert!(dump("11_c1_raw_bytes_invalid_utf8.txt").contains('\u{FFFD}'));
    let zalgo = dump("19_combining_zalgo.txt");
    assert!(zalgo.lines().all(|l| l
        .chars()
        .filter(|c| ('\u{300}'..='\u{36f}').contains(c))
        .count()
        < 40));
}

#[test]
fn analyze_never_panics_and_prints_json() {
    for f in fixtures() {
        let out = common::krant()
            .arg("--analyze")
            .arg(&f)
            .output()
            .expect("runs");
        let n = name(&f);
        if REFUSED.contains(&n.as_str()) {
            assert_eq!(out.status.code(), Some(2));
            continue;
        }
        assert!(out.status.success(), "{n}");
        let _: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{n}: {e}"));
    }
}

/// Every fixture in the real reader, in tmux with the clipboard and titles live: the window
/// title must not change, no clipboard buffer may appear, the reader must keep running.
#[test]
fn interactive_reader_obeys_nothing() {
    let t = Tmux::start("hostile", 100, 30, "sleep 600");
    t.tmux(&["set", "-g", "set-clipboard", "on"]);
    t.tmux(&["set", "-g", "allow-rename", "on"]);
    t.tmux(&["set", "-g", "automatic-rename", "off"]);
    t.tmux(&["rename-window", "-t", "0", "reader"]);
    t.tmux(&["set", "-g", "allow-passthrough", "on"]);
    t.tmux(&["set", "-g", "remain-on-exit", "on"]);
    let title_before = t.tmux(&[
        "display-message",
        "-p",
        "-t",
        "0",
        "#{pane_title}|#{window_name}",
    ]);
    for f in fixtures() {
        let n = name(&f);
        if REFUSED.contains(&n.as_str()) {
            continue;
        }
        t.respawn(&open_command(&f));
        t.wait_text("? help");
        t.keys(&["G"]);
        t.wait_text("100%");
        assert!(!t.dead(), "{n}: the reader keeps running");
        let title = t.tmux(&[
            "display-message",
            "-p",
            "-t",
            "0",
            "#{pane_title}|#{window_name}",
        ]);
        assert_eq!(title, title_before, "{n} changed the title");
        assert_eq!(t.tmux(&["list-buffers"]), "", "{n} wrote the clipboard");
        t.keys(&["q"]);
        t.wait_for("exit", |_| t.dead());
    }
}
