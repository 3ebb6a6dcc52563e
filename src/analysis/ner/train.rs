//! Training: an averaged structured perceptron with Viterbi decoding (Collins 2002),
//! over the hashed features of [`super::features`]. Deterministic: a fixed seed drives the
//! order in which sentences are visited each epoch.

use super::data::Doc;
use super::features::{doc_votes, stage2_features, SentenceFeatures, TokenInfo};
use super::lexicon::Lexicon;
use super::model::{decode, emissions, scores, viterbi, FloatModel, Lattice, N_TAGS};
use super::tagger::doc_features;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// The second (stacked) stage: `2^stage2_bits` rows (0 = no second stage), its epochs,
    /// and the number of folds its first-stage tags of the training data come from.
    pub stage2_bits: u32,
    pub stage2_epochs: usize,
    pub folds: usize,
    /// How many first-stage perceptrons, each visiting the sentences in its own order, are
    /// trained; the model is the mean of their weights.
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 18,
            epochs: 10,
            seed: 0x006b_7261_6e74,
            stage2_bits: 0,
            stage2_epochs: 5,
            folds: 4,
            ensemble: 1,
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

/// The training data with its first-stage features.
struct Prepared {
    feats: Vec<u32>,
    offs: Vec<u32>,
    tags: Vec<u8>,
    items: Vec<Item>,
    /// Per document: its token infos and its sentences (as ranges of `items`).
    docs: Vec<(Vec<TokenInfo>, Range<usize>)>,
}

