//! Who said a quote: reporting verbs and patterns per language (`zei X`, `X said`,
//! `sagte er`, `selon X`, `dijo X`, `disse X` …), pronouns resolved to the last named person,
//! statements resolved to the organisation that issued them, unnamed speakers as their
//! description, and the speaker carried over to the next part of a split quote.
//!
//! The words come from the lexicon of the article's language (`lexicon`, the files under
//! `assets/lexicon/<lang>/`); `de` holds the rules only German needs (verb-last clauses, sources,
//! documents, reported speech); this module walks the quotes and applies the shared rules.

use super::entities::{is_title, Located};
use super::lexicon::{Gender, Lexicon, NameWords, Words};
use super::quotes::Found;
use super::text::{self, lower_into, starts_lower, starts_upper, Word};
use super::{Entity, EntityKind, Speaker};
use crate::lang::Lang;
use std::ops::Range;

/// A word list of `assets/lexicon/` (one word a line, `#` comments), built into the binary
/// and read once, on first use.
macro_rules! word_list {
    ($(#[$doc:meta])* $vis:vis $name:ident, $path:literal) => {
        $(#[$doc])*
        $vis fn $name() -> &'static [&'static str] {
            static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
            WORDS.get_or_init(|| {
                $crate::analysis::lexicon::words(lexicon_file!($path))
            })
        }
    };
}

mod candidates;
mod de;
mod headline;
pub mod rank;
#[cfg(test)]
mod tests;
use candidates::*;
use de::*;
use headline::headline_speaker;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub entities: &'a [Entity],
    pub located: &'a [Located],
    /// The quoted spans, in order.
    pub quoted: &'a [Range<usize>],
    /// Per entity: a one-word "person" that reads as a common word (see [`doubtful_people`]).
    pub doubtful: Vec<bool>,
}

/// A speaker found for one quote, and whether it came from an explicit attribution in
/// the quote's own sentence.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    pub explicit: bool,
    /// The quote's sentence has a reporting verb or a source preposition.
    pub cue: bool,
    /// The speaker is somebody who can speak (a person, an organisation, a pronoun, a role).
    pub somebody: bool,
    /// Which rule found the speaker (`after`, `before`, `prevsent`, `fallback` …), for tuning.
    pub rule: &'static str,
}

struct Seg<'a> {
    words: Vec<Word>,
    lower: Vec<String>,
    text: &'a str,
    lang: Lang,
    lex: &'static Lexicon,
}

impl<'a> Seg<'a> {
    /// The words of `range` of the article (at most 60), with their lower case.
    fn new(ctx: &Ctx<'a>, range: Range<usize>) -> Seg<'a> {
        let text = ctx.text;
        let mut words = Vec::new();
        text::words(text, range, &mut words);
        // Words with hyphens are kept whole; French inversions (`explique-t-il`) too.
        if words.len() > 60 {
            words.truncate(60);
        }
        let mut buf = String::new();
        let lower = words
            .iter()
            .map(|w| lower_into(w.as_str(text), &mut buf).to_string())
            .collect();
        Seg {
            words,
            lower,
            text,
            lang: ctx.lang,
            lex: ctx.lex(),
        }
    }
    /// The text at `range`, empty when that is no slice of the article.
    fn slice(&self, range: impl std::slice::SliceIndex<str, Output = str>) -> &'a str {
        self.text.get(range).unwrap_or("")
    }

    fn gap(&self, i: usize) -> &'a str {
        // Text between word i-1 and word i.
        let (a, b) = (self.words[i - 1].end, self.words[i].start);
        let gap = self.slice(a..b);
        // `am 14. Dezember`: the full stop of a day's ordinal before a month is no break.
        if gap.starts_with('.')
            && (1..=2).contains(&self.lower[i - 1].len())
            && self.lower[i - 1].bytes().all(|b| b.is_ascii_digit())
            && super::numbers::month(&self.lower[i]).is_some()
        {
            return self.slice(a + 1..b);
        }
        gap
    }
    /// Whether the segment, read from `start` (a quote's closing mark), has a first word
    /// with only spaces and punctuation before it, no full stop or parenthesis: the words
    /// that may attribute the quote.
    fn follows_closely(&self, start: usize) -> bool {
        self.words.first().is_some_and(|w| {
            !self
                .slice(start..w.start)
                .chars()
                .any(|c| c.is_alphanumeric() || matches!(c, '.' | '('))
        })
    }

    /// Word `i` is a source preposition (`segundo`, `according`); the head of a two-word one
    /// (`compound_source_heads`) only with its second word (`de acordo com`, not `o acordo`).
    fn is_source_prep(&self, i: usize) -> bool {
        let w = self.lower[i].as_str();
        self.lex.has(Words::SourcePreps, w)
            && (!self.lex.is("compound_source_heads", w)
                || self
                    .lower
                    .get(i + 1)
                    .is_some_and(|t| self.lex.is("compound_source_tails", t)))
    }

    /// The first reporting verb of the segment.
    fn first_verb(&self) -> Option<usize> {
        (0..self.words.len()).find(|&i| self.is_verb(i))
    }

    /// Word `i` is a reporting verb (not a noun after an article: `le prévenu`).
    fn is_verb(&self, i: usize) -> bool {
        let (l, lang) = (self.lower[i].as_str(), self.lang);
        if is_verb_word(l, lang) {
            // `le prévenu`, `the answer`: after an article the word is a noun.
            return lang == Lang::De
                || i == 0
                || !self.lex.has(Words::NounArticles, &self.lower[i - 1]);
        }
        // French `a fait savoir`: the phrase reports.
        i > 0
            && self.lex.is("verb_phrase_ends", l)
            && self.lex.is("verb_phrase_starts", &self.lower[i - 1])
    }
}

/// A reporting verb, also with a clitic or an inverted pronoun attached (`queixa-se`,
/// `explique-t-il`) or an elided reflexive before it (`s'emporte`).
fn is_verb_word(l: &str, lang: Lang) -> bool {
    let lex = Lexicon::of(lang);
    // `--off thinverbs` (evaluation): every third verb of the lexicon unknown, to see what
    // the rules do with verbs the lexicon does not list.
    let thin = |w: &str| {
        rank::off("thinverbs") && crate::analysis::ner::hash::hash_str(w).is_multiple_of(3)
    };
    let known = |w: &str| lex.is_reporting_verb(w) && !thin(w);
    if known(l) {
        return true;
    }
    let head = l.split('-').next().unwrap_or(l);
    if l.contains('-') && known(head) {
        return true;
    }
    lex.rule("elided_reflexives")
        .iter()
        .find_map(|p| head.strip_prefix(p))
        .is_some_and(known)
}

/// French inversion: `explique-t-il`, `a-t-elle`: the pronoun inside the verb.
fn inverted_pronoun(word: &str, lang: Lang) -> Option<usize> {
    if lang != Lang::Fr {
        return None;
    }
    let last = word.rsplit('-').next()?;
    if Lexicon::of(lang).is_pronoun(last) && word.len() > last.len() {
        Some(word.len() - last.len())
    } else {
        None
    }
}

