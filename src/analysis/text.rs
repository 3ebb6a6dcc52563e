//! Small text functions shared by the analysis passes: words with byte ranges,
//! sentence ends, character classes. Everything is a linear scan.

use super::lexicon::{abbreviation, Abbreviation};
use std::ops::Range;

/// One word of running text: a byte range. Words are runs of letters and digits,
/// joined by an inner hyphen, apostrophe or (between digits) a dot or comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The byte ranges of the non-blank lines of `text`: the blocks of a plain article whose
/// paragraphs are one line each (used by tests and the quote evaluation).
pub fn line_blocks(text: &str) -> Vec<Range<usize>> {
    let mut v = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            v.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    v
}

/// Most bytes a headline line has ([`headline_at`]).
const HEADLINE_MAX: usize = 200;

/// The line around byte `pos` when it reads as a headline: at most [`HEADLINE_MAX`] bytes,
/// ending without sentence punctuation (closing quotation marks aside). Looks no further than
/// that many bytes either way, so that it costs the same on a text of one long line.
pub fn headline_at(text: &str, pos: usize) -> Option<Range<usize>> {
    let mut lo = pos.saturating_sub(HEADLINE_MAX + 1);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (pos + HEADLINE_MAX + 1).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let start = match text.get(lo..pos)?.rfind('\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return None,
    };
    let end = match text.get(pos..hi)?.find('\n') {
        Some(i) => pos + i,
        None if hi == text.len() => hi,
        None => return None,
    };
    let line = text.get(start..end)?;
    let ends = line
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '‘', '”', '“', '»', '«', ')'])
        .ends_with(['.', '!', '?', ':', ';', '…']);
    (line.len() <= HEADLINE_MAX && !ends).then_some(start..end)
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits `range` of `text` into words, appending to `out`.
pub fn words(text: &str, range: Range<usize>, out: &mut Vec<Word>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut it = slice.char_indices().peekable();
    let mut cur: Option<usize> = None;
    let mut prev: Option<char> = None;
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            if cur.is_none() {
                cur = Some(i);
            }
        } else if let Some(s) = cur {
            let next = it.peek().map(|&(_, n)| n);
            let joins = match (prev, next) {
                (Some(p), Some(n)) => {
                    (matches!(c, '-' | '‑') && p.is_alphanumeric() && n.is_alphanumeric())
                        || (is_apostrophe(c) && p.is_alphabetic() && n.is_alphabetic())
                        || (matches!(c, '.' | ',') && p.is_ascii_digit() && n.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                out.push(Word {
                    start: base + s,
                    end: base + i,
                });
                cur = None;
            }
        }
        prev = Some(c);
    }
    if let Some(s) = cur {
        out.push(Word {
            start: base + s,
            end: base + slice.len(),
        });
    }
}

pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

pub fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// An acronym: two to six letters, all upper case (digits allowed after the first).
pub fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n)
        && s.chars().next().is_some_and(|c| c.is_uppercase())
        && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Lower-cases `s` into `buf` (reused to avoid an allocation per word).
pub fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
        return buf.as_str();
    }
    for c in s.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

/// `s.to_lowercase()`, faster on text that is mostly ASCII (the same result: only a capital
/// sigma, whose lower case depends on its neighbours, is left to the standard library).
pub fn to_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

pub fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

