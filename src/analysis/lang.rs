//! Article language detection: one of the six languages, or another one (unknown).

use super::lexicon::{common_words as common, rows};
use crate::lang::Lang;
use std::sync::OnceLock;

/// The detected language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The closest of the six languages: the one the analysis rules use, also when the text is
    /// in another language.
    pub lang: Lang,
    /// The text is clearly in `lang` (`false`: `lang` is a guess, or the language is unknown).
    pub confident: bool,
    /// The text is in a language outside the six (a frequent other language fits it better
    /// than any of them): the language is unknown, `lang` only the nearest.
    pub other: bool,
}

impl Detected {
    /// The article's language, if it is one of the six.
    pub fn known(self) -> Option<Lang> {
        (!self.other).then_some(self.lang)
    }
}

/// Frequent function words of each of the six languages (`assets/lexicon/<lang>/common_words.txt`),
/// in the order of [`Lang::ALL`].
fn common_words() -> &'static [Vec<&'static str>; 6] {
    static WORDS: OnceLock<[Vec<&'static str>; 6]> = OnceLock::new();
    WORDS.get_or_init(|| Lang::ALL.map(common))
}

/// Function words of a few frequent languages outside the six
/// (`assets/lexicon/all/other_languages.tsv`), a list a language, only to recognise text in
/// none of the six.
fn other_words() -> &'static [Vec<&'static str>] {
    static WORDS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut langs: Vec<(&str, Vec<&str>)> = Vec::new();
        for r in rows(lexicon_file!("all", "other_languages.tsv")) {
            let (Some(&code), Some(list)) = (r.first(), r.get(1)) else {
                continue;
            };
            let at = match langs.iter().position(|(c, _)| *c == code) {
                Some(at) => at,
                None => {
                    langs.push((code, Vec::new()));
                    langs.len() - 1
                }
            };
            langs[at].1.extend(list.split_whitespace());
        }
        langs.into_iter().map(|(_, words)| words).collect()
    })
}

/// Detects the language of `text` by counting frequent function words of each language.
///
/// The text is one of the six when the best of them has at least three hits and one word in
/// ten. It is in another language (unknown) when one of the other languages' lists has at
/// least as many hits as the best of the six, and at least two.
pub fn detect(text: &str) -> Detected {
    let mut scores = [0usize; 6];
    let (six, others) = (common_words(), other_words());
    let mut other = vec![0usize; others.len()];
    let mut total = 0usize;
    // A sample of the text is enough; bound the work on huge articles.
    let sample_end = floor_char_boundary(text, text.len().min(200_000));
    for word in text[..sample_end].split(|c: char| !c.is_alphabetic()) {
        // No listed word is longer than 8 bytes; the share is counted on words of up to 6.
        if word.is_empty() || word.len() > 8 {
            continue;
        }
        if word.len() <= 6 {
            total += 1;
        }
        let lower = word.to_lowercase();
        for (i, list) in six.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                scores[i] += 1;
            }
        }
        for (i, list) in others.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                other[i] += 1;
            }
        }
    }
    let (best, &score) = scores
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (**s, usize::MAX - i))
        .unwrap_or((1, &0));
    let other_score = other.iter().copied().max().unwrap_or(0);
    let is_other = other_score >= 2 && other_score >= score;
    Detected {
        lang: Lang::ALL[best],
        confident: !is_other && score >= 3 && score * 10 >= total.max(1),
        other: is_other,
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `detect` skips words longer than eight bytes: the lists hold none, and each of the
    /// six lists and the four others has its words.
    #[test]
    fn listed_words_fit_the_detector() {
        assert!(common_words().iter().all(|l| l.len() >= 20));
        assert_eq!(other_words().len(), 4);
        for list in common_words().iter().chain(other_words()) {
            assert!(list.iter().all(|w| w.len() <= 8), "{list:?}");
        }
    }

    #[test]
    fn six_languages() {
        let cases = [
            ("De regering heeft het plan van de minister niet gesteund, maar zij wil wel een debat.", Lang::Nl),
            ("The government has not backed the plan of the minister, but it wants a debate.", Lang::En),
            ("Die Regierung hat den Plan des Ministers nicht unterstützt, will aber eine Debatte.", Lang::De),
            ("Le gouvernement n'a pas soutenu le plan du ministre, mais il veut un débat dans la semaine.", Lang::Fr),
            ("El gobierno no ha apoyado el plan del ministro, pero quiere un debate para la semana.", Lang::Es),
            ("O governo não apoiou o plano do ministro, mas quer um debate para a semana.", Lang::Pt),
        ];
        for (text, lang) in cases {
            let d = detect(text);
            assert_eq!(d.lang, lang, "{text}");
            assert_eq!(d.known(), Some(lang), "{text}");
        }
    }

    const ITALIAN: &str = "Il governo italiano ha approvato ieri sera un nuovo pacchetto di misure per \
        sostenere le famiglie colpite dall'aumento dei prezzi dell'energia. Secondo il ministro \
        dell'Economia, gli aiuti costeranno circa tre miliardi di euro e saranno finanziati con le \
        entrate straordinarie delle società energetiche. L'opposizione ha criticato il piano, che a \
        suo dire arriva troppo tardi e non basta per le piccole imprese. I sindacati hanno \
        annunciato una manifestazione a Roma per la prossima settimana, mentre le regioni chiedono \
        più fondi per i trasporti pubblici.";

    #[test]
    fn italian_is_unknown_not_the_nearest() {
        let d = detect(ITALIAN);
        assert!(d.other, "{d:?}");
        assert!(!d.confident);
        assert_eq!(d.known(), None);
        // Its first sentence alone too.
        let first = &ITALIAN[..ITALIAN.find('.').unwrap_or(ITALIAN.len())];
        assert_eq!(detect(first).known(), None, "{first}");
    }

    #[test]
    fn other_languages_are_unknown() {
        for text in [
            "Regeringen har inte fattat något beslut om skatten, och det är oklart när det ska ske.",
            "Rząd nie podjął jeszcze decyzji w sprawie podatku, ale minister mówi, że jest to pilne.",
            "Pemerintah belum mengambil keputusan tentang pajak itu, dan menteri mengatakan bahwa ini mendesak.",
        ] {
            assert_eq!(detect(text).known(), None, "{text}");
        }
    }

    #[test]
    fn short_news_in_the_six_stays_known() {
        let cases = [
            ("Het kabinet wil de belasting op energie volgend jaar verlagen. De oppositie noemt het plan te laat, maar steunt het wel.", Lang::Nl),
            ("The cabinet wants to cut the tax on energy next year. The opposition says the plan comes too late, but it will back it.", Lang::En),
            ("Die Regierung will die Steuer auf Energie im nächsten Jahr senken. Die Opposition hält den Plan für zu spät, stimmt aber zu.", Lang::De),
            ("Le gouvernement veut baisser la taxe sur l'énergie l'an prochain. L'opposition juge le plan trop tardif, mais le soutiendra.", Lang::Fr),
            ("El gobierno quiere bajar el impuesto sobre la energía el año que viene. La oposición dice que el plan llega tarde, pero lo apoya.", Lang::Es),
            ("O governo quer baixar o imposto sobre a energia no próximo ano. A oposição diz que o plano chega tarde, mas vai apoiá-lo.", Lang::Pt),
        ];
        for (text, lang) in cases {
            let d = detect(text);
            assert_eq!(d.known(), Some(lang), "{text}");
            assert!(d.confident, "{text}");
        }
    }
}
