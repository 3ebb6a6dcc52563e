//! Resident memory after each stage of opening an article and analysing it the way the
//! reader does: `cargo run --release --example memory -- FILE`.

fn status(label: &str) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(0, |kb| kb >> 10)
    };
    println!(
        "{label:<24} rss {:>4} MiB  peak {:>4} MiB",
        field("VmRSS:"),
        field("VmHWM:")
    );
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: memory FILE");
        return;
    };
    // As the program does.
    krant::memory::give_back_freed_memory();
    status("start");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    status("read");
    let Ok(doc) = krant::document::Document::from_bytes(bytes) else {
        return;
    };
    status("document");
    let mut m = krant::app::Model::new(
        doc,
        krant::input::Source::Sample,
        krant::i18n::I18n::new(krant::lang::Lang::En),
        120,
        40,
    );
    let text = std::sync::Arc::clone(&m.doc.article.text);
    let ranges = m.doc.article.analysis_ranges();
    let lang = m.doc.language.lang;
    let mut parts = 0;
    krant::pipeline::analyze_batches(&text, &ranges, lang, |part, _, _| {
        m.add_analysis(part);
        parts += 1;
        if parts % 50 == 0 {
            status(&format!("analysis, {parts} batches"));
        }
        true
    });
    status("analysis done");
    let (entities, spans, quotes) = m.analysis.as_ref().map_or((0, 0, 0), |a| {
        (a.entities.len(), a.spans.len(), a.quotes.len())
    });
    println!("{entities} entities, {spans} mentions, {quotes} quotes");
}
