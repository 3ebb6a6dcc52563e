//! Reading an article from the bundled sample, a file or standard input, checking what a
//! path is before reading it (a FIFO or a device must never block or flood us).

use crate::i18n::I18n;
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
    /// A web address (http or https).
    Url(String),
}

impl Source {
    /// How the source is named to a person: a path, an address, `-` or `sample`.
    pub fn label(&self) -> String {
        match self {
            Source::File(p) => crate::article::sanitize::path_for_display(p),
            Source::Url(u) => crate::article::sanitize::one_line(u).into_owned(),
            Source::Stdin => "-".to_owned(),
            Source::Sample => "sample".to_owned(),
        }
    }
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
    Unreadable(PathBuf, std::io::Error),
    #[error("too large")]
    TooLarge(PathBuf, u64),
    #[error("standard input is a terminal")]
    StdinTerminal,
    #[error("{1}")]
    Fetch(String, crate::source::http::FetchError),
}

impl InputError {
    pub fn path(&self) -> Option<&Path> {
        match self {
            InputError::NotFound(p)
            | InputError::Directory(p)
            | InputError::NotRegular(p)
            | InputError::Unreadable(p, _)
            | InputError::TooLarge(p, _) => Some(p),
            InputError::StdinTerminal | InputError::Fetch(..) => None,
        }
    }
}

/// Reads the bytes of `source`.
pub fn read(source: &Source) -> Result<Vec<u8>, InputError> {
    read_cancellable(
        source,
        &std::sync::atomic::AtomicBool::new(false),
        &mut |_, _| {},
    )
}

/// Reads the bytes of `source`; setting `cancel` stops a web page's download.
pub fn read_cancellable(
    source: &Source,
    cancel: &std::sync::atomic::AtomicBool,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, InputError> {
    match source {
        Source::Url(url) => {
            let limits = crate::source::http::Limits::default();
            crate::source::http::fetch(url, &limits, cancel, progress)
                .map(|f| f.bytes)
                .map_err(|e| InputError::Fetch(url.clone(), e))
        }
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
                .map_err(|e| InputError::Unreadable(PathBuf::from("-"), e))?;
            if buf.len() as u64 > MAX_BYTES {
                return Err(InputError::TooLarge(PathBuf::from("-"), buf.len() as u64));
            }
            Ok(buf)
        }
        Source::File(path) => read_file(path),
    }
}

/// A regular file's metadata, or why it cannot be opened as an article (checked before anything
/// is read, so that nothing blocks on a FIFO or a device).
pub fn check_file(path: &Path) -> Result<std::fs::Metadata, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.to_owned()),
        _ => InputError::Unreadable(path.to_owned(), e),
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
    Ok(meta)
}

fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    read_file_with_progress(path, &mut |_| {})
}

/// Reads a file whole, telling `progress` the bytes read so far every few megabytes.
pub fn read_file_with_progress(
    path: &Path,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, InputError> {
    const PIECE: usize = 4 << 20;
    let meta = check_file(path)?;
    let unreadable = |e| InputError::Unreadable(path.to_owned(), e);
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut file = file.take(MAX_BYTES + 1);
    let mut buf = Vec::with_capacity(meta.len() as usize);
    loop {
        let before = buf.len();
        let n = (&mut file)
            .take(PIECE as u64)
            .read_to_end(&mut buf)
            .map_err(unreadable)?;
        if n == 0 {
            break;
        }
        progress(before as u64 + n as u64);
    }
    if buf.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(path.to_owned(), buf.len() as u64));
    }
    Ok(buf)
}

impl InputError {
    /// The error in the interface language, one line.
    pub fn message(&self, i: &I18n) -> String {
        let path = self
            .path()
            .map(crate::article::sanitize::path_for_display)
            .unwrap_or_default();
        let p = |id: &str| i.tr_s(id, "path", &path);
        match self {
            InputError::NotFound(_) => p("error-not-found"),
            InputError::Directory(_) => p("error-directory"),
            InputError::NotRegular(_) => p("error-not-regular"),
            InputError::Unreadable(_, reason) => i.tr_args(
                "error-unreadable",
                &[
                    ("path", path.clone().into()),
                    ("reason", i.io_reason(reason).into()),
                ],
            ),
            InputError::TooLarge(_, size) => i.tr_args(
                "error-too-large",
                &[
                    ("path", path.clone().into()),
                    ("size", (*size as f64).into()),
                    ("limit", (MAX_BYTES as f64).into()),
                ],
            ),
            InputError::StdinTerminal => i.tr("error-stdin-terminal"),
            InputError::Fetch(url, e) => i.tr_args(
                "error-fetch",
                &[
                    (
                        "url",
                        crate::article::sanitize::one_line(url).into_owned().into(),
                    ),
                    ("reason", fetch_reason(i, e).into()),
                ],
            ),
        }
    }
}

