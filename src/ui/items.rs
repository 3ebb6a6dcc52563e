//! An item list (a feed's items, or a search's): unread and starred marks, date, title and the
//! feed it comes from.

use super::list::{first_row, header_line};
use super::text::spread;
use super::theme::Theme;
use crate::app::feeds::ItemList;
use crate::app::Model;
use crate::feeds::store::ItemRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// One item as a line of `width` columns; `source` adds the feed's name at the right.
pub fn item_line(r: &ItemRow, untitled: &str, source: bool, width: usize) -> String {
    let unread = if r.read { ' ' } else { '●' };
    let star = if r.starred { '★' } else { ' ' };
    let date = r
        .published
        .as_deref()
        .and_then(|d| d.get(..10))
        .unwrap_or("          ");
    let title = r.title.as_deref().unwrap_or(untitled);
    let left = format!(" {unread}{star} {date}  {title}");
    let right = if source {
        format!("{} ", r.feed_title)
    } else {
        String::new()
    };
    spread(&left, &right, width)
}

pub fn render(
    m: &Model,
    list: &ItemList,
    theme: &Theme,
    header: Rect,
    area: Rect,
    buf: &mut Buffer,
) {
    let i = &m.i18n;
    let width = header.width as usize;
    let unread = list.rows.iter().filter(|r| !r.read).count();
    let title = match list.feed {
        Some(_) => list.title.clone(),
        None => i.tr_s("feeds-search-title", "query", &list.title),
    };
    let right = format!(
        "{} · {}",
        i.tr_n("items-count", "count", list.rows.len()),
        i.tr_n("feeds-unread", "count", unread)
    );
    header_line(&title, &right, theme, header, buf);
    if list.rows.is_empty() {
        let msg = match (list.loading, list.feed) {
            (true, _) => i.tr("feeds-loading"),
            (false, Some(_)) => i.tr("items-empty"),
            (false, None) => i.tr("feeds-search-none"),
        };
        buf.set_stringn(
            area.x + 1,
            area.y,
            msg,
            width.saturating_sub(1),
            theme.dim(),
        );
        return;
    }
    let untitled = i.tr("items-untitled");
    let rows = area.height as usize;
    let first = first_row(list.cursor, list.rows.len(), rows);
    // The source is named in a search's results, and beside every item where there is room.
    let source = list.feed.is_none() || width >= 100;
    for (k, r) in list.rows.iter().enumerate().skip(first).take(rows) {
        let y = area.y + (k - first) as u16;
        let mut style = Style::new();
        if !r.read {
            style = style.add_modifier(Modifier::BOLD);
        }
        if k == list.cursor {
            style = style.patch(theme.selected(true));
        }
        buf.set_stringn(
            area.x,
            y,
            item_line(r, &untitled, source, width),
            width,
            style,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn an_item_line_fills_its_width() {
        let r = ItemRow {
            id: 1,
            feed: 1,
            feed_title: "De Krant".into(),
            title: Some("Dijk versterkt".into()),
            published: Some("2026-12-01T08:00:00Z".into()),
            read: false,
            starred: true,
        };
        let line = item_line(&r, "-", true, 60);
        assert_eq!(line.width(), 60);
        assert!(line.starts_with(" ●★ 2026-12-01  Dijk versterkt"), "{line}");
        assert!(line.ends_with("De Krant "), "{line}");
        let read = ItemRow {
            read: true,
            starred: false,
            title: None,
            published: None,
            ..r
        };
        let line = item_line(&read, "(untitled)", false, 40);
        assert_eq!(line.trim_end(), format!("{}(untitled)", " ".repeat(16)));
    }
}
