//! The one place where untrusted text is made safe to show: every string that reaches the
//! screen or standard output passes through [`sanitize`]. Nothing is dropped silently: control
//! characters become visible placeholders, invisible and direction-changing characters become
//! markers, and the counts say what was neutralised. The raw text is kept elsewhere for search
//! and analysis.

use std::borrow::Cow;

/// What sanitising changed, by class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Neutralised {
    /// C0/C1 control characters and DEL, shown as placeholders.
    pub controls: usize,
    /// Bidirectional controls (overrides, embeddings, isolates, marks).
    pub bidi: usize,
    /// Zero-width and other invisible characters.
    pub invisible: usize,
    /// Combining marks dropped beyond the cap on one base character.
    pub combining: usize,
}

impl Neutralised {
    pub fn total(&self) -> usize {
        self.controls + self.bidi + self.invisible + self.combining
    }

    pub fn add(&mut self, other: Neutralised) {
        self.controls += other.controls;
        self.bidi += other.bidi;
        self.invisible += other.invisible;
        self.combining += other.combining;
    }
}

/// How line breaks in the input are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// CR, LF, CRLF, NEL, U+2028 and U+2029 become `\n`.
    Keep,
    /// They become one space (for paragraphs hard-wrapped in the input).
    Join,
}

/// Most combining marks kept on one base character.
pub const MAX_COMBINING: usize = 4;
/// Columns a tab expands to.
pub const TAB_WIDTH: usize = 4;

/// The sanitised form of one string, with a map back to the raw offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized<'a> {
    pub text: Cow<'a, str>,
    /// (raw offset, display offset) at every point where the two stop advancing together.
    /// Empty when the text is unchanged.
    pub map: Vec<(usize, usize)>,
    pub neutralised: Neutralised,
}

impl Sanitized<'_> {
    /// Maps a byte offset in the raw string to the corresponding offset in the display string.
    pub fn to_display(&self, raw: usize) -> usize {
        map_offset(&self.map, raw, false)
    }
}

/// Follows a change-point map (see [`Sanitized::map`]) from raw to display offsets, or back
/// with `inverse`.
pub fn map_offset(map: &[(usize, usize)], at: usize, inverse: bool) -> usize {
    let key = |&(r, d): &(usize, usize)| if inverse { d } else { r };
    match map.partition_point(|p| key(p) <= at) {
        0 => at,
        i => {
            let (r, d) = map[i - 1];
            let (from, to) = if inverse { (d, r) } else { (r, d) };
            to + (at - from)
        }
    }
}

/// Placeholder for a control character, or `None` when `c` is not one.
fn control_placeholder(c: char) -> Option<char> {
    match c {
        '\u{1b}' => Some('␛'),
        '\u{7f}' => Some('␡'),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        // C1 controls have no picture of their own: one shared visible mark.
        '\u{80}'..='\u{9f}' => Some('¿'),
        _ => None,
    }
}

fn bidi_marker(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202a}' => "⟨LRE⟩",
        '\u{202b}' => "⟨RLE⟩",
        '\u{202c}' => "⟨PDF⟩",
        '\u{202d}' => "⟨LRO⟩",
        '\u{202e}' => "⟨RLO⟩",
        '\u{2066}' => "⟨LRI⟩",
        '\u{2067}' => "⟨RLI⟩",
        '\u{2068}' => "⟨FSI⟩",
        '\u{2069}' => "⟨PDI⟩",
        '\u{200e}' => "⟨LRM⟩",
        '\u{200f}' => "⟨RLM⟩",
        '\u{061c}' => "⟨ALM⟩",
        _ => return None,
    })
}

fn invisible_marker(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200b}' => "⟨ZWSP⟩",
        '\u{200c}' => "⟨ZWNJ⟩",
        '\u{200d}' => "⟨ZWJ⟩",
        '\u{2060}' => "⟨WJ⟩",
        '\u{feff}' => "⟨BOM⟩",
        '\u{180e}' => "⟨MVS⟩",
        '\u{2061}'..='\u{2064}' => "⟨INV⟩",
        '\u{206a}'..='\u{206f}' => "⟨FMT⟩",
        '\u{fff9}'..='\u{fffb}' => "⟨ANN⟩",
        '\u{e0000}'..='\u{e007f}' => "⟨TAG⟩",
        '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' => "⟨FILL⟩",
        _ => return None,
    })
}

pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05bd}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}')
}

fn needs_work(c: char) -> bool {
    (c as u32) < 0x20
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || c == '\u{2028}'
        || c == '\u{2029}'
        || (c as u32 >= 0x0300
            && (bidi_marker(c).is_some() || invisible_marker(c).is_some() || is_combining(c)))
}

