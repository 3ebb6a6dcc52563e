//! Training: an averaged structured perceptron with Viterbi decoding (Collins 2002),
//! over the hashed features of [`super::features`]. Deterministic: a fixed seed drives the
//! order in which sentences are visited each epoch.

use super::data::Doc;
use super::lexicon::Lexicon;
use super::model::{viterbi, FloatModel, Lattice, N_TAGS};
use super::tagger::doc_features;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 18,
            epochs: 10,
            seed: 0x006b_7261_6e74,
        }
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// One training sentence, its features stored in the shared arrays.
struct Item {
    feats: Range<usize>,
    offs: Range<usize>,
    tags: Range<usize>,
    weight: f32,
}

/// The perceptron's state: current weights and the running sums for averaging.
struct State {
    w: FloatModel,
    acc: FloatModel,
    c: f32,
}

impl State {
    fn bump(&mut self, f: usize, tag: u8, d: f32) {
        let k = f * N_TAGS + tag as usize;
        self.w.weights[k] += d;
        self.acc.weights[k] += self.c * d;
    }

    fn bump_trans(&mut self, from: Option<u8>, to: u8, d: f32) {
        match from {
            None => {
                self.w.start[to as usize] += d;
                self.acc.start[to as usize] += self.c * d;
            }
            Some(p) => {
                self.w.trans[p as usize][to as usize] += d;
                self.acc.trans[p as usize][to as usize] += self.c * d;
            }
        }
    }

    fn averaged(&self) -> FloatModel {
        let mut m = self.w.clone();
        let c = self.c.max(1.0);
        for (w, a) in m.weights.iter_mut().zip(&self.acc.weights) {
            *w -= a / c;
        }
        for (w, a) in m.start.iter_mut().zip(&self.acc.start) {
            *w -= a / c;
        }
        for (row, arow) in m.trans.iter_mut().zip(&self.acc.trans) {
            for (w, a) in row.iter_mut().zip(arow) {
                *w -= a / c;
            }
        }
        m
    }
}

/// Trains on `docs`, each with a weight (how much its mistakes count; 1.0 for gold data)
/// and the lexicon its features are computed with (so that a document's own names need not
/// be in it: jackknifing). `after_epoch(epoch, averaged_model)` may evaluate; returning
/// `false` stops training.
pub fn train(
    docs: &[(Doc, f32, &Lexicon<'_>)],
    cfg: &TrainConfig,
    mut after_epoch: impl FnMut(usize, &FloatModel) -> bool,
) -> FloatModel {
    let mut feats: Vec<u32> = Vec::new();
    let mut offs: Vec<u32> = Vec::new();
    let mut tags: Vec<u8> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for (doc, weight, lex) in docs {
        let words: Vec<&str> = doc
            .sents
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.as_str()))
            .collect();
        let mut sents = Vec::new();
        let mut at = 0;
        for s in &doc.sents {
            sents.push(at..at + s.words.len());
            at += s.words.len();
        }
        for (sf, s) in doc_features(&words, &sents, cfg.bits, lex)
            .into_iter()
            .zip(&doc.sents)
        {
            let f0 = feats.len();
            let o0 = offs.len();
            let t0 = tags.len();
            feats.extend_from_slice(&sf.feats);
            offs.extend_from_slice(&sf.offs);
            tags.extend_from_slice(&s.tags);
            items.push(Item {
                feats: f0..feats.len(),
                offs: o0..offs.len(),
                tags: t0..tags.len(),
                weight: *weight,
            });
        }
    }
    let mut st = State {
        w: FloatModel::new(cfg.bits),
        acc: FloatModel::new(cfg.bits),
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = Rng(cfg.seed | 1);
    let mut lat = Lattice::default();
    let mut pred = Vec::new();
    let mut best = st.averaged();
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let it = &items[k];
            let f = &feats[it.feats.clone()];
            let o = &offs[it.offs.clone()];
            let gold = &tags[it.tags.clone()];
            viterbi(&st.w, f, o, &mut lat, &mut pred);
            if pred.as_slice() != gold {
                let d = it.weight;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &fi in &f[o[i] as usize..o[i + 1] as usize] {
                            st.bump(fi as usize, g, d);
                            st.bump(fi as usize, p, -d);
                        }
                    }
                    let gp = if i == 0 { None } else { Some(gold[i - 1]) };
                    let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                    if (gp, g) != (pp, p) {
                        st.bump_trans(gp, g, d);
                        st.bump_trans(pp, p, -d);
                    }
                }
            }
            st.c += 1.0;
        }
        best = st.averaged();
        if !after_epoch(epoch, &best) {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::data::{Doc, Sentence};
    use super::super::model::{Model, TAG_NAMES};
    use super::super::tagger::tag_doc;
    use super::*;

    fn sent(s: &str) -> Sentence {
        let mut out = Sentence::default();
        for pair in s.split_whitespace() {
            let (w, t) = pair.split_once('/').unwrap_or((pair, "O"));
            out.words.push(w.to_string());
            out.tags
                .push(TAG_NAMES.iter().position(|x| *x == t).unwrap_or(0) as u8);
        }
        out
    }

    #[test]
    fn learns_a_handful_of_sentences() {
        let data = [
            "Jan/B-PER Peeters/I-PER woont/O in/O Gent/B-LOC ./O",
            "De/O Verenigde/B-ORG Naties/I-ORG vergaderen/O in/O Genève/B-LOC ./O",
            "Marie/B-PER Dubois/I-PER werkt/O voor/O Philips/B-ORG ./O",
            "Het/O Belgische/B-MISC team/O won/O in/O Madrid/B-LOC ./O",
            "Gisteren/O sprak/O Peeters/B-PER met/O de/O pers/O ./O",
            "Volgens/O Philips/B-ORG groeit/O de/O markt/O ./O",
        ];
        let lex = Lexicon::empty();
        let docs: Vec<(Doc, f32, &Lexicon)> = data
            .iter()
            .map(|s| {
                (
                    Doc {
                        sents: vec![sent(s)],
                    },
                    1.0,
                    &lex,
                )
            })
            .collect();
        let cfg = TrainConfig {
            bits: 16,
            epochs: 15,
            seed: 7,
        };
        let mut epochs = 0;
        let m = train(&docs, &cfg, |_, _| {
            epochs += 1;
            true
        });
        assert_eq!(epochs, 15);
        let bytes = m.to_bytes();
        let q = Model::from_bytes(&bytes).expect("fresh model parses");
        for (d, _, _) in &docs {
            let words: Vec<&str> = d.sents[0].words.iter().map(|w| w.as_str()).collect();
            let sents = vec![std::ops::Range {
                start: 0,
                end: words.len(),
            }];
            assert_eq!(tag_doc(&m, &lex, &words, &sents, false), d.sents[0].tags);
            assert_eq!(tag_doc(&q, &lex, &words, &sents, false), d.sents[0].tags);
        }
        // Deterministic: the same data and seed give the same model.
        let again = train(&docs, &cfg, |_, _| true);
        assert_eq!(again.to_bytes(), bytes);
    }
}
