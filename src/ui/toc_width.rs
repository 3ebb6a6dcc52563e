//! The width the table of contents would like, measured on the document alone.

use crate::document::Document;
use unicode_width::UnicodeWidthStr;

/// Columns before an entry's title (the mark of the current section).
pub const MARK: usize = 2;
/// Sections measured for the natural width (the rest are cut or wrapped like any entry).
const MEASURED: usize = 10_000;

/// Columns the contents would like: the widest title, its mark, a space and the separator.
pub fn natural_width(doc: &Document) -> u16 {
    let a = &doc.article;
    let widest = a
        .sections
        .iter()
        .take(MEASURED)
        .map(|s| crate::article::sanitize::one_line(a.section_title(s)).width())
        .max()
        .unwrap_or(0);
    u16::try_from(widest + MARK + 2).unwrap_or(u16::MAX)
}
