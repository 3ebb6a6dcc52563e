//! The word lists of the speakers pass, read from `assets/lexicon/`: per language (reporting
//! verbs, articles before nouns, source prepositions, pronouns) through [`Lexicon`], and the
//! lists the rules of every language share (`assets/lexicon/all/`) through [`Shared`].

use super::lexicon::{Lexicon, Shared};
use crate::lang::Lang;

/// A reporting verb, also with a clitic or an inverted pronoun attached (`queixa-se`,
/// `explique-t-il`) or an elided reflexive before it (`s'emporte`).
pub(super) fn is_verb_word(l: &str, lang: Lang) -> bool {
    let lex = Lexicon::of(lang);
    let known = |w: &str| lex.is_reporting_verb(w);
    if known(l) {
        return true;
    }
    let head = l.split('-').next().unwrap_or(l);
    if l.contains('-') && known(head) {
        return true;
    }
    lang == Lang::Fr
        && ["s'", "s’"]
            .iter()
            .find_map(|p| head.strip_prefix(p))
            .is_some_and(known)
}

/// Articles and possessives that make the next word a noun (`le prévenu`, `a conta`).
pub(super) fn articles(lang: Lang) -> &'static [&'static str] {
    Lexicon::of(lang).noun_articles()
}

/// Prepositions that introduce a source: `volgens X`, `according to X`, `laut X`.
pub(super) fn source_preps(lang: Lang) -> &'static [&'static str] {
    Lexicon::of(lang).source_preps()
}

/// The subject pronouns that may report speech, from `assets/lexicon/<lang>/pronouns.tsv`.
pub(super) fn pronouns(lang: Lang) -> &'static [&'static str] {
    Lexicon::of(lang).pronoun_words()
}

/// Nouns for a statement or a news outlet's report: the organisation before it is the speaker.
pub(super) fn statements() -> &'static [&'static str] {
    &Shared::get().statements
}

/// Words that end a speaker's noun phrase.
pub(super) fn np_stop() -> &'static [&'static str] {
    &Shared::get().np_stop
}

/// Whether a word may sit between a verb and its inverted subject (`sagte gestern der
/// Minister`): a weekday or a word of `assets/lexicon/all/skippable.txt`.
pub(super) fn skippable(l: &str) -> bool {
    crate::analysis::numbers::weekday(l) || Shared::get().skippable.contains(&l)
}

/// Determiners that may open an unnamed speaker's description.
pub(super) fn determiners() -> &'static [&'static str] {
    &Shared::get().determiners
}

/// Conjunctions that may open the clause before the speaker: `Zoals een diplomaat opmerkte`.
pub(super) fn clause_openers() -> &'static [&'static str] {
    &Shared::get().clause_openers
}

/// Coordinating conjunctions that open a clause without a subject of its own.
pub(super) fn conjunctions() -> &'static [&'static str] {
    &Shared::get().conjunctions
}

/// Relative pronouns.
pub(super) fn relatives() -> &'static [&'static str] {
    &Shared::get().relatives
}
