//! Trains the entity taggers.
//!
//! ```text
//! krant-train --lang nl            train one language
//! krant-train --all                train all six
//! options: --data DIR              default ../shared/data/ner, beside the project
//!                                  (reads DIR/<lang>/train.iob2)
//!          --out DIR               default assets/models (writes DIR/<lang>.bin)
//!          --epochs N --bits B     override the per-language defaults
//!          --silver-weight W       weight of WikiANN documents where gold data is mixed in
//!          --stage2-bits B       rows of the stacked second stage (0 = none)
//!          --stage2-epochs N --folds K   its epochs and jackknife folds
//!          --contracted W          weight of the Portuguese documents with contractions joined
//!                                  (`do`, not `de o`; default 1 for pt, 0 elsewhere)
//!          --keep-openings         keep the lower-case words that open WikiANN's names
//!                                  (`roi d'Espagne`; by default they are cut off)
//!          --news L:DIR:W          the project's own news articles with marked names
//!                                  (DIR/*.txt, see tests/entities/README.md) in the
//!                                  training of language L at weight W (see default_news)
//!          --ensemble N            perceptrons averaged into the model (default 8; 1 = one)
//!          --seed S                the first perceptron's visiting order (the others follow)
//!          --dev                   score DIR/<lang>/dev.iob2 after every epoch (gold tokens;
//!                                  KRANT_NOCONS=1 scores without the document-level pass;
//!                                  KRANT_DUMP=FILE appends word, gold and predicted tag
//!                                  per line, for error analysis)
//! ```

use krant::analysis::ner::data::{contract_pt, parse_iob2, read_annotated, Counts, Doc};
use krant::analysis::ner::lexicon::{LexCounts, Lexicon};
use krant::analysis::ner::model::{FloatModel, Model, Scorer};
use krant::analysis::ner::tagger::tag_doc;
use krant::analysis::ner::train::{train, TrainConfig};
use krant::lang::Lang;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

