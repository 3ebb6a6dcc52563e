//! Language knowledge as data: titles, pronouns, first names, reporting verbs and the word
//! lists of the speaker and entity rules of each language, read from `assets/lexicon/<lang>/`
//! (built into the binary) once, on first use. The files and their format are described in
//! `assets/lexicon/README.md`. One [`Lexicon`] per language holds them all; the entity
//! rules' sets are its [`NameWords`].

mod names;

pub use names::{honorifics, particles, NameWords};

use crate::lang::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Grammatical or natural gender, as far as a word tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

impl Gender {
    fn parse(field: &str) -> Option<Gender> {
        match field.trim() {
            "m" => Some(Gender::Masculine),
            "f" => Some(Gender::Feminine),
            _ => None,
        }
    }
}

/// A subject pronoun that can report speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub person: u8,
    pub gender: Option<Gender>,
    /// Only plural (`they`, `ils`); `sie` and `zij`, singular or plural, are not.
    pub plural_only: bool,
}

/// The word lists of a language, one file each (`assets/lexicon/<lang>/<file>.txt`, in
/// the order of [`list_files!`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Definite and indefinite articles (`the`, `die`, `l'`).
    Articles,
    /// Reporting verbs whose object is the addressee (`told`, `assured`).
    AddresseeVerbs,
    /// Prepositions that mark the person spoken to after a reporting verb (`dit à`).
    AddresseePreps,
    /// Articles and possessives that make the next word a noun (`le prévenu`, `the answer`).
    NounArticles,
    /// Prepositions that introduce a source (`according`, `laut`, `selon`).
    SourcePreps,
    /// Nouns for a statement or a news outlet's report: the organisation before it speaks.
    Statements,
    /// Words that end a speaker's noun phrase.
    NpStop,
    /// Words that may sit between a reporting verb and its inverted subject.
    Skippable,
    /// Determiners that may open an unnamed speaker's description.
    Determiners,
    /// Conjunctions that may open the clause before the speaker (`Zoals een diplomaat`).
    ClauseOpeners,
    /// Coordinating conjunctions that open a clause without a subject of its own.
    Conjunctions,
    /// Relative pronouns.
    Relatives,
    /// Verb forms of an impersonal `se` (`se leía`, `ouvia-se`).
    ImpersonalSe,
    /// Nouns for writing without an author of its own: a notice, a sign, a message online.
    Notices,
    /// Words before a quote that make it a title or a name rather than somebody's words
    /// (`the film "…"`, `so-called "…"`).
    QuoteTitles,
}

const LISTS: usize = Words::QuoteTitles as usize + 1;

/// The word list files of language directory `$lang`, in the order of [`Words`].
macro_rules! list_files {
    ($lang:literal) => {
        [
            lexicon_file!($lang, "articles.txt"),
            lexicon_file!($lang, "addressee_verbs.txt"),
            lexicon_file!($lang, "addressee_preps.txt"),
            lexicon_file!($lang, "noun_articles.txt"),
            lexicon_file!($lang, "source_preps.txt"),
            lexicon_file!($lang, "statements.txt"),
            lexicon_file!($lang, "np_stop.txt"),
            lexicon_file!($lang, "skippable.txt"),
            lexicon_file!($lang, "determiners.txt"),
            lexicon_file!($lang, "clause_openers.txt"),
            lexicon_file!($lang, "conjunctions.txt"),
            lexicon_file!($lang, "relatives.txt"),
            lexicon_file!($lang, "impersonal_se.txt"),
            lexicon_file!($lang, "notices.txt"),
            lexicon_file!($lang, "quote_titles.txt"),
        ]
    };
}

