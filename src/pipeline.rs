//! Analysis of articles of any size: the text is analysed in batches of blocks, so memory
//! stays bounded and results stream in (the panels fill in while the article is read).
//! An article up to [`BATCH_BYTES`] is one batch, analysed exactly as a whole.

use crate::analysis::{analyze, Analysis};
use crate::lang::Lang;
use std::collections::HashMap;
use std::ops::Range;

/// Text analysed at once.
pub const BATCH_BYTES: usize = 256 << 10;

/// Consecutive runs of blocks of about [`BATCH_BYTES`] (by block index).
pub fn batches(blocks: &[Range<usize>]) -> Vec<Range<usize>> {
    batches_of(blocks, BATCH_BYTES)
}

fn batches_of(blocks: &[Range<usize>], size: usize) -> Vec<Range<usize>> {
    batches_by(blocks.iter().map(|b| b.len()), size)
}

fn batches_by(lens: impl ExactSizeIterator<Item = usize>, size: usize) -> Vec<Range<usize>> {
    let n = lens.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, len) in lens.enumerate() {
        bytes += len;
        if bytes >= size {
            out.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < n {
        out.push(start..n);
    }
    out
}

/// Merges the analysis of a later batch into `into`: quotes are appended, entities of the
/// same kind and name are joined.
pub fn merge(
    into: &mut Analysis,
    part: Analysis,
    index: &mut HashMap<(crate::analysis::EntityKind, String), usize>,
) {
    into.quotes.extend(part.quotes);
    for e in part.entities {
        match index.get(&(e.kind, e.name.clone())) {
            Some(&i) => into.entities[i].mentions.extend(e.mentions),
            None => {
                index.insert((e.kind, e.name.clone()), into.entities.len());
                into.entities.push(e);
            }
        }
    }
}

/// Analyses an article's `blocks` of `text` batch by batch, calling `on_batch` with each
/// batch's result, the content bytes done so far and whether it is the last batch; stops early
/// when `on_batch` returns false.
pub fn analyze_batches(
    text: &str,
    blocks: &[Range<usize>],
    lang: Lang,
    mut on_batch: impl FnMut(Analysis, usize, bool) -> bool,
) {
    let batches = batches_of(blocks, BATCH_BYTES);
    let mut done = 0;
    for (k, batch) in batches.iter().enumerate() {
        let ranges = &blocks[batch.clone()];
        done += ranges.iter().map(Range::len).sum::<usize>();
        if !on_batch(analyze(text, ranges, lang), done, k + 1 == batches.len()) {
            return;
        }
    }
}

/// The whole analysis, batch by batch on all cores, merged in text order (for `--analyze`).
pub fn analyze_all(text: &str, blocks: &[Range<usize>], lang: Lang) -> Analysis {
    analyze_all_of(text, blocks, lang, BATCH_BYTES)
}

fn analyze_all_of(text: &str, blocks: &[Range<usize>], lang: Lang, size: usize) -> Analysis {
    let batches = batches_of(blocks, size);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(batches.len().max(1));
    // Batches are independent: analyse them on every core, then merge in text order. The
    // evaluation's switched-off entity passes (none in the app) hold in every thread.
    let off = crate::analysis::entities::passes::current();
    let mut parts: Vec<(usize, Analysis)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let batches = &batches;
                scope.spawn(move || {
                    crate::analysis::entities::passes::with_off(off, || {
                        batches
                            .iter()
                            .enumerate()
                            .skip(t)
                            .step_by(threads)
                            .map(|(i, b)| (i, analyze(text, &blocks[b.clone()], lang)))
                            .collect::<Vec<_>>()
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    parts.sort_by_key(|(i, _)| *i);
    let mut all = Analysis::default();
    let mut index = HashMap::new();
    for (_, part) in parts {
        merge(&mut all, part, &mut index);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_articles_are_one_batch_large_ones_several() {
        let small = vec![0..10, 10..20];
        assert_eq!(batches(&small), vec![0..2]);
        let big: Vec<_> = (0..3000).map(|i| i * 1000..i * 1000 + 1000).collect();
        let b = batches(&big);
        assert!(b.len() >= 2);
        assert_eq!(b.first().map(|r| r.start), Some(0));
        assert_eq!(b.last().map(|r| r.end), Some(3000));
        assert!(b.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn batched_equals_whole_for_the_sample() {
        let doc = crate::document::Document::from_bytes(crate::input::SAMPLE.as_bytes().to_vec())
            .unwrap();
        let blocks: Vec<_> = doc.article.blocks.iter().map(|b| b.range.clone()).collect();
        let whole = analyze(&doc.article.text, &blocks, Lang::Nl);
        assert_eq!(analyze_all(&doc.article.text, &blocks, Lang::Nl), whole);
    }

    #[test]
    fn merging_joins_entities_of_the_same_name() {
        let text = "President Trump sprak gisteren in Berlijn met de pers.\n".repeat(40);
        let doc = crate::document::Document::from_bytes(text.into_bytes()).unwrap();
        let blocks: Vec<_> = doc.article.blocks.iter().map(|b| b.range.clone()).collect();
        assert!(batches_of(&blocks, 200).len() >= 5);
        let a = analyze_all_of(&doc.article.text, &blocks, Lang::Nl, 200);
        let berlin: Vec<_> = a
            .entities
            .iter()
            .filter(|e| e.name.contains("Berlijn"))
            .collect();
        assert_eq!(berlin.len(), 1, "{berlin:?}");
        assert_eq!(berlin[0].mentions.len(), 40);
        assert!(berlin[0]
            .mentions
            .windows(2)
            .all(|w| w[0].start < w[1].start));
    }
}
