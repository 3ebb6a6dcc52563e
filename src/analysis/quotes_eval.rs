//! Scores the quote and speaker rules against the German quotation-attribution corpus
//! (`../shared/data/quotes/de/<split>/*.json`, see `../shared/data/README.md`).
//!
//! Rules:
//! - Gold quotes are the annotations of type `Direct` (their quote spans, marks included).
//! - A predicted quote (kind `Direct`) matches a gold quote when their spans overlap; each gold
//!   and each predicted quote matches at most once (greedy in text order).
//! - Precision = matched predictions / predictions; recall = matched gold / gold.
//! - Speaker right, over matched pairs: the gold annotation has no speaker and none is
//!   predicted; or the predicted speaker span overlaps a gold speaker span; or the predicted
//!   name and the gold speaker text contain one another (case-insensitive). When several gold
//!   annotations share the quote span, any of their speakers counts.
//!
//!
//! The scoring rule is deliberately strict and was left as it was when the German rules were
//! tuned: a predicted speaker that names the right person through another mention (the
//! gold marks `Der Bundespräsident` in the quote's sentence, the prediction `Köhler` two
//! sentences earlier) counts as wrong, and so does any speaker predicted for a quote whose
//! annotation has none (about a fifth of the remaining speaker errors on `train`). Aligning
//! coreferent mentions would need coreference the corpus does not annotate; a looser
//! surname match was tried on paper and would have changed one case, so it was not added.
//!
//! With `QUOTES_EVAL_MISSES=1` the tests (and `krant-eval quotes`) print one line per error
//! (`FP`, `FN`, `SPK` with the rule that found the speaker) and the text around it, the gold
//! speaker spans in `[[…]]`, the predicted one in `{{…}}` and the quote in `<Q>…</Q>`, then
//! for each rule how many of its matched quotes got the right speaker.
//!
//! Offsets in the corpus are character offsets; they are converted to byte offsets.

use super::{analyze_with_rules, QuoteKind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QuoteScores {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub speaker_right: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of matched quotes whose speaker is right.
    pub speaker_accuracy: f64,
}

impl std::fmt::Display for QuoteScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents: gold {}, predicted {}, matched {}; precision {:.1} recall {:.1} F1 {:.1}; speaker right {:.1}% ({}/{})",
            self.documents,
            self.gold,
            self.predicted,
            self.matched,
            self.precision * 100.0,
            self.recall * 100.0,
            self.f1 * 100.0,
            self.speaker_accuracy * 100.0,
            self.speaker_right,
            self.matched
        )
    }
}

struct Gold {
    quote: Range<usize>,
    speakers: Vec<Range<usize>>,
    speaker_text: String,
}

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