/// The word knowledge of one language.
#[derive(Debug)]
pub struct Lexicon {
    /// Lower case, an abbreviation without its full stop; the value says whether the file
    /// wrote it with one, and the gender it marks.
    titles: HashMap<&'static str, (bool, Option<Gender>)>,
    pronouns: HashMap<&'static str, Pronoun>,
    /// The pronouns in file order, for the rules that match words against a list.
    pronoun_words: Vec<&'static str>,
    first_names: HashMap<&'static str, Gender>,
    reporting_verbs: std::collections::HashSet<&'static str>,
    lists: [Vec<&'static str>; LISTS],
    /// Its language, whose `rule_words.tsv` [`Lexicon::rule`] reads ([`rule_words`]).
    lang: Lang,
    /// The sets the entity rules read.
    pub names: NameWords,
    /// Month names and their numbers (`märz` → 3).
    pub months: Vec<(&'static str, u32)>,
    /// Weekday names.
    pub weekdays: Vec<&'static str>,
    /// The words of amounts.
    pub numbers: NumberWords,
}

/// The words of amounts of one language (`numbers.tsv`): `3 Milliarden Dollar`, `12 procent`.
#[derive(Debug, Default)]
pub struct NumberWords {
    /// A scale word, its power of ten and whether it is one only right after a currency
    /// (`$3 m`).
    pub scales: HashMap<&'static str, (u32, bool)>,
    /// A currency's name and its ISO code.
    pub currencies: HashMap<&'static str, &'static str>,
    /// Words for per cent.
    pub percent: Vec<&'static str>,
    /// Words between an amount and its currency (`3 millones de dólares`).
    pub links: Vec<&'static str>,
    /// Words between a day, its month and its year (`3 de março de 2024`).
    pub date_links: Vec<&'static str>,
}

impl NumberWords {
    fn parse(file: &'static str) -> NumberWords {
        let mut n = NumberWords::default();
        for r in rows(file) {
            match (r.first().copied(), r.get(1).copied()) {
                (Some("scale"), Some(word)) => {
                    if let Some(power) = r.get(2).and_then(|p| p.parse().ok()) {
                        let after_currency = r.get(3).is_some_and(|f| *f == "currency");
                        n.scales.insert(word, (power, after_currency));
                    }
                }
                (Some("currency"), Some(word)) => {
                    if let Some(&code) = r.get(2) {
                        n.currencies.insert(word, code);
                    }
                }
                (Some("percent"), Some(word)) => n.percent.push(word),
                (Some("link"), Some(word)) => n.links.push(word),
                (Some("date_link"), Some(word)) => n.date_links.push(word),
                _ => {}
            }
        }
        n
    }
}

/// Currency symbols and codes of every language (`assets/lexicon/all/currencies.tsv`), the
/// longest first (`us$` before `$`), with their ISO codes.
pub fn currency_signs() -> &'static [(&'static str, &'static str)] {
    static SIGNS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    SIGNS.get_or_init(|| {
        let mut v: Vec<_> = rows(lexicon_file!("all", "currencies.tsv"))
            .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
            .collect();
        v.sort_by_key(|(sign, _)| std::cmp::Reverse(sign.len()));
        v
    })
}

struct Files {
    titles: &'static str,
    pronouns: &'static str,
    first_names: &'static str,
    reporting_verbs: &'static str,
    rule_words: &'static str,
    lists: [&'static str; LISTS],
    names: names::Files,
    months: &'static str,
    weekdays: &'static str,
    abbreviations: &'static str,
    numbers: &'static str,
    common_words: &'static str,
    credit_labels: &'static str,
}

macro_rules! files {
    ($lang:literal) => {
        Files {
            titles: lexicon_file!($lang, "titles.tsv"),
            pronouns: lexicon_file!($lang, "pronouns.tsv"),
            first_names: lexicon_file!($lang, "first_names.tsv"),
            reporting_verbs: lexicon_file!($lang, "reporting_verbs.txt"),
            rule_words: lexicon_file!($lang, "rule_words.tsv"),
            lists: list_files!($lang),
            names: names::files!($lang),
            months: lexicon_file!($lang, "months.tsv"),
            weekdays: lexicon_file!($lang, "weekdays.txt"),
            abbreviations: lexicon_file!($lang, "abbreviations.tsv"),
            numbers: lexicon_file!($lang, "numbers.tsv"),
            common_words: lexicon_file!($lang, "common_words.txt"),
            credit_labels: lexicon_file!($lang, "credit_labels.txt"),
        }
    };
}

/// The one table of languages and their directories under `assets/lexicon/`.
fn files(lang: Lang) -> Files {
    match lang {
        Lang::Nl => files!("nl"),
        Lang::En => files!("en"),
        Lang::De => files!("de"),
        Lang::Fr => files!("fr"),
        Lang::Es => files!("es"),
        Lang::Pt => files!("pt"),
    }
}

/// The first field of each data line of a word list.
pub fn words(file: &'static str) -> Vec<&'static str> {
    rows(file).filter_map(|r| r.first().copied()).collect()
}

/// The data lines of a file: neither empty nor comments, split at tabs.
pub fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl Lexicon {
    /// Parses one language's files. Malformed lines are skipped.
    fn parse(lang: Lang, f: &Files) -> Lexicon {
        let mut lex = Lexicon {
            lang,
            names: NameWords::parse(lang, &f.names),
            titles: HashMap::new(),
            pronouns: HashMap::new(),
            pronoun_words: Vec::new(),
            first_names: HashMap::new(),
            reporting_verbs: Default::default(),
            lists: Default::default(),
            months: Vec::new(),
            weekdays: Vec::new(),
            numbers: NumberWords::default(),
        };
        for r in rows(f.titles) {
            let Some(&word) = r.first() else { continue };
            let gender = r.get(1).and_then(|g| Gender::parse(g));
            let (bare, abbreviated) = match word.strip_suffix('.') {
                Some(b) => (b, true),
                None => (word, false),
            };
            let entry = lex.titles.entry(bare).or_insert((abbreviated, gender));
            entry.0 |= abbreviated;
        }
        for r in rows(f.pronouns) {
            let (Some(&word), Some(person)) = (r.first(), r.get(1)) else {
                continue;
            };
            let Ok(person) = person.parse::<u8>() else {
                continue;
            };
            let p = Pronoun {
                person,
                gender: r.get(2).and_then(|g| Gender::parse(g)),
                plural_only: r.get(3).is_some_and(|n| *n == "pl"),
            };
            lex.pronouns.insert(word, p);
            lex.pronoun_words.push(word);
        }
        for r in rows(f.first_names) {
            if let (Some(&name), Some(g)) = (r.first(), r.get(1).and_then(|g| Gender::parse(g))) {
                lex.first_names.insert(name, g);
            }
        }
        lex.reporting_verbs = words(f.reporting_verbs).into_iter().collect();
        lex.months = rows(f.months)
            .filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?)))
            .collect();
        lex.weekdays = words(f.weekdays);
        lex.numbers = NumberWords::parse(f.numbers);
        lex.lists = f.lists.map(words);
        lex
    }

