//! Named entities: the statistical model's spans ([`super::ner::recognize_blocks`], over the
//! article in windows of up to 64 KB) decide; checks around them refuse what does not look like a
//! name, fix confusions of kind with the gazetteer and with titles, and add persons named
//! after a title where the model saw nothing. Each check is a named pass ([`passes`]).
//! Mentions are grouped into entities (a lone surname joins the person named in full). The rules that used to find
//! names themselves cost precision on annotated news and are gone; `docs/accuracy.md` has the
//! measurements.

use super::gazetteer::{self, GazKind};
use super::lexicon::{honorifics, Lexicon, NameWords};
use super::ner::{self, NameKind, NameSpan};
use super::numbers::Found;
use super::text::{self, is_acronym, starts_upper, Word};
use super::{Entity, EntityKind, Mention};
use crate::lang::Lang;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod nationality;
pub mod passes;
mod title_case;
mod titled;
use nationality::{german_nationality_adjectives, german_place_adjectives};
use passes::{on, Pass};
use titled::{titled_people, Ctx};

/// One mention with the entity it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// A mention before grouping.
#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    kind: EntityKind,
    /// Grouping key: a gazetteer key or the normalised name.
    key: String,
    /// Display name for the entity.
    display: String,
    /// Found by the model (not by the title rule).
    model: bool,
}

/// A language's personal and demonstrative pronouns (lower case): a word alone that is one
/// is no name, though it opens a sentence capitalised (`Cela semble fermer la porte`, where
/// the model, taught by Spanish news in which Cela is a novelist, saw a person).
fn pronoun(lower: &str, lang: Lang) -> bool {
    NameWords::of(lang).pronouns.contains(lower)
}

/// How many bytes at the end of a span of two words or more are a sentence opener (an
/// article, a pronoun or a few adverbs, which never end a name) and the space before it (0
/// for none). In transcribed interviews a name runs into the answer after it (`Paula Toller
/// Isso é uma coisa…`, `Alec Nunca usei…`).
fn trailing_opener(surface: &str, lang: Lang) -> usize {
    let Some((_, last)) = surface.rsplit_once(' ') else {
        return 0;
    };
    let lower = last.to_lowercase();
    let w = NameWords::of(lang);
    // A single letter ends names (`Série A`, `Nicholas I`).
    if last.chars().count() > 1 && (w.openers.contains(lower.as_str()) || pronoun(&lower, lang)) {
        last.len() + 1
    } else {
        0
    }
}

/// How many bytes of a span the model found open with an indefinite article or quantifier
/// (`A Department for Transport`, `Plusieurs vignerons du Beaujolais`) and the lower-case
/// words after it (0 for none): the name starts at the next capitalised word. `None` when
/// no name is left, and in German (where every noun is capitalised, `Mehrere Soldaten`
/// holds no name). Kept whole: a person (`An`, `Una` and `Uma` are first names too) and a
/// capitalised word right after the article (titles of works, `A Room with a View`, `A
/// Tribe Called Quest`, cost 0.06 on English WikiANN when cut).
fn leading_article(surface: &str, lang: Lang, kind: NameKind) -> Option<usize> {
    let mut words = surface.split(' ');
    let first = words.next()?;
    let second_lower = surface
        .split(' ')
        .nth(1)
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    if kind == NameKind::Per
        || !NameWords::of(lang)
            .indefinites
            .contains(first.to_lowercase().as_str())
        || (lang != Lang::De && !second_lower)
    {
        return Some(0);
    }
    if lang == Lang::De {
        return None;
    }
    let mut at = first.len() + 1;
    for w in words {
        if w.starts_with(char::is_uppercase) {
            return Some(at);
        }
        at += w.len() + 1;
    }
    None
}

/// Whether a span the model found can be a name: it does not open with a lower-case word
/// (unless it is one word, like the lower-case nationalities `amerikanische`, `français`) or
/// with a possessive, demonstrative or quantifier (`Unsere Truppen`, `Our troops`), does not
/// end with a lower-case word (`Ministerio de`, `Sanctions et impasse diplomatique`), and has
/// at most ten words. Lower-case words inside are allowed (`Banco de España`, `Partido dos
/// Trabalhadores`). Allowing only short connectors inside cost recall on the annotated
/// news; rejecting a lower-case last word cost nothing there (`krant-eval`). A name of
/// several words has a capital letter somewhere, and one of a single word has a letter: a
/// date (`1er janvier 2027`) or a bare number is no name.
fn plausible_name(surface: &str, lang: Lang) -> bool {
    let ws: Vec<&str> = surface.split_whitespace().collect();
    if !surface.chars().any(char::is_alphabetic)
        || (ws.len() > 1 && !surface.chars().any(char::is_uppercase))
    {
        return false;
    }
    if ws.len() > 1 {
        let possessives = &NameWords::of(lang).possessives;
        if possessives.contains(ws[0].to_lowercase().as_str())
            || ws[0].starts_with(char::is_lowercase)
            || ws.last().is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            return false;
        }
    }
    ws.len() <= 10
}

/// `lower` is a title or function in any language (`generaal`, `Außenminister`): a title
/// of another language still introduces a person (`Sheikh`, `Sir`, `Mr` in news of any
/// language), and applying only the article's language's titles cost Spanish dev F1.
pub fn is_title(lower: &str) -> bool {
    NameWords::any().is_function(lower)
}

/// Finds the entities and their mentions. The second value lists every mention in text order
/// with the index of its entity (for the speakers pass). Block by block, the rules propose
/// persons named after a title and words of nationality, the model's spans are checked and
/// corrected, and the two are merged; then mentions inside numbers go, people are grouped and
/// the entities built.
pub fn find(
    text: &str,
    blocks: &[Range<usize>],
    lang: Lang,
    mut numbers: Vec<Found>,
) -> (Vec<Entity>, Vec<Located>) {
    numbers.sort_by_key(|f| (f.start, f.end));
    debug_assert!(numbers.windows(2).all(|w| w[0].end <= w[1].start));
    let mut ctx = Ctx {
        text,
        lang,
        buf: String::new(),
    };
    let found = recognize(text, blocks, lang);
    let mut raws: Vec<Raw> = Vec::new();
    // Numbers that turn out to be part of a name.
    let mut named_numbers = vec![false; numbers.len()];
    let mut next = 0;
    let mut words = Vec::new();
    for b in blocks {
        words.clear();
        text::words(text, b.clone(), &mut words);
        let (rule, portfolios) = rule_mentions(&mut ctx, &words);
        while next < found.len() && found[next].start < b.start {
            next += 1;
        }
        let from = next;
        while next < found.len() && found[next].end <= b.end {
            next += 1;
        }
        let mut model: Vec<Raw> = found[from..next]
            .iter()
            .filter_map(|n| model_mention(text, lang, n, &numbers, &mut named_numbers))
            .collect();
        if on(Pass::Portfolios) {
            split_portfolios(text, &mut model, &rule, &portfolios);
        }
        merge(&mut raws, rule, model);
    }
    if on(Pass::TitleCase) {
        if let Some(headline) = title_case::title_case_headline(text, blocks) {
            title_case::body_names_only(text, &headline, &mut raws);
        }
    }
    // Words of a sum, number or date are not also a name (`350 Milliarden Dollar`).
    let numbers: Vec<Found> = numbers
        .into_iter()
        .zip(named_numbers)
        .filter(|(_, named)| !named)
        .map(|(f, _)| f)
        .collect();
    if on(Pass::Numbers) {
        raws.retain(|r| overlapping(&numbers, r.start, r.end).is_empty());
    }
    raws.sort_by_key(|r| (r.start, r.end));
    if on(Pass::Surnames) {
        lone_surnames(text, blocks, &mut raws);
    }
    group_people(&mut raws, lang);
    if lang == Lang::De && on(Pass::DeGenitives) {
        german_genitives(&mut raws);
    }
    if lang == Lang::De && on(Pass::DeLonePersons) {
        unknown_lone_persons(&mut raws);
    }
    build(text, raws, numbers)
}

