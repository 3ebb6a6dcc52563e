//! Reading IOB2 files (one `token<TAB>tag` per line, blank line between sentences,
//! `# doc` before each document) and scoring entity spans the conlleval way.

use super::model::tag_from_str;
use super::tagger::spans;
use std::fmt::Write as _;

/// Documents longer than this many sentences are cut into pieces of this size
/// (files without document markers would otherwise be one huge "document").
pub const MAX_DOC_SENTENCES: usize = 30;

#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub sents: Vec<Sentence>,
}

impl Doc {
    /// All words of the document in order, and each sentence as a range of word indices.
    pub fn flat(&self) -> (Vec<&str>, Vec<std::ops::Range<usize>>) {
        let mut words = Vec::with_capacity(self.n_tokens());
        let mut sents = Vec::with_capacity(self.sents.len());
        for s in &self.sents {
            sents.push(words.len()..words.len() + s.words.len());
            words.extend(s.words.iter().map(|w| w.as_str()));
        }
        (words, sents)
    }

    pub fn n_tokens(&self) -> usize {
        self.sents.iter().map(|s| s.words.len()).sum()
    }
}

/// Parses IOB2 text. Unknown tags (and malformed lines) count as `O`.
pub fn parse_iob2(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc = Doc::default();
    let mut sent = Sentence::default();
    let flush_sent = |doc: &mut Doc, sent: &mut Sentence| {
        if !sent.words.is_empty() {
            doc.sents.push(std::mem::take(sent));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("# doc") || line.starts_with("-DOCSTART-") {
            flush_sent(&mut doc, &mut sent);
            if !doc.sents.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if line.trim().is_empty() {
            flush_sent(&mut doc, &mut sent);
            continue;
        }
        let mut it = line.split('\t');
        let word = it.next().unwrap_or("").trim();
        let tag = it.next().unwrap_or("O").trim();
        if word.is_empty() {
            continue;
        }
        sent.words.push(word.to_string());
        sent.tags.push(tag_from_str(tag));
    }
    flush_sent(&mut doc, &mut sent);
    if !doc.sents.is_empty() {
        docs.push(doc);
    }
    // Cut very long documents.
    let mut out = Vec::new();
    for d in docs {
        if d.sents.len() <= MAX_DOC_SENTENCES {
            out.push(d);
        } else {
            for c in d.sents.chunks(MAX_DOC_SENTENCES) {
                out.push(Doc { sents: c.to_vec() });
            }
        }
    }
    out
}

/// Portuguese contractions of a preposition and an article or pronoun, as running text
/// writes them (`assets/lexicon/pt/contractions.tsv`): (preposition, second word,
/// contraction).
fn pt_contractions() -> &'static [(&'static str, &'static str, &'static str)] {
    static ROWS: std::sync::OnceLock<Vec<(&'static str, &'static str, &'static str)>> =
        std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        crate::analysis::lexicon::rows(lexicon_file!("pt", "contractions.tsv"))
            .filter_map(|r| Some((*r.first()?, *r.get(1)?, *r.get(2)?)))
            .collect()
    })
}

/// The Portuguese Bosque treebank splits contractions (`do` is `de o`, `na` is `em a`);
/// running text does not. This joins them back, so that a model can learn (and be scored
/// on) the forms news articles use. A contraction inside a name keeps the name's tag; one
/// whose article opens a name (`de [o Porto]`) stays outside it and the name opens after it.
pub fn contract_pt(doc: &Doc) -> Doc {
    let mut out = Doc::default();
    for s in &doc.sents {
        let mut words: Vec<String> = Vec::with_capacity(s.words.len());
        let mut tags: Vec<u8> = Vec::with_capacity(s.tags.len());
        let mut reopen = false;
        let mut i = 0;
        while i < s.words.len() {
            let (w, t) = (&s.words[i], s.tags.get(i).copied().unwrap_or(0));
            let next = s
                .words
                .get(i + 1)
                .map(|n| (n, s.tags.get(i + 1).copied().unwrap_or(0)));
            let joined = next.and_then(|(n, nt)| {
                let (lw, ln) = (w.to_lowercase(), n.to_lowercase());
                pt_contractions()
                    .iter()
                    .find(|(a, b, _)| *a == lw && *b == ln)
                    .map(|&(_, _, c)| (c, nt))
            });
            if let Some((c, nt)) = joined {
                let mut form = String::with_capacity(c.len());
                let mut chars = c.chars();
                if w.starts_with(char::is_uppercase) {
                    form.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                }
                form.extend(chars);
                // B-X is odd (1, 3, 5, 7); its I-X is the next tag.
                let opens = t == 0 && nt % 2 == 1;
                words.push(form);
                tags.push(if opens { 0 } else { t });
                reopen = opens;
                i += 2;
                continue;
            }
            words.push(w.clone());
            // The name whose article was joined to the preposition opens here.
            tags.push(if reopen && t != 0 && t % 2 == 0 {
                t - 1
            } else {
                t
            });
            reopen = false;
            i += 1;
        }
        out.sents.push(Sentence { words, tags });
    }
    out
}

