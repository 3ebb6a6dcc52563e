//! The words the entity rules read: titles and functions, function words that are no names,
//! storms, portfolios and the rest, one set of files per language under
//! `assets/lexicon/<lang>/` and the name particles in `assets/lexicon/all/` (built into the
//! binary, parsed once on first use). `assets/lexicon/README.md` describes the files.

use super::{words, Lexicon};
use crate::lang::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

type Set = HashSet<&'static str>;

/// One language's entity words (or, from [`NameWords::any`], every language's together).
#[derive(Debug, Default)]
pub struct NameWords {
    /// Titles and functions that introduce a person (`generaal`, `ministre`).
    pub functions: Set,
    /// The last three bytes of the functions of six bytes or more, sorted.
    function_endings: Vec<[u8; 3]>,
    /// Capitalised words that are never a name on their own.
    pub stop: Set,
    /// Possessives, demonstratives and quantifiers that open no name.
    pub possessives: Set,
    /// Indefinite articles and quantifiers, never a name's first word.
    pub indefinites: Set,
    /// Personal and demonstrative pronouns.
    pub pronouns: Set,
    /// Words that open a sentence and never end a name (the pronouns aside).
    pub openers: Set,
    /// Words for a kind of storm before its name.
    pub storms: Set,
    /// Prepositions between a minister's title and the portfolio, as written.
    pub portfolio_preps: Set,
    /// Parts of the titles that take a portfolio (`minist`).
    pub portfolio_titles: Vec<&'static str>,
    /// Words that may stand before such a title (English).
    pub title_modifiers: Set,
    /// Adjective inflection endings (German).
    pub adjective_endings: Vec<&'static str>,
    /// Points of the compass that open an adjective of nationality (German).
    pub compass_prefixes: Vec<&'static str>,
    /// Adjectives of a religion, no nationality (German, without ending).
    pub religions: Set,
}

/// The files every language has.
pub(super) struct Files {
    pub(super) functions: &'static str,
    pub(super) stop: &'static str,
    pub(super) possessives: &'static str,
    pub(super) indefinites: &'static str,
    pub(super) pronouns: &'static str,
    pub(super) openers: &'static str,
    pub(super) storms: &'static str,
    pub(super) portfolio_preps: &'static str,
    pub(super) portfolio_titles: &'static str,
}

macro_rules! files {
    ($lang:literal) => {
        $crate::analysis::lexicon::names::Files {
            functions: lexicon_file!($lang, "functions.txt"),
            stop: lexicon_file!($lang, "name_stop.txt"),
            possessives: lexicon_file!($lang, "possessives.txt"),
            indefinites: lexicon_file!($lang, "indefinites.txt"),
            pronouns: lexicon_file!($lang, "pronoun_words.txt"),
            openers: lexicon_file!($lang, "sentence_openers.txt"),
            storms: lexicon_file!($lang, "storms.txt"),
            portfolio_preps: lexicon_file!($lang, "portfolio_preps.txt"),
            portfolio_titles: lexicon_file!($lang, "portfolio_titles.txt"),
        }
    };
}
pub(super) use files;

fn set(file: &'static str) -> Set {
    words(file).into_iter().collect()
}

impl NameWords {
    /// Parses the files `f` of `lang`, with the lists only some languages have (their rules
    /// run only there).
    pub(super) fn parse(lang: Lang, f: &Files) -> NameWords {
        let mut w = NameWords {
            functions: set(f.functions),
            stop: set(f.stop),
            possessives: set(f.possessives),
            indefinites: set(f.indefinites),
            pronouns: set(f.pronouns),
            openers: set(f.openers),
            storms: set(f.storms),
            portfolio_preps: set(f.portfolio_preps),
            portfolio_titles: words(f.portfolio_titles),
            ..NameWords::default()
        };
        w.function_endings = endings(&w.functions);
        match lang {
            Lang::En => {
                w.title_modifiers = set(lexicon_file!("en", "title_modifiers.txt"));
            }
            Lang::De => {
                w.adjective_endings = words(lexicon_file!("de", "adjective_endings.txt"));
                w.compass_prefixes = words(lexicon_file!("de", "compass_prefixes.txt"));
                w.religions = set(lexicon_file!("de", "religions.txt"));
            }
            Lang::Nl | Lang::Fr | Lang::Es | Lang::Pt => {}
        }
        w
    }

