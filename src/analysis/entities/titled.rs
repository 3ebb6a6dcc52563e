//! Persons named after a title, the rule that adds what the model misses: `generaal Xavier
//! Brunson`, `minister van Defensie Hegseth`, `The Defence Secretary, Pete Hegseth, said`.

use super::passes::{on, Pass};
use super::{is_title, strip_genitive, Raw};
use crate::analysis::lexicon::{particles, NameWords};
use crate::analysis::text::{lower_into, starts_upper, Word};
use crate::analysis::EntityKind;
use crate::analysis::{gazetteer, numbers};
use crate::lang::Lang;
use std::ops::Range;

/// The text and language of an article, and a buffer to lower-case words in.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) lang: Lang,
    pub(super) buf: String,
}

/// The gap between two words inside a name: up to three spaces or hyphens (and full stops
/// when `allow_dot`).
fn gap_ok(text: &str, a_end: usize, b_start: usize, allow_dot: bool) -> bool {
    let g = text.get(a_end..b_start).unwrap_or("x");
    g.len() <= 3
        && !g.is_empty()
        && g.chars()
            .all(|c| c == ' ' || c == '-' || c == '\u{a0}' || c == '‑' || (allow_dot && c == '.'))
}

/// Persons named after a title: `generaal Xavier Brunson`, `minister van Defensie Hegseth`.
/// For a minister named with the portfolio, `portfolios` gets the portfolio's byte range and
/// where the person's name starts.
pub(super) fn titled_people(
    ctx: &mut Ctx,
    words: &[Word],
    out: &mut Vec<Raw>,
    portfolios: &mut Vec<(Range<usize>, usize)>,
) {
    let text = ctx.text;
    let mut wi = 0;
    while wi < words.len() {
        let s = words[wi].as_str(text);
        // An abbreviated title of the article's language with its full stop (`Rep.`, `Gov.`,
        // `Sra.`): the stop belongs to the gap before the name. Not in German, where
        // cross-validation found a loss (`Dr.` stays inside the model's names there).
        // Not inside initials (`J.M. Weston`), nor before an initial or another title
        // (`Maj.-Gen. J. F. C. Fuller`, `Lt. Gov. Samuel Dorsey`: the last title names).
        let abbreviated = ctx.lang != Lang::De
            && text
                .get(words[wi].end..)
                .is_some_and(|t| t.starts_with(". "))
            && !text[..words[wi].start].ends_with(|c: char| c == '.' || c.is_alphanumeric())
            && words.get(wi + 1).is_some_and(|n| {
                let w = n.as_str(text).to_lowercase();
                w.chars().count() > 1
                    && !is_title(&w)
                    && !crate::analysis::lexicon::Lexicon::of(ctx.lang).is_abbreviated_title(&w)
            })
            && crate::analysis::lexicon::Lexicon::of(ctx.lang)
                .is_abbreviated_title(lower_into(s, &mut ctx.buf));
        let title = abbreviated || is_title(lower_into(s, &mut ctx.buf));
        // A title introduces a person: `generaal Xavier Brunson`, `minister van Defensie Hegseth`.
        if title && wi + 1 < words.len() {
            let mut j = wi + 1;
            let mut portfolio = false;
            // Only ministers and secretaries have a portfolio between title and name; after
            // other titles the capitalised words are an organisation (`presidente del
            // Olympique Lyon`).
            let ministerial = {
                let t = lower_into(s, &mut ctx.buf);
                NameWords::of(ctx.lang)
                    .portfolio_titles
                    .iter()
                    .any(|p| t.contains(p))
            };
            if ministerial
                && j + 2 < words.len()
                && NameWords::of(ctx.lang)
                    .portfolio_preps
                    .contains(words[j].as_str(text))
                && starts_upper(words[j + 1].as_str(text))
                && starts_upper(words[j + 2].as_str(text))
                && gap_ok(text, words[j + 1].end, words[j + 2].start, false)
            {
                j += 2;
                portfolio = true;
            }
            let (end_w, _) = name_run(ctx, words, j);
            if on(Pass::Titled)
                && end_w > j
                && (portfolio || gap_ok(text, words[j - 1].end, words[j].start, abbreviated))
            {
                if portfolio {
                    portfolios.push((words[j - 1].start..words[j - 1].end, words[j].start));
                }
                push_person(ctx, words, j, end_w, out);
                wi = end_w;
                continue;
            }
            // A name in apposition, between commas, a few words after the title: `The
            // Defence Secretary, Pete Hegseth, said`, `El secretario de Defensa
            // estadounidense, Hegseth, visitó`.
            let named = on(Pass::Apposition)
                .then(|| apposition(ctx, words, wi))
                .flatten();
            if let Some((i, e)) = named {
                push_person(ctx, words, i, e, out);
                wi = e;
                continue;
            }
        }
        wi += 1;
    }
}

