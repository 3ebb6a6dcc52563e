//! Evaluates the analysis against annotated data.
//!
//! ```text
//! krant-eval ner (FILE.iob2 | DIR) --lang L [--model-only [--models DIR]] [--contract] [--title-case | --upper-case] [--off PASS,...]
//! krant-eval ner --ablate [DATA] [--split dev|train] [--with L:PATH]...
//! krant-eval quotes DIR... [--off NAME,...] [--cv K] [--ablate] [--save FILE [--langs de,en]] [--test DIR]... [--drop PREFIX,...] [--with DIR]...
//! ```
//!
//! (A directory stands for all its `*.iob2` files, in name order.) The tokens of the file are joined back into running text: tokens joined with single
//! spaces, one sentence per line, one document (`# doc`; documents longer than 30 sentences
//! are cut into pieces of 30) per article. Lines
//! rather than spaces between sentences because the data holds headlines, bylines and other
//! unpunctuated lines (the Dutch data even has them shuffled among the sentences), which in
//! an article stand on lines of their own too.
//!
//! By default each article goes through what `krant --analyze` runs: the reader's
//! parser makes the blocks (here one per line), the analysis (rules and model merged) lists the entities, and
//! every mention of a person, organisation, place or other name is scored against the
//! gold PER, ORG, LOC and MISC spans. `--model-only` scores the statistical tagger alone
//! (each paragraph through `recognize`), and with `--models DIR` uses `DIR/<lang>.bin` and
//! `DIR/lexicon.bin` instead of the models built into the binary (to try a model without
//! rebuilding). Spans are mapped back onto the file's tokens and scored span-exact per
//! type, the conlleval way. Also reported: model load time and the model's tagging speed.
//! `--contract` first joins the Portuguese contractions the Bosque treebank splits (`de o`
//! becomes `do`), to score the text as news articles write it.

use krant::analysis::ner::data::{contract_pt, parse_iob2, read_annotated, Counts, Doc};
use krant::analysis::ner::lexicon::Lexicon;
use krant::analysis::ner::model::Model;
use krant::analysis::ner::{recognize_with, shipped_lexicon, shipped_model, NameKind, NameSpan};
mod quotes_eval;
mod ranker_training;

use krant::analysis::EntityKind;
use krant::document::Document;
use krant::lang::Lang;
use quotes_eval as qe;
use ranker_training::Example;
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

/// The entity analysis exactly as `krant --analyze` runs it: each paragraph (a document
/// piece, one sentence per line) is read as an article of its own, parsed into blocks by the
/// reader's parser and analysed; the people, organisations, places and other names it lists
/// (every mention) come back as spans. Sums, numbers and dates have no counterpart in the
/// annotation and are left out.
fn full_analysis(paras: &[Paragraph], lang: Lang) -> Result<Vec<Vec<NameSpan>>, String> {
    let mut out: Vec<Vec<NameSpan>> = Vec::with_capacity(paras.len());
    let mut other_language = 0;
    for p in paras {
        let doc = Document::from_bytes(p.text.clone().into_bytes()).map_err(|e| e.to_string())?;
        if *doc.article.text != p.text {
            return Err(
                "the reader changed the text while decoding it; offsets would not match".into(),
            );
        }
        if doc.language.lang != lang {
            other_language += 1;
        }
        let ranges = doc.article.analysis_ranges();
        let analysis = krant::pipeline::analyze_all(&doc.article.text, &ranges, lang);
        let mut spans = Vec::new();
        for e in &analysis.entities {
            let kind = match e.kind {
                EntityKind::Person => NameKind::Per,
                EntityKind::Organization => NameKind::Org,
                EntityKind::Place => NameKind::Loc,
                EntityKind::Other => NameKind::Misc,
                EntityKind::Money | EntityKind::Number | EntityKind::Date => continue,
            };
            spans.extend(e.mentions.iter().map(|m| NameSpan {
                start: m.start,
                end: m.end,
                kind,
            }));
        }
        spans.sort_by_key(|s| (s.start, s.end));
        out.push(spans);
    }
    if other_language > 0 {
        eprintln!(
            "note: the reader's language guess differs from {} for {other_language} of {} documents (analysed as {} anyway)",
            lang.code(),
            paras.len(),
            lang.code()
        );
    }
    Ok(out)
}