pub fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Byte positions just after each sentence end inside `range`, skipping the byte ranges in
/// `skip` (sorted; quotes), whose inner full stops do not end the outer sentence.
pub fn sentence_ends(text: &str, range: Range<usize>, skip: &[Range<usize>]) -> Vec<usize> {
    let mut ends = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return ends;
    };
    let base = range.start;
    let mut skip_i = 0;
    let mut word_start = 0usize;
    let mut it = slice.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let abs = base + i;
        while skip_i < skip.len() && skip[skip_i].end <= abs {
            skip_i += 1;
        }
        if skip_i < skip.len() && skip[skip_i].start <= abs && abs < skip[skip_i].end {
            continue;
        }
        if c.is_alphanumeric() {
            if i == 0 || !prev_char(slice, i).is_some_and(|p| p.is_alphanumeric()) {
                word_start = i;
            }
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let after = i + c.len_utf8();
        let next = it.peek().map(|&(_, n)| n);
        if !next.is_none_or(|n| n.is_whitespace()) {
            // `sagte der Papst.Der ältere Bruder`: a full stop with its space lost between a
            // lower-case word and a capitalised one still ends the sentence (not `z.B.`,
            // `U.S.`, `spiegel.de`).
            let w = slice.get(word_start..i).unwrap_or("");
            let joined = c == '.'
                && w.chars().count() >= 3
                && w.chars().all(char::is_alphabetic)
                && w.chars().skip(1).all(char::is_lowercase);
            let mut rest = slice.get(after..).unwrap_or("").chars();
            if joined
                && rest.next().is_some_and(char::is_uppercase)
                && rest.next().is_some_and(char::is_lowercase)
                && !abbreviation(&w.to_lowercase(), Abbreviation::Sentence)
            {
                ends.push(base + after);
            }
            continue;
        }
        if c == '.' {
            let w = slice.get(word_start..i).unwrap_or("");
            let lw = w.to_ascii_lowercase();
            if !w.is_empty()
                && prev_char(slice, i).is_some_and(|p| p.is_alphanumeric())
                && (abbreviation(&lw, Abbreviation::Sentence)
                    || (w.chars().count() == 1 && starts_upper(w))
                    || (starts_upper(w) && super::lexicon::abbreviated_title_in_any_language(&lw)))
            {
                continue;
            }
        }
        // The next sentence starts with an upper-case letter, a digit or a mark.
        let rest = slice.get(after..).unwrap_or("").trim_start();
        if c == '.' {
            // `am 14. Dezember`: a day's ordinal before a month ends nothing.
            let w = slice.get(word_start..i).unwrap_or("");
            let next_word: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if (1..=2).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_digit())
                && super::calendar::month(&next_word).is_some()
            {
                continue;
            }
        }
        let starts_new = rest
            .chars()
            .next()
            .is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || !n.is_alphanumeric());
        if starts_new {
            ends.push(base + after);
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short line without final punctuation is a headline; a sentence, a long line and
    /// a line longer than the window (a text of one line) are not.
    #[test]
    fn headlines_are_short_lines_without_a_full_stop() {
        let t = "Mayor vows ‘no new taxes’\nThe mayor spoke on Monday.\n";
        assert_eq!(headline_at(t, 11), Some(0..t.find('\n').unwrap_or(0)));
        assert_eq!(headline_at(t, t.len() - 5), None);
        let long = format!("{}“quoted”{}", "word ".repeat(30), " word".repeat(30));
        assert_eq!(headline_at(&long, 150), None);
        let one_line = format!("{}“quoted”", "word ".repeat(100_000));
        assert_eq!(headline_at(&one_line, 250_000), None);
        assert_eq!(headline_at("“Só isto”", 0), Some(0.."“Só isto”".len()));
    }

    /// The fast lower-casing gives what the standard library gives.
    #[test]
    fn lower_casing_agrees_with_the_standard_library() {
        for s in [
            "",
            "Plain ASCII, 42!",
            "„Außenminister“ ẞ İstanbul ÉCOLE",
            "ΟΔΟΣ Σ ΣΑ «Zürich»",
            "dit is 'n Test – ÇA VA",
        ] {
            assert_eq!(to_lower(s), s.to_lowercase(), "{s}");
            let per_char: String = s.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower_into(s, &mut String::new()), per_char, "{s}");
        }
    }

    #[test]
    fn words_keep_compounds_and_numbers() {
        let t = "VS-Zuid-Korea-alliantie, 28.500 troepen; regio's en l'année. 'Dit";
        let mut w = Vec::new();
        words(t, 0..t.len(), &mut w);
        let s: Vec<&str> = w.iter().map(|w| w.as_str(t)).collect();
        assert_eq!(
            s,
            [
                "VS-Zuid-Korea-alliantie",
                "28.500",
                "troepen",
                "regio's",
                "en",
                "l'année",
                "Dit"
            ]
        );
    }

    #[test]
    fn sentences_split_after_full_stops_not_abbreviations() {
        let t = "Hij zei dat Dr. Jansen kwam. Toen ging hij weg! Klaar";
        let ends = sentence_ends(t, 0..t.len(), &[]);
        assert_eq!(ends.len(), 2);
        assert_eq!(&t[..ends[0]], "Hij zei dat Dr. Jansen kwam.");
    }

    /// Every abbreviated title of the lexicons (`Capt.`, `Pres.`, `Ald.`, `Sra.`, `Mevr.`)
    /// is followed by a name, never by a new sentence.
    #[test]
    fn titles_from_the_lexicons_end_no_sentence() {
        for t in [
            "Then Capt. Mary Lowe spoke.",
            "Then Pres. Ward spoke.",
            "Then Ald. Victor Mendes spoke.",
            "Luego la Sra. López habló.",
            "Toen sprak Mevr. Jansen.",
        ] {
            assert_eq!(sentence_ends(t, 0..t.len(), &[]), vec![t.len()], "{t}");
        }
    }

    #[test]
    fn sentences_split_where_the_space_after_a_full_stop_is_lost() {
        let t = "Das sagte der Papst.Der Bruder kam z.B.Montag zu spiegel.de und Bmw.X5 vor.";
        let ends = sentence_ends(t, 0..t.len(), &[]);
        assert_eq!(ends.len(), 2, "{ends:?}");
        assert_eq!(&t[..ends[0]], "Das sagte der Papst.");
    }

    #[test]
    fn sentences_go_on_after_a_day_before_a_month() {
        let t = "Er kam am 14. Dezember 2010 an. Am 3. Mai ging er. Das war 2011. Juni kam.";
        let ends = sentence_ends(t, 0..t.len(), &[]);
        assert_eq!(ends.len(), 4, "{ends:?}");
        assert_eq!(&t[..ends[0]], "Er kam am 14. Dezember 2010 an.");
    }
}
