//! Walking the cleaned content of a page into an [`Article`]: one block per heading,
//! paragraph, quoted paragraph, list item, caption, preformatted text or simple table, the
//! title first. The walk keeps its own stack, so that no nesting depth can overflow ours.

use super::meta::PageMeta;
use crate::article::sanitize::{sanitize, Breaks, Neutralised};
use crate::article::{Article, Block, BlockKind, LanguageLabel, Link, Section};
use crate::lang::Lang;
use dom_query::NodeRef;

/// Elements whose content is never text of the article.
const SKIPPED: [&str; 13] = [
    "script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
    "button", "select", "textarea", "input",
];

/// Elements that end the running paragraph and start a new one.
const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "ul",
];

/// More block-level elements, for tables (a table whose cells hold none is "simple").
const TABLE_PARTS: [&str; 5] = ["tr", "th", "tbody", "thead", "tfoot"];

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name) || TABLE_PARTS.contains(&name)
}

/// Whether `name` is one of the cell-level structures that make a table not simple.
fn breaks_a_table(name: &str) -> bool {
    matches!(
        name,
        "table"
            | "p"
            | "div"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "figure"
            | "section"
            | "article"
    )
}

/// A table is simple when no cell holds block structure: each row becomes one line.
fn simple_table(table: &NodeRef) -> bool {
    table.descendants_it().take(20_000).all(|d| {
        d.qual_name_ref()
            .is_none_or(|n| !breaks_a_table(&n.local.to_ascii_lowercase()))
    })
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        _ => None,
    }
}

/// Class names that mark a standfirst (the summary under the headline). Readability removes
/// classes from its output; these it is told to keep.
pub const STANDFIRST_CLASSES: [&str; 8] = [
    "standfirst",
    "dek",
    "lede",
    "lead",
    "intro",
    "summary",
    "subtitle",
    "subheadline",
];

/// An element marked as the standfirst.
fn standfirst(node: &NodeRef) -> bool {
    node.class().is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|c| STANDFIRST_CLASSES.iter().any(|s| c.eq_ignore_ascii_case(s)))
    })
}

/// One open element of the walk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// A block element: what kind its paragraphs are (None: inherit).
    Block(Option<BlockKind>),
    List {
        ordered: bool,
        next: u64,
    },
    Pre,
    SimpleTable,
    Cell,
    Row,
    Other,
}

#[derive(Default)]
struct Builder {
    text: String,
    blocks: Vec<Block>,
    n: Neutralised,
    /// Lines of the running block (raw: collapsed and sanitised when the block ends).
    lines: Vec<String>,
    line: String,
    /// The running block's list mark.
    prefix: String,
    /// Cells of the running table row, and rows of the running table.
    cells: Vec<String>,
    rows: Vec<String>,
    title: String,
    /// A list ended since the last block: the next list item starts a new list.
    list_ended: bool,
    /// Links met, in order: their text (collapsed) and where they lead.
    anchors: Vec<(String, String)>,
    /// A block other than a heading came after the first block (kept so that the checks that
    /// need it do not go over all the blocks each time).
    past_headings: bool,
    /// A block other than the title and standfirsts (`Lead`) came.
    past_leads: bool,
}