/// With `KRANT_EVAL_ERRORS=1`: one line per wrong span, `FP` (predicted, not in the gold),
/// `FN` (in the gold, not predicted), with its type and text.
fn print_errors(p: &Paragraph, gold: &[u8], pred: &[u8]) {
    const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
    let g = krant::analysis::ner::tagger::spans(gold);
    let y = krant::analysis::ner::tagger::spans(pred);
    let show = |(a, b, ty): (usize, usize, usize)| {
        let (from, to) = (p.tokens[a].0, p.tokens[b - 1].1);
        let line_start = p.text[..from].rfind('\n').map_or(0, |i| i + 1);
        let line_end = p.text[to..].find('\n').map_or(p.text.len(), |i| to + i);
        format!(
            "{}\t{}\t{}[{}]{}",
            TYPES.get(ty).unwrap_or(&"?"),
            &p.text[from..to],
            &p.text[line_start..from],
            &p.text[from..to],
            &p.text[to..line_end]
        )
    };
    for s in &y {
        if !g.contains(s) {
            println!("FP\t{}", show(*s));
        }
    }
    for s in &g {
        if !y.contains(s) {
            println!("FN\t{}", show(*s));
        }
    }
}

/// `krant-eval ner --ablate [DATA] [--split S] [--with L:PATH]...`: overall F1 of the full
/// analysis on each set with every entity pass on, then with each pass off in turn (only
/// in the languages it applies to; `·` elsewhere), as a Markdown table. A cell gives F1
/// with the pass off and, in brackets, its change against all on: a negative change is what
/// the pass gains.
fn ablate(args: &[String]) -> Result<(), String> {
    use krant::analysis::entities::passes::{with_off, Off, Pass};
    let mut data = std::path::PathBuf::from("../shared/data/ner");
    let mut split = "dev".to_string();
    let mut extra: Vec<(String, Lang, std::path::PathBuf)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match (args[i].as_str(), args.get(i + 1)) {
            ("--split", Some(v)) => split = v.clone(),
            ("--with", Some(v)) => {
                let (l, path) = v.split_once(':').ok_or("--with takes LANG:PATH")?;
                let lang = Lang::from_code(l).ok_or(format!("unknown language {l:?}"))?;
                extra.push((format!("{l} {path}"), lang, path.into()));
            }
            (a, _) if !a.starts_with("--") => {
                data = a.into();
                i += 1;
                continue;
            }
            _ => return Err(format!("unknown argument {:?}", args[i])),
        }
        i += 2;
    }
    let mut sets: Vec<(String, Lang, std::path::PathBuf)> =
        [Lang::Nl, Lang::Es, Lang::De, Lang::Pt, Lang::Fr, Lang::En]
            .into_iter()
            .map(|l| {
                let path = data.join(l.code()).join(format!("{split}.iob2"));
                (l.code().to_string(), l, path)
            })
            .collect();
    sets.extend(extra);
    let mut loaded = Vec::new();
    for (label, lang, path) in sets {
        let docs = parse_iob2(&read_annotated(&path, lang)?);
        let paras: Vec<Paragraph> = docs.iter().map(paragraph).collect();
        loaded.push((label, lang, docs, paras));
    }
    let f1 = |lang: Lang, docs: &[Doc], paras: &[Paragraph], off: Off| {
        let results = with_off(off, || full_analysis(paras, lang))?;
        Ok::<f64, String>(score(docs, paras, &results).0.overall().2)
    };
    let labels: Vec<&str> = loaded.iter().map(|s| s.0.as_str()).collect();
    println!("| pass off | {} |", labels.join(" | "));
    println!("|---|{}", "---|".repeat(labels.len()));
    let mut base = Vec::new();
    for (_, lang, docs, paras) in &loaded {
        base.push(f1(*lang, docs, paras, Off::default())?);
    }
    let cells: Vec<String> = base.iter().map(|f| format!("{f:.2}")).collect();
    println!("| none (all on) | {} |", cells.join(" | "));
    for pass in Pass::ALL {
        let mut cells = Vec::new();
        for ((_, lang, docs, paras), b) in loaded.iter().zip(&base) {
            if !pass.langs().contains(lang) {
                cells.push("·".to_string());
                continue;
            }
            let f = f1(*lang, docs, paras, Off::of(&[pass]))?;
            let d = ((f - b) * 100.0).round() / 100.0;
            cells.push(if d == 0.0 {
                format!("{f:.2} (0)")
            } else {
                format!("{f:.2} ({d:+.2})")
            });
        }
        println!("| `{}` | {} |", pass.name(), cells.join(" | "));
    }
    Ok(())
}

