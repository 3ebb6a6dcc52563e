//! Wrapping one piece of article text for display, keeping the map back to raw offsets.

use crate::article::sanitize::{map_offset, sanitize, Breaks, Neutralised};
use std::ops::Range;
use textwrap::core::{break_words, Fragment};
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;

/// A piece of text wrapped to a width: the display text and its rows (display byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub display: String,
    /// (raw offset, display offset) change points, see [`crate::article::sanitize::Sanitized`].
    pub map: Vec<(usize, usize)>,
    pub rows: Vec<Range<usize>>,
    pub neutralised: Neutralised,
}

impl Wrapped {
    /// Display offset of a raw offset (both relative to the wrapped piece).
    pub fn to_display(&self, raw: usize) -> usize {
        map_offset(&self.map, raw, false).min(self.display.len())
    }

    /// Raw offset of the start of display offset `disp` (inverse of [`Self::to_display`]).
    pub fn to_raw(&self, disp: usize) -> usize {
        map_offset(&self.map, disp, true)
    }

    /// The row holding display offset `disp`.
    pub fn row_of(&self, disp: usize) -> usize {
        self.rows
            .partition_point(|r| r.end <= disp && r.end != r.start)
            .min(self.rows.len().saturating_sub(1))
    }
}

/// Wraps `raw` at `width` columns (at least 1). Long words are broken.
pub fn wrap(raw: &str, breaks: Breaks, width: usize) -> Wrapped {
    let s = sanitize(raw, breaks);
    let display = s.text.into_owned();
    let width = width.max(1);
    let mut rows = Vec::new();
    let base = display.as_ptr() as usize;
    let mut line_start = 0;
    for line in display.split('\n') {
        let words = WordSeparator::AsciiSpace.find_words(line);
        let words: Vec<_> = break_words(words, width);
        if words.is_empty() {
            rows.push(line_start..line_start);
        }
        for row in wrap_first_fit(&words, &[width as f64]) {
            if let (Some(first), Some(last)) = (row.first(), row.last()) {
                let start = first.word.as_ptr() as usize - base;
                let end = last.word.as_ptr() as usize - base + last.word.len();
                rows.push(start..end);
                debug_assert!(first.width() >= 0.0);
            }
        }
        line_start += line.len() + 1;
    }
    if rows.is_empty() {
        rows.push(0..0);
    }
    Wrapped {
        display,
        map: s.map,
        rows,
        neutralised: s.neutralised,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn rows_fit_and_cover_words() {
        let text = "De Verenigde Staten hebben de spanningen met Noord-Korea opgevoerd door sancties op te leggen.";
        let w = wrap(text, Breaks::Keep, 30);
        assert!(w.rows.len() > 2);
        for r in &w.rows {
            assert!(
                w.display[r.clone()].width() <= 30,
                "{:?}",
                &w.display[r.clone()]
            );
        }
        let joined: Vec<&str> = w.rows.iter().map(|r| &w.display[r.clone()]).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn long_words_break_and_wide_chars_count_double() {
        let w = wrap(&"x".repeat(25), Breaks::Keep, 10);
        assert_eq!(w.rows.len(), 3);
        let w = wrap("漢字漢字漢字漢字", Breaks::Keep, 6);
        for r in &w.rows {
            assert!(w.display[r.clone()].width() <= 6);
        }
    }

    #[test]
    fn hard_breaks_and_mapping() {
        let w = wrap("een\u{2028}twee\x1bdrie", Breaks::Keep, 40);
        assert_eq!(w.rows.len(), 2);
        assert_eq!(&w.display[w.rows[1].clone()], "twee␛drie");
        let raw_drie = "een\u{2028}twee\x1b".len();
        assert!(w.display[w.to_display(raw_drie)..].starts_with("drie"));
        assert_eq!(w.to_raw(w.to_display(raw_drie)), raw_drie);
    }

    #[test]
    fn empty_text_has_one_row() {
        assert_eq!(wrap("", Breaks::Keep, 10).rows.len(), 1);
    }
}
