//! Decode, parse, wrap, search and analyse at 5 KB (the sample), 1 MB and 50 MB; reader mode on
//! a generated news page of 100 KB and 2 MB.
//! Run: `cargo bench --bench pipeline` (add a filter such as `-- parse` to run one group).
//! The large articles are made here from the sample, as `../shared/tools/gen.py` does:
//! sections with numbered headings and the sample's paragraphs.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use krant::article::sanitize::Breaks;
use krant::article::search::Query;
use krant::document::Document;
use std::hint::black_box;

fn article(size: usize) -> String {
    let sample = krant::input::SAMPLE;
    let lines: Vec<&str> = sample.lines().collect();
    let lead = lines[0];
    // Body lines: everything between the lead and the language list.
    let body: Vec<&str> = lines[1..lines.len() - 6].to_vec();
    let mut out = String::with_capacity(size + 4096);
    out.push_str(lead);
    out.push('\n');
    let mut n = 0;
    while out.len() < size {
        n += 1;
        for (k, l) in body.iter().enumerate() {
            if l.len() < 80 {
                out.push_str(&format!("Sectie {n}.{k}: {l}\n"));
            } else {
                out.push_str(l);
                out.push('\n');
            }
        }
    }
    out.push_str("Nederlands\nEnglish\nDeutsch");
    out
}

/// A news page of about `size` bytes, made here: a head with meta tags, JSON-LD and a large
/// inline script, a navigation of links, the sample's paragraphs as the article, and related
/// lists, teasers and a footer around it (as most of a real page is markup, not text).
fn page(size: usize) -> String {
    let sample = krant::input::SAMPLE;
    let lines: Vec<&str> = sample.lines().collect();
    let body = &lines[1..lines.len() - 6];
    let mut out = String::with_capacity(size + 65536);
    out.push_str("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">");
    out.push_str(&format!("<title>{} | Krant</title>", lines[0]));
    out.push_str("<meta property=\"og:site_name\" content=\"Krant\">");
    out.push_str("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"author\":{\"name\":\"A. Schrijver\"},\"datePublished\":\"2024-01-02\"}</script>");
    out.push_str("<script>var config = {");
    while out.len() < size / 3 {
        out.push_str("\"key\": [1, 2, 3, \"value with <b>markup</b> in a string\"], ");
    }
    out.push_str("};</script></head><body><header><nav><ul>");
    for i in 0..300 {
        out.push_str(&format!(
            "<li class=\"menu-item\"><a href=\"/section/{i}\">Rubriek {i}</a></li>"
        ));
    }
    out.push_str("</ul></nav></header><main><article><h1>");
    out.push_str(lines[0]);
    out.push_str("</h1>");
    for l in body {
        if l.len() < 80 {
            out.push_str(&format!("<h2>{l}</h2>"));
        } else {
            out.push_str(&format!("<p>{l}</p>"));
        }
    }
    out.push_str("</article><aside class=\"related\">");
    let mut n = 0;
    while out.len() < size {
        n += 1;
        out.push_str(&format!(
            "<div class=\"teaser card\"><a href=\"/artikel/{n}\"><img src=\"/img/{n}.jpg\" alt=\"\">\
             <span class=\"teaser-title\">Ander nieuws nummer {n}</span></a>\
             <div class=\"meta\"><time datetime=\"2024-01-02\">2 januari</time> \
             <span class=\"share\">Deel</span></div></div>"
        ));
    }
    out.push_str("</aside></main><footer>Copyright</footer></body></html>");
    out
}

fn sizes() -> Vec<(&'static str, String)> {
    vec![
        ("5KB", krant::input::SAMPLE.to_owned()),
        ("1MB", article(1 << 20)),
        ("50MB", article(50 << 20)),
    ]
}

fn bench(c: &mut Criterion) {
    let inputs = sizes();
    let mut g = c.benchmark_group("decode");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| krant::article::decode(black_box(t.as_bytes().to_vec())))
        });
    }
    g.finish();

    // Reader mode: extraction and structure of a 100 KB and a 2 MB page.
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    for (name, size) in [("100KB", 100 << 10), ("2MB", 2 << 20)] {
        let html = page(size);
        g.throughput(Throughput::Bytes(html.len() as u64));
        g.bench_with_input(BenchmarkId::new("extract", name), &html, |b, h| {
            b.iter(|| krant::article::html::extract_bytes(black_box(h.as_bytes())))
        });
        g.bench_with_input(BenchmarkId::new("open", name), &html, |b, h| {
            b.iter(|| krant::input::open(black_box(h.as_bytes().to_vec())))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| Document::from_bytes(black_box(t.as_bytes().to_vec())))
        });
    }
    g.finish();

    // Wrapping: what the first frame needs (one screen) and the whole article.
    let mut g = c.benchmark_group("wrap");
    g.sample_size(10);
    for (name, text) in &inputs {
        let Ok(doc) = Document::from_bytes(text.as_bytes().to_vec()) else {
            continue;
        };
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("all", name), &doc, |b, d| {
            b.iter(|| {
                let mut rows = 0;
                for c in &d.chunks {
                    rows += krant::ui::wrap::wrap(&d.article.text[c.range()], Breaks::Keep, 78)
                        .rows
                        .len();
                }
                rows
            })
        });
        g.bench_with_input(BenchmarkId::new("first-screen", name), &doc, |b, d| {
            b.iter(|| {
                let mut rows = 0;
                for c in d.chunks.iter().take(8) {
                    rows += krant::ui::wrap::wrap(&d.article.text[c.range()], Breaks::Keep, 78)
                        .rows
                        .len();
                }
                rows
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("search");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        let q = Query::new("oceaan");
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| q.find_all(black_box(t)).len())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("analyze");
    g.sample_size(10);
    for (name, text) in &inputs {
        let Ok(doc) = Document::from_bytes(text.as_bytes().to_vec()) else {
            continue;
        };
        let blocks: Vec<_> = doc.article.blocks.iter().map(|b| b.range.clone()).collect();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &doc, |b, d| {
            b.iter(|| {
                krant::pipeline::analyze_all(&d.article.text, &blocks, d.language.lang)
                    .entities
                    .len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
