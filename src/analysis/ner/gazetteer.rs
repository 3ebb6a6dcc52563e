//! Hand-written name lists (places, first names, organisations, organisation words,
//! nationalities, titles) in the six languages, matched token by token, case-insensitively.

use super::hash::{hash_lower, HashMap64};
use std::sync::OnceLock;

/// Category bits of a gazetteer entry.
pub const LOC: u8 = 1;
pub const FIRST: u8 = 2;
pub const ORG_KEY: u8 = 4;
pub const ORG: u8 = 8;
pub const MISC: u8 = 16;
pub const TITLE: u8 = 32;
pub const N_CATEGORIES: usize = 6;

const SOURCES: [(u8, &str); N_CATEGORIES] = [
    (LOC, include_str!("gazetteer/loc.txt")),
    (FIRST, include_str!("gazetteer/first.txt")),
    (ORG_KEY, include_str!("gazetteer/orgkey.txt")),
    (ORG, include_str!("gazetteer/org.txt")),
    (MISC, include_str!("gazetteer/misc.txt")),
    (TITLE, include_str!("gazetteer/title.txt")),
];

/// The lists, keyed by the hash of an entry's token sequence.
pub struct Gazetteer {
    entries: HashMap64<u8>,
    max_len: usize,
}

/// Where a token sits in a matched entry, per category: bit masks over the categories.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazMatch {
    /// Entries of one token.
    pub single: u8,
    /// First token of a longer entry.
    pub begin: u8,
    /// Later token of a longer entry.
    pub inside: u8,
}

impl GazMatch {
    pub fn any(self) -> u8 {
        self.single | self.begin | self.inside
    }
}

/// Combines the lower-case hashes of an entry's tokens into one key.
pub fn seq_key(token_hashes: impl IntoIterator<Item = u64>) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for t in token_hashes {
        h = (h.rotate_left(23) ^ t).wrapping_mul(0x2545_F491_4F6C_DD1D);
    }
    h
}

impl Gazetteer {
    /// The built-in lists (built once, on first use).
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(SOURCES.iter().copied()))
    }

    fn parse<'a>(sources: impl Iterator<Item = (u8, &'a str)>) -> Gazetteer {
        let mut entries: HashMap64<u8> = HashMap64::default();
        let mut max_len = 1;
        for (cat, text) in sources {
            for line in text.lines() {
                if line.starts_with('#') {
                    continue;
                }
                for entry in line.split(',') {
                    let toks: Vec<&str> = entry.split_whitespace().collect();
                    if toks.is_empty() {
                        continue;
                    }
                    max_len = max_len.max(toks.len());
                    let key = seq_key(toks.iter().map(|t| hash_lower(t)));
                    *entries.entry(key).or_insert(0) |= cat;
                }
            }
        }
        Gazetteer { entries, max_len }
    }

    /// Categories of a single string (one token or a part of one).
    pub fn lookup_one(&self, lower_hash: u64) -> u8 {
        self.entries
            .get(&seq_key([lower_hash]))
            .copied()
            .unwrap_or(0)
    }

    /// Matches every entry against a sentence given as lower-case token hashes.
    /// Longer entries and shorter ones overlapping them are all reported.
    pub fn annotate(&self, lower: &[u64], out: &mut Vec<GazMatch>) {
        out.clear();
        out.resize(lower.len(), GazMatch::default());
        for i in 0..lower.len() {
            let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
            for len in 1..=self.max_len.min(lower.len() - i) {
                h = (h.rotate_left(23) ^ lower[i + len - 1]).wrapping_mul(0x2545_F491_4F6C_DD1D);
                if let Some(&cat) = self.entries.get(&h) {
                    if len == 1 {
                        out[i].single |= cat;
                    } else {
                        out[i].begin |= cat;
                        for m in &mut out[i + 1..i + len] {
                            m.inside |= cat;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_single_and_multi_word_entries() {
        let g = Gazetteer::get();
        let words = ["Hij", "woont", "in", "New", "York", "en", "Brussel", "."];
        let lower: Vec<u64> = words.iter().map(|w| hash_lower(w)).collect();
        let mut m = Vec::new();
        g.annotate(&lower, &mut m);
        assert_eq!(m[3].begin & LOC, LOC);
        assert_eq!(m[4].inside & LOC, LOC);
        assert_eq!(m[6].single & LOC, LOC);
        assert_eq!(m[1].any(), 0);
        assert_eq!(g.lookup_one(hash_lower("GmbH")) & ORG_KEY, ORG_KEY);
        assert_eq!(g.lookup_one(hash_lower("Jean-Pierre")) & FIRST, FIRST);
    }
}