impl Ctx<'_> {
    /// The name of whichever came last: the person mentioned at `person` or the speaker
    /// found before (`recent`).
    fn latest_name(&self, person: Option<&Located>, recent: Option<&Speaker>) -> Option<String> {
        match (person, recent) {
            (Some(p), Some(r)) if r.start > p.start => Some(r.name.clone()),
            (Some(p), _) => self.entities.get(p.entity).map(|e| e.name.clone()),
            (None, r) => r.map(|r| r.name.clone()),
        }
    }

    /// The text at `range`, empty when that is no slice of the article.
    fn slice(&self, range: impl std::slice::SliceIndex<str, Output = str>) -> &str {
        self.text.get(range).unwrap_or("")
    }

    /// The speaker named by the noun phrase at word `i` of `seg`.
    fn speaker_after(&self, seg: &Seg, i: usize, recent: &[Speaker]) -> Option<Speaker> {
        let (a, b) = self.np_forward(seg, i)?;
        self.speaker_from_np(a, b, recent)
    }

    /// The word knowledge of the article's language.
    fn lex(&self) -> &'static Lexicon {
        Lexicon::of(self.lang)
    }

    /// An auxiliary follows the phrase that ends at byte `end` of `seg`: the phrase after a
    /// reporting verb is the subject of what was said, not the one who said it (`his office
    /// said the mayor had “…”`).
    fn auxiliary_after(&self, seg: &Seg, end: usize) -> bool {
        let k = seg.words.partition_point(|w| w.start < end);
        k < seg.words.len()
            && gap_is_space(seg.gap(k))
            && self.lex().is("auxiliaries", &seg.lower[k])
    }

    /// `lower` names a day, a month or a number: a phrase it starts says when, not who.
    fn time_word(&self, lower: &str) -> bool {
        crate::analysis::numbers::weekday(lower)
            || crate::analysis::numbers::month(lower).is_some()
            || lower.starts_with(|c: char| c.is_ascii_digit())
    }

    /// A word that may sit between a verb and its inverted subject (`sagte gestern der
    /// Minister`): a weekday or a word of the language's list.
    fn skippable(&self, l: &str) -> bool {
        super::numbers::weekday(l) || self.lex().has(Words::Skippable, l)
    }

    /// The last person (or, for statements, organisation) mentioned before `pos`.
    /// Names inside quotes are the quoted speaker's words, not speakers: `„Frauen haben sich
    /// gegen den Diktator Ben Ali gestellt“, betont sie` is not Ben Ali.
    fn last_mention(&self, pos: usize, kinds: &[EntityKind]) -> Option<&Located> {
        self.last_name(pos, |e, _| kinds.contains(&e.kind))
    }

    /// The last mention before `pos` (of the last 400) that is no amount, no common word and
    /// not inside a quote, whose entity satisfies `pred`.
    fn last_name(&self, pos: usize, pred: impl Fn(&Entity, &Located) -> bool) -> Option<&Located> {
        let idx = self.located.partition_point(|l| l.start < pos);
        self.located[..idx].iter().rev().take(400).find(|l| {
            self.entities.get(l.entity).is_some_and(|e| pred(e, l))
                && !self.is_doubtful(l.entity)
                && !self.quoted(l.start)
        })
    }

    /// Like [`Ctx::last_mention`] for persons, skipping those whose gender disagrees with
    /// `want`.
    fn last_person_agreeing(&self, pos: usize, want: Option<Gender>) -> Option<&Located> {
        self.last_name(pos, |e, l| {
            e.kind == EntityKind::Person
                && want.is_none_or(|w| self.entity_gender(e).is_none_or(|g| g == w))
                && !self.addressee_at(l.start)
        })
    }

    /// The person agreeing with `want` who is the subject (opens the sentence) of the
    /// sentence before `pos` or of the text before `pos` in its own sentence, when another
    /// person was named after them: a pronoun takes up the subject rather than the last name
    /// (`Paris said she had written to the administrator, Joan Whitcomb. “…,” she said`).
    fn subject_person_agreeing(&self, pos: usize, want: Option<Gender>) -> Option<&Located> {
        self.subject_person_at(pos, want, 0)
    }

    /// [`Ctx::subject_person_agreeing`], `depth` pronouns back.
    fn subject_person_at(
        &self,
        pos: usize,
        want: Option<Gender>,
        depth: usize,
    ) -> Option<&Located> {
        let head = self.text.get(..pos)?;
        let mut ends = head
            .char_indices()
            .rev()
            .filter(|&(i, c)| self.ends_sentence(i, c))
            .map(|(i, _)| i);
        // Skip the end right before the quote that opens the pronoun's sentence.
        let own = ends.next()?;
        let from = ends.next().map_or(0, |i| i + 1).min(own);
        let last = self.last_person_agreeing(pos, want)?;
        if candidates::opens_sentence(self, last.start) {
            return None;
        }
        let idx = self.located.partition_point(|l| l.start < pos);
        let named = self.located[..idx]
            .iter()
            .rev()
            .take_while(|l| l.start >= from)
            .filter(|l| l.entity != last.entity && !self.quoted(l.start))
            .find(|l| {
                self.entities.get(l.entity).is_some_and(|e| {
                    e.kind == EntityKind::Person
                        && want.is_none_or(|w| self.entity_gender(e).is_none_or(|g| g == w))
                }) && candidates::opens_sentence(self, l.start)
            });
        if named.is_some() || depth > 0 {
            return named;
        }
        // The sentence before opens with a pronoun of the same person (`She said Dupre had
        // promised … . “…,” she said`): the person that pronoun takes up.
        let opening = self.text.get(from..own)?;
        let at = from + (opening.len() - opening.trim_start().len());
        let word = opening.split_whitespace().next()?.to_lowercase();
        let same = Lexicon::of(self.lang)
            .pronoun(&word)
            .is_some_and(|p| !p.plural_only && p.gender == want && want.is_some());
        if !same {
            return None;
        }
        self.subject_person_at(at, want, depth + 1)
            .or_else(|| self.last_person_agreeing(at, want))
            .filter(|l| l.entity != last.entity)
    }

    /// The character `c` at byte `i` ends a sentence: `!`, `?`, a line break, or a full stop
    /// that ends no abbreviated title (`Lt. Gov. Samuel Dorsey`, `Ms. Baker`) or initial.
    pub(super) fn ends_sentence(&self, i: usize, c: char) -> bool {
        if c != '.' {
            return matches!(c, '!' | '?' | '\n');
        }
        if rank::off("titledots") {
            return true;
        }
        let head = self.text.get(..i).unwrap_or("");
        let word = head
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        let mut buf = String::new();
        !(initial || self.lex().is_abbreviated_title(lower_into(word, &mut buf)))
    }

    /// The mention at byte `pos` is the person spoken to: the object of an addressee verb
    /// (`told [Mr.] Reyes`) or after a preposition that follows a reporting verb (`a dit à
    /// Claire Vasseur`, `dijo a Carmen`).
    fn addressee_at(&self, pos: usize) -> bool {
        let lex = Lexicon::of(self.lang);
        let head = self
            .text
            .get(floor_boundary(self.text, pos.saturating_sub(64))..pos)
            .unwrap_or("");
        let words: Vec<String> = head
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        let mut i = 0;
        if words.first().is_some_and(|w| lex.is_title(w)) {
            i = 1;
        }
        let Some(w) = words.get(i) else {
            return false;
        };
        lex.takes_addressee(w)
            || lex.marks_addressee(w)
                && words.get(i + 1).is_some_and(|v| is_verb_word(v, self.lang))
    }

    /// A speaker found before agrees with a pronoun of gender `want`: the person it names
    /// is of that gender or of unknown gender.
    fn speaker_agrees(&self, s: &Speaker, want: Option<Gender>) -> bool {
        let Some(want) = want else {
            return true;
        };
        // The person named at the speaker's span, else the pronoun found there (`she`
        // carries its gender), else a title before it.
        let pronoun = || {
            let w = self.text.get(s.start..s.end)?.to_lowercase();
            Lexicon::of(self.lang)
                .pronoun(&w)
                .filter(|p| !p.plural_only)?
                .gender
        };
        self.mention_in(s.start, s.end)
            .and_then(|m| self.entities.get(m.entity))
            .filter(|e| e.kind == EntityKind::Person)
            .and_then(|e| self.entity_gender(e))
            .or_else(pronoun)
            .or_else(|| self.title_gender_before(s.start))
            .is_none_or(|g| g == want)
    }

    /// A person's gender as the article tells it: a gendered title before one of their
    /// mentions or inside it (`Mrs. Cole`, `Herr Meier`, `Ministerin Schröder`), else their
    /// first name in the lexicon's list. `None` when neither says.
    fn entity_gender(&self, e: &Entity) -> Option<Gender> {
        let lex = Lexicon::of(self.lang);
        for m in e.mentions.iter().take(64) {
            let inside = self.slice(m.start..m.end);
            let titled = inside
                .split_whitespace()
                .find_map(|w| lex.title_gender(&w.trim_end_matches('.').to_lowercase()));
            if let Some(g) = titled.or_else(|| self.title_gender_before(m.start)) {
                return Some(g);
            }
        }
        let first = e
            .name
            .split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .find(|w| !lex.is_title(w));
        first.and_then(|f| lex.first_name_gender(&f)).or_else(|| {
            e.mentions
                .iter()
                .take(16)
                .find_map(|m| self.reported_pronoun_gender(m.end))
        })
    }

    /// `Lowe, who chairs the panel, said she would …`: the gender of the pronoun that a
    /// reporting verb right after a mention (ending at `end`) takes as its subject, in the
    /// same clause and with no other person named in between.
    fn reported_pronoun_gender(&self, end: usize) -> Option<Gender> {
        let lex = Lexicon::of(self.lang);
        let rest = self.text.get(end..floor_boundary(self.text, end + 160))?;
        let clause = rest
            .find(['.', '!', '?', ';', '\n', '“', '„', '«', '"'])
            .map_or(rest, |i| &rest[..i]);
        let words: Vec<(usize, String)> = clause
            .split_whitespace()
            .map(|w| {
                let at = w.as_ptr() as usize - clause.as_ptr() as usize;
                let l = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                (at, l)
            })
            .collect();
        let v = words.iter().position(|(_, w)| is_verb_word(w, self.lang))?;
        let from = self.located.partition_point(|l| l.start < end);
        let named_between = self.located[from..]
            .iter()
            .take_while(|l| l.start < end + words[v].0)
            .any(|l| {
                self.entities
                    .get(l.entity)
                    .is_some_and(|e| e.kind == EntityKind::Person)
            });
        if named_between {
            return None;
        }
        let mut k = v + 1;
        if words
            .get(k)
            .is_some_and(|(_, w)| lex.is("complementizers", w))
        {
            k += 1;
        }
        let p = lex.pronoun(&words.get(k)?.1)?;
        if p.plural_only {
            return None;
        }
        p.gender
    }

    /// The gender marked by a title right before byte `pos` (`Mrs. ` or `Frau `).
    fn title_gender_before(&self, pos: usize) -> Option<Gender> {
        Lexicon::of(self.lang).title_gender(&self.word_before(pos)?)
    }

    /// The word before byte `pos` is a title or function (`Judge`, `Leader`, `minister`).
    fn title_before(&self, pos: usize) -> bool {
        self.word_before(pos)
            .is_some_and(|w| is_title(&w) || self.lex().is_title(&w))
    }

    /// The word right before byte `pos` (a full stop after it skipped), in lower case.
    fn word_before(&self, pos: usize) -> Option<String> {
        let head = self
            .text
            .get(floor_boundary(self.text, pos.saturating_sub(32))..pos)?
            .trim_end();
        let head = head.strip_suffix('.').unwrap_or(head);
        let word = head.rsplit(|c: char| !c.is_alphanumeric()).next()?;
        Some(word.to_lowercase())
    }

    /// Byte `pos` lies inside a quote.
    fn quoted(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.start <= pos);
        i > 0 && self.quoted[..i].iter().rev().take(4).any(|q| pos < q.end)
    }

    /// A person's mention starts at byte `pos`.
    fn person_at(&self, pos: usize) -> bool {
        let idx = self.located.partition_point(|l| l.start < pos);
        self.located[idx..]
            .iter()
            .take_while(|l| l.start == pos)
            .any(|l| {
                self.entities
                    .get(l.entity)
                    .is_some_and(|e| e.kind == EntityKind::Person)
                    && !self.is_doubtful(l.entity)
            })
    }

    fn is_doubtful(&self, entity: usize) -> bool {
        self.doubtful.get(entity).copied().unwrap_or(false)
    }

    /// The kind of the entity [`Ctx::mention_in`] finds.
    fn kind_in(&self, start: usize, end: usize) -> Option<EntityKind> {
        let m = self.mention_in(start, end)?;
        self.entities.get(m.entity).map(|e| e.kind)
    }

    fn mention_in(&self, start: usize, end: usize) -> Option<&Located> {
        let idx = self.located.partition_point(|l| l.start < start);
        let found: Vec<&Located> = self.located[idx..]
            .iter()
            .take_while(|l| l.start < end)
            .filter(|l| l.end <= end && !self.is_doubtful(l.entity))
            .collect();
        let kind = |l: &&Located| self.entities.get(l.entity).map(|e| e.kind);
        found
            .iter()
            .find(|l| kind(l) == Some(EntityKind::Person))
            .or_else(|| {
                found
                    .iter()
                    .find(|l| kind(l) == Some(EntityKind::Organization))
            })
            // A name in lower case is an adjective of nationality or origin and names nobody
            // who speaks (`el ciclista alavés` is no `alavés`).
            .or_else(|| {
                found.iter().find(|l| {
                    kind(l) != Some(EntityKind::Other)
                        || self.text.get(l.start..l.end).is_some_and(starts_upper)
                })
            })
            .copied()
    }

    /// Turns the noun phrase `start..end` into a speaker.
    fn speaker_from_np(&self, start: usize, end: usize, recent: &[Speaker]) -> Option<Speaker> {
        let end = end + self.role_tail(end);
        // A description followed by the name in apposition: `su portavoz, Ana López`.
        if self.mention_in(start, end).is_none() {
            if let Some(l) = self.person_in_apposition(end) {
                return self.speaker_from_np(l.start, l.end, recent);
            }
        }
        let np = self.text.get(start..end)?.trim();
        if np.is_empty() {
            return None;
        }
        let mut buf = String::new();
        let lower = lower_into(np, &mut buf).to_string();
        if self.lex().is_pronoun(lower.as_str()) {
            return self.pronoun_speaker(&lower, np, start..end, recent);
        }
        if let Some(m) = self.mention_in(start, end) {
            let e = self.entities.get(m.entity)?;
            if let Some(s) = self.named_speaker(m, e, start..end, np) {
                return Some(s);
            }
        }
        let words: Vec<&str> = lower.split_whitespace().collect();
        if words.iter().any(|w| self.lex().has(Words::Statements, w))
            && !np.split_whitespace().skip(1).any(starts_upper)
        {
            if let Some(o) = self.last_mention(start, &[EntityKind::Organization]) {
                let e = self.entities.get(o.entity)?;
                return Some(Speaker {
                    name: e.name.clone(),
                    start,
                    end,
                });
            }
        }
        if self.lang != Lang::De {
            if let Some(s) = self.capitalised_name(np) {
                return Some(s);
            }
        }
        Some(self.phrase_speaker(np))
    }

    /// `np`, a slice of the text, as a speaker named by its words.
    fn phrase_speaker(&self, np: &str) -> Speaker {
        let start = np.as_ptr() as usize - self.text.as_ptr() as usize;
        Speaker {
            name: np.to_string(),
            start,
            end: start + np.len(),
        }
    }

    /// Some word of `s` is a title (of any language or of the article's).
    fn titled(&self, s: &str) -> bool {
        s.split_whitespace().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            is_title(&w) || Lexicon::of(self.lang).is_title(&w)
        })
    }

    /// The length of a role that goes on in lower case after a phrase ending at `end`, up to a
    /// comma (`the White House press secretary, Mr. Daniel Ruiz,`): outside German the role
    /// belongs to the phrase. 0 when there is none.
    fn role_tail(&self, end: usize) -> usize {
        let rest = self
            .text
            .get(end..floor_boundary(self.text, end + 64))
            .unwrap_or("");
        rest.find(", ")
            .filter(|&i| {
                let words: Vec<&str> = rest[..i].split_whitespace().collect();
                self.lang != Lang::De
                    && (1..=3).contains(&words.len())
                    && words.iter().all(|w| starts_lower(w))
                    && self.titled(&rest[..i])
            })
            .unwrap_or(0)
    }

    /// The person named in apposition after a phrase ending at `end` (`, Ana López`, `,
    /// Mr. Daniel Ruiz`).
    fn person_in_apposition(&self, end: usize) -> Option<&Located> {
        let r = self.text.get(end..)?.strip_prefix(", ")?;
        let at = self.after_title(end + 2);
        let idx = self.located.partition_point(|l| l.start < at);
        self.located.get(idx).filter(|l| {
            l.start == at
                && self
                    .entities
                    .get(l.entity)
                    .is_some_and(|e| e.kind == EntityKind::Person)
                && !r.is_empty()
        })
    }

    /// A pronoun (`np`, lower case `lower`, at `span`) as the person it stands for.
    fn pronoun_speaker(
        &self,
        lower: &str,
        np: &str,
        span: Range<usize>,
        recent: &[Speaker],
    ) -> Option<Speaker> {
        // `he said` after a woman was named is not hers: a pronoun with a gender goes to
        // the last person who agrees with it or whose gender is unknown.
        let want = Lexicon::of(self.lang)
            .pronoun(lower)
            .filter(|p| !p.plural_only)
            .and_then(|p| p.gender);
        let person = self
            .subject_person_agreeing(span.start, want)
            .or_else(|| self.last_person_agreeing(span.start, want));
        let from_recent = recent
            .iter()
            .rev()
            .find(|s| s.start < span.start && self.speaker_agrees(s, want));
        let name = match (person, from_recent) {
            (Some(p), None) => self.entities.get(p.entity)?.name.clone(),
            (p, r) => self.latest_name(p, r).unwrap_or_else(|| np.to_string()),
        };
        Some(Speaker {
            name,
            start: span.start,
            end: span.end,
        })
    }

    /// The phrase `np` (at `span`) that holds the mention `m` of `e`: the name, a role with
    /// the person in apposition, or the whole phrase. `None` when the mention names nobody.
    fn named_speaker(
        &self,
        m: &Located,
        e: &Entity,
        span: Range<usize>,
        np: &str,
    ) -> Option<Speaker> {
        let (start, end) = (span.start, span.end);
        // `Cantrell’s spokeswoman, Tara Jennings`, `Quintero's campaign`: a name in the
        // possessive owns the noun after it, which speaks; the person in apposition is its
        // name, or else the whole phrase. So does a name that qualifies the noun after it
        // (`the Summerour campaign`; the mention may hold the possessive mark).
        let rest = self.slice(m.end..end);
        let opener = self.slice(start..m.start).split_whitespace().next();
        let qualifier = self.ends_possessive(self.slice(m.start..m.end))
            || opener.is_some_and(|w| {
                self.lex()
                    .is("name_qualifying_determiners", &w.to_lowercase())
            });
        let qualifies_noun = qualifier
            && rest
                .strip_prefix(' ')
                .is_some_and(|r| r.split_whitespace().next().is_some_and(starts_lower));
        if qualifies_noun || possessive_before_noun(rest, self.lex()) {
            if let Some(l) = self.person_in_apposition(end) {
                return located_speaker(self, l);
            }
            return Some(self.phrase_speaker(np));
        }
        // `der Geschäftsführer der Grünen, Volker Beck`, `der Sprecher des Ministeriums`:
        // an organisation after a role is not the speaker; the person in apposition is,
        // or else the whole phrase.
        let head = self.slice(start..m.start);
        // `the White House press secretary, Mr. Daniel Ruiz,`: outside German, a title
        // after the organisation makes the phrase a role too.
        let role = e.kind != EntityKind::Person
            && (self.titled(head) || self.lang != Lang::De && self.titled(self.slice(m.end..end)));
        if role {
            if let Some(l) = self.person_in_apposition(end) {
                return located_speaker(self, l);
            }
            let s = self.phrase_speaker(np);
            // `Ein Sprecher der „Grünen Liga“`: the closing mark of a quoted name too.
            let e = close_open_quote(self.text, s.start, s.end);
            return Some(Speaker {
                name: self.text.get(s.start..e).unwrap_or(np).to_string(),
                start: s.start,
                end: e,
            });
        }
        // `des Berliner Verfassungsschutzes`, `die Deutsche Welle`: a place or a word that
        // qualifies the noun after it; the whole phrase speaks.
        let qualifies =
            matches!(e.kind, EntityKind::Place | EntityKind::Other) || self.is_doubtful(m.entity);
        let rest = self.slice(m.end..end);
        // `die Demonstranten vom Frankfurter Hauptbahnhof`: a place after the noun that
        // heads the phrase only says where; the whole phrase speaks.
        let placed = self.lang == Lang::De
            && e.kind == EntityKind::Place
            && head.split_whitespace().any(|w| {
                let l = w.to_lowercase();
                starts_upper(w) && !self.lex().has(Words::Determiners, l.as_str())
            });
        if placed || qualifies && rest.starts_with(' ') && rest.split_whitespace().any(starts_upper)
        {
            return Some(self.phrase_speaker(np));
        }
        matches!(
            e.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Other
        )
        .then(|| located_speaker(self, m))
        .flatten()
    }

    /// A capitalised name in `np` the entity pass did not keep (unknown single names): from
    /// its first capitalised word that is no title or article to its last.
    fn capitalised_name(&self, np: &str) -> Option<Speaker> {
        let name_words: Vec<&str> = np
            .split_whitespace()
            .filter(|w| starts_upper(w))
            .filter(|w| {
                let l = w.to_lowercase();
                !is_title(&l) && !self.lex().has(Words::Determiners, l.as_str())
            })
            .collect();
        let first = name_words.first()?;
        let base = np.as_ptr() as usize - self.text.as_ptr() as usize;
        let s = base + np.find(first)?;
        let last = name_words.last().unwrap_or(first);
        let e = np
            .rfind(last)
            .map_or(s + first.len(), |o| base + o + last.len());
        let name = self.text.get(s..e)?;
        Some(Speaker {
            name: name.to_string(),
            start: s,
            end: e,
        })
    }

    /// `pos`, or the start of the word after the title that stands at `pos` (`Mr. `, `Frau `).
    fn after_title(&self, pos: usize) -> usize {
        let rest = self.slice(pos..);
        let word: &str = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lex = Lexicon::of(self.lang);
        let lower = word.to_lowercase();
        let after = &rest[word.len()..];
        let gap = if lex.is_abbreviated_title(&lower) {
            after.strip_prefix(". ").map(|_| 2)
        } else if lex.is_title(&lower) && starts_upper(word) {
            after.strip_prefix(' ').map(|_| 1)
        } else {
            None
        };
        gap.map_or(pos, |g| pos + word.len() + g)
    }

    /// Word `j - 1` is an abbreviated title or an initial (`Sen.`, `Dr.`, `Mme`, `George W.`)
    /// whose full stop is all that separates it from the capitalised word `j`: the name goes on.
    fn abbreviation_before_name(&self, seg: &Seg, j: usize) -> bool {
        let prev = seg.words[j - 1].as_str(seg.text);
        let abbreviation = Lexicon::of(self.lang).is_abbreviated_title(&seg.lower[j - 1])
            || prev.chars().count() == 1 && starts_upper(prev);
        abbreviation
            && seg
                .gap(j)
                .strip_prefix('.')
                .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c.is_whitespace() && c != '\n'))
            && starts_upper(seg.words[j].as_str(seg.text))
    }

    /// The capitalised noun of the phrase that opens at word `i` of `seg` after a genitive
    /// link, over an article and up to two adjectives (`der mexikanischen Regierung`), when
    /// only spaces stand between the words.
    fn linked_noun(&self, seg: &Seg, i: usize) -> Option<usize> {
        let mut k = i;
        if self.lex().is_article(&seg.lower[k]) {
            k += 1;
        }
        while k < seg.words.len() && k < i + 4 && gap_is_space(seg.gap(k)) {
            if starts_upper(seg.words[k].as_str(seg.text)) {
                return (k > i).then_some(k);
            }
            k += 1;
        }
        None
    }

    /// Word `j` of `seg`, lower case after the name that ends at word `j - 1`, is a noun that
    /// name qualifies: the name is in the possessive (`Quintero's campaign`) or stands between
    /// a determiner at `i` and the noun (`the Summerour campaign`; the lexicon's
    /// `name_qualifying_determiners`, only where the language puts a name before the noun
    /// it qualifies without joining them: not `die Merkel-Regierung`).
    fn name_qualifies(&self, seg: &Seg, i: usize, j: usize) -> bool {
        let l = seg.lower[j].as_str();
        if self.lang == Lang::De
            || self.lex().has(Words::NpStop, l)
            || self.lex().has(Words::Relatives, l)
            || self.lex().is_pronoun(l)
            || self.skippable(l)
        {
            return false;
        }
        self.ends_possessive(seg.words[j - 1].as_str(seg.text))
            || j - 1 > i && self.lex().is("name_qualifying_determiners", &seg.lower[i])
    }

    /// `word` ends with a possessive mark of the lexicon (`Quintero's`).
    fn ends_possessive(&self, word: &str) -> bool {
        self.lex()
            .rule("possessive_marks")
            .iter()
            .any(|p| word.ends_with(p))
    }

    /// The lower-case word `l` ends a noun phrase before it: the end of a split reporting
    /// verb (`laat een woordvoerder van het stadsdeel weten`) or an object pronoun before the
    /// verb (`El joven le respondió`).
    fn ends_phrase(&self, l: &str) -> bool {
        self.lex().is("split_verb_ends", l)
            || (self.lex().is("object_clitics", l)
                && !self.lex().is_article(l)
                && !self.lex().has(Words::NpStop, l))
    }

    /// The preposition `l` after a description that opens with `first` starts a phrase that
    /// places it (`a manager at the plant`). After the verb only an indefinite description is
    /// placed so (`zei een melkveehouder uit Bergentheim`): a definite one is somebody named
    /// before, and the phrase says where the words were said.
    fn places_description(&self, first: &str, l: &str, after_verb: bool) -> bool {
        self.lex().has(Words::Determiners, first)
            && if after_verb {
                NameWords::of(self.lang).indefinites.contains(first)
                    && self.lex().is("description_preps_after_verb", l)
            } else {
                self.lex().is("description_preps", l)
            }
    }

    /// The noun phrase starting at word `i` of `seg` (after skippable adverbs): byte range.
    fn np_forward(&self, seg: &Seg, i: usize) -> Option<(usize, usize)> {
        self.np_from(seg, i, true)
    }

    /// Like [`Ctx::np_forward`]; `after_verb` says the phrase follows a verb, so punctuation
    /// before it means there is no phrase.
    fn np_from(&self, seg: &Seg, mut i: usize, after_verb: bool) -> Option<(usize, usize)> {
        let n = seg.words.len();
        let mut skipped = 0;
        while i < n && skipped < 3 && self.skippable(&seg.lower[i]) {
            // A skippable word must not itself be the end of the phrase's text.
            i += 1;
            skipped += 1;
        }
        if i >= n {
            return None;
        }
        if after_verb
            && i > 0
            && skipped == 0
            && i < n
            && !gap_is_space(seg.gap(i))
            && !seg.gap(i).trim().is_empty()
        {
            // Punctuation right after the verb: no inverted subject.
            return None;
        }
        let first = seg.lower[i].as_str();
        if self.lex().is_pronoun(first) {
            return Some((seg.words[i].start, seg.words[i].end));
        }
        if self.lex().has(Words::NpStop, first) && !self.lex().has(Words::Determiners, first) {
            return None;
        }
        let start = seg.words[i].start;
        let mut end = seg.words[i].end;
        let mut j = i + 1;
        let mut named = starts_upper(seg.words[i].as_str(seg.text))
            && !self.lex().has(Words::Determiners, first);
        let mut extended = false;
        while j < n && j - i < 8 {
            let gap = seg.gap(j);
            if !gap_is_space(gap) && !self.abbreviation_before_name(seg, j) {
                break;
            }
            let w = seg.words[j].as_str(seg.text);
            let l = seg.lower[j].as_str();
            if seg.is_verb(j) {
                break;
            }
            let upper = starts_upper(w);
            if self.lang == Lang::De
                && !upper
                && starts_upper(seg.words[j - 1].as_str(seg.text))
                && (j - 1 > i || !self.lex().has(Words::Determiners, first))
            {
                // German: a noun ends the phrase unless a genitive or `von` follows
                // (`der Sprecher des Ministeriums`, `die Polizei hatte …`).
                if self.lex().is("genitive_links", l) && j + 1 < n {
                    // The link's phrase runs to its noun: `des Ministeriums`, `von der
                    // mexikanischen Regierung`.
                    // A link with no noun after it (`sprach der Präsident von der „…“`)
                    // is no part of the phrase.
                    let k = match self.linked_noun(seg, j + 1) {
                        Some(k) => k,
                        None if starts_upper(seg.words[j + 1].as_str(seg.text)) => j + 1,
                        None => break,
                    };
                    end = seg.words[k].end;
                    j = k + 1;
                    continue;
                }
                break;
            }
            if named && !upper {
                // A name is followed by lower-case words that are not part of it.
                if self.lex().is("name_particles", l)
                    && j + 1 < n
                    && starts_upper(seg.words[j + 1].as_str(seg.text))
                {
                    j += 1;
                    continue;
                }
                if self.name_qualifies(seg, i, j) {
                    // `Quintero's campaign`, `the Summerour campaign`: the noun the name
                    // qualifies heads the phrase.
                    named = false;
                    end = seg.words[j].end;
                    j += 1;
                    continue;
                }
                break;
            }
            if !upper && self.ends_phrase(l) {
                break;
            }
            if !upper && self.lang != Lang::De && self.lex().has(Words::Relatives, l) {
                // A relative clause says more about the phrase but is no part of it: `een
                // omwonende die niet met naam genoemd wil worden`.
                break;
            }
            if !upper
                && !named
                && !extended
                && self.places_description(first, l, after_verb)
                && j + 1 < n
                && gap_is_space(seg.gap(j + 1))
                && !self.time_word(&seg.lower[j + 1])
            {
                // One phrase that places a description: `a manager at the plant`,
                // `een melkveehouder uit Bergentheim`.
                extended = true;
                end = seg.words[j + 1].end;
                j += 2;
                continue;
            }
            if !upper && self.lex().has(Words::NpStop, l) {
                // Genitive phrases in descriptions: `der Sprecher des Ministeriums`.
                // `cette retraitée de 74 ans`: an age is no part of it.
                let number_next = seg
                    .words
                    .get(j + 1)
                    .is_some_and(|w| w.as_str(seg.text).starts_with(|c: char| c.is_ascii_digit()));
                if self.lex().is("genitive_preps", l)
                    && !named
                    && j + 1 < n
                    && !(number_next && self.lang != Lang::De)
                {
                    end = seg.words[j + 1].end;
                    j += 2;
                    continue;
                }
                break;
            }
            if upper && !is_title(l) && self.lang != Lang::De {
                named = true;
            }
            end = seg.words[j].end;
            j += 1;
        }
        Some((start, end))
    }
}

