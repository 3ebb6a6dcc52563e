//! Training the speaker ranker ([`krant::analysis::speakers::rank::Ranker`]): averaged
//! ranking perceptrons over the candidates the speaker pass records, used by `krant-eval`
//! (cross-validation, `--save`), never by the analysis itself.

use krant::analysis::ner::hash::HashMap64;
use krant::analysis::speakers::rank::{keys, Ranker};
use krant::lang::Lang;
use std::sync::atomic::{AtomicU64, Ordering};

/// One quote for training: each candidate's features and whether it names the annotated
/// speaker.
#[derive(Debug, Clone, Default)]
pub struct Example {
    pub candidates: Vec<(Vec<String>, bool)>,
    /// What the quote and each candidate are, for reading the errors (not a feature).
    pub label: String,
    /// The language of the quote's article.
    pub lang: Option<Lang>,
}

/// A small deterministic generator for the visiting order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The quotes of `examples` that have a right candidate, each candidate's feature keys
/// numbered from 0 (the keys in `ids`, what they stand for in `names`).
struct Encoded {
    quotes: Vec<Vec<(Vec<usize>, bool)>>,
    ids: HashMap64<usize>,
    names: HashMap64<(String, Option<String>)>,
}

fn encode(examples: &[Example], pairs: bool) -> Encoded {
    let mut e = Encoded {
        quotes: Vec::with_capacity(examples.len()),
        ids: HashMap64::default(),
        names: HashMap64::default(),
    };
    for ex in examples {
        if !ex.candidates.iter().any(|c| c.1) {
            continue;
        }
        let mut cands = Vec::with_capacity(ex.candidates.len());
        for (f, right) in &ex.candidates {
            let v = keys(f, pairs, Some(&mut e.names))
                .into_iter()
                .map(|k| {
                    let n = e.ids.len();
                    *e.ids.entry(k).or_insert(n)
                })
                .collect();
            cands.push((v, *right));
        }
        e.quotes.push(cands);
    }
    e
}

/// Trains an averaged ranking perceptron: for each quote whose best-scoring candidate is
/// wrong while a right one exists, the features of the best right candidate gain and those
/// of the chosen one lose. The weights returned are the average over all steps.
#[cfg(test)]
fn train(examples: &[Example], epochs: usize, seed: u64, margin: f64, pairs: bool) -> Ranker {
    let e = encode(examples, pairs);
    let weights = train_encoded(&e, epochs, seed, margin);
    Ranker::trained(weights, e.names, pairs)
}

fn train_encoded(e: &Encoded, epochs: usize, seed: u64, margin: f64) -> HashMap64<f32> {
    let (ids, encoded) = (&e.ids, &e.quotes);
    let n = ids.len();
    let (mut w, mut acc) = (vec![0f64; n], vec![0f64; n]);
    let mut step = 1f64;
    let mut rng = Rng(seed.max(1));
    let mut order: Vec<usize> = (0..encoded.len()).collect();
    let score = |w: &[f64], f: &[usize]| f.iter().map(|&i| w[i]).sum::<f64>();
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &e in &order {
            let cands = &encoded[e];
            // The best wrong candidate and the best right one; an update when the wrong one
            // is not at least `margin` below the right one.
            let mut best_wrong: Option<usize> = None;
            let mut best_right: Option<usize> = None;
            for (i, (f, right)) in cands.iter().enumerate() {
                let s = score(&w, f);
                let slot = if *right {
                    &mut best_right
                } else {
                    &mut best_wrong
                };
                if slot.is_none_or(|b| s > score(&w, &cands[b].0)) {
                    *slot = Some(i);
                }
            }
            let pair = best_right.zip(best_wrong).filter(|&(g, b)| {
                score(&w, &cands[b].0) + margin >= score(&w, &cands[g].0)
                    && (margin > 0.0 || b < g || score(&w, &cands[b].0) > score(&w, &cands[g].0))
            });
            if let Some((g, best)) = pair {
                for &f in &cands[g].0 {
                    w[f] += 1.0;
                    acc[f] += step;
                }
                for &f in &cands[best].0 {
                    w[f] -= 1.0;
                    acc[f] -= step;
                }
            }
            step += 1.0;
        }
    }
    let mut weights = HashMap64::default();
    for (&key, &i) in ids {
        let avg = w[i] - acc[i] / step;
        if avg != 0.0 {
            weights.insert(key, avg as f32);
        }
    }
    weights
}