/// The model's spans over the blocks. The model reads the article at once, so that its
/// document-level features see it; a longer text in windows of about 64 KB (a long
/// article's worth), which bounds the token features held at a time.
fn recognize(text: &str, blocks: &[Range<usize>], lang: Lang) -> Vec<NameSpan> {
    let mut found = Vec::new();
    let mut from = 0;
    while from < blocks.len() {
        let mut to = from + 1;
        let mut bytes = blocks[from].len();
        while to < blocks.len() && bytes + blocks[to].len() <= NER_WINDOW {
            bytes += blocks[to].len();
            to += 1;
        }
        found.extend(ner::recognize_blocks(lang, text, &blocks[from..to]));
        from = to;
    }
    if on(Pass::Joined) {
        join_split_people(text, &mut found);
    }
    if on(Pass::Coordinated) {
        split_coordinated_people(text, &mut found, lang);
    }
    if on(Pass::Nicknames) {
        join_nicknames(text, &mut found);
    }
    found
}

/// The end of a nickname in quotation marks that follows byte `at` (` “Buddy” `): one to
/// three capitalised words between a pair of marks, a space on either side. Returns where
/// the next name must start.
fn nickname_after(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix(' ')?;
    let open = rest.chars().next()?;
    let close = match open {
        '“' => '”',
        '"' => '"',
        '‘' => '’',
        '\'' => '\'',
        '«' => '»',
        _ => return None,
    };
    let inner_at = open.len_utf8();
    // The closing mark within a nickname's length: no search through the rest of the text.
    let mut cut = rest.len().min(inner_at + 4 * 24 + 4);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let len = rest[inner_at..cut].find(close)?;
    let inner = &rest[inner_at..inner_at + len];
    let words: Vec<&str> = inner.split(' ').collect();
    let name_like = (1..=3).contains(&words.len())
        && inner.chars().count() <= 24
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        });
    let after = &rest[inner_at + len + close.len_utf8()..];
    (name_like && after.starts_with(' ')).then(|| text.len() - after.len() + 1)
}

/// A person's name with a nickname in quotation marks between first name and surname is one
/// name (`Walter “Buddy” Pellham`), not two persons and a third for the nickname: the model's
/// spans from the first name to the surname become one person span.
fn join_nicknames(text: &str, found: &mut Vec<NameSpan>) {
    let mut out: Vec<NameSpan> = Vec::with_capacity(found.len());
    let mut i = 0;
    while i < found.len() {
        let n = found[i];
        i += 1;
        if n.kind == NameKind::Per {
            if let Some(next_at) = nickname_after(text, n.end) {
                // Spans inside the nickname are part of it.
                let mut j = i;
                while j < found.len() && found[j].end < next_at {
                    j += 1;
                }
                if let Some(last) = found.get(j).filter(|m| {
                    m.start == next_at
                        && m.kind == NameKind::Per
                        && found[i..j].iter().all(|k| k.start > n.end)
                }) {
                    out.push(NameSpan { end: last.end, ..n });
                    i = j + 1;
                    continue;
                }
            }
        }
        out.push(n);
    }
    *found = out;
}

/// Splits a person span at a conjunction of the language between capitalised words when
/// the words on both sides end names of people the article names in full (`Thomas Bishop`,
/// `Dale Whitcomb` … `[Bishop and Whitcomb] spoke` → `[Bishop]`, `[Whitcomb]`); a title
/// such as `Bonnie and Clyde` stays whole.
fn split_coordinated_people(text: &str, found: &mut Vec<NameSpan>, lang: Lang) {
    let lex = super::lexicon::Lexicon::of(lang);
    let conjunction = |w: &&str| lex.has(super::lexicon::Words::Conjunctions, w);
    let surnames: HashSet<&str> = found
        .iter()
        .filter(|n| n.kind == NameKind::Per)
        .filter_map(|n| text.get(n.start..n.end))
        .filter(|s| s.contains(' ') && !s.split(' ').any(|w| conjunction(&w)))
        .filter_map(|s| s.rsplit(' ').next())
        .collect();
    let mut out: Vec<NameSpan> = Vec::with_capacity(found.len());
    for n in found.drain(..) {
        let surface = text.get(n.start..n.end).unwrap_or("");
        let words: Vec<&str> = surface.split(' ').collect();
        let parts: Vec<&[&str]> = words.split(conjunction).collect();
        let split = n.kind == NameKind::Per
            && parts.len() > 1
            && parts
                .iter()
                .all(|p| p.last().is_some_and(|w| surnames.contains(w)));
        let mut start = n.start;
        if split {
            // Each conjunction ends the name before it; the next starts after it.
            let mut at = n.start;
            for w in &words {
                if conjunction(w) {
                    out.push(NameSpan {
                        start,
                        end: at.saturating_sub(1).max(start),
                        kind: n.kind,
                    });
                    start = at + w.len() + 1;
                }
                at += w.len() + 1;
            }
        }
        out.push(NameSpan { start, ..n });
    }
    out.retain(|n| n.end > n.start);
    *found = out;
}

/// Joins a person span and a title word the model marked as a person of its own, one space
/// after it (`[Treasurer Wade] [Bishop]`): the model split the name at a surname that is
/// also a word.
fn join_split_people(text: &str, found: &mut Vec<NameSpan>) {
    let mut out: Vec<NameSpan> = Vec::with_capacity(found.len());
    for n in found.drain(..) {
        if let Some(last) = out.last_mut() {
            if last.kind == NameKind::Per
                && n.kind == NameKind::Per
                && text.get(last.end..n.start) == Some(" ")
                && text
                    .get(n.start..n.end)
                    .is_some_and(|w| !w.contains(' ') && is_title(&w.to_lowercase()))
            {
                last.end = n.end;
                continue;
            }
        }
        out.push(n);
    }
    *found = out;
}