/// `end`, or just after the closing mark when `start..end` opens a quote it does not close.
fn close_open_quote(text: &str, start: usize, end: usize) -> usize {
    let span = text.get(start..end).unwrap_or("");
    let opens = span.matches('„').count();
    let closes = span.matches(['“', '”']).count();
    if opens > closes {
        if let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
            if matches!(c, '“' | '”') {
                return end + c.len_utf8();
            }
        }
    }
    end
}

/// German: per entity, whether a one-word "person" reads as a common word rather than a
/// name: lower case (`griechischen`), or in most of its mentions right after an article or a
/// possessive (`seines Zeichens`, `den Druck`) or right before another capitalised word it
/// qualifies (`Berliner Verfassungsschutz`, `Hamburger Stadtreinigung`).
pub fn doubtful_people(text: &str, entities: &[Entity], lang: Lang) -> Vec<bool> {
    entities
        .iter()
        .map(|e| {
            if lang != Lang::De || e.kind != EntityKind::Person || e.name.contains(' ') {
                return false;
            }
            if e.name.chars().next().is_some_and(char::is_lowercase) {
                return true;
            }
            let odd = e
                .mentions
                .iter()
                .filter(|m| {
                    let before = text.get(..m.start).unwrap_or("");
                    let prev = before
                        .strip_suffix(' ')
                        .and_then(|b| b.rsplit(char::is_whitespace).next())
                        .unwrap_or("");
                    let after = text.get(m.end..).unwrap_or("");
                    let next_upper = after
                        .strip_prefix(' ')
                        .is_some_and(|a| a.starts_with(|c: char| c.is_uppercase()));
                    Lexicon::of(lang).is("before_common_noun", prev) || next_upper
                })
                .count();
            odd * 2 > e.mentions.len()
        })
        .collect()
}

