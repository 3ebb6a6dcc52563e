//! The tagging model: a linear model over hashed features with first-order tag transitions,
//! decoded with Viterbi; its compact file format (8-bit weights through a 256-entry codebook).
//!
//! File layout (little endian):
//! `b"KNER"`, version `u8` (1), hash bits `u8`, reserved `u16`,
//! codebook `256 × f32`, start scores `9 × f32`, transitions `9 × 9 × f32` (from, to),
//! weights `2^bits × 9 × i8` (row per hashed feature, column per tag).
//! Version 2 appends the second (stacked) stage: hash bits `u8`, 3 reserved bytes, start
//! and transition score deltas (`9 × f32`, `9 × 9 × f32`) and its weights `2^bits2 × 9 × f32`
//! (a small table, kept at full precision). The second stage scores features of the first stage's output
//! (see [`super::features::stage2_features`]) on top of the first stage's emission scores.

use super::NameKind;
use thiserror::Error;

/// Number of BIO tags: O, then B and I of PER, ORG, LOC, MISC.
pub const N_TAGS: usize = 9;
pub const O: u8 = 0;

const MAGIC: &[u8; 4] = b"KNER";
const VERSION: u8 = 1;
const VERSION_STACKED: u8 = 2;
const HEADER: usize = 8 + 256 * 4 + N_TAGS * 4 + N_TAGS * N_TAGS * 4;
/// Bytes of the second stage's header (bits, reserved, start, transitions).
const HEADER2: usize = 4 + N_TAGS * 4 + N_TAGS * N_TAGS * 4;

/// The tag names in index order.
pub const TAG_NAMES: [&str; N_TAGS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// Parses an IOB2 tag (`B-PER`, `I-LOC`, `O`); other types become `O`.
pub fn tag_from_str(s: &str) -> u8 {
    TAG_NAMES.iter().position(|t| *t == s).unwrap_or(0) as u8
}

pub fn is_begin(t: u8) -> bool {
    t != O && t % 2 == 1
}

pub fn is_inside(t: u8) -> bool {
    t != O && t.is_multiple_of(2)
}

/// The entity type index (0..4) of a non-O tag.
pub fn type_of(t: u8) -> usize {
    ((t - 1) / 2) as usize
}

pub fn kind_of(t: u8) -> NameKind {
    match type_of(t) {
        0 => NameKind::Per,
        1 => NameKind::Org,
        2 => NameKind::Loc,
        _ => NameKind::Misc,
    }
}

/// Whether tag `to` may follow tag `from` (`None` = sentence start) in IOB2.
pub fn allowed(from: Option<u8>, to: u8) -> bool {
    if !is_inside(to) {
        return true;
    }
    match from {
        None => false,
        Some(f) => f != O && type_of(f) == type_of(to),
    }
}

#[derive(Debug, Error)]
pub enum ModelError {
    #[error("not a krant NER model (bad magic)")]
    BadMagic,
    #[error("unsupported model version {0}")]
    Version(u8),
    #[error("model file truncated or of the wrong size: {0} bytes")]
    Size(usize),
    #[error("hash bits {0} out of range")]
    Bits(u8),
}

/// Anything that gives a score per tag for a feature row.
pub trait Scorer {
    fn bits(&self) -> u32;
    fn start(&self, to: u8) -> f32;
    fn trans(&self, from: u8, to: u8) -> f32;
    /// Adds the row of feature `f` to `acc`.
    fn add_row(&self, f: u32, acc: &mut [f32; N_TAGS]);
    /// The second (stacked) stage, if the model has one.
    fn stage2(&self) -> Option<&Stage2> {
        None
    }
}

/// The second stage of a stacked model: weights of features computed from the first
/// stage's tags, added to the first stage's emission scores; its start and transition
/// scores are added to the first stage's. Kept at full precision (it has no second stage
/// of its own).
pub type Stage2 = FloatModel;

impl FloatModel {
    /// Writes the table as a second stage (full-precision weights).
    fn write_stage2(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[self.bits as u8, 0, 0, 0]);
        write_scores(&self.start, &self.trans, out);
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    /// Reads the second stage from the bytes after the first stage's weights.
    fn read_stage2(b: &[u8]) -> Result<Stage2, ModelError> {
        if b.len() < HEADER2 {
            return Err(ModelError::Size(b.len()));
        }
        let bits = b[0];
        if !(4..=16).contains(&bits) {
            return Err(ModelError::Bits(bits));
        }
        let rows = 1usize << bits;
        if b.len() != HEADER2 + rows * N_TAGS * 4 {
            return Err(ModelError::Size(b.len()));
        }
        let mut at = 4;
        let (start, trans) = read_scores(b, &mut at);
        let weights = b[at..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Stage2 {
            bits: bits as u32,
            start,
            trans,
            weights,
            stage2: None,
        })
    }
}

fn write_scores(start: &[f32; N_TAGS], trans: &[[f32; N_TAGS]; N_TAGS], out: &mut Vec<u8>) {
    for s in start {
        out.extend_from_slice(&s.to_le_bytes());
    }
    for row in trans {
        for t in row {
            out.extend_from_slice(&t.to_le_bytes());
        }
    }
}

fn read_scores(b: &[u8], at: &mut usize) -> ([f32; N_TAGS], [[f32; N_TAGS]; N_TAGS]) {
    let mut start = [0f32; N_TAGS];
    for s in &mut start {
        *s = f32_at(b, *at);
        *at += 4;
    }
    let mut trans = [[0f32; N_TAGS]; N_TAGS];
    for row in &mut trans {
        for t in row.iter_mut() {
            *t = f32_at(b, *at);
            *at += 4;
        }
    }
    (start, trans)
}

/// A loaded model, borrowing its weights from the bytes it was read from.
pub struct Model<'a> {
    bits: u32,
    codebook: [f32; 256],
    start: [f32; N_TAGS],
    trans: [[f32; N_TAGS]; N_TAGS],
    weights: &'a [u8],
    stage2: Option<Stage2>,
}

