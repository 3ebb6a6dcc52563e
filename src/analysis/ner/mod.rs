//! Named-entity recognition: finds spans of names (people, organisations, places, other)
//! in running text. A statistical tagger per language does the recognition when its model
//! is available; a shape-based fallback otherwise.
//!
//! The pipeline: [`tokenize`] splits the text CoNLL-style (keeping byte offsets) and into
//! sentences; [`features`] turns each token into hashed features (word, shape, affixes,
//! context, gazetteers, compound parts, document cues); [`model`] scores them with an averaged
//! perceptron trained by [`train`] and decodes with Viterbi; a model may have a stacked second
//! stage that re-decodes with features of the first stage's tags (how the same word form is
//! tagged elsewhere in the document); [`tagger`] runs both and a document-level consistency
//! pass. Models live in `assets/models/<lang>.bin`, built by `krant-train`.

pub mod data;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod tagger;
pub mod tokenize;
pub mod train;

use crate::lang::Lang;
use lexicon::Lexicon;
use model::Model;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Per,
    Org,
    Loc,
    Misc,
}

/// One recognised name: a byte range into the text given to [`recognize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
}

/// The model files shipped in the binary.
fn model_bytes(lang: Lang) -> &'static [u8] {
    match lang {
        Lang::Nl => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/nl.bin")),
        Lang::En => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/en.bin")),
        Lang::De => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/de.bin")),
        Lang::Fr => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/fr.bin")),
        Lang::Es => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/es.bin")),
        Lang::Pt => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/pt.bin")),
    }
}

/// The shipped model of a language, loaded on first use (`None` if it is missing or broken).
pub fn shipped_model(lang: Lang) -> Option<&'static Model<'static>> {
    static MODELS: [OnceLock<Option<Model<'static>>>; 6] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    MODELS[slot]
        .get_or_init(|| {
            // The gazetteer is part of what a model needs: build it with the model.
            let _ = gazetteer::Gazetteer::get();
            let _ = shipped_lexicon();
            Model::from_bytes(model_bytes(lang)).ok()
        })
        .as_ref()
}

/// The shipped name lexicon, shared by all languages (empty if missing or broken).
pub fn shipped_lexicon() -> &'static Lexicon<'static> {
    static LEX: OnceLock<Lexicon<'static>> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::from_bytes(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/models/lexicon.bin"
        )))
        .unwrap_or_else(Lexicon::empty)
    })
}

/// Recognises the names in `text` (one block of running text, e.g. a paragraph).
pub fn recognize(lang: Lang, text: &str) -> Vec<NameSpan> {
    recognize_with(shipped_model(lang), shipped_lexicon(), lang, text)
}

/// [`recognize`] with a given model (e.g. one read from a file while tuning): the text as one
/// block.
pub fn recognize_with(
    model: Option<&Model<'_>>,
    lex: &Lexicon<'_>,
    lang: Lang,
    text: &str,
) -> Vec<NameSpan> {
    recognize_blocks_with(
        model,
        lex,
        lang,
        text,
        std::slice::from_ref(&(0..text.len())),
    )
}

/// Recognises the names in several blocks of one article at once (byte ranges into `text`;
/// sentences never cross a block). The document-level features and the consistency pass
/// see the whole article, as they saw whole documents in training. Spans are absolute byte
/// ranges in text order.
pub fn recognize_blocks(lang: Lang, text: &str, blocks: &[Range<usize>]) -> Vec<NameSpan> {
    recognize_blocks_with(shipped_model(lang), shipped_lexicon(), lang, text, blocks)
}