/// A source named in quote marks right after `pos`: `laut „Reuters“`, `laut "Spiegel"`.
fn quoted_name_after(ctx: &Ctx, pos: usize) -> Option<Speaker> {
    let rest = ctx.text.get(pos..)?;
    let trimmed = rest.trim_start_matches(' ');
    let open = pos + (rest.len() - trimmed.len());
    let mut chars = trimmed.char_indices();
    let (_, mark) = chars.next()?;
    let close: &[char] = match mark {
        '„' => &['“', '”'],
        '“' => &['”'],
        '"' => &['"'],
        '»' => &['«'],
        '«' => &['»'],
        _ => return None,
    };
    let (end, c) = chars
        .take_while(|&(i, _)| i < 80)
        .find(|&(_, c)| close.contains(&c))?;
    let inner = trimmed.get(mark.len_utf8()..end)?.trim();
    if inner.is_empty() || inner.split_whitespace().count() > 5 {
        return None;
    }
    Some(Speaker {
        name: inner.to_string(),
        start: open,
        end: open + end + c.len_utf8(),
    })
}

/// Nothing but punctuation stands between the start of the quote's sentence and the quote.
fn alone_quote(ctx: &Ctx, sent_start: usize, q: &Found) -> bool {
    ctx.text
        .get(sent_start..q.open)
        .is_some_and(|t| !t.contains(char::is_alphanumeric))
}

fn gap_is_space(g: &str) -> bool {
    g.chars().all(|c| c.is_whitespace())
}

/// Where a quote stands: its block, its sentence and the windows of text the rules read
/// (bounded, so that the work stays linear on huge paragraphs).
struct Place {
    block: Range<usize>,
    /// The quote's sentence among the block's sentences.
    s_idx: usize,
    /// The quote's sentence, at most 400 bytes either side of the quote.
    sentence: Range<usize>,
    /// The text before the quote in its sentence, back to the previous quote.
    before: Range<usize>,
    /// Like `before`, reaching back over a short quoted name.
    before_ext: Range<usize>,
    /// The text after the quote in its sentence, up to the next quote.
    after: Range<usize>,
    /// Like `after`, reaching over a short quoted name.
    after_ext: Range<usize>,
    /// The speaker a headline names for the quote (rule `headline`), found once for the
    /// cascade and the proposals.
    headline: Option<Speaker>,
}

/// What the cascade has found for one quote so far.
#[derive(Default)]
struct Answer {
    found: Option<Speaker>,
    via: &'static str,
    /// Found across a quoted name: a weaker sign that the sentence reports.
    weak: bool,
    /// Nobody speaks (a passive without an agent, an impersonal clause): the search ends.
    settled: bool,
    /// Spanish or Portuguese: a reporting verb without its subject after the quote.
    pro_drop: bool,
}

impl Answer {
    /// Takes what rule `via` found, or nothing when the rule is switched off.
    fn take(&mut self, found: Option<Speaker>, via: &'static str) {
        self.found = found.filter(|_| !rank::off(via));
        self.via = via;
    }

    /// Nothing found yet and nothing settled.
    fn open(&self) -> bool {
        self.found.is_none() && !self.settled
    }

    /// Nothing speaks: what was found is a medium or the clause is impersonal.
    fn settle(&mut self) {
        self.found = None;
        self.settled = true;
        self.via = "impersonal";
    }
}

/// The walk over an article's quotes: the speakers found so far and the sentence ends of the
/// current block.
struct Walk<'w, 'a> {
    ctx: &'w Ctx<'a>,
    blocks: &'w [Range<usize>],
    quotes: &'w [Found],
    out: Vec<Attribution>,
    /// Explicit speakers in text order, for pronouns and the fallback.
    recent: Vec<Speaker>,
    pending: Vec<Pending>,
    /// The block whose sentence ends `ends` holds.
    cur_block: usize,
    ends: Vec<usize>,
    /// Build every quote's candidates (for the ranker or the evaluation).
    all_candidates: bool,
}

/// Finds the speaker of each quote. `is_direct` says which quotes are speech (others get
/// no speaker). Returns one attribution per quote.
pub fn attribute(ctx: &Ctx, blocks: &[Range<usize>], quotes: &[Found]) -> Vec<Attribution> {
    let ranker = rank::Ranker::shipped(ctx.lang);
    let use_ranker = ranker.applies_to(ctx.lang);
    // The candidates of a quote are built for the ranker, for the evaluation, and when the
    // cascade's answer may not stand (a title alone); otherwise they change nothing.
    let mut walk = Walk {
        ctx,
        blocks,
        quotes,
        out: Vec::with_capacity(quotes.len()),
        recent: Vec::new(),
        pending: Vec::with_capacity(quotes.len()),
        cur_block: usize::MAX,
        ends: Vec::new(),
        all_candidates: use_ranker || rank::is_recording(),
    };
    for (qi, q) in quotes.iter().enumerate() {
        walk.quote(qi, q);
    }
    let Walk {
        mut out,
        mut pending,
        all_candidates,
        ..
    } = walk;
    propose_next_speakers(ctx, quotes, &out, &mut pending);
    let mut names: Option<Names> = None;
    for ((q, a), p) in quotes.iter().zip(out.iter_mut()).zip(&pending) {
        if !all_candidates && admissible_speaker(ctx, a.speaker.as_ref()) {
            continue;
        }
        let names = names.get_or_insert_with(|| Names::new(ctx.entities));
        let cands = candidates(ctx, names, q, a, p);
        rank::record(&cands);
        let cascade_admissible = cands.first().is_none_or(|c| rank::admissible(&c.features));
        if !use_ranker && cascade_admissible {
            continue;
        }
        if let Some(c) = ranker
            .choose(cands.iter().map(|c| c.features.as_slice()))
            .filter(|&i| i > 0)
            .and_then(|i| cands.get(i))
        {
            a.speaker = c.speaker.clone();
            a.rule = c.rules.first().copied().unwrap_or("none");
        }
    }
    out
}

/// The speaker the next quote of the paragraph was given, proposed for each quote whose
/// candidates are built (`nextquote`: `„A“ und „B“, sagte X`), and whether only a word or
/// two and no sentence end stand between the two quotes.
fn propose_next_speakers(
    ctx: &Ctx,
    quotes: &[Found],
    out: &[Attribution],
    pending: &mut [Pending],
) {
    for qi in 0..quotes.len().saturating_sub(1) {
        let (Some(a), Some(b), Some(next)) = (quotes.get(qi), quotes.get(qi + 1), out.get(qi + 1))
        else {
            continue;
        };
        let Some(p) = pending.get_mut(qi) else {
            continue;
        };
        if a.block != b.block || p.props.is_empty() || !next.explicit || rank::off("nextquote") {
            continue;
        }
        if let Some(s) = next.speaker.clone() {
            let between = ctx.text.get(a.close_end..b.open).unwrap_or("x");
            p.joined_next =
                between.split_whitespace().count() <= 2 && !between.contains(['.', '!', '?']);
            p.props.push((s, "nextquote"));
        }
    }
}

/// A short quoted name (`„X AG“`): no more than four words, no closing punctuation.
fn short_quoted_name(inner: &str) -> bool {
    inner.split_whitespace().count() <= 4 && !inner.ends_with(['.', '!', '?', ',', ':', '…'])
}

impl Walk<'_, '_> {
    /// Attributes quote `qi` and records its attribution and its candidates.
    fn quote(&mut self, qi: usize, q: &Found) {
        let Some(block) = self.blocks.get(q.block) else {
            self.pending.push(Pending::default());
            self.out.push(Attribution {
                speaker: None,
                explicit: false,
                cue: false,
                somebody: false,
                rule: "none",
            });
            return;
        };
        if q.block != self.cur_block {
            self.cur_block = q.block;
            self.ends = self.sentence_ends(qi, block);
        }
        let p = self.place(qi, q, block.clone());
        let (a, explicit) = self.cascade(qi, q, &p);
        let ctx = self.ctx;
        let needed = self.all_candidates || !admissible_speaker(ctx, a.found.as_ref());
        let pending = if needed {
            self.pending(q, &p)
        } else {
            Pending::default()
        };
        self.pending.push(pending);
        let Answer { found, via, .. } = a;
        if let Some(s) = &found {
            if explicit {
                self.recent.push(s.clone());
            }
        }
        let sentence = p.sentence;
        let cue =
            explicit || has_cue(ctx, sentence.clone()) || reported_speech(ctx, sentence.clone());
        self.out.push(Attribution {
            // The subject of a reporting verb after the quote is somebody by its place (a
            // relative pronoun, the agent of a passive).
            somebody: found
                .as_ref()
                .is_some_and(|s| via == "verblast" || somebody(ctx, s)),
            rule: if found.is_some() { via } else { "none" },
            speaker: found,
            explicit,
            cue,
        });
    }

    /// The sentence ends of `block`, whose first quote is quote `qi`.
    fn sentence_ends(&self, qi: usize, block: &Range<usize>) -> Vec<usize> {
        let (ctx, q) = (self.ctx, &self.quotes[qi]);
        let in_block = || {
            self.quotes
                .iter()
                .skip(qi)
                .take_while(|o| o.block == q.block)
        };
        let skip: Vec<Range<usize>> = in_block().map(|o| o.start..o.end).collect();
        let mut ends = text::sentence_ends(ctx.text, block.clone(), &skip);
        // A quote that ends its own sentence (`…regio.' Hij voegt`) ends the outer one.
        for o in in_block() {
            let inner = ctx.slice(o.start..o.end);
            let after = ctx.slice(o.close_end..block.end).trim_start();
            if inner.ends_with(['.', '!', '?', '…'])
                && after.starts_with(|c: char| c.is_uppercase())
            {
                ends.push(o.close_end);
            }
        }
        ends.sort_unstable();
        ends
    }

