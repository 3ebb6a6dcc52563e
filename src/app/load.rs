//! Opening another article from inside the reader (a link, a version in another language) and
//! going back: the request, the download in progress, and the pages read before.

use crate::document::Document;
use crate::i18n::I18n;
use crate::input::{self, Source};
use crate::lang::Lang;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// Pages kept for going back (each with its whole text).
pub const HISTORY: usize = 32;

/// What to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub source: Source,
    /// The article's language version this is (None: as published).
    pub version: Option<Lang>,
    /// Open at this section (the same section in another version), else at the top.
    pub section: Option<usize>,
}

/// A download under way.
#[derive(Debug, Clone)]
pub struct Loading {
    pub request: Request,
    pub received: u64,
    pub total: Option<u64>,
    /// Set to stop the download.
    pub cancel: Arc<AtomicBool>,
}

/// A page read before, to go back to.
#[derive(Debug)]
pub struct Visit {
    pub doc: Document,
    pub source: Source,
    pub version: Option<Lang>,
    /// The byte offset that was at the top of the screen.
    pub offset: usize,
}

/// A value handed over once from a worker (actions are cloned and compared; this is neither).
#[derive(Debug)]
pub struct Payload<T>(Arc<Mutex<Option<T>>>);

impl<T> Payload<T> {
    pub fn new(value: T) -> Payload<T> {
        Payload(Arc::new(Mutex::new(Some(value))))
    }

    /// The value, the first time.
    pub fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut v| v.take())
    }
}

impl<T> Clone for Payload<T> {
    fn clone(&self) -> Self {
        Payload(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Payload<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Reads and opens `source` (run off the UI thread). The error comes as a line in `lang`.
pub fn load(
    source: &Source,
    lang: Lang,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Document, String> {
    input::load(source, cancel, progress).map_err(|e| e.message(&I18n::new(lang), source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_is_taken_once_and_compared_by_identity() {
        let p = Payload::new(5);
        let q = p.clone();
        assert_eq!(p, q);
        assert_ne!(p, Payload::new(5));
        assert_eq!(q.take(), Some(5));
        assert_eq!(p.take(), None);
    }

    #[test]
    fn loading_a_missing_file_says_so_in_the_interface_language() {
        let never = AtomicBool::new(false);
        let missing = Source::File("krant-no-such-article.txt".into());
        let err = load(&missing, Lang::De, &never, &mut |_, _| {}).expect_err("missing");
        assert!(err.contains("krant-no-such-article.txt"), "{err}");
        let de = I18n::new(Lang::De).tr_s("error-not-found", "path", "krant-no-such-article.txt");
        assert_eq!(err, de);
    }
}