/// [`recognize_blocks`] with a given model.
pub fn recognize_blocks_with(
    model: Option<&Model<'_>>,
    lex: &Lexicon<'_>,
    lang: Lang,
    text: &str,
    blocks: &[Range<usize>],
) -> Vec<NameSpan> {
    let mut toks: Vec<Range<usize>> = Vec::new();
    let mut sents: Vec<Range<usize>> = Vec::new();
    for b in blocks {
        let Some(s) = text.get(b.clone()) else {
            continue;
        };
        let t = tokenize::tokenize(lang, s);
        let base = toks.len();
        sents.extend(
            tokenize::sentences(s, &t)
                .into_iter()
                .map(|r| r.start + base..r.end + base),
        );
        toks.extend(t.into_iter().map(|r| r.start + b.start..r.end + b.start));
    }
    let words: Vec<&str> = toks.iter().map(|r| &text[r.clone()]).collect();
    let tags = match model {
        Some(m) => tagger::tag_doc(m, lex, &words, &sents, true),
        None => fallback_tags(&words, &sents),
    };
    let mut out = Vec::new();
    // A name does not start or end with a full stop or comma (the silver data has spans like
    // `Park Ji-young .`); quotation marks and brackets may belong to it (`" El Brezo "`).
    let punct = |k: usize| matches!(words[k], "." | "," | ";" | ":" | "..." | "…");
    for s in &sents {
        for (a, b, ty) in tagger::spans(&tags[s.clone()]) {
            let (mut a, mut b) = (a, b);
            while a < b && punct(s.start + a) {
                a += 1;
            }
            while b > a && punct(s.start + b - 1) {
                b -= 1;
            }
            if a == b {
                continue;
            }
            out.push(NameSpan {
                start: toks[s.start + a].start,
                end: toks[s.start + b - 1].end,
                kind: model::kind_of(1 + 2 * ty as u8),
            });
        }
    }
    out
}

/// Without a model: runs of capitalised words that do not open a sentence are names of
/// unknown kind (tagged `Misc`).
fn fallback_tags(words: &[&str], sents: &[std::ops::Range<usize>]) -> Vec<u8> {
    let mut tags = vec![model::O; words.len()];
    for s in sents {
        for i in s.clone() {
            let cap = words[i].chars().next().is_some_and(|c| c.is_uppercase());
            if cap && i > s.start {
                tags[i] = if i > s.start + 1 && tags[i - 1] != model::O {
                    8
                } else {
                    7
                };
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shipped_models_load() {
        assert!(shipped_lexicon().lookup(features::hash_str("Amsterdam")) != 0);
        for l in Lang::ALL {
            let m = shipped_model(l);
            assert!(m.is_some(), "model for {} does not load", l.code());
        }
    }

    #[test]
    fn finds_obvious_names_with_exact_offsets() {
        let text =
            "Gisteren zei premier Guy Verhofstadt in Brussel dat de Europese Unie moet handelen.";
        let spans = recognize(Lang::Nl, text);
        let found: Vec<(&str, NameKind)> = spans
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert!(
            found.contains(&("Guy Verhofstadt", NameKind::Per)),
            "{found:?}"
        );
        assert!(found.contains(&("Brussel", NameKind::Loc)), "{found:?}");
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,200}", l in 0usize..6) {
            let lang = Lang::ALL[l];
            for sp in recognize(lang, &s) {
                prop_assert!(sp.start < sp.end && sp.end <= s.len());
                prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            }
        }

        #[test]
        fn odd_unicode_mixes(parts in proptest::collection::vec(prop_oneof![
            Just("Ünïcödé".to_string()), Just("\u{0301}".to_string()), Just("e\u{0301}".to_string()),
            Just("👩‍👩‍👧".to_string()), Just("\u{202E}".to_string()), Just("-".to_string()),
            Just("'".to_string()), Just(".".to_string()), Just(" ".to_string()), Just("\n".to_string()),
            Just("İstanbul".to_string()), Just("ß".to_string()), Just("ǅ".to_string()), Just("〇".to_string()),
            Just("Σ".to_string()), Just("\u{200B}".to_string()), Just("Ａ".to_string()), Just("١٢".to_string()),
        ], 0..40)) {
            let s: String = parts.concat();
            for l in Lang::ALL {
                for sp in recognize(l, &s) {
                    prop_assert!(sp.start < sp.end && sp.end <= s.len());
                    prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                }
            }
        }
    }
}
