//! The one place that changes the model.

mod feed_screens;

use super::action::{Action, Focus};
use super::load::{Loading, Visit, HISTORY};
use super::model::{EntityRow, Model, Nav, Overlay, Pos};
use crate::article::search::Query;
use crate::i18n::I18n;
use crate::input::{self, Source};
use crate::lang::Lang;
use crate::ui::layout::Cover;

/// Bytes searched at once while typing a query.
const SEARCH_WINDOW: usize = 4 << 20;

/// Rows of context kept above a jump target.
const JUMP_CONTEXT: usize = 2;

/// Applies one action to the model.
pub fn update(m: &mut Model, action: Action) {
    let Some(action) = feed_screens::intercept(m, action) else {
        return;
    };
    let Some(action) = wait_for_whole(m, action) else {
        return;
    };
    match action {
        // Leaving, pausing, closing.
        Action::Quit => quit(m),
        Action::Suspend => m.suspend = true,
        // Only the feed screens act on these (see `feed_screens::intercept`).
        Action::Feeds(_) => {}
        Action::Escape => escape(m),
        // Overlays: help, the language switcher, the links.
        Action::Help => toggle_help(m),
        Action::OpenSwitcher => open_switcher(m),
        Action::SwitcherPick(i) => pick_language(m, i),
        Action::OpenLinks => open_links(m),
        Action::LinkPick(i) => open_link(m, i),
        // Moving through the article and its lists.
        Action::Line(d) => line(m, d),
        Action::Page(d) => scroll(m, d * page(m)),
        Action::HalfPage(d) => scroll(m, d * (page(m) / 2).max(1)),
        Action::Top => m.top = Pos::default(),
        Action::Bottom => m.top = m.end_top(),
        Action::NextSection => next_section(m, true),
        Action::PrevSection => next_section(m, false),
        Action::FocusNext => cycle_focus(m, true),
        Action::FocusPrev => cycle_focus(m, false),
        Action::Activate => activate(m),
        // The screen: contents, panels, highlighting, size, mouse.
        Action::ToggleToc => toggle_toc(m),
        Action::TogglePanels => toggle_panels(m),
        Action::ToggleHighlight => m.highlight = !m.highlight,
        Action::Click { column, row } => click(m, column, row),
        Action::Wheel { column, row, delta } => wheel(m, column, row, delta),
        Action::Resize(w, h) => resize(m, w, h),
        // Search.
        Action::SearchStart => start_search(m),
        Action::SearchCounted { generation, all } => search_counted(m, generation, all),
        Action::SearchInput(c) => {
            m.search.input.push(c);
            run_search(m);
        }
        Action::SearchBackspace => {
            m.search.input.pop();
            run_search(m);
        }
        Action::SearchSubmit => submit_search(m),
        Action::NextMatch => step(m, true),
        Action::PrevMatch => step(m, false),
        // Opening another article, and going back.
        Action::Open(request) => open(m, request),
        Action::LoadProgress { received, total } => load_progress(m, received, total),
        Action::Loaded(doc) => loaded(m, doc),
        Action::LoadFailed(why) => load_failed(m, why),
        Action::Back => back(m),
        // Results of background work on the article shown.
        Action::StructureProgress(percent) => {
            if let Some(g) = &mut m.growing {
                g.percent = percent;
            }
        }
        Action::Structure(doc) => {
            if let Some(doc) = doc.take() {
                whole_arrived(m, Some(doc));
            }
        }
        Action::StructureFailed(why) => structure_failed(m, why),
        Action::Neutralised(n) => m.neutralised = Some(n),
        Action::AnalysisFailed => {
            m.analysis_done = true;
            m.notice = Some(m.i18n.tr("notice-analysis-failed"));
        }
        Action::AnalysisPart {
            part,
            percent,
            last,
        } => {
            m.add_analysis(*part);
            m.analysis_progress = percent;
            m.analysis_done = last;
        }
    }
}