struct Args {
    langs: Vec<Lang>,
    data: PathBuf,
    out: PathBuf,
    epochs: Option<usize>,
    bits: Option<u32>,
    silver_weight: Option<f32>,
    stage2_bits: Option<u32>,
    stage2_epochs: Option<usize>,
    folds: Option<usize>,
    dev: bool,
    /// Gold training data of other languages mixed in: (language, weight).
    extra: Vec<(Lang, f32)>,
    /// The project's own articles with marked names: (language, directory, weight).
    news: Vec<(Lang, PathBuf, f32)>,
    /// Weight of the Portuguese documents with their contractions joined (0 = none).
    contracted: Option<f32>,
    /// Keep the lower-case words that open WikiANN's names (see `name_openings`).
    keep_openings: bool,
    ensemble: Option<usize>,
    seed: Option<u64>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        langs: Vec::new(),
        data: PathBuf::from("../shared/data/ner"),
        out: PathBuf::from("assets/models"),
        epochs: None,
        bits: None,
        silver_weight: None,
        stage2_bits: None,
        stage2_epochs: None,
        folds: None,
        dev: false,
        extra: Vec::new(),
        news: Vec::new(),
        contracted: None,
        keep_openings: false,
        ensemble: None,
        seed: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--lang" => {
                let v = val("--lang")?;
                a.langs.push(Lang::from_code(&v).ok_or(format!("unknown language {v:?}"))?);
            }
            "--all" => a.langs = Lang::ALL.to_vec(),
            "--data" => a.data = PathBuf::from(val("--data")?),
            "--out" => a.out = PathBuf::from(val("--out")?),
            "--epochs" => a.epochs = Some(val("--epochs")?.parse().map_err(|e| format!("--epochs: {e}"))?),
            "--bits" => a.bits = Some(val("--bits")?.parse().map_err(|e| format!("--bits: {e}"))?),
            "--silver-weight" => {
                a.silver_weight = Some(val("--silver-weight")?.parse().map_err(|e| format!("--silver-weight: {e}"))?)
            }
            "--stage2-bits" => {
                a.stage2_bits = Some(val("--stage2-bits")?.parse().map_err(|e| format!("--stage2-bits: {e}"))?)
            }
            "--stage2-epochs" => {
                a.stage2_epochs = Some(val("--stage2-epochs")?.parse().map_err(|e| format!("--stage2-epochs: {e}"))?)
            }
            "--folds" => a.folds = Some(val("--folds")?.parse().map_err(|e| format!("--folds: {e}"))?),
            "--dev" => a.dev = true,
            "--keep-openings" => a.keep_openings = true,
            "--ensemble" => {
                a.ensemble = Some(val("--ensemble")?.parse().map_err(|e| format!("--ensemble: {e}"))?)
            }
            "--seed" => a.seed = Some(val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?),
            "--contracted" => {
                a.contracted = Some(val("--contracted")?.parse().map_err(|e| format!("--contracted: {e}"))?)
            }
            "--extra" => {
                let v = val("--extra")?;
                let (l, w) = v.split_once(':').ok_or("--extra wants LANG:WEIGHT")?;
                let l = Lang::from_code(l).ok_or(format!("unknown language {l:?}"))?;
                let w: f32 = w.parse().map_err(|e| format!("--extra: {e}"))?;
                a.extra.push((l, w));
            }
            "--news" => {
                let v = val("--news")?;
                let mut parts = v.splitn(3, ':');
                let (Some(l), Some(dir), Some(w)) = (parts.next(), parts.next(), parts.next())
                else {
                    return Err("--news wants LANG:DIR:WEIGHT".into());
                };
                let l = Lang::from_code(l).ok_or(format!("unknown language {l:?}"))?;
                let w: f32 = w.parse().map_err(|e| format!("--news: {e}"))?;
                a.news.push((l, PathBuf::from(dir), w));
            }
            "-h" | "--help" => {
                return Err("usage: krant-train (--lang L | --all) [--data DIR (default ../shared/data/ner)] [--out DIR (default assets/models)] [--epochs N] [--bits B] [--silver-weight W] [--dev]; see the comment at the top of src/bin/krant-train.rs for all options".into())
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if a.langs.is_empty() {
        return Err("give --lang L or --all".into());
    }
    Ok(a)
}

/// Per-language defaults, chosen on the dev sets: (epochs, silver weight, rows of the
/// stacked second stage as a power of two (0 = none), its epochs). The second stage (document votes)
/// helps Dutch (+1 F1) but cost Spanish and Portuguese 1–2 points; German gained from
/// more epochs; WikiANN silver in German training (weight 0.1 or 0.3) cost 4–6 points.
fn defaults(lang: Lang) -> (usize, f32, u32, usize) {
    match lang {
        Lang::Nl => (20, 1.0, 12, 2),
        Lang::Es | Lang::Pt => (10, 1.0, 0, 0),
        Lang::De => (20, 0.0, 0, 0),
        Lang::En => (10, 1.0, 0, 0),
        Lang::Fr => (10, 1.0, 0, 0),
    }
}

/// Perceptrons averaged into each model. Trained alone, a perceptron's dev F1 moved by up to
/// 1.7 points with the order it visited the data in (five orders besides the default: nl
/// 81.16–81.91, pt 79.53–80.14, against 82.87 and 80.96 for the default order); the mean of
/// eight scored nl 82.12, es 77.45, de 63.87, pt 80.78 (model alone).
const ENSEMBLE: usize = 8;

/// Gold training data of other languages mixed into a language's own (language, weight).
/// French has only WikiANN silver; Spanish gold news at half weight teaches it how names
/// stand in news text (the project's annotated French articles: tagger alone 44.30 -> 53.25
/// F1, the analysis 52.11 -> 55.03; WikiANN dev 79.75 -> 79.32). English gained nothing from
/// Dutch, Spanish or German gold (66.10 -> 61.3-62.4 on the annotated English articles);
/// German and Portuguese lost points with other languages' gold too (`docs/accuracy.md`).
fn default_extra(lang: Lang) -> Vec<(Lang, f32)> {
    match lang {
        Lang::Fr => vec![(Lang::Es, 0.5)],
        _ => Vec::new(),
    }
}

