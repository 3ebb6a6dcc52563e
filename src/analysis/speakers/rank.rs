//! Rules propose, a learned model chooses: every speaker rule that fires for a quote proposes
//! a candidate (a span naming the speaker, with the rule's name), and a linear ranker (an
//! averaged perceptron, Collins 2002) picks one of them, or no speaker at all.
//!
//! The features of a candidate are strings: which rules proposed it, whether the old
//! first-match cascade chose it (and by which rule), its kind (person, organisation,
//! pronoun, description), where it stands (before or after the quote, how far, in the same
//! sentence or paragraph), whether a pronoun agrees in gender with the person it is resolved
//! to, whether it is the person spoken to, a title alone, a known name. The weights are in
//! `assets/models/speakers-<langs>.tsv` (German alone, the five others together), written by
//! `krant-eval quotes DIR --save FILE` (see `docs/accuracy.md`), built into the binary and
//! read once.

use super::super::Speaker;
use crate::lang::Lang;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One proposal for a quote's speaker: a speaker or none, the rules that proposed it, and
/// its features.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub speaker: Option<Speaker>,
    pub rules: Vec<&'static str>,
    pub features: Vec<String>,
}

/// A linear model over candidate features.
#[derive(Debug, Default, Clone)]
pub struct Ranker {
    weights: HashMap<String, f32>,
    /// The languages the model was trained for; others keep the cascade's answer.
    langs: Vec<Lang>,
}