    /// The entity words of `lang` (its [`Lexicon`]'s), parsed on first use.
    pub fn of(lang: Lang) -> &'static NameWords {
        &Lexicon::of(lang).names
    }

    /// Every language's words together: for the rules that apply all languages' lists
    /// whatever the article's language (a title of another language still introduces a
    /// person), and for callers that do not know the language.
    pub fn any() -> &'static NameWords {
        static ANY: OnceLock<NameWords> = OnceLock::new();
        ANY.get_or_init(|| {
            let mut all = NameWords::default();
            for &lang in Lang::ALL.iter() {
                let w = NameWords::of(lang);
                let sets = [
                    (&mut all.functions, &w.functions),
                    (&mut all.stop, &w.stop),
                    (&mut all.possessives, &w.possessives),
                    (&mut all.indefinites, &w.indefinites),
                    (&mut all.pronouns, &w.pronouns),
                    (&mut all.openers, &w.openers),
                    (&mut all.storms, &w.storms),
                    (&mut all.portfolio_preps, &w.portfolio_preps),
                    (&mut all.title_modifiers, &w.title_modifiers),
                ];
                for (into, from) in sets {
                    into.extend(from.iter().copied());
                }
                let lists = [
                    (&mut all.portfolio_titles, &w.portfolio_titles),
                    (&mut all.adjective_endings, &w.adjective_endings),
                    (&mut all.compass_prefixes, &w.compass_prefixes),
                ];
                for (into, from) in lists {
                    for x in from {
                        if !into.contains(x) {
                            into.push(x);
                        }
                    }
                }
            }
            all.function_endings = endings(&all.functions);
            all
        })
    }

    /// `lower` is a title or function, or a compound that ends in one of six bytes or more
    /// (`defensie-analist`, `außenminister`, `oud-premier`).
    pub fn is_function(&self, lower: &str) -> bool {
        let set = &self.functions;
        if set.contains(lower) {
            return true;
        }
        if let Some((_, last)) = lower.rsplit_once('-') {
            if set.contains(last) {
                return true;
            }
        }
        // Every suffix of a word ends as the word does: a word whose last three bytes end
        // no long function ends in none.
        if lower.len() > 48
            || lower
                .as_bytes()
                .last_chunk::<3>()
                .is_none_or(|e| self.function_endings.binary_search(e).is_err())
        {
            return false;
        }
        lower
            .char_indices()
            .filter(|&(i, _)| i > 2 && lower.len() - i >= 6)
            .any(|(i, _)| set.contains(&lower[i..]))
    }
}

/// The last three bytes of the words of six bytes or more, sorted and without repeats.
fn endings(set: &Set) -> Vec<[u8; 3]> {
    let mut v: Vec<[u8; 3]> = set
        .iter()
        .filter(|t| t.len() >= 6)
        .filter_map(|t| t.as_bytes().last_chunk::<3>().copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Lower-case particles that may join the parts of a name (`van`, `da`, `bin`), of names from
/// any language in an article of any language: `assets/lexicon/all/name_particles.txt`.
pub fn particles() -> &'static Set {
    static S: OnceLock<Set> = OnceLock::new();
    S.get_or_init(|| set(lexicon_file!("all", "name_particles.txt")))
}

/// Titles of rank or address that the annotated data of every language keeps inside a
/// person's name (`Sir`, `Prince`, `Don`, `Mr.`): `assets/lexicon/all/name_honorifics.txt`.
pub fn honorifics() -> &'static Set {
    static S: OnceLock<Set> = OnceLock::new();
    S.get_or_init(|| set(lexicon_file!("all", "name_honorifics.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check of a function at the end of a compound agrees with trying every suffix.
    #[test]
    fn function_suffixes_agree_with_trying_every_suffix() {
        for w in [
            NameWords::any(),
            NameWords::of(Lang::De),
            NameWords::of(Lang::Nl),
        ] {
            let set = &w.functions;
            let every_suffix = |lower: &str| {
                set.contains(lower)
                    || lower
                        .rsplit_once('-')
                        .is_some_and(|(_, last)| set.contains(last))
                    || (lower.len() <= 48
                        && lower.char_indices().any(|(i, _)| {
                            i > 2 && lower.len() - i >= 6 && set.contains(&lower[i..])
                        }))
            };
            let sample = include_str!("../../../assets/sample.de.txt").to_string()
                + include_str!("../../../assets/sample.txt");
            let mut words: Vec<String> = sample
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(str::to_lowercase)
                .collect();
            for t in set {
                for head in ["", "oud-", "defensie", "bundes", "x", "vice"] {
                    words.push(format!("{head}{t}"));
                    words.push(format!("{head}{t}s"));
                }
            }
            let mut found = 0;
            for lower in &words {
                assert_eq!(w.is_function(lower), every_suffix(lower), "{lower}");
                found += usize::from(w.is_function(lower));
            }
            assert!(found > set.len());
        }
    }

    /// Every language has its lists, and the language-only lists are where their rules run.
    #[test]
    fn every_language_has_its_entity_words() {
        for &lang in Lang::ALL.iter() {
            let w = NameWords::of(lang);
            assert!(w.functions.len() >= 30, "{lang:?}");
            assert!(w.stop.len() >= 20, "{lang:?}");
            for set in [&w.possessives, &w.indefinites, &w.pronouns, &w.openers] {
                assert!(set.len() >= 4, "{lang:?}");
            }
            assert!(
                !w.storms.is_empty() && !w.portfolio_preps.is_empty(),
                "{lang:?}"
            );
            assert!(w.portfolio_titles.contains(&"minist"), "{lang:?}");
        }
        assert!(NameWords::of(Lang::De).functions.contains("kanzlerin"));
        assert!(!NameWords::of(Lang::En).functions.contains("kanzlerin"));
        assert!(NameWords::of(Lang::De).compass_prefixes.contains(&"süd"));
        let any = NameWords::any();
        assert!(any.functions.contains("kanzlerin") && any.functions.contains("juíza"));
        assert!(any.stop.contains("ontem") && any.stop.contains("gisteren"));
        assert!(particles().contains("van") && particles().contains("bin"));
    }
}
