//! Direct speech or a scare quote: whether a quoted phrase is somebody's words or the
//! writer's marks around a name, a title, a term or a code.

use super::lexicon::{self, Lexicon, Words};
use super::{quotes, text, QuoteKind};
use crate::lang::Lang;

/// The quoted text ends a sentence or holds one.
pub(super) fn ends_sentence(inner: &str) -> bool {
    let inner = strip_abbreviation_period(inner);
    inner
        .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', ')'])
        .ends_with(['.', '!', '?', '…'])
        || inner.contains("? ")
        || inner.contains("! ")
        || inner.match_indices(". ").any(|(i, _)| {
            // Not after an ordinal or an abbreviation: `4. Winterwelt`, `St. Pauli`.
            let word = inner[..i].rsplit(char::is_whitespace).next().unwrap_or("");
            let ordinal = !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
            let abbreviation = word.contains('.')
                || (word.chars().count() <= 2 && word.starts_with(char::is_uppercase))
                || lexicon::rule_in_any_language("sentence_abbreviations", &word.to_lowercase());
            !ordinal && !abbreviation
        })
}

/// A word that names what follows as a title or a name (`quote_titles.txt`): `Film`,
/// `Wochenzeitung` (a compound ending in a title word of five letters or more), `Magazines`
/// (a genitive).
fn is_title_word(word: &str, lex: &Lexicon) -> bool {
    let titles = lex.list(Words::QuoteTitles);
    let stems = [Some(word), word.strip_suffix("es"), word.strip_suffix('s')];
    stems.into_iter().flatten().any(|w| {
        titles.contains(&w)
            || w.rsplit('-').next().is_some_and(|t| titles.contains(&t))
            || titles
                .iter()
                .any(|t| t.len() >= 5 && w.len() > t.len() && w.ends_with(t))
    })
}

/// Up to `n` words (lower case, edge punctuation trimmed) of the clause before byte `at`,
/// nearest first; the clause ends at sentence punctuation, a colon or another quote mark.
fn clause_words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    let from = at.saturating_sub(160);
    let from = (from..at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    let window = text.get(from..at).unwrap_or("");
    let clause = window
        .rsplit(['.', '!', '?', ':', ';', '„', '“', '”', '"', '«', '»', '\n'])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect()
}

/// Up to `n` words of the clause after byte `at`, in order (see [`clause_words_before`]).
fn clause_words_after(text: &str, at: usize, n: usize) -> Vec<String> {
    let to = (at + 120).min(text.len());
    let to = (at..=to)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let window = text.get(at..to).unwrap_or("");
    let clause = window
        .split([
            '.', '!', '?', ':', ';', ',', '„', '“', '”', '"', '«', '»', '\n', '(',
        ])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect()
}

/// The quote is what somebody calls something or speaks of, so it is their word (German:
/// `nannte den Bericht eine „…“`, `bezeichnete die Pläne als „…“`, `sprach von einer „…“`,
/// `warnte vor den „…“`, `der die Maßnahme als „…“ sieht`). Not when something names itself
/// or is generally called so (`nennt sich „…“`, `nennt man einen „…“`). The words are the
/// lists of `rule_words.tsv` (`names_verbs`, `calls_as_verbs`, `speaks_of_verbs` …); a
/// language without them has no such check.
fn called(text: &str, open: usize, close_end: usize, lex: &Lexicon) -> bool {
    if lex.rule("names_verbs").is_empty() {
        return false;
    }
    let before = clause_words_before(text, open, 9);
    let after = clause_words_after(text, close_end, 4);
    let Some(w0) = before.first().map(String::as_str) else {
        return false;
    };
    if before
        .iter()
        .chain(&after)
        .any(|w| lex.is("reflexives", w) || lex.is("generic_subjects", w))
    {
        return false;
    }
    // The words between the verb and the quote: an object (`den Bericht`), adverbs.
    let verb_before =
        |list: &str, within: usize| before.iter().take(within).skip(1).any(|w| lex.is(list, w));
    let w1 = before.get(1).map_or("", String::as_str);
    let indefinite = |w: &str| lex.is("indefinite_articles", w);
    // `nannte X einen „…“`
    if indefinite(w0) && verb_before("names_verbs", 8) {
        return true;
    }
    // `bezeichnete X als (ein) „…“`, `X als „…“ bezeichnet hatte`
    let as_word = |w: &str| lex.is("as_predicative", w);
    let als = as_word(w0) || (as_word(w1) && (indefinite(w0) || lex.is_article(w0)));
    // A present passive names a thing in general: `der als „Sonnenwind“ bezeichnet wird`.
    let generic = after.iter().any(|w| lex.is("present_passive", w));
    if als
        && !generic
        && (verb_before("calls_as_verbs", 9) || after.iter().any(|w| lex.is("calls_as_verbs", w)))
    {
        return true;
    }
    // `sprach (deshalb) von einer (regelrechten) „…“`, `warnte vor den „…“`,
    // `von einem „…“ sprachen`
    if let Some(k) = before
        .iter()
        .take(4)
        .position(|w| lex.is("speaks_of_preps", w))
    {
        let between_ok = before[..k]
            .iter()
            .all(|w| lex.is_article(w) || w.chars().next().is_some_and(char::is_lowercase));
        let verb = before
            .iter()
            .skip(k + 1)
            .take(4)
            .any(|w| lex.is("speaks_of_verbs", w))
            || after.first().is_some_and(|w| lex.is("speaks_of_verbs", w));
        if between_ok && verb {
            return true;
        }
    }
    false
}

