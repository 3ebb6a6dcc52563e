//! Month and weekday names, from each language's lexicon (`assets/lexicon/<lang>/months.tsv`
//! and `weekdays.txt`).
//! A date is recognised in the words of any of the six languages (a Dutch article quotes a
//! French date as it was written), so the lists of all languages are one set.

use super::lexicon::Lexicon;
use crate::lang::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The number of a month named by a lower-case word (`märz`, `março` → 3).
pub fn month(word_lower: &str) -> Option<u32> {
    static MONTHS: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    MONTHS
        .get_or_init(|| {
            Lang::ALL
                .iter()
                .flat_map(|&l| Lexicon::of(l).months.iter().copied())
                .collect()
        })
        .get(word_lower)
        .copied()
}

/// Whether a lower-case word is a weekday name.
pub fn weekday(word_lower: &str) -> bool {
    static DAYS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    DAYS.get_or_init(|| {
        Lang::ALL
            .iter()
            .flat_map(|&l| Lexicon::of(l).weekdays.iter().copied())
            .collect()
    })
    .contains(word_lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_of_every_language() {
        for (word, n) in [
            ("maart", 3),
            ("may", 5),
            ("jänner", 1),
            ("août", 8),
            ("septiembre", 9),
            ("dezembro", 12),
        ] {
            assert_eq!(month(word), Some(n), "{word}");
        }
        assert_eq!(month("maandag"), None);
        assert!(weekday("mittwoch") && weekday("terça-feira") && weekday("sábado"));
        assert!(!weekday("mars"));
    }
}
