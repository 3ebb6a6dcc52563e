#![no_main]
//! Reader mode on arbitrary bytes never panics; the article it gives holds no character a
//! terminal would obey, and its blocks are ordered ranges on character boundaries.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = krant::article::html::extract_bytes(data);
    let a = &page.article;
    assert!(!a
        .text
        .chars()
        .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)));
    let mut last = 0;
    for b in &a.blocks {
        assert!(b.range.start >= last && b.range.start <= b.range.end);
        assert!(a.text.is_char_boundary(b.range.start) && a.text.is_char_boundary(b.range.end));
        last = b.range.end;
    }
});
