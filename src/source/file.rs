//! Large text files open in two steps: the first screen comes from the start of the file, and
//! the whole file is read and parsed in the background while the reader already shows it.

use crate::article::{decode, Encoding};
use crate::document::{content_hash_parts, Document};
use crate::input::{check_file, kind, InputError, Kind};
use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Bytes read for the first screen (many screens' worth).
pub const HEAD_BYTES: usize = 256 << 10;
/// Files smaller than this are read whole before the first frame (a few milliseconds).
pub const WHOLE_BELOW: u64 = 2 << 20;

/// The start of a large file, as a document of its own.
#[derive(Debug)]
pub struct Head {
    /// The article up to a paragraph break; its hash is the whole file's.
    pub doc: Document,
    /// The file's size in bytes.
    pub len: u64,
}

/// The start of `path` as a document, when the file is large plain text (UTF-8) with a line
/// break in its first [`HEAD_BYTES`]; `None` when it is better read whole (small, a web page,
/// UTF-16, binary, one endless line). Errors are those of reading the file.
pub fn head(path: &Path) -> Result<Option<Head>, InputError> {
    let meta = check_file(path)?;
    let len = meta.len();
    if len < WHOLE_BELOW {
        return Ok(None);
    }
    let unreadable = |e| InputError::Unreadable(path.to_owned(), e);
    let mut file = File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(HEAD_BYTES);
    (&mut file)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if kind(&bytes) == Kind::Html {
        return Ok(None);
    }
    let Some(cut) = paragraph_cut(&bytes) else {
        return Ok(None);
    };
    bytes.truncate(cut);
    let Ok(decoded) = decode(bytes) else {
        return Ok(None);
    };
    if !matches!(decoded.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        return Ok(None);
    }
    // The hash of the text (after a byte order mark), read in pieces.
    let skip = decoded.input_offset() as u64;
    let mut failed = None;
    let hash = content_hash_parts((len - skip) as usize, |r| {
        let mut buf = vec![0; r.len()];
        let read = file
            .seek(SeekFrom::Start(skip + r.start as u64))
            .and_then(|_| file.read_exact(&mut buf));
        if let Err(e) = read {
            failed = Some(e);
        }
        Cow::Owned(buf)
    });
    if let Some(e) = failed {
        return Err(unreadable(e));
    }
    let mut doc = Document::from_decoded(decoded);
    doc.hash = hash;
    Ok(Some(Head { doc, len }))
}

/// Where the start of a text ends on a paragraph break: after its last blank line, else after
/// its last line break.
fn paragraph_cut(bytes: &[u8]) -> Option<usize> {
    let blank = bytes
        .windows(2)
        .rposition(|w| w == b"\n\n")
        .map(|i| i + 2)
        .into_iter()
        .chain(
            bytes
                .windows(3)
                .rposition(|w| w == b"\n\r\n")
                .map(|i| i + 3),
        )
        .max();
    blank.or_else(|| bytes.iter().rposition(|&b| b == b'\n').map(|i| i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::content_hash;

    fn temp(name: &str, bytes: &[u8]) -> crate::test_dir::TestFile {
        let path = crate::test_dir::TestFile::new(&format!("head-{name}"), name);
        std::fs::write(&*path, bytes).unwrap();
        path
    }

    fn article(paragraphs: usize) -> String {
        let mut s = String::from("Een kop\n\nDe inleiding van het stuk.\n\n");
        for i in 0..paragraphs {
            s.push_str(&format!(
                "Alinea {i}: de minister zei dat het overleg in Den Haag langer duurt. Zo gaat het \
                 verder, met nog een zin over de begroting van € {i} miljoen.\n\n"
            ));
        }
        s
    }

    #[test]
    fn the_head_is_a_prefix_of_the_whole_with_the_whole_files_hash() {
        let text = article(30_000);
        assert!(text.len() as u64 > WHOLE_BELOW);
        for (name, bytes) in [
            ("plain.txt", text.clone().into_bytes()),
            ("bom.txt", [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()),
        ] {
            let path = temp(name, &bytes);
            let head = head(&path).unwrap().expect("a head");
            let whole = Document::from_bytes(bytes.clone()).unwrap();
            assert_eq!(head.len, bytes.len() as u64);
            assert_eq!(head.doc.hash, whole.hash, "{name}");
            assert_eq!(head.doc.hash, content_hash(text.as_bytes()));
            let h = &head.doc.article;
            assert!(h.text.len() <= HEAD_BYTES && h.text.ends_with("\n\n"));
            assert!(text.starts_with(h.text.as_str()));
            // Its blocks are the whole's first blocks.
            assert_eq!(h.blocks[..], whole.article.blocks[..h.blocks.len()]);
        }
    }

    #[test]
    fn small_files_pages_and_utf16_are_read_whole() {
        let small = temp("small.txt", article(10).as_bytes());
        assert!(head(&small).unwrap().is_none());
        let page = format!(
            "<!DOCTYPE html><html><body>{}</body></html>",
            article(30_000)
        );
        assert!(head(&temp("page.html", page.as_bytes())).unwrap().is_none());
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(article(15_000).encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(head(&temp("utf16.txt", &utf16)).unwrap().is_none());
        let one_line = "woord ".repeat(600_000);
        assert!(head(&temp("line.txt", one_line.as_bytes()))
            .unwrap()
            .is_none());
        assert!(matches!(
            head(Path::new("/nonexistent/krant-article.txt")),
            Err(InputError::NotFound(_))
        ));
    }

    #[test]
    fn cuts_after_the_last_paragraph_break() {
        assert_eq!(paragraph_cut(b"a\n\nb\nc"), Some(3));
        assert_eq!(paragraph_cut(b"a\r\n\r\nb\r\nc"), Some(5));
        assert_eq!(paragraph_cut(b"a\nb\nc"), Some(4));
        assert_eq!(paragraph_cut(b"abc"), None);
    }
}
