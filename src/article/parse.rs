//! Recognising the structure of a plain-text article from its shape (and, for bylines, datelines
//! and credits, a few words kept in [`super::meta`]).
//!
//! Rules, in order:
//! 1. Lines end at LF, CRLF or CR. A line starting with `#` is always a heading.
//! 2. If blank lines separate the text into runs and some run spans several lines, the text is
//!    hard-wrapped: each run is cut into blocks, its lines joined. A `#` line, a byline, a
//!    dateline or a credit, or a heading-shaped first line followed by a much longer one, is a
//!    block of its own. Within a run, the lines are paragraphs of their own when they are not
//!    wrapped at a column (some line but the last is longer than [`UNWRAPPED_CHARS`]) or when
//!    every line ends a sentence and the next starts one; in a wrapped run, a line break is a
//!    paragraph break when the line ends a sentence, the next starts one, and the next line's
//!    first word would have fitted on the line (see [`segment_breaks`]). Otherwise every
//!    non-empty line is one block.
//! 3. A closing run of blocks made only of language names (any of the six languages' spellings,
//!    one or several per line, at least two in all) is the list of available languages.
//! 4. The first block is the lead.
//! 5. Among the first [`META_LINES`] lines, the first byline and a dateline alone on its line are
//!    the article's byline and dateline, not blocks. A dateline at the start of the first
//!    paragraph is the dateline too; the paragraph starts after its dash. A credit line is a
//!    caption.
//! 6. A heading-shaped block (at most [`HEADING_MAX_CHARS`] characters and
//!    [`HEADING_MAX_WORDS`] words, no closing punctuation) followed by a paragraph-shaped block is
//!    a section heading. Of several heading-shaped blocks in a row, only the last one before a
//!    paragraph is a heading; the others are short paragraphs.
//! 7. Everything else is a paragraph.

use super::meta;
use crate::lang::Lang;
use std::ops::Range;

pub const HEADING_MAX_CHARS: usize = 100;
pub const HEADING_MAX_WORDS: usize = 14;
/// Lines longer than this are not hard-wrapped at a column: each is a paragraph of its own.
pub const UNWRAPPED_CHARS: usize = 120;
/// Bylines and datelines alone on a line are looked for among this many first non-blank lines.
pub const META_LINES: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Lead,
    Heading,
    Paragraph,
    /// A picture credit (`Foto: …`, `© …`) or a figure's caption.
    Caption,
    /// Kinds that only web pages have (see `article::html`).
    Quote,
    ListItem,
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
    /// Shared like the text.
    pub blocks: std::sync::Arc<[Block]>,
    pub sections: Vec<Section>,
    pub languages: Vec<LanguageLabel>,
    /// Who wrote the article (`By Jane Doe`), if it says so near its start.
    pub byline: Option<Range<usize>>,
    /// Where and by whom it was filed (`BERLIN (dpa)`), without its dash.
    pub dateline: Option<Range<usize>>,
    /// Links in the text (web pages), in text order.
    pub links: Vec<Link>,
}

/// A link: where it stands in the text and where it leads (an absolute address, or a path
/// relative to the page's own file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub href: String,
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

    pub fn byline(&self) -> Option<&str> {
        self.byline.clone().and_then(|r| self.text.get(r))
    }

    pub fn dateline(&self) -> Option<&str> {
        self.dateline.clone().and_then(|r| self.text.get(r))
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

    /// What the analysis reads: the blocks' ranges, and the dateline's before the block it
    /// opens (`WASHINGTON —`, `BERLIN (dpa) -`: its place is one of the article's names,
    /// though the reader shows it in the header).
    pub fn analysis_ranges(&self) -> Vec<Range<usize>> {
        analysis_ranges(&self.blocks, self.dateline.clone())
    }

    /// The block containing (or following) byte offset `offset`.
    pub fn block_at(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.range.end <= offset)
            .min(self.blocks.len().saturating_sub(1))
    }
}

/// [`Article::analysis_ranges`] of `blocks` and `dateline`, for a thread that holds them
/// without the article.
pub fn analysis_ranges(blocks: &[Block], dateline: Option<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = blocks.iter().map(|b| b.range.clone()).collect();
    if let Some(d) = dateline.filter(|d| !d.is_empty()) {
        let i = out.partition_point(|b| b.start < d.start);
        let overlaps = |b: &Range<usize>| b.start < d.end && d.start < b.end;
        let inside = out.get(i).is_some_and(overlaps) || i > 0 && overlaps(&out[i - 1]);
        if !inside {
            out.insert(i, d);
        }
    }
    out
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

/// What a line says about the article rather than being part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Byline,
    Dateline,
    Credit,
}