/// While the whole of a large article is still being read, keeps the actions that need it
/// for later (Esc gives them up); returns the action when it can be done now.
fn wait_for_whole(m: &mut Model, action: Action) -> Option<Action> {
    if let Some(g) = &mut m.growing {
        if g.waits(&action) {
            g.queued.push(action);
            return None;
        }
        // Esc gives up what was waiting.
        if action == Action::Escape && !g.queued.is_empty() {
            g.queued.clear();
            return None;
        }
    }
    Some(action)
}

/// Stops a download, else closes an overlay or what covers the article; whether there was
/// one of these to stop or close.
fn close_top(m: &mut Model) -> bool {
    if m.loading.is_some() {
        cancel_load(m);
    } else if m.overlay != Overlay::None {
        m.overlay = Overlay::None;
    } else if m.layout().covering.is_some() {
        close_cover(m);
    } else {
        return false;
    }
    true
}

/// Quit: stops a download, else closes an overlay or what covers the article, else ends.
fn quit(m: &mut Model) {
    if !close_top(m) {
        m.quit = true;
    }
}

/// Shows the help, or hides it when it shows.
fn toggle_help(m: &mut Model) {
    m.overlay = match m.overlay {
        Overlay::Help => Overlay::None,
        _ => Overlay::Help,
    }
}

/// Opens the language switcher on the interface language.
fn open_switcher(m: &mut Model) {
    let entries = m.switcher_entries();
    let cursor = entries
        .iter()
        .position(|e| e.lang == Some(m.i18n.lang()))
        .unwrap_or(0);
    m.overlay = Overlay::Switcher { cursor };
}

/// Switches to the switcher's `i`-th language; says so when the article has no such version.
fn pick_language(m: &mut Model, i: usize) {
    if let Some(lang) = m.switcher_entries().get(i).and_then(|e| e.lang) {
        m.overlay = Overlay::None;
        set_language(m, lang);
        let shown = m.version.unwrap_or(m.doc.language.lang);
        m.notice = (shown != lang).then(|| {
            let name = m.i18n.tr(&format!("lang-{}", lang.code()));
            m.i18n.tr_s("notice-version-missing", "language", &name)
        });
    }
}

/// Lists the article's links, the cursor on the first from the top of the screen on.
fn open_links(m: &mut Model) {
    let links = &m.doc.article.links;
    if links.is_empty() {
        m.notice = Some(m.i18n.tr("links-none"));
    } else {
        // The first link from the top of the screen on.
        let top = m.top_offset();
        let cursor = links.partition_point(|l| l.range.end <= top) % links.len();
        m.overlay = Overlay::Links { cursor };
    }
}

/// Shows or hides the contents, keeping the reading position.
fn toggle_toc(m: &mut Model) {
    let offset = m.top_offset();
    if m.layout().toc.is_some() {
        hide(m, Cover::Toc);
    } else {
        if m.layout_with(true, false).toc.is_some() {
            m.toc_pref = Some(true);
        } else {
            m.cover = Some(Cover::Toc);
        }
        m.toc_cursor = m.current_section().map_or(0, |s| s + 1);
        m.focus = Focus::Toc;
    }
    m.top = m.pos_of_offset(offset, 0);
}

/// Shows or hides the quote and entity panels, keeping the reading position.
fn toggle_panels(m: &mut Model) {
    let offset = m.top_offset();
    if m.layout().quotes.is_some() {
        hide(m, Cover::Panels);
    } else if m.layout_with(false, true).quotes.is_some() {
        m.panels_pref = Some(true);
    } else {
        // Panels over the article take the focus.
        m.cover = Some(Cover::Panels);
        m.focus = Focus::Quotes;
    }
    m.top = m.pos_of_offset(offset, 0);
}

/// The terminal's new size: the reading position stays, the focus leaves what went away.
fn resize(m: &mut Model, w: u16, h: u16) {
    let offset = m.top_offset();
    m.width = w;
    m.height = h;
    m.top = m.pos_of_offset(offset, 0);
    // The focus leaves what the new size took away.
    let l = m.layout();
    let gone = match m.focus {
        Focus::Toc => l.toc.is_none(),
        Focus::Quotes | Focus::Entities => l.quotes.is_none(),
        Focus::Article => false,
    };
    if gone {
        m.focus = Focus::Article;
    }
}

