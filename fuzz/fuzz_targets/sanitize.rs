#![no_main]
//! Sanitised text never holds a control character other than a newline, nor a bidi control.
use krant::article::sanitize::{sanitize, Breaks};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    for breaks in [Breaks::Keep, Breaks::Join] {
        let out = sanitize(&s, breaks);
        for c in out.text.chars() {
            assert!(!c.is_control() || c == '\n', "{c:?}");
            assert!(!matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
        }
        let w = krant::ui::wrap::wrap(&s, breaks, 1 + data.len() % 90);
        assert!(!w.rows.is_empty());
    }
});
