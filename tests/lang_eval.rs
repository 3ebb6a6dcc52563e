//! Language detection on sentences of the annotated data beside the project (`../shared/data`,
//! not part of the repository): accuracy on 200 snippets of one sentence and 200 of three
//! sentences per language. Ignored by default; run with
//! `cargo test --test lang_eval -- --ignored --nocapture`. `LANG_EVAL_FILE=train.iob2` and
//! `LANG_EVAL_N=3000` read other files and more snippets; `LANG_EVAL_SHOW=1` prints the
//! snippets taken for another language.

use krant::analysis::lang::detect;
use krant::lang::Lang;
use std::path::PathBuf;

/// Sentences of a token-per-line file, tokens joined by spaces; only sentences of at least
/// five words (the data holds many list items and titles).
fn sentences(lang: Lang) -> Option<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ner")
        .join(lang.code())
        .join(std::env::var("LANG_EVAL_FILE").unwrap_or_else(|_| "dev.iob2".into()));
    let text = std::fs::read_to_string(path).ok()?;
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.starts_with("# doc") {
            continue;
        }
        match line.split('\t').next() {
            Some(tok) if !line.trim().is_empty() => cur.push(tok),
            _ => {
                let words = cur.iter().filter(|t| t.chars().any(char::is_alphabetic));
                if words.count() >= 5 {
                    out.push(cur.join(" "));
                }
                cur.clear();
            }
        }
    }
    Some(out)
}

#[test]
#[ignore]
fn accuracy_on_annotated_sentences() {
    for size in [1, 3] {
        let mut all = (0, 0, 0);
        for lang in Lang::ALL {
            let Some(s) = sentences(lang) else {
                println!("no data for {}", lang.code());
                return;
            };
            let snippets: Vec<String> = s
                .chunks(size)
                .take(
                    std::env::var("LANG_EVAL_N")
                        .ok()
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(200),
                )
                .map(|c| c.join(" "))
                .collect();
            let (mut right, mut unknown) = (0, 0);
            for t in &snippets {
                let d = detect(t);
                if d.other {
                    unknown += 1;
                    if std::env::var_os("LANG_EVAL_SHOW").is_some() {
                        println!("unknown ({}): {t}", lang.code());
                    }
                } else if d.lang == lang {
                    right += 1;
                }
            }
            println!(
                "{size} sentence(s) {}: {right}/{} right, {unknown} unknown",
                lang.code(),
                snippets.len()
            );
            all = (all.0 + right, all.1 + snippets.len(), all.2 + unknown);
        }
        println!(
            "{size} sentence(s) all: {}/{} right ({:.1}%), {} unknown",
            all.0,
            all.1,
            100.0 * all.0 as f64 / all.1 as f64,
            all.2
        );
    }
}
