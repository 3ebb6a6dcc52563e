//! The table of contents: the beginning, then one entry per section; the section being read
//! is marked, the cursor shown when the contents have focus. An entry too long for the column
//! takes a second row.

use super::text::fit;
use super::theme::Theme;
use super::toc_width::MARK;
use crate::app::{Focus, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// The title of entry `entry` (0 is the beginning), if there is one.
fn title(m: &Model, entry: usize) -> Option<String> {
    if entry == 0 {
        return Some(m.i18n.tr("toc-lead"));
    }
    let a = &m.doc.article;
    a.sections
        .get(entry - 1)
        .map(|s| a.section_title(s).to_owned())
}

/// The rows of one entry at `width` columns (mark included): one, or two when the title is
/// longer, the second cut with `…` if still too long.
fn entry_rows(title: &str, width: usize) -> Vec<String> {
    let room = width.saturating_sub(MARK).max(1);
    let title = crate::article::sanitize::one_line(title);
    if title.width() <= room {
        return vec![title.into_owned()];
    }
    // The first row as wrapped; the second is the rest of the title as written.
    let first = textwrap::wrap(&title, room)
        .first()
        .map_or(0, |l| l.len())
        .min(title.len());
    let first = title.floor_char_boundary(first);
    let rest = title[first..].trim_start();
    vec![fit(&title[..first], room), fit(rest, room)]
}

/// The entry at the middle of the list: the cursor when focused, else the section read.
fn anchor(m: &Model) -> usize {
    if m.focus == Focus::Toc {
        m.toc_cursor
    } else {
        m.current_section().map_or(0, |s| s + 1)
    }
}

/// The rows shown in `rows` rows of `width` columns, each with its entry, the anchor near the
/// middle and the list's end at the bottom once reached. Only the entries shown are measured.
pub fn visible(m: &Model, width: usize, rows: usize) -> Vec<(usize, String)> {
    let n = m.doc.article.sections.len() + 1;
    let lines = |e: usize| title(m, e).map_or(Vec::new(), |t| entry_rows(&t, width));
    let anchor = anchor(m).min(n - 1);
    // Back from the anchor for half the rows.
    let mut first = anchor;
    let mut above = 0;
    while first > 0 {
        let h = lines(first - 1).len();
        if above + h > rows / 2 {
            break;
        }
        above += h;
        first -= 1;
    }
    let mut out: Vec<(usize, String)> = Vec::with_capacity(rows);
    let mut e = first;
    while out.len() < rows && e < n {
        out.extend(lines(e).into_iter().map(|l| (e, l)));
        e += 1;
    }
    out.truncate(rows);
    // The end of the list reached with rows to spare: show earlier entries above.
    while out.len() < rows && first > 0 {
        let earlier = lines(first - 1);
        if out.len() + earlier.len() > rows {
            break;
        }
        first -= 1;
        out.splice(0..0, earlier.into_iter().map(|l| (first, l)));
    }
    out
}

/// The entry shown at `row` rows below the title, if any.
pub fn entry_at(m: &Model, area: Rect, row: usize) -> Option<usize> {
    let (width, rows) = inner(area);
    visible(m, width, rows).get(row).map(|(e, _)| *e)
}

/// Columns and rows for the entries: the title row, the separator and a space before it
/// excluded.
fn inner(area: Rect) -> (usize, usize) {
    (
        area.width.saturating_sub(2) as usize,
        area.height.saturating_sub(1) as usize,
    )
}

pub fn render(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 2 {
        return;
    }
    let focused = m.focus == Focus::Toc;
    let (width, rows) = inner(area);
    buf.set_stringn(
        area.x,
        area.y,
        fit(&m.i18n.tr("toc-title"), width),
        width,
        theme.title(focused),
    );
    let current = m.current_section().map_or(0, |s| s + 1);
    let mut prev = None;
    for (i, (entry, line)) in visible(m, width, rows).into_iter().enumerate() {
        let first_row = prev != Some(entry);
        prev = Some(entry);
        let mark = if entry == current && first_row {
            "▸ "
        } else {
            "  "
        };
        let mut style = if entry == current {
            theme.current()
        } else {
            Style::new()
        };
        if focused && entry == m.toc_cursor {
            style = style.patch(theme.selected(true));
        }
        let text = fit(&format!("{mark}{line}"), width);
        let pad = width.saturating_sub(text.width());
        buf.set_stringn(
            area.x,
            area.y + 1 + i as u16,
            format!("{text}{}", " ".repeat(pad)),
            width,
            style,
        );
    }
    // A separator on the right edge.
    for y in area.y..area.y + area.height {
        buf.set_string(area.x + area.width - 1, y, "│", theme.dim());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_entries_take_two_rows_and_are_cut_after() {
        assert_eq!(entry_rows("Kort", 20), vec!["Kort"]);
        let rows = entry_rows(
            "Versterking van de alliantie tussen de VS en Zuid-Korea",
            24,
        );
        assert_eq!(rows, vec!["Versterking van de", "alliantie tussen de V…"]);
        // A hyphen may end the first row; the second goes on without a space.
        let rows = entry_rows("Versterking VS-Zuid-Korea-alliantie", 22);
        assert_eq!(rows, vec!["Versterking VS-Zuid-", "Korea-alliantie"]);
        for r in &rows {
            assert!(r.width() <= 22);
        }
    }
}