fn f32_at(b: &[u8], at: usize) -> f32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    f32::from_le_bytes(a)
}

impl<'a> Model<'a> {
    /// Reads a model; the weight table is used in place (no copy).
    pub fn from_bytes(b: &'a [u8]) -> Result<Model<'a>, ModelError> {
        if b.len() < HEADER {
            return Err(ModelError::Size(b.len()));
        }
        if &b[..4] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        if b[4] != VERSION && b[4] != VERSION_STACKED {
            return Err(ModelError::Version(b[4]));
        }
        let bits = b[5];
        if !(8..=26).contains(&bits) {
            return Err(ModelError::Bits(bits));
        }
        let rows = 1usize << bits;
        let end = HEADER + rows * N_TAGS;
        let stacked = b[4] == VERSION_STACKED;
        if b.len() < end || (!stacked && b.len() != end) {
            return Err(ModelError::Size(b.len()));
        }
        let stage2 = if stacked {
            Some(Stage2::read_stage2(&b[end..])?)
        } else {
            None
        };
        let mut at = 8;
        let mut codebook = [0f32; 256];
        for c in &mut codebook {
            *c = f32_at(b, at);
            at += 4;
        }
        let (start, trans) = read_scores(b, &mut at);
        Ok(Model {
            bits: bits as u32,
            codebook,
            start,
            trans,
            weights: &b[HEADER..end],
            stage2,
        })
    }
}

impl Scorer for Model<'_> {
    fn bits(&self) -> u32 {
        self.bits
    }
    fn start(&self, to: u8) -> f32 {
        self.start[to as usize]
    }
    fn trans(&self, from: u8, to: u8) -> f32 {
        self.trans[from as usize][to as usize]
    }
    #[inline]
    fn add_row(&self, f: u32, acc: &mut [f32; N_TAGS]) {
        let at = f as usize * N_TAGS;
        if let Some(row) = self.weights.get(at..at + N_TAGS) {
            // Code 0 is 0.0: adding it is cheaper than branching on it.
            for (a, &q) in acc.iter_mut().zip(row) {
                *a += self.codebook[q as usize];
            }
        }
    }
    fn stage2(&self) -> Option<&Stage2> {
        self.stage2.as_ref()
    }
}

/// Full-precision weights, as training produces them (also the form of a second stage).
#[derive(Clone, Debug)]
pub struct FloatModel {
    pub bits: u32,
    pub start: [f32; N_TAGS],
    pub trans: [[f32; N_TAGS]; N_TAGS],
    pub weights: Vec<f32>,
    pub stage2: Option<Box<Stage2>>,
}

impl FloatModel {
    pub fn new(bits: u32) -> FloatModel {
        FloatModel {
            bits,
            start: [0.0; N_TAGS],
            trans: [[0.0; N_TAGS]; N_TAGS],
            weights: vec![0.0; (1usize << bits) * N_TAGS],
            stage2: None,
        }
    }

    /// Adds `s` times `other`'s weights, start and transition scores (same size).
    pub fn add_scaled(&mut self, other: &FloatModel, s: f32) {
        for (a, b) in self.weights.iter_mut().zip(&other.weights) {
            *a += s * b;
        }
        for (a, b) in self.start.iter_mut().zip(&other.start) {
            *a += s * b;
        }
        for (ra, rb) in self.trans.iter_mut().zip(&other.trans) {
            for (a, b) in ra.iter_mut().zip(rb) {
                *a += s * b;
            }
        }
    }

