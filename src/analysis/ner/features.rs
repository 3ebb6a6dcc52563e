//! Feature extraction: every token becomes a list of hashed feature ids (indices of rows
//! in the model's weight table). The same code serves training and tagging.
//!
//! Templates: the word (lower case) and its neighbours at ±1 and ±2; word shapes (long and
//! short) of the window; prefixes and suffixes of 1–4 characters; word bigrams; the shape
//! trigram; sentence-initial capitalisation; gazetteer matches of the token and its
//! neighbours; parts of hyphenated compounds and their gazetteer matches; and two
//! document-level cues (the word occurs elsewhere in the document in lower case, or
//! capitalised in mid-sentence).

use super::gazetteer::{GazMatch, Gazetteer};
use super::hash::{finish, is_lowercase_already, mix, K0, K2};
pub use super::hash::{hash_lower, hash_str, HashMap64, PreHashed};
use super::lexicon::Lexicon;
use super::model::N_TAGS;

/// Character classes of a word shape.
fn class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'*'
    }
}

/// Properties of one token that do not depend on its neighbours.
#[derive(Debug, Clone, Default)]
pub struct TokenInfo {
    pub lower: u64,
    /// Long shape (runs capped at 4: `Xxxx`, `dd.ddd`) and short shape (runs collapsed: `Xx`).
    pub shape: u64,
    pub short: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// All letters upper case (and at least one letter).
    pub all_caps: bool,
    pub has_digit: bool,
    /// Gazetteer categories of the hyphen-separated parts (and runs of parts) of the token.
    pub part_gaz: u8,
    /// Hashes of up to four hyphen-separated parts (0 = none).
    pub parts: [u64; 4],
    /// Name-lexicon tag bits of the exact form, and its share/frequency buckets.
    pub lex: u8,
    pub lex_info: u8,
}

impl TokenInfo {
    pub fn new(word: &str, gaz: &Gazetteer, lex: &Lexicon<'_>) -> TokenInfo {
        // The lower-case form, without allocating for ASCII words and words already in
        // lower case.
        let mut buf = [0u8; 48];
        let lower: std::borrow::Cow<str> =
            if word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
                std::borrow::Cow::Borrowed(word)
            } else if word.is_ascii() {
                match buf.get_mut(..word.len()) {
                    Some(b) => {
                        b.copy_from_slice(word.as_bytes());
                        b.make_ascii_lowercase();
                        match std::str::from_utf8(b) {
                            Ok(l) => std::borrow::Cow::Borrowed(l),
                            Err(_) => std::borrow::Cow::Owned(word.to_ascii_lowercase()),
                        }
                    }
                    None => std::borrow::Cow::Owned(word.to_ascii_lowercase()),
                }
            } else if is_lowercase_already(word) {
                std::borrow::Cow::Borrowed(word)
            } else {
                std::borrow::Cow::Owned(word.to_lowercase())
            };
        let mut t = TokenInfo {
            lower: hash_str(&lower),
            lex: 0,
            lex_info: 0,
            ..TokenInfo::default()
        };
        (t.lex, t.lex_info) = lex.lookup_full(hash_str(word));
        let mut long = K0;
        let mut short = K0;
        let mut last = 0u8;
        let mut run = 0;
        let mut n_letters = 0;
        let mut n_upper = 0;
        for (k, c) in word.chars().enumerate() {
            let cl = class(c);
            if k == 0 {
                t.cap = cl == b'X';
            }
            if c.is_alphabetic() {
                n_letters += 1;
                if cl == b'X' {
                    n_upper += 1;
                }
            }
            t.has_digit |= cl == b'd';
            if cl == last {
                run += 1;
            } else {
                run = 1;
                short = mix(short, cl as u64);
            }
            if run <= 4 {
                long = mix(long, cl as u64);
            }
            last = cl;
        }
        t.all_caps = n_letters > 0 && n_upper == n_letters;
        t.shape = finish(long);
        t.short = finish(short);
        // Affixes of the lower-case form.
        let mut fwd = lower
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain(std::iter::once(lower.len()));
        let mut back = lower.char_indices().rev().map(|(i, _)| i);
        for k in 0..4 {
            match (fwd.next(), back.next()) {
                (Some(e), Some(b)) => {
                    t.prefix[k] = hash_str(&lower[..e]);
                    t.suffix[k] = hash_str(&lower[b..]);
                }
                _ => break,
            }
        }
        // Compound parts.
        if lower.contains('-') && lower.len() > 2 {
            let parts: Vec<(usize, usize)> = {
                let mut v = Vec::new();
                let mut s = 0;
                for (i, c) in lower.char_indices() {
                    if c == '-' {
                        v.push((s, i));
                        s = i + 1;
                    }
                }
                v.push((s, lower.len()));
                v.retain(|(a, b)| b > a);
                v
            };
            for (k, (a, b)) in parts.iter().take(4).enumerate() {
                t.parts[k] = hash_str(&lower[*a..*b]);
            }
            let np = parts.len().min(6);
            for i in 0..np {
                for j in i..np {
                    if i == 0 && j + 1 == parts.len() {
                        continue; // the whole token: matched by the sentence-level lookup
                    }
                    let h = hash_str(&lower[parts[i].0..parts[j].1]);
                    t.part_gaz |= gaz.lookup_one(h);
                }
            }
        }
        t
    }
}

