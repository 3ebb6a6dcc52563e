//! The reader's state. Changed only by `update`; read by the view.

use super::action::Focus;
use crate::analysis::found::Found;
use crate::analysis::{Analysis, EntityKind};
use crate::article::sanitize::Breaks;
use crate::article::search::Query;
use crate::document::Document;
use crate::i18n::I18n;
use crate::input::Source;
use crate::lang::Lang;
use crate::ui::layout::{layout, Cover, Layout, Wants};
use crate::ui::wrap::{wrap, Wrapped};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// A reading position: a display chunk and a row within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub chunk: usize,
    pub row: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Switcher {
        cursor: usize,
    },
    /// The article's links, one picked to open.
    Links {
        cursor: usize,
    },
}

/// What `n`/`N` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Search,
    Mentions { entity: usize, mention: usize },
}

/// Matches are counted in the background; at most this many are listed.
pub const MAX_LISTED_MATCHES: usize = 1_000_000;

pub use super::action::MatchList;

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub editing: bool,
    pub input: String,
    pub query: Query,
    /// The match shown as current.
    pub current: Option<Range<usize>>,
    /// All matches, once counted (None while counting).
    pub all: Option<MatchList>,
    /// Bumped for every new query; a count for an older one is dropped.
    pub generation: u64,
    /// A count is to be started for the current generation.
    pub count_wanted: bool,
    /// Where the search started, so that typing searches from there.
    pub origin: usize,
}

impl Search {
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// (1-based index of the current match, total), once counted.
    pub fn position(&self) -> Option<(usize, usize, bool)> {
        let all = self.all.as_ref()?;
        let cur = self.current.as_ref()?;
        let k = all.starts.partition_point(|&s| (s as usize) < cur.start) + 1;
        Some((k, all.starts.len(), all.capped))
    }
}

/// One row of the entities panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityRow {
    Kind(EntityKind),
    Entity(usize),
}

/// Wrapped chunks at the current text width.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: usize,
    map: HashMap<usize, Rc<Wrapped>>,
}

const WRAP_CACHE_MAX: usize = 4096;

/// An entry of the language switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitcherEntry {
    pub label: String,
    pub lang: Option<Lang>,
}

pub struct Model {
    pub doc: Document,
    pub source: Source,
    /// The language of the version shown (None: as published).
    pub version: Option<Lang>,
    /// What the analysis found so far (None until its first batch arrives).
    pub analysis: Option<Found>,
    pub entity_rows: Vec<EntityRow>,
    /// All batches analysed.
    pub analysis_done: bool,
    /// Percent of the article analysed so far.
    pub analysis_progress: usize,
    pub i18n: I18n,
    pub width: u16,
    pub height: u16,
    pub top: Pos,
    pub focus: Focus,
    /// The contents or panels opened over the article where they do not fit beside it.
    pub cover: Option<Cover>,
    /// Columns the contents would like (their longest entry), measured once per article.
    pub toc_natural: u16,
    pub highlight: bool,
    /// What the user chose, to be remembered (None: decided by the terminal's width/locale).
    pub chosen_lang: Option<Lang>,
    pub toc_pref: Option<bool>,
    pub panels_pref: Option<bool>,
    pub toc_cursor: usize,
    pub quote_cursor: usize,
    pub entity_cursor: usize,
    pub search: Search,
    pub nav: Nav,
    pub overlay: Overlay,
    /// A range of the text to highlight after a jump.
    pub flash: Option<Range<usize>>,
    pub notice: Option<String>,
    /// What sanitising neutralises in the article (counted with the analysis).
    pub neutralised: Option<crate::article::sanitize::Neutralised>,
    pub quit: bool,
    pub suspend: bool,
    /// Set when the article was replaced (analysis must be redone).
    pub reloaded: bool,
    pub cache: RefCell<WrapCache>,
    /// An article being opened, while it downloads.
    pub loading: Option<super::load::Loading>,
    /// A download is to be started for `loading`.
    pub load_wanted: bool,
    /// The articles read before, the last one last.
    pub history: Vec<super::load::Visit>,
    /// The feed screens, when krant opened with subscriptions.
    pub feeds: Option<super::feeds::Feeds>,
    /// The reader opened before its article: a web address given on the command line is
    /// still downloading (nothing to go back to; a failure ends the reader).
    pub opening: bool,
    /// Why the reader ended without an article (the first download failed), for the
    /// command line to report.
    pub failure: Option<String>,
    /// Only the start of a large file is known yet; the whole is on its way.
    pub growing: Option<super::grow::Growing>,
}

