//! The table of contents: the beginning, then one entry per section; the section being read
//! is marked, the cursor shown when the contents have focus.

use super::text::fit;
use super::theme::Theme;
use crate::app::{Focus, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The first entry shown when `rows` entries fit.
pub fn first_visible(m: &Model, rows: usize) -> usize {
    let n = m.doc.article.sections.len() + 1;
    let anchor = if m.focus == Focus::Toc {
        m.toc_cursor
    } else {
        m.current_section().map_or(0, |s| s + 1)
    };
    anchor
        .saturating_sub(rows / 2)
        .min(n.saturating_sub(rows.max(1)))
}

pub fn render(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 2 {
        return;
    }
    let focused = m.focus == Focus::Toc;
    let width = area.width.saturating_sub(1) as usize;
    buf.set_stringn(
        area.x,
        area.y,
        fit(&m.i18n.tr("toc-title"), width),
        width,
        theme.title(focused),
    );
    let rows = area.height.saturating_sub(1) as usize;
    let first = first_visible(m, rows);
    let current = m.current_section().map_or(0, |s| s + 1);
    let sections = &m.doc.article.sections;
    for i in 0..rows {
        let entry = first + i;
        let title = if entry == 0 {
            m.i18n.tr("toc-lead")
        } else if let Some(s) = sections.get(entry - 1) {
            m.doc.article.section_title(s).to_owned()
        } else {
            break;
        };
        let mark = if entry == current { "▸ " } else { "  " };
        let mut style = if entry == current {
            theme.current()
        } else {
            Style::new()
        };
        if focused && entry == m.toc_cursor {
            style = style.patch(theme.selected(true));
        }
        let text = fit(&format!("{mark}{title}"), width);
        buf.set_stringn(area.x, area.y + 1 + i as u16, text, width, style);
    }
    // A separator on the right edge.
    for y in area.y..area.y + area.height {
        buf.set_string(area.x + area.width - 1, y, "│", theme.dim());
    }
}