/// HTML whitespace (not every Unicode space: a no-break space is content) collapsed to one
/// space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split([' ', '\t', '\n', '\r', '\x0c'])
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Builder {
    fn clean(&mut self, s: &str) -> String {
        let out = sanitize(s, Breaks::Join);
        self.n.add(out.neutralised);
        out.text.into_owned()
    }

    /// Ends the running block, giving it `kind`.
    fn flush(&mut self, kind: BlockKind) {
        let mut lines = std::mem::take(&mut self.lines);
        lines.push(std::mem::take(&mut self.line));
        let pre = kind == BlockKind::Preformatted;
        let mut out: Vec<String> = Vec::with_capacity(lines.len());
        for l in &lines {
            let l = if pre {
                l.trim_end().to_owned()
            } else {
                collapse(l)
            };
            out.push(self.clean(&l));
        }
        // Blank lines at either end carry nothing.
        while out.last().is_some_and(|l| l.trim().is_empty()) {
            out.pop();
        }
        let first = out.iter().position(|l| !l.trim().is_empty());
        let Some(first) = first else {
            return;
        };
        let prefix = std::mem::take(&mut self.prefix);
        let body = if matches!(
            kind,
            BlockKind::Heading | BlockKind::Lead | BlockKind::Caption
        ) {
            out[first..].join(" ")
        } else {
            out[first..].join("\n")
        };
        self.push(kind, &format!("{prefix}{body}"));
    }

    fn push(&mut self, kind: BlockKind, body: &str) {
        // A heading that only repeats the title, before any text, is the title itself.
        if kind == BlockKind::Heading && !self.past_headings && same_words(body, &self.title) {
            return;
        }
        if let Some(last) = self.blocks.last() {
            let tight =
                last.kind == BlockKind::ListItem && kind == BlockKind::ListItem && !self.list_ended;
            self.text.push_str(if tight { "\n" } else { "\n\n" });
        }
        self.list_ended = false;
        self.past_headings |= !self.blocks.is_empty() && kind != BlockKind::Heading;
        self.past_leads |= kind != BlockKind::Lead;
        let start = self.text.len();
        self.text.push_str(body);
        self.blocks.push(Block {
            kind,
            range: start..self.text.len(),
            joined: false,
        });
    }

    fn end_cell(&mut self) {
        let mut cell = std::mem::take(&mut self.lines);
        cell.push(std::mem::take(&mut self.line));
        let cell = collapse(&cell.join(" "));
        self.cells.push(cell);
    }

    fn end_row(&mut self) {
        if !self.line.trim().is_empty() || !self.lines.is_empty() {
            self.end_cell();
        }
        let cells = std::mem::take(&mut self.cells);
        if cells.iter().any(|c| !c.is_empty()) {
            self.rows.push(cells.join(" | "));
        }
    }

    fn end_table(&mut self) {
        self.end_row();
        self.lines = std::mem::take(&mut self.rows);
        self.line.clear();
        self.flush(BlockKind::Table);
    }
}

/// The kind of the paragraphs inside the open frames.
fn kind_of(stack: &[(Frame, NodeRef)]) -> BlockKind {
    stack
        .iter()
        .rev()
        .find_map(|(f, _)| match f {
            Frame::Block(k) => *k,
            Frame::Pre => Some(BlockKind::Preformatted),
            _ => None,
        })
        .unwrap_or(BlockKind::Paragraph)
}

fn in_simple_table(stack: &[(Frame, NodeRef)]) -> bool {
    stack.iter().any(|(f, _)| *f == Frame::SimpleTable)
}

fn list_depth(stack: &[(Frame, NodeRef)]) -> usize {
    stack
        .iter()
        .filter(|(f, _)| matches!(f, Frame::List { .. }))
        .count()
}

/// Normalised for comparing a heading with the title.
fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// Builds the article: `title` as its first line, then the blocks of `root` and what it holds.
pub fn article(root: NodeRef, title: &str, meta: &PageMeta) -> (Article, Neutralised) {
    let mut b = Builder {
        title: title.to_owned(),
        line: title.to_owned(),
        ..Builder::default()
    };
    b.flush(BlockKind::Lead);
    let mut walk = Walk {
        b,
        todo: vec![(root, false)],
        stack: Vec::new(),
        name: String::new(),
    };
    walk.run();
    let mut b = walk.b;
    b.flush(BlockKind::Paragraph);
    let blocks = std::mem::take(&mut b.blocks);
    let text = std::mem::take(&mut b.text);
    let sections = sections(&blocks);
    let languages = language_labels(meta);
    let links = links(&text, &blocks, std::mem::take(&mut b.anchors));
    #[allow(clippy::needless_update)]
    let article = Article {
        text: std::sync::Arc::new(text),
        blocks: blocks.into(),
        sections,
        languages,
        links,
        // Fields the plain-text parser fills stay empty for a page.
        ..Article::default()
    };
    (article, b.n)
}

