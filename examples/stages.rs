//! Times each stage of opening an article: `cargo run --release --example stages -- FILE`.
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages FILE");
        return;
    };
    let t = Instant::now();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let read = t.elapsed();
    let t = Instant::now();
    let Ok(d) = krant::article::decode(bytes) else {
        return;
    };
    let decode = t.elapsed();
    let t = Instant::now();
    let hash = krant::document::content_hash(d.text.as_bytes());
    let hashing = t.elapsed();
    let t = Instant::now();
    let a = krant::article::parse(d.text.clone());
    let parse = t.elapsed();
    let t = Instant::now();
    let doc = krant::document::Document::from_decoded(d);
    let document = t.elapsed();
    let t = Instant::now();
    let q = krant::article::search::Query::new("EINDMARK");
    let found = q.find(&doc.article.text, 0);
    let search = t.elapsed();
    println!(
        "read {read:?} decode {decode:?} hash {hashing:?} parse {parse:?} document(all) {document:?} search {search:?} ({} blocks, {found:?}, {hash:x})",
        a.blocks.len()
    );
}