impl Ranker {
    /// Reads the `feature<TAB>weight` lines of a model file (`#` comments; a `lang<TAB>de,en`
    /// line lists the languages it applies to). Lines that do not parse are skipped.
    pub fn parse(text: &str) -> Ranker {
        let mut r = Ranker::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((k, v)) = line.split_once('\t') else {
                continue;
            };
            if k == "lang" {
                r.langs = v
                    .split(',')
                    .filter_map(|c| Lang::from_code(c.trim()))
                    .collect();
                continue;
            }
            if let Ok(w) = v.trim().parse::<f32>() {
                r.weights.insert(k.to_string(), w);
            }
        }
        r
    }

    /// The model built into the binary for `lang` (one file per language trained, each
    /// saying which languages it applies to); a model without weights for the others, so
    /// that they keep the cascade's answer.
    pub fn shipped(lang: Lang) -> &'static Ranker {
        static MODELS: OnceLock<Vec<Ranker>> = OnceLock::new();
        static NONE: OnceLock<Ranker> = OnceLock::new();
        MODELS
            .get_or_init(|| {
                [
                    include_str!("../../../assets/models/speakers-de.tsv"),
                    include_str!("../../../assets/models/speakers-nl-en-fr-es-pt.tsv"),
                ]
                .into_iter()
                .map(Ranker::parse)
                .collect()
            })
            .iter()
            .find(|r| r.applies_to(lang))
            .unwrap_or_else(|| NONE.get_or_init(Ranker::default))
    }

    /// The model file's text, features sorted, weights of zero left out.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        let langs: Vec<&str> = self.langs.iter().map(|l| l.code()).collect();
        out.push_str(&format!("lang\t{}\n", langs.join(",")));
        let mut w: Vec<(&String, &f32)> = self
            .weights
            .iter()
            .filter(|(_, w)| w.abs() >= 5e-5)
            .collect();
        w.sort_by(|a, b| a.0.cmp(b.0));
        for (k, v) in w {
            out.push_str(&format!("{k}\t{v:.4}\n"));
        }
        out
    }

    pub fn applies_to(&self, lang: Lang) -> bool {
        self.langs.contains(&lang)
    }

    pub fn set_langs(&mut self, langs: Vec<Lang>) {
        self.langs = langs;
    }

    pub fn score(&self, features: &[String]) -> f32 {
        features.iter().filter_map(|f| self.weights.get(f)).sum()
    }

    /// The index of the best candidate (the first of equals, so with no weights the first).
    /// A title alone (`Sen.`, `Präsident`: the feature `titleonly`) is never chosen.
    pub fn choose<'a>(&self, candidates: impl IntoIterator<Item = &'a [String]>) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (i, f) in candidates.into_iter().enumerate() {
            if !admissible(f) {
                continue;
            }
            let s = self.score(f);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// Whether a candidate with these features may be chosen: a title alone names nobody, and
/// a person whose gender is known never speaks a quote that `he` or `she` of the other
/// gender attributes in its own sentence.
pub fn admissible(features: &[String]) -> bool {
    !features
        .iter()
        .any(|f| f == "titleonly" || f == "qpro=disagree")
}

/// One quote for training: each candidate's features and whether it names the annotated
/// speaker.
#[derive(Debug, Clone, Default)]
pub struct Example {
    pub candidates: Vec<(Vec<String>, bool)>,
    /// What the quote and each candidate are, for reading the errors (not a feature).
    pub label: String,
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

/// Trains an averaged ranking perceptron: for each quote whose best-scoring candidate is
/// wrong while a right one exists, the features of the best right candidate gain and those
/// of the chosen one lose. The weights returned are the average over all steps.
pub fn train(examples: &[Example], epochs: usize, seed: u64, margin: f64) -> Ranker {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut encoded: Vec<Vec<(Vec<usize>, bool)>> = Vec::with_capacity(examples.len());
    for ex in examples {
        if !ex.candidates.iter().any(|c| c.1) {
            continue;
        }
        let mut cands = Vec::with_capacity(ex.candidates.len());
        for (f, right) in &ex.candidates {
            let v = f
                .iter()
                .map(|s| {
                    let n = ids.len();
                    *ids.entry(s.as_str()).or_insert(n)
                })
                .collect();
            cands.push((v, *right));
        }
        encoded.push(cands);
    }
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
    let mut weights = HashMap::new();
    for (name, &i) in &ids {
        let avg = w[i] - acc[i] / step;
        if avg != 0.0 {
            weights.insert((*name).to_string(), avg as f32);
        }
    }
    Ranker {
        weights,
        langs: Vec::new(),
    }
}

/// The mean of `n` rankers trained with [`train`], each visiting the quotes in its own
/// order: steadier than one order.
pub fn train_ensemble(examples: &[Example], epochs: usize, n: usize, margin: f64) -> Ranker {
    let mut sum: HashMap<String, f32> = HashMap::new();
    let n = n.max(1);
    for k in 0..n {
        let r = train(examples, epochs, 7 + 7919 * k as u64, margin);
        for (f, w) in r.weights {
            *sum.entry(f).or_insert(0.0) += w / n as f32;
        }
    }
    Ranker {
        weights: sum,
        langs: Vec::new(),
    }
}

thread_local! {
    static RECORD: RefCell<Option<Vec<Vec<Candidate>>>> = const { RefCell::new(None) };
    static OFF: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the speaker rules named in `rules` switched off (on this thread): what
/// `krant-eval quotes --ablate` measures each rule by.
pub fn without_rules<T>(rules: &[&str], f: impl FnOnce() -> T) -> T {
    OFF.with(|o| *o.borrow_mut() = rules.iter().map(|r| r.to_string()).collect());
    let out = f();
    OFF.with(|o| o.borrow_mut().clear());
    out
}

/// Whether the rule `rule` is switched off (see [`without_rules`]).
pub(super) fn off(rule: &str) -> bool {
    OFF.with(|o| {
        let o = o.borrow();
        !o.is_empty() && o.iter().any(|r| r == rule)
    })
}

/// Runs `f` and returns what it returns together with the candidates of every quote the
/// speaker pass saw meanwhile (on this thread), in order: for the evaluation, which trains
/// and scores rankers on them.
pub fn recording<T>(f: impl FnOnce() -> T) -> (T, Vec<Vec<Candidate>>) {
    RECORD.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = f();
    let got = RECORD.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (out, got)
}

/// Whether [`recording`] is running on this thread (then every quote's candidates are built).
pub(super) fn is_recording() -> bool {
    RECORD.with(|r| r.borrow().is_some())
}

/// Hands one quote's candidates to [`recording`], when it is running.
pub(super) fn record(candidates: &[Candidate]) {
    RECORD.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(candidates.to_vec());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn learns_to_prefer_the_right_rule() {
        // The first candidate (the cascade's) is wrong whenever `before` also proposes.
        let ex = Example {
            label: String::new(),
            candidates: vec![(f(&["casc", "r=after"]), false), (f(&["r=before"]), true)],
        };
        let other = Example {
            label: String::new(),
            candidates: vec![(f(&["casc", "r=after"]), true), (f(&["r=fallback"]), false)],
        };
        let r = train(&[ex.clone(), other.clone(), ex, other], 5, 1, 1.0);
        let pick = |e: &Example| r.choose(e.candidates.iter().map(|c| c.0.as_slice()));
        assert_eq!(
            pick(&Example {
                label: String::new(),
                candidates: vec![(f(&["casc", "r=after"]), false), (f(&["r=before"]), true)]
            }),
            Some(1)
        );
        assert_eq!(
            pick(&Example {
                label: String::new(),
                candidates: vec![(f(&["casc", "r=after"]), true), (f(&["r=fallback"]), false)]
            }),
            Some(0)
        );
    }

    #[test]
    fn reads_back_what_it_writes() {
        let mut r = Ranker::parse("# a model\nlang\tde\ncasc\t1.5\nr=before\t-0.25\nbad line\n");
        assert!(r.applies_to(Lang::De) && !r.applies_to(Lang::En));
        assert_eq!(r.score(&f(&["casc", "r=before", "unknown"])), 1.25);
        r.set_langs(vec![Lang::De, Lang::En]);
        let again = Ranker::parse(&r.to_text("trained on nothing"));
        assert!(again.applies_to(Lang::En));
        assert_eq!(again.score(&f(&["casc"])), 1.5);
    }

    #[test]
    fn a_title_alone_is_never_chosen() {
        let r = Ranker::parse("lang\tde\ntitleonly\t5\n");
        let c = [
            f(&["casc", "titleonly"]),
            f(&["none"]),
            f(&["r=lastperson"]),
        ];
        assert_eq!(r.choose(c.iter().map(Vec::as_slice)), Some(1));
    }

    #[test]
    fn a_person_of_the_other_gender_than_the_pronoun_is_never_chosen() {
        let r = Ranker::parse("lang\ten\nr=prevsent\t5\n");
        let c = [
            f(&["casc", "qpro=agree"]),
            f(&["r=prevsent", "qpro=disagree"]),
        ];
        assert_eq!(r.choose(c.iter().map(Vec::as_slice)), Some(0));
    }

    #[test]
    fn no_weights_keep_the_first_candidate() {
        let r = Ranker::default();
        let c = [f(&["casc"]), f(&["r=before"])];
        assert_eq!(r.choose(c.iter().map(Vec::as_slice)), Some(0));
    }
}