/// Span counts per type (PER, ORG, LOC, MISC): correct, predicted, gold.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub correct: [usize; 4],
    pub predicted: [usize; 4],
    pub gold: [usize; 4],
}

impl Counts {
    /// Adds the spans of one sentence (or document) of gold and predicted tags.
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let g = spans(gold);
        let p = spans(pred);
        for s in &g {
            self.gold[s.2] += 1;
        }
        for s in &p {
            self.predicted[s.2] += 1;
            if g.contains(s) {
                self.correct[s.2] += 1;
            }
        }
    }

    fn prf(c: usize, p: usize, g: usize) -> (f64, f64, f64) {
        let pr = if p == 0 {
            0.0
        } else {
            100.0 * c as f64 / p as f64
        };
        let rc = if g == 0 {
            0.0
        } else {
            100.0 * c as f64 / g as f64
        };
        let f = if pr + rc == 0.0 {
            0.0
        } else {
            2.0 * pr * rc / (pr + rc)
        };
        (pr, rc, f)
    }

    /// Overall (micro-averaged) precision, recall, F1.
    pub fn overall(&self) -> (f64, f64, f64) {
        Self::prf(
            self.correct.iter().sum(),
            self.predicted.iter().sum(),
            self.gold.iter().sum(),
        )
    }

    /// A conlleval-like table.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8}{:>9}{:>9}{:>9}{:>8}{:>8}",
            "type", "prec", "rec", "F1", "gold", "pred"
        );
        for (t, name) in ["PER", "ORG", "LOC", "MISC"].iter().enumerate() {
            if self.gold[t] == 0 && self.predicted[t] == 0 {
                continue;
            }
            let (p, r, f) = Self::prf(self.correct[t], self.predicted[t], self.gold[t]);
            let _ = writeln!(
                s,
                "{:<8}{:>9.2}{:>9.2}{:>9.2}{:>8}{:>8}",
                name, p, r, f, self.gold[t], self.predicted[t]
            );
        }
        let (p, r, f) = self.overall();
        let _ = writeln!(
            s,
            "{:<8}{:>9.2}{:>9.2}{:>9.2}{:>8}{:>8}",
            "overall",
            p,
            r,
            f,
            self.gold.iter().sum::<usize>(),
            self.predicted.iter().sum::<usize>()
        );
        s
    }
}

