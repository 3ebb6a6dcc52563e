//! The feed list: each subscription with its unread and total counts, tags, and when it was
//! last refreshed (or why that failed). Also the header and status bar of the feed screens.

use super::list::{first_row, header_line};
use super::text::{fit, spread};
use super::theme::Theme;
use crate::app::feeds::{feed_name, Feeds};
use crate::app::Model;
use crate::feeds::refresh::Failure;
use crate::feeds::store::FeedRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// Draws the feed list or an item list, whichever `f` shows.
pub fn draw(m: &Model, f: &Feeds, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let list = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status_row = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    let header_row = Rect::new(area.x, area.y, area.width, 1);
    match (f.screen, &f.items) {
        (crate::app::feeds::Screen::Items, Some(items)) => {
            super::items::render(m, items, theme, header_row, list, buf);
        }
        _ => render(m, f, theme, header_row, list, buf),
    }
    status(m, f, theme, status_row, buf);
    if f.help {
        help(m, area, buf);
    }
}

/// The keys of the feed screens, in a box over the list.
fn help(m: &Model, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Block, Clear, Widget};
    const IDS: [&str; 10] = [
        "feeds-help-move",
        "feeds-help-page",
        "feeds-help-open",
        "feeds-help-back",
        "feeds-help-refresh",
        "feeds-help-unread",
        "feeds-help-all-read",
        "feeds-help-star",
        "feeds-help-search",
        "feeds-help-quit",
    ];
    let lines: Vec<String> = IDS.iter().map(|id| m.i18n.tr(id)).collect();
    let title = m.i18n.tr("help-title");
    let w = (lines.iter().map(|l| l.width()).max().unwrap_or(10) + 4).min(area.width as usize);
    let h = (lines.len() + 2).min(area.height as usize);
    let r = Rect::new(
        area.x + (area.width - w as u16) / 2,
        area.y + (area.height - h as u16) / 2,
        w as u16,
        h as u16,
    );
    Clear.render(r, buf);
    let block = Block::bordered().title(fit(&title, w.saturating_sub(4)));
    let inner = block.inner(r);
    block.render(r, buf);
    for (k, l) in lines.iter().enumerate().take(inner.height as usize) {
        let width = inner.width.saturating_sub(1) as usize;
        buf.set_stringn(
            inner.x + 1,
            inner.y + k as u16,
            fit(l, width),
            width,
            Style::new(),
        );
    }
}

/// When a feed was last refreshed: the time today, else the date (local time).
pub fn when(seconds: i64, now: i64) -> String {
    use chrono::{Local, TimeZone};
    let (Some(t), Some(n)) = (
        Local.timestamp_opt(seconds, 0).single(),
        Local.timestamp_opt(now, 0).single(),
    ) else {
        return String::new();
    };
    if t.date_naive() == n.date_naive() {
        t.format("%H:%M").to_string()
    } else {
        t.format("%Y-%m-%d").to_string()
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// One feed as a line of `width` columns.
/// The counts of a feed, `(unread/total)`.
fn counts(r: &FeedRow) -> String {
    format!("({}/{})", r.unread, r.total)
}

/// One feed as a line of `width` columns, its counts right-aligned in `counts_width`.
pub fn feed_line(m: &Model, r: &FeedRow, counts_width: usize, width: usize, now: i64) -> String {
    let counts = format!("{:>counts_width$}", counts(r));
    let left = format!(" {counts} {}", feed_name(r));
    let mut right = Vec::new();
    if !r.tags.is_empty() {
        right.push(r.tags.join(", "));
    }
    match (&r.error, r.last_refresh) {
        (Some(code), _) => right.push(format!("! {}", Failure::from_code(code).message(&m.i18n))),
        (None, Some(t)) => right.push(when(t, now)),
        (None, None) => right.push(m.i18n.tr("feeds-never")),
    }
    spread(&left, &format!("{} ", right.join("  ")), width)
}

fn render(m: &Model, f: &Feeds, theme: &Theme, header: Rect, area: Rect, buf: &mut Buffer) {
    let i = &m.i18n;
    let unread: usize = f.rows.iter().map(|r| r.unread).sum();
    let title = i.tr_n("feeds-title", "count", f.rows.len());
    let right = i.tr_n("feeds-unread", "count", unread);
    header_line(&title, &right, theme, header, buf);
    let width = header.width as usize;
    let rows = area.height as usize;
    let first = first_row(f.cursor, f.rows.len(), rows);
    let now = now();
    let counts_width = f.rows.iter().map(|r| counts(r).len()).max().unwrap_or(0);
    for (k, r) in f.rows.iter().enumerate().skip(first).take(rows) {
        let y = area.y + (k - first) as u16;
        let mut style = Style::new();
        if r.unread > 0 {
            style = style.add_modifier(Modifier::BOLD);
        }
        if r.error.is_some() {
            style = style.patch(theme.marker());
        }
        if k == f.cursor {
            style = style.patch(theme.selected(true));
        }
        buf.set_stringn(
            area.x,
            y,
            feed_line(m, r, counts_width, width, now),
            width,
            style,
        );
    }
}

/// The bottom line: the search being typed, else the refresh's progress and news, and the
/// keys of the screen.
fn status(m: &Model, f: &Feeds, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let i = &m.i18n;
    let width = area.width as usize;
    let line = if let Some(words) = &f.search {
        spread(
            &format!(" {} {words}▏", i.tr("feeds-search-prompt")),
            &format!("{} ", i.tr("feeds-search-hint")),
            width,
        )
    } else {
        let mut parts = Vec::new();
        if let Some(p) = &f.refresh {
            parts.push(i.tr_args(
                "feeds-refreshing",
                &[
                    ("done", (p.done.feeds as f64).into()),
                    ("total", (p.total as f64).into()),
                ],
            ));
        }
        if let Some(n) = &f.notice {
            parts.push(n.clone());
        }
        let hint = match f.screen {
            crate::app::feeds::Screen::Items => i.tr("items-hint"),
            _ => i.tr("feeds-hint"),
        };
        let left = format!(" {}", parts.join(" · "));
        // News comes before the keys' hint, which shows where there is room.
        let hint = format!("{hint} ");
        if left.width() + hint.width() < width || parts.is_empty() {
            spread(&left, &hint, width)
        } else {
            left
        }
    };
    buf.set_stringn(area.x, area.y, fit(&line, width), width, theme.status());
}
