//! A name lexicon learnt from the annotated data of all six languages: for each word form
//! (exact case) that is often part of a name, which BIO tags it carries. Names travel across
//! languages and domains, so this is how the silver (WikiANN) data helps the news taggers:
//! as evidence weighed by the tagger, not as training targets.
//!
//! Stored as an open-addressing hash table of `2^bits` six-byte slots
//! (32-bit fingerprint, tag bits, and a byte with the share of the form's occurrences that are
//! names and how often it was seen, bucketed); file: `b"KLEX"`, version `u8` (2), bits `u8`, 2 reserved
//! bytes, then the slots.

use super::hash::hash_str;
use super::model::N_TAGS;
use std::borrow::Cow;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"KLEX";
const VERSION: u8 = 2;
const SLOT: usize = 6;

/// Bits of [`Lexicon::lookup`]: tag `t` of [`super::model::TAG_NAMES`] (not `O`) is bit
/// `t - 1`.
pub const B_PER: u8 = 1;
/// B-PER and I-PER.
pub const PER: u8 = 0b11;
/// B-ORG and I-ORG.
pub const ORG: u8 = 0b1100;
pub const B_LOC: u8 = 1 << 4;

/// Minimum share of a form's occurrences a tag needs to be recorded.
const MIN_SHARE: f32 = 0.2;

/// Tag counts per word form, the material a lexicon is built from.
#[derive(Debug, Default, Clone)]
pub struct LexCounts {
    counts: HashMap<u64, [u32; N_TAGS]>,
}

impl LexCounts {
    pub fn add(&mut self, word: &str, tag: u8) {
        self.counts.entry(hash_str(word)).or_insert([0; N_TAGS])[tag as usize] += 1;
    }

    /// Adds (`sign` = 1) or removes (`sign` = -1) all of `other`'s counts.
    pub fn merge(&mut self, other: &LexCounts, sign: i64) {
        for (k, v) in &other.counts {
            let e = self.counts.entry(*k).or_insert([0; N_TAGS]);
            for (a, b) in e.iter_mut().zip(v) {
                *a = (*a as i64 + sign * *b as i64).max(0) as u32;
            }
        }
    }

    /// The tag bits of every form that is a name part often enough.
    fn entries(&self) -> Vec<(u64, u8, u8)> {
        let mut out: Vec<(u64, u8, u8)> = self
            .counts
            .iter()
            .filter_map(|(k, c)| {
                let total: u32 = c.iter().sum();
                if total == 0 {
                    return None;
                }
                let mut bits = 0u8;
                for (t, &n) in c.iter().enumerate().skip(1) {
                    if n as f32 >= MIN_SHARE * total as f32 {
                        bits |= 1 << (t - 1);
                    }
                }
                let share = (total - c[0]) as f32 / total as f32;
                let sb = match share {
                    x if x < 0.4 => 0,
                    x if x < 0.7 => 1,
                    x if x < 0.9 => 2,
                    _ => 3,
                };
                let cb = match total {
                    1 => 0,
                    2..=4 => 1,
                    5..=19 => 2,
                    _ => 3,
                };
                (bits != 0).then_some((*k, bits, sb | cb << 2))
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// The lexicon's lookup table (owned when built, borrowed when loaded).
pub struct Lexicon<'a> {
    bits: u32,
    slots: Cow<'a, [u8]>,
}

fn fingerprint(h: u64) -> u32 {
    (h as u32) | 1
}

impl Lexicon<'static> {
    /// An empty lexicon (finds nothing).
    pub fn empty() -> Lexicon<'static> {
        Lexicon {
            bits: 1,
            slots: Cow::Owned(vec![0; 2 * SLOT]),
        }
    }

    pub fn build(counts: &LexCounts) -> Lexicon<'static> {
        let entries = counts.entries();
        let mut bits = 4;
        while (1usize << bits) < entries.len() * 2 {
            bits += 1;
        }
        let mask = (1usize << bits) - 1;
        let mut slots = vec![0u8; (1usize << bits) * SLOT];
        for (h, b, info) in entries {
            let fp = fingerprint(h);
            let mut i = (h >> (64 - bits)) as usize;
            loop {
                let s = &mut slots[i * SLOT..(i + 1) * SLOT];
                if s[..4] == [0, 0, 0, 0] {
                    s[..4].copy_from_slice(&fp.to_le_bytes());
                    s[4] = b;
                    s[5] = info;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        Lexicon {
            bits,
            slots: Cow::Owned(slots),
        }
    }
}

impl<'a> Lexicon<'a> {
    pub fn from_bytes(b: &'a [u8]) -> Option<Lexicon<'a>> {
        if b.len() < 8 || &b[..4] != MAGIC || b[4] != VERSION || !(1..=28).contains(&b[5]) {
            return None;
        }
        let bits = b[5] as u32;
        let slots = &b[8..];
        (slots.len() == (1usize << bits) * SLOT).then_some(Lexicon {
            bits,
            slots: Cow::Borrowed(slots),
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.slots.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, self.bits as u8, 0, 0]);
        out.extend_from_slice(&self.slots);
        out
    }

    /// Tag bits (bit `t - 1` for tag `t`) of a word form given by its exact-case hash.
    pub fn lookup(&self, h: u64) -> u8 {
        self.lookup_full(h).0
    }

    /// Tag bits and the bucketed name share (bits 0–1) and frequency (bits 2–3).
    #[inline]
    pub fn lookup_full(&self, h: u64) -> (u8, u8) {
        let fp = fingerprint(h).to_le_bytes();
        let mask = (1usize << self.bits) - 1;
        let mut i = (h >> (64 - self.bits)) as usize;
        loop {
            let Some(s) = self.slots.get(i * SLOT..(i + 1) * SLOT) else {
                return (0, 0);
            };
            if s[..4] == fp {
                return (s[4], s[5]);
            }
            if s[..4] == [0, 0, 0, 0] {
                return (0, 0);
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_bits_follow_the_tag_order() {
        use super::super::model::tag_from_str;
        let bit = |t: &str| 1u8 << (tag_from_str(t) - 1);
        assert_eq!(B_PER, bit("B-PER"));
        assert_eq!(PER, bit("B-PER") | bit("I-PER"));
        assert_eq!(ORG, bit("B-ORG") | bit("I-ORG"));
        assert_eq!(B_LOC, bit("B-LOC"));
    }

    #[test]
    fn builds_round_trips_and_finds() {
        let mut c = LexCounts::default();
        for _ in 0..3 {
            c.add("Merkel", 1);
        }
        c.add("Angela", 1);
        c.add("Angela", 0);
        for _ in 0..9 {
            c.add("de", 0);
        }
        c.add("de", 4);
        let lex = Lexicon::build(&c);
        assert_eq!(lex.lookup(hash_str("Merkel")), 1);
        assert_eq!(lex.lookup(hash_str("Angela")), 1);
        assert_eq!(lex.lookup(hash_str("de")), 0);
        assert_eq!(lex.lookup(hash_str("merkel")), 0);
        let bytes = lex.to_bytes();
        let back = Lexicon::from_bytes(&bytes).expect("parses");
        assert_eq!(back.lookup(hash_str("Merkel")), 1);
        assert!(Lexicon::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        // Removing counts removes entries.
        let mut less = c.clone();
        less.merge(&c, -1);
        assert_eq!(Lexicon::build(&less).lookup(hash_str("Merkel")), 0);
    }
}