/// `inner` without the period of a closing abbreviation (`e.V.`, `S.A.`, `Inc.`, `Co.`).
fn strip_abbreviation_period(inner: &str) -> &str {
    let Some(body) = inner.strip_suffix('.') else {
        return inner;
    };
    let last = body.rsplit(char::is_whitespace).next().unwrap_or("");
    let dotted = last.contains('.')
        && last
            .split('.')
            .all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    let short = lexicon::rule_in_any_language("closing_abbreviations", &last.to_lowercase());
    if body.contains(char::is_whitespace) && (dotted || short) {
        body
    } else {
        inner
    }
}

/// A noun that introduces a name or a title (`name_nouns`; German: `der Name`, `die
/// Bezeichnung`), compounds included (`Gattungsname`, `Arbeitstitel`).
fn name_noun(w: &str, lex: &Lexicon) -> bool {
    lex.rule("name_nouns")
        .iter()
        .any(|n| w == *n || (w.len() > n.len() + 2 && w.ends_with(n)))
}

/// The quote is a name or a title the sentence introduces as one (German: `Der Name lautet
/// „…“`, `„…“, so lautet der Titel`, `die sich „…“ nennt`, `Den Namen gab das ZDF bekannt:
/// „…“`); a language without the lists of `rule_words.tsv` has no such check.
fn named(text: &str, open: usize, close_end: usize, lex: &Lexicon) -> bool {
    if lex.rule("name_nouns").is_empty() {
        return false;
    }
    let before = clause_words_before(text, open, 8);
    let after = clause_words_after(text, close_end, 6);
    let after_so = {
        // `„…“, so lautet der Titel`: the clause after a comma.
        let rest = text.get(close_end..).unwrap_or("");
        match rest.strip_prefix(',') {
            Some(r) => clause_words_after(text, close_end + (rest.len() - r.len()), 6),
            None => Vec::new(),
        }
    };
    let words = || before.iter().chain(&after).chain(&after_so);
    if words().any(|w| lex.is("name_is_verbs", w)) && words().any(|w| name_noun(w, lex)) {
        return true;
    }
    if words().any(|w| lex.is("reflexives", w)) && words().any(|w| lex.is("names_verbs", w)) {
        return true;
    }
    // `die sich als „…“ präsentiert`, `sich selbst als „…“ versteht`: a self-description.
    let b = |k: usize| before.get(k).map_or("", String::as_str);
    if lex.is("as_predicative", b(0))
        && (lex.is("reflexives", b(1))
            || (lex.is("reflexives", b(2)) && lex.is("self_words", b(1))))
    {
        return true;
    }
    // A translation or gloss: `(übersetzt etwa: „…“)`, `(deutsch „…“)`.
    let head = text.get(..open).unwrap_or("");
    // Only a parenthesis less than 40 bytes back counts, so the search looks no further back
    // (the whole text before every quote made long German articles quadratic).
    let mut from = head.len().saturating_sub(40);
    while !head.is_char_boundary(from) {
        from -= 1;
    }
    let paren = head[from..]
        .rfind('(')
        .map(|p| p + from)
        .filter(|&p| !head[p..].contains(')'));
    if let Some(p) = paren {
        let inside = head[p..].to_lowercase();
        if lex.rule("gloss_words").iter().any(|w| inside.contains(w)) && head.len() - p < 40 {
            return true;
        }
    }
    // A colon after a clause about a name: `Den Namen der Sendung gab das ZDF bekannt: „…“`.
    let head = text.get(..open).unwrap_or("").trim_end();
    if let Some(h) = head.strip_suffix(':') {
        return clause_words_before(text, h.len(), 10)
            .iter()
            .any(|w| name_noun(w, lex));
    }
    false
}

