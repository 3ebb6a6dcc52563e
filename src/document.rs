//! A loaded article with everything derived from it that the reader needs: display chunks,
//! language, reading statistics. Pure: no terminal.

use crate::analysis::lang::{detect, Detected};
use crate::article::{decode, parse, Article, BlockKind, DecodeError, Decoded, Encoding};
use std::ops::Range;

/// Blocks longer than this are shown as several chunks, wrapped independently, so that a
/// 10 MB single-line paragraph never has to be wrapped at once.
pub const CHUNK_BYTES: usize = 16 * 1024;
/// Reading speed for the reading-time estimate.
pub const WORDS_PER_MINUTE: usize = 220;

/// A displayable piece of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub block: usize,
    pub range: Range<usize>,
    /// Last chunk of its block (a blank row follows it).
    pub last: bool,
}

#[derive(Debug)]
pub struct Document {
    pub article: Article,
    pub encoding: Encoding,
    pub input_offset: usize,
    pub replaced: usize,
    pub language: Detected,
    pub chunks: Vec<Chunk>,
    /// Index of the first chunk of each block.
    pub block_chunk: Vec<usize>,
    /// Words per byte of content, to estimate reading time anywhere without counting.
    words_per_byte: f64,
    pub content_bytes: usize,
    /// A hash of the text (see [`content_hash`]), to remember reading positions per article.
    pub hash: u64,
    /// What a web page said about itself; `None` for plain text.
    pub source_meta: Option<crate::article::html::PageMeta>,
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Identifies an article's text cheaply at any size: the whole text up to 1 MiB; beyond that
/// its length, its first and last 256 KiB and 64 evenly spaced 4 KiB samples.
pub fn content_hash(bytes: &[u8]) -> u64 {
    content_hash_parts(bytes.len(), |r| std::borrow::Cow::Borrowed(&bytes[r]))
}

/// [`content_hash`] of a text of `len` bytes that is not at hand whole: `part` gives the
/// bytes of a range of it (a file read in pieces).
pub fn content_hash_parts<'a>(
    len: usize,
    mut part: impl FnMut(Range<usize>) -> std::borrow::Cow<'a, [u8]>,
) -> u64 {
    const WHOLE: usize = 1 << 20;
    if len <= WHOLE {
        return fnv1a(&part(0..len));
    }
    let mut h = fnv1a(&(len as u64).to_le_bytes());
    let mut mix = |p: &[u8]| h = h.rotate_left(5) ^ fnv1a(p);
    mix(&part(0..WHOLE / 4));
    mix(&part(len - WHOLE / 4..len));
    let step = len / 64;
    for k in 0..64 {
        let at = k * step;
        mix(&part(at..(at + 4096).min(len)));
    }
    h
}

fn split_chunks(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > CHUNK_BYTES {
        let mut cut = text.floor_char_boundary(start + CHUNK_BYTES);
        if cut <= start {
            // A character wider than a chunk cannot happen (chars are at most 4 bytes), but a
            // cut must always move forward.
            cut = text.ceil_char_boundary(start + 1);
        }
        // Prefer a cut after a space within the last quarter of the chunk.
        let quarter = text
            .floor_char_boundary(start + CHUNK_BYTES * 3 / 4)
            .max(start);
        if let Some(sp) = text[quarter..cut].rfind(' ') {
            cut = quarter + sp + 1;
        }
        out.push(start..cut);
        start = cut;
    }
    out.push(start..range.end);
    out
}

impl Document {
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Document, DecodeError> {
        Ok(Document::from_decoded(decode(bytes)?))
    }

    pub fn from_decoded(d: Decoded) -> Document {
        let input_offset = d.input_offset();
        let hash = content_hash(d.text.as_bytes());
        let article = parse(d.text);
        Document::build(article, d.encoding, input_offset, d.replaced, hash, None)
    }

    /// A web page in reader mode (see [`crate::article::html`]). Offsets are into the
    /// article's text, which is what `--dump` prints.
    pub fn from_page(page: crate::article::html::Page) -> Document {
        let hash = content_hash(page.article.text.as_bytes());
        Document::build(page.article, Encoding::Utf8, 0, 0, hash, Some(page.meta))
    }

