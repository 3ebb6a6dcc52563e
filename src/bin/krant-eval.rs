//! Evaluates the analysis against annotated data.
//!
//! ```text
//! krant-eval ner FILE.iob2 --lang L [--models DIR]
//! ```
//!
//! The tokens of the file are joined back into running text: tokens joined with single
//! spaces, one sentence per line, one document (`# doc`; documents longer than 30 sentences
//! are cut into pieces of 30) per text block. Lines rather than spaces between sentences
//! because the data holds headlines, bylines and other unpunctuated lines (the Dutch data
//! even has them shuffled among the sentences), which in an article stand on lines of their
//! own too. Each block goes through the same `recognize` the reader uses (own tokenizer,
//! own sentence splitter, which also splits at `.`/`!`/`?` inside a line);
//! the byte spans it returns are mapped back onto the file's tokens and scored span-exact
//! per type, the conlleval way. Also reported: model load time and tagging speed.
//! With `--models DIR`, `DIR/<lang>.bin` and `DIR/lexicon.bin` are used instead of the
//! models built into the binary (to try a model without rebuilding).

use krant::analysis::ner::data::{parse_iob2, Counts, Doc};
use krant::analysis::ner::lexicon::Lexicon;
use krant::analysis::ner::model::Model;
use krant::analysis::ner::{recognize_with, shipped_lexicon, shipped_model, NameKind};
use krant::lang::Lang;
use std::process::ExitCode;
use std::time::Instant;

/// One document as text, with each gold token's byte range.
struct Paragraph {
    text: String,
    tokens: Vec<(usize, usize)>,
}

fn paragraph(doc: &Doc) -> Paragraph {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for s in &doc.sents {
        if !text.is_empty() {
            text.push('\n');
        }
        for (k, w) in s.words.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            tokens.push((text.len(), text.len() + w.len()));
            text.push_str(w);
        }
    }
    Paragraph { text, tokens }
}

fn kind_index(k: NameKind) -> u8 {
    match k {
        NameKind::Per => 0,
        NameKind::Org => 1,
        NameKind::Loc => 2,
        NameKind::Misc => 3,
    }
}