/// The walk over the page's nodes into a [`Builder`], with its own stack of open elements.
struct Walk<'a> {
    b: Builder,
    /// (node, leaving): children are pushed in reverse so that they come out in order.
    todo: Vec<(NodeRef<'a>, bool)>,
    /// The open elements, innermost last.
    stack: Vec<(Frame, NodeRef<'a>)>,
    /// The running element's name, lower-cased (one buffer for the whole walk).
    name: String,
}

impl<'a> Walk<'a> {
    /// Visits every node still to do, in document order.
    fn run(&mut self) {
        while let Some((node, leaving)) = self.todo.pop() {
            if leaving {
                self.leave();
            } else if node.is_text() {
                self.text(&node);
            } else {
                self.enter(node);
            }
        }
    }

    /// Closes the innermost open element, ending the block, cell, row or table it made.
    fn leave(&mut self) {
        let Some((frame, _)) = self.stack.pop() else {
            return;
        };
        let b = &mut self.b;
        let kind = kind_of(&self.stack);
        match frame {
            Frame::Block(k) => {
                b.flush(k.unwrap_or(kind));
                if k == Some(BlockKind::ListItem) {
                    b.prefix.clear();
                }
            }
            Frame::List { .. } | Frame::Pre => {
                let k = if frame == Frame::Pre {
                    BlockKind::Preformatted
                } else {
                    kind
                };
                b.flush(k);
                if list_depth(&self.stack) == 0 {
                    b.list_ended = true;
                }
            }
            Frame::SimpleTable => b.end_table(),
            Frame::Cell => b.end_cell(),
            Frame::Row => b.end_row(),
            Frame::Other => {}
        }
    }

    /// Adds a text node to the running line; in preformatted text its line breaks end lines.
    fn text(&mut self, node: &NodeRef) {
        let b = &mut self.b;
        let t = node.text();
        if self.stack.iter().any(|(f, _)| *f == Frame::Pre) {
            let mut parts = t.split('\n');
            if let Some(first) = parts.next() {
                b.line.push_str(first);
            }
            for p in parts {
                b.lines.push(std::mem::take(&mut b.line));
                b.line.push_str(p);
            }
        } else {
            b.line.push_str(&t);
        }
    }

    /// Opens an element (skipped ones and line breaks open nothing) and puts its children next.
    fn enter(&mut self, node: NodeRef<'a>) {
        self.name.clear();
        match node.qual_name_ref() {
            Some(q) => {
                self.name.push_str(&q.local);
                self.name.make_ascii_lowercase();
            }
            None if node.is_document() || node.is_fragment() => {}
            None => return,
        }
        if SKIPPED.contains(&self.name.as_str()) {
            return;
        }
        if self.name == "br" {
            if in_simple_table(&self.stack) {
                self.b.line.push(' ');
            } else {
                self.b.lines.push(std::mem::take(&mut self.b.line));
            }
            return;
        }
        if self.name == "a" {
            if let Some(href) = node.attr("href").filter(|h| !h.trim().is_empty()) {
                let label = collapse(&node.text());
                if !label.is_empty() {
                    self.b.anchors.push((label, href.trim().to_owned()));
                }
            }
        }
        let frame = self.frame(&node);
        self.stack.push((frame, node));
        self.todo.push((node, true));
        self.todo.extend(node.children_it(true).map(|c| (c, false)));
    }

    /// The frame the element `node` (named `self.name`) opens; an element that starts a block
    /// ends the running one first.
    fn frame(&mut self, node: &NodeRef) -> Frame {
        let name = self.name.as_str();
        let b = &mut self.b;
        if in_simple_table(&self.stack) {
            match name {
                "tr" | "caption" => Frame::Row,
                "td" | "th" => Frame::Cell,
                _ => Frame::Other,
            }
        } else if name == "table" && simple_table(node) {
            b.flush(kind_of(&self.stack));
            Frame::SimpleTable
        } else if name == "pre" {
            b.flush(kind_of(&self.stack));
            Frame::Pre
        } else if name == "ul" || name == "ol" {
            b.flush(kind_of(&self.stack));
            let start = node
                .attr("start")
                .and_then(|s| s.trim().parse::<u64>().ok())
                .unwrap_or(1);
            Frame::List {
                ordered: name == "ol",
                next: start,
            }
        } else if is_block(name) {
            b.flush(kind_of(&self.stack));
            let kind = block_kind(name, node, b.past_leads);
            if name == "li" {
                b.prefix = list_item_prefix(&mut self.stack);
            }
            Frame::Block(kind)
        } else {
            Frame::Other
        }
    }
}

/// The kind of the paragraphs in block element `node` named `name` (None: inherited); a
/// standfirst is a lead only before any other block.
fn block_kind(name: &str, node: &NodeRef, past_leads: bool) -> Option<BlockKind> {
    if !past_leads && standfirst(node) {
        Some(BlockKind::Lead)
    } else if heading_level(name).is_some() {
        Some(BlockKind::Heading)
    } else {
        match name {
            "blockquote" => Some(BlockKind::Quote),
            "figcaption" => Some(BlockKind::Caption),
            "li" => Some(BlockKind::ListItem),
            "h5" | "h6" => Some(BlockKind::Paragraph),
            _ => None,
        }
    }
}

/// The mark of a new list item, indented by its list's depth: the next number of the
/// innermost list when it is ordered (counted on), else a bullet.
fn list_item_prefix(stack: &mut [(Frame, NodeRef)]) -> String {
    let depth = list_depth(stack).max(1);
    let mark = match stack
        .iter_mut()
        .rev()
        .find(|(f, _)| matches!(f, Frame::List { .. }))
    {
        Some((
            Frame::List {
                ordered: true,
                next,
            },
            _,
        )) => {
            let m = format!("{next}. ");
            *next += 1;
            m
        }
        _ => "• ".to_owned(),
    };
    format!("{}{mark}", "  ".repeat(depth - 1))
}

/// The page's language versions (its hreflang alternates) as language labels with a target.
fn language_labels(meta: &PageMeta) -> Vec<LanguageLabel> {
    meta.alternates
        .iter()
        .map(|a| {
            let lang = Lang::from_code(&a.hreflang);
            let label = match lang {
                Some(l) if a.hreflang.len() > 2 => format!("{} ({})", l.native_name(), a.hreflang),
                Some(l) => l.native_name().to_owned(),
                None => a.hreflang.clone(),
            };
            LanguageLabel {
                label,
                lang,
                target: Some(a.href.clone()),
            }
        })
        .collect()
}

/// Where each link's text stands in the article's text: found in order after the title (a link
/// whose text cannot be found, say one cut away with its block, is left out).
fn links(text: &str, blocks: &[Block], anchors: Vec<(String, String)>) -> Vec<Link> {
    let mut from = blocks.first().map_or(0, |b| b.range.end);
    let mut finder = Finder::new(text);
    let mut out = Vec::new();
    for (label, href) in anchors {
        let label = sanitize(&label, Breaks::Join).text.into_owned();
        if let Some(start) = finder.find(&label, from) {
            from = start + label.len();
            out.push(Link {
                range: start..from,
                href,
            });
        }
    }
    out
}

/// Misses after which [`Finder`] builds its table.
const MISSES_BEFORE_TABLE: usize = 32;

/// Finds strings in a text, each at or after a position that never moves back. A string missed
/// is remembered (it cannot turn up further on); after [`MISSES_BEFORE_TABLE`] misses, a table of
/// where each 4-byte sequence of the text stands replaces the scans of the whole rest of the
/// text, which each miss otherwise costs: a page with thousands of links whose text is not in
/// the article (each holding a line break, say) took time in the square of its size.
struct Finder<'a> {
    text: &'a str,
    missed: std::collections::HashSet<String>,
    misses: usize,
    table: Option<std::collections::HashMap<[u8; 4], Vec<u32>>>,
}

