//! Recognising the structure of a plain-text article from its shape, never from its words.
//!
//! Rules, in order:
//! 1. Lines end at LF, CRLF or CR. A line starting with `#` is always a heading.
//! 2. If blank lines separate the text into runs and some run spans several lines, the text is
//!    hard-wrapped: each run is one block, its lines joined (a `#` line or a heading-shaped first
//!    line followed by a much longer one is split off as a heading). Otherwise every non-empty
//!    line is one block.
//! 3. A closing run of blocks made only of language names (any of the six languages' spellings,
//!    one or several per line, at least two in all) is the list of available languages.
//! 4. The first block is the lead.
//! 5. A heading-shaped block (at most [`HEADING_MAX_CHARS`] characters and
//!    [`HEADING_MAX_WORDS`] words, no closing punctuation) followed by a paragraph-shaped block is
//!    a section heading. Of several heading-shaped blocks in a row, only the last one before a
//!    paragraph is a heading; the others are short paragraphs.
//! 6. Everything else is a paragraph.

use crate::lang::Lang;
use std::ops::Range;

pub const HEADING_MAX_CHARS: usize = 100;
pub const HEADING_MAX_WORDS: usize = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Lead,
    Heading,
    Paragraph,
    /// Kinds that only web pages have (see `article::html`).
    Quote,
    ListItem,
    Caption,
    Preformatted,
    /// A simple table: one row per line, cells separated by ` | `.
    Table,
}

/// One block of content: a byte range into the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    /// The block spans several input lines that are to be joined with spaces.
    pub joined: bool,
}

/// A section: its heading block and the range from the heading to the end of its last block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: Range<usize>,
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// One label of the article's language list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageLabel {
    pub label: String,
    pub lang: Option<Lang>,
    /// Where that version is (a web page's hreflang link), if the article says.
    pub target: Option<String>,
}

/// The parsed structure; all ranges index [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Shared, so that background work reads it without a copy.
    pub text: std::sync::Arc<String>,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    pub languages: Vec<LanguageLabel>,
}

impl Article {
    pub fn block_text(&self, i: usize) -> &str {
        self.blocks
            .get(i)
            .map_or("", |b| &self.text[b.range.clone()])
    }

    pub fn lead(&self) -> &str {
        match self.blocks.first() {
            Some(b) if b.kind == BlockKind::Lead => &self.text[b.range.clone()],
            _ => "",
        }
    }

    pub fn section_title(&self, s: &Section) -> &str {
        &self.text[s.title.clone()]
    }

    /// The section containing block `block`, if any (the lead and any intro belong to none).
    pub fn section_of_block(&self, block: usize) -> Option<usize> {
        match self.sections.partition_point(|s| s.block <= block) {
            0 => None,
            i => Some(i - 1),
        }
    }

    /// The block containing (or following) byte offset `offset`.
    pub fn block_at(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.range.end <= offset)
            .min(self.blocks.len().saturating_sub(1))
    }
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// Byte ranges of the lines of `text` (without their line endings).
fn lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 200 + 8);
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The LF of a CRLF, already taken.
            continue;
        }
        out.push(start..i);
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

fn ends_with_closing_punctuation(s: &str) -> bool {
    s.trim_end().ends_with([
        '.', '!', '?', ':', ';', ',', '…', '"', '\'', '»', '«', '”', '“', '’', '„',
    ])
}

fn heading_shaped(s: &str) -> bool {
    let s = s.trim();
    // Cheapest refusals first: most lines are paragraphs ending in punctuation.
    !s.is_empty()
        && s.len() <= HEADING_MAX_CHARS * 4
        && !ends_with_closing_punctuation(s)
        && s.chars().next().is_some_and(|c| !c.is_lowercase())
        && s.chars().nth(HEADING_MAX_CHARS).is_none()
        && s.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
}

fn hash_heading(s: &str) -> Option<usize> {
    let hashes = s.len() - s.trim_start_matches('#').len();
    (1..=6).contains(&hashes).then(|| {
        let rest = &s[hashes..];
        hashes + (rest.len() - rest.trim_start().len())
    })
}

/// Language labels on one line, if the line holds nothing else.
fn language_labels(line: &str) -> Option<Vec<LanguageLabel>> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '/' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    words
        .into_iter()
        .map(|w| {
            Lang::from_label(w).map(|lang| LanguageLabel {
                label: w.to_owned(),
                lang: Some(lang),
                target: None,
            })
        })
        .collect()
}

struct Raw {
    range: Range<usize>,
    joined: bool,
    hash: bool,
}

