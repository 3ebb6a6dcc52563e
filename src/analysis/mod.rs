//! Analysis of an article: its language, its quotes and its named entities.
//!
//! Pure functions over the article's text; every range is a byte range into that text.

pub mod entities;
pub mod gazetteer;
pub mod lang;
pub mod ner;
pub mod numbers;
pub mod quotes;
pub mod quotes_eval;
pub mod speakers;
pub mod text;

use crate::lang::Lang;
use serde::Serialize;
use std::ops::Range;

/// Everything the analysis found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Reported speech.
    Direct,
    /// A short quoted phrase that is not speech: a title, a scare quote.
    Scare,
}

/// Who a quote is attributed to, and where in the text the attribution names or refers to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// A quote: `start..end` is the quoted text without its quote marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
    Money,
    Number,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

impl Mention {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One entity with all its mentions grouped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Mention>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Analyses `text` (the whole article as decoded) whose content paragraphs are `blocks`
/// (byte ranges; the lead and headings included, the language list excluded).
pub fn analyze(text: &str, blocks: &[Range<usize>], language: Lang) -> Analysis {
    analyze_with_rules(text, blocks, language).0
}

/// Like [`analyze`], also naming for each quote the rule that found its speaker (`after`,
/// `before`, `carry`, `fallback` …; `none` without one), for the evaluation's error list.
pub fn analyze_with_rules(
    text: &str,
    blocks: &[Range<usize>],
    language: Lang,
) -> (Analysis, Vec<&'static str>) {
    // Keep only blocks that are valid ranges on character boundaries, in order.
    let mut valid: Vec<Range<usize>> = blocks
        .iter()
        .filter(|b| b.start <= b.end && text.get(b.start..b.end).is_some())
        .cloned()
        .collect();
    valid.sort_by_key(|b| b.start);
    valid.dedup_by(|b, a| b.start < a.end);
    let blocks = &valid[..];

    let mut nums = Vec::new();
    for b in blocks {
        numbers::find(text, b.clone(), language, &mut nums);
    }
    let (entities, located) = entities::find(text, blocks, language, nums);
    let found = quotes::find(text, blocks);
    let quoted: Vec<Range<usize>> = found.iter().map(|q| q.start..q.end).collect();
    let ctx = speakers::Ctx {
        text,
        lang: language,
        entities: &entities,
        located: &located,
        quoted: &quoted,
    };
    let attributions = speakers::attribute(&ctx, blocks, &found);
    let rules = attributions.iter().map(|a| a.rule).collect();
    let mut quotes = Vec::with_capacity(found.len());
    for (i, (q, a)) in found.iter().zip(attributions).enumerate() {
        let kind = quote_kind(
            text,
            &found,
            i,
            a.explicit && a.somebody,
            a.explicit,
            a.cue,
            language,
        );
        quotes.push(Quote {
            start: q.start,
            end: q.end,
            text: text.get(q.start..q.end).unwrap_or("").to_string(),
            kind,
            speaker: if kind == QuoteKind::Direct {
                a.speaker
            } else {
                None
            },
        });
    }
    (Analysis { quotes, entities }, rules)
}

/// A word that names what follows as a title or a name: `Film`, `Wochenzeitung` (a compound
/// ending in a title word), `Magazines` (a genitive).
fn is_title_word(word: &str) -> bool {
    let stems = [Some(word), word.strip_suffix("es"), word.strip_suffix('s')];
    stems.into_iter().flatten().any(|w| {
        TITLE_CONTEXT.contains(&w)
            || w.rsplit('-')
                .next()
                .is_some_and(|t| TITLE_CONTEXT.contains(&t))
            || TITLE_CONTEXT
                .iter()
                .any(|t| t.len() >= 5 && w.len() > t.len() && w.ends_with(t))
    })
}

/// Title words that make even a sentence a title: `unter dem Motto „Cannabis - ein Problem?!“`.
const STRONG_TITLES: &[&str] = &[
    "motto",
    "überschrift",
    "titel",
    "title",
    "titre",
    "film",
    "buch",
    "book",
    "album",
    "song",
    "roman",
    "slogan",
    "novel",
];

/// Articles: a quote right after one is used as a noun (lower case).
const ARTICLES: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "de", "het", "een", "the", "le", "la", "les", "un", "une", "el", "los", "las", "o", "a", "os",
    "as", "um", "uma",
];