fn kind_index(k: NameKind) -> u8 {
    match k {
        NameKind::Per => 0,
        NameKind::Org => 1,
        NameKind::Loc => 2,
        NameKind::Misc => 3,
    }
}

/// The speaker rules `--ablate` measures: those of the cascade and the proposals that need
/// no reporting verb (see `src/analysis/speakers/`).
const RULES: &[&str] = &[
    "after",
    "headline",
    "textplace",
    "incise",
    "before",
    "prevsent",
    "prodrop",
    "verblast",
    "ownsubj",
    "walkverb",
    "fallback",
    "guessverb",
    "guesscolon",
    "titledots",
    "lastperson",
    "recent",
    "insent",
    "nextsent",
    "nextquote",
];

/// Not a rule: `--off thinverbs` makes every third reporting verb of the lexicons unknown, to
/// measure what the rules do with verbs a lexicon does not list.
const THIN_VERBS: &str = "thinverbs";

/// `krant-eval quotes DIR… [--cv K] [--ablate] [--save FILE [--langs de,en]] [--test DIR]... [--drop PREFIX,...] [--with DIR]... [--off RULE,...] [--seed N]`: quote
/// detection and speaker attribution on annotated JSON files, each directory scored as the
/// analysis runs (with the speaker ranker built into the binary). With `--cv K` the ranker
/// is also cross-validated on the speaker candidates of all the directories' documents
/// (k folds by document: trained on k-1, scored on the one left out); `--ablate` adds a table
/// of that accuracy with each rule removed (with and without the old cascade's answer as a
/// feature); `--save FILE` trains the ranker on all of them and writes its weights;
/// `--seed N` starts the perceptrons' visiting orders from `N` instead of 7.
fn quotes(args: &[String]) -> Result<(), String> {
    // `--off NAMES`: the whole evaluation with those speaker rules and entity passes off.
    if let Some(i) = args.iter().position(|a| a == "--off") {
        let names: Vec<&str> = args
            .get(i + 1)
            .ok_or("--off needs names of speaker rules or entity passes: nextquote,storms")?
            .split(',')
            .collect();
        if args.iter().any(|a| a == "--ablate") {
            return Err("--off and --ablate do not go together".into());
        }
        let (rules, passes): (Vec<&str>, Vec<&str>) = names
            .into_iter()
            .partition(|n| RULES.contains(n) || *n == THIN_VERBS);
        let off = if passes.is_empty() {
            krant::analysis::entities::passes::Off::default()
        } else {
            krant::analysis::entities::passes::Off::parse(&passes.join(","))?
        };
        let rest: Vec<String> = args[..i].iter().chain(&args[i + 2..]).cloned().collect();
        return krant::analysis::speakers::rank::without_rules(&rules, || {
            krant::analysis::entities::passes::with_off(off, || quotes(&rest))
        });
    }
    let a = QuotesArgs::parse(args)?;
    let mut docs = score_dirs(&a.dirs)?;
    drop_features(&mut docs, &a.drop);
    let mut extra = Vec::new();
    for dir in &a.with {
        qe::evaluate_collecting(std::path::Path::new(dir), &mut Vec::new(), &mut extra)?;
    }
    drop_features(&mut extra, &a.drop);
    if let Some(k) = a.cv {
        cross_validation(&docs, &extra, k);
        if a.ablate {
            ablation(&docs, &a, k)?;
        }
    }
    if !a.tests.is_empty() {
        held_out(&a, &docs, &extra)?;
    }
    if let Some(file) = &a.save {
        save_ranker(&a, file, &docs, &extra)?;
    }
    Ok(())
}

/// What `krant-eval quotes` was asked to do.
struct QuotesArgs<'a> {
    /// The directories scored and trained on.
    dirs: Vec<&'a str>,
    /// Folds of the cross-validation, if asked for.
    cv: Option<usize>,
    ablate: bool,
    /// Where to write the ranker trained on everything.
    save: Option<String>,
    /// The languages the saved ranker is for.
    langs: String,
    /// Directories the ranker is tested on, held out.
    tests: Vec<String>,
    /// Feature prefixes left out.
    drop: Vec<String>,
    /// Directories trained on too, but not scored.
    with: Vec<String>,
}

