//! The whole screen, drawn from the model.

use super::text::{fit, spread};
use super::theme::Theme;
use super::{article, panels, toc};
use crate::app::model::Overlay;
use crate::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn view(m: &Model, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    draw(m, theme, area, frame.buffer_mut());
}

pub fn draw(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // A model laid out for a larger screen than the buffer (a resize not yet taken in) would
    // draw past its edge: nothing is drawn until the sizes agree.
    if area.width < m.width || area.height < m.height {
        return;
    }
    let l = m.layout();
    if l.too_small {
        let msg = m.i18n.tr_args(
            "too-small",
            &[("width", m.width.into()), ("height", m.height.into())],
        );
        for (i, chunk) in wrap_plain(&msg, area.width as usize)
            .into_iter()
            .enumerate()
        {
            if i as u16 >= area.height {
                break;
            }
            buf.set_stringn(
                area.x,
                area.y + i as u16,
                chunk,
                area.width as usize,
                Style::new(),
            );
        }
        return;
    }
    if let Some(f) = m
        .feeds
        .as_ref()
        .filter(|f| f.screen != crate::app::feeds::Screen::Reader)
    {
        super::feeds::draw(m, f, theme, area, buf);
        return;
    }
    if let Some(h) = l.header {
        header(m, theme, h, buf);
    }
    match l.covering {
        None => article::render(m, theme, l.text, buf),
        // What covers the article covers the whole body.
        Some(_) => {
            let body = Rect::new(0, l.article.y, area.width, l.article.height);
            Clear.render(body, buf);
        }
    }
    if let Some(t) = l
        .toc
        .filter(|_| l.covering != Some(crate::ui::layout::Cover::Panels))
    {
        toc::render(m, theme, t, buf);
    }
    if let Some(q) = l.quotes {
        panels::render_quotes(m, theme, q, buf);
    }
    if let Some(e) = l.entities {
        panels::render_entities(m, theme, e, buf);
    }
    status(m, theme, l.status, buf);
    match &m.overlay {
        Overlay::None => {}
        Overlay::Help => help(m, theme, area, buf),
        Overlay::Switcher { cursor } => switcher(m, theme, area, buf, *cursor),
        Overlay::Links { cursor } => links(m, theme, area, buf, *cursor),
    }
}