/// Starts typing a new query from the top of the screen.
fn start_search(m: &mut Model) {
    let generation = m.search.generation + 1;
    m.search = super::model::Search {
        editing: true,
        origin: m.top_offset(),
        generation,
        ..Default::default()
    };
    m.nav = Nav::Search;
}

/// All matches of the query of `generation`, counted in the background: kept, and the first
/// one shown when typing found none within its window.
fn search_counted(m: &mut Model, generation: u64, all: super::model::MatchList) {
    if generation == m.search.generation {
        if m.search.current.is_none() && !all.starts.is_empty() {
            // The first match lay beyond what typing searched.
            let origin = m.search.origin;
            let i = all.starts.partition_point(|&s| (s as usize) < origin) % all.starts.len();
            let start = all.starts[i] as usize;
            m.search.current = m.search.query.find(&m.doc.article.text, start);
            m.search.all = Some(all);
            show_current_match(m);
        } else {
            m.search.all = Some(all);
        }
    }
}

/// Ends typing the query; an empty query clears the search.
fn submit_search(m: &mut Model) {
    m.search.editing = false;
    if m.search.input.is_empty() {
        clear_search(m);
    }
}

/// Starts opening another article (stopping any download under way).
fn open(m: &mut Model, request: super::load::Request) {
    cancel_load(m);
    m.loading = Some(Loading {
        request,
        received: 0,
        total: None,
        cancel: Default::default(),
    });
    m.load_wanted = true;
}

/// How far the download of the article being opened has come.
fn load_progress(m: &mut Model, received: u64, total: Option<u64>) {
    if let Some(l) = &mut m.loading {
        l.received = received;
        l.total = total;
    }
}

/// The article being opened replaces the one shown, which goes into the history.
fn loaded(m: &mut Model, doc: super::load::Payload<crate::document::Document>) {
    if let (Some(l), Some(doc)) = (m.loading.take(), doc.take()) {
        let visit = Visit {
            offset: m.top_offset(),
            doc: std::mem::replace(&mut m.doc, doc),
            source: std::mem::replace(&mut m.source, l.request.source),
            version: m.version,
        };
        // The empty page shown while the first article downloaded is no page to go
        // back to.
        if !std::mem::take(&mut m.opening) {
            m.history.push(visit);
        }
        if m.history.len() > HISTORY {
            m.history.remove(0);
        }
        m.version = l.request.version;
        m.notice = None;
        document_replaced(m, l.request.section);
    }
}

/// The article being opened could not be: a notice, or the end when it was the first.
fn load_failed(m: &mut Model, why: String) {
    if m.loading.take().is_some() {
        if m.opening {
            m.failure = Some(why);
            m.quit = true;
        } else {
            m.notice = Some(why);
        }
    }
}

/// Stops a download under way, else goes back to the article read before, where it was left.
fn back(m: &mut Model) {
    if m.loading.is_some() {
        cancel_load(m);
    } else if let Some(v) = m.history.pop() {
        m.doc = v.doc;
        m.source = v.source;
        m.version = v.version;
        m.notice = None;
        document_replaced(m, None);
        m.top = m.pos_of_offset(v.offset, 0);
    }
}

/// The whole of a large article could not be read: why, and its start stays as the article.
fn structure_failed(m: &mut Model, why: String) {
    if m.growing.is_some() {
        m.notice = Some(why);
        whole_arrived(m, None);
    }
}

/// Opens the article's `i`-th link in the reader.
fn open_link(m: &mut Model, i: usize) {
    let Some(href) = m.doc.article.links.get(i).map(|l| l.href.clone()) else {
        return;
    };
    m.overlay = Overlay::None;
    match input::resolve(&link_base(m), &href) {
        Some(source) => update(
            m,
            Action::Open(super::load::Request {
                source,
                version: None,
                section: None,
            }),
        ),
        None => {
            let target = crate::article::sanitize::one_line(&href).into_owned();
            m.notice = Some(m.i18n.tr_s("links-unsupported", "target", &target));
        }
    }
}

