//! Lines that say who wrote an article, where and when it was filed, and whose the pictures
//! are: bylines (`By Jane Doe`), datelines (`BERLIN (dpa) -`) and credits (`Foto: …`).
//! Recognised from their shape and a few words per language, kept here in one place.

use crate::analysis::lexicon::{credit_labels, particles, rule_in_any_language, rule_words};
use crate::lang::Lang;

/// The words of bylines and credits come from the lexicon (`assets/lexicon/`): `byline_words`
/// and `name_joiners` of `rule_words.tsv`, `credit_labels.txt`, and the name particles of every
/// language (`Jan van Dijk`, `Ana da Silva`).
fn credit_label(lower: &str) -> bool {
    static LABELS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LABELS
        .get_or_init(|| Lang::ALL.into_iter().flat_map(credit_labels).collect())
        .contains(&lower)
}

/// The longest line taken for a byline or a credit, in characters.
const META_MAX_CHARS: usize = 160;

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
}

/// Whether `line` is a byline: a byline word of `lang` (of any of the six but the ambiguous
/// Portuguese `de` when the language is not known), then one or more names joined by `and`
/// words, optionally followed by a separator and a short rest (a date, an agency, a place).
pub fn is_byline(line: &str, lang: Option<Lang>) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().nth(META_MAX_CHARS).is_some() {
        return false;
    }
    let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let first = first.to_lowercase();
    let known = |w: &str| match lang {
        Some(l) => rule_words(l).get("byline_words").contains(&w),
        None => w != "de" && rule_in_any_language("byline_words", w),
    };
    if !known(first.trim_end_matches(':')) {
        return false;
    }
    // Names run up to the first separator; what follows is short.
    let cut = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ',' | '|' | '·' | '/' | '(' | '•')
                || (is_dash(c) && rest[..i].ends_with(' '))
        })
        .map_or(rest.len(), |(i, _)| i);
    let (names, tail) = rest.split_at(cut);
    if tail.chars().nth(60).is_some() {
        return false;
    }
    let mut group = 0usize;
    let mut groups = 0usize;
    let mut previous_particle = false;
    for w in names.split_whitespace() {
        let lower = w.to_lowercase();
        if rule_in_any_language("name_joiners", &lower) {
            if group == 0 {
                return false;
            }
            groups += 1;
            group = 0;
        } else if capitalised(w)
            && w.chars().count() <= 24
            // An initial or `Jr.`, not a sentence's full stop.
            && (!w.ends_with('.') || w.chars().count() <= 3)
        {
            group += 1;
            previous_particle = false;
        } else if group > 0 && particles().contains(w) {
            previous_particle = true;
        } else {
            return false;
        }
        if group > 4 {
            return false;
        }
    }
    if previous_particle {
        return false;
    }
    // The first name has a given and a family name; a later one may be a single word.
    let first_ok = groups > 0 || group >= 2;
    group > 0 && first_ok
}

/// Whether `line` is a picture credit: `Foto: …`, `Photo: …`, `Crédit photo : …`, `© …`, or
/// one of these in parentheses or brackets.
pub fn is_credit(line: &str) -> bool {
    let mut s = line.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|x| x.strip_suffix(close)) {
            s = inner.trim();
        }
    }
    let rest = match s.strip_prefix('©') {
        Some(rest) => rest,
        None => {
            // Labels are short: look for the colon near the start only (most lines have none).
            let Some(colon) = s.as_bytes().iter().take(24).position(|&b| b == b':') else {
                return false;
            };
            let label = s[..colon].trim().to_lowercase();
            if !credit_label(&label) {
                return false;
            }
            &s[colon + 1..]
        }
    };
    !rest.trim().is_empty() && s.chars().nth(META_MAX_CHARS).is_none()
}