/// Words before a quote that make it a title or a name rather than speech (lower case).
const TITLE_CONTEXT: &[&str] = &[
    "film",
    "boek",
    "book",
    "buch",
    "livre",
    "libro",
    "livro",
    "titel",
    "title",
    "titre",
    "título",
    "song",
    "lied",
    "nummer",
    "album",
    "zeitung",
    "magazin",
    "magazine",
    "krant",
    "newspaper",
    "journal",
    "motto",
    "slogan",
    "operatie",
    "operation",
    "operación",
    "operação",
    "programma",
    "program",
    "programm",
    "programme",
    "show",
    "serie",
    "series",
    "sendung",
    "project",
    "projekt",
    "projet",
    "proyecto",
    "projeto",
    "zogenaamde",
    "zogeheten",
    "so-called",
    "sogenannte",
    "sogenannten",
    "genannt",
    "genannte",
    "genannten",
    "genaamd",
    "called",
    "named",
    "dubbed",
    "heet",
    "heißt",
    "nommé",
    "nommée",
    "llamado",
    "llamada",
    "chamado",
    "chamada",
    "kampagne",
    "campaign",
    "campagne",
    "campaña",
    "campanha",
    "thema",
    "theme",
    "roman",
    "novel",
    "novela",
    "oper",
    "opera",
    "stück",
    "play",
    "pièce",
    "obra",
    "stichwort",
    "schlagwort",
    "begriff",
    "term",
    "term",
    "woord",
    "wort",
    "mot",
    "palabra",
    "palavra",
    "ausdruck",
    "expression",
    "uitdrukking",
    "rubrik",
    "kolumne",
    "column",
    "tagline",
    "kennwort",
    "codename",
    "codenaam",
    "spitzname",
    "bijnaam",
    "nickname",
    "surnom",
    "apodo",
    "alcunha",
    "apelido",
    "marke",
    "merk",
    "brand",
    "label",
    "festival",
    "tour",
    "tournee",
    "ausstellung",
    "exhibition",
    "tentoonstelling",
    "exposition",
    "dokumentation",
    "dokumentarfilm",
    "enzyklika",
    "zeitschrift",
    "fachblatt",
    "website",
    "webseite",
    "internetseite",
    "portal",
    "blog",
    "musical",
    "single",
    "kongress",
    "verein",
    "initiative",
    "bewegung",
    "leitlinie",
    "erstwerk",
    "werk",
    "sender",
    "fernsehsender",
    "radiosender",
    "kategorie",
    "domain",
    "organisation",
    "organization",
    "organisatie",
    "partei",
    "party",
    "partij",
    "parti",
    "partido",
    "bündnis",
    "gruppe",
    "bereich",
    "auszeichnung",
    "überschrift",
    "pille",
    "unternehmen",
];