impl<'a> QuotesArgs<'a> {
    /// Reads the options and directories after `quotes`.
    fn parse(args: &'a [String]) -> Result<QuotesArgs<'a>, String> {
        let mut dirs: Vec<&str> = Vec::new();
        let (mut cv, mut ablate, mut save, mut langs) = (None, false, None, "de".to_string());
        let mut tests: Vec<String> = Vec::new();
        let mut drop: Vec<String> = Vec::new();
        let mut with: Vec<String> = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--cv" => {
                    let k = it.next().and_then(|k| k.parse::<usize>().ok());
                    cv = Some(
                        k.filter(|&k| k >= 2)
                            .ok_or("--cv needs a number of folds, 2 or more")?,
                    );
                }
                "--ablate" => ablate = true,
                "--seed" => {
                    let n = it.next().and_then(|n| n.parse::<u64>().ok());
                    let n = n.ok_or("--seed needs a number")?;
                    crate::ranker_training::SEED.store(n, std::sync::atomic::Ordering::Relaxed);
                }
                "--save" => save = Some(it.next().ok_or("--save needs a file")?.clone()),
                "--langs" => langs = it.next().ok_or("--langs needs codes: de,en")?.clone(),
                "--test" => tests.push(it.next().ok_or("--test needs a directory")?.clone()),
                "--with" => with.push(it.next().ok_or("--with needs a directory")?.clone()),
                "--drop" => {
                    let list = it.next().ok_or("--drop needs feature prefixes: qb=,cb=")?;
                    drop.extend(list.split(',').map(str::to_string));
                }
                d if !d.starts_with("--") => dirs.push(d),
                other => return Err(format!("unknown option {other}")),
            }
        }
        if dirs.is_empty() {
            return Err("quotes: no directory".into());
        }
        Ok(QuotesArgs {
            dirs,
            cv,
            ablate,
            save,
            langs,
            tests,
            drop,
            with,
        })
    }
}

/// Scores each directory and prints its line (and, with `QUOTES_EVAL_MISSES`, each miss);
/// returns the speaker candidates of all their documents.
fn score_dirs(dirs: &[&str]) -> Result<Vec<Vec<Example>>, String> {
    let mut docs = Vec::new();
    for dir in dirs {
        let mut misses = Vec::new();
        let s = qe::evaluate_collecting(std::path::Path::new(dir), &mut misses, &mut docs)?;
        if std::env::var_os("QUOTES_EVAL_MISSES").is_some() {
            for m in &misses {
                println!("{m}");
            }
        }
        if dirs.len() > 1 {
            print!("{dir}: ");
        }
        println!("{s}");
    }
    Ok(docs)
}

/// `a` out of `b` as a percentage, with both counts.
fn pct((a, b): (usize, usize)) -> String {
    format!(
        "{:.1}% ({a}/{b})",
        if b == 0 {
            0.0
        } else {
            a as f64 * 100.0 / b as f64
        }
    )
}

/// How often the cascade's answer (the first candidate) is right: (right, quotes).
fn cascade(docs: &[Vec<Example>]) -> (usize, usize) {
    let all: Vec<_> = docs.iter().flatten().collect();
    let right = all
        .iter()
        .filter(|e| e.candidates.first().is_some_and(|c| c.1))
        .count();
    (right, all.len())
}

/// Prints the ranker's `k`-fold cross-validated accuracy beside the cascade's and the share
/// of quotes with a right candidate, then the accuracy without the cascade's answer.
fn cross_validation(docs: &[Vec<Example>], extra: &[Vec<Example>], k: usize) {
    let reachable = docs
        .iter()
        .flatten()
        .filter(|e| e.candidates.iter().any(|c| c.1))
        .count();
    println!(
        "speakers, {k}-fold cross-validation by document: ranker {}; the cascade alone {}; a right candidate among those proposed {}",
        pct(qe::cross_validate_with(docs, extra, k)),
        pct(cascade(docs)),
        pct((reachable, docs.iter().map(Vec::len).sum()))
    );
    println!(
        "  without the cascade's answer as a feature: {}",
        pct(qe::cross_validate_with(
            &qe::without(docs, None, false),
            &qe::without(extra, None, false),
            k
        ))
    );
}