    /// The quotes of the same block before quote `qi`, nearest first.
    fn earlier(&self, qi: usize) -> impl Iterator<Item = &Found> {
        let block = self.quotes[qi].block;
        self.quotes[..qi]
            .iter()
            .rev()
            .take_while(move |o| o.block == block)
    }

    /// Where quote `qi` stands in `block`.
    fn place(&self, qi: usize, q: &Found, block: Range<usize>) -> Place {
        let (ctx, ends) = (self.ctx, &self.ends);
        let s_idx = ends.partition_point(|&e| e <= q.open);
        let sent_start = if s_idx == 0 {
            block.start
        } else {
            ends[s_idx - 1]
        };
        let sent_end = ends
            .get(ends.partition_point(|&e| e < q.close_end))
            .copied()
            .unwrap_or(block.end)
            .max(q.close_end);
        // A short quoted name before the quote in its sentence is part of the clause, not
        // its end: `Ein Vertreter der „X AG“ bezeichnete die Lage als „…“`.
        let mut earlier = self.earlier(qi);
        let prev_close_ext = match earlier.next() {
            Some(o) => {
                let inner = ctx.slice(o.start..o.end);
                let short_name = o.close_end > sent_start
                    && short_quoted_name(inner)
                    && !ctx
                        .text
                        .get(o.close_end..q.open)
                        .is_some_and(|g| g.trim_start().starts_with(','));
                if short_name {
                    earlier.next().map_or(block.start, |e| e.close_end)
                } else {
                    o.close_end
                }
            }
            None => block.start,
        };
        let prev_close = self.quotes[..qi]
            .iter()
            .rev()
            .find(|o| o.block == q.block)
            .map_or(block.start, |o| o.close_end);
        let next = self.quotes.get(qi + 1).filter(|o| o.block == q.block);
        let next_open = next.map_or(block.end, |o| o.open);
        let window_before = |from: usize| {
            ceil_boundary(
                ctx.text,
                sent_start
                    .max(from)
                    .max(q.open.saturating_sub(400))
                    .min(q.open),
            )..q.open
        };
        let before = window_before(prev_close);
        let before_ext = window_before(prev_close_ext);
        let after_end = floor_boundary(ctx.text, sent_end.min(next_open).min(q.close_end + 400))
            .max(q.close_end);
        let after = q.close_end..after_end;
        // `„…“ wird der Franzose im Fachblatt „La Gazzetta“ zitiert`: a short quoted name
        // after the quote is part of the clause that attributes it.
        let after_ext = match next {
            Some(o) if after_end == o.open && o.open < sent_end => {
                let inner = ctx.slice(o.start..o.end);
                let end = self
                    .quotes
                    .get(qi + 2)
                    .filter(|o2| o2.block == q.block)
                    .map_or(sent_end, |o2| o2.open.min(sent_end))
                    .min(q.close_end + 400);
                if short_quoted_name(inner) && inner.starts_with(char::is_uppercase) {
                    q.close_end..floor_boundary(ctx.text, end).max(q.close_end)
                } else {
                    after.clone()
                }
            }
            _ => after.clone(),
        };
        let sent_start = ceil_boundary(ctx.text, sent_start.max(q.open.saturating_sub(400)));
        let sent_end = floor_boundary(ctx.text, sent_end.min(q.close_end + 400)).max(sent_start);
        Place {
            block,
            s_idx,
            sentence: sent_start..sent_end,
            before,
            before_ext,
            after,
            after_ext,
            headline: if q.reopened {
                None
            } else {
                headline_speaker(ctx, q)
            },
        }
    }

    /// The rules in order, the first that finds a speaker (or settles that nobody speaks)
    /// wins. Also returns whether the answer is an explicit attribution.
    fn cascade(&self, qi: usize, q: &Found, p: &Place) -> (Answer, bool) {
        let ctx = self.ctx;
        let de = ctx.lang == Lang::De && !q.reopened;
        let mut a = Answer::default();
        if !q.reopened {
            a.take(p.headline.clone(), "headline");
            if a.found.is_none() {
                self.around(q, p, &mut a);
            }
        }
        if a.found.as_ref().is_some_and(|s| medium(ctx, s))
            || (a.found.is_none()
                && !a.pro_drop
                && anonymous_intro(ctx, p.before.clone(), &self.recent))
        {
            a.settle();
        }
        if (a.pro_drop || (a.open() && alone_quote(ctx, p.sentence.start, q)))
            && ctx.lang != Lang::De
            && !q.reopened
            && p.s_idx > 0
        {
            self.sentence_before(qi, p, &mut a);
        }
        if a.found.is_none() && de && !rank::off("verblast") && starts_with_verb(ctx, &p.after) {
            // `weil die Regierung das Land als „…“ bezeichnet hat`: the verb comes last.
            let seg = Seg::new(ctx, p.before.clone());
            let next = Seg::new(ctx, p.after.clone());
            match de_verb_last(ctx, &seg, &next, &self.recent) {
                Some(Some(s)) => a.found = Some(s),
                Some(None) => a.settled = true,
                None => {}
            }
            a.via = "verblast";
        }
        let explicit = (a.found.is_some() && !a.weak && a.via != "prevsent") || a.pro_drop;
        if a.open() && de {
            self.de_own_subject(q, p, &mut a);
        }
        if a.open() {
            a.take(self.fallback(q, p), "fallback");
        }
        (a, explicit)
    }

    /// The sentence before the quote's (`p.s_idx` must be at least 1).
    fn sentence_before_quote(&self, p: &Place) -> Range<usize> {
        previous_sentence(self.ctx.text, &self.ends, p.s_idx, p.block.start)
    }

    /// German: the text the quote stands in speaks (`war auf dem Transparent zu lesen`).
    fn text_place(&self, q: &Found, p: &Place) -> Option<Speaker> {
        let (before, after) = (p.sentence.start..q.open, q.close_end..p.sentence.end);
        de_text_place(self.ctx, before, after, &self.recent)
    }

    /// The speaker named before the quote in its sentence.
    fn before(&self, p: &Place) -> Option<Speaker> {
        let (ctx, recent) = (self.ctx, &self.recent);
        before_attribution(ctx, p.before.clone(), recent)
    }

    /// The speaker named after the quote (`after`), with its trailing short name.
    fn after_found(&self, p: &Place) -> Option<Speaker> {
        let ctx = self.ctx;
        after_attribution(ctx, p.after.clone(), &self.recent).or_else(|| {
            (p.after_ext.end > p.after.end)
                .then(|| after_attribution(ctx, p.after_ext.clone(), &self.recent))
                .flatten()
        })
    }

    /// The attribution in the quote's own sentence: after it, in the text it stands in,
    /// inside it, before it.
    fn around(&self, q: &Found, p: &Place, a: &mut Answer) {
        let (ctx, recent) = (self.ctx, &self.recent);
        a.take(self.after_found(p), "after");
        if a.found.as_ref().is_some_and(|s| medium(ctx, s))
            || impersonal_after(ctx, p.after.clone())
        {
            a.settle();
        } else if a.found.is_none() && pro_drop_after(ctx, p.after.clone()) {
            a.pro_drop = true;
        }
        let searching = |a: &Answer| a.open() && !a.pro_drop;
        if searching(a) {
            a.take(self.text_place(q, p), "textplace");
        }
        if searching(a) {
            a.take(incise(ctx, q, recent), "incise");
        }
        if searching(a) {
            a.take(self.before(p), "before");
        }
        if p.before_ext.start < p.before.start
            && !a.settled
            && !a.pro_drop
            && (a.found.is_none() || a.via == "before")
            && !a.found.as_ref().is_some_and(|s| somebody(ctx, s))
        {
            if let Some(s) = before_attribution(ctx, p.before_ext.clone(), recent)
                .filter(|s| a.found.is_none() || somebody(ctx, s))
            {
                a.weak = !somebody(ctx, &s);
                a.take(Some(s), "before");
            }
        }
    }

    /// `O autarca lembrou que … . «…», sublinhou.`, `Volgens X dekt … . “…”`: the speaker of
    /// the sentence before (its attributed quote, its reporting clause or, before a
    /// subject-less verb, the person it opens with).
    fn sentence_before(&self, qi: usize, p: &Place, a: &mut Answer) {
        let (ctx, recent) = (self.ctx, &self.recent);
        let prev = self.sentence_before_quote(p);
        let block = self.quotes[qi].block;
        let quoted_prev = self.quotes[..qi]
            .iter()
            .zip(&self.out)
            .rev()
            .take_while(|(o, _)| o.block == block)
            .find(|(o, _)| o.open < prev.end && prev.start < o.close_end);
        let found = match quoted_prev {
            Some((_, a)) => a.speaker.clone().filter(|_| a.explicit),
            None => before_attribution(ctx, prev.clone(), recent)
                .filter(|s| somebody(ctx, s))
                .or_else(|| {
                    a.pro_drop
                        .then(|| opening_subject(ctx, &Seg::new(ctx, prev.clone()), recent))
                        .flatten()
                }),
        };
        a.take(found, if a.pro_drop { "prodrop" } else { "prevsent" });
    }

    /// German: the subject of the quote's own sentence when it is somebody (`Die
    /// Bundesregierung hatte den Bericht als „falsch“ zurückgewiesen`), else who holds a
    /// claim, else the subject of a sentence before that reports speech (`Die Hausverwaltung
    /// versicherte, dass … . Eine „offene Frage“ sei der Grund.`).
    fn de_own_subject(&self, q: &Found, p: &Place, a: &mut Answer) {
        let (ctx, recent) = (self.ctx, &self.recent);
        let seg = Seg::new(ctx, p.before.clone());
        let own_subject =
            de_subject(ctx, &seg, seg.words.len(), recent).filter(|s| somebody(ctx, s));
        a.take(own_subject, "ownsubj");
        // `„…“, so Suttner. Außerdem hätte der Sender „…“`: in reported speech (a verb in
        // the subjunctive) a subject that is no person is what is reported on; the walk
        // back to who reports comes first, the subject only when it finds nobody.
        let mut own = None;
        let own_sentence = p.sentence.start..q.open;
        if reported_speech(ctx, own_sentence.clone())
            && a.found.as_ref().is_some_and(|s| {
                let np = ctx.slice(s.start..s.end).to_lowercase();
                !ctx.person_at(s.start) && !ctx.lex().is_pronoun(np.as_str())
            })
        {
            own = a.found.take();
        }
        if a.found.is_none() {
            self.walk_back(p, a);
        }
        if a.found.is_none() && own.is_some() {
            a.take(own, "ownsubj");
        }
    }

    /// German: walks back over sentences of reported speech (subjunctive, no reporting verb)
    /// to the sentence that reports: `Die Welle berichtet … . Dort sei man … . Dieser bestehe
    /// aus „…“`.
    fn walk_back(&self, p: &Place, a: &mut Answer) {
        let (ctx, recent, ends) = (self.ctx, &self.recent, &self.ends);
        let mut k = p.s_idx;
        while a.found.is_none() && k > 0 && p.s_idx - k < 3 {
            let prev = previous_sentence(ctx.text, ends, k, p.block.start);
            // A quote in that sentence: the walk stops there.
            if self
                .quotes
                .iter()
                .any(|o| o.open < prev.end && prev.start < o.close_end)
            {
                break;
            }
            let seg = Seg::new(ctx, prev.clone());
            if let Some(c) = seg.first_verb() {
                // A reporting verb's subject that holds a name (`Die Deutsche Welle
                // berichtet`) reports too.
                let subject = de_subject(ctx, &seg, c, recent).filter(|s| {
                    somebody(ctx, s)
                        || document(ctx, s)
                        || ctx.kind_in(s.start, s.end) == Some(EntityKind::Other)
                });
                a.take(subject, "walkverb");
                break;
            }
            // `Nach Ansicht von X ist … . „…“`: a source phrase in that sentence stops the
            // walk (taking its source as the speaker did not help; see `docs/accuracy.md`).
            if (0..seg.words.len()).any(|i| {
                de_source_nach_forward(&seg, i) || seg.lex.is("plain_sources", &seg.lower[i])
            }) {
                break;
            }
            if !reported_speech(ctx, prev) {
                break;
            }
            k -= 1;
        }
    }