/// What the rules find in one block's words: persons named after a title, and in German
/// the words of nationality and place the model does not mark.
fn rule_mentions(ctx: &mut Ctx, words: &[Word]) -> (Vec<Raw>, Vec<(Range<usize>, usize)>) {
    let text = ctx.text;
    let mut rule = Vec::new();
    let mut portfolios = Vec::new();
    if on(Pass::Titled) || on(Pass::Apposition) {
        titled_people(ctx, words, &mut rule, &mut portfolios);
    }
    if ctx.lang == Lang::De && on(Pass::DeNationality) {
        german_nationality_adjectives(text, words, &mut rule);
    }
    if ctx.lang == Lang::De && on(Pass::DePlaceAdjectives) {
        german_place_adjectives(text, words, &mut rule);
    }
    (rule, portfolios)
}

/// A span of the model that joins a minister's portfolio to the name after it (`minister
/// van [Defensie Hegseth]`) names two: it becomes the department, and the person is the
/// rule's. The name's words must be unknown to the name lexicon or known as a person's (else
/// the portfolio has more words than one: `minister van Binnenlandse Zaken`).
fn split_portfolios(
    text: &str,
    model: &mut [Raw],
    rule: &[Raw],
    portfolios: &[(Range<usize>, usize)],
) {
    let lex = ner::shipped_lexicon();
    let person_like = |w: &str| {
        let tags = lex.lookup(ner::features::hash_str(w));
        tags == 0 || tags & ner::lexicon::PER != 0
    };
    for m in model {
        let Some((p, _)) = portfolios.iter().find(|(p, person)| {
            m.start == p.start
                && rule.iter().any(|r| {
                    r.start == *person
                        && r.end == m.end
                        && r.display.split_whitespace().all(person_like)
                })
        }) else {
            continue;
        };
        let dept = text.get(p.clone()).unwrap_or("");
        m.end = p.end;
        m.kind = EntityKind::Organization;
        m.key = gazetteer::normalise(dept);
        m.display = dept.to_string();
    }
}

/// A span of the model while the passes below trim it and settle its kind; `surface` is
/// always the text from `start` to the span's end.
struct Cand<'a> {
    start: usize,
    surface: &'a str,
    kind: EntityKind,
}

/// One span of the model as a mention, or `None` when it is no name; the numbers the name
/// holds (`Formule 1`) are marked in `named`.
fn model_mention(
    text: &str,
    lang: Lang,
    n: &NameSpan,
    numbers: &[Found],
    named: &mut [bool],
) -> Option<Raw> {
    let (start, end) = trimmed_span(text, n, lang)?;
    let surface = text.get(start..end)?;
    if refused(surface, n.kind, lang) {
        return None;
    }
    if on(Pass::Numbers) {
        claim_numbers(numbers, start, end, named)?;
    }
    if on(Pass::JobTitles) && titles_before_name(text, start, end, lang) {
        return None;
    }
    let (start, surface, kind) = match name_after_titles(surface, lang) {
        Some(cut) if on(Pass::TitleInside) => (start + cut, &surface[cut..], NameKind::Per),
        _ => (start, surface, n.kind),
    };
    let mut c = Cand {
        start,
        surface,
        kind: match kind {
            NameKind::Per => EntityKind::Person,
            NameKind::Org => EntityKind::Organization,
            NameKind::Loc => EntityKind::Place,
            NameKind::Misc => EntityKind::Other,
        },
    };
    if c.kind != EntityKind::Person && honorific_opens(c.surface, lang) {
        c.kind = EntityKind::Person;
    }
    if on(Pass::Age) && c.kind != EntityKind::Person && aged(text, c.surface, end) {
        c.kind = EntityKind::Person;
    }
    // A named storm is an event, `other` (`Storm Imogen`, `Hurricane Katrina`).
    if on(Pass::Storms)
        && c.surface.split_once(' ').is_some_and(|(w, rest)| {
            NameWords::of(lang)
                .storms
                .contains(w.to_lowercase().as_str())
                && starts_upper(rest)
        })
    {
        c.kind = EntityKind::Other;
    }
    Some(known_or_own(&c, end, lang))
}

/// The span without a leading indefinite article ([`leading_article`]) and a trailing
/// sentence opener; `None` when no name is left.
fn trimmed_span(text: &str, n: &NameSpan, lang: Lang) -> Option<(usize, usize)> {
    let (start, end) = (n.start, n.end);
    let mut start = start;
    if on(Pass::Article) {
        start += leading_article(text.get(start..end)?, lang, n.kind)?;
    }
    let mut end = end;
    if on(Pass::Opener) {
        end -= trailing_opener(text.get(start..end)?, lang);
    }
    Some((start, end))
}

/// A span that is no name: implausible ([`plausible_name`]), in lower case though not a
/// nationality (`other`, `amerikanische`; in German the model's lower-case names are press
/// agencies, `dpa`, and stay), a pronoun, or a title alone (`President`,
/// `Landwirtschaftsminister`; a compound with a name in it may be another kind of name,
/// `VN-ambassadeur`).
fn refused(surface: &str, kind: NameKind, lang: Lang) -> bool {
    if (on(Pass::Plausible) && !plausible_name(surface, lang))
        || (on(Pass::LowerCase)
            && lang != Lang::De
            && kind != NameKind::Misc
            && surface.starts_with(char::is_lowercase))
    {
        return true;
    }
    let lower = surface.to_lowercase();
    (on(Pass::Pronoun) && pronoun(&lower, lang))
        || (on(Pass::TitleAlone)
            && (NameWords::any().functions.contains(lower.as_str())
                || (kind == NameKind::Per && is_title(&lower))))
}

/// The span is nothing but job titles (`Police Superintendent`, `Assistant Prosecutor`,
/// `Chief of Staff`). A job title is a capitalised title or function of any language, as
/// listed (a compound is a name of its own kind in the annotated news: `[KNVB-woordvoerder]`,
/// `[Europaminister]`), but a title of rank or address, which the annotated news keeps
/// inside names (`Sir`, `Prince`, `Don`); words that may stand before one (`House`,
/// `Police`, `Assistant`) and prepositions between one and its portfolio (`Chief of Staff`)
/// may join it.
fn job_titles(surface: &str, lang: Lang) -> bool {
    if !surface.contains(' ') {
        // One word: `title-alone` decides.
        return false;
    }
    let any = NameWords::any();
    let w = NameWords::of(lang);
    let words: Vec<&str> = surface.split(' ').collect();
    let mut titled = false;
    for (i, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        let title = job_title_word(word);
        let modifier = starts_upper(word) && any.title_modifiers.contains(lower.as_str());
        let joins = i > 0 && i + 1 < words.len() && w.portfolio_preps.contains(*word);
        if !(title || modifier || joins) {
            return false;
        }
        titled |= title;
    }
    titled
}

