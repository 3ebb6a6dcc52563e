//! Turning the bytes of an input into text: UTF-8 (with or without BOM), UTF-16 with a BOM,
//! lossy decoding of invalid UTF-8, and refusal of binary data.

use thiserror::Error;

/// How the input was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// Decoded text and what decoding had to do to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Bytes of invalid UTF-8 (or unpaired UTF-16 units) replaced by U+FFFD.
    pub replaced: usize,
}

impl Decoded {
    /// Where the text starts in the input as read: byte offsets in the text plus this
    /// are offsets in the input (exact for UTF-8; for UTF-16 offsets are into the UTF-8 text).
    pub fn input_offset(&self) -> usize {
        match self.encoding {
            Encoding::Utf8Bom => 3,
            _ => 0,
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("this looks like a binary file, not an article")]
    Binary,
}

/// Decodes an article's bytes (taking them, so that valid UTF-8 is never copied).
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        return utf8(bytes, Encoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE][..]) {
        return Ok(utf16(rest, u16::from_le_bytes, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF][..]) {
        return Ok(utf16(rest, u16::from_be_bytes, Encoding::Utf16Be));
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let unit = match encoding {
            Encoding::Utf16Le => u16::from_le_bytes,
            _ => u16::from_be_bytes,
        };
        return Ok(utf16(&bytes, unit, encoding));
    }
    utf8(bytes, Encoding::Utf8)
}

/// UTF-16 without a BOM is recognised when nearly every other byte of the start is NUL
/// (text in the Latin scripts), the other bytes are not.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn utf8(bytes: Vec<u8>, encoding: Encoding) -> Result<Decoded, DecodeError> {
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding,
            replaced: 0,
        }),
        Err(e) => {
            let (text, replaced) = lossy(e.as_bytes());
            Ok(Decoded {
                text,
                encoding,
                replaced,
            })
        }
    }
}

/// Lossy UTF-8 decoding that counts the bytes it replaced.
fn lossy(mut bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut replaced = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return (out, replaced);
            }
            Err(e) => {
                let (good, bad) = bytes.split_at(e.valid_up_to());
                // Safe: `good` was just validated.
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push('\u{FFFD}');
                let n = e.error_len().unwrap_or(bad.len());
                replaced += n;
                bytes = &bad[n..];
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, encoding: Encoding) -> Decoded {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => text.push(c),
            Err(_) => {
                replaced += 2;
                text.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        replaced += 1;
    }
    Decoded {
        text,
        encoding,
        replaced,
    }
}

/// A file is binary when it starts with a known binary signature or its start is at least 10%
/// NUL bytes. A stray NUL in text is shown as a placeholder instead.
fn looks_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 8] = [
        b"\x89PNG",
        b"\x7fELF",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"GIF8",
        b"\xff\xd8\xff",
        b"MZ\x90\x00",
    ];
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    // Text with control characters is still text (they are shown as placeholders); NUL
    // bytes in quantity are not.
    nuls * 10 >= head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_bom() {
        let d = decode(("Brüssel".as_bytes()).to_vec()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.replaced),
            ("Brüssel", Encoding::Utf8, 0)
        );
        let d = decode((b"\xEF\xBB\xBFabc").to_vec()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.input_offset()),
            ("abc", Encoding::Utf8Bom, 3)
        );
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë €".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Zoë €".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(le.clone()).unwrap().text, "Zoë €");
        assert_eq!(decode(be.clone()).unwrap().text, "Zoë €");
    }

    #[test]
    fn utf16_without_bom_recognised() {
        let le: Vec<u8> = "UTF-16LE without BOM\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(le.clone()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("UTF-16LE without BOM\n", Encoding::Utf16Le)
        );
    }

    #[test]
    fn invalid_utf8_counted() {
        let d = decode((b"caf\xE9 au lait \xFF\xFE!").to_vec()).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait \u{FFFD}\u{FFFD}!");
        assert_eq!(d.replaced, 3);
    }

    #[test]
    fn binary_refused_stray_nul_kept() {
        assert_eq!(
            decode((b"\x89PNG\r\n\x1a\n\0\0\0").to_vec()),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(vec![0u8; 100]), Err(DecodeError::Binary));
        assert_eq!(
            decode(vec![0u8, 1, 2, 3, 0, 5, 0, 7, 8, 0, 0, 0, b'a']),
            Err(DecodeError::Binary)
        );
        let bells = b"C0 controls\n\x07\x07\x07\x07\x07\x07\x07\x07\x08\x08\x08 text\n";
        assert!(decode(bells.to_vec()).is_ok());
        let few = b"Before NUL\0after NUL must not be lost\n\0\0\0\nlast line\n";
        assert!(decode((few).to_vec()).is_ok());
        let long = format!("{}\0{}", "a".repeat(100), "b".repeat(100));
        assert!(decode((long.as_bytes()).to_vec()).is_ok());
    }

    #[test]
    fn empty() {
        assert_eq!(decode((b"").to_vec()).unwrap().text, "");
    }
}
