//! What a page says about itself: title, byline, publication date, site name, language and its
//! versions in other languages. Sources in order of trust: JSON-LD (`NewsArticle`, `Article`
//! and kin), then Open Graph and `article:` meta tags, then Readability's own findings (other
//! meta tags, a byline in the text, the `<title>`), then a `<time>` element, then `<html lang>`.

use crate::article::sanitize::{sanitize, Breaks, Neutralised};
use dom_query::Document;
use serde_json::Value;

/// One version of the page in another language (`<link rel="alternate" hreflang href>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

/// The page's metadata, every string sanitised to one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Where the page came from, when it came from the web.
    pub url: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub lang: Option<String>,
    pub alternates: Vec<Alternate>,
    /// What sanitising neutralised in the page's text and metadata (the text keeps the
    /// markers; this keeps the count, which the text alone no longer tells).
    pub neutralised: Neutralised,
}

/// What the page's head and markup say, before Readability changes the document.
#[derive(Debug, Default)]
pub struct Found {
    ld: Fields,
    og: Fields,
    time: Option<String>,
    html_lang: Option<String>,
    alternates: Vec<Alternate>,
}

#[derive(Debug, Default)]
struct Fields {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    lang: Option<String>,
}

/// Article types of schema.org whose JSON-LD describes the page's article.
const LD_TYPES: [&str; 8] = [
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
];

fn nonempty(s: &str) -> Option<String> {
    let s = s.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Reads the metadata sources of `doc` (it is not changed).
pub fn collect(doc: &Document) -> Found {
    let mut f = Found::default();
    for script in doc.select("script[type]").nodes().iter().filter(|n| {
        n.attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    }) {
        let text = script.text();
        let text = text.trim();
        let text = text
            .strip_prefix("<![CDATA[")
            .and_then(|t| t.strip_suffix("]]>"))
            .unwrap_or(text);
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            if let Some(article) = find_article(&v, 0) {
                f.ld = ld_fields(article);
                break;
            }
        }
    }
    for m in doc.select("meta[content]").nodes() {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .map(|k| k.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let Some(value) = m.attr("content").and_then(|c| nonempty(&c)) else {
            continue;
        };
        let slot = match key.as_str() {
            "og:title" => &mut f.og.title,
            "og:site_name" => &mut f.og.site,
            "article:published_time" => &mut f.og.published,
            "og:locale" => &mut f.og.lang,
            _ => continue,
        };
        slot.get_or_insert(value);
    }
    f.time = doc
        .select("time[datetime]")
        .nodes()
        .iter()
        .find_map(|n| n.attr("datetime").and_then(|d| nonempty(&d)));
    f.html_lang = doc
        .select("html[lang]")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang"))
        .and_then(|l| nonempty(&l));
    for link in doc.select("link[hreflang][href]").nodes() {
        let rel = link.attr("rel").unwrap_or_default().to_ascii_lowercase();
        if !rel.split_ascii_whitespace().any(|r| r == "alternate") {
            continue;
        }
        if let (Some(hreflang), Some(href)) = (
            link.attr("hreflang").and_then(|h| nonempty(&h)),
            link.attr("href").and_then(|h| nonempty(&h)),
        ) {
            f.alternates.push(Alternate { hreflang, href });
        }
    }
    f
}

/// The first JSON-LD object of an article type, in arrays and `@graph`s (not too deep).
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(o) => {
            let typed = |t: &Value| t.as_str().is_some_and(|t| LD_TYPES.contains(&t));
            let is_article = match o.get("@type") {
                Some(Value::Array(ts)) => ts.iter().any(typed),
                Some(t) => typed(t),
                None => false,
            };
            if is_article {
                Some(v)
            } else {
                o.get("@graph").and_then(|g| find_article(g, depth + 1))
            }
        }
        _ => None,
    }
}

/// A name from a JSON-LD person or organisation: a string, an object with `name`, or a list.
fn ld_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => nonempty(s),
        Value::Object(o) => o.get("name").and_then(ld_name),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(ld_name).collect();
            nonempty(&names.join(", "))
        }
        _ => None,
    }
}

fn ld_fields(v: &Value) -> Fields {
    let s = |k: &str| v.get(k).and_then(Value::as_str).and_then(nonempty);
    Fields {
        title: s("headline").or_else(|| s("name")),
        byline: v.get("author").and_then(ld_name),
        published: s("datePublished"),
        site: v.get("publisher").and_then(ld_name),
        lang: s("inLanguage"),
    }
}

/// Sanitises a metadata string to one line, counting what was neutralised.
fn clean(s: Option<String>, n: &mut Neutralised) -> Option<String> {
    let s = s?;
    let out = sanitize(&s, Breaks::Join);
    n.add(out.neutralised);
    nonempty(&out.text)
}

/// Merges the sources in order of trust.
pub fn merge(f: Found, readable: Option<&dom_smoothie::Article>, n: &mut Neutralised) -> PageMeta {
    let r = |get: fn(&dom_smoothie::Article) -> Option<String>| readable.and_then(get);
    let title =
        f.ld.title
            .or(f.og.title)
            .or_else(|| r(|a| nonempty(&a.title)));
    let byline = f.ld.byline.or_else(|| r(|a| a.byline.clone()));
    let published =
        f.ld.published
            .or(f.og.published)
            .or_else(|| r(|a| a.published_time.clone()))
            .or(f.time);
    let site =
        f.ld.site
            .or(f.og.site)
            .or_else(|| r(|a| a.site_name.clone()));
    let lang = f.ld.lang.or(f.og.lang).or(f.html_lang);
    let alternates = f
        .alternates
        .into_iter()
        .filter_map(|a| {
            Some(Alternate {
                hreflang: clean(Some(a.hreflang), n)?,
                href: clean(Some(a.href), n)?,
            })
        })
        .collect();
    PageMeta {
        url: None,
        title: clean(title, n),
        byline: clean(byline, n),
        published: clean(published, n),
        site: clean(site, n),
        lang: clean(lang, n),
        alternates,
        neutralised: Neutralised::default(),
    }
}
