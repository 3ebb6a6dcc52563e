//! The hashing of words and feature names: strings to 64-bit keys, and maps keyed by them.
//! At the bottom of the tagger's modules (the features, the gazetteer and the lexicon all
//! key by these hashes).

use std::collections::HashMap;

pub(super) const K0: u64 = 0x9E37_79B9_7F4A_7C15;
pub(super) const K1: u64 = 0xBF58_476D_1CE4_E5B9;
pub(super) const K2: u64 = 0x94D0_49BB_1331_11EB;

#[inline]
pub(super) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(27) ^ x).wrapping_mul(K1)
}

#[inline]
pub(super) fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(K1);
    z = (z ^ (z >> 27)).wrapping_mul(K2);
    z ^ (z >> 31)
}

/// A hasher for keys that are hashes already.
#[derive(Default, Clone, Copy)]
pub struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(K1);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 ^= v;
    }
}

/// Maps keyed by precomputed hashes.
pub type HashMap64<V> = HashMap<u64, V, std::hash::BuildHasherDefault<PreHashed>>;

/// Hash of a string as is.
pub fn hash_str(s: &str) -> u64 {
    let mut h = K0;
    for chunk in s.as_bytes().chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(b));
    }
    finish(h ^ s.len() as u64)
}

/// Hash of a string's lower-case form (without allocating when it is ASCII).
pub fn hash_lower(s: &str) -> u64 {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        return hash_str(s);
    }
    if s.is_ascii() {
        return hash_str(&s.to_ascii_lowercase());
    }
    if is_lowercase_already(s) {
        return hash_str(s);
    }
    hash_str(&s.to_lowercase())
}

/// Whether `str::to_lowercase` would leave `s` as it is.
pub(super) fn is_lowercase_already(s: &str) -> bool {
    s.chars().all(|c| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    })
}
