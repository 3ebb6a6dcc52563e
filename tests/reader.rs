//! The reader end to end: the real binary in tmux at 160x45 and 80x24.

mod common;
use common::{bin, Tmux};

fn article_rows(screen: &str) -> Vec<&str> {
    screen.lines().collect()
}

#[test]
fn sample_opens_with_structure_panels_and_no_language_list() {
    let t = Tmux::start("wide", 160, 45, bin());
    let s = t.wait_all(&["Regionale implicaties", "Quotes (", "Entities (", "? help"]);
    let rows = article_rows(&s);
    assert!(
        rows[0].contains("VS-sancties tegen Noord-Koreaanse"),
        "header shows the lead: {}",
        rows[0]
    );
    assert!(
        rows[0].contains("Dutch"),
        "header shows the language: {}",
        rows[0]
    );
    assert!(rows[0].contains("min read"));
    for h in [
        "Sancties en diplomatieke",
        "Versterking VS-Zuid-Kore",
        "Flexibele militaire posi",
        "China-Rusland-tegenallia",
        "Regionale implicaties",
    ] {
        assert!(s.contains(h), "contents list {h}");
    }
    assert!(s.contains("Quotes ("), "quotes panel shown at 160x45");
    assert!(s.contains("Entities ("), "entities panel shown at 160x45");
    t.keys(&["G"]);
    let end = t.wait_for("the end of the article", |s| {
        s.contains("100%") && s.contains("regio's.")
    });
    for label in ["Nederlands", "Deutsch", "Português"] {
        assert!(
            !end.contains(label),
            "the language list is not body text: {label}"
        );
    }
}

#[test]
fn section_keys_bring_the_third_section_to_the_top() {
    let t = Tmux::start("sections", 80, 24, bin());
    t.wait_text("? help");
    t.keys(&["]", "]", "]"]);
    let s = t.wait_text("Section 3 of 5");
    let rows = article_rows(&s);
    assert_eq!(rows[1].trim(), "Flexibele militaire positie", "{s}");
    t.keys(&["["]);
    let s = t.wait_text("Section 2 of 5");
    assert_eq!(
        article_rows(&s)[1].trim(),
        "Versterking VS-Zuid-Korea-alliantie",
        "{s}"
    );
    t.keys(&["g"]);
    t.wait_text("0%");
}

#[test]
fn search_brings_the_first_match_into_view_and_counts() {
    let t = Tmux::start("search", 80, 24, bin());
    t.wait_text("? help");
    assert!(!t.screen().contains("Brunson"));
    t.keys(&["/"]);
    t.type_text("brunson");
    let s = t.wait_text("match 1 of 2");
    assert!(s.contains("Brunson"), "first match in view:\n{s}");
    t.keys(&["Enter", "n"]);
    t.wait_text("match 2 of 2");
    t.keys(&["N"]);
    t.wait_text("match 1 of 2");
    // Accent-insensitive: "fluide" finds "fluïde".
    t.keys(&["Escape", "/"]);
    t.type_text("FLUIDE");
    let s = t.wait_text("match 1 of 1");
    assert!(s.contains("fluïde"));
    t.keys(&["Escape"]);
    t.wait_for("search cleared", |s| !s.contains("match 1 of 1"));
}

#[test]
fn quit_leaves_the_terminal_as_it_was() {
    let t = Tmux::start(
        "quit",
        80,
        24,
        &format!(
            "stty -a > before.txt; {}; echo EXIT=$? > exit.txt; stty -a > after.txt; sleep 30",
            bin()
        ),
    );
    t.wait_text("? help");
    t.keys(&["?"]);
    t.wait_text("Keys");
    t.keys(&["q"]);
    t.wait_for("help closed", |s| !s.contains("help closes"));
    assert!(!t.dead());
    t.keys(&["q"]);
    t.wait_for("exit", |_| {
        t.path("after.txt").exists() && !common::read(&t.path("after.txt")).is_empty()
    });
    assert_eq!(common::read(&t.path("exit.txt")).trim(), "EXIT=0");
    assert_eq!(
        common::read(&t.path("before.txt")),
        common::read(&t.path("after.txt"))
    );
}

#[test]
fn narrow_terminal_has_panels_one_key_away_and_contents_on_t() {
    let t = Tmux::start("narrow", 80, 24, bin());
    let s = t.wait_text("? help");
    assert!(!s.contains("Quotes ("));
    assert!(!s.contains("Contents"));
    t.keys(&["p"]);
    t.wait_all(&["Quotes (", "Entities ("]);
    t.keys(&["p", "t"]);
    // Entries longer than the column take two rows.
    t.wait_all(&["Contents", "Regionale", "implicaties"]);
    // Down to the third section in the contents, Enter jumps there and closes them.
    t.keys(&["j", "j", "j", "Enter"]);
    let s = t.wait_text("Section 3 of 5");
    // The contents stay beside the article: 80 columns hold both.
    assert!(
        article_rows(&s)[1].ends_with("│ Flexibele militaire positie"),
        "{s}"
    );
}

