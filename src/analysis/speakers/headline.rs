//! Headlines leave out articles and report in the present: `Immigration judges warn
//! backlog has reached ‘a breaking point’`, `Shutdown nears as Young calls plan ‘a hostage
//! note’`, `Rochester schools chief: ‘We are heating empty classrooms’`. The speaker of a quote
//! in a headline is the bare noun phrase before the colon that introduces it, or before the
//! reporting verb of its clause.

use super::{Ctx, Speaker};
use crate::analysis::lexicon::Words;
use crate::analysis::quotes::Found;
use crate::analysis::text::{self, Word};

/// Most words a headline's speaker phrase has (`Senate Majority Leader Margaret Young`).
const MAX_WORDS: usize = 5;

/// The speaker of quote `q` when it stands in a headline ([`text::headline_at`]).
pub(super) fn headline_speaker(ctx: &Ctx, q: &Found) -> Option<Speaker> {
    let line = text::headline_at(ctx.text, q.open)?;
    let mut words = Vec::new();
    text::words(ctx.text, line.start..q.open, &mut words);
    let colon = ctx
        .text
        .get(words.last().map_or(line.start, |w| w.end)..q.open)
        .is_some_and(|g| g.trim_end().ends_with(':'));
    if colon {
        return subject_before(ctx, &words, words.len());
    }
    // The reporting verb nearest the quote: before it in its clause, else right after it
    // (`‘…,’ librarians tell the board`).
    let before = (0..words.len())
        .rev()
        .take_while(|&i| !boundary_after(ctx, &words, i))
        .find(|&i| verb(ctx, &words[i]));
    if let Some(v) = before {
        return subject_before(ctx, &words, v);
    }
    let mut after = Vec::new();
    text::words(ctx.text, q.close_end.min(line.end)..line.end, &mut after);
    let v = after
        .iter()
        .take(MAX_WORDS + 1)
        .position(|w| verb(ctx, w))?;
    subject_before(ctx, &after, v)
}

/// The gap after word `i` holds punctuation that ends a clause, or a double quotation mark
/// (a single one may be an apostrophe: `makers’ prices`).
fn boundary_after(ctx: &Ctx, words: &[Word], i: usize) -> bool {
    let end = words.get(i + 1).map_or(usize::MAX, |w| w.start);
    let gap = ctx.text.get(words[i].end..end).unwrap_or("");
    gap.contains([',', ';', ':', '—', '–', '|', '“', '”', '"', '«', '»'])
}

/// A reporting verb, or in a headline its plural (`warn`, `call`: a listed form less a third
/// person ending, `third_person_suffixes`).
fn verb(ctx: &Ctx, w: &Word) -> bool {
    if ctx.quoted(w.start) {
        return false;
    }
    let lower = ctx.slice(w.start..w.end).to_lowercase();
    let lex = ctx.lex();
    lex.is_reporting_verb(&lower)
        || lex
            .rule("third_person_suffixes")
            .iter()
            .any(|s| lex.is_reporting_verb(&format!("{lower}{s}")))
}

/// The words right before word `v`, back to a clause boundary (punctuation, a conjunction or
/// a subordinator), as a speaker: at most [`MAX_WORDS`] words, none of them quoted.
fn subject_before(ctx: &Ctx, words: &[Word], v: usize) -> Option<Speaker> {
    let lex = ctx.lex();
    let opener = |w: &Word| {
        let l = ctx.slice(w.start..w.end).to_lowercase();
        lex.has(Words::Conjunctions, &l)
            || lex.is("clause_openers", &l)
            || lex.rule("subordinators").contains(&l.as_str())
    };
    let mut j = v;
    while j > 0
        && !boundary_after(ctx, words, j - 1)
        && !opener(&words[j - 1])
        && !ctx.quoted(words[j - 1].start)
    {
        j -= 1;
    }
    if j == v || v - j > MAX_WORDS {
        return None;
    }
    // A name before a common noun qualifies it (`Navy chief`, `Immigration judges`): the
    // whole phrase speaks.
    let head = ctx.slice(words[v - 1].start..words[v - 1].end);
    if v - j >= 2 && text::starts_lower(head) {
        return Some(ctx.phrase_speaker(ctx.slice(words[j].start..words[v - 1].end)));
    }
    ctx.speaker_from_np(words[j].start, words[v - 1].end, &[])
}
