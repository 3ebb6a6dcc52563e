//! The character encoding of a page: a byte order mark, else what the page declares in its
//! first bytes (`<meta charset>` or `<meta http-equiv="content-type">`), else UTF-8 when the
//! bytes are valid UTF-8, else windows-1252 (what browsers assume for unlabelled pages).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta>` declaration is looked for.
const PRESCAN_BYTES: usize = 4096;

/// The encoding the page's bytes are in, given the charset its server named (which comes
/// after a byte order mark and valid UTF-8, and before what the page declares).
pub fn detect_with(bytes: &[u8], server: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    // Valid UTF-8 beyond ASCII is UTF-8 whatever the page declares: legacy encodings almost
    // never make it by accident, and pages saved again as UTF-8 keep their old declaration.
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    if let Some(enc) = server.and_then(|s| Encoding::for_label(s.trim().as_bytes())) {
        if enc != UTF_16LE && enc != UTF_16BE {
            return enc;
        }
    }
    if let Some(enc) = declared(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        // A page that calls itself UTF-16 without a byte order mark is read as UTF-8, as the
        // HTML standard says.
        if enc == UTF_16LE || enc == UTF_16BE {
            return UTF_8;
        }
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// Decodes a page to text (invalid sequences become U+FFFD; a byte order mark is dropped).
pub fn decode(bytes: &[u8]) -> String {
    decode_with(bytes, None)
}

/// Decodes a page to text, given the charset its server named.
pub fn decode_with(bytes: &[u8], server: Option<&str>) -> String {
    let (text, _, _) = detect_with(bytes, server).decode(bytes);
    text.into_owned()
}

/// The start of a UTF-16 page with a byte order mark, for sniffing.
pub fn decode_utf16_head(bytes: &[u8]) -> (String, bool) {
    let enc = Encoding::for_bom(bytes).map_or(UTF_16LE, |(e, _)| e);
    let (text, _, errors) = enc.decode(bytes);
    (text.into_owned(), errors)
}

/// The charset named by a `<meta>` element in `head`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(enc) = charset_in(tag) {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// The encoding named after `charset=` in one tag's attributes (`charset="x"` or a
/// `content="text/html; charset=x"`).
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")?;
    let rest = tag[at + 7..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let rest = rest.strip_prefix(b"'").unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(bytes: &[u8]) -> &'static Encoding {
        detect_with(bytes, None)
    }

    #[test]
    fn the_server_charset_comes_after_utf8_and_before_the_page() {
        let latin1 = b"<meta charset=utf-8><p>caf\xE9</p>";
        assert_eq!(detect_with(latin1, Some("ISO-8859-1")), WINDOWS_1252);
        assert_eq!(detect_with(latin1, Some("bogus")), UTF_8);
        assert_eq!(
            detect_with("<p>café</p>".as_bytes(), Some("iso-8859-1")),
            UTF_8
        );
        assert_eq!(detect_with(b"<p>x", Some("utf-16")), UTF_8);
    }
    use encoding_rs::{ISO_8859_2, SHIFT_JIS, WINDOWS_1251};

    #[test]
    fn bom_first_then_meta_then_utf8_then_1252() {
        assert_eq!(detect(b"\xEF\xBB\xBF<meta charset=latin2>"), UTF_8);
        // A page saved again as UTF-8 that still declares its old charset.
        assert_eq!(detect("<meta charset=gb2312><p>新电脑".as_bytes()), UTF_8);
        assert_eq!(detect(b"<meta charset=\"ISO-8859-2\"><p>x"), ISO_8859_2);
        assert_eq!(
            detect(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">"
            ),
            WINDOWS_1251
        );
        assert_eq!(detect(b"<meta charset='shift_jis'/>"), SHIFT_JIS);
        assert_eq!(detect("<p>caf\u{e9}</p>".as_bytes()), UTF_8);
        assert_eq!(detect(b"<p>caf\xE9</p>"), WINDOWS_1252);
        assert_eq!(detect(b"<meta charset=utf-16><p>x"), UTF_8);
        assert_eq!(
            detect(b"<meta name=x content=y><meta charset=bogus><p>caf\xE9"),
            WINDOWS_1252
        );
    }

    #[test]
    fn decodes_legacy_pages() {
        assert_eq!(
            decode(b"<meta charset=windows-1252><p>Caf\xE9 \x93quoted\x94</p>"),
            "<meta charset=windows-1252><p>Café \u{201c}quoted\u{201d}</p>"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>Zoë</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "<p>Zoë</p>");
    }
}
