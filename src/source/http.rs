//! One page over HTTP(S): a blocking request with limits (timeouts, redirects, size after
//! decompression), cancellable between reads, reporting progress. Run it off the UI thread.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use thiserror::Error;

/// How krant introduces itself to servers.
pub const USER_AGENT: &str = concat!(
    "krant/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader)"
);

/// What one fetch may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub connect: Duration,
    /// The whole fetch, redirects and body included.
    pub total: Duration,
    /// Bytes of the body after decompression.
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(30),
            max_bytes: 20 << 20,
            max_redirects: 10,
        }
    }
}

/// A page as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Where the page was found, after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// The media type without parameters, lower case (`text/html`).
    pub media_type: Option<String>,
    /// The charset the server named, if any.
    pub charset: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FetchError {
    #[error("not a web address")]
    BadUrl,
    #[error("host not found")]
    HostNotFound,
    #[error("connection failed")]
    Connect,
    #[error("secure connection failed: {0}")]
    Tls(String),
    #[error("timed out")]
    Timeout,
    #[error("the server answered {0}")]
    Status(u16),
    #[error("larger than {0} bytes")]
    TooLarge(u64),
    #[error("too many redirects")]
    TooManyRedirects,
    #[error("not a web page or text: {0}")]
    NotText(String),
    #[error("cancelled")]
    Cancelled,
    #[error("{0}")]
    Network(String),
}

/// Whether `s` is an http or https address (the scheme in any case).
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Media types krant reads: web pages, text, and the XML and JSON that feeds come in.
fn readable(media_type: &str) -> bool {
    media_type.starts_with("text/")
        || matches!(
            media_type,
            "application/xhtml+xml" | "application/xml" | "application/json"
        )
        || media_type.ends_with("+xml")
        || media_type.ends_with("+json")
}

fn map_error(e: ureq::Error) -> FetchError {
    use ureq::Error as E;
    match e {
        E::StatusCode(c) => FetchError::Status(c),
        E::BadUri(_) | E::Http(_) => FetchError::BadUrl,
        E::HostNotFound => FetchError::HostNotFound,
        E::Timeout(_) => FetchError::Timeout,
        E::ConnectionFailed => FetchError::Connect,
        E::TooManyRedirects => FetchError::TooManyRedirects,
        E::BodyExceedsLimit(n) => FetchError::TooLarge(n),
        E::Tls(m) => FetchError::Tls(m.to_owned()),
        E::Rustls(e) => FetchError::Tls(e.to_string()),
        E::Io(e) => map_io(&e),
        other => FetchError::Network(other.to_string()),
    }
}

fn map_io(e: &std::io::Error) -> FetchError {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::TimedOut | K::WouldBlock => FetchError::Timeout,
        K::ConnectionRefused | K::ConnectionReset | K::ConnectionAborted => FetchError::Connect,
        // Errors of the layers below (decompression, ureq's own) come wrapped in io errors.
        _ => match e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>())
        {
            Some(ureq::Error::Timeout(_)) => FetchError::Timeout,
            Some(ureq::Error::BodyExceedsLimit(n)) => FetchError::TooLarge(*n),
            _ => FetchError::Network(e.to_string()),
        },
    }
}

/// Fetches `url`. `progress` hears the bytes received so far and the expected total (when
/// the server said); setting `cancel` stops the fetch at the next read.
pub fn fetch(
    url: &str,
    limits: &Limits,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Fetched, FetchError> {
    if !is_url(url) {
        return Err(FetchError::BadUrl);
    }
    let config = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_global(Some(limits.total))
        .max_redirects(limits.max_redirects)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .accept("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let response = agent.get(url).call().map_err(map_error)?;
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(FetchError::Status(status));
    }
    use ureq::ResponseExt;
    let final_url = response.get_uri().to_string();
    read_page(response, final_url, limits, cancel, progress)
}

/// The body of a response, within the limits, with its media type and charset.
fn read_page(
    response: ureq::http::Response<ureq::Body>,
    url: String,
    limits: &Limits,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Fetched, FetchError> {
    let body = response.into_body();
    let media_type = body.mime_type().map(|m| m.trim().to_ascii_lowercase());
    let charset = body.charset().map(|c| c.trim().to_owned());
    if let Some(m) = media_type.as_deref().filter(|m| !readable(m)) {
        return Err(FetchError::NotText(m.to_owned()));
    }
    let expected = body.content_length();
    // The limit is checked here, after decompression, one byte past it.
    let mut reader = body.into_with_config().limit(u64::MAX).reader();
    let mut bytes = Vec::with_capacity(expected.unwrap_or(0).min(limits.max_bytes) as usize);
    let mut buf = vec![0u8; 64 << 10];
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(map_io(&e)),
        };
        if bytes.len() as u64 + n as u64 > limits.max_bytes {
            return Err(FetchError::TooLarge(limits.max_bytes));
        }
        bytes.extend_from_slice(&buf[..n]);
        progress(bytes.len() as u64, expected);
    }
    Ok(Fetched {
        url,
        bytes,
        media_type,
        charset,
    })
}

