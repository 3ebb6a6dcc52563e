//! Case- and accent-insensitive search over raw text, without building a folded copy.

/// Folds one character: lower case, accents removed (Latin letters), so that
/// `Français`, `FRANCAIS` and `francais` match each other.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Typographic apostrophes and dashes match their plain forms.
        '’' | '‘' => '\'',
        '‐' | '‑' | '–' => '-',
        other => other,
    }
}

fn is_mark(c: char) -> bool {
    crate::article::sanitize::is_combining(c)
}

/// A folded search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    chars: Vec<char>,
    /// The folded query as bytes when it is all ASCII.
    ascii: Option<Vec<u8>>,
    /// A rare query character that no other character folds to, and its index in the query:
    /// scanning for it (SIMD, both cases) finds candidates fast.
    anchor: Option<(usize, u8)>,
    /// Bytes a match can start with (the first byte of any character folding to the first
    /// query character), for a fast scan.
    starts: [bool; 256],
}

impl Default for Query {
    fn default() -> Query {
        Query::new("")
    }
}

impl Query {
    pub fn new(q: &str) -> Query {
        let chars: Vec<char> = q.chars().filter(|c| !is_mark(*c)).map(fold).collect();
        let mut starts = [false; 256];
        if let Some(&first) = chars.first() {
            let mut buf = [0u8; 4];
            let candidates = ('\0'..='\u{24f}').chain(['’', '‘', '‐', '‑', '–']);
            for c in candidates {
                if fold(c) == first {
                    starts[c.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
                }
            }
            starts[first.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
            for u in first.to_uppercase() {
                starts[u.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
            }
        }
        let ascii = chars
            .iter()
            .all(char::is_ascii)
            .then(|| chars.iter().map(|&c| c as u8).collect());
        // Rarest first; only characters nothing else folds to (no accented forms).
        const RARE: &[u8] = b"qxjwk0123456789vbfhpml";
        let anchor = RARE
            .iter()
            .find_map(|&r| chars.iter().position(|&c| c == r as char).map(|i| (i, r)));
        Query {
            chars,
            ascii,
            anchor,
            starts,
        }
    }

    /// The query as folded text (for display and comparison).
    pub fn folded(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The length in raw bytes of a match starting at byte `at` of `hay`, if one starts there.
    fn match_at(&self, hay: &str, at: usize) -> Option<usize> {
        // Fast path: an ASCII query against ASCII text compares bytes.
        if let Some(ascii) = &self.ascii {
            let end = at + ascii.len();
            if let Some(window) = hay.as_bytes().get(at..end) {
                if window.is_ascii() {
                    let next_is_mark = hay[end..].chars().next().is_some_and(is_mark);
                    if !next_is_mark {
                        return window.eq_ignore_ascii_case(ascii).then_some(ascii.len());
                    }
                }
            }
        }
        self.match_chars(hay, at)
    }

    fn match_chars(&self, hay: &str, at: usize) -> Option<usize> {
        let mut it = hay[at..].char_indices().peekable();
        for &q in &self.chars {
            // Skip combining marks in the text (decomposed accents).
            loop {
                let (_, c) = *it.peek()?;
                if is_mark(c) {
                    it.next();
                } else {
                    break;
                }
            }
            let (_, c) = it.next()?;
            if fold(c) != q {
                return None;
            }
        }
        while let Some(&(_, c)) = it.peek() {
            if !is_mark(c) {
                break;
            }
            it.next();
        }
        Some(it.peek().map_or(hay.len() - at, |&(i, _)| i))
    }

    /// The first match in `hay[from..]`, as a byte range of `hay`.
    pub fn find(&self, hay: &str, from: usize) -> Option<std::ops::Range<usize>> {
        if self.chars.is_empty() {
            return None;
        }
        let bytes = hay.as_bytes();
        let from = from.min(hay.len());
        if let Some((j, a)) = self.anchor {
            let tail = &bytes[from..];
            for p in memchr::memchr2_iter(a, a.to_ascii_uppercase(), tail) {
                let p = from + p;
                // The match would start `j` characters (not counting combining marks) before.
                let mut s = p;
                let mut count = 0;
                while count < j && s > from {
                    let c = hay[..s].chars().next_back()?;
                    s -= c.len_utf8();
                    if !is_mark(c) {
                        count += 1;
                    }
                }
                if count < j {
                    continue;
                }
                if let Some(len) = self.match_at(hay, s) {
                    return Some(s..s + len);
                }
            }
            return None;
        }
        let mut i = from;
        loop {
            let skip = bytes
                .get(i..)?
                .iter()
                .position(|&b| self.starts[b as usize])?;
            i += skip;
            if hay.is_char_boundary(i) {
                if let Some(len) = self.match_at(hay, i) {
                    return Some(i..i + len);
                }
            }
            i += 1;
        }
    }

    /// The last match that starts before `before`.
    pub fn rfind(&self, hay: &str, before: usize) -> Option<std::ops::Range<usize>> {
        let mut last = None;
        let mut from = 0;
        while let Some(r) = self.find(hay, from) {
            if r.start >= before {
                break;
            }
            from = r.end.max(r.start + 1);
            last = Some(r);
        }
        last
    }

    /// All matches in `hay`, in order, not overlapping.
    pub fn find_all(&self, hay: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(r) = self.find(hay, from) {
            from = r.end.max(r.start + 1);
            out.push(r);
        }
        out
    }
}

/// The starts of the matches of `query` in `range` of `text`, at most `max` of them (the flag
/// says whether more exist). The text is searched a megabyte at a time and `cancelled` asked
/// between slices, so that a count no longer wanted stops at once even when nothing matches.
pub fn count_matches(
    text: &str,
    range: std::ops::Range<usize>,
    query: &Query,
    max: usize,
    cancelled: impl Fn() -> bool,
) -> Option<(Vec<u32>, bool)> {
    const SLICE: usize = 1 << 20;
    // Slices overlap by more than a match can be long (a folded character is at most four
    // bytes, with combining marks after it).
    let overlap = 64 + 16 * query.chars.len();
    let mut starts = Vec::new();
    let mut from = range.start;
    while from < range.end {
        if cancelled() {
            return None;
        }
        let end = text.floor_char_boundary(from.saturating_add(SLICE).min(range.end));
        let end = end.max(text.ceil_char_boundary(from + 1).min(range.end));
        let hay = &text[..end];
        let mut next = from;
        while let Some(r) = query.find(hay, next) {
            if starts.len() == max {
                return Some((starts, true));
            }
            starts.push(u32::try_from(r.start).unwrap_or(u32::MAX));
            next = r.end.max(r.start + 1);
        }
        if end >= range.end {
            break;
        }
        // Go on where a match could still start that the slice cut off.
        let resume = text.floor_char_boundary(end.saturating_sub(overlap));
        from = next.max(resume).max(text.ceil_char_boundary(from + 1));
    }
    Some((starts, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accent_insensitive() {
        let hay = "Le Français parle FRANCAIS et français; e\u{301}le\u{300}ve.";
        let q = Query::new("francais");
        assert_eq!(q.find_all(hay).len(), 3);
        assert_eq!(Query::new("eleve").find_all(hay).len(), 1);
        assert_eq!(Query::new("Élève").find_all("Un élève").len(), 1);
        let r = q.find(hay, 0).unwrap();
        assert_eq!(&hay[r], "Français");
    }

    #[test]
    fn from_offset_and_no_match() {
        let hay = "aap noot aap";
        assert_eq!(Query::new("aap").find(hay, 1), Some(9..12));
        assert_eq!(Query::new("mies").find(hay, 0), None);
        assert_eq!(Query::new("").find(hay, 0), None);
        assert_eq!(Query::new("aap").find(hay, 100), None);
    }

    #[test]
    fn backwards_and_typographic_forms() {
        let hay = "regio’s en regio's, REGIO's";
        assert_eq!(Query::new("regio's").find_all(hay).len(), 3);
        assert_eq!(Query::new("regio").rfind(hay, 20), Some(13..18));
        assert_eq!(Query::new("regio").rfind(hay, 0), None);
    }

    #[test]
    fn anchored_scan_finds_accented_and_decomposed_matches() {
        let q = Query::new("milk");
        assert!(q.anchor.is_some());
        let hay = "MÏLK, mi\u{308}lk en milk";
        let all = q.find_all(hay);
        assert_eq!(all.len(), 3, "{all:?}");
        assert_eq!(&hay[all[1].clone()], "mi\u{308}lk");
        assert_eq!(
            Query::new("ék").find_all("Ek ek ÉK"),
            vec![0..2, 3..5, 6..9]
        );
        assert_eq!(q.find(hay, 1), Some(7..13));
    }

    #[test]
    fn never_splits_characters() {
        let hay = "ëëë ÿ 漢字 z";
        for q in ["ë", "y", "字", "z", "ëë"] {
            for r in Query::new(q).find_all(hay) {
                assert!(hay.is_char_boundary(r.start) && hay.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn counting_in_slices_finds_every_match_once() {
        // Matches on both sides of every slice boundary, in several scripts.
        let unit = "Zoë zegt: ÉÉN keer één, Привет ééN! ";
        let text = unit.repeat(3 * (1 << 20) / unit.len());
        let q = Query::new("één");
        let (starts, capped) =
            count_matches(&text, 0..text.len(), &q, usize::MAX, || false).expect("not cancelled");
        let whole: Vec<u32> = q.find_all(&text).iter().map(|r| r.start as u32).collect();
        assert!(!capped && whole.len() > 100_000);
        assert_eq!(starts, whole);
        // Capped, and a part of the text.
        let (few, capped) = count_matches(&text, 10..text.len() / 2, &q, 5, || false).unwrap();
        assert!(capped && few.len() == 5 && few[0] as usize >= 10);
        assert_eq!(count_matches(&text, 0..text.len(), &q, 9, || true), None);
        let none = count_matches(&text, 0..text.len(), &Query::new("afwezig"), 9, || false);
        assert_eq!(none, Some((vec![], false)));
    }
}