/// Per-document counts used by the document-level features.
#[derive(Debug, Default)]
pub struct DocStats {
    /// Lower-case hash → (times seen in lower case, times seen capitalised not sentence-initially).
    counts: HashMap64<(u32, u32)>,
}

impl DocStats {
    /// `sentences` gives, per sentence, each token's (lower hash, starts lower-case, capitalised).
    pub fn add(&mut self, lower: u64, is_lower: bool, cap_mid: bool) {
        let e = self.counts.entry(lower).or_insert((0, 0));
        e.0 += is_lower as u32;
        e.1 += cap_mid as u32;
    }

    fn get(&self, lower: u64) -> (u32, u32) {
        self.counts.get(&lower).copied().unwrap_or((0, 0))
    }
}

/// Whether a word starts with a lower-case letter.
pub fn starts_lower(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_lowercase())
}

// Template ids.
const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_WM1: u64 = 3;
const T_WP1: u64 = 4;
const T_WM2: u64 = 5;
const T_WP2: u64 = 6;
const T_SH: u64 = 7;
const T_SHORT: u64 = 8;
const T_SHM1: u64 = 9;
const T_SHP1: u64 = 10;
const T_SHM2: u64 = 11;
const T_SHP2: u64 = 12;
const T_PRE: u64 = 13;
const T_SUF: u64 = 17;
const T_BIM: u64 = 21;
const T_BIP: u64 = 22;
const T_SHTRI: u64 = 23;
const T_FIRST: u64 = 24;
const T_GAZ: u64 = 25;
const T_GAZM1: u64 = 26;
const T_GAZP1: u64 = 27;
const T_PART: u64 = 28;
const T_PARTGAZ: u64 = 29;
const T_DOC: u64 = 30;
const T_WSHP1: u64 = 31;
const T_CAPS: u64 = 32;
const T_GAZM2: u64 = 33;
const T_LEX: u64 = 34;
const T_LEXBIT: u64 = 35;
const T_LEXM1: u64 = 36;
const T_LEXP1: u64 = 37;
const T_WSHM1: u64 = 38;
const T_BIM2: u64 = 39;
const T_BIP2: u64 = 40;
const T_CAPRUN: u64 = 41;
const T_LEXINFO: u64 = 42;

const PAD: u64 = 0x5A5A_5A5A;

/// Hashes a template and value into a row index of a table of `2^bits` rows.
#[inline]
fn fid(bits: u32, template: u64, v: u64) -> u32 {
    (finish(v ^ template.wrapping_mul(K2)) >> (64 - bits)) as u32
}

/// Extracts the features of one sentence: for token `i`, `feats[offs[i]..offs[i + 1]]`.
pub struct SentenceFeatures {
    pub feats: Vec<u32>,
    pub offs: Vec<u32>,
}

/// Reusable scratch space for [`extract`].
#[derive(Default)]
pub struct Scratch {
    gaz: Vec<GazMatch>,
    lower: Vec<u64>,
}