impl Model {
    pub fn new(doc: Document, source: Source, i18n: I18n, width: u16, height: u16) -> Model {
        let toc_natural = crate::ui::toc_width::natural_width(&doc);
        Model {
            doc,
            source,
            version: None,
            analysis: None,
            entity_rows: Vec::new(),
            analysis_done: false,
            analysis_progress: 0,
            i18n,
            width,
            height,
            top: Pos::default(),
            focus: Focus::Article,
            cover: None,
            toc_natural,
            highlight: true,
            chosen_lang: None,
            toc_pref: None,
            panels_pref: None,
            toc_cursor: 0,
            quote_cursor: 0,
            entity_cursor: 0,
            search: Search::default(),
            nav: Nav::Search,
            overlay: Overlay::None,
            flash: None,
            notice: None,
            neutralised: None,
            quit: false,
            suspend: false,
            reloaded: false,
            cache: RefCell::new(WrapCache::default()),
            loading: None,
            load_wanted: false,
            history: Vec::new(),
            feeds: None,
            opening: false,
            failure: None,
            growing: None,
        }
    }

    /// What the user asked for, or by default what the window's width suggests: decided
    /// anew for every size, so that growing the window brings back what shrinking took away.
    pub fn wants(&self) -> Wants {
        Wants {
            toc: self
                .toc_pref
                .unwrap_or(self.width >= crate::ui::layout::TOC_AUTO_WIDTH),
            panels: self
                .panels_pref
                .unwrap_or(self.width >= crate::ui::layout::PANELS_AUTO_WIDTH),
            cover: self.cover,
            toc_width: self.toc_natural,
        }
    }

    pub fn layout(&self) -> Layout {
        layout(self.width, self.height, self.wants())
    }

    /// The layout if the contents (or the panels) were asked for beside the article.
    pub fn layout_with(&self, toc: bool, panels: bool) -> Layout {
        let w = self.wants();
        let want = Wants {
            toc: w.toc || toc,
            panels: w.panels || panels,
            cover: None,
            ..w
        };
        layout(self.width, self.height, want)
    }

    pub fn text_width(&self) -> usize {
        self.layout().text.width.max(1) as usize
    }

    pub fn viewport(&self) -> usize {
        self.layout().text.height.max(1) as usize
    }

    /// The wrapped form of chunk `i` at the current width.
    pub fn wrapped(&self, i: usize) -> Rc<Wrapped> {
        let width = self.text_width();
        let mut cache = self.cache.borrow_mut();
        if cache.width != width || cache.map.len() > WRAP_CACHE_MAX {
            cache.map.clear();
            cache.width = width;
        }
        if let Some(w) = cache.map.get(&i) {
            return Rc::clone(w);
        }
        let w = Rc::new(match self.doc.chunks.get(i) {
            Some(c) => {
                let joined = self
                    .doc
                    .article
                    .blocks
                    .get(c.block())
                    .is_some_and(|b| b.joined);
                let breaks = if joined { Breaks::Join } else { Breaks::Keep };
                wrap(&self.doc.article.text[c.range()], breaks, width)
            }
            None => wrap("", Breaks::Keep, width),
        });
        cache.map.insert(i, Rc::clone(&w));
        w
    }

    /// Rows chunk `i` takes on screen: its wrapped rows, and a blank row after a block.
    pub fn rows(&self, i: usize) -> usize {
        let blank = self.doc.chunks.get(i).is_some_and(|c| c.last);
        self.wrapped(i).rows.len() + usize::from(blank)
    }

    /// The furthest the top can go: the end of the article on the last row, or, when the last
    /// section is shorter than a screen, that section's heading on the top row (so that every
    /// section can be brought to the top).
    pub fn max_top(&self) -> Pos {
        let end = self.end_top();
        match self.doc.article.sections.last() {
            Some(s) => end.max(Pos {
                chunk: self.doc.block_chunk[s.block],
                row: 0,
            }),
            None => end,
        }
    }