/// The files of `dir` whose extension is one of `exts`, in name order.
pub fn files_in(dir: &std::path::Path, exts: &[&str]) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| exts.contains(&x))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The annotated text at `path` as IOB2: an IOB2 file, an article with marked names (`.txt`,
/// read as language `lang`, see [`marked_to_iob2`]), or every such file of a directory in
/// name order.
pub fn read_annotated(path: &std::path::Path, lang: crate::lang::Lang) -> Result<String, String> {
    let read = |p: &std::path::Path| {
        let t = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        if p.extension().is_some_and(|x| x == "txt") {
            return marked_to_iob2(lang, &t).map_err(|e| format!("{}: {e}", p.display()));
        }
        Ok(t)
    };
    if !path.is_dir() {
        return read(path);
    }
    let files = files_in(path, &["iob2", "txt"])?;
    if files.is_empty() {
        return Err(format!("{}: no .iob2 or marked .txt files", path.display()));
    }
    let mut text = String::new();
    for f in &files {
        text.push_str(&read(f)?);
        text.push('\n');
    }
    Ok(text)
}

/// Reads an article with its names marked in the text, `⟦PER Raymond Dufresne⟧ said`, the
/// form the project's own entity annotations are written in (`tests/entities/README.md`), and
/// returns it as one IOB2 document, tokenised and split into sentences as the analysis does
/// it, so that the tagger is trained and scored on the tokens it meets when it runs. A name
/// ending in a full stop that the tokeniser splits off (`⟦LOC Ill.⟧`) leaves the stop out.
/// A name that is only part of a token (`⟦LOC Minneapolis⟧-based`, one token) leaves that
/// token outside every name. Errors: a mark that is not `⟦TYPE name⟧` with TYPE one of PER,
/// ORG, LOC, MISC, or a name without a token.
pub fn marked_to_iob2(lang: crate::lang::Lang, marked: &str) -> Result<String, String> {
    let mut text = String::with_capacity(marked.len());
    let mut names: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('⟦') {
        text.push_str(&rest[..open]);
        let inner = &rest[open + '⟦'.len_utf8()..];
        let close = inner.find('⟧').ok_or("a ⟦ without its ⟧")?;
        let (kind, name) = inner[..close]
            .split_once(' ')
            .ok_or_else(|| format!("a mark without a type: {:?}", &inner[..close]))?;
        if !["PER", "ORG", "LOC", "MISC"].contains(&kind) || name.contains('⟦') {
            return Err(format!("not a mark: ⟦{}⟧", &inner[..close]));
        }
        names.push((text.len()..text.len() + name.len(), kind));
        text.push_str(name);
        rest = &inner[close + '⟧'.len_utf8()..];
    }
    if rest.contains('⟧') {
        return Err("a ⟧ without its ⟦".into());
    }
    text.push_str(rest);
    let tokens = super::tokenize::tokenize(lang, &text);
    let mut tags = vec!["O".to_string(); tokens.len()];
    for (span, kind) in &names {
        let inside: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].start < span.end && tokens[k].end > span.start)
            .collect();
        let (Some(&a), Some(&b)) = (inside.first(), inside.last()) else {
            return Err(format!("no token in the name {:?}", &text[span.clone()]));
        };
        if tokens[a].start != span.start || tokens[b].end != span.end {
            // Part of a token (`Minneapolis` in `Minneapolis-based`): the token is no name.
            continue;
        }
        let b = if b > a && &text[tokens[b].clone()] == "." {
            b - 1
        } else {
            b
        };
        tags[a] = format!("B-{kind}");
        for t in &mut tags[a + 1..=b] {
            *t = format!("I-{kind}");
        }
    }
    let mut out = String::from("# doc\n");
    for s in super::tokenize::sentences(&text, &tokens) {
        for k in s {
            let _ = writeln!(out, "{}\t{}", &text[tokens[k].clone()], tags[k]);
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docs_and_sentences() {
        let t = "# doc\nJan\tB-PER\nwint\tO\n\nIn\tO\nGent\tB-LOC\n\n# doc\nX\tB-FOO\n";
        let d = parse_iob2(t);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sents.len(), 2);
        assert_eq!(d[0].sents[1].tags, vec![0, 5]);
        assert_eq!(d[1].sents[0].tags, vec![0]);
    }

    #[test]
    fn joins_portuguese_contractions() {
        // Cidade de o México (LOC) ; De a praça ; em [o Porto] (the article opens the name)
        let t = "Cidade\tB-LOC\nde\tI-LOC\no\tI-LOC\nMéxico\tI-LOC\n\nDe\tO\na\tO\npraça\tO\nem\tO\no\tB-LOC\nPorto\tI-LOC\nantes\tO\nde\tO\n";
        let d = contract_pt(&parse_iob2(t)[0]);
        assert_eq!(d.sents[0].words, ["Cidade", "do", "México"]);
        assert_eq!(d.sents[0].tags, vec![5, 6, 6]);
        assert_eq!(
            d.sents[1].words,
            ["Da", "praça", "no", "Porto", "antes", "de"]
        );
        assert_eq!(d.sents[1].tags, vec![0, 0, 0, 5, 0, 0]);
    }

    #[test]
    fn scores_spans_exactly() {
        let mut c = Counts::default();
        // gold: [Jan Peeters](PER) in [Gent](LOC); predicted: [Jan](PER) [Peeters](PER) in [Gent](LOC)
        c.add(&[1, 2, 0, 5], &[1, 1, 0, 5]);
        assert_eq!(c.gold, [1, 0, 1, 0]);
        assert_eq!(c.predicted, [2, 0, 1, 0]);
        assert_eq!(c.correct, [0, 0, 1, 0]);
        let (p, r, _) = c.overall();
        assert!((p - 100.0 / 3.0).abs() < 1e-9 && (r - 50.0).abs() < 1e-9);
    }

    #[test]
    fn reads_marked_names_as_the_analysis_tokenises() {
        use crate::lang::Lang;
        let t = "⟦LOC SPRINGFIELD⟧, ⟦LOC Ill.⟧ — Sen. ⟦PER Ray Dufresne⟧’s lawyer spoke.\nThe ⟦ORG FBI⟧ did not.";
        let iob = marked_to_iob2(Lang::En, t).expect("well-formed marks");
        let d = parse_iob2(&iob);
        let words: Vec<&str> = d[0]
            .sents
            .iter()
            .flat_map(|s| s.words.iter().map(String::as_str))
            .collect();
        let tags: Vec<u8> = d[0]
            .sents
            .iter()
            .flat_map(|s| s.tags.iter().copied())
            .collect();
        let tagged: Vec<(&str, u8)> = words
            .iter()
            .copied()
            .zip(tags)
            .filter(|(_, t)| *t != 0)
            .collect();
        assert_eq!(
            tagged.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
            ["SPRINGFIELD", "Ill", "Ray", "Dufresne", "FBI"]
        );
        assert_eq!(
            d[0].sents.last().map(|s| s.words[0].as_str()),
            Some("The"),
            "{iob}"
        );
        assert!(marked_to_iob2(Lang::En, "a ⟦PER Ray").is_err());
        assert!(marked_to_iob2(Lang::En, "a ⟦NAME Ray⟧").is_err());
        let part = marked_to_iob2(Lang::En, "a ⟦LOC Minneapolis⟧-based firm").expect("marks");
        assert!(!part.contains("B-LOC"), "{part}");
    }
}
