//! Article language detection, limited to the six languages.

use crate::lang::Lang;

/// The detected language and whether the text is clearly that language
/// (`false`: none of the six fits well; the closest is returned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub lang: Lang,
    pub confident: bool,
}

/// Detects the language of `text` by counting frequent function words of each language.
pub fn detect(text: &str) -> Detected {
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
                "the", "and", "of", "to", "is", "that", "with", "for", "was", "on", "are", "he",
                "it", "by", "from", "have", "has", "which", "be", "this",
            ],
        ),
        (
            Lang::De,
            &[
                "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "des",
                "auf", "für", "ein", "eine", "auch", "dem", "wird", "zu", "im",
            ],
        ),
        (
            Lang::Fr,
            &[
                "le", "la", "les", "et", "des", "est", "une", "du", "que", "pour", "dans", "qui",
                "au", "pas", "sur", "par", "avec", "il", "ce", "sont",
            ],
        ),
        (
            Lang::Es,
            &[
                "el", "la", "los", "las", "y", "del", "que", "es", "por", "una", "con", "para",
                "se", "al", "su", "lo", "como", "más", "pero", "fue",
            ],
        ),
        (
            Lang::Pt,
            &[
                "o", "os", "as", "e", "do", "da", "dos", "das", "que", "é", "um", "uma", "com",
                "para", "não", "em", "no", "na", "foi", "ao",
            ],
        ),
    ];
    let mut scores = [0usize; 6];
    let mut total = 0usize;
    // A sample of the text is enough; bound the work on huge articles.
    let sample_end = floor_char_boundary(text, text.len().min(200_000));
    for word in text[..sample_end].split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 6 {
            continue;
        }
        total += 1;
        let lower = word.to_lowercase();
        for (i, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                scores[i] += 1;
            }
        }
    }
    let (best, &score) = scores
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (**s, usize::MAX - i))
        .unwrap_or((1, &0));
    Detected {
        lang: WORDS[best].0,
        confident: score >= 3 && score * 10 >= total.max(1),
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
            assert_eq!(detect(text).lang, lang, "{text}");
        }
    }
}