    /// The lexicon of `lang`, parsed on first use.
    pub fn of(lang: Lang) -> &'static Lexicon {
        static ALL: [OnceLock<Lexicon>; 6] = [const { OnceLock::new() }; 6];
        let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        ALL[i].get_or_init(|| Lexicon::parse(lang, &files(lang)))
    }

    /// The words of one list, in file order.
    pub fn list(&self, list: Words) -> &[&'static str] {
        &self.lists[list as usize]
    }

    /// `lower` is in `list`.
    pub fn has(&self, list: Words, lower: &str) -> bool {
        self.list(list).contains(&lower)
    }

    /// The words of the small list `name` of `rule_words.tsv` (none when the language has
    /// no such list).
    pub fn rule(&self, name: &str) -> &[&'static str] {
        rule_words(self.lang).get(name)
    }

    /// `lower` is in the small list `name` of `rule_words.tsv`.
    pub fn is(&self, name: &str, lower: &str) -> bool {
        self.rule(name).contains(&lower)
    }

    /// `lower` (lower case, without a full stop) is a title or honorific.
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains_key(lower)
    }

    /// `lower` is a title written with a full stop (`sen`, `mr`, `sra`): its full stop ends
    /// neither a sentence nor a name.
    pub fn is_abbreviated_title(&self, lower: &str) -> bool {
        self.titles.get(lower).is_some_and(|t| t.0)
    }

    /// The gender a title marks (`mrs`, `herr`, `präsidentin`), if any.
    pub fn title_gender(&self, lower: &str) -> Option<Gender> {
        self.titles.get(lower).and_then(|t| t.1)
    }

    pub fn pronoun(&self, lower: &str) -> Option<Pronoun> {
        self.pronouns.get(lower).copied()
    }

    /// `lower` is a subject pronoun that may report speech.
    pub fn is_pronoun(&self, lower: &str) -> bool {
        self.pronoun_words.contains(&lower)
    }

    /// The subject pronouns that may report speech, lower case.
    pub fn pronoun_words(&self) -> &[&'static str] {
        &self.pronoun_words
    }

    /// `lower` is a definite or indefinite article (`the`, `die`, `l'`).
    pub fn is_article(&self, lower: &str) -> bool {
        self.has(Words::Articles, lower)
    }

    /// `lower` is a reporting verb whose object is the addressee (`told`, `assured`).
    pub fn takes_addressee(&self, lower: &str) -> bool {
        self.has(Words::AddresseeVerbs, lower)
    }

    /// `lower` is a preposition that marks the person spoken to after a reporting verb
    /// (`dit à`, `dijo a`, `zei tegen`).
    pub fn marks_addressee(&self, lower: &str) -> bool {
        self.has(Words::AddresseePreps, lower)
    }

    /// The gender of a common first name (lower case), if the list knows it.
    pub fn first_name_gender(&self, lower: &str) -> Option<Gender> {
        self.first_names.get(lower).copied()
    }

    /// `lower` is a reporting verb form (`said`, `sagte`, `déclare`).
    pub fn is_reporting_verb(&self, lower: &str) -> bool {
        self.reporting_verbs.contains(lower)
    }
}