#[test]
fn tiny_terminal_shows_a_notice_and_recovers() {
    let t = Tmux::start("tiny", 15, 4, bin());
    t.wait_text("small");
    assert!(!t.dead());
    t.keys(&["q"]);
    t.wait_for("exit", |_| t.dead());
}

#[test]
fn suspend_and_resume_redraws() {
    let t = Tmux::start("suspend", 80, 24, "bash --norc --noprofile -i");
    t.wait_for("prompt", |s| s.contains('$') || s.contains('#'));
    t.type_text(&format!("{} ; echo DONE", bin()));
    t.keys(&["Enter"]);
    t.wait_text("? help");
    t.keys(&["C-z"]);
    t.wait_text("Stopped");
    t.type_text("fg");
    t.keys(&["Enter"]);
    let s = t.wait_text("? help");
    assert!(s.contains("VS-sancties"), "redrawn after fg:\n{s}");
    t.keys(&["q"]);
    t.wait_text("DONE");
}

#[test]
fn mouse_click_on_contents_jumps() {
    let t = Tmux::start("mouse", 160, 45, bin());
    let s = t.wait_text("Regionale implicaties");
    let row = s
        .lines()
        .position(|l| l.contains("China-Rusland-tegenallia"))
        .expect("entry on screen");
    // An SGR mouse press and release at column 5, that row (1-based).
    let press = format!("\x1b[<0;5;{}M\x1b[<0;5;{}m", row + 1, row + 1);
    t.type_text(&press);
    let s = t.wait_text("Section 4 of 5");
    assert!(
        article_rows(&s)[1].contains("│ China-Rusland-tegenalliantie "),
        "{s}"
    );
}