/// `krant-eval quotes DIR`: quote detection and speaker attribution on annotated JSON files.
fn quotes(dir: &str) -> Result<(), String> {
    let mut misses = Vec::new();
    let s = krant::analysis::quotes_eval::evaluate_with(std::path::Path::new(dir), &mut misses)?;
    if std::env::var_os("QUOTES_EVAL_MISSES").is_some() {
        for m in &misses {
            println!("{m}");
        }
    }
    println!(
        "{} documents: gold {}, predicted {}, matched {}; precision {:.1} recall {:.1} F1 {:.1}; speaker right {:.1}% ({}/{})",
        s.documents,
        s.gold,
        s.predicted,
        s.matched,
        s.precision * 100.0,
        s.recall * 100.0,
        s.f1 * 100.0,
        s.speaker_accuracy * 100.0,
        s.speaker_right,
        s.matched
    );
    Ok(())
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: krant-eval ner FILE.iob2 --lang L [--models DIR] | krant-eval quotes DIR";
    if args.first().map(String::as_str) == Some("quotes") {
        return match args.get(1) {
            Some(dir) if args.len() == 2 => quotes(dir),
            _ => Err(usage.into()),
        };
    }
    if args.first().map(String::as_str) != Some("ner") || args.len() < 2 {
        return Err(usage.into());
    }
    let file = &args[1];
    let mut lang = None;
    let mut model_dir = None;
    let mut i = 2;
    while i < args.len() {
        match (args[i].as_str(), args.get(i + 1)) {
            ("--lang", Some(v)) => {
                lang = Some(Lang::from_code(v).ok_or(format!("unknown language {v:?}"))?)
            }
            ("--models", Some(v)) => model_dir = Some(std::path::PathBuf::from(v)),
            _ => return Err(usage.into()),
        }
        i += 2;
    }
    let lang = lang.ok_or(usage)?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let docs = parse_iob2(&text);

    let read = |name: String| -> Result<Option<Vec<u8>>, String> {
        match &model_dir {
            Some(d) => {
                let p = d.join(name);
                std::fs::read(&p)
                    .map(Some)
                    .map_err(|e| format!("{}: {e}", p.display()))
            }
            None => Ok(None),
        }
    };
    let model_bytes = read(format!("{}.bin", lang.code()))?;
    let lex_bytes = read("lexicon.bin".to_string())?;
    let t0 = Instant::now();
    let model: Option<&Model<'_>>;
    let lex: &Lexicon<'_>;
    let (own, own_lex);
    match (&model_bytes, &lex_bytes) {
        (Some(b), Some(l)) => {
            own = Model::from_bytes(b).map_err(|e| e.to_string())?;
            own_lex = Lexicon::from_bytes(l).ok_or("bad lexicon file")?;
            let _ = krant::analysis::ner::gazetteer::Gazetteer::get();
            model = Some(&own);
            lex = &own_lex;
        }
        _ => {
            model = shipped_model(lang);
            lex = shipped_lexicon();
        }
    }
    let load = t0.elapsed();
    if model.is_none() {
        eprintln!(
            "warning: no model for {}; using the shape-based fallback",
            lang.code()
        );
    }

    let paras: Vec<Paragraph> = docs.iter().map(paragraph).collect();
    let mut counts = Counts::default();
    let mut misaligned = 0;
    let t1 = Instant::now();
    let results: Vec<_> = paras
        .iter()
        .map(|p| recognize_with(model, lex, lang, &p.text))
        .collect();
    let tag_time = t1.elapsed();
    for ((doc, p), spans) in docs.iter().zip(&paras).zip(&results) {
        let mut pred = vec![0u8; p.tokens.len()];
        for s in spans {
            let covered: Vec<usize> = (0..p.tokens.len())
                .filter(|&k| p.tokens[k].0 < s.end && p.tokens[k].1 > s.start)
                .collect();
            let (Some(&a), Some(&b)) = (covered.first(), covered.last()) else {
                continue;
            };
            if p.tokens[a].0 != s.start || p.tokens[b].1 != s.end {
                misaligned += 1;
                if std::env::var_os("KRANT_SHOW_MISALIGNED").is_some() {
                    eprintln!("misaligned: {:?}", &p.text[p.tokens[a].0..p.tokens[b].1]);
                }
            }
            let ty = kind_index(s.kind);
            pred[a] = 1 + 2 * ty;
            for t in &mut pred[a + 1..=b] {
                *t = 2 + 2 * ty;
            }
        }
        let gold: Vec<u8> = doc
            .sents
            .iter()
            .flat_map(|s| s.tags.iter().copied())
            .collect();
        let mut at = 0;
        for s in &doc.sents {
            let n = s.words.len();
            counts.add(&gold[at..at + n], &pred[at..at + n]);
            at += n;
        }
    }
    let bytes: usize = paras.iter().map(|p| p.text.len()).sum();
    println!(
        "{} ({} documents, {} bytes of text)",
        file,
        docs.len(),
        bytes
    );
    print!("{}", counts.report());
    println!("spans not aligned with gold tokens: {misaligned}");
    println!("model load: {:.2} ms", load.as_secs_f64() * 1e3);
    // Speed: tag the whole text again a few times, keep the best round. On a shared machine
    // wall time counts the time other processes hold the core; this thread's CPU time does not.
    let mut best = tag_time.as_secs_f64();
    let mut best_cpu = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let c = thread_cpu_seconds();
        for p in &paras {
            std::hint::black_box(recognize_with(model, lex, lang, &p.text));
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "tagging: {:.2} MB/s wall ({:.1} ms for {} bytes); {:.2} MB/s of CPU time on one core",
        bytes as f64 / best / 1e6,
        best * 1e3,
        bytes,
        bytes as f64 / best_cpu / 1e6
    );
    Ok(())
}

/// CPU time used by this thread so far.
fn thread_cpu_seconds() -> Option<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then_some(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("krant-eval: {}", e.escape_debug());
            ExitCode::from(2)
        }
    }
}
