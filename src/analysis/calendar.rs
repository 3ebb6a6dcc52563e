//! Month and weekday names, read from `assets/lexicon/<lang>/months.tsv` and `weekdays.txt`.
//! A date is recognised in the words of any of the six languages (a Dutch article quotes a
//! French date as it was written), so the lists of all languages are one set.

use super::speakers::lexicon::{rows, words};
use std::collections::HashMap;
use std::sync::OnceLock;

const MONTH_FILES: [&str; 6] = [
    lexicon_file!("nl", "months.tsv"),
    lexicon_file!("en", "months.tsv"),
    lexicon_file!("de", "months.tsv"),
    lexicon_file!("fr", "months.tsv"),
    lexicon_file!("es", "months.tsv"),
    lexicon_file!("pt", "months.tsv"),
];

const WEEKDAY_FILES: [&str; 6] = [
    lexicon_file!("nl", "weekdays.txt"),
    lexicon_file!("en", "weekdays.txt"),
    lexicon_file!("de", "weekdays.txt"),
    lexicon_file!("fr", "weekdays.txt"),
    lexicon_file!("es", "weekdays.txt"),
    lexicon_file!("pt", "weekdays.txt"),
];

/// The number of a month named by a lower-case word (`märz`, `março` → 3).
pub fn month(word_lower: &str) -> Option<u32> {
    static MONTHS: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    MONTHS
        .get_or_init(|| {
            MONTH_FILES
                .iter()
                .flat_map(|f| rows(f))
                .filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?)))
                .collect()
        })
        .get(word_lower)
        .copied()
}

/// Whether a lower-case word is a weekday name.
pub fn weekday(word_lower: &str) -> bool {
    static DAYS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    DAYS.get_or_init(|| WEEKDAY_FILES.iter().flat_map(|f| words(f)).collect())
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
