//! Times the analysis of a file: `cargo run --release --example analyze -- FILE`.
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: analyze FILE");
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let Ok(doc) = krant::document::Document::from_bytes(bytes) else {
        return;
    };
    let t = Instant::now();
    let a = krant::output::analysis_of(&doc);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} bytes in {secs:.3} s = {:.2} MB/s; {} quotes, {} entities",
        doc.content_bytes,
        doc.content_bytes as f64 / secs / 1e6,
        a.quotes.len(),
        a.entities.len()
    );
}