impl<'a> Finder<'a> {
    fn new(text: &'a str) -> Self {
        Finder {
            text,
            missed: Default::default(),
            misses: 0,
            table: None,
        }
    }

    /// Where `s` first stands at or after `from` (the first of the same search with `str::find`).
    fn find(&mut self, s: &str, from: usize) -> Option<usize> {
        if self.missed.contains(s) {
            return None;
        }
        let found = match &self.table {
            Some(table) if s.len() >= 4 => {
                find_in_table(table, self.text.as_bytes(), s.as_bytes(), from)
            }
            _ => self
                .text
                .get(from..)
                .and_then(|rest| rest.find(s))
                .map(|i| from + i),
        };
        if found.is_none() {
            self.missed.insert(s.to_owned());
            self.misses += 1;
            if self.misses == MISSES_BEFORE_TABLE && u32::try_from(self.text.len()).is_ok() {
                self.table = Some(gram_table(self.text.as_bytes()));
            }
        }
        found
    }
}

fn gram(b: &[u8], at: usize) -> [u8; 4] {
    [b[at], b[at + 1], b[at + 2], b[at + 3]]
}

/// Where each 4-byte sequence of `text` starts, in increasing order (`text` under 4 GB).
fn gram_table(text: &[u8]) -> std::collections::HashMap<[u8; 4], Vec<u32>> {
    let mut table: std::collections::HashMap<[u8; 4], Vec<u32>> = Default::default();
    for at in 0..text.len().saturating_sub(3) {
        table.entry(gram(text, at)).or_default().push(at as u32);
    }
    table
}