/// Prints, per rule, how often it proposes and answers, and the accuracy of the cascade and
/// of the cross-validated ranker with that rule removed (the directories, and those of
/// `--with` that every fold trains on, scored again).
fn ablation(docs: &[Vec<Example>], a: &QuotesArgs, k: usize) -> Result<(), String> {
    let counts = qe::rule_counts(docs);
    let quotes: usize = docs.iter().map(Vec::len).sum();
    let share = |n: usize| format!("{n} ({:.1}%)", n as f64 * 100.0 / quotes.max(1) as f64);
    println!(
        "rule\tproposes for\tcascade's answer for\twithout it: cascade\twithout it: ranker (CV)"
    );
    for rule in RULES {
        let (mut ablated, mut extra) = (Vec::new(), Vec::new());
        krant::analysis::speakers::rank::without_rules(&[rule], || {
            for dir in &a.dirs {
                qe::evaluate_collecting(std::path::Path::new(dir), &mut Vec::new(), &mut ablated)?;
            }
            for dir in &a.with {
                qe::evaluate_collecting(std::path::Path::new(dir), &mut Vec::new(), &mut extra)?;
            }
            Ok::<(), String>(())
        })?;
        drop_features(&mut ablated, &a.drop);
        drop_features(&mut extra, &a.drop);
        println!(
            "{rule}\t{}\t{}\t{}\t{}",
            share(counts.get(*rule).copied().unwrap_or(0)),
            share(counts.get(&format!("casc={rule}")).copied().unwrap_or(0)),
            pct(cascade(&ablated)),
            pct(qe::cross_validate_with(&ablated, &extra, k))
        );
    }
    Ok(())
}

/// Trains the ranker on everything and prints its accuracy, and the cascade's, on each
/// held-out directory.
fn held_out(a: &QuotesArgs, docs: &[Vec<Example>], extra: &[Vec<Example>]) -> Result<(), String> {
    let all: Vec<_> = docs.iter().chain(extra).cloned().collect();
    let r = qe::train_ranker(&all);
    for dir in &a.tests {
        let mut held = Vec::new();
        qe::evaluate_collecting(std::path::Path::new(dir), &mut Vec::new(), &mut held)?;
        drop_features(&mut held, &a.drop);
        let all: Vec<_> = held.iter().flatten().cloned().collect();
        println!(
            "{dir}: ranker trained on {} {}; the cascade alone {}",
            a.dirs.join(" "),
            pct(qe::ranker_right(&r, &all)),
            pct(cascade(&held))
        );
    }
    Ok(())
}

/// Trains the ranker on everything, for the `--langs` languages, and writes it to `file`
/// with a header saying how.
fn save_ranker(
    a: &QuotesArgs,
    file: &str,
    docs: &[Vec<Example>],
    extra: &[Vec<Example>],
) -> Result<(), String> {
    let all: Vec<_> = docs.iter().chain(extra).cloned().collect();
    let mut r = qe::train_ranker(&all);
    let codes: Vec<krant::lang::Lang> = a
        .langs
        .split(',')
        .filter_map(|c| krant::lang::Lang::from_code(c.trim()))
        .collect();
    r.set_langs(codes);
    let (right, total) = qe::ranker_right(&r, &docs.iter().flatten().cloned().collect::<Vec<_>>());
    let t = qe::training(&all.iter().flatten().cloned().collect::<Vec<_>>());
    let header = format!(
        "Speaker ranker (mean of {} averaged perceptrons, {} epochs, margin {}, {}weights under {} left out), trained by `krant-eval quotes {} --save`.\nOn its own training quotes: {right}/{total}.",
        t.perceptrons,
        t.epochs,
        t.margin,
        if t.pairs { "pairs of features weighed too, " } else { "" },
        t.min_weight,
        a.dirs.iter().map(|d| d.rsplit("data/").next().unwrap_or(d)).collect::<Vec<_>>().join(" ")
    );
    std::fs::write(file, r.to_text(&header)).map_err(|e| format!("{file}: {e}"))?;
    println!("wrote {file}");
    Ok(())
}

/// Removes from every candidate the features of which a part (between `&`) starts with one
/// of `prefixes`: a family of features left out, to see what it is worth.
fn drop_features(docs: &mut [Vec<Example>], prefixes: &[String]) {
    if prefixes.is_empty() {
        return;
    }
    for c in docs
        .iter_mut()
        .flatten()
        .flat_map(|e| e.candidates.iter_mut())
    {
        c.0.retain(|f| {
            !f.split('&')
                .any(|part| prefixes.iter().any(|p| part.starts_with(p.as_str())))
        });
    }
}