    /// The top position that shows the end of the article on the last row.
    pub fn end_top(&self) -> Pos {
        let n = self.doc.chunks.len();
        if n == 0 {
            return Pos::default();
        }
        let mut remaining = self.viewport();
        let mut c = n - 1;
        loop {
            let r = self.rows(c);
            if r >= remaining {
                return Pos {
                    chunk: c,
                    row: r - remaining,
                };
            }
            remaining -= r;
            if c == 0 {
                return Pos::default();
            }
            c -= 1;
        }
    }

    pub fn at_end(&self) -> bool {
        self.top >= self.end_top()
    }

    /// `pos` moved by `delta` rows, clamped to the article.
    pub fn moved(&self, pos: Pos, delta: isize) -> Pos {
        let mut p = pos;
        let n = self.doc.chunks.len();
        if n == 0 {
            return Pos::default();
        }
        if delta >= 0 {
            let mut left = delta as usize;
            let max = self.max_top();
            while left > 0 && p < max {
                let r = self.rows(p.chunk);
                if p.row + left < r {
                    p.row += left;
                    break;
                }
                left -= r - p.row;
                p = Pos {
                    chunk: p.chunk + 1,
                    row: 0,
                };
                if p.chunk >= n {
                    break;
                }
            }
            p.min(max)
        } else {
            let mut left = delta.unsigned_abs();
            loop {
                if p.row >= left {
                    p.row -= left;
                    break;
                }
                left -= p.row + 1;
                if p.chunk == 0 {
                    p.row = 0;
                    break;
                }
                p.chunk -= 1;
                p.row = self.rows(p.chunk).saturating_sub(1);
            }
            p
        }
    }

    /// The positions of the rows on screen, top to bottom.
    pub fn visible_rows(&self) -> Vec<Pos> {
        let h = self.viewport();
        let mut out = Vec::with_capacity(h);
        let mut p = self.top;
        while out.len() < h && p.chunk < self.doc.chunks.len() {
            let r = self.rows(p.chunk);
            while p.row < r && out.len() < h {
                out.push(p);
                p.row += 1;
            }
            p = Pos {
                chunk: p.chunk + 1,
                row: 0,
            };
        }
        out
    }

    /// The position showing byte `offset` of the text, `above` rows below the top.
    pub fn pos_of_offset(&self, offset: usize, above: usize) -> Pos {
        let chunk = self.doc.chunk_at(offset);
        let Some(c) = self.doc.chunks.get(chunk) else {
            return Pos::default();
        };
        let w = self.wrapped(chunk);
        let row = w.row_of(w.to_display(offset.saturating_sub(c.range().start)));
        let p = Pos { chunk, row };
        self.moved(p, -(above as isize)).min(self.max_top())
    }

    /// The byte offset shown at the top of the screen.
    pub fn top_offset(&self) -> usize {
        let Some(c) = self.doc.chunks.get(self.top.chunk) else {
            return 0;
        };
        let w = self.wrapped(self.top.chunk);
        let disp = w
            .rows
            .get(self.top.row)
            .map_or(w.display.len(), |r| r.start);
        c.range().start + w.to_raw(disp).min(c.range().len())
    }

    /// Index of the section being read: the one at the top of the screen; when scrolled exactly
    /// to the end of the article, the last one whose heading is on screen.
    pub fn current_section(&self) -> Option<usize> {
        let block_of = |p: Pos| self.doc.chunks.get(p.chunk).map(|c| c.block());
        let top_block = block_of(self.top)?;
        let mut s = self.doc.article.section_of_block(top_block);
        if self.top == self.end_top() {
            if let Some(last) = self.visible_rows().last().and_then(|p| block_of(*p)) {
                let sections = &self.doc.article.sections;
                let visible = sections.partition_point(|x| x.block <= last);
                if visible > 0 && sections[visible - 1].block >= top_block {
                    s = Some(visible - 1);
                }
            }
        }
        s
    }

    /// Percent read, by bytes up to the top of the screen; 100 at the end.
    pub fn percent(&self) -> usize {
        if self.at_end() {
            return 100;
        }
        let total = self.doc.content_bytes.max(1);
        let before = self.top_offset().saturating_sub(self.doc.body().start);
        (before * 100 / total).min(99)
    }

