//! Reading an article from the bundled sample, a file or standard input, checking what a
//! path is before reading it (a FIFO or a device must never block or flood us).

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The largest input krant reads.
pub const MAX_BYTES: u64 = 1 << 30;

/// The bundled sample article, as published (Dutch), and its versions in other languages.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");
pub const SAMPLE_VERSIONS: &[(crate::lang::Lang, &str)] = &[
    (
        crate::lang::Lang::En,
        include_str!("../assets/sample.en.txt"),
    ),
    (
        crate::lang::Lang::De,
        include_str!("../assets/sample.de.txt"),
    ),
    (
        crate::lang::Lang::Fr,
        include_str!("../assets/sample.fr.txt"),
    ),
    (
        crate::lang::Lang::Es,
        include_str!("../assets/sample.es.txt"),
    ),
    (
        crate::lang::Lang::Pt,
        include_str!("../assets/sample.pt.txt"),
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Sample,
    File(PathBuf),
    Stdin,
}

#[derive(Debug, Error)]
pub enum InputError {
    #[error("no such file")]
    NotFound(PathBuf),
    #[error("is a directory")]
    Directory(PathBuf),
    #[error("not a regular file")]
    NotRegular(PathBuf),
    #[error("cannot be read: {1}")]
    Unreadable(PathBuf, String),
    #[error("too large")]
    TooLarge(PathBuf, u64),
    #[error("standard input is a terminal")]
    StdinTerminal,
}

impl InputError {
    pub fn path(&self) -> Option<&Path> {
        match self {
            InputError::NotFound(p)
            | InputError::Directory(p)
            | InputError::NotRegular(p)
            | InputError::Unreadable(p, _)
            | InputError::TooLarge(p, _) => Some(p),
            InputError::StdinTerminal => None,
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            // The OS message without the "(os error N)" suffix.
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_owned()
        }
    }
}

/// Reads the bytes of `source`.
pub fn read(source: &Source) -> Result<Vec<u8>, InputError> {
    match source {
        Source::Sample => Ok(SAMPLE.as_bytes().to_vec()),
        Source::Stdin => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                return Err(InputError::StdinTerminal);
            }
            let mut buf = Vec::new();
            stdin
                .lock()
                .take(MAX_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| InputError::Unreadable(PathBuf::from("-"), io_reason(&e)))?;
            if buf.len() as u64 > MAX_BYTES {
                return Err(InputError::TooLarge(PathBuf::from("-"), buf.len() as u64));
            }
            Ok(buf)
        }
        Source::File(path) => read_file(path),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.to_owned()),
        _ => InputError::Unreadable(path.to_owned(), io_reason(&e)),
    })?;
    if meta.is_dir() {
        return Err(InputError::Directory(path.to_owned()));
    }
    if !meta.is_file() {
        return Err(InputError::NotRegular(path.to_owned()));
    }
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(path.to_owned(), meta.len()));
    }
    let mut file = std::fs::File::open(path)
        .map_err(|e| InputError::Unreadable(path.to_owned(), io_reason(&e)))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    (&mut file)
        .take(MAX_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| InputError::Unreadable(path.to_owned(), io_reason(&e)))?;
    Ok(buf)
}

/// What the bytes of an input are, told from the bytes (never from a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
}

pub fn kind(bytes: &[u8]) -> Kind {
    if crate::article::html::sniff(bytes) {
        Kind::Html
    } else {
        Kind::Text
    }
}

/// Opens an input's bytes as a document: an HTML page in reader mode, else plain text.
pub fn open(bytes: Vec<u8>) -> Result<crate::document::Document, crate::article::DecodeError> {
    match kind(&bytes) {
        Kind::Html => Ok(crate::document::Document::from_page(
            crate::article::html::extract_bytes(&bytes),
        )),
        Kind::Text => crate::document::Document::from_bytes(bytes),
    }
}

/// The versions of an article in other languages: `name.<code>.txt` beside `name.txt`.
pub fn version_path(path: &Path, lang: crate::lang::Lang) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    // `name.de.txt` is itself a version of `name.txt`.
    let base = match stem.rsplit_once('.') {
        Some((b, code)) if crate::lang::Lang::from_code(code).is_some() && code.len() == 2 => b,
        _ => stem,
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt");
    Some(path.with_file_name(format!("{base}.{}.{ext}", lang.code())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn refuses_what_is_not_an_article_file() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            read(&Source::File(dir.clone())),
            Err(InputError::Directory(_))
        ));
        let missing = dir.join("krant-no-such-file-here.txt");
        assert!(matches!(
            read(&Source::File(missing)),
            Err(InputError::NotFound(_))
        ));
        assert!(matches!(
            read(&Source::File("/dev/null".into())),
            Err(InputError::NotRegular(_))
        ));
    }

    #[test]
    fn version_paths() {
        assert_eq!(
            version_path(Path::new("/a/b/story.txt"), Lang::De),
            Some("/a/b/story.de.txt".into())
        );
        assert_eq!(
            version_path(Path::new("story.fr.txt"), Lang::Es),
            Some("story.es.txt".into())
        );
    }

    #[test]
    fn sample_versions_share_the_structure() {
        let sections = |s: &str| crate::article::parse(s.to_owned()).sections.len();
        for (lang, text) in SAMPLE_VERSIONS {
            assert_eq!(sections(text), sections(SAMPLE), "{lang:?}");
        }
    }
}
