//! Names in a headline written in Title Case (`Castellanos and Vandermeer Clash Over Water`,
//! as many English-language papers and web pages write their headlines and titles) or in
//! capitals. There every word has a capital, so a capital says nothing of a name, and the
//! model, which learned from sentences, takes a run of them for one name. In such a headline a
//! name stays only as far as the article names it elsewhere, in any case: the whole of it, or
//! the names of the body inside it (`Nevada` in `Nevada Governor Debate`), with the body's
//! spelling.
//!
//! Only the article's first block, its headline, is read so: in lists of titles (a
//! discography, a filmography) every line is in Title Case and names what no other line does.

use super::{text, Raw};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The article's first block when it is a headline in Title Case or in capitals: a short line
/// without final punctuation ([`text::headline_at`]) with no word of more than four letters in
/// lower case, two of whose capitalised words after the first are written in lower case
/// elsewhere in the article (`Over`, `Water`; a German headline's nouns are not, so German is
/// left alone).
pub(super) fn title_case_headline(text: &str, blocks: &[Range<usize>]) -> Option<Range<usize>> {
    let first = blocks.first()?;
    if text::headline_at(text, first.start).is_none_or(|l| l.end < first.end) {
        return None;
    }
    let mut words = Vec::new();
    text::words(text, first.clone(), &mut words);
    let rest: Vec<&str> = words.iter().skip(1).map(|w| w.as_str(text)).collect();
    if rest
        .iter()
        .any(|w| w.starts_with(char::is_lowercase) && w.chars().count() > 4)
    {
        return None;
    }
    // A headline all in capitals (`MAYOR VOWS TO KEEP STATIONS OPEN`) is read the same way.
    let upper = rest.len() >= 2
        && rest.iter().all(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        });
    let mut asked: HashSet<String> = rest
        .iter()
        .filter(|w| {
            text::starts_upper(w)
                && (upper || w.chars().skip(1).any(char::is_lowercase))
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        })
        .map(|w| w.to_lowercase())
        .collect();
    let mut lower = 0;
    for b in &blocks[1..] {
        words.clear();
        text::words(text, b.clone(), &mut words);
        for w in &words {
            let s = w.as_str(text);
            if s.starts_with(char::is_lowercase) && asked.remove(s) {
                lower += 1;
                if lower == 2 {
                    return Some(first.clone());
                }
            }
        }
        if asked.is_empty() {
            break;
        }
    }
    None
}