struct Raw {
    range: Range<usize>,
    joined: bool,
    hash: bool,
    role: Option<Role>,
}

/// A line break between two lines of text that ends a sentence and starts the next.
fn sentence_break(line: &str, next: &str) -> bool {
    ends_sentence(line) && starts_sentence(next)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '\'', '»', '«', '”', '’', ')'])
        .ends_with(['.', '!', '?', '…'])
}

fn starts_sentence(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'«»„“‘¿¡(–—-•*".contains(c))
}

/// Whether the break between `line` (of `used` characters) and `next`, lines wrapped at
/// `width` characters, ends a paragraph: `line` ends a sentence, `next` starts one, and the
/// first word of `next` would have fitted on `line` with room to spare (a tenth of the width),
/// so the break was not made by wrapping.
fn paragraph_break(line: &str, next: &str, used: usize, width: usize) -> bool {
    if !sentence_break(line, next) {
        return false;
    }
    let word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    (used + 1 + word) * 10 <= width * 9
}

/// How the lines of a segment of a run (lines between blank lines, up to a line that is a block
/// of its own; `widths` their lengths in characters) are cut into paragraphs: at which breaks
/// (indices of the lines after them).
///
/// - Every break ends a sentence and starts one: the lines are paragraphs of their own, unless
///   there are only two and the first, within the column the rest of the text is wrapped at
///   (`column`, if any), would not have left room for the next line's first word.
/// - Otherwise the segment is wrapped at its longest line: see [`paragraph_break`].
fn segment_breaks(
    text: &str,
    lines: &[Range<usize>],
    widths: &[usize],
    column: Option<usize>,
) -> Vec<usize> {
    if lines.len() < 2 {
        return Vec::new();
    }
    let line = |k: usize| &text[lines[k].clone()];
    let all_sentences = (1..lines.len()).all(|k| sentence_break(line(k - 1), line(k)));
    if all_sentences {
        let separate = lines.len() > 2
            || column
                .is_none_or(|c| widths[0] > c || paragraph_break(line(0), line(1), widths[0], c));
        return if separate {
            (1..lines.len()).collect()
        } else {
            Vec::new()
        };
    }
    let width = widths.iter().copied().max().unwrap_or(0);
    (1..lines.len())
        .filter(|&k| paragraph_break(line(k - 1), line(k), widths[k - 1], width))
        .collect()
}

/// Parses decoded article text.
pub fn parse(text: String) -> Article {
    let (all_lines, setext) = content_lines(&text);
    let lines = LineRoles::new(&text, setext, &all_lines);
    let has_blank_between = all_lines.iter().any(|l| is_blank(&text, l));
    let runs = runs(&text, &all_lines);
    let hard_wrapped = has_blank_between && runs.iter().any(|r| r.len() > 1);
    let mut raws = cut_runs(&lines, runs, hard_wrapped);
    let languages = language_footer(&text, &mut raws);
    let Classified {
        blocks,
        byline,
        dateline,
    } = classify(&text, &raws);
    let sections = sections(&blocks);
    Article {
        text: std::sync::Arc::new(text),
        blocks: blocks.into(),
        sections,
        languages,
        byline,
        dateline,
        links: Vec::new(),
    }
}

/// The lines of `text` without setext underlines, and the start offsets of the lines they
/// underline.
///
/// Setext headings: a line of only `=` or `-` (at least three) under a line of text makes
/// that line a heading; the underline itself is not content.
fn content_lines(text: &str) -> (Vec<Range<usize>>, Vec<usize>) {
    let raw_lines = lines(text);
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
                    && setext.last() != Some(&trim_range(text, prev.clone()).start) =>
            {
                setext.push(trim_range(text, prev.clone()).start);
            }
            _ => all_lines.push(r),
        }
    }
    (all_lines, setext)
}

/// Whether line `r` of `text` holds only whitespace.
fn is_blank(text: &str, r: &Range<usize>) -> bool {
    text[r.clone()].trim().is_empty()
}