/// Parses decoded article text.
pub fn parse(text: String) -> Article {
    let raw_lines = lines(&text);
    // Setext headings: a line of only `=` or `-` (at least three) under a line of text makes
    // that line a heading; the underline itself is not content.
    // Start offsets of setext heading lines, in text order (rare: searched by bisection).
    let mut setext: Vec<usize> = Vec::new();
    let mut all_lines: Vec<Range<usize>> = Vec::with_capacity(raw_lines.len());
    for r in raw_lines {
        let l = text[r.clone()].trim();
        let underline =
            l.len() >= 3 && (l.bytes().all(|b| b == b'=') || l.bytes().all(|b| b == b'-'));
        match all_lines.last() {
            Some(prev)
                if underline
                    && !text[prev.clone()].trim().is_empty()
                    && setext.last() != Some(&trim_range(&text, prev.clone()).start) =>
            {
                setext.push(trim_range(&text, prev.clone()).start);
            }
            _ => all_lines.push(r),
        }
    }
    let is_hash = |r: &Range<usize>| {
        text.as_bytes().get(r.start) == Some(&b'#') && hash_heading(&text[r.clone()]).is_some()
            || (!setext.is_empty() && setext.binary_search(&r.start).is_ok())
    };
    let mut raws: Vec<Raw> = Vec::new();
    let is_blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let has_blank_between = all_lines.iter().any(is_blank);
    let mut runs: Vec<Vec<Range<usize>>> = Vec::new();
    let mut cur: Vec<Range<usize>> = Vec::new();
    for l in &all_lines {
        if is_blank(l) {
            if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(trim_range(&text, l.clone()));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    let hard_wrapped = has_blank_between && runs.iter().any(|r| r.len() > 1);

    for run in runs {
        if !hard_wrapped {
            raws.extend(run.into_iter().map(|range| Raw {
                hash: is_hash(&range),
                range,
                joined: false,
            }));
            continue;
        }
        let mut lines = run.as_slice();
        while let Some(first) = lines.first() {
            let first_text = &text[first.clone()];
            let split_heading = is_hash(first)
                || (lines.len() > 1
                    && heading_shaped(first_text)
                    && text[lines[1].clone()].len() * 2 > first_text.len() * 3);
            if split_heading || lines.len() == 1 {
                raws.push(Raw {
                    range: first.clone(),
                    joined: false,
                    hash: is_hash(first),
                });
                lines = &lines[1..];
                continue;
            }
            // The run up to the next `#` line is one paragraph.
            let end = lines.iter().position(&is_hash).unwrap_or(lines.len());
            raws.push(Raw {
                range: lines[0].start..lines[end - 1].end,
                joined: end > 1,
                hash: false,
            });
            lines = &lines[end..];
        }
    }

    // The closing language list.
    let mut languages = Vec::new();
    let mut footer_start = raws.len();
    while footer_start > 1 {
        let r = &raws[footer_start - 1];
        if r.joined {
            break;
        }
        match language_labels(&text[r.range.clone()]) {
            Some(mut labels) => {
                labels.append(&mut languages);
                languages = labels;
                footer_start -= 1;
            }
            None => break,
        }
    }
    if languages.len() < 2 {
        languages.clear();
        footer_start = raws.len();
    }
    raws.truncate(footer_start);

    // Classify.
    let n = raws.len();
    let mut blocks: Vec<Block> = Vec::with_capacity(n);
    for (i, raw) in raws.iter().enumerate() {
        let mut range = raw.range.clone();
        if raw.hash {
            if let Some(skip) = hash_heading(&text[range.clone()]) {
                range.start += skip;
            }
        }
        let kind = if i == 0 {
            BlockKind::Lead
        } else if raw.hash {
            BlockKind::Heading
        } else {
            let next = raws.get(i + 1);
            let next_is_paragraph = next.is_some_and(|nx| {
                !nx.hash && (nx.joined || !heading_shaped(&text[nx.range.clone()]))
            });
            if !raw.joined && heading_shaped(&text[range.clone()]) && next_is_paragraph {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            }
        };
        blocks.push(Block {
            kind,
            range,
            joined: raw.joined,
        });
    }

    let mut sections: Vec<Section> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            if let Some(last) = sections.last_mut() {
                last.end = blocks[i - 1].range.end;
            }
            sections.push(Section {
                title: b.range.clone(),
                block: i,
                start: b.range.start,
                end: b.range.end,
            });
        }
    }
    if let (Some(last), Some(b)) = (sections.last_mut(), blocks.last()) {
        last.end = b.range.end;
    }

    Article {
        text: std::sync::Arc::new(text),
        blocks,
        sections,
        languages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        (0..a.blocks.len())
            .map(|i| (a.blocks[i].kind, a.block_text(i)))
            .collect()
    }

    const LONG: &str = "Dit is een lange alinea met genoeg woorden om als paragraaf te gelden, en ze eindigt met een punt.";

    #[test]
    fn line_per_block_with_headings_and_footer() {
        let text = format!("De kop van het stuk\nEerste sectie\n{LONG}\n{LONG}\nTweede sectie\n{LONG}\nNederlands\nEnglish\nDeutsch");
        let a = parse(text);
        assert_eq!(a.lead(), "De kop van het stuk");
        let titles: Vec<&str> = a.sections.iter().map(|s| a.section_title(s)).collect();
        assert_eq!(titles, ["Eerste sectie", "Tweede sectie"]);
        let labels: Vec<&str> = a.languages.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["Nederlands", "English", "Deutsch"]);
        assert_eq!(a.blocks.len(), 6);
        assert_eq!(a.sections[1].end, a.text.find("\nNederlands").unwrap());
    }

    #[test]
    fn footer_on_one_line_and_single_label_is_content() {
        let a = parse(format!("Kop\nSectie\n{LONG}\nNederlands English Français"));
        assert_eq!(a.languages.len(), 3);
        let b = parse(format!("Kop\nSectie\n{LONG}\nEnglish"));
        assert!(b.languages.is_empty());
        assert_eq!(b.blocks.last().map(|b| b.kind), Some(BlockKind::Paragraph));
    }

    #[test]
    fn short_lines_in_a_row_only_last_is_heading() {
        let a = parse(format!("Kop\nEen korte regel\nNog een korte regel\n{LONG}"));
        assert_eq!(
            kinds(&a)[1..3].iter().map(|k| k.0).collect::<Vec<_>>(),
            [BlockKind::Paragraph, BlockKind::Heading]
        );
        // A short line with closing punctuation is a paragraph; so is a short line at the end.
        let b = parse(format!("Kop\nDat is alles.\n{LONG}\nTot slot"));
        assert_eq!(b.sections.len(), 0);
    }

    #[test]
    fn hard_wrapped_markdown() {
        let text = "# De titel\n\nEen inleiding die over\ntwee regels loopt.\n\n## Eerste deel\n\nTekst van het eerste\ndeel, ook gewrapt.\n\nKort kopje\nEen veel langere regel die volgt op het kopje en\nnog doorgaat.\n";
        let a = parse(text.to_owned());
        assert_eq!(a.lead(), "De titel");
        let k = kinds(&a);
        assert_eq!(
            k[1],
            (
                BlockKind::Paragraph,
                "Een inleiding die over\ntwee regels loopt."
            )
        );
        assert!(a.blocks[1].joined);
        let titles: Vec<&str> = a.sections.iter().map(|s| a.section_title(s)).collect();
        assert_eq!(titles, ["Eerste deel", "Kort kopje"]);
    }

    #[test]
    fn setext_headings() {
        let a = parse(format!(
            "Titel\n=====\n\nDeel een\n--------\n\n{LONG}\nen verder.\n"
        ));
        assert_eq!(a.lead(), "Titel");
        assert_eq!(a.sections.len(), 1);
        assert_eq!(a.section_title(&a.sections[0]), "Deel een");
        assert!(!a.text[a.blocks[1].range.clone()].contains("---"));
    }

    #[test]
    fn crlf_and_cr_line_endings() {
        let a = parse(format!("Kop\r\nSectie\r{LONG}\r\n"));
        assert_eq!(a.sections.len(), 1);
        assert_eq!(a.block_text(2), LONG);
    }

    #[test]
    fn degenerate_inputs() {
        for t in ["", "\n\n\n", "   ", "x", "Nederlands\nEnglish"] {
            let a = parse(t.to_owned());
            assert!(a.sections.is_empty(), "{t:?}");
        }
        assert_eq!(parse("x".into()).lead(), "x");
    }

    #[test]
    fn sample_structure() {
        let a = parse(include_str!("../../assets/sample.txt").to_owned());
        assert!(a.lead().starts_with("VS-sancties tegen"));
        assert_eq!(a.sections.len(), 5);
        assert_eq!(
            a.section_title(&a.sections[0]),
            "Sancties en diplomatieke impasse"
        );
        assert_eq!(a.section_title(&a.sections[4]), "Regionale implicaties");
        assert_eq!(a.languages.len(), 6);
        assert!(a
            .blocks
            .iter()
            .all(|b| !a.text[b.range.clone()].starts_with("Nederlands")));
    }
}