/// What the article's links are relative to: a web page's address after redirects, else where
/// it was read from.
fn link_base(m: &Model) -> Source {
    match m.doc.source_meta.as_ref().and_then(|p| p.url.clone()) {
        Some(url) => Source::Url(url),
        None => m.source.clone(),
    }
}

/// Stops the download under way, if any; the article shown stays.
fn cancel_load(m: &mut Model) {
    if let Some(l) = m.loading.take() {
        l.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    m.load_wanted = false;
    // Without the first article there is nothing to read.
    if m.opening {
        m.quit = true;
    }
}

/// The whole of a large article replaces its start (or, when it could not be read, the start
/// is taken as the article): the reading position stays, the analysis starts, and what waited
/// is done.
fn whole_arrived(m: &mut Model, doc: Option<crate::document::Document>) {
    let Some(g) = m.growing.take() else {
        return;
    };
    if let Some(mut doc) = doc {
        let moved = m.top != Pos::default();
        let offset = m.top_offset();
        // Reading positions are remembered under the hash of the file as it was opened.
        doc.hash = m.doc.hash;
        m.doc = doc;
        m.cache.borrow_mut().clear();
        m.toc_natural = crate::ui::toc_width::natural_width(&m.doc);
        match g.restore {
            Some(saved) if !moved => m.restore_offset(saved),
            _ => m.restore_offset(offset),
        }
    }
    m.reloaded = true;
    for a in g.queued {
        update(m, a);
    }
}

/// After `m.doc` was replaced: everything derived from the old article goes, and reading
/// starts at `section` (or the top).
pub(super) fn document_replaced(m: &mut Model, section: Option<usize>) {
    m.clear_analysis();
    m.search = Default::default();
    m.flash = None;
    m.nav = Nav::Search;
    m.reloaded = true;
    m.cache.borrow_mut().clear();
    m.toc_natural = crate::ui::toc_width::natural_width(&m.doc);
    m.toc_cursor = 0;
    m.top = match section.and_then(|s| m.doc.article.sections.get(s)) {
        Some(s) => Pos {
            chunk: m.doc.block_chunk[s.block],
            row: 0,
        }
        .min(m.max_top()),
        None => Pos::default(),
    };
}

fn page(m: &Model) -> isize {
    (m.viewport().saturating_sub(2)).max(1) as isize
}

fn scroll(m: &mut Model, d: isize) {
    m.top = m.moved(m.top, d);
}

/// Hides the contents or the panels: closes them where they cover the article, else hides them
/// by hand (remembered).
fn hide(m: &mut Model, which: Cover) {
    if m.layout().covering == Some(which) {
        close_cover(m);
        return;
    }
    if m.cover == Some(which) {
        m.cover = None;
    }
    match which {
        Cover::Toc => {
            m.toc_pref = Some(false);
            if m.focus == Focus::Toc {
                m.focus = Focus::Article;
            }
        }
        Cover::Panels => {
            m.panels_pref = Some(false);
            if matches!(m.focus, Focus::Quotes | Focus::Entities) {
                m.focus = Focus::Article;
            }
        }
    }
}

/// Closes what covers the article; the article has the focus again.
fn close_cover(m: &mut Model) {
    m.cover = None;
    m.focus = Focus::Article;
}

/// Esc: what [`close_top`] closes, else the search (back to where it started when it is
/// being typed), the flash of a search that found nothing, the focus on a panel.
fn escape(m: &mut Model) {
    if close_top(m) {
        return;
    }
    if m.search.editing {
        // Cancelled while typing: the article goes back to where the search started.
        let origin = m.search.origin;
        clear_search(m);
        m.top = m.pos_of_offset(origin, 0);
    } else if !m.search.input.is_empty() {
        clear_search(m);
    } else if m.flash.is_some() {
        m.flash = None;
        m.nav = Nav::Search;
    } else if m.focus != Focus::Article {
        m.focus = Focus::Article;
    }
}

fn line(m: &mut Model, d: isize) {
    match (&m.overlay, m.focus) {
        (Overlay::Switcher { cursor }, _) => {
            let n = m.switcher_entries().len();
            m.overlay = Overlay::Switcher {
                cursor: cursor.saturating_add_signed(d).min(n.saturating_sub(1)),
            };
        }
        (Overlay::Links { cursor }, _) => {
            let n = m.doc.article.links.len();
            m.overlay = Overlay::Links {
                cursor: cursor.saturating_add_signed(d).min(n.saturating_sub(1)),
            };
        }
        (_, Focus::Toc) => {
            let n = m.doc.article.sections.len() + 1;
            m.toc_cursor = m.toc_cursor.saturating_add_signed(d).min(n - 1);
        }
        (_, Focus::Quotes) => {
            let n = m.analysis.as_ref().map_or(0, |a| a.quotes.len());
            m.quote_cursor = m
                .quote_cursor
                .saturating_add_signed(d)
                .min(n.saturating_sub(1));
        }
        (_, Focus::Entities) => {
            let rows = &m.entity_rows;
            let mut i = m.entity_cursor;
            while let Some(next) = i.checked_add_signed(d.signum()).filter(|&j| j < rows.len()) {
                i = next;
                if matches!(rows[i], EntityRow::Entity(_)) {
                    m.entity_cursor = i;
                    break;
                }
            }
        }
        (_, Focus::Article) => scroll(m, d),
    }
}

fn jump_to(m: &mut Model, offset: usize) {
    m.top = m.pos_of_offset(offset, JUMP_CONTEXT);
}

fn next_section(m: &mut Model, forward: bool) {
    let sections = &m.doc.article.sections;
    if sections.is_empty() {
        return;
    }
    let top_block = m.doc.chunks.get(m.top.chunk).map_or(0, |c| c.block());
    let target = if forward {
        let cur = m.current_section();
        let idx = sections.partition_point(|s| s.block <= top_block);
        // At the end, the section shown as current may lie past the top.
        Some(cur.map_or(idx, |c| idx.max(c + 1))).filter(|&i| i < sections.len())
    } else {
        // Inside a section: its own heading; on a heading: the section before.
        match sections
            .partition_point(|s| s.block < top_block)
            .checked_sub(1)
        {
            Some(i) => Some(i),
            None => {
                m.top = Pos::default();
                return;
            }
        }
    };
    if let Some(i) = target {
        let chunk = m.doc.block_chunk[sections[i].block];
        m.top = Pos { chunk, row: 0 }.min(m.max_top());
        m.toc_cursor = i + 1;
    }
}

fn cycle_focus(m: &mut Model, forward: bool) {
    let l = m.layout();
    let mut order = Vec::new();
    match l.covering {
        Some(Cover::Toc) => order.push(Focus::Toc),
        Some(Cover::Panels) => order.extend([Focus::Quotes, Focus::Entities]),
        None => {
            if l.toc.is_some() {
                order.push(Focus::Toc);
            }
            order.push(Focus::Article);
            if l.quotes.is_some() {
                order.extend([Focus::Quotes, Focus::Entities]);
            }
        }
    }
    if order.is_empty() {
        return;
    }
    let i = order.iter().position(|f| *f == m.focus).unwrap_or(0);
    let n = order.len();
    m.focus = order[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }];
    if m.focus == Focus::Toc {
        m.toc_cursor = m.current_section().map_or(0, |s| s + 1);
    }
}

