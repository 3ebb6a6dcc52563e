//! Tags a whole document: features per sentence, Viterbi per sentence, then a
//! document-level pass that makes repeated names agree.

use super::features::{
    doc_votes, extract, stage2_features, starts_lower, DocStats, Scratch, SentenceFeatures,
    TokenInfo,
};
use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::model::{decode, emissions, is_inside, scores, type_of, Lattice, Scorer, N_TAGS, O};
use std::collections::HashMap;
use std::ops::Range;

/// Computes the features of every sentence of a document (`sents` are ranges of `words`).
pub fn doc_features(
    words: &[&str],
    sents: &[Range<usize>],
    bits: u32,
    lex: &Lexicon<'_>,
) -> (Vec<TokenInfo>, Vec<SentenceFeatures>) {
    let gaz = Gazetteer::get();
    let infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w, gaz, lex)).collect();
    let doc = doc_stats(words, &infos, sents);
    let mut scratch = Scratch::default();
    let feats = sents
        .iter()
        .map(|s| {
            let mut out = SentenceFeatures {
                feats: Vec::new(),
                offs: Vec::new(),
            };
            extract(&infos[s.clone()], &doc, gaz, bits, &mut scratch, &mut out);
            out
        })
        .collect();
    (infos, feats)
}

pub fn doc_stats(words: &[&str], infos: &[TokenInfo], sents: &[Range<usize>]) -> DocStats {
    let mut doc = DocStats::default();
    for s in sents {
        for i in s.clone() {
            doc.add(
                infos[i].lower,
                starts_lower(words[i]),
                infos[i].cap && i > s.start,
            );
        }
    }
    doc
}

/// Tags a document; returns one tag per word.
// Kept out of its callers: inlined, its loops were compiled less well (the analysis of a
// long article took a fifth longer).
#[inline(never)]
pub fn tag_doc<S: Scorer + ?Sized>(
    m: &S,
    lex: &Lexicon<'_>,
    words: &[&str],
    sents: &[Range<usize>],
    consistency: bool,
) -> Vec<u8> {
    let gaz = Gazetteer::get();
    let infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w, gaz, lex)).collect();
    let doc = doc_stats(words, &infos, sents);
    let mut scratch = Scratch::default();
    let mut sf = SentenceFeatures {
        feats: Vec::new(),
        offs: Vec::new(),
    };
    let mut lat = Lattice::default();
    let mut tags = vec![O; words.len()];
    let mut out = Vec::new();
    let (start, trans) = scores(m, false);
    // First stage; the emission scores of the whole document are kept for the second.
    let mut emit: Vec<[f32; N_TAGS]> = Vec::with_capacity(words.len());
    for s in sents {
        extract(
            &infos[s.clone()],
            &doc,
            gaz,
            m.bits(),
            &mut scratch,
            &mut sf,
        );
        let e0 = emit.len();
        emissions(m, &sf.feats, &sf.offs, &mut emit);
        decode(&emit[e0..], &start, &trans, &mut lat.back, &mut out);
        tags[s.clone()].copy_from_slice(&out);
    }
    if let Some(s2) = m.stage2() {
        stage2_pass(s2, m, &infos, sents, &mut emit, &mut lat, &mut tags);
    }
    if consistency {
        make_consistent(words, &infos, sents, &mut tags);
    }
    tags
}

/// The second stage: adds the weights of the features of the first stage's tags to the
/// emission scores `emit` (all tokens of the document) and decodes again into `tags`.
pub fn stage2_pass<S: Scorer + ?Sized>(
    s2: &super::model::Stage2,
    m: &S,
    infos: &[TokenInfo],
    sents: &[Range<usize>],
    emit: &mut [[f32; N_TAGS]],
    lat: &mut Lattice,
    tags: &mut [u8],
) {
    let (start, trans) = scores(m, true);
    let votes = doc_votes(infos, tags);
    let p1 = tags.to_vec();
    let mut sf = SentenceFeatures {
        feats: Vec::new(),
        offs: Vec::new(),
    };
    let mut out = Vec::new();
    for s in sents {
        stage2_features(&infos[s.clone()], &p1[s.clone()], &votes, s2.bits, &mut sf);
        let e = &mut emit[s.clone()];
        for (k, acc) in e.iter_mut().enumerate() {
            for &f in &sf.feats[sf.offs[k] as usize..sf.offs[k + 1] as usize] {
                s2.add_row(f, acc);
            }
        }
        decode(e, &start, &trans, &mut lat.back, &mut out);
        tags[s.clone()].copy_from_slice(&out);
    }
}

/// Spans of entities in a tag sequence: (start, end, type index). A stray I- starts a span.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == O {
            i += 1;
            continue;
        }
        let ty = type_of(t);
        let mut j = i + 1;
        while j < tags.len() && is_inside(tags[j]) && type_of(tags[j]) == ty {
            j += 1;
        }
        out.push((i, j, ty));
        i = j;
    }
    out
}

/// Document-level consistency: a name tagged somewhere is tagged wherever else it occurs
/// capitalised and untagged, with the type it has most often; the surname of a tagged
/// person alone is a person too.
fn make_consistent(words: &[&str], infos: &[TokenInfo], sents: &[Range<usize>], tags: &mut [u8]) {
    // Votes per token sequence (lower-case hashes).
    let mut votes: HashMap<Vec<u64>, [u32; 4]> = HashMap::new();
    let mut max_len = 0;
    for s in sents {
        for (a, b, ty) in spans(&tags[s.clone()]) {
            let key: Vec<u64> = (s.start + a..s.start + b).map(|k| infos[k].lower).collect();
            max_len = max_len.max(key.len());
            votes.entry(key).or_insert([0; 4])[ty] += 1;
            // The surname of a person named with first and last name.
            if ty == 0 && b - a >= 2 && infos[s.start + b - 1].cap {
                let last = vec![infos[s.start + b - 1].lower];
                votes.entry(last).or_insert([0; 4])[ty] += 1;
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    let best = |v: &[u32; 4]| -> usize {
        let mut k = 0;
        for t in 1..4 {
            if v[t] > v[k] {
                k = t;
            }
        }
        k
    };
    let mut key = Vec::with_capacity(max_len);
    for s in sents {
        let mut i = s.start;
        while i < s.end {
            if tags[i] != O
                || !infos[i].cap
                || (i == s.start && starts_like_function_word(words[i]))
            {
                i += 1;
                continue;
            }
            let mut matched = 0;
            for len in (1..=max_len.min(s.end - i)).rev() {
                if tags[i..i + len].iter().any(|&t| t != O) {
                    continue;
                }
                // The next token must not continue a name.
                key.clear();
                key.extend((i..i + len).map(|k| infos[k].lower));
                if let Some(v) = votes.get(&key) {
                    let ty = best(v) as u8;
                    tags[i] = 1 + 2 * ty;
                    for t in &mut tags[i + 1..i + len] {
                        *t = 2 + 2 * ty;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
    debug_assert!(tags.iter().all(|&t| (t as usize) < N_TAGS));
}

/// Sentence-initial words that are seldom names on their own.
fn starts_like_function_word(w: &str) -> bool {
    w.chars().count() <= 2
}