/// The project's own annotated news articles in a language's training: (language, directory
/// of marked articles, weight). English and French have no gold news data but WikiANN silver;
/// the weights are the largest under which the analysis kept its WikiANN dev F1 (en 8: 5-fold
/// CV on the articles 52.31 -> 87.74 F1, dev 72.72 -> 72.74; fr 3: 63.07 -> 70.45, dev 79.53
/// -> 79.53; at 12 and 5 their dev fell). Spanish has gold news of 2000 (CoNLL-2002) and
/// gains too (5: CV 70.86 -> 76.64, dev 77.45 -> 77.83); Dutch and Portuguese lost dev F1 at
/// every weight tried (`docs/accuracy.md`).
fn default_news(lang: Lang) -> Vec<(Lang, PathBuf, f32)> {
    match lang {
        Lang::En => vec![(Lang::En, PathBuf::from("tests/entities/en-train"), 8.0)],
        Lang::Fr => vec![(Lang::Fr, PathBuf::from("tests/entities/fr-train"), 3.0)],
        Lang::Es => vec![(Lang::Es, PathBuf::from("tests/entities/es-train"), 5.0)],
        _ => Vec::new(),
    }
}

/// WikiANN's names are Wikipedia link texts, and many open with lower-case words (`roi
/// d'Espagne`, `de l'Assemblée nationale`); news names open with a capitalised word. Each
/// name here loses its lower-case opening words (a word after an elided `d'` or `l'` counts
/// as capitalised when its first letter is); a name with none left is no name.
fn name_openings(mut doc: Doc) -> Doc {
    let capitalised = |w: &str| {
        let w = w
            .split_once(['\'', '’'])
            .filter(|(a, _)| a.chars().count() <= 2)
            .map_or(w, |(_, b)| b);
        w.starts_with(|c: char| !c.is_lowercase())
    };
    for s in &mut doc.sents {
        let mut i = 0;
        while i < s.tags.len() {
            let t = s.tags[i];
            if t % 2 == 1 {
                let mut j = i + 1;
                while j < s.tags.len() && s.tags[j] == t + 1 {
                    j += 1;
                }
                let first = (i..j).find(|&k| capitalised(&s.words[k]));
                for k in i..first.unwrap_or(j) {
                    s.tags[k] = 0;
                }
                if let Some(f) = first {
                    s.tags[f] = t;
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
    doc
}

/// Whether a training document is WikiANN's (silver): all of French; in German and English,
/// WikiANN documents come in packs of 25 sentences, and the gold documents mixed in are
/// single sentences or short web texts.
fn is_silver(lang: Lang, doc: &Doc) -> bool {
    match lang {
        Lang::Fr => true,
        Lang::De | Lang::En => doc.sents.len() >= 20,
        _ => false,
    }
}

fn score<S: Scorer + ?Sized>(m: &S, lex: &Lexicon<'_>, docs: &[Doc]) -> Counts {
    let mut c = Counts::default();
    for d in docs {
        let (words, sents) = d.flat();
        let tags = tag_doc(
            m,
            lex,
            &words,
            &sents,
            std::env::var_os("KRANT_NOCONS").is_none(),
        );
        for (s, r) in d.sents.iter().zip(&sents) {
            c.add(&s.tags, &tags[r.clone()]);
            if let Some(p) = std::env::var_os("KRANT_DUMP") {
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(p)
                {
                    for ((w, g), y) in s.words.iter().zip(&s.tags).zip(&tags[r.clone()]) {
                        let _ = writeln!(f, "{w}\t{g}\t{y}");
                    }
                    let _ = writeln!(f);
                }
            }
        }
    }
    c
}

fn counts_of<'a>(docs: impl IntoIterator<Item = &'a Doc>) -> LexCounts {
    let mut c = LexCounts::default();
    for d in docs {
        for s in &d.sents {
            for (w, t) in s.words.iter().zip(&s.tags) {
                c.add(w, *t);
            }
        }
    }
    c
}

/// Number of folds for jackknifing the lexicon features of a language's own training data.
const FOLDS: usize = 2;

/// The training of `lang`'s model: its defaults, overridden by the command line; and the
/// weight of its silver documents.
fn config(a: &Args, lang: Lang) -> (TrainConfig, f32) {
    let (epochs, silver, stage2_bits, stage2_epochs) = defaults(lang);
    let base = TrainConfig::default();
    let cfg = TrainConfig {
        bits: a.bits.unwrap_or(base.bits),
        epochs: a.epochs.unwrap_or(epochs),
        stage2_bits: a.stage2_bits.unwrap_or(stage2_bits),
        stage2_epochs: a.stage2_epochs.unwrap_or(stage2_epochs),
        folds: a.folds.unwrap_or(base.folds),
        ensemble: a.ensemble.unwrap_or(ENSEMBLE),
        seed: a.seed.unwrap_or(base.seed),
    };
    (cfg, a.silver_weight.unwrap_or(silver))
}

/// The project's own annotated news articles of `lang` (`--news`, else [`default_news`]),
/// each with its weight.
fn news_docs(a: &Args, lang: Lang) -> Result<Vec<(Doc, f32)>, String> {
    let news = if a.news.is_empty() {
        default_news(lang)
    } else {
        a.news.clone()
    };
    let mut out = Vec::new();
    for (l, dir, w) in news.into_iter().filter(|n| n.0 == lang && n.2 > 0.0) {
        out.extend(
            parse_iob2(&read_annotated(&dir, l)?)
                .into_iter()
                .map(|d| (d, w)),
        );
    }
    Ok(out)
}

fn run(a: &Args) -> Result<(), String> {
    std::fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out.display()))?;
    let read = |lang: Lang, name: &str| -> Result<Vec<Doc>, String> {
        let p = a.data.join(lang.code()).join(name);
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        Ok(parse_iob2(&text))
    };
    // The lexicon: from the training data of all six languages.
    let t0 = Instant::now();
    let mut all_train = Vec::new();
    let mut all_counts = LexCounts::default();
    for lang in Lang::ALL {
        let docs = read(lang, "train.iob2")?;
        all_counts.merge(&counts_of(&docs), 1);
        all_train.push((lang, docs));
    }
    let full_lex = Lexicon::build(&all_counts);
    let lex_bytes = full_lex.to_bytes();
    let lex_path = a.out.join("lexicon.bin");
    std::fs::write(&lex_path, &lex_bytes).map_err(|e| format!("{}: {e}", lex_path.display()))?;
    eprintln!("lexicon: {} bytes in {:.1?}", lex_bytes.len(), t0.elapsed());
    for &lang in &a.langs {
        let t0 = Instant::now();
        let train_docs = all_train
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, d)| d.clone())
            .unwrap_or_default();
        // Jackknife: the features of fold k see the lexicon without fold k's own counts.
        let fold_lex: Vec<Lexicon> = (0..FOLDS)
            .map(|k| {
                let mut c = all_counts.clone();
                c.merge(&counts_of(train_docs.iter().skip(k).step_by(FOLDS)), -1);
                Lexicon::build(&c)
            })
            .collect();
        let dev_docs = if a.dev {
            read(lang, "dev.iob2")?
        } else {
            Vec::new()
        };
        let (cfg, silver) = config(a, lang);
        let n_silver = train_docs.iter().filter(|d| is_silver(lang, d)).count();
        let mut weighted: Vec<(Doc, f32, &Lexicon)> = train_docs
            .into_iter()
            .enumerate()
            .map(|(k, d)| {
                let w = if is_silver(lang, &d) { silver } else { 1.0 };
                (d, w, &fold_lex[k % FOLDS])
            })
            .filter(|(_, w, _)| *w > 0.0)
            .map(|(d, w, l)| {
                let d = if is_silver(lang, &d) && !a.keep_openings {
                    name_openings(d)
                } else {
                    d
                };
                (d, w, l)
            })
            .collect();
        // Portuguese: the Bosque documents again with their contractions joined (`do`, not
        // `de o`), as news articles write them.
        let contracted = a
            .contracted
            .unwrap_or(if lang == Lang::Pt { 1.0 } else { 0.0 });
        if contracted > 0.0 {
            let copies: Vec<(Doc, f32, &Lexicon)> = weighted
                .iter()
                .map(|(d, _, lex)| (contract_pt(d), contracted, *lex))
                .collect();
            weighted.extend(copies);
        }
        let extra = if a.extra.is_empty() {
            default_extra(lang)
        } else {
            a.extra.clone()
        };
        let extra_docs: Vec<(Vec<Doc>, f32, Lexicon)> = extra
            .into_iter()
            .filter(|&(other, w)| other != lang && w > 0.0)
            .map(|(other, w)| {
                let docs: Vec<Doc> = all_train
                    .iter()
                    .find(|(l, _)| *l == other)
                    .map(|(_, d)| d.iter().filter(|d| !is_silver(other, d)).cloned().collect())
                    .unwrap_or_default();
                // Their lexicon features must not see their own labels: the lexicon without
                // that language's counts.
                let mut c = all_counts.clone();
                c.merge(&counts_of(&docs), -1);
                (docs, w, Lexicon::build(&c))
            })
            .collect();
        for (docs, w, lex) in &extra_docs {
            weighted.extend(docs.iter().map(|d| (d.clone(), *w, lex)));
        }
        // The project's own news articles: their names are not in the lexicon's counts, so
        // the full lexicon tells nothing of their labels.
        for (d, w) in news_docs(a, lang)? {
            weighted.push((d, w, &full_lex));
        }
        eprintln!(
            "{}: {} documents ({} silver, weight {}), {} tokens; bits {}, epochs {}, stage 2 bits {}, {} perceptrons (per-epoch lines: the first)",
            lang.code(),
            weighted.len(),
            n_silver,
            silver,
            weighted.iter().map(|(d, _, _)| d.n_tokens()).sum::<usize>(),
            cfg.bits,
            cfg.epochs,
            cfg.stage2_bits,
            cfg.ensemble
        );
        let model: FloatModel = train(&weighted, &cfg, |epoch, m| {
            if a.dev {
                let (p, r, f) = score(m, &full_lex, &dev_docs).overall();
                eprintln!(
                    "  epoch {epoch:>2}: dev P {p:.2} R {r:.2} F1 {f:.2}  ({:.0?})",
                    t0.elapsed()
                );
            } else {
                eprintln!("  epoch {epoch:>2} ({:.0?})", t0.elapsed());
            }
            true
        });
        let bytes = model.to_bytes();
        if a.dev {
            let q = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
            eprintln!("  quantised:\n{}", score(&q, &full_lex, &dev_docs).report());
        }
        let path = a.out.join(format!("{}.bin", lang.code()));
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!(
            "  wrote {} ({} bytes) in {:.1?}",
            path.display(),
            bytes.len(),
            t0.elapsed()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("krant-train: {}", e.escape_debug());
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_lower_case_openings() {
        // roi d'Espagne (ORG) ; de l' Assemblée nationale (ORG) ; le roi (PER: nothing left)
        let t = "roi\tB-ORG\nd'Espagne\tI-ORG\nvisite\tO\nde\tB-ORG\nl'\tI-ORG\nAssemblée\tI-ORG\nnationale\tI-ORG\n\nle\tB-PER\nroi\tI-PER\nParis\tB-LOC\n";
        let d = name_openings(parse_iob2(t).remove(0));
        assert_eq!(d.sents[0].tags, vec![0, 3, 0, 0, 0, 3, 4]);
        assert_eq!(d.sents[1].tags, vec![0, 0, 5]);
    }
}