/// The validators of an earlier answer, sent so that the server can say "not modified".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The answer to a conditional request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conditional {
    /// The page, or None when the server said it is not modified (304).
    pub page: Option<Fetched>,
    /// The validators of this answer.
    pub validators: Validators,
    /// Where the address now lives when every redirect on the way was permanent (301, 308).
    pub moved_to: Option<String>,
}

/// Fetches `url` with `If-None-Match` and `If-Modified-Since` from `validators`, following
/// redirects itself so that it can tell a permanent move from a temporary one.
pub fn fetch_conditional(
    url: &str,
    validators: &Validators,
    limits: &Limits,
    cancel: &AtomicBool,
) -> Result<Conditional, FetchError> {
    if !is_url(url) {
        return Err(FetchError::BadUrl);
    }
    let config = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_global(Some(limits.total))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .accept("application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let started = std::time::Instant::now();
    let mut current = url.to_owned();
    let mut permanent = true;
    for _ in 0..=limits.max_redirects {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        // Each hop gets what is left of the whole fetch's time.
        let left = limits.total.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(FetchError::Timeout);
        }
        let mut request = agent
            .get(&current)
            .config()
            .timeout_global(Some(left))
            .build();
        if let Some(e) = &validators.etag {
            request = request.header("If-None-Match", e);
        }
        if let Some(d) = &validators.last_modified {
            request = request.header("If-Modified-Since", d);
        }
        let response = request.call().map_err(map_error)?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let location = header("location").ok_or(FetchError::Status(status))?;
            let next = url::Url::parse(&current)
                .and_then(|u| u.join(&location))
                .map_err(|_| FetchError::BadUrl)?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(FetchError::BadUrl);
            }
            permanent &= matches!(status, 301 | 308);
            current = next.into();
            continue;
        }
        let moved_to = (permanent && current != url).then(|| current.clone());
        let found = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        if status == 304 {
            // A 304 may leave out validators that still hold.
            let validators = Validators {
                etag: found.etag.or_else(|| validators.etag.clone()),
                last_modified: found
                    .last_modified
                    .or_else(|| validators.last_modified.clone()),
            };
            return Ok(Conditional {
                page: None,
                validators,
                moved_to,
            });
        }
        if status >= 300 {
            return Err(FetchError::Status(status));
        }
        let page = read_page(response, current, limits, cancel, &mut |_, _| {})?;
        return Ok(Conditional {
            page: Some(page),
            validators: found,
            moved_to,
        });
    }
    Err(FetchError::TooManyRedirects)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_media_types() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("article.html"));
        assert!(!is_url("http:"));
        for ok in [
            "text/html",
            "text/plain",
            "application/xhtml+xml",
            "application/rss+xml",
            "application/feed+json",
        ] {
            assert!(readable(ok), "{ok}");
        }
        for not in ["image/png", "application/pdf", "application/octet-stream"] {
            assert!(!readable(not), "{not}");
        }
    }

    #[test]
    fn errors_of_the_layers_below_keep_their_meaning() {
        assert_eq!(
            map_error(ureq::Error::HostNotFound),
            FetchError::HostNotFound
        );
        assert_eq!(
            map_error(ureq::Error::Timeout(ureq::Timeout::Global)),
            FetchError::Timeout
        );
        assert_eq!(
            map_error(ureq::Error::TooManyRedirects),
            FetchError::TooManyRedirects
        );
        let wrapped = std::io::Error::other(ureq::Error::Timeout(ureq::Timeout::PerRead));
        assert_eq!(map_io(&wrapped), FetchError::Timeout);
    }

    #[test]
    fn a_bad_address_is_refused_before_any_connection() {
        let cancel = AtomicBool::new(false);
        let r = fetch(
            "file:///etc/passwd",
            &Limits::default(),
            &cancel,
            &mut |_, _| {},
        );
        assert_eq!(r, Err(FetchError::BadUrl));
    }
}
