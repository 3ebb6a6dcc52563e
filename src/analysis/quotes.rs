//! Finds quoted spans: pairs of quote marks in every common style, with the apostrophe traps
//! (`'s werelds`, `regio's`, `don't`, `l'année`, `Washington's`) kept out, and quotes that run
//! over paragraphs (a paragraph that reopens with the same mark while the quote is still open).
//!
//! One linear pass per block collects the candidate marks; matching then walks them once,
//! with one forward cursor per style, so the work is linear in the text.

use super::text::{is_apostrophe, next_char, prev_char};
use std::ops::Range;

/// A style of quoting: the opening mark and the marks that close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// „…“ or „…” (Dutch, German)
    Low,
    /// “…” (English, Portuguese)
    Curly,
    /// "…"
    Straight,
    /// «…» (French, Spanish, Portuguese)
    Guillemet,
    /// »…« (German)
    GuillemetReversed,
    /// ‚…‘
    LowSingle,
    /// ‘…’
    CurlySingle,
    /// '…'
    StraightSingle,
    /// ‹…›
    SingleGuillemet,
}

const STYLES: usize = 9;

impl Style {
    fn index(self) -> usize {
        self as usize
    }
}

/// A quoted span found in one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Start of the opening mark.
    pub open: usize,
    /// The quoted text, without marks and surrounding spaces.
    pub start: usize,
    pub end: usize,
    /// Just after the closing mark (the block's end when the quote runs on).
    pub close_end: usize,
    /// Index of the block.
    pub block: usize,
    /// Quotes that belong together (a quote running over paragraphs) share a group.
    pub group: usize,
    /// The quote continues in the next paragraph.
    pub runs_on: bool,
    /// This part reopens a quote from the previous paragraph.
    pub reopened: bool,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    opens: Option<Style>,
    /// Bit set of the styles this mark can close.
    closes: u16,
}

fn bit(s: Style) -> u16 {
    1 << s.index()
}

fn opening_context(p: Option<char>) -> bool {
    match p {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | ';'
                        | ','
                        | '„'
                        | '“'
                        | '‚'
                        | '‘'
                        | '«'
                        | '»'
                        | '"'
                        | '\''
                        | '‹'
                        | '¿'
                        | '¡'
                )
        }
    }
}

/// Classifies the character `c` at byte `i` of `text` as a quote mark, if it is one.
fn classify(text: &str, i: usize, c: char) -> Option<Mark> {
    let p = prev_char(text, i);
    let n = next_char(text, i + c.len_utf8());
    let left = n.is_some_and(|n| !n.is_whitespace()) && opening_context(p);
    let right_tight = p.is_some_and(|p| !p.is_whitespace());
    let right = right_tight && !n.is_some_and(|n| n.is_alphanumeric());
    let mut m = Mark {
        pos: i,
        len: c.len_utf8(),
        opens: None,
        closes: 0,
    };
    match c {
        '„' => {
            if n.is_some_and(|n| !n.is_whitespace()) {
                m.opens = Some(Style::Low);
            }
        }
        '‚' => {
            if left {
                m.opens = Some(Style::LowSingle);
            }
        }
        '“' => {
            if right_tight {
                m.closes |= bit(Style::Low);
            }
            if left {
                m.opens = Some(Style::Curly);
            }
        }
        '”' => {
            if right_tight {
                m.closes |= bit(Style::Low) | bit(Style::Curly);
            }
        }
        '"' => {
            if left {
                m.opens = Some(Style::Straight);
            } else if right {
                m.closes |= bit(Style::Straight);
            }
        }
        '«' => {
            if p.is_none_or(|p| !p.is_alphanumeric()) && n.is_some() {
                m.opens = Some(Style::Guillemet);
            }
            if right_tight {
                m.closes |= bit(Style::GuillemetReversed);
            }
        }
        '»' => {
            m.closes |= bit(Style::Guillemet);
            if left {
                m.opens = Some(Style::GuillemetReversed);
            }
        }
        '‹' => m.opens = Some(Style::SingleGuillemet),
        '›' => m.closes |= bit(Style::SingleGuillemet),
        '‘' => {
            if left {
                m.opens = Some(Style::CurlySingle);
            }
            if right {
                m.closes |= bit(Style::LowSingle);
            }
        }
        _ if is_apostrophe(c) => {
            // Inside a word: don't, l'année, regio's, Washington's.
            if p.is_some_and(|p| p.is_alphanumeric()) && n.is_some_and(|n| n.is_alphabetic()) {
                return None;
            }
            if left && !elided_word_follows(text, i + c.len_utf8()) {
                m.opens = Some(if c == '\'' {
                    Style::StraightSingle
                } else {
                    Style::CurlySingle
                });
            }
            if right {
                m.closes |= if c == '\'' {
                    bit(Style::StraightSingle)
                } else {
                    bit(Style::CurlySingle) | bit(Style::LowSingle) | bit(Style::StraightSingle)
                };
            }
        }
        _ => return None,
    }
    if m.opens.is_none() && m.closes == 0 {
        None
    } else {
        Some(m)
    }
}

