//! Words of nationality and place the model does not mark as names but the annotated news
//! does, as `other`: German adjectives of nationality and of place. (English demonyms as
//! `other`, CoNLL-2003's convention, cost English dev and train F1, whose data has no such
//! kind, and went.)

use super::Raw;
use crate::analysis::gazetteer;
use crate::analysis::lexicon::NameWords;
use crate::analysis::ner;
use crate::analysis::text::Word;
use crate::analysis::EntityKind;
use crate::lang::Lang;

/// German adjectives of nationality, any inflection (`österreichischem`, `polnischer`,
/// `südafrikanischen`): names of the `other` kind, as the German annotated news marks them;
/// not those of a religion (`jüdischen`, `katholischen`), which it leaves unmarked.
pub(super) fn german_nationality_adjectives(text: &str, words: &[Word], out: &mut Vec<Raw>) {
    let de = NameWords::of(Lang::De);
    for w in words {
        let s = w.as_str(text);
        if !s.starts_with(char::is_lowercase) || s.chars().count() < 5 {
            continue;
        }
        let stems = std::iter::once(s).chain(
            de.adjective_endings
                .iter()
                .filter_map(|suf| s.strip_suffix(suf)),
        );
        let hit = stems.into_iter().any(|stem| {
            let bare = de
                .compass_prefixes
                .iter()
                .find_map(|p| stem.strip_prefix(p))
                .unwrap_or(stem);
            stem.ends_with("isch")
                && !de.religions.contains(stem)
                && (nationality(stem) || nationality(bare))
        });
        if hit {
            out.push(other_word(w, s));
        }
    }
}

/// The gazetteer knows `w` (any case) as a nationality (`other`) and not as a place or an
/// organisation.
fn nationality(w: &str) -> bool {
    use ner::gazetteer::{Gazetteer, LOC, MISC, ORG};
    let c = Gazetteer::get().lookup_one(ner::features::hash_lower(w));
    c & MISC != 0 && c & (LOC | ORG) == 0
}

/// A word the rules found to be `other` (`s` is its text).
fn other_word(w: &Word, s: &str) -> Raw {
    Raw {
        start: w.start,
        end: w.end,
        kind: EntityKind::Other,
        key: gazetteer::normalise(s),
        display: s.to_string(),
        model: false,
    }
}

/// German adjectives of a place, capitalised and ending in `-er` (`Düsseldorfer`, `Fürther`),
/// are `other`, as GermEval marks them: the stem must be a known place (gazetteer or the
/// name lexicon's places) and never a person's name, nor the word itself a person's or an
/// organisation's (`Berger`), a function (`Physiker`) or a word that is never a name
/// (`Ferner`).
pub(super) fn german_place_adjectives(text: &str, words: &[Word], out: &mut Vec<Raw>) {
    use ner::gazetteer::{Gazetteer, LOC};
    use ner::lexicon::{B_LOC, B_PER, ORG, PER};
    let g = Gazetteer::get();
    let lex = ner::shipped_lexicon();
    let de = NameWords::of(Lang::De);
    for w in words {
        let s = w.as_str(text);
        let Some(stem) = s.strip_suffix("er") else {
            continue;
        };
        let lower = s.to_lowercase();
        if !s.starts_with(char::is_uppercase)
            || stem.chars().count() < 4
            || [&de.functions, &de.stop]
                .iter()
                .any(|set| set.contains(lower.as_str()))
        {
            continue;
        }
        let bits = lex.lookup(ner::features::hash_str(stem));
        let own = lex.lookup(ner::features::hash_str(s));
        let place = g.lookup_one(ner::features::hash_lower(stem)) & LOC != 0 || bits & B_LOC != 0;
        if place && bits & B_PER == 0 && own & (PER | ORG) == 0 {
            out.push(other_word(w, s));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text;

    /// The words of `text` that a word rule finds `other`.
    fn found_by(rule: fn(&str, &[Word], &mut Vec<Raw>), text: &str) -> Vec<&str> {
        let mut words = Vec::new();
        text::words(text, 0..text.len(), &mut words);
        let mut out = Vec::new();
        rule(text, &words, &mut out);
        assert!(out.iter().all(|r| r.kind == EntityKind::Other));
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn german_adjectives_of_nationality() {
        let text = "Auf österreichischem Boden, mit polnischer Hilfe, bei südafrikanischen und politischen Fragen der jüdischen Gemeinde.";
        let found = found_by(german_nationality_adjectives, text);
        assert_eq!(
            found,
            ["österreichischem", "polnischer", "südafrikanischen"]
        );
    }

    #[test]
    fn german_place_adjectives_are_other() {
        let text =
            "Die Londoner Börse, der Kieler Hafen, ein Trierer Lehrer und der Fahrer Berger. Ferner war der Physiker da.";
        let found = found_by(german_place_adjectives, text);
        // Not `Lehrer` or `Fahrer` (no place), nor `Berger`, a surname, nor `Ferner` (an
        // adverb) or `Physiker` (a function).
        assert_eq!(found, ["Londoner", "Kieler", "Trierer"]);
    }
}
