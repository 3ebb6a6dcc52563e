//! Rules propose, a learned model chooses: every speaker rule that fires for a quote proposes
//! a candidate (a span naming the speaker, with the rule's name), and a linear ranker (an
//! averaged perceptron, Collins 2002) picks one of them, or no speaker at all.
//!
//! The features of a candidate are strings: which rules proposed it, whether the old
//! first-match cascade chose it (and by which rule), its kind (person, organisation,
//! pronoun, description), where it stands (before or after the quote, how far, in the same
//! sentence or paragraph), whether a pronoun agrees in gender with the person it is resolved
//! to, whether it is the person spoken to, a title alone, a known name. A model may also
//! weigh every pair of a candidate's features together (`pairs`: a rule that is right after
//! the quote but wrong two sentences away, say), which the five languages' model does. The
//! weights are in
//! `assets/models/speakers-<langs>.tsv` (German alone, the five others together), written by
//! `krant-eval quotes DIR --save FILE` (see `docs/accuracy.md`), built into the binary and
//! read once.

use super::super::Speaker;
use crate::analysis::ner::hash::{hash_str, HashMap64};
use crate::lang::Lang;
use std::cell::RefCell;
use std::sync::OnceLock;

/// One proposal for a quote's speaker: a speaker or none, the rules that proposed it, and
/// its features.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub speaker: Option<Speaker>,
    pub rules: Vec<&'static str>,
    pub features: Vec<String>,
}

/// A linear model over candidate features (and, when `pairs`, over every pair of them).
#[derive(Debug, Default, Clone)]
pub struct Ranker {
    /// Weights by feature key: [`hash_str`] of a feature, [`pair_key`] of two.
    weights: HashMap64<f32>,
    /// What each key stands for (one feature, or two), for writing the model out.
    names: HashMap64<(String, Option<String>)>,
    /// The languages the model was trained for; others keep the cascade's answer.
    langs: Vec<Lang>,
    /// Whether pairs of features are weighed too.
    pairs: bool,
}

/// The key of two features weighed together, the same in either order.
fn pair_key(a: u64, b: u64) -> u64 {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    (lo.rotate_left(29) ^ hi).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (lo >> 17)
}

/// The keys a candidate's features are weighed by: one per feature and, with `pairs`, one
/// per pair of different features; each with what it stands for when `names` is given.
pub fn keys(
    features: &[String],
    pairs: bool,
    mut names: Option<&mut HashMap64<(String, Option<String>)>>,
) -> Vec<u64> {
    let singles: Vec<u64> = features.iter().map(|f| hash_str(f)).collect();
    let mut out = singles.clone();
    if let Some(n) = names.as_deref_mut() {
        for (k, f) in singles.iter().zip(features) {
            n.entry(*k).or_insert_with(|| (f.clone(), None));
        }
    }
    if pairs {
        for i in 0..singles.len() {
            for j in i + 1..singles.len() {
                if singles[i] == singles[j] {
                    continue;
                }
                let k = pair_key(singles[i], singles[j]);
                out.push(k);
                if let Some(n) = names.as_deref_mut() {
                    n.entry(k)
                        .or_insert_with(|| (features[i].clone(), Some(features[j].clone())));
                }
            }
        }
    }
    out
}

impl Ranker {
    /// A model of `weights` by key (what each stands for in `names`), weighing pairs when
    /// `pairs`: what training makes.
    pub fn trained(
        weights: HashMap64<f32>,
        names: HashMap64<(String, Option<String>)>,
        pairs: bool,
    ) -> Ranker {
        Ranker {
            weights,
            names,
            langs: Vec::new(),
            pairs,
        }
    }

    /// Reads the `feature<TAB>weight` and `feature<TAB>feature<TAB>weight` (a pair) lines of a
    /// model file (`#` comments; a `lang<TAB>de,en` line lists the languages it applies to, a
    /// `pairs<TAB>1` line says that pairs are weighed). Lines that do not parse are skipped.
    pub fn parse(text: &str) -> Ranker {
        Ranker::read(text, true)
    }

    /// [`Ranker::parse`]; without `names` the model cannot be written out again, which the
    /// models built into the binary never are (reading them takes 1.7 ms instead of 4.4).
    fn read(text: &str, names: bool) -> Ranker {
        let mut r = Ranker::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').collect();
            match parts.as_slice() {
                ["lang", v] => {
                    r.langs = v
                        .split(',')
                        .filter_map(|c| Lang::from_code(c.trim()))
                        .collect();
                }
                ["pairs", v] => r.pairs = v.trim() == "1",
                [k, v] => {
                    if let Ok(w) = v.trim().parse::<f32>() {
                        r.weights.insert(hash_str(k), w);
                        if names {
                            r.names.insert(hash_str(k), (k.to_string(), None));
                        }
                    }
                }
                [a, b, v] => {
                    if let Ok(w) = v.trim().parse::<f32>() {
                        let k = pair_key(hash_str(a), hash_str(b));
                        r.weights.insert(k, w);
                        if names {
                            r.names.insert(k, (a.to_string(), Some(b.to_string())));
                        }
                    }
                }
                _ => {}
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
                .map(|t| Ranker::read(t, false))
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
        if self.pairs {
            out.push_str("pairs\t1\n");
        }
        let clean = |s: &str| !s.contains(['\t', '\n', '\r']);
        let mut w: Vec<(String, f32)> = self
            .weights
            .iter()
            .filter(|(_, w)| w.abs() >= 5e-5)
            .filter_map(|(k, w)| {
                let (a, b) = self.names.get(k)?;
                match b {
                    None if clean(a) => Some((a.clone(), *w)),
                    Some(b) if clean(a) && clean(b) => {
                        let (a, b) = if a <= b { (a, b) } else { (b, a) };
                        Some((format!("{a}\t{b}"), *w))
                    }
                    _ => None,
                }
            })
            .collect();
        w.sort_by(|a, b| a.0.cmp(&b.0));
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
        if self.weights.is_empty() {
            return 0.0;
        }
        keys(features, self.pairs, None)
            .iter()
            .filter_map(|k| self.weights.get(k))
            .sum()
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

    /// Feature names from string literals.
    fn f(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
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
