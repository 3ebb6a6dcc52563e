#![no_main]
//! Parsing arbitrary text never panics; blocks are ordered ranges on character boundaries,
//! and the reader's model can draw and move over any of it.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = krant::document::Document::from_bytes(data.to_vec()) else { return };
    let text = &doc.article.text;
    let mut last = 0;
    for b in &doc.article.blocks {
        assert!(b.range.start >= last && b.range.end <= text.len());
        assert!(text.is_char_boundary(b.range.start) && text.is_char_boundary(b.range.end));
        last = b.range.end;
    }
    let mut out = Vec::new();
    let _ = krant::output::dump(&doc, 40, &mut out);
    assert!(out.iter().all(|&b| b == b'\n' || (b >= 0x20 && b != 0x7f)));
});