/// Why a web page could not be read, in the interface language.
fn fetch_reason(i: &I18n, e: &crate::source::http::FetchError) -> String {
    use crate::source::http::FetchError as F;
    match e {
        F::BadUrl => i.tr("fetch-bad-url"),
        F::HostNotFound => i.tr("fetch-host-not-found"),
        F::Connect => i.tr("fetch-connect"),
        F::Tls(_) => i.tr("fetch-tls"),
        F::Timeout => i.tr("fetch-timeout"),
        F::Status(code) => i.tr_args("fetch-status", &[("code", (*code as f64).into())]),
        F::TooLarge(limit) => i.tr_args(
            "fetch-too-large",
            &[("megabytes", ((*limit >> 20) as f64).into())],
        ),
        F::TooManyRedirects => i.tr("fetch-redirects"),
        F::NotText(t) => i.tr_s(
            "fetch-not-text",
            "type",
            &crate::article::sanitize::one_line(t),
        ),
        F::Cancelled => i.tr("fetch-cancelled"),
        F::Network(_) => i.tr("fetch-network"),
    }
}

/// Where a link found in `from` leads: an absolute web address; relative to a web page, the
/// address it names; relative to a file, the file beside it. None for what krant cannot open
/// (other schemes, a fragment of the same page, a link in standard input or the sample).
pub fn resolve(from: &Source, href: &str) -> Option<Source> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    if let Ok(u) = url::Url::parse(href) {
        return matches!(u.scheme(), "http" | "https").then(|| Source::Url(without_fragment(u)));
    }
    match from {
        Source::Url(base) => {
            let u = url::Url::parse(base).ok()?.join(href).ok()?;
            matches!(u.scheme(), "http" | "https").then(|| Source::Url(without_fragment(u)))
        }
        Source::File(p) => {
            let abs = if p.is_absolute() {
                p.clone()
            } else {
                std::env::current_dir().ok()?.join(p)
            };
            let u = url::Url::from_file_path(&abs).ok()?.join(href).ok()?;
            (u.scheme() == "file")
                .then(|| u.to_file_path().ok())
                .flatten()
                .map(Source::File)
        }
        Source::Stdin | Source::Sample => None,
    }
}

fn without_fragment(mut u: url::Url) -> String {
    u.set_fragment(None);
    u.into()
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

/// Reads `source` and opens it as a document. A web page is fetched (setting `cancel` stops
/// it) and keeps its address after redirects, which its links are resolved against.
pub fn load(
    source: &Source,
    cancel: &std::sync::atomic::AtomicBool,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<crate::document::Document, LoadError> {
    let Source::Url(url) = source else {
        let bytes = read_cancellable(source, cancel, progress).map_err(LoadError::Input)?;
        return open(bytes).map_err(|_| LoadError::Binary);
    };
    let limits = crate::source::http::Limits::default();
    let f = crate::source::http::fetch(url, &limits, cancel, progress)
        .map_err(|e| LoadError::Input(InputError::Fetch(url.clone(), e)))?;
    match kind(&f.bytes) {
        Kind::Html => Ok(crate::document::Document::from_page(
            crate::article::html::extract_fetched(&f.bytes, &f.url, f.charset.as_deref()),
        )),
        Kind::Text => crate::document::Document::from_bytes(f.bytes).map_err(|_| LoadError::Binary),
    }
}

/// Why an article could not be opened.
#[derive(Debug)]
pub enum LoadError {
    Input(InputError),
    /// Not text (binary data).
    Binary,
}

impl LoadError {
    /// The error in the interface language, one line; `source` names what was opened.
    pub fn message(&self, i: &I18n, source: &Source) -> String {
        match self {
            LoadError::Input(e) => e.message(i),
            LoadError::Binary => i.tr_s("error-binary", "path", &source.label()),
        }
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
    fn links_resolve_against_the_page_or_file_they_stand_in() {
        let page = Source::Url("https://news.example/world/story.html?x=1".into());
        let url = |s: &str| Some(Source::Url(s.to_owned()));
        assert_eq!(
            resolve(&page, "other.html#top"),
            url("https://news.example/world/other.html")
        );
        assert_eq!(resolve(&page, "/nl/"), url("https://news.example/nl/"));
        assert_eq!(
            resolve(&page, "//cdn.example/a"),
            url("https://cdn.example/a")
        );
        assert_eq!(resolve(&page, "http://b.example"), url("http://b.example/"));
        for not in [
            "#section",
            "mailto:a@b.example",
            "javascript:alert(1)",
            "",
            "ftp://x/",
        ] {
            assert_eq!(resolve(&page, not), None, "{not}");
        }
        let file = Source::File("/srv/news/story.html".into());
        assert_eq!(
            resolve(&file, "../archive/old%20one.html#p2"),
            Some(Source::File("/srv/archive/old one.html".into()))
        );
        assert_eq!(
            resolve(&file, "https://x.example/"),
            url("https://x.example/")
        );
        assert_eq!(resolve(&Source::Stdin, "other.html"), None);
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