/// A slogan somebody chants or carries (German: `skandierten Parolen wie „…“`, `mit der
/// Aufschrift „…“`, `Sprüche wie „…“`): `slogan_nouns` or `chant_verbs`, with only
/// `example_words` between it and the quote.
fn slogan(text: &str, open: usize, lex: &Lexicon) -> bool {
    if lex.rule("slogan_nouns").is_empty() {
        return false;
    }
    let before = clause_words_before(text, open, 5);
    let slogan = |w: &str| {
        lex.rule("slogan_nouns")
            .iter()
            .any(|n| w == *n || (w.len() > n.len() + 2 && w.ends_with(n)))
            || lex.is("chant_verbs", w)
    };
    let Some(k) = before.iter().position(|w| slogan(w)) else {
        return false;
    };
    before[..k].iter().all(|w| lex.is("example_words", w))
}

/// The phrase `inner` (quoted at `open..close_end`) also stands without quote marks in the
/// headline or within a few paragraphs around the quote.
fn term_used_unquoted(text: &str, open: usize, close_end: usize, inner: &str) -> bool {
    let needle = inner.trim().to_lowercase();
    if needle.chars().count() < 6 {
        return false;
    }
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let windows = [
        0..floor(300).min(open),
        floor(open.saturating_sub(3000))..open,
        floor(close_end)..floor(close_end + 3000),
    ];
    windows.iter().any(|w| {
        let hay = text::to_lower(text.get(w.clone()).unwrap_or(""));
        hay.match_indices(&needle).any(|(i, _)| {
            let marks = "\"'«»“”„‘’‹›";
            let (head, tail) = (&hay[..i], &hay[i + needle.len()..]);
            let word_edge = !head.chars().next_back().is_some_and(char::is_alphanumeric)
                && !tail.chars().next().is_some_and(char::is_alphanumeric);
            let near = |c: Option<char>| c.is_some_and(|c| marks.contains(c));
            word_edge
                && !near(head.trim_end().chars().next_back())
                && !near(tail.trim_start().chars().next())
        })
    })
}

/// A quote and the words around it, as the checks of [`quote_kind`] read them.
struct Quoted<'a> {
    text: &'a str,
    q: &'a quotes::Found,
    /// The quoted text, without the period of a closing abbreviation.
    inner: &'a str,
    /// Its number of words.
    words: usize,
    ends_sentence: bool,
    /// It ends a sentence or with a comma.
    punct: bool,
    /// The text before the opening mark.
    before: &'a str,
    /// The word right before the quote and the one before that (lower case).
    prev_word: String,
    before_article: String,
    /// Every word capitalised (short function words aside): a name or a title.
    name_like: bool,
    lang: Lang,
    /// The words of the article's language.
    lex: &'static Lexicon,
}

impl<'a> Quoted<'a> {
    fn new(text: &'a str, q: &'a quotes::Found, lang: Lang) -> Quoted<'a> {
        let raw = text.get(q.start..q.end).unwrap_or("");
        // The period of an abbreviation ends no sentence: `… Gesellschaft e.V.`, `Ener1
        // Group Inc.`.
        let inner = strip_abbreviation_period(raw);
        let us_name = us_punctuated_name(inner, lang);
        let ends_sentence = !us_name && ends_sentence(inner);
        let punct = !us_name && ends_sentence
            || inner
                .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', ')'])
                .ends_with(',');
        let before = text.get(..q.open).unwrap_or("");
        let prev_word = before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        let before_article = before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .nth(1)
            .unwrap_or("")
            .to_lowercase();
        let upper_or_digit = |c: char| c.is_uppercase() || c.is_ascii_digit();
        let name_like = inner.chars().next().is_some_and(upper_or_digit)
            && inner.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| upper_or_digit(c) || !c.is_alphanumeric())
                    || w.chars().count() <= 3
            });
        Quoted {
            text,
            q,
            inner,
            words: raw.split_whitespace().count(),
            ends_sentence,
            punct,
            before,
            prev_word,
            before_article,
            name_like,
            lang,
            lex: Lexicon::of(lang),
        }
    }
}