/// Computes the features of a sentence of `infos` (with `doc` statistics of its document).
pub fn extract(
    infos: &[TokenInfo],
    doc: &DocStats,
    gaz: &Gazetteer,
    bits: u32,
    scratch: &mut Scratch,
    out: &mut SentenceFeatures,
) {
    out.feats.clear();
    out.offs.clear();
    out.offs.push(0);
    scratch.lower.clear();
    scratch.lower.extend(infos.iter().map(|t| t.lower));
    gaz.annotate(&scratch.lower, &mut scratch.gaz);
    let n = infos.len();
    let w = |i: isize| -> u64 {
        if i < 0 || i >= n as isize {
            PAD ^ (i.signum() as u64)
        } else {
            infos[i as usize].lower
        }
    };
    let sh = |i: isize| -> u64 {
        if i < 0 || i >= n as isize {
            PAD ^ (i.signum() as u64)
        } else {
            infos[i as usize].short
        }
    };
    let gz = |i: isize| -> GazMatch {
        if i < 0 || i >= n as isize {
            GazMatch::default()
        } else {
            scratch.gaz[i as usize]
        }
    };
    for (i, t) in infos.iter().enumerate() {
        let ii = i as isize;
        let f = &mut out.feats;
        f.push(fid(bits, T_BIAS, 0));
        f.push(fid(bits, T_W, t.lower));
        f.push(fid(bits, T_WM1, w(ii - 1)));
        f.push(fid(bits, T_WP1, w(ii + 1)));
        f.push(fid(bits, T_WM2, w(ii - 2)));
        f.push(fid(bits, T_WP2, w(ii + 2)));
        f.push(fid(bits, T_SH, t.shape));
        f.push(fid(bits, T_SHORT, t.short));
        f.push(fid(bits, T_SHM1, sh(ii - 1)));
        f.push(fid(bits, T_SHP1, sh(ii + 1)));
        f.push(fid(bits, T_SHM2, sh(ii - 2)));
        f.push(fid(bits, T_SHP2, sh(ii + 2)));
        for k in 0..4 {
            if t.prefix[k] != 0 {
                f.push(fid(bits, T_PRE + k as u64, t.prefix[k]));
                f.push(fid(bits, T_SUF + k as u64, t.suffix[k]));
            }
        }
        f.push(fid(bits, T_BIM, mix(w(ii - 1), t.lower)));
        f.push(fid(bits, T_BIP, mix(t.lower, w(ii + 1))));
        f.push(fid(
            bits,
            T_SHTRI,
            mix(mix(sh(ii - 1), t.short), sh(ii + 1)),
        ));
        f.push(fid(bits, T_WSHP1, mix(t.lower, sh(ii + 1))));
        f.push(fid(bits, T_FIRST, mix((i == 0) as u64, t.short)));
        f.push(fid(bits, T_WSHM1, mix(w(ii - 1), t.short)));
        f.push(fid(bits, T_BIM2, mix(w(ii - 2), w(ii - 1))));
        f.push(fid(bits, T_BIP2, mix(w(ii + 1), w(ii + 2))));
        if t.cap {
            // Where the token sits in its run of capitalised words.
            let mut a = i;
            while a > 0 && infos[a - 1].cap {
                a -= 1;
            }
            let mut b = i + 1;
            while b < n && infos[b].cap {
                b += 1;
            }
            let len = (b - a).min(4) as u64;
            let pos = if i == a {
                0
            } else if i + 1 == b {
                1
            } else {
                2
            };
            f.push(fid(bits, T_CAPRUN, len << 4 | pos << 1 | (a == 0) as u64));
        }
        if t.all_caps {
            f.push(fid(bits, T_CAPS, (i == 0) as u64));
        }
        let g = scratch.gaz[i];
        let capbit = t.cap as u64;
        for cat in 0..super::gazetteer::N_CATEGORIES {
            let bit = 1u8 << cat;
            let kind = if g.single & bit != 0 {
                1
            } else if g.begin & bit != 0 {
                2
            } else if g.inside & bit != 0 {
                3
            } else {
                0
            };
            if kind != 0 {
                f.push(fid(bits, T_GAZ, (cat as u64) << 8 | kind << 4 | capbit));
            }
            if gz(ii - 1).any() & bit != 0 {
                f.push(fid(bits, T_GAZM1, (cat as u64) << 4 | capbit));
            }
            if gz(ii + 1).any() & bit != 0 {
                f.push(fid(bits, T_GAZP1, (cat as u64) << 4 | capbit));
            }
            if gz(ii - 2).any() & bit != 0 {
                f.push(fid(bits, T_GAZM2, (cat as u64) << 4 | capbit));
            }
            if t.part_gaz & bit != 0 {
                f.push(fid(bits, T_PARTGAZ, (cat as u64) << 4 | capbit));
            }
        }
        if t.lex != 0 {
            f.push(fid(bits, T_LEX, (t.lex as u64) << 1 | capbit));
            f.push(fid(bits, T_LEXINFO, (t.lex_info as u64) << 1 | capbit));
            for b in 0..8 {
                if t.lex & (1 << b) != 0 {
                    f.push(fid(bits, T_LEXBIT, b));
                }
            }
        }
        let lm1 = if i > 0 { infos[i - 1].lex } else { 0 };
        let lp1 = infos.get(i + 1).map_or(0, |x| x.lex);
        f.push(fid(bits, T_LEXM1, lm1 as u64));
        f.push(fid(bits, T_LEXP1, lp1 as u64));
        for p in t.parts {
            if p != 0 {
                f.push(fid(bits, T_PART, p));
            }
        }
        if t.cap {
            let (lc, capmid) = doc.get(t.lower);
            let capmid_other = capmid.saturating_sub((i > 0) as u32);
            let v = (lc > 0) as u64 | ((capmid_other > 0) as u64) << 1 | ((i == 0) as u64) << 2;
            f.push(fid(bits, T_DOC, v));
        }
        out.offs.push(f.len() as u32);
    }
}

