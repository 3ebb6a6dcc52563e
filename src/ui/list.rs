//! What the list screens share: the header line, and which rows of a list are shown.

use super::text::spread;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A list screen's header: its title on the left, its counts on the right.
pub fn header_line(title: &str, right: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    buf.set_stringn(
        area.x,
        area.y,
        spread(&format!(" {title}"), &format!("{right} "), width),
        width,
        theme.header(),
    );
}

/// The first row shown of a list of `len` rows in `rows` rows, the cursor kept in the middle.
pub fn first_row(cursor: usize, len: usize, rows: usize) -> usize {
    cursor
        .saturating_sub(rows / 2)
        .min(len.saturating_sub(rows.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_row_stays_in_view() {
        assert_eq!(first_row(0, 100, 10), 0);
        assert_eq!(first_row(50, 100, 10), 45);
        assert_eq!(first_row(99, 100, 10), 90);
        assert_eq!(first_row(3, 5, 10), 0);
        assert_eq!(first_row(0, 0, 0), 0);
    }
}