/// Direct speech or a scare quote. Long quotes and quotes with sentence punctuation are speech,
/// unless a title word names them (`de film 'Het Leven'`); short phrases are speech only when
/// an attribution in their own sentence gives them a speaker (a partial quote).
pub(super) fn quote_kind(
    text: &str,
    found: &[quotes::Found],
    i: usize,
    by_somebody: bool,
    explicit: bool,
    cue: bool,
    lang: Lang,
) -> QuoteKind {
    let q = &found[i];
    if q.reopened
        || (found
            .get(i + 1)
            .is_some_and(|n| n.reopened && n.group == q.group))
    {
        return QuoteKind::Direct;
    }
    let q = Quoted::new(text, q, lang);
    if titled(&q) || glossed(&q) || name_or_code(&q) {
        return QuoteKind::Scare;
    }
    if called(text, q.q.open, q.q.close_end, q.lex)
        || slogan(text, q.q.open, q.lex)
        || headline_single(&q)
        || colon_intro(&q)
    {
        return QuoteKind::Direct;
    }
    if name_after_article(&q) || web_address(q.inner) {
        return QuoteKind::Scare;
    }
    if q.ends_sentence || (q.punct && q.words >= 4) {
        return QuoteKind::Direct;
    }
    if q.name_like && !q.punct && article_before_name(&q) {
        return QuoteKind::Scare;
    }
    short_phrase(&q, by_somebody, explicit, cue)
}

/// A title word names the quote (`de film 'Het Leven'`), unless it ends the sentence or the
/// paragraph before: a word that ends the sentence before (`… el plan de obras. «Es …»`)
/// names nothing, and neither does one before a colon (`resumió con una frase: «…»`), which
/// introduces what is said. A quote with sentence punctuation is named only by a strong title
/// word.
fn titled(q: &Quoted) -> bool {
    let titled = is_title_word(&q.prev_word, q.lex)
        && !q.before.trim_end().ends_with(['.', '!', '?', ':'])
        && !q
            .before
            .trim_end_matches([' ', '\t', '\u{a0}'])
            .ends_with('\n');
    titled && (!q.punct || q.lex.is("strong_titles", &q.prev_word))
}

/// A phrase in single quotation marks in a headline: headlines quote in single marks
/// (`Judge calls map ‘a rigged game’`, `burgemeester: 'Dit is ondermijning'`), so it is
/// somebody's words unless it is a name (every word capitalised).
fn headline_single(q: &Quoted) -> bool {
    let opens_single = q
        .text
        .get(q.q.open..q.q.start)
        .is_some_and(|m| m.starts_with(['‘', '\'']));
    opens_single && !q.name_like && text::headline_at(q.text, q.q.open).is_some()
}

/// A colon introduces the quote: what follows is said or written (`Op een spandoek stond:
/// 'Blijf van De Kolk af'`), even when it reads like a name. Not in German, whose corpus has
/// terms and titles after a colon that it does not count as quotes: there the rule adds six
/// false quotes on the train split.
fn colon_intro(q: &Quoted) -> bool {
    q.lang != Lang::De && q.before.trim_end().ends_with(':')
}