/// Direct speech or a scare quote. Long quotes and quotes with sentence punctuation are speech,
/// unless a title word names them (`de film 'Het Leven'`); short phrases are speech only when
/// an attribution in their own sentence gives them a speaker (a partial quote).
fn quote_kind(
    text: &str,
    found: &[quotes::Found],
    i: usize,
    by_somebody: bool,
    explicit: bool,
    cue: bool,
    lang: Lang,
) -> QuoteKind {
    let q = &found[i];
    let inner = text.get(q.start..q.end).unwrap_or("");
    let words = inner.split_whitespace().count();
    let punct = inner
        .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', ')'])
        .ends_with(['.', '!', '?', '…', ','])
        || inner.contains(". ")
        || inner.contains("? ")
        || inner.contains("! ");
    let before = text.get(..q.open).unwrap_or("");
    let prev_word: String = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase();
    let titled = is_title_word(&prev_word);
    if q.reopened
        || (found
            .get(i + 1)
            .is_some_and(|n| n.reopened && n.group == q.group))
    {
        return QuoteKind::Direct;
    }
    if titled && (!punct || STRONG_TITLES.contains(&prev_word.as_str())) {
        return QuoteKind::Scare;
    }
    // A gloss or a name with its acronym: `(„Bewegung für ein besseres Ungarn“)`,
    // `„Rat für nationale Sicherheit“ (CNS)`.
    let rest = text.get(q.close_end..).unwrap_or("");
    let cut = (0..=16.min(rest.len()))
        .rev()
        .find(|&k| rest.is_char_boundary(k))
        .unwrap_or(0);
    let after = rest.get(..cut).unwrap_or("");
    let glossed = before.ends_with('(') && after.starts_with(')');
    let acronym = after
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(a, _)| {
            (2..=8).contains(&a.chars().count())
                && a.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    if (glossed || acronym) && !punct {
        return QuoteKind::Scare;
    }
    // `die „Kampagne für ein Freies Tibet“`, `der „Departement Information und Presse“`:
    // a capitalised phrase right after an article is a name used as a noun, unless the
    // sentence calls something by it (`bezeichnete es als eine „Zeitungsente“`).
    let starts_upper = inner.chars().next().is_some_and(|c| c.is_uppercase());
    let before_article = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .nth(1)
        .unwrap_or("")
        .to_lowercase();
    if starts_upper
        && !punct
        && ARTICLES.contains(&prev_word.as_str())
        && !matches!(
            before_article.as_str(),
            "als" | "as" | "comme" | "como" | "wie"
        )
    {
        return QuoteKind::Scare;
    }
    // A web address: `laut „news.bbc.co.uk“`.
    if !inner.contains(char::is_whitespace)
        && inner
            .trim_end_matches(['.', '/'])
            .split('.')
            .filter(|p| !p.is_empty())
            .count()
            >= 2
        && !inner.chars().any(|c| c.is_ascii_digit())
    {
        return QuoteKind::Scare;
    }
    let ends_sentence = inner
        .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', ')'])
        .ends_with(['.', '!', '?', '…'])
        || inner.contains(". ")
        || inner.contains("? ")
        || inner.contains("! ");
    if ends_sentence || (punct && words >= 4) {
        return QuoteKind::Direct;
    }
    // Every word capitalised (short function words aside): a name or a title.
    let name_like = inner
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && inner.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
                || w.chars().count() <= 3
        });
    // `die regierende „Ethiopian People's Revolutionary Democratic Front“`: a name after an
    // article and its adjectives.
    if name_like && !punct {
        let mut back = before.trim_end().rsplit(char::is_whitespace);
        let article_before = back
            .by_ref()
            .take(3)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .find(|w| {
                !w.chars().next().is_some_and(char::is_lowercase) || ARTICLES.contains(&w.as_str())
            })
            .is_some_and(|w| ARTICLES.contains(&w.as_str()));
        if article_before {
            return QuoteKind::Scare;
        }
    }
    if words >= 4 {
        return if name_like && !by_somebody {
            QuoteKind::Scare
        } else {
            QuoteKind::Direct
        };
    }
    // A short phrase: speech (a partial quote) when it is not a name and its sentence
    // reports someone's words.
    let lower_start = inner.chars().next().is_some_and(|c| c.is_lowercase());
    if (lower_start && (explicit || cue)) || (explicit && !name_like) {
        return QuoteKind::Direct;
    }
    // German capitalises every noun, so a capitalised word is no sign of a name there:
    // `nannte den Bericht eine „Zeitungsente“` is somebody's word.
    // It counts when the sentence names something by it: `als „X“`, `von einem „X“`,
    // `nannte den Bericht eine „X“`.
    let naming = |w: &str| matches!(w, "als" | "nannte" | "nennt" | "nannten" | "bezeichnete");
    if lang == Lang::De
        && by_somebody
        && words <= 3
        && (naming(&prev_word) || ARTICLES.contains(&prev_word.as_str()) && naming(&before_article))
    {
        return QuoteKind::Direct;
    }
    QuoteKind::Scare
}

#[cfg(test)]
mod tests;