/// An apostrophe that starts a clipped word rather than a quote (`elisions` of
/// `rule_words.tsv`, of any language: Dutch `'s`, `'t`, English `'em`, `'til`), or a year like
/// `'90`.
fn elided_word_follows(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..word_len];
    super::lexicon::rule_in_any_language("elisions", word)
        || (word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit()))
}

/// Classifies `''` at byte `i` like a straight double quote.
fn classify_double(text: &str, i: usize) -> Option<Mark> {
    let p = prev_char(text, i);
    let n = next_char(text, i + 2);
    let left = n.is_some_and(|n| !n.is_whitespace()) && opening_context(p);
    let right = p.is_some_and(|p| !p.is_whitespace()) && !n.is_some_and(|n| n.is_alphanumeric());
    let mut m = Mark {
        pos: i,
        len: 2,
        opens: None,
        closes: 0,
    };
    if left {
        m.opens = Some(Style::Straight);
    } else if right {
        m.closes |= bit(Style::Straight);
    }
    (m.opens.is_some() || m.closes != 0).then_some(m)
}

fn marks_in(text: &str, range: Range<usize>, out: &mut Vec<Mark>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let mut skip_next = false;
    for (i, c) in slice.char_indices() {
        if skip_next {
            skip_next = false;
            continue;
        }
        // Two straight apostrophes (`''Wikinews''`, wiki markup) are one double mark.
        if c == '\'' && slice[i + 1..].starts_with('\'') {
            skip_next = true;
            if let Some(mut m) = classify_double(text, range.start + i) {
                m.len = 2;
                out.push(m);
            }
            continue;
        }
        if matches!(
            c,
            '„' | '‚' | '“' | '”' | '"' | '«' | '»' | '‹' | '›' | '‘' | '\'' | '’' | 'ʼ'
        ) {
            if let Some(m) = classify(text, range.start + i, c) {
                out.push(m);
            }
        }
    }
}

fn trim_range(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end {
        match next_char(text, start) {
            Some(c) if c.is_whitespace() => start += c.len_utf8(),
            _ => break,
        }
    }
    while end > start {
        match prev_char(text, end) {
            Some(c) if c.is_whitespace() => end -= c.len_utf8(),
            _ => break,
        }
    }
    (start, end)
}

