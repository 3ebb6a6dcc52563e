//! Article structure and language as the reader shows them (TestBackend, no terminal): the
//! header's language label, byline and dateline, credits drawn as captions.

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