/// Replaces each name found in the Title Case headline `line`, by the model or by a rule (a
/// title's person: `State Senator Sentenced`), by what the rest of the article names: the
/// name when the body names it (in any case), else the body's names inside it, longest
/// first, each with the body's kind and name.
pub(super) fn body_names_only(text: &str, line: &Range<usize>, raws: &mut Vec<Raw>) {
    let in_line = |r: &Raw| line.start <= r.start && r.end <= line.end;
    let mut body: HashMap<String, &Raw> = HashMap::new();
    for r in raws.iter().filter(|r| !in_line(r)) {
        if let Some(t) = text.get(r.start..r.end) {
            body.entry(t.to_lowercase()).or_insert(r);
        }
    }
    let mut kept: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut words = Vec::new();
    for r in raws.iter() {
        let as_written = text.get(r.start..r.end).unwrap_or("");
        if !in_line(r) || body.contains_key(&as_written.to_lowercase()) {
            kept.push(r.clone());
            continue;
        }
        words.clear();
        text::words(text, r.start..r.end, &mut words);
        let mut i = 0;
        while i < words.len() {
            let found = (i..words.len()).rev().find_map(|j| {
                let t = text.get(words[i].start..words[j].end)?;
                body.get(&t.to_lowercase()).map(|b| (j, *b))
            });
            match found {
                Some((j, b)) => {
                    kept.push(Raw {
                        start: words[i].start,
                        end: words[j].end,
                        model: false,
                        ..b.clone()
                    });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    kept.sort_by_key(|r| (r.start, r.end));
    *raws = kept;
}

#[cfg(test)]
mod tests {
    use super::super::passes::{with_off, Off, Pass};
    use super::*;
    use crate::analysis::EntityKind;
    use crate::lang::Lang;

    const BODY: &str = "\nHARTFORD, Conn. — Gov. Ellen Marsh and state Sen. Victor Oyelaran clashed over \
        water rates and rent on Tuesday in the only debate of the governor's race in Connecticut.\n\
        Oyelaran said the governor had let rent rise for four years. Marsh said the water plan would \
        hold.\n";

    fn names(text: &str, off: Off) -> Vec<(String, EntityKind, String)> {
        let blocks = text::line_blocks(text);
        let (entities, _) = with_off(off, || {
            super::super::find(text, &blocks, Lang::En, Vec::new())
        });
        let headline = text.find('\n').unwrap_or(0);
        entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.start < headline)
                    .map(move |m| (e.name.clone(), e.kind, text[m.start..m.end].to_string()))
            })
            .collect()
    }

    #[test]
    fn a_title_case_headline_names_only_what_the_article_names() {
        let text = format!(
            "Marsh and Oyelaran Clash Over Water and Rent in Connecticut Governor Debate{BODY}"
        );
        let blocks = text::line_blocks(&text);
        assert_eq!(title_case_headline(&text, &blocks), blocks.first().cloned());
        let found = names(&text, Off::default());
        let written: Vec<&str> = found.iter().map(|(_, _, w)| w.as_str()).collect();
        assert!(
            written
                .iter()
                .all(|w| ["Marsh", "Oyelaran", "Connecticut"].contains(w)),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "Victor Oyelaran".into(),
                EntityKind::Person,
                "Oyelaran".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "Connecticut".into(),
                EntityKind::Place,
                "Connecticut".into()
            )),
            "{found:?}"
        );
        // Without the pass the model takes runs of capitals for names.
        let without = names(&text, Off::of(&[Pass::TitleCase]));
        assert!(
            without.iter().any(|(_, _, w)| w.contains(' ')),
            "{without:?}"
        );
    }

    #[test]
    fn a_headline_in_capitals_names_the_body_s_names() {
        let text = format!("GOV. MARSH, SEN. OYELARAN SPAR OVER WATER RATES{BODY}");
        let blocks = text::line_blocks(&text);
        assert_eq!(title_case_headline(&text, &blocks), blocks.first().cloned());
        let marsh = (
            "Ellen Marsh".to_string(),
            EntityKind::Person,
            "MARSH".to_string(),
        );
        let found = names(&text, Off::default());
        assert!(found.contains(&marsh), "{found:?}");
        let written: Vec<&str> = found.iter().map(|(_, _, w)| w.as_str()).collect();
        assert!(
            written.iter().all(|w| ["MARSH", "OYELARAN"].contains(w)),
            "{found:?}"
        );
        // Without the pass the model reads the title and the name as one place.
        let without = names(&text, Off::of(&[Pass::TitleCase]));
        assert!(!without.contains(&marsh), "{without:?}");
    }

    #[test]
    fn other_headlines_are_left_alone() {
        for headline in [
            // Sentence case: a long word in lower case.
            "Marsh and Oyelaran clash over water and rent in Connecticut governor debate",
            // Capitals the article never writes in lower case.
            "Marsh Faces Oyelaran in Hartford",
            // A sentence, not a headline.
            "Marsh And Oyelaran Clash Over Water And Rent.",
        ] {
            let text = format!("{headline}{BODY}");
            assert_eq!(
                title_case_headline(&text, &text::line_blocks(&text)),
                None,
                "{headline}"
            );
        }
        // German nouns are capitalised in every sentence, so they are never lower case in
        // the body.
        let text = "Streit über Wasser und Mieten in Hessen\nDie Regierung stritt am Dienstag über Wasser und Mieten.\n";
        assert_eq!(title_case_headline(text, &text::line_blocks(text)), None);
    }
}