    /// Multiplies the weights, start and transition scores by `s`.
    pub fn scale(&mut self, s: f32) {
        self.weights.iter_mut().for_each(|w| *w *= s);
        self.start.iter_mut().for_each(|w| *w *= s);
        self.trans.iter_mut().flatten().for_each(|w| *w *= s);
    }

    /// Adds the row of feature `f` to `acc` (the inherent form of [`Scorer::add_row`]).
    #[inline]
    pub fn add_row_mut(&self, f: u32, acc: &mut [f32; N_TAGS]) {
        Scorer::add_row(self, f, acc);
    }

    /// Quantises to the file format: weights map to 255 levels, spaced logarithmically
    /// so that small weights keep their sign and rough size.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let codebook = codebook(max);
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(if self.stage2.is_some() {
            VERSION_STACKED
        } else {
            VERSION
        });
        out.push(self.bits as u8);
        out.extend_from_slice(&[0, 0]);
        for c in &codebook {
            out.extend_from_slice(&c.to_le_bytes());
        }
        write_scores(&self.start, &self.trans, &mut out);
        // Positive codes 1..=127 in increasing size; code 0 is zero; 128..=254 the negatives.
        let positives: Vec<f32> = codebook[1..128].to_vec();
        for &w in &self.weights {
            out.push(quantise(w, &positives));
        }
        if let Some(s2) = &self.stage2 {
            s2.write_stage2(&mut out);
        }
        out
    }
}

/// Compression constant of the logarithmic codebook.
const MU: f32 = 1000.0;

fn codebook(max: f32) -> [f32; 256] {
    let mut c = [0f32; 256];
    if max <= 0.0 {
        return c;
    }
    for k in 1..128usize {
        let v = max * ((1.0 + MU).powf(k as f32 / 127.0) - 1.0) / MU;
        c[k] = v;
        c[k + 127] = -v;
    }
    c
}

fn quantise(w: f32, positives: &[f32]) -> u8 {
    let a = w.abs();
    if a == 0.0 || positives.is_empty() {
        return 0;
    }
    // Nearest level (0 included).
    let idx = positives.partition_point(|&p| p < a);
    let below = if idx == 0 { 0.0 } else { positives[idx - 1] };
    let k = if idx < positives.len() && positives[idx] - a < a - below {
        idx + 1
    } else {
        idx
    };
    if k == 0 {
        0
    } else if w > 0.0 {
        k as u8
    } else {
        (k + 127) as u8
    }
}

impl Scorer for FloatModel {
    fn bits(&self) -> u32 {
        self.bits
    }
    fn start(&self, to: u8) -> f32 {
        self.start[to as usize]
    }
    fn trans(&self, from: u8, to: u8) -> f32 {
        self.trans[from as usize][to as usize]
    }
    #[inline]
    fn add_row(&self, f: u32, acc: &mut [f32; N_TAGS]) {
        add_f32_row(&self.weights, f, acc);
    }
    fn stage2(&self) -> Option<&Stage2> {
        self.stage2.as_deref()
    }
}

/// Adds row `f` of a full-precision weight table (`N_TAGS` weights a row) to `acc`.
#[inline]
fn add_f32_row(weights: &[f32], f: u32, acc: &mut [f32; N_TAGS]) {
    let at = f as usize * N_TAGS;
    if let Some(row) = weights.get(at..at + N_TAGS) {
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += w;
        }
    }
}

/// Reusable buffers for [`viterbi`].
#[derive(Default)]
pub struct Lattice {
    pub emit: Vec<[f32; N_TAGS]>,
    pub back: Vec<[u8; N_TAGS]>,
}

/// Best tag sequence for a sentence whose token `i` has features `feats[offs[i]..offs[i+1]]`.
pub fn viterbi<S: Scorer + ?Sized>(
    m: &S,
    feats: &[u32],
    offs: &[u32],
    lat: &mut Lattice,
    out: &mut Vec<u8>,
) {
    lat.emit.clear();
    emissions(m, feats, offs, &mut lat.emit);
    let (start, trans) = scores(m, false);
    decode(&lat.emit, &start, &trans, &mut lat.back, out);
}

/// Appends the emission scores of each token of a sentence to `emit`.
#[inline(never)]
pub fn emissions<S: Scorer + ?Sized>(
    m: &S,
    feats: &[u32],
    offs: &[u32],
    emit: &mut Vec<[f32; N_TAGS]>,
) {
    for w in offs.windows(2) {
        let mut acc = [0f32; N_TAGS];
        for &f in &feats[w[0] as usize..w[1] as usize] {
            m.add_row(f, &mut acc);
        }
        emit.push(acc);
    }
}