    /// An earlier sentence names the speaker: the last person, within the paragraph or the
    /// one before.
    fn fallback(&self, q: &Found, p: &Place) -> Option<Speaker> {
        let (ctx, block) = (self.ctx, &p.block);
        let floor = self
            .blocks
            .get(q.block.saturating_sub(FALLBACK_BLOCKS))
            .map_or(block.start, |b| b.start);
        let from_recent = self
            .recent
            .iter()
            .rev()
            .find(|s| s.start >= floor && s.start < q.open)
            .cloned();
        let person = ctx
            .last_mention(q.open, &[EntityKind::Person])
            .filter(|l| l.start >= floor);
        match (person, from_recent) {
            (Some(p), Some(r)) if self.subject_since(q, block, p, &r) => located_speaker(ctx, p),
            (Some(p), Some(r)) if r.start > p.start || r.start >= block.start => Some(r),
            (Some(p), _) => located_speaker(ctx, p),
            (None, r) => r,
        }
    }

    /// German: `„…“, sagte der Papst. Sein Bruder, Georg Ratzinger, war eingeweiht. „…“`: a
    /// person `p` named since the last speaker `r`, as the subject of a later sentence of the
    /// paragraph, speaks next.
    fn subject_since(&self, q: &Found, block: &Range<usize>, p: &Located, r: &Speaker) -> bool {
        let (ctx, ends) = (self.ctx, &self.ends);
        if ctx.lang != Lang::De || p.start <= r.end || p.start < block.start {
            return false;
        }
        let k = ends.partition_point(|&e| e <= p.start);
        let s_start = if k == 0 { block.start } else { ends[k - 1] };
        let s_end = ends.get(k).copied().unwrap_or(block.end).min(q.open);
        if s_start <= r.start || s_end <= p.end {
            return false;
        }
        let s_start = ceil_boundary(ctx.text, s_start.max(p.start.saturating_sub(300)));
        let seg = Seg::new(ctx, s_start..s_end);
        let c = seg.first_verb().unwrap_or(seg.words.len());
        de_subject(ctx, &seg, c, &self.recent).is_some_and(|s| s.start <= p.start && p.end <= s.end)
    }

    /// What every rule proposes for quote `q`, for the ranker.
    fn pending(&self, q: &Found, p: &Place) -> Pending {
        let (ctx, recent) = (self.ctx, &self.recent);
        let mut props = Proposals::default();
        if !q.reopened {
            props.add(p.headline.clone(), "headline");
            props.add(self.after_found(p), "after");
            if ctx.lang == Lang::De {
                props.add(self.text_place(q, p), "textplace");
            }
            props.add(incise(ctx, q, recent), "incise");
            props.add(self.before(p), "before");
            if ctx.lang != Lang::De {
                props.add(
                    unknown_verb_after(ctx, p.after.clone(), recent),
                    "guessverb",
                );
                props.add(colon_subject(ctx, p.before.clone(), recent), "guesscolon");
            }
            if p.s_idx > 0 {
                let prev = self.sentence_before_quote(p);
                props.add(before_attribution(ctx, prev, recent), "prevsent");
            }
        }
        generic_proposals(
            ctx,
            &mut props,
            &GenericWindow {
                blocks: self.blocks,
                block_index: q.block,
                quote_open: q.open,
                sentence: p.sentence.clone(),
                ends: &self.ends,
            },
            recent,
        );
        Pending {
            props: props.0,
            sentence: p.sentence.clone(),
            block: p.block.clone(),
            alone: alone_quote(ctx, p.sentence.start, q),
            joined_next: false,
        }
    }
}

/// The mention `l` as a speaker, named by its entity.
fn located_speaker(ctx: &Ctx, l: &Located) -> Option<Speaker> {
    ctx.entities.get(l.entity).map(|e| Speaker {
        name: e.name.clone(),
        start: l.start,
        end: l.end,
    })
}

/// `rest`, what follows a name, makes it a possessive before a common noun (`’s campaign`,
/// `' lawyer`; the marks are the lexicon's `possessive_marks`).
fn possessive_before_noun(rest: &str, lex: &Lexicon) -> bool {
    lex.rule("possessive_marks")
        .iter()
        .find_map(|p| rest.strip_prefix(p)?.strip_prefix(' '))
        .is_some_and(starts_lower)
}

/// The text after a quote opens with a reporting verb (only punctuation before it).
fn starts_with_verb(ctx: &Ctx, range: &Range<usize>) -> bool {
    let seg = Seg::new(ctx, range.clone());
    if !seg.follows_closely(range.start) {
        return false;
    }
    if seg.is_verb(0) {
        return true;
    }
    // `der die Maßnahme als „Kapitulation“ vor den Randalierern sieht.`: a short phrase and
    // the verb that ends the clause.
    let n = seg.words.len();
    ctx.lang == Lang::De
        && (1..n.min(6)).any(|k| {
            seg.is_verb(k)
                && (1..=k).all(|i| gap_is_space(seg.gap(i)))
                && (k + 1 == n || seg.gap(k + 1).contains([',', '.', ';']))
                && !starts_upper(seg.words[0].as_str(seg.text))
        })
}

/// A speaker that can speak: a pronoun, a person or an organisation, or a phrase with a role
/// noun (`der Sprecher des Ministeriums`).
fn somebody(ctx: &Ctx, s: &Speaker) -> bool {
    let np = ctx.slice(s.start..s.end);
    let mut buf = String::new();
    let lower = lower_into(np, &mut buf);
    if ctx.lex().is_pronoun(lower) {
        return true;
    }
    if matches!(
        ctx.kind_in(s.start, s.end),
        Some(EntityKind::Person | EntityKind::Organization)
    ) {
        return true;
    }
    lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        is_title(w)
            || ctx.lex().has(Words::Statements, w)
            || (ctx.lang == Lang::De && compound_of(w, de_groups()))
    })
}

/// How many paragraphs back an unattributed quote looks for its speaker.
const FALLBACK_BLOCKS: usize = 2;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn has_cue(ctx: &Ctx, range: Range<usize>) -> bool {
    let seg = Seg::new(ctx, range);
    (0..seg.words.len()).any(|i| seg.is_verb(i) || seg.is_source_prep(i))
}

/// `'…,' zei X`, `„…“, sagte er`, `"…," he said`, `« … », selon X`.
fn after_attribution(ctx: &Ctx, range: Range<usize>, recent: &[Speaker]) -> Option<Speaker> {
    let seg = Seg::new(ctx, range.clone());
    if !seg.follows_closely(range.start) {
        return None;
    }
    let lang = ctx.lang;
    let w0 = seg.lower[0].as_str();
    // `a-t-il ajouté`, and after object pronouns `lui a-t-il lancé`.
    let clitics = (0..seg.words.len().min(2))
        .take_while(|&k| ctx.lex().is("object_clitics", &seg.lower[k]))
        .count();
    if let Some(off) = seg
        .lower
        .get(clitics)
        .and_then(|w| inverted_pronoun(w, lang))
    {
        let (s, e) = (seg.words[clitics].start + off, seg.words[clitics].end);
        return ctx.speaker_from_np(s, e, recent);
    }
    // Verb first: `zei defensie-analist Park Ji-young`, `sagte er`, `said X`, `a déclaré X`.
    let mut v = 0;
    let lex = ctx.lex();
    if lex.is("auxiliaries", w0) && seg.words.len() > 1 {
        v = 1;
    }
    // `«…», se lamentó el preparador`, `«…», le dijo el juez`: object and reflexive pronouns
    // before the verb (and an auxiliary after them).
    if clitics > 0 && !seg.is_verb(v) {
        let aux = seg
            .lower
            .get(clitics)
            .is_some_and(|w| lex.is("auxiliaries", w));
        let c = clitics + usize::from(aux);
        if c < seg.words.len() && seg.is_verb(c) {
            v = c;
        }
    }
    // `„…“, wollen die Demonstranten wissen`, `„…“, meinen die beiden`: a modal before
    // `wissen` at the clause's end, and `meinen` (no possessive right after a quote), report.
    let de_asks = lang == Lang::De
        && v == 0
        && (lex.is("asks_alone", w0)
            || (lex.is("asking_modals", w0)
                && (1..seg.words.len().min(14))
                    .take_while(|&k| !seg.gap(k).contains(['.', ';', ':', ',', '(']))
                    .any(|k| lex.is("asks_after_modal", &seg.lower[k]))));
    if seg.is_verb(v) || de_asks {
        if lang == Lang::De {
            if let Some(d) = de_document(ctx, &seg, v, recent) {
                return Some(d);
            }
            // `„…“, schrieb „Die Zeit“`: the source in quote marks right after the verb.
            if v + 1 == seg.words.len() {
                return quoted_name_after(ctx, seg.words[v].end);
            }
            let k = skip_object_pronouns(&seg, v + 1);
            let skippable = seg.lower.get(k).is_some_and(|w| ctx.skippable(w));
            if !skippable && !de_subject_start(ctx, &seg, k) {
                return None;
            }
            let (s, e) = ctx.np_forward(&seg, k)?;
            // After adverbs (`stellte aber gleichzeitig fest`) only a real phrase is a subject.
            let first = ctx.slice(s..e).split_whitespace().next();
            let first_lower = first.map(str::to_lowercase).unwrap_or_default();
            if !first.is_some_and(starts_upper)
                && !ctx.lex().has(Words::Determiners, first_lower.as_str())
                && !ctx.lex().is_pronoun(first_lower.as_str())
            {
                return None;
            }
            return ctx.speaker_from_np(s, e, recent);
        }
        return ctx.speaker_after(&seg, v + 1, recent);
    }
    // German `nach` and `so` name a source only in their source patterns (`nach Angaben
    // von X`, `, so X`); `„…“ nach dem Abgang von X` is a time phrase.
    let de_source_ok = lang != Lang::De
        || !lex.is("pattern_sources", w0)
        || de_source_nach_forward(&seg, 0)
        || de_source_so(&seg, 0);
    if seg.is_source_prep(0) && !lex.is("postpositions", w0) && de_source_ok {
        let k = source_np_start(&seg, 0);
        if let Some(q) = quoted_name_after(ctx, seg.words[0].end) {
            return Some(q);
        }
        return ctx.speaker_after(&seg, k, recent);
    }
    // Subject first: `he said`, `Merkel sagte`, `X zufolge`, `the minister told reporters`.
    // German puts the verb second, so after a quote a clause with its subject first starts a
    // new statement (`„…“, Bundestrainer Löw bezeichnete …`, `„…“ in Tripolis und rief die
    // Armee auf`); only `wie X sagte`, `so X` and an auxiliary first (`„…“ wird der Franzose
    // im Fachblatt zitiert`) attribute the quote.
    let limit = seg.words.len().min(if lang == Lang::De { 12 } else { 8 });
    for k in 1..limit {
        if seg.gap(k).contains(['.', ';', '(', ':']) && !ctx.abbreviation_before_name(&seg, k)
            || (lang == Lang::De && seg.gap(k).contains(','))
        {
            break;
        }
        if lang == Lang::De && seg.is_verb(k) {
            if de_after_openers().contains(&w0) {
                // `„…“, wie X zitiert wird`, `„…“ wird der Franzose zitiert`.
                return de_subject(ctx, &seg, k, recent);
            }
            // `„…“, mit diesen Worten meldete er sich`: a phrase that is no subject fills
            // the place before the verb, and the subject follows it. A subject before the
            // verb, or a clause joined with `und`, is a new statement.
            let adverbial = de_non_subject().contains(&w0)
                || (de_openers().contains(&w0) && !lex.is("coordinators", w0));
            if !adverbial || seg.lower[1..k].iter().any(|w| lex.is("joiners", w)) {
                return None;
            }
            return de_inverted_subject(ctx, &seg, k, recent);
        }
        if lang == Lang::De {
            continue;
        }
        if seg.is_verb(k) || lex.is("postpositions", &seg.lower[k]) {
            // `« … », mais regrette que …`: a clause joined by a conjunction goes on with the
            // subject before the quote.
            if ctx.lex().has(Words::Conjunctions, w0) {
                return None;
            }
            let (s, e) = ctx.np_forward(&seg, 0)?;
            if e <= seg.words[k].start {
                return ctx.speaker_from_np(s, e, recent);
            }
            return None;
        }
    }
    None
}

/// The word right after a quote (past object pronouns) when it may be a verb the lexicon
/// does not list: lower case, three letters or more, no article, pronoun, conjunction,
/// preposition of a source or reporting verb. Its index in `seg`.
fn unlisted_verb_at(ctx: &Ctx, seg: &Seg, start: usize) -> Option<usize> {
    if !seg.follows_closely(start) {
        return None;
    }
    let lex = ctx.lex();
    let c = (0..seg.words.len().min(2))
        .take_while(|&k| lex.is("object_clitics", &seg.lower[k]))
        .count();
    let w = seg.lower.get(c)?;
    let word = seg.slice(seg.words[c].start..seg.words[c].end);
    let known = seg.is_verb(c)
        || lex.is("auxiliaries", w)
        || lex.has(Words::Articles, w)
        || lex.has(Words::Determiners, w)
        || lex.has(Words::Conjunctions, w)
        || lex.has(Words::ClauseOpeners, w)
        || lex.has(Words::Relatives, w)
        || lex.has(Words::SourcePreps, w)
        || lex.has(Words::NpStop, w)
        || lex.is_pronoun(w);
    (!known && w.chars().count() >= 3 && word.chars().all(char::is_lowercase)).then_some(c)
}