fn activate(m: &mut Model) {
    if let Overlay::Switcher { cursor } = m.overlay {
        update(m, Action::SwitcherPick(cursor));
        return;
    }
    if let Overlay::Links { cursor } = m.overlay {
        open_link(m, cursor);
        return;
    }
    match m.focus {
        Focus::Toc => {
            // Contents over the article close first, so that the jump is measured at the width
            // the article is read at.
            close_covering(m);
            if m.toc_cursor == 0 {
                m.top = Pos::default();
            } else if let Some(s) = m.doc.article.sections.get(m.toc_cursor - 1) {
                let chunk = m.doc.block_chunk[s.block];
                m.top = Pos { chunk, row: 0 }.min(m.max_top());
            }
        }
        Focus::Quotes => {
            let q = m
                .analysis
                .as_ref()
                .and_then(|a| a.quotes.get(m.quote_cursor))
                .map(|q| q.range());
            if let Some(r) = q {
                close_covering(m);
                jump_to(m, r.start);
                m.flash = Some(r);
            }
        }
        Focus::Entities => {
            if let Some(EntityRow::Entity(e)) = m.entity_rows.get(m.entity_cursor).copied() {
                let top = m.top_offset();
                let mentions = m
                    .analysis
                    .as_ref()
                    .map(|a| a.mentions(e))
                    .unwrap_or_default();
                if mentions.is_empty() {
                    return;
                }
                let mention = match m.nav {
                    Nav::Mentions { entity, mention } if entity == e => {
                        (mention + 1) % mentions.len()
                    }
                    _ => mentions.iter().position(|x| x.start >= top).unwrap_or(0),
                };
                m.nav = Nav::Mentions { entity: e, mention };
                let r = mentions[mention].clone();
                close_covering(m);
                jump_to(m, r.start);
                m.flash = Some(r);
            }
        }
        Focus::Article => {}
    }
}