#[test]
fn sigterm_saves_restores_and_exits_143() {
    let t = Tmux::start(
        "sigterm",
        80,
        24,
        &format!("stty -a > before.txt; {} & echo $! > pid.txt; wait $!; echo EXIT=$? > exit.txt; stty -a > after.txt; sleep 30", bin()),
    );
    t.wait_text("? help");
    t.keys(&["]", "]"]);
    t.wait_text("Section 2 of 5");
    let pid = common::read(&t.path("pid.txt")).trim().to_owned();
    assert!(std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    t.wait_for("exit", |_| !common::read(&t.path("after.txt")).is_empty());
    assert_eq!(common::read(&t.path("exit.txt")).trim(), "EXIT=143");
    assert_eq!(
        common::read(&t.path("before.txt")),
        common::read(&t.path("after.txt"))
    );
    let positions = common::read(&t.path("state/krant/positions.json"));
    assert!(
        positions.contains("\"offset\""),
        "position saved: {positions}"
    );
}

#[test]
fn closing_the_window_ends_the_reader() {
    let t = Tmux::start(
        "hangup",
        80,
        24,
        &format!("{} & echo $! > pid.txt; wait", bin()),
    );
    t.wait_text("? help");
    let pid = common::read(&t.path("pid.txt")).trim().to_owned();
    let path = t.path("state/krant/positions.json");
    drop(t);
    let start = std::time::Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists() && start.elapsed().as_secs() < 5 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(
        stat.is_empty() || stat.contains(") Z"),
        "the reader is gone: {stat}"
    );
    assert!(path.exists(), "state saved on hang-up");
}

/// Whether an SGR sequence in `s` switches reverse video on (`ESC[7m`, `ESC[1;7m`, ...).
fn has_reverse(s: &str) -> bool {
    s.split("\x1b[").skip(1).any(|seq| {
        seq.split_once('m')
            .is_some_and(|(params, _)| params.split(';').any(|p| p == "7"))
    })
}

/// The text of the panel rows shown selected (reverse video), escapes removed.
fn selected_panel_rows(t: &Tmux) -> Vec<String> {
    let screen = t.screen_styled();
    let lines: Vec<&str> = screen.lines().collect();
    // Not the header and status bars (reverse video too).
    lines[1..lines.len().saturating_sub(1)]
        .iter()
        .filter_map(|l| {
            let panel = l.rsplit('│').next()?;
            if !has_reverse(panel) {
                return None;
            }
            let mut out = String::new();
            let mut esc = false;
            for c in panel.chars() {
                match (esc, c) {
                    (false, '\x1b') => esc = true,
                    (true, 'm') => esc = false,
                    (true, _) => {}
                    (false, c) => out.push(c),
                }
            }
            Some(out.trim().to_owned())
        })
        .collect()
}

#[test]
fn panels_jump_to_a_quote_and_to_an_entity() {
    let t = Tmux::start("panels", 160, 45, bin());
    t.wait_text("Quotes (9)");
    // Quotes: the fifth quote, then Enter brings it near the top of the article.
    t.keys(&["Tab", "j", "j", "j", "j"]);
    t.settle();
    let sel = selected_panel_rows(&t);
    let quote = sel
        .iter()
        .find(|r| r.starts_with('“'))
        .expect("selected quote row")
        .clone();
    let start: String = quote.trim_start_matches('“').chars().take(25).collect();
    assert!(!t.rows()[1..10].iter().any(|r| r.contains(&start)));
    t.keys(&["Enter"]);
    t.wait_for("quote near the top", |s| {
        s.lines().skip(1).take(6).any(|r| r.contains(&start))
    });
    // Entities: move to the fourth person, Enter shows its mention near the top.
    t.keys(&["Tab", "j", "j", "j"]);
    t.settle();
    // The focused panel's title is shown in reverse too; the entity row is the last one.
    let sel = selected_panel_rows(&t);
    let row = sel.last().expect("a selected entity");
    let name = row
        .rsplit_once(' ')
        .map_or(row.as_str(), |(n, _)| n)
        .trim()
        .to_owned();
    assert!(!name.starts_with("Entities"), "{sel:?}");
    t.keys(&["Enter"]);
    let s = t.wait_for("entity near the top", |s| {
        s.lines()
            .skip(1)
            .take(6)
            .any(|r| r.split('│').nth(1).is_some_and(|a| a.contains(&name)))
    });
    // Highlighting off and on: the mention is shown in bold only while on.
    assert!(t.screen_styled().contains("\x1b[1"));
    t.keys(&["h"]);
    t.wait_text("highlighting off");
    assert!(s.contains(&name));
}

#[test]
fn shrinking_and_growing_keeps_the_article_and_brings_back_the_columns() {
    let t = Tmux::start("resize-columns", 160, 45, bin());
    t.wait_all(&["Contents", "Quotes (", "Regionale implicaties"]);
    for (w, h) in [("120", "40"), ("80", "24")] {
        t.tmux(&["resize-window", "-x", w, "-y", h]);
        let s = t.wait_for("the article beside or alone", |s| {
            !s.contains("Quotes (") && s.contains("Noordoost-Azië.")
        });
        assert!(s.contains("VS-sancties tegen Noord-Koreaanse"), "{s}");
    }
    t.tmux(&["resize-window", "-x", "160", "-y", "45"]);
    t.wait_all(&["Contents", "Quotes (", "Entities (", "Noordoost-Azië."]);
}

#[test]
fn covering_panels_close_on_esc_and_enter_lands_on_the_mention() {
    let t = Tmux::start("cover-jump", 80, 24, bin());
    t.wait_text("? help");
    t.keys(&["p"]);
    t.wait_all(&["Quotes (", "Entities ("]);
    t.keys(&["Escape"]);
    t.wait_for("panels closed", |s| !s.contains("Quotes ("));
    assert!(!t.dead());
    t.keys(&["p"]);
    // The entities listed (the analysis may still run on a busy machine).
    t.wait_all(&["Entities (", "Claus Soong"]);
    // The fourth person (after Xavier Brunson): Claus Soong (one mention), two rows of context
    // above it.
    t.keys(&["Tab", "j", "j", "j", "Enter"]);
    let s = t.wait_for("the jump", |s| !s.contains("Entities ("));
    let row = s.lines().position(|l| l.contains("Claus Soong, een China"));
    assert_eq!(row, Some(3), "{s}");
}

#[test]
fn the_wheel_over_a_panel_leaves_the_article_and_a_failed_search_too() {
    let t = Tmux::start("wheel", 160, 45, bin());
    let s = t.wait_all(&["Quotes (", "Regionale implicaties"]);
    let before: Vec<String> = s.lines().map(|l| l.chars().take(60).collect()).collect();
    // SGR wheel-down events over the quotes panel (column 150, row 5).
    t.type_text("\x1b[<65;150;5M\x1b[<65;150;5M");
    t.wait_for("the panel's cursor moved", |s| s.contains("Quotes (9)"));
    let s = t.settle();
    let after: Vec<String> = s.lines().map(|l| l.chars().take(60).collect()).collect();
    assert_eq!(before[1..6], after[1..6], "the article did not scroll");
    // A prefix matches further down; the whole query does not.
    t.keys(&["Escape", "/"]);
    t.type_text("Brunsonxyz");
    t.keys(&["Enter"]);
    let s = t.wait_text("no match");
    assert!(s.contains("Beginning · 0%"), "{s}");
}