fn prepare(docs: &[(Doc, f32, &Lexicon<'_>)], bits: u32) -> Prepared {
    let mut p = Prepared {
        feats: Vec::new(),
        offs: Vec::new(),
        tags: Vec::new(),
        items: Vec::new(),
        docs: Vec::new(),
    };
    for (doc, weight, lex) in docs {
        let (words, sents) = doc.flat();
        let (infos, sfs) = doc_features(&words, &sents, bits, lex);
        let i0 = p.items.len();
        for (sf, s) in sfs.into_iter().zip(&doc.sents) {
            let f0 = p.feats.len();
            let o0 = p.offs.len();
            let t0 = p.tags.len();
            p.feats.extend_from_slice(&sf.feats);
            p.offs.extend_from_slice(&sf.offs);
            p.tags.extend_from_slice(&s.tags);
            p.items.push(Item {
                feats: f0..p.feats.len(),
                offs: o0..p.offs.len(),
                tags: t0..p.tags.len(),
                weight: *weight,
            });
        }
        p.docs.push((infos, i0..p.items.len()));
    }
    p
}

/// Perceptron updates for one sentence: gold and predicted tags, each token's features.
fn update(st: &mut State, f: &[u32], o: &[u32], gold: &[u8], pred: &[u8], d: f32) {
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

/// The first stage's perceptron over the items `subset`.
fn perceptron(
    p: &Prepared,
    subset: &[usize],
    bits: u32,
    epochs: usize,
    seed: u64,
    mut after_epoch: impl FnMut(usize, &FloatModel) -> bool,
) -> FloatModel {
    let mut st = State {
        w: FloatModel::new(bits),
        acc: FloatModel::new(bits),
        c: 1.0,
    };
    let mut order: Vec<usize> = subset.to_vec();
    let mut rng = Rng(seed | 1);
    let mut lat = Lattice::default();
    let mut pred = Vec::new();
    let mut best = st.averaged();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let it = &p.items[k];
            let f = &p.feats[it.feats.clone()];
            let o = &p.offs[it.offs.clone()];
            let gold = &p.tags[it.tags.clone()];
            viterbi(&st.w, f, o, &mut lat, &mut pred);
            if pred.as_slice() != gold {
                update(&mut st, f, o, gold, &pred, it.weight);
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

/// Trains on `docs`, each with a weight (how much its mistakes count; 1.0 for gold data)
/// and the lexicon its features are computed with (so that a document's own names need not
/// be in it: jackknifing). `after_epoch(epoch, averaged_model)` may evaluate; returning
/// `false` stops training. Epochs of the second stage are numbered after the first's.
pub fn train(
    docs: &[(Doc, f32, &Lexicon<'_>)],
    cfg: &TrainConfig,
    mut after_epoch: impl FnMut(usize, &FloatModel) -> bool,
) -> FloatModel {
    let p = prepare(docs, cfg.bits);
    let all: Vec<usize> = (0..p.items.len()).collect();
    let mut go_on = true;
    let mut base = perceptron(&p, &all, cfg.bits, cfg.epochs, cfg.seed, |e, m| {
        go_on = after_epoch(e, m);
        go_on
    });
    // One perceptron's dev F1 moves by a point or more with the order it visits the data
    // in; the mean of several is steadier.
    if cfg.ensemble > 1 && go_on {
        for k in 1..cfg.ensemble {
            let seed = cfg.seed.wrapping_add(2 * k as u64);
            let m = perceptron(&p, &all, cfg.bits, cfg.epochs, seed, |_, _| true);
            base.add_scaled(&m, 1.0);
        }
        base.scale(1.0 / cfg.ensemble as f32);
    }
    if cfg.stage2_bits == 0 || cfg.stage2_epochs == 0 || !go_on {
        return base;
    }
    // First-stage emission scores and tags of every training sentence, each from a model
    // trained without the sentence's document.
    let folds = cfg.folds.max(2);
    let mut emit: Vec<[f32; N_TAGS]> = Vec::with_capacity(p.tags.len());
    emit.resize(p.tags.len(), [0.0; N_TAGS]);
    let mut p1 = vec![0u8; p.tags.len()];
    let mut fold_scores = Vec::new();
    let mut lat = Lattice::default();
    let mut out = Vec::new();
    for k in 0..folds {
        let subset: Vec<usize> = p
            .docs
            .iter()
            .enumerate()
            .filter(|(d, _)| d % folds != k)
            .flat_map(|(_, (_, r))| r.clone())
            .collect();
        let m = perceptron(
            &p,
            &subset,
            cfg.bits,
            cfg.epochs,
            cfg.seed ^ k as u64,
            |_, _| true,
        );
        let (start, trans) = scores(&m, false);
        for (_, r) in p.docs.iter().skip(k).step_by(folds) {
            for it in &p.items[r.clone()] {
                let mut e = Vec::with_capacity(it.tags.len());
                emissions(
                    &m,
                    &p.feats[it.feats.clone()],
                    &p.offs[it.offs.clone()],
                    &mut e,
                );
                decode(&e, &start, &trans, &mut lat.back, &mut out);
                emit[it.tags.clone()].copy_from_slice(&e);
                p1[it.tags.clone()].copy_from_slice(&out);
            }
        }
        fold_scores.push((start, trans));
    }
    // Second-stage features of every sentence.
    let mut feats2: Vec<u32> = Vec::new();
    let mut offs2: Vec<u32> = Vec::new();
    let mut ranges2: Vec<(Range<usize>, Range<usize>)> = vec![(0..0, 0..0); p.items.len()];
    let mut sf = SentenceFeatures {
        feats: Vec::new(),
        offs: Vec::new(),
    };
    for (infos, r) in &p.docs {
        let t0 = p.items[r.start].tags.start;
        let t1 = p.items[r.end - 1].tags.end;
        let votes = doc_votes(infos, &p1[t0..t1]);
        for k in r.clone() {
            let tr = p.items[k].tags.clone();
            let local = tr.start - t0..tr.end - t0;
            stage2_features(&infos[local], &p1[tr], &votes, cfg.stage2_bits, &mut sf);
            let f0 = feats2.len();
            let o0 = offs2.len();
            feats2.extend_from_slice(&sf.feats);
            offs2.extend_from_slice(&sf.offs);
            ranges2[k] = (f0..feats2.len(), o0..offs2.len());
        }
    }
    let fold_of_item: Vec<usize> = {
        let mut v = vec![0; p.items.len()];
        for (d, (_, r)) in p.docs.iter().enumerate() {
            for k in r.clone() {
                v[k] = d % folds;
            }
        }
        v
    };
    // The second stage's perceptron: its weights, start and transition deltas.
    let mut st = State {
        w: FloatModel::new(cfg.stage2_bits),
        acc: FloatModel::new(cfg.stage2_bits),
        c: 1.0,
    };
    let mut order = all;
    let mut rng = Rng(cfg.seed.rotate_left(17) | 1);
    let mut e = Vec::new();
    for epoch in 1..=cfg.stage2_epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let it = &p.items[k];
            let (fr, or) = &ranges2[k];
            let f = &feats2[fr.clone()];
            let o = &offs2[or.clone()];
            let gold = &p.tags[it.tags.clone()];
            e.clear();
            e.extend_from_slice(&emit[it.tags.clone()]);
            for (i, acc) in e.iter_mut().enumerate() {
                for &fi in &f[o[i] as usize..o[i + 1] as usize] {
                    st.w.add_row_mut(fi, acc);
                }
            }
            let (mut start, mut trans) = fold_scores[fold_of_item[k]];
            for (a, b) in start.iter_mut().zip(&st.w.start) {
                *a += b;
            }
            for (row, drow) in trans.iter_mut().zip(&st.w.trans) {
                for (a, b) in row.iter_mut().zip(drow) {
                    *a += b;
                }
            }
            decode(&e, &start, &trans, &mut lat.back, &mut out);
            if out.as_slice() != gold {
                update(&mut st, f, o, gold, &out, it.weight);
            }
            st.c += 1.0;
        }
        base.stage2 = Some(Box::new(st.averaged()));
        if !after_epoch(cfg.epochs + epoch, &base) {
            break;
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::super::data::{Doc, Sentence};
    use super::super::model::{Model, Scorer, TAG_NAMES};
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
            stage2_bits: 0,
            ..TrainConfig::default()
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
        // An ensemble is the mean of perceptrons that visit the data in different orders.
        let other = train(
            &docs,
            &TrainConfig {
                seed: cfg.seed + 2,
                ..cfg.clone()
            },
            |_, _| true,
        );
        let pair = train(
            &docs,
            &TrainConfig {
                ensemble: 2,
                ..cfg.clone()
            },
            |_, _| true,
        );
        assert_ne!(other.weights, m.weights);
        for ((e, a), b) in pair.weights.iter().zip(&m.weights).zip(&other.weights) {
            assert!((e - (a + b) / 2.0).abs() < 1e-4);
        }
        // With the stacked second stage: stored, read back, deterministic too.
        let cfg2 = TrainConfig {
            stage2_bits: 10,
            stage2_epochs: 2,
            folds: 2,
            ..cfg.clone()
        };
        let mut epochs = 0;
        let s = train(&docs, &cfg2, |_, _| {
            epochs += 1;
            true
        });
        assert_eq!(epochs, 17);
        let sbytes = s.to_bytes();
        assert_eq!(sbytes.len(), bytes.len() + 4 + 90 * 4 + 1024 * N_TAGS * 4);
        let q2 = Model::from_bytes(&sbytes).expect("stacked model parses");
        assert!(q2.stage2().is_some_and(|s2| s2.bits == 10));
        assert!(Model::from_bytes(&sbytes[..sbytes.len() - 1]).is_err());
        assert_eq!(train(&docs, &cfg2, |_, _| true).to_bytes(), sbytes);
        for (d, _, _) in &docs {
            let words: Vec<&str> = d.sents[0].words.iter().map(|w| w.as_str()).collect();
            let sents = vec![std::ops::Range {
                start: 0,
                end: words.len(),
            }];
            assert_eq!(tag_doc(&q2, &lex, &words, &sents, false).len(), words.len());
        }
    }
}
