//! Whether a predicted speaker and an annotated one name the same speaker: the rule the quote
//! scorer of `krant-eval` and the speaker tests share (a whole name, never a substring).

use super::lexicon::Lexicon;
use super::text::starts_upper;
use crate::lang::Lang;

/// The words of a name or description, as written: letters and digits, with hyphens and
/// apostrophes inside words kept (`Reed’s`, `D-Calif`).
fn words_of(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || super::text::is_apostrophe(c)))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a predicted speaker name and an annotated speaker text name the same speaker:
/// equal word for word (case-insensitive, leading articles and titles aside: `Dr. Shaw` is
/// `Shaw`; a generation after the surname too: `Boyle Jr.` is `Boyle`), or the shorter is a run
/// of whole words of the longer that ends a name there: its last word is capitalised, no
/// title and no pronoun, and the longer does not go on with a capitalised word. So `Ben
/// Sasse` and `Sasse` match `Sen. Ben Sasse`, `Thomas Brouwer` matches `Ecoloog Thomas
/// Brouwer van Wageningen`, but `Sen`, `Ben`, `Reed` (for `Reed’s spokeswoman, Nora
/// Vick`) do not, and a bare substring never does: `er` is not `Sergej Lawrow`.
pub fn same_speaker(predicted: &str, gold: &str, lang: Lang) -> bool {
    let (p, g) = (parts(predicted), parts(gold));
    p.iter()
        .any(|p| g.iter().any(|g| same_speaker_words(p, g, lang)))
}

/// A speaker text without what stands in parentheses (`Kristina Schröder (CDU)`), and also
/// each of its comma-separated pieces (`Wolfgang Hürter, Aufsichtsvorsitzender von SWB`:
/// the name and the apposition each name the speaker).
fn parts(s: &str) -> Vec<String> {
    let mut bare = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let mut v = vec![bare.clone()];
    if bare.contains(',') {
        v.extend(bare.split(',').map(str::to_string));
    }
    v
}

fn same_speaker_words(predicted: &str, gold: &str, lang: Lang) -> bool {
    let lex = Lexicon::of(lang);
    let words = |s: &str| -> Vec<(String, bool)> {
        let mut v: Vec<(String, bool)> = words_of(s)
            .into_iter()
            .map(|w| (w.to_lowercase(), starts_upper(w)))
            .collect();
        let opening = v
            .iter()
            .take_while(|(l, _)| lex.is_article(l) || lex.is_title(l))
            .count();
        // A capitalised last word after titles is a surname that is also a title (`Ms.
        // King`, `Kyle Bishop`).
        let keep_last = opening == v.len() && v.len() >= 2 && v.last().is_some_and(|w| w.1);
        v.drain(..opening - usize::from(keep_last));
        // A generation after the surname (`Raymond T. Boyle Jr.`) is no part of it.
        while v.len() >= 2 && v.last().is_some_and(|w| lex.is("name_suffixes", &w.0)) {
            v.pop();
        }
        v
    };
    // The last word of a name is its surname, though it be a title too, after a first name
    // (`Deborah King`).
    let surname = |v: &[(String, bool)], i: usize| {
        !lex.is_title(&v[i].0)
            || i > 0 && v[i - 1].1 && !lex.is_title(&v[i - 1].0) && !lex.is_article(&v[i - 1].0)
    };
    let (p, g) = (words(predicted), words(gold));
    // A surname alone that is also a title (`King`, `Judge`) and a full name ending in it
    // (`Glenn King`): the same person.
    let lone = |raw: &str| -> Option<String> {
        let w = words_of(raw);
        (w.len() == 1 && starts_upper(w[0])).then(|| w[0].to_lowercase())
    };
    let named_in_full = |v: &[(String, bool)], last: &str| {
        v.len() >= 2 && v.iter().all(|w| w.1) && v.last().is_some_and(|w| w.0 == last)
    };
    if g.is_empty() && lone(gold).is_some_and(|l| named_in_full(&p, &l))
        || p.is_empty() && lone(predicted).is_some_and(|l| named_in_full(&g, &l))
    {
        return true;
    }
    if p.is_empty() || g.is_empty() {
        // A role, an article and titles (`Der Bundespräsident`, `der Papst`), matches the
        // same words; a title alone (`Sen`) names nobody.
        let all =
            |s: &str| -> Vec<String> { words_of(s).iter().map(|w| w.to_lowercase()).collect() };
        let words = all(predicted);
        return p.is_empty()
            && g.is_empty()
            && words.first().is_some_and(|w| lex.is_article(w))
            && words == all(gold);
    }
    let lower = |v: &[(String, bool)]| v.iter().map(|w| w.0.clone()).collect::<Vec<_>>();
    if lower(&p) == lower(&g) {
        return true;
    }
    // `Martin Winterkorn` and `VW-Chef Winterkorn`: a full name (capitalised words only)
    // and another mention ending in its surname.
    let full_name = |v: &[(String, bool)]| v.len() >= 2 && v.iter().all(|w| w.1);
    let ends_in = |a: &[(String, bool)], b: &[(String, bool)]| {
        a.last().zip(b.last()).is_some_and(|(x, y)| {
            x.0 == y.0
                && x.1
                && y.1
                && (surname(a, a.len() - 1) || surname(b, b.len() - 1))
                && lex.pronoun(&x.0).is_none()
        })
    };
    if (full_name(&p) || full_name(&g)) && ends_in(&p, &g) {
        return true;
    }
    let (short, long) = if p.len() < g.len() { (p, g) } else { (g, p) };
    let short = lower(&short);
    let Some(last) = short.last() else {
        return false;
    };
    let n = short.len();
    let name_end = |i: usize| {
        long.get(i)
            .is_some_and(|(l, upper)| *upper && surname(&long, i) && lex.pronoun(l).is_none())
            && !long.get(i + 1).is_some_and(|w| w.1)
    };
    (n - 1..long.len()).any(|i| {
        long[i].0 == *last
            && name_end(i)
            && long[i + 1 - n..=i]
                .iter()
                .zip(&short)
                .all(|(a, b)| a.0 == *b)
    })
}