/// The first seed of the visiting orders of [`train_ensemble`] (each perceptron's is this plus
/// a multiple of 7919): 7 unless `krant-eval quotes --seed N` says otherwise. One seed's
/// cross-validation moves by a quote or two when the data changes at all, so choices are
/// made on the sum over several seeds (`docs/accuracy.md`).
pub static SEED: AtomicU64 = AtomicU64::new(7);

/// How a ranker is trained: epochs, the margin of its updates, how many perceptrons are
/// averaged, whether pairs of features are weighed, and the smallest weight kept.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    pub epochs: usize,
    pub margin: f64,
    pub perceptrons: usize,
    pub pairs: bool,
    pub min_weight: f32,
}

/// The mean of `n` rankers trained with [`train`], each visiting the quotes in its own
/// order: steadier than one order. Weights smaller than `min_weight` are dropped.
pub fn train_ensemble(examples: &[Example], t: Training) -> Ranker {
    let Training {
        epochs,
        margin,
        perceptrons: n,
        pairs,
        min_weight,
    } = t;
    let e = encode(examples, pairs);
    let mut sum: HashMap64<f32> = HashMap64::default();
    let n = n.max(1);
    for k in 0..n {
        let seed = SEED.load(Ordering::Relaxed) + 7919 * k as u64;
        let weights = train_encoded(&e, epochs, seed, margin);
        for (f, w) in weights {
            *sum.entry(f).or_insert(0.0) += w / n as f32;
        }
    }
    sum.retain(|_, w| w.abs() >= min_weight);
    Ranker::trained(sum, e.names, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feature names from string literals.
    fn f(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn learns_to_prefer_the_right_rule() {
        // The first candidate (the cascade's) is wrong whenever `before` also proposes.
        let ex = Example {
            label: String::new(),
            lang: None,
            candidates: vec![(f(&["casc", "r=after"]), false), (f(&["r=before"]), true)],
        };
        let other = Example {
            label: String::new(),
            lang: None,
            candidates: vec![(f(&["casc", "r=after"]), true), (f(&["r=fallback"]), false)],
        };
        let r = train(&[ex.clone(), other.clone(), ex, other], 5, 1, 1.0, false);
        let pick = |e: &Example| r.choose(e.candidates.iter().map(|c| c.0.as_slice()));
        assert_eq!(
            pick(&Example {
                label: String::new(),
                lang: None,
                candidates: vec![(f(&["casc", "r=after"]), false), (f(&["r=before"]), true)]
            }),
            Some(1)
        );
        assert_eq!(
            pick(&Example {
                label: String::new(),
                lang: None,
                candidates: vec![(f(&["casc", "r=after"]), true), (f(&["r=fallback"]), false)]
            }),
            Some(0)
        );
    }

    #[test]
    fn pairs_learn_what_one_feature_at_a_time_cannot() {
        // `b` helps next to `a` and harms next to `c`: no single weight for `b` does both.
        let ex = |right: &[&str], wrong: &[&str]| Example {
            label: String::new(),
            lang: None,
            candidates: vec![(f(right), true), (f(wrong), false)],
        };
        let data = [ex(&["a", "b"], &["a"]), ex(&["c"], &["c", "b"])];
        let t = |pairs| Training {
            epochs: 10,
            margin: 1.0,
            perceptrons: 2,
            pairs,
            min_weight: 0.0,
        };
        let right = |r: &Ranker| {
            data.iter()
                .filter(|e| r.choose(e.candidates.iter().map(|c| c.0.as_slice())) == Some(0))
                .count()
        };
        assert_eq!(right(&train_ensemble(&data, t(false))), 1);
        let paired = train_ensemble(&data, t(true));
        assert_eq!(right(&paired), 2);
        // Written out and read back, the pairs score the same.
        let again = Ranker::parse(&paired.to_text("pairs"));
        for e in &data {
            for (c, _) in &e.candidates {
                assert!((again.score(c) - paired.score(c)).abs() < 1e-3);
            }
        }
        assert!(again.to_text("pairs").contains("pairs\t1\na\t"));
    }
}