/// The frequent function words of `lang` that tell an article's language
/// (`common_words.txt`).
pub fn common_words(lang: Lang) -> Vec<&'static str> {
    words(files(lang).common_words)
}

/// The labels a picture credit of `lang` starts with (`credit_labels.txt`).
pub fn credit_labels(lang: Lang) -> Vec<&'static str> {
    words(files(lang).credit_labels)
}

/// The small lists of one language's `rule_words.tsv`, by name: a name may come back on
/// another line to go on.
#[derive(Debug, Default)]
pub struct RuleWords(HashMap<&'static str, Vec<&'static str>>);

impl RuleWords {
    fn parse(file: &'static str) -> RuleWords {
        let mut lists: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for r in rows(file) {
            if let (Some(&name), Some(words)) = (r.first(), r.get(1)) {
                lists
                    .entry(name)
                    .or_default()
                    .extend(words.split_whitespace());
            }
        }
        RuleWords(lists)
    }

    /// The words of list `name`, in file order (none when the language has no such list).
    pub fn get(&self, name: &str) -> &[&'static str] {
        self.0.get(name).map_or(&[], Vec::as_slice)
    }
}

/// The small lists of `lang`, read on first use without the rest of its lexicon (bylines ask
/// for them while an article is parsed, before the first frame).
pub fn rule_words(lang: Lang) -> &'static RuleWords {
    static ALL: [OnceLock<RuleWords>; 6] = [const { OnceLock::new() }; 6];
    let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    ALL[i].get_or_init(|| RuleWords::parse(files(lang).rule_words))
}

/// `lower` is in the small list `name` of `rule_words.tsv` of any language: for the checks
/// that do not know the article's language (an abbreviation before a full stop).
pub fn rule_in_any_language(name: &str, lower: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&l| rule_words(l).get(name).contains(&lower))
}

/// What reads an abbreviation of `abbreviations.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// The sentence splitter: a full stop after the word ends no sentence.
    Sentence,
    /// The entity model's tokenizer: the word keeps its full stop.
    Token,
}

/// `lower` (lower case, without its full stop) is an abbreviation for `reader` in the
/// `abbreviations.tsv` of any language.
pub fn abbreviation(lower: &str, reader: Abbreviation) -> bool {
    type Set = std::collections::HashSet<&'static str>;
    static SETS: OnceLock<[Set; 2]> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let mut sets: [Set; 2] = Default::default();
        for lang in Lang::ALL {
            for r in rows(files(lang).abbreviations) {
                let (Some(&word), Some(&readers)) = (r.first(), r.get(1)) else {
                    continue;
                };
                for (set, name) in sets.iter_mut().zip(["sentence", "token"]) {
                    if readers == name || readers == "both" {
                        set.insert(word);
                    }
                }
            }
        }
        sets
    });
    sets[reader as usize].contains(lower)
}

