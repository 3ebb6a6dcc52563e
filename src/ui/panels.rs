//! The quotes and entities panels.

use super::text::fit;
use super::theme::Theme;
use crate::analysis::EntityKind;
use crate::app::model::EntityRow;
use crate::app::{Focus, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

fn kind_id(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "kind-person",
        EntityKind::Organization => "kind-organization",
        EntityKind::Place => "kind-place",
        EntityKind::Other => "kind-other",
        EntityKind::Money => "kind-money",
        EntityKind::Number => "kind-number",
        EntityKind::Date => "kind-date",
    }
}

fn first_visible(cursor: usize, n: usize, rows: usize) -> usize {
    cursor
        .saturating_sub(rows / 2)
        .min(n.saturating_sub(rows.max(1)))
}

fn frame(theme: &Theme, area: Rect, buf: &mut Buffer, title: &str, focused: bool) -> Option<Rect> {
    if area.height < 2 || area.width < 4 {
        return None;
    }
    for y in area.y..area.y + area.height {
        buf.set_string(area.x, y, "│", theme.dim());
    }
    let w = area.width - 2;
    buf.set_stringn(
        area.x + 2,
        area.y,
        fit(title, w as usize),
        w as usize,
        theme.title(focused),
    );
    Some(Rect::new(area.x + 2, area.y + 1, w, area.height - 1))
}

/// "Analysing…" until the first results arrive, then "nothing found" for an empty list.
fn placeholder(m: &Model, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let id = if m.analysis.is_none() {
        "panel-analysing"
    } else {
        "panel-empty"
    };
    let width = inner.width as usize;
    buf.set_stringn(
        inner.x,
        inner.y,
        fit(&m.i18n.tr(id), width),
        width,
        theme.dim(),
    );
}

pub fn render_quotes(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = m.focus == Focus::Quotes;
    let quotes = m.analysis.as_ref().map_or(0, |a| a.quotes.len());
    let title = m.i18n.tr_n("quotes-title", "count", quotes);
    let Some(inner) = frame(theme, area, buf, &title, focused) else {
        return;
    };
    let width = inner.width as usize;
    let Some(a) = m.analysis.as_ref().filter(|_| quotes > 0) else {
        placeholder(m, theme, inner, buf);
        return;
    };
    // Two rows per quote: the speaker, then the quote shortened to fit.
    let per = 2usize;
    let fits = (inner.height as usize / per).max(1);
    let first = first_visible(m.quote_cursor, a.quotes.len(), fits);
    for (i, q) in a.quotes.iter().enumerate().skip(first).take(fits) {
        let y = inner.y + ((i - first) * per) as u16;
        let selected = i == m.quote_cursor;
        let speaker = q
            .speaker
            .as_ref()
            .map_or_else(|| m.i18n.tr("speaker-unknown"), |s| s.name.to_string());
        let sel = if selected {
            theme.selected(focused)
        } else {
            Style::new()
        };
        buf.set_stringn(
            inner.x,
            y,
            fit(&speaker, width),
            width,
            theme.entity(EntityKind::Person).patch(sel),
        );
        if y + 1 < inner.y + inner.height {
            let quoted = m.doc.article.text.get(q.range()).unwrap_or("");
            let text = fit(&format!("  {}", m.i18n.quoted(quoted)), width);
            buf.set_stringn(inner.x, y + 1, text, width, sel);
        }
    }
}

pub fn render_entities(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = m.focus == Focus::Entities;
    let count = m.analysis.as_ref().map_or(0, |a| a.entities.len());
    let title = m.i18n.tr_n("entities-title", "count", count);
    let Some(inner) = frame(theme, area, buf, &title, focused) else {
        return;
    };
    let width = inner.width as usize;
    let Some(a) = m.analysis.as_ref().filter(|_| !m.entity_rows.is_empty()) else {
        placeholder(m, theme, inner, buf);
        return;
    };
    let rows = inner.height as usize;
    let first = first_visible(m.entity_cursor, m.entity_rows.len(), rows);
    for (i, row) in m.entity_rows.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        match row {
            EntityRow::Kind(k) => {
                buf.set_stringn(
                    inner.x,
                    y,
                    fit(&m.i18n.tr(kind_id(*k)), width),
                    width,
                    theme.title(false),
                );
            }
            EntityRow::Entity(e) => {
                let Some(ent) = a.entities.get(*e) else {
                    continue;
                };
                let count = format!("{}", ent.count);
                let name = match &ent.value {
                    Some(v)
                        if !matches!(
                            ent.kind,
                            EntityKind::Person
                                | EntityKind::Organization
                                | EntityKind::Place
                                | EntityKind::Other
                        ) && **v != *ent.name =>
                    {
                        format!("  {} = {v}", ent.name)
                    }
                    _ => format!("  {}", ent.name),
                };
                let line = super::text::spread(&name, &count, width);
                let mut style = theme.entity(ent.kind);
                if i == m.entity_cursor {
                    style = style.patch(theme.selected(focused));
                }
                buf.set_stringn(inner.x, y, line, width, style);
            }
        }
    }
}