/// A capitalised title or function of any language that is no title of rank or address
/// (`Superintendent`, `Leader`; not `Sir`).
fn job_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    starts_upper(word)
        && NameWords::any().functions.contains(lower.as_str())
        && !honorifics().contains(lower.as_str())
}

/// The span `start..end` of `text` is nothing but job titles ([`job_titles`]) and a
/// capitalised word follows it, a person's name (`[Police Superintendent] Frank Novak`): the
/// titles are no name. Alone elsewhere they may be what a list is of (`Prime Minister:
/// Barham Salih`, `Lieutenant General January 12, 2013`), as WikiANN marks them.
fn titles_before_name(text: &str, start: usize, end: usize, lang: Lang) -> bool {
    let next = text
        .get(end..)
        .and_then(|t| t.strip_prefix(' '))
        .and_then(|t| t.split([' ', ',', '.']).next())
        .unwrap_or("");
    let lower = next.to_lowercase();
    starts_upper(next)
        && !super::numbers::weekday(&lower)
        && super::numbers::month(&lower).is_none()
        && text
            .get(start..end)
            .is_some_and(|surface| job_titles(surface, lang))
}

/// Where the person's name starts in a span that holds job titles before it (`Senate
/// Minority Leader Nia Hughes`, `Defense Secretary Pete Hegseth`): after the last job title
/// ([`job_titles`]' words), when one to three capitalised words follow that are no title,
/// one of them known as part of a person's name and none as only an organisation's
/// (`General Motors` stays); the words before that title are its organisation or rank.
fn name_after_titles(surface: &str, lang: Lang) -> Option<usize> {
    let any = NameWords::any();
    let words: Vec<(usize, &str)> = surface
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let plain = |w: &str| {
        let lower = w.to_lowercase();
        starts_upper(w)
            && !any.functions.contains(lower.as_str())
            && !any.title_modifiers.contains(lower.as_str())
    };
    // The titles run from the first one over the titles and modifiers after it; a title
    // word after a name's word is the surname (`Superintendent Alan [Judge]`).
    let first = words.iter().position(|(_, w)| job_title_word(w))?;
    let last = first
        + words[first..]
            .iter()
            .take_while(|(_, w)| starts_upper(w) && !plain(w))
            .count()
        - 1;
    let name = &words[last + 1..];
    let lex = ner::shipped_lexicon();
    let tags = |w: &str| lex.lookup(ner::features::hash_str(w));
    let person = name.iter().any(|(_, w)| tags(w) & ner::lexicon::PER != 0);
    let org = name
        .iter()
        .any(|(_, w)| tags(w) & ner::lexicon::ORG != 0 && tags(w) & ner::lexicon::PER == 0);
    let name_word = |i: usize, w: &str| plain(w) || i > 0 && i + 1 == name.len() && starts_upper(w);
    // A first name of the lexicon before the surname makes a person whatever the surname
    // also names (`Deputy Assistant Secretary Martin Church`).
    let first_name = name.len() > 1
        && Lexicon::of(lang)
            .first_name_gender(&name[0].1.to_lowercase())
            .is_some();
    ((1..=3).contains(&name.len())
        && plain(name[0].1)
        && name.iter().enumerate().all(|(i, (_, w))| name_word(i, w))
        && person
        && (!org || first_name))
        .then(|| name[0].0)
}

/// `[Mr. Judge]`, `[Dr. Price]`: an honorific of the article's language, abbreviated, opens
/// a person's name, whatever the model called the span (written out, `King`, `General`, it
/// may open other names; in French text `Mr. Children` is a band).
fn honorific_opens(surface: &str, lang: Lang) -> bool {
    surface.split_once(' ').is_some_and(|(w, rest)| {
        let lower = w.trim_end_matches('.').to_lowercase();
        w.ends_with('.')
            && (honorifics().contains(lower.as_str())
                || honorifics().contains(w.to_lowercase().as_str()))
            && super::lexicon::Lexicon::of(lang).is_abbreviated_title(&lower)
            && starts_upper(rest)
    })
}

/// A name of two capitalised words or more followed by an age (`Odessa Love, 74, said`,
/// `Jan Peeters (45)`) is a person's, whatever else the words name.
fn aged(text: &str, surface: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let (digits, close) = if let Some(r) = after.strip_prefix(", ") {
        (r, ',')
    } else if let Some(r) = after.strip_prefix(" (") {
        (r, ')')
    } else {
        return false;
    };
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    let age: u32 = digits[..n].parse().unwrap_or(0);
    surface.split(' ').count() >= 2
        && surface.split(' ').all(starts_upper)
        && (1..=3).contains(&n)
        && (1..=120).contains(&age)
        && digits[n..].starts_with(close)
}

/// A name with a number in it (`Formule 1`, `Euro 2000`) keeps it, and the number is marked
/// in `named`; a name inside a sum or date (`350 Milliarden Dollar`) is the sum's: `None`.
fn claim_numbers(numbers: &[Found], start: usize, end: usize, named: &mut [bool]) -> Option<()> {
    let inside = overlapping(numbers, start, end);
    let owned = |f: &Found| f.start > start && f.end <= end && f.kind != EntityKind::Money;
    if !numbers[inside.clone()].iter().all(owned) {
        return None;
    }
    for k in inside {
        named[k] = true;
    }
    Some(())
}

/// The mention of a span, under the gazetteer's key and name when it knows the name. The
/// model's `other` for a known
/// place or organisation (`Noord-Korea`) is a confusion of kinds; the gazetteer knows
/// better. So are a place for a known organisation's name and an organisation for a known
/// place: the Spanish model, taught by sports reports where a country names its team, calls
/// countries organisations in any news. (That costs 4 of 4,352 Spanish dev spans, the
/// national teams.)
fn known_or_own(c: &Cand, end: usize, lang: Lang) -> Raw {
    let mut kind = c.kind;
    let known = gazetteer_lookup(c.surface).or_else(|| {
        (lang == Lang::De && on(Pass::DeGenitives))
            .then(|| known_genitive(c.surface))
            .flatten()
    });
    let (key, display) = match known {
        Some((k, d, g)) => {
            if kind != EntityKind::Person && on(Pass::GazetteerKind) {
                kind = match g {
                    GazKind::Place => EntityKind::Place,
                    GazKind::Org => EntityKind::Organization,
                };
            }
            (k, d)
        }
        None => (
            gazetteer::normalise(strip_genitive(c.surface)),
            strip_genitive(c.surface).to_string(),
        ),
    };
    Raw {
        start: c.start,
        end,
        kind,
        key,
        display,
        model: true,
    }
}