fn wrap_plain(s: &str, width: usize) -> Vec<String> {
    textwrap::wrap(s, width.max(1))
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

fn header(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let detected = m.doc.language;
    let name = match detected.known() {
        // A language outside the six: unknown, not the nearest of them.
        None => "?".to_owned(),
        Some(lang) => {
            let name = m.i18n.tr(&format!("lang-{}", lang.code()));
            if detected.confident {
                name
            } else {
                m.i18n.tr_s("header-language-guess", "language", &name)
            }
        }
    };
    let minutes = m
        .i18n
        .tr_n("header-reading-time", "minutes", m.doc.reading_minutes());
    // Nothing to say of an article still downloading.
    let right = match m.opening {
        true => String::new(),
        false => format!(" {name} · {minutes} "),
    };
    let width = area.width as usize;
    // Only as much of the lead as a line can show (a lead may be megabytes long).
    let lead = m.doc.article.lead();
    let lead = match lead.char_indices().nth(width * 4 + 16) {
        Some((i, _)) => format!(" {}…", &lead[..i]),
        None => format!(" {lead}"),
    };
    let lead = fit(&lead, usize::MAX);
    // Byline and dateline (a web page: its byline, site and date), dimmed after the title,
    // when they fit whole.
    let a = &m.doc.article;
    let page = m.doc.source_meta.as_ref();
    let date = page
        .and_then(|p| p.published.as_deref())
        .map(|d| d.get(..10).unwrap_or(d));
    let meta = fit(
        &[
            a.byline().or(page.and_then(|p| p.byline.as_deref())),
            a.dateline(),
            page.and_then(|p| p.site.as_deref()),
            date,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "),
        usize::MAX,
    );
    let room = width.saturating_sub(fit(&right, width).width() + 1);
    let meta_at = lead.width() + 2;
    let show_meta = !meta.is_empty() && meta_at + meta.width() <= room;
    let left = if show_meta {
        format!("{lead}  {meta}")
    } else {
        lead
    };
    buf.set_stringn(
        area.x,
        area.y,
        spread(&left, &right, width),
        width,
        theme.header(),
    );
    if show_meta {
        buf.set_stringn(
            area.x + meta_at as u16,
            area.y,
            &meta,
            meta.width(),
            theme.header_meta(),
        );
    }
}

fn status(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let i = &m.i18n;
    let counting = m.search.all.is_none();
    let counter = || match m.search.position() {
        None if m.search.current.is_none() && !counting => i.tr("search-none"),
        Some((k, n, capped)) => {
            let total = if capped {
                format!("{n}+")
            } else {
                n.to_string()
            };
            i.tr_args(
                "search-count",
                &[("current", k.into()), ("total", total.into())],
            )
        }
        None => i.tr_args(
            "search-count",
            &[("current", "…".into()), ("total", "…".into())],
        ),
    };
    let left = if m.search.editing {
        let count = if m.search.input.is_empty() {
            i.tr("search-hint")
        } else {
            counter()
        };
        format!("{} {}▏  {count}", i.tr("search-prompt"), m.search.input)
    } else {
        let sections = m.doc.article.sections.len();
        let section = match m.current_section() {
            Some(s) => i.tr_args(
                "status-section",
                &[("current", (s + 1).into()), ("total", sections.into())],
            ),
            None if sections == 0 => i.tr("status-no-sections"),
            None => i.tr("toc-lead"),
        };
        let mut parts = Vec::new();
        if let Some(l) = &m.loading {
            parts.push(i.tr_args(
                "loading",
                &[
                    ("url", l.request.source.label().into()),
                    ("kilobytes", ((l.received >> 10) as f64).into()),
                ],
            ));
        }
        if !m.opening {
            parts.push(section);
        }
        match &m.growing {
            _ if m.opening => {}
            // Where the reader is in the article is not known before the whole is.
            Some(g) => parts.push(i.tr_n("status-opening", "percent", g.percent)),
            None => parts.extend([
                i.tr_n("status-percent", "percent", m.percent()),
                i.tr_n("status-left", "minutes", m.minutes_left()),
            ]),
        }
        if m.search.active() {
            parts.push(counter());
        }
        if !m.analysis_done && m.growing.is_none() && !m.opening {
            parts.push(i.tr_n("status-analysing", "percent", m.analysis_progress));
        }
        if !m.highlight {
            parts.push(i.tr("status-highlight-off"));
        }
        let neutralised = m.neutralised();
        if neutralised > 0 {
            parts.push(i.tr_n("status-neutralised", "count", neutralised));
        }
        if m.doc.replaced > 0 {
            parts.push(i.tr_n("status-replaced", "count", m.doc.replaced));
        }
        if let Some(n) = &m.notice {
            parts.push(n.clone());
        }
        parts.join(" · ")
    };
    let line = spread(
        &format!(" {left}"),
        &format!(
            "{} ",
            // An item read from a feed: q goes back to its list.
            i.tr(match m.feeds {
                Some(_) => "feeds-reader-hints",
                None => "status-hints",
            })
        ),
        width,
    );
    buf.set_stringn(area.x, area.y, line, width, theme.status());
}

/// A centred box of `w`×`h` (clamped to the screen), cleared.
fn popup(area: Rect, w: u16, h: u16, buf: &mut Buffer) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    r
}

fn help(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    const IDS: [&str; 15] = [
        "help-line",
        "help-page",
        "help-half",
        "help-ends",
        "help-sections",
        "help-focus",
        "help-enter",
        "help-toc",
        "help-panels",
        "help-highlight",
        "help-search",
        "help-language",
        "help-links",
        "help-back",
        "help-quit",
    ];
    let lines: Vec<String> = IDS
        .iter()
        .map(|&id| match id {
            // An item read from a feed: q goes back to its list.
            "help-quit" if m.feeds.is_some() => m.i18n.tr("help-quit-feeds"),
            _ => m.i18n.tr(id),
        })
        .collect();
    let close = m.i18n.tr("help-close");
    let w = lines
        .iter()
        .chain([&close])
        .map(|l| l.width())
        .max()
        .unwrap_or(10) as u16
        + 4;
    let r = popup(area, w, lines.len() as u16 + 4, buf);
    let block = Block::bordered().title(fit(
        &m.i18n.tr("help-title"),
        r.width.saturating_sub(4) as usize,
    ));
    let inner = block.inner(r);
    block.render(r, buf);
    for (k, l) in lines.iter().chain([&close]).enumerate() {
        let y = inner.y + k as u16 + u16::from(k == lines.len());
        if y >= inner.y + inner.height {
            break;
        }
        let style = if k == lines.len() {
            theme.dim()
        } else {
            Style::new()
        };
        buf.set_stringn(
            inner.x + 1,
            y,
            fit(l, inner.width.saturating_sub(1) as usize),
            inner.width as usize,
            style,
        );
    }
}

/// The article's links: the text of each and where it leads, numbered; the list scrolls with
/// the cursor.
fn links(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer, cursor: usize) {
    let a = &m.doc.article;
    let title = m.i18n.tr_n("links-title", "count", a.links.len());
    let hint = m.i18n.tr("links-hint");
    let r = popup(
        area,
        area.width.saturating_sub(4).min(100),
        (a.links.len() as u16 + 4).min(area.height.saturating_sub(2)),
        buf,
    );
    let block = Block::bordered().title(fit(&title, r.width.saturating_sub(4) as usize));
    let inner = block.inner(r);
    block.render(r, buf);
    let rows = inner.height.saturating_sub(2) as usize;
    let first = cursor
        .saturating_sub(rows / 2)
        .min(a.links.len().saturating_sub(rows.max(1)));
    let width = inner.width as usize;
    for (k, l) in a.links.iter().enumerate().skip(first).take(rows) {
        let label = crate::article::sanitize::one_line(&a.text[l.range.clone()]).into_owned();
        let target = crate::article::sanitize::one_line(&l.href).into_owned();
        let number = if k < 9 {
            format!("{} ", k + 1)
        } else {
            "  ".to_owned()
        };
        let style = if k == cursor {
            theme.selected(true)
        } else {
            Style::new()
        };
        let y = inner.y + (k - first) as u16;
        let line = spread(&format!("{number}{label}"), &format!(" {target}"), width);
        buf.set_stringn(inner.x, y, line, width, style);
    }
    buf.set_stringn(
        inner.x,
        inner.y + inner.height.saturating_sub(1),
        fit(&hint, width),
        width,
        theme.dim(),
    );
}

fn switcher(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer, cursor: usize) {
    let entries = m.switcher_entries();
    let unavailable = m.i18n.tr("switcher-unavailable");
    let hint = m.i18n.tr("switcher-hint");
    let title = m.i18n.tr("switcher-title");
    let rows: Vec<String> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mark = if e.lang == Some(m.i18n.lang()) {
                "●"
            } else {
                " "
            };
            let extra = if e.lang.is_none() {
                format!(" ({unavailable})")
            } else {
                String::new()
            };
            format!("{mark} {} {}{extra}", i + 1, e.label)
        })
        .collect();
    let w = rows
        .iter()
        .chain([&hint, &title])
        .map(|l| l.width())
        .max()
        .unwrap_or(10) as u16
        + 4;
    let r = popup(area, w, rows.len() as u16 + 4, buf);
    let block = Block::bordered().title(fit(&title, r.width.saturating_sub(4) as usize));
    let inner = block.inner(r);
    block.render(r, buf);
    for (k, row) in rows.iter().enumerate() {
        let y = inner.y + k as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let mut style = if entries[k].lang.is_none() {
            theme.dim()
        } else {
            Style::new()
        };
        if k == cursor {
            style = style.patch(theme.selected(true));
        }
        buf.set_stringn(
            inner.x,
            y,
            fit(row, inner.width as usize),
            inner.width as usize,
            style,
        );
    }
    let y = inner.y + rows.len() as u16 + 1;
    if y < inner.y + inner.height {
        buf.set_stringn(
            inner.x,
            y,
            fit(&hint, inner.width as usize),
            inner.width as usize,
            theme.dim(),
        );
    }
}
