//! The interface languages and the switcher, end to end, with settings that persist.

mod common;
use common::{bin, open_command, Tmux};
use krant::i18n::I18n;
use krant::lang::Lang;

#[test]
fn switcher_three_gives_german_and_it_persists_at_the_same_place() {
    let t = Tmux::start("switch", 160, 45, bin());
    t.wait_text("Regionale implicaties");
    t.keys(&["]", "]", "L"]);
    let s = t.wait_all(&["Interface and article language", "6 Português", "1–9"]);
    for (n, label) in [
        "Nederlands",
        "English",
        "Deutsch",
        "Français",
        "Español",
        "Português",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            s.contains(&format!("{} {label}", n + 1)),
            "{label} listed in the article's order"
        );
    }
    t.keys(&["3"]);
    t.wait_text("Abschnitt 2 von 5");
    let s = t.settle_without("analysiert");
    assert!(s.contains("Inhalt"), "German interface");
    assert!(
        s.lines().next().unwrap_or("").contains("US-Sanktionen"),
        "German article"
    );
    assert!(s.contains("Stärkung der Allianz"));
    let german = s.clone();
    t.keys(&["q"]);
    t.wait_for("exit", |_| t.dead());
    // Start again: German, same section.
    t.respawn(bin());
    t.wait_text("Abschnitt 2 von 5");
    let s = t.settle_without("analysiert");
    assert!(s.lines().next().unwrap_or("").contains("US-Sanktionen"));
    assert_eq!(strip_status(&s), strip_status(&german));
}

/// The screen without the status line (its analysis progress may differ between runs).
fn strip_status(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}

#[test]
fn lang_option_and_switcher_end_in_the_same_screen() {
    let a = Tmux::start("langopt", 120, 40, &format!("{} --lang de", bin()));
    a.wait_text("Anfang");
    let sa = a.settle_without("analysiert");
    let b = Tmux::start("langkey", 120, 40, bin());
    b.wait_text("Beginning");
    b.keys(&["L", "3"]);
    b.wait_text("Anfang");
    let sb = b.settle_without("analysiert");
    assert!(sa.contains("US-Sanktionen"));
    assert_eq!(sa, sb);
}

#[test]
fn locale_sets_the_interface_but_not_the_article() {
    let t = Tmux::start("locale", 120, 40, &format!("LANG=fr_FR.UTF-8 {}", bin()));
    let s = t.wait_text("Sommaire");
    assert!(
        s.lines().next().unwrap_or("").contains("VS-sancties"),
        "the article opens as published"
    );
    t.keys(&["?"]);
    let s = t.wait_text("Touches");
    assert!(!s.contains("one line"));
}

#[test]
fn every_language_shows_no_english_leftovers_or_ids() {
    for (lang, word) in [
        (Lang::Nl, "Inhoud"),
        (Lang::De, "Inhalt"),
        (Lang::Fr, "Sommaire"),
        (Lang::Es, "Índice"),
        (Lang::Pt, "Índice"),
    ] {
        let code = lang.code();
        let i = I18n::new(lang);
        let t = Tmux::start(code, 160, 45, &format!("{} --lang {code}", bin()));
        let main = t.wait_text(word);
        // Each screen is checked only once it is open: its first and last lines are there.
        t.keys(&["?"]);
        t.wait_all(&[&i.tr("help-line"), &i.tr("help-close")]);
        let help = t.settle();
        assert!(help.contains(&i.tr("help-close")), "{code}: help open");
        // Escape and L sent together read as Alt-L: the help closes first.
        t.keys(&["Escape"]);
        let close = i.tr("help-close");
        t.wait_for("help closed", |s| !s.contains(&close));
        t.keys(&["L"]);
        t.wait_all(&[&i.tr("switcher-title"), &i.tr("switcher-hint")]);
        let switcher = t.settle();
        assert!(
            switcher.contains(&i.tr("switcher-hint")),
            "{code}: switcher open"
        );
        for screen in [&main, &help, &switcher] {
            for english in [
                "Contents",
                "Quotes (",
                "Entities (",
                "? help",
                "q quit",
                "Section ",
                "minutes left",
                "one line",
                "Keys",
                "choose",
                "Beginning",
                "analysing",
                "nothing found",
            ] {
                assert!(
                    !contains_word(screen, english),
                    "{code}: English {english:?} on screen:\n{screen}"
                );
            }
            for id in [
                "toc-title",
                "status-",
                "help-",
                "switcher-",
                "kind-",
                "key-",
            ] {
                assert!(!screen.contains(id), "{code}: raw id {id}");
            }
        }
        // Key names: the language's own wherever it has one.
        for (id, name) in [
            ("key-space", "Space"),
            ("key-enter", "Enter"),
            ("key-shift", "Shift"),
            ("key-esc", "Esc"),
            ("key-pgup", "PgUp"),
            ("key-pgdn", "PgDn"),
            ("key-home", "Home"),
            ("key-end", "End"),
            ("key-ctrl", "Ctrl"),
        ] {
            if i.tr(id) != name {
                assert!(
                    !contains_word(&help, name) && !contains_word(&switcher, name),
                    "{code}: English key {name:?} on screen:\n{help}\n{switcher}"
                );
            }
        }
    }
}

/// `needle` in `hay` with no letter right before or after it (so `q quit` is not found in
/// `q quitter`, nor `End` in `Ende`).
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, m)| {
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        !letter(hay[..i].chars().next_back()) && !letter(hay[i + m.len()..].chars().next())
    })
}

#[test]
fn a_file_without_versions_switches_only_the_interface() {
    let dir = common::temp_dir("noversions");
    std::fs::write(dir.join("stuk.txt"), "Kop van het stuk\nEen sectie\nDe tekst van de sectie, met een zin die eindigt.\nNederlands\nDeutsch\n").unwrap();
    let t = Tmux::start("noversions", 100, 30, &open_command(&dir.join("stuk.txt")));
    t.wait_text("? help");
    t.keys(&["L", "2"]);
    // The notice names the language (once the analysis progress no longer takes the room).
    let s = t.wait_for("the notice", |s| {
        s.lines().last().is_some_and(|status| {
            status.contains("Abschnitt 1 von 1") && status.contains("Deutsch")
        })
    });
    assert!(s.contains("Kop van het stuk"), "the article stays");
    // With a version beside it, the article switches too.
    std::fs::write(dir.join("stuk.de.txt"), "Kopf des Stücks\nEin Abschnitt\nDer Text des Abschnitts, mit einem Satz, der endet.\nNederlands\nDeutsch\n").unwrap();
    t.keys(&["L", "1", "L", "2"]);
    t.wait_text("Kopf des Stücks");
}
