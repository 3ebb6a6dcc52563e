//! Non-interactive output: the formatted article as plain text, and the analysis as JSON.

use crate::analysis::Analysis;
use crate::article::sanitize::{one_line, Breaks};
use crate::article::BlockKind;
use crate::document::Document;
use crate::ui::wrap::wrap;
use serde::Serialize;
use std::io::Write;

/// Writes the article wrapped at `width`: the lead, `## `-marked headings, paragraphs, one
/// blank line between blocks. Only newlines among the control characters.
pub fn dump(doc: &Document, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let text = &doc.article.text;
    if doc.source_meta.is_some() {
        // A web page's text is already sanitised, title first: printed as it is, unwrapped, so
        // that `--analyze` offsets point into exactly what is printed.
        let body = doc.body();
        out.write_all(text[body].as_bytes())?;
        return out.write_all(b"\n");
    }
    for (i, b) in doc.article.blocks.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        let breaks = if b.joined { Breaks::Join } else { Breaks::Keep };
        let (prefix, w) = match b.kind {
            BlockKind::Heading => ("## ", width.saturating_sub(3)),
            _ => ("", width),
        };
        let wrapped = wrap(&text[b.range.clone()], breaks, w);
        for (k, r) in wrapped.rows.iter().enumerate() {
            let p = if k == 0 {
                prefix
            } else {
                &"   "[..prefix.len()]
            };
            writeln!(out, "{p}{}", wrapped.display[r.clone()].trim_end())?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct SectionOut {
    title: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct AnalyzeOut<'a> {
    language: &'a str,
    language_certain: bool,
    lead: String,
    sections: Vec<SectionOut>,
    languages: Vec<String>,
    quotes: Vec<crate::analysis::Quote>,
    entities: Vec<crate::analysis::Entity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
}

/// Where a web page came from and what it said about itself.
#[derive(Serialize)]
struct SourceOut<'a> {
    kind: &'static str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    site: Option<&'a str>,
    lang: Option<&'a str>,
}

fn source_out(doc: &Document) -> Option<SourceOut<'_>> {
    let m = doc.source_meta.as_ref()?;
    Some(SourceOut {
        kind: "html",
        url: m.url.as_deref(),
        title: m.title.as_deref(),
        byline: m.byline.as_deref(),
        published: m.published.as_deref(),
        site: m.site.as_deref(),
        lang: m.lang.as_deref(),
    })
}

/// Shifts every range of `a` by `delta` bytes (from text offsets to input offsets).
fn shift(mut a: Analysis, delta: usize) -> Analysis {
    for q in &mut a.quotes {
        q.start += delta;
        q.end += delta;
        if let Some(s) = &mut q.speaker {
            s.start += delta;
            s.end += delta;
        }
    }
    for e in &mut a.entities {
        for m in &mut e.mentions {
            m.start += delta;
            m.end += delta;
        }
    }
    a
}

/// The `--analyze` JSON: byte offsets into the input as read.
pub fn analyze_json(doc: &Document, analysis: Analysis) -> String {
    let d = doc.input_offset;
    let a = &doc.article;
    let out = AnalyzeOut {
        language: doc.language.lang.code(),
        language_certain: doc.language.confident,
        lead: a.lead().to_owned(),
        sections: a
            .sections
            .iter()
            .map(|s| SectionOut {
                title: one_line(a.section_title(s)).into_owned(),
                start: s.start + d,
                end: s.end + d,
            })
            .collect(),
        languages: a.languages.iter().map(|l| l.label.clone()).collect(),
        quotes: Vec::new(),
        entities: Vec::new(),
        source: source_out(doc),
    };
    let a = shift(analysis, d);
    let out = AnalyzeOut {
        quotes: a.quotes,
        entities: a.entities,
        ..out
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".to_owned())
}

/// Runs the analysis of `doc` (on the calling thread).
pub fn analysis_of(doc: &Document) -> Analysis {
    let ranges: Vec<_> = doc.article.blocks.iter().map(|b| b.range.clone()).collect();
    crate::pipeline::analyze_all(&doc.article.text, &ranges, doc.language.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dump_marks_headings_and_wraps() {
        let doc = Document::from_bytes(crate::input::SAMPLE.as_bytes().to_vec()).unwrap();
        let mut out = Vec::new();
        dump(&doc, 60, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60));
        assert_eq!(s.lines().filter(|l| l.starts_with("## ")).count(), 5);
        assert!(!s.contains("Português"));
        assert!(s.starts_with("VS-sancties"));
    }

    #[test]
    fn dump_has_no_control_characters() {
        let doc = Document::from_bytes(
            b"Kop\n\x1b]0;x\x07 tekst\t\x7f\x1b[2J met \xc2\x9b escape.".to_vec(),
        )
        .unwrap();
        let mut out = Vec::new();
        dump(&doc, 80, &mut out).unwrap();
        assert!(
            out.iter().all(|&b| b == b'\n' || (b >= 0x20 && b != 0x7f)),
            "{out:?}"
        );
    }

    #[test]
    fn analyze_json_shape() {
        let doc = Document::from_bytes(
            b"\xEF\xBB\xBFKop van het stuk\nSectie\nEen alinea met een zin, die eindigt.".to_vec(),
        )
        .unwrap();
        let json = analyze_json(&doc, Analysis::default());
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["lead"], "Kop van het stuk");
        assert_eq!(v["sections"][0]["title"], "Sectie");
        // Offsets count the BOM: "Sectie" starts at byte 3 + 17.
        assert_eq!(v["sections"][0]["start"], 20);
        assert!(v["quotes"].is_array() && v["entities"].is_array());
    }
}