/// A jump from what covers the article closes it, so that the article shows.
fn close_covering(m: &mut Model) {
    if m.layout().covering.is_some() {
        close_cover(m);
    }
}

fn clear_search(m: &mut Model) {
    let generation = m.search.generation + 1;
    m.search = super::model::Search {
        generation,
        ..Default::default()
    };
}

/// Finds the first match from where the search started (wrapping to the top) and shows it;
/// counting all matches is left to the background.
fn run_search(m: &mut Model) {
    m.search.query = Query::new(&m.search.input);
    m.search.generation += 1;
    m.search.all = None;
    m.search.count_wanted = m.search.active();
    let body = m.doc.body();
    let text = &m.doc.article.text;
    let q = &m.search.query;
    let origin = m.search.origin.clamp(body.start, body.end);
    // Look only a few megabytes ahead while typing; the background count finds the first
    // match further away (and then shows it).
    let window = |from: usize, to: usize| {
        let mut end = to.min(from.saturating_add(SEARCH_WINDOW));
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        q.find(&text[..end], from)
    };
    let found = window(origin, body.end).or_else(|| window(body.start, origin));
    let failed = found.is_none();
    m.search.current = found;
    if failed {
        // Where a shorter query had moved to is no answer: back to where the search started.
        m.top = m.pos_of_offset(m.search.origin, 0);
    }
    show_current_match(m);
}

fn show_current_match(m: &mut Model) {
    if let Some(r) = m.search.current.clone() {
        // Only move when the match is not already on screen.
        let visible = m.visible_rows();
        let on_screen = match (visible.first(), visible.last()) {
            (Some(a), Some(b)) => {
                let p = m.pos_of_offset(r.start, 0);
                *a <= p && p <= *b
            }
            _ => false,
        };
        if !on_screen {
            jump_to(m, r.start);
        }
    }
}

fn step(m: &mut Model, forward: bool) {
    match m.nav {
        Nav::Mentions { entity, mention } => {
            let Some(mentions) = m.analysis.as_ref().map(|a| a.mentions(entity)) else {
                return;
            };
            let n = mentions.len();
            if n == 0 {
                return;
            }
            let mention = if forward {
                (mention + 1) % n
            } else {
                (mention + n - 1) % n
            };
            m.nav = Nav::Mentions { entity, mention };
            let r = mentions[mention].clone();
            jump_to(m, r.start);
            m.flash = Some(r);
        }
        Nav::Search => {
            let Some(cur) = m.search.current.clone() else {
                return;
            };
            let body = m.doc.body();
            let text = &m.doc.article.text[..body.end];
            let q = &m.search.query;
            let next = if forward {
                q.find(text, cur.start + 1)
                    .or_else(|| q.find(text, body.start))
            } else {
                q.rfind(text, cur.start).or_else(|| q.rfind(text, body.end))
            };
            m.search.current = next;
            show_current_match(m);
        }
    }
}