/// Sanitises `raw` for display.
pub fn sanitize(raw: &str, breaks: Breaks) -> Sanitized<'_> {
    let Some(first) = raw
        .char_indices()
        .find(|&(_, c)| needs_work(c))
        .map(|(i, _)| i)
    else {
        return Sanitized {
            text: Cow::Borrowed(raw),
            map: Vec::new(),
            neutralised: Neutralised::default(),
        };
    };
    let mut out = String::with_capacity(raw.len() + 16);
    out.push_str(&raw[..first]);
    let mut map = Vec::new();
    let mut n = Neutralised::default();
    let mut combining_run = 0usize;
    let mut prev: Option<char> = raw[..first].chars().next_back();
    let mut iter = raw[first..]
        .char_indices()
        .map(|(i, c)| (i + first, c))
        .peekable();
    while let Some((i, c)) = iter.next() {
        let before = out.len();
        let mut raw_len = c.len_utf8();
        if is_combining(c) {
            combining_run += 1;
        } else {
            combining_run = 0;
        }
        match c {
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && matches!(iter.peek(), Some((_, '\n'))) {
                    iter.next();
                    raw_len += 1;
                }
                out.push(match breaks {
                    Breaks::Keep => '\n',
                    Breaks::Join => ' ',
                });
            }
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            _ if combining_run > MAX_COMBINING => n.combining += 1,
            '\u{200d}'
                if prev.is_some_and(|p| is_pictographic(p) || p == '\u{fe0f}')
                    && iter.peek().is_some_and(|&(_, next)| is_pictographic(next)) =>
            {
                out.push(c)
            }
            _ => {
                if let Some(p) = control_placeholder(c) {
                    n.controls += 1;
                    out.push(p);
                } else if let Some(m) = bidi_marker(c) {
                    n.bidi += 1;
                    out.push_str(m);
                } else if let Some(m) = invisible_marker(c) {
                    n.invisible += 1;
                    out.push_str(m);
                } else {
                    out.push(c);
                }
            }
        }
        if out.len() - before != raw_len {
            map.push((i + raw_len, out.len()));
        }
        prev = Some(c);
    }
    Sanitized {
        text: Cow::Owned(out),
        map,
        neutralised: n,
    }
}

/// Sanitises a short string (a title, a name, a message argument) to one line.
pub fn one_line(raw: &str) -> Cow<'_, str> {
    sanitize(raw, Breaks::Join).text
}

/// Escapes a file name for an error message: control characters and invalid UTF-8 shown visibly.
pub fn path_for_display(path: &std::path::Path) -> String {
    let lossy = path.to_string_lossy();
    one_line(&lossy).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        let s = sanitize("Gewone tekst, met ë en 漢字.", Breaks::Keep);
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert_eq!(s.neutralised.total(), 0);
    }

    #[test]
    fn escapes_become_visible() {
        let s = sanitize("a\x1b[31mred\x1b]0;title\x07\u{9b}2J\x7f", Breaks::Keep);
        assert_eq!(s.text, "a␛[31mred␛]0;title␇¿2J␡");
        assert_eq!(s.neutralised.controls, 5);
        assert!(!s.text.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn breaks_tabs_bidi_zero_width() {
        let s = sanitize("a\r\nb\rc\u{2028}d\te\u{202e}f\u{200b}g", Breaks::Keep);
        assert_eq!(s.text, "a\nb\nc\nd    e⟨RLO⟩f⟨ZWSP⟩g");
        assert_eq!((s.neutralised.bidi, s.neutralised.invisible), (1, 1));
        let j = sanitize("line one\nline two", Breaks::Join);
        assert_eq!(j.text, "line one line two");
    }

    #[test]
    fn combining_runs_capped_emoji_kept() {
        let zalgo = format!("Z{}", "\u{0301}".repeat(50));
        let s = sanitize(&zalgo, Breaks::Keep);
        assert_eq!(s.text.chars().count(), 1 + MAX_COMBINING);
        assert_eq!(s.neutralised.combining, 50 - MAX_COMBINING);
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(sanitize(family, Breaks::Keep).text, family);
        let flag = "🏳\u{fe0f}\u{200d}🌈";
        assert_eq!(sanitize(flag, Breaks::Keep).text, flag);
        assert_eq!(sanitize("a\u{200d}b", Breaks::Keep).text, "a⟨ZWJ⟩b");
    }

    #[test]
    fn offsets_map_to_display() {
        let raw = "ab\x1bcd\tef";
        let s = sanitize(raw, Breaks::Keep);
        for (r, want) in [(0, "ab"), (3, "cd"), (6, "ef")] {
            let d = s.to_display(r);
            assert!(s.text[d..].starts_with(want), "{r} -> {d}");
        }
    }
}
