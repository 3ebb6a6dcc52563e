//! Article structure and language as the reader shows them: the header's language label,
//! byline and dateline, credits drawn as captions (TestBackend), and the same in the real
//! binary in a pseudo-terminal.

mod common;
use common::{open_command, temp_dir, Tmux};

use krant::app::Model;
use krant::document::Document;
use krant::i18n::I18n;
use krant::input::Source;
use krant::lang::Lang;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn screen(text: &str, w: u16, h: u16) -> (String, ratatui::buffer::Buffer) {
    let doc = Document::from_bytes(text.as_bytes().to_vec()).expect("document");
    let m = Model::new(doc, Source::Sample, I18n::new(Lang::En), w, h);
    let theme = krant::ui::Theme { color: false };
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
    term.draw(|f| krant::ui::view(&m, &theme, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    (out, buf)
}

const ITALIAN: &str = "Nuove regole per gli affitti brevi\n\
Il consiglio comunale di Firenze ha approvato ieri le nuove regole per gli affitti brevi nel \
centro storico. Secondo l'assessore, il numero degli appartamenti destinati ai turisti è \
cresciuto del trenta per cento negli ultimi cinque anni, e molti residenti non trovano più \
una casa a un prezzo ragionevole. Le associazioni dei proprietari hanno già annunciato un \
ricorso al tribunale amministrativo, mentre i sindacati degli inquilini chiedono controlli \
più severi anche nei quartieri vicini.\n";

#[test]
fn header_shows_unknown_language_as_question_mark() {
    let (s, _) = screen(ITALIAN, 100, 20);
    let header = s.lines().next().unwrap_or("");
    assert!(header.contains(" ? ·"), "{header}");
    for name in ["French", "Spanish", "Portuguese"] {
        assert!(!header.contains(name), "{header}");
    }
}

const GERMAN: &str = "Neues Gesetz für Energie\n\
Von Max Muster\n\
Foto: Erika Mustermann/dpa\n\
BERLIN (dpa) - Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung \
erneuerbarer Energien beschlossen, das im kommenden Jahr in Kraft treten soll.\n\
Wichtige Änderungen\n\
Nach Angaben des Wirtschaftsministeriums sollen damit vor allem kleine Betriebe und \
Genossenschaften entlastet werden, die bisher hohe Gebühren zahlen.\n";

fn row_of(s: &str, needle: &str) -> Option<(u16, u16)> {
    s.lines().enumerate().find_map(|(y, l)| {
        l.find(needle)
            .map(|b| (l[..b].chars().count() as u16, y as u16))
    })
}

#[test]
fn header_shows_byline_and_dateline_dimmed_when_there_is_room() {
    use ratatui::style::Modifier;
    let (s, buf) = screen(GERMAN, 120, 24);
    if std::env::var_os("SHOW").is_some() {
        println!("{s}");
    }
    let header = s.lines().next().unwrap_or("");
    assert!(
        header.contains("Neues Gesetz für Energie  Von Max Muster · BERLIN (dpa)"),
        "{header}"
    );
    let (x, _) = row_of(&s, "Von Max Muster").unwrap_or_default();
    assert!(buf[(x, 0)].modifier.contains(Modifier::DIM));
    assert!(
        !buf[(1, 0)].modifier.contains(Modifier::DIM),
        "the title is not dim"
    );
    // Not in the text, not as a section: the only section is the real one.
    assert_eq!(s.matches("Von Max Muster").count(), 1, "{s}");
    assert!(!s.contains("BERLIN (dpa) -"), "{s}");
    // The credit is a caption: italic, below the title.
    let (cx, cy) = row_of(&s, "Foto: Erika").unwrap_or_default();
    assert!(cy > 0, "{s}");
    assert!(buf[(cx, cy)].modifier.contains(Modifier::ITALIC));
    // Too narrow for title and byline: the title alone.
    let (narrow, _) = screen(GERMAN, 60, 24);
    let header = narrow.lines().next().unwrap_or("");
    assert!(header.contains("Neues Gesetz für Energie"), "{header}");
    assert!(!header.contains("Muster"), "{header}");
}

#[test]
fn reader_shows_byline_in_the_header_and_no_credit_in_the_contents() {
    let dir = temp_dir("structure-files");
    let german = dir.join("gesetz.txt");
    let italian = dir.join("affitti.txt");
    std::fs::write(&german, GERMAN).expect("write article");
    std::fs::write(&italian, ITALIAN).expect("write article");
    let t = Tmux::start("byline", 140, 30, &open_command(&german));
    let s = t.wait_all(&["Wichtige Änderungen", "? help"]);
    let first = s.lines().next().unwrap_or("");
    assert!(first.contains("Von Max Muster · BERLIN (dpa)"), "{first}");
    assert!(first.contains("German"), "{first}");
    // The contents list the lead and the one real section; byline and credit are not there.
    let contents: Vec<&str> = s
        .lines()
        .skip(1)
        .map(|l| l.split('│').next().unwrap_or(""))
        .collect();
    assert!(
        !contents
            .iter()
            .any(|l| l.contains("Muster") || l.contains("Foto")),
        "{s}"
    );
    assert!(
        // (a long heading may take two rows of the contents)
        contents.iter().any(|l| l.contains("Wichtige")),
        "{s}"
    );
    t.respawn(&open_command(&italian));
    let s = t.wait_text("Nuove regole");
    let first = s.lines().next().unwrap_or("");
    assert!(first.contains(" ? ·"), "{first}");
    assert!(!first.contains("French"), "{first}");
}