/// How `krant-eval` is called.
const USAGE: &str = "usage: krant-eval ner (FILE.iob2 | DIR) --lang L [--model-only [--models DIR]] [--contract] [--title-case | --upper-case] [--off PASS,...] | krant-eval ner --ablate [DATA] [--split dev|train] [--with L:PATH]... | krant-eval quotes DIR... [--cv K] [--ablate] [--save FILE [--langs de,en]] [--test DIR]... [--drop PREFIX,...] [--with DIR]... [--off NAME,...] [--seed N]";

/// Runs the evaluation the command line asks for.
fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("quotes") {
        return quotes(&args[1..]);
    }
    if args.first().map(String::as_str) != Some("ner") || args.len() < 2 {
        return Err(USAGE.into());
    }
    if args[1] == "--ablate" {
        return ablate(&args[2..]);
    }
    ner(&NerArgs::parse(&args)?)
}

/// What `krant-eval ner` was asked to do.
struct NerArgs<'a> {
    /// The IOB2 file or directory.
    file: &'a str,
    lang: Lang,
    /// Where to read models from instead of the built-in ones (`--models`).
    model_dir: Option<std::path::PathBuf>,
    model_only: bool,
    contract: bool,
    /// Each document's headline in Title Case (`--title-case`) or in capitals
    /// (`--upper-case`).
    title_case: bool,
    upper_case: bool,
    /// Entity passes switched off (`--off`).
    off: krant::analysis::entities::passes::Off,
}

impl<'a> NerArgs<'a> {
    /// Reads `ner FILE` and its options (`args` is the whole command line after the program).
    fn parse(args: &'a [String]) -> Result<NerArgs<'a>, String> {
        let file = &args[1];
        let mut lang = None;
        let mut model_dir = None;
        let mut model_only = false;
        let mut contract = false;
        let mut title_case = false;
        let mut upper_case = false;
        let mut off = krant::analysis::entities::passes::Off::default();
        let mut i = 2;
        while i < args.len() {
            // Switches first, then the options that take a value.
            let switch = match args[i].as_str() {
                "--model-only" => Some(&mut model_only),
                "--contract" => Some(&mut contract),
                "--title-case" => Some(&mut title_case),
                "--upper-case" => Some(&mut upper_case),
                _ => None,
            };
            if let Some(on) = switch {
                *on = true;
                i += 1;
                continue;
            }
            match (args[i].as_str(), args.get(i + 1)) {
                ("--lang", Some(v)) => {
                    lang = Some(Lang::from_code(v).ok_or(format!("unknown language {v:?}"))?)
                }
                ("--models", Some(v)) => model_dir = Some(std::path::PathBuf::from(v)),
                ("--off", Some(v)) => off = krant::analysis::entities::passes::Off::parse(v)?,
                _ => return Err(USAGE.into()),
            }
            i += 2;
        }
        if model_dir.is_some() && !model_only {
            return Err(
                "--models DIR needs --model-only (the full analysis uses the built-in models)"
                    .into(),
            );
        }
        let lang = lang.ok_or(USAGE)?;
        Ok(NerArgs {
            file,
            lang,
            model_dir,
            model_only,
            contract,
            title_case,
            upper_case,
            off,
        })
    }
}

/// Scores the entity analysis (or the tagger alone) on an IOB2 file and prints the scores,
/// the model's load time and its tagging speed.
fn ner(a: &NerArgs) -> Result<(), String> {
    let (file, lang) = (a.file, a.lang);
    let text = read_annotated(std::path::Path::new(file), lang)?;
    let mut docs = parse_iob2(&text);
    if a.contract {
        docs = docs.iter().map(contract_pt).collect();
    }
    if a.title_case || a.upper_case {
        docs = docs
            .iter()
            .map(|d| recase_headline(d, a.upper_case))
            .collect();
    }

    let model_bytes = read_model_file(a.model_dir.as_deref(), format!("{}.bin", lang.code()))?;
    let lex_bytes = read_model_file(a.model_dir.as_deref(), "lexicon.bin".to_string())?;
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
    let t1 = Instant::now();
    let results: Vec<Vec<NameSpan>> = if a.model_only {
        paras
            .iter()
            .map(|p| recognize_with(model, lex, lang, &p.text))
            .collect()
    } else {
        krant::analysis::entities::passes::with_off(a.off, || full_analysis(&paras, lang))?
    };
    let tag_time = t1.elapsed();
    let (counts, misaligned) = score(&docs, &paras, &results);
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
    let first = a.model_only.then_some(tag_time.as_secs_f64());
    let (best, best_cpu) = tagging_speed(model, lex, lang, &paras, first);
    println!(
        "tagging: {:.2} MB/s wall ({:.1} ms for {} bytes); {:.2} MB/s of CPU time on one core",
        bytes as f64 / best / 1e6,
        best * 1e3,
        bytes,
        bytes as f64 / best_cpu / 1e6
    );
    Ok(())
}

/// `--title-case`: the document's first line, when it is a headline, in the Title Case of
/// many US and British headlines and page titles: every word capitalised but articles, short
/// conjunctions and prepositions inside the line; with `--upper-case` (`upper`) all in
/// capitals (which wins when both are given). The annotation stays as it was, so that what
/// the capitals do to the names in a headline is measured on the same articles.
fn recase_headline(doc: &Doc, upper: bool) -> Doc {
    const SMALL: [&str; 16] = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "of", "on", "in", "at", "to", "by",
        "as", "vs",
    ];
    let mut d = doc.clone();
    // Only a headline: a first line without final punctuation (a document the evaluation cut
    // into pieces opens its later pieces with a sentence).
    let headline = |s: &krant::analysis::ner::data::Sentence| {
        !s.words
            .iter()
            .rev()
            .find(|w| !w.chars().all(|c| "\"'’‘”“»«)".contains(c)))
            .is_some_and(|w| [".", "!", "?", ":", ";", "…"].contains(&w.as_str()))
    };
    if let Some(s) = d.sents.first_mut().filter(|s| headline(s)) {
        let n = s.words.len();
        for (i, w) in s.words.iter_mut().enumerate() {
            if upper {
                *w = w.to_uppercase();
                continue;
            }
            if i > 0 && i + 1 < n && SMALL.contains(&w.as_str()) {
                continue;
            }
            let mut chars = w.chars();
            if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
                *w = first.to_uppercase().chain(chars).collect();
            }
        }
    }
    d
}

