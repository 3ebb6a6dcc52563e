//! Splits running text into CoNLL-style tokens with byte offsets, and tokens into sentences.
//!
//! Conventions (those of the CoNLL and WikiANN data the models learn from):
//! - punctuation is split off words: `(Brussel),` → `(` `Brussel` `)` `,`;
//! - a word keeps inner hyphens, apostrophes, dots, commas, colons, slashes, `&`, `_` and `@`
//!   when a letter or digit follows them: `Groot-Brittannië`, `d'Espagne`, `3.000`, `U.S`;
//! - a final dot stays on initials (`J.`), on words with an inner dot (`U.S.`), on known
//!   abbreviations (`dr.`, `St.`, `bzw.`) and, in German, on small ordinals (`18.`);
//! - a leading apostrophe stays on short clitics (`'s`, `'81`, `'t`);
//! - in English, `'s` and `n't` are split off their word (`Israel's` → `Israel` `'s`).

use crate::analysis::lexicon::{abbreviation, Abbreviation};
use crate::lang::Lang;
use std::ops::Range;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks count as part of the word they follow.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// Characters that may join two word parts into one token.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '.' | ',' | ':' | '/' | '&' | '_' | '@' | '·' | '+'
    ) || is_apostrophe(c)
}

/// Splits `text` into tokens; returns byte ranges into `text`.
pub fn tokenize(lang: Lang, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(lang, text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out`.
pub fn tokenize_into(lang: Lang, text: &str, out: &mut Vec<Range<usize>>) {
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            if let Some(s) = chunk_start.take() {
                split_chunk(lang, text, s, i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(lang, text, s, text.len(), out);
    }
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Splits one whitespace-free chunk `text[start..end]`.
fn split_chunk(lang: Lang, text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let chunk = &text[start..end];
    // Most chunks are one plain word: the general path below would give exactly this.
    if chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
        if lang == Lang::En {
            push_english(text, start, end, out);
        } else {
            out.push(start..end);
        }
        return;
    }
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let n = chars.len();
    let byte_at = |k: usize| -> usize {
        if k < n {
            start + chars[k].0
        } else {
            end
        }
    };
    let mut k = 0;
    while k < n {
        let c = chars[k].1;
        if is_word_char(c) {
            // A word: letters/digits, joined by joiners that are followed by a word char.
            let w0 = k;
            k += 1;
            while k < n {
                let c = chars[k].1;
                if is_word_char(c) {
                    k += 1;
                } else if is_joiner(c)
                    && k + 1 < n
                    && is_word_char(chars[k + 1].1)
                    && !(c == '.' && joined_sentences(&chars[w0..k], &chars[k + 1..]))
                {
                    k += 2;
                } else {
                    break;
                }
            }
            // A trailing dot on abbreviations and initials.
            if k < n
                && chars[k].1 == '.'
                && keeps_dot(lang, &chunk[chars[w0].0..byte_at(k) - start], k + 1 == n)
            {
                k += 1;
            }
            // A trailing hyphen on a truncated compound (`voor-`, `Stadtbahn-`) when a word follows.
            let (ws, we) = (byte_at(w0), byte_at(k));
            if lang == Lang::En {
                push_english(text, ws, we, out);
            } else {
                out.push(ws..we);
            }
        } else if is_apostrophe(c) && k + 1 < n && is_word_char(chars[k + 1].1) {
            // `'s`, `'81`, `'t`: a short clitic keeps its apostrophe.
            let mut j = k + 1;
            while j < n && is_word_char(chars[j].1) {
                j += 1;
            }
            if j - k - 1 <= 2 && (j == n || !is_word_char(chars[j].1) && !is_joiner(chars[j].1)) {
                out.push(byte_at(k)..byte_at(j));
                k = j;
            } else {
                out.push(byte_at(k)..byte_at(k + 1));
                k += 1;
            }
        } else {
            // Punctuation: runs of the same mark stay together (`...`, `''`, `--`).
            let p0 = k;
            k += 1;
            while k < n && chars[k].1 == c && !is_word_char(c) {
                k += 1;
            }
            out.push(byte_at(p0)..byte_at(k));
        }
    }
}

/// A full stop that lost its space between two sentences (`werden kann.Mats Schönauer`): a
/// lower-case word of three letters or more before it, a capitalised word after it (not
/// `spiegel.de`, `z.B.`, `U.S.`).
fn joined_sentences(before: &[(usize, char)], after: &[(usize, char)]) -> bool {
    let mut b = before.iter().map(|&(_, c)| c);
    let lower_word =
        before.len() >= 3 && b.next().is_some_and(char::is_alphabetic) && b.all(char::is_lowercase);
    let mut a = after.iter().map(|&(_, c)| c);
    lower_word
        && a.next().is_some_and(char::is_uppercase)
        && a.next().is_some_and(char::is_lowercase)
}

