#![no_main]
//! Decoding arbitrary bytes never panics; what it gives is valid text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = krant::article::decode(data.to_vec()) {
        assert!(std::str::from_utf8(d.text.as_bytes()).is_ok());
    }
});