/// The words (start, end exclusive) of a name of one to three capitalised words set off by
/// commas within five words after the title at `t`, the words between them all in the same
/// clause (no other punctuation), and a lower-case word after the second comma (not a list:
/// `dans un premier temps, Armenia, Neiva et Ibagué`).
fn apposition(ctx: &mut Ctx, words: &[Word], t: usize) -> Option<(usize, usize)> {
    let text = ctx.text;
    for j in t + 1..(t + 7).min(words.len()) {
        let gap = text.get(words[j - 1].end..words[j].start)?;
        if gap.trim() == "," {
            let (e, count) = name_run(ctx, words, j);
            let after = text.get(words[e.checked_sub(1)?].end..)?.trim_start();
            let next = after.strip_prefix(',')?.trim_start();
            let listed = !next.starts_with(char::is_lowercase);
            return (e > j && count <= 3 && !listed).then_some((j, e));
        }
        if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
            return None;
        }
    }
    None
}

/// The end (exclusive word index) of the run of capitalised words starting at `i`, with
/// connectors between them.
fn name_run(ctx: &mut Ctx, words: &[Word], i: usize) -> (usize, usize) {
    let text = ctx.text;
    let mut j = i;
    let mut count = 0;
    while j < words.len() {
        let s = words[j].as_str(text);
        if j > i && !gap_ok(text, words[j - 1].end, words[j].start, false) {
            break;
        }
        if starts_upper(s) {
            let l = lower_into(s, &mut ctx.buf);
            if j > i && NameWords::of(ctx.lang).stop.contains(l) && !particles().contains(l) {
                break;
            }
            // `the chairman I would not`: a pronoun names nobody.
            if NameWords::of(ctx.lang).pronouns.contains(l) {
                break;
            }
            if numbers::weekday(l) || numbers::month(l).is_some() {
                break;
            }
            j += 1;
            count += 1;
            continue;
        }
        // A connector between capitalised words.
        if j > i
            && particles().contains(s)
            && j + 1 < words.len()
            && starts_upper(words[j + 1].as_str(text))
            && gap_ok(text, words[j].end, words[j + 1].start, false)
        {
            j += 1;
            continue;
        }
        break;
    }
    // Never end on a connector.
    while j > i && !starts_upper(words[j - 1].as_str(text)) {
        j -= 1;
    }
    (j, count)
}

fn push_person(ctx: &mut Ctx, words: &[Word], i: usize, j: usize, out: &mut Vec<Raw>) {
    let start = words[i].start;
    let mut end = words[j - 1].end;
    let s = ctx.text.get(start..end).unwrap_or("");
    let mut stripped = strip_genitive(s);
    // A sentence's full stop is not part of the name; an initial's dot is (`John F.`).
    if let Some(x) = stripped.strip_suffix('.') {
        if x.rsplit([' ', '-'])
            .next()
            .is_some_and(|w| w.chars().count() > 1)
        {
            stripped = x;
        }
    }
    end = start + stripped.len();
    out.push(Raw {
        start,
        end,
        kind: EntityKind::Person,
        key: format!("p:{}", gazetteer::normalise(stripped)),
        display: stripped.to_string(),
        model: false,
    });
}