/// A name whose sentence ends with it, the period or comma set inside the marks as American
/// English does (`a restructuring it calls “Next Drive.”`): two to four capitalised words
/// and no other punctuation.
fn us_punctuated_name(inner: &str, lang: Lang) -> bool {
    let Some(body) = inner.strip_suffix(['.', ',']) else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    lang == Lang::En
        && (2..=4).contains(&words.len())
        && !body.contains(['.', ',', '!', '?', ';', ':'])
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// `s` is an acronym: two to eight capitals or digits.
fn acronym(s: &str) -> bool {
    (2..=8).contains(&s.chars().count())
        && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A gloss or a name with its acronym, without sentence punctuation: `(„Bewegung für ein
/// besseres Ungarn“)`, `„Rat für nationale Sicherheit“ (CNS)`.
fn glossed(q: &Quoted) -> bool {
    let rest = q.text.get(q.q.close_end..).unwrap_or("");
    let cut = (0..=16.min(rest.len()))
        .rev()
        .find(|&k| rest.is_char_boundary(k))
        .unwrap_or(0);
    let after = rest.get(..cut).unwrap_or("");
    let glossed = q.before.ends_with('(') && after.starts_with(')');
    let with_acronym = after
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(a, _)| acronym(a));
    (glossed || with_acronym) && !q.punct
}

/// A name with its acronym inside the marks (`„Rat für … Monarchie (CDRM)“`), a numbered
/// edition or event (`die „4. Winterwelt“`, `in der „XX. Kategorie“`), a code of letters and
/// digits (`die Beiwagen „c4“`, `der Typ „E1“`), or a name or title the sentence
/// introduces as one ([`named`]).
fn name_or_code(q: &Quoted) -> bool {
    let inner = q.inner;
    let inner_acronym = inner
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .is_some_and(|(head, a)| head.ends_with(char::is_whitespace) && acronym(a));
    let numbered = inner.split_whitespace().next().is_some_and(|w| {
        w.len() > 1
            && w.ends_with('.')
            && w[..w.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
    }) && q.words >= 2
        && !q.ends_sentence;
    let code = !inner.contains(char::is_whitespace)
        && inner.chars().count() <= 8
        && inner.chars().any(|c| c.is_ascii_digit())
        && inner.chars().any(char::is_alphabetic);
    inner_acronym
        || code
        || numbered
        || (!q.ends_sentence && named(q.text, q.q.open, q.q.close_end, q.lex))
}

/// `die „Kampagne für ein Freies Tibet“`, `der „Departement Information und Presse“`: a
/// capitalised phrase right after an article is a name used as a noun, unless the sentence
/// calls something by it (`bezeichnete es als eine „Zeitungsente“`).
fn name_after_article(q: &Quoted) -> bool {
    q.inner.chars().next().is_some_and(|c| c.is_uppercase())
        && !q.punct
        && q.lex.is_article(&q.prev_word)
        && !q.lex.is("as_like", &q.before_article)
}

/// A web address: `laut „news.bbc.co.uk“`.
fn web_address(inner: &str) -> bool {
    !inner.contains(char::is_whitespace)
        && inner
            .trim_end_matches(['.', '/'])
            .split('.')
            .filter(|p| !p.is_empty())
            .count()
            >= 2
        && !inner.chars().any(|c| c.is_ascii_digit())
}

/// `die regierende „Ethiopian People's Revolutionary Democratic Front“`: an article, and
/// perhaps adjectives, within three words before the quote.
fn article_before_name(q: &Quoted) -> bool {
    q.before
        .trim_end()
        .rsplit(char::is_whitespace)
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| !w.chars().next().is_some_and(char::is_lowercase) || q.lex.is_article(w))
        .is_some_and(|w| q.lex.is_article(&w))
}

/// The kind of a quote without sentence punctuation, by its length and attribution. A long
/// one is speech unless it is name-like and nobody's. A term the article also uses without
/// marks (`«noches tropicales»` after a headline about `Las noches tropicales`) is the
/// writer's word, not a quote. A short phrase is speech (a partial quote) when it is not a
/// name and its sentence reports someone's words.
fn short_phrase(q: &Quoted, by_somebody: bool, explicit: bool, cue: bool) -> QuoteKind {
    if q.words >= 4 {
        return if q.name_like && !by_somebody {
            QuoteKind::Scare
        } else {
            QuoteKind::Direct
        };
    }
    if q.lang != Lang::De && term_used_unquoted(q.text, q.q.open, q.q.close_end, q.inner) {
        return QuoteKind::Scare;
    }
    let lower_start = q.inner.chars().next().is_some_and(|c| c.is_lowercase());
    if (lower_start && (explicit || cue)) || (explicit && !q.name_like) {
        return QuoteKind::Direct;
    }
    // Where every noun is capitalised (German), a capitalised word is no sign of a name:
    // `nannte den Bericht eine „Zeitungsente“` is somebody's word. It counts when the
    // sentence names something by it (`naming_words`): `als „X“`, `von einem „X“`, `nannte
    // den Bericht eine „X“`.
    let naming = |w: &str| q.lex.is("naming_words", w);
    if by_somebody
        && q.words <= 3
        && (naming(&q.prev_word) || q.lex.is_article(&q.prev_word) && naming(&q.before_article))
    {
        return QuoteKind::Direct;
    }
    QuoteKind::Scare
}