/// First-stage tag counts per word form (lower-case hash) in a document.
pub type DocVotes = HashMap64<[u16; N_TAGS]>;

/// Counts the first stage's tags per word form over a document.
pub fn doc_votes(infos: &[TokenInfo], tags: &[u8]) -> DocVotes {
    let mut v = DocVotes::default();
    for (t, &y) in infos.iter().zip(tags) {
        let e = v.entry(t.lower).or_insert([0; N_TAGS]);
        e[y as usize] = e[y as usize].saturating_add(1);
    }
    v
}

// Second-stage template ids.
const S_DOC: u64 = 105;
const S_DOCOWN: u64 = 106;
const S_DOCSH: u64 = 109;

fn bucket(n: u32) -> u64 {
    n.min(3) as u64
}

/// The document vote of a word form without this occurrence's own tag: (majority type
/// (4 = none), name votes, all votes).
fn vote_of(votes: &DocVotes, lower: u64, own: u8) -> (u64, u32, u32) {
    let Some(v) = votes.get(&lower) else {
        return (4, 0, 0);
    };
    let mut v = *v;
    v[own as usize] = v[own as usize].saturating_sub(1);
    let total: u32 = v.iter().map(|&x| x as u32).sum();
    let names = total - v[0] as u32;
    if names == 0 {
        return (4, 0, total);
    }
    let mut best = 0;
    for k in 1..4 {
        if v[1 + 2 * k] + v[2 + 2 * k] > v[1 + 2 * best] + v[2 + 2 * best] {
            best = k;
        }
    }
    (best as u64, names, total)
}

