//! Small functions for fitting text into columns.

use crate::article::sanitize::one_line;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` made safe and cut to at most `width` columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    let s = one_line(s);
    if s.width() <= width {
        return s.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width - 1 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// `left` and `right` on one line of `width` columns, `left` cut first.
pub fn spread(left: &str, right: &str, width: usize) -> String {
    let right = fit(right, width);
    let rw = right.width();
    let room = width.saturating_sub(rw + 1);
    let left = fit(left, room);
    let pad = width.saturating_sub(left.width() + rw);
    format!("{left}{}{right}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("a\x1bb", 10), "a␛b");
        assert_eq!(spread("left", "right", 12), "left   right");
        assert_eq!(spread("a long left part", "right", 12).width(), 12);
        assert_eq!(spread("x", "much too long right", 5).width(), 5);
    }
}