/// Whether (column, row) lies inside `r`.
fn inside(r: ratatui::layout::Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

/// The region under the pointer: what covers the article comes first.
fn region_at(m: &Model, column: u16, row: u16) -> Option<Focus> {
    let l = m.layout();
    let at = |r: Option<ratatui::layout::Rect>| r.is_some_and(|r| inside(r, column, row));
    if at(l.toc) {
        Some(Focus::Toc)
    } else if at(l.quotes) {
        Some(Focus::Quotes)
    } else if at(l.entities) {
        Some(Focus::Entities)
    } else if l.covering.is_none() && inside(l.article, column, row) {
        Some(Focus::Article)
    } else {
        None
    }
}

fn click(m: &mut Model, column: u16, row: u16) {
    match region_at(m, column, row) {
        Some(Focus::Toc) => {
            let Some(toc) = m.layout().toc else { return };
            // Row 0 is the title; entries follow, as the view shows them.
            let below_title = row.saturating_sub(toc.y + 1) as usize;
            if row > toc.y {
                if let Some(entry) = crate::ui::toc::entry_at(m, toc, below_title) {
                    m.focus = Focus::Toc;
                    m.toc_cursor = entry;
                    activate(m);
                }
            }
        }
        Some(Focus::Article) => m.focus = Focus::Article,
        _ => {}
    }
}

/// The wheel scrolls what is under the pointer: the article, or a list (its cursor moves and
/// the list follows it).
fn wheel(m: &mut Model, column: u16, row: u16, delta: isize) {
    match region_at(m, column, row) {
        Some(Focus::Article) => scroll(m, delta),
        Some(list) if m.overlay == Overlay::None => {
            if list == Focus::Toc && m.focus != Focus::Toc {
                m.toc_cursor = m.current_section().map_or(0, |s| s + 1);
            }
            m.focus = list;
            line(m, delta);
        }
        _ => {}
    }
}

/// Switches the interface language and, where a version exists, the article.
pub fn set_language(m: &mut Model, lang: Lang) {
    m.i18n = I18n::new(lang);
    m.chosen_lang = Some(lang);
    let section = m.current_section();
    let current_is_lang =
        m.version == Some(lang) || (m.version.is_none() && m.doc.language.lang == lang);
    // A web page names its versions (hreflang): that one opens, fetched if need be.
    let target = m
        .doc
        .article
        .languages
        .iter()
        .find(|l| l.lang == Some(lang))
        .and_then(|l| l.target.clone());
    if let Some(source) = target.and_then(|t| input::resolve(&link_base(m), &t)) {
        if !current_is_lang && m.loading.is_none() {
            update(
                m,
                Action::Open(super::load::Request {
                    source,
                    version: Some(lang),
                    section,
                }),
            );
        }
        return;
    }
    let version = match &m.source {
        Source::Sample => if lang == Lang::Nl {
            Some(input::SAMPLE)
        } else {
            input::SAMPLE_VERSIONS
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, t)| *t)
        }
        .map(|t| t.as_bytes().to_vec()),
        Source::File(p) => input::version_path(p, lang)
            .filter(|v| v.is_file())
            .and_then(|v| input::read(&Source::File(v)).ok()),
        Source::Stdin | Source::Url(_) => None,
    };
    match version.and_then(|b| input::open(b).ok()) {
        Some(doc) if !current_is_lang => {
            m.doc = doc;
            m.version = Some(lang);
            document_replaced(m, section);
        }
        _ => {}
    }
}
