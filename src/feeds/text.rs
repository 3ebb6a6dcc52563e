//! Plain text out of the HTML that feeds carry in titles and summaries: tags dropped, block
//! ends turned into line breaks, character references decoded. The result then goes through
//! the one sanitiser ([`crate::article::sanitize`]) like every other string krant shows.

/// The names of U+00A0 to U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references that feeds use, outside Latin-1.
const OTHERS: &[(&str, u32)] = &[
    ("quot", 34),
    ("amp", 38),
    ("apos", 39),
    ("lt", 60),
    ("gt", 62),
    ("OElig", 338),
    ("oelig", 339),
    ("Scaron", 352),
    ("scaron", 353),
    ("Yuml", 376),
    ("fnof", 402),
    ("circ", 710),
    ("tilde", 732),
    ("ensp", 8194),
    ("emsp", 8195),
    ("thinsp", 8201),
    ("zwnj", 8204),
    ("zwj", 8205),
    ("lrm", 8206),
    ("rlm", 8207),
    ("ndash", 8211),
    ("mdash", 8212),
    ("lsquo", 8216),
    ("rsquo", 8217),
    ("sbquo", 8218),
    ("ldquo", 8220),
    ("rdquo", 8221),
    ("bdquo", 8222),
    ("dagger", 8224),
    ("Dagger", 8225),
    ("bull", 8226),
    ("hellip", 8230),
    ("permil", 8240),
    ("prime", 8242),
    ("Prime", 8243),
    ("lsaquo", 8249),
    ("rsaquo", 8250),
    ("euro", 8364),
    ("trade", 8482),
    ("larr", 8592),
    ("uarr", 8593),
    ("rarr", 8594),
    ("darr", 8595),
    ("minus", 8722),
];

/// The character a named reference stands for (`eacute` → `é`).
pub fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHERS
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, c)| char::from_u32(*c))
}

/// The reference at the start of `s` (just after an `&`): the character and the bytes it
/// takes, `;` included. A reference to nothing (`&#0;`, an unknown name) is `None`.
pub fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.char_indices().take(40).find(|(_, c)| *c == ';')?.0;
    let body = &s[..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(n).filter(|c| *c != '\0')?
    } else {
        named(body)?
    };
    Some((c, end + 1))
}

/// Whether `s` (just after an `&`) starts like a reference: a name or a number and a `;`.
pub fn looks_like_reference(s: &str) -> bool {
    // No reference is longer than this; looking further would make a text full of `&`
    // without `;` quadratic.
    let Some(end) = s.bytes().take(40).position(|b| b == b';') else {
        return false;
    };
    let body = &s[..end];
    match body.strip_prefix('#') {
        Some(n) => match n.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
            None => !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
        },
        None => {
            body.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && body.chars().all(|c| c.is_ascii_alphanumeric())
        }
    }
}

/// Decodes the character references in `s`; what is not one stays as written.
pub fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, n)) => {
                out.push(c);
                rest = &after[n..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Elements whose end is the end of a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "table",
    "section",
    "article",
    "figure",
    "figcaption",
    "dd",
    "dt",
];

/// The text of an HTML fragment: tags, comments, scripts and styles dropped, block elements
/// as line breaks, references decoded, runs of spaces collapsed and at most one empty line
/// between paragraphs.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        raw.push_str(&decode_references(&rest[..at]));
        let tag = &rest[at..];
        if let Some(comment) = tag.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let name: String = tag[1..]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() && !tag[1..].starts_with(['/', '!', '?']) {
            // A `<` that opens no tag (`a < b`) is text.
            raw.push('<');
            rest = &tag[1..];
            continue;
        }
        let Some(end) = tag.find('>') else {
            break;
        };
        rest = &tag[end + 1..];
        if matches!(name.as_str(), "script" | "style") && !tag[1..].starts_with('/') {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(e) => rest[e..].find('>').map_or("", |g| &rest[e + g + 1..]),
                None => "",
            };
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            raw.push('\n');
        }
    }
    if !rest.contains('<') {
        raw.push_str(&decode_references(rest));
    }
    tidy(&raw)
}

/// Collapses spaces within lines, trims lines, keeps at most one empty line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&words.join(" "));
    }
    out
}

/// Runs of white space as one space, none at the ends.
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(named("nbsp"), Some('\u{a0}'));
        assert_eq!(named("yuml"), Some('ÿ'));
        assert_eq!(named("eacute"), Some('é'));
        assert_eq!(named("mdash"), Some('—'));
        assert_eq!(named("bogus"), None);
        assert_eq!(
            decode_references("a &amp; b &#233;&#xE9; &bogus; &#0; & c"),
            "a & b éé &bogus; &#0; & c"
        );
        assert!(looks_like_reference("amp; x"));
        assert!(looks_like_reference("#x1F;"));
        assert!(!looks_like_reference(" b;"));
        assert!(!looks_like_reference("#;"));
        assert!(!looks_like_reference("T"));
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_to_text("<p>One &amp; <b>two</b></p><p>Three<br/>four</p>"),
            "One & two\n\nThree\nfour"
        );
        assert_eq!(
            html_to_text("x<script>alert('<p>')</script>y<!-- <p> -->z"),
            "xyz"
        );
        assert_eq!(html_to_text("a < b and   c"), "a < b and c");
        assert_eq!(html_to_text("plain"), "plain");
        assert_eq!(html_to_text("cut <a href"), "cut");
    }
}
