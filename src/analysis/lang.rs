//! Article language detection: one of the six languages, or another one (unknown).

use crate::lang::Lang;

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

/// Frequent function words of each of the six languages.
const WORDS: [(Lang, &[&str]); 6] = [
    (
        Lang::Nl,
        &[
            "de", "het", "een", "van", "en", "is", "dat", "niet", "zijn", "met", "voor", "op",
            "ook", "hij", "naar", "bij", "werd", "wordt", "maar", "zij",
        ],
    ),
    (
        Lang::En,
        &[
            "the", "and", "of", "to", "is", "that", "with", "for", "was", "on", "are", "he", "it",
            "by", "from", "have", "has", "which", "be", "this",
        ],
    ),
    (
        Lang::De,
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "des", "auf",
            "für", "ein", "eine", "auch", "dem", "wird", "zu", "im",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le", "la", "les", "et", "des", "est", "une", "du", "que", "pour", "dans", "qui", "au",
            "pas", "sur", "par", "avec", "il", "ce", "sont",
            // Elided articles and conjunction (l'État, d'abord, qu'il).
            "l", "d", "qu",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "la", "los", "las", "y", "del", "que", "es", "por", "una", "con", "para", "se",
            "al", "su", "lo", "como", "más", "pero", "fue",
        ],
    ),
    (
        Lang::Pt,
        &[
            "o", "os", "as", "e", "do", "da", "dos", "das", "que", "é", "um", "uma", "com", "para",
            "não", "em", "no", "na", "foi", "ao",
        ],
    ),
];

/// Function words of a few frequent languages outside the six (Italian, Swedish, Polish,
/// Indonesian), only to recognise text in none of the six. Each list keeps to words that are
/// rare in the six languages, so that these lists do not win on them (Italian `il` and `ai`,
/// Polish `na`, Indonesian `dan` are left out: French, Portuguese and Dutch use them often).
const OTHER_WORDS: [&[&str]; 4] = [
    // Italian
    &[
        "di", "che", "è", "della", "delle", "degli", "dei", "nel", "nella", "alla", "gli", "sono",
        "anche", "più", "non", "per", "questo", "questa", "stato", "hanno", "dal", "dalla", "sul",
        "sulla", "ed", "perché", "cui", "loro", "dopo", "agli", "negli", "nelle", "dello",
        "essere",
    ],
    // Swedish
    &[
        "och", "att", "som", "är", "på", "för", "av", "med", "till", "inte", "ett", "har", "jag",
        "hon", "det", "sig", "också", "efter", "vid", "eller", "när", "sina", "vara", "hade",
    ],
    // Polish
    &[
        "się", "że", "jest", "w", "z", "jak", "przez", "ale", "dla", "który", "która", "które",
        "oraz", "już", "był", "była", "od", "za", "tak", "jego", "są", "roku", "tym",
    ],
    // Indonesian
    &[
        "yang", "di", "itu", "dengan", "untuk", "tidak", "ini", "dari", "dalam", "akan", "pada",
        "juga", "ke", "karena", "bisa", "ada", "mereka", "telah", "oleh", "sudah", "atau", "kami",
        "kita",
    ],
];

/// Detects the language of `text` by counting frequent function words of each language.
///
/// The text is one of the six when the best of them has at least three hits and one word in
/// ten. It is in another language (unknown) when one of the other languages' lists has at
/// least as many hits as the best of the six, and at least two.
pub fn detect(text: &str) -> Detected {
    let mut scores = [0usize; 6];
    let mut other = [0usize; OTHER_WORDS.len()];
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
        for (i, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                scores[i] += 1;
            }
        }
        for (i, list) in OTHER_WORDS.iter().enumerate() {
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
        lang: WORDS[best].0,
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