/// The first start of `s` (4 bytes or more) in `text` at or after `from`: the candidates are the
/// places of its rarest 4-byte sequence, in order.
fn find_in_table(
    table: &std::collections::HashMap<[u8; 4], Vec<u32>>,
    text: &[u8],
    s: &[u8],
    from: usize,
) -> Option<usize> {
    let mut best: Option<(usize, &Vec<u32>)> = None;
    for j in 0..=s.len() - 4 {
        // A sequence the text lacks: `s` is not in it.
        let places = table.get(&gram(s, j))?;
        if best.is_none_or(|(_, b)| places.len() < b.len()) {
            best = Some((j, places));
        }
    }
    let (j, places) = best?;
    let first = places.partition_point(|&q| (q as usize) < from + j);
    places[first..]
        .iter()
        .map(|&q| q as usize - j)
        .find(|&p| text[p..].starts_with(s))
}

/// Sections from the heading blocks, as the plain-text parser makes them.
fn sections(blocks: &[Block]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for (i, bl) in blocks.iter().enumerate() {
        if bl.kind == BlockKind::Heading {
            if let Some(last) = out.last_mut() {
                last.end = blocks[i - 1].range.end;
            }
            out.push(Section {
                title: bl.range.clone(),
                block: i,
                start: bl.range.start,
                end: bl.range.end,
            });
        }
    }
    if let (Some(last), Some(bl)) = (out.last_mut(), blocks.last()) {
        last.end = bl.range.end;
    }
    out
}

#[cfg(test)]
mod finder_tests {
    use super::Finder;

    /// The finder gives what `str::find` from the same place gives, before and after its table.
    #[test]
    fn finds_what_a_scan_finds() {
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let words = ["ab", "abab", "ba", "é", "x y", "aaaa", "b", "ééé", "\n"];
        let text: String = (0..3000)
            .map(|_| words[next(words.len() as u64) as usize])
            .collect();
        let mut finder = Finder::new(&text);
        let mut from = 0;
        for _ in 0..2000 {
            let label: String = (0..1 + next(4))
                .map(|_| words[next(words.len() as u64) as usize])
                .collect();
            let expected = text
                .get(from..)
                .and_then(|rest| rest.find(&label))
                .map(|i| from + i);
            assert_eq!(finder.find(&label, from), expected, "{label:?} from {from}");
            if let Some(start) = expected {
                from = start + label.len();
            } else if next(3) == 0 {
                from = (from + 1..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(from);
            }
        }
        assert!(finder.table.is_some());
    }
}
