//! The project describes itself: its documentation and code comments date figures by version or
//! commit, never by who worked on it or when, and name no path outside the project. And the
//! README, the user's manual, names every key the reader knows.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Phrases that tell how and by whom the project was made, or name a machine's own folders.
/// Built from pieces so that this file does not flag itself.
fn forbidden(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    let sess = ["ses", "sion"].concat();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&sess) {
        let at = from + i;
        let after = &lower[at + sess.len()..];
        let after = after.strip_prefix('s').unwrap_or(after);
        // A work period with a number: "<word> 2", "<word>s 2 and 3".
        if let Some(rest) = after.strip_prefix(' ') {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                found.push(line_of(text, at));
            }
        }
        from = at + sess.len();
    }
    let phrases = [
        ["help", "er"].concat(),
        ["the ", "team"].concat(),
        ["krant ", "team"].concat(),
        ["/wo", "rk/"].concat(),
        ["/ro", "ot/"].concat(),
    ];
    for p in &phrases {
        for (at, _) in lower.match_indices(p.as_str()) {
            found.push(line_of(text, at));
        }
    }
    found
}

fn line_of(text: &str, at: usize) -> String {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    format!(
        "line {}: {}",
        text[..at].matches('\n').count() + 1,
        &text[start..end]
    )
}

/// Every file under `dir` (recursively) whose name `keep` accepts.
fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, keep, out);
        } else if keep(&p) {
            out.push(p);
        }
    }
}

/// The project's own text: documentation, sources and tests (not the hostile inputs or the
/// annotated articles, which are data).
fn project_text() -> Vec<PathBuf> {
    let r = root();
    let any = |_: &Path| true;
    let ext = |p: &Path, e: &[&str]| {
        p.extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| e.contains(&x))
    };
    let mut out = Vec::new();
    for f in [
        "README.md",
        "CHANGELOG.md",
        "Cargo.toml",
        "assets/models/README.md",
    ] {
        out.push(r.join(f));
    }
    for d in ["docs", "src", "benches", "examples", ".ci"] {
        files(&r.join(d), &any, &mut out);
    }
    files(
        &r.join("fuzz"),
        &|p| ext(p, &["rs", "toml", "md"]),
        &mut out,
    );
    files(
        &r.join("tests"),
        &|p| {
            ext(p, &["rs", "md"])
                && !p
                    .components()
                    .any(|c| c.as_os_str() == "fixtures" || c.as_os_str() == "snapshots")
        },
        &mut out,
    );
    out
}

#[test]
fn no_file_tells_who_made_it_when_or_names_a_machine_path() {
    let files = project_text();
    assert!(files.len() > 50, "too few files found: {}", files.len());
    let mut bad = Vec::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            bad.push(format!("{}: cannot be read", f.display()));
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for hit in forbidden(&text) {
            let name = f.strip_prefix(root()).unwrap_or(f);
            bad.push(format!("{}: {hit}", name.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let s = ["ses", "sion"].concat();
    let flagged = [
        format!("measured in {s} 3"),
        format!("the figures of {s}s 2 and 3"),
        format!("a {} added 23 rules", ["Help", "er"].concat()),
        format!("written by {}", ["the ", "Team"].concat()),
        format!("data in {}shared/data", ["/wo", "rk/"].concat()),
        format!("cd {}krant", ["/ro", "ot/"].concat()),
    ];
    for t in &flagged {
        assert_eq!(forbidden(t).len(), 1, "{t}");
    }
    let allowed = [
        format!("tmux new-{s} -d"),
        "a sports team is ORG".to_owned(),
        "../shared/data/ner beside the project".to_owned(),
        "as of commit 4696371".to_owned(),
    ];
    for t in &allowed {
        assert!(forbidden(t).is_empty(), "{t}");
    }
}

/// What the README calls a key that the keymap matches as `KeyCode::<name>`.
fn key_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "Down" => "↓",
        "Up" => "↑",
        "PageDown" => "PgDn",
        "PageUp" => "PgUp",
        "Home" => "Home",
        "End" => "End",
        "Tab" => "Tab",
        "BackTab" => "Shift-Tab",
        "Enter" => "Enter",
        "Esc" => "Esc",
        "Backspace" => "Backspace",
        _ => return None,
    })
}

/// Every key the keymap gives a meaning, as the README should write it.
fn keys_in_keymap(src: &str) -> Vec<String> {
    let code = src.split("#[cfg(test)]").next().unwrap_or(src);
    let mut keys = Vec::new();
    for line in code.lines() {
        let ctrl = line.trim_start().starts_with("(true,") || line.contains(" if ctrl");
        let mut rest = line;
        while let Some(i) = rest.find("KeyCode::") {
            rest = &rest[i + "KeyCode::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name == "Char" {
                let arg = &rest["Char(".len().min(rest.len())..];
                if let Some(quoted) = arg.strip_prefix('\'') {
                    if let Some(c) = quoted.chars().next() {
                        keys.push(match (ctrl, c) {
                            (true, c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
                            (false, ' ') => "Space".to_owned(),
                            (false, c) => format!("`{c}`"),
                        });
                    }
                } else if arg.contains("'1'..='9'") {
                    keys.push("`1`–`9`".to_owned());
                }
            } else if let Some(n) = key_name(&name) {
                keys.push(n.to_owned());
            } else if !name.is_empty() {
                keys.push(format!("(unknown key {name})"));
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn the_readme_names_every_key() {
    let keymap = std::fs::read_to_string(root().join("src/app/keymap.rs")).unwrap_or_default();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap_or_default();
    let keys = keys_in_keymap(&keymap);
    assert!(keys.len() > 25, "keymap not read: {keys:?}");
    let section = readme
        .split("## Keys")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap_or("");
    let missing: Vec<_> = keys
        .iter()
        .filter(|k| !section.contains(k.as_str()))
        .collect();
    assert!(missing.is_empty(), "README \"Keys\" lacks {missing:?}");
    for mouse in ["wheel", "click"] {
        assert!(
            section.contains(mouse),
            "README \"Keys\" lacks the mouse {mouse}"
        );
    }
}

#[test]
fn keys_are_read_from_the_keymap() {
    let src = concat!(
        "match k.code {\n",
        "    KeyCode::Char('f') if ctrl => A,\n",
        "    KeyCode::Char('q') => B,\n",
        "    KeyCode::Char(' ') | KeyCode::PageDown => C,\n",
        "    KeyCode::Char(c @ '1'..='9') => D,\n",
        "}\n",
        "(true, KeyCode::Char('z')) => E,\n",
        "#[cfg(test)]\n",
        "KeyCode::Char('x')",
    );
    assert_eq!(
        keys_in_keymap(src),
        ["Ctrl-F", "Ctrl-Z", "PgDn", "Space", "`1`–`9`", "`q`"]
    );
}
