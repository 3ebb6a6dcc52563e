//! Analysis of an article: its language, its quotes and its named entities.
//!
//! Pure functions over the article's text; every range is a byte range into that text.

/// A file of `assets/lexicon/` (`lexicon_file!("de", "titles.tsv")` or
/// `lexicon_file!("de/rules/documents.txt")`), built into the binary.
macro_rules! lexicon_file {
    ($path:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/lexicon/",
            $path
        ))
    };
    ($dir:literal, $file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/lexicon/",
            $dir,
            "/",
            $file
        ))
    };
}

pub mod calendar;
mod direct;
pub mod entities;
pub mod found;
pub mod gazetteer;
pub mod lang;
pub mod lexicon;
pub mod ner;
pub mod numbers;
pub mod quotes;
pub mod speaker_match;
pub mod speakers;
pub mod text;

use crate::lang::Lang;
use serde::Serialize;
use std::ops::Range;

/// Everything the analysis found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Reported speech.
    Direct,
    /// A short quoted phrase that is not speech: a title, a scare quote.
    Scare,
}

/// Who a quote is attributed to, and where in the text the attribution names or refers to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// A quote: `start..end` is the quoted text without its quote marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
    Money,
    Number,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

impl Mention {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One entity with all its mentions grouped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Mention>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Analyses `text` (the whole article as decoded) whose content paragraphs are `blocks`
/// (byte ranges; the lead and headings included, the language list excluded).
pub fn analyze(text: &str, blocks: &[Range<usize>], language: Lang) -> Analysis {
    analyze_with_rules(text, blocks, language).0
}

/// Like [`analyze`], also naming for each quote the rule that found its speaker (`after`,
/// `before`, `prevsent`, `fallback` …; `none` without one), for the evaluation's error list.
pub fn analyze_with_rules(
    text: &str,
    blocks: &[Range<usize>],
    language: Lang,
) -> (Analysis, Vec<&'static str>) {
    // Keep only blocks that are valid ranges on character boundaries, in order.
    let mut valid: Vec<Range<usize>> = blocks
        .iter()
        .filter(|b| b.start <= b.end && text.get(b.start..b.end).is_some())
        .cloned()
        .collect();
    valid.sort_by_key(|b| b.start);
    valid.dedup_by(|b, a| b.start < a.end);
    let blocks = &valid[..];

    let mut nums = Vec::new();
    for b in blocks {
        numbers::find(text, b.clone(), language, &mut nums);
    }
    let (entities, located) = entities::find(text, blocks, language, nums);
    let found = quotes::find(text, blocks);
    let quoted: Vec<Range<usize>> = found.iter().map(|q| q.start..q.end).collect();
    let ctx = speakers::Ctx {
        text,
        lang: language,
        entities: &entities,
        located: &located,
        quoted: &quoted,
        doubtful: speakers::doubtful_people(text, &entities, language),
    };
    let attributions = speakers::attribute(&ctx, blocks, &found);
    let rules = attributions.iter().map(|a| a.rule).collect();
    let mut quotes = Vec::with_capacity(found.len());
    let explicit: Vec<bool> = attributions.iter().map(|a| a.explicit).collect();
    for (i, (q, a)) in found.iter().zip(attributions).enumerate() {
        let kind = direct::quote_kind(
            text,
            &found,
            i,
            a.explicit && a.somebody,
            a.explicit,
            a.cue,
            language,
        );
        quotes.push(Quote {
            start: q.start,
            end: q.end,
            text: text.get(q.start..q.end).unwrap_or("").to_string(),
            kind,
            speaker: if kind == QuoteKind::Direct {
                a.speaker
            } else {
                None
            },
        });
    }
    // `in „A“ oder „B“`, `Themen wie „A“, „B“ oder „C“`: a phrase listed right after a
    // title or a name is one too, unless its own sentence attributes it.
    for i in 1..quotes.len() {
        let (a, b) = (&found[i - 1], &found[i]);
        if quotes[i - 1].kind != QuoteKind::Scare
            || quotes[i].kind != QuoteKind::Direct
            || a.block != b.block
            || explicit[i]
            || direct::ends_sentence(&quotes[i].text)
        {
            continue;
        }
        let between = text.get(a.close_end..b.open).unwrap_or("x").trim();
        // The words that join a list (`list_joiners` of `rule_words.tsv`).
        let listed = between == ","
            || lexicon::Lexicon::of(language)
                .is("list_joiners", between.trim_start_matches(',').trim());
        if listed {
            quotes[i].kind = QuoteKind::Scare;
            quotes[i].speaker = None;
        }
    }
    (Analysis { quotes, entities }, rules)
}

#[cfg(test)]
mod tests;