/// The runs of `lines`: the non-blank lines between blank ones, trimmed.
fn runs(text: &str, lines: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let mut runs: Vec<Vec<Range<usize>>> = Vec::new();
    let mut cur: Vec<Range<usize>> = Vec::new();
    for l in lines {
        if is_blank(text, l) {
            if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(trim_range(text, l.clone()));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

/// What a single line is on its own: a `#` or setext heading, a byline, a dateline, a credit.
struct LineRoles<'a> {
    text: &'a str,
    /// Start offsets of setext heading lines, in text order.
    setext: Vec<usize>,
    /// Bylines and datelines alone on a line are only looked for before this offset.
    meta_end: usize,
    /// The byline words of the article's language, when it is clear.
    byline_lang: Option<Lang>,
}

impl<'a> LineRoles<'a> {
    /// Looks at the start of the article (its first non-blank lines, its language) once.
    fn new(text: &'a str, setext: Vec<usize>, all_lines: &[Range<usize>]) -> LineRoles<'a> {
        // Bylines and datelines alone on a line are only looked for near the start.
        let meta_end = all_lines
            .iter()
            .filter(|l| !is_blank(text, l))
            .nth(META_LINES)
            .map_or(text.len(), |l| l.start);
        // The byline words of the article's language, when it is clear.
        let detected = crate::analysis::lang::detect(&text[..text.floor_char_boundary(20_000)]);
        let byline_lang = detected.confident.then_some(detected.lang);
        LineRoles {
            text,
            setext,
            meta_end,
            byline_lang,
        }
    }

    /// Whether line `r` is a `#` heading or a setext heading.
    fn is_hash(&self, r: &Range<usize>) -> bool {
        let text = self.text;
        text.as_bytes().get(r.start) == Some(&b'#') && hash_heading(&text[r.clone()]).is_some()
            || (!self.setext.is_empty() && self.setext.binary_search(&r.start).is_ok())
    }

    /// Whether line `r` is a credit, or (near the start) a byline or a dateline alone.
    fn role_of(&self, r: &Range<usize>) -> Option<Role> {
        let s = &self.text[r.clone()];
        if meta::is_credit(s) {
            Some(Role::Credit)
        } else if r.start >= self.meta_end {
            None
        } else if meta::is_byline(s, self.byline_lang) {
            Some(Role::Byline)
        } else if meta::dateline(s).is_some_and(|(_, body)| body == s.len()) {
            Some(Role::Dateline)
        } else {
            None
        }
    }

    /// Line `range` as a raw block of its own.
    fn raw(&self, range: Range<usize>) -> Raw {
        let hash = self.is_hash(&range);
        Raw {
            role: if hash { None } else { self.role_of(&range) },
            hash,
            range,
            joined: false,
        }
    }
}

/// The longest line but the last of a run (a paragraph's last line is short).
fn widest(w: &[usize]) -> usize {
    w[..w.len() - 1].iter().copied().max().unwrap_or(0)
}

/// Cuts the runs into raw blocks (rule 2): hard-wrapped runs by their shape, the rest line
/// by line.
fn cut_runs(lines: &LineRoles, runs: Vec<Vec<Range<usize>>>, hard_wrapped: bool) -> Vec<Raw> {
    let text = lines.text;
    let mut raws: Vec<Raw> = Vec::new();
    // Lengths in characters of the lines of each run (needed only for hard-wrapped text), all
    // runs after each other.
    let all_widths: Vec<usize> = if hard_wrapped {
        runs.iter()
            .flatten()
            .map(|r| text[r.clone()].chars().count())
            .collect()
    } else {
        Vec::new()
    };
    let mut run_widths: Vec<&[usize]> = Vec::with_capacity(runs.len());
    let mut rest = all_widths.as_slice();
    for run in runs.iter().take_while(|_| hard_wrapped) {
        let (this, after) = rest.split_at(run.len());
        run_widths.push(this);
        rest = after;
    }
    let mut wrapped = WrappedRun {
        lines,
        column: wrap_column(text, &runs, &run_widths),
        hash: Vec::new(),
        roles: Vec::new(),
    };
    for (n, run) in runs.into_iter().enumerate() {
        match run_widths
            .get(n)
            .copied()
            .filter(|w| widest(w) <= UNWRAPPED_CHARS)
        {
            Some(widths) => wrapped.cut(&run, widths, &mut raws),
            None => raws.extend(run.into_iter().map(|r| lines.raw(r))),
        }
    }
    raws
}

/// The column the text is wrapped at: the longest line broken within a sentence, in runs
/// that are wrapped at all.
fn wrap_column(text: &str, runs: &[Vec<Range<usize>>], run_widths: &[&[usize]]) -> Option<usize> {
    runs.iter()
        .zip(run_widths.iter().copied())
        .filter(|(_, w)| widest(w) <= UNWRAPPED_CHARS)
        .flat_map(|(run, w)| {
            (1..run.len())
                .filter(|&k| !sentence_break(&text[run[k - 1].clone()], &text[run[k].clone()]))
                .map(|k| w[k - 1])
        })
        .max()
}

/// Cuts the runs of hard-wrapped text into raw blocks, one run at a time.
struct WrappedRun<'l, 'a> {
    lines: &'l LineRoles<'a>,
    /// The column the text is wrapped at, if known.
    column: Option<usize>,
    /// Per line of the run: a `#` heading.
    hash: Vec<bool>,
    /// Per line of the run: a byline, dateline or credit.
    roles: Vec<Option<Role>>,
}

impl WrappedRun<'_, '_> {
    /// Cuts `run` (its lines `widths` characters long) into raw blocks: lines that are blocks
    /// of their own, and paragraphs of the lines between them.
    fn cut(&mut self, run: &[Range<usize>], widths: &[usize], raws: &mut Vec<Raw>) {
        let text = self.lines.text;
        let (hash, roles) = (&mut self.hash, &mut self.roles);
        hash.clear();
        hash.extend(run.iter().map(|l| self.lines.is_hash(l)));
        roles.clear();
        roles.extend(
            run.iter()
                .zip(hash.iter())
                .map(|(l, &h)| if h { None } else { self.lines.role_of(l) }),
        );
        let mut i = 0;
        while i < run.len() {
            let first_text = &text[run[i].clone()];
            let own_line = hash[i]
                || roles[i].is_some()
                || (i + 1 < run.len()
                    && heading_shaped(first_text)
                    && text[run[i + 1].clone()].len() * 2 > first_text.len() * 3);
            if own_line || i + 1 == run.len() {
                raws.push(Raw {
                    range: run[i].clone(),
                    joined: false,
                    hash: hash[i],
                    role: roles[i],
                });
                i += 1;
                continue;
            }
            // Paragraphs up to the next line that is a block of its own.
            let end = (i..run.len())
                .find(|&k| hash[k] || roles[k].is_some())
                .unwrap_or(run.len());
            let mut start = i;
            let mut cuts = segment_breaks(text, &run[i..end], &widths[i..end], self.column);
            cuts.push(end - i);
            for k in cuts {
                raws.push(Raw {
                    range: run[start].start..run[i + k - 1].end,
                    joined: i + k - start > 1,
                    hash: false,
                    role: None,
                });
                start = i + k;
            }
            i = end;
        }
    }
}

/// Takes the closing language list off the raw blocks (rule 3) and returns its labels.
fn language_footer(text: &str, raws: &mut Vec<Raw>) -> Vec<LanguageLabel> {
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
    languages
}

/// The blocks of an article with its byline and dateline.
struct Classified {
    blocks: Vec<Block>,
    byline: Option<Range<usize>>,
    dateline: Option<Range<usize>>,
}

/// Gives each raw block its kind (rules 4 to 7), taking out the byline and the dateline.
fn classify(text: &str, raws: &[Raw]) -> Classified {
    let n = raws.len();
    let mut blocks: Vec<Block> = Vec::with_capacity(n);
    let mut byline: Option<Range<usize>> = None;
    let mut dateline: Option<Range<usize>> = None;
    let mut seen_paragraph = false;
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
        } else if let Some(role) = raw.role {
            match role {
                Role::Byline if byline.is_none() => {
                    byline = Some(range);
                    continue;
                }
                Role::Dateline if dateline.is_none() && !seen_paragraph => {
                    let end = meta::dateline(&text[range.clone()]).map_or(range.len(), |d| d.0);
                    dateline = Some(range.start..range.start + end);
                    continue;
                }
                Role::Credit => BlockKind::Caption,
                _ => BlockKind::Paragraph,
            }
        } else {
            heading_or_paragraph(text, raws, i, &range)
        };
        if kind == BlockKind::Paragraph && !seen_paragraph {
            seen_paragraph = true;
            if dateline.is_none() {
                if let Some((end, body)) = meta::dateline(&text[range.clone()]) {
                    if body < range.len() {
                        dateline = Some(range.start..range.start + end);
                        range.start += body;
                    }
                }
            }
        }
        blocks.push(Block {
            kind,
            range,
            joined: raw.joined,
        });
    }
    Classified {
        blocks,
        byline,
        dateline,
    }
}

/// The kind of raw block `i` (at `range`), part of the text: a heading when it is
/// heading-shaped and the next block of the text is a paragraph (rule 6), else a paragraph.
fn heading_or_paragraph(text: &str, raws: &[Raw], i: usize, range: &Range<usize>) -> BlockKind {
    let raw = &raws[i];
    // The next block that is part of the text (credits and bylines are not).
    let next = raws[i + 1..].iter().find(|r| r.role.is_none());
    let next_is_paragraph =
        next.is_some_and(|nx| !nx.hash && (nx.joined || !heading_shaped(&text[nx.range.clone()])));
    if !raw.joined && heading_shaped(&text[range.clone()]) && next_is_paragraph {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// The sections: each heading block up to the next heading (the last one to the end).
fn sections(blocks: &[Block]) -> Vec<Section> {
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
    sections
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

    const DE1: &str = "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, das im kommenden Jahr in Kraft treten soll.";
    const DE2: &str = "Nach Angaben des Wirtschaftsministeriums sollen damit vor allem kleine Betriebe und Genossenschaften entlastet werden, die bisher hohe Gebühren zahlen.";
    const DE3: &str = "Die Opposition kritisierte den Entwurf als unzureichend und kündigte an, im Bundestag eigene Vorschläge für den Netzausbau vorzulegen.";

    #[test]
    fn single_newline_paragraphs_beside_blank_lines() {
        // Blank lines after the title and before the last paragraph; the three paragraphs
        // between them are separated by single newlines.
        let text = format!("Neues Gesetz für Energie\n\n{DE1}\n{DE2}\n{DE3}\n\n{DE1}\n");
        let a = parse(text);
        let k = kinds(&a);
        assert_eq!(k.len(), 5, "{k:?}");
        assert_eq!(k[1], (BlockKind::Paragraph, DE1));
        assert_eq!(k[2], (BlockKind::Paragraph, DE2));
        assert_eq!(k[3], (BlockKind::Paragraph, DE3));
        assert!(a.blocks.iter().all(|b| !b.joined));
    }

    #[test]
    fn lines_of_a_hundred_characters_that_each_end_a_sentence_are_paragraphs() {
        let p = [
            "Het kabinet wil de belasting op energie volgend jaar verlagen voor alle huishoudens.",
            "De oppositie noemt het plan te laat en te klein, maar zal er in de Kamer wel voor stemmen.",
            "Werkgevers vragen om dezelfde korting voor kleine bedrijven die veel energie gebruiken.",
        ];
        let text = format!("Kop\n\n{}\n{}\n{}\n\nTot slot.\n", p[0], p[1], p[2]);
        let a = parse(text);
        let k = kinds(&a);
        assert_eq!(k.len(), 5, "{k:?}");
        for i in 0..3 {
            assert_eq!(k[i + 1], (BlockKind::Paragraph, p[i]));
        }
        // A line block: a one-line segment beside a credit, in a text wrapped elsewhere.
        let text = format!(
            "Kop\n\n{}\nFoto: ANP\n\nEen alinea die over\ntwee regels loopt.\n",
            p[0]
        );
        assert_eq!(parse(text).blocks.len(), 4);
    }

    #[test]
    fn two_sentence_lines_use_the_column_of_the_rest_of_the_text() {
        // The rest is wrapped at 38 columns; the first of the two lines ends near the column
        // (the next word would not have fitted), so the two are one wrapped paragraph.
        let wrapped = "Een alinea die netjes is afgebroken op\nveertig tekens, zoals de rest van de\ntekst in dit bestand.";
        let text = format!(
            "Kop\n\n{wrapped}\n\nDe minister zei dat het plan dood is.\nHet kabinet zoekt nu iets anders.\n"
        );
        let a = parse(text);
        assert_eq!(a.blocks.len(), 3, "{:?}", kinds(&a));
        // Short lines, well within the column: two paragraphs.
        let text = format!("Kop\n\n{wrapped}\n\nHet plan is dood.\nHet kabinet zoekt verder.\n");
        assert_eq!(parse(text).blocks.len(), 4);
        // Lines longer than the column are not wrapped at it: two paragraphs.
        let text = format!(
            "Kop\n\n{wrapped}\n\nDe minister zei dinsdag in Den Haag dat het plan dood is.\nHet kabinet zoekt verder.\n"
        );
        assert_eq!(parse(text).blocks.len(), 4);
    }

    #[test]
    fn sentences_on_short_lines_that_end_early_are_paragraphs() {
        // Hard-wrapped at 60 columns; the second paragraph follows the first after a single
        // newline, on a line that ends well before the column.
        let text = "Kop\n\nDe gemeente wil de parkeertarieven in het centrum volgend\njaar verhogen.\nDe oppositie vindt dat een slecht idee en vraagt om een\ndebat in de raad.\n\nTot slot.\n";
        let a = parse(text.to_owned());
        let k = kinds(&a);
        assert_eq!(
            k[1].1,
            "De gemeente wil de parkeertarieven in het centrum volgend\njaar verhogen."
        );
        assert_eq!(
            k[2].1,
            "De oppositie vindt dat een slecht idee en vraagt om een\ndebat in de raad."
        );
        assert!(a.blocks[1].joined && a.blocks[2].joined);
    }

    #[test]
    fn hard_wrapped_paragraph_with_sentence_ends_at_the_column_stays_joined() {
        // Wrapped at 52 columns: the second line ends a sentence and the third starts with a
        // capital, but the third line's first word would not have fitted on the second.
        let text = "Kop\n\nHet kabinet heeft dinsdag besloten de steun aan\nondernemers te verlengen tot het einde van het jaar.\nWerkgevers reageren opgelucht op het besluit van de\nministers. Vakbonden hadden daar al maanden om\ngevraagd.\n\nEinde van het stuk.\n";
        let a = parse(text.to_owned());
        assert_eq!(a.blocks.len(), 3, "{:?}", kinds(&a));
        assert!(a.blocks[1].joined);
    }

    #[test]
    fn byline_dateline_and_credit_are_not_headings() {
        let text = format!(
            "Neues Gesetz für Energie\nVon Max Muster\nFoto: Erika Mustermann/dpa\nBERLIN (dpa) - {DE1}\nWichtige Änderungen\n{DE2}\n(Foto: dpa)\n{DE3}\n"
        );
        let a = parse(text);
        assert_eq!(a.byline(), Some("Von Max Muster"));
        assert_eq!(a.dateline(), Some("BERLIN (dpa)"));
        let k = kinds(&a);
        assert_eq!(
            k,
            [
                (BlockKind::Lead, "Neues Gesetz für Energie"),
                (BlockKind::Caption, "Foto: Erika Mustermann/dpa"),
                (BlockKind::Paragraph, DE1),
                (BlockKind::Heading, "Wichtige Änderungen"),
                (BlockKind::Paragraph, DE2),
                (BlockKind::Caption, "(Foto: dpa)"),
                (BlockKind::Paragraph, DE3),
            ]
        );
        let titles: Vec<&str> = a.sections.iter().map(|s| a.section_title(s)).collect();
        assert_eq!(titles, ["Wichtige Änderungen"]);
    }

    #[test]
    fn byline_and_dateline_in_hard_wrapped_text() {
        let text = "Storm hits the coast\n\nBy Jane Doe and John Smith\n\nWASHINGTON (AP)\nThe storm reached the coast on Monday night and cut power to\nthousands of homes, officials said.\n\nPhoto: Jane Doe/AP\n\nRepair crews were expected to work through the week, and the\nschools in the area will stay closed until Thursday.\n";
        let a = parse(text.to_owned());
        assert_eq!(a.byline(), Some("By Jane Doe and John Smith"));
        assert_eq!(a.dateline(), Some("WASHINGTON (AP)"));
        assert!(a.sections.is_empty(), "{:?}", kinds(&a));
        let k = kinds(&a);
        assert_eq!(k.len(), 4, "{k:?}");
        assert!(k[1].1.starts_with("The storm"));
        assert_eq!(k[2], (BlockKind::Caption, "Photo: Jane Doe/AP"));
    }

    #[test]
    fn dutch_de_is_not_a_byline() {
        let a = parse(format!("Kop\nDe Verenigde Staten\n{LONG}\n{LONG}"));
        assert_eq!(a.byline, None);
        assert_eq!(a.sections.len(), 1);
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