/// Finds the quotes in `blocks` of `text`, in order.
pub fn find(text: &str, blocks: &[Range<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    // The style of a quote left open at the end of the previous block, and its group.
    let mut pending: Option<(Style, usize)> = None;
    let mut next_group = 0usize;
    for (bi, block) in blocks.iter().enumerate() {
        if block.start > block.end || text.get(block.clone()).is_none() {
            pending = None;
            continue;
        }
        marks.clear();
        marks_in(text, block.clone(), &mut marks);
        let first_text = {
            let (s, _) = trim_range(text, block.start, block.end);
            s
        };
        let reopen = pending.take();
        // Spanish and Portuguese open each further paragraph of a quote in « … » with `»`.
        if let (Some((Style::Guillemet, _)), Some(first)) = (reopen, marks.first_mut()) {
            if first.pos == first_text && text.get(first.pos..).is_some_and(|r| r.starts_with('»'))
            {
                first.opens = Some(Style::Guillemet);
                first.closes = 0;
            }
        }
        let mut cursor = [0usize; STYLES];
        let mut straight_cursor = 0usize;
        let mut low_cursor = 0usize;
        let mut k = 0usize;
        while k < marks.len() {
            let m = marks[k];
            let Some(style) = m.opens else {
                k += 1;
                continue;
            };
            let si = style.index();
            if cursor[si] <= k {
                cursor[si] = k + 1;
            }
            while cursor[si] < marks.len() && marks[cursor[si]].closes & bit(style) == 0 {
                cursor[si] += 1;
            }
            // `„…stellt"`: a German quote closed with a straight mark, when no curly mark
            // closes it before the next German quote opens.
            let mut closer = cursor[si];
            if style == Style::Low {
                if straight_cursor <= k {
                    straight_cursor = k + 1;
                }
                while straight_cursor < marks.len()
                    && marks[straight_cursor].closes & bit(Style::Straight) == 0
                {
                    straight_cursor += 1;
                }
                if low_cursor <= k {
                    low_cursor = k + 1;
                }
                while low_cursor < marks.len() && marks[low_cursor].opens != Some(Style::Low) {
                    low_cursor += 1;
                }
                let before_next_open = straight_cursor < marks.len()
                    && straight_cursor < low_cursor
                    && low_cursor < closer;
                if before_next_open || closer >= marks.len() {
                    closer = straight_cursor;
                }
            }
            let reopened_group = match reopen {
                Some((s, g)) if s == style && m.pos == first_text => Some(g),
                _ => None,
            };
            let group = reopened_group.unwrap_or_else(|| {
                next_group += 1;
                next_group - 1
            });
            if closer < marks.len() {
                let c = marks[closer];
                let (s, e) = trim_range(text, m.pos + m.len, c.pos);
                if s < e {
                    out.push(Found {
                        open: m.pos,
                        start: s,
                        end: e,
                        close_end: c.pos + c.len,
                        block: bi,
                        group,
                        runs_on: false,
                        reopened: reopened_group.is_some(),
                    });
                }
                k = closer + 1;
                continue;
            }
            // No closing mark in this block: the quote runs on if the next block reopens it.
            let next_reopens = blocks.get(bi + 1).is_some_and(|nb| {
                let (s, _) = trim_range(text, nb.start, nb.end);
                let c = text.get(s..).and_then(|r| r.chars().next());
                (style == Style::Guillemet && c == Some('»'))
                    || c.and_then(|c| classify(text, s, c))
                        .is_some_and(|nm| nm.opens == Some(style))
            });
            if next_reopens {
                let (s, e) = trim_range(text, m.pos + m.len, block.end);
                if s < e {
                    out.push(Found {
                        open: m.pos,
                        start: s,
                        end: e,
                        close_end: block.end,
                        block: bi,
                        group,
                        runs_on: true,
                        reopened: reopened_group.is_some(),
                    });
                }
                pending = Some((style, group));
                break;
            }
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let blocks = crate::analysis::text::line_blocks(text);
        find(text, &blocks)
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn every_style() {
        assert_eq!(quoted("Er sagte: „Wir kommen.“ Gut."), ["Wir kommen."]);
        assert_eq!(quoted("She said “we go” today"), ["we go"]);
        assert_eq!(quoted("He said \"we go\" today"), ["we go"]);
        assert_eq!(quoted("Il a dit « nous partons » hier"), ["nous partons"]);
        assert_eq!(quoted("Sie sagte »nein« dazu"), ["nein"]);
        assert_eq!(quoted("She said ‘we go’ today"), ["we go"]);
        assert_eq!(quoted("Hij zei 'we gaan' vandaag"), ["we gaan"]);
        assert_eq!(quoted("Er sagte ‚nein‘ dazu"), ["nein"]);
    }

    #[test]
    fn apostrophe_traps() {
        assert_eq!(
            quoted("Een van 's werelds meest onstabiele regio's. 'Dit klopt,' zei hij."),
            ["Dit klopt,"]
        );
        assert_eq!(
            quoted("Washington's plan: 'don't go', l'année dit 'oui'"),
            ["don't go", "oui"]
        );
        assert_eq!(
            quoted("de wapenprogramma's van 'het regime'"),
            ["het regime"]
        );
        assert_eq!(quoted("in de jaren '90 was het 'anders'"), ["anders"]);
    }

    #[test]
    fn wiki_markup_is_one_mark() {
        assert_eq!(
            quoted("''Wikinews'': Was sagen Sie?\n''Pau'': Nichts."),
            ["Wikinews", "Pau"]
        );
        assert_eq!(
            quoted("im Saal des Kulturzentrums ''Paradox'', das sich"),
            ["Paradox"]
        );
    }

    #[test]
    fn nested_and_unbalanced() {
        assert_eq!(
            quoted("He said “they called it ‘a farce’ again” later"),
            ["they called it ‘a farce’ again"]
        );
        assert!(quoted("Unbalanced „quote here and nothing else").is_empty());
        assert_eq!(quoted("stray \" mark then “real one” here"), ["real one"]);
        assert_eq!(
            quoted("Er sagte: „Das ist gut\", und ging. Dann „Ja“."),
            ["Das ist gut", "Ja"]
        );
    }

    #[test]
    fn quote_running_over_paragraphs() {
        let t = "He said: “First part of it.\n“Second part.” Done.";
        let nl = t.find('\n').unwrap_or(0);
        let blocks = [0..nl, nl + 1..t.len()];
        let f = find(t, &blocks);
        assert_eq!(f.len(), 2);
        assert_eq!(&t[f[0].start..f[0].end], "First part of it.");
        assert!(f[0].runs_on);
        assert!(f[1].reopened);
        assert_eq!(f[0].group, f[1].group);
        assert_eq!(&t[f[1].start..f[1].end], "Second part.");
    }

    /// Spanish and Portuguese go on with `»` at the start of the next paragraph; a German
    /// paragraph opening with »…« after a closed quote stays a quote of its own.
    #[test]
    fn guillemet_quote_going_on_with_a_closing_mark() {
        let t = "Lo explica así: «Primera parte.\n»Segunda parte». Fin.\n»Ja«, sagte er.";
        let lines: Vec<usize> = t.match_indices('\n').map(|(i, _)| i).collect();
        let blocks = [0..lines[0], lines[0] + 1..lines[1], lines[1] + 1..t.len()];
        let f = find(t, &blocks);
        let got: Vec<&str> = f.iter().map(|q| &t[q.start..q.end]).collect();
        assert_eq!(got, ["Primera parte.", "Segunda parte", "Ja"]);
        assert!(f[0].runs_on && f[1].reopened && !f[2].reopened);
        assert_eq!(f[0].group, f[1].group);
    }
}