/// `lower` (lower case, no full stop) is an abbreviated title in any language: what the
/// sentence splitter, which does not know the language, asks.
pub fn abbreviated_title_in_any_language(lower: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&l| Lexicon::of(l).is_abbreviated_title(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each language's reporting verbs and source prepositions come from its files, and the
    /// others too (one word each language's rules depend on).
    #[test]
    fn word_lists_are_read_from_the_files() {
        let table: &[(Lang, &str, &str)] = &[
            (Lang::Nl, "zei", "volgens"),
            (Lang::En, "said", "according"),
            (Lang::De, "sagte", "laut"),
            (Lang::Fr, "déclare", "selon"),
            (Lang::Es, "dijo", "según"),
            (Lang::Pt, "disse", "segundo"),
        ];
        for &(lang, verb, prep) in table {
            let lex = Lexicon::of(lang);
            assert!(lex.is_reporting_verb(verb), "{lang:?} {verb}");
            assert!(lex.has(Words::SourcePreps, prep), "{lang:?} {prep}");
            assert!(!lex.is_reporting_verb("tisch"), "{lang:?}");
        }
        assert!(Lexicon::of(Lang::En).has(Words::NounArticles, "the"));
    }

    /// The check of direct speech reads the words of the article's language: a title word
    /// of each language, and the German lists only in German.
    #[test]
    fn quote_words_are_per_language() {
        for (lang, title, strong) in [
            (Lang::Nl, "zogenaamde", "boek"),
            (Lang::En, "so-called", "novel"),
            (Lang::De, "sogenannten", "roman"),
            (Lang::Fr, "soi-disant", "titre"),
            (Lang::Es, "llamado", "libro"),
            (Lang::Pt, "apelidado", "livro"),
        ] {
            let lex = Lexicon::of(lang);
            assert!(lex.has(Words::QuoteTitles, title), "{lang:?} {title}");
            assert!(lex.is("strong_titles", strong), "{lang:?} {strong}");
            assert!(lex.has(Words::QuoteTitles, strong), "{lang:?} {strong}");
        }
        assert!(!Lexicon::of(Lang::En).has(Words::QuoteTitles, "sogenannten"));
        assert!(Lexicon::of(Lang::De).is("names_verbs", "nannte"));
        assert!(Lexicon::of(Lang::Es).is("speaks_of_verbs", "hablando"));
        assert!(!Lexicon::of(Lang::Es).is("speaks_of_verbs", "nannte"));
        assert!([Lang::En, Lang::Nl]
            .iter()
            .all(|&l| Lexicon::of(l).rule("names_verbs").is_empty()));
        assert!(rule_in_any_language("sentence_abbreviations", "vgl"));
        assert!(rule_in_any_language("closing_abbreviations", "inc"));
        assert!(!rule_in_any_language("closing_abbreviations", "said"));
    }

    /// Each reader of `abbreviations.tsv` has its own words: the tokenizer keeps the full
    /// stop on a Dutch weekday (`zo.`), while `zo.` ends a Dutch sentence (`Het is zo.`).
    #[test]
    fn abbreviations_by_reader() {
        for word in ["dr", "bzw", "sra", "mme"] {
            assert!(abbreviation(word, Abbreviation::Sentence), "{word}");
            assert!(abbreviation(word, Abbreviation::Token), "{word}");
        }
        assert!(abbreviation("zo", Abbreviation::Token));
        assert!(!abbreviation("zo", Abbreviation::Sentence));
        assert!(abbreviation("evtl", Abbreviation::Sentence));
        assert!(!abbreviation("dr.", Abbreviation::Sentence));
    }

    /// Each language reads its own lists: a word of one language is not a word of another
    /// (`die` is a German article, a Dutch relative pronoun, and an English verb).
    #[test]
    fn each_language_has_its_own_lists() {
        use Words::*;
        let table: &[(Lang, Words, &str, bool)] = &[
            (Lang::De, Determiners, "die", true),
            (Lang::Nl, Determiners, "die", false),
            (Lang::Nl, Relatives, "die", true),
            (Lang::En, Relatives, "die", false),
            (Lang::En, Relatives, "who", true),
            (Lang::De, Statements, "erklärung", true),
            (Lang::En, Statements, "erklärung", false),
            (Lang::De, Skippable, "gestern", true),
            (Lang::En, Skippable, "gestern", false),
            (Lang::Pt, Conjunctions, "e", true),
            (Lang::Es, Conjunctions, "e", false),
            (Lang::Es, Conjunctions, "o", true),
            (Lang::Pt, Determiners, "o", true),
            (Lang::Es, ImpersonalSe, "leía", true),
            (Lang::Pt, ImpersonalSe, "leía", false),
            (Lang::En, Notices, "notice", true),
            (Lang::Fr, Notices, "comment", false),
        ];
        for &(lang, list, w, has) in table {
            assert_eq!(Lexicon::of(lang).has(list, w), has, "{lang:?} {list:?} {w}");
        }
        for &lang in Lang::ALL.iter() {
            let lex = Lexicon::of(lang);
            for list in [
                Statements,
                NpStop,
                Skippable,
                Determiners,
                Relatives,
                Conjunctions,
            ] {
                assert!(lex.list(list).len() >= 2, "{lang:?} {list:?}");
            }
        }
    }

    /// Every small list the rules ask for by name is in some language's `rule_words.tsv` (a
    /// misspelt name would silently find nothing).
    #[test]
    fn every_rule_list_the_rules_read_exists() {
        let code = [
            include_str!("speakers/mod.rs"),
            include_str!("speakers/de.rs"),
            include_str!("direct.rs"),
            include_str!("mod.rs"),
            include_str!("quotes.rs"),
            include_str!("../article/meta.rs"),
        ]
        .concat();
        let mut names = Vec::new();
        for call in ["is(\"", "rule(\"", "any_language(\"", "get(\""] {
            for (at, _) in code.match_indices(call) {
                let rest = &code[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    names.push(&rest[..end]);
                }
            }
        }
        assert!(names.len() > 40, "{}", names.len());
        for name in names {
            assert!(
                Lang::ALL
                    .iter()
                    .any(|&l| !Lexicon::of(l).rule(name).is_empty()),
                "{name}"
            );
        }
    }

    #[test]
    fn every_language_has_titles_pronouns_and_names() {
        for &lang in Lang::ALL.iter() {
            let lex = Lexicon::of(lang);
            assert!(lex.titles.len() >= 10, "{lang:?}");
            assert!(lex.pronoun_words.len() >= 2, "{lang:?}");
            assert!(lex.first_names.len() >= 600, "{lang:?}");
            assert!(lex.list(Words::Articles).len() >= 3, "{lang:?}");
            for w in lex.pronoun_words() {
                assert_eq!(lex.pronoun(w).map(|p| p.person), Some(3), "{lang:?} {w}");
            }
        }
    }

    /// One table per language: (word, abbreviated title, gender it marks).
    #[test]
    fn titles_by_language() {
        use Gender::*;
        type Row = (&'static str, bool, Option<Gender>);
        let table: &[(Lang, &[Row])] = &[
            (
                Lang::En,
                &[
                    ("sen", true, None),
                    ("rep", true, None),
                    ("gov", true, None),
                    ("mr", true, Some(Masculine)),
                    ("mrs", true, Some(Feminine)),
                    ("ms", true, Some(Feminine)),
                    ("dr", true, None),
                    ("prof", true, None),
                    ("pres", true, None),
                    ("lt", true, None),
                    ("gen", true, None),
                    ("senator", false, None),
                ],
            ),
            (
                Lang::De,
                &[
                    ("präsident", false, Some(Masculine)),
                    ("präsidentin", false, Some(Feminine)),
                    ("minister", false, Some(Masculine)),
                    ("frau", false, Some(Feminine)),
                    ("dr", true, None),
                ],
            ),
            (
                Lang::Nl,
                &[
                    ("minister", false, None),
                    ("dhr", true, Some(Masculine)),
                    ("mevr", true, Some(Feminine)),
                ],
            ),
            (
                Lang::Fr,
                &[
                    ("m", true, Some(Masculine)),
                    ("mme", true, Some(Feminine)),
                    ("ministre", false, None),
                ],
            ),
            (
                Lang::Es,
                &[
                    ("sr", true, Some(Masculine)),
                    ("sra", true, Some(Feminine)),
                    ("ministra", false, Some(Feminine)),
                ],
            ),
            (
                Lang::Pt,
                &[
                    ("sr", true, Some(Masculine)),
                    ("sra", true, Some(Feminine)),
                    ("ministro", false, Some(Masculine)),
                ],
            ),
        ];
        for (lang, rows) in table {
            let lex = Lexicon::of(*lang);
            for &(w, abbr, g) in *rows {
                assert!(lex.is_title(w), "{lang:?} {w}");
                assert_eq!(lex.is_abbreviated_title(w), abbr, "{lang:?} {w}");
                assert_eq!(lex.title_gender(w), g, "{lang:?} {w}");
            }
        }
        assert!(!Lexicon::of(Lang::En).is_title("said"));
        assert!(abbreviated_title_in_any_language("sra"));
        assert!(!abbreviated_title_in_any_language("senator"));
    }

    #[test]
    fn pronoun_genders_and_first_names() {
        use Gender::*;
        let table: &[(Lang, &str, Option<Gender>)] = &[
            (Lang::En, "he", Some(Masculine)),
            (Lang::En, "she", Some(Feminine)),
            (Lang::En, "they", None),
            (Lang::De, "er", Some(Masculine)),
            (Lang::Fr, "elle", Some(Feminine)),
            (Lang::Es, "él", Some(Masculine)),
            (Lang::Pt, "ela", Some(Feminine)),
            (Lang::Nl, "hij", Some(Masculine)),
        ];
        for &(lang, w, g) in table {
            assert_eq!(
                Lexicon::of(lang).pronoun(w).map(|p| p.gender),
                Some(g),
                "{lang:?} {w}"
            );
        }
        let en = Lexicon::of(Lang::En);
        assert_eq!(en.first_name_gender("john"), Some(Masculine));
        assert_eq!(en.first_name_gender("karen"), Some(Feminine));
        assert_eq!(en.first_name_gender("sasse"), None);
        // Names of a generation and a background beyond the commonest (the lists hold 600 to
        // 1,300 a language), and a name used for both sexes is none.
        for (lang, name, g) in [
            (Lang::En, "clarence", Masculine),
            (Lang::En, "rhonda", Feminine),
            (Lang::De, "jürgen", Masculine),
            (Lang::Fr, "françoise", Feminine),
            (Lang::Es, "guadalupe", Feminine),
            (Lang::Pt, "joão", Masculine),
            (Lang::Nl, "joost", Masculine),
        ] {
            assert_eq!(Lexicon::of(lang).first_name_gender(name), Some(g), "{name}");
        }
        assert_eq!(en.first_name_gender("kelly"), None);
        assert!(en.pronoun("they").is_some_and(|p| p.plural_only));
        assert!(en.takes_addressee("told") && !en.takes_addressee("said"));
        assert!(Lexicon::of(Lang::Fr).marks_addressee("à"));
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let f = Files {
            titles: "# c\n\nsen.\t-\nmrs.\tf\n",
            pronouns: "he\tx\tm\tsg\nshe\t3\tf\tsg\n",
            first_names: "ann\nbob\tm\n",
            reporting_verbs: "# verbs\nsaid\n",
            lists: std::array::from_fn(|i| if i == 0 { "the\n# c\n" } else { "" }),
            months: "mei\t5\nmaart\tx\n",
            ..files(Lang::En)
        };
        let lex = Lexicon::parse(Lang::En, &f);
        assert_eq!(lex.months, [("mei", 5)]);
        assert!(lex.is_abbreviated_title("sen"));
        assert_eq!(lex.pronoun_words(), ["she"]);
        assert_eq!(lex.first_name_gender("ann"), None);
        assert_eq!(lex.first_name_gender("bob"), Some(Gender::Masculine));
        assert!(lex.is_reporting_verb("said") && !lex.is_reporting_verb("# verbs"));
        assert!(lex.is_article("the") && !lex.is_article("# c"));
        assert!(lex.list(Words::NounArticles).is_empty());
        let rules = RuleWords::parse("# c\nas\tas like\nas\tso\nbad\n");
        assert_eq!(rules.get("as"), ["as", "like", "so"]);
        assert!(rules.get("bad").is_empty() && rules.get("none").is_empty());
    }
}