fn spans(v: &Value, map: &[usize]) -> Vec<Range<usize>> {
    v.get("spans")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| {
                    let b = s.get("charBegin")?.as_u64()? as usize;
                    let e = s.get("charEnd")?.as_u64()? as usize;
                    Some(*map.get(b)?..*map.get(e)?)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The text around a quote for the error list: the gold speaker spans in `[[…]]`, the
/// predicted one in `{{…}}`, the quote itself shortened.
fn context(
    text: &str,
    quote: &Range<usize>,
    gold: &[Range<usize>],
    predicted: Option<&super::Speaker>,
) -> String {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = gold
        .iter()
        .map(|g| g.start)
        .chain(predicted.map(|p| p.start))
        .filter(|&s| s + 600 > quote.start)
        .fold(quote.start.saturating_sub(200), usize::min);
    let to = gold
        .iter()
        .map(|g| g.end)
        .chain(predicted.map(|p| p.end))
        .filter(|&e| e < quote.end + 600)
        .fold(quote.end + 150, usize::max);
    let (from, to) = (floor(from), floor(to));
    let mut marks: Vec<(usize, &str)> = Vec::new();
    for g in gold {
        marks.push((g.start, "[["));
        marks.push((g.end, "]]"));
    }
    if let Some(p) = predicted {
        marks.push((p.start, "{{"));
        marks.push((p.end, "}}"));
    }
    marks.push((quote.start, "<Q>"));
    marks.push((quote.end, "</Q>"));
    marks.retain(|&(i, _)| i >= from && i <= to && text.is_char_boundary(i));
    marks.sort_by_key(|&(i, _)| i);
    let mut out = String::new();
    let mut pos = from;
    for (i, m) in marks {
        out.push_str(text.get(pos..i).unwrap_or(""));
        out.push_str(m);
        pos = i;
    }
    out.push_str(text.get(pos..to).unwrap_or(""));
    out.replace('\n', " / ")
}

/// Per rule that found a speaker: (right, matched).
type RuleTally = BTreeMap<&'static str, (usize, usize)>;

/// The scores of one document: (gold, predicted, matched, speaker right).
fn score_document(
    doc: &Value,
    misses: &mut Vec<String>,
    tally: &mut RuleTally,
) -> Option<(usize, usize, usize, usize)> {
    let text = doc.get("originalText")?.as_str()?;
    let map = char_to_byte(text);
    let mut gold: Vec<Gold> = Vec::new();
    for a in doc.get("annotations")?.as_array()? {
        if a.get("type").and_then(Value::as_str) != Some("Direct") {
            continue;
        }
        let q = spans(a.get("quote")?, &map);
        let (Some(first), Some(last)) = (q.first(), q.last()) else {
            continue;
        };
        let quote = first.start..last.end;
        let sp = a.get("speaker").map(|s| spans(s, &map)).unwrap_or_default();
        let st = a
            .get("speaker")
            .and_then(|s| s.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        // Annotations of the same quote with different speakers are one gold quote.
        if let Some(g) = gold.iter_mut().find(|g| g.quote == quote) {
            g.speakers.extend(sp);
            g.speaker_text.push('\u{1f}');
            g.speaker_text.push_str(&st);
            continue;
        }
        gold.push(Gold {
            quote,
            speakers: sp,
            speaker_text: st,
        });
    }
    let blocks = super::text::line_blocks(text);
    // The language as the reader finds it (the German corpus and the project's own annotated
    // articles in five more languages, `tests/quotes/`).
    let lang = super::lang::detect(text).lang;
    let (analysis, rules) = analyze_with_rules(text, &blocks, lang);
    let predicted: Vec<_> = analysis
        .quotes
        .iter()
        .zip(rules)
        .filter(|(q, _)| q.kind == QuoteKind::Direct)
        .collect();
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    let mut right = 0;
    for &(p, rule) in &predicted {
        let pr = p.start..p.end;
        let Some(gi) = (0..gold.len()).find(|&g| !used[g] && overlaps(&gold[g].quote, &pr)) else {
            misses.push(format!(
                "FP  {:?}\n    {}",
                p.text,
                context(text, &pr, &[], p.speaker.as_ref())
            ));
            continue;
        };
        used[gi] = true;
        matched += 1;
        let g = &gold[gi];
        let ok = match &p.speaker {
            None => g.speakers.is_empty(),
            Some(s) => {
                let sr = s.start..s.end;
                let name = s.name.to_lowercase();
                g.speakers.iter().any(|gs| overlaps(gs, &sr))
                    || g.speaker_text.split('\u{1f}').any(|t| {
                        let t = t.trim().to_lowercase();
                        !t.is_empty()
                            && !name.is_empty()
                            && (t.contains(&name) || name.contains(&t))
                    })
            }
        };
        let t = tally.entry(rule).or_default();
        t.1 += 1;
        if ok {
            right += 1;
            t.0 += 1;
        } else {
            misses.push(format!(
                "SPK [{rule}] {:?} -> predicted {:?}, gold {:?}\n    {}",
                p.text.chars().take(60).collect::<String>(),
                p.speaker
                    .as_ref()
                    .map(|s| (&s.name, text.get(s.start..s.end).unwrap_or(""))),
                g.speaker_text,
                context(text, &g.quote, &g.speakers, p.speaker.as_ref())
            ));
        }
    }
    for (g, u) in gold.iter().zip(&used) {
        if !u {
            let around = text
                .get(g.quote.clone())
                .unwrap_or("")
                .chars()
                .take(80)
                .collect::<String>();
            misses.push(format!(
                "FN  {around:?}\n    {}",
                context(text, &g.quote, &g.speakers, None)
            ));
        }
    }
    Some((gold.len(), predicted.len(), matched, right))
}

/// Scores every `*.json` file in `dir`.
pub fn evaluate(dir: &Path) -> Result<QuoteScores, String> {
    evaluate_with(dir, &mut Vec::new())
}

/// Like [`evaluate`], also collecting a line per error (false positive, missed quote,
/// wrong speaker) into `misses`.
pub fn evaluate_with(dir: &Path, misses: &mut Vec<String>) -> Result<QuoteScores, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut s = QuoteScores::default();
    let mut tally = RuleTally::new();
    for p in paths {
        let raw = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let doc: Value = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", p.display()))?;
        let Some((g, pr, m, r)) = score_document(&doc, misses, &mut tally) else {
            return Err(format!("{}: not a quote document", p.display()));
        };
        s.documents += 1;
        s.gold += g;
        s.predicted += pr;
        s.matched += m;
        s.speaker_right += r;
    }
    let rules: Vec<String> = tally
        .iter()
        .map(|(rule, (r, m))| format!("{rule} {r}/{m}"))
        .collect();
    misses.push(format!("speaker right by rule: {}", rules.join(", ")));
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.precision = ratio(s.matched, s.predicted);
    s.recall = ratio(s.matched, s.gold);
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
    s.speaker_accuracy = ratio(s.speaker_right, s.matched);
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores a split of the German corpus and holds it to floors just under what it scored
    /// as of commit e7310aa (dev F1 91.5, speakers 86.6 %; train 92.9, 82.6 %).
    fn run(split: &str, min_f1: f64, min_speakers: f64) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/quotes/de")
            .join(split);
        let mut misses = Vec::new();
        match evaluate_with(&dir, &mut misses) {
            Ok(s) => {
                if std::env::var_os("QUOTES_EVAL_MISSES").is_some() {
                    for m in &misses {
                        println!("{m}");
                    }
                }
                println!("{split}: {s}");
                assert!(s.f1 >= min_f1, "{split}: {s}");
                assert!(s.speaker_accuracy >= min_speakers, "{split}: {s}");
            }
            Err(e) => panic!("{e}"),
        }
    }

    /// Needs `../shared/data` beside the repository; run with `--ignored --nocapture`.
    #[test]
    #[ignore]
    fn quotes_eval_dev() {
        run("dev", 0.91, 0.86);
    }

    #[test]
    #[ignore]
    fn quotes_eval_train() {
        run("train", 0.92, 0.82);
    }

    /// The project's own annotated articles (`tests/quotes/<lang>`), part of which the rules were
    /// tuned on:
    /// a guard against regressions, with floors below what they score now (F1 96.6 to 100,
    /// speakers 96 to 100 %).
    #[test]
    fn five_languages_of_our_own_articles() {
        for lang in ["nl", "en", "fr", "es", "pt"] {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/quotes")
                .join(lang);
            let s = evaluate(&dir).unwrap();
            assert!(s.gold >= 30, "{lang}: {s:?}");
            assert!(s.f1 >= 0.93, "{lang}: {s:?}");
            assert!(s.speaker_accuracy >= 0.93, "{lang}: {s:?}");
        }
    }

    #[test]
    fn scores_on_a_tiny_document() {
        let dir = std::env::temp_dir().join(format!("krant-quotes-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let text = "Er sagte: „Wir kommen morgen früh wieder.“ Das „Haus“ steht.";
        let q_start = text.chars().position(|c| c == '„').unwrap_or(0);
        let q_end = text.chars().position(|c| c == '“').map_or(0, |i| i + 1);
        let doc = serde_json::json!({
            "originalText": text,
            "annotations": [{
                "type": "Direct",
                "quote": {"spans": [{"charBegin": q_start, "charEnd": q_end}], "text": ""},
                "speaker": {"spans": [{"charBegin": 0, "charEnd": 2}], "text": "Er"},
            }]
        });
        std::fs::write(dir.join("1.json"), doc.to_string()).ok();
        let s = evaluate(&dir);
        std::fs::remove_dir_all(&dir).ok();
        let s = s.unwrap_or_default();
        assert_eq!(
            (s.gold, s.predicted, s.matched, s.speaker_right),
            (1, 1, 1, 1)
        );
        assert!((s.f1 - 1.0).abs() < 1e-9);
    }
}
