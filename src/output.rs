//! Non-interactive output: the formatted article as plain text, and the analysis as JSON.

use crate::analysis::Analysis;
use crate::article::sanitize::{one_line, Breaks};
use crate::article::BlockKind;
use crate::document::Document;
use crate::ui::wrap::wrap;
use serde::Serialize;
use std::io::Write;

/// Writes the article wrapped at `width`: the lead, the byline and dateline (on one line, `·`
/// between them), `## `-marked headings, paragraphs and captions, one blank line between blocks. Only newlines among the control characters.
pub fn dump(doc: &Document, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let text = &doc.article.text;
    if doc.source_meta.is_some() {
        // A web page's text is already sanitised: printed as it is, unwrapped, so that
        // `--analyze` offsets point into exactly what is printed. Its title is the page's name
        // (the reader's header, `source.title`), not part of the article's body.
        let body = doc.body();
        let start = page_body_start(doc).unwrap_or(body.start);
        out.write_all(text[start..body.end].as_bytes())?;
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
        if i == 0 {
            // Byline and dateline, a block of their own after the lead.
            let a = &doc.article;
            let meta: Vec<&str> = [a.byline(), a.dateline()].into_iter().flatten().collect();
            if !meta.is_empty() {
                out.write_all(b"\n")?;
                let wrapped = wrap(&meta.join(" · "), Breaks::Join, width);
                for r in &wrapped.rows {
                    writeln!(out, "{}", wrapped.display[r.clone()].trim_end())?;
                }
            }
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

/// A piece of text with its byte offsets in the input.
#[derive(Serialize)]
struct SpanOut {
    text: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct AnalyzeOut<'a> {
    language: &'a str,
    language_certain: bool,
    lead: String,
    byline: Option<SpanOut>,
    dateline: Option<SpanOut>,
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
    /// The page's versions in other languages: (hreflang, href).
    alternates: Vec<(&'a str, &'a str)>,
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
        alternates: m
            .alternates
            .iter()
            .map(|a| (a.hreflang.as_str(), a.href.as_str()))
            .collect(),
    })
}

/// Shifts every range of `a` by `delta` bytes (from text offsets to input offsets).
/// Where a web page's `--dump` text starts: after its title line, when the page has more.
fn page_body_start(doc: &Document) -> Option<usize> {
    doc.source_meta.as_ref()?;
    match &doc.article.blocks[..] {
        [first, second, ..] if first.kind == BlockKind::Lead => Some(second.range.start),
        _ => None,
    }
}

/// Moves every range of `a` from text offsets to output offsets: `add` bytes later, `cut`
/// bytes earlier; what stands before `cut` (a web page's title) is left out.
fn shift(mut a: Analysis, add: usize, cut: usize) -> Analysis {
    let at = |x: usize| x - cut + add;
    a.quotes.retain(|q| q.start >= cut);
    for q in &mut a.quotes {
        q.start = at(q.start);
        q.end = at(q.end);
        if q.speaker.as_ref().is_some_and(|s| s.start < cut) {
            q.speaker = None;
        }
        if let Some(s) = &mut q.speaker {
            s.start = at(s.start);
            s.end = at(s.end);
        }
    }
    for e in &mut a.entities {
        e.mentions.retain(|m| m.start >= cut);
        for m in &mut e.mentions {
            m.start = at(m.start);
            m.end = at(m.end);
        }
    }
    a.entities.retain(|e| !e.mentions.is_empty());
    a
}

fn span_out(a: &crate::article::Article, r: std::ops::Range<usize>, delta: usize) -> SpanOut {
    SpanOut {
        text: one_line(a.text.get(r.clone()).unwrap_or("")).into_owned(),
        start: r.start + delta,
        end: r.end + delta,
    }
}

/// The `--analyze` JSON: byte offsets into the input as read.
pub fn analyze_json(doc: &Document, analysis: Analysis) -> String {
    let d = doc.input_offset;
    let cut = page_body_start(doc).unwrap_or(0);
    let a = &doc.article;
    let out = AnalyzeOut {
        // `und` (undetermined, as in BCP 47): a language outside the six.
        language: doc.language.known().map_or("und", |l| l.code()),
        language_certain: doc.language.confident,
        lead: a.lead().to_owned(),
        byline: a.byline.clone().map(|r| span_out(a, r, d)),
        dateline: a.dateline.clone().map(|r| span_out(a, r, d)),
        sections: a
            .sections
            .iter()
            .map(|s| SectionOut {
                title: one_line(a.section_title(s)).into_owned(),
                start: s.start + d - cut.min(s.start),
                end: s.end + d - cut.min(s.end),
            })
            .collect(),
        languages: a.languages.iter().map(|l| l.label.clone()).collect(),
        quotes: Vec::new(),
        entities: Vec::new(),
        source: source_out(doc),
    };
    let a = shift(analysis, d, cut);
    let out = AnalyzeOut {
        quotes: a.quotes,
        entities: a.entities,
        ..out
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".to_owned())
}

/// Runs the analysis of `doc` (on the calling thread).
pub fn analysis_of(doc: &Document) -> Analysis {
    crate::pipeline::analyze_all(
        &doc.article.text,
        &doc.article.analysis_ranges(),
        doc.language.lang,
    )
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

    const BYLINE_ARTICLE: &[u8] = "\u{feff}Neues Gesetz für Energie\nVon Max Muster\nFoto: dpa\n\
        BERLIN (dpa) - Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen, das im \
        kommenden Jahr in Kraft treten soll.\nWichtige Änderungen\nDie Opposition kritisierte den \
        Entwurf als unzureichend und kündigte eigene Vorschläge an.\n"
        .as_bytes();

    #[test]
    fn dump_prints_byline_and_dateline_after_the_lead() {
        let doc = Document::from_bytes(BYLINE_ARTICLE.to_vec()).unwrap();
        let mut out = Vec::new();
        dump(&doc, 80, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().take(7).collect();
        assert_eq!(
            lines,
            [
                "Neues Gesetz für Energie",
                "",
                "Von Max Muster · BERLIN (dpa)",
                "",
                "Foto: dpa",
                "",
                "Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen, das im"
            ]
        );
        assert_eq!(s.lines().filter(|l| l.starts_with("## ")).count(), 1);
    }

    #[test]
    fn analyze_json_byline_and_dateline_offsets_point_into_the_input() {
        let doc = Document::from_bytes(BYLINE_ARTICLE.to_vec()).unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&analyze_json(&doc, Analysis::default())).unwrap();
        for (field, want) in [("byline", "Von Max Muster"), ("dateline", "BERLIN (dpa)")] {
            assert_eq!(v[field]["text"], want);
            let start = v[field]["start"].as_u64().unwrap() as usize;
            let end = v[field]["end"].as_u64().unwrap() as usize;
            assert_eq!(&BYLINE_ARTICLE[start..end], want.as_bytes(), "{field}");
        }
        assert_eq!(v["sections"].as_array().map(|s| s.len()), Some(1));
        let doc = Document::from_bytes(b"Kop\nSectie\nEen alinea, die eindigt.".to_vec()).unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&analyze_json(&doc, Analysis::default())).unwrap();
        assert!(v["byline"].is_null() && v["dateline"].is_null());
    }

    #[test]
    fn the_place_of_a_dateline_is_a_place_of_the_article() {
        let text = "Senate passes the budget after a long night\nWASHINGTON \u{2014} The Senate \
                    passed the budget early on Friday after a night of votes. Senator Ruth Okafor \
                    said the bill would hold until spring.\n";
        let doc = Document::from_bytes(text.as_bytes().to_vec()).unwrap();
        assert_eq!(doc.article.dateline(), Some("WASHINGTON"));
        let ranges = doc.article.analysis_ranges();
        assert_eq!(ranges.len(), doc.article.blocks.len() + 1);
        let at = text.find("WASHINGTON").unwrap();
        let a = analysis_of(&doc);
        let place = a.entities.iter().find(|e| {
            e.kind == crate::analysis::EntityKind::Place
                && e.mentions.iter().any(|m| m.start == at && m.end == at + 10)
        });
        assert!(place.is_some(), "{:?}", a.entities);
    }

    #[test]
    fn analyze_json_language_outside_the_six_is_undetermined() {
        let doc = Document::from_bytes(
            "Il sindaco di Milano ha presentato il nuovo piano per i trasporti. Secondo la giunta \
             le linee della metropolitana saranno più frequenti, e anche gli autobus notturni \
             torneranno dopo la pausa estiva."
                .as_bytes()
                .to_vec(),
        )
        .unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&analyze_json(&doc, Analysis::default())).unwrap();
        assert_eq!(v["language"], "und");
        assert_eq!(v["language_certain"], false);
    }
}
