#![no_main]
//! Analysing arbitrary text never panics and gives ranges inside the text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = krant::document::Document::from_bytes(data.to_vec()) else { return };
    let a = krant::output::analysis_of(&doc);
    let text = &doc.article.text;
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= text.len());
    }
    for e in &a.entities {
        for m in &e.mentions {
            assert!(m.start <= m.end && m.end <= text.len());
        }
    }
});