/// A dateline at the start of `s`: `BERLIN (dpa) -`, `WASHINGTON (AP) —`,
/// `PARIS, 3 déc. (Reuters) -`, `Berlin (dpa) –`. Returns the end of the dateline (before its
/// dash) and the start of the text after it (`s.len()` when nothing follows).
///
/// A place in capitals, or a capitalised place followed by an agency in parentheses; then an
/// optional date after a comma (with a digit); then an agency in parentheses and/or a dash.
/// With text after it, the dash is required and the text must start like a sentence; alone on
/// its line, an agency after a place in capitals, or a three-letter agency in lower case
/// (`Berlin (dpa)`, not `Carrollton (Alabama)` or `Georges Meunier (FRA)`).
pub fn dateline(s: &str) -> Option<(usize, usize)> {
    let head = &s[..floor_boundary(s, 120)];
    let place_end = head
        .char_indices()
        .find(|&(i, c)| {
            c == ',' || c == '(' || c == ':' || (is_dash(c) && head[..i].ends_with(' '))
        })
        .map_or(head.len(), |(i, _)| i);
    let place = head[..place_end].trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 4
        || place.chars().count() > 30
        || !words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '/'))
        })
    {
        return None;
    }
    let letters = place.chars().filter(|c| c.is_alphabetic());
    let capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && letters.clone().all(char::is_uppercase);
    let mut at = place_end;
    let mut end = head[..place_end].trim_end().len();
    // The date, after a comma.
    if head[at..].starts_with(',') {
        let rest = &head[at + 1..];
        let date_end = rest
            .char_indices()
            .find(|&(_, c)| c == '(' || is_dash(c))
            .map_or(rest.len(), |(i, _)| i);
        let date = rest[..date_end].trim();
        if date.is_empty() || date.chars().count() > 25 || !date.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        at += 1 + date_end;
        end = at - (rest[..date_end].len() - rest[..date_end].trim_end().len());
    }
    // The agency, in parentheses.
    let mut agency = false;
    // An agency in lower case, as German papers write them: `dpa`, `epd`, `dpa/afp` (capitals
    // are too common after names: `Georges Meunier (FRA)`).
    let mut agency_short = false;
    let after_space = head[at..].trim_start();
    if let Some(inner) = after_space.strip_prefix('(') {
        let close = inner.find(')')?;
        let name = inner[..close].trim();
        // An agency's name: `dpa`, `AP`, `Reuters`, `dpa/AFP`; no digits, no long lower-case
        // words (`(1995)`, `(Alpes-de-Haute-Provence)` and `(expérience)` are not agencies).
        let agency_like = !name.is_empty()
            && name.chars().count() <= 25
            && name.split_whitespace().count() <= 2
            && !name.chars().any(|c| c.is_numeric())
            && name.split([' ', '/', '-']).all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() <= 4
            });
        if !agency_like {
            return None;
        }
        agency_short = name
            .split([' ', '/', '-'])
            .all(|w| w.chars().count() == 3 && w.chars().all(char::is_lowercase));
        at = head.len() - after_space.len() + 1 + close + 1;
        end = at;
        agency = true;
    }
    if !agency && !capitals {
        return None;
    }
    // The dash (after an optional full stop) and the text.
    let rest = s[at..].strip_prefix('.').unwrap_or(&s[at..]);
    let trimmed = rest.trim_start();
    let Some(after_dash) = trimmed.strip_prefix(is_dash) else {
        // Alone on its line: an agency after a place in capitals, or a lower-case agency.
        return (agency && (capitals || agency_short) && trimmed.is_empty())
            .then_some((end, s.len()));
    };
    if !after_dash.is_empty() && !after_dash.starts_with(char::is_whitespace) {
        return None;
    }
    let body = after_dash.trim_start();
    let starts_sentence = body.is_empty()
        || body
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'«„“‘¿¡".contains(c));
    starts_sentence.then_some((end, s.len() - body.len()))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        for (line, lang) in [
            ("Von Max Muster", Some(Lang::De)),
            ("By Jane Doe", Some(Lang::En)),
            ("By Jane Doe and John Smith", Some(Lang::En)),
            ("By Jane K. Doe, March 3, 2026", Some(Lang::En)),
            ("Door Jan van Dijk", Some(Lang::Nl)),
            ("Par Marie Dupont et Luc Martin", Some(Lang::Fr)),
            ("Por Juan Pérez | Madrid", Some(Lang::Es)),
            ("De Ana da Silva", Some(Lang::Pt)),
            ("Por Ana Souza", Some(Lang::Pt)),
            (
                "Von Max Muster und Erika Mustermann | 03.12.2026, 10:15 Uhr",
                None,
            ),
            ("BY JANE DOE", None),
        ] {
            assert!(is_byline(line, lang), "{line}");
        }
        for (line, lang) in [
            ("By the numbers", Some(Lang::En)),
            ("By Design", Some(Lang::En)),
            ("Von Berlin nach Hamburg", Some(Lang::De)),
            ("De Verenigde Staten", Some(Lang::Nl)),
            ("De Verenigde Staten", None),
            ("Door Jan Jansen", Some(Lang::En)),
            ("Par Marie Dupont.", Some(Lang::Fr)),
            ("Von Max Muster, der gestern in Berlin sprach und dabei lange über die Lage im Land redete", Some(Lang::De)),
            ("Sancties en diplomatieke impasse", Some(Lang::Nl)),
            ("By", Some(Lang::En)),
        ] {
            assert!(!is_byline(line, lang), "{line}");
        }
    }

    #[test]
    fn credits() {
        for line in [
            "Foto: dpa",
            "Photo: Jane Doe/Reuters",
            "Bild: Max Muster",
            "(Foto: Max Muster/dpa)",
            "Image: Getty Images",
            "Credit: AP",
            "Crédit photo : AFP",
            "Imagen: EFE",
            "© Reuters",
            "[Beeld: ANP]",
        ] {
            assert!(is_credit(line), "{line}");
        }
        for line in [
            "Foto:",
            "Fotograaf legt vast: een mooie dag",
            "De foto: die werd later verwijderd",
            "Sancties en diplomatieke impasse",
            "©",
        ] {
            assert!(!is_credit(line), "{line}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "BERLIN (dpa) - Die Regierung",
                "BERLIN (dpa)",
                "Die Regierung",
            ),
            (
                "WASHINGTON (AP) — The Senate",
                "WASHINGTON (AP)",
                "The Senate",
            ),
            (
                "PARIS, 3 déc. (Reuters) - Le gouvernement",
                "PARIS, 3 déc. (Reuters)",
                "Le gouvernement",
            ),
            (
                "Berlin (dpa) – Der Bundestag",
                "Berlin (dpa)",
                "Der Bundestag",
            ),
            ("NEW YORK — Stocks fell", "NEW YORK", "Stocks fell"),
            (
                "Madrid, 23 may (EFE).- El Gobierno",
                "Madrid, 23 may (EFE)",
                "El Gobierno",
            ),
            ("BERLIN (dpa)", "BERLIN (dpa)", ""),
            ("BERLIN (dpa) -", "BERLIN (dpa)", ""),
            ("Berlin (dpa)", "Berlin (dpa)", ""),
            (
                "BADEN-BADEN (dpa) - Der Kurort",
                "BADEN-BADEN (dpa)",
                "Der Kurort",
            ),
        ];
        for (s, date, body) in cases {
            let (end, start) = dateline(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&s[..end], date, "{s}");
            assert_eq!(&s[start..], body, "{s}");
        }
        for s in [
            "Berlin - Die Regierung",
            "De Verenigde Staten hebben de spanningen opgevoerd.",
            "BERLIN",
            "Die Regierung (SPD) - hat",
            "NATO-landen - zij",
            "EU - die",
            "Armenia (1995)",
            "Pays-Bas (région historique)",
            "ALICE (expérience)",
            "Robert M. McLane (D)",
            "Carrollton (Alabama)",
            "Georges Meunier (FRA)",
            "Oybin (hill)",
            "Shake (company)",
            "Berlin (Reuters) und",
            "Benetton Rugby Trévise (1995-2005) - Der Verein",
            "Noord-Korea reageerde via zijn door de staat gerunde KCNA-nieuwsagentschap.",
        ] {
            assert_eq!(dateline(s), None, "{s}");
        }
    }
}