/// Adds a block's mentions to `raws`. The model decides: on the annotated news of the dev
/// sets every rule source but one only cost precision (krant-eval). A person named after a
/// title (`generaal Xavier Brunson`) is added where the model found nothing. When the
/// title's name is exactly a span the model calls a place, an organisation or `other`
/// (`président [Trump]` in French, `El secretario de Defensa, [Hegseth],` in Spanish), the
/// title is the better evidence.
fn merge(raws: &mut Vec<Raw>, mut rule: Vec<Raw>, mut model: Vec<Raw>) {
    let overlaps = |a: &Raw, b: &Raw| a.start < b.end && b.start < a.end;
    let same_span = |r: &Raw, m: &Raw| {
        m.start == r.start
            && m.end == r.end
            && matches!(
                m.kind,
                EntityKind::Place | EntityKind::Other | EntityKind::Organization
            )
    };
    let wins = on(Pass::TitleWins);
    rule.retain(|r| {
        model
            .iter()
            .all(|m| !overlaps(r, m) || (wins && same_span(r, m)))
    });
    model.retain(|m| !rule.iter().any(|r| overlaps(r, m)));
    raws.extend(rule);
    raws.extend(model);
}

/// The indices of the numbers (sorted by start, not overlapping each other) that overlap
/// `start..end`.
fn overlapping(numbers: &[Found], start: usize, end: usize) -> Range<usize> {
    let from = numbers.partition_point(|f| f.end <= start);
    let to = from + numbers[from..].partition_point(|f| f.start < end);
    from..to
}

/// German: the genitive in `-s` of a name the gazetteer knows (`Südkoreas`, `Deutschlands`) is
/// a mention of it, shown by its base form as written (`Südkorea`).
fn known_genitive(surface: &str) -> Option<(String, String, GazKind)> {
    let stem = surface
        .strip_suffix('s')
        .filter(|s| s.chars().count() >= 3 && !s.ends_with(['s', 'S']))?;
    let (key, _, kind) = gazetteer_lookup(stem)?;
    Some((key, stem.to_string(), kind))
}

/// German: a name in the genitive in `-s` (`Ostermanns`, `Siemens'`: no) whose base form the
/// article names too (`Ostermann`) is that name's mention, shown by the base form. Persons
/// are [`group_people`]'s.
fn german_genitives(raws: &mut [Raw]) {
    let mut base: HashMap<String, (String, String)> = HashMap::new();
    for r in raws.iter() {
        base.entry(gazetteer::normalise(&r.display))
            .or_insert((r.key.clone(), r.display.clone()));
    }
    for r in raws.iter_mut() {
        if r.kind == EntityKind::Person || !r.model {
            continue;
        }
        let Some(stem) = r
            .display
            .strip_suffix('s')
            .filter(|s| s.chars().count() >= 3 && !s.ends_with(['s', 'S']))
        else {
            continue;
        };
        if let Some((key, display)) = base.get(&gazetteer::normalise(stem)) {
            if *key != r.key {
                r.key = key.clone();
                r.display = display.clone();
            }
        }
    }
}

fn gazetteer_lookup(surface: &str) -> Option<(String, String, GazKind)> {
    let g = gazetteer::get();
    let n = gazetteer::normalise(surface);
    let idx = g
        .forms
        .get(&n)
        .or_else(|| g.forms.get(&gazetteer::normalise(strip_genitive(surface))))
        // An inflected form of a listed name (`die Vereinigten Staaten`).
        .or_else(|| g.inflected.get(&gazetteer::inflection_key(&n)?))?;
    let e = &g.entries[*idx];
    Some((format!("g:{}", e.key), e.display.to_string(), e.kind))
}

/// `Washington's`, `Washingtons` → `Washington` (only the apostrophe form here; the bare `s`
/// is tried against known names by the caller).
fn strip_genitive(s: &str) -> &str {
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(x) = s.strip_suffix(suf) {
            if !x.is_empty() {
                return x;
            }
        }
    }
    s
}

/// Bytes of blocks the tagger reads as one document.
const NER_WINDOW: usize = 64 << 10;

/// German: a one-word person the model found that was never named in full in the article
/// (not joined to a full name, so still shown as one word) and that the name lexicon never
/// saw as a person's name is a capitalised noun (`Druck, Beschwichtigung, Drohungen`).
fn unknown_lone_persons(raws: &mut Vec<Raw>) {
    let lex = ner::shipped_lexicon();
    raws.retain(|r| {
        let lone = r.kind == EntityKind::Person && r.model && !r.display.contains(' ');
        !lone || lex.lookup(ner::features::hash_str(&r.display)) & ner::lexicon::PER != 0
    });
}