    fn build(
        article: Article,
        encoding: Encoding,
        input_offset: usize,
        replaced: usize,
        hash: u64,
        source_meta: Option<crate::article::html::PageMeta>,
    ) -> Document {
        let mut chunks = Vec::with_capacity(article.blocks.len());
        let mut block_chunk = Vec::with_capacity(article.blocks.len());
        for (i, b) in article.blocks.iter().enumerate() {
            block_chunk.push(chunks.len());
            let pieces = split_chunks(&article.text, b.range.clone());
            let n = pieces.len();
            chunks.extend(pieces.into_iter().enumerate().map(|(k, range)| Chunk {
                block: i,
                range,
                last: k + 1 == n,
            }));
        }
        let content_bytes = article.blocks.iter().map(|b| b.range.len()).sum::<usize>();
        // Count words on a prefix; scale to the whole.
        let mut sampled = 0usize;
        let mut words = 0usize;
        for b in article.blocks.iter() {
            if sampled > 1 << 20 {
                break;
            }
            words += article.text[b.range.clone()].split_whitespace().count();
            sampled += b.range.len();
        }
        let words_per_byte = if sampled == 0 {
            0.0
        } else {
            words as f64 / sampled as f64
        };
        let body_end = article.blocks.last().map_or(0, |b| b.range.end);
        let language = detect(&article.text[..body_end]);
        Document {
            article,
            encoding,
            input_offset,
            replaced,
            language,
            chunks,
            block_chunk,
            words_per_byte,
            content_bytes,
            hash,
            source_meta,
        }
    }

    pub fn minutes_for(&self, bytes: usize) -> usize {
        let words = bytes as f64 * self.words_per_byte;
        (words / WORDS_PER_MINUTE as f64).ceil() as usize
    }

    pub fn reading_minutes(&self) -> usize {
        self.minutes_for(self.content_bytes).max(1)
    }

    pub fn chunk_kind(&self, chunk: usize) -> BlockKind {
        self.chunks
            .get(chunk)
            .and_then(|c| self.article.blocks.get(c.block))
            .map_or(BlockKind::Paragraph, |b| b.kind)
    }

    /// The chunk containing byte offset `offset` of the text.
    pub fn chunk_at(&self, offset: usize) -> usize {
        self.chunks
            .partition_point(|c| c.range.end <= offset)
            .min(self.chunks.len().saturating_sub(1))
    }

    /// Content bytes before the start of `chunk` (for progress).
    pub fn bytes_before(&self, chunk: usize) -> usize {
        // Chunks are in text order; the text between blocks is small and ignored.
        match self.chunks.get(chunk) {
            Some(c) => c.range.start.saturating_sub(self.chunks[0].range.start),
            None => self.content_bytes,
        }
    }

    /// The range of text searched and analysed: from the lead to the end of the last block.
    pub fn body(&self) -> Range<usize> {
        match (self.article.blocks.first(), self.article.blocks.last()) {
            (Some(f), Some(l)) => f.range.start..l.range.end,
            _ => 0..0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_tells_articles_apart() {
        let a = "x".repeat(3 << 20);
        let mut b = a.clone().into_bytes();
        b[(3 << 20) - 10] = b'y';
        assert_ne!(content_hash(a.as_bytes()), content_hash(&b));
        assert_eq!(content_hash(a.as_bytes()), content_hash(a.as_bytes()));
        assert_ne!(content_hash(b"kort"), content_hash(b"kort."));
    }

    #[test]
    fn huge_single_line_is_chunked_at_spaces() {
        let text = format!("Kop\n{}", "woord ".repeat(20_000));
        let d = Document::from_bytes(text.into_bytes()).unwrap();
        assert!(d.chunks.len() > 5);
        for c in &d.chunks[1..d.chunks.len() - 1] {
            assert!(c.range.len() <= CHUNK_BYTES);
            assert!(d.article.text[c.range.clone()].ends_with(' '));
        }
        assert!(d.chunks.last().unwrap().last);
        assert_eq!(d.chunk_at(d.chunks[3].range.start + 1), 3);
    }

    #[test]
    fn long_paragraphs_of_wide_characters_are_cut_between_characters() {
        // Two-, three- and four-byte characters, with and without spaces, at every alignment.
        for (prefix, unit) in [
            ("a", "é"),
            ("ab", "é"),
            ("", "жж "),
            ("x", "漢"),
            ("", "👍 é"),
        ] {
            let text = format!("T\n\n{prefix}{}", unit.repeat(40_000 / unit.len()));
            let d = Document::from_bytes(text.into_bytes()).unwrap();
            assert!(d.chunks.len() > 2, "{unit}");
            for c in &d.chunks {
                assert!(d.article.text.is_char_boundary(c.range.start));
                assert!(d.article.text.is_char_boundary(c.range.end));
                assert!(!c.range.is_empty() && c.range.len() <= CHUNK_BYTES);
            }
        }
    }

    #[test]
    fn sample_reading_time_and_language() {
        let d = Document::from_bytes(crate::input::SAMPLE.as_bytes().to_vec()).unwrap();
        assert_eq!(d.language.lang, crate::lang::Lang::Nl);
        // About 700 words: three to four minutes.
        assert!(
            (3..=4).contains(&d.reading_minutes()),
            "{}",
            d.reading_minutes()
        );
    }
}