/// Features of the second (stacked) stage for one sentence: the document's votes (the first
/// stage's tags `p1` elsewhere in the document) for each word form, combined with the
/// token's own first-stage tag, capitalisation and shape. (The first-stage tags of the
/// neighbours as features, a bias per first-stage tag, and whether the form's votes are
/// mostly B- or I- made things worse on dev.)
pub fn stage2_features(
    infos: &[TokenInfo],
    p1: &[u8],
    votes: &DocVotes,
    bits: u32,
    out: &mut SentenceFeatures,
) {
    out.feats.clear();
    out.offs.clear();
    out.offs.push(0);
    let vo: Vec<(u64, u32, u32)> = infos
        .iter()
        .zip(p1)
        .map(|(t, &y)| vote_of(votes, t.lower, y))
        .collect();
    for (i, t) in infos.iter().enumerate() {
        let f = &mut out.feats;
        let own = p1[i] as u64;
        let cap = t.cap as u64 | ((i == 0) as u64) << 1;
        let (m, names, total) = vo[i];
        if total > 0 {
            let share = if names == 0 {
                0
            } else if names * 2 < total {
                1
            } else if names < total {
                2
            } else {
                3
            };
            f.push(fid(
                bits,
                S_DOC,
                m << 8 | bucket(names) << 4 | share << 2 | cap,
            ));
            f.push(fid(bits, S_DOCOWN, m << 8 | own << 2 | cap));
            f.push(fid(bits, S_DOCSH, mix(t.short, m << 4 | share)));
        }
        out.offs.push(out.feats.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(words: &[&str]) -> SentenceFeatures {
        let g = Gazetteer::get();
        let infos: Vec<TokenInfo> = words
            .iter()
            .map(|w| TokenInfo::new(w, g, &Lexicon::empty()))
            .collect();
        let doc = DocStats::default();
        let mut out = SentenceFeatures {
            feats: Vec::new(),
            offs: Vec::new(),
        };
        extract(&infos, &doc, g, 18, &mut Scratch::default(), &mut out);
        out
    }

    #[test]
    fn shapes_and_affixes() {
        let g = Gazetteer::get();
        let a = TokenInfo::new("Amsterdam", g, &Lexicon::empty());
        let b = TokenInfo::new("Rotterdam", g, &Lexicon::empty());
        let c = TokenInfo::new("rotterdam", g, &Lexicon::empty());
        assert_eq!(a.shape, b.shape);
        assert_ne!(a.shape, c.shape);
        assert_eq!(a.suffix[3], b.suffix[3]);
        assert_eq!(b.lower, c.lower);
        assert!(a.cap && !c.cap);
        let d = TokenInfo::new("3.000", g, &Lexicon::empty());
        let e = TokenInfo::new("12.500", g, &Lexicon::empty());
        assert_eq!(d.short, e.short);
        assert!(d.has_digit);
        assert!(TokenInfo::new("NAVO", g, &Lexicon::empty()).all_caps);
    }

    #[test]
    fn lower_case_forms_agree_with_to_lowercase() {
        let g = Gazetteer::get();
        for w in [
            "Amsterdam",
            "está",
            "ESTÁ",
            "Ǆemal",
            "ǅ",
            "İstanbul",
            "Σοφία",
            "ΟΔΟΣ",
            "straße",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "x",
        ] {
            let t = TokenInfo::new(w, g, &Lexicon::empty());
            assert_eq!(t.lower, hash_str(&w.to_lowercase()), "{w}");
            assert_eq!(hash_lower(w), hash_str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn compound_parts_hit_the_gazetteer() {
        let g = Gazetteer::get();
        let t = TokenInfo::new("VS-Zuid-Korea-alliantie", g, &Lexicon::empty());
        assert_ne!(t.part_gaz & super::super::gazetteer::LOC, 0);
        assert_ne!(t.parts[0], 0);
        assert_eq!(
            TokenInfo::new("alliantie", g, &Lexicon::empty()).part_gaz,
            0
        );
    }

    #[test]
    fn features_are_per_token_and_context_dependent() {
        let a = feats(&["Jan", "woont", "in", "Gent", "."]);
        assert_eq!(a.offs.len(), 6);
        assert!(a.offs.windows(2).all(|w| w[0] < w[1]));
        let b = feats(&["Piet", "woont", "in", "Gent", "."]);
        // Same token "woont", different left neighbour: some features differ, most do not.
        let fa = &a.feats[a.offs[1] as usize..a.offs[2] as usize];
        let fb = &b.feats[b.offs[1] as usize..b.offs[2] as usize];
        assert_ne!(fa, fb);
        let shared = fa.iter().filter(|x| fb.contains(x)).count();
        assert!(shared * 2 > fa.len());
        assert!(a.feats.iter().all(|&x| x < (1 << 18)));
    }
}