/// Adds the lone mentions of surnames of people named in full that no span covers (`Wade
/// Bishop` … `Bishop said`, `Bishop’s campaign`); `raws` must be sorted and stays so.
fn lone_surnames(text: &str, blocks: &[Range<usize>], raws: &mut Vec<Raw>) {
    let mut surnames: HashMap<&str, (String, String)> = HashMap::new();
    for r in raws.iter().filter(|r| r.kind == EntityKind::Person) {
        let mut words = r.display.split_whitespace();
        let (Some(_), Some(last)) = (words.next(), words.last()) else {
            continue;
        };
        if last.chars().count() >= 3 && starts_upper(last) {
            surnames
                .entry(last)
                .or_insert_with(|| (r.key.clone(), r.display.clone()));
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut words = Vec::new();
    for b in blocks {
        words.clear();
        text::words(text, b.clone(), &mut words);
        for w in &words {
            let s = w.as_str(text);
            let bare = ["’s", "'s"]
                .iter()
                .find_map(|p| s.strip_suffix(p))
                .unwrap_or(s);
            let Some((key, display)) = surnames.get(bare) else {
                continue;
            };
            // A word of its own, not the end of a token such as `J.E.Gray`.
            if text[..w.start].chars().next_back().is_some_and(|c| {
                !c.is_whitespace() && !matches!(c, '(' | '"' | '“' | '‘' | '«' | '\'')
            }) {
                continue;
            }
            let end = w.start + bare.len();
            let i = raws.partition_point(|r| r.end <= w.start);
            if raws.get(i).is_some_and(|r| r.start < end) {
                continue;
            }
            added.push(Raw {
                start: w.start,
                end,
                kind: EntityKind::Person,
                key: key.clone(),
                display: display.clone(),
                model: false,
            });
        }
    }
    raws.extend(added);
    raws.sort_by_key(|r| (r.start, r.end));
}

/// Joins single-word mentions to the person whose name ends (or starts) with that word:
/// `Brunson` → `Xavier Brunson`; `Soongs` → `Claus Soong`; also after an abbreviated
/// honorific: `Ms. Baker` → `Yolanda Baker`.
fn group_people(raws: &mut [Raw], lang: Lang) {
    let after_honorific = |d: &str| -> Option<String> {
        honorific_opens(d, lang)
            .then(|| d.split_once(' ').map(|(_, rest)| rest.to_string()))
            .flatten()
    };
    let mut by_word: HashMap<String, (String, String)> = HashMap::new();
    // Full names first, then names after an honorific (by the name: `Ms. Varga` for
    // `Varga`), then single words.
    let honorific = |r: &&Raw| after_honorific(&r.display).is_some();
    let multi_first = raws
        .iter()
        .filter(|r| r.display.contains(' ') && !honorific(r))
        .chain(raws.iter().filter(honorific))
        .chain(raws.iter().filter(|r| !r.display.contains(' ')));
    for r in multi_first.filter(|r| r.kind == EntityKind::Person) {
        let bare = after_honorific(&r.display);
        let words: Vec<&str> = bare
            .as_deref()
            .unwrap_or(&r.display)
            .split_whitespace()
            .collect();
        for w in [words.first(), words.last()] {
            by_word
                .entry(gazetteer::normalise(w.copied().unwrap_or("")))
                .or_insert((r.key.clone(), r.display.clone()));
        }
    }
    let group = on(Pass::GroupPeople);
    for r in raws.iter_mut() {
        let bare = after_honorific(&r.display);
        let name = bare.as_deref().unwrap_or(&r.display);
        if !group || name.contains(' ') || r.key.starts_with("g:") {
            continue;
        }
        let n = gazetteer::normalise(name);
        let hit = by_word.get(&n).or_else(|| {
            n.strip_suffix('s')
                .filter(|s| s.chars().count() >= 3)
                .and_then(|s| by_word.get(s))
        });
        // A one-word mention that is the first or last word of a person's full name
        // elsewhere in the article is that person, whatever the model called it there
        // (`Javier Castaño` … `las de Castaño`).
        let Some((key, display)) = hit else { continue };
        if r.kind == EntityKind::Person
            || r.kind == EntityKind::Other && r.key.starts_with("?:")
            || r.model
        {
            let stem = r.display.trim_end_matches('s').len();
            if bare.is_none()
                && n.ends_with('s')
                && !by_word.contains_key(&n)
                && r.display.is_char_boundary(stem)
            {
                r.end = r.start + stem;
            }
            r.kind = EntityKind::Person;
            r.key = key.clone();
            r.display = display.clone();
        }
    }
}

/// Whether a name has more than one letter and no lower-case one (`SPRINGFIELD`, `FBI`).
fn shouted(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !name.chars().any(char::is_lowercase)
}

fn build(text: &str, raws: Vec<Raw>, numbers: Vec<Found>) -> (Vec<Entity>, Vec<Located>) {
    let mut index: HashMap<(String, bool), usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut kind_votes: Vec<[usize; 7]> = Vec::new();
    // Per entity: its name so far is an abbreviation, which any full form replaces.
    let mut short_name: Vec<bool> = Vec::new();
    let mut located = Vec::new();
    let mut push = |key: String,
                    kind: EntityKind,
                    (display, short): (&str, bool),
                    start: usize,
                    end: usize,
                    value: Option<String>,
                    numeric: bool| {
        let id = *index.entry((key, numeric)).or_insert_with(|| {
            entities.push(Entity {
                name: display.to_string(),
                kind,
                mentions: Vec::new(),
                value: value.clone(),
            });
            kind_votes.push([0; 7]);
            short_name.push(short);
            entities.len() - 1
        });
        let e = &mut entities[id];
        let longer = display.chars().count() > e.name.chars().count();
        // A name first met in capitals (a dateline's `SPRINGFIELD`) takes the article's own
        // spelling when it comes.
        let respelled = shouted(&e.name) && !shouted(display);
        if !numeric
            && (short_name[id] && !short || short == short_name[id] && (longer || respelled))
        {
            e.name = display.to_string();
            short_name[id] = short;
        }
        e.mentions.push(Mention { start, end });
        kind_votes[id][kind as usize] += 1;
        if !numeric {
            located.push(Located {
                start,
                end,
                entity: id,
            });
        }
    };
    let mut last_end = 0;
    for r in raws {
        if r.start < last_end {
            continue;
        }
        last_end = r.end;
        // A listed name is shown as the article writes it, never by the list's display name
        // (which is in one language only); a genitive by its base form (`Südkoreas`), an
        // abbreviation (`WHO`, `U.S.`) only until a full form turns up.
        let (display, short) = if r.key.starts_with("g:") {
            let surface = text.get(r.start..r.end).unwrap_or(&r.display);
            if surface.strip_suffix('s') == Some(r.display.as_str()) {
                (r.display.as_str(), false)
            } else {
                (surface, is_acronym(surface) || surface.contains('.'))
            }
        } else {
            (r.display.as_str(), false)
        };
        let key = r.key.strip_prefix("?:").unwrap_or(&r.key).to_string();
        push(key, r.kind, (display, short), r.start, r.end, None, false);
    }
    for n in numbers {
        let surface = text.get(n.start..n.end).unwrap_or("");
        push(
            format!("{:?}:{}", n.kind, n.value),
            n.kind,
            (surface, false),
            n.start,
            n.end,
            Some(n.value.clone()),
            true,
        );
    }
    for (e, votes) in entities.iter_mut().zip(&kind_votes) {
        if !matches!(
            e.kind,
            EntityKind::Money | EntityKind::Number | EntityKind::Date
        ) {
            let best = (0..4).max_by_key(|&k| (votes[k], 4 - k)).unwrap_or(3);
            e.kind = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
                EntityKind::Other,
            ][best];
        }
        e.mentions.sort_by_key(|m| m.start);
    }
    // Entities in order of first mention; relabel the located mentions.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&i| entities[i].mentions.first().map_or(usize::MAX, |m| m.start));
    let mut new_index = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let sorted: Vec<Entity> = order.iter().filter_map(|&i| slots[i].take()).collect();
    for l in &mut located {
        l.entity = new_index[l.entity];
    }
    located.sort_by_key(|l| l.start);
    (sorted, located)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A raw mention of `display` at the start of the text.
    fn raw(display: &str, kind: EntityKind, model: bool) -> Raw {
        Raw {
            start: 0,
            end: display.len(),
            kind,
            key: gazetteer::normalise(display),
            display: display.to_string(),
            model,
        }
    }

    #[test]
    fn a_name_in_capitals_takes_the_spelling_of_its_other_mentions() {
        let text = "SPRINGFIELD, Ill. — The FBI said. In Springfield the FBI met.";
        let at = |w: &str, from: usize| text[from..].find(w).map_or(0, |i| i + from);
        let mut raws = Vec::new();
        for (w, from, kind) in [
            ("SPRINGFIELD", 0, EntityKind::Place),
            ("FBI", 0, EntityKind::Organization),
            ("Springfield", 0, EntityKind::Place),
            ("FBI", 30, EntityKind::Organization),
        ] {
            let mut r = raw(w, kind, true);
            r.start = at(w, from);
            r.end = r.start + w.len();
            raws.push(r);
        }
        let (entities, _) = build(text, raws, Vec::new());
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Springfield", "FBI"]);
    }

    #[test]
    fn job_titles_before_a_name_are_no_name() {
        for (text, span, lang, titles) in [
            (
                "Police Superintendent Frank Novak said",
                "Police Superintendent",
                Lang::En,
                true,
            ),
            (
                "Assistant Prosecutor Dana Whitfield said",
                "Assistant Prosecutor",
                Lang::En,
                true,
            ),
            (
                "House Speaker Deborah King called",
                "House Speaker",
                Lang::En,
                true,
            ),
            (
                "Chief of Staff Rita Gomez declined",
                "Chief of Staff",
                Lang::En,
                true,
            ),
            (
                "County Commissioner Paul Stevens was",
                "County Commissioner",
                Lang::En,
                true,
            ),
            // Followed by no name: a list's heading, as WikiANN marks it.
            (
                "Prime Minister: Barham Salih",
                "Prime Minister",
                Lang::En,
                false,
            ),
            (
                "Lieutenant General January 12, 2013",
                "Lieutenant General",
                Lang::En,
                false,
            ),
            // Titles of rank stay in names; other words make it a name.
            ("Prince Harry Windsor", "Prince Harry", Lang::En, false),
            ("General Motors Europe", "General Motors", Lang::En, false),
            (
                "Minister of Justice Allan Rock",
                "Minister of",
                Lang::En,
                false,
            ),
            // A compound is a name of its own kind (`[KNVB-woordvoerder] De Leede`), and a
            // lone title is for `title-alone`.
            (
                "zegt KNVB-woordvoerder De Leede",
                "KNVB-woordvoerder",
                Lang::Nl,
                false,
            ),
            ("Kapitein Wade Hunnicutt", "Kapitein", Lang::Nl, false),
        ] {
            let start = text.find(span).unwrap();
            let end = start + span.len();
            assert_eq!(titles_before_name(text, start, end, lang), titles, "{text}");
        }
    }

    /// A span that holds job titles and then a person's name is the name (`[Senate Minority
    /// Leader] Nia Hughes`); a company named after a title word is not cut (`General Motors`).
    #[test]
    fn the_name_after_job_titles_in_one_span() {
        for (span, name) in [
            ("Senate Minority Leader Nia Hughes", Some("Nia Hughes")),
            ("Defense Secretary Pete Hegseth", Some("Pete Hegseth")),
            ("General Motors", None),
            ("Minister of Foreign Affairs", None),
            ("Police Superintendent", None),
            // A surname that is also a title.
            ("Superintendent Alan Judge", Some("Alan Judge")),
            ("Councilman Terrence Mayor", Some("Terrence Mayor")),
            // A first name before a surname that also names organisations.
            (
                "Deputy Assistant Secretary Martin Church",
                Some("Martin Church"),
            ),
        ] {
            let got = name_after_titles(span, Lang::En).map(|cut| &span[cut..]);
            assert_eq!(got, name, "{span}");
        }
    }

    /// `Ms. Baker` is the `Yolanda Baker` named before or after, as `Baker` alone is; a
    /// person named with an honorific only (`Ms. Varga`) stays that person, and in French
    /// text `Mr.` is no honorific.
    #[test]
    fn an_honorific_and_a_surname_is_the_person_named_in_full() {
        let grouped = |names: &[&str], lang: Lang| {
            let mut raws: Vec<Raw> = names
                .iter()
                .map(|n| raw(n, EntityKind::Person, true))
                .collect();
            group_people(&mut raws, lang);
            raws.into_iter().map(|r| r.display).collect::<Vec<_>>()
        };
        assert_eq!(
            grouped(&["Ms. Baker", "Yolanda Baker", "Ms. Varga"], Lang::En),
            ["Yolanda Baker", "Yolanda Baker", "Ms. Varga"]
        );
        assert_eq!(
            grouped(&["Dr. Price", "Melinda Price"], Lang::En),
            ["Melinda Price", "Melinda Price"]
        );
        // A surname alone after a person named only with an honorific is that person.
        assert_eq!(
            grouped(&["Ms. Varga", "Varga"], Lang::En),
            ["Ms. Varga", "Ms. Varga"]
        );
        assert_eq!(
            grouped(&["Mr. Children", "Anna Children"], Lang::Fr),
            ["Mr. Children", "Anna Children"]
        );
    }

    #[test]
    fn an_abbreviated_honorific_opens_a_persons_name() {
        for (surface, lang, person) in [
            ("Mr. Judge", Lang::En, true),
            ("Dr. Price", Lang::En, true),
            ("M. Dupont", Lang::Fr, true),
            ("Mr. Children", Lang::Fr, false),
            ("King Charles", Lang::En, false),
            ("General Motors", Lang::En, false),
            ("Mr.", Lang::En, false),
        ] {
            assert_eq!(honorific_opens(surface, lang), person, "{surface}");
        }
    }

    #[test]
    fn a_name_with_an_age_is_a_person() {
        for (text, name, person) in [
            (
                "Odessa Love, 74, said she heard shots.",
                "Odessa Love",
                true,
            ),
            ("Jan Peeters (45) uit Gent", "Jan Peeters", true),
            ("Odessa Love, 74 percent of", "Odessa Love", false),
            ("Costa Rica, 1987, was", "Costa Rica", false),
            ("Paris, 74, was", "Paris", false),
            ("Odessa Love, 740, said", "Odessa Love", false),
        ] {
            let end = text.find(name).map_or(0, |s| s + name.len());
            assert!(end > 0, "{text}");
            assert_eq!(aged(text, name, end), person, "{text}");
        }
    }

    #[test]
    fn german_genitives_are_shown_by_their_base_form() {
        // Known to the gazetteer.
        for (surface, base) in [
            ("Südkoreas", Some("Südkorea")),
            ("Deutschlands", Some("Deutschland")),
            ("Paris", None),
            ("Los", None),
        ] {
            let got = known_genitive(surface).map(|(_, d, _)| d);
            assert_eq!(got.as_deref(), base, "{surface}");
        }
        // Named in the article in the base form too.
        let mut raws = vec![
            raw("Helmaxa", EntityKind::Organization, true),
            raw("Helmaxas", EntityKind::Organization, true),
            raw("Brunos", EntityKind::Place, true),
            raw("Gauss", EntityKind::Other, true),
            raw("Gaus", EntityKind::Other, true),
        ];
        german_genitives(&mut raws);
        let shown: Vec<&str> = raws.iter().map(|r| r.display.as_str()).collect();
        // No `Bruno` in the article; `Gauss` is no genitive of `Gaus`.
        assert_eq!(shown, ["Helmaxa", "Helmaxa", "Brunos", "Gauss", "Gaus"]);
        assert_eq!(raws[0].key, raws[1].key);
    }

    #[test]
    fn a_title_word_the_model_split_off_a_name_joins_it() {
        let text = "former state Treasurer Wade Bishop, Ana Li Bishop Hale and Mayor King";
        let span = |s: &str, kind: NameKind| {
            let start = text.find(s).unwrap_or(0);
            NameSpan {
                start,
                end: start + s.len(),
                kind,
            }
        };
        let mut found = vec![
            span("Treasurer Wade", NameKind::Per),
            span("Bishop", NameKind::Per),
            span("Ana Li", NameKind::Per),
            span("Bishop Hale", NameKind::Per),
            span("Mayor", NameKind::Org),
            span("King", NameKind::Per),
        ];
        join_split_people(text, &mut found);
        let got: Vec<&str> = found.iter().map(|n| &text[n.start..n.end]).collect();
        // Only a lone title word after a person joins; two names stay two, and so does a
        // span of another kind.
        assert_eq!(
            got,
            [
                "Treasurer Wade Bishop",
                "Ana Li",
                "Bishop Hale",
                "Mayor",
                "King"
            ]
        );
    }

    #[test]
    fn a_lone_surname_is_the_person_named_in_full() {
        let text = "Wade Bishop spoke. Bishop said so, and Bishop’s aide agreed. Wade left.";
        let mut raws = vec![raw("Wade Bishop", EntityKind::Person, true)];
        let all = 0..text.len();
        lone_surnames(text, std::slice::from_ref(&all), &mut raws);
        let got: Vec<(&str, &str)> = raws
            .iter()
            .map(|r| (&text[r.start..r.end], r.display.as_str()))
            .collect();
        // The surname alone and before a possessive; not the first name, not inside the
        // full name again.
        assert_eq!(
            got,
            [
                ("Wade Bishop", "Wade Bishop"),
                ("Bishop", "Wade Bishop"),
                ("Bishop", "Wade Bishop")
            ]
        );
    }

    #[test]
    fn a_nickname_in_quotes_is_part_of_the_name() {
        let text =
            "Councilman Walter “Buddy” Pellham, Robert \"Bobby\" Kline and Anne “the Fixer” Ray.";
        let span = |w: &str, kind| {
            let start = text.find(w).unwrap_or(0);
            NameSpan {
                start,
                end: start + w.len(),
                kind,
            }
        };
        let mut found = vec![
            span("Walter", NameKind::Per),
            span("Buddy", NameKind::Per),
            span("Pellham", NameKind::Per),
            span("Robert", NameKind::Per),
            span("Kline", NameKind::Per),
            span("Anne", NameKind::Per),
            span("Ray", NameKind::Per),
        ];
        join_nicknames(text, &mut found);
        let got: Vec<&str> = found.iter().map(|n| &text[n.start..n.end]).collect();
        // Not `the Fixer`: a nickname is capitalised words.
        assert_eq!(
            got,
            [
                "Walter “Buddy” Pellham",
                "Robert \"Bobby\" Kline",
                "Anne",
                "Ray"
            ]
        );
        let text = "Vote\nCouncilman Walter “Buddy” Delacroix voted no. “This is a giveaway,” Delacroix said.\n";
        let a = crate::analysis::analyze(text, &crate::analysis::text::line_blocks(text), Lang::En);
        let people: Vec<&str> = a
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, ["Walter “Buddy” Delacroix"]);
    }

    #[test]
    fn german_unknown_lone_persons_are_dropped() {
        let mut raws = vec![
            raw("Druck", EntityKind::Person, true),
            raw("Merkel", EntityKind::Person, true),
            raw("Xavier Brunson", EntityKind::Person, true),
            raw("Hegseth", EntityKind::Person, false),
        ];
        unknown_lone_persons(&mut raws);
        let kept: Vec<&str> = raws.iter().map(|r| r.display.as_str()).collect();
        // `Merkel` is a person's name in the lexicon; `Hegseth` came after a title.
        assert_eq!(kept, ["Merkel", "Xavier Brunson", "Hegseth"]);
    }

    #[test]
    fn implausible_model_spans_are_refused() {
        assert_eq!(
            leading_article(
                "Plusieurs vignerons du nord du Beaujolais",
                Lang::Fr,
                NameKind::Loc
            ),
            Some("Plusieurs vignerons du nord du ".len())
        );
        assert_eq!(
            leading_article("A Room with a View", Lang::En, NameKind::Misc),
            Some(0)
        );
        assert_eq!(
            leading_article("An Michiels", Lang::Nl, NameKind::Per),
            Some(0)
        );
        assert_eq!(
            leading_article("Algunos de ellos", Lang::Es, NameKind::Org),
            None
        );
        assert_eq!(
            leading_article("Mehrere Soldaten", Lang::De, NameKind::Org),
            None
        );
        assert_eq!(
            leading_article("Banco de España", Lang::Es, NameKind::Org),
            Some(0)
        );
        assert!(plausible_name("Corea del Norte", Lang::Es));
        assert!(plausible_name(
            "Union pour un mouvement Populaire",
            Lang::Fr
        ));
        assert!(plausible_name("Ministerio de Defensa", Lang::Es));
        assert!(plausible_name("KCNA", Lang::Es));
        assert!(!plausible_name(
            "nord-coréens de cybercriminalité et l'élargissement",
            Lang::Fr
        ));
        assert!(!plausible_name(
            "Sanctions et impasse diplomatique",
            Lang::Fr
        ));
        assert!(!plausible_name("A B C D E F G H I J K", Lang::Es));
        assert!(!plausible_name("Unsere Truppen", Lang::De));
        // A possessive or quantifier of another language opens names: `All Blacks` in French.
        assert!(!plausible_name("All Blacks", Lang::En));
        assert!(plausible_name("All Blacks", Lang::Fr));
        assert!(!plausible_name("1er janvier 2027", Lang::Fr));
        assert!(!plausible_name("2027", Lang::Es));
        assert!(plausible_name("Formule 1", Lang::Fr));
        assert_eq!(
            trailing_opener("Paula Toller Isso", Lang::Pt),
            " Isso".len()
        );
        assert_eq!(trailing_opener("Alec Nunca", Lang::Pt), " Nunca".len());
        assert_eq!(trailing_opener("Série A", Lang::Pt), 0);
        assert_eq!(trailing_opener("Nicholas I", Lang::En), 0);
        assert_eq!(trailing_opener("Hoje", Lang::Pt), 0);
        assert!(pronoun("cela", Lang::Fr));
        assert!(!pronoun("cela", Lang::Es));
        assert!(!pronoun("costa", Lang::Pt));
        assert!(plausible_name("Unsere", Lang::De));
        assert!(!plausible_name("Ministerio de", Lang::Es));
        assert!(plausible_name("Partido dos Trabalhadores", Lang::Pt));
        assert!(plausible_name("amerikanische", Lang::De));
        assert!(!plausible_name("nationale Front", Lang::Fr));
    }
}