/// `«…», bromeó la tenista`: the subject after a word right after the quote that may be a
/// reporting verb the lexicon does not list. Not German, where cross-validation found no gain.
fn unknown_verb_after(ctx: &Ctx, range: Range<usize>, recent: &[Speaker]) -> Option<Speaker> {
    let seg = Seg::new(ctx, range.clone());
    let v = unlisted_verb_at(ctx, &seg, range.start)?;
    ctx.speaker_after(&seg, v + 1, recent)
}

/// `X zei: '…'`, `X legt uit dat '…'`, `Volgens X is het '…'`, `Zoals een diplomaat opmerkte: '…'`.
fn before_attribution(ctx: &Ctx, range: Range<usize>, recent: &[Speaker]) -> Option<Speaker> {
    let seg = Seg::new(ctx, range.clone());
    let n = seg.words.len();
    if n == 0 {
        return None;
    }
    let lang = ctx.lang;
    let cue = (0..n).rev().find(|&i| {
        seg.is_verb(i)
            || inverted_pronoun(&seg.lower[i], lang).is_some()
            || (seg.is_source_prep(i) && !seg.lex.is("pattern_sources", &seg.lower[i]))
            || (lang == Lang::De && de_source_nach(&seg, i))
            || (lang == Lang::De && de_source_so(&seg, i))
    });
    let Some(c) = cue else {
        return colon_intro(ctx, &seg, range, recent);
    };
    let lc = seg.lower[c].as_str();
    if let Some(off) = inverted_pronoun(lc, lang) {
        return ctx.speaker_from_np(seg.words[c].start + off, seg.words[c].end, recent);
    }
    if seg.is_source_prep(c) {
        return source_before(ctx, &seg, c, range.end, recent);
    }
    if lang == Lang::De {
        return de_reporter_before(ctx, &seg, c, range.start, recent);
    }
    // Inverted subject after the verb: `sagte der Minister: „…“`, `zei hij: '…'`; but after
    // `told` the name is the one spoken to (`Lang told Ms. Holloway that “…”`).
    if c + 1 < n && !Lexicon::of(lang).takes_addressee(lc) {
        if let Some((s, e)) = ctx
            .np_forward(&seg, c + 1)
            .filter(|&(_, e)| !ctx.auxiliary_after(&seg, e))
        {
            let np = ctx.slice(s..e);
            let l = np.to_lowercase();
            let first = l.split_whitespace().next().unwrap_or("");
            // `Como señaló un diplomático: «…»`, `As one diplomat put it: "…"`: after `as`
            // the subject follows the verb.
            let after_as = c > 0 && seg.lex.is("as_words", &seg.lower[c - 1]);
            if ctx.lex().is_pronoun(first)
                || after_as
                || (starts_upper(np)
                    && lang != Lang::De
                    && !ctx.lex().has(Words::Determiners, first))
                || ctx.lex().has(Words::Determiners, first)
                    && c > 0
                    && !seg.gap(c).contains(',')
                    && !seg.is_verb(c.saturating_sub(1))
                    && subject_before(ctx, &seg, c, recent).is_none()
            {
                return ctx.speaker_from_np(s, e, recent);
            }
        }
    }
    subject_before(ctx, &seg, c, recent)
}

/// A clause without a reporting verb or a source before a quote (`range`): when a colon
/// introduces the quote (`Wolfgang Grader, zu Tibet: „…“`), its subject.
fn colon_intro(ctx: &Ctx, seg: &Seg, range: Range<usize>, recent: &[Speaker]) -> Option<Speaker> {
    let n = seg.words.len();
    let tail = ctx.slice(seg.words[n - 1].end..range.end).trim();
    if !tail.ends_with(':') {
        return None;
    }
    if ctx.lang == Lang::De {
        // `In der Erklärung hatte es geheißen: „…“`.
        if let Some(d) = (0..n).find_map(|c| de_document(ctx, seg, c, recent)) {
            return Some(d);
        }
        // `Die Pflichten der Union seien festgelegt: „…“`: in reported speech a subject
        // that is nobody is reported on; who reports is named before.
        return de_subject(ctx, seg, n, recent).filter(|s| {
            !reported_speech(ctx, range.clone()) || somebody(ctx, s) || document(ctx, s)
        });
    }
    let s = subject_before(ctx, seg, n, recent)?;
    let named = matches!(
        ctx.kind_in(s.start, s.end),
        Some(EntityKind::Person | EntityKind::Organization)
    );
    named.then_some(s)
}

/// `Ella, con una media sonrisa, prometió volver: «…»`: the subject of the clause a colon
/// ends right before the quote, whatever its verb (a person or organisation, a pronoun or a
/// description).
fn colon_subject(ctx: &Ctx, range: Range<usize>, recent: &[Speaker]) -> Option<Speaker> {
    let seg = Seg::new(ctx, range.clone());
    let n = seg.words.len();
    let last = seg.words.last()?;
    if !ctx.slice(last.end..range.end).trim().ends_with(':') {
        return None;
    }
    subject_before(ctx, &seg, n, recent).filter(|s| somebody(ctx, s))
}

/// The source named by the source preposition at word `c` (`according to X`, `laut X`,
/// `dem Bericht zufolge`, `nach Angaben von X`); `end` is where the text before the quote ends.
fn source_before(
    ctx: &Ctx,
    seg: &Seg,
    c: usize,
    end: usize,
    recent: &[Speaker],
) -> Option<Speaker> {
    let lc = seg.lower[c].as_str();
    let nach = seg.lex.is("source_nach", lc);
    let k = source_np_start(seg, c);
    if ctx.lex().is("postpositions", lc) {
        if c > 0 {
            if let Some(s) = de_zufolge_source(ctx, seg, c, recent) {
                return Some(s);
            }
        }
        return subject_before(ctx, seg, c, recent);
    }
    if nach && c >= 2 && !de_source_nach_forward(seg, c) {
        return Some(de_nach_after(ctx, seg, c, recent));
    }
    if nach && de_genitive_name(seg, c + 1) && c + 2 < seg.words.len() {
        // `Nach Schäubles Idee soll …`: the name in the genitive is the source.
        return ctx.speaker_from_np(seg.words[c + 1].start, seg.words[c + 2].end, recent);
    }
    if nach {
        return de_nach_source(ctx, seg, c, recent);
    }
    if let Some(q) = quoted_name_after(ctx, seg.words[c].end).filter(|q| q.end <= end) {
        return Some(q);
    }
    ctx.speaker_after(seg, k, recent)
}

/// Where the source after the source preposition at word `c` starts: the next word, or the
/// one after a preposition's second word (`according to X`).
fn source_np_start(seg: &Seg, c: usize) -> usize {
    let two_words = seg.lex.is("compound_source_heads", &seg.lower[c])
        && seg
            .lower
            .get(c + 1)
            .is_some_and(|w| seg.lex.is("compound_source_tails", w));
    c + 1 + usize::from(two_words)
}