fn keeps_dot(lang: Lang, word: &str, last_in_chunk: bool) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single = first.is_some() && chars.next().is_none();
    if single {
        // Initials: `J.`; a lone digit at the end of a chunk is more likely a sentence end.
        return first.is_some_and(|c| c.is_alphabetic()) || (lang == Lang::De && !last_in_chunk);
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    if lang == Lang::De && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let lower = word.to_lowercase();
    abbreviation(&lower, Abbreviation::Token)
}

/// English: splits `'s`, `'re`, `'ll`, `n't` … off their word, as the treebank does.
fn push_english(text: &str, ws: usize, we: usize, out: &mut Vec<Range<usize>>) {
    let w = &text[ws..we];
    let lower = w.to_ascii_lowercase();
    for suffix in ["n't", "n’t"] {
        if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
            let cut = we - suffix.len();
            out.push(ws..cut);
            out.push(cut..we);
            return;
        }
    }
    for suffix in ["'s", "’s", "'re", "'ll", "'ve", "'m", "'d"] {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            let cut = we - suffix.len();
            if w.is_char_boundary(cut - ws) {
                out.push(ws..cut);
                out.push(cut..we);
                return;
            }
        }
    }
    out.push(ws..we);
}

/// Groups tokens into sentences: returns token-index ranges.
/// A sentence ends after `.`, `!`, `?`, `…` (and any closing quotes or brackets right after),
/// and wherever the text between two tokens holds a line break.
pub fn sentences(text: &str, tokens: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &text[tokens[i].clone()];
        let mut end_here = false;
        if is_terminal(t) {
            // Take closing quotes and brackets along.
            while i + 1 < tokens.len() && is_closer(&text[tokens[i + 1].clone()]) {
                i += 1;
            }
            end_here = true;
        }
        if i + 1 < tokens.len() && text[tokens[i].end..tokens[i + 1].start].contains('\n') {
            end_here = true;
        }
        if end_here || i - s >= 250 {
            out.push(s..i + 1);
            s = i + 1;
        }
        i += 1;
    }
    if s < tokens.len() {
        out.push(s..tokens.len());
    }
    out
}

fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "…" | "..." | "?!" | "!?" | "!!" | "??")
}

fn is_closer(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "''" | "”" | "’" | "»" | "«" | "“" | ")" | "]" | "›"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(lang: Lang, s: &str) -> Vec<&str> {
        tokenize(lang, s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_punctuation_keeps_words() {
        assert_eq!(
            toks(
                Lang::Nl,
                "(Brussel), zei Groot-Brittannië's minister: 3.000 euro."
            ),
            [
                "(",
                "Brussel",
                ")",
                ",",
                "zei",
                "Groot-Brittannië's",
                "minister",
                ":",
                "3.000",
                "euro",
                "."
            ]
        );
        assert_eq!(toks(Lang::Fr, "l'État d'Espagne"), ["l'État", "d'Espagne"]);
        assert_eq!(
            toks(Lang::Nl, "In '81 zei 's nachts"),
            ["In", "'81", "zei", "'s", "nachts"]
        );
        assert_eq!(
            toks(Lang::En, "J. Smith of the U.S. didn't"),
            ["J.", "Smith", "of", "the", "U.S.", "did", "n't"]
        );
        assert_eq!(toks(Lang::En, "Israel's army"), ["Israel", "'s", "army"]);
        assert_eq!(toks(Lang::De, "am 18. März."), ["am", "18.", "März", "."]);
        assert_eq!(toks(Lang::De, "„Mummenschanz“"), ["„", "Mummenschanz", "“"]);
        assert_eq!(toks(Lang::Es, "¡Hola!..."), ["¡", "Hola", "!", "..."]);
        // A full stop that lost its space still ends the sentence; domains and
        // abbreviations keep theirs.
        assert_eq!(
            toks(Lang::De, "werden kann.Mats Schönauer"),
            ["werden", "kann", ".", "Mats", "Schönauer"]
        );
        assert_eq!(
            toks(Lang::De, "spiegel.de z.B. Die"),
            ["spiegel.de", "z.B.", "Die"]
        );
    }

    #[test]
    fn offsets_are_exact_and_on_boundaries() {
        let s = "  Zürich —\u{200B}São Paulo, «Ål»\tend.";
        let t = tokenize(Lang::Pt, s);
        let words: Vec<&str> = t.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(
            words,
            ["Zürich", "—", "São", "Paulo", ",", "«", "Ål", "»", "end", "."]
        );
        assert_eq!(t[0], 2..9);
        for r in &t {
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            assert!(r.start < r.end);
        }
        assert!(t.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn splits_sentences() {
        let s = "Hij zei: \"Ja.\" Toen ging hij. Dag!\nKop zonder punt\nVolgende";
        let t = tokenize(Lang::Nl, s);
        let sents: Vec<Vec<&str>> = sentences(s, &t)
            .into_iter()
            .map(|r| t[r].iter().map(|x| &s[x.clone()]).collect())
            .collect();
        assert_eq!(sents.len(), 5);
        assert_eq!(sents[0], ["Hij", "zei", ":", "\"", "Ja", ".", "\""]);
        assert_eq!(sents[3], ["Kop", "zonder", "punt"]);
    }
}