    pub fn minutes_left(&self) -> usize {
        if self.at_end() {
            return 0;
        }
        let before = self.top_offset().saturating_sub(self.doc.body().start);
        self.doc
            .minutes_for(self.doc.content_bytes.saturating_sub(before))
            .max(1)
    }

    /// The language switcher's entries: the article's own labels, else the six languages.
    pub fn switcher_entries(&self) -> Vec<SwitcherEntry> {
        let labels = &self.doc.article.languages;
        if labels.is_empty() {
            Lang::ALL
                .iter()
                .map(|l| SwitcherEntry {
                    label: l.native_name().to_owned(),
                    lang: Some(*l),
                })
                .collect()
        } else {
            labels
                .iter()
                .map(|l| SwitcherEntry {
                    label: l.label.clone(),
                    lang: l.lang.filter(|x| crate::i18n::has_catalogue(*x)),
                })
                .collect()
        }
    }

    /// Applies saved settings: panels and contents as last chosen, highlighting.
    pub fn apply_settings(&mut self, s: &crate::store::Settings) {
        if let Some(t) = s.contents {
            self.toc_pref = Some(t);
        }
        if let Some(p) = s.panels {
            self.panels_pref = Some(p);
        }
        if let Some(h) = s.highlight {
            self.highlight = h;
        }
    }

    /// The settings to save.
    pub fn settings(&self) -> crate::store::Settings {
        crate::store::Settings {
            version: crate::store::VERSION,
            language: self.chosen_lang,
            contents: self.toc_pref,
            panels: self.panels_pref,
            highlight: (!self.highlight).then_some(false),
        }
    }

    /// Goes to a saved reading position (clamped to the article).
    pub fn restore_offset(&mut self, offset: usize) {
        let body = self.doc.body();
        let offset = offset.clamp(body.start, body.end);
        self.top = self.pos_of_offset(offset, 0);
    }

    /// Characters neutralised for display in the whole article, once counted in the background.
    pub fn neutralised(&self) -> usize {
        self.neutralised.map_or(0, |n| n.total())
    }

    /// Sets the whole analysis at once.
    pub fn set_analysis(&mut self, a: Analysis) {
        self.analysis = None;
        self.add_analysis(a);
        self.analysis_done = true;
    }

    /// Adds the analysis of the next batch of the article (batches arrive in text order) and
    /// updates the panels' rows. Work is proportional to the batch, except for re-sorting the
    /// entity list, which is proportional to the number of entities.
    pub fn add_analysis(&mut self, part: Analysis) {
        let all = self.analysis.get_or_insert_with(Found::default);
        all.add(part);
        // The entity list: grouped by kind, most mentioned first; the cursor stays on its entity.
        let selected = match self.entity_rows.get(self.entity_cursor) {
            Some(EntityRow::Entity(e)) => Some(*e),
            _ => None,
        };
        let mut order: Vec<usize> = (0..all.entities.len()).collect();
        order.sort_by_key(|&i| {
            let e = &all.entities[i];
            (e.kind, std::cmp::Reverse(e.count), e.first)
        });
        let mut rows = Vec::with_capacity(order.len() + 7);
        let mut last = None;
        for i in order {
            let kind = all.entities[i].kind;
            if last != Some(kind) {
                rows.push(EntityRow::Kind(kind));
                last = Some(kind);
            }
            rows.push(EntityRow::Entity(i));
        }
        self.entity_rows = rows;
        self.entity_cursor = selected
            .and_then(|e| {
                self.entity_rows
                    .iter()
                    .position(|r| *r == EntityRow::Entity(e))
            })
            .or_else(|| {
                self.entity_rows
                    .iter()
                    .position(|r| matches!(r, EntityRow::Entity(_)))
            })
            .unwrap_or(0);
    }

    /// Forgets the analysis (the article was replaced).
    pub fn clear_analysis(&mut self) {
        self.analysis = None;
        self.analysis_done = false;
        self.analysis_progress = 0;
        self.entity_rows.clear();
        self.neutralised = None;
        self.quote_cursor = 0;
        self.entity_cursor = 0;
    }
}

impl WrapCache {
    pub fn clear(&mut self) {
        self.map.clear();
    }
}