/// The bytes of model file `name` in `dir`, or None without a directory (the built-in
/// models are used).
fn read_model_file(dir: Option<&std::path::Path>, name: String) -> Result<Option<Vec<u8>>, String> {
    match dir {
        Some(d) => {
            let p = d.join(name);
            std::fs::read(&p)
                .map(Some)
                .map_err(|e| format!("{}: {e}", p.display()))
        }
        None => Ok(None),
    }
}

/// Scores each document's predicted spans against its gold tags, token by token (with
/// `KRANT_EVAL_ERRORS`, printing the wrong spans); also counts the spans that do not begin
/// and end on gold token boundaries (with `KRANT_SHOW_MISALIGNED`, printing them).
fn score(docs: &[Doc], paras: &[Paragraph], results: &[Vec<NameSpan>]) -> (Counts, usize) {
    let mut counts = Counts::default();
    let mut misaligned = 0;
    for ((doc, p), spans) in docs.iter().zip(paras).zip(results) {
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
        if std::env::var_os("KRANT_EVAL_ERRORS").is_some() {
            print_errors(p, &gold, &pred);
        }
        let mut at = 0;
        for s in &doc.sents {
            let n = s.words.len();
            counts.add(&gold[at..at + n], &pred[at..at + n]);
            at += n;
        }
    }
    (counts, misaligned)
}

/// The best of five rounds of tagging all paragraphs (and `first`, the time of a round
/// already run, if any): seconds of wall time and of this thread's CPU time.
///
/// On a shared machine wall time counts the time other processes hold the core; this
/// thread's CPU time does not.
fn tagging_speed(
    model: Option<&Model<'_>>,
    lex: &Lexicon<'_>,
    lang: Lang,
    paras: &[Paragraph],
    first: Option<f64>,
) -> (f64, f64) {
    let mut best = first.unwrap_or(f64::INFINITY);
    let mut best_cpu = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let c = thread_cpu_seconds();
        for p in paras {
            std::hint::black_box(recognize_with(model, lex, lang, &p.text));
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    (best, best_cpu)
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