/// German `dem Bericht zufolge` (`zufolge` at word `c`, `c > 0`): the phrase right before it
/// is the source.
fn de_zufolge_source(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Option<Speaker> {
    let mut j = c;
    while j > 0 && c - j < 6 && gap_is_space(seg.gap(j)) {
        j -= 1;
        let l = seg.lower[j].as_str();
        if ctx.lex().has(Words::Determiners, l) || seg.lex.is("dative_articles", l) {
            return ctx.speaker_from_np(seg.words[j].start, seg.words[c - 1].end, recent);
        }
        if !starts_upper(seg.words[j].as_str(seg.text))
            && !seg.lower[j].chars().all(char::is_alphabetic)
        {
            break;
        }
    }
    let last = seg.words[c - 1];
    if ctx.person_at(last.start) || ctx.mention_in(last.start, last.end).is_some() {
        return ctx.speaker_from_np(last.start, last.end, recent);
    }
    None
}

/// German `nach` at word `c` after its noun (`Sie äußerte sich gegen die ihrer Meinung nach
/// verbreiteten Illusionen`, `Seiner Ansicht nach`): the subject of a reporting verb before
/// it, else whom the possessive points back to.
fn de_nach_after(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Speaker {
    if let Some(v) = (0..c - 2).rev().find(|&i| seg.is_verb(i)) {
        if (v + 1..c).all(|i| !seg.gap(i).contains(['.', ';', ':'])) {
            if let Some(sp) = de_subject(ctx, seg, v, recent) {
                return sp;
            }
        }
    }
    let (a, b) = (seg.words[c - 2].start, seg.words[c - 1].end);
    let name = ctx
        .last_mention(a, &[EntityKind::Person])
        .and_then(|p| ctx.entities.get(p.entity))
        .map(|e| e.name.clone())
        .or_else(|| {
            recent
                .iter()
                .rev()
                .find(|r| r.start < a)
                .map(|r| r.name.clone())
        })
        .unwrap_or_else(|| ctx.slice(a..b).to_string());
    Speaker {
        name,
        start: a,
        end: b,
    }
}

/// German `nach Angaben des Ministeriums`, `nach Meinung von X` (`nach` at word `c`): the
/// genitive names the source.
fn de_nach_source(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Option<Speaker> {
    let mut j = c + 2;
    if seg
        .lower
        .get(c + 1)
        .is_some_and(|w| ctx.lex().has(Words::Determiners, w.as_str()))
    {
        j += 1;
    }
    if seg
        .lower
        .get(j)
        .is_some_and(|w| seg.lex.is("agent_preps", w))
    {
        j += 1;
    }
    let from = seg.words.get(j)?.start;
    let k = if seg
        .lower
        .get(j)
        .is_some_and(|w| seg.lex.is("genitive_articles", w))
    {
        j + 1
    } else {
        j
    };
    let (_, e) = ctx.np_forward(seg, k)?;
    ctx.speaker_from_np(from, e, recent)
}

/// German: who reports with the verb at word `c` before a quote (the text before it starts
/// at `start`): the agent of a passive (`Es wurde von Demjanjuks Sohn die Mutmaßung
/// geäußert`), else the verb's subject, else a source before the verb when that subject is
/// nobody (`Der Grund waren dem Bericht zufolge nicht näher bezeichnete „…“`).
fn de_reporter_before(
    ctx: &Ctx,
    seg: &Seg,
    c: usize,
    start: usize,
    recent: &[Speaker],
) -> Option<Speaker> {
    let from = (1..c)
        .rev()
        .find(|&i| seg.gap(i).contains([',', ';', ':', '–', '—']))
        .unwrap_or(0);
    let quoting = seg
        .lex
        .rule("quoting_stems")
        .iter()
        .any(|s| seg.lower[c].starts_with(s));
    if let Some(aux) = (from..c)
        .find(|&i| de_passive().contains(&seg.lower[i].as_str()))
        .filter(|_| !quoting)
    {
        let agent = (aux + 1..c)
            .find(|&i| seg.lex.is("agent_preps", &seg.lower[i]))
            .and_then(|i| {
                let (a, b) = ctx.np_forward(seg, i + 1)?;
                ctx.speaker_from_np(a, b.min(seg.words[c].start.max(a)), recent)
            });
        if agent.is_some() {
            return agent;
        }
    }
    let sp = de_subject(ctx, seg, c, recent);
    if !sp.as_ref().is_some_and(|s| somebody(ctx, s))
        && (0..c).any(|i| seg.lex.is("plain_sources", &seg.lower[i]))
    {
        if let Some(src) = before_attribution(ctx, start..seg.words[c].start, recent)
            .filter(|s| somebody(ctx, s) || document(ctx, s))
        {
            return Some(src);
        }
    }
    sp
}

/// The sentence before sentence `s_idx` (at most its last 400 bytes), given the sentence
/// ends of a block that starts at `block_start`. `s_idx` must be at least 1.
fn previous_sentence(text: &str, ends: &[usize], s_idx: usize, block_start: usize) -> Range<usize> {
    let start = if s_idx >= 2 {
        ends[s_idx - 2]
    } else {
        block_start
    };
    let start = ceil_boundary(text, start.max(ends[s_idx - 1].saturating_sub(400)));
    start..ends[s_idx - 1]
}

/// Whether word `i` of `seg` opens an impersonal attribution: Dutch `klonk het`, `werd
/// gegrapt`, French `entendait-on`, Spanish `se leía`, Portuguese `ouvia-se`,
/// `perguntava-se num dos comentários`.
fn impersonal_at(seg: &Seg, i: usize) -> bool {
    let Some(w) = seg.lower.get(i).map(String::as_str) else {
        return false;
    };
    let next = seg
        .lower
        .get(i + 1)
        .filter(|_| gap_is_space(seg.gap(i + 1)))
        .map(String::as_str);
    let lex = seg.lex;
    let clitic = w.rsplit_once('-');
    // `on dit`, `entendait-on`.
    let pronoun = lex.is("impersonal_pronouns", w)
        || clitic.is_some_and(|(_, p)| lex.is("impersonal_pronouns", p));
    // `klonk het`.
    let subject_after = seg.is_verb(i) && next.is_some_and(|n| lex.is("impersonal_subjects", n));
    // `werd gegrapt`, without `door` (by) after it.
    let passive = lex.is("passive_auxiliaries", w)
        && seg.lower[i + 1..].iter().take(4).any(|x| {
            x.len() > 5
                && lex
                    .rule("participle_prefixes")
                    .iter()
                    .any(|p| x.starts_with(p))
        })
        && !seg.lower[i + 1..]
            .iter()
            .take(8)
            .any(|x| lex.is("agent_preps", x));
    // `se leía`.
    let proclitic =
        lex.is("impersonal_proclitics", w) && next.is_some_and(|v| lex.has(Words::ImpersonalSe, v));
    // `ouvia-se`, not before an article or a name (`queixa-se o ministro`).
    let enclitic = clitic.is_some_and(|(head, c)| {
        lex.is("impersonal_enclitics", c)
            && lex.has(Words::ImpersonalSe, head)
            && !next.is_some_and(|n| lex.has(Words::Determiners, n))
            && !seg
                .words
                .get(i + 1)
                .is_some_and(|x| starts_upper(x.as_str(seg.text)))
    });
    pronoun || subject_after || passive || proclitic || enclitic
}

/// The words after a quote open with an impersonal attribution (`„…“, klonk het`).
fn impersonal_after(ctx: &Ctx, range: Range<usize>) -> bool {
    let seg = Seg::new(ctx, range.clone());
    seg.follows_closely(range.start) && impersonal_at(&seg, 0)
}

/// The clause before a quote introduced by a colon is impersonal (`In de perstent werd
/// gegrapt:`) or its subject is a notice or a message (`A handwritten notice read:`).
fn anonymous_intro(ctx: &Ctx, range: Range<usize>, recent: &[Speaker]) -> bool {
    if ctx.lang == Lang::De {
        return false;
    }
    let seg = Seg::new(ctx, range.clone());
    let n = seg.words.len();
    let Some(last) = seg.words.last() else {
        return false;
    };
    if !ctx.slice(last.end..range.end).trim().ends_with(':') {
        return false;
    }
    // The last clause: after the last comma.
    let from = (1..n)
        .rev()
        .find(|&i| seg.gap(i).contains(','))
        .unwrap_or(0);
    if ctx.kind_in(seg.words[from].start, last.end) == Some(EntityKind::Person) {
        return false;
    }
    (from..n).any(|i| impersonal_at(&seg, i))
        || subject_before(ctx, &seg, n, recent).is_some_and(|s| medium(ctx, &s))
}

/// A speaker that is a piece of writing without an author: `a handwritten notice`.
fn medium(ctx: &Ctx, s: &Speaker) -> bool {
    if ctx.lang == Lang::De {
        return false;
    }
    let np = ctx.slice(s.start..s.end).to_lowercase();
    let words: Vec<&str> = np.split_whitespace().take(4).collect();
    words.iter().any(|w| ctx.lex().has(Words::Notices, w))
        && !matches!(
            ctx.kind_in(s.start, s.end),
            Some(EntityKind::Person | EntityKind::Organization)
        )
}

/// Spanish and Portuguese drop the subject: `«…», añadió.`, `«…», queixa-se.`
fn pro_drop_after(ctx: &Ctx, range: Range<usize>) -> bool {
    if !matches!(ctx.lang, Lang::Es | Lang::Pt) {
        return false;
    }
    let seg = Seg::new(ctx, range.clone());
    seg.follows_closely(range.start) && seg.is_verb(0) && ctx.np_forward(&seg, 1).is_none()
}

/// The subject that opens a sentence: an article and its noun (`O cientista atribui …`),
/// with a name in apposition (`la ministra Ana Ruiz`), or a name.
fn opening_subject(ctx: &Ctx, seg: &Seg, recent: &[Speaker]) -> Option<Speaker> {
    let n = seg.words.len();
    let mut i = 0;
    // An opening phrase before a comma (`En Sevilla,`) is no subject.
    if let Some(k) = (1..n.min(6)).find(|&k| seg.gap(k).contains(',')) {
        if ctx.lex().has(Words::NpStop, seg.lower[0].as_str())
            && !ctx.lex().has(Words::Determiners, seg.lower[0].as_str())
        {
            i = k;
        }
    }
    // A person named in the sentence (`Afuera de la escuela, doña Lupita Hernández vende`).
    if let (Some(a), Some(b)) = (seg.words.first(), seg.words.last()) {
        let idx = ctx.located.partition_point(|l| l.start < a.start);
        let person = ctx.located[idx..]
            .iter()
            .take_while(|l| l.start < b.end)
            .find(|l| {
                // Not a name inside another name or after a preposition
                // (`la Primaria Benito Juárez`).
                let prev = ctx
                    .slice(a.start..l.start)
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("");
                let prev_lower = prev.to_lowercase();
                let inside_name = starts_upper(prev) && !prev.ends_with(',');
                let after_preposition = ctx.lex().has(Words::NpStop, prev_lower.as_str())
                    && !ctx.lex().has(Words::Determiners, prev_lower.as_str());
                ctx.person_at(l.start) && !ctx.quoted(l.start) && !inside_name && !after_preposition
            });
        if let Some(l) = person {
            return ctx.speaker_from_np(l.start, l.end, recent);
        }
    }
    let first = seg.lower.get(i)?.as_str();
    let upper = |j: usize| {
        seg.words
            .get(j)
            .is_some_and(|w| starts_upper(w.as_str(seg.text)))
    };
    let mut end = if ctx.lex().has(Words::Determiners, first) && i + 1 < n && !upper(i + 1) {
        i + 2
    } else if upper(i)
        && !ctx.lex().has(Words::Determiners, first)
        && ctx
            .mention_in(seg.words[i].start, seg.words[i].end)
            .is_some()
    {
        i + 1
    } else {
        return None;
    };
    while end < n && end - i < 6 && upper(end) && gap_is_space(seg.gap(end)) {
        end += 1;
    }
    let np = ctx.speaker_from_np(seg.words[i].start, seg.words[end - 1].end, recent)?;
    (!medium(ctx, &np)).then_some(np)
}

/// Spanish `—explica X—`, French `, a-t-il poursuivi,`: an attribution inside the quote marks.
fn incise(ctx: &Ctx, q: &Found, recent: &[Speaker]) -> Option<Speaker> {
    if ctx.lang == Lang::De {
        return None;
    }
    let seg = Seg::new(ctx, q.start..q.end);
    let n = seg.words.len();
    for i in 1..n.saturating_sub(1) {
        let g = seg.gap(i);
        let dash = g.contains(['—', '–']);
        if !dash && !g.contains(',') {
            continue;
        }
        // The incise closes with a comma or a dash a few words on.
        let closes = (i + 1..n.min(i + 12)).any(|j| seg.gap(j).contains([',', '—', '–']));
        if !closes {
            continue;
        }
        let w = seg.lower[i].as_str();
        if let Some(off) = inverted_pronoun(w, ctx.lang) {
            return ctx.speaker_from_np(seg.words[i].start + off, seg.words[i].end, recent);
        }
        // `a plaidé son avocate, Me X,`: an auxiliary before the verb.
        let mut v = if ctx.lex().is("auxiliaries", w) && i + 1 < n && gap_is_space(seg.gap(i + 1)) {
            i + 1
        } else {
            i
        };
        // `a fait valoir le président`: a verb phrase ends on its second word.
        if !seg.is_verb(v) && v + 1 < n && gap_is_space(seg.gap(v + 1)) && seg.is_verb(v + 1) {
            v += 1;
        }
        if !seg.is_verb(v) {
            continue;
        }
        let Some((a, b)) = ctx.np_forward(&seg, v + 1) else {
            continue;
        };
        let np = ctx.slice(a..b);
        let first = np.split_whitespace().next().unwrap_or("").to_lowercase();
        let described = ctx.lex().has(Words::NounArticles, first.as_str());
        if dash || starts_upper(np) || ctx.lex().is_pronoun(first.as_str()) || described {
            return ctx.speaker_from_np(a, b, recent);
        }
    }
    None
}

/// The subject of the clause that ends at word `c`: the first noun phrase of the nearest
/// chunk (split at commas) that is not an apposition or a relative clause.
fn subject_before(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Option<Speaker> {
    if c == 0 {
        return None;
    }
    // Chunk starts: word indices that follow a comma (or a dash, a parenthesis).
    let mut starts = vec![0usize];
    for i in 1..c {
        if seg.gap(i).contains([',', '(', ')', '–', '—', ';']) {
            starts.push(i);
        }
    }
    let mut k = starts.len();
    while k > 0 {
        k -= 1;
        let mut s = starts[k];
        let first = seg.lower[s].as_str();
        // A relative clause or an apposition (`, een China-onderzoeker bij …,`): look further back.
        // The chunk that runs into the verb without a comma is the clause itself
        // (`In a statement, the district said`).
        let comma_before_verb = c < seg.words.len() && seg.gap(c).contains(',');
        let runs_into_verb =
            k + 1 == starts.len() && s < c && !comma_before_verb && ctx.lang != Lang::De;
        if k > 0
            && (ctx.lex().has(Words::Relatives, first)
                || (!runs_into_verb
                    && (ctx.lex().has(Words::Determiners, first)
                        && s + 1 < c
                        && !starts_upper(seg.words[s + 1].as_str(seg.text))
                        || is_title(first))))
        {
            continue;
        }
        if k > 0 && s == c {
            continue;
        }
        // `Michael Brandt, had asked`, `Manuela Romero, de 78 años, lo resume`: a chunk that
        // opens with a lower-case word other than an article or a pronoun has its subject
        // further back; but a possessive opens the subject that runs into the verb (`On
        // Tuesday, his office said`).
        let auxiliary = ctx.lex().is("auxiliaries", first);
        let possessive = runs_into_verb && ctx.lex().is("possessive_determiners", first);
        if k > 0
            && ctx.lang != Lang::De
            && (auxiliary
                || (!starts_upper(seg.words[s].as_str(seg.text))
                    && !ctx.lex().has(Words::Determiners, first)
                    && !possessive
                    && !ctx.lex().is_pronoun(first)
                    && !ctx.lex().has(Words::ClauseOpeners, first)))
        {
            continue;
        }
        // `Claus Soong, een China-onderzoeker bij …, legt uit`: the phrase between commas right
        // before the verb is an apposition to the name or phrase before it.
        if k > 0 && ctx.lang != Lang::De && k + 1 == starts.len() && comma_before_verb {
            let p = starts[k - 1];
            let prev_first = seg.lower[p].as_str();
            let opens_np = ctx.lex().has(Words::Determiners, prev_first)
                || (starts_upper(seg.words[p].as_str(seg.text))
                    && !ctx.lex().has(Words::NpStop, prev_first)
                    && !ctx.lex().has(Words::ClauseOpeners, prev_first));
            if opens_np {
                continue;
            }
        }
        while s < c && ctx.lex().has(Words::ClauseOpeners, seg.lower[s].as_str()) && s + 1 < c {
            s += 1;
        }
        // `Como señaló un diplomático … que pidió …`: a verb right after the opener has its
        // subject after it.
        if s + 1 < c && s > starts[k] && ctx.lang != Lang::De && seg.is_verb(s) {
            s += 1;
        }
        if s >= c {
            continue;
        }
        // A chunk after a comma opens with its own subject (`In a statement, the district`).
        let (a, b) = ctx.np_from(seg, s, ctx.lang == Lang::De)?;
        let b = b.min(seg.words[c.min(seg.words.len() - 1)].start.max(a));
        if b <= a {
            return None;
        }
        return ctx.speaker_from_np(a, b, recent);
    }
    None
}