/// Start and transition scores of a model (with the second stage's added if `stacked`).
pub fn scores<S: Scorer + ?Sized>(
    m: &S,
    stacked: bool,
) -> ([f32; N_TAGS], [[f32; N_TAGS]; N_TAGS]) {
    let s2 = if stacked { m.stage2() } else { None };
    let mut start = [0f32; N_TAGS];
    let mut trans = [[0f32; N_TAGS]; N_TAGS];
    for (y, st) in start.iter_mut().enumerate() {
        *st = m.start(y as u8) + s2.map_or(0.0, |s| s.start[y]);
    }
    for (p, row) in trans.iter_mut().enumerate() {
        for (y, t) in row.iter_mut().enumerate() {
            *t = m.trans(p as u8, y as u8) + s2.map_or(0.0, |s| s.trans[p][y]);
        }
    }
    (start, trans)
}

/// Best tag sequence given emission, start and transition scores.
pub fn decode(
    emit: &[[f32; N_TAGS]],
    start: &[f32; N_TAGS],
    trans: &[[f32; N_TAGS]; N_TAGS],
    back_buf: &mut Vec<[u8; N_TAGS]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = emit.len();
    if n == 0 {
        return;
    }
    back_buf.clear();
    back_buf.resize(n, [0; N_TAGS]);
    // Transition scores with the IOB2 constraints folded in.
    let mut tr = [[f32::NEG_INFINITY; N_TAGS]; N_TAGS];
    for (p, row) in tr.iter_mut().enumerate() {
        for (y, t) in row.iter_mut().enumerate() {
            if allowed(Some(p as u8), y as u8) {
                *t = trans[p][y];
            }
        }
    }
    let mut score = [f32::NEG_INFINITY; N_TAGS];
    for y in 0..N_TAGS as u8 {
        if allowed(None, y) {
            score[y as usize] = start[y as usize] + emit[0][y as usize];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        let e = &emit[i];
        let back = &mut back_buf[i];
        for y in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..N_TAGS {
                let s = score[p] + tr[p][y];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[y] = best + e[y];
            back[y] = arg;
        }
        score = next;
    }
    let mut y = 0u8;
    for k in 1..N_TAGS as u8 {
        if score[k as usize] > score[y as usize] {
            y = k;
        }
    }
    out.resize(n, 0);
    out[n - 1] = y;
    for i in (1..n).rev() {
        y = back_buf[i][y as usize];
        out[i - 1] = y;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_decisions() {
        let mut m = FloatModel::new(8);
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = ((i * 7919 % 1000) as f32 - 500.0) / 37.0;
        }
        m.trans[1][2] = 3.5;
        m.start[5] = -1.25;
        let bytes = m.to_bytes();
        let q = Model::from_bytes(&bytes).expect("model parses");
        assert_eq!(q.bits(), 8);
        assert_eq!(q.trans(1, 2), 3.5);
        assert_eq!(q.start(5), -1.25);
        // Every weight comes back within the codebook's relative precision.
        for f in 0..256u32 {
            let mut a = [0f32; N_TAGS];
            let mut b = [0f32; N_TAGS];
            m.add_row(f, &mut a);
            q.add_row(f, &mut b);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() <= 0.03 * x.abs() + 0.02, "{x} vs {y}");
            }
        }
        let feats = [1u32, 2, 3, 4, 5, 6];
        let offs = [0u32, 2, 4, 6];
        let (mut o1, mut o2) = (Vec::new(), Vec::new());
        viterbi(&m, &feats, &offs, &mut Lattice::default(), &mut o1);
        viterbi(&q, &feats, &offs, &mut Lattice::default(), &mut o2);
        assert_eq!(o1, o2);
    }

    #[test]
    fn rejects_bad_files() {
        assert!(matches!(
            Model::from_bytes(b"nope"),
            Err(ModelError::Size(_))
        ));
        let mut bytes = FloatModel::new(8).to_bytes();
        bytes[0] = b'X';
        assert!(matches!(
            Model::from_bytes(&bytes),
            Err(ModelError::BadMagic)
        ));
        let mut bytes = FloatModel::new(8).to_bytes();
        bytes.pop();
        assert!(matches!(
            Model::from_bytes(&bytes),
            Err(ModelError::Size(_))
        ));
    }

    #[test]
    fn viterbi_respects_iob2() {
        // A model that loves I-PER everywhere still cannot start with it.
        let mut m = FloatModel::new(8);
        for f in 0..256usize {
            m.weights[f * N_TAGS + 2] = 5.0;
        }
        let mut out = Vec::new();
        viterbi(
            &m,
            &[1, 2, 3],
            &[0, 1, 2, 3],
            &mut Lattice::default(),
            &mut out,
        );
        assert_eq!(out[0], 1);
        assert_eq!(&out[1..], &[2, 2]);
    }
}
